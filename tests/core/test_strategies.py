"""bilatx.strategies: every strategy draws valid values, and rendered text agrees with its value."""

from __future__ import annotations

import calendar
import datetime as dt
import re
import subprocess
import sys
from decimal import Decimal
from importlib.metadata import entry_points

import pytest
from hypothesis import Phase, given, settings
from hypothesis import strategies as st
from hypothesis.errors import InvalidArgument

import bilatx
import bilatx.geo
from bilatx import strategies as bst

MONTHS = {
    name: number
    for number, names in enumerate(
        [
            ("January", "Jan."),
            ("February", "Feb."),
            ("March", "Mar."),
            ("April", "Apr."),
            ("May",),
            ("June",),
            ("July",),
            ("August", "Aug."),
            ("September", "Sept."),
            ("October", "Oct."),
            ("November", "Nov."),
            ("December", "Dec."),
        ],
        start=1,
    )
    for name in names
}
MONTH = "|".join(re.escape(m) for m in sorted(MONTHS, key=len, reverse=True))


def read_date(text: str, published: dt.date | None) -> str:
    """An independent reading of the date forms the strategy writes, as a gold value."""
    if m := re.fullmatch(rf"(\d{{1,2}})(?:st|nd|rd|th)? ({MONTH}) (\d{{4}})", text):
        return dt.date(int(m[3]), MONTHS[m[2]], int(m[1])).isoformat()
    if m := re.fullmatch(rf"({MONTH}) (\d{{1,2}}), (\d{{4}})", text):
        return dt.date(int(m[3]), MONTHS[m[1]], int(m[2])).isoformat()
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
        return dt.date.fromisoformat(text).isoformat()
    if m := re.fullmatch(rf"({MONTH}) (\d{{4}})", text):
        return f"{m[2]}-{MONTHS[m[1]]:02d}"
    if re.fullmatch(r"\d{4}", text):
        return text
    if m := re.fullmatch(rf"(\d{{1,2}})[-\u2013](\d{{1,2}}) ({MONTH}) (\d{{4}})", text):
        month, year = MONTHS[m[3]], int(m[4])
        return f"{dt.date(year, month, int(m[1]))}/{dt.date(year, month, int(m[2]))}"
    if m := re.fullmatch(rf"({MONTH}) (\d{{1,2}})[-\u2013](\d{{1,2}}), (\d{{4}})", text):
        month, year = MONTHS[m[1]], int(m[4])
        return f"{dt.date(year, month, int(m[2]))}/{dt.date(year, month, int(m[3]))}"
    if m := re.fullmatch(r"(\d{4})[-\u2013](\d{4})", text):
        return f"{m[1]}/{m[2]}"
    assert published is not None, f"{text!r} needs a publication date"
    if text == "yesterday":
        return (published - dt.timedelta(days=1)).isoformat()
    if m := re.fullmatch(r"(last|next) year", text):
        return str(published.year + (1 if m[1] == "next" else -1))
    if m := re.fullmatch(r"(last|next) month", text):
        index = published.year * 12 + published.month - 1 + (1 if m[1] == "next" else -1)
        return f"{index // 12:04d}-{index % 12 + 1:02d}"
    if m := re.fullmatch(r"(two|three|four|five) years ago", text):
        return str(published.year - ("two", "three", "four", "five").index(m[1]) - 2)
    m = re.fullmatch(rf"(?:(\d{{1,2}}) ({MONTH})|({MONTH}) (\d{{1,2}}))", text)
    assert m is not None, f"unknown date form {text!r}"
    month = MONTHS[m[2] or m[3]]
    day = int(m[1] or m[4])
    candidates = [
        dt.date(year, month, day)
        for year in (published.year - 1, published.year, published.year + 1)
        if day <= calendar.monthrange(year, month)[1]
    ]
    return min(candidates, key=lambda d: abs((d - published).days)).isoformat()


SCALE_WORDS = {
    "thousand": 10**3,
    "million": 10**6,
    "mn": 10**6,
    "m": 10**6,
    "billion": 10**9,
    "bn": 10**9,
    "trillion": 10**12,
    "lakh": 10**5,
    "crore": 10**7,
}
CURRENCY_WORDS = {
    "$": "USD",
    "US$": "USD",
    "US dollars": "USD",
    "\u20ac": "EUR",
    "euros": "EUR",
    "\u00a3": "GBP",
    "pounds sterling": "GBP",
    "Rs": "INR",
    "Rs.": "INR",
    "\u20b9": "INR",
    "rupees": "INR",
    "yen": "JPY",
    "yuan": "CNY",
    "roubles": "RUB",
}


def read_money(text: str) -> tuple[str | None, Decimal | None, Decimal | None]:
    """An independent reading of the money forms the strategy writes."""
    m = re.fullmatch(
        r"(?P<bound>over|more than|at least|up to|less than|at most)? ?"
        r"(?P<pre>US\$|\$|\u20ac|\u00a3|Rs\.?|\u20b9|[A-Z]{3})? ?"
        r"(?P<low>[\d,]+(?:\.\d+)?)(?:[-\u2013](?P<high>[\d,]+(?:\.\d+)?))?"
        r" ?(?P<scale>thousand|million|mn|m|billion|bn|trillion|lakh|crore)?"
        r"(?: (?P<post>US dollars|euros|pounds sterling|rupees|yen|yuan|roubles))?",
        text,
    )
    assert m is not None, f"unknown money form {text!r}"
    word = m["pre"] or m["post"]
    currency = CURRENCY_WORDS.get(word, word)
    scale = SCALE_WORDS.get(m["scale"] or "", 1)
    low = Decimal(m["low"].replace(",", "")) * scale
    high = Decimal(m["high"].replace(",", "")) * scale if m["high"] else low
    if m["bound"] in {"over", "more than", "at least"}:
        return currency, low, None
    if m["bound"] in {"up to", "less than", "at most"}:
        return currency, None, low
    return currency, low, high


# -------------------------------------------------------------------- spans


@given(st.text(min_size=3), st.data())
def test_spans_lie_inside_the_text(text: str, data: st.DataObject) -> None:
    span = data.draw(bst.spans(text, min_size=1, max_size=2))
    assert span.end <= len(text)
    assert 1 <= len(span) <= 2


@given(bst.spans())
def test_spans_without_a_text_are_valid(span: bilatx.Span) -> None:
    assert 0 <= span.start <= span.end


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"min_size": -1}, "min_size"),
        ({"min_size": 3, "max_size": 2}, "min_size"),
        ({"min_size": 10}, "no span of 10 characters"),
    ],
)
def test_spans_reject_impossible_sizes(kwargs: dict[str, int], message: str) -> None:
    with pytest.raises(InvalidArgument, match=message):
        bst.spans("short", **kwargs)


# -------------------------------------------------------------------- dates


@given(bst.date_expressions(published=st.dates(dt.date(1900, 1, 1), dt.date(2100, 12, 31))))
def test_date_expressions_read_as_their_value(expr: bst.DateExpression) -> None:
    assert read_date(expr.text, expr.published) == expr.value.iso()
    assert bilatx.parse_date_value(expr.value.iso()) == expr.value
    assert expr.granularity is expr.value.granularity


@given(bst.date_expressions())
def test_date_expressions_without_publication_date_are_absolute(
    expr: bst.DateExpression,
) -> None:
    assert expr.published is None
    assert not expr.relative
    assert read_date(expr.text, None) == expr.value.iso()


@given(bst.date_expressions(dates=st.just(dt.date(2024, 2, 29))))
def test_date_expressions_follow_the_dates_option(expr: bst.DateExpression) -> None:
    assert expr.value.first_day().year == 2024


@given(bst.date_values(granularities=st.just(bilatx.Granularity.MONTH)))
def test_date_values_keep_the_granularity_asked_for(value: bilatx.DateValue) -> None:
    assert value.granularity is bilatx.Granularity.MONTH


@given(bst.date_intervals())
def test_date_intervals_never_end_before_they_start(value: bilatx.DateInterval) -> None:
    assert value.last_day() >= value.first_day()


# -------------------------------------------------------------------- money


@given(bst.money_expressions())
def test_money_expressions_read_as_their_value(expr: bst.MoneyExpression) -> None:
    currency, low, high = read_money(expr.text)
    assert (currency, low, high) == (expr.value.currency, expr.value.low, expr.value.high)


@given(bst.money_expressions(currencies=st.just("AED"), bounds=st.just(bilatx.MoneyBound.RANGE)))
def test_money_expressions_follow_their_options(expr: bst.MoneyExpression) -> None:
    assert expr.text.startswith("AED ")
    assert expr.value.low is not None
    assert expr.value.high is not None
    assert expr.value.low < expr.value.high


@given(bst.amounts())
def test_amounts_are_valid_money(money: bilatx.Money) -> None:
    assert money.low is not None or money.high is not None
    for value in (money.low, money.high):
        assert value is None or isinstance(value, Decimal)


# ------------------------------------------------------ officials and records


@given(bst.officials())
def test_officials_surname_is_the_last_word_of_the_name(person: bilatx.Official) -> None:
    assert person.name.split()[-1] == person.surname
    assert person.honorific not in person.name.split()


@given(bst.officials(titles=st.just("Ambassador"), countries=st.just("KEN")))
def test_officials_follow_their_options(person: bilatx.Official) -> None:
    assert (person.title, person.country) == ("Ambassador", "KEN")


@given(bst.visits())
def test_visits_never_end_before_they_start(visit: bilatx.Visit) -> None:
    if visit.start and visit.end:
        assert visit.end.last_day() >= visit.start.first_day()
    if visit.origin and visit.host:
        assert visit.origin != visit.host


@given(bst.meetings())
def test_meetings_have_two_or_more_distinct_people(meeting: bilatx.Meeting) -> None:
    surnames = [p.surname.casefold() for p in meeting.participants]
    assert len(surnames) >= 2
    assert len(set(surnames)) == len(surnames)


@given(bst.statements())
def test_statements_quote_span_fits_the_quote(statement: bilatx.Statement) -> None:
    assert len(statement.quote_span) == len(statement.quote)
    assert statement.quote.strip()


@given(bst.trade_figures())
def test_trade_figures_span_fits_the_text(figure: bilatx.TradeFigure) -> None:
    assert len(figure.span) == len(figure.text)
    assert read_money(figure.text)[0] == figure.money.currency


# ---------------------------------------------------------------- documents


EMPTY_PIPELINE = bilatx.Pipeline(builtins=False, entrypoints=False, strict=True)


@given(bst.documents())
def test_documents_are_accepted_by_the_pipeline(doc: bilatx.Document) -> None:
    result = EMPTY_PIPELINE.extract(doc)
    assert result.document is doc
    assert result.errors == ()


@given(bst.documents(texts=st.just("fixed"), published=st.none(), ids=st.just("d1")))
def test_documents_follow_their_options(doc: bilatx.Document) -> None:
    assert (doc.text, doc.published, doc.id) == ("fixed", None, "d1")


# ----------------------------------------------------------- annotated texts


# What must never appear outside the expected mentions: the filler is built
# so that every date, amount, official, place, sector and quotation the text
# holds is listed.
LEAK = re.compile(rf"\d|\b(?:{MONTH})\b|[$\u20ac\u00a3\u20b9\"\u201c\u201d]")
# Capitalised words allowed outside mentions, besides sentence starts: the
# titles and honorifics written before an official's name.
LEAD_WORDS = {word for phrase in (*bst.TITLES, "Dr.", "Mr", "Ms") for word in phrase.split()}
SECTOR_PHRASE = re.compile(
    r"\b(?:" + "|".join(re.escape(p) for ps in bst._SECTOR_PHRASES.values() for p in ps) + r")\b"
)
MARKS = {('"', '"'), ("\u201c", "\u201d")}


def mention_spans(mention: bilatx.Mention) -> list[bilatx.Span]:
    spans = [mention.span]
    if isinstance(mention, bilatx.QuoteMention):
        spans += [s for s in (mention.speaker_span, mention.channel_span) if s is not None]
    return spans


@given(bst.annotated_texts())
def test_annotated_texts_list_every_mention_at_its_span(sample: bst.AnnotatedText) -> None:
    doc = sample.document()
    previous_end = 0
    for mention in sample.mentions:
        assert doc.slice(mention.span) == mention.text
        assert mention.span.start >= previous_end, "mentions overlap or are out of order"
        previous_end = mention.span.end
        assert mention.extractor == bst.EXPECTED_EXTRACTOR
    # Blank out the mentions; what remains must hold no date, amount, name,
    # country, sector phrase or quotation mark.
    rest = list(sample.text)
    for mention in sample.mentions:
        for span in mention_spans(mention):
            rest[span.start : span.end] = " " * len(span)
        if isinstance(mention, bilatx.QuoteMention):
            rest[mention.span.end - 1] = "."  # a quotation may end the sentence
    leftover = "".join(rest)
    assert LEAK.search(leftover) is None, leftover
    assert list(bilatx.geo.find_countries(leftover)) == [], leftover
    assert SECTOR_PHRASE.search(leftover) is None, leftover
    for sentence in re.split(r"(?<=[.!?])\s+", leftover):
        later_words = sentence.split()[1:]
        names = [w for w in later_words if w[:1].isupper() and w not in LEAD_WORDS]
        assert not names, (names, sentence)


@given(bst.annotated_texts(published=st.just(dt.date(2024, 3, 5))))
def test_annotated_texts_values_are_true(sample: bst.AnnotatedText) -> None:
    for mention in sample.dates:
        assert mention.value is not None
        assert read_date(mention.text, sample.published) == mention.value.iso()
        assert mention.relative == (mention.base is not None)
    for money in sample.money:
        assert read_money(money.text) == (money.value.currency, money.value.low, money.value.high)
    for person in sample.officials:
        assert person.text == person.name
        assert person.surname == person.name.split()[-1]
    for place in sample.places:
        # bilatx.geo is an independent reading of the names the strategy writes.
        assert bilatx.geo.country_code(place.text) == place.country
        assert bilatx.geo.name_kind(place.text) == place.kind.value
    for sector in sample.sectors:
        assert sector.sector in bst.SECTORS
        assert sector.text in bst._SECTOR_PHRASES[sector.sector]


@given(bst.annotated_texts())
def test_annotated_texts_quotes_have_their_marks_speaker_and_channel(
    sample: bst.AnnotatedText,
) -> None:
    doc = sample.document()
    officials = {m.span: m for m in sample.officials}
    for quote in sample.quotes:
        assert (quote.text[0], quote.text[-1]) in MARKS
        assert quote.span.contains(quote.quote_span)
        assert doc.slice(quote.quote_span) == quote.quote == quote.text[1:-1]
        assert quote.speaker_span is not None
        assert doc.slice(quote.speaker_span) == quote.speaker
        # The speaker is an official of the text, in the same sentence.
        assert officials[quote.speaker_span].name == quote.speaker
        between = doc.text[
            min(quote.span.end, quote.speaker_span.end) : max(
                quote.span.start, quote.speaker_span.start
            )
        ]
        assert "\n" not in between
        if quote.channel is None:
            assert quote.channel_span is None
        else:
            assert quote.channel_span is not None
            assert doc.slice(quote.channel_span) == quote.channel


@given(bst.annotated_texts(dates=st.nothing(), money=st.nothing(), officials=st.nothing()))
def test_sector_sentences_name_two_countries(sample: bst.AnnotatedText) -> None:
    doc = sample.document()
    for sector in sample.sectors:
        sentence = next(s for s in doc.sentences() if s.contains(sector.span))
        codes = {p.country for p in sample.places if sentence.contains(p.span)}
        assert len(codes) == 2, doc.slice(sentence)


@given(
    bst.annotated_texts(
        places=st.just("USA"),
        sectors=st.just("tourism"),
        quotes=bst.statements(
            speakers=bst.officials(countries=st.none()), channels=st.just("Telegram")
        ),
        officials=bst.officials(countries=st.none()),
        max_facts=10,
    )
)
def test_annotated_texts_follow_the_new_options(sample: bst.AnnotatedText) -> None:
    assert {s.sector for s in sample.sectors} <= {"tourism"}
    assert {q.channel for q in sample.quotes} <= {"Telegram"}
    for quote in sample.quotes:
        assert quote.channel_span is not None
        assert sample.text[: quote.channel_span.start].endswith(" on ")
    place_facts = [p for p in sample.places if p.country == "USA"]
    assert len(place_facts) >= len(sample.places) - 2 * len(sample.sectors)


@given(bst.annotated_texts(dates=st.nothing(), money=st.nothing()))
def test_annotated_texts_leave_out_kinds_given_nothing(sample: bst.AnnotatedText) -> None:
    assert sample.dates == ()
    assert sample.money == ()


@given(
    bst.annotated_texts(
        officials=st.nothing(), places=st.nothing(), sectors=st.nothing(), max_facts=10
    )
)
def test_leaving_out_officials_leaves_out_the_default_quotations(
    sample: bst.AnnotatedText,
) -> None:
    assert (sample.officials, sample.quotes, sample.places, sample.sectors) == ((), (), (), ())


@given(
    bst.annotated_texts(
        dates=st.nothing(),
        money=st.nothing(),
        officials=st.nothing(),
        places=st.nothing(),
        sectors=st.nothing(),
        quotes=st.nothing(),
    )
)
def test_annotated_texts_with_every_kind_left_out_are_filler(sample: bst.AnnotatedText) -> None:
    assert sample.mentions == ()


@given(
    bst.annotated_texts(
        dates=st.nothing(),
        money=st.nothing(),
        officials=st.nothing(),
        places=st.just("KEN"),
        sectors=st.nothing(),
        filler=st.nothing(),
    )
)
def test_annotated_texts_without_filler_are_the_facts_alone(sample: bst.AnnotatedText) -> None:
    sentences = [s for s in re.split(r"(?<=\.) ", sample.text) if s.strip()]
    assert len(sentences) == len(sample.places)
    assert all("Kenya" in s for s in sentences)


def draw_once(strategy: st.SearchStrategy[bst.AnnotatedText]) -> None:
    # The error is raised while drawing; shrinking it would only take time.
    @settings(phases=[Phase.generate], database=None)
    @given(strategy)
    def draw(sample: bst.AnnotatedText) -> None:
        del sample

    draw()


def test_annotated_texts_say_why_a_relative_date_does_not_fit() -> None:
    strategy = bst.annotated_texts(
        dates=bst.date_expressions(published=st.just(dt.date(2020, 1, 1))).filter(
            lambda e: e.relative
        ),
        money=st.nothing(),
        officials=st.nothing(),
        places=st.nothing(),
        sectors=st.nothing(),
        published=st.just(dt.date(2021, 1, 1)),
    )
    with pytest.raises(InvalidArgument, match="relative to 2020-01-01"):
        draw_once(strategy)


ONLY = {
    "dates": st.nothing(),
    "money": st.nothing(),
    "officials": st.nothing(),
    "places": st.nothing(),
    "sectors": st.nothing(),
    "quotes": st.nothing(),
}


@pytest.mark.parametrize(
    ("kind", "value", "message"),
    [
        ("places", st.just("XYZ"), "places= must draw codes of COUNTRIES"),
        ("sectors", st.just("fishing"), "sectors= must draw ids of SECTORS"),
        ("quotes", bst.statements(quotes=st.just('He said "no".')), "no double quotation"),
        ("quotes", bst.statements(quotes=st.just("...")), "needs a word"),
    ],
)
def test_annotated_texts_say_why_a_fact_cannot_be_written(
    kind: str, value: st.SearchStrategy[object], message: str
) -> None:
    options = {**ONLY, kind: value}
    strategy = bst.annotated_texts(**options, max_facts=3)
    with pytest.raises(InvalidArgument, match=message):
        draw_once(strategy)


# ------------------------------------------------------------------ options


@pytest.mark.parametrize(
    "make",
    [
        lambda: bst.documents(texts="a text"),  # type: ignore[arg-type]
        lambda: bst.officials(titles="Ambassador"),  # type: ignore[arg-type]
        lambda: bst.money_expressions(currencies=["USD"]),  # type: ignore[arg-type]
        lambda: bst.date_expressions(published=dt.date(2024, 1, 1)),  # type: ignore[arg-type]
        lambda: bst.annotated_texts(filler="text"),  # type: ignore[arg-type]
        lambda: bst.annotated_texts(places="IND"),  # type: ignore[arg-type]
        lambda: bst.annotated_texts(sectors=["trade"]),  # type: ignore[arg-type]
        lambda: bst.annotated_texts(max_facts=-1),
    ],
)
def test_options_must_be_strategies(make: object) -> None:
    with pytest.raises(InvalidArgument):
        make()  # type: ignore[operator]


# ------------------------------------------------------ hypothesis's registry


@pytest.mark.parametrize(
    "cls",
    [
        bilatx.Span,
        bilatx.DateValue,
        bilatx.DateInterval,
        bilatx.Money,
        bilatx.Official,
        bilatx.Document,
        bilatx.Visit,
        bilatx.Meeting,
        bilatx.Statement,
        bilatx.TradeFigure,
    ],
)
def test_from_type_draws_registered_types(cls: type) -> None:
    @given(st.from_type(cls))
    def check(value: object) -> None:
        assert isinstance(value, cls)

    check()


@given(st.from_type(bilatx.Record))  # type: ignore[arg-type]
def test_from_type_draws_the_record_union(record: bilatx.Record) -> None:
    assert isinstance(record, (bilatx.Visit, bilatx.Meeting, bilatx.Statement, bilatx.TradeFigure))


def test_the_hypothesis_entry_point_names_the_setup_hook() -> None:
    (entry,) = [e for e in entry_points(group="hypothesis") if e.name == "bilatx"]
    assert entry.value == "bilatx.strategies:_hypothesis_setup_hook"
    assert entry.load() is bst._hypothesis_setup_hook


@pytest.mark.parametrize(
    "code",
    [
        # Importing the strategies first makes hypothesis load its entry
        # points while this module is half-imported.
        (
            "import bilatx.strategies as b, hypothesis.strategies as st, bilatx\n"
            "from hypothesis import given\n"
            "given(st.from_type(bilatx.Visit))(lambda v: None)()\n"
        ),
        (
            "import hypothesis.strategies as st, bilatx\n"
            "from hypothesis import given\n"
            "given(st.from_type(bilatx.Meeting))(lambda v: None)()\n"
        ),
    ],
)
def test_importing_in_either_order_works(code: str) -> None:
    subprocess.run([sys.executable, "-c", code], check=True, timeout=120)


def test_the_core_never_imports_hypothesis() -> None:
    code = (
        "import sys, bilatx\n"
        "bilatx.Pipeline(entrypoints=False).extract('Talks on 4 March 2024 cost $5bn.')\n"
        "loaded = [m for m in ('hypothesis', 'bilatx.strategies') if m in sys.modules]\n"
        "assert not loaded, loaded\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True, timeout=120)


def test_annotated_text_document_keeps_the_publication_date() -> None:
    sample = bst.AnnotatedText(text="Nothing.", published=dt.date(2024, 3, 5))
    doc = sample.document("x")
    assert (doc.text, doc.published, doc.id) == ("Nothing.", dt.date(2024, 3, 5), "x")
