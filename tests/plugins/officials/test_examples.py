"""The officials plugin on sentences written for these tests, one pattern at a time.

Mentions are checked straight from the plugin; people (each official once,
with country from context) through a pipeline with the officials, places and
resolve plugins.
"""

from __future__ import annotations

import pytest

import bilatx
import bilatx_officials
import bilatx_places
import bilatx_resolve
from bilatx.testing import check_mentions, pipeline_with

PIPELINE = pipeline_with(bilatx_officials, bilatx_places, bilatx_resolve)


def mentions(text: str) -> list[bilatx.OfficialMention]:
    doc = bilatx.Document(text=text)
    found = bilatx_officials.bilatx_extract_officials(doc=doc)
    check_mentions(found, doc)
    return found


def people(text: str) -> tuple[bilatx.Official, ...]:
    return PIPELINE.extract(text).officials


def only(text: str) -> bilatx.Official:
    found = people(text)
    assert len(found) == 1, found
    return found[0]


def triple(person: bilatx.Official) -> tuple[str, str | None, str | None]:
    return person.name, person.title, person.country


# ------------------------------------------------------------ title before name


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Kenyan Trade Minister Amara Okafor opened the fair on Tuesday.",
            ("Amara Okafor", "Trade Minister", "KEN"),
        ),
        (
            "Brazil's Foreign Minister Tomas Lindqvist arrived late.",
            ("Tomas Lindqvist", "Foreign Minister", "BRA"),
        ),
        (
            "U.S. Secretary of State Lena Voss spoke first.",
            ("Lena Voss", "Secretary of State", "USA"),
        ),
        (
            "Saudi Crown Prince Faisal bin Khalid received the delegation.",
            ("Faisal bin Khalid", "Crown Prince", "SAU"),
        ),
        (
            "Norwegian Deputy Prime Minister Sven Brennan left for Oslo.",
            ("Sven Brennan", "Deputy Prime Minister", "NOR"),
        ),
        (
            "South Korea's Finance Minister Park Min-jae flew in overnight.",
            ("Park Min-jae", "Finance Minister", "KOR"),
        ),
        (
            "Polish deputy foreign trade minister Dmitri Kowalski disagreed.",
            ("Dmitri Kowalski", "deputy foreign trade minister", "POL"),
        ),
        (
            "Japanese Minister for Foreign Affairs Takeda Hana met reporters.",
            ("Takeda Hana", "Minister for Foreign Affairs", "JPN"),
        ),
        (
            "South African President Amara Okafor opened the summit.",
            ("Amara Okafor", "President", "ZAF"),
        ),
        (
            "New Zealand trade minister Mateo Haddad was optimistic.",
            ("Mateo Haddad", "trade minister", "NZL"),
        ),
        (
            "Soviet first deputy prime minister Yusuf Petrova ended his visit.",
            ("Yusuf Petrova", "first deputy prime minister", "SUN"),
        ),
    ],
)
def test_title_before_name_gives_name_title_and_country(
    text: str, expected: tuple[str, str, str]
) -> None:
    assert triple(only(text)) == expected


def test_surnames_follow_each_naming_convention() -> None:
    found = {m.name: m.surname for m in mentions(
        "Chinese Premier Zhao Mingyu greeted Saudi Crown Prince Faisal bin Khalid, "
        "Vietnamese President Nguyen Van Thanh and Brazilian President Ana Lucia da Costa."
    )}  # fmt: skip
    assert found == {
        "Zhao Mingyu": "Zhao",
        "Faisal bin Khalid": "bin Khalid",
        "Nguyen Van Thanh": "Nguyen",
        "Ana Lucia da Costa": "da Costa",
    }


@pytest.mark.parametrize(
    ("name", "surname"),
    [
        ("Lee Hsien Loong", "Lee"),
        ("Goh Chok Tong", "Goh"),
        ("Tsai Ing-wen", "Tsai"),
        ("Lee Anne Smith", "Smith"),
    ],
)
def test_chinese_names_with_a_given_name_of_two_syllables(name: str, surname: str) -> None:
    (found,) = mentions(f"Prime Minister {name} spoke.")
    assert (found.name, found.surname) == (name, surname)


def test_a_word_used_alone_later_is_the_surname() -> None:
    text = "Japanese Prime Minister Takeda Hana spoke. Later, Prime Minister Takeda left."
    assert {m.surname for m in mentions(text)} == {"Takeda"}


def test_complement_and_name_are_told_apart() -> None:
    text = (
        "Special Envoy for Climate, Oceans, and Energy Ingrid Haddad and "
        "Minister of State for External Affairs R. Iyer signed the note."
    )
    found = [(m.name, m.title) for m in mentions(text)]
    assert found == [
        ("Ingrid Haddad", "Special Envoy for Climate, Oceans, and Energy"),
        ("R. Iyer", "Minister of State for External Affairs"),
    ]


def test_country_after_the_name() -> None:
    person = only("Prime Minister Ravi Raman of India met the press in the capital.")
    assert triple(person) == ("Ravi Raman", "Prime Minister", "IND")


def test_region_stays_in_the_title_and_gives_the_country() -> None:
    assert triple(only("Alberta Premier Sven Novak agreed.")) == (
        "Sven Novak",
        "Alberta Premier",
        "CAN",
    )


def test_a_state_after_the_office_stays_in_the_title() -> None:
    assert triple(only("Chief Minister of Tamil Nadu Ravi Raman inaugurated it.")) == (
        "Ravi Raman",
        "Chief Minister of Tamil Nadu",
        "IND",
    )


def test_party_adjective_gives_the_country_but_not_the_title() -> None:
    assert triple(only("That bill came from Republican Senator Mateo Brennan, he said.")) == (
        "Mateo Brennan",
        "Senator",
        "USA",
    )


def test_agency_before_the_title_gives_the_country() -> None:
    assert triple(only("NASA Administrator Leila Mensah signed it.")) == (
        "Leila Mensah",
        "NASA Administrator",
        "USA",
    )


def test_organisation_qualifier_gives_its_code() -> None:
    person = only("European Community (EC) commissioner Hana Lindqvist told reporters.")
    assert triple(person) == ("Hana Lindqvist", "commissioner", "EC")


def test_coordinated_offices_keep_the_last() -> None:
    person = only(
        "Chinese Communist Party Politburo Member and Director of the Office of the "
        "National Security Commission Wei Dongsheng spoke by phone."
    )
    assert triple(person) == (
        "Wei Dongsheng",
        "Director of the Office of the National Security Commission",
        "CHN",
    )


def test_plural_title_gives_each_person_the_office() -> None:
    text = "Kenyan President Amara Okafor met Brazilian President Ravi Voss. "
    text += "Presidents Okafor and Voss then spoke."
    assert {(p.surname, p.title) for p in people(text)} == {
        ("Okafor", "President"),
        ("Voss", "President"),
    }


def test_bracketed_title_with_the_surname_outside() -> None:
    found = mentions("Officials said (Prime Minister Kwame) Mensah would decide.")
    assert [(m.name, m.title) for m in found] == [("Kwame Mensah", "Prime Minister")]


# ---------------------------------------------------------------- appositions


def test_name_then_title_apposition() -> None:
    text = "Dmitri Petrova, Russia's Deputy Prime Minister, said the plant would open."
    assert triple(only(text)) == ("Dmitri Petrova", "Deputy Prime Minister", "RUS")


@pytest.mark.parametrize("verb", ["said", "told Reuters", "added"])
def test_the_earlier_unnamed_source_after_a_name_is_not_its_title(verb: str) -> None:
    text = (
        "A ministry spokesman gave no figures. The pact was signed by Trade Minister "
        f"Amara Okafor and Ravi Mensah, the spokesman {verb}."
    )
    assert [(p.name, p.title) for p in people(text)] == [("Amara Okafor", "Trade Minister")]


@pytest.mark.parametrize(
    "text",
    [
        "A ministry spokesman gave no figures. Ravi Mensah, the spokesman, said more.",
        "Ravi Mensah, the spokesman said, would brief the press on Monday.",
    ],
)
def test_a_spokesman_apposition_still_names_the_spokesman(text: str) -> None:
    assert [(p.name, p.title) for p in people(text)] == [("Ravi Mensah", "spokesman")]


@pytest.mark.parametrize(
    ("text", "title"),
    [
        ("Kenyan Vice-Foreign Minister Amara Okafor arrived.", "Vice Foreign Minister"),
        ("Kenyan vice-minister of finance Amara Okafor arrived.", "vice minister of finance"),
        ("Vice-President Amara Okafor of Kenya arrived.", "Vice President"),
    ],
)
def test_a_hyphenated_vice_office(text: str, title: str) -> None:
    assert triple(only(text)) == ("Amara Okafor", title, "KEN")


def test_a_peoples_body_after_an_office_is_not_a_name() -> None:
    text = "Amara Okafor, vice-chairperson of the Committee of the Kenyan People's Congress, spoke."
    assert "People" not in [m.surname for m in mentions(text)]


@pytest.mark.parametrize(
    ("text", "name", "title"),
    [
        (
            "Under Secretary of State Victoria Lund met him.",
            "Victoria Lund",
            "Under Secretary of State",
        ),
        ("Governor of Victoria Daniel Okafor met him.", "Daniel Okafor", "Governor of Victoria"),
    ],
)
def test_a_given_name_that_is_also_a_region(text: str, name: str, title: str) -> None:
    assert [(m.name, m.title) for m in mentions(text)] == [(name, title)]


def test_chancellor_of_the_exchequer_before_the_name() -> None:
    person = only("Chancellor of the Exchequer Ravi Mensah warned of a trade war.")
    assert triple(person) == ("Ravi Mensah", "Chancellor of the Exchequer", "GBR")


@pytest.mark.parametrize(
    ("text", "surname"),
    [
        ("Belgian Foreign Minister Karel De Vos arrived.", "De Vos"),
        ("Dutch Trade Minister Anna Van Dijk arrived.", "Van Dijk"),
        ("Italian Foreign Minister Marco Di Stefano arrived.", "Di Stefano"),
        ("Vietnamese Deputy Foreign Minister Nguyen Van Minh arrived.", "Nguyen"),
    ],
)
def test_a_capitalised_particle_inside_a_name_belongs_to_the_surname(
    text: str, surname: str
) -> None:
    assert only(text).surname == surname


@pytest.mark.parametrize(
    ("text", "title"),
    [
        ("Sen. Ravi Mensah, a Missouri Republican, objected.", "Senator"),
        ("They met Gov. Ravi Mensah of Ohio on Monday.", "Governor"),
    ],
)
def test_dotted_abbreviations_of_offices(text: str, title: str) -> None:
    assert [(m.name, m.title) for m in mentions(text)] == [("Ravi Mensah", title)]


def test_a_surname_spelled_like_an_abbreviation_is_a_name() -> None:
    assert [m.name for m in mentions("Cambodian Prime Minister Hun Sen spoke.")] == ["Hun Sen"]


def test_honorific_name_then_definite_title() -> None:
    person = only("Mr Raman, the foreign minister, said little.")
    assert (person.name, person.title, person.honorific) == ("Raman", "foreign minister", "Mr")


def test_title_comma_name_apposition() -> None:
    text = "India's External Affairs Minister, Dr. R. Iyer, will visit next week."
    person = only(text)
    assert triple(person) == ("R. Iyer", "External Affairs Minister", "IND")
    assert person.honorific == "Dr."


def test_the_title_of_country_comma_name() -> None:
    person = only("He later met the Prime Minister of Japan, Hana Takeda, in the capital.")
    assert triple(person) == ("Hana Takeda", "Prime Minister", "JPN")


def test_name_then_title_of_an_organisation() -> None:
    person = only("They met Ingrid von Haddad, President of the European Commission.")
    assert triple(person) == ("Ingrid von Haddad", "President", "EU")
    assert person.surname == "von Haddad"


def test_described_role_of_a_country() -> None:
    text = "Kenya's most senior official in the energy ministry, Kwame Okafor, said so."
    assert triple(only(text)) == (
        "Kwame Okafor",
        "most senior official in the energy ministry",
        "KEN",
    )


def test_acronym_after_an_appositive_title_is_spelled_out() -> None:
    text = (
        "The Maritime Safety Agency, Kenya (MSA) hosted the talks. "
        "Ms. Leila Mensah, Director General, MSA led the Kenyan delegation."
    )
    person = only(text)
    assert (person.title, person.country, person.honorific) == (
        "Director General, Maritime Safety Agency",
        "KEN",
        "Ms.",
    )


# -------------------------------------------------------------- abbreviations


@pytest.mark.parametrize(
    ("abbreviation", "title"),
    [
        ("EAM", "External Affairs Minister"),
        ("PM", "Prime Minister"),
        ("DPM", "Deputy Prime Minister"),
        ("FM", "Foreign Minister"),
        ("NSA", "National Security Advisor"),
        ("MoS", "Minister of State"),
        ("CM", "Chief Minister"),
    ],
)
def test_abbreviations_are_expanded(abbreviation: str, title: str) -> None:
    found = mentions(f"On Friday {abbreviation} Ravi Raman chaired the meeting.")
    assert [(m.name, m.title) for m in found] == [("Ravi Raman", title)]


def test_an_abbreviation_that_belongs_to_one_country_gives_it() -> None:
    assert only("EAM Ravi Raman flew out.").country == "IND"


def test_fm_is_read_as_india_reads_it() -> None:
    assert only("Indian FM Ravi Raman presented the budget.").title == "Finance Minister"


# --------------------------------------------------------- honorifics, initials


@pytest.mark.parametrize(
    ("text", "name", "honorific"),
    [
        ("Foreign Minister Dr. Lena Voss spoke.", "Lena Voss", "Dr."),
        ("Foreign Minister Dr Lena Voss spoke.", "Lena Voss", "Dr"),
        (
            "The President of the Islamic Republic of Iran Dr Reza Tehrani spoke.",
            "Reza Tehrani",
            "Dr",
        ),
        ("Trade Minister Mrs. Priya Raman spoke.", "Priya Raman", "Mrs."),
        ("Emir Sheikh Hamad bin Yusuf spoke.", "Hamad bin Yusuf", "Sheikh"),
        ("Ambassador H.E. Kwame Mensah spoke.", "Kwame Mensah", "H.E."),
        ("Chief of Defence General Tomas Novak spoke.", "Tomas Novak", "General"),
    ],
)
def test_honorifics_are_kept_out_of_the_name(text: str, name: str, honorific: str) -> None:
    (found,) = mentions(text)
    assert (found.name, found.honorific) == (name, honorific)


@pytest.mark.parametrize(
    ("country", "code"),
    [
        ("the Islamic Republic of Iran", "IRN"),
        ("the Republic of Korea", "KOR"),
        ("the Socialist Republic of Vietnam", "VNM"),
        ("the United Arab Emirates", "ARE"),
        ("the People's Republic of Bangladesh", "BGD"),
    ],
)
def test_a_countrys_formal_name_after_an_office_is_no_part_of_the_name(
    country: str, code: str
) -> None:
    text = f"Ravi Raman met the President of {country} Omar Haddad in the capital."
    found = [(m.name, m.title, m.country) for m in mentions(text)]
    assert found == [("Omar Haddad", "President", code)]


def test_an_office_of_a_formal_country_name_keeps_its_portfolio() -> None:
    text = "The Minister of Foreign Affairs of the Republic of India Ravi Raman spoke."
    found = [(m.name, m.title, m.country) for m in mentions(text)]
    assert found == [("Ravi Raman", "Minister of Foreign Affairs", "IND")]


def test_a_plural_office_of_countries_with_formal_names() -> None:
    text = (
        "The presidents of the Islamic Republic of Iran and the Republic of Korea, "
        "Omar Haddad and Park Min-jae, met."
    )
    found = [(m.name, m.title, m.country) for m in mentions(text)]
    assert found == [("Omar Haddad", "president", "IRN"), ("Park Min-jae", "president", "KOR")]


@pytest.mark.parametrize(
    "name", ["S. Raman", "S Raman", "P P Raman", "P.P. Raman", "VL Raman", "Kwame A. Mensah"]
)
def test_initials_belong_to_the_name(name: str) -> None:
    (found,) = mentions(f"Finance Minister {name} spoke.")
    assert (found.name, found.surname) == (name, name.rsplit(maxsplit=1)[-1])


def test_name_suffixes_are_kept() -> None:
    (found,) = mentions("President Tomas R. Brennan, Jr. met them.")
    assert (found.name, found.surname) == ("Tomas R. Brennan, Jr.", "Brennan")


@pytest.mark.parametrize(
    ("name", "surname"),
    [
        ("Faisal bin Khalid", "bin Khalid"),
        ("Abdel Karim al-Haddad", "al-Haddad"),
        ("Willem de Voss", "de Voss"),
        ("Pieter van Lindqvist", "van Lindqvist"),
        ("Ursula von der Brennan", "von der Brennan"),
        ("Marcos da Costa", "da Costa"),
    ],
)
def test_name_particles_belong_to_the_surname(name: str, surname: str) -> None:
    (found,) = mentions(f"Commerce Minister {name} arrived.")
    assert (found.name, found.surname) == (name, surname)


# ------------------------------------------------------------- short mentions


def test_later_short_mentions_are_mentions_of_their_own() -> None:
    text = (
        "Norwegian Deputy Prime Minister Sven Brennan arrived. Mr. Brennan met traders; "
        "later Brennan said trade would grow. DPM Brennan left on Friday."
    )
    found = [(m.text, m.rule.split(";")[0]) for m in mentions(text)]
    assert found == [
        ("Norwegian Deputy Prime Minister Sven Brennan", "title-name"),
        ("Mr. Brennan", "honorific-surname"),
        ("Brennan", "surname"),
        ("DPM Brennan", "title-name"),
    ]
    person = only(text)
    assert len(person.spans) == 4
    assert triple(person) == ("Sven Brennan", "Deputy Prime Minister", "NOR")


def test_a_surname_inside_another_name_or_word_is_not_a_mention() -> None:
    text = "Trade Minister Lena West arrived. The West Bank talks and the West were discussed."
    assert [m.text for m in mentions(text)] == ["Trade Minister Lena West"]


def test_counterpart_holds_the_same_office_in_another_country() -> None:
    text = "Foreign Minister Ravi Raman held talks with his Chinese counterpart Zhao Mingyu."
    found = {p.name: (p.title, p.country) for p in people(text)}
    assert found["Zhao Mingyu"] == ("Foreign Minister", "CHN")
    assert found["Ravi Raman"][1] != "CHN"


def test_a_counterpart_of_a_one_country_office_gets_the_usual_title() -> None:
    text = (
        "External Affairs Minister Ravi Raman arrived on Monday. Raman, on a two-day "
        "visit, met his Kenyan counterpart Amara Okafor."
    )
    found = {p.name: (p.title, p.country) for p in people(text)}
    assert found["Amara Okafor"] == ("Foreign Minister", "KEN")


def test_a_body_named_after_of_gives_the_country() -> None:
    text = "Tomas Novak, Secretary General of NATO, and Lena Voss, chairman of the Federal Reserve."
    assert {(p.name, p.country) for p in people(text)} == {
        ("Tomas Novak", "NATO"),
        ("Lena Voss", "USA"),
    }


def test_a_country_after_the_office_is_not_part_of_the_name() -> None:
    (found,) = mentions("Ambassador to the United Kingdom Leila Mensah presented her papers.")
    assert (found.name, found.title) == ("Leila Mensah", "Ambassador to the United Kingdom")


def test_a_single_agency_before_the_office_belongs_to_it() -> None:
    person = only("Bundesbank President Tomas Novak declined to comment.")
    assert triple(person) == ("Tomas Novak", "Bundesbank President", "DEU")


def test_group_names_the_country_of_its_members() -> None:
    text = (
        "The Kenyan team, headed by Finance Minister Amara Okafor and Central Bank "
        "Governor Tomas Mensah, will meet creditors in Paris."
    )
    assert {(p.name, p.country) for p in people(text)} == {
        ("Amara Okafor", "KEN"),
        ("Tomas Mensah", "KEN"),
    }


def test_leading_a_delegation_names_the_country() -> None:
    text = (
        "Mr. Kwame Mensah, Senior Adviser to the Director of Trade Policy, led the Ghanaian side."
    )
    assert only(text).country == "GHA"


# ------------------------------------------------------------- not officials


@pytest.mark.parametrize(
    "text",
    [
        "Analyst Lena Voss said the market would fall.",
        "Reuters correspondent Tomas Brennan reported from the capital.",
        "Boeing President Ravi Raman said orders were strong.",
        "French businessman Yusuf Haddad signed the contract.",
        "Chief executive Priya Iyer declined to comment.",
        "The ministers met in the capital on Monday.",
        "Accordingly, the President signed the order.",
        "Lena Voss, president of the National Association of Fishermen, objected.",
        "Amara Okafor, chairman of the Kenyan Chamber of Commerce, objected.",
        "Acme Corp President Tomas Novak said sales rose.",
        "In a statement, the Ministry of Trade said exports rose.",
        "First Lady Maria Okafor opened the children's ward on Monday.",
        "The carrier HMS Queen Mary sailed from Portsmouth on Monday.",
        "The destroyer USS President Adams docked in Manila.",
        "The President and the First Lady, Maria Okafor, arrived on Monday.",
    ],
)
def test_people_without_a_public_office_are_not_officials(text: str) -> None:
    assert mentions(text) == []


# ------------------------------------------------------------ never guess


def test_no_country_when_the_text_does_not_say() -> None:
    assert only("Trade Minister Lena Voss said prices rose.").country is None


# ------------------------------------------------- lists after a plural role


def test_counterparts_listed_each_take_their_own_country() -> None:
    text = (
        "Foreign Minister Lena Voss met her counterparts Kwame Mensah of Ghana, "
        "Park Min-jae of the ROK, and Hana Takeda of Japan on Monday."
    )
    found = {p.name: (p.title, p.country) for p in people(text)}
    assert found["Kwame Mensah"] == ("Foreign Minister", "GHA")
    assert found["Park Min-jae"] == ("Foreign Minister", "KOR")
    assert found["Hana Takeda"] == ("Foreign Minister", "JPN")


def test_an_office_before_counterparts_is_their_title() -> None:
    text = (
        "National Security Advisor Ravi Raman met separately with his national security "
        "advisor counterparts Hana Takeda of Japan, Park Min-jae of the ROK, and Jose Cruz "
        "of the Philippines."
    )
    found = {p.name: (p.title, p.country) for p in people(text)}
    assert found == {
        "Ravi Raman": ("National Security Advisor", None),
        "Hana Takeda": ("national security advisor", "JPN"),
        "Park Min-jae": ("national security advisor", "KOR"),
        "Jose Cruz": ("national security advisor", "PHL"),
    }


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            (
                "Prime Minister Ana Silva met her foreign minister counterparts Hana Takeda "
                "of Japan and Sven Brennan of Norway."
            ),
            [
                ("Ana Silva", "Prime Minister", None),
                ("Hana Takeda", "foreign minister", "JPN"),
                ("Sven Brennan", "foreign minister", "NOR"),
            ],
        ),
        (
            "Lena Voss later met her Kenyan deputy finance minister counterpart Amara Okafor.",
            [("Amara Okafor", "deputy finance minister", "KEN")],
        ),
        (  # portfolio words alone name no office: the owner's is used
            "Trade Minister Lena Voss met her trade counterpart Kwame Mensah of Ghana.",
            [("Lena Voss", "Trade Minister", None), ("Kwame Mensah", "Trade Minister", "GHA")],
        ),
    ],
)
def test_an_office_or_portfolio_between_possessive_and_counterpart(
    text: str, expected: list[tuple[str, str | None, str | None]]
) -> None:
    assert [(m.name, m.title, m.country) for m in mentions(text)] == expected


def test_words_before_counterparts_that_are_no_office_find_nobody() -> None:
    text = "Lena Voss said her many friends and counterparts Hana Takeda and Jose Cruz agreed."
    assert [m.name for m in mentions(text)] == []


def test_counterparts_from_listed_countries_in_order() -> None:
    text = (
        "External Affairs Minister Ravi Raman held talks with his counterparts from "
        "Japan, Kenya and Norway, Hana Takeda, Amara Okafor and Sven Brennan."
    )
    found = {p.name: (p.title, p.country) for p in people(text)}
    assert found == {
        "Ravi Raman": ("External Affairs Minister", "IND"),
        "Hana Takeda": ("Foreign Minister", "JPN"),
        "Amara Okafor": ("Foreign Minister", "KEN"),
        "Sven Brennan": ("Foreign Minister", "NOR"),
    }


def test_counterparts_of_an_office_named_without_a_name() -> None:
    text = (
        "The Secretary welcomed his counterparts Amara Okafor of Kenya and Tomas Novak of Poland."
    )
    found = [(m.name, m.title, m.country) for m in mentions(text)]
    assert found == [
        ("Amara Okafor", "Secretary", "KEN"),
        ("Tomas Novak", "Secretary", "POL"),
    ]


def test_a_plural_office_in_lower_case_with_a_country_in_brackets_per_name() -> None:
    text = "The national security advisers Ravi Raman (India) and Sven Brennan (Norway) met."
    found = [(m.name, m.title, m.country) for m in mentions(text)]
    assert found == [
        ("Ravi Raman", "national security adviser", "IND"),
        ("Sven Brennan", "national security adviser", "NOR"),
    ]


def test_korea_alone_is_south_korea_unless_the_text_names_the_north() -> None:
    text = "The national security advisers Ravi Raman (Japan) and Park Min-jae (Korea) met."
    assert [m.country for m in mentions(text)] == ["JPN", "KOR"]
    text = "Foreign Minister Park Min-jae of Korea spoke. North Korea objected."
    assert [m.country for m in mentions(text)] == [None]


def test_a_plural_office_with_of_country_per_name() -> None:
    text = "Trade Ministers Amara Okafor of Kenya and Kwame Mensah of Ghana signed the pact."
    assert {(p.name, p.title, p.country) for p in people(text)} == {
        ("Amara Okafor", "Trade Minister", "KEN"),
        ("Kwame Mensah", "Trade Minister", "GHA"),
    }


def test_a_lower_case_plural_needs_full_names_or_countries() -> None:
    assert [m.name for m in mentions("Finance ministers Amara Okafor and Kwame Mensah met.")] == [
        "Amara Okafor",
        "Kwame Mensah",
    ]
    assert mentions("The leaders Okafor and Mensah met.") == []


def test_a_counterpart_named_with_a_demonym_and_no_possessive() -> None:
    text = "Kenyan Trade Minister Amara Okafor and Ghanaian counterpart Kwame Mensah met."
    found = {p.name: (p.title, p.country) for p in people(text)}
    assert found["Kwame Mensah"] == ("Trade Minister", "GHA")
    assert found["Amara Okafor"] == ("Trade Minister", "KEN")


# ------------------------------------------------------ coordinated officials


def test_the_second_of_two_coordinated_officials_keeps_its_own_country() -> None:
    text = (
        "Kenyan Trade Minister Amara Okafor and Finance Minister Kwame Mensah of Ghana "
        "met on Monday. A ministry spokesman said later that Mensah was pleased."
    )
    found = {p.name: (p.title, p.country) for p in people(text)}
    assert found == {
        "Amara Okafor": ("Trade Minister", "KEN"),
        "Kwame Mensah": ("Finance Minister", "GHA"),
    }


@pytest.mark.parametrize(
    "text",
    [
        "The foreign ministers of Japan and South Korea, Hana Takeda and Park Min-jae, met.",
        "The Japanese and South Korean foreign ministers, Hana Takeda and Park Min-jae, met.",
        "Japanese and South Korean foreign ministers Hana Takeda and Park Min-jae met.",
    ],
)
def test_coordinated_countries_go_to_the_listed_names_in_order(text: str) -> None:
    found = [(m.name, m.title, m.country) for m in mentions(text)]
    assert found == [
        ("Hana Takeda", "foreign minister", "JPN"),
        ("Park Min-jae", "foreign minister", "KOR"),
    ]


def test_coordinated_countries_that_do_not_match_the_names_say_nothing() -> None:
    text = "Kenyan and Ghanaian Presidents Amara Okafor, Kwame Mensah and Tomas Novak met."
    assert [m.country for m in mentions(text)] == [None, None, None]


def test_names_after_one_plural_title_do_not_share_a_written_country() -> None:
    text = "Foreign Ministers Amara Okafor and Kwame Mensah of Ghana met in Nairobi."
    found = {m.name: m.country for m in mentions(text)}
    assert found == {"Amara Okafor": None, "Kwame Mensah": "GHA"}


# --------------------------------------------------------- offices after names


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            '"It will pass," said Hiroshi Tanaka, a deputy minister at the ministry of trade.',
            ("Hiroshi Tanaka", "deputy minister at the ministry of trade", None),
        ),
        (
            "Kwame Mensah, a deputy minister at the Ghanaian ministry of finance, objected.",
            ("Kwame Mensah", "deputy minister at the Ghanaian ministry of finance", "GHA"),
        ),
        (
            "Hiroshi Tanaka, a senior official of the Finance Ministry, said rates were fine.",
            ("Hiroshi Tanaka", "senior official of the Finance Ministry", None),
        ),
        (
            "Kwame Mensah, a senior civil servant in Ghana's trade ministry, said so.",
            ("Kwame Mensah", "senior civil servant in Ghana's trade ministry", "GHA"),
        ),
        (
            "Lena Voss, head of the state planning commission, said output grew.",
            ("Lena Voss", "head of the state planning commission", None),
        ),
        (
            "Lena Voss, governor of the central bank, said rates would rise.",
            ("Lena Voss", "governor of the central bank", None),
        ),
        (
            "Hiroshi Tanaka, the finance ministry's director of international finance, agreed.",
            ("Hiroshi Tanaka", "finance ministry's director of international finance", None),
        ),
        (
            "Hana Takeda, president of the Export-Import Bank of Japan, said loans would go on.",
            ("Hana Takeda", "president of the Export-Import Bank", "JPN"),
        ),
        (
            "Hiroshi Tanaka, president of the state-run Export-Import Bank, said so.",
            ("Hiroshi Tanaka", "president of the state-run Export-Import Bank", None),
        ),
    ],
)
def test_a_public_role_after_the_name(text: str, expected: tuple[str, str, str | None]) -> None:
    (found,) = mentions(text)
    assert (found.name, found.title, found.country) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Tomas Novak, chief executive officer, Acme Steel Corp, said orders fell.",
        "Hiroshi Tanaka, president of Daiwabo, said sales rose.",
        "Hana Takeda, president of the Japan Iron and Steel Federation, said so.",
        "Hiroshi Tanaka, an official at Nakamura Trading Company, said so.",
        "A spokesman for the opposition Lok Janshakti party called the deal a scandal.",
        "Opposition leader Lok Janshakti party said no.",
        "Credit came from the Overseas Development Bank, a bank spokesman said.",
    ],
)
def test_companies_and_parties_are_not_people(text: str) -> None:
    assert mentions(text) == []


# -------------------------------------------------------- more title patterns


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Minister of State for External Affairs Raman arrived.",
            ("Raman", "Minister of State for External Affairs", "IND"),
        ),
        ("Secretary of the Treasury Voss arrived.", ("Voss", "Secretary of the Treasury", "USA")),
        ("Minister of Finance Okafor arrived.", ("Okafor", "Minister of Finance", None)),
        ("State Councilor Wang Mingyu arrived.", ("Wang Mingyu", "State Councilor", "CHN")),
        (
            "Chief Cabinet Secretary Aiko Sato arrived.",
            ("Aiko Sato", "Chief Cabinet Secretary", "JPN"),
        ),
        ("Soviet leader Pavel Orlov arrived.", ("Pavel Orlov", "leader", "SUN")),
        (
            "Deputy U.S. Trade Representative Lena Voss arrived.",
            ("Lena Voss", "Deputy Trade Representative", "USA"),
        ),
        (
            "Acting Secretary of Defense Lena Voss arrived.",
            ("Lena Voss", "Acting Secretary of Defense", "USA"),
        ),
        (
            "Union Minister for Road Transport Ravi Raman arrived.",
            ("Ravi Raman", "Union Minister for Road Transport", "IND"),
        ),
        ("Iraq's leader Kamal Haddad arrived.", ("Kamal Haddad", "leader", "IRQ")),
    ],
)
def test_more_offices_before_a_name(text: str, expected: tuple[str, str, str | None]) -> None:
    (found,) = mentions(text)
    assert (found.name, found.title, found.country) == expected


@pytest.mark.parametrize(
    "text",
    [
        "The President of the National Association Voss said so.",
        "The team leader Kamal Haddad said so.",
    ],
)
def test_no_official_from_a_body_or_an_ordinary_leader(text: str) -> None:
    assert mentions(text) == []


def test_a_chinese_family_name_that_is_also_a_word() -> None:
    text = (
        "Vice Premier He Lifeng arrived. He said trade would grow. Mr. He left, and He Lifeng flew."
    )
    found = [(m.text, m.name) for m in mentions(text)]
    assert found == [
        ("Vice Premier He Lifeng", "He Lifeng"),
        ("Mr. He", "He"),
        ("He Lifeng", "He Lifeng"),
    ]


def test_a_surname_that_is_a_word_of_the_text_is_not_a_mention_at_a_sentence_start() -> None:
    text = "Trade Secretary Lena Rice arrived. Rice exports fell, and rice prices rose. Rice spoke."
    assert [m.text for m in mentions(text)] == ["Trade Secretary Lena Rice"]


def test_his_office_is_of_the_country_of_the_person_before() -> None:
    text = "Japanese Prime Minister Hiro Tamaki and his finance minister, Kenji Mori, met."
    found = {m.name: (m.title, m.country) for m in mentions(text)}
    assert found["Kenji Mori"] == ("finance minister", "JPN")


def test_the_spokesman_of_a_named_official_shares_the_country() -> None:
    text = (
        "West German Foreign Minister Hans Richter arrived. "
        "Richter's spokesman, Klaus Weber, said the talks were frank."
    )
    found = [(m.text, m.name, m.country) for m in mentions(text)]
    assert found == [
        ("West German Foreign Minister Hans Richter", "Hans Richter", "DEU"),
        ("Richter", "Richter", None),
        ("spokesman, Klaus Weber", "Klaus Weber", "DEU"),
    ]


def test_a_cabinet_secretarys_counterpart_is_a_minister() -> None:
    text = "U.S. Agriculture Secretary Lena Voss and Japanese counterpart Hiro Tamaki met."
    found = {p.name: (p.title, p.country) for p in people(text)}
    assert found == {
        "Lena Voss": ("Agriculture Secretary", "USA"),
        "Hiro Tamaki": ("Agriculture Minister", "JPN"),
    }
