"""The places plugin: countries, demonyms, organisations and cities with their country codes."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

import bilatx
import bilatx_places
from bilatx import strategies as bst
from bilatx.testing import check_contract, check_mentions

K = bilatx.PlaceKind


def places(text: str) -> list[tuple[str, K, str | None]]:
    doc = bilatx.Document(text=text)
    found = bilatx_places.bilatx_extract_places(doc=doc)
    check_mentions(found, doc)
    return [(p.text, p.kind, p.country) for p in sorted(found, key=lambda p: p.span)]


def test_countries_demonyms_organisations_and_cities() -> None:
    text = (
        "Kenyan and Norwegian envoys met in Nairobi; the EU and the United Nations "
        "sent observers, and Brazil's delegation flew in from Brasilia."
    )
    assert places(text) == [
        ("Kenyan", K.DEMONYM, "KEN"),
        ("Norwegian", K.DEMONYM, "NOR"),
        ("Nairobi", K.CITY, "KEN"),
        ("EU", K.ORGANISATION, "EU"),
        ("United Nations", K.ORGANISATION, "UN"),
        ("Brazil", K.COUNTRY, "BRA"),
        ("Brasilia", K.CITY, "BRA"),
    ]


def test_short_forms_and_metonyms() -> None:
    assert places("The U.S. and the UK disagree with the Kremlin.") == [
        ("U.S.", K.COUNTRY, "USA"),
        ("UK", K.COUNTRY, "GBR"),
        ("Kremlin", K.COUNTRY, "RUS"),
    ]


def test_korea_alone_is_south_korea_unless_the_text_names_the_north() -> None:
    text = "The envoy flew to Korea after Tokyo."
    assert ("Korea", K.COUNTRY, "KOR") in places(text)
    assert "KOR" not in [code for _, _, code in places(f"{text} Pyongyang protested.")]


def test_ordinary_words_are_not_places() -> None:
    assert places("Let us cook turkey in a nice china dish; the chad fell off.") == []


def test_a_currency_named_after_a_country_is_not_the_country() -> None:
    assert places("A deal worth US$5bn, or 40 HK$ each, paid in US dollars.") == []
    assert places("A joint Saudi and Emirati $2 billion loan to the US economy.") == [
        ("Saudi", K.DEMONYM, "SAU"),
        ("Emirati", K.DEMONYM, "ARE"),
        ("US", K.COUNTRY, "USA"),
    ]


def test_an_island_known_better_than_a_town_of_its_name() -> None:
    assert places("The leaders met in Bali.") == [("Bali", K.CITY, "IDN")]


def test_wire_dateline_in_capitals_is_a_city() -> None:
    assert places("OSLO, March 3 - Prices rose.") == [("OSLO", K.CITY, "NOR")]
    found = bilatx_places.bilatx_extract_places(doc=bilatx.Document(text="OSLO, March 3 - x"))
    assert found[0].name == "Oslo"


def test_small_cities_need_a_preposition_or_their_country() -> None:
    assert places("Talks ended in Taupo.") == [("Taupo", K.CITY, "NZL")]
    assert places("Taupo, New Zealand, hosted them.") == [
        ("Taupo", K.CITY, "NZL"),
        ("New Zealand", K.COUNTRY, "NZL"),
    ]
    assert places("Taupo hosted them.") == []


def test_a_city_shared_by_two_countries_has_no_country() -> None:
    assert places("The meeting moved to Valencia.") == [("Valencia", K.CITY, None)]


def test_old_spellings_of_cities() -> None:
    assert places("Trains from Bombay and Kiev ran late.") == [
        ("Bombay", K.CITY, "IND"),
        ("Kiev", K.CITY, "UKR"),
    ]


_PLACES = (
    ("India", "IND"),
    ("Indian", "IND"),
    ("Kenya's", "KEN"),
    ("the Philippines", "PHL"),
    ("South Korea", "KOR"),
    ("Soviet", "SUN"),
    ("Moscow", "RUS"),
    ("New Delhi", "IND"),
    ("Tokyo", "JPN"),
    ("the European Union", "EU"),
)
_FILLER = ("the", "talks", "went", "on", "and", "both", "sides", "agreed", "more", "trade")


@given(
    st.lists(st.sampled_from(_PLACES), min_size=1, max_size=4),
    st.lists(st.sampled_from(_FILLER), min_size=1, max_size=5),
)
def test_named_places_come_back_with_their_codes(
    chosen: list[tuple[str, str]], filler: list[str]
) -> None:
    glue = " " + " ".join(filler) + " "
    text = "Reports: " + glue.join(name for name, _ in chosen) + "."
    doc = bilatx.Document(text=text)
    found = sorted(bilatx_places.bilatx_extract_places(doc=doc), key=lambda p: p.span)
    assert [p.country for p in found] == [code for _, code in chosen]


@given(bst.documents())
def test_arbitrary_documents_never_crash(doc: bilatx.Document) -> None:
    check_mentions(bilatx_places.bilatx_extract_places(doc=doc), doc)


def test_plugin_keeps_the_contract() -> None:
    check_contract(bilatx_places)
