"""``attache ontology export|import|history`` and ``attache validate``: the ontology under
review in git, and the data checked against its SHACL shapes."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from kg.catalog import find_article, pluralize
from kg.cli.base import echo, main, store_of
from kg.config import Config
from kg.errors import NotFound


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
