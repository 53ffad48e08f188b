"""Importing an export so that importing it again changes nothing.

Quads without blank nodes are a set: adding them twice leaves one copy. Blank nodes are
not: each load mints new ones, so a graph that holds some (the ontology's lists and
restrictions) would grow with every import. Such graphs are therefore replaced whole by
their copy in the file, each in one transaction, after the bulk load of everything else.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from pathlib import Path

import pyoxigraph as ox
from rdflib import Graph, URIRef

from kg.errors import StoreError
from kg.store.base import Store
from kg.store.embedded import from_ox

_FORMATS = {"trig": ox.RdfFormat.TRIG, "nquads": ox.RdfFormat.N_QUADS}


@dataclass(frozen=True)
class Imported:
    added: int
    seconds: float
    replaced_graphs: int


def _parse(path: Path, fmt: str) -> ox.QuadParser:
    try:
        return ox.parse(path=str(path), format=_FORMATS[fmt])
    except (SyntaxError, OSError) as exc:
        raise StoreError(f"cannot read {path}: {exc}") from exc


def blank_node_graphs(path: Path, fmt: str) -> dict[URIRef, Graph]:
    """The named graphs of the file that hold blank nodes, each as it is in the file."""
    marked: set[ox.NamedNode] = set()
    try:
        for quad in _parse(path, fmt):
            if isinstance(quad.graph_name, ox.NamedNode) and (
                isinstance(quad.subject, ox.BlankNode) or isinstance(quad.object, ox.BlankNode)
            ):
                marked.add(quad.graph_name)
        if not marked:
            return {}
        graphs: dict[URIRef, Graph] = {URIRef(g.value): Graph() for g in marked}
        for quad in _parse(path, fmt):
            if quad.graph_name in marked:
                triple = (from_ox(quad.subject), from_ox(quad.predicate), from_ox(quad.object))
                graphs[URIRef(quad.graph_name.value)].add(triple)
    except SyntaxError as exc:
        raise StoreError(f"cannot load: {exc}") from exc
    return graphs


def import_file(store: Store, path: Path, fmt: str) -> Imported:
    """Add the file's quads; graphs with blank nodes replace their stored copy whole."""
    with_blanks = blank_node_graphs(path, fmt)
    before = store.count()
    started = time.perf_counter()
    with path.open("rb") as fh:
        store.load(fh, fmt)
    for name, graph in with_blanks.items():
        store.replace_graph(name, graph)
    seconds = time.perf_counter() - started
    return Imported(store.count() - before, seconds, len(with_blanks))
