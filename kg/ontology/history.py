"""Ontology revisions: canonical triples, ETags, and the history graph.

An ontology edit must be comparable across reads, processes and stores: the same
ontology has to give the same ETag whether it was parsed from a file or read back
from Oxigraph, where blank nodes (the ``owl:unionOf`` domains) get fresh labels on
every write. So every graph is reduced to *canonical lines*: N-Triples sorted, with
each blank node named by a hash of where it hangs (the IRI and predicate above it)
and what it holds. Added and removed triples of a revision, the ETag, and reverts
are all computed on these lines.

Each change is a :class:`Revision` stored as a node of its own named graph
(:data:`HISTORY_GRAPH`), written in the same SPARQL Update as the change itself, so
the history can never disagree with the ontology it describes.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from rdflib import BNode, Graph, Literal, Namespace, URIRef
from rdflib.compare import to_canonical_graph
from rdflib.namespace import RDF, XSD

from kg.errors import EditRefused, NotFound, QueryError, RevertConflict
from kg.sparql import serialize
from kg.store.base import Store
from kg.vocab import BASE

HISTORY_GRAPH = URIRef(BASE + "graph/ontology-history")
"""The named graph that holds one node per ontology revision."""

HIST = Namespace(BASE + "history#")
"""Terms of the history graph (kept out of ``dd:`` so the ontology describes only the news)."""

REVISION = Namespace(BASE + "revision/")


# -- canonical lines ---------------------------------------------------------------------


def term_nt(term: URIRef | Literal) -> str:
    """An IRI or literal in N-Triples syntax; an invalid IRI refuses the edit."""
    try:
        return serialize(term)
    except QueryError as exc:
        raise EditRefused(f"{term!s} is not a valid IRI or literal: {exc.message}") from exc


def _digest(*parts: str) -> str:
    return hashlib.sha256("\x1f".join(parts).encode()).hexdigest()[:24]


def _tree_labels(graph: Graph) -> dict[BNode, str] | None:
    """Blank-node labels from their position and content, or None when they are not a tree.

    Ontologies use blank nodes as trees hanging from one named term (a union class
    and its RDF list): each has exactly one parent. Shared or cyclic blank nodes
    fall back to rdflib's general canonicalization.
    """
    bnodes = {t for triple in graph for t in triple if isinstance(t, BNode)}
    if not bnodes:
        return {}
    parent: dict[BNode, tuple[URIRef | BNode, URIRef]] = {}
    for b in bnodes:
        incoming = list(graph.subject_predicates(b))
        if len(incoming) != 1:
            return None
        s, p = incoming[0]
        parent[b] = (s, p)  # type: ignore[assignment]

    content: dict[BNode, str] = {}
    visiting: set[BNode] = set()

    def down(b: BNode) -> str | None:
        if b in content:
            return content[b]
        if b in visiting:
            return None
        visiting.add(b)
        parts = []
        for p, o in graph.predicate_objects(b):
            if isinstance(o, BNode):
                inner = down(o)
                if inner is None:
                    return None
                parts.append(f"{term_nt(p)} _:{inner}")  # type: ignore[arg-type]
            else:
                parts.append(f"{term_nt(p)} {term_nt(o)}")  # type: ignore[arg-type]
        visiting.discard(b)
        content[b] = _digest(*sorted(parts))
        return content[b]

    labels: dict[BNode, str] = {}

    def label(b: BNode, depth: int = 0) -> str | None:
        if b in labels:
            return labels[b]
        if depth > len(bnodes):
            return None
        s, p = parent[b]
        if isinstance(s, BNode):
            above = label(s, depth + 1)
            if above is None:
                return None
        else:
            above = term_nt(s)
        inner = down(b)
        if inner is None:
            return None
        labels[b] = "c" + _digest(above, term_nt(p), inner)
        return labels[b]

    for b in bnodes:
        if label(b) is None:
            return None
    if len(set(labels.values())) != len(labels):
        return None
    return labels


def canonical_lines(graph: Graph) -> list[str]:
    """The graph as sorted N-Triples lines with deterministic blank-node labels."""
    labels: dict[BNode, str] | None = _tree_labels(graph)
    if labels is None:
        canonical = to_canonical_graph(graph)
        labels = {
            b: "c" + _digest(str(b))
            for b in {t for triple in canonical for t in triple if isinstance(t, BNode)}
        }
        graph = canonical

    def nt(term: Any) -> str:
        if isinstance(term, BNode):
            return "_:" + labels[term]
        return term_nt(term)

    return sorted({f"{nt(s)} {nt(p)} {nt(o)} ." for s, p, o in graph})


def etag_of(lines: Iterable[str]) -> str:
    """The ETag of an ontology: a hash of its canonical lines (quoted, as HTTP wants)."""
    digest = hashlib.sha256("\n".join(lines).encode()).hexdigest()[:32]
    return f'"{digest}"'


def graph_from_lines(lines: Iterable[str]) -> Graph:
    """Parse canonical lines back into a graph (one document, so blank nodes stay joined)."""
    text = "\n".join(lines)
    graph = Graph()
    if text:
        graph.parse(data=text, format="nt")
    return graph


# -- revisions ---------------------------------------------------------------------------


@dataclass
class Revision:
    """One change of the ontology, with the data it migrated."""

    number: int
    author: str
    created: dt.datetime
    message: str
    kind: str
    added: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    data_added: list[str] = field(default_factory=list)
    data_removed: list[str] = field(default_factory=list)
    etag_before: str = ""
    etag_after: str = ""
    reverts: int | None = None
    summary: str = ""
    counts: tuple[int, int, int, int] | None = None  # listings: counts without the triples

    @property
    def iri(self) -> URIRef:
        return REVISION[str(self.number)]

    def as_dict(self, *, full: bool = True) -> dict[str, Any]:
        """JSON view; ``full=False`` leaves out the triples (for listings)."""
        counts = self.counts or (
            len(self.added),
            len(self.removed),
            len(self.data_added),
            len(self.data_removed),
        )
        out: dict[str, Any] = {
            "number": self.number,
            "author": self.author,
            "created": self.created.isoformat(),
            "message": self.message,
            "kind": self.kind,
            "summary": self.summary,
            "added_count": counts[0],
            "removed_count": counts[1],
            "data_added_count": counts[2],
            "data_removed_count": counts[3],
            "etag_before": self.etag_before,
            "etag_after": self.etag_after,
            "reverts": self.reverts,
        }
        if full:
            out.update(
                added=self.added,
                removed=self.removed,
                data_added=self.data_added,
                data_removed=self.data_removed,
            )
        return out

    def graph(self) -> Graph:
        """The revision as triples for the history graph."""
        g = Graph()
        node = self.iri
        g.add((node, RDF.type, HIST.Revision))
        g.add((node, HIST.number, Literal(self.number)))
        g.add((node, HIST.author, Literal(self.author)))
        g.add((node, HIST.time, Literal(self.created.isoformat(), datatype=XSD.dateTime)))
        g.add((node, HIST.message, Literal(self.message)))
        g.add((node, HIST.kind, Literal(self.kind)))
        g.add((node, HIST.summary, Literal(self.summary)))
        g.add((node, HIST.added, Literal("\n".join(self.added))))
        g.add((node, HIST.removed, Literal("\n".join(self.removed))))
        g.add((node, HIST.addedCount, Literal(len(self.added))))
        g.add((node, HIST.removedCount, Literal(len(self.removed))))
        g.add((node, HIST.dataAdded, Literal("\n".join(self.data_added))))
        g.add((node, HIST.dataRemoved, Literal("\n".join(self.data_removed))))
        g.add((node, HIST.dataAddedCount, Literal(len(self.data_added))))
        g.add((node, HIST.dataRemovedCount, Literal(len(self.data_removed))))
        g.add((node, HIST.etagBefore, Literal(self.etag_before)))
        g.add((node, HIST.etagAfter, Literal(self.etag_after)))
        if self.reverts is not None:
            g.add((node, HIST.reverts, Literal(self.reverts)))
        return g


_TRIPLE_FIELDS = (HIST.added, HIST.removed, HIST.dataAdded, HIST.dataRemoved)


def _select_revisions(
    store: Store, *, number: int | None, full: bool, limit: int, offset: int
) -> list[Revision]:
    """Revisions newest first: their numbers, then their statements, assembled here."""
    if number is not None:
        numbered = store.select(
            "SELECT ?rev ?n WHERE { GRAPH ?hist { ?rev ?number_p ?n } }",
            {"hist": HISTORY_GRAPH, "number_p": HIST.number, "n": Literal(number)},
        )
    else:
        numbered = store.select(
            "SELECT ?rev ?n WHERE { GRAPH ?hist { ?rev ?number_p ?n } } "
            f"ORDER BY DESC(?n) LIMIT {int(limit)} OFFSET {int(offset)}",
            {"hist": HISTORY_GRAPH, "number_p": HIST.number},
        )
    revisions = []
    for row in numbered:
        rev = row["rev"]
        values: dict[URIRef, str] = {}
        for fact in store.select(
            "SELECT ?p ?o WHERE { GRAPH ?hist { ?rev ?p ?o } }", {"hist": HISTORY_GRAPH, "rev": rev}
        ):
            if full or fact["p"] not in _TRIPLE_FIELDS:
                values[fact["p"]] = str(fact["o"])  # type: ignore[index]

        def lines(prop: URIRef, values: dict[URIRef, str] = values) -> list[str]:
            text = values.get(prop, "")
            return text.split("\n") if text else []

        def count(prop: URIRef, values: dict[URIRef, str] = values) -> int:
            return int(values.get(prop, "0") or 0)

        revision = Revision(
            number=int(str(row["n"])),
            author=values.get(HIST.author, ""),
            created=dt.datetime.fromisoformat(values[HIST.time])
            if HIST.time in values
            else dt.datetime.fromtimestamp(0, dt.UTC),
            message=values.get(HIST.message, ""),
            kind=values.get(HIST.kind, ""),
            added=lines(HIST.added),
            removed=lines(HIST.removed),
            data_added=lines(HIST.dataAdded),
            data_removed=lines(HIST.dataRemoved),
            etag_before=values.get(HIST.etagBefore, ""),
            etag_after=values.get(HIST.etagAfter, ""),
            reverts=int(values[HIST.reverts]) if HIST.reverts in values else None,
            summary=values.get(HIST.summary, ""),
        )
        if not full:
            # Listings carry counts, not the triples themselves.
            revision.counts = (
                count(HIST.addedCount),
                count(HIST.removedCount),
                count(HIST.dataAddedCount),
                count(HIST.dataRemovedCount),
            )
        revisions.append(revision)
    return revisions


def list_revisions(store: Store, *, limit: int = 50, offset: int = 0) -> list[Revision]:
    """Newest first, without their triples (``added``/``removed`` hold only counts)."""
    return _select_revisions(store, number=None, full=False, limit=limit, offset=offset)


def get_revision(store: Store, number: int) -> Revision:
    found = _select_revisions(store, number=number, full=True, limit=1, offset=0)
    if not found:
        raise NotFound(f"no ontology revision {number}")
    return found[0]


def latest_number(store: Store) -> int:
    rows = store.select(
        "SELECT (MAX(?n) AS ?max) WHERE { GRAPH ?hist { ?rev ?number_p ?n } }",
        {"hist": HISTORY_GRAPH, "number_p": HIST.number},
    )
    value = rows.bindings[0].get("max") if rows.bindings else None
    return int(str(value)) if value is not None else 0


# -- SPARQL Update text from serialized terms -------------------------------------------------


def _has_blank_node(line: str) -> bool:
    """Whether an N-Triples line has a blank subject or object (a literal has quotes)."""
    return line.startswith("_:") or ('"' not in line and " _:" in line)


def insert_data(graph_iri: URIRef, lines: Sequence[str]) -> str:
    """Insert canonical lines into one graph ('' when there are none).

    Triples with blank nodes go in through one ``INSERT { … } WHERE {}`` template (which
    keeps each blank node one node), the rest as ``INSERT DATA``: Virtuoso refuses blank
    nodes in ``INSERT DATA`` and compiles large templates into too much SQL.
    """
    graph = term_nt(graph_iri)
    blank = [line for line in lines if _has_blank_node(line)]
    plain = [line for line in lines if not _has_blank_node(line)]
    ops = []
    if plain:
        ops.append(f"INSERT DATA {{ GRAPH {graph} {{\n" + "\n".join(plain) + "\n} }")
    if blank:
        ops.append(f"INSERT {{ GRAPH {graph} {{\n" + "\n".join(blank) + "\n} } WHERE {}")
    return " ;\n".join(ops)


_QUAD = re.compile(r"^(?P<triple>.*) <(?P<graph>[^<>\s]*)> \.$")


def quads_from_lines(lines: Iterable[str]) -> list[tuple[Any, Any, Any, URIRef]]:
    """Parse recorded N-Quads lines (re-parsed, so nothing stored is pasted back blindly)."""
    by_graph: dict[str, list[str]] = {}
    for line in lines:
        if not line:
            continue
        match = _QUAD.match(line)
        if match is None:
            raise RevertConflict(f"a recorded data change is not an N-Quads line: {line[:200]}")
        by_graph.setdefault(match["graph"], []).append(match["triple"] + " .")
    out: list[tuple[Any, Any, Any, URIRef]] = []
    for graph_iri, triples in by_graph.items():
        for s, p, o in graph_from_lines(triples):
            out.append((s, p, o, URIRef(graph_iri)))
    return out


def quad_line(s: URIRef, p: URIRef, o: URIRef | Literal, g: URIRef) -> str:
    return f"{term_nt(s)} {term_nt(p)} {term_nt(o)} {term_nt(g)} ."


def data_block(keyword: str, quads: Sequence[tuple[Any, Any, Any, Any]]) -> str:
    """``INSERT DATA``/``DELETE DATA`` of quads grouped by graph ('' when there are none)."""
    if not quads:
        return ""
    by_graph: dict[Any, list[str]] = {}
    for s, p, o, g in quads:
        by_graph.setdefault(g, []).append(f"{term_nt(s)} {term_nt(p)} {term_nt(o)} .")
    body = "\n".join(
        f"GRAPH {term_nt(g)} {{\n" + "\n".join(lines) + "\n}" for g, lines in by_graph.items()
    )
    return f"{keyword} {{\n{body}\n}}"


__all__ = [
    "HIST",
    "HISTORY_GRAPH",
    "Revision",
    "canonical_lines",
    "etag_of",
    "get_revision",
    "graph_from_lines",
    "latest_number",
    "list_revisions",
]
