"""What an ontology change does to the data: which articles use a term, and how to move them.

:func:`impact` tells an ontologist, before a delete or rename, how many triples in which
articles use a term. :func:`migration` writes the SPARQL Update that moves those uses to
another term (a rename or merge) and lists the quads it changes, which the revision
records so that a revert can move them back. Values reach SPARQL as serialized terms in
``VALUES`` blocks, never as pasted text.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from rdflib import BNode, Graph, URIRef

from kg.errors import EditRefused
from kg.ontology.edits import replace_term
from kg.ontology.history import HISTORY_GRAPH, quad_line, term_nt
from kg.ontology.terms import code_terms, prefixed, references, shape_terms
from kg.sparql import values_block
from kg.store.base import Store
from kg.vocab import DD, ONTOLOGY_GRAPH, PREFIXES

_USE_PATTERN = """
    { GRAPH ?g { ?term ?p ?o } BIND(?term AS ?s) }
    UNION { GRAPH ?g { ?s ?term ?o } BIND(?term AS ?p) }
    UNION { GRAPH ?g { ?s ?p ?term } BIND(?term AS ?o) }
    FILTER(?g != ?ont && ?g != ?hist)"""

_IMPACT_COUNT = (
    f"SELECT (COUNT(*) AS ?triples) (COUNT(DISTINCT ?g) AS ?graphs) WHERE {{{_USE_PATTERN}\n}}"
)

_IMPACT_ARTICLES = f"""
SELECT ?g (SAMPLE(?t) AS ?title) (COUNT(*) AS ?n) WHERE {{{_USE_PATTERN}
    OPTIONAL {{ GRAPH ?g {{ ?g ?title_p ?t }} }}
}} GROUP BY ?g ORDER BY DESC(?n) ?g LIMIT 20"""

_USES = f"SELECT DISTINCT ?g ?s ?p ?o WHERE {{{_USE_PATTERN}\n}}"


def _use_bindings(iri: URIRef) -> dict[str, URIRef]:
    return {"term": iri, "ont": ONTOLOGY_GRAPH, "hist": HISTORY_GRAPH}


def impact(store: Store, graph: Graph, iri: URIRef) -> dict[str, Any]:
    """How much data and which terms use ``iri``: what a delete or rename would touch."""
    rows = store.select(_IMPACT_COUNT, _use_bindings(iri))
    row = rows.bindings[0] if rows.bindings else {}
    articles = store.select(
        _IMPACT_ARTICLES, {**_use_bindings(iri), "title_p": URIRef(PREFIXES["dcterms"] + "title")}
    )
    return {
        "term": prefixed(iri),
        "triples": int(str(row.get("triples", 0))),
        "articles": int(str(row.get("graphs", 0))),
        "top_articles": [
            {
                "iri": str(r["g"]),
                "title": str(r.get("title", "")),
                "triples": int(str(r.get("n", 0))),
            }
            for r in articles
        ],
        "referenced_by": [prefixed(t) for t in references(graph, iri)],
        "code_term": iri in code_terms(),
        "shape_term": iri in shape_terms(),
    }


# -- moving the data ----------------------------------------------------------------------------


@dataclass(frozen=True)
class Migration:
    """A rename's or merge's effect on the data: the operations and the quads they change."""

    ops: list[str]
    added: list[str]
    removed: list[str]
    graphs: set[URIRef]


def _multi_values(names: Sequence[str], rows: Sequence[Sequence[Any]]) -> str:
    head = " ".join(f"?{n}" for n in names)
    body = "\n".join("(" + " ".join(term_nt(t) for t in row) + ")" for row in rows)
    return f"VALUES ({head}) {{\n{body}\n}}"


def migration(store: Store, old: URIRef, new: URIRef) -> Migration:
    """SPARQL operations that move data from ``old`` to ``new``, and what they change."""
    uses = store.select(_USES, _use_bindings(old))
    removed: list[tuple[Any, Any, Any, Any]] = []
    for row in uses:
        quad = (row.get("s"), row.get("p"), row.get("o"), row.get("g"))
        if any(isinstance(t, BNode) or t is None for t in quad):
            raise EditRefused(
                f"data using {prefixed(old)} holds blank nodes, which a migration cannot "
                "track; migrate it with SPARQL Update"
            )
        removed.append(quad)
    rewritten = list(
        dict.fromkeys(
            (replace_term(s, old, new), replace_term(p, old, new), replace_term(o, old, new), g)
            for s, p, o, g in removed
        )
    )
    existing: set[tuple[Any, ...]] = set()
    for start in range(0, len(rewritten), 500):
        chunk = rewritten[start : start + 500]
        query = (
            "SELECT ?g ?s ?p ?o WHERE { "
            + _multi_values(["s", "p", "o", "g"], chunk)
            + " GRAPH ?g { ?s ?p ?o } }"
        )
        for row in store.select(query):
            existing.add((row["s"], row["p"], row["o"], row["g"]))
    added = [q for q in rewritten if q not in existing]
    head = values_block({"old": old, "new": new, "ont": ONTOLOGY_GRAPH, "hist": HISTORY_GRAPH})
    guard = "FILTER(?g != ?ont && ?g != ?hist)"
    ops = [
        f"DELETE {{ GRAPH ?g {{ ?old ?p ?o }} }} INSERT {{ GRAPH ?g {{ ?new ?p ?o }} }}\n"
        f"WHERE {{ {head} GRAPH ?g {{ ?old ?p ?o }} {guard} }}",
        f"DELETE {{ GRAPH ?g {{ ?s ?old ?o }} }} INSERT {{ GRAPH ?g {{ ?s ?new ?o }} }}\n"
        f"WHERE {{ {head} GRAPH ?g {{ ?s ?old ?o }} {guard} }}",
        f"DELETE {{ GRAPH ?g {{ ?s ?p ?old }} }} INSERT {{ GRAPH ?g {{ ?s ?p ?new }} }}\n"
        f"WHERE {{ {head} GRAPH ?g {{ ?s ?p ?old }} {guard} }}",
    ]
    return Migration(
        ops if removed else [],
        [quad_line(*q) for q in added],
        [quad_line(*q) for q in removed],
        {q[3] for q in removed},
    )


def recount(graphs: set[URIRef]) -> str:
    """Keep each touched article's ``dd:tripleCount`` true (a merge can fold duplicates)."""
    if not graphs:
        return ""
    rows = _multi_values(["g"], [[g] for g in sorted(graphs, key=str)])
    head = values_block({"tc": DD.tripleCount})
    return (
        "DELETE { GRAPH ?g { ?g ?tc ?old } } INSERT { GRAPH ?g { ?g ?tc ?n } }\n"
        f"WHERE {{ {head} {{ SELECT ?g (COUNT(*) AS ?n)\n"
        f"  WHERE {{ {rows} GRAPH ?g {{ ?s ?p ?o }} }} GROUP BY ?g }}\n"
        "  GRAPH ?g { ?g ?tc ?old } }"
    )
