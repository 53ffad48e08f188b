"""A store whose SELECT results are kept while it is unchanged.

Why: answering reads the same things again and again. Questions about a popular entity
run the same template with the same bindings (at 1M triples, "What do we know about
Turkey?" reads 4,064 rows in 155 ms; "What happened between the United States and
Turkey?" two reads of 100-130 ms), a question with no answer has its suggestions answered,
each reading the articles that mention the same entities, and the sentence tier reads an
entity's sentences for question after question. A store that says when it changed (an
integer ``generation``: the embedded store, a worker's snapshot, a remote store whose
write stamp is read before each request) gives the same rows to the same query with the
same bindings until it moves, so :class:`KeptReads` answers a repeated SELECT from memory
and forgets everything when the generation moves (rows are kept under the generation read
before them, so rows read while a write ran are never kept under the generation after it).
A store without a generation is read every time.

Kept rows are shared by every caller that reads them, so they cannot be changed: each
solution is a :class:`FrozenRow` (a ``dict`` that refuses writes), and each call gets a
:class:`~kg.store.base.Rows` of its own whose lists it may sort or extend. The bound is on
rows, not reads: one read of an entity's sentences can hold thousands of them.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Iterable
from typing import IO, Any, NoReturn

from rdflib import Graph, URIRef

from kg.config import Config
from kg.store.base import Bindings, Capabilities, Rows, Store, Term

# Rows kept per process by default: ATTACHE_KEPT_READS's declared default.
MAX_KEPT_ROWS: int = Config.kept_reads


class FrozenRow(dict[str, Term]):
    """A solution that is read, never changed: every method that would change it raises
    ``TypeError``. Copy it (``dict(row)``) to change a copy."""

    __slots__ = ()

    def _refuse(self, *args: object, **kwargs: object) -> NoReturn:
        raise TypeError("a kept row is shared by every reader: copy it (dict(row)) to change it")

    __setitem__ = _refuse
    __delitem__ = _refuse
    __ior__ = _refuse
    clear = _refuse
    pop = _refuse
    popitem = _refuse
    setdefault = _refuse
    update = _refuse

    def __reduce__(self) -> tuple[type[FrozenRow], tuple[dict[str, Term]]]:
        # copy, deepcopy and pickle rebuild it from its items, never by setting them.
        return (FrozenRow, (dict(self),))


class _Kept:
    """One kept read: its variables and frozen solutions, and what it weighs in rows."""

    __slots__ = ("bindings", "variables", "weight")

    def __init__(self, rows: Rows) -> None:
        self.variables = tuple(rows.variables)
        self.bindings = tuple(FrozenRow(row) for row in rows.bindings)
        self.weight = max(1, len(self.bindings))  # an empty read still costs its key

    def rows(self) -> Rows:
        return Rows(list(self.variables), list(self.bindings))


def _key(query: str, bindings: Bindings | None) -> tuple[str, tuple[tuple[str, Any], ...]]:
    items: Iterable[tuple[str, Any]] = (bindings or {}).items()
    return query, tuple(sorted(items))


class KeptReads:
    """``store`` with its SELECT results kept per generation, at most ``rows`` solutions
    in all (the least recently read dropped first; 0 keeps nothing); every other call
    goes to ``store``."""

    def __init__(self, store: Store, rows: int = MAX_KEPT_ROWS) -> None:
        self.store = store
        self.kind = store.kind
        self.capabilities: Capabilities = store.capabilities
        self.limit = rows
        self.kept_rows = 0  # the weight of what is kept now
        self._generation: int | None = None
        self._kept: OrderedDict[tuple[str, tuple[tuple[str, Any], ...]], _Kept] = OrderedDict()
        self._lock = threading.Lock()

    @property
    def generation(self) -> int | None:
        generation = getattr(self.store, "generation", None)
        return generation if isinstance(generation, int) else None

    @property
    def keeps(self) -> bool:
        """Whether reads are kept at all: a bound above 0 and a store that counts changes."""
        return self.limit > 0 and self.generation is not None

    def __len__(self) -> int:
        return len(self._kept)

    def forget(self) -> None:
        """Drop everything kept (the next reads go to the store), as a new generation does."""
        with self._lock:
            self._kept, self.kept_rows = OrderedDict(), 0

    def select(self, query: str, bindings: Bindings | None = None) -> Rows:
        generation = self.generation
        if generation is None or self.limit <= 0:
            return self.store.select(query, bindings)
        key = _key(query, bindings)
        with self._lock:
            if generation != self._generation:
                self._generation, self._kept, self.kept_rows = generation, OrderedDict(), 0
            found = self._kept.get(key)
            if found is not None:
                self._kept.move_to_end(key)
                return found.rows()
        rows = self.store.select(query, bindings)
        if max(1, len(rows)) > self.limit:
            return rows  # never kept, so never shared
        kept = _Kept(rows)
        with self._lock:
            # Not into the rows of a newer generation another read has started meanwhile.
            if self._generation == generation:
                held = self._kept.pop(key, None)  # another request read it meanwhile
                if held is not None:
                    self.kept_rows -= held.weight
                self._kept[key] = kept
                self.kept_rows += kept.weight
                while self.kept_rows > self.limit:
                    _, dropped = self._kept.popitem(last=False)
                    self.kept_rows -= dropped.weight
        return kept.rows()

    def ask(self, query: str, bindings: Bindings | None = None) -> bool:
        return self.store.ask(query, bindings)

    def construct(self, query: str, bindings: Bindings | None = None) -> Graph:
        return self.store.construct(query, bindings)

    def update(self, update: str) -> None:
        self.store.update(update)

    def replace_graph(self, graph_iri: URIRef, graph: Graph) -> None:
        self.store.replace_graph(graph_iri, graph)

    def drop_graph(self, graph_iri: URIRef) -> bool:
        return self.store.drop_graph(graph_iri)

    def graphs(self) -> list[URIRef]:
        return self.store.graphs()

    def count(self, graph_iri: URIRef | None = None) -> int:
        return self.store.count(graph_iri)

    def dump(self, out: IO[bytes], fmt: str = "trig") -> None:
        self.store.dump(out, fmt)

    def load(self, data: IO[bytes] | bytes, fmt: str = "trig") -> None:
        self.store.load(data, fmt)

    def close(self) -> None:
        """The store is the caller's: closing a view of it leaves it open."""
