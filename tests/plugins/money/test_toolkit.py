"""The money plugin tested as a plugin author would: with bilatx.testing and bilatx.strategies.

Contract and well-formed mentions on any document; recall, value and bound on
every amount :func:`bilatx.strategies.money_expressions` writes and on whole
generated texts; precision on generated texts, whose only amounts are the
expected ones.
"""

from __future__ import annotations

from hypothesis import given, settings

import bilatx
import bilatx_money
from bilatx import strategies as bst
from bilatx.testing import check_contract, check_mentions, missing_mentions, pipeline_with

PIPELINE = pipeline_with(bilatx_money)


def money_in(doc: bilatx.Document) -> tuple[bilatx.MoneyMention, ...]:
    found = check_mentions(PIPELINE.extract_money(doc), doc)
    assert all(isinstance(m, bilatx.MoneyMention) for m in found)
    return found  # type: ignore[return-value]  # checked above


def test_keeps_the_plugin_contract() -> None:
    check_contract(bilatx_money, max_seconds=5.0, settings=settings(max_examples=30))


@given(bst.documents())
def test_mentions_are_valid_on_any_document(doc: bilatx.Document) -> None:
    check_mentions(PIPELINE.extract_money(doc), doc)


@given(bst.money_expressions())
def test_reads_every_expression_with_its_value_and_bound(expr: bst.MoneyExpression) -> None:
    lead = "The agreement is worth "
    doc = bilatx.Document(text=f"{lead}{expr.text}.")
    span = bilatx.Span(len(lead), len(lead) + len(expr.text))
    found = [m for m in money_in(doc) if m.span.overlaps(span)]
    assert [(m.text, m.value, m.bound) for m in found] == [(expr.text, expr.value, expr.bound)]


@given(bst.annotated_texts())
def test_finds_every_amount_of_a_generated_text(sample: bst.AnnotatedText) -> None:
    found = money_in(sample.document())
    assert missing_mentions(sample.money, found) == ()


@given(bst.annotated_texts())
def test_finds_no_amount_where_a_generated_text_has_none(sample: bst.AnnotatedText) -> None:
    found = money_in(sample.document())
    extra = [m for m in found if not any(m.span.overlaps(e.span) for e in sample.money)]
    assert extra == []
