"""`attache ask` and `attache eval` on the command line."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from kg.cli import main
from tests.kg.qa.conftest import QA_DATA


@pytest.fixture
def data_dir(tmp_path: Path, runner: CliRunner) -> Path:
    """A data directory whose embedded store holds the QA fixture graphs."""
    for path in sorted(QA_DATA.glob("*.trig")):
        result = runner.invoke(main, ["--data", str(tmp_path), "load", str(path)])
        assert result.exit_code == 0, result.output
    return tmp_path


def test_ask_prints_answers_with_their_evidence(data_dir: Path, runner: CliRunner) -> None:
    result = runner.invoke(main, ["--data", str(data_dir), "ask", "Who sells the S-400 to Turkey?"])
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert lines[0] == "Q: Who sells the S-400 to Turkey?"
    assert lines[1] == "   read as: Who supplies the S-400 to Turkey?"
    assert lines[2] == " 1. Russia"
    assert "bringing S-400 components" in lines[3]
    assert "Turkey takes delivery of Russian air defenses, 2019-07-20" in lines[4]


def test_ask_without_an_answer_prints_suggestions(data_dir: Path, runner: CliRunner) -> None:
    result = runner.invoke(main, ["--data", str(data_dir), "ask", "Who sells the S-400 to Poland?"])
    assert result.exit_code == 0
    assert "No answer found in the graph." in result.output
    assert "Questions that have answers:" in result.output


def test_ask_json_prints_the_payload(data_dir: Path, runner: CliRunner) -> None:
    result = runner.invoke(
        main, ["--data", str(data_dir), "ask", "--json", "Which countries buy the S-400?"]
    )
    payload = json.loads(result.output)
    assert payload["ok"] is True
    assert [a["text"] for a in payload["answers"]] == ["Turkey (Ankara)"]


def test_ask_reads_questions_from_stdin_one_json_line_each_in_order(
    data_dir: Path, runner: CliRunner
) -> None:
    questions = [
        "Who sells the S-400 to Turkey?",
        "Who is the president of Turkey?",
        "x" * 600,
        "Which alliance is Turkey a member of?",
    ]
    result = runner.invoke(
        main, ["--data", str(data_dir), "ask", "--json", "-"], input="\n".join(questions) + "\n\n"
    )
    assert result.exit_code == 0, result.output
    payloads = [json.loads(line) for line in result.output.splitlines()]
    assert [p.get("question") for p in payloads] == [questions[0], questions[1], None, questions[3]]
    assert payloads[2] == {
        "ok": False,
        "status": 400,
        "code": "bad_question",
        "error": "the question is longer than 500 characters",
    }
    assert [a["text"] for a in payloads[3]["answers"]] == ["NATO"]


def test_an_empty_question_is_an_error(data_dir: Path, runner: CliRunner) -> None:
    result = runner.invoke(main, ["--data", str(data_dir), "ask", "  "])
    assert result.exit_code == 1
    assert "error: the question is empty" in result.output


@pytest.mark.slow
def test_eval_ingests_articles_asks_and_scores(tmp_path: Path, runner: CliRunner) -> None:
    articles = tmp_path / "articles"
    articles.mkdir()
    (articles / "greece.md").write_text(
        "---\ntitle: Athens orders more fighters\ndate: 2021-01-25\n---\n"
        "Greece signed a deal with France to buy 18 Rafale fighter jets.\n",
        encoding="utf-8",
    )
    gold = tmp_path / "gold.jsonl"
    gold.write_text(
        "\n".join(
            json.dumps(item)
            for item in [
                {
                    "family": "S1",
                    "question": "Which articles mention Greece?",
                    "answers": [["Athens orders more fighters"]],
                    "match": "any",
                },
                {
                    "family": "S2",
                    "question": "Who is the king of Atlantis?",
                    "answers": [["Poseidon"]],
                    "match": "any",
                },
            ]
        ),
        encoding="utf-8",
    )
    result = runner.invoke(main, ["eval", str(gold), "--show-failures"])
    assert result.exit_code == 0, result.output
    assert "S1             1     0     0     1   100%" in result.output
    assert "S2             0     0     1     1     0%" in result.output
    assert "total          1     0     1     2    50%" in result.output
    assert "[S2] Who is the king of Atlantis?" in result.output
    as_json = runner.invoke(
        main, ["eval", "--dev", str(gold), "--articles", str(articles), "--json"]
    )
    report = json.loads(as_json.output[as_json.output.index("{") :])
    assert report["families"]["S1"] == {"correct": 1, "wrong": 0, "total": 1, "score": 1.0}
    assert (report["wrong"], report["unanswered"]) == (0, 1)
    assert report["total"] == 2
