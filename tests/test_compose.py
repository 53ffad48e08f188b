"""docker-compose.yml and the Dockerfile, checked as far as they can be without Docker.

No container engine runs on the machines that build Attaché, so this reads the files:
the compose file parses, has the services the README promises, sets only ATTACHE_*
variables that kg/config.py declares, and describes the remote configuration the
remote-store tests exercise against the servers they start (tests/kg/servers.py).
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
import yaml

from kg.config import SETTINGS, load_config
from tests.kg.servers import OXIGRAPH_FLAGS, VIRTUOSO_SETUP, oxigraph_env, virtuoso_env

ROOT = Path(__file__).resolve().parent.parent
COMPOSE = ROOT / "docker-compose.yml"
DOCKERFILE = ROOT / "Dockerfile"
DECLARED = {setting.env for setting in SETTINGS}


@pytest.fixture(scope="module")
def compose() -> dict[str, Any]:
    document = yaml.safe_load(COMPOSE.read_text(encoding="utf-8"))
    assert isinstance(document, dict)
    return document


def services(compose: dict[str, Any]) -> dict[str, dict[str, Any]]:
    result: dict[str, dict[str, Any]] = compose["services"]
    return result


def attache_env(service: dict[str, Any]) -> dict[str, str]:
    env = service.get("environment", {})
    assert isinstance(env, dict), "environment as a mapping, so it can be checked"
    return {k: str(v) for k, v in env.items() if k.startswith("ATTACHE_")}


REPLICAS = ("attache-replica-1", "attache-replica-2")


def resolve(value: str) -> str:
    """A compose value as a deployment would resolve it: ``${X:-default}`` as its default,
    other variables as a 16-character placeholder (the shortest token allowed)."""
    value = re.sub(r"\$\{[^:}]*:-([^}]+)\}", r"\1", value)
    return re.sub(r"\$\{[^}]*\}", "x" * 16, value)


def test_the_compose_file_has_the_service_oxigraph_and_a_virtuoso_profile(
    compose: dict[str, Any],
) -> None:
    assert set(services(compose)) == {
        "attache",
        "oxigraph",
        "virtuoso",
        "attache-virtuoso",
        *REPLICAS,
    }
    default = {name for name, s in services(compose).items() if not s.get("profiles")}
    assert default == {"attache", "oxigraph"}
    assert services(compose)["virtuoso"]["profiles"] == ["virtuoso"]
    assert services(compose)["attache-virtuoso"]["profiles"] == ["virtuoso"]
    for volume in ("attache-data", "oxigraph-data", "virtuoso-data"):
        assert volume in compose["volumes"]


def test_every_attache_variable_it_sets_is_a_declared_setting(compose: dict[str, Any]) -> None:
    for name, service in services(compose).items():
        for variable in attache_env(service):
            assert variable in DECLARED, f"{name} sets {variable}, which kg/config.py lacks"


def test_the_service_is_configured_only_through_the_environment(compose: dict[str, Any]) -> None:
    for name in ("attache", "attache-virtuoso", *REPLICAS):
        service = services(compose)[name]
        assert "command" not in service and "env_file" not in service, name
        server = "virtuoso" if name == "attache-virtuoso" else "oxigraph"
        assert service["depends_on"][server] == {"condition": "service_healthy"}
        assert [v.split(":")[1] for v in service["volumes"]] == ["/data"]
        # The values a deployment would resolve are valid settings.
        # (a token must have 16 characters or more, so placeholders do too)
        resolved = {k: resolve(v) for k, v in attache_env(service).items()}
        assert load_config(environ=resolved).store == "remote"


def test_the_oxigraph_service_is_the_server_the_tests_start(compose: dict[str, Any]) -> None:
    oxigraph = services(compose)["oxigraph"]
    assert "FROM ghcr.io/oxigraph/oxigraph:" in oxigraph["build"]["dockerfile_inline"]
    command = oxigraph["command"]
    assert command[:3] == ["serve", "--location", "/data"]
    assert all(flag in command for flag in OXIGRAPH_FLAGS)
    assert "oxigraph-data:/data" in oxigraph["volumes"]
    assert "7878" in " ".join(oxigraph["healthcheck"]["test"])
    expected = oxigraph_env("http://oxigraph:7878")
    actual = attache_env(services(compose)["attache"])
    assert {k: actual[k] for k in expected} == expected
    assert not any(k in actual for k in ("ATTACHE_SPARQL_USER", "ATTACHE_SPARQL_PASSWORD"))


def test_the_service_runs_several_workers_and_a_profile_adds_two_replicas(
    compose: dict[str, Any],
) -> None:
    """The replicas share the service's server settings (tests/service/test_replicas.py runs
    three such processes over one Oxigraph server), not its port or data directory."""
    main = services(compose)["attache"]
    assert int(resolve(attache_env(main)["ATTACHE_WORKERS"])) >= 2
    ports, volumes = {main["ports"][0]}, {main["volumes"][0]}
    for name in REPLICAS:
        replica = services(compose)[name]
        assert replica["profiles"] == ["replicas"]
        assert attache_env(replica) == attache_env(main)
        ports.add(replica["ports"][0])
        volumes.add(replica["volumes"][0])
    assert len(ports) == len(volumes) == 1 + len(REPLICAS)


def test_the_virtuoso_profile_is_the_setup_the_tests_use(compose: dict[str, Any]) -> None:
    virtuoso = services(compose)["virtuoso"]
    assert virtuoso["image"].startswith("openlink/virtuoso-opensource-7:")
    mounts = {v.split(":")[1]: v.split(":")[0] for v in virtuoso["volumes"]}
    assert (ROOT / mounts["/opt/attache/attache.sql"]).resolve() == VIRTUOSO_SETUP
    assert (ROOT / mounts["/initdb.d/attache.sh"]).resolve().exists()
    assert int(virtuoso["environment"]["VIRT_SPARQL_ResultSetMaxRows"]) >= 1_000_000
    assert "healthcheck" in virtuoso

    actual = attache_env(services(compose)["attache-virtuoso"])
    user, password = actual["ATTACHE_SPARQL_USER"], actual["ATTACHE_SPARQL_PASSWORD"]
    assert virtuoso["environment"]["ATTACHE_SPARQL_USER"] == user
    assert virtuoso["environment"]["ATTACHE_SPARQL_PASSWORD"] == password
    expected = virtuoso_env("http://virtuoso:8890", user, password)
    assert {k: actual[k] for k in expected} == expected


def test_the_dockerfile_builds_the_pinned_service() -> None:
    text = DOCKERFILE.read_text(encoding="utf-8")
    bases = [line for line in text.splitlines() if line.startswith("FROM")]
    assert bases == ["FROM python:3.11-slim"]
    assert "-c constraints.txt" in text
    assert "--require-hashes -r requirements-model.txt" in text
    assert 'CMD ["attache", "serve", "--host", "0.0.0.0"]' in text
    assert "ATTACHE_DATA=/data" in text and 'VOLUME ["/data"]' in text
    for directory in ("kg", "service", "ontology"):
        assert f"COPY {directory} {directory}" in text
