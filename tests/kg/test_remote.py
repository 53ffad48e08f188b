"""The remote store: what it adds to the contract (tests/kg/test_store.py runs that).

Settings and errors, a partial or capped answer refused, a server that is down
reported as unavailable and forgotten once it is back, credentials sent without a
process-wide side effect. Misbehaviour no real server shows on demand (an HTTP 206,
a hung socket) comes from a small stub on 127.0.0.1; the rest runs on the real
servers the fixtures start.
"""

from __future__ import annotations

import base64
import io
import threading
import time
import urllib.parse
import urllib.request
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from rdflib import RDFS, Graph, Literal, URIRef

from kg.config import load_config
from kg.errors import ConfigError, QueryError, StoreError, StoreUnavailable
from kg.store import RemoteStore, open_store
from kg.store.remote import query_form
from tests.conftest import require_binary
from tests.kg.servers import (
    OxigraphServer,
    Server,
    VirtuosoServer,
    oxigraph_binary,
    remote_store,
)

EX = "http://example.org/"
G1 = URIRef(EX + "g1")
SELECT_JSON = b'{"head": {"vars": ["s"]}, "results": {"bindings": [{"s": {"type": "uri", "value": "http://example.org/a"}}]}}'


# -- settings ---------------------------------------------------------------------


def test_the_remote_store_needs_a_query_url_and_says_which_variable() -> None:
    with pytest.raises(ConfigError, match="ATTACHE_SPARQL_QUERY_URL"):
        open_store(load_config(environ={"ATTACHE_STORE": "remote"}))


@pytest.mark.parametrize(
    ("name", "value"),
    [
        ("ATTACHE_SPARQL_AUTH", "kerberos"),
        ("ATTACHE_SPARQL_QUERY_URL", "ftp://example.org/sparql"),
        ("ATTACHE_SPARQL_TIMEOUT", "0"),
    ],
)
def test_a_malformed_remote_setting_names_its_variable(name: str, value: str) -> None:
    with pytest.raises(ConfigError, match=name):
        load_config(environ={"ATTACHE_STORE": "remote", name: value})


def test_remote_settings_reach_the_store() -> None:
    store = open_store(
        load_config(
            environ={
                "ATTACHE_STORE": "remote",
                "ATTACHE_SPARQL_QUERY_URL": "http://127.0.0.1:9/q",
                "ATTACHE_SPARQL_GSP_URL": "http://127.0.0.1:9/g",
                "ATTACHE_SPARQL_USER": "u",
                "ATTACHE_SPARQL_PASSWORD": "secret",
                "ATTACHE_SPARQL_AUTH": "digest",
                "ATTACHE_SPARQL_TIMEOUT": "2.5",
                "ATTACHE_QUERY_TIMEOUT": "4",
            }
        )
    )
    assert isinstance(store, RemoteStore)
    assert store.update_url == "http://127.0.0.1:9/q"  # defaults to the query endpoint
    assert (store.gsp_url, store.timeout, store.server_timeout) == ("http://127.0.0.1:9/g", 2.5, 4)
    assert "secret" not in repr(store) and "secret" not in repr(load_config(environ={}))


def test_query_forms_are_read_past_prefixes_and_comments() -> None:
    assert query_form("# c\nPREFIX ask: <http://ex/ask#>\nBASE <x>\n select * {}") == "SELECT"
    assert query_form("DEFINE sql:log-enable 3 SELECT * {}") == "DEFINE"
    assert query_form("  WITH <g> DELETE { ?s ?p ?o } WHERE { ?s ?p ?o }") == "WITH"


# -- a stub server for what real servers do not do on demand ----------------------


class Stub:
    """Answers every request with ``reply`` and remembers what it was sent."""

    def __init__(self, reply: Callable[[BaseHTTPRequestHandler], None]) -> None:
        self.reply = reply
        self.requests: list[tuple[str, str, dict[str, str], bytes]] = []


@contextmanager
def stub_server(reply: Callable[[BaseHTTPRequestHandler], None]) -> Iterator[tuple[str, Stub]]:
    stub = Stub(reply)

    class Handler(BaseHTTPRequestHandler):
        def handle_one(self) -> None:
            length = int(self.headers.get("Content-Length") or 0)
            body = self.rfile.read(length) if length else b""
            stub.requests.append((self.command, self.path, dict(self.headers), body))
            stub.reply(self)

        do_GET = do_POST = do_PUT = handle_one

        def log_message(self, format: str, *args: object) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/sparql", stub
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)


def answer(status: int, body: bytes = SELECT_JSON, **headers: str) -> Callable[..., None]:
    def reply(handler: BaseHTTPRequestHandler) -> None:
        handler.send_response(status)
        handler.send_header("Content-Type", "application/sparql-results+json")
        for name, value in headers.items():
            handler.send_header(name.replace("_", "-"), value)
        handler.send_header("Content-Length", str(len(body)))
        handler.end_headers()
        handler.wfile.write(body)

    return reply


@pytest.mark.parametrize(
    ("reply", "message"),
    [
        (answer(206), "partial"),
        (answer(200, X_SQL_State="S1TAT", X_SQL_Message="RC...: Returning incomplete"), "partial"),
        (answer(200, X_SPARQL_MaxRows="10000"), "10000 rows"),
    ],
    ids=["http-206", "x-sql-state", "x-sparql-maxrows"],
)
def test_a_partial_or_capped_answer_is_an_error_never_rows(
    reply: Callable[..., None], message: str
) -> None:
    with stub_server(reply) as (url, _):
        store = RemoteStore(url)
        with pytest.raises(StoreError, match=message) as caught:
            store.select("SELECT ?s WHERE { ?s ?p ?o }")
        assert not isinstance(caught.value, StoreUnavailable)


def test_a_complete_answer_from_the_same_stub_gives_rows() -> None:
    with stub_server(answer(200)) as (url, _):
        rows = RemoteStore(url).select("SELECT ?s WHERE { ?s ?p ?o }")
    assert [r["s"] for r in rows] == [URIRef(EX + "a")]


@pytest.mark.parametrize("status", [502, 503, 504])
def test_a_gateway_or_overload_status_means_unavailable(status: int) -> None:
    with stub_server(answer(status, b"busy")) as (url, _), pytest.raises(StoreUnavailable):
        RemoteStore(url).select("SELECT ?s WHERE { ?s ?p ?o }")


def test_a_server_error_is_a_store_error_not_unavailability() -> None:
    with (
        stub_server(answer(500, b"Virtuoso 22023 Error SR...: no")) as (url, _),
        pytest.raises(StoreError, match="22023") as caught,
    ):
        RemoteStore(url).update("INSERT DATA { <a:a> <a:b> <a:c> }")
    assert not isinstance(caught.value, StoreUnavailable)


def test_a_server_that_never_answers_times_out_as_unavailable() -> None:
    release = threading.Event()

    def hang(handler: BaseHTTPRequestHandler) -> None:
        release.wait(10)

    with stub_server(hang) as (url, _):
        started = time.monotonic()
        try:
            with pytest.raises(StoreUnavailable, match=r"within 0\.5 s"):
                RemoteStore(url, timeout=0.5).ask("ASK { ?s ?p ?o }")
        finally:
            release.set()
    assert time.monotonic() - started < 5


def test_bound_values_travel_as_a_values_block_with_the_prefixes() -> None:
    with stub_server(answer(200)) as (url, stub):
        RemoteStore(url, server_timeout=3).select(
            "SELECT ?s WHERE { ?s rdfs:label ?l }", {"l": Literal('Tur"key')}
        )
    method, path, _, _ = stub.requests[0]
    params = urllib.parse.parse_qs(urllib.parse.urlsplit(path).query)
    assert method == "GET" and params["timeout"] == ["3000"]
    text = params["query"][0]
    assert "PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>" in text
    assert 'VALUES (?l) { ("Tur\\"key") }' in text


def test_a_long_query_is_posted() -> None:
    with stub_server(answer(200)) as (url, stub):
        RemoteStore(url).select("SELECT ?s WHERE { ?s ?p ?o } # " + "x" * 3000)
    method, _, headers, body = stub.requests[0]
    assert method == "POST" and b"query=" in body
    assert headers["Content-Type"] == "application/x-www-form-urlencoded"


def test_basic_credentials_go_with_the_first_request() -> None:
    with stub_server(answer(200)) as (url, stub):
        RemoteStore(url, user="u", password="p w").select("SELECT ?s WHERE { ?s ?p ?o }")
    expected = "Basic " + base64.b64encode(b"u:p w").decode()
    assert len(stub.requests) == 1 and stub.requests[0][2]["Authorization"] == expected


@pytest.mark.server
def test_digest_credentials_install_no_process_wide_opener(
    virtuoso_server: VirtuosoServer,
) -> None:
    """SPARQLWrapper's own digest support replaces urllib's global opener; ours does not."""
    before = urllib.request._opener  # type: ignore[attr-defined]
    remote_store(virtuoso_server).replace_graph(G1, one_label("x"))
    assert urllib.request._opener is before  # type: ignore[attr-defined]


# -- real servers -----------------------------------------------------------------


def one_label(text: str) -> Graph:
    g = Graph()
    g.add((URIRef(EX + "a"), RDFS.label, Literal(text)))
    return g


@pytest.mark.server
def test_virtuoso_answering_out_of_time_gives_an_error_not_a_partial_answer(
    virtuoso_server: VirtuosoServer,
) -> None:
    """Virtuoso's anytime query returns what it has when its time is up: refused."""
    store = remote_store(virtuoso_server)
    g = Graph()
    for i in range(2000):
        g.add((URIRef(f"{EX}s{i}"), RDFS.label, Literal(f"label {i}")))
    store.replace_graph(G1, g)
    hurried = RemoteStore(
        store.query_url,
        update_url=store.update_url,
        server_timeout=0.3,
        timeout=60,
    )
    heavy = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"
    with pytest.raises(StoreError, match="partial result"):
        hurried.select(heavy)
    assert hurried.select("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }").bindings[0]["n"] == Literal(
        2000
    )


@pytest.mark.server
def test_virtuoso_refuses_writes_with_a_wrong_password(virtuoso_server: VirtuosoServer) -> None:
    env = {**virtuoso_server.env(), "ATTACHE_SPARQL_PASSWORD": "wrong"}
    store = open_store(load_config(environ=env))
    with pytest.raises(StoreError, match="ATTACHE_SPARQL_PASSWORD"):
        store.replace_graph(G1, one_label("x"))


@pytest.mark.server
@pytest.mark.parametrize("server_name", ["oxigraph_server", "virtuoso_server"])
def test_virtuoso_pragmas_are_refused_on_reads(
    server_name: str, request: pytest.FixtureRequest
) -> None:
    """A DEFINE can make Virtuoso fetch the web or change its logging: not through select()."""
    store = remote_store(request.getfixturevalue(server_name))
    with pytest.raises(QueryError, match="DEFINE"):
        store.select('DEFINE get:soft "replace" SELECT * FROM <http://example.org/> { ?s ?p ?o }')


@pytest.mark.server
@pytest.mark.parametrize("server_name", ["oxigraph_server", "virtuoso_server"])
def test_without_a_graph_store_endpoint_graphs_are_written_by_sparql_update(
    server_name: str, request: pytest.FixtureRequest
) -> None:
    store = remote_store(request.getfixturevalue(server_name))
    plain = RemoteStore(
        store.query_url,
        update_url=store.update_url,
        user=store._user,
        password=store._password,
        auth=store._auth,
        batch_triples=100,
    )
    g = Graph()
    for i in range(250):  # three INSERT DATA requests
        g.add((URIRef(f"{EX}s{i}"), RDFS.label, Literal(i)))
    plain.replace_graph(G1, g)
    assert plain.count(G1) == 250
    plain.replace_graph(G1, one_label("small"))
    assert plain.count(G1) == 1 and plain.graphs() == [G1]


def own_server(kind: str, directory: Path) -> Server:
    """A server for one test (it may be stopped); "virtuoso-stock-limits" keeps 10000 rows."""
    if kind == "oxigraph":
        binary = oxigraph_binary() or require_binary("oxigraph", "the dev extra of pyproject.toml")
        return OxigraphServer(directory, binary)
    rows = 10_000 if kind == "virtuoso-stock-limits" else 1_000_000
    return VirtuosoServer(
        directory, require_binary("virtuoso-t"), require_binary("isql-vt"), result_rows=rows
    )


@pytest.mark.server
@pytest.mark.parametrize("kind", ["oxigraph", "virtuoso"])
def test_a_stopped_server_is_unavailable_and_the_store_works_again_after_restart(
    kind: str, tmp_path: Path
) -> None:
    server = own_server(kind, tmp_path / kind)
    server.start()
    try:
        store = remote_store(server)
        store.replace_graph(G1, one_label("before"))
        server.stop()
        for call in (store.count, store.graphs, lambda: store.replace_graph(G1, one_label("x"))):
            with pytest.raises(StoreUnavailable, match="cannot reach"):
                call()
        server.start()
        assert [str(r["l"]) for r in store.select("SELECT ?l WHERE { ?s rdfs:label ?l }")] == [
            "before"
        ]
        store.replace_graph(G1, one_label("after"))
        assert store.count() == 1
    finally:
        server.stop()


@pytest.mark.server
@pytest.mark.parametrize("kind", ["oxigraph", "virtuoso-stock-limits"])
def test_more_graphs_than_a_server_will_return_or_sort_at_once_are_listed_and_exported(
    kind: str, tmp_path: Path
) -> None:
    """Virtuoso's stock limits: results capped at 10000 rows, no sort past 10000 rows.

    Listing the graphs then falls back to pages that follow the last IRI seen.
    """
    server = own_server(kind, tmp_path / kind)
    server.start()
    try:
        store = remote_store(server)
        count = 10_050
        lines = "".join(f'<{EX}s> <{EX}p> "{i}" <{EX}g{i:05d}> .\n' for i in range(count))
        store.load(lines.encode(), "nquads")
        graphs = store.graphs()
        assert len(graphs) == count and graphs[0] == URIRef(f"{EX}g00000")
        out = io.BytesIO()
        store.dump(out, "nquads")
        assert out.getvalue().count(b"\n") == count
        every_graph = "SELECT ?g WHERE { GRAPH ?g { ?s ?p ?o } }"
        if kind == "virtuoso-stock-limits":
            with pytest.raises(StoreError, match="10000 rows"):
                store.select(every_graph)
        else:
            assert len(store.select(every_graph)) == count
    finally:
        server.stop()


def test_pages_follow_the_last_graph_seen(monkeypatch: pytest.MonkeyPatch) -> None:
    """A capped answer, then tiny pages: every graph is still listed once (a stub serves)."""
    import kg.store.remote as remote

    monkeypatch.setattr(remote, "PAGE_ROWS", 2)
    names = [f"{EX}g{i}" for i in range(5)]

    def reply(handler: BaseHTTPRequestHandler) -> None:
        query = urllib.parse.parse_qs(urllib.parse.urlsplit(handler.path).query)["query"][0]
        after = query.split('STR(?g) > "')[1].split('"')[0] if "STR(?g) >" in query else ""
        page = [g for g in names if g > after][:2]
        capped = {} if "LIMIT" in query else {"X_SPARQL_MaxRows": "2"}
        rows = ",".join(
            f'{{"g": {{"type": "uri", "value": "{g}"}}, "n": {{"type": "literal", "value": "1"}}}}'
            for g in page
        )
        body = f'{{"head": {{"vars": ["g", "n"]}}, "results": {{"bindings": [{rows}]}}}}'
        answer(200, body.encode(), **capped)(handler)

    with stub_server(reply) as (url, stub):
        assert [str(g) for g in RemoteStore(url).graphs()] == names
    assert len(stub.requests) == 4  # the capped whole answer, then three pages
