"""Stores: one interface (:class:`Store`), chosen by configuration with :func:`open_store`."""

from __future__ import annotations

from kg.config import Config
from kg.store.base import Bindings, Rows, Store, Term
from kg.store.embedded import EmbeddedStore
from kg.store.remote import RemoteStore

__all__ = ["Bindings", "EmbeddedStore", "RemoteStore", "Rows", "Store", "Term", "open_store"]


def open_store(config: Config) -> Store:
    """The store the configuration names: on disk, in memory, or a remote SPARQL server."""
    if config.store == "remote":
        return RemoteStore.from_config(config)
    if config.store == "memory":
        return EmbeddedStore(None)
    return EmbeddedStore(config.store_path)
