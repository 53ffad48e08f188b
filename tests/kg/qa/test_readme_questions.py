"""Every question the README offers as answerable from the bundled samples is answered."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from kg.qa import Answerer
from kg.store import Store

README = Path(__file__).resolve().parents[3] / "README.md"


def sample_questions() -> list[str]:
    text = README.read_text(encoding="utf-8")
    block = re.search(r"<!-- sample-questions -->(.*?)<!-- /sample-questions -->", text, re.S)
    assert block, "the README lists the questions the samples answer"
    return re.findall(r"^- (.+\?)$", block.group(1), re.M)


def test_the_readme_lists_sample_questions() -> None:
    assert len(sample_questions()) >= 10


@pytest.mark.parametrize("question", sample_questions())
def test_a_readme_question_is_answered_with_evidence(question: str, sample_store: Store) -> None:
    payload = Answerer(sample_store).ask(question)
    assert payload["interpretation"]["template"], payload["interpretation"]["reading"]
    assert payload["answers"], f"no answer to {question!r}"
    assert all(answer["evidence"] for answer in payload["answers"])
