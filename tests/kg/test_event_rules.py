"""Extraction rules register against kinds; a trigger word finds its rules by look-up."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

import pytest
import spacy
from rdflib import Literal
from spacy.tokens import Doc, Token

from kg.articles import Article
from kg.events.rules import RULES, trigger_index
from kg.events.triggers import (
    DEFAULTS,
    Words,
    triggers_from_graph,
    triggers_from_statements,
    with_defaults,
)
from kg.extract import Pipeline, bundled_triggers
from kg.kinds import KINDS
from kg.ontology.bundle import bundled_ontology
from kg.vocab import DD

WHEN = dt.datetime(2026, 1, 1, tzinfo=dt.UTC)
VOCAB = spacy.blank("en").vocab


def token(text: str, lemma: str, pos: str) -> Token:
    return Doc(VOCAB, words=[text], lemmas=[lemma], pos=[pos])[0]


def called(text: str, lemma: str, pos: str) -> list[tuple[str, str]]:
    index = trigger_index(DEFAULTS)
    side = "verb" if pos in {"VERB", "AUX"} else "noun"
    return [(r.method.__name__, k.name) for r, k in index.rules_for(side, token(text, lemma, pos))]


@pytest.fixture
def restored(pipeline: Pipeline) -> Iterator[Pipeline]:
    """The session's pipeline, given back with the bundled triggers."""
    yield pipeline
    pipeline.use_triggers(bundled_triggers())


def test_every_trigger_word_of_a_kind_has_a_rule_of_that_kind() -> None:
    """Statements are read by their own pass over each sentence, the rest by rules."""
    for kind in KINDS:
        for pos, words in (("verb", kind.verbs), ("noun", kind.nouns)):
            if words and kind.cls != DD.Statement:
                assert any(kind in r.kinds and r.pos == pos for r in RULES), (kind.name, pos)


def test_the_lemma_chooses_the_kind_a_noun_names() -> None:
    """ "deliveries" is a delivery when its lemma is "delivery", a deal noun otherwise."""
    assert called("deliveries", "delivery", "NOUN") == [("_deal_noun", "delivery")]
    assert called("deliveries", "deliveries", "NOUN") == [("_deal_noun", "deal")]
    assert called("talks", "talk", "NOUN") == [("_meeting_noun", "meeting")]
    assert called("talk", "talk", "NOUN") == []


def test_one_word_calls_each_of_its_rules_once_in_the_kinds_order() -> None:
    assert called("received", "receive", "VERB") == [
        ("_transfer", "delivery"),
        ("_meeting_verb", "meeting"),
    ]
    assert called("suspended", "suspend", "VERB") == [("_suspension_or_halt", "suspension")]
    assert called("test-fired", "test-fire", "VERB") == [("_weapon_test", "test")]
    assert called("punish", "punish", "NOUN") == []  # a verb of the kind, not a noun


def test_a_verb_added_to_a_kind_makes_a_sentence_extract_that_kind(restored: Pipeline) -> None:
    article = Article(
        "Germany moved two Patriot batteries to Poland on Monday.",
        url="https://n.example/patriot",
    )
    deployments = "SELECT ?e WHERE { ?e a dd:Deployment }"
    before = restored.version
    assert not restored.extract(article, WHEN).query(deployments)
    words = DEFAULTS[DD.Deployment]
    restored.use_triggers({DD.Deployment: Words(words.verbs | {"move"}, words.nouns)})
    assert restored.version != before
    assert len(restored.extract(article, WHEN).query(deployments)) == 1


def test_kinds_the_triggers_do_not_name_keep_their_defaults() -> None:
    stated = {DD.Agreement: Words(frozenset({"initial"}))}
    merged = with_defaults(stated)
    assert merged[DD.Agreement].verbs == {"initial"}
    assert merged[DD.ArmsDeal] == DEFAULTS[DD.ArmsDeal]


def test_the_bundled_ontology_states_every_kinds_triggers() -> None:
    """The kinds' defaults are what the bundled ontology says: they stand in only for a
    store whose ontology states no trigger of a class."""
    stated = triggers_from_graph(bundled_ontology())
    for kind in KINDS:
        if kind.verbs or kind.nouns:
            assert stated.get(kind.cls) == DEFAULTS[kind.cls], kind.name


def test_trigger_nouns_are_nouns_and_other_trigger_statements_verbs() -> None:
    stated = triggers_from_statements(
        [
            (DD.Agreement, DD.triggerLemma, Literal("Sign ")),
            (DD.Agreement, DD.triggerVerb, Literal("ink")),
            (DD.Agreement, DD.triggerNoun, Literal("accord")),
            (DD.Agreement, DD.topic, Literal("not a trigger")),
        ]
    )
    assert stated == {DD.Agreement: Words(frozenset({"sign", "ink"}), frozenset({"accord"}))}
