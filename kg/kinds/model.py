"""What a kind of event is, as one record: its class, roles, words and standards' codes.

A :class:`Kind` is data only (no spaCy, no store): extraction registers its rules
against kinds (:mod:`kg.events.rules`), question reading can read the same records,
and the ontology states the trigger words the kinds' defaults stand in for.
"""

from __future__ import annotations

from dataclasses import dataclass

from rdflib import URIRef

# What an answer may be, by the types question reading sorts entities into
# (the names :mod:`kg.qa.templates` uses for its parameters).
AGENT = frozenset({"STATE", "ORG", "COMPANY", "PERSON"})
ORGANIZATION = frozenset({"ORG", "STATE", "COMPANY"})
ORG = frozenset({"ORG"})
STATE = frozenset({"STATE"})
PERSON = frozenset({"PERSON"})
COMPANY = frozenset({"COMPANY"})
WEAPON = frozenset({"WEAPON"})
LAW = frozenset({"LAW"})
PLACE = frozenset({"PLACE", "STATE"})
FROM_WHAT = frozenset({"PROGRAM", "ORG"})  # suspended from a program, or expelled from a body
ANY = frozenset({"STATE", "ORG", "COMPANY", "PERSON", "WEAPON", "PROGRAM", "LAW", "PLACE", "OTHER"})


@dataclass(frozen=True)
class Role:
    """A participant of a kind: the name questions use for it ("tester"), the property
    that holds it in the graph (``dd:actor``), and what may answer for it."""

    name: str
    prop: URIRef
    answers: frozenset[str]


@dataclass(frozen=True)
class Kind:
    """One kind of event or relation, as extraction and question reading both see it.

    ``verbs`` and ``nouns`` are the default trigger lemmas: used only for a class the
    ontology states no trigger of (``dd:triggerLemma`` and its sub-properties).
    ``verb_prefixes`` catch compounds the lemmatizer leaves whole ("test-fired").
    ``relations`` are the question relations (:mod:`kg.qa.templates`) that ask of it.
    The PLOVER and CAMEO codes are the ontology's (a test holds the two equal).
    """

    name: str
    cls: URIRef
    roles: tuple[Role, ...]
    verbs: frozenset[str] = frozenset()
    nouns: frozenset[str] = frozenset()
    verb_prefixes: tuple[str, ...] = ()
    relations: tuple[str, ...] = ()
    plover_type: str | None = None
    plover_mode: str | None = None
    cameo: str | None = None


def words(text: str) -> frozenset[str]:
    """A word list written as one string, split on white space."""
    return frozenset(text.split())
