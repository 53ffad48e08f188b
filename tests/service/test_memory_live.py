"""Two runaway queries against the real ``attache serve`` keep its processes under 2 GB.

The store holds 5,000 triples, enough for ``?a ?b ?c . ?d ?e ?f ORDER BY`` to want
many gigabytes; each worker's memory ceiling stops it. The resident memory of the
server and all its children is sampled every 20 ms while both queries run.
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

from tests.service.live import LiveServer

pytestmark = [pytest.mark.server, pytest.mark.reliability]

RUNAWAY = "SELECT * WHERE { ?a ?b ?c . ?d ?e ?f } ORDER BY ?c ?f LIMIT 1"
LIMIT_BYTES = 2 * 1024**3


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[LiveServer]:
    root = tmp_path_factory.mktemp("memory")
    dump = root / "data.trig"
    lines = [f"<urn:s{i}> <urn:p{i % 7}> 'value {i}' ." for i in range(5000)]
    dump.write_text("<urn:g> {\n" + "\n".join(lines) + "\n}\n", encoding="utf-8")
    with LiveServer(
        root / "data",
        {"ATTACHE_QUERY_TIMEOUT": "30", "ATTACHE_CLIENT_QUERIES": "2"},
    ).serving(dump) as live:
        yield live


def _tree(pid: int) -> list[int]:
    """``pid`` and its descendants; a process that ends while it is read (a query worker
    killed at its deadline) has none."""
    pids = [pid]
    try:
        children = Path(f"/proc/{pid}/task/{pid}/children").read_text().split()
    except (FileNotFoundError, ProcessLookupError):
        return pids
    for child in children:
        pids.extend(_tree(int(child)))
    return pids


def _rss(pid: int) -> int:
    total = 0
    for each in _tree(pid):
        try:
            for line in Path(f"/proc/{each}/status").read_text().splitlines():
                if line.startswith("VmRSS:"):
                    total += int(line.split()[1]) * 1024
        except (FileNotFoundError, ProcessLookupError):
            continue
    return total


def _ask(url: str, results: list[tuple[int, dict[str, object]]]) -> None:
    data = urllib.parse.urlencode({"query": RUNAWAY}).encode()
    try:
        with urllib.request.urlopen(url + "/sparql", data=data, timeout=60) as response:
            results.append((response.status, {}))
    except urllib.error.HTTPError as exc:
        results.append((exc.code, json.loads(exc.read())))


@pytest.mark.skipif(not Path("/proc/self/task").exists(), reason="reads /proc")
def test_two_runaway_queries_keep_the_service_under_2_gb(
    server: LiveServer, capsys: pytest.CaptureFixture[str]
) -> None:
    assert server.proc is not None
    pid = server.proc.pid
    results: list[tuple[int, dict[str, object]]] = []
    threads = [threading.Thread(target=_ask, args=(server.url, results)) for _ in range(2)]
    peak = _rss(pid)
    for thread in threads:
        thread.start()
    deadline = time.monotonic() + 60
    while any(t.is_alive() for t in threads) and time.monotonic() < deadline:
        peak = max(peak, _rss(pid))
        time.sleep(0.02)
    for thread in threads:
        thread.join(timeout=5)
    assert [status for status, _ in results] == [400, 400], results
    assert all(body["code"] == "query_memory" for _, body in results)
    assert peak < LIMIT_BYTES
    with urllib.request.urlopen(server.url + "/api/health", timeout=3) as response:
        assert response.status == 200
    with capsys.disabled():
        print(f"\ntwo runaway queries: peak RSS of the service {peak / 1024**2:.0f} MiB")
