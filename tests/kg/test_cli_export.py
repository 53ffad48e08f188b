"""`attache export` and `attache import` move a whole store between backends."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner
from rdflib import RDFS, Literal, URIRef

from kg.cli import main
from kg.store import EmbeddedStore
from tests.conftest import require_binary
from tests.kg.servers import OxigraphServer, oxigraph_binary, remote_store

EX = "http://example.org/"


def filled_store(path: Path, graphs: int = 3) -> int:
    """An embedded store on disk with a few graphs; returns its quad count."""
    from rdflib import Graph

    store = EmbeddedStore(path)
    for i in range(graphs):
        g = Graph()
        g.add((URIRef(f"{EX}e{i}"), RDFS.label, Literal(f"entity {i}", lang="en")))
        g.add((URIRef(f"{EX}e{i}"), RDFS.comment, Literal(i)))
        store.replace_graph(URIRef(f"{EX}g{i}"), g)
    count = store.count()
    store.close()
    return count


@pytest.mark.parametrize(("fmt", "suffix"), [("trig", ".trig"), ("nquads", ".nq")])
def test_export_then_import_moves_every_quad(
    tmp_path: Path, runner: CliRunner, fmt: str, suffix: str
) -> None:
    quads = filled_store(tmp_path / "a" / "store")
    dump = tmp_path / f"store{suffix}"
    exported = runner.invoke(
        main, ["--data", str(tmp_path / "a"), "export", "--format", fmt, "-o", str(dump)]
    )
    assert exported.exit_code == 0, exported.output
    assert not dump.with_name(dump.name + ".part").exists()
    imported = runner.invoke(main, ["--data", str(tmp_path / "b"), "import", str(dump)])
    assert imported.exit_code == 0, imported.output
    assert f"imported {quads} quads" in imported.output
    copy = EmbeddedStore(tmp_path / "b" / "store")
    assert copy.count() == quads and len(copy.graphs()) == 3
    copy.close()


def test_export_writes_to_standard_output_by_default(tmp_path: Path, runner: CliRunner) -> None:
    filled_store(tmp_path / "store", graphs=1)
    result = runner.invoke(main, ["--data", str(tmp_path), "export", "--format", "nquads"])
    assert result.exit_code == 0
    assert result.output.count(f"<{EX}g0> .") == 2


def test_dump_and_load_remain_as_old_names(tmp_path: Path, runner: CliRunner) -> None:
    quads = filled_store(tmp_path / "a" / "store")
    dump = tmp_path / "old.trig"
    assert (
        runner.invoke(main, ["--data", str(tmp_path / "a"), "dump", "-o", str(dump)]).exit_code == 0
    )
    loaded = runner.invoke(main, ["--data", str(tmp_path / "b"), "load", str(dump)])
    assert loaded.exit_code == 0 and f"imported {quads} quads" in loaded.output
    listed = runner.invoke(main, ["--help"]).output
    assert "export" in listed and "import" in listed and " dump " not in listed


@pytest.mark.server
def test_a_store_moves_to_an_oxigraph_server_and_back(tmp_path: Path, runner: CliRunner) -> None:
    binary = oxigraph_binary() or require_binary("oxigraph", "the dev extra of pyproject.toml")
    server = OxigraphServer(tmp_path / "server", binary)
    server.start()
    try:
        remote_store(server)  # empty
        quads = filled_store(tmp_path / "a" / "store", graphs=5)
        dump = tmp_path / "move.nq"
        args = ["--data", str(tmp_path / "a"), "export", "--format", "nquads", "-o", str(dump)]
        assert runner.invoke(main, args).exit_code == 0
        to_server = runner.invoke(main, ["import", str(dump)], env=server.env())
        assert to_server.exit_code == 0, to_server.output
        assert f"imported {quads} quads" in to_server.output
        back = tmp_path / "back.trig"
        from_server = runner.invoke(main, ["export", "-o", str(back)], env=server.env())
        assert from_server.exit_code == 0, from_server.output
        runner.invoke(main, ["--data", str(tmp_path / "c"), "import", str(back)])
        copy = EmbeddedStore(tmp_path / "c" / "store")
        assert copy.count() == quads and len(copy.graphs()) == 5
        copy.close()
    finally:
        server.stop()


def test_a_down_server_is_one_line_on_stderr(runner: CliRunner) -> None:
    env = {"ATTACHE_STORE": "remote", "ATTACHE_SPARQL_QUERY_URL": "http://127.0.0.1:9/query"}
    result = runner.invoke(main, ["export"], env=env)
    assert result.exit_code == 1
    assert result.output.startswith("error: cannot reach the SPARQL server")
