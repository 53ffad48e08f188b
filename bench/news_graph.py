"""A synthetic news graph shaped like ingested articles, for benchmarks at ~1M triples.

Why: what a question costs depends on the graph's shape (entity triples repeated in
every article graph that mentions the entity, n-ary events, many labels per entity)
and on how many rows the popular entities bring, which toy generators miss. So the
bundled ``samples/`` are extracted once by the real pipeline and their graphs
replicated: each copy gets fresh article, sentence and event IRIs, and each entity is
either kept (the *hot* real ones such as Turkey, Russia or the S-400, with probability
``hot``) or replaced by a synthetic entity of the same type from a pool, described as
ingested entities are (``rdfs:label``, ``skos:prefLabel``, ``skos:altLabel``,
``dd:normLabel``, country, category) and renamed in the copy's sentences. Copy 0 of
each sample is the real article, so questions about the samples keep their answers.

Usage from a benchmark::

    samples, ontology = extract_samples()
    graph = NewsGraph(samples, triples=1_000_000)
    for chunk in graph.nquads(ontology):  # N-Quads bytes, about 100k quads each
        store.load(chunk, "nquads")
"""

from __future__ import annotations

import hashlib
import random
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pyoxigraph as ox

from kg.articles import Article, expand_paths, read_file
from kg.gazetteer import default_gazetteer
from kg.ingest import ingest_paths
from kg.rdf import article_iri
from kg.store import EmbeddedStore
from kg.text import norm_key, slugify
from kg.vocab import ART, DD, ONTOLOGY_GRAPH, RES

SAMPLES = Path(__file__).resolve().parent.parent / "samples"

# Real entities that stay themselves in a copy with probability ``hot``: what most of
# the samples are about, so questions about them meet hundreds of candidate rows.
HOT = frozenset(
    str(RES[name])
    for name in (
        "turkey",
        "russia",
        "united-states",
        "s-400",
        "nato",
        "f-35",
        "f-35-program",
        "caatsa",
        "donald-trump",
        "recep-tayyip-erdogan",
        "france",
        "indonesia",
        "finland",
        "rafale",
        "dassault-aviation",
    )
)

_RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
_LABEL = "http://www.w3.org/2000/01/rdf-schema#label"
_PREF = "http://www.w3.org/2004/02/skos/core#prefLabel"
_ALT = "http://www.w3.org/2004/02/skos/core#altLabel"
_NORM = str(DD.normLabel)
_ISO = str(DD.isoCode)
_TEXTS = frozenset({str(DD.text), str(DD.quote), "http://purl.org/dc/terms/title"})
_URL = "https://schema.org/url"
_HASH = str(DD.contentHash)

_SYLLABLES = (
    "ka ve lor min tas ruv sel dor bri nak zel qua tor mel vin sar pol gri len dax "
    "fen hul jor kesh mur nix oph tav"
).split()
# How each synthetic entity is named, by type: ``{}`` is a made-up word.
_SHAPES = {
    str(DD.State): "{}ia",
    str(DD.Person): "{} {}",
    str(DD.WeaponSystem): "{}",
    str(DD.Company): "{} Dynamics",
    str(DD.GovernmentBody): "{} Defense Agency",
    str(DD.Organization): "{} Council",
    str(DD.Alliance): "{} Pact",
    str(DD.DefenseProgram): "{} program",
    str(DD.LegalInstrument): "{} Act",
    str(DD.Place): "{}burg",
}
_ALT_WORDS = "system Republic Command Group Forces Union Initiative Office".split()


@dataclass
class Sample:
    """One extracted article: its graph's quads and what its entities are called."""

    article: str  # IRI of the article, which is also the graph's name
    path: str  # the sample's file
    quads: list[ox.Quad]
    types: dict[str, str] = field(default_factory=dict)  # entity IRI -> first type
    surface: dict[str, str] = field(default_factory=dict)  # name as written -> entity IRI
    pattern: re.Pattern[str] | None = None  # any of those names, longest first


@dataclass
class Copy:
    """One generated article: which sample it copies and what each entity became."""

    index: int
    sample: Sample
    article: str
    names: dict[str, tuple[str, str]]  # sample entity IRI -> (IRI, label) in this copy


def extract_samples(folder: Path = SAMPLES) -> tuple[list[Sample], list[ox.Quad]]:
    """The sample articles run through the real pipeline, and the ontology's quads."""
    store = EmbeddedStore(None)
    ingest_paths(store, [folder], progress=False)
    by_graph: dict[str, list[ox.Quad]] = {}
    for quad in store.quads():
        by_graph.setdefault(quad.graph_name.value, []).append(quad)  # type: ignore[union-attr]
    ontology = by_graph.pop(str(ONTOLOGY_GRAPH))
    store.close()
    files, _ = expand_paths([folder])
    sources = {
        str(article_iri(a)): str(f) for f in files for a in read_file(f) if isinstance(a, Article)
    }
    samples = []
    for name in sorted(by_graph):
        sample = Sample(name, sources.get(name, name), by_graph[name])
        labels: dict[str, set[str]] = {}
        for q in sample.quads:
            s, p, o = q.subject.value, q.predicate.value, q.object
            if not s.startswith(str(RES)):
                continue
            if p == _RDF_TYPE:
                sample.types.setdefault(s, o.value)
            elif p in {_LABEL, _PREF, _ALT} and isinstance(o, ox.Literal):
                labels.setdefault(s, set()).add(o.value)
        sample.surface = {n: e for e, names in labels.items() for n in names if len(n) > 2}
        # Longest names first, so "S-400 air defense system" is renamed before "S-400".
        ordered = sorted(sample.surface, key=len, reverse=True)
        sample.pattern = re.compile(r"\b(?:" + "|".join(map(re.escape, ordered)) + r")\b")
        samples.append(sample)
    return samples, ontology


def made_up_word(index: int) -> str:
    """A pronounceable word, different for each index: three syllables below 21,952, four
    after (a 5M-triple graph needs more names than three syllables make)."""
    n = len(_SYLLABLES)
    length = 3
    if index >= n**3:
        index, length = index - n**3, 4
    index = (index * 7919) % n**length  # spread neighbours apart (7919 is prime to n)
    parts = [(index // n**k) % n for k in reversed(range(length))]
    return "".join(_SYLLABLES[i] for i in parts).capitalize()


class NewsGraph:
    """Copies of the samples until about ``triples`` quads, with pools of entities."""

    def __init__(
        self,
        samples: list[Sample],
        triples: int = 1_000_000,
        *,
        hot: float = 0.25,
        seed: int = 7,
    ) -> None:
        self.samples = samples
        self.hot = hot
        self.seed = seed
        average = sum(len(s.quads) for s in samples) / len(samples)
        self.articles = max(len(samples), round(triples / average))
        # Pools: about as many states as the world has; people and the rest grow with
        # the corpus, so most synthetic entities appear in a handful of articles.
        self.pools = {
            str(DD.State): 190,
            str(DD.Person): max(50, self.articles),
            str(DD.WeaponSystem): max(50, self.articles // 6),
        }
        self._default_pool = max(50, self.articles // 4)
        taken = set(default_gazetteer().by_key)
        self._words: dict[tuple[str, int], str] = {}
        self._next_word = 0
        self._taken = taken
        self.copies: list[Copy] = []

    # -- synthetic entities ------------------------------------------------------------

    def pool(self, cls: str) -> int:
        return self.pools.get(cls, self._default_pool)

    def _word(self, cls: str, k: int, part: int = 0) -> str:
        key = (f"{cls}#{part}", k)
        word = self._words.get(key)
        while word is None:
            candidate = made_up_word(self._next_word)
            self._next_word += 1
            if norm_key(candidate) not in self._taken:
                self._taken.add(norm_key(candidate))
                word = self._words[key] = candidate
        return word

    def synthetic(self, cls: str, k: int) -> tuple[str, str]:
        """(IRI, label) of synthetic entity ``k`` of class ``cls``."""
        shape = _SHAPES.get(cls, "{} Group")
        if cls == str(DD.Person):
            label = shape.format(self._word(cls, k % 300, 1), self._word(cls, k))
        else:
            label = shape.format(self._word(cls, k))
        return str(RES[slugify(label)]), label

    # -- copies ------------------------------------------------------------------------

    def plan(self) -> list[Copy]:
        """Which sample each article copies and what its entities become (seeded)."""
        if self.copies:
            return self.copies
        rng = random.Random(self.seed)
        for i in range(self.articles):
            sample = self.samples[i % len(self.samples)]
            if i < len(self.samples):
                names = {e: (e, _label_of(sample, e)) for e in sample.types}
                self.copies.append(Copy(i, sample, sample.article, names))
                continue
            digest = hashlib.sha1(f"bench-{self.seed}-{i}".encode()).hexdigest()[:24]
            names = {}
            used: set[str] = set()
            for entity, cls in sorted(sample.types.items()):
                if entity in HOT and rng.random() < self.hot:
                    names[entity] = (entity, _label_of(sample, entity))
                    continue
                while True:
                    iri, label = self.synthetic(cls, rng.randrange(self.pool(cls)))
                    if iri not in used:
                        break
                used.add(iri)
                names[entity] = (iri, label)
            self.copies.append(Copy(i, sample, str(ART[digest]), names))
        return self.copies

    def nquads(self, extra: list[ox.Quad] = (), chunk: int = 100_000) -> Iterator[bytes]:  # type: ignore[assignment]
        """Every copy (and ``extra`` quads, e.g. the ontology) as N-Quads, in chunks."""
        lines = [f"{q} ." for q in extra]
        for copy in self.plan():
            lines.extend(self.lines(copy))
            if len(lines) >= chunk:
                yield ("\n".join(lines) + "\n").encode()
                lines = []
        if lines:
            yield ("\n".join(lines) + "\n").encode()

    def lines(self, copy: Copy) -> list[str]:
        """One copy's quads as N-Quads lines."""
        sample = copy.sample
        if copy.article == sample.article:
            return [f"{q} ." for q in sample.quads]
        old, new = sample.article, copy.article
        graph = f"<{new}>"
        renames = {e: label for e, (iri, label) in copy.names.items() if iri != e}
        counters: dict[tuple[str, str], int] = {}
        out = []
        for q in sample.quads:
            s, p, o = q.subject, q.predicate.value, q.object
            subject = self._node(s, old, new, copy)
            entity = s.value if s.value in renames else None
            if entity is not None and p in {_LABEL, _PREF, _ALT, _NORM, _ISO}:
                obj = self._renamed(entity, renames[entity], p, o, counters)
            elif isinstance(o, ox.Literal):
                obj = self._literal(o, p, sample, copy, renames)
            else:
                obj = self._node(o, old, new, copy)
            out.append(f"{subject} <{p}> {obj} {graph} .")
        return out

    def _node(self, term: object, old: str, new: str, copy: Copy) -> str:
        if isinstance(term, ox.NamedNode):
            value = term.value
            if value in copy.names:
                return f"<{copy.names[value][0]}>"
            if value.startswith(old):
                return f"<{new}{value[len(old) :]}>"
        return str(term)

    def _renamed(
        self, entity: str, label: str, p: str, o: object, counters: dict[tuple[str, str], int]
    ) -> str:
        """A name triple of a synthetic entity: its label, or its j-th alt or normal label."""
        lang = o.language if isinstance(o, ox.Literal) else None
        j = counters.get((entity, p), 0)
        counters[(entity, p)] = j + 1
        if p in {_LABEL, _PREF}:
            text = label
        elif p == _ISO:
            text = label[:2].upper() + "X"
        else:
            text = label if j == 0 else f"{label} {_ALT_WORDS[j % len(_ALT_WORDS)]} {j}"
            if p == _NORM:
                text = norm_key(text)
        return str(ox.Literal(text, language=lang) if lang else ox.Literal(text))

    def _literal(
        self, o: ox.Literal, p: str, sample: Sample, copy: Copy, renames: dict[str, str]
    ) -> str:
        if p in _TEXTS and renames:
            text = _rename(o.value, sample, renames)
            return str(ox.Literal(text, language=o.language) if o.language else ox.Literal(text))
        if p == _URL:
            return str(ox.Literal(f"{o.value}?copy={copy.index}", datatype=o.datatype))
        if p == _HASH:
            return str(ox.Literal(hashlib.sha1(copy.article.encode()).hexdigest()))
        return str(o)


def _label_of(sample: Sample, entity: str) -> str:
    for q in sample.quads:
        if q.subject.value == entity and q.predicate.value == _LABEL:
            return q.object.value
    return entity.rsplit("/", 1)[-1]


def _rename(text: str, sample: Sample, renames: dict[str, str]) -> str:
    """The sample's sentence with the copy's names instead of the renamed entities'."""
    if sample.pattern is None:
        return text

    def swap(match: re.Match[str]) -> str:
        return renames.get(sample.surface[match.group(0)], match.group(0))

    return sample.pattern.sub(swap, text)
