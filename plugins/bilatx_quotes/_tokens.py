"""A small tokenizer for attribution: words, punctuation and whole quotations.

A quotation becomes one token, so nothing inside it is ever read as an
attribution, and the words around it keep their true offsets.
"""

from __future__ import annotations

import enum
from typing import TYPE_CHECKING, Final, NamedTuple

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


class Token(NamedTuple):
    """A token and its offsets into the document text.

    A named tuple, not an attrs class: a sentence's tokens are built anew for
    every sentence, and the tuple is built without a Python-level constructor.
    """

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


# Dotted acronyms ("U.S.") first; then words with inner apostrophes and
# hyphens ("India's", "Indo-Pacific"); then any other visible character.
# Split at (as one group), a text gives pieces that alternate between what lies
# between tokens and the tokens, and the kind shows in a token's text: a token
# of several characters is a word (an acronym is the one with a full stop), a
# single character a word when it can start one, a mark otherwise.
_SPLIT: Final = regex.compile(r"((?:[^\W\d_]\.){2,}|[^\W_](?:\w|['\u2019\-](?=\w))*|\S)")
_WORD_START: Final = regex.compile(r"[^\W_]")
_CHAR_IS_WORD: dict[str, bool] = {}
_MAX_CHAR_IS_WORD: Final = 1 << 16


def _char_is_word(char: str) -> bool:
    """Whether a token of the one character ``char`` is a word (else it is a mark)."""
    found = _CHAR_IS_WORD.get(char)
    if found is None:
        found = _WORD_START.match(char) is not None
        if len(_CHAR_IS_WORD) < _MAX_CHAR_IS_WORD:
            _CHAR_IS_WORD[char] = found
    return found


def _words(text: str, lo: int, hi: int, out: list[Token]) -> None:
    # A slice reads like the range: the pattern looks neither behind nor past its end.
    pieces = _SPLIT.split(text[lo:hi])
    append = out.append
    # Built with tuple.__new__: the NamedTuple constructor is a Python call per token.
    new = tuple.__new__
    word, punct = Kind.WORD, Kind.PUNCT
    end = lo
    pending_dot = False
    for i in range(1, len(pieces), 2):
        piece = pieces[i]
        start = end + len(pieces[i - 1])
        end = start + len(piece)
        if len(piece) > 1 or _char_is_word(piece):
            append(new(Token, (piece, start, end, word, -1)))
            # "Dr." and "J." keep their full stop; an acronym has its own already.
            pending_dot = "." not in piece and (
                (len(piece) == 1 and piece.isupper()) or piece.lower() in DOTTED_ABBREVIATIONS
            )
            continue
        if pending_dot and piece == "." and out[-1].end == start:
            last = out[-1]
            out[-1] = new(Token, (text[last.start : end], last.start, end, word, -1))
        else:
            append(new(Token, (piece, start, end, punct, -1)))
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
