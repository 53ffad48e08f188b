"""The HTTP API described as OpenAPI 3.1, served at ``/api/openapi.json``.

The description is data, kept beside the code it describes; a test checks it against
the app's real routes (every ``/api/*`` and ``/sparql*`` route and method is described,
nothing else is) and fuzzes the service from it with Schemathesis: no request it
generates may get a 5xx, and every error must be the one JSON error shape.
"""

from __future__ import annotations

from typing import Any

from flask import Blueprint, Response, jsonify

from kg import __version__

bp = Blueprint("openapi", __name__)

ERROR = {"$ref": "#/components/responses/Error"}
JSON_OBJECT = {"type": "object"}
TEXT = {"type": "string"}
BEARER: list[dict[str, list[str]]] = [{"bearer": []}]
IF_MATCH = {
    "name": "If-Match",
    "in": "header",
    "required": True,
    "description": "The ETag of the ontology the writer last read (428 without, 412 if stale).",
    "schema": TEXT,
}
USER = {
    "name": "X-Attache-User",
    "in": "header",
    "required": False,
    "description": "Recorded as the revision's author.",
    "schema": TEXT,
}
REF = {
    "name": "ref",
    "in": "path",
    "required": True,
    "description": "A term: prefixed name (dd:Deal) or full IRI.",
    "schema": TEXT,
}
IDENT = {
    "name": "ident",
    "in": "path",
    "required": True,
    "description": "An article's or entity's id (as listed), or its IRI.",
    "schema": TEXT,
}
NUMBER = {"name": "number", "in": "path", "required": True, "schema": {"type": "integer"}}
GRAPHS = {"type": "array", "items": TEXT}


def _json(description: str, schema: dict[str, Any] | None = None) -> dict[str, Any]:
    return {
        "description": description,
        "content": {"application/json": {"schema": schema or JSON_OBJECT}},
    }


def _query(name: str, description: str, schema: dict[str, Any] | None = None) -> dict[str, Any]:
    return {
        "name": name,
        "in": "query",
        "required": False,
        "description": description,
        "schema": schema or TEXT,
    }


def _op(summary: str, ok: dict[str, Any], *, status: str = "200", **extra: Any) -> dict[str, Any]:
    """One operation: its success, and the error shape for every 4xx and 5xx."""
    return {"summary": summary, **extra, "responses": {status: ok, "4XX": ERROR, "5XX": ERROR}}


def _write(summary: str, body: dict[str, Any] | None, **extra: Any) -> dict[str, Any]:
    """An ontology write: bearer token, If-Match, optional author and JSON body."""
    op = _op(
        summary,
        _json("The change, the new ETag and the revision recorded."),
        security=BEARER,
        parameters=[*extra.pop("parameters", []), IF_MATCH, USER],
        **extra,
    )
    if body is not None:
        op["requestBody"] = {
            "required": False,
            "content": {"application/json": {"schema": body}},
        }
    return op


TERM_FIELDS: dict[str, Any] = {
    "kind": TEXT,
    "labels": {},
    "alt_labels": {},
    "comments": {},
    "parents": {},
    "domain": {},
    "range": {},
    "message": TEXT,
}
TERM_EDIT: dict[str, Any] = {"type": "object", "properties": TERM_FIELDS}
SPARQL_RESULTS = {
    "description": "Results in the negotiated format (SPARQL JSON, XML, CSV, TSV; RDF for "
    "CONSTRUCT/DESCRIBE), or the service description when no query is given.",
    "content": {"*/*": {"schema": {}}},
}
SPARQL_QUERY_PARAMETERS = [
    _query("query", "The SPARQL query (SELECT, ASK, CONSTRUCT or DESCRIBE)."),
    _query("default-graph-uri", "Graphs making up the default graph.", GRAPHS),
    _query("named-graph-uri", "Graphs available as named graphs.", GRAPHS),
    _query("format", "Result format when Accept cannot be set (json, xml, csv, tsv, ttl...)."),
]


def document() -> dict[str, Any]:
    """The OpenAPI 3.1 description of ``/api/*`` and ``/sparql*``."""
    return {
        "openapi": "3.1.0",
        "info": {
            "title": "Attaché",
            "version": __version__,
            "description": "Questions over a knowledge graph of defense-diplomacy news, a "
            "SPARQL 1.1 endpoint and an ontology editor. Every error is "
            '{"ok": false, "status": N, "code": "...", "error": "..."}.',
        },
        "paths": {
            "/api/health": {
                "get": _op("Store kind, counts and ontology version.", _json("Health."))
            },
            "/api/openapi.json": {"get": _op("This document.", _json("OpenAPI 3.1."))},
            "/api/ask": {
                "get": _op(
                    "Answer a question, with the sentences behind each answer.",
                    _json("The answers, the reading and the SPARQL that ran."),
                    parameters=[
                        _query("q", "The question."),
                        _query("question", "The question (when q is not given)."),
                    ],
                ),
                "post": _op(
                    "Answer a question sent as JSON.",
                    _json("The answers, the reading and the SPARQL that ran."),
                    requestBody={
                        "required": True,
                        "content": {
                            "application/json": {
                                "schema": {
                                    "type": "object",
                                    "properties": {"question": TEXT},
                                    "required": ["question"],
                                }
                            }
                        },
                    },
                ),
            },
            "/sparql": {
                "get": _op(
                    "SPARQL 1.1 Protocol query (read-only), or the service description.",
                    SPARQL_RESULTS,
                    parameters=SPARQL_QUERY_PARAMETERS,
                ),
                "post": _op(
                    "SPARQL 1.1 Protocol query sent in the body.",
                    SPARQL_RESULTS,
                    requestBody={
                        "required": True,
                        "content": {
                            "application/x-www-form-urlencoded": {
                                "schema": {
                                    "type": "object",
                                    "properties": {
                                        "query": TEXT,
                                        "default-graph-uri": GRAPHS,
                                        "named-graph-uri": GRAPHS,
                                    },
                                    "required": ["query"],
                                }
                            },
                            "application/sparql-query": {"schema": TEXT},
                        },
                    },
                ),
            },
            "/sparql/update": {
                "post": _op(
                    "SPARQL 1.1 Update, rehearsed in a worker, applied in one transaction.",
                    _json("Applied."),
                    security=BEARER,
                    parameters=[
                        _query("using-graph-uri", "USING graphs.", GRAPHS),
                        _query("using-named-graph-uri", "USING NAMED graphs.", GRAPHS),
                    ],
                    requestBody={
                        "required": True,
                        "content": {
                            "application/x-www-form-urlencoded": {
                                "schema": {
                                    "type": "object",
                                    "properties": {"update": TEXT},
                                    "required": ["update"],
                                }
                            },
                            "application/sparql-update": {"schema": TEXT},
                        },
                    },
                )
            },
            "/sparql/prefixes": {
                "get": _op(
                    "Prefixes declared for every query, and the ontology's terms.",
                    _json("Prefixes and terms."),
                )
            },
            "/api/articles": {
                "get": _op(
                    "Stored articles, newest first, a page at a time.",
                    _json("Articles with their ids, titles, dates, URLs and triple counts."),
                    parameters=[
                        _query("limit", "At most this many (digits 0-9; at most 500)."),
                        _query("offset", "Skip this many (digits 0-9)."),
                    ],
                ),
                "post": {
                    **_op(
                        "Add an article while serving: a JSON record (plain or news-please), "
                        "a multipart file upload, or a text/Markdown/HTML body. The same "
                        "article again is 200 and unchanged; a changed one replaces the old.",
                        _json("The article (id, triples) and what was extracted."),
                        status="201",
                        security=BEARER,
                        requestBody={
                            "required": True,
                            "content": {
                                "application/json": {"schema": JSON_OBJECT},
                                "multipart/form-data": {
                                    "schema": {
                                        "type": "object",
                                        "properties": {
                                            "file": {"type": "string", "format": "binary"}
                                        },
                                    }
                                },
                                "text/plain": {"schema": TEXT},
                                "text/markdown": {"schema": TEXT},
                                "text/html": {"schema": TEXT},
                            },
                        },
                    ),
                },
            },
            "/api/articles/{ident}": {
                "parameters": [IDENT],
                "get": _op(
                    "One article: its metadata and extraction (JSON, or Turtle).",
                    {
                        "description": "The article as JSON, or its graph as Turtle.",
                        "content": {"*/*": {"schema": {}}},
                    },
                    parameters=[_query("format", "json or turtle.")],
                ),
                "delete": _op(
                    "Remove an article and everything extracted from it.",
                    _json("What was removed."),
                    security=BEARER,
                ),
            },
            "/api/export": {
                "get": _op(
                    "The whole store as TriG or N-Quads (`attache export` while serving).",
                    {"description": "The dump.", "content": {"*/*": {"schema": {}}}},
                    security=BEARER,
                    parameters=[_query("format", "trig or nquads.")],
                )
            },
            "/api/entities/{ident}": {
                "parameters": [IDENT],
                "get": _op(
                    "What the graph holds about one entity: facts by kind of event, the "
                    "articles that mention it, and a timeline.",
                    _json("The entity's facts, articles and timeline."),
                ),
            },
            "/api/ontology": {
                "get": _op(
                    "The stored ontology (Turtle, JSON-LD, N-Triples or a JSON tree).",
                    {
                        "description": "The ontology, with its ETag.",
                        "content": {"*/*": {"schema": {}}},
                    },
                    parameters=[
                        _query(
                            "format",
                            "turtle, jsonld, ntriples or tree.",
                            {"type": "string", "enum": ["turtle", "jsonld", "ntriples", "tree"]},
                        ),
                    ],
                ),
                "put": _write(
                    "Replace the whole ontology with a reviewed Turtle document.",
                    None,
                    parameters=[_query("message", "Why (kept in the revision).")],
                    requestBody={"required": True, "content": {"text/turtle": {"schema": TEXT}}},
                ),
            },
            "/api/ontology/terms": {
                "post": {
                    **_write(
                        "Create a term.",
                        {"type": "object", "properties": {**TERM_FIELDS, "id": TEXT, "iri": TEXT}},
                    ),
                    "responses": {"201": _json("The new term."), "4XX": ERROR, "5XX": ERROR},
                }
            },
            "/api/ontology/terms/{ref}": {
                "parameters": [REF],
                "get": _op("One term: labels, parents, domain, range.", _json("The term.")),
                "put": _write("Replace the given fields of a term.", TERM_EDIT),
                "patch": _write("Replace the given fields of a term.", TERM_EDIT),
                "delete": _write(
                    "Delete an unused term, or fold a used one into migrate_to.",
                    {"type": "object", "properties": {"migrate_to": TEXT, "message": TEXT}},
                    parameters=[_query("migrate_to", "The term to move uses to.")],
                ),
            },
            "/api/ontology/terms/{ref}/impact": {
                "parameters": [REF],
                "get": _op("How many triples and articles use the term.", _json("Counts.")),
            },
            "/api/ontology/terms/{ref}/instances": {
                "parameters": [REF],
                "get": _op(
                    "The instances of a class in the data, with article counts.",
                    _json("Instances (at most 500)."),
                ),
            },
            "/api/ontology/terms/{ref}/rename": {
                "parameters": [REF],
                "post": _write(
                    "Rename a term, migrating its data.",
                    {"type": "object", "properties": {"to": TEXT, "message": TEXT}},
                ),
            },
            "/api/ontology/terms/{ref}/merge": {
                "parameters": [REF],
                "post": _write(
                    "Merge a term into another, migrating its data.",
                    {"type": "object", "properties": {"into": TEXT, "message": TEXT}},
                ),
            },
            "/api/ontology/history": {
                "get": _op(
                    "Revisions, newest first.",
                    _json("Revisions."),
                    parameters=[
                        _query("limit", "At most this many (digits 0-9; at most 500)."),
                        _query("offset", "Skip this many (digits 0-9)."),
                    ],
                )
            },
            "/api/ontology/history/{number}": {
                "parameters": [NUMBER],
                "get": _op("One revision with its added and removed triples.", _json("Revision.")),
            },
            "/api/ontology/history/{number}/revert": {
                "parameters": [NUMBER],
                "post": _write(
                    "Undo a revision as a new revision.",
                    {"type": "object", "properties": {"message": TEXT}},
                ),
            },
            "/api/ontology/conformance": {
                "get": _op(
                    "The SHACL shapes run over the data (cached per store version).",
                    _json("Violations, each with its article."),
                    parameters=[
                        _query("article", "One article: id, IRI or source URL."),
                        _query("limit", "At most this many results (digits 0-9; at most 5000)."),
                    ],
                )
            },
        },
        "components": {
            "schemas": {
                "Error": {
                    "type": "object",
                    "properties": {
                        "ok": {"const": False},
                        "status": {"type": "integer", "minimum": 400, "maximum": 599},
                        "code": {"type": "string", "minLength": 1},
                        "error": {"type": "string", "minLength": 1},
                    },
                    "required": ["ok", "status", "code", "error"],
                    "additionalProperties": False,
                }
            },
            "responses": {
                "Error": {
                    "description": "The one error shape.",
                    "content": {
                        "application/json": {"schema": {"$ref": "#/components/schemas/Error"}}
                    },
                }
            },
            "securitySchemes": {
                "bearer": {
                    "type": "http",
                    "scheme": "bearer",
                    "description": "ATTACHE_API_TOKEN (at least 16 characters).",
                }
            },
        },
    }


@bp.get("/api/openapi.json")
def openapi() -> Response:
    """This API, described for clients, code generators and fuzzers."""
    return jsonify(document())
