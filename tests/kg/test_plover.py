"""`attache export --format plover`: events as PLOVER-style records, arms transfers with
SIPRI's register fields; the PLOVER type of each kind comes from the ontology."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

from click.testing import CliRunner

from kg.articles import Article
from kg.cli import main
from kg.extract import Pipeline
from kg.ingest import Summary, ingest_article
from kg.ontology import ensure_ontology
from kg.plover import records
from kg.store import EmbeddedStore

ARTICLE = Article(
    title="Norway orders tanks and bans exports",
    date=dt.date(2023, 2, 3),
    url="https://news.attache.example/2023/02/03/norway",
    text=(
        "Norway signed a contract on Friday to buy 54 Leopard 2A8 tanks from Germany.\n"
        "Sweden and Finland signed a defence cooperation agreement in Helsinki."
    ),
)


def test_each_event_of_a_mapped_kind_is_a_plover_record(pipeline: Pipeline) -> None:
    store = EmbeddedStore(None)
    ensure_ontology(store)
    ingest_article(store, ARTICLE, lambda: pipeline, Summary())
    found = {r["kind"]: r for r in records(store)}
    deal = found["ArmsDeal"]
    assert (deal["event_type"], deal["context"], deal["cameo"]) == ("COOPERATE", "military", "062")
    assert [a["name"] for a in deal["actor"]] == ["Germany"]
    assert [r["name"] for r in deal["recipient"]] == ["Norway"]
    assert deal["event_date"] == "2023-02-03"
    assert deal["source"]["url"] == ARTICLE.url
    assert deal["sipri"]["number_ordered"] == 54
    assert deal["sipri"]["supplier"] == ["Germany"] and deal["sipri"]["recipient"] == ["Norway"]
    pact = found["Agreement"]
    assert pact["event_type"] == "SUPPORT"
    assert {a["name"] for a in pact["actor"]} == {"Sweden", "Finland"}
    assert [p["name"] for p in pact["location"]] == ["Helsinki"]
    store.close()


def test_the_cli_writes_json_lines(tmp_path: Path, runner: CliRunner) -> None:
    article = tmp_path / "a.md"
    article.write_text(
        "---\ntitle: T\ndate: 2023-02-03\n---\n" + ARTICLE.text + "\n", encoding="utf-8"
    )
    data = ["--data", str(tmp_path / "data")]
    assert runner.invoke(main, [*data, "ingest", str(article)]).exit_code == 0
    out = tmp_path / "events.jsonl"
    result = runner.invoke(main, [*data, "export", "--format", "plover", "-o", str(out)])
    assert result.exit_code == 0, result.output
    lines = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert {line["event_type"] for line in lines} >= {"COOPERATE", "SUPPORT"}
