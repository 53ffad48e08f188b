"""The SPARQL surface: ``/sparql`` (SPARQL 1.1 Protocol, read-only) and ``/sparql/update``.

``/sparql`` speaks the standard protocol so that SPARQLWrapper, YASGUI, Jena or curl
work unchanged: GET with ``query=``, POST form-encoded or ``application/sparql-query``,
the dataset from ``default-graph-uri``/``named-graph-uri`` (by default, the union of
every article graph and the ontology graph), results in the format the client
accepts, a service description on a GET without a query, and CORS open for reads.

It is safe to expose. Query text is checked before any parser sees it
(:mod:`kg.sparql.guard`: size, nesting, no SERVICE/LOAD/FROM/``file:``); queries run in
worker processes under a deadline that kills them (:mod:`kg.endpoint.pool`), never in
this process; answers are cut at ``max_rows``, which the ``X-Attache-Truncated``
header (and a ``truncated`` member in SPARQL JSON) says. Writes go to
``/sparql/update`` with ``Authorization: Bearer $ATTACHE_API_TOKEN``; without a
configured token, writes over HTTP are off. Every error is the one JSON shape.
"""

from __future__ import annotations

import atexit
import threading
import time
from collections.abc import Callable, Iterable

from flask import Blueprint, Flask, Response, current_app, jsonify, redirect, request
from rdflib import BNode, Graph, Literal, Namespace, URIRef
from rdflib.namespace import DCTERMS, RDF
from werkzeug.datastructures import MultiDict

from kg.config import Config
from kg.endpoint.pool import Answer, NotAcceptable, QueryPool, QueryTask, snapshots_for
from kg.errors import KGError, QueryBusy, QueryError, StoreError
from kg.ontology.history import HISTORY_GRAPH
from kg.sparql.guard import check_query, check_update, with_using
from kg.store import Store
from kg.vocab import ONTOLOGY_GRAPH, PREFIXES, REPLICA_GRAPH
from service.auth import refusal
from service.errors import Unsupported, error_response, status_for
from service.state import SparqlState, state, state_of
from service.vocabulary import vocabulary

bp = Blueprint("sparql", __name__)

SD = Namespace("http://www.w3.org/ns/sparql-service-description#")
FORMATS = Namespace("http://www.w3.org/ns/formats/")

# format name -> (media type sent, media types accepted for it, W3C formats IRI)
RESULT_TYPES: dict[str, tuple[str, tuple[str, ...], str]] = {
    "json": (
        "application/sparql-results+json",
        ("application/sparql-results+json", "application/json"),
        "SPARQL_Results_JSON",
    ),
    "xml": (
        "application/sparql-results+xml",
        ("application/sparql-results+xml", "application/xml", "text/xml"),
        "SPARQL_Results_XML",
    ),
    "csv": ("text/csv; charset=utf-8", ("text/csv",), "SPARQL_Results_CSV"),
    "tsv": (
        "text/tab-separated-values; charset=utf-8",
        ("text/tab-separated-values",),
        "SPARQL_Results_TSV",
    ),
}
GRAPH_TYPES: dict[str, tuple[str, tuple[str, ...], str]] = {
    "turtle": (
        "text/turtle; charset=utf-8",
        ("text/turtle", "application/turtle", "application/x-turtle"),
        "Turtle",
    ),
    "ntriples": ("application/n-triples", ("application/n-triples", "text/plain"), "N-Triples"),
    "jsonld": ("application/ld+json", ("application/ld+json", "application/json"), "JSON-LD"),
    "rdfxml": ("application/rdf+xml", ("application/rdf+xml", "application/xml"), "RDF_XML"),
    "trig": ("application/trig", ("application/trig",), "TriG"),
    "nquads": ("application/n-quads", ("application/n-quads",), "N-Quads"),
    "n3": ("text/n3; charset=utf-8", ("text/n3", "text/rdf+n3"), "N3"),
}
# Short names for the non-standard ``format=`` parameter (download links cannot set Accept).
FORMAT_ALIASES = {
    "json": "json",
    "srj": "json",
    "xml": "xml",
    "srx": "xml",
    "csv": "csv",
    "tsv": "tsv",
    "ttl": "turtle",
    "turtle": "turtle",
    "nt": "ntriples",
    "ntriples": "ntriples",
    "jsonld": "jsonld",
    "json-ld": "jsonld",
    "rdf": "rdfxml",
    "rdfxml": "rdfxml",
    "trig": "trig",
    "nq": "nquads",
    "nquads": "nquads",
    "n3": "n3",
}
FORM_TYPES = {"select": RESULT_TYPES, "ask": RESULT_TYPES, "graph": GRAPH_TYPES}
EXPOSED = "X-Attache-Truncated, X-Attache-Rows, X-Attache-Row-Limit, Server-Timing"


def open_queries(config: Config, store: Store) -> SparqlState:
    """The query workers for ``store`` (not started yet), or why there can be none."""
    try:
        snapshots = snapshots_for(store, (config.data / "sparql-snapshots").resolve())
        return SparqlState(
            QueryPool(
                snapshots,
                size=config.query_workers,
                timeout=config.query_timeout,
                max_rows=config.max_rows,
                memory_mb=config.query_memory_mb,
                per_client=config.client_queries,
            )
        )
    except StoreError as exc:
        return SparqlState(None, exc.message)


def init_app(app: Flask) -> None:
    """Register the SPARQL blueprint and start the query workers (not while testing)."""
    pool = state_of(app).sparql.pool
    if pool is not None:
        atexit.register(pool.close)
        if not app.testing:
            pool.start()
    app.register_blueprint(bp)


def pool() -> QueryPool:
    """The query pool, or a 501 when the store is one the workers cannot read."""
    return state().sparql.require_pool()


def store_changed(app: Flask | None = None) -> None:
    """Tell the query workers the store changed (every writer in the service calls this)."""
    state_of(app or current_app).sparql.store_changed()


class ProtocolError(Exception):
    """A request that breaks the SPARQL Protocol: answered with its status in the JSON shape."""

    def __init__(self, status: int, code: str, message: str) -> None:
        super().__init__(message)
        self.status, self.code, self.message = status, code, message


@bp.errorhandler(ProtocolError)
def _protocol_error(exc: ProtocolError) -> Response:
    return _cors(error_response(exc.status, exc.code, exc.message))


@bp.errorhandler(KGError)
def _kg_error(exc: KGError) -> Response:
    if isinstance(exc, Unsupported):
        return error_response(501, exc.code, exc.message)
    if isinstance(exc, NotAcceptable):
        return _cors(error_response(406, exc.code, exc.message))
    response = error_response(status_for(exc), exc.code, exc.message)
    if isinstance(exc, QueryBusy):  # 429 too_many_queries and 503 busy: worth a retry soon
        response.headers["Retry-After"] = "2"
    return _cors(response)


def _cors(response: Response) -> Response:
    if request.path == "/sparql" or request.path.startswith("/sparql/prefixes"):
        response.headers["Access-Control-Allow-Origin"] = "*"
        response.headers["Access-Control-Expose-Headers"] = EXPOSED
    return response


@bp.after_request
def _after(response: Response) -> Response:
    if request.method == "OPTIONS" and request.path == "/sparql":
        response.headers["Access-Control-Allow-Methods"] = "GET, POST, OPTIONS"
        response.headers["Access-Control-Allow-Headers"] = "Content-Type, Accept"
        response.headers["Access-Control-Max-Age"] = "86400"
    return _cors(response)


# -- reading requests --------------------------------------------------------------------


def _body_text() -> str:
    """A direct POST body as text: UTF-8 only, as the protocol requires."""
    charset = request.mimetype_params.get("charset", "utf-8").lower()
    if charset not in {"utf-8", "utf8"}:
        raise ProtocolError(415, "unsupported_media_type", f"the body must be UTF-8, not {charset}")
    try:
        return request.get_data(cache=True).decode("utf-8")
    except UnicodeDecodeError as exc:
        raise ProtocolError(400, "bad_request", "the body is not valid UTF-8") from exc


def _single(params: MultiDict[str, str], name: str) -> str | None:
    values = params.getlist(name)
    if len(values) > 1:
        raise ProtocolError(400, "bad_request", f"give one {name} parameter, not {len(values)}")
    return values[0] if values else None


def _graphs(params: MultiDict[str, str], name: str) -> list[str]:
    return [g for g in params.getlist(name) if g]


def negotiate() -> dict[str, str | None]:
    """For each query form, the format to answer in (None: nothing the client accepts)."""
    chosen: dict[str, str | None] = {}
    asked = request.values.get("format")
    if asked is not None:
        name = FORMAT_ALIASES.get(asked.lower())
        if name is None:
            raise ProtocolError(
                400,
                "bad_request",
                f"unknown format {asked!r}; use one of {', '.join(FORMAT_ALIASES)}",
            )
        for form, types in FORM_TYPES.items():
            chosen[form] = name if name in types else None
        if name == "json":
            chosen["graph"] = "jsonld"
        return chosen
    accept = request.accept_mimetypes
    for form, types in FORM_TYPES.items():
        if not accept:
            chosen[form] = next(iter(types))
            continue
        offers = [(mime, name) for name, (_, mimes, _) in types.items() for mime in mimes]
        best = accept.best_match([mime for mime, _ in offers])
        chosen[form] = next((name for mime, name in offers if mime == best), None)
    return chosen


def _answer(answer: Answer) -> Response:
    types = FORM_TYPES[answer.form]
    response = Response(answer.body, content_type=types[answer.format][0])
    response.headers["X-Attache-Rows"] = str(answer.count)
    response.headers["X-Attache-Truncated"] = "true" if answer.truncated else "false"
    response.headers["X-Attache-Row-Limit"] = str(pool().max_rows)
    response.headers["Server-Timing"] = f"query;dur={answer.elapsed * 1000:.1f}"
    response.headers["Vary"] = "Accept"
    response.headers["Cache-Control"] = "no-store"
    return response


# -- /sparql -------------------------------------------------------------------------------


@bp.route("/sparql", methods=["GET", "POST"])
def query() -> Response:
    """Run one query (SPARQL 1.1 Protocol) or describe the service."""
    params: MultiDict[str, str] = MultiDict(request.args)
    text: str | None
    if request.method == "POST":
        mime = request.mimetype
        if mime == "application/x-www-form-urlencoded":
            for key, value in request.form.items(multi=True):
                params.add(key, value)
            if "update" in params:
                raise ProtocolError(
                    400, "bad_request", "updates go to /sparql/update; this endpoint only queries"
                )
            text = _single(params, "query")
            if text is None:
                raise ProtocolError(400, "bad_request", "the form has no query parameter")
        elif mime == "application/sparql-query":
            if "query" in params:
                raise ProtocolError(
                    400, "bad_request", "give the query in the body or in query=, not both"
                )
            text = _body_text()
        elif mime == "application/sparql-update":
            raise ProtocolError(
                415,
                "unsupported_media_type",
                "updates go to /sparql/update; this endpoint only queries",
            )
        else:
            raise ProtocolError(
                415,
                "unsupported_media_type",
                "POST a query as application/sparql-query or as an "
                "application/x-www-form-urlencoded form with query=",
            )
    else:
        if "update" in params:
            raise ProtocolError(
                400, "bad_request", "updates are POSTed to /sparql/update, never sent with GET"
            )
        text = _single(params, "query")
        if text is None:
            return service_description()
    config = state().config
    check_query(text, max_bytes=config.max_query_bytes)
    default_graphs = _graphs(params, "default-graph-uri")
    named_graphs = _graphs(params, "named-graph-uri")
    dataset_given = bool(default_graphs or named_graphs)
    task = QueryTask(
        query=text,
        formats=negotiate(),
        base_iri=request.base_url,
        prefixes=dict(PREFIXES),
        default_graphs=default_graphs if dataset_given else None,
        named_graphs=named_graphs if dataset_given else None,
        client=request.remote_addr or "unknown",
    )
    return _answer(pool().query(task))


def service_description() -> Response:
    """The SPARQL 1.1 Service Description of this endpoint, or the console for browsers."""
    accept = request.accept_mimetypes
    offers = [mime for _, mimes, _ in GRAPH_TYPES.values() for mime in mimes]
    if accept and accept.best_match(["text/html", *offers]) == "text/html":
        return redirect("/console", code=303)  # type: ignore[return-value]
    endpoint = URIRef(request.base_url)
    graph = Graph()
    graph.bind("sd", SD)
    graph.bind("formats", FORMATS)
    graph.bind("dcterms", DCTERMS)
    service = BNode()
    graph.add((service, RDF.type, SD.Service))
    graph.add((service, SD.endpoint, endpoint))
    graph.add((service, SD.supportedLanguage, SD.SPARQL11Query))
    graph.add((service, SD.feature, SD.UnionDefaultGraph))
    graph.add((service, SD.feature, SD.EmptyGraphs))
    graph.add((service, DCTERMS.title, Literal("Attaché SPARQL endpoint (read-only)")))
    graph.add(
        (
            service,
            DCTERMS.description,
            Literal(
                "Defense-diplomacy news as RDF. The default graph is the union of every "
                "article graph and the ontology graph; choose graphs with default-graph-uri "
                "and named-graph-uri. SERVICE, LOAD, FROM and file: IRIs are refused; "
                f"answers are cut at {state().config.max_rows} rows. Updates: POST to "
                "/sparql/update with a bearer token."
            ),
        )
    )
    for _, _, iri in [*RESULT_TYPES.values(), *GRAPH_TYPES.values()]:
        graph.add((service, SD.resultFormat, FORMATS[iri]))
    dataset = BNode()
    graph.add((service, SD.defaultDataset, dataset))
    graph.add((dataset, RDF.type, SD.Dataset))
    default = BNode()
    graph.add((dataset, SD.defaultGraph, default))
    graph.add((default, RDF.type, SD.Graph))
    for name_iri in _named_graphs():
        named = BNode()
        graph.add((dataset, SD.namedGraph, named))
        graph.add((named, RDF.type, SD.NamedGraph))
        graph.add((named, SD.name, name_iri))
    update = BNode()
    graph.add((update, RDF.type, SD.Service))
    graph.add((update, SD.endpoint, URIRef(request.base_url.rstrip("/") + "/update")))
    graph.add((update, SD.supportedLanguage, SD.SPARQL11Update))
    fmt = "turtle"
    if accept:
        best = accept.best_match(offers)
        fmt = next((n for n, (_, mimes, _) in GRAPH_TYPES.items() if best in mimes), "")
        if not fmt:
            raise NotAcceptable("the service description is available as " + ", ".join(offers))
    rdflib_format = {
        "turtle": "turtle",
        "ntriples": "nt",
        "jsonld": "json-ld",
        "rdfxml": "xml",
        "trig": "trig",
        "nquads": "nquads",
        "n3": "n3",
    }[fmt]
    body = graph.serialize(format=rdflib_format)
    return Response(body, content_type=GRAPH_TYPES[fmt][0])


def _named_graphs() -> Iterable[URIRef]:
    try:
        return state().store.graphs()
    except KGError:
        return [ONTOLOGY_GRAPH]


# -- /sparql/update ------------------------------------------------------------------------


@bp.post("/sparql/update")
def update() -> Response:
    """Run one SPARQL Update (authenticated) in one transaction."""
    refused = refusal("updates need an Authorization: Bearer <token> header")
    if refused is not None:
        return refused
    params: MultiDict[str, str] = MultiDict(request.args)
    mime = request.mimetype
    if mime == "application/x-www-form-urlencoded":
        for key, value in request.form.items(multi=True):
            params.add(key, value)
        text = _single(params, "update")
        if text is None:
            raise ProtocolError(400, "bad_request", "the form has no update parameter")
    elif mime == "application/sparql-update":
        if "update" in params:
            raise ProtocolError(400, "bad_request", "give the update in the body or in update=")
        text = _body_text()
    else:
        raise ProtocolError(
            415,
            "unsupported_media_type",
            "POST an update as application/sparql-update or as an "
            "application/x-www-form-urlencoded form with update=",
        )
    config = state().config
    check_update(text, max_bytes=config.max_query_bytes)
    text = with_using(
        text, _graphs(params, "using-graph-uri"), _graphs(params, "using-named-graph-uri")
    )
    base = request.base_url
    workers = pool()
    editor = state().editor
    started = time.monotonic()
    # The ontology editor's lock too: what the rehearsal saw of the ontology graph is
    # what the update meets, and no edit interleaves with it.
    with state().sparql.update_lock, editor.lock:
        workers.rehearse_update(
            text,
            base_iri=base,
            prefixes=dict(PREFIXES),
            protected=[str(ONTOLOGY_GRAPH), str(HISTORY_GRAPH), str(REPLICA_GRAPH)],
            timeout=config.query_timeout,
        )
        try:
            store, statement = state().store, f"BASE {_iri(base)}\n{text}"
            _on_big_stack(lambda: store.update(statement))
        except (RuntimeError, ValueError) as exc:  # e.g. DROP GRAPH of a graph not there
            raise QueryError(f"the update failed: {exc}") from exc
        finally:
            workers.invalidate()
    elapsed_ms = round((time.monotonic() - started) * 1000, 1)
    return jsonify({"ok": True, "elapsed_ms": elapsed_ms})


UPDATE_STACK = 256 * 1024 * 1024


def _on_big_stack(run: Callable[[], None]) -> None:
    """Run ``run`` in a thread with a stack far larger than a worker's main thread has.

    The rehearsal ran the update in a worker's main thread (8 MiB of stack), so the
    real run, on the same data with 32 times the stack, cannot overflow where it did not.
    """
    failure: list[BaseException] = []

    def target() -> None:
        try:
            run()
        except BaseException as exc:
            failure.append(exc)

    with _STACK_LOCK:
        previous = threading.stack_size(UPDATE_STACK)
        try:
            thread = threading.Thread(target=target, name="sparql-update")
            thread.start()
        finally:
            threading.stack_size(previous)
    thread.join()
    if failure:
        raise failure[0]


_STACK_LOCK = threading.Lock()


def _iri(value: str) -> str:
    import pyoxigraph as ox

    try:
        return str(ox.NamedNode(value))
    except ValueError as exc:  # pragma: no cover - Werkzeug builds the base URL
        raise QueryError(f"invalid base IRI {value!r}") from exc


# -- prefixes and vocabulary, for clients and the console ---------------------------------


@bp.get("/sparql/prefixes")
def prefixes() -> Response:
    """Prefixes the endpoint declares for every query, and the ontology's terms."""
    return _cors(jsonify(vocabulary()))
