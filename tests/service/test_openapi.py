"""The OpenAPI document matches the real routes, and fuzzing from it finds no 5xx.

The fuzz test is Schemathesis run in-process on the WSGI app (no socket), bounded by
:data:`EXAMPLES` per operation, with the bearer token, so the write paths are
exercised too. Every response must be below 500, and every error the one JSON shape.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from typing import Any

import pytest
import schemathesis
from flask import Flask
from hypothesis import HealthCheck, given, settings
from schemathesis.checks import not_a_server_error

from kg.store import EmbeddedStore
from service.openapi import document
from tests.service.conftest import TOKEN, close_app, make_app

pytestmark = pytest.mark.reliability

EXAMPLES = 25
METHODS = {"get", "put", "post", "patch", "delete"}
ERROR_KEYS = {"ok", "status", "code", "error"}
SEEN: dict[str, int] = {"requests": 0, "server_errors": 0, "errors": 0}


@pytest.fixture(scope="module")
def fuzz_app(samples_trig: bytes) -> Iterator[Flask]:
    store = EmbeddedStore(None)
    store.load(samples_trig)
    app = make_app(store, client_queries=4)
    yield app
    close_app(app)
    store.close()


@pytest.fixture(scope="module")
def fuzz_schema(fuzz_app: Flask) -> Any:
    return schemathesis.openapi.from_wsgi("/api/openapi.json", fuzz_app)


def _flask_path(rule: str) -> str:
    return re.sub(r"<(?:\w+:)?(\w+)>", r"{\1}", rule)


def test_the_document_is_openapi_3_1_and_served(fuzz_app: Flask) -> None:
    response = fuzz_app.test_client().get("/api/openapi.json")
    assert response.status_code == 200
    body = response.get_json()
    assert body["openapi"] == "3.1.0"
    assert body == json.loads(json.dumps(document()))


def test_every_api_and_sparql_route_is_described_and_nothing_else(fuzz_app: Flask) -> None:
    routes = {
        (_flask_path(rule.rule), method.lower())
        for rule in fuzz_app.url_map.iter_rules()
        if rule.rule.startswith(("/api/", "/sparql"))
        for method in rule.methods or ()
        if method.lower() in METHODS
    }
    described = {
        (path, method)
        for path, item in document()["paths"].items()
        for method in item
        if method in METHODS
    }
    assert routes == described


def _check(case: Any) -> None:
    response = case.call(headers={"Authorization": f"Bearer {TOKEN}"})
    SEEN["requests"] += 1
    if response.status_code >= 500:
        SEEN["server_errors"] += 1
    case.validate_response(response, checks=[not_a_server_error])
    if response.status_code >= 400:
        SEEN["errors"] += 1
        body = json.loads(response.content)
        assert set(body) == ERROR_KEYS, body
        assert body["ok"] is False and body["status"] == response.status_code
        assert isinstance(body["code"], str) and body["code"]
        assert isinstance(body["error"], str) and body["error"]


def _operations(schema: Any) -> list[Any]:
    return [result.ok() for result in schema.get_all_operations()]


def test_fuzzed_requests_get_no_5xx_and_every_error_is_the_one_shape(fuzz_schema: Any) -> None:
    """Each operation in turn (Schemathesis's pytest plugin does not run on pytest 9)."""
    operations = _operations(fuzz_schema)
    described = {
        f"{method.upper()} {path}"
        for path, item in document()["paths"].items()
        for method in item
        if method in METHODS
    }
    # Schemathesis leaves out the document's own path.
    assert {op.label for op in operations} == described - {"GET /api/openapi.json"}
    for operation in operations:
        run = settings(
            max_examples=EXAMPLES,
            deadline=None,
            derandomize=True,
            suppress_health_check=list(HealthCheck),
            database=None,
        )(given(case=operation.as_strategy())(_check))
        run()


def test_the_fuzzing_ran_and_found_no_server_error(capsys: pytest.CaptureFixture[str]) -> None:
    """Runs after the fuzz test in this module: its tally, printed for the record."""
    if SEEN["requests"] == 0:
        pytest.skip("the fuzz test did not run in this session")
    with capsys.disabled():
        print(
            f"\nschemathesis: {SEEN['requests']} requests, {SEEN['errors']} 4xx, "
            f"{SEEN['server_errors']} server errors"
        )
    assert SEEN["server_errors"] == 0
