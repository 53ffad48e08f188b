"""The console in headless Chromium (Debian ``chromium``, driven by Playwright).

What a data engineer does with it: pick an example, type a query, run it with
Ctrl+Enter, sort the table, follow an IRI, read an error with its position,
download CSV, reload a shared link, complete a prefixed name, find the query in
the history, and see a chart of a label and a count.
"""

from __future__ import annotations

import csv
import io
import urllib.parse
from collections.abc import Iterator
from pathlib import Path

import pytest

from service.console import console_url
from tests.conftest import require_binary
from tests.service.live import LiveServer

pytestmark = [pytest.mark.browser, pytest.mark.server]

ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
ARTICLES = "SELECT ?article ?title WHERE {\n  ?article a dd:NewsArticle ; dcterms:title ?title .\n}"
MENTIONS = (
    "SELECT ?label (COUNT(?s) AS ?mentions) WHERE {\n"
    "  ?e dd:mentionedIn ?s ; rdfs:label ?label .\n"
    "}\nGROUP BY ?label ORDER BY DESC(?mentions) LIMIT 10"
)


@pytest.fixture(scope="module")
def browser(tmp_path_factory: pytest.TempPathFactory) -> Iterator[object]:
    chromium = require_binary("chromium")
    sync_api = pytest.importorskip("playwright.sync_api")
    profile = tmp_path_factory.mktemp("chromium-profile")
    with sync_api.sync_playwright() as playwright:
        context = playwright.chromium.launch_persistent_context(
            str(profile),
            executable_path=chromium,
            headless=True,
            args=ARGS,
            accept_downloads=True,
            viewport={"width": 1440, "height": 900},
        )
        try:
            yield context
        finally:
            context.close()


@pytest.fixture
def page(browser: object, live_server: LiveServer) -> Iterator[object]:
    page = browser.new_page()  # type: ignore[attr-defined]
    errors: list[str] = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    page.goto(live_server.url + "/console")
    page.wait_for_selector("#examples li[data-index]")
    yield page
    page.close()
    assert errors == []


def run(page: object, query: str) -> None:
    page.fill("#editor", query)  # type: ignore[attr-defined]
    page.press("#editor", "Control+Enter")  # type: ignore[attr-defined]


def column(page: object, index: int) -> list[str]:
    cells = page.locator(f"#result-table tbody tr td:nth-child({index + 2})")  # type: ignore[attr-defined]
    return [text.strip() for text in cells.all_inner_texts()]


def test_a_typed_query_runs_with_ctrl_enter_and_fills_the_table(
    page: object, tmp_path: Path
) -> None:
    run(page, ARTICLES)
    page.wait_for_selector("#result-table")  # type: ignore[attr-defined]
    assert page.inner_text("#row-count") == "8 rows"  # type: ignore[attr-defined]
    assert "ms" in page.inner_text("#elapsed")  # type: ignore[attr-defined]
    headers = page.locator("#result-table th[data-column]").all_inner_texts()  # type: ignore[attr-defined]
    assert [h.strip() for h in headers] == ["?article", "?title"]
    cells = page.locator("#result-table tbody td:nth-child(2) a.iri")  # type: ignore[attr-defined]
    iris = cells.evaluate_all("els => els.map(e => e.dataset.iri)")
    assert len(iris) == 8 and all(i.startswith("https://w3id.org/attache/article/") for i in iris)
    page.screenshot(path=str(tmp_path / "console.png"))  # type: ignore[attr-defined]


def test_clicking_a_column_sorts_it_both_ways(page: object) -> None:
    run(page, ARTICLES)
    page.wait_for_selector("#result-table")  # type: ignore[attr-defined]
    page.click("#result-table th[data-column=title]")  # type: ignore[attr-defined]
    ascending = column(page, 1)
    assert ascending == sorted(ascending, key=str.casefold)
    page.click("#result-table th[data-column=title]")  # type: ignore[attr-defined]
    assert column(page, 1) == list(reversed(ascending))


def test_clicking_an_iri_describes_it(page: object) -> None:
    run(page, ARTICLES)
    page.wait_for_selector("#result-table a.iri")  # type: ignore[attr-defined]
    first = page.locator("#result-table a.iri").first  # type: ignore[attr-defined]
    iri = first.get_attribute("data-iri")
    first.click()
    page.wait_for_selector("#describe-body table")  # type: ignore[attr-defined]
    assert page.inner_text("#describe-iri") == iri  # type: ignore[attr-defined]
    properties = page.inner_text("#describe-body")  # type: ignore[attr-defined]
    assert "dcterms:title" in properties and "rdf:type" in properties


def test_a_syntax_error_shows_its_position_and_marks_the_line(page: object) -> None:
    run(page, "SELECT * WHERE {\n  ?s ?p ?o\n  FILTER(\n}")
    page.wait_for_selector("#error:not([hidden])")  # type: ignore[attr-defined]
    text = page.inner_text("#error")  # type: ignore[attr-defined]
    assert "Line 4, column" in text and "syntax_error" in text
    assert page.inner_text("#highlight .err-line").strip() == "}"  # type: ignore[attr-defined]


def test_a_refused_query_shows_why(page: object) -> None:
    run(page, "SELECT * WHERE { SERVICE <http://127.0.0.1:9/> { ?s ?p ?o } }")
    page.wait_for_selector("#error:not([hidden])")  # type: ignore[attr-defined]
    assert "forbidden_feature" in page.inner_text("#error")  # type: ignore[attr-defined]


def test_results_download_as_csv(page: object) -> None:
    run(page, ARTICLES)
    page.wait_for_selector("#result-table")  # type: ignore[attr-defined]
    with page.expect_download() as info:  # type: ignore[attr-defined]
        page.click("#download-csv")  # type: ignore[attr-defined]
    download = info.value
    assert download.suggested_filename == "results.csv"
    rows = list(csv.reader(io.StringIO(Path(download.path()).read_text(encoding="utf-8"))))
    assert rows[0] == ["article", "title"] and len(rows) == 9


def test_a_link_with_the_query_reproduces_it(page: object, live_server: LiveServer) -> None:
    page.goto(live_server.url + console_url(MENTIONS))  # type: ignore[attr-defined]
    page.wait_for_selector("#result-table")  # type: ignore[attr-defined]
    assert page.input_value("#editor") == MENTIONS  # type: ignore[attr-defined]
    assert page.inner_text("#row-count") == "10 rows"  # type: ignore[attr-defined]
    run(page, ARTICLES)
    page.wait_for_selector("#row-count:text('8 rows')")  # type: ignore[attr-defined]
    url = urllib.parse.urlparse(page.url)  # type: ignore[attr-defined]
    assert urllib.parse.parse_qs(url.query)["query"] == [ARTICLES]
    page.reload()  # type: ignore[attr-defined]
    page.wait_for_selector("#row-count:text('8 rows')")  # type: ignore[attr-defined]


def test_prefixed_names_complete_and_their_prefix_is_declared(page: object) -> None:
    page.fill("#editor", "SELECT ?e WHERE {\n  ?e a ")  # type: ignore[attr-defined]
    page.focus("#editor")  # type: ignore[attr-defined]
    page.keyboard.press("End")  # type: ignore[attr-defined]
    page.keyboard.type("dd:ArmsDe")  # type: ignore[attr-defined]
    page.wait_for_selector("#completion:not([hidden]) li")  # type: ignore[attr-defined]
    assert "dd:ArmsDeal" in page.inner_text("#completion")  # type: ignore[attr-defined]
    page.keyboard.press("Enter")  # type: ignore[attr-defined]
    text = page.input_value("#editor")  # type: ignore[attr-defined]
    assert text.startswith("PREFIX dd: <https://w3id.org/attache/ontology#>\n")
    assert text.endswith("?e a dd:ArmsDeal")


def test_the_history_keeps_queries_across_reloads(page: object) -> None:
    run(page, ARTICLES)
    page.wait_for_selector("#result-table")  # type: ignore[attr-defined]
    page.reload()  # type: ignore[attr-defined]
    page.wait_for_selector("#history li[data-index]")  # type: ignore[attr-defined]
    assert "dd:NewsArticle" in page.inner_text("#history")  # type: ignore[attr-defined]


def test_examples_cover_the_question_families_and_run(page: object) -> None:
    families = page.locator("#examples .family").all_inner_texts()  # type: ignore[attr-defined]
    assert len(families) == len(set(families)) >= 10
    page.locator("#examples li").first.click()  # type: ignore[attr-defined]
    page.wait_for_selector("#row-count")  # type: ignore[attr-defined]
    assert page.input_value("#editor").startswith("PREFIX")  # type: ignore[attr-defined]


def test_a_label_and_a_count_give_a_bar_chart(page: object) -> None:
    run(page, MENTIONS)
    page.wait_for_selector("#chart-tab:not([hidden])")  # type: ignore[attr-defined]
    page.click("#chart-tab")  # type: ignore[attr-defined]
    assert page.locator("#chart-svg rect.bar").count() == 10  # type: ignore[attr-defined]


def test_result_cells_show_labels_with_the_iri_on_hover(page: object) -> None:
    run(page, "SELECT ?e WHERE { ?e a dd:State ; rdfs:label ?l } ORDER BY ?l LIMIT 3")
    page.wait_for_selector("#result-table a.iri.labelled")  # type: ignore[attr-defined]
    cell = page.locator("#result-table a.iri").first  # type: ignore[attr-defined]
    iri = cell.get_attribute("data-iri")
    assert iri.startswith("https://w3id.org/attache/resource/")
    assert not cell.inner_text().startswith("res:")
    assert iri in cell.get_attribute("title")
    assert cell.get_attribute("href") == "/entity/" + iri.rsplit("/", 1)[-1]


def test_an_error_clears_the_previous_results_and_downloads(page: object) -> None:
    run(page, ARTICLES)
    page.wait_for_selector("#result-table")  # type: ignore[attr-defined]
    assert page.is_visible("#downloads")  # type: ignore[attr-defined]
    run(page, "SELECT ?x WHERE { ?x ?y }")
    page.wait_for_selector("#error:not([hidden])")  # type: ignore[attr-defined]
    assert page.locator("#result-table").count() == 0  # type: ignore[attr-defined]
    assert not page.is_visible("#downloads")  # type: ignore[attr-defined]
    assert "Line 1, column" in page.inner_text("#error")  # type: ignore[attr-defined]


def test_the_console_links_to_the_ask_page_and_the_ontology_editor(page: object) -> None:
    links = page.locator("header nav a").evaluate_all("els => els.map(e => e.getAttribute('href'))")  # type: ignore[attr-defined]
    assert "/" in links and "/ontology" in links
