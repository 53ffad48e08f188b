"""The catalog's SPARQL files: each parses, names its parameters, and runs bound."""

from __future__ import annotations

import pytest
from rdflib import URIRef

from kg import catalog
from kg.store import Store
from kg.vocab import ART, RES


@pytest.mark.parametrize("name", sorted(catalog.queries()))
def test_every_catalog_query_runs_with_the_parameters_its_header_names(
    name: str, sample_store: Store
) -> None:
    query = catalog.queries()[name]
    assert query.text.lstrip().startswith(f"# {name}:"), "a header comment names the query"
    bindings = {p: (ART["x"] if p in {"a", "g"} else URIRef(RES["turkey"])) for p in query.params}
    if "CONSTRUCT" in query.text:
        catalog.construct(sample_store, name, **bindings)
    else:
        catalog.run(sample_store, name, **bindings)


def test_a_query_refuses_parameters_it_does_not_name(sample_store: Store) -> None:
    with pytest.raises(TypeError):
        catalog.run(sample_store, "entity_events", y=RES["turkey"])


def test_support_counts_articles_and_sentences() -> None:
    evidence = [
        {"article": "a", "sentence": "one"},
        {"article": "a", "sentence": "two"},
        {"article": "b", "sentence": "three"},
    ]
    assert catalog.support(evidence) == {"level": "high", "articles": 2, "sentences": 3}
    assert catalog.support(evidence[:1])["level"] == "medium"
    assert catalog.support([])["level"] == "low"


def test_plurals_read_as_english() -> None:
    assert catalog.pluralize(1, "article") == "1 article"
    assert catalog.pluralize(2, "article") == "2 articles"
    assert catalog.pluralize(0, "entity", "entities") == "0 entities"
