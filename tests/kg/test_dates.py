"""Date expressions in news text resolve against the publication date, never finer than written.

Unless a test says otherwise the article was published on Sunday 14 July 2019.
"""

from __future__ import annotations

import datetime as dt
import doctest
import itertools

import pytest
from rdflib.namespace import XSD

import kg.dates
from kg.dates import PRECISIONS, DateValue, find_dates, infer_year, resolve
from kg.vocab import DD

P = dt.date(2019, 7, 14)  # a Sunday


def d(iso: str) -> dt.date:
    return dt.date.fromisoformat(iso)


def period(expression: str, published: dt.date | None = P) -> tuple[str, str, str]:
    """(start, end, precision) of a resolved expression, failing if it does not resolve."""
    value = resolve(expression, published)
    assert value is not None, f"{expression!r} did not resolve"
    return value.start.isoformat(), value.end.isoformat(), value.precision


# --- explicit dates --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("expression", "expected"),
    [
        ("July 12, 2019", ("2019-07-12", "2019-07-12", "day")),
        ("July 12 2019", ("2019-07-12", "2019-07-12", "day")),
        ("12 July 2019", ("2019-07-12", "2019-07-12", "day")),
        ("12th July, 2019", ("2019-07-12", "2019-07-12", "day")),
        ("the 12th of July", ("2019-07-12", "2019-07-12", "day")),
        ("Jan. 5, 2020", ("2020-01-05", "2020-01-05", "day")),
        ("Sept. 5", ("2019-09-05", "2019-09-05", "day")),
        ("on July 12", ("2019-07-12", "2019-07-12", "day")),
        ("2019-07-12", ("2019-07-12", "2019-07-12", "day")),
        ("July 2019", ("2019-07-01", "2019-07-31", "month")),
        ("July of 2019", ("2019-07-01", "2019-07-31", "month")),
        ("in October this year", ("2019-10-01", "2019-10-31", "month")),
        ("in May last year", ("2018-05-01", "2018-05-31", "month")),
        ("July 12 last year", ("2018-07-12", "2018-07-12", "day")),
        ("in July", ("2019-07-01", "2019-07-31", "month")),
        ("July", ("2019-07-01", "2019-07-31", "month")),
        ("February 2020", ("2020-02-01", "2020-02-29", "month")),
        ("2019", ("2019-01-01", "2019-12-31", "year")),
        ("in 2019", ("2019-01-01", "2019-12-31", "year")),
        ("since 2019", ("2019-01-01", "2019-12-31", "year")),
        ("2019's", ("2019-01-01", "2019-12-31", "year")),
        ("the year 2019", ("2019-01-01", "2019-12-31", "year")),
    ],
)
def test_explicit_dates_resolve_to_the_precision_written(
    expression: str, expected: tuple[str, str, str]
) -> None:
    assert period(expression) == expected


@pytest.mark.parametrize(
    ("expression", "published", "expected"),
    [
        ("July 12", P, "2019-07-12"),
        # AP style omits the current year, so a coming date is this year's ...
        ("December 3", P, "2019-12-03"),
        ("January 20", P, "2019-01-20"),
        # ... and around New Year the nearer side wins.
        ("December 20", d("2020-01-10"), "2019-12-20"),
        ("January 10", d("2019-12-15"), "2020-01-10"),
        ("February 29", d("2020-01-10"), "2020-02-29"),
    ],
)
def test_a_date_without_a_year_takes_the_year_closest_to_publication(
    expression: str, published: dt.date, expected: str
) -> None:
    assert period(expression, published) == (expected, expected, "day")


@pytest.mark.parametrize(
    ("expression", "published", "expected"),
    [
        ("in July", d("2019-07-14"), "2019-07"),
        ("in December", d("2019-07-14"), "2019-12"),
        ("in December", d("2020-01-10"), "2019-12"),
        ("in March", d("2019-12-15"), "2020-03"),
    ],
)
def test_a_month_without_a_year_is_the_one_closest_to_publication(
    expression: str, published: dt.date, expected: str
) -> None:
    value = resolve(expression, published)
    assert value is not None
    assert (value.start.strftime("%Y-%m"), value.precision) == (expected, "month")


def test_a_weekday_before_a_date_is_part_of_it_and_picks_its_year() -> None:
    # 12 July was a Friday in 2019, 12 July 2020 a Sunday: the weekday decides.
    assert period("Friday, July 12", d("2020-03-01")) == ("2019-07-12", "2019-07-12", "day")
    [mention] = find_dates("They met on Friday, July 12, 2019.", None)
    assert mention.value.text == "on Friday, July 12, 2019"


def test_last_and_next_before_a_month_count_from_the_publication_month() -> None:
    assert period("last July") == ("2018-07-01", "2018-07-31", "month")
    assert period("next March") == ("2020-03-01", "2020-03-31", "month")
    assert period("last March") == ("2019-03-01", "2019-03-31", "month")


# --- ranges -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("expression", "expected"),
    [
        ("December 3-4", ("2019-12-03", "2019-12-04", "partOfMonth")),
        ("December 3–4, 2019", ("2019-12-03", "2019-12-04", "partOfMonth")),
        ("3-4 December 2019", ("2019-12-03", "2019-12-04", "partOfMonth")),
        ("July 12 to 14", ("2019-07-12", "2019-07-14", "partOfMonth")),
        ("July 30 - August 2", ("2019-07-30", "2019-08-02", "partOfMonth")),
        ("30 December - 2 January 2020", ("2019-12-30", "2020-01-02", "partOfMonth")),
        ("December 3-3", ("2019-12-03", "2019-12-03", "day")),
    ],
)
def test_day_ranges_are_part_of_a_month_unless_they_are_one_day(
    expression: str, expected: tuple[str, str, str]
) -> None:
    assert period(expression) == expected


def test_a_range_between_two_full_dates_is_two_days() -> None:
    mentions = find_dates("Exercises ran from 30 December 2019 to 2 January 2020.", None)
    assert [(m.value.text, m.value.precision) for m in mentions] == [
        ("from 30 December 2019", "day"),
        ("2 January 2020", "day"),
    ]


@pytest.mark.parametrize(
    "expression",
    ["between 2024 and 2030", "2024-2030", "2024–2030", "from 2024 to 2030", "2024-30"],
)
def test_year_ranges_are_multi_year_from_january_to_december(expression: str) -> None:
    assert period(expression) == ("2024-01-01", "2030-12-31", "multiYear")


def test_two_years_that_follow_each_other_are_one_span_and_two_apart_only_the_first() -> None:
    assert period("in 2024 and 2025") == ("2024-01-01", "2025-12-31", "multiYear")
    assert resolve("in 2024 and 2026", P) is None  # not one span


def test_a_backwards_or_implausible_year_range_is_not_a_date() -> None:
    assert resolve("2030-2024", P) is None
    assert resolve("between 2000 and 2500 troops", P) is None
    assert resolve("1234-5678", P) is None


# --- parts of months and years ------------------------------------------------------------


def test_mid_july_this_year_is_part_of_month() -> None:
    assert period("mid-July this year") == ("2019-07-11", "2019-07-20", "partOfMonth")


@pytest.mark.parametrize(
    ("expression", "expected"),
    [
        ("early July", ("2019-07-01", "2019-07-10", "partOfMonth")),
        ("mid-July", ("2019-07-11", "2019-07-20", "partOfMonth")),
        ("mid July", ("2019-07-11", "2019-07-20", "partOfMonth")),
        ("Mid-July", ("2019-07-11", "2019-07-20", "partOfMonth")),
        ("late July", ("2019-07-21", "2019-07-31", "partOfMonth")),
        ("late February 2020", ("2020-02-21", "2020-02-29", "partOfMonth")),
        ("in early May", ("2019-05-01", "2019-05-10", "partOfMonth")),
        ("at the end of July", ("2019-07-21", "2019-07-31", "partOfMonth")),
        ("the middle of next month", ("2019-08-11", "2019-08-20", "partOfMonth")),
        ("the beginning of next month", ("2019-08-01", "2019-08-10", "partOfMonth")),
        ("by the end of the month", ("2019-07-21", "2019-07-31", "partOfMonth")),
        ("late last month", ("2019-06-21", "2019-06-30", "partOfMonth")),
        ("early July 2018", ("2018-07-01", "2018-07-10", "partOfMonth")),
        ("mid-July next year", ("2020-07-11", "2020-07-20", "partOfMonth")),
    ],
)
def test_parts_of_a_month_are_its_thirds(expression: str, expected: tuple[str, str, str]) -> None:
    assert period(expression) == expected


@pytest.mark.parametrize(
    ("expression", "expected"),
    [
        ("by the end of the year", ("2019-12-01", "2019-12-31", "month")),
        ("at the end of this year", ("2019-12-01", "2019-12-31", "month")),
        ("by year-end", ("2019-12-01", "2019-12-31", "month")),
        ("the end of 2020", ("2020-12-01", "2020-12-31", "month")),
        ("the beginning of next year", ("2020-01-01", "2020-01-31", "month")),
        ("early 2020", ("2020-01-01", "2020-04-30", "year")),
        ("mid-2020", ("2020-05-01", "2020-08-31", "year")),
        ("late last year", ("2018-09-01", "2018-12-31", "year")),
        ("early next year", ("2020-01-01", "2020-04-30", "year")),
    ],
)
def test_the_end_of_a_year_is_december_and_early_or_late_in_it_stays_a_year(
    expression: str, expected: tuple[str, str, str]
) -> None:
    assert period(expression) == expected


@pytest.mark.parametrize(
    ("expression", "expected"),
    [
        ("in the first half of next year", ("2020-01-01", "2020-06-30")),
        ("first half of 2020", ("2020-01-01", "2020-06-30")),
        ("the second half of this year", ("2019-07-01", "2019-12-31")),
        ("the second half of the year", ("2019-07-01", "2019-12-31")),
        ("H1 2020", ("2020-01-01", "2020-06-30")),
        ("H2 2019", ("2019-07-01", "2019-12-31")),
    ],
)
def test_halves_of_a_year_are_half_year(expression: str, expected: tuple[str, str]) -> None:
    assert period(expression) == (*expected, "halfYear")


@pytest.mark.parametrize(
    ("expression", "expected"),
    [
        ("Q3 2021", ("2021-07-01", "2021-09-30")),
        ("third quarter of 2021", ("2021-07-01", "2021-09-30")),
        ("the fourth quarter of this year", ("2019-10-01", "2019-12-31")),
        ("Q1 of next year", ("2020-01-01", "2020-03-31")),
    ],
)
def test_quarters_are_three_month_seasons(expression: str, expected: tuple[str, str]) -> None:
    assert period(expression) == (*expected, "season")


# --- relative days and weeks ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("expression", "expected"),
    [
        ("today", "2019-07-14"),
        ("tonight", "2019-07-14"),
        ("yesterday", "2019-07-13"),
        ("tomorrow", "2019-07-15"),
        ("last night", "2019-07-13"),
        ("the day before yesterday", "2019-07-12"),
        ("ten days ago", "2019-07-04"),
    ],
)
def test_relative_days_count_from_publication(expression: str, expected: str) -> None:
    assert period(expression) == (expected, expected, "day")


@pytest.mark.parametrize(
    ("expression", "published", "expected"),
    [
        ("on Friday", P, "2019-07-12"),
        ("Friday", P, "2019-07-12"),
        ("last Friday", P, "2019-07-12"),
        ("on Sunday", P, "2019-07-14"),
        ("last Sunday", P, "2019-07-07"),
        ("on Monday", d("2019-07-15"), "2019-07-15"),
        ("Friday", d("2019-07-12"), "2019-07-12"),
        ("last Friday", d("2019-07-12"), "2019-07-05"),
    ],
)
def test_a_weekday_is_the_latest_such_day_on_or_before_publication(
    expression: str, published: dt.date, expected: str
) -> None:
    assert period(expression, published) == (expected, expected, "day")


@pytest.mark.parametrize(
    ("expression", "published", "expected"),
    [
        ("next Friday", P, "2019-07-19"),
        ("next Friday", d("2019-07-12"), "2019-07-19"),
        ("this Friday", d("2019-07-10"), "2019-07-12"),
        ("next Sunday", P, "2019-07-21"),
    ],
)
def test_next_weekday_is_the_first_such_day_after_publication(
    expression: str, published: dt.date, expected: str
) -> None:
    assert period(expression, published) == (expected, expected, "day")


@pytest.mark.parametrize(
    ("expression", "expected"),
    [
        ("this week", ("2019-07-08", "2019-07-14")),
        ("last week", ("2019-07-01", "2019-07-07")),
        ("next week", ("2019-07-15", "2019-07-21")),
        ("earlier this week", ("2019-07-08", "2019-07-14")),
        ("this weekend", ("2019-07-13", "2019-07-14")),
        ("a week ago", ("2019-07-01", "2019-07-07")),
        ("two weeks ago", ("2019-06-24", "2019-06-30")),
    ],
)
def test_weeks_run_monday_to_sunday_as_part_of_month(
    expression: str, expected: tuple[str, str]
) -> None:
    assert period(expression) == (*expected, "partOfMonth")


# --- relative months, years, seasons ----------------------------------------------------------


@pytest.mark.parametrize(
    ("expression", "published", "expected"),
    [
        ("this month", P, ("2019-07-01", "2019-07-31", "month")),
        ("last month", P, ("2019-06-01", "2019-06-30", "month")),
        ("next month", P, ("2019-08-01", "2019-08-31", "month")),
        ("last month", d("2019-01-10"), ("2018-12-01", "2018-12-31", "month")),
        ("next month", d("2019-12-20"), ("2020-01-01", "2020-01-31", "month")),
        ("earlier this month", P, ("2019-07-01", "2019-07-14", "partOfMonth")),
        ("later this month", P, ("2019-07-14", "2019-07-31", "partOfMonth")),
        ("three months ago", P, ("2019-04-01", "2019-04-30", "month")),
        ("eight months ago", P, ("2018-11-01", "2018-11-30", "month")),
    ],
)
def test_relative_months(
    expression: str, published: dt.date, expected: tuple[str, str, str]
) -> None:
    assert period(expression, published) == expected


@pytest.mark.parametrize(
    ("expression", "expected"),
    [
        ("this year", ("2019-01-01", "2019-12-31")),
        ("last year", ("2018-01-01", "2018-12-31")),
        ("next year", ("2020-01-01", "2020-12-31")),
        ("earlier this year", ("2019-01-01", "2019-07-14")),
        ("later this year", ("2019-07-14", "2019-12-31")),
        ("two years ago", ("2017-01-01", "2017-12-31")),
        ("a year ago", ("2018-01-01", "2018-12-31")),
    ],
)
def test_relative_years_are_year_precision(expression: str, expected: tuple[str, str]) -> None:
    assert period(expression) == (*expected, "year")


@pytest.mark.parametrize(
    ("expression", "published", "expected"),
    [
        ("in the spring", P, ("2019-03-01", "2019-05-31")),
        ("this summer", P, ("2019-06-01", "2019-08-31")),
        ("over the summer", P, ("2019-06-01", "2019-08-31")),
        ("next autumn", P, ("2019-09-01", "2019-11-30")),
        ("in the fall", P, ("2019-09-01", "2019-11-30")),
        ("last winter", P, ("2018-12-01", "2019-02-28")),
        ("next winter", P, ("2019-12-01", "2020-02-29")),
        ("this winter", P, ("2018-12-01", "2019-02-28")),
        ("this winter", d("2020-01-15"), ("2019-12-01", "2020-02-29")),
        ("winter 2019", None, ("2019-12-01", "2020-02-29")),
        ("spring 2020", None, ("2020-03-01", "2020-05-31")),
        ("in the summer of 2018", None, ("2018-06-01", "2018-08-31")),
        ("in the spring of next year", P, ("2020-03-01", "2020-05-31")),
        ("the winter of 2019-20", None, ("2019-12-01", "2020-02-29")),
        ("winter 2018/2019", None, ("2018-12-01", "2019-02-28")),
    ],
)
def test_seasons_are_northern_hemisphere_and_this_means_the_closest(
    expression: str, published: dt.date | None, expected: tuple[str, str]
) -> None:
    assert period(expression, published) == (*expected, "season")


@pytest.mark.parametrize(
    ("expression", "expected"),
    [
        ("twenty years ago", 1999),
        ("twenty-five years ago", 1994),
        ("twenty five years ago", 1994),
        ("eleven years ago", 2008),
        ("5 years ago", 2014),
    ],
)
def test_numbers_may_be_written_in_words(expression: str, expected: int) -> None:
    value = resolve(expression, P)
    assert value is not None
    assert (value.start.year, value.precision) == (expected, "year")


def test_deadlines_are_resolved_and_keep_their_preposition() -> None:
    assert period("by March 2020") == ("2020-03-01", "2020-03-31", "month")
    assert period("by 2030") == ("2030-01-01", "2030-12-31", "year")
    [mention] = find_dates("The jets are due by 2030.", P)
    assert mention.value.text == "by 2030"


# --- what is not a date ---------------------------------------------------------------------


@pytest.mark.parametrize(
    "expression",
    [
        "in the coming weeks",
        "in the coming months",
        "last decade",
        "the past decade",
        "two decades ago",
        "a few years ago",
        "several months ago",
        "recently",
        "soon",
        "in recent years",
        "twenty years",
        "the first half",
        "the first quarter",
        "the last year",
        "the last week of July",
        "spring",
        "the Arab Spring",
        "the fall of Kabul",
        "summer 2019-20",
        "winter 2019-2021",
        "February 30",
        "32 July",
        "2019-13-01",
        "",
    ],
)
def test_vague_or_impossible_expressions_resolve_to_none(expression: str) -> None:
    assert resolve(expression, P) is None


@pytest.mark.parametrize(
    "expression", ["may", "May", "Theresa May", "the march on Ankara", "march", "early march"]
)
def test_may_and_march_alone_are_not_months(expression: str) -> None:
    assert resolve(expression, P) is None


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Turkey may buy more missiles.", []),
        ("Theresa May met Erdogan in Ankara.", []),
        ("May's government fell in March.", ["in March"]),
        ("Protesters joined the march on Ankara.", []),
        ("The deal was signed in May.", ["in May"]),
        ("Talks resume May 5.", ["May 5"]),
        ("Deliveries start in May 2020.", ["in May 2020"]),
        ("The vote is expected by mid-May.", ["by mid-May"]),
        ("The bill stalled last March.", ["last March"]),
    ],
)
def test_may_and_march_are_months_only_with_a_date_context(
    sentence: str, expected: list[str]
) -> None:
    assert [m.value.text for m in find_dates(sentence, P)] == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Ankara paid $2019 million for the system.", []),
        ("Russia sent 2019 troops to the base.", []),
        ("The budget was cut by 2000 troops.", []),
        ("A total of 2019 votes were cast.", []),
        ("The fleet will be replaced by 2030.", ["by 2030"]),
        ("Sanctions have applied since 2014, when Crimea was annexed.", ["since 2014"]),
        ("The summit of 2019 was short.", ["2019"]),
        ("2019's summit was short.", ["2019"]),
        ("It happened in the year 2019.", ["in the year 2019"]),
        ("The contract runs until 2025.", ["until 2025"]),
        ("In 2019 Turkey took delivery.", ["In 2019"]),
        ("The fiscal year 2020 budget grew.", []),
    ],
)
def test_a_four_digit_number_is_a_year_only_in_a_date_context(
    sentence: str, expected: list[str]
) -> None:
    assert [m.value.text for m in find_dates(sentence, P)] == expected


@pytest.mark.parametrize(
    "sentence",
    [
        "USA Today reported the sale.",
        "Russia Today aired the interview.",
        "Shops prepared for Black Friday.",
        "The Sunday Times reported the deal.",
        "Analysts expect prices to fall sharply.",
        "The spring offensive began.",
        "The mid-range missiles were delivered.",
    ],
)
def test_names_and_ordinary_words_are_not_dates(sentence: str) -> None:
    assert find_dates(sentence, P) == []


# --- publication date missing ------------------------------------------------------------------


@pytest.mark.parametrize(
    "expression",
    ["today", "on Friday", "last week", "this month", "next year", "July 12", "in July",
     "mid-July", "in the spring", "two years ago", "by the end of the year", "this summer"],
)  # fmt: skip
def test_relative_expressions_need_a_publication_date(expression: str) -> None:
    assert resolve(expression, P) is not None
    assert resolve(expression, None) is None


@pytest.mark.parametrize(
    "expression",
    ["July 12, 2019", "2019-07-12", "July 2019", "in 2019", "mid-July 2019", "spring 2020",
     "first half of 2020", "Q3 2021", "between 2024 and 2030", "December 3-4, 2019"],
)  # fmt: skip
def test_expressions_with_their_own_year_need_no_publication_date(expression: str) -> None:
    assert resolve(expression, None) == resolve(expression, P)


# --- case ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("expression", "same_as"),
    [
        ("MID-JULY", "mid-July"),
        ("in july", "in July"),
        ("Next Week", "next week"),
        ("LAST FRIDAY", "last Friday"),
        ("Earlier This Year", "earlier this year"),
    ],
)
def test_case_does_not_matter_except_for_word_like_months(expression: str, same_as: str) -> None:
    value, expected = resolve(expression, P), resolve(same_as, P)
    assert value is not None and expected is not None
    assert (value.start, value.end, value.precision) == (
        expected.start,
        expected.end,
        expected.precision,
    )
    assert value.text == expression


# --- find_dates ------------------------------------------------------------------------------

ARTICLE = (
    "On Friday, Turkish officials said the first S-400 batteries had arrived on July 12, 2019, "
    "and that more would follow in the first half of next year. Deliveries began in mid-July "
    "this year, three months after talks in April, and the contract runs from 2019 to 2025. "
    "Washington warned last week that sanctions could follow by the end of the year."
)


def test_find_dates_gives_offsets_of_each_expression_in_order() -> None:
    mentions = find_dates(ARTICLE, P)
    assert [ARTICLE[m.start : m.end] for m in mentions] == [
        "On Friday",
        "on July 12, 2019",
        "in the first half of next year",
        "in mid-July this year",
        "in April",
        "from 2019 to 2025",
        "last week",
        "by the end of the year",
    ]
    assert all(ARTICLE[m.start : m.end] == m.value.text for m in mentions)


def test_find_dates_keeps_the_longest_of_overlapping_expressions() -> None:
    mentions = find_dates(ARTICLE, P)
    texts = [m.value.text for m in mentions]
    assert "this year" not in texts and "next year" not in texts and "July 12" not in texts
    assert all(a.end <= b.start for a, b in itertools.pairwise(mentions))


def test_find_dates_resolves_each_mention_against_publication() -> None:
    precisions = [(m.value.start.isoformat(), m.value.precision) for m in find_dates(ARTICLE, P)]
    assert precisions == [
        ("2019-07-12", "day"),
        ("2019-07-12", "day"),
        ("2020-01-01", "halfYear"),
        ("2019-07-11", "partOfMonth"),
        ("2019-04-01", "month"),
        ("2019-01-01", "multiYear"),
        ("2019-07-01", "partOfMonth"),
        ("2019-12-01", "month"),
    ]


def test_find_dates_without_publication_date_keeps_only_dates_with_a_year() -> None:
    assert [m.value.text for m in find_dates(ARTICLE, None)] == [
        "on July 12, 2019",
        "from 2019 to 2025",
    ]


def test_offsets_survive_characters_that_grow_when_lower_cased() -> None:
    text = "İstanbul hosted talks on July 12, 2019."
    [mention] = find_dates(text, None)
    assert text[mention.start : mention.end] == "on July 12, 2019"


def test_a_no_break_space_separates_words() -> None:
    assert period("July\xa012,\xa02019") == ("2019-07-12", "2019-07-12", "day")


def _every_expression() -> list[str]:
    """Every expression and sentence this file tests, for checks over all of them."""
    found: list[str] = [ARTICLE]
    for name, test in globals().items():
        marks = getattr(test, "pytestmark", []) if name.startswith("test_") else []
        for mark in marks:
            if mark.name == "parametrize":
                for case in mark.args[1]:
                    first = case[0] if isinstance(case, tuple) else case
                    found.append(first)
    return found


def test_anchors_find_everything_a_scan_of_every_position_finds() -> None:
    """find_dates tries each rule only at its anchor words; that must lose nothing."""
    expressions = _every_expression()
    assert len(expressions) > 200
    text = ". ".join(expressions)
    for published in (P, None):
        fast = kg.dates._select(text, kg.dates._candidates(text), published)
        slow = kg.dates._select(text, kg.dates._candidates(text, exhaustive=True), published)
        assert fast == slow


# --- infer_year ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The deal, signed in 2017, saw a first delivery on July 12, 2019.", 2019),
        ("Deliveries came in July 2018 and in December 2017.", 2018),
        ("The coup attempt of July 2016 preceded the deal agreed in 2017.", 2017),
        ("Turkey has bought Russian arms since 2014 and plans more by 2030.", 2014),
        ("The exercise was held in spring 2018.", 2018),
        ("Nothing here but 2019 troops and $2020 million.", None),
        ("The treaty dates from 1985.", None),
        ("", None),
    ],
)
def test_infer_year_takes_the_latest_written_year_leaving_deadlines_out(
    text: str, expected: int | None
) -> None:
    assert infer_year(text) == expected


# --- RDF ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("expression", "datatype", "lexical"),
    [
        ("July 12, 2019", XSD.date, "2019-07-12"),
        ("mid-July this year", XSD.date, "2019-07-11"),
        ("in July", XSD.gYearMonth, "2019-07"),
        ("winter 2019", XSD.gYearMonth, "2019-12"),
        ("Q3 2021", XSD.gYearMonth, "2021-07"),
        ("the second half of this year", XSD.gYearMonth, "2019-07"),
        ("in 2019", XSD.gYear, "2019"),
        ("between 2024 and 2030", XSD.gYear, "2024"),
    ],
)
def test_literal_is_no_finer_than_the_precision(
    expression: str, datatype: object, lexical: str
) -> None:
    value = resolve(expression, P)
    assert value is not None
    literal = value.literal()
    assert (literal.datatype, str(literal)) == (datatype, lexical)


@pytest.mark.parametrize("precision", PRECISIONS)
def test_precision_iri_is_the_ontology_individual(precision: str) -> None:
    value = DateValue(P, P, precision, "x")
    assert value.precision_iri == getattr(DD, precision)


def test_precision_iri_names_part_of_month_and_half_year() -> None:
    assert DateValue(P, P, "partOfMonth", "x").precision_iri == DD.partOfMonth
    assert DateValue(P, P, "halfYear", "x").precision_iri == DD.halfYear


def test_a_date_value_rejects_unknown_precisions_and_reversed_periods() -> None:
    with pytest.raises(ValueError, match="precision"):
        DateValue(P, P, "week", "x")
    with pytest.raises(ValueError, match="ends before"):
        DateValue(P, P - dt.timedelta(days=1), "day", "x")


def test_docstring_examples_run() -> None:
    assert doctest.testmod(kg.dates).failed == 0


@pytest.mark.parametrize(
    ("text", "start", "end"),
    [
        ("in the early 2030s", dt.date(2030, 1, 1), dt.date(2033, 12, 31)),
        ("in the 1990s", dt.date(1990, 1, 1), dt.date(1999, 12, 31)),
        ("by the mid-2020s", dt.date(2023, 1, 1), dt.date(2026, 12, 31)),
        ("in the late 1980s", dt.date(1986, 1, 1), dt.date(1989, 12, 31)),
    ],
)
def test_decades_and_their_parts_are_multi_year(text: str, start: dt.date, end: dt.date) -> None:
    (found,) = find_dates(f"The fleet arrives {text}.", P)
    assert (found.value.start, found.value.end, found.value.precision) == (start, end, "multiYear")


def test_a_decade_used_as_an_adjective_is_not_a_date() -> None:
    assert find_dates("It uses 2030s technology.", P) == []


@pytest.mark.parametrize(
    ("text", "written"),
    [
        ("deployments could begin as soon as 2027.", "as soon as 2027"),
        ("the jets arrive as early as March 2026.", "as early as March 2026"),
        ("a decision no later than 2030.", "no later than 2030"),
    ],
)
def test_earliest_and_latest_bounds_are_dates(text: str, written: str) -> None:
    assert [m.value.text for m in find_dates(text, dt.date(2023, 3, 14))] == [written]


@pytest.mark.parametrize("text", ["as soon as possible", "as many as 2027 troops"])
def test_bounds_on_other_things_are_not_dates(text: str) -> None:
    assert find_dates(text, dt.date(2023, 3, 14)) == []
