"""The records plugin tested as a plugin author would: with bilatx.testing and bilatx.strategies.

Records are built from the other plugins' mentions, so the plugin runs with
the built-ins. Contract; records valid on any document; and round trips:
visits, meetings and trade figures drawn with :func:`bilatx.strategies.visits`,
:func:`~bilatx.strategies.meetings` and :func:`~bilatx.strategies.trade_figures`
are written into a sentence among filler, statements come from the
quotations of :func:`~bilatx.strategies.annotated_texts`, and the record the
text tells must come back. Each record kind has one test for its gold key
(who and where, who met whom, the amount, the speaker and the words) and one
for the details the sentence gives.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from typing import NamedTuple

import attrs
from hypothesis import given, settings
from hypothesis import strategies as st

import bilatx
import bilatx_records
from bilatx import strategies as bst
from bilatx.testing import check_contract, check_mentions, pipeline_with

PIPELINE = pipeline_with(bilatx_records, builtins=True)

# code: (name, demonym, capital), written here as a plugin author would.
COUNTRIES = {
    "IND": ("India", "Indian", "New Delhi"),
    "RUS": ("Russia", "Russian", "Moscow"),
    "JPN": ("Japan", "Japanese", "Tokyo"),
    "KEN": ("Kenya", "Kenyan", "Nairobi"),
    "BRA": ("Brazil", "Brazilian", "Brasilia"),
    "FRA": ("France", "French", "Paris"),
}
CODES = st.sampled_from(sorted(COUNTRIES))
MONTHS = "January February March April May June July August September October November December"
DAYS = bst.date_values(
    dates=st.dates(dt.date(2015, 1, 1), dt.date(2030, 12, 31)),
    granularities=st.just(bilatx.Granularity.DAY),
)
# Filler only: annotated texts with every kind of fact left out.
FILLER = bst.annotated_texts(
    dates=st.nothing(),
    money=st.nothing(),
    officials=st.nothing(),
    places=st.nothing(),
    sectors=st.nothing(),
    quotes=st.nothing(),
    max_facts=0,
).map(lambda sample: sample.text.strip())


def officials_of(
    countries: st.SearchStrategy[str | None],
) -> st.SearchStrategy[bilatx.Official]:
    """Officials with a title and a country, as a first mention in news gives them."""
    return bst.officials(
        titles=st.sampled_from(bst.TITLES), countries=countries, honorifics=st.none()
    )


def written(person: bilatx.Official) -> str:
    assert person.country is not None
    return f"{COUNTRIES[person.country][1]} {person.title} {person.name}"


def day(value: bilatx.DateValue) -> str:
    return f"{value.day} {MONTHS.split()[(value.month or 1) - 1]} {value.year}"


def surnames(people: tuple[bilatx.Official, ...]) -> set[str]:
    return {p.surname.casefold() for p in people}


class Told(NamedTuple):
    """A document and the record its text tells."""

    doc: bilatx.Document
    record: bilatx.Record


@st.composite
def told(draw: st.DrawFn, sentence: str, record: bilatx.Record, published: dt.date | None) -> Told:
    before, after = draw(FILLER), draw(FILLER)
    text = " ".join(part for part in (before, sentence, after) if part)
    return Told(bilatx.Document(text=text, published=published), record)


def records(doc: bilatx.Document) -> bilatx.Extraction:
    result = PIPELINE.extract(doc)
    check_mentions(result.mentions, doc)
    return result


def test_keeps_the_plugin_contract() -> None:
    check_contract(
        bilatx_records, builtins=True, max_seconds=10.0, settings=settings(max_examples=15)
    )


@given(bst.documents())
def test_records_are_valid_on_any_document(doc: bilatx.Document) -> None:
    result = records(doc)
    for record in result.records:
        assert record.extractor
        for span in record.evidence:
            span.check_within(doc.text)


# ------------------------------------------------------------------- visits

STATUS_VERBS = {
    None: "visited",
    bilatx.VisitStatus.COMPLETED: "visited",
    bilatx.VisitStatus.ANNOUNCED: "will visit",
    bilatx.VisitStatus.ONGOING: "is visiting",
    bilatx.VisitStatus.POSTPONED: "postponed a visit to",
    bilatx.VisitStatus.CANCELLED: "cancelled a visit to",
}


@st.composite
def told_visits(draw: st.DrawFn) -> Told:
    """ "Indian Foreign Minister Lena Voss will visit Kenya from 3 May 2024 to 5 May 2024." """
    visit = draw(
        bst.visits(visitors=officials_of(st.none()), countries=CODES, dates=DAYS).filter(
            lambda v: v.host is not None and v.origin is not None
        )
    )
    assert visit.origin is not None
    assert visit.host is not None
    visitor = attrs.evolve(visit.visitor, country=visit.origin)
    start, end = visit.start, visit.end
    if start and end and (end.first_day() - start.first_day()).days > 10:
        end = None  # a visit lasts days, not months; write the start only
    if start and end == start:
        end = None
    status = visit.status or bilatx.VisitStatus.COMPLETED
    when = ""
    if start and end:
        when = f" from {day(start)} to {day(end)}"
    elif start:
        when = f" on {day(start)}"
    sentence = f"{written(visitor)} {STATUS_VERBS[status]} {COUNTRIES[visit.host][0]}{when}."
    # Published where the status is true: before an announced visit, during
    # an ongoing one, after a completed one.
    published = None
    if start:
        first, last = start.first_day(), (end or start).first_day()
        published = {
            bilatx.VisitStatus.ANNOUNCED: first - dt.timedelta(days=7),
            bilatx.VisitStatus.ONGOING: first,
            bilatx.VisitStatus.COMPLETED: last + dt.timedelta(days=2),
        }.get(status, first - dt.timedelta(days=1))
    record = attrs.evolve(
        visit, visitor=visitor, start=start, end=end, status=status, places=(), sectors=()
    )
    return draw(told(sentence, record, published))


def matching_visits(case: Told, result: bilatx.Extraction) -> list[bilatx.Visit]:
    assert isinstance(case.record, bilatx.Visit)
    want = case.record
    return [
        v
        for v in result.visits
        if v.visitor.surname.casefold() == want.visitor.surname.casefold() and v.host == want.host
    ]


@settings(max_examples=40)
@given(told_visits())
def test_a_visit_comes_back_with_its_visitor_and_host(case: Told) -> None:
    assert len(matching_visits(case, records(case.doc))) == 1, case.doc.text


@settings(max_examples=40)
@given(told_visits())
def test_a_visit_comes_back_with_its_origin_dates_and_status(case: Told) -> None:
    assert isinstance(case.record, bilatx.Visit)
    want = case.record
    (got,) = matching_visits(case, records(case.doc))
    # "visited France on 5 March": a visit of that one day, or one whose end is unknown.
    ends = {want.end, want.start} if want.end is None else {want.end}
    assert (got.origin, got.start, got.status) == (want.origin, want.start, want.status)
    assert got.end in ends, case.doc.text


# ----------------------------------------------------------------- meetings


@st.composite
def told_meetings(draw: st.DrawFn) -> Told:
    """ "Indian Foreign Minister Lena Voss met Kenyan President Mei Takeda in Nairobi on ..." """
    meeting = draw(
        bst.meetings(participants=officials_of(CODES), dates=DAYS).filter(
            lambda m: len({p.country for p in m.participants}) == len(m.participants)
        )
    )
    first, *others = meeting.participants
    with_whom = " and ".join(
        [", ".join(written(p) for p in others[:-1]), written(others[-1])]
        if len(others) > 1
        else [written(others[0])]
    )
    form = meeting.form or bilatx.MeetingForm.IN_PERSON
    # A meeting in person is held in the capital of one of its participants.
    place = None
    if form is bilatx.MeetingForm.IN_PERSON and meeting.place is not None:
        host = draw(st.sampled_from([p.country for p in meeting.participants]))
        assert host is not None
        place = COUNTRIES[host][2]
    verb = {
        bilatx.MeetingForm.IN_PERSON: "met",
        bilatx.MeetingForm.PHONE: "spoke by phone with",
        bilatx.MeetingForm.VIDEO: "held a video call with",
    }[form]
    when = f" on {day(meeting.date)}" if isinstance(meeting.date, bilatx.DateValue) else ""
    where = f" in {place}" if place else ""
    sentence = f"{written(first)} {verb} {with_whom}{where}{when}."
    record = attrs.evolve(meeting, place=place, form=form, topics=())
    published = meeting.date.first_day() + dt.timedelta(days=1) if meeting.date else None
    return draw(told(sentence, record, published))


@settings(max_examples=40)
@given(told_meetings())
def test_every_pair_that_met_comes_back(case: Told) -> None:
    assert isinstance(case.record, bilatx.Meeting)
    found = [surnames(m.participants) for m in records(case.doc).meetings]
    people = sorted(surnames(case.record.participants))
    for i, a in enumerate(people):
        for b in people[i + 1 :]:
            assert any({a, b} <= met for met in found), (a, b, case.doc.text)


@settings(max_examples=40)
@given(told_meetings())
def test_a_meeting_comes_back_with_its_date_place_and_form(case: Told) -> None:
    assert isinstance(case.record, bilatx.Meeting)
    want = case.record
    (got,) = [
        m
        for m in records(case.doc).meetings
        if surnames(m.participants) == surnames(want.participants)
    ]
    assert (got.date, got.place, got.form) == (want.date, want.place, want.form), case.doc.text


# --------------------------------------------------------------- statements

QUOTED = bst.annotated_texts(
    dates=st.nothing(),
    money=st.nothing(),
    places=st.nothing(),
    sectors=st.nothing(),
    officials=officials_of(CODES),
)


def same_quote(a: str, b: str) -> bool:
    """The gold format's rule: half the tokens of the longer quote are shared."""
    ta, tb = Counter(re.findall(r"\w+", a.lower())), Counter(re.findall(r"\w+", b.lower()))
    return 2 * sum((ta & tb).values()) >= max(sum(ta.values()), sum(tb.values()))


# Occasions last: later remarks naming no channel (the same speaker's, or a
# reply) may have been made at the interview or press conference of an
# earlier quotation.
OCCASIONS = {"press conference", "interview"}


def told_statements(sample: bst.AnnotatedText) -> list[tuple[str, str, set[str | None]]]:
    """(speaker's surname, quote, the channels a reader may give it) of every quotation."""
    speakers = {m.span: m for m in sample.officials}
    told: list[tuple[str, str, set[str | None]]] = []
    for quote in sample.quotes:
        assert quote.speaker_span is not None
        channels: set[str | None] = {quote.channel}
        if quote.channel is None:
            channels |= {q.channel for q in sample.quotes if q.span < quote.span} & OCCASIONS
        told.append((speakers[quote.speaker_span].surname, quote.quote, channels))
    return told


@given(QUOTED)
def test_every_quotation_becomes_a_statement_of_its_speaker(sample: bst.AnnotatedText) -> None:
    found = records(sample.document()).statements
    for surname, quote, _ in told_statements(sample):
        assert any(s.speaker.surname == surname and same_quote(s.quote, quote) for s in found), (
            surname,
            quote,
            sample.text,
        )


@given(QUOTED)
def test_a_statement_comes_back_with_its_channel(sample: bst.AnnotatedText) -> None:
    found = records(sample.document()).statements
    told = told_statements(sample)
    for surname, quote, channels in told:
        # Quotations the gold format counts as one statement may merge their channels.
        alike = [t for t in told if t[0] == surname and same_quote(t[1], quote)]
        if len(alike) > 1:
            continue
        got = {s.channel for s in found if s.speaker.surname == surname and s.quote == quote}
        assert len(got) == 1, (got, sample.text)
        assert got <= channels, sample.text


# ------------------------------------------------------------ trade figures

# metric: what comes before the amount; the period follows it.
METRIC_FRAMES = {
    "trade": "Bilateral trade between {a} and {b} stood at ",
    "exports": "{a}'s exports to {b} stood at ",
    "imports": "{a}'s imports from {b} stood at ",
}


class ToldFigure(NamedTuple):
    doc: bilatx.Document
    figure: bilatx.TradeFigure
    amount: bilatx.Span


@st.composite
def told_trade_figures(draw: st.DrawFn) -> ToldFigure:
    """ "India's exports to Kenya stood at $1.2bn in 2019." """
    years = bst.date_values(
        dates=st.dates(dt.date(1995, 1, 1), dt.date(2023, 12, 31)),
        granularities=st.just(bilatx.Granularity.YEAR),
    )
    figure = draw(bst.trade_figures(countries=CODES, periods=st.none() | years))
    a, b = draw(st.lists(CODES, min_size=2, max_size=2, unique=True))
    metric = draw(st.sampled_from(sorted(METRIC_FRAMES)))
    period = f" in {figure.period}" if figure.period else ""
    head = METRIC_FRAMES[metric].format(a=COUNTRIES[a][0], b=COUNTRIES[b][0])
    sentence = f"{head}{figure.text}{period}."
    before = draw(FILLER)
    offset = len(before) + 1 if before else 0
    text = " ".join(part for part in (before, sentence, draw(FILLER)) if part)
    amount = bilatx.Span(offset + len(head), offset + len(head) + len(figure.text))
    assert text[amount.start : amount.end] == figure.text
    # Published the year after the period, when such figures come out.
    year = figure.period.year + 1 if isinstance(figure.period, bilatx.DateValue) else 2024
    doc = bilatx.Document(text=text, published=dt.date(year, 3, 1))
    want = attrs.evolve(figure, partners=(a, b), metric=metric, span=amount, trend=None)
    return ToldFigure(doc, want, amount)


def matching_figures(case: ToldFigure) -> list[bilatx.TradeFigure]:
    found = records(case.doc).trade_figures
    return [f for f in found if f.span.overlaps(case.amount) and f.money == case.figure.money]


@settings(max_examples=40)
@given(told_trade_figures())
def test_a_trade_figure_comes_back_with_its_amount(case: ToldFigure) -> None:
    assert len(matching_figures(case)) == 1, case.doc.text


@settings(max_examples=40)
@given(told_trade_figures())
def test_a_trade_figure_comes_back_with_its_partners_period_and_metric(case: ToldFigure) -> None:
    (got,) = matching_figures(case)
    want = case.figure
    assert (set(got.partners), got.period, got.metric) == (
        set(want.partners),
        want.period,
        want.metric,
    ), case.doc.text
