"""Grouping a template's rows into answers: one answer per distinct value, with the rows
that support it, filtered by what the question names and ranked by support.

A template's rows are facts (one per event, sentence and article); an answer is a value
those facts agree on: an entity, a date as written, an amount. Dates, values and
quotations are attributes of the events, read for all of them at once
(:mod:`kg.qa.lookups`) before the rows are grouped.
"""

from __future__ import annotations

from collections.abc import Mapping

from rdflib import Literal, URIRef

from kg.qa.asking import Answer, Asking, Attempt
from kg.qa.interpretation import Interpretation
from kg.qa.lookups import Lookups
from kg.qa.present import format_date, format_quantity, format_value
from kg.store.base import Term
from kg.text import norm
from kg.vocab import DD

MAX_DESCRIBED = 60  # events read for attributes (dates, values) per question
# Renders whose answers are attributes of an event; those read with lookups are prefetched.
_OF_EVENTS = frozenset({"date", "deadline", "value", "quantity", "terms", "quote"})
_DESCRIBED = _OF_EVENTS - {"deadline"}


def group(asking: Asking, attempt: Attempt, rows: list) -> list[Answer]:
    """The rows of ``attempt`` as answers, one per distinct value, in order of first row."""
    kind = attempt.template.render
    lookups = asking.lookups
    each = attempt.template.each
    answers: dict[str, Answer] = {}
    covered = coverage(asking.it, attempt, rows) if each else {}
    described: set[Term] = set()

    def add(key: str, value: Term | None, row: dict[str, Term]) -> Answer:
        answer = answers.get(key)
        if answer is None:
            answer = answers[key] = Answer(key, value, len(answers))
        answer.add(row)
        return answer

    needs_event = kind in _OF_EVENTS
    if kind in _DESCRIBED:
        # The events whose attributes the keys read, in one query: the first
        # MAX_DESCRIBED distinct ones, as the loop below takes them.
        wanted: dict[Term, None] = {}
        for row in rows:
            event = row.get("e")
            if event is None or (each and event not in covered):
                continue
            if len(wanted) >= MAX_DESCRIBED:
                break
            wanted[event] = None
        lookups.prefetch("describe", wanted)
    for row in rows:
        event = row.get("e")
        if each:
            if event not in covered:
                continue
            rank = covered[event]
        else:
            rank = ()
        if needs_event:
            if event is None or (len(described) >= MAX_DESCRIBED and event not in described):
                continue
            described.add(event)
        for key, value in _keys(kind, row, lookups):
            answer = add(key, value, row)
            if rank and (not answer.rank or rank > answer.rank):
                answer.rank = rank
    return list(answers.values())


def _keys(kind: str, row: Mapping[str, Term], lookups: Lookups) -> list[tuple[str, Term | None]]:
    """What one row answers: (de-duplication key, value) pairs."""
    event = row.get("e")
    if kind in {"entity", "article"}:
        value = row.get("answer")
        return [] if value is None else [(str(value), value)]
    if kind == "position":
        return [(norm(str(row["answer"])), row["answer"])] if "answer" in row else []
    if kind in {"event", "profile"}:
        cls = row.get("cls")
        if not isinstance(cls, URIRef) or event is None:
            return []
        return [(str(cls) if kind == "event" else str(event), cls)]
    assert event is not None
    if kind == "quote":
        quotes: list[Term] = lookups.describe(event).get(DD.quote) or []
        if not quotes and "sentence" in row:
            quotes = [row["sentence"]]
        texts = [str(q).strip() for q in quotes if str(q).strip()]
        return [(norm(t), Literal(t)) for t in texts]
    if kind == "date":
        text = format_date(
            row["date"],
            lookups.first(event, DD.datePrecision),
            lookups.first(event, DD.dateEnd),
            lookups.first(event, DD.dateText),
        )
        return [(norm(text), Literal(text))]
    if kind == "deadline":
        text = format_date(row["deadline"], None, None, None)
        return [(norm(text), Literal(text))]
    out: list[tuple[str, Term | None]] = []
    if kind in {"quantity", "terms"}:
        quantity = row.get("quantity") or lookups.first(event, DD.quantity)
        if quantity is not None:
            text = format_quantity(quantity)
            out.append(("q:" + norm(text), Literal(text)))
    if kind in {"value", "terms"}:
        text = format_value(
            lookups.first(event, DD.value),
            lookups.first(event, DD.currency),
            lookups.first(event, DD.valueText),
        )
        if text:
            out.append(("v:" + norm(text), Literal(text)))
    return out


def filter_answers(asking: Asking, attempt: Attempt, answers: list[Answer]) -> list[Answer]:
    """The answers left when those the question leaves out ("besides Turkey") are taken
    away, and, for an entity, those of the classes and categories it names."""
    it, lexicon, lookups = asking.it, asking.lexicon, asking.lookups
    template = attempt.template
    excluded = {f.iri for f in it.excluded}
    answers = [a for a in answers if a.value not in excluded]
    if it.answer_classes and template.render == "entity":
        lookups.prefetch("types", (a.value for a in answers))
        wanted: set[URIRef] = set()
        for cls in it.answer_classes:
            wanted |= lexicon.descendants(cls)
        matching = [a for a in answers if lookups.types(a.value) & wanted]  # type: ignore[arg-type]
        if matching:
            answers = matching
    if it.categories and template.render == "entity":
        if template.answer == "equipment":
            lookups.prefetch("categories", (a.value for a in answers))
            answers = [a for a in answers if category_fits(lookups.categories(a.value), it)]  # type: ignore[arg-type]
        elif template.answer in {"supplier", "recipient"} and "equipment" not in template.roles:
            # "Who sells drones to Poland?": the deals' equipment must be drones. When
            # a weapon is named, category words describe it ("S-400 missile systems").
            events = [r["e"] for a in answers for r in a.rows]
            lookups.prefetch("describe", events)
            equipment = (eq for e in events for eq in lookups.describe(e).get(DD.equipment, []))
            lookups.prefetch("categories", equipment)
            for answer in answers:
                answer.rows = [
                    r
                    for r in answer.rows
                    if all(
                        category_fits(lookups.categories(eq), it)
                        for eq in lookups.describe(r["e"]).get(DD.equipment, [])
                    )
                ]
            answers = [a for a in answers if a.rows]
    return answers


def finish(it: Interpretation, answers: list[Answer], limit: int) -> list[Answer]:
    """The answers ranked (the best supported first), as the question's mode wants
    them: all counted, the expected one confirmed, or the first ``limit``."""
    answers.sort(
        key=lambda a: (
            *[-r for r in a.rank],
            a.misfits_tense,
            -len(a.articles),
            -len(a.sentences),
            a.first,
        )
    )
    if it.mode == "count":
        return _count(answers)
    if it.mode == "yes_no":
        return _yes(it, answers)
    return answers[:limit]


def category_fits(categories: set[URIRef], it: Interpretation) -> bool:
    """An unknown category fits; a known one must be among those the question names."""
    return not categories or bool(categories & it.categories)


def coverage(it: Interpretation, attempt: Attempt, rows: list) -> dict[Term, tuple[float, ...]]:
    """Events that involve enough of the question's entities, with a rank for each.

    The query returns events involving a pair of them; with one or two distinct
    entities an event must involve all, with three two will do (``attempt.partial``: as
    many as any event involves). Events of a class the question names (a summit, a
    deal) are kept when the question names one, and rank first when named exactly.
    Whether three must all be involved is the question's reading (``it.template``),
    whichever template the attempt runs.
    """
    template = it.template
    wanted = {f.iri for f in attempt.slots.values()}
    need = len(wanted)
    if len(wanted) > 2 and not (template is not None and template.id == "relations_between"):
        need = len(wanted) - 1
    found: dict[Term, set[Term]] = {}
    classes: dict[Term, Term] = {}
    for row in rows:
        event = row.get("e")
        if event is None:
            continue
        found.setdefault(event, set())
        for name in ("x", "y"):
            if row.get(name) is not None:
                found[event].add(row[name])
        if row.get("cls") is not None:
            classes[event] = row["cls"]
    hinted = {e for e in found if not it.event_classes or classes.get(e) in it.event_classes}
    if it.focus == "date" and DD.ArmsDelivery in it.exact_classes:
        # "When will the corvettes be delivered?": the delivery's date, never the order's
        # (a deal and its delivery are years apart; other kinds are told as one).
        hinted = {e for e in hinted if classes.get(e) == DD.ArmsDelivery}
    if attempt.partial:
        need = max((len(found[e] & wanted) for e in hinted), default=0) or 1
    out: dict[Term, tuple[float, ...]] = {}
    for event, covered in found.items():
        if len(covered & wanted) < need or event not in hinted:
            continue
        exact = 1.0 if classes.get(event) in it.exact_classes else 0.0
        out[event] = (float(len(covered & wanted)), exact)
    return out


def _count(answers: list[Answer]) -> list[Answer]:
    """One answer: how many there are, with all their rows (and their values named)."""
    if not answers:
        return []
    total = Answer("count", None, 0)
    total.text = str(len(answers))
    for answer in answers:
        total.rows.extend(answer.rows)
    total.events = [a.value for a in answers if a.value is not None]  # labelled when shown
    return [total]


def _yes(it: Interpretation, answers: list[Answer]) -> list[Answer]:
    """ "Yes" when the answer the question expects is among them; else none (not "no")."""
    if it.expected is None:
        return []
    for answer in answers:
        if answer.value == it.expected.iri:
            yes = Answer("yes", answer.value, 0, rows=list(answer.rows))
            yes.text = "Yes"
            yes.iri = str(answer.value)
            yes.detail = it.expected.label
            return [yes]
    return []
