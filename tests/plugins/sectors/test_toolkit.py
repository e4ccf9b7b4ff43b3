"""The sectors plugin tested as a plugin author would: with bilatx.testing and bilatx.strategies.

Contract and well-formed mentions on any document; recall (every sector
phrase of a generated text, each in a sentence naming two countries) and
precision (no sector in the titles, names and filler around them: "Trade
Minister" is an office, not an area of cooperation).
"""

from __future__ import annotations

from hypothesis import example, given, settings
from hypothesis import strategies as st

import bilatx
import bilatx_sectors
from bilatx import strategies as bst
from bilatx.testing import check_contract, check_mentions, missing_mentions, pipeline_with

PIPELINE = pipeline_with(bilatx_sectors)


def sectors_in(doc: bilatx.Document) -> tuple[bilatx.SectorMention, ...]:
    found = check_mentions(PIPELINE.extract_sectors(doc), doc)
    assert all(isinstance(m, bilatx.SectorMention) for m in found)
    return found  # type: ignore[return-value]  # checked above


def test_keeps_the_plugin_contract() -> None:
    check_contract(bilatx_sectors, max_seconds=5.0, settings=settings(max_examples=30))


@given(bst.documents())
def test_mentions_are_valid_on_any_document(doc: bilatx.Document) -> None:
    check_mentions(PIPELINE.extract_sectors(doc), doc)


@given(bst.annotated_texts())
def test_finds_every_sector_of_a_generated_text(sample: bst.AnnotatedText) -> None:
    found = sectors_in(sample.document())
    assert missing_mentions(sample.sectors, found) == ()


@given(bst.annotated_texts())
def test_finds_no_sector_where_a_generated_text_has_none(sample: bst.AnnotatedText) -> None:
    found = sectors_in(sample.document())
    extra = [m for m in found if not any(m.span.overlaps(e.span) for e in sample.sectors)]
    assert extra == []


# Sector sentences alone, without the filler, officials and amounts whose
# words ("talks", "agreement") tell that a text is about relations between
# countries: each sector sentence names two countries doing something together.
SECTOR_SENTENCES = bst.annotated_texts(
    dates=st.nothing(),
    money=st.nothing(),
    officials=st.nothing(),
    places=st.nothing(),
    quotes=st.nothing(),
    filler=st.nothing(),
    max_facts=2,
)


# A failure these properties found (since fixed), kept as an explicit example.
EGYPT_AND_JAPAN_DISCUSSED_TOURISM = bst.AnnotatedText(
    text="Egypt and Japan discussed tourism.",
    mentions=(
        bilatx.PlaceMention(
            span=bilatx.Span(0, 5),
            text="Egypt",
            name="Egypt",
            kind=bilatx.PlaceKind.COUNTRY,
            country="EGY",
            extractor=bst.EXPECTED_EXTRACTOR,
        ),
        bilatx.PlaceMention(
            span=bilatx.Span(10, 15),
            text="Japan",
            name="Japan",
            kind=bilatx.PlaceKind.COUNTRY,
            country="JPN",
            extractor=bst.EXPECTED_EXTRACTOR,
        ),
        bilatx.SectorMention(
            span=bilatx.Span(26, 33),
            text="tourism",
            sector="tourism",
            extractor=bst.EXPECTED_EXTRACTOR,
        ),
    ),
)


def test_the_kept_example_is_written_truthfully() -> None:
    check_mentions(
        EGYPT_AND_JAPAN_DISCUSSED_TOURISM.mentions, EGYPT_AND_JAPAN_DISCUSSED_TOURISM.document()
    )


@example(EGYPT_AND_JAPAN_DISCUSSED_TOURISM)
@given(SECTOR_SENTENCES)
def test_finds_the_sector_of_sentences_naming_two_countries(sample: bst.AnnotatedText) -> None:
    found = sectors_in(sample.document())
    assert missing_mentions(sample.sectors, found) == ()
