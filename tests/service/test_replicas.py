"""Replicas: three ``attache serve`` processes over one SPARQL server (Oxigraph server, then
Virtuoso 7), on 127.0.0.1.

They answer the same questions the same way; an article posted to one is answered by the
others on their next request; and 50 conditional ontology edits sent at once with one ETag,
spread over the three, give exactly one success and 49 ``412``, with one revision stored
and the winner's edit seen by every replica. The edits are serialized by a lock held in
the server (:mod:`kg.store.lock`), not by any one process.
"""

from __future__ import annotations

import http.client
import json
import threading
import urllib.parse
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from kg.store import EmbeddedStore, Store
from tests.conftest import require_binary
from tests.kg.servers import (
    OxigraphServer,
    Server,
    VirtuosoServer,
    oxigraph_binary,
    remote_store,
)
from tests.service.conftest import TOKEN
from tests.service.live import LiveServer
from tests.service.test_articles_api import GREECE

pytestmark = pytest.mark.server

AUTH = {"Authorization": f"Bearer {TOKEN}"}
QUESTIONS = (
    "Who supplies the S-400 to Turkey?",
    "Which countries are buying the S-400?",
    "Who is Germany's chancellor?",
    "Under which law could Turkey face US sanctions?",
    "Which countries are in NATO?",
    "Which program was Turkey removed from?",
)


@pytest.fixture(scope="module", params=["oxigraph-server", "virtuoso"])
def replicas(
    request: pytest.FixtureRequest, samples_dump: Path, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[list[LiveServer]]:
    """Three replicas over a server of their own: Oxigraph, then Virtuoso 7."""
    server: Server
    if request.param == "oxigraph-server":
        binary = oxigraph_binary() or require_binary("oxigraph", "the dev extra of pyproject.toml")
        server = OxigraphServer(tmp_path_factory.mktemp("oxigraph"), binary)
    else:
        server = VirtuosoServer(
            tmp_path_factory.mktemp("virtuoso"),
            require_binary("virtuoso-t"),
            require_binary("isql-vt"),
        )
    server.start()
    env = {**server.env(), "ATTACHE_API_TOKEN": TOKEN, "ATTACHE_CLIENT_QUERIES": "60"}
    started: list[LiveServer] = []
    try:
        copy_graphs(samples_dump, remote_store(server))
        for n in range(3):
            live = LiveServer(tmp_path_factory.mktemp(f"replica{n}"), env)
            live.start()
            started.append(live)
        yield started
    finally:
        for live in started:
            live.stop()
        server.stop()


def copy_graphs(dump: Path, target: Store) -> None:
    """The samples, a graph per Graph Store request (Virtuoso refuses the blank nodes of
    the ontology in the INSERT DATA that ``attache import`` sends it)."""
    source = EmbeddedStore(None)
    source.load(dump.read_bytes(), "trig")
    every = "CONSTRUCT { ?s ?p ?o } WHERE { GRAPH ?g { ?s ?p ?o } }"
    for graph in source.graphs():
        target.replace_graph(graph, source.construct(every, {"g": graph}))
    source.close()


def call(
    live: LiveServer,
    method: str,
    path: str,
    body: Any = None,
    headers: dict[str, str] | None = None,
) -> tuple[int, dict[str, str], Any]:
    connection = http.client.HTTPConnection("127.0.0.1", live.port, timeout=120)
    try:
        data = None if body is None else json.dumps(body).encode()
        sent = {**(headers or {}), **({"Content-Type": "application/json"} if data else {})}
        connection.request(method, path, body=data, headers=sent)
        response = connection.getresponse()
        raw = response.read()
        head = {k.lower(): v for k, v in response.getheaders()}
        return response.status, head, json.loads(raw) if raw else None
    finally:
        connection.close()


def answers(live: LiveServer, question: str) -> list[tuple[str, str | None]]:
    status, _, body = call(live, "GET", "/api/ask?" + urllib.parse.urlencode({"q": question}))
    assert status == 200, body
    return [(a["text"], a.get("iri")) for a in body["answers"]]


def test_replicas_answer_the_same_questions_the_same_way(replicas: list[LiveServer]) -> None:
    for question in QUESTIONS:
        first = answers(replicas[0], question)
        assert first, question
        assert all(answers(other, question) == first for other in replicas[1:]), question
    healths = [call(live, "GET", "/api/health")[2] for live in replicas]
    assert len({(h["triples"], h["articles"], h["ontology_version"]) for h in healths}) == 1


def test_an_article_posted_to_one_replica_is_answered_by_the_others(
    replicas: list[LiveServer],
) -> None:
    question = "Who supplies the Rafale to Greece?"
    assert all(("France" not in [t for t, _ in answers(live, question)]) for live in replicas)
    status, _, body = call(replicas[0], "POST", "/api/articles", GREECE, AUTH)
    assert status == 201, body
    for live in replicas[1:]:
        assert [t for t, _ in answers(live, question)] == ["France"]
    status, _, _ = call(replicas[2], "DELETE", body["article"]["href"], None, AUTH)
    assert status == 200
    for live in replicas[:2]:
        assert "France" not in [t for t, _ in answers(live, question)]


def test_fifty_concurrent_edits_with_one_etag_over_three_replicas_give_one_success(
    replicas: list[LiveServer],
) -> None:
    status, headers, body = call(replicas[0], "GET", "/api/ontology/terms/dd:recipient")
    assert status == 200
    tag, labels = headers["etag"], body["term"]["alt_labels"]
    revisions = len(call(replicas[0], "GET", "/api/ontology/history")[2]["revisions"])
    barrier = threading.Barrier(50)
    statuses: dict[str, int | str] = {}

    def edit(n: int) -> None:
        word = f"acquirer{n}"
        barrier.wait()
        try:
            status, _, answer = call(
                replicas[n % 3],
                "PATCH",
                "/api/ontology/terms/dd:recipient",
                {"alt_labels": [*labels, {"value": word, "lang": "en"}], "message": word},
                {**AUTH, "If-Match": tag},
            )
        except Exception as exc:  # recorded, so the assertion below shows it
            statuses[word] = repr(exc)
        else:
            statuses[word] = status if status in (200, 412) else f"{status} {answer}"

    threads = [threading.Thread(target=edit, args=(n,)) for n in range(50)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(map(str, statuses.values())) == ["200"] + ["412"] * 49, statuses
    winner = next(word for word, status in statuses.items() if status == 200)
    for live in replicas:
        _, seen_headers, seen = call(live, "GET", "/api/ontology/terms/dd:recipient")
        words = {a["value"] for a in seen["term"]["alt_labels"]}
        assert winner in words and not any(w in words for w in statuses if w != winner)
        assert seen_headers["etag"] != tag
        history = call(live, "GET", "/api/ontology/history")[2]["revisions"]
        assert len(history) == revisions + 1
    # Nothing left behind: a writer holding the new ETag succeeds at once, on any replica.
    _, headers, body = call(replicas[1], "GET", "/api/ontology/terms/dd:recipient")
    status, _, _ = call(
        replicas[2],
        "PATCH",
        "/api/ontology/terms/dd:recipient",
        {"alt_labels": [*body["term"]["alt_labels"], {"value": "obtainer", "lang": "en"}]},
        {**AUTH, "If-Match": headers["etag"]},
    )
    assert status == 200
