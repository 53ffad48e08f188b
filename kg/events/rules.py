"""Extraction rules registered against kinds, and the index that finds them by word.

A rule is a method of the extractor that reads one trigger token: ``@rule(kind, ...,
pos="verb")`` registers it for the verbs of those kinds (``pos="noun"``: their nouns).
:func:`trigger_index` maps each trigger word in force (the ontology's, else the kinds'
defaults) to the rules it calls, so reading a token is a dictionary look-up, not a chain
of set tests. What differs between rules is data on the rule: which forms of a token are
looked up (``forms``), which of the kind's words it reads (``only``, ``besides``: "arrive"
has the weapons for subject, "deliver" their supplier), and on the kind: prefixes of
compounds left whole.

Order: the rules of one token run in the order of :data:`kg.kinds.KINDS` (by the first
kind a rule names), then in the order they were registered; the events they append, and
so the events' IRIs, depend on it.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, Literal

from rdflib import URIRef
from spacy.tokens import Token

from kg.kinds import KINDS, Kind
from kg.vocab import DD

Pos = Literal["verb", "noun"]
Form = Literal["lemma", "lower"]

POS_OF: Mapping[str, Pos] = {"VERB": "verb", "AUX": "verb", "NOUN": "noun", "PROPN": "noun"}
"""spaCy's coarse tags, as the two sides of a kind's triggers."""

TRIGGERS_INSIDE = frozenset({DD.DefenseProgram, DD.ExerciseSeries})
"""Names inside which a word still triggers: "Sanctions" in a law's name or "Sales" in an
agency's tells of no event, "the F-35 Joint Strike Fighter program" may."""

RuleMethod = Callable[[Any, Any, Token, Kind], None]
"""``method(extractor, view, token, kind)``: the kind is the one the token triggered."""


@dataclass(frozen=True, eq=False)  # one rule is one registration: hashed by identity
class Rule:
    method: RuleMethod
    kinds: tuple[Kind, ...]
    pos: Pos
    forms: tuple[Form, ...]
    only: frozenset[str] | None
    besides: frozenset[str]
    registered: int

    def reads(self, word: str) -> bool:
        return (self.only is None or word in self.only) and word not in self.besides

    @property
    def order(self) -> tuple[int, int]:
        return (KINDS.index(self.kinds[0]), self.registered)


RULES: list[Rule] = []


def rule(
    *kinds: Kind,
    pos: Pos,
    forms: tuple[Form, ...] = ("lemma",),
    only: frozenset[str] | None = None,
    besides: frozenset[str] = frozenset(),
) -> Callable[[Any], Any]:
    """Register an extractor method as a rule for the trigger words of ``kinds``.

    ``forms``: what of a token is looked up among the words, its lemma and/or its
    lowercase form as written ("talks" is a meeting though its lemma "talk" is not);
    when both find a kind, the lemma's is the one passed on. ``only``, ``besides``: the
    rule reads only these of the kinds' words, or all but these.
    """

    def register(method: Any) -> Any:
        RULES.append(Rule(method, kinds, pos, forms, only, besides, len(RULES)))
        return method

    return register


Called = tuple[tuple[Rule, Kind], ...]


@dataclass(frozen=True)
class TriggerIndex:
    """Rules by (pos, form, word), and the prefixes that call a verb rule."""

    words: Mapping[tuple[Pos, Form, str], Called]
    prefixes: tuple[tuple[str, Rule, Kind], ...]

    def rules_for(self, pos: Pos, token: Token) -> Called:
        """The rules ``token`` calls, each once, in their order, with the kind it triggered."""
        lemma = token.lemma_.lower()
        found = self.words.get((pos, "lemma", lemma), ())
        lower = self.words.get((pos, "lower", token.lower_), ())
        prefixed: Called = ()
        if pos == "verb" and self.prefixes:
            text = token.lower_
            prefixed = tuple((r, k) for p, r, k in self.prefixes if text.startswith(p))
        if not lower and not prefixed:
            return found
        chosen: dict[Rule, Kind] = {}
        for r, k in (*found, *lower, *prefixed):
            chosen.setdefault(r, k)
        return tuple(sorted(chosen.items(), key=lambda item: item[0].order))


def trigger_index(triggers: Mapping[URIRef, Any]) -> TriggerIndex:
    """The index of ``triggers`` (``{class: Words}``), built once per set of words."""
    return _index(frozenset(triggers.items()))


@lru_cache(maxsize=16)
def _index(items: frozenset[tuple[URIRef, Any]]) -> TriggerIndex:
    triggers = dict(items)
    words: dict[tuple[Pos, Form, str], list[tuple[Rule, Kind]]] = {}
    prefixes: list[tuple[str, Rule, Kind]] = []
    for r in sorted(RULES, key=lambda r: r.order):
        for kind in r.kinds:
            stated = triggers.get(kind.cls)
            if stated is None:
                continue
            for word in sorted(stated.verbs if r.pos == "verb" else stated.nouns):
                if not r.reads(word):
                    continue
                for form in r.forms:
                    called = words.setdefault((r.pos, form, word), [])
                    if all(r is not other for other, _ in called):
                        called.append((r, kind))
            if r.pos == "verb":
                prefixes += [(p, r, kind) for p in kind.verb_prefixes]
    return TriggerIndex({key: tuple(v) for key, v in words.items()}, tuple(prefixes))
