"""Mending a question's slips before it is read: designators written without their
hyphen ("s400" is the S-400) and words misspelt by one letter ("suplies").

A question is typed in a hurry; a slip in a name or a relation word would leave it not
understood. What is mended is said in the reading, so nothing is silently guessed.
Misspelled names ("Turky") are matched by the entity finder itself.
"""

from __future__ import annotations

import re

from rapidfuzz.distance import OSA

from kg.qa.english import english_words
from kg.qa.entities import EntityFinder
from kg.qa.lexicon import Lexicon, tokenize

# Designators written without their hyphen or with a detached suffix: s400, F35, F35-A.
_DESIGNATOR = re.compile(r"\b([A-Za-z]{1,3})[ ]?(\d{1,4})(?:-?([A-Za-z]{1,2}))?\b")


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
