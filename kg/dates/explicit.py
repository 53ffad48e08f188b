"""Rules for dates written out: "2019-07-12", "July 12", "December 3-4", "July 2019", and
parts of months and years: "mid-July", "the end of next year", "H1 2020", "the third quarter".
"""

from __future__ import annotations

import calendar
import datetime as dt

from kg.dates.matching import _Hit, _Period, _rule, _Span
from kg.dates.periods import (
    _date,
    _month_number,
    _month_span,
    _nearest,
    _relative,
    _shift_month,
    _year_ref,
)
from kg.dates.words import (
    _AT_HALF_QUARTER,
    _AT_MONTH,
    _AT_NUMBER,
    _AT_ORDINAL,
    _AT_PART,
    _AT_RELATIVE,
    _BARE_MONTH_CUES,
    _DASH,
    _EXPLICIT_YEARS,
    _MAX_DAY_RANGE,
    _MONTH_REF,
    _RELATIVE,
    _RELATIVE_OFFSETS,
    _SHORT_YEAR_REF,
    _YEAR_AFTER,
    _YEAR_REF,
    _day,
    _full_month,
    _month,
    _year,
)

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
