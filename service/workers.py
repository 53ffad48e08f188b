"""Several processes answering on one port: one writer that holds the store, readers that
answer from snapshots of it.

One Python process answers about 100 questions/s however many threads it has, so
``ATTACHE_WORKERS=N`` runs N processes on the same listening socket (opened once and
inherited; the kernel hands each new connection to whichever process accepts first, so
an idle process takes it). The embedded Oxigraph store has one writer, so:

- the process started by ``attache serve`` is the **writer**: it opens the store, answers
  requests like any worker, makes every write, and after each request that changed the
  store publishes a snapshot (:class:`kg.store.snapshot.SnapshotPublisher`) before it
  answers. It also listens on a private loopback port for writes forwarded to it;
- the N-1 **readers** answer from the newest snapshot, checked before each request
  (one ``stat``), and forward to the writer every request that writes or that needs the
  live store: any method but GET/HEAD/OPTIONS (except ``POST /api/ask``, a question),
  and the SPARQL endpoint, the console and the ontology editor, whose own workers and
  revision checks live in the writer.

An article posted to any process has been published as a snapshot when its answer
leaves, and every reader opens that snapshot before its next request: a write is seen
everywhere from the next request on. With a remote store, readers query the server
directly and still forward writes, so that one process makes them.
"""

from __future__ import annotations

import contextlib
import http.client
import logging
import os
import signal
import socket
import subprocess
import sys
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

from flask import Flask, Response, request

from kg.config import SETTINGS, Config, load_config
from kg.errors import ConfigError
from kg.store import EmbeddedStore, open_store
from kg.store.snapshot import SnapshotPublisher, SnapshotStore
from service.errors import error_response
from service.state import state_of

log = logging.getLogger(__name__)

SNAPSHOTS = "worker-snapshots"
# Paths whose every request goes to the writer: they read live state kept there
# (the SPARQL query workers, the ontology's revision and ETag).
WRITER_PATHS = ("/sparql", "/console", "/api/ontology", "/ontology")
READ_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})
# Hop-by-hop headers (RFC 9110 §7.6.1) and lengths that the forwarding hop recomputes.
_NOT_FORWARDED = frozenset(
    {
        "connection",
        "keep-alive",
        "proxy-authenticate",
        "proxy-authorization",
        "te",
        "trailer",
        "transfer-encoding",
        "upgrade",
        "content-length",
    }
)
FORWARD_TIMEOUT = 300.0  # an upload is extracted while the client waits


def goes_to_writer(method: str, path: str) -> bool:
    """Whether a reader forwards this request to the writer."""
    if path.startswith(WRITER_PATHS):
        return True
    return method not in READ_METHODS and path != "/api/ask"


# -- the writer ------------------------------------------------------------------------------


def init_writer(app: Flask, publisher: SnapshotPublisher | None) -> None:
    """Publish a snapshot after every request that changed the store, before it answers."""
    if publisher is None:
        return

    @app.after_request
    def _publish(response: Response) -> Response:
        publisher.publish_if_changed()
        return response


# -- a reader --------------------------------------------------------------------------------


class Forwarder:
    """Sends a request on to the writer over kept-alive loopback connections (one per thread)."""

    def __init__(self, writer_url: str) -> None:
        parts = urlsplit(writer_url)
        self.host = parts.hostname or "127.0.0.1"
        self.port = parts.port or 80
        self._local = threading.local()

    def _connection(self) -> http.client.HTTPConnection:
        conn: http.client.HTTPConnection | None = getattr(self._local, "conn", None)
        if conn is None:
            conn = http.client.HTTPConnection(self.host, self.port, timeout=FORWARD_TIMEOUT)
            self._local.conn = conn
        return conn

    def forward(self) -> Response:
        body = request.get_data()  # within MAX_CONTENT_LENGTH, as if answered here
        target = request.full_path if request.query_string else request.path
        headers = {k: v for k, v in request.headers.items() if k.lower() not in _NOT_FORWARDED}
        headers["X-Forwarded-For"] = request.remote_addr or ""
        for attempt in range(2):  # a kept-alive connection the writer closed: once more
            conn = self._connection()
            reused = getattr(self._local, "used", False)
            try:
                conn.request(request.method, target, body=body, headers=headers)
                answer = conn.getresponse()
                payload = answer.read()
            except (ConnectionError, http.client.HTTPException, OSError) as exc:
                conn.close()
                self._local.conn, self._local.used = None, False
                if reused and attempt == 0 and not isinstance(exc, TimeoutError):
                    continue
                log.warning("the writer process did not answer: %s", exc)
                return error_response(
                    503, "writer_unavailable", "the process that makes writes is not answering"
                )
            self._local.used = True
            response = Response(payload, status=answer.status)
            for name, value in answer.getheaders():
                if name.lower() not in _NOT_FORWARDED and name.lower() not in ("date", "server"):
                    response.headers.add(name, value)
            return response
        raise AssertionError("unreachable")  # pragma: no cover


def init_reader(app: Flask, writer_url: str) -> None:
    """Forward writes to the writer (the newest snapshot is opened before each request)."""
    forwarder = Forwarder(writer_url)

    @app.before_request
    def _route() -> Response | None:
        # The newest snapshot was opened before this (service.state.see_other_writers).
        if goes_to_writer(request.method, request.path):
            return forwarder.forward()
        return None


def reader_main(argv: list[str]) -> None:
    """A reader process: ``python -m service.workers FD WRITER_URL SNAPSHOT_ROOT``."""
    from service import create_app
    from service.memory import limit_arenas
    from service.serve import make_server, run

    limit_arenas()  # as the writer set it for us, unless this reader was started otherwise
    fd, writer_url, root = int(argv[0]), argv[1], Path(argv[2])
    config = load_config()
    logging.basicConfig(
        level=config.log_level.upper(), format="%(levelname)s %(name)s: %(message)s"
    )
    store = SnapshotStore(root) if config.store == "embedded" else open_store(config)
    app = create_app(config, store=store)
    init_reader(app, writer_url)
    sock = socket.socket(fileno=fd)
    sock.setblocking(False)  # shared: a connection another process took must not block us
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))
    parent = os.getppid()

    def _orphaned() -> None:
        while os.getppid() == parent:  # the writer's end is ours
            time.sleep(1.0)
        os._exit(0)

    threading.Thread(target=_orphaned, daemon=True, name="attache-parent-watch").start()
    run(make_server(app, config, sockets=[sock]))  # slow clients cut off as in one process


# -- the writer runs the readers ---------------------------------------------------------------


def _environment(config: Config) -> dict[str, str]:
    """The writer's resolved settings as ``ATTACHE_*`` variables, for a reader to load."""
    env = dict(os.environ)
    for setting in SETTINGS:
        value = getattr(config, setting.name, None)
        if value is not None:
            env[setting.env] = str(Path(value).resolve()) if setting.name == "data" else str(value)
    root = str(Path(__file__).resolve().parent.parent)  # importable even when not installed
    env["PYTHONPATH"] = os.pathsep.join(p for p in (root, env.get("PYTHONPATH", "")) if p)
    return env


@dataclass
class Readers:
    """The reader processes: started, restarted when one dies (a bounded number of times)."""

    config: Config
    fd: int
    writer_url: str
    root: Path
    max_restarts: int = 10
    procs: list[subprocess.Popen[bytes]] = field(default_factory=list)
    _stopping: threading.Event = field(default_factory=threading.Event)

    def _spawn(self) -> subprocess.Popen[bytes]:
        return subprocess.Popen(
            [
                sys.executable,
                "-m",
                "service.workers",
                str(self.fd),
                self.writer_url,
                str(self.root),
            ],
            env=_environment(self.config),
            pass_fds=(self.fd,),
        )

    def start(self) -> None:
        self.procs = [self._spawn() for _ in range(self.config.workers - 1)]
        threading.Thread(target=self._watch, daemon=True, name="attache-readers").start()

    def _watch(self) -> None:
        restarts = 0
        while not self._stopping.wait(1.0):
            for n, proc in enumerate(self.procs):
                if proc.poll() is not None and not self._stopping.is_set():
                    if restarts >= self.max_restarts:
                        log.error(
                            "reader %s exited (%s); not restarted again", proc.pid, proc.returncode
                        )
                        continue
                    restarts += 1
                    log.warning(
                        "reader %s exited (%s); starting another", proc.pid, proc.returncode
                    )
                    self.procs[n] = self._spawn()

    def stop(self) -> None:
        self._stopping.set()
        for proc in self.procs:
            if proc.poll() is None:
                proc.terminate()
        for proc in self.procs:
            try:
                proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait()


def _listening(host: str, port: int) -> socket.socket:
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    sock = socket.socket(family, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind((host, port))
    sock.listen(1024)
    sock.setblocking(False)
    return sock


def serve_workers(app: Flask, config: Config) -> None:
    """Serve ``app`` (the writer) and ``config.workers - 1`` readers on one port until stopped."""
    from service.serve import make_server, run

    store = state_of(app).store
    publisher: SnapshotPublisher | None = None
    if store.kind == "memory":
        raise ConfigError(
            "ATTACHE_WORKERS above 1 needs a store other processes can read: "
            "ATTACHE_STORE=embedded or remote, not memory"
        )
    # Else a server that every process reaches itself (only the embedded store snapshots).
    if store.capabilities.snapshots and isinstance(store, EmbeddedStore):
        publisher = SnapshotPublisher(store, (config.data / SNAPSHOTS).resolve())
        publisher.publish_if_changed()
    init_writer(app, publisher)
    public = _listening(config.host, config.port)
    private = _listening("127.0.0.1", 0)
    writer_url = f"http://127.0.0.1:{private.getsockname()[1]}"
    readers = Readers(config, public.fileno(), writer_url, (config.data / SNAPSHOTS).resolve())
    readers.start()
    try:
        run(make_server(app, config, sockets=[public, private]))
    finally:
        readers.stop()
        if publisher is not None:
            publisher.close()
        with contextlib.suppress(OSError):
            public.close()
            private.close()


if __name__ == "__main__":
    reader_main(sys.argv[1:])
