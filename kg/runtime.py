"""What a running service leaves in its data directory, and what it checks before it starts.

Three small things make the first hour smooth. A local development token
(``DATA/dev-token``), created on first use when ``ATTACHE_API_TOKEN`` is not set, so that
uploads and the ontology editor work on a laptop. A discovery file (``DATA/service.json``:
URL and process id) written while the service runs, so the command line can find the
service that holds the store and go through its HTTP API instead of opening the store a
second time. And a check that the port is free before anything is opened, so a busy port
is one line that says what to do.
"""

from __future__ import annotations

import contextlib
import errno
import json
import os
import secrets
import socket
from dataclasses import dataclass
from pathlib import Path

from kg.errors import ConfigError

DEV_TOKEN_FILE = "dev-token"
DISCOVERY_FILE = "service.json"


class PortInUse(ConfigError):
    """The address ``attache serve`` should listen on is taken."""

    code = "port_in_use"


# -- the development token ---------------------------------------------------------------------


def dev_token(data: Path) -> tuple[str, bool]:
    """The data directory's development token and whether it was created just now.

    Stored readable by its owner only; the same token on every later run.
    """
    path = data / DEV_TOKEN_FILE
    if path.is_file():
        token = path.read_text(encoding="utf-8").strip()
        if token:
            return token, False
    data.mkdir(parents=True, exist_ok=True)
    token = secrets.token_urlsafe(24)
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as fh:
        fh.write(token + "\n")
    return token, True


def read_dev_token(data: Path) -> str:
    """The development token if one was created, else empty."""
    try:
        return (data / DEV_TOKEN_FILE).read_text(encoding="utf-8").strip()
    except OSError:
        return ""


# -- the port ----------------------------------------------------------------------------------


def check_port(host: str, port: int) -> None:
    """Raise :class:`PortInUse` (one line, with what to do) when ``host:port`` is taken."""
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except socket.gaierror as exc:
        raise ConfigError(f"cannot listen on {host!r}: {exc.strerror}") from exc
    family, kind, proto, _, address = infos[0]
    with socket.socket(family, kind, proto) as sock:
        if os.name != "nt":
            sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            sock.bind(address)
        except OSError as exc:
            raise port_error(host, port, exc) from exc


def port_error(host: str, port: int, exc: OSError) -> ConfigError:
    if exc.errno == errno.EADDRINUSE:
        return PortInUse(
            f"port {port} on {host} is already in use; choose another with "
            f"`make run PORT=8080`, `attache serve --port 8080` or ATTACHE_PORT=8080"
        )
    if exc.errno == errno.EACCES:
        return PortInUse(
            f"not allowed to listen on port {port} on {host}; choose a port above 1023 "
            "(`make run PORT=8080` or ATTACHE_PORT=8080)"
        )
    return ConfigError(f"cannot listen on {host}:{port}: {exc.strerror or exc}")


# -- discovery ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class Running:
    """A service found through its discovery file."""

    url: str
    pid: int
    data: Path


def _url(host: str, port: int) -> str:
    if host in ("0.0.0.0", "", "::"):
        host = "127.0.0.1"  # listening everywhere: reach it on loopback
    if ":" in host:
        host = f"[{host}]"
    return f"http://{host}:{port}"


def write_discovery(data: Path, host: str, port: int) -> Path:
    """Write ``DATA/service.json`` (URL and pid), atomically."""
    data.mkdir(parents=True, exist_ok=True)
    path = data / DISCOVERY_FILE
    partial = path.with_name(path.name + ".part")
    partial.write_text(
        json.dumps({"url": _url(host, port), "pid": os.getpid()}) + "\n", encoding="utf-8"
    )
    partial.replace(path)
    return path


def remove_discovery(data: Path) -> None:
    """Remove the discovery file if this process wrote it."""
    path = data / DISCOVERY_FILE
    with contextlib.suppress(OSError, ValueError):
        if json.loads(path.read_text(encoding="utf-8")).get("pid") == os.getpid():
            path.unlink()


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def answers(url: str, timeout: float = 3.0) -> bool:
    """Whether an Attaché service answers its health check at ``url``."""
    import urllib.error
    import urllib.request

    try:
        with urllib.request.urlopen(url + "/api/health", timeout=timeout) as response:
            return bool(response.status == 200)
    except (urllib.error.URLError, OSError, ValueError):
        return False


def find_running(data: Path, *, probe: bool = True) -> Running | None:
    """The service serving ``data``, if its discovery file names a live process (that
    answers, unless ``probe`` is false)."""
    try:
        found = json.loads((data / DISCOVERY_FILE).read_text(encoding="utf-8"))
        url, pid = str(found["url"]), int(found["pid"])
    except (OSError, ValueError, KeyError, TypeError):
        return None
    if not url.startswith("http") or not _alive(pid):
        return None
    url = url.rstrip("/")
    if probe and not answers(url):
        return None
    return Running(url=url, pid=pid, data=data)
