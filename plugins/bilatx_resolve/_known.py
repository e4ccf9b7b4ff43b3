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
    from collections.abc import Sequence

__all__ = ["find_known"]

EXTRACTOR: Final = "resolve"
# Words before a name that make it part of something else ("the Indira Gandhi
# airport") rather than the person.
_ARTICLES: Final = frozenset({"the", "a", "an"})
_WORD: Final = regex.compile(r"[\p{L}\p{M}\p{N}]+(?:['\u2019-][\p{L}\p{M}\p{N}]+)*")


@cache
def _pattern() -> regex.Pattern[str]:
    names = sorted(load_people_names(), key=len, reverse=True)
    return regex.compile(
        r"(?<![\p{L}\p{M}\p{N}.'\u2019-])(\L<names>)(?![\p{L}\p{M}\p{N}])", names=names
    )


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

    for match in _pattern().finditer(text):
        name = match.group(1)
        add(match.start(1), match.end(1), name, _surname(name), "known-person")
    # A surname the text also writes in lower case is a word there ("Rice",
    # "He"): only the full name counts for it.
    lower = {w for w in _WORD.findall(text) if w.islower()}
    surnames = {m.surname for m in found if m.surname.casefold() not in lower}
    for surname in sorted(surnames, key=len, reverse=True):
        pattern = regex.compile(
            r"(?<![\p{L}\p{M}\p{N}.'\u2019-])" + regex.escape(surname) + r"(?![\p{L}\p{M}\p{N}])"
        )
        for match in pattern.finditer(text):
            add(match.start(), match.end(), surname, surname, "known-surname")
    found.sort(key=lambda m: m.span.start)
    return found
