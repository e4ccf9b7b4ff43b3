"""Example tests for the money extractor: one or more sentences of our own per notation."""

from __future__ import annotations

import itertools
from decimal import Decimal

import pytest

import bilatx
from bilatx_money import find_money

B = 10**9
M = 10**6
CRORE = 10**7
LAKH = 10**5


def read(text: str, *, year: int | None = 2024) -> list[tuple[str, str | None, object, object]]:
    """Return (text, currency, low, high) of every mention, checking spans on the way."""
    found = find_money(text, published_year=year, sentences=bilatx.text.split_sentences(text))
    for m in found:
        assert text[m.span.start : m.span.end] == m.text
        assert m.extractor == "money"
        for amount in (m.value.low, m.value.high):
            assert amount is None or isinstance(amount, Decimal)
    return [(m.text, m.value.currency, m.value.low, m.value.high) for m in found]


def one(text: str, *, year: int | None = 2024) -> tuple[str | None, object, object]:
    (found,) = read(text, year=year)
    return found[1:]


@pytest.mark.parametrize(
    ("text", "currency", "amount"),
    [
        # symbols
        ("The port will cost $4.5 billion to build.", "USD", Decimal("4.5") * B),
        ("Exporters earned US$ 800 million in the quarter.", "USD", 800 * M),
        ("The grant is worth US$12m over three years.", "USD", 12 * M),
        ("Canberra pledged A$250 million for the cable.", "AUD", 250 * M),
        ("Ottawa offered C$3 billion in credits.", "CAD", 3 * B),
        ("The museum received €75m from Brussels.", "EUR", 75 * M),
        ("London set aside £1.2bn for the scheme.", "GBP", Decimal("1.2") * B),
        ("Tokyo budgeted ¥500 billion for chips.", "JPY", 500 * B),
        ("The ministry released ₹1,500 crore for roads.", "INR", 1500 * CRORE),
        ("A Rs 300 crore hospital opened in Pune.", "INR", 300 * CRORE),
        ("The board approved Rs. 45 lakh for repairs.", "INR", 45 * LAKH),
        ("A fee of Rs.2,500 is charged per application.", "INR", 2500),
        # ISO codes before, after and glued
        ("Trade reached USD 50 billion in 2023.", "USD", 50 * B),
        ("Bilateral trade stood at 50 billion USD last year.", "USD", 50 * B),
        ("Remittances grew to USD34.6 million in March.", "USD", Decimal("34.6") * M),
        ("The fund holds EUR 2.5 billion.", "EUR", Decimal("2.5") * B),
        ("They paid CHF 40m for the stake.", "CHF", 40 * M),
        ("Sales topped INR 1,000 crore in June.", "INR", 1000 * CRORE),
        ("Riyadh invested SAR 15 billion.", "SAR", 15 * B),
        # names and plurals
        ("The loan is 300 million dollars.", "USD", 300 * M),
        ("The state spent 2 billion US dollars on grain.", "USD", 2 * B),
        ("Exports brought in 40 billion rupees.", "INR", 40 * B),
        ("Farmers received 12 million euros in aid.", "EUR", 12 * M),
        ("The yard sold a ship for 80 billion yen.", "JPY", 80 * B),
        ("Beijing lent 9 billion yuan to the province.", "CNY", 9 * B),
        ("The bank issued 5 billion renminbi in bonds.", "CNY", 5 * B),
        ("Moscow earmarked 30 billion roubles for ports.", "RUB", 30 * B),
        ("The plant cost 14 billion rubles.", "RUB", 14 * B),
        ("They agreed on 600 million pounds sterling.", "GBP", 600 * M),
        ("The fund was worth 3 billion Saudi riyals.", "SAR", 3 * B),
        ("Dubai spent 700 million UAE dirhams on the metro.", "AED", 700 * M),
        ("Seoul set aside 1.2 trillion won for research.", "KRW", Decimal("1.2") * 10**12),
        ("Bern paid 20 million Swiss francs.", "CHF", 20 * M),
        ("The bond raised 2 billion Hong Kong dollars.", "HKD", 2 * B),
        ("Wellington spent 90 million New Zealand dollars.", "NZD", 90 * M),
        ("The contract is worth twenty-five million dollars.", "USD", 25 * M),
        ("A billion dollars was at stake.", "USD", B),
        ("Half a billion dollars went unspent.", "USD", B // 2),
        # wire copy
        ("Exports rose to 300 mln dlrs, officials said.", "USD", 300 * M),
        ("The deficit was 2.4 bln dlrs in January.", "USD", Decimal("2.4") * B),
        ("Imports fell to 780 mln stg.", "GBP", 780 * M),
        ("The dock project is a 12 billion dlr plan.", "USD", 12 * B),
        ("Shipments were worth 1.5 billion yen.", "JPY", Decimal("1.5") * B),
        # scales
        ("The fair sold goods worth $350 thousand.", "USD", 350_000),
        ("A $2 mn credit line was approved.", "USD", 2 * M),
        ("Investors put in $7m.", "USD", 7 * M),
        ("The state took $3 trillion in loans.", "USD", 3 * 10**12),
        ("Debt hit $1.1tn in May.", "USD", Decimal("1.1") * 10**12),
        ("Roads got Rs 200 cr this year.", "INR", 200 * CRORE),
        ("The plan costs Rs 1.5 lakh crore.", "INR", Decimal("1.5") * 10**12),
        ("The scholarship pays Rs 1,20,000 a year.", "INR", 120_000),
        ("A grant of $120,000 was paid.", "USD", 120_000),
    ],
)
def test_each_notation(text: str, currency: str, amount: Decimal | int) -> None:
    assert one(text) == (currency, Decimal(amount), Decimal(amount))


@pytest.mark.parametrize(
    ("text", "currency", "low", "high"),
    [
        ("Trade was USD 12-14 billion a decade ago.", "USD", 12 * B, 14 * B),
        ("The fund may reach $1.5\u20132bn.", "USD", Decimal("1.5") * B, 2 * B),
        ("Repairs will cost Rs 5,000-6,000 crore.", "INR", 5000 * CRORE, 6000 * CRORE),
        ("Estimates range between $5 and $7 billion.", "USD", 5 * B, 7 * B),
        ("Debt to the bank is 2.5 to three billion dlrs.", "USD", Decimal("2.5") * B, 3 * B),
        ("A $5bn-$7bn package is planned.", "USD", 5 * B, 7 * B),
        ("Bids were $500,000 to 1 million dollars.", "USD", 500_000, 1 * M),
    ],
)
def test_ranges_share_currency_and_scale(
    text: str, currency: str, low: Decimal | int, high: Decimal | int
) -> None:
    assert one(text) == (currency, Decimal(low), Decimal(high))


def test_a_typo_in_indian_grouping_is_read_from_the_other_end_of_the_range() -> None:
    # "40,0000" has a stray zero; the range's high end shows the size meant.
    assert one("The utility owes Rs 40,0000-45,000 crore.") == (
        "INR",
        Decimal(40_000 * CRORE),
        Decimal(45_000 * CRORE),
    )


@pytest.mark.parametrize(
    ("text", "bound", "low", "high"),
    [
        ("They spent more than $5bn.", bilatx.MoneyBound.LOWER, 5 * B, None),
        ("Aid of over $2 billion arrived.", bilatx.MoneyBound.LOWER, 2 * B, None),
        ("It will bring at least €3 billion.", bilatx.MoneyBound.LOWER, 3 * B, None),
        (
            "The bill came to a little over Rs 900 crore.",
            bilatx.MoneyBound.LOWER,
            900 * CRORE,
            None,
        ),
        ("Exports exceeded $8 billion.", bilatx.MoneyBound.LOWER, 8 * B, None),
        ("A deal of $4 billion or more is expected.", bilatx.MoneyBound.LOWER, 4 * B, None),
        ("Loans of up to $600 million are offered.", bilatx.MoneyBound.UPPER, None, 600 * M),
        ("It cost less than £10m.", bilatx.MoneyBound.UPPER, None, 10 * M),
        ("Grants of no more than $50,000 each.", bilatx.MoneyBound.UPPER, None, 50_000),
    ],
)
def test_bounds(text: str, bound: bilatx.MoneyBound, low: int | None, high: int | None) -> None:
    (mention,) = find_money(text, published_year=2024)
    assert mention.bound is bound
    assert mention.value.low == (None if low is None else Decimal(low))
    assert mention.value.high == (None if high is None else Decimal(high))
    assert mention.text.split()[0] in text.split()  # the modifier is part of the evidence


@pytest.mark.parametrize(
    "text",
    [
        "The state paid about $3 billion.",
        "Nearly $20 million was raised.",
        "It owes some 7 billion dlrs.",
        "Roughly €2bn was spent.",
        "Around Rs 50 crore was lost.",
    ],
)
def test_approximations_keep_the_value(text: str) -> None:
    (mention,) = find_money(text, published_year=2024)
    assert mention.approximate
    assert mention.bound is bilatx.MoneyBound.EXACT
    assert mention.value.low == mention.value.high
    assert mention.text.split()[0] in {"about", "Nearly", "some", "Roughly", "Around"}


@pytest.mark.parametrize(
    ("text", "unit", "amount"),
    [
        ("Crude sold at 18 dlrs a barrel.", "barrel", 18),
        ("Copper traded near $9,000 per tonne.", "tonne", 9000),
        ("Gold rose to $2,300 an ounce.", "ounce", 2300),
        ("Brent is at $82/bbl.", "bbl", 82),
        ("Interns earn Rs 20,000 per month.", "month", 20_000),
    ],
)
def test_per_unit_prices(text: str, unit: str, amount: int) -> None:
    (mention,) = find_money(text, published_year=2024)
    assert (mention.unit, mention.value.low) == (unit, Decimal(amount))


def test_a_bare_amount_borrows_the_currency_of_its_sentence() -> None:
    text = "Sales rose to 7.5 billion dlrs in 2023 from 6.1 billion in 2022, and 900 mln stg."
    assert read(text) == [
        ("7.5 billion dlrs", "USD", Decimal("7.5") * B, Decimal("7.5") * B),
        ("6.1 billion", "USD", Decimal("6.1") * B, Decimal("6.1") * B),
        ("900 mln stg", "GBP", 900 * M, 900 * M),
    ]


def test_a_bare_amount_without_money_in_its_sentence_is_not_money() -> None:
    text = "Exports were $5 billion. About 3 billion went to Asia."
    assert [r[0] for r in read(text)] == ["$5 billion"]


def test_from_x_to_y_shares_the_scale_but_stays_two_amounts() -> None:
    assert read("Investment grew from $5 to $7 billion.") == [
        ("$5", "USD", 5 * B, 5 * B),
        ("$7 billion", "USD", 7 * B, 7 * B),
    ]


@pytest.mark.parametrize(
    ("text", "year", "currency"),
    [
        ("Paris and Bonn met. The French deficit was 4 billion francs.", 1987, "FRF"),
        ("Bonn reported a surplus of 9 billion marks.", 1988, "DEM"),
        ("Geneva banks hold 80 billion francs, Switzerland said.", 2015, "CHF"),
        ("Pakistan's budget sets aside 900 billion rupees for power.", 2023, "PKR"),
        ("In Sri Lanka, tourism brought 200 billion rupees.", 2019, "LKR"),
        ("Rome spent 5,000 billion lire on roads.", 1990, "ITL"),
        ("The Soviet Union offered 2 billion roubles.", 1987, "SUR"),
        ("The EC set aside 2 billion Ecus for farm support.", 1987, "XEU"),
    ],
)
def test_ambiguous_names_read_from_the_document(text: str, year: int, currency: str) -> None:
    (mention,) = find_money(text, published_year=year)
    assert mention.value.currency == currency


@pytest.mark.parametrize(
    "text",
    [
        "Inflation rose 40 pct as the yen fell.",
        "Growth was 5% and USD 3 per cent of loans failed.",
        "The city has 1.4 billion people and 2.45 million doses.",
        "It happened in 1986 and again in 2023.",
        "She scored 95 marks in the exam.",
        "The farm shipped 500 million pounds of cotton.",
        "Hundreds of billions of dollars are at stake.",
        "The team won 3 games; the dollar rose.",
        "About 116.09 crore cards have been issued.",
        "The wall is 5m high and 20 km long.",
        "COVID-19 vaccines reached 84 million people.",
    ],
)
def test_percentages_counts_years_and_measures_are_not_money(text: str) -> None:
    assert read(text) == []


def test_mentions_do_not_overlap_and_come_in_order() -> None:
    text = "Trade rose from USD 12-14 billion to USD 50 billion, then $60bn, about Rs 5 lakh crore."
    found = find_money(text, published_year=2024)
    assert [m.text for m in found] == [
        "USD 12-14 billion",
        "USD 50 billion",
        "$60bn",
        "about Rs 5 lakh crore",
    ]
    for first, second in itertools.pairwise(found):
        assert first.span.end <= second.span.start


def test_the_hook_runs_in_the_pipeline(pipeline: bilatx.Pipeline) -> None:
    doc = bilatx.Document(text="The deal is worth $2.3 billion.", published="2025-10-29")
    (mention,) = pipeline.extract_money(doc)
    assert mention.value == bilatx.Money(currency="USD", low=2_300_000_000, high=2_300_000_000)
    assert mention.rule == "symbol"


@pytest.mark.parametrize(
    ("text", "currency", "amount"),
    [
        ("Soybeans gained 12 cts a bushel.", "USD", Decimal("0.12")),
        ("A loaf costs 95 pence.", "GBP", Decimal("0.95")),
        ("Tickets are sold for 50 paise.", "INR", Decimal("0.5")),
    ],
)
def test_hundredths(text: str, currency: str, amount: Decimal) -> None:
    assert one(text) == (currency, amount, amount)


@pytest.mark.parametrize(
    "text",
    ["Corn fell 3 cts to 2.10 dlrs.", "The mill raised prices $2 to $45."],
)
def test_a_change_then_a_level_is_not_a_range(text: str) -> None:
    assert [bound for *_, bound in ((m.text, m.bound) for m in find_money(text))] == [
        bilatx.MoneyBound.EXACT,
        bilatx.MoneyBound.EXACT,
    ]


def test_cfa_francs_follow_the_countries_named() -> None:
    assert one("Senegal's budget is 6,000 billion CFA francs.")[0] == "XOF"
    assert one("Gabon's budget is 3,000 billion CFA francs.")[0] == "XAF"


def test_a_year_before_to_is_not_the_low_end_of_a_range() -> None:
    assert read("It grew from $3 billion in 2019 to $4 billion.")[1][0] == "$4 billion"


def test_a_far_smaller_bare_number_is_a_count_not_money() -> None:
    text = "Imports of 2 million tonnes worth $500 million rose to 3 million."
    assert [r[0] for r in read(text)] == ["$500 million"]
