"""Money as news writes it: one grammar for a deal's value (extraction) and an amount
read from a sentence (the sentence reader), in the currency the text says."""

from __future__ import annotations

import pytest

from kg.events.amounts import parse_money
from kg.money import a_difference, find_money, spent_on_other_things


def written(text: str) -> list[tuple[str, float | None, str]]:
    return [(text[a.start : a.end], a.value, a.currency) for a in find_money(text)]


@pytest.mark.parametrize(
    ("text", "value", "currency"),
    [
        ("Rs 1,056 crore", 1.056e10, "INR"),
        ("₹48,000 crore", 4.8e11, "INR"),
        ("INR 250 lakh", 2.5e7, "INR"),
        ("a 14-billion-Canadian-dollar", 1.4e10, "CAD"),
        ("2.35 billion New Zealand dollars", 2.35e9, "NZD"),
        ("A$1.2 billion", 1.2e9, "AUD"),
        ("KSh 455 million", 4.55e8, "KES"),
        ("$10-billion", 1e10, "USD"),
        ("one billion euros", 1e9, "EUR"),
        ("RM1.17 billion", 1.17e9, "MYR"),
        # as Kenyan and Philippine papers write their currencies
        ("Sh25 billion", 2.5e10, "KES"),
        ("P16 billion", 1.6e10, "PHP"),
        ("₱5 billion", 5e9, "PHP"),
        # ISO 4217's names, in the plurals news writes and told by their people.
        ("3.98 billion Czech crowns", 3.98e9, "CZK"),
        ("2 billion Swedish crowns", 2e9, "SEK"),
        ("500 million Hungarian forints", 5e8, "HUF"),
        ("10 billion Qatari riyals", 1e10, "QAR"),
        ("1.2 trillion South Korean won", 1.2e12, "KRW"),
        ("20 million Brazilian reais", 2e7, "BRL"),
        ("1.5 billion Turkish lira", 1.5e9, "TRY"),
    ],
)
def test_an_amount_is_read_as_written_in_its_own_currency(
    text: str, value: float, currency: str
) -> None:
    shown = text.removeprefix("a ")
    assert parse_money(f"the deal, worth {text}, was signed") == (value, currency, shown)
    assert written(f"worth {text} in all") == [(shown, value, currency)]


def test_a_unit_many_states_use_has_no_currency_unless_its_people_is_named() -> None:
    assert written("worth 4 billion dinars") == [("4 billion dinars", 4e9, "")]
    assert written("worth 4 billion Iraqi dinars") == [("4 billion Iraqi dinars", 4e9, "IQD")]


def test_every_amount_of_a_sentence_is_read_and_words_that_are_no_money_are_not() -> None:
    assert written("a 2.3 billion euro (US$2.5B) contract") == [
        ("2.3 billion euro", 2.3e9, "EUR"),
        ("US$2.5B", 2.5e9, "USD"),
    ]
    assert written("passed the 100 mark with 200 NATO troops") == []
    assert written("Argentina will buy 156 Iveco Guarani vehicles") == []


def test_a_letter_before_a_number_is_money_only_as_a_currency_writes_it() -> None:
    assert written("the P-8 Poseidon and three P8 jets at 3 p.m., Shoigu said") == []


def test_a_small_amount_without_a_scale_is_no_deals_value() -> None:
    assert parse_money("a $5 fee") is None
    assert parse_money("a $1.2bn deal") == (1.2e9, "USD", "$1.2bn")


@pytest.mark.parametrize(
    ("text", "other"),
    [
        ("still undergoing a two-billion-euro development programme", True),
        ("its $50 billion defence budget", True),
        ("a $1.2 billion contract to supply missiles", False),
        ("a deal worth $8.1 billion, with deliveries from 2025", False),
    ],
)
def test_the_size_of_a_programme_or_budget_is_no_deals_value(text: str, other: bool) -> None:
    (amount,) = find_money(text)
    assert spent_on_other_things(text, amount) is other


def test_a_difference_between_prices_is_no_price() -> None:
    """ "2 billion Swiss francs cheaper than the next lowest bidder" is by how much one
    offer undercut another: neither offer's value."""
    text = "The F-35A was 2 billion Swiss francs cheaper than the next lowest bidder."
    assert parse_money(text) is None
    assert parse_money("The F-35A deal is worth 6 billion Swiss francs.") is not None
    (more,) = find_money("It cost $300 million more than planned.")
    assert a_difference("It cost $300 million more than planned.", more)
