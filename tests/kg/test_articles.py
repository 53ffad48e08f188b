"""Articles are read from text, Markdown, HTML, JSON and JSON Lines, with their metadata."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from kg.articles import Article, expand_paths, parse_html, parse_text, read_file
from kg.errors import ArticleError


def test_front_matter_gives_title_date_and_url() -> None:
    article = parse_text(
        "---\ntitle: A deal\ndate: 2021-03-04\nurl: https://n.example/a\n---\nBody text.\n",
        "a.md",
    )
    assert article.title == "A deal"
    assert article.date == dt.date(2021, 3, 4)
    assert article.url == "https://n.example/a"
    assert article.text == "Body text."


def test_front_matter_synonyms_published_and_source_are_understood() -> None:
    article = parse_text(
        "---\npublished: 2020-01-02T10:00:00Z\nsource: https://n.example/b\n---\nText.", "b.txt"
    )
    assert article.date == dt.date(2020, 1, 2)
    assert article.url == "https://n.example/b"


def test_text_without_front_matter_is_the_whole_article() -> None:
    assert parse_text("Just text.", "c.txt").text == "Just text."


def test_invalid_front_matter_is_an_error_naming_the_file() -> None:
    with pytest.raises(ArticleError, match=r"bad\.md"):
        parse_text("---\ntitle: [unclosed\n---\nText", "bad.md")


@pytest.mark.parametrize(
    ("given", "precision", "published"),
    [
        ("2022-02", "month", "2022-02"),
        ("February 2022", "month", "2022-02"),
        ("Feb 2022", "month", "2022-02"),
        ("2022", "year", "2022"),
    ],
)
def test_a_month_or_a_year_without_a_day_is_a_date_of_that_precision(
    given: str, precision: str, published: str
) -> None:
    article = parse_text(f"---\ndate: {given}\n---\nText", "m.md")
    assert article.date_precision == precision
    assert article.published == published


def test_an_unreadable_date_is_an_error() -> None:
    with pytest.raises(ArticleError, match="date"):
        parse_text("---\ndate: someday\n---\nText", "d.md")


def test_html_main_text_and_metadata_come_from_trafilatura() -> None:
    html = (
        "<html><head><title>Jets ordered</title>"
        '<meta property="article:published_time" content="2022-02-10">'
        '<link rel="canonical" href="https://n.example/jets"></head><body>'
        "<nav>Home | World | Defense</nav><article><h1>Jets ordered</h1>"
        "<p>Indonesia signed a contract for six Rafale fighter jets on Thursday, "
        "the first tranche of a larger order announced in Jakarta.</p>"
        "<p>The agreement was signed by the two defense ministers during a visit.</p>"
        "</article><footer>Copyright</footer></body></html>"
    )
    article = parse_html(html, "jets.html")
    assert article.title == "Jets ordered"
    assert article.date == dt.date(2022, 2, 10)
    assert article.url == "https://n.example/jets"
    assert "Rafale" in article.text
    assert "Copyright" not in article.text


def test_json_lines_in_news_please_shape_each_become_an_article(tmp_path: Path) -> None:
    path = tmp_path / "feed.jsonl"
    records = [
        {
            "title": "One",
            "maintext": "First text.",
            "date_publish": "2019-07-12 09:00:00",
            "url": "https://n.example/1",
        },
        {"title": "Two", "text": "Second text.", "date": "2019-07-13"},
    ]
    path.write_text("\n".join(json.dumps(r) for r in records) + "\n{broken\n", encoding="utf-8")
    items = list(read_file(path))
    articles = [i for i in items if isinstance(i, Article)]
    errors = [i for i in items if isinstance(i, ArticleError)]
    assert [a.title for a in articles] == ["One", "Two"]
    assert articles[0].date == dt.date(2019, 7, 12)
    assert len(errors) == 1 and "feed.jsonl:3" in errors[0].message


def test_a_json_list_of_records_is_read(tmp_path: Path) -> None:
    path = tmp_path / "two.json"
    path.write_text(json.dumps([{"text": "A."}, {"text": "B."}]), encoding="utf-8")
    assert [a.text for a in read_file(path) if isinstance(a, Article)] == ["A.", "B."]


def test_a_record_without_text_is_an_error() -> None:
    path_items = list(read_file(Path("/nonexistent/file.txt")))
    assert isinstance(path_items[0], ArticleError)


def test_folders_are_searched_recursively_for_supported_files(tmp_path: Path) -> None:
    (tmp_path / "a" / "b").mkdir(parents=True)
    (tmp_path / "a" / "b" / "x.md").write_text("X", encoding="utf-8")
    (tmp_path / "y.txt").write_text("Y", encoding="utf-8")
    (tmp_path / "image.png").write_bytes(b"\x89PNG")
    files, errors = expand_paths([tmp_path, tmp_path / "missing"])
    assert sorted(f.name for f in files) == ["x.md", "y.txt"]
    assert len(errors) == 1 and "missing" in errors[0].message


def test_identity_is_the_url_when_given_else_the_text() -> None:
    a = Article(text="v1", url="https://n.example/a")
    b = Article(text="v2 corrected", url="https://n.example/a")
    assert a.key == b.key
    assert a.content_hash != b.content_hash
    assert Article(text="same").key == Article(text="same").key
    assert Article(text="same").key != Article(text="other").key
