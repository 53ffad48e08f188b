"""Stored sentences as the sentence tier reads them (:mod:`kg.qa.reader`): the
sentence with the entities it mentions, the classes each kind of entity answer may have,
and finding a name in a sentence."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from rdflib import URIRef

from kg.store.base import Term
from kg.vocab import DD

ENTITY_CLASSES: dict[str, frozenset[URIRef]] = {
    "person": frozenset({DD.Person}),
    "state": frozenset({DD.State}),
    "company": frozenset({DD.Company}),
    "organization": frozenset(
        {
            DD.Alliance,
            DD.InternationalOrganization,
            DD.GovernmentBody,
            DD.MilitaryOrganization,
            DD.Organization,
            DD.NonStateArmedGroup,
        }
    ),
    "place": frozenset({DD.Place, DD.State}),
    "weapon": frozenset({DD.WeaponSystem}),
    "program": frozenset({DD.DefenseProgram}),
    "law": frozenset({DD.LegalInstrument}),
}


ENTITY_CLASSES["agent"] = (
    ENTITY_CLASSES["person"]
    | ENTITY_CLASSES["state"]
    | ENTITY_CLASSES["company"]
    | ENTITY_CLASSES["organization"]
)


@dataclass
class Sentence:
    """One stored sentence with what it mentions."""

    node: Term
    article: Term
    index: int
    text: str
    published: dt.date | None
    mentions: dict[URIRef, tuple[set[URIRef], set[str]]] = field(default_factory=dict)
    shown: dict[URIRef, str] = field(default_factory=dict)  # each mention's label
    stems: frozenset[str] = frozenset()  # kg.qa.scoring.stems_of: shared, never changed


Span = tuple[int, str, str | None]  # (offset in the sentence, text, IRI)


def _find_label(text: str, labels: Iterable[str]) -> int | None:
    lower = text.lower()
    best = None
    for label in sorted(labels, key=len, reverse=True):
        if len(label) < 2:
            continue
        match = re.search(r"(?<!\w)" + re.escape(label.lower()) + r"(?!\w)", lower)
        if match and (best is None or match.start() < best):
            best = match.start()
    return best


def written_at(
    text: str, labels: Iterable[str], *, ignore_case: bool = False
) -> re.Match[str] | None:
    """Where ``text`` writes the longest of ``labels`` it holds, as whole words."""
    for label in sorted(labels, key=len, reverse=True):
        match = re.search(
            r"(?<!\w)" + re.escape(label) + r"(?!\w)", text, re.I if ignore_case else 0
        )
        if match:
            return match
    return None


def _names_any(text: str, sentence: Sentence, named: Iterable[URIRef]) -> bool:
    """Whether ``text`` (part of ``sentence``) names one of the entities ``named``."""
    for iri in named:
        held = sentence.mentions.get(iri)
        if held is not None and _find_label(text, held[1]) is not None:
            return True
    return False
