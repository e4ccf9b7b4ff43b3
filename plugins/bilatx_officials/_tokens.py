"""A small tokenizer that keeps offsets: words, abbreviations, possessives, punctuation."""

from __future__ import annotations

from itertools import accumulate
from typing import Final, NamedTuple

import regex

__all__ = ["Token", "make_token", "tokenize"]

_ABBR: Final = r"U\.\ ?S\.(?:\ ?A\.)?|U\.\ ?K\.|U\.\ ?N\.|E\.\ ?U\.|(?:\p{Lu}\.){2,}"
_WORD: Final = r"[\p{L}\p{M}\p{N}]+(?:[-'\u2019][\p{L}\p{M}\p{N}]+)*"
# Tokens, in this order of preference: an abbreviation, a word, a line break,
# any other character. Split at (as one group), the text gives pieces that alternate
# between what lies between tokens and the tokens, and their lengths give the
# offsets. A token's kind shows in its text: an abbreviation is the only token
# of several characters with a full stop, a word the only other one; a single
# character is a line break, a word or a mark.
_SPLIT: Final = regex.compile(rf"({_ABBR}|{_WORD}|\n|\S)", regex.VERBOSE)
_WORD_CHAR: Final = regex.compile(r"[\p{L}\p{M}\p{N}]")
# The fields after the offsets of every token of one character met so far, as
# a dict lookup per token is cheaper than a call (bounded, so memory stays flat).
_CHAR_FIELDS: dict[str, tuple[str, str, bool, bool]] = {}
_MAX_CHAR_FIELDS: Final = 1 << 16
# The apostrophes of a possessive ("'s", "\u2019s").
_APOSTROPHES: Final = "'\u2019"
_WORDISH: Final = frozenset({"word", "abbr"})


class Token(NamedTuple):
    """One token: its text, its offsets into the document, and its kind.

    Kinds: ``word``, ``abbr`` ("U.S.", "H.E."), ``pos`` (a possessive "'s"),
    ``punct`` (one character) and ``nl`` (a line break). Build tokens with
    :func:`make_token` (or :func:`tokenize`): the derived fields are computed
    once there because the title and name scanners read them hundreds of
    thousands of times per corpus.
    """

    text: str
    start: int
    end: int
    kind: str
    lower: str
    """The text in lower case, full stops at the end removed."""
    cap: bool
    """Whether the token starts with a capital letter."""
    is_word: bool
    """Whether the token is a word or an abbreviation."""


def make_token(text: str, start: int, end: int, kind: str) -> Token:
    """Return the token of ``text`` at ``[start, end)`` of kind ``kind``, derived fields filled."""
    return Token(text, start, end, kind, *_derived(text, kind))


def tokenize(text: str) -> list[Token]:
    """Split ``text`` into tokens; every token's offsets index ``text`` exactly.

    >>> [t.text for t in tokenize("India's EAM, Dr. S. Jaishankar")]
    ['India', "'s", 'EAM', ',', 'Dr', '.', 'S', '.', 'Jaishankar']
    """
    pieces = _SPLIT.split(text)
    ends = list(accumulate(map(len, pieces)))
    tokens: list[Token] = []
    append = tokens.append
    # Built with tuple.__new__: the NamedTuple constructor is a Python call per token.
    new = tuple.__new__
    # Pieces alternate: between tokens, token, between, ...; token k starts where
    # piece 2k ends and ends where piece 2k + 1 does (the last piece, text after
    # the last token, starts nothing: hence not strict).
    for start, word, end in zip(ends[::2], pieces[1::2], ends[1::2], strict=False):
        size = len(word)
        if size == 1:
            fields = _CHAR_FIELDS.get(word)
            append(new(Token, (word, start, end, *(fields or _char_fields(word)))))
        elif "." in word:
            append(new(Token, (word, start, end, "abbr", *_derived(word, "abbr"))))
        elif size > 2 and word[-1] == "s" and word[-2] in _APOSTROPHES:  # noqa: PLR2004
            # A possessive ("India's"): the word, then "'s" as its own token.
            append(make_token(word[:-2], start, end - 2, "word"))
            append(make_token(word[-2:], end - 2, end, "pos"))
        elif size > 5 and word[4] == "-" and word[:4].casefold() == "vice":  # noqa: PLR2004
            # "Vice-Foreign Minister", "vice-minister": the office word stands alone
            # (the title then reads "Vice Foreign Minister").
            append(make_token(word[:4], start, start + 4, "word"))
            append(make_token(word[5:], start + 5, end, "word"))
        else:
            # A word holds no full stop: its lower form is just the casefold.
            append(new(Token, (word, start, end, "word", word.casefold(), word[0].isupper(), True)))
    return tokens


def _char_fields(char: str) -> tuple[str, str, bool, bool]:
    """The kind (``nl``, ``word`` or ``punct``) and derived fields of a one-character token."""
    kind = "nl" if char == "\n" else "word" if _WORD_CHAR.match(char) else "punct"
    fields = (kind, *_derived(char, kind))
    if len(_CHAR_FIELDS) < _MAX_CHAR_FIELDS:
        _CHAR_FIELDS[char] = fields
    return fields


def _derived(text: str, kind: str) -> tuple[str, bool, bool]:
    return text.rstrip(".").casefold(), text[:1].isupper(), kind in _WORDISH
