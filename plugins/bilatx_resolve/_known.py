"""Well-known office-holders named without a title ("Narendra Modi had planned ...").

The officials extractor reads people from their titles; a leader the text
names only by full name has none. The full names of ``data/people.json`` are
looked up in the text, and each one not already inside an official mention
becomes a mention of its own (no title; the country is settled with the
others, from the same table).
"""

from __future__ import annotations

from functools import cache
from typing import TYPE_CHECKING, Final

import regex

import bilatx
from bilatx_resolve._data import load_people_names

if TYPE_CHECKING:
    from collections.abc import Iterator, Sequence

__all__ = ["find_known"]

EXTRACTOR: Final = "resolve"
# Words before a name that make it part of something else ("the Indira Gandhi
# airport") rather than the person.
_ARTICLES: Final = frozenset({"the", "a", "an"})
_WORD: Final = regex.compile(r"[\p{L}\p{M}\p{N}]+(?:['\u2019-][\p{L}\p{M}\p{N}]+)*")


_BEFORE: Final = r"(?<![\p{L}\p{M}\p{N}.'\u2019-])"
_AFTER: Final = r"(?![\p{L}\p{M}\p{N}])"
# A name stands alone: no letter, mark, digit, full stop, apostrophe or hyphen
# right before it, no letter, mark or digit right after.
_NOT_BEFORE: Final = regex.compile(r"[\p{L}\p{M}\p{N}.'\u2019-]")
_NOT_AFTER: Final = regex.compile(r"[\p{L}\p{M}\p{N}]")
_PREFIX: Final = 3


@cache
def _pattern() -> regex.Pattern[str]:
    """Every listed name, standing alone (what :func:`_known_names` finds, tried everywhere)."""
    names = sorted(load_people_names(), key=len, reverse=True)
    return regex.compile(rf"{_BEFORE}(\L<names>){_AFTER}", names=names)


@cache
def _by_prefix() -> dict[str, tuple[str, ...]] | None:
    """The names by their first three characters; ``None`` if a name is shorter."""
    names = load_people_names()
    if any(len(name) < _PREFIX for name in names):
        return None
    grouped: dict[str, list[str]] = {}
    for name in names:
        grouped.setdefault(name[:_PREFIX], []).append(name)
    return {
        prefix: tuple(sorted(group, key=len, reverse=True)) for prefix, group in grouped.items()
    }


@cache
def _starts() -> regex.Pattern[str]:
    """Where a listed name can begin: its first character, nothing that joins it before."""
    firsts = sorted({name[0] for name in load_people_names()})
    return regex.compile(rf"{_BEFORE}[{regex.escape(''.join(firsts))}]")


def _known_names(text: str) -> Iterator[tuple[int, int]]:
    """The spans :func:`_pattern` finds in ``text``, as its ``finditer`` gives them.

    The names are tried only where one of them begins (same three first
    characters), and compared as strings: the pattern of every name is slow
    to try at every position, and a pattern per group slow to compile.
    """
    by_prefix = _by_prefix()
    if by_prefix is None:
        for match in _pattern().finditer(text):
            yield match.span(1)
        return
    end = 0
    for start in _starts().finditer(text):
        at = start.start()
        if at < end:
            continue
        # Longest first, as the pattern tries a list of names: "Ana Ruiz
        # Gomez" before "Ana Ruiz", which counts only if the longer fails.
        for name in by_prefix.get(text[at : at + _PREFIX], ()):
            stop = at + len(name)
            if text.startswith(name, at) and _NOT_AFTER.match(text, stop) is None:
                yield at, stop
                end = stop
                break


def _occurrences(text: str, name: str) -> Iterator[tuple[int, int]]:
    """The spans where ``name`` stands alone in ``text``, left to right, not overlapping."""
    size = len(name)
    start = text.find(name) if size else -1
    while start != -1:
        end = start + size
        if (start == 0 or _NOT_BEFORE.match(text, start - 1) is None) and _NOT_AFTER.match(
            text, end
        ) is None:
            yield start, end
            start = text.find(name, end)
        else:
            start = text.find(name, start + 1)


def _surname(name: str) -> str:
    words = [w for w in _WORD.findall(name) if len(w) > 1 or not w.isupper()]
    return words[-1] if words else name


def _alone(text: str, start: int, end: int) -> bool:
    """Whether the name at ``[start, end)`` stands for a person, not part of another name."""
    after = _WORD.match(text, end + 1) if text[end : end + 1] == " " else None
    if after is not None and after.group()[:1].isupper():
        return False  # "the Rajiv Gandhi Foundation": a body named after the person
    before = text[max(0, start - 40) : start].split()
    if not before:
        return True
    prev = before[-1]
    if prev.casefold() in _ARTICLES:
        return False
    if not prev[:1].isupper() or prev.endswith((".", ",", ":", ";", '"', "\u201d")):
        return True
    # A capitalised word right before is part of a longer name or of a title the
    # officials plugin would have read, unless it opens the sentence ("Later Modi").
    return len(before) == 1 or before[-2].endswith((".", "!", "?", ":", '"', "\u201d"))


def find_known(
    doc: bilatx.Document, officials: Sequence[bilatx.OfficialMention]
) -> list[bilatx.OfficialMention]:
    """Return mentions of listed office-holders named in ``doc`` outside ``officials``.

    The full name must be written once; the surname alone then counts too
    ("Narendra Modi had planned ... Modi said").
    """
    text = doc.text
    taken = [m.span for m in officials]
    found: list[bilatx.OfficialMention] = []

    def add(start: int, end: int, name: str, surname: str, rule: str) -> None:
        span = bilatx.Span(start, end)
        if any(span.overlaps(other) for other in taken) or not _alone(text, start, end):
            return
        taken.append(span)
        found.append(
            bilatx.OfficialMention(
                span=span, text=text[start:end], name=name, surname=surname, rule=rule,
                extractor=EXTRACTOR,
            )
        )  # fmt: skip

    for start, end in _known_names(text):
        name = text[start:end]
        add(start, end, name, _surname(name), "known-person")
    if not found:
        return found
    # A surname the text also writes in lower case is a word there ("Rice",
    # "He"): only the full name counts for it.
    lower = {w for w in _WORD.findall(text) if w.islower()}
    surnames = {m.surname for m in found if m.surname.casefold() not in lower}
    for surname in sorted(surnames, key=len, reverse=True):
        for start, end in _occurrences(text, surname):
            add(start, end, surname, surname, "known-surname")
    found.sort(key=lambda m: m.span.start)
    return found
