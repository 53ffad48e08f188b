"""``attache query``: SPARQL over the store, printed as an aligned table, JSON lines or TSV."""

from __future__ import annotations

import json
import sys

import click
from rdflib import URIRef

from kg.catalog import pluralize
from kg.cli.base import main, service_of, store_of
from kg.config import Config


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
