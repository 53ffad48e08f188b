"""Question-answering benchmark at about 1M triples: in-process, over HTTP, and on rdflib.

Why: answering must stay interactive on a real-sized graph (issue #4). Targets at 1M
triples on the embedded on-disk store: a question answered in-process in under 10 ms
(p50), over HTTP in under 15 ms (p50), and at least 10 times faster than the same
SPARQL on rdflib's default in-memory store; an entity lookup by label must not scan.
(One script of 600 lines: the graph, the questions, three ways of asking and the table.)

What it does: builds the synthetic news graph of :mod:`bench.news_graph` (the samples'
real extracted graphs, copied with fresh IRIs and entities drawn from pools, the hot
real ones kept), loads it into an on-disk :class:`~kg.store.EmbeddedStore`, and asks
templated questions of every family, about hot entities (many candidate rows) and
about random synthetic ones (written from a copy's names). Each timed question is asked
once, after warm-up questions about other entities: the answerer keeps what questions
read while the store is unchanged, so asking the same question again would time a
cache. In-process through :meth:`Answerer.ask`; over HTTP with ``GET /api/ask`` on
``attache serve`` (waitress, its own process, one kept-alive connection). The rdflib
baseline loads the same quads into an rdflib ``Dataset`` (Memory store, default graph
= union) and times, for some questions, the bound template SPARQL the answerer ran (the
payload's ``sparql``), and every query the question made. Label lookups are timed
after the first tenth of the graph is loaded and again at full size, next to the
``FILTER`` scan they replace.

Usage: python bench/ask.py [--triples 1000000] [--variants 4] [--warmup 2] [--data DIR]
    [--no-rdflib] [--settle 10] [--rdflib-per-pattern 2] [--rdflib-cap 10] [--each]
    [--http-in-thread] [--gc-young N]
Prints figures; asserts nothing.
"""

from __future__ import annotations

import argparse
import gc
import http.client
import json
import os
import random
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import quote

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from rdflib import Dataset, Literal, URIRef

from bench.news_graph import Copy, NewsGraph, extract_samples
from kg.gazetteer import default_gazetteer
from kg.qa import Answerer
from kg.qa.entities import EntityFinder
from kg.sparql import bind
from kg.store import EmbeddedStore, Store
from kg.store.base import Bindings, Rows
from kg.store.embedded import from_ox
from kg.store.kept import MAX_KEPT_ROWS
from kg.vocab import PREFIXES, RES


@dataclass(frozen=True)
class Pattern:
    """A question with ``{entity}`` slots (sample entity slugs) and the sample that answers it."""

    family: str
    text: str
    sample: str  # the sample file's name, without its suffix


# One or two per family; each is answered by its sample article, so a copy of that
# sample whose entities were all replaced answers it with synthetic names.
PATTERNS = (
    Pattern("supplier", "Who supplies the {s-400} to {turkey}?", "01_turkey_s400_deliveries"),
    Pattern("supplier", "Who sells the {s-400}?", "01_turkey_s400_deliveries"),
    Pattern("buyers", "Which countries are buying the {s-400}?", "01_turkey_s400_deliveries"),
    Pattern("acquisitions", "What weapons is {indonesia} buying?", "08_indonesia_rafale_order"),
    Pattern(
        "acquisitions",
        "What weapons is {indonesia} buying from {france}?",
        "08_indonesia_rafale_order",
    ),
    Pattern("sanctions", "Who threatened {turkey} with sanctions?", "06_caatsa_sanctions_ssb"),
    Pattern("sanctions", "Under which law was {turkey} sanctioned?", "03_caatsa_warnings_turkey"),
    Pattern(
        "suspension", "Which program was {turkey} suspended from?", "02_turkey_removed_from_f35"
    ),
    Pattern(
        "suspension",
        "Who suspended {turkey} from the {f-35-program}?",
        "02_turkey_removed_from_f35",
    ),
    Pattern("role", "Who is the foreign minister of {finland}?", "07_finland_joins_nato"),
    Pattern("role", "Who is the president of {turkey}?", "04_nato_london_summit"),
    Pattern("membership", "Which alliance is {finland} a member of?", "07_finland_joins_nato"),
    Pattern("membership", "Who are {nato}'s members?", "07_finland_joins_nato"),
    Pattern("meeting", "Who met {donald-trump}?", "05_esper_turkey_s400"),
    Pattern("statement", "What did {mark-esper} say about the {s-400}?", "05_esper_turkey_s400"),
    Pattern("statement", "What did {jens-stoltenberg} say?", "07_finland_joins_nato"),
    Pattern(
        "relations",
        "What happened between the {united-states} and {turkey}?",
        "03_caatsa_warnings_turkey",
    ),
    Pattern(
        "relations", "What happened between {russia} and {turkey}?", "01_turkey_s400_deliveries"
    ),
    Pattern("when", "When did {turkey} start receiving the {s-400}?", "01_turkey_s400_deliveries"),
    Pattern("when", "When did {indonesia} order the {rafale}?", "08_indonesia_rafale_order"),
    Pattern("maker", "Who builds the {rafale}?", "08_indonesia_rafale_order"),
    Pattern("maker", "What does {dassault-aviation} make?", "08_indonesia_rafale_order"),
    Pattern("value", "How much is {turkey}'s {s-400} deal worth?", "01_turkey_s400_deliveries"),
    Pattern("value", "How many {rafale} jets is {indonesia} buying?", "08_indonesia_rafale_order"),
    Pattern("profile", "What do we know about {caatsa}?", "03_caatsa_warnings_turkey"),
    Pattern("profile", "What do we know about {turkey}?", "01_turkey_s400_deliveries"),
    Pattern("sources", "Which articles mention the {f-35-program}?", "02_turkey_removed_from_f35"),
    Pattern("sources", "Which articles mention {rosoboronexport}?", "01_turkey_s400_deliveries"),
    Pattern("count", "How many countries are buying the {s-400}?", "01_turkey_s400_deliveries"),
    Pattern("yes/no", "Does {russia} supply the {s-400} to {turkey}?", "01_turkey_s400_deliveries"),
    Pattern("yes/no", "Is {turkey} a member of {nato}?", "05_esper_turkey_s400"),
)
FAMILIES = list(dict.fromkeys(p.family for p in PATTERNS))


@dataclass(frozen=True)
class Question:
    family: str
    text: str
    hot: bool  # about the real (hot) entities, else about synthetic ones
    pattern: int
    warmup: bool = False  # asked before the timing, never timed


def _slots(text: str) -> list[str]:
    out, i = [], 0
    while (start := text.find("{", i)) >= 0:
        end = text.index("}", start)
        out.append(text[start + 1 : end])
        i = end + 1
    return out


def _fill(pattern: Pattern, copy: Copy) -> str:
    text = pattern.text
    for slug in _slots(pattern.text):
        text = text.replace("{" + slug + "}", copy.names[str(RES[slug])][1])
    return text


def questions(
    graph: NewsGraph, variants: int = 4, warmup: int = 2, seed: int = 11
) -> list[Question]:
    """Each pattern about its real entities and ``variants`` times about synthetic ones
    (timed), and ``warmup`` more times about other synthetic ones (asked first, so the
    answerer has the caches of a service that has been answering other questions)."""
    rng = random.Random(seed)
    copies = graph.plan()
    out = []
    for number, pattern in enumerate(PATTERNS):
        slots = [str(RES[s]) for s in _slots(pattern.text)]
        mine = [c for c in copies if Path(c.sample.path).stem == pattern.sample]
        if not mine or any(s not in mine[0].names for s in slots):
            raise SystemExit(f"pattern {pattern.text!r}: no entity {slots} in {pattern.sample}")
        out.append(Question(pattern.family, _fill(pattern, mine[0]), True, number))
        synthetic = [c for c in mine[1:] if all(c.names[s][0] != s for s in slots)]
        chosen = rng.sample(synthetic, min(variants + warmup, len(synthetic)))
        for i, copy in enumerate(chosen):
            text = _fill(pattern, copy)
            out.append(Question(pattern.family, text, False, number, warmup=i >= variants))
    return out


# -- measuring -------------------------------------------------------------------------------


@dataclass
class Call:
    query: str
    bindings: dict[str, Any]
    rows: int
    ms: float


class Recorder:
    """A store that records every SELECT (query, bindings, rows, time) it passes on."""

    def __init__(self, store: Store) -> None:
        self._store = store
        self.kind = store.kind
        self.calls: list[Call] = []

    def select(self, query: str, bindings: Bindings | None = None) -> Rows:
        started = time.perf_counter()
        rows = self._store.select(query, bindings)
        ms = (time.perf_counter() - started) * 1000
        self.calls.append(Call(query, dict(bindings or {}), len(rows), ms))
        return rows

    def __getattr__(self, name: str) -> Any:
        return getattr(self._store, name)


@dataclass
class Result:
    question: Question
    answered: bool = False
    calls: list[Call] = field(default_factory=list)
    template_calls: list[Call] = field(default_factory=list)
    in_process: float = 0.0
    http: float = 0.0
    rdflib_template: float | None = None
    rdflib_all: float | None = None
    rdflib_mismatch: int = 0
    rdflib_capped: int = 0


def record(store: Store, asked: list[Question]) -> list[Result]:
    """An untimed pass through a recording store: what each timed question asks of the
    store once the answerer is warm (the reads kept from earlier questions forgotten)."""
    recorder = Recorder(store)
    answerer = Answerer(recorder)  # type: ignore[arg-type]
    templates = set(answerer.queries.values())
    for question in asked:  # warm: the name indexes a running service has loaded
        answerer.ask(question.text)
    results = []
    for question in asked:
        if question.warmup:
            continue
        answerer._memo = None  # each question's own reads, as when nothing is kept
        answerer.kept.forget()
        recorder.calls = []
        payload = answerer.ask(question.text)
        result = Result(question, answered=bool(payload["answers"]), calls=recorder.calls)
        result.template_calls = [c for c in recorder.calls if c.query in templates]
        results.append(result)
    return results


class Collections:
    """Time spent in the garbage collector while it is attached, and its full collections:
    a full collection walks every object the process keeps, and the question being
    answered waits for it."""

    def __init__(self) -> None:
        self.seconds = 0.0
        self.full = 0
        self._started = 0.0

    def __call__(self, phase: str, info: dict[str, int]) -> None:
        if phase == "start":
            self._started = time.perf_counter()
            return
        self.seconds += time.perf_counter() - self._started
        self.full += info["generation"] == 2

    def __enter__(self) -> Collections:
        gc.callbacks.append(self)
        return self

    def __exit__(self, *exc: object) -> None:
        gc.callbacks.remove(self)


def time_in_process(store: Store, asked: list[Question], kept_reads: int) -> dict[str, float]:
    """Each timed question asked once of a new answerer, after the warm-up questions."""
    answerer = Answerer(store, kept_reads=kept_reads)
    times = {}
    settled = False
    with Collections() as collected:
        for question in sorted(asked, key=lambda q: not q.warmup):
            if not question.warmup and not settled:
                # The relations warm-up started reading the event index in the background
                # (kg/qa/event_index.py); a service settles the same way once started.
                started = time.perf_counter()
                answerer.events.wait()
                waited = time.perf_counter() - started
                print(f"event index read in the background; waited {waited:.1f} s after warm-up")
                settled = True
            started = time.perf_counter()
            answerer.ask(question.text)
            times[question.text] = (time.perf_counter() - started) * 1000
    print(
        f"garbage collection during the in-process pass: {collected.seconds * 1000:.0f} ms, "
        f"{collected.full} full collections (thresholds {gc.get_threshold()})"
    )
    return times


def _get(connection: http.client.HTTPConnection, text: str) -> None:
    connection.request("GET", "/api/ask?q=" + quote(text))
    response = connection.getresponse()
    response.read()
    if response.status != 200:
        raise SystemExit(f"HTTP {response.status} for {text!r}")


def _time_requests(port: int, asked: list[Question], settle: float) -> dict[str, float]:
    connection = http.client.HTTPConnection("127.0.0.1", port)
    times = {}
    settled = False
    try:
        for question in sorted(asked, key=lambda q: not q.warmup):
            if not question.warmup and not settled:
                time.sleep(settle)  # the server reads its event index in the background
                settled = True
            started = time.perf_counter()
            _get(connection, question.text)
            times[question.text] = (time.perf_counter() - started) * 1000
    finally:
        connection.close()
    return times


def time_http(
    data: Path, asked: list[Question], kept_reads: int, settle: float
) -> dict[str, float]:
    """``GET /api/ask`` on ``attache serve`` (waitress) run on ``data``, one kept-alive
    connection. The server is its own process, as deployed: a client thread inside the
    server's process would compete with it for the GIL."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    env = {k: v for k, v in os.environ.items() if not k.startswith("ATTACHE_")}
    env.update(
        ATTACHE_STORE="embedded", ATTACHE_LOG_LEVEL="WARNING", ATTACHE_KEPT_READS=str(kept_reads)
    )
    command = [sys.executable, "-m", "kg", "--data", str(data), "serve", "--port", str(port)]
    server = subprocess.Popen(
        [*command, "--host", "127.0.0.1"],
        cwd=Path(__file__).resolve().parent.parent,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        deadline = time.monotonic() + 120
        while True:
            try:
                with socket.create_connection(("127.0.0.1", port), timeout=1):
                    break
            except OSError:
                if server.poll() is not None or time.monotonic() > deadline:
                    raise SystemExit("attache serve did not start") from None
                time.sleep(0.2)
        return _time_requests(port, asked, settle)
    finally:
        server.terminate()
        server.wait(timeout=60)


def time_http_in_thread(store: Store, asked: list[Question], settle: float) -> dict[str, float]:
    """The same requests to the app served by waitress in a thread of this process."""
    import waitress

    from service import create_app
    from service.serve import running_in_thread

    server: Any = waitress.create_server(
        create_app(store=store), host="127.0.0.1", port=0, threads=4
    )
    with running_in_thread(server):
        return _time_requests(server.effective_port, asked, settle)


def rdflib_dataset(store: EmbeddedStore) -> Dataset:
    """The same quads in rdflib's default Memory store, the union as the default graph."""
    dataset = Dataset(default_union=True)
    terms: dict[str, Any] = {}
    graphs: dict[str, Any] = {}

    def term(node: object) -> Any:
        key = str(node)
        value = terms.get(key)
        if value is None:
            value = terms[key] = from_ox(node)
        return value

    batch = []
    for quad in store.quads():
        name = quad.graph_name.value  # type: ignore[union-attr]
        graph = graphs.get(name)
        if graph is None:
            graph = graphs[name] = dataset.graph(URIRef(name))
        batch.append((term(quad.subject), term(quad.predicate), term(quad.object), graph))
        if len(batch) >= 100_000:
            dataset.addN(batch)
            batch = []
    dataset.addN(batch)
    return dataset


class _Capped(Exception):
    pass


def _raise_capped(signum: int, frame: object) -> None:
    raise _Capped


def _rdflib_ms(dataset: Dataset, text: str, cap_s: float) -> tuple[float, int | None]:
    """Time one query on rdflib, stopped after ``cap_s`` seconds (rows None when stopped):
    rdflib evaluates in Python, so a timer signal interrupts it."""
    previous = signal.signal(signal.SIGALRM, _raise_capped)
    signal.setitimer(signal.ITIMER_REAL, cap_s)
    started = time.perf_counter()
    try:
        rows: int | None = len(list(dataset.query(text, initNs=PREFIXES)))
    except _Capped:
        rows = None
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
    return (time.perf_counter() - started) * 1000, rows


def time_rdflib(dataset: Dataset, results: list[Result], per_pattern: int, cap_s: float) -> int:
    """Each sampled question's store calls, once each, on rdflib; returns how many sampled.

    A call stopped at ``cap_s`` counts as ``cap_s``: the speedups are then lower bounds.
    """
    seen: dict[int, int] = {}
    sampled = 0
    for result in results:
        number = result.question.pattern
        if seen.get(number, 0) >= per_pattern:
            continue
        seen[number] = seen.get(number, 0) + 1
        sampled += 1
        template = total = 0.0
        for call in result.calls:
            ms, rows = _rdflib_ms(dataset, bind(call.query, call.bindings), cap_s)
            total += ms
            if rows is None:
                result.rdflib_capped += 1
            if call in result.template_calls:
                template += ms
                result.rdflib_mismatch += rows is not None and rows != call.rows
        result.rdflib_template, result.rdflib_all = template, total
    return sampled


# -- label lookups ---------------------------------------------------------------------------

_SCAN = "SELECT DISTINCT ?e WHERE { ?e rdfs:label ?l . FILTER(lcase(str(?l)) = ?key) }"


def label_lookups(store: Store, names: Iterable[str], repeat: int = 20) -> tuple[float, float]:
    """p50 ms of an uncached ``EntityFinder.lookup_store``, and of the FILTER scan it avoids."""
    finder = EntityFinder(store, default_gazetteer())
    names = list(names)
    indexed, scans = [], []
    for _ in range(repeat):
        for name in names:
            finder._cache.clear()
            started = time.perf_counter()
            assert finder.lookup_store(name) is not None, name
            indexed.append((time.perf_counter() - started) * 1000)
    for name in names[:3]:
        started = time.perf_counter()
        store.select(_SCAN, {"key": Literal(name.lower())})
        scans.append((time.perf_counter() - started) * 1000)
    return statistics.median(indexed), statistics.median(scans)


# -- report ----------------------------------------------------------------------------------


def pct(values: list[float], q: float) -> float:
    if not values:
        return float("nan")
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


def _ms(value: float) -> str:
    return "-" if value != value else (f"{value:.1f}" if value < 100 else f"{value:.0f}")


def report(results: list[Result], rdflib: bool) -> None:
    header = (
        f"{'family':<13}{'asked':>6}{'answered':>9}  {'in-process p50/p95':>19}"
        f"  {'HTTP p50/p95':>13}  {'calls':>5}"
    )
    if rdflib:
        header += (
            f"  {'oxigraph':>9}  {'rdflib template':>15}  {'rdflib all':>10}"
            f"  {'speedup':>7}  {'engine':>7}"
        )
    print(header)
    groups = [(f, [r for r in results if r.question.family == f]) for f in FAMILIES]
    for name, group in [*groups, ("overall", results)]:
        if name == "overall":
            print("-" * len(header))
        local = [r.in_process for r in group]
        http_ms = [r.http for r in group]
        calls = statistics.median(len(r.calls) for r in group)
        line = (
            f"{name:<13}{len(group):>6}{sum(r.answered for r in group):>9}  "
            f"{_ms(pct(local, 0.5)):>9} /{_ms(pct(local, 0.95)):>7}  "
            f"{_ms(pct(http_ms, 0.5)):>6} /{_ms(pct(http_ms, 0.95)):>5}  {calls:>5.0f}"
        )
        if rdflib:
            sampled = [r for r in group if r.rdflib_template is not None]
            template = [r.rdflib_template or 0.0 for r in sampled]
            everything = [r.rdflib_all or 0.0 for r in sampled]
            ours = [r.in_process for r in sampled]
            engine = [sum(c.ms for c in r.template_calls) for r in sampled]
            speedup = pct(template, 0.5) / pct(ours, 0.5) if sampled else float("nan")
            same = pct(template, 0.5) / pct(engine, 0.5) if sampled else float("nan")
            line += (
                f"  {_ms(pct(engine, 0.5)):>9}  {_ms(pct(template, 0.5)):>15}"
                f"  {_ms(pct(everything, 0.5)):>10}  {speedup:>6.0f}x  {same:>6.0f}x"
            )
        print(line)


def timed(label: str, action: Callable[[], Any]) -> Any:
    started = time.perf_counter()
    value = action()
    print(f"{label}: {time.perf_counter() - started:.1f} s", flush=True)
    return value


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--triples", type=int, default=1_000_000)
    parser.add_argument(
        "--variants", type=int, default=4, help="timed synthetic questions per pattern"
    )
    parser.add_argument(
        "--warmup", type=int, default=2, help="synthetic questions per pattern asked first"
    )
    parser.add_argument(
        "--data", type=Path, help="keep the store here (DATA/store) and reuse it next time"
    )
    parser.add_argument(
        "--http-in-thread",
        action="store_true",
        help="serve HTTP from a thread of this process instead of `attache serve`",
    )
    parser.add_argument(
        "--settle",
        type=float,
        default=10.0,
        help="seconds the HTTP pass waits after its warm-up, while the server reads its "
        "event index in the background (2-4 s at 1M triples, 16-19 s at 5M)",
    )
    parser.add_argument("--no-rdflib", action="store_true", help="skip the rdflib baseline")
    parser.add_argument(
        "--kept-reads",
        type=int,
        default=MAX_KEPT_ROWS,
        help="rows of reads the answerer keeps (ATTACHE_KEPT_READS; 0: every question reads "
        "everything it needs, even what an earlier question read)",
    )
    parser.add_argument("--each", action="store_true", help="also print each question's times")
    parser.add_argument(
        "--gc-young",
        type=int,
        help="collect the youngest generation every N allocations in this process, as "
        "`attache serve` does (service.serve.GC_YOUNG); default: Python's 700",
    )
    parser.add_argument(
        "--rdflib-per-pattern",
        type=int,
        default=2,
        help="questions per pattern timed on rdflib, once each (it is slow)",
    )
    parser.add_argument(
        "--rdflib-cap", type=float, default=10.0, help="seconds after which an rdflib query stops"
    )
    args = parser.parse_args()
    if args.gc_young:
        gc.set_threshold(args.gc_young, *gc.get_threshold()[1:])

    tmp = tempfile.TemporaryDirectory(prefix="attache-bench-ask-")
    data = args.data or Path(tmp.name)
    path = data / "store"
    # A kept store keeps its questions: the extractor may have changed the samples since.
    meta_path = data / "bench-questions.json"
    reuse = path.exists() and any(path.iterdir())
    if reuse and not meta_path.exists():
        raise SystemExit(f"{path} holds a store this benchmark did not build; give a new --data")
    store = EmbeddedStore(path)
    lookups: list[tuple[int, float, float]] = []
    if reuse:
        meta = json.loads(meta_path.read_text(encoding="utf-8"))
        asked = [Question(**q) for q in meta["questions"]]
        names = meta["names"]
        print(f"reusing the store at {path} ({meta['articles']:,} article graphs)")
    else:
        samples, ontology = timed("extracting the samples", extract_samples)
        graph = NewsGraph(samples, args.triples)
        asked = questions(graph, args.variants, args.warmup)
        copies = graph.plan()[len(samples) : len(samples) + 5]
        names = list(dict.fromkeys(c.names[e][1] for c in copies for e in c.names))[:10]
        started = time.perf_counter()
        generated = loaded = 0.0
        chunks = graph.nquads(ontology)
        while True:
            t = time.perf_counter()
            chunk = next(chunks, None)
            generated += time.perf_counter() - t
            if chunk is None:
                break
            t = time.perf_counter()
            store.load(chunk, "nquads")
            loaded += time.perf_counter() - t
            if not lookups:
                lookups.append((store.count(), *label_lookups(store, names)))
        print(
            f"generated {graph.articles:,} article graphs (copies of {len(samples)} samples, "
            f"hot entities kept with p={graph.hot}) in {generated:.1f} s, loaded on disk in "
            f"{loaded:.1f} s ({time.perf_counter() - started:.1f} s in all)"
        )
        meta = {
            "articles": graph.articles,
            "names": names,
            "questions": [q.__dict__ for q in asked],
        }
        meta_path.write_text(json.dumps(meta, indent=1), encoding="utf-8")
    quads = store.count()
    lookups.append((quads, *label_lookups(store, names)))
    print(f"graph: {quads:,} quads in {meta['articles']:,} article graphs and the ontology")
    for size, indexed, scan in lookups:
        print(
            f"label lookup at {size:>9,} quads: {indexed:.2f} ms (dd:normLabel bound, "
            f"uncached EntityFinder.lookup_store); FILTER(lcase(str(?l)) = ...) scan: {scan:.0f} ms"
        )

    # Timed first, recorded after, so that recording warms no cache for the timing.
    print(f"reads kept: up to {args.kept_reads:,} rows (ATTACHE_KEPT_READS)")
    local = timed("in-process", lambda: time_in_process(store, asked, args.kept_reads))
    if args.http_in_thread:
        remote = timed("HTTP (in a thread)", lambda: time_http_in_thread(store, asked, args.settle))
    else:
        store.close()  # one process at a time opens an on-disk store
        remote = timed(
            "HTTP (attache serve)",
            lambda: time_http(data, asked, args.kept_reads, args.settle),
        )
        store = EmbeddedStore(path)
    results = timed("recording each question's store calls", lambda: record(store, asked))
    for result in results:
        result.in_process = local[result.question.text]
        result.http = remote[result.question.text]
    rdflib = not args.no_rdflib
    if rdflib:
        dataset = timed("loading rdflib Dataset (Memory)", lambda: rdflib_dataset(store))
        sampled = timed(
            "rdflib queries",
            lambda: time_rdflib(dataset, results, args.rdflib_per_pattern, args.rdflib_cap),
        )
        mismatches = sum(r.rdflib_mismatch for r in results)
        capped = sum(r.rdflib_capped for r in results)
        print(
            f"rdflib: {sampled} of {len(results)} questions ({args.rdflib_per_pattern} per "
            f"pattern: the first about hot entities, then synthetic ones), each store call "
            f"once; {capped} calls stopped at {args.rdflib_cap:.0f} s (counted as "
            f"{args.rdflib_cap:.0f} s); template row counts differing from Oxigraph: {mismatches}"
        )
    timed_questions = [q for q in asked if not q.warmup]
    hot = sum(q.hot for q in timed_questions)
    print(
        f"\n{len(timed_questions)} questions ({hot} about hot entities, "
        f"{len(timed_questions) - hot} about synthetic ones), each asked once, in-process and "
        f"over HTTP, after {len(asked) - len(timed_questions)} warm-up questions about other "
        "synthetic entities; times in ms. calls: store queries per question (median). "
        "oxigraph: the template queries of the question on the embedded store; rdflib "
        "template: the same bound query texts on rdflib's Memory store; rdflib all: every "
        "query the question made. speedup: rdflib template / in-process (whole question); "
        "engine: rdflib template / oxigraph (same queries). p50s over the same questions.\n"
    )
    report(results, rdflib)
    if args.each:
        print()
        for r in sorted(results, key=lambda r: -r.in_process):
            store_ms = sum(c.ms for c in r.calls)
            print(
                f"{r.in_process:7.1f} ms (HTTP {r.http:6.1f}; store {store_ms:6.1f} in "
                f"{len(r.calls):2} calls)  {r.question.family:<12} {r.question.text}"
            )
    store.close()
    tmp.cleanup()


if __name__ == "__main__":
    main()
