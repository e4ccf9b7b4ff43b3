"""The officials plugin tested as a plugin author would: with bilatx.testing and bilatx.strategies.

Contract and well-formed mentions on any document; recall (every official of
a generated text, with the title and country the text gives) and precision
(nobody where a generated text names no official).
"""

from __future__ import annotations

from hypothesis import example, given, settings

import bilatx
import bilatx_officials
from bilatx import strategies as bst
from bilatx.testing import check_contract, check_mentions, missing_mentions, pipeline_with

PIPELINE = pipeline_with(bilatx_officials)


def officials_in(doc: bilatx.Document) -> tuple[bilatx.OfficialMention, ...]:
    found = check_mentions(PIPELINE.extract_officials(doc), doc)
    assert all(isinstance(m, bilatx.OfficialMention) for m in found)
    return found  # type: ignore[return-value]  # checked above


def test_keeps_the_plugin_contract() -> None:
    check_contract(bilatx_officials, max_seconds=5.0, settings=settings(max_examples=30))


@given(bst.documents())
def test_mentions_are_valid_on_any_document(doc: bilatx.Document) -> None:
    check_mentions(PIPELINE.extract_officials(doc), doc)


@given(bst.annotated_texts())
def test_finds_every_official_of_a_generated_text(sample: bst.AnnotatedText) -> None:
    found = officials_in(sample.document())
    assert missing_mentions(sample.officials, found) == ()


# A failure these properties found (since fixed), kept as an explicit example.
SOUTH_AFRICAN_PRESIDENT = bst.AnnotatedText(
    text="South African President Amara Okafor attended the talks.",
    mentions=(
        bilatx.PlaceMention(
            span=bilatx.Span(0, 13),
            text="South African",
            name="South Africa",
            kind=bilatx.PlaceKind.DEMONYM,
            country="ZAF",
            extractor=bst.EXPECTED_EXTRACTOR,
        ),
        bilatx.OfficialMention(
            span=bilatx.Span(24, 36),
            text="Amara Okafor",
            name="Amara Okafor",
            surname="Okafor",
            title="President",
            country="ZAF",
            extractor=bst.EXPECTED_EXTRACTOR,
        ),
    ),
)


def test_the_kept_example_is_written_truthfully() -> None:
    check_mentions(SOUTH_AFRICAN_PRESIDENT.mentions, SOUTH_AFRICAN_PRESIDENT.document())


@example(SOUTH_AFRICAN_PRESIDENT)
@given(bst.annotated_texts())
def test_reads_the_title_and_country_the_text_gives(sample: bst.AnnotatedText) -> None:
    found = officials_in(sample.document())
    for want in sample.officials:
        got = [m for m in found if m.span.overlaps(want.span)]
        assert got, want
        if want.title is not None:
            assert [m.title for m in got] == [want.title], sample.document().slice(want.span)
        if want.country is not None:
            assert [m.country for m in got] == [want.country]


@given(bst.annotated_texts())
def test_finds_nobody_where_a_generated_text_names_no_official(
    sample: bst.AnnotatedText,
) -> None:
    found = officials_in(sample.document())
    extra = [m for m in found if not any(m.span.overlaps(e.span) for e in sample.officials)]
    assert extra == []
