"""A question's reads are kept while the store is unchanged: asked again, its template's rows
come from memory; after any write (an ingested article, an ontology edit, a SPARQL update)
the next question reads the store afresh and sees what was written."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from typing import Any

import pytest
from rdflib import URIRef

from kg.articles import Article
from kg.extract import Pipeline
from kg.ingest import Summary, ingest_article
from kg.ontology import ensure_ontology
from kg.ontology.editor import OntologyEditor
from kg.ontology.edits import TermEdit
from kg.ontology.terms import describe_term, resolve_ref
from kg.qa import Answerer
from kg.qa.templates import BY_ID
from kg.store import EmbeddedStore, Rows
from kg.store.base import Bindings

QUESTION = "Who supplies the S-400 to Turkey?"
CHINA = Article(
    text=(
        "China signed a deal on Monday to supply S-400 missile systems to Turkey, the Turkish "
        "defense ministry said."
    ),
    title="China to supply S-400 systems to Turkey",
    date=dt.date(2024, 3, 4),
    url="https://news.attache.example/2024/03/04/china-s400",
)


class Counted:
    """A store that records the SELECTs that reach it; everything else goes through."""

    def __init__(self, store: EmbeddedStore) -> None:
        self.store = store
        self.kind = store.kind
        self.capabilities = store.capabilities
        self.queries: list[str] = []

    @property
    def generation(self) -> int:
        return self.store.generation

    def select(self, query: str, bindings: Bindings | None = None) -> Rows:
        self.queries.append(query)
        return self.store.select(query, bindings)

    def __getattr__(self, name: str) -> Any:
        return getattr(self.store, name)


@pytest.fixture
def samples(samples_trig: bytes) -> Iterator[EmbeddedStore]:
    """The bundled samples in a store of the test's own, which it may write to."""
    store = EmbeddedStore(None)
    store.load(samples_trig, "trig")
    ensure_ontology(store)
    yield store
    store.close()


def answers(answerer: Answerer, question: str = QUESTION) -> list[str]:
    return [a["text"] for a in answerer.ask(question)["answers"]]


def template_reads(answerer: Answerer, counted: Counted, template: str) -> int:
    return counted.queries.count(answerer.queries[template])


def test_a_question_asked_again_reads_its_template_rows_once(samples: EmbeddedStore) -> None:
    counted = Counted(samples)
    answerer = Answerer(counted)  # type: ignore[arg-type]
    first = answerer.ask(QUESTION)
    template = first["interpretation"]["template"]
    assert template_reads(answerer, counted, template) == 1
    again = answerer.ask(QUESTION)
    assert template_reads(answerer, counted, template) == 1
    assert {**again, "elapsed_ms": 0} == {**first, "elapsed_ms": 0}


def test_an_ingested_article_that_changes_the_answer_shows_in_the_next_answer(
    samples: EmbeddedStore, pipeline: Pipeline
) -> None:
    answerer = Answerer(samples)
    assert answers(answerer) == ["Russia"]
    assert answers(answerer) == ["Russia"]  # read from the kept rows
    outcome, _ = ingest_article(samples, CHINA, lambda: pipeline, Summary())
    assert outcome == "new"
    assert answers(answerer) == ["Russia", "China"]


def test_a_sparql_update_or_an_ontology_edit_makes_the_next_question_read_the_store(
    samples: EmbeddedStore,
) -> None:
    counted = Counted(samples)
    answerer = Answerer(counted)  # type: ignore[arg-type]
    template = answerer.ask(QUESTION)["interpretation"]["template"]
    samples.update("INSERT DATA { GRAPH <https://example.org/g> { <x:a> <x:b> <x:c> } }")
    answerer.ask(QUESTION)
    assert template_reads(answerer, counted, template) == 2
    editor = OntologyEditor(samples)
    term = describe_term(editor.snapshot().graph, resolve_ref("dd:recipient"))
    edit = TermEdit.from_json({"alt_labels": [*term["alt_labels"], "procurer"]})
    editor.update(resolve_ref("dd:recipient"), edit, author="alice")
    answerer.ask(QUESTION)
    assert template_reads(answerer, counted, template) == 3


def test_with_no_reads_kept_every_question_reads_the_store(samples: EmbeddedStore) -> None:
    """ATTACHE_KEPT_READS=0: what bench/load.py --uncached measures."""
    counted = Counted(samples)
    answerer = Answerer(counted, kept_reads=0)  # type: ignore[arg-type]
    template = answerer.ask(QUESTION)["interpretation"]["template"]
    answerer.ask(QUESTION)
    assert template_reads(answerer, counted, template) == 2
    assert len(answerer.kept) == 0


def test_the_rows_a_template_hands_out_cannot_be_changed_by_their_reader(
    samples: EmbeddedStore,
) -> None:
    """Kept rows are shared by every question that reads them: a reader that changed one
    would change the answers of the next questions, so it cannot."""
    answerer = Answerer(samples)
    payload = answerer.ask(QUESTION)
    template = BY_ID[payload["interpretation"]["template"]]
    named = {e["label"]: URIRef(e["iri"]) for e in payload["interpretation"]["entities"]}
    russia = URIRef(payload["answers"][0]["iri"])
    turkey = named["Turkey"]
    for _ in range(2):  # read from the store, then from the kept rows
        rows, _ = answerer.run(template, {"equipment": named["S-400"], "recipient": turkey})
        assert rows and rows[0]["answer"] == russia
        with pytest.raises(TypeError):
            rows[0]["answer"] = turkey
        with pytest.raises(TypeError):
            rows[0].pop("answer")
        rows.clear()  # the list is the caller's own: the next reader still gets every row
