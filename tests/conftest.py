"""Shared fixtures: a fresh in-memory store per test, one spaCy pipeline per session,
an app whose store holds the bundled sample articles, and real SPARQL servers
(Oxigraph server, Virtuoso 7) started once per session for the remote store."""

from __future__ import annotations

import io
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner
from flask import Flask
from flask.testing import FlaskClient

from kg.config import load_config
from kg.extract import Pipeline
from kg.ingest import ingest_paths
from kg.store import EmbeddedStore, Store
from tests.kg.servers import OxigraphServer, VirtuosoServer, oxigraph_binary

ROOT = Path(__file__).resolve().parent.parent
DATA = Path(__file__).resolve().parent / "data"
SAMPLES = ROOT / "samples"


@pytest.fixture
def store() -> Iterator[Store]:
    """An empty in-memory Oxigraph store."""
    s = EmbeddedStore(None)
    yield s
    s.close()


@pytest.fixture(scope="session")
def pipeline() -> Pipeline:
    """The real extraction pipeline (spaCy model + gazetteer), loaded once."""
    return Pipeline()


@pytest.fixture(scope="session")
def sample_store(pipeline: Pipeline) -> Store:
    """An in-memory store holding the bundled sample articles (read-only for tests)."""
    s = EmbeddedStore(None)
    summary = ingest_paths(s, [SAMPLES], pipeline=lambda: pipeline, progress=False)
    assert summary.failed == 0, summary.errors
    return s


@pytest.fixture(scope="session")
def samples_trig(sample_store: Store) -> bytes:
    """The sample store as TriG, to load writable copies of it cheaply."""
    out = io.BytesIO()
    sample_store.dump(out, "trig")
    return out.getvalue()


@pytest.fixture
def app(sample_store: Store) -> Flask:
    from service import create_app

    config = load_config(environ={}, store="memory", api_token="test-token-0123456789")
    return create_app(config, store=sample_store, test_config={"TESTING": True})


@pytest.fixture
def client(app: Flask) -> FlaskClient:
    return app.test_client()


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


def require_binary(name: str, listed_in: str = ".ci/apt-packages.txt") -> str:
    """Path of a system program a test needs: skipped locally when missing, a failure in CI.

    CI installs every package listed in .ci/apt-packages.txt (and the dev extra of
    pyproject.toml), so a missing program there is a broken install step, never a
    reason to pass quietly.
    """
    import os
    import shutil

    path = shutil.which(name)
    if path is None:
        message = f"{name} is not installed (listed in {listed_in})"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    return path


# -- real SPARQL servers ------------------------------------------------------------


@pytest.fixture(scope="session")
def oxigraph_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[OxigraphServer]:
    """An Oxigraph server (PyPI `oxigraph`) on 127.0.0.1, union default graph on."""
    binary = oxigraph_binary() or require_binary("oxigraph", "the dev extra of pyproject.toml")
    server = OxigraphServer(tmp_path_factory.mktemp("oxigraph"), binary)
    server.start()
    try:
        yield server
    finally:
        server.stop()


@pytest.fixture(scope="session")
def virtuoso_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[VirtuosoServer]:
    """Virtuoso 7 on loopback ports with a generated password, set up by deploy/virtuoso."""
    server = VirtuosoServer(
        tmp_path_factory.mktemp("virtuoso"),
        require_binary("virtuoso-t"),
        require_binary("isql-vt"),
    )
    server.start()
    try:
        yield server
    finally:
        server.stop()
