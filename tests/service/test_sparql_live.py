"""The endpoint as users reach it: ``attache serve`` over HTTP, on the on-disk store and on
a remote Oxigraph server.

SPARQLWrapper (what data engineers use from Python) reads JSON, XML, CSV and a
CONSTRUCT into an rdflib graph; the probes of the issue (SSRF variants, oversized and
nested queries, a cartesian product, an update without a token) leave the server up
and the store unchanged. On the remote store the same guards run before the server sees
a query, answers are cut at the row cap, and the deadline is Attaché's: the request to
the server is abandoned and the client gets 504 while the server is still working.
"""

from __future__ import annotations

import json
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest
from rdflib import Graph
from SPARQLWrapper import CSV, JSON, POST, TURTLE, XML, SPARQLWrapper

from tests.conftest import require_binary
from tests.kg.servers import OxigraphServer, oxigraph_binary
from tests.service.conftest import LIVE_SETTINGS, TOKEN, Canary
from tests.service.live import LiveServer

pytestmark = pytest.mark.server


@pytest.fixture(scope="module", params=["embedded", "oxigraph-server"])
def live_server(
    request: pytest.FixtureRequest, samples_dump: Path, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[LiveServer]:
    """The samples served from the on-disk store, then from a remote Oxigraph server.

    The Oxigraph server's own limit (20 s) is far past Attaché's deadline (3 s), so a 504
    within the deadline is Attaché's doing.
    """
    env = dict(LIVE_SETTINGS)
    remote: OxigraphServer | None = None
    if request.param == "oxigraph-server":
        binary = oxigraph_binary() or require_binary("oxigraph", "the dev extra of pyproject.toml")
        remote = OxigraphServer(tmp_path_factory.mktemp("oxigraph"), binary, timeout_s=20)
        remote.start()
        env.update(remote.env())
    try:
        with LiveServer(tmp_path_factory.mktemp("live"), env).serving(samples_dump) as server:
            health = json.loads(fetch(server, "/api/health")[2])
            assert health["store"] == ("remote" if remote else "embedded")
            yield server
    finally:
        if remote is not None:
            remote.stop()


ARTICLES = "SELECT ?a ?title WHERE { ?a a dd:NewsArticle ; dcterms:title ?title } ORDER BY ?a"


def fetch(
    server: LiveServer, path: str, data: bytes | None = None, headers: dict[str, str] | None = None
) -> tuple[int, dict[str, str], bytes]:
    request = urllib.request.Request(server.url + path, data=data, headers=headers or {})
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            return response.status, dict(response.headers), response.read()
    except urllib.error.HTTPError as exc:
        with exc:
            return exc.code, dict(exc.headers), exc.read()


def triples(server: LiveServer) -> int:
    count: int = json.loads(fetch(server, "/api/health")[2])["triples"]
    return count


def wrapper(server: LiveServer, query: str, fmt: str) -> SPARQLWrapper:
    client = SPARQLWrapper(server.url + "/sparql")
    client.setQuery(query)
    client.setReturnFormat(fmt)
    return client


def test_sparqlwrapper_reads_json(live_server: LiveServer) -> None:
    result = wrapper(live_server, ARTICLES, JSON).queryAndConvert()
    assert isinstance(result, dict)
    rows = result["results"]["bindings"]
    assert len(rows) == 8 and all(row["title"]["value"] for row in rows)


def test_sparqlwrapper_reads_xml(live_server: LiveServer) -> None:
    document = wrapper(live_server, ARTICLES, XML).queryAndConvert()
    results = document.getElementsByTagName("result")  # type: ignore[union-attr]
    assert len(results) == 8


def test_sparqlwrapper_reads_csv_by_post(live_server: LiveServer) -> None:
    client = wrapper(live_server, ARTICLES, CSV)
    client.setMethod(POST)
    text = client.queryAndConvert().decode("utf-8")  # type: ignore[union-attr]
    lines = text.strip().splitlines()
    assert lines[0] == "a,title" and len(lines) == 9


def test_sparqlwrapper_reads_a_construct_into_an_rdflib_graph(live_server: LiveServer) -> None:
    query = "CONSTRUCT { ?a dcterms:title ?t } WHERE { ?a a dd:NewsArticle ; dcterms:title ?t }"
    graph = wrapper(live_server, query, TURTLE).queryAndConvert()
    if isinstance(graph, bytes):
        graph = Graph().parse(data=graph, format="turtle")
    assert isinstance(graph, Graph) and len(graph) == 8


def test_ssrf_probes_over_http_reach_no_one(live_server: LiveServer) -> None:
    with Canary() as canary:
        for query in (
            f"SELECT * WHERE {{ SERVICE <{canary.url}> {{ ?s ?p ?o }} }}",
            f"SELECT * WHERE {{ s\\u0065rvice <{canary.url}> {{ ?s ?p ?o }} }}",
            f"SELECT * FROM <{canary.url}> WHERE {{ ?s ?p ?o }}",
            "SELECT * WHERE { <file:///etc/passwd> ?p ?o }",
        ):
            status, _, body = fetch(
                live_server, "/sparql?" + urllib.parse.urlencode({"query": query})
            )
            assert status == 400 and json.loads(body)["code"] == "forbidden_feature"
        status, _, body = fetch(
            live_server,
            "/sparql/update",
            f"LOAD <{canary.url}>".encode(),
            {"Content-Type": "application/sparql-update", "Authorization": f"Bearer {TOKEN}"},
        )
        assert status == 400 and json.loads(body)["code"] == "forbidden_feature"
        time.sleep(0.1)
        assert canary.hits == []


def test_oversized_and_nested_queries_are_refused_and_the_server_lives(
    live_server: LiveServer,
) -> None:
    for query, code in (
        ("SELECT * WHERE { ?s ?p ?o } #" + "x" * 70 * 1024, "query_too_large"),
        ("SELECT * WHERE " + "{" * 5000 + "}" * 5000, "query_too_deep"),
    ):
        status, _, body = fetch(
            live_server, "/sparql", query.encode(), {"Content-Type": "application/sparql-query"}
        )
        assert status == 400 and json.loads(body)["code"] == code
    assert live_server.alive()
    assert fetch(live_server, "/api/health")[0] == 200


def test_a_cartesian_product_hits_the_deadline_and_other_requests_are_answered(
    live_server: LiveServer,
) -> None:
    query = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }"
    fetch(live_server, "/sparql?query=ASK%7B%7D")  # workers started, snapshot open
    outcome: dict[str, object] = {}

    def slow() -> None:
        started = time.monotonic()
        status, _, body = fetch(live_server, "/sparql?" + urllib.parse.urlencode({"query": query}))
        outcome.update(status=status, body=json.loads(body), elapsed=time.monotonic() - started)

    thread = threading.Thread(target=slow)
    thread.start()
    time.sleep(1.0)
    started = time.monotonic()
    assert fetch(live_server, "/api/health")[0] == 200
    assert fetch(live_server, "/sparql?query=ASK%7B%7D")[0] == 200  # the other worker
    quick = time.monotonic() - started
    thread.join(timeout=15)
    assert quick < 1.0
    assert outcome["status"] == 504
    assert outcome["body"]["code"] == "query_timeout"  # type: ignore[index]
    assert 3.0 <= outcome["elapsed"] < 4.0  # type: ignore[operator]
    assert fetch(live_server, "/sparql?query=ASK%7B%7D")[0] == 200


def test_an_update_without_a_token_changes_nothing_and_with_it_is_seen_at_once(
    live_server: LiveServer,
) -> None:
    before = triples(live_server)
    insert = (
        b"INSERT DATA { GRAPH <https://example.org/live> "
        b"{ <https://example.org/x> <https://example.org/p> 1 } }"
    )
    headers = {"Content-Type": "application/sparql-update"}
    assert fetch(live_server, "/sparql/update", insert, headers)[0] == 401
    wrong = {**headers, "Authorization": "Bearer nope"}
    assert fetch(live_server, "/sparql/update", insert, wrong)[0] == 403
    assert triples(live_server) == before
    right = {**headers, "Authorization": f"Bearer {TOKEN}"}
    assert fetch(live_server, "/sparql/update", insert, right)[0] == 200
    ask = urllib.parse.urlencode({"query": "ASK { <https://example.org/x> ?p 1 }"})
    assert json.loads(fetch(live_server, "/sparql?" + ask)[2])["boolean"] is True
    drop = b"DROP GRAPH <https://example.org/live>"
    assert fetch(live_server, "/sparql/update", drop, right)[0] == 200
    assert json.loads(fetch(live_server, "/sparql?" + ask)[2])["boolean"] is False
    assert triples(live_server) == before


def test_answers_are_cut_at_the_row_cap_and_say_so(live_server: LiveServer) -> None:
    query = urllib.parse.urlencode({"query": "SELECT * WHERE { ?s ?p ?o }"})
    status, headers, body = fetch(live_server, "/sparql?" + query)
    assert status == 200
    assert headers["X-Attache-Truncated"] == "true" and headers["X-Attache-Rows"] == "1000"
    document = json.loads(body)
    assert len(document["results"]["bindings"]) == 1000 and document["truncated"] is True


def test_the_console_and_its_vocabulary_work(live_server: LiveServer) -> None:
    status, _, page = fetch(live_server, "/console")
    assert status == 200 and b"<html" in page.lower()
    status, _, body = fetch(live_server, "/sparql/prefixes")
    vocabulary = json.loads(body)
    assert status == 200 and vocabulary["prefixes"]["dd"].startswith("http")
    assert any(term["prefixed"].startswith("dd:") for term in vocabulary["terms"])


def test_an_update_that_may_write_the_ontology_graph_is_refused(live_server: LiveServer) -> None:
    before = triples(live_server)
    right = {"Content-Type": "application/sparql-update", "Authorization": f"Bearer {TOKEN}"}
    for update in (
        b"CLEAR ALL",
        b"DROP GRAPH <https://w3id.org/attache/graph/ontology>",
        b"DELETE { GRAPH ?g { ?s ?p ?o } } WHERE { GRAPH ?g { ?s a owl:Class ; ?p ?o } }",
    ):
        status, _, body = fetch(live_server, "/sparql/update", update, right)
        assert status == 403 and json.loads(body)["code"] == "protected_graph", body
    assert triples(live_server) == before
