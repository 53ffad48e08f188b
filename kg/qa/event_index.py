"""What "What happened between X and Y?" needs of every event, read once per store generation.

Why: the rows of a relations question are the events both entities take part in, each with
its class and evidence (:mod:`kg.qa.between`). Read question by question, every event kept
costs index reads on disk, about 10 µs each: its evidence, class, sentence and article, the
role-assignment and negation tests, and, for the events a state's people or bodies take part
in, the country of every party. The United States and Turkey share 893 events at 1M
triples, and their question took 270-390 ms even from the few selective queries of
``relations/``. Read once for every event of the store, they are three reads
(``relations/index/``; about 2 s and 9 MB at 1M triples), and a question then reads only
what gives the rows their order and text: the events of each entity (one index range
each) and the texts of the sentences kept.

The index is kept while the store is unchanged (its ``generation``), like the reads of
:class:`~kg.store.kept.KeptReads`, and read again by the first relations question after a
change. A store that does not count its changes, or an answerer that keeps nothing
(``ATTACHE_KEPT_READS=0``), reads each question afresh (:mod:`kg.qa.between` without an
index).
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import TypeVar

from kg.sparql.files import read_queries, read_query
from kg.store.base import Rows, Store, Term
from kg.store.kept import KeptReads

QUERY_DIR = Path(__file__).resolve().parent / "relations" / "index"

T = TypeVar("T")
R = TypeVar("R")
Mapper = Callable[[Callable[[T], R], Iterable[T]], Iterable[R]]

# An event's row of ``relations/told.rq``, its text left out: (class, sentence, article).
Told = tuple[Term, Term, Term]


def query(name: str) -> str:
    """The text of one of the index's reads (``relations/index/<name>.rq``)."""
    return read_query(QUERY_DIR, name)


def queries() -> dict[str, str]:
    """Every read of the index, by name (parsed by a test)."""
    return read_queries(QUERY_DIR)


_TOLD = query("told")
_BODIES = query("bodies")
_COUNTRIES = query("countries")


@dataclass(frozen=True)
class EventIndex:
    """Each event's row of ``relations/told.rq`` but its text, for the events told in one
    row (an event whose evidence does not count has none), and the events told in
    several, whose order is that query's; and, for the people and bodies of each state,
    the events they take part in for it. Tuples, not sets: at 1M triples the index holds
    30,000 events and 2,900 bodies, and a small set weighs seven times a tuple."""

    told: Mapping[Term, Told]
    told_in_several: frozenset[Term]
    events_of_body: Mapping[Term, tuple[Term, ...]]
    bodies_of: Mapping[Term, tuple[Term, ...]]

    def through(self, entity: Term) -> set[Term]:
        """The events that one of ``entity``'s people or bodies takes part in (a party whose
        ``dd:country`` is ``entity``, in one of the roles ``relations/through_bodies.rq``
        reads)."""
        out: set[Term] = set()
        for body in self.bodies_of.get(entity, ()):
            out.update(self.events_of_body[body])
        return out


def read_index(store: Store, map_reads: Mapper = map) -> EventIndex:
    """The index of ``store`` as it is now (``map_reads`` runs the three reads, side by side
    when given a thread pool's ``map``)."""
    told_rows, body_rows, country_rows = map_reads(
        lambda text: store.select(text), [_TOLD, _BODIES, _COUNTRIES]
    )
    told: dict[Term, Told] = {}
    several: set[Term] = set()
    for row in told_rows.bindings:
        event = row["e"]
        if event in told:
            several.add(event)
        told[event] = (row["cls"], row["s"], row["article"])
    for event in several:
        del told[event]
    events_of_body = {party: tuple(events) for party, events in _grouped(body_rows).items()}
    # Only the parties that take part in an event for their state are kept.
    bodies_of = {
        country: tuple(p for p in parties if p in events_of_body)
        for country, parties in _grouped(country_rows, "country", "party").items()
    }
    return EventIndex(
        told=told,
        told_in_several=frozenset(several),
        events_of_body=events_of_body,
        bodies_of={country: parties for country, parties in bodies_of.items() if parties},
    )


def _grouped(rows: Rows, key: str = "party", value: str = "e") -> dict[Term, list[Term]]:
    out: dict[Term, list[Term]] = {}
    for row in rows.bindings:
        out.setdefault(row[key], []).append(row[value])
    return out


class KeptEventIndex:
    """The :class:`EventIndex` of a store's current generation, read by the first caller
    that needs it (the others wait for it rather than read it too)."""

    def __init__(self) -> None:
        self._held: tuple[int, EventIndex] | None = None
        self._lock = threading.Lock()

    def get(self, kept: KeptReads, map_reads: Mapper = map) -> EventIndex | None:
        """The index of the store behind ``kept``; ``None`` when ``kept`` keeps nothing
        (no generation to keep it under, or no rows to be kept)."""
        generation = kept.generation
        if generation is None or not kept.keeps:
            return None
        held = self._held
        if held is not None and held[0] == generation:
            return held[1]
        with self._lock:
            held = self._held
            if held is None or held[0] != generation:
                # Kept under the generation read before the reads: an index read while a
                # write ran is read again by the next question.
                held = self._held = (generation, read_index(kept.store, map_reads))
        return held[1]

    def forget(self) -> None:
        """Drop the index (the next question reads it again)."""
        self._held = None
