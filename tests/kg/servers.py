"""Real SPARQL servers for the tests: Oxigraph server and Virtuoso 7 on 127.0.0.1.

Each server runs as a child process in a temporary directory, on free loopback ports,
with a generated password; start-up waits for the server to answer, within a bounded
time, and stop() always ends the process. The ``ATTACHE_*`` environment each server
is reached with is built here too, so that the store is opened the way a deployment
opens it (``open_store(load_config(environ=...))``) and so that tests/test_compose.py
can check docker-compose.yml describes the same configuration.
"""

from __future__ import annotations

import secrets
import shutil
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Callable
from pathlib import Path

import pytest

from kg.config import load_config
from kg.store import EmbeddedStore, RemoteStore, Store, open_store
from kg.vocab import REPLICA_GRAPH

ROOT = Path(__file__).resolve().parents[2]
VIRTUOSO_SETUP = ROOT / "deploy" / "virtuoso" / "attache.sql"

# Flags the fixtures and docker-compose.yml both give `oxigraph serve`: without
# --union-default-graph, queries would see only the (empty) default graph.
OXIGRAPH_FLAGS = ("--union-default-graph",)
# Endpoint paths under each server's base URL, as the tests and compose use them.
OXIGRAPH_PATHS = {"query": "/query", "update": "/update", "gsp": "/store"}
VIRTUOSO_PATHS = {
    "query": "/sparql",
    "update": "/sparql-auth",
    "gsp": "/sparql-graph-crud-auth",
}
VIRTUOSO_USER = "attache"
STARTUP_SECONDS = 90.0


def free_port() -> int:
    """A TCP port free on 127.0.0.1 right now."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port: int = s.getsockname()[1]
        return port


def wait_until(ready: Callable[[], bool], seconds: float, what: str, log: Path | None) -> None:
    """Poll ``ready`` until it holds; after ``seconds``, fail with the end of the log."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if ready():
            return
        time.sleep(0.2)
    tail = log.read_text(errors="replace")[-2000:] if log and log.exists() else ""
    raise RuntimeError(f"{what} did not start within {seconds:.0f} s\n{tail}")


def answers(url: str) -> bool:
    try:
        with urllib.request.urlopen(url, timeout=2) as response:
            return bool(response.status == 200)
    except (OSError, urllib.error.URLError):
        return False


def oxigraph_env(base_url: str) -> dict[str, str]:
    """The settings that point Attaché at an Oxigraph server."""
    return {
        "ATTACHE_STORE": "remote",
        "ATTACHE_SPARQL_QUERY_URL": base_url + OXIGRAPH_PATHS["query"],
        "ATTACHE_SPARQL_UPDATE_URL": base_url + OXIGRAPH_PATHS["update"],
        "ATTACHE_SPARQL_GSP_URL": base_url + OXIGRAPH_PATHS["gsp"],
    }


def virtuoso_env(base_url: str, user: str, password: str) -> dict[str, str]:
    """The settings that point Attaché at Virtuoso: anonymous reads, digest-authenticated writes."""
    return {
        "ATTACHE_STORE": "remote",
        "ATTACHE_SPARQL_QUERY_URL": base_url + VIRTUOSO_PATHS["query"],
        "ATTACHE_SPARQL_UPDATE_URL": base_url + VIRTUOSO_PATHS["update"],
        "ATTACHE_SPARQL_GSP_URL": base_url + VIRTUOSO_PATHS["gsp"],
        "ATTACHE_SPARQL_USER": user,
        "ATTACHE_SPARQL_PASSWORD": password,
        "ATTACHE_SPARQL_AUTH": "digest",
    }


def oxigraph_binary() -> str | None:
    """The `oxigraph` program of the PyPI package, next to this interpreter or on PATH."""
    beside = Path(sys.executable).parent / "oxigraph"
    return str(beside) if beside.exists() else shutil.which("oxigraph")


class Server:
    """A server child process; subclasses say how to start it and how to reach it."""

    name = "server"

    def __init__(self, directory: Path) -> None:
        self.directory = directory
        self.directory.mkdir(parents=True, exist_ok=True)
        self.log = directory / "server.log"
        self.port = free_port()
        self.process: subprocess.Popen[bytes] | None = None

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def command(self) -> list[str]:
        raise NotImplementedError

    def ready_url(self) -> str:
        raise NotImplementedError

    def env(self) -> dict[str, str]:
        raise NotImplementedError

    def start(self) -> None:
        """Start (or restart, on the same ports and data) and wait until it answers."""
        with self.log.open("ab") as log:
            self.process = subprocess.Popen(
                self.command(), cwd=self.directory, stdout=log, stderr=subprocess.STDOUT
            )

        def ready() -> bool:
            if self.process is not None and self.process.poll() is not None:
                raise RuntimeError(
                    f"{self.name} exited with status {self.process.returncode}:\n"
                    + self.log.read_text(errors="replace")[-2000:]
                )
            return answers(self.ready_url())

        try:
            wait_until(ready, STARTUP_SECONDS, self.name, self.log)
        except BaseException:
            self.stop()
            raise

    def stop(self) -> None:
        """End the process (politely, then not): never leaves it running."""
        if self.process is None:
            return
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(timeout=10)
        self.process = None


class OxigraphServer(Server):
    """`oxigraph serve` from the PyPI package, data on disk in the temporary directory."""

    name = "oxigraph server"

    def __init__(self, directory: Path, binary: str, *, timeout_s: int | None = None) -> None:
        super().__init__(directory)
        self.binary = binary
        self.timeout_s = timeout_s  # the server's own limit on a query (--timeout-s)

    def command(self) -> list[str]:
        limit = ["--timeout-s", str(self.timeout_s)] if self.timeout_s else []
        return [
            self.binary,
            "serve",
            "--location",
            str(self.directory / "data"),
            "--bind",
            f"127.0.0.1:{self.port}",
            *OXIGRAPH_FLAGS,
            *limit,
        ]

    def ready_url(self) -> str:
        return self.base_url + "/query?query=ASK%7B%7D"

    def env(self) -> dict[str, str]:
        return oxigraph_env(self.base_url)

    def version(self) -> str:
        out = subprocess.run([self.binary, "--version"], capture_output=True, text=True, check=True)
        return out.stdout.strip()


VIRTUOSO_INI = """\
; Generated for one test session: loopback only, data in this directory.
[Database]
DatabaseFile = {dir}/virtuoso.db
ErrorLogFile = {dir}/virtuoso.log
LockFile = {dir}/virtuoso.lck
TransactionFile = {dir}/virtuoso.trx
xa_persistent_file = {dir}/virtuoso.pxa
ErrorLogLevel = 7
FileExtend = 200
MaxCheckpointRemap = 2000
Striping = 0
TempStorage = TempDatabase

[TempDatabase]
DatabaseFile = {dir}/virtuoso-temp.db
TransactionFile = {dir}/virtuoso-temp.trx
MaxCheckpointRemap = 2000
Striping = 0

[Parameters]
ServerPort = 127.0.0.1:{sql_port}
DisableUnixSocket = 1
DisableTcpSocket = 0
MaxClientConnections = 10
CheckpointInterval = 60
CaseMode = 2
DirsAllowed = ., {dir}
NumberOfBuffers = {buffers}
MaxDirtyBuffers = {dirty}

[HTTPServer]
ServerPort = 127.0.0.1:{http_port}
ServerRoot = {dir}/www
MaxClientConnections = 10
ServerThreads = 10
Charset = UTF-8

[SPARQL]
; Attaché refuses capped results (X-SPARQL-MaxRows), so allow large ones.
ResultSetMaxRows = {result_rows}
MaxQueryExecutionTime = 120
MaxQueryCostEstimationTime = 0
"""


class VirtuosoServer(Server):
    """Virtuoso 7 (Debian's virtuoso-opensource-7), prepared by deploy/virtuoso/attache.sql."""

    name = "virtuoso"

    def __init__(
        self,
        directory: Path,
        binary: str,
        isql: str,
        buffers: int = 20000,
        result_rows: int = 1_000_000,
    ) -> None:
        super().__init__(directory)
        self.binary = binary
        self.isql = isql
        self.sql_port = free_port()
        # Letters and digits only, starting with a letter: safe in isql and in SQL text.
        self.dba_password = "p" + secrets.token_hex(12)
        self.password = "p" + secrets.token_hex(12)
        self.buffers = buffers
        self.result_rows = result_rows  # 10000 in the stock virtuoso.ini
        self._prepared = False

    def command(self) -> list[str]:
        ini = self.directory / "virtuoso.ini"
        if not ini.exists():
            (self.directory / "www").mkdir(exist_ok=True)
            ini.write_text(
                VIRTUOSO_INI.format(
                    dir=self.directory,
                    sql_port=self.sql_port,
                    http_port=self.port,
                    buffers=self.buffers,
                    dirty=self.buffers * 3 // 4,
                    result_rows=self.result_rows,
                )
            )
        return [self.binary, "+foreground", "+configfile", str(ini)]

    def ready_url(self) -> str:
        return self.base_url + "/sparql?query=ASK%7B%7D"

    def env(self) -> dict[str, str]:
        return virtuoso_env(self.base_url, VIRTUOSO_USER, self.password)

    def start(self) -> None:
        super().start()
        if not self._prepared:
            try:
                self._prepare()
            except BaseException:
                self.stop()
                raise
            self._prepared = True

    def _isql(self, password: str, *args: str) -> str:
        out = subprocess.run(
            [self.isql, f"127.0.0.1:{self.sql_port}", "dba", password, *args],
            capture_output=True,
            text=True,
            timeout=60,
        )
        if out.returncode != 0 or "*** Error" in out.stdout:
            raise RuntimeError(f"isql failed:\n{out.stdout}\n{out.stderr}")
        return out.stdout

    def _prepare(self) -> None:
        """A new database's dba password replaced, then the deployment script applied."""
        change = f"exec=USER_SET_PASSWORD ('dba', '{self.dba_password}');"
        deadline = time.monotonic() + STARTUP_SECONDS
        while True:  # the SQL listener may lag the HTTP one on a new database
            try:
                self._isql("dba", change)
                self._isql(self.dba_password, "exec=SELECT 1;")
                break
            except RuntimeError:
                if time.monotonic() > deadline:
                    raise
                time.sleep(0.5)
        self._isql(
            self.dba_password,
            str(VIRTUOSO_SETUP),
            "-u",
            f"USER={VIRTUOSO_USER}",
            f"PASSWORD={self.password}",
        )

    def version(self) -> str:
        out = subprocess.run([self.binary, "-?"], capture_output=True, text=True)
        for line in (out.stdout + out.stderr).splitlines():
            if "Version" in line:
                return line.strip()
        return "virtuoso (version unknown)"


def remote_store(server: Server) -> RemoteStore:
    """An empty store on ``server``, opened from its ATTACHE_* settings like a deployment:
    no graph, and no write stamp or lock entry left by an earlier test's store (a query
    over every graph sees them)."""
    store = open_store(load_config(environ=server.env()))
    assert isinstance(store, RemoteStore)
    for graph in store.graphs():
        store.drop_graph(graph)
    store.send_update(f"DROP SILENT GRAPH <{REPLICA_GRAPH}>")
    store._unstamped = False  # emptied for the test, not written by it
    return store


SERVER_FIXTURES = {"oxigraph-server": "oxigraph_server", "virtuoso": "virtuoso_server"}

BACKENDS = [
    "memory",
    "disk",
    pytest.param("oxigraph-server", marks=pytest.mark.server),
    pytest.param("virtuoso", marks=pytest.mark.server),
]
"""Every backend the contract suite and the differential test run on."""


def open_backend(name: str, request: pytest.FixtureRequest, tmp_path: Path) -> Store:
    """An empty store of the named backend (servers come from the session fixtures)."""
    if name == "memory":
        return EmbeddedStore(None)
    if name == "disk":
        return EmbeddedStore(tmp_path / "store")
    return remote_store(request.getfixturevalue(SERVER_FIXTURES[name]))
