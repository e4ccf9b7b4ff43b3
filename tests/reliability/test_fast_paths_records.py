"""Speed-ups of the records plugin must not change answers: each fast path against plain code."""

from __future__ import annotations

import unicodedata

from hypothesis import given
from hypothesis import strategies as st

from bilatx_records import _common, _statements

# Letters that fold in interesting ways: accents, a ligature, the sharp s, a
# dotted capital I, the right quotation mark, and kinds of space.
_FOLD_CHARS = "aZé Ée\u0301ßİﬁ\u2019'\u00a0\t\n.-"


def _plain_fold(text: str) -> str:
    norm = unicodedata.normalize("NFKD", text)
    return " ".join("".join(c for c in norm if not unicodedata.combining(c)).casefold().split())


def _plain_statements_fold(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text)
    plain = "".join(c for c in decomposed if not unicodedata.combining(c))
    return plain.casefold().replace("\u2019", "'")


_FOLDABLE = (
    st.text(max_size=30)
    | st.text(alphabet=st.characters(max_codepoint=127), max_size=30)
    | st.text(alphabet=_FOLD_CHARS, max_size=30)
)


@given(_FOLDABLE)
def test_fold_matches_the_plain_fold(text: str) -> None:
    assert _common.fold(text) == _plain_fold(text)


@given(_FOLDABLE)
def test_statement_fold_matches_the_plain_fold(text: str) -> None:
    assert _statements._fold(text) == _plain_statements_fold(text)


# Venue names, pieces of them, and what may stand around them.
_VENUE_FILLER = (
    *("White", "House", "house", "WHITE HOUSE", "Palace", "Palaces", "Kremlinology"),
    *(" ", ", ", "the ", "_", "'s ", "x", "9", "\u00e9", "-", "\n"),
)
_VENUE_TEXT = st.lists(st.sampled_from(_common._venue_names() + _VENUE_FILLER), max_size=12)


@given(_VENUE_TEXT.map("".join))
def test_venue_matches_are_the_pattern_matches(text: str) -> None:
    found = [m.span() for m in _common._venue_matches(text)]
    assert found == [m.span() for m in _common._venue_re().finditer(text)]


def test_each_venue_alone_is_found() -> None:
    for name in _common._venue_names():
        for text in (name, f"met at the {name}.", f"x{name}", f"{name}s", f"_{name} {name}"):
            found = [m.span() for m in _common._venue_matches(text)]
            assert found == [m.span() for m in _common._venue_re().finditer(text)], text
