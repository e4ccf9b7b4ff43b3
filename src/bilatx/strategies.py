"""Hypothesis strategies for bilatx values and texts, for testing extractors.

Install with ``pip install 'bilatx[testing]'``; the bilatx core never imports
this module. Every strategy is a plural noun that returns a
:class:`~hypothesis.strategies.SearchStrategy`, and every option is
keyword-only and takes a strategy (``titles=st.just("Ambassador")``), never a
bare value, so options compose like any other hypothesis strategy. Pass
:func:`hypothesis.strategies.nothing` to leave a kind out.

The strategies that render text return the text *with its true value*:
:func:`date_expressions` and :func:`money_expressions` pair an expression with
what it denotes, and :func:`annotated_texts` returns a whole text together
with every date, amount, official, place, sector and quotation it contains,
at their exact spans. That lets an extractor's author test recall and
precision, not only robustness:

>>> from hypothesis import given
>>> from bilatx import strategies as bst
>>> @given(bst.money_expressions())
... def test_value_is_positive(expr):
...     assert (expr.value.low or expr.value.high) > 0
>>> test_value_is_positive()

Importing hypothesis also registers bilatx's types with
:func:`~hypothesis.strategies.from_type` through hypothesis's ``hypothesis``
entry point, so ``st.from_type(bilatx.Visit)`` and ``st.builds(f)`` for
functions annotated with bilatx types work without further setup.
"""

from __future__ import annotations


def _hypothesis_setup_hook() -> None:
    """Register bilatx types with :func:`hypothesis.strategies.register_type_strategy`.

    Hypothesis calls this through its ``hypothesis`` entry point when it is
    imported. It is defined before anything else in this module, and the
    strategies are looked up lazily, because importing this module imports
    hypothesis, which calls this hook while the module is still half-built.
    """
    from hypothesis import strategies as st  # noqa: PLC0415

    import bilatx  # noqa: PLC0415

    def lazy(name: str) -> st.SearchStrategy[object]:
        # Resolved at first draw, when this module has finished importing.
        return st.deferred(lambda: globals()[name]())  # noqa: PLW0108  (not yet defined)

    for cls, factory in (
        (bilatx.Span, "spans"),
        (bilatx.DateValue, "date_values"),
        (bilatx.DateInterval, "date_intervals"),
        (bilatx.Money, "amounts"),
        (bilatx.Official, "officials"),
        (bilatx.Document, "documents"),
        (bilatx.Visit, "visits"),
        (bilatx.Meeting, "meetings"),
        (bilatx.Statement, "statements"),
        (bilatx.TradeFigure, "trade_figures"),
    ):
        st.register_type_strategy(cls, lazy(factory))


# The imports below stay after the hook on purpose; see its docstring.
import datetime as dt  # noqa: E402
from decimal import Decimal  # noqa: E402
from typing import TYPE_CHECKING, Final, TypeVar  # noqa: E402

import attrs  # noqa: E402

try:
    from hypothesis import strategies as st
    from hypothesis.errors import InvalidArgument
except ImportError as _exc:  # pragma: no cover - exercised only without hypothesis
    _msg = "bilatx.strategies needs hypothesis: pip install 'bilatx[testing]'"
    raise ImportError(_msg) from _exc

from bilatx import (  # noqa: E402
    DateInterval,
    DateMention,
    DateValue,
    Document,
    Granularity,
    Meeting,
    MeetingForm,
    Money,
    MoneyBound,
    MoneyMention,
    Official,
    OfficialMention,
    PlaceKind,
    PlaceMention,
    QuoteMention,
    SectorMention,
    Span,
    Statement,
    TradeFigure,
    TradeTrend,
    Visit,
    VisitStatus,
)

if TYPE_CHECKING:
    from bilatx import Mention

__all__ = [
    "CHANNELS",
    "COUNTRIES",
    "CURRENCIES",
    "EXPECTED_EXTRACTOR",
    "SECTORS",
    "TITLES",
    "AnnotatedText",
    "DateExpression",
    "MoneyExpression",
    "amounts",
    "annotated_texts",
    "date_expressions",
    "date_intervals",
    "date_values",
    "documents",
    "meetings",
    "money_expressions",
    "officials",
    "spans",
    "statements",
    "trade_figures",
    "visits",
]

T = TypeVar("T")

EXPECTED_EXTRACTOR: Final = "bilatx.strategies"
"""The ``extractor`` of the mentions :func:`annotated_texts` says a text contains."""

SECTORS: Final = (
    "defence",
    "security",
    "energy",
    "nuclear",
    "space",
    "trade",
    "finance",
    "investment",
    "connectivity",
    "civil_aviation",
    "agriculture",
    "pharmaceuticals",
    "health",
    "information_technology",
    "science_technology",
    "engineering",
    "manufacturing",
    "mining",
    "infrastructure",
    "culture",
    "education",
    "tourism",
    "climate",
    "maritime",
)
"""The canonical sector ids of the gold format."""

# Phrases that name each sector and nothing else, in lower case, as a text
# would put them after "cooperation in". Every id of SECTORS has some.
_SECTOR_PHRASES: Final[dict[str, tuple[str, ...]]] = {
    "defence": ("defence", "defence production", "joint military exercises"),
    "security": ("counter-terrorism", "cyber security", "intelligence sharing"),
    "energy": ("energy", "oil and gas", "renewable energy", "liquefied natural gas"),
    "nuclear": ("nuclear reactors", "nuclear fuel", "civil nuclear power"),
    "space": ("space exploration", "satellite launches"),
    "trade": ("trade", "bilateral trade", "market access"),
    "finance": ("banking", "payment systems", "insurance"),
    "investment": ("investment", "joint ventures", "foreign direct investment"),
    "connectivity": ("transport corridors", "railways", "logistics"),
    "civil_aviation": ("civil aviation", "direct flights"),
    "agriculture": ("agriculture", "food security", "fertilisers"),
    "pharmaceuticals": ("pharmaceuticals", "generic medicines"),
    "health": ("public health", "health"),
    "information_technology": (
        "information technology",
        "telecommunications",
        "artificial intelligence",
    ),
    "science_technology": ("science and technology", "scientific research"),
    "engineering": ("engineering", "industrial machinery"),
    "manufacturing": ("manufacturing", "industrial production"),
    "mining": ("mining", "critical minerals"),
    "infrastructure": ("infrastructure", "urban development"),
    "culture": ("culture", "cultural exchanges"),
    "education": ("education", "student exchanges", "scholarships"),
    "tourism": ("tourism",),
    "climate": ("climate change", "environmental protection"),
    "maritime": ("maritime security", "sea lanes"),
}

# code: (name, demonym, capital). Written here, not read from bilatx.geo, so
# the strategies do not change when the gazetteer does.
_COUNTRIES: Final[dict[str, tuple[str, str, str]]] = {
    "IND": ("India", "Indian", "New Delhi"),
    "RUS": ("Russia", "Russian", "Moscow"),
    "CHN": ("China", "Chinese", "Beijing"),
    "USA": ("the United States", "American", "Washington"),
    "FRA": ("France", "French", "Paris"),
    "DEU": ("Germany", "German", "Berlin"),
    "JPN": ("Japan", "Japanese", "Tokyo"),
    "BRA": ("Brazil", "Brazilian", "Brasilia"),
    "ZAF": ("South Africa", "South African", "Pretoria"),
    "AUS": ("Australia", "Australian", "Canberra"),
    "EGY": ("Egypt", "Egyptian", "Cairo"),
    "IDN": ("Indonesia", "Indonesian", "Jakarta"),
    "GBR": ("Britain", "British", "London"),
    "KEN": ("Kenya", "Kenyan", "Nairobi"),
}
COUNTRIES: Final = tuple(_COUNTRIES)
"""The ISO 3166-1 alpha-3 codes the default strategies draw from."""

TITLES: Final = (
    "President",
    "Prime Minister",
    "Foreign Minister",
    "External Affairs Minister",
    "Deputy Prime Minister",
    "Defence Minister",
    "Trade Minister",
    "Finance Minister",
    "Ambassador",
    "Commerce Secretary",
)
"""Titles of office the default :func:`officials` strategy draws from."""

CHANNELS: Final = ("X", "press conference", "joint statement", "interview", "Twitter")
"""Statement channels the default :func:`statements` strategy draws from."""

# Invented names: no month or ordinary English word among them, so a name is
# never also a date or a sentence word.
_GIVEN_NAMES: Final = (
    "Amara",
    "Lena",
    "Tomas",
    "Ravi",
    "Mei",
    "Kwame",
    "Ingrid",
    "Mateo",
    "Yusuf",
    "Priya",
    "Dmitri",
    "Hana",
    "Sven",
    "Leila",
    "Arjun",
    "Camila",
)
_SURNAMES: Final = (
    "Okafor",
    "Voss",
    "Lindqvist",
    "Raman",
    "Takeda",
    "Mensah",
    "Castellano",
    "Haddad",
    "Petrova",
    "Iyer",
    "Novak",
    "Brennan",
    "Adeyemi",
    "Kowalski",
    "Farouk",
    "Oyelaran",
)

_MONTHS: Final = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)
_MONTH_ABBREVIATIONS: Final = (
    "Jan.",
    "Feb.",
    "Mar.",
    "Apr.",
    "May",
    "June",
    "July",
    "Aug.",
    "Sept.",
    "Oct.",
    "Nov.",
    "Dec.",
)
_NUMBER_WORDS: Final = ("two", "three", "four", "five")

# (prefix, suffix) forms of each currency, as news text writes them.
_CURRENCY_FORMS: Final[dict[str, tuple[tuple[str, str], ...]]] = {
    "USD": (("$", ""), ("US$", ""), ("USD ", ""), ("", " US dollars")),
    "EUR": (("\u20ac", ""), ("EUR ", ""), ("", " euros")),
    "GBP": (("\u00a3", ""), ("GBP ", ""), ("", " pounds sterling")),
    "INR": (("Rs ", ""), ("Rs. ", ""), ("\u20b9", ""), ("INR ", ""), ("", " rupees")),
    "JPY": (("JPY ", ""), ("", " yen")),
    "CNY": (("CNY ", ""), ("", " yuan")),
    "RUB": (("RUB ", ""), ("", " roubles")),
}
CURRENCIES: Final = tuple(_CURRENCY_FORMS)
"""The ISO 4217 codes the default money strategies draw from."""

# (written form, multiplier, joined to the number without a space)
_SCALES: Final = (
    ("", 1, False),
    ("thousand", 10**3, False),
    ("million", 10**6, False),
    ("mn", 10**6, False),
    ("m", 10**6, True),
    ("billion", 10**9, False),
    ("bn", 10**9, True),
    ("bn", 10**9, False),
    ("trillion", 10**12, False),
)
_INDIAN_SCALES: Final = (("lakh", 10**5, False), ("crore", 10**7, False))

# Words filler sentences are made of: none is a date, an amount, a name, a
# title or a quotation mark, so filler never adds a mention of its own.
_FILLER_WORDS: Final = (
    "the",
    "talks",
    "covered",
    "a",
    "range",
    "of",
    "issues",
    "both",
    "sides",
    "agreed",
    "to",
    "continue",
    "working",
    "together",
    "officials",
    "said",
    "progress",
    "was",
    "made",
    "on",
    "several",
    "fronts",
    "and",
    "further",
    "steps",
    "are",
    "expected",
    "delegations",
    "discussed",
    "cooperation",
    "in",
    "detail",
    "relations",
    "have",
    "grown",
    "closer",
    "outcome",
    "welcomed",
    "broad",
    "agenda",
)

# Tokens that make extractors work hard: currency signs, scale words, months,
# titles, quotation marks, digits and punctuation in awkward places.
_TRICKY_TOKENS: Final = (
    "$",
    "US$",
    "Rs",
    "\u20b9",
    "\u20ac",
    "\u00a3",
    "billion",
    "bn",
    "crore",
    "lakh",
    "million",
    "12",
    "2023",
    "1,000",
    "3.5",
    "0",
    "-",
    "\u2013",
    "/",
    "December",
    "Dec.",
    "May",
    "Monday",
    "last",
    "next",
    "year",
    "ago",
    "yesterday",
    "Minister",
    "President",
    "Prime",
    "Dr.",
    "Mr",
    "said",
    "\u201c",
    "\u201d",
    '"',
    "'",
    "(",
    ")",
    ",",
    ".",
    "\n",
    "India",
    "Russian",
    "Moscow",
    "visit",
    "talks",
    "trade",
    "EAM",
    "PM",
)


# ------------------------------------------------------------------ helpers


def _check_strategy(name: str, value: object) -> None:
    if value is not None and not isinstance(value, st.SearchStrategy):
        msg = (
            f"{name}= must be a hypothesis strategy (wrap a fixed value in st.just()), "
            f"not {type(value).__name__} {value!r}"
        )
        raise InvalidArgument(msg)


def _or(value: st.SearchStrategy[T] | None, default: st.SearchStrategy[T]) -> st.SearchStrategy[T]:
    return default if value is None else value


def _whole(value: Decimal) -> Decimal:
    """Return ``value`` without trailing zeros after the point when it is whole."""
    return value.quantize(Decimal(1)) if value == value.to_integral_value() else value.normalize()


def _ordinal(day: int) -> str:
    if 11 <= day % 100 <= 13:  # noqa: PLR2004
        return f"{day}th"
    return f"{day}{ {1: 'st', 2: 'nd', 3: 'rd'}.get(day % 10, 'th') }"


_MIN_DATE: Final = dt.date(1950, 1, 1)
_MAX_DATE: Final = dt.date(2099, 12, 31)


# -------------------------------------------------------------------- spans


def spans(
    text: str | None = None, *, min_size: int = 0, max_size: int | None = None
) -> st.SearchStrategy[Span]:
    """Return spans, inside ``text`` when it is given.

    Args:
        text: the text the spans must lie in; ``None`` draws spans that start
            anywhere in the first 10,000 characters.
        min_size: the fewest characters a span covers.
        max_size: the most characters a span covers.

    Raises:
        hypothesis.errors.InvalidArgument: the sizes are negative, contradict
            each other, or no span of ``min_size`` fits in ``text``.
    """
    if min_size < 0 or (max_size is not None and max_size < min_size):
        msg = f"need 0 <= min_size <= max_size, got min_size={min_size}, max_size={max_size}"
        raise InvalidArgument(msg)
    limit = 10_000 if text is None else len(text)
    if min_size > limit:
        msg = f"no span of {min_size} characters fits in a text of {limit}"
        raise InvalidArgument(msg)

    @st.composite
    def draw_span(draw: st.DrawFn) -> Span:
        start = draw(st.integers(0, limit - min_size))
        room = limit - start if text is not None else 1_000
        longest = room if max_size is None else min(room, max_size)
        return Span(start, start + draw(st.integers(min_size, max(min_size, longest))))

    return draw_span()


# -------------------------------------------------------------------- dates


def date_values(
    *,
    dates: st.SearchStrategy[dt.date] | None = None,
    granularities: st.SearchStrategy[Granularity] | None = None,
) -> st.SearchStrategy[DateValue]:
    """Return :class:`~bilatx.DateValue` s at day, month or year granularity.

    Args:
        dates: the calendar days drawn from (default 1950 to 2099).
        granularities: day, month or year; the value keeps only that much of
            the drawn day.
    """
    _check_strategy("dates", dates)
    _check_strategy("granularities", granularities)
    days = _or(dates, st.dates(_MIN_DATE, _MAX_DATE))
    levels = _or(
        granularities, st.sampled_from((Granularity.DAY, Granularity.MONTH, Granularity.YEAR))
    )

    def cut(day: dt.date, level: Granularity) -> DateValue:
        if level is Granularity.DAY:
            return DateValue(day.year, day.month, day.day)
        if level is Granularity.MONTH:
            return DateValue(day.year, day.month)
        if level is Granularity.YEAR:
            return DateValue(day.year)
        msg = f"date values have day, month or year granularity, not {level.value!r}"
        raise InvalidArgument(msg)

    return st.builds(cut, days, levels)


def date_intervals(
    *, values: st.SearchStrategy[DateValue] | None = None
) -> st.SearchStrategy[DateInterval]:
    """Return :class:`~bilatx.DateInterval` s whose end is not before their start."""
    _check_strategy("values", values)
    items = _or(values, date_values())
    return (
        st.tuples(items, items)
        .map(lambda pair: DateInterval(*sorted(pair, key=lambda v: (v.first_day(), v.last_day()))))
        .filter(lambda iv: iv.end.last_day() >= iv.start.first_day())
    )


@attrs.frozen(kw_only=True)
class DateExpression:
    """A date expression as news text writes it, with the value it denotes."""

    text: str
    """The expression ("26 December 2023", "last year", "December 25-29, 2023")."""
    value: DateValue | DateInterval
    """What the gold format says it denotes."""
    published: dt.date | None = None
    """The publication date the value depends on, for relative and year-less
    expressions; ``None`` when the expression stands on its own."""

    @property
    def granularity(self) -> Granularity:
        """Day, month or year: the granularity of the value (its start, for intervals)."""
        return self.value.granularity

    @property
    def relative(self) -> bool:
        """Whether the value depends on the publication date."""
        return self.published is not None


def _day_forms(day: dt.date) -> tuple[str, ...]:
    month = _MONTHS[day.month - 1]
    abbr = _MONTH_ABBREVIATIONS[day.month - 1]
    return (
        f"{day.day} {month} {day.year}",
        f"{month} {day.day}, {day.year}",
        f"{abbr} {day.day}, {day.year}",
        f"{_ordinal(day.day)} {month} {day.year}",
        day.isoformat(),
    )


@st.composite
def _absolute_dates(draw: st.DrawFn, days: st.SearchStrategy[dt.date]) -> DateExpression:
    day = draw(days)
    month = _MONTHS[day.month - 1]
    kind = draw(st.sampled_from(("day", "month", "year", "day-range", "year-range")))
    if kind == "day":
        return DateExpression(
            text=draw(st.sampled_from(_day_forms(day))), value=DateValue.from_date(day)
        )
    if kind == "month":
        return DateExpression(text=f"{month} {day.year}", value=DateValue(day.year, day.month))
    if kind == "year":
        return DateExpression(text=str(day.year), value=DateValue(day.year))
    dash = draw(st.sampled_from(("-", "\u2013")))
    if kind == "day-range":
        last = (DateValue(day.year, day.month).last_day()).day
        if day.day == last:
            return DateExpression(text=f"{month} {day.year}", value=DateValue(day.year, day.month))
        end = draw(st.integers(day.day + 1, last))
        text = draw(
            st.sampled_from(
                (
                    f"{day.day}{dash}{end} {month} {day.year}",
                    f"{month} {day.day}{dash}{end}, {day.year}",
                )
            )
        )
        value = DateInterval(
            DateValue(day.year, day.month, day.day), DateValue(day.year, day.month, end)
        )
        return DateExpression(text=text, value=value)
    if day.year >= _MAX_DATE.year:
        return DateExpression(text=str(day.year), value=DateValue(day.year))
    end_year = draw(st.integers(day.year + 1, min(day.year + 10, _MAX_DATE.year)))
    return DateExpression(
        text=f"{day.year}{dash}{end_year}",
        value=DateInterval(DateValue(day.year), DateValue(end_year)),
    )


@st.composite
def _relative_dates(draw: st.DrawFn, published: dt.date) -> DateExpression:
    kind = draw(st.sampled_from(("yesterday", "year", "month", "ago", "yearless")))
    if kind == "yesterday" and published > dt.date(1, 1, 2):
        day = published - dt.timedelta(days=1)
        return DateExpression(text="yesterday", value=DateValue.from_date(day), published=published)
    if kind == "year" and 1 < published.year < 9999:  # noqa: PLR2004
        step = draw(st.sampled_from((-1, 1)))
        word = "last" if step < 0 else "next"
        return DateExpression(
            text=f"{word} year", value=DateValue(published.year + step), published=published
        )
    if kind == "month" and 1 < published.year < 9999:  # noqa: PLR2004
        step = draw(st.sampled_from((-1, 1)))
        index = published.year * 12 + published.month - 1 + step
        word = "last" if step < 0 else "next"
        return DateExpression(
            text=f"{word} month",
            value=DateValue(index // 12, index % 12 + 1),
            published=published,
        )
    if kind == "ago" and published.year > len(_NUMBER_WORDS) + 1:
        years = draw(st.integers(2, len(_NUMBER_WORDS) + 1))
        return DateExpression(
            text=f"{_NUMBER_WORDS[years - 2]} years ago",
            value=DateValue(published.year - years),
            published=published,
        )
    # A day without a year takes the year that places it nearest to the
    # publication date; within 150 days that year is never in doubt.
    offset = draw(st.integers(-150, 150))
    try:
        day = published + dt.timedelta(days=offset)
    except OverflowError:
        day = published
    month = _MONTHS[day.month - 1]
    text = draw(st.sampled_from((f"{day.day} {month}", f"{month} {day.day}")))
    return DateExpression(text=text, value=DateValue.from_date(day), published=published)


def date_expressions(
    *,
    dates: st.SearchStrategy[dt.date] | None = None,
    published: st.SearchStrategy[dt.date] | None = None,
) -> st.SearchStrategy[DateExpression]:
    """Return date expressions as news text writes them, each with its true value.

    Absolute forms: "26 December 2023", "December 26, 2023", "Dec. 26, 2023",
    "26th December 2023", "2023-12-26", "December 2023", "2023", day ranges
    ("25-29 December 2023" -> ``2023-12-25/2023-12-29``) and year ranges
    ("2019-2021" -> ``2019/2021``).

    With ``published``, relative and year-less forms are drawn too:
    "yesterday", "last year", "next month", "three years ago", "26 December",
    each resolved against the drawn publication date (kept in
    :attr:`DateExpression.published`).

    Args:
        dates: the calendar days absolute expressions are drawn around
            (default 1950 to 2099).
        published: publication dates; ``None`` (the default) draws only
            absolute expressions.
    """
    _check_strategy("dates", dates)
    _check_strategy("published", published)
    absolute = _absolute_dates(_or(dates, st.dates(_MIN_DATE, _MAX_DATE)))
    if published is None:
        return absolute
    return st.one_of(absolute, published.flatmap(_relative_dates))


# -------------------------------------------------------------------- money


@attrs.frozen(kw_only=True)
class MoneyExpression:
    """An amount of money as news text writes it, with the value it denotes."""

    text: str
    """The expression ("$1.2bn", "Rs 5,000 crore", "more than 40 million euros")."""
    value: Money
    """The currency and the low and high amounts in units of the currency."""
    bound: MoneyBound = MoneyBound.EXACT
    """Exact, a range, or a lower or upper bound only."""


def _format_number(number: Decimal) -> str:
    whole = int(number)
    fraction = number - whole
    text = f"{whole:,}"
    if fraction:
        text += str(fraction.normalize())[1:]
    return text


@st.composite
def _money(
    draw: st.DrawFn, currencies: st.SearchStrategy[str], bounds: st.SearchStrategy[MoneyBound]
) -> MoneyExpression:
    currency = draw(currencies)
    forms = _CURRENCY_FORMS.get(currency, ((f"{currency} ", ""),))
    prefix, suffix = draw(st.sampled_from(forms))
    scales = _SCALES + (_INDIAN_SCALES if currency == "INR" else ())
    if suffix:
        # Neither "12m US dollars" nor "12 m US dollars" is how anyone writes it.
        scales = tuple(s for s in scales if not s[2])
    word, multiplier, joined = draw(st.sampled_from(scales))
    if multiplier == 1:
        low = Decimal(draw(st.integers(1, 999_999_999)))
    else:
        low = Decimal(draw(st.integers(1, 99_999))) / Decimal(draw(st.sampled_from((1, 10, 100))))
        low = _whole(max(low, Decimal(1)))
    bound = draw(bounds)
    scale = word if joined or not word else f" {word}"
    text = f"{prefix}{_format_number(low)}{scale}{suffix}"
    amount = _whole(low * multiplier)
    if bound is MoneyBound.RANGE:
        high = low + Decimal(draw(st.integers(1, 500)))
        dash = draw(st.sampled_from(("-", "\u2013")))
        text = f"{prefix}{_format_number(low)}{dash}{_format_number(high)}{scale}{suffix}"
        value = Money(currency=currency, low=amount, high=_whole(high * multiplier))
    elif bound is MoneyBound.LOWER:
        text = f"{draw(st.sampled_from(('over', 'more than', 'at least')))} {text}"
        value = Money(currency=currency, low=amount, high=None)
    elif bound is MoneyBound.UPPER:
        text = f"{draw(st.sampled_from(('up to', 'less than', 'at most')))} {text}"
        value = Money(currency=currency, low=None, high=amount)
    else:
        value = Money.exact(amount, currency)
    return MoneyExpression(text=text, value=value, bound=bound)


def money_expressions(
    *,
    currencies: st.SearchStrategy[str] | None = None,
    bounds: st.SearchStrategy[MoneyBound] | None = None,
) -> st.SearchStrategy[MoneyExpression]:
    """Return money expressions as news text writes them, each with its true value.

    Forms: a sign or code before the number ("$", "US$", "Rs", "\u20b9", "\u20ac",
    "\u00a3", "USD ") or a currency word after it ("US dollars", "rupees", "yen"),
    optional thousands separators and decimals, scale words spaced or joined
    ("5 billion", "$1.2bn", "$40m", "Rs 5,000 crore", "2 lakh rupees"),
    ranges ("$12-14 billion": low and high) and bounds ("over $5 billion":
    low only; "up to $5 billion": high only). Values are :class:`~decimal.Decimal`
    in units of the currency, scale words multiplied out.

    Args:
        currencies: ISO 4217 codes (default :data:`CURRENCIES`; other codes
            are written as the code before the number).
        bounds: which :class:`~bilatx.MoneyBound` kinds to draw (default all).
    """
    _check_strategy("currencies", currencies)
    _check_strategy("bounds", bounds)
    return _money(
        _or(currencies, st.sampled_from(CURRENCIES)), _or(bounds, st.sampled_from(MoneyBound))
    )


def amounts(*, currencies: st.SearchStrategy[str | None] | None = None) -> st.SearchStrategy[Money]:
    """Return :class:`~bilatx.Money` values: exact amounts, ranges and one-sided bounds.

    Args:
        currencies: ISO 4217 codes or ``None`` (default :data:`CURRENCIES` and ``None``).
    """
    _check_strategy("currencies", currencies)
    codes = _or(currencies, st.one_of(st.none(), st.sampled_from(CURRENCIES)))
    numbers = st.decimals(min_value=0, max_value=10**13, places=2).map(_whole)

    @st.composite
    def draw_money(draw: st.DrawFn) -> Money:
        code = draw(codes)
        low, high = sorted((draw(numbers), draw(numbers)))
        kind = draw(st.sampled_from(MoneyBound))
        if kind is MoneyBound.EXACT:
            return Money.exact(low, code)
        if kind is MoneyBound.LOWER:
            return Money(currency=code, low=low)
        if kind is MoneyBound.UPPER:
            return Money(currency=code, high=high)
        return Money(currency=code, low=low, high=high)

    return draw_money()


# ---------------------------------------------------------------- officials


def _names() -> st.SearchStrategy[str]:
    given = st.sampled_from(_GIVEN_NAMES)
    surname = st.sampled_from(_SURNAMES)
    initial = st.sampled_from("ABDEKLMNRST").map(lambda c: f"{c}.")
    return st.one_of(
        st.tuples(given, surname),
        st.tuples(initial, surname),
        st.tuples(given, initial, surname),
    ).map(" ".join)


def officials(
    *,
    names: st.SearchStrategy[str] | None = None,
    titles: st.SearchStrategy[str | None] | None = None,
    countries: st.SearchStrategy[str | None] | None = None,
    honorifics: st.SearchStrategy[str | None] | None = None,
) -> st.SearchStrategy[Official]:
    """Return :class:`~bilatx.Official` s with invented names.

    The surname is the last word of the name. Names are drawn from invented
    given names and surnames ("Lena Voss", "R. Iyer", "Kwame A. Mensah") that
    are neither months nor ordinary words.

    Args:
        names: full names, without honorifics.
        titles: titles of office, or ``None`` (default :data:`TITLES`).
        countries: ISO 3166-1 alpha-3 codes, or ``None`` (default :data:`COUNTRIES`).
        honorifics: "Dr." and the like, or ``None`` (default mostly ``None``).
    """
    for name, value in (
        ("names", names),
        ("titles", titles),
        ("countries", countries),
        ("honorifics", honorifics),
    ):
        _check_strategy(name, value)
    return st.builds(
        lambda name, title, country, honorific: Official(
            name=name,
            surname=name.split()[-1],
            title=title,
            country=country,
            honorific=honorific,
        ),
        _or(names, _names()),
        _or(titles, st.one_of(st.none(), st.sampled_from(TITLES))),
        _or(countries, st.one_of(st.none(), st.sampled_from(COUNTRIES))),
        _or(honorifics, st.one_of(st.none(), st.none(), st.sampled_from(("Dr.", "Mr", "Ms")))),
    )


_officials = officials  # annotated_texts() has an argument of the same name


# ---------------------------------------------------------------- documents


def _tricky_texts() -> st.SearchStrategy[str]:
    token = st.one_of(st.sampled_from(_TRICKY_TOKENS), st.text(max_size=3))
    return st.lists(st.tuples(token, st.sampled_from((" ", "", " ", "\n"))), max_size=40).map(
        lambda parts: "".join(t + sep for t, sep in parts)
    )


def documents(
    *,
    texts: st.SearchStrategy[str] | None = None,
    published: st.SearchStrategy[dt.date | None] | None = None,
    ids: st.SearchStrategy[str | None] | None = None,
) -> st.SearchStrategy[Document]:
    """Return :class:`~bilatx.Document` s that :meth:`bilatx.Pipeline.extract` accepts.

    The default texts mix arbitrary Unicode, token soups built to trip
    extractors (currency signs next to digits, stray quotation marks, "May"
    and "Dr." at odd places) and realistic generated news text.

    Args:
        texts: the document texts.
        published: publication dates, or ``None`` (default: either).
        ids: document ids, or ``None`` (default: either).
    """
    _check_strategy("texts", texts)
    _check_strategy("published", published)
    _check_strategy("ids", ids)
    default_texts = st.one_of(st.text(), _tricky_texts(), annotated_texts().map(lambda a: a.text))
    return st.builds(
        lambda text, day, doc_id: Document(text=text, published=day, id=doc_id),
        _or(texts, default_texts),
        _or(published, st.one_of(st.none(), st.dates(dt.date(1990, 1, 1), dt.date(2040, 12, 31)))),
        _or(
            ids,
            st.one_of(
                st.none(),
                st.text("abcdefghijklmnopqrstuvwxyz0123456789_-", min_size=1, max_size=20),
            ),
        ),
    )


# ------------------------------------------------------------------ records


def _extractors() -> st.SearchStrategy[str]:
    return st.sampled_from(("records", "bilatx-example", "my_plugin"))


def _cities() -> st.SearchStrategy[str]:
    return st.sampled_from(sorted(capital for _, _, capital in _COUNTRIES.values()))


def _ordered_pair(
    values: st.SearchStrategy[DateValue],
) -> st.SearchStrategy[tuple[DateValue | None, DateValue | None]]:
    def order(pair: tuple[DateValue, DateValue]) -> tuple[DateValue, DateValue]:
        a, b = sorted(pair, key=lambda v: (v.first_day(), v.last_day()))
        return a, b

    return st.one_of(
        st.tuples(st.none(), st.none()),
        st.tuples(values, st.none()),
        st.tuples(values, values).map(order),
    )


def visits(
    *,
    visitors: st.SearchStrategy[Official] | None = None,
    countries: st.SearchStrategy[str] | None = None,
    dates: st.SearchStrategy[DateValue] | None = None,
) -> st.SearchStrategy[Visit]:
    """Return valid :class:`~bilatx.Visit` s (an end never before the start).

    Args:
        visitors: who travels.
        countries: origin and host codes (drawn distinct when possible).
        dates: start and end values (default :func:`date_values`).
    """
    _check_strategy("visitors", visitors)
    _check_strategy("countries", countries)
    _check_strategy("dates", dates)
    codes = _or(countries, st.sampled_from(COUNTRIES))

    @st.composite
    def draw_visit(draw: st.DrawFn) -> Visit:
        origin = draw(st.one_of(st.none(), codes))
        host = draw(st.one_of(st.none(), codes.filter(lambda c: c != origin) if origin else codes))
        start, end = draw(_ordered_pair(_or(dates, date_values())))
        return Visit(
            visitor=draw(_or(visitors, officials())),
            origin=origin,
            host=host,
            start=start,
            end=end,
            places=tuple(draw(st.lists(_cities(), max_size=2, unique=True))),
            status=draw(st.one_of(st.none(), st.sampled_from(VisitStatus))),
            sectors=tuple(draw(st.lists(st.sampled_from(SECTORS), max_size=3, unique=True))),
            evidence=tuple(draw(st.lists(spans(), max_size=3))),
            extractor=draw(_extractors()),
        )

    return draw_visit()


def meetings(
    *,
    participants: st.SearchStrategy[Official] | None = None,
    dates: st.SearchStrategy[DateValue] | None = None,
) -> st.SearchStrategy[Meeting]:
    """Return valid :class:`~bilatx.Meeting` s: two to four participants with distinct surnames.

    Args:
        participants: the officials who meet.
        dates: the meeting date (default :func:`date_values`, or none).
    """
    _check_strategy("participants", participants)
    _check_strategy("dates", dates)

    @st.composite
    def draw_meeting(draw: st.DrawFn) -> Meeting:
        people = draw(
            st.lists(
                _or(participants, officials()),
                min_size=2,
                max_size=4,
                unique_by=lambda p: p.surname.casefold(),
            )
        )
        return Meeting(
            participants=tuple(people),
            date=draw(st.one_of(st.none(), _or(dates, date_values()))),
            place=draw(st.one_of(st.none(), _cities())),
            form=draw(st.one_of(st.none(), st.sampled_from(MeetingForm))),
            topics=tuple(draw(st.lists(st.sampled_from(SECTORS), max_size=3, unique=True))),
            evidence=tuple(draw(st.lists(spans(), max_size=3))),
            extractor=draw(_extractors()),
        )

    return draw_meeting()


def _sentences() -> st.SearchStrategy[str]:
    # A sentence never ends in "a.", which reads as an initial, not as an end.
    last_words = st.sampled_from([w for w in _FILLER_WORDS if len(w) > 1])
    return st.tuples(
        st.lists(st.sampled_from(_FILLER_WORDS), min_size=2, max_size=11), last_words
    ).map(lambda t: " ".join([t[0][0].capitalize(), *t[0][1:], t[1]]) + ".")


def statements(
    *,
    speakers: st.SearchStrategy[Official] | None = None,
    quotes: st.SearchStrategy[str] | None = None,
    channels: st.SearchStrategy[str | None] | None = None,
) -> st.SearchStrategy[Statement]:
    """Return valid :class:`~bilatx.Statement` s.

    Args:
        speakers: who is quoted.
        quotes: the quoted words (non-blank).
        channels: where it was said, or ``None`` (default :data:`CHANNELS` or ``None``).
    """
    _check_strategy("speakers", speakers)
    _check_strategy("quotes", quotes)
    _check_strategy("channels", channels)

    @st.composite
    def draw_statement(draw: st.DrawFn) -> Statement:
        quote = draw(_or(quotes, _sentences()).filter(str.strip))
        return Statement(
            speaker=draw(_or(speakers, officials())),
            quote=quote,
            quote_span=draw(spans(min_size=len(quote), max_size=len(quote))),
            channel=draw(_or(channels, st.one_of(st.none(), st.sampled_from(CHANNELS)))),
            date=draw(st.one_of(st.none(), date_values())),
            evidence=tuple(draw(st.lists(spans(), max_size=2))),
            extractor=draw(_extractors()),
        )

    return draw_statement()


def trade_figures(
    *,
    money: st.SearchStrategy[MoneyExpression] | None = None,
    countries: st.SearchStrategy[str] | None = None,
    periods: st.SearchStrategy[DateValue | DateInterval | None] | None = None,
) -> st.SearchStrategy[TradeFigure]:
    """Return valid :class:`~bilatx.TradeFigure` s.

    Args:
        money: the amounts as written (default :func:`money_expressions`).
        countries: partner codes.
        periods: the period the figure refers to (default a year, a range of
            years, or ``None``).
    """
    _check_strategy("money", money)
    _check_strategy("countries", countries)
    _check_strategy("periods", periods)
    codes = _or(countries, st.sampled_from(COUNTRIES))
    default_periods = st.one_of(
        st.none(),
        date_values(granularities=st.just(Granularity.YEAR)),
        date_intervals(values=date_values(granularities=st.just(Granularity.YEAR))),
    )

    @st.composite
    def draw_figure(draw: st.DrawFn) -> TradeFigure:
        expr = draw(_or(money, money_expressions()))
        span = draw(spans(min_size=len(expr.text), max_size=len(expr.text)))
        trend = None
        if draw(st.booleans()):
            trend = TradeTrend(
                direction=draw(st.sampled_from(("increase", "decrease", "change"))),
                earlier=draw(spans()),
                later=span,
            )
        return TradeFigure(
            money=expr.value,
            span=span,
            text=expr.text,
            metric=draw(
                st.one_of(
                    st.none(),
                    st.sampled_from(
                        ("trade", "exports", "imports", "investment", "aid", "deal", "deficit")
                    ),
                )
            ),
            partners=tuple(draw(st.lists(codes, max_size=2, unique=True))),
            period=draw(_or(periods, default_periods)),
            trend=trend,
            evidence=tuple(draw(st.lists(spans(), max_size=2))),
            extractor=draw(_extractors()),
        )

    return draw_figure()


# ----------------------------------------------------------- annotated texts


@attrs.frozen(kw_only=True)
class AnnotatedText:
    """A generated text and every mention it truly contains, at its exact span.

    Six kinds are listed: dates, money, officials, places (countries and
    demonyms), sectors and quotations. Officials' spans cover the name ("Lena
    Voss"), not the title or demonym before it; the demonym is a place
    mention of its own. A place's span covers the name without "the" ("United
    States"). A quotation's span covers its marks; its ``speaker`` is the
    speaker's name and its ``channel`` one of :data:`CHANNELS` (or what the
    ``quotes`` option gave). Every mention's ``extractor`` is
    :data:`EXPECTED_EXTRACTOR`.
    """

    text: str
    published: dt.date | None = None
    mentions: tuple[Mention, ...] = ()
    """Every mention of the six kinds, sorted by position."""

    def document(self, doc_id: str | None = None) -> Document:
        """Return the text as a :class:`~bilatx.Document` with its publication date."""
        return Document(text=self.text, published=self.published, id=doc_id)

    @property
    def dates(self) -> tuple[DateMention, ...]:
        """The date mentions the text contains."""
        return tuple(m for m in self.mentions if isinstance(m, DateMention))

    @property
    def money(self) -> tuple[MoneyMention, ...]:
        """The money mentions the text contains."""
        return tuple(m for m in self.mentions if isinstance(m, MoneyMention))

    @property
    def officials(self) -> tuple[OfficialMention, ...]:
        """The official mentions the text contains."""
        return tuple(m for m in self.mentions if isinstance(m, OfficialMention))

    @property
    def places(self) -> tuple[PlaceMention, ...]:
        """The place mentions (countries and demonyms) the text contains."""
        return tuple(m for m in self.mentions if isinstance(m, PlaceMention))

    @property
    def sectors(self) -> tuple[SectorMention, ...]:
        """The sector mentions the text contains."""
        return tuple(m for m in self.mentions if isinstance(m, SectorMention))

    @property
    def quotes(self) -> tuple[QuoteMention, ...]:
        """The quotations the text contains, each with its speaker and channel."""
        return tuple(m for m in self.mentions if isinstance(m, QuoteMention))


class _Builder:
    """Appends pieces of text and records the spans of the mentions among them."""

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.size = 0
        self.mentions: list[Mention] = []

    def add(self, piece: str) -> Span:
        span = Span(self.size, self.size + len(piece))
        self.parts.append(piece)
        self.size += len(piece)
        return span


def _date_sentence(b: _Builder, expr: DateExpression, published: dt.date | None) -> None:
    if expr.published is not None and expr.published != published:
        msg = (
            f"the date expression {expr.text!r} is relative to {expr.published}, but the "
            f"text is published {published}; pass published= to annotated_texts and leave "
            "dates= to its default, or draw only absolute dates"
        )
        raise InvalidArgument(msg)
    if expr.relative:
        lead = "The delegations met "
    elif expr.granularity is Granularity.DAY:
        lead = "The delegations met on "
    else:
        lead = "The delegations met in "
    b.add(lead)
    span = b.add(expr.text)
    b.add(".")
    b.mentions.append(
        DateMention(
            span=span,
            text=expr.text,
            value=expr.value,
            granularity=expr.granularity,
            relative=expr.relative,
            base=expr.published,
            rule="expected",
            extractor=EXPECTED_EXTRACTOR,
        )
    )


def _money_sentence(b: _Builder, expr: MoneyExpression) -> None:
    b.add("The agreement is worth ")
    span = b.add(expr.text)
    b.add(".")
    b.mentions.append(
        MoneyMention(
            span=span,
            text=expr.text,
            value=expr.value,
            bound=expr.bound,
            rule="expected",
            extractor=EXPECTED_EXTRACTOR,
        )
    )


def _add_place(b: _Builder, code: str, kind: PlaceKind, *, capital: bool) -> None:
    """Write a country's name (with "the" where it takes one) or demonym, as a mention."""
    if code not in _COUNTRIES:
        msg = f"places= must draw codes of COUNTRIES, which the strategies can write; got {code!r}"
        raise InvalidArgument(msg)
    full, demonym, _ = _COUNTRIES[code]
    name = full.removeprefix("the ")
    if kind is PlaceKind.DEMONYM:
        written = demonym
    else:
        written = name
        if full != name:
            b.add("The " if capital else "the ")
    span = b.add(written)
    b.mentions.append(
        PlaceMention(
            span=span,
            text=written,
            name=name,
            kind=kind,
            country=code,
            rule="expected",
            extractor=EXPECTED_EXTRACTOR,
        )
    )


def _add_official(b: _Builder, person: Official) -> Span:
    """Write "[demonym] [title] [honorific] name", recording the official and the demonym."""
    country = person.country if person.country in _COUNTRIES else None
    if country:
        _add_place(b, country, PlaceKind.DEMONYM, capital=True)
        b.add(" ")
    words = [w for w in (person.title, person.honorific) if w]
    if words:
        b.add(" ".join(words) + " ")
    span = b.add(person.name)
    b.mentions.append(
        OfficialMention(
            span=span,
            text=person.name,
            name=person.name,
            surname=person.surname,
            title=person.title,
            country=country,
            honorific=person.honorific,
            rule="expected",
            extractor=EXPECTED_EXTRACTOR,
        )
    )
    return span


def _official_sentence(b: _Builder, person: Official) -> None:
    _add_official(b, person)
    b.add(" attended the talks.")


def _place_sentence(draw: st.DrawFn, b: _Builder, code: str) -> None:
    form = draw(st.sampled_from(("from", "with", "subject", "demonym", "demonym-subject")))
    if form == "from":
        b.add("A delegation from ")
        _add_place(b, code, PlaceKind.COUNTRY, capital=False)
        b.add(" joined the talks.")
    elif form == "with":
        b.add("Relations with ")
        _add_place(b, code, PlaceKind.COUNTRY, capital=False)
        b.add(" were on the agenda.")
    elif form == "subject":
        _add_place(b, code, PlaceKind.COUNTRY, capital=True)
        b.add(" welcomed the outcome.")
    elif form == "demonym":
        b.add("The ")
        _add_place(b, code, PlaceKind.DEMONYM, capital=False)
        b.add(" delegation arrived.")
    else:
        _add_place(b, code, PlaceKind.DEMONYM, capital=True)
        b.add(" officials welcomed the outcome.")


def _sector_sentence(draw: st.DrawFn, b: _Builder, sector: str) -> None:
    if sector not in _SECTOR_PHRASES:
        msg = f"sectors= must draw ids of SECTORS, whose phrases the strategies know: {sector!r}"
        raise InvalidArgument(msg)
    phrase = draw(st.sampled_from(_SECTOR_PHRASES[sector]))
    first, second = draw(st.lists(st.sampled_from(COUNTRIES), min_size=2, max_size=2, unique=True))
    # Areas of cooperation are areas between countries: every frame names two.
    frame = draw(st.sampled_from(("agreed", "discussed", "signed", "between")))
    kind = PlaceKind.DEMONYM if frame == "signed" else PlaceKind.COUNTRY
    if frame == "between":
        b.add("Cooperation in ")
    else:
        _add_place(b, first, kind, capital=True)
        b.add(" and ")
        _add_place(b, second, kind, capital=False)
        b.add(
            {
                "agreed": " agreed to deepen cooperation in ",
                "discussed": " discussed ",
                "signed": " officials signed an agreement on ",
            }[frame]
        )
    span = b.add(phrase)
    if frame == "between":
        b.add(" between ")
        _add_place(b, first, kind, capital=False)
        b.add(" and ")
        _add_place(b, second, kind, capital=False)
        b.add(" was on the agenda")
    b.add(".")
    b.mentions.append(
        SectorMention(
            span=span, text=phrase, sector=sector, rule="expected", extractor=EXPECTED_EXTRACTOR
        )
    )


# How each channel of CHANNELS is written after the reporting verb; the span
# of the channel covers the label ("X", "press conference").
_CHANNEL_LEADS: Final = {
    "X": " in a post on ",
    "Twitter": " on ",
    "press conference": " at a ",
    "joint statement": " in a ",
    "interview": " in an ",
}
_QUOTE_MARKS: Final = ('"', "\u201c", "\u201d")


def _quote_sentence(draw: st.DrawFn, b: _Builder, statement: Statement) -> None:
    quote = statement.quote.strip()
    if any(mark in quote for mark in _QUOTE_MARKS) or not any(c.isalnum() for c in quote):
        msg = (
            "a quotation drawn for quotes= needs a word and no double quotation marks, "
            f"got {quote!r}"
        )
        raise InvalidArgument(msg)
    form = draw(st.sampled_from(("speaker-first", "speaker-after", "verb-first")))
    left, right = draw(st.sampled_from((('"', '"'), ("\u201c", "\u201d"))))
    verb = draw(st.sampled_from(("said", "stressed")))
    channel = statement.channel
    channel_span: Span | None = None

    def add_channel() -> None:
        nonlocal channel_span
        if channel is not None:
            b.add(_CHANNEL_LEADS.get(channel, " on "))
            channel_span = b.add(channel)

    if form != "speaker-first":
        # A quotation before its attribution ends in a comma inside the marks.
        if quote[-1] == ".":
            quote = quote[:-1]
        if quote[-1] not in "?!":
            quote += ","
    if form == "speaker-first":
        speaker_span = _add_official(b, statement.speaker)
        b.add(f" {verb}")
        add_channel()
        b.add(": ")
    start = b.add(left).start
    quote_span = b.add(quote)
    end = b.add(right).end
    if form == "speaker-after":
        b.add(" ")
        speaker_span = _add_official(b, statement.speaker)
        b.add(f" {verb}")
        add_channel()
    elif form == "verb-first":
        b.add(f" {verb} ")
        speaker_span = _add_official(b, statement.speaker)
        add_channel()
    if form != "speaker-first" or quote[-1] not in ".?!":
        b.add(".")
    span = Span(start, end)
    b.mentions.append(
        QuoteMention(
            span=span,
            text="".join(b.parts)[start:end],
            quote=quote,
            quote_span=quote_span,
            speaker=statement.speaker.name,
            speaker_span=speaker_span,
            channel=channel,
            channel_span=channel_span,
            rule="expected",
            extractor=EXPECTED_EXTRACTOR,
        )
    )


def _statements(speakers: st.SearchStrategy[Official]) -> st.SearchStrategy[Statement]:
    """Statements to quote: built with tuples, so that no speaker means no statement."""
    return st.tuples(speakers, _sentences(), st.one_of(st.none(), st.sampled_from(CHANNELS))).map(
        lambda t: Statement(
            speaker=t[0],
            quote=t[1],
            quote_span=Span(0, len(t[1])),
            channel=t[2],
            extractor=EXPECTED_EXTRACTOR,
        )
    )


def annotated_texts(
    *,
    dates: st.SearchStrategy[DateExpression] | None = None,
    money: st.SearchStrategy[MoneyExpression] | None = None,
    officials: st.SearchStrategy[Official] | None = None,
    places: st.SearchStrategy[str] | None = None,
    sectors: st.SearchStrategy[str] | None = None,
    quotes: st.SearchStrategy[Statement] | None = None,
    published: st.SearchStrategy[dt.date | None] | None = None,
    filler: st.SearchStrategy[str] | None = None,
    max_facts: int = 6,
) -> st.SearchStrategy[AnnotatedText]:
    """Return generated news-like texts together with the mentions they truly contain.

    Each drawn fact becomes a sentence, with filler sentences between them:

    * a date: "The delegations met on 26 December 2023.";
    * an amount: "The agreement is worth $1.2bn.";
    * an official: "Indian Foreign Minister Lena Voss attended the talks.";
    * a place: "A delegation from Kenya joined the talks.", "The Japanese
      delegation arrived.";
    * a sector: "India and Brazil agreed to deepen cooperation in renewable
      energy.", "Cooperation in tourism between Egypt and Japan was on the
      agenda.";
    * a quotation, with its speaker and channel: ``Foreign Minister Lena Voss
      said in an interview: "Progress was made."``, ``\u201cTalks went
      well,\u201d said Mei Takeda at a press conference.``

    :attr:`AnnotatedText.mentions` lists every mention of the six kinds in the
    text, including those a fact's sentence brings with it: the demonym
    before an official's title is a place, the two countries of a sector's
    sentence are places, and a quotation's speaker is an official. Use it to
    test recall (every expected mention should be found, with its value) and
    precision (nothing else should be found).

    Args:
        dates: date expressions (default :func:`date_expressions`, with
            relative ones resolved against the text's publication date).
        money: money expressions (default :func:`money_expressions`).
        officials: officials (default :func:`bilatx.strategies.officials`
            with a title from :data:`TITLES`); also the speakers of the
            default quotations. An official without a title is written as
            the bare name, which tells no reader that its bearer holds an
            office: good for precision tests, not for recall.
        places: codes of :data:`COUNTRIES` to name, each written as the
            country's name or its demonym (default: any of them).
        sectors: ids of :data:`SECTORS`, each written as a phrase that names
            it ("oil and gas" for ``energy``) in a sentence naming two
            countries (default: any of them).
        quotes: statements to quote: only their speaker, quote and channel
            are written (default :func:`statements` with speakers drawn from
            ``officials`` and channels from :data:`CHANNELS` or none). The
            quote must hold no double quotation marks; a channel outside
            :data:`CHANNELS` is written "said on <channel>".
        published: the text's publication date, or ``None``.
        filler: sentences put between facts. They must contain no mention of
            the six kinds themselves, or the expected mentions are no longer
            the whole truth; the default filler is built for that.
            ``st.nothing()`` writes the facts alone.
        max_facts: the most facts in one text.

    Pass :func:`hypothesis.strategies.nothing` for a kind to leave its facts
    out: ``annotated_texts(dates=st.nothing(), money=st.nothing())`` draws
    texts without dates or amounts. Leaving out ``officials`` also leaves out
    the default quotations, whose speakers are officials.

    Raises:
        hypothesis.errors.InvalidArgument: an option is not a strategy,
            ``max_facts`` is negative, or a drawn place, sector, quotation or
            relative date cannot be written truthfully (the message says which).
    """
    for name, value in (
        ("dates", dates),
        ("money", money),
        ("officials", officials),
        ("places", places),
        ("sectors", sectors),
        ("quotes", quotes),
        ("published", published),
        ("filler", filler),
    ):
        _check_strategy(name, value)
    if max_facts < 0:
        msg = f"max_facts must be 0 or more, got {max_facts}"
        raise InvalidArgument(msg)
    # A bare name does not say that its bearer holds an office, so the
    # default officials all have a title.
    people = _or(officials, _officials(titles=st.sampled_from(TITLES)))
    amounts_ = _or(money, money_expressions())
    codes = _or(places, st.sampled_from(COUNTRIES))
    sector_ids = _or(sectors, st.sampled_from(SECTORS))
    statements_ = _or(quotes, _statements(people))
    # From 1992: before it "roubles" are Soviet roubles (SUR), and a default
    # text must mean what the money strategy says it means (RUB).
    days = _or(
        published, st.one_of(st.none(), st.dates(dt.date(1992, 1, 1), dt.date(2040, 12, 31)))
    )
    sentences = _or(filler, _sentences())
    # st.nothing() as filler: facts only, one after another.
    fillers = st.just([]) if sentences.is_empty else st.lists(sentences, max_size=2)

    @st.composite
    def draw_text(draw: st.DrawFn) -> AnnotatedText:
        day = draw(days)
        if dates is not None:
            date_strategy = dates
        elif day is None:
            date_strategy = date_expressions()
        else:
            date_strategy = date_expressions(published=st.just(day))
        # Empty options drop out of one_of, which is how st.nothing() leaves a kind out.
        kinds = st.one_of(
            date_strategy.map(lambda e: ("date", e)),
            amounts_.map(lambda e: ("money", e)),
            people.map(lambda e: ("official", e)),
            codes.map(lambda e: ("place", e)),
            sector_ids.map(lambda e: ("sector", e)),
            statements_.map(lambda e: ("quote", e)),
        )
        facts = [] if kinds.is_empty else draw(st.lists(kinds, max_size=max_facts))
        b = _Builder()
        for kind, fact in facts:
            for sentence in draw(fillers):
                b.add(sentence)
                b.add(draw(st.sampled_from((" ", " ", "\n\n"))))
            if kind == "date":
                assert isinstance(fact, DateExpression)  # noqa: S101  (narrowing for mypy)
                _date_sentence(b, fact, day)
            elif kind == "money":
                assert isinstance(fact, MoneyExpression)  # noqa: S101
                _money_sentence(b, fact)
            elif kind == "official":
                assert isinstance(fact, Official)  # noqa: S101
                _official_sentence(b, fact)
            elif kind == "place":
                assert isinstance(fact, str)  # noqa: S101
                _place_sentence(draw, b, fact)
            elif kind == "sector":
                assert isinstance(fact, str)  # noqa: S101
                _sector_sentence(draw, b, fact)
            else:
                assert isinstance(fact, Statement)  # noqa: S101
                _quote_sentence(draw, b, fact)
            b.add(" ")
        if not sentences.is_empty and draw(st.booleans()):
            b.add(draw(sentences))
        text = "".join(b.parts)
        return AnnotatedText(
            text=text,
            published=day,
            mentions=tuple(sorted(b.mentions, key=lambda m: m.span)),
        )

    return draw_text()
