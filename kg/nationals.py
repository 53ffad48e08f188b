"""People and bodies a nationality word can stand before ("Russian individuals",
"Chinese companies"): the state stands for them. One list for extraction and question
reading, in a module that loads no language model."""

from __future__ import annotations

# A state's own bodies, written as descriptions: "the Chilean navy".
STATE_BODY_NOUNS = frozenset("navy army military government ministry".split())

NATIONALS_NOUNS = (
    frozenset(
        "national citizen individual official entity company firm business bank person "
        "people diplomat officer oligarch lawmaker agent executive".split()
    )
    | STATE_BODY_NOUNS
)
