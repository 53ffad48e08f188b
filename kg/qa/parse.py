"""Reading a question: entities, lexicon terms, a frame, and the template that answers it.

The steps, each small and testable:

1. Tokenize; find entity spans (:class:`~kg.qa.entities.EntityFinder`) and collapse
   each into one item; match the remaining words against the lexicon (ontology labels).
2. Find the question's *focus* from its wh-phrase: an agent ("who", "which
   country"), a thing ("what", "which air defense system"), a date, place, value,
   quantity, count, a quote, or yes/no.
3. Pick the *relation* the question is about from the lexicon terms it uses (arms
   transfer, sanction, suspension, export halt, sale approval, statement, meeting,
   membership, making, role), and read the grammar around its verb: who is the
   subject, is the verb passive, which preposition introduces each entity. A table
   per relation maps these to semantic roles ("X sells ... to Y": X supplier, Y
   recipient; "Y buys ... from X": the same roles).
4. Choose the template with that relation and answer role whose parameters the
   frame fills best; questions about events in general ("when", "where", "how
   much", "what happened between") bind the entities to ``x1``..``x3``.

Nothing here touches SPARQL text: the result is a template and a mapping from
parameter names to entity IRIs, bound later by the store.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field, replace

from rdflib import URIRef

from kg.events import NATIONALS_NOUNS
from kg.qa.entities import AGENT_KINDS, EntityFinder, Found
from kg.qa.lexicon import POSITION_WORDS, Hit, Lexicon, Token, find_hits, stem, tokenize
from kg.qa.templates import TEMPLATES, Template
from kg.text import slugify
from kg.vocab import DD, RES

AUX = frozenset(
    "is are was were be been being am do does did has have had will would can could should "
    "shall may might must".split()
)
BE = frozenset("is are was were be been being am".split())
PREPS = frozenset(
    "to from by for with of in on at about against under over into onto regarding concerning "
    "between among within toward towards after before during since through via upon across "
    "behind near inside outside amid".split()
)
DETS = frozenset(
    "the a an its their his her this that these those our your some any all both each".split()
)
RELATIVE = frozenset({"that", "who", "which", "whom"})
PARTICLES = frozenset("out off up down away back".split())
WH = frozenset({"who", "whom", "whose", "what", "which", "where", "when", "how", "why"})
# Words that open a clause after a title ("the spokesman *who* reacted", "head of state
# *when* the embargo was lifted"): the title ends there.
_CLAUSE_OPENERS = frozenset(
    "who whom whose which that when where while after before during since".split()
)
ADVERB = frozenset(
    "also still already previously reportedly ever recently just not never publicly "
    "officially formally currently now initially eventually reportedly allegedly".split()
)
PARTICIPLES = frozenset(
    "sold bought built made held given taken met said told seen known done brought paid hit "
    "set kept shown spent won led struck sent found chosen written spoken begun put cut shut "
    "hurt cast".split()
)
# Common verbs of questions that the lexicon does not name (it names the domain's verbs).
GENERIC_VERBS = frozenset(
    stem(w)
    for w in (
        "do sign begin start hold set decide agree intend expect plan face endorse notify ban "
        "switch activate become join leave give take offer seek want threaten impose announce "
        "meet visit host attend build make buy sell supply deliver send receive get use deploy "
        "test happen occur include involve back support oppose reject accept approve lift "
        "extend end stop halt continue resume target hit deny confirm consider win lose award "
        "order purchase acquire export import provide transfer sanction suspend remove exclude "
        "expel punish warn say tell describe call claim"
    ).split()
)
# Verbs whose subject undergoes the event ("Turkey could face sanctions").
UNDERGOER_VERBS = frozenset(stem(w) for w in "face risk get suffer incur receive".split())
_IMPERATIVE = re.compile(
    r"^(?:please\s+)?(?:list|name|show(?:\s+me)?|give(?:\s+me)?|find|identify|enumerate)\s+"
    r"(?:(?:all|every)\s+)?(?:(?:the|of\s+the)\s+)?",
    re.I,
)
_LEAD_IN = re.compile(
    r"^(?:please\s+)?(?:(?:can|could|would)\s+you\s+(?:please\s+)?tell\s+me|do\s+you\s+know|"
    r"i(?:'d|\s+would)\s+like\s+to\s+know|i\s+want\s+to\s+know|tell\s+me)\s*,?\s+"
    r"(?=who|whom|whose|what|which|where|when|how|why|if|whether)",
    re.I,
)
_PROFILE = re.compile(
    r"^(?:please\s+)?(?:what\s+(?:do|does|did)\s+(?:we|you|the\s+graph)\s+know\s+about|"
    r"what\s+is\s+known\s+about|tell\s+me\s+(?:more\s+)?about|(?:give\s+me\s+)?(?:an\s+)?"
    r"(?:overview|profile|summary)\s+of|describe|information\s+(?:on|about)|"
    r"what\s+(?:information|facts)\s+(?:is|are|do\s+you\s+have)\s+(?:there\s+)?(?:on|about))\s+",
    re.I,
)
_NOISE = re.compile(
    r"\s*,?\s*(?:according\s+to|as\s+(?:stated|reported|described|mentioned)\s+in|"
    r"(?:that\s+(?:is|are|was|were)\s+)?(?:mentioned|named|cited|quoted|described|reported|"
    r"discussed)?\s*in)\s+(?:the|this|that)\s+(?:article|report|story|text|piece|news\s+item)"
    r"(?=\s*[?.!]*\s*$)",
    re.I,
)
_EXCLUDERS = (
    ("besides",),
    ("except",),
    ("excluding",),
    ("apart", "from"),
    ("aside", "from"),
    ("other", "than"),
    ("beyond",),
    ("not", "counting"),
    ("in", "addition", "to"),
)

# People and bodies named by nationality ("Chinese companies"): the state stands for them.
_NATIONALS_STEMS = frozenset(stem(word) for word in NATIONALS_NOUNS)

# Relations: which lexicon terms signal them, and how strongly (a sanction noun beats
# a generic verb of saying: "Who warned Turkey of sanctions?").
RELATION_TERMS: dict[str, tuple[URIRef, ...]] = {
    "transfer": (DD.supplier, DD.recipient, DD.ArmsDeal, DD.ArmsDelivery, DD.ArmsNegotiation),
    "approval": (DD.ArmsSaleApproval,),
    "sanction": (DD.SanctionThreat, DD.SanctionImposition, DD.legalBasis),
    "suspension": (DD.ProgramSuspension, DD.program),
    "halt": (DD.ExportHalt,),
    "membership": (DD.Membership, DD.MembershipChange, DD.member),
    "making": (DD.Manufacturing, DD.manufacturer, DD.contractor),
    "testing": (DD.WeaponTest,),
    "deployment": (DD.Deployment,),
    "statement": (DD.Statement, DD.speaker, DD.quote),
    "meeting": (DD.Meeting, DD.participant),
    "role": (DD.RoleAssignment, DD.holder, DD.position),
    "deadline": (DD.Ultimatum, DD.deadline),
}
STRENGTH = {
    "halt": 3,
    "approval": 3,
    "sanction": 3,
    "suspension": 3,
    "transfer": 2,
    "membership": 2,
    "making": 2,
    "testing": 2,
    "deployment": 2,
    "deadline": 2,
    "role": 1,
    "meeting": 1,
    "statement": 1,
}
# Event classes each relation's questions are about (for "when"/"where"/"how much" hints).
RELATION_CLASSES: dict[str, tuple[URIRef, ...]] = {
    "transfer": (DD.ArmsNegotiation, DD.ArmsDeal, DD.ArmsDelivery, DD.ArmsSaleApproval),
    "approval": (DD.ArmsSaleApproval, DD.ArmsDeal),
    "sanction": (DD.SanctionThreat, DD.SanctionImposition),
    "suspension": (DD.ProgramSuspension,),
    "halt": (DD.ExportHalt,),
    "membership": (DD.Membership, DD.MembershipChange),
    "making": (DD.Manufacturing,),
    "testing": (DD.WeaponTest,),
    "deployment": (DD.Deployment,),
    # A joint statement is made at a meeting; a press conference is held at one.
    "statement": (DD.Statement, DD.Meeting),
    "meeting": (DD.Meeting, DD.Statement),
    "role": (DD.RoleAssignment,),
    "deadline": (DD.Ultimatum,),
}

# Grammatical function -> semantic role, per relation, verb kind and voice.
# Functions: subj, obj, poss, mod, prep:<word>.
ROLE_RULES: dict[tuple[str, str, str], dict[str, str]] = {
    ("transfer", "supply", "active"): {
        "subj": "supplier",
        "obj": "recipient",
        "prep:to": "recipient",
        "prep:for": "recipient",
        "prep:from": "supplier",
        "poss": "supplier",
        "mod": "supplier",
        "prep:by": "supplier",
    },
    ("transfer", "supply", "passive"): {
        "subj": "recipient",
        "prep:by": "supplier",
        "prep:to": "recipient",
        "prep:for": "recipient",
        "prep:from": "supplier",
        "mod": "supplier",
    },
    ("transfer", "buy", "active"): {
        "subj": "recipient",
        "obj": "supplier",
        "prep:from": "supplier",
        "poss": "recipient",
        "mod": "recipient",
        "prep:by": "recipient",
    },
    ("transfer", "buy", "passive"): {
        "subj": "recipient",
        "prep:by": "recipient",
        "prep:from": "supplier",
        "mod": "recipient",
    },
    ("transfer", "noun", "active"): {
        "subj": "recipient",
        "prep:to": "recipient",
        "prep:for": "recipient",
        "prep:from": "supplier",
        "prep:by": "supplier",
        "poss": "recipient",
        "mod": "recipient",
        "obj": "supplier",
    },
    ("approval", "verb", "active"): {
        "subj": "actor",
        "prep:to": "recipient",
        "prep:for": "recipient",
        "prep:by": "actor",
        "obj": "recipient",
        "poss": "actor",
        "mod": "actor",
    },
    ("sanction", "verb", "active"): {
        "subj": "actor",
        "obj": "target",
        "prep:on": "target",
        "prep:against": "target",
        "prep:by": "actor",
        "prep:from": "actor",
        "mod": "actor",
        "poss": "actor",
        "prep:with": "target",
    },
    ("sanction", "verb", "passive"): {
        "subj": "target",
        "prep:by": "actor",
        "prep:from": "actor",
        "mod": "actor",
        "poss": "actor",
        "prep:on": "target",
        "prep:against": "target",
    },
    ("suspension", "verb", "active"): {
        "subj": "actor",
        "obj": "target",
        "prep:by": "actor",
        "poss": "actor",
        "mod": "actor",
        "prep:from": "program",
        "prep:of": "target",
    },
    ("suspension", "verb", "passive"): {
        "subj": "target",
        "prep:by": "actor",
        "prep:from": "program",
        "mod": "actor",
    },
    ("halt", "verb", "active"): {
        "subj": "actor",
        "obj": "target",
        "prep:to": "target",
        "prep:on": "target",
        "prep:against": "target",
        "prep:for": "target",
        "prep:by": "actor",
        "poss": "actor",
        "mod": "actor",
    },
    ("halt", "verb", "passive"): {
        "subj": "target",
        "prep:by": "actor",
        "prep:to": "target",
        "mod": "actor",
    },
    ("statement", "verb", "active"): {
        "subj": "speaker",
        "obj": "topic",
        "prep:about": "topic",
        "prep:on": "topic",
        "prep:regarding": "topic",
        "prep:concerning": "topic",
        "prep:over": "topic",
        "prep:of": "topic",
        "poss": "speaker",
        "mod": "topic",
        "prep:by": "speaker",
        "prep:in": "topic",
    },
    ("making", "verb", "active"): {
        "subj": "maker",
        "obj": "equipment",
        "prep:by": "maker",
        "prep:for": "equipment",
        "prep:of": "equipment",
        "poss": "maker",
        "mod": "maker",
    },
    ("making", "verb", "passive"): {"subj": "equipment", "prep:by": "maker", "mod": "maker"},
    ("testing", "verb", "active"): {
        "subj": "tester",
        "obj": "equipment",
        "prep:by": "tester",
        "prep:of": "equipment",
        "poss": "tester",
        "mod": "tester",
    },
    ("testing", "verb", "passive"): {"subj": "equipment", "prep:by": "tester", "mod": "tester"},
    ("deployment", "verb", "active"): {
        "subj": "deployer",
        "obj": "equipment",
        "prep:by": "deployer",
        "prep:of": "equipment",
        "poss": "deployer",
        "mod": "deployer",
        "prep:in": "location",
        "prep:to": "location",
    },
    ("deployment", "verb", "passive"): {
        "subj": "equipment",
        "prep:by": "deployer",
        "mod": "deployer",
        "prep:in": "location",
        "prep:to": "location",
    },
}
THING_ROLES = frozenset({"equipment", "program", "law", "location"})
# The role a bare "what" asks for, per relation.
THING_ROLE = {
    "transfer": "equipment",
    "approval": "equipment",
    "sanction": "law",
    "suspension": "program",
    "statement": "quote",
    "membership": "organization",
    "making": "equipment",
    "testing": "equipment",
    "deployment": "equipment",
    "role": "position",
}


@dataclass
class Item:
    """A word of the question, or a whole entity span."""

    index: int
    text: str
    norm: str
    stem: str
    entity: Found | None = None

    @property
    def is_word(self) -> bool:
        return self.entity is None and any(c.isalnum() for c in self.text)


@dataclass
class Interpretation:
    """What the parser understood: the template, its bound entities, and the filters."""

    question: str
    template: Template | None = None
    slots: dict[str, Found] = field(default_factory=dict)
    entities: list[Found] = field(default_factory=list)
    mode: str = "list"  # list, count, yes_no
    expected: Found | None = None
    focus: str = ""
    relation: str = ""
    answer_classes: frozenset[URIRef] = frozenset()
    categories: frozenset[URIRef] = frozenset()
    event_classes: frozenset[URIRef] = frozenset()
    exact_classes: frozenset[URIRef] = frozenset()
    position: tuple[str, ...] = ()
    position_text: str = ""
    alternates: list[Found] = field(default_factory=list)
    role_refs: list[tuple[Found, tuple[str, ...]]] = field(default_factory=list)
    excluded: list[Found] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    # Other readings of the same question, tried in order when this one has no answer.
    alternatives: list[tuple[Template, dict[str, Found]]] = field(default_factory=list)
    relaxed: str = ""  # set by the answerer when it had to loosen the reading

    @property
    def understood(self) -> bool:
        return self.template is not None


# -- entry point -------------------------------------------------------------------------


def clean_question(question: str) -> str:
    """Whitespace collapsed, lead-ins and 'according to the article' tails removed."""
    text = " ".join(question.split())
    text = _LEAD_IN.sub("", text)
    text = _NOISE.sub("", text)
    return text.strip()


def parse(
    question: str,
    lexicon: Lexicon,
    finder: EntityFinder,
    positions: frozenset[str] = frozenset(),
) -> Interpretation:
    """Read ``question`` into an :class:`Interpretation` (template None when not understood).

    ``positions`` are extra head words of positions (the stored ``dd:position`` values).
    """
    result = Interpretation(question=question)
    text = clean_question(question)
    profile = _PROFILE.match(text)
    imperative = _IMPERATIVE.match(text)
    tokens = tokenize(text)
    found = [_as_place(f, tokens, finder) for f in finder.find(text, tokens, lexicon)]
    result.entities = list(found)
    items = _items(tokens, found)
    if profile or _bare_name(items):
        # "Rosoboronexport" alone asks what is known about it.
        return _profile(result, items)
    if imperative and not profile:
        # "List the countries that buy X" reads as "Which countries buy X".
        consumed = len(tokenize(imperative.group(0)))
        items = [Item(-1, "which", "which", "which"), *items[_item_at(items, consumed) :]]
        items = [Item(i, it.text, it.norm, it.stem, it.entity) for i, it in enumerate(items)]
    items, result.excluded = _exclusions(items)
    frame = Frame(
        items,
        find_hits(lexicon, [it.stem if it.is_word else None for it in items]),
        lexicon,
        POSITION_WORDS | positions,
    )
    frame.read()
    frame.decide(result)
    return result


# "sells the S-400 to Ankara" is to Turkey; "visited Ankara", "met in Ankara" the city.
_PLACE_CUES = frozenset({"in", "at", "near", "visit", "visited", "visiting", "visits"})


def _as_place(found: Found, tokens: list[Token], finder: EntityFinder) -> Found:
    """A capital named as where something happened ("Who visited Riyadh?", "met in Seoul")
    is the city, as extraction stores it; elsewhere it stands for its state's government."""
    if found.type != DD.State or found.start == 0:
        return found
    entry = finder.gazetteer.lookup(found.text)
    if entry is None or found.text not in entry.metonyms:
        return found
    if tokens[found.start - 1].text.lower() not in _PLACE_CUES:
        return found
    return replace(found, iri=RES[slugify(found.text)], label=found.text, type=DD.Place)


def _item_at(items: list[Item], token_index: int) -> int:
    """Index of the first item at or after a token position (entities span tokens)."""
    for k, item in enumerate(items):
        if item.index >= token_index:
            return k
    return len(items)


def _items(tokens: list, found: list[Found]) -> list[Item]:
    by_start = {f.start: f for f in found}
    items: list[Item] = []
    i = 0
    while i < len(tokens):
        if i in by_start:
            f = by_start[i]
            items.append(Item(i, f.text, f.label.casefold(), "", f))
            i = f.end
            continue
        t = tokens[i]
        items.append(Item(i, t.text, t.norm, t.stem))
        i += 1
    return items


def _exclusions(items: list[Item]) -> tuple[list[Item], list[Found]]:
    """Remove "besides X (and Y)" phrases; the entities become answers to leave out."""
    excluded: list[Found] = []
    keep = [True] * len(items)
    norms = [it.norm for it in items]
    for words in _EXCLUDERS:
        n = len(words)
        for i in range(len(items) - n + 1):
            if tuple(norms[i : i + n]) != words:
                continue
            j = i + n
            while j < len(items) and (
                items[j].entity is not None or items[j].norm in DETS | {"and", ",", "or"}
            ):
                if items[j].entity is not None:
                    excluded.append(items[j].entity)  # type: ignore[arg-type]
                j += 1
            if j > i + n:
                for k in range(i, j):
                    keep[k] = False
                if j < len(items) and items[j].text == ",":
                    keep[j] = False
    out = [it for it, k in zip(items, keep, strict=True) if k]
    return [Item(i, it.text, it.norm, it.stem, it.entity) for i, it in enumerate(out)], excluded


def _bare_name(items: list[Item]) -> bool:
    """A question that is one name and nothing else (but punctuation)."""
    words = [it for it in items if it.is_word or it.entity is not None]
    return len(words) == 1 and words[0].entity is not None


def _profile(result: Interpretation, items: list[Item]) -> Interpretation:
    entities = [it.entity for it in items if it.entity is not None]
    result.focus = "profile"
    if entities:
        _use(result, "profile", {"x": entities[0]})
    return result


def _use(result: Interpretation, template_id: str, slots: dict[str, Found]) -> None:
    result.template = next(t for t in TEMPLATES if t.id == template_id)
    result.slots = slots


# -- the frame ------------------------------------------------------------------------------


class Frame:
    """The grammar of one question around its wh-phrase and relation verb."""

    def __init__(
        self,
        items: list[Item],
        hits: list[Hit],
        lexicon: Lexicon,
        positions: frozenset[str] = POSITION_WORDS,
    ) -> None:
        self.positions = positions
        self.items = items
        self.hits = hits
        self.lexicon = lexicon
        self.n = len(items)
        self.yes_no = False
        self.wh = ""
        self.wh_index = -1
        self.wh_end = -1  # first item after the wh-phrase
        self.wh_prep = ""
        self.wh_terms: set[URIRef] = set()
        self.wh_entities: list[Found] = []
        self.subject: int = -1  # item index of the subject entity; -1: the wh-phrase
        self.copular = False
        self.verb = -1
        self.passive = False
        self.focus = ""
        self.relation = ""
        self.verb_kind = ""

    # -- helpers ---------------------------------------------------------------------

    def terms_at(self, i: int) -> set[URIRef]:
        return {t for h in self.hits if h.start <= i < h.end for t in h.terms}

    def hits_at(self, i: int) -> list[Hit]:
        return [h for h in self.hits if h.start <= i < h.end]

    def is_class_word(self, i: int) -> bool:
        terms = self.terms_at(i)
        return any(
            self.lexicon.is_a(t, DD.Agent)
            or t in self.lexicon.categories()
            or t
            in {
                DD.WeaponSystem,
                DD.WeaponCategory,
                DD.DefenseProgram,
                DD.LegalInstrument,
                DD.NewsArticle,
                DD.Place,
                DD.Organization,
                DD.Agent,
                DD.Sentence,
            }
            or self.lexicon.is_a(t, DD.Organization)
            or self.lexicon.is_a(t, DD.Event)
            or t in {DD.date, DD.deadline, DD.location, DD.member, DD.value, DD.quantity}
            for t in terms
        )

    def is_verbish(self, i: int) -> bool:
        item = self.items[i]
        return item.is_word and item.norm not in AUX | PREPS | DETS | WH | {"'s"}

    def is_participle(self, i: int) -> bool:
        word = self.items[i].norm
        return word in PARTICIPLES or (word.endswith(("ed", "en")) and len(word) > 4)

    def prev(self, i: int, skip: frozenset[str] = DETS) -> int:
        j = i - 1
        while j >= 0 and self.items[j].entity is None and self.items[j].norm in skip:
            j -= 1
        return j

    # -- reading ----------------------------------------------------------------------

    def read(self) -> None:
        items = self.items
        if not items:
            return
        first = items[0].norm
        wh_positions = [i for i, it in enumerate(items) if it.entity is None and it.norm in WH]
        if first in AUX and not wh_positions:
            self.yes_no = True
            self._read_yes_no()
            return
        if not wh_positions:
            return
        self.wh_index = wh_positions[0]
        self.wh = items[self.wh_index].norm
        j = self.wh_index + 1
        if self.wh == "how" and j < self.n and items[j].norm in {"many", "much", "long", "often"}:
            self.wh = f"how {items[j].norm}"
            j += 1
        if self.wh_index > 0 and items[self.wh_index - 1].norm in PREPS:
            self.wh_prep = items[self.wh_index - 1].norm
        if self.wh in {"which", "what", "whose", "how many", "how much"}:
            j = self._wh_phrase(j)
        self.wh_end = j
        while j < self.n and items[j].norm in RELATIVE:
            j += 1
        self._read_clause(j)
        if not self.wh_prep and self.n >= 2:
            last = self.n - 1
            while last >= 0 and not items[last].is_word and items[last].entity is None:
                last -= 1
            if last > self.wh_end and items[last].norm in PREPS and items[last].entity is None:
                self.wh_prep = items[last].norm  # "Which country is it buying from?"

    def _wh_phrase(self, j: int) -> int:
        """Consume the nouns of "which US defense companies", "what air defense system"."""
        seen_noun = False
        while j < self.n:
            item = self.items[j]
            if item.entity is not None:
                self.wh_entities.append(item.entity)
                j += 1
                continue
            if not item.is_word or item.norm in AUX | PREPS | RELATIVE:
                break
            terms = self.terms_at(j)
            if seen_noun and item.norm.endswith("ed") and len(item.norm) > 4:
                break  # "which organization suspended": a past tense, even if a label too
            if self.is_class_word(j):
                self.wh_terms |= terms
                seen_noun = True
                j += 1
                continue
            if seen_noun:
                break  # the noun phrase ended: this is the verb ("which country halted")
            if item.norm.endswith("ed") and len(item.norm) > 4:
                break
            if any(t in RELATION_TERMS["transfer"][:2] for t in terms):
                break  # "which sells": a verb, not a noun
            self.wh_terms |= terms
            j += 1
        return j

    def _read_clause(self, j: int) -> None:
        """Subject, copula, main verb and voice after the wh-phrase (at item ``j``)."""
        items = self.items
        if j < self.n and items[j].norm in AUX:
            k = j
            while k < self.n and items[k].norm in AUX | ADVERB:
                k += 1
            while k < self.n and items[k].entity is None and items[k].norm in DETS:
                k += 1
            if k < self.n and items[k].entity is not None:
                self.subject = k
            # Copular: "Who is the defense minister of Poland?" - a be-form and no verb after.
            if items[j].norm in BE and not any(
                self._verb_like(i) for i in range(k, self.n) if i != self.subject
            ):
                self.copular = True
        elif self.wh_index > 0:
            # "Norway is described as an ally within which alliance?"
            for i in range(self.wh_index):
                if items[i].entity is not None and self.prev(i) < 0:
                    self.subject = i
                    break
        start = (self.subject + 1) if self.subject >= 0 else j
        for i in range(start, self.n):
            if self._verb_like(i):
                self.verb = i
                break

    def _verb_like(self, i: int) -> bool:
        """A verb, as far as word shape and the lexicon tell (no tagger needed)."""
        if not self.is_verbish(i):
            return False
        item = self.items[i]
        word = item.norm
        if word in ADVERB or word in {"and", "or"} or word.endswith("ly"):
            return False
        terms = self.terms_at(i)
        verbal = {
            DD.supplier,
            DD.recipient,
            DD.speaker,
            DD.participant,
            DD.manufacturer,
            DD.member,
            DD.mentionedIn,
            DD.holder,
        }
        if self._agent_noun(i):
            return False
        before = self.items[i - 1].norm if i > 0 else ""
        if before in DETS or before == "'s":
            return False  # "Russia's state ...", "the order": a noun
        after_subject = i > 0 and (before in AUX or i - 1 == self.subject or before == "to")
        if self.is_class_word(i) and terms & verbal and not self.is_participle(i):
            return after_subject  # "state" (a class) and "stated" (a verb) share a stem
        if self.is_class_word(i) and not terms & verbal:
            return (
                self.is_participle(i)
                or (word.endswith("ing") and after_subject)
                or (
                    after_subject
                    and item.stem in GENERIC_VERBS | self.lexicon.words
                    and not word.endswith("s")
                )
            )
        if terms & verbal:
            return True
        if self.is_participle(i) or word.endswith("ing"):
            return True
        return item.stem in GENERIC_VERBS

    def _agent_noun(self, i: int) -> bool:
        """ "exporter", "buyers", "members": a role noun, not a verb."""
        word = self.items[i].norm
        return bool(re.search(r"(?:er|or|ent|ant|ee|ber)s?$", word)) and word not in {
            "order",
            "orders",
            "offer",
            "offers",
            "deliver",
            "delivers",
            "transfer",
            "transfers",
            "enter",
            "consider",
        }

    def _read_yes_no(self) -> None:
        k = 1
        while k < self.n and self.items[k].entity is None and self.items[k].norm in DETS | ADVERB:
            k += 1
        if k < self.n and self.items[k].entity is not None:
            self.subject = k
        self.copular = self.items[0].norm in BE
        for i in range(max(self.subject + 1, 1), self.n):
            if self._verb_like(i) and not (self.copular and self._agent_noun(i)):
                self.verb = i
                break

    # -- deciding ----------------------------------------------------------------------

    def decide(self, result: Interpretation) -> None:
        """Fill ``result``: focus, relation, roles, the template and its slots."""
        lexicon = self.lexicon
        all_terms = {t for h in self.hits for t in h.terms}
        result.categories = frozenset(t for t in self.wh_terms if t in lexicon.categories())
        if not result.categories:
            result.categories = frozenset(
                t for h in self.hits for t in h.terms if t in lexicon.categories()
            )
        result.answer_classes = frozenset(
            t for t in self.wh_terms if lexicon.is_a(t, DD.Agent) or t == DD.NewsArticle
        )
        entities = [it.entity for it in self.items if it.entity is not None]
        self.focus = self._focus(all_terms, entities)
        result.focus = self.focus
        relation, verb_hit = self._relation(result)
        self.relation = relation
        result.relation = relation
        self._hints(result)
        if relation != "role" and not (self._position_words() and self.focus in {"agent", ""}):
            result.role_refs = self._role_refs()
        if self.focus == "profile":
            if entities:
                _use(result, "profile", {"x": entities[0]})
            return
        if self.focus in {
            "date",
            "deadline",
            "location",
            "value",
            "quantity",
            "terms",
            "event",
            "article",
        } or (self.focus == "count" and self._counts_articles()):
            self._involving(result, entities)
            return
        if relation == "role" or (self._position_words() and self.focus in {"agent", ""}):
            self._role(result, entities)
            if relation and relation != "role":
                # "Who is Russia's state arms exporter?" may be stored as a role or a sale.
                other = Interpretation(question=result.question)
                self._relation_reading(other, relation, verb_hit, entities)
                if other.template is not None:
                    if result.template is None:
                        result.template, result.slots = other.template, other.slots
                        result.mode, result.expected = other.mode, other.expected
                    else:
                        result.alternatives.append((other.template, other.slots))
            return
        if not relation and self._in_a_body(entities):
            relation = result.relation = self.relation = "membership"
        if not relation:
            result.notes.append("no relation (selling, buying, sanctions, ...) recognized")
            return
        self._relation_reading(result, relation, verb_hit, entities)

    def _in_a_body(self, entities: list[Found]) -> bool:
        """ "Which countries are in NATO?", "Is Finland in the EU?": being in an alliance or
        an international organization, said with a be-form and "in", is membership."""
        if not any(it.norm in BE for it in self.items):
            return False
        for i, item in enumerate(self.items):
            if item.entity is not None and item.entity.kind == "ORG":
                p = self.prev(i)
                if (
                    p >= 0
                    and self.items[p].norm == "in"
                    and item.entity.type
                    in {
                        DD.Alliance,
                        DD.InternationalOrganization,
                    }
                ):
                    return True
        return False

    def _relation_reading(
        self, result: Interpretation, relation: str, verb_hit: Hit | None, entities: list[Found]
    ) -> None:
        roles, answer = self._roles(relation, verb_hit, entities)
        if self.yes_no:
            self._choose_yes_no(result, relation, roles)
            return
        if self.focus == "count":
            result.mode = "count"
        if not answer:
            result.notes.append("could not tell what the question asks for")
            return
        template = choose(relation, answer, roles)
        if template is None:
            result.notes.append(
                f"no template answers '{answer}' for '{relation}' with "
                f"{', '.join(sorted(roles)) or 'no entities'}"
            )
            return
        result.template = template
        result.slots = {p.name: roles[p.role] for p in template.params}

    def _counts_articles(self) -> bool:
        return DD.NewsArticle in self.wh_terms

    def _focus(self, terms: set[URIRef], entities: list[Found]) -> str:
        lexicon = self.lexicon
        wh_terms = self.wh_terms
        if self.yes_no:
            return "yes_no"
        if not self.wh:
            return ""
        if self._asks_event(terms, entities):
            return "event"
        if self.wh == "where":
            if DD.mentionedIn in terms:
                return "article"
            if self.wh_prep == "from" and any(
                lexicon.is_a(t, base) for t in terms for base in RELATION_TERMS["transfer"]
            ):
                return "agent"  # "Where did Turkey get the S-400 from?": from whom
            return "location"
        if self.wh == "when" or self.wh == "how long":
            return "deadline" if DD.deadline in terms and DD.Ultimatum in terms else "date"
        if self.wh == "how much":
            return "value"
        if self.wh == "how many":
            if DD.value in terms and self._asks_value_too():
                return "terms"
            if any(e.kind == "STATE" for e in self.wh_entities) and any(
                lexicon.is_a(t, DD.Person) for t in wh_terms
            ):
                # "How many Iranian officials ...": people of a nationality, whom the graph
                # holds as their state and a number stated in the text.
                return "quantity"
            if any(lexicon.is_a(t, DD.Agent) for t in wh_terms) or DD.NewsArticle in wh_terms:
                return "count"
            if wh_terms & {DD.member, DD.recipient, DD.supplier, DD.participant}:
                return "count"
            return "quantity"
        if self.wh == "how":
            return "quote" if self._statement_words(terms) else ""
        if self.wh == "why":
            return ""
        # which / what / whose / who / whom
        if wh_terms & {DD.deadline, DD.Ultimatum}:
            return "deadline"
        if DD.date in wh_terms:
            return "date"
        if DD.Place in wh_terms or DD.location in wh_terms:
            return "location"
        if DD.NewsArticle in wh_terms:
            return "article"
        if self.wh in {"who", "whom", "whose"}:
            if self.copular and self._profile_shape(entities):
                return "profile"
            return "agent"
        if any(lexicon.is_a(t, DD.Agent) for t in wh_terms) or wh_terms & {
            DD.member,
            DD.recipient,
            DD.supplier,
            DD.participant,
            DD.manufacturer,
            DD.contractor,
        }:
            return "agent"
        if DD.LegalInstrument in wh_terms or DD.legalBasis in wh_terms:
            return "law"
        if DD.DefenseProgram in wh_terms:
            return "program"
        if (
            DD.WeaponSystem in wh_terms
            or DD.WeaponCategory in wh_terms
            or any(t in lexicon.categories() for t in wh_terms)
        ):
            return "equipment"
        if wh_terms & {DD.RoleAssignment, DD.position}:
            return "position"
        if DD.value in wh_terms:
            return "value"
        if DD.quantity in wh_terms:
            return "quantity"
        # A bare "what": the noun after the copula says what is asked ("What is the
        # estimated cost of ...", "What is Poland's F-35 deal worth?").
        predicate = self._predicate_terms()
        for term, focus in (
            (DD.deadline, "deadline"),
            (DD.value, "value"),
            (DD.quantity, "quantity"),
            (DD.date, "date"),
            (DD.location, "location"),
        ):
            if term in predicate:
                return focus
        if self.copular and self._profile_shape(entities):
            return "profile"
        if DD.position in terms or DD.RoleAssignment in terms:
            return "position"
        return "thing"

    def _predicate_terms(self) -> set[URIRef]:
        """Lexicon terms of the noun phrase after "what is/was" (up to a preposition)."""
        j = self.wh_end
        if j < 0 or j >= self.n or self.items[j].norm not in BE:
            return set()
        terms: set[URIRef] = set()
        for i in range(j + 1, self.n):
            if self.items[i].entity is None and self.items[i].norm in PREPS:
                break
            terms |= self.terms_at(i)
        return terms

    def _asks_value_too(self) -> bool:
        norms = [it.norm for it in self.items]
        return "much" in norms[self.wh_end :] or any(
            DD.value in self.terms_at(i) for i in range(self.wh_end, self.n)
        )

    def _asks_event(self, terms: set[URIRef], entities: list[Found]) -> bool:
        """ "What happened between X and Y?", "What did X do regarding Y?"."""
        if self.wh not in {"what", "which"} or not entities:
            return False
        if DD.Event in self.wh_terms or (
            DD.Event in terms and any(it.norm in {"between", "with"} for it in self.items)
        ):
            return True
        if self.verb >= 0 and self.items[self.verb].stem in {"do", "happen"}:
            return True
        return any(
            self.items[i].stem == "do" and i > self.wh_end and self.items[i].norm != "did"
            for i in range(self.n)
        )

    def _profile_shape(self, entities: list[Found]) -> bool:
        """ "Who is Mark Esper?", "What is CAATSA?": a be-form and one entity, nothing else."""
        if len(entities) != 1:
            return False
        content = [
            it
            for it in self.items[self.wh_end :]
            if it.is_word and it.norm not in AUX | DETS and it.entity is None
        ]
        return not content

    def _statement_words(self, terms: set[URIRef]) -> bool:
        return bool(terms & {DD.speaker, DD.Statement, DD.quote})

    def _position_words(self) -> tuple[str, ...]:
        words = []
        for it in self.items:
            if it.entity is None and it.is_word and it.stem in self.positions:
                words.append(it.stem)
        return tuple(words)

    # -- relation ------------------------------------------------------------------

    def _relation(self, result: Interpretation) -> tuple[str, Hit | None]:
        """The relation the question is about, and the lexicon hit that names it.

        The relation of the main verb wins when it is a specific one ("would receive ...
        under a possible sale": a transfer); otherwise the most specific relation named
        anywhere ("Who warned Turkey of sanctions?": a sanction, not a statement).
        """
        candidates: list[tuple[int, int, int, str, Hit]] = []
        for hit in self.hits:
            for relation, terms in RELATION_TERMS.items():
                if any(self.lexicon.is_a(t, base) for t in hit.terms for base in terms):
                    candidates.append((-STRENGTH[relation], hit.start, -hit.size, relation, hit))
        if not candidates:
            return "", None
        statements = sorted((c for c in candidates if c[3] == "statement"), key=lambda c: c[1])
        if statements and (
            self.focus == "quote" or (self.focus == "thing" and self._says(statements[0][4]))
        ):
            self.focus = "quote"
            result.focus = "quote"
            return "statement", statements[0][4]
        if self.verb >= 0:
            on_verb = [
                c for c in candidates if c[4].start <= self.verb < c[4].end and STRENGTH[c[3]] >= 2
            ]
            if on_verb:
                on_verb.sort(key=lambda c: (c[0], c[2]))
                return on_verb[0][3], on_verb[0][4]
        candidates.sort(key=lambda c: (c[0], c[1], c[2]))
        best = candidates[0]
        # A longer match containing this one, of a relation nearly as specific, wins
        # ("halted previously approved arms exports" is an export halt).
        for c in candidates:
            hit = c[4]
            if (
                hit.start <= best[4].start
                and hit.end >= best[4].end
                and hit.size > best[4].size
                and STRENGTH[c[3]] >= STRENGTH[best[3]] - 1
            ):
                best = c
        return best[3], best[4]

    def _says(self, hit: Hit) -> bool:
        """A verb of saying ("say", "describe", "warn") rather than a noun like "statement"."""
        return any(self._verb_like(i) for i in range(hit.start, hit.end))

    def _hints(self, result: Interpretation) -> None:
        """Event classes the question names, for questions about events in general."""
        lexicon = self.lexicon
        exact: set[URIRef] = set()
        family: set[URIRef] = set()
        for hit in self.hits:
            for term in hit.terms:
                if lexicon.is_a(term, DD.Event) and term != DD.Event:
                    exact.add(term)
                for relation, terms in RELATION_TERMS.items():
                    if relation == "role":
                        continue
                    if any(lexicon.is_a(term, base) for base in terms):
                        family.update(RELATION_CLASSES[relation])
        expanded: set[URIRef] = set()
        for cls in family | exact:
            expanded |= lexicon.descendants(cls)
        result.event_classes = frozenset(expanded)
        result.exact_classes = frozenset(exact)

    # -- roles ------------------------------------------------------------------------

    def _function(self, i: int) -> str:
        """The grammatical function of the entity at item ``i``."""
        items = self.items
        if i == self.subject:
            return "subj"
        p = self.prev(i)
        if p >= 0 and items[p].entity is None and items[p].norm in PREPS:
            return f"prep:{items[p].norm}"
        if i + 1 < self.n and items[i + 1].norm == "'s":
            return "poss"
        entity = items[i].entity
        nxt = i + 1
        if (
            entity is not None
            and entity.adjective
            and nxt < self.n
            and items[nxt].stem in _NATIONALS_STEMS
            and self.verb >= 0
            and i > self.verb
        ):
            return "obj"  # "Who sanctioned Chinese companies?": the companies' state
        if (entity is not None and entity.adjective) or (
            nxt < self.n
            and items[nxt].is_word
            and items[nxt].norm not in AUX | PREPS | DETS | PARTICLES
            and nxt != self.verb
            and items[nxt].norm not in {"and", "or"}
        ):
            return "mod"
        if self.verb >= 0 and i > self.verb:
            return "obj"
        if self.subject < 0 and (self.verb < 0 or i < self.verb) and self.wh_index < 0:
            return "subj"
        return "mod"

    def _wh_function(self) -> str:
        if self.wh_prep:
            return f"prep:{self.wh_prep}"
        if self.subject < 0:
            return "subj"
        return "obj"

    def _voice(self, verb_hit: Hit | None) -> str:
        i = self._relation_verb(verb_hit)
        if i < 0 or not self.is_participle(i):
            return "active"
        p = self.prev(i, ADVERB)
        if p >= 0 and self.items[p].norm in BE:
            return "passive"
        if p >= 0 and p == self.subject:
            q = self.prev(p, DETS | ADVERB)
            if q >= 0 and self.items[q].norm in BE:
                return "passive"
        return "active"

    def _relation_verb(self, verb_hit: Hit | None) -> int:
        if verb_hit is not None:
            for i in range(verb_hit.start, verb_hit.end):
                if self._verb_like(i) or self.is_participle(i):
                    return i
        return self.verb

    def _verb_kind(self, relation: str, verb_hit: Hit | None) -> str:
        if relation != "transfer":
            return "verb"
        # Prefer a transfer verb over a transfer noun ("sign a deal to buy").
        kinds = []
        for hit in self.hits:
            if hit.terms & {DD.recipient}:
                kinds.append((hit.start, "buy", hit))
            elif hit.terms & {DD.supplier}:
                kinds.append((hit.start, "supply", hit))
        verbs = [k for k in kinds if not self._agent_noun(k[2].start)]
        if verbs:
            verbs.sort(key=lambda k: k[0])
            return verbs[0][1]
        return "noun"

    def _roles(
        self, relation: str, verb_hit: Hit | None, entities: list[Found]
    ) -> tuple[dict[str, Found], str]:
        """Semantic roles of the question's entities, and the role the question asks for."""
        roles: dict[str, Found] = {}
        kind = self._verb_kind(relation, verb_hit)
        if kind in {"buy", "supply"}:
            verb_hit = next(
                (
                    h
                    for h in self.hits
                    if h.terms & ({DD.recipient} if kind == "buy" else {DD.supplier})
                    and not self._agent_noun(h.start)
                ),
                verb_hit,
            )
        voice = self._voice(verb_hit)
        table = ROLE_RULES.get((relation, kind, voice)) or ROLE_RULES.get(
            (relation, kind, "active"), {}
        )
        undergoer = self.verb >= 0 and self.items[self.verb].stem in UNDERGOER_VERBS
        predicate_noun = self._predicate_noun(relation)
        # Entities whose type fixes their role go first (a weapon is the equipment
        # whatever its grammar); the others are read from the grammar.
        order = sorted(
            (i for i, item in enumerate(self.items) if item.entity is not None),
            key=lambda i: self._typed_role(relation, self.items[i].entity) is None,  # type: ignore[arg-type]
        )
        for i in order:
            entity = self.items[i].entity
            assert entity is not None
            if entity in self.wh_entities and entity.kind in AGENT_KINDS:
                continue  # "which US companies": describes the answer, fills no role
            role = self._typed_role(relation, entity)
            if role is None:
                function = self._function(i)
                if predicate_noun:
                    role = self._predicate_role(relation, predicate_noun, entity)
                elif relation == "sanction" and function == "subj" and undergoer:
                    role = "target"
                elif relation == "membership":
                    role = "organization" if entity.kind == "ORG" else "member"
                elif relation == "meeting":
                    role = "x"
                else:
                    role = table.get(function)
                # "contractors for Norway": a state is not equipment; but one may be
                # suspended from a body as from a program ("from the Council of Europe").
                if (
                    role in THING_ROLES
                    and entity.kind in AGENT_KINDS
                    and not (role == "program" and entity.kind == "ORG")
                ):
                    role = None
            if role and role not in roles:
                roles[role] = entity
        answer = self._answer_role(relation, table, predicate_noun, undergoer)
        if answer in roles and not self.yes_no:
            del roles[answer]
        return roles, answer

    def _typed_role(self, relation: str, entity: Found) -> str | None:
        """Roles that follow from the entity's type whatever the grammar."""
        kind = entity.kind
        if relation == "statement" and kind not in AGENT_KINDS:
            return "topic"
        if kind == "WEAPON":
            return "equipment"
        if kind == "PROGRAM":
            return "equipment" if relation == "making" else "program"
        if kind == "LAW":
            return "law"
        if kind == "PLACE":
            return "x" if relation == "meeting" else "location"  # "Who met in Riyadh?"
        return None

    def _predicate_noun(self, relation: str) -> str:
        """In "Who is Russia's state arms exporter?" the role noun after the copula."""
        if not self.copular or self.focus not in {"agent", "count"} or self.wh_prep:
            return ""  # "Which alliance is Turkey a member of?": the wh is not the predicate
        for i in range(max(self.wh_end, 0), self.n):
            terms = self.terms_at(i)
            if not self._agent_noun(i) and not (terms & {DD.member, DD.participant}):
                continue
            if terms & {DD.supplier}:
                return "supplier"
            if terms & {DD.recipient}:
                return "recipient"
            if terms & {DD.manufacturer, DD.contractor}:
                return "maker"
            if terms & {DD.member}:
                return "member"
            if terms & {DD.participant}:
                return "participant"
        for i in range(0, max(self.wh_end, 0)):
            terms = self.terms_at(i)
            if terms & {DD.supplier}:
                return "supplier"
            if terms & {DD.recipient}:
                return "recipient"
        return ""

    def _predicate_role(self, relation: str, noun: str, entity: Found) -> str | None:
        organization = any(
            self.lexicon.is_a(t, DD.Organization) and t != DD.Alliance
            for i in range(max(self.wh_end, 0), self.n)
            for t in self.terms_at(i)
        )
        if noun in {"supplier", "maker"} and entity.kind == "STATE" and organization:
            return "country"
        if noun == "supplier":
            return "recipient"
        if noun == "recipient":
            return "supplier"
        if noun == "member":
            return "organization" if entity.kind == "ORG" else "member"
        if noun == "participant":
            return "x"
        if noun == "maker":
            return "country" if entity.kind == "STATE" else None
        return None

    def _answer_role(
        self, relation: str, table: dict[str, str], predicate_noun: str, undergoer: bool
    ) -> str:
        focus = self.focus
        if focus == "count":
            focus = "agent"
        if focus == "quote":
            return "quote" if relation == "statement" else ""
        if focus == "equipment":
            return "equipment"
        if focus == "program":
            return "program" if relation == "suspension" else "equipment"
        if focus == "law":
            return "law"
        if focus == "position":
            return "position"
        if focus == "thing":
            return THING_ROLE.get(relation, "")
        if focus != "agent":
            return ""
        if predicate_noun:
            return {"maker": "maker"}.get(predicate_noun, predicate_noun)
        if relation == "membership":
            org_asked = any(self.lexicon.is_a(t, DD.Organization) for t in self.wh_terms)
            if org_asked or self.wh_prep in {"of", "within", "in", "to"}:
                return "organization"
            return "member"
        if relation == "meeting":
            return "participant"
        if relation == "statement":
            return "speaker"
        if relation == "making":
            return "maker" if self._wh_function() in {"subj", "prep:by"} else ""
        if relation == "testing":
            return "tester" if self._wh_function() in {"subj", "prep:by"} else ""
        if relation == "deployment":
            return "deployer" if self._wh_function() in {"subj", "prep:by"} else ""
        function = self._wh_function()
        if relation == "sanction" and function == "subj" and undergoer:
            return "target"
        if relation == "transfer" and function == "subj" and self.copular:
            return ""
        return table.get(function, "")

    def _choose_yes_no(
        self, result: Interpretation, relation: str, roles: dict[str, Found]
    ) -> None:
        result.mode = "yes_no"
        best: tuple[Template, str] | None = None
        for template in TEMPLATES:
            if template.relation != relation or not template.yes_no:
                continue
            if template.answer not in roles:
                continue
            others = {r: e for r, e in roles.items() if r != template.answer}
            if not all(
                p.role in others and others[p.role].kind in p.kinds for p in template.params
            ):
                continue
            if best is None or len(template.params) > len(best[0].params):
                best = (template, template.answer)
        if best is None:
            result.notes.append("no yes/no check for this relation and these entities")
            return
        template, answer = best
        result.template = template
        result.slots = {p.name: roles[p.role] for p in template.params}
        result.expected = roles[answer]

    # -- role questions ------------------------------------------------------------

    def _role(self, result: Interpretation, entities: list[Found]) -> None:
        people = [e for e in entities if e.kind == "PERSON"]
        if self.focus in {"position", "thing"} and people:
            _use(result, "role_of", {"holder": people[0]})
            return
        orgs = [e for e in entities if e.kind in {"STATE", "ORG", "COMPANY"}]
        words = self._position_phrase()
        result.position = words
        result.position_text = " ".join(
            it.text
            for it in self.items[max(self.wh_end, 0) :]
            if it.entity is None and it.is_word and it.stem in words
        )
        if not words:
            result.notes.append("no position (president, minister, ...) recognized")
            return
        if not orgs:
            result.notes.append("no state or organization named for the position")
            return
        result.notes.clear()
        _use(result, "role_holder", {"org": orgs[0]})
        result.relation = "role"
        # The other named organizations are tried too ("the U.S. envoy to Poland").
        result.alternates = orgs[1:]

    def _role_refs(self) -> list[tuple[Found, tuple[str, ...]]]:
        """ "the Polish president", "Turkey's defense minister": a person named by role."""
        refs = []
        for i, item in enumerate(self.items):
            entity = item.entity
            if entity is None or entity.kind not in {"STATE", "ORG", "COMPANY"}:
                continue
            j = i + 1
            if j < self.n and self.items[j].norm == "'s":
                j += 1
            elif not entity.adjective:
                continue
            words = []
            while (
                j < self.n
                and self.items[j].is_word
                and (
                    self.items[j].stem in self.positions
                    or (
                        j + 1 < self.n
                        and self.items[j + 1].stem in self.positions
                        and self.items[j].norm not in AUX | PREPS | DETS
                    )
                )
            ):
                words.append(self.items[j].stem)
                j += 1
            named = j < self.n and self.items[j].entity is not None
            if words and any(w in self.positions for w in words) and not named:
                refs.append((entity, tuple(words)))
        return refs

    def _position_phrase(self) -> tuple[str, ...]:
        """The words naming a position: "defense minister", "secretary of defense"."""
        words: list[str] = []
        for it in self.items[max(self.wh_end, 0) :]:
            if it.entity is not None or not it.is_word:
                continue
            if any(w in self.positions for w in words) and (
                it.norm in _CLAUSE_OPENERS or it.norm.endswith("ed")
            ):
                break  # "the spokesman who reacted ...", "the spokesperson quoted ...": past it
            if it.norm in AUX | DETS | PREPS | WH | {"'s", "current", "new", "former"}:
                continue
            if it.stem in self.positions or (words and it.norm not in {"and", "or"}) or not words:
                words.append(it.stem)
        # Keep the run that contains a position word.
        return tuple(w for w in words if w)

    # -- questions about events in general ---------------------------------------

    def _involving(self, result: Interpretation, entities: list[Found]) -> None:
        focus = self.focus
        template_id = {
            "date": "when_involving",
            "deadline": "deadline_involving",
            "location": "where_involving",
            "value": "value_involving",
            "quantity": "quantity_involving",
            "terms": "deal_terms_involving",
            "event": "relations_between",
            "article": "sources_mentioning",
            "count": "sources_mentioning",
        }[focus]
        if focus == "count":
            result.mode = "count"
        ordered = _rank_entities(entities)
        if not ordered:
            result.notes.append("no entity named to ask about")
            return
        template = next(t for t in TEMPLATES if t.id == template_id)
        if template.each:
            # The answerer binds pairs of these to ?x and ?y: "x1", "x2", "x3" in order.
            result.slots = {f"x{k}": e for k, e in enumerate(ordered[:3], 1)}
        else:
            result.slots = {template.params[0].name: ordered[0]}
        result.template = template


def _rank_entities(entities: Iterable[Found]) -> list[Found]:
    """Distinct entities, places last (they are where, not who)."""
    seen: set[URIRef] = set()
    out: list[Found] = []
    for e in entities:
        if e.iri in seen:
            continue
        seen.add(e.iri)
        out.append(e)
    out.sort(key=lambda e: e.kind == "PLACE")
    return out


def choose(relation: str, answer: str, roles: dict[str, Found]) -> Template | None:
    """The template for ``relation`` asking ``answer`` whose parameters ``roles`` fill best."""
    best: Template | None = None
    for template in TEMPLATES:
        if template.relation != relation or template.answer != answer:
            continue
        if not all(p.role in roles and roles[p.role].kind in p.kinds for p in template.params):
            continue
        if best is None or len(template.params) > len(best.params):
            best = template
    return best
