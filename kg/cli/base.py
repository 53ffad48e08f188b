"""The ``attache`` group and what its commands share: settings, the store, the running service.

Errors print one plain line on standard error and exit non-zero; results go to
standard output so they can be piped. Text that comes from articles is printed through
:func:`echo`, which strips terminal escapes.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import click

from kg import __version__
from kg.client import ServiceClient
from kg.config import Config, load_config
from kg.errors import KGError, StoreUnavailable
from kg.runtime import find_running, read_dev_token
from kg.store import Store, open_store

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
