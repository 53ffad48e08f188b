"""Date expressions in news text, resolved against the article's publication date.

News rarely writes full dates. It writes "on Friday", "mid-July", "earlier this year", "the
first half of next year", and events from different articles can only be compared once those
become calendar periods. A period is only trustworthy if it is no finer than the text: "in
July" is a month, never a day. So every expression resolves to a period (first and last day)
with a precision from the ontology's ``dd:DatePrecision`` values, anchored on the publication
date. When an expression needs an anchor the article lacks, or is too vague to place ("in the
coming months", "last decade"), it resolves to nothing rather than to a guess. The rules are
written by hand (``re`` and ``datetime``) because the expressions news actually uses are few
and each needs its own reading. General date parsers handle absolute dates well but miss
"mid-July this year" or "the beginning of next month".

>>> value = resolve("mid-July this year", dt.date(2019, 7, 14))
>>> value.start, value.end, value.precision
(datetime.date(2019, 7, 11), datetime.date(2019, 7, 20), 'partOfMonth')
>>> [m.value.text for m in find_dates("On Friday Ankara said it expects more in 2020.", None)]
['in 2020']
"""

from __future__ import annotations

import bisect
import calendar
import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import NamedTuple

from rdflib import Literal, URIRef
from rdflib.namespace import XSD

from kg.vocab import DD

__all__ = ["PRECISIONS", "DateMention", "DateValue", "find_dates", "infer_year", "resolve"]

PRECISIONS: tuple[str, ...] = (
    "day",
    "partOfMonth",
    "month",
    "season",
    "halfYear",
    "year",
    "multiYear",
)
"""Precisions from finest to coarsest; each is a local name of ``dd:DatePrecision``."""


@dataclass(frozen=True)
class DateValue:
    """A resolved date: the period the text means, how precisely, and the words used."""

    start: dt.date
    """First day of the period."""
    end: dt.date
    """Last day of the period (equal to ``start`` for a single day)."""
    precision: str
    """One of :data:`PRECISIONS`: the coarsest unit the text commits to."""
    text: str
    """The expression as written, with its preposition ("in July", "by 2030")."""

    def __post_init__(self) -> None:
        if self.precision not in PRECISIONS:
            raise ValueError(f"unknown date precision {self.precision!r}")
        if self.end < self.start:
            raise ValueError(f"date period ends before it starts: {self.start}..{self.end}")

    def literal(self) -> Literal:
        """The value as an XSD literal no finer than its precision.

        Day and part-of-month give ``xsd:date`` (the first day); month, season and half
        year give ``xsd:gYearMonth`` (the first month); year and multi-year give
        ``xsd:gYear`` (the first year). The end of the period goes in ``dd:dateEnd``.
        """
        if self.precision in ("day", "partOfMonth"):
            return Literal(self.start.isoformat(), datatype=XSD.date)
        if self.precision in ("month", "season", "halfYear"):
            return Literal(f"{self.start.year:04d}-{self.start.month:02d}", datatype=XSD.gYearMonth)
        return Literal(f"{self.start.year:04d}", datatype=XSD.gYear)

    @property
    def precision_iri(self) -> URIRef:
        """The ``dd:DatePrecision`` individual for :attr:`precision`."""
        return DD[self.precision]


@dataclass(frozen=True)
class DateMention:
    """A date expression found in a text, by character offsets into that text."""

    start: int
    end: int
    value: DateValue


# --- vocabulary -------------------------------------------------------------------------

_MONTHS: dict[str, int] = {
    "january": 1,
    "february": 2,
    "march": 3,
    "april": 4,
    "may": 5,
    "june": 6,
    "july": 7,
    "august": 8,
    "september": 9,
    "october": 10,
    "november": 11,
    "december": 12,
    "jan": 1,
    "feb": 2,
    "mar": 3,
    "apr": 4,
    "jun": 6,
    "jul": 7,
    "aug": 8,
    "sep": 9,
    "sept": 9,
    "oct": 10,
    "nov": 11,
    "dec": 12,
}
_FULL_MONTHS = (
    "january|february|march|april|may|june|july|august|september|october|november|december"
)
_ABBR_MONTHS = "jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec"
# Month names that are also ordinary words ("may", "march", "mar", "august"): they count
# only when capitalized, whatever else the rule requires.
_WORDLIKE_MONTHS = frozenset({"may", "march", "mar", "august"})
# A bare "May" or "March" is a month only after one of these (or "last", "next", ...):
# "in May" is a date, "Theresa May" and "the march on Ankara" are not.
_BARE_MONTH_CUES = frozenset({"in", "of", "since", "until", "till", "by", "during"})

_WEEKDAYS = "monday|tuesday|wednesday|thursday|friday|saturday|sunday"
_WEEKDAY_NUMBERS = {name: i for i, name in enumerate(_WEEKDAYS.split("|"))}

_SEASON_FIRST_MONTH = {"spring": 3, "summer": 6, "autumn": 9, "fall": 9, "winter": 12}
_SEASONS = "spring|summer|autumn|fall|winter"
# A season word alone is too often something else ("spring offensive", "the fall of
# Kabul"); without a year or "this"/"last"/"next" it needs one of these before it.
_SEASON_CUES = frozenset(
    {"in", "during", "over", "by", "until", "till", "through", "throughout", "since", "before",
     "after", "for", "from"}
)  # fmt: skip

_UNITS = ["one", "two", "three", "four", "five", "six", "seven", "eight", "nine"]
_TEENS = ["ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen",
          "eighteen", "nineteen"]  # fmt: skip
_TENS = ["twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]
_NUMBER_WORDS: dict[str, int] = {
    "a": 1,
    "an": 1,
    **{word: i + 1 for i, word in enumerate(_UNITS)},
    **{word: i + 10 for i, word in enumerate(_TEENS)},
    **{word: (i + 2) * 10 for i, word in enumerate(_TENS)},
}

# Prepositions that belong to the expression's meaning ("by 2030" is a deadline, "since
# 2019" a start), so the mention's text keeps them for whoever reads it.
_KEPT_PREPOSITIONS = frozenset(
    {"in", "on", "by", "since", "until", "till", "through", "throughout", "during", "before",
     "after", "from", "at", "around", "as of", "for", "over"}
)  # fmt: skip
# A four-digit number is a year only after one of these: "in 2019", but "$2019 million"
# and "2019 troops" are amounts. "of" counts ("the summit of 2019") but is not kept.
_YEAR_CUES = frozenset(
    {"in", "since", "by", "until", "till", "through", "throughout", "during", "before", "after",
     "from", "as of", "for", "of"}
)  # fmt: skip
# Earliest and latest times: "as soon as 2027" is a year like "in 2027", said as a bound.
_COMPARATIVE_CUES = frozenset(
    {"as soon as", "as early as", "as late as", "no later than", "no earlier than",
     }
)  # fmt: skip
_KEPT_PREPOSITIONS |= _COMPARATIVE_CUES
_YEAR_CUES |= _COMPARATIVE_CUES
_CUES = _KEPT_PREPOSITIONS | {"of"}
_DEADLINE_WORDS = frozenset({"by", "until", "till", "through", "before"})
# Words that may follow a year; any other lower-case word makes the number a quantity
# ("by 2000 troops", "of 2019 votes").
_FUNCTION_WORDS = frozenset(
    """a an the and or but nor so yet to of in on at by for from with as into onto over
    under after before since until till through during about against amid among between
    within without when while where which who whom whose that this these those it its he
    she they we i you his her their our is was were are be been will would could should
    may might can must shall has had have did does do not also only already alone onward
    onwards then than if because though although despite""".split()
)
_RELATIVE_OFFSETS = {"this": 0, "the": 0, "the current": 0, "last": -1, "next": 1}

_BARE_YEARS = range(1900, 2101)
"""Years a number is read as without a month beside it."""
_EXPLICIT_YEARS = range(1000, 3000)
"""Years accepted next to a month name or in an ISO date."""
_MAX_DAY_RANGE = 92
"""Longest "July 30-August 2" style range accepted, in days: anything longer is a misread."""


# --- pattern fragments ----------------------------------------------------------------
# Patterns run over the lower-cased text, without re.IGNORECASE (several times slower),
# and never scan the text themselves: each rule names the anchor words it starts at (a
# month name, a number, "this"/"last"/"next", ...), one regex finds every anchor in the
# text, and each rule is tried only where one of its anchors stands. A scan per rule
# made find_dates five times slower. What may stand before an expression (a preposition,
# "the", a weekday) is looked at afterwards (_locate), so patterns need no optional prefix.


def _month(name: str) -> str:
    # The dot of "Sept. 5" belongs to the month; the full stop after "in Sept." does not.
    return rf"(?P<{name}>{_FULL_MONTHS}|{_ABBR_MONTHS})\b(?:\.(?=\s*[0-9]))?"


def _full_month(name: str) -> str:
    return rf"(?P<{name}>{_FULL_MONTHS})\b"


def _day(name: str) -> str:
    # A trailing ",5" or ":30" makes it an amount or a time, not a day.
    return rf"(?P<{name}>3[01]|[12][0-9]|0?[1-9])(?:st|nd|rd|th)?\b(?![.,:][0-9])"


def _year(name: str) -> str:
    return rf"(?P<{name}>[0-9]{{4}})\b(?![.,][0-9])"


def _weekday(name: str) -> str:
    return rf"(?P<{name}>{_WEEKDAYS})\b"


# Anchors: the words a rule's match starts with; "#" stands for any number.
_AT_MONTH = tuple(_MONTHS)
_AT_NUMBER = ("#",)
_AT_RELATIVE = ("this", "last", "next", "past", "coming", "earlier", "later")
_AT_PART = ("early", "mid", "late", "end", "beginning", "start", "middle", "close")
_AT_ORDINAL = ("first", "second", "third", "fourth", "final", "latter", "last")
_AT_WEEKDAY = tuple(_WEEKDAY_NUMBERS)
_AT_SEASON = tuple(_SEASON_FIRST_MONTH)
_AT_TODAY = ("today", "tonight", "yesterday", "tomorrow")
_AT_HALF_QUARTER = ("h1", "h2", "q1", "q2", "q3", "q4")
_AT_AGO = ("ago",)  # "two years ago" is found backwards from its one rare word

_DASH = r"(?:\s*[-–—]\s*|\s+(?:to|through|until|till|and)\s+)"
_RELATIVE = r"(?P<rel>this\s+past|this\s+coming|this|last|next|past|coming)"
_YEAR_REF = rf"(?:{_year('y')}|(?P<yrel>this|next|last|the\s+current|the)\s+year\b)"
_SHORT_YEAR_REF = rf"(?:{_year('y')}|(?P<yrel>this|next|last)\s+year\b)"
# The year after a month or day: "July 12, 2019", "July of 2019", "October this year".
_YEAR_AFTER = rf"(?:(?:,|\s+of)?\s+{_year('y')}|\s+(?P<yrel>this|next|last)\s+year\b)"
_MONTH_REF = (
    rf"(?:{_month('mo')}(?:,?\s+(?:of\s+)?{_year('y')}|\s+(?P<yrel>this|next|last)\s+year\b)?"
    r"|(?P<mrel>this|next|last|the)\s+month\b)"
)
_NUMBER = (
    rf"(?:[0-9]{{1,3}}|(?:{'|'.join(_TENS)})(?:[\s-](?:{'|'.join(_UNITS)}))?"
    rf"|{'|'.join(_TEENS)}|{'|'.join(_UNITS)}|an|a)"
)

_WORD_AFTER = re.compile(r"[ \t]+([a-z]+)\b")
_OF_AFTER = re.compile(r"\s+of\b")
_WHOLE_YEAR = re.compile(r"[0-9]{4}")
_TRAILING = re.compile(r"(?:['’]s)?[\s.,;:!?]*\Z")


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
    for at in _ANCHOR_SCAN.finditer(lower):
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


# --- calendar helpers -----------------------------------------------------------------


def _date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def _month_span(year: int, month: int) -> _Span:
    return dt.date(year, month, 1), dt.date(year, month, calendar.monthrange(year, month)[1])


def _shift_month(year: int, month: int, offset: int) -> tuple[int, int]:
    index = year * 12 + month - 1 + offset
    return index // 12, index % 12 + 1


def _distance(anchor: dt.date, span: _Span) -> int:
    if anchor < span[0]:
        return (span[0] - anchor).days
    if anchor > span[1]:
        return (anchor - span[1]).days
    return 0


def _nearest(anchor: dt.date, make: Callable[[int], _Span | None]) -> _Span | None:
    """The occurrence (last, this or next year) closest to the anchor; ties go to the past.

    News dates without a year are this year's by convention (AP style omits only the
    current year), and recent-past or near-future ones otherwise: "December 3-4" in a
    July article is the coming December, "December 20" in a January article the last.
    """
    best: tuple[tuple[int, bool], _Span] | None = None
    for year in (anchor.year - 1, anchor.year, anchor.year + 1):
        span = make(year)
        if span is None:
            continue
        key = (_distance(anchor, span), span[0] > anchor)
        if best is None or key < best[0]:
            best = (key, span)
    return best[1] if best else None


def _week(day: dt.date) -> _Span:
    monday = day - dt.timedelta(days=day.weekday())
    return monday, monday + dt.timedelta(days=6)


def _month_number(hit: _Hit, group: str) -> int | None:
    token = hit.get(group)
    if token is None:
        return None
    if token in _WORDLIKE_MONTHS and not hit.raw(group)[:1].isupper():
        return None
    return _MONTHS[token]


def _year_ref(hit: _Hit, published: dt.date | None, years: range = _BARE_YEARS) -> int | None:
    """The year a year reference names: written ("2020") or relative ("next year")."""
    written = hit.get("y")
    if written is not None:
        return int(written) if int(written) in years else None
    relative = hit.get("yrel")
    if relative is None or published is None:
        return None
    return published.year + _RELATIVE_OFFSETS[" ".join(relative.split())]


def _relative(hit: _Hit) -> str | None:
    """ "last"/"next"/"this" in a canonical spelling ("this past" means "last")."""
    word = hit.get("rel")
    if word is None:
        return None
    return {"this past": "last", "past": "last", "this coming": "next", "coming": "next"}.get(
        " ".join(word.split()), word
    )


def _number(token: str) -> int:
    if token.isdigit():
        return int(token)
    return sum(_NUMBER_WORDS[part] for part in re.split(r"[\s-]+", token))


def _amount_follows(hit: _Hit) -> bool:
    """Whether a content word follows, making the number a quantity ("2019 troops")."""
    after = _WORD_AFTER.match(hit.text, hit.match.end())
    return after is not None and after.group(1) not in _FUNCTION_WORDS


def _of_follows(hit: _Hit) -> bool:
    return _OF_AFTER.match(hit.match.string, hit.match.end()) is not None


# Capitalized words before "Friday" or "today" that open a sentence rather than a name.
_SENTENCE_OPENERS = _KEPT_PREPOSITIONS | {
    "of", "early", "late", "and", "but", "or", "then", "also", "until", "since", "as",
}  # fmt: skip


def _after_proper_name(hit: _Hit) -> bool:
    """Whether a capitalized name precedes: "USA Today", "Bloody Sunday", "Good Friday"."""
    word, _, comma = _word_before(hit.text, hit.match.start())
    return word[:1].isupper() and not comma and word.lower() not in _SENTENCE_OPENERS


# --- explicit dates ---------------------------------------------------------------------


@_rule(
    r"(?P<y>[0-9]{4})(?P<sep>[-/.])(?P<mo>0[1-9]|1[0-2])(?P=sep)(?P<d>0[1-9]|[12][0-9]|3[01])(?![0-9])",
    at=_AT_NUMBER,
)
def _iso_date(hit: _Hit, published: dt.date | None) -> _Period | None:
    """2019-07-12."""
    if int(hit.get("y") or 0) not in _EXPLICIT_YEARS:
        return None
    day = _date(int(hit.get("y") or 0), int(hit.get("mo") or 0), int(hit.get("d") or 0))
    return (day, day, "day") if day else None


@_rule(rf"{_month('mo')}\s+{_day('d')}{_YEAR_AFTER}?", at=_AT_MONTH, weekday=True)
@_rule(
    rf"{_day('d')}(?:\s+of)?\s+{_month('mo')}{_YEAR_AFTER}?",
    at=_AT_NUMBER,
    weekday=True,
    the=True,
)
def _explicit_day(hit: _Hit, published: dt.date | None) -> _Period | None:
    """July 12, 2019; 12 July 2019; the 12th of July; July 12 (the year from the anchor)."""
    month = _month_number(hit, "mo")
    if month is None:
        return None
    day = int(hit.get("d") or 0)
    if hit.get("y") is not None or hit.get("yrel") is not None:
        year = _year_ref(hit, published, _EXPLICIT_YEARS)
        date = _date(year, month, day) if year is not None else None
        return (date, date, "day") if date else None
    if published is None:
        return None

    def occurrence(year: int) -> _Span | None:
        date = _date(year, month, day)
        return (date, date) if date else None

    def on_weekday(year: int) -> _Span | None:
        span = occurrence(year)
        return span if span and span[0].weekday() == hit.weekday else None

    # "Friday, July 12" names its year by the weekday when one of the candidates fits.
    span = (hit.weekday is not None and _nearest(published, on_weekday)) or _nearest(
        published, occurrence
    )
    return (*span, "day") if span else None


@_rule(
    rf"{_month('m1')}\s+{_day('d1')}{_DASH}(?:{_month('m2')}\s+)?{_day('d2')}(?:,?\s+{_year('y')})?",
    at=_AT_MONTH,
)
@_rule(
    rf"{_day('d1')}(?:\s+{_month('m1')})?{_DASH}{_day('d2')}\s+{_month('m2')}(?:,?\s+{_year('y')})?",
    at=_AT_NUMBER,
)
def _day_range(hit: _Hit, published: dt.date | None) -> _Period | None:
    """December 3-4; 3-4 December 2019; July 30 - August 2."""
    first, last = _month_number(hit, "m1"), _month_number(hit, "m2")
    if (first is None and hit.get("m1")) or (last is None and hit.get("m2")):
        return None
    first = first or last
    last = last or first
    assert first is not None and last is not None  # at least one month is in every pattern
    day1, day2 = int(hit.get("d1") or 0), int(hit.get("d2") or 0)
    wraps = (last, day2) < (first, day1)  # "December 30 - January 2"

    def occurrence(year: int) -> _Span | None:
        assert first is not None and last is not None
        start = _date(year, first, day1)
        end = _date(year + wraps, last, day2)
        if start is None or end is None or not 0 <= (end - start).days <= _MAX_DAY_RANGE:
            return None
        return start, end

    written = hit.get("y")
    if written is not None:
        if int(written) not in _EXPLICIT_YEARS:
            return None
        span = occurrence(int(written) - wraps)  # the written year is the end's
    elif published is not None:
        span = _nearest(published, occurrence)
    else:
        return None
    if span is None:
        return None
    return span[0], span[1], "day" if span[0] == span[1] else "partOfMonth"


@_rule(rf"{_month('mo')}{_YEAR_AFTER}", at=_AT_MONTH)
def _month_year(hit: _Hit, published: dt.date | None) -> _Period | None:
    """July 2019; July of 2019; October this year; May last year."""
    month = _month_number(hit, "mo")
    year = _year_ref(hit, published, _EXPLICIT_YEARS)
    if month is None or year is None:
        return None
    return (*_month_span(year, month), "month")


@_rule(rf"{_RELATIVE}\s+{_full_month('mo')}", at=_AT_RELATIVE)
@_rule(_full_month("mo"), at=_AT_MONTH)
def _bare_month(hit: _Hit, published: dt.date | None) -> _Period | None:
    """In July; last March; July (the year from the anchor)."""
    month = _month_number(hit, "mo")
    relative = _relative(hit)
    if month is None or published is None:
        return None
    if hit.get("mo") in ("may", "march"):
        if relative is None and hit.cue not in _BARE_MONTH_CUES:
            return None
        if hit.text.startswith(("'s", "’s"), hit.match.end()):
            return None  # "May's government" is the person
    if relative is None:
        span = _nearest(published, lambda year: _month_span(year, month))
        return (*span, "month") if span else None
    if hit.the:
        return None  # "the next March" counts from the story's time, not the article's
    if relative == "last":
        year = published.year if month < published.month else published.year - 1
    elif relative == "next":
        year = published.year if month > published.month else published.year + 1
    else:
        year = published.year
    return (*_month_span(year, month), "month")


# --- parts of months and years ----------------------------------------------------------

_PART_DAYS = {
    "early": (1, 10),
    "beginning": (1, 10),
    "start": (1, 10),
    "mid": (11, 20),
    "middle": (11, 20),
    "late": (21, 31),
    "end": (21, 31),
    "close": (21, 31),
}
_PART_WORDS = r"(?P<part>early|mid|late|end)\b[\s-]*"
_PART_PHRASE = r"(?P<phrase>end|beginning|start|middle|close)\s+of\s+"


@_rule(rf"(?:{_PART_WORDS}|{_PART_PHRASE}){_MONTH_REF}", at=_AT_PART, the=True)
def _part_of_month(hit: _Hit, published: dt.date | None) -> _Period | None:
    """Early July; mid-July this year; at the end of July; the beginning of next month."""
    part = hit.get("part") or hit.get("phrase") or ""
    first_day, last_day = _PART_DAYS[part]
    month_relative = hit.get("mrel")
    if month_relative is not None:
        if published is None:
            return None
        year, month = _shift_month(
            published.year, published.month, _RELATIVE_OFFSETS[month_relative]
        )
    else:
        found = _month_number(hit, "mo")
        if found is None:
            return None
        month = found
        if hit.get("y") is not None or hit.get("yrel") is not None:
            found_year = _year_ref(hit, published, _EXPLICIT_YEARS)
            if found_year is None:
                return None
            year = found_year
        elif published is not None:
            span = _nearest(published, lambda y: _month_span(y, month))
            assert span is not None  # every year has every month
            year = span[0].year
        else:
            return None
    last_day = min(last_day, calendar.monthrange(year, month)[1])
    return dt.date(year, month, first_day), dt.date(year, month, last_day), "partOfMonth"


@_rule(rf"(?:{_PART_WORDS}|{_PART_PHRASE}){_YEAR_REF}", at=_AT_PART, the=True)
def _part_of_year(hit: _Hit, published: dt.date | None) -> _Period | None:
    """Early 2020, mid-2020, late last year: the year; the end (or start) of it: a month.

    "By the end of the year" is December, a month. "Early 2020" stays a year, narrowed
    to its first third, because the text commits to no month.
    """
    year = _year_ref(hit, published)
    if year is None:
        return None
    part = hit.get("part") or hit.get("phrase")
    if part in ("end", "close"):
        return (*_month_span(year, 12), "month")
    if part in ("beginning", "start"):
        return (*_month_span(year, 1), "month")
    first_month = {"early": 1, "mid": 5, "middle": 5, "late": 9}[part or ""]
    start = dt.date(year, first_month, 1)
    end = _month_span(year, first_month + 3)[1]
    return start, end, "year"


@_rule(r"year[\s-]end\b", at=("year",), the=True)
def _year_end(hit: _Hit, published: dt.date | None) -> _Period | None:
    """By year-end: December of the anchor's year."""
    if published is None:
        return None
    return (*_month_span(published.year, 12), "month")


@_rule(
    rf"(?P<ord>first|second|1st|2nd|latter)[\s-]+half\s+of\s+{_YEAR_REF}",
    at=_AT_ORDINAL + _AT_NUMBER,
    the=True,
)
@_rule(
    rf"(?:h(?P<h>[12])|(?P<h2>[12])h)\s*(?:of\s+)?{_SHORT_YEAR_REF}",
    at=_AT_HALF_QUARTER + _AT_NUMBER,
)
def _half_year(hit: _Hit, published: dt.date | None) -> _Period | None:
    """The first half of next year; second half of 2019; H1 2020."""
    year = _year_ref(hit, published)
    if year is None:
        return None
    first = hit.get("ord") in ("first", "1st") or "1" in (hit.get("h"), hit.get("h2"))
    if first:
        return dt.date(year, 1, 1), dt.date(year, 6, 30), "halfYear"
    return dt.date(year, 7, 1), dt.date(year, 12, 31), "halfYear"


_QUARTERS = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4,
             "4th": 4, "final": 4, "last": 4}  # fmt: skip


@_rule(
    r"(?P<ord>first|second|third|fourth|final|last|1st|2nd|3rd|4th)[\s-]+quarter\s+(?:of\s+)?"
    + _YEAR_REF,
    at=_AT_ORDINAL + _AT_NUMBER,
    the=True,
)
@_rule(
    rf"(?:q(?P<q>[1-4])|(?P<q2>[1-4])q)\s*(?:of\s+)?{_SHORT_YEAR_REF}",
    at=_AT_HALF_QUARTER + _AT_NUMBER,
)
def _quarter(hit: _Hit, published: dt.date | None) -> _Period | None:
    """Q3 2021; the third quarter of 2021: a three-month period, reported as a season."""
    year = _year_ref(hit, published)
    if year is None:
        return None
    quarter = _QUARTERS.get(hit.get("ord") or "") or int(hit.get("q") or hit.get("q2") or 0)
    first_month = quarter * 3 - 2
    return dt.date(year, first_month, 1), _month_span(year, first_month + 2)[1], "season"


# --- seasons -------------------------------------------------------------------------------


# "Spring 2020", "the summer of next year", "the winter of 2019-20".
_SEASON_YEAR = (
    rf"(?:\s+(?:of\s+)?(?:{_year('y')}(?:[-–/](?P<y2>[0-9]{{4}}|[0-9]{{2}})\b)?"
    r"|(?P<yrel>this|next|last)\s+year\b))"
)


def _season_span(season: str, year: int) -> _Span:
    """A northern-hemisphere season of a year; winter is the one starting in its December."""
    first = _SEASON_FIRST_MONTH[season]
    end_year, end_month = _shift_month(year, first, 2)
    return dt.date(year, first, 1), _month_span(end_year, end_month)[1]


@_rule(rf"(?P<s>{_SEASONS})\b{_SEASON_YEAR}?", at=_AT_SEASON, the=True)
@_rule(
    rf"(?:early|mid|late)[\s-]*(?P<s>{_SEASONS})\b{_SEASON_YEAR}?",
    at=_AT_PART,
    the=True,
)
@_rule(rf"{_RELATIVE}\s+(?:(?:early|mid|late)[\s-]*)?(?P<s>{_SEASONS})\b", at=_AT_RELATIVE)
def _season(hit: _Hit, published: dt.date | None) -> _Period | None:
    """Spring 2020; the summer of 2019; this summer; next autumn; in the fall."""
    season = hit.get("s") or ""
    if hit.get("y") is not None or hit.get("yrel") is not None:
        year = _year_ref(hit, published)
        second = hit.get("y2")
        if second is not None and (
            season != "winter" or year is None or int(second) % 100 != (year + 1) % 100
        ):
            return None  # only a winter spans two years
        return (*_season_span(season, year), "season") if year is not None else None
    if published is None or _of_follows(hit):
        return None  # "this fall of the lira", "after the fall of Kabul"
    relative = _relative(hit)
    if relative is None and hit.cue not in _SEASON_CUES:
        return None  # "spring offensive", "Arab Spring"
    if relative is not None and hit.the:
        return None  # "the next summer" counts from the story's time, not the article's
    years = range(published.year - 2, published.year + 2)
    spans = [_season_span(season, year) for year in years]
    if relative == "last":
        span = max(s for s in spans if s[1] < published)
    elif relative == "next":
        span = min(s for s in spans if s[0] > published)
    else:
        found = _nearest(published, lambda year: _season_span(season, year))
        assert found is not None
        span = found
    return (*span, "season")


# --- relative days, weeks, months, years ---------------------------------------------------


@_rule(
    r"(?P<word>today|tonight|yesterday|tomorrow|this\s+(?:morning|afternoon|evening)|last\s+night)\b",
    at=_AT_TODAY + _AT_RELATIVE,
)
@_rule(r"day\s+(?P<word>before\s+yesterday|after\s+tomorrow)\b", at=("day",), the=True)
def _relative_day(hit: _Hit, published: dt.date | None) -> _Period | None:
    """Today, yesterday, tomorrow, last night, the day before yesterday."""
    word = " ".join((hit.get("word") or "").split())
    if published is None:
        return None
    if word in ("today", "tonight") and _after_proper_name(hit):
        return None  # "USA Today", "Russia Today" are outlets
    if word == "last night" and hit.the:
        return None  # "the last night of the summit"
    offset = {"yesterday": -1, "tomorrow": 1, "last night": -1, "before yesterday": -2,
              "after tomorrow": 2}.get(word, 0)  # fmt: skip
    day = published + dt.timedelta(days=offset)
    return day, day, "day"


@_rule(rf"{_RELATIVE}\s+{_weekday('wd')}", at=_AT_RELATIVE)
@_rule(_weekday("wd"), at=_AT_WEEKDAY)
def _weekday_name(hit: _Hit, published: dt.date | None) -> _Period | None:
    """On Friday: the latest Friday on or before the anchor; next Friday: the first after.

    Tense would tell "on Friday" past from future, but the resolver sees no tense, and
    news reports the past far more often than it announces the future.
    """
    if published is None or hit.the or _of_follows(hit):
        return None  # "the Friday before the vote", "the last Friday of June"
    relative = _relative(hit)
    if relative is None and _after_proper_name(hit):
        return None  # "Black Friday", "Bloody Sunday"
    weekday = _WEEKDAY_NUMBERS[hit.get("wd") or ""]
    today = published.weekday()
    if relative == "last":
        back = (today - weekday - 1) % 7 + 1
    elif relative == "next":
        back = -((weekday - today - 1) % 7 + 1)
    elif relative == "this":
        back = -((weekday - today) % 7)
    else:
        back = (today - weekday) % 7
    day = published - dt.timedelta(days=back)
    return day, day, "day"


@_rule(
    r"(?:(?P<mod>earlier|later)\s+this|(?P<rel>this|last|next))\s+(?P<unit>weekend|week|month|year)\b",
    at=_AT_RELATIVE,
)
def _relative_unit(hit: _Hit, published: dt.date | None) -> _Period | None:
    """This week, last month, next year, earlier this month, later this year."""
    if published is None or hit.the or _of_follows(hit):
        return None  # "the last year" is a vague span; "the last week of July" not P's
    modifier, unit = hit.get("mod"), hit.get("unit")
    offset = _RELATIVE_OFFSETS[hit.get("rel") or "this"]
    if unit == "year":
        year = published.year + offset
        start, end = dt.date(year, 1, 1), dt.date(year, 12, 31)
        precision = "year"
    elif unit == "month":
        start, end = _month_span(*_shift_month(published.year, published.month, offset))
        precision = "partOfMonth" if modifier else "month"
    else:
        start, end = _week(published + dt.timedelta(weeks=offset))
        if unit == "weekend":
            start = end - dt.timedelta(days=1)
        precision = "partOfMonth"
    if modifier == "earlier":
        end = min(end, published)
    elif modifier == "later":
        start = max(start, published)
    return start, end, precision


@_rule(rf"(?P<n>{_NUMBER})\s+(?P<unit>day|week|month|year)s?\s+ago\b", at=_AT_AGO)
def _ago(hit: _Hit, published: dt.date | None) -> _Period | None:
    """Two years ago (a year), three months ago (a month), a week ago (that week)."""
    if published is None:
        return None
    count, unit = _number(hit.get("n") or "0"), hit.get("unit")
    if unit == "day":
        day = published - dt.timedelta(days=count)
        return day, day, "day"
    if unit == "week":
        return (*_week(published - dt.timedelta(weeks=count)), "partOfMonth")
    if unit == "month":
        return (*_month_span(*_shift_month(published.year, published.month, -count)), "month")
    year = published.year - count
    return dt.date(year, 1, 1), dt.date(year, 12, 31), "year"


# --- years ---------------------------------------------------------------------------------


@_rule(_year("y"), at=_AT_NUMBER)
@_rule(rf"year\s+{_year('y')}", at=("year",), the=True)
def _bare_year(hit: _Hit, published: dt.date | None) -> _Period | None:
    """In 2019, since 2019, by 2030, 2019's, the year 2019; never "2019 troops"."""
    year = _year_ref(hit, published)
    if year is None or _amount_follows(hit):
        return None
    start = hit.match.start()
    if hit.match.group().startswith("year"):
        if hit.text[max(0, start - 7) : start].lower() == "fiscal ":
            return None  # fiscal years do not start in January
    elif hit.cue not in _YEAR_CUES and not hit.text.startswith(("'s", "’s"), hit.match.end()):
        return None
    return dt.date(year, 1, 1), dt.date(year, 12, 31), "year"


_DECADE = r"(?P<dec>(?:19|20)[0-9]0)['’]?s\b"
_DECADE_PARTS = {None: (0, 9), "early": (0, 3), "mid": (3, 6), "late": (6, 9)}


@_rule(rf"(?P<dpart>early|mid|late)[\s-]*(?:the\s+)?{_DECADE}", at=("early", "mid", "late"))
@_rule(_DECADE, at=_AT_NUMBER, the=True)
def _decade(hit: _Hit, published: dt.date | None) -> _Period | None:
    """The 1990s; the early 2030s (first years), mid-2020s, late 1980s: several years."""
    part = hit.get("dpart")
    if part is None and not hit.the and hit.cue not in _YEAR_CUES:
        return None  # "2030s technology": an adjective, not a time
    first = int(hit.get("dec") or 0)
    low, high = _DECADE_PARTS[part]
    return dt.date(first + low, 1, 1), dt.date(first + high, 12, 31), "multiYear"


@_rule(rf"between\s+{_year('y1')}\s+and\s+{_year('y2')}", at=("between",))
@_rule(rf"from\s+{_year('y1')}\s+(?:to|through|until|till|and)\s+{_year('y2')}", at=("from",))
@_rule(
    rf"{_year('y1')}\s*[-–—/]\s*(?:{_year('y2')}|(?P<yy>[0-9]{{2}})\b)(?![-–—/.]?[0-9])",
    at=_AT_NUMBER,
)
def _year_range(hit: _Hit, published: dt.date | None) -> _Period | None:
    """Between 2024 and 2030; from 2024 to 2030; 2024-2030; 2019-20."""
    first = int(hit.get("y1") or 0)
    written = hit.get("y2")
    last = int(written) if written else first // 100 * 100 + int(hit.get("yy") or 0)
    if first not in _BARE_YEARS or last not in _BARE_YEARS or not first < last <= first + 100:
        return None
    if _amount_follows(hit):
        return None  # "2000-2500 troops"
    return dt.date(first, 1, 1), dt.date(last, 12, 31), "multiYear"


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


# One scan finds every anchor; longer words win over their prefixes ("january", "jan").
_ANCHOR_SCAN = re.compile(rf"{_any_word(sorted(set(_RULES_AT) - {'#'}))}\b|[0-9]+")


# --- public API ----------------------------------------------------------------------------


def find_dates(text: str, published: dt.date | None) -> list[DateMention]:
    """All date expressions in ``text``, resolved against ``published``.

    Sorted by offset and non-overlapping: where expressions overlap, the longest wins
    ("mid-July this year" over "this year"). Without a publication date only
    expressions carrying their own year resolve.

    >>> [(m.value.text, m.value.precision) for m in find_dates(
    ...     "Talks began in early July and end next week.", dt.date(2019, 7, 14))]
    [('in early July', 'partOfMonth'), ('next week', 'partOfMonth')]
    """
    return _select(text, _candidates(text), published)


def _select(
    text: str, candidates: list[_Candidate], published: dt.date | None
) -> list[DateMention]:
    """The mentions: candidates taken longest first, then leftmost, then in rule order.

    A candidate is kept if it overlaps nothing kept so far and resolves. Resolving only
    candidates not already overlapped halves the work in date-dense text.
    """
    chosen: list[DateMention] = []  # kept sorted by start, so only neighbours can overlap
    starts: list[int] = []
    for start, end, rule, hit in sorted(candidates, key=lambda c: (c[0] - c[1], c[0], c[2].index)):
        i = bisect.bisect_left(starts, start)
        if (i > 0 and chosen[i - 1].end > start) or (i < len(chosen) and chosen[i].start < end):
            continue
        period = rule.resolver(hit, published)
        if period is not None:
            starts.insert(i, start)
            chosen.insert(i, DateMention(start, end, DateValue(*period, text[start:end])))
    return chosen


def resolve(expression: str, published: dt.date | None) -> DateValue | None:
    """One date expression, or None when it is not one or cannot be resolved.

    The whole expression must be a date ("in July", "2019", "mid-July this year");
    a date inside a longer phrase is not enough. A bare four-digit year counts here,
    unlike inside running text, since the caller says the expression is a date.

    >>> resolve("next Friday", dt.date(2019, 7, 14)).start
    datetime.date(2019, 7, 19)
    >>> resolve("in the coming months", dt.date(2019, 7, 14)) is None
    True
    """
    expression = _TRAILING.sub("", expression.strip())
    if not expression:
        return None
    mentions = find_dates(expression, published)
    if len(mentions) == 1 and mentions[0].start == 0 and mentions[0].end == len(expression):
        return mentions[0].value
    if _WHOLE_YEAR.fullmatch(expression) and int(expression) in _BARE_YEARS:
        year = int(expression)
        return DateValue(dt.date(year, 1, 1), dt.date(year, 12, 31), "year", expression)
    return None


def infer_year(text: str) -> int | None:
    """The most plausible reference year of an undated article, or None.

    The latest year, between 1990 and 2100, of the dates that carry one: "July 12, 2019",
    "July 2019", "spring 2018", or a number in a date context ("in 2019", "2019's").
    Deadlines ("by 2030", "until 2025") and ranges are left out: they look ahead of the
    article rather than at its time.

    >>> infer_year("The deal, signed in 2017, saw a first delivery on July 12, 2019.")
    2019
    """
    years = [
        mention.value.start.year
        for mention in find_dates(text, None)
        if mention.value.start.year in range(1990, 2101)
        and mention.value.precision != "multiYear"
        and mention.value.text.split(maxsplit=1)[0].lower() not in _DEADLINE_WORDS
    ]
    return max(years, default=None)
