"""What the serving processes do about memory (service.memory, issue #13): they limit
glibc's arenas and pass the limit on to the processes they start, trim their heaps from a
thread of their own, and do not import spaCy until an article is written."""

from __future__ import annotations

import subprocess
import sys
import threading
from pathlib import Path

import pytest

from service import memory
from service.memory import ARENA_VARIABLE, MALLOC_ARENAS, arena_limit, limit_arenas

ROOT = Path(__file__).resolve().parents[2]


def test_serving_processes_limit_arenas_to_two_unless_the_variable_says_otherwise() -> None:
    assert MALLOC_ARENAS == 2
    assert arena_limit({}) == 2
    assert arena_limit({ARENA_VARIABLE: "4"}) == 4
    for unusable in ("", "0", "-1", "many"):
        assert arena_limit({ARENA_VARIABLE: unusable}) == 2, unusable


def test_the_limit_is_set_for_the_processes_a_server_starts() -> None:
    """Readers and query workers get their environment from the server's: glibc reads
    MALLOC_ARENA_MAX when they start."""
    environ: dict[str, str] = {}
    assert limit_arenas(environ) == 2
    assert environ == {ARENA_VARIABLE: "2"}
    chosen = {ARENA_VARIABLE: "8"}
    assert limit_arenas(chosen) == 8
    assert chosen == {ARENA_VARIABLE: "8"}


def test_a_serving_process_trims_its_heaps_from_a_thread_of_its_own() -> None:
    trimmed = threading.Event()

    def trimmer() -> bool:
        trimmed.set()
        return True

    stop = memory.start_trimming(every=0.01, trimmer=trimmer)
    try:
        assert trimmed.wait(30)
    finally:
        stop.set()


def test_a_failed_trim_is_logged_and_ends_the_thread(caplog: pytest.LogCaptureFixture) -> None:
    calls: list[int] = []
    done = threading.Event()

    def failing() -> bool:
        calls.append(1)
        done.set()
        raise OSError("no heap")

    stop = memory.start_trimming(every=0.01, trimmer=failing)
    try:
        assert done.wait(30)
    finally:
        stop.set()
    threads = [t for t in threading.enumerate() if t.name == "attache-trim"]
    for thread in threads:
        thread.join(30)
    assert len(calls) == 1
    assert "trimming the heap failed" in caplog.text


def test_trimming_says_whether_memory_went_back() -> None:
    assert memory.trim() in (True, False)


def test_serving_processes_do_not_import_spacy_until_an_article_is_written() -> None:
    """The modules `attache serve` and its readers import hold no extraction: spaCy (and
    numpy, thinc) are 50 MB of each process that imports them."""
    code = (
        "import sys, kg.cli, service, service.serve, service.workers, kg.qa; "
        "print(sorted({m.split('.')[0] for m in sys.modules} & {'spacy', 'thinc', 'numpy'}))"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True
    )
    assert out.stdout.strip() == "[]"
