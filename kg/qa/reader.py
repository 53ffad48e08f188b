"""The second tier: answers read from stored sentences when no extracted fact answers.

Extraction turns what it recognizes into events; news says much more than any set of
event kinds holds ("the Zvezda channel", "a three-day visit", "in 1993"). Every article's
sentences are stored as RDF with the entities each mentions (``dd:Sentence``,
``dd:mentionedIn``), so when the first tier has no fact for a question, this tier reads
the sentences of the articles that name every entity of the question, as open-domain
QA systems read retrieved passages:

1. :func:`kg.qa.asked.asked` says what kind of answer the question wants;
2. the sentences are scored by how many of the question's content words they contain
   (weighted by rarity among the sentences read) and by the question's entities they
   mention; only a sentence that carries most of the question is read;
3. from the best sentences, the answer of the wanted kind is taken (an entity mentioned
   there of a fitting class, a date, a number, an amount, the reported clause, the
   reason after "over"/"because of"/"citing"), nearest the question's words, and never
   an entity the question itself names.

Answers read this way are marked (``"tier": "sentence"``) with a lower confidence, and
the reading says so. Nothing is guessed: without such a sentence there is no answer.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from rdflib import Literal, URIRef

from kg.dates import find_dates
from kg.qa.asked import REPORTING_STEMS, Asked
from kg.qa.entities import Found
from kg.qa.lexicon import Lexicon, stem, tokenize
from kg.sparql import bind_many
from kg.store.base import Store, Term
from kg.text import norm
from kg.vocab import DD

QUERY_DIR = Path(__file__).with_name("reading")
MAX_ARTICLES = 12  # articles read per question: those that mention the entities most
MIN_COVERAGE = 0.4  # share of the question's content (by weight) a sentence must carry
MISSING = 0.75  # what a sentence counts that no entity of the question is near
ENTITY_SHARE = 0.75  # weight of a named entity against a word of the same rarity
CONFIDENCE = 0.4  # confidence of an answer read from a sentence, times its coverage

ENTITY_CLASSES: dict[str, frozenset[URIRef]] = {
    "person": frozenset({DD.Person}),
    "state": frozenset({DD.State}),
    "company": frozenset({DD.Company}),
    "organization": frozenset(
        {
            DD.Alliance,
            DD.InternationalOrganization,
            DD.GovernmentBody,
            DD.MilitaryOrganization,
            DD.Organization,
            DD.NonStateArmedGroup,
        }
    ),
    "place": frozenset({DD.Place, DD.State}),
    "weapon": frozenset({DD.WeaponSystem}),
    "program": frozenset({DD.DefenseProgram}),
    "law": frozenset({DD.LegalInstrument}),
}
ENTITY_CLASSES["agent"] = (
    ENTITY_CLASSES["person"]
    | ENTITY_CLASSES["state"]
    | ENTITY_CLASSES["company"]
    | ENTITY_CLASSES["organization"]
)

# Words that carry no content of their own in a question.
_SOURCE_LEAD = re.compile(r"^\s*(?:according\s+to|per)\s+[^,]{1,80},", re.I)
_CALENDAR_WORDS = re.compile(
    r"\b(?:(?:\d{1,2}\s+)?(?:January|February|March|April|May|June|July|August|September|"
    r"October|November|December)(?:\s+\d{1,2})?(?:,?\s+\d{4})?|(?:19|20)\d{2}|Monday|Tuesday|"
    r"Wednesday|Thursday|Friday|Saturday|Sunday)\b"
)
_CONNECTORS = frozenset({"and", "of", "for", "on", "&"})
_STOP = frozenset(
    (
        "a an the this that these those its it their his her our your my of to from by for "
        "with in on at about against under over into onto between among within through "
        "during before after since until as than and or but not no nor so if then there "
        "here what which who whom whose when where why how is are was were be been being do "
        "does did has have had will would can could shall should may might must also just "
        "only first new one ones any some all each both other another such same own more "
        "most much many long often according article report reported per say said says "
        "tell told name list give me us well yet still ever again once ago currently "
        "now later earlier being get got make made take took 's ’s besides apart except "
        "other he she they we it him them i you roughly approximately exactly kind type sort "
        "up out off down done doing happen happens happened"
    ).split()
)
# Suffixes that make a noun of a verb: "violation" is read where the question says
# "violate", "assistance" where it says "assist". Not "-ment": its nouns drift from their
# verbs ("government", "department", "statement" is not "state").
_NOMINAL_SUFFIXES = ("ation", "ition", "ion", "anc", "enc")  # after stem(): "assistanc"


def derived(word_stem: str) -> set[str]:
    """The stem with the stems of the verbs its noun suffix derives it from; roots shorter
    than five letters are left out ("station" is not "state")."""
    out = {word_stem}
    if "-" in word_stem:
        # "build-up" is read where the sentence says "building up".
        out |= {stem(part) for part in word_stem.split("-") if len(part) >= 4}
    if word_stem.endswith("ly") and len(word_stem) >= 7:
        # "steadily" where the question says "steady".
        root = word_stem[:-2]
        out.add(root[:-1] + "y" if root.endswith("i") else root)
    for suffix in _NOMINAL_SUFFIXES:
        root = word_stem.removesuffix(suffix)
        if root != word_stem and len(root) >= 5:
            out.add(root[:-1] if root.endswith("e") else root)
    return out


# Words that only restate the kind of answer asked for ("In what *year* ...").
_ASKED_WORDS = {
    "date": frozenset(stem(w) for w in "date day month year time week".split()),
    "year": frozenset(stem(w) for w in "date day month year years time".split()),
    "duration": frozenset(
        stem(w) for w in "long period time years months weeks days hours decades".split()
    ),
    "money": frozenset(stem(w) for w in "value worth cost much price".split()),
    "distance": frozenset(stem(w) for w in "far distance away".split()),
}
_DESCRIBING = frozenset(
    stem(w)
    for w in "describe characterise characterize know see view regard portray depict label dub "
    "call".split()
)
_WEAK = frozenset(stem(w) for w in "country countries company state government year".split())
_NUMBER_WORDS = {
    w: i
    for i, w in enumerate(
        (
            "zero one two three four five six seven eight nine ten eleven twelve thirteen "
            "fourteen fifteen sixteen seventeen eighteen nineteen twenty"
        ).split()
    )
}
_NUMBER_WORDS.update({"thirty": 30, "forty": 40, "fifty": 50, "hundred": 100, "dozen": 12})
_NUM = r"(?:\d+(?:[.,]\d+)*|" + "|".join(sorted(_NUMBER_WORDS, key=len, reverse=True)) + ")"
_SCALE = r"(?:\s*(?:million|billion|trillion|bn|mn|m|b)\b)?"
_MONEY = re.compile(
    r"(?:(?:US|A|C|NZ|HK)?[$€£¥₹]|\b(?:USD|EUR|GBP|CHF|NOK|DKK|SEK|INR|JPY|RMB)\s?)\s?"
    r"\d+(?:[.,]\d+)*" + _SCALE + r"|\b\d+(?:[.,]\d+)*" + _SCALE + r"\s*(?:US\s)?(?:dollars|"
    r"euros?|pounds|kroner|krone|kronor|crowns|rupees|yuan|won|yen|francs|roubles|rubles|"
    r"shekels|riyals|dirhams|lira|zloty|reais|pesos|USD|EUR|CHF)\b",
    re.I,
)
_DURATION = re.compile(
    r"\b" + _NUM + r"(?:[- ](?:and[- ]a[- ]half[- ])?)(?:years?|months?|weeks?|days?|hours?|"
    r"decades?)(?:\s+and\s+" + _NUM + r"\s+(?:years?|months?|weeks?|days?))?\b",
    re.I,
)
_COUNT = re.compile(r"\b" + _NUM + r"\b", re.I)
_REASON = re.compile(
    r"\b(?:because\s+of|because|due\s+to|owing\s+to|citing|in\s+response\s+to|in\s+protest\s+"
    r"(?:at|against|over)|in\s+retaliation\s+(?:for|against)|as\s+a\s+result\s+of|over|amid|"
    r"following|after|for|on\s+the\s+grounds?\s+(?:of|that)|based\s+on|in\s+order\s+to|"
    r"to\s+protest|as\s+punishment\s+for|under|(?:stoked|driven|prompted|spurred|fuell?ed|"
    r"triggered|motivated|sparked|caused|provoked)\s+by|(?:reacting|responding)\s+to|"
    r"in\s+reaction\s+to|followed|came\s+(?:after|in\s+response\s+to)|^as|^since|^with)\s+",
    re.I,
)
_REPORTED = re.compile(
    r"\b(?:said|says|told\s+[^,.;]{1,60}?|warned|insisted|argued|stated|noted|added|"
    r"stressed|claimed|announced|declared|explained|wrote|urged|called)\s+(?:on\s+\w+\s+)?"
    r"(?:that\s+)?(?P<clause>[^\"“”]{8,})$",
    re.I,
)
_ATTRIBUTION_AFTER = re.compile(
    r"^(?P<clause>.{8,}?)[,\"”]+\s+(?:[\w.'’ -]{1,80}?)\s+(?:said|says|added|told|warned|"
    r"noted|stated|insisted|wrote)\b",
    re.I,
)
_CLAUSE_END = re.compile(
    r"[;:]|,\s(?:said|says|the|which|while|but|and\s+(?:the|said))\b|\.\s|\.$|\s—\s"
)
_APPOSITION = re.compile(r"\s*,\s*((?:the\s+)?[^,;]{3,80}?)\s*(?:,|\.|;|$)")
_QUOTED = re.compile(r"[\"“]([^\"“”]{8,})[\"”]")
_OPEN_QUOTE = re.compile(r"[\"“]([^\"“”]{8,})$")
_ACCORDING = re.compile(r"^\s*according\s+to\s+[^,]{1,80},\s*", re.I)


@cache
def query(name: str) -> str:
    """The text of one of this tier's queries (``reading/<name>.rq``), read once."""
    return (QUERY_DIR / f"{name}.rq").read_text(encoding="utf-8")


def queries() -> dict[str, str]:
    """Every query this tier runs, by name (parsed by a test)."""
    return {p.stem: query(p.stem) for p in sorted(QUERY_DIR.glob("*.rq"))}


@dataclass
class Sentence:
    """One stored sentence with what it mentions."""

    node: Term
    article: Term
    index: int
    text: str
    published: dt.date | None
    mentions: dict[URIRef, tuple[set[URIRef], set[str]]] = field(default_factory=dict)
    shown: dict[URIRef, str] = field(default_factory=dict)  # each mention's label
    stems: set[str] = field(default_factory=set)


@dataclass
class Read:
    """An answer read from a sentence."""

    text: str
    iri: str | None
    sentence: Sentence
    coverage: float
    kind: str

    @property
    def confidence(self) -> float:
        return round(CONFIDENCE * self.coverage, 2)


class Reader:
    """Reads answers from the stored sentences of a store."""

    def __init__(self, store: Store) -> None:
        self.store = store
        self._synonyms: tuple[Lexicon, dict[str, frozenset[str]]] | None = None

    def synonyms(self, lexicon: Lexicon | None) -> dict[str, frozenset[str]]:
        """One-word labels of the same ontology term, by stem: "pact" with "accord" and
        "treaty" (``dd:Agreement``), "buy" with "purchase"; and the trigger lemmas of one
        kind ("sign", "conclude"). The ontology's labels are the vocabulary its editors
        chose, so editing them changes what matches."""
        if lexicon is None:
            return {}
        # Keyed by the lexicon itself, which it holds: a freed lexicon's id may be reused.
        if self._synonyms is None or self._synonyms[0] is not lexicon:
            by_term: dict[URIRef, set[str]] = defaultdict(set)
            for phrase, terms in lexicon.phrases.items():
                if len(phrase) == 1:
                    for term in terms:
                        by_term[term].add(phrase[0])
            # The words that tell of one kind ("sign", "conclude") are one word too.
            triggers: dict[URIRef, set[str]] = defaultdict(set)
            for row in self.store.select(query("trigger_lemmas")):
                if isinstance(row["term"], URIRef):
                    triggers[row["term"]].add(stem(str(row["lemma"])))
            for term, words in triggers.items():
                by_term[URIRef(str(term) + "#triggers")] = words
            table: dict[str, set[str]] = defaultdict(set)
            for words in by_term.values():
                if len(words) > 1:
                    for word in words:
                        table[word] |= words
            self._synonyms = (lexicon, {w: frozenset(v) for w, v in table.items()})
        return self._synonyms[1]

    def read(
        self,
        question: str,
        want: Asked,
        entities: Sequence[Found],
        *,
        left_out: Sequence[Found] = (),
        lexicon: Lexicon | None = None,
        limit: int = 10,
    ) -> list[Read]:
        """Answers of the kind ``want`` from the sentences that carry ``question``.

        ``left_out`` are entities the question names to exclude ("Besides Turkey, ...");
        they are neither looked for nor answered.
        """
        named = _distinct_iris(entities)
        excluded = set(_distinct_iris(left_out))
        looked_for = [iri for iri in named if iri not in excluded]
        if not looked_for:
            return []
        optional = frozenset(f.iri for f in entities if f.type in _DESCRIBABLE)
        words = keywords(question, entities, want)
        sentences = self._sentences(looked_for, optional, words)
        if not sentences:
            return []
        same_words = self.synonyms(lexicon)
        forms = {w: same_words.get(w, frozenset()) | derived(w) for w in words}
        scored = _score(sentences, words, looked_for, forms)
        if want.kind == "description" and not want.head:
            # "How is Rosoboronexport described?": any sentence that describes it, those
            # with the question's other words first.
            scored += _described_by_entity(sentences, looked_for, scored)
            scored.sort(key=lambda t: (-t[0], str(t[1].article), t[1].index))
        elif not words:
            return []
        speaker = _speaker(question, entities) if want.kind == "quote" else None
        out: list[Read] = []
        seen: set[str] = set()
        for coverage, sentence, hits in scored[:3]:
            if coverage < MIN_COVERAGE:
                break
            head_forms = same_words.get(stem(want.head), frozenset()) if want.head else frozenset()
            found = _candidates(sentence, want, named, hits, entities, head_forms, speaker)
            if not found and want.kind == "reason":
                # "Joly confirmed that Canada will end arms exports. The announcement
                # followed the approval of ...": the cause is told of the event next.
                after = _next_sentence(sentences, sentence)
                if after is not None and _TOLD_OF_LAST.match(after.text):
                    found = [(t, None) for _, t, _ in _reason_spans(after.text, [])]
                    sentence = after if found else sentence
            for text, iri in found:
                key = norm(text)
                if not key or key in seen:
                    continue
                seen.add(key)
                out.append(Read(text, iri, sentence, coverage, want.kind))
            if out and not want.plural:
                break
        return out[: (limit if want.plural else 2)]

    def articles_naming(self, named: Iterable[URIRef]) -> tuple[Counter[Term], Counter[Term]]:
        """For each article that mentions some of ``named``: how many sentences mention
        them, and how many of them it names."""
        mentions: Counter[Term] = Counter()
        entities: Counter[Term] = Counter()
        for iri in named:
            for row in self.store.select(query("articles_mentioning"), {"x": iri}):
                mentions[row["article"]] += int(str(row["n"]))
                entities[row["article"]] += 1
        return mentions, entities

    def articles_with_words(self, named: Iterable[URIRef], words: Sequence[str]) -> Counter[Term]:
        """For each article that mentions one of ``named``: the most of ``words`` that
        the sentences mentioning one of them carry (as written, in lowercase)."""
        carried: Counter[Term] = Counter()
        terms = [Literal(w) for w in dict.fromkeys(words) if len(w) >= 3]
        if not terms:
            return carried
        text = bind_many(query("articles_with_words"), "word", terms)
        for iri in named:
            for row in self.store.select(text, {"x": iri}):
                k = int(str(row["k"]))
                carried[row["article"]] = max(carried[row["article"]], k)
        return carried

    def _sentences(
        self,
        named: list[URIRef],
        optional: frozenset[URIRef] = frozenset(),
        words: Sequence[str] = (),
    ) -> list[Sentence]:
        """The sentences of the articles that mention every entity named.

        One of ``optional`` may be missing when three or more are named: a question's
        description of a body ("the federal government") is not always a name the
        article uses.
        """
        mentions, entities = self.articles_naming(named)
        needed = len(named) - 1 if len(named) >= 3 and set(named) & optional else len(named)
        articles = [a for a in entities if entities[a] >= needed]
        if not articles:
            return []
        # More articles than are read: those whose sentences about the entities carry
        # more of the question's words first ("the US push for the embargo" is in the
        # article on the embargo, not in the ten that mention the US most).
        carried = (
            self.articles_with_words(named, words)
            if len(articles) > MAX_ARTICLES
            else Counter[Term]()
        )
        articles.sort(key=lambda a: (-entities[a], -carried[a], -mentions[a], str(a)))
        articles = articles[:MAX_ARTICLES]
        out: list[Sentence] = []
        for article in articles:
            by_node: dict[Term, Sentence] = {}
            for row in self.store.select(query("article_sentences"), {"article": article}):
                published = _as_date(row.get("published"))
                sentence = Sentence(
                    row["s"], article, int(str(row["i"])), str(row["text"]), published
                )
                sentence.stems = {
                    form for t in tokenize(sentence.text) if t.is_word for form in derived(t.stem)
                }
                by_node[row["s"]] = sentence
            for row in self.store.select(query("article_mentions"), {"article": article}):
                held = by_node.get(row["s"])
                if held is None or not isinstance(row["m"], URIRef):
                    continue
                sentence = held
                types, labels = sentence.mentions.setdefault(row["m"], (set(), set()))
                if isinstance(row["type"], URIRef):
                    types.add(row["type"])
                labels.add(str(row["label"]))
                if row.get("pref") is not None:
                    sentence.shown[row["m"]] = str(row["label"])
            out.extend(sorted(by_node.values(), key=lambda s: s.index))
        return out


# Entities a question may describe in words an article does not use as a name.
_DESCRIBABLE = frozenset(
    {DD.GovernmentBody, DD.Organization, DD.MilitaryOrganization, DD.InternationalOrganization}
)


_SETTLEMENTS = frozenset(stem(w) for w in "city capital town port village".split())
# Nouns that end the names of buildings and sites, not of settlements ("Narino Palace").
_FACILITIES = frozenset(
    stem(w)
    for w in (
        "palace base airbase airport port harbour harbor camp building square hall house "
        "center centre hotel forum headquarters embassy office shipyard range"
    ).split()
)


def fits_settlement(want: Asked, name: str) -> bool:
    """Whether ``name`` can answer "which city/capital/town": not a building or site."""
    if want.kind != "place" or stem(want.head) not in _SETTLEMENTS:
        return True
    words = [t.stem for t in tokenize(name) if t.is_word]
    return not (words and words[-1] in _FACILITIES)


def _distinct_iris(entities: Iterable[Found]) -> list[URIRef]:
    return list(dict.fromkeys(f.iri for f in entities))


def _as_date(term: Term | None) -> dt.date | None:
    if isinstance(term, Literal):
        try:
            return dt.date.fromisoformat(str(term)[:10])
        except ValueError:
            return None
    return None


def keywords(question: str, entities: Sequence[Found], want: Asked) -> list[str]:
    """The stems of the question's content words: not its entities, not function words,
    not the noun that names the kind of answer ("which *country*")."""
    text = question
    source = _SOURCE_LEAD.match(text) if want.kind == "quote" else None
    if source and any(f.text in source.group(0) for f in entities):
        # "According to Argentina's defence ministry, what ...": who said it is the
        # speaker, found by its entity; the question proper is what was said. ("According
        # to the letter" names no speaker, and its words are kept.)
        text = text[source.end() :]
    for found in entities:
        text = text.replace(found.text, " ")
    head = stem(want.head) if want.head else ""
    asked_for = _ASKED_WORDS.get(want.kind, frozenset())
    out = []
    for token in tokenize(text):
        if not token.is_word or token.norm in _STOP or len(token.norm) < 2:
            continue
        if want.kind not in {"named", "object"} and (
            token.stem == head or token.stem in want.phrase
        ):
            continue
        if token.stem in asked_for:
            continue
        if want.kind == "description" and not want.head and token.stem in _DESCRIBING:
            continue  # "How is X described?": the verb asks, the text need not have it
        out.append(token.stem)
    return list(dict.fromkeys(out))


def _score(
    sentences: list[Sentence],
    keywords: list[str],
    named: list[URIRef],
    forms: dict[str, frozenset[str]] | None = None,
) -> list[tuple[float, Sentence, set[str]]]:
    """Sentences by the weighted share of the question's words they carry.

    A word's weight is its rarity among the sentences read (inverse document frequency),
    so the words every sentence shares count little; a sentence that mentions none of the
    question's entities counts only half.
    """
    same = forms or {k: frozenset({k}) for k in keywords}
    exact = {k: derived(k) for k in keywords}
    df: Counter[str] = Counter()
    df_exact: Counter[str] = Counter()
    for sentence in sentences:
        df.update(k for k in keywords if same[k] & sentence.stems)
        df_exact.update(k for k in keywords if exact[k] & sentence.stems)
    n = len(sentences)

    # A word no sentence read carries weighs as one that a single sentence carries: it is
    # as likely the question's own paraphrase ("quoted", "represented") as the fact's key.
    def weight(k: str, count: int) -> float:
        return math.log((n + 1) / (max(count, 1) + 0.5)) * (0.5 if k in _WEAK else 1.0)

    # The question's own word weighs by its own rarity; a synonym ("say" for
    # "spokesperson") by the rarity of the whole group, which is lower.
    weights = {k: weight(k, df_exact[k]) for k in keywords}
    loose = {k: min(weights[k], weight(k, df[k])) for k in keywords}
    # The entities the question names are part of what it says: a sentence that names
    # them carries that much more of it (weighed by their rarity among the sentences).
    named_df = Counter(iri for sentence in sentences for iri in named if iri in sentence.mentions)
    named_weights = {iri: ENTITY_SHARE * math.log((n + 1) / (named_df[iri] + 0.5)) for iri in named}
    total = (sum(weights.values()) + sum(named_weights.values())) or 1.0
    near: dict[tuple[Term, int], set[URIRef]] = defaultdict(set)
    for sentence in sentences:
        for offset in (-1, 0, 1):
            near[(sentence.article, sentence.index + offset)] |= set(sentence.mentions)
    scored = []
    for sentence in sentences:
        hits = {k for k in keywords if same[k] & sentence.stems}
        if not hits:
            continue
        carried = sum(weights[k] if exact[k] & sentence.stems else loose[k] for k in hits)
        carried += sum(w for iri, w in named_weights.items() if iri in sentence.mentions)
        coverage = carried / total
        named_here = sum(1 for iri in named if iri in sentence.mentions)
        if not named_here:
            coverage *= 0.5
        nearby = near.get((sentence.article, sentence.index), set())
        if any(iri not in nearby for iri in named):
            # A party the question names but neither this sentence nor its neighbours
            # mention: the sentence is about someone else ("sold to Indonesia" does not
            # answer a question about Greece).
            coverage *= MISSING
        scored.append((coverage, sentence, hits))
    scored.sort(key=lambda t: (-t[0], str(t[1].article), t[1].index))
    return scored


# A sentence that opens by referring back to the event just told ("The announcement
# followed ...", "This decision came after ...").
_TOLD_OF_LAST = re.compile(
    r"^\s*(?:the|this|that|these|its|their|his|her)\s+(?:[a-z-]+\s+){0,2}?(?:announcement|"
    r"decision|move|step|ban|halt|suspension|freeze|embargo|sanctions?|measures?|deal|sale|"
    r"order|visit|statement|change|shift)\b",
    re.I,
)


def _next_sentence(sentences: list[Sentence], sentence: Sentence) -> Sentence | None:
    for other in sentences:
        if other.article == sentence.article and other.index == sentence.index + 1:
            return other
    return None


def _described_by_entity(
    sentences: list[Sentence],
    named: list[URIRef],
    scored: list[tuple[float, Sentence, set[str]]],
) -> list[tuple[float, Sentence, set[str]]]:
    """The sentences that mention every entity ``named`` and are not already ``scored``,
    at the least coverage that is read."""
    seen = {id(s) for _, s, _ in scored}
    return [
        (MIN_COVERAGE, sentence, set())
        for sentence in sentences
        if id(sentence) not in seen and all(iri in sentence.mentions for iri in named)
    ]


def _positions(sentence: Sentence, hits: set[str]) -> list[int]:
    return [t.start for t in tokenize(sentence.text) if t.stem in hits]


Span = tuple[int, str, str | None]  # (offset in the sentence, text, IRI)


def _nearest(spans: list[Span], anchors: list[int]) -> list[tuple[str, str | None]]:
    """Candidates (start, text, iri) ordered by distance to the nearest anchor."""
    if not anchors:
        return [(t, i) for _, t, i in spans]
    ranked = sorted(spans, key=lambda c: min(abs(c[0] - a) for a in anchors))
    return [(t, i) for _, t, i in ranked]


def _candidates(
    sentence: Sentence,
    want: Asked,
    named: list[URIRef],
    hits: set[str],
    entities: Sequence[Found],
    same: frozenset[str] = frozenset(),
    speaker: URIRef | None = None,
) -> list[tuple[str, str | None]]:
    anchors = _positions(sentence, hits)
    text = sentence.text
    kind = want.kind
    spans: list[Span] = []
    if kind in ENTITY_CLASSES:
        allowed = ENTITY_CLASSES[kind]
        if kind == "place" and stem(want.head) in _SETTLEMENTS:
            allowed = allowed - {DD.State}  # "which capital": a city, never its country
        asked_texts = {norm(f.text) for f in entities}
        for iri, (types, labels) in sentence.mentions.items():
            if iri in named or not types & allowed:
                continue
            where = _find_label(text, labels)
            if where is None:
                continue
            label = sentence.shown.get(iri) or max(labels, key=len)
            if norm(label) in asked_texts or not fits_settlement(want, label):
                continue
            spans.append((where, label, str(iri)))
        if kind == "weapon" and want.head:
            # "Which engines ...": what the sentence names with that noun ("MTU396 diesel
            # engines") before the weapons it mentions otherwise.
            written = _named_spans(text, want.head, entities, same)
            if written:
                return [(t, i) for _, t, i in written] + _nearest(spans, anchors)
    elif kind == "named":
        spans = _named_spans(text, want.head, entities, same)
        if not spans:
            # No name written with the noun: what the sentence says of it, "bilateral
            # channels", "the right to defend itself".
            spans = _complemented(text, {stem(want.head)} | set(same)) or _described(
                text, {stem(want.head)} | set(same)
            )
    if kind == "place":
        spans = _place_spans(text, spans, entities)
    elif kind in {"date", "year"}:
        bound = next((w for w in want.phrase if w in _BOUNDS), None)
        for mention in find_dates(text, sentence.published):
            value = mention.value
            if bound is not None and not _bounded(text, mention.start, value.text, bound):
                continue  # "until what date": not the day it began
            if kind == "year":
                if value.start.year != value.end.year:
                    shown = f"{value.start.year}-{value.end.year}"
                else:
                    shown = str(value.start.year)
            else:
                shown = _strip_preposition(value.text)
            spans.append((mention.start, shown, None))
        if not spans and bound is None:
            # Undated articles resolve no "in April": the words still say when.
            spans = [(m.start(), m.group(0), None) for m in _CALENDAR_WORDS.finditer(text)]
    elif kind == "money":
        spans = [(m.start(), m.group(0).strip(), None) for m in _MONEY.finditer(text)]
    elif kind == "duration":
        spans = [(m.start(), m.group(0).strip(), None) for m in _DURATION.finditer(text)]
    elif kind == "count":
        spans = _count_spans(text, want.counted)
    elif kind == "reason":
        spans = _reason_spans(text, anchors)
        if not spans and want.reported:
            # "Why did the envoy argue against the embargo?": the reason is what was said.
            clause = _reported(text)
            # A quoted term ("global partner") is a word marked as someone's, not a cause.
            spans = [(0, clause, None)] if len(clause.split()) >= 4 else []
    elif kind == "quote":
        speakers = _attributed(sentence)
        if speaker is not None and speakers and speaker not in speakers:
            return []  # said by someone else than the question's speaker
        clause = _reported(text, hits)
        # What was said must carry what the question asks about ("what will the jets
        # *form*"), not only the speaker and the reporting verb: one of its words or one
        # of the other entities it names ("insisted *China* would have to comply").
        # A quotation is the object of the verb asked about, and is kept as it stands.
        content = hits - REPORTING_STEMS
        quoted = bool(_QUOTED.search(text))
        carried = {form for t in tokenize(clause) for form in derived(t.stem)}
        if clause and (
            quoted or not content or content & carried or _names_any(clause, sentence, named)
        ):
            return [(clause, None)]
        return []
    elif kind == "position":
        spans = _position_spans(sentence, named)
    elif kind == "distance":
        spans = [(m.start(), m.group(0).strip(), None) for m in _DISTANCE.finditer(text)]
    elif kind == "description":
        if want.head:
            spans = _described(text, {stem(want.head)} | set(same))
        else:
            spans = _characterised(sentence, named)
    elif kind == "object":
        return _objects(text, want.phrase)
    spans = [c for c in spans if not _restates(c[1], hits)]
    if want.is_entity:
        spans = _not_listed_with(sentence, spans, named)
    return _nearest(_unconflicted(sentence, spans, entities, kind), anchors)


_LIST_GLUE = re.compile(r"^(?:\s*(?:,|and|or|as\s+well\s+as|the)\s*|\s*[A-Z][\w'’.-]*\s*)*$")


def _not_listed_with(sentence: Sentence, spans: list[Span], named: list[URIRef]) -> list[Span]:
    """Leave out names listed with a party of the question ("Egypt, Qatar, Greece and the
    United Arab Emirates are customers"): the items of one list share a role, so a
    neighbour of the question's recipient is another recipient, not the supplier."""
    text = sentence.text
    asked_at: list[tuple[int, int]] = []
    for iri in named:
        held = sentence.mentions.get(iri)
        if held is None:
            continue
        for label in sorted(held[1], key=len, reverse=True):
            match = re.search(r"(?<!\w)" + re.escape(label) + r"(?!\w)", text, re.I)
            if match:
                asked_at.append((match.start(), match.end()))
                break
    if not asked_at:
        return spans
    kept: list[Span] = []
    for start, name, found in spans:
        end = start + len(name)
        listed = False
        for a_start, a_end in asked_at:
            between = text[a_end:start] if a_end <= start else text[end:a_start]
            if ("," in between or " and " in f" {between} ") and _LIST_GLUE.match(between):
                listed = True
                break
        if not listed:
            kept.append((start, name, found))
    return kept


def _restates(candidate: str, hits: set[str]) -> bool:
    """Whether a candidate only repeats the question's own words ("interest rate" for
    "What interest rate ...?"): that is not an answer."""
    words = {t.stem for t in tokenize(candidate) if t.is_word and t.norm not in _STOP}
    return bool(words) and words <= hits


def _unconflicted(
    sentence: Sentence, spans: list[Span], entities: Sequence[Found], kind: str
) -> list[Span]:
    """Drop names that the sentence ties to another state than the question's: for
    "Washington's ambassador", not "Ethiopia's UN Ambassador Tekeda Alemu"; for "the
    Argentine air base", not "the Danish Skrydstrup air base"."""
    if kind not in _QUALIFIED_KINDS:
        return spans
    asked_states = {f.iri for f in entities if f.type == DD.State}
    if not asked_states:
        return spans
    text = sentence.text
    others = [
        (iri, labels)
        for iri, (types, labels) in sentence.mentions.items()
        if DD.State in types and iri not in asked_states
    ]
    if not others:
        return spans
    kept: list[Span] = []
    for start, name, iri in spans:
        if iri is not None and iri in {str(o) for o, _ in others}:
            kept.append((start, name, iri))  # a state answering for itself
            continue
        window = text[max(0, start - 30) : start + len(name)]
        if any(_find_label(window, labels) is not None for _, labels in others):
            continue
        kept.append((start, name, iri))
    return kept


_QUALIFIED_KINDS = frozenset({"person", "named", "weapon", "place", "company", "organization"})


def _find_label(text: str, labels: Iterable[str]) -> int | None:
    lower = text.lower()
    best = None
    for label in sorted(labels, key=len, reverse=True):
        if len(label) < 2:
            continue
        match = re.search(r"(?<!\w)" + re.escape(label.lower()) + r"(?!\w)", lower)
        if match and (best is None or match.start() < best):
            best = match.start()
    return best


def _named_spans(
    text: str, head: str, entities: Sequence[Found], same: frozenset[str] = frozenset()
) -> list[Span]:
    """Names written with the noun the question asks for (or a word the ontology gives
    as its synonym): "the Zvezda TV channel", "Skrydstrup air base", "the Basic Exchange
    and Cooperation Agreement" (a capitalized run before the noun, connectors such as
    "and"/"of" inside it, the noun capitalized as part of the name or not)."""
    if not head:
        return []
    keys = {stem(head)} | set(same)
    tokens = tokenize(text)
    asked_texts = {norm(f.text) for f in entities}
    out: list[Span] = []
    for i, token in enumerate(tokens):
        if token.stem not in keys:
            continue
        j = i - 1
        # up to two lowercase modifiers between the name and the noun ("air base")
        skipped = 0
        while j >= 0 and tokens[j].text.islower() and tokens[j].norm not in _STOP and skipped < 2:
            j -= 1
            skipped += 1
        k = j
        while k >= 0:
            word = tokens[k]
            if word.text[:1].isupper() and word.norm not in {"the", "a", "an"}:
                k -= 1
            elif (
                word.norm in _CONNECTORS
                and k > 0
                and k < j
                and tokens[k - 1].text[:1].isupper()
                and tokens[k - 1].norm not in {"the", "a", "an"}
            ):
                k -= 1  # "Exchange and Cooperation"
            else:
                break
        if k == j:
            continue
        start = tokens[k + 1].start
        name = text[start : token.end]
        if norm(text[start : tokens[j].end]) in asked_texts:
            continue
        out.append((start, name, None))
    return out


_AT = re.compile(
    r"\b(?:in|at|near|inside|outside|aboard|on)\s+(?:the\s+)?(?:(?:[A-Z][\w'’.-]+)\s+)*?"
    r"(?P<name>(?:[A-Z][\w'’.-]+\s+)*[A-Z][\w'’.-]+(?:\s+(?:air\s+base|naval\s+base|base|"
    r"palace|harbou?r|port|airport|airfield|camp|barracks|summit|headquarters|hall|house|"
    r"cosmodrome|range|shipyard|island|province|region|city))?)"
)
_PLACE_WORDS = frozenset(
    "base palace harbour harbor port airport airfield camp barracks headquarters hall house "
    "cosmodrome range shipyard island province region city summit".split()
)


def _place_spans(text: str, spans: list[Span], entities: Sequence[Found]) -> list[Span]:
    """Where something happened: names written after "in"/"at" first ("at the Danish
    Skrydstrup air base", "in Riyadh"), with their place noun; the places and states the
    sentence mentions elsewhere only after them."""
    asked_texts = {norm(f.text) for f in entities}
    located: list[Span] = []
    for match in _AT.finditer(text):
        name = match.group("name")
        if norm(name) in asked_texts or _strip_preposition(name) != name:
            continue
        if name.split()[-1].lower() not in _PLACE_WORDS and not any(
            s[0] == match.start("name") for s in spans
        ):
            continue  # a name after "in" that is not a known place: "in March", "in NATO"
        located.append((match.start("name"), name, None))
    if not located:
        return spans
    known = {norm(t): (t, i) for _, t, i in spans}
    out = []
    for start, name, _ in located:
        text_, iri = known.get(norm(name), (name, None))
        out.append((start, text_, iri))
    return out


_DISTANCE = re.compile(
    r"\b(?:about\s+|some\s+|nearly\s+|around\s+)?" + _NUM + r"(?:[- ]?)(?:km|kilometers?|"
    r"kilometres?|miles?|nautical\s+miles|metres?|meters?|m)\b",
    re.I,
)
_NP_END = re.compile(
    r"[.;:!?\"“”]|,\s+(?:which|who|said|says|according)\b|\s(?:with|to|from|for|over|in|on|"
    r"at|during|after|before|by|as|because|since|while|when|that|which|who|under|between|"
    r"last|this|next)\s",
    re.I,
)


def _described(text: str, heads: set[str]) -> list[Span]:
    """What kind of thing the sentence says it is: the words that qualify the noun asked
    about ("a strategic mutual defence agreement" for "What kind of agreement ...")."""
    tokens = tokenize(text)
    out: list[Span] = []
    for i, token in enumerate(tokens):
        if token.stem not in heads:
            continue
        j = i
        while j > 0 and i - j < 5:
            before = tokens[j - 1]
            if not before.is_word or before.norm in _STOP or before.text[:1].isupper():
                break
            j -= 1
        if j < i:
            out.append((tokens[j].start, text[tokens[j].start : token.end], None))
    return out


_WHICH_IS = re.compile(
    r"^\s*,?\s*(?:which|who)\s+(?:has|have|had)?\s*(?:long\s+|also\s+|always\s+)?"
    r"(?:been|is|was|are|were)\s+(?P<np>[^,;.]{3,100})"
)
_APPOSED = re.compile(
    r"^\s*,\s*(?P<np>(?:the|a|an|[A-Z][\w-]*['’]s?)\s+[^,;.]{3,100}?)\s*(?:,|\.|;|$)"
)
_IS_A = re.compile(r"^\s+(?:is|was|remains)\s+(?P<np>(?:a|an|the|one)\s+[^,;.]{3,100})")
_AS = re.compile(
    r"\b(?:described|characteri[sz]ed|seen|known|regarded|viewed)\s+as\s+"
    r"(?P<np>[^,;.]{3,100})"
)


def _characterised(sentence: Sentence, named: list[URIRef]) -> list[Span]:
    """What the sentence calls an entity the question names: its apposition
    ("Rosoboronexport, Russia's state-controlled arms exporter,"), a relative clause with
    "be" ("Germany, which has long been one of Israel's staunchest allies"), a copula
    ("X is a ..."), or "described as ..."."""
    text = sentence.text
    out: list[Span] = []
    for iri in named:
        held = sentence.mentions.get(iri)
        if held is None:
            continue
        for label in sorted(held[1], key=len, reverse=True):
            match = re.search(r"(?<!\w)" + re.escape(label) + r"(?!\w)", text)
            if not match:
                continue
            after = text[match.end() :]
            for pattern in (_WHICH_IS, _APPOSED, _IS_A, _AS):
                found = pattern.match(after) if pattern is not _AS else pattern.search(after)
                if found:
                    out.append((match.end(), found.group("np").strip(), None))
                    break
            break
    return out


def _complemented(text: str, heads: set[str]) -> list[Span]:
    """The noun asked about with the infinitive that says what it is ("the right to defend
    itself against ..."), to the end of its phrase."""
    out: list[Span] = []
    for match in re.finditer(r"\b(\w+)\s+to\s+[a-z]+", text):
        if stem(match.group(1)) not in heads:
            continue
        rest = text[match.start() :]
        phrase = re.split(r"[.;:!?\"“”]|,\s|\s(?:and|but)\s+(?:the|that)\b", rest)[0]
        if 2 < len(phrase.split()) <= 16:
            out.append((match.start(), phrase.strip(), None))
    return out


def _objects(text: str, verbs: tuple[str, ...]) -> list[tuple[str, str | None]]:
    # (After "has"/"had" the question's participle is its verb: asked.py puts it first.)
    """What a verb of the question governs in the sentence: the words after it, to the
    end of the phrase ("signed a memorandum of understanding last April" -> "a
    memorandum of understanding"); the question's last verb-like word first."""
    tokens = tokenize(text)
    asked = set(verbs)
    for verb in verbs:
        for i, token in enumerate(tokens):
            if token.stem != verb or i + 1 >= len(tokens):
                continue
            rest = text[token.end :].strip()
            quoted = re.match(r"[\"“]([^\"“”]{2,120})[\"”]", rest)
            if quoted:
                return [(quoted.group(1).strip(), None)]  # lodged “solemn protests”
            phrase = _NP_END.split(" " + rest + " ", maxsplit=1)[0].strip(" ,")
            phrase = _SAID_TAIL.sub("", phrase).strip(" ,")
            words = [t for t in tokenize(phrase) if t.is_word]
            if not words or len(words) > 14 or words[0].stem in asked:
                continue  # nothing, too long, or the rest of a compound the question names
            if words[0].norm in _PREPOSITIONS_AFTER:
                continue
            return [(phrase, None)]
    return []


_SAID_TAIL = re.compile(r",\s+[^,]{0,60}?\b(?:said|says|told|reported|added)\b.*$", re.I)
_PREPOSITIONS_AFTER = frozenset("with to from for over in on at by of and or but".split())


# The words that write each end of a span: "until what date" is answered "until",
# "through" or "expires in ..." a date.
_BOUNDS = {
    "until": frozenset("until till through to expires expire expiring runs run".split()),
    "till": frozenset("until till through to".split()),
    "through": frozenset("until till through to".split()),
    "since": frozenset({"since"}),
    "by": frozenset({"by", "before"}),
    "from": frozenset("from starting as".split()),
}


def _bounded(text: str, start: int, written: str, bound: str) -> bool:
    """Whether the date at ``start`` (written ``written``) is written as the end of a span
    the question asks for: its own first word or the word before it is one of the bound's
    words ("until 31 May", "expires in May")."""
    words = _BOUNDS[bound]
    first = written.split()[:1]
    before = re.findall(r"[A-Za-z]+", text[max(0, start - 25) : start])[-2:]
    return bool((first and first[0].lower() in words) or any(w.lower() in words for w in before))


def _strip_preposition(text: str) -> str:
    return re.sub(r"^(?:in|on|at|by|from|since|until|during|of|as of|for)\s+", "", text, flags=re.I)


def _count_spans(text: str, counted: tuple[str, ...]) -> list[Span]:
    """Numbers followed (within three words) by what is counted."""
    tokens = tokenize(text)
    out: list[Span] = []
    money = [(m.start(), m.end()) for m in _MONEY.finditer(text)]
    dates = [(m.start, m.end) for m in find_dates(text, None)]
    for i, token in enumerate(tokens):
        if not _COUNT.fullmatch(token.text):
            continue
        if any(a <= token.start < b for a, b in money + dates):
            continue
        if token.text.isdigit() and len(token.text) == 4 and 1900 <= int(token.text) <= 2100:
            continue
        following = {t.stem for t in tokens[i + 1 : i + 5]}
        # "... will up the Rafale fleet in the Egyptian Air Force to 54": a total reached,
        # with what it counts before it.
        reached = i > 0 and tokens[i - 1].norm == "to"
        before = {t.stem for t in tokens[max(0, i - 10) : i]} if reached else set()
        if counted and not (set(counted) & (following | before)):
            continue
        out.append((token.start, token.text, None))
    return out


def _reason_spans(text: str, anchors: list[int]) -> list[Span]:
    """The phrase after a reason marker, to the end of its clause."""
    out: list[Span] = []
    for match in _REASON.finditer(text):
        rest = text[match.end() :]
        clause = _CLAUSE_END.split(rest)[0]
        if not text[: match.start()].strip(" \"“'‘"):
            # "Stoked by fears of a wider war, Poland ...": a reason that opens the
            # sentence ends at its comma.
            clause = clause.split(", ")[0]
        clause = clause.strip(' ,."”')
        if len(clause.split()) < 2:
            continue
        # "after" and "for" also begin dates and durations: keep them only before a clause
        # that is not a date.
        if match.group(0).lower().strip() in {"after", "for", "following"} and find_dates(
            clause, None
        ):
            continue
        out.append((match.start(), clause, None))
    return out


def _reported(text: str, question_words: Iterable[str] = ()) -> str:
    """What was said: the quotation (the one that carries the question's words, if
    several), the clause after the reporting verb the question used ("said ... and
    *insisted* China would comply"), the clause after any reporting verb, or the sentence
    before its attribution ("..., the minister said")."""
    hits = set(question_words)
    text = _ACCORDING.sub("", text)
    quoted = list(_QUOTED.finditer(text))
    # A quotation that runs past the sentence's end ('... said the base "will serve
    # Chinese troops ...'; the splitter leaves its closing mark to the next sentence).
    unclosed = _OPEN_QUOTE.search(text, quoted[-1].end() if quoted else 0)
    quoted += [unclosed] if unclosed else []
    if quoted:

        def fit(match: re.Match[str]) -> tuple[int, bool, int]:
            # The question's words inside it; then one of them right before it ("would
            # *form* 'the backbone of ...'"): the object of the verb asked about.
            inside = hits & {t.stem for t in tokenize(match.group(1))}
            before = {t.stem for t in tokenize(text[max(0, match.start() - 25) : match.start()])}
            return len(inside), bool(hits & before), len(match.group(1))

        return max(quoted, key=fit).group(1).strip(" ,.")
    verbs = (hits & REPORTING_STEMS) - {stem("say"), stem("according")}
    for token in tokenize(text) if verbs else ():
        if token.stem in verbs:
            rest = re.sub(r"^\s*(?:on\s+\w+\s+)?(?:that\s+)?", "", text[token.end :])
            rest = _CLAUSE_END.split(rest)[0].strip(' ,."“”')
            if len(rest.split()) >= 3:
                return rest
    after = _ATTRIBUTION_AFTER.match(text)
    # "Last Saturday, the commander said ...": a lead-in before the speaker is not what
    # was said; the clause after the verb is.
    reported = _REPORTED.search(text)
    said = reported.group("clause").strip(' ,."“”') if reported else ""
    before = after.group("clause").strip(' ,."“”') if after else ""
    # "Quoted by Chinese state media, Mr Geng said the sale was a violation ...": when
    # more is said after the verb than stands before the speaker, that is what was said.
    if len(before.split()) >= 5 and len(before) >= len(said):
        return before
    return said


_SPEAKER_AFTER = re.compile(
    r"^\s*(?:what|how)\s+(?:did|does|do|has|have|had|will|would)\s+(?:the\s+)?", re.I
)


def _speaker(question: str, entities: Sequence[Found]) -> URIRef | None:
    """Who the question says spoke: the entity of its "According to X," lead, or the one
    right after "What did" / "How did" ("How did *Egypt*'s ministry respond ...")."""
    lead = _SOURCE_LEAD.match(question)
    if lead:
        inside = [f for f in entities if f.text in lead.group(0)]
        return inside[0].iri if inside else None
    start = _SPEAKER_AFTER.match(question)
    if start:
        for found in entities:
            if question.find(found.text, start.end()) == start.end():
                return found.iri
    return None


def _attributed(sentence: Sentence) -> set[URIRef]:
    """The entities a sentence gives as the source of what it reports: those named in
    the words (outside quotation marks) just before a reporting verb ("Pompeo and Esper
    were quoted as saying", "..., the Kremlin said")."""
    text = _QUOTED.sub(lambda m: " " * len(m.group(0)), sentence.text)
    out: set[URIRef] = set()
    for token in tokenize(text):
        if token.stem not in REPORTING_STEMS and token.stem != "quot":
            continue
        window = text[max(0, token.start - 60) : token.start]
        window = re.split(r"[,;:]\s", window)[-1]  # the clause the verb is in
        for iri, (types, labels) in sentence.mentions.items():
            if DD.Person in types:
                labels = labels | {label.split()[-1] for label in labels}  # "Esper"
            if _find_label(window, labels) is not None:
                out.add(iri)
    return out


def _names_any(text: str, sentence: Sentence, named: Iterable[URIRef]) -> bool:
    """Whether ``text`` (part of ``sentence``) names one of the entities ``named``."""
    for iri in named:
        held = sentence.mentions.get(iri)
        if held is not None and _find_label(text, held[1]) is not None:
            return True
    return False


def _position_spans(sentence: Sentence, named: list[URIRef]) -> list[Span]:
    """The title written with a person the question names: "Defence Minister Richard
    Marles" or "Richard Marles, Australia's defence minister,"."""
    text = sentence.text
    out: list[Span] = []
    for iri in named:
        held = sentence.mentions.get(iri)
        if held is None or DD.Person not in held[0]:
            continue
        for label in sorted(held[1], key=len, reverse=True):
            match = re.search(r"(?<!\w)" + re.escape(label) + r"(?!\w)", text)
            if not match:
                continue
            before = re.search(r"((?:[A-Z][\w'’.-]*\s+){1,5})$", text[: match.start()])
            after = _APPOSITION.match(text[match.end() :])
            if after and re.search(
                r"\b(minister|president|secretary|chief|head|director|ambassador|spokes\w+|"
                r"general|commander|chairman|ceo|leader|envoy|premier|chancellor)\b",
                after.group(1),
                re.I,
            ):
                out.append((match.end(), after.group(1).strip(), None))
            if before:
                words = before.group(1).split()
                title = [w for w in words if norm(w) not in {"the", "a", "an"}]
                if title and re.search(
                    r"(minister|president|secretary|chief|head|director|ambassador|spokes|"
                    r"general|commander|chairman|ceo|leader|envoy|premier|chancellor|pm)",
                    " ".join(title),
                    re.I,
                ):
                    out.append((match.start(), " ".join(title), None))
            break
    return out
