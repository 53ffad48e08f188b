"""How a sentence says two parties stand: "the rift with France", "tensions between
Russia and the West", "an official visit", "diplomatic ties".

Why: "What has happened between Mali and France?" is answered by the events extraction
recognized between them (a deal, sanctions, a visit); news tells as often of what no event
kind holds, in a noun: a rift, tensions, a stand-off, the normalization of ties. When a
sentence names both parties, such a noun, with the words that qualify it, is what the
article says has happened between them (:mod:`kg.qa.reader`, answer kind "relation").

The nouns are the ordinary vocabulary of relations between states and bodies in news:
conflict and its degrees, its easing, ties and their forms, the dealings of diplomacy.
Nothing here is a verb's reading: a noun written after a modal or "to" ("will visit",
"to protest") is a verb and is skipped.
"""

from __future__ import annotations

import re

from kg.qa.lexicon import Token, tokenize

_NOUNS = (
    # conflict and its degrees
    "conflict war clash skirmish hostility hostilities fighting tension strain friction "
    "rift row spat dispute feud quarrel standoff stand-off crisis confrontation rivalry "
    "animosity mistrust distrust breach split rupture estrangement falling-out "
    # its easing, and ties
    "rapprochement thaw detente détente reconciliation normalization normalisation ties "
    "relations relationship partnership alliance friendship cooperation co-operation "
    "collaboration "
    # the dealings of diplomacy
    "talks negotiations dialogue consultations visit summit agreement deal pact accord "
    "treaty memorandum sanction sanctions embargo boycott protest warning threat "
    "accusation condemnation retaliation expulsion ultimatum invitation"
).split()


def _plural(noun: str) -> str:
    if noun.endswith(("s", "sh", "ch", "x")):
        return noun + "es" if not noun.endswith("s") else noun
    if noun.endswith("y") and noun[-2:-1] not in set("aeiou"):
        return noun[:-1] + "ies"
    return noun + "s"


RELATION_NOUNS = frozenset(_NOUNS) | frozenset(_plural(n) for n in _NOUNS)

# Words before a noun that make it a verb ("will visit", "to protest").
_VERBAL = frozenset("to will would shall should can could may might must did does do not".split())

# Words that end the qualifiers before a noun: function words, and the verbs that most
# often take these nouns in news, written before a bare noun ("held talks", "eased
# tensions"; not the participles that qualify one: "renewed tensions").
_NOT_QUALIFYING = frozenset(
    (
        "a an the this that these those its their his her our your my of to from by for "
        "with in on at about against under over into between among amid after before "
        "during since until as than and or but nor so if then there here is are was were "
        "be been being has have had do does did will would can could shall should may "
        "might must also just only which who whom whose what when where why how it they "
        "he she we i you them him us me any some all each both no not other another such "
        "hold holds held holding sign signs signed signing ease eases eased easing raise "
        "raises raised raising defuse defused fuel fuels fuelled fueled stoke stoked spark "
        "sparked reduce reduced establish established restore restored improve improved "
        "sever severed cut strengthen strengthened deepen deepened expand expanded boost "
        "boosted enhance enhanced discuss discussed resume resumed seek sought conclude "
        "concluded reach reached impose imposed lift lifted face faced avoid avoided end "
        "ended begin began launch launched announce announced start started open opened"
    ).split()
)
MAX_QUALIFIERS = 2

# What may follow the noun as its complement ("with France", "over the S-400").
_COMPLEMENT_OPENERS = frozenset("with between over against".split())
MAX_COMPLEMENT = 6
_CLAUSE_END = re.compile(r"[,;:.()\"“”—–]|\s-\s")
_CLAUSE_WORDS = frozenset(
    "which that who whom whose while as when after before since is are was were has have "
    "had will would could should can may might must did does do".split()
)
# Words that go on a name in a complement ("Russia and the West", "the Gulf of Aden").
_NAME_LINKS = frozenset("and of the".split())


def relation_phrases(text: str) -> list[tuple[int, str]]:
    """Each relation noun ``text`` writes as a noun, with its qualifiers and complement,
    and where it starts: ``(offset, "rift with France")``.

    >>> relation_phrases("It moved closer to Russia after the rift with France.")
    [(36, 'rift with France')]
    >>> [p for _, p in relation_phrases("Tensions between Russia and the West have grown.")]
    ['Tensions between Russia and the West']
    >>> [p for _, p in relation_phrases("He will visit Nairobi amid heightened regional tensions.")]
    ['heightened regional tensions']
    """
    tokens = [t for t in tokenize(text) if t.is_word]
    out: list[tuple[int, str]] = []
    for i, token in enumerate(tokens):
        if token.norm not in RELATION_NOUNS:
            continue
        if i and tokens[i - 1].norm in _VERBAL:
            continue
        if (
            i + 1 < len(tokens)
            and tokens[i + 1].norm in RELATION_NOUNS
            and text[token.end : tokens[i + 1].start].strip() == ""
        ):
            continue  # "defence cooperation agreement": the last noun heads the phrase
        start = i
        while (
            start > 0
            and i - start < MAX_QUALIFIERS
            and _qualifies(text, tokens[start - 1], tokens[start])
        ):
            start -= 1
        end = token.end
        if i + 1 < len(tokens) and tokens[i + 1].norm in _COMPLEMENT_OPENERS:
            end = _complement_end(text, tokens, i + 1)
        out.append((tokens[start].start, text[tokens[start].start : end]))
    return out


def _qualifies(text: str, word: Token, following: Token) -> bool:
    """Whether ``word`` is a qualifier of the noun phrase that ``following`` goes on:
    a lowercase word written right before it, not a function word."""
    between = text[word.end : following.start]
    return between.strip() == "" and word.text.islower() and word.norm not in _NOT_QUALIFYING


def _complement_end(text: str, tokens: list[Token], opener: int) -> int:
    """Where the complement that opens at ``tokens[opener]`` ends: at a clause's edge or
    after :data:`MAX_COMPLEMENT` words, or with the name it leads to."""
    end = tokens[opener].end
    named = False
    kept: list[Token] = []
    for token in tokens[opener + 1 : opener + 1 + MAX_COMPLEMENT]:
        if _CLAUSE_END.search(text[end : token.start]) or token.norm in _CLAUSE_WORDS:
            break
        if named and not _is_name(token) and token.norm not in _NAME_LINKS:
            break  # "with France grew": the name ends the complement
        named = named or _is_name(token)
        end = token.end
        kept.append(token)
    while kept and kept[-1].norm in _NAME_LINKS:
        kept.pop()  # "between France and the": not a name's link at its end
    return kept[-1].end if kept else tokens[opener - 1].end


def _is_name(token: Token) -> bool:
    """A word written as a name: capitalized, and not a name's adjective ("Kremlin-backed")."""
    return token.text[:1].isupper() and re.search(r"-[a-z]", token.text) is None
