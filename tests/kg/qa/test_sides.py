"""Which side of a relation's word a party stands on, in the sentences the second tier
reads: a party written plainly in one role is not read in another."""

from __future__ import annotations

import pytest

from kg.qa import sides


def span(text: str, name: str) -> tuple[int, int]:
    start = text.index(name)
    return start, start + len(name)


@pytest.mark.parametrize(
    ("text", "name", "relation", "role"),
    [
        ("Russia has already sold S-400 systems to Turkey.", "Russia", "transfer", "supplier"),
        ("Russia has already sold S-400 systems to Turkey.", "Turkey", "transfer", "recipient"),
        ("Egypt will buy 30 Rafale jets from France.", "Egypt", "transfer", "recipient"),
        ("Egypt will buy 30 Rafale jets from France.", "France", "transfer", "supplier"),
        # Who receives a contract or an order supplies; who receives an order of jets buys.
        (
            "SNC and Embraer received a contract to deliver 12 A-29 aircraft.",
            "Embraer",
            "transfer",
            "supplier",
        ),
        ("Hanwha received an order from Poland.", "Hanwha", "transfer", "supplier"),
        ("Nigeria received an order of 12 aircraft.", "Nigeria", "transfer", "recipient"),
        ("The US on Monday sanctioned firms in China.", "US", "transfer", ""),
        ("The US on Monday sanctioned SSB.", "US", "sanction", "actor"),
        ("Washington imposed sanctions on Ankara.", "Ankara", "sanction", "target"),
        # Further off, a party may be another verb's subject: no side is written.
        ("Rosoboronexport condemned sanctions on the firm.", "Rosoboronexport", "sanction", ""),
        # The passive's subject undergoes the relation.
        ("Turkey was sold the S-400 by Russia.", "Turkey", "transfer", ""),
        # A sanction's object is its target; "to X" and "over X" are no party of it.
        (
            "US sanctions 3 Chinese firms for sending parts to Pakistan",
            "Chinese",
            "sanction",
            "target",
        ),
        (
            "US sanctions 3 Chinese firms for sending parts to Pakistan",
            "Pakistan",
            "sanction",
            "other",
        ),
        ("Oslo halts arms sales to Riyadh over the war in Yemen", "Yemen", "halt", ""),
        ("Oslo halts arms sales to Riyadh over Yemen", "Yemen", "halt", "reason"),
        # A noun with a relative clause after it has no object: "sanctions [that] the US
        # imposed".
        ("Moscow condemned sanctions the United States imposed.", "United States", "sanction", ""),
        # A preposition marks every item of its list.
        (
            "Helsinki will block arms exports to Saudi Arabia and the UAE.",
            "UAE",
            "transfer",
            "recipient",
        ),
    ],
)
def test_a_party_is_on_the_side_its_words_write_it(
    text: str, name: str, relation: str, role: str
) -> None:
    assert sides.written_role(text, span(text, name), relation) == role


def test_a_party_of_the_question_written_in_another_role_contradicts_it() -> None:
    text = "Brazil signed a deal to purchase 12 drones from Finland's Norland Dynamics."
    # "Which country sold drones to Finland?": Finland supplies here.
    assert sides.contradicts(text, "transfer", {span(text, "Finland"): "recipient"}, None, "")
    assert not sides.contradicts(text, "transfer", {span(text, "Finland"): "supplier"}, None, "")
    # The answer asked for is the seller; a party after "to" receives.
    other = "Russia sold the jets to Egypt."
    assert sides.contradicts(other, "transfer", {}, span(other, "Egypt"), "supplier")
