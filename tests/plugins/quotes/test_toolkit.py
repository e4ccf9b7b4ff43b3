"""The quotes plugin tested as a plugin author would: with bilatx.testing and bilatx.strategies.

Contract and well-formed mentions on any document; recall (every quotation of
a generated text, its words exactly, attributed to the speaker's name, with
its channel) and precision (no quotation where a generated text has none).
"""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

import bilatx
import bilatx_quotes
from bilatx import strategies as bst
from bilatx.testing import check_contract, check_mentions, missing_mentions, pipeline_with

PIPELINE = pipeline_with(bilatx_quotes)


def quotes_in(doc: bilatx.Document) -> tuple[bilatx.QuoteMention, ...]:
    found = check_mentions(PIPELINE.extract_quotes(doc), doc)
    assert all(isinstance(m, bilatx.QuoteMention) for m in found)
    return found  # type: ignore[return-value]  # checked above


def test_keeps_the_plugin_contract() -> None:
    check_contract(bilatx_quotes, max_seconds=5.0, settings=settings(max_examples=30))


@given(bst.documents())
def test_mentions_are_valid_on_any_document(doc: bilatx.Document) -> None:
    check_mentions(PIPELINE.extract_quotes(doc), doc)


@given(bst.annotated_texts())
def test_finds_every_quotation_of_a_generated_text(sample: bst.AnnotatedText) -> None:
    found = quotes_in(sample.document())
    assert missing_mentions(sample.quotes, found) == ()


# Quotations and the officials who speak them, densely.
QUOTED = bst.annotated_texts(
    dates=st.nothing(), money=st.nothing(), places=st.nothing(), sectors=st.nothing()
)
# Occasions last: later remarks naming no channel (the same speaker's, or a
# reply) may have been made at the interview or press conference of an
# earlier quotation.
OCCASIONS: set[str | None] = {"press conference", "interview"}


@given(QUOTED)
def test_attributes_every_quotation_to_its_speaker_and_channel(
    sample: bst.AnnotatedText,
) -> None:
    doc = sample.document()
    found = quotes_in(doc)
    for want in sample.quotes:
        assert want.speaker is not None
        assert want.speaker_span is not None
        (got,) = [m for m in found if m.span.overlaps(want.span)]
        # The speaker may be given with the title ("Foreign Minister Lena Voss").
        assert got.speaker_span is not None, doc.slice(want.span)
        assert got.speaker_span.contains(want.speaker_span), got.speaker
        channels = {want.channel}
        if want.channel is None:
            channels |= {q.channel for q in sample.quotes if q.span < want.span} & OCCASIONS
        assert got.channel in channels, doc.text


@given(bst.annotated_texts())
def test_finds_no_quotation_where_a_generated_text_has_none(sample: bst.AnnotatedText) -> None:
    found = quotes_in(sample.document())
    extra = [m for m in found if not any(m.span.overlaps(e.span) for e in sample.quotes)]
    assert extra == []
