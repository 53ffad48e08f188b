"""Articles while the service runs: ``/api/articles`` to add, list, read and remove them.

``POST /api/articles`` takes one article (a JSON record in the plain or news-please shape,
a ``multipart/form-data`` upload of a file ``attache ingest`` reads, or a text, Markdown or
HTML body) with the bearer token, reads it whole, extracts it and replaces its named graph
in one transaction: 201 for a new article, 200 for one already stored (``unchanged``) or
changed (``replaced``). Too large is a 413, an unknown type a 415, an unreadable article a
400 with the reason; none of them writes anything. Questions see the article at once: the
answerer's caches are keyed by the store's write generation, and the SPARQL workers are
told the store changed.
"""

from __future__ import annotations

import json
import tempfile
from collections.abc import Iterator

from flask import Blueprint, Response, jsonify, request, url_for
from werkzeug.datastructures import FileStorage

from kg.articles import Article
from kg.catalog import (
    article_detail,
    article_graph,
    article_ref,
    article_total,
    articles_page,
    extraction,
)
from kg.errors import ArticleError, NotFound
from kg.store.base import DUMP_FORMATS
from kg.uploads import (
    MEDIA_TYPES,
    ArticleTooLarge,
    ArticleWriter,
    UnsupportedArticleType,
    read_record,
    read_upload,
    suffix_of,
)
from service.auth import token_required
from service.state import state

bp = Blueprint("articles", __name__)

PAGE_SIZE = 50
MAX_PAGE_SIZE = 500


def writer() -> ArticleWriter:
    return state().articles


# The bearer token (ATTACHE_API_TOKEN) as for every write: 403 when none is set.
writes_need_token = token_required(
    "adding or removing articles needs Authorization: Bearer <token>"
)


def _href(ident: str) -> str:
    return url_for("articles.get_article", ident=ident)


# -- reading what was sent ---------------------------------------------------------------------


def _limit() -> int:
    return state().config.max_article_bytes


def _body_bytes() -> bytes:
    limit = _limit()
    if request.content_length is not None and request.content_length > limit:
        raise ArticleTooLarge(f"the article is {request.content_length} bytes; at most {limit}")
    raw = request.get_data(cache=False)
    if len(raw) > limit:
        raise ArticleTooLarge(f"the article is {len(raw)} bytes; at most {limit}")
    return raw


def _from_json() -> Article:
    raw = _body_bytes()
    try:
        record = json.loads(raw.decode("utf-8"))
    except UnicodeDecodeError as exc:
        raise ArticleError(f"the request body is not UTF-8 ({exc.reason})") from exc
    except json.JSONDecodeError as exc:
        raise ArticleError(
            f"the request body is not valid JSON ({exc.msg} at line {exc.lineno} "
            f"column {exc.colno})"
        ) from exc
    return read_record(record)


def _from_form() -> Article:
    upload: FileStorage | None = request.files.get("file")
    if upload is not None and upload.filename:
        limit = _limit()
        raw = upload.stream.read(limit + 1)
        return read_upload(
            raw, suffix=suffix_of(upload.filename), where=upload.filename, max_bytes=limit
        )
    fields = {k: v for k, v in request.form.items() if k in {"title", "text", "date", "url"}}
    if not fields.get("text", "").strip():
        raise ArticleError("the form has neither a file (field 'file') nor the article's text")
    if len(fields["text"].encode("utf-8")) > _limit():
        raise ArticleTooLarge(f"the article's text is longer than {_limit()} bytes")
    return read_record(fields, where="the form")


def read_article() -> Article:
    """The one article a request carries, by its media type."""
    mime = request.mimetype
    if mime == "application/json":
        return _from_json()
    if mime == "multipart/form-data":
        return _from_form()
    if mime in MEDIA_TYPES:
        return read_upload(
            _body_bytes(), suffix=MEDIA_TYPES[mime], where="the request body", max_bytes=_limit()
        )
    raise UnsupportedArticleType(
        "send one article as application/json ({title, text, date, url} or a news-please "
        "record), as multipart/form-data with a file, or as text/plain, text/markdown or "
        f"text/html (got {mime or 'no Content-Type'})"
    )


# -- routes --------------------------------------------------------------------------------


@bp.post("/api/articles")
@writes_need_token
def add_article() -> Response:
    """Read, extract and store one article; 201 when new, 200 when already stored."""
    article = read_article()
    stored = writer().store_article(article)
    store = state().store
    detail = article_detail(store, article_ref(store, stored.id))
    detail.pop("extraction")
    response = jsonify(
        {
            "ok": True,
            "outcome": stored.outcome,
            "article": {**detail, "href": _href(stored.id)},
            "extracted": extraction(store, article_ref(store, stored.id)),
        }
    )
    if stored.outcome == "new":
        response.status_code = 201
        response.headers["Location"] = _href(stored.id)
    return response


def _int_arg(name: str, default: int, low: int, high: int) -> int:
    raw = request.args.get(name)
    if raw is None or raw == "":
        return default
    # ASCII digits only ("²".isdigit() is true, and int() refuses it), and few of them.
    if not (raw.isascii() and raw.isdigit()) or len(raw) > 12 or not low <= int(raw) <= high:
        raise ArticleError(f"{name} must be a whole number from {low} to {high}")
    return int(raw)


@bp.get("/api/articles")
def list_articles() -> Response:
    """Stored articles, newest first: ``?limit=`` (at most 500) from ``?offset=``."""
    store = state().store
    limit = _int_arg("limit", PAGE_SIZE, 1, MAX_PAGE_SIZE)
    offset = _int_arg("offset", 0, 0, 10**9)
    total = article_total(store)
    items = [
        {**a, "href": _href(a["id"])} for a in articles_page(store, limit=limit, offset=offset)
    ]
    following = offset + limit
    return jsonify(
        {
            "ok": True,
            "total": total,
            "limit": limit,
            "offset": offset,
            "articles": items,
            "next": (
                url_for("articles.list_articles", limit=limit, offset=following)
                if following < total
                else None
            ),
        }
    )


def _wants_turtle() -> bool:
    fmt = request.args.get("format")
    if fmt:
        if fmt not in {"json", "turtle"}:
            raise ArticleError("format must be json or turtle")
        return fmt == "turtle"
    best = request.accept_mimetypes.best_match(["application/json", "text/turtle"])
    return best == "text/turtle"


@bp.get("/api/articles/<ident>")
def get_article(ident: str) -> Response:
    """One article's metadata and extraction as JSON, or its graph as Turtle."""
    store = state().store
    iri = article_ref(store, ident)
    if _wants_turtle():
        text = article_graph(store, iri).serialize(format="longturtle")
        response = Response(text, mimetype="text/turtle")
    else:
        response = jsonify(
            {"ok": True, "article": {**article_detail(store, iri), "href": _href(ident)}}
        )
    response.headers["Vary"] = "Accept"
    return response


@bp.get("/api/export")
@writes_need_token
def export() -> Response:
    """The whole store as TriG or N-Quads (``?format=``): `attache export` while serving."""
    fmt = request.args.get("format", "trig")
    if fmt not in DUMP_FORMATS:
        raise ArticleError(f"format must be one of {', '.join(DUMP_FORMATS)}")
    spool = tempfile.SpooledTemporaryFile(max_size=16 * 1024 * 1024)  # noqa: SIM115 (closed by the stream)
    state().store.dump(spool, fmt)
    spool.seek(0)

    def stream() -> Iterator[bytes]:
        try:
            while chunk := spool.read(1 << 16):
                yield chunk
        finally:
            spool.close()

    media = {"trig": "application/trig", "nquads": "application/n-quads"}[fmt]
    response = Response(stream(), mimetype=media)
    response.headers["Content-Disposition"] = f"attachment; filename=attache.{fmt}"
    return response


@bp.delete("/api/articles/<ident>")
@writes_need_token
def delete_article(ident: str) -> Response:
    """Remove one article's graph (its facts go with it)."""
    current = writer()
    iri = article_ref(current.store, ident)
    with current.lock:
        try:
            removed = current.store.drop_graph(iri)
        finally:
            if current.after_write is not None:
                current.after_write()
    if not removed:
        raise NotFound(f"no stored article {ident!r}")
    return jsonify({"ok": True, "removed": {"id": ident, "iri": str(iri)}})
