"""The vocabulary ``/sparql/prefixes`` serves: prefixes and terms for clients and the console.

The declared prefixes, the namespaces found in the store (named ``ns1``, ``ns2``...), and
the ontology's terms with their labels and comments, for completion in the console.
Both reads run through the query workers like any query from outside, and the result
is kept per snapshot generation, so it is read again only after the store changed.
"""

from __future__ import annotations

import json
from typing import Any

from kg.endpoint.pool import QueryTask
from kg.vocab import ONTOLOGY_GRAPH, PREFIXES
from service.state import state

_VOCABULARY_QUERY = """
SELECT ?term ?kind ?label ?comment WHERE {
  GRAPH <%s> {
    ?term a ?kind .
    VALUES ?kind { owl:Class owl:ObjectProperty owl:DatatypeProperty rdf:Property
                   owl:NamedIndividual skos:Concept }
    FILTER(isIRI(?term))
    OPTIONAL { ?term rdfs:label ?label FILTER(lang(?label) = "en" || lang(?label) = "") }
    OPTIONAL { ?term rdfs:comment ?comment FILTER(lang(?comment) = "en" || lang(?comment) = "") }
  }
}
"""
_NAMESPACES_QUERY = """
SELECT DISTINCT ?iri WHERE { { ?s ?iri ?o } UNION { ?s a ?iri FILTER(isIRI(?iri)) } }
"""


def _namespace(iri: str) -> str | None:
    cut = max(iri.rfind("#"), iri.rfind("/"))
    return iri[: cut + 1] if cut > 0 else None


def vocabulary() -> dict[str, Any]:
    """Prefixes for completion: declared ones, the store's namespaces, the ontology's terms."""
    queries = state().sparql
    cache = queries.cache
    generation = queries.require_pool().snapshot_generation()
    with queries.cache_lock:
        if generation in cache:
            return cache[generation]
    prefixes = dict(PREFIXES)
    by_namespace = {ns: p for p, ns in prefixes.items()}
    found = run_internal(_NAMESPACES_QUERY)
    namespaces = sorted(
        {ns for row in found["results"]["bindings"] if (ns := _namespace(row["iri"]["value"]))}
    )
    extra = 0
    for ns in namespaces:
        if ns not in by_namespace:
            extra += 1
            name = f"ns{extra}"
            prefixes[name] = ns
            by_namespace[ns] = name
    rows = run_internal(_VOCABULARY_QUERY % ONTOLOGY_GRAPH)["results"]["bindings"]
    terms: dict[str, dict[str, str]] = {}
    for row in rows:
        iri = row["term"]["value"]
        ns = _namespace(iri)
        if ns is None or ns not in by_namespace:
            continue
        kind = row["kind"]["value"].rsplit("#", 1)[-1]
        entry = terms.setdefault(
            iri,
            {
                "iri": iri,
                "prefixed": f"{by_namespace[ns]}:{iri[len(ns) :]}",
                "kind": kind,
                "label": "",
                "comment": "",
            },
        )
        if "label" in row and not entry["label"]:
            entry["label"] = row["label"]["value"]
        if "comment" in row and not entry["comment"]:
            entry["comment"] = row["comment"]["value"]
    value = {
        "ok": True,
        "prefixes": prefixes,
        "namespaces": namespaces,
        "terms": sorted(terms.values(), key=lambda t: t["prefixed"]),
    }
    with queries.cache_lock:
        cache.clear()
        cache[generation] = value
    return value


def run_internal(query_text: str, *, timeout: float | None = None) -> dict[str, Any]:
    """A fixed query of the service's own, through the workers, as parsed SPARQL JSON."""
    task = QueryTask(
        query=query_text,
        formats={"select": "json", "ask": "json", "graph": None},
        prefixes=dict(PREFIXES),
    )
    answer = state().sparql.require_pool().query(task, timeout=timeout)
    result: dict[str, Any] = json.loads(answer.body)
    return result
