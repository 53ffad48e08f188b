"""Moving a store between backends: export and import speed at about 1M triples.

Why: `attache export` / `attache import` are how a deployment outgrows the embedded
store (DESIGN.md §3), so their speed decides how long a move takes. This fills an
embedded store with synthetic articles (bench/store.py's shape, one graph each),
exports it, imports the export into an Oxigraph server and into Virtuoso 7 (each
started on 127.0.0.1 as the tests start them; Virtuoso skipped when not installed),
exports each back, checks the counts, and prints triples per second.

Usage: python bench/move.py [--triples 1000000] [--format nquads|trig]
Prints figures; asserts only that nothing was lost.
"""

from __future__ import annotations

import argparse
import shutil
import signal
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.store import synthetic_article
from kg.store import EmbeddedStore, Store
from kg.store.embedded import to_ox
from tests.kg.servers import (
    OxigraphServer,
    Server,
    VirtuosoServer,
    oxigraph_binary,
    remote_store,
)


def synthetic_nquads(triples: int) -> tuple[bytes, int]:
    """About ``triples`` triples of synthetic articles, one named graph each, as N-Quads."""
    articles = triples // 41  # ~45 triples each, ~41 once the shared entity triples merge
    entities = max(100, articles // 10)
    lines: list[str] = []
    for i in range(articles):
        iri, g = synthetic_article(i, entities)
        name = to_ox(iri)
        lines.extend(f"{to_ox(s)} {to_ox(p)} {to_ox(o)} {name} ." for s, p, o in g)  # type: ignore[arg-type]
    return ("\n".join(lines) + "\n").encode("utf-8"), articles


def timed(action: Callable[[], object]) -> float:
    started = time.perf_counter()
    action()
    return time.perf_counter() - started


def rate(quads: int, seconds: float) -> str:
    return f"{quads / seconds:>10,.0f} triples/s ({seconds:6.1f} s)"


def move(name: str, store: Store, export: Path, fmt: str, quads: int, work: Path) -> None:
    """Import ``export`` into ``store``, export it back, check nothing was lost."""
    with export.open("rb") as fh:
        seconds = timed(lambda: store.load(fh, fmt))
    assert store.count() == quads, (name, store.count(), quads)
    print(f"{name:<16} import {rate(quads, seconds)}", flush=True)
    back = work / f"{name}.{fmt}"
    with back.open("wb") as fh:
        seconds = timed(lambda: store.dump(fh, fmt))
    print(f"{name:<16} export {rate(quads, seconds)}", flush=True)
    check = EmbeddedStore(None)
    with back.open("rb") as fh:
        check.load(fh, fmt)
    assert check.count() == quads, (name, "export", check.count(), quads)
    check.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--triples", type=int, default=1_000_000)
    parser.add_argument("--format", choices=["nquads", "trig"], default="nquads")
    args = parser.parse_args()
    # A plain `kill` still stops the servers (the finally blocks run).
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(1))
    fmt = args.format
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        started = time.perf_counter()
        data, articles = synthetic_nquads(args.triples)
        source = EmbeddedStore(work / "source")
        source.load(data, "nquads")
        quads = source.count()
        del data
        print(
            f"source: embedded on disk, {articles:,} article graphs, {quads:,} quads "
            f"(built in {time.perf_counter() - started:.1f} s)",
            flush=True,
        )
        export = work / f"export.{fmt}"
        with export.open("wb") as fh:
            seconds = timed(lambda: source.dump(fh, fmt))
        source.close()
        size = export.stat().st_size / 1e6
        print(f"{'embedded (disk)':<16} export {rate(quads, seconds)}; {size:,.0f} MB {fmt}")

        move("embedded (disk)", EmbeddedStore(work / "copy"), export, fmt, quads, work)

        servers: list[tuple[str, Callable[[], Server]]] = []
        binary = oxigraph_binary()
        if binary:
            servers.append(("oxigraph server", lambda: OxigraphServer(work / "oxigraph", binary)))
        virtuoso, isql = shutil.which("virtuoso-t"), shutil.which("isql-vt")
        if virtuoso and isql:
            # 170000 buffers (~1.3 GB) is Virtuoso's own advice for a machine with 2 GB+.
            servers.append(
                ("virtuoso 7", lambda: VirtuosoServer(work / "virtuoso", virtuoso, isql, 170000))
            )
        else:
            print("virtuoso 7: not installed (apt-get install virtuoso-opensource-7); skipped")
        for name, make in servers:
            server = make()
            server.start()
            try:
                move(name, remote_store(server), export, fmt, quads, work)
            finally:
                server.stop()


if __name__ == "__main__":
    main()
