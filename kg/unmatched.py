"""Gaps in extraction, found on text: clauses that join known entities but make no event.

Kinds of events grow from what news says, not from test failures. For every sentence of
an article in which no event was extracted, each verb whose clause (the verb and what it
governs) names two or more distinct known entities is a frame that no kind claims: "Japan
*beat* Germany to the frigate contract", "Morocco *acquired* Skylock systems from Israel".
Counted by the verb's lemma over a folder of articles (`attache extract --unmatched
PATH...`), they show which words and shapes to teach next; each comes with an example.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field

from rdflib import RDFS, Graph, Literal, URIRef
from rdflib.namespace import SKOS
from spacy.tokens import Doc

from kg.text import norm
from kg.vocab import DD


@dataclass
class Unmatched:
    """Frames no kind claims, by predicate lemma, with one example sentence each."""

    counts: Counter[str] = field(default_factory=Counter)
    examples: dict[str, str] = field(default_factory=dict)
    entities: dict[str, Counter[str]] = field(default_factory=dict)

    def add(self, lemma: str, sentence: str, names: Iterable[str]) -> None:
        self.counts[lemma] += 1
        self.examples.setdefault(lemma, sentence)
        self.entities.setdefault(lemma, Counter()).update(names)

    def lines(self, top: int = 40) -> list[str]:
        out = [f"{'frames':>6}  {'predicate':<16} example"]
        for lemma, n in self.counts.most_common(top):
            example = self.examples[lemma]
            if len(example) > 110:
                example = example[:107] + "..."
            out.append(f"{n:>6}  {lemma:<16} {example}")
        return out


def _names_by_sentence(graph: Graph) -> dict[int, dict[str, str]]:
    """For each sentence index, the names (label and alt labels, lowercased) of the
    entities it mentions, each to the entity's label."""
    index_of = {
        node: int(value)
        for node, value in graph.subject_objects(DD.sentenceIndex)
        if isinstance(value, Literal)
    }
    out: dict[int, dict[str, str]] = {}
    for entity, sentence in graph.subject_objects(DD.mentionedIn):
        index = index_of.get(sentence)
        if index is None or not isinstance(entity, URIRef):
            continue
        label = str(graph.value(entity, RDFS.label) or entity)
        names = out.setdefault(index, {})
        for name in [label, *map(str, graph.objects(entity, SKOS.altLabel))]:
            if len(name) > 1:
                names[name.lower()] = label
    return out


def _sentences_with_events(graph: Graph) -> set[int]:
    out = set()
    for sentence in graph.objects(None, DD.evidence):
        value = graph.value(sentence, DD.sentenceIndex)
        if isinstance(value, Literal):
            out.add(int(value))
    return out


def find_unmatched(doc: Doc, graph: Graph, found: Unmatched) -> None:
    """Add to ``found`` the frames of one article (its parse and extracted graph)."""
    names_at = _names_by_sentence(graph)
    claimed = _sentences_with_events(graph)
    first_of: dict[str, int] = {}  # numbered as extraction numbers them: repeats fold
    for sent in doc.sents:
        text = sent.text.strip()
        if not text:
            continue
        index = first_of.setdefault(norm(text), len(first_of))
        if index in claimed:
            continue
        names = names_at.get(index, {})
        if len(set(names.values())) < 2:
            continue
        for token in sent:
            if token.pos_ != "VERB":
                continue
            clause = " ".join(
                t.text for t in token.subtree if not (t.dep_ == "ccomp" and t.head == token)
            ).lower()
            labels = {label for name, label in names.items() if f" {name} " in f" {clause} "}
            if len(labels) >= 2:
                found.add(token.lemma_.lower(), sent.text.strip(), labels)
