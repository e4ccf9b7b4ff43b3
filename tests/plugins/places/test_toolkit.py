"""The places plugin tested as a plugin author would: with bilatx.testing and bilatx.strategies.

Contract and well-formed mentions on any document; recall (every country and
demonym of a generated text, with its code and kind) and precision (no
country where a generated text names none). Cities inside people's names are
the resolution step's to drop, so precision here covers countries and
demonyms only; ``tests/plugins/resolve/test_toolkit.py`` covers the rest.
"""

from __future__ import annotations

from hypothesis import example, given, settings

import bilatx
import bilatx_places
from bilatx import strategies as bst
from bilatx.testing import check_contract, check_mentions, missing_mentions, pipeline_with

PIPELINE = pipeline_with(bilatx_places)
COUNTRY_KINDS = (bilatx.PlaceKind.COUNTRY, bilatx.PlaceKind.DEMONYM)


def places_in(doc: bilatx.Document) -> tuple[bilatx.PlaceMention, ...]:
    found = check_mentions(PIPELINE.extract_places(doc), doc)
    assert all(isinstance(m, bilatx.PlaceMention) for m in found)
    return found  # type: ignore[return-value]  # checked above


def test_keeps_the_plugin_contract() -> None:
    check_contract(bilatx_places, max_seconds=5.0, settings=settings(max_examples=30))


@given(bst.documents())
def test_mentions_are_valid_on_any_document(doc: bilatx.Document) -> None:
    check_mentions(PIPELINE.extract_places(doc), doc)


@given(bst.annotated_texts())
def test_finds_every_country_and_demonym_of_a_generated_text(sample: bst.AnnotatedText) -> None:
    found = places_in(sample.document())
    assert missing_mentions(sample.places, found) == ()
    for want in sample.places:
        got = [m for m in found if m.span.overlaps(want.span)]
        assert [(m.text, m.kind) for m in got] == [(want.text, want.kind)]


# A failure these properties found (since fixed), kept as an explicit example.
AMOUNT_IN_US_DOLLARS = bst.AnnotatedText(
    text="The agreement is worth US$5bn.",
    mentions=(
        bilatx.MoneyMention(
            span=bilatx.Span(23, 29),
            text="US$5bn",
            value=bilatx.Money.exact(5_000_000_000, "USD"),
            extractor=bst.EXPECTED_EXTRACTOR,
        ),
    ),
)


def test_the_kept_example_is_written_truthfully() -> None:
    check_mentions(AMOUNT_IN_US_DOLLARS.mentions, AMOUNT_IN_US_DOLLARS.document())


@example(AMOUNT_IN_US_DOLLARS)
@given(bst.annotated_texts())
def test_finds_no_country_where_a_generated_text_names_none(sample: bst.AnnotatedText) -> None:
    found = places_in(sample.document())
    extra = [
        m
        for m in found
        if m.kind in COUNTRY_KINDS and not any(m.span.overlaps(e.span) for e in sample.places)
    ]
    assert extra == []
