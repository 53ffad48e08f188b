"""Domain errors of Attaché.

Every failure a user can cause or meet has a class here with a stable ``code``;
``service/`` maps these to HTTP statuses and the CLI prints their message and exits
non-zero. Nothing outside ``kg`` needs to know which library raised the original
error.
"""

from __future__ import annotations


class KGError(Exception):
    """Base class: ``code`` is stable and machine-readable, the message is for people."""

    code = "error"

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class ConfigError(KGError):
    """A setting is missing or malformed."""

    code = "bad_config"


class ArticleError(KGError):
    """An article file or record cannot be read or parsed."""

    code = "bad_article"


class NotFound(KGError):
    """The thing asked for (an article, a term) is not in the store."""

    code = "not_found"


class QueryError(KGError):
    """A SPARQL query or update is malformed or refused."""

    code = "bad_query"


class StoreError(KGError):
    """The store failed or cannot be reached."""

    code = "store_error"


class StoreUnavailable(StoreError):
    """The store is locked by another process or a remote server does not answer."""

    code = "store_unavailable"


class OntologyError(KGError):
    """The ontology cannot be parsed or an edit would break it."""

    code = "bad_ontology"


class EditRefused(OntologyError):
    """An ontology edit would break the ontology (cycle, dangling reference, no label...)."""

    code = "edit_refused"


class TermInUse(EditRefused):
    """A term that data, other terms, the shapes or the code still use cannot simply go."""

    code = "term_in_use"


class StaleVersion(KGError):
    """The ontology changed since the version the writer read (its ETag is stale)."""

    code = "precondition_failed"


class RevertConflict(KGError):
    """A revision cannot be reverted because later revisions changed the same triples."""

    code = "revert_conflict"


class QuerySyntaxError(QueryError):
    """The query or update does not parse; the message names the line and column."""

    code = "syntax_error"


class QueryRefused(QueryError):
    """A query the public endpoint will not run (checked on its text, before any parser)."""

    code = "query_refused"


class QueryTooLarge(QueryRefused):
    """The query text is longer than the endpoint accepts."""

    code = "query_too_large"


class QueryTooDeep(QueryRefused):
    """Brackets nest deeper than the endpoint accepts (deep nesting crashes the engine)."""

    code = "query_too_deep"


class ForbiddenFeature(QueryRefused):
    """SERVICE, LOAD, FROM / FROM NAMED or a ``file:`` IRI: features that fetch data."""

    code = "forbidden_feature"


class QueryTooComplex(QueryError):
    """The query engine died evaluating the query (its worker process was lost)."""

    code = "query_too_complex"


class QueryTimeout(KGError):
    """The query ran past its deadline and was stopped."""

    code = "query_timeout"


class QueryBusy(StoreUnavailable):
    """Every query worker is busy; the client may retry shortly."""

    code = "busy"


class QueryMemory(QueryTooComplex):
    """The query needed more memory than a query worker may use (its worker was replaced)."""

    code = "query_memory"


class ClientBusy(QueryBusy):
    """This client already has as many queries running or waiting as one client may."""

    code = "too_many_queries"


class ProtectedGraph(QueryRefused):
    """An update would change a graph that only its own API may write (the ontology's)."""

    code = "protected_graph"
