"""The remote store: a SPARQL 1.1 server (Oxigraph server, Virtuoso, Fuseki, GraphDB, ...).

For graphs that outgrow one process. The store keeps the embedded store's contract
(tests/kg/test_store.py runs on both) while the server does the work: queries and
updates go through SPARQLWrapper, whole-graph writes through the Graph Store Protocol
when the server has one (one ``PUT`` per graph, which Oxigraph applies atomically),
and bound values travel as a ``VALUES`` block built by :mod:`kg.sparql`, never as
pasted text.

Servers differ in ways this module makes explicit rather than papering over:

* **Union default graph.** Queries must see every named graph as the default graph.
  Oxigraph server does so with ``--union-default-graph``; Virtuoso's default graph is
  already the union of all graphs (its own system graphs must be made private, see
  ``deploy/virtuoso/attache.sql``). A triple stated in two graphs then comes back
  twice: queries that count use ``DISTINCT``; the store does not deduplicate.
* **Partial answers are errors.** Virtuoso answers a query that ran out of time with
  whatever it had (HTTP 206, or 200 with an ``X-SQL-State`` header) and silently caps
  results at ``ResultSetMaxRows`` (announced by ``X-SPARQL-MaxRows``). Each of these
  raises :class:`~kg.errors.StoreError`: a partial answer is never returned as rows.
* **Down is not broken.** Connection refused, time-outs and 502/503/504 raise
  :class:`~kg.errors.StoreUnavailable` (the service answers 503). Every call opens its
  own connection, so the first call after the server is back simply works.
* **Other processes write too.** Several Attaché processes (replicas) may share one
  server. Once :meth:`RemoteStore.coordinate` is called (the service does, at start),
  every write this store makes ends by replacing a *write stamp* (one triple in
  :data:`~kg.vocab.REPLICA_GRAPH`, left out of counts, listings and exports, but seen
  by a query over every graph); :meth:`RemoteStore.refresh`, which the service calls
  before each request, reads it and counts a new ``generation`` when it changed, so
  that a process's caches (answers, names, counts) are dropped as soon as any replica
  has written, and kept for as long as nobody has. A store that was not asked to
  coordinate (a command-line ingest or import) stamps once, when it is closed. Writes
  made past Attaché do not touch the stamp; with ``stamp_ttl`` (``ATTACHE_SPARQL_STAMP_TTL``)
  ``refresh`` also counts a new generation every that many seconds, so they are seen
  within that time (at the price of dropping every cache that often).
* **Atomicity is the server's.** Oxigraph applies one request (an update with several
  operations, or a GSP ``PUT``) in one transaction. Virtuoso does not roll back a
  request that fails half-way; Attaché only sends it payloads it serialized itself, so
  the remaining risk is a server crash mid-write, which ``attache ingest --force``
  repairs. Nor is a Virtuoso query a snapshot (read committed): it can see part of a
  request another connection is committing, which :mod:`kg.store.lock` allows for.

Why one module of 800 lines: it is one class, :class:`RemoteStore`, implementing the
store protocol against one kind of server, and its parts (the HTTP exchange, partial-answer
checks, GSP writes, streamed dumps) share the connection and error handling above; the
helpers before the class are used only by it.
"""

from __future__ import annotations

import hashlib
import http.client
import itertools
import json
import logging
import re
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
import uuid
from collections.abc import Callable, Iterable, Iterator, Mapping
from typing import IO, Any

import pyoxigraph as ox
from rdflib import Graph, Literal, URIRef
from SPARQLWrapper import JSON, POST, TURTLE, XML, SPARQLWrapper

from kg.config import Config
from kg.errors import ConfigError, QueryError, StoreError, StoreUnavailable
from kg.sparql import bind, serialize
from kg.store.base import DUMP_FORMATS, Bindings, Capabilities, Rows
from kg.store.embedded import from_ox, keeps_terms, to_ox
from kg.store.kinds import store_kind
from kg.vocab import PREFIXES, REPLICA_GRAPH

log = logging.getLogger(__name__)

# A query longer than this (URL-encoded) is POSTed; shorter ones use GET, which
# proxies and server logs handle best.
MAX_GET_URL = 2000
# Rows per page when listing graphs or exporting: below Virtuoso's default
# ResultSetMaxRows (10000), so a default-configured Virtuoso never truncates a page.
PAGE_ROWS = 5000
# Graphs read by one export query (one UNION branch each), whatever their size.
PAGE_GRAPHS = 200
# Request bodies larger than this are sent with digest credentials computed from a
# challenge fetched first (see RemoteStore._open).
DIGEST_PROBE_BYTES = 16 * 1024
# Triples per INSERT DATA request when small graphs are imported together, and the
# size above which one graph written through SPARQL Update must be split: Virtuoso
# 7's SPARQL parser runs out of memory a little past 5000 triples in one INSERT DATA.
BATCH_TRIPLES = 2000

_RDF_ACCEPT = "application/n-triples, text/turtle;q=0.9"
_STAMP = URIRef(str(REPLICA_GRAPH) + "#writeStamp")
_DEADLOCK = re.compile(r"40001|deadlock", re.I)
DEADLOCK_RETRIES = 5
_XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"
_BNODE_ID = re.compile(r"^[A-Za-z0-9_]+$")


def _node_from_json(cell: Mapping[str, Any]) -> ox.NamedNode | ox.BlankNode | ox.Literal:
    """One SPARQL JSON results cell as a pyoxigraph term (validated on the way in)."""
    kind = cell.get("type")
    value = str(cell.get("value", ""))
    if kind == "uri":
        return ox.NamedNode(value)
    if kind == "bnode":
        # Servers name blank nodes freely (Virtuoso: "nodeID://b10001"); keep the
        # identity, not the spelling (the XML path drops the same prefix).
        value = value.removeprefix("nodeID://")
        if not _BNODE_ID.match(value):
            value = "b" + hashlib.sha1(value.encode("utf-8")).hexdigest()[:20]
        return ox.BlankNode(value)
    if kind in ("literal", "typed-literal"):
        lang = cell.get("xml:lang")
        if lang:
            return ox.Literal(value, language=str(lang))
        datatype = cell.get("datatype")
        if datatype and datatype != _XSD_STRING:
            return ox.Literal(value, datatype=ox.NamedNode(str(datatype)))
        return ox.Literal(value)
    raise StoreError(f"the server returned an unsupported term type {kind!r}")


def _runs_by_graph(quads: Iterable[ox.Quad]) -> Iterator[tuple[str | None, list[str]]]:
    """Consecutive quads of one graph as (graph IRI or None for the default graph, lines)."""
    for graph_name, run in itertools.groupby(quads, key=lambda q: q.graph_name):
        graph = None if isinstance(graph_name, ox.DefaultGraph) else str(graph_name.value)
        yield graph, [f"{q.subject} {q.predicate} {q.object} ." for q in run]


_SKIP = re.compile(r"\s+|#[^\n]*|PREFIX\s+[^\s:]*:\s*<[^>]*>|BASE\s*<[^>]*>", re.I)


def _prologue_end(query: str) -> tuple[int, set[str]]:
    """Where a query's prologue (comments, PREFIX, BASE) ends, and the prefixes it declares."""
    i, declared = 0, set()
    while m := _SKIP.match(query, i):
        prefix = re.match(r"PREFIX\s+([^\s:]*):", m.group(0), re.I)
        if prefix:
            declared.add(prefix.group(1))
        i = m.end()
    return i, declared


def query_form(query: str) -> str:
    """The form keyword a query starts with, past comments and PREFIX/BASE declarations."""
    i, _ = _prologue_end(query)
    word = re.match(r"[A-Za-z]+", query[i:])
    return word.group(0).upper() if word else ""


def with_prefixes(query: str) -> str:
    """``query`` with Attaché's prefixes declared, as the embedded store predeclares them.

    Only the prefixes the query does not declare itself, placed after its own
    prologue: Virtuoso refuses a BASE that follows a PREFIX.
    """
    at, declared = _prologue_end(query)
    extra = "".join(f"PREFIX {n}: <{iri}>\n" for n, iri in PREFIXES.items() if n not in declared)
    return query[:at] + extra + query[at:]


def _clean_message(body: bytes) -> str:
    """The useful line of a server's error page: no HTML, no echo of the query."""
    text = body.decode("utf-8", "replace")
    text = text.split("SPARQL query:", 1)[0]
    text = re.sub(r"<[^>]+>", " ", text)
    text = " ".join(text.split())
    return text[:300] or "no details"


def _sizes(rows: list[dict[str, Any]]) -> list[tuple[str, int]]:
    """(graph, count) pairs from SPARQL JSON rows of ?g and ?n, but for the replicas' graph
    (the write stamp and locks are no data: not listed, not exported)."""
    return [
        (str(r["g"]["value"]), int(r["n"]["value"]))
        for r in rows
        if r.get("g", {}).get("type") == "uri" and r["g"]["value"] != str(REPLICA_GRAPH)
    ]


class _Capped(StoreError):
    """The server cut a result at its row limit (a StoreError to every caller but one)."""


class _Request(SPARQLWrapper):
    """SPARQLWrapper for one request, sent by the store rather than by urllib's global opener.

    The form (SELECT, INSERT, ...) is given rather than guessed from the text, so a
    query SPARQLWrapper's regular expression misreads is still sent to the right
    endpoint; and the store's own opener carries the credentials, so no process-wide
    urllib opener is installed (SPARQLWrapper's digest support does that).
    """

    def __init__(
        self,
        query_url: str,
        update_url: str,
        form: str,
        send: Callable[[urllib.request.Request], http.client.HTTPResponse],
    ) -> None:
        self._form = form
        super().__init__(query_url, updateEndpoint=update_url, returnFormat=JSON)
        self._send = send
        self.setOnlyConneg(True)  # no format=/output= parameters: the Accept header says it

    def _parseQueryType(self, query: str) -> str | None:
        return self._form

    def _query(self) -> tuple[http.client.HTTPResponse, str]:
        return self._send(self._createRequest()), self.returnFormat


class _DigestAuth(urllib.request.HTTPDigestAuthHandler):
    """urllib's digest handler, also able to answer a challenge fetched before the request."""

    def authorize(self, request: urllib.request.Request, challenge: str) -> None:
        scheme, _, params = challenge.partition(" ")
        if scheme.lower() != "digest":
            return
        fields = urllib.request.parse_keqv_list(
            [p for p in urllib.request.parse_http_list(params) if p]
        )
        authorization = self.get_authorization(request, fields)
        if authorization:
            request.add_unredirected_header("Authorization", f"Digest {authorization}")


class RemoteStore:
    """A SPARQL 1.1 Query/Update server, with the Graph Store Protocol when given.

    ``query_url`` is required; ``update_url`` defaults to it; without ``gsp_url``
    graphs are written with SPARQL Update. ``timeout`` bounds each HTTP exchange on
    the client; ``server_timeout`` (seconds) is sent as Virtuoso's ``timeout``
    parameter so the server stops a runaway query itself (other servers ignore it;
    Oxigraph server takes its limit from ``--timeout-s``).
    """

    kind = "remote"
    # Whether a request is applied whole, and a conditional update atomically, depends on
    # the server (Oxigraph 0.5 applies a request whole but does not serialize a
    # conditional update with a concurrent one; Virtuoso does not roll back a half-failed
    # request, nor serialize conditional updates at its default isolation), which this
    # client cannot tell: it promises neither. No backups other
    # processes can open. Other processes may write the same server.
    capabilities = Capabilities(shared_writers=True, endpoint=True)

    def __init__(
        self,
        query_url: str,
        *,
        update_url: str = "",
        gsp_url: str = "",
        user: str = "",
        password: str = "",
        auth: str = "basic",
        timeout: float = 60.0,
        server_timeout: float | None = None,
        batch_triples: int = BATCH_TRIPLES,
        stamp_ttl: float = 0.0,
    ) -> None:
        if not query_url:
            raise ConfigError("ATTACHE_SPARQL_QUERY_URL is required for the remote store")
        if auth not in ("basic", "digest"):
            raise ConfigError(f"ATTACHE_SPARQL_AUTH={auth!r}: must be 'basic' or 'digest'")
        self.query_url = query_url
        self.update_url = update_url or query_url
        self.gsp_url = gsp_url
        self.timeout = timeout
        self.server_timeout = server_timeout
        self.batch_triples = batch_triples
        self._user = user
        self._password = password
        self._auth = auth
        self.generation = 0  # counts writes seen, this process's and others' (refresh)
        self.coordinated = False
        self.stamp_ttl = stamp_ttl
        self._stamp: str | None = None
        self._stamp_read = -1e18
        self._stamp_lock = threading.Lock()
        self._unstamped = False  # written while not coordinating: stamped at close()

    @classmethod
    def from_config(cls, config: Config) -> RemoteStore:
        """The store the ``ATTACHE_SPARQL_*`` settings describe."""
        if not config.sparql_query_url:
            raise ConfigError(
                "ATTACHE_SPARQL_QUERY_URL is required when ATTACHE_STORE=remote "
                "(the server's SPARQL query endpoint, e.g. http://127.0.0.1:7878/query)"
            )
        return cls(
            config.sparql_query_url,
            update_url=config.sparql_update_url,
            gsp_url=config.sparql_gsp_url,
            user=config.sparql_user,
            password=config.sparql_password,
            auth=config.sparql_auth,
            timeout=config.sparql_timeout,
            server_timeout=config.query_timeout,
            stamp_ttl=config.sparql_stamp_ttl,
        )

    def __repr__(self) -> str:
        return f"RemoteStore({self.query_url!r})"

    def endpoint(self) -> dict[str, Any]:
        """How a query worker reaches the server (:class:`kg.endpoint.worker.Endpoint`)."""
        return {
            "query_url": self.query_url,
            "user": self._user,
            "password": self._password,
            "auth": self._auth,
            "timeout": self.timeout,
        }

    # -- HTTP ------------------------------------------------------------------

    def _open(self, request: urllib.request.Request) -> http.client.HTTPResponse:
        """Send one request with a fresh opener (thread-safe; no state survives a failure).

        Basic credentials go with the first request. Digest needs the server's
        challenge first: urllib sends the whole body, reads the 401 and sends the body
        again, but a server that closes the connection right after its 401 (Virtuoso
        does) breaks the pipe under a large body. So a request with a large body first
        fetches the challenge with a HEAD request and goes out already authorized.
        """
        urls = [u for u in (self.query_url, self.update_url, self.gsp_url) if u]
        if not self._user:
            opener = urllib.request.build_opener()
        elif self._auth == "digest":
            digest_passwords = urllib.request.HTTPPasswordMgrWithDefaultRealm()
            for url in urls:
                digest_passwords.add_password(None, url, self._user, self._password)
            digest = _DigestAuth(digest_passwords)
            opener = urllib.request.build_opener(digest)
            if request.data is not None and len(request.data) > DIGEST_PROBE_BYTES:  # type: ignore[arg-type]
                challenge = self._challenge(request.full_url)
                if challenge:
                    digest.authorize(request, challenge)
        else:
            basic_passwords = urllib.request.HTTPPasswordMgrWithPriorAuth()
            for url in urls:
                basic_passwords.add_password(
                    None, url, self._user, self._password, is_authenticated=True
                )
            opener = urllib.request.build_opener(
                urllib.request.HTTPBasicAuthHandler(basic_passwords)
            )
        response: http.client.HTTPResponse = opener.open(request, timeout=self.timeout)
        return response

    def _challenge(self, url: str) -> str | None:
        """The ``WWW-Authenticate`` challenge an unauthenticated HEAD of ``url`` receives."""
        try:
            probe = urllib.request.Request(url, method="HEAD")
            with urllib.request.urlopen(probe, timeout=self.timeout) as response:
                response.read()
        except urllib.error.HTTPError as exc:
            exc.read()
            if exc.code == 401:
                return exc.headers.get("WWW-Authenticate")
        return None

    def _exchange(self, what: str, send: Callable[[], Any], *, query: bool) -> Any:
        """Run one HTTP exchange, turning every failure into a domain error."""
        try:
            return send()
        except urllib.error.HTTPError as exc:
            body = exc.read() if exc.fp is not None else b""
            message = _clean_message(body)
            if exc.code == 400 and query:
                raise QueryError(f"the SPARQL server rejected the {what}: {message}") from exc
            if exc.code in (401, 403):
                raise StoreError(
                    f"the SPARQL server refused the credentials for the {what} (HTTP {exc.code}); "
                    "check ATTACHE_SPARQL_USER, ATTACHE_SPARQL_PASSWORD and ATTACHE_SPARQL_AUTH"
                ) from exc
            if exc.code == 404:
                raise StoreError(
                    f"no SPARQL endpoint at {exc.url} (HTTP 404); check the ATTACHE_SPARQL_*_URL "
                    "settings"
                ) from exc
            if exc.code in (408, 429, 502, 503, 504):
                raise StoreUnavailable(
                    f"the SPARQL server is unavailable (HTTP {exc.code} for the {what}): {message}"
                ) from exc
            raise StoreError(
                f"the SPARQL server failed the {what} (HTTP {exc.code}): {message}"
            ) from exc
        except TimeoutError as exc:
            raise StoreUnavailable(
                f"the SPARQL server at {self.query_url} did not answer the {what} within "
                f"{self.timeout:g} s (ATTACHE_SPARQL_TIMEOUT)"
            ) from exc
        except urllib.error.URLError as exc:
            raise StoreUnavailable(
                f"cannot reach the SPARQL server at {self.query_url}: {exc.reason}; is it running?"
            ) from exc
        except (http.client.HTTPException, ConnectionError) as exc:
            raise StoreUnavailable(
                f"the SPARQL server at {self.query_url} dropped the connection during the {what}: "
                f"{exc!r}"
            ) from exc

    @staticmethod
    def _refuse_partial(response: http.client.HTTPResponse, what: str) -> None:
        """Raise when the server says the answer is incomplete (Virtuoso's anytime queries)."""
        state = response.headers.get("X-SQL-State")
        if response.status == 206 or state:
            detail = response.headers.get("X-SQL-Message") or f"HTTP {response.status}"
            raise StoreError(
                f"the SPARQL server returned a partial result for the {what} "
                f"(state {state or 'unknown'}: {detail.strip()[:200]}); refusing it. "
                "Narrow the query or raise the server's time limit (ATTACHE_QUERY_TIMEOUT)."
            )
        capped = response.headers.get("X-SPARQL-MaxRows")
        if capped:
            raise _Capped(
                f"the SPARQL server cut the result of the {what} at {capped} rows "
                "(Virtuoso ResultSetMaxRows); raise that limit or narrow the query"
            )

    def _run_query(self, text: str, form: str, results: str = JSON) -> bytes:
        """Send a query, return the body of a complete answer."""
        full = with_prefixes(text)
        request = _Request(self.query_url, self.update_url, form, self._open)
        request.setQuery(full)
        if self.server_timeout:
            request.addParameter("timeout", str(int(self.server_timeout * 1000)))
        if len(urllib.parse.quote_plus(full)) > MAX_GET_URL:
            request.setMethod(POST)
        request.setReturnFormat(results)
        if results == TURTLE:  # N-Triples preferred: the simplest to parse
            request.addCustomHttpHeader("Accept", _RDF_ACCEPT)

        def send() -> bytes:
            with request.query().response as response:
                self._refuse_partial(response, "query")
                return response.read()

        body: bytes = self._exchange("query", send, query=True)
        return body

    def _json(self, text: str, form: str) -> dict[str, Any]:
        body = self._run_query(text, form)
        try:
            document = json.loads(body)
        except ValueError as exc:
            raise StoreError(f"the SPARQL server sent a malformed JSON result: {exc}") from exc
        if not isinstance(document, dict):
            raise StoreError("the SPARQL server sent a malformed JSON result")
        return document

    # -- queries ---------------------------------------------------------------

    @staticmethod
    def _form_of(query: str, expected: tuple[str, ...]) -> str:
        # Checked here, not left to the server: Virtuoso runs an update, or a DEFINE
        # pragma that fetches the web, even when it arrives as a query.
        form = query_form(query)
        if form not in expected:
            raise QueryError(f"expected a {' or '.join(expected)} query, not {form}")
        return form

    def _select_raw(self, text: str) -> tuple[list[str], list[dict[str, Any]]]:
        document = self._json(text, "SELECT")
        head = document.get("head", {})
        results = document.get("results")
        if not isinstance(results, dict):
            raise QueryError("expected a SELECT query")
        return list(head.get("vars", [])), list(results.get("bindings", []))

    def select(self, query: str, bindings: Bindings | None = None) -> Rows:
        self._form_of(query, ("SELECT",))
        variables, raw = self._select_raw(bind(query, bindings))
        keep = keeps_terms(len(raw))
        rows = [
            {
                name: from_ox(_node_from_json(cell), keep=keep)
                for name, cell in row.items()
                if name in variables
            }
            for row in raw
        ]
        return Rows(variables, rows)

    def ask(self, query: str, bindings: Bindings | None = None) -> bool:
        self._form_of(query, ("ASK",))
        document = self._json(bind(query, bindings), "ASK")
        if "boolean" not in document:
            raise QueryError("expected an ASK query")
        return bool(document["boolean"])

    def construct(self, query: str, bindings: Bindings | None = None) -> Graph:
        form = self._form_of(query, ("CONSTRUCT", "DESCRIBE"))
        body = self._run_query(bind(query, bindings), form, TURTLE)
        graph = Graph()
        try:
            for quad in ox.parse(body, format=ox.RdfFormat.TURTLE):
                graph.add((from_ox(quad.subject), from_ox(quad.predicate), from_ox(quad.object)))
        except SyntaxError as exc:
            raise StoreError(f"the SPARQL server sent malformed RDF: {exc}") from exc
        return graph

    # -- writes ----------------------------------------------------------------

    # -- the write stamp: what other processes sharing the server have written ---------

    _STAMP_QUERY = "SELECT ?v WHERE { GRAPH ?g { ?g ?p ?v } }"

    def refresh(self) -> bool:
        """Read the write stamp; a new ``generation`` (True) when another process wrote,
        or, with a ``stamp_ttl``, when that many seconds have passed (writes made past
        Attaché). Otherwise what is kept per generation holds, however long."""
        rows = self.select(self._STAMP_QUERY, {"g": REPLICA_GRAPH, "p": _STAMP})
        stamp = str(rows.bindings[0]["v"]) if rows.bindings else ""
        now = time.monotonic()
        with self._stamp_lock:
            expired = self.stamp_ttl > 0 and now - self._stamp_read >= self.stamp_ttl
            if stamp == self._stamp and not expired:
                return False
            self._stamp, self._stamp_read = stamp, now
            self.generation += 1
            return True

    def coordinate(self) -> None:
        """Stamp every write from now on, for other processes sharing the server."""
        self.coordinated = True

    def _written(self) -> None:
        """After a write: a new stamp for the other processes, a new generation here."""
        if not self.coordinated:
            with self._stamp_lock:
                self.generation += 1
                self._unstamped = True
            return
        self._stamp_now()

    def _stamp_now(self) -> None:
        stamp = uuid.uuid4().hex
        graph, predicate = serialize(REPLICA_GRAPH), serialize(_STAMP)
        self.send_update(
            f"DELETE WHERE {{ GRAPH {graph} {{ {graph} {predicate} ?v }} }} ;\n"
            f"INSERT DATA {{ GRAPH {graph} {{ {graph} {predicate} {serialize(Literal(stamp))} }} }}"
        )
        with self._stamp_lock:
            self._stamp, self._stamp_read = stamp, time.monotonic()
            self.generation += 1

    def update(self, update: str) -> None:
        try:
            self.send_update(update)
        finally:  # a failed request may still have written part of its operations
            self._written()

    def send_update(self, update: str) -> None:
        """Send an update without stamping it (a lock's entries, the stamp itself).

        A request the server chose as a deadlock's victim (Virtuoso: SQL state 40001,
        when replicas write the same graph at once) was rolled back whole, so it is sent
        again, a few times.
        """
        for attempt in range(DEADLOCK_RETRIES + 1):
            request = _Request(self.query_url, self.update_url, "INSERT", self._open)
            request.setQuery(with_prefixes(update))
            request.setMethod(POST)

            def send(request: _Request = request) -> None:
                with request.query().response as response:
                    response.read()

            try:
                self._exchange("update", send, query=True)
                return
            except (StoreError, QueryError) as exc:
                if attempt == DEADLOCK_RETRIES or not _DEADLOCK.search(str(exc)):
                    raise
                time.sleep(0.01 * (attempt + 1))

    def _gsp(self, method: str, graph_iri: str, body: bytes) -> None:
        """One Graph Store Protocol request on one named graph."""
        url = f"{self.gsp_url}{'&' if '?' in self.gsp_url else '?'}" + urllib.parse.urlencode(
            {"graph": graph_iri}
        )
        request = urllib.request.Request(url, data=body, method=method)
        request.add_header("Content-Type", "application/n-triples")

        def send() -> None:
            with self._open(request) as response:
                response.read()

        try:
            self._exchange(f"graph store {method}", send, query=False)
        finally:
            self._written()

    def replace_graph(self, graph_iri: URIRef, graph: Graph) -> None:
        """Replace one named graph: a GSP ``PUT`` when configured, else one SPARQL Update.

        Without a Graph Store endpoint, a graph of more than ``batch_triples`` triples is
        written as ``DROP`` plus several ``INSERT DATA`` requests, and is then atomic only
        as far as the server makes it (readers may see it half-written meanwhile).
        """
        name = serialize(graph_iri)
        lines = [f"{to_ox(s)} {to_ox(p)} {to_ox(o)} ." for s, p, o in graph]  # type: ignore[arg-type]
        if self.gsp_url:
            self._gsp("PUT", str(graph_iri), ("\n".join(lines) + "\n").encode("utf-8"))
            return
        size = self.batch_triples
        chunks = [lines[i : i + size] for i in range(0, len(lines), size)] or [[]]
        first, rest = chunks[0], chunks[1:]
        self.update(
            f"DROP SILENT GRAPH {name} ;\nINSERT DATA {{ GRAPH {name} {{\n"
            + "\n".join(first)
            + "\n} }"
        )
        for chunk in rest:
            self.update(f"INSERT DATA {{ GRAPH {name} {{\n" + "\n".join(chunk) + "\n} }")

    def drop_graph(self, graph_iri: URIRef) -> bool:
        if not self.ask("ASK { GRAPH ?g { ?s ?p ?o } }", {"g": graph_iri}):
            return False
        # SILENT: Virtuoso refuses a plain DROP of a graph never CREATEd explicitly.
        self.update(f"DROP SILENT GRAPH {serialize(graph_iri)}")
        return True

    def graphs(self) -> list[URIRef]:
        return sorted(URIRef(g) for g, _ in self._graph_sizes())

    def count(self, graph_iri: URIRef | None = None) -> int:
        if graph_iri is None:  # every graph but the replicas' own (the stamp, locks)
            _, rows = self._select_raw("SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }")
            total = int(rows[0]["n"]["value"]) if rows else 0
            return total - self.count(REPLICA_GRAPH)
        else:
            _, rows = self._select_raw(
                f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH {serialize(graph_iri)} {{ ?s ?p ?o }} }}"
            )
        return int(rows[0]["n"]["value"]) if rows else 0

    def check_default_graph(self) -> None:
        """Refuse a server whose default graph does not show its named graphs.

        Attaché writes only named graphs and its questions read the default graph, so on
        such a server (Oxigraph started without ``--union-default-graph``) every question
        would come back empty, with no error. One triple of a named graph is looked for in
        the default graph; a server with no named graph yet has nothing to check.
        """
        rows = self.select(
            "SELECT ?s ?p ?o WHERE { GRAPH ?g { ?s ?p ?o } "
            "FILTER(!isBlank(?s) && !isBlank(?o)) } LIMIT 1"
        )
        if not rows.bindings:
            return
        if not self.ask("ASK { ?s ?p ?o }", dict(rows.bindings[0])):
            raise ConfigError(
                f"the SPARQL server at {self.query_url} does not show its named graphs in its "
                "default graph, so every question would come back empty: start Oxigraph "
                "server with --union-default-graph (Fuseki: tdb2:unionDefaultGraph true)"
            )

    # -- bulk ------------------------------------------------------------------

    def _graph_sizes(self) -> list[tuple[str, int]]:
        """(graph IRI, triples) for every named graph, in IRI order.

        One grouped scan when the server returns every row. A server that caps results
        (Virtuoso's ResultSetMaxRows, 10000 by default) is read a page at a time, each
        page following the last IRI seen rather than an OFFSET: Virtuoso also refuses
        to sort past 10000 rows (MaxSortedTopRows), so OFFSET paging would fail on a
        store of more than 10000 articles.
        """
        count = "SELECT ?g (COUNT(*) AS ?n) WHERE {{ GRAPH ?g {{ ?s ?p ?o }} {} }} GROUP BY ?g"
        try:
            _, rows = self._select_raw(count.format(""))
            return sorted(_sizes(rows))
        except _Capped:
            pass
        sizes: list[tuple[str, int]] = []
        after = ""
        while True:
            since = f"FILTER(STR(?g) > {serialize(Literal(after))})" if after else ""
            _, rows = self._select_raw(count.format(since) + f" ORDER BY STR(?g) LIMIT {PAGE_ROWS}")
            page = _sizes(rows)
            sizes.extend(page)
            if len(rows) < PAGE_ROWS or not page:
                return sizes
            after = page[-1][0]

    def _xml_solutions(self, text: str) -> list[ox.QuerySolution]:
        """A SELECT's rows as pyoxigraph solutions, from SPARQL XML results.

        The bulk path: Virtuoso writes XML results several times faster than JSON, and
        pyoxigraph parses (and validates) them natively. Virtuoso's blank node labels
        ("nodeID://b10001") are not valid labels and are shortened first.
        """
        body = self._run_query(text, "SELECT", XML)
        body = body.replace(b"<bnode>nodeID://", b"<bnode>")
        try:
            results = ox.parse_query_results(body, ox.QueryResultsFormat.XML)
        except SyntaxError as exc:
            raise StoreError(f"the SPARQL server sent malformed XML results: {exc}") from exc
        if not isinstance(results, ox.QuerySolutions):
            raise StoreError("the SPARQL server answered a SELECT with a boolean")
        return list(results)

    def _triples_of(self, graphs: list[str], expected: int) -> list[list[str]]:
        """The triples of a few graphs (at most ``PAGE_ROWS`` in all), one list per graph."""
        # One UNION branch per graph: Virtuoso answers a VALUES block of many graphs by
        # scanning (2-3 s a batch at 1M triples), a branch per graph through its graph
        # index (0.6 s); Oxigraph is as fast either way.
        branches = " UNION ".join(
            f"{{ VALUES ?g {{ {serialize(URIRef(g))} }} GRAPH ?g {{ ?s ?p ?o }} }}" for g in graphs
        )
        rows = self._xml_solutions(f"SELECT ?g ?s ?p ?o WHERE {{ {branches} }}")
        return self._check_and_group(graphs, rows, expected)

    def _check_and_group(
        self, graphs: list[str], rows: list[ox.QuerySolution], expected: int
    ) -> list[list[str]]:
        """Each graph's triples as N-Triples text (without the final dot), checked for number."""
        if len(rows) != expected:
            raise StoreError(
                f"export expected {expected} triples from {len(graphs)} graph(s) but the server "
                f"sent {len(rows)}: the store changed during the export, or the server caps "
                "results; retry when no one is writing"
            )
        by_graph: dict[str, list[str]] = {g: [] for g in graphs}
        if len(graphs) == 1:
            by_graph[graphs[0]] = [f"{r['s']} {r['p']} {r['o']}" for r in rows]
        else:
            for r in rows:
                by_graph[r["g"].value].append(f"{r['s']} {r['p']} {r['o']}")
        return [by_graph[g] for g in graphs]

    def _big_graph(self, graph: str, size: int) -> list[str]:
        """A graph larger than a batch, in one request checked against its size.

        Not paged: OFFSET paging needs a sort, which Virtuoso refuses past 10000 rows;
        a server that caps the answer is caught by the size check (or its header).
        """
        rows = self._xml_solutions(
            f"SELECT ?s ?p ?o WHERE {{ GRAPH {serialize(URIRef(graph))} {{ ?s ?p ?o }} }}"
        )
        return self._check_and_group([graph], rows, size)[0]

    def _graphs_with_triples(self) -> Iterator[tuple[str, list[str]]]:
        """Every named graph with its triples, a few graphs per request (streaming export)."""
        batch: list[str] = []
        batch_size = 0
        for graph, size in self._graph_sizes():
            if size > PAGE_ROWS:
                yield graph, self._big_graph(graph, size)
                continue
            if batch and (batch_size + size > PAGE_ROWS or len(batch) == PAGE_GRAPHS):
                yield from zip(batch, self._triples_of(batch, batch_size), strict=True)
                batch, batch_size = [], 0
            batch.append(graph)
            batch_size += size
        if batch:
            yield from zip(batch, self._triples_of(batch, batch_size), strict=True)

    def dump(self, out: IO[bytes], fmt: str = "trig") -> None:
        """Write every named graph, a few graphs at a time (memory stays flat)."""
        if fmt not in DUMP_FORMATS:
            raise StoreError(f"unknown dump format {fmt!r}; use one of {', '.join(DUMP_FORMATS)}")
        # TriG declares the prefixes for people who read it (the triples use full IRIs),
        # once the server has answered: a failed export writes nothing.
        header = "".join(f"@prefix {p}: <{ns}> .\n" for p, ns in PREFIXES.items()).encode()
        for graph, triples in self._graphs_with_triples():
            if fmt == "trig" and header:
                out.write(header)
                header = b""
            name = serialize(URIRef(graph))
            if fmt == "nquads":
                out.write("".join(f"{t} {name} .\n" for t in triples).encode("utf-8"))
            else:
                body = "".join(f"  {t} .\n" for t in triples)
                out.write(f"{name} {{\n{body}}}\n".encode())

    def load(self, data: IO[bytes] | bytes, fmt: str = "trig") -> None:
        """Add the quads of a TriG or N-Quads document, a graph at a time.

        Consecutive quads of one graph are written by one request (a graph is only
        split when it exceeds ``batch_triples`` and no Graph Store endpoint is set), and
        small graphs share a request: on a server that applies a request atomically
        (Oxigraph) every graph is either wholly imported or absent after a failure.
        """
        if fmt not in DUMP_FORMATS:
            raise StoreError(f"unknown load format {fmt!r}; use one of {', '.join(DUMP_FORMATS)}")
        formats = {"trig": ox.RdfFormat.TRIG, "nquads": ox.RdfFormat.N_QUADS}
        try:
            self.write_quads(ox.parse(data, format=formats[fmt]))
        except SyntaxError as exc:
            raise StoreError(f"cannot load: {exc}") from exc

    def write_quads(self, quads: Iterable[ox.Quad]) -> int:
        """Add quads grouped by graph (see :meth:`load`); returns how many were sent."""
        batch: list[tuple[str | None, list[str]]] = []
        batch_size = sent = 0
        for graph, lines in _runs_by_graph(quads):
            sent += len(lines)
            if len(lines) > self.batch_triples:
                if batch:
                    self._insert(batch)
                    batch, batch_size = [], 0
                self._write_big(graph, lines)
                continue
            if batch and batch_size + len(lines) > self.batch_triples:
                self._insert(batch)
                batch, batch_size = [], 0
            batch.append((graph, lines))
            batch_size += len(lines)
        if batch:
            self._insert(batch)
        return sent

    def _write_big(self, graph: str | None, lines: list[str]) -> None:
        """A graph too big to share a request: one GSP ``POST``, else split updates."""
        if self.gsp_url and graph is not None:
            self._gsp("POST", graph, ("\n".join(lines) + "\n").encode("utf-8"))
            return
        for i in range(0, len(lines), self.batch_triples):
            self._insert([(graph, lines[i : i + self.batch_triples])])

    def _insert(self, groups: list[tuple[str | None, list[str]]]) -> None:
        """One ``INSERT DATA`` holding several graphs: one request, one operation."""
        parts = []
        for graph, lines in groups:
            block = "\n".join(lines)
            parts.append(block if graph is None else f"GRAPH {ox.NamedNode(graph)} {{\n{block}\n}}")
        self.update("INSERT DATA {\n" + "\n".join(parts) + "\n}")

    def close(self) -> None:
        """Stamp what was written without coordinating (a command's ingest or import), so
        that services over the same server see it; there is nothing to release: every
        request opens and closes its own connection."""
        if self._unstamped:
            self._unstamped = False
            try:
                self._stamp_now()
            except StoreError as exc:  # the writes stand; services see them at the next stamp
                log.warning("could not stamp the writes made on %s: %s", self.query_url, exc)


@store_kind("remote", "A SPARQL 1.1 server (see the sparql_* settings).")
def open_remote(config: Config) -> RemoteStore:
    return RemoteStore.from_config(config)
