"""What a kind of event is, as one record: its class, roles, words and standards' codes.

A :class:`Kind` is data only (no spaCy, no store): extraction registers its rules
against kinds (:mod:`kg.events.rules`), question reading can read the same records,
and the ontology states the trigger words the kinds' defaults stand in for.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from rdflib import URIRef

from kg.vocab import DD

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
    ``told`` is how one event of the kind is told in a line, as a headline tells it
    ("{supplier} sells[ {equipment}][ to {recipient}] | {recipient} buys {equipment}"):
    see :func:`tell`.
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
    told: str = ""

    def tell(self, values: Mapping[str, Sequence[str]]) -> str:
        """One event of this kind in a line, from the labels of its roles (by role
        name, and ``quote`` for what was said): :func:`tell` of :attr:`told`."""
        return tell(self.told, values)


def words(text: str) -> frozenset[str]:
    """A word list written as one string, split on white space."""
    return frozenset(text.split())


# What a line may tell besides a kind's roles: the name an event is known by, what was
# said, and what was signed as written ("memorandum of understanding signed by ...").
TOLD_LITERALS: Mapping[str, URIRef] = {
    "topic": DD.topic,
    "quote": DD.quote,
    "written": DD.agreementText,
}

_SLOT = re.compile(r"\{(\w+)\}")
_OPTIONAL = re.compile(r"\[([^\[\]]*)\]")
_SUBJECT = re.compile(r"\{(\w+)\} \w+s\b")  # "{supplier} sells"


def tell(pattern: str, values: Mapping[str, Sequence[str]]) -> str:
    """``pattern`` told with ``values``; empty when no way of telling it fits.

    Why a pattern and not the role list: "What happened between Germany and Saudi
    Arabia?" is answered in words ("Germany halts arms exports to Saudi Arabia"), not
    as "actor: Germany; target: Saudi Arabia". ``pattern`` gives ways of telling one
    event, best first, separated by ``|``; a ``{role}`` outside brackets must have a
    value for that way to fit, a ``[segment]`` is left out when a role in it has none.
    Several values of one role are joined with "and" ("France and Germany"); when they
    are the subject a way opens with, its verb, written for one ("sells"), drops its
    "s" ("France and Germany sell").
    """
    joined = {name: _joined(found) for name, found in values.items()}
    for way in pattern.split("|"):
        kept = _OPTIONAL.sub(
            lambda m: m.group(1) if all(joined.get(n) for n in _SLOT.findall(m.group(1))) else "",
            way,
        ).strip()
        if not all(joined.get(n) for n in _SLOT.findall(kept)):
            continue
        subject = _SUBJECT.match(kept)
        if subject and len(set(values[subject.group(1)])) > 1:
            kept = f"{subject.group(0)[:-1]}{kept[subject.end() :]}"
        return " ".join(_SLOT.sub(lambda m: joined[m.group(1)], kept).split())
    return ""


def _joined(labels: Sequence[str]) -> str:
    """ "France", "France and Germany", "France, Germany and Italy"."""
    shown = list(dict.fromkeys(label for label in labels if label))
    if len(shown) < 2:
        return "".join(shown)
    return f"{', '.join(shown[:-1])} and {shown[-1]}"
