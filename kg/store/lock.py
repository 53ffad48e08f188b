"""A lock held in a SPARQL server, for processes (replicas) that share it.

Ontology edits are read-check-write: read the stored ontology, compare its ETag with the
writer's ``If-Match``, write the edited one. Two replicas doing that at once with the same
ETag must not both succeed. An update conditioned on the stored revision would do it on
a server that serializes such updates, but neither tested server does: each request of
Oxigraph server (0.5) reads a snapshot and writes without checking for conflicts, so 50
concurrent ``DELETE/INSERT ... WHERE { <the expected revision> }`` sent to Oxigraph server
0.5.13 all applied, each seeing the revision it expected; of 50 sent to Virtuoso 7.2 at
its default isolation (read committed), two or three applied in 4 of 40 rounds (under load).

What both do give is that a request is committed before it is answered, and a query
sent after that answer sees it. That is enough for Lamport's bakery algorithm, with the
server's :data:`~kg.vocab.REPLICA_GRAPH` as the shared memory:

1. *doorway*: write ``choosing``; read every ticket; write ``ticket = max + 1`` and remove
   ``choosing`` in one request;
2. *wait* until one read shows every other entry behind ours: with a ticket, not
   choosing, and a larger ticket than ours (ties broken by the entries' random names);
3. run the critical section; remove our entry.

What they do not both give is a query that sees another request all or nothing. Oxigraph
reads a snapshot, but a Virtuoso query (read committed) reads each row as committed when
it reaches it, so one read can meet another entry's doorway half-way: ``choosing``
already gone but the ticket not there yet, or both at once (measured: of 11,545 reads of
an entry flipped between the two, 17 showed neither and 26 both). So an
entry counts as ahead of ours until a read *shows* it behind: one seen with neither
``choosing`` nor a ticket is taken to be in its doorway (taking it for no competitor at
all let two replicas hold the lock at once, and both edits with one ETag succeed: issue
#13), and one seen without its time is not taken for dead.

A process that dies holding the lock leaves an entry behind: entries older than
``lease`` seconds (by the waiter's clock) are ignored and removed, so the lock assumes
clocks within a few seconds of each other and a critical section shorter than the
lease. Within one process an ordinary re-entrant lock is taken first, so a process's
own threads queue locally and only one of them at a time stands in the bakery.
"""

from __future__ import annotations

import threading
import time
import uuid
from types import TracebackType
from typing import NamedTuple, Protocol

from rdflib import Literal, URIRef

from kg.errors import StoreUnavailable
from kg.sparql import serialize
from kg.store.base import Bindings, Rows
from kg.vocab import REPLICA_GRAPH

_NS = str(REPLICA_GRAPH) + "#"
LOCK, CHOOSING, TICKET, SINCE = (URIRef(_NS + n) for n in ("lock", "choosing", "ticket", "since"))


class Shared(Protocol):
    """What the lock needs of a store: queries, and updates that mark no data changed."""

    def select(self, query: str, bindings: Bindings | None = None) -> Rows: ...

    def send_update(self, update: str) -> None: ...


class Entry(NamedTuple):
    """One process's entry as one read saw it (a torn read may miss any of its parts)."""

    iri: URIRef
    choosing: bool
    ticket: int | None
    since: float | None  # None: the read missed it

    def behind(self, mine: tuple[int, str]) -> bool:
        """Whether this read shows the entry after ours in the queue, and so not in our way.

        Only an entry seen with its ticket and without ``choosing`` can be: one seen with
        neither may be half-way through its doorway, its ticket smaller than ours.
        """
        return not self.choosing and self.ticket is not None and (self.ticket, str(self.iri)) > mine


class LockTimeout(StoreUnavailable):
    """The lock was not free within the wait (answered 503: worth a retry)."""

    code = "store_busy"


class StoreLock:
    """A re-entrant lock named ``name``, shared by every process using the same server."""

    def __init__(
        self,
        store: Shared,
        name: str,
        *,
        lease: float = 120.0,
        wait: float = 60.0,
    ) -> None:
        self.store = store
        self.name = name
        self.lease = lease
        self.wait = wait
        self._local = threading.RLock()
        self._depth = 0
        self._entry: URIRef | None = None

    # -- the context manager ----------------------------------------------------------

    def __enter__(self) -> StoreLock:
        self._local.acquire()
        if self._depth == 0:
            try:
                self._entry = self._acquire()
            except BaseException:
                self._local.release()
                raise
        self._depth += 1
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self._depth -= 1
        try:
            if self._depth == 0 and self._entry is not None:
                entry, self._entry = self._entry, None
                self._remove(entry)
        finally:
            self._local.release()

    # -- the bakery -------------------------------------------------------------------

    def _entries(self) -> list[Entry]:
        # Constants written as serialized terms, not bound: a remote store appends bindings
        # as a VALUES block, which would leave them free inside the OPTIONALs.
        graph, name = serialize(REPLICA_GRAPH), serialize(Literal(self.name))
        rows = self.store.select(
            f"SELECT ?e ?choosing ?ticket ?since WHERE {{ GRAPH {graph} {{ "
            f"?e {serialize(LOCK)} {name} ; {serialize(SINCE)} ?since "
            f"OPTIONAL {{ ?e {serialize(CHOOSING)} ?choosing }} "
            f"OPTIONAL {{ ?e {serialize(TICKET)} ?ticket }} }} }}"
        )
        out = []
        for row in rows:
            ticket, since = row.get("ticket"), row.get("since")
            # Virtuoso has answered rows without ?since, which the pattern requires (reads
            # that met a request half-way): such a row counts, its time unknown.
            out.append(
                Entry(
                    URIRef(str(row["e"])),
                    "choosing" in row,
                    int(ticket.toPython()) if isinstance(ticket, Literal) else None,
                    float(str(since)) if since is not None else None,
                )
            )
        return out

    def _write(self, delete: str, insert: str) -> None:
        # The insert first, though a torn read (see the module's docstring) can still show an
        # entry with neither "choosing" nor its ticket: waiters take that for "choosing".
        graph = serialize(REPLICA_GRAPH)
        ops = []
        if insert:
            ops.append(f"INSERT DATA {{ GRAPH {graph} {{ {insert} }} }}")
        if delete:
            ops.append(f"DELETE DATA {{ GRAPH {graph} {{ {delete} }} }}")
        self.store.send_update(" ;\n".join(ops))

    def _acquire(self) -> URIRef:
        me = URIRef(f"{_NS}entry-{uuid.uuid4().hex}")
        node = serialize(me)
        since = serialize(Literal(repr(time.time())))
        named = f"{node} {serialize(LOCK)} {serialize(Literal(self.name))} . "
        named += f"{node} {serialize(SINCE)} {since} ."
        choosing = f"{node} {serialize(CHOOSING)} true ."
        self._write("", named + " " + choosing)
        try:
            live = self._live(self._entries())
            ticket = 1 + max((e.ticket or 0 for e in live if e.iri != me), default=0)
            self._write(choosing, f"{node} {serialize(TICKET)} {ticket} .")
            mine = (ticket, str(me))
            deadline = time.monotonic() + self.wait
            pause = 0.005
            while True:
                ahead = [
                    e for e in self._live(self._entries()) if e.iri != me and not e.behind(mine)
                ]
                if not ahead:
                    return me
                if time.monotonic() > deadline:
                    raise LockTimeout(
                        f"the {self.name} is being changed through another process and was not "
                        f"free within {self.wait:g} s; retry"
                    )
                time.sleep(pause)
                pause = min(pause * 1.5, 0.05)
        except BaseException:
            self._remove(me)
            raise

    def _live(self, entries: list[Entry]) -> list[Entry]:
        """The entries younger than the lease; older ones (a process that died) removed."""
        cutoff = time.time() - self.lease
        dead = [e for e in entries if e.since is not None and e.since < cutoff]
        for entry in dead:
            self._remove(entry.iri)
        return [e for e in entries if e not in dead]

    def _remove(self, entry: URIRef) -> None:
        graph = serialize(REPLICA_GRAPH)
        self.store.send_update(f"DELETE WHERE {{ GRAPH {graph} {{ {serialize(entry)} ?p ?o }} }}")
