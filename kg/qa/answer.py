"""Answering: run the chosen template with bound values, render, rank, cite evidence.

:class:`Answerer` holds what is built once per store (the lexicon cache, the entity
finder, the parsed query files). :meth:`Answerer.ask` returns the payload that the
HTTP endpoint and the CLI share::

    {"ok": true, "question": ..., "interpretation": {"template", "family", "entities",
     "reading"}, "answers": [{"text", "iri", "evidence": [{"article", "title", "url",
     "date", "sentence"}]}], "suggestions": [...], "sparql": ..., "elapsed_ms": ...}

Values reach the store only through ``store.select(query, bindings)``. Answers are
de-duplicated, ranked by support (distinct articles, then sentences), and capped. A
question not understood, or whose answer the graph does not hold, gets no answers,
the reading of what was understood, and suggestions that do have answers.
"""

from __future__ import annotations

import time
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from typing import Any

from rdflib import RDF, URIRef

from kg.gazetteer import Gazetteer, default_gazetteer
from kg.qa.entities import EntityFinder, Found
from kg.qa.errors import QuestionError
from kg.qa.lexicon import POSITION_SYNONYMS, Lexicon, LexiconCache, stem, tokenize
from kg.qa.parse import Interpretation, parse
from kg.qa.templates import BY_ID, TEMPLATES, Template, load_queries
from kg.sparql import bind
from kg.store.base import Store, Term
from kg.text import norm
from kg.vocab import DD

DEFAULT_MAX_ANSWERS = 10
MAX_EVIDENCE = 5
_MONTHS = (
    "January February March April May June July August September October November December"
).split()
_NUMBER_WORDS = (
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
    "fifteen sixteen seventeen eighteen nineteen twenty"
).split()
_CURRENCY_SIGNS = {"USD": "$", "EUR": "€", "GBP": "£", "JPY": "¥"}
_POSITION_STOP = frozenset({"of", "the", "for", "and", "to", "'s", "a", "an"})
_COUNTRY_OF = "SELECT ?country WHERE { ?org dd:country ?country }"


@dataclass
class Answer:
    """One de-duplicated answer with the evidence gathered for it."""

    key: str
    text: str
    iri: str | None
    first: int
    evidence: dict[str, dict[str, str | None]] = field(default_factory=dict)
    articles: set[str] = field(default_factory=set)
    rank: tuple[float, ...] = ()
    detail: str = ""
    types: set[URIRef] = field(default_factory=set)
    category: set[URIRef] = field(default_factory=set)

    def cite(self, row: Mapping[str, Term]) -> None:
        sentence = row.get("s")
        if sentence is None or "sentence" not in row:
            return
        article = str(row.get("article", ""))
        self.articles.add(article)
        key = str(sentence)
        if key in self.evidence:
            return
        self.evidence[key] = {
            "article": article,
            "title": _str(row.get("title")),
            "url": _str(row.get("url")),
            "date": _str(row.get("published")),
            "sentence": str(row["sentence"]),
        }

    def payload(self) -> dict[str, Any]:
        out: dict[str, Any] = {"text": self.text, "iri": self.iri}
        if self.detail:
            out["detail"] = self.detail
        out["evidence"] = list(self.evidence.values())[:MAX_EVIDENCE]
        return out


def _str(term: Term | None) -> str | None:
    return None if term is None else str(term)


class Answerer:
    """Question answering over one store: parse, bind, query, render."""

    def __init__(
        self,
        store: Store,
        *,
        gazetteer: Gazetteer | None = None,
        max_answers: int = DEFAULT_MAX_ANSWERS,
        max_question_chars: int = 500,
    ) -> None:
        self.store = store
        self.lexicons = LexiconCache(store)
        self.finder = EntityFinder(store, gazetteer or default_gazetteer())
        self.queries = load_queries()
        self.max_answers = max_answers
        self.max_question_chars = max_question_chars

    def refresh(self) -> None:
        """Rebuild the lexicon and the label index now (they also refresh on change)."""
        self.lexicons.refresh()
        self.finder.refresh()

    # -- the public call ------------------------------------------------------------

    def ask(self, question: str, *, suggest: bool = True) -> dict[str, Any]:
        """Answer one question; the payload shape is documented in the module docstring."""
        started = time.perf_counter()
        question = (question or "").strip()
        if not question:
            raise QuestionError("the question is empty")
        if len(question) > self.max_question_chars:
            raise QuestionError(
                f"the question is longer than {self.max_question_chars} characters"
            )
        lexicon = self.lexicons.get()
        positions = self.finder.position_heads()
        interpretation = parse(question, lexicon, self.finder, positions)
        self._resolve_role_refs(interpretation)
        answers: list[Answer] = []
        sparql = ""
        if interpretation.template is not None:
            answers, sparql = self._answer(interpretation, lexicon)
        payload: dict[str, Any] = {
            "ok": True,
            "question": question,
            "interpretation": {
                "template": interpretation.template.id if interpretation.template else None,
                "family": interpretation.template.family if interpretation.template else None,
                "entities": [f.as_dict() for f in _distinct(interpretation.entities)],
                "reading": reading(interpretation, lexicon),
            },
            "answers": [a.payload() for a in answers],
            "suggestions": [],
            "sparql": sparql,
            "elapsed_ms": 0.0,
        }
        if not answers and suggest:
            payload["suggestions"] = self.suggestions(interpretation)
        payload["elapsed_ms"] = round((time.perf_counter() - started) * 1000, 1)
        return payload

    # -- running a template ----------------------------------------------------------

    def run(self, template: Template, bindings: Mapping[str, Term]) -> tuple[list, str]:
        """The rows of one template with ``bindings``, and the query text as it ran.

        A template with ``each`` runs once per bound value (``x1``, ``x2``, ...), each
        time with that value as ``?x``; the rows are concatenated.
        """
        query = self.queries[template.id]
        if not template.each:
            rows = self.store.select(query, dict(bindings))
            return rows.bindings, bind(query, dict(bindings))
        out: list = []
        texts = []
        seen: set[Term] = set()
        for value in bindings.values():
            if value in seen:
                continue
            seen.add(value)
            out.extend(self.store.select(query, {"x": value}).bindings)
            texts.append(bind(query, {"x": value}))
        return out, "\n\n".join(texts)

    def _answer(self, it: Interpretation, lexicon: Lexicon) -> tuple[list[Answer], str]:
        """The reading's answers; failing that, its alternatives, then looser readings.

        Looser readings are said so in the reading: a statement by the speaker on any
        topic; two facts from separate reports ("Turkey supplies Poland" and "Turkey
        supplies the TB2" for "Who supplies the TB2 to Poland?"); events that involve
        only some of the entities named.
        """
        assert it.template is not None
        attempts = [(it.template, it.slots), *it.alternatives]
        first = ""
        for template, slots in attempts:
            answers, sparql = self._attempt(it, template, slots, lexicon)
            first = first or sparql
            if answers:
                it.template, it.slots = template, slots
                return answers, sparql
        template, slots = it.template, it.slots
        if template.id == "statement_by_about":
            answers, sparql = self._attempt(
                it, BY_ID["statement_by"], {"speaker": slots["speaker"]}, lexicon
            )
            if answers:
                it.relaxed = (
                    f"nothing {slots['speaker'].label} said was linked to "
                    f"{slots['topic'].label}; all that was said"
                )
                it.template, it.slots = BY_ID["statement_by"], {"speaker": slots["speaker"]}
                return answers, sparql
        if (
            template.involving
            and it.event_classes
            and len({f.iri for f in slots.values()}) >= 2
        ):
            # Only when the question names the kind of event ("the possible sale", "a
            # press conference"): the kind then narrows the events of fewer entities.
            answers, sparql = self._attempt(it, template, slots, lexicon, partial=True)
            if answers:
                it.relaxed = "no event involves all of them; events involving most of them"
                return answers, sparql
        if len(template.params) == 2 and not template.involving and it.mode != "yes_no":
            answers, sparql = self._combine(it, template, slots, lexicon)
            if answers:
                return answers, sparql
        return [], first

    def _combine(
        self, it: Interpretation, template: Template, slots: dict[str, Found], lexicon: Lexicon
    ) -> tuple[list[Answer], str]:
        """Answers that two one-parameter templates both give (two reports, one answer each)."""
        from kg.qa.parse import choose

        results: list[dict[str, Answer]] = []
        texts = []
        for param in template.params:
            single = choose(template.relation, template.answer, {param.role: slots[param.name]})
            if single is None or len(single.params) != 1:
                return [], ""
            answers, sparql = self._attempt(
                it, single, {single.params[0].name: slots[param.name]}, lexicon, raw=True
            )
            results.append({a.key: a for a in answers})
            texts.append(sparql)
        common = [a for key, a in results[0].items() if key in results[1]]
        for answer in common:
            other = results[1][answer.key]
            for key, value in other.evidence.items():
                answer.evidence.setdefault(key, value)
            answer.articles |= other.articles
        if not common:
            return [], ""
        it.relaxed = "no single report names all of them; combining separate reports"
        return self._finish(it, common), "\n\n".join(texts)

    def _attempt(
        self,
        it: Interpretation,
        template: Template,
        slots: dict[str, Found],
        lexicon: Lexicon,
        *,
        partial: bool = False,
        raw: bool = False,
    ) -> tuple[list[Answer], str]:
        bindings = {name: found.iri for name, found in slots.items()}
        rows, sparql = self.run(template, bindings)
        if template.id == "role_holder":
            rows, sparql = self._role_rows(it, rows, sparql)
        answers = self._render(template, it, slots, rows, lexicon, partial=partial)
        answers = self._filter(it, answers, lexicon)
        if raw:
            return answers, sparql
        return self._finish(it, answers), sparql

    def _finish(self, it: Interpretation, answers: list[Answer]) -> list[Answer]:
        answers.sort(
            key=lambda a: (*[-r for r in a.rank], -len(a.articles), -len(a.evidence), a.first)
        )
        if it.mode == "count":
            return _count(answers)
        if it.mode == "yes_no":
            return _yes(it, answers)
        return answers[: self.max_answers]

    def _role_rows(self, it: Interpretation, rows: list, sparql: str) -> tuple[list, str]:
        """Role holders whose position matches the question's words; other orgs next."""
        template = BY_ID["role_holder"]
        tried = {it.slots["org"].iri}
        matched = _match_positions(rows, it.position, it)
        queue = [f.iri for f in it.alternates]
        for country in self._countries(it.slots["org"].iri):
            queue.append(country)
        while not matched and queue:
            org = queue.pop(0)
            if org in tried:
                continue
            tried.add(org)
            more, text = self.run(template, {"org": org})
            matched = _match_positions(more, it.position, it)
            if matched:
                sparql = text
        return matched, sparql

    def _countries(self, org: URIRef) -> list[URIRef]:
        rows = self.store.select(_COUNTRY_OF, {"org": org})
        return [r["country"] for r in rows if isinstance(r.get("country"), URIRef)]

    def _resolve_role_refs(self, it: Interpretation) -> None:
        """Replace "the Polish president" (Poland) by the person holding that role."""
        if not it.role_refs or it.template is None:
            return
        template = BY_ID["role_holder"]
        for entity, words in it.role_refs:
            names = [n for n, f in it.slots.items() if f.iri == entity.iri]
            if not names:
                continue
            rows, _ = self.run(template, {"org": entity.iri})
            fake = Interpretation(question=it.question, slots={"org": entity})
            matched = _match_positions(rows, words, fake)
            holders = {r["answer"] for r in matched if isinstance(r.get("answer"), URIRef)}
            if len(holders) != 1:
                continue
            holder = holders.pop()
            label = next((str(r["answerLabel"]) for r in matched if "answerLabel" in r), "")
            person = Found(holder, label or str(holder), DD.Person, entity.text, entity.start,
                           entity.end, "role")
            for name in names:
                it.slots[name] = person
            it.entities.append(person)

    # -- rendering ----------------------------------------------------------------------

    def _render(
        self,
        template: Template,
        it: Interpretation,
        slots: dict[str, Found],
        rows: list,
        lexicon: Lexicon,
        *,
        partial: bool = False,
    ) -> list[Answer]:
        kind = template.render
        answers: dict[str, Answer] = {}
        coverage = _coverage(template, it, slots, rows, partial) if template.involving else {}

        def add(key: str, text: str, iri: str | None, row: Mapping[str, Term]) -> Answer:
            answer = answers.get(key)
            if answer is None:
                answer = answers[key] = Answer(key, text, iri, len(answers))
            answer.cite(row)
            if isinstance(row.get("answerType"), URIRef):
                answer.types.add(row["answerType"])  # type: ignore[arg-type]
            if isinstance(row.get("category"), URIRef):
                answer.category.add(row["category"])  # type: ignore[arg-type]
            return answer

        for row in rows:
            event = row.get("e")
            if template.involving:
                if event not in coverage:
                    continue
                rank = coverage[event]
            else:
                rank = ()
            if kind == "entity":
                value = row.get("answer")
                if value is None:
                    continue
                text = str(row.get("answerLabel") or _local(value))
                answer = add(str(value), text, str(value) if isinstance(value, URIRef) else None,
                             row)
            elif kind == "position":
                text = str(row["answer"])
                if row.get("orgLabel") is not None:
                    text = f"{text} of {row['orgLabel']}"
                answer = add(norm(text), text, None, row)
            elif kind == "quote":
                text = str(row["answer"]).strip()
                answer = add(norm(text), text, None, row)
            elif kind == "date":
                text = format_date(row["date"], row.get("precision"), row.get("dateEnd"),
                                   row.get("dateText"))
                answer = add(norm(text), text, None, row)
            elif kind == "deadline":
                text = format_date(row["deadline"], None, None, None)
                answer = add(norm(text), text, None, row)
            elif kind == "value":
                text = format_value(row)
                answer = add(norm(text), text, None, row)
            elif kind == "quantity":
                text = format_quantity(row["quantity"])
                answer = add(norm(text), text, None, row)
                if row.get("equipmentLabel") is not None:
                    answer.detail = str(row["equipmentLabel"])
            elif kind == "terms":
                answer = None
                if row.get("quantity") is not None:
                    text = format_quantity(row["quantity"])
                    answer = add("q:" + norm(text), text, None, row)
                    answer.rank = rank
                if row.get("value") is not None or row.get("valueText") is not None:
                    text = format_value(row)
                    answer = add("v:" + norm(text), text, None, row)
                if answer is None:
                    continue
            elif kind == "event":
                cls = row.get("cls")
                if not isinstance(cls, URIRef):
                    continue
                answer = add(str(cls), lexicon.label(cls), str(cls), row)
            elif kind == "article":
                article = row.get("answer")
                text = str(row.get("title") or row.get("url") or article)
                answer = add(str(article), text, str(article), row)
            elif kind == "profile":
                answer = self._profile_row(add, row, lexicon)
                if answer is None:
                    continue
            else:  # pragma: no cover - templates are data checked by tests
                continue
            if rank and (not answer.rank or rank > answer.rank):
                answer.rank = rank
        if kind in {"event", "profile"}:
            _describe_events(answers, rows, lexicon, kind, slots)
        return list(answers.values())

    def _profile_row(self, add: Any, row: Mapping[str, Term], lexicon: Lexicon) -> Answer | None:
        if str(row.get("part")) == "fact":
            return add("fact", "", None, row)
        event = row.get("e")
        if event is None:
            return None
        return add(str(event), "", str(event), row)

    # -- filtering ------------------------------------------------------------------------

    def _filter(self, it: Interpretation, answers: list[Answer], lexicon: Lexicon) -> list[Answer]:
        excluded = {str(f.iri) for f in it.excluded}
        answers = [a for a in answers if a.iri not in excluded]
        if it.answer_classes:
            wanted: set[URIRef] = set()
            for cls in it.answer_classes:
                wanted |= lexicon.descendants(cls)
            matching = [a for a in answers if a.types & wanted]
            if matching:
                answers = matching
        if it.categories:
            answers = [a for a in answers if not a.category or a.category & it.categories]
        return answers

    # -- suggestions -----------------------------------------------------------------------

    def suggestions(self, it: Interpretation, limit: int = 3) -> list[str]:
        """Up to ``limit`` questions about the same entities that have answers in the graph."""
        entities = [e for e in _distinct(it.entities) if e not in it.excluded]
        if not entities:
            entities = self._sample_entities()
        family = it.template.family if it.template else ""
        ordered = sorted(
            (t for t in TEMPLATES if len({p.name for p in t.params if not t.involving}) <= 1),
            key=lambda t: (t.family != family, t.id in {"profile", "sources_mentioning"}),
        )
        out: list[str] = []
        tried = 0
        for entity in entities[:3]:
            for template in ordered:
                if len(out) >= limit or tried >= 12:
                    return out
                param = template.params[0] if template.params else None
                if param is None or entity.kind not in param.kinds:
                    continue
                if it.template is not None and template.id == it.template.id:
                    continue
                names = {p.name: entity.label for p in template.params}
                try:
                    question = template.example.format(**names)
                except (KeyError, IndexError):
                    continue
                if question in out:
                    continue
                tried += 1
                if self.ask(question, suggest=False)["answers"]:
                    out.append(question)
        return out

    def _sample_entities(self) -> list[Found]:
        rows = self.store.select(
            "SELECT DISTINCT ?x ?label ?type WHERE { ?e dd:evidence ?s ; ?role ?x . "
            "VALUES ?role { dd:recipient dd:equipment dd:target dd:member dd:speaker } "
            "?x rdfs:label ?label ; a ?type } LIMIT 6"
        )
        out = []
        for row in rows:
            x, kind = row.get("x"), row.get("type")
            if isinstance(x, URIRef) and isinstance(kind, URIRef):
                out.append(Found(x, str(row["label"]), kind, str(row["label"]), 0, 0, "sample"))
        return out


# -- helpers -------------------------------------------------------------------------------


def _distinct(entities: Iterable[Found]) -> list[Found]:
    seen: set[URIRef] = set()
    out = []
    for e in entities:
        if e.iri not in seen:
            seen.add(e.iri)
            out.append(e)
    return out


def _local(term: Term) -> str:
    return str(term).rsplit("#", 1)[-1].rsplit("/", 1)[-1]


def _coverage(
    template: Template, it: Interpretation, slots: dict[str, Found], rows: list, partial: bool
) -> dict[Term, tuple[float, ...]]:
    """Events that involve enough of the question's entities, with a rank for each.

    With one or two distinct entities an event must involve all of them; with three,
    two will do (``partial``: as many as any event involves). Events of a class the
    question names (a summit, a deal) are kept when the question names one, and rank
    first when named exactly.
    """
    wanted = {f.iri for f in slots.values()}
    need = len(wanted) if len(wanted) <= 2 or template.id == "relations_between" else (
        len(wanted) - 1
    )
    found: dict[Term, set[Term]] = {}
    direct: dict[Term, int] = {}
    classes: dict[Term, Term] = {}
    for row in rows:
        event = row.get("e")
        if event is None:
            continue
        found.setdefault(event, set())
        if row.get("x") is not None:
            found[event].add(row["x"])
        if str(row.get("direct", "0")) == "1":
            direct[event] = direct.get(event, 0) + 1
        if row.get("cls") is not None:
            classes[event] = row["cls"]
    hinted = {e for e in found if not it.event_classes or classes.get(e) in it.event_classes}
    if partial:
        need = max((len(found[e] & wanted) for e in hinted), default=0) or 1
    out: dict[Term, tuple[float, ...]] = {}
    for event, covered in found.items():
        if len(covered & wanted) < need or event not in hinted:
            continue
        cls = classes.get(event)
        exact = 1.0 if cls in it.exact_classes else 0.0
        out[event] = (float(len(covered & wanted)), exact, float(min(direct.get(event, 0), 1)))
    return out


def position_words(text: str) -> frozenset[str]:
    """Normalized words of a position ("Secretary of Defense" = "defence secretary")."""
    out = set()
    for token in tokenize(text):
        if not token.is_word:
            continue
        s = stem(token.text)
        if token.norm in _POSITION_STOP:
            continue
        out.add(POSITION_SYNONYMS.get(s, s))
    return frozenset(out)


def _match_positions(rows: list, words: tuple[str, ...], it: Interpretation) -> list:
    """Rows whose position has exactly the question's words, else all of them and more."""
    wanted = frozenset(POSITION_SYNONYMS.get(w, w) for w in words if w not in _POSITION_STOP)
    if not wanted:
        return []
    names: set[str] = set()
    for found in it.slots.values():
        names |= position_words(found.label)
    for found in it.alternates:
        names |= position_words(found.label)
    exact, partial = [], []
    for row in rows:
        have = position_words(str(row.get("position", ""))) - names
        if have == wanted:
            exact.append(row)
        elif wanted <= have:
            partial.append((len(have - wanted), row))
    if exact:
        return exact
    if not partial:
        return []
    fewest = min(n for n, _ in partial)
    return [row for n, row in partial if n == fewest]


def _count(answers: list[Answer]) -> list[Answer]:
    if not answers:
        return []
    total = Answer("count", str(len(answers)), None, 0)
    total.detail = ", ".join(a.text for a in answers[:20])
    for answer in answers:
        for key, value in answer.evidence.items():
            if len(total.evidence) < MAX_EVIDENCE:
                total.evidence.setdefault(key, value)
        total.articles |= answer.articles
    return [total]


def _yes(it: Interpretation, answers: list[Answer]) -> list[Answer]:
    if it.expected is None:
        return []
    for answer in answers:
        if answer.iri == str(it.expected.iri):
            yes = Answer("yes", "Yes", answer.iri, 0, dict(answer.evidence), set(answer.articles))
            yes.detail = answer.text
            return [yes]
    return []


def _describe_events(
    answers: dict[str, Answer],
    rows: list,
    lexicon: Lexicon,
    kind: str,
    slots: Mapping[str, Found],
) -> None:
    """Text (profiles) or details (relations) that name each event's roles."""
    roles: dict[str, dict[str, list[str]]] = {}
    classes: dict[str, str] = {}
    facts: dict[str, list[str]] = {}
    for row in rows:
        event = str(row.get("e"))
        if row.get("cls") is not None:
            classes[event] = lexicon.label(row["cls"])  # type: ignore[arg-type]
        role, other = row.get("role"), row.get("other")
        if role is None or other is None:
            continue
        label = str(row.get("otherLabel") or _local(other))
        if str(row.get("part")) == "fact":
            if role == RDF.type:
                name = "type"
                label = lexicon.label(other) if isinstance(other, URIRef) else label
            else:
                name = lexicon.label(role)  # type: ignore[arg-type]
            entry = f"{name}: {label}"
            if entry not in facts.setdefault(name, []):
                facts[name].append(entry)
            continue
        by_role = roles.setdefault(event, {})
        values = by_role.setdefault(lexicon.label(role), [])  # type: ignore[arg-type]
        if label not in values:
            values.append(label)
    for key, answer in answers.items():
        if kind == "profile" and key == "fact":
            subject = next(iter(slots.values()))
            parts = [", ".join(v.split(": ", 1)[1] for v in facts.get("type", []))]
            parts += [v for name, values in facts.items() if name != "type" for v in values]
            answer.text = f"{subject.label}: " + "; ".join(p for p in parts if p)
            continue
        if kind == "profile":
            described = "; ".join(
                f"{role}: {', '.join(values)}" for role, values in roles.get(key, {}).items()
            )
            answer.text = f"{classes.get(key, 'Event')} ({described})" if described else (
                classes.get(key, "Event")
            )
            continue
        # relations: one answer per event class; the detail names the parties
        details = []
        for event, cls in classes.items():
            if cls != answer.text:
                continue
            described = "; ".join(
                f"{role}: {', '.join(values)}" for role, values in roles.get(event, {}).items()
            )
            if described and described not in details:
                details.append(described)
        answer.detail = " | ".join(details[:3])



# -- formatting values ----------------------------------------------------------------------


def format_date(
    value: Term, precision: Term | None, end: Term | None, text: Term | None
) -> str:
    """A date as people write it, at its precision, with the article's words if they add.

    >>> from rdflib import Literal, XSD
    >>> format_date(Literal("2019-07", datatype=XSD.gYearMonth), None, None, Literal("mid-July"))
    'July 2019 (mid-July)'
    >>> format_date(Literal("2019-12-03", datatype=XSD.date), DD.day,
    ...             Literal("2019-12-04", datatype=XSD.date), None)
    'December 3-4, 2019'
    """
    parts = str(value).split("-")
    year = parts[0]
    month = int(parts[1]) if len(parts) > 1 and parts[1].isdigit() else 0
    day = int(parts[2][:2]) if len(parts) > 2 and parts[2][:2].isdigit() else 0
    if precision in {DD.month, DD.partOfMonth, DD.season, DD.halfYear, DD.year, DD.multiYear}:
        day = 0
    if precision in {DD.season, DD.halfYear, DD.year, DD.multiYear}:
        month = 0
    end_parts = str(end).split("-") if end is not None else []
    if month and day:
        base = f"{_MONTHS[month - 1]} {day}, {year}"
        if len(end_parts) == 3 and end_parts[0] == year and int(end_parts[1]) == month:
            base = f"{_MONTHS[month - 1]} {day}-{int(end_parts[2][:2])}, {year}"
        elif len(end_parts) == 3:
            base += f" to {_MONTHS[int(end_parts[1]) - 1]} {int(end_parts[2][:2])}, {end_parts[0]}"
    elif month:
        base = f"{_MONTHS[month - 1]} {year}"
    else:
        base = year
        if end_parts and end_parts[0] != year:
            base = f"{year}-{end_parts[0]}"
    if text is not None:
        words = str(text).strip()
        for prefix in ("in ", "on ", "at ", "by ", "from ", "since ", "during ", "around "):
            if words.lower().startswith(prefix):
                words = words[len(prefix) :]
                break
        if words and f" {norm(words)} " not in f" {norm(base)} ":
            return f"{base} ({words})"
    return base


def format_value(row: Mapping[str, Term]) -> str:
    """The value as the article wrote it, else the number in words ("$4.6 billion")."""
    if row.get("valueText") is not None:
        return str(row["valueText"])
    value = row.get("value")
    if value is None:
        return ""
    try:
        amount = Decimal(str(value))
    except InvalidOperation:
        return str(value)
    currency = str(row.get("currency") or "")
    for size, word in ((Decimal(10) ** 12, "trillion"), (Decimal(10) ** 9, "billion"),
                       (Decimal(10) ** 6, "million")):
        if abs(amount) >= size:
            number = f"{(amount / size):.2f}".rstrip("0").rstrip(".")
            break
    else:
        number, word = f"{amount:,.0f}", ""
    sign = _CURRENCY_SIGNS.get(currency)
    text = f"{number} {word}".strip()
    if sign:
        return f"{sign}{text}"
    return f"{text} {currency}".strip()


def format_quantity(value: Term) -> str:
    """A count, with its word for small numbers ("3 (three)") as articles often spell them."""
    try:
        number = int(Decimal(str(value)))
    except (InvalidOperation, ValueError):
        return str(value)
    if 0 <= number < len(_NUMBER_WORDS):
        return f"{number} ({_NUMBER_WORDS[number]})"
    return str(number)


def reading(it: Interpretation, lexicon: Lexicon) -> str:
    """A plain restatement of what was understood."""
    template = it.template
    if template is None:
        found = ", ".join(f"{f.label} ({f.type_name})" for f in _distinct(it.entities))
        what = f"Found {found}" if found else "Found no known entity"
        notes = "; ".join(it.notes)
        return f"{what}, but could not match the question to a template" + (
            f" ({notes})." if notes else "."
        )
    labels = {name: f.label for name, f in it.slots.items()}
    distinct = [f.label for f in _distinct(it.slots.values())]
    labels["entities"] = " and ".join(distinct) if len(distinct) <= 2 else (
        ", ".join(distinct[:-1]) + f" and {distinct[-1]}"
    )
    labels["position"] = it.position_text or " ".join(it.position)
    text = template.reading.format_map(_Default(labels))
    extras = []
    if it.categories and template.answer in {"equipment"}:
        extras.append("only " + ", ".join(sorted(lexicon.label(c) for c in it.categories)))
    if it.excluded:
        extras.append("leaving out " + ", ".join(f.label for f in it.excluded))
    if it.event_classes and template.involving and template.id != "relations_between":
        named = sorted({lexicon.label(c) for c in it.exact_classes}) or sorted(
            {lexicon.label(c) for c in it.event_classes if c != DD.Event}
        )[:4]
        extras.append("events of kind: " + ", ".join(named))
    if it.relaxed:
        extras.append(it.relaxed)
    if extras:
        text = f"{text} ({'; '.join(extras)})"
    if it.mode == "count":
        return f"How many? {text}"
    if it.mode == "yes_no" and it.expected is not None:
        return f"Is {it.expected.label} among the answers to: {text}"
    return text


class _Default(dict):  # type: ignore[type-arg]
    def __missing__(self, key: str) -> str:
        return "?"

