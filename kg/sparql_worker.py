"""A query worker: a separate process that runs SPARQL from outside on a store snapshot.

The parent (:mod:`kg.sparql_pool`) sends tasks over the worker's standard input and
reads answers from its standard output, each a length-prefixed pickle. Running
queries here rather than in the server is what makes the deadline real: Oxigraph
cannot be interrupted, but a process can be killed. It also keeps a query that
crashes the engine (several shapes overflow its stack) from taking the server down.

A worker reads the store from a snapshot the parent made: a RocksDB checkpoint
opened read-only (nobody writes to a checkpoint, so this is the supported way to read
it from a second process) or, for an in-memory store, an N-Quads dump it loads. It
answers each query already serialized, by Oxigraph's own writers, in the format the
parent negotiated, with at most ``max_rows`` rows or triples.

It imports only pyoxigraph and the standard library so that it starts quickly.
"""

from __future__ import annotations

import os
import pickle
import struct
import sys
from typing import IO, Any

import pyoxigraph as ox

RESULT_FORMATS = {
    "json": ox.QueryResultsFormat.JSON,
    "xml": ox.QueryResultsFormat.XML,
    "csv": ox.QueryResultsFormat.CSV,
    "tsv": ox.QueryResultsFormat.TSV,
}
GRAPH_FORMATS = {
    "turtle": ox.RdfFormat.TURTLE,
    "ntriples": ox.RdfFormat.N_TRIPLES,
    "jsonld": ox.RdfFormat.JSON_LD,
    "rdfxml": ox.RdfFormat.RDF_XML,
    "trig": ox.RdfFormat.TRIG,
    "nquads": ox.RdfFormat.N_QUADS,
    "n3": ox.RdfFormat.N3,
}
_HEADER = struct.Struct(">I")


def write_frame(out: IO[bytes], obj: object) -> None:
    data = pickle.dumps(obj, protocol=pickle.HIGHEST_PROTOCOL)
    out.write(_HEADER.pack(len(data)) + data)
    out.flush()


def read_frame(inp: IO[bytes]) -> Any:
    head = inp.read(_HEADER.size)
    if len(head) < _HEADER.size:
        return None
    (size,) = _HEADER.unpack(head)
    data = inp.read(size)
    if len(data) < size:
        return None
    return pickle.loads(data)


class Worker:
    """The worker's state: the snapshot it has open."""

    def __init__(self) -> None:
        self.generation: int | None = None
        self.store: ox.Store | None = None

    def open(self, snapshot: dict[str, Any]) -> None:
        self.store = None  # close the old snapshot before the parent may delete it
        if snapshot["kind"] == "disk":
            self.store = ox.Store.read_only(snapshot["path"])
        else:
            store = ox.Store()
            store.bulk_load(snapshot["data"], format=ox.RdfFormat.N_QUADS)
            self.store = store
        self.generation = snapshot["generation"]

    def handle(self, task: dict[str, Any]) -> dict[str, Any]:
        try:
            if task.get("snapshot"):
                self.open(task["snapshot"])
            if task["op"] == "check_update":
                return check_update(task)
            assert self.store is not None, "no snapshot open"
            return run_query(self.store, task)
        except SyntaxError as exc:
            return {"ok": False, "kind": "syntax", "message": str(exc)}
        except ValueError as exc:
            return {"ok": False, "kind": "bad_request", "message": str(exc)}
        except Exception as exc:  # an engine error (OSError, RuntimeError...) is an answer too
            return {"ok": False, "kind": "error", "message": str(exc)}


def _dataset(task: dict[str, Any]) -> dict[str, Any]:
    default, named = task.get("default_graphs"), task.get("named_graphs")
    if default is None and named is None:
        return {"use_default_graph_as_union": True}
    return {
        "default_graph": [ox.NamedNode(g) for g in default or []],
        "named_graphs": [ox.NamedNode(g) for g in named or []],
    }


def run_query(store: ox.Store, task: dict[str, Any]) -> dict[str, Any]:
    result = store.query(
        task["query"],
        base_iri=task.get("base_iri"),
        prefixes=task.get("prefixes"),
        **_dataset(task),
    )
    formats: dict[str, str | None] = task["formats"]
    max_rows: int = task["max_rows"]
    if isinstance(result, ox.QueryBoolean):
        name = formats.get("ask")
        if name is None:
            return {"ok": False, "kind": "not_acceptable", "form": "ask"}
        body = result.serialize(format=RESULT_FORMATS[name])
        return {"ok": True, "form": "ask", "format": name, "body": body, "count": 1}
    if isinstance(result, ox.QuerySolutions):
        name = formats.get("select")
        if name is None:
            return {"ok": False, "kind": "not_acceptable", "form": "select"}
        return select_answer(result, name, max_rows)
    name = formats.get("graph")
    if name is None:
        return {"ok": False, "kind": "not_acceptable", "form": "graph"}
    triples: list[ox.Triple] = []
    truncated = False
    for triple in result:
        if len(triples) == max_rows:
            truncated = True
            break
        triples.append(triple)
    fmt = GRAPH_FORMATS[name]
    data: list[Any] = triples
    if fmt.supports_datasets:
        data = [ox.Quad(t.subject, t.predicate, t.object, ox.DefaultGraph()) for t in triples]
    body = ox.serialize(data, format=fmt, prefixes=task.get("prefixes") or None)
    return {
        "ok": True,
        "form": "graph",
        "format": name,
        "body": body,
        "count": len(triples),
        "truncated": truncated,
    }


def select_answer(result: ox.QuerySolutions, name: str, max_rows: int) -> dict[str, Any]:
    """Up to ``max_rows`` solutions, serialized by Oxigraph in format ``name``.

    Oxigraph writes a whole result or nothing, so the rows kept are written as SPARQL
    TSV (each term by Oxigraph's N-Triples writer, which escapes tabs and newlines),
    read back with Oxigraph's parser and then written in the format asked for.
    """
    variables = result.variables
    lines = ["\t".join(str(v) for v in variables)]
    truncated = False
    count = 0
    for solution in result:
        if count == max_rows:
            truncated = True
            break
        lines.append("\t".join("" if (t := solution[v]) is None else str(t) for v in variables))
        count += 1
    if not variables:
        # TSV cannot say "no variables, n empty solutions"; JSON can.
        rows = ",".join("{}" for _ in range(count))
        text = '{"head":{"vars":[]},"results":{"bindings":[' + rows + "]}}"
        parsed = ox.parse_query_results(text, ox.QueryResultsFormat.JSON)
    else:
        parsed = ox.parse_query_results("\n".join(lines) + "\n", ox.QueryResultsFormat.TSV)
    body = parsed.serialize(format=RESULT_FORMATS[name])
    assert body is not None
    if truncated and name == "json":
        body = body[:-1] + b',"truncated":true}'
    return {
        "ok": True,
        "form": "select",
        "format": name,
        "body": body,
        "count": count,
        "truncated": truncated,
    }


def check_update(task: dict[str, Any]) -> dict[str, Any]:
    """Parse and run an update on an empty store: a crash kills this process, not the server.

    Only syntax errors (and crashes) count: an update may well fail on an empty store
    (``DROP GRAPH`` of a graph it does not hold) and succeed on the real one.
    """
    store = ox.Store()
    try:
        store.update(task["update"], base_iri=task.get("base_iri"), prefixes=task.get("prefixes"))
    except SyntaxError:
        raise
    except Exception:  # evaluated on an empty store: not this check's business
        pass
    return {"ok": True}


def main() -> None:
    # Frames go to a private copy of stdout; anything else printed goes to stderr.
    out = os.fdopen(os.dup(1), "wb")
    os.dup2(2, 1)
    inp = sys.stdin.buffer
    worker = Worker()
    while True:
        task = read_frame(inp)
        if task is None:
            return
        write_frame(out, worker.handle(task))


if __name__ == "__main__":
    main()
