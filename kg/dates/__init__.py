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

The package: :mod:`~kg.dates.values` (what an expression resolves to),
:mod:`~kg.dates.words` (the words and pattern fragments), :mod:`~kg.dates.matching`
(the rule registry and the matching), :mod:`~kg.dates.periods` (calendar arithmetic), and
the rules by kind of expression in :mod:`~kg.dates.explicit`, :mod:`~kg.dates.relative`
and :mod:`~kg.dates.years`, each registered with ``@_rule``, one place per rule. This
module imports the rule modules in that order (the order ties are broken in) and holds
the public functions.

>>> value = resolve("mid-July this year", dt.date(2019, 7, 14))
>>> value.start, value.end, value.precision
(datetime.date(2019, 7, 11), datetime.date(2019, 7, 20), 'partOfMonth')
>>> [m.value.text for m in find_dates("On Friday Ankara said it expects more in 2020.", None)]
['in 2020']
"""

from __future__ import annotations

import bisect
import datetime as dt

# The rule modules register their rules when imported, in this order.
from kg.dates import explicit, relative, years  # noqa: F401
from kg.dates.matching import _Candidate, _candidates
from kg.dates.values import PRECISIONS, DateMention, DateValue
from kg.dates.words import _BARE_YEARS, _DEADLINE_WORDS, _TRAILING, _WHOLE_YEAR

__all__ = ["PRECISIONS", "DateMention", "DateValue", "find_dates", "infer_year", "resolve"]


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
    found = [
        mention.value.start.year
        for mention in find_dates(text, None)
        if mention.value.start.year in range(1990, 2101)
        and mention.value.precision != "multiYear"
        and mention.value.text.split(maxsplit=1)[0].lower() not in _DEADLINE_WORDS
    ]
    return max(found, default=None)
