"""Stores: one interface (:class:`Store`), chosen by configuration with :func:`open_store`."""

from __future__ import annotations

from kg.config import Config
from kg.store.base import Bindings, Rows, Store, Term
from kg.store.embedded import EmbeddedStore

__all__ = ["Bindings", "EmbeddedStore", "Rows", "Store", "Term", "open_store"]


def open_store(config: Config) -> Store:
    """The store the configuration names: on disk under the data directory, or in memory."""
    if config.store == "memory":
        return EmbeddedStore(None)
    return EmbeddedStore(config.store_path)
