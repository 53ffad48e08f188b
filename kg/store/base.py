"""The one store interface every backend implements.

Callers speak rdflib terms and SPARQL text; how a backend binds values, replaces a
graph atomically or talks to a server stays behind this interface. The same
contract tests run against every implementation.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from typing import IO, Protocol, runtime_checkable

from rdflib import BNode, Graph, Literal, URIRef

Term = URIRef | BNode | Literal
Bindings = Mapping[str, Term]

DUMP_FORMATS = ("trig", "nquads")


@dataclass
class Rows:
    """A SELECT result: the projected variables and one dict per solution.

    Unbound variables are absent from a solution's dict, as in SPARQL JSON results.
    """

    variables: list[str]
    bindings: list[dict[str, Term]] = field(default_factory=list)

    def __iter__(self) -> Iterator[dict[str, Term]]:
        return iter(self.bindings)

    def __len__(self) -> int:
        return len(self.bindings)


@dataclass(frozen=True)
class Capabilities:
    """What a backend can do, asked by callers instead of checking its class.

    - ``snapshots``: :meth:`backup` makes a consistent copy that other processes can open
      read-only while this one goes on writing (the worker processes read those);
    - ``transactions``: one update request is applied whole or not at all;
    - ``conditional_update``: an update whose ``WHERE`` checks stored data (a revision) is
      applied atomically with that check, so two writers holding the same revision cannot
      both succeed;
    - ``shared_writers``: other processes (replicas) may write the same data at once, so
      a read-check-write that must not interleave with another takes a lock held in the
      store itself (:class:`kg.store.lock.StoreLock`), not one in this process, and the
      store has a ``refresh()`` that says when others wrote;
    - ``endpoint``: the data sits behind a SPARQL endpoint that queries from outside can be
      sent to as they are (``endpoint()`` says how to reach it); the ``/sparql`` workers do.
    """

    snapshots: bool = False
    transactions: bool = False
    conditional_update: bool = False
    shared_writers: bool = False
    endpoint: bool = False


@runtime_checkable
class Store(Protocol):
    """A quad store holding one named graph per article plus the ontology graph.

    Queries see the union of all named graphs as their default graph, so templates
    need no ``GRAPH`` clause unless they ask which article said something.
    """

    kind: str
    capabilities: Capabilities

    def select(self, query: str, bindings: Bindings | None = None) -> Rows:
        """Run a SELECT; ``bindings`` pre-bind variables by name (never pasted as text)."""
        ...

    def ask(self, query: str, bindings: Bindings | None = None) -> bool:
        """Run an ASK with bound variables."""
        ...

    def construct(self, query: str, bindings: Bindings | None = None) -> Graph:
        """Run a CONSTRUCT or DESCRIBE and return the triples as an rdflib Graph."""
        ...

    def update(self, update: str) -> None:
        """Run a SPARQL Update in one transaction."""
        ...

    def replace_graph(self, graph_iri: URIRef, graph: Graph) -> None:
        """Make the named graph hold exactly ``graph``'s triples, all at once or not at all."""
        ...

    def drop_graph(self, graph_iri: URIRef) -> bool:
        """Remove a named graph; False when it did not exist."""
        ...

    def graphs(self) -> list[URIRef]:
        """The IRIs of all named graphs, sorted."""
        ...

    def count(self, graph_iri: URIRef | None = None) -> int:
        """Triples in one named graph, or quads in the whole store."""
        ...

    def dump(self, out: IO[bytes], fmt: str = "trig") -> None:
        """Write every named graph to ``out`` as TriG or N-Quads."""
        ...

    def load(self, data: IO[bytes] | bytes, fmt: str = "trig") -> None:
        """Add the quads of a TriG or N-Quads document: in one transaction when the backend
        can (embedded), else a graph per request (remote)."""
        ...

    def close(self) -> None:
        """Release files, locks or connections."""
        ...
