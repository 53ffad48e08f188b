"""`attache extract` shows what an article produces, as a table or as Turtle, storing nothing."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner
from rdflib import Graph

from kg.cli import main
from kg.vocab import DD

FIXTURE = Path(__file__).resolve().parents[1] / "data" / "articles" / "s400_fixture.md"


def test_the_table_lists_entities_and_events_with_evidence(
    tmp_path: Path, runner: CliRunner
) -> None:
    result = runner.invoke(main, ["--data", str(tmp_path), "extract", str(FIXTURE)])
    assert result.exit_code == 0, result.output
    assert "WeaponSystem" in result.output and "S-400" in result.output
    assert "ArmsDelivery" in result.output
    assert "evidence: Russia began delivering S-400" in result.output
    assert not (tmp_path / "store").exists()


def test_turtle_output_parses_and_holds_the_events(runner: CliRunner) -> None:
    result = runner.invoke(
        main, ["--store", "memory", "extract", "--format", "turtle", str(FIXTURE)]
    )
    assert result.exit_code == 0, result.output
    graph = Graph().parse(data=result.output, format="turtle")
    assert (None, None, DD.ArmsDelivery) in graph


def test_an_unreadable_file_is_a_plain_error(tmp_path: Path, runner: CliRunner) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text("{", encoding="utf-8")
    result = runner.invoke(main, ["--store", "memory", "extract", str(bad)])
    assert result.exit_code == 1
    assert "bad.json" in result.output


def test_unmatched_lists_clauses_joining_entities_that_no_kind_claims(
    tmp_path: Path, runner: CliRunner
) -> None:
    folder = tmp_path / "news"
    folder.mkdir()
    (folder / "a.md").write_text(
        "---\ntitle: Frigates\ndate: 2025-08-05\n---\n"
        "Japan outbid Germany in Australia's frigate competition.\n"
        "Russia sold S-400 systems to Turkey.\n",
        encoding="utf-8",
    )
    (folder / "b.md").write_text(
        "---\ntitle: Again\ndate: 2025-08-06\n---\nJapan outbid France for the contract.\n",
        encoding="utf-8",
    )
    result = runner.invoke(main, ["--store", "memory", "extract", "--unmatched", str(folder)])
    assert result.exit_code == 0, result.output
    assert "2 articles" in result.output
    rows = [line.split() for line in result.output.splitlines()[2:]]
    assert rows[0][:2] == ["2", "outbid"]
    assert not any(row[1] == "sell" for row in rows)  # the sale is an event: claimed


def test_several_files_need_unmatched(tmp_path: Path, runner: CliRunner) -> None:
    result = runner.invoke(main, ["--store", "memory", "extract", str(FIXTURE), str(FIXTURE)])
    assert result.exit_code == 2
    assert "--unmatched" in result.output
