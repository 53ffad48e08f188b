"""The tables a question's frame is read with: closed classes of words (auxiliaries,
prepositions, determiners, wh-words), verbs the lexicon does not name, and per relation
the lexicon terms that signal it, how strongly, the event classes its questions are
about, and the semantic role of each grammatical function.

They are data, kept apart from the reading (:mod:`kg.qa.clause`, :mod:`kg.qa.roles`,
:mod:`kg.qa.parse`) so that a relation or a word is added in one place. ``ROLE_RULES``
is one table of many similar entries by design.
"""

from __future__ import annotations

from rdflib import URIRef

from kg.kinds import KINDS
from kg.kinds.relations import RELATIONS
from kg.nationals import NATIONALS_NOUNS
from kg.qa.lexicon import stem

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
CLAUSE_OPENERS = frozenset(
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
UNDERGOER_VERBS = frozenset(stem(w) for w in "face risk get suffer incur receive hit slap".split())

# People and bodies named by nationality ("Chinese companies"): the state stands for them.
NATIONALS_STEMS = frozenset(stem(word) for word in NATIONALS_NOUNS)

# Relations, as :mod:`kg.kinds.relations` declares them beside the kinds of event: which
# lexicon terms signal each, how strongly (a sanction noun beats a generic verb of saying:
# "Who warned Turkey of sanctions?"), the event classes its questions are about (for
# "when"/"where"/"how much" hints), and those a sentence tells of only in their own words
# (an answer read from a sentence for "Which country sanctioned India?" must come from
# one that says "sanction", "blacklist", "penalty"..., not from one naming India and a
# deal).
RELATION_TERMS: dict[str, tuple[URIRef, ...]] = {r.name: r.signals for r in RELATIONS}
STRENGTH: dict[str, int] = {r.name: r.strength for r in RELATIONS}
RELATION_CLASSES: dict[str, tuple[URIRef, ...]] = {r.name: r.about(KINDS) for r in RELATIONS}
TOLD_IN_OWN_WORDS = frozenset(r.name for r in RELATIONS if r.own_words)

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
    # A possessor names the same party in either voice: "the jets built by Poland's
    # industry", "fired during Israel's missile defense test", "deployed in Russia's drills".
    ("making", "verb", "passive"): {
        "subj": "equipment",
        "prep:by": "maker",
        "poss": "maker",
        "mod": "maker",
    },
    ("testing", "verb", "active"): {
        "subj": "tester",
        "obj": "equipment",
        "prep:by": "tester",
        "prep:of": "equipment",
        "poss": "tester",
        "mod": "tester",
    },
    ("testing", "verb", "passive"): {
        "subj": "equipment",
        "prep:by": "tester",
        "poss": "tester",
        "mod": "tester",
    },
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
        "poss": "deployer",
        "mod": "deployer",
        "prep:in": "location",
        "prep:to": "location",
    },
    ("succession", "verb", "active"): {
        "subj": "successor",
        "obj": "predecessor",
        "prep:from": "predecessor",  # "took over from"
        "prep:by": "successor",
    },
    ("succession", "verb", "passive"): {
        "subj": "predecessor",
        "prep:by": "successor",
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
    "exercise": "exercise",
    "agreement": "law",
}
