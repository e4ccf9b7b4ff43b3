"""The value types of bilatx: spans, documents, mentions, records, extractions.

Every type is a frozen, slotted attrs class. Sequences inside them are tuples so
that every value is hashable and can be compared, sorted and merged. Invalid
values raise :class:`ValueError` (or :class:`TypeError`) at construction with a
message that says which field is wrong and why.
"""

from __future__ import annotations

import datetime as dt
import enum
import re
from collections.abc import Mapping
from decimal import Decimal, InvalidOperation
from types import MappingProxyType
from typing import TYPE_CHECKING, Any, Final, TypeAlias

import attrs

if TYPE_CHECKING:
    from collections.abc import Iterable, Iterator

__all__ = [
    "DateInterval",
    "DateMention",
    "DateValue",
    "Document",
    "DurationMention",
    "Extraction",
    "Granularity",
    "Meeting",
    "MeetingForm",
    "Mention",
    "Mentions",
    "Money",
    "MoneyBound",
    "MoneyMention",
    "Official",
    "OfficialMention",
    "PlaceKind",
    "PlaceMention",
    "PluginError",
    "QuoteMention",
    "Record",
    "SectorMention",
    "Source",
    "Span",
    "Statement",
    "TradeFigure",
    "TradeTrend",
    "Visit",
    "VisitStatus",
]

_CURRENCY_RE: Final = re.compile(r"[A-Z]{3}")
# ISO 3166-1 alpha-3 codes, or the short name of an organisation ("EU", "UN",
# "ASEAN") where the gold format allows one in place of a country.
_COUNTRY_RE: Final = re.compile(r"[A-Z]{2,6}")
_SECTOR_RE: Final = re.compile(r"[a-z][a-z0-9_]*")


# --------------------------------------------------------------------- helpers


def _to_decimal(value: object) -> Decimal:
    """Convert ``value`` to :class:`~decimal.Decimal`, refusing floats.

    Floats are refused because a money amount read from text must keep the
    digits the text gave; ``0.1 + 0.2`` is not an amount anybody wrote.
    """
    if isinstance(value, bool):
        msg = f"amount must be a Decimal, int or numeric string, not bool {value!r}"
        raise TypeError(msg)
    if isinstance(value, Decimal):
        result = value
    elif isinstance(value, int):
        result = Decimal(value)
    elif isinstance(value, str):
        try:
            result = Decimal(value.strip())
        except InvalidOperation:
            msg = f"amount {value!r} is not a number"
            raise ValueError(msg) from None
    elif isinstance(value, float):
        msg = f"amount {value!r} is a float; pass a Decimal, int or string so no digits are lost"
        raise TypeError(msg)
    else:
        msg = f"amount must be a Decimal, int or numeric string, not {type(value).__name__}"
        raise TypeError(msg)
    if not result.is_finite():
        msg = f"amount {value!r} is not finite"
        raise ValueError(msg)
    return result


def _to_optional_decimal(value: object) -> Decimal | None:
    return None if value is None else _to_decimal(value)


def _check_currency(_: object, attribute: attrs.Attribute[Any], value: str | None) -> None:
    if value is not None and not _CURRENCY_RE.fullmatch(value):
        msg = f"{attribute.name} {value!r} is not an ISO 4217 code (three capitals, e.g. 'USD')"
        raise ValueError(msg)


def _check_country(_: object, attribute: attrs.Attribute[Any], value: str | None) -> None:
    if value is not None and not _COUNTRY_RE.fullmatch(value):
        msg = (
            f"{attribute.name} {value!r} is not an ISO 3166-1 alpha-3 code "
            "(e.g. 'IND') or an organisation's short name (e.g. 'EU')"
        )
        raise ValueError(msg)


def _check_countries(obj: object, attribute: attrs.Attribute[Any], value: tuple[str, ...]) -> None:
    for code in value:
        _check_country(obj, attribute, code)


def _check_sector(_: object, attribute: attrs.Attribute[Any], value: str) -> None:
    if not _SECTOR_RE.fullmatch(value):
        msg = f"{attribute.name} {value!r} is not a sector id (lower case, digits, '_')"
        raise ValueError(msg)


def _check_sectors(obj: object, attribute: attrs.Attribute[Any], value: tuple[str, ...]) -> None:
    for sector in value:
        _check_sector(obj, attribute, sector)


def _nonempty(_: object, attribute: attrs.Attribute[Any], value: str) -> None:
    if not value.strip():
        msg = f"{attribute.name} must not be empty"
        raise ValueError(msg)


def _to_tuple(value: Iterable[Any]) -> tuple[Any, ...]:
    return tuple(value)


def _tuple_of_spans(value: Iterable[Span]) -> tuple[Span, ...]:
    # The same order as Span's own, without attrs' slower generated comparisons.
    return tuple(sorted(set(value), key=lambda s: (s.start, s.end)))


# ------------------------------------------------------------------ positions


@attrs.frozen(order=True)
class Span:
    """A half-open character interval ``[start, end)`` into :attr:`Document.text`.

    Spans always index the original text, never a normalised copy, so
    ``doc.text[span.start:span.end]`` is exactly the evidence.
    """

    start: int = attrs.field(validator=attrs.validators.instance_of(int))
    """Offset of the first character."""
    end: int = attrs.field(validator=attrs.validators.instance_of(int))
    """Offset one past the last character."""

    def __attrs_post_init__(self) -> None:
        if self.start < 0:
            msg = f"span start {self.start} is negative"
            raise ValueError(msg)
        if self.end < self.start:
            msg = f"span end {self.end} is before its start {self.start}"
            raise ValueError(msg)

    def __len__(self) -> int:
        return self.end - self.start

    def overlaps(self, other: Span) -> bool:
        """Return whether the two spans share at least one character (empty spans share none)."""
        return max(self.start, other.start) < min(self.end, other.end)

    def contains(self, other: Span) -> bool:
        """Return whether ``other`` lies entirely inside this span."""
        return self.start <= other.start and other.end <= self.end

    def check_within(self, text: str) -> None:
        """Raise :class:`ValueError` unless the span lies inside ``text``."""
        if self.end > len(text):
            msg = f"span [{self.start}, {self.end}) is outside a text of {len(text)} characters"
            raise ValueError(msg)


def _published(value: object) -> dt.date | None:
    if value is None or value == "":
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        try:
            return dt.date.fromisoformat(value.strip())
        except ValueError:
            msg = f"published {value!r} is not a valid ISO date (YYYY-MM-DD)"
            raise ValueError(msg) from None
    msg = f"published must be a date or an ISO date string, not {type(value).__name__}"
    raise TypeError(msg)


# A high surrogate then a low one: two code points a Python string can hold
# apart, but that JSON ("\\ud800\\udc00") and UTF-8 can only write as the one
# character they encode, which would move every span after them.
_SURROGATE_PAIR: Final = re.compile("[\ud800-\udbff][\udc00-\udfff]")


def _no_surrogate_pair(_instance: object, _attribute: object, text: str) -> None:
    if text.isascii():
        return
    pair = _SURROGATE_PAIR.search(text)
    if pair is not None:
        high, low = (f"U+{ord(c):04X}" for c in pair.group())
        msg = (
            f"text holds the two halves of a UTF-16 surrogate pair ({high} {low}) at "
            f"offset {pair.start()}; JSON output could not keep them apart, so decode "
            "them into the character they encode first, e.g. "
            "text.encode('utf-16', 'surrogatepass').decode('utf-16')"
        )
        raise ValueError(msg)


def _frozen_mapping(value: object) -> Mapping[str, Any]:
    if value is None:
        return MappingProxyType({})
    if not isinstance(value, Mapping):
        msg = f"meta must be a mapping, not {type(value).__name__}"
        raise TypeError(msg)
    return MappingProxyType(dict(value))


@attrs.frozen(kw_only=True, eq=False)
class Document:
    """One article: its text, an id, its publication date and free metadata.

    Documents compare by identity: two documents with the same text are still
    two documents. Shared views of the text (sentences) are computed on first
    use and kept on the instance.
    """

    text: str = attrs.field(validator=[attrs.validators.instance_of(str), _no_surrogate_pair])
    """The raw text. Every span of every mention indexes this string.

    Lone surrogates are accepted; a surrogate pair (two halves of one
    character, as a string decoded with ``surrogatepass`` may hold) raises
    :class:`ValueError`.
    """
    id: str | None = attrs.field(
        default=None, validator=attrs.validators.optional(attrs.validators.instance_of(str))
    )
    """The document's id, carried to the output unchanged."""
    published: dt.date | None = attrs.field(default=None, converter=_published)
    """The publication date: the base for relative dates ("last year")."""
    meta: Mapping[str, Any] = attrs.field(factory=dict, converter=_frozen_mapping)
    """Free metadata (source, title, ...), read-only."""
    _sentences: list[tuple[Span, ...]] = attrs.field(init=False, factory=list, repr=False)

    def slice(self, span: Span) -> str:
        """Return the text a span covers, checking that it lies inside the text."""
        span.check_within(self.text)
        return self.text[span.start : span.end]

    def sentences(self) -> tuple[Span, ...]:
        """Return the sentence spans of the text, computed once per document."""
        if not self._sentences:
            # Imported here: the splitter's patterns are only compiled when used.
            from bilatx.text import split_sentences  # noqa: PLC0415

            self._sentences.append(split_sentences(self.text))
        return self._sentences[0]

    def __reduce__(self) -> tuple[Any, ...]:
        # Pickling (worker processes, Dask) must not trip over the read-only
        # mappingproxy in ``meta``; the cached sentences are recomputed on demand.
        return (_rebuild_document, (self.text, self.id, self.published, dict(self.meta)))


def _rebuild_document(
    text: str, doc_id: str | None, published: dt.date | None, meta: dict[str, Any]
) -> Document:
    return Document(text=text, id=doc_id, published=published, meta=meta)


# ---------------------------------------------------------------------- dates


class Granularity(str, enum.Enum):
    """How precise a date expression is."""

    DAY = "day"
    MONTH = "month"
    YEAR = "year"
    WEEK = "week"
    """Recognised week-level phrases ("next week"); they carry no value."""
    DECADE = "decade"
    """Decades ("the 90's"); recognised, never given a day/month/year value."""
    UNKNOWN = "unknown"
    """Expressions that cannot be normalised (fiscal years, ambiguous numerics)."""


def _check_month(_: object, __: attrs.Attribute[Any], value: int | None) -> None:
    if value is not None and not 1 <= value <= 12:  # noqa: PLR2004
        msg = f"month {value} is not between 1 and 12"
        raise ValueError(msg)


@attrs.frozen(order=True)
class DateValue:
    """A calendar date at day, month or year granularity ("2023-12-26", "2023-12", "2023")."""

    year: int = attrs.field(validator=[attrs.validators.instance_of(int)])
    month: int | None = attrs.field(default=None, validator=_check_month)
    day: int | None = attrs.field(default=None)

    def __attrs_post_init__(self) -> None:
        if not 1 <= self.year <= 9999:  # noqa: PLR2004
            msg = f"year {self.year} is outside 1..9999"
            raise ValueError(msg)
        if self.day is not None:
            if self.month is None:
                msg = "a day needs a month"
                raise ValueError(msg)
            try:
                dt.date(self.year, self.month, self.day)
            except ValueError:
                msg = f"{self.year:04d}-{self.month:02d}-{self.day:02d} is not a calendar date"
                raise ValueError(msg) from None

    @classmethod
    def from_date(cls, value: dt.date) -> DateValue:
        """Return the day-granularity value of a :class:`datetime.date`."""
        return cls(value.year, value.month, value.day)

    @classmethod
    def parse(cls, text: str) -> DateValue:
        """Parse ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``."""
        match = re.fullmatch(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?", text.strip())
        if match is None:
            msg = f"{text!r} is not an ISO date (YYYY, YYYY-MM or YYYY-MM-DD)"
            raise ValueError(msg)
        year, month, day = match.groups()
        return cls(int(year), int(month) if month else None, int(day) if day else None)

    @property
    def granularity(self) -> Granularity:
        """Day, month or year."""
        if self.day is not None:
            return Granularity.DAY
        if self.month is not None:
            return Granularity.MONTH
        return Granularity.YEAR

    def first_day(self) -> dt.date:
        """Return the first calendar day this value covers."""
        return dt.date(self.year, self.month or 1, self.day or 1)

    def last_day(self) -> dt.date:
        """Return the last calendar day this value covers."""
        if self.day is not None and self.month is not None:
            return dt.date(self.year, self.month, self.day)
        if self.month is not None:
            nxt = dt.date(self.year + (self.month == 12), self.month % 12 + 1, 1)  # noqa: PLR2004
            return nxt - dt.timedelta(days=1)
        return dt.date(self.year, 12, 31)

    def iso(self) -> str:
        """Return the ISO 8601 text at the value's own granularity."""
        if self.day is not None:
            return f"{self.year:04d}-{self.month:02d}-{self.day:02d}"
        if self.month is not None:
            return f"{self.year:04d}-{self.month:02d}"
        return f"{self.year:04d}"

    def __str__(self) -> str:
        return self.iso()


@attrs.frozen(order=True)
class DateInterval:
    """An explicit range of dates, written ``START/END`` in ISO 8601."""

    start: DateValue = attrs.field(validator=attrs.validators.instance_of(DateValue))
    end: DateValue = attrs.field(validator=attrs.validators.instance_of(DateValue))

    def __attrs_post_init__(self) -> None:
        if self.end.last_day() < self.start.first_day():
            msg = f"interval end {self.end.iso()} is before its start {self.start.iso()}"
            raise ValueError(msg)

    @classmethod
    def parse(cls, text: str) -> DateInterval:
        """Parse ``START/END``."""
        start, sep, end = text.partition("/")
        if not sep:
            msg = f"{text!r} is not an ISO interval (START/END)"
            raise ValueError(msg)
        return cls(DateValue.parse(start), DateValue.parse(end))

    @property
    def granularity(self) -> Granularity:
        """The granularity of the start."""
        return self.start.granularity

    def first_day(self) -> dt.date:
        """Return the first day of the interval."""
        return self.start.first_day()

    def last_day(self) -> dt.date:
        """Return the last day of the interval."""
        return self.end.last_day()

    def iso(self) -> str:
        """Return ``START/END``."""
        return f"{self.start.iso()}/{self.end.iso()}"

    def __str__(self) -> str:
        return self.iso()


def parse_date_value(text: str) -> DateValue | DateInterval:
    """Parse an ISO date value or ``START/END`` interval as the gold format writes them."""
    return DateInterval.parse(text) if "/" in text else DateValue.parse(text)


@attrs.frozen(kw_only=True)
class DateMention:
    """A calendar expression in the text and what it denotes."""

    span: Span
    text: str
    value: DateValue | DateInterval | None
    """The normalised value, or ``None`` when it cannot be resolved."""
    granularity: Granularity = attrs.field(converter=Granularity)
    relative: bool = False
    """Whether the value was computed from a base date ("last year")."""
    base: dt.date | None = None
    """The base date a relative expression was resolved against."""
    rule: str = ""
    """The name of the pattern or rule that matched, for explaining a reading."""
    extractor: str = attrs.field(validator=_nonempty)


@attrs.frozen(kw_only=True)
class DurationMention:
    """A length of time ("five-day visit", "for three days"). Not a date."""

    span: Span
    text: str
    days: int = attrs.field(validator=attrs.validators.ge(0))
    """The length in days (a week is 7)."""
    rule: str = ""
    extractor: str = attrs.field(validator=_nonempty)


# ---------------------------------------------------------------------- money


class MoneyBound(str, enum.Enum):
    """How an amount relates to its value."""

    EXACT = "exact"
    RANGE = "range"
    LOWER = "lower"
    """"over $5bn": a low bound only."""
    UPPER = "upper"
    """"up to $5bn": a high bound only."""


@attrs.frozen(kw_only=True)
class Money:
    """An amount of money: a currency and a low and high value in its units."""

    currency: str | None = attrs.field(default=None, validator=_check_currency)
    """ISO 4217 code, or ``None`` when the text never makes it clear."""
    low: Decimal | None = attrs.field(default=None, converter=_to_optional_decimal)
    high: Decimal | None = attrs.field(default=None, converter=_to_optional_decimal)

    def __attrs_post_init__(self) -> None:
        if self.low is None and self.high is None:
            msg = "money needs a low or a high value"
            raise ValueError(msg)
        if self.low is not None and self.high is not None and self.low > self.high:
            msg = f"money low {self.low} is greater than high {self.high}"
            raise ValueError(msg)

    @classmethod
    def exact(cls, amount: Decimal | int | str, currency: str | None) -> Money:
        """Return money whose low and high are both ``amount``."""
        value = _to_decimal(amount)
        return cls(currency=currency, low=value, high=value)


@attrs.frozen(kw_only=True)
class MoneyMention:
    """An amount of money written in the text."""

    span: Span
    text: str
    value: Money
    bound: MoneyBound = attrs.field(default=MoneyBound.EXACT, converter=MoneyBound)
    approximate: bool = False
    """The text hedges the amount ("about", "nearly"); the value is unchanged."""
    unit: str | None = None
    """The unit of a per-unit price ("barrel" in "18 dlrs a barrel")."""
    rule: str = ""
    extractor: str = attrs.field(validator=_nonempty)


# ------------------------------------------------------------------ officials


@attrs.frozen(kw_only=True)
class Official:
    """A person who holds or held a public office, once per document.

    ``spans`` lists every place the person is mentioned; the pipeline's
    resolution step fills it in.
    """

    name: str = attrs.field(validator=_nonempty)
    """The name as fully as the text gives it, without honorifics."""
    surname: str = attrs.field(validator=_nonempty)
    title: str | None = None
    """The office as the text gives it, abbreviations expanded."""
    country: str | None = attrs.field(default=None, validator=_check_country)
    honorific: str | None = None
    """"Dr.", "Mr", "Sheikh", ... removed from the name but kept here."""
    spans: tuple[Span, ...] = attrs.field(default=(), converter=_tuple_of_spans)


@attrs.frozen(kw_only=True)
class OfficialMention:
    """One mention of an official, as found; resolution links mentions into :class:`Official`."""

    span: Span
    text: str
    name: str = attrs.field(validator=_nonempty)
    surname: str = attrs.field(validator=_nonempty)
    title: str | None = None
    country: str | None = attrs.field(default=None, validator=_check_country)
    honorific: str | None = None
    rule: str = ""
    extractor: str = attrs.field(validator=_nonempty)


# ---------------------------------------------------------------------- other


class PlaceKind(str, enum.Enum):
    """What a place mention names."""

    COUNTRY = "country"
    DEMONYM = "demonym"
    """"Russian", "India's" used as an adjective."""
    CITY = "city"
    ORGANISATION = "organisation"


@attrs.frozen(kw_only=True)
class PlaceMention:
    """A country, demonym or city named in the text, with its country code."""

    span: Span
    text: str
    name: str
    kind: PlaceKind = attrs.field(converter=PlaceKind)
    country: str | None = attrs.field(default=None, validator=_check_country)
    rule: str = ""
    extractor: str = attrs.field(validator=_nonempty)


@attrs.frozen(kw_only=True)
class SectorMention:
    """A word or phrase that names an area of cooperation, as a sector id."""

    span: Span
    text: str
    sector: str = attrs.field(validator=_check_sector)
    rule: str = ""
    extractor: str = attrs.field(validator=_nonempty)


@attrs.frozen(kw_only=True)
class QuoteMention:
    """A direct quotation: the marks and the words between them.

    ``speaker`` is the surface form of the attribution ("Jaishankar", "he",
    "a spokesman") when the plugin found one; records link it to an official.
    """

    span: Span
    """The quotation including its marks."""
    text: str
    quote: str
    """The quoted words without the marks."""
    quote_span: Span
    speaker: str | None = None
    speaker_span: Span | None = None
    channel: str | None = None
    """Closed vocabulary ("X", "press conference", ...) or free text."""
    channel_span: Span | None = None
    rule: str = ""
    extractor: str = attrs.field(validator=_nonempty)


Mention: TypeAlias = (
    DateMention
    | DurationMention
    | MoneyMention
    | OfficialMention
    | PlaceMention
    | SectorMention
    | QuoteMention
)
"""Any mention type."""


def _sorted_mentions(value: Iterable[Any]) -> tuple[Any, ...]:
    """Sort by span, extractor, then ``repr`` (so the order never depends on the input's).

    ``repr`` is slow and only breaks ties, so it is computed only inside runs
    of mentions with the same span and extractor: the same order as sorting
    by the whole key at once, since both sorts are stable.
    """
    items = sorted(value, key=lambda m: (m.span.start, m.span.end, m.extractor))
    i, n = 0, len(items)
    while i < n:
        first = items[i]
        key = (first.span.start, first.span.end, first.extractor)
        j = i + 1
        while j < n and (items[j].span.start, items[j].span.end, items[j].extractor) == key:
            j += 1
        if j - i > 1:
            items[i:j] = sorted(items[i:j], key=repr)
        i = j
    return tuple(items)


@attrs.frozen(kw_only=True)
class Mentions:
    """Every mention of one document, by kind, each kind sorted by position.

    ``people`` is filled in by resolution: each official once, with every span.
    """

    dates: tuple[DateMention, ...] = attrs.field(default=(), converter=_sorted_mentions)
    durations: tuple[DurationMention, ...] = attrs.field(default=(), converter=_sorted_mentions)
    officials: tuple[OfficialMention, ...] = attrs.field(default=(), converter=_sorted_mentions)
    money: tuple[MoneyMention, ...] = attrs.field(default=(), converter=_sorted_mentions)
    places: tuple[PlaceMention, ...] = attrs.field(default=(), converter=_sorted_mentions)
    sectors: tuple[SectorMention, ...] = attrs.field(default=(), converter=_sorted_mentions)
    quotes: tuple[QuoteMention, ...] = attrs.field(default=(), converter=_sorted_mentions)
    people: tuple[Official, ...] = attrs.field(default=(), converter=_to_tuple)

    def __iter__(self) -> Iterator[Mention]:
        """Iterate over every mention of every kind (not ``people``)."""
        yield from self.dates
        yield from self.durations
        yield from self.officials
        yield from self.money
        yield from self.places
        yield from self.sectors
        yield from self.quotes

    def person_at(self, span: Span) -> Official | None:
        """Return the resolved official mentioned at (or overlapping) ``span``."""
        for person in self.people:
            if any(s.overlaps(span) for s in person.spans):
                return person
        return None


# -------------------------------------------------------------------- records


class VisitStatus(str, enum.Enum):
    """Where a visit stands as the text reports it."""

    ANNOUNCED = "announced"
    ONGOING = "ongoing"
    COMPLETED = "completed"
    POSTPONED = "postponed"
    CANCELLED = "cancelled"


class MeetingForm(str, enum.Enum):
    """How a meeting took place."""

    IN_PERSON = "in_person"
    PHONE = "phone"
    VIDEO = "video"


@attrs.frozen(order=True)
class Source:
    """Where a merged record came from: a document id, the spans in it, its publication date."""

    doc_id: str | None
    spans: tuple[Span, ...] = attrs.field(default=(), converter=_tuple_of_spans)
    published: dt.date | None = attrs.field(default=None, converter=_published)
    """The document's publication date: :func:`bilatx.merge` compares undated records by it."""


def _optional_date(value: object) -> DateValue | None:
    if value is None or isinstance(value, DateValue):
        return value
    if isinstance(value, str):
        return DateValue.parse(value)
    msg = f"expected a DateValue or ISO string, not {type(value).__name__}"
    raise TypeError(msg)


def _optional_date_or_interval(value: object) -> DateValue | DateInterval | None:
    if value is None or isinstance(value, (DateValue, DateInterval)):
        return value
    if isinstance(value, str):
        return parse_date_value(value)
    msg = f"expected a DateValue, DateInterval or ISO string, not {type(value).__name__}"
    raise TypeError(msg)


@attrs.frozen(kw_only=True)
class Visit:
    """A trip by an official (or a delegation led by one) from one country to another."""

    visitor: Official
    origin: str | None = attrs.field(default=None, validator=_check_country)
    host: str | None = attrs.field(default=None, validator=_check_country)
    start: DateValue | None = attrs.field(default=None, converter=_optional_date)
    end: DateValue | None = attrs.field(default=None, converter=_optional_date)
    places: tuple[str, ...] = attrs.field(default=(), converter=_to_tuple)
    """The cities named for the visit."""
    status: VisitStatus | None = attrs.field(
        default=None, converter=attrs.converters.optional(VisitStatus)
    )
    sectors: tuple[str, ...] = attrs.field(
        default=(), converter=_to_tuple, validator=_check_sectors
    )
    """The agenda: sector ids."""
    date_conflict: bool = False
    """The text gives dates that contradict each other; start/end are the first reading."""
    evidence: tuple[Span, ...] = attrs.field(default=(), converter=_tuple_of_spans)
    sources: tuple[Source, ...] = attrs.field(default=(), converter=_to_tuple)
    """Filled in by :func:`bilatx.merge`: every document that told of this visit."""
    extractor: str = attrs.field(validator=_nonempty)

    def __attrs_post_init__(self) -> None:
        if self.start and self.end and self.end.last_day() < self.start.first_day():
            msg = f"visit end {self.end.iso()} is before its start {self.start.iso()}"
            raise ValueError(msg)


@attrs.frozen(kw_only=True)
class Meeting:
    """A meeting, call or talks between two or more officials."""

    participants: tuple[Official, ...] = attrs.field(converter=_to_tuple)
    date: DateValue | DateInterval | None = attrs.field(
        default=None, converter=_optional_date_or_interval
    )
    """The day, or the days for talks held over several ("on July 27-28")."""
    place: str | None = None
    form: MeetingForm | None = attrs.field(
        default=None, converter=attrs.converters.optional(MeetingForm)
    )
    topics: tuple[str, ...] = attrs.field(default=(), converter=_to_tuple, validator=_check_sectors)
    evidence: tuple[Span, ...] = attrs.field(default=(), converter=_tuple_of_spans)
    sources: tuple[Source, ...] = attrs.field(default=(), converter=_to_tuple)
    extractor: str = attrs.field(validator=_nonempty)

    def __attrs_post_init__(self) -> None:
        if len(self.participants) < 2:  # noqa: PLR2004
            msg = f"a meeting needs two or more participants, got {len(self.participants)}"
            raise ValueError(msg)


@attrs.frozen(kw_only=True)
class Statement:
    """A direct quotation with a named speaker."""

    speaker: Official
    """Who said it: an official, or a named person who holds no office (a
    broker, a citizen), given as an :class:`Official` without title or country
    and not listed among the document's officials."""
    quote: str = attrs.field(validator=_nonempty)
    quote_span: Span
    channel: str | None = None
    date: DateValue | None = attrs.field(default=None, converter=_optional_date)
    evidence: tuple[Span, ...] = attrs.field(default=(), converter=_tuple_of_spans)
    sources: tuple[Source, ...] = attrs.field(default=(), converter=_to_tuple)
    extractor: str = attrs.field(validator=_nonempty)


@attrs.frozen(kw_only=True)
class TradeTrend:
    """A change between two figures the text links ("from X to Y")."""

    direction: str
    """"increase", "decrease" or "change"."""
    earlier: Span
    """The span of the earlier figure's amount."""
    later: Span
    """The span of the later figure's amount."""


@attrs.frozen(kw_only=True)
class TradeFigure:
    """An amount that measures trade, investment, aid or a deal between countries."""

    money: Money
    span: Span
    """The span of the amount."""
    text: str
    metric: str | None = None
    """"trade", "exports", "imports", "investment", "aid", "deal", "deficit", "surplus"."""
    partners: tuple[str, ...] = attrs.field(
        default=(), converter=_to_tuple, validator=_check_countries
    )
    period: DateValue | DateInterval | None = None
    period_text: str | None = None
    """The period as written, kept when it cannot be normalised (fiscal years)."""
    trend: TradeTrend | None = None
    evidence: tuple[Span, ...] = attrs.field(default=(), converter=_tuple_of_spans)
    sources: tuple[Source, ...] = attrs.field(default=(), converter=_to_tuple)
    extractor: str = attrs.field(validator=_nonempty)


Record: TypeAlias = Visit | Meeting | Statement | TradeFigure
"""Any record type."""


@attrs.frozen(kw_only=True)
class PluginError:
    """A plugin failed on a document; lenient mode keeps this instead of raising."""

    plugin: str
    hook: str
    doc_id: str | None
    message: str

    def __str__(self) -> str:
        where = f"document {self.doc_id!r}" if self.doc_id is not None else "a document"
        return f"plugin {self.plugin!r} failed in {self.hook} on {where}: {self.message}"


def _record_spans(record: Record) -> Iterator[Span]:
    if isinstance(record, TradeFigure):
        yield record.span
    elif isinstance(record, Statement):
        yield record.quote_span
    yield from record.evidence


@attrs.frozen(kw_only=True)
class Extraction:
    """Everything bilatx found in one document: mentions, records and errors.

    Construction checks that every span lies inside the document's text.
    """

    document: Document
    mentions: Mentions = attrs.field(factory=Mentions)
    visits: tuple[Visit, ...] = attrs.field(default=(), converter=_to_tuple)
    meetings: tuple[Meeting, ...] = attrs.field(default=(), converter=_to_tuple)
    statements: tuple[Statement, ...] = attrs.field(default=(), converter=_to_tuple)
    trade_figures: tuple[TradeFigure, ...] = attrs.field(default=(), converter=_to_tuple)
    errors: tuple[PluginError, ...] = attrs.field(default=(), converter=_to_tuple)

    def __attrs_post_init__(self) -> None:
        size = len(self.document.text)
        for mention in self.mentions:
            if mention.span.end > size:
                msg = (
                    f"{type(mention).__name__} from {mention.extractor!r}: span "
                    f"[{mention.span.start}, {mention.span.end}) is outside a text of "
                    f"{size} characters"
                )
                raise ValueError(msg)
        for record in self.records:
            for span in _record_spans(record):
                if span.end > size:
                    msg = (
                        f"{type(record).__name__} from {record.extractor!r}: span "
                        f"[{span.start}, {span.end}) is outside a text of {size} characters"
                    )
                    raise ValueError(msg)

    @property
    def id(self) -> str | None:
        """The document's id."""
        return self.document.id

    @property
    def dates(self) -> tuple[DateMention, ...]:
        """Date mentions, by position."""
        return self.mentions.dates

    @property
    def money(self) -> tuple[MoneyMention, ...]:
        """Money mentions, by position."""
        return self.mentions.money

    @property
    def officials(self) -> tuple[Official, ...]:
        """Each official once, with every span."""
        return self.mentions.people

    @property
    def sectors(self) -> tuple[str, ...]:
        """The sector ids named, each once, in order of first mention."""
        return tuple(dict.fromkeys(m.sector for m in self.mentions.sectors))

    @property
    def quotes(self) -> tuple[QuoteMention, ...]:
        """Every quotation, attributed or not."""
        return self.mentions.quotes

    @property
    def records(self) -> tuple[Record, ...]:
        """Visits, meetings, statements and trade figures, in that order."""
        return (*self.visits, *self.meetings, *self.statements, *self.trade_figures)

    def to_dict(self, *, include_text: bool = True) -> dict[str, Any]:
        """Return the JSON-ready dict: the gold format plus spans and provenance."""
        from bilatx._serialize import extraction_to_dict  # noqa: PLC0415

        return extraction_to_dict(self, include_text=include_text)

    def _repr_html_(self) -> str:
        """Display as the article view in notebooks (see :func:`bilatx.html.article`)."""
        from bilatx.html import article  # noqa: PLC0415

        return article(self, full_page=False)

    def to_json(self, *, include_text: bool = True, indent: int | None = None) -> str:
        """Return :meth:`to_dict` as a JSON string that always encodes to valid UTF-8."""
        import json  # noqa: PLC0415

        data = self.to_dict(include_text=include_text)
        text = json.dumps(data, ensure_ascii=False, indent=indent)
        if not text.isascii():
            try:
                text.encode("utf-8")
            except UnicodeEncodeError:
                # Lone surrogates (possible in Python text, e.g. from a JSON "\\ud800"
                # escape) have no UTF-8 form; escaped, they read back unchanged.
                text = json.dumps(data, ensure_ascii=True, indent=indent)
        return text

    @classmethod
    def from_dict(cls, data: Mapping[str, Any], *, text: str | None = None) -> Extraction:
        """Rebuild an extraction from :meth:`to_dict` output.

        ``text`` supplies the document text when the dict was written without it.
        """
        from bilatx._serialize import extraction_from_dict  # noqa: PLC0415

        return extraction_from_dict(data, text=text)

    @classmethod
    def from_json(cls, data: str, *, text: str | None = None) -> Extraction:
        """Rebuild an extraction from :meth:`to_json` output."""
        import json  # noqa: PLC0415

        return cls.from_dict(json.loads(data), text=text)
