"""``attache ingest``, ``articles``, ``remove`` and ``extract``: articles in and out of the store.

Each goes through the running service's HTTP API when ``attache serve`` holds the store,
and opens the store itself otherwise. Extraction (:mod:`kg.ingest`) is imported by the
commands that extract: it brings in spaCy, which ``attache serve`` (this same program)
must not hold until an article is written.
"""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING

import click

from kg.catalog import find_article, list_articles, pluralize
from kg.cli.base import echo, main, service_of, store_of
from kg.client import ServiceClient, ServiceError
from kg.config import Config
from kg.errors import NotFound

if TYPE_CHECKING:
    from kg.ingest import Summary


@main.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--force", is_flag=True, help="Re-extract even unchanged articles.")
@click.option(
    "--progress/--no-progress",
    default=None,
    help="Show a progress bar (default: when stderr is a terminal).",
)
@click.option("-v", "--verbose", is_flag=True, help="Print one line per article as it is stored.")
@click.option(
    "-j",
    "--jobs",
    type=click.IntRange(0),
    default=1,
    show_default=True,
    help="Extraction processes; 0 means one per CPU core.",
)
@click.pass_obj
def ingest(
    config: Config,
    paths: tuple[Path, ...],
    force: bool,
    progress: bool | None,
    verbose: bool,
    jobs: int,
) -> None:
    """Read article files and folders (recursively) into the store.

    Formats: .txt/.md (optional YAML front matter: title, date, url), .html,
    .json/.jsonl (news-please or plain records). Unreadable files are reported and
    skipped; the exit status is then 1. While `attache serve` holds the store, the
    articles are sent to it (POST /api/articles) one at a time.
    """
    service = service_of(config)
    if service is not None:
        if force:
            raise ServiceError("--force needs the store itself: stop the service first")
        summary = _ingest_through(service, paths, verbose)
        click.echo(summary.line())
        if summary.failed:
            sys.exit(1)
        return
    from kg.ingest import ingest_paths

    with store_of(config) as store:
        summary = ingest_paths(
            store,
            paths,
            force=force,
            progress=progress,
            jobs=jobs or (os.cpu_count() or 1),
            model=config.spacy_model,
            on_error=lambda message: echo(f"error: {message}", err=True),
            on_article=(
                (lambda source, outcome, n: echo(f"{outcome:<9} {n:>6}  {source}"))
                if verbose
                else None
            ),
        )
    click.echo(summary.line())
    if summary.failed:
        sys.exit(1)


def _ingest_through(service: ServiceClient, paths: tuple[Path, ...], verbose: bool) -> Summary:
    """Send each article to the running service; unreadable files are reported and skipped."""
    import time

    from kg.articles import expand_paths, read_file
    from kg.errors import ArticleError
    from kg.ingest import Summary

    started = time.perf_counter()
    summary = Summary()

    def fail(message: str) -> None:
        summary.failed += 1
        summary.errors.append(message)
        click.echo(f"error: {message}", err=True)

    files, missing = expand_paths(paths)
    for error in missing:
        fail(error.message)
    for path in files:
        for item in read_file(path):
            if isinstance(item, ArticleError):
                fail(item.message)
                continue
            summary.articles += 1
            try:
                answer = service.add_article(item)
            except ServiceError as exc:
                if exc.status in (0, 401, 403):
                    raise  # the service cannot be reached or will take nothing: stop here
                fail(f"{item.source}: {exc.message}")
                continue
            outcome = str(answer["outcome"])
            triples = int(answer["article"]["triples"]) if outcome != "unchanged" else 0
            setattr(summary, outcome, getattr(summary, outcome) + 1)
            summary.triples += triples
            if verbose:
                click.echo(f"{outcome:<9} {triples:>6}  {item.source}")
    summary.seconds = time.perf_counter() - started
    return summary


@main.command()
@click.option("--json", "as_json", is_flag=True, help="Print JSON instead of a table.")
@click.pass_obj
def articles(config: Config, as_json: bool) -> None:
    """List stored articles (id, date, triples, title)."""
    service = service_of(config)
    if service is not None:
        items = [{k: str(v) for k, v in a.items() if k != "href"} for a in service.articles()]
    else:
        with store_of(config) as store:
            items = list_articles(store)
    if as_json:
        click.echo(json.dumps(items, indent=2, ensure_ascii=False))
        return
    for item in items:
        echo(f"{item['id']}  {item['date'] or '----------'}  {item['triples']:>5}  {item['title']}")
    click.echo(pluralize(len(items), "article"), err=True)


@main.command()
@click.argument("ref")
@click.pass_obj
def remove(config: Config, ref: str) -> None:
    """Remove one article's graph (REF: its id, IRI or source URL)."""
    service = service_of(config)
    if service is not None:
        found = [a for a in service.articles() if ref in (a["id"], a["iri"], a["url"])]
        if not found:
            raise NotFound(f"no stored article {ref!r} (see `attache articles`)")
        service.remove_article(found[0]["id"])
        click.echo(f"removed {found[0]['iri']}")
        return
    with store_of(config) as store:
        graph = find_article(store, ref)
        if graph is None:
            raise NotFound(f"no stored article {ref!r} (see `attache articles`)")
        store.drop_graph(graph)
    click.echo(f"removed {graph}")


@main.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(exists=True, path_type=Path))
@click.option(
    "--format", "fmt", type=click.Choice(["table", "turtle"]), default="table", show_default=True
)
@click.option(
    "--unmatched",
    is_flag=True,
    help="Over every article in PATHS (files or folders), list the clauses that join two "
    "known entities but make no event, counted by verb: what extraction does not read yet.",
)
@click.option("--top", default=40, show_default=True, help="With --unmatched: verbs listed.")
@click.pass_obj
def extract(config: Config, paths: tuple[Path, ...], fmt: str, unmatched: bool, top: int) -> None:
    """Show what extraction makes of an article file, without storing anything.

    With --unmatched, read many articles and list what no kind of event claims.
    """
    if unmatched:
        _unmatched(config, paths, top)
        return
    import datetime as dt

    from kg.articles import Article, read_file
    from kg.errors import ArticleError
    from kg.extract import Pipeline
    from kg.inspect import render_table

    if len(paths) != 1 or paths[0].is_dir():
        raise click.UsageError("give one article file (or use --unmatched for many)")
    items = list(read_file(paths[0]))
    errors = [i for i in items if isinstance(i, ArticleError)]
    if errors:
        raise errors[0]
    pipeline = Pipeline(model=config.spacy_model)
    for article in items:
        assert isinstance(article, Article)
        graph = pipeline.extract(article, dt.datetime.now(dt.UTC).replace(microsecond=0))
        if fmt == "turtle":
            click.echo(graph.serialize(format="longturtle"))
        else:
            echo(f"# {article.title or article.source}")
            for line in render_table(graph):
                echo(line)


def _unmatched(config: Config, paths: tuple[Path, ...], top: int) -> None:
    import datetime as dt

    from kg.articles import Article, expand_paths, read_file
    from kg.extract import Pipeline
    from kg.unmatched import Unmatched, find_unmatched

    files, problems = expand_paths(paths)
    for problem in problems:
        click.echo(f"error: {problem.message}", err=True)
    pipeline = Pipeline(model=config.spacy_model)
    found = Unmatched()
    read = 0
    now = dt.datetime.now(dt.UTC).replace(microsecond=0)
    for file in files:
        for item in read_file(file):
            if not isinstance(item, Article):
                click.echo(f"error: {item.message}", err=True)
                continue
            doc = next(pipeline.parse([item.text]))
            find_unmatched(doc, pipeline.extract(item, now, doc=doc), found)
            read += 1
    click.echo(f"{pluralize(read, 'article')}: {sum(found.counts.values())} unclaimed frames")
    for line in found.lines(top):
        echo(line)
