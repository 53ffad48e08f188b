"""The rows of "What happened between X and Y?", read from a few selective queries.

Why: ``queries/relations_between.rq`` keeps an event of ``?x`` when ``?y`` takes part in
it too, or one of ``?y``'s people or bodies does (a party whose ``dd:country`` is
``?y``). Oxigraph answers it event by event: for each of ``?x``'s events it reads every
role and looks up each party's country, about 10 µs an index read. A state takes part in
thousands of events (Turkey in 4,128 at 1M triples), so each of the two runs of "What
happened between the United States and Turkey?" took 140-240 ms.

The same rows come from smaller reads: the events of each entity (one index range, in
the order the template reads them: ``relations/events_of.rq``), the events of ``?x``
that a body of ``?y`` takes part in (every party's country read once into a table:
``relations/through_bodies.rq``), and, for the events kept, their class and evidence
(``relations/told.rq``, with the events bound in that order). The template returns its
rows event by event in the order it reads ``?x``'s events, and the answers depend on
that order (the first rows are cited, the first events described), so the rows are put
together in it. Each read is kept while the store is unchanged, like the template's.

With the answerer's :class:`~kg.qa.event_index.EventIndex` (what every event tells, and
the events of each state's people and bodies, read once per store generation), only the
events of each entity are read: the United States and Turkey at 1M triples read 6,932
events in two index ranges, instead of probing each event's roles and evidence.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from rdflib import URIRef

from kg.qa.event_index import EventIndex, Mapper, key
from kg.sparql import bind_many
from kg.sparql.files import read_queries, read_query
from kg.store.base import Term
from kg.store.kept import KeptReads

QUERY_DIR = Path(__file__).resolve().parent / "relations"
# Events whose evidence is read in one query; more are read in several, side by side.
TOLD_CHUNK = 400


def query(name: str) -> str:
    """The text of one of these queries (``relations/<name>.rq``)."""
    return read_query(QUERY_DIR, name)


def queries() -> dict[str, str]:
    """Every query of this module, by name (parsed by a test)."""
    return read_queries(QUERY_DIR)


_EVENTS_OF = query("events_of")
_THROUGH_BODIES = query("through_bodies")
_TOLD = query("told")


def rows_between(
    store: KeptReads,
    pairs: Sequence[tuple[Term, Term]],
    map_reads: Mapper = map,
    index: EventIndex | None = None,
) -> list[dict[str, Term]] | None:
    """The rows ``relations_between.rq`` gives for each ``(x, y)`` of ``pairs`` (two
    distinct entities), concatenated in the order of the pairs; ``None`` when an event
    is a blank node, which cannot be bound into a query (then run the template).
    ``map_reads`` runs independent reads (a thread pool's ``map`` runs them side by
    side); ``index``, the store's event index of this generation, saves the reads it
    holds."""
    if any(x == y for x, y in pairs):
        raise ValueError("rows_between reads pairs of two distinct entities")
    entities = list(dict.fromkeys(v for pair in pairs for v in pair))
    reads: list[tuple[str, dict[str, Term]]] = [(_EVENTS_OF, {"x": v}) for v in entities]
    if index is None:
        reads += [(_THROUGH_BODIES, {"x": x, "y": y}) for x, y in pairs]
    found = list(map_reads(lambda read: _events(store, *read), reads))
    events_of = dict(zip(entities, found[: len(entities)], strict=True))
    through: dict[tuple[Term, Term], set[Term]]
    if index is None:
        through = {pair: set(f) for pair, f in zip(pairs, found[len(entities) :], strict=True)}
    else:
        bodies = {y: index.through(y) for y in dict.fromkeys(y for _, y in pairs)}
        through = {(x, y): {e for e in events_of[x] if key(e) in bodies[y]} for x, y in pairs}
    kept: dict[tuple[Term, Term], list[Term]] = {}
    for x, y in pairs:
        joined = set(events_of[y]) | through[(x, y)]
        kept[(x, y)] = [e for e in events_of[x] if e in joined]
    shared = list(dict.fromkeys(e for events in kept.values() for e in events))
    if not all(isinstance(e, URIRef) for e in shared):
        return None
    told = (
        _told(store, shared, map_reads)
        if index is None
        else _told_indexed(store, index, shared, map_reads)
    )
    return [
        {"x": x, "y": y, **row}
        for (x, y), events in kept.items()
        for e in events
        for row in told.get(e, ())
    ]


def _events(store: KeptReads, text: str, bindings: dict[str, Term]) -> list[Term]:
    """The ``?e`` of each row of ``text``, in order."""
    return [row["e"] for row in store.select(text, bindings).bindings]


def _told_indexed(
    store: KeptReads, index: EventIndex, events: list[Term], map_reads: Mapper
) -> dict[Term, list[dict[str, Term]]]:
    """Each event's rows of ``told.rq``, from ``index``; the events it holds as uneven (told
    in several sentences, say, which extraction never writes) are read with ``told.rq``,
    which gives their rows in the order the template does."""
    out: dict[Term, list[dict[str, Term]]] = {}
    uneven: list[Term] = []
    for event in events:
        row = index.row(event)
        if row is not None:
            out[event] = [row]
        elif key(event) in index.uneven:
            uneven.append(event)
    if uneven:
        out.update(_told(store, uneven, map_reads))
    return out


def _chunks(terms: list[Term]) -> list[list[Term]]:
    return [terms[i : i + TOLD_CHUNK] for i in range(0, len(terms), TOLD_CHUNK)]


def _told(
    store: KeptReads, events: list[Term], map_reads: Mapper
) -> dict[Term, list[dict[str, Term]]]:
    """Each event's rows of ``told.rq`` (class and evidence), in the order read; events
    whose evidence does not count (a role assignment, a negated event) have none."""
    out: dict[Term, list[dict[str, Term]]] = {}
    for rows in map_reads(
        lambda chunk: store.select(bind_many(_TOLD, "e", chunk)).bindings, _chunks(events)
    ):
        for row in rows:
            out.setdefault(row["e"], []).append(row)
    return out
