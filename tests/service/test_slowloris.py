"""Clients that trickle their headers cannot make the service stop answering (slowloris).

Runs the real ``attache serve`` on 127.0.0.1 with 150 connections that each send a
request line and then a header line every second, and asks ``/api/health`` meanwhile.
"""

from __future__ import annotations

import contextlib
import json
import socket
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.service.live import LiveServer

pytestmark = [pytest.mark.server, pytest.mark.reliability]

SLOW_CLIENTS = 150
READ_TIMEOUT = 4.0


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[LiveServer]:
    live = LiveServer(
        tmp_path_factory.mktemp("slowloris"),
        {"ATTACHE_REQUEST_READ_TIMEOUT": str(READ_TIMEOUT), "ATTACHE_QUERY_WORKERS": "1"},
    )
    live.start()
    try:
        yield live
    finally:
        live.stop()


def _health(url: str, timeout: float = 3.0) -> tuple[float, dict[str, object]]:
    started = time.monotonic()
    with urllib.request.urlopen(url + "/api/health", timeout=timeout) as response:
        payload = json.loads(response.read())
    return time.monotonic() - started, payload


def _open_slow(port: int) -> socket.socket:
    sock = socket.create_connection(("127.0.0.1", port), timeout=5)
    sock.sendall(b"GET / HTTP/1.1\r\nHost: x\r\n")
    return sock


def _closed_by_server(sock: socket.socket) -> bool:
    sock.setblocking(False)
    try:
        return sock.recv(1) == b""
    except BlockingIOError:
        return False
    except OSError:
        return True


def test_health_answers_within_3_s_while_150_clients_trickle_headers(
    server: LiveServer, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    slow = [_open_slow(server.port) for _ in range(SLOW_CLIENTS)]
    timings: list[float] = []
    try:
        stop = time.monotonic() + READ_TIMEOUT - 1
        line = 0
        while time.monotonic() < stop:  # bounded: READ_TIMEOUT - 1 seconds
            line += 1
            for sock in slow:
                with contextlib.suppress(OSError):
                    sock.sendall(f"X-Slow-{line}: {line}\r\n".encode())
            elapsed, payload = _health(server.url)
            assert payload["ok"] is True
            timings.append(elapsed)
            time.sleep(1.0)
        # Past the read timeout (and a maintenance tick), every trickling client is cut off.
        time.sleep(2.5)
        cut = sum(_closed_by_server(sock) for sock in slow)
    finally:
        for sock in slow:
            sock.close()
    assert server.alive()
    assert timings and max(timings) < 3.0
    assert cut == SLOW_CLIENTS
    with capsys.disabled():
        print(
            f"\nslowloris: {SLOW_CLIENTS} slow clients, health in at most "
            f"{max(timings) * 1000:.0f} ms over {len(timings)} checks, {cut} cut off"
        )
