"""Answering from the fixture graphs: answers, their evidence, ranking and the payload.

The fixtures (tests/data/qa/*.trig) are small made-up articles with events in the
shape the extractor writes; every expectation below follows from those files.
"""

from __future__ import annotations

import pytest

from kg.qa import Answerer, QuestionError
from kg.qa.answer import format_date, format_quantity, format_value
from kg.store import Store

S400 = "https://w3id.org/attache/article/qa-turkey-s400"
F35 = "https://w3id.org/attache/article/qa-poland-f35"
SUMMIT = "https://w3id.org/attache/article/qa-nato-summit"


def texts(payload: dict) -> list[str]:
    return [a["text"] for a in payload["answers"]]


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("Who sells the S-400 to Ankara?", ["Russia"]),
        ("Which countries are buying the S-400?", ["Turkey (Ankara)"]),  # as the source wrote
        ("What air defense system is Turkey acquiring from Russia?", ["S-400"]),
        ("Who warned Turkey of sanctions?", ["United States (Washington)"]),
        ("Under which law could Turkey face US sanctions?", ["CAATSA"]),
        ("Which program was Turkey suspended from?", ["F-35 program"]),
        ("Who suspended Turkey from the F-35 program?", ["United States"]),
        ("Which country halted arms exports to Saudi Arabia?", ["Germany"]),
        ("Who is the defense minister of Poland?", ["Mariusz Blaszczak"]),
        ("Who is the US Secretary of Defense?", ["Mark Esper"]),
        ("Which alliance is Turkey a member of?", ["NATO"]),
        ("Where was the NATO summit held?", ["Watford"]),
        ("When was the NATO summit?", ["December 3-4, 2019"]),
        (
            "What did Mark Esper say about the S-400?",
            ["the American position on the S-400 had not moved"],
        ),
        ("When did Turkey start receiving the S-400?", ["July 2019 (mid-July)"]),
        ("Who manufactures the F-35?", ["Lockheed Martin"]),
        ("How much is Poland's F-35 deal worth?", ["$4.6 billion"]),
        ("How many F-35 jets is Poland buying?", ["32"]),
        ("In which town was the F-35 signing ceremony held?", ["Deblin"]),
        (
            "What fighter jets did Poland sign a deal to buy from the United States?",
            ["F-35 (F-35A)"],
        ),
        (
            "Who approved the sale to Norway?",
            ["Defense Security Cooperation Agency", "United States"],
        ),
    ],
)
def test_questions_are_answered_from_the_graph(
    answerer: Answerer, question: str, expected: list[str]
) -> None:
    assert texts(answerer.ask(question)) == expected


def test_an_answer_shows_the_name_the_source_used_when_it_differs(answerer: Answerer) -> None:
    """The sentence says "Ankara" and "F-35A": the reader can find them in the evidence."""
    (answer,) = answerer.ask("Who buys the S-400?")["answers"]
    assert answer["text"] == "Turkey (Ankara)"
    assert "Ankara" in answer["evidence"][0]["sentence"]
    (answer,) = answerer.ask("Who sells the S-400 to Turkey?")["answers"]
    assert answer["text"] == "Russia"  # "Russian" is an adjective, not a name it went by


def test_every_answer_carries_its_sentence_and_article(answerer: Answerer) -> None:
    payload = answerer.ask("Who sells the S-400 to Turkey?")
    (answer,) = payload["answers"]
    assert answer["iri"] == "https://w3id.org/attache/resource/russia"
    (evidence,) = answer["evidence"]
    assert evidence == {
        "article": S400,
        "title": "Turkey takes delivery of Russian air defenses",
        "url": "https://qa.attache.example/turkey-s400",
        "date": "2019-07-20",
        "sentence": "Russian transport planes started bringing S-400 components to an air "
        "base near Ankara in mid-July.",
    }


def test_the_payload_has_the_documented_shape(answerer: Answerer) -> None:
    payload = answerer.ask("Who supplies the S-400 to Turkey?")
    assert list(payload) == [
        "ok",
        "question",
        "interpretation",
        "answers",
        "suggestions",
        "sparql",
        "elapsed_ms",
    ]
    assert payload["ok"] is True
    interpretation = payload["interpretation"]
    assert interpretation["template"] == "supplier_of_equipment_to"
    assert interpretation["family"] == "supplier"
    assert interpretation["reading"] == "Who supplies the S-400 to Turkey?"
    assert interpretation["entities"] == [
        {
            "text": "S-400",
            "iri": "https://w3id.org/attache/resource/s-400",
            "label": "S-400",
            "type": "WeaponSystem",
        },
        {
            "text": "Turkey",
            "iri": "https://w3id.org/attache/resource/turkey",
            "label": "Turkey",
            "type": "State",
        },
    ]
    assert isinstance(payload["elapsed_ms"], float)


def test_the_sparql_shown_is_the_template_with_its_values_bound(answerer: Answerer) -> None:
    sparql = answerer.ask("Who sells the S-400 to Turkey?")["sparql"]
    assert "VALUES (?equipment ?recipient)" in sparql
    assert "<https://w3id.org/attache/resource/s-400>" in sparql
    assert "# supplier_of_equipment_to" in sparql


def test_answers_absent_from_the_graph_are_empty_with_working_suggestions(
    answerer: Answerer,
) -> None:
    payload = answerer.ask("Who sells the S-400 to Poland?")
    assert payload["answers"] == []
    assert payload["interpretation"]["template"] == "supplier_of_equipment_to"
    suggestions = payload["suggestions"]
    assert 1 <= len(suggestions) <= 3
    for suggestion in suggestions:
        assert answerer.ask(suggestion)["answers"], suggestion


def test_a_question_not_understood_says_what_was_found(answerer: Answerer) -> None:
    payload = answerer.ask("What is the capital of Turkey?")
    assert payload["answers"] == []
    assert payload["interpretation"]["template"] is None
    assert "Turkey (State)" in payload["interpretation"]["reading"]
    assert payload["suggestions"]
    assert payload["sparql"] == ""


def test_counts_count_distinct_answers(answerer: Answerer) -> None:
    (answer,) = answerer.ask("How many countries belong to NATO?")["answers"]
    assert answer["text"] == "3"
    assert answer["detail"] == "Turkey, Poland, Finland"
    assert len(answer["evidence"]) == 3


def test_yes_no_questions_answer_yes_with_evidence_or_nothing(answerer: Answerer) -> None:
    (answer,) = answerer.ask("Is Finland a member of NATO?")["answers"]
    assert answer["text"] == "Yes"
    assert answer["evidence"][0]["article"] == SUMMIT
    # Not "No": the graph not holding a fact is not evidence against it.
    assert answerer.ask("Is Norway a member of NATO?")["answers"] == []


def test_besides_leaves_named_entities_out(answerer: Answerer) -> None:
    assert texts(answerer.ask("Which countries are members of NATO?")) == [
        "Turkey",
        "Poland",
        "Finland",
    ]
    assert texts(answerer.ask("Besides Turkey and Poland, which countries belong to NATO?")) == [
        "Finland"
    ]


def test_the_category_asked_for_filters_equipment(answerer: Answerer) -> None:
    assert sorted(texts(answerer.ask("What weapons did Poland buy?"))) == [
        "F-35 (F-35A)",
        "Patriot",
    ]
    assert texts(answerer.ask("What fighter jets did Poland buy?")) == ["F-35 (F-35A)"]
    assert texts(answerer.ask("What air defense systems did Poland buy?")) == ["Patriot"]


def test_answers_rank_by_support_and_are_capped(qa_store: Store) -> None:
    capped = Answerer(qa_store, max_answers=2)
    answers = capped.ask("Who are NATO's members?")["answers"]
    assert len(answers) == 2
    attendees = Answerer(qa_store).ask("Who attended the NATO summit?")["answers"]
    assert {a["text"] for a in attendees} == {
        "Donald Trump",
        "Recep Tayyip Erdogan",
        "Angela Merkel",
    }
    assert all(len(a["evidence"]) == 2 for a in attendees)  # the event cites two sentences


def test_relations_tell_each_kind_of_event_with_its_parties(answerer: Answerer) -> None:
    """Each kind of event is named, then told in a line as a headline tells it; the
    roles are in the detail."""
    answers = answerer.ask("What happened between the United States and Turkey?")["answers"]
    by_text = {a["text"]: a["detail"] for a in answers}
    threat = (
        "Sanction threat: United States threatens Turkey with sanctions over S-400 under CAATSA"
    )
    assert by_text[threat] == (
        "actor: United States; target: Turkey; equipment: S-400; legal basis: CAATSA"
    )
    suspension = "Program suspension: United States suspends Turkey from F-35 program"
    assert by_text[suspension] == "actor: United States; target: Turkey; program: F-35 program"
    assert not any(text.startswith("Summit") for text in by_text)  # only their leaders met


def test_a_statement_among_relations_is_told_as_what_was_said(answerer: Answerer) -> None:
    answers = answerer.ask("What happened between Mark Esper and the S-400?")["answers"]
    assert [a["text"] for a in answers] == [
        "Statement: Mark Esper: “the American position on the S-400 had not moved”"
    ]


def test_a_state_takes_part_in_relations_through_its_people(answerer: Answerer) -> None:
    answers = answerer.ask("What happened between NATO and Germany?")["answers"]
    assert [a["text"] for a in answers] == [  # Germany's chancellor attended
        "Summit: summit of NATO with Angela Merkel, Donald Trump and Recep Tayyip Erdogan "
        "in Watford"
    ]
    assert "participant: Angela Merkel" in answers[0]["detail"]


def test_a_profile_states_facts_then_events(answerer: Answerer) -> None:
    answers = texts(answerer.ask("What do we know about CAATSA?"))
    assert answers == [
        "CAATSA: Legal instrument; country: United States",
        "Sanction threat (actor: United States; target: Turkey; equipment: S-400; "
        "legal basis: CAATSA)",
    ]


def test_sources_list_the_articles_that_mention_an_entity(answerer: Answerer) -> None:
    payload = answerer.ask("Which articles mention Lockheed Martin?")
    assert {a["iri"] for a in payload["answers"]} == {
        F35,
        "https://w3id.org/attache/article/qa-exports",
    }
    assert "Warsaw signs for American stealth fighters" in texts(payload)


def test_statements_about_an_unlinked_topic_fall_back_to_all_that_was_said(
    answerer: Answerer,
) -> None:
    payload = answerer.ask("What did Heiko Maas say about Saudi Arabia?")
    assert texts(payload) == ["the case still left many questions open"]
    assert "all that was said" in payload["interpretation"]["reading"]


def test_two_reports_of_one_article_combine_but_separate_articles_do_not(
    fresh_store: Store,
) -> None:
    """ "Russia sells the S-400 to Turkey" (one article) and "Russia sells weapons to India"
    (another) do not say that Russia sells the S-400 to India: that would be a guess."""
    fresh_store.update(
        """INSERT DATA { GRAPH <https://w3id.org/attache/article/qa-extra> {
        <https://w3id.org/attache/article/qa-extra#s0> a dd:Sentence ;
          dd:inArticle <https://w3id.org/attache/article/qa-extra> ;
          dd:text "Russia agreed to sell weapons to India." .
        <https://w3id.org/attache/article/qa-extra#e0> a dd:ArmsDeal ;
          dd:supplier res:russia ; dd:recipient res:india ; dd:modality dd:asserted ;
          dd:evidence <https://w3id.org/attache/article/qa-extra#s0> .
        res:india a dd:State ; rdfs:label "India"@en ; dd:normLabel "india" } }"""
    )
    payload = Answerer(fresh_store).ask("Who sells the S-400 to India?")
    assert texts(payload) == []


def test_negated_events_are_not_answers(fresh_store: Store) -> None:
    fresh_store.update(
        """DELETE { GRAPH ?g { ?e dd:modality ?m } }
        INSERT { GRAPH ?g { ?e dd:modality dd:negated } }
        WHERE { GRAPH ?g { ?e a dd:ArmsDelivery ; dd:modality ?m } }"""
    )
    assert Answerer(fresh_store).ask("Who sells the S-400 to Turkey?")["answers"] == []


@pytest.mark.parametrize("question", ["", "   ", "x" * 501])
def test_empty_or_overlong_questions_are_refused(answerer: Answerer, question: str) -> None:
    with pytest.raises(QuestionError):
        answerer.ask(question)


def test_dates_values_and_quantities_read_as_people_write_them() -> None:
    from rdflib import Literal
    from rdflib.namespace import XSD

    from kg.vocab import DD

    day = Literal("2020-01-31", datatype=XSD.date)
    assert format_date(day, DD.day, None, Literal("on Friday")) == "January 31, 2020 (Friday)"
    assert format_date(Literal("2018", datatype=XSD.gYear), DD.year, None, None) == "2018"
    assert (
        format_date(
            Literal("2024", datatype=XSD.gYear),
            DD.multiYear,
            Literal("2030-12-31", datatype=XSD.date),
            Literal("between 2024 and 2030"),
        )
        == "2024-2030 (between 2024 and 2030)"
    )
    assert format_value(Literal(1.07e8), Literal("USD"), None) == "$107 million"
    assert format_value(Literal(2.5e9), Literal("EUR"), None) == "€2.5 billion"
    assert format_value(None, None, Literal("up to $13.9 billion")) == "up to $13.9 billion"
    assert format_quantity(Literal(32)) == "32"
    assert format_quantity(Literal(3)) == "3 (three)"  # articles often spell small numbers
    assert format_quantity(Literal(1000)) == "1,000"  # as English news writes thousands


@pytest.mark.parametrize(
    ("question", "mended"),
    [
        ("Who supplies the s400 to Turkey?", "s400 → S-400"),
        ("Who supplies the S400 to Turkey?", "S400 → S-400"),
    ],
)
def test_slips_in_a_question_are_mended_and_said(
    answerer: Answerer, question: str, mended: str
) -> None:
    payload = answerer.ask(question)
    assert texts(payload) == texts(answerer.ask("Who supplies the S-400 to Turkey?"))
    assert texts(payload)
    assert mended in payload["interpretation"]["reading"]
    assert payload["interpretation"]["corrected"] == "Who supplies the S-400 to Turkey?"


def test_ordinary_words_are_not_mended_into_the_vocabulary(
    answerer: Answerer, word_list: None
) -> None:
    """ "border" is one letter from "order", and is a word: no typo."""
    text, fixes = answerer.forgive("How far is the base from the border?", answerer.lexicon())
    assert (text, fixes) == ("How far is the base from the border?", [])


def test_a_misspelled_word_of_the_vocabulary_is_mended_and_said(
    answerer: Answerer, word_list: None
) -> None:
    payload = answerer.ask("Who suplies the S-400 to Turky?")
    assert texts(payload) == texts(answerer.ask("Who supplies the S-400 to Turkey?"))
    assert texts(payload)
    assert "suplies → supply" in payload["interpretation"]["reading"]
    assert "Turky → Turkey" in payload["interpretation"]["reading"]


def test_a_bare_name_asks_what_is_known_about_it(answerer: Answerer) -> None:
    payload = answerer.ask("Turkey")
    assert payload["interpretation"]["template"] == "profile"
    assert payload["answers"]


def test_a_yes_no_question_no_fact_answers_is_not_stated_never_no(answerer: Answerer) -> None:
    payload = answerer.ask("Is Norway a member of NATO?")
    assert payload["answers"] == []
    assert payload["interpretation"]["reading"].startswith("The articles do not state it.")


def test_extra_spaces_do_not_change_the_answer(answerer: Answerer) -> None:
    question = "Who supplies the S-400 to Turkey?"
    spaced = "  Who  supplies  the  S-400  to  Turkey?  "
    texts = [a["text"] for a in answerer.ask(question)["answers"]]
    assert texts and [a["text"] for a in answerer.ask(spaced)["answers"]] == texts


def test_a_word_of_modality_need_not_be_in_the_evidence(answerer: Answerer) -> None:
    """ "the intended buyer": the fact carries its own modality; the word is not one its
    sentences must repeat."""
    texts = [a["text"] for a in answerer.ask("Who is the intended buyer of the S-400?")["answers"]]
    assert texts == [a["text"] for a in answerer.ask("Who is the buyer of the S-400?")["answers"]]
    assert any(t.startswith("Turkey") for t in texts), texts
