"""Counts the service reports are kept: right after every kind of write, never recounted
while the store is unchanged."""

from __future__ import annotations

from pathlib import Path

import pytest
from rdflib import RDF, RDFS, XSD, Graph, Literal, URIRef

from kg.catalog import article_total
from kg.counts import CountKeeper, Counts
from kg.store import EmbeddedStore, Store
from kg.vocab import DD

EX = "http://example.org/"
G1, G2 = URIRef(EX + "g1"), URIRef(EX + "g2")


def article(iri: URIRef, *labels: str) -> Graph:
    graph = Graph()
    graph.add((iri, RDF.type, DD.NewsArticle))
    for n, label in enumerate(labels):
        graph.add((URIRef(f"{EX}e{n}"), RDFS.label, Literal(label)))
    return graph


def walked(store: EmbeddedStore) -> int:
    """The count the slow way: every quad."""
    return sum(1 for _ in store.quads())


@pytest.fixture(params=["memory", "disk"])
def embedded(request: pytest.FixtureRequest, tmp_path: Path) -> EmbeddedStore:
    store = EmbeddedStore(None if request.param == "memory" else tmp_path / "store")
    request.addfinalizer(store.close)
    return store


def test_the_triple_count_follows_every_kind_of_write(embedded: EmbeddedStore) -> None:
    assert embedded.count() == 0
    embedded.replace_graph(G1, article(G1, "a", "b"))
    assert embedded.count() == walked(embedded) == 3
    embedded.replace_graph(G2, article(G2, "a", "b", "c"))
    embedded.replace_graph(G1, article(G1, "a"))  # replaced by a smaller graph
    assert embedded.count() == walked(embedded) == 6
    embedded.update(f"INSERT DATA {{ GRAPH <{G2}> {{ <{EX}x> <{EX}p> 'new' }} }}")
    assert embedded.count() == walked(embedded) == 7
    assert embedded.drop_graph(G1)
    assert not embedded.drop_graph(G1)
    assert embedded.count() == walked(embedded) == 5
    embedded.load(f'<{EX}y> <{EX}p> "loaded" <{G1}> .\n'.encode(), "nquads")
    assert embedded.count() == walked(embedded) == 6


def test_a_graph_stored_with_fewer_terms_than_rdflib_holds_is_counted_as_stored(
    embedded: EmbeddedStore,
) -> None:
    """rdflib holds "x" and "x"^^xsd:string apart; the store holds one literal."""
    graph = Graph()
    graph.add((URIRef(EX + "s"), RDFS.label, Literal("x")))
    graph.add((URIRef(EX + "s"), RDFS.label, Literal("x", datatype=XSD.string)))
    assert len(graph) == 2
    embedded.replace_graph(G1, graph)
    assert embedded.count() == walked(embedded)


class CountingStore:
    """A store that counts the calls that count it."""

    def __init__(self, inner: Store, generation: bool = True) -> None:
        self.inner = inner
        self.calls = 0
        self.has_generation = generation

    def __getattr__(self, name: str) -> object:
        if name == "generation" and not self.has_generation:
            raise AttributeError(name)
        return getattr(self.inner, name)

    def count(self, graph_iri: URIRef | None = None) -> int:
        self.calls += 1
        return self.inner.count(graph_iri)


def test_counts_are_kept_until_the_store_changes(store: EmbeddedStore) -> None:
    counting = CountingStore(store)
    keeper = CountKeeper(counting)  # type: ignore[arg-type]
    store.replace_graph(G1, article(G1, "a"))
    assert keeper.current() == Counts(triples=2, articles=1)
    for _ in range(5):
        assert keeper.current() == Counts(triples=2, articles=1)
    assert counting.calls == 1
    store.replace_graph(G2, article(G2, "b"))
    assert keeper.current() == Counts(triples=4, articles=2)
    store.drop_graph(G1)
    assert keeper.current() == Counts(triples=2, articles=article_total(store)) == Counts(2, 1)
    assert counting.calls == 3


def test_a_store_without_a_generation_is_recounted_once_per_period(store: EmbeddedStore) -> None:
    now = [100.0]
    counting = CountingStore(store, generation=False)
    keeper = CountKeeper(counting, ttl=5.0, clock=lambda: now[0])  # type: ignore[arg-type]
    assert keeper.current() == Counts(0, 0)
    store.replace_graph(G1, article(G1, "a"))
    now[0] += 1.0
    assert keeper.current() == Counts(0, 0)  # within the period: the kept counts
    now[0] += 5.0
    assert keeper.current() == Counts(2, 1)
    assert counting.calls == 2
