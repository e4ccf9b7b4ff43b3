"""pandas DataFrames of extractions, one per record kind and per mention kind.

Needs the optional extra ``bilatx[pandas]``. Importing bilatx (or this module)
never imports pandas; :func:`to_dataframes` does, when called.

>>> import bilatx
>>> frames = bilatx.to_dataframes([bilatx.extract("Nothing happened.", doc_id="a")])
>>> sorted(frames)[:4]
['dates', 'durations', 'meetings', 'money']
>>> list(frames["visits"].columns[:4])
['doc_id', 'published', 'visitor', 'visitor_surname']
"""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING, Any, Final

from bilatx._types import (
    DateInterval,
    DateValue,
    Extraction,
    Money,
    Span,
)

if TYPE_CHECKING:
    import datetime as dt
    from collections.abc import Iterable

    import pandas as pd

    from bilatx._types import Record, Source

__all__ = ["COLUMNS", "to_dataframes"]

_SPAN: Final = ("span_start", "span_end")
_PROVENANCE: Final = ("rule", "extractor")
_RECORD_TAIL: Final = ("evidence", "sources", "extractor")

COLUMNS: Final[dict[str, tuple[str, ...]]] = {
    # ---- records
    "visits": (
        "doc_id", "published", "visitor", "visitor_surname", "visitor_title", "visitor_country",
        "origin", "host", "pair", "start", "end", "start_day", "end_day", "status", "places",
        "sectors", "date_conflict", *_SPAN, *_RECORD_TAIL,
    ),
    "meetings": (
        "doc_id", "published", "participants", "surnames", "countries", "pair", "date",
        "first_day", "last_day", "place", "form", "topics", *_SPAN, *_RECORD_TAIL,
    ),
    "statements": (
        "doc_id", "published", "speaker", "speaker_surname", "speaker_title", "speaker_country",
        "quote", "channel", "date", "first_day", "quote_start", "quote_end", *_SPAN,
        *_RECORD_TAIL,
    ),
    "trade_figures": (
        "doc_id", "published", "text", "currency", "low", "high", "amount", "metric",
        "partners", "pair", "period", "period_first_day", "period_last_day", "period_text",
        "trend", *_SPAN, *_RECORD_TAIL,
    ),
    # ---- mentions
    "dates": (
        "doc_id", "published", "text", "value", "first_day", "last_day", "granularity",
        "relative", "base", *_SPAN, *_PROVENANCE,
    ),
    "durations": ("doc_id", "published", "text", "days", *_SPAN, *_PROVENANCE),
    "officials": (
        "doc_id", "published", "text", "name", "surname", "title", "country", "honorific",
        *_SPAN, *_PROVENANCE,
    ),
    "people": (
        "doc_id", "published", "name", "surname", "title", "country", "honorific", "mentions",
        "spans",
    ),
    "money": (
        "doc_id", "published", "text", "currency", "low", "high", "amount", "bound",
        "approximate", "unit", *_SPAN, *_PROVENANCE,
    ),
    "places": ("doc_id", "published", "text", "name", "kind", "country", *_SPAN, *_PROVENANCE),
    "sectors": ("doc_id", "published", "text", "sector", *_SPAN, *_PROVENANCE),
    "quotes": (
        "doc_id", "published", "text", "quote", "speaker", "channel", "quote_start", "quote_end",
        *_SPAN, *_PROVENANCE,
    ),
}  # fmt: skip
"""The columns of each DataFrame, in order; every frame has them even when empty."""

_DATETIME: Final = (
    "published", "start_day", "end_day", "first_day", "last_day", "period_first_day",
    "period_last_day", "base",
)  # fmt: skip


def _iso(value: DateValue | DateInterval | None) -> str | None:
    return None if value is None else value.iso()


def _first(value: DateValue | DateInterval | None) -> dt.date | None:
    return None if value is None else value.first_day()


def _last(value: DateValue | DateInterval | None) -> dt.date | None:
    return None if value is None else value.last_day()


def _amount(money: Money) -> float:
    """A float for plotting only: the midpoint of a range, or the one bound given."""
    values = [v for v in (money.low, money.high) if v is not None]
    return float(sum(values, Decimal(0)) / len(values))


def _pair(codes: Iterable[str | None]) -> str | None:
    known = sorted({c for c in codes if c})
    return "-".join(known) if known else None


def _pairs(spans: Iterable[Span]) -> tuple[tuple[int, int], ...]:
    return tuple((s.start, s.end) for s in spans)


def _sources(sources: tuple[Source, ...]) -> tuple[str | None, ...]:
    return tuple(dict.fromkeys(s.doc_id for s in sources))


def _record_tail(record: Record, main: Span | None) -> dict[str, Any]:
    spans = sorted(record.evidence)
    anchor = main if main is not None else (spans[0] if spans else None)
    return {
        "span_start": None if anchor is None else anchor.start,
        "span_end": None if anchor is None else anchor.end,
        "evidence": _pairs(record.evidence),
        "sources": _sources(record.sources),
        "extractor": record.extractor,
    }


def _rows(ex: Extraction) -> dict[str, list[dict[str, Any]]]:
    """Return the rows each frame gets from one extraction."""
    base = {"doc_id": ex.document.id, "published": ex.document.published}
    out: dict[str, list[dict[str, Any]]] = {name: [] for name in COLUMNS}

    def mention(m: Any) -> dict[str, Any]:  # noqa: ANN401  (any mention type)
        return {
            **base,
            "text": m.text,
            "span_start": m.span.start,
            "span_end": m.span.end,
            "rule": m.rule,
            "extractor": m.extractor,
        }

    for v in ex.visits:
        out["visits"].append(
            {
                **base,
                "visitor": v.visitor.name,
                "visitor_surname": v.visitor.surname,
                "visitor_title": v.visitor.title,
                "visitor_country": v.visitor.country,
                "origin": v.origin,
                "host": v.host,
                "pair": _pair((v.origin, v.host)),
                "start": _iso(v.start),
                "end": _iso(v.end),
                "start_day": _first(v.start),
                "end_day": _last(v.end),
                "status": v.status.value if v.status else None,
                "places": v.places,
                "sectors": v.sectors,
                "date_conflict": v.date_conflict,
                **_record_tail(v, None),
            }
        )
    for m in ex.meetings:
        out["meetings"].append(
            {
                **base,
                "participants": tuple(p.name for p in m.participants),
                "surnames": tuple(p.surname for p in m.participants),
                "countries": tuple(p.country for p in m.participants),
                "pair": _pair(p.country for p in m.participants),
                "date": _iso(m.date),
                "first_day": _first(m.date),
                "last_day": _last(m.date),
                "place": m.place,
                "form": m.form.value if m.form else None,
                "topics": m.topics,
                **_record_tail(m, None),
            }
        )
    for s in ex.statements:
        out["statements"].append(
            {
                **base,
                "speaker": s.speaker.name,
                "speaker_surname": s.speaker.surname,
                "speaker_title": s.speaker.title,
                "speaker_country": s.speaker.country,
                "quote": s.quote,
                "channel": s.channel,
                "date": _iso(s.date),
                "first_day": _first(s.date),
                "quote_start": s.quote_span.start,
                "quote_end": s.quote_span.end,
                **_record_tail(s, s.quote_span),
            }
        )
    for t in ex.trade_figures:
        out["trade_figures"].append(
            {
                **base,
                "text": t.text,
                "currency": t.money.currency,
                "low": t.money.low,
                "high": t.money.high,
                "amount": _amount(t.money),
                "metric": t.metric,
                "partners": t.partners,
                "pair": _pair(t.partners),
                "period": _iso(t.period),
                "period_first_day": _first(t.period),
                "period_last_day": _last(t.period),
                "period_text": t.period_text,
                "trend": t.trend.direction if t.trend else None,
                **_record_tail(t, t.span),
            }
        )
    for d in ex.mentions.dates:
        out["dates"].append(
            {
                **mention(d),
                "value": _iso(d.value),
                "first_day": _first(d.value),
                "last_day": _last(d.value),
                "granularity": d.granularity.value,
                "relative": d.relative,
                "base": d.base,
            }
        )
    for u in ex.mentions.durations:
        out["durations"].append({**mention(u), "days": u.days})
    for o in ex.mentions.officials:
        out["officials"].append(
            {
                **mention(o),
                "name": o.name,
                "surname": o.surname,
                "title": o.title,
                "country": o.country,
                "honorific": o.honorific,
            }
        )
    for p in ex.mentions.people:
        out["people"].append(
            {
                **base,
                "name": p.name,
                "surname": p.surname,
                "title": p.title,
                "country": p.country,
                "honorific": p.honorific,
                "mentions": len(p.spans),
                "spans": _pairs(p.spans),
            }
        )
    for x in ex.mentions.money:
        out["money"].append(
            {
                **mention(x),
                "currency": x.value.currency,
                "low": x.value.low,
                "high": x.value.high,
                "amount": _amount(x.value),
                "bound": x.bound.value,
                "approximate": x.approximate,
                "unit": x.unit,
            }
        )
    for pl in ex.mentions.places:
        out["places"].append(
            {**mention(pl), "name": pl.name, "kind": pl.kind.value, "country": pl.country}
        )
    for se in ex.mentions.sectors:
        out["sectors"].append({**mention(se), "sector": se.sector})
    for q in ex.mentions.quotes:
        out["quotes"].append(
            {
                **mention(q),
                "quote": q.quote,
                "speaker": q.speaker,
                "channel": q.channel,
                "quote_start": q.quote_span.start,
                "quote_end": q.quote_span.end,
            }
        )
    return out


def to_dataframes(extractions: Iterable[Extraction]) -> dict[str, pd.DataFrame]:
    """Return one DataFrame per record kind and per mention kind.

    Keys: ``visits``, ``meetings``, ``statements``, ``trade_figures`` (records);
    ``dates``, ``durations``, ``officials`` (each mention), ``people`` (each
    resolved official once per document), ``money``, ``places``, ``sectors``,
    ``quotes`` (mentions). Columns are listed in :data:`COLUMNS`; every frame
    has them, even when empty, so ``groupby`` and plotting code need no special
    case.

    Every row has ``doc_id`` and ``published``, and ``span_start`` /
    ``span_end`` into the document's text (records: their own span, or the
    first evidence span; ``evidence`` holds them all). Calendar columns
    (``published``, ``*_day``, ``base``) are datetimes; ``start``, ``end``,
    ``date``, ``value`` and ``period`` keep the ISO text at the value's own
    granularity. ``low`` and ``high`` are exact :class:`~decimal.Decimal`
    amounts; ``amount`` is a float for plotting only (the midpoint of a range).
    ``pair`` is the sorted country codes joined by ``-`` (``"ESP-MAR"``).

    Raises:
        ImportError: pandas is not installed (``pip install 'bilatx[pandas]'``).
        TypeError: an item is not an :class:`~bilatx.Extraction`.
    """
    try:
        import pandas as pd  # noqa: PLC0415
    except ImportError:
        msg = "to_dataframes needs pandas: pip install 'bilatx[pandas]'"
        raise ImportError(msg) from None
    rows: dict[str, list[dict[str, Any]]] = {name: [] for name in COLUMNS}
    items: Iterable[object] = extractions  # checked: callers pass anything
    for n, ex in enumerate(items):
        if not isinstance(ex, Extraction):
            msg = f"item {n} is a {type(ex).__name__}, not an Extraction"
            raise TypeError(msg)
        for name, found in _rows(ex).items():
            rows[name] += found
    frames: dict[str, pd.DataFrame] = {}
    for name, columns in COLUMNS.items():
        frame = pd.DataFrame(rows[name], columns=list(columns))
        for column in columns:
            if column in _DATETIME:
                frame[column] = pd.to_datetime(frame[column])
        if "amount" in columns:
            frame["amount"] = frame["amount"].astype("float64")
        frames[name] = frame
    return frames
