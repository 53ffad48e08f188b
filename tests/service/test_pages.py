"""The pages for people: the Ask page at ``/`` for a browser, entity pages, and what
``/api/ask`` adds for them (each answer's type, confidence and page)."""

from __future__ import annotations

import re

from flask.testing import FlaskClient

BROWSER = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"


def test_a_browser_gets_the_ask_page_at_the_root(client: FlaskClient) -> None:
    response = client.get("/", headers={"Accept": BROWSER})
    assert response.status_code == 200
    assert response.mimetype == "text/html"
    html = response.get_data(as_text=True)
    assert 'id="q"' in html and 'role="search"' in html
    assert "Add an article" in html
    assert "Accept" in response.headers["Vary"]


def test_json_clients_still_get_the_index(client: FlaskClient) -> None:
    for accept in ("application/json", "*/*"):
        response = client.get("/", headers={"Accept": accept})
        assert response.mimetype == "application/json"
        body = response.get_json()
        assert body["ok"] is True and body["endpoints"]["ask"] == "/api/ask?q="


def test_the_ask_page_loads_nothing_from_elsewhere_and_runs_no_inline_script(
    client: FlaskClient,
) -> None:
    response = client.get("/", headers={"Accept": BROWSER})
    policy = response.headers["Content-Security-Policy"]
    assert "default-src 'self'" in policy and "script-src 'self'" in policy
    assert "unsafe-inline" not in policy
    html = response.get_data(as_text=True)
    assert not re.search(r"""(src|href)=["']https?://""", html)
    assert not re.search(r"<script(?![^>]*\bsrc=)[^>]*>", html), "inline script"
    assert not re.search(r"\son[a-z]+=", html), "inline event handler"
    for asset in re.findall(r"""(?:src|href)="(/static/[^"]+)\"""", html):
        served = client.get(asset)
        served.close()
        assert served.status_code == 200, asset


def test_example_questions_on_the_page_are_links_that_ask_them(client: FlaskClient) -> None:
    html = client.get("/ask").get_data(as_text=True)
    links = re.findall(r'class="suggestion" href="/\?q=([^"]+)"', html)
    assert links and "S-400" in " ".join(links).replace("%2D", "-")


def test_answers_carry_their_type_confidence_and_entity_page(client: FlaskClient) -> None:
    question = "Who supplies the S-400 to Turkey?"
    body = client.get("/api/ask", query_string={"q": question}).get_json()
    answer = body["answers"][0]
    assert answer["text"] == "Russia"
    assert answer["type"] == "State"
    assert answer["page"] == "/entity/russia"
    support = answer["support"]
    assert support["articles"] >= 2 and support["level"] == "high"
    assert support["sentences"] >= support["articles"]
    assert 0.5 <= answer["confidence"] <= 1
    pages = {e["text"]: e["page"] for e in body["interpretation"]["entities"]}
    assert pages["Turkey"] == "/entity/turkey"


def test_an_entity_page_shows_facts_by_kind_with_evidence_articles_and_a_timeline(
    client: FlaskClient,
) -> None:
    response = client.get("/entity/turkey", headers={"Accept": BROWSER})
    assert response.status_code == 200 and response.mimetype == "text/html"
    assert "script-src 'self'" in response.headers["Content-Security-Policy"]
    html = response.get_data(as_text=True)
    assert "<h1>Turkey</h1>" in html
    assert 'id="timeline"' in html and 'id="articles"' in html
    assert "Program suspension" in html and "Arms delivery" in html
    assert "Russia begins delivering S-400 systems to Turkey" in html
    assert 'href="/entity/russia"' in html
    assert "/console?query=DESCRIBE" in html


def test_an_entity_as_json_groups_its_facts_and_dates_its_timeline(client: FlaskClient) -> None:
    entity = client.get("/api/entities/turkey").get_json()["entity"]
    assert entity["label"] == "Turkey" and entity["types"] == ["State"]
    kinds = {group["kind"]: group for group in entity["facts"]}
    (suspension, *_) = kinds["ProgramSuspension"]["events"]
    assert "target" in suspension["roles"]
    assert any(p["label"] == "F-35 program" for p in suspension["participants"])
    assert all(item["sentence"] and item["title"] for item in suspension["evidence"])
    dates = [t["date"] for t in entity["timeline"]]
    assert dates == sorted(dates) and dates
    assert len(entity["articles"]) >= 5
    assert all(a["mentions"] >= 1 for a in entity["articles"])


def test_an_unknown_entity_is_a_404_in_the_one_error_shape(client: FlaskClient) -> None:
    for path in ("/entity/atlantis", "/api/entities/atlantis", "/entity/..%2Fetc"):
        response = client.get(path)
        assert response.status_code == 404
        assert response.get_json()["code"] == "not_found"
