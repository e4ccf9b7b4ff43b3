"""Fast paths agree with the slower formulations they replace.

Speed work keeps the output unchanged; where a faster routine stands in for
a simpler one (a string scan for a compiled pattern, an index for a linear
search), these properties check that both give the same answer on generated
input, including the edge characters each one treats specially.
"""

from __future__ import annotations

import attrs
import regex
from hypothesis import given
from hypothesis import strategies as st

import bilatx
from bilatx._types import _sorted_mentions
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


@attrs.frozen
class _Item:
    span: bilatx.Span
    extractor: str
    payload: str


@given(
    st.lists(
        st.builds(
            _Item,
            span=st.builds(
                lambda a, b: bilatx.Span(min(a, b), max(a, b)),
                st.integers(0, 4),
                st.integers(0, 4),
            ),
            extractor=st.sampled_from(["a", "b"]),
            payload=st.sampled_from(["x", "y", "z"]),
        ),
        max_size=30,
    )
)
def test_mentions_sort_like_the_whole_key(items: list[_Item]) -> None:
    expected = tuple(sorted(items, key=lambda m: (m.span, m.extractor, repr(m))))
    got = _sorted_mentions(items)
    assert [id(m) for m in got] == [id(m) for m in expected]
