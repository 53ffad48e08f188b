"""Which graphs a SPARQL Update would write, read from its text before any server runs it.

On the embedded store an update is rehearsed on a private copy of the data, and the copy
says whether a protected graph (the ontology, its history) changed. A remote server has
no copy to rehearse on, so for it the update's operations are read instead: every graph
an operation may write is named in its text (``INSERT DATA``'s graphs, ``WITH``, the
``GRAPH`` blocks of its templates, the targets of ``DROP``, ``CLEAR``, ``ADD``, ``MOVE``
and ``COPY``), except where a template writes ``GRAPH ?g`` or an operation says ``ALL`` or
``NAMED``: those may reach any graph, protected ones included, and are refused.

The text has passed :func:`kg.sparql.guard.check_update` (size and nesting limits), so
rdflib's parser can read it safely here.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

from rdflib import URIRef, Variable
from rdflib.plugins.sparql.algebra import translateUpdate
from rdflib.plugins.sparql.parser import parseUpdate

ANY_GRAPH = "any graph"


def _get(node: Any, name: str) -> Any:
    """A member of rdflib's algebra node, or None (its own ``get`` answers a missing
    member with the member's name)."""
    return dict.get(node, name) if node is not None else None


def _template_graphs(clause: Any, with_graph: Any) -> Iterator[object]:
    if clause is None:
        return
    if _get(clause, "triples"):
        yield "DEFAULT" if with_graph is None else with_graph
    yield from (_get(clause, "quads") or {}).keys()


def written_graphs(update: str) -> set[object]:
    """The graphs ``update`` may write: IRIs, ``"DEFAULT"``, or :data:`ANY_GRAPH`.

    Raises :class:`SyntaxError`-like parser errors (``pyparsing.ParseException``) for text
    rdflib cannot read; the caller treats that as a refusal.
    """
    out: set[object] = set()
    for op in translateUpdate(parseUpdate(update)).algebra:
        name = op.name
        if name in ("Clear", "Drop", "Create", "Load"):
            target = _get(op, "graphiri")
            if name == "Load" and target is None:
                target = "DEFAULT"
            out.add(ANY_GRAPH if target in ("ALL", "NAMED") else target)
        elif name in ("Add", "Copy"):
            out.add(op.graph[1])
        elif name == "Move":
            out.update(op.graph)
        elif name in ("InsertData", "DeleteData", "DeleteWhere"):
            if _get(op, "triples"):
                out.add("DEFAULT")
            out.update((_get(op, "quads") or {}).keys())
        elif name == "Modify":
            with_graph = _get(op, "withClause")
            for clause in (_get(op, "delete"), _get(op, "insert")):
                out.update(_template_graphs(clause, with_graph))
        else:  # an operation this reader does not know: assume the worst
            out.add(ANY_GRAPH)
    return {ANY_GRAPH if isinstance(g, Variable) else g for g in out}


def protected_target(update: str, protected: Iterable[str]) -> str | None:
    """The first protected graph ``update`` may write (or :data:`ANY_GRAPH`), else None."""
    graphs = written_graphs(update)
    if ANY_GRAPH in graphs:
        return ANY_GRAPH
    for iri in protected:
        if URIRef(iri) in graphs:
            return iri
    return None
