"""Fixtures for the SPARQL surface: apps with their query workers, and a live server.

Each app here closes its worker pool when its test (or module) ends, so no worker
process outlives the tests that started it.
"""

from __future__ import annotations

import http.server
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from flask import Flask

from kg.config import load_config
from kg.store import EmbeddedStore, Store
from service.state import state_of
from tests.service.live import LiveServer

TOKEN = "test-token-0123456789"


def make_app(store: Store, **settings: object) -> Flask:
    from service import create_app

    values: dict[str, object] = {"store": "memory", "api_token": TOKEN, "query_timeout": 2.0}
    values.update(settings)
    config = load_config(environ={}, **values)
    return create_app(config, store=store, test_config={"TESTING": True})


def close_app(app: Flask) -> None:
    pool = state_of(app).sparql.pool
    if pool is not None:
        pool.close()


@pytest.fixture(scope="module")
def sparql_app(sample_store: Store) -> Iterator[Flask]:
    """The samples, read-only, with a 2 s deadline and a 50-row cap."""
    app = make_app(sample_store, max_rows=50)
    yield app
    close_app(app)


@pytest.fixture
def samples_app(samples_trig: bytes) -> Iterator[Flask]:
    """The samples in a store of the test's own, which it may write to."""
    store = EmbeddedStore(None)
    store.load(samples_trig)
    application = make_app(store)
    yield application
    close_app(application)
    store.close()


@pytest.fixture
def write_app() -> Iterator[Flask]:
    """A small store of its own that tests may write to."""
    store = EmbeddedStore(None)
    store.update(
        "INSERT DATA { GRAPH <https://example.org/g> { "
        "<https://example.org/a> <https://example.org/p> 1 , 2 , 3 } }"
    )
    app = make_app(store)
    yield app
    close_app(app)
    store.close()


class Canary:
    """An HTTP server on 127.0.0.1 that records every connection made to it."""

    def __init__(self) -> None:
        self.hits: list[str] = []
        hits = self.hits

        class Handler(http.server.BaseHTTPRequestHandler):
            def _record(self) -> None:
                hits.append(f"{self.command} {self.path}")
                self.send_response(500)
                self.end_headers()

            do_GET = do_POST = _record

            def log_message(self, *args: object) -> None:
                pass

        self.server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.server.server_address[1]}/"

    def __enter__(self) -> Canary:
        self.thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.server.shutdown()
        self.server.server_close()
        self.thread.join()


@pytest.fixture
def canary() -> Iterator[Canary]:
    with Canary() as server:
        yield server


@pytest.fixture(scope="session")
def samples_dump(sample_store: Store, tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("dump") / "samples.trig"
    with path.open("wb") as fh:
        sample_store.dump(fh, "trig")
    return path


LIVE_SETTINGS = {
    "ATTACHE_API_TOKEN": TOKEN,
    "ATTACHE_QUERY_TIMEOUT": "3",
    "ATTACHE_MAX_ROWS": "1000",
    "ATTACHE_CLIENT_QUERIES": "4",  # every test client has the loopback address
}


@pytest.fixture(scope="session")
def live_server(
    samples_dump: Path, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[LiveServer]:
    """``attache serve`` on the samples (embedded store on disk), 3 s deadline, 1000 rows."""
    with LiveServer(tmp_path_factory.mktemp("live"), LIVE_SETTINGS).serving(samples_dump) as server:
        yield server
