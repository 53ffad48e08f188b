"""The lock replicas share through their SPARQL server (:mod:`kg.store.lock`), over an
in-memory store standing in for the server, read the way Virtuoso reads: a query does not
see another request all or nothing, so one read of the lock's entries can show an entry
half-way through its doorway (``choosing`` gone, its ticket not there yet). Such an entry
must hold the lock back; taking it for no competitor let two replicas edit at once (#13).
"""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator

import pytest
from rdflib import Literal, URIRef

from kg.sparql import serialize
from kg.store import EmbeddedStore
from kg.store.base import Bindings, Rows
from kg.store.lock import _NS, CHOOSING, LOCK, SINCE, TICKET, LockTimeout, StoreLock
from kg.vocab import REPLICA_GRAPH


class Server:
    """An in-memory store whose reads miss what ``hidden`` names of an entry (its ``ticket``,
    ``choosing`` or ``since``), as a read that met the entry's request half-way can."""

    def __init__(self) -> None:
        self.store = EmbeddedStore(None)
        self.hidden: dict[URIRef, set[str]] = {}

    def select(self, query: str, bindings: Bindings | None = None) -> Rows:
        rows = self.store.select(query, bindings)
        for row in rows.bindings:
            for name in self.hidden.get(URIRef(str(row.get("e"))), set()):
                row.pop(name, None)
        return rows

    def send_update(self, update: str) -> None:
        self.store.update(update)

    def entries(self) -> set[URIRef]:
        rows = self.store.select(
            f"SELECT DISTINCT ?e WHERE {{ GRAPH <{REPLICA_GRAPH}> {{ ?e ?p ?o }} }}"
        )
        return {URIRef(str(row["e"])) for row in rows}


class TornServer(Server):
    """Each read of the entries made of two reads a moment apart: the tickets from the
    first, the rest from the second, as a query that reaches the ticket rows first."""

    def select(self, query: str, bindings: Bindings | None = None) -> Rows:
        first = self.store.select(query, bindings)
        time.sleep(0.0005)
        second = self.store.select(query, bindings)
        tickets = {row["e"]: row["ticket"] for row in first.bindings if "ticket" in row}
        for row in second.bindings:
            row.pop("ticket", None)
            if row["e"] in tickets:
                row["ticket"] = tickets[row["e"]]
        return second


def add_entry(
    server: Server, name: str, *, choosing: bool = False, ticket: int | None = None, age: float = 0
) -> URIRef:
    """Another process's entry, as its requests left it."""
    entry = URIRef(f"{_NS}entry-{name}")
    node = serialize(entry)
    triples = [
        f"{node} {serialize(LOCK)} {serialize(Literal('ontology'))} .",
        f"{node} {serialize(SINCE)} {serialize(Literal(repr(time.time() - age)))} .",
    ]
    if choosing:
        triples.append(f"{node} {serialize(CHOOSING)} true .")
    if ticket is not None:
        triples.append(f"{node} {serialize(TICKET)} {ticket} .")
    server.send_update(f"INSERT DATA {{ GRAPH <{REPLICA_GRAPH}> {{ {' '.join(triples)} }} }}")
    return entry


@pytest.fixture
def server() -> Iterator[Server]:
    s = Server()
    yield s
    s.store.close()


@pytest.mark.parametrize(
    "hidden", [{"ticket"}, {"ticket", "since"}], ids=["without-ticket", "without-ticket-or-time"]
)
def test_an_entry_read_without_choosing_or_ticket_holds_the_lock_back(
    server: Server, hidden: set[str]
) -> None:
    """The entry holds ticket 1 (ahead of any ticket this lock can draw), but the reads meet
    it half-way through its doorway: no ``choosing`` and no ticket seen. The lock waits
    for it, then gives up, leaving nothing of its own behind."""
    ahead = add_entry(server, "ahead", ticket=1)
    server.hidden[ahead] = hidden
    with pytest.raises(LockTimeout), StoreLock(server, "ontology", wait=0.2):
        pytest.fail("the lock was taken past an entry in its doorway")
    assert server.entries() == {ahead}


def test_the_lock_is_taken_once_the_entry_ahead_of_it_is_removed(server: Server) -> None:
    ahead = add_entry(server, "ahead", ticket=1)
    server.hidden[ahead] = {"ticket"}
    remove = f"DELETE WHERE {{ GRAPH <{REPLICA_GRAPH}> {{ <{ahead}> ?p ?o }} }}"
    release = threading.Timer(0.1, server.send_update, [remove])
    release.start()
    try:
        with StoreLock(server, "ontology", wait=10):
            assert ahead not in server.entries()
    finally:
        release.join()
    assert server.entries() == set()


def test_an_entry_older_than_the_lease_is_removed_and_does_not_hold_the_lock_back(
    server: Server,
) -> None:
    dead = add_entry(server, "dead", choosing=True, age=600)
    with StoreLock(server, "ontology", lease=60, wait=0.2):
        assert dead not in server.entries()
    assert server.entries() == set()


def test_processes_sharing_a_server_whose_reads_tear_hold_the_lock_one_at_a_time() -> None:
    """Four processes (a lock each) take the lock 40 times each, all at once; no two are
    ever inside together, and every entry is removed at the end."""
    server = TornServer()
    inside: list[int] = []
    overlaps: list[int] = []
    errors: list[BaseException] = []
    barrier = threading.Barrier(4, timeout=60)

    def process(n: int) -> None:
        lock = StoreLock(server, "ontology", wait=30)
        try:
            for _ in range(40):
                barrier.wait()
                with lock:
                    inside.append(n)
                    if len(inside) > 1:
                        overlaps.append(n)
                    time.sleep(0.001)
                    inside.remove(n)
        except BaseException as exc:  # recorded, and the others released from the barrier
            errors.append(exc)
            barrier.abort()

    threads = [threading.Thread(target=process, args=(n,)) for n in range(4)]
    try:
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        assert errors == [] and overlaps == []
        assert server.entries() == set()
    finally:
        server.store.close()
