"""What the parser understood of a question (:class:`Interpretation`): the contract
between reading a question (:mod:`kg.qa.parse`) and answering it (:mod:`kg.qa.answer`).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from rdflib import URIRef

from kg.qa.entities import Found
from kg.qa.templates import TEMPLATES, Template


@dataclass
class Interpretation:
    """What the parser understood: the template, its bound entities, and the filters."""

    question: str
    template: Template | None = None
    slots: dict[str, Found] = field(default_factory=dict)
    entities: list[Found] = field(default_factory=list)
    mode: str = "list"  # list, count, yes_no
    expected: Found | None = None
    focus: str = ""
    relation: str = ""
    answer_classes: frozenset[URIRef] = frozenset()
    categories: frozenset[URIRef] = frozenset()
    event_classes: frozenset[URIRef] = frozenset()
    exact_classes: frozenset[URIRef] = frozenset()
    position: tuple[str, ...] = ()
    position_text: str = ""
    alternates: list[Found] = field(default_factory=list)
    role_refs: list[tuple[Found, tuple[str, ...]]] = field(default_factory=list)
    excluded: list[Found] = field(default_factory=list)
    # Demonyms of the titles of people named ("*Romanian* Defence Minister X") and the
    # region the wh-phrase asks its states in ("Which *Gulf* state"): they describe the
    # person or the answer; an answer's facts need not involve them.
    describing: list[Found] = field(default_factory=list)
    title_words: tuple[str, ...] = ()  # stems of those titles ("defenc", "minist")
    notes: list[str] = field(default_factory=list)
    # Other readings of the same question, tried in order when this one has no answer.
    alternatives: list[tuple[Template, dict[str, Found]]] = field(default_factory=list)
    relaxed: str = ""  # set by the answerer when it had to loosen the reading

    @property
    def understood(self) -> bool:
        return self.template is not None


def use(result: Interpretation, template_id: str, slots: dict[str, Found]) -> None:
    """Read ``result`` as the template ``template_id`` with ``slots``."""
    result.template = next(t for t in TEMPLATES if t.id == template_id)
    result.slots = slots
