"""JSON output: the gold format's fields, plus spans and provenance on every item.

The top-level keys and the meaning of each gold key are those of the gold
annotation format, so an output file can be scored directly. Every item adds
its evidence: ``span`` / ``spans`` as ``[start, end]`` pairs into ``text``,
the ``extractor`` that produced it and, for dates, the ``base`` and ``rule``.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from functools import cache
from typing import TYPE_CHECKING, Any, Final

import cattrs

from bilatx._types import (
    DateInterval,
    DateMention,
    DateValue,
    Document,
    DurationMention,
    Extraction,
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
    parse_date_value,
)
from bilatx.errors import InputError

if TYPE_CHECKING:
    from collections.abc import Mapping

__all__ = ["SCHEMA_VERSION", "converter", "extraction_from_dict", "extraction_to_dict"]

SCHEMA_VERSION: Final = 1


def _number(value: Decimal | None) -> int | float | None:
    """JSON numbers for amounts: integers stay exact, fractions become floats."""
    if value is None:
        return None
    if value == value.to_integral_value():
        return int(value)
    return float(value)


def _decimal(value: object) -> Decimal | None:
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, (int, float, str)):
        msg = f"expected a number, got {value!r}"
        raise TypeError(msg)
    return Decimal(str(value))


def _span(value: object) -> Span:
    if not isinstance(value, (list, tuple)) or len(value) != 2:  # noqa: PLR2004
        msg = f"expected a span [start, end], got {value!r}"
        raise TypeError(msg)
    return Span(int(value[0]), int(value[1]))


def _date_or_none(value: object) -> DateValue | DateInterval | None:
    if value is None:
        return None
    if not isinstance(value, str):
        msg = f"expected an ISO date string, got {value!r}"
        raise TypeError(msg)
    return parse_date_value(value)


def _day(value: object) -> DateValue | None:
    parsed = _date_or_none(value)
    if isinstance(parsed, DateInterval):
        msg = f"expected a single date, got the interval {value!r}"
        raise TypeError(msg)
    return parsed


@cache
def converter() -> cattrs.Converter:
    """Return the cattrs converter for bilatx mention types (spans as pairs, ISO dates)."""
    conv = cattrs.Converter()
    conv.register_unstructure_hook(Span, lambda s: [s.start, s.end])
    conv.register_structure_hook(Span, lambda v, _: _span(v))
    conv.register_unstructure_hook(Decimal, _number)
    conv.register_structure_hook(Decimal, lambda v, _: _decimal(v))
    conv.register_unstructure_hook(dt.date, lambda d: d.isoformat())
    conv.register_structure_hook(dt.date, lambda v, _: dt.date.fromisoformat(v))
    conv.register_unstructure_hook(DateValue, lambda d: d.iso())
    conv.register_unstructure_hook(DateInterval, lambda d: d.iso())
    conv.register_structure_hook(DateValue | DateInterval | None, lambda v, _: _date_or_none(v))
    conv.register_structure_hook(DateValue | None, lambda v, _: _day(v))
    conv.register_structure_hook(Span | None, lambda v, _: None if v is None else _span(v))
    return conv


# ----------------------------------------------------------------- writing


def _official(person: Official) -> dict[str, Any]:
    return {
        "name": person.name,
        "surname": person.surname,
        "title": person.title,
        "country": person.country,
        "honorific": person.honorific,
        "spans": [[s.start, s.end] for s in person.spans],
    }


def _spans(spans: tuple[Span, ...]) -> list[list[int]]:
    return [[s.start, s.end] for s in spans]


def _sources(sources: tuple[Source, ...]) -> list[dict[str, Any]]:
    return [
        {
            "id": s.doc_id,
            "spans": _spans(s.spans),
            "published": s.published.isoformat() if s.published else None,
        }
        for s in sources
    ]


def _iso(value: DateValue | DateInterval | None) -> str | None:
    return None if value is None else value.iso()


def _money_item(m: MoneyMention) -> dict[str, Any]:
    return {
        "text": m.text,
        "currency": m.value.currency,
        "low": _number(m.value.low),
        "high": _number(m.value.high),
        "span": [m.span.start, m.span.end],
        "bound": m.bound.value,
        "approximate": m.approximate,
        "unit": m.unit,
        "rule": m.rule,
        "extractor": m.extractor,
    }


def visit_to_dict(v: Visit) -> dict[str, Any]:
    """Serialise a visit: gold keys first, then the rest."""
    return {
        "visitor": v.visitor.surname,
        "origin": v.origin,
        "host": v.host,
        "start": _iso(v.start),
        "end": _iso(v.end),
        "places": list(v.places),
        "visitor_official": _official(v.visitor),
        "status": v.status.value if v.status else None,
        "sectors": list(v.sectors),
        "date_conflict": v.date_conflict,
        "evidence": _spans(v.evidence),
        "sources": _sources(v.sources),
        "extractor": v.extractor,
    }


def meeting_to_dict(m: Meeting) -> dict[str, Any]:
    """Serialise a meeting: gold keys first, then the rest."""
    return {
        "participants": [p.surname for p in m.participants],
        "date": _iso(m.date),
        "place": m.place,
        "participant_officials": [_official(p) for p in m.participants],
        "form": m.form.value if m.form else None,
        "topics": list(m.topics),
        "evidence": _spans(m.evidence),
        "sources": _sources(m.sources),
        "extractor": m.extractor,
    }


def statement_to_dict(s: Statement) -> dict[str, Any]:
    """Serialise a statement: gold keys first, then the rest."""
    return {
        "speaker": s.speaker.surname,
        "quote": s.quote,
        "channel": s.channel,
        "speaker_official": _official(s.speaker),
        "date": _iso(s.date),
        "quote_span": [s.quote_span.start, s.quote_span.end],
        "evidence": _spans(s.evidence),
        "sources": _sources(s.sources),
        "extractor": s.extractor,
    }


def trade_figure_to_dict(t: TradeFigure) -> dict[str, Any]:
    """Serialise a trade figure: gold keys first, then the rest."""
    trend = None
    if t.trend is not None:
        trend = {
            "direction": t.trend.direction,
            "earlier": [t.trend.earlier.start, t.trend.earlier.end],
            "later": [t.trend.later.start, t.trend.later.end],
        }
    return {
        "text": t.text,
        "currency": t.money.currency,
        "low": _number(t.money.low),
        "high": _number(t.money.high),
        "period": _iso(t.period),
        "partners": list(t.partners),
        "metric": t.metric,
        "period_text": t.period_text,
        "trend": trend,
        "span": [t.span.start, t.span.end],
        "evidence": _spans(t.evidence),
        "sources": _sources(t.sources),
        "extractor": t.extractor,
    }


def extraction_to_dict(ex: Extraction, *, include_text: bool = True) -> dict[str, Any]:
    """Return the JSON-ready dict of an extraction (see :meth:`Extraction.to_dict`)."""
    conv = converter()
    m = ex.mentions
    sector_spans: dict[str, list[SectorMention]] = {}
    for s in m.sectors:
        sector_spans.setdefault(s.sector, []).append(s)
    out: dict[str, Any] = {
        "id": ex.document.id,
        "published": ex.document.published.isoformat() if ex.document.published else None,
    }
    if include_text:
        out["text"] = ex.document.text
    if ex.document.meta:
        out["meta"] = dict(ex.document.meta)
    out.update(
        {
            "dates": [conv.unstructure(d) for d in m.dates],
            "durations": [conv.unstructure(d) for d in m.durations],
            "money": [_money_item(x) for x in m.money],
            "officials": [_official(p) for p in m.people],
            "official_mentions": [conv.unstructure(o) for o in m.officials],
            "places": [conv.unstructure(p) for p in m.places],
            "sectors": [
                {
                    "id": sid,
                    "texts": [s.text for s in items],
                    "spans": _spans(tuple(s.span for s in items)),
                }
                for sid, items in sector_spans.items()
            ],
            "sector_mentions": [conv.unstructure(s) for s in m.sectors],
            "quotes": [conv.unstructure(q) for q in m.quotes],
            "visits": [visit_to_dict(v) for v in ex.visits],
            "meetings": [meeting_to_dict(x) for x in ex.meetings],
            "statements": [statement_to_dict(s) for s in ex.statements],
            "trade_figures": [trade_figure_to_dict(t) for t in ex.trade_figures],
            "errors": [conv.unstructure(e) for e in ex.errors],
            "schema_version": SCHEMA_VERSION,
        }
    )
    return out


# ----------------------------------------------------------------- reading


def _read_official(d: Mapping[str, Any]) -> Official:
    return Official(
        name=d["name"],
        surname=d["surname"],
        title=d.get("title"),
        country=d.get("country"),
        honorific=d.get("honorific"),
        spans=tuple(_span(s) for s in d.get("spans") or ()),
    )


def _read_sources(items: object) -> tuple[Source, ...]:
    return tuple(
        Source(i.get("id"), tuple(_span(s) for s in i.get("spans") or ()), i.get("published"))
        for i in (items or ())  # type: ignore[attr-defined]
    )


def _read_spans(items: object) -> tuple[Span, ...]:
    return tuple(_span(s) for s in (items or ()))  # type: ignore[attr-defined]


def _read_money(d: Mapping[str, Any]) -> MoneyMention:
    return MoneyMention(
        span=_span(d["span"]),
        text=d["text"],
        value=Money(
            currency=d.get("currency"), low=_decimal(d.get("low")), high=_decimal(d.get("high"))
        ),
        bound=d.get("bound", "exact"),
        approximate=bool(d.get("approximate", False)),
        unit=d.get("unit"),
        rule=d.get("rule", ""),
        extractor=d["extractor"],
    )


def _read_visit(d: Mapping[str, Any]) -> Visit:
    return Visit(
        visitor=_read_official(d["visitor_official"]),
        origin=d.get("origin"),
        host=d.get("host"),
        start=_day(d.get("start")),
        end=_day(d.get("end")),
        places=tuple(d.get("places") or ()),
        status=d.get("status"),
        sectors=tuple(d.get("sectors") or ()),
        date_conflict=bool(d.get("date_conflict", False)),
        evidence=_read_spans(d.get("evidence")),
        sources=_read_sources(d.get("sources")),
        extractor=d["extractor"],
    )


def _read_meeting(d: Mapping[str, Any]) -> Meeting:
    return Meeting(
        participants=tuple(_read_official(p) for p in d["participant_officials"]),
        date=_date_or_none(d.get("date")),
        place=d.get("place"),
        form=d.get("form"),
        topics=tuple(d.get("topics") or ()),
        evidence=_read_spans(d.get("evidence")),
        sources=_read_sources(d.get("sources")),
        extractor=d["extractor"],
    )


def _read_statement(d: Mapping[str, Any]) -> Statement:
    return Statement(
        speaker=_read_official(d["speaker_official"]),
        quote=d["quote"],
        quote_span=_span(d["quote_span"]),
        channel=d.get("channel"),
        date=_day(d.get("date")),
        evidence=_read_spans(d.get("evidence")),
        sources=_read_sources(d.get("sources")),
        extractor=d["extractor"],
    )


def _read_trade(d: Mapping[str, Any]) -> TradeFigure:
    trend = d.get("trend")
    return TradeFigure(
        money=Money(
            currency=d.get("currency"), low=_decimal(d.get("low")), high=_decimal(d.get("high"))
        ),
        span=_span(d["span"]),
        text=d["text"],
        metric=d.get("metric"),
        partners=tuple(d.get("partners") or ()),
        period=_date_or_none(d.get("period")),
        period_text=d.get("period_text"),
        trend=None
        if trend is None
        else TradeTrend(
            direction=trend["direction"],
            earlier=_span(trend["earlier"]),
            later=_span(trend["later"]),
        ),
        evidence=_read_spans(d.get("evidence")),
        sources=_read_sources(d.get("sources")),
        extractor=d["extractor"],
    )


def extraction_from_dict(data: Mapping[str, Any], *, text: str | None = None) -> Extraction:
    """Rebuild an :class:`Extraction` from :func:`extraction_to_dict` output.

    Raises:
        InputError: the dict is not bilatx output, or a value in it is invalid.
    """
    doc_id = data.get("id") if isinstance(data, dict) else None
    try:
        return _extraction_from_dict(data, text=text)
    except (KeyError, TypeError, ValueError, cattrs.BaseValidationError) as exc:
        if isinstance(exc, cattrs.BaseValidationError):
            detail = "; ".join(
                cattrs.transform_error(
                    exc, format_exception=lambda e, _: str(e) or type(e).__name__
                )
            )
        elif isinstance(exc, KeyError):
            detail = f"missing key {exc}"
        else:
            detail = str(exc)
        msg = f"not a valid bilatx extraction: {detail}"
        raise InputError(msg, doc_id=None if doc_id is None else str(doc_id)) from None


def _extraction_from_dict(data: Mapping[str, Any], *, text: str | None) -> Extraction:
    conv = converter()
    body = data.get("text", text)
    if body is None:
        msg = "the dict has no 'text'; pass text= to rebuild the document"
        raise ValueError(msg)
    doc = Document(
        text=body, id=data.get("id"), published=data.get("published"), meta=data.get("meta") or {}
    )
    mentions = Mentions(
        dates=[conv.structure(d, DateMention) for d in data.get("dates") or ()],
        durations=[conv.structure(d, DurationMention) for d in data.get("durations") or ()],
        officials=[conv.structure(d, OfficialMention) for d in data.get("official_mentions") or ()],
        money=[_read_money(d) for d in data.get("money") or ()],
        places=[conv.structure(d, PlaceMention) for d in data.get("places") or ()],
        sectors=[conv.structure(d, SectorMention) for d in data.get("sector_mentions") or ()],
        quotes=[conv.structure(d, QuoteMention) for d in data.get("quotes") or ()],
        people=[_read_official(p) for p in data.get("officials") or ()],
    )
    return Extraction(
        document=doc,
        mentions=mentions,
        visits=[_read_visit(v) for v in data.get("visits") or ()],
        meetings=[_read_meeting(m) for m in data.get("meetings") or ()],
        statements=[_read_statement(s) for s in data.get("statements") or ()],
        trade_figures=[_read_trade(t) for t in data.get("trade_figures") or ()],
        errors=[conv.structure(e, PluginError) for e in data.get("errors") or ()],
    )
