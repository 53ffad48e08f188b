"""The Ask page and entity pages in headless Chromium (Debian ``chromium``, Playwright).

What an analyst does: ask with the keyboard, read the answers with their evidence, follow
a suggestion after a question that was not understood, open an entity's page, add an
article with the token and ask about it at once, all at a phone's width too.
"""

from __future__ import annotations

import urllib.parse
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.conftest import require_binary
from tests.service.conftest import TOKEN
from tests.service.live import LiveServer
from tests.service.test_console_browser import ARGS

pytestmark = [pytest.mark.browser, pytest.mark.server]

QUESTION = "Who supplies the S-400 to Turkey?"


@pytest.fixture(scope="module")
def server(samples_dump: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[LiveServer]:
    """A server of this module's own: one test adds an article to it."""
    with LiveServer(tmp_path_factory.mktemp("ask-live"), {"ATTACHE_API_TOKEN": TOKEN}).serving(
        samples_dump
    ) as live:
        yield live


@pytest.fixture(scope="module")
def browser(tmp_path_factory: pytest.TempPathFactory) -> Iterator[object]:
    chromium = require_binary("chromium")
    sync_api = pytest.importorskip("playwright.sync_api")
    with sync_api.sync_playwright() as playwright:
        context = playwright.chromium.launch_persistent_context(
            str(tmp_path_factory.mktemp("chromium-ask")),
            executable_path=chromium,
            headless=True,
            args=ARGS,
            viewport={"width": 1280, "height": 900},
        )
        try:
            yield context
        finally:
            context.close()


@pytest.fixture(params=[1280, 390], ids=["desktop", "phone"])
def page(request: pytest.FixtureRequest, browser: object, server: LiveServer) -> Iterator[object]:
    page = browser.new_page()  # type: ignore[attr-defined]
    page.set_viewport_size({"width": request.param, "height": 900})
    errors: list[str] = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.goto(server.url + "/")
    yield page
    page.close()
    assert errors == []


def ask(page: object, question: str) -> None:
    page.fill("#q", question)  # type: ignore[attr-defined]
    page.press("#q", "Enter")  # type: ignore[attr-defined]
    page.wait_for_selector("#status:not(:empty):not(:text('Asking…'))")  # type: ignore[attr-defined]


def test_asking_shows_answers_with_type_confidence_and_evidence(page: object) -> None:
    assert page.evaluate("document.activeElement.id") == "q"  # type: ignore[attr-defined]
    ask(page, QUESTION)
    answer = page.locator("#answers > li").first  # type: ignore[attr-defined]
    assert answer.locator(".answer-text").inner_text() == "Russia"
    assert answer.locator(".badge.type").inner_text() == "State"
    assert "support: high" in answer.locator(".badge.confidence").inner_text()
    quote = answer.locator(".evidence blockquote").first.inner_text()
    assert "S-400" in quote and quote.startswith("“")
    cite = answer.locator(".evidence cite").first
    assert "news.attache.example" in cite.inner_text()
    assert cite.locator("time").get_attribute("datetime")
    assert page.locator("#reading").inner_text() == QUESTION  # type: ignore[attr-defined]
    console = answer.locator("a.small-link").get_attribute("href")
    assert console.startswith("/console?query=")
    assert "supplier_of_equipment_to" in urllib.parse.unquote(console)
    assert "q=Who" in page.url  # type: ignore[attr-defined]
    width = page.evaluate("document.documentElement.scrollWidth")  # type: ignore[attr-defined]
    assert width <= page.viewport_size["width"], "no sideways scrolling"  # type: ignore[attr-defined]


def test_a_question_not_understood_says_why_and_its_suggestions_ask_with_the_keyboard(
    page: object,
) -> None:
    ask(page, "Who is the best cook in Paris?")
    assert page.locator("#reading-title").inner_text().lower() == "not understood"  # type: ignore[attr-defined]
    assert "could not match" in page.locator("#reading").inner_text()  # type: ignore[attr-defined]
    suggestion = page.locator("#suggestions a.suggestion").first  # type: ignore[attr-defined]
    asked = suggestion.inner_text()
    suggestion.focus()
    page.keyboard.press("Enter")  # type: ignore[attr-defined]
    page.wait_for_function(  # type: ignore[attr-defined]
        "q => document.getElementById('reading').textContent !== '' && "
        "document.getElementById('q').value === q",
        arg=asked,
    )
    page.wait_for_selector("#answers > li")  # type: ignore[attr-defined]
    assert page.locator("#reading-title").inner_text().lower() == "read as"  # type: ignore[attr-defined]
    assert urllib.parse.parse_qs(urllib.parse.urlsplit(page.url).query)["q"] == [asked]  # type: ignore[attr-defined]


def test_an_answer_opens_its_entity_page(page: object) -> None:
    ask(page, QUESTION)
    page.locator("#answers > li a.answer-text").first.click()  # type: ignore[attr-defined]
    page.wait_for_selector("h1")  # type: ignore[attr-defined]
    assert page.locator("h1").inner_text() == "Russia"  # type: ignore[attr-defined]
    assert page.locator("#timeline li").count() > 0  # type: ignore[attr-defined]
    assert page.locator(".facts .evidence blockquote").count() > 0  # type: ignore[attr-defined]
    assert page.locator("#articles li").count() > 0  # type: ignore[attr-defined]
    width = page.evaluate("document.documentElement.scrollWidth")  # type: ignore[attr-defined]
    assert width <= page.viewport_size["width"]  # type: ignore[attr-defined]


def test_an_article_added_on_the_page_is_answerable_at_once(
    browser: object, server: LiveServer
) -> None:
    page = browser.new_page()  # type: ignore[attr-defined]
    try:
        page.goto(server.url + "/")
        page.click("#add summary")
        page.fill("#article-text", "Chile signed a deal to buy 12 Gripen fighter jets from Sweden.")
        page.click("#article-submit")
        page.wait_for_selector("#article-status:has-text('API token')")
        page.fill("#token", TOKEN)
        page.press("#token", "Enter")
        assert "Token set" in page.locator("#who").inner_text()
        page.fill("#article-title", "Chile orders Gripen jets from Sweden")
        page.fill("#article-date", "2024-03-01")
        page.fill("#article-text", "Chile signed a deal to buy 12 Gripen fighter jets from Sweden.")
        page.click("#article-submit")
        page.wait_for_selector("#article-status:has-text('Added')", timeout=60_000)
        assert "triples" in page.locator("#article-status").inner_text()
        assert page.locator("#article-status a[href='/entity/chile']").count() == 1
        ask(page, "Who supplies the Gripen to Chile?")
        assert page.locator("#answers .answer-text").first.inner_text() == "Sweden"
    finally:
        page.close()


def test_the_page_answers_every_readme_sample_question_with_evidence(
    browser: object, server: LiveServer
) -> None:
    from tests.kg.qa.test_readme_questions import sample_questions

    page = browser.new_page()  # type: ignore[attr-defined]
    try:
        page.goto(server.url + "/")
        for question in sample_questions():
            ask(page, question)
            page.wait_for_function(  # the answers of this question, not of the one before
                "q => document.getElementById('reading').dataset.question === q", arg=question
            )
            assert page.locator("#answers > li").count() > 0, question
            assert page.locator("#answers .evidence blockquote").count() > 0, question
    finally:
        page.close()
