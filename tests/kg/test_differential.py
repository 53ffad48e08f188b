"""Differential test: the same articles ingested into every backend give the same answers.

The in-memory store is the reference; each other backend (disk, Oxigraph server,
Virtuoso) gets the same articles through the real ingestion and must return the same
result set for the same SELECTs, the same answers to the same questions, and an
export holding the same quads. Queries use DISTINCT: with a union default graph a
triple stated in two graphs comes back once per graph, on every backend.
"""

from __future__ import annotations

import io
from collections.abc import Iterator
from pathlib import Path

import pyoxigraph as ox
import pytest
from rdflib import Graph, Literal
from rdflib.compare import IsomorphicGraph, to_isomorphic

from kg.extract import Pipeline
from kg.ingest import ingest_paths
from kg.store import EmbeddedStore, Store
from kg.store.embedded import from_ox
from tests.kg.servers import BACKENDS, open_backend

ARTICLES = Path(__file__).resolve().parents[1] / "data" / "articles"

QUERIES = {
    "entities with labels and types": """
        SELECT DISTINCT ?e ?label ?type WHERE {
          ?e skos:prefLabel ?label ; a ?type ; dd:mentionedIn ?s .
        }""",
    "events with roles": """
        SELECT DISTINCT ?event ?type ?role ?value WHERE {
          ?event dd:evidence ?s ; a ?type ; ?role ?value .
          VALUES ?role { dd:participant dd:actor dd:target dd:supplier dd:recipient
                         dd:equipment dd:contractor dd:program dd:legalBasis dd:speaker
                         dd:topic dd:organization dd:location dd:holder dd:member }
        }""",
    "event dates, modality and confidence": """
        SELECT DISTINCT ?event ?date ?precision ?modality ?confidence WHERE {
          ?event dd:evidence ?s ; dd:modality ?modality ; dd:confidence ?confidence .
          OPTIONAL { ?event dd:date ?date ; dd:datePrecision ?precision }
        }""",
    "sentences with offsets": """
        SELECT DISTINCT ?sentence ?text ?start ?end WHERE {
          ?sentence dd:text ?text ; dd:startChar ?start ; dd:endChar ?end .
        }""",
    "articles with provenance": """
        SELECT DISTINCT ?article ?title ?published ?hash ?triples WHERE {
          GRAPH ?article {
            ?article dcterms:title ?title ; dd:contentHash ?hash ; dd:tripleCount ?triples .
            OPTIONAL { ?article schema:datePublished ?published }
          }
        }""",
    "triples per graph": """
        SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g""",
}

# Bound values go in as a VALUES block on every backend.
BOUND = ("SELECT DISTINCT ?e WHERE { ?e dd:normLabel ?key }", {"key": Literal("s-400")})

QUESTIONS = [
    "Who supplies the S-400 to Turkey?",
    "Which company will build Norway's new frigates?",
    "What did Erdogan say about the S-400?",
]

# Written at ingestion time, so they differ between two ingestions of the same article.
CLOCK = {"http://www.w3.org/ns/prov#endedAtTime", "http://www.w3.org/ns/prov#startedAtTime"}


def ingest(store: Store, pipeline: Pipeline) -> Store:
    summary = ingest_paths(store, [ARTICLES], pipeline=lambda: pipeline, progress=False)
    assert summary.failed == 0, summary.errors
    assert summary.new == summary.articles == 2
    return store


def result_set(store: Store, query: str, bindings: dict[str, Literal] | None = None) -> set:
    rows = store.select(query, bindings)  # type: ignore[arg-type]
    return {tuple(sorted(row.items())) for row in rows}


def exported_graphs(store: Store) -> dict[str, IsomorphicGraph]:
    """The export, graph by graph, compared up to blank node names (each store picks its own)."""
    out = io.BytesIO()
    store.dump(out, "nquads")
    graphs: dict[str, Graph] = {}
    for q in ox.parse(out.getvalue(), format=ox.RdfFormat.N_QUADS):
        if q.predicate.value not in CLOCK:
            triple = (from_ox(q.subject), from_ox(q.predicate), from_ox(q.object))
            graphs.setdefault(str(q.graph_name), Graph()).add(triple)  # type: ignore[arg-type]
    return {name: to_isomorphic(g) for name, g in graphs.items()}


@pytest.fixture(scope="module")
def reference(pipeline: Pipeline) -> Iterator[Store]:
    store = ingest(EmbeddedStore(None), pipeline)
    yield store
    store.close()


@pytest.fixture(params=BACKENDS[1:])
def other(request: pytest.FixtureRequest, tmp_path: Path, pipeline: Pipeline) -> Iterator[Store]:
    store = ingest(open_backend(request.param, request, tmp_path), pipeline)
    yield store
    store.close()


def test_the_same_selects_give_the_same_result_sets(reference: Store, other: Store) -> None:
    for name, query in QUERIES.items():
        expected = result_set(reference, query)
        assert expected, f"{name}: the reference store found nothing"
        assert result_set(other, query) == expected, name
    assert result_set(other, *BOUND) == result_set(reference, *BOUND) != set()


def test_an_export_holds_the_same_graphs(reference: Store, other: Store) -> None:
    expected = exported_graphs(reference)
    assert len(expected) == 3  # two articles and the ontology
    assert exported_graphs(other) == expected


def test_reingesting_is_a_no_op_on_every_backend(other: Store, pipeline: Pipeline) -> None:
    summary = ingest_paths(other, [ARTICLES], pipeline=lambda: pipeline, progress=False)
    assert summary.unchanged == summary.articles == 2


def test_the_same_questions_get_the_same_answers(reference: Store, other: Store) -> None:
    qa = pytest.importorskip("kg.qa")

    def answers(store: Store, question: str) -> list[tuple[str, list[str]]]:
        payload = qa.Answerer(store).ask(question)
        # Compared as sets: answers that rank equal come back in the store's order.
        return sorted(
            (a["text"], sorted(e["sentence"] for e in a["evidence"]))
            for a in payload.get("answers", [])
        )

    found = 0
    for question in QUESTIONS:
        expected = answers(reference, question)
        found += bool(expected)
        assert answers(other, question) == expected, question
    assert found, "no question had an answer on the reference store"
