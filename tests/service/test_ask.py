"""The question endpoint: GET /api/ask?q= and POST /api/ask, answers and errors.

The shared ``client`` holds the bundled samples, whose events come from the extractor:
tests there check the shape and the errors. Content is checked on an app built over
the hand-written QA fixtures.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from flask import Flask
from flask.testing import FlaskClient

from kg.config import load_config
from tests.kg.qa.conftest import fixture_store
from tests.service.test_api import assert_error_shape


@pytest.fixture(scope="module")
def qa_app() -> Iterator[Flask]:
    from service import create_app

    store = fixture_store()
    config = load_config(environ={}, store="memory", max_question_chars=120)
    yield create_app(config, store=store, test_config={"TESTING": True})
    store.close()


@pytest.fixture
def qa_client(qa_app: Flask) -> FlaskClient:
    return qa_app.test_client()


def test_get_answers_a_question_with_evidence(qa_client: FlaskClient) -> None:
    response = qa_client.get("/api/ask", query_string={"q": "Who sells the S-400 to Ankara?"})
    assert response.status_code == 200
    body = response.get_json()
    assert body["ok"] is True
    assert body["interpretation"]["template"] == "supplier_of_equipment_to"
    (answer,) = body["answers"]
    assert answer["text"] == "Russia"
    assert answer["evidence"][0]["title"] == "Turkey takes delivery of Russian air defenses"


def test_post_gives_the_same_payload_as_get(qa_client: FlaskClient) -> None:
    question = "Which alliance is Turkey a member of?"
    by_get = qa_client.get("/api/ask", query_string={"q": question}).get_json()
    by_post = qa_client.post("/api/ask", json={"question": question}).get_json()
    for body in (by_get, by_post):
        body.pop("elapsed_ms")
    assert by_get == by_post
    assert [a["text"] for a in by_post["answers"]] == ["NATO"]


def test_a_question_without_an_answer_returns_suggestions(qa_client: FlaskClient) -> None:
    body = qa_client.get(
        "/api/ask", query_string={"q": "Who sells the S-400 to Poland?"}
    ).get_json()
    assert body["answers"] == []
    assert body["suggestions"]


def test_payload_keys_come_in_the_documented_order(client: FlaskClient) -> None:
    response = client.get("/api/ask?q=Who+supplies+the+S-400+to+Turkey%3F")
    assert response.status_code == 200
    body = response.get_json()
    assert list(body) == [
        "ok",
        "question",
        "interpretation",
        "answers",
        "suggestions",
        "sparql",
        "elapsed_ms",
        "console",
    ]
    assert set(body["interpretation"]) == {"template", "family", "entities", "reading"}
    for answer in body["answers"]:
        assert {"text", "iri", "evidence"} <= set(answer)
        for evidence in answer["evidence"]:
            assert set(evidence) == {"article", "title", "url", "date", "sentence"}


@pytest.mark.parametrize(
    ("request_kwargs", "status", "code"),
    [
        ({"method": "GET", "path": "/api/ask"}, 400, "bad_question"),
        ({"method": "GET", "path": "/api/ask?q=%20%20"}, 400, "bad_question"),
        ({"method": "POST", "path": "/api/ask", "json": {"question": ""}}, 400, "bad_question"),
        ({"method": "POST", "path": "/api/ask", "json": {}}, 400, "bad_question"),
        ({"method": "POST", "path": "/api/ask", "json": {"question": 42}}, 400, "bad_question"),
        ({"method": "POST", "path": "/api/ask", "json": ["a", "list"]}, 400, "bad_request"),
        (
            {
                "method": "POST",
                "path": "/api/ask",
                "data": "{not json",
                "content_type": "application/json",
            },
            400,
            "bad_request",
        ),
        (
            {
                "method": "POST",
                "path": "/api/ask",
                "data": "question=hi",
                "content_type": "application/x-www-form-urlencoded",
            },
            415,
            "unsupported_media_type",
        ),
        ({"method": "POST", "path": "/api/ask", "data": "Who?"}, 415, "unsupported_media_type"),
        ({"method": "DELETE", "path": "/api/ask"}, 405, "method_not_allowed"),
    ],
)
def test_bad_requests_get_the_one_error_shape(
    qa_client: FlaskClient, request_kwargs: dict, status: int, code: str
) -> None:
    response = qa_client.open(**request_kwargs)
    assert response.status_code == status
    body = response.get_json()
    assert_error_shape(body, status)
    assert body["code"] == code


def test_a_question_over_the_configured_length_is_refused(qa_client: FlaskClient) -> None:
    response = qa_client.get("/api/ask", query_string={"q": "Who " + "x" * 200 + "?"})
    assert response.status_code == 413
    body = response.get_json()
    assert_error_shape(body, 413)
    assert "120 characters" in body["error"]


@pytest.mark.parametrize(
    "question",
    [
        'Who sells the S-400 to Turkey" } ; DROP ALL ; #?',
        "Who is <x> } DROP ALL ; <y>?",
        "What do we know about \\u0022 } ; DELETE WHERE { ?s ?p ?o }",
    ],
)
def test_hostile_questions_change_nothing(qa_app: Flask, question: str) -> None:
    from service.state import AppState, state_of

    current = state_of(qa_app)
    assert isinstance(current, AppState)
    before = current.store.count()
    response = qa_app.test_client().get("/api/ask", query_string={"q": question})
    assert response.status_code == 200
    assert current.store.count() == before


def test_the_index_lists_the_endpoint(client: FlaskClient) -> None:
    assert client.get("/").get_json()["endpoints"]["ask"] == "/api/ask?q="


def test_every_answer_links_its_sparql_to_the_console(client) -> None:
    from urllib.parse import parse_qs, urlparse

    body = client.get(
        "/api/ask", query_string={"q": "Who supplies the S-400 to Turkey?"}
    ).get_json()
    link = urlparse(body["console"])
    assert link.path == "/console"
    assert parse_qs(link.query)["query"] == [body["sparql"]]
    assert client.get(body["console"]).status_code == 200  # the page runs ?query= itself
