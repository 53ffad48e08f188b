"""Caches the service keeps between requests, each valid until the data it was read from changes.

They hold answers already sent (keyed by the store's write generation) and SHACL reports
(keyed by a store version), so a repeated request costs a lookup, not a query.
The app's :class:`~service.state.AppState` holds one of each.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable
from typing import Any

MAX_KEPT_ANSWERS = 2000


class AnswerCache:
    """Answers kept per store generation: the same question on an unchanged store gets the
    same answer, so a repeated one (a popular question, a reloaded page) is not read again.

    Only for a store whose ``generation`` says when it changed (the embedded store, a
    worker's snapshot, a remote store whose write stamp the service reads before each
    request). Bounded (``ATTACHE_KEPT_ANSWERS``): the least recently asked go first.
    """

    def __init__(self, limit: int = MAX_KEPT_ANSWERS) -> None:
        self.limit = limit
        self._generation: int | None = None
        self._kept: OrderedDict[str, bytes] = OrderedDict()
        self._lock = threading.Lock()

    def get(self, generation: int, question: str) -> bytes | None:
        with self._lock:
            if generation != self._generation:
                self._generation, self._kept = generation, OrderedDict()
                return None
            found = self._kept.get(question)
            if found is not None:
                self._kept.move_to_end(question)
            return found

    def put(self, generation: int, question: str, body: bytes) -> None:
        with self._lock:
            if generation != self._generation:
                return  # the store changed while the answer was read: not kept
            self._kept[question] = body
            while len(self._kept) > self.limit:
                self._kept.popitem(last=False)


class ConformanceCache:
    """Reports by store version: pySHACL runs once per change of the data, not per request.

    Without a token anyone may ask, and one run takes a few hundred milliseconds of the
    server's CPU; so a report is computed by one request at a time (the others wait for
    it) and reused until the store changes.
    """

    def __init__(self, size: int = 16) -> None:
        self.size = size
        self.lock = threading.Lock()
        self.reports: dict[Hashable, dict[str, Any]] = {}
        self.runs = 0

    def get(self, key: Hashable, compute: Callable[[], dict[str, Any]]) -> dict[str, Any]:
        with self.lock:
            if key not in self.reports:
                if len(self.reports) >= self.size:
                    self.reports.pop(next(iter(self.reports)))
                self.reports[key] = compute()
                self.runs += 1
            return self.reports[key]
