"""The ontology editor surface: ``/api/ontology`` and the ``/ontology`` page.

Thin by design: requests become calls on :class:`kg.ontology.editor.OntologyEditor`,
which checks, migrates and records every change. This module adds what only HTTP
has: content negotiation, the bearer token (``ATTACHE_API_TOKEN``) on every write,
and ``If-Match`` preconditions (428 without one, 412 when stale) so that two people
editing the same version cannot overwrite each other silently.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Hashable
from dataclasses import dataclass
from typing import Any, TypeVar, cast

from flask import Blueprint, Response, current_app, jsonify, request, send_from_directory
from rdflib import URIRef
from werkzeug.exceptions import BadRequest

from kg.catalog import class_instances, find_article
from kg.errors import EditRefused, NotFound
from kg.ontology import ONTOLOGY_FILE, version_of
from kg.ontology.conformance import validate_data
from kg.ontology.editor import OntologyEditor, Outcome, Snapshot
from kg.ontology.edits import TermEdit
from kg.ontology.history import get_revision, list_revisions
from kg.ontology.impact import impact
from kg.ontology.terms import describe_term, resolve_ref, tree
from kg.ontology.turtle import file_header, read_turtle, to_turtle
from kg.vocab import PREFIXES
from service.auth import refuse, token_required
from service.state import state

bp = Blueprint("ontology", __name__)

_USER = re.compile(r"[^\w .@+-]")
F = TypeVar("F", bound=Callable[..., Any])


def editor() -> OntologyEditor:
    return state().editor


# -- writes: token, author, If-Match ---------------------------------------------------------------


_token_required = token_required("ontology edits need an Authorization: Bearer <token> header")


def write(view: F) -> F:
    """Bearer token first (401/403), then ``If-Match`` (428); the view gets author and ETag."""

    @_token_required
    @functools.wraps(view)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        if_match = request.headers.get("If-Match", "").strip()
        if not if_match or if_match == "*":
            return refuse(
                428,
                "precondition_required",
                "send the ontology's current ETag in If-Match (GET /api/ontology returns it), "
                "so that edits made since you read it are not overwritten",
            )
        author = _USER.sub("", request.headers.get("X-Attache-User", "")).strip()[:100]
        return view(*args, author=author or "api", if_match=if_match, **kwargs)

    return cast(F, wrapper)


def _body() -> dict[str, Any]:
    if not request.data:
        return {}
    try:
        data = request.get_json(force=True)
    except BadRequest as exc:
        raise EditRefused("the request body is not valid JSON") from exc
    if not isinstance(data, dict):
        raise EditRefused("the request body must be a JSON object")
    return data


def _message(body: dict[str, Any]) -> str:
    value = body.get("message", request.args.get("message", ""))
    if not isinstance(value, str):
        raise EditRefused("message must be a string")
    return value


def _ref_field(body: dict[str, Any], *names: str) -> str:
    for name in names:
        value = body.get(name) or request.args.get(name)
        if isinstance(value, str) and value.strip():
            return value
    raise EditRefused(f"say which term: give {' or '.join(names)}")


def _written(outcome: Outcome, status: int = 200, **extra: Any) -> Response:
    response = jsonify({"ok": True, **outcome.as_dict(), **extra})
    response.status_code = status
    response.headers["ETag"] = outcome.etag
    return response


# -- the ontology as a whole -----------------------------------------------------------------------


def _wanted_format() -> str:
    fmt = request.args.get("format")
    if fmt:
        if fmt not in FORMATS:
            raise EditRefused(f"format must be one of {', '.join(FORMATS)}")
        return fmt
    best = request.accept_mimetypes.best_match(
        [f.media_type for f in FORMATS.values()], default="text/turtle"
    )
    return {f.media_type: name for name, f in FORMATS.items()}.get(best or "text/turtle", "turtle")


def _as_tree(snap: Snapshot) -> Response:
    return jsonify(
        {
            "ok": True,
            "etag": snap.etag,
            "version": version_of(snap.graph),
            "triples": len(snap.graph),
            **tree(snap.graph),
        }
    )


def _as_turtle(snap: Snapshot) -> Response:
    text = to_turtle(snap.graph, file_header(ONTOLOGY_FILE))
    return Response(text, mimetype="text/turtle")


def _as_ntriples(snap: Snapshot) -> Response:
    return Response("\n".join(snap.lines) + "\n", mimetype="application/n-triples")


def _as_jsonld(snap: Snapshot) -> Response:
    context = dict(PREFIXES)
    text = snap.graph.serialize(format="json-ld", context=context, indent=1)
    return Response(text, mimetype="application/ld+json")


@dataclass(frozen=True)
class Format:
    """One way ``GET /api/ontology`` writes the ontology: its media type and its writer."""

    media_type: str
    render: Callable[[Snapshot], Response]


FORMATS: dict[str, Format] = {
    "turtle": Format("text/turtle", _as_turtle),
    "jsonld": Format("application/ld+json", _as_jsonld),
    "ntriples": Format("application/n-triples", _as_ntriples),
    "tree": Format("application/json", _as_tree),
}
"""The formats by their ``?format=`` name, in the order Accept negotiation prefers them."""


@bp.get("/api/ontology")
def get_ontology() -> Response:
    """The stored ontology as Turtle, JSON-LD, N-Triples or a JSON tree (``?format=`` or Accept)."""
    snap = editor().snapshot()
    fmt = _wanted_format()
    if request.if_none_match and request.if_none_match.contains(snap.etag.strip('"')):
        response = Response(status=304)
    else:
        response = FORMATS[fmt].render(snap)
    response.headers["ETag"] = snap.etag
    response.headers["Vary"] = "Accept"
    response.headers["Cache-Control"] = "no-cache"
    return response


@bp.put("/api/ontology")
@write
def put_ontology(*, author: str, if_match: str) -> Response:
    """Replace the whole ontology with a reviewed Turtle document (one revision)."""
    if request.mimetype not in ("text/turtle", "application/x-turtle"):
        return refuse(415, "unsupported_media_type", "send the ontology as text/turtle")
    graph = read_turtle(request.get_data(as_text=True), source="the request body")
    outcome = editor().replace(
        graph, author=author, message=request.args.get("message", ""), if_match=if_match
    )
    return _written(outcome)


# -- terms -----------------------------------------------------------------------------------------


@bp.get("/api/ontology/terms/<path:ref>")
def get_term(ref: str) -> Response:
    snap = editor().snapshot()
    response = jsonify(
        {"ok": True, "etag": snap.etag, "term": describe_term(snap.graph, resolve_ref(ref))}
    )
    response.headers["ETag"] = snap.etag
    return response


def _known_term(ref: str) -> tuple[Snapshot, URIRef]:
    """The stored ontology and the term ``ref`` names: 404 for a term it does not define."""
    snap = editor().snapshot()
    iri = resolve_ref(ref)
    describe_term(snap.graph, iri)
    return snap, iri


@bp.get("/api/ontology/terms/<path:ref>/impact")
def get_impact(ref: str) -> Response:
    """How many triples and articles use the term, and which terms refer to it."""
    snap, iri = _known_term(ref)
    response = jsonify({"ok": True, "etag": snap.etag, **impact(state().store, snap.graph, iri)})
    response.headers["ETag"] = snap.etag
    return response


@bp.get("/api/ontology/terms/<path:ref>/instances")
def get_instances(ref: str) -> Response:
    """The instances of a class (and of its subclasses) in the data, with article counts."""
    _, iri = _known_term(ref)
    instances = class_instances(state().store, iri)
    for item in instances:
        if item["id"]:
            item["page"] = f"/entity/{item['id']}"
    return jsonify({"ok": True, "instances": instances, "truncated": len(instances) >= 500})


@bp.post("/api/ontology/terms")
@write
def create_term(*, author: str, if_match: str) -> Response:
    body = _body()
    iri = resolve_ref(_ref_field(body, "id", "iri"))
    edit = TermEdit.from_json(body, ignore=("id", "iri", "message"))
    outcome = editor().create(iri, edit, author=author, message=_message(body), if_match=if_match)
    return _written(outcome, 201, term=describe_term(outcome.graph, iri))


@bp.route("/api/ontology/terms/<path:ref>", methods=["PUT", "PATCH"])
@write
def update_term(ref: str, *, author: str, if_match: str) -> Response:
    """Replace the fields given in the body; fields left out stay as they are."""
    body = _body()
    iri = resolve_ref(ref)
    edit = TermEdit.from_json(body, ignore=("id", "iri", "message"))
    outcome = editor().update(iri, edit, author=author, message=_message(body), if_match=if_match)
    return _written(outcome, term=describe_term(outcome.graph, iri))


@bp.delete("/api/ontology/terms/<path:ref>")
@write
def delete_term(ref: str, *, author: str, if_match: str) -> Response:
    """Delete an unused term; ``migrate_to`` folds a used one (and its data) into another."""
    body = _body()
    target = body.get("migrate_to") or request.args.get("migrate_to")
    outcome = editor().delete(
        resolve_ref(ref),
        author=author,
        message=_message(body),
        migrate_to=resolve_ref(target) if isinstance(target, str) and target else None,
        if_match=if_match,
    )
    return _written(outcome)


def _move(
    move: Callable[..., Outcome], ref: str, field: str, *, author: str, if_match: str
) -> Response:
    """A rename or merge of ``ref``: the target term is the body's ``field``."""
    body = _body()
    target = resolve_ref(_ref_field(body, field))
    outcome = move(
        resolve_ref(ref), target, author=author, message=_message(body), if_match=if_match
    )
    return _written(outcome, term=describe_term(outcome.graph, target))


@bp.post("/api/ontology/terms/<path:ref>/rename")
@write
def rename_term(ref: str, *, author: str, if_match: str) -> Response:
    return _move(editor().rename, ref, "to", author=author, if_match=if_match)


@bp.post("/api/ontology/terms/<path:ref>/merge")
@write
def merge_term(ref: str, *, author: str, if_match: str) -> Response:
    return _move(editor().merge, ref, "into", author=author, if_match=if_match)


# -- history ---------------------------------------------------------------------------------------


def _int_arg(name: str, default: int, high: int) -> int:
    raw = request.args.get(name)
    if raw is None:
        return default
    # ASCII digits only: "²".isdigit() is true and int("²") raises.
    if not (raw.isascii() and raw.isdigit()):
        raise EditRefused(f"{name} must be a whole number written with the digits 0-9")
    if len(raw.lstrip("0")) > len(str(high)):
        return high  # and int() never sees thousands of digits
    return min(int(raw), high)


@bp.get("/api/ontology/history")
def history() -> Response:
    store = state().store
    limit = _int_arg("limit", 50, 500)
    offset = _int_arg("offset", 0, 10**9)
    revisions = list_revisions(store, limit=limit, offset=offset)
    response = jsonify(
        {
            "ok": True,
            "etag": editor().etag(),
            "revisions": [r.as_dict(full=False) for r in revisions],
        }
    )
    return response


@bp.get("/api/ontology/history/<int:number>")
def revision(number: int) -> Response:
    return jsonify({"ok": True, "revision": get_revision(state().store, number).as_dict()})


@bp.post("/api/ontology/history/<int:number>/revert")
@write
def revert(number: int, *, author: str, if_match: str) -> Response:
    """Undo one revision (and its data migration) as a new revision."""
    body = _body()
    outcome = editor().revert(number, author=author, message=_message(body), if_match=if_match)
    return _written(outcome)


# -- data conformance ------------------------------------------------------------------------------


@bp.get("/api/ontology/conformance")
def conformance() -> Response:
    """The SHACL shapes run over the instance data (one article with ``?article=``)."""
    store = state().store
    ref = request.args.get("article")
    article = None
    if ref:
        article = find_article(store, ref)
        if article is None:
            raise NotFound(f"no stored article {ref!r}")
    limit = _int_arg("limit", 200, 5000)
    payload = state().conformance.get(
        (_store_version(), str(article), limit),
        lambda: {"ok": True, **validate_data(store, article=article, max_results=limit).as_dict()},
    )
    return jsonify(payload)


def _store_version() -> Hashable:
    """Changes whenever the store may have changed (cheap: no query over the data)."""
    current = state()
    store, pool = current.store, current.sparql.pool
    version = pool.store_version() if pool is not None else None
    return (version, store.count(), editor().etag())


# -- the page --------------------------------------------------------------------------------------


@bp.get("/ontology")
def page() -> Response:
    """The editor page: no build step, no third-party code, nothing loaded from elsewhere."""
    static = current_app.static_folder
    assert static is not None
    response = send_from_directory(static, "ontology.html", max_age=0)
    response.headers["Content-Security-Policy"] = (
        "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; "
        "frame-ancestors 'none'"
    )
    response.headers["X-Content-Type-Options"] = "nosniff"
    return response


__all__ = ["bp", "editor", "write"]
