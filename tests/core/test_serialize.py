"""JSON output: the gold format's fields plus evidence, and the way back."""

from __future__ import annotations

import json
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bilatx import (
    DateInterval,
    DateMention,
    DateValue,
    Document,
    DurationMention,
    Extraction,
    InputError,
    Meeting,
    Mentions,
    Money,
    MoneyMention,
    Official,
    OfficialMention,
    PlaceMention,
    PluginError,
    QuoteMention,
    SectorMention,
    Source,
    Span,
    Statement,
    TradeFigure,
    TradeTrend,
    Visit,
)

TEXT = (
    "Foreign Minister Lina Berg of Sweden began a three-day visit to Hanoi on 4 March 2024. "
    'Berg met Deputy Prime Minister Tran Van Minh. "Our trade can double," Berg said. '
    "Trade rose from $1.2bn in 2022 to $1.5bn last year."
)


def _span(text: str, needle: str, start: int = 0) -> Span:
    i = TEXT.index(needle, start)
    return Span(i, i + len(needle))


def _full_extraction() -> Extraction:
    doc = Document(text=TEXT, id="sv-vn", published="2024-03-05", meta={"source": "own"})
    later = TEXT.index("Berg met")
    berg_spans = (_span(TEXT, "Lina Berg"), Span(later, later + 4))
    berg = Official(
        name="Lina Berg", surname="Berg", title="Foreign Minister", country="SWE", spans=berg_spans
    )
    minh = Official(
        name="Tran Van Minh",
        surname="Minh",
        title="Deputy Prime Minister",
        country="VNM",
        spans=(_span(TEXT, "Tran Van Minh"),),
    )
    quote_span = _span(TEXT, '"Our trade can double,"')
    low_span = _span(TEXT, "$1.2bn")
    high_span = _span(TEXT, "$1.5bn")
    mentions = Mentions(
        dates=[
            DateMention(
                span=_span(TEXT, "4 March 2024"),
                text="4 March 2024",
                value=DateValue(2024, 3, 4),
                granularity="day",
                rule="day-month-year",
                extractor="dates",
            ),
            DateMention(
                span=_span(TEXT, "last year"),
                text="last year",
                value=DateValue(2023),
                granularity="year",
                relative=True,
                base=doc.published,
                rule="last-year",
                extractor="dates",
            ),
            DateMention(
                span=_span(TEXT, "2022"),
                text="2022",
                value=DateInterval(DateValue(2022), DateValue(2022)),
                granularity="year",
                extractor="dates",
            ),
        ],
        durations=[
            DurationMention(
                span=_span(TEXT, "three-day"), text="three-day", days=3, extractor="dates"
            )
        ],
        officials=[
            OfficialMention(
                span=berg_spans[0],
                text="Lina Berg",
                name="Lina Berg",
                surname="Berg",
                title="Foreign Minister",
                country="SWE",
                extractor="officials",
            )
        ],
        money=[
            MoneyMention(
                span=low_span, text="$1.2bn", value=Money.exact("1.2e9", "USD"), extractor="money"
            ),
            MoneyMention(
                span=high_span,
                text="$1.5bn",
                value=Money(currency="USD", low="1.5e9"),
                bound="lower",
                approximate=True,
                extractor="money",
            ),
        ],
        places=[
            PlaceMention(
                span=_span(TEXT, "Hanoi"),
                text="Hanoi",
                name="Hanoi",
                kind="city",
                country="VNM",
                extractor="places",
            )
        ],
        sectors=[
            SectorMention(
                span=_span(TEXT, "trade"), text="trade", sector="trade", extractor="sectors"
            ),
            SectorMention(
                span=_span(TEXT, "Trade"), text="Trade", sector="trade", extractor="sectors"
            ),
        ],
        quotes=[
            QuoteMention(
                span=quote_span,
                text=TEXT[quote_span.start : quote_span.end],
                quote="Our trade can double,",
                quote_span=Span(quote_span.start + 1, quote_span.end - 1),
                speaker="Berg",
                speaker_span=Span(TEXT.index("Berg said"), TEXT.index("Berg said") + 4),
                extractor="quotes",
            )
        ],
        people=[berg, minh],
    )
    return Extraction(
        document=doc,
        mentions=mentions,
        visits=[
            Visit(
                visitor=berg,
                origin="SWE",
                host="VNM",
                start="2024-03-04",
                end="2024-03-06",
                places=("Hanoi",),
                status="ongoing",
                sectors=("trade",),
                evidence=(_span(TEXT, "visit"),),
                sources=(Source("sv-vn", (_span(TEXT, "visit"),)),),
                extractor="records",
            )
        ],
        meetings=[
            Meeting(
                participants=(berg, minh),
                date="2024-03-04",
                place="Hanoi",
                form="in_person",
                extractor="records",
            )
        ],
        statements=[
            Statement(
                speaker=berg,
                quote="Our trade can double,",
                quote_span=quote_span,
                channel="interview",
                extractor="records",
            )
        ],
        trade_figures=[
            TradeFigure(
                money=Money.exact("1.5e9", "USD"),
                span=high_span,
                text="$1.5bn",
                metric="trade",
                partners=("SWE", "VNM"),
                period=DateValue(2023),
                trend=TradeTrend(direction="increase", earlier=low_span, later=high_span),
                extractor="records",
            )
        ],
        errors=[
            PluginError(plugin="x", hook="bilatx_extract_money", doc_id="sv-vn", message="boom")
        ],
    )


def test_output_has_the_gold_fields_with_gold_meanings() -> None:
    data = _full_extraction().to_dict()
    assert data["id"] == "sv-vn"
    assert data["published"] == "2024-03-05"
    assert [d["value"] for d in data["dates"]] == ["2024-03-04", "2022/2022", "2023"]
    assert data["money"][0]["currency"] == "USD"
    assert data["money"][0]["low"] == 1_200_000_000
    assert data["money"][1]["high"] is None
    assert data["officials"][0] == {
        "name": "Lina Berg",
        "surname": "Berg",
        "title": "Foreign Minister",
        "country": "SWE",
        "honorific": None,
        "spans": [[17, 26], [87, 91]],
    }
    assert [s["id"] for s in data["sectors"]] == ["trade"]
    assert len(data["sectors"][0]["spans"]) == 2
    visit = data["visits"][0]
    assert {k: visit[k] for k in ("visitor", "origin", "host", "start", "end", "places")} == {
        "visitor": "Berg",
        "origin": "SWE",
        "host": "VNM",
        "start": "2024-03-04",
        "end": "2024-03-06",
        "places": ["Hanoi"],
    }
    assert data["meetings"][0]["participants"] == ["Berg", "Minh"]
    assert data["statements"][0]["speaker"] == "Berg"
    trade = data["trade_figures"][0]
    assert (trade["period"], trade["partners"], trade["trend"]["direction"]) == (
        "2023",
        ["SWE", "VNM"],
        "increase",
    )
    assert data["errors"][0]["plugin"] == "x"
    json.dumps(data)  # everything is JSON-ready


def test_round_trip_through_json_is_exact() -> None:
    original = _full_extraction()
    again = Extraction.from_json(original.to_json())
    assert again.to_dict() == original.to_dict()
    assert again.mentions == original.mentions
    assert again.records == original.records
    assert again.trade_figures[0].money.low == Decimal("1.5e9")


def test_round_trip_without_text_needs_the_text() -> None:
    original = _full_extraction()
    data = original.to_dict(include_text=False)
    assert "text" not in data
    with pytest.raises(InputError, match="no 'text'"):
        Extraction.from_dict(data)
    assert Extraction.from_dict(data, text=TEXT).records == original.records


@pytest.mark.parametrize(
    ("mutate", "message"),
    [
        (lambda d: d["money"][0].update(low=5e9), "greater than high"),
        (lambda d: d["money"][0].update(low=True), "expected a number"),
        (lambda d: d["money"][0].update(currency="dollars"), "ISO 4217"),
        (lambda d: d["dates"][0].update(span=[0, 9999]), "outside"),
        (lambda d: d["visits"][0].pop("visitor_official"), "missing key"),
        (lambda d: d["dates"][1].update(value="March"), "not an ISO date"),
    ],
)
def test_invalid_dicts_raise_input_errors(mutate: object, message: str) -> None:
    data = _full_extraction().to_dict()
    mutate(data)  # type: ignore[operator]
    with pytest.raises(InputError, match=message):
        Extraction.from_dict(data)


@given(st.lists(st.tuples(st.integers(0, 10**15), st.integers(0, 6)), max_size=5))
def test_amounts_survive_the_round_trip(amounts: list[tuple[int, int]]) -> None:
    text = "x" * 10
    money = [
        MoneyMention(
            span=Span(0, 1),
            text="x",
            value=Money.exact(Decimal(units).scaleb(-places), "EUR"),
            extractor="m",
        )
        for units, places in amounts
    ]
    ex = Extraction(document=Document(text=text), mentions=Mentions(money=money))
    back = Extraction.from_json(ex.to_json())
    assert [m.value.low for m in back.money] == [m.value.low for m in ex.money]
