"""A store whose SELECT results are kept while it is unchanged.

Why: answering reads the same things again and again. A question with no answer has
its suggestions answered, each reading the articles that mention the same entities, and
questions about a popular entity read its articles' sentences in turn (at 1M triples,
20-50 ms per read for the most mentioned entities). A store that says when it changed
(an integer ``generation``: the embedded store, a worker's snapshot, a remote store
whose write stamp is read before each request) gives the same rows to the same query
with the same bindings until it moves, so :class:`KeptReads` answers a repeated SELECT
from memory and forgets everything when the generation moves (rows are kept under the
generation read before them, so rows read while a write ran are never kept under the
generation after it). A store without a generation is read every time.

The rows handed out are shared between callers: they are read, never changed.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from typing import IO, Any

from rdflib import Graph, URIRef

from kg.store.base import Bindings, Capabilities, Rows, Store

MAX_KEPT_READS = 1024


class KeptReads:
    """``store`` with its SELECT results kept per generation (at most ``limit`` of them,
    the least recently read dropped first); every other call goes to ``store``."""

    def __init__(self, store: Store, limit: int = MAX_KEPT_READS) -> None:
        self.store = store
        self.kind = store.kind
        self.capabilities: Capabilities = store.capabilities
        self.limit = limit
        self._generation: int | None = None
        self._kept: OrderedDict[tuple[str, tuple[tuple[str, Any], ...]], Rows] = OrderedDict()
        self._lock = threading.Lock()

    @property
    def generation(self) -> int | None:
        generation = getattr(self.store, "generation", None)
        return generation if isinstance(generation, int) else None

    def select(self, query: str, bindings: Bindings | None = None) -> Rows:
        generation = self.generation
        if generation is None:
            return self.store.select(query, bindings)
        key = (query, tuple(sorted((bindings or {}).items())))
        with self._lock:
            if generation != self._generation:
                self._generation, self._kept = generation, OrderedDict()
            found = self._kept.get(key)
            if found is not None:
                self._kept.move_to_end(key)
                return found
        rows = self.store.select(query, bindings)
        with self._lock:
            # Not into the rows of a newer generation another read has started meanwhile.
            if self._generation == generation:
                self._kept[key] = rows
                while len(self._kept) > self.limit:
                    self._kept.popitem(last=False)
        return rows

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
