"""Which side of a relation's word a party stands on in a sentence read for an answer.

The sentence tier (:mod:`kg.qa.reader`) reads sentences, not parses; it still must not
answer "Who sold weapons to Finland?" from "Finland will block arms export licences to
Saudi Arabia": there Finland exports and Saudi Arabia would receive. News English puts the
party that acts before the relation's word and marks the others with prepositions, so
where the sentence writes a party plainly in one role, it is not read in another:

- before the first word of the relation, in the active voice, a party is the one its
  word makes act: the seller of "sell"/"export"/"sale", the buyer of "buy"/"order", the
  sanctioner of "sanction";
- after it, "to X" receives (a transfer) and "from X" supplies; "on"/"against X" is a
  sanction's target, and so is its object ("sanctions three Chinese firms"); "by X" acts
  in the passive; "over X" is what it is about. A preposition marks every item of its
  list ("to Saudi Arabia and the UAE").

Anything else says nothing, and the answer stands. Only for relations whose roles are so
written (transfers, sanctions, halts of exports).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping

from kg.kinds.transfer import RECIPIENT_SUBJECT, SUPPLIER_SUBJECT
from kg.qa.lexicon import Token, stem, tokenize

# Words of a transfer whose subject (or possessor) sells, and those whose subject buys.
_SELLING = frozenset(stem(w) for w in {*SUPPLIER_SUBJECT, "sale", "seller", "exporter"})
_BUYING = frozenset(
    stem(w) for w in {*RECIPIENT_SUBJECT, "acquisition", "procurement", "buyer", "importer"}
)
_SANCTIONING = frozenset(stem(w) for w in "sanction blacklist penalise penalize punish".split())
_HALTING = frozenset(stem(w) for w in "halt suspend stop ban block freeze embargo".split())

# Per relation: the role of the party before the word (by the word's meaning), and the
# role a preposition right before a party after it marks.
# ("over X" is what it is about, never a party to it: "halts arms sales over Yemen";
# nor is "to X" of a sanction: "sanctions firms for supplying parts to Pakistan".)
_AFTER: dict[str, dict[str, str]] = {
    "transfer": {"to": "recipient", "from": "supplier", "over": "reason"},
    "sanction": {
        "on": "target",
        "against": "target",
        "by": "actor",
        "to": "other",
        "over": "reason",
        "for": "reason",
    },
    "halt": {"to": "target", "by": "actor", "over": "reason"},
}
# Per relation: the role of a party written as the word's object ("sanctions three
# Chinese firms").
_OBJECT: dict[str, str] = {"sanction": "target"}
# What may stand between a word and its object: articles and counts.
_BEFORE_OBJECT = frozenset("the a an two three four five six seven eight nine ten".split())
# What may stand between a preposition and the later items of its list ("to Saudi Arabia
# and the UAE"): the list's glue; the earlier items are names, written capitalized.
_LIST_GLUE = frozenset("and or the a an".split())
_BETWEEN = frozenset(
    "will would has have had can could may might shall should must did does do not also "
    "now then on this last monday tuesday wednesday thursday friday saturday sunday week "
    "agreed decided plans plan wants want to already just still soon".split()
)
_PASSIVE = re.compile(r"\b(?:is|are|was|were|been|being|be)\s+(?:\w+ly\s+)?$", re.I)


# Per relation: the role its words give the party right before them, by stem.
_BEFORE: dict[str, dict[str, str]] = {
    "transfer": {**dict.fromkeys(_BUYING, "recipient"), **dict.fromkeys(_SELLING, "supplier")},
    "sanction": dict.fromkeys(_SANCTIONING, "actor"),
    "halt": dict.fromkeys(_HALTING, "actor"),
}


def written_role(text: str, span: tuple[int, int], relation: str) -> str:
    """The role the sentence ``text`` writes the party at ``span`` (its offsets) in, for
    ``relation``; "" when its words do not say."""
    start, end = span
    words = _BEFORE.get(relation, {})
    if not words:
        return ""
    tokens = [t for t in tokenize(text) if t.is_word]
    first = next((t for t in tokens if t.stem in words), None)
    if first is None:
        return ""
    if start < first.start:
        if _PASSIVE.search(text[: first.start]):
            return ""  # "Turkey was sold ...": the word's subject undergoes it
        # Only a subject right before its verb, with nothing but auxiliaries, adverbs and
        # a day between ("Russia has already sold", "the US on Monday sanctioned"); a
        # party further off may be the subject of another verb ("X condemned sanctions").
        between = [t for t in tokens if end <= t.start < first.start]
        if any(t.norm not in _BETWEEN and not t.norm.endswith("ly") for t in between):
            return ""
        if relation == "transfer" and _awarded(tokens, first):
            return "supplier"  # "Embraer received a contract to deliver 12 aircraft"
        return words[first.stem]
    between = [t for t in tokens if first.end <= t.start and t.end <= start]
    if (
        relation in _OBJECT
        and _a_verb(tokens, first)
        and all(t.norm in _BEFORE_OBJECT or t.text.isdigit() for t in between)
    ):
        return _OBJECT[relation]  # right after its word, as its object
    before = [t for t in tokens if t.end <= start][-8:]
    marks = _AFTER.get(relation, {})
    for token in reversed(before):
        if token.norm in marks:
            return marks[token.norm]
        if token.norm not in _LIST_GLUE and not token.text[:1].isupper():
            break
    return ""


# What a supplier is given: "received a contract", "got an order". The subject of a word
# of receiving is then the seller, not the buyer.
_AWARDS = frozenset(stem(w) for w in "contract order tender".split())


def _awarded(tokens: list[Token], word: Token) -> bool:
    """Whether ``word`` (a word of receiving) governs a contract or an order: the next
    words are one, past articles, counts and a few modifiers ("a $500 million contract",
    "a new order"), but not "an order of 12 jets", which is what was ordered."""
    after = [t for t in tokens if t.start > word.start][:5]
    for i, token in enumerate(after[:4]):
        if token.stem in _AWARDS:
            # (not "received an order of 12 aircraft": what was ordered, delivered)
            return i + 1 >= len(after) or after[i + 1].norm != "of"
        if token.text[:1].isupper():
            return False
    return False


def _a_verb(tokens: list[Token], word: Token) -> bool:
    """Whether ``word`` is written as a verb: in the past ("sanctioned"), or after its
    subject's name or an auxiliary ("US sanctions 3 firms", "has blacklisted"); not as a
    noun ("condemned sanctions the United States imposed")."""
    if word.norm.endswith("ed"):
        return True
    previous = [t for t in tokens if t.end <= word.start][-1:]
    return bool(previous) and (previous[0].text[:1].isupper() or previous[0].norm in _AUXILIARIES)


_AUXILIARIES = frozenset(
    "has have had will would could can may might must should shall did does do to also "
    "not never".split()
)


def contradicts(
    text: str,
    relation: str,
    named: Mapping[tuple[int, int], str],
    candidate: tuple[int, int] | None,
    asked: str,
) -> bool:
    """Whether ``text`` writes a party of the question (at the spans ``named``, each with
    its role in the question) or the candidate answer (at ``candidate``) in another role
    of ``relation`` than the question gives it."""
    for span, role in named.items():
        seen = written_role(text, span, relation)
        if seen and role and seen != role:
            return True
    if candidate is not None:
        seen = written_role(text, candidate, relation)
        if seen and asked and seen != asked:
            return True
    return False


def offsets(text: str, labels: Iterable[str]) -> tuple[int, int] | None:
    """Where ``text`` first writes one of ``labels`` (whole words, any case): its span,
    the longest label at the earliest place. (Not :func:`kg.qa.passages.written_at`,
    which finds the longest label wherever it is: a party is on the side of its first
    mention.)"""
    lower = text.lower()
    found = [
        (m.start(), -len(label))
        for label in labels
        if len(label) >= 2
        for m in [re.search(r"(?<!\w)" + re.escape(label.lower()) + r"(?!\w)", lower)]
        if m
    ]
    if not found:
        return None
    start, negative = min(found)
    return start, start - negative
