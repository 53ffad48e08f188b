"""Ingestion is idempotent, replaces changed articles whole, and reports bad files."""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner
from rdflib import URIRef

from kg.catalog import list_articles
from kg.cli import main
from kg.extract import Pipeline
from kg.ingest import ingest_paths
from kg.store import EmbeddedStore, Store
from kg.vocab import ONTOLOGY_GRAPH

ARTICLES = Path(__file__).resolve().parents[1] / "data" / "articles"


def ingest(store: Store, pipeline: Pipeline, *paths: Path):
    return ingest_paths(store, list(paths), pipeline=lambda: pipeline, progress=False)


def test_ingesting_the_same_folder_twice_changes_nothing(store: Store, pipeline: Pipeline) -> None:
    first = ingest(store, pipeline, ARTICLES)
    assert (first.articles, first.new, first.failed) == (2, 2, 0)
    count = store.count()
    second = ingest(store, pipeline, ARTICLES)
    assert (second.unchanged, second.new, second.replaced, second.triples) == (2, 0, 0, 0)
    assert store.count() == count


def test_each_article_is_one_named_graph_beside_the_ontology(
    store: Store, pipeline: Pipeline
) -> None:
    ingest(store, pipeline, ARTICLES)
    graphs = store.graphs()
    assert ONTOLOGY_GRAPH in graphs
    assert {URIRef(a["iri"]) for a in list_articles(store)} == set(graphs) - {ONTOLOGY_GRAPH}


def test_a_changed_article_replaces_its_graph(
    store: Store, pipeline: Pipeline, tmp_path: Path
) -> None:
    path = tmp_path / "a.md"
    path.write_text("---\nurl: https://n.example/a\n---\nRussia supplies Turkey.", encoding="utf-8")
    ingest(store, pipeline, path)
    path.write_text("---\nurl: https://n.example/a\n---\nFrance supplies India.", encoding="utf-8")
    summary = ingest(store, pipeline, path)
    assert summary.replaced == 1
    labels = {
        str(r["l"])
        for r in store.select(
            "SELECT ?l WHERE { GRAPH ?g { ?s a dd:State ; rdfs:label ?l } FILTER(?g != ?o) }",
            {"o": ONTOLOGY_GRAPH},
        )
    }
    assert labels == {"France", "India"}


def test_a_corrupt_file_is_reported_and_the_good_ones_still_land(
    store: Store, pipeline: Pipeline, tmp_path: Path
) -> None:
    shutil.copytree(ARTICLES, tmp_path / "in")
    (tmp_path / "in" / "broken.json").write_text("{not json", encoding="utf-8")
    (tmp_path / "in" / "binary.txt").write_bytes(b"\xff\xfe\x00bad")
    summary = ingest(store, pipeline, tmp_path / "in")
    assert summary.new == 2
    assert summary.failed == 2
    assert any("broken.json" in e for e in summary.errors)
    assert any("binary.txt" in e for e in summary.errors)


def test_cli_ingest_exits_non_zero_naming_the_bad_file(tmp_path: Path, runner: CliRunner) -> None:
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"title": "no text"}\n', encoding="utf-8")
    result = runner.invoke(main, ["--store", "memory", "ingest", str(bad)])
    assert result.exit_code == 1
    assert "bad.jsonl:1" in result.output


def test_cli_lists_and_removes_articles(tmp_path: Path, runner: CliRunner) -> None:
    data = ["--data", str(tmp_path)]
    assert runner.invoke(main, [*data, "ingest", str(ARTICLES)]).exit_code == 0
    listed = json.loads(runner.invoke(main, [*data, "articles", "--json"]).output)
    assert len(listed) == 2
    target = listed[0]
    removed = runner.invoke(main, [*data, "remove", target["id"]])
    assert removed.exit_code == 0, removed.output
    again = json.loads(runner.invoke(main, [*data, "articles", "--json"]).output)
    assert [a["id"] for a in again] == [listed[1]["id"]]
    missing = runner.invoke(main, [*data, "remove", "no-such-article"])
    assert missing.exit_code == 1
    assert "no stored article" in missing.output


def test_cli_query_finds_entities_with_evidence(tmp_path: Path, runner: CliRunner) -> None:
    data = ["--data", str(tmp_path)]
    runner.invoke(main, [*data, "ingest", str(ARTICLES)])
    result = runner.invoke(
        main,
        [
            *data,
            "query",
            "--format",
            "json",
            "SELECT ?text WHERE { ?p rdfs:label 'Recep Tayyip Erdogan'@en ;"
            " dd:mentionedIn ?s . ?s dd:text ?text }",
        ],
    )
    assert result.exit_code == 0, result.output
    rows = [json.loads(line) for line in result.output.splitlines() if line.startswith("{")]
    assert any("national sovereignty" in r["text"] for r in rows)


def _write_articles(folder: Path, n: int) -> None:
    folder.mkdir()
    for i in range(n):
        (folder / f"a{i:04}.md").write_text(
            f"---\ntitle: Report {i}\nurl: https://n.example/{i}\n---\n"
            f"Russia delivered {i + 2} S-400 batteries to Turkey, officials in Ankara said. "
            f"Defense Minister Hulusi Akar visited Moscow on day {i}.\n\n"
            "NATO warned that the purchase was incompatible with allied systems.",
            encoding="utf-8",
        )


@pytest.mark.slow
@pytest.mark.reliability
def test_kill_9_during_ingest_leaves_every_stored_graph_complete(tmp_path: Path) -> None:
    articles = tmp_path / "articles"
    _write_articles(articles, 400)
    data = tmp_path / "data"
    env = {**os.environ, "ATTACHE_DATA": str(data)}
    proc = subprocess.Popen(
        [sys.executable, "-m", "kg", "ingest", "--no-progress", "--verbose", str(articles)],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    )
    try:
        # Wait until a few articles are stored, then kill without warning mid-batch.
        assert proc.stdout is not None
        for _ in range(10):
            assert proc.stdout.readline().startswith("new"), "ingest stopped early"
        proc.send_signal(signal.SIGKILL)
        proc.wait()
    finally:
        if proc.poll() is None:
            proc.kill()
        proc.communicate()

    store = EmbeddedStore(data / "store")
    try:
        stored = store.select("SELECT ?g ?n WHERE { GRAPH ?g { ?g dd:tripleCount ?n } }").bindings
        assert 0 < len(stored) < 400
        for row in stored:
            assert store.count(URIRef(str(row["g"]))) == int(str(row["n"])), row["g"]
        # Every graph in the store is either the ontology or a complete article.
        assert len(store.graphs()) == len(stored) + 1
    finally:
        store.close()


@pytest.mark.slow
def test_batch_mode_over_several_processes_stores_the_same_graphs(
    tmp_path: Path, pipeline: Pipeline
) -> None:
    sequential = EmbeddedStore(None)
    ingest_paths(sequential, [ARTICLES], pipeline=lambda: pipeline, progress=False)
    parallel = EmbeddedStore(None)
    summary = ingest_paths(parallel, [ARTICLES], progress=False, jobs=2)
    assert (summary.new, summary.failed) == (2, 0)
    assert sequential.graphs() == parallel.graphs()
    for graph in sequential.graphs():
        assert sequential.count(graph) == parallel.count(graph)


def test_a_trigger_word_added_to_the_ontology_changes_extraction_on_the_next_ingest(
    store: Store, pipeline: Pipeline, tmp_path: Path
) -> None:
    """``dd:triggerLemma`` in the store's ontology says which verbs tell of an agreement;
    the words are part of the extractor's version, so the same file is extracted again."""
    path = tmp_path / "pact.md"
    path.write_text(
        "---\nurl: https://n.example/pact\n---\n"
        "Norway and Sweden initialled a defence pact in Oslo on Monday.",
        encoding="utf-8",
    )
    agreements = "SELECT ?e WHERE { GRAPH ?g { ?e a dd:Agreement } }"
    assert ingest(store, pipeline, path).new == 1
    assert len(store.select(agreements)) == 0
    assert ingest(store, pipeline, path).unchanged == 1
    store.update(
        "INSERT DATA { GRAPH <https://w3id.org/attache/graph/ontology> "
        '{ dd:Agreement dd:triggerLemma "initial" } }'
    )
    assert ingest(store, pipeline, path).replaced == 1
    assert len(store.select(agreements)) == 1


def test_a_trigger_noun_or_verb_added_to_any_kind_re_extracts_with_a_new_version(
    store: Store, pipeline: Pipeline, tmp_path: Path
) -> None:
    """Every kind takes its words from the store's ontology (``dd:triggerVerb``,
    ``dd:triggerNoun``): a word added to one kind makes the next ingest extract an event
    of that kind from a sentence that had none, under a new extractor version."""
    path = tmp_path / "patriot.md"
    path.write_text(
        "---\nurl: https://n.example/patriot\n---\n"
        "Germany moved two Patriot batteries to Poland on Monday.",
        encoding="utf-8",
    )
    deployments = "SELECT ?e WHERE { GRAPH ?g { ?e a dd:Deployment } }"
    version = "SELECT ?v WHERE { GRAPH ?g { ?a dd:extractorVersion ?v } }"
    assert ingest(store, pipeline, path).new == 1
    assert len(store.select(deployments)) == 0
    before = store.select(version).bindings[0]["v"]
    store.update(
        "INSERT DATA { GRAPH <https://w3id.org/attache/graph/ontology> "
        '{ dd:Deployment dd:triggerVerb "move" } }'
    )
    assert ingest(store, pipeline, path).replaced == 1
    assert len(store.select(deployments)) == 1
    assert store.select(version).bindings[0]["v"] != before
