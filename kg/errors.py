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
