"""Mending a question's slips before it is read: designators written without their
hyphen ("s400" is the S-400) and words misspelt by one letter ("suplies").

A question is typed in a hurry; a slip in a name or a relation word would leave it not
understood. What is mended is said in the reading, so nothing is silently guessed.
Misspelled names ("Turky") are matched by the entity finder itself.
"""

from __future__ import annotations

import functools
import re
from array import array
from collections.abc import Iterable
from pathlib import Path

from rapidfuzz.distance import OSA

from kg.qa.entities import EntityFinder
from kg.qa.lexicon import Lexicon, tokenize

# Designators written without their hyphen or with a detached suffix: s400, F35, F35-A.
_DESIGNATOR = re.compile(r"\b([A-Za-z]{1,3})[ ]?(\d{1,4})(?:-?([A-Za-z]{1,2}))?\b")
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


def forgive(
    question: str, lexicon: Lexicon, finder: EntityFinder
) -> tuple[str, list[tuple[str, str]]]:
    """The question with slips mended, and what was mended: designators written
    without their hyphen ("s400", "F35-A" -> "S-400", "F-35A") when that is a known
    name; a word that no English dictionary holds and that is one letter from a word
    of the ontology's vocabulary ("suplies" -> "supply"; "border" is a word and
    stays)."""
    fixes: list[tuple[str, str]] = []

    def designator(match: re.Match[str]) -> str:
        letters, digits, suffix = match.group(1), match.group(2), match.group(3) or ""
        for candidate in (f"{letters}-{digits}{suffix}", f"{letters}-{digits}"):
            candidate = candidate.upper()
            if candidate.lower() != match.group(0).lower() and finder.known(candidate):
                tail = "" if candidate.endswith(suffix.upper()) else suffix
                fixes.append((match.group(0), candidate + tail))
                return candidate + tail
        return match.group(0)

    text = _DESIGNATOR.sub(designator, question)
    known = english_words()
    if known:
        # A word no English dictionary has, one letter from a word of the ontology's
        # vocabulary ("suplies"), is that word; real words ("border") stay.
        words: list[str] | None = None
        for token in reversed(tokenize(text)):
            raw = token.text
            if (
                len(raw) < 5
                or not raw.isalpha()
                or not raw.islower()
                or raw in known
                or token.stem in lexicon.words
            ):
                continue
            if words is None:
                words = [w for w in lexicon.words if len(w) >= 5]
            near = {w for w in words if OSA.distance(token.stem, w) == 1}
            if len(near) == 1:
                (word,) = near
                fixes.append((raw, word))
                text = text[: token.start] + word + text[token.end :]
    return text, fixes
