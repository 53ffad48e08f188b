"""The ``attache`` command line: ingest, list and remove articles, query, serve.

Errors print one plain line on standard error and exit non-zero; results go to
standard output so they can be piped.
"""

from __future__ import annotations

import json
import logging
import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import click

from kg import __version__
from kg.config import Config, load_config
from kg.errors import KGError, NotFound
from kg.ingest import find_article, ingest_paths, list_articles
from kg.store import Store, open_store
from kg.store.base import DUMP_FORMATS


class AttacheGroup(click.Group):
    """Turns domain errors into one line on stderr and exit status 1."""

    def invoke(self, ctx: click.Context) -> object:
        try:
            return super().invoke(ctx)
        except KGError as exc:
            click.echo(f"error: {exc.message}", err=True)
            ctx.exit(1)


@click.group(cls=AttacheGroup)
@click.version_option(__version__, prog_name="attache")
@click.option(
    "--data",
    type=click.Path(path_type=Path),
    default=None,
    help="Data directory (default: $ATTACHE_DATA or ./data).",
)
@click.option(
    "--store",
    "store_kind",
    type=click.Choice(["embedded", "memory"]),
    default=None,
    help="Store backend (default: $ATTACHE_STORE or embedded).",
)
@click.pass_context
def main(ctx: click.Context, data: Path | None, store_kind: str | None) -> None:
    """Attaché: a knowledge graph of defense-diplomacy news that answers questions."""
    config = load_config(data=data, store=store_kind)
    logging.basicConfig(
        level=config.log_level.upper(), format="%(levelname)s %(name)s: %(message)s"
    )
    ctx.obj = config


@contextmanager
def store_of(config: Config) -> Iterator[Store]:
    store = open_store(config)
    try:
        yield store
    finally:
        store.close()


@main.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--force", is_flag=True, help="Re-extract even unchanged articles.")
@click.option(
    "--progress/--no-progress",
    default=None,
    help="Show a progress bar (default: when stderr is a terminal).",
)
@click.option("-v", "--verbose", is_flag=True, help="Print one line per article as it is stored.")
@click.option("-j", "--jobs", type=click.IntRange(0), default=1, show_default=True,
              help="Extraction processes; 0 means one per CPU core.")
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
    skipped; the exit status is then 1.
    """
    with store_of(config) as store:
        summary = ingest_paths(
            store,
            paths,
            force=force,
            progress=progress,
            jobs=jobs or (os.cpu_count() or 1),
            model=config.spacy_model,
            on_error=lambda message: click.echo(f"error: {message}", err=True),
            on_article=(
                (lambda source, outcome, n: click.echo(f"{outcome:<9} {n:>6}  {source}"))
                if verbose
                else None
            ),
        )
    click.echo(summary.line())
    if summary.failed:
        sys.exit(1)


@main.command()
@click.option("--json", "as_json", is_flag=True, help="Print JSON instead of a table.")
@click.pass_obj
def articles(config: Config, as_json: bool) -> None:
    """List stored articles (id, date, triples, title)."""
    with store_of(config) as store:
        items = list_articles(store)
    if as_json:
        click.echo(json.dumps(items, indent=2, ensure_ascii=False))
        return
    for item in items:
        click.echo(
            f"{item['id']}  {item['date'] or '----------'}  {item['triples']:>5}  {item['title']}"
        )
    click.echo(f"{len(items)} articles", err=True)


@main.command()
@click.argument("ref")
@click.pass_obj
def remove(config: Config, ref: str) -> None:
    """Remove one article's graph (REF: its id, IRI or source URL)."""
    with store_of(config) as store:
        graph = find_article(store, ref)
        if graph is None:
            raise NotFound(f"no stored article {ref!r} (see `attache articles`)")
        store.drop_graph(graph)
    click.echo(f"removed {graph}")


@main.command()
@click.argument("query", default="-")
@click.option("--format", "fmt", type=click.Choice(["table", "json", "tsv"]), default="table")
@click.pass_obj
def query(config: Config, query: str, fmt: str) -> None:
    """Run a SPARQL SELECT or ASK over the store (QUERY text, or - for stdin).

    The default graph is the union of all article graphs and the ontology; the
    prefixes dd:, res:, art:, rdfs:, skos:, prov:, schema:, dcterms: are predeclared.
    """
    text = sys.stdin.read() if query == "-" else query
    with store_of(config) as store:
        if text.lstrip().upper().startswith("ASK") or " ASK " in f" {text.upper()} ":
            click.echo("true" if store.ask(text) else "false")
            return
        rows = store.select(text)
    if fmt == "json":
        for row in rows:
            click.echo(json.dumps({k: str(v) for k, v in row.items()}, ensure_ascii=False))
        return
    sep = "\t" if fmt == "tsv" else "  "
    click.echo(sep.join(rows.variables))
    for row in rows:
        click.echo(sep.join(str(row.get(v, "")) for v in rows.variables))
    click.echo(f"{len(rows)} rows", err=True)


@main.command()
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--format", "fmt", type=click.Choice(["table", "turtle"]), default="table",
              show_default=True)
@click.pass_obj
def extract(config: Config, file: Path, fmt: str) -> None:
    """Show what extraction makes of one article file, without storing anything."""
    import datetime as dt

    from kg.articles import Article, read_file
    from kg.errors import ArticleError
    from kg.extract import Pipeline
    from kg.inspect import render_table

    items = list(read_file(file))
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
            click.echo(f"# {article.title or article.source}")
            for line in render_table(graph):
                click.echo(line)


@main.command()
@click.option("--format", "fmt", type=click.Choice(DUMP_FORMATS), default="trig")
@click.option(
    "-o",
    "--output",
    type=click.Path(path_type=Path),
    default=None,
    help="File to write (default: standard output).",
)
@click.pass_obj
def dump(config: Config, fmt: str, output: Path | None) -> None:
    """Write the whole store (every named graph) as TriG or N-Quads."""
    with store_of(config) as store:
        if output is None:
            store.dump(sys.stdout.buffer, fmt)
        else:
            with output.open("wb") as fh:
                store.dump(fh, fmt)


@main.command()
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option(
    "--format",
    "fmt",
    type=click.Choice(DUMP_FORMATS),
    default=None,
    help="Default: from the file name (.trig or .nq).",
)
@click.pass_obj
def load(config: Config, file: Path, fmt: str | None) -> None:
    """Add the quads of a TriG or N-Quads dump to the store, in one transaction."""
    fmt = fmt or ("nquads" if file.suffix in {".nq", ".nquads"} else "trig")
    with store_of(config) as store, file.open("rb") as fh:
        before = store.count()
        store.load(fh, fmt)
        click.echo(f"loaded {store.count() - before} quads")


@main.command()
@click.option("--host", default=None, help="Address to bind (default: $ATTACHE_HOST or 127.0.0.1).")
@click.option("--port", type=int, default=None, help="Port (default: $ATTACHE_PORT or 5000).")
@click.pass_obj
def serve(config: Config, host: str | None, port: int | None) -> None:
    """Serve the HTTP API with waitress."""
    from dataclasses import replace

    import waitress

    from service import create_app

    config = replace(config, host=host or config.host, port=port or config.port)
    app = create_app(config)
    click.echo(
        f"Attaché serving {config.store} store on http://{config.host}:{config.port}/", err=True
    )
    waitress.serve(app, host=config.host, port=config.port, threads=config.threads, ident="attache")
