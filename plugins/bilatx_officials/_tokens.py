"""A small tokenizer that keeps offsets: words, abbreviations, possessives, punctuation."""

from __future__ import annotations

import re
from functools import partial
from itertools import accumulate
from operator import add
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
# The fields after the offsets of every token text met so far (kind, lower form,
# capital, word), as a dict lookup per token is cheaper than a call (bounded, so
# memory stays flat); a text that makes two tokens maps to _PAIR.
_TAILS: dict[str, tuple[str, str, bool, bool]] = {}
_MAX_TAILS: Final = 1 << 15
_PAIR: Final = ("pair", "", False, False)
# The apostrophes of a possessive ("'s", "\u2019s").
_APOSTROPHES: Final = "'\u2019"
_WORDISH: Final = frozenset({"word", "abbr"})


def _ranges(codes: list[int]) -> str:
    """A character class for :mod:`re` holding exactly the code points ``codes``."""
    parts = []
    k = 0
    while k < len(codes):
        j = k
        while j + 1 < len(codes) and codes[j + 1] == codes[j] + 1:
            j += 1
        parts.append(f"\\u{codes[k]:04x}" + (f"-\\u{codes[j]:04x}" if j > k else ""))
        k = j + 1
    return "[" + "".join(parts) + "]"


def _plain_alphabet_split() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """:data:`_SPLIT` for texts within a small alphabet, in :mod:`re`, and a finder of other text.

    :mod:`re` splits about a third faster than :mod:`regex` but knows no Unicode
    properties, so its classes are the properties' members within the alphabet,
    asked of :mod:`regex` itself: on a text of that alphabet both split alike.
    The alphabet is what English news is written in: Latin letters with their
    accents and combining marks, general punctuation and currency signs.
    """
    alphabet = [
        *range(0x250),
        *range(0x300, 0x370),
        *range(0x1E00, 0x1F00),
        *range(0x2000, 0x2070),
        *range(0x20A0, 0x20D0),
    ]
    is_upper = regex.compile(r"\p{Lu}").match
    is_space = regex.compile(r"\s").match
    word = _ranges([c for c in alphabet if _WORD_CHAR.match(chr(c))])
    upper = _ranges([c for c in alphabet if is_upper(chr(c))])
    space = _ranges([c for c in alphabet if is_space(chr(c))])
    abbr = rf"U\.\ ?S\.(?:\ ?A\.)?|U\.\ ?K\.|U\.\ ?N\.|E\.\ ?U\.|(?:{upper}\.){{2,}}"
    split = re.compile(rf"({abbr}|{word}+(?:[-'\u2019]{word}+)*|\n|[^{space[1:]})")
    return split, re.compile(f"[^{_ranges(alphabet)[1:]}")


_PLAIN_SPLIT, _OUTSIDE_PLAIN = _plain_alphabet_split()


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
    split = _SPLIT.split if _OUTSIDE_PLAIN.search(text) else _PLAIN_SPLIT.split
    pieces = split(text)
    # Pieces alternate: between tokens, token, between, ...; token k starts where
    # piece 2k ends and ends where piece 2k + 1 does.
    ends = list(accumulate(map(len, pieces)))
    words = pieces[1::2]
    starts = ends[::2]
    stops = ends[1::2]
    # Most token texts were met before: the fields of all of them in one pass in C.
    tails = list(map(_TAILS.get, words))
    if None in tails:
        for k in [k for k, tail in enumerate(tails) if tail is None]:
            word = words[k]
            tails[k] = tail = _tail(word)
            if len(_TAILS) < _MAX_TAILS:
                _TAILS[word] = tail
    # zip stops at the shortest: the last piece, after the last token, starts nothing.
    tokens = list(map(_new_token, map(add, zip(words, starts, stops, strict=False), tails)))
    if _PAIR not in tails:
        return tokens
    out: list[Token] = []
    done = 0
    for k in [k for k, tail in enumerate(tails) if tail is _PAIR]:
        out += tokens[done:k]
        out += _pair(words[k], starts[k], stops[k])
        done = k + 1
    out += tokens[done:]
    return out


# Builds a Token from its seven fields in C: the NamedTuple constructor is a Python call.
_new_token: Final = partial(tuple.__new__, Token)


def _tail(word: str) -> tuple[str, str, bool, bool]:
    """The kind and derived fields of a token written ``word``, or :data:`_PAIR`.

    A token's kind shows in its text: an abbreviation is the only token of
    several characters with a full stop, a word the only other one; a single
    character is a line break, a word or a mark.
    """
    size = len(word)
    if size == 1:
        kind = "nl" if word == "\n" else "word" if _WORD_CHAR.match(word) else "punct"
        return (kind, *_derived(word, kind))
    if "." in word:
        return ("abbr", *_derived(word, "abbr"))
    if size > 2 and word[-1] == "s" and word[-2] in _APOSTROPHES:  # noqa: PLR2004
        return _PAIR  # a possessive ("India's")
    if size > 5 and word[4] == "-" and word[:4].casefold() == "vice":  # noqa: PLR2004
        return _PAIR  # "Vice-Foreign Minister"
    # A word holds no full stop: its lower form is just the casefold.
    return ("word", word.casefold(), word[0].isupper(), True)


def _pair(word: str, start: int, end: int) -> list[Token]:
    """The two tokens of a text :func:`_tail` maps to :data:`_PAIR`."""
    if word[-1] == "s" and word[-2] in _APOSTROPHES:
        # A possessive ("India's"): the word, then "'s" as its own token.
        return [
            make_token(word[:-2], start, end - 2, "word"),
            make_token(word[-2:], end - 2, end, "pos"),
        ]
    # "Vice-Foreign Minister", "vice-minister": the office word stands alone
    # (the title then reads "Vice Foreign Minister").
    return [
        make_token(word[:4], start, start + 4, "word"),
        make_token(word[5:], start + 5, end, "word"),
    ]


def _derived(text: str, kind: str) -> tuple[str, bool, bool]:
    return text.rstrip(".").casefold(), text[:1].isupper(), kind in _WORDISH
