"""The words of date expressions and the pattern fragments built from them.

Patterns run over the lower-cased text; see :mod:`kg.dates.matching` for how they are
anchored.
"""

from __future__ import annotations

import re

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
