"""Relations between two entities are read from a few selective queries, with or without
the event index kept per store generation, and give the same rows, in the same order, as
the template's one query."""

from __future__ import annotations

import gc
import itertools
import threading
from typing import Any

import pytest
from rdflib import Literal, URIRef

from kg.qa import Answerer, event_index
from kg.qa.between import queries, rows_between
from kg.qa.event_index import EventIndex, key, read_index
from kg.qa.templates import header_params, load_queries
from kg.store import EmbeddedStore, Store
from kg.store.base import Bindings, Rows
from kg.store.kept import KeptReads
from kg.vocab import DD

RES = "https://w3id.org/attache/resource/"
ART = "https://w3id.org/attache/article/"
GERMANY, NATO, TURKEY, US, RES_NOBODY = (
    URIRef(RES + n) for n in ("germany", "nato", "turkey", "united-states", "nobody")
)
TEMPLATE = load_queries()["relations_between"]


def template_rows(store: Store, pairs: list[tuple[URIRef, URIRef]]) -> list[dict[str, Any]]:
    """What the template gives for ``pairs``, run after one another."""
    return [row for x, y in pairs for row in store.select(TEMPLATE, {"x": x, "y": y}).bindings]


def between(
    store: Store, pairs: list[tuple[URIRef, URIRef]], indexed: bool
) -> list[dict[str, Any]] | None:
    """The rows read by :func:`rows_between`, with the store's event index or without."""
    index = read_index(store) if indexed else None
    return rows_between(KeptReads(store), pairs, index=index)


INDEXED = pytest.mark.parametrize("indexed", [False, True], ids=["read", "indexed"])


def test_the_queries_are_valid_sparql_and_name_their_params(qa_store: Store) -> None:
    values = {
        "x": TURKEY,
        "y": US,
        "e": URIRef(ART + "qa-nato-summit#e0"),
        "s": URIRef(ART + "qa-nato-summit#s0"),
    }
    for text in queries().values():
        params = header_params(text)
        assert params
        qa_store.select(text, {p: values[p] for p in params})


def test_the_index_reads_are_valid_sparql_and_bind_nothing(qa_store: Store) -> None:
    for name, text in event_index.queries().items():
        assert text.startswith(f"# {name}:")
        assert header_params(text) == ["(none)"]
        assert qa_store.select(text).bindings


@INDEXED
@pytest.mark.parametrize(
    "pair",
    [(US, TURKEY), (TURKEY, US), (NATO, GERMANY), (GERMANY, NATO)],
)
def test_the_rows_are_the_templates_including_a_party_standing_for_a_state(
    qa_store: Store, pair: tuple[URIRef, URIRef], indexed: bool
) -> None:
    expected = template_rows(qa_store, [pair])
    assert between(qa_store, [pair], indexed) == expected
    if pair == (NATO, GERMANY):
        # The summit: NATO organized it, Germany's chancellor attended (dd:country).
        assert {row["e"] for row in expected} == {URIRef(ART + "qa-nato-summit#e0")}
        assert len(expected) == 2  # the summit is told in two sentences


@INDEXED
def test_pairs_of_three_entities_give_the_templates_rows_in_the_order_of_the_pairs(
    qa_store: Store, indexed: bool
) -> None:
    pairs = list(itertools.permutations([US, TURKEY, GERMANY], 2))
    assert between(qa_store, pairs, indexed) == template_rows(qa_store, pairs)


def test_the_index_holds_each_events_row_and_the_events_of_a_states_people(
    qa_store: Store,
) -> None:
    index = read_index(qa_store)
    summit, membership = URIRef(ART + "qa-nato-summit#e0"), URIRef(ART + "qa-nato-summit#e1")
    assert index.row(membership) == {
        "e": membership,
        "cls": DD.MembershipChange,
        "s": URIRef(ART + "qa-nato-summit#s2"),
        "sentence": Literal("Finland later became the alliance's 31st member, in April 2023."),
        "article": URIRef(ART + "qa-nato-summit"),
    }
    assert index.row(summit) is None and key(summit) in index.uneven  # two sentences
    assert index.row(URIRef(ART + "qa-nato-summit#r0")) is None  # a role assignment
    assert key(summit) in index.through(GERMANY)  # its chancellor took part
    assert index.through(RES_NOBODY) == set()


def test_the_index_holds_iris_and_texts_as_strings_the_collector_does_not_walk(
    qa_store: Store,
) -> None:
    """A full collection walks every object it tracks; rdflib's terms are tracked."""
    index = read_index(qa_store)
    gc.collect()
    held = [*index.told.items(), *index.events_of_body.items(), *index.bodies_of.items()]
    assert held and not any(gc.is_tracked(item) for pair in held for item in pair)


def add_relations(store: EmbeddedStore, count: int, sentences: int = 2) -> None:
    """``count`` events of Turkey, each in its own article and told in ``sentences``
    sentences: every third has the United States as a party, every third one of its
    bodies, some role assignments and negated events among them, so that the template's
    order and its filters are both tested."""
    store.update(
        f"INSERT DATA {{ GRAPH <{ART}between-entities> {{ "
        f"<{RES}pentagon> a dd:GovernmentBody ; dd:country <{US}> . }} }}"
    )
    graphs = []
    for i in range(count):
        article = f"{ART}between-{i}"
        other = [f"dd:target <{US}>", f"dd:participant <{RES}pentagon>", f"dd:target <{RES}x{i}>"]
        kind = "dd:RoleAssignment" if i % 7 == 0 else "dd:SanctionThreat"
        modality = "dd:negated" if i % 5 == 0 else "dd:asserted"
        told = " ".join(
            f'<{article}#s{n}> dd:text "Sentence {n} of {i}." ; dd:inArticle <{article}> .'
            for n in range(1, sentences + 1)
        )
        evidence = ", ".join(f"<{article}#s{n}>" for n in range(1, sentences + 1))
        graphs.append(
            f"GRAPH <{article}> {{ <{article}#e1> a {kind} ; dd:actor <{TURKEY}> ; "
            f"{other[i % 3]} ; dd:evidence {evidence} ; dd:modality {modality} . {told} }}"
        )
    store.update("INSERT DATA { " + "\n".join(graphs) + " }")


@INDEXED
@pytest.mark.parametrize("sentences", [1, 2])
def test_many_events_come_in_the_templates_order(
    fresh_store: EmbeddedStore, indexed: bool, sentences: int
) -> None:
    add_relations(fresh_store, 120, sentences)
    pairs = [(TURKEY, US), (US, TURKEY)]
    expected = template_rows(fresh_store, pairs)
    assert len({row["e"] for row in expected}) > 50
    assert between(fresh_store, pairs, indexed) == expected


def test_a_sentence_told_in_two_texts_or_in_none_gives_the_templates_rows(
    fresh_store: EmbeddedStore,
) -> None:
    """Neither as extraction writes them: the event of a sentence with two texts is read
    as the template reads it, and one whose sentence has no text gives no row."""
    add_relations(fresh_store, 30, 1)
    fresh_store.update(
        f'INSERT DATA {{ GRAPH <{ART}between-1> {{ <{ART}between-1#s1> dd:text "Again." }} }} ;'
        f"DELETE WHERE {{ GRAPH <{ART}between-2> {{ <{ART}between-2#s1> dd:text ?text }} }}"
    )
    pairs = [(TURKEY, US), (US, TURKEY)]
    expected = template_rows(fresh_store, pairs)
    assert {str(row["sentence"]) for row in expected} >= {"Again.", "Sentence 1 of 1."}
    index = read_index(fresh_store)
    assert key(URIRef(ART + "between-1#e1")) in index.uneven
    assert URIRef(ART + "between-2#e1") not in {row["e"] for row in expected}
    assert between(fresh_store, pairs, True) == expected


class Recording:
    """A store that notes the text of every SELECT sent to ``inner``."""

    def __init__(self, inner: Store) -> None:
        self.inner = inner
        self.kind = inner.kind
        self.capabilities = inner.capabilities
        self.sent: list[str] = []

    def __getattr__(self, name: str) -> Any:
        return getattr(self.inner, name)

    def select(self, query: str, bindings: Bindings | None = None) -> Rows:
        self.sent.append(query)
        return self.inner.select(query, bindings)


def test_the_answerer_reads_relations_between_two_entities_without_the_template(
    qa_store: Store,
) -> None:
    """With reads kept, from the event index, read once while the store is unchanged: the
    first question is answered while it is read, the next from it."""
    store = Recording(qa_store)
    answerer = Answerer(store)
    answers = answerer.ask("What happened between NATO and Germany?")["answers"]
    assert kinds(answers) == ["Summit"]
    assert answerer.events.wait(30)
    store.sent.clear()
    answers = answerer.ask("What happened between NATO and Germany?")["answers"]
    assert kinds(answers) == ["Summit"]
    answerer.ask("What happened between Turkey and the United States?")
    assert not any(TEMPLATE in text for text in store.sent)
    assert not any(queries()["through_bodies"] in text for text in store.sent)
    assert not any(event_index.queries()["told"] in text for text in store.sent)


def kinds(answers: list[dict]) -> list[str]:
    """The kinds of event answered (each answer's class, by its local name)."""
    return [a["iri"].rsplit("#", 1)[1] for a in answers]


class Stalled(Recording):
    """A store whose event-index reads wait until ``release`` is set (at most 30 s)."""

    def __init__(self, inner: Store) -> None:
        super().__init__(inner)
        self.release = threading.Event()

    def select(self, query: str, bindings: Bindings | None = None) -> Rows:
        if query in event_index.queries().values():
            self.release.wait(30)
        return super().select(query, bindings)


def test_a_relations_question_does_not_wait_for_the_event_index(qa_store: Store) -> None:
    """The index of a large store takes seconds to read (16-19 s at 5M triples): the
    question that asks for it first, and those asked while it is read, are answered
    from selective reads without it."""
    store = Stalled(qa_store)
    answerer = Answerer(store)
    for _ in range(2):
        answers = answerer.ask("What happened between NATO and Germany?")["answers"]
        assert kinds(answers) == ["Summit"]
    assert any(queries()["through_bodies"] in text for text in store.sent)
    assert not answerer.events.wait(0.01)  # still reading
    store.release.set()
    assert answerer.events.wait(30)
    assert answerer.events.get(answerer.kept) is not None


def test_an_index_read_in_the_caller_is_kept_at_once(qa_store: Store) -> None:
    index = event_index.KeptEventIndex(background=False)
    kept = KeptReads(qa_store)
    first = index.get(kept)
    assert first is not None and first.told
    assert index.get(kept) is first
    index.forget()
    assert index.get(kept) is not first


def test_with_no_reads_kept_the_answerer_reads_each_relation_without_an_index(
    qa_store: Store,
) -> None:
    store = Recording(qa_store)
    answers = Answerer(store, kept_reads=0).ask("What happened between NATO and Germany?")
    assert kinds(answers["answers"]) == ["Summit"]
    assert any(queries()["through_bodies"] in text for text in store.sent)
    assert not any(event_index.queries()["told"] in text for text in store.sent)


def test_an_event_written_after_a_question_is_in_the_next_answer(
    fresh_store: EmbeddedStore,
) -> None:
    """The index is read again once the store has changed: a deal that Germany's
    chancellor signed with NATO, written after the first question, answers the second."""
    answerer = Answerer(fresh_store)
    question = "What happened between NATO and Germany?"
    assert kinds(answerer.ask(question)["answers"]) == ["Summit"]
    article = f"{ART}between-later"
    fresh_store.update(
        f"INSERT DATA {{ GRAPH <{article}> {{ <{article}#e1> a dd:ArmsDeal ; "
        f"dd:supplier <{NATO}> ; dd:recipient <{RES}angela-merkel> ; "
        f"dd:evidence <{article}#s1> ; dd:modality dd:asserted ; dd:confidence 0.9 . "
        f'<{article}#s1> dd:text "NATO sold Merkel a tank." ; dd:inArticle <{article}> . }} }}'
    )
    assert sorted(kinds(answerer.ask(question)["answers"])) == ["ArmsDeal", "Summit"]


def test_an_index_of_an_empty_store_holds_nothing() -> None:
    store = EmbeddedStore(None)
    assert read_index(store) == EventIndex({}, frozenset(), {}, {})
    store.close()
