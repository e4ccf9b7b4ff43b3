"""Tests for bilatx-example, written with bilatx.strategies and bilatx.testing."""

from __future__ import annotations

import bilatx_example
from hypothesis import given
from hypothesis import strategies as st

import bilatx
from bilatx import strategies as bst
from bilatx.testing import check_contract, check_mentions, missing_mentions, pipeline_with

PIPELINE = pipeline_with(bilatx_example)


def test_finds_an_ambassador() -> None:
    doc = bilatx.Document(text="On Monday Ambassador Lena Voss presented her credentials.")
    (mention,) = PIPELINE.extract_officials(doc)
    assert (mention.text, mention.surname, mention.title) == ("Lena Voss", "Voss", "Ambassador")


def test_ignores_the_word_alone() -> None:
    doc = bilatx.Document(text="The ambassador said the Ambassador of the year was absent.")
    assert PIPELINE.extract_officials(doc) == ()


def test_keeps_the_plugin_contract() -> None:
    check_contract(bilatx_example)


@given(bst.documents())
def test_mentions_are_valid(doc: bilatx.Document) -> None:
    check_mentions(PIPELINE.extract_officials(doc), doc)


@given(
    bst.annotated_texts(
        dates=st.nothing(),
        money=st.nothing(),
        officials=bst.officials(titles=st.just("Ambassador")),
    )
)
def test_finds_every_ambassador(sample: bst.AnnotatedText) -> None:
    found = PIPELINE.extract_officials(sample.document())
    assert not missing_mentions(sample.officials, found)


@given(bst.annotated_texts(officials=bst.officials(titles=st.sampled_from(["President", None]))))
def test_finds_nobody_else(sample: bst.AnnotatedText) -> None:
    assert PIPELINE.extract_officials(sample.document()) == ()
