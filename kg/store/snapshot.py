"""Snapshots of the on-disk store, published by the one process that writes it and read by
the processes that only answer.

Oxigraph on disk is a single-writer database, and opening it read-only from a second
process while the first writes to it is undefined. So several processes never share the
live store: the writer holds it, and after each change it publishes a **snapshot** (a
RocksDB backup: hard links, milliseconds, whatever the size) in ``ROOT/<n>`` and names
it in ``ROOT/current.json`` with the counts the service reports. A reader opens the
newest snapshot read-only; nobody ever writes to a snapshot, so that is safe. Checking
for a newer one costs one ``stat`` of ``current.json`` (a few microseconds), done before
every request, so a write is seen by every reader from the first request that starts
after the write has answered.

A snapshot directory stays on disk while it may still be open: the newest few are kept,
and older ones only go once they are older than a grace period longer than any request.
"""

from __future__ import annotations

import json
import os
import shutil
import threading
import time
from collections.abc import Iterable
from pathlib import Path
from typing import IO, Any

from rdflib import Graph, URIRef

from kg.errors import StoreError, StoreUnavailable
from kg.store.base import Bindings, Capabilities, Rows
from kg.store.embedded import EmbeddedStore

POINTER = "current.json"


class SnapshotPublisher:
    """The writer's side: a new snapshot whenever the store's generation moved."""

    def __init__(
        self, store: EmbeddedStore, root: Path, *, keep: int = 4, grace: float = 120.0
    ) -> None:
        if store.path is None:
            raise StoreError("snapshots need the on-disk store (ATTACHE_STORE=embedded)")
        self.store = store
        self.root = root
        self.keep = keep
        self.grace = grace
        self._published: int | None = None
        self._number = 0
        self._lock = threading.Lock()
        shutil.rmtree(root, ignore_errors=True)  # left by a server that was killed
        root.mkdir(parents=True, exist_ok=True)

    def publish_if_changed(self) -> bool:
        """Publish a snapshot if the store changed since the last one; say whether it did."""
        if self.store.generation == self._published:
            return False
        with self._lock:
            generation = self.store.generation
            if generation == self._published:
                return False
            # A write that lands during the backup is in it or not; either way the
            # generation read before it differs next time, and that write is published then.
            self._number += 1
            path = self.root / str(self._number)
            self.store.backup(path)
            record = {"number": self._number, "path": str(path), "triples": self.store.count()}
            temporary = self.root / f".{POINTER}.{self._number}"
            temporary.write_text(json.dumps(record), encoding="utf-8")
            os.replace(temporary, self.root / POINTER)
            self._published = generation
            self._prune()
            return True

    def _prune(self) -> None:
        numbered = sorted(
            (int(p.name), p) for p in self.root.iterdir() if p.is_dir() and p.name.isdigit()
        )
        now = time.time()
        for _, path in numbered[: -self.keep]:
            try:
                if now - path.stat().st_mtime > self.grace:
                    shutil.rmtree(path, ignore_errors=True)
            except FileNotFoundError:
                pass

    def close(self) -> None:
        shutil.rmtree(self.root, ignore_errors=True)


class SnapshotStore:
    """A reader's store: the newest published snapshot, read-only.

    ``generation`` is the snapshot's number, so everything cached per store generation
    (question lexicon, lookups, counts) is dropped when a newer snapshot is opened. Writes
    are refused: in a reader process they are forwarded to the writer over HTTP.
    """

    kind = "embedded"
    capabilities = Capabilities()  # read-only: no writes, so no snapshots of its own either

    def __init__(self, root: Path) -> None:
        self.root = root
        self.path = root
        self.generation = -1
        self._signature: tuple[int, int, int] | None = None
        self._current: EmbeddedStore | None = None
        self._triples = 0
        self._lock = threading.Lock()
        if not self.refresh():
            raise StoreUnavailable(f"no snapshot of the store has been published in {root}")

    def _pointed(self) -> tuple[int, int, int] | None:
        """The signature of the pointer file now (one ``stat``), None when it is missing."""
        try:
            st = os.stat(self.root / POINTER)
        except FileNotFoundError:
            return None
        return (st.st_ino, st.st_mtime_ns, st.st_size)

    def stale(self) -> bool:
        """Whether a snapshot was published since the open one was (nothing is opened):
        what is kept for this generation, such as the health body, is then not sent."""
        signature = self._pointed()
        return signature is not None and signature != self._signature

    def refresh(self) -> bool:
        """Open the newest snapshot if it is newer than the one open; say whether it was."""
        pointer = self.root / POINTER
        signature = self._pointed()
        if signature is None or signature == self._signature:
            return False
        with self._lock:
            if signature == self._signature:
                return False
            record = json.loads(pointer.read_text(encoding="utf-8"))
            if record["number"] == self.generation:
                self._signature = signature
                return False
            # The old snapshot is closed when the last query reading it lets it go.
            self._current = EmbeddedStore(Path(record["path"]), read_only=True)
            self._triples = int(record["triples"])
            self.generation = int(record["number"])
            self._signature = signature
            return True

    @property
    def _open(self) -> EmbeddedStore:
        current = self._current
        if current is None:
            raise StoreUnavailable("the snapshot is closed")
        return current

    # -- reads ---------------------------------------------------------------------------

    def select(self, query: str, bindings: Bindings | None = None) -> Rows:
        return self._open.select(query, bindings)

    def ask(self, query: str, bindings: Bindings | None = None) -> bool:
        return self._open.ask(query, bindings)

    def construct(self, query: str, bindings: Bindings | None = None) -> Graph:
        return self._open.construct(query, bindings)

    def graphs(self) -> list[URIRef]:
        return self._open.graphs()

    def count(self, graph_iri: URIRef | None = None) -> int:
        if graph_iri is None:
            return self._triples  # counted by the writer when it published the snapshot
        return self._open.count(graph_iri)

    def dump(self, out: IO[bytes], fmt: str = "trig") -> None:
        self._open.dump(out, fmt)

    def quads(self) -> Iterable[Any]:
        return self._open.quads()

    # -- writes: never here ----------------------------------------------------------------

    def _refuse(self) -> StoreError:
        return StoreError("this worker reads a snapshot; writes go to the writer process")

    def update(self, update: str) -> None:
        raise self._refuse()

    def replace_graph(self, graph_iri: URIRef, graph: Graph) -> None:
        raise self._refuse()

    def drop_graph(self, graph_iri: URIRef) -> bool:
        raise self._refuse()

    def load(self, data: IO[bytes] | bytes, fmt: str = "trig") -> None:
        raise self._refuse()

    def close(self) -> None:
        self._current = None
