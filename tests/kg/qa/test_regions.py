"""The region a question asks its states in, and the gazetteer's regions of each state."""

from __future__ import annotations

import pytest
from rdflib import URIRef

from kg.gazetteer import default_gazetteer
from kg.qa.regions import ADJECTIVES, region_asked
from kg.vocab import DD


@pytest.mark.parametrize(
    ("question", "region"),
    [
        ("Which European country was among the observers?", "Europe"),
        ("Which Eastern European countries bought the K9?", "Eastern Europe"),
        ("Tell me which Nordic neighbours applied to join NATO.", "Nordic"),
        ("Name the Baltic states that host the battalions.", "Baltic"),
        ("Which other African countries have shown interest?", "Africa"),
        ("Which two European governments cut off arms sales?", "Europe"),
        # A region that describes a party the question names is not the answer's.
        ("Why did Italy halt its missile sales to the two Gulf states?", None),
        ("Which country halted arms sales to the Gulf states?", None),
    ],
)
def test_the_region_asked_is_the_one_in_the_wh_phrase(question: str, region: str | None) -> None:
    assert region_asked(question) == region


def test_every_state_has_regions_and_every_region_asked_has_states() -> None:
    states = [e for e in default_gazetteer().entries.values() if e.type == DD.State]
    assert all(e.regions for e in states)
    held = {r for e in states for r in e.regions}
    assert set(ADJECTIVES.values()) <= held


@pytest.mark.parametrize(
    ("state", "inside", "outside"),
    [
        ("poland", {"Europe", "Eastern Europe"}, {"Asia", "Baltic"}),
        ("estonia", {"Europe", "Baltic"}, {"Nordic"}),
        ("saudi-arabia", {"Gulf", "Arab", "Middle East"}, {"Europe"}),
        ("kazakhstan", {"Central Asia"}, {"Europe"}),
    ],
)
def test_a_states_regions(state: str, inside: set[str], outside: set[str]) -> None:
    entry = default_gazetteer().entries[URIRef(f"https://w3id.org/attache/resource/{state}")]
    assert inside <= set(entry.regions)
    assert not outside & set(entry.regions)
