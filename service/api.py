"""The JSON API surface: health and an index of the surfaces (questions join in /api/ask)."""

from __future__ import annotations

import os

from flask import Blueprint, Flask, Response, current_app, jsonify

from kg import __version__
from kg.counts import Counts
from service.pages import ask_page, wants_html
from service.state import state, state_of

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
    counts = counts_for(current_app)
    return jsonify(
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


def counts_for(app: Flask) -> Counts:
    """The store's counts, kept in the app between calls (see :mod:`kg.counts`)."""
    return state_of(app).counts.current()
