"""RDF mapping: article metadata, provenance, sentences and entities as triples.

Every IRI is minted here from stable inputs (the article key, the sentence index,
the entity's IRI from the linker), so extracting the same article twice gives the
same graph, and two articles mentioning one entity share its node.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from decimal import Decimal
from typing import TYPE_CHECKING

from rdflib import RDF, RDFS, Graph, Literal, Namespace, URIRef
from rdflib.namespace import DCTERMS, PROV, SKOS, XSD

from kg.articles import Article
from kg.text import norm_key
from kg.vocab import ART, BASE, DD

if TYPE_CHECKING:  # extraction's types: importing them at run time brings in spaCy
    from kg.events import Event
    from kg.link import Entity

SDO = Namespace("https://schema.org/")
EXTRACTOR_NS = Namespace(BASE + "extractor/")


# How a publication date is typed by what its source gave: a day, a month or a year.
_PUBLISHED = {"day": XSD.date, "month": XSD.gYearMonth, "year": XSD.gYear}


def article_iri(article: Article) -> URIRef:
    """The article's IRI, which is also the IRI of its named graph."""
    return ART[article.key]


def sentence_iri(article: URIRef, index: int) -> URIRef:
    return URIRef(f"{article}#s{index}")


def new_graph() -> Graph:
    graph = Graph(store="SimpleMemory")  # no per-triple context bookkeeping: ~25% faster adds
    for prefix, ns in (
        ("dd", DD._NS),
        ("art", ART),
        ("prov", PROV),
        ("schema", SDO),
        ("dcterms", DCTERMS),
        ("skos", SKOS),
    ):
        graph.bind(prefix, ns)
    return graph


def add_article(
    graph: Graph,
    article: Article,
    *,
    extractor_version: str,
    ingested_at: dt.datetime,
) -> URIRef:
    """The article node with its PROV-O provenance: source, title, dates, extractor, hash."""
    node = article_iri(article)
    graph.add((node, RDF.type, DD.NewsArticle))
    if article.title:
        graph.add((node, DCTERMS.title, Literal(article.title)))
        graph.add((node, RDFS.label, Literal(article.title)))
    if article.date:
        published = Literal(article.published, datatype=_PUBLISHED[article.date_precision])
        graph.add((node, SDO.datePublished, published))
    if article.url:
        graph.add((node, SDO.url, Literal(article.url, datatype=XSD.anyURI)))
        graph.add((node, PROV.hadPrimarySource, Literal(article.url, datatype=XSD.anyURI)))
    graph.add((node, DD.contentHash, Literal(article.content_hash)))
    graph.add((node, DD.extractorVersion, Literal(extractor_version)))

    agent = EXTRACTOR_NS[extractor_version]
    graph.add((agent, RDF.type, DD.Extractor))
    graph.add((agent, RDFS.label, Literal(f"Attaché extractor {extractor_version}")))
    activity = URIRef(f"{node}#ingestion")
    graph.add((activity, RDF.type, DD.Ingestion))
    graph.add((activity, PROV.wasAssociatedWith, agent))
    graph.add((activity, PROV.endedAtTime, Literal(ingested_at, datatype=XSD.dateTime)))
    graph.add((node, PROV.wasGeneratedBy, activity))
    graph.add((node, PROV.wasAttributedTo, agent))
    return node


def add_sentence(
    graph: Graph, article: URIRef, index: int, text: str, start: int, end: int
) -> URIRef:
    """A sentence node: the evidence every fact and mention points to."""
    node = sentence_iri(article, index)
    graph.add((node, RDF.type, DD.Sentence))
    graph.add((node, DD.inArticle, article))
    graph.add((node, DD.sentenceIndex, Literal(index)))
    graph.add((node, DD.text, Literal(text)))
    graph.add((node, DD.startChar, Literal(start)))
    graph.add((node, DD.endChar, Literal(end)))
    return node


def add_entity(graph: Graph, entity: Entity, surface_forms: Iterable[str]) -> None:
    """An entity's type, labels and lookup keys; gazetteer facts when it is known."""
    iri = entity.iri
    graph.add((iri, RDF.type, entity.type))
    graph.add((iri, RDFS.label, Literal(entity.label, lang="en")))
    graph.add((iri, SKOS.prefLabel, Literal(entity.label, lang="en")))
    keys = {norm_key(entity.label)}
    for form in surface_forms:
        if form != entity.label:
            graph.add((iri, SKOS.altLabel, Literal(form, lang="en")))
        keys.add(norm_key(form))
    entry = entity.entry
    if entry is not None:
        for name in entry.names:
            keys.add(norm_key(name))
        if entry.iso2:
            graph.add((iri, DD.isoCode, Literal(entry.iso2)))
        if entry.country:
            graph.add((iri, DD.country, entry.country))
        if entry.category:
            graph.add((iri, DD.weaponCategory, entry.category))
    for key in sorted(k for k in keys if k):
        graph.add((iri, DD.normLabel, Literal(key)))


def seal(graph: Graph, article: URIRef) -> None:
    """Record the graph's own size so a reader can verify it was stored whole."""
    graph.add((article, DD.tripleCount, Literal(len(graph) + 1)))


def add_event(graph: Graph, iri: URIRef, event: Event, evidence: URIRef) -> None:
    """An n-ary event (or relation over time) with its roles, values, date and evidence."""
    graph.add((iri, RDF.type, event.cls))
    for role, entities in event.roles.items():
        for entity in entities:
            graph.add((iri, role, entity.iri))
    for prop, values in event.values.items():
        for value in values:
            graph.add((iri, prop, value))
    graph.add((iri, DD.evidence, evidence))
    if event.cls not in (DD.RoleAssignment, DD.Membership):
        graph.add((iri, DD.modality, event.modality))
    graph.add((iri, DD.confidence, Literal(Decimal(f"{event.confidence:.2f}"))))
    if event.date is not None:
        graph.add((iri, DD.date, event.date.literal()))
        graph.add((iri, DD.datePrecision, event.date.precision_iri))
        graph.add((iri, DD.dateText, Literal(event.date.text)))
        if event.date.end != event.date.start:
            graph.add((iri, DD.dateEnd, Literal(event.date.end, datatype=XSD.date)))
    if event.cls == DD.Manufacturing:
        for weapon in event.roles.get(DD.equipment, []):
            for maker in event.roles.get(DD.actor, []):
                graph.add((weapon.iri, DD.manufacturer, maker.iri))
