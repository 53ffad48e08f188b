"""The one JSON error shape, produced by one function for every failure.

``{"ok": false, "status": 404, "code": "not_found", "error": "human sentence"}``.
Domain errors from ``kg`` are mapped to statuses here; anything unexpected is
logged with its traceback and answered as a 500 without it.
"""

from __future__ import annotations

import logging

from flask import Flask, Response, jsonify
from werkzeug.exceptions import HTTPException

from kg import errors as kg_errors
from kg import uploads

log = logging.getLogger(__name__)


class Unsupported(kg_errors.KGError):
    """What this store cannot do over HTTP (no query workers for it): answered 501."""

    code = "not_implemented"


STATUS_OF: dict[type[kg_errors.KGError], int] = {
    kg_errors.NotFound: 404,
    kg_errors.QueryError: 400,
    kg_errors.ArticleError: 400,
    uploads.ArticleTooLarge: 413,
    uploads.UnsupportedArticleType: 415,
    kg_errors.OntologyError: 400,
    kg_errors.EditRefused: 422,
    kg_errors.TermInUse: 409,
    kg_errors.StaleVersion: 412,
    kg_errors.RevertConflict: 409,
    kg_errors.ConfigError: 500,
    kg_errors.StoreUnavailable: 503,
    kg_errors.ClientBusy: 429,
    kg_errors.ProtectedGraph: 403,
    kg_errors.QueryTimeout: 504,
    kg_errors.StoreError: 500,
}

_HTTP_CODES = {
    400: "bad_request",
    401: "unauthorized",
    403: "forbidden",
    404: "not_found",
    405: "method_not_allowed",
    406: "not_acceptable",
    408: "timeout",
    409: "conflict",
    412: "precondition_failed",
    413: "too_large",
    415: "unsupported_media_type",
    422: "unprocessable",
    428: "precondition_required",
    429: "too_many_requests",
    500: "internal_error",
    501: "not_implemented",
    503: "unavailable",
    504: "timeout",
}


def error_response(status: int, code: str, message: str) -> Response:
    """The one error shape; every error path ends here."""
    response = jsonify({"ok": False, "status": status, "code": code, "error": message})
    response.status_code = status
    return response


def status_for(exc: kg_errors.KGError) -> int:
    for cls in type(exc).__mro__:
        if cls in STATUS_OF:
            return STATUS_OF[cls]
    return 500


def init_app(app: Flask) -> None:
    @app.errorhandler(kg_errors.KGError)
    def _domain(exc: kg_errors.KGError) -> Response:
        status = status_for(exc)
        if status >= 500:
            log.error("%s: %s", exc.code, exc.message)
        return error_response(status, exc.code, exc.message)

    @app.errorhandler(HTTPException)
    def _http(exc: HTTPException) -> Response:
        status = exc.code or 500
        response = error_response(
            status, _HTTP_CODES.get(status, "http_error"), exc.description or exc.name
        )
        if status == 405 and exc.get_response().headers.get("Allow"):
            response.headers["Allow"] = exc.get_response().headers["Allow"]
        return response

    @app.errorhandler(Exception)
    def _unexpected(exc: Exception) -> Response:
        log.exception("unhandled error")
        return error_response(500, "internal_error", "internal error; see the server log")
