"""Small things the command line says plainly: an export imported twice changes nothing,
TriG declares its prefixes, an empty history says so, validate says what it checked, and
counts read as English."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from kg.cli import main
from kg.ontology import ensure_ontology
from kg.store import EmbeddedStore


def store_with_samples(path: Path, samples_trig: bytes) -> int:
    store = EmbeddedStore(path)
    store.load(samples_trig, "trig")
    count = store.count()
    store.close()
    return count


def test_importing_the_same_export_twice_leaves_the_store_unchanged(
    tmp_path: Path, runner: CliRunner, samples_trig: bytes
) -> None:
    quads = store_with_samples(tmp_path / "a" / "store", samples_trig)
    dump = tmp_path / "all.trig"
    assert (
        runner.invoke(main, ["--data", str(tmp_path / "a"), "export", "-o", str(dump)]).exit_code
        == 0
    )
    for _ in range(2):
        result = runner.invoke(main, ["--data", str(tmp_path / "b"), "import", str(dump)])
        assert result.exit_code == 0, result.output
    assert "nothing new" in result.output
    copy = EmbeddedStore(tmp_path / "b" / "store")
    assert copy.count() == quads, "the ontology's blank nodes are not added again"
    copy.close()


def test_a_trig_export_declares_the_prefixes(
    tmp_path: Path, runner: CliRunner, samples_trig: bytes
) -> None:
    store_with_samples(tmp_path / "store", samples_trig)
    result = runner.invoke(main, ["--data", str(tmp_path), "export"])
    assert result.exit_code == 0
    head = result.output[:2000]
    assert "@prefix dd: <https://w3id.org/attache/ontology#> ." in head
    assert "@prefix res: <https://w3id.org/attache/resource/> ." in head


def test_an_empty_ontology_history_says_so(tmp_path: Path, runner: CliRunner) -> None:
    store = EmbeddedStore(tmp_path / "store")
    ensure_ontology(store)
    store.close()
    result = runner.invoke(main, ["--data", str(tmp_path), "ontology", "history"])
    assert result.exit_code == 0
    assert "no revisions yet" in result.output


def test_validate_says_what_it_checked(
    tmp_path: Path, runner: CliRunner, samples_trig: bytes
) -> None:
    store_with_samples(tmp_path / "store", samples_trig)
    result = runner.invoke(main, ["--data", str(tmp_path), "validate"])
    assert "checked 8 articles" in result.output
    assert "against the shapes in" in result.output


def test_one_article_is_singular(tmp_path: Path, runner: CliRunner, samples_trig: bytes) -> None:
    store_with_samples(tmp_path / "store", samples_trig)
    result = runner.invoke(
        main, ["--data", str(tmp_path), "query", "SELECT ?x WHERE { VALUES ?x { 1 } }"]
    )
    assert result.exit_code == 0
    assert "1 row\n" in result.output and "1 rows" not in result.output


def test_query_prints_aligned_columns_with_prefixed_names(
    tmp_path: Path, runner: CliRunner, samples_trig: bytes
) -> None:
    store_with_samples(tmp_path / "store", samples_trig)
    query = (
        "SELECT ?article ?title WHERE { ?article a dd:NewsArticle ; dcterms:title ?title } "
        "ORDER BY ?title LIMIT 3"
    )
    result = runner.invoke(main, ["--data", str(tmp_path), "query", query])
    assert result.exit_code == 0, result.output
    header, *rows = result.stdout.splitlines()
    assert header.split() == ["article", "title"]
    assert len(rows) == 3 and all(row.startswith("art:") for row in rows)
    column = header.index("title")
    assert all(row[column - 2 : column] == "  " and row[column] != " " for row in rows)


def test_query_runs_updates_when_asked(tmp_path: Path, runner: CliRunner) -> None:
    data = ["--data", str(tmp_path)]
    update = (
        'INSERT DATA { GRAPH <http://example.org/g> { <http://example.org/a> rdfs:label "A" } }'
    )
    result = runner.invoke(main, [*data, "query", "--update", update])
    assert result.exit_code == 0, result.output
    found = runner.invoke(main, [*data, "query", "SELECT ?l WHERE { ?s rdfs:label ?l }"])
    assert found.stdout.splitlines() == ["l", "A"]
