"""The counts the service reports (triples, articles), kept rather than recounted per call.

``/api/health`` is what an operator and a load balancer poll, so it must stay cheap at
any size: counting the articles is a query over every article graph and counting the
triples walks every quad (115 ms at 1M triples). A store that says when it changed (an
integer ``generation``, as the embedded store and the worker snapshots have) is counted
once per change, exactly; a remote store, which other clients may write to and which
has no cheap change marker, is counted at most once every ``ttl`` seconds, and asked
``ASK {}`` on every call instead, so that health still says at once when it is down.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from dataclasses import dataclass

from kg.catalog import article_total
from kg.store import Store


@dataclass(frozen=True)
class Counts:
    triples: int
    articles: int


class CountKeeper:
    """The store's :class:`Counts`, recounted only when the store changed."""

    def __init__(
        self,
        store: Store,
        *,
        ttl: float = 5.0,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.store = store
        self.ttl = ttl
        self.clock = clock
        self._held: tuple[tuple[str, int], Counts] | None = None
        self._lock = threading.Lock()

    def _key(self) -> tuple[str, int]:
        generation = getattr(self.store, "generation", None)
        if isinstance(generation, int):
            return ("generation", generation)
        return ("time", int(self.clock() // self.ttl))

    def current(self) -> Counts:
        key = self._key()
        if key[0] == "time":
            self.store.ask("ASK {}")  # raises StoreUnavailable when the server is down
        held = self._held
        if held is not None and held[0] == key:
            return held[1]
        with self._lock:  # one count at a time; the others wait and take its result
            held = self._held
            if held is not None and held[0] == key:
                return held[1]
            counts = Counts(triples=self.store.count(), articles=article_total(self.store))
            if self._key() == key:  # not written meanwhile
                self._held = (key, counts)
            return counts
