"""Throughput under load: closed-loop clients against `attache serve` on the bench/ask.py graph.

Why: one user is answered in milliseconds, but a service is judged by what it answers
when several ask at once (issue #13). Targets on two cores at 1M triples: at least 300
answered questions/s with 4 clients, p95 at most 50 ms with 4 clients, and
``/api/health`` p50 under 2 ms.

What it does: starts ``attache serve`` (its own process, ``--workers N``) on the store
that ``bench/ask.py --data DIR`` built and kept, then for each number of clients runs
that many client threads for ``--seconds``, each on one kept-alive connection, each
sending ``GET /api/ask`` for the next of the benchmark's questions as soon as the last
was answered (closed loop). Meanwhile one more connection polls ``GET /api/health``
every 50 ms, so its latency is measured in the same run, under the same load; it is
also measured idle before the first load. The poller is a process of its own, as a load
balancer is: in the clients' process it would wait for their interpreter lock, and time
that wait as the server's. Before the levels, 4 clients ask for
``--prime`` seconds (not counted), and each level starts with a short warm-up that is not
counted either. Priming opens a new connection for each question, which whichever process
is idle accepts, so that every process reads the questions (a kept-alive connection stays
with the process that accepted it, and the 4 of priming could all land on one).

Three modes, and the first line says which one ran (the benchmark's questions are
cycled, so each is asked many times):
- default: answers and reads kept (``ATTACHE_KEPT_ANSWERS``, ``ATTACHE_KEPT_READS`` as
  declared): a question asked again is answered from the kept answer;
- ``--no-kept-answers``: every question is answered afresh, but what questions read from
  the store (a template's rows for the same values, an entity's sentences) is kept
  (``ATTACHE_KEPT_ANSWERS=0``), as on a real service, where questions differ in wording
  but read the same popular entities;
- ``--uncached``: nothing kept (``ATTACHE_KEPT_ANSWERS=0 ATTACHE_KEPT_READS=0``): every
  question reads everything from the store, as if asked for the first time.
Resident memory of the serving processes (the server, its readers and query workers) is
printed before priming, after it and after each level, with its share per million
triples: RSS (what each process has resident, summed: a page of the interpreter's or a
library's code that two processes map counts twice) and PSS (each shared page counted
once, split among the processes that map it: what they take from the machine together).

Usage: python bench/load.py --data DIR [--clients 1,4,8] [--seconds 10] [--workers 2]
    [--warmup 2] [--prime 20] [--health-every 0.05] [--source DIR]
    [--no-kept-answers | --uncached] [--sparql http://127.0.0.1:7878]
(--source: serve the code of another source tree, for comparison.)
Prints figures; asserts nothing.
"""

from __future__ import annotations

import argparse
import http.client
import json
import multiprocessing
import os
import re
import socket
import statistics
import subprocess
import sys
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import quote

ROOT = Path(__file__).resolve().parent.parent
HEALTH_EVERY = 0.05
# Left out by default: at 0b8023d these questions run for minutes ("When did Turkey start
# receiving the S-400?" over 100 s in-process, synthetic ones over 30 s), and a server
# thread stuck on one takes a core from every other request of the run.
SKIPPED = (r"^When did .* start receiving ",)

# What the server keeps in each mode (settings of ``attache serve``), and what it means.
MODES = {
    "kept": ({}, "answers kept, reads kept"),
    "no-kept-answers": (
        {"ATTACHE_KEPT_ANSWERS": "0"},
        "answers not kept, reads kept (every question answered afresh; its reads repeat)",
    ),
    "uncached": (
        {"ATTACHE_KEPT_ANSWERS": "0", "ATTACHE_KEPT_READS": "0"},
        "nothing kept (every question read from the store)",
    ),
}


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


def pct(values: list[float], q: float) -> float:
    if not values:
        return float("nan")
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q / 100 * len(ordered)))]


@dataclass
class Tally:
    """What the clients of one level saw: latencies of answered questions, failures."""

    ms: list[float] = field(default_factory=list)
    failed: int = 0
    errors: list[str] = field(default_factory=list)  # the first failure, said once
    lock: threading.Lock = field(default_factory=threading.Lock)


@dataclass
class Usage:
    """The memory of one serving process, in MB."""

    name: str
    rss: float  # resident
    anon: float  # resident and anonymous: its heap, not mapped files
    pss: float  # resident, each page shared with n processes counted as 1/n


class Server:
    """``attache serve`` on a free loopback port, started and stopped by the benchmark."""

    def __init__(
        self,
        data: Path,
        workers: int,
        source: Path | None,
        settings: dict[str, str] | None = None,
        sparql: str | None = None,
    ) -> None:
        self.port = free_port()
        env = {k: v for k, v in os.environ.items() if not k.startswith("ATTACHE_")}
        env.update({"ATTACHE_LOG_LEVEL": "WARNING", "ATTACHE_WORKERS": str(workers)})
        env.update(settings or {})
        if sparql:  # an Oxigraph server holding the same graph (its base URL)
            env.update(
                {
                    "ATTACHE_STORE": "remote",
                    "ATTACHE_SPARQL_QUERY_URL": sparql + "/query",
                    "ATTACHE_SPARQL_UPDATE_URL": sparql + "/update",
                    "ATTACHE_SPARQL_GSP_URL": sparql + "/store",
                }
            )
        code = source or ROOT
        env["PYTHONPATH"] = os.pathsep.join(p for p in (str(code), env.get("PYTHONPATH")) if p)
        command = [sys.executable, "-m", "kg", "--data", str(data), "serve"]
        command += ["--port", str(self.port)]
        self.proc = subprocess.Popen(command, env=env, cwd=code)
        deadline = time.monotonic() + 300
        while True:
            try:
                with socket.create_connection(("127.0.0.1", self.port), timeout=1):
                    break
            except OSError:
                if self.proc.poll() is not None or time.monotonic() > deadline:
                    raise SystemExit("attache serve did not start") from None
                time.sleep(0.2)

    def connection(self) -> http.client.HTTPConnection:
        return http.client.HTTPConnection("127.0.0.1", self.port, timeout=30)

    def rss_mb(self) -> float:
        """Resident memory of the server and its child processes (workers), in MB."""
        return sum(p.rss for p in self.memory_by_process())

    def pss_mb(self) -> float:
        """Their proportional set size, in MB: a page several of them map (the interpreter's
        and the libraries' code) counted once, shared out among them."""
        return sum(p.pss for p in self.memory_by_process())

    def memory_by_process(self) -> list[Usage]:
        """Each serving process (the server, its readers and query workers): its module,
        resident memory, the anonymous part of it (its heap, not files mapped from the page
        cache) and its proportional share (PSS), in MB."""
        pids, out = [self.proc.pid], []
        for n in range(100):  # bounded walk of the process tree
            if n >= len(pids):
                break
            try:
                children = Path(f"/proc/{pids[n]}/task/{pids[n]}/children").read_text().split()
                status = Path(f"/proc/{pids[n]}/status").read_text()
                argv = Path(f"/proc/{pids[n]}/cmdline").read_bytes().split(b"\0")
                rollup = Path(f"/proc/{pids[n]}/smaps_rollup").read_text()
            except OSError:
                continue
            pids.extend(int(c) for c in children)
            name = argv[2].decode() if len(argv) > 2 and argv[1] == b"-m" else "?"
            kb = {
                k: int(v.split()[0])
                for k, _, v in (line.partition(":") for line in (status + rollup).splitlines())
                if k in ("VmRSS", "RssAnon", "Pss")
            }
            if "VmRSS" in kb:
                mb = {k: v / 1024 for k, v in kb.items()}
                out.append(Usage(name, mb["VmRSS"], mb.get("RssAnon", 0), mb.get("Pss", 0)))
        return out

    def stop(self) -> None:
        self.proc.terminate()
        try:
            self.proc.wait(timeout=60)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()


def get(conn: http.client.HTTPConnection, path: str) -> int:
    conn.request("GET", path)
    response = conn.getresponse()
    response.read()
    return response.status


def client(
    server: Server,
    paths: list[str],
    start: int,
    until: float,
    tally: Tally | None,
    reconnect: bool = False,
) -> None:
    """One closed-loop client: the next question as soon as the last is answered (with
    ``reconnect``, each on a new connection, which whichever process is idle accepts)."""
    conn = server.connection()
    n = start
    try:
        while (now := time.perf_counter()) < until:
            path = paths[n % len(paths)]
            n += 1
            if reconnect and n > start + 1:
                conn.close()
                conn = server.connection()
            try:
                status = get(conn, path)
            except (OSError, http.client.HTTPException) as exc:
                if tally is not None and not tally.errors:
                    tally.errors.append(
                        f"{type(exc).__name__}: {exc} after "
                        f"{time.perf_counter() - now:.1f} s on {path}"
                    )
                conn.close()
                conn = server.connection()
                status = 0
            ms = (time.perf_counter() - now) * 1000
            if tally is not None:
                with tally.lock:
                    if status == 200:
                        tally.ms.append(ms)
                    else:
                        tally.failed += 1
    finally:
        conn.close()


def poll_health(port: int, deadline: float, every: float, out: Any) -> None:
    """Poll ``/api/health`` until ``deadline`` (``time.monotonic``, the same clock in every
    process) and send back the latencies; run in a process of its own."""
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    times: list[float] = []
    try:
        while time.monotonic() < deadline:
            started = time.perf_counter()
            if get(conn, "/api/health") == 200:
                times.append((time.perf_counter() - started) * 1000)
            time.sleep(max(0.0, every - (time.perf_counter() - started)))
    finally:
        conn.close()
        out.put(times)


def run(
    server: Server,
    paths: list[str],
    clients: int,
    duration: float,
    tally: Tally | None = None,
    health: list[float] | None = None,
    every: float = HEALTH_EVERY,
    reconnect: bool = False,
) -> None:
    """``clients`` closed-loop clients (and the health poller) for ``duration`` seconds."""
    poller = None
    if health is not None:  # started first: a process takes a moment to start
        context = multiprocessing.get_context("fork")  # before any client thread exists
        results = context.Queue()
        deadline = time.monotonic() + duration
        poller = context.Process(target=poll_health, args=(server.port, deadline, every, results))
        poller.start()
    until = time.perf_counter() + duration
    threads = [
        threading.Thread(target=client, args=(server, paths, i * 7, until, tally, reconnect))
        for i in range(clients)
    ]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    if poller is not None and health is not None:
        health.extend(results.get(timeout=60))
        poller.join()


def level(
    server: Server, paths: list[str], clients: int, seconds: float, warmup: float, every: float
) -> str:
    run(server, paths, clients, warmup)
    tally, health = Tally(), list[float]()
    started = time.perf_counter()
    run(server, paths, clients, seconds, tally, health, every)
    elapsed = time.perf_counter() - started
    for error in tally.errors:
        print(f"  first failure with {clients} clients: {error}")
    rate = len(tally.ms) / elapsed
    return (
        f"{clients:>7} {rate:>12.0f} {pct(tally.ms, 50):>7.1f} {pct(tally.ms, 95):>7.1f} "
        f"{pct(tally.ms, 99):>7.1f} {tally.failed:>6} {pct(health, 50):>11.2f} "
        f"{pct(health, 95):>10.2f} {server.rss_mb():>8.0f} {server.pss_mb():>8.0f}"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, required=True, help="kept by bench/ask.py --data")
    parser.add_argument("--clients", default="1,4,8", help="comma-separated client counts")
    parser.add_argument("--seconds", type=float, default=10.0, help="measured time per level")
    parser.add_argument("--warmup", type=float, default=2.0, help="unmeasured time per level")
    parser.add_argument(
        "--prime", type=float, default=20.0, help="seconds of 4 unmeasured clients first"
    )
    parser.add_argument(
        "--health-every", type=float, default=HEALTH_EVERY, help="seconds between health polls"
    )
    parser.add_argument("--workers", type=int, default=2, help="ATTACHE_WORKERS of the server")
    parser.add_argument(
        "--skip",
        action="append",
        default=list(SKIPPED),
        help="regular expression of questions left out (default: those that run for minutes)",
    )
    parser.add_argument("--source", type=Path, help="serve the code in this source tree instead")
    keeping = parser.add_mutually_exclusive_group()
    keeping.add_argument(
        "--no-kept-answers",
        dest="mode",
        action="store_const",
        const="no-kept-answers",
        help="the server keeps no answers (ATTACHE_KEPT_ANSWERS=0) but keeps what they read",
    )
    keeping.add_argument(
        "--uncached",
        dest="mode",
        action="store_const",
        const="uncached",
        help="the server keeps nothing (ATTACHE_KEPT_ANSWERS=0, ATTACHE_KEPT_READS=0): "
        "every question is read from the store",
    )
    parser.add_argument(
        "--sparql",
        help="serve from this Oxigraph server (base URL) instead, loaded with the same graph "
        "(attache --data DIR export | attache --store remote import)",
    )
    args = parser.parse_args()
    mode = args.mode or "kept"
    settings, said = MODES[mode]

    meta_path = args.data / "bench-questions.json"
    if not meta_path.exists():
        raise SystemExit(f"no {meta_path}: build the graph with bench/ask.py --data {args.data}")
    meta = json.loads(meta_path.read_text(encoding="utf-8"))
    skip = re.compile("|".join(args.skip)) if args.skip else None
    texts = [q["text"] for q in meta["questions"]]
    skipped = [t for t in texts if skip and skip.search(t)]
    paths = ["/api/ask?q=" + quote(t) for t in texts if t not in skipped]
    server = Server(
        args.data.resolve() / ("remote" if args.sparql else ""),
        args.workers,
        args.source,
        settings,
        args.sparql,
    )
    try:
        conn = server.connection()
        conn.request("GET", "/api/health")
        health = json.loads(conn.getresponse().read())
        idle = []
        for _ in range(50):
            started = time.perf_counter()
            get(conn, "/api/health")
            idle.append((time.perf_counter() - started) * 1000)
        conn.close()
        millions = health["triples"] / 1e6

        def memory(when: str) -> str:
            each = server.memory_by_process()
            rss, anon = sum(p.rss for p in each), sum(p.anon for p in each)
            pss = sum(p.pss for p in each)
            parts = ", ".join(f"{p.name} {p.rss:.0f} ({p.anon:.0f}, {p.pss:.0f})" for p in each)
            return (
                f"{when}: {rss:.0f} MB, {rss / 1024 / millions:.2f} GB per million triples "
                f"(proportional {pss:.0f} MB, {pss / 1024 / millions:.2f} GB per million; "
                f"anonymous {anon:.0f} MB, {anon / 1024 / millions:.2f} GB per million; "
                f"each process: RSS (anonymous, proportional) {parts})"
            )

        print(f"mode: {mode}: {said}; " + " ".join(f"{k}={v}" for k, v in settings.items()))
        print(
            f"attache serve ({args.source or 'this tree'}), {args.workers} worker(s), "
            f"{health['triples']:,} triples in {health['articles']:,} articles, on "
            f"{os.cpu_count()} cores; {len(paths)} questions cycled; {args.seconds:.0f} s "
            f"per level after {args.warmup:.0f} s of warm-up; left out: {len(skipped)} "
            f"matching {args.skip}"
        )
        print(f"/api/health idle: p50 {statistics.median(idle):.2f} ms, p95 {pct(idle, 95):.2f} ms")
        print("resident memory of the serving processes " + memory("at start"))
        primed = Tally()
        # A kept-alive connection stays with the process that accepted it, and 4 of them
        # can all land on one: priming opens one per question, so every process reads.
        run(server, paths, 4, args.prime, primed, reconnect=True)
        print(
            f"primed with 4 clients for {args.prime:.0f} s: {len(primed.ms)} questions answered "
            f"(p50 {pct(primed.ms, 50):.1f} ms, p95 {pct(primed.ms, 95):.1f} ms, max "
            f"{max(primed.ms, default=0):.0f} ms), a new connection for each, so that every "
            "process has read most questions before"
        )
        for error in primed.errors:
            print(f"  first failure while priming: {error}")
        print("resident memory " + memory("after priming"))
        print(
            "clients  questions/s  p50 ms  p95 ms  p99 ms failed  health p50  health p95"
            "  RSS MB  PSS MB"
        )
        for clients in (int(c) for c in args.clients.split(",")):
            print(
                level(server, paths, clients, args.seconds, args.warmup, args.health_every),
                flush=True,
            )
        print("resident memory " + memory("at the end"))
    finally:
        server.stop()


if __name__ == "__main__":
    main()
