"""The JSON API surface: health and an index of the surfaces (questions join in /api/ask).

``/api/health`` is what load balancers poll, so it must answer in a millisecond or two
while the process is busy answering questions. Its body changes only when the store
or the ontology version does, so the one the view last sent is kept with the state it
was read from (:func:`fresh_health`); while that state is current, the server sends
it straight from its I/O thread (:mod:`service.serve`) and :class:`HealthFastPath`
sends it without going through Flask's dispatch at all.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from typing import TYPE_CHECKING

from flask import Blueprint, Flask, Response, current_app, jsonify

from kg import __version__
from kg.counts import Counts
from service.pages import ask_page, wants_html
from service.state import state, state_of

if TYPE_CHECKING:
    from _typeshed.wsgi import StartResponse, WSGIApplication, WSGIEnvironment

bp = Blueprint("api", __name__)


@bp.get("/")
def index() -> Response:
    """The Ask page for a browser; for JSON clients, an index of the surfaces."""
    if wants_html():
        return ask_page()
    response = jsonify(
        {
            "ok": True,
            "name": "Attaché",
            "version": __version__,
            "endpoints": {
                "health": "/api/health",
                "ask": "/api/ask?q=",
                "sparql": "/sparql",
                "sparql_update": "/sparql/update",
                "sparql_prefixes": "/sparql/prefixes",
                "console": "/console",
                "ontology": "/api/ontology",
                "ontology_history": "/api/ontology/history",
                "ontology_conformance": "/api/ontology/conformance",
                "ontology_editor": "/ontology",
                "ask_page": "/ask",
                "articles": "/api/articles",
                "entity_page": "/entity/<id>",
                "openapi": "/api/openapi.json",
            },
        }
    )
    response.headers["Vary"] = "Accept"
    return response


@bp.get("/api/health")
def health() -> Response:
    """Store kind, triple and article counts, ontology version: what an operator checks first."""
    current = state()
    before = health_key(current_app)
    counts = counts_for(current_app)
    response = jsonify(
        {
            "ok": True,
            "version": __version__,
            "store": current.store.kind,
            "triples": counts.triples,
            "articles": counts.articles,
            "ontology_version": current.ontology_version,
            "worker": os.getpid(),
        }
    )
    if before is not None and health_key(current_app) == before:  # nothing changed meanwhile
        current.health = (before, response.get_data())
    return response


def health_key(app: Flask) -> tuple[int, str] | None:
    """What the health body was read from: the store's write generation and the ontology
    version; None when it cannot be told without a request (a store with no generation,
    such as a remote one, whose health asks the server each time, or a worker's
    snapshot store that a newer snapshot has replaced but the worker has not opened)."""
    current = state_of(app)
    store = current.store
    generation = getattr(store, "generation", None)
    if not isinstance(generation, int):
        return None
    if callable(getattr(store, "refresh", None)):  # others write it: is that known cheaply?
        stale = getattr(store, "stale", None)
        if not callable(stale) or stale():
            return None
    return (generation, current.ontology_version)


def fresh_health(app: Flask) -> bytes | None:
    """The health body last sent, if the store and ontology are still as it says."""
    held = state_of(app).health
    if held is None:
        return None
    key = health_key(app)
    return held[1] if key is not None and key == held[0] else None


class HealthFastPath:
    """WSGI middleware: ``GET /api/health`` answered with :func:`fresh_health` when it is
    current, else by the app. Flask's routing, hooks and JSON cost a few hundred
    microseconds of the interpreter lock, which a busy process hands out slowly."""

    def __init__(self, app: Flask, inner: WSGIApplication) -> None:
        self.app = app
        self.inner = inner

    def __call__(self, environ: WSGIEnvironment, start_response: StartResponse) -> Iterable[bytes]:
        if environ.get("REQUEST_METHOD") == "GET" and environ.get("PATH_INFO") == HEALTH:
            body = fresh_health(self.app)
            if body is not None:
                headers = [("Content-Type", "application/json"), ("Content-Length", str(len(body)))]
                start_response("200 OK", headers)
                return [body]
        return self.inner(environ, start_response)


HEALTH = "/api/health"


def counts_for(app: Flask) -> Counts:
    """The store's counts, kept in the app between calls (see :mod:`kg.counts`)."""
    return state_of(app).counts.current()
