"""The sector lexicon: phrases from ``data/sectors.json``, compiled once on first use."""

from __future__ import annotations

import json
from functools import cache
from importlib import resources
from typing import Final

import attrs
import regex

__all__ = ["Entry", "Lexicon", "lexicon"]

_DATA: Final = "data/sectors.json"
# A phrase is a whole word sequence: no letter, digit or hyphen right before
# or after it ("innovation-driven" is not "innovation").
_BEFORE: Final = r"(?<![\w-])"
_AFTER: Final = r"(?![\w-])"


@attrs.frozen
class Entry:
    """What a phrase means: a sector id (``None`` for a stop phrase) and its strength."""

    sector: str | None
    strong: bool


@attrs.frozen
class Lexicon:
    """The compiled lexicon."""

    entries: dict[str, Entry]
    """Folded phrase (case-insensitive ones) or exact phrase (case-sensitive ones)."""
    folded: regex.Pattern[str]
    exact: regex.Pattern[str] | None
    cues: regex.Pattern[str]
    sectors: tuple[str, ...]


def _expand(phrase: str) -> list[str]:
    """``"weapon(s)"`` -> ``["weapon", "weapons"]``."""
    for suffix in ("(s)", "(es)"):
        if phrase.endswith(suffix):
            stem = phrase[: -len(suffix)]
            return [stem, stem + suffix[1:-1]]
    return [phrase]


def _words(phrases: list[str]) -> list[str]:
    return [form for phrase in phrases for form in _expand(phrase)]


def _compile(phrases: list[str], *, ignore_case: bool) -> regex.Pattern[str]:
    # Named lists match the longest phrase at each position.
    flags = regex.IGNORECASE if ignore_case else 0
    return regex.compile(rf"{_BEFORE}\L<phrases>{_AFTER}", flags, phrases=phrases)


def _load(raw: dict[str, object]) -> Lexicon:
    entries: dict[str, Entry] = {}
    folded: list[str] = []
    exact: list[str] = []

    def add(phrase: str, entry: Entry) -> None:
        if phrase.startswith("="):
            key = phrase[1:]
            exact.append(key)
        else:
            key = phrase.casefold()
            folded.append(key)
        # The first reading of a phrase wins: stop phrases are read first.
        entries.setdefault(key, entry)

    stops = raw.get("stop", [])
    sectors = raw.get("sectors", {})
    cues = raw.get("cues", [])
    if not isinstance(stops, list) or not isinstance(sectors, dict) or not isinstance(cues, list):
        msg = f"{_DATA}: 'stop' and 'cues' must be lists and 'sectors' a mapping"
        raise TypeError(msg)
    for phrase in _words(stops):
        add(phrase, Entry(None, strong=True))
    for sector, spec in sectors.items():
        if not isinstance(spec, dict):
            msg = f"{_DATA}: sector {sector!r} must map 'strong' and 'weak' to lists"
            raise TypeError(msg)
        for phrase in _words(spec.get("strong", [])):
            add(phrase, Entry(sector, strong=True))
        for phrase in _words(spec.get("weak", [])):
            add(phrase, Entry(sector, strong=False))
    return Lexicon(
        entries=entries,
        folded=_compile(folded, ignore_case=True),
        exact=_compile(exact, ignore_case=False) if exact else None,
        cues=_compile(_words(cues), ignore_case=True),
        sectors=tuple(sectors),
    )


@cache
def lexicon() -> Lexicon:
    """Return the built-in lexicon, loaded and compiled on first use."""
    text = resources.files("bilatx_sectors").joinpath(_DATA).read_text("utf-8")
    raw = json.loads(text)
    if not isinstance(raw, dict):
        msg = f"{_DATA} must hold a JSON object"
        raise TypeError(msg)
    return _load(raw)
