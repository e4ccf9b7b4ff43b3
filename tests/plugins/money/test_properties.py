"""Property tests: any amount written in any supported notation reads back exactly."""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING

from hypothesis import given, note
from hypothesis import strategies as st

import bilatx
from bilatx_money import find_money

if TYPE_CHECKING:
    from collections.abc import Callable

SCALES = {
    "thousand": 10**3,
    "million": 10**6,
    "mn": 10**6,
    "mln": 10**6,
    "billion": 10**9,
    "bn": 10**9,
    "bln": 10**9,
    "trillion": 10**12,
    "tn": 10**12,
    "lakh": 10**5,
    "crore": 10**7,
    "cr": 10**7,
    "lakh crore": 10**12,
}
GLUED = {"m": 10**6, "bn": 10**9, "k": 10**3}
SYMBOLS = {"$": "USD", "US$": "USD", "A$": "AUD", "€": "EUR", "£": "GBP", "¥": "JPY", "₹": "INR"}
SYMBOLS |= {"Rs": "INR", "Rs.": "INR", "HK$": "HKD", "C$": "CAD"}
CODES = ("USD", "EUR", "INR", "JPY", "GBP", "CNY", "AED", "SAR", "KRW", "BRL", "ZAR")
NAMES = {
    "dollars": "USD",
    "US dollars": "USD",
    "dlrs": "USD",
    "euros": "EUR",
    "yen": "JPY",
    "yuan": "CNY",
    "renminbi": "CNY",
    "rupees": "INR",
    "Indian rupees": "INR",
    "pounds sterling": "GBP",
    "stg": "GBP",
    "Swiss francs": "CHF",
    "Saudi riyals": "SAR",
    "dirhams": "AED",
    "won": "KRW",
    "roubles": "RUB",
    "rubles": "RUB",
    "Australian dollars": "AUD",
    "Canadian dollars": "CAD",
}
FILLERS = (
    ("", "."),
    ("Officials said exports reached ", " last year."),
    ("The deal, worth ", ", was signed on Monday."),
    ("Trade between the two countries was ", " in 2023, the ministry said."),
    ("(", ")"),
)


def western(value: int) -> str:
    return f"{value:,}"


def indian(value: int) -> str:
    """Group digits the Indian way: 12,34,56,789."""
    digits = str(value)
    if len(digits) <= 3:
        return digits
    head, tail = digits[:-3], digits[-3:]
    groups: list[str] = []
    while len(head) > 2:
        groups.insert(0, head[-2:])
        head = head[:-2]
    if head:
        groups.insert(0, head)
    return ",".join([*groups, tail])


def numeral(value: Decimal) -> str:
    """Write a Decimal with at most two decimals as news would, commas for thousands."""
    whole = int(value)
    fraction = value - whole
    text = western(whole)
    if fraction:
        text += str(fraction.normalize())[1:]
    return text


mantissas = st.builds(
    lambda whole, cents: Decimal(whole) + Decimal(cents) / 100,
    st.integers(min_value=1, max_value=9999),
    st.sampled_from([0, 0, 5, 25, 50, 75, 1, 99]),
)
scales = st.sampled_from(sorted(SCALES))
Rendered = tuple[str, str, Decimal | None, Decimal | None]


@st.composite
def notations(draw: st.DrawFn) -> Rendered:
    """Draw (text, currency, low, high) for one amount in one notation."""
    kind = draw(
        st.sampled_from(
            [
                "symbol",
                "code-before",
                "code-glued",
                "code-after",
                "name",
                "glued",
                "indian",
                "range",
                "lower",
                "upper",
                "plain",
            ]
        )
    )
    amount = draw(mantissas)
    scale = draw(scales)
    value = amount * SCALES[scale]
    num = numeral(amount)
    if kind == "symbol":
        symbol = draw(st.sampled_from(sorted(SYMBOLS)))
        space = draw(st.sampled_from(["", " "])) if symbol.startswith("Rs") else ""
        return f"{symbol}{space}{num} {scale}", SYMBOLS[symbol], value, value
    if kind == "code-before":
        code = draw(st.sampled_from(CODES))
        return f"{code} {num} {scale}", code, value, value
    if kind == "code-glued":
        code = draw(st.sampled_from(CODES))
        return f"{code}{num} {scale}", code, value, value
    if kind == "code-after":
        code = draw(st.sampled_from(CODES))
        return f"{num} {scale} {code}", code, value, value
    if kind == "name":
        name = draw(st.sampled_from(sorted(NAMES)))
        return f"{num} {scale} {name}", NAMES[name], value, value
    if kind == "glued":
        suffix = draw(st.sampled_from(sorted(GLUED)))
        symbol = draw(st.sampled_from(["$", "€", "£"]))
        value = amount * GLUED[suffix]
        return f"{symbol}{num}{suffix}", SYMBOLS[symbol], value, value
    if kind == "indian":
        rupees = draw(st.integers(min_value=1, max_value=10**9))
        unit = draw(st.sampled_from(["", " lakh", " crore"]))
        value = Decimal(rupees) * {"": 1, " lakh": 10**5, " crore": 10**7}[unit]
        prefix = draw(st.sampled_from(["Rs ", "Rs. ", "₹", "INR "]))
        return f"{prefix}{indian(rupees)}{unit}", "INR", value, value
    if kind == "range":
        top = amount + draw(st.integers(min_value=1, max_value=500))
        dash = draw(st.sampled_from(["-", "\u2013", " to "]))
        code = draw(st.sampled_from(CODES))
        return f"{code} {num}{dash}{numeral(top)} {scale}", code, value, top * SCALES[scale]
    if kind == "lower":
        word = draw(st.sampled_from(["more than", "over", "at least", "above"]))
        return f"{word} ${num} {scale}", "USD", value, None
    if kind == "upper":
        word = draw(st.sampled_from(["up to", "less than", "under", "at most"]))
        return f"{word} €{num} {scale}", "EUR", None, value
    whole = draw(st.integers(min_value=1, max_value=10**7))
    return f"${western(whole)}", "USD", Decimal(whole), Decimal(whole)


@given(notations(), st.sampled_from(FILLERS))
def test_every_notation_round_trips(rendered: Rendered, filler: tuple[str, str]) -> None:
    written, currency, low, high = rendered
    before, after = filler
    text = f"{before}{written}{after}"
    note(text)
    found = find_money(text, published_year=2024, sentences=bilatx.text.split_sentences(text))
    assert len(found) == 1, [m.text for m in found]
    (mention,) = found
    assert mention.value.currency == currency
    assert mention.value.low == low
    assert mention.value.high == high
    assert written in mention.text or mention.text in written


@given(st.lists(notations(), min_size=2, max_size=4))
def test_several_amounts_in_one_text_each_read_back(items: list[Rendered]) -> None:
    text = " Separately, ".join(f"the figure was {written}" for written, *_ in items) + "."
    note(text)
    found = find_money(text, published_year=2024, sentences=bilatx.text.split_sentences(text))
    assert [(m.value.currency, m.value.low, m.value.high) for m in found] == [
        (currency, low, high) for _, currency, low, high in items
    ]


PIECES = st.sampled_from(
    [
        "$",
        "Rs",
        "Rs.",
        "USD",
        "€",
        "-",
        "\u2013",
        " to ",
        " and ",
        "between ",
        "over ",
        "up to ",
        "1,20,000",
        "50,0000",
        "12",
        "3.5",
        ".5",
        "billion",
        "bn",
        "crore",
        "lakh",
        "mln",
        "dlrs",
        "stg",
        "yen",
        " ",
        ",",
        ".",
        "a barrel",
        "per",
        "/",
        "%",
        "pct",
        "Swiss",
        "francs",
        "one",
        "half a",
        "\n",
        "(",
        ")",
        "from ",
        "respectively",
    ]
)


@given(st.one_of(st.text(), st.lists(PIECES, max_size=30).map("".join)))
def test_arbitrary_text_never_crashes_and_spans_are_evidence(text: str) -> None:
    found = find_money(text, published_year=None, sentences=bilatx.text.split_sentences(text))
    last_end = 0
    for mention in found:
        assert text[mention.span.start : mention.span.end] == mention.text
        assert mention.span.start >= last_end
        last_end = mention.span.end
        low, high = mention.value.low, mention.value.high
        assert low is not None or high is not None
        if low is not None and high is not None:
            assert low <= high


@given(st.text())
def test_the_hook_never_fails_on_arbitrary_text(text: str) -> None:
    pipeline = _pipeline()
    mentions = pipeline.extract_money(bilatx.Document(text=text))
    for mention in mentions:
        assert mention.extractor == "money"


def _cached(build: Callable[[], bilatx.Pipeline]) -> Callable[[], bilatx.Pipeline]:
    box: list[bilatx.Pipeline] = []

    def get() -> bilatx.Pipeline:
        if not box:
            box.append(build())
        return box[0]

    return get


_pipeline = _cached(lambda: bilatx.Pipeline(entrypoints=False))
