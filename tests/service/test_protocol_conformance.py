"""The W3C SPARQL 1.1 Protocol tests, run against a live ``attache serve``.

The runner reads the manifest from ``$ATTACHE_CONFORMANCE_DIR`` (default: the shared
copy, ``../shared/conformance/sparql11-protocol`` beside the repository; missing, the
tests skip locally and fail in CI). Each test's ``ut:graphData`` is loaded first, its
requests are sent in order with ``/sparql/`` rewritten to the endpoint (``/sparql`` for
queries, ``/sparql/update`` for updates, as the manifest allows), and each response
is checked for its status class, boolean and result format.

Updates are sent with the server's bearer token, so the update tests test the
protocol itself; a second pass sends every update request of the suite without a
token and with a wrong one, and checks each is refused and changes nothing. The
tests answered with a refusal are listed in :data:`EXCUSED`, with their reasons, and
the README lists the same (checked below).
"""

from __future__ import annotations

import http.client
import json
import os
import secrets
import urllib.parse
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from xml.etree import ElementTree

import pytest
from rdflib import Graph, Namespace, URIRef
from rdflib.collection import Collection
from rdflib.namespace import RDFS

from tests.conftest import require_binary
from tests.kg.servers import OxigraphServer, oxigraph_binary
from tests.service.live import LiveServer

ROOT = Path(__file__).resolve().parents[2]
CONFORMANCE = Path(
    os.environ.get(
        "ATTACHE_CONFORMANCE_DIR", ROOT.parent / "shared" / "conformance" / "sparql11-protocol"
    )
)
MF = Namespace("http://www.w3.org/2001/sw/DataAccess/tests/test-manifest#")
HT = Namespace("http://www.w3.org/2011/http#")
CNT = Namespace("http://www.w3.org/2011/content#")
UT = Namespace("http://www.w3.org/2009/sparql/tests/test-update#")
HTS = Namespace("http://www.w3.org/2011/http-statusCodes#")

# Tests whose expected success the endpoint's policy refuses, and why (also in README.md).
_CLEAR_ALL = (
    "its first update begins with CLEAR ALL, which would empty the ontology graph: refused "
    "with 403 protected_graph (only the ontology API writes that graph, as checked revisions)"
)
EXCUSED: dict[str, tuple[int, str, str]] = {
    "query_multiple_dataset": (
        400,
        "forbidden_feature",
        "FROM is refused with 400 forbidden_feature (the guard refuses FROM / FROM NAMED in "
        "every query; the dataset comes from the protocol parameters only)",
    ),
    **{
        name: (403, "protected_graph", _CLEAR_ALL)
        for name in (
            "update_dataset_default_graph",
            "update_dataset_default_graphs",
            "update_dataset_named_graphs",
            "update_dataset_full",
            "update_post_form",
            "update_post_direct",
        )
    },
}

RESULT_TYPES = {
    "boolean": {"application/sparql-results+json", "application/sparql-results+xml"},
    "tabular": {
        "application/sparql-results+json",
        "application/sparql-results+xml",
        "text/csv",
        "text/tab-separated-values",
    },
    "RDF": {"application/rdf+xml", "text/turtle", "application/n-triples"},
}


@dataclass
class Request:
    method: str
    path: str
    headers: dict[str, str] = field(default_factory=dict)
    body: bytes | None = None
    statuses: set[str] = field(default_factory=set)  # "2xx", "4xx"...
    boolean: bool | None = None
    format: str | None = None

    @property
    def is_query(self) -> bool:
        content_type = self.headers.get("content-type", "")
        body = (self.body or b"").lstrip()
        return content_type.startswith("application/sparql-query") or body.startswith(b"query=")


@dataclass
class ProtocolTest:
    name: str
    title: str
    graphs: list[tuple[str, Path]]
    requests: list[Request]

    def is_update_request(self, request: Request) -> bool:
        return "update" in self.name and not request.is_query


def manifest_tests(directory: Path) -> list[ProtocolTest]:
    """Every ``mf:ProtocolTest`` of the manifest, in the manifest's order."""
    graph = Graph()
    graph.parse(directory / "manifest.ttl", format="turtle", publicID=directory.as_uri() + "/")
    manifest = next(graph.subjects(predicate=MF.entries))
    out = []
    for entry in Collection(graph, graph.value(manifest, MF.entries)):
        assert isinstance(entry, URIRef)
        name = str(entry).rsplit("#", 1)[-1]
        data = []
        for node in graph.objects(entry, UT.graphData):
            label = str(graph.value(node, RDFS.label))
            file = Path(urllib.parse.urlparse(str(graph.value(node, UT.graph))).path)
            data.append((label, directory / file.name))
        action = graph.value(entry, MF.action)
        requests = []
        for node in Collection(graph, graph.value(action, HT.requests)):
            headers = {}
            header_list = graph.value(node, HT.headers)
            if header_list is not None:
                for header in Collection(graph, header_list):
                    headers[str(graph.value(header, HT.fieldName)).lower()] = str(
                        graph.value(header, HT.fieldValue)
                    )
            body = None
            content = graph.value(node, HT.body)
            if content is not None:
                encoding = str(graph.value(content, CNT.characterEncoding) or "UTF-8")
                body = str(graph.value(content, CNT.chars)).encode(encoding.lower())
            response = graph.value(node, HT.resp)
            statuses = {
                str(s).rsplit("#StatusCode", 1)[-1]
                for s in graph.objects(response, MF.expectedStatus)
            }
            boolean = graph.value(response, MF.expectedBoolean)
            fmt = graph.value(response, MF.expectedFormat)
            requests.append(
                Request(
                    method=str(graph.value(node, HT.methodName)),
                    path=str(graph.value(node, HT.absolutePath)),
                    headers=headers,
                    body=body,
                    statuses=statuses,
                    boolean=None if boolean is None else boolean.toPython(),
                    format=None if fmt is None else str(fmt),
                )
            )
        out.append(ProtocolTest(name, str(graph.value(entry, MF.name)), data, requests))
    return out


def _tests() -> list[ProtocolTest]:
    if not (CONFORMANCE / "manifest.ttl").is_file():
        return []
    return manifest_tests(CONFORMANCE)


TESTS = _tests()


def require_suite() -> None:
    if TESTS:
        return
    message = f"the SPARQL 1.1 Protocol tests are not at {CONFORMANCE} (ATTACHE_CONFORMANCE_DIR)"
    if os.environ.get("CI"):
        pytest.fail(message)
    pytest.skip(message)


TOKEN = secrets.token_urlsafe(16)


def test_the_w3c_protocol_suite_is_there_to_run() -> None:
    """Without the manifest the parametrized tests below would be an empty set, which pytest
    skips quietly; this test makes that a failure in CI."""
    require_suite()
    assert len(TESTS) >= 30


@pytest.fixture(scope="module", params=["embedded", "oxigraph-server"])
def server(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[LiveServer]:
    """``attache serve`` on the embedded store, then on a remote Oxigraph server of its own."""
    require_suite()
    env = {"ATTACHE_API_TOKEN": TOKEN}
    remote: OxigraphServer | None = None
    if request.param == "oxigraph-server":
        binary = oxigraph_binary() or require_binary("oxigraph", "the dev extra of pyproject.toml")
        remote = OxigraphServer(tmp_path_factory.mktemp("oxigraph"), binary)
        remote.start()
        env.update(remote.env())
    live = LiveServer(tmp_path_factory.mktemp("conformance"), env)
    try:
        live.start()
        yield live
    finally:
        live.stop()
        if remote is not None:
            remote.stop()


@dataclass
class Reply:
    status: int
    content_type: str
    body: bytes


def http_request(
    server: LiveServer, method: str, path: str, body: bytes | None, headers: dict[str, str]
) -> Reply:
    connection = http.client.HTTPConnection("127.0.0.1", server.port, timeout=30)
    try:
        connection.request(method, path, body=body, headers=headers)
        response = connection.getresponse()
        content_type = (response.getheader("content-type") or "").split(";")[0].strip()
        return Reply(response.status, content_type, response.read())
    finally:
        connection.close()


def send(
    server: LiveServer, test: ProtocolTest, request: Request, token: str | None = TOKEN
) -> Reply:
    path, _, query = request.path.partition("?")
    assert path.startswith("/sparql/")
    update = test.is_update_request(request)
    target = "/sparql/update" if update else "/sparql"
    headers = dict(request.headers)
    if update and token is not None:
        headers["authorization"] = f"Bearer {token}"
    return http_request(
        server, request.method, target + ("?" + query if query else ""), request.body, headers
    )


def load_graphs(server: LiveServer, test: ProtocolTest) -> None:
    for name, file in test.graphs:
        update = (
            f"DROP SILENT GRAPH <{name}> ;\n"
            f"INSERT DATA {{ GRAPH <{name}> {{\n{file.read_text(encoding='utf-8')}\n}} }}"
        )
        reply = http_request(
            server,
            "POST",
            "/sparql/update",
            update.encode(),
            {"content-type": "application/sparql-update", "authorization": f"Bearer {TOKEN}"},
        )
        assert reply.status == 200, reply.body


def parse_boolean(content_type: str, body: bytes) -> bool:
    if content_type == "application/sparql-results+json":
        value = json.loads(body)["boolean"]
        assert isinstance(value, bool)
        return value
    root = ElementTree.fromstring(body)
    element = root.find("{http://www.w3.org/2005/sparql-results#}boolean")
    assert element is not None and element.text is not None
    return element.text.strip() == "true"


def check(request: Request, reply: Reply) -> None:
    body, content_type = reply.body, reply.content_type
    status_class = f"{reply.status // 100}xx"
    assert status_class in request.statuses, (reply.status, body[:300])
    if request.format is not None:
        assert content_type in RESULT_TYPES[request.format], content_type
    if request.boolean is not None:
        assert parse_boolean(content_type, body) is request.boolean
    if status_class in {"4xx", "5xx"}:
        error = json.loads(body)
        assert error["ok"] is False and error["status"] == reply.status


@pytest.mark.server
@pytest.mark.parametrize("test", TESTS, ids=[t.name for t in TESTS])
def test_w3c_protocol_test_passes_against_the_live_endpoint(
    server: LiveServer, test: ProtocolTest
) -> None:
    """Each manifest test passes, or is refused exactly as :data:`EXCUSED` says."""
    load_graphs(server, test)
    for request in test.requests:
        reply = send(server, test, request)
        if test.name in EXCUSED:
            status, code, _ = EXCUSED[test.name]
            error = json.loads(reply.body)
            assert reply.status == status and error["code"] == code, error
            break  # the requests after it depend on what was refused
        check(request, reply)


UPDATES = [(t, r) for t in TESTS for r in t.requests if t.is_update_request(r)]


@pytest.mark.server
@pytest.mark.parametrize(
    ("test", "request_"), UPDATES, ids=[f"{t.name}-{i}" for i, (t, _) in enumerate(UPDATES)]
)
def test_every_update_request_without_a_valid_token_is_refused_and_changes_nothing(
    server: LiveServer, test: ProtocolTest, request_: Request
) -> None:
    """Read-only for the public: no token is 401, a wrong token 403, and the store is intact."""
    before = _triples(server)
    no_token = send(server, test, request_, token=None)
    wrong = send(server, test, request_, token="not-" + TOKEN)
    statuses = (no_token.status, wrong.status)
    if request_.method == "POST":
        assert statuses == (401, 403)
    else:
        assert all(400 <= s < 500 for s in statuses)
    for reply in (no_token, wrong):
        assert json.loads(reply.body)["ok"] is False
    assert _triples(server) == before


def _triples(server: LiveServer) -> int:
    count: int = json.loads(http_request(server, "GET", "/api/health", None, {}).body)["triples"]
    return count


def test_the_readme_lists_every_excused_protocol_test() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for name in EXCUSED:
        assert f"`{name}`" in readme
