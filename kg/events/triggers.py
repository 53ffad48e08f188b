"""The words that trigger each kind of event, as the ontology states them.

``dd:triggerLemma`` on a class of the ontology lists the dictionary forms of the verbs
that, with their context, tell of an event of that class ("sign", "conclude" for
``dd:Agreement``). Extraction reads them from the ontology it runs under (the store's,
or the bundled one), so an ontology edit changes what is extracted; the words are part
of the extractor's version, so a change re-extracts stored articles on the next ingest.
Kinds whose triggers the ontology does not state keep their defaults
(:mod:`kg.kinds`).
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from rdflib import Graph, Literal, URIRef

from kg.kinds import KINDS
from kg.vocab import DD


@dataclass(frozen=True)
class Words:
    """The trigger lemmas of one kind: verbs heading its clauses, nouns heading its
    nominals ("sanctioned" and "the sanctions" read differently)."""

    verbs: frozenset[str] = frozenset()
    nouns: frozenset[str] = frozenset()


Triggers = Mapping[URIRef, Words]

DEFAULTS: Triggers = {kind.cls: Words(kind.verbs, kind.nouns) for kind in KINDS}
"""What extraction falls back to for a kind when the ontology states no trigger for it."""


def triggers_from_pairs(pairs: Iterable[tuple[object, object]]) -> dict[URIRef, Words]:
    """``{class: words}`` from (class, verb lemma) pairs, lemmas lowercased."""
    found: dict[URIRef, set[str]] = {}
    for term, lemma in pairs:
        if isinstance(term, URIRef) and isinstance(lemma, Literal) and str(lemma).strip():
            found.setdefault(term, set()).add(str(lemma).strip().lower())
    return {term: Words(frozenset(verbs)) for term, verbs in found.items()}


def triggers_from_graph(graph: Graph) -> dict[URIRef, Words]:
    """The triggers an ontology graph states."""
    return triggers_from_pairs(graph.subject_objects(DD.triggerLemma))


def with_defaults(stated: Triggers) -> dict[URIRef, Words]:
    """The stated triggers, and the defaults of the kinds the ontology says nothing of."""
    return {**DEFAULTS, **stated}


def digest(triggers: Triggers) -> str:
    """A short, stable fingerprint of the triggers (part of the extractor's version)."""
    text = "\n".join(
        f"{term} {' '.join(sorted(words.verbs))} / {' '.join(sorted(words.nouns))}"
        for term, words in sorted(triggers.items())
    )
    return hashlib.sha256(text.encode()).hexdigest()[:10]
