"""The first hour: a development token, a busy port said in one line, and the discovery
file through which the command line finds a running service."""

from __future__ import annotations

import os
import shutil
import socket
import stat
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner

from kg.cli import main
from kg.runtime import (
    PortInUse,
    check_port,
    dev_token,
    find_running,
    read_dev_token,
    remove_discovery,
    write_discovery,
)

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def busy_port() -> Iterator[int]:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        sock.listen()
        yield sock.getsockname()[1]


def test_the_development_token_is_created_once_readable_by_its_owner_only(tmp_path: Path) -> None:
    token, created = dev_token(tmp_path)
    assert created and len(token) >= 24
    assert stat.S_IMODE((tmp_path / "dev-token").stat().st_mode) == 0o600
    again, created_again = dev_token(tmp_path)
    assert (again, created_again) == (token, False)
    assert read_dev_token(tmp_path) == token
    assert read_dev_token(tmp_path / "elsewhere") == ""


def test_a_busy_port_is_one_line_naming_it_and_how_to_choose_another(busy_port: int) -> None:
    with pytest.raises(PortInUse) as caught:
        check_port("127.0.0.1", busy_port)
    message = caught.value.message
    assert str(busy_port) in message and "\n" not in message
    assert "PORT=" in message and "--port" in message


def test_serve_on_a_busy_port_prints_one_line_and_no_traceback(
    busy_port: int, tmp_path: Path
) -> None:
    result = CliRunner().invoke(
        main, ["--data", str(tmp_path), "serve", "--port", str(busy_port)], env={}
    )
    assert result.exit_code == 1
    lines = result.output.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("error: port ")
    assert "Traceback" not in result.output
    assert not (tmp_path / "store").exists(), "the store is not opened before the port is free"


def test_the_discovery_file_names_a_live_service_and_is_removed_by_its_writer(
    tmp_path: Path,
) -> None:
    assert find_running(tmp_path, probe=False) is None
    write_discovery(tmp_path, "0.0.0.0", 8123)
    found = find_running(tmp_path, probe=False)
    assert found is not None
    assert found.url == "http://127.0.0.1:8123" and found.pid == os.getpid()
    assert find_running(tmp_path) is None, "nothing answers on that port"
    remove_discovery(tmp_path)
    assert not (tmp_path / "service.json").exists()


def test_a_discovery_file_of_a_dead_process_is_ignored(tmp_path: Path) -> None:
    (tmp_path / "service.json").write_text('{"url": "http://127.0.0.1:1", "pid": 999999999}')
    assert find_running(tmp_path, probe=False) is None


@pytest.mark.skipif(shutil.which("make") is None, reason="make is not installed")
def test_make_run_takes_port_and_host_and_uses_a_development_token() -> None:
    def dry_run(*args: str, **env: str) -> str:
        environ = {k: v for k, v in os.environ.items() if k not in {"HOST", "PORT"}}
        out = subprocess.run(
            ["make", "-n", "run", *args],
            cwd=ROOT,
            env={**environ, **env},
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        (serve,) = [line for line in out.splitlines() if "attache serve" in line]
        return serve

    assert "--port 8080" in dry_run("PORT=8080")
    assert "--host 0.0.0.0 --port 8080" in dry_run("PORT=8080", "HOST=0.0.0.0")
    assert "--dev-token" in dry_run()
    assert "--host" not in dry_run(HOST="my-laptop"), "a shell's HOST is not an address"
