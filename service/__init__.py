"""Attaché's HTTP service: a Flask app factory and one blueprint per surface.

The app holds one :class:`~service.state.AppState` (the open store, the settings, the
ontology editor, the query workers, the answerer, the caches) for its lifetime;
blueprints turn requests into calls on ``kg`` and never build SPARQL from request
data. Every error leaves as the one JSON shape of :mod:`service.errors`.
"""

from __future__ import annotations

import logging
from typing import Any

from flask import Flask
from flask.json.provider import DefaultJSONProvider

from kg.config import Config, load_config
from kg.counts import CountKeeper
from kg.ontology import ensure_ontology
from kg.ontology.editor import OntologyEditor
from kg.store import Store, open_store
from kg.uploads import ArticleWriter
from service import api, articles, ask, console, errors, ontology, openapi, pages, sparql
from service.caches import AnswerCache
from service.state import EXTENSION, AppState, see_other_writers


class JSONProvider(DefaultJSONProvider):
    """Flask's JSON, with a body nested too deeply to read made a 400, not a 500."""

    sort_keys = False  # payloads are read in a designed order

    def loads(self, s: str | bytes, **kwargs: Any) -> Any:
        try:
            return super().loads(s, **kwargs)
        except RecursionError as exc:  # json's C scanner on 100,000 nested brackets
            raise ValueError("the JSON body nests too deeply") from exc


def create_app(
    config: Config | None = None,
    *,
    store: Store | None = None,
    test_config: dict[str, Any] | None = None,
) -> Flask:
    """Build the app: settings from ``ATTACHE_*`` unless given, the store opened once."""
    config = config or load_config()
    app = Flask(__name__)
    app.config.update(MAX_CONTENT_LENGTH=8 * 1024 * 1024)
    app.json = JSONProvider(app)
    if test_config:
        app.config.update(test_config)
    store = store or open_store(config)
    ontology_version = ensure_ontology(store)
    # After the ontology is written, a remote server has a named graph to look for: one
    # that hides it from queries is refused at start, not found out by empty answers.
    check_default_graph = getattr(store, "check_default_graph", None)
    if callable(check_default_graph):
        check_default_graph()
    coordinate = getattr(store, "coordinate", None)
    if store.capabilities.shared_writers and callable(coordinate):
        coordinate()  # writes stamped, so that replicas over the same server see them
    queries = sparql.open_queries(config, store)
    current = AppState(
        config=config,
        store=store,
        ontology_version=ontology_version,
        sparql=queries,
        editor=OntologyEditor(store),
        articles=ArticleWriter(
            store,
            model=config.spacy_model,
            lock=queries.update_lock,  # one writer at a time, SPARQL updates too
            after_write=queries.store_changed,
        ),
        counts=CountKeeper(store),
        answers=AnswerCache(config.kept_answers),
    )
    app.extensions[EXTENSION] = current
    # What caches the ontology sees an edit at once, not at the next restart: the health
    # report's version, the SPARQL workers' snapshot, the question lexicon.
    current.editor.listeners.extend(
        [
            current.note_ontology_version,
            lambda graph: queries.store_changed(),
            current.refresh_answerer,
        ]
    )
    logging.getLogger(__name__).info("store %s opened (ontology %s)", store.kind, ontology_version)

    app.before_request(see_other_writers)  # writes by other processes, seen from now on
    errors.init_app(app)
    app.register_blueprint(api.bp)
    app.register_blueprint(ask.bp)  # /api/ask
    sparql.init_app(app)  # /sparql, /sparql/update, /sparql/prefixes
    app.register_blueprint(console.bp)  # the /console page over /sparql
    app.register_blueprint(ontology.bp)  # /api/ontology and the /ontology editor page
    app.register_blueprint(articles.bp)  # /api/articles: add, list, read, remove while serving
    app.register_blueprint(pages.bp)  # the Ask page (/ in a browser, /ask) and /entity/<id>
    app.register_blueprint(openapi.bp)  # /api/openapi.json
    app.wsgi_app = api.HealthFastPath(app, app.wsgi_app)  # type: ignore[method-assign]
    return app
