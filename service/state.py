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
