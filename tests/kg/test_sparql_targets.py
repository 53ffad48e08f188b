"""Which graphs an update may write, read from its text (the remote store's update check)."""

from __future__ import annotations

import pytest
from rdflib import URIRef

from kg.sparql.targets import ANY_GRAPH, protected_target, written_graphs

ONT = "https://w3id.org/attache/graph/ontology"
A, B = URIRef("http://example.org/a"), URIRef("http://example.org/b")


@pytest.mark.parametrize(
    ("update", "graphs"),
    [
        ("INSERT DATA { <http://x> <http://p> 1 }", {"DEFAULT"}),
        ("INSERT DATA { GRAPH <http://example.org/a> { <http://x> <http://p> 1 } }", {A}),
        ("DROP SILENT GRAPH <http://example.org/a>", {A}),
        ("CLEAR ALL", {ANY_GRAPH}),
        ("DROP NAMED", {ANY_GRAPH}),
        ("CLEAR DEFAULT", {"DEFAULT"}),
        ("ADD <http://example.org/a> TO <http://example.org/b>", {B}),
        ("MOVE <http://example.org/a> TO <http://example.org/b>", {A, B}),
        ("WITH <http://example.org/a> DELETE { ?s ?p ?o } WHERE { ?s ?p ?o }", {A}),
        ("DELETE { GRAPH ?g { ?s ?p ?o } } WHERE { GRAPH ?g { ?s ?p ?o } }", {ANY_GRAPH}),
        (
            "INSERT { GRAPH <http://example.org/b> { ?s ?p ?o } } "
            "USING <http://example.org/a> WHERE { ?s ?p ?o }",
            {B},
        ),
        ("DELETE WHERE { GRAPH <http://example.org/a> { ?s ?p ?o } }", {A}),
    ],
)
def test_the_graphs_an_update_may_write_are_read_from_its_operations(
    update: str, graphs: set[object]
) -> None:
    assert written_graphs(update) == graphs


def test_an_update_naming_or_possibly_reaching_a_protected_graph_is_found() -> None:
    assert protected_target(f"DROP GRAPH <{ONT}>", [ONT]) == ONT
    assert protected_target("CLEAR ALL", [ONT]) == ANY_GRAPH
    assert (
        protected_target("INSERT DATA { GRAPH <http://example.org/a> { <x:a> <x:b> 1 } }", [ONT])
        is None
    )
