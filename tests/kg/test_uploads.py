"""Reading one uploaded article: every format `attache ingest` reads, refused with a reason
otherwise, before anything is written."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from kg import articles
from kg.articles import SUFFIXES
from kg.errors import ArticleError
from kg.uploads import (
    READERS,
    ArticleTooLarge,
    UnsupportedArticleType,
    read_record,
    read_upload,
    suffix_of,
)

TEXT = "Greece signed a deal to buy 24 Rafale jets from France."


def upload(raw: bytes, suffix: str, max_bytes: int = 10_000) -> object:
    return read_upload(raw, suffix=suffix, where="story" + suffix, max_bytes=max_bytes)


def test_uploads_read_every_format_ingest_reads_through_the_one_table() -> None:
    assert READERS is articles.READERS
    assert (
        set(READERS)
        == SUFFIXES
        == {".txt", ".md", ".markdown", ".html", ".htm", ".json", ".jsonl", ".ndjson"}
    )


def test_markdown_with_front_matter_and_json_records_are_read() -> None:
    markdown = f"---\ntitle: Greece orders Rafale jets\ndate: 2021-09-28\n---\n{TEXT}\n"
    article = upload(markdown.encode(), ".md")
    assert article.title == "Greece orders Rafale jets"  # type: ignore[attr-defined]
    assert article.date == dt.date(2021, 9, 28)  # type: ignore[attr-defined]
    record = {"title": "T", "maintext": TEXT, "date_publish": "2021-09-28 10:00:00"}
    assert upload(json.dumps(record).encode(), ".json").text == TEXT  # type: ignore[attr-defined]
    assert read_record({"text": TEXT}).text == TEXT


@pytest.mark.parametrize(
    ("raw", "suffix", "error", "reason"),
    [
        (b"x" * 20, ".txt", ArticleTooLarge, "at most|most accepted"),
        (b"%PDF-1.4", ".pdf", UnsupportedArticleType, "cannot read .pdf"),
        (b"\xff\xfe\x00", ".txt", ArticleError, "not UTF-8"),
        (b'[{"text": "a"}, {"text": "b"}]', ".json", ArticleError, "holds 2 articles"),
        (b'{"title": "no text"}', ".json", ArticleError, "no article text"),
        (b"{oops", ".json", ArticleError, "invalid JSON"),
    ],
)
def test_an_unreadable_upload_is_refused_with_its_reason(
    raw: bytes, suffix: str, error: type[ArticleError], reason: str
) -> None:
    with pytest.raises(error, match=reason):
        upload(raw, suffix, max_bytes=10 if error is ArticleTooLarge else 10_000)


def test_a_list_record_is_refused() -> None:
    with pytest.raises(ArticleError, match="one article"):
        read_record([{"text": TEXT}])


def test_suffixes_are_read_from_file_names() -> None:
    assert suffix_of("Story.MD") == ".md"
    assert suffix_of("archive.tar.json") == ".json"
    assert suffix_of("README") == ""
    assert suffix_of(".hidden") == ""
