"""The English word list (Debian's ``wamerican``): which words of a question are ordinary
English, so that neither a slip in them is mended nor a name guessed from them."""

from __future__ import annotations

import functools
from array import array
from collections.abc import Iterable
from pathlib import Path

WORDS_FILE = Path("/usr/share/dict/words")  # Debian: wamerican (.ci/apt-packages.txt)


class WordList:
    """A set of words that answers ``word in words``, kept as one sorted string.

    Every serving process holds the English word list: as a ``frozenset`` of 100,000
    strings it took 10 MB of each (issue #13); as one string and the offsets of its words
    it takes about 1.5 MB, and a binary search over it (17 comparisons) costs microseconds,
    for the few words of a question that are looked up.
    """

    __slots__ = ("_starts", "_text")

    def __init__(self, words: Iterable[str]) -> None:
        ordered = sorted(set(words))
        self._text = "".join(word + "\n" for word in ordered)
        self._starts = array("I", [0])  # where each word starts, and where the text ends
        for word in ordered:
            self._starts.append(self._starts[-1] + len(word) + 1)

    def _word(self, n: int) -> str:
        return self._text[self._starts[n] : self._starts[n + 1] - 1]

    def __contains__(self, word: object) -> bool:
        if not isinstance(word, str):
            return False
        low, high = 0, len(self)
        while low < high:
            middle = (low + high) // 2
            if self._word(middle) < word:
                low = middle + 1
            else:
                high = middle
        return low < len(self) and self._word(low) == word

    def __len__(self) -> int:
        return len(self._starts) - 1


@functools.cache
def english_words() -> WordList:
    """Debian's English word list (package ``wamerican``), lowercased; empty without it
    (then no ordinary word is mended)."""
    try:
        text = WORDS_FILE.read_text(encoding="utf-8", errors="replace")
    except OSError:
        return WordList(())
    return WordList(line.strip().lower() for line in text.splitlines() if line.strip())
