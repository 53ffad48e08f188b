"""A remote server whose default graph hides its named graphs is refused at start, in one
line that says how to fix it, instead of answering every question with nothing."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from kg.config import load_config
from kg.errors import ConfigError
from kg.store import RemoteStore, open_store
from tests.conftest import require_binary
from tests.kg.servers import OXIGRAPH_FLAGS, OxigraphServer, oxigraph_binary


class OxigraphWithoutUnion(OxigraphServer):
    """An Oxigraph server started as its documentation's first example: no union."""

    def command(self) -> list[str]:
        return [part for part in super().command() if part not in OXIGRAPH_FLAGS]


@pytest.fixture(scope="module")
def no_union(tmp_path_factory: pytest.TempPathFactory) -> Iterator[OxigraphWithoutUnion]:
    binary = oxigraph_binary() or require_binary("oxigraph", "the dev extra of pyproject.toml")
    server = OxigraphWithoutUnion(tmp_path_factory.mktemp("no-union"), binary)
    server.start()
    try:
        yield server
    finally:
        server.stop()


@pytest.mark.server
def test_the_service_refuses_a_server_without_a_union_default_graph(
    no_union: OxigraphWithoutUnion,
) -> None:
    from service import create_app

    config = load_config(environ=no_union.env())
    with pytest.raises(ConfigError, match="--union-default-graph") as refused:
        create_app(config)
    assert "\n" not in refused.value.message


@pytest.mark.server
def test_a_server_with_a_union_default_graph_passes_the_check(
    oxigraph_server: OxigraphServer, tmp_path: Path
) -> None:
    store = open_store(load_config(environ=oxigraph_server.env()))
    assert isinstance(store, RemoteStore)
    from kg.ontology import ensure_ontology

    ensure_ontology(store)
    store.check_default_graph()  # no error
