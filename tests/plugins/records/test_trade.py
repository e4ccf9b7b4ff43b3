"""Trade figures: what an amount measures, between whom, when, and how it changed.

Most tests build the mentions by hand (money from the money plugin, dates,
places and officials placed exactly), so they test the trade builder alone.
"""

from __future__ import annotations

import re
from decimal import Decimal

import pytest
from hypothesis import given, note
from hypothesis import strategies as st

import bilatx
from bilatx_money import find_money
from bilatx_records._trade import build_trade_figures

B = 10**9
M = 10**6


def occurrences(text: str, phrase: str) -> list[bilatx.Span]:
    spans = [bilatx.Span(m.start(), m.end()) for m in re.finditer(re.escape(phrase), text)]
    assert spans, f"{phrase!r} is not in the text"
    return spans


def mentions_for(
    text: str,
    *,
    published: str = "2024-03-01",
    dates: dict[str, str | None] | None = None,
    places: dict[str, str] | None = None,
    people: dict[str, str] | None = None,
) -> tuple[bilatx.Document, bilatx.Mentions]:
    """Return a document and its mentions: money found by the plugin, the rest placed by hand."""
    doc = bilatx.Document(text=text, published=published)
    year = doc.published.year if doc.published else None
    money = find_money(text, published_year=year, sentences=doc.sentences())
    date_mentions = [
        bilatx.DateMention(
            span=span,
            text=phrase,
            value=parsed,
            granularity=parsed.granularity if parsed else bilatx.Granularity.UNKNOWN,
            extractor="test",
        )
        for phrase, value in (dates or {}).items()
        for parsed in [bilatx.parse_date_value(value) if value else None]
        for span in occurrences(text, phrase)
    ]
    place_mentions = [
        bilatx.PlaceMention(
            span=span,
            text=phrase,
            name=phrase,
            kind=bilatx.PlaceKind.COUNTRY,
            country=code,
            extractor="test",
        )
        for phrase, code in (places or {}).items()
        for span in occurrences(text, phrase)
    ]
    officials = [
        bilatx.Official(name=name, surname=name, country=code, spans=occurrences(text, name))
        for name, code in (people or {}).items()
    ]
    mentions = bilatx.Mentions(
        money=money, dates=date_mentions, places=place_mentions, people=officials
    )
    return doc, mentions


def figures(text: str, **kwargs: object) -> list[bilatx.TradeFigure]:
    doc, mentions = mentions_for(text, **kwargs)  # type: ignore[arg-type]
    found = build_trade_figures(doc, mentions)
    money_spans = {m.span for m in mentions.money}
    for figure in found:
        assert figure.span in money_spans
        assert figure.text == text[figure.span.start : figure.span.end]
        assert figure.extractor == "records"
    return found


def summary(found: list[bilatx.TradeFigure]) -> list[tuple[object, ...]]:
    return [
        (f.text, f.metric, tuple(sorted(f.partners)), f.period.iso() if f.period else None)
        for f in found
    ]


# ------------------------------------------------------------------ metric


def test_from_x_to_y_gives_two_figures_with_periods_and_a_trend() -> None:
    text = (
        "Trade between Norway and Chile rose from USD 3 billion in 2021 "
        "to USD 4.5 billion last year, the ministry said."
    )
    found = figures(
        text,
        dates={"2021": "2021", "last year": "2023"},
        places={"Norway": "NOR", "Chile": "CHL"},
    )
    assert summary(found) == [
        ("USD 3 billion", "trade", ("CHL", "NOR"), "2021"),
        ("USD 4.5 billion", "trade", ("CHL", "NOR"), "2023"),
    ]
    earlier, later = found
    assert later.trend == earlier.trend
    assert later.trend is not None
    assert (later.trend.direction, later.trend.earlier, later.trend.later) == (
        "increase",
        earlier.span,
        later.span,
    )


def test_rose_to_y_from_x_links_the_later_amount_first() -> None:
    text = "Brazil's exports to Kenya rose to 900 mln dlrs last year from 700 mln in 2022."
    found = figures(
        text,
        dates={"last year": "2023", "2022": "2022"},
        places={"Brazil": "BRA", "Kenya": "KEN"},
    )
    assert summary(found) == [
        ("900 mln dlrs", "exports", ("BRA", "KEN"), "2023"),
        ("700 mln", "exports", ("BRA", "KEN"), "2022"),
    ]
    later, earlier = found
    assert later.trend is not None
    assert (later.trend.earlier, later.trend.later) == (earlier.span, later.span)
    assert later.trend.direction == "increase"


def test_down_from_is_a_decrease() -> None:
    text = "Spanish exports to Egypt were 400 mln stg in 1990, down from 520 mln in 1989."
    found = figures(
        text,
        published="1991-02-01",
        dates={"1990": "1990", "1989": "1989"},
        places={"Spanish": "ESP", "Egypt": "EGY"},
    )
    assert [f.trend.direction if f.trend else None for f in found] == ["decrease", "decrease"]
    assert [f.period.iso() if f.period else None for f in found] == ["1990", "1989"]


@pytest.mark.parametrize(
    ("text", "metric"),
    [
        ("The United States will provide $50 million in assistance to Nepal.", "aid"),
        ("Chile signed a $2 billion deal to buy trains from France.", "deal"),
        ("Korean firms will invest $10 billion in Mexico.", "investment"),
        ("Japan's imports from Peru reached $3 billion.", "imports"),
        ("Ghana and Togo agreed a Rs 500 crore pact on power lines.", "deal"),
        ("Canada's trade surplus with Chile was 2 billion dlrs.", "surplus"),
        ("The bilateral trade deficit of Chile with Canada is $5 billion.", "deficit"),
        ("Norway donated a $3 million field clinic to Chad.", "aid"),
        ("Mexico's purchases of Canadian wheat were worth $900 million.", "deal"),
        ("Chile's export earnings from France reached $4 billion.", "exports"),
        ("Peru's oil import bill from Norway rose to $2 billion.", "imports"),
        ("Japan will lend $300 million to Nepal for a dam.", "aid"),
        ("France disbursed $40 million to Chad for schools.", "aid"),
        ("Norway bought a $2 billion stake in a Chilean mine.", "investment"),
    ],
)
def test_amounts_measuring_trade_aid_deals_are_figures(text: str, metric: str) -> None:
    codes = {
        "United States": "USA",
        "Nepal": "NPL",
        "Chile": "CHL",
        "France": "FRA",
        "Korean": "KOR",
        "Mexico": "MEX",
        "Japan": "JPN",
        "Peru": "PER",
        "Ghana": "GHA",
        "Togo": "TGO",
        "Canada": "CAN",
        "Canadian": "CAN",
        "Norway": "NOR",
        "Chad": "TCD",
        "Chilean": "CHL",
    }
    found = figures(text, places={k: v for k, v in codes.items() if k in text})
    assert [f.metric for f in found] == [metric]
    assert len(found[0].partners) == 2


@pytest.mark.parametrize(
    "text",
    [
        "Ghana's foreign debt with Chinese banks totals some 30 billion dlrs.",
        "India's ministry spent Rs 900 crore on salaries.",
        "Reserves at the central bank of Chile were $3 billion.",
        "The Japanese carmaker's profit rose to $2 billion in Canada.",
        "Chile's budget for schools is $4 billion.",
        "Peru received 900 mln dlrs in fresh export credits from Japan.",
        "The cost of the floods in Chile was put at $1 billion.",
        "Kenya's debts to France are estimated at 2.5 to three billion dlrs.",
        "Crude from Norway sold to Japan at 18 dlrs a barrel.",
        "Shares in Chile's copper firm were priced at $40 each in Japan.",
        "Egypt's debt to Chile for military purchases is about 4.5 billion dlrs.",
    ],
)
def test_debts_costs_budgets_earnings_and_prices_are_not_figures(text: str) -> None:
    codes = {
        "Ghana": "GHA",
        "Egypt": "EGY",
        "Chinese": "CHN",
        "India": "IND",
        "Chile": "CHL",
        "Japanese": "JPN",
        "Canada": "CAN",
        "Peru": "PER",
        "Japan": "JPN",
        "Kenya": "KEN",
        "France": "FRA",
        "Norway": "NOR",
    }
    assert figures(text, places={k: v for k, v in codes.items() if k in text}) == []


def test_an_amount_listed_after_another_is_read_like_it() -> None:
    text = (
        "Aid from Japan to Laos has exceeded $2.8 billion, including more than "
        "$1.4 billion for schools."
    )
    found = figures(text, places={"Japan": "JPN", "Laos": "LAO"})
    assert [(f.text, f.metric) for f in found] == [
        ("exceeded $2.8 billion", "aid"),
        ("more than $1.4 billion", "aid"),
    ]


def test_the_previous_sentence_says_what_a_bare_sentence_measures() -> None:
    text = "Vietnam has a growing trade surplus with Mexico. Last year it was 4 billion dlrs."
    found = figures(text, dates={"Last year": "2023"}, places={"Vietnam": "VNM", "Mexico": "MEX"})
    assert summary(found) == [("4 billion dlrs", "surplus", ("MEX", "VNM"), "2023")]


def test_a_new_paragraph_does_not_borrow_the_previous_cue() -> None:
    text = "Vietnam has a trade surplus with Mexico.\nA new bridge in Hanoi cost 4 billion dlrs."
    assert figures(text, places={"Vietnam": "VNM", "Mexico": "MEX"}) == []


# ----------------------------------------------------------------- partners


def test_officials_countries_are_partners() -> None:
    text = "Okafor said imports from Sweden reached $600 million."
    found = figures(text, places={"Sweden": "SWE"}, people={"Okafor": "NGA"})
    assert summary(found) == [("$600 million", "imports", ("NGA", "SWE"), None)]


def test_a_flow_with_one_side_named_takes_the_other_main_country() -> None:
    text = (
        "Egypt and Japan held talks in Cairo. Egypt and Japan agreed to deepen ties. "
        "Tokyo said Japan will invest $2 billion in a new port."
    )
    found = figures(text, places={"Egypt": "EGY", "Japan": "JPN"})
    assert summary(found) == [("$2 billion", "investment", ("EGY", "JPN"), None)]


def test_a_deficit_without_a_counterpart_belongs_to_one_country() -> None:
    text = "Turkey and Chile met. Turkey's trade deficit reached 10 billion dlrs in 1988."
    found = figures(
        text,
        published="1989-01-10",
        dates={"1988": "1988"},
        places={"Turkey": "TUR", "Chile": "CHL"},
    )
    assert summary(found) == [("10 billion dlrs", "deficit", ("TUR",), "1988")]


def test_a_bilateral_balance_names_both_sides() -> None:
    text = "India and Chile met. The bilateral trade imbalance was $3 billion in India's favour."
    found = figures(text, places={"India": "IND", "Chile": "CHL"})
    assert summary(found) == [("$3 billion", "deficit", ("CHL", "IND"), None)]


def test_a_third_country_in_the_sentence_is_context_when_both_main_ones_are_named() -> None:
    text = (
        "Sweden and Ukraine met. Sweden pledged aid to Ukraine. Since Russia's invasion of "
        "Ukraine, Sweden has committed roughly $3 billion in assistance."
    )
    found = figures(text, places={"Sweden": "SWE", "Ukraine": "UKR", "Russia": "RUS"})
    assert summary(found) == [("roughly $3 billion", "aid", ("SWE", "UKR"), None)]


def test_without_any_country_there_is_no_figure() -> None:
    assert figures("The firm will invest $2 billion in new plants.") == []


def test_exports_need_one_country_but_investment_needs_two() -> None:
    exports = figures("India's exports reached Rs 21,000 crore.", places={"India": "IND"})
    assert summary(exports) == [("Rs 21,000 crore", "exports", ("IND",), None)]
    domestic = "India's largest firm will invest Rs 7,500 crore in new plants."
    assert figures(domestic, places={"India": "IND"}) == []


# ------------------------------------------------------------------- period


@pytest.mark.parametrize(
    ("text", "dates", "period"),
    [
        ("Chile's exports to Peru were $2 billion last year.", {"last year": "2023"}, "2023"),
        ("Chile's exports to Peru were $2 billion in 2019.", {"2019": "2019"}, "2019"),
        (
            "Chile's exports to Peru were $2 billion for the whole of 2019.",
            {"2019": "2019"},
            "2019",
        ),
        (
            "A Chilean surplus with Peru of $2 billion for May 2019.",
            {"May 2019": "2019-05"},
            "2019-05",
        ),
        (
            "Chile's exports to Peru, which last year amounted to $2 billion.",
            {"last year": "2023"},
            "2023",
        ),
        ("Chile will invest $2 billion in Peru by 2030.", {"2030": "2030"}, None),
        ("Chile will invest $2 billion in Peru through 2031.", {"2031": "2031"}, None),
        (
            "Chile has given $2 billion in aid to Peru since March 2020.",
            {"March 2020": "2020-03"},
            None,
        ),
        (
            "Chile and Peru signed a $2 billion deal in Lima last month.",
            {"last month": "2024-02"},
            None,
        ),
        (
            "Chile's aid to Peru of $2 billion was approved by the Act, 2022.",
            {"2022": "2022"},
            None,
        ),
    ],
)
def test_the_period_is_the_date_beside_the_amount(
    text: str, dates: dict[str, str | None], period: str | None
) -> None:
    found = figures(
        text,
        dates=dates,
        places={
            k: v for k, v in {"Chile": "CHL", "Chilean": "CHL", "Peru": "PER"}.items() if k in text
        },
    )
    assert len(found) == 1
    assert (found[0].period.iso() if found[0].period else None) == period


def test_an_amount_after_an_abbreviated_currency_keeps_its_sentence() -> None:
    text = "Chile's exports to Peru stood at Rs. 900 crore in 2019. Both sides met."
    found = figures(text, dates={"2019": "2019"}, places={"Chile": "CHL", "Peru": "PER"})
    assert summary(found) == [("Rs. 900 crore", "exports", ("CHL", "PER"), "2019")]


def test_fiscal_years_are_kept_as_text() -> None:
    text = "Bilateral trade between India and Oman was $8 billion in 2022-23."
    (figure,) = figures(text, places={"India": "IND", "Oman": "OMN"})
    assert (figure.period, figure.period_text) == (None, "2022-23")
    (figure,) = figures(text, places={"India": "IND", "Oman": "OMN"}, dates={"2022-23": None})
    assert (figure.period, figure.period_text) == (None, "2022-23")


def test_a_partial_year_is_not_the_year() -> None:
    text = "Chile's deficit with Peru was $2 billion in the first 11 months of 1990."
    (figure,) = figures(
        text,
        published="1991-01-05",
        dates={"the first 11 months of 1990": None},
        places={"Chile": "CHL", "Peru": "PER"},
    )
    assert (figure.period, figure.period_text) == (None, "the first 11 months of 1990")


def test_a_target_shares_the_period_of_its_comparison() -> None:
    text = (
        "Chile has a trade surplus with Peru. "
        "Last year it was one billion dlrs against a targeted 1.5 billion."
    )
    found = figures(text, dates={"Last year": "2023"}, places={"Chile": "CHL", "Peru": "PER"})
    assert [(f.text, f.period.iso() if f.period else None) for f in found] == [
        ("one billion dlrs", "2023"),
        ("1.5 billion", "2023"),
    ]


def test_respectively_takes_the_periods_in_order() -> None:
    text = (
        "Irish exports to Chile were 300 mln stg in 1990, down from 250 mln in 1989, "
        "while Chile's exports to Ireland were 120 mln stg and 90 mln, respectively."
    )
    found = figures(
        text,
        published="1991-03-01",
        dates={"1990": "1990", "1989": "1989"},
        places={"Irish": "IRL", "Chile": "CHL", "Ireland": "IRL"},
    )
    assert [(f.text, f.period.iso() if f.period else None) for f in found] == [
        ("300 mln stg", "1990"),
        ("250 mln", "1989"),
        ("120 mln stg", "1990"),
        ("90 mln", "1989"),
    ]


def test_with_the_real_mention_plugins(pipeline: bilatx.Pipeline) -> None:
    doc = bilatx.Document(
        text="Trade between Austria and Chile rose to $5 billion in 2023 from $4 billion in 2022.",
        published="2024-01-15",
    )
    found = build_trade_figures(doc, pipeline.extract_mentions(doc))
    assert [(f.money.low, tuple(sorted(f.partners))) for f in found] == [
        (Decimal(5 * B), ("AUT", "CHL")),
        (Decimal(4 * B), ("AUT", "CHL")),
    ]


# --------------------------------------------------------------- properties

COUNTRIES = [
    ("Norway", "NOR"),
    ("Chile", "CHL"),
    ("Kenya", "KEN"),
    ("Japan", "JPN"),
    ("Brazil", "BRA"),
    ("Egypt", "EGY"),
    ("India", "IND"),
    ("Poland", "POL"),
]
AMOUNTS = st.builds(
    lambda n, scale: (n, scale),
    st.integers(min_value=1, max_value=900),
    st.sampled_from([("billion", B), ("mln", M), ("million", M), ("bn", B)]),
)


@given(
    st.lists(st.sampled_from(COUNTRIES), min_size=2, max_size=2, unique=True),
    AMOUNTS,
    AMOUNTS,
    st.integers(min_value=1980, max_value=2020),
    st.sampled_from(
        ["Trade between {a} and {b}", "{a}'s exports to {b}", "{a}'s imports from {b}"]
    ),
)
def test_generated_trends_read_back(
    pair: list[tuple[str, str]],
    first: tuple[int, tuple[str, int]],
    second: tuple[int, tuple[str, int]],
    year: int,
    subject: str,
) -> None:
    (a, code_a), (b, code_b) = pair
    n1, (word1, scale1) = first
    n2, (word2, scale2) = second
    text = (
        subject.format(a=a, b=b)
        + f" rose from ${n1} {word1} in {year} to ${n2} {word2} in {year + 1}."
    )
    note(text)
    found = figures(
        text,
        published=f"{year + 2}-06-01",
        dates={str(year): str(year), str(year + 1): str(year + 1)},
        places={a: code_a, b: code_b},
    )
    assert [(f.money.low, f.period.iso() if f.period else None) for f in found] == [
        (Decimal(n1 * scale1), str(year)),
        (Decimal(n2 * scale2), str(year + 1)),
    ]
    assert all(sorted(f.partners) == sorted((code_a, code_b)) for f in found)
    trend = found[1].trend
    assert trend is not None
    assert (trend.earlier, trend.later) == (found[0].span, found[1].span)
    expected = {-1: "decrease", 0: "change", 1: "increase"}
    diff = n2 * scale2 - n1 * scale1
    assert trend.direction == expected[(diff > 0) - (diff < 0)]


WORDS = st.sampled_from(
    [
        "trade",
        "exports",
        "debt",
        "aid",
        "deal",
        "Chile",
        "Peru",
        "$5 billion",
        "Rs 200 crore",
        "in 2020",
        "last year",
        "from",
        "to",
        "rose",
        ",",
        ".",
        ";",
        " and ",
        "\n",
        "respectively",
        "against a targeted",
        "4.3 billion",
        "by 2030",
        "bilateral",
        "surplus",
        "deficit",
        "while",
    ]
)


@given(st.lists(WORDS, max_size=40).map(" ".join), st.data())
def test_arbitrary_mentions_never_crash(text: str, data: st.DataObject) -> None:
    doc = bilatx.Document(text=text, published="2024-01-01")
    money = find_money(text, published_year=2024, sentences=doc.sentences())
    spans = st.integers(min_value=0, max_value=len(text)).flatmap(
        lambda s: st.integers(min_value=s, max_value=len(text)).map(lambda e: bilatx.Span(s, e))
    )
    dates = [
        bilatx.DateMention(
            span=span,
            text=text[span.start : span.end],
            value=data.draw(st.sampled_from([None, bilatx.DateValue(2020)])),
            granularity=bilatx.Granularity.YEAR,
            extractor="test",
        )
        for span in data.draw(st.lists(spans, max_size=4))
    ]
    places = [
        bilatx.PlaceMention(
            span=span,
            text=text[span.start : span.end],
            name="x",
            kind=bilatx.PlaceKind.COUNTRY,
            country=data.draw(st.sampled_from(["CHL", "PER", "EU"])),
            extractor="test",
        )
        for span in data.draw(st.lists(spans, max_size=4))
    ]
    mentions = bilatx.Mentions(money=money, dates=dates, places=places)
    found = build_trade_figures(doc, mentions)
    money_spans = {m.span for m in money}
    for figure in found:
        assert figure.span in money_spans
        assert figure.partners
        if figure.trend is not None:
            assert {figure.trend.earlier, figure.trend.later} <= money_spans


# ------------------------------------------------- balances: trade or not


@pytest.mark.parametrize(
    "text",
    [
        "Ghana's fiscal deficit widened to 40 billion cedis in 2023, Japan said.",
        "Kenya's budget deficit is put at $3 billion, Japanese officials said.",
        "Japan's current-account surplus is forecast to reach $90 billion this year.",
        "Peru's current account surplus, helped by Japan, rose to $2 billion.",
        "Kenya's revenue deficit was $1 billion, while Japan kept its budget surplus.",
        "The balance of payments deficit of Ghana, Japan said, is $900 million.",
        "Kenya and Japan met. The government's deficit widened to $20 billion.",
        "Kenya and Japan met. The primary surplus of Kenya was $2 billion.",
    ],
)
def test_budget_fiscal_and_current_account_balances_are_not_trade(text: str) -> None:
    codes = {"Ghana": "GHA", "Kenya": "KEN", "Japan": "JPN", "Japanese": "JPN", "Peru": "PER"}
    assert figures(text, places={k: v for k, v in codes.items() if k in text}) == []


@pytest.mark.parametrize(
    ("text", "metric"),
    [
        ("Kenya's merchandise deficit with Japan reached $2 billion.", "deficit"),
        ("Kenya ran a goods and services surplus of $2 billion with Japan.", "surplus"),
        ("Kenya and Japan met. Kenya's surplus with Japan reached $2 billion.", "surplus"),
        ("Kenya's exports to Japan fell, and the deficit reached $2 billion.", "deficit"),
        ("Kenya and Japan met. The imbalance was $2 billion in Japan's favour.", "deficit"),
    ],
)
def test_trade_balances_and_bare_balances_in_a_trade_context_are_figures(
    text: str, metric: str
) -> None:
    found = figures(text, places={"Kenya": "KEN", "Japan": "JPN"})
    assert [(f.metric, tuple(sorted(f.partners))) for f in found] == [(metric, ("JPN", "KEN"))]


def test_a_bare_balance_takes_its_trade_context_from_the_previous_sentence() -> None:
    text = (
        "Kenyan and Japanese trade ministers pledged to cut the gap. "
        "Figures showed a Kenyan 300 mln dlr shortfall for May."
    )
    found = figures(text, places={"Kenyan": "KEN", "Japanese": "JPN"})
    assert [(f.text, f.metric) for f in found] == [("300 mln dlr", "deficit")]


# ------------------------------------------------------ debt is not aid


@pytest.mark.parametrize(
    "text",
    [
        "Chile asked its commercial banks for 2 billion dlrs in new money.",
        "Peru is seeking a 500 mln dlr loan from Japanese banks.",
        "Chile and Japan met. Chile signed foreign loan agreements worth $3 billion.",
        "Peru's creditor banks agreed to provide 1.5 billion dlrs, Japan said.",
        "Chile and Japan met. Chile wants to reschedule 4 billion dlrs owed to Japan.",
        "Peru and Japan signed a debt rescheduling agreement covering $700 million.",
        "A group of Japanese lenders will finance Peru's $900 million bridge loan.",
    ],
)
def test_bank_loans_and_rescheduling_are_not_aid_or_deals(text: str) -> None:
    codes = {"Chile": "CHL", "Peru": "PER", "Japanese": "JPN", "Japan": "JPN"}
    assert figures(text, places={k: v for k, v in codes.items() if k in text}) == []


@pytest.mark.parametrize(
    ("text", "metric"),
    [
        ("Japan will extend a 90 billion yen loan to Peru for a metro line.", "aid"),
        ("Japan's export-import bank opened a $400 million credit line for Peru.", "aid"),
        ("Japan and Peru signed a loan agreement for $300 million.", "deal"),
        ("Japan made a $1 billion deposit in Peru's central bank.", "aid"),
    ],
)
def test_government_loans_and_credit_lines_stay_aid(text: str, metric: str) -> None:
    found = figures(text, places={"Japan": "JPN", "Peru": "PER"})
    assert [(f.metric, tuple(sorted(f.partners))) for f in found] == [(metric, ("JPN", "PER"))]


# --------------------------------------------------- deals and impacts


def test_a_partnership_valued_at_an_amount_is_a_deal() -> None:
    text = "Chile and Japan unveiled a mining partnership valued at $60 billion."
    found = figures(text, places={"Chile": "CHL", "Japan": "JPN"})
    assert summary(found) == [("$60 billion", "deal", ("CHL", "JPN"), None)]


@pytest.mark.parametrize(
    "text",
    [
        "Chile and Japan met. Sony is projected to contribute $9 billion to Chile's economy.",
        "Chile and Japan met. Japanese firms could add $2 billion a year to Chile's GDP.",
        "Chile and Japan met. The economic impact of Japan's plant is $3 billion in Chile.",
    ],
)
def test_contributions_to_an_economy_are_not_figures(text: str) -> None:
    codes = {"Chile": "CHL", "Japanese": "JPN", "Japan": "JPN"}
    assert figures(text, places={k: v for k, v in codes.items() if k in text}) == []


def test_a_contribution_to_a_country_is_still_aid() -> None:
    text = "Japan will contribute $50 million to Chile's flood relief."
    found = figures(text, places={"Japan": "JPN", "Chile": "CHL"})
    assert summary(found) == [("$50 million", "aid", ("CHL", "JPN"), None)]


# ----------------------------------------------- periods within a sentence


@pytest.mark.parametrize(
    ("text", "dates", "periods"),
    [
        (
            "In 2022, Chile's exports to Peru grew 8 percent, with a surplus of $2 billion.",
            {"2022": "2022"},
            ["2022"],
        ),
        (
            "Chile's exports to Peru reached $5 billion in 2022, with a surplus of $2 billion.",
            {"2022": "2022"},
            ["2022", "2022"],
        ),
        (
            "Last year Chile invested $3 billion in Peru and $1 billion in Japan.",
            {"Last year": "2023"},
            ["2023", "2023"],
        ),
        (
            "Chile's exports of $5 billion to Peru in 2022 set a record.",
            {"2022": "2022"},
            ["2022"],
        ),
        (
            "In 2022, Chile's exports to Peru rose to $5 billion from $4 billion.",
            {"2022": "2022"},
            ["2022", None],
        ),
        (
            "Chile's exports to Peru rose to $5 billion in 2022 from $4 billion.",
            {"2022": "2022"},
            ["2022", None],
        ),
        (
            "Since 2020, Chile has given Peru $2 billion in aid.",
            {"2020": "2020"},
            [None],
        ),
        (
            "On March 4, Chile and Peru signed a $2 billion deal.",
            {"March 4": "2024-03-04"},
            [None],
        ),
        (
            "Under the 2019 accord, Chile gave Peru $2 billion in aid.",
            {"2019": "2019"},
            [None],
        ),
        (
            (
                "Chile's exports to Peru were $5 billion in 2022 and $4 billion in 2021, "
                "while imports from Peru were $1 billion."
            ),
            {"2022": "2022", "2021": "2021"},
            ["2022", "2021", None],
        ),
    ],
)
def test_a_period_stated_earlier_in_the_sentence_carries_to_later_amounts(
    text: str, dates: dict[str, str | None], periods: list[str | None]
) -> None:
    codes = {"Chile": "CHL", "Peru": "PER", "Japan": "JPN"}
    found = figures(text, dates=dates, places={k: v for k, v in codes.items() if k in text})
    assert [f.period.iso() if f.period else None for f in found] == periods


# ------------------------------------------- the country beside the amount


@pytest.mark.parametrize(
    ("text", "partners"),
    [
        (
            "Chile and Peru met. Chilean firms will invest $4 billion in Bolivia.",
            [("BOL", "CHL")],
        ),
        (
            "Chile and Peru met. Peru said Chilean firms will invest $4 billion in Bolivia.",
            [("BOL", "CHL")],
        ),
        (
            "Chile and Peru met. Peru welcomed Chile's pledge of $3 billion in aid to Bolivia.",
            [("BOL", "CHL")],
        ),
        (
            "Chile invested $3 billion in Peru and $2 billion in Bolivia.",
            [("CHL", "PER"), ("BOL", "CHL")],
        ),
        (
            "Chilean companies have invested $3 billion in Peru, and $2 billion in Bolivia.",
            [("CHL", "PER"), ("BOL", "CHL")],
        ),
        (
            (
                "Chile and Peru met. Chile pledged $1 billion, of which $400 million in this "
                "tranche is for Bolivia."
            ),
            [("CHL", "PER"), ("BOL", "CHL")],
        ),
        (
            (
                "Peru and Bolivia met. Peru pledged $1 billion for roads, beside a joint "
                "Chilean and Argentine $2 billion loan to Bolivia."
            ),
            [("BOL", "PER"), ("ARG", "BOL", "CHL")],
        ),
    ],
)
def test_the_country_named_beside_an_amount_is_its_partner(
    text: str, partners: list[tuple[str, ...]]
) -> None:
    codes = {
        "Chile": "CHL",
        "Chilean": "CHL",
        "Peru": "PER",
        "Bolivia": "BOL",
        "Argentine": "ARG",
    }
    found = figures(
        text,
        places={k: v for k, v in codes.items() if regex_search(rf"\b{k}\b", text)},
    )
    assert [tuple(sorted(f.partners)) for f in found] == partners


def regex_search(pattern: str, text: str) -> bool:
    return re.search(pattern, text) is not None


TRADE_QUALIFIERS = ("trade", "merchandise", "goods trade", "bilateral trade", "goods")
OTHER_QUALIFIERS = ("budget", "fiscal", "current-account", "current account", "revenue")


@given(
    st.lists(st.sampled_from(COUNTRIES), min_size=2, max_size=2, unique=True),
    st.sampled_from(TRADE_QUALIFIERS + OTHER_QUALIFIERS),
    st.sampled_from(("deficit", "surplus")),
    st.sampled_from(("reached", "widened to", "was", "stood at")),
    st.integers(min_value=1, max_value=900),
)
def test_generated_balances_are_figures_only_when_they_are_of_trade(
    pair: list[tuple[str, str]], qualifier: str, balance: str, verb: str, n: int
) -> None:
    (a, code_a), (b, code_b) = pair
    text = f"{a} and {b} met. {a}'s {qualifier} {balance} {verb} ${n} billion."
    note(text)
    found = figures(text, places={a: code_a, b: code_b})
    if qualifier in TRADE_QUALIFIERS:
        assert [(f.metric, f.money.low) for f in found] == [(balance, Decimal(n * B))]
    else:
        assert found == []


@given(
    st.lists(st.sampled_from(COUNTRIES), min_size=4, max_size=4, unique=True),
    st.integers(min_value=1, max_value=900),
    st.sampled_from(("will invest {x} in", "pledged {x} in aid to", "sent {x} in grants to")),
)
def test_generated_amounts_go_to_the_country_beside_them(
    countries: list[tuple[str, str]], n: int, flow: str
) -> None:
    (a, code_a), (b, code_b), (c, code_c), (d, code_d) = countries
    text = f"{a} and {b} met. {b} said {c} " + flow.format(x=f"${n} billion") + f" {d}."
    note(text)
    found = figures(text, places={a: code_a, b: code_b, c: code_c, d: code_d})
    assert [tuple(sorted(f.partners)) for f in found] == [tuple(sorted((code_c, code_d)))]


@given(
    st.lists(st.sampled_from(COUNTRIES), min_size=2, max_size=2, unique=True),
    st.integers(min_value=1980, max_value=2022),
    st.integers(min_value=1, max_value=900),
    st.sampled_from(
        (
            "In {y}, {a}'s exports to {b} grew, with a surplus of {x}.",
            "During {y}, {a} and {b} traded more; {a}'s surplus reached {x}.",
            "{a}'s exports to {b} were $1 billion in {y}, with a surplus of {x}.",
        )
    ),
)
def test_generated_periods_carry_within_a_sentence(
    pair: list[tuple[str, str]], year: int, n: int, template: str
) -> None:
    (a, code_a), (b, code_b) = pair
    text = template.format(y=year, a=a, b=b, x=f"${n} million")
    note(text)
    found = figures(
        text,
        published=f"{year + 1}-06-01",
        dates={str(year): str(year)},
        places={a: code_a, b: code_b},
    )
    last = found[-1]
    assert (last.money.low, last.period.iso() if last.period else None) == (
        Decimal(n * M),
        str(year),
    )
