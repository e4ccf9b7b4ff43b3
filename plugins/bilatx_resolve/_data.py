"""Data the resolution step reads: which offices countries have, and well-known office-holders."""

from __future__ import annotations

import json
import re
import unicodedata
from functools import cache, lru_cache
from importlib import resources
from typing import Any, Final

import attrs

__all__ = ["Offices", "fold_words", "known_people", "load_people_names", "offices"]

_PACKAGE: Final = "bilatx_resolve"
_SUFFIXES: Final = frozenset({"jr", "sr", "ii", "iii", "iv", "jnr", "snr"})
_PATRONYMIC: Final = frozenset({"bin", "bint", "ibn", "ben", "al", "abu", "ould"})


def _load(name: str) -> dict[str, Any]:
    raw = resources.files(_PACKAGE).joinpath("data").joinpath(name).read_text("utf-8")
    loaded: dict[str, Any] = json.loads(raw)
    return loaded


@lru_cache(maxsize=4096)
def fold_words(name: str) -> tuple[str, ...]:
    """Return a name's words folded for comparison: no accents, no case, no initials or suffixes.

    >>> fold_words("Joseph R. Biden, Jr.")
    ('joseph', 'biden')
    """
    text = unicodedata.normalize("NFKD", name)
    text = "".join(c for c in text if not unicodedata.combining(c)).casefold()
    words = re.findall(r"[^\W\d_]+(?:[-'\u2019][^\W\d_]+)*", text)
    return tuple(w for w in words if len(w) > 1 and w not in _SUFFIXES)


@attrs.frozen
class Offices:
    """Which offices each country has (see ``data/offices.json``)."""

    monarchies: frozenset[str]
    no_president: frozenset[str]
    no_prime_minister: frozenset[str]
    secretary_cabinets: frozenset[str]
    general_secretary: frozenset[str]
    chancellor: frozenset[str]
    unique_offices: frozenset[str]


@cache
def offices() -> Offices:
    """Return the offices table, loading it the first time."""
    data = _load("offices.json")
    return Offices(**{field.name: frozenset(data[field.name]) for field in attrs.fields(Offices)})


@attrs.frozen
class KnownPeople:
    """Well-known office-holders: full names, and surnames of heads of state and government."""

    by_name: dict[tuple[str, ...], str]
    """Folded full name words to country; a name two countries share is left out."""
    leader_surnames: dict[str, str]
    """Folded surnames of leaders to country, for surnames only one country's leaders bear."""
    other_surnames: dict[str, str]
    """Folded surnames of listed people who are not leaders, when one country's people bear them."""
    nicknames: dict[str, str]
    """Short forms of given names to the full form ("joe" -> "joseph")."""


@cache
def known_people() -> KnownPeople:
    """Return the gazetteer of well-known office-holders, loading it the first time."""
    data = _load("people.json")
    by_name: dict[tuple[str, ...], str | None] = {}
    surnames: dict[str, str | None] = {}
    others: dict[str, str | None] = {}
    for section in ("leaders", "others"):
        for code, names in data[section].items():
            for name in names:
                words = fold_words(name)
                if not words:
                    continue
                by_name[words] = code if by_name.get(words, code) == code else None
                # Arabic patronymics ("Tamim bin Hamad") do not end in a surname.
                if set(words) & _PATRONYMIC:
                    continue
                last = words[-1]
                table = surnames if section == "leaders" else others
                table[last] = code if table.get(last, code) == code else None
    return KnownPeople(
        by_name={k: v for k, v in by_name.items() if v is not None},
        leader_surnames={k: v for k, v in surnames.items() if v is not None},
        other_surnames={
            k: v
            for k, v in others.items()
            if v is not None and surnames.get(k, v) == v  # no leader of another country
        },
        nicknames=dict(data["nicknames"]),
    )


@cache
def load_people_names() -> frozenset[str]:
    """Return the full names of the listed office-holders as written (two words or more)."""
    data = _load("people.json")
    return frozenset(
        name
        for section in ("leaders", "others")
        for names in data[section].values()
        for name in names
        if len(fold_words(name)) >= 2  # noqa: PLR2004
    )
