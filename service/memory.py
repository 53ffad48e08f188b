"""What a serving process does so that memory its questions have freed goes back to the machine.

Measured with ``bench/load.py`` at 1M triples (issue #13): of about 290 MB that each serving
process held, 70-120 MB was neither Python's nor the store's but free space that glibc's
``malloc`` kept. A question read for the first time allocates tens of megabytes for a few
milliseconds (the store's intermediate results, its rows as Python objects) between the
lasting ones it keeps (kept reads, converted terms), and what it frees stays with the
process: glibc returns memory to the system only from the top of a heap, and it gives
each thread that allocates while another holds an arena an arena of its own, up to 8 per
core, each keeping the peak of the questions its threads read. Two things help, with no
change in questions/s or p95 beyond the benchmark's noise:

- **fewer arenas**: ``attache serve`` limits its own process to ``MALLOC_ARENA_MAX`` arenas
  (2 unless the variable is set) before its threads start, and its reader processes and
  query workers inherit the variable, which glibc reads at start;
- **trimming**: a thread of each serving process calls ``malloc_trim`` every
  ``TRIM_EVERY`` seconds, which hands the free pages inside the heaps back to the system
  (1-3 ms when there is little to hand back, 10-115 ms after a burst of new questions,
  while threads that need the arena being trimmed wait).

Both are glibc's; elsewhere (musl, macOS) they do nothing. Python's own small objects and
what the store keeps are not affected.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import logging
import os
import threading
from collections.abc import Callable, MutableMapping

log = logging.getLogger(__name__)

# Arenas per serving process unless MALLOC_ARENA_MAX says otherwise (glibc's default is 8
# per core). With 8 waitress threads on 2 cores, a process with 2 arenas held 40-70 MB
# less after the same questions, at the same questions/s.
MALLOC_ARENAS = 2
ARENA_VARIABLE = "MALLOC_ARENA_MAX"
# Seconds between two trims of a serving process's heaps.
TRIM_EVERY = 10.0
_M_ARENA_MAX = -8  # mallopt's parameter number, from glibc's malloc.h


def _glibc() -> ctypes.CDLL | None:
    """The C library when it is glibc (which has ``mallopt`` and ``malloc_trim``)."""
    name = ctypes.util.find_library("c")
    try:
        libc = ctypes.CDLL(name)
        libc.malloc_trim  # noqa: B018  # glibc's alone
        libc.mallopt  # noqa: B018
    except (OSError, AttributeError, TypeError):
        return None
    return libc


_LIBC = _glibc()


def arena_limit(environ: MutableMapping[str, str]) -> int:
    """The arenas a serving process may have: ``MALLOC_ARENA_MAX`` when it is set to a
    positive number, else :data:`MALLOC_ARENAS`."""
    value = environ.get(ARENA_VARIABLE, "").strip()
    return int(value) if value.isdigit() and int(value) > 0 else MALLOC_ARENAS


def limit_arenas(environ: MutableMapping[str, str] | None = None) -> int:
    """Limit this process's ``malloc`` arenas and set ``MALLOC_ARENA_MAX`` in ``environ``
    (``os.environ``: the processes it starts inherit it) unless it is set; return the
    limit. Call it before the threads that answer requests start: a thread that already
    has an arena keeps it."""
    environ = os.environ if environ is None else environ
    arenas = arena_limit(environ)
    environ[ARENA_VARIABLE] = str(arenas)
    if _LIBC is not None:
        _LIBC.mallopt(_M_ARENA_MAX, arenas)
    return arenas


def trim() -> bool:
    """Hand the free pages of this process's heaps back to the system; say whether any
    went (always False without glibc)."""
    return bool(_LIBC is not None and _LIBC.malloc_trim(0))


def start_trimming(
    every: float = TRIM_EVERY, trimmer: Callable[[], bool] = trim
) -> threading.Event:
    """Call ``trimmer`` every ``every`` seconds from a daemon thread, until the returned
    event is set (a serving process never sets it: the thread ends with the process)."""
    stop = threading.Event()

    def loop() -> None:
        while not stop.wait(every):
            try:
                trimmer()
            except Exception:  # never let a failed trim take the thread down unseen
                log.exception("trimming the heap failed")
                return

    threading.Thread(target=loop, daemon=True, name="attache-trim").start()
    return stop
