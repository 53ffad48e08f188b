"""Answering: run the chosen template with bound values, rank, render, cite evidence.

:class:`Answerer` holds what is built once per store (the lexicon cache, the entity
finder, the parsed query files). :meth:`Answerer.ask` returns the payload that the
HTTP endpoint and the CLI share::

    {"ok": true, "question": ..., "interpretation": {"template", "family", "entities",
     "reading"}, "answers": [{"text", "iri", "evidence": [{"article", "title", "url",
     "date", "sentence"}]}], "suggestions": [...], "sparql": ..., "elapsed_ms": ...}

Values reach the store only as bound terms (``store.select(query, bindings)``, or a
``VALUES`` block of serialized terms for many nodes). The template queries hold only
required, index-driven patterns: an OPTIONAL is evaluated against every matching
triple of the store, and an entity's triples are repeated in every article graph that
mentions it. Labels, article metadata and event attributes are then read for what is
shown, a few batched reads per question (:mod:`kg.qa.lookups`; one query per answer
would cost more than the template). Answers are de-duplicated, ranked by support
(distinct articles, then sentences) and capped. A question not understood, or whose
answer the graph does not hold, gets no answers, the reading of what was understood,
and suggestions that do have answers; never a guess.
"""

from __future__ import annotations

import functools
import re
import time
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field, fields
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

from rapidfuzz.distance import OSA
from rdflib import RDF, Literal, URIRef

from kg.gazetteer import Gazetteer, default_gazetteer
from kg.qa.asked import Asked, asked
from kg.qa.entities import EntityFinder, Found
from kg.qa.errors import QuestionError
from kg.qa.lexicon import (
    POSITION_PHRASES,
    POSITION_SYNONYMS,
    POSITION_WORDS,
    Lexicon,
    LexiconCache,
    find_hits,
    stem,
    tokenize,
)
from kg.qa.lookups import DCTERMS, ROLE_PROPERTIES, SDO, Lookups, Memo, one
from kg.qa.parse import Interpretation, parse
from kg.qa.reader import ENTITY_CLASSES, Read, Reader, fits_settlement, keywords
from kg.qa.reader import query as reader_query
from kg.qa.templates import BY_ID, TEMPLATES, Template, load_queries
from kg.sparql import bind, bind_many
from kg.store.base import Store, Term
from kg.text import norm
from kg.vocab import DD

_NO_KIND = Asked("none")
# Designators written without their hyphen or with a detached suffix: s400, F35, F35-A.
_DESIGNATOR = re.compile(r"\b([A-Za-z]{1,3})[ ]?(\d{1,4})(?:-?([A-Za-z]{1,2}))?\b")
# What a template's answers are (its render), by the kind of answer a question asks for.
_RENDERS_FOR: dict[str, frozenset[str]] = {
    "date": frozenset({"date", "deadline"}),
    "year": frozenset({"date", "deadline"}),
    "count": frozenset({"quantity", "terms"}),
    "money": frozenset({"value", "terms"}),
    "duration": frozenset(),
    "reason": frozenset(),
    "quote": frozenset({"quote"}),
    "object": frozenset({"entity", "quote"}),
    "description": frozenset(),
    "distance": frozenset(),
    "position": frozenset({"position"}),
    **{
        kind: frozenset({"entity"})
        for kind in ("person", "state", "company", "organization", "weapon", "program", "law")
    },
    "agent": frozenset({"entity"}),
    "named": frozenset({"entity"}),
    "place": frozenset({"entity"}),
}
POSITION_STEMS = frozenset(stem(w) for w in POSITION_WORDS)
DEFAULT_MAX_ANSWERS = 10
# Facts extracted with less confidence are not given as answers (extraction writes 0.5
# for its weakest readings, such as a speaker linked across sentences).
MIN_CONFIDENCE = 0.5
# A sentence that carries this share of the question outranks facts that carry little of it.
STRONG = 0.75
MAX_EVIDENCE = 5
MAX_DESCRIBED = 60  # events read for attributes (dates, values) per question
MAX_REMEMBERED = 50_000  # nodes' reads kept across questions while the store is unchanged
_MONTHS = (
    "January February March April May June July August September October November December"
).split()
_NUMBER_WORDS = (
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
    "fifteen sixteen seventeen eighteen nineteen twenty"
).split()
_CURRENCY_SIGNS = {"USD": "$", "EUR": "€", "GBP": "£", "JPY": "¥"}
_POSITION_STOP = frozenset({"of", "the", "for", "and", "to", "'s", "a", "an"})
_FACTS = """
SELECT DISTINCT ?role ?other WHERE {
  ?x ?role ?other .
  VALUES ?role { rdf:type dd:country dd:weaponCategory dd:manufacturer }
}"""
_MENTIONS = """
SELECT DISTINCT ?s ?sentence ?article WHERE {
  ?x dd:mentionedIn ?s .
  ?s dd:text ?sentence ; dd:inArticle ?article .
} LIMIT 5"""


class SettledLexicon(Lexicon):
    """A built lexicon (they are never changed once built) that works out each term's
    ancestors and descendants, and the weapon categories, once: parsing a question asks
    for them dozens of times, and :class:`Lexicon` walks the class tree on every call."""

    def __init__(self, lexicon: Lexicon) -> None:
        super().__init__(**{f.name: getattr(lexicon, f.name) for f in fields(Lexicon)})
        self._ancestors: dict[URIRef, frozenset[URIRef]] = {}
        self._descendants: dict[URIRef, frozenset[URIRef]] = {}
        self._categories: frozenset[URIRef] | None = None

    def _ancestors_of(self, term: URIRef) -> frozenset[URIRef]:
        found = self._ancestors.get(term)
        if found is None:
            found = self._ancestors[term] = frozenset(super().ancestors(term))
        return found

    def ancestors(self, term: URIRef) -> set[URIRef]:
        return set(self._ancestors_of(term))

    def is_a(self, term: URIRef, ancestor: URIRef) -> bool:
        return ancestor in self._ancestors_of(term)

    def descendants(self, term: URIRef) -> set[URIRef]:
        found = self._descendants.get(term)
        if found is None:
            below = {t for t in self.supers if term in self._ancestors_of(t)} | {term}
            found = self._descendants[term] = frozenset(below)
        return set(found)

    def categories(self) -> set[URIRef]:
        if self._categories is None:
            self._categories = frozenset(super().categories())
        return set(self._categories)


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
    _written: list[str] = field(default_factory=list, repr=False)
    _unread: list[Term] | None = field(default=None, repr=False)

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
        if event is not None and event not in self.events:
            self.events.append(event)

    def payload(self) -> dict[str, Any]:
        out: dict[str, Any] = {"text": self.text, "iri": self.iri}
        if self.detail:
            out["detail"] = self.detail
        if self.confidence is not None:
            out["confidence"] = self.confidence
        out["evidence"] = self.evidence[:MAX_EVIDENCE]
        return out


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
        # (store generation, lexicon built, its settled copy): see :meth:`lexicon`.
        self._lexicon: tuple[int | None, Lexicon, Lexicon] | None = None
        self.finder = EntityFinder(store, gazetteer or default_gazetteer())
        self._memo: tuple[int, Memo] | None = None  # (store generation, lookups read)
        self.queries = load_queries()
        self.reader = Reader(store)
        self.max_answers = max_answers
        self.max_question_chars = max_question_chars

    def refresh(self) -> None:
        """Rebuild the lexicon and the name indexes now (they also refresh on change)."""
        self._lexicon = None
        self._memo = None
        self.lexicons.refresh()
        self.finder.refresh()

    def lexicon(self) -> Lexicon:
        """The store's lexicon, checked without a query when the store counts its writes.

        :class:`LexiconCache` checks the ontology graph on every call (milliseconds at 1M
        triples, tens of them for its periodic content check); a store with a
        ``generation`` (the embedded one) says exactly when anything changed. The
        lexicon is returned settled: its class reasoning is worked out once per term.
        """
        generation = getattr(self.store, "generation", None)
        if not isinstance(generation, int):
            generation = None
        held = self._lexicon
        if held is not None and generation is not None and held[0] == generation:
            return held[2]
        built = self.lexicons.get()
        settled = held[2] if held is not None and held[1] is built else SettledLexicon(built)
        self._lexicon = (generation, built, settled)
        return settled

    def lookups(self) -> Lookups:
        """Reads for one question. While the store counts no write, what questions read
        (labels, articles, events) is kept for the next ones: popular entities and
        articles come back in question after question."""
        generation = getattr(self.store, "generation", None)
        if not isinstance(generation, int):
            return Lookups(self.store)
        held = self._memo
        if held is None or held[0] != generation or len(held[1]) > MAX_REMEMBERED:
            held = self._memo = (generation, {})
        return Lookups(self.store, held[1])

    # -- the public calls -----------------------------------------------------------

    def ask(self, question: str, *, suggest: bool = True) -> dict[str, Any]:
        """Answer one question; the payload shape is documented in the module docstring."""
        started = time.perf_counter()
        question = (question or "").strip()
        if not question:
            raise QuestionError("the question is empty")
        if len(question) > self.max_question_chars:
            raise QuestionError(f"the question is longer than {self.max_question_chars} characters")
        lexicon = self.lexicon()
        lookups = self.lookups()
        forgiven, fixes = self.forgive(question, lexicon)
        interpretation = self.interpret(forgiven, lexicon, lookups)
        # Names the entity finder matched with its threshold ("Turky"), said too.
        fixes += [(f.text, f.label) for f in interpretation.entities if f.via == "fuzzy"]
        want = asked(forgiven)
        rest: list[str] = []  # what the template does not read, when there is one
        answers: list[Answer] = []
        sparql = ""
        if interpretation.template is not None:
            rest = unread_words(forgiven, interpretation, lexicon, want)
            answers, sparql = self._answer(interpretation, lexicon, lookups)
            answers = self._fitting(want, interpretation, answers, lookups)
            answers = self._supported(rest, interpretation, answers, lookups)
            self._prefetch(answers, interpretation, lookups)
            for answer in answers:
                self._present(answer, interpretation, lexicon, lookups)
            answers = [a for a in answers if a.confidence is None or a.confidence >= MIN_CONFIDENCE]
        template = interpretation.template
        shown = [a.payload() for a in answers]
        read_from = ""
        if not answers:
            shown, read_from = self._read(forgiven, want, interpretation, lookups)
        elif _weakly_carried(rest, answers):
            # The facts found carry little of what the question says; a sentence that
            # carries nearly all of it is the better answer.
            read, reading_ = self._read(forgiven, want, interpretation, lookups, at_least=STRONG)
            if read:
                shown, read_from, answers = read, reading_, []
        payload: dict[str, Any] = {
            "ok": True,
            "question": question,
            "interpretation": {
                "template": template.id if template else None,
                "family": template.family if template else None,
                "entities": [f.as_dict() for f in _distinct(interpretation.entities)],
                "reading": read_from or reading(interpretation, lexicon),
                **({"tier": "sentence"} if read_from else {}),
            },
            "answers": shown,
            "suggestions": [],
            "sparql": sparql,
            "elapsed_ms": 0.0,
        }
        if not shown and suggest:
            payload["suggestions"] = self.suggestions(interpretation)
        if not shown and interpretation.mode == "yes_no" and interpretation.template is not None:
            payload["interpretation"]["reading"] = not_stated(
                interpretation, payload["interpretation"]["reading"]
            )
        if fixes:
            shown_fixes = "; ".join(f"{a} → {b}" for a, b in fixes)
            payload["interpretation"]["reading"] += f" (read {shown_fixes})"
            payload["interpretation"]["corrected"] = forgiven
        payload["elapsed_ms"] = round((time.perf_counter() - started) * 1000, 1)
        return payload

    def _fitting(
        self, want: Asked | None, it: Interpretation, answers: list[Answer], lookups: Lookups
    ) -> list[Answer]:
        """The answers of the kind the question asks for: "which company" never a state,
        "when" a date, "what did X say" what was said, never the name of an event kind.

        The template chosen may answer another question than the one asked (a reading
        that matched the entities but not the question's words); what the question's
        own wording asks for (``want``, :func:`kg.qa.asked.asked`) is checked here.
        """
        template = it.template
        if template is None or not answers or it.mode in {"count", "yes_no"}:
            return answers
        if template.render == "entity":
            # What the question names is not its answer ("Which allies deployed Patriot
            # batteries to Slovakia?" is not answered "Slovakia").
            named = {f.iri for f in it.entities}
            answers = [a for a in answers if a.value not in named]
        if want is None:
            return answers
        renders = _RENDERS_FOR.get(want.kind)
        if renders is not None and template.render not in renders:
            return []
        values = [a.value for a in answers if isinstance(a.value, URIRef)]
        lookups.prefetch_all({"types": values, "label": values})
        answers = [
            a
            for a in answers
            if fits_settlement(
                want, lookups.label(a.value) if isinstance(a.value, URIRef) else str(a.value)
            )
        ]
        if template.render != "entity":
            return answers
        classes = ENTITY_CLASSES.get(want.kind)
        kept = []
        for answer in answers:
            if not isinstance(answer.value, URIRef):
                kept.append(answer)
            elif want.kind == "named":
                if want.head and stem(want.head) in {
                    t.stem for t in tokenize(lookups.label(answer.value))
                }:
                    kept.append(answer)
            elif classes is None or set(lookups.types(answer.value)) & classes:
                kept.append(answer)
        return kept

    def _supported(
        self, rest: list[str], it: Interpretation, answers: list[Answer], lookups: Lookups
    ) -> list[Answer]:
        """The answers whose evidence carries what the template did not read (``rest``).

        A template reads the question's entities and its relation words (the lexicon's
        labels); the rest of the question ("military *assistance*", "the *television*
        channel") is not in the query. An answer none of whose sentences has any of those
        words answers a different question, and is dropped: better no answer (then the
        sentence tier reads) than the answer to another question.
        """
        if not answers or it.mode in {"count", "yes_no"}:
            return answers
        if it.template is not None and it.template.render in {"article", "profile", "event"}:
            return answers  # what an entity is in, or all that involves it: no relation
        answers = self._named_together(it, answers, lookups)
        if not rest:
            return answers
        if it.template is not None and it.template.id in _ROLE_TEMPLATES:
            # The holder the rest of the question describes ("who urged Washington to
            # halt the sale") first; the role answers either way.
            return sorted(
                answers,
                key=lambda a: (
                    -sum(
                        _carries(_few_texts(a), [w]) or _carries(self._context(a), [w])
                        for w in rest
                    )
                ),
            )
        kept = []
        for answer in answers:
            if answer.key in {"count", "yes", "fact"}:
                kept.append(answer)
                continue
            texts = _few_texts(answer)
            if not texts:
                kept.append(answer)
                continue
            if _carries(texts, rest) or _carries(self._context(answer), rest):
                kept.append(answer)
        return kept

    def _named_together(
        self, it: Interpretation, answers: list[Answer], lookups: Lookups
    ) -> list[Answer]:
        """The answers whose facts involve every entity the question names: a party of
        the answer's events, or named in its evidence sentences. "How many launchers did
        Latvia order?" is not answered by Estonia's order, even in an article that
        mentions Latvia elsewhere."""
        left_out = {f.iri for f in it.excluded}
        asked_about = {f.iri for f in it.entities} - left_out
        if not asked_about:
            return answers
        if it.relaxed and it.template is not None and it.template.render == "quote":
            # "All that X said", told as such when nothing X said was linked to the
            # topic: what was said need only come from articles that name the topic.
            return self._told_where_named(asked_about, answers)
        lookups.prefetch("describe", [e for a in answers for e in a.events[:10]])
        named_in = self._mentioned_in(s for a in answers for s in _few(a.sentences))
        # "Who is the State Department spokesman who reacted to Niger's decision?": the
        # role answers; what the relative clause says of the holder is told elsewhere in
        # the article, so its entities need only be named there.
        described = it.template is not None and it.template.id in _ROLE_TEMPLATES
        kept = []
        for answer in answers:
            if not answer.rows or answer.key in {"count", "yes", "fact"}:
                kept.append(answer)
                continue
            involved = set(lookups.role_values(answer.events[:10]))
            for sentence in _few(answer.sentences):
                involved |= named_in.get(sentence, set())
            if isinstance(answer.value, URIRef):
                involved.add(answer.value)
            if asked_about <= involved or (
                described and self._named_in_articles(asked_about - involved, answer.articles)
            ):
                kept.append(answer)
        return kept

    def _named_in_articles(self, entities: Iterable[Term], articles: Iterable[Term]) -> bool:
        """Whether every one of ``entities`` is named in one of ``articles``."""
        within = set(articles)
        return all(
            within & set(self.reader.articles_naming([e])[0])
            for e in entities
            if isinstance(e, URIRef)
        )

    def _told_where_named(self, asked_about: set[URIRef], answers: list[Answer]) -> list[Answer]:
        _, naming = self.reader.articles_naming(asked_about)
        everywhere = {a for a, n in naming.items() if n == len(asked_about)}
        return [a for a in answers if not a.articles or a.articles & everywhere]

    def _mentioned_in(self, sentences: Iterable[Term]) -> dict[Term, set[Term]]:
        """The entities each of ``sentences`` mentions (one query for all of them)."""
        nodes = list(dict.fromkeys(sentences))
        if not nodes:
            return {}
        out: dict[Term, set[Term]] = {}
        for row in self.store.select(bind_many(reader_query("sentence_mentions"), "s", nodes)):
            out.setdefault(row["s"], set()).add(row["x"])
        return out

    def _context(self, answer: Answer) -> list[str]:
        """The other sentences of the answer's articles that name the answer: a fact is
        often told across sentences ("... a sale of SM-2 missiles to Denmark. The
        principal contractors will be Raytheon ...")."""
        if not isinstance(answer.value, URIRef):
            return []
        articles = answer.articles
        rows = self.store.select(reader_query("entity_sentences"), {"x": answer.value})
        return [str(r["text"]) for r in rows if r["article"] in articles]

    def forgive(self, question: str, lexicon: Lexicon) -> tuple[str, list[tuple[str, str]]]:
        """The question with slips mended, and what was mended: designators written
        without their hyphen ("s400", "F35-A" -> "S-400", "F-35A") when that is a known
        name; a word that no English dictionary holds and that is one letter from a word
        of the ontology's vocabulary ("suplies" -> "supply"; "border" is a word and
        stays). Misspelled names ("Turky") are matched by the entity finder itself, and
        :meth:`ask` says them with these."""
        fixes: list[tuple[str, str]] = []

        def designator(match: re.Match[str]) -> str:
            letters, digits, suffix = match.group(1), match.group(2), match.group(3) or ""
            for candidate in (f"{letters}-{digits}{suffix}", f"{letters}-{digits}"):
                candidate = candidate.upper()
                if candidate.lower() != match.group(0).lower() and self.finder.known(candidate):
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

    def _read(
        self,
        question: str,
        want: Asked | None,
        it: Interpretation,
        lookups: Lookups,
        *,
        at_least: float = 0.0,
    ) -> tuple[list[dict[str, Any]], str]:
        """The second tier (:mod:`kg.qa.reader`): answers read from stored sentences when
        no extracted fact answers, with the reading that says so."""
        if want is None or not it.entities:
            return [], ""
        reads = self.reader.read(
            question, want, it.entities, left_out=it.excluded, lexicon=self.lexicon()
        )
        reads = [r for r in reads if r.coverage >= at_least]
        if not reads:
            return [], ""
        lookups.prefetch("describe", {r.sentence.article for r in reads})
        shown = [_read_payload(r, lookups) for r in reads]
        names = ", ".join(dict.fromkeys(f.label for f in it.entities))
        return shown, (
            f"no extracted fact answers this; read from a sentence that mentions {names} "
            f"(answer wanted: {want.kind})"
        )

    def interpret(
        self, question: str, lexicon: Lexicon | None = None, lookups: Lookups | None = None
    ) -> Interpretation:
        """How a question is read: template, slots and filters (no answering)."""
        lexicon = lexicon or self.lexicon()
        interpretation = parse(question, lexicon, self.finder, self.finder.position_heads())
        self._resolve_role_refs(interpretation, lookups or self.lookups())
        return interpretation

    # -- running templates --------------------------------------------------------------

    def run(
        self, template: Template, bindings: Mapping[str, Term], *, singles: bool = False
    ) -> tuple[list, str]:
        """The rows of one template with ``bindings``, and the query text as it ran.

        A template with ``each`` runs with ``?x`` and ``?y`` bound to each pair of the
        distinct values given (``x1``, ``x2``, ``x3``): one run for one or two values,
        three for three, twice as many for ``both_ways``; ``singles`` binds both to each
        value in turn instead. The rows are concatenated.
        """
        query = self.queries[template.id]
        if not template.each:
            rows = self.store.select(query, dict(bindings))
            return rows.bindings, bind(query, dict(bindings))
        values = list(dict.fromkeys(bindings.values()))
        if singles or len(values) == 1:
            pairs = [(v, v) for v in values]
        else:
            pairs = [(a, b) for i, a in enumerate(values) for b in values[i + 1 :]]
            if template.both_ways:
                pairs += [(b, a) for a, b in pairs]
        out: list = []
        texts = []
        for x, y in pairs:
            out.extend(self.store.select(query, {"x": x, "y": y}).bindings)
            texts.append(bind(query, {"x": x, "y": y}))
        return out, "\n\n".join(texts)

    def _answer(
        self, it: Interpretation, lexicon: Lexicon, lookups: Lookups
    ) -> tuple[list[Answer], str]:
        """The reading's answers; failing that, its alternatives, then looser readings.

        Looser readings are said so in the reading: a statement by the speaker on any
        topic; events that involve only some of the entities named, when the question
        names the kind of event. Two facts from separate reports are not combined into
        one ("Turkey supplies Poland" and "Turkey supplies the TB2" do not say that
        Turkey supplies the TB2 to Poland).
        """
        assert it.template is not None
        first = ""
        for template, slots in [(it.template, it.slots), *it.alternatives]:
            answers, sparql = self._attempt(it, template, slots, lexicon, lookups)
            first = first or sparql
            if answers:
                it.template, it.slots = template, slots
                return answers, sparql
        template, slots = it.template, it.slots
        if template.id == "statement_by_about":
            speaker = {"speaker": slots["speaker"]}
            answers, sparql = self._attempt(it, BY_ID["statement_by"], speaker, lexicon, lookups)
            if answers:
                it.relaxed = (
                    f"nothing {slots['speaker'].label} said was linked to "
                    f"{slots['topic'].label}; all that was said"
                )
                it.template, it.slots = BY_ID["statement_by"], speaker
                return answers, sparql
        if template.each and it.event_classes and len({f.iri for f in slots.values()}) >= 2:
            # Only when the question names the kind of event ("the possible sale", "a
            # press conference"): the kind then narrows the events of fewer entities.
            answers, sparql = self._attempt(it, template, slots, lexicon, lookups, partial=True)
            if answers:
                it.relaxed = "no event involves all of them; events involving most of them"
                return answers, sparql
        return [], first

    def _attempt(
        self,
        it: Interpretation,
        template: Template,
        slots: dict[str, Found],
        lexicon: Lexicon,
        lookups: Lookups,
        *,
        partial: bool = False,
        raw: bool = False,
    ) -> tuple[list[Answer], str]:
        bindings = {name: found.iri for name, found in slots.items()}
        rows, sparql = self.run(template, bindings, singles=partial)
        if template.classes:
            allowed: set[URIRef] = set()
            for cls in template.classes:
                allowed |= lexicon.descendants(cls)
            rows = [r for r in rows if r.get("cls") in allowed or r.get("cls") == DD.WeaponSystem]
        if template.id in _ROLE_TEMPLATES:
            rows, sparql = self._role_rows(it, rows, sparql, lookups)
        answers = self._group(template, it, slots, rows, lexicon, lookups, partial)
        if template.id == "profile":
            facts = self._facts(slots["x"], lexicon, lookups)
            answers = ([facts] if facts is not None else []) + answers
        answers = self._filter(it, template, answers, lexicon, lookups)
        if raw:
            return answers, sparql
        return self._finish(it, answers), sparql

    def _finish(self, it: Interpretation, answers: list[Answer]) -> list[Answer]:
        answers.sort(
            key=lambda a: (
                *[-r for r in a.rank],
                -len(a.articles),
                -len(a.sentences),
                a.first,
            )
        )
        if it.mode == "count":
            return _count(answers)
        if it.mode == "yes_no":
            return _yes(it, answers)
        return answers[: self.max_answers]

    # -- grouping rows into answers ------------------------------------------------------

    def _group(
        self,
        template: Template,
        it: Interpretation,
        slots: dict[str, Found],
        rows: list,
        lexicon: Lexicon,
        lookups: Lookups,
        partial: bool,
    ) -> list[Answer]:
        kind = template.render
        answers: dict[str, Answer] = {}
        coverage = _coverage(it, slots, rows, partial) if template.each else {}
        described: set[Term] = set()

        def add(key: str, value: Term | None, row: dict[str, Term]) -> Answer:
            answer = answers.get(key)
            if answer is None:
                answer = answers[key] = Answer(key, value, len(answers))
            answer.add(row)
            return answer

        needs_event = kind in {"date", "deadline", "value", "quantity", "terms", "quote"}
        if kind in {"date", "value", "quantity", "terms", "quote"}:
            # The events whose attributes the keys read, in one query: the first
            # MAX_DESCRIBED distinct ones, as the loop below takes them.
            wanted: dict[Term, None] = {}
            for row in rows:
                event = row.get("e")
                if event is None or (template.each and event not in coverage):
                    continue
                if len(wanted) >= MAX_DESCRIBED:
                    break
                wanted[event] = None
            lookups.prefetch("describe", wanted)
        for row in rows:
            event = row.get("e")
            if template.each:
                if event not in coverage:
                    continue
                rank = coverage[event]
            else:
                rank = ()
            if needs_event:
                if event is None or (len(described) >= MAX_DESCRIBED and event not in described):
                    continue
                described.add(event)
            keys = self._keys(kind, row, lookups, lexicon)
            for key, value in keys:
                answer = add(key, value, row)
                if rank and (not answer.rank or rank > answer.rank):
                    answer.rank = rank
        return list(answers.values())

    def _keys(
        self, kind: str, row: Mapping[str, Term], lookups: Lookups, lexicon: Lexicon
    ) -> list[tuple[str, Term | None]]:
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

    # -- filtering -----------------------------------------------------------------------

    def _filter(
        self,
        it: Interpretation,
        template: Template,
        answers: list[Answer],
        lexicon: Lexicon,
        lookups: Lookups,
    ) -> list[Answer]:
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
                answers = [a for a in answers if _category_fits(lookups.categories(a.value), it)]  # type: ignore[arg-type]
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
                            _category_fits(lookups.categories(eq), it)
                            for eq in lookups.describe(r["e"]).get(DD.equipment, [])
                        )
                    ]
                answers = [a for a in answers if a.rows]
        return answers

    # -- presenting -------------------------------------------------------------------------

    def _prefetch(self, answers: list[Answer], it: Interpretation, lookups: Lookups) -> None:
        """Read what :meth:`_present` shows of every answer in a few queries, not one
        per answer: events and articles first, then the names in them."""
        template = it.template
        assert template is not None
        kinds = {
            a.key: template.render if a.key not in {"count", "yes", "fact"} else a.key
            for a in answers
        }
        described: list[Term] = []  # events and articles
        named: list[Term] = []  # entities shown by label
        for answer in answers:
            kind = kinds[answer.key]
            if kind == "count":
                named.extend(answer.events)
            elif kind == "entity" and answer.value is not None:
                named.append(answer.value)
            elif kind == "article" and answer.value is not None:
                described.append(answer.value)
            elif kind in {"position", "profile", "quantity"} and answer.events:
                described.append(answer.events[0])
            elif kind == "event":
                described.extend(answer.events[:3])
            if not answer.evidence:
                described.extend(_evidence_rows(answer.rows, "article"))
            described.extend(answer.events[:5])  # their confidence
        lookups.prefetch_all({"describe": described, "label": named})
        roles: list[Term | None] = []
        for answer in answers:
            kind = kinds[answer.key]
            if kind == "event":
                roles.extend(lookups.role_values(answer.events[:3]))
            elif kind == "profile" and answer.events:
                roles.extend(lookups.role_values(answer.events[:1]))
            elif kind == "position" and answer.events:
                roles.append(lookups.first(answer.events[0], DD.organization))
            elif kind == "quantity" and answer.events:
                roles.append(lookups.first(answer.events[0], DD.equipment))
        written = [
            a.value
            for a in answers
            if kinds[a.key] == "entity"
            and isinstance(a.value, URIRef)
            and self._as_written_needs_names(a, lookups.label(a.value))
        ]
        # None in roles: an event without an organization or equipment.
        lookups.prefetch_all({"label": roles, "alt_names": written})

    def _present(
        self, answer: Answer, it: Interpretation, lexicon: Lexicon, lookups: Lookups
    ) -> None:
        """Text, IRI, evidence and details of one answer that is shown."""
        template = it.template
        assert template is not None
        kind = template.render if answer.key not in {"count", "yes", "fact"} else answer.key
        value = answer.value
        if kind == "count":
            shown = [lookups.label(v) if isinstance(v, URIRef) else str(v) for v in answer.events]
            answer.detail = ", ".join(shown[:20])
        if kind == "entity":
            answer.text = lookups.label(value)  # type: ignore[arg-type]
            answer.iri = str(value)
            written = self._as_written(answer, lookups)
            if written:
                answer.text = f"{answer.text} ({written})"
        elif kind == "article":
            meta = lookups.describe(value)  # type: ignore[arg-type]
            title = one(meta, URIRef(DCTERMS + "title")) or one(meta, URIRef(SDO + "url"))
            answer.text = str(title or value)
            answer.iri = str(value)
        elif kind == "position":
            org = lookups.first(answer.events[0], DD.organization) if answer.events else None
            answer.text = str(value) + (f" of {lookups.label(org)}" if org is not None else "")
        elif kind == "event":
            answer.text = lexicon.label(value)  # type: ignore[arg-type]
            answer.iri = str(value)
            details = (self._roles_text(e, lexicon, lookups) for e in answer.events[:3])
            answer.detail = " | ".join(dict.fromkeys(d for d in details if d))
        elif kind == "profile":
            label = lexicon.label(value)  # type: ignore[arg-type]
            roles = self._roles_text(answer.events[0], lexicon, lookups)
            answer.text = f"{label} ({roles})" if roles else label
            answer.iri = str(answer.events[0])
        elif kind == "quantity":
            answer.text = str(value)
            if answer.events:
                equipment = lookups.first(answer.events[0], DD.equipment)
                if equipment is not None:
                    answer.detail = lookups.label(equipment)
        elif kind not in {"count", "yes", "fact"}:
            answer.text = str(value)
        if not answer.evidence:
            for row in _evidence_rows(answer.rows):
                answer.evidence.append(lookups.evidence(row["s"], row["sentence"], row["article"]))
        answer.confidence = _confidence(answer, lookups)

    def _as_written_needs_names(self, answer: Answer, text: str) -> bool:
        """Whether the sources wrote none of their sentences with the label ``text``."""
        if not isinstance(answer.value, URIRef) or not any("sentence" in r for r in answer.rows):
            return False
        key = f" {norm(text)} "
        return not any(key in s for s in answer.written())

    def _as_written(self, answer: Answer, lookups: Lookups) -> str:
        """The name the sources used, when it is not the canonical label ("RTX" was
        written "Raytheon Technologies"), so a reader can find it in the evidence."""
        value = answer.value
        if not isinstance(value, URIRef) or not self._as_written_needs_names(answer, answer.text):
            return ""
        sentences = list(answer.written())
        entry = self.finder.gazetteer.entries.get(value)
        adjectives = {norm(d) for d in entry.demonyms} if entry is not None else set()
        for name in sorted(lookups.alt_names(value), key=len, reverse=True):
            key = norm(name)
            if len(key) > 3 and key not in adjectives and any(f" {key} " in s for s in sentences):
                return name
        return ""

    def _roles_text(self, event: Term, lexicon: Lexicon, lookups: Lookups) -> str:
        """ "supplier: Russia; recipient: Turkey; equipment: S-400"."""
        described = lookups.describe(event)
        parts = []
        for role in ROLE_PROPERTIES:
            values = described.get(role)
            if values:
                labels = sorted({lookups.label(v) for v in values})
                parts.append(f"{lexicon.label(role)}: {', '.join(labels)}")
        return "; ".join(parts)

    def _facts(self, entity: Found, lexicon: Lexicon, lookups: Lookups) -> Answer | None:
        """ "CAATSA: Legal instrument; country: United States", cited by its mentions."""
        rows = self.store.select(_FACTS, {"x": entity.iri}).bindings
        mentions = self.store.select(_MENTIONS, {"x": entity.iri}).bindings
        if not rows and not mentions:
            return None
        lookups.prefetch_all(
            {
                "label": [r["other"] for r in rows if r["role"] != RDF.type],
                "describe": [r["article"] for r in mentions],
            }
        )
        kinds: list[str] = []
        facts: list[str] = []
        for row in rows:
            role, other = row["role"], row["other"]
            if role == RDF.type:
                if isinstance(other, URIRef) and str(other).startswith(str(DD._NS)):
                    kinds.append(lexicon.label(other))
                continue
            facts.append(f"{lexicon.label(role)}: {lookups.label(other)}")  # type: ignore[arg-type]
        described = "; ".join(p for p in [", ".join(sorted(set(kinds))), *sorted(facts)] if p)
        answer = Answer("fact", entity.iri, -1, rank=(1.0,))
        answer.text = f"{entity.label}: {described}" if described else entity.label
        answer.iri = str(entity.iri)
        for row in mentions:
            answer.evidence.append(lookups.evidence(row["s"], row["sentence"], row["article"]))
        answer.rows = [dict(row) for row in mentions]
        return answer

    # -- roles ----------------------------------------------------------------------------

    def _role_rows(
        self, it: Interpretation, rows: list, sparql: str, lookups: Lookups
    ) -> tuple[list, str]:
        """Role holders whose position matches the question's words; other orgs next."""
        org = it.slots["org"].iri
        matched = _match_positions(rows, it.position, it)
        # Then: the other organizations named ("the U.S. envoy to Poland"), the state of a
        # named body ("the Chinese Foreign Ministry"), people of the state whose position
        # was stated without an organization.
        if matched:
            return matched, sparql
        queue = [(BY_ID["role_holder"], f.iri) for f in it.alternates]
        queue += [(BY_ID["role_holder"], c) for c in lookups.countries(org)]
        queue += [(BY_ID["role_holder_unattached"], org)]
        tried = {("role_holder", org)}
        while not matched and queue:
            template, value = queue.pop(0)
            if (template.id, value) in tried:
                continue
            tried.add((template.id, value))
            more, text = self.run(template, {"org": value})
            matched = _match_positions(more, it.position, it)
            if matched:
                sparql = text
        return matched, sparql

    def _resolve_role_refs(self, it: Interpretation, lookups: Lookups) -> None:
        """Replace "the Polish president" (Poland) by the person holding that role."""
        if not it.role_refs or it.template is None:
            return
        for entity, words in it.role_refs:
            names = [n for n, f in it.slots.items() if f.iri == entity.iri]
            if not names:
                continue
            rows, _ = self.run(BY_ID["role_holder"], {"org": entity.iri})
            probe = Interpretation(question=it.question, slots={"org": entity})
            matched = _match_positions(rows, words, probe)
            holders = {r["answer"] for r in matched if isinstance(r.get("answer"), URIRef)}
            if len(holders) != 1:
                continue
            holder = holders.pop()
            person = Found(
                holder,
                lookups.label(holder),
                DD.Person,
                entity.text,
                entity.start,
                entity.end,
                "role",
            )
            for name in names:
                it.slots[name] = person
            it.entities.append(person)

    # -- suggestions ------------------------------------------------------------------------

    def suggestions(self, it: Interpretation, limit: int = 3) -> list[str]:
        """Up to ``limit`` questions about the same entities that have answers here."""
        entities = [
            e for e in _distinct(it.entities) if e not in it.excluded and self._mentioned(e)
        ]
        if not entities:
            entities = self._sample_entities()
        family = it.template.family if it.template else ""
        ordered = sorted(
            (t for t in TEMPLATES if len(t.params) == 1 and t.relation != "role_fallback"),
            key=lambda t: (t.family != family, t.id in {"profile", "sources_mentioning"}),
        )
        out: list[str] = []
        tried = 0
        for entity in entities[:3]:
            for template in ordered:
                if len(out) >= limit or tried >= 8:
                    return out
                if entity.kind not in template.params[0].kinds:
                    continue
                if it.template is not None and template.id == it.template.id:
                    continue
                names = {"x": entity.label, template.params[0].name: entity.label}
                question = template.example.format_map(_Default(names))
                if question in out or "?" not in question[:-1] + "?":
                    continue
                tried += 1
                if self.ask(question, suggest=False)["answers"]:
                    out.append(question)
        return out

    def _mentioned(self, entity: Found) -> bool:
        return bool(self.store.select(_MENTIONS, {"x": entity.iri}).bindings)

    def _sample_entities(self) -> list[Found]:
        rows = self.store.select(
            "SELECT ?x WHERE { ?e dd:evidence ?s ; dd:recipient|dd:equipment|dd:target ?x } LIMIT 3"
        )
        lookups = self.lookups()
        out = []
        for row in rows:
            x = row.get("x")
            if isinstance(x, URIRef):
                kinds = lookups.types(x)
                cls = next((c for c in (DD.State, DD.WeaponSystem, DD.Company) if c in kinds), None)
                if cls is not None:
                    label = lookups.label(x)
                    out.append(Found(x, label, cls, label, 0, 0, "sample"))
        return out


# -- helpers ---------------------------------------------------------------------------------


# Words of a question that say nothing a sentence must repeat.
_GENERIC = frozenset(
    stem(w)
    for w in (
        "hold happen go going regard regarding do doing 's she he they we it them him "
        "take took involve involved relate related concern concerning say said according "
        "article report reported describe described call called know known worth value "
        "cost total number amount mention mentioned mentions sign signed seal sealed ink "
        "inked reach reached conclude concluded plan planned"
    ).split()
)


FEW = 40  # sentences of one answer read by the checks: a popular fact is told thousands of times


def _few(sentences: Iterable[Term]) -> list[Term]:
    return sorted(sentences, key=str)[:FEW]


def _few_texts(answer: Answer) -> list[str]:
    """The distinct sentences of an answer, at most :data:`FEW` of them."""
    texts = dict.fromkeys(str(r["sentence"]) for r in answer.rows if "sentence" in r)
    return list(texts)[:FEW]


WORDS_FILE = Path("/usr/share/dict/words")  # Debian: wamerican (.ci/apt-packages.txt)


@functools.cache
def english_words() -> frozenset[str]:
    """Debian's English word list (package ``wamerican``), lowercased; empty without it
    (then no ordinary word is mended)."""
    try:
        text = WORDS_FILE.read_text(encoding="utf-8", errors="replace")
    except OSError:
        return frozenset()
    return frozenset(line.strip().lower() for line in text.splitlines() if line.strip())


_ROLE_TEMPLATES = frozenset({"role_holder", "role_holder_unattached"})


def _weakly_carried(rest: list[str], answers: list[Answer]) -> bool:
    """Whether the best answer's sentences hold at most half of the question's words
    that the template did not read (two or more of them)."""
    if len(rest) < 2:
        return False
    texts = _few_texts(answers[0])
    return sum(_carries(texts, [w]) for w in rest) / len(rest) <= 0.5


def _carries(texts: Iterable[str], words: Iterable[str]) -> bool:
    stems = {t.stem for text in texts for t in tokenize(text) if t.is_word}
    return any(_ASPECT.get(word, frozenset({word})) & stems for word in words)


# Verbs of aspect written one way in a question and another in the article ("start
# receiving" / "began delivering"): each stands for its group.
_ASPECT: dict[str, frozenset[str]] = {
    stem(word): group
    for words in ("start begin began begun commence", "finish complete end", "resume continue")
    for group in [frozenset(stem(w) for w in words.split())]
    for word in words.split()
}


_SOURCE = re.compile(r",?\s*\baccording\s+to\s+[^,?]+,?", re.I)


def unread_words(
    question: str, it: Interpretation, lexicon: Lexicon, want: Asked | None
) -> list[str]:
    """The question's content words that no entity and no lexicon label accounts for
    (``want`` is what the question asks for, :func:`kg.qa.asked.asked`)."""
    want = want or _NO_KIND
    # Who reported it is not part of what is asked ("..., according to the website").
    question = _SOURCE.sub(" ", question)
    words = keywords(question, it.entities, want)
    tokens = [t for t in tokenize(question) if t.is_word]
    hits = find_hits(lexicon, [t.stem for t in tokens])
    read = {tokens[i].stem for hit in hits for i in range(hit.start, hit.end)}
    read |= {t.stem for t in tokenize(it.position_text)} | set(it.position)
    return [w for w in words if w not in read and w not in _GENERIC and w not in POSITION_STEMS]


def _confidence(answer: Answer, lookups: Lookups) -> float | None:
    """The highest extraction confidence among the events an answer comes from."""
    found = []
    for event in answer.events[:5]:
        value = lookups.first(event, DD.confidence)
        if value is None:
            continue
        try:
            found.append(float(str(value)))
        except ValueError:
            continue
    return round(max(found), 2) if found else None


def _read_payload(read: Read, lookups: Lookups) -> dict[str, Any]:
    sentence = read.sentence
    return {
        "text": read.text,
        "iri": read.iri,
        "confidence": read.confidence,
        "tier": "sentence",
        "evidence": [lookups.evidence(sentence.node, Literal(sentence.text), sentence.article)],
    }


def _distinct(entities: Iterable[Found]) -> list[Found]:
    seen: set[URIRef] = set()
    out = []
    for e in entities:
        if e.iri not in seen:
            seen.add(e.iri)
            out.append(e)
    return out


def _evidence_rows(rows: list[dict[str, Term]], key: str | None = None) -> list[Any]:
    """The rows an answer cites: the first MAX_EVIDENCE with distinct sentences (or,
    with ``key``, those rows' values of ``key``)."""
    seen: set[Term] = set()
    out: list[Any] = []
    for row in rows:
        if len(out) >= MAX_EVIDENCE:
            break
        if "s" in row and "sentence" in row and row["s"] not in seen:
            seen.add(row["s"])
            out.append(row if key is None else row[key])
    return out


def _category_fits(categories: set[URIRef], it: Interpretation) -> bool:
    """An unknown category fits; a known one must be among those the question names."""
    return not categories or bool(categories & it.categories)


def _coverage(
    it: Interpretation, slots: dict[str, Found], rows: list, partial: bool
) -> dict[Term, tuple[float, ...]]:
    """Events that involve enough of the question's entities, with a rank for each.

    The query returns events involving a pair of them; with one or two distinct
    entities an event must involve all, with three two will do (``partial``: as many
    as any event involves). Events of a class the
    question names (a summit, a deal) are kept when the question names one, and rank
    first when named exactly.
    """
    template = it.template
    wanted = {f.iri for f in slots.values()}
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
    if partial:
        need = max((len(found[e] & wanted) for e in hinted), default=0) or 1
    out: dict[Term, tuple[float, ...]] = {}
    for event, covered in found.items():
        if len(covered & wanted) < need or event not in hinted:
            continue
        exact = 1.0 if classes.get(event) in it.exact_classes else 0.0
        out[event] = (float(len(covered & wanted)), exact)
    return out


@functools.lru_cache(maxsize=4096)
def position_words(text: str) -> frozenset[str]:
    """Normalized words of a position ("Secretary of Defense" = "defence secretary");
    remembered, as the same positions come back in every role question."""
    out = set()
    for token in tokenize(text):
        if not token.is_word or token.norm in _POSITION_STOP:
            continue
        s = stem(token.text)
        out.add(POSITION_SYNONYMS.get(s, s))
    return frozenset(out)


def _match_positions(rows: list, words: tuple[str, ...], it: Interpretation) -> list:
    """Rows whose position has exactly the question's words, else the closest superset;
    for an office asked by what it is ("head of state"), the titles that hold it."""
    wanted = frozenset(POSITION_SYNONYMS.get(w, w) for w in words if w not in _POSITION_STOP)
    if not wanted:
        return []
    for phrase, titles in POSITION_PHRASES.items():
        if phrase <= wanted:
            for title in titles:
                found = _match_title(rows, title | (wanted - phrase), it)
                if found:
                    return found
    return _match_title(rows, wanted, it)


def _match_title(rows: list, wanted: frozenset[str], it: Interpretation) -> list:
    names: set[str] = set()
    for found in [*it.slots.values(), *it.alternates]:
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
    total = Answer("count", None, 0)
    total.text = str(len(answers))
    for answer in answers:
        total.rows.extend(answer.rows)
    total.events = [a.value for a in answers if a.value is not None]  # labelled when shown
    return [total]


def _yes(it: Interpretation, answers: list[Answer]) -> list[Answer]:
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


# -- formatting values ---------------------------------------------------------------------------


def format_date(value: Term, precision: Term | None, end: Term | None, text: Term | None) -> str:
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
            if int(end_parts[2][:2]) != day:
                base = f"{_MONTHS[month - 1]} {day}-{int(end_parts[2][:2])}, {year}"
        elif len(end_parts) == 3:
            month_end = _MONTHS[int(end_parts[1]) - 1]
            base += f" to {month_end} {int(end_parts[2][:2])}, {end_parts[0]}"
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


def format_value(value: Term | None, currency: Term | None, text: Term | None) -> str:
    """The value as the article wrote it, else the number in words ("$4.6 billion").

    >>> format_value(Literal(4.6e9), Literal("USD"), None)
    '$4.6 billion'
    """
    if text is not None:
        return str(text)
    if value is None:
        return ""
    try:
        amount = Decimal(str(value))
    except InvalidOperation:
        return str(value)
    code = str(currency or "")
    scales = (
        (Decimal(10) ** 12, "trillion"),
        (Decimal(10) ** 9, "billion"),
        (Decimal(10) ** 6, "million"),
    )
    scale = next(((size, name) for size, name in scales if abs(amount) >= size), None)
    if scale is None:
        number, word = f"{amount:,.0f}", ""
    else:
        number = f"{(amount / scale[0]):.2f}".rstrip("0").rstrip(".")
        word = scale[1]
    sign = _CURRENCY_SIGNS.get(code)
    words = f"{number} {word}".strip()
    return f"{sign}{words}" if sign else f"{words} {code}".strip()


def format_quantity(value: Term) -> str:
    """A count, with its word for small numbers ("3 (three)") as articles often spell them.

    >>> format_quantity(Literal(32)), format_quantity(Literal(3))
    ('32', '3 (three)')
    """
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
    labels: dict[str, str] = {name: f.label for name, f in it.slots.items()}
    distinct = [f.label for f in _distinct(it.slots.values())]
    labels["entities"] = (
        " and ".join(distinct)
        if len(distinct) <= 2
        else ", ".join(distinct[:-1]) + f" and {distinct[-1]}"
    )
    labels.setdefault("x", distinct[0] if distinct else "?")
    labels["position"] = it.position_text or " ".join(it.position)
    text = template.reading.format_map(_Default(labels))
    extras = []
    if it.categories and template.answer == "equipment":
        extras.append("only " + ", ".join(sorted(lexicon.label(c) for c in it.categories)))
    if it.excluded:
        extras.append("leaving out " + ", ".join(f.label for f in it.excluded))
    if it.event_classes and template.each and template.id != "relations_between":
        named = (
            sorted({lexicon.label(c) for c in it.exact_classes})
            or sorted({lexicon.label(c) for c in it.event_classes if c != DD.Event})[:4]
        )
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


def not_stated(it: Interpretation, reading_text: str) -> str:
    """The reading of a yes/no question no stored fact answers: not stated, never "no"
    (the articles not saying something is no evidence against it)."""
    return f"The articles do not state it. {reading_text}"


class _Default(dict[str, str]):
    def __missing__(self, key: str) -> str:
        return "?"
