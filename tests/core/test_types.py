"""The value types: construction, validation, conversions."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from bilatx import (
    DateInterval,
    DateMention,
    DateValue,
    Document,
    Extraction,
    Granularity,
    Meeting,
    Mentions,
    Money,
    MoneyBound,
    MoneyMention,
    Official,
    OfficialMention,
    Span,
    TradeFigure,
    Visit,
    VisitStatus,
    parse_date_value,
)

# ---------------------------------------------------------------- Span


def test_span_rejects_negative_start_and_reversed_ends() -> None:
    with pytest.raises(ValueError, match="negative"):
        Span(-1, 3)
    with pytest.raises(ValueError, match="before its start"):
        Span(5, 4)


def test_span_rejects_non_integers() -> None:
    with pytest.raises(TypeError):
        Span(1.0, 2)  # type: ignore[arg-type]


def test_span_check_within_names_the_text_length() -> None:
    Span(0, 5).check_within("hello")
    with pytest.raises(ValueError, match="outside a text of 5 characters"):
        Span(2, 6).check_within("hello")


@given(st.integers(0, 100), st.integers(0, 100), st.integers(0, 100), st.integers(0, 100))
def test_span_overlap_is_symmetric_and_matches_character_sets(
    a: int, b: int, c: int, d: int
) -> None:
    s1 = Span(min(a, b), max(a, b))
    s2 = Span(min(c, d), max(c, d))
    shared = set(range(s1.start, s1.end)) & set(range(s2.start, s2.end))
    assert s1.overlaps(s2) == s2.overlaps(s1) == bool(shared)
    assert s1.contains(s2) == (s1.start <= s2.start and s2.end <= s1.end)
    assert len(s1) == s1.end - s1.start


# ------------------------------------------------------------ Document


def test_document_parses_published_and_freezes_meta() -> None:
    doc = Document(text="abc", id="d1", published="2024-02-29", meta={"source": "wire"})
    assert doc.published == dt.date(2024, 2, 29)
    assert doc.meta["source"] == "wire"
    with pytest.raises(TypeError):
        doc.meta["source"] = "other"  # type: ignore[index]
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        doc.text = "x"  # type: ignore[misc]


@pytest.mark.parametrize("bad", ["2023-02-30", "yesterday", "2023/01/02"])
def test_document_rejects_invalid_published_dates(bad: str) -> None:
    with pytest.raises(ValueError, match="not a valid ISO date"):
        Document(text="x", published=bad)


def test_document_slice_checks_bounds() -> None:
    doc = Document(text="Envoys met.")
    assert doc.slice(Span(0, 6)) == "Envoys"
    with pytest.raises(ValueError, match="outside"):
        doc.slice(Span(3, 40))


def test_document_sentences_are_cached_and_index_the_text() -> None:
    doc = Document(text="Mr. Ito arrived in Oslo. He met the U.S. envoy.\nTalks followed.")
    first = doc.sentences()
    assert first is doc.sentences()
    assert [doc.slice(s) for s in first] == [
        "Mr. Ito arrived in Oslo.",
        "He met the U.S. envoy.",
        "Talks followed.",
    ]


# --------------------------------------------------------------- dates


def test_date_value_granularity_iso_and_bounds() -> None:
    day = DateValue(2023, 12, 26)
    month = DateValue(2024, 2)
    year = DateValue(2022)
    assert (day.iso(), month.iso(), year.iso()) == ("2023-12-26", "2024-02", "2022")
    assert (day.granularity, month.granularity, year.granularity) == (
        Granularity.DAY,
        Granularity.MONTH,
        Granularity.YEAR,
    )
    assert month.first_day() == dt.date(2024, 2, 1)
    assert month.last_day() == dt.date(2024, 2, 29)
    assert DateValue(2023, 12).last_day() == dt.date(2023, 12, 31)
    assert year.last_day() == dt.date(2022, 12, 31)


@pytest.mark.parametrize(
    ("args", "message"),
    [
        ((2023, 2, 30), "not a calendar date"),
        ((2023, 13), "between 1 and 12"),
        ((2023, None, 5), "needs a month"),
    ],
)
def test_date_value_rejects_impossible_dates(args: tuple[int, ...], message: str) -> None:
    with pytest.raises(ValueError, match=message):
        DateValue(*args)


@given(st.dates(min_value=dt.date(1, 1, 1)))
def test_date_value_round_trips_through_iso(day: dt.date) -> None:
    value = DateValue.from_date(day)
    assert DateValue.parse(value.iso()) == value
    assert value.first_day() == value.last_day() == day


def test_interval_parse_and_order() -> None:
    interval = parse_date_value("2023-12-25/2023-12-29")
    assert isinstance(interval, DateInterval)
    assert interval.iso() == "2023-12-25/2023-12-29"
    assert parse_date_value("2019/2021") == DateInterval(DateValue(2019), DateValue(2021))
    with pytest.raises(ValueError, match="before its start"):
        DateInterval(DateValue(2021), DateValue(2019))
    with pytest.raises(ValueError, match="not an ISO date"):
        parse_date_value("next week")


# --------------------------------------------------------------- money


def test_money_refuses_floats_and_accepts_exact_types() -> None:
    with pytest.raises(TypeError, match="float"):
        Money(currency="USD", low=1.5, high=2)
    money = Money(currency="USD", low="12e9", high=14000000000)
    assert money.low == Decimal("12e9")
    assert money.high == Decimal(14000000000)
    assert Money.exact("7.25", "EUR") == Money(
        currency="EUR", low=Decimal("7.25"), high=Decimal("7.25")
    )


@pytest.mark.parametrize("code", ["usd", "US", "DOLLAR", "U$D"])
def test_money_rejects_malformed_currency_codes(code: str) -> None:
    with pytest.raises(ValueError, match="ISO 4217"):
        Money(currency=code, low=1, high=1)


def test_money_rejects_low_above_high_and_empty_values() -> None:
    with pytest.raises(ValueError, match="greater than high"):
        Money(currency="INR", low=10, high=5)
    with pytest.raises(ValueError, match="needs a low or a high"):
        Money(currency="INR")
    with pytest.raises(ValueError, match="not finite"):
        Money(currency="INR", low="NaN")
    assert Money(currency=None, low=None, high=5).high == 5


@given(
    st.decimals(allow_nan=False, allow_infinity=False),
    st.decimals(allow_nan=False, allow_infinity=False),
)
def test_money_low_never_exceeds_high(a: Decimal, b: Decimal) -> None:
    if a > b:
        with pytest.raises(ValueError, match="greater than high"):
            Money(currency="JPY", low=a, high=b)
    else:
        assert Money(currency="JPY", low=a, high=b).low == a


# ----------------------------------------------------------- officials


def test_official_validates_country_and_sorts_spans() -> None:
    person = Official(
        name="Ana Ruiz", surname="Ruiz", country="ESP", spans=[Span(30, 34), Span(0, 8), Span(0, 8)]
    )
    assert person.spans == (Span(0, 8), Span(30, 34))
    with pytest.raises(ValueError, match="alpha-3"):
        Official(name="Ana Ruiz", surname="Ruiz", country="es")
    with pytest.raises(ValueError, match="must not be empty"):
        Official(name=" ", surname="Ruiz")
    assert Official(name="Kaja Tamm", surname="Tamm", country="EU").country == "EU"


def test_mentions_need_an_extractor_name() -> None:
    with pytest.raises(ValueError, match="extractor must not be empty"):
        DateMention(
            span=Span(0, 4), text="2020", value=DateValue(2020), granularity="year", extractor=""
        )


def test_mention_enums_convert_from_strings() -> None:
    mention = MoneyMention(
        span=Span(0, 4),
        text="$5bn",
        value=Money.exact("5e9", "USD"),
        bound="lower",
        extractor="money",
    )
    assert mention.bound is MoneyBound.LOWER
    with pytest.raises(ValueError, match="is not a valid"):
        MoneyMention(
            span=Span(0, 4),
            text="$5bn",
            value=Money.exact(1, "USD"),
            bound="roughly",
            extractor="m",
        )


# ------------------------------------------------------------- records


def _person(surname: str = "Ito", *spans: Span) -> Official:
    return Official(name=f"Ken {surname}", surname=surname, country="JPN", spans=spans)


def test_visit_rejects_end_before_start_and_converts_strings() -> None:
    visit = Visit(
        visitor=_person(),
        host="NOR",
        start="2024-05-02",
        end="2024-05-04",
        status="completed",
        extractor="r",
    )
    assert visit.start == DateValue(2024, 5, 2)
    assert visit.status is VisitStatus.COMPLETED
    with pytest.raises(ValueError, match="before its start"):
        Visit(visitor=_person(), start="2024-05-04", end="2024-05-02", extractor="r")
    with pytest.raises(ValueError, match="sector id"):
        Visit(visitor=_person(), sectors=("Trade",), extractor="r")


def test_meeting_needs_two_participants() -> None:
    with pytest.raises(ValueError, match="two or more participants"):
        Meeting(participants=(_person(),), extractor="r")
    meeting = Meeting(participants=(_person("Ito"), _person("Sato")), form="phone", extractor="r")
    assert meeting.form is not None
    assert meeting.form.value == "phone"


def test_records_are_hashable_values() -> None:
    a = Visit(visitor=_person(), host="NOR", extractor="r")
    b = Visit(visitor=_person(), host="NOR", extractor="r")
    assert a == b
    assert len({a, b}) == 1


# ---------------------------------------------------------- Extraction


def test_extraction_rejects_spans_outside_the_text() -> None:
    doc = Document(text="short")
    bad = OfficialMention(
        span=Span(0, 9), text="short....", name="X Y", surname="Y", extractor="officials"
    )
    with pytest.raises(ValueError, match=r"OfficialMention from 'officials'.*outside a text of 5"):
        Extraction(document=doc, mentions=Mentions(officials=[bad]))
    figure = TradeFigure(
        money=Money.exact(1, "USD"), span=Span(2, 50), text="x", extractor="records"
    )
    with pytest.raises(ValueError, match="TradeFigure from 'records'"):
        Extraction(document=doc, trade_figures=[figure])


def test_extraction_views() -> None:
    doc = Document(text="Oslo talks on trade and energy and trade.", id="n1")
    sectors = [
        _sector(doc, "trade", 14),
        _sector(doc, "energy", 24),
        _sector(doc, "trade", 35),
    ]
    ex = Extraction(document=doc, mentions=Mentions(sectors=sectors))
    assert ex.id == "n1"
    assert ex.sectors == ("trade", "energy")
    assert ex.records == ()


def _sector(doc: Document, sector: str, start: int) -> object:
    from bilatx import SectorMention

    span = Span(start, start + len(sector))
    return SectorMention(span=span, text=doc.slice(span), sector=sector, extractor="sectors")
