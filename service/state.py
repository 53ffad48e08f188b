"""What the app keeps for its lifetime, reachable from any request."""

from __future__ import annotations

from dataclasses import dataclass

from flask import current_app

from kg.config import Config
from kg.store import Store


@dataclass
class AppState:
    config: Config
    store: Store
    ontology_version: str


def state() -> AppState:
    """The running app's state (store, settings)."""
    value: AppState = current_app.extensions["attache"]
    return value


def see_other_writers() -> None:
    """Before a request: if another process wrote the store (a worker's writer, a replica
    over the same server), take its newest state; caches keyed by the store's generation
    follow. A store with nothing to refresh has no ``refresh``."""
    from kg.ontology import stored_version

    current = state()
    refresh = getattr(current.store, "refresh", None)
    if callable(refresh) and refresh():
        current.ontology_version = stored_version(current.store) or current.ontology_version
