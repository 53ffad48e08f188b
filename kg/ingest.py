"""Ingestion: read article files, extract each changed article, replace its graph.

The I/O edge of the pipeline. An article whose content hash and extractor version
match what is stored is skipped (re-ingesting is idempotent and cheap); a changed
one is re-extracted and its named graph replaced in one transaction; a file that
cannot be read, or an article whose extraction fails, is reported and the batch goes on.
"""

from __future__ import annotations

import datetime as dt
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from rdflib import Graph, URIRef
from spacy.tokens import Doc
from tqdm import tqdm

from kg.articles import Article, expand_paths, read_file
from kg.errors import ArticleError
from kg.events.triggers import Triggers, triggers_from_statements
from kg.extract import Pipeline, extractor_version
from kg.ontology import ensure_ontology
from kg.ontology.bundle import stored_trigger_statements
from kg.rdf import article_iri
from kg.store.base import Store


@dataclass
class Summary:
    """What a batch did; printed at the end of `attache ingest`."""

    articles: int = 0
    new: int = 0
    replaced: int = 0
    unchanged: int = 0
    failed: int = 0
    triples: int = 0
    seconds: float = 0.0
    errors: list[str] = field(default_factory=list)

    def line(self) -> str:
        return (
            f"{self.articles} article{'' if self.articles == 1 else 's'}: {self.new} new, "
            f"{self.replaced} replaced, "
            f"{self.unchanged} unchanged, {self.failed} failed; "
            f"{self.triples} triples written in {self.seconds:.1f} s"
        )


_STORED = """
SELECT ?hash ?version WHERE {
  GRAPH ?g { ?a dd:contentHash ?hash ; dd:extractorVersion ?version }
}"""


def stored_state(store: Store, graph: URIRef) -> tuple[str, str] | None:
    """(content hash, extractor version) of a stored article, None when absent."""
    rows = store.select(_STORED, {"g": graph, "a": graph})
    if not rows.bindings:
        return None
    row = rows.bindings[0]
    return str(row["hash"]), str(row["version"])


def store_triggers(store: Store) -> Triggers:
    """The trigger words the store's ontology states (``dd:triggerLemma`` and its
    sub-properties ``dd:triggerVerb``, ``dd:triggerNoun``)."""
    return triggers_from_statements(stored_trigger_statements(store))


def _plan(
    store: Store, article: Article, summary: Summary, force: bool, version: str
) -> tuple[bool, tuple[str, str] | None]:
    """Whether ``article`` needs extraction, and what is stored for it now."""
    state = stored_state(store, article_iri(article))
    summary.articles += 1
    if not force and state == (article.content_hash, version):
        summary.unchanged += 1
        return False, state
    return True, state


def _write(
    store: Store, article: Article, state: tuple[str, str] | None, graph: Graph, summary: Summary
) -> tuple[str, int]:
    """Replace the article's graph in one transaction and count what happened."""
    store.replace_graph(article_iri(article), graph)
    summary.triples += len(graph)
    if state is None:
        summary.new += 1
        return "new", len(graph)
    summary.replaced += 1
    return "replaced", len(graph)


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC).replace(microsecond=0)


def ingest_article(
    store: Store,
    article: Article,
    pipeline: Callable[[], Pipeline],
    summary: Summary,
    *,
    force: bool = False,
) -> tuple[str, int]:
    """Store one article's graph unless an identical extraction is already there.

    Returns what happened ("new", "replaced" or "unchanged") and the triples written.
    """
    stated = store_triggers(store)
    needed, state = _plan(store, article, summary, force, extractor_version(stated))
    if not needed:
        return "unchanged", 0
    extractor = pipeline()
    extractor.use_triggers(stated)  # the store's ontology says what triggers each kind
    return _write(store, article, state, extractor.extract(article, _now()), summary)


class LazyPipeline:
    """Builds the spaCy pipeline on first use: a batch of unchanged articles never loads it."""

    def __init__(self, factory: Callable[[], Pipeline] = Pipeline) -> None:
        self._factory = factory
        self._pipeline: Pipeline | None = None

    def __call__(self) -> Pipeline:
        if self._pipeline is None:
            self._pipeline = self._factory()
        return self._pipeline


def _articles(files: Iterable[Path], fail: Callable[[str], None]) -> Iterator[tuple[Path, Article]]:
    for path in files:
        for item in read_file(path):
            if isinstance(item, ArticleError):
                fail(item.message)
            else:
                yield path, item


_WORKER_PIPELINE: Pipeline | None = None


def _init_worker(model: str, triggers: Triggers) -> None:
    global _WORKER_PIPELINE
    _WORKER_PIPELINE = Pipeline(model=model, triggers=triggers)


def _extract_in_worker(job: tuple[Article, dt.datetime]) -> Graph | str:
    """The article's graph, or why extraction failed (one article must not end the batch)."""
    assert _WORKER_PIPELINE is not None
    article, when = job
    try:
        return _WORKER_PIPELINE.extract(article, when)
    except Exception as exc:
        return _failure(article, exc)


def _failure(article: Article, exc: BaseException) -> str:
    return f"{article.source or article.title or 'article'}: extraction failed ({exc!r:.300})"


def ingest_paths(
    store: Store,
    paths: Iterable[Path],
    *,
    pipeline: Callable[[], Pipeline] | None = None,
    force: bool = False,
    progress: bool | None = None,
    jobs: int = 1,
    model: str = "",
    on_error: Callable[[str], None] | None = None,
    on_article: Callable[[str, str, int], None] | None = None,
) -> Summary:
    """Ingest files and folders; errors are collected (and reported via ``on_error``).

    ``jobs > 1`` extracts in that many worker processes (each loads its own spaCy
    pipeline) while this process alone writes to the store, one article graph per
    transaction as in the sequential path. ``on_article(source, outcome, triples)`` is
    called after each article is stored.
    """
    started = time.perf_counter()
    summary = Summary()
    get_pipeline = pipeline or LazyPipeline(lambda: Pipeline(model=model))
    ensure_ontology(store)
    files, missing = expand_paths(paths)

    def fail(message: str) -> None:
        summary.failed += 1
        summary.errors.append(message)
        if on_error:
            on_error(message)

    def done(source: str, outcome: str, triples: int) -> None:
        bar.update(1)
        if on_article:
            on_article(source, outcome, triples)

    for error in missing:
        fail(error.message)
    bar = tqdm(
        total=len(files),
        unit="file",
        disable=None if progress is None else not progress,
        leave=False,
        dynamic_ncols=True,
    )
    if jobs <= 1:
        _ingest_sequential(
            store, _articles(files, fail), summary, get_pipeline, force, done, fail=fail
        )
    else:
        _ingest_parallel(
            store,
            _articles(files, fail),
            summary,
            force=force,
            jobs=jobs,
            model=model,
            done=done,
            fail=fail,
        )
    bar.close()
    summary.seconds = time.perf_counter() - started
    return summary


def _ingest_sequential(
    store: Store,
    articles: Iterable[tuple[Path, Article]],
    summary: Summary,
    pipeline: Callable[[], Pipeline],
    force: bool,
    done: Callable[[str, str, int], None],
    batch: int = 16,
    *,
    fail: Callable[[str], None],
) -> None:
    """Parse changed articles in batches (spaCy's ``pipe``), write each as it is extracted.

    When a batch fails to parse, its articles are parsed one by one, so only the article
    at fault is reported as failed.
    """
    pending: list[tuple[Article, tuple[str, str] | None]] = []
    stated = store_triggers(store)
    version = extractor_version(stated)

    def flush() -> None:
        if not pending:
            return
        pipeline().use_triggers(stated)  # the store's ontology says what triggers each kind
        try:
            docs: list[Doc | None] = list(pipeline().parse([a.text for a, _ in pending]))
        except Exception:
            docs = [None] * len(pending)
        for (article, state), doc in zip(pending, docs, strict=True):
            try:
                graph = pipeline().extract(article, _now(), doc=doc)
            except Exception as exc:
                fail(_failure(article, exc))
                continue
            done(article.source or "", *_write(store, article, state, graph, summary))
        pending.clear()

    for path, article in articles:
        needed, state = _plan(store, article, summary, force, version)
        if not needed:
            done(article.source or str(path), "unchanged", 0)
            continue
        pending.append((article, state))
        if len(pending) >= batch:
            flush()
    flush()


def _ingest_parallel(
    store: Store,
    articles: Iterable[tuple[Path, Article]],
    summary: Summary,
    *,
    force: bool,
    jobs: int,
    model: str,
    done: Callable[[str, str, int], None],
    fail: Callable[[str], None],
) -> None:
    """Extraction in a process pool, writes here; results arrive in input order."""
    import multiprocessing

    work: list[tuple[Article, tuple[str, str] | None]] = []
    stated = dict(store_triggers(store))
    version = extractor_version(stated)
    for path, article in articles:
        needed, state = _plan(store, article, summary, force, version)
        if needed:
            work.append((article, state))
        else:
            done(article.source or str(path), "unchanged", 0)
    if not work:
        return
    context = multiprocessing.get_context("spawn")  # no store handles inherited by workers
    with context.Pool(
        min(jobs, len(work)), initializer=_init_worker, initargs=(model, stated)
    ) as pool:
        results = pool.imap(_extract_in_worker, [(a, _now()) for a, _ in work], chunksize=4)
        for (article, state), graph in zip(work, results, strict=True):
            if isinstance(graph, str):
                fail(graph)
                continue
            done(article.source or "", *_write(store, article, state, graph, summary))
