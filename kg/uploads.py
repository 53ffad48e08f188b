"""One article sent while the service runs: read it, then store it whole or not at all.

An upload is one article, in a format ``attache ingest`` reads (a registry of readers by
file suffix, the media types mapped onto them) or as a JSON record in the plain or the
news-please shape. It is read completely before anything is written, and its graph is
written in one transaction (:meth:`Store.replace_graph`), so a refused or failed upload
leaves the store as it was. The same article again is left unchanged; a changed one (same
URL, new text) replaces the old graph whole.

Extraction (:mod:`kg.ingest`, :mod:`kg.extract`) is imported when the first article is
written, not with this module: it brings in spaCy, about 50 MB of every serving process
that imports it, and most serving processes never write (issue #13).
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from kg.articles import READERS, Article, from_record
from kg.errors import ArticleError
from kg.rdf import article_iri
from kg.store.base import Store

if TYPE_CHECKING:
    from kg.extract import Pipeline


class UnsupportedArticleType(ArticleError):
    """The upload is in a format no reader takes."""

    code = "unsupported_media_type"


class ArticleTooLarge(ArticleError):
    """The upload is larger than ``ATTACHE_MAX_ARTICLE_BYTES``."""

    code = "too_large"


MEDIA_TYPES: dict[str, str] = {
    "text/plain": ".txt",
    "text/markdown": ".md",
    "text/x-markdown": ".md",
    "text/html": ".html",
    "application/json": ".json",
    "application/x-ndjson": ".jsonl",
    "application/jsonl": ".jsonl",
}
"""The reader a request body's media type selects."""


def suffix_of(filename: str) -> str:
    dot = filename.rfind(".")
    return filename[dot:].lower() if dot > 0 else ""


def read_upload(raw: bytes, *, suffix: str, where: str, max_bytes: int) -> Article:
    """Exactly one article from the bytes of an upload, or the reason it cannot be read."""
    if len(raw) > max_bytes:
        raise ArticleTooLarge(f"{where} is {len(raw)} bytes; the most accepted is {max_bytes}")
    reader = READERS.get(suffix)
    if reader is None:
        known = ", ".join(sorted(READERS))
        raise UnsupportedArticleType(
            f"{where}: cannot read {suffix or 'a file without a suffix'} (send one of {known})"
        )
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise ArticleError(f"{where} is not UTF-8 text ({exc.reason} at byte {exc.start})") from exc
    items = list(reader(text, where))
    for item in items:
        if isinstance(item, ArticleError):
            raise item
    if len(items) != 1:
        raise ArticleError(
            f"{where} holds {len(items)} articles; send one per request "
            "(or use `attache ingest` for a batch)"
        )
    article = items[0]
    assert isinstance(article, Article)
    return article


def read_record(record: Any, *, where: str = "the request body") -> Article:
    """One article from a JSON record (plain ``{title, text, date, url}`` or news-please)."""
    if isinstance(record, list):
        raise ArticleError(f"{where} is a list; send one article (a JSON object) per request")
    return from_record(record, where)


@dataclass(frozen=True)
class Stored:
    """What storing one article did."""

    id: str
    iri: str
    outcome: str  # "new", "replaced" or "unchanged"
    triples: int


class ArticleWriter:
    """Stores uploaded articles one at a time with one lazily loaded pipeline.

    The lock serializes extraction (the spaCy pipeline is not shared between threads)
    and writes; ``after_write`` runs once a write committed (the service tells its query
    workers the store changed).
    """

    def __init__(
        self,
        store: Store,
        *,
        model: str = "",
        pipeline: Callable[[], Pipeline] | None = None,
        lock: threading.Lock | None = None,
        after_write: Callable[[], None] | None = None,
    ) -> None:
        self.store = store
        self.pipeline = pipeline or _first_use(model)
        self.lock = lock or threading.Lock()
        self.after_write = after_write

    def store_article(self, article: Article) -> Stored:
        from kg.ingest import Summary, ingest_article

        iri = article_iri(article)
        with self.lock:
            try:
                outcome, _ = ingest_article(self.store, article, self.pipeline, Summary())
            finally:
                if self.after_write is not None:
                    self.after_write()
        return Stored(id=article.key, iri=str(iri), outcome=outcome, triples=self.store.count(iri))


def _first_use(model: str) -> Callable[[], Pipeline]:
    """The spaCy pipeline of ``model``, imported and built when first called."""
    built: list[Pipeline] = []

    def pipeline() -> Pipeline:
        if not built:
            from kg.extract import Pipeline

            built.append(Pipeline(model=model))
        return built[0]

    return pipeline
