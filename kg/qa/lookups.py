"""Reads about the nodes an answer shows: labels, types, names, events and articles.

An answer shows more than its template's rows: the label of each entity, the title and
date of each cited article, the parties and dates of each event. Read one node at a
time, that is dozens of queries per question, and each costs a fraction of a
millisecond before it reads anything. So :class:`Lookups` reads each kind for many
nodes, and several kinds at once (:meth:`Lookups.prefetch_all`: one query, with a
``VALUES`` block of serialized terms as :func:`kg.sparql.bind` builds for one value),
and keeps what it read for the rest of the question; the single-node accessors read a
batch of one when nothing was prefetched.

Entity triples are repeated in every article graph that mentions the entity, so
the reads on entities are ``DISTINCT``, and the first value read for a node is the
one the single-node query with ``LIMIT 1`` returned.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from rdflib import BNode, URIRef

from kg.sparql import serialize
from kg.store.base import Store, Term
from kg.text import local_name
from kg.vocab import DD

SDO = "https://schema.org/"
DCTERMS = "http://purl.org/dc/terms/"

# One read per kind, as (DISTINCT?, pattern): ?x is bound to the nodes asked about and
# ?o is what is read (with ?p, the property, for a description).
_READS = {
    # Events and articles only: they are small, and in one graph each.
    "describe": (False, "?x ?p ?o"),
    "label": (True, "?x rdfs:label ?o"),
    "types": (True, "?x a ?o"),
    "categories": (True, "?x dd:weaponCategory ?o"),
    "alt_names": (True, "?x skos:altLabel ?o"),
    "countries": (True, "?x dd:country ?o"),
    # Who took over from a person ("replaced him with Y"): the person no longer holds it.
    "successors": (True, "?e dd:predecessor ?x ; dd:successor ?o"),
}
_BATCH = 400  # nodes per read: a long VALUES block still parses in well under a millisecond


def reads_query(reads: Mapping[str, Iterable[Term]]) -> str:
    """One query for several reads: a UNION of one sub-SELECT per kind, each with its
    nodes bound to ``?x`` in a ``VALUES`` block of terms serialized by Oxigraph (so a
    sub-SELECT needs nothing from outside it). Rows: ``?k`` (the kind), ``?x``, ``?p``
    (descriptions only), ``?o``."""
    branches = []
    for kind, nodes in reads.items():
        distinct, pattern = _READS[kind]
        block = " ".join(serialize(n) for n in nodes)
        head = "SELECT DISTINCT" if distinct else "SELECT"
        project = "?x ?o" if distinct else "?x ?p ?o"
        branches.append(
            f'{{ {head} ("{kind}" AS ?k) {project} WHERE {{ VALUES ?x {{ {block} }} {pattern} }} }}'
        )
    return "SELECT ?k ?x ?p ?o WHERE {\n  " + "\n  UNION ".join(branches) + "\n}"


Memo = dict[tuple[str, Term], list[Any]]


class Lookups:
    """Reads about nodes, batched and memoized for the duration of one question, or in
    ``memo`` (shared by the questions asked while the store is unchanged)."""

    def __init__(self, store: Store, memo: Memo | None = None) -> None:
        self.store = store
        self._memo: Memo = {} if memo is None else memo

    def prefetch(self, kind: str, nodes: Iterable[Term | None]) -> None:
        """Read ``kind`` for every node not read yet, in as few queries as possible."""
        self.prefetch_all({kind: nodes})

    def prefetch_all(self, reads: Mapping[str, Iterable[Term | None]]) -> None:
        """:meth:`prefetch` for several kinds at once: one query for all of them."""
        wanted = {
            kind: [
                n
                for n in dict.fromkeys(nodes)
                if n is not None and (kind, n) not in self._memo and _readable(kind, n)
            ]
            for kind, nodes in reads.items()
        }
        while any(wanted.values()):
            batch = {kind: nodes[:_BATCH] for kind, nodes in wanted.items() if nodes}
            wanted = {kind: nodes[_BATCH:] for kind, nodes in wanted.items()}
            found: dict[tuple[str, Term], list[Any]] = {
                (kind, n): [] for kind, nodes in batch.items() for n in nodes
            }
            for row in self.store.select(reads_query(batch)):
                values = found.get((str(row.get("k")), row.get("x")))  # type: ignore[arg-type]
                if values is None or "o" not in row:
                    continue
                values.append((row["p"], row["o"]) if "p" in row else row["o"])
            self._memo.update(found)

    def _get(self, kind: str, node: Term) -> list[Any]:
        if (kind, node) not in self._memo:
            self.prefetch_all({kind: [node]})
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
        return str(labels[0]) if labels else local_name(node)

    def types(self, node: Term) -> set[URIRef]:
        return {t for t in self._get("types", node) if isinstance(t, URIRef)}

    def categories(self, node: Term) -> set[URIRef]:
        return {c for c in self._get("categories", node) if isinstance(c, URIRef)}

    def alt_names(self, node: Term) -> list[str]:
        return [str(n) for n in self._get("alt_names", node)]

    def countries(self, node: Term) -> list[URIRef]:
        return [c for c in self._get("countries", node) if isinstance(c, URIRef)]

    def successors(self, node: Term) -> set[Term]:
        return set(self._get("successors", node))

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
                if prop in _ROLES:
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
    DD.appointedBy,
    DD.successor,
    DD.predecessor,
    DD.position,
    DD.quote,
    DD.valueText,
    DD.quantity,
)
# For membership tests: a tuple compares each term in Python (rdflib's ``__eq__``), and
# ``role_values`` tests every property of every event of an answer (600,000 comparisons
# in 210 questions).
_ROLES = frozenset(ROLE_PROPERTIES)


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
