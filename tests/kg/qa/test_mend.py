"""The English word list that mending consults (kg.qa.english.WordList): the same answers as
a set of the same words, held as one sorted string."""

from __future__ import annotations

from kg.qa.english import WordList

WORDS = ["border", "order", "supply", "éclair", "zebra", "a", "aardvark", "order"]


def test_a_word_list_holds_exactly_its_words() -> None:
    words = WordList(WORDS)
    assert len(words) == len(set(WORDS))
    for word in WORDS:
        assert word in words
    for other in ("", "b", "orde", "orders", "border ", "zebras", "aa", "éclairs", "zzz"):
        assert other not in words, other
    assert "border\norder" not in words
    assert 5 not in words  # not a string: never held


def test_an_empty_word_list_holds_nothing_and_is_false() -> None:
    words = WordList([])
    assert not words
    assert len(words) == 0
    assert "border" not in words
