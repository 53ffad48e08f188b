"""The bundled sample articles load into a graph that holds the DESIGN.md example's entities."""

from __future__ import annotations

import pytest
from rdflib import URIRef

from kg.store import Store
from kg.vocab import DD

ENTITY_EVIDENCE = """
SELECT ?e ?text WHERE {
  ?e rdfs:label ?label ; a ?cls ; dd:mentionedIn ?s .
  ?s dd:text ?text .
}"""


@pytest.mark.parametrize(
    ("label", "cls", "word"),
    [
        ("Turkey", DD.State, "Turkey"),
        ("Russia", DD.State, "Russia"),
        ("S-400", DD.WeaponSystem, "S-400"),
        ("Recep Tayyip Erdogan", DD.Person, "Erdogan"),
        ("Mark Esper", DD.Person, "Esper"),
        ("NATO", DD.Alliance, "NATO"),
        ("CAATSA", DD.LegalInstrument, "CAATSA"),
    ],
)
def test_sample_entities_are_typed_labelled_and_cited(
    sample_store: Store, label: str, cls: URIRef, word: str
) -> None:
    from rdflib import Literal

    rows = sample_store.select(ENTITY_EVIDENCE, {"label": Literal(label, lang="en"), "cls": cls})
    assert rows.bindings, f"{label} is not a {cls} in the sample graph"
    assert len({r["e"] for r in rows}) == 1, "one node per entity across articles"
    texts = [str(r["text"]) for r in rows]
    assert len(texts) >= 2
    assert any(word in t for t in texts)


def test_every_sample_article_has_title_date_and_url(sample_store: Store) -> None:
    rows = sample_store.select(
        "SELECT ?a ?t ?d ?u WHERE { ?a a dd:NewsArticle ; dcterms:title ?t ;"
        " schema:datePublished ?d ; schema:url ?u }"
    )
    assert len(rows) == 8
