"""Run SPARQL from outside in worker processes, under a deadline that really stops it.

Oxigraph cannot interrupt a running query and offers no timeout, and a cartesian
product or a long property path can run for hours; several query shapes also crash
it outright (a stack overflow kills the whole process). So the public endpoint never
evaluates a query in the server process. A small pool of pre-started worker processes
(:mod:`kg.endpoint.worker`) does it; the server waits for the answer until the deadline,
then kills the worker, starts a fresh one and answers 504. The server's own threads
never run a query, so they stay free for other requests meanwhile.

Workers read **snapshots**, never the live store:

- the on-disk store is checkpointed with RocksDB's own ``backup`` (hard links, a few
  milliseconds) into ``DATA/sparql-snapshots/<n>`` and each worker opens the
  checkpoint read-only. Opening the live store read-only from a second process while
  the server writes to it is undefined behaviour in Oxigraph; a checkpoint is never
  written to, so this is safe;
- the in-memory store (tests, demos) is dumped as N-Quads, which each worker loads;
- a remote store has nothing to copy: each worker sends the query on to the server's
  endpoint and reads the answer (:class:`RemoteSnapshots`), so the guards, the row cap
  and the deadline are the same, and a query past the deadline is abandoned with the
  worker that sent it.

A snapshot is remade when the store has changed: :meth:`QueryPool.invalidate` (called
after every write the service makes) marks it stale, and for the on-disk store any
committed write also shows in RocksDB's write-ahead log and manifest, whose names and
sizes are checked before each query (about 50 µs), so a write made by any code in
the server process is seen by the next query. A memory store's triple count is
checked as well; other writes to a memory store must call :meth:`invalidate`.

Each worker runs under a memory ceiling (``memory_mb``); a query that needs more ends
its worker, which is replaced, and the client hears :class:`~kg.errors.QueryMemory`.
Workers are shared fairly: one client (the service passes its address) may have at
most ``per_client`` queries running or waiting at once, and the queue behind busy
workers is short (twice the pool), so one client's runaway queries leave the other
workers to everyone else.

Updates are rehearsed in a worker on a private copy of the data
(:meth:`QueryPool.rehearse_update`) before they touch the real store, so one that
crashes the engine or takes too much memory never runs in the server.

Why one module of 600 lines: the pool, its worker handles and the snapshots they read are
one mechanism (a worker keeps the snapshot generation it has open and reloads when the
pool's moves on; the pool replaces a worker that dies or passes its deadline); the worker
process itself is :mod:`kg.endpoint.worker`.
"""

from __future__ import annotations

import contextlib
import io
import logging
import os
import re
import select
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Hashable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol

from kg.endpoint.worker import read_frame, write_frame
from kg.errors import (
    ClientBusy,
    ProtectedGraph,
    QueryBusy,
    QueryError,
    QueryMemory,
    QuerySyntaxError,
    QueryTimeout,
    QueryTooComplex,
    StoreError,
    StoreUnavailable,
)
from kg.sparql.targets import ANY_GRAPH, protected_target
from kg.store import Store

log = logging.getLogger(__name__)

_ROCKSDB_STATE = re.compile(r"^(?:\d+\.log|MANIFEST-\d+|CURRENT)$")
_SYNTAX_AT = re.compile(r"^error at (\d+):(\d+):\s*(.*)$", re.S)


class NotAcceptable(QueryError):
    """No format the client accepts fits the query's result (answered 406)."""

    code = "not_acceptable"


# -- snapshots -------------------------------------------------------------------------


class Snapshots(Protocol):
    """Where workers read the store from."""

    def version(self) -> Hashable:
        """Something that changes whenever the store's content may have changed (cheap)."""
        ...

    def make(self, generation: int) -> dict[str, Any]:
        """A new snapshot; the dict tells a worker how to open it."""
        ...

    def release(self, snapshot: dict[str, Any]) -> None:
        """Free a snapshot no worker uses any more."""
        ...

    def private_copy(self, name: str) -> dict[str, Any]:
        """A copy of the data that one worker may write to (then :meth:`release` it)."""
        ...

    def close(self) -> None: ...


class DiskSnapshots:
    """RocksDB checkpoints of the on-disk store, opened read-only by workers."""

    def __init__(self, store: Any, root: Path) -> None:
        self._store = store  # any store with capabilities.snapshots: backup() and path
        self._store_path = Path(store.path)
        self._root = root
        shutil.rmtree(root, ignore_errors=True)  # left by a server that was killed
        root.mkdir(parents=True, exist_ok=True)

    def version(self) -> Hashable:
        state = []
        for entry in os.scandir(self._store_path):
            if _ROCKSDB_STATE.match(entry.name):
                try:
                    state.append((entry.name, entry.stat().st_size))
                except FileNotFoundError:  # removed while we looked: changed anyway
                    state.append((entry.name, -1))
        return tuple(sorted(state))

    def make(self, generation: int) -> dict[str, Any]:
        path = self._root / str(generation)
        shutil.rmtree(path, ignore_errors=True)
        self._store.backup(path)
        return {"generation": generation, "kind": "disk", "path": str(path)}

    def release(self, snapshot: dict[str, Any]) -> None:
        shutil.rmtree(snapshot["path"], ignore_errors=True)

    def private_copy(self, name: str) -> dict[str, Any]:
        path = self._root / name
        shutil.rmtree(path, ignore_errors=True)
        self._store.backup(path)
        return {"kind": "disk", "path": str(path)}

    def close(self) -> None:
        shutil.rmtree(self._root, ignore_errors=True)


class DumpSnapshots:
    """N-Quads dumps of an in-memory store, loaded by each worker."""

    def __init__(self, store: Store) -> None:
        self._store = store

    def version(self) -> Hashable:
        return self._store.count()

    def make(self, generation: int) -> dict[str, Any]:
        out = io.BytesIO()
        self._store.dump(out, "nquads")
        return {"generation": generation, "kind": "dump", "data": out.getvalue()}

    def release(self, snapshot: dict[str, Any]) -> None:
        pass

    def private_copy(self, name: str) -> dict[str, Any]:
        out = io.BytesIO()
        self._store.dump(out, "nquads")
        return {"kind": "dump", "data": out.getvalue()}

    def close(self) -> None:
        pass


class RemoteSnapshots:
    """A remote server: nothing to copy; workers send each query to its endpoint."""

    def __init__(self, store: Any) -> None:
        self._store = store
        self._endpoint = store.endpoint()

    def version(self) -> Hashable:
        return getattr(self._store, "generation", None)  # counts writes by any replica

    def make(self, generation: int) -> dict[str, Any]:
        return {"generation": generation, "kind": "remote", "endpoint": self._endpoint}

    def release(self, snapshot: dict[str, Any]) -> None:
        pass

    def private_copy(self, name: str) -> dict[str, Any]:
        return {"kind": "none"}  # updates are checked by reading them (kg.sparql.targets)

    def close(self) -> None:
        pass


def snapshots_for(store: Store, workdir: Path) -> Snapshots:
    """How workers can read ``store``: checkpoints on disk, dumps in memory, the server's
    endpoint for a remote store."""
    if store.capabilities.snapshots:
        return DiskSnapshots(store, workdir)
    if store.capabilities.endpoint:
        return RemoteSnapshots(store)
    if store.kind == "memory":
        return DumpSnapshots(store)
    raise StoreError(f"the SPARQL endpoint cannot run queries on a {store.kind!r} store")


# -- workers ---------------------------------------------------------------------------


class WorkerDied(Exception):
    pass


def _worker_env() -> dict[str, str]:
    """The server's environment, with this source tree importable even when not installed."""
    env = dict(os.environ)
    root = str(Path(__file__).resolve().parent.parent)
    env["PYTHONPATH"] = os.pathsep.join(p for p in (root, env.get("PYTHONPATH", "")) if p)
    env["RUST_BACKTRACE"] = "0"  # a crash's first line says why; a backtrace would bury it
    return env


class _Worker:
    """One worker process and the snapshot generation it has open."""

    def __init__(self, python: str, memory_mb: int = 0) -> None:
        # Its standard error goes to a file, read when it dies to tell why.
        self.errors = tempfile.TemporaryFile()  # noqa: SIM115  # closed in kill()
        self.proc = subprocess.Popen(
            [python, "-m", "kg.endpoint.worker", "--memory-mb", str(memory_mb)],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=self.errors,
            close_fds=True,
            env=_worker_env(),
        )
        assert self.proc.stdin is not None and self.proc.stdout is not None
        self.stdin = self.proc.stdin
        self.fd = self.proc.stdout.fileno()
        self.generation: int | None = None
        self.snapshot: dict[str, Any] | None = None
        self._buffer = bytearray()

    def send(self, task: dict[str, Any]) -> None:
        try:
            write_frame(self.stdin, task)
        except (BrokenPipeError, OSError) as exc:
            raise WorkerDied(str(exc)) from exc

    def receive(self, deadline: float) -> dict[str, Any]:
        """The next answer, waiting until ``deadline`` (monotonic); TimeoutError after."""
        while True:
            if len(self._buffer) >= 4:
                size = int.from_bytes(self._buffer[:4], "big")
                if len(self._buffer) >= 4 + size:
                    frame = bytes(self._buffer[: 4 + size])
                    del self._buffer[: 4 + size]
                    answer: dict[str, Any] = read_frame(io.BytesIO(frame))
                    return answer
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                raise TimeoutError
            ready, _, _ = select.select([self.fd], [], [], remaining)
            if not ready:
                raise TimeoutError
            chunk = os.read(self.fd, 1 << 20)
            if not chunk:
                raise WorkerDied(f"worker exited with status {self.proc.wait()}")
            self._buffer += chunk

    def last_words(self) -> str:
        """The end of what the worker wrote to standard error (after it died)."""
        try:
            self.errors.seek(0, os.SEEK_END)
            size = self.errors.tell()
            self.errors.seek(max(0, size - 65536))
            return self.errors.read().decode("utf-8", "replace")
        except (OSError, ValueError):
            return ""

    def kill(self) -> None:
        if self.proc.poll() is None:
            self.proc.kill()
        try:
            self.proc.wait(timeout=5)
        except subprocess.TimeoutExpired:  # pragma: no cover - SIGKILL is not ignored
            log.error("query worker %s did not die", self.proc.pid)
        for stream in (self.proc.stdin, self.proc.stdout, self.errors):
            if stream is not None:
                with contextlib.suppress(OSError):
                    stream.close()


@dataclass
class Answer:
    """A serialized query result from a worker."""

    form: str  # select, ask or graph
    format: str  # a key of kg.endpoint.worker.RESULT_FORMATS or GRAPH_FORMATS
    body: bytes
    count: int
    truncated: bool = False
    elapsed: float = 0.0  # seconds, from the request to the answer


@dataclass
class QueryTask:
    """One query from outside, already checked by :mod:`kg.sparql.guard`."""

    query: str
    formats: dict[str, str | None]  # for each form (select, ask, graph), the format chosen
    base_iri: str | None = None
    prefixes: dict[str, str] = field(default_factory=dict)
    default_graphs: list[str] | None = None  # None (both): the union of every graph
    named_graphs: list[str] | None = None
    client: str | None = None  # who asks (an address), for fair sharing; None: no limit


def syntax_error(message: str) -> QuerySyntaxError:
    """Oxigraph's ``error at L:C: ...`` as a sentence naming the line and column."""
    m = _SYNTAX_AT.match(message.strip())
    if m:
        line, column, detail = m.groups()
        return QuerySyntaxError(f"SPARQL syntax error at line {line}, column {column}: {detail}")
    return QuerySyntaxError(f"SPARQL syntax error: {message}")


class QueryPool:
    """A fixed number of worker processes; each query gets one, or a 503 when none frees up."""

    def __init__(
        self,
        snapshots: Snapshots,
        *,
        size: int = 2,
        timeout: float = 10.0,
        max_rows: int = 10000,
        memory_mb: int = 0,
        per_client: int = 0,
        python: str = sys.executable,
    ) -> None:
        self.snapshots = snapshots
        self.size = size
        self.timeout = timeout
        self.max_rows = max_rows
        self.memory_mb = memory_mb
        self.per_client = per_client  # 0: no limit
        self.python = python
        self._clients: dict[str, int] = {}
        self._copies = 0
        self._lock = threading.Condition()
        self._idle: list[_Worker] = []
        self._all: set[_Worker] = set()
        self._waiting = 0
        self._closed = False
        self._generation = 0
        self._stale = True
        self._version: Hashable = None
        self._snapshot: dict[str, Any] | None = None
        self._holders: dict[int, int] = {}
        self._started = False

    # -- lifecycle -----------------------------------------------------------------

    def start(self) -> None:
        """Start the workers (they import Oxigraph now, so the first query is quick)."""
        with self._lock:
            if self._started or self._closed:
                return
            for _ in range(self.size):
                worker = _Worker(self.python, self.memory_mb)
                self._all.add(worker)
                self._idle.append(worker)
            self._started = True

    def close(self) -> None:
        with self._lock:
            self._closed = True
            workers = list(self._all)
            self._all.clear()
            self._idle.clear()
            self._lock.notify_all()
        for worker in workers:
            worker.kill()
        self.snapshots.close()

    def invalidate(self) -> None:
        """The store changed: the next query reads a new snapshot."""
        with self._lock:
            self._stale = True

    def store_version(self) -> Hashable:
        """Changes whenever the store may have changed (for caches of derived results)."""
        with self._lock:
            return (self.snapshots.version(), self._generation, self._stale)

    def snapshot_generation(self) -> int:
        """The generation of the snapshot the next query reads (made fresh if stale)."""
        generation: int = self._current_snapshot()["generation"]
        return generation

    def pids(self) -> list[int]:
        """Process ids of the current workers (for tests and operators)."""
        with self._lock:
            return sorted(w.proc.pid for w in self._all)

    # -- running -------------------------------------------------------------------

    def query(self, task: QueryTask, *, timeout: float | None = None) -> Answer:
        """Run ``task`` in a worker; :class:`QueryTimeout` when the deadline passes."""
        started = time.monotonic()
        deadline = started + (self.timeout if timeout is None else timeout)
        message = {
            "op": "query",
            "query": task.query,
            "formats": task.formats,
            "base_iri": task.base_iri,
            "prefixes": task.prefixes,
            "default_graphs": task.default_graphs,
            "named_graphs": task.named_graphs,
            "max_rows": self.max_rows,
        }
        answer = self._run(message, deadline, client=task.client)
        if not answer["ok"]:
            self._raise(answer)
        return Answer(
            form=answer["form"],
            format=answer["format"],
            body=answer["body"],
            count=answer["count"],
            truncated=answer.get("truncated", False),
            elapsed=time.monotonic() - started,
        )

    def check_update(
        self, update: str, *, base_iri: str | None, prefixes: dict[str, str], timeout: float
    ) -> None:
        """Parse and try ``update`` on an empty store in a worker, so it cannot crash us."""
        message: dict[str, Any] = {"op": "check_update", "update": update, "base_iri": base_iri}
        message["prefixes"] = prefixes
        answer = self._run(message, time.monotonic() + timeout, read_snapshot=False)
        if not answer["ok"]:
            self._raise(answer)

    def rehearse_update(
        self,
        update: str,
        *,
        base_iri: str | None,
        prefixes: dict[str, str],
        protected: list[str],
        timeout: float,
    ) -> None:
        """Run ``update`` in a worker on a private copy of the data, under the memory ceiling.

        Raises what the real run would meet (syntax error, failure), :class:`QueryMemory`
        or :class:`QueryTooComplex` when the engine cannot take it, and
        :class:`ProtectedGraph` when it would change one of the ``protected`` graphs.
        """
        with self._lock:
            self._copies += 1
            name = f"update-{self._copies}"
        copy = self.snapshots.private_copy(name)
        if copy["kind"] == "none":  # a remote server: read what the update writes instead
            self.check_update(update, base_iri=base_iri, prefixes=prefixes, timeout=timeout)
            self._refuse_protected(update, prefixes, protected)
            return
        message: dict[str, Any] = {
            "op": "rehearse_update",
            "update": update,
            "base_iri": base_iri,
            "prefixes": prefixes,
            "protected": protected,
            "copy": copy,
        }
        try:
            answer = self._run(message, time.monotonic() + timeout, read_snapshot=False)
        finally:
            if copy["kind"] == "disk":
                self.snapshots.release(copy)
        if not answer["ok"]:
            self._raise(answer)

    @staticmethod
    def _refuse_protected(update: str, prefixes: dict[str, str], protected: list[str]) -> None:
        declared = "".join(f"PREFIX {n}: <{iri}>\n" for n, iri in prefixes.items())
        try:
            graph = protected_target(declared + update, protected)
        except Exception as exc:  # rdflib cannot read what the server could: refuse it
            raise QueryError(f"the update cannot be checked before it runs: {exc}") from exc
        if graph == ANY_GRAPH:
            raise ProtectedGraph(
                "this update may write any graph (ALL, NAMED or GRAPH ?variable in a "
                "template), the ontology graph included, which only the ontology API "
                "(/api/ontology) writes; name the graphs it changes. Nothing was changed."
            )
        if graph is not None:
            raise ProtectedGraph(
                f"this update would change the graph <{graph}>, which only the ontology API "
                "(/api/ontology) writes: it checks each change, serializes it with other "
                "edits and records it as a revision. Nothing was changed."
            )

    def _raise(self, answer: dict[str, Any]) -> None:
        kind = answer.get("kind")
        if kind == "unavailable":
            raise StoreUnavailable(f"the SPARQL server did not answer: {answer['message']}")
        if kind == "memory":
            raise self._memory_error()
        if kind == "protected":
            raise ProtectedGraph(
                f"this update would change the graph <{answer['graph']}>, which only the "
                "ontology API (/api/ontology) writes: it checks each change, serializes "
                "it with other edits and records it as a revision. Nothing was changed."
            )
        if kind == "update_failed":
            raise QueryError(f"the update failed: {answer['message']}")
        if kind == "syntax":
            raise syntax_error(answer["message"])
        if kind == "not_acceptable":
            form = {"select": "SELECT", "ask": "ASK", "graph": "CONSTRUCT/DESCRIBE"}[answer["form"]]
            raise NotAcceptable(f"no format the client accepts can carry a {form} result")
        if kind == "bad_request":
            raise QueryError(answer["message"])
        raise StoreError(f"query failed: {answer.get('message')}")

    def _memory_error(self) -> QueryMemory:
        return QueryMemory(
            f"the query needed more than the {self.memory_mb} MiB a query may use and was "
            "stopped; narrow it (fewer cross products, a LIMIT before ORDER BY, smaller strings)"
        )

    def _run(
        self,
        message: dict[str, Any],
        deadline: float,
        *,
        client: str | None = None,
        read_snapshot: bool = True,
    ) -> dict[str, Any]:
        self._enter(client)
        try:
            return self._run_on_worker(message, deadline, read_snapshot)
        finally:
            self._leave(client)

    def _run_on_worker(
        self, message: dict[str, Any], deadline: float, read_snapshot: bool
    ) -> dict[str, Any]:
        worker = self._acquire(deadline)
        with self._lock:  # made and held at once: a newer snapshot must not free it first
            snapshot = self._current_snapshot() if read_snapshot else None
            if snapshot is not None and worker.generation != snapshot["generation"]:
                message["snapshot"] = snapshot
                self._hold(worker, snapshot)
        try:
            worker.send(message)
            answer = worker.receive(deadline)
        except TimeoutError:
            self._replace(worker)
            raise QueryTimeout(
                f"the query ran longer than {self.timeout:g} seconds and was stopped"
            ) from None
        except WorkerDied as exc:
            words = worker.last_words()
            log.warning("query worker %s died: %s %s", worker.proc.pid, exc, words[-500:])
            self._replace(worker)
            if "memory allocation" in words or "MemoryError" in words:
                raise self._memory_error() from None
            raise QueryTooComplex(
                "the query engine failed on this query (its worker process died); "
                "simplify the query"
            ) from None
        if answer.get("retire"):
            self._replace(worker)
        else:
            self._release(worker)
        return answer

    def _enter(self, client: str | None) -> None:
        """Count a query of ``client``; :class:`ClientBusy` when it has its share already."""
        if client is None or self.per_client <= 0:
            return
        with self._lock:
            held = self._clients.get(client, 0)
            if held >= self.per_client:
                raise ClientBusy(
                    f"you already have {held} "
                    f"{'query' if held == 1 else 'queries'} running or waiting, as many as "
                    "one client may; wait for an answer before sending the next query"
                )
            self._clients[client] = held + 1

    def _leave(self, client: str | None) -> None:
        if client is None or self.per_client <= 0:
            return
        with self._lock:
            left = self._clients.get(client, 1) - 1
            if left <= 0:
                self._clients.pop(client, None)
            else:
                self._clients[client] = left

    def _acquire(self, deadline: float) -> _Worker:
        self.start()
        with self._lock:
            if self._waiting >= self.size * 2:
                raise QueryBusy("every query worker is busy; retry in a few seconds")
            self._waiting += 1
            try:
                while not self._idle:
                    remaining = deadline - time.monotonic()
                    if self._closed or remaining <= 0:
                        raise QueryBusy("every query worker is busy; retry in a few seconds")
                    self._lock.wait(remaining)
                return self._idle.pop()
            finally:
                self._waiting -= 1

    def _hold(self, worker: _Worker, loaded: dict[str, Any]) -> None:
        """``worker`` reads ``loaded`` now (and no longer the snapshot it had)."""
        with self._lock:
            self._drop_hold(worker)
            generation: int = loaded["generation"]
            worker.generation, worker.snapshot = generation, loaded
            self._holders[generation] = self._holders.get(generation, 0) + 1

    def _release(self, worker: _Worker) -> None:
        with self._lock:
            if self._closed:
                worker.kill()
                return
            self._idle.append(worker)
            self._lock.notify()

    def _replace(self, worker: _Worker) -> None:
        worker.kill()
        with self._lock:
            self._drop_hold(worker)
            self._all.discard(worker)
            if self._closed:
                return
            fresh = _Worker(self.python, self.memory_mb)
            self._all.add(fresh)
            self._idle.append(fresh)
            self._lock.notify()

    def _drop_hold(self, worker: _Worker) -> None:
        """Forget that ``worker`` reads its snapshot; free the snapshot if it was the last."""
        old, snapshot = worker.generation, worker.snapshot
        worker.generation, worker.snapshot = None, None
        if old is None or snapshot is None:
            return
        self._holders[old] -= 1
        if self._holders[old] == 0:
            del self._holders[old]
            if self._snapshot is None or self._snapshot["generation"] != old:
                self.snapshots.release(snapshot)

    def _current_snapshot(self) -> dict[str, Any]:
        with self._lock:
            version = self.snapshots.version()
            if self._snapshot is not None and not self._stale and version == self._version:
                return self._snapshot
            self._generation += 1
            old = self._snapshot
            self._snapshot = self.snapshots.make(self._generation)
            self._version, self._stale = version, False
            if old is not None and old["generation"] not in self._holders:
                self.snapshots.release(old)
            return self._snapshot
