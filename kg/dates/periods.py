"""Calendar arithmetic and what the resolvers ask of a match (its month, its year, what follows)."""

from __future__ import annotations

import calendar
import datetime as dt
import re
from collections.abc import Callable

from kg.dates.matching import _Hit, _Span, _word_before
from kg.dates.words import (
    _BARE_YEARS,
    _FUNCTION_WORDS,
    _KEPT_PREPOSITIONS,
    _MONTHS,
    _NUMBER_WORDS,
    _OF_AFTER,
    _RELATIVE_OFFSETS,
    _WORD_AFTER,
    _WORDLIKE_MONTHS,
)

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
