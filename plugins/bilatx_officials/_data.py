"""The officials gazetteer: titles, abbreviations, name conventions and agencies.

Everything here is read from the JSON files in ``data/`` on first use and
cached, so importing the plugin costs nothing.
"""

from __future__ import annotations

import json
from functools import cache, cached_property
from importlib import resources
from typing import Any, Final

import attrs

__all__ = ["Abbreviation", "Gazetteer", "gazetteer"]

_PACKAGE: Final = "bilatx_officials"


def _load(name: str) -> dict[str, Any]:
    raw = resources.files(_PACKAGE).joinpath("data").joinpath(name).read_text("utf-8")
    loaded: dict[str, Any] = json.loads(raw)
    return loaded


@attrs.frozen
class Abbreviation:
    """A short form of a title ("EAM") and what it stands for."""

    title: str
    country: str | None = None
    """The country whose title this is, when only one uses it."""
    readings: tuple[tuple[str, str], ...] = ()
    """``(country, title)`` pairs where a country reads it differently ("FM" in India)."""

    def expand(self, country: str | None) -> str:
        """Return the full title, as read in ``country`` when that country reads it its own way."""
        for code, title in self.readings:
            if code == country:
                return title
        return self.title


@attrs.frozen
class Gazetteer:
    """Every table the extractor consults, keyed in lower case unless noted."""

    heads: tuple[tuple[str, ...], ...]
    """Office words as token tuples, longest first."""
    weak_heads: frozenset[str]
    country_weak_heads: frozenset[str]
    """Weak heads that are offices in lower case too right after a country ("Soviet leader")."""
    modifiers: frozenset[str]
    portfolio: frozenset[str]
    abbreviations: dict[str, Abbreviation]
    """Keyed as written (case matters: "PM" is a title, "pm" a time)."""
    implied_countries: dict[str, str]
    implied_prefixes: dict[str, str]
    """Office words that are one country's whatever follows ("union minister ...")."""
    counterpart_titles: dict[str, str]
    """One country's title to the usual name of the office elsewhere (lower-case keys)."""
    party_countries: dict[str, tuple[str, frozenset[str]]]
    role_nouns: frozenset[str]
    government_bodies: frozenset[str]
    """Nouns that name a public body ("ministry", "embassy")."""
    public_markers: frozenset[str]
    """Words that make a body named after them public ("state-run", "central" bank)."""
    private_roles: frozenset[str]
    company_words: frozenset[str]
    non_government_words: frozenset[str]
    honorifics: tuple[tuple[str, ...], ...]
    """Honorifics as token tuples (as written, compared case-insensitively), longest first."""
    ranks: tuple[tuple[str, ...], ...]
    particles: frozenset[str]
    suffixes: frozenset[str]
    family_first: dict[str, frozenset[str]]
    not_names: frozenset[str]
    organisation_words: frozenset[str]
    """Nouns that end a body's name ("Bank", "party"), lower case: never part of a person's name."""
    agencies: dict[str, str]
    """Agency short or full names (lower case) to the country they belong to."""

    @cached_property
    def vocabulary(self) -> frozenset[str]:
        """Words that belong to titles, never to names (lower case)."""
        words = {w for head in self.heads for w in head}
        return frozenset(words | self.modifiers | self.portfolio)


def _tokens(phrase: str) -> tuple[str, ...]:
    return tuple(phrase.split())


@cache
def gazetteer() -> Gazetteer:
    """Return the gazetteer, loading the data files the first time."""
    titles = _load("titles.json")
    names = _load("names.json")
    agencies = _load("agencies.json")
    abbreviations = {
        key: Abbreviation(
            title=value["title"],
            country=value.get("country"),
            readings=tuple((k, v) for k, v in value.items() if k not in {"title", "country"}),
        )
        for key, value in titles["abbreviations"].items()
    }
    heads = sorted({_tokens(h.lower()) for h in titles["heads"]}, key=len, reverse=True)
    return Gazetteer(
        heads=tuple(heads),
        weak_heads=frozenset(titles["weak_heads"]),
        country_weak_heads=frozenset(titles["country_weak_heads"]),
        modifiers=frozenset(m.lower() for m in titles["modifiers"]),
        portfolio=frozenset(p.lower() for p in titles["portfolio"]),
        abbreviations=abbreviations,
        implied_countries={k.lower(): v for k, v in titles["implied_countries"].items()},
        implied_prefixes={k.lower(): v for k, v in titles["implied_prefixes"].items()},
        counterpart_titles={k.lower(): v for k, v in titles["counterpart_titles"].items()},
        party_countries={
            k.lower(): (v["country"], frozenset(v["heads"]))
            for k, v in titles["party_countries"].items()
        },
        role_nouns=frozenset(titles["role_nouns"]),
        government_bodies=frozenset(titles["government_bodies"]),
        public_markers=frozenset(titles["public_markers"]),
        private_roles=frozenset(titles["private_roles"]),
        company_words=frozenset(titles["company_words"]),
        non_government_words=frozenset(titles["non_government_words"]),
        honorifics=tuple(sorted({_tokens(h) for h in names["honorifics"]}, key=len, reverse=True)),
        ranks=tuple(sorted({_tokens(r) for r in names["ranks"]}, key=len, reverse=True)),
        particles=frozenset(names["particles"]),
        suffixes=frozenset(names["suffixes"]),
        family_first={k: frozenset(v) for k, v in names["family_name_first"].items()},
        not_names=frozenset(names["not_names"]),
        organisation_words=frozenset(names["organisation_words"]),
        agencies={k.lower(): v for k, v in agencies["agencies"].items()},
    )
