"""A readable view of what extraction produced for one article (`attache extract`)."""

from __future__ import annotations

from collections.abc import Iterator

from rdflib import RDF, RDFS, Graph, URIRef
from rdflib.term import Node

from kg.text import local_name
from kg.vocab import DD

_SKIP = {RDF.type, DD.evidence, DD.confidence, DD.modality, DD.datePrecision}


def _label(graph: Graph, node: Node) -> str:
    value = graph.value(node, RDFS.label)
    if value is not None:
        return str(value)
    text = str(node)
    return text.rsplit("#", 1)[-1] if "#" in text else text


def render_table(graph: Graph) -> Iterator[str]:
    """Entities (type, label, how many sentences mention them), then events with evidence."""
    entities = sorted(
        {(s, local_name(graph.value(s, RDF.type))) for s in graph.subjects(DD.mentionedIn, None)},
        key=lambda pair: (pair[1], _label(graph, pair[0])),
    )
    yield f"ENTITIES ({len(entities)})"
    for node, cls in entities:
        count = len(set(graph.objects(node, DD.mentionedIn)))
        yield f"  {cls:<22} {_label(graph, node):<40} {count} sentence(s)"
    events = sorted(
        set(graph.subjects(DD.evidence, None)),
        key=lambda e: int(graph.value(graph.value(e, DD.evidence), DD.sentenceIndex) or 0),  # type: ignore[arg-type]
    )
    yield ""
    yield f"EVENTS AND RELATIONS ({len(events)})"
    for event in events:
        cls = local_name(graph.value(event, RDF.type))
        modality = local_name(graph.value(event, DD.modality) or "")
        confidence = graph.value(event, DD.confidence)
        head = f"  {cls}" + (f" [{modality}]" if modality else "") + f" conf={confidence}"
        yield head
        for prop, value in sorted(graph.predicate_objects(event), key=lambda pv: str(pv[0])):
            if prop in _SKIP:
                continue
            shown = _label(graph, value) if isinstance(value, URIRef) else str(value)
            yield f"      {local_name(prop)}: {shown}"
        sentence = graph.value(graph.value(event, DD.evidence), DD.text)
        yield f"      evidence: {sentence}"
