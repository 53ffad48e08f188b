"""Bad input gets a 4xx in the one error shape; heavy public work is cached; pages locked down."""

from __future__ import annotations

import threading
import time
from typing import Any

import pytest
from click.testing import CliRunner
from flask import Flask
from flask.testing import FlaskClient

from kg import cli
from kg.config import MIN_TOKEN_CHARS, load_config
from kg.errors import ConfigError
from service.state import state_of
from tests.service.conftest import TOKEN
from tests.service.test_api import assert_error_shape

pytestmark = pytest.mark.reliability

AUTH = {"Authorization": f"Bearer {TOKEN}"}
DEEP = b"[" * 100_000 + b"]" * 100_000


@pytest.fixture
def app(samples_app: Flask) -> Flask:
    return samples_app


@pytest.fixture
def client(app: Flask) -> FlaskClient:
    return app.test_client()


def _error(response: Any, status: int) -> dict[str, Any]:
    assert response.status_code == status, response.get_data(as_text=True)[:300]
    body: dict[str, Any] = response.get_json()
    assert_error_shape(body, status)
    return body


def test_a_json_body_nested_100k_deep_is_a_400_on_ask_and_on_an_ontology_patch(
    client: FlaskClient,
) -> None:
    _error(client.post("/api/ask", data=DEEP, content_type="application/json"), 400)
    tag = client.get("/api/ontology?format=tree").headers["ETag"]
    response = client.patch(
        "/api/ontology/terms/dd:recipient",
        data=b'{"alt_labels": ' + DEEP + b"}",
        content_type="application/json",
        headers={**AUTH, "If-Match": tag},
    )
    _error(response, 422)


@pytest.mark.parametrize("path", ["/api/ontology/history", "/api/ontology/conformance"])
def test_a_limit_that_is_not_ascii_digits_is_a_4xx(client: FlaskClient, path: str) -> None:
    for limit in ("%C2%B2", "%D9%A3", "-1", "1e3"):
        body = _error(client.get(f"{path}?limit={limit}"), 422)
        assert "0-9" in body["error"]
    assert client.get(f"{path}?limit=" + "9" * 5000).status_code == 200


def test_a_nul_or_an_escape_in_a_label_is_refused(client: FlaskClient) -> None:
    for bad in ("procure\x00", "\x1b[31mred"):
        read = client.get("/api/ontology/terms/dd:recipient")
        labels = [*read.get_json()["term"]["alt_labels"], {"value": bad, "lang": "en"}]
        response = client.patch(
            "/api/ontology/terms/dd:recipient",
            json={"alt_labels": labels},
            headers={**AUTH, "If-Match": read.headers["ETag"]},
        )
        assert "control character" in _error(response, 422)["error"]


def test_the_console_sends_a_content_security_policy(client: FlaskClient) -> None:
    response = client.get("/console")
    assert response.status_code == 200
    policy = response.headers["Content-Security-Policy"]
    assert "script-src 'self'" in policy and "frame-ancestors 'none'" in policy
    assert response.headers["X-Content-Type-Options"] == "nosniff"


def test_conformance_runs_once_per_store_version_whoever_asks(
    app: Flask, client: FlaskClient
) -> None:
    cache = state_of(app).conformance
    first = client.get("/api/ontology/conformance")
    assert first.status_code == 200
    for _ in range(5):
        assert client.get("/api/ontology/conformance").get_json() == first.get_json()
    assert cache.runs == 1
    update = client.post(
        "/sparql/update",
        data="INSERT DATA { GRAPH <urn:new> { <urn:a> <urn:b> 1 } }",
        content_type="application/sparql-update",
        headers=AUTH,
    )
    assert update.status_code == 200
    client.get("/api/ontology/conformance")
    assert cache.runs == 2


def test_a_short_token_is_refused_at_start_up_with_the_reason() -> None:
    with pytest.raises(ConfigError, match="guessed"):
        load_config(environ={"ATTACHE_API_TOKEN": "secret"})
    with pytest.raises(ConfigError, match=str(MIN_TOKEN_CHARS)):
        load_config(environ={}, api_token="x" * (MIN_TOKEN_CHARS - 1))
    assert load_config(environ={"ATTACHE_API_TOKEN": "x" * MIN_TOKEN_CHARS}).api_token
    assert load_config(environ={"ATTACHE_API_TOKEN": ""}).api_token == ""


def test_cli_output_strips_terminal_escapes_from_titles(monkeypatch: pytest.MonkeyPatch) -> None:
    title = "\x1b]0;pwned\x07\x1b[2J\x1b[31mS-400\x1b[0m deliveries\x00\x9b"
    item = {"id": "abc", "iri": "urn:a", "title": title, "date": "", "url": "", "triples": "5"}
    monkeypatch.setattr(cli.articles, "list_articles", lambda store: [item])
    result = CliRunner().invoke(cli.main, ["--store", "memory", "articles"])
    assert result.exit_code == 0, result.output
    assert "S-400 deliveries" in result.output
    assert not any(ch in result.output for ch in "\x1b\x07\x00\x9b")
    assert cli.printable("a\tb\nc\x1b[1;31md") == "a\tb\ncd"


def test_one_client_address_cannot_hold_every_query_worker(app: Flask) -> None:
    slow = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"
    small = "ASK { ?s ?p ?o }"
    first: list[int] = []

    def ask(query: str, address: str) -> Any:
        return app.test_client().get(
            "/sparql", query_string={"query": query}, environ_base={"REMOTE_ADDR": address}
        )

    runner = threading.Thread(target=lambda: first.append(ask(slow, "10.0.0.1").status_code))
    runner.start()
    time.sleep(0.5)
    again = ask(small, "10.0.0.1")
    body = _error(again, 429)
    assert body["code"] == "too_many_queries"
    assert again.headers["Retry-After"] == "2"
    other = ask(small, "10.0.0.2")
    assert other.status_code == 200 and other.get_json()["boolean"] is True
    runner.join(timeout=30)
    assert first == [504]
    assert ask(small, "10.0.0.1").status_code == 200
