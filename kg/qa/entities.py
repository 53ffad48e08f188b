"""Entities named in a question, linked like the entities of articles.

Candidate spans are tried longest first, left to right: the gazetteer (the names the
article linker resolves too), then the store's label index
(``dd:normLabel`` bound to the span's normal form: an index lookup, never a scan).
What stays unlinked gets two more chances: a surname of a person the gazetteer or
the store knows ("Esper"), and a small edit distance over every stored name for
typos ("Rosoboronexprot"). Function words and the ontology's own vocabulary are
not names unless written like one ("US" is a state, "us" is not).
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, replace

from rapidfuzz import process
from rapidfuzz.distance import OSA
from rdflib import Literal, URIRef

from kg.gazetteer import Entry, Gazetteer
from kg.qa.english import english_words
from kg.qa.lexicon import POSITION_WORDS, Lexicon, Token, tokenize
from kg.store.base import Store
from kg.text import norm_key
from kg.vocab import DD

# Most specific first: an entity typed twice (by two articles) shows its first type here.
TYPE_ORDER: tuple[URIRef, ...] = (
    DD.State,
    DD.Person,
    DD.WeaponSystem,
    DD.DefenseProgram,
    DD.ExerciseSeries,
    DD.LegalInstrument,
    DD.Company,
    DD.Alliance,
    DD.InternationalOrganization,
    DD.GovernmentBody,
    DD.MilitaryOrganization,
    DD.MediaOrganization,
    DD.NonStateArmedGroup,
    DD.Organization,
    DD.Place,
)

KIND_OF: dict[URIRef, str] = {
    DD.State: "STATE",
    DD.Person: "PERSON",
    DD.WeaponSystem: "WEAPON",
    DD.DefenseProgram: "PROGRAM",
    DD.ExerciseSeries: "EXERCISE",
    DD.LegalInstrument: "LAW",
    DD.Company: "COMPANY",
    DD.Alliance: "ORG",
    DD.InternationalOrganization: "ORG",
    DD.GovernmentBody: "ORG",
    DD.MilitaryOrganization: "ORG",
    DD.MediaOrganization: "ORG",
    DD.NonStateArmedGroup: "ORG",
    DD.Organization: "ORG",
    DD.Place: "PLACE",
}
AGENT_KINDS = frozenset({"STATE", "ORG", "COMPANY", "PERSON"})

# Words that are never names on their own (plus every word of the ontology's labels).
STOP_WORDS = frozenset(
    (
        "a an the this that these those its it their his her our your my of to from by for with "
        "in on at about against under over into onto between among within through during before "
        "after since until via and or but nor not no yes so as than then also too very more most "
        "who whom whose what which where when why how whether if is are was were be been being am "
        "do does did done has have had having will would can could should shall may might must "
        "there here any all some each every other another such own same both either neither "
        "i me we us you he him she they them one ones s 's please tell know list name show give "
        "find much many long far ago currently now recently still ever already just only even "
        "according regarding concerning besides except apart aside beyond plus new current "
        "article articles report story"
    ).split()
)

_MAX_SPAN = 7
# An entity's triples are repeated in every article graph that mentions it: ask for one
# property at a time, DISTINCT, rather than joining label and type (copies multiply).
_STORE_LOOKUP = "SELECT DISTINCT ?e ?type WHERE { ?e dd:normLabel ?key ; a ?type }"
_LABEL_OF = "SELECT ?label WHERE { ?e rdfs:label ?label } LIMIT 1"
_NAME_KEYS = "SELECT DISTINCT ?key WHERE { ?e dd:normLabel ?key }"
# People by each name they were written with ("Julio Cesar Aviles" for "Julio Cesar
# Aviles Castillo"), whose last words are the surnames a question may use.
_PEOPLE = """SELECT DISTINCT ?e ?label ?name WHERE {
  ?e a dd:Person ; rdfs:label ?label .
  { ?e rdfs:label ?name } UNION { ?e skos:altLabel ?name }
}"""
# The posts people hold ("aircraft maker Boeing" describes a company: no post). The
# distinct holder-post pairs are read before the holder's type: joined the other way,
# Oxigraph took 33 s at 5M triples (0.6 s this way).
_POSITIONS = """SELECT DISTINCT ?position WHERE {
  { SELECT DISTINCT ?holder ?position WHERE { ?r dd:holder ?holder ; dd:position ?position } }
  ?holder a dd:Person
}"""
_LABEL_COUNT = "SELECT (COUNT(*) AS ?n) WHERE { ?e dd:normLabel ?key }"


@dataclass(frozen=True)
class Found:
    """An entity named in a question: what was written, where, and what it links to."""

    iri: URIRef
    label: str
    type: URIRef
    text: str
    start: int  # token index
    end: int  # token index, exclusive
    via: str  # gazetteer, store, surname, fuzzy
    adjective: bool = False  # a demonym ("Turkish") rather than a name
    state: URIRef | None = None  # for a capital read as a place ("in Cairo"): its state

    @property
    def kind(self) -> str:
        return KIND_OF.get(self.type, "OTHER")

    @property
    def type_name(self) -> str:
        return str(self.type).rsplit("#", 1)[-1]

    def as_dict(self) -> dict[str, str]:
        return {
            "text": self.text,
            "iri": str(self.iri),
            "label": self.label,
            "type": self.type_name,
        }


def best_type(types: set[URIRef]) -> URIRef | None:
    for cls in TYPE_ORDER:
        if cls in types:
            return cls
    return None


class EntityFinder:
    """Finds and links the entities a question names."""

    def __init__(self, store: Store, gazetteer: Gazetteer, *, index_ttl: float = 5.0) -> None:
        self.store = store
        self.gazetteer = gazetteer
        self._lock = threading.Lock()
        self._cache: dict[str, tuple[URIRef, str, URIRef] | None] = {}
        self._gazetteer_surnames = _gazetteer_surnames(gazetteer)
        self._demonyms = {norm_key(d) for e in gazetteer.entries.values() for d in e.demonyms}
        self._gazetteer_keys = list(gazetteer.by_key)
        # Loaded on demand; reloaded when the store's write count has changed or, for
        # stores that do not count (remote), when the number of stored names has
        # changed, which is checked at most every ``index_ttl`` seconds.
        self.index_ttl = index_ttl
        self._store_generation = -1
        self._count = -1
        self._checked_at = -1e18
        self._generation = 0
        self._loaded: dict[str, tuple[int, object]] = {}

    # -- what the store knows, cached ----------------------------------------------

    def refresh(self) -> None:
        """Forget cached names and positions; the next question reloads what it needs."""
        with self._lock:
            self._loaded.clear()
            self._cache.clear()
            self._checked_at = -1e18
            self._store_generation = -1

    def _current_generation(self) -> int:
        store_generation = getattr(self.store, "generation", None)
        if isinstance(store_generation, int):
            # The store counts its writes (embedded): exact, and no count to run.
            if store_generation != self._store_generation:
                self._store_generation = store_generation
                self._generation += 1
                self._cache.clear()
            return self._generation
        now = time.monotonic()
        if now - self._checked_at >= self.index_ttl:
            rows = self.store.select(_LABEL_COUNT)
            value = rows.bindings[0].get("n") if rows.bindings else None
            count = int(value) if isinstance(value, Literal) else 0
            if count != self._count:
                self._count = count
                self._generation += 1
                self._cache.clear()
            self._checked_at = now
        return self._generation

    def _cached(self, name: str, load: Callable[[], object]) -> object:
        with self._lock:
            generation = self._current_generation()
            held = self._loaded.get(name)
            if held is None or held[0] != generation:
                held = (generation, load())
                self._loaded[name] = held
            return held[1]

    def position_heads(self) -> frozenset[str]:
        """Head words of every stored position ("exporter" of "state arms exporter")."""

        def load() -> frozenset[str]:
            rows = self.store.select(_POSITIONS)
            return frozenset(h for row in rows if (h := position_head(str(row["position"]))))

        return self._cached("positions", load)  # type: ignore[return-value]

    def _name_keys(self) -> list[str]:
        def load() -> list[str]:
            return [str(row["key"]) for row in self.store.select(_NAME_KEYS)]

        return self._cached("names", load)  # type: ignore[return-value]

    def _stored_people(self) -> dict[str, list[tuple[URIRef, str]]]:
        def load() -> dict[str, list[tuple[URIRef, str]]]:
            people: dict[str, list[tuple[URIRef, str]]] = {}
            for row in self.store.select(_PEOPLE):
                e, label = row.get("e"), str(row.get("label", ""))
                name = str(row.get("name", ""))
                if isinstance(e, URIRef) and " " in name:
                    entry = people.setdefault(norm_key(name.split()[-1]), [])
                    if (e, label) not in entry:
                        entry.append((e, label))
            return people

        return self._cached("people", load)  # type: ignore[return-value]

    # -- lookups ---------------------------------------------------------------------------

    def lookup_store(self, text: str) -> tuple[URIRef, str, URIRef] | None:
        """Exact lookup of a name's normal form in the store (bound, index-backed)."""
        key = norm_key(text)
        if not key:
            return None
        if key in self._cache:
            return self._cache[key]
        rows = self.store.select(_STORE_LOOKUP, {"key": Literal(key)})
        found: tuple[URIRef, str, URIRef] | None = None
        types: dict[URIRef, set[URIRef]] = {}
        for row in rows:
            e, kind = row.get("e"), row.get("type")
            if isinstance(e, URIRef) and isinstance(kind, URIRef):
                types.setdefault(e, set()).add(kind)
        for e, kinds in sorted(types.items()):
            cls = best_type(kinds)
            if cls is not None:
                labels = self.store.select(_LABEL_OF, {"e": e}).bindings
                found = (e, str(labels[0]["label"]) if labels else key, cls)
                break
        if len(self._cache) > 5000:
            self._cache.clear()
        self._cache[key] = found
        return found

    def _gazetteer(self, text: str) -> Entry | None:
        return self.gazetteer.lookup(text)

    def known(self, text: str) -> bool:
        """Whether ``text`` is a name the gazetteer or the store knows."""
        return self._gazetteer(text) is not None or self.lookup_store(text) is not None

    # -- finding ---------------------------------------------------------------------------

    def find(self, question: str, tokens: list[Token], lexicon: Lexicon) -> list[Found]:
        """Entities in ``tokens`` (longest spans first), then surnames and typos."""
        found: list[Found] = []
        taken = [False] * len(tokens)
        lowered = question == question.lower()
        i = 0
        while i < len(tokens):
            joined = self._joined_before_a_name(question, tokens, i)
            if joined:
                # "Ghana-South Africa": Ghana, and South Africa written on past the hyphen.
                found.extend(joined)
                for k in range(i, joined[-1].end):
                    taken[k] = True
                i = joined[-1].end
                continue
            hit = None
            for length in range(min(_MAX_SPAN, len(tokens) - i), 0, -1):
                span = tokens[i : i + length]
                if not self._may_be_name(span, i, lexicon, lowered) and not (
                    lowered and length == 1 and _us_as_a_name(tokens, i)
                ):
                    continue
                hit = self._exact(question, span, i)
                if hit is not None and self._described_not_named(hit, span, lowered):
                    hit = None
                if hit is not None:
                    break
            if hit is not None and hit.adjective and _inside_unknown_name(tokens, taken, i):
                hit = None  # "Latin American", "North African": not America, not Africa
            if hit is None:
                i += 1
                continue
            found.append(hit)
            for k in range(hit.start, hit.end):
                taken[k] = True
            i = hit.end
        for i, token in enumerate(tokens):
            if taken[i]:
                continue
            parts = self._compound(question, token, i)
            if parts:
                found.extend(parts)
                taken[i] = True
                continue
            if self._may_be_lone_name(token, i, lexicon):
                hit = self._surname(token, i)
                if hit is not None and i > 0 and not taken[i - 1]:
                    # "Alan Estevez" for the stored "Alan F. Estevez": the first name too.
                    first = tokens[i - 1]
                    if norm_key(first.text) == norm_key(hit.label.split()[0]):
                        hit = replace(hit, start=i - 1, text=question[first.start : token.end])
                        taken[i - 1] = True
                if hit is None and not _inside_unknown_name(tokens, taken, i):
                    hit = self._fuzzy(token, i)
            elif lowered and _plain_word(token, lexicon):
                # "where did erdogan hold ...": a question written all in lowercase writes
                # no name as one; a known surname is still one (typos are not guessed).
                hit = self._surname(token, i)
            else:
                continue
            if hit is not None:
                found.append(hit)
                taken[i] = True
        found.sort(key=lambda f: f.start)
        return found

    def _described_not_named(self, hit: Found, span: list[Token], lowered: bool) -> bool:
        """ "the 24 Russian helicopters" is no "Russian Helicopters": a company's name
        read from a demonym and a common noun written in lowercase is a description
        ("the Indian defence ministry" still names the ministry)."""
        last = span[-1].text
        return (
            hit.type == DD.Company
            and not lowered
            and len(span) > 1
            and last.isalpha()
            and last.islower()
            and norm_key(span[0].text) in self._demonyms
        )

    def _exact(self, question: str, span: list[Token], start: int) -> Found | None:
        text = question[span[0].start : span[-1].end]
        entry = self._gazetteer(text)
        if entry is None and len(span) > 1 and text.endswith("s"):
            # "Super Tucanos", "Black Hawks": a weapon named in the plural.
            entry = self._gazetteer(text[:-1])
            if entry is not None and entry.type != DD.WeaponSystem:
                entry = None
        if entry is not None:
            adjective = norm_key(text) in {norm_key(d) for d in entry.demonyms}
            return Found(
                entry.iri,
                entry.label,
                entry.type,
                text,
                start,
                start + len(span),
                "gazetteer",
                adjective,
            )
        stored = self.lookup_store(text)
        if stored is not None:
            iri, label, cls = stored
            if cls == DD.Person and " " not in label:
                # "Obama", stored from an article that gave no first name: the one person
                # of that surname whose full name the store holds is the one meant.
                people = self._stored_people().get(norm_key(label), [])
                if len(people) == 1:
                    iri, label = people[0]
            return Found(iri, label, cls, text, start, start + len(span), "store")
        return None

    def _compound(self, question: str, token: Token, i: int) -> list[Found]:
        """The names joined in one hyphenated word: "US-Philippine" (the United States
        and the Philippines), "Greece-France", "US-led", "Swiss-made". Each part written
        as a name must be one; lowercase parts ("led", "made") are words."""
        pieces = token.text.split("-")
        if len(pieces) < 2 or not all(pieces):
            return []
        return self._named_pieces(question, pieces, token.start, i)

    def _named_pieces(self, question: str, pieces: list[str], offset: int, i: int) -> list[Found]:
        """The entities the capitalized ``pieces`` of a hyphenated word (written from
        ``offset``) name; none when one of them names nothing."""
        out: list[Found] = []
        for piece in pieces:
            if piece[:1].isupper():
                sub = Token(piece, offset, offset + len(piece), piece.lower(), piece.lower())
                hit = self._exact(question, [sub], i)
                if hit is None:
                    return []
                out.append(hit)
            offset += len(piece) + 1
        return out

    def _joined_before_a_name(self, question: str, tokens: list[Token], i: int) -> list[Found]:
        """ "the Ghana-South Africa MOU": names joined by a hyphen whose last one goes on
        past it ("South" + "Africa"); each part before must be a name too."""
        token = tokens[i]
        pieces = token.text.split("-")
        if len(pieces) < 2 or not all(p[:1].isupper() for p in pieces) or self.known(token.text):
            return []
        last = pieces[-1]
        start = token.end - len(last)
        for length in range(min(3, len(tokens) - i - 1), 0, -1):
            following = tokens[i + 1 : i + 1 + length]
            if not all(t.text[:1].isupper() for t in following):
                continue
            text = question[start : following[-1].end]
            sub = Token(text, start, following[-1].end, text.lower(), text.lower())
            tail = self._exact(question, [sub], i)
            if tail is None:
                continue
            parts = self._named_pieces(question, pieces[:-1], token.start, i)
            return [*parts, replace(tail, end=i + 1 + length)] if parts else []
        return []

    def _surname(self, token: Token, i: int) -> Found | None:
        key = norm_key(token.text)
        candidates = self._stored_people().get(key) or self._gazetteer_surnames.get(key, [])
        if not candidates:
            return None
        iri, label = candidates[0]
        return Found(iri, label, DD.Person, token.text, i, i + 1, "surname")

    def _fuzzy(self, token: Token, i: int) -> Found | None:
        """The stored or gazetteer name within one edit (two for long names) of a word."""
        key = norm_key(token.text)
        if len(key) < 5 or token.text.lower() in english_words():
            return None  # "Politics" is a word, not a slip for the outlet "Politico"
        limit = 1 if len(key) <= 8 else 2
        best: tuple[str, float] | None = None
        for keys in (self._name_keys(), self._gazetteer_keys):
            match = process.extractOne(
                key, keys, scorer=OSA.distance, score_cutoff=limit, processor=None
            )
            if match is not None and (best is None or match[1] < best[1]):
                best = (match[0], match[1])
        if best is None or len(best[0]) < 4:
            return None
        stored = self.lookup_store(best[0])
        if stored is not None:
            iri, label, cls = stored
            return Found(iri, label, cls, token.text, i, i + 1, "fuzzy")
        entry = self.gazetteer.by_key.get(best[0])
        if entry is None:
            return None
        return Found(entry.iri, entry.label, entry.type, token.text, i, i + 1, "fuzzy")

    # -- what may be a name ------------------------------------------------------------

    def _may_be_name(
        self, span: list[Token], start: int, lexicon: Lexicon, lowered: bool = False
    ) -> bool:
        """Whether ``span`` may be a name, to be looked up. In a question written all in
        lowercase (``lowered``) a span of several words may be one however ordinary its
        words ("united states", "air force"); the gazetteer or the store says whether."""
        first, last = span[0], span[-1]
        if not first.is_word or not last.is_word or last.text in {"'s", "’s"}:
            return False
        if any(not t.is_word and t.text not in {"'s", "’s", "&", "."} for t in span):
            return False
        # All in lowercase, "new zealand" and "new delhi" start with a common word; a span
        # of several words is looked up whatever its first and last words are.
        if not (lowered and len(span) > 1) and (
            _vocabulary_stop(first, start)
            or (len(span) > 1 and _vocabulary_stop(last, start + len(span) - 1))
        ):
            return False
        if all(t.text[:1].isdigit() or t.text.startswith("$") for t in span):
            return False
        vocabulary = all(
            t.norm in STOP_WORDS or t.stem in lexicon.words or not t.is_word for t in span
        )
        if not vocabulary or (lowered and len(span) > 1):
            return True
        return any(_written_as_name(t, start + k) for k, t in enumerate(span))

    def _may_be_lone_name(self, token: Token, i: int, lexicon: Lexicon) -> bool:
        """Surnames and typos are only looked for in words written like names, and not in
        the words of a title ("India's Chief of Defence Staff": no one named Chief)."""
        if not token.is_word or not token.text[:1].isalpha() or token.stem in POSITION_WORDS:
            return False
        return _written_as_name(token, i) or (
            i == 0
            and token.text[:1].isupper()
            and token.norm not in STOP_WORDS
            and token.stem not in lexicon.words
        )


def _plain_word(token: Token, lexicon: Lexicon) -> bool:
    """A lowercase word that is neither a function word nor the ontology's vocabulary."""
    return (
        token.text.isalpha()
        and len(token.text) >= 3
        and token.norm not in STOP_WORDS
        and token.stem not in lexicon.words
    )


def _inside_unknown_name(tokens: list[Token], taken: list[bool], i: int) -> bool:
    """Whether the word at ``i`` continues a capitalized name that nothing linked: a
    demonym there is part of that name ("Latin American"). The question's first word is
    capitalized as a sentence start, not as a name."""
    if i < 2:
        return False
    before = tokens[i - 1]
    return (
        not taken[i - 1]
        and before.is_word
        and before.text[:1].isupper()
        and before.norm not in STOP_WORDS
    )


def _vocabulary_stop(token: Token, index: int) -> bool:
    """A function word that cannot start or end a name ("the", "of"; not "US")."""
    return token.norm in STOP_WORDS and not _written_as_name(token, index)


def position_head(position: str) -> str:
    """The stem of a position's head noun: "state arms exporter" -> "exporter",
    "secretary of defense" -> "secretary", "envoy to Poland" -> "envoy"."""
    words: list[str] = []
    for token in tokenize(position):
        if not token.is_word:
            continue
        if token.norm in STOP_WORDS and words:
            break
        if token.norm not in STOP_WORDS:
            words.append(token.stem)
    return words[-1] if words else ""


# Words after which "us" is the speaker's people ("tell us", "for us"), not the state.
_US_OBJECT_BEFORE = frozenset(
    "tell told give gave show showed let help ask asked for to with of about among against "
    "by from".split()
)


def _us_as_a_name(tokens: list[Token], i: int) -> bool:
    """ "us" in a question written all in lowercase is the United States where a word
    follows it and no verb or preposition governs it ("which us secretary of state",
    "us and british deployments"; not "tell us who ...")."""
    return (
        tokens[i].norm == "us"
        and i + 1 < len(tokens)
        and tokens[i + 1].is_word
        and (i == 0 or tokens[i - 1].norm not in _US_OBJECT_BEFORE)
    )


def _written_as_name(token: Token, index: int) -> bool:
    """Capitalized inside the sentence, or an acronym: "US", "NATO", "Congress"."""
    letters = [c for c in token.text if c.isalpha()]
    if len(letters) >= 2 and all(c.isupper() for c in letters):
        return True
    return index > 0 and token.text[:1].isupper()


def _gazetteer_surnames(gazetteer: Gazetteer) -> dict[str, list[tuple[URIRef, str]]]:
    out: dict[str, list[tuple[URIRef, str]]] = {}
    for entry in gazetteer:
        if entry.type != DD.Person:
            continue
        for name in entry.names:
            parts = name.split()
            if len(parts) < 2:
                continue
            people = out.setdefault(norm_key(parts[-1]), [])
            if (entry.iri, entry.label) not in people:
                people.append((entry.iri, entry.label))
    return out
