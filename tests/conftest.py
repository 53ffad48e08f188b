"""Shared fixtures: a fresh in-memory store per test, one spaCy pipeline per session,
and an app whose store holds the bundled sample articles."""

from __future__ import annotations

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


@pytest.fixture
def app(sample_store: Store) -> Flask:
    from service import create_app

    config = load_config(environ={}, store="memory", api_token="test-token")
    return create_app(config, store=sample_store, test_config={"TESTING": True})


@pytest.fixture
def client(app: Flask) -> FlaskClient:
    return app.test_client()


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


def require_binary(name: str) -> str:
    """Path of a system program a test needs: skipped locally when missing, a failure in CI.

    CI installs every package listed in .ci/apt-packages.txt, so a missing program there
    is a broken install step, never a reason to pass quietly.
    """
    import os
    import shutil

    path = shutil.which(name)
    if path is None:
        message = f"{name} is not installed (listed in .ci/apt-packages.txt)"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    return path
