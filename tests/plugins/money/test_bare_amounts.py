"""Amounts written without a currency: when they are money, and which currency they take.

A scaled number with no currency of its own is money when it is compared or
listed with an amount that has one ("rose to 7 billion dlrs from 5 billion",
"needs 30 to 40 billion over five years"), or when a money noun stands right
after it ("a 4.3 billion deficit") or introduces it ("a surplus of 4 billion").
A noun that counts something ("1.4 billion people") means it is not money.
"""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given, note
from hypothesis import strategies as st

import bilatx
from bilatx_money import find_money

B = 10**9
M = 10**6


def read(text: str, *, year: int = 1987) -> list[tuple[str, str | None, object, object]]:
    found = find_money(text, published_year=year, sentences=bilatx.text.split_sentences(text))
    for m in found:
        assert text[m.span.start : m.span.end] == m.text
    return [(m.text, m.value.currency, m.value.low, m.value.high) for m in found]


@pytest.mark.parametrize(
    ("text", "bare"),
    [
        (
            "Chile owes 20 billion dlrs and will need 3 to 4 billion over the next two years.",
            ("3 to 4 billion", "USD", 3 * B, 4 * B),
        ),
        (
            "Peru wants 900 mln dlrs now and 1-2 billion later.",
            ("1-2 billion", "USD", 1 * B, 2 * B),
        ),
        (
            "Paris spent 2 billion euros, and between 1 and 3 billion is planned.",
            ("between 1 and 3 billion", "EUR", 1 * B, 3 * B),
        ),
        (
            "Imports of 5 billion dlrs against exports of 3 billion is a record gap.",
            ("3 billion", "USD", 3 * B, 3 * B),
        ),
    ],
)
def test_a_bare_range_or_amount_after_one_with_a_currency_takes_it(
    text: str, bare: tuple[str, str, int, int]
) -> None:
    assert read(text)[-1] == bare


@pytest.mark.parametrize(
    ("text", "bare"),
    [
        ("Exports rose to 7.1 billion dlrs, leaving a 4.3 billion deficit.", "4.3 billion"),
        ("Exports were 7 billion dlrs. The country ran a 4.3 billion deficit.", "4.3 billion"),
        ("The 300 mln dlr loan came with a 1.2 billion credit.", "1.2 billion"),
        ("Peru had 2 billion dlrs in reserves and a 3.5 billion trade surplus.", "3.5 billion"),
        (
            "Exports reached 5 billion dlrs, with a trade surplus with Chile of 4 billion.",
            "4 billion",
        ),
    ],
)
def test_a_bare_amount_with_a_money_noun_is_money(text: str, bare: str) -> None:
    found = {t: currency for t, currency, *_ in read(text)}
    assert found.get(bare) == "USD"


def test_a_money_noun_without_any_currency_in_the_text_gives_an_unknown_currency() -> None:
    assert read("Chile ran a 4.3 billion trade deficit last year.") == [
        ("4.3 billion", None, Decimal("4.3") * B, Decimal("4.3") * B)
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Chile has 20 million people and 300 mln dlrs in reserves.",
        "The firm sold 2 billion dlrs of bonds and 3 million family cars.",
        "Peru exported 300 mln dlrs of ore. About 3 million tonnes went to Asia.",
        "Chile, a country of 19 million, spent 2 billion dlrs.",
        "Peru's 2 billion dlr surplus came as 30 million visitors arrived.",
        "Chile spent 300 mln dlrs on aid, and 19 million are poor.",
        "Chile spent 300 mln dlrs on aid to the 19 million affected.",
    ],
)
def test_counted_nouns_keep_a_bare_number_from_being_money(text: str) -> None:
    assert [t for t, *_ in read(text) if "dlr" not in t] == []


MONEY_NOUNS = ("deficit", "surplus", "loan", "credit", "trade deficit", "aid package", "deal")
COUNT_NOUNS = ("people", "tonnes", "barrels", "voters", "doses", "shares", "residents")


@given(
    st.integers(min_value=1, max_value=900),
    st.integers(min_value=1, max_value=900),
    st.sampled_from(("billion", "mln", "million")),
    st.sampled_from(MONEY_NOUNS),
)
def test_generated_bare_amounts_before_money_nouns_borrow_the_currency(
    first: int, second: int, scale: str, noun: str
) -> None:
    text = f"Chile's exports were {first} {scale} dlrs, and it ran a {second} {scale} {noun}."
    note(text)
    factor = B if scale == "billion" else M
    found = read(text)
    assert found[-1] == (f"{second} {scale}", "USD", second * factor, second * factor)


@given(
    st.integers(min_value=1, max_value=900),
    st.integers(min_value=1, max_value=900),
    st.sampled_from(COUNT_NOUNS),
)
def test_generated_bare_amounts_before_counted_nouns_are_not_money(
    first: int, second: int, noun: str
) -> None:
    text = f"Chile's exports were {first} billion dlrs, and it has {second} million {noun}."
    note(text)
    assert [t for t, *_ in read(text)] == [f"{first} billion dlrs"]


@given(
    # Of comparable size: a far smaller or larger bare number is something else.
    st.integers(min_value=10, max_value=50),
    st.integers(min_value=3, max_value=40),
    st.integers(min_value=1, max_value=20),
    st.sampled_from(("{lo} to {hi}", "{lo}-{hi}", "between {lo} and {hi}")),
    st.sampled_from(("over five years", "later", "in new loans", "")),
)
def test_generated_bare_ranges_after_a_dlrs_amount_read_back(
    first: int, low: int, extra: int, form: str, tail: str
) -> None:
    high = low + extra
    written = form.format(lo=low, hi=high) + " billion"
    text = f"Chile owes {first} billion dlrs and needs {written} {tail}".rstrip() + "."
    note(text)
    *_, last = read(text)
    assert last == (written, "USD", low * B, high * B)


def test_a_year_earlier_after_an_amount_is_a_time_not_a_unit() -> None:
    found = find_money(
        "Investment reached 10 billion dlrs, against 7.1 billion a year earlier.",
        published_year=1987,
        sentences=bilatx.text.split_sentences(
            "Investment reached 10 billion dlrs, against 7.1 billion a year earlier."
        ),
    )
    assert [(m.text, m.unit, m.value.currency) for m in found] == [
        ("10 billion dlrs", None, "USD"),
        ("7.1 billion", None, "USD"),
    ]
    (yearly,) = find_money("Aid is 5 mln dlrs a year.", published_year=1987)
    assert yearly.unit == "year"
