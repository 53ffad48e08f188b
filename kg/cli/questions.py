"""``attache ask`` and ``eval``: questions answered from the graph, and the score on gold ones."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

import click

from kg.cli.base import echo, main, service_of, store_of
from kg.client import ServiceClient, ServiceError
from kg.config import Config
from kg.errors import NotFound


def _print_answer(payload: dict[str, object]) -> None:
    """A readable answer: the reading, each answer with its evidence, or suggestions."""
    interpretation = payload["interpretation"]
    assert isinstance(interpretation, dict)
    echo(f"Q: {payload['question']}")
    echo(f"   read as: {interpretation['reading']}")
    answers = payload["answers"]
    assert isinstance(answers, list)
    if not answers:
        click.echo("   No answer found in the graph.")
        suggestions = payload.get("suggestions") or []
        assert isinstance(suggestions, list)
        if suggestions:
            click.echo("   Questions that have answers:")
            for suggestion in suggestions:
                echo(f"     - {suggestion}")
        return
    for number, answer in enumerate(answers, 1):
        detail = f"  [{answer['detail']}]" if answer.get("detail") else ""
        echo(f"{number:>2}. {answer['text']}{detail}")
        for evidence in answer["evidence"]:
            source = evidence.get("title") or evidence.get("url") or evidence["article"]
            date = f", {evidence['date']}" if evidence.get("date") else ""
            echo(f"      “{evidence['sentence']}”")
            echo(f"        — {source}{date}")


@main.command()
@click.argument("question")
@click.option("--json", "as_json", is_flag=True, help="Print the JSON payload (one line).")
@click.option(
    "--max-answers",
    type=click.IntRange(min=1),
    default=None,
    help="Most answers to return (default: 10).",
)
@click.pass_obj
def ask(config: Config, question: str, as_json: bool, max_answers: int | None) -> None:
    """Answer a question from the graph, with the sentences that support each answer.

    QUESTION is the question text, or - to read one question per line from standard
    input (the store is opened and the pipeline loaded once; one answer per line out).
    """
    from kg.ontology import ensure_ontology
    from kg.qa import DEFAULT_MAX_ANSWERS, Answerer, QuestionError

    service = service_of(config)
    if service is not None:
        _ask_through(service, question, as_json)
        return
    with store_of(config) as store:
        ensure_ontology(store)  # the lexicon is read from it (a no-op once installed)
        answerer = Answerer(
            store,
            max_answers=max_answers or DEFAULT_MAX_ANSWERS,
            max_question_chars=config.max_question_chars,
            kept_reads=config.kept_reads,
        )

        def local(text: str) -> dict[str, Any]:
            try:
                return answerer.ask(text)
            except QuestionError as exc:
                if question != "-":
                    raise
                return {"ok": False, "status": 400, "code": exc.code, "error": exc.message}

        _print_answers(question, local, as_json)


def _ask_through(service: ServiceClient, question: str, as_json: bool) -> None:
    """Questions answered by the running service (GET /api/ask), printed as locally."""

    def through(text: str) -> dict[str, Any]:
        try:
            return service.ask(text)
        except ServiceError as exc:
            if question != "-" or exc.status != 400:
                raise
            return {"ok": False, "status": 400, "code": exc.code, "error": exc.message}

    _print_answers(question, through, as_json)


def _print_answers(question: str, ask: Any, as_json: bool) -> None:
    """Ask ``question`` (or, for "-", each line of standard input) and print each payload:
    JSON lines, or the answers with their sentences; a refused line is an error line."""
    questions = (
        (line.strip() for line in sys.stdin if line.strip()) if question == "-" else [question]
    )
    for text in questions:
        payload = ask(text)
        if as_json:
            click.echo(json.dumps(payload, ensure_ascii=False))
        elif payload.get("ok"):
            _print_answer(payload)
            click.echo("")
        else:
            click.echo(f"error: {payload['error']}", err=True)


def _default_gold() -> Path:
    """``../shared/eval/dev.jsonl`` next to the repository (this file is kg/cli/questions.py)."""
    return Path(__file__).resolve().parents[3] / "shared" / "eval" / "dev.jsonl"


@main.command(name="eval")
@click.argument("gold", required=False, type=click.Path(dir_okay=False, path_type=Path))
@click.option(
    "--dev",
    "dev",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help="Gold questions, JSON Lines (default: ../shared/eval/dev.jsonl).",
)
@click.option(
    "--articles",
    type=click.Path(file_okay=False, path_type=Path),
    default=None,
    help="Articles to ingest first (default: articles/ next to the gold file).",
)
@click.option("--json", "as_json", is_flag=True, help="Print the scores as JSON.")
@click.option(
    "--show-failures",
    "--misses",
    "show_failures",
    is_flag=True,
    help="Also print each failing question with what was returned.",
)
@click.pass_obj
def evaluate(
    config: Config,
    gold: Path | None,
    dev: Path | None,
    articles: Path | None,
    as_json: bool,
    show_failures: bool,
) -> None:
    """Score question answering on gold questions over their articles.

    The articles are ingested into a fresh in-memory store (the configured store is
    not touched), every question is asked, and the answers are scored by the rules of
    the evaluation README: per family and overall.
    """
    from kg.ingest import ingest_paths  # spaCy: imported by the commands that extract
    from kg.qa import Answerer
    from kg.qa.evaluate import read_gold, score
    from kg.store import EmbeddedStore

    gold_path = gold or dev or _default_gold()
    articles_dir = articles or gold_path.parent / "articles"
    items = read_gold(gold_path)
    if not articles_dir.is_dir():
        raise NotFound(f"no articles folder at {articles_dir} (use --articles DIR)")
    store = EmbeddedStore(None)
    try:
        summary = ingest_paths(
            store,
            [articles_dir],
            progress=False,
            on_error=lambda message: click.echo(f"error: {message}", err=True),
        )
        click.echo(summary.line(), err=True)
        answerer = Answerer(
            store, max_question_chars=config.max_question_chars, kept_reads=config.kept_reads
        )
        report = score(items, answerer.ask)
    finally:
        store.close()
    if as_json:
        click.echo(json.dumps(report.as_dict(failures=show_failures), ensure_ascii=False, indent=2))
        return
    for line in report.lines(failures=show_failures):
        echo(line)
