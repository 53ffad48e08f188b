"""A profile reads the head of its query when that gives the same answers as every row."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from rdflib import URIRef

from kg.ontology import ensure_ontology
from kg.qa import Answerer
from kg.qa.first_events import evenly_supported, first_events, queries
from kg.qa.templates import load_queries
from kg.store import EmbeddedStore, Store
from kg.store.kept import KeptReads

TURKEY = URIRef("https://w3id.org/attache/resource/turkey")


@pytest.fixture
def fresh_store() -> Iterator[EmbeddedStore]:
    """The ontology and Turkey, in a store of the test's own: the QA fixtures hold an
    event told in two sentences, so a profile there reads every event."""
    store = EmbeddedStore(None)
    ensure_ontology(store)
    store.update(
        f"INSERT DATA {{ GRAPH <https://w3id.org/attache/article/first-entities> {{ <{TURKEY}> "
        'a dd:State ; rdfs:label "Turkey"@en ; skos:prefLabel "Turkey"@en ; '
        'dd:normLabel "turkey" . } }'
    )
    yield store
    store.close()


def add_events(store: EmbeddedStore, count: int) -> None:
    """``count`` arms deals of Turkey's, each in an article of its own, told in one sentence."""
    graphs = []
    for i in range(count):
        article = f"https://w3id.org/attache/article/first-{i}"
        graphs.append(
            f"GRAPH <{article}> {{ <{article}#e1> a dd:ArmsDeal ; dd:recipient <{TURKEY}> ; "
            f"dd:evidence <{article}#s1> ; dd:modality dd:asserted ; dd:confidence 0.9 . "
            f'<{article}#s1> dd:text "Turkey signed deal number {i}." ; '
            f"dd:inArticle <{article}> . }}"
        )
    store.update("INSERT DATA { " + "\n".join(graphs) + " }")


def test_the_check_queries_are_valid_sparql(qa_store: Store) -> None:
    for text in queries().values():
        qa_store.select(text)


def test_the_qa_fixtures_hold_an_event_told_in_two_sentences(qa_store: Store) -> None:
    assert not evenly_supported(KeptReads(qa_store))


def test_a_profile_head_holds_the_rows_of_the_first_events_of_the_whole_query(
    fresh_store: EmbeddedStore,
) -> None:
    add_events(fresh_store, 150)
    kept = KeptReads(fresh_store)
    text = load_queries()["profile"]
    every = fresh_store.select(text, {"x": TURKEY}).bindings
    first = list(dict.fromkeys(row["e"] for row in every))[:10]
    head = first_events(kept, text, {"x": TURKEY}, 10)
    assert head is not None
    assert head[0] == [row for row in every if row["e"] in first]
    assert "LIMIT" in head[1]


def test_an_event_told_in_two_sentences_makes_a_profile_read_every_event(
    fresh_store: EmbeddedStore,
) -> None:
    add_events(fresh_store, 150)
    text = load_queries()["profile"]
    last = fresh_store.select(text, {"x": TURKEY}).bindings[-1]["e"]
    assert evenly_supported(KeptReads(fresh_store))
    article = str(last).split("#", 1)[0]
    fresh_store.update(
        f"INSERT DATA {{ GRAPH <{article}> {{ <{last}> dd:evidence <{article}#s2> . "
        f'<{article}#s2> dd:text "The deal was confirmed." ; dd:inArticle <{article}> . }} }}'
    )
    assert not evenly_supported(KeptReads(fresh_store))
    assert first_events(KeptReads(fresh_store), text, {"x": TURKEY}, 10) is None
    answers = Answerer(fresh_store).ask("What do we know about Turkey?")["answers"]
    events = [a for a in answers if a["iri"] and "#e" in a["iri"]]
    assert events[0]["iri"] == str(last)  # the best supported first, read from every row
