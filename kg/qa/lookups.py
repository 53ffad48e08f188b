"""Reads about the nodes an answer shows: labels, types, names, events and articles.

An answer shows more than its template's rows: the label of each entity, the title and
date of each cited article, the parties and dates of each event. Read one node at a
time, that is dozens of queries per question, and each costs a fraction of a
millisecond before it reads anything. So :class:`Lookups` reads each kind for many
nodes at once (:meth:`Lookups.prefetch`: one query with a ``VALUES`` block of
serialized terms, as :func:`kg.sparql.bind` builds for one) and keeps what it read
for the rest of the question; the single-node accessors read a batch of one when
nothing was prefetched.

Entity triples are repeated in every article graph that mentions the entity, so
the reads on entities are ``DISTINCT``, and the first value read for a node is the
one the single-node query with ``LIMIT 1`` returned.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from rdflib import BNode, URIRef

from kg.sparql import serialize, where_brace
from kg.store.base import Store, Term
from kg.vocab import DD

SDO = "https://schema.org/"
DCTERMS = "http://purl.org/dc/terms/"

# One read per kind; ?x is bound to the nodes asked about.
_QUERIES = {
    # Events and articles only: they are small, and in one graph each.
    "describe": "SELECT ?x ?p ?o WHERE { ?x ?p ?o }",
    "label": "SELECT DISTINCT ?x ?label WHERE { ?x rdfs:label ?label }",
    "types": "SELECT DISTINCT ?x ?type WHERE { ?x a ?type }",
    "categories": "SELECT DISTINCT ?x ?category WHERE { ?x dd:weaponCategory ?category }",
    "alt_names": "SELECT DISTINCT ?x ?name WHERE { ?x skos:altLabel ?name }",
    "countries": "SELECT DISTINCT ?x ?country WHERE { ?x dd:country ?country }",
}
_VALUE = {
    "describe": "o",
    "label": "label",
    "types": "type",
    "categories": "category",
    "alt_names": "name",
    "countries": "country",
}
_BATCH = 400  # nodes per query: a long VALUES block still parses in well under a millisecond


def bind_many(query: str, name: str, values: Iterable[Term]) -> str:
    """``query`` with ``?name`` bound to each of ``values`` (a one-variable ``VALUES``
    block at the head of its WHERE group, every term serialized by Oxigraph)."""
    block = " ".join(serialize(v) for v in values)
    at = where_brace(query) + 1
    return f"{query[:at]} VALUES ?{name} {{ {block} }}\n{query[at:]}"


class Lookups:
    """Reads about nodes, batched and memoized for the duration of one question."""

    def __init__(self, store: Store) -> None:
        self.store = store
        self._memo: dict[tuple[str, Term], list[Any]] = {}

    def prefetch(self, kind: str, nodes: Iterable[Term | None]) -> None:
        """Read ``kind`` for every node not read yet, in as few queries as possible."""
        wanted = [
            n
            for n in dict.fromkeys(nodes)
            if n is not None and (kind, n) not in self._memo and _readable(kind, n)
        ]
        for start in range(0, len(wanted), _BATCH):
            batch = wanted[start : start + _BATCH]
            found: dict[Term, list[Any]] = {n: [] for n in batch}
            value = _VALUE[kind]
            rows = self.store.select(bind_many(_QUERIES[kind], "x", batch))
            for row in rows:
                values = found.get(row.get("x"))  # type: ignore[arg-type]
                if values is None or value not in row:
                    continue
                values.append((row["p"], row["o"]) if kind == "describe" else row[value])
            for node, values in found.items():
                self._memo[(kind, node)] = values

    def _get(self, kind: str, node: Term) -> list[Any]:
        if (kind, node) not in self._memo:
            self.prefetch(kind, [node])
        return self._memo.get((kind, node), [])

    # -- the reads -------------------------------------------------------------------------

    def describe(self, node: Term) -> dict[URIRef, list[Term]]:
        """Every property of an event or article (small subjects; never an entity)."""
        out: dict[URIRef, list[Term]] = {}
        for prop, value in self._get("describe", node):
            if isinstance(prop, URIRef):
                out.setdefault(prop, []).append(value)
        return out

    def first(self, node: Term, prop: URIRef) -> Term | None:
        values = self.describe(node).get(prop) or []
        return values[0] if values else None

    def label(self, node: Term) -> str:
        if not isinstance(node, URIRef):
            return str(node)
        labels = self._get("label", node)
        return str(labels[0]) if labels else _local(node)

    def types(self, node: Term) -> set[URIRef]:
        return {t for t in self._get("types", node) if isinstance(t, URIRef)}

    def categories(self, node: Term) -> set[URIRef]:
        return {c for c in self._get("categories", node) if isinstance(c, URIRef)}

    def alt_names(self, node: Term) -> list[str]:
        return [str(n) for n in self._get("alt_names", node)]

    def countries(self, node: Term) -> list[URIRef]:
        return [c for c in self._get("countries", node) if isinstance(c, URIRef)]

    def evidence(self, sentence: Term, text: Term, article: Term) -> dict[str, str | None]:
        meta = self.describe(article)
        return {
            "article": str(article),
            "title": _str(one(meta, URIRef(DCTERMS + "title"))),
            "url": _str(one(meta, URIRef(SDO + "url"))),
            "date": _str(one(meta, URIRef(SDO + "datePublished"))),
            "sentence": str(text),
        }

    def role_values(self, events: Iterable[Term]) -> list[Term]:
        """The parties, places and things named in the roles of ``events`` (described)."""
        out: list[Term] = []
        for event in events:
            for prop, value in self._get("describe", event):
                if prop in ROLE_PROPERTIES:
                    out.append(value)
        return out


ROLE_PROPERTIES = (
    DD.supplier,
    DD.recipient,
    DD.actor,
    DD.target,
    DD.participant,
    DD.speaker,
    DD.contractor,
    DD.equipment,
    DD.program,
    DD.legalBasis,
    DD.topic,
    DD.organization,
    DD.member,
    DD.location,
    DD.outlet,
    DD.holder,
    DD.position,
    DD.quote,
    DD.valueText,
    DD.quantity,
)


def _readable(kind: str, node: Term) -> bool:
    """Labels of literals are the literals; a blank node cannot be bound (it has no
    rows); other terms are read as one-node queries read them."""
    if isinstance(node, BNode):
        return False
    return kind != "label" or isinstance(node, URIRef)


def one(meta: Mapping[URIRef, list[Term]], prop: URIRef) -> Term | None:
    values = meta.get(prop) or []
    return values[0] if values else None


def _str(term: Term | None) -> str | None:
    return None if term is None else str(term)


def _local(term: Term) -> str:
    return str(term).rsplit("#", 1)[-1].rsplit("/", 1)[-1]
