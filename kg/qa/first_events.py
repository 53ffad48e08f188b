"""The rows of a profile's first events, read without reading every event.

Why: a profile gives one answer per event, ranked by the distinct articles and then
sentences behind it, and then in the order the query returned them
(:func:`kg.qa.grouping.finish`). Extraction writes one evidence sentence per event and
one article per sentence, so every event ranks alike and the answers are simply the
first events returned. A popular entity takes part in thousands of events (Turkey in
4,128 at 1M triples: 4,064 rows, about 300 ms to read, decode and group, for ten
answers); the head of the same query, with a ``LIMIT``, holds the same first rows in a
few milliseconds, since Oxigraph returns rows as it finds them, one event's rows
together.

When the store holds an event that cites two sentences, or a sentence of two articles
(written by hand, or imported), an event further down may rank first: then the whole
query is read, as before. Whether it holds any is one query per store generation
(about 80 ms at 1M triples), kept with the other reads.
"""

from __future__ import annotations

from pathlib import Path

from kg.sparql.files import read_queries, read_query
from kg.store.base import Bindings, Term
from kg.store.kept import KeptReads

QUERY_DIR = Path(__file__).resolve().parent / "checks"
FIRST_ROWS = 64  # rows read first; doubled while they hold too few whole events
MAX_HEAD_ROWS = 4096  # past this, the whole query is read


def query(name: str) -> str:
    """The text of one of these checks (``checks/<name>.rq``)."""
    return read_query(QUERY_DIR, name)


def queries() -> dict[str, str]:
    """Every check query, by name (parsed by a test)."""
    return read_queries(QUERY_DIR)


_UNEVEN = query("uneven_support")


def evenly_supported(store: KeptReads) -> bool:
    """Whether every event cites one sentence and every sentence belongs to one article
    (kept while the store is unchanged, as every read through ``store`` is)."""
    return not store.select(_UNEVEN).bindings


def first_events(
    store: KeptReads, text: str, bindings: Bindings, events: int
) -> tuple[list, str] | None:
    """The rows of the first ``events`` events that ``text`` (a ``SELECT DISTINCT`` with
    an ``?e`` per row) returns with ``bindings``, and the query as it ran; ``None`` when
    that is not the same as reading every row and ranking them (the store supports some
    event unevenly, or the head would be long)."""
    if not evenly_supported(store):
        return None
    limit = FIRST_ROWS
    while limit <= MAX_HEAD_ROWS:
        head = text + f"LIMIT {int(limit)}\n"
        rows = store.select(head, bindings).bindings
        if len(rows) < limit:
            return rows, head  # every row
        kept = _rows_of_first(rows, events)
        if kept is not None:
            return kept, head
        limit *= 2
    return None


def _rows_of_first(rows: list, events: int) -> list | None:
    """The rows of the first ``events`` events, when an event after them has started
    (so theirs are whole); else ``None``."""
    seen: dict[Term, None] = {}
    for i, row in enumerate(rows):
        event = row.get("e")
        if event not in seen:
            if len(seen) == events:
                return rows[:i]
            seen[event] = None
    return None
