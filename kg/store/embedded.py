"""The embedded store: Oxigraph (pyoxigraph) on disk, or in memory for tests.

Chosen for speed (DESIGN.md §3: ~1 ms for a two-hop query at 1M triples in memory,
bulk loads >10x faster than rdflib's Memory store). Values are bound through
pyoxigraph's ``substitutions``, and every write is a single SPARQL Update, which
Oxigraph applies in one transaction: a killed process leaves either the old or the
new graph, never half of one.
"""

from __future__ import annotations

import io
import threading
from collections.abc import Iterable
from pathlib import Path
from typing import IO, TYPE_CHECKING

import pyoxigraph as ox
from rdflib import BNode, Graph, Literal, URIRef
from rdflib.namespace import XSD

from kg.errors import QueryError, StoreError, StoreUnavailable
from kg.sparql import bind
from kg.store.base import DUMP_FORMATS, Bindings, Capabilities, Rows, Term
from kg.store.kinds import store_kind
from kg.vocab import PREFIXES

if TYPE_CHECKING:
    from kg.config import Config

_FORMATS = {"trig": ox.RdfFormat.TRIG, "nquads": ox.RdfFormat.N_QUADS}
_XSD_STRING = str(XSD.string)


def to_ox(term: Term) -> ox.NamedNode | ox.BlankNode | ox.Literal:
    """An rdflib term as a pyoxigraph term."""
    if isinstance(term, URIRef):
        return ox.NamedNode(str(term))
    if isinstance(term, BNode):
        return ox.BlankNode(str(term))
    if isinstance(term, Literal):
        if term.language:
            return ox.Literal(str(term), language=term.language)
        if term.datatype:
            return ox.Literal(str(term), datatype=ox.NamedNode(str(term.datatype)))
        return ox.Literal(str(term))
    raise TypeError(f"cannot store {term!r}")


# Building rdflib terms costs microseconds each (IRI checks, literal casting) and the
# same terms come back in every answer: labels, classes, hot entities, their sentences.
# Terms are immutable, so converted ones are kept, up to a bound.
_CONVERTED: dict[object, Term] = {}
_CONVERTED_MAX = 100_000
# A read of more rows than this is a bulk read: it finds the terms kept before but keeps
# none of its own. The event index of kg/qa/event_index.py reads 29,544 and 22,012 rows
# at 1M triples, of terms read once; kept, they would push out the terms questions read
# again, and every kept term is an object that each full garbage collection walks (after
# those reads, 250,000 objects instead of 94,000: 73 ms a collection instead of 13). A
# question's largest reads (the lookups of what it shows: up to 14,000 rows) keep theirs.
BULK_READ_ROWS = 20_000


def keeps_terms(rows: int) -> bool:
    """Whether a read of ``rows`` rows keeps the terms it converts for the next reads."""
    return rows <= BULK_READ_ROWS


def from_ox(term: object, *, keep: bool = True) -> Term:
    """A pyoxigraph term as an rdflib term (``xsd:string`` literals become plain); kept for
    the next reads unless ``keep`` is false."""
    found = _CONVERTED.get(term)
    if found is None:
        found = _convert(term)
        if keep:
            _keep(term, found)
    return found


def _keep(term: object, converted: Term) -> None:
    if len(_CONVERTED) >= _CONVERTED_MAX:
        _CONVERTED.clear()
    _CONVERTED[term] = converted


def _convert(term: object) -> Term:
    if isinstance(term, ox.NamedNode):
        return URIRef(term.value)
    if isinstance(term, ox.BlankNode):
        return BNode(term.value)
    if isinstance(term, ox.Literal):
        if term.language:
            return Literal(term.value, lang=term.language)
        datatype = term.datatype.value
        if datatype == _XSD_STRING:
            return Literal(term.value)
        return Literal(term.value, datatype=URIRef(datatype))
    raise TypeError(f"unexpected term {term!r}")


def triples_block(graph: Graph) -> str:
    """Triples as N-Triples lines, each term serialized by Oxigraph (safe to embed)."""
    return "\n".join(
        f"{to_ox(s)} {to_ox(p)} {to_ox(o)} ."  # type: ignore[arg-type]
        for s, p, o in graph
    )


class EmbeddedStore:
    """Oxigraph in-process. ``path=None`` keeps everything in memory.

    ``generation`` counts the writes made through this object. Only one process can
    open an on-disk store and every write goes through these methods, so a cache
    kept for an unchanged ``generation`` is exact, with no query to check it.

    The triple count is kept, not recounted per call: counting walks every quad
    (115 ms at 1M triples), while a graph replaced or dropped changes it by what that
    one graph held before and after, counted in the graph alone. A free-form update or
    a bulk load may touch anything, so the next :meth:`count` walks the store once.
    """

    def __init__(self, path: Path | None = None, *, read_only: bool = False) -> None:
        self.path = path
        self.kind = "embedded" if path else "memory"
        self.read_only = read_only and path is not None
        # One process holds the store and Oxigraph applies each update in one transaction,
        # its WHERE checked in it: conditional updates are atomic.
        self.capabilities = Capabilities(
            snapshots=path is not None and not self.read_only,
            transactions=not self.read_only,
            conditional_update=not self.read_only,
        )
        self.generation = 0
        self._triples: int | None = None  # None: unknown, counted at the next count()
        self._writing = threading.Lock()  # one write and its count change at a time
        try:
            if path is None:
                self._store = ox.Store()
            elif self.read_only:
                # Only for a directory no process writes to (a backup): Oxigraph leaves
                # reading a store that another process writes undefined.
                self._store = ox.Store.read_only(str(path))
            else:
                path.mkdir(parents=True, exist_ok=True)
                self._store = ox.Store(str(path))
        except OSError as exc:
            if "lock" in str(exc).lower():
                raise StoreUnavailable(
                    f"the store at {path} is in use by another process "
                    "(stop `attache serve` or the other ingest, then retry)"
                ) from exc
            raise StoreError(f"cannot open the store at {path}: {exc}") from exc

    # -- queries ---------------------------------------------------------------

    def _query(self, query: str, bindings: Bindings | None) -> object:
        text = bind(query, bindings)
        try:
            return self._store.query(text, use_default_graph_as_union=True, prefixes=PREFIXES)
        except SyntaxError as exc:
            raise QueryError(f"SPARQL syntax error: {exc}") from exc
        except OSError as exc:
            raise StoreError(f"query failed: {exc}") from exc

    def select(self, query: str, bindings: Bindings | None = None) -> Rows:
        result = self._query(query, bindings)
        if not isinstance(result, ox.QuerySolutions):
            raise QueryError("expected a SELECT query")
        variables = [v.value for v in result.variables]
        rows = []
        # The terms this read added to the kept ones: taken out again, and no more added,
        # once it proves a bulk read.
        added: list[object] | None = []
        for solution in result:
            row = {}
            for name, value in zip(variables, solution, strict=True):
                if value is not None:
                    term = _CONVERTED.get(value)
                    if term is None:
                        term = _convert(value)
                        if added is not None:
                            _keep(value, term)
                            added.append(value)
                    row[name] = term
            rows.append(row)
            if added is not None and not keeps_terms(len(rows)):
                for value in added:
                    _CONVERTED.pop(value, None)
                added = None
        return Rows(variables, rows)

    def ask(self, query: str, bindings: Bindings | None = None) -> bool:
        result = self._query(query, bindings)
        if not isinstance(result, ox.QueryBoolean):
            raise QueryError("expected an ASK query")
        return bool(result)

    def construct(self, query: str, bindings: Bindings | None = None) -> Graph:
        result = self._query(query, bindings)
        if not isinstance(result, ox.QueryTriples):
            raise QueryError("expected a CONSTRUCT or DESCRIBE query")
        graph = Graph()
        for triple in result:
            graph.add((from_ox(triple.subject), from_ox(triple.predicate), from_ox(triple.object)))
        return graph

    # -- writes ----------------------------------------------------------------

    def update(self, update: str) -> None:
        with self._writing:
            self._write(update)
            self._triples = None

    def _write(self, update: str) -> None:
        # Counted before and after: a cache filled while the write runs is not kept.
        self.generation += 1
        try:
            self._store.update(update, prefixes=PREFIXES)
        except SyntaxError as exc:
            raise QueryError(f"SPARQL Update syntax error: {exc}") from exc
        except OSError as exc:
            raise StoreError(f"update failed: {exc}") from exc
        finally:
            self.generation += 1

    def replace_graph(self, graph_iri: URIRef, graph: Graph) -> None:
        name = to_ox(graph_iri)
        with self._writing:
            before = self.count(graph_iri)
            try:
                self._write(
                    f"DROP SILENT GRAPH {name} ;\nINSERT DATA {{ GRAPH {name} {{\n"
                    f"{triples_block(graph)}\n}} }}"
                )
            except BaseException:
                self._triples = None
                raise
            self._adjust(self.count(graph_iri) - before)

    def drop_graph(self, graph_iri: URIRef) -> bool:
        name = ox.NamedNode(str(graph_iri))
        with self._writing:
            if not self._has_graph(name):
                return False
            before = self.count(graph_iri)
            try:
                self._write(f"DROP GRAPH {name}")
            except BaseException:
                self._triples = None
                raise
            self._adjust(-before)
        return True

    def _adjust(self, delta: int) -> None:
        if self._triples is not None:
            self._triples += delta

    def _has_graph(self, name: ox.NamedNode) -> bool:
        return self._store.contains_named_graph(name) or any(
            True for _ in self._store.quads_for_pattern(None, None, None, name)
        )

    def graphs(self) -> list[URIRef]:
        return sorted(
            URIRef(g.value) for g in self._store.named_graphs() if isinstance(g, ox.NamedNode)
        )

    def count(self, graph_iri: URIRef | None = None) -> int:
        if graph_iri is None:
            known = self._triples
            if known is not None:
                return known
            generation = self.generation
            counted = len(self._store)
            if self._writing.acquire(blocking=False):
                try:
                    if generation == self.generation:  # no write ran meanwhile: exact
                        self._triples = counted
                finally:
                    self._writing.release()
            return counted
        name = ox.NamedNode(str(graph_iri))
        return sum(1 for _ in self._store.quads_for_pattern(None, None, None, name))

    # -- bulk ------------------------------------------------------------------

    def dump(self, out: IO[bytes], fmt: str = "trig") -> None:
        if fmt not in DUMP_FORMATS:
            raise StoreError(f"unknown dump format {fmt!r}; use one of {', '.join(DUMP_FORMATS)}")
        # TriG is read by people too: declare the project's prefixes (N-Quads has none).
        prefixes = dict(PREFIXES) if fmt == "trig" else None
        self._store.dump(out, format=_FORMATS[fmt], prefixes=prefixes)

    def load(self, data: IO[bytes] | bytes, fmt: str = "trig") -> None:
        if fmt not in DUMP_FORMATS:
            raise StoreError(f"unknown load format {fmt!r}; use one of {', '.join(DUMP_FORMATS)}")
        source = io.BytesIO(data) if isinstance(data, bytes) else data
        with self._writing:
            self.generation += 1
            self._triples = None
            try:
                self._store.load(source, format=_FORMATS[fmt])
            except SyntaxError as exc:
                raise StoreError(f"cannot load: {exc}") from exc
            finally:
                self.generation += 1

    def quads(self) -> Iterable[ox.Quad]:
        """Raw quads, for benchmarks and export."""
        return self._store.quads_for_pattern(None, None, None, None)

    def backup(self, target: Path) -> None:
        """A consistent copy of the on-disk store in ``target`` (which must not exist).

        RocksDB makes it with hard links to its immutable files: milliseconds, and little
        space, whatever the store's size. Each write is one transaction, so the copy holds
        every write made before it or none of it.
        """
        if self.path is None:
            raise StoreError("an in-memory store has no backup; dump it instead")
        try:
            self._store.backup(str(target))
        except OSError as exc:
            raise StoreError(f"cannot back up the store into {target}: {exc}") from exc

    def close(self) -> None:
        if self.path is not None and not self.read_only:
            self._store.flush()
        del self._store


@store_kind("embedded", "Oxigraph on disk under the data directory, held by one process.")
def open_embedded(config: Config) -> EmbeddedStore:
    return EmbeddedStore(config.store_path)


@store_kind("memory", "Oxigraph in memory, lost on exit; for tests and demos.")
def open_memory(config: Config) -> EmbeddedStore:
    return EmbeddedStore(None)
