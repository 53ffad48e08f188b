"""Fixtures for question answering: hand-written graphs in the shape events take.

``tests/data/qa/*.trig`` hold one named graph per made-up article (article node,
sentences, entities with labels and normalized labels, n-ary events), written for
these tests in the shape ``ontology/README.md`` documents.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from kg.ontology import ensure_ontology
from kg.qa import Answerer
from kg.store import EmbeddedStore, Store

QA_DATA = Path(__file__).resolve().parents[2] / "data" / "qa"


def fixture_store() -> EmbeddedStore:
    """A new in-memory store with the ontology and every QA fixture graph."""
    store = EmbeddedStore(None)
    for path in sorted(QA_DATA.glob("*.trig")):
        store.load(path.read_bytes(), "trig")
    ensure_ontology(store)
    return store


@pytest.fixture(scope="session")
def qa_store() -> Iterator[Store]:
    """The QA fixtures, shared and read-only (tests that write make their own)."""
    store = fixture_store()
    yield store
    store.close()


@pytest.fixture(scope="session")
def answerer(qa_store: Store) -> Answerer:
    return Answerer(qa_store)


@pytest.fixture
def fresh_store() -> Iterator[EmbeddedStore]:
    """The QA fixtures in a store of the test's own, which it may change."""
    store = fixture_store()
    yield store
    store.close()


@pytest.fixture
def word_list() -> None:
    """The English word list (Debian ``wamerican``) that mending and British spellings
    need: skipped locally when missing, a failure in CI, which installs it from
    .ci/apt-packages.txt."""
    import os

    from kg.qa.english import english_words

    if not english_words():
        message = "/usr/share/dict/words is missing (wamerican, in .ci/apt-packages.txt)"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
