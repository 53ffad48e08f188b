"""Entity linking: which span of the text names which entity.

The sentences are written for these tests; each states a pattern of news English.
"""

from __future__ import annotations

import datetime as dt

import pytest
from rdflib import RDF, RDFS, SKOS, Graph, Literal, URIRef

from kg.articles import Article
from kg.extract import Pipeline
from kg.link import clean_name, guess_type
from kg.nlp import is_designator
from kg.vocab import DD

WHEN = dt.datetime(2026, 1, 1, tzinfo=dt.UTC)


def extracted(pipeline: Pipeline, text: str) -> Graph:
    """The graph extraction makes of one text, published on a fixed day."""
    return pipeline.extract(Article(text=text, date=dt.date(2024, 5, 2)), WHEN)


@pytest.fixture(scope="module")
def entities(pipeline: Pipeline):
    """label -> ontology class local name, for what one text mentions."""

    def run(text: str) -> dict[str, str]:
        g = extracted(pipeline, text)
        return {
            str(label): str(g.value(s, RDF.type)).split("#")[-1]
            for s, label in g.subject_objects(RDFS.label)
            if (URIRef(s), RDF.type, DD.Extractor) not in g
        }

    return run


def test_a_longer_company_name_is_its_own_company(entities) -> None:
    found = entities("The principal contractor will be Thales Air Systems LLC of Paris.")
    assert found.get("Thales Air Systems") == "Company"
    assert "Thales" not in found


def test_a_legal_form_after_a_known_name_is_the_known_company(entities) -> None:
    found = entities("Lockheed Martin Corporation will build the jets, Navantia SA said.")
    assert found.get("Lockheed Martin") == "Company"
    assert found.get("Navantia") == "Company"
    assert not any(label.startswith("Lockheed Martin ") for label in found)


def test_a_known_designator_with_words_of_its_names_is_the_known_weapon(entities) -> None:
    """ "AH-64E Apache": "AH-64E" is a name of the AH-64 and "Apache" a word of its
    names, so it is the AH-64, not a new weapon; an unknown word after it is another."""
    found = entities(
        "Boeing has initiated the production of 24 AH-64E Apache helicopters destined for "
        "the Kingdom of Morocco."
    )
    assert found.get("AH-64 Apache") == "WeaponSystem"
    assert "AH-64E Apache" not in found


def test_a_kind_of_agreement_in_capitals_is_no_organization(entities) -> None:
    """ "the MoU" is a memorandum, not a body named MoU."""
    found = entities(
        "Malaysia and Indonesia signed a memorandum of understanding (MoU). The five key "
        "elements in the MoU include information sharing."
    )
    assert "MoU" not in found
    assert found.get("Malaysia") == "State"


def test_a_title_after_a_company_does_not_lengthen_its_name(entities) -> None:
    found = entities("Lockheed Martin Chief Executive James Taiclet met the minister.")
    assert found.get("Lockheed Martin") == "Company"
    assert found.get("James Taiclet") == "Person"


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("North Korea test-fired a Hwasong-15 missile on Sunday.", "Hwasong-15"),
        ("Pakistan launched Shaheen-II, a surface-to-surface ballistic missile.", "Shaheen-II"),
        ("India tested the Agni-V missile near Odisha.", "Agni-V"),
    ],
)
def test_a_word_and_its_number_written_with_a_weapon_name_one(entities, text, name) -> None:
    assert entities(text).get(name) == "WeaponSystem"


def test_a_word_and_its_number_with_no_weapon_or_with_a_year_name_none(entities) -> None:
    found = entities("Officials discussed the Euro-2024 tournament and the Phase-2 talks.")
    assert "Euro-2024" not in found and "Phase-2" not in found, found


@pytest.mark.parametrize(
    "text",
    [
        "US Secretary of State Mike Pompeo announced the sanctions.",
        "Secretary of Defense Lloyd Austin met the envoy.",
        "Cabinet Secretary for Defence Aden Duale signed the pact.",
        '"We will go on," said David Cohen, Undersecretary for Terrorism and Financial '
        "Intelligence at the Treasury.",
    ],
)
def test_the_portfolio_a_title_is_of_is_no_organization(entities, text: str) -> None:
    found = entities(text)
    assert not {"State", "Defense", "Terrorism"} & set(found), found


@pytest.mark.parametrize(
    ("text", "label"),
    [
        (
            "Japan will buy two Arleigh Burke class guided-missile destroyers.",
            "Arleigh Burke-class destroyer",
        ),
        ("The navy retired its last Hobart-class air warfare destroyers.", "Hobart-class"),
        ("Two Ohio class ballistic missile submarines docked in Guam.", "Ohio-class"),
    ],
)
def test_a_named_class_of_vessels_is_a_weapon_system(entities, text: str, label: str) -> None:
    found = entities(text)
    assert found.get(label) == "WeaponSystem", found
    assert "Ohio" not in found and "Hobart" not in found  # not the state, not the city


def test_a_class_without_a_vessel_after_it_is_no_weapon(entities) -> None:
    found = entities("Officials praised the World Class training given to Kenyan cadets.")
    assert not any(cls == "WeaponSystem" for cls in found.values()), found


@pytest.mark.parametrize("text", ["SSN-AUKUS", "SSN-774", "DDG-1000", "S-400", "F-35A", "MBT-2000"])
def test_hull_classifications_and_model_designators_name_weapons(text: str) -> None:
    assert is_designator(text)


@pytest.mark.parametrize("text", ["COVID-19", "G-20", "USA-UK", "SSN", "Vision-2030"])
def test_other_hyphenated_codes_are_not_weapons(text: str) -> None:
    assert not is_designator(text)


def test_a_hull_classification_in_text_is_a_weapon_system(entities) -> None:
    found = entities("The first SSN-AUKUS boats and the DDG-1000 destroyers were discussed.")
    assert found.get("SSN-AUKUS") == "WeaponSystem"
    assert found.get("DDG-1000") == "WeaponSystem"


@pytest.mark.parametrize(
    ("text", "label"),
    [
        ("US jets flew from Incirlik Air Base on Monday.", "Incirlik Air Base"),
        ("The rocket lifted off from the Plesetsk Cosmodrome.", "Plesetsk Cosmodrome"),
        ("Troops trained at White Sands Missile Range in May.", "White Sands Missile Range"),
    ],
)
def test_military_facilities_are_places(entities, text: str, label: str) -> None:
    assert entities(text).get(label) == "Place"


def test_a_facility_word_alone_is_no_place(entities) -> None:
    found = entities("The Air Force Base was closed, the Pentagon said.")
    assert not any("Base" in label for label in found), found


def test_a_lowercase_description_is_not_an_entity(entities) -> None:
    found = entities("A Chinese foreign ministry spokesman said Japan should reflect.")
    assert "foreign ministry" not in found
    assert found.get("China") == "State"


def test_a_headline_that_counts_things_names_nothing(entities) -> None:
    found = entities("US Slaps Sanctions On 3 Defense Contractors\n\nThe firms denied it.")
    assert not any("Contractors" in label for label in found), found
    assert clean_name("Three Chinese Firms") == ""
    assert clean_name("Five Eyes") == "Five Eyes"  # one word after the number may be a name
    assert clean_name("3M") == "3M"


@pytest.mark.parametrize(
    ("text", "label"),
    [
        ("The parts were unloaded at Shayrat air base near Homs.", "Shayrat air base"),
        ("Chinese warships use the Ream naval base in Cambodia.", "Ream naval base"),
    ],
)
def test_a_base_named_with_its_kind_in_lower_case_is_a_place(entities, text, label) -> None:
    assert entities(text).get(label) == "Place"


def test_a_base_described_by_its_country_is_no_name(entities) -> None:
    found = entities("The jets flew from a Russian air base in Syria.")
    assert not any("base" in name for name in found), found


def test_designators_in_the_plural_name_the_weapon(entities) -> None:
    found = entities("Turkey bought S-400s from Russia; Poland wants more F-35s and KF-99s.")
    assert {"S-400", "F-35", "KF-99"} <= set(found)
    assert not any(label.endswith("s") and "-" in label for label in found), found


@pytest.mark.parametrize("text", ["G-20s", "COVID-19s"])
def test_plural_codes_that_are_not_weapons_stay_out(text: str) -> None:
    assert not is_designator(text)


def test_the_normal_forms_documented_in_kg_text_hold() -> None:
    import doctest

    import kg.text

    assert doctest.testmod(kg.text).failed == 0


def test_every_use_of_an_acronym_the_article_defined_mentions_its_entity(
    pipeline: Pipeline,
) -> None:
    text = (
        "Norway and Sweden signed the Nordic Arms Procurement Agreement (NAPA) on Monday. "
        "Officials said NAPA would cut costs for both armies."
    )
    g = extracted(pipeline, text)
    (agreement,) = [s for s, o in g.subject_objects(RDFS.label) if "Procurement" in str(o)]
    assert (URIRef(agreement), RDF.type, DD.LegalInstrument) in g
    sentences = {str(g.value(s, DD.text)) for s in g.objects(agreement, DD.mentionedIn)}
    assert any(t.startswith("Officials said NAPA") for t in sentences), sentences
    assert "NAPA" in {str(o) for o in g.objects(agreement, SKOS.altLabel)}


def test_a_warship_is_named_by_its_prefix_and_the_words_after_it(entities) -> None:
    found = entities("The USS Dewey and the Australian frigate HMAS Toowoomba sailed together.")
    assert found.get("USS Dewey") == "WeaponSystem"
    assert found.get("HMAS Toowoomba") == "WeaponSystem"


def test_a_place_name_cut_at_of_is_joined_again(entities) -> None:
    found = entities("The frigates trained in the Bay of Bengal on Saturday.")
    assert found.get("Bay of Bengal") == "Place", found
    assert "Bengal" not in found


def test_a_surname_the_model_reads_as_a_company_or_a_place_is_the_person_named_before(
    entities,
) -> None:
    found = entities(
        "US President Donald Trump met Jens Stoltenberg in London. Separately, Trump "
        "spoke to reporters, and Stoltenberg said the allies agreed."
    )
    assert found.get("Donald Trump") == "Person" and found.get("Jens Stoltenberg") == "Person"
    assert "Trump" not in found and "Stoltenberg" not in found, found


def test_a_surname_the_model_took_for_no_name_is_the_person_named_before(
    pipeline: Pipeline,
) -> None:
    text = (
        "Prime Minister Narendra Modi wrapped up a two-day visit. PM Modi met Secretary of "
        "Defense Jim Mattis before his meeting with the president. Mattis said little."
    )
    doc = pipeline.nlp(text)
    mentions = {(m.text, m.entity.label) for m in pipeline.linker.link(doc, [0] * len(doc))}
    assert {("PM Modi", "Narendra Modi"), ("Modi", "Narendra Modi")} & mentions, mentions
    assert ("Mattis", "Jim Mattis") in mentions, mentions


def test_a_name_people_go_by_first_is_the_one_person_it_begins(pipeline: Pipeline) -> None:
    text = "Prime Minister Prayut Chan-o-cha spoke on Monday. Gen Prayut said he was prepared."
    g = extracted(pipeline, text)
    labels = {str(label) for s, label in g.subject_objects(RDFS.label)}
    assert "Prayut" not in labels and "Prayut Chan-o-cha" in labels, labels


def test_a_generic_name_is_not_a_longer_known_name_by_fuzzy_match(entities) -> None:
    found = entities("India's Ministry of Defence said it had signed a contract.")
    assert "UK Ministry of Defence" not in found, found


def test_a_short_name_read_before_the_full_one_is_known_is_that_person_or_ship(
    entities,
) -> None:
    found = entities(
        "The USS Dewey sailed on Monday, fleet spokesman Lt. Mark Ortega told reporters. "
        "The Dewey will call at Chennai, Ortega said."
    )
    assert found.get("USS Dewey") == "WeaponSystem" and "Dewey" not in found, found
    assert found.get("Mark Ortega") == "Person" and "Ortega" not in found, found


def test_a_whole_title_defined_with_an_acronym_is_no_organization(entities) -> None:
    found = entities("Gen Manoj Naravane will take over as the 28th Chief of Army Staff (COAS).")
    assert "Chief of Army Staff" not in found and "COAS" not in found, found


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Kenya's Cabinet Secretary for Defence, Aden Duale, signed the pact.", "Aden Duale"),
        ("Buhari appointed Major-General Leo Irabor as Chief of Defence Staff.", "Leo Irabor"),
        ("The pact was signed by the head of DICON, Maj.-Gen. Victor Ezugwu.", "Victor Ezugwu"),
        ("They are Rear Admiral A.Z Gambo, Chief of Naval Staff, and others.", "A.Z Gambo"),
        ("The ceremony was attended by Admiral Abdou Sene - Chief of Staff.", "Abdou Sene"),
        ("It was attended by Admiral Oumar Wade - Private Chief of Staff.", "Oumar Wade"),
        ("Gilbert “Gibo” Teodoro was named defense secretary.", "Gilbert “Gibo” Teodoro"),
        ("Ahmet Demirok, Turkey’s ambassador to Qatar, told Reuters of the plan.", "Ahmet Demirok"),
        ("DRDO chairman Dr G Satheesh Reddy praised the team.", "G Satheesh Reddy"),
        ("They also targeted a Myanmar national Tun Min Latt and his wife.", "Tun Min Latt"),
        (
            'He said "the Minister of State for Defence, Dr. Olusola Obada, sought it."',
            "Olusola Obada",
        ),
    ],
)
def test_a_name_after_a_post_only_a_person_holds_is_a_person(entities, text, name) -> None:
    assert entities(text).get(name) == "Person", entities(text)


def test_a_national_of_a_state_is_a_person_only_with_a_name(entities) -> None:
    found = entities("A Chinese national said the national security law applies.")
    assert set(found) == {"China"}, found


def test_a_name_after_a_post_and_before_a_body_noun_is_no_person(entities) -> None:
    found = entities(
        "Mazhar Jamil, Director General Strategic Plans division said the missile is accurate."
    )
    assert found.get("Mazhar Jamil") == "Person", found
    assert found.get("Strategic Plans") != "Person", found


def test_a_post_written_in_capitals_is_no_organization(entities) -> None:
    found = entities(
        "The Cabinet created the post of Chief of Defence Staff (CDS), who will be the "
        "Principal Military Adviser to the minister."
    )
    assert not any("Chief of Defence Staff" in name or "Adviser" in name for name in found), found


def test_an_acronym_of_a_weapons_description_is_no_organization(entities) -> None:
    found = entities(
        "Chile bought F-16 Mid-life Upgrade (MLU) fighters, and Nigeria's Defence Industries "
        "Corporation of Nigeria (DICON) builds Mines Resistant Ambush Protected (MRAP) vehicles."
    )
    assert "MLU" not in found and "MRAP" not in found, found


def test_a_plural_title_in_capitals_is_no_organization(entities) -> None:
    found = entities("The when is what Ministers will discuss in Tallinn.")
    assert "Ministers" not in found, found


def test_a_date_before_a_post_is_no_name(entities) -> None:
    found = entities("In June, Defence Minister Ben Wallace said the licences were suspended.")
    assert "In June" not in found and found.get("Ben Wallace") == "Person", found


def test_a_body_after_a_post_stays_a_body(entities) -> None:
    found = entities("General Dynamics Land Systems will build the vehicles.")
    assert found.get("General Dynamics Land Systems") == "Company", found


def test_a_name_described_as_a_company_is_a_company(entities) -> None:
    found = entities(
        "Kenya bought armoured vehicles from Katmerciler, an Izmir-based manufacturer."
    )
    assert found.get("Katmerciler") == "Company", found


def test_a_name_right_after_a_company_noun_is_a_company(entities) -> None:
    found = entities("Washington blacklisted the dealers and their company Dynasty International.")
    assert found.get("Dynasty International") == "Company", found


def test_a_capitalized_word_counted_with_a_kind_of_weapon_is_its_model(entities) -> None:
    found = entities("Kenya has bought 118 Hizir armoured vehicles.")
    assert found.get("Hizir") == "WeaponSystem", found
    versioned = entities("Estonia ordered 12 Caesar Mark II wheeled artillery guns.")
    assert versioned.get("Caesar Mark II") == "WeaponSystem", versioned
    others = entities("Russia sold two Russian helicopters and six Navy ships in 2019.")
    assert not {n for n, kind in others.items() if kind == "WeaponSystem"}, others


def test_a_maker_with_a_model_number_names_one_model(entities) -> None:
    found = entities("The Philippines agreed to buy 16 Bell 412 EPI utility helicopters.")
    assert found.get("Bell 412 EPI") == "WeaponSystem", found
    assert "EPI" not in found  # the version is no name of its own
    years = entities("Boeing 2023 revenue grew as Boeing delivered jets.")
    assert not {n for n, kind in years.items() if kind == "WeaponSystem"}, years


@pytest.mark.parametrize(
    ("text", "weapon"),
    [
        ("The Shaheen III missile was launched from a mobile launcher.", "Shaheen III"),
        ("It launched an RS-24M Yars missile from Plesetsk.", "RS-24M Yars"),
        ('The state agency said the missile had been named the "Fateh", after a battle.', "Fateh"),
        ("The new drone, dubbed Kargu, was shown at the fair.", "Kargu"),
    ],
)
def test_weapons_are_named_as_news_names_them_beside_their_kind(entities, text, weapon) -> None:
    found = entities(text)
    assert found.get(weapon) == "WeaponSystem", found


@pytest.mark.parametrize(
    "text",
    [
        "Veterans of World War II watched the missile parade.",
        "King Abdullah II inspected the new tanks.",
        "The destroyer was named after Admiral Nakhimov.",
    ],
)
def test_a_numbered_title_or_a_namesake_is_no_weapon(entities, text) -> None:
    found = entities(text)
    assert not {n for n, kind in found.items() if kind == "WeaponSystem"}, found


def test_a_surname_of_several_words_is_the_person_named_in_full(entities) -> None:
    found = entities(
        "Secretary of the Navy Carlos Del Toro led the delegation. Secretary Del Toro met "
        "the minister."
    )
    assert found.get("Carlos Del Toro") == "Person"
    assert "Del Toro" not in found, found


def test_a_name_with_a_surname_left_out_is_the_person_named_in_full(entities) -> None:
    """Spanish names carry two surnames, of which news often writes only the first; a
    middle initial and a suffix are often left out too."""
    found = entities(
        "General Pedro Varela to lead the army. President Gabriel Boric appointed Major "
        "General Pedro Varela Sabando as army chief. Gilberto C. Teodoro Jr. was there, and "
        "Gilberto Teodoro spoke."
    )
    assert found.get("Pedro Varela Sabando") == "Person" and "Pedro Varela" not in found, found
    assert "Gilberto Teodoro" not in found, found


def test_a_title_read_into_a_name_is_no_part_of_it(entities) -> None:
    found = entities(
        "Defense Minister Krasimir Karakachanov said the jets would arrive. Iran's Defence "
        "Minister, Gen Amir Hatami, spoke too, as did Smt Nirmala Sitharaman."
    )
    assert found.get("Krasimir Karakachanov") == "Person", found
    assert found.get("Nirmala Sitharaman") == "Person", found
    assert not any("Minister" in name for name in found), found


def test_states_in_a_group_of_states_is_no_country(entities) -> None:
    found = entities("The Baltic States plan to buy HIMARS, as do the Gulf States.")
    assert "United States" not in found, found


@pytest.mark.parametrize(
    "name",
    ["Dragonfly Supply Chain", "Nanjing Precision Machinery", "Apex Trading", "Karachi Works"],
)
def test_an_unknown_organization_named_as_a_business_is_a_company(name: str) -> None:
    assert guess_type("ORG", name) == DD.Company
    assert guess_type("ORG", f"{name} Agency") == DD.GovernmentBody


@pytest.mark.parametrize(
    ("text", "exercise"),
    [
        ("Thailand and the United States opened the Cobra Gold exercise.", "Cobra Gold"),
        ("New Zealand joined Exercise Talisman Sabre 2015.", "Talisman Sabre 2015"),
        ("India and Japan began the Malabar naval drills in the Bay of Bengal.", "Malabar"),
        ("The navies held the ASEAN Solidarity Exercise near Natuna.", "ASEAN Solidarity Exercise"),
        ("Georgia hosts the Noble Partner multinational defence exercise.", "Noble Partner"),
        # a name after the noun, quoted or after a verb of naming
        ("The launch was part of the military exercise “Ex INDUS,” the army said.", "Ex INDUS"),
        ("The exercises are named Birlestik-2024, meaning alliance.", "Birlestik-2024"),
        ("China and Russia began naval drills dubbed Joint Sea on Monday.", "Joint Sea"),
        (
            "Seoul and Washington began their war games, codenamed Ulchi Freedom Guardian.",
            "Ulchi Freedom Guardian",
        ),
        # a quoted name after a verb of naming, whole, in whatever words it is written
        (
            "The Guards began a naval exercise, codenamed 'Payambar-e Azam 9' in the Gulf.",
            "Payambar-e Azam 9",
        ),
        # a quoted name before the noun
        (
            "Cambodia and China began their annual joint “Golden Dragon” military exercise.",
            "Golden Dragon",
        ),
    ],
)
def test_an_exercise_is_named_by_the_words_written_with_it(entities, text, exercise) -> None:
    assert entities(text).get(exercise) == "ExerciseSeries"


@pytest.mark.parametrize(
    "text",
    [
        "Russia and China held joint naval exercises.",
        "US-Philippine drills began on Monday.",
        "Noble Partner: Defence exercise to involve more nations",
        "The exercise, called off last week, was to be held in May.",
        "He called the exercise 'a rehearsal for invasion' on Monday.",
        "The Asian Games, dubbed Hangzhou 2022, opened on Saturday.",
        "Iran's Guards Hold Missile, Drone Drill",  # a headline's capitals: a kind, no name
    ],
)
def test_who_holds_an_exercise_does_not_name_it(entities, text) -> None:
    assert "ExerciseSeries" not in entities(text).values()


def test_a_word_that_points_at_an_exercise_does_not_name_it(entities) -> None:
    found = entities('"This exercise is very important to the navy," the admiral said.')
    assert "ExerciseSeries" not in found.values(), found


def test_a_body_named_by_the_tail_of_a_name_written_in_full_is_that_body(entities) -> None:
    found = entities(
        "The Russian Defense Ministry said it launched a Topol missile. Defense Ministry "
        "spokesman Igor Yegorov said the test succeeded."
    )
    assert found.get("Russian Ministry of Defence") == "GovernmentBody", found
    assert "Defense Ministry" not in found, found


def test_the_kingdom_alone_names_no_place() -> None:
    assert clean_name("the Kingdom") == ""
    assert clean_name("United Kingdom") == "United Kingdom"


def test_a_designator_without_its_hyphen_is_a_weapon_only_beside_a_kind_of_weapon(
    entities,
) -> None:
    assert entities("Kazakhstan will buy 20 EC725 helicopters.").get("EC725") == "WeaponSystem"
    assert "WeaponSystem" not in entities("Leaders met at the G7 summit in Italy.").values()


@pytest.mark.parametrize(
    "text",
    [
        "Both frigates were retired last year and Defense has been examining options.",
        "The outgoing Chief of Air Staff, Air Vice Marshall Adesola Amosu, left office.",
    ],
)
def test_a_word_posts_are_made_of_names_no_body_by_itself(entities, text) -> None:
    """Else "Defense" would be an entity, and "Defense Minister" in a question its
    minister."""
    found = entities(text)
    assert not {"Defense", "Air"} & set(found), found


def test_a_sea_or_strait_of_a_name_is_one_place_not_the_state(entities) -> None:
    found = entities("Iran, Russia and China held drills in the Gulf of Oman.")
    assert found.get("Gulf of Oman") == "Place" and "Oman" not in found, found


def test_an_exercise_named_with_its_year_joined_is_named_whole(entities) -> None:
    found = entities("They began the Security Belt-2023 joint maritime exercises on Wednesday.")
    assert found.get("Security Belt-2023") == "ExerciseSeries", found


def test_a_weapons_one_word_name_after_a_given_name_is_a_surname(entities) -> None:
    found = entities("Baykar CEO Haluk Bayraktar said it was the biggest export contract.")
    assert found.get("Haluk Bayraktar") == "Person", found
    assert "WeaponSystem" not in found.values(), found


@pytest.mark.parametrize(
    "text", ["Ukraine used Turkish Bayraktar drones.", "Poland bought the Bayraktar in 2021."]
)
def test_a_weapons_one_word_name_with_no_given_name_is_the_weapon(entities, text) -> None:
    assert "WeaponSystem" in entities(text).values()


def test_a_body_known_as_one_states_is_anothers_when_that_state_is_written_before_it(
    pipeline: Pipeline,
) -> None:
    """Every state has a defense department: the unqualified name is the U.S. one, "the
    Australian Defense Department" Australia's."""
    g = extracted(
        pipeline,
        "The Australian Defense Department declined to comment. "
        "The Defense Department in Washington said the sale went ahead.",
    )
    countries = {
        str(g.value(body, RDFS.label)): g.value(body, DD.country)
        for body in g.subjects(RDF.type, DD.GovernmentBody)
    }
    assert countries == {
        "Australian Defense Department": URIRef("https://w3id.org/attache/resource/australia"),
        "U.S. Department of Defense": URIRef("https://w3id.org/attache/resource/united-states"),
    }


def test_a_name_before_based_is_a_place(entities) -> None:
    found = entities("The rockets are produced by Nagpur-based Solar Industries.")
    assert found.get("Nagpur") == "Place"
    assert found.get("Solar Industries") == "Company"


def test_a_states_name_inside_a_firms_name_is_part_of_the_firm(entities) -> None:
    found = entities("The shells are made by government-owned Munitions India Limited.")
    assert found.get("Munitions India Limited") == "Company"
    assert found.get("India") == "State"  # and the state is written there too


def test_a_firm_named_with_a_state_is_that_states(pipeline: Pipeline) -> None:
    g = extracted(pipeline, "Sanctions hit the Venezuelan Military Industries Company.")
    (firm,) = g.subjects(RDFS.label, Literal("Venezuelan Military Industries Company", lang="en"))
    assert g.value(firm, DD.country) == URIRef("https://w3id.org/attache/resource/venezuela")


def test_a_bare_place_word_is_no_place_and_the_south_is_the_states_half_name(
    pipeline: Pipeline,
) -> None:
    g = extracted(
        pipeline,
        "South Korea test-fired a missile that can reach all of North Korea. It is key to the "
        "South's defense. India handed a Dornier aircraft to the Island nation's Navy.",
    )
    places = {str(g.value(p, RDFS.label)) for p in g.subjects(RDF.type, DD.Place)}
    assert not places & {"South", "Island"}
    south = URIRef("https://w3id.org/attache/resource/south-korea")
    assert len(set(g.objects(south, DD.mentionedIn))) == 2  # the first sentence and "the South"


def test_a_name_with_a_word_in_capitals_is_no_persons(entities) -> None:
    """ "Huazhong CNC" is read as a person's name by the parser; a word in capitals
    beside others is an acronym, which a firm's or a body's name has and a person's
    does not (a Roman numeral is a person's: "Charles III")."""
    found = entities(
        "The United States imposed sanctions on China Xinshidai Company and Huazhong CNC. "
        "King Charles III met Mohammed bin Salman."
    )
    assert found["Huazhong CNC"] != "Person"
    assert found["Charles III"] == "Person"


def test_a_states_adjective_in_a_regions_is_no_mention_of_the_state(entities) -> None:
    """ "South American", "Latin America", "Northern Ireland" hold a state's adjective or
    name inside a region's; "South African", "North Korea" are known whole."""
    found = entities(
        "The South American nation will buy 24 jets. Latin American governments met in "
        "Northern Ireland. South African and North Korean officials met American diplomats."
    )
    assert "Ireland" not in found
    assert {label for label, kind in found.items() if kind == "State"} == {
        "United States",
        "South Africa",
        "North Korea",
    }


def test_every_dangling_word_is_cut_from_the_end_of_a_name(entities) -> None:
    """ "the Ministry of National Defense of the People's Republic of China": the state's
    name, read on its own, leaves "of the" behind the ministry's."""
    assert clean_name("the Ministry of National Defense of the") == "Ministry of National Defense"
    found = entities(
        "The drills were announced by the Ministry of National Defense of the People's "
        "Republic of China."
    )
    assert not any(label.endswith((" of", " the")) for label in found), found


@pytest.mark.parametrize(
    ("label", "name"),
    [
        ("ORG", "Reciprocal Access Agreement"),
        ("GPE", "Liptako-Gourma Charter"),
        ("PERSON", "Camp David Accord"),
    ],
)
def test_a_name_ending_in_a_word_for_a_law_is_a_legal_instrument_whatever_the_model_said(
    label: str, name: str
) -> None:
    assert guess_type(label, name) == DD.LegalInstrument


def test_a_name_after_a_persons_style_is_a_person_with_its_surname_in_capitals(
    entities,
) -> None:
    """French usage writes surnames in capitals: after "Mr" it is a person, not a firm."""
    found = entities(
        "The investment was made at the initiative of His Excellency Mr Macky SALL, "
        "President of the Republic."
    )
    assert found.get("Macky SALL") == "Person", found


def test_a_name_written_the_x_shipyard_is_a_place_not_a_person(entities) -> None:
    found = entities(
        "The submarine was christened at a ceremony at the Kiel shipyard in the presence of "
        "Defence Minister Boris Pistorius."
    )
    assert found.get("Kiel") == "Place", found
