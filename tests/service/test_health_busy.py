"""``/api/health`` answers while every worker thread is busy, and never from a stale body.

The server runs in a thread of the test (waitress, as ``attache serve`` makes it) with one
worker thread, which a request of the test's own holds until the test lets it go.
"""

from __future__ import annotations

import http.client
import json
import threading
import time
from collections.abc import Iterator
from typing import Any

import pytest
from flask import Flask
from rdflib import Graph, Literal, URIRef

from kg.config import load_config
from kg.store import EmbeddedStore
from service.api import fresh_health
from service.serve import make_server, running_in_thread
from service.state import state_of
from tests.service.conftest import close_app, make_app

EXAMPLE = "https://example.org/"


@pytest.fixture
def busy_app() -> Iterator[tuple[Flask, threading.Event]]:
    """An app over a small store, with ``/_hold`` answering only once the event is set."""
    store = EmbeddedStore(None)
    app = make_app(store)
    release = threading.Event()

    @app.get("/_hold")
    def _hold() -> str:
        release.wait(30)
        return "released"

    yield app, release
    release.set()
    close_app(app)
    store.close()


@pytest.fixture
def serving(busy_app: tuple[Flask, threading.Event]) -> Iterator[tuple[Any, threading.Event]]:
    """The app served by waitress with one worker thread, on a free loopback port."""
    app, release = busy_app
    config = load_config(environ={}, store="memory", threads=1, port=0)
    with running_in_thread(make_server(app, config)) as server:
        yield server, release
        release.set()


def get(port: int, path: str, timeout: float = 10.0) -> tuple[int, bytes]:
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout)
    try:
        conn.request("GET", path)
        response = conn.getresponse()
        return response.status, response.read()
    finally:
        conn.close()


def test_health_answers_while_the_only_worker_thread_is_busy(
    serving: tuple[Any, threading.Event],
) -> None:
    server, release = serving
    port = server.effective_port
    status, first = get(port, "/api/health")  # read once by the app: the body is kept
    assert status == 200
    held: list[tuple[int, bytes]] = []
    holder = threading.Thread(target=lambda: held.append(get(port, "/_hold", timeout=30)))
    holder.start()
    time.sleep(0.3)  # the one worker thread is now inside /_hold
    started = time.monotonic()
    status, again = get(port, "/api/health", timeout=5)
    elapsed = time.monotonic() - started
    assert not held, "/_hold must still be waiting: the worker thread is busy"
    assert status == 200 and again == first
    assert elapsed < 2.0
    release.set()
    holder.join(10)
    assert held == [(200, b"released")]


def test_a_kept_health_body_is_not_sent_once_the_store_changed(
    busy_app: tuple[Flask, threading.Event],
) -> None:
    app, _ = busy_app
    client = app.test_client()
    before = client.get("/api/health").get_json()
    assert fresh_health(app) is not None
    graph = Graph()
    graph.add((URIRef(EXAMPLE + "a"), URIRef(EXAMPLE + "p"), Literal(1)))
    state_of(app).store.replace_graph(URIRef(EXAMPLE + "g"), graph)
    assert fresh_health(app) is None
    after = client.get("/api/health").get_json()
    assert after["triples"] == before["triples"] + 1
    assert json.loads(fresh_health(app) or b"{}") == after
