"""Rules for years, decades and ranges of years: "in 2020", "the early 2000s", "2019-2021"."""

from __future__ import annotations

import datetime as dt

from kg.dates.matching import _Hit, _Period, _rule
from kg.dates.periods import _amount_follows, _year_ref
from kg.dates.words import _AT_NUMBER, _BARE_YEARS, _YEAR_CUES, _year

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


@_rule(rf"(?:in|during)\s+{_year('y1')}\s+and\s+{_year('y2')}", at=("in", "during"))
def _two_years(hit: _Hit, published: dt.date | None) -> _Period | None:
    """ "Will be delivered in 2014 and 2015": two years that follow each other make one
    span (two years apart, the year between is not told)."""
    first, last = int(hit.get("y1") or 0), int(hit.get("y2") or 0)
    if first not in _BARE_YEARS or last != first + 1 or _amount_follows(hit):
        return None
    return dt.date(first, 1, 1), dt.date(last, 12, 31), "multiYear"


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
