"""People and bodies a nationality word can stand before ("Russian individuals",
"Chinese companies"): the state stands for them. One list for extraction and question
reading, in a module that loads no language model."""

from __future__ import annotations

NATIONALS_NOUNS = frozenset(
    (
        "national citizen individual official entity company firm business bank person "
        "people diplomat officer oligarch lawmaker agent executive "
        # A state's own bodies, written as descriptions: "the Chilean navy".
        "navy army military government ministry"
    ).split()
)
