"""A small tokenizer for attribution: words, punctuation and whole quotations.

A quotation becomes one token, so nothing inside it is ever read as an
attribution, and the words around it keep their true offsets.
"""

from __future__ import annotations

import enum
from functools import cache
from typing import TYPE_CHECKING

import attrs
import regex

from bilatx_quotes._vocab import DOTTED_ABBREVIATIONS

if TYPE_CHECKING:
    from collections.abc import Sequence

__all__ = ["Kind", "Token", "tokenize"]


class Kind(enum.Enum):
    """What a token is."""

    WORD = "word"
    PUNCT = "punct"
    QUOTE = "quote"


@attrs.frozen
class Token:
    """A token and its offsets into the document text."""

    text: str
    start: int
    end: int
    kind: Kind
    quote: int = -1
    """For a quotation token, the index of the quotation."""

    @property
    def low(self) -> str:
        """The token in lower case, curly apostrophes made straight."""
        return self.text.lower().replace("\u2019", "'")

    @property
    def is_word(self) -> bool:
        """Whether the token is a word."""
        return self.kind is Kind.WORD

    @property
    def is_capitalised(self) -> bool:
        """Whether the token is a word starting with a capital letter."""
        return self.kind is Kind.WORD and self.text[:1].isupper()

    @property
    def is_lower(self) -> bool:
        """Whether the token is a word starting with a lower-case letter."""
        return self.kind is Kind.WORD and self.text[:1].islower()


@cache
def _pattern() -> regex.Pattern[str]:
    # Dotted acronyms ("U.S.") first; then words with inner apostrophes and
    # hyphens ("India's", "Indo-Pacific"); then any other visible character.
    return regex.compile(
        r"(?P<acronym>(?:[^\W\d_]\.){2,})"
        r"|(?P<word>[^\W_](?:\w|['\u2019\-](?=\w))*)"
        r"|(?P<punct>\S)"
    )


def _words(text: str, lo: int, hi: int, out: list[Token]) -> None:
    pattern = _pattern()
    pending_dot = False
    for match in pattern.finditer(text, lo, hi):
        start, end = match.span()
        if match.lastgroup == "punct":
            if pending_dot and match.group() == "." and out and out[-1].end == start:
                last = out[-1]
                out[-1] = attrs.evolve(last, text=text[last.start : end], end=end)
                pending_dot = False
                continue
            out.append(Token(match.group(), start, end, Kind.PUNCT))
        else:
            word = match.group()
            out.append(Token(word, start, end, Kind.WORD))
            pending_dot = match.lastgroup == "word" and (
                (len(word) == 1 and word.isupper()) or word.lower() in DOTTED_ABBREVIATIONS
            )
            continue
        pending_dot = False


def tokenize(
    text: str, lo: int, hi: int, quotes: Sequence[tuple[int, int]], first: int = 0
) -> list[Token]:
    """Tokenize ``text[lo:hi]``; each ``(start, end)`` of ``quotes`` becomes one token.

    ``quotes`` must be sorted and must not overlap. A quotation only partly
    inside the range is clipped to it. A quotation token's ``quote`` is its
    index in ``quotes`` plus ``first``.
    """
    tokens: list[Token] = []
    pos = lo
    for index, (quote_start, quote_end) in enumerate(quotes, start=first):
        if quote_end <= lo or quote_start >= hi:
            continue
        start = max(quote_start, lo)
        end = min(quote_end, hi)
        if start > pos:
            _words(text, pos, start, tokens)
        tokens.append(Token(text[start:end], start, end, Kind.QUOTE, index))
        pos = end
    if pos < hi:
        _words(text, pos, hi, tokens)
    return tokens
