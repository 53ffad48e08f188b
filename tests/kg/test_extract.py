"""Extraction turns an article into typed, labelled, linked entities with evidence sentences."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from rdflib import RDF, RDFS, Graph, Literal, URIRef
from rdflib.compare import isomorphic

from kg.articles import Article, parse_text
from kg.extract import Pipeline
from kg.rdf import article_iri
from kg.vocab import DD

FIXTURE = Path(__file__).resolve().parents[1] / "data" / "articles" / "s400_fixture.md"
WHEN = dt.datetime(2026, 1, 1, tzinfo=dt.UTC)


@pytest.fixture(scope="module")
def article() -> Article:
    return parse_text(FIXTURE.read_text(encoding="utf-8"), str(FIXTURE))


@pytest.fixture(scope="module")
def graph(pipeline: Pipeline, article: Article) -> Graph:
    return pipeline.extract(article, WHEN)


def entity(graph: Graph, label: str) -> URIRef:
    found = [s for s in graph.subjects(RDFS.label, Literal(label, lang="en"))]
    assert found, (
        f"no entity labelled {label!r}; labels: {sorted(map(str, graph.objects(None, RDFS.label)))}"
    )
    assert len(found) == 1
    return URIRef(found[0])


def evidence(graph: Graph, node: URIRef) -> list[str]:
    return sorted(str(graph.value(s, DD.text)) for s in graph.objects(node, DD.mentionedIn))


@pytest.mark.parametrize(
    ("label", "cls"),
    [
        ("Turkey", DD.State),
        ("Russia", DD.State),
        ("United States", DD.State),
        ("S-400", DD.WeaponSystem),
        ("Recep Tayyip Erdogan", DD.Person),
        ("Mark Esper", DD.Person),
        ("NATO", DD.Alliance),
        ("CAATSA", DD.LegalInstrument),
    ],
)
def test_key_entities_are_typed_and_labelled(graph: Graph, label: str, cls: URIRef) -> None:
    assert (entity(graph, label), RDF.type, cls) in graph


def test_every_entity_cites_the_sentences_that_mention_it(graph: Graph) -> None:
    s400 = evidence(graph, entity(graph, "S-400"))
    assert any(s.startswith("Russia began delivering S-400") for s in s400)
    assert any("incompatible with NATO" in s for s in s400)


def test_capitals_and_seats_of_government_link_to_their_state(graph: Graph) -> None:
    turkey = evidence(graph, entity(graph, "Turkey"))
    assert any("Ankara would not back down" in s for s in turkey)
    russia = evidence(graph, entity(graph, "Russia"))
    assert any(s.startswith("The Kremlin said Moscow") for s in russia)
    us = evidence(graph, entity(graph, "United States"))
    assert any(s.startswith("Washington has warned") for s in us)


def test_a_surname_links_to_the_person_named_in_full(graph: Graph) -> None:
    esper = evidence(graph, entity(graph, "Mark Esper"))
    assert any(s.startswith("Esper spoke to reporters") for s in esper)
    assert not list(graph.subjects(RDFS.label, Literal("Esper", lang="en")))


def test_an_acronym_and_its_spelt_out_name_are_one_entity(graph: Graph) -> None:
    caatsa = evidence(graph, entity(graph, "CAATSA"))
    assert any(s.startswith("Officials said CAATSA") for s in caatsa)
    assert any(s.startswith("Washington has warned") for s in caatsa)


def test_sentences_carry_their_offsets_in_the_article(graph: Graph, article: Article) -> None:
    sentences = list(graph.subjects(RDF.type, DD.Sentence))
    assert len(sentences) >= 8
    for s in sentences:
        start, end = int(graph.value(s, DD.startChar)), int(graph.value(s, DD.endChar))  # type: ignore[arg-type]
        assert article.text[start:end] == str(graph.value(s, DD.text))


def test_article_provenance_is_recorded(graph: Graph, article: Article) -> None:
    node = article_iri(article)
    assert (node, RDF.type, DD.NewsArticle) in graph
    assert str(graph.value(node, DD.contentHash)) == article.content_hash
    assert graph.value(node, DD.extractorVersion) is not None
    assert int(graph.value(node, DD.tripleCount)) == len(graph)  # type: ignore[arg-type]


def test_extraction_is_deterministic(pipeline: Pipeline, article: Article, graph: Graph) -> None:
    assert isomorphic(pipeline.extract(article, WHEN), graph)


def test_the_same_entity_in_two_articles_is_one_node(pipeline: Pipeline) -> None:
    a = pipeline.extract(Article(text="Turkey bought the S-400 from Russia."), WHEN)
    b = pipeline.extract(Article(text="Ankara said the Turkish S-400 batteries were active."), WHEN)
    turkey_a = entity(a, "Turkey")
    assert turkey_a == entity(b, "Turkey")
    assert entity(a, "S-400") == entity(b, "S-400")


def test_repeated_sentences_are_one_evidence_node(pipeline: Pipeline) -> None:
    text = "Poland signed a deal.\n\nPoland signed a deal.\n\nThe deal is large."
    g = pipeline.extract(Article(text=text), WHEN)
    assert len(list(g.subjects(RDF.type, DD.Sentence))) == 2


def test_an_abbreviated_rank_or_style_does_not_end_a_sentence(pipeline: Pipeline) -> None:
    text = (
        "The pact was signed by the head of DICON, Maj.-Gen. Victor Ezugwu, in Abuja. "
        "Fr. John Okoro blessed it. Lt.-Gen. Ali Musa spoke last."
    )
    g = pipeline.extract(Article(text=text), WHEN)
    sentences = sorted(str(s) for s in g.objects(None, DD.text))
    assert len(sentences) == 3, sentences
    assert any(s.startswith("Fr. John Okoro") for s in sentences), sentences


def test_a_stock_ticker_is_part_of_the_company_name_as_written(pipeline: Pipeline) -> None:
    text = (
        "Raytheon Technologies Corp. [RTN] won a $1.2 billion contract to supply Patriot "
        "missiles to Poland. Lockheed Martin (NYSE: LMT) will deliver 32 F-35 jets to Poland."
    )
    g = pipeline.extract(Article(text=text), WHEN)
    sentences = sorted(str(s) for s in g.objects(None, DD.text))
    assert len(sentences) == 2, sentences  # no sentence ends at "Corp."
    labels = {str(o) for o in g.objects(None, RDFS.label)}
    assert not labels & {"RTN", "LMT", "NYSE"}, labels
    deal = next(g.subjects(RDF.type, DD.ArmsDeal))
    suppliers = {str(g.value(s, RDFS.label)) for s in g.objects(deal, DD.supplier)}
    assert suppliers and not suppliers & {"RTN"}, suppliers  # "[RTN]" is not the subject


@pytest.mark.parametrize(
    "dateline",
    [
        "Taipei, May 12 (CNA) ",
        "WASHINGTON (Reuters) - ",
        "(AFP) -- ",
        "SEOUL, Dec. 5 (Yonhap) -- ",
    ],
)
def test_a_wire_service_credited_in_a_dateline_is_no_organization_of_the_story(
    pipeline: Pipeline, dateline: str
) -> None:
    text = f"{dateline}Taiwan's army conducted a live-firing of HIMARS rocket launchers."
    g = pipeline.extract(Article(text=text), WHEN)
    labels = {str(o) for o in g.objects(None, RDFS.label)}
    credit = dateline[dateline.index("(") + 1 : dateline.index(")")]
    assert "HIMARS" in labels and credit not in labels, labels


def test_an_expansion_in_brackets_after_a_name_is_no_credit(pipeline: Pipeline) -> None:
    text = "NATO (North Atlantic Treaty Organization) said that Sweden had joined."
    g = pipeline.extract(Article(text=text), WHEN)
    assert "NATO" in {str(o) for o in g.objects(None, RDFS.label)}
    assert next(g.subjects(RDF.type, DD.Statement), None) is not None


def test_no_sentence_begins_right_after_a_word_and_a_space(pipeline: Pipeline) -> None:
    """The parser split "the Lockheed Martin | F-16V Block 70": a sentence begins after
    its end mark or a line break, not inside a run of names."""
    text = (
        "The FAP is yet to choose between the Lockheed Martin F-16V Block 70, the Saab JAS "
        "39 Gripen, and the Dassault Rafale F4."
    )
    g = pipeline.extract(Article(text=text), WHEN)
    assert len(list(g.objects(None, DD.text))) == 1
    maker = next(g.subjects(RDF.type, DD.Manufacturing))
    assert {str(g.value(o, RDFS.label)) for o in g.objects(maker, DD.actor)} == {"Lockheed Martin"}


def test_an_acronym_in_round_brackets_is_no_ticker(pipeline: Pipeline) -> None:
    text = "The Terminal High Altitude Area Defense (THAAD) system was sold to Qatar."
    g = pipeline.extract(Article(text=text), WHEN)
    assert "THAAD" in {str(o) for o in g.objects(None, RDFS.label)}
