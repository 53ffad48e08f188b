"""A real ``attache serve`` process on 127.0.0.1, for tests that need the live endpoint.

It runs the command a user runs, with its own data directory and a free port, and
is stopped (and its query workers with it) when the test module ends.
"""

from __future__ import annotations

import contextlib
import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


class LiveServer:
    """``attache --data DIR serve`` on a free loopback port."""

    def __init__(self, data: Path, env: dict[str, str] | None = None) -> None:
        self.data = data
        self.env = env or {}
        self.port = free_port()
        self.proc: subprocess.Popen[bytes] | None = None
        self.log = data / "server.log"

    @contextlib.contextmanager
    def serving(self, dump: Path | None = None) -> Iterator[LiveServer]:
        """Load ``dump`` (if given), start, and stop when the block ends, however it ends."""
        if dump is not None:
            self.load(dump)
        self.start()
        try:
            yield self
        finally:
            self.stop()

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def load(self, dump: Path) -> None:
        """Load a TriG dump into the data directory (before :meth:`start`)."""
        subprocess.run(
            [sys.executable, "-m", "kg", "--data", str(self.data), "load", str(dump)],
            check=True,
            capture_output=True,
            env=self._environ(),
        )

    def _environ(self) -> dict[str, str]:
        env = {
            k: v
            for k, v in os.environ.items()
            if not k.startswith("ATTACHE_") or k == "ATTACHE_CONFORMANCE_DIR"
        }
        env.update({"ATTACHE_STORE": "embedded", "ATTACHE_LOG_LEVEL": "WARNING"})
        env.update(self.env)
        return env

    def start(self, wait: float = 60.0) -> None:
        self.data.mkdir(parents=True, exist_ok=True)
        log = self.log.open("wb")
        self.proc = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "kg",
                "--data",
                str(self.data),
                "serve",
                "--host",
                "127.0.0.1",
                "--port",
                str(self.port),
            ],
            stdout=log,
            stderr=subprocess.STDOUT,
            env=self._environ(),
        )
        log.close()
        deadline = time.monotonic() + wait
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise RuntimeError(f"attache serve exited: {self.log.read_text()}")
            try:
                with urllib.request.urlopen(self.url + "/api/health", timeout=2) as response:
                    if response.status == 200:
                        return
            except (urllib.error.URLError, ConnectionError, TimeoutError):
                time.sleep(0.1)
        self.stop()
        raise RuntimeError(f"attache serve did not answer within {wait} s")

    def alive(self) -> bool:
        return self.proc is not None and self.proc.poll() is None

    def stop(self) -> None:
        if self.proc is None:
            return
        if self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()
        self.proc = None
