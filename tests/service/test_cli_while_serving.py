"""The command line while `attache serve` holds the store: it finds the service from the
data directory and goes through its HTTP API, never opening the live store a second time;
commands that need the store itself say so in one line."""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pyoxigraph as ox
import pytest

from tests.service.conftest import TOKEN
from tests.service.live import LiveServer

pytestmark = [pytest.mark.server]

ARTICLE = """---
title: Greece orders 24 Rafale jets from France
date: 2021-09-28
url: https://news.attache.example/2021/09/28/greece-orders-rafale
---
Greece signed a deal on Tuesday to buy 24 Rafale fighter jets from France, the Greek defense
ministry said. France will deliver the first Rafale jets to Greece next year.
"""


@pytest.fixture(scope="module")
def server(samples_dump: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[LiveServer]:
    with LiveServer(tmp_path_factory.mktemp("cli-live"), {"ATTACHE_API_TOKEN": TOKEN}).serving(
        samples_dump
    ) as live:
        yield live


def attache(server: LiveServer, *args: str, token: str = TOKEN) -> subprocess.CompletedProcess[str]:
    env = {**server._environ(), "ATTACHE_API_TOKEN": token}
    return subprocess.run(
        [sys.executable, "-m", "kg", "--data", str(server.data), *args],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )


def test_the_service_names_itself_in_the_data_directory(server: LiveServer) -> None:
    found = json.loads((server.data / "service.json").read_text())
    assert found["url"] == server.url
    assert server.proc is not None and found["pid"] == server.proc.pid


def test_articles_and_questions_go_through_the_service(server: LiveServer) -> None:
    listed = attache(server, "articles")
    assert listed.returncode == 0, listed.stderr
    assert len(listed.stdout.splitlines()) == 8
    assert listed.stderr.strip().endswith("8 articles")
    asked = attache(server, "ask", "Who supplies the S-400 to Turkey?")
    assert asked.returncode == 0, asked.stderr
    assert " 1. Russia" in asked.stdout and "read as:" in asked.stdout
    queried = attache(server, "query", "SELECT ?a WHERE { ?a a dd:NewsArticle }")
    assert queried.returncode == 0, queried.stderr
    assert len(queried.stdout.splitlines()) == 9 and queried.stderr.strip() == "8 rows"


def test_ingest_and_remove_go_through_the_service(server: LiveServer, tmp_path: Path) -> None:
    path = tmp_path / "greece.md"
    path.write_text(ARTICLE)
    added = attache(server, "ingest", str(path))
    assert added.returncode == 0, added.stderr
    assert added.stdout.startswith("1 article: 1 new")
    again = attache(server, "ingest", str(path))
    assert again.stdout.startswith("1 article: 0 new, 0 replaced, 1 unchanged")
    asked = attache(server, "ask", "Who supplies the Rafale to Greece?")
    assert " 1. France" in asked.stdout
    removed = attache(
        server, "remove", "https://news.attache.example/2021/09/28/greece-orders-rafale"
    )
    assert removed.returncode == 0, removed.stderr
    after = attache(server, "ask", "--json", "Who supplies the Rafale to Greece?").stdout
    answers = [a["text"] for a in json.loads(after)["answers"]]
    assert "France" not in answers  # the removed article was the one that said so


def test_a_wrong_token_is_one_line(server: LiveServer, tmp_path: Path) -> None:
    path = tmp_path / "greece.md"
    path.write_text(ARTICLE)
    refused = attache(server, "ingest", str(path), token="wrong-token-0123456789")
    assert refused.returncode == 1
    assert refused.stderr.strip().splitlines() == [
        "error: the service said: the bearer token is not valid"
    ]


def test_export_goes_through_the_service(server: LiveServer, tmp_path: Path) -> None:
    out = tmp_path / "all.trig"
    exported = attache(server, "export", "-o", str(out))
    assert exported.returncode == 0, exported.stderr
    quads = list(ox.parse(out.read_bytes(), format=ox.RdfFormat.TRIG))
    assert len(quads) > 1000


def test_commands_that_need_the_store_itself_say_what_to_do(
    server: LiveServer, tmp_path: Path
) -> None:
    result = attache(server, "validate")
    assert result.returncode == 1
    (line,) = result.stderr.strip().splitlines()
    assert server.url in line and "stop the service first" in line


def test_updates_go_through_the_service_with_the_token(server: LiveServer) -> None:
    graph = "<http://example.org/cli-update>"
    insert = f'INSERT DATA {{ GRAPH {graph} {{ <http://example.org/a> rdfs:label "A" }} }}'
    applied = attache(server, "query", "--update", insert)
    assert applied.returncode == 0, applied.stderr
    found = attache(server, "query", "SELECT ?l WHERE { <http://example.org/a> rdfs:label ?l }")
    assert found.stdout.splitlines() == ["l", "A"]
    assert attache(server, "query", "--update", f"DROP GRAPH {graph}").returncode == 0
