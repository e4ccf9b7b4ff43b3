"""Quotation marks: find the quotations of a text by pairing their marks.

News copy mixes straight and curly marks, forgets closing marks, runs one
quotation over several paragraphs (an opening mark at each paragraph start, a
closing mark only at the end) and nests quotations. The pairing here works one
paragraph at a time, so a stray mark can never swallow the rest of a document:
every pair it can settle is kept, an unpaired mark is skipped.
"""

from __future__ import annotations

import enum
from functools import cache
from typing import TYPE_CHECKING, Final

import attrs
import regex

if TYPE_CHECKING:
    from collections.abc import Iterator

__all__ = ["RawQuote", "find_quotations", "paragraph_spans"]


class _Role(enum.Enum):
    OPEN = "open"
    CLOSE = "close"
    EITHER = "either"


# Style groups: marks of one group close marks of the same group; a mark of
# another group inside a quotation is a nested quotation (or a mixed pair, as
# in an opening straight mark closed by a curly one).
_STRAIGHT: Final = "straight"
_CURLY: Final = "curly"
_GUILLEMET: Final = "guillemet"

_DOUBLE_MARKS: Final[dict[str, tuple[_Role, str]]] = {
    "\u201c": (_Role.OPEN, _CURLY),  # “
    "\u201e": (_Role.OPEN, _CURLY),  # „
    "\u201d": (_Role.CLOSE, _CURLY),  # ”
    "\u00ab": (_Role.OPEN, _GUILLEMET),  # «
    "\u00bb": (_Role.CLOSE, _GUILLEMET),  # »
}
# Characters after which a straight mark opens, and before which one closes.
_OPENERS_BEFORE: Final = frozenset("([{\u2014\u2013-/\u2018'\u201c\u00ab")
_CLOSERS_AFTER: Final = frozenset(".,;:!?)]}\u2014\u2013-\u2026'\u2019\u201d\u00bb")
# A quotation must contain a word: "2+2" in quotes is a name, not a quotation.
_MIN_SINGLE_WORDS: Final = 2


@attrs.frozen(kw_only=True)
class RawQuote:
    """One quotation: where its marks are and where the quoted words are."""

    start: int
    """Offset of the opening mark."""
    end: int
    """Offset one past the closing mark (or past the paragraph, when open-ended)."""
    inner_start: int
    inner_end: int
    closed: bool = True
    """``False`` for a paragraph of a multi-paragraph quotation that runs on."""
    continues: bool = False
    """This paragraph continues a quotation opened in an earlier paragraph."""
    single: bool = False
    """The quotation is in single marks."""


@attrs.frozen
class _Mark:
    pos: int
    role: _Role
    style: str
    width: int = 1


def paragraph_spans(text: str) -> list[tuple[int, int]]:
    """Return ``(start, end)`` of every non-blank line, trimmed of whitespace."""
    spans: list[tuple[int, int]] = []
    pos = 0
    size = len(text)
    while pos <= size:
        nl = text.find("\n", pos)
        end = size if nl < 0 else nl
        start = pos
        while start < end and text[start].isspace():
            start += 1
        stop = end
        while stop > start and text[stop - 1].isspace():
            stop -= 1
        if stop > start:
            spans.append((start, stop))
        if nl < 0:
            break
        pos = nl + 1
    return spans


def _straight_role(text: str, pos: int, width: int, lo: int, hi: int) -> _Role:
    prev = text[pos - 1] if pos > lo else None
    nxt = text[pos + width] if pos + width < hi else None
    can_open = (
        nxt is not None
        and not nxt.isspace()
        and (prev is None or prev.isspace() or prev in _OPENERS_BEFORE)
    )
    can_close = (
        prev is not None
        and not prev.isspace()
        and (nxt is None or nxt.isspace() or nxt in _CLOSERS_AFTER)
    )
    if can_open and not can_close:
        return _Role.OPEN
    if can_close and not can_open:
        return _Role.CLOSE
    return _Role.EITHER


@cache
def _mark_pattern() -> regex.Pattern[str]:
    return regex.compile("[\"\u201c\u201d\u201e\u00ab\u00bb]|``|''")


def _double_marks(text: str, lo: int, hi: int) -> list[_Mark]:
    marks: list[_Mark] = []
    for match in _mark_pattern().finditer(text, lo, hi):
        pos = match.start()
        found = match.group()
        if found in _DOUBLE_MARKS:
            role, style = _DOUBLE_MARKS[found]
            marks.append(_Mark(pos, role, style))
        elif found == '"':
            marks.append(_Mark(pos, _straight_role(text, pos, 1, lo, hi), _STRAIGHT))
        elif found == "``":
            marks.append(_Mark(pos, _Role.OPEN, "latex", 2))
        elif any(m.style == "latex" for m in marks):
            # '' closes a `` quotation; anywhere else it is two apostrophes.
            marks.append(_Mark(pos, _Role.CLOSE, "latex", 2))
    return marks


class _Reading(enum.Enum):
    """How to read an opening mark met while a quotation of its style is open."""

    CLOSES = "closes"
    """A typo for the closing mark: '“We agree,“ she said.'"""
    REOPENS = "reopens"
    """The quotation goes on after a sentence the writer forgot to close."""
    NESTED = "nested"
    """A quotation inside the quotation, in marks of the same style."""
    STRAY = "stray"
    """The earlier opening mark is stray."""


# How many marks ahead to look for the two closing marks of a nested quotation.
_NEST_LOOKAHEAD: Final = 4


@cache
def _sentence_end() -> regex.Pattern[str]:
    # A sentence ended (perhaps with a closing bracket or mark) before the space.
    return regex.compile(r"[.!?\u2026][)\]'\u2019]?\s+\Z")


def _reopened(text: str, opened: _Mark, marks: list[_Mark], index: int) -> _Reading:
    mark = marks[index]
    prev = text[mark.pos - 1] if mark.pos > 0 else ""
    nxt = text[mark.pos + mark.width : mark.pos + mark.width + 1]
    if (
        mark.style != _STRAIGHT
        and prev
        and not prev.isspace()
        and prev not in _OPENERS_BEFORE
        and (not nxt or nxt.isspace() or nxt in _CLOSERS_AFTER)
    ):
        return _Reading.CLOSES
    # A straight mark in a closing position is read as closing already.
    closes = 0
    for later in marks[index + 1 : index + 1 + _NEST_LOOKAHEAD]:
        if later.style != opened.style:
            continue
        if later.role is _Role.OPEN:
            break
        closes += 1
        if closes == 2:  # noqa: PLR2004
            return _Reading.NESTED
    gap = text[opened.pos + opened.width : mark.pos]
    if _has_word(text, opened.pos + opened.width, mark.pos) and _sentence_end().search(gap):
        return _Reading.REOPENS
    return _Reading.STRAY


def _has_word(text: str, lo: int, hi: int) -> bool:
    return any(c.isalpha() for c in text[lo:hi])


def _pair_paragraph(
    text: str, lo: int, hi: int, *, continued: bool, next_opens: bool
) -> tuple[list[RawQuote], bool]:
    """Pair the double marks of one paragraph.

    Returns the quotations and whether a quotation is still open at the end of
    the paragraph and runs on into the next one.
    """
    quotes: list[RawQuote] = []
    opened: _Mark | None = None
    nested = 0
    inner = 0
    first = True
    marks = _double_marks(text, lo, hi)
    for index, found in enumerate(marks):
        mark = found
        if opened is None:
            if mark.role is not _Role.CLOSE:
                opened = mark
                nested = inner = 0
            # A closing mark outside any quotation is stray: skipped.
            continue
        same = mark.style == opened.style
        if mark.role is _Role.OPEN and same:
            reading = _reopened(text, opened, marks, index)
            if reading is _Reading.CLOSES:
                mark = attrs.evolve(mark, role=_Role.CLOSE)
            elif reading is _Reading.NESTED:
                inner += 1
                continue
            elif reading is _Reading.REOPENS:
                continue
            else:
                # The earlier opening mark was never closed and nothing
                # says why: it is stray; start again here.
                opened = mark
                nested = inner = 0
                continue
        if mark.role is _Role.OPEN:
            nested += 1  # a curly quotation inside a straight one, or the reverse
            continue
        if not same and nested > 0:
            nested -= 1  # closes the nested quotation
            continue
        if same and inner > 0:
            inner -= 1  # closes a quotation nested in marks of the same style
            continue
        inner_start = opened.pos + opened.width
        if _has_word(text, inner_start, mark.pos):
            quotes.append(
                RawQuote(
                    start=opened.pos,
                    end=mark.pos + mark.width,
                    inner_start=inner_start,
                    inner_end=mark.pos,
                    continues=continued and first and opened.pos == lo,
                )
            )
            first = False
        opened = None
    runs_on = False
    if opened is not None and next_opens:
        inner_start = opened.pos + opened.width
        if _has_word(text, inner_start, hi):
            quotes.append(
                RawQuote(
                    start=opened.pos,
                    end=hi,
                    inner_start=inner_start,
                    inner_end=hi,
                    closed=False,
                    continues=continued and first and opened.pos == lo,
                )
            )
            runs_on = True
    return quotes, runs_on


def _starts_with_opening(text: str, lo: int, hi: int) -> bool:
    marks = _double_marks(text, lo, min(hi, lo + 2))
    return bool(marks) and marks[0].pos == lo and marks[0].role is not _Role.CLOSE


@cache
def _single_mark_pattern() -> regex.Pattern[str]:
    return regex.compile("['\u2018\u2019]")


def _single_quotes(text: str, lo: int, hi: int, taken: list[RawQuote]) -> Iterator[RawQuote]:
    """Find quotations in single marks outside the double-quoted ones.

    Single marks double as apostrophes, so only a clean pair counts: an
    opening mark before a word, a closing mark after one, at least two words
    between, and no double-quoted text inside.
    """
    blocked = [(q.start, q.end) for q in taken]

    def free(pos: int) -> bool:
        return not any(a <= pos < b for a, b in blocked)

    opens: list[int] = []
    closes: list[tuple[int, bool]] = []
    # Only the marks are looked at: a loop over every character of the text cost more.
    for mark in _single_mark_pattern().finditer(text, lo, hi):
        pos = mark.start()
        char = mark.group()
        if not free(pos):
            continue
        prev = text[pos - 1] if pos > lo else None
        nxt = text[pos + 1] if pos + 1 < hi else None
        if (
            char in "'\u2018"
            and nxt is not None
            and nxt.isalpha()
            and (prev is None or prev.isspace() or prev in '([{\u2014\u2013"\u201c')
        ):
            opens.append(pos)
        elif (
            char in "'\u2019"
            and prev is not None
            and (prev.isalnum() or prev in ".,!?")
            and (nxt is None or nxt.isspace() or nxt in ".,;:!?)]}\u2014\u2013")
        ):
            # "farmers' income": a plural possessive, a weak candidate.
            weak = (
                prev == "s"
                and nxt is not None
                and nxt.isspace()
                and (pos + 2 < hi and text[pos + 2].islower())
            )
            closes.append((pos, weak))
    for index, start in enumerate(opens):
        limit = opens[index + 1] if index + 1 < len(opens) else hi
        candidates = [(p, weak) for p, weak in closes if start < p < limit]
        if not candidates:
            continue
        strong = [p for p, weak in candidates if not weak]
        end = strong[0] if strong else candidates[0][0]
        inner = text[start + 1 : end]
        if len(inner.split()) < _MIN_SINGLE_WORDS or not _has_word(text, start + 1, end):
            continue
        if any(start < a < end for a, _ in blocked):
            continue
        yield RawQuote(start=start, end=end + 1, inner_start=start + 1, inner_end=end, single=True)


def find_quotations(text: str) -> list[RawQuote]:
    """Return every quotation in ``text``, in order of position.

    Each paragraph is paired on its own. A quotation still open at the end of
    a paragraph runs on only when the next paragraph starts with an opening
    mark (the convention for multi-paragraph quotations); otherwise its
    opening mark is stray and dropped, and the rest of the text is unaffected.
    """
    paragraphs = paragraph_spans(text)
    quotes: list[RawQuote] = []
    continued = False
    for index, (lo, hi) in enumerate(paragraphs):
        next_opens = index + 1 < len(paragraphs) and _starts_with_opening(
            text, *paragraphs[index + 1]
        )
        found, continued = _pair_paragraph(text, lo, hi, continued=continued, next_opens=next_opens)
        found.extend(_single_quotes(text, lo, hi, found))
        quotes.extend(sorted(found, key=lambda q: q.start))
    return quotes
