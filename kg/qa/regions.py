"""The region a question asks its state in: "Which *European* countries halted ...",
"Which *Central Asian* country bought ...".

The regions of each state are the gazetteer's (``ontology/gazetteer/countries.tsv``); this
module reads the adjective news writes for each out of the question's wh-phrase. A region
named elsewhere in the question ("halted sales to the two Gulf states") is not the
answer's.
"""

from __future__ import annotations

import re

from kg.gazetteer import REGION_ADJECTIVES as ADJECTIVES

_HEADS = r"(?:countr(?:y|ies)|nations?|states?|governments?|neighbou?rs?|ally|allies|powers?)"
_BETWEEN = r"(?:(?:other|two|three|four|several|neighbou?ring|fellow)\s+)*"
_ASKED = re.compile(
    rf"(?:\b(?:which|what)\s+|^\s*(?:name|list)\s+(?:the\s+)?){_BETWEEN}"
    rf"(?P<region>{'|'.join(sorted((re.escape(a) for a in ADJECTIVES), key=len, reverse=True))})"
    rf"\s+{_BETWEEN}{_HEADS}\b",
    re.I,
)


def region_asked(question: str) -> str | None:
    """The region the question's wh-phrase asks its states in, if it names one."""
    found = _ASKED.search(" ".join(question.split()))
    return ADJECTIVES[found.group("region").lower()] if found else None
