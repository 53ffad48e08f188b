"""Finding date expressions: the rule registry and the matching that runs the rules.

Each rule (a pattern and the resolver that reads its match) registers itself with
:func:`_rule` in :mod:`kg.dates.explicit`, :mod:`kg.dates.relative` or
:mod:`kg.dates.years`; the order they register in is the order ties are broken in.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import NamedTuple

from kg.dates.words import _AT_AGO, _COMPARATIVE_CUES, _CUES, _KEPT_PREPOSITIONS, _WEEKDAY_NUMBERS

# --- matching machinery ---------------------------------------------------------------

_Span = tuple[dt.date, dt.date]
_Period = tuple[dt.date, dt.date, str]


class _Hit(NamedTuple):
    """One pattern match, with what resolvers need to see around it."""

    match: re.Match[str]
    """The match over the lower-cased text."""
    text: str
    """The original text, for case checks (offsets are the same)."""
    cue: str | None
    """The preposition right before the expression, lower-cased ("in", "of", "as of")."""
    the: bool
    """Whether "the" stands right before the expression."""
    weekday: int | None
    """A weekday written before an explicit date ("Friday, July 12"), Monday = 0."""

    def get(self, name: str) -> str | None:
        if name not in self.match.re.groupindex:
            return None
        return self.match.group(name)

    def raw(self, name: str) -> str:
        start, end = self.match.span(name)
        return self.text[start:end]


_Resolver = Callable[[_Hit, dt.date | None], _Period | None]


@dataclass(frozen=True)
class _Rule:
    index: int
    pattern: re.Pattern[str]
    backwards: re.Pattern[str] | None
    """The pattern anchored at the end, when the anchor is its last word ("ago")."""
    resolver: _Resolver
    takes_the: bool
    takes_weekday: bool


_RULES: list[_Rule] = []
_RULES_AT: dict[str, list[_Rule]] = {}


def _rule(
    pattern: str, *, at: tuple[str, ...], the: bool = False, weekday: bool = False
) -> Callable[[_Resolver], _Resolver]:
    """Register a resolver for a pattern that starts (or ends) at one of the ``at`` anchors.

    ``the``, ``weekday``: the expression may include a "the" or a weekday before it.
    """

    def register(resolver: _Resolver) -> _Resolver:
        backwards = re.compile(pattern + r"\Z", re.VERBOSE) if at == _AT_AGO else None
        compiled = re.compile(pattern, re.VERBOSE)
        rule = _Rule(len(_RULES), compiled, backwards, resolver, the, weekday)
        _RULES.append(rule)
        for anchor in at:
            _RULES_AT.setdefault(anchor, []).append(rule)
        return resolver

    return register


def _lower(text: str) -> str:
    """Lower-case without changing any offset (a few characters grow when lowered)."""
    lower = text.lower()
    if len(lower) == len(text):
        return lower
    return "".join(c.lower() if len(c.lower()) == 1 else c for c in text)


def _starts_a_token(lower: str, start: int) -> bool:
    if start == 0:
        return True
    before = lower[start - 1]
    if before.isalnum() or before == "_":
        return False
    # "$2019", "1,2019", "07/2019" are amounts, parts of numbers or of other dates.
    return not (lower[start].isdigit() and before in "$€£¥.,/-–—:+#")


def _word_before(text: str, end: int) -> tuple[str, int, bool]:
    """The word before ``end`` across white space: (word, its start, whether a comma follows it).

    ("", end, False) when there is none. Walking back a few characters is several times
    faster than a regex searching a window before every match.
    """
    i = end
    while i > 0 and text[i - 1].isspace():
        i -= 1
    if i == end:
        return "", end, False
    comma = i > 0 and text[i - 1] == ","
    i -= comma
    j = i
    while j > 0 and text[j - 1].isalpha():
        j -= 1
    if j == i or (j > 0 and (text[j - 1].isalnum() or text[j - 1] == "_")):
        return "", end, False
    return text[j:i], j, comma


def _locate(lower: str, text: str, match: re.Match[str], rule: _Rule) -> tuple[int, _Hit]:
    """Where the mention really starts, and the hit with what stands before it.

    A weekday ("Friday, July 12") and "the" ("the end of July") are taken into the
    mention by the rules that allow them; a preposition right before is the hit's cue,
    and part of the mention if it carries meaning ("by 2030"). Anything else in between
    cuts the mention off from the words before it.
    """
    start = match.start()
    word, at, comma = _word_before(lower, start)
    weekday = _WEEKDAY_NUMBERS.get(word)
    if weekday is not None:
        if not rule.takes_weekday:
            return start, _Hit(match, text, None, False, None)
        start = at
        word, at, comma = _word_before(lower, start)
    if comma:
        return start, _Hit(match, text, None, False, weekday)
    the = word == "the"
    if the:
        if not rule.takes_the:
            return start, _Hit(match, text, None, True, weekday)
        start = at
        word, at, comma = _word_before(lower, start)
        if comma:
            return start, _Hit(match, text, None, True, weekday)
    if word == "of":
        before, before_at, before_comma = _word_before(lower, at)
        if before == "as" and not before_comma:
            word, at = "as of", before_at
    elif word in {"as", "than"}:  # "as soon as 2027", "no later than 2030"
        middle, middle_at, middle_comma = _word_before(lower, at)
        first, first_at, first_comma = _word_before(lower, middle_at)
        phrase = f"{first} {middle} {word}"
        if phrase in _COMPARATIVE_CUES and not (middle_comma or first_comma):
            word, at = phrase, first_at
    cue = word if word in _CUES else None
    if cue in _KEPT_PREPOSITIONS:
        start = at
    return start, _Hit(match, text, cue, the, weekday)


def _matches(lower: str, exhaustive: bool) -> list[tuple[_Rule, re.Match[str]]]:
    """Every rule's matches at the anchors; ``exhaustive``: at every position.

    The exhaustive scan is slow and exists to test that the anchors miss nothing.
    """
    found: list[tuple[_Rule, re.Match[str]]] = []
    if exhaustive:
        for rule in _RULES:
            for position in range(len(lower)):
                match = rule.pattern.match(lower, position)
                if match is not None:
                    found.append((rule, match))
        return found
    for at in _anchor_scan().finditer(lower):
        word = at.group()
        rules = _RULES_AT["#" if word[0].isdigit() else word]
        if word == "ago":
            for rule in rules:
                assert rule.backwards is not None
                match = rule.backwards.search(lower, max(0, at.start() - 40), at.end())
                if match is not None:
                    found.append((rule, match))
        elif _starts_a_token(lower, at.start()):
            for rule in rules:
                match = rule.pattern.match(lower, at.start())
                if match is not None:
                    found.append((rule, match))
    return found


class _Candidate(NamedTuple):
    start: int
    end: int
    rule: _Rule
    hit: _Hit


def _candidates(text: str, *, exhaustive: bool = False) -> list[_Candidate]:
    """Every match of every rule, with its span; not yet resolved."""
    lower = _lower(text)
    found: list[_Candidate] = []
    for rule, match in _matches(lower, exhaustive):
        if _starts_a_token(lower, match.start()):
            start, hit = _locate(lower, text, match, rule)
            found.append(_Candidate(start, match.end(), rule, hit))
    return found


def _any_word(words: list[str]) -> str:
    """A pattern for any of the words, alternatives grouped by shared prefix.

    Python's re tries alternatives one by one at every position; sharing prefixes
    ("j(?:an(?:uary)?|u(?:ly|ne?))") makes the one scan of the text about twice as fast.
    """
    by_first: dict[str, list[str]] = {}
    ends_here = False
    for word in words:
        if word:
            by_first.setdefault(word[0], []).append(word[1:])
        else:
            ends_here = True
    branches = [re.escape(first) + _any_word(rest) for first, rest in sorted(by_first.items())]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else f"(?:{'|'.join(branches)})"
    return f"(?:{body})?" if ends_here else body


@functools.cache
def _anchor_scan() -> re.Pattern[str]:
    """One scan finds every anchor; longer words win over their prefixes ("january", "jan").

    Built on first use, once every rule module has registered its anchors.
    """
    return re.compile(rf"{_any_word(sorted(set(_RULES_AT) - {'#'}))}\b|[0-9]+")
