"""Scoring by the evaluation rules, on made-up questions and answers."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from kg.errors import ArticleError
from kg.qa.evaluate import (
    COUNTED,
    answer_matched,
    is_correct,
    matches,
    normalize,
    read_gold,
    score,
)


@pytest.mark.parametrize(
    ("raw", "normal"),
    [
        ("U.S.", "us"),
        ("the U.K.", "the uk"),
        ("$4.6 billion", "4.6 billion"),
        ("3.5%", "3.5%"),
        ("Türkiye", "turkiye"),
        ("“very real” consequences", "very real consequences"),
        ("Dassault_Aviation", "dassault aviation"),
        ("  F-16   Block 70 ", "f-16 block 70"),
        ("end of sentence.", "end of sentence"),
        ("(economic)", "economic"),
    ],
)
def test_normalization_follows_the_rules(raw: str, normal: str) -> None:
    assert normalize(raw) == normal


@pytest.mark.parametrize(
    ("answer", "alias", "expected"),
    [
        ("Greece", "Greece", True),  # equal
        ("Hellenic Republic (Greece)", "Greece", True),  # alias inside the answer
        ("July 2019 (mid-July)", "mid-July", True),
        ("Rafale", "Rafale F4 fighter", True),  # answer (>= 4 chars) inside the alias
        ("F4", "Rafale F4 fighter", False),  # too short to count inside the alias
        ("Greek", "Greece", False),  # not whole words
        ("Northern Greece", "Greece", True),
        ("Greeceland", "Greece", False),
        ("", "Greece", False),
        ("U.S.", "US", True),
    ],
)
def test_an_answer_matches_an_alias_by_equality_or_whole_words(
    answer: str, alias: str, expected: bool
) -> None:
    assert matches(answer, alias) is expected


def test_only_the_first_counted_answers_count() -> None:
    returned = [f"wrong {i}" for i in range(COUNTED)] + ["Greece"]
    assert not answer_matched(returned, ["Greece"])
    assert answer_matched([*returned[: COUNTED - 1], "Greece"], ["Greece"])


def test_any_needs_one_expected_answer_and_all_needs_every_one() -> None:
    expected = [["Greece", "Hellenic Republic"], ["Cyprus"]]
    assert is_correct(["Greece"], expected, "any")
    assert not is_correct(["Greece"], expected, "all")
    assert is_correct(["Cyprus", "Hellenic Republic"], expected, "all")
    assert not is_correct([], expected, "any")


def test_an_unanswerable_question_is_correct_only_when_nothing_is_returned() -> None:
    assert is_correct([], [], "any")
    assert not is_correct(["Greece"], [], "any")


def test_score_asks_every_question_and_reports_per_family() -> None:
    gold = [
        {
            "family": "T1",
            "question": "Who sells the X to Y?",
            "answers": [["Greece"]],
            "match": "any",
        },
        {
            "family": "T1",
            "question": "Who sells the Z to Y?",
            "answers": [["Cyprus"]],
            "match": "any",
        },
        {"family": "T12", "question": "When?", "answers": [["1999"]], "match": "any"},
        {"family": "T0", "question": "Who sells the W?", "answers": [], "match": "any"},
        {"family": "T0", "question": "Who buys the W?", "answers": [], "match": "any"},
    ]
    replies = {
        "Who sells the X to Y?": ["Greece"],
        "Who sells the Z to Y?": ["Malta"],
        "When?": ["March 1999"],
        "Who sells the W?": [],
        "Who buys the W?": ["Malta"],
    }

    def ask(question: str) -> dict:
        return {
            "answers": [{"text": t} for t in replies[question]],
            "interpretation": {"template": "t"},
        }

    report = score(gold, ask)
    assert (report.correct, report.wrong, report.unanswered, report.total) == (3, 2, 0, 5)
    assert report.by_family() == {"T0": (1, 1, 2), "T1": (1, 1, 2), "T12": (1, 0, 1)}
    table = report.lines()
    assert table[0].split() == ["family", "correct", "wrong", "none", "total", "score"]
    assert table[-1].split() == ["total", "3", "2", "0", "5", "60%"]
    failures = report.as_dict(failures=True)["failures"]
    assert failures[1]["question"] == "Who buys the W?"
    assert failures[:1] == [
        {
            "family": "T1",
            "question": "Who sells the Z to Y?",
            "expected": ["Cyprus"],
            "match": "any",
            "returned": ["Malta"],
            "template": "t",
        }
    ]
    assert "  returned (t): Malta" in report.lines(failures=True)


def test_a_refused_question_scores_as_wrong_with_its_error() -> None:
    from kg.qa import QuestionError

    def ask(question: str) -> dict:
        raise QuestionError("the question is empty")

    report = score([{"question": "", "answers": [["x"]]}], ask)
    assert report.correct == 0
    assert report.outcomes[0].error == "the question is empty"


def test_gold_files_are_json_lines_with_questions_and_answers(tmp_path: Path) -> None:
    good = tmp_path / "gold.jsonl"
    good.write_text(json.dumps({"question": "Q?", "answers": [["A"]]}) + "\n\n", encoding="utf-8")
    assert read_gold(good) == [{"question": "Q?", "answers": [["A"]]}]
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"question": "Q?"}\n', encoding="utf-8")
    with pytest.raises(ArticleError, match=r"bad\.jsonl:1"):
        read_gold(bad)
    with pytest.raises(ArticleError):
        read_gold(tmp_path / "missing.jsonl")
