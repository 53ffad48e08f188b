"""Event and relation extraction: n-ary defense-diplomacy events from parsed sentences.

Rules read the dependency parse around trigger words (sell, buy, deliver, sanction,
suspend, halt, meet, say, join, build, ...): the trigger's subject, object and
prepositional phrases are mapped to ontology roles by what the trigger means ("X
sells W to Y": X supplier, Y recipient; "Y buys W from X": the reverse). Where the
parse gives no role, the weapon's country of origin decides who supplies. Titles
before names ("Turkish President Recep Tayyip Erdogan") give role assignments;
"NATO ally Turkey" and "member of NATO" give memberships. Each event carries its
sentence, a modality read from auxiliaries and governing verbs, a date found in the
sentence, and a confidence that says how directly the roles were read.

Pure: a parsed doc and its linked mentions in, :class:`Event` records out.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field

from rdflib import Literal, URIRef
from spacy.tokens import Doc, Span, Token

from kg.dates import DateMention, DateValue
from kg.link import Entity, Mention
from kg.text import norm_key, slugify
from kg.vocab import DD, RES

# --- trigger lexicon (lemmas) ------------------------------------------------------
SELL = frozenset(
    ("sell supply deliver export provide transfer ship send give offer hand lease donate ").split()
)
BUY = frozenset(
    (
        "buy purchase acquire order procure receive import obtain get take field "
        "induct choose select pick request "
    ).split()
)
DEAL_NOUNS = frozenset(
    (
        "deal contract agreement sale purchase order acquisition procurement delivery "
        "deliveries shipment transfer supply export exports import imports package batch "
    ).split()
)
NEGOTIATION = {"negotiate", "negotiation", "talk", "discuss", "discussion"}
APPROVE = {"approve", "clear", "authorize", "authorise", "notify", "greenlight"}
SANCTION_NOUNS = frozenset(
    (
        "sanction sanctions penalty penalties consequence consequences measure measures "
        "countermeasure countermeasures retaliation "
    ).split()
)
IMPOSE = frozenset(
    ("impose slap levy announce apply introduce place put hit adopt decide ").split()
)
SANCTION_VERBS = {"sanction", "punish", "blacklist", "penalize", "penalise"}
THREATEN = {"warn", "threaten", "face", "risk", "caution"}
SUSPEND = frozenset(
    ("suspend remove expel exclude kick oust eject drop bar ban cut freeze ").split()
)
PROGRAM_NOUNS = {"program", "programme", "project", "initiative", "consortium", "partnership"}
HALT = frozenset(
    ("halt suspend freeze stop ban block restrict cancel embargo curb end pause ").split()
)
EXPORT_NOUNS = frozenset(
    (
        "export exports sale sales delivery deliveries shipment shipments transfer transfers "
        "license licenses licence licences permit permits "
    ).split()
)
MEET_VERBS = {"meet", "host", "visit", "attend", "gather", "convene", "receive"}
MEET_NOUNS = {
    "meeting": DD.Meeting,
    "talks": DD.Meeting,
    "summit": DD.Summit,
    "visit": DD.Visit,
    "ceremony": DD.Ceremony,
    "conference": DD.Meeting,
    "meetings": DD.Meeting,
    "summits": DD.Summit,
    "visits": DD.Visit,
    "signing": DD.Ceremony,
}
SAY = frozenset(
    (
        "say tell state add warn announce declare stress note insist claim argue describe "
        "call write tweet confirm deny explain predict suggest acknowledge vow pledge urge "
        "complain "
    ).split()
)
JOIN = {"join", "accede", "enter"}
BUILD = {"build", "manufacture", "make", "produce", "develop", "design", "assemble", "construct"}
DEADLINE = {"deadline", "ultimatum"}
# Nouns by which news refers back to an alliance or union it named: "joined the alliance".
BLOC_NOUNS = frozenset({"alliance", "bloc", "pact", "union", "organization", "organisation"})
# What a member holds in a body and can be suspended from: "suspended Russia's rights".
MEMBER_RIGHTS = frozenset(
    {"right", "rights", "membership", "participation", "seat", "vote", "privilege", "status"}
)
PLACE_PREPOSITIONS = frozenset({"in", "at", "near", "outside"})
DEPLOY_VERBS = {"deploy", "station", "redeploy", "position"}
DEPLOY_NOUNS = {"deployment", "redeployment", "stationing"}
FORCE_NOUNS = frozenset(
    (
        "troop troops soldier soldiers force forces unit units personnel marine marines "
        "battalion brigade squadron fleet boat boats sailor sailors crew crews"
    ).split()
)
TEST_VERBS = {"test", "activate", "launch"}  # and "test-fire(d)", "test-launch(ed)"

# Titles that only a government gives: its state is the one the holder speaks for.
GOVERNMENT_TITLES = frozenset(
    "president minister chancellor premier secretary ambassador envoy spokesman "
    "spokeswoman spokesperson".split()
)
DENY_VERBS = {"deny", "reject", "refute", "dismiss"}
MODAL_PLANNED = {"will", "would", "could", "may", "might", "shall", "should", "'ll", "wo"}
PLAN_VERBS = frozenset(
    (
        "plan intend hope expect seek want aim consider propose prepare mull weigh agree "
        "negotiate work look try attempt wish offer push move ready willing poised set due "
        "prepared keen likely able eager possible potential bid application candidacy "
        "ambition aspiration "
    ).split()
)

TITLE_WORDS = frozenset(
    (
        "president vice prime minister ministers secretary chancellor premier foreign "
        "defense defence deputy state spokesman spokeswoman spokesperson envoy ambassador "
        "head chief director commander general king queen crown prince emir sultan chairman "
        "chairwoman chair ceo executive senator sen. rep. representative lawmaker leader "
        "governor mayor admiral gen. adm. lt. col. undersecretary under assistant national "
        "security adviser advisor interior finance economy trade treasury attorney armed "
        "forces army navy air force staff joint of for the senior top official commissioner "
        "high sg secretary-general defense-minister foreign-minister military industry "
        "industries affairs external ministry department pentagon acting former procurement "
        "chief-of-staff nato alliance press intelligence policy "
    ).split()
)
TITLE_HEADS = frozenset(
    (
        "president minister secretary chancellor premier spokesman spokeswoman spokesperson "
        "envoy ambassador head chief director commander king queen prince emir sultan "
        "chairman chairwoman chair ceo senator representative lawmaker leader governor mayor "
        "admiral general adviser advisor undersecretary official commissioner "
        "secretary-general "
    ).split()
)
ORG_DESCRIPTOR_HEADS = frozenset(
    (
        "exporter manufacturer maker producer contractor supplier builder developer agency "
        "firm company conglomerate corporation giant group "
    ).split()
)
MEMBER_NOUNS = frozenset(
    ("ally allies member members partner partners state states country countries ").split()
)
PRONOUNS = {"it", "they", "he", "she", "we", "this", "that", "which", "who"}
# People and bodies a nationality word can stand before: "Russian individuals".
NATIONALS_NOUNS = frozenset(
    (
        "national citizen individual official entity company firm business bank person "
        "people diplomat officer oligarch lawmaker agent executive"
    ).split()
)
ENTRY_VERBS = {"enter", "travel", "visit", "come", "fly", "land", "cross"}

XSD_DECIMAL = URIRef("http://www.w3.org/2001/XMLSchema#decimal")
_QUOTE = re.compile(r"[\"“”]([^\"“”]{3,})[\"“”]")
_MONEY = re.compile(
    r"(?P<cur>US\$|\$|€|£|¥|EUR|USD|GBP)\s?(?P<num>\d+(?:[.,]\d+)*)[\s-]*(?P<scale>trillion|billion|"
    r"million|thousand|bn|mn|m|b|tn)?\b|(?P<num2>\d+(?:[.,]\d+)*)[\s-]*(?P<scale2>trillion|billion|"
    r"million)?\s*(?P<cur2>dollars|euros|pounds|yuan|rubles|roubles|won|zloty|rupees)",
    re.I,
)
_SCALES = {
    "trillion": 1e12,
    "tn": 1e12,
    "billion": 1e9,
    "bn": 1e9,
    "b": 1e9,
    "million": 1e6,
    "mn": 1e6,
    "m": 1e6,
    "thousand": 1e3,
}
_CURRENCIES = {
    "$": "USD",
    "us$": "USD",
    "usd": "USD",
    "dollars": "USD",
    "€": "EUR",
    "eur": "EUR",
    "euros": "EUR",
    "£": "GBP",
    "gbp": "GBP",
    "pounds": "GBP",
    "¥": "JPY",
    "yuan": "CNY",
    "rubles": "RUB",
    "roubles": "RUB",
    "won": "KRW",
    "zloty": "PLN",
    "rupees": "INR",
}
_NUMBER_WORDS = {
    w: i
    for i, w in enumerate(
        "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
        "fifteen sixteen seventeen eighteen nineteen twenty".split()
    )
}
_NUMBER_WORDS.update(
    {
        "thirty": 30,
        "forty": 40,
        "fifty": 50,
        "sixty": 60,
        "seventy": 70,
        "eighty": 80,
        "ninety": 90,
        "hundred": 100,
        "dozen": 12,
        "dozens": 24,
    }
)


GATHERINGS = {DD.Meeting, DD.Summit, DD.Visit, DD.Ceremony}
ARMS_EVENTS = {DD.ArmsDeal, DD.ArmsDelivery, DD.ArmsNegotiation, DD.ArmsSaleApproval}
COERCIVE = {DD.SanctionImposition, DD.SanctionThreat, DD.ProgramSuspension}


@dataclass
class Event:
    """One extracted event or relation, before it becomes RDF."""

    cls: URIRef
    sentence: int
    trigger: str
    roles: dict[URIRef, list[Entity]] = field(default_factory=dict)
    values: dict[URIRef, list[Literal]] = field(default_factory=dict)
    modality: URIRef = DD.asserted
    confidence: float = 0.7
    date: DateValue | None = None
    from_noun: bool = False  # read from a noun ("the deal") rather than a verb ("sold")

    def add(self, role: URIRef, entities: Iterable[Entity]) -> None:
        bucket = self.roles.setdefault(role, [])
        for e in entities:
            if e.iri not in {b.iri for b in bucket}:
                bucket.append(e)

    def set(self, prop: URIRef, value: Literal) -> None:
        bucket = self.values.setdefault(prop, [])
        if value not in bucket:
            bucket.append(value)

    def has(self, role: URIRef) -> bool:
        return bool(self.roles.get(role))

    def key(self) -> tuple[object, ...]:
        return (
            self.cls,
            self.sentence,
            tuple(
                sorted(
                    (str(r), tuple(sorted(str(e.iri) for e in es))) for r, es in self.roles.items()
                )
            ),
        )


class SentenceView:
    """One sentence with its mentions indexed by token, and helpers over the parse."""

    def __init__(self, sent: Span, index: int, mentions: Sequence[Mention]) -> None:
        self.sent = sent
        self.index = index
        self.by_token: dict[int, Mention] = {}
        self.mentions = list(mentions)
        doc = sent.doc
        for m in self.mentions:
            span = doc.char_span(m.start, m.end, alignment_mode="expand")
            if span is None:
                continue
            for token in span:
                self.by_token[token.i] = m

    def entities_in(
        self, tokens: Iterable[Token], classes: set[URIRef] | None = None
    ) -> list[Entity]:
        out: list[Entity] = []
        seen: set[URIRef] = set()
        for t in tokens:
            m = self.by_token.get(t.i)
            if m is None or m.entity.iri in seen:
                continue
            if classes is not None and m.entity.type not in classes:
                continue
            seen.add(m.entity.iri)
            out.append(m.entity)
        return out

    def of_class(self, classes: set[URIRef]) -> list[Entity]:
        return self.entities_in(self.sent, classes)

    def mention_at(self, token: Token) -> Mention | None:
        return self.by_token.get(token.i)


AGENTS = {
    DD.State,
    DD.Organization,
    DD.InternationalOrganization,
    DD.Alliance,
    DD.GovernmentBody,
    DD.MilitaryOrganization,
    DD.Company,
    DD.MediaOrganization,
    DD.NonStateArmedGroup,
    DD.Person,
}
PARTIES = AGENTS - {DD.MediaOrganization}
STATES_ORGS = PARTIES - {DD.Person}
WEAPONS = {DD.WeaponSystem}
PLACES = {DD.Place, DD.State}


# --- parse helpers -------------------------------------------------------------------


def subject_head(token: Token) -> Token | None:
    """The subject of ``token``'s clause, climbing through xcomp/advcl/prep/object links."""
    current = token
    for _ in range(6):
        for child in current.children:
            if child.dep_ in {"nsubj", "nsubjpass"}:
                return child
        if current.dep_ == "relcl":
            return current.head  # "the company, which builds ...": the noun it modifies
        if current.dep_ == "pcomp" and current.head.dep_ == "prep":
            # "punish Turkey for buying": the object of the verb the phrase hangs on.
            obj = next((c for c in current.head.head.children if c.dep_ == "dobj"), None)
            if obj is not None:
                return obj
        if current.dep_ == "xcomp":
            # Object control: "prompting Washington to remove", "urged Ankara to drop".
            obj = next((c for c in current.head.children if c.dep_ == "dobj"), None)
            if obj is not None:
                return obj
        if (
            current.dep_
            in {
                "xcomp",
                "advcl",
                "ccomp",
                "conj",
                "dobj",
                "pobj",
                "prep",
                "acl",
                "pcomp",
                "attr",
                "appos",
                "compound",
                "nmod",
                "amod",
                "acomp",
                "nsubj",
                "oprd",
                "npadvmod",
            }
            and current.head is not current
        ):
            current = current.head
            continue
        break
    return None


def subject_tokens(token: Token) -> list[Token]:
    head = subject_head(token)
    return list(head.subtree) if head is not None else []


def with_conjuncts(token: Token) -> list[Token]:
    """A token and the tokens coordinated with it ("Russia and Turkey")."""
    out = [token]
    for child in token.children:
        if child.dep_ == "conj":
            out.extend(with_conjuncts(child))
    return out


def agent_tokens(token: Token) -> list[Token]:
    """The ``by`` agent of a passive verb (also when the parser hung it on a later noun)."""
    for child in token.children:
        if child.dep_ == "agent":
            return list(child.subtree)
    for t in token.subtree:
        if t.lower_ == "by" and t.dep_ in {"agent", "prep"}:
            return [x for x in t.subtree if x is not t]
    return []


def preps(token: Token) -> dict[str, list[Token]]:
    """Prepositional phrases attached to ``token``: preposition -> the tokens naming who or
    what it introduces. The object's head noun (and its conjuncts) when it is a name ("to
    Turkey and Qatar"); otherwise the phrase without modifiers, so "for the delivery of
    Russian systems" or "on U.S. defense entities" do not make Russia or the US a party."""
    out: dict[str, list[Token]] = {}
    for child in token.children:
        if child.dep_ not in {"prep", "dative", "agent"}:
            continue
        objects = [c for c in child.children if c.dep_ in {"pobj", "pcomp"}] or (
            [child] if child.dep_ == "dative" and child.ent_type_ else []
        )
        tokens: list[Token] = []
        for obj in objects:
            heads = with_conjuncts(obj)
            if any(h.ent_type_ for h in heads):
                tokens.extend(t for h in heads for t in _name_tokens(h))
            elif obj.lemma_.lower() not in DEAL_NOUNS | EXPORT_NOUNS | ARMS_NOUNS:
                tokens.extend(t for t in obj.subtree if not _is_modifier(t))
        out.setdefault(child.lower_, []).extend(tokens)
    return out


def phrase_text(token: Token, preposition: str) -> str:
    """The words of a prepositional phrase ("over its purchase of the S-400")."""
    for child in token.children:
        if child.dep_ == "prep" and child.lower_ == preposition:
            words = [t for t in child.subtree if t is not child]
            return token.doc[words[0].i : words[-1].i + 1].text if words else ""
    return ""


def _name_tokens(token: Token) -> list[Token]:
    """A name's head token with the compound tokens that spell it."""
    return [
        t
        for t in token.subtree
        if t.i == token.i or (t.dep_ in {"compound", "flat"} and t.head.i == token.i)
    ]


def _is_modifier(token: Token) -> bool:
    """An adjective or noun modifier of a common noun ("U.S." in "U.S. defense entities")
    or of a weapon's name, where it is the origin ("US" in "US Virginia class boats")."""
    return token.dep_ in {"amod", "compound", "nmod", "poss"} and token.head.ent_type_ in {
        "",
        "WeaponSystem",
    }


def direct_objects(token: Token) -> list[Token]:
    out: list[Token] = []
    for child in token.children:
        if child.dep_ in {"dobj", "iobj", "dative", "attr", "oprd"} and child.dep_ != "prep":
            out.extend(child.subtree)
    return out


def is_passive(token: Token) -> bool:
    """ "was sold", and a participle with its agent: "the jets, built by Dassault"."""
    return any(c.dep_ in {"auxpass", "nsubjpass"} for c in token.children) or (
        token.tag_ == "VBN" and any(c.dep_ == "agent" for c in token.children)
    )


def governing_verb(token: Token) -> Token:
    """The verb a noun trigger hangs from ("signed a deal" -> signed)."""
    current = token
    for _ in range(4):
        if current.pos_ in {"VERB", "AUX"} or current.head is current:
            return current
        current = current.head
    return current


def modality_of(token: Token, cls: URIRef) -> URIRef:
    """Negated, planned or asserted, read from the trigger and the verbs above it."""
    current = token
    for _ in range(4):
        for child in current.children:
            if child.dep_ == "neg" or (child.lower_ in {"no", "never"} and child.dep_ == "det"):
                return DD.negated
            if child.dep_ == "aux" and child.lower_ in MODAL_PLANNED:
                return DD.threatened if cls in {DD.SanctionThreat} else DD.planned
        if current.lemma_ in PLAN_VERBS and current is not token:
            return DD.planned
        if current.lemma_ in DENY_VERBS and current is not token:
            return DD.negated  # "Iran has denied supplying drones"
        if current.head is current:
            break
        current = current.head
    if cls == DD.SanctionThreat:
        return DD.threatened
    return DD.asserted


def parse_money(text: str, near: int | None = None) -> tuple[float, str, str] | None:
    """("$4.6 billion" ->) value, ISO currency, the text as written.

    With several amounts in a sentence, the one nearest ``near`` (a character offset in
    ``text``: the trigger or the equipment) is the event's.
    """
    found: list[tuple[int, tuple[float, str, str]]] = []
    for m in _MONEY.finditer(text):
        num = m.group("num") or m.group("num2")
        scale = (m.group("scale") or m.group("scale2") or "").lower()
        cur = (m.group("cur") or m.group("cur2") or "").lower()
        try:
            value = float(num.replace(",", "")) * _SCALES.get(scale, 1.0)
        except ValueError:
            continue
        if not scale and value < 1000:
            continue  # "$5" in defense news is noise; real values carry a scale or size
        found.append((m.start(), (value, _CURRENCIES.get(cur, "USD"), m.group(0).strip())))
    if not found:
        return None
    if near is None:
        return found[0][1]
    return min(found, key=lambda f: abs(f[0] - near))[1]


def number_value(token: Token) -> int | None:
    text = token.lower_.replace(",", "")
    if text.isdigit():
        return int(text)
    return _NUMBER_WORDS.get(text)


def quantity_for(weapon_tokens: Sequence[Token]) -> int | None:
    """A count modifying the equipment noun: "32 F-35 jets", "three submarines", "24 drones"."""
    for t in weapon_tokens:
        head = t.head if t.dep_ in {"compound", "nmod", "amod"} else t
        for candidate in (head, *head.children, *t.children):
            for c in [candidate, *candidate.children]:
                if c.dep_ in {"nummod", "quantmod"} and c.like_num:
                    value = number_value(c)
                    if value is not None and 0 < value < 100000 and not _looks_like_year(c):
                        return value
        # "32 of its F-35 jets": the number governs "of" + the weapon phrase
        node = head
        for _ in range(3):
            if node.dep_ == "pobj" and node.head.lower_ == "of" and node.head.head.like_num:
                value = number_value(node.head.head)
                if value is not None and not _looks_like_year(node.head.head):
                    return value
            node = node.head
    return None


def _looks_like_year(token: Token) -> bool:
    return token.text.isdigit() and len(token.text) == 4 and 1900 <= int(token.text) <= 2100


def quotes_in(text: str) -> list[str]:
    return [q.strip(" ,.") for q in _QUOTE.findall(text) if len(q.split()) >= 1]


# --- the extractor ---------------------------------------------------------------------


class EventExtractor:
    """Applies the rules sentence by sentence; one instance per article."""

    def __init__(
        self,
        doc: Doc,
        mentions: Sequence[Mention],
        sentence_of: Sequence[int],
        dates: Sequence[DateMention],
        published: dt.date | None,
        sentence_spans: Sequence[Span],
    ) -> None:
        self.doc = doc
        self.published = published
        self.dates = dates
        self.events: list[Event] = []
        by_sentence: dict[int, list[Mention]] = {}
        for m in mentions:
            by_sentence.setdefault(m.sentence, []).append(m)
        self.views: list[SentenceView] = []
        seen: set[int] = set()
        for sent in sentence_spans:
            index = sentence_of[sent.start]
            if index in seen:
                continue  # a verbatim repeat: its facts are already read
            seen.add(index)
            self.views.append(SentenceView(sent, index, by_sentence.get(index, [])))

    def run(self) -> list[Event]:
        for view in self.views:
            for token in view.sent:
                self._trigger(view, token)
            self._roles(view)
            self._memberships(view)
            self._statements(view)
        events = self._dedupe()
        for view in self.views:
            self._deal_details(view, events)
        self._carry_over(events)
        return events

    # -- across sentences -------------------------------------------------------------

    def _deal_details(self, view: SentenceView, events: list[Event]) -> None:
        """Sentences that complete an earlier deal: "The principal contractors will be X
        and Y.", "The estimated cost is $107 million." (the style of sale notices)."""
        text = view.sent.text.lower()
        # A notice's closing paragraphs speak of the one sale it announced.
        latest = _latest(
            events,
            view.index,
            {DD.ArmsDeal, DD.ArmsSaleApproval, DD.ArmsDelivery, DD.ArmsNegotiation},
            window=15,
        )
        if latest is None:
            return
        if re.search(r"\b(?:prime|principal|main|lead)?\s*contractors?\b", text) and any(
            t.lemma_ == "be" for t in view.sent
        ):
            latest.add(DD.contractor, view.of_class({DD.Company}))
        if re.search(
            r"\b(?:estimated\s+)?(?:cost|value|price|worth)\b", text
        ) and not latest.values.get(DD.value):
            money = parse_money(view.sent.text)
            if money is not None:
                _set_money(latest, money)

    def _carry_over(self, events: list[Event]) -> None:
        """Fill what a follow-up sentence leaves implicit from the story so far: "The
        hardware has also been sold to X" (which hardware), "Y will also be sanctioned"
        (by whom). Taken only from the few sentences before, at a lower confidence."""
        weapons_by_sentence: dict[int, list[Entity]] = {}
        for view in self.views:
            found = view.of_class(WEAPONS)
            if found:
                weapons_by_sentence[view.index] = found
        views = {view.index: view for view in self.views}
        for event in events:
            if event.cls == DD.Meeting and not event.has(DD.location):
                # "visited Seoul and met Lee": the meeting was where the visit was.
                visit = next(
                    (
                        e
                        for e in events
                        if e.cls == DD.Visit
                        and e.sentence == event.sentence
                        and e.has(DD.location)
                        and {p.iri for p in e.roles.get(DD.participant, [])}
                        & {p.iri for p in event.roles.get(DD.participant, [])}
                    ),
                    None,
                )
                if visit is not None:
                    event.add(DD.location, visit.roles[DD.location])
            if event.cls == DD.ArmsDelivery and not event.has(DD.recipient):
                # "X signed a deal with Y ..., and the first deliveries arrived in ...".
                deal = next(
                    (
                        e
                        for e in events
                        if e.cls == DD.ArmsDeal
                        and e.sentence == event.sentence
                        and e.has(DD.recipient)
                        and _same_weapons(e, event)
                    ),
                    None,
                )
                if deal is not None:
                    event.add(DD.recipient, deal.roles[DD.recipient])
            if event.cls in GATHERINGS and not event.has(DD.equipment):
                # "signed the deal ... during a ceremony in X": the deal told before.
                deal = _latest(events, event.sentence + 1, ARMS_EVENTS, window=15)
                told = views.get(event.sentence)
                if deal is not None and told is not None and _refers_to_a_deal(told.sent):
                    event.add(DD.topic, deal.roles.get(DD.equipment, []))
            if event.cls in {
                DD.ArmsDeal,
                DD.ArmsDelivery,
                DD.ArmsNegotiation,
                DD.Manufacturing,
            } and not event.has(DD.equipment):
                earlier = [
                    i for i in weapons_by_sentence if event.sentence - 4 <= i < event.sentence
                ]
                if earlier:
                    event.add(DD.equipment, weapons_by_sentence[max(earlier)][:1])
                    event.confidence = min(event.confidence, 0.5)
            if event.cls in COERCIVE:
                for role in (DD.actor, DD.target):
                    if event.has(role) or (role == DD.actor and event.cls == DD.ProgramSuspension):
                        continue
                    previous = [
                        e
                        for e in events
                        if e.cls in COERCIVE
                        and e.has(role)
                        and event.sentence - 3 <= e.sentence < event.sentence
                    ]
                    if previous:
                        event.add(role, max(previous, key=lambda e: e.sentence).roles[role])
                        event.confidence = min(event.confidence, 0.5)
        # What the shapes call well-formed: a sanction names who sanctions whom, a
        # suspension whom it suspends. A mention that still lacks them is no fact.
        events[:] = [
            e
            for e in events
            if not (
                e.cls in {DD.SanctionImposition, DD.SanctionThreat}
                and not (e.has(DD.actor) and e.has(DD.target))
            )
            and not (e.cls == DD.ProgramSuspension and not e.has(DD.target))
            and not (e.cls == DD.Deployment and not (e.has(DD.actor) or e.has(DD.equipment)))
        ]

    # -- dates -------------------------------------------------------------------

    def _date_for(self, view: SentenceView, token: Token) -> DateValue | None:
        inside = [d for d in self.dates if view.sent.start_char <= d.start < view.sent.end_char]
        if not inside:
            return None
        return min(inside, key=lambda d: abs(d.start - token.idx)).value

    def _new(self, cls: URIRef, view: SentenceView, token: Token, confidence: float) -> Event:
        event = Event(
            cls,
            view.index,
            token.text,
            modality=modality_of(token, cls),
            confidence=confidence,
            date=self._date_for(view, token),
        )
        self.events.append(event)
        if cls not in {DD.Meeting, DD.Summit, DD.Visit, DD.Ceremony}:
            self._place(view, token, event, whole=False)
        return event

    def _subject(self, view: SentenceView, token: Token) -> list[Entity]:
        head = subject_head(token)
        tokens = list(head.subtree) if head is not None else []
        if head is not None:
            # The subject's head noun (and its conjuncts) is who acts: "Turkish President
            # Erdogan" is Erdogan, "Russia and Turkey" both; otherwise anything inside.
            found = view.entities_in(self._head_names(view, head), AGENTS)
            if found:
                return found
        found = view.entities_in([t for t in tokens if not _is_modifier(t)], AGENTS)
        if found:
            return found
        if head is not None and head.lower_ in PRONOUNS:
            return self._antecedent(view, head)
        return []

    def _head_names(self, view: SentenceView, head: Token) -> list[Token]:
        """Tokens naming a noun phrase and its conjuncts: the name itself, or for a
        common noun its owner ("Boeing's defense unit" -> Boeing)."""
        tokens: list[Token] = []
        for h in with_conjuncts(head):
            names = _name_tokens(h)
            if not any(view.mention_at(t) for t in names):
                names += [t for c in h.children if c.dep_ == "poss" for t in _name_tokens(c)]
                if h.lemma_.lower() in GROUP_NOUNS:  # "the Government of Norway"
                    names += [
                        t
                        for c in h.children
                        if c.dep_ == "prep" and c.lower_ == "of"
                        for o in c.children
                        if o.dep_ == "pobj"
                        for t in _name_tokens(o)
                    ]
            tokens += names
        return tokens

    def _antecedent(
        self, view: SentenceView, pronoun: Token, exclude: set[URIRef] | None = None
    ) -> list[Entity]:
        """What "it"/"they" refers to: the speaker when the clause is reported speech
        ("China said it will ..."), else the nearest party named before it in the
        sentence, else the subject of the previous sentence."""
        clause = pronoun.head
        for _ in range(4):
            if clause.dep_ == "ccomp" and clause.head.lemma_.lower() in SAY:
                speaker = subject_head(clause.head)
                if speaker is not None:
                    found = view.entities_in(with_conjuncts(speaker), STATES_ORGS)
                    if found:
                        return found
                break
            if clause.head is clause:
                break
            clause = clause.head
        before = [view.mention_at(t) for t in view.sent if t.i < pronoun.i]
        parties = [
            m.entity
            for m in before
            if m is not None
            and m.entity.type in STATES_ORGS
            and m.entity.iri not in (exclude or set())
        ]
        if parties:
            return parties[-1:]
        previous = [v for v in self.views if v.index == view.index - 1]
        if previous:
            root = previous[0].sent.root
            return previous[0].entities_in(subject_tokens(root), STATES_ORGS)[:1]
        return []

    def _objects(self, view: SentenceView, token: Token) -> list[Entity]:
        """Parties among the direct objects, with pronouns resolved (never to the subject)."""
        out: list[Entity] = []
        subject = {e.iri for e in self._subject(view, token)}
        for child in token.children:
            if child.dep_ not in {"dobj", "iobj", "dative"}:
                continue
            if child.lower_ in PRONOUNS | {"them", "him", "her"}:
                out += [e for e in self._antecedent(view, child, subject)]
            else:
                heads = [t for h in with_conjuncts(child) for t in _name_tokens(h)]
                named = view.entities_in(heads, PARTIES)
                out += (
                    named
                    or view.entities_in([t for t in child.subtree if not _is_modifier(t)], PARTIES)
                    or self._nationality_of(view, child)
                )
        return out

    def _nationality_of(self, view: SentenceView, noun: Token) -> list[Entity]:
        """The state of people or bodies named by nationality: "18 Saudi nationals",
        "Chinese companies" (a sanction on them is a sanction on the state's people)."""
        if noun.lemma_.lower() not in NATIONALS_NOUNS:
            return []
        modifiers = [c for c in noun.children if c.dep_ in {"amod", "compound", "nmod"}]
        return view.entities_in(modifiers, {DD.State})

    # -- triggers ----------------------------------------------------------------

    def _trigger(self, view: SentenceView, token: Token) -> None:
        inside = view.mention_at(token)
        if inside is not None and inside.entity.type != DD.DefenseProgram:
            return  # "Sanctions" in a law's name, "Sales" in an agency's: not events
        lemma = token.lemma_.lower()
        lower = token.lower_
        if token.pos_ in {"VERB", "AUX"}:
            if lemma in SELL or lemma in BUY:
                self._transfer(view, token, sell=lemma in SELL)
            elif lemma in NEGOTIATION:
                self._deal_noun(view, token, DD.ArmsNegotiation)
            if lemma in APPROVE:
                self._approval(view, token)
            if lemma in SANCTION_VERBS:
                self._sanction_verb(view, token)
            if lemma in SUSPEND or lemma in HALT:
                self._suspension_or_halt(view, token)
            if lemma in THREATEN:
                self._threat(view, token)
            if lemma in MEET_VERBS:
                self._meeting_verb(view, token)
            if lemma in JOIN:
                self._join(view, token)
            if lemma in BUILD:
                self._build(view, token)
            if lemma in TEST_VERBS or lower.startswith(("test-fir", "test-launch")):
                self._weapon_test(view, token)
            if lemma in DEPLOY_VERBS:
                self._deployment_verb(view, token)
            if lemma == "arrive":
                self._arrival(view, token)
        elif token.pos_ in {"NOUN", "PROPN"}:
            if lower in DEAL_NOUNS or lemma in DEAL_NOUNS:
                cls = (
                    DD.ArmsDelivery
                    if lemma in {"delivery", "shipment", "transfer"}
                    else DD.ArmsDeal
                )
                if lemma in {"talk", "negotiation"}:
                    cls = DD.ArmsNegotiation
                self._deal_noun(view, token, cls)
            if lower in SANCTION_NOUNS or lemma in SANCTION_NOUNS:
                self._sanction_noun(view, token)
            if lemma in DEPLOY_NOUNS:
                self._deployment_noun(view, token)
            if lower in MEET_NOUNS:
                self._meeting_noun(view, token, MEET_NOUNS[lower])
            if lemma in DEADLINE:
                self._deadline(view, token)

    def _transfer(self, view: SentenceView, verb: Token, *, sell: bool) -> None:
        if any(
            c.dep_ == "prt" and c.lower_ in {"up", "off", "back", "away"} for c in verb.children
        ):
            return  # "give up", "back off": not a transfer
        governed = [
            t
            for c in verb.children
            if c.dep_ in {"dobj", "prep", "dative", "nsubjpass", "attr", "oprd", "agent"}
            for t in c.subtree
        ]
        weapons = view.entities_in(governed, WEAPONS)
        if not weapons and not any(t.lemma_.lower() in ARMS_NOUNS for t in governed):
            if not (
                verb.lemma_.lower() in SELL | {"buy", "purchase", "acquire", "order"}
                and view.of_class(WEAPONS)
            ):
                return
            weapons = view.of_class(WEAPONS)
            named = {w.iri for w in weapons}
            if any(
                e.sentence == view.index and named & {w.iri for w in e.roles.get(DD.equipment, [])}
                for e in self.events
            ):
                return  # "sell X ..., with an option to buy two more": one deal, read already
        p = preps(verb)
        subject = [e for e in self._subject(view, verb) if e.type in PARTIES]
        objects = self._objects(view, verb)
        lemma = verb.lemma_.lower()
        passive = is_passive(verb)
        # "deliver", "ship", or "take delivery of": a delivery; "sell", "buy": a deal.
        delivered = lemma in DELIVERY_VERBS or any(
            t.lemma_.lower() in {"delivery", "shipment", "handover"} for t in governed
        )
        cls = DD.ArmsDelivery if delivered else DD.ArmsDeal
        event = self._new(cls, view, verb, 0.8)
        event.add(DD.equipment, weapons)
        if sell:
            if passive:
                event.add(DD.supplier, view.entities_in(agent_tokens(verb), PARTIES))
            else:
                event.add(DD.supplier, subject)
                event.add(DD.recipient, objects)
            event.add(DD.recipient, view.entities_in(p.get("to", []), PARTIES))
            if not event.has(DD.recipient):
                # "send 14 Leopard 2 A6 tanks to Ukraine" parsed with "to" on another word.
                for t in verb.subtree:
                    if t.lower_ == "to" and t.dep_ == "prep" and governing_verb(t).i == verb.i:
                        event.add(DD.recipient, view.entities_in(list(t.subtree), PARTIES))
        else:
            if passive:
                event.add(DD.recipient, view.entities_in(agent_tokens(verb), PARTIES))
            else:
                event.add(DD.recipient, subject)
            event.add(DD.supplier, view.entities_in(p.get("from", []) + p.get("by", []), PARTIES))
            if not event.has(DD.supplier):
                # "buy 20 more F-35A jets from Lockheed Martin", "from" hung on the jets.
                for t in verb.subtree:
                    if t.lower_ == "from" and t.dep_ == "prep" and governing_verb(t).i == verb.i:
                        event.add(DD.supplier, view.entities_in(list(t.subtree), PARTIES))
            if lemma in {"choose", "select", "pick"}:
                event.add(DD.supplier, [e for e in objects if e.type in STATES_ORGS])
        # A party named as the explicit buyer is not also the seller ("the leaders of the
        # US, Australia and Britain ... offer Australia submarines").
        recipients = {e.iri for e in event.roles.get(DD.recipient, [])}
        if DD.supplier in event.roles:
            event.roles[DD.supplier] = [
                e for e in event.roles[DD.supplier] if e.iri not in recipients
            ]
        self._complete_deal(view, verb, event)

    def _deal_noun(self, view: SentenceView, noun: Token, cls: URIRef) -> None:
        weapons = view.entities_in(noun.subtree, WEAPONS) or view.of_class(WEAPONS)
        if not weapons and not self._arms_context(view):
            self._follow_up_delivery(view, noun)
            return
        verb = governing_verb(noun)
        event = self._new(cls, view, noun, 0.6)
        event.from_noun = True
        event.add(DD.equipment, weapons)
        p = {**preps(verb), **preps(noun)} if verb.lemma_.lower() in DEAL_VERBS else preps(noun)
        event.add(DD.supplier, view.entities_in(p.get("from", []), PARTIES))
        event.add(DD.recipient, view.entities_in(p.get("to", []) + p.get("for", []), STATES_ORGS))
        counterpart = view.entities_in(p.get("with", []), STATES_ORGS)
        subject = (
            [e for e in self._subject(view, noun) if e.type in STATES_ORGS]
            if verb.lemma_.lower() in DEAL_VERBS
            else []
        )
        # "Poland's deal", "Turkish purchase": a possessor or demonym before the noun.
        owners = view.entities_in(
            [c for c in noun.children if c.dep_ in {"poss", "amod", "compound"}], STATES_ORGS
        )
        # The possessor of a sale is the seller ("Washington's arms sales"), of a purchase
        # the buyer ("Poland's purchase"); of a neutral "deal" the weapon's origin decides.
        if noun.lemma_.lower() in SELL_NOUNS:
            event.add(DD.supplier, owners)
            owners = []
        elif noun.lemma_.lower() in BUY_NOUNS:
            event.add(DD.recipient, owners)
            owners = []
        self._assign_parties(event, weapons, [*subject, *owners], counterpart)
        self._complete_deal(view, noun, event)

    def _arrival(self, view: SentenceView, verb: Token) -> None:
        """ "The tanks are expected to arrive by the end of March": weapons arriving are
        delivered; those of the deal told just before when the sentence names none."""
        head = subject_head(verb)
        if head is None or head.lemma_.lower() not in ARMS_NOUNS:
            return
        weapons = view.entities_in(_core(head), WEAPONS)
        deal = _latest(self.events, view.index + 1, ARMS_EVENTS, window=3)
        if not weapons and deal is None:
            return
        if not weapons and deal is not None:
            weapons = deal.roles.get(DD.equipment, [])
        event = self._new(DD.ArmsDelivery, view, verb, 0.6)
        event.add(DD.equipment, weapons)
        event.add(DD.recipient, view.entities_in(preps(verb).get("in", []), {DD.State}))
        if deal is not None and (not weapons or _same_weapons(deal, event)):
            for role in (DD.supplier, DD.recipient):
                if not event.has(role):
                    event.add(role, deal.roles.get(role, []))

    def _follow_up_delivery(self, view: SentenceView, noun: Token) -> None:
        """ "Deliveries are expected to begin in 2028": right after a deal, its deliveries,
        with the deal's parties and weapons (and this sentence's date)."""
        if noun.lemma_.lower() not in {"delivery", "shipment"} or view.mentions:
            return
        deal = _latest(self.events, view.index, {DD.ArmsDeal}, window=3)
        if deal is None:
            return
        event = self._new(DD.ArmsDelivery, view, noun, 0.5)
        event.from_noun = True
        for role in (DD.supplier, DD.recipient, DD.equipment):
            event.add(role, deal.roles.get(role, []))

    def _assign_parties(
        self, event: Event, weapons: list[Entity], parties: list[Entity], counterparts: list[Entity]
    ) -> None:
        """Who sells and who buys when the parse does not say: the weapon's origin sells."""
        origins = {w.entry.country for w in weapons if w.entry is not None and w.entry.country}
        known = {e.iri for es in event.roles.values() for e in es}
        for party in [*parties, *counterparts]:
            if party.iri in known:
                continue
            if party.iri in origins or (party in counterparts and event.has(DD.recipient)):
                event.add(DD.supplier, [party])
            elif party in counterparts:
                # "X signed a deal with Y": without an origin, Y is the seller if X buys.
                event.add(DD.supplier, [party])
            elif not event.has(DD.recipient) or party.iri not in origins:
                event.add(DD.recipient, [party])

    def _complete_deal(self, view: SentenceView, anchor: Token, event: Event) -> None:
        weapon_tokens = [
            t for t in view.sent if (m := view.mention_at(t)) and m.entity.type == DD.WeaponSystem
        ]
        quantity = quantity_for(weapon_tokens) or self._counted_noun(view)
        if quantity:
            event.set(DD.quantity, Literal(quantity))
        equipment = [t.idx for t in weapon_tokens]
        money = parse_money(
            view.sent.text, (equipment[0] if equipment else anchor.idx) - view.sent.start_char
        )
        if money:
            _set_money(event, money)
        # Companies inside the deal's own phrase: "a contract with Lockheed Martin for ...".
        makers = view.entities_in(anchor.subtree, {DD.Company})
        if makers and event.cls in {DD.ArmsDeal, DD.ArmsSaleApproval}:
            for maker in makers:
                if not any(maker.iri == e.iri for es in event.roles.values() for e in es):
                    event.add(DD.contractor, [maker])
        if not event.has(DD.supplier):
            origins = [
                w.entry.country
                for w in event.roles.get(DD.equipment, [])
                if w.entry and w.entry.country
            ]
            for mention in view.mentions:
                if mention.entity.iri in origins and mention.entity.iri not in {
                    e.iri for e in event.roles.get(DD.recipient, [])
                }:
                    event.add(DD.supplier, [mention.entity])
                    event.confidence = min(event.confidence, 0.5)

    def _counted_noun(self, view: SentenceView) -> int | None:
        """ "24 attack drones", "three submarines": a count on an arms noun without a model name."""
        for t in view.sent:
            if (
                t.dep_ == "nummod"
                and t.head.lemma_.lower() in ARMS_NOUNS
                and not _looks_like_year(t)
            ):
                value = number_value(t)
                if value:
                    return value
        return None

    def _arms_context(self, view: SentenceView) -> bool:
        return any(t.lemma_.lower() in ARMS_NOUNS for t in view.sent)

    def _approval(self, view: SentenceView, verb: Token) -> None:
        subject_side = set(subject_tokens(verb))
        words = {t.lemma_.lower() for t in verb.subtree if t not in subject_side}
        if not words & {
            "sale",
            "export",
            "transfer",
            "purchase",
            "package",
            "deal",
            "contract",
            "request",
            "license",
            "licence",
        }:
            return
        weapons = view.of_class(WEAPONS)
        event = self._new(DD.ArmsSaleApproval, view, verb, 0.7)
        event.add(DD.equipment, weapons)
        subject = self._subject(view, verb)
        event.add(DD.actor, subject)
        # The approving government's state sells.
        for e in subject:
            if e.type == DD.State:
                event.add(DD.supplier, [e])
            elif e.entry is not None and e.entry.country:
                country = next(
                    (m.entity for m in view.mentions if m.entity.iri == e.entry.country), None
                )
                event.add(
                    DD.supplier,
                    [country]
                    if country
                    else [
                        Entity(
                            e.entry.country,
                            DD.State,
                            e.entry.country.rsplit("/", 1)[-1].replace("-", " ").title(),
                        )
                    ],
                )
        p = preps(verb)
        for phrase in ("to", "for"):
            event.add(DD.recipient, view.entities_in(p.get(phrase, []), STATES_ORGS))
        if not event.has(DD.recipient) and _refers_to_a_deal(view.sent):
            # "approved the possible sale": the sale told before, its buyer and weapons.
            deal = _latest(self.events, view.index, ARMS_EVENTS, window=6)
            if deal is not None:
                event.add(DD.recipient, deal.roles.get(DD.recipient, []))
                if not event.has(DD.equipment):
                    event.add(DD.equipment, deal.roles.get(DD.equipment, []))
        for t in view.sent:
            if t.lower_ == "to" and t.head.lemma_.lower() in {
                "sale",
                "sales",
                "transfer",
                "export",
            }:
                event.add(DD.recipient, view.entities_in(t.subtree, STATES_ORGS))
        self._complete_deal(view, verb, event)

    def _sanction_verb(self, view: SentenceView, verb: Token) -> None:
        event = self._new(DD.SanctionImposition, view, verb, 0.8)
        if is_passive(verb):  # "X will be sanctioned (by Y)"
            event.add(DD.target, self._subject(view, verb))
            event.add(DD.actor, view.entities_in(agent_tokens(verb), STATES_ORGS))
        else:
            event.add(DD.actor, self._subject(view, verb))
            event.add(DD.target, self._objects(view, verb))
        self._sanction_details(view, verb, event)

    def _sanction_noun(self, view: SentenceView, noun: Token) -> None:
        verb = governing_verb(noun)
        lemma = verb.lemma_.lower()
        if (
            noun.lower_ in {"consequence", "consequences", "measure", "measures"}
            and lemma not in THREATEN | IMPOSE
        ):
            return
        threatened = lemma in THREATEN or modality_of(verb, DD.SanctionImposition) != DD.asserted
        if lemma in THREATEN:
            return  # the threat verb itself builds the event
        cls = DD.SanctionThreat if threatened else DD.SanctionImposition
        event = self._new(cls, view, noun, 0.7)
        event.from_noun = True
        # "US sanctions", "Washington's sanctions": the modifier sanctions; else the subject
        # of a verb that imposes ("China will impose sanctions").
        modifiers = [c for c in noun.children if c.dep_ in {"compound", "amod", "poss", "nmod"}]
        owners = view.entities_in(modifiers, STATES_ORGS)
        if owners:
            event.add(DD.actor, owners)
        elif lemma in IMPOSE | {"threaten", "warn"}:
            event.add(
                DD.actor,
                [e for e in self._subject(view, noun) if e.type in STATES_ORGS | {DD.Person}],
            )
        p = {**preps(noun), **preps(verb)}
        for phrase in ("on", "against"):
            event.add(DD.target, view.entities_in(p.get(phrase, []), PARTIES))
        if not event.has(DD.target):
            # "sanctions on six Iranian individuals and companies": their state, and how many.
            for anchor in (noun, verb):
                for c in anchor.children:
                    if c.dep_ == "prep" and c.lower_ in {"on", "against"}:
                        for obj in (o for o in c.children if o.dep_ == "pobj"):
                            event.add(DD.target, self._nationality_of(view, obj))
                            count = [n for n in obj.children if n.dep_ == "nummod"]
                            value = number_value(count[0]) if count else None
                            if value and event.has(DD.target):
                                event.set(DD.quantity, Literal(value))
        if verb.lemma_.lower() in {"hit", "slap", "threaten"}:  # "hit Turkey with sanctions"
            event.add(DD.target, self._objects(view, verb))
        self._sanction_details(view, noun, event)

    def _threat(self, view: SentenceView, verb: Token) -> None:
        text = view.sent.text.lower()
        if not any(
            w in text
            for w in ("sanction", "consequence", "penalt", "measures", "retaliat", "embargo")
        ):
            return
        event = self._new(DD.SanctionThreat, view, verb, 0.8)
        event.modality = DD.threatened
        if verb.lemma_.lower() in {"face", "risk"}:
            event.add(DD.target, self._subject(view, verb))
        else:
            event.add(DD.actor, self._subject(view, verb))
            event.add(DD.target, view.entities_in(direct_objects(verb), PARTIES))
            for phrase in ("to", "against"):
                event.add(DD.target, view.entities_in(preps(verb).get(phrase, []), PARTIES))
        self._sanction_details(view, verb, event)

    def _sanction_details(self, view: SentenceView, anchor: Token, event: Event) -> None:
        event.add(DD.legalBasis, view.of_class({DD.LegalInstrument}))
        event.add(DD.equipment, view.of_class(WEAPONS))
        for phrase in ("over", "for"):
            text = phrase_text(anchor, phrase)
            if text:
                event.set(DD.reason, Literal(_tidy(text)))
        for clause in anchor.children:  # "... because they are believed connected to ..."
            if clause.dep_ == "advcl" and any(
                c.dep_ == "mark" and c.lower_ in {"because", "as", "since"} for c in clause.children
            ):
                words = [
                    t for t in clause.subtree if not (t.dep_ == "mark" and t.head.i == clause.i)
                ]
                text = anchor.doc[words[0].i : words[-1].i + 1].text if words else ""
                if text and not event.values.get(DD.reason):
                    event.set(DD.reason, Literal(_tidy(text)))

    def _suspension_or_halt(self, view: SentenceView, verb: Token) -> None:
        p = preps(verb)
        objects = direct_objects(verb)
        object_words = {t.lemma_.lower() for t in objects} | {t.lower_ for t in objects}
        lemma = verb.lemma_.lower()
        if lemma in HALT and object_words & EXPORT_NOUNS:
            event = self._new(DD.ExportHalt, view, verb, 0.8)
            event.add(DD.actor, self._subject(view, verb))
            targets = view.entities_in(p.get("to", []), PARTIES)
            for t in objects:
                if t.lower_ == "to":
                    targets += view.entities_in(t.subtree, PARTIES)
            event.add(DD.target, targets)
            event.add(DD.equipment, view.of_class(WEAPONS))
            return
        if lemma in {"ban", "bar"} and any(
            t.tag_ == "VBG" and t.lemma_.lower() in ENTRY_VERBS for t in p.get("from", [])
        ):
            # "banned 18 Saudi nationals from entering the Schengen zone": an entry ban.
            event = self._new(DD.SanctionImposition, view, verb, 0.8)
            event.add(DD.actor, self._subject(view, verb))
            event.add(DD.target, self._objects(view, verb))
            counted = [c for o in objects for c in o.children if c.dep_ == "nummod"]
            count = number_value(counted[0]) if counted else None
            if count:
                event.set(DD.quantity, Literal(count))
            self._sanction_details(view, verb, event)
            return
        bodies = {DD.Alliance, DD.InternationalOrganization}
        if lemma in SUSPEND and not p.get("from") and objects:
            # "suspended Russia's rights of representation": its rights in the subject body.
            held = [o for o in objects if o.lemma_.lower() in MEMBER_RIGHTS and o.dep_ == "dobj"]
            owners = [c for o in held for c in o.children if c.dep_ == "poss"]
            subject = self._subject(view, verb)
            members = view.entities_in(owners, PARTIES)
            if not members and any(e.type in bodies for e in subject):
                # "The Council of Europe expelled Russia": from itself.
                members = [e for e in self._objects(view, verb) if e.type in STATES_ORGS]
            if members:
                event = self._new(DD.ProgramSuspension, view, verb, 0.8)
                event.add(DD.target, members)
                event.add(DD.actor, subject)
                event.add(DD.organization, [e for e in subject if e.type in bodies])
            return
        if lemma in SUSPEND and "from" in p:
            source = p["from"]
            orgs = view.entities_in(source, bodies)
            if not orgs and any(
                t.lemma_.lower() in BLOC_NOUNS | {"body", "council"}
                and any(c.dep_ == "det" and c.lower_ == "the" for c in t.children)
                for t in source
            ):
                orgs = self._last_named(view, bodies)  # "expelled from the body"
            if (
                not {t.lemma_.lower() for t in source} & PROGRAM_NOUNS
                and not view.entities_in(source, {DD.DefenseProgram})
                and not orgs
            ):
                return
            event = self._new(DD.ProgramSuspension, view, verb, 0.8)
            event.add(DD.organization, orgs)
            if is_passive(verb):
                event.add(DD.target, self._subject(view, verb))
                event.add(DD.actor, view.entities_in(agent_tokens(verb), PARTIES))
            else:
                event.add(DD.actor, self._subject(view, verb))
                event.add(DD.target, self._objects(view, verb))
            programs = view.entities_in(source, {DD.DefenseProgram})
            named = self._program_from(view, source) if not programs else None
            event.add(DD.program, programs or ([named] if named else []))

    def _program_from(self, view: SentenceView, tokens: list[Token]) -> Entity | None:
        """A program named by a weapon: "the F-35 fighter jet program" -> "F-35 program"."""
        weapons = view.entities_in(tokens, WEAPONS)
        head = next((t for t in tokens if t.lemma_.lower() in PROGRAM_NOUNS), None)
        if head is None:
            return None
        name = (
            f"{weapons[0].label} program"
            if weapons
            else " ".join(t.text for t in tokens if t.dep_ != "det" and t.i <= head.i)
        )
        return Entity(RES[slugify(name)], DD.DefenseProgram, name)

    def _meeting_verb(self, view: SentenceView, verb: Token) -> None:
        head = subject_head(verb)
        objects = [
            t for c in verb.children if c.dep_ in {"dobj", "dative"} for t in with_conjuncts(c)
        ]
        people = view.entities_in(with_conjuncts(head), AGENTS) if head is not None else []
        visited: list[Entity] = []
        if verb.lemma_.lower() == "visit":
            # "visited Seoul": the city (a capital is its state's metonym elsewhere) is
            # where the visit was; "visited Pope Francis" is whom.
            for m in (view.mention_at(t) for t in objects):
                if m is not None and (m.entity.type == DD.Place or _as_city(m) is not None):
                    visited.append(_as_city(m) or m.entity)
            objects = [t for t in objects if view.mention_at(t) is None or not visited]
        people += view.entities_in(objects, AGENTS)
        people += view.entities_in(preps(verb).get("with", []), AGENTS)
        if len(people) < 2 and verb.lemma_.lower() in {"meet", "receive"}:
            return
        if not people:
            return
        cls = DD.Visit if verb.lemma_.lower() == "visit" else DD.Meeting
        event = self._new(cls, view, verb, 0.7)
        event.add(DD.participant, people)
        event.add(DD.location, visited)
        self._place(view, verb, event)

    def _meeting_noun(self, view: SentenceView, noun: Token, cls: URIRef) -> None:
        event = self._new(cls, view, noun, 0.6)
        of_phrase = [
            t for c in noun.children if c.dep_ == "prep" and c.lower_ == "of" for t in c.subtree
        ]
        orgs = view.entities_in(
            [c for c in noun.subtree if c.i < noun.i] + of_phrase,  # "a summit of the Quad"
            {DD.Alliance, DD.InternationalOrganization},
        )
        event.add(DD.organization, orgs)
        verb = governing_verb(noun)
        subject = (
            view.entities_in(with_conjuncts(h), AGENTS)
            if (h := subject_head(noun)) is not None
            else []
        )
        p = {**preps(noun), **preps(verb)}
        between = [view.entities_in(p.get(w, []), AGENTS) for w in ("between", "with", "of")]
        people = [e for e in self._independent(view) if e.type == DD.Person]
        participants = [*subject, *(e for group in between for e in group), *people]
        orgs_iris = {o.iri for o in orgs}
        event.add(
            DD.participant,
            [
                e
                for e in participants
                if e.iri not in orgs_iris
                and not self._is_place_mention(view, e)
                and e.type not in {DD.Alliance, DD.InternationalOrganization}
            ],
        )
        self._place(view, noun, event)

    def _independent(self, view: SentenceView) -> list[Entity]:
        """Entities not merely modifying another name ("French" in "French President
        Macron") nor inside a topic phrase ("talks on Syria")."""
        out: list[Entity] = []
        for t in view.sent:
            m = view.mention_at(t)
            if m is None or m.entity in out:
                continue
            if t.dep_ in {"amod", "compound", "poss"} and view.mention_at(t.head) not in (None, m):
                continue
            if any(
                a.lower_ in {"on", "about", "over", "regarding"} and a.dep_ == "prep"
                for a in t.ancestors
                if a.i < t.i and a.sent == t.sent and a.i > t.i - 6
            ):
                continue
            out.append(m.entity)
        return out

    def _is_place_mention(self, view: SentenceView, entity: Entity) -> bool:
        for t in view.sent:
            m = view.mention_at(t)
            if m and m.entity.iri == entity.iri and t.head.lower_ in {"in", "at"}:
                return True
        return False

    def _place(
        self,
        view: SentenceView,
        anchor: Token,
        event: Event,
        *,
        whole: bool = True,
        scope: Iterable[Token] | None = None,
        words: frozenset[str] = PLACE_PREPOSITIONS,
    ) -> None:
        """``in``/``at`` phrases that name a place (a capital named as a city stays the
        city): anywhere in the sentence for a meeting, else on the trigger's own clause
        (or in the ``scope`` given)."""
        places: list[Entity] = []
        if scope is None and whole:
            scope = view.sent
        elif scope is None:
            verb = governing_verb(anchor)
            scope = [*anchor.children, *verb.children]
        for t in scope:
            if t.lower_ not in words or t.dep_ != "prep":
                continue
            for tok in t.subtree:
                m = view.mention_at(tok)
                if m is None or m.entity.type not in {DD.Place, DD.State}:
                    continue
                entity = _as_city(m) or m.entity
                if entity.iri not in {p.iri for p in places}:
                    places.append(entity)
        event.add(DD.location, places)

    def _deadline(self, view: SentenceView, noun: Token) -> None:
        event = self._new(DD.Ultimatum, view, noun, 0.7)
        event.add(DD.actor, self._subject(view, noun))
        for t in view.sent:
            if t.lower_ == "for" and t.i > noun.i:
                event.add(
                    DD.target,
                    view.entities_in(t.head.subtree if t.dep_ == "mark" else t.subtree, PARTIES),
                )
                break
        if event.date is not None:
            event.set(DD.deadline, event.date.literal())

    def _join(self, view: SentenceView, verb: Token) -> None:
        objects = direct_objects(verb) + preps(verb).get("to", [])
        orgs = view.entities_in(objects, {DD.Alliance, DD.InternationalOrganization})
        if not orgs and any(
            t.lemma_.lower() in BLOC_NOUNS
            and any(c.dep_ == "det" and c.lower_ == "the" for c in t.children)
            for t in objects
        ):
            orgs = self._last_named(view, {DD.Alliance, DD.InternationalOrganization})
        if not orgs:
            return
        event = self._new(DD.MembershipChange, view, verb, 0.8)
        if verb.dep_ in {"acl", "xcomp"} and verb.head.pos_ == "NOUN":
            # "Sweden's bid to join NATO": whose bid, not who voted on it.
            owners = [c for c in verb.head.children if c.dep_ == "poss"]
            event.add(DD.member, view.entities_in(owners, {DD.State}))
        else:
            event.add(DD.member, self._subject(view, verb))
        event.add(DD.organization, orgs)

    def _last_named(self, view: SentenceView, classes: set[URIRef]) -> list[Entity]:
        """ "the alliance": the last one of ``classes`` named up to this sentence."""
        for earlier in reversed([v for v in self.views if v.index <= view.index]):
            found = earlier.of_class(classes)
            if found:
                return found[-1:]
        return []

    def _build(self, view: SentenceView, verb: Token) -> None:
        if any(c.dep_ == "prt" for c in verb.children) or "on" in preps(verb):
            return  # "builds up its capability", "build on the partnership": not making
        weapons = view.of_class(WEAPONS)
        passive = is_passive(verb)
        maker_classes = {DD.Company, DD.Organization, DD.GovernmentBody, DD.State}
        if passive:
            makers = view.entities_in(agent_tokens(verb), maker_classes)
        else:
            head = subject_head(verb)
            makers = (
                view.entities_in(with_conjuncts(head), maker_classes) if head is not None else []
            )
        if not makers:
            return
        if not weapons and not self._arms_context(view):
            return
        event = self._new(DD.Manufacturing, view, verb, 0.7)
        event.add(DD.actor, makers)
        event.add(DD.equipment, weapons)

    def _weapon_test(self, view: SentenceView, verb: Token) -> None:
        """ "North Korea test-fired a Hwasong missile", "the S-400 is activated for testing
        at X Air Base": who tests which weapon, where. "launch" and "fire" need a weapon
        governed by the verb ("launched an inquiry" is no test)."""
        governed = [
            t
            for c in verb.children
            if c.dep_ in {"dobj", "nsubjpass", "attr", "oprd"}
            for t in _core(c)
        ]
        weapons = view.entities_in(governed, WEAPONS)
        if not weapons and any(t.lemma_.lower() in ARMS_NOUNS for t in governed):
            weapons = view.of_class(WEAPONS)  # "tested the system's radars": the one named
        if not weapons:
            return
        event = self._new(DD.WeaponTest, view, verb, 0.7)
        event.add(DD.equipment, weapons)
        if is_passive(verb):
            event.add(DD.actor, view.entities_in(agent_tokens(verb), AGENTS))
        else:
            event.add(DD.actor, self._subject(view, verb))
            head = subject_head(verb)
            if not event.has(DD.actor) and head is not None:
                event.add(DD.actor, self._nationality_of_forces(view, head))  # "Turkish forces"
        # "activated for testing at X Air Base", "launched a missile at the Y Cosmodrome":
        # the place may hang on the purpose phrase or the object, not only the verb.
        subject = {t.i for c in verb.children if c.dep_.startswith("nsubj") for t in c.subtree}
        self._place(view, verb, event, scope=[t for t in verb.subtree if t.i not in subject])

    def _deployment_verb(self, view: SentenceView, verb: Token) -> None:
        """ "Russia deployed Iskander missiles to Kaliningrad", "US submarines (will be)
        deployed in Western Australia": who sends which forces or weapons where."""
        governed = [
            t
            for c in verb.children
            if c.dep_ in {"dobj", "nsubjpass", "attr", "oprd"}
            for t in _core(c)
        ]
        if verb.dep_ == "acl":  # "submarines deployed in X": the noun it describes
            governed += _core(verb.head)
        head = subject_head(verb)
        moved = head is not None and head.lemma_.lower() in ARMS_NOUNS | FORCE_NOUNS
        if head is not None and moved:  # "US troops deployed to Poland": what moves
            governed += _core(head)
        weapons = view.entities_in(governed, WEAPONS)
        forces = [t for t in governed if t.lemma_.lower() in ARMS_NOUNS | FORCE_NOUNS]
        if not weapons and not forces:
            return  # "deployed its diplomatic skills"
        event = self._new(DD.Deployment, view, verb, 0.7)
        event.add(DD.equipment, weapons)
        if is_passive(verb) or verb.dep_ == "acl" or moved:
            event.add(DD.actor, view.entities_in(agent_tokens(verb), AGENTS))
        else:
            event.add(DD.actor, self._subject(view, verb))
        # "US and British submarines": the forces' nationality deploys them.
        event.add(DD.actor, [e for t in forces for e in self._nationality_of_forces(view, t)])
        self._place(
            view,
            verb,
            event,
            scope=[t for t in verb.subtree if t not in governed],
            words=PLACE_PREPOSITIONS | {"to", "into"},  # "deployed to Kaliningrad"
        )

    def _deployment_noun(self, view: SentenceView, noun: Token) -> None:
        """ "the United States and Britain would begin these rotational deployments as soon
        as 2027", "the deployment of Patriot batteries to Poland"."""
        verb = governing_verb(noun)
        of_phrase = [
            t for c in noun.children if c.dep_ == "prep" and c.lower_ == "of" for t in c.subtree
        ]
        weapons = view.entities_in(of_phrase, WEAPONS)
        event = self._new(DD.Deployment, view, noun, 0.6)
        event.from_noun = True
        event.add(DD.equipment, weapons)
        owners = view.entities_in(
            [c for c in noun.children if c.dep_ in {"poss", "amod", "compound", "nmod"}],
            STATES_ORGS,
        )
        if not owners and noun.dep_ == "dobj":  # "X would begin these deployments"
            owners = [e for e in self._subject(view, verb) if e.type in STATES_ORGS]
        event.add(DD.actor, owners)
        self._place(
            view,
            noun,
            event,
            scope=[t for t in noun.subtree if t.i != noun.i],
            words=PLACE_PREPOSITIONS | {"to", "into"},
        )

    def _nationality_of_forces(self, view: SentenceView, noun: Token) -> list[Entity]:
        """ "US and British submarines", "Turkish forces": the state they belong to."""
        if noun.lemma_.lower() not in ARMS_NOUNS | FORCE_NOUNS:
            return []
        modifiers = [
            t
            for c in noun.children
            if c.dep_ in {"amod", "compound", "nmod"}
            for t in with_conjuncts(c)
        ]
        return view.entities_in(modifiers, {DD.State})

    # -- relations over time ---------------------------------------------------------

    def _roles(self, view: SentenceView) -> None:
        """ "Turkish President Recep Tayyip Erdogan", "Heiko Maas, Germany's foreign minister"."""
        for m in view.mentions:
            if m.entity.type not in {DD.Person, DD.Company, DD.GovernmentBody, DD.Organization}:
                continue
            span = view.sent.doc.char_span(m.start, m.end, alignment_mode="expand")
            if span is None:
                continue
            title, orgs = self._title_before(view, span)
            if not title:
                title, orgs = self._title_appositive(view, span)
            if not title:
                continue
            is_person = m.entity.type == DD.Person
            if not is_person:
                # "the head of Russian state arms exporter X": X is the exporter, not the head.
                title = title.rsplit(" of ", 1)[-1]
                if title.split()[-1] not in ORG_DESCRIPTOR_HEADS:
                    continue
            if is_person and not set(title.split()) & TITLE_HEADS:
                continue
            event = Event(DD.RoleAssignment, view.index, title, confidence=0.8)
            event.add(DD.holder, [m.entity])
            event.set(DD.position, Literal(title))
            event.add(DD.organization, orgs[-1:])  # the name nearest the title
            if not orgs and is_person and set(title.split()) & GOVERNMENT_TITLES:
                # "Canada has suspended ..., Foreign Minister X said": X speaks for Canada.
                state = self._state_reported_by(view, span)
                if state:
                    event.add(DD.organization, state)
                    event.confidence = 0.6
            self.events.append(event)

    def _state_reported_by(self, view: SentenceView, span: Span) -> list[Entity]:
        """The state that is the subject of what the person at ``span`` says."""
        verb = span.root.head
        if span.root.dep_ != "nsubj" or verb.lemma_.lower() not in SAY:
            return []
        for clause in verb.children:
            if clause.dep_ == "ccomp":
                head = subject_head(clause)
                if head is not None:
                    return view.entities_in(with_conjuncts(head), {DD.State})[:1]
        return []

    def _title_before(self, view: SentenceView, span: Span) -> tuple[str, list[Entity]]:
        """The title words and organizations right before a name.

        "Turkish President X", "Poland's Defense Minister X", and, past a comma, "the U.S.
        envoy to Poland, X": "to <state>" stays in the title (an envoy's host is not his
        employer)."""
        doc = view.sent.doc
        start = span.start - 1
        if start >= view.sent.start and doc[start].text == ",":
            start -= 1  # "the U.S. envoy to Poland, Georgette Mosbacher"
        items: list[tuple[Token, Entity | None]] = []
        i = start
        while i >= view.sent.start:
            t = doc[i]
            m = view.mention_at(t)
            if m is not None and m.via == "new" and norm_key(m.text) in TITLE_WORDS:
                m = None  # "Defense" mistaken for an organization: it is a title word
            if m is not None and m.entity.type in STATES_ORGS - {DD.MediaOrganization}:
                first = doc.char_span(m.start, m.end, alignment_mode="expand")
                items.insert(0, (t, m.entity))
                i = (first.start if first is not None else i) - 1
                continue
            lower = t.lower_
            if (
                lower in {"'s", "’s", "to"}
                or lower in TITLE_WORDS
                or lower in ORG_DESCRIPTOR_HEADS
                or (lower in {"arms", "weapons", "state-owned", "aerospace"})
            ):
                items.insert(0, (t, None))
                i -= 1
                continue
            break
        words: list[str] = []
        orgs: list[Entity] = []
        previous = ""
        for token, entity in items:
            if entity is not None:
                if previous == "to":
                    words.append(entity.label)
                else:
                    orgs.append(entity)
            elif token.lower_ not in {"'s", "’s"}:
                words.append(token.lower_)
            previous = token.lower_ if entity is None else ""
        while words and words[0] in {"the", "of", "for", "to"}:
            words.pop(0)
        while words and words[-1] in {"the", "of", "for", "to"}:
            words.pop()
        if start != span.start - 1 and not (set(words) & TITLE_HEADS):
            return "", []
        return " ".join(words), orgs

    def _title_appositive(self, view: SentenceView, span: Span) -> tuple[str, list[Entity]]:
        """ "X, the head of Y," or "Y's envoy, X": a title noun in apposition to the name."""
        root = span.root
        candidates = [c for c in root.children if c.dep_ == "appos"]
        if root.dep_ == "appos":
            candidates.append(root.head)
        for head in candidates:
            if (
                head.lower_ not in TITLE_HEADS
                and head.lemma_.lower() not in TITLE_HEADS | ORG_DESCRIPTOR_HEADS
            ):
                continue
            tokens = [t for t in head.subtree if t.i < span.start or t.i >= span.end]
            words = [
                t
                for t in tokens
                if t.lower_ in TITLE_WORDS and t.lower_ not in {"the", "of", "for"}
            ]
            orgs = view.entities_in(tokens, STATES_ORGS)
            title = " ".join(w.lower_ for w in words if not view.mention_at(w))
            if title:
                return title, orgs
        return "", []

    def _memberships(self, view: SentenceView) -> None:
        """ "NATO ally Turkey", "Turkey, a NATO member", "a member of NATO", "joined NATO"."""
        for t in view.sent:
            m = view.mention_at(t)
            if m is None or m.entity.type not in {DD.Alliance, DD.InternationalOrganization}:
                continue
            org = m.entity
            noun = None
            if t.head.lower_ in MEMBER_NOUNS or t.head.lemma_.lower() in MEMBER_NOUNS:
                noun = t.head
            elif (
                t.dep_ == "pobj"
                and t.head.lower_ == "of"
                and t.head.head.lemma_.lower() in MEMBER_NOUNS
            ):
                noun = t.head.head
            elif any(c.dep_ == "appos" and c.lemma_.lower() in MEMBER_NOUNS for c in t.children):
                noun = t  # "North Atlantic Treaty Organization (NATO), allies": read from the name
            if noun is None:
                continue
            same = view.mention_at(noun.head)
            if (
                noun is not t
                and noun.dep_ == "appos"
                and same is not None
                and same.entity.iri == org.iri
            ):
                # "one of its North Atlantic Treaty Organization (NATO) ally": the title noun
                # hangs on the spelt-out name; the name's own place in the sentence counts.
                noun = noun.head
            members = self._member_of_noun(view, noun)
            if not members and _non_member(t):
                continue  # "a major non-NATO ally"
            if not members:
                members = self._buyer_described(view, noun)
            members = [
                e for e in members if e.type in {DD.State, DD.Organization} and e.iri != org.iri
            ]
            if not members:
                continue
            event = Event(DD.Membership, view.index, noun.text, confidence=0.75)
            event.add(DD.member, members)
            event.add(DD.organization, [org])
            self.events.append(event)

    def _buyer_described(self, view: SentenceView, noun: Token) -> list[Entity]:
        """ "This proposed sale will improve the security of a NATO ally": the buyer of the
        deal the sentence speaks of, described by its alliance (the style of sale notices)."""
        if not any(c.dep_ == "det" and c.lower_ in {"a", "an"} for c in noun.children):
            return []
        if not _refers_to_a_deal(view.sent):
            return []
        deal = _latest(self.events, view.index + 1, ARMS_EVENTS, window=15)
        return deal.roles.get(DD.recipient, []) if deal is not None else []

    def _member_of_noun(self, view: SentenceView, noun: Token) -> list[Entity]:
        # "the first EU state and NATO member": a conjunct stands where its first one does.
        while noun.dep_ == "conj" and noun.head is not noun:
            noun = noun.head
        # "Turkey, one of its NATO allies": "one" stands for the noun.
        if noun.dep_ == "pobj" and noun.head.lower_ == "of" and noun.head.head.lower_ == "one":
            noun = noun.head.head
        # "NATO ally Turkey": the noun is a compound of the state.
        if noun.dep_ in {"compound", "amod", "nmod"}:
            return view.entities_in([noun.head], {DD.State})
        # "Turkey, a NATO member": apposition.
        if noun.dep_ == "appos":
            return view.entities_in([noun.head], {DD.State})
        # "Finland became NATO's member", "is a member of": the clause subject.
        if noun.dep_ in {"attr", "oprd", "dobj", "pobj"}:
            subject = view.entities_in(subject_tokens(noun), {DD.State})
            if subject:
                return subject
        for child in noun.children:
            if child.dep_ == "appos":
                return view.entities_in(child.subtree, {DD.State})
        return []

    def _statements(self, view: SentenceView) -> None:
        """Speech verbs with a speaker: the quote (or reported clause), topics, outlet."""
        for token in view.sent:
            if token.pos_ not in {"VERB"} or token.lemma_.lower() not in SAY:
                continue
            head = subject_head(token)
            if head is not None and head.lower_ in PRONOUNS:
                speakers = self._pronoun_speaker(view)
            else:
                speakers = self._subject(view, token)
            speakers = [e for e in speakers if e.type != DD.MediaOrganization]
            if not speakers:
                continue
            if any(
                e.cls == DD.Statement
                and e.sentence == view.index
                and {s.iri for s in e.roles.get(DD.speaker, [])} == {s.iri for s in speakers}
                for e in self.events
            ):
                continue
            event = self._new(DD.Statement, view, token, 0.75)
            event.modality = DD.reported if token.lemma_.lower() != "say" else DD.asserted
            event.add(DD.speaker, speakers)
            quotes = quotes_in(view.sent.text)
            if quotes:
                for q in quotes:
                    event.set(DD.quote, Literal(q))
            else:
                clause = [c for c in token.children if c.dep_ in {"ccomp", "xcomp"}] or [
                    c
                    for c in token.children
                    if c.dep_ in {"dobj", "attr", "oprd"} and token.lemma_.lower() != "tell"
                ]
                text = " ".join(
                    view.sent.doc[c.left_edge.i : c.right_edge.i + 1].text for c in clause
                )
                if text:
                    event.set(DD.quote, Literal(_tidy(text)))
            outlets = view.entities_in(direct_objects(token), {DD.MediaOrganization})
            outlets += view.entities_in(preps(token).get("to", []), {DD.MediaOrganization})
            event.add(DD.outlet, outlets)
            speaker_iris = {s.iri for s in speakers}
            event.add(
                DD.topic,
                [
                    m.entity
                    for m in view.mentions
                    if m.entity.iri not in speaker_iris and m.entity.type != DD.MediaOrganization
                ],
            )

    def _pronoun_speaker(self, view: SentenceView) -> list[Entity]:
        """Who "it said" / "he added" is: the speaker of the statement just before. The
        names inside the reported words are what is said, never who says it; with no
        statement in the last few sentences the speaker is unknown."""
        earlier = [
            e
            for e in self.events
            if e.cls == DD.Statement and view.index - 3 <= e.sentence < view.index
        ]
        if not earlier:
            return []
        return max(earlier, key=lambda e: e.sentence).roles.get(DD.speaker, [])

    # -- finishing --------------------------------------------------------------------

    def _dedupe(self) -> list[Event]:
        """Drop events with no role at all and exact duplicates; merge same-class events
        of one sentence that share their equipment."""
        out: list[Event] = []
        seen: set[tuple[object, ...]] = set()
        arms = {DD.ArmsDeal, DD.ArmsDelivery, DD.ArmsNegotiation, DD.ArmsSaleApproval}
        verb_arms = {
            e.sentence
            for e in self.events
            if e.cls in arms and not e.from_noun and (e.has(DD.supplier) or e.has(DD.recipient))
        }
        for event in self.events:
            if event.from_noun and event.cls in arms and event.sentence in verb_arms:
                continue
            if not any(event.roles.values()):
                continue
            if event.cls in {DD.ArmsDeal, DD.ArmsDelivery, DD.ArmsNegotiation} and not (
                event.has(DD.supplier) or event.has(DD.recipient)
            ):
                continue
            if event.cls in {DD.Meeting, DD.Summit, DD.Visit, DD.Ceremony} and not (
                event.has(DD.participant) or event.has(DD.organization)
            ):
                continue
            merged = False
            for other in out:
                if (
                    other.cls == event.cls
                    and other.sentence == event.sentence
                    and event.cls not in {DD.RoleAssignment, DD.Membership}
                    and _compatible(other, event)
                ):
                    for role, entities in event.roles.items():
                        other.add(role, entities)
                    for prop, values in event.values.items():
                        for v in values:
                            other.set(prop, v)
                    other.confidence = max(other.confidence, event.confidence)
                    other.date = other.date or event.date
                    merged = True
                    break
            if merged:
                continue
            key = event.key()
            if key in seen:
                continue
            seen.add(key)
            out.append(event)
        return out


SELL_NOUNS = {"sale", "export", "supply", "delivery", "shipment", "transfer"}
BUY_NOUNS = {"purchase", "acquisition", "order", "procurement", "import"}
GROUP_NOUNS = frozenset(
    (
        "government leader leadership ministry military army navy force official people "
        "parliament administration cabinet "
    ).split()
)
DELIVERY_VERBS = {"deliver", "ship", "receive", "transfer", "send", "hand", "donate", "give"}
DEAL_VERBS = frozenset(
    (
        "sign seal conclude finalize finalise agree reach work negotiate announce win award "
        "complete ink strike close secure place make clinch approve discuss pursue land get "
        "receive have begin start take "
    ).split()
)

ARMS_NOUNS = frozenset(
    (
        "weapon weapons arm arms system systems missile missiles jet jets fighter fighters "
        "aircraft plane planes drone drones helicopter helicopters tank tanks submarine "
        "submarines ship ships frigate frigates destroyer destroyers vessel vessels howitzer "
        "howitzers battery batteries launcher launchers rocket rockets munition munitions "
        "ammunition equipment hardware gun guns radar radars uav uavs warplane warplanes "
        "corvette corvettes vehicle vehicles artillery interceptor interceptors rifle rifles "
        "shell shells warship warships "
    ).split()
)


def _compatible(a: Event, b: Event) -> bool:
    """Two same-sentence events describe one event unless their parties conflict."""
    for role in (DD.supplier, DD.recipient, DD.actor, DD.target, DD.speaker):
        x = {e.iri for e in a.roles.get(role, [])}
        y = {e.iri for e in b.roles.get(role, [])}
        if x and y and not (x & y):
            return False
    sup = {e.iri for e in a.roles.get(DD.supplier, [])} | {
        e.iri for e in b.roles.get(DD.supplier, [])
    }
    rec = {e.iri for e in a.roles.get(DD.recipient, [])} | {
        e.iri for e in b.roles.get(DD.recipient, [])
    }
    return not (sup & rec)


def _core(token: Token) -> list[Token]:
    """A noun phrase without its prepositional phrases: "an investigation into the crash
    of the Su-34" is an investigation; "two KN-23 missiles at the range" are missiles."""
    out = []
    for t in token.subtree:
        node = t
        while node.i != token.i and node.dep_ != "prep":
            node = node.head
        if node.i == token.i:
            out.append(t)
    return out


def _non_member(token: Token) -> bool:
    """ "non-NATO": the name negated by a prefix."""
    doc = token.doc
    before = doc[max(0, token.i - 2) : token.i].text.lower().replace(" ", "")
    return before.endswith("non-") or before.endswith("non")


def _as_city(mention: Mention) -> Entity | None:
    """A capital named for its state's government ("Seoul said") is, as a place, the city."""
    entry = mention.entity.entry
    if (
        entry is not None
        and mention.entity.type == DD.State
        and mention.text.strip() in entry.metonyms
    ):
        return Entity(RES[slugify(mention.text)], DD.Place, mention.text.strip())
    return None


def _same_weapons(a: Event, b: Event) -> bool:
    return {w.iri for w in a.roles.get(DD.equipment, [])} == {
        w.iri for w in b.roles.get(DD.equipment, [])
    }


def _refers_to_a_deal(sent: Span) -> bool:
    """ "the deal", "this contract": a definite mention of a deal told before."""
    return any(
        t.lemma_.lower() in {"deal", "contract", "agreement", "sale", "purchase", "order"}
        and any(c.dep_ == "det" and c.lower_ in {"the", "this", "that"} for c in t.children)
        for t in sent
    )


def _latest(
    events: Sequence[Event], before: int, classes: set[URIRef], window: int = 6
) -> Event | None:
    """The last event of ``classes`` in the ``window`` sentences before ``before``."""
    candidates = [e for e in events if e.cls in classes and before - window <= e.sentence < before]
    return max(candidates, key=lambda e: e.sentence) if candidates else None


def _set_money(event: Event, money: tuple[float, str, str]) -> None:
    value, currency, written = money
    event.set(DD.value, Literal(f"{value:.2f}", datatype=XSD_DECIMAL))
    event.set(DD.currency, Literal(currency))
    event.set(DD.valueText, Literal(written))


def _tidy(text: str) -> str:
    text = re.sub(r"^(?:that|whether)\s+", "", text.strip())
    text = re.sub(r"\s+([,.;:!?’'])", r"\1", text)
    text = re.sub(r"\s+", " ", text)
    return text.strip(" ,")


def extract_events(
    doc: Doc,
    mentions: Sequence[Mention],
    sentence_of: Sequence[int],
    dates: Sequence[DateMention],
    published: dt.date | None,
) -> list[Event]:
    """Events and relations of one parsed article."""
    return EventExtractor(doc, mentions, sentence_of, dates, published, list(doc.sents)).run()


def event_iris(article: URIRef, events: Sequence[Event]) -> Iterator[tuple[URIRef, Event]]:
    """Deterministic IRIs: the article IRI, a kind letter and the position."""
    for n, event in enumerate(events):
        kind = "r" if event.cls in {DD.RoleAssignment, DD.Membership} else "e"
        yield URIRef(f"{article}#{kind}{n}"), event


__all__ = ["Event", "event_iris", "extract_events", "norm_key"]
