"""How a sentence says two parties stand (kg.qa.standing): the relation noun as the
sentence writes it, with the words that qualify it and whom it is with."""

from __future__ import annotations

import pytest

from kg.qa.standing import relation_phrases


@pytest.mark.parametrize(
    ("sentence", "phrases"),
    [
        # The noun, with the party it is with.
        ("Mali turned to Moscow after the rift with France.", ["rift with France"]),
        (
            "Tensions between Russia and the West have grown since 2014.",
            ["Tensions between Russia and the West"],
        ),
        # Its qualifiers, not the verb before them.
        ("The drill comes amid heightened regional tensions.", ["heightened regional tensions"]),
        ("The two sides held talks in Nairobi.", ["talks"]),
        ("The UAE established diplomatic ties with Israel.", ["diplomatic ties with Israel"]),
        # A run of nouns is one phrase, headed by its last.
        (
            "Kenya signed a defence cooperation agreement with the United States.",
            ["defence cooperation agreement with the United States"],
        ),
        # A complement ends with the name it leads to, or at the clause's edge.
        ("A row over the S-400 purchase broke out.", ["row over the S-400"]),
        (
            "The five-day war over the Kremlin-backed regions of Abkhazia ended.",
            ["five-day war over the Kremlin-backed regions of Abkhazia"],
        ),
        # A noun's verb is not a relation told.
        ("Ankara will protest the move, and the minister plans to visit Baku.", []),
        ("The frigate sailed to Crete.", []),
    ],
)
def test_a_relation_is_read_as_its_noun_phrase(sentence: str, phrases: list[str]) -> None:
    assert [phrase for _, phrase in relation_phrases(sentence)] == phrases


def test_each_phrase_says_where_it_starts() -> None:
    text = "It moved closer to Russia after the rift with France."
    ((start, phrase),) = relation_phrases(text)
    assert text[start:].startswith(phrase)
