"""A question asked again on an unchanged store is answered from the kept answer; any write
makes the next one read the store again."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from flask import Flask

from kg.qa import Answerer
from kg.store import EmbeddedStore, Store
from service.ask import answerer
from service.caches import AnswerCache
from tests.service.conftest import close_app, make_app

QUESTION = "Who supplies the S-400 to Turkey?"


@pytest.fixture
def ask_app(samples_trig: bytes) -> Iterator[tuple[Flask, Store]]:
    store = EmbeddedStore(None)
    store.load(samples_trig, "trig")
    app = make_app(store)
    yield app, store
    close_app(app)
    store.close()


def questions_read(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The questions the answerer reads from now on (a kept answer is not read)."""
    asked: list[str] = []
    original = Answerer.ask

    def counting(self: Answerer, question: str) -> object:
        asked.append(question)
        return original(self, question)

    monkeypatch.setattr(Answerer, "ask", counting)
    return asked


def test_a_repeated_question_is_read_once_until_the_store_changes(
    ask_app: tuple[Flask, Store], monkeypatch: pytest.MonkeyPatch
) -> None:
    app, store = ask_app
    asked = questions_read(monkeypatch)
    client = app.test_client()
    first = client.get("/api/ask", query_string={"q": QUESTION})
    again = client.get("/api/ask", query_string={"q": QUESTION})
    assert first.status_code == again.status_code == 200
    assert first.get_json()["answers"] == again.get_json()["answers"]
    assert [a["text"] for a in again.get_json()["answers"]] == ["Russia"]
    assert len(asked) == 1

    store.update("INSERT DATA { GRAPH <https://example.org/g> { <x:a> <x:b> <x:c> } }")
    client.get("/api/ask", query_string={"q": QUESTION})
    assert len(asked) == 2


def test_kept_answers_are_bounded_and_dropped_with_their_generation() -> None:
    cache = AnswerCache(limit=2)
    assert cache.get(1, "a") is None
    for question in ("a", "b", "c"):
        cache.put(1, question, question.encode())
    assert cache.get(1, "a") is None and cache.get(1, "c") == b"c"
    cache.put(0, "old", b"read while the store changed")
    assert cache.get(1, "old") is None
    assert cache.get(2, "c") is None  # a new generation starts empty


def test_with_no_answers_kept_every_question_is_read(
    samples_trig: bytes, monkeypatch: pytest.MonkeyPatch
) -> None:
    """ATTACHE_KEPT_ANSWERS=0: what bench/load.py --no-kept-answers and --uncached measure."""
    store = EmbeddedStore(None)
    store.load(samples_trig, "trig")
    app = make_app(store, kept_answers=0)
    asked = questions_read(monkeypatch)
    client = app.test_client()
    for _ in range(2):
        assert client.get("/api/ask", query_string={"q": QUESTION}).status_code == 200
    assert len(asked) == 2
    close_app(app)
    store.close()


def test_the_answerer_keeps_as_many_rows_of_reads_as_ATTACHE_KEPT_READS_says(
    samples_trig: bytes,
) -> None:
    """ATTACHE_KEPT_READS=0 (with ATTACHE_KEPT_ANSWERS=0): what bench/load.py --uncached
    measures, every question read from the store."""
    store = EmbeddedStore(None)
    store.load(samples_trig, "trig")
    for kept_reads, keeps in ((0, False), (50, True)):
        app = make_app(store, kept_answers=0, kept_reads=kept_reads)
        client = app.test_client()
        for _ in range(2):
            assert client.get("/api/ask", query_string={"q": QUESTION}).status_code == 200
        with app.app_context():
            kept = answerer().kept
        assert kept.limit == kept_reads and kept.keeps is keeps
        assert 0 < kept.kept_rows <= 50 if keeps else len(kept) == 0
        close_app(app)
    store.close()
