"""The resolve plugin: linking mentions into people, overlaps, and countries from context.

Every document here is written for these tests.
"""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

import bilatx
import bilatx_officials
import bilatx_places
import bilatx_resolve
from bilatx.testing import pipeline_with

PIPELINE = pipeline_with(bilatx_officials, bilatx_places, bilatx_resolve)
WITHOUT_PLACES = pipeline_with(bilatx_officials, bilatx_resolve)


def people(text: str, pipeline: bilatx.Pipeline = PIPELINE) -> dict[str, bilatx.Official]:
    return {p.surname: p for p in pipeline.extract(text).officials}


def _mention(start: int, end: int, text: str, name: str, extractor: str) -> bilatx.OfficialMention:
    return bilatx.OfficialMention(
        span=bilatx.Span(start, end),
        text=text[start:end],
        name=name,
        surname=name.rsplit(maxsplit=1)[-1],
        extractor=extractor,
    )


# -------------------------------------------------------------------- linking


def test_every_form_of_a_name_links_to_one_person() -> None:
    text = (
        "India's Commerce Minister, Dr. S. Raman, arrived on Monday. "
        "Raman met traders. Dr. Raman said exports would grow. Minister Raman left."
    )
    extraction = PIPELINE.extract(text)
    (person,) = extraction.officials
    assert (person.name, person.surname, person.title, person.country) == (
        "S. Raman",
        "Raman",
        "Commerce Minister",
        "IND",
    )
    assert person.honorific == "Dr."
    assert len(person.spans) == 4
    for mention in extraction.mentions.officials:
        assert extraction.mentions.person_at(mention.span) == person


def test_people_sharing_a_surname_stay_apart() -> None:
    text = (
        "King Faisal received Crown Prince Khalid bin Faisal and Kenyan Trade Minister "
        "Amara Okafor. Finance Minister Kwame Okafor of Ghana joined later."
    )
    found = {(p.name, p.title) for p in PIPELINE.extract(text).officials}
    assert found == {
        ("Faisal", "King"),
        ("Khalid bin Faisal", "Crown Prince"),
        ("Amara Okafor", "Trade Minister"),
        ("Kwame Okafor", "Finance Minister"),
    }


def test_people_sharing_a_family_name_written_first_stay_apart() -> None:
    text = (
        "SEOUL, March 3 - Trade Minister Kim Young-sam met Foreign Minister Kim Dae-jung. "
        "A ministry spokesman, Kim Ju-won, said later that Kim Young-sam was pleased."
    )
    extraction = PIPELINE.extract(text)
    found = {(p.name, p.title, len(p.spans)) for p in extraction.officials}
    assert found == {
        ("Kim Young-sam", "Trade Minister", 2),
        ("Kim Dae-jung", "Foreign Minister", 1),
        ("Kim Ju-won", "ministry spokesman", 1),
    }


def test_a_first_name_variant_links() -> None:
    text = "President Joseph K. Brennan spoke. Later President Joe Brennan signed the bill."
    (person,) = PIPELINE.extract(text).officials
    assert person.name == "Joseph K. Brennan"
    assert len(person.spans) == 2


def test_short_titled_mention_before_the_full_name_links() -> None:
    text = "Prime Minister Takeda spoke first. Japanese Prime Minister Takeda Hana then left."
    (person,) = PIPELINE.extract(text).officials
    assert (person.name, person.surname, person.country) == ("Takeda Hana", "Takeda", "JPN")


def test_the_office_links_to_its_only_holder() -> None:
    text = (
        "Kenyan Trade Minister Amara Okafor met Brazilian President Ravi Voss. "
        "The minister said exports would double; the President agreed."
    )
    extraction = PIPELINE.extract(text)
    minister = text.index("The minister")
    president = text.index("the President")
    okafor = extraction.mentions.person_at(bilatx.Span(minister + 4, minister + 12))
    voss = extraction.mentions.person_at(bilatx.Span(president + 4, president + 13))
    assert okafor is not None
    assert okafor.surname == "Okafor"
    assert voss is not None
    assert voss.surname == "Voss"


def test_the_office_stays_unlinked_when_two_people_hold_it() -> None:
    text = (
        "Kenyan Foreign Minister Amara Okafor met Brazilian Foreign Minister Ravi Voss. "
        "The minister said talks went well."
    )
    extraction = PIPELINE.extract(text)
    start = text.index("The minister") + 4
    assert extraction.mentions.person_at(bilatx.Span(start, start + 8)) is None


def test_the_office_with_its_country_links_forward_to_its_only_holder() -> None:
    text = (
        "Oslo and Nairobi agreed a fisheries pact after the Kenyan President met "
        "Prime Minister Ingrid Berg of Norway. Kenyan President Amara Okafor flew home on Friday."
    )
    extraction = PIPELINE.extract(text)
    start = text.index("the Kenyan President") + len("the Kenyan ")
    okafor = extraction.mentions.person_at(bilatx.Span(start, start + 9))
    assert okafor is not None
    assert okafor.surname == "Okafor"
    assert bilatx.Span(start, start + 9) in okafor.spans


def test_a_possessive_country_and_office_links_to_its_holder() -> None:
    text = (
        "Norwegian Foreign Minister Ingrid Berg met Kenyan Foreign Minister Amara Okafor. "
        "Kenya's foreign minister said the talks were useful."
    )
    extraction = PIPELINE.extract(text)
    start = text.index("Kenya's foreign minister") + len("Kenya's ")
    owner = extraction.mentions.person_at(bilatx.Span(start, start + 16))
    assert owner is not None
    assert owner.surname == "Okafor"


def test_the_office_with_its_country_stays_unlinked_when_two_hold_it() -> None:
    text = (
        "Kenyan Deputy Minister Amara Okafor and Kenyan Deputy Minister Ravi Mensah met "
        "the Norwegian envoy. The Kenyan deputy minister spoke first."
    )
    extraction = PIPELINE.extract(text)
    start = text.index("The Kenyan deputy") + len("The Kenyan ")
    assert extraction.mentions.person_at(bilatx.Span(start, start + 15)) is None


def test_the_office_of_another_country_is_not_linked() -> None:
    text = "Kenyan President Amara Okafor arrived. The Norwegian President was absent."
    extraction = PIPELINE.extract(text)
    start = text.index("The Norwegian") + len("The Norwegian ")
    assert extraction.mentions.person_at(bilatx.Span(start, start + 9)) is None


def test_a_later_description_gives_the_one_untitled_official_of_its_country_an_office() -> None:
    # "Narendra Modi" is a well-known office-holder the text names without a title.
    text = "Narendra Modi landed in Oslo. The Indian prime minister said ties were strong."
    modi = people(text)["Modi"]
    assert (modi.title, modi.country) == ("prime minister", "IND")
    start = text.index("prime minister")
    assert bilatx.Span(start, start + 14) in modi.spans


@pytest.mark.parametrize(
    "text",
    [
        # the description comes before the person is named
        "The Indian prime minister spoke first. Narendra Modi landed in Oslo.",
        # another country's office
        "Narendra Modi landed in Oslo. The Norwegian prime minister said ties were strong.",
    ],
)
def test_an_office_is_not_given_across_countries_or_forward(text: str) -> None:
    assert people(text)["Modi"].title is None


def test_the_people_accompanying_an_official_are_of_their_country() -> None:
    text = (
        "Kenyan President Amara Okafor will visit Norway next week. Okafor will be "
        "accompanied by Trade Minister Ravi Mensah and Energy Minister Lena Achieng, "
        "officials said. Norwegian Prime Minister Ingrid Berg will host them."
    )
    found = people(text)
    assert (found["Mensah"].country, found["Achieng"].country) == ("KEN", "KEN")
    assert found["Berg"].country == "NOR"


@pytest.mark.parametrize(
    ("text", "surname", "code"),
    [
        (
            "Voss met NATO allies and Secretary General Stoltenberg on Monday.",
            "Stoltenberg",
            "NATO",
        ),
        ("European Commission President Ingrid Berg met Voss.", "Berg", "EU"),
        ("Voss met members of the United Nations and Secretary-General Okafor.", "Okafor", "UN"),
    ],
)
def test_the_heads_of_an_organisation_take_its_name(text: str, surname: str, code: str) -> None:
    assert people(text)[surname].country == code


def test_an_ambassador_to_an_organisation_keeps_their_country() -> None:
    text = "U.S. Ambassador to the UN Amara Okafor spoke."
    assert people(text)["Okafor"].country == "USA"


def test_the_director_general_welcomed_to_a_city_is_linked() -> None:
    text = (
        "Kenyan Foreign Ministry Director General Amara Okafor arrived. "
        "The minister welcomed the Director General to Oslo."
    )
    extraction = PIPELINE.extract(text)
    start = text.index("Director General to")
    owner = extraction.mentions.person_at(bilatx.Span(start, start + 16))
    assert owner is not None
    assert owner.surname == "Okafor"


def test_the_office_to_a_country_is_another_office() -> None:
    text = "Kenyan Ambassador Amara Okafor spoke. The Ambassador to Japan was absent."
    extraction = PIPELINE.extract(text)
    start = text.index("Ambassador to")
    assert extraction.mentions.person_at(bilatx.Span(start, start + 10)) is None


@pytest.mark.parametrize(
    ("text", "surname"),
    [
        ("Chilean Foreign Minister Ana Rojas Vidal spoke.", "Rojas Vidal"),
        ("Peruvian Trade Minister Juan Carlos Vidal Soto spoke.", "Vidal Soto"),
        ("Chilean Foreign Minister Jose Luis Rojas spoke.", "Rojas"),
        ("Chilean Foreign Minister Ana Rojas spoke.", "Rojas"),
        ("Norwegian Foreign Minister Ana Rojas Vidal spoke.", "Vidal"),
    ],
)
def test_spanish_speaking_officials_keep_both_family_names(text: str, surname: str) -> None:
    (person,) = PIPELINE.extract(text).officials
    assert person.surname == surname


# ------------------------------------------------------------------- overlaps


def test_overlapping_mentions_from_two_plugins_keep_the_longest() -> None:
    text = "Trade Minister Amara Okafor spoke."

    class Short:
        @bilatx.hookimpl
        def bilatx_extract_officials(self, doc: bilatx.Document) -> list[bilatx.OfficialMention]:
            return [_mention(15, 27, doc.text, "Amara Okafor", "short")]

    pipeline = pipeline_with(bilatx_officials, bilatx_resolve, Short())
    extraction = pipeline.extract(text)
    assert [m.extractor for m in extraction.mentions.officials] == ["officials"]
    (person,) = extraction.officials
    assert person.spans == (bilatx.Span(0, 27),)


def test_a_city_inside_a_name_is_the_name() -> None:
    text = "Kenyan Defence Minister Lima Okafor visited Lima and Nairobi."
    extraction = PIPELINE.extract(text)
    cities = [p for p in extraction.mentions.places if p.kind is bilatx.PlaceKind.CITY]
    assert [c.text for c in cities] == ["Lima", "Nairobi"]
    assert cities[0].span.start > text.index("visited")


# ---------------------------------------------------------- countries from context


def test_a_wire_dateline_gives_the_home_country() -> None:
    text = "OSLO, March 3 - Trade Minister Ingrid Haddad said exports rose in February."
    assert people(text)["Haddad"].country == "NOR"


def test_the_place_named_before_a_person_in_the_sentence() -> None:
    text = (
        "Officials in Nairobi welcomed the plan. While in Nairobi, Brazilian President "
        "Ravi Voss met Foreign Minister Amara Okafor and Ambassador Leila Mensah."
    )
    found = people(text)
    assert found["Okafor"].country == "KEN"
    assert found["Mensah"].country == "KEN"
    assert found["Voss"].country == "BRA"


def test_a_destination_is_not_the_travellers_country() -> None:
    text = (
        "OSLO, March 3 - Trade Minister Ingrid Haddad, back from a visit to Kenya, said "
        "Kenya would buy more fish. Kenya has asked for credit."
    )
    assert people(text)["Haddad"].country == "NOR"


def test_a_title_only_one_country_uses_sets_the_home_country() -> None:
    text = (
        "Secretary of State Lena Voss met Brazilian officials. Spokesperson Tomas Novak "
        "said the talks with Brazil and Mexico were useful."
    )
    found = people(text)
    assert found["Voss"].country == "USA"
    assert found["Novak"].country == "USA"


def test_an_office_the_home_country_lacks_goes_to_the_other_country() -> None:
    text = (
        "Secretary of State Lena Voss spoke with King Hamad today about Bahrain. "
        "The United States and Bahrain agreed to meet. Bahrain hosts the fleet."
    )
    found = people(text)
    assert found["Hamad"].country == "BHR"
    assert found["Voss"].country == "USA"


def test_an_office_already_held_goes_to_the_other_country() -> None:
    text = (
        "American President Ravi Voss met President Amara Okafor today. "
        "Voss praised Ghana. Ghana and the United States signed a deal; Ghana will export cocoa."
    )
    assert people(text)["Okafor"].country == "GHA"


def test_a_counterpart_is_from_another_country() -> None:
    text = (
        "BEIJING, May 2 - National Security Adviser Ravi Raman held talks with his "
        "Chinese counterpart Zhao Mingyu. India and China discussed the border. India "
        "wants calm."
    )
    found = people(text)
    assert found["Zhao"].country == "CHN"
    assert found["Raman"].country == "IND"


def test_a_counterpart_named_with_an_office_is_from_another_country() -> None:
    text = (
        "TOKYO, May 2 - Foreign Minister Lena Voss held talks with her Japanese foreign "
        "minister counterpart on Monday. Japan wants more trade."
    )
    assert people(text)["Voss"].country != "JPN"


def test_well_known_office_holders_need_no_context() -> None:
    text = "The two leaders spoke. President Reagan thanked Prime Minister Thatcher."
    found = people(text)
    assert (found["Reagan"].country, found["Thatcher"].country) == ("USA", "GBR")


def test_no_context_leaves_the_country_unknown() -> None:
    assert people("Trade Minister Ingrid Haddad spoke about fish.")["Haddad"].country is None


def test_countries_come_from_the_text_when_the_places_plugin_is_absent() -> None:
    text = "OSLO, March 3 - Trade Minister Ingrid Haddad said exports rose."
    assert people(text, WITHOUT_PLACES)["Haddad"].country == "NOR"


def test_someone_who_meets_a_foreign_official_is_not_of_that_country() -> None:
    text = (
        "Deputy National Security Advisor Lena Voss met today with Foreign Minister "
        "Kwame Mensah of Ghana in Accra. Voss welcomed Ghana's progress on energy reform."
    )
    found = people(text)
    assert (found["Voss"].country, found["Mensah"].country) == (None, "GHA")


def test_a_readout_of_the_issuing_government_gives_its_official_its_country() -> None:
    text = (
        "Deputy National Security Advisor Lena Voss met today with Foreign Minister "
        "Kwame Mensah of Ghana. Voss reaffirmed the United States' support for Ghana's "
        "democracy and welcomed Ghana's progress on energy reform."
    )
    found = people(text)
    assert (found["Voss"].country, found["Mensah"].country) == ("USA", "GHA")


def test_an_unqualified_official_is_of_the_one_other_country_named() -> None:
    text = (
        "The President hosted Prime Minister Hana Takeda of Japan and President Kwame "
        "Mensah of Ghana at the White House. National Security Advisor Lena Voss joined them."
    )
    found = people(text)
    assert (found["Takeda"].country, found["Mensah"].country, found["Voss"].country) == (
        "JPN",
        "GHA",
        "USA",
    )


def test_a_listed_surname_that_is_a_word_of_the_text_needs_the_full_name() -> None:
    text = "Condoleezza Rice spoke on Monday. Rice exports rose, and rice prices fell."
    (person,) = PIPELINE.extract(text).officials
    assert (person.name, len(person.spans)) == ("Condoleezza Rice", 1)


def test_two_holders_of_one_office_are_not_both_given_the_home_country() -> None:
    text = "TOKYO, March 3 - Agriculture ministers Lena Voss and Hiro Tamaki met today."
    found = people(text)
    assert (found["Voss"].country, found["Tamaki"].country) == (None, None)


def test_a_title_the_text_states_beats_one_read_from_counterpart() -> None:
    text = (
        "Foreign Minister Lena Voss met her Kenyan counterpart Amara Okafor. "
        "Kenyan Trade Minister Okafor later left."
    )
    assert people(text)["Okafor"].title == "Trade Minister"


def test_well_known_office_holders_named_without_a_title() -> None:
    text = (
        "Narendra Modi had planned to fly to Moscow in July. Later, Modi said the trip "
        "would wait. The Rajiv Gandhi Foundation was not consulted."
    )
    extraction = PIPELINE.extract(text)
    (person,) = extraction.officials
    assert (person.name, person.surname, person.title, person.country) == (
        "Narendra Modi",
        "Modi",
        None,
        "IND",
    )
    assert len(person.spans) == 2


def test_a_full_name_written_again_is_a_mention_of_the_same_person() -> None:
    text = (
        "Trade Minister Tomas Novak of Poland arrived. Tomas Novak then met exporters, "
        "and Novak left on Friday."
    )
    (person,) = PIPELINE.extract(text).officials
    assert (person.name, person.country, len(person.spans)) == ("Tomas Novak", "POL", 3)


# ------------------------------------------------------------------ properties

_NAMES = ("Amara Okafor", "Tomas Lindqvist", "Ravi Raman", "Leila Mensah", "Hana Takeda")
_TITLES = ("Trade Minister", "Foreign Minister", "President", "Ambassador")
_LATER = ("{s} said", "Mr. {s} said", "the talks with {s} ended", "{t} {s} added")


@st.composite
def documents(draw: st.DrawFn) -> str:
    chosen = draw(st.lists(st.sampled_from(_NAMES), min_size=1, max_size=4, unique=True))
    parts = []
    for name in chosen:
        title = draw(st.sampled_from(_TITLES))
        parts.append(f"{title} {name} arrived.")
        for _ in range(draw(st.integers(0, 3))):
            later = draw(st.sampled_from(_LATER))
            parts.append(later.format(s=name.split()[-1], t=title).capitalize() + ".")
    return " ".join(draw(st.permutations(parts)))


@given(documents())
def test_every_official_mention_is_in_exactly_one_person(text: str) -> None:
    extraction = PIPELINE.extract(text)
    for mention in extraction.mentions.officials:
        owners = [p for p in extraction.officials if mention.span in p.spans]
        assert len(owners) == 1
        assert extraction.mentions.person_at(mention.span) == owners[0]
    surnames = [p.surname for p in extraction.officials]
    assert len(surnames) == len(set(surnames))


@given(st.text(max_size=200))
def test_resolution_never_crashes(text: str) -> None:
    extraction = PIPELINE.extract(text)
    spans = [s for p in extraction.officials for s in p.spans]
    assert len(spans) >= len(extraction.mentions.officials)


_COUNTRIES = (("Kenyan", "KEN"), ("Norwegian", "NOR"), ("Brazilian", "BRA"))


@given(
    st.lists(
        st.tuples(st.sampled_from(_COUNTRIES), st.sampled_from(_TITLES), st.sampled_from(_NAMES)),
        min_size=1,
        max_size=4,
        unique_by=lambda t: t[2],
    ),
    st.sampled_from(_COUNTRIES),
    st.sampled_from(_TITLES),
    st.booleans(),
)
def test_a_country_and_office_description_links_only_to_a_unique_holder(
    holders: list[tuple[tuple[str, str], str, str]],
    country: tuple[str, str],
    title: str,
    before: bool,
) -> None:
    described = f"The {country[0]} {title.lower()} spoke."
    named = " ".join(f"{c[0]} {t} {n} arrived." for c, t, n in holders)
    text = f"{described} {named}" if before else f"{named} {described}"
    extraction = PIPELINE.extract(text)
    start = text.index(described) + len(f"The {country[0]} ")
    owner = extraction.mentions.person_at(bilatx.Span(start, start + len(title)))
    expected = [n for c, t, n in holders if c == country and t == title]
    if len(expected) == 1:
        assert owner is not None
        assert owner.name == expected[0]
    else:
        assert owner is None
