"""Serving the app with waitress, hardened against clients that send slowly (slowloris).

Waitress reads requests on one I/O thread and hands complete ones to its worker
threads, so a slow client does not hold a thread; it holds a *connection*. Out of the
box waitress keeps at most 100 connections and closes one only after 120 s without
any byte, so 150 clients that each send a header line every few seconds stop it from
accepting anyone else, ``/api/health`` included. Here:

- a connection has ``ATTACHE_REQUEST_READ_TIMEOUT`` seconds to deliver a whole request
  (headers and body) from its first byte, and as long to send its first byte, or after
  its last answer to send the next request; then it is closed, however steadily it
  trickles bytes;
- ``ATTACHE_MAX_CONNECTIONS`` (1000 by default, with ``poll`` rather than ``select``,
  which cannot watch descriptors above 1024) bounds the open connections, and the open
  file limit is raised to fit;
- the check runs every second rather than waitress's default 30.

Answers being written to a slow reader are left alone while they progress (waitress's
``channel_timeout`` still closes a connection idle that long).

``/api/health`` does not queue behind questions: a worker thread busy with one holds
the interpreter lock for up to the switch interval at a time, and waitress's hand-over
from its I/O thread to a worker thread and back costs one such wait each way. When the
health body kept by :mod:`service.api` is current, the I/O thread answers it itself
(:meth:`GuardedChannel.received`), and the switch interval is shortened so that the I/O
thread gets the lock back sooner under load (measured with ``bench/load.py``: health
p50 under load fell from about 5 to under 2 ms, questions/s unchanged or higher).
The serving processes also collect young objects less often (``GC_YOUNG``), so that
full collections, which pause a question for the time it takes to walk everything the
process keeps, come seldom, and give memory they freed back to the machine
(:mod:`service.memory`).
"""

from __future__ import annotations

import contextlib
import gc
import logging
import resource
import sys
import threading
import time
from collections.abc import Callable, Iterator
from typing import Any

from flask import Flask
from waitress.channel import HTTPChannel
from waitress.server import BaseWSGIServer, create_server

from kg.config import Config

log = logging.getLogger(__name__)

# Seconds a connection may sit with no byte either way while an answer is written.
CHANNEL_TIMEOUT = 60
# Seconds a thread may hold the interpreter lock while another waits (Python's default
# is 0.005): the I/O thread waits this long, at most, to read or answer under load.
SWITCH_INTERVAL = 0.0005
# Allocations between two collections of the youngest generation (Python's default: 700).
# A question allocates tens of thousands of short-lived objects (a row is a dict of
# terms), so at 700 many of them outlive a young collection, are promoted, and bring
# on full collections, which traverse everything the process keeps (converted terms,
# kept reads and lookups: about 80 ms each at 1M triples, landing on whichever question
# is being answered). At 10,000 most die young: over bench/ask.py's questions, 1 full
# collection instead of 4, and 80-120 ms spent collecting instead of 290-360 ms.
GC_YOUNG = 10_000


class GuardedChannel(HTTPChannel):
    """A connection that remembers when the request it is reading began, and that answers
    a current ``/api/health`` in the I/O thread (see the module's docstring)."""

    request_started: float | None = None
    # Set while received() runs: the server's add_task hands a quick request back here.
    taking: bool = False
    quick: bool = False

    def received(self, data: bytes) -> bool:
        if data and self.request is None:
            self.request_started = time.time()
        self.taking = True
        try:
            done: bool = super().received(data)
        finally:
            self.taking = False
        if self.request is None:
            self.request_started = None
        if self.quick:  # after received() let go of the channel's request lock
            self.quick = False
            self.service()
        return done


def overdue(channel: Any, now: float, timeout: float) -> bool:
    """Whether ``channel`` has been reading a request, or waiting for one, too long."""
    if channel.requests or channel.total_outbufs_len:
        return False  # an answer is being made or written
    started = getattr(channel, "request_started", None)
    if channel.request is not None and started is not None:
        return bool(started < now - timeout)
    return bool(channel.last_activity < now - timeout)


def _raise_open_files(wanted: int) -> None:
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    target = wanted if hard == resource.RLIM_INFINITY else min(wanted, hard)
    if soft != resource.RLIM_INFINITY and soft < target:
        with contextlib.suppress(ValueError, OSError):
            resource.setrlimit(resource.RLIMIT_NOFILE, (target, hard))


def make_server(app: Flask, config: Config, *, sockets: list[Any] | None = None) -> Any:
    """A waitress server for ``app`` on ``config.host:config.port`` (or on ``sockets``
    already listening, as the worker processes share), not yet running."""
    from service.api import HEALTH, fresh_health

    _raise_open_files(config.max_connections + 256)  # + the store's, workers' and logs' files
    sys.setswitchinterval(SWITCH_INTERVAL)
    gc.set_threshold(GC_YOUNG, *gc.get_threshold()[1:])
    where: dict[str, Any] = (
        {"sockets": sockets} if sockets else {"host": config.host, "port": config.port}
    )
    server = create_server(
        app,
        **where,
        threads=config.threads,
        ident="attache",
        connection_limit=config.max_connections,
        channel_timeout=CHANNEL_TIMEOUT,
        cleanup_interval=1,
        asyncore_use_poll=True,
        max_request_header_size=64 * 1024,
    )
    # A host name that resolves to several addresses gives one listener per address.
    listeners = [server] if isinstance(server, BaseWSGIServer) else list(server.map.values())
    for listener in listeners:
        if isinstance(listener, BaseWSGIServer):
            _guard(listener, config.request_read_timeout)
            _answer_quick(listener, lambda r: r.path == HEALTH and fresh_health(app) is not None)
    return server


def _answer_quick(listener: Any, quick: Callable[[Any], bool]) -> None:
    """Requests for which ``quick(request)`` holds are served by the I/O thread that read
    them (the channel runs them once it has let go of its lock), not queued for a worker
    thread; only when nothing else of that connection is waiting, so answers stay in order."""
    dispatch = listener.add_task

    def add_task(channel: Any) -> None:
        if getattr(channel, "taking", False) and len(channel.requests) == 1:
            request = channel.requests[0]
            if not request.error and request.command == "GET" and quick(request):
                channel.quick = True
                return
        dispatch(channel)

    listener.add_task = add_task


def _guard(listener: Any, timeout: float) -> None:
    listener.channel_class = GuardedChannel
    inner = listener.maintenance

    def maintenance(now: float) -> None:
        inner(now)
        for channel in list(listener.active_channels.values()):
            if overdue(channel, now, timeout):
                channel.will_close = True

    listener.maintenance = maintenance


@contextlib.contextmanager
def running_in_thread(server: Any) -> Iterator[Any]:
    """A waitress ``server`` run by a thread of this process until the block ends (tests
    and benchmarks), then closed: ``server.run()`` has no way out, this loop checks for one."""
    stop = threading.Event()

    def loop() -> None:
        while not stop.is_set():
            server.asyncore.loop(timeout=0.05, map=server._map, count=1)

    thread = threading.Thread(target=loop, daemon=True, name="attache-waitress")
    thread.start()
    try:
        yield server
    finally:
        stop.set()
        thread.join()
        server.close()


def run(server: Any) -> None:
    """Run ``server`` until the process ends, its heaps trimmed meanwhile (service.memory)."""
    from service.memory import start_trimming

    start_trimming()
    server.run()


def serve(app: Flask, config: Config) -> None:
    """Serve ``app`` until interrupted."""
    server = make_server(app, config)
    log.info(
        "serving on http://%s:%s/ (%d connections, %g s to send a request)",
        config.host,
        config.port,
        config.max_connections,
        config.request_read_timeout,
    )
    run(server)
