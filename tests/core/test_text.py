"""Sentence and paragraph views of a text."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bilatx.text import paragraphs, sentence_at, split_sentences


def _sentences(text: str) -> list[str]:
    return [text[s.start : s.end] for s in split_sentences(text)]


def test_abbreviations_titles_and_initials_do_not_end_sentences() -> None:
    text = "Dr. A. K. Rao met Mr. Lee of the U.S. delegation on Dec. 4. Talks ended."
    assert _sentences(text) == [
        "Dr. A. K. Rao met Mr. Lee of the U.S. delegation on Dec. 4.",
        "Talks ended.",
    ]


def test_rupee_abbreviation_does_not_end_a_sentence() -> None:
    assert _sentences("Sales stood at Rs. 900 crore in 2019. Costs fell.") == [
        "Sales stood at Rs. 900 crore in 2019.",
        "Costs fell.",
    ]


def test_the_platform_x_ends_a_sentence() -> None:
    assert _sentences("She posted on X. Nothing else was said.") == [
        "She posted on X.",
        "Nothing else was said.",
    ]


def test_line_breaks_end_sentences_and_closing_quotes_stay_inside() -> None:
    text = 'HANOI, June 3 - Headline here\n"We agree." The envoy left!\nIs it over? Yes.'
    assert _sentences(text) == [
        "HANOI, June 3 - Headline here",
        '"We agree."',
        "The envoy left!",
        "Is it over?",
        "Yes.",
    ]


def test_a_full_stop_before_a_lower_case_word_does_not_end_a_sentence() -> None:
    assert _sentences("Exports rose 4.5 pct. in March, officials said.") == [
        "Exports rose 4.5 pct. in March, officials said."
    ]


def test_sentences_glued_without_a_space_are_split() -> None:
    text = "The talks ended late.The envoy left for Oslo.\u201cWe agree,\u201d she said.\u201cIt is done.\u201dHe nodded."
    assert _sentences(text) == [
        "The talks ended late.",
        "The envoy left for Oslo.",
        "\u201cWe agree,\u201d she said.",
        "\u201cIt is done.\u201d",
        "He nodded.",
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Mr.Okafor spoke.",
        "They met at the U.S.Army base.",
        "The govt.Ministry spoke.",
        "At 4.5 pct.",
    ],
)
def test_glued_marks_after_abbreviations_and_capitals_do_not_split(text: str) -> None:
    assert _sentences(text) == [text]


_WORDS = st.sampled_from(["the", "envoy", "met", "talks", "ended", "trade", "rose", "quickly"])


@given(
    st.lists(
        st.tuples(st.sampled_from(["The", "Talks", "Exports", "He"]), st.lists(_WORDS, max_size=5)),
        min_size=1,
        max_size=5,
    ),
    st.sampled_from([".", "!", "?"]),
)
def test_glued_sentences_split_as_spaced_ones(
    parts: list[tuple[str, list[str]]], mark: str
) -> None:
    sentences = [" ".join([first, *rest, "now"]) + mark for first, rest in parts]
    assert _sentences("".join(sentences)) == sentences
    assert _sentences(" ".join(sentences)) == sentences


def test_paragraphs_and_sentence_lookup() -> None:
    text = "First line.\n\n  Second one. Third.\n"
    assert [text[p.start : p.end] for p in paragraphs(text)] == [
        "First line.",
        "Second one. Third.",
    ]
    sentences = split_sentences(text)
    found = sentence_at(sentences, text.index("Third"))
    assert found is not None
    assert text[found.start : found.end] == "Third."
    assert sentence_at(sentences, text.index("\n\n") + 1) is None


@given(st.text(alphabet=st.sampled_from("ab .!?\n\"'\u201dXU"), max_size=120))
def test_sentences_are_ordered_disjoint_trimmed_and_lose_no_text(text: str) -> None:
    spans = split_sentences(text)
    previous_end = 0
    for span in spans:
        assert previous_end <= span.start < span.end <= len(text)
        chunk = text[span.start : span.end]
        assert chunk == chunk.strip()
        previous_end = span.end
    covered = "".join(text[s.start : s.end] for s in spans)
    assert "".join(covered.split()) == "".join(text.split())
