"""``attache serve``: the HTTP API and the pages, with a discovery file other commands read."""

from __future__ import annotations

import sys

import click

from kg.cli.base import main
from kg.config import Config


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
    from service.memory import limit_arenas
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
    # Before the store and the server start their threads; readers and query workers
    # inherit MALLOC_ARENA_MAX (service.memory).
    limit_arenas()
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
