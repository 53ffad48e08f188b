"""Reads kept per store generation: a repeated SELECT is read once until the store changes."""

from __future__ import annotations

from typing import Any

from kg.store import EmbeddedStore, Rows
from kg.store.base import Bindings
from kg.store.kept import KeptReads

QUERY = "SELECT ?o WHERE { ?s ?p ?o }"
WRITE = (
    "INSERT DATA { GRAPH <https://example.org/g> "
    "{ <https://example.org/a> <https://example.org/p> %d } }"
)


class Counting:
    """A store that counts the SELECTs that reach it (and may drop its generation)."""

    def __init__(self, store: EmbeddedStore, *, generation: bool = True) -> None:
        self.store = store
        self.kind = store.kind
        self.capabilities = store.capabilities
        self.selects = 0
        self.has_generation = generation

    @property
    def generation(self) -> int | None:
        return self.store.generation if self.has_generation else None

    def select(self, query: str, bindings: Bindings | None = None) -> Rows:
        self.selects += 1
        return self.store.select(query, bindings)

    def __getattr__(self, name: str) -> Any:
        return getattr(self.store, name)


def test_a_repeated_select_is_read_once_until_a_write() -> None:
    counting = Counting(EmbeddedStore(None))
    kept = KeptReads(counting)  # type: ignore[arg-type]
    kept.update(WRITE % 1)
    first = kept.select(QUERY)
    assert kept.select(QUERY).bindings == first.bindings and counting.selects == 1
    kept.update(WRITE % 2)
    assert len(kept.select(QUERY)) == 2 and counting.selects == 2


def test_a_store_without_a_generation_is_read_every_time() -> None:
    counting = Counting(EmbeddedStore(None), generation=False)
    kept = KeptReads(counting)  # type: ignore[arg-type]
    kept.select(QUERY)
    kept.select(QUERY)
    assert counting.selects == 2


def test_rows_read_before_a_write_are_not_kept_for_the_generation_after_it() -> None:
    """Another request read the new generation while this read was under way."""
    store = EmbeddedStore(None)
    counting = Counting(store)
    kept = KeptReads(counting)  # type: ignore[arg-type]
    original = counting.select

    def written_meanwhile(query: str, bindings: Bindings | None = None) -> Rows:
        rows = original(query, bindings)
        if query == QUERY:
            store.update(WRITE % 3)
            kept.select("SELECT * WHERE { ?s ?p 3 }")  # the kept reads start the new generation
        return rows

    counting.select = written_meanwhile  # type: ignore[method-assign]
    assert len(kept.select(QUERY)) == 0
    assert len(kept.select(QUERY)) == 1
