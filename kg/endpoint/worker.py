"""A query worker: a separate process that runs SPARQL from outside on a store snapshot.

The parent (:mod:`kg.endpoint.pool`) sends tasks over the worker's standard input and
reads answers from its standard output, each a length-prefixed pickle. Running
queries here rather than in the server is what makes the deadline real: Oxigraph
cannot be interrupted, but a process can be killed. It also keeps a query that
crashes the engine (several shapes overflow its stack) from taking the server down.

A worker reads the store from a snapshot the parent made: a RocksDB checkpoint
opened read-only (nobody writes to a checkpoint, so this is the supported way to read
it from a second process) or, for an in-memory store, an N-Quads dump it loads. It
answers each query already serialized, by Oxigraph's own writers, in the format the
parent negotiated, with at most ``max_rows`` rows or triples.

A worker runs under a memory ceiling (``--memory-mb``, set as ``RLIMIT_DATA`` on
itself before it reads anything): an allocation past it fails, which Oxigraph answers
by aborting the process with "memory allocation of N bytes failed" on standard error,
and Python by a :class:`MemoryError`. Either way the parent replaces the worker and
tells the client the query needed too much memory, and the machine keeps its memory.

Updates are rehearsed here too (``op: rehearse_update``), on a private writable copy
of the store's data: a crash or a memory blow-up ends this process, not the server,
and the rehearsal says whether the update would change a graph only the ontology
editor may write.

On a remote store (``kind: remote``) the worker holds no data: it sends the query to the
server's endpoint over HTTP, reads the answer as it streams in (up to ``max_rows`` rows,
then it hangs up) and writes it as it would its own. The deadline stays Attaché's: a
worker whose server has not answered in time is killed like any other, and its HTTP
request dies with it.

It imports only pyoxigraph and the standard library so that it starts quickly.
"""

from __future__ import annotations

import argparse
import base64
import os
import pickle
import resource
import struct
import sys
import urllib.error
import urllib.parse
import urllib.request
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


class Endpoint:
    """A remote SPARQL query endpoint, as the parent describes it (URL and credentials)."""

    def __init__(self, settings: dict[str, Any]) -> None:
        self.url: str = settings["query_url"]
        self.user: str = settings.get("user") or ""
        self.password: str = settings.get("password") or ""
        self.auth: str = settings.get("auth") or "basic"
        self.timeout: float = settings.get("timeout") or 60.0

    def open(self, form: list[tuple[str, str]]) -> Any:
        """POST a protocol form; the response, or :class:`urllib.error.HTTPError`."""
        body = urllib.parse.urlencode(form).encode("utf-8")
        request = urllib.request.Request(self.url, data=body, method="POST")
        request.add_header("Content-Type", "application/x-www-form-urlencoded")
        request.add_header("Accept", REMOTE_ACCEPT)
        handlers: list[urllib.request.BaseHandler] = []
        if self.user and self.auth == "digest":
            passwords = urllib.request.HTTPPasswordMgrWithDefaultRealm()
            passwords.add_password(None, self.url, self.user, self.password)
            handlers.append(urllib.request.HTTPDigestAuthHandler(passwords))
        elif self.user:
            token = base64.b64encode(f"{self.user}:{self.password}".encode()).decode("ascii")
            request.add_header("Authorization", f"Basic {token}")
        return urllib.request.build_opener(*handlers).open(request, timeout=self.timeout)


# Results for SELECT and ASK, N-Triples for CONSTRUCT and DESCRIBE: the server picks by form.
REMOTE_ACCEPT = "application/sparql-results+json, application/n-triples;q=0.9, text/turtle;q=0.8"


class Worker:
    """The worker's state: the snapshot it has open (or the remote endpoint it asks)."""

    def __init__(self) -> None:
        self.generation: int | None = None
        self.store: ox.Store | Endpoint | None = None

    def open(self, snapshot: dict[str, Any]) -> None:
        self.store = None  # close the old snapshot before the parent may delete it
        if snapshot["kind"] == "remote":
            self.store = Endpoint(snapshot["endpoint"])
        elif snapshot["kind"] == "disk":
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
            if task["op"] == "rehearse_update":
                return rehearse_update(task)
            assert self.store is not None, "no snapshot open"
            if isinstance(self.store, Endpoint):
                return run_remote_query(self.store, task)
            return run_query(self.store, task)
        except MemoryError:
            # The heap may be in any state now: the parent replaces this worker.
            return {"ok": False, "kind": "memory", "retire": True}
        except SyntaxError as exc:
            return {"ok": False, "kind": "syntax", "message": str(exc)}
        except ValueError as exc:
            return {"ok": False, "kind": "bad_request", "message": str(exc)}
        except Exception as exc:  # an engine error (OSError, RuntimeError...) is an answer too
            # RocksDB reports a failed allocation as an I/O error or "corruption".
            if near_ceiling():
                return {"ok": False, "kind": "memory", "retire": True}
            return {"ok": False, "kind": "error", "message": str(exc), "retire": True}


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
    return answer_of(result, task)


def remote_text(task: dict[str, Any]) -> str:
    """The query with the endpoint's base IRI and prefixes declared ahead of its own.

    SPARQL lets a prologue declare a prefix again (the last one counts), so the query's
    own declarations, which follow, still win.
    """
    head = [f"BASE <{task['base_iri']}>"] if task.get("base_iri") else []
    head += [f"PREFIX {name}: <{iri}>" for name, iri in (task.get("prefixes") or {}).items()]
    return "\n".join([*head, task["query"]])


def run_remote_query(endpoint: Endpoint, task: dict[str, Any]) -> dict[str, Any]:
    """Ask the remote server; read at most ``max_rows`` rows of its answer, then hang up."""
    form = [("query", remote_text(task))]
    form += [("default-graph-uri", g) for g in task.get("default_graphs") or []]
    form += [("named-graph-uri", g) for g in task.get("named_graphs") or []]
    try:
        response = endpoint.open(form)
    except urllib.error.HTTPError as exc:
        message = exc.read(2000).decode("utf-8", "replace").strip()
        if exc.code == 400:
            if message.startswith("error at "):  # Oxigraph's parser: line and column follow
                return {"ok": False, "kind": "syntax", "message": message[:500]}
            detail = f"the SPARQL server refused the query: {message}"
            return {"ok": False, "kind": "bad_request", "message": detail[:500]}
        return {"ok": False, "kind": "unavailable", "message": f"HTTP {exc.code}: {message[:300]}"}
    except (urllib.error.URLError, OSError) as exc:
        return {"ok": False, "kind": "unavailable", "message": str(getattr(exc, "reason", exc))}
    with response:
        state = response.headers.get("X-SQL-State")
        if response.status == 206 or state or response.headers.get("X-SPARQL-MaxRows"):
            return {
                "ok": False,
                "kind": "error",
                "message": "the SPARQL server returned a partial result (Virtuoso's anytime "
                "queries or ResultSetMaxRows); narrow the query",
            }
        content_type = (response.headers.get("Content-Type") or "").split(";")[0].strip()
        result: Any
        if content_type == "application/sparql-results+json":
            result = ox.parse_query_results(response, ox.QueryResultsFormat.JSON)
        elif content_type == "application/sparql-results+xml":
            result = ox.parse_query_results(response, ox.QueryResultsFormat.XML)
        elif content_type in ("application/n-triples", "text/plain"):
            result = (q.triple for q in ox.parse(response, format=ox.RdfFormat.N_TRIPLES))
        elif content_type == "text/turtle":
            result = (q.triple for q in ox.parse(response, format=ox.RdfFormat.TURTLE))
        else:
            return {"ok": False, "kind": "error", "message": f"unexpected answer {content_type!r}"}
        return answer_of(result, task)


def answer_of(result: Any, task: dict[str, Any]) -> dict[str, Any]:
    """A query's result (solutions, a boolean or triples) serialized in the format asked for."""
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


def _graph_quads(store: ox.Store, graphs: list[str]) -> dict[str, set[ox.Quad]]:
    return {g: set(store.quads_for_pattern(None, None, None, ox.NamedNode(g))) for g in graphs}


def rehearse_update(task: dict[str, Any]) -> dict[str, Any]:
    """Run an update on a private writable copy of the data; say what it would break.

    The copy is a RocksDB checkpoint made for this rehearsal alone (``kind: disk``) or an
    N-Quads dump (``kind: dump``). Graphs in ``protected`` must come out unchanged.
    """
    copy = task["copy"]
    if copy["kind"] == "disk":
        store = ox.Store(copy["path"])
    else:
        store = ox.Store()
        store.bulk_load(copy["data"], format=ox.RdfFormat.N_QUADS)
    protected: list[str] = task.get("protected") or []
    before = _graph_quads(store, protected)
    try:
        store.update(task["update"], base_iri=task.get("base_iri"), prefixes=task.get("prefixes"))
    except SyntaxError:
        raise
    except (RuntimeError, ValueError, OSError) as exc:
        return {"ok": False, "kind": "update_failed", "message": str(exc)}
    after = _graph_quads(store, protected)
    changed = [g for g in protected if before[g] != after[g]]
    del store  # close the copy before the parent deletes it
    if changed:
        return {"ok": False, "kind": "protected", "graph": changed[0]}
    return {"ok": True}


def near_ceiling() -> bool:
    """Whether this process's heap has come within a tenth of its ceiling."""
    soft, _ = resource.getrlimit(resource.RLIMIT_DATA)
    if soft == resource.RLIM_INFINITY:
        return False
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmData:"):
                    return int(line.split()[1]) * 1024 > soft * 0.9
    except OSError:
        pass
    return True  # cannot tell: a failure under a ceiling is most likely the ceiling


def limit_memory(megabytes: int) -> None:
    """Cap this process's heap (``RLIMIT_DATA``: malloc'd and anonymous memory)."""
    if megabytes > 0:
        size = megabytes * 1024 * 1024
        resource.setrlimit(resource.RLIMIT_DATA, (size, size))


def main() -> None:
    parser = argparse.ArgumentParser(prog="kg.endpoint.worker")
    parser.add_argument("--memory-mb", type=int, default=0, help="heap ceiling; 0: none")
    limit_memory(parser.parse_args().memory_mb)
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
