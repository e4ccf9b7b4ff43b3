"""The currency lexicon: ISO 4217 codes and names from pycountry, plus our own table.

pycountry knows every current code and its English name ("Indian Rupee",
"Swiss Franc", "Yen"). From a name we take its *unit* (the last word: "rupee")
and its *qualifier* (the words before it: "Indian"), which :mod:`bilatx.geo`
turns into a country. ``data/currencies.json`` adds only what pycountry lacks:
symbols and abbreviations ("$", "Rs", "dlrs", "stg"), irregular plurals,
withdrawn currencies that old wire copy still names (francs, marks, lire), and
the reading of a bare unit ("dollars" is USD unless qualified).

Everything is built on first use and cached; importing this module is cheap.
"""

from __future__ import annotations

import json
import unicodedata
from collections import Counter
from functools import cache
from importlib import resources
from typing import TYPE_CHECKING, Final

import attrs

import bilatx.geo

if TYPE_CHECKING:
    from collections.abc import Iterable, Mapping

__all__ = ["Context", "Lexicon", "fold", "lexicon"]

# Multi-word pycountry names whose unit is not the last word.
_SPECIAL_UNITS: Final = {
    "GBP": ("pound", "UK"),
    "CNY": ("yuan", "China"),
    "OMR": ("rial", "Oman"),
    "UYU": ("peso", "Uruguay"),
    "BAM": ("mark", "Bosnia and Herzegovina"),
    "XAF": ("franc", ""),
    "XOF": ("franc", ""),
    "XPF": ("franc", ""),
    "ILS": ("sheqel", "Israel"),
    "TMT": ("manat", "Turkmenistan"),
    "VES": ("bolivar", "Venezuela"),
    "NIO": ("cordoba", "Nicaragua"),
}


def fold(text: str) -> str:
    """Return the lookup key of a name: no accents, case-folded, single spaces."""
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c))
    text = text.replace("\u2019", "'")
    return " ".join(text.casefold().split())


class Context:
    """What a document tells about ambiguous currency names: its year and its countries.

    The countries are counted on first use only: most amounts ("$5 billion")
    never need them.
    """

    __slots__ = ("_countries", "_text", "year")

    def __init__(self, text: str, year: int | None) -> None:
        """Describe ``text``, written in ``year`` (``None`` when unknown)."""
        self._text = text
        self.year = year
        """The publication year; decides between a withdrawn currency and its successor."""
        self._countries: dict[str, int] | None = None

    @property
    def countries(self) -> Mapping[str, int]:
        """How often each country code is named in the document."""
        if self._countries is None:
            counts = Counter(match.code for match in bilatx.geo.find_countries(self._text))
            self._countries = dict(counts)
        return self._countries


@attrs.frozen(kw_only=True)
class Lexicon:
    """Lookup tables for currencies, built once from pycountry and ``currencies.json``."""

    prefixes: Mapping[str, str]
    """Symbols and abbreviations written before a number -> code or ``@unit``."""
    codes: frozenset[str]
    """ISO codes that may stand beside a number."""
    unit_forms: Mapping[str, str]
    """Every written form of a unit name (folded, singular or plural) -> unit."""
    post_words: Mapping[str, str]
    """Wire-copy words after a number ("dlrs", "stg") -> code or ``@unit``."""
    subunits: Mapping[str, str]
    """Hundredths written after a number ("50 cts", "20 pence") -> code."""
    unit_of_code: Mapping[str, str]
    by_unit_country: Mapping[tuple[str, str], tuple[tuple[str, int | None], ...]]
    """(unit, country) -> ((code, last year in use or None), ...)."""
    unit_defaults: Mapping[str, tuple[tuple[str, int | None], ...]]
    contextual_units: frozenset[str]
    weak_units: frozenset[str]
    qualifiers: Mapping[str, tuple[str, ...]]
    """Qualifiers geo cannot resolve ("CFA", "N.Z.") -> the codes they may mean."""
    per_units: frozenset[str]

    def code_for_unit(self, unit: str, qualifier: str | None, context: Context) -> str | None:
        """Return the ISO code a unit name means, given its qualifier and the document.

        A qualifier ("Australian dollars", "Swiss francs") decides when it names
        a country using that unit. Otherwise a contextual unit ("rupees",
        "francs") takes the currency of the most-named country of the document
        that used it at the time; failing that, the unit's default reading.
        """
        if qualifier:
            code = self._qualified(unit, qualifier, context)
            if code is not None:
                return code
        if unit in self.contextual_units and context.countries:
            ranked = sorted(context.countries.items(), key=lambda kv: (-kv[1], kv[0]))
            for country, _ in ranked:
                code = _in_use(self.by_unit_country.get((unit, country), ()), context.year)
                if code is not None:
                    return code
        return _in_use(self.unit_defaults.get(unit, ()), context.year)

    def _qualified(self, unit: str, qualifier: str, context: Context) -> str | None:
        key = fold(qualifier).removesuffix("'s")
        codes = [c for c in self.qualifiers.get(key, ()) if self.unit_of_code.get(c) == unit]
        if codes:
            # "CFA francs": the West or Central African franc, by the countries named.
            for named in sorted(context.countries, key=lambda c: -context.countries[c]):
                for option, _ in self.by_unit_country.get((unit, named), ()):
                    if option in codes:
                        return option
            return codes[0]
        country = bilatx.geo.country_code(qualifier)
        if country is None:
            return None
        options = self.by_unit_country.get((unit, country), ())
        # A qualified name is explicit: "French francs" are francs even in a text
        # written after the euro, so fall back to any currency the country had.
        return _in_use(options, context.year) or (options[0][0] if options else None)

    def resolve(self, value: str, context: Context) -> str | None:
        """Return the code for a table value: a code, or ``@unit`` read in context."""
        if value.startswith("@"):
            return self.code_for_unit(value[1:], None, context)
        return value


def _in_use(options: Iterable[tuple[str, int | None]], year: int | None) -> str | None:
    """Return the code in use in ``year``; a withdrawn currency wins while it lived."""
    valid = [
        (code, until) for code, until in options if until is None or year is None or year <= until
    ]
    if year is not None:
        dated = [code for code, until in valid if until is not None]
        if dated:
            return dated[0]
    current = [code for code, until in valid if until is None]
    return current[0] if current else (valid[0][0] if valid else None)


def _unit_and_qualifier(code: str, name: str) -> tuple[str, str]:
    if code in _SPECIAL_UNITS:
        return _SPECIAL_UNITS[code]
    words = fold(name).split()
    return words[-1], " ".join(words[:-1])


def _add(
    table: dict[tuple[str, str], list[tuple[str, int | None]]],
    key: tuple[str, str],
    code: str,
    until: int | None,
) -> None:
    entries = table.setdefault(key, [])
    if all(existing != code for existing, _ in entries):
        entries.append((code, until))


def _plural(unit: str) -> str:
    return unit + ("es" if unit.endswith(("s", "sh", "ch")) else "s")


@cache
def lexicon() -> Lexicon:
    """Return the lexicon, built on first use."""
    import pycountry  # noqa: PLC0415  (loaded on first extraction, not at import)

    raw = resources.files("bilatx_money").joinpath("data/currencies.json").read_text("utf-8")
    data = json.loads(raw)
    aliases: dict[str, str] = data["unit_aliases"]
    deny = frozenset(data["code_denylist"])

    unit_of_code: dict[str, str] = {}
    by_unit_country: dict[tuple[str, str], list[tuple[str, int | None]]] = {}
    units: set[str] = set()
    for currency in pycountry.currencies:
        code = currency.alpha_3
        if code in deny:
            continue
        unit, qualifier = _unit_and_qualifier(code, currency.name)
        unit = aliases.get(unit, unit)
        unit_of_code[code] = unit
        units.add(unit)
        country = bilatx.geo.country_code(qualifier) if qualifier else None
        if country is not None:
            _add(by_unit_country, (unit, country), code, None)
    for code, members in data["currency_unions"].items():
        for country in members:
            _add(by_unit_country, (unit_of_code[code], country), code, None)
    for entry in data["legacy"]:
        unit = entry["unit"]
        unit_of_code.setdefault(entry["code"], unit)
        units.add(unit)
        _add(by_unit_country, (unit, entry["country"]), entry["code"], entry["until"])
    # Currencies named by the unit alone ("Yen", "Won") belong to the country whose
    # qualifier geo cannot produce; the defaults table covers them.
    defaults: dict[str, tuple[tuple[str, int | None], ...]] = {
        unit: tuple((code, until) for code, until in options)
        for unit, options in data["unit_defaults"].items()
    }
    for code, unit in unit_of_code.items():
        owners = [c for c, u in unit_of_code.items() if u == unit]
        if unit not in defaults and len(owners) == 1:
            defaults[unit] = ((code, None),)

    forms: dict[str, str] = {}
    plurals: Mapping[str, Iterable[str]] = data["plurals"]
    for unit in units:
        forms[unit] = unit
        for form in plurals.get(unit, (_plural(unit),)):
            forms[fold(form)] = unit
    for alias, unit in aliases.items():
        if unit in units:
            forms[fold(alias)] = unit
            forms.setdefault(_plural(fold(alias)), unit)

    return Lexicon(
        prefixes=dict(data["prefixes"]),
        codes=frozenset(code for code in unit_of_code if len(code) == 3 and code not in deny),  # noqa: PLR2004
        unit_forms=forms,
        post_words={fold(k): v for k, v in data["post_words"].items()},
        subunits={fold(k): v for k, v in data["subunits"].items()},
        unit_of_code=unit_of_code,
        by_unit_country={k: tuple(v) for k, v in by_unit_country.items()},
        unit_defaults=defaults,
        contextual_units=frozenset(data["contextual_units"]),
        weak_units=frozenset(data["weak_units"]),
        qualifiers={
            fold(k): (v,) if isinstance(v, str) else tuple(v) for k, v in data["qualifiers"].items()
        },
        per_units=frozenset(fold(u) for u in data["per_units"]),
    )
