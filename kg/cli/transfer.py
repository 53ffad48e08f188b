"""``attache export`` and ``import``: the whole store as TriG or N-Quads, or its events as
PLOVER-style records (``dump`` and ``load`` are their old, hidden names)."""

from __future__ import annotations

import contextlib
import io
import json
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any

import click

from kg.catalog import pluralize
from kg.cli.base import main, service_of, store_of
from kg.config import Config
from kg.store import Store
from kg.store.base import DUMP_FORMATS


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


def _old_name(name: str, command: click.Command) -> None:
    """Keep an old command name working, hidden from ``--help``."""
    main.add_command(
        click.Command(
            name,
            callback=command.callback,
            params=command.params,
            help=f"Old name of `attache {command.name}`.",
            hidden=True,
        )
    )


_old_name("dump", export_)
_old_name("load", import_)
