"""Property tests for the dates plugin.

Round trips: a random date rendered in each supported format inside random
filler text comes back with the right value and span. Robustness: arbitrary
text never crashes the plugin, and every span indexes the text.
"""

from __future__ import annotations

import datetime as dt
import itertools
from typing import TYPE_CHECKING

from hypothesis import assume, given, note
from hypothesis import strategies as st

import bilatx
import bilatx_dates
from bilatx import strategies as bst
from bilatx.testing import check_contract, check_mentions, missing_mentions

if TYPE_CHECKING:
    from collections.abc import Callable

MONTHS: tuple[str, ...] = ("January", "February", "March", "April", "May", "June", "July", "August")
MONTHS += ("September", "October", "November", "December")
ABBREVIATIONS = tuple(f"{m[:3]}." if m != "May" else m for m in MONTHS[:8])
ABBREVIATIONS += ("Sept.", "Oct.", "Nov.", "Dec.")
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
NUMBER_WORDS: tuple[str, ...] = ("one", "two", "three", "four", "five", "six", "seven", "eight")
NUMBER_WORDS += ("nine", "ten", "eleven", "twelve")

# Neutral filler: nouns that are neither dates, units, tense cues nor plurals,
# so the rendered date is the whole truth of the text.
FILLER = st.lists(
    st.sampled_from(
        [
            "trade",
            "council",
            "delegation",
            "economy",
            "harbour",
            "committee",
            "budget",
            "grain",
            "pipeline",
            "treaty",
            "ministry",
            "envoy",
            "summit",
            "tariff",
            "quota",
            "steel",
            "rice",
            "cabinet",
            "corridor",
        ]
    ),
    max_size=6,
).map(" ".join)
DAYS = st.dates(dt.date(1950, 1, 1), dt.date(2049, 12, 31))


def ordinal(n: int) -> str:
    suffix = "th" if 11 <= n % 100 <= 13 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def extract(
    text: str, published: dt.date | None, order: bilatx.DateOrder | None = None
) -> list[bilatx.DateMention | bilatx.DurationMention]:
    doc = bilatx.Document(text=text, published=published)
    found = bilatx_dates.bilatx_extract_dates(doc=doc, settings=bilatx.Settings(date_order=order))
    check_mentions(found, doc)
    return found


def round_trip(  # noqa: PLR0917 - a round trip has six parts
    before: str,
    rendered: str,
    after: str,
    expected: str,
    published: dt.date | None,
    order: bilatx.DateOrder | None = None,
) -> None:
    lead = f"{before.capitalize()} " if before else ""
    text = f"{lead}{rendered} {after}".rstrip() + "."
    note(text)
    found = [m for m in extract(text, published, order) if isinstance(m, bilatx.DateMention)]
    assert [(m.span.start, m.span.end) for m in found] == [(len(lead), len(lead) + len(rendered))]
    (mention,) = found
    assert mention.value is not None
    assert mention.value.iso() == expected


# ------------------------------------------------------------- absolute days

DAY_FORMATS: tuple[Callable[[dt.date], str], ...] = (
    lambda d: f"{d.day} {MONTHS[d.month - 1]} {d.year}",
    lambda d: f"{MONTHS[d.month - 1]} {d.day}, {d.year}",
    lambda d: f"{MONTHS[d.month - 1]} {d.day} {d.year}",
    lambda d: f"{ABBREVIATIONS[d.month - 1]} {d.day}, {d.year}",
    lambda d: f"{ordinal(d.day)} {MONTHS[d.month - 1]} {d.year}",
    lambda d: f"the {ordinal(d.day)} of {MONTHS[d.month - 1]} {d.year}",
    lambda d: f"{MONTHS[d.month - 1]} {ordinal(d.day)}, {d.year}",
    lambda d: f"{WEEKDAYS[d.weekday()]}, {MONTHS[d.month - 1]} {d.day}, {d.year}",
    lambda d: f"{d.day} {MONTHS[d.month - 1].upper()} {d.year}",
    lambda d: d.isoformat(),
)


@given(
    day=DAYS,
    fmt=st.sampled_from(DAY_FORMATS),
    before=FILLER,
    after=FILLER,
    published=st.none() | DAYS,
)
def test_absolute_days_round_trip(
    day: dt.date,
    fmt: Callable[[dt.date], str],
    before: str,
    after: str,
    published: dt.date | None,
) -> None:
    round_trip(before, fmt(day), after, day.isoformat(), published)


MONTH_FORMATS: tuple[Callable[[dt.date], str], ...] = (
    lambda d: f"{MONTHS[d.month - 1]} {d.year}",
    lambda d: f"{MONTHS[d.month - 1]}, {d.year}",
    lambda d: f"{ABBREVIATIONS[d.month - 1]} {d.year}",
    lambda d: f"mid-{MONTHS[d.month - 1]} {d.year}",
    lambda d: f"early {MONTHS[d.month - 1]} {d.year}",
)


@given(day=DAYS, fmt=st.sampled_from(MONTH_FORMATS), before=FILLER, after=FILLER)
def test_months_round_trip(
    day: dt.date, fmt: Callable[[dt.date], str], before: str, after: str
) -> None:
    round_trip(before, fmt(day), after, f"{day.year:04d}-{day.month:02d}", None)


@given(
    year=st.integers(1950, 2049),
    fmt=st.sampled_from(["{y}", "mid-{y}", "early {y}", "the end of {y}"]),
    before=FILLER,
)
def test_years_round_trip(year: int, fmt: str, before: str) -> None:
    # A year is followed by punctuation or a function word in real text; a
    # bare noun after it could make it a count ("2000 vehicles").
    round_trip(before, fmt.format(y=year), "", str(year), None)


# ------------------------------------------------------------------- ranges


@given(
    day=DAYS,
    length=st.integers(1, 20),
    fmt=st.sampled_from(
        [
            "{m} {a}-{b}, {y}",
            "{m} {a}\u2013{b}, {y}",
            "{a}-{b} {m} {y}",
            "{a}-{b} {m}, {y}",
            "from {m} {a} to {b}, {y}",
            "between {m} {a} and {b}, {y}",
        ]
    ),
    before=FILLER,
    after=FILLER,
)
def test_day_ranges_round_trip(
    day: dt.date, length: int, fmt: str, before: str, after: str
) -> None:
    end = day + dt.timedelta(days=length)
    assume(end.month == day.month)
    text = fmt.format(m=MONTHS[day.month - 1], a=day.day, b=end.day, y=day.year)
    round_trip(before, text, after, f"{day.isoformat()}/{end.isoformat()}", None)


@given(
    start=st.integers(1950, 2040),
    length=st.integers(1, 9),
    fmt=st.sampled_from(["{a}-{b}", "{a}\u2013{b}", "between {a} and {b}", "from {a} to {b}"]),
    before=FILLER,
)
def test_year_ranges_round_trip(start: int, length: int, fmt: str, before: str) -> None:
    text = fmt.format(a=start, b=start + length)
    round_trip(before, text, "", f"{start}/{start + length}", None)


@given(day=DAYS, length=st.integers(1, 40), published_offset=st.integers(-120, 120))
def test_cross_month_ranges_without_year(day: dt.date, length: int, published_offset: int) -> None:
    end = day + dt.timedelta(days=length)
    assume(end.month != day.month)
    published = day + dt.timedelta(days=published_offset)
    text = f"from {MONTHS[day.month - 1]} {day.day} to {MONTHS[end.month - 1]} {end.day}"
    round_trip("", text, "", f"{day.isoformat()}/{end.isoformat()}", published)


# ------------------------------------------------------- year-less, relative

YEARLESS_FORMATS: tuple[Callable[[dt.date], str], ...] = (
    lambda d: f"{d.day} {MONTHS[d.month - 1]}",
    lambda d: f"{MONTHS[d.month - 1]} {d.day}",
    lambda d: f"{ABBREVIATIONS[d.month - 1]} {d.day}",
    lambda d: f"{MONTHS[d.month - 1]} {ordinal(d.day)}",
)


@given(
    published=DAYS,
    offset=st.integers(-170, 170),
    fmt=st.sampled_from(YEARLESS_FORMATS),
    before=FILLER,
    after=FILLER,
)
def test_year_less_days_take_the_nearest_year(
    published: dt.date,
    offset: int,
    fmt: Callable[[dt.date], str],
    before: str,
    after: str,
) -> None:
    day = published + dt.timedelta(days=offset)
    assume(not (day.month == 2 and day.day == 29))
    round_trip(before, fmt(day), after, day.isoformat(), published)


RELATIVE: tuple[tuple[str, Callable[[dt.date], str]], ...] = (
    ("yesterday", lambda p: (p - dt.timedelta(days=1)).isoformat()),
    ("today", lambda p: p.isoformat()),
    ("tomorrow", lambda p: (p + dt.timedelta(days=1)).isoformat()),
    ("last year", lambda p: str(p.year - 1)),
    ("this year", lambda p: str(p.year)),
    ("next year", lambda p: str(p.year + 1)),
    ("last month", lambda p: f"{p.year - (p.month == 1)}-{(p.month - 2) % 12 + 1:02d}"),
    ("this month", lambda p: f"{p.year}-{p.month:02d}"),
    ("next month", lambda p: f"{p.year + (p.month == 12)}-{p.month % 12 + 1:02d}"),
    ("earlier this year", lambda p: str(p.year)),
    ("later this month", lambda p: f"{p.year}-{p.month:02d}"),
)


@given(
    published=DAYS,
    phrase=st.sampled_from(RELATIVE),
    before=FILLER,
    after=FILLER,
)
def test_relative_words_round_trip(
    published: dt.date,
    phrase: tuple[str, Callable[[dt.date], str]],
    before: str,
    after: str,
) -> None:
    text, expected = phrase
    round_trip(before, text, after, expected(published), published)


@given(
    published=DAYS,
    n=st.integers(1, 12),
    unit=st.sampled_from(["day", "month", "year"]),
    digits=st.booleans(),
)
def test_ago_round_trip(published: dt.date, n: int, unit: str, digits: bool) -> None:
    word = "a" if n == 1 else str(n) if digits else NUMBER_WORDS[n - 1]
    text = f"{word} {unit}{'s' if n > 1 else ''} ago"
    if unit == "day":
        expected = (published - dt.timedelta(days=n)).isoformat()
    elif unit == "month":
        index = published.year * 12 + published.month - 1 - n
        expected = f"{index // 12:04d}-{index % 12 + 1:02d}"
    else:
        expected = f"{published.year - n:04d}"
    round_trip("", text, "", expected, published)


@given(published=DAYS, weekday=st.integers(0, 6), future=st.booleans())
def test_weekdays_by_tense(published: dt.date, weekday: int, future: bool) -> None:
    name = WEEKDAYS[weekday]
    text = f"The envoys will meet on {name}." if future else f"The envoys met on {name}."
    (mention,) = extract(text, published)
    assert isinstance(mention, bilatx.DateMention)
    assert mention.value is not None
    day = mention.value.first_day()
    assert day.weekday() == weekday
    delta = (day - published).days
    assert (1 <= delta <= 7) if future else (-6 <= delta <= 0)


@given(
    day=DAYS,
    order=st.sampled_from(list(bilatx.DateOrder)),
    sep=st.sampled_from(["/", ".", "-"]),
    before=FILLER,
)
def test_numeric_dates_round_trip_under_their_order(
    day: dt.date, order: bilatx.DateOrder, sep: str, before: str
) -> None:
    first, second = (
        (day.day, day.month) if order is bilatx.DateOrder.DAY_FIRST else (day.month, day.day)
    )
    text = f"{first:02d}{sep}{second:02d}{sep}{day.year}"
    round_trip(before, text, "", day.isoformat(), None, order)


# ---------------------------------------------------------------- durations


@given(
    n=st.integers(2, 12),
    unit=st.sampled_from([("day", 1), ("week", 7), ("month", 30), ("year", 365)]),
    fmt=st.sampled_from(["a {n}-{u} visit", "for {n} {u}s", "a {n}-{u}-long tour"]),
    words=st.booleans(),
)
def test_durations_round_trip(n: int, unit: tuple[str, int], fmt: str, words: bool) -> None:
    number = NUMBER_WORDS[n - 1] if words else str(n)
    text = "The minister began " + fmt.format(n=number, u=unit[0]) + "."
    found = extract(text, dt.date(2023, 12, 28))
    assert [m.days for m in found if isinstance(m, bilatx.DurationMention)] == [n * unit[1]]
    assert not [m for m in found if isinstance(m, bilatx.DateMention)]


# --------------------------------------------------------------- robustness

TOKENS = st.sampled_from(
    [
        *MONTHS,
        *WEEKDAYS,
        "Dec.",
        "Sept",
        "MAY",
        "may",
        "march",
        "1986",
        "2023",
        "2019-2021",
        "2009-10",
        "12/05/2023",
        "2023-12-26",
        "1990s",
        "'90s",
        "26th",
        "5",
        "29",
        "31",
        "-",
        "\u2013",
        "to",
        "and",
        "from",
        "between",
        "the",
        "of",
        "last",
        "next",
        "this",
        "ago",
        "years",
        "month",
        "week",
        "day",
        "two",
        "five-day",
        "for",
        "yesterday",
        "Today",
        "fiscal",
        "first",
        "half",
        "mid-",
        "early",
        "end",
        "$",
        "%",
        ",",
        ".",
        "\n",
        "will",
        "said",
    ]
)
DATEISH = st.lists(TOKENS, max_size=40).map(" ".join)


@given(
    text=st.one_of(st.text(), DATEISH),
    published=st.none() | DAYS,
    order=st.none() | st.sampled_from(list(bilatx.DateOrder)),
)
def test_never_crashes_and_spans_index_the_text(
    text: str, published: dt.date | None, order: bilatx.DateOrder | None
) -> None:
    found = extract(text, published, order)
    spans = sorted((m.span.start, m.span.end) for m in found)
    for (_, end), (start, _) in itertools.pairwise(spans):
        assert end <= start, "mentions overlap"
    for m in found:
        assert m.span.end > m.span.start
        if isinstance(m, bilatx.DateMention) and m.value is not None:
            assert m.granularity is m.value.granularity
            assert (m.base is not None) == m.relative or published is None


@given(text=DATEISH, published=st.dates())
def test_any_publication_date_is_safe(text: str, published: dt.date) -> None:
    extract(text, published)


@given(
    bst.annotated_texts(
        money=st.nothing(),
        officials=st.nothing(),
        published=st.none() | st.dates(dt.date(1990, 1, 1), dt.date(2040, 12, 31)),
    )
)
def test_recall_on_generated_news(sample: bst.AnnotatedText) -> None:
    found = extract(sample.text, sample.published)
    assert missing_mentions(sample.dates, found) == ()


def test_contract() -> None:
    check_contract(bilatx_dates, max_seconds=5.0)
