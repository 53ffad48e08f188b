"""The question surface: ``GET /api/ask?q=...`` and ``POST /api/ask`` with ``{"question": ...}``.

A thin layer over :class:`kg.qa.Answerer`, built once per app on first use and kept
in the app's state (:mod:`service.state`). The payload is the one the CLI prints with
``--json``; errors leave in the one JSON error shape: an empty question is a 400, one
over ``ATTACHE_MAX_QUESTION_CHARS`` a 413, a POST body that is not JSON a 415.
"""

from __future__ import annotations

import threading

from flask import Blueprint, Response, jsonify, request, url_for

from kg.catalog import annotate_answers, entity_id
from kg.qa import Answerer, QuestionError
from service.console import console_url
from service.errors import error_response
from service.state import state

bp = Blueprint("ask", __name__)

_LOCK = threading.Lock()


def answerer() -> Answerer:
    """The app's answerer (lexicon cache, entity finder, parsed templates), built once."""
    current = state()
    if current.answerer is None:
        with _LOCK:
            if current.answerer is None:
                current.answerer = Answerer(
                    current.store,
                    max_question_chars=current.config.max_question_chars,
                    kept_reads=current.config.kept_reads,
                )
    return current.answerer


@bp.get("/api/ask")
def ask_get() -> Response:
    """Answer ``q`` (or ``question``) from the query string."""
    question = request.args.get("q")
    if question is None:
        question = request.args.get("question")
    return _answer(question)


@bp.post("/api/ask")
def ask_post() -> Response:
    """Answer ``{"question": "..."}`` sent as ``application/json``."""
    if not request.is_json:
        return error_response(
            415,
            "unsupported_media_type",
            'send {"question": "..."} with Content-Type: application/json',
        )
    body = request.get_json(silent=True)
    if not isinstance(body, dict):
        return error_response(
            400, "bad_request", 'the body must be a JSON object: {"question": ...}'
        )
    question = body.get("question")
    if question is not None and not isinstance(question, str):
        return error_response(400, "bad_question", "the question must be a string")
    return _answer(question)


def _answer(question: str | None) -> Response:
    text = (question or "").strip()
    if not text:
        raise QuestionError('the question is empty: pass ?q=... or {"question": "..."}')
    limit = state().config.max_question_chars
    if len(text) > limit:
        return error_response(
            413, "question_too_long", f"the question is longer than {limit} characters"
        )
    generation = getattr(state().store, "generation", None)
    keeping = isinstance(generation, int) and state().config.kept_answers > 0
    cache = state().answers if keeping else None
    if cache is not None and generation is not None:
        kept = cache.get(generation, text)
        if kept is not None:
            return Response(kept, mimetype="application/json")
    payload = annotate_answers(state().store, answerer().ask(text))
    for item in [*payload.get("answers", []), *payload["interpretation"].get("entities", [])]:
        ident = entity_id(item["iri"]) if isinstance(item.get("iri"), str) else None
        if ident:
            item["page"] = url_for("pages.entity", ident=ident)
    if payload.get("sparql"):
        # One link from an answer to the query that produced it, runnable and editable.
        payload["console"] = console_url(payload["sparql"])
    response = jsonify(payload)
    if cache is not None and generation is not None:
        cache.put(generation, text, response.get_data())
    return response
