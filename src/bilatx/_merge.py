"""Merging records across documents: the same event told by several articles.

:func:`merge` takes extractions (or records already merged) and returns one
record per event, citing every source document and span:

* **visits** are the same trip when the visitor and the host agree and the
  dates overlap ("from December 25" and "a five-day visit", published on the
  28th). The merged visit fills its gaps from every article: a start from
  one, a duration from another, give the end.
* **meetings** are the same when the same people meet on overlapping dates.
* **statements** are the same quote by the same speaker (at least half of
  the words of the longer quote shared); **trade figures** the same amount,
  measure, partners and period.

A record without dates is compared by its articles' publication dates: two
undated visits of one official to one country are one trip when their
articles appeared within :data:`VISIT_WINDOW` days of each other.

Merging is order-independent (records are grouped into connected components
of the "same event" relation and each group is combined in a canonical
order) and idempotent: merging a merged result again changes nothing, since
every comparison a merged record takes part in is one some pair of its
members took part in already.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections import Counter
from typing import TYPE_CHECKING, Final, TypeVar

import attrs

from bilatx._types import (
    DateInterval,
    DateValue,
    Extraction,
    Granularity,
    Meeting,
    Official,
    Source,
    Span,
    Statement,
    TradeFigure,
    Visit,
    VisitStatus,
)

if TYPE_CHECKING:
    from collections.abc import Callable, Iterable, Sequence

    from bilatx._types import Record

__all__ = ["MEETING_WINDOW", "STATEMENT_WINDOW", "VISIT_WINDOW", "merge"]

VISIT_WINDOW: Final = 45
"""Days between the publication dates of two articles for their undated visits to be one."""
MEETING_WINDOW: Final = 7
"""Days between publication dates for two undated meetings of the same people to be one."""
STATEMENT_WINDOW: Final = 30
"""Days between publication dates for the same quotation to be one statement."""
_MAX_VISIT_DAYS: Final = 31
"""How long a visit known only by its start may last, for comparing dates."""
_QUOTE_SHARE: Final = 0.5
EXTRACTOR: Final = "merge"

_T = TypeVar("_T")


@attrs.frozen
class _Unit:
    """One record to merge, with what its document adds (durations, publication date)."""

    record: Visit | Meeting | Statement | TradeFigure
    sources: tuple[Source, ...]
    days: tuple[int, ...] = ()


# ------------------------------------------------------------------- public


def merge(items: Iterable[Extraction | Record]) -> tuple[Record, ...]:
    """Merge the records of several extractions that tell of the same events.

    Args:
        items: extractions, or records (for instance the result of an
            earlier :func:`merge`). A record without ``sources`` is cited as
            coming from an unknown document.

    Returns:
        The merged visits, meetings, statements and trade figures, in that
        order, each kind sorted by its first source. A record told by one
        document only comes back with ``sources`` naming that document; a
        record merged from several has one :class:`~bilatx.Source` per
        document (with its spans and publication date), ``evidence`` empty
        (spans only mean something inside their own document) and the
        extractor ``"merge"``.

    Raises:
        TypeError: an item is neither an :class:`~bilatx.Extraction` nor a record.

    >>> import bilatx
    >>> person = bilatx.Official(name="Lena Voss", surname="Voss", country="DEU")
    >>> a = bilatx.Visit(visitor=person, origin="DEU", host="JPN", start="2024-03-04",
    ...                  sources=[bilatx.Source("a", published="2024-03-01")], extractor="x")
    >>> b = bilatx.Visit(visitor=person, origin="DEU", host="JPN", end="2024-03-06",
    ...                  sources=[bilatx.Source("b", published="2024-03-06")], extractor="x")
    >>> (visit,) = bilatx.merge([a, b])
    >>> visit.start.iso(), visit.end.iso(), [s.doc_id for s in visit.sources]
    ('2024-03-04', '2024-03-06', ['a', 'b'])
    """
    units: list[_Unit] = []
    for position, item in enumerate(items):
        if isinstance(item, Extraction):
            units.extend(_units_of(item))
        elif isinstance(item, (Visit, Meeting, Statement, TradeFigure)):
            units.append(_Unit(item, item.sources or (Source(None, item.evidence),)))
        else:  # callers without type checking pass anything
            msg = (  # type: ignore[unreachable]
                f"item {position} is a {type(item).__name__}; merge() takes extractions "
                "or Visit, Meeting, Statement and TradeFigure records"
            )
            raise TypeError(msg)
    return merge_units(units)


def units_from_records(
    records: Iterable[Record],
    *,
    doc_id: str | None,
    published: dt.date | None,
    durations: Sequence[tuple[Span, int]] = (),
) -> list[_Unit]:
    """Wrap one document's records for :func:`merge_units` (the command line's reader)."""
    out = []
    for record in records:
        own = (Source(doc_id, record.evidence, published),)
        days: tuple[int, ...] = ()
        if isinstance(record, Visit):
            days = tuple(n for span, n in durations if _inside(span, record.evidence))
        out.append(_Unit(record, record.sources or own, days))
    return out


def merge_units(units: Sequence[_Unit]) -> tuple[Record, ...]:
    """Merge prepared units (see :func:`merge`).

    Merging repeats until nothing more merges: a merged trip may now overlap
    a trip none of its parts overlapped. Each round combines at least two
    records or ends, so this stops; and the result is a fixed point, which
    is what makes :func:`merge` idempotent.
    """
    current = list(units)
    while True:
        merged = _one_round(current)
        if len(merged) == len(current):
            return tuple(u.record for u in merged)
        current = merged


def _one_round(units: list[_Unit]) -> list[_Unit]:
    visits = [u for u in units if isinstance(u.record, Visit)]
    meetings = [u for u in units if isinstance(u.record, Meeting)]
    statements = [u for u in units if isinstance(u.record, Statement)]
    figures = [u for u in units if isinstance(u.record, TradeFigure)]
    out: list[_Unit] = []
    out.extend(_merge_kind(visits, _visit_key, _visits_match, _combine_visits))
    out.extend(_merge_kind(meetings, _meeting_key, _meetings_match, _combine_meetings))
    out.extend(_merge_kind(statements, _statement_key, _statements_match, _combine_statements))
    out.extend(_merge_kind(figures, _figure_key, _figures_match, _combine_figures))
    return out


# ---------------------------------------------------------------- machinery


def _units_of(ex: Extraction) -> list[_Unit]:
    durations = [(d.span, d.days) for d in ex.mentions.durations]
    return units_from_records(
        ex.records, doc_id=ex.document.id, published=ex.document.published, durations=durations
    )


def _inside(span: Span, evidence: Iterable[Span]) -> bool:
    return any(e.contains(span) for e in evidence)


def _merge_kind(
    units: list[_Unit],
    key: Callable[[_Unit], object],
    match: Callable[[_Unit, _Unit], bool],
    combine: Callable[[list[_Unit]], Record],
) -> list[_Unit]:
    """Group units into connected components of ``match`` within ``key`` and combine each."""
    by_key: dict[object, list[_Unit]] = {}
    for unit in units:
        by_key.setdefault(key(unit), []).append(unit)
    merged: list[_Unit] = []
    for group in by_key.values():
        group.sort(key=_canonical)
        parent = list(range(len(group)))
        for i in range(len(group)):
            for j in range(i + 1, len(group)):
                if _root(parent, i) != _root(parent, j) and match(group[i], group[j]):
                    parent[_root(parent, j)] = _root(parent, i)
        components: dict[int, list[_Unit]] = {}
        for i, unit in enumerate(group):
            components.setdefault(_root(parent, i), []).append(unit)
        for members in components.values():
            record = combine(members)
            # The durations stay with the merged record for the next round.
            days = tuple(sorted({d for u in members for d in u.days}))
            merged.append(_Unit(record, record.sources, days))
    merged.sort(key=lambda u: _record_order(u.record))
    return merged


def _root(parent: list[int], i: int) -> int:
    """Union-find root of ``i``, halving the path as it goes."""
    while parent[i] != i:
        parent[i] = parent[parent[i]]
        i = parent[i]
    return i


def _canonical(unit: _Unit) -> str:
    """A total, input-order-free order of units: by sources, then by the record's value."""
    return repr((sorted(_source_key(s) for s in unit.sources), repr(unit.record), unit.days))


def _source_key(source: Source) -> tuple[str, str, tuple[tuple[int, int], ...]]:
    published = source.published.isoformat() if source.published else ""
    return (source.doc_id or "", published, tuple((s.start, s.end) for s in source.spans))


def _record_order(record: Record) -> str:
    return repr((sorted(_source_key(s) for s in record.sources), repr(record)))


def _sources(members: list[_Unit]) -> tuple[Source, ...]:
    """One source per document, with the union of its spans."""
    by_doc: dict[tuple[str | None, dt.date | None], set[Span]] = {}
    for unit in members:
        for source in unit.sources:
            by_doc.setdefault((source.doc_id, source.published), set()).update(source.spans)
    sources = [Source(doc, tuple(spans), day) for (doc, day), spans in by_doc.items()]
    return tuple(sorted(sources, key=_source_key))


def _fold(text: str) -> str:
    norm = unicodedata.normalize("NFKD", text)
    return " ".join("".join(c for c in norm if not unicodedata.combining(c)).casefold().split())


def _person(official: Official) -> str:
    return _fold(official.surname)


def _published(unit: _Unit) -> list[dt.date | None]:
    return [s.published for s in unit.sources]


def _published_near(a: _Unit, b: _Unit, window: int) -> bool:
    """Whether some two of the units' articles appeared within ``window`` days (or undated)."""
    for p in _published(a):
        for q in _published(b):
            if p is None or q is None or abs((p - q).days) <= window:
                return True
    return False


def _near_publication(interval: tuple[dt.date, dt.date], unit: _Unit, window: int) -> bool:
    """Whether dates fall within ``window`` days of one of the unit's articles."""
    for p in _published(unit):
        if p is None:
            return True
        if (
            interval[0] <= p + dt.timedelta(days=window)
            and p - dt.timedelta(days=window) <= (interval[1])
        ):
            return True
    return False


def _overlap(a: tuple[dt.date, dt.date], b: tuple[dt.date, dt.date]) -> bool:
    return a[0] <= b[1] and b[0] <= a[1]


def _best_official(people: Iterable[Official], *, keep_spans: bool) -> Official:
    """The fullest of several records of one official, gaps filled from the others."""
    ordered = sorted(
        people,
        key=lambda p: (
            -len(p.name),
            p.title is None,
            p.country is None,
            p.name,
            p.title or "",
            p.country or "",
            p.honorific or "",
            repr(p.spans),
        ),
    )
    best = ordered[0]
    return attrs.evolve(
        best,
        title=best.title or next((p.title for p in ordered if p.title), None),
        country=best.country or next((p.country for p in ordered if p.country), None),
        honorific=best.honorific or next((p.honorific for p in ordered if p.honorific), None),
        spans=best.spans if keep_spans else (),
    )


def _single(members: list[_Unit]) -> bool:
    return len({(s.doc_id, s.published) for u in members for s in u.sources}) <= 1


def _first(values: Iterable[_T | None]) -> _T | None:
    return next((v for v in values if v is not None), None)


# ------------------------------------------------------------------- visits


def _visit_key(unit: _Unit) -> object:
    visit = unit.record
    assert isinstance(visit, Visit)  # noqa: S101  (grouped by type)
    return (_person(visit.visitor), visit.host)


def _visit_span(unit: _Unit) -> tuple[dt.date, dt.date] | None:
    visit = unit.record
    assert isinstance(visit, Visit)  # noqa: S101
    if visit.start is None and visit.end is None:
        return None
    if visit.start is not None:
        first = visit.start.first_day()
        if visit.end is not None:
            last = visit.end.last_day()
        elif unit.days and visit.start.granularity is Granularity.DAY:
            last = first + dt.timedelta(days=max(unit.days[0], 1) - 1)
        else:
            last = visit.start.last_day() + dt.timedelta(days=max((_MAX_VISIT_DAYS, *unit.days)))
        return first, max(first, last)
    assert visit.end is not None  # noqa: S101
    last = visit.end.last_day()
    return last - dt.timedelta(days=_MAX_VISIT_DAYS), last


def _visits_match(a: _Unit, b: _Unit) -> bool:
    va, vb = a.record, b.record
    assert isinstance(va, Visit)  # noqa: S101
    assert isinstance(vb, Visit)  # noqa: S101
    if va.origin and vb.origin and va.origin != vb.origin:
        return False
    if va.visitor.country and vb.visitor.country and va.visitor.country != vb.visitor.country:
        return False
    span_a, span_b = _visit_span(a), _visit_span(b)
    if span_a is not None and span_b is not None:
        return _overlap(span_a, span_b)
    if span_a is not None:
        return _near_publication(span_a, b, VISIT_WINDOW)
    if span_b is not None:
        return _near_publication(span_b, a, VISIT_WINDOW)
    return _published_near(a, b, VISIT_WINDOW)


_STATUS_RANK: Final = {
    VisitStatus.ANNOUNCED: 0,
    VisitStatus.ONGOING: 1,
    VisitStatus.COMPLETED: 2,
    VisitStatus.POSTPONED: 3,
    VisitStatus.CANCELLED: 4,
}


def _combine_visits(members: list[_Unit]) -> Visit:
    visits = [u.record for u in members]
    assert all(isinstance(v, Visit) for v in visits)  # noqa: S101
    typed: list[Visit] = [v for v in visits if isinstance(v, Visit)]
    single = _single(members)
    starts = _distinct(v.start for v in typed)
    ends = _distinct(v.end for v in typed)
    days = sorted({d for u in members for d in u.days})
    start, end, conflict = solve_visit_dates(starts, ends, days)
    # The latest article knows best how far the trip has got.
    latest = max(
        typed,
        key=lambda v: (
            max((s.published for s in v.sources if s.published), default=dt.date.min),
            _STATUS_RANK.get(v.status, -1) if v.status else -1,
        ),
    )
    status = latest.status or _first(v.status for v in typed)
    return Visit(
        visitor=_best_official((v.visitor for v in typed), keep_spans=single),
        origin=_first(v.origin for v in typed),
        host=_first(v.host for v in typed),
        start=start,
        end=end,
        places=tuple(dict.fromkeys(p for v in typed for p in v.places)),
        status=status,
        sectors=tuple(dict.fromkeys(s for v in typed for s in v.sectors)),
        date_conflict=conflict or any(v.date_conflict for v in typed),
        evidence=tuple(s for v in typed for s in v.evidence) if single else (),
        sources=_sources(members),
        extractor=typed[0].extractor if single else EXTRACTOR,
    )


def _distinct(values: Iterable[DateValue | None]) -> list[DateValue]:
    """The distinct dates given, most precise first, then earliest."""
    found = {v for v in values if v is not None}
    return sorted(found, key=lambda v: (_precision(v), v.first_day(), v.last_day()))


def _precision(value: DateValue) -> int:
    return {Granularity.DAY: 0, Granularity.MONTH: 1}.get(value.granularity, 2)


def solve_visit_dates(
    starts: Sequence[DateValue], ends: Sequence[DateValue], days: Sequence[int]
) -> tuple[DateValue | None, DateValue | None, bool]:
    """Solve a visit's start and end from what several texts give; report contradictions.

    The end is inclusive: five days from December 25 end on December 29.
    ``starts`` and ``ends`` come most precise first; values that cannot
    denote the same day ("December 25" and "December 26") are a conflict,
    values that can ("December" and "December 25") are not.
    """
    conflict = _disjoint(starts) or _disjoint(ends) or len({max(d, 1) for d in days}) > 1
    start = starts[0] if starts else None
    end = ends[0] if ends else None
    if start is not None and end is not None and end.last_day() < start.first_day():
        return start, None, True
    if days:
        length = max(days[0], 1)
        if start is not None and start.granularity is Granularity.DAY:
            computed = DateValue.from_date(start.first_day() + dt.timedelta(days=length - 1))
            if end is None:
                end = computed
            elif end.granularity is Granularity.DAY and end != computed:
                conflict = True
        elif start is None and end is not None and end.granularity is Granularity.DAY:
            start = DateValue.from_date(end.first_day() - dt.timedelta(days=length - 1))
    return start, end, conflict


def _disjoint(values: Sequence[DateValue]) -> bool:
    for i, a in enumerate(values):
        for b in values[i + 1 :]:
            if a.last_day() < b.first_day() or b.last_day() < a.first_day():
                return True
    return False


# ----------------------------------------------------------------- meetings


def _meeting_key(unit: _Unit) -> object:
    meeting = unit.record
    assert isinstance(meeting, Meeting)  # noqa: S101
    return frozenset(_person(p) for p in meeting.participants)


def _days_of(value: DateValue | DateInterval | None) -> tuple[dt.date, dt.date] | None:
    if value is None:
        return None
    return value.first_day(), value.last_day()


def _meetings_match(a: _Unit, b: _Unit) -> bool:
    ma, mb = a.record, b.record
    assert isinstance(ma, Meeting)  # noqa: S101
    assert isinstance(mb, Meeting)  # noqa: S101
    da, db = _days_of(ma.date), _days_of(mb.date)
    if da is not None and db is not None:
        return _overlap(da, db)
    if da is not None:
        return _near_publication(da, b, MEETING_WINDOW)
    if db is not None:
        return _near_publication(db, a, MEETING_WINDOW)
    return _published_near(a, b, MEETING_WINDOW)


def _combine_meetings(members: list[_Unit]) -> Meeting:
    typed = [u.record for u in members if isinstance(u.record, Meeting)]
    single = _single(members)
    people: dict[str, list[Official]] = {}
    for meeting in typed:
        for person in meeting.participants:
            people.setdefault(_person(person), []).append(person)
    dates = sorted(
        {m.date for m in typed if m.date is not None},
        key=lambda d: (d.last_day() - d.first_day(), d.first_day(), d.iso()),
    )
    return Meeting(
        participants=tuple(_best_official(group, keep_spans=single) for group in people.values()),
        date=dates[0] if dates else None,
        place=_first(m.place for m in typed),
        form=_first(m.form for m in typed),
        topics=tuple(dict.fromkeys(t for m in typed for t in m.topics)),
        evidence=tuple(s for m in typed for s in m.evidence) if single else (),
        sources=_sources(members),
        extractor=typed[0].extractor if single else EXTRACTOR,
    )


# --------------------------------------------------------------- statements


def _tokens(text: str) -> list[str]:
    return re.findall(r"\w+", _fold(text))


def _statement_key(unit: _Unit) -> object:
    statement = unit.record
    assert isinstance(statement, Statement)  # noqa: S101
    return _person(statement.speaker)


def _statements_match(a: _Unit, b: _Unit) -> bool:
    sa, sb = a.record, b.record
    assert isinstance(sa, Statement)  # noqa: S101
    assert isinstance(sb, Statement)  # noqa: S101
    ta, tb = _tokens(sa.quote), _tokens(sb.quote)
    longer = max(len(ta), len(tb))
    if not longer or sum((Counter(ta) & Counter(tb)).values()) / longer < _QUOTE_SHARE:
        return False
    return _published_near(a, b, STATEMENT_WINDOW)


def _combine_statements(members: list[_Unit]) -> Statement:
    typed = [u.record for u in members if isinstance(u.record, Statement)]
    single = _single(members)
    fullest = max(typed, key=lambda s: (len(s.quote), s.quote))
    return Statement(
        speaker=_best_official((s.speaker for s in typed), keep_spans=single),
        quote=fullest.quote,
        quote_span=fullest.quote_span,
        channel=_first(s.channel for s in typed),
        date=_first(s.date for s in typed),
        evidence=tuple(s for st in typed for s in st.evidence) if single else (),
        sources=_sources(members),
        extractor=typed[0].extractor if single else EXTRACTOR,
    )


# ------------------------------------------------------------ trade figures


def _figure_key(unit: _Unit) -> object:
    figure = unit.record
    assert isinstance(figure, TradeFigure)  # noqa: S101
    return (
        figure.money.currency,
        figure.money.low,
        figure.money.high,
        figure.metric,
        frozenset(figure.partners),
        figure.period.iso() if figure.period else None,
    )


def _figures_match(a: _Unit, b: _Unit) -> bool:
    fa = a.record
    assert isinstance(fa, TradeFigure)  # noqa: S101
    # The same amount for the same period is one figure; an undated one only
    # when the articles are close in time.
    return fa.period is not None or _published_near(a, b, STATEMENT_WINDOW)


def _combine_figures(members: list[_Unit]) -> TradeFigure:
    typed = [u.record for u in members if isinstance(u.record, TradeFigure)]
    single = _single(members)
    first = typed[0]
    return attrs.evolve(
        first,
        trend=_first(f.trend for f in typed) if single else None,
        period_text=_first(f.period_text for f in typed),
        evidence=tuple(s for f in typed for s in f.evidence) if single else (),
        sources=_sources(members),
        extractor=first.extractor if single else EXTRACTOR,
    )
