"""Rules for seasons and dates relative to the publication: "last summer", "yesterday",
"next Friday", "earlier this month", "two years ago".
"""

from __future__ import annotations

import datetime as dt

from kg.dates.matching import _Hit, _Period, _rule, _Span
from kg.dates.periods import (
    _after_proper_name,
    _month_span,
    _nearest,
    _number,
    _of_follows,
    _relative,
    _shift_month,
    _week,
    _year_ref,
)
from kg.dates.words import (
    _AT_AGO,
    _AT_PART,
    _AT_RELATIVE,
    _AT_SEASON,
    _AT_TODAY,
    _AT_WEEKDAY,
    _NUMBER,
    _RELATIVE,
    _RELATIVE_OFFSETS,
    _SEASON_CUES,
    _SEASON_FIRST_MONTH,
    _SEASONS,
    _WEEKDAY_NUMBERS,
    _weekday,
    _year,
)

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
