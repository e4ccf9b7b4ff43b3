"""The sector lexicon: phrases from ``data/sectors.json``, compiled once on first use."""

from __future__ import annotations

import json
import re
from functools import cache, lru_cache
from importlib import resources
from itertools import accumulate
from typing import Final

import attrs
import regex

__all__ = ["Entry", "Lexicon", "lexicon"]

_DATA: Final = "data/sectors.json"
# Phrases are matched as sequences of tokens: words (letters, digits and inner
# hyphens, so "innovation-driven" is one word and never "innovation") and
# single marks ("&", ","). Looking every sequence up in a table keeps the work
# linear in the text and independent of the size of the lexicon, which a
# regular expression over a list of a thousand phrases is not.
_WORD_OR_MARK: Final = r"[\w-]+|[^\w\s]"


@cache
def _token() -> regex.Pattern[str]:
    return regex.compile(_WORD_OR_MARK)


@cache
def _token_split() -> regex.Pattern[str]:
    return regex.compile(f"({_WORD_OR_MARK})")


# The same tokens spelt for the standard library's engine, which splits a
# text about twice as fast; its classes differ from the ``regex`` ones outside
# ASCII (and on a few ASCII controls), so it is used only on texts whose every
# character falls in the same class under both (see _same_tokens).
_FAST_SPLIT: Final = re.compile(r"([A-Za-z0-9_-]+|[^A-Za-z0-9_\s])")
_ASCII: Final = frozenset(map(chr, range(128)))


@lru_cache(maxsize=4096)
def _same_class(char: str) -> bool:
    """Whether both token patterns put ``char`` in the same class (word, mark or space)."""
    word, mark = regex.match(r"[\w-]", char), regex.match(r"[^\w\s]", char)
    fast_word, fast_mark = re.match(r"[A-Za-z0-9_-]", char), re.match(r"[^A-Za-z0-9_\s]", char)
    return (word is None) == (fast_word is None) and (mark is None) == (fast_mark is None)


@cache
def _ascii_mismatches() -> tuple[str, ...]:
    """The ASCII characters the two token patterns class differently."""
    return tuple(c for c in sorted(_ASCII) if not _same_class(c))


def _same_tokens(text: str) -> bool:
    """Whether :data:`_FAST_SPLIT` splits ``text`` exactly as the ``regex`` token pattern does.

    Tokens are runs of word characters and single marks, so two patterns
    that class every character of the text alike split it alike.
    """
    if any(c in text for c in _ascii_mismatches()):
        return False
    return text.isascii() or all(_same_class(c) for c in set(text) - _ASCII)


def _key(phrase: str) -> tuple[str, ...]:
    return tuple(m.group() for m in _token().finditer(phrase))


@attrs.frozen
class Entry:
    """What a phrase means: a sector id (``None`` for a stop phrase) and its strength."""

    sector: str | None
    strong: bool
    exact: bool = False
    """The phrase is case-sensitive (an acronym such as ``IT`` or ``LNG``)."""
    after_function_word: bool = False
    """The phrase counts only after a function word or a mark: "on the
    environment", not "the business environment"."""


@attrs.frozen
class Lexicon:
    """The compiled lexicon."""

    entries: dict[str, Entry]
    """Folded phrase (case-insensitive ones) or exact phrase (case-sensitive ones)."""
    folded: dict[tuple[str, ...], Entry]
    """Entries of case-insensitive phrases by their folded tokens."""
    exact: dict[tuple[str, ...], Entry]
    """Entries of case-sensitive phrases by their tokens."""
    starts: dict[str, int]
    """The most tokens of a phrase starting with a given token (folded, or exact)."""
    cues: regex.Pattern[str]
    sectors: tuple[str, ...]

    def find(self, text: str) -> list[tuple[int, int, Entry]]:
        """Every phrase in ``text`` as ``(start, end, entry)``, the longest at each place.

        Phrases do not overlap: after a phrase the search goes on past its end.
        """
        # split() with the token as a group alternates gaps and tokens: their
        # lengths give every token's offset without a match object per token.
        splitter = _FAST_SPLIT if _same_tokens(text) else _token_split()
        parts: list[str] = splitter.split(text)
        words = parts[1::2]
        starts = list(accumulate(map(len, parts)))[0::2]
        folded = [w.casefold() for w in words]
        longest_at = self.starts
        found: list[tuple[int, int, Entry]] = []
        n = len(words)
        resume = 0
        # Only a word that begins some phrase can start one: the others are
        # skipped in one pass instead of looked up one by one.
        for index in [i for i in range(n) if folded[i] in longest_at or words[i] in longest_at]:
            if index < resume:
                continue  # inside the phrase found before
            longest = max(longest_at.get(folded[index], 0), longest_at.get(words[index], 0))
            for size in range(min(longest, n - index), 0, -1):
                entry = self.exact.get(tuple(words[index : index + size]))
                if entry is None:
                    entry = self.folded.get(tuple(folded[index : index + size]))
                if entry is not None:
                    last = index + size - 1
                    found.append((starts[index], starts[last] + len(words[last]), entry))
                    resume = index + size
                    break
        return found


def _alternatives(phrase: str) -> list[str]:
    """``"{AI|data} infrastructure"`` -> ``["AI infrastructure", "data infrastructure"]``.

    Every ``{...|...}`` group multiplies the phrases; a group may be empty
    (``"{the |}rule of law"``).
    """
    start = phrase.find("{")
    if start < 0:
        return [phrase]
    end = phrase.find("}", start)
    if end < 0:
        msg = f"{_DATA}: unclosed '{{' in phrase {phrase!r}"
        raise ValueError(msg)
    head, tail = phrase[:start], _alternatives(phrase[end + 1 :])
    return [head + choice + rest for choice in phrase[start + 1 : end].split("|") for rest in tail]


def _expand(phrase: str) -> list[str]:
    """``"weapon(s)"`` -> ``["weapon", "weapons"]``; braces give alternatives (see above)."""
    forms: list[str] = []
    for form in _alternatives(phrase):
        for suffix in ("(s)", "(es)"):
            if form.endswith(suffix):
                stem = form[: -len(suffix)]
                forms.extend((stem, stem + suffix[1:-1]))
                break
        else:
            forms.append(form)
    return forms


def _words(phrases: list[str]) -> list[str]:
    return [form for phrase in phrases for form in _expand(phrase)]


def _compile(phrases: list[str]) -> regex.Pattern[str]:
    # A short list: a named list matches the longest phrase at each position.
    before, after = r"(?<![\w-])", r"(?![\w-])"
    return regex.compile(rf"{before}\L<phrases>{after}", regex.IGNORECASE, phrases=phrases)


def _strings(raw: dict[str, object], name: str) -> list[str]:
    found = raw.get(name, [])
    if not isinstance(found, list) or not all(isinstance(x, str) for x in found):
        msg = f"{_DATA}: {name!r} must be a list of phrases"
        raise TypeError(msg)
    return found


def _starts(keys: tuple[tuple[str, ...], ...]) -> dict[str, int]:
    starts: dict[str, int] = {}
    for key in keys:
        if key:
            starts[key[0]] = max(starts.get(key[0], 0), len(key))
    return starts


def _load(raw: dict[str, object]) -> Lexicon:
    entries: dict[str, Entry] = {}
    folded: list[str] = []
    exact: list[str] = []

    guarded: set[str] = set()

    def add(phrase: str, entry: Entry) -> None:
        if phrase.startswith("="):
            key = phrase[1:]
            exact.append(key)
            entry = attrs.evolve(entry, exact=True)
        else:
            key = phrase.casefold()
            folded.append(key)
            if key in guarded:
                entry = attrs.evolve(entry, after_function_word=True)
        # The first reading of a phrase wins: stop phrases are read first.
        entries.setdefault(key, entry)

    stops = _strings(raw, "stop")
    cues = _strings(raw, "cues")
    guarded.update(form.casefold() for form in _words(_strings(raw, "after_function_word")))
    sectors = raw.get("sectors", {})
    if not isinstance(sectors, dict):
        msg = f"{_DATA}: 'sectors' must be a mapping"
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
    exact_keys = {_key(phrase): entries[phrase] for phrase in exact}
    folded_keys = {_key(phrase): entries[phrase] for phrase in folded}
    return Lexicon(
        entries=entries,
        folded=folded_keys,
        exact=exact_keys,
        starts=_starts((*exact_keys, *folded_keys)),
        cues=_compile(_words(cues)),
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
