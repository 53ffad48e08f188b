"""One bad file never ends a batch: each is reported on its own and the good ones are stored."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from kg.articles import MAX_FRONT_MATTER, read_file
from kg.catalog import list_articles
from kg.errors import ArticleError
from kg.extract import Pipeline, pieces
from kg.ingest import ingest_paths
from kg.store import Store

pytestmark = pytest.mark.reliability

PARAGRAPH = (
    "Russia began delivering parts of its S-400 air defense system to Turkey on Friday. "
    "The United States warned Ankara of sanctions under CAATSA. "
)
LAUGHS = """---
title: lol
a: &a ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]
b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]
c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]
d: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c]
e: &e [*d, *d, *d, *d, *d, *d, *d, *d, *d]
f: &f [*e, *e, *e, *e, *e, *e, *e, *e, *e]
g: &g [*f, *f, *f, *f, *f, *f, *f, *f, *f]
---
Text.
"""


def _bad_files(folder: Path) -> dict[str, str]:
    """Each bad file, and a word its error message must contain."""
    (folder / "deep.json").write_text("[" * 100_000 + "]" * 100_000, encoding="utf-8")
    (folder / "deep.jsonl").write_text(
        json.dumps({"title": "t", "text": "x", "extra": [[[]]]})
        + "\n"
        + '{"text": '
        + "[" * 50_000
        + "]" * 50_000
        + "}\n",
        encoding="utf-8",
    )
    (folder / "laughs.md").write_text(LAUGHS, encoding="utf-8")
    big = "---\n" + "".join(f"k{i}: v\n" for i in range(MAX_FRONT_MATTER // 5)) + "---\nText."
    (folder / "big-front.md").write_text(big, encoding="utf-8")
    return {
        "deep.json": "deep",
        "deep.jsonl:2": "deep",
        "laughs.md": "alias",
        "big-front.md": "front matter",
    }


def test_each_bad_file_is_reported_and_the_good_ones_are_stored(
    store: Store, pipeline: Pipeline, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # spaCy refuses texts past nlp.max_length; a small limit stands in for its million.
    monkeypatch.setattr(pipeline.nlp, "max_length", 5_000)
    expected = _bad_files(tmp_path)
    (tmp_path / "good.md").write_text(
        "---\ntitle: Good\nurl: https://n.example/good\n---\n" + PARAGRAPH, encoding="utf-8"
    )
    long_text = "".join(f"Paragraph {i}. {PARAGRAPH}\n\n" for i in range(60))
    assert len(long_text) > 5_000
    (tmp_path / "long.txt").write_text(long_text, encoding="utf-8")
    errors: list[str] = []
    summary = ingest_paths(
        store, [tmp_path], pipeline=lambda: pipeline, progress=False, on_error=errors.append
    )
    assert summary.new == 3  # good.md, long.txt and the good first line of deep.jsonl
    assert summary.failed == len(expected) == len(errors)
    for name, word in expected.items():
        assert any(name in e and word in e.lower() for e in errors), (name, errors)
    stored = {a["title"] for a in list_articles(store)}
    assert "Good" in stored
    assert len(stored) == 3


def test_a_record_nested_deeper_than_the_limit_is_an_error_not_a_crash(tmp_path: Path) -> None:
    path = tmp_path / "a.json"
    nested: object = 1
    for _ in range(40):
        nested = [nested]
    path.write_text(json.dumps({"text": "x", "title": nested}), encoding="utf-8")
    (item,) = read_file(path)
    assert isinstance(item, ArticleError)
    assert "deeper than 32" in item.message


def test_pieces_join_back_to_the_text_and_are_cut_at_paragraph_ends() -> None:
    text = "".join(f"Paragraph {i}. {PARAGRAPH}\n\n" for i in range(40))
    cut = pieces(text, 1_000)
    assert "".join(cut) == text
    assert all(len(p) <= 1_000 for p in cut)
    assert all(p.endswith("\n\n") for p in cut[:-1])
    assert pieces("x" * 2_500, 1_000) == ["x" * 1_000, "x" * 1_000, "x" * 500]


def test_a_long_text_parsed_in_pieces_keeps_the_offsets_of_the_whole(
    pipeline: Pipeline, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(pipeline, "piece_chars", 1_000)
    text = "".join(f"Paragraph {i}. {PARAGRAPH}\n\n" for i in range(20))
    (doc,) = list(pipeline.parse([text]))
    assert doc.text == text
    sentences = [s for s in doc.sents if s.text.strip()]
    assert len(sentences) >= 40
    for sent in sentences:
        assert text[sent.start_char : sent.end_char] == sent.text
    assert any(ent.text == "Turkey" for ent in doc.ents)
