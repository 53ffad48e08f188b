"""The ``attache`` command line: ingest, list and remove articles, query, serve.

Errors print one plain line on standard error and exit non-zero; results go to
standard output so they can be piped.
"""

from __future__ import annotations

import contextlib
import io
import json
import logging
import os
import re
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO, Any

import click
from rdflib import URIRef

from kg import __version__
from kg.catalog import find_article, list_articles, pluralize
from kg.client import ServiceClient, ServiceError
from kg.config import Config, load_config
from kg.errors import KGError, NotFound, StoreUnavailable
from kg.ingest import Summary, ingest_paths
from kg.runtime import find_running, read_dev_token
from kg.store import Store, open_store
from kg.store.base import DUMP_FORMATS

# Terminal escape sequences (CSI, OSC and the like) and other control characters: a
# title or a sentence from an article must not recolour, retitle or rewrite the terminal.
_ESCAPES = re.compile(
    r"\x1b\[[0-?]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)?|\x1b[@-_]?"
    r"|[\x00-\x08\x0b-\x1f\x7f-\x9f]"
)


def printable(text: str) -> str:
    """``text`` without escape sequences or control characters (tabs and newlines stay)."""
    return _ESCAPES.sub("", text)


def echo(message: str, *, err: bool = False) -> None:
    """``click.echo`` for text that may come from articles: escapes stripped first."""
    click.echo(printable(message), err=err)


class AttacheGroup(click.Group):
    """Turns domain errors into one line on stderr and exit status 1."""

    def invoke(self, ctx: click.Context) -> object:
        try:
            return super().invoke(ctx)
        except KGError as exc:
            echo(f"error: {exc.message}", err=True)
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
    type=click.Choice(["embedded", "memory", "remote"]),
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
    try:
        store = open_store(config)
    except StoreUnavailable as exc:
        running = find_running(config.data) if config.store == "embedded" else None
        if running is None:
            raise
        raise StoreUnavailable(
            f"the store is held by the service running at {running.url} (pid {running.pid}); "
            "this command needs the store itself: stop the service first (Ctrl+C where it runs)"
        ) from exc
    try:
        yield store
    finally:
        store.close()


def service_of(config: Config) -> ServiceClient | None:
    """The running service that holds this data directory's store, if there is one.

    Commands that can go through its HTTP API do, rather than open the live store a second
    time; writes send ATTACHE_API_TOKEN, else the data directory's development token.
    """
    if config.store != "embedded":
        return None
    running = find_running(config.data)
    if running is None:
        return None
    return ServiceClient(running.url, config.api_token or read_dev_token(config.data))


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
@click.argument("query", default="-")
@click.option("--format", "fmt", type=click.Choice(["table", "json", "tsv"]), default="table")
@click.option(
    "--update", "is_update", is_flag=True, help="Run QUERY as a SPARQL Update (it writes)."
)
@click.pass_obj
def query(config: Config, query: str, fmt: str, is_update: bool) -> None:
    """Run a SPARQL SELECT or ASK over the store (QUERY text, or - for stdin).

    The default graph is the union of all article graphs and the ontology; the
    prefixes dd:, res:, art:, rdfs:, skos:, prov:, schema:, dcterms: are predeclared.
    The table shows IRIs as prefixed names in aligned columns; json and tsv keep full
    IRIs. With --update, QUERY is a SPARQL Update, applied in one transaction.
    """
    text = sys.stdin.read() if query == "-" else query
    service = service_of(config)
    if is_update:
        if service is not None:
            service.update(text)
        else:
            with store_of(config) as store:
                store.update(text)
        click.echo("update applied", err=True)
        return
    cells: list[dict[str, tuple[bool, str]]]  # variable -> (is an IRI, value)
    if service is not None:
        answer = service.sparql(text)
        if "boolean" in answer:
            click.echo("true" if answer["boolean"] else "false")
            return
        variables: list[str] = list(answer["head"]["vars"])
        cells = [
            {k: (v["type"] == "uri", str(v["value"])) for k, v in binding.items()}
            for binding in answer["results"]["bindings"]
        ]
    else:
        with store_of(config) as store:
            if text.lstrip().upper().startswith("ASK") or " ASK " in f" {text.upper()} ":
                click.echo("true" if store.ask(text) else "false")
                return
            rows = store.select(text)
        variables = list(rows.variables)
        cells = [{k: (isinstance(v, URIRef), str(v)) for k, v in row.items()} for row in rows]
    if fmt == "json":
        for record in cells:
            click.echo(json.dumps({k: v for k, (_, v) in record.items()}, ensure_ascii=False))
        return
    if fmt == "tsv":
        click.echo("\t".join(variables))
        for record in cells:
            click.echo("\t".join(record.get(v, (False, ""))[1] for v in variables))
    else:
        for line in aligned(variables, cells):
            click.echo(line)
    click.echo(pluralize(len(cells), "row"), err=True)


def prefixed(iri: str) -> str:
    """``dd:ArmsDeal`` for an IRI under a declared prefix, else ``<iri>``."""
    import re

    from kg.vocab import PREFIXES

    for prefix, namespace in PREFIXES.items():
        if iri.startswith(namespace) and re.fullmatch(r"[\w.-]*", iri[len(namespace) :]):
            return f"{prefix}:{iri[len(namespace) :]}"
    return f"<{iri}>"


def aligned(variables: list[str], rows: list[dict[str, tuple[bool, str]]]) -> list[str]:
    """A table with a header, IRIs as prefixed names, each column as wide as its widest cell."""
    table = [
        [
            prefixed(v[1]) if v[0] else v[1].replace("\n", " ")
            for v in (r.get(n, (False, "")) for n in variables)
        ]
        for r in rows
    ]
    widths = [max([len(n), *(len(row[i]) for row in table)]) for i, n in enumerate(variables)]
    lines = ["  ".join(n.ljust(w) for n, w in zip(variables, widths, strict=True)).rstrip()]
    lines += [
        "  ".join(c.ljust(w) for c, w in zip(row, widths, strict=True)).rstrip() for row in table
    ]
    return lines


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


def _export(config: Config, fmt: str, output: Path | None) -> None:
    service = service_of(config)
    with contextlib.ExitStack() as stack:
        if fmt == "plover":
            source = stack.enter_context(_plover_source(config, service))

            def dump(out: IO[bytes]) -> None:
                from kg.plover import records

                for item in records(source):
                    out.write(json.dumps(item, ensure_ascii=False).encode("utf-8") + b"\n")

        elif service is not None:

            def dump(out: IO[bytes]) -> None:
                service.export(out, fmt)

        else:
            store = stack.enter_context(store_of(config))

            def dump(out: IO[bytes]) -> None:
                store.dump(out, fmt)

        if output is None:
            dump(sys.stdout.buffer)
            return
        # Written beside the target and renamed at the end: an interrupted export never
        # leaves a file that looks complete.
        partial = output.with_name(output.name + ".part")
        try:
            with partial.open("wb") as fh:
                dump(fh)
            partial.replace(output)
        finally:
            partial.unlink(missing_ok=True)


@contextlib.contextmanager
def _plover_source(config: Config, service: Any) -> Iterator[Store]:
    """The store to read events from: the configured one, or, while the service holds
    it, an in-memory copy of the service's N-Quads export."""
    if service is None:
        with store_of(config) as store:
            yield store
        return
    from kg.store import EmbeddedStore

    buffer = io.BytesIO()
    service.export(buffer, "nquads")
    copy = EmbeddedStore(None)
    try:
        copy.load(buffer.getvalue(), "nquads")
        yield copy
    finally:
        copy.close()


def _import(config: Config, file: Path, fmt: str | None) -> None:
    from kg.dataset_import import import_file

    fmt = fmt or ("nquads" if file.suffix in {".nq", ".nquads"} else "trig")
    with store_of(config) as store:
        done = import_file(store, file, fmt)
    rate = done.added / max(done.seconds, 1e-9)
    if done.added == 0:
        click.echo(f"nothing new: every quad of {file} is already stored")
    else:
        click.echo(
            f"imported {pluralize(done.added, 'quad')} in {done.seconds:.1f} s ({rate:,.0f}/s)"
        )


_EXPORT_FORMAT = click.option(
    "--format",
    "fmt",
    type=click.Choice([*DUMP_FORMATS, "plover"]),
    default="trig",
    show_default=True,
    help="TriG (one block per named graph), N-Quads (one line per quad), or PLOVER-style "
    "event records (JSON lines; arms transfers with SIPRI's register fields).",
)
_EXPORT_OUTPUT = click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help="File to write (default: standard output).",
)
_IMPORT_FILE = click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
_IMPORT_FORMAT = click.option(
    "--format",
    "fmt",
    type=click.Choice(DUMP_FORMATS),
    default=None,
    help="Default: from the file name (.nq or .nquads for N-Quads, else TriG).",
)


@main.command(name="export")
@_EXPORT_FORMAT
@_EXPORT_OUTPUT
@click.pass_obj
def export_(config: Config, fmt: str, output: Path | None) -> None:
    """Write the whole store, every named graph, as TriG or N-Quads; or its events as
    PLOVER-style records (JSON lines).

    Streams: the embedded store writes as it reads, a remote store is read a few
    graphs per request, so memory stays flat however large the store.
    """
    _export(config, fmt, output)


@main.command(name="import")
@_IMPORT_FILE
@_IMPORT_FORMAT
@click.pass_obj
def import_(config: Config, file: Path, fmt: str | None) -> None:
    """Add the quads of a TriG or N-Quads export to the store.

    The embedded store takes the whole file in one transaction; a remote store
    takes it a graph at a time, each graph in one request (so one transaction on a
    server that applies a request atomically, as Oxigraph does).
    """
    _import(config, file, fmt)


@main.command(hidden=True)
@_EXPORT_FORMAT
@_EXPORT_OUTPUT
@click.pass_obj
def dump(config: Config, fmt: str, output: Path | None) -> None:
    """Old name of `attache export`."""
    _export(config, fmt, output)


@main.command(hidden=True)
@_IMPORT_FILE
@_IMPORT_FORMAT
@click.pass_obj
def load(config: Config, file: Path, fmt: str | None) -> None:
    """Old name of `attache import`."""
    _import(config, file, fmt)


@main.command()
@click.option("--host", default=None, help="Address to bind (default: $ATTACHE_HOST or 127.0.0.1).")
@click.option("--port", type=int, default=None, help="Port (default: $ATTACHE_PORT or 5000).")
@click.option(
    "--workers",
    type=click.IntRange(min=1),
    default=None,
    help="Processes answering requests (default: $ATTACHE_WORKERS or 1).",
)
@click.option(
    "--dev-token",
    "use_dev_token",
    is_flag=True,
    help="When ATTACHE_API_TOKEN is not set, accept writes with a local development token, "
    "created on first run in DATA/dev-token and printed once (`make run` does this).",
)
@click.pass_obj
def serve(
    config: Config, host: str | None, port: int | None, workers: int | None, use_dev_token: bool
) -> None:
    """Serve the HTTP API and the pages with waitress.

    While it runs, DATA/service.json names its URL, so that `attache ask`, `ingest` and
    the other commands go through it instead of opening the store a second time.
    """
    import signal
    from dataclasses import replace

    from kg.errors import StoreUnavailable
    from kg.runtime import check_port, find_running, port_error, remove_discovery, write_discovery
    from service import create_app
    from service.serve import serve as serve_app

    config = replace(
        config,
        host=host or config.host,
        port=port or config.port,
        workers=workers or config.workers,
    )
    running = find_running(config.data) if config.store == "embedded" else None
    if running is not None:
        raise StoreUnavailable(
            f"Attaché already serves {config.data} at {running.url} (pid {running.pid}); "
            "stop it first (Ctrl+C, or kill that pid) or serve another --data directory"
        )
    check_port(config.host, config.port)  # before the store is opened: one clear line
    if use_dev_token and not config.api_token:
        config = replace(config, api_token=_dev_token(config))
    app = create_app(config)
    url = f"http://{config.host}:{config.port}/"
    click.echo(f"Attaché serving {config.store} store on {url}", err=True)
    click.echo(f"Ask questions at {url} · stop with Ctrl+C", err=True)
    # A terminated server unwinds like Ctrl+C: the store is closed, the discovery file removed.
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))
    # Only the embedded store is held by this process; other commands reach the others directly.
    discoverable = config.store == "embedded"
    if discoverable:
        write_discovery(config.data, config.host, config.port)
    try:
        if config.workers > 1:
            from service.workers import serve_workers

            serve_workers(app, config)  # this process writes; the others answer from snapshots
        else:
            serve_app(app, config)
    except OSError as exc:
        raise port_error(config.host, config.port, exc) from exc
    finally:
        if discoverable:
            remove_discovery(config.data)


def _dev_token(config: Config) -> str:
    """The data directory's development token; printed (once) when it is created."""
    from kg.runtime import DEV_TOKEN_FILE, dev_token

    token, created = dev_token(config.data)
    path = config.data / DEV_TOKEN_FILE
    if created:
        click.echo(
            f"Created a local development token (kept in {path}; shown only this once):\n"
            f"    {token}\n"
            "Paste it into 'Add an article' on the Ask page or into the ontology editor, or "
            "send it with curl:\n"
            f'    curl -H "Authorization: Bearer {token}" -H "Content-Type: application/json" \\\n'
            f'      -d \'{{"title": "...", "date": "2024-01-31", "text": "..."}}\' '
            f"http://{config.host}:{config.port}/api/articles\n"
            "Set ATTACHE_API_TOKEN to use a token of your own instead.",
            err=True,
        )
    else:
        click.echo(f"Writes over HTTP use the development token in {path}.", err=True)
    return token


# -- questions ----------------------------------------------------------------------------


def _print_answer(payload: dict[str, object]) -> None:
    """A readable answer: the reading, each answer with its evidence, or suggestions."""
    interpretation = payload["interpretation"]
    assert isinstance(interpretation, dict)
    echo(f"Q: {payload['question']}")
    echo(f"   read as: {interpretation['reading']}")
    answers = payload["answers"]
    assert isinstance(answers, list)
    if not answers:
        click.echo("   No answer found in the graph.")
        suggestions = payload.get("suggestions") or []
        assert isinstance(suggestions, list)
        if suggestions:
            click.echo("   Questions that have answers:")
            for suggestion in suggestions:
                echo(f"     - {suggestion}")
        return
    for number, answer in enumerate(answers, 1):
        detail = f"  [{answer['detail']}]" if answer.get("detail") else ""
        echo(f"{number:>2}. {answer['text']}{detail}")
        for evidence in answer["evidence"]:
            source = evidence.get("title") or evidence.get("url") or evidence["article"]
            date = f", {evidence['date']}" if evidence.get("date") else ""
            echo(f"      “{evidence['sentence']}”")
            echo(f"        — {source}{date}")


@main.command()
@click.argument("question")
@click.option("--json", "as_json", is_flag=True, help="Print the JSON payload (one line).")
@click.option(
    "--max-answers",
    type=click.IntRange(min=1),
    default=None,
    help="Most answers to return (default: 10).",
)
@click.pass_obj
def ask(config: Config, question: str, as_json: bool, max_answers: int | None) -> None:
    """Answer a question from the graph, with the sentences that support each answer.

    QUESTION is the question text, or - to read one question per line from standard
    input (the store is opened and the pipeline loaded once; one answer per line out).
    """
    from kg.ontology import ensure_ontology
    from kg.qa import DEFAULT_MAX_ANSWERS, Answerer, QuestionError

    service = service_of(config)
    if service is not None:
        _ask_through(service, question, as_json)
        return
    with store_of(config) as store:
        ensure_ontology(store)  # the lexicon is read from it (a no-op once installed)
        answerer = Answerer(
            store,
            max_answers=max_answers or DEFAULT_MAX_ANSWERS,
            max_question_chars=config.max_question_chars,
        )

        def local(text: str) -> dict[str, Any]:
            try:
                return answerer.ask(text)
            except QuestionError as exc:
                if question != "-":
                    raise
                return {"ok": False, "status": 400, "code": exc.code, "error": exc.message}

        _print_answers(question, local, as_json)


def _ask_through(service: ServiceClient, question: str, as_json: bool) -> None:
    """Questions answered by the running service (GET /api/ask), printed as locally."""

    def through(text: str) -> dict[str, Any]:
        try:
            return service.ask(text)
        except ServiceError as exc:
            if question != "-" or exc.status != 400:
                raise
            return {"ok": False, "status": 400, "code": exc.code, "error": exc.message}

    _print_answers(question, through, as_json)


def _print_answers(question: str, ask: Any, as_json: bool) -> None:
    """Ask ``question`` (or, for "-", each line of standard input) and print each payload:
    JSON lines, or the answers with their sentences; a refused line is an error line."""
    questions = (
        (line.strip() for line in sys.stdin if line.strip()) if question == "-" else [question]
    )
    for text in questions:
        payload = ask(text)
        if as_json:
            click.echo(json.dumps(payload, ensure_ascii=False))
        elif payload.get("ok"):
            _print_answer(payload)
            click.echo("")
        else:
            click.echo(f"error: {payload['error']}", err=True)


def _default_gold() -> Path:
    """``../shared/eval/dev.jsonl`` next to the repository."""
    return Path(__file__).resolve().parent.parent.parent / "shared" / "eval" / "dev.jsonl"


@main.command(name="eval")
@click.argument("gold", required=False, type=click.Path(dir_okay=False, path_type=Path))
@click.option(
    "--dev",
    "dev",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help="Gold questions, JSON Lines (default: ../shared/eval/dev.jsonl).",
)
@click.option(
    "--articles",
    type=click.Path(file_okay=False, path_type=Path),
    default=None,
    help="Articles to ingest first (default: articles/ next to the gold file).",
)
@click.option("--json", "as_json", is_flag=True, help="Print the scores as JSON.")
@click.option(
    "--show-failures",
    "--misses",
    "show_failures",
    is_flag=True,
    help="Also print each failing question with what was returned.",
)
@click.pass_obj
def evaluate(
    config: Config,
    gold: Path | None,
    dev: Path | None,
    articles: Path | None,
    as_json: bool,
    show_failures: bool,
) -> None:
    """Score question answering on gold questions over their articles.

    The articles are ingested into a fresh in-memory store (the configured store is
    not touched), every question is asked, and the answers are scored by the rules of
    the evaluation README: per family and overall.
    """
    from kg.qa import Answerer
    from kg.qa.evaluate import read_gold, score
    from kg.store import EmbeddedStore

    gold_path = gold or dev or _default_gold()
    articles_dir = articles or gold_path.parent / "articles"
    items = read_gold(gold_path)
    if not articles_dir.is_dir():
        raise NotFound(f"no articles folder at {articles_dir} (use --articles DIR)")
    store = EmbeddedStore(None)
    try:
        summary = ingest_paths(
            store,
            [articles_dir],
            progress=False,
            on_error=lambda message: click.echo(f"error: {message}", err=True),
        )
        click.echo(summary.line(), err=True)
        answerer = Answerer(store, max_question_chars=config.max_question_chars)
        report = score(items, answerer.ask)
    finally:
        store.close()
    if as_json:
        click.echo(json.dumps(report.as_dict(failures=show_failures), ensure_ascii=False, indent=2))
        return
    for line in report.lines(failures=show_failures):
        echo(line)


# -- the ontology ---------------------------------------------------------------------------


def _default_author() -> str:
    import getpass

    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return "cli"


@main.group()
def ontology() -> None:
    """Export the stored ontology for review in git, import a reviewed file, list its history.

    Edits themselves go through the editor (/ontology) or /api/ontology.
    """


@ontology.command("export")
@click.option(
    "--out",
    type=click.Path(file_okay=False, path_type=Path),
    default=Path("ontology"),
    show_default=True,
    help="Folder to write attache.ttl into.",
)
@click.pass_obj
def ontology_export(config: Config, out: Path) -> None:
    """Write the stored ontology to OUT/attache.ttl, sorted and stably formatted.

    The same ontology always gives the same bytes, so `git diff` shows exactly what
    an edit changed. The file's leading comment block is kept.
    """
    from kg.ontology.editor import OntologyEditor
    from kg.ontology.turtle import export

    with store_of(config) as store:
        path = export(store, out)
        etag = OntologyEditor(store).etag()
    click.echo(str(path))
    click.echo(f"ETag {etag}", err=True)


@ontology.command("import")
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("-m", "--message", default="", help="Why (recorded in the history).")
@click.option("--author", default=None, help="Who (default: the login name).")
@click.option(
    "--if-match",
    default=None,
    help="Refuse unless the stored ontology still has this ETag (as printed by export).",
)
@click.pass_obj
def ontology_import(
    config: Config, file: Path, message: str, author: str | None, if_match: str | None
) -> None:
    """Check a reviewed Turtle file and load it as the ontology, as one new revision.

    Refused, with the reasons, when it does not parse, has a subclass cycle, refers to
    undefined terms, leaves a term unlabelled, drops a term the code, the shapes or the
    data use, or (with --if-match) when the stored ontology changed meanwhile.
    """
    from kg.ontology.turtle import import_file

    with store_of(config) as store:
        outcome = import_file(
            store, file, author=author or _default_author(), message=message, if_match=if_match
        )
    if outcome.revision is None:
        click.echo(f"unchanged (ETag {outcome.etag})")
        return
    rev = outcome.revision
    click.echo(f"revision {rev.number}: +{len(rev.added)} -{len(rev.removed)} triples")
    click.echo(f"ETag {outcome.etag}", err=True)


@ontology.command("history")
@click.option("--limit", type=click.IntRange(1, 500), default=20, show_default=True)
@click.option("--json", "as_json", is_flag=True, help="Print JSON instead of a table.")
@click.pass_obj
def ontology_history(config: Config, limit: int, as_json: bool) -> None:
    """List ontology revisions, newest first (number, time, author, change, message)."""
    from kg.ontology.history import list_revisions

    with store_of(config) as store:
        revisions = [r.as_dict(full=False) for r in list_revisions(store, limit=limit)]
    if as_json:
        click.echo(json.dumps(revisions, indent=2, ensure_ascii=False))
        return
    if not revisions:
        click.echo(
            "no revisions yet: the ontology is as installed; edits made in the editor "
            "(/ontology) or with `attache ontology import` are listed here"
        )
        return
    for r in revisions:
        echo(
            f"{r['number']:>4}  {r['created']}  {r['author']:<12}  "
            f"+{r['added_count']} -{r['removed_count']}  {r['summary']}"
            + (f"  — {r['message']}" if r["message"] else "")
        )


@main.command()
@click.option("--article", default=None, help="Check one article (id, IRI or source URL).")
@click.option("--json", "as_json", is_flag=True, help="Print the report as JSON.")
@click.option(
    "--limit", type=click.IntRange(1), default=1000, show_default=True, help="Most results listed."
)
@click.pass_obj
def validate(config: Config, article: str | None, as_json: bool, limit: int) -> None:
    """Run the SHACL shapes (ontology/shapes.ttl) over the stored data.

    Lists each violation with the article it comes from; the exit status is 1 when
    there is any violation (warnings alone pass).
    """
    from kg.catalog import article_total
    from kg.ontology import SHAPES_FILE
    from kg.ontology.conformance import validate_data

    with store_of(config) as store:
        graph = None
        if article is not None:
            graph = find_article(store, article)
            if graph is None:
                raise NotFound(f"no stored article {article!r} (see `attache articles`)")
        checked = 1 if graph is not None else article_total(store)
        report = validate_data(store, article=graph, max_results=limit)
    if as_json:
        click.echo(json.dumps(report.as_dict(), indent=2, ensure_ascii=False))
    else:
        for finding in report.findings:
            source = finding.articles[0] if finding.articles else {"iri": "", "title": ""}
            where = source["title"] or source["iri"] or "(no article)"
            echo(
                f"{finding.severity.lower():<9} {finding.focus}  {finding.path or '-'}  "
                f"{finding.message}\n          in {where} <{source['iri']}>"
            )
        summary = report.as_dict()
        warnings = len(report.findings) - len(report.violations)
        click.echo(
            f"checked {pluralize(checked, 'article')} ({pluralize(report.triples, 'triple')}) "
            f"against the shapes in {SHAPES_FILE.parent.name}/{SHAPES_FILE.name}: "
            f"{pluralize(summary['violations'], 'violation')} in "
            f"{pluralize(summary['articles'], 'article')}, {pluralize(warnings, 'warning')}"
            + (" — list truncated" if report.truncated else ""),
            err=True,
        )
    if report.violations:
        sys.exit(1)
