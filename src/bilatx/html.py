"""HTML views of extractions: the article view, a compact table, notebook display.

:func:`article` renders one :class:`~bilatx.Extraction` as the article text with
every mention highlighted by kind, a tooltip (on hover and on keyboard focus)
with the normalised value, rule and extractor, and the records beside it as
cards; selecting a card highlights the evidence spans it came from.
:func:`table` renders many extractions as a compact table. :func:`report`
renders a whole corpus (see ``bilatx report``).

Article text and every value read from it are untrusted: everything is escaped,
nothing from the data is ever placed in a script, a URL scheme other than
``http``/``https`` is never made a link, and full pages carry a Content
Security Policy that allows only the view's own script (by hash) and no network
access at all. The pages are self-contained: no external scripts, styles,
fonts or images.

>>> import bilatx
>>> from bilatx.html import article
>>> doc = bilatx.Document(text="Talks <b>ended</b>.", id="d1")
>>> page = article(bilatx.Extraction(document=doc))
>>> "Talks &lt;b&gt;ended&lt;/b&gt;." in page
True
"""

from __future__ import annotations

import base64
import hashlib
import itertools
import re
from decimal import Decimal
from html import escape
from typing import TYPE_CHECKING, Final
from urllib.parse import urlsplit

import attrs

from bilatx._types import (
    DateInterval,
    DateMention,
    DateValue,
    DurationMention,
    Extraction,
    Meeting,
    Money,
    MoneyMention,
    Official,
    OfficialMention,
    PlaceMention,
    SectorMention,
    Span,
    Statement,
    TradeFigure,
    Visit,
)

if TYPE_CHECKING:
    from collections.abc import Iterable, Mapping, Sequence

    from bilatx._types import Mention, Record

__all__ = ["HTML", "article", "report", "table"]


# ---------------------------------------------------------------- escaping


# Control characters that are invisible or reorder what is shown: C0/C1 controls
# (tab, newline and carriage return excepted) and the bidirectional overrides
# and isolates, with which a text can display something other than what it says.
_CONTROL_RE: Final = re.compile(
    "[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]"
)


def _code(char: str) -> str:
    return f"U+{ord(char):04X}"


def esc(value: object) -> str:
    """Escape any value for HTML text or a double-quoted attribute.

    Invisible and reordering control characters are shown as their code
    point (``\u27e8U+202E\u27e9``) so nothing is hidden and no text can make
    the view display something it does not say.
    """
    text = escape(str(value), quote=True)
    return _CONTROL_RE.sub(lambda m: f"\u27e8{_code(m.group())}\u27e9", text)


def _esc_text(value: str) -> str:
    """Escape article text, showing control characters as marked code points."""
    return _CONTROL_RE.sub(
        lambda m: (
            f'<span class="bx-ctl" title="invisible control character {_code(m.group())}">'
            f"{_code(m.group())}</span>"
        ),
        escape(value, quote=True),
    )


def visible_text(text: str) -> str:
    """Return the text content the article view shows for ``text``.

    It is ``text`` itself, except that each invisible or reordering control
    character appears as its code point (``U+202E``).
    """
    return _CONTROL_RE.sub(lambda m: _code(m.group()), text)


def safe_url(value: object) -> str | None:
    """Return ``value`` if it is an absolute ``http``/``https`` URL, else ``None``.

    Anything else (``javascript:``, ``data:``, relative paths) is shown as text
    and never becomes a link.
    """
    if not isinstance(value, str):
        return None
    url = value.strip()
    # Browsers drop ASCII control characters and whitespace inside a scheme
    # ("java\tscript:"), so a URL containing any is refused outright.
    if not url or any(ord(c) < 0x21 or ord(c) == 0x7F for c in url):  # noqa: PLR2004
        return None
    try:
        parts = urlsplit(url)
    except ValueError:
        return None
    if parts.scheme.lower() not in {"http", "https"} or not parts.netloc:
        return None
    return url


@attrs.frozen
class HTML:
    """Rendered HTML that notebooks display (``_repr_html_``); ``str()`` gives the markup."""

    html: str

    def _repr_html_(self) -> str:
        return self.html

    def __str__(self) -> str:
        """Return the markup."""
        return self.html


# ------------------------------------------------------------- formatting

_SCALES: Final = (
    (Decimal(10) ** 12, "trillion"),
    (Decimal(10) ** 9, "billion"),
    (Decimal(10) ** 6, "million"),
)


def _plain(value: Decimal) -> str:
    """Format a Decimal without exponent or trailing zeros, with thousands separators."""
    text = f"{value.normalize():,f}"
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return text


def fmt_number(value: Decimal) -> str:
    """Format an amount for people: ``Decimal('12500000000')`` -> ``'12.5 billion'``."""
    magnitude = abs(value)
    for scale, word in _SCALES:
        if magnitude >= scale:
            return f"{_plain(value / scale)} {word}"
    return _plain(value)


def fmt_money(money: Money) -> str:
    """Format money with its bounds: ``USD 12-14 billion``, ``over USD 5 billion``."""
    currency = money.currency or "(currency unknown)"
    low, high = money.low, money.high
    if low is not None and high is not None:
        if low == high:
            return f"{currency} {fmt_number(low)}"
        return f"{currency} {fmt_number(low)} to {fmt_number(high)}"
    if low is not None:
        return f"over {currency} {fmt_number(low)}"
    assert high is not None  # noqa: S101  (Money refuses to have neither)
    return f"up to {currency} {fmt_number(high)}"


def fmt_date(value: DateValue | DateInterval | None) -> str:
    """Return the ISO text of a date value, or an en dash for none."""
    return "\u2013" if value is None else value.iso()


def fmt_official(person: Official | OfficialMention) -> str:
    """Return ``Dr. S. Jaishankar (External Affairs Minister, IND)`` style text."""
    name = f"{person.honorific} {person.name}" if person.honorific else person.name
    extra = ", ".join(x for x in (person.title, person.country) if x)
    return f"{name} ({extra})" if extra else name


def plural(n: int, word: str) -> str:
    """Return ``"1 visit"``, ``"2 visits"``."""
    return f"{n} {word}{'' if n == 1 else 's'}"


def fmt_span(span: Span) -> str:
    """Return ``[start, end)``."""
    return f"[{span.start}, {span.end})"


# ------------------------------------------------------------ mention data

KINDS: Final[Mapping[str, str]] = {
    "date": "Date",
    "duration": "Duration",
    "official": "Official",
    "money": "Money",
    "place": "Place",
    "sector": "Sector",
    "quote": "Quote",
}
"""Mention kinds, as used in CSS classes, with their labels."""

RECORD_KINDS: Final[Mapping[str, str]] = {
    "visit": "Visit",
    "meeting": "Meeting",
    "statement": "Statement",
    "trade": "Trade figure",
}

Rows = list[tuple[str, str]]


def mention_kind(mention: Mention) -> str:
    """Return the kind of a mention: one of :data:`KINDS`."""
    if isinstance(mention, DateMention):
        return "date"
    if isinstance(mention, DurationMention):
        return "duration"
    if isinstance(mention, OfficialMention):
        return "official"
    if isinstance(mention, MoneyMention):
        return "money"
    if isinstance(mention, PlaceMention):
        return "place"
    if isinstance(mention, SectorMention):
        return "sector"
    return "quote"


def _date_rows(m: DateMention) -> tuple[str, Rows]:
    value = m.value.iso() if m.value is not None else "not resolved"
    rows: Rows = [("value", value), ("granularity", m.granularity.value)]
    rows.append(("reading", "relative" if m.relative else "absolute"))
    if m.base is not None:
        rows.append(("base date", m.base.isoformat()))
    elif m.relative:
        rows.append(("base date", "not recorded"))
    return value, rows


def _mention_rows(m: Mention, ex: Extraction) -> tuple[str, Rows]:
    """Return the one-line summary and the detail rows of a mention."""
    if isinstance(m, DateMention):
        summary, rows = _date_rows(m)
    elif isinstance(m, DurationMention):
        summary = f"{m.days} day{'s' if m.days != 1 else ''}"
        rows = [("length", summary)]
    elif isinstance(m, OfficialMention):
        summary = fmt_official(m)
        rows = [("name", m.name), ("surname", m.surname)]
        rows += [("title", m.title)] if m.title else []
        rows += [("country", m.country)] if m.country else []
        person = ex.mentions.person_at(m.span)
        if person is not None and person.name != m.name:
            rows.append(("refers to", fmt_official(person)))
    elif isinstance(m, MoneyMention):
        summary = fmt_money(m.value)
        rows = [("amount", summary), ("bound", m.bound.value)]
        rows += [("approximate", "yes")] if m.approximate else []
        rows += [("per", m.unit)] if m.unit else []
    elif isinstance(m, PlaceMention):
        summary = f"{m.name} ({m.country})" if m.country else m.name
        rows = [("place", m.name), ("kind", m.kind.value)]
        rows += [("country", m.country)] if m.country else []
    elif isinstance(m, SectorMention):
        summary = m.sector
        rows = [("sector", m.sector)]
    else:
        summary = f"said by {m.speaker}" if m.speaker else "speaker not found"
        rows = [("speaker", m.speaker or "not found")]
        rows += [("channel", m.channel)] if m.channel else []
    rows.append(("rule", m.rule or "\u2013"))
    rows.append(("extractor", m.extractor))
    rows.append(("span", fmt_span(m.span)))
    return summary, rows


def _dl(rows: Rows) -> str:
    return "".join(f"<dt>{esc(k)}</dt><dd>{esc(v)}</dd>" for k, v in rows)


# ------------------------------------------------------------ record data


def record_kind(record: Record) -> str:
    """Return the kind of a record: one of :data:`RECORD_KINDS`."""
    if isinstance(record, Visit):
        return "visit"
    if isinstance(record, Meeting):
        return "meeting"
    if isinstance(record, Statement):
        return "statement"
    return "trade"


def record_spans(record: Record, doc_id: str | None) -> tuple[Span, ...]:
    """Return every span a record cites in the document ``doc_id``.

    That is its own span (a trade figure's amount, a statement's quote), its
    evidence, a trend's two amounts, and the spans of any merged source that is
    this same document.
    """
    spans: list[Span] = list(record.evidence)
    if isinstance(record, TradeFigure):
        spans.append(record.span)
        if record.trend is not None:
            spans += [record.trend.earlier, record.trend.later]
    elif isinstance(record, Statement):
        spans.append(record.quote_span)
    for source in record.sources:
        if source.doc_id == doc_id:
            spans += source.spans
    return tuple(sorted(set(spans)))


def record_title(record: Record) -> str:
    """Return a one-line title: who and what."""
    if isinstance(record, Visit):
        route = f"{record.origin or '?'} \u2192 {record.host or '?'}"
        return f"{record.visitor.name}, {route}"
    if isinstance(record, Meeting):
        return " \u00b7 ".join(p.name for p in record.participants)
    if isinstance(record, Statement):
        return record.speaker.name
    return fmt_money(record.money)


def record_rows(record: Record) -> Rows:
    """Return the fields of a record as label/value rows."""
    rows: Rows
    if isinstance(record, Visit):
        rows = [
            ("visitor", fmt_official(record.visitor)),
            ("from", record.origin or "?"),
            ("to", record.host or "?"),
            ("start", fmt_date(record.start)),
            ("end", fmt_date(record.end)),
        ]
        rows += [("status", record.status.value)] if record.status else []
        rows += [("places", ", ".join(record.places))] if record.places else []
        rows += [("agenda", ", ".join(record.sectors))] if record.sectors else []
        if record.date_conflict:
            rows.append(("dates", "the text gives conflicting dates; this is the first reading"))
    elif isinstance(record, Meeting):
        rows = [("with", fmt_official(p)) for p in record.participants]
        rows.append(("date", fmt_date(record.date)))
        rows += [("place", record.place)] if record.place else []
        rows += [("form", record.form.value.replace("_", " "))] if record.form else []
        rows += [("topics", ", ".join(record.topics))] if record.topics else []
    elif isinstance(record, Statement):
        rows = [
            ("speaker", fmt_official(record.speaker)),
            ("quote", f"\u201c{record.quote}\u201d"),
            ("channel", record.channel or "\u2013"),
        ]
        rows += [("date", fmt_date(record.date))] if record.date else []
    else:
        rows = [("amount", fmt_money(record.money)), ("as written", record.text)]
        rows.append(("measures", record.metric or "?"))
        rows.append(("partners", " / ".join(record.partners) or "?"))
        period = record.period.iso() if record.period else record.period_text or "?"
        rows.append(("period", period))
        if record.trend is not None:
            rows.append(("trend", record.trend.direction))
    sources = [s.doc_id for s in record.sources if s.doc_id is not None]
    if sources:
        rows.append(("sources", ", ".join(dict.fromkeys(sources))))
    rows.append(("extractor", record.extractor))
    return rows


# ---------------------------------------------------------- text rendering


@attrs.frozen
class _Mark:
    start: int
    end: int
    order: int
    kind: str
    ident: str


def render_text(
    text: str,
    marks: Sequence[tuple[Span, str, str]],
    evidence: Sequence[tuple[Span, str]] = (),
) -> str:
    """Render ``text`` as escaped HTML with nested ``<mark>`` elements.

    Args:
        text: the article text.
        marks: ``(span, kind, ident)`` per mention; ``ident`` prefixes the ids.
        evidence: ``(span, record_ident)`` pairs; the text they cover is wrapped
            in ``<span class="bx-ev" data-ev="...">`` so a selected record can
            light it up.

    Mentions may overlap in any way. The text is cut at every mention and
    evidence boundary; marks are opened and closed so they nest, and a mention
    that crosses another is split into fragments. Only the first fragment is
    focusable and carries the ``id``; every fragment shows the same tooltip.
    The concatenated text content is always exactly ``text``.
    """
    size = len(text)
    items = [
        _Mark(span.start, span.end, i, kind, ident)
        for i, (span, kind, ident) in enumerate(marks)
        if span.start < span.end <= size
    ]
    ev_items = [(s.start, s.end, r) for s, r in evidence if s.start < s.end <= size]
    bounds = {0, size}
    starts: dict[int, list[_Mark]] = {}
    ends: dict[int, list[_Mark]] = {}
    for m in items:
        bounds.update((m.start, m.end))
        starts.setdefault(m.start, []).append(m)
        ends.setdefault(m.end, []).append(m)
    ev_starts: dict[int, list[tuple[int, int, str]]] = {}
    for e in ev_items:
        bounds.update((e[0], e[1]))
        ev_starts.setdefault(e[0], []).append(e)
    ordered = sorted(bounds)
    active: dict[int, _Mark] = {}
    active_ev: list[tuple[int, int, str]] = []
    opened: set[int] = set()
    stack: list[_Mark] = []
    out: list[str] = []
    for a, b in itertools.pairwise(ordered):
        for m in ends.get(a, ()):
            active.pop(m.order, None)
        for m in starts.get(a, ()):
            active[m.order] = m
        active_ev = [e for e in active_ev if e[1] > a] + ev_starts.get(a, [])
        wanted = sorted(active.values(), key=lambda m: (m.start, -m.end, m.order))
        keep = 0
        while keep < min(len(stack), len(wanted)) and stack[keep] is wanted[keep]:
            keep += 1
        out.extend("</mark>" for _ in stack[keep:])
        for m in wanted[keep:]:
            attrs_ = f'class="bx-m bx-m-{m.kind}" data-mid="{m.ident}" data-tip="{m.ident}-tip"'
            if m.order not in opened:
                opened.add(m.order)
                attrs_ += f' id="{m.ident}" tabindex="0" aria-describedby="{m.ident}-tip"'
            out.append(f"<mark {attrs_}>")
        stack = wanted
        piece = _esc_text(text[a:b])
        if active_ev:
            refs = " ".join(sorted({e[2] for e in active_ev}))
            out.append(f'<span class="bx-ev" data-ev="{refs}">{piece}</span>')
        else:
            out.append(piece)
    out.extend("</mark>" for _ in stack)
    return "".join(out)


# ------------------------------------------------------------------ assets

_ID_COUNTER = itertools.count(1)

VIEW_CSS: Final = """
.bilatx-view{--bx-fg:#1b1f24;--bx-muted:#57606a;--bx-line:#d0d7de;--bx-bg:#fff;
--bx-date:#d7ebff;--bx-date-b:#0a61a8;--bx-duration:#ececec;--bx-duration-b:#6e7781;
--bx-official:#ffe2b5;--bx-official-b:#a65f00;--bx-money:#c9f0dc;--bx-money-b:#087a55;
--bx-place:#f3dcf0;--bx-place-b:#9c3d7b;--bx-sector:#fff2a0;--bx-sector-b:#7d6e00;
--bx-quote:#fdeee6;--bx-quote-b:#b7410e;--bx-sel:#1a56db;--bx-ev:#ffd43b;
color:var(--bx-fg);background:var(--bx-bg);position:relative;container:bx/inline-size;
font:15px/1.55 system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif;
text-align:left}
.bilatx-view *{box-sizing:border-box}
.bilatx-view h1,.bilatx-view h2,.bilatx-view h3{line-height:1.25;margin:.2em 0 .4em}
.bilatx-view h1{font-size:1.35rem}.bilatx-view h2{font-size:1.1rem}
.bilatx-view h3{font-size:1rem}
.bx-meta{color:var(--bx-muted);margin:0 0 .6rem;display:flex;flex-wrap:wrap;gap:.2rem 1.2rem}
.bx-meta dt{display:inline;font-weight:600}.bx-meta dd{display:inline;margin:0 0 0 .3em}
.bx-skip{position:absolute;left:-9999px}.bx-skip:focus{left:.5rem;top:.5rem;z-index:20;
background:var(--bx-bg);padding:.3rem .5rem;outline:3px solid var(--bx-sel)}
.bx-sr{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);
white-space:nowrap}
.bx-legend{display:flex;flex-wrap:wrap;gap:.3rem .8rem;margin:.4rem 0 .8rem;padding:0;
border:0;font-size:.9rem}
.bx-legend legend{font-weight:600;margin-right:.4rem;float:left}
.bx-legend label{display:inline-flex;align-items:center;gap:.3rem;cursor:pointer}
.bx-layout{display:grid;grid-template-columns:1fr;gap:1.2rem}
@container bx (min-width:52rem){.bx-layout{grid-template-columns:minmax(0,3fr) minmax(16rem,2fr)}
.bx-records{position:sticky;top:0;max-height:100vh;overflow:auto}}
.bx-text{white-space:pre-wrap;overflow-wrap:anywhere;font-size:1rem;line-height:1.7;
max-width:46rem}
.bx-m,.bx-swatch,.bx-tag{border-bottom:2px solid transparent;border-radius:2px}
.bx-m{color:inherit;padding:0;cursor:help}
.bx-swatch{display:inline-block;width:1.6em;height:1em}
.bx-tag{padding:0 .3em}
.bx-ctl{font:600 .7em/1 ui-monospace,monospace;border:1px solid currentColor;border-radius:3px;
padding:0 .15em;margin:0 .05em;color:#b42318;vertical-align:.1em}
.bx-m:focus{outline:3px solid var(--bx-sel);outline-offset:1px}
.bx-m-date,.bx-k-date{background:var(--bx-date);border-color:var(--bx-date-b)}
.bx-m-duration,.bx-k-duration{background:var(--bx-duration);border-bottom-style:dotted;
border-color:var(--bx-duration-b)}
.bx-m-official,.bx-k-official{background:var(--bx-official);border-color:var(--bx-official-b)}
.bx-m-money,.bx-k-money{background:var(--bx-money);border-bottom-style:double;
border-bottom-width:3px;border-color:var(--bx-money-b)}
.bx-m-place,.bx-k-place{background:var(--bx-place);border-bottom-style:dashed;
border-color:var(--bx-place-b)}
.bx-m-sector,.bx-k-sector{background:var(--bx-sector);border-bottom-style:dotted;
border-bottom-width:3px;border-color:var(--bx-sector-b)}
.bx-m-quote,.bx-k-quote{background:var(--bx-quote);border-bottom-style:dashed;
border-color:var(--bx-quote-b)}
.bx-hide-date .bx-m-date,.bx-hide-duration .bx-m-duration,.bx-hide-official .bx-m-official,
.bx-hide-money .bx-m-money,.bx-hide-place .bx-m-place,.bx-hide-sector .bx-m-sector,
.bx-hide-quote .bx-m-quote{background:transparent;border-color:transparent}
.bx-ev-on{background:var(--bx-ev)!important;color:#000}
.bx-tip{position:absolute;z-index:30;max-width:min(26rem,94%);background:#1f2430;color:#fff;
padding:.45rem .65rem;border-radius:6px;font-size:.85rem;line-height:1.4;
box-shadow:0 4px 14px rgba(0,0,0,.25)}
.bx-tip[hidden]{display:none}
.bx-tip strong{display:block;margin-bottom:.15rem}
.bx-tip dl,.bx-card dl{display:grid;grid-template-columns:max-content 1fr;gap:.05rem .6rem;
margin:0}
.bx-tip dt{color:#b8c1cc}.bx-tip dd,.bx-card dd{margin:0;overflow-wrap:anywhere}
.bx-card dt{color:var(--bx-muted)}
.bx-records h2{margin-top:0}
.bx-cards{list-style:none;margin:0;padding:0}
.bx-card{border:1px solid var(--bx-line);border-left:6px solid var(--bx-muted);border-radius:6px;
padding:.45rem .7rem .55rem;margin:0 0 .6rem;background:var(--bx-bg);break-inside:avoid}
.bx-card-visit{border-left-color:#0a61a8}.bx-card-meeting{border-left-color:#a65f00}
.bx-card-statement{border-left-color:#b7410e}.bx-card-trade{border-left-color:#087a55}
.bx-card.bx-selected{outline:3px solid var(--bx-sel);outline-offset:1px}
.bx-card h3{margin:0 0 .3rem}
.bx-sel{all:unset;display:block;width:100%;cursor:pointer;font-weight:600;border-radius:3px}
.bx-sel:focus-visible{outline:3px solid var(--bx-sel);outline-offset:2px}
.bx-sel .bx-kind{display:block;font-size:.75rem;text-transform:uppercase;letter-spacing:.04em;
color:var(--bx-muted);font-weight:600}
.bx-card .bx-foot{font-size:.8rem;color:var(--bx-muted);margin-top:.3rem}
.bx-empty{color:var(--bx-muted);font-style:italic}
.bx-errors{border:2px solid #b42318;background:#fef3f2;padding:.4rem .7rem;border-radius:6px}
.bx-mentions{margin-top:1.5rem}
.bx-mentions table,.bx-table{border-collapse:collapse;width:100%;font-size:.88rem}
.bx-mentions th,.bx-mentions td,.bx-table th,.bx-table td{border-bottom:1px solid var(--bx-line);
padding:.2rem .45rem;text-align:left;vertical-align:top}
.bx-mentions thead th,.bx-table thead th{border-bottom:2px solid var(--bx-muted)}
.bx-num{text-align:right!important;font-variant-numeric:tabular-nums}
.bilatx-view a{color:#0550ae}
.bx-scroll{overflow-x:auto;max-width:100%}
.bilatx-view dd,.bilatx-view td{unicode-bidi:isolate}
@media print{.bilatx-view{font-size:11pt}.bx-tip,.bx-legend input,.bx-skip{display:none!important}
.bx-layout{display:block}.bx-records{position:static;max-height:none;overflow:visible}
.bx-m,.bx-swatch,.bx-ev-on,.bx-tag{-webkit-print-color-adjust:exact;
print-color-adjust:exact}
.bx-m:focus{outline:none}.bx-card.bx-selected{outline:none}.bx-mentions{break-before:page}}
"""

VIEW_JS: Final = """(function () {
  "use strict";
  function init(root) {
    if (root.getAttribute("data-bx-ready")) { return; }
    root.setAttribute("data-bx-ready", "1");
    var tip = root.querySelector(".bx-tip");
    var status = root.querySelector(".bx-status");
    var current = null;
    var hideTimer = null;
    function byId(id) {
      return root.querySelector("#" + CSS.escape(id));
    }
    function place(mark) {
      var rects = mark.getClientRects();
      var r = rects.length ? rects[0] : mark.getBoundingClientRect();
      var box = root.getBoundingClientRect();
      var left = Math.max(0, Math.min(r.left - box.left, root.clientWidth - tip.offsetWidth));
      tip.style.left = left + "px";
      tip.style.top = (r.bottom - box.top + 6) + "px";
    }
    function show(mark) {
      clearTimeout(hideTimer);
      if (current === mark) { return; }
      var src = byId(mark.getAttribute("data-tip"));
      if (!src) { return; }
      var copy = src.cloneNode(true);
      tip.replaceChildren.apply(tip, Array.prototype.slice.call(copy.childNodes));
      tip.hidden = false;
      place(mark);
      current = mark;
    }
    function hide() {
      clearTimeout(hideTimer);
      tip.hidden = true;
      current = null;
    }
    function later() {
      clearTimeout(hideTimer);
      hideTimer = setTimeout(hide, 250);
    }
    var text = root.querySelector(".bx-text");
    text.addEventListener("mouseover", function (e) {
      var mark = e.target.closest("[data-tip]");
      if (mark) { show(mark); } else { later(); }
    });
    text.addEventListener("mouseleave", later);
    tip.addEventListener("mouseenter", function () { clearTimeout(hideTimer); });
    tip.addEventListener("mouseleave", later);
    text.addEventListener("focusin", function (e) {
      var mark = e.target.closest("[data-tip]");
      if (mark) { show(mark); }
    });
    text.addEventListener("focusout", hide);
    root.addEventListener("keydown", function (e) {
      if (e.key === "Escape" && !tip.hidden) { hide(); e.stopPropagation(); }
    });
    function select(button) {
      var on = button.getAttribute("aria-pressed") !== "true";
      root.querySelectorAll(".bx-sel[aria-pressed=true]").forEach(function (b) {
        b.setAttribute("aria-pressed", "false");
        b.closest(".bx-card").classList.remove("bx-selected");
      });
      root.querySelectorAll(".bx-ev-on").forEach(function (s) {
        s.classList.remove("bx-ev-on");
      });
      var message = "No record selected.";
      if (on) {
        var rec = button.getAttribute("data-rec");
        var hits = root.querySelectorAll(".bx-ev");
        var lit = [];
        hits.forEach(function (s) {
          if ((" " + s.getAttribute("data-ev") + " ").indexOf(" " + rec + " ") >= 0) {
            s.classList.add("bx-ev-on");
            lit.push(s);
          }
        });
        button.setAttribute("aria-pressed", "true");
        button.closest(".bx-card").classList.add("bx-selected");
        if (lit.length) { lit[0].scrollIntoView({block: "nearest"}); }
        message = button.textContent.trim() + ": " +
          (lit.length ? "its evidence is highlighted in the text." : "no evidence spans.");
      }
      if (status) { status.textContent = message; }
    }
    root.querySelectorAll(".bx-card").forEach(function (card) {
      var button = card.querySelector(".bx-sel");
      card.addEventListener("click", function (e) {
        if (e.target.closest("a") || window.getSelection().toString()) { return; }
        select(button);
      });
    });
    root.querySelectorAll(".bx-legend input").forEach(function (box) {
      box.disabled = false;
      box.addEventListener("change", function () {
        root.classList.toggle("bx-hide-" + box.value, !box.checked);
      });
    });
  }
  document.querySelectorAll(".bilatx-view").forEach(init);
})();
"""


def script_hash(script: str) -> str:
    """Return the CSP source expression (``'sha256-...'``) that allows ``script``."""
    digest = hashlib.sha256(script.encode("utf-8")).digest()
    return f"'sha256-{base64.b64encode(digest).decode('ascii')}'"


def page(*, title: str, body: str, css: str, script: str | None = None) -> str:
    """Wrap ``body`` (already escaped HTML) in a self-contained page.

    The Content Security Policy forbids every network access and every script
    except ``script`` itself, so even a mistake in escaping could not run
    anything an article smuggled in.
    """
    from bilatx import __version__  # noqa: PLC0415

    script_src = script_hash(script) if script is not None else "'none'"
    csp = (
        "default-src 'none'; style-src 'unsafe-inline'; img-src data:; "
        f"script-src {script_src}; base-uri 'none'; form-action 'none'"
    )
    tail = f"<script>{script}</script>\n" if script is not None else ""
    return (
        "<!DOCTYPE html>\n"
        '<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f'<meta http-equiv="Content-Security-Policy" content="{esc(csp)}">\n'
        '<meta name="referrer" content="no-referrer">\n'
        f'<meta name="generator" content="bilatx {esc(__version__)}">\n'
        f"<title>{esc(title)}</title>\n"
        f"<style>body{{margin:0;padding:1rem clamp(.5rem,3vw,1.5rem)}}{css}</style>\n"
        f"</head>\n<body>\n{body}\n{tail}</body>\n</html>\n"
    )


# ------------------------------------------------------------ article view


def _title(ex: Extraction) -> str:
    meta_title = ex.document.meta.get("title")
    if isinstance(meta_title, str) and meta_title.strip():
        return meta_title.strip()
    return ex.document.id or "Untitled document"


def _header(ex: Extraction, prefix: str) -> str:
    doc = ex.document
    items: Rows = [("id", doc.id or "none")]
    items.append(("published", doc.published.isoformat() if doc.published else "unknown"))
    source = doc.meta.get("url") or doc.meta.get("source")
    counts = ", ".join(
        plural(n, word)
        for n, word in (
            (len(ex.visits), "visit"),
            (len(ex.meetings), "meeting"),
            (len(ex.statements), "statement"),
            (len(ex.trade_figures), "trade figure"),
        )
    )
    meta = "".join(f"<div><dt>{esc(k)}</dt><dd>{esc(v)}</dd></div>" for k, v in items)
    if source is not None:
        url = safe_url(source)
        shown = (
            f'<a href="{esc(url)}" rel="noopener noreferrer nofollow">{esc(url)}</a>'
            if url
            else esc(source)
        )
        meta += f"<div><dt>source</dt><dd>{shown}</dd></div>"
    meta += f"<div><dt>found</dt><dd>{esc(counts)}</dd></div>"
    out = (
        f'<a class="bx-skip" href="#{prefix}-records">Skip to the records</a>'
        f'<h1>{esc(_title(ex))}</h1><dl class="bx-meta">{meta}</dl>'
    )
    if ex.errors:
        problems = "".join(f"<li>{esc(e)}</li>" for e in ex.errors)
        out += (
            '<div class="bx-errors" role="alert"><strong>Some extractors failed on this '
            f"document; what they would have found is missing.</strong><ul>{problems}</ul></div>"
        )
    return out


def _legend(present: Iterable[str]) -> str:
    found = set(present)
    boxes = "".join(
        f'<label><input type="checkbox" value="{kind}" checked disabled>'
        f'<span class="bx-swatch bx-k-{kind}" aria-hidden="true"></span>{label}</label>'
        for kind, label in KINDS.items()
        if kind in found
    )
    if not boxes:
        return ""
    return f'<fieldset class="bx-legend"><legend>Highlights</legend>{boxes}</fieldset>'


def _cards(ex: Extraction, prefix: str) -> tuple[str, list[tuple[Span, str]]]:
    evidence: list[tuple[Span, str]] = []
    cards: list[str] = []
    counters: dict[str, int] = {}
    for i, record in enumerate(ex.records):
        kind = record_kind(record)
        counters[kind] = counters.get(kind, 0) + 1
        rid = f"{prefix}-r{i}"
        spans = record_spans(record, ex.document.id)
        evidence += [(s, rid) for s in spans]
        n = len(spans)
        cards.append(
            f'<li class="bx-card bx-card-{kind}" id="{rid}">'
            f'<h3><button type="button" class="bx-sel" aria-pressed="false" data-rec="{rid}">'
            f'<span class="bx-kind">{esc(RECORD_KINDS[kind])} {counters[kind]}'
            '<span class="bx-sr">: </span></span>'
            f"{esc(record_title(record))}</button></h3>"
            f"<dl>{_dl(record_rows(record))}</dl>"
            f'<div class="bx-foot">{n} evidence span{"" if n == 1 else "s"}'
            f"{'; select to highlight' if n else ''}</div></li>"
        )
    if cards:
        body = f'<ul class="bx-cards">{"".join(cards)}</ul>'
    else:
        body = '<p class="bx-empty">No records found in this document.</p>'
    section = (
        f'<section class="bx-records" id="{prefix}-records" aria-labelledby="{prefix}-rh">'
        f'<h2 id="{prefix}-rh">Records</h2>{body}</section>'
    )
    return section, evidence


def article(extraction: Extraction, *, full_page: bool = True, id_prefix: str | None = None) -> str:
    """Render the article view of one extraction.

    Args:
        extraction: what bilatx found in one document.
        full_page: return a whole self-contained HTML page (for a file); with
            ``False``, an embeddable fragment (notebooks), its style and script
            scoped to the fragment.
        id_prefix: the prefix of every element id; by default ``bx`` for a
            page and a unique one for a fragment, so several views can share a
            notebook.

    Returns:
        The HTML text.
    """
    if id_prefix is None:
        id_prefix = "bx" if full_page else f"bx{next(_ID_COUNTER)}"
    if not re.fullmatch(r"[A-Za-z][A-Za-z0-9_-]*", id_prefix):
        msg = f"id_prefix {id_prefix!r} must be a letter followed by letters, digits, '-' or '_'"
        raise ValueError(msg)
    ex = extraction
    mentions = list(ex.mentions)
    marks: list[tuple[Span, str, str]] = []
    tips: list[str] = []
    rows: list[str] = []
    for i, m in enumerate(mentions):
        kind = mention_kind(m)
        mid = f"{id_prefix}-m{i}"
        summary, detail = _mention_rows(m, ex)
        marks.append((m.span, kind, mid))
        tips.append(
            f'<div id="{mid}-tip" hidden><strong>{esc(KINDS[kind])}: {esc(summary)}</strong>'
            f"<dl>{_dl(detail)}</dl></div>"
        )
        target = f'<a href="#{mid}">{esc(m.text)}</a>' if len(m.span) else esc(m.text)
        rows.append(
            f'<tr><td><span class="bx-tag bx-k-{kind}">{esc(KINDS[kind])}</span></td>'
            f"<td>{target}</td><td>{esc(summary)}</td><td>{esc(m.rule or '')}</td>"
            f'<td>{esc(m.extractor)}</td><td class="bx-num">{esc(fmt_span(m.span))}</td></tr>'
        )
    cards, evidence = _cards(ex, id_prefix)
    text_html = render_text(ex.document.text, marks, evidence)
    if rows:
        mention_table = (
            f'<section class="bx-mentions" aria-labelledby="{id_prefix}-mh">'
            f'<h2 id="{id_prefix}-mh">Mentions ({len(rows)})</h2>'
            '<div class="bx-scroll"><table><thead><tr>'
            "<th>kind</th><th>text</th><th>reading</th><th>rule</th><th>extractor</th>"
            f'<th class="bx-num">span</th></tr></thead><tbody>{"".join(rows)}</tbody></table></div>'
            "</section>"
        )
    else:
        mention_table = ""
    body = (
        f'<div class="bilatx-view" id="{id_prefix}">{_header(ex, id_prefix)}'
        f"{_legend(mention_kind(m) for m in mentions)}"
        '<div class="bx-layout">'
        f'<section aria-labelledby="{id_prefix}-th"><h2 id="{id_prefix}-th" class="bx-sr">'
        f'Article text</h2><div class="bx-text">{text_html}</div></section>'
        f"{cards}</div>{mention_table}"
        f'<div class="bx-tipsrc" hidden>{"".join(tips)}</div>'
        '<div class="bx-tip" role="tooltip" hidden></div>'
        '<div class="bx-status bx-sr" role="status" aria-live="polite"></div></div>'
    )
    if full_page:
        return page(title=f"{_title(ex)} \u2013 bilatx", body=body, css=VIEW_CSS, script=VIEW_JS)
    return f"<style>{VIEW_CSS}</style>{body}<script>{VIEW_JS}</script>"


# ------------------------------------------------------------------- table


def _first(items: Sequence[Record]) -> str:
    if not items:
        return ""
    rest = f" (+{len(items) - 1})" if len(items) > 1 else ""
    return record_title(items[0]) + rest


def table(extractions: Iterable[Extraction]) -> HTML:
    """Return a compact table of many extractions, one row each, for notebooks.

    >>> import bilatx
    >>> from bilatx.html import table
    >>> t = table([bilatx.Extraction(document=bilatx.Document(text="x", id="a"))])
    >>> "<table" in t._repr_html_()
    True
    """
    rows = []
    for ex in extractions:
        published = ex.document.published.isoformat() if ex.document.published else ""
        cells = [
            esc(ex.document.id or ""),
            esc(published),
            f'<span class="bx-num">{len(ex.visits)}</span> {esc(_first(ex.visits))}',
            f'<span class="bx-num">{len(ex.meetings)}</span> {esc(_first(ex.meetings))}',
            f'<span class="bx-num">{len(ex.statements)}</span> {esc(_first(ex.statements))}',
            (
                f'<span class="bx-num">{len(ex.trade_figures)}</span> '
                f"{esc(_first(ex.trade_figures))}"
            ),
            esc(", ".join(ex.sectors)),
            f'<span class="bx-num">{len(ex.errors)}</span>',
        ]
        rows.append("<tr>" + "".join(f"<td>{c}</td>" for c in cells) + "</tr>")
    head = "".join(
        f"<th>{h}</th>"
        for h in (
            "id",
            "published",
            "visits",
            "meetings",
            "statements",
            "trade figures",
            "sectors",
            "errors",
        )
    )
    return HTML(
        f"<style>{VIEW_CSS}</style>"
        f'<div class="bilatx-view"><div class="bx-scroll"><table class="bx-table"><thead><tr>'
        f"{head}</tr></thead><tbody>{''.join(rows)}</tbody></table></div></div>"
    )


def report(extractions: Iterable[Extraction], *, title: str = "bilatx report") -> str:
    """Render the corpus report of many extractions as a self-contained page.

    See :mod:`bilatx._report` and ``bilatx report``.
    """
    from bilatx._report import report_html  # noqa: PLC0415

    return report_html(list(extractions), title=title)
