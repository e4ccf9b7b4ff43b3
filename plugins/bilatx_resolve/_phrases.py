"""Office phrases found in a text by comparison, without a pattern made for the document.

The descriptions that link "the minister" or "Norway's foreign minister" to a
person use the offices of that document's people. A pattern listing them would
be compiled once per document, and compiling costs the ``regex`` module a few
milliseconds: a tenth of the time of a whole extraction. The functions here
find exactly what such a pattern finds, by plain string comparison after
patterns that do not depend on the document.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Final

if TYPE_CHECKING:
    from collections.abc import Sequence

    import regex

__all__ = ["FOLDS_TO_ASCII", "Undecided", "phrase_end", "phrase_starts"]

# The characters outside ASCII that ``regex`` matches to an ASCII letter when
# case is ignored (the long s, the Kelvin sign, the dotted capital and the
# dotless small i). A text with one of them where an office could be is left
# to the pattern.
FOLDS_TO_ASCII: Final = frozenset("\u017f\u212a\u0130\u0131")


class Undecided(Exception):  # noqa: N818  (not an error: a signal to use the pattern)
    """Raised where only the pattern itself can say whether an office matches."""


def phrase_end(
    text: str, pos: int, phrases: Sequence[str], after: regex.Pattern[str]
) -> int | None:
    r"""Where the office that ``(?i:\L<phrases>)`` then ``after`` match at ``pos`` ends.

    ``phrases`` are lower-case ASCII, longest first: the order in which the
    pattern tries them, falling back to a shorter one when ``after`` fails.
    ``None`` when none matches. Raises :class:`Undecided` when a candidate
    holds a character outside ASCII that could match an ASCII letter.
    """
    for phrase in phrases:
        end = pos + len(phrase)
        candidate = text[pos:end]
        if len(candidate) != len(phrase):
            continue
        if not candidate.isascii():
            # Other characters outside ASCII never match an ASCII one.
            if not FOLDS_TO_ASCII.isdisjoint(candidate):
                raise Undecided
            continue
        if candidate.lower() == phrase and after.match(text, end) is not None:
            return end
    return None


def phrase_starts(text: str, phrases: Sequence[str]) -> list[int] | None:
    r"""Every position where one of ``phrases`` (lower-case ASCII) may match, ignoring case.

    A superset of where ``(?i:\L<phrases>)`` matches, in order, so that a
    search can start from the phrases rather than from every word. ``None``
    when the text holds a character that makes lower-casing unfit for finding
    them (one of :data:`FOLDS_TO_ASCII`, or one that lower-cases to more).
    """
    lower = text.lower()
    if not text.isascii() and (
        len(lower) != len(text) or any(char in text for char in FOLDS_TO_ASCII)
    ):
        return None
    found: set[int] = set()
    for phrase in phrases:
        at = lower.find(phrase)
        while at != -1:
            found.add(at)
            at = lower.find(phrase, at + 1)
    return sorted(found)
