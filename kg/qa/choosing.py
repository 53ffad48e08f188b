"""Choosing the template that answers a question, once its relation and roles are read:
the one whose parameters the roles fill best, the yes/no check, or a question about
events in general ("when", "where", "how much", "what happened between").
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from rdflib import URIRef

from kg.qa.entities import Found
from kg.qa.interpretation import Interpretation
from kg.qa.templates import TEMPLATES, Template


def choose_yes_no(result: Interpretation, relation: str, roles: dict[str, Found]) -> None:
    """The yes/no check of ``relation`` whose answer role and parameters ``roles`` fill
    (the most parameters filled wins); the answer expected is the entity in that role."""
    result.mode = "yes_no"
    best: tuple[Template, str] | None = None
    for template in TEMPLATES:
        if template.relation != relation or not template.yes_no:
            continue
        if template.answer not in roles:
            continue
        others = {r: e for r, e in roles.items() if r != template.answer}
        if not all(p.role in others and others[p.role].kind in p.kinds for p in template.params):
            continue
        if best is None or len(template.params) > len(best[0].params):
            best = (template, template.answer)
    if best is None:
        result.notes.append("no yes/no check for this relation and these entities")
        return
    template, answer = best
    result.template = template
    result.slots = {p.name: roles[p.role] for p in template.params}
    result.expected = roles[answer]


def involving(result: Interpretation, focus: str, entities: list[Found]) -> None:
    """A question about events in general ("when", "where", "how much", "what happened
    between"): the entities bound to ``x1``..``x3`` in order, places last."""
    template_id = {
        "date": "when_involving",
        "deadline": "deadline_involving",
        "location": "where_involving",
        "value": "value_involving",
        "quantity": "quantity_involving",
        "terms": "deal_terms_involving",
        "event": "relations_between",
        "article": "sources_mentioning",
        "count": "sources_mentioning",
    }[focus]
    if focus == "count":
        result.mode = "count"
    if focus == "location":
        # "In which Indian port city was the vessel handed over?": the people's adjective
        # says where the place lies, not who took part.
        entities = [e for e in entities if not _describes_the_place(result.question, e)]
    ordered = _rank_entities(entities)
    if not ordered:
        result.notes.append("no entity named to ask about")
        return
    template = next(t for t in TEMPLATES if t.id == template_id)
    if template.each:
        # The answerer binds pairs of these to ?x and ?y: "x1", "x2", "x3" in order.
        result.slots = {f"x{k}": e for k, e in enumerate(ordered[:3], 1)}
    else:
        result.slots = {template.params[0].name: ordered[0]}
    result.template = template


def _describes_the_place(question: str, entity: Found) -> bool:
    """Whether ``entity`` is a demonym written inside the phrase that asks for a place
    ("which Indian port city", "what South Korean city"): it says where the place lies,
    not who took part."""
    return entity.adjective and bool(
        re.search(rf"\b(?:which|what)\s+{re.escape(entity.text)}\b", question, re.I)
    )


def _rank_entities(entities: Iterable[Found]) -> list[Found]:
    """Distinct entities, places last (they are where, not who)."""
    seen: set[URIRef] = set()
    out: list[Found] = []
    for e in entities:
        if e.iri in seen:
            continue
        seen.add(e.iri)
        out.append(e)
    out.sort(key=lambda e: e.kind == "PLACE")
    return out


def choose(relation: str, answer: str, roles: dict[str, Found]) -> Template | None:
    """The template for ``relation`` asking ``answer`` whose parameters ``roles`` fill best."""
    best: Template | None = None
    for template in TEMPLATES:
        if template.relation != relation or template.answer != answer:
            continue
        if not all(p.role in roles and roles[p.role].kind in p.kinds for p in template.params):
            continue
        if best is None or len(template.params) > len(best.params):
            best = template
    return best
