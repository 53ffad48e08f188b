"""Reads kept per store generation: a repeated SELECT is read once until the store changes,
at most as many rows as the bound says, and no reader can change the rows it is given."""

from __future__ import annotations

import copy
import pickle
from typing import Any

import pytest

from kg.store import EmbeddedStore, Rows
from kg.store.base import Bindings
from kg.store.kept import FrozenRow, KeptReads

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


TWO_ROWS = "SELECT ?o WHERE { VALUES ?o { %d %d } }"


def test_the_bound_counts_rows_and_drops_the_least_recently_read_first() -> None:
    counting = Counting(EmbeddedStore(None))
    kept = KeptReads(counting, rows=4)  # type: ignore[arg-type]
    first, second, third = (TWO_ROWS % (n, n + 1) for n in (1, 3, 5))
    kept.select(first)
    kept.select(second)
    kept.select(first)  # now the most recently read
    kept.select(third)  # 6 rows: the least recently read (second) goes
    assert kept.kept_rows == 4 and counting.selects == 3
    kept.select(first)
    kept.select(third)
    assert counting.selects == 3
    kept.select(second)
    assert counting.selects == 4


def test_a_read_of_more_rows_than_the_bound_is_not_kept() -> None:
    counting = Counting(EmbeddedStore(None))
    kept = KeptReads(counting, rows=1)  # type: ignore[arg-type]
    assert len(kept.select(TWO_ROWS % (1, 2))) == 2
    assert len(kept.select(TWO_ROWS % (1, 2))) == 2
    assert counting.selects == 2 and len(kept) == 0


def test_with_a_bound_of_0_nothing_is_kept() -> None:
    counting = Counting(EmbeddedStore(None))
    kept = KeptReads(counting, rows=0)  # type: ignore[arg-type]
    kept.select(QUERY)
    kept.select(QUERY)
    assert counting.selects == 2 and not kept.keeps


def test_kept_rows_are_shared_so_no_reader_can_change_them() -> None:
    """Every reader of a kept read gets the same solutions: each refuses every change,
    and each reader's lists are its own."""
    kept = KeptReads(EmbeddedStore(None))
    rows = kept.select(TWO_ROWS % (1, 2))
    row = rows.bindings[0]
    changes = [
        lambda: row.__setitem__("o", row["o"]),
        lambda: row.__delitem__("o"),
        lambda: row.update({"p": row["o"]}),
        lambda: row.setdefault("p", row["o"]),
        lambda: row.pop("o"),
        lambda: row.popitem(),
        lambda: row.clear(),
    ]
    for change in changes:
        with pytest.raises(TypeError):
            change()
    with pytest.raises(TypeError):
        row |= {"p": row["o"]}
    assert isinstance(row, FrozenRow) and isinstance(row, dict)
    own = dict(row)  # a copy is an ordinary dict
    own["p"] = row["o"]
    assert copy.deepcopy(row) == row == pickle.loads(pickle.dumps(row))
    rows.bindings.clear()
    rows.variables.append("x")
    again = kept.select(TWO_ROWS % (1, 2))
    assert len(again) == 2 and again.variables == ["o"] and again.bindings[0] is row


def test_forgetting_sends_the_next_reads_to_the_store() -> None:
    """What bench/ask.py does between questions, to record each question's own reads."""
    counting = Counting(EmbeddedStore(None))
    kept = KeptReads(counting)  # type: ignore[arg-type]
    kept.select(QUERY)
    kept.forget()
    assert len(kept) == 0 and kept.kept_rows == 0
    kept.select(QUERY)
    assert counting.selects == 2
