"""Fast paths agree with the slower formulations they replace.

Speed work keeps the output unchanged; where a faster routine stands in for
a simpler one (a string scan for a compiled pattern, an index for a linear
search), these properties check that both give the same answer on generated
input, including the edge characters each one treats specially.
"""

from __future__ import annotations

import regex
from hypothesis import given
from hypothesis import strategies as st

from bilatx_officials._extract import _occurrences

# Letters, digits and the characters the name boundaries care about.
_ALPHABET = st.sampled_from(list("abAB1 .-'\u2019\u00e9\u0661\n,"))


@given(
    text=st.text(_ALPHABET, max_size=40),
    phrase=st.text(_ALPHABET, min_size=1, max_size=4),
)
def test_name_occurrences_match_the_boundary_pattern(text: str, phrase: str) -> None:
    pattern = regex.compile(
        r"(?<![\p{L}\p{N}'\u2019.-])" + regex.escape(phrase) + r"(?![\p{L}\p{N}])"
    )
    assert list(_occurrences(text, phrase)) == [m.span() for m in pattern.finditer(text)]


def test_name_occurrences_skip_words_that_contain_the_name() -> None:
    text = "Okafor met Okaforson; later al-Okafor, d'Okafor and Okafor spoke."
    assert [s for s, _ in _occurrences(text, "Okafor")] == [0, text.rindex("Okafor")]
