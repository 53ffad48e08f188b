"""Relations between two entities are read from a few selective queries, and give the
same rows, in the same order, as the template's one query."""

from __future__ import annotations

import itertools
from typing import Any

import pytest
from rdflib import URIRef

from kg.qa import Answerer
from kg.qa.between import queries, rows_between
from kg.qa.templates import header_params, load_queries
from kg.store import EmbeddedStore, Store
from kg.store.base import Bindings, Rows
from kg.store.kept import KeptReads

RES = "https://w3id.org/attache/resource/"
ART = "https://w3id.org/attache/article/"
GERMANY, NATO, TURKEY, US = (
    URIRef(RES + n) for n in ("germany", "nato", "turkey", "united-states")
)
TEMPLATE = load_queries()["relations_between"]


def template_rows(store: Store, pairs: list[tuple[URIRef, URIRef]]) -> list[dict[str, Any]]:
    """What the template gives for ``pairs``, run after one another."""
    return [row for x, y in pairs for row in store.select(TEMPLATE, {"x": x, "y": y}).bindings]


def test_the_queries_are_valid_sparql_and_name_their_params(qa_store: Store) -> None:
    values = {"x": TURKEY, "y": US, "e": URIRef(ART + "qa-nato-summit#e0")}
    for text in queries().values():
        params = header_params(text)
        assert params
        qa_store.select(text, {p: values[p] for p in params})


@pytest.mark.parametrize(
    "pair",
    [(US, TURKEY), (TURKEY, US), (NATO, GERMANY), (GERMANY, NATO)],
)
def test_the_rows_are_the_templates_including_a_party_standing_for_a_state(
    qa_store: Store, pair: tuple[URIRef, URIRef]
) -> None:
    expected = template_rows(qa_store, [pair])
    assert rows_between(KeptReads(qa_store), [pair]) == expected
    if pair == (NATO, GERMANY):
        # The summit: NATO organized it, Germany's chancellor attended (dd:country).
        assert {row["e"] for row in expected} == {URIRef(ART + "qa-nato-summit#e0")}
        assert len(expected) == 2  # the summit is told in two sentences


def test_pairs_of_three_entities_give_the_templates_rows_in_the_order_of_the_pairs(
    qa_store: Store,
) -> None:
    pairs = list(itertools.permutations([US, TURKEY, GERMANY], 2))
    assert rows_between(KeptReads(qa_store), pairs) == template_rows(qa_store, pairs)


def add_relations(store: EmbeddedStore, count: int) -> None:
    """``count`` events of Turkey, each in its own article: every third has the United
    States as a party, every third one of its bodies, some role assignments and negated
    events among them, so that the template's order and its filters are both tested."""
    store.update(
        f"INSERT DATA {{ GRAPH <{ART}between-entities> {{ "
        f"<{RES}pentagon> a dd:GovernmentBody ; dd:country <{US}> . }} }}"
    )
    graphs = []
    for i in range(count):
        article = f"{ART}between-{i}"
        other = [f"dd:target <{US}>", f"dd:participant <{RES}pentagon>", f"dd:target <{RES}x{i}>"]
        kind = "dd:RoleAssignment" if i % 7 == 0 else "dd:SanctionThreat"
        modality = "dd:negated" if i % 5 == 0 else "dd:asserted"
        graphs.append(
            f"GRAPH <{article}> {{ <{article}#e1> a {kind} ; dd:actor <{TURKEY}> ; "
            f"{other[i % 3]} ; "
            f"dd:evidence <{article}#s1>, <{article}#s2> ; dd:modality {modality} . "
            f'<{article}#s1> dd:text "Sentence one of {i}." ; dd:inArticle <{article}> . '
            f'<{article}#s2> dd:text "Sentence two of {i}." ; dd:inArticle <{article}> . }}'
        )
    store.update("INSERT DATA { " + "\n".join(graphs) + " }")


def test_many_events_come_in_the_templates_order(fresh_store: EmbeddedStore) -> None:
    add_relations(fresh_store, 120)
    pairs = [(TURKEY, US), (US, TURKEY)]
    expected = template_rows(fresh_store, pairs)
    assert len({row["e"] for row in expected}) > 50
    assert rows_between(KeptReads(fresh_store), pairs) == expected


class Recording:
    """A store that notes the text of every SELECT sent to ``inner``."""

    def __init__(self, inner: Store) -> None:
        self.inner = inner
        self.kind = inner.kind
        self.capabilities = inner.capabilities
        self.sent: list[str] = []

    def __getattr__(self, name: str) -> Any:
        return getattr(self.inner, name)

    def select(self, query: str, bindings: Bindings | None = None) -> Rows:
        self.sent.append(query)
        return self.inner.select(query, bindings)


def test_the_answerer_reads_relations_between_two_entities_without_the_template(
    qa_store: Store,
) -> None:
    store = Recording(qa_store)
    answers = Answerer(store).ask("What happened between NATO and Germany?")["answers"]
    assert [a["text"] for a in answers] == ["Summit"]
    assert not any(TEMPLATE in text for text in store.sent)
    assert any(queries()["through_bodies"] in text for text in store.sent)
