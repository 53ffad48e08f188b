"""The words that trigger each kind of event, as the ontology states them.

On a class of the ontology, ``dd:triggerVerb`` lists the verbs whose clause tells of an
event of that class ("buy", "sell" for ``dd:ArmsDeal``), ``dd:triggerNoun`` the nouns
whose phrase does ("deal", "contract"); ``dd:triggerLemma``, of which both are
sub-properties, stated directly is a verb too ("sign", "conclude" for ``dd:Agreement``:
question reading also takes those as one word). Extraction reads them from the ontology
it runs under (the store's, or the bundled one), so an ontology edit changes what is
extracted; the words are part of the extractor's version, so a change re-extracts stored
articles on the next ingest. A class the ontology states no trigger of keeps the
defaults of its kind (:mod:`kg.kinds`).
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


NOUN_PROPERTIES = frozenset({DD.triggerNoun})
TRIGGER_PROPERTIES = frozenset({DD.triggerLemma, DD.triggerVerb, DD.triggerNoun})
"""The properties that state triggers (any other one is no trigger)."""


def triggers_from_statements(
    statements: Iterable[tuple[object, object, object]],
) -> dict[URIRef, Words]:
    """``{class: words}`` from (class, property, lemma) statements, lemmas lowercased."""
    found: dict[URIRef, tuple[set[str], set[str]]] = {}
    for term, prop, lemma in statements:
        if (
            isinstance(term, URIRef)
            and prop in TRIGGER_PROPERTIES
            and isinstance(lemma, Literal)
            and str(lemma).strip()
        ):
            verbs, nouns = found.setdefault(term, (set(), set()))
            (nouns if prop in NOUN_PROPERTIES else verbs).add(str(lemma).strip().lower())
    return {term: Words(frozenset(v), frozenset(n)) for term, (v, n) in found.items()}


def triggers_from_graph(graph: Graph) -> dict[URIRef, Words]:
    """The triggers an ontology graph states."""
    return triggers_from_statements(
        (s, p, o) for p in TRIGGER_PROPERTIES for s, o in graph.subject_objects(p)
    )


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
