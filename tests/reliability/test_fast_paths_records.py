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
