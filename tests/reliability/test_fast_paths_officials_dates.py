"""Speed-ups of the officials and dates plugins against the plain code they replaced."""

from __future__ import annotations

from collections.abc import Callable

import regex
from hypothesis import given
from hypothesis import strategies as st

from bilatx_dates import _extract as dates_extract
from bilatx_dates._patterns import triggers as date_triggers
from bilatx_officials import _tokens


def _cased(words: st.SearchStrategy[str], *cases: Callable[[str], str]) -> st.SearchStrategy[str]:
    """Words drawn from ``words``, each written in one of ``cases`` (``str.upper``, ...)."""
    return st.tuples(words, st.sampled_from(cases)).map(lambda pair: pair[1](pair[0]))


# ------------------------------------------------------------ officials tokens

_PLAIN_TOKEN = regex.compile(
    r"""
    (?P<abbr>U\.\ ?S\.(?:\ ?A\.)?|U\.\ ?K\.|U\.\ ?N\.|E\.\ ?U\.|(?:\p{Lu}\.){2,})
    | (?P<word>[\p{L}\p{M}\p{N}]+(?:[-'\u2019][\p{L}\p{M}\p{N}]+)*)
    | (?P<nl>\n)
    | (?P<punct>\S)
    """,
    regex.VERBOSE,
)


def _plain_token(text: str, start: int, end: int, kind: str) -> tuple[object, ...]:
    return (
        text,
        start,
        end,
        kind,
        text.rstrip(".").casefold(),
        text[:1].isupper(),
        kind in {"word", "abbr"},
    )


def _plain_tokenize(text: str) -> list[tuple[object, ...]]:
    """The officials tokenizer written plainly: one match object per token, every field computed."""
    out = []
    for match in _PLAIN_TOKEN.finditer(text):
        kind = match.lastgroup or "punct"
        word = match.group()
        start, end = match.span()
        if kind == "word" and len(word) > 2 and word.endswith(("'s", "\u2019s")):
            out.append(_plain_token(word[:-2], start, end - 2, "word"))
            out.append(_plain_token(word[-2:], end - 2, end, "pos"))
        elif kind == "word" and len(word) > 5 and word[:5].casefold() == "vice-":
            out.append(_plain_token(word[:4], start, start + 4, "word"))
            out.append(_plain_token(word[5:], start + 5, end, "word"))
        else:
            out.append(_plain_token(word, start, end, kind))
    return out


# Pieces near the tokenizer's edges, inside its fast alphabet and outside it:
# accented and combining letters, Vietnamese, Greek, CJK, odd spaces and controls.
_TOKEN_PIECES = [
    *(
        "U.S.",
        "U. S. A.",
        "U.K.",
        "U. N.",
        "E.U.",
        "H.E.",
        "\u00c9.\u00c9.",
        "\u0394.\u0394.",
        "Dr.",
    ),
    *("India's", "India\u2019s", "x's", "'s", "O'Neil", "co-chair", "Vice-Minister", "VICE-x"),
    *("vice-", "Vice", "\u00e9", "e\u0301", "\u0301", "\u1ec5", "\u0394\u03b1", "\u4e2d", "\u00bd"),
    *("Stra\u00dfe", "\u0130", "\u212a", "\u01c5", "2,000", "5", "Ab", "a", "Z", ".", ","),
    *(" ", "  ", "\n", "\t", "\r", "\x0b", "\x1c", "\x85", "\u00a0", "\u2028", "\u202f", "\u3000"),
    *("(", "-", "\u2019", "\u201c", "\u2014", "\u20ac", "\u20b9", "\U0001f600", "\x00"),
]


@given(st.lists(st.sampled_from(_TOKEN_PIECES) | st.text(max_size=3), max_size=24).map("".join))
def test_officials_tokens_are_the_plain_tokens(text: str) -> None:
    expected = _plain_tokenize(text)
    assert [tuple(t) for t in _tokens.tokenize(text)] == expected
    # Again, now that every token's fields are remembered.
    assert [tuple(t) for t in _tokens.tokenize(text)] == expected


def test_the_re_split_reads_every_character_of_its_alphabet_as_regex_does() -> None:
    # Every code point the fast alphabet admits, alone and in the contexts its
    # classes decide: a word, an abbreviation, a hyphen, spaces.
    for code in range(0x10000):
        char = chr(code)
        if _tokens._OUTSIDE_PLAIN.search(char):
            continue
        for text in (
            char,
            f"a{char}b",
            f"{char}.B.",
            f"A.{char}.",
            f"x-{char}y",
            f" {char}\n{char}s ",
        ):
            assert _tokens._PLAIN_SPLIT.split(text) == _tokens._SPLIT.split(text), hex(code)


def test_the_fast_alphabet_holds_the_latin_script_and_its_punctuation() -> None:
    # Not a matter of correctness (other texts take the regex split), of speed.
    for text in (
        "Ng\u00f4 \u0110\u00ecnh Di\u1ec7m \u2013 \u201cNo\u201d \u20ac5\u2026",
        "e\u0301\u00a0\u202f",
    ):
        assert _tokens._OUTSIDE_PLAIN.search(text) is None
    for text in ("\u4e2d", "\u0394", "\U0001f600", "\u3000"):
        assert _tokens._OUTSIDE_PLAIN.search(text) is not None


# ------------------------------------------------------------- date triggers


def _plain_trigger_hits(text: str, literals: tuple[str, ...]) -> list[tuple[int, int]]:
    """Where each literal trigger lies in ``text``: one :meth:`str.find` scan per literal."""
    hits = []
    for literal in literals:
        at = text.find(literal)
        while at != -1:
            hits.append((at, at + len(literal)))
            at = text.find(literal, at + 1)
    return sorted(hits)


_LITERAL_FAMILIES = [name for name, trigger in date_triggers().items() if trigger.pattern is None]
# Letters that lower to ASCII from elsewhere (Kelvin sign, dotted I), or to two
# characters, or by context (sigma), and the triggers' own letters in odd cases.
_TRIGGER_NOISE = [
    *("\u212a", "\u0130", "\u03a3", "\u03c3", "\u017f", "\u00df", "dAy", "wEEK", "Ja", "n", "s"),
    *(" ", "  ", "-", "'", "\u2019", "0", "9", "\n", "OF", "of", "To", "day", "Days"),
]


@given(st.data())
def test_date_triggers_lie_where_each_literal_is_found(data: st.DataObject) -> None:
    family = data.draw(st.sampled_from(_LITERAL_FAMILIES))
    trigger = date_triggers()[family]
    words = st.sampled_from(trigger.literals) | st.sampled_from(_TRIGGER_NOISE)
    cased = _cased(words, str, str.upper, str.lower, str.title)
    text = "".join(data.draw(st.lists(cased | st.text(max_size=2), max_size=12)))
    expected = _plain_trigger_hits(text, trigger.literals)
    lower = text.lower()
    lowered = lower if len(lower) == len(text) else None
    assert dates_extract._trigger_hits(text, trigger, None, lowered) == expected
    assert dates_extract._trigger_hits(text, trigger, None) == expected
    windows = dates_extract._windows(text, trigger, None, lowered)
    assert windows == dates_extract._windows(text, trigger, None)


def test_every_literal_trigger_is_scanned_by_its_lower_form() -> None:
    # Not a matter of correctness (a trigger without groups scans each literal), of speed.
    for family in _LITERAL_FAMILIES:
        assert dates_extract._literal_groups(date_triggers()[family].literals) is not None


def test_candidates_are_found_alike_when_a_character_lowers_to_two() -> None:
    text = "On \u0130 Monday, March 3, 2024, last week, the 1990s and fiscal 2023."
    plain = "On I Monday, March 3, 2024, last week, the 1990s and fiscal 2023."
    got = [(c.start, c.end, c.priority) for c in dates_extract.find_candidates(text)]
    assert got == [(c.start, c.end, c.priority) for c in dates_extract.find_candidates(plain)]
    assert got
