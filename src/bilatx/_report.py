"""The corpus report: one self-contained page over many extractions.

Sections: a timeline of visits, meetings by country pair, trade figures over
time per country pair (charts), the most frequent sectors per pair, every
statement, and an index of the documents. Every item links back to the
document it came from.

Charts are SVG generated here, not drawn by a charting library: the page must
open without network access, print, stay small, and never hand article text to
code we did not write. Generated SVG meets all four with no dependency and no
script at all; every value in it is escaped like the rest of the page, and
every chart is followed by a table with the same data, which is also what a
screen reader reads.
"""

from __future__ import annotations

import datetime as dt
import math
from collections import Counter
from decimal import ROUND_CEILING, Decimal
from typing import TYPE_CHECKING, Final

import attrs

from bilatx._types import (
    DateInterval,
    DateValue,
    Meeting,
    PlaceKind,
    Statement,
    TradeFigure,
    Visit,
)
from bilatx.html import (
    VIEW_CSS,
    esc,
    fmt_date,
    fmt_money,
    fmt_number,
    fmt_official,
    page,
)

if TYPE_CHECKING:
    from collections.abc import Iterable, Mapping, Sequence

    from bilatx._types import Extraction, Official, Record

__all__ = ["Failed", "report_html"]

UNKNOWN: Final = "?"
MAX_TIMELINE_ROWS: Final = 300
TIMELINE_GAP_DAYS: Final = 365
SECTOR_LINKS: Final = 4

REPORT_CSS: Final = """
.bilatx-report{max-width:76rem}
.bilatx-report h2{font-size:1.25rem;margin-top:2rem;padding-top:.4rem;
border-top:2px solid var(--bx-line)}
.bilatx-report h3{margin-top:1.2rem}
.bx-toc{display:flex;flex-wrap:wrap;gap:.3rem 1rem;padding:0;list-style:none;margin:.3rem 0 0}
.bx-summary{font-size:1.02rem}
.bx-chart{display:block;width:100%;max-width:60rem;height:auto;margin:.4rem 0 .6rem;
font:12px system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif}
.bx-chart text{fill:#1b1f24}.bx-chart .bx-axis{stroke:#8c959f;stroke-width:1}
.bx-chart .bx-grid{stroke:#d0d7de;stroke-width:1}
.bx-chart a:hover rect,.bx-chart a:hover circle{stroke:#000;stroke-width:2}
.bx-key{display:flex;flex-wrap:wrap;gap:.2rem 1rem;font-size:.88rem;margin:.2rem 0;padding:0;
list-style:none}
.bx-key span{display:inline-block;width:1.1em;height:.8em;margin-right:.3em;
vertical-align:-.05em;border-radius:2px}
.bx-bars td:last-child{width:55%}
.bx-bar{display:inline-block;height:.8em;background:#0a61a8;border-radius:2px;
vertical-align:-.05em;margin-right:.4em}
.bx-docs{overflow-wrap:anywhere}.bx-q{max-width:40rem}.bx-nw{white-space:nowrap}
.bx-pairs{display:grid;grid-template-columns:repeat(auto-fill,minmax(19rem,1fr));gap:.4rem 1.5rem}
.bx-table caption{text-align:left;font-weight:600;padding:.2rem 0}
.bx-table small{color:var(--bx-muted)}
@container bx (max-width:48rem){.bilatx-report .bx-table{display:block;overflow-x:auto}}
@media print{.bilatx-report h2{break-after:avoid}.bx-chart{break-inside:avoid}
.bx-bar,.bx-key span{-webkit-print-color-adjust:exact;print-color-adjust:exact}}
"""

STATUS_COLOURS: Final[Mapping[str, str]] = {
    "announced": "#0a61a8",
    "ongoing": "#b7410e",
    "completed": "#087a55",
    "postponed": "#8a6d00",
    "cancelled": "#6e7781",
    "unknown": "#57606a",
}
# Okabe-Ito, told apart by people with the common colour-vision deficiencies.
SERIES_COLOURS: Final = ("#0072b2", "#d55e00", "#009e73", "#cc79a7", "#e69f00", "#56b4e9", "#000")


@attrs.frozen
class Failed:
    """A document the report could not include, and why."""

    doc_id: str | None
    where: str
    message: str


@attrs.frozen
class _Item:
    record: Record
    docs: tuple[int, ...]
    """Indexes into the extractions of the documents the record comes from."""


def _country(code: str) -> str:
    if code == UNKNOWN:
        return "unknown country"
    from bilatx.geo import country_name  # noqa: PLC0415

    return country_name(code) or code


def _pair(codes: Iterable[str | None]) -> tuple[str, ...]:
    """Return a pair key: the distinct codes, sorted, unknown last."""
    known = sorted({c for c in codes if c})
    return tuple(known) if known else (UNKNOWN,)


def _pair_html(pair: tuple[str, ...]) -> str:
    names = " \u2013 ".join(_country(c) for c in pair)
    return f'<abbr title="{esc(names)}">{esc(chr(0x2013).join(pair))}</abbr>'


def _pair_sort(pair: tuple[str, ...]) -> tuple[bool, tuple[str, ...]]:
    return (UNKNOWN in pair, pair)


def _visit_pair(v: Visit) -> tuple[str, ...]:
    return tuple(sorted((v.origin or UNKNOWN, v.host or UNKNOWN)))


def _people_pair(people: Iterable[Official]) -> tuple[str, ...]:
    codes = sorted({p.country or UNKNOWN for p in people})
    return tuple(codes)


def _trade_pair(t: TradeFigure) -> tuple[str, ...]:
    return _pair(t.partners)


def _record_pair(r: Record) -> tuple[str, ...] | None:
    """Return the two countries a record is between, when it names exactly two."""
    if isinstance(r, Visit):
        if r.origin and r.host and r.origin != r.host:
            return _visit_pair(r)
    elif isinstance(r, Meeting):
        pair = _people_pair(r.participants)
        if len(pair) == 2 and UNKNOWN not in pair:  # noqa: PLR2004
            return pair
    elif isinstance(r, TradeFigure) and len(set(r.partners)) == 2:  # noqa: PLR2004
        return _trade_pair(r)
    return None


def _day(value: DateValue | DateInterval) -> tuple[dt.date, dt.date]:
    return value.first_day(), value.last_day()


class _Report:
    def __init__(
        self,
        extractions: Sequence[Extraction],
        records: Sequence[Record] | None,
        article_links: Mapping[str, str],
        failed: Sequence[Failed],
    ) -> None:
        self.extractions = extractions
        self.failed = failed
        self.article_links = article_links
        self.index: dict[str, int] = {}
        for i, ex in enumerate(extractions):
            if ex.document.id is not None:
                self.index.setdefault(ex.document.id, i)
        self.items: list[_Item] = []
        if records is None:
            for i, ex in enumerate(extractions):
                self.items += [_Item(r, (i,)) for r in ex.records]
        else:
            for r in records:
                docs = tuple(
                    dict.fromkeys(
                        self.index[s.doc_id]
                        for s in r.sources
                        if s.doc_id is not None and s.doc_id in self.index
                    )
                )
                self.items.append(_Item(r, docs))

    # ----------------------------------------------------------- links

    def doc_href(self, i: int) -> str:
        doc_id = self.extractions[i].document.id
        if doc_id is not None and doc_id in self.article_links:
            return self.article_links[doc_id]
        return f"#doc-{i}"

    def doc_name(self, i: int) -> str:
        return self.extractions[i].document.id or f"document {i + 1} (no id)"

    def sources(self, item: _Item) -> str:
        links = [
            f'<a href="{esc(self.doc_href(i))}">{esc(self.doc_name(i))}</a>' for i in item.docs
        ]
        missing = [
            s.doc_id
            for s in item.record.sources
            if s.doc_id is not None and s.doc_id not in self.index
        ]
        links += [esc(d) for d in dict.fromkeys(missing)]
        return ", ".join(links) or "\u2013"

    def of(self, kind: type) -> list[_Item]:
        return [it for it in self.items if isinstance(it.record, kind)]

    # --------------------------------------------------------- sections

    def summary(self) -> str:
        n = len(self.extractions)
        days = sorted(ex.document.published for ex in self.extractions if ex.document.published)
        span = f", published {days[0]} to {days[-1]}" if days else ""
        counts = [
            (len(self.of(Visit)), "visit", "#visits"),
            (len(self.of(Meeting)), "meeting", "#meetings"),
            (len(self.of(Statement)), "statement", "#statements"),
            (len(self.of(TradeFigure)), "trade figure", "#trade"),
        ]
        parts = ", ".join(
            f'<a href="{href}">{c} {word}{"" if c == 1 else "s"}</a>' for c, word, href in counts
        )
        out = f'<p class="bx-summary">{n} document{"" if n == 1 else "s"}{esc(span)}: {parts}.</p>'
        troubled = [i for i, ex in enumerate(self.extractions) if ex.errors]
        if self.failed or troubled:
            lines = [
                f"<li>{esc(f.where)}{f' (id {esc(f.doc_id)})' if f.doc_id else ''}: "
                f"{esc(f.message)}</li>"
                for f in self.failed
            ]
            lines += [
                f'<li><a href="#doc-{i}">{esc(self.doc_name(i))}</a>: '
                f"{len(self.extractions[i].errors)} extractor failure(s); "
                "what they would have found is missing</li>"
                for i in troubled
            ]
            out += (
                f'<div class="bx-errors" role="alert"><strong>{len(self.failed)} input '
                f"line(s) could not be read and {len(troubled)} document(s) are incomplete."
                f"</strong><ul>{''.join(lines)}</ul></div>"
            )
        return out

    def visits(self) -> str:
        items = self.of(Visit)
        head = '<h2 id="visits-h">Visits</h2>'
        if not items:
            return head + '<p class="bx-empty">No visits found.</p>'

        def key(it: _Item) -> tuple[bool, dt.date, str]:
            v = it.record
            assert isinstance(v, Visit)  # noqa: S101
            when = v.start or v.end
            return (when is None, when.first_day() if when else dt.date.min, v.visitor.name)

        items.sort(key=key)
        rows = []
        for it in items:
            v = it.record
            assert isinstance(v, Visit)  # noqa: S101
            rows.append(
                "<tr>"
                f'<td class="bx-nw">{esc(fmt_date(v.start))}</td>'
                f'<td class="bx-nw">{esc(fmt_date(v.end))}</td>'
                f"<td>{esc(fmt_official(v.visitor))}</td>"
                f'<td class="bx-nw">{esc(v.origin or UNKNOWN)} \u2192 {esc(v.host or UNKNOWN)}</td>'
                f"<td>{esc(', '.join(v.places))}</td>"
                f"<td>{esc(v.status.value if v.status else '')}</td>"
                f"<td>{esc(', '.join(v.sectors))}</td><td>{self.sources(it)}</td></tr>"
            )
        table = (
            '<table class="bx-table"><caption>Every visit, by start date</caption><thead><tr>'
            "<th>start</th><th>end</th><th>visitor</th><th>from \u2192 to</th><th>places</th>"
            "<th>status</th><th>agenda</th><th>source</th></tr></thead>"
            f"<tbody>{''.join(rows)}</tbody></table>"
        )
        return head + self.timeline(items) + table

    def timeline(self, items: Sequence[_Item]) -> str:
        rows: list[tuple[_Item, dt.date, dt.date]] = []
        for it in items:
            v = it.record
            assert isinstance(v, Visit)  # noqa: S101
            begin = v.start or v.end
            finish = v.end or v.start
            if begin is None or finish is None:
                continue
            rows.append((it, begin.first_day(), finish.last_day()))
        if not rows:
            return '<p class="bx-empty">No visit has a date, so there is no timeline.</p>'
        dated = len(rows)
        # Past a few hundred rows a timeline is unreadable; the table lists them all.
        rows = rows[:MAX_TIMELINE_ROWS]
        # Visits years apart get a timeline each, so neither is squeezed into a sliver.
        groups: list[list[tuple[_Item, dt.date, dt.date]]] = []
        for row in sorted(rows, key=lambda r: r[1]):
            if groups and (row[1] - max(r[2] for r in groups[-1])).days <= TIMELINE_GAP_DAYS:
                groups[-1].append(row)
            else:
                groups.append([row])
        parts = [self.timeline_svg(group, n) for n, group in enumerate(groups)]
        used = dict.fromkeys(
            (it.record.status.value if it.record.status else "unknown")
            for it, _, _ in rows
            if isinstance(it.record, Visit)
        )
        key = "".join(
            f'<li><span style="background:{STATUS_COLOURS[s]}"></span>{esc(s)}</li>' for s in used
        )
        undated = len(items) - dated
        note = (
            f'<p class="bx-empty">{undated} visit(s) without dates are in the table only.</p>'
            if undated
            else ""
        )
        if dated > len(rows):
            note += (
                f'<p class="bx-empty">The timeline shows the first {len(rows)} of {dated} dated '
                "visits; the table lists them all.</p>"
            )
        return f'<ul class="bx-key" aria-label="status">{key}</ul>{"".join(parts)}{note}'

    def timeline_svg(self, rows: Sequence[tuple[_Item, dt.date, dt.date]], n: int) -> str:
        """Draw one timeline: a row per visit, a bar from its first to its last day."""
        lo = min(r[1] for r in rows)
        hi = max(r[2] for r in rows) + dt.timedelta(days=1)
        pad = max(2, (hi - lo).days // 30)
        lo, hi = lo - dt.timedelta(days=pad), hi + dt.timedelta(days=pad)
        width, left, right, top, row_h = 960, 270, 16, 30, 24
        height = top + row_h * len(rows) + 8
        span_days = max(1, (hi - lo).days)

        def x(day: dt.date) -> float:
            return left + (width - left - right) * (day - lo).days / span_days

        parts = [
            (
                f'<svg class="bx-chart" viewBox="0 0 {width} {height}" role="img" '
                f'aria-labelledby="tl-title-{n}"><title id="tl-title-{n}">Timeline of '
                f"{len(rows)} dated visits; the table below has the same data</title>"
            )
        ]
        for tick, label in _time_ticks(lo, hi):
            tx = x(tick)
            parts.append(
                f'<line class="bx-grid" x1="{tx:.1f}" y1="{top - 6}" x2="{tx:.1f}" '
                f'y2="{height - 4}"/><text x="{tx + 3:.1f}" y="{top - 12}">{esc(label)}</text>'
            )
        for row, (it, first, last) in enumerate(rows):
            v = it.record
            assert isinstance(v, Visit)  # noqa: S101
            y = top + row * row_h
            status = v.status.value if v.status else "unknown"
            colour = STATUS_COLOURS[status]
            x0 = x(first)
            w = max(6.0, x(last + dt.timedelta(days=1)) - x0)
            label = f"{v.visitor.name}, {v.origin or UNKNOWN} \u2192 {v.host or UNKNOWN}"
            short = label if len(label) <= 40 else label[:39] + "\u2026"  # noqa: PLR2004
            dates = first.isoformat() if first == last else f"{first} to {last}"
            tip = f"{label}; {dates}; {status}; {', '.join(self.doc_name(i) for i in it.docs)}"
            dash = ' stroke-dasharray="3 2"' if status in {"postponed", "cancelled"} else ""
            fill = "#fff" if status in {"postponed", "cancelled"} else colour
            href = esc(self.doc_href(it.docs[0])) if it.docs else "#visits"
            parts.append(
                f'<a href="{href}" tabindex="-1"><title>{esc(tip)}</title>'
                f'<text x="4" y="{y + 16}">{esc(short)}</text>'
                f'<rect x="{x0:.1f}" y="{y + 4}" width="{w:.1f}" height="{row_h - 8}" rx="3" '
                f'fill="{fill}" stroke="{colour}" stroke-width="2"{dash}/></a>'
            )
        parts.append("</svg>")
        return "".join(parts)

    def meetings(self) -> str:
        items = self.of(Meeting)
        head = '<h2 id="meetings-h">Meetings by country pair</h2>'
        if not items:
            return head + '<p class="bx-empty">No meetings found.</p>'
        groups: dict[tuple[str, ...], list[_Item]] = {}
        for it in items:
            assert isinstance(it.record, Meeting)  # noqa: S101
            groups.setdefault(_people_pair(it.record.participants), []).append(it)
        order = sorted(groups, key=lambda p: (-len(groups[p]), _pair_sort(p)))
        summary_rows = "".join(
            f'<tr><td><a href="#meet-{n}">{_pair_html(p)}</a></td>'
            f'<td class="bx-num">{len(groups[p])}</td></tr>'
            for n, p in enumerate(order)
        )
        out = [
            head,
            (
                '<table class="bx-table" style="max-width:24rem"><thead><tr><th>pair</th>'
                f'<th class="bx-num">meetings</th></tr></thead><tbody>{summary_rows}</tbody>'
                "</table>"
            ),
        ]
        for n, pair in enumerate(order):
            rows = []

            def key(it: _Item) -> tuple[bool, str]:
                m = it.record
                assert isinstance(m, Meeting)  # noqa: S101
                return (m.date is None, m.date.iso() if m.date else "")

            for it in sorted(groups[pair], key=key):
                m = it.record
                assert isinstance(m, Meeting)  # noqa: S101
                people = "<br>".join(esc(fmt_official(p)) for p in m.participants)
                rows.append(
                    f"<tr><td>{esc(fmt_date(m.date))}</td><td>{people}</td>"
                    f"<td>{esc(m.place or '')}</td>"
                    f"<td>{esc(m.form.value.replace('_', ' ') if m.form else '')}</td>"
                    f"<td>{esc(', '.join(m.topics))}</td><td>{self.sources(it)}</td></tr>"
                )
            out.append(
                f'<h3 id="meet-{n}">{_pair_html(pair)}: {len(groups[pair])} meeting'
                f"{'' if len(groups[pair]) == 1 else 's'}</h3>"
                '<table class="bx-table"><thead><tr><th>date</th><th>participants</th>'
                "<th>place</th><th>form</th><th>topics</th><th>source</th></tr></thead>"
                f"<tbody>{''.join(rows)}</tbody></table>"
            )
        return "".join(out)

    def trade(self) -> str:
        items = self.of(TradeFigure)
        head = (
            '<h2 id="trade-h">Trade figures over time</h2><p>One chart per country pair and '
            "currency (amounts in different currencies are never converted). A vertical bar is "
            "a range; a hollow point is a bound (over / up to). Figures without a period are "
            "in the tables only.</p>"
        )
        if not items:
            return head + '<p class="bx-empty">No trade figures found.</p>'
        groups: dict[tuple[str, ...], list[_Item]] = {}
        for it in items:
            assert isinstance(it.record, TradeFigure)  # noqa: S101
            groups.setdefault(_trade_pair(it.record), []).append(it)
        out = [head]
        for n, pair in enumerate(sorted(groups, key=lambda p: (-len(groups[p]), _pair_sort(p)))):
            figures = groups[pair]
            out.append(
                f'<h3 id="trade-{n}">{_pair_html(pair)}: {len(figures)} figure'
                f"{'' if len(figures) == 1 else 's'}</h3>"
            )
            by_currency: dict[str, list[_Item]] = {}
            for it in figures:
                assert isinstance(it.record, TradeFigure)  # noqa: S101
                by_currency.setdefault(it.record.money.currency or UNKNOWN, []).append(it)
            out.extend(self.trade_chart(pair, c, by_currency[c]) for c in sorted(by_currency))
            out.append(self.trade_table(figures))
        return "".join(out)

    def trade_table(self, figures: Sequence[_Item]) -> str:
        def key(it: _Item) -> tuple[bool, dt.date, str]:
            t = it.record
            assert isinstance(t, TradeFigure)  # noqa: S101
            return (t.period is None, t.period.first_day() if t.period else dt.date.min, t.text)

        rows = []
        for it in sorted(figures, key=key):
            t = it.record
            assert isinstance(t, TradeFigure)  # noqa: S101
            period = t.period.iso() if t.period else (t.period_text or "\u2013")
            rows.append(
                f"<tr><td>{esc(period)}</td><td>{esc(fmt_money(t.money))}</td>"
                f"<td>{esc(t.metric or '')}</td><td>{esc(t.text)}</td>"
                f"<td>{esc(t.trend.direction if t.trend else '')}</td>"
                f"<td>{self.sources(it)}</td></tr>"
            )
        return (
            '<table class="bx-table"><thead><tr><th>period</th><th>amount</th><th>measures</th>'
            "<th>as written</th><th>trend</th><th>source</th></tr></thead>"
            f"<tbody>{''.join(rows)}</tbody></table>"
        )

    def trade_chart(self, pair: tuple[str, ...], currency: str, figures: Sequence[_Item]) -> str:
        points: list[tuple[float, Decimal | None, Decimal | None, str, _Item, str]] = []
        for it in figures:
            t = it.record
            assert isinstance(t, TradeFigure)  # noqa: S101
            if t.period is None:
                continue
            first, last = _day(t.period)
            mid = (first.toordinal() + last.toordinal() + 1) / 2
            points.append(
                (mid, t.money.low, t.money.high, t.metric or "unspecified", it, t.period.iso())
            )
        if not points:
            return ""
        width, height, left, right, top, bottom = 720, 270, 78, 16, 26, 30
        x_lo = min(p[0] for p in points)
        x_hi = max(p[0] for p in points)
        year = 365.25
        if x_hi - x_lo < year:
            x_lo, x_hi = x_lo - year / 2, x_hi + year / 2
        pad = (x_hi - x_lo) * 0.06
        x_lo, x_hi = x_lo - pad, x_hi + pad
        values = [v for p in points for v in (p[1], p[2]) if v is not None]
        y_max, step = _nice_max(max(values))
        y_min = min(Decimal(0), *values)

        def x(ordinal: float) -> float:
            return left + (width - left - right) * (ordinal - x_lo) / (x_hi - x_lo)

        def y(value: Decimal) -> float:
            span = float(y_max - y_min) or 1.0
            return top + (height - top - bottom) * (1 - float(value - y_min) / span)

        metrics = list(dict.fromkeys(p[3] for p in points))
        colour = {m: SERIES_COLOURS[i % len(SERIES_COLOURS)] for i, m in enumerate(metrics)}
        label = f"{chr(0x2013).join(pair)} in {currency}"
        parts = [
            (
                f'<svg class="bx-chart" viewBox="0 0 {width} {height}" role="img" '
                f'aria-label="{esc(label)}: {len(points)} dated figures; the table below has '
                'the same data">'
            )
        ]
        tick = y_min
        while tick <= y_max:
            ty = y(tick)
            parts.append(
                f'<line class="bx-grid" x1="{left}" y1="{ty:.1f}" x2="{width - right}" '
                f'y2="{ty:.1f}"/><text x="{left - 6}" y="{ty + 4:.1f}" text-anchor="end">'
                f"{esc(_short(tick))}</text>"
            )
            tick += step
        first_year = dt.date.fromordinal(math.ceil(x_lo)).year
        last_year = dt.date.fromordinal(math.floor(x_hi)).year
        every = max(1, math.ceil((last_year - first_year + 1) / 10))
        for yr in range(first_year, last_year + 1):
            tx = x(dt.date(yr, 7, 1).toordinal())
            if not x_lo <= dt.date(yr, 7, 1).toordinal() <= x_hi or (yr - first_year) % every:
                continue
            parts.append(f'<text x="{tx:.1f}" y="{height - 10}" text-anchor="middle">{yr}</text>')
        parts.append(
            f'<line class="bx-axis" x1="{left}" y1="{height - bottom}" x2="{width - right}" '
            f'y2="{height - bottom}"/><text x="4" y="12">'
            f"{esc(currency)}</text>"
        )
        for metric in metrics:
            series: dict[float, list[Decimal]] = {}
            for p in points:
                value = p[2] if p[2] is not None else p[1]
                if p[3] == metric and value is not None:
                    series.setdefault(p[0], []).append(value)
            if len(series) > 1:
                coords = " ".join(
                    f"{x(k):.1f},{y(sorted(v)[len(v) // 2]):.1f}" for k, v in sorted(series.items())
                )
                parts.append(
                    f'<polyline points="{coords}" fill="none" stroke="{colour[metric]}" '
                    'stroke-width="2" opacity=".7"/>'
                )
        for mid, low, high, metric, it, period in points:
            t = it.record
            assert isinstance(t, TradeFigure)  # noqa: S101
            px = x(mid)
            exact = low is not None and high is not None
            shown = high if high is not None else low
            assert shown is not None  # noqa: S101
            tip = f"{fmt_money(t.money)}; {metric}; {period}; " + ", ".join(
                self.doc_name(i) for i in it.docs
            )
            bar = ""
            if exact and low != high:
                assert low is not None  # noqa: S101
                assert high is not None  # noqa: S101
                bar = (
                    f'<line x1="{px:.1f}" y1="{y(low):.1f}" x2="{px:.1f}" y2="{y(high):.1f}" '
                    f'stroke="{colour[metric]}" stroke-width="4" stroke-linecap="round"/>'
                )
            fill = colour[metric] if exact else "#fff"
            href = esc(self.doc_href(it.docs[0])) if it.docs else "#trade"
            parts.append(
                f'<a href="{href}" tabindex="-1"><title>{esc(tip)}</title>{bar}'
                f'<circle cx="{px:.1f}" cy="{y(shown):.1f}" r="5" fill="{fill}" '
                f'stroke="{colour[metric]}" stroke-width="2"/></a>'
            )
        parts.append("</svg>")
        key = "".join(
            f'<li><span style="background:{colour[m]}"></span>{esc(m)}</li>' for m in metrics
        )
        return f'<ul class="bx-key" aria-label="measures">{key}</ul>{"".join(parts)}'

    def sectors(self) -> str:
        head = (
            '<h2 id="sectors-h">Most frequent sectors per pair</h2><p>How many documents name '
            "each sector, per country pair. A document about one pair (the pairs of its "
            "records, or else its two most often named countries) counts every sector it names "
            "for that pair; a document about several pairs counts, for each, only the agenda "
            "of its visits and the topics of its meetings.</p>"
        )
        docs: dict[tuple[str, ...], dict[str, list[int]]] = {}
        for i in range(len(self.extractions)):
            for pair, found in self.doc_sectors(i).items():
                for sector in found:
                    docs.setdefault(pair, {}).setdefault(sector, []).append(i)
        if not docs:
            return head + '<p class="bx-empty">No sectors found.</p>'
        blocks = []
        total = {p: sum(len(v) for v in by.values()) for p, by in docs.items()}
        for pair in sorted(docs, key=lambda p: (-total[p], _pair_sort(p))):
            top = sorted(docs[pair].items(), key=lambda kv: (-len(kv[1]), kv[0]))[:10]
            most = len(top[0][1])
            rows = []
            for sector, where in top:
                links = ", ".join(
                    f'<a href="{esc(self.doc_href(i))}">{esc(self.doc_name(i))}</a>'
                    for i in where[:SECTOR_LINKS]
                )
                more = (
                    f", and {len(where) - SECTOR_LINKS} more" if len(where) > SECTOR_LINKS else ""
                )
                rows.append(
                    f'<tr><td>{esc(sector)}</td><td><span class="bx-bar" '
                    f'style="width:{max(4, round(80 * len(where) / most))}%"></span>'
                    f'{len(where)}<br><small class="bx-docs">{links}{more}</small></td></tr>'
                )
            blocks.append(
                f'<table class="bx-table bx-bars"><caption>{_pair_html(pair)}</caption>'
                f"<thead><tr><th>sector</th><th>documents</th></tr></thead>"
                f"<tbody>{''.join(rows)}</tbody></table>"
            )
        return f'{head}<div class="bx-pairs">{"".join(blocks)}</div>'

    def doc_sectors(self, i: int) -> dict[tuple[str, ...], set[str]]:
        """Return the sectors document ``i`` names, by the country pair they concern."""
        ex = self.extractions[i]
        by_pair: dict[tuple[str, ...], set[str]] = {}
        for it in self.items:
            pair = _record_pair(it.record) if i in it.docs else None
            if pair is not None:
                r = it.record
                agenda = r.sectors if isinstance(r, Visit) else ()
                topics = r.topics if isinstance(r, Meeting) else ()
                by_pair.setdefault(pair, set()).update(agenda, topics)
        if not by_pair:
            named = Counter(
                p.country
                for p in ex.mentions.places
                if p.country and p.kind in {PlaceKind.COUNTRY, PlaceKind.DEMONYM}
            )
            top = [code for code, _ in named.most_common(2)]
            if len(top) == 2:  # noqa: PLR2004
                by_pair[tuple(sorted(top))] = set()
        if len(by_pair) == 1:
            only = next(iter(by_pair))
            by_pair[only].update(ex.sectors)
        return {pair: found for pair, found in by_pair.items() if found}

    def statements(self) -> str:
        items = self.of(Statement)
        head = '<h2 id="statements-h">Statements</h2>'
        if not items:
            return head + '<p class="bx-empty">No statements found.</p>'

        def when(it: _Item) -> str:
            s = it.record
            assert isinstance(s, Statement)  # noqa: S101
            if s.date is not None:
                return s.date.iso()
            published = [self.extractions[i].document.published for i in it.docs]
            days = sorted(d for d in published if d)
            return f"{days[0].isoformat()} (published)" if days else ""

        rows = []
        for it in sorted(items, key=lambda it: (when(it) == "", when(it))):
            s = it.record
            assert isinstance(s, Statement)  # noqa: S101
            rows.append(
                f"<tr><td>{esc(when(it))}</td><td>{esc(s.speaker.name)}<br><small>"
                f"{esc(', '.join(x for x in (s.speaker.title, s.speaker.country) if x))}"
                f'</small></td><td class="bx-q">\u201c{esc(s.quote)}\u201d</td>'
                f"<td>{esc(s.channel or '')}</td><td>{self.sources(it)}</td></tr>"
            )
        return (
            f'{head}<table class="bx-table"><thead><tr><th>date</th><th>speaker</th>'
            "<th>quote</th><th>channel</th><th>source</th></tr></thead>"
            f"<tbody>{''.join(rows)}</tbody></table>"
        )

    def documents(self) -> str:
        rows = []
        for i, ex in enumerate(self.extractions):
            doc = ex.document
            title = doc.meta.get("title")
            view = ""
            if doc.id is not None and doc.id in self.article_links:
                view = f'<a href="{esc(self.article_links[doc.id])}">article view</a>'
            rows.append(
                f'<tr id="doc-{i}"><td>{esc(self.doc_name(i))}</td>'
                f"<td>{esc(doc.published.isoformat() if doc.published else '')}</td>"
                f"<td>{esc(title) if isinstance(title, str) else ''}</td>"
                f'<td class="bx-num">{len(ex.visits)}</td><td class="bx-num">{len(ex.meetings)}'
                f'</td><td class="bx-num">{len(ex.statements)}</td>'
                f'<td class="bx-num">{len(ex.trade_figures)}</td>'
                f'<td class="bx-num">{len(ex.errors)}</td><td>{view}</td></tr>'
            )
        return (
            '<h2 id="documents-h">Documents</h2><table class="bx-table"><thead><tr><th>id</th>'
            '<th>published</th><th>title</th><th class="bx-num">visits</th>'
            '<th class="bx-num">meetings</th><th class="bx-num">statements</th>'
            '<th class="bx-num">trade</th><th class="bx-num">errors</th><th></th></tr></thead>'
            f"<tbody>{''.join(rows)}</tbody></table>"
        )


def _nice_max(value: Decimal) -> tuple[Decimal, Decimal]:
    """Return a round axis maximum at or above ``value`` and a step giving 4-5 ticks."""
    if value <= 0:
        return Decimal(1), Decimal(1)
    raw = value / 4
    exponent = Decimal(10) ** raw.adjusted()
    for nice in (1, 2, 2.5, 5, 10):
        step = Decimal(str(nice)) * exponent
        if step >= raw:
            break
    top = (value / step).to_integral_value(rounding=ROUND_CEILING) * step
    return top, step


def _short(value: Decimal) -> str:
    return (
        fmt_number(value)
        .replace(" trillion", " tn")
        .replace(" billion", " bn")
        .replace(" million", " m")
    )


def _time_ticks(lo: dt.date, hi: dt.date) -> list[tuple[dt.date, str]]:
    """Return tick dates and labels for a time axis: years, months or weeks."""
    days = (hi - lo).days
    ticks: list[tuple[dt.date, str]] = []
    if days > 3 * 365:
        every = max(1, math.ceil((hi.year - lo.year) / 10))
        ticks += [
            (dt.date(year, 1, 1), str(year)) for year in range(lo.year + 1, hi.year + 1, every)
        ]
    elif days > 70:  # noqa: PLR2004
        months = (hi.year - lo.year) * 12 + hi.month - lo.month
        every = max(1, math.ceil(months / 10))
        year, month = lo.year, lo.month
        n = 0
        while True:
            month += 1
            if month > 12:  # noqa: PLR2004
                year, month = year + 1, 1
            day = dt.date(year, month, 1)
            if day >= hi:
                break
            if n % every == 0:
                ticks.append(
                    (day, day.strftime("%b %Y") if month == 1 or not ticks else day.strftime("%b"))
                )
            n += 1
    else:
        if days <= 21:  # noqa: PLR2004
            every = max(1, math.ceil(days / 10))
            days_ = [lo + dt.timedelta(days=d) for d in range(1, days, every)]
        else:
            first = lo + dt.timedelta(days=(7 - lo.weekday()) % 7)
            every = max(1, math.ceil(days / 7 / 10))
            days_ = [first + dt.timedelta(days=7 * k) for k in range(0, days // 7 + 1, every)]
            days_ = [d for d in days_ if d < hi]
        # The year is written on the first tick and wherever it changes.
        ticks += [
            (d, d.strftime("%d %b %Y" if k == 0 or d.year != days_[k - 1].year else "%d %b"))
            for k, d in enumerate(days_)
        ]
    return ticks


def report_html(
    extractions: Sequence[Extraction],
    *,
    title: str = "bilatx report",
    records: Sequence[Record] | None = None,
    article_links: Mapping[str, str] | None = None,
    failed: Sequence[Failed] = (),
) -> str:
    """Render the corpus report as one self-contained HTML page.

    Args:
        extractions: one per document.
        title: the page title.
        records: merged records (from :func:`bilatx.merge`) to show instead of
            each document's own; their ``sources`` name the documents.
        article_links: document id -> href of that document's article view,
            to link every item to it (``bilatx report --articles DIR``).
        failed: input lines that could not be read, listed at the top.

    Returns:
        The HTML text.
    """
    rep = _Report(extractions, records, article_links or {}, failed)
    toc = "".join(
        f'<li><a href="#{a}">{t}</a></li>'
        for a, t in (
            ("visits", "Visits"),
            ("meetings", "Meetings"),
            ("trade", "Trade"),
            ("sectors", "Sectors"),
            ("statements", "Statements"),
            ("documents", "Documents"),
        )
    )
    sections = "".join(
        f'<section id="{anchor}" aria-labelledby="{anchor}-h">{render()}</section>'
        for anchor, render in (
            ("visits", rep.visits),
            ("meetings", rep.meetings),
            ("trade", rep.trade),
            ("sectors", rep.sectors),
            ("statements", rep.statements),
            ("documents", rep.documents),
        )
    )
    body = (
        f'<div class="bilatx-view bilatx-report"><header><h1>{esc(title)}</h1>'
        f'<nav aria-label="sections"><ul class="bx-toc">{toc}</ul></nav></header><main>'
        f"{rep.summary()}{sections}</main></div>"
    )
    return page(title=title, body=body, css=VIEW_CSS + REPORT_CSS)
