"""A small tokenizer that keeps offsets: words, abbreviations, possessives, punctuation."""

from __future__ import annotations

from typing import Final, NamedTuple

import regex

__all__ = ["Token", "make_token", "tokenize"]

_TOKEN: Final = regex.compile(
    r"""
    (?P<abbr>U\.\ ?S\.(?:\ ?A\.)?|U\.\ ?K\.|U\.\ ?N\.|E\.\ ?U\.|(?:\p{Lu}\.){2,})
    | (?P<word>[\p{L}\p{M}\p{N}]+(?:[-'\u2019][\p{L}\p{M}\p{N}]+)*)
    | (?P<nl>\n)
    | (?P<punct>\S)
    """,
    regex.VERBOSE,
)
_POSSESSIVE: Final = ("'s", "\u2019s")
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
    tokens: list[Token] = []
    append = tokens.append
    # Built with tuple.__new__: the NamedTuple constructor is a Python call per token.
    new = tuple.__new__
    for match in _TOKEN.finditer(text):
        kind = match.lastgroup or "punct"
        word = match.group()
        start, end = match.span()
        if kind == "word":
            if len(word) > 2 and word.endswith(_POSSESSIVE):  # noqa: PLR2004
                append(make_token(word[:-2], start, end - 2, "word"))
                append(make_token(word[-2:], end - 2, end, "pos"))
                continue
            # A word holds no full stop: its lower form is just the casefold.
            append(new(Token, (word, start, end, kind, word.casefold(), word[:1].isupper(), True)))
        else:
            append(new(Token, (word, start, end, kind, *_derived(word, kind))))
    return tokens


def _derived(text: str, kind: str) -> tuple[str, bool, bool]:
    return text.rstrip(".").casefold(), text[:1].isupper(), kind in _WORDISH
