"""What the app keeps for its lifetime, in one object reachable from any request.

:func:`service.create_app` builds one :class:`AppState` (the store, the settings, the
ontology editor, the SPARQL query workers, the article writer, the answerer and the
caches) and keeps it as Flask's extension state, ``app.extensions["attache"]``, the one
key the service uses. A view reads it with :func:`state`; code that holds the app
outside a request (the worker processes, tests) with :func:`state_of`.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass, field
from typing import Any

from flask import Flask, current_app
from rdflib import Graph

from kg.config import Config
from kg.counts import CountKeeper
from kg.endpoint.pool import QueryPool
from kg.ontology import version_of
from kg.ontology.editor import OntologyEditor
from kg.qa import Answerer
from kg.store import Store
from kg.uploads import ArticleWriter
from service.caches import AnswerCache, ConformanceCache
from service.errors import Unsupported

EXTENSION = "attache"


@dataclass
class SparqlState:
    """The SPARQL surface's resources: the worker pool and a lock serializing updates.

    ``pool`` is None for a store the workers cannot read, and ``unavailable`` says why
    (answered 501).
    """

    pool: QueryPool | None
    unavailable: str = ""
    update_lock: threading.Lock = field(default_factory=threading.Lock)
    # The console's vocabulary, per snapshot generation (see service.vocabulary).
    cache: dict[int, Any] = field(default_factory=dict)
    cache_lock: threading.Lock = field(default_factory=threading.Lock)

    def require_pool(self) -> QueryPool:
        """The query pool, or a 501 when the store is one the workers cannot read."""
        if self.pool is None:
            raise Unsupported(self.unavailable)
        return self.pool

    def store_changed(self) -> None:
        """Tell the query workers the store changed (every writer in the service calls this)."""
        if self.pool is not None:
            self.pool.invalidate()


@dataclass
class AppState:
    """Everything one app holds: built once by ``create_app``, shared by every request."""

    config: Config
    store: Store
    ontology_version: str
    sparql: SparqlState
    editor: OntologyEditor
    articles: ArticleWriter
    counts: CountKeeper
    answers: AnswerCache = field(default_factory=AnswerCache)
    conformance: ConformanceCache = field(default_factory=ConformanceCache)
    # Built on the first question (service.ask.answerer): it parses every template.
    answerer: Answerer | None = None
    # The last /api/health body and the (generation, ontology version) it was read from.
    health: tuple[tuple[int, str], bytes] | None = None

    # -- listeners for ontology changes (create_app registers them with the editor) -------

    def note_ontology_version(self, graph: Graph) -> None:
        """``/api/health`` reports the version of the ontology now stored."""
        self.ontology_version = version_of(graph)

    def refresh_answerer(self, graph: Graph) -> None:
        """Rebuild the question lexicon now.

        The lexicon (kg.qa) also notices changes on its own through a fingerprint of the
        ontology graph; refreshing here covers edits the fingerprint cannot see (a label
        replaced by another of the same length).
        """
        if self.answerer is not None:
            self.answerer.refresh()


def state_of(app: Flask) -> AppState:
    """The state of ``app`` (no request needed)."""
    value: AppState = app.extensions[EXTENSION]
    return value


def state() -> AppState:
    """The running app's state."""
    return state_of(current_app)


def see_other_writers() -> None:
    """Before a request: if another process wrote the store (a worker's writer, a replica
    over the same server), take its newest state; caches keyed by the store's generation
    follow. A store with nothing to refresh has no ``refresh``."""
    from kg.ontology import stored_version

    current = state()
    refresh = getattr(current.store, "refresh", None)
    if callable(refresh) and refresh():
        current.ontology_version = stored_version(current.store) or current.ontology_version
