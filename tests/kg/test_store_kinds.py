"""One registry of store kinds serves the settings and open_store; each store says what it
can do (snapshots, transactions, conditional update) instead of being told by its class."""

from __future__ import annotations

from pathlib import Path

import pytest

from kg.config import SETTINGS, load_config
from kg.errors import ConfigError
from kg.store import KINDS, Capabilities, EmbeddedStore, RemoteStore, open_store
from kg.store.kinds import store_kind
from kg.store.snapshot import SnapshotPublisher, SnapshotStore


def test_the_store_setting_accepts_exactly_the_registered_kinds() -> None:
    assert set(KINDS) == {"embedded", "memory", "remote"}
    setting = next(s for s in SETTINGS if s.name == "store")
    for name in KINDS:
        assert f"'{name}'" in setting.help
        assert load_config({"ATTACHE_STORE": name.upper()}).store == name
    with pytest.raises(ConfigError, match="'embedded', 'memory', 'remote'"):
        load_config({"ATTACHE_STORE": "sqlite"})


def test_open_store_opens_the_kind_the_settings_name(tmp_path: Path) -> None:
    memory = open_store(load_config({"ATTACHE_STORE": "memory"}))
    disk = open_store(load_config({"ATTACHE_STORE": "embedded", "ATTACHE_DATA": str(tmp_path)}))
    remote = open_store(
        load_config({"ATTACHE_STORE": "remote", "ATTACHE_SPARQL_QUERY_URL": "http://127.0.0.1:9/q"})
    )
    assert (memory.kind, disk.kind, remote.kind) == ("memory", "embedded", "remote")
    assert isinstance(remote, RemoteStore) and isinstance(disk, EmbeddedStore)
    assert disk.path == tmp_path / "store"
    disk.close()
    with pytest.raises(ConfigError, match="ATTACHE_SPARQL_QUERY_URL"):
        open_store(load_config({"ATTACHE_STORE": "remote"}))


def test_a_kind_is_registered_once() -> None:
    with pytest.raises(ValueError, match="twice"):
        store_kind("memory", "again")(lambda config: EmbeddedStore(None))


def test_each_store_says_what_it_can_do(tmp_path: Path) -> None:
    disk = EmbeddedStore(tmp_path / "store")
    assert disk.capabilities == Capabilities(
        snapshots=True, transactions=True, conditional_update=True
    )
    assert EmbeddedStore(None).capabilities == Capabilities(
        snapshots=False, transactions=True, conditional_update=True
    )
    # Atomicity on a remote store is the server's, which the client cannot tell; other
    # processes may write it, and /sparql sends queries to its endpoint.
    assert RemoteStore("http://127.0.0.1:9/q").capabilities == Capabilities(
        shared_writers=True, endpoint=True
    )
    publisher = SnapshotPublisher(disk, tmp_path / "snapshots")
    publisher.publish_if_changed()
    assert SnapshotStore(tmp_path / "snapshots").capabilities == Capabilities()
    publisher.close()
    disk.close()
