"""Properties of the officials plugin.

Round trips: a random (title, name, country) rendered in each supported
pattern inside filler text comes back as one person with that name, title
and country. Robustness: arbitrary text never crashes and every mention is
valid.
"""

from __future__ import annotations

from typing import NamedTuple

from hypothesis import given
from hypothesis import strategies as st

import bilatx
import bilatx_officials
import bilatx_places
import bilatx_resolve
from bilatx import strategies as bst
from bilatx.testing import check_contract, check_mentions, pipeline_with

PIPELINE = pipeline_with(bilatx_officials, bilatx_places, bilatx_resolve)

# Invented names that are no English word, place or title word.
_GIVEN = ("Amara", "Tomas", "Ravi", "Ingrid", "Kwame", "Leila", "Dmitri", "Hana", "Yusuf")
_SURNAMES = ("Okafor", "Lindqvist", "Raman", "Mensah", "Haddad", "Petrova", "Novak", "Iyer")
_PARTICLES = ("bin", "de", "van", "von", "da")
_HONORIFICS = ("Dr.", "Mr.", "Ms.", "Mrs.")


class Country(NamedTuple):
    code: str
    name: str
    demonym: str


_COUNTRIES = (
    Country("IND", "India", "Indian"),
    Country("KEN", "Kenya", "Kenyan"),
    Country("BRA", "Brazil", "Brazilian"),
    Country("JPN", "Japan", "Japanese"),
    Country("FRA", "France", "French"),
    Country("POL", "Poland", "Polish"),
    Country("MEX", "Mexico", "Mexican"),
    Country("EGY", "Egypt", "Egyptian"),
    Country("NOR", "Norway", "Norwegian"),
    Country("VNM", "Vietnam", "Vietnamese"),
    Country("CAN", "Canada", "Canadian"),
    Country("ISR", "Israel", "Israeli"),
)
_TITLES = (
    "Prime Minister",
    "Deputy Prime Minister",
    "President",
    "Vice President",
    "Foreign Minister",
    "Finance Minister",
    "Trade and Industry Minister",
    "Defence Minister",
    "Minister for Foreign Affairs",
    "Minister of State for External Affairs",
    "Ambassador",
    "National Security Adviser",
    "Central Bank Governor",
    "Special Envoy for Climate",
    "Chief Negotiator",
)
# Each pattern renders (title, name, country); the last element says whether
# a country after the name is part of the pattern.
_PATTERNS = (
    "{c.demonym} {title} {name}",
    "{c.name}'s {title} {name}",
    "{title} {name} of {c.name}",
    "{name}, {c.name}'s {title},",
    "{name}, the {c.demonym} {title},",
    "the {title} of {c.name}, {name},",
    "{c.name}'s {title}, {name},",
)
_FILLER = (
    "the", "talks", "covered", "trade", "and", "energy", "over", "two", "days", "with",
    "officials", "from", "both", "sides", "who", "agreed", "to", "meet", "again", "soon",
)  # fmt: skip


class Rendered(NamedTuple):
    text: str
    name: str
    honorific: str | None
    title: str
    country: str


@st.composite
def names(draw: st.DrawFn) -> str:
    given = draw(st.sampled_from(_GIVEN))
    surname = draw(st.sampled_from(_SURNAMES))
    middle = draw(st.sampled_from(("", "A. ", "K. ")))
    particle = draw(st.sampled_from(("", "", "", *(p + " " for p in _PARTICLES))))
    return f"{given} {middle}{particle}{surname}"


def _filler(draw: st.DrawFn) -> str:
    words = draw(st.lists(st.sampled_from(_FILLER), min_size=3, max_size=12))
    return " ".join(words)


@st.composite
def rendered(draw: st.DrawFn) -> Rendered:
    name = draw(names())
    title = draw(st.sampled_from(_TITLES))
    country = draw(st.sampled_from(_COUNTRIES))
    pattern = draw(st.sampled_from(_PATTERNS))
    honorific = draw(st.sampled_from((None, None, *_HONORIFICS)))
    written = f"{honorific} {name}" if honorific else name
    phrase = pattern.format(title=title, name=written, c=country)
    if phrase.endswith(","):
        phrase += " " + _filler(draw) + ","
    before, after = _filler(draw), _filler(draw)
    text = f"{before.capitalize()}. {phrase[:1].upper()}{phrase[1:]} said {after}."
    return Rendered(text, name, honorific, title, country.code)


@given(rendered())
def test_rendered_official_comes_back_with_name_title_and_country(case: Rendered) -> None:
    found = PIPELINE.extract(case.text).officials
    assert len(found) == 1, (case.text, found)
    person = found[0]
    assert (person.name, person.title, person.country) == (case.name, case.title, case.country)
    assert person.honorific == case.honorific
    assert person.surname == " ".join(
        w for w in case.name.split()[-2:] if w in _PARTICLES or w in _SURNAMES
    )


@given(rendered(), st.sampled_from(("", "Mr. ", "the {title} ")))
def test_later_surname_mentions_link_to_the_same_person(case: Rendered, lead: str) -> None:
    surname = case.name.split()[-1]
    lead = lead.format(title=case.title.lower())
    text = f"{case.text} Later {lead}{surname} left for the airport."
    extraction = PIPELINE.extract(text)
    (person,) = extraction.officials
    spans = set(person.spans)
    for mention in extraction.mentions.officials:
        assert mention.span in spans
    assert extraction.mentions.person_at(bilatx.Span(text.rindex(surname), len(text) - 1)) == person


@given(bst.documents())
def test_arbitrary_documents_never_crash_and_give_valid_mentions(doc: bilatx.Document) -> None:
    found = bilatx_officials.bilatx_extract_officials(doc=doc)
    check_mentions(found, doc)


@given(st.text(max_size=300))
def test_arbitrary_text_never_crashes(text: str) -> None:
    extraction = PIPELINE.extract(text)
    covered = [span for person in extraction.officials for span in person.spans]
    for mention in extraction.mentions.officials:
        assert covered.count(mention.span) == 1


def test_plugin_keeps_the_contract() -> None:
    check_contract(bilatx_officials)


# ------------------------------------------------------------- listed names

_PLURALS = (
    ("Foreign Ministers", "Foreign Minister"),
    ("Trade Ministers", "Trade Minister"),
    ("national security advisers", "national security adviser"),
    ("Presidents", "President"),
    ("finance ministers", "finance minister"),
)
_NOTES = ("{name} of {c.name}", "{name} ({c.name})")


class Listed(NamedTuple):
    text: str
    expected: set[tuple[str, str, str]]


@st.composite
def listed(draw: st.DrawFn) -> Listed:
    """Names with a country each, after a plural office or "his counterparts"."""
    count = draw(st.integers(2, 4))
    surnames = draw(st.permutations(_SURNAMES))[:count]
    givens = draw(st.lists(st.sampled_from(_GIVEN), min_size=count, max_size=count))
    countries = draw(st.permutations(_COUNTRIES))[:count]
    note = draw(st.sampled_from(_NOTES))
    parts = [
        note.format(name=f"{g} {s}", c=c)
        for g, s, c in zip(givens, surnames, countries, strict=True)
    ]
    joined = ", ".join(parts[:-1]) + draw(st.sampled_from((" and ", ", and "))) + parts[-1]
    if draw(st.booleans()):
        plural, office = draw(st.sampled_from(_PLURALS))
        phrase = f"The {plural} {joined} met"
    else:
        office = draw(st.sampled_from(("Foreign Minister", "Prime Minister", "Trade Minister")))
        phrase = f"{office} Lena Brennan met her counterparts {joined}"
    text = f"{_filler(draw).capitalize()}. {phrase} to discuss {_filler(draw)}."
    expected = {
        (f"{g} {s}", office, c.code) for g, s, c in zip(givens, surnames, countries, strict=True)
    }
    return Listed(text, expected)


@given(listed())
def test_names_listed_after_a_plural_office_each_keep_their_own_country(case: Listed) -> None:
    found = {(p.name, p.title, p.country) for p in PIPELINE.extract(case.text).officials}
    assert case.expected <= found, (case.text, found)
    assert len(found - case.expected) <= 1  # the host of "her counterparts"


# ------------------------------------------------------ roles at public bodies

_ROLES = ("deputy minister", "senior official", "director general", "senior civil servant")
_BODIES = ("ministry of finance", "trade ministry", "central bank", "state planning commission")
_COMPANIES = ("Okafor Steel Corp", "Novak Holdings", "the Mensah Trading Company")


@given(names(), st.sampled_from(_ROLES), st.sampled_from(_BODIES), st.sampled_from(("at", "of")))
def test_a_role_at_a_public_body_after_a_name_is_an_office(
    name: str, role: str, body: str, prep: str
) -> None:
    text = f"Prices rose. {name}, a {role} {prep} the {body}, said so on Friday."
    (person,) = PIPELINE.extract(text).officials
    assert (person.name, person.title) == (name, f"{role} {prep} the {body}")


@given(names(), st.sampled_from(_ROLES[1:]), st.sampled_from(_COMPANIES))
def test_a_role_at_a_company_is_not_an_office(name: str, role: str, company: str) -> None:
    text = f"Prices rose. {name}, a {role} at {company}, said so on Friday."
    assert PIPELINE.extract(text).officials == ()
