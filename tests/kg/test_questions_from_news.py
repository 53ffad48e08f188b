"""From news text to answers: articles written for these tests are extracted, stored and
questioned, so each test covers a rule of extraction and the question that uses it.

The facts are real; the wording is the project's own.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

import pytest

from kg.articles import Article
from kg.extract import Pipeline
from kg.ingest import Summary, ingest_article
from kg.ontology import ensure_ontology
from kg.qa import Answerer
from kg.store import EmbeddedStore


def news(title: str, date: dt.date, text: str) -> Article:
    """An article written for these tests, at an address made of its date and title."""
    slug = "-".join(title.lower().split())
    url = f"https://news.attache.example/{date:%Y/%m/%d}/{slug}"
    return Article(title=title, date=date, url=url, text=text)


ARTICLES = [
    news(
        "Japan and the Philippines sign troop access pact",
        dt.date(2024, 7, 8),
        (
            "Japan and the Philippines signed the Reciprocal Access Agreement in Manila on "
            "Monday, allowing their troops to train on each other's soil."
        ),
    ),
    news(
        "China sanctions US arms makers",
        dt.date(2022, 2, 21),
        (
            "China said on Monday it would impose sanctions on the American arms makers "
            "Lockheed Martin and Raytheon Technologies over their sales to Taiwan, and "
            "Russia said it backed the move."
        ),
    ),
    news(
        "North Korea fires missiles into the sea",
        dt.date(2019, 7, 25),
        (
            "North Korea test-fired two short-range ballistic missiles off its east coast "
            "on Thursday, South Korea's military said.\n"
            "Japan will provide patrol boats and coastal radar systems to the Philippines."
        ),
    ),
    news(
        "Russia test-launches Sarmat missile",
        dt.date(2022, 4, 21),
        (
            "Russia test-launched its new RS-28 Sarmat intercontinental ballistic missile "
            "at the Plesetsk Cosmodrome in northern Russia on Wednesday, the defence "
            "ministry said.\n"
            "President Vladimir Putin said the missile had no equal in the world."
        ),
    ),
    news(
        "Britain bars Iranian officials",
        dt.date(2023, 7, 6),
        (
            "Britain has barred 13 Iranian officials from entering the country because "
            "they are accused of supplying drones to Russia, the Foreign Office said."
        ),
    ),
    news(
        "Germany to station brigade in Lithuania",
        dt.date(2023, 12, 18),
        (
            "Germany will station a brigade of about 4,800 troops in Lithuania, to be "
            "ready by 2027, Defence Minister Boris Pistorius said in Vilnius.\n"
            "Russia deployed Iskander missiles to its Kaliningrad exclave in 2018."
        ),
    ),
    news(
        "Council of Europe expels Russia",
        dt.date(2022, 3, 17),
        (
            "The Council of Europe expelled Russia on Wednesday over its invasion of "
            "Ukraine, ending 26 years of membership."
        ),
    ),
    news(
        "Malaysia picks Korean light combat jet",
        dt.date(2023, 2, 24),
        (
            "Korea Aerospace Industries has won a competition to supply light attack "
            "aircraft to Malaysia, the company announced.\n"
            "The South Korean company said it would deliver 18 FA-50 jets to the "
            "Southeast Asian country from 2026."
        ),
    ),
    news(
        "Canada sanctions Iranian drone suppliers",
        dt.date(2023, 2, 3),
        (
            "Canada imposed sanctions on eight Iranian companies on Friday, among them "
            "Paravar Pars and Qods Aviation Industries, for building engines for the "
            "drones Iran sends to Russia, Foreign Minister Melanie Joly said."
        ),
    ),
    news(
        "Austin visits Seoul",
        dt.date(2023, 1, 30),
        (
            "US Defense Secretary Lloyd Austin visited Seoul on Monday and met South "
            "Korean Defence Minister Lee Jong-sup."
        ),
    ),
    news(
        "Contractors named for Danish frigate support sale",
        dt.date(2024, 3, 1),
        (
            "The State Department has approved a possible sale of SM-2 missiles to "
            "Denmark for $280 million.\n"
            "The principal contractors will be Raytheon Company of Tucson, Arizona, and "
            "Thales Air Systems LLC of Limours, France."
        ),
    ),
    news(
        "Senegal takes delivery of patrol vessel",
        dt.date(2023, 5, 3),
        (
            "The patrol vessel was handed over to the Senegalese Navy on Tuesday in the "
            "presence of Oumar Youm, Minister of the Armed Forces of Senegal."
        ),
    ),
    news(
        "Egypt receives its first German submarine",
        dt.date(2016, 12, 12),
        "Egypt has received the first of four German submarines ordered for its navy.",
    ),
    news(
        "Argentina weighs the JF-17",
        dt.date(2023, 4, 5),
        (
            "Argentina could soon buy the JF-17 Thunder fighter jet.\n"
            "Myanmar bought the JF-17 Thunder in 2015."
        ),
    ),
    news(
        "Germany extends Saudi arms ban",
        dt.date(2019, 3, 29),
        (
            "Germany on Thursday extended its ban on arms exports to Saudi Arabia by six "
            "months, a government spokesman said."
        ),
    ),
    news(
        "Peru orders frigates from Korea",
        dt.date(2022, 2, 16),
        ("Peru signed a contract with Hyundai Heavy Industries on Monday to buy two frigates."),
    ),
    news(
        "Iran fires cruise missile in Gulf drill",
        dt.date(2012, 1, 2),
        (
            "Iran test-fired a surface-to-surface cruise missile on Monday during naval "
            "drills near the Strait of Hormuz.\n"
            'State television said the missile, called "Ghader", hit its target.\n'
            "The US Treasury Department sanctioned the Mahan Air company last year."
        ),
    ),
    news(
        "Poland signs armoured vehicle deals",
        dt.date(2023, 9, 4),
        (
            "Poland signed three deals for armoured vehicles on Monday.\n"
            "The deals were called historic by Defence Minister Mariusz Blaszczak."
        ),
    ),
    news(
        "Commerce adds firms to Entity List",
        dt.date(2024, 4, 11),
        (
            '"Those who break our controls will pay a price," said Alan F. Estevez, the '
            "official in charge of export controls."
        ),
    ),
    news(
        "Iraq signs second F-16 contract",
        dt.date(2011, 12, 19),
        (
            "Iraq has signed a contract for a second batch of 18 F-16 jets.\n"
            "Iraq will receive the first jets in 2014, acting Defence Minister Sadoun "
            "al-Dulaimi told reporters in Baghdad.\n"
            "Iraq also signed contracts with Russia this month."
        ),
    ),
    news(
        "New Zealand joins Talisman Sabre",
        dt.date(2015, 7, 6),
        (
            "New Zealand troops joined the Talisman Sabre exercise in Queensland for the "
            "first time on Monday.\n"
            "The biennial exercise of Australia and the United States runs for two weeks."
        ),
    ),
    news(
        "Croatia receives its first Rafale jets",
        dt.date(2024, 4, 25),
        (
            "Croatia took delivery on Thursday of six Rafale jets bought from France.\n"
            "In 2021, Croatia agreed to buy the 12 jets in a deal worth one billion euros."
        ),
    ),
    news(
        "Pakistan names new army chief",
        dt.date(2022, 11, 24),
        (
            "Prime Minister Shehbaz Sharif picked Lt Gen Asim Munir as Pakistan's next army "
            "chief on Thursday.\n"
            "Lt Gen Munir will replace Gen Qamar Javed Bajwa, who retires next week after six "
            "years at the head of the army."
        ),
    ),
    news(
        "Zambia's president replaces service chiefs",
        dt.date(2021, 8, 30),
        (
            "Zambian President Hakainde Hichilema named Dennis Alibuzwi as the new Army "
            "Commander on Sunday.\n"
            "Brigadier General Oscar Nyoni was appointed as Deputy Air Force Commander."
        ),
    ),
    news(
        "Egypt orders K9 howitzers",
        dt.date(2022, 2, 1),
        (
            "Hanwha Defense signed a contract in Cairo on Tuesday to supply K9 howitzers to "
            "Egypt.\n"
            "The signing was attended by Mohamed Zaki, Minister of Defence."
        ),
    ),
    news(
        "Norway orders submarines",
        dt.date(2021, 3, 23),
        "Norway has agreed to order four submarines from Germany's Thyssenkrupp.",
    ),
    news(
        "Romanian defence minister in Chisinau",
        dt.date(2022, 10, 2),
        (
            "On a visit to Chisinau on Saturday, Defence Minister Vasile Dincu met Prime "
            "Minister Natalia Gavrilita and the Moldovan defence minister, Anatolie Nosatii."
        ),
    ),
    news(
        "South Korea sells air defence to the UAE",
        dt.date(2022, 1, 17),
        (
            "South Korea signed a deal on Sunday to sell its Cheongung II surface-to-air "
            "missile system to the United Arab Emirates."
        ),
    ),
    news(
        "EU sanctions Wagner commanders",
        dt.date(2023, 2, 25),
        (
            "The European Union sanctioned the Wagner Group on Saturday because of its human "
            "rights abuses in Africa."
        ),
    ),
    news(
        "Indian minister in Jakarta",
        dt.date(2018, 5, 30),
        (
            "Defence Minister Nirmala Sitharaman arrived in Jakarta on Tuesday.\n"
            "Sitharaman met Indonesian Defence Minister Ryamizard Ryacudu on Wednesday."
        ),
    ),
    news(
        "Kyrgyzstan buys drones",
        dt.date(2021, 10, 23),
        (
            "Kyrgyzstan's security chief announced that Bishkek was procuring Bayraktar "
            "TB2 drones from Turkey and Orlan-10s from Russia."
        ),
    ),
    news(
        "Finland picks David's Sling",
        dt.date(2023, 4, 5),
        (
            "Finland selected Israel's Rafael Advanced Defense Systems to supply a "
            "high-altitude air defence system for 316 million euros."
        ),
    ),
    news(
        "Kuwait signs for Eurofighters",
        dt.date(2016, 4, 6),
        (
            "Kuwait signed a contract for 28 Eurofighter Typhoon jets with Italy on Tuesday.\n"
            "The signing was attended by Leonardo chief executive Mauro Moretti, who signed "
            "for the Italian side, and by Kuwaiti Defence Minister Khaled Al-Jarrah Al-Sabah."
        ),
    ),
    news(
        "Australia gives Papua New Guinea patrol boats",
        dt.date(2018, 11, 20),
        (
            "Australia will give Papua New Guinea four patrol boats, Defence Minister Solan "
            "Mirisim said.\n"
            "Australian Defence Minister Christopher Pyne said the boats would patrol Manus."
        ),
    ),
    news(
        "Black Hawks for Mexico",
        dt.date(2014, 4, 23),
        (
            "The United States approved the sale of 18 UH-60M Black Hawk helicopters to "
            "Mexico.\nThe principal contractors will be Sikorsky and General Electric."
        ),
    ),
]


@pytest.fixture(scope="module")
def answerer(pipeline: Pipeline) -> Iterator[Answerer]:
    store = EmbeddedStore(None)
    ensure_ontology(store)
    summary = Summary()
    for article in ARTICLES:
        ingest_article(store, article, lambda: pipeline, summary)
    yield Answerer(store)
    store.close()


def texts(answerer: Answerer, question: str) -> list[str]:
    return [a["text"] for a in answerer.ask(question)["answers"]]


def test_where_a_missile_was_tested(answerer: Answerer) -> None:
    assert "Plesetsk Cosmodrome" in texts(answerer, "Where was the Sarmat test-launched?")


def test_when_a_missile_was_tested(answerer: Answerer) -> None:
    found = texts(answerer, "When did Russia test the Sarmat?")
    assert any(text.startswith("April 20, 2022") for text in found), found


def test_who_tested_a_missile(answerer: Answerer) -> None:
    assert texts(answerer, "Who tested the Sarmat missile?") == ["Russia"]


def test_what_a_country_tested(answerer: Answerer) -> None:
    assert texts(answerer, "What did Russia test-fire?") == ["RS-28 Sarmat"]


def test_how_many_people_an_entry_ban_covers(answerer: Answerer) -> None:
    found = texts(answerer, "How many Iranian officials did Britain ban from entering?")
    assert [text.split()[0] for text in found] == ["13"]


def test_a_maker_spoken_of_by_description_is_cited_from_that_sentence(
    answerer: Answerer,
) -> None:
    payload = answerer.ask("Which company makes the FA-50?")
    assert [a["text"] for a in payload["answers"]] == ["Korea Aerospace Industries"]
    (evidence,) = payload["answers"][0]["evidence"]
    assert evidence["sentence"].startswith("The South Korean company said")


def test_a_count_the_article_states_is_the_count(answerer: Answerer) -> None:
    # Two of the eight companies are named: counting the facts would say two.
    found = texts(answerer, "How many Iranian companies did Canada sanction?")
    assert [text.split()[0] for text in found] == ["eight"]


def test_who_a_country_sanctioned(answerer: Answerer) -> None:
    assert "Iran" in texts(answerer, "Who did the United Kingdom sanction?")


def test_a_contractor_named_in_full_is_answered_as_named(answerer: Answerer) -> None:
    found = texts(answerer, "Who are the principal contractors for the Danish SM-2 sale?")
    assert "Thales Air Systems" in found
    assert "Thales" not in found


def test_where_a_state_deploys_troops(answerer: Answerer) -> None:
    assert "Lithuania" in texts(answerer, "Where will Germany station troops?")


def test_who_deployed_a_missile(answerer: Answerer) -> None:
    assert texts(answerer, "Who deployed the Iskander?") == ["Russia"]


def test_when_a_deployment_is_due(answerer: Answerer) -> None:
    found = texts(answerer, "When will the German deployment in Lithuania be ready?")
    assert "2027" in found, found


def test_what_happened_does_not_say_when_what_is_to_come_will(answerer: Answerer) -> None:
    assert texts(answerer, "When did Peru buy the frigates?") == ["February 14, 2022 (Monday)"]
    assert texts(answerer, "When will Hyundai Heavy Industries deliver the frigates?") == []
    assert texts(answerer, "When will Peru receive the frigates?") == []


def test_a_body_asked_by_a_noun_it_is_named_with_is_one_named_with_it(
    answerer: Answerer,
) -> None:
    # "Which navy ...": not the armed forces a minister heads in the same sentence.
    assert "Armed Forces" not in texts(answerer, "Which navy received the patrol vessel?")
    assert texts(answerer, "Who is Senegal's minister of the armed forces?") == ["Oumar Youm"]


def test_weapons_unnamed_but_for_their_state_come_from_that_state(answerer: Answerer) -> None:
    assert texts(answerer, "Which country supplied Egypt with submarines?") == ["Germany"]


def test_a_year_asked_is_that_of_the_article_for_what_it_reports_undated(
    answerer: Answerer,
) -> None:
    assert texts(answerer, "Which country supplied Egypt with submarines in 2016?") == ["Germany"]
    assert texts(answerer, "Which country supplied Egypt with submarines in 2019?") == []


def test_what_happened_is_answered_first_by_what_is_told_as_done(answerer: Answerer) -> None:
    assert texts(answerer, "Which countries have bought the JF-17?")[:1] == ["Myanmar"]
    assert texts(answerer, "Which countries could buy the JF-17?")[:1] == ["Argentina"]


def test_the_day_a_span_was_decided_is_not_when_it_ends(answerer: Answerer) -> None:
    question = "When did Germany extend its arms export ban on Saudi Arabia?"
    assert texts(answerer, question) == ["March 28, 2019 (Thursday)"]
    assert texts(answerer, "Until when did Germany extend its arms ban on Saudi Arabia?") == []


def test_which_body_a_state_was_expelled_from(answerer: Answerer) -> None:
    assert texts(answerer, "Which body was Russia expelled from?") == ["Council of Europe"]
    assert texts(answerer, "Which organization expelled Russia?") == ["Council of Europe"]


def test_who_visited_a_capital(answerer: Answerer) -> None:
    assert "Lloyd Austin" in texts(answerer, "Who visited Seoul?")


def test_where_two_people_met_during_a_visit(answerer: Answerer) -> None:
    assert texts(answerer, "Where did Austin meet Lee Jong-sup?") == ["Seoul"]


def test_a_capital_a_weapon_goes_to_is_its_state(answerer: Answerer) -> None:
    interpretation = answerer.ask("Who sells Javelin missiles to Seoul?")["interpretation"]
    assert [e["label"] for e in interpretation["entities"]][-1] == "South Korea"


def test_a_test_of_a_weapon_named_only_later_is_a_test_of_the_weapon_named(
    answerer: Answerer,
) -> None:
    assert texts(answerer, "What is the name of the cruise missile Iran test-fired?") == ["Ghader"]
    assert texts(answerer, "Which missile did Iran test-launch?") == ["Ghader"]


def test_a_ministry_acts_for_its_state(answerer: Answerer) -> None:
    assert texts(answerer, "Whom did the United States sanction?") == ["Mahan Air"]
    # ... but a state does not act for its ministries.
    assert "Mahan Air" not in texts(answerer, "Whom did the US Treasury Department sanction?")[1:]


def test_a_post_told_without_its_state_is_held_where_the_article_is_about(
    answerer: Answerer,
) -> None:
    asked = "What position does Mariusz Blaszczak hold in the Polish government?"
    assert texts(answerer, asked) == ["defence minister"]
    assert texts(answerer, "What position does Mariusz Blaszczak hold in Iran?") == []


def test_a_person_asked_without_the_middle_initial_is_the_one_stored_with_it(
    answerer: Answerer,
) -> None:
    reading = answerer.ask("What did Alan Estevez say?")["interpretation"]
    assert reading["template"] == "statement_by"
    assert texts(answerer, "What did Alan Estevez say?") == [
        "Those who break our controls will pay a price"
    ]


def test_a_post_told_without_its_state_is_held_in_the_state_the_article_is_about(
    answerer: Answerer,
) -> None:
    assert texts(answerer, "Who is Iraq's acting defence minister?") == ["Sadoun al-Dulaimi"]
    # Russia is named too, but the article is not about it: no fact says he is Russia's
    # (the sentence tier may still read him, and says that it did).
    russia = answerer.ask("Who is Russia's acting defence minister?")
    assert not russia["answers"] or russia["interpretation"].get("tier") == "sentence"


def test_a_missile_asked_by_its_class_and_a_place_it_was_tested_near(answerer: Answerer) -> None:
    asked = "Which ICBM did Russia test-launch near the Plesetsk Cosmodrome?"
    assert texts(answerer, asked) == ["RS-28 Sarmat"]


def test_which_exercise_a_state_joined_is_the_named_exercise(answerer: Answerer) -> None:
    assert texts(answerer, "Which exercise did New Zealand join for the first time?") == [
        "Talisman Sabre"
    ]
    assert texts(answerer, "Where is the Talisman Sabre exercise held?") == ["Queensland"]


def test_a_word_joined_by_a_hyphen_is_carried_by_its_parts(answerer: Answerer) -> None:
    payload = answerer.ask("How much was Croatia's 12-jet Rafale deal worth?")
    assert [a["text"] for a in payload["answers"]] == ["one billion euros"]
    assert payload["interpretation"].get("tier") != "sentence"  # the deal's own value


def test_what_is_left_out_is_not_read_from_a_sentence_either(answerer: Answerer) -> None:
    asked = "Which drones did Kyrgyzstan procure from Russia alongside the TB2?"
    assert "Bayraktar TB2 drones" not in texts(answerer, asked)


@pytest.mark.parametrize(
    ("question", "answer"),
    [
        ("Whom will Asim Munir replace?", "Qamar Javed Bajwa"),
        ("Who will Munir succeed as Pakistan's army chief?", "Qamar Javed Bajwa"),
        ("Who is Asim Munir's predecessor?", "Qamar Javed Bajwa"),
        ("Who will replace Qamar Javed Bajwa?", "Asim Munir"),
        ("Who is Bajwa's successor?", "Asim Munir"),
        ("Who takes over from Qamar Javed Bajwa as army chief?", "Asim Munir"),
    ],
)
def test_who_took_a_post_over_from_whom(answerer: Answerer, question: str, answer: str) -> None:
    reading = answerer.ask(question)["interpretation"]
    assert reading["template"] in {"predecessor_of", "successor_of"}, reading
    assert texts(answerer, question) == [answer]


def test_whom_a_president_appointed_to_a_post(answerer: Answerer) -> None:
    asked = "Whom did Zambian President Hakainde Hichilema name as the new Army Commander?"
    assert texts(answerer, asked) == ["Dennis Alibuzwi"]
    assert texts(answerer, "Whom did Hichilema appoint as navy commander?") == []


def test_a_capital_asked_as_where_something_happened_is_named_where_its_state_is(
    answerer: Answerer,
) -> None:
    asked = "Who was Egypt's defence minister at the signing of the K9 contract in Cairo?"
    assert texts(answerer, asked) == ["Mohamed Zaki"]


@pytest.mark.parametrize(
    "question",
    [
        "Which German company will build Norway's new submarines?",
        "Who will build Norway's submarines?",
        "Which company is building submarines for Norway?",
    ],
)
def test_who_builds_what_a_state_acquires_supplies_it(answerer: Answerer, question: str) -> None:
    assert texts(answerer, question) == ["Thyssenkrupp"]


def test_a_state_that_buys_in_a_relative_clause_is_no_owner_of_what_is_built(
    answerer: Answerer,
) -> None:
    """ "the fighters Norway is buying" names a purchase, not whose fighters are built: all
    of Norway's suppliers would answer another question."""
    reading = answerer.ask("Which company makes the submarines Norway is buying?")
    assert reading["interpretation"]["template"] != "supplier_to"


def test_a_post_describing_whom_a_named_person_met_asks_who_was_met(answerer: Answerer) -> None:
    asked = "Which Moldovan leaders did Romanian Defence Minister Vasile Dincu meet in Chisinau?"
    assert set(texts(answerer, asked)) == {"Natalia Gavrilita", "Anatolie Nosatii"}


def test_a_surface_to_air_system_is_a_missile_system_bought_in_the_month_asked(
    answerer: Answerer,
) -> None:
    asked = "What missile system did the UAE agree to buy from South Korea in January 2022?"
    assert texts(answerer, asked) == ["Cheongung"]
    assert texts(answerer, "Which missiles did the UAE buy from South Korea?") == ["Cheongung"]
    later = "What missile system did the UAE agree to buy from South Korea in January 2024?"
    assert texts(answerer, later) == []


def test_a_groups_officials_stand_for_the_group(answerer: Answerer) -> None:
    answers = texts(answerer, "Why did the EU sanction Wagner group officials in Africa?")
    assert answers and "human rights abuses" in answers[0], answers


def test_where_a_meeting_was_need_only_be_named_in_its_article(answerer: Answerer) -> None:
    asked = "Whom did Indian defence minister Nirmala Sitharaman meet in Jakarta?"
    assert texts(answerer, asked) == ["Ryamizard Ryacudu"]
    assert texts(answerer, "Whom did Nirmala Sitharaman meet in Hanoi?") == []


def test_a_deputy_is_not_the_holder_of_the_post_he_deputizes(answerer: Answerer) -> None:
    assert "Oscar Nyoni" not in texts(answerer, "Who is Zambia's Air Force Commander?")
    assert texts(answerer, "Who is Zambia's Deputy Air Force Commander?") == ["Oscar Nyoni"]


def test_whom_a_state_chose_to_supply_it_is_its_supplier(answerer: Answerer) -> None:
    asked = "Which company did Finland select to supply its air defence system?"
    assert texts(answerer, asked) == ["Rafael Advanced Defense Systems"]
    assert texts(answerer, "Which countries does Finland supply?") == []
    assert texts(answerer, "How much is Finland paying for its air defence system?") == [
        "316 million euros"
    ]


def test_a_person_with_another_title_is_no_answer_for_the_title_asked(answerer: Answerer) -> None:
    found = texts(answerer, "Which Italian minister attended the signing of the Eurofighter deal?")
    assert "Mauro Moretti" not in found, found
    asked = "Which Italian official attended the signing of the Eurofighter deal?"
    assert "Mauro Moretti" in texts(answerer, asked)


def test_a_state_named_away_from_the_title_is_not_the_one_whose_post_is_asked(
    answerer: Answerer,
) -> None:
    asked = "Who is the Papua New Guinea defence minister quoted on the boats from Australia?"
    assert texts(answerer, asked) == ["Solan Mirisim"]


def test_a_participle_after_the_noun_asked_describes_it_and_is_not_the_question(
    answerer: Answerer,
) -> None:
    asked = "Who are the principal contractors for the Black Hawks approved for Mexico?"
    reading = answerer.ask(asked)["interpretation"]
    assert reading["template"] != "approver_of_sale_to", reading
    assert texts(answerer, "Who approved the Black Hawk sale to Mexico?") == ["United States"]


@pytest.mark.parametrize("question", ["Who is Mohamed Zaki?", "who is mohamed zaki?"])
def test_who_a_named_person_is_is_the_post_they_hold(answerer: Answerer, question: str) -> None:
    assert answerer.ask(question)["interpretation"]["template"] == "role_of"
    assert any("minister of defence" in t.lower() for t in texts(answerer, question)), texts(
        answerer, question
    )


def test_weapons_an_article_describes_but_does_not_name_answer_what_was_tested_or_bought(
    answerer: Answerer,
) -> None:
    assert texts(answerer, "What did North Korea test-fire?") == [
        "two short-range ballistic missiles"
    ]
    found = texts(answerer, "What weapons is the Philippines buying from Japan?")
    assert found == ["patrol boats and coastal radar systems"], found


def test_a_demonym_on_the_noun_asked_is_the_answers_own_country(answerer: Answerer) -> None:
    found = texts(answerer, "Which American companies did China sanction?")
    assert "Lockheed Martin" in found, found
    assert texts(answerer, "Which Russian companies did China sanction?") == []


def test_which_agreement_was_signed_and_who_signed_it(answerer: Answerer) -> None:
    for question, template in (
        ("What agreement did Japan and the Philippines sign?", "agreements_of"),
        ("Who signed the Reciprocal Access Agreement?", "signatories_of"),
        ("Which country signed a pact with Japan?", "agreement_partners"),
    ):
        assert answerer.ask(question)["interpretation"]["template"] == template, question
    assert texts(answerer, "What agreement did Japan and the Philippines sign?") == [
        "Reciprocal Access Agreement"
    ]
    assert set(texts(answerer, "Who signed the Reciprocal Access Agreement?")) == {
        "Japan",
        "Philippines",
    }
    assert texts(answerer, "Which country signed a pact with Japan?") == ["Philippines"]
