"""What answering one question carries from step to step: the question, its answers.

:class:`Asking` is built once per question by :meth:`kg.qa.answer.Answerer.ask` and
handed to every step (grouping rows, the checks of :mod:`kg.qa.fit`, the presentation of
:mod:`kg.qa.present`): the steps read the same interpretation, lexicon and lookups, and
passing them one by one made helpers of seven arguments. :class:`Attempt` is one reading
tried for it (a template may be tried with other slots, or loosened). :class:`Answer` is
one de-duplicated answer as the steps build it up.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from kg.qa.asked import Asked
from kg.qa.entities import Found
from kg.qa.interpretation import Interpretation
from kg.qa.lexicon import Lexicon
from kg.qa.lookups import Lookups
from kg.qa.templates import Template
from kg.store.base import Term
from kg.text import norm

MAX_EVIDENCE = 5
# The keys of answers the answerer makes of the rows itself (a count, a yes, an entity's
# facts) rather than a template's render.
MADE_KEYS = frozenset({"count", "yes", "fact"})


@dataclass
class Asking:
    """One question being answered.

    ``question`` is the question as read (slips mended); ``want`` what its wording asks
    for (:func:`kg.qa.asked.asked`); ``rest`` its content words that the template does
    not read (:func:`kg.qa.fit.unread_words`), set once a template is chosen.
    ``held_back``: the graph holds facts of the question that were left out for how they
    are told (a bid to join for "Which alliance is X a member of?"); a sentence that
    tells them would answer it as wrongly, so the sentence tier is not read.
    """

    question: str
    it: Interpretation
    lexicon: Lexicon
    lookups: Lookups
    want: Asked | None = None
    rest: list[str] = field(default_factory=list)
    held_back: bool = False


@dataclass(frozen=True)
class Attempt:
    """One reading tried: a template with its slots. ``partial``: events that involve
    only some of the entities named will do (a looser reading, said as such)."""

    template: Template
    slots: dict[str, Found]
    partial: bool = False


@dataclass
class Answer:
    """One de-duplicated answer: its value, the rows that support it, how it ranks."""

    key: str
    value: Term | None
    first: int
    text: str = ""
    iri: str | None = None
    rows: list[dict[str, Term]] = field(default_factory=list)
    rank: tuple[float, ...] = ()
    detail: str = ""
    events: list[Term] = field(default_factory=list)
    evidence: list[dict[str, str | None]] = field(default_factory=list)
    confidence: float | None = None  # the best of its events' extraction confidence
    # Told only as intended where the question asks what happened ("Which countries have
    # bought the JF-17?": not the one that "could soon buy" it), or only as done where it
    # asks what may be: ranked after the others.
    misfits_tense: bool = False
    _written: list[str] = field(default_factory=list, repr=False)
    _unread: list[Term] | None = field(default=None, repr=False)
    # The events already in ``events``: a hot entity's answer gathers thousands of rows,
    # and a list scan per row made grouping them quadratic (100 ms for one question).
    _seen: set[Term] = field(default_factory=set, repr=False)

    @property
    def sentences(self) -> set[Term]:
        return {r["s"] for r in self.rows if "s" in r}

    @property
    def articles(self) -> set[Term]:
        return {r["article"] for r in self.rows if "article" in r}

    def written(self) -> Iterator[str]:
        """The normal form of each distinct sentence cited, padded (" ... ") for word
        matching. Normalizing is the slow part, so it is done as far as a search reads,
        and once (the answer's rows are final by the time it is asked)."""
        if self._unread is None:
            self._unread = list(dict.fromkeys(r["sentence"] for r in self.rows if "sentence" in r))
            self._unread.reverse()
        yield from self._written
        while self._unread:
            text = f" {norm(str(self._unread.pop()))} "
            self._written.append(text)
            yield text

    def add(self, row: dict[str, Term]) -> None:
        self.rows.append(row)
        event = row.get("e")
        if event is not None and event not in self._seen:
            self._seen.add(event)
            self.events.append(event)

    def payload(self) -> dict[str, Any]:
        out: dict[str, Any] = {"text": self.text, "iri": self.iri}
        if self.detail:
            out["detail"] = self.detail
        if self.confidence is not None:
            out["confidence"] = self.confidence
        out["evidence"] = self.evidence[:MAX_EVIDENCE]
        return out
