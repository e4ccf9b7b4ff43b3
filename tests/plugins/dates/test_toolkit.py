"""The dates plugin tested as a plugin author would: with bilatx.testing and bilatx.strategies.

Contract and well-formed mentions on any document; recall and value on every
date :func:`bilatx.strategies.date_expressions` writes and on whole generated
texts; precision on generated texts, whose only dates are the expected ones.
"""

from __future__ import annotations

import datetime as dt

from hypothesis import given, settings
from hypothesis import strategies as st

import bilatx
import bilatx_dates
from bilatx import strategies as bst
from bilatx.testing import check_contract, check_mentions, missing_mentions, pipeline_with

PIPELINE = pipeline_with(bilatx_dates)
PUBLISHED = st.dates(dt.date(1990, 1, 1), dt.date(2040, 12, 31))


def dates_in(doc: bilatx.Document) -> tuple[bilatx.DateMention, ...]:
    found = check_mentions(PIPELINE.extract_dates(doc), doc)
    return tuple(m for m in found if isinstance(m, bilatx.DateMention))


def test_keeps_the_plugin_contract() -> None:
    check_contract(bilatx_dates, max_seconds=5.0, settings=settings(max_examples=30))


@given(bst.documents())
def test_mentions_are_valid_on_any_document(doc: bilatx.Document) -> None:
    check_mentions(PIPELINE.extract_dates(doc), doc)


@given(bst.date_expressions(published=PUBLISHED), st.data())
def test_reads_every_expression_with_its_value(
    expr: bst.DateExpression, data: st.DataObject
) -> None:
    if expr.relative:
        lead = "The delegations met "
    elif expr.granularity is bilatx.Granularity.DAY:
        lead = "The delegations met on "
    else:
        lead = "The delegations met in "
    # A text published on the base date; an absolute one at any date.
    published = expr.published or data.draw(st.none() | PUBLISHED)
    doc = bilatx.Document(text=f"{lead}{expr.text}.", published=published)
    span = bilatx.Span(len(lead), len(lead) + len(expr.text))
    found = [m for m in dates_in(doc) if m.span.overlaps(span)]
    assert [(m.text, m.value) for m in found] == [(expr.text, expr.value)]


@given(bst.annotated_texts(published=st.none() | PUBLISHED))
def test_finds_every_date_of_a_generated_text(sample: bst.AnnotatedText) -> None:
    found = dates_in(sample.document())
    assert missing_mentions(sample.dates, found) == ()


@given(bst.annotated_texts(published=st.none() | PUBLISHED))
def test_finds_no_date_where_a_generated_text_has_none(sample: bst.AnnotatedText) -> None:
    found = dates_in(sample.document())
    extra = [m for m in found if not any(m.span.overlaps(e.span) for e in sample.dates)]
    assert extra == []
