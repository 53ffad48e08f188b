"""On a remote store, what a service keeps (answers) holds for as long as no write is
stamped, however long that is, and is dropped by the first request after one."""

from __future__ import annotations

import time
from types import SimpleNamespace

import pytest

import kg.store.remote as remote_module
from kg.config import load_config
from kg.store import open_store
from kg.store.remote import RemoteStore
from tests.kg.servers import OxigraphServer, remote_store
from tests.service.conftest import close_app, make_app
from tests.service.test_ask_cache import QUESTION, questions_read

pytestmark = pytest.mark.server

WRITE = (
    "INSERT DATA { GRAPH <https://example.org/g> "
    "{ <https://example.org/a> <https://example.org/p> 1 } }"
)


@pytest.fixture
def clock(monkeypatch: pytest.MonkeyPatch) -> list[float]:
    """The remote store's clock, moved by the test (hours pass in no time)."""
    now = [time.monotonic()]
    monkeypatch.setattr(
        remote_module, "time", SimpleNamespace(monotonic=lambda: now[0], sleep=time.sleep)
    )
    return now


def test_kept_answers_hold_while_nothing_is_written_and_drop_after_a_stamped_write(
    oxigraph_server: OxigraphServer,
    samples_trig: bytes,
    monkeypatch: pytest.MonkeyPatch,
    clock: list[float],
) -> None:
    store = remote_store(oxigraph_server)
    store.load(samples_trig, "trig")
    app = make_app(store)
    asked = questions_read(monkeypatch)
    client = app.test_client()
    try:
        first = client.get("/api/ask", query_string={"q": QUESTION})
        clock[0] += 3600.0  # an hour without a write
        again = client.get("/api/ask", query_string={"q": QUESTION})
        assert first.get_data() == again.get_data()
        assert len(asked) == 1

        other = open_store(load_config(environ=oxigraph_server.env()))
        other.coordinate()  # type: ignore[attr-defined]  # as another replica's service
        other.update(WRITE)
        client.get("/api/ask", query_string={"q": QUESTION})
        assert len(asked) == 2
    finally:
        close_app(app)


def test_a_command_that_wrote_stamps_when_it_closes_and_a_ttl_drops_anyway(
    oxigraph_server: OxigraphServer, clock: list[float]
) -> None:
    service = remote_store(oxigraph_server)
    service.coordinate()
    service.refresh()
    assert not service.refresh()
    command = open_store(load_config(environ=oxigraph_server.env()))
    assert isinstance(command, RemoteStore)
    command.update(WRITE)  # an ingest from the command line: not coordinated
    assert not service.refresh()
    command.close()
    assert service.refresh() and not service.refresh()

    timed = RemoteStore(service.query_url, update_url=service.update_url, stamp_ttl=5.0)
    timed.refresh()
    clock[0] += 1.0
    assert not timed.refresh()
    clock[0] += 5.0
    assert timed.refresh()  # writes made past Attaché are seen within the ttl
