"""Each kind of event is one record (``kg.kinds``): its class, roles, words and codes."""

from __future__ import annotations

import re
import subprocess
import sys

import pytest
from rdflib import RDFS, Graph, Literal, Namespace, URIRef

from kg.kinds import BY_CLASS, KINDS, kind_of
from kg.kinds.model import ANY, TOLD_LITERALS, tell
from kg.ontology.bundle import bundled_ontology
from kg.qa.lookups import ROLE_PROPERTIES
from kg.qa.templates import TEMPLATES
from kg.vocab import DD

PLOVER = Namespace(str(DD))


def _value(graph: Graph, cls: URIRef, prop: str) -> str | None:
    value = graph.value(cls, PLOVER[prop])
    return str(value) if isinstance(value, Literal) else None


def test_each_class_is_one_kind_with_one_name() -> None:
    assert len(BY_CLASS) == len(KINDS)
    assert len({k.name for k in KINDS}) == len(KINDS)
    assert kind_of(DD.ArmsDeal).name == "deal"


def test_every_event_class_of_the_ontology_is_a_kind() -> None:
    """What the extractor may produce (every subclass of dd:Event, and the relations that
    hold over time) has a record."""
    graph = bundled_ontology()
    events = set(graph.transitive_subjects(RDFS.subClassOf, DD.Event)) - {DD.Event}
    assert events <= set(BY_CLASS), sorted(events - set(BY_CLASS))
    assert {DD.RoleAssignment, DD.Membership} <= set(BY_CLASS)


def test_kinds_name_the_plover_and_cameo_codes_the_ontology_states() -> None:
    graph = bundled_ontology()
    for kind in KINDS:
        assert kind.plover_type == _value(graph, kind.cls, "ploverType"), kind.name
        assert kind.plover_mode == _value(graph, kind.cls, "ploverMode"), kind.name
        assert kind.cameo == _value(graph, kind.cls, "cameoCode"), kind.name


def test_roles_are_properties_of_the_ontology_with_known_answer_types() -> None:
    graph = bundled_ontology()
    for kind in KINDS:
        assert kind.roles, kind.name
        for role in kind.roles:
            assert (role.prop, None, None) in graph, (kind.name, role.prop)
            assert role.answers and role.answers <= ANY, (kind.name, role.name)


def test_every_role_of_a_kind_is_one_answers_are_checked_against() -> None:
    """An answer must involve what the question names; a role the answerer does not read
    as a party would make every answer of its kind fail that check."""
    missing = [(k.name, r.name) for k in KINDS for r in k.roles if r.prop not in ROLE_PROPERTIES]
    assert not missing, missing


def test_question_relations_of_the_kinds_are_the_templates_relations() -> None:
    asked = {t.relation for t in TEMPLATES} - {"any"}
    named = {r for kind in KINDS for r in kind.relations}
    assert named <= asked, sorted(named - asked)
    assert asked <= named, sorted(asked - named)


def test_trigger_words_are_lowercase_single_words() -> None:
    for kind in KINDS:
        for word in kind.verbs | kind.nouns:
            assert word == word.lower().strip() and " " not in word, (kind.name, word)


@pytest.mark.parametrize("module", ["kg.kinds", "kg.qa"])
def test_the_kinds_and_question_reading_load_without_spacy(module: str) -> None:
    """Question reading (and the kinds it may read) runs without the extraction stack."""
    code = f"import sys, {module}; assert 'spacy' not in sys.modules, 'spacy loaded'"
    subprocess.run([sys.executable, "-c", code], check=True)


def test_every_relation_a_kind_is_asked_by_is_declared_once_with_its_signals() -> None:
    from kg.kinds.relations import RELATIONS
    from kg.qa.frame_tables import RELATION_CLASSES, RELATION_TERMS

    names = [r.name for r in RELATIONS]
    assert len(names) == len(set(names))
    asked = {relation for kind in KINDS for relation in kind.relations}
    # "role_fallback" is the looser reading of a role question, not a relation of its own.
    assert asked - {"role_fallback"} <= set(names), sorted(asked - set(names))
    for relation in RELATIONS:
        assert RELATION_TERMS[relation.name] == relation.signals
        # A relation's questions are about the classes of the kinds that list it.
        own = {kind.cls for kind in KINDS if relation.name in kind.relations}
        assert own <= set(RELATION_CLASSES[relation.name]), relation.name


SALE = "{supplier} sells[ {equipment}][ to {recipient}] | {recipient} buys[ {equipment}]"


def test_an_event_is_told_the_first_way_its_roles_fill() -> None:
    assert tell(
        SALE, {"supplier": ["Russia"], "equipment": ["S-400"], "recipient": ["Turkey"]}
    ) == ("Russia sells S-400 to Turkey")
    assert tell(SALE, {"supplier": ["Russia"], "recipient": ["Turkey"]}) == "Russia sells to Turkey"
    assert tell(SALE, {"recipient": ["Egypt"], "equipment": ["Su-35"]}) == "Egypt buys Su-35"
    assert tell(SALE, {"equipment": ["Su-35"]}) == ""  # no way of telling it fits


def test_several_subjects_are_joined_and_take_the_verb_for_many() -> None:
    told = tell(SALE, {"supplier": ["France", "Germany", "Italy"], "recipient": ["Qatar"]})
    assert told == "France, Germany and Italy sell to Qatar"
    assert tell(SALE, {"recipient": ["Qatar", "Qatar"]}) == "Qatar buys"


def test_each_kind_tells_only_of_its_roles() -> None:
    """A line names the kind's roles and the literals any line may tell (the name an
    event is known by, what was said, what was signed as written); a misspelt role would
    leave every line of the kind untold."""
    for kind in KINDS:
        names = {role.name for role in kind.roles} | set(TOLD_LITERALS)
        used = set(re.findall(r"\{(\w+)\}", kind.told))
        assert used <= names, (kind.name, used - names)
        assert kind.told or kind.cls == DD.RoleAssignment, kind.name
