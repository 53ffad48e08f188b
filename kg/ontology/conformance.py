"""Data conformance: the SHACL shapes run over the stored articles, violations traced to them.

An ontology edit, an extractor change or a hand-made SPARQL update can leave data that no
longer says what the ontology promises (an event without evidence, a confidence above 1).
:func:`validate_data` runs ``ontology/shapes.ttl`` with pySHACL over the instance data and
names the article(s) each violation comes from, for ``attache validate`` and the editor page.

The stored ontology graph is added to the data graph rather than passed as pySHACL's
``ont_graph``: that mix-in copies the data graph and was seen to hang on concept schemes
that link back to their concepts. With the class hierarchy in the data graph,
``sh:targetClass dd:Event`` also reaches instances of new event subclasses.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import RDF, SH

from kg.ontology.bundle import SHAPES_FILE, bundled_ontology, parse_turtle
from kg.ontology.history import HISTORY_GRAPH
from kg.store.base import Store
from kg.vocab import ART, ONTOLOGY_GRAPH, PREFIXES


@dataclass
class Finding:
    """One SHACL result: what is wrong, where, and which articles hold it."""

    severity: str
    focus: str
    path: str
    value: str
    message: str
    shape: str
    articles: list[dict[str, str]] = field(default_factory=list)

    def as_dict(self) -> dict[str, Any]:
        return {
            "severity": self.severity,
            "focus": self.focus,
            "path": self.path,
            "value": self.value,
            "message": self.message,
            "shape": self.shape,
            "articles": self.articles,
        }


@dataclass
class ConformanceReport:
    """The outcome of running the shapes over the data."""

    conforms: bool
    triples: int
    findings: list[Finding]
    truncated: bool = False

    @property
    def violations(self) -> list[Finding]:
        return [f for f in self.findings if f.severity == "Violation"]

    def as_dict(self) -> dict[str, Any]:
        articles = {a["iri"] for f in self.findings for a in f.articles}
        return {
            "conforms": self.conforms,
            "triples": self.triples,
            "violations": len(self.violations),
            "findings": [f.as_dict() for f in self.findings],
            "articles": len(articles),
            "truncated": self.truncated,
        }


_DATA = """
CONSTRUCT { ?s ?p ?o } WHERE { GRAPH ?g { ?s ?p ?o } FILTER(?g != ?ont && ?g != ?hist) }"""

_ONE = "CONSTRUCT { ?s ?p ?o } WHERE { GRAPH ?g { ?s ?p ?o } }"

_WHERE = """
SELECT DISTINCT ?g ?title WHERE {
  GRAPH ?g { ?focus ?p ?o }
  FILTER(?g != ?ont && ?g != ?hist)
  OPTIONAL { GRAPH ?g { ?g ?title_p ?title } }
} ORDER BY ?g LIMIT 20"""


_NAMES = {**PREFIXES, "dds": "https://w3id.org/attache/shapes#"}


def _short(term: object) -> str:
    if term is None:
        return ""
    text = str(term)
    for prefix, ns in _NAMES.items():
        if isinstance(term, URIRef) and text.startswith(ns):
            return f"{prefix}:{text[len(ns) :]}"
    return text


def validate_data(
    store: Store,
    *,
    article: URIRef | None = None,
    shapes: Path = SHAPES_FILE,
    max_results: int = 1000,
) -> ConformanceReport:
    """Run the shapes over every article graph (or one), with the stored ontology mixed in."""
    from pyshacl import validate

    excluded = {"ont": ONTOLOGY_GRAPH, "hist": HISTORY_GRAPH}
    if article is None:
        data = store.construct(_DATA, excluded)
    else:
        data = store.construct(_ONE, {"g": article})
    triples = len(data)
    ontology = store.construct(_ONE, {"g": ONTOLOGY_GRAPH})
    # A store that never had its ontology installed is checked against the bundled one.
    for triple in ontology if len(ontology) else bundled_ontology():
        data.add(triple)
    conforms, results, _ = validate(
        data,
        shacl_graph=parse_turtle(shapes),
        inference="none",
        inplace=True,
        allow_warnings=True,
    )
    assert isinstance(results, Graph)
    findings: list[Finding] = []
    title = URIRef(PREFIXES["dcterms"] + "title")
    where_cache: dict[object, list[dict[str, str]]] = {}
    nodes = sorted(results.subjects(RDF.type, SH.ValidationResult), key=str)
    for node in nodes[:max_results]:
        focus = results.value(node, SH.focusNode)
        if focus not in where_cache:
            where_cache[focus] = []
            if isinstance(focus, URIRef):
                for row in store.select(_WHERE, {"focus": focus, "title_p": title, **excluded}):
                    where_cache[focus].append(
                        {"iri": str(row["g"]), "title": str(row.get("title", ""))}
                    )
                if not where_cache[focus] and str(focus).startswith(str(ART)):
                    where_cache[focus].append({"iri": str(focus).split("#", 1)[0], "title": ""})
        severity = results.value(node, SH.resultSeverity)
        value = results.value(node, SH.value)
        message = results.value(node, SH.resultMessage)
        findings.append(
            Finding(
                severity=str(severity).rsplit("#", 1)[-1] if severity else "Violation",
                focus=_short(focus),
                path=_short(results.value(node, SH.resultPath)),
                value=str(value) if isinstance(value, Literal | URIRef) else "",
                message=str(message) if message else "",
                shape=_short(results.value(node, SH.sourceShape)),
                articles=where_cache[focus],
            )
        )
    findings.sort(key=lambda f: (f.articles[0]["iri"] if f.articles else "", f.focus, f.path))
    return ConformanceReport(
        conforms=bool(conforms),
        triples=triples,
        findings=findings,
        truncated=len(nodes) > max_results,
    )
