"""What "What happened between X and Y?" needs of every event, read once per store generation.

Why: the rows of a relations question are the events both entities take part in, each with
its class and evidence (:mod:`kg.qa.between`). Read question by question, every event kept
costs index reads on disk, about 10 µs each: its evidence, class, sentence, text and
article, the role-assignment and negation tests, and, for the events a state's people or
bodies take part in, the country of every party. The United States and Turkey share 893
events at 1M triples, and their question took 270-390 ms even from the few selective
queries of ``relations/``. Read once for every event of the store, they are three reads
(``relations/index/``: 2-4 s at 1M triples), and a question then reads only what
gives its rows their order: the events of each entity, one index range each.

The index is kept while the store is unchanged (its ``generation``), like the reads of
:class:`~kg.store.kept.KeptReads`, and read again, in a thread of its own, once the first
relations question after a change asks for it (that question and those asked during the read
are answered without it). A store that does not count its changes, or an answerer that keeps nothing
(``ATTACHE_KEPT_READS=0``), reads each question afresh (:mod:`kg.qa.between` without an
index).

It holds IRIs and texts as plain strings, not rdflib terms: a term is an object the
garbage collector walks in every full collection (rdflib's terms are tracked, strings and
tuples of strings are not), and weighs a third more. At 1M triples the index then holds
about 18 MB (some 63 MB while it is read; one text for each sentence, however many events
it tells) and adds nothing to a collection. What a serving process's resident memory grows
by is more: about 95 MB at 1M triples, with RocksDB's block cache filled by the read and
the pages the read's rows leave part-used.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import TypeVar

from rdflib import Literal, URIRef

from kg.sparql.files import read_queries, read_query
from kg.store.base import Store, Term
from kg.store.kept import KeptReads

log = logging.getLogger(__name__)

QUERY_DIR = Path(__file__).resolve().parent / "relations" / "index"

T = TypeVar("T")
R = TypeVar("R")
Mapper = Callable[[Callable[[T], R], Iterable[T]], Iterable[R]]

# How the index names a node: an IRI as a plain string, a blank node as itself (a string
# and a term of the same text are never equal, so the two cannot be confused).
Key = str | Term
# An event's one row of ``relations/told.rq``: the IRIs of its class, sentence and
# article and the sentence's text, as plain strings.
Told = tuple[str, str, str, str]


def key(node: Term) -> Key:
    """The name ``node`` has in the index."""
    return str(node) if type(node) is URIRef else node


def queries() -> dict[str, str]:
    """Every read of the index (``relations/index/<name>.rq``), by name (parsed by a test)."""
    return read_queries(QUERY_DIR)


_TOLD, _BODIES, _COUNTRIES = (read_query(QUERY_DIR, n) for n in ("told", "bodies", "countries"))


@dataclass(frozen=True)
class EventIndex:
    """Each event's row of ``relations/told.rq``, for the events it gives one row of IRIs
    and a plain text (none for an event whose evidence does not count); the others
    (``uneven``: told in several sentences, or with a blank node or a typed text), which
    a question reads with that query; and, for the people and bodies of each state, the
    events they take part in for it."""

    told: Mapping[Key, Told]
    uneven: frozenset[Key]
    events_of_body: Mapping[Key, tuple[Key, ...]]
    bodies_of: Mapping[Key, tuple[Key, ...]]

    def row(self, event: Term) -> dict[str, Term] | None:
        """``event``'s row of ``relations/told.rq``, if it has exactly one that the index
        holds."""
        told = self.told.get(key(event))
        if told is None:
            return None
        cls, sentence, text, article = told
        return {
            "e": event,
            "cls": URIRef(cls),
            "s": URIRef(sentence),
            "sentence": Literal(text),
            "article": URIRef(article),
        }

    def through(self, entity: Term) -> set[Key]:
        """The events that one of ``entity``'s people or bodies takes part in (a party whose
        ``dd:country`` is ``entity``, in one of the roles ``relations/through_bodies.rq``
        reads)."""
        out: set[Key] = set()
        for body in self.bodies_of.get(key(entity), ()):
            out.update(self.events_of_body[body])
        return out


def read_index(store: Store, map_reads: Mapper = map) -> EventIndex:
    """The index of ``store`` as it is now (``map_reads`` runs the three reads, side by side
    when given a thread pool's ``map``)."""
    told_rows, body_rows, country_rows = map_reads(
        lambda text: store.select(text), [_TOLD, _BODIES, _COUNTRIES]
    )
    # One string for each node, however many reads and rows name it (a class or an
    # article is named by thousands of events, a body's events by the told ones).
    names: dict[Key, Key] = {}

    def name(node: Term) -> Key:
        named = key(node)
        return names.setdefault(named, named)

    # One text for each sentence, however many events it tells.
    texts: dict[str, str] = {}

    def text_of(sentence: str, text: Literal) -> str:
        return texts.setdefault(sentence, str(text))

    told: dict[Key, Told] = {}
    uneven: set[Key] = set()
    for row in told_rows.bindings:
        event = name(row["e"])
        held = _told(row, name, text_of)
        if held is None or event in told or event in uneven:
            uneven.add(event)
            told.pop(event, None)
        else:
            told[event] = held
    events_of_body: dict[Key, list[Key]] = {}
    for row in body_rows.bindings:
        events_of_body.setdefault(name(row["party"]), []).append(name(row["e"]))
    bodies_of: dict[Key, list[Key]] = {}
    for row in country_rows.bindings:
        party = name(row["party"])
        if party in events_of_body:  # only the parties that take part for their state
            bodies_of.setdefault(name(row["country"]), []).append(party)
    return EventIndex(
        told=told,
        uneven=frozenset(uneven),
        events_of_body={party: tuple(events) for party, events in events_of_body.items()},
        bodies_of={country: tuple(parties) for country, parties in bodies_of.items()},
    )


def _told(
    row: Mapping[str, Term],
    name: Callable[[Term], Key],
    text_of: Callable[[str, Literal], str],
) -> Told | None:
    """A row of ``relations/told.rq`` as plain strings, when it is IRIs and a plain text."""
    cls, sentence, text, article = row["cls"], row["s"], row["sentence"], row["article"]
    if not all(type(n) is URIRef for n in (cls, sentence, article)):
        return None
    if not isinstance(text, Literal) or text.language or text.datatype:
        return None
    said = str(name(sentence))
    return str(name(cls)), said, text_of(said, text), str(name(article))


class KeptEventIndex:
    """The :class:`EventIndex` of a store's current generation, read in the background.

    Why in the background: at 5M triples the three reads take 16-19 s, and the first
    relations question after a write waited for them. Until the index of the current
    generation is read, :meth:`get` returns ``None`` and the question is answered without
    it (:mod:`kg.qa.between`, the same rows from selective reads, a few hundred
    milliseconds), while one thread reads the index for the questions after it. An index
    of an older generation is never used: it would miss what was written since.
    ``background=False`` reads it in the caller instead (the others wait for it rather
    than read it too).
    """

    def __init__(self, background: bool = True) -> None:
        self.background = background
        self._held: tuple[int, EventIndex] | None = None
        self._lock = threading.Lock()
        self._reader: threading.Thread | None = None
        self._forgotten = 0  # counts forget(): a read begun before it is not kept

    def get(self, kept: KeptReads, map_reads: Mapper = map) -> EventIndex | None:
        """The index of the store behind ``kept``; ``None`` when ``kept`` keeps nothing
        (no generation to keep it under, or no rows to be kept), or while it is read in
        the background."""
        generation = kept.generation
        if generation is None or not kept.keeps:
            return None
        held = self._held
        if held is not None and held[0] == generation:
            return held[1]
        if not self.background:
            with self._lock:
                held = self._held
                if held is None or held[0] != generation:
                    held = self._read(kept, generation, self._forgotten, map_reads)
            return held[1] if held is not None else None
        with self._lock:
            if self._reader is None or not self._reader.is_alive():
                self._reader = threading.Thread(
                    target=self._read,
                    args=(kept, generation, self._forgotten, map_reads),
                    name="attache-event-index",
                    daemon=True,
                )
                self._reader.start()
        return None

    def _read(
        self, kept: KeptReads, generation: int, forgotten: int, map_reads: Mapper
    ) -> tuple[int, EventIndex] | None:
        """Read the index and keep it under ``generation``, the one read before the reads:
        an index read while a write ran is read again for the next question. A failed read
        is logged and kept nothing (the next question tries again)."""
        try:
            index = read_index(kept.store, map_reads)
        except Exception:  # a background read has no caller to raise to
            log.warning("reading the event index failed", exc_info=True)
            return None
        held = (generation, index)
        if forgotten == self._forgotten:
            self._held = held
        return held

    def wait(self, timeout: float | None = None) -> bool:
        """Wait for a background read under way (a bench or a test that wants the index
        in place); ``True`` when none is left running."""
        reader = self._reader
        if reader is not None:
            reader.join(timeout)
            return not reader.is_alive()
        return True

    def forget(self) -> None:
        """Drop the index (the next relations question reads it again); a read under way
        is not kept."""
        self._forgotten += 1
        self._held = None
