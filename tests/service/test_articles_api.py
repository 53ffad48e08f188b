"""Articles while the service runs: POST, GET and DELETE /api/articles.

Each test gets its own writable copy of the samples, and the session's spaCy pipeline.
"""

from __future__ import annotations

import io
from collections.abc import Iterator
from typing import Any

import pytest
from flask import Flask
from flask.testing import FlaskClient
from rdflib import Graph
from werkzeug.test import TestResponse

from kg.extract import Pipeline
from kg.store import EmbeddedStore, Store
from service.state import state_of
from tests.service.conftest import TOKEN, close_app, make_app
from tests.service.test_api import assert_error_shape

AUTH = {"Authorization": f"Bearer {TOKEN}"}
GREECE = {
    "title": "Greece orders 24 Rafale jets from France",
    "date": "2021-09-28",
    "url": "https://news.attache.example/2021/09/28/greece-orders-rafale",
    "text": (
        "Greece signed a deal on Tuesday to buy 24 Rafale fighter jets from France, the Greek "
        "defense ministry said.\nFrance will deliver the first Rafale jets to Greece next year."
    ),
}
GREECE_MD = (
    "---\ntitle: Greece orders 24 Rafale jets from France\ndate: 2021-09-28\n"
    "url: https://news.attache.example/2021/09/28/greece-orders-rafale\n---\n" + GREECE["text"]
)


@pytest.fixture
def writable(samples_trig: bytes) -> Iterator[Store]:
    store = EmbeddedStore(None)
    store.load(samples_trig, "trig")
    yield store
    store.close()


@pytest.fixture
def articles_app(writable: Store, pipeline: Pipeline) -> Iterator[Flask]:
    app = make_app(writable, max_article_bytes=4000)
    state_of(app).articles.pipeline = lambda: pipeline
    yield app
    close_app(app)


@pytest.fixture
def api(articles_app: Flask) -> FlaskClient:
    return articles_app.test_client()


def refused(response: TestResponse, status: int) -> None:
    assert response.status_code == status
    assert_error_shape(response.get_json(), status)


def post(api: FlaskClient, **kwargs: Any) -> Any:
    headers = {**AUTH, **kwargs.pop("headers", {})}
    return api.post("/api/articles", headers=headers, **kwargs)


def ask(api: FlaskClient, question: str) -> list[str]:
    body = api.get("/api/ask", query_string={"q": question}).get_json()
    return [a["text"] for a in body["answers"]]


def test_a_posted_record_is_stored_and_summarized(api: FlaskClient) -> None:
    response = post(api, json=GREECE)
    assert response.status_code == 201
    body = response.get_json()
    assert body["ok"] is True and body["outcome"] == "new"
    article = body["article"]
    assert article["title"] == GREECE["title"] and article["date"] == "2021-09-28"
    assert article["triples"] > 0
    assert response.headers["Location"] == article["href"] == f"/api/articles/{article['id']}"
    kinds = {e["kind"] for e in body["extracted"]["events"]}
    assert "ArmsDeal" in kinds
    assert {"Greece", "France", "Rafale"} <= {e["label"] for e in body["extracted"]["entities"]}
    # The deal, the delivery, and what the Greek defence ministry said (for Greece).
    assert body["extracted"]["summary"].startswith("3 events")
    assert kinds == {"ArmsDeal", "ArmsDelivery", "Statement"}


def test_questions_see_a_new_article_at_once(api: FlaskClient) -> None:
    assert "France" not in ask(api, "Who supplies the Rafale to Greece?")
    assert post(api, json=GREECE).status_code == 201
    assert ask(api, "Who supplies the Rafale to Greece?") == ["France"]


def test_questions_see_a_new_article_at_once_when_only_their_reads_are_kept(
    writable: Store, pipeline: Pipeline
) -> None:
    """Answers not kept, reads kept (bench/load.py --no-kept-answers): the rows read
    before the article was posted are not the ones read after it."""
    app = make_app(writable, kept_answers=0)
    state_of(app).articles.pipeline = lambda: pipeline
    api = app.test_client()
    question = "Who supplies the S-400 to Turkey?"
    assert ask(api, question) == ask(api, question) == ["Russia"]
    china = {
        "title": "China to supply S-400 systems to Turkey",
        "date": "2024-03-04",
        "url": "https://news.attache.example/2024/03/04/china-s400",
        "text": "China signed a deal on Monday to supply S-400 missile systems to Turkey, "
        "the Turkish defense ministry said.",
    }
    assert post(api, json=china).status_code == 201
    assert ask(api, question) == ["Russia", "China"]
    close_app(app)


def test_the_same_article_again_is_unchanged_and_a_changed_one_replaces_it(
    api: FlaskClient,
) -> None:
    first = post(api, json=GREECE).get_json()["article"]
    again = post(api, json=GREECE)
    assert again.status_code == 200
    assert again.get_json()["outcome"] == "unchanged"
    changed = post(api, json={**GREECE, "text": "Greece signed a deal to buy 18 Rafale jets."})
    assert changed.status_code == 200
    body = changed.get_json()
    assert body["outcome"] == "replaced" and body["article"]["id"] == first["id"]
    assert body["article"]["triples"] < first["triples"]
    listed = api.get("/api/articles", query_string={"limit": 500}).get_json()
    assert [a["id"] for a in listed["articles"]].count(first["id"]) == 1
    turtle = api.get(body["article"]["href"], headers={"Accept": "text/turtle"})
    assert "next year" not in turtle.get_data(as_text=True)


def test_news_please_records_and_uploaded_files_are_read(api: FlaskClient) -> None:
    record = {
        "title": GREECE["title"],
        "maintext": GREECE["text"],
        "date_publish": "2021-09-28 10:00:00",
        "url": GREECE["url"],
    }
    assert post(api, json=record).status_code == 201
    upload = {"file": (io.BytesIO(GREECE_MD.encode()), "greece.md")}
    response = post(api, data=upload, content_type="multipart/form-data")
    assert response.status_code == 200
    assert response.get_json()["outcome"] == "unchanged"


def test_a_plain_form_without_a_file_is_read_as_a_record(api: FlaskClient) -> None:
    response = post(api, data=GREECE, content_type="multipart/form-data")
    assert response.status_code == 201


@pytest.mark.parametrize(
    ("kwargs", "status", "code"),
    [
        ({"data": "x" * 5000, "content_type": "text/plain"}, 413, "too_large"),
        ({"json": {**GREECE, "text": "y" * 5000}}, 413, "too_large"),
        ({"data": b"%PDF-1.4", "content_type": "application/pdf"}, 415, "unsupported_media_type"),
        (
            {
                "data": {"file": (io.BytesIO(b"%PDF"), "story.pdf")},
                "content_type": "multipart/form-data",
            },
            415,
            "unsupported_media_type",
        ),
        ({"data": "{not json", "content_type": "application/json"}, 400, "bad_article"),
        ({"json": {"title": "No text"}}, 400, "bad_article"),
        ({"json": {**GREECE, "date": "last Tuesday"}}, 400, "bad_article"),
        ({"json": [GREECE, GREECE]}, 400, "bad_article"),
    ],
)
def test_refused_articles_write_nothing(
    api: FlaskClient, writable: Store, kwargs: dict[str, Any], status: int, code: str
) -> None:
    before = writable.count()
    response = post(api, **kwargs)
    refused(response, status)
    assert response.get_json()["code"] == code
    assert response.get_json()["error"]
    assert writable.count() == before


def test_writes_need_the_token(api: FlaskClient, writable: Store) -> None:
    before = writable.count()
    refused(api.post("/api/articles", json=GREECE), 401)
    wrong = api.post("/api/articles", json=GREECE, headers={"Authorization": "Bearer nope"})
    refused(wrong, 403)
    some = api.get("/api/articles").get_json()["articles"][0]["id"]
    refused(api.delete(f"/api/articles/{some}"), 401)
    assert writable.count() == before


def test_articles_are_listed_in_pages(api: FlaskClient) -> None:
    first = api.get("/api/articles", query_string={"limit": 3}).get_json()
    assert first["total"] == 8 and len(first["articles"]) == 3
    second = api.get(first["next"]).get_json()
    assert second["offset"] == 3
    assert not {a["id"] for a in first["articles"]} & {a["id"] for a in second["articles"]}
    last = api.get("/api/articles", query_string={"limit": 3, "offset": 6}).get_json()
    assert len(last["articles"]) == 2 and last["next"] is None
    dates = [a["date"] for a in first["articles"] + second["articles"]]
    assert dates == sorted(dates, reverse=True)
    refused(api.get("/api/articles", query_string={"limit": "many"}), 400)


def test_one_article_as_json_or_turtle(api: FlaskClient) -> None:
    ident = post(api, json=GREECE).get_json()["article"]["id"]
    body = api.get(f"/api/articles/{ident}").get_json()
    assert body["article"]["url"] == GREECE["url"]
    assert body["article"]["extraction"]["events"]
    turtle = api.get(f"/api/articles/{ident}", headers={"Accept": "text/turtle"})
    assert turtle.mimetype == "text/turtle"
    graph = Graph().parse(data=turtle.get_data(as_text=True), format="turtle")
    assert len(graph) == body["article"]["triples"]
    refused(api.get("/api/articles/nope"), 404)


def test_a_deleted_article_is_gone_and_its_answers_with_it(api: FlaskClient) -> None:
    ident = post(api, json=GREECE).get_json()["article"]["id"]
    assert ask(api, "Who supplies the Rafale to Greece?") == ["France"]
    response = api.delete(f"/api/articles/{ident}", headers=AUTH)
    assert response.status_code == 200 and response.get_json()["removed"]["id"] == ident
    refused(api.get(f"/api/articles/{ident}"), 404)
    refused(api.delete(f"/api/articles/{ident}", headers=AUTH), 404)
    assert "France" not in ask(api, "Who supplies the Rafale to Greece?")


def test_the_whole_store_exports_with_the_token(api: FlaskClient, writable: Store) -> None:
    refused(api.get("/api/export"), 401)
    response = api.get("/api/export", query_string={"format": "nquads"}, headers=AUTH)
    assert response.status_code == 200 and response.mimetype == "application/n-quads"
    assert len(response.get_data(as_text=True).splitlines()) == writable.count()
    refused(api.get("/api/export", query_string={"format": "xml"}, headers=AUTH), 400)


def test_an_article_url_that_is_not_a_web_address_is_never_a_link(api: FlaskClient) -> None:
    assert post(api, json={**GREECE, "url": "javascript:alert(1)"}).status_code == 201
    html = api.get("/entity/greece", headers={"Accept": "text/html"}).get_data(as_text=True)
    assert "Greece orders 24 Rafale jets from France" in html
    assert 'href="javascript:' not in html.lower()
