"""Stores: one interface (:class:`Store`), chosen by configuration with :func:`open_store`."""

from __future__ import annotations

from kg.config import Config
from kg.errors import ConfigError
from kg.store.base import Bindings, Capabilities, Rows, Store, Term
from kg.store.embedded import EmbeddedStore
from kg.store.kinds import KINDS, StoreKind
from kg.store.remote import RemoteStore

__all__ = [
    "KINDS",
    "Bindings",
    "Capabilities",
    "EmbeddedStore",
    "RemoteStore",
    "Rows",
    "Store",
    "StoreKind",
    "Term",
    "open_store",
]


def open_store(config: Config) -> Store:
    """The store the configuration names: on disk, in memory, or a remote SPARQL server."""
    kind = KINDS.get(config.store)
    if kind is None:
        raise ConfigError(f"unknown store kind {config.store!r}; use one of {', '.join(KINDS)}")
    return kind.open(config)
