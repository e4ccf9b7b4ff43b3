"""The article view, the table and notebook display: structure, escaping, evidence."""

from __future__ import annotations

import re
from collections.abc import Callable
from decimal import Decimal
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

import bilatx
from bilatx import Document, Extraction, Mentions, Money, Official, SectorMention, Span, Visit
from bilatx.html import (
    VIEW_JS,
    article,
    esc,
    fmt_money,
    fmt_number,
    record_spans,
    safe_url,
    script_hash,
    table,
    visible_text,
)

Parse = Callable[[str], Any]

ALLOWED_TAGS = {
    "html", "head", "meta", "title", "style", "body", "script", "div", "section", "h1", "h2",
    "h3", "dl", "dt", "dd", "a", "fieldset", "legend", "label", "input", "span", "mark", "ul",
    "li", "button", "table", "thead", "tbody", "tr", "th", "td", "strong", "p",
}  # fmt: skip


def _check_safe(page: Any, *, scripts: int) -> None:
    """No element the view does not make, no handler attribute, no unsafe link."""
    for tag, attrs in page.tags:
        assert tag in ALLOWED_TAGS, tag
        for name, value in attrs.items():
            assert not name.startswith("on"), (tag, name, value)
            if name in {"href", "src", "action", "formaction", "xlink:href"}:
                assert value is not None
                assert value.startswith(("#", "http://", "https://")), (tag, name, value)
    assert len(page.scripts) == scripts
    assert all(s == VIEW_JS for s in page.scripts)


# ----------------------------------------------------------------- basics


def test_article_shows_the_text_exactly(sample: Extraction, parse_page: Parse) -> None:
    page = parse_page(article(sample))
    assert page.text == sample.document.text


def test_every_mention_is_marked_once_and_focusable(sample: Extraction, parse_page: Parse) -> None:
    page = parse_page(article(sample))
    mentions = list(sample.mentions)
    assert sorted(page.heads) == sorted(f"bx-m{i}" for i in range(len(mentions)))
    for i, m in enumerate(mentions):
        assert page.marks[f"bx-m{i}"] == set(range(m.span.start, m.span.end)), m


def test_crossing_mentions_are_split_into_fragments(sample: Extraction) -> None:
    # "Spanish trade" (a place) crosses "trade ministry" (a sector): the place,
    # opened first, stays whole; the sector is cut where the place closes.
    html = article(sample)
    place = next(i for i, m in enumerate(sample.mentions) if m.text == "Spanish trade")
    sector = next(i for i, m in enumerate(sample.mentions) if m.text == "trade ministry")
    assert html.count(f'data-mid="bx-m{place}"') == 1
    assert html.count(f'data-mid="bx-m{sector}"') == 2
    assert len(re.findall(rf'\sid="bx-m{sector}"', html)) == 1


def test_cards_light_up_exactly_their_evidence(sample: Extraction, parse_page: Parse) -> None:
    page = parse_page(article(sample))
    for i, record in enumerate(sample.records):
        expected: set[int] = set()
        for span in record_spans(record, sample.id):
            expected.update(range(span.start, span.end))
        assert page.evidence.get(f"bx-r{i}", set()) == expected, record
    assert len([t for t, a in page.tags if t == "button"]) == len(sample.records)


def test_tooltip_of_a_relative_date_names_value_rule_extractor_and_base(sample: Extraction) -> None:
    html = article(sample)
    i = next(n for n, m in enumerate(sample.mentions) if m.text == "last year")
    tip = re.search(rf'<div id="bx-m{i}-tip" hidden>(.*?)</div>', html)
    assert tip is not None
    body = tip.group(1)
    assert "Date: 2023" in body
    assert "<dt>base date</dt><dd>2024-03-04</dd>" in body
    assert "<dt>rule</dt><dd>test-rule</dd>" in body
    assert "<dt>extractor</dt><dd>views-test</dd>" in body
    assert "<dt>reading</dt><dd>relative</dd>" in body


def test_tooltip_links_a_short_mention_to_its_official(sample: Extraction) -> None:
    html = article(sample)
    i = next(n for n, m in enumerate(sample.mentions) if m.text == "Ruiz")
    assert re.search(
        rf'id="bx-m{i}-tip".*?<dt>refers to</dt><dd>Ana Ruiz \(Foreign Minister, ESP\)</dd>', html
    )


def test_cards_show_the_records(sample: Extraction) -> None:
    html = article(sample)
    assert "Ana Ruiz, ESP \u2192 MAR" in html
    assert "<dt>start</dt><dd>2024-03-12</dd><dt>end</dt><dd>2024-03-14</dd>" in html
    assert "<dt>amount</dt><dd>EUR 22 billion</dd>" in html
    assert "<dt>trend</dt><dd>increase</dd>" in html
    assert "<dt>channel</dt><dd>X</dd>" in html
    assert "<dt>form</dt><dd>phone</dd>" in html


def test_page_is_self_contained_with_a_strict_policy(sample: Extraction, parse_page: Parse) -> None:
    html = article(sample)
    page = parse_page(html)
    _check_safe(page, scripts=1)
    csp = next(a["content"] for t, a in page.tags if t == "meta" and a.get("http-equiv"))
    assert "default-src 'none'" in csp
    assert f"script-src {script_hash(VIEW_JS)}" in csp
    assert "http" not in re.sub(r'href="https?://[^"]*"', "", html).replace("http-equiv", "")


def test_document_without_mentions_or_records() -> None:
    html = article(Extraction(document=Document(text="Quiet day.", id=None)))
    assert "No records found in this document." in html
    assert "Untitled document" in html
    assert "Mentions (" not in html


def test_extractor_failures_are_shown(sample: Extraction) -> None:
    broken = Extraction(
        document=sample.document,
        errors=[bilatx.PluginError(plugin="p<x>", hook="h", doc_id="d", message="boom")],
    )
    html = article(broken)
    assert 'role="alert"' in html
    assert "p&lt;x&gt;" in html


def test_id_prefix_must_be_a_safe_token(sample: Extraction) -> None:
    with pytest.raises(ValueError, match="id_prefix"):
        article(sample, id_prefix='x" onload="y')
    assert 'id="view1-m0"' in article(sample, id_prefix="view1")


# --------------------------------------------------------------- escaping


def test_hostile_document_renders_as_plain_text(hostile: Extraction, parse_page: Parse) -> None:
    html = article(hostile)
    page = parse_page(html)
    _check_safe(page, scripts=1)
    assert page.text == visible_text(hostile.document.text)
    assert "<script>window.__pwned = 1;</script>" in page.text
    assert '"><img src=x onerror="window.__pwned = 2">' in page.text
    assert "javascript:window.__pwned = 4" in page.text
    # Nothing from the data reached a tag: only the view's own elements exist.
    assert not [t for t, _ in page.tags if t in {"img", "svg", "iframe", "style"} and t != "style"]
    assert sum(1 for t, _ in page.tags if t == "style") == 1
    # The javascript: source URL is text, not a link.
    assert "javascript:window.__pwned=12" in html
    assert 'href="javascript' not in html.lower()


def test_control_characters_are_shown_not_obeyed(hostile: Extraction) -> None:
    html = article(hostile)
    assert "\u202e" not in html
    assert "\x00" not in html
    assert 'title="invisible control character U+202E">U+202E</span>' in html
    assert esc("a\u2066b") == "a\u27e8U+2066\u27e9b"


@pytest.mark.parametrize(
    ("url", "ok"),
    [
        ("https://example.org/a?b=1&c=2", True),
        ("http://example.org", True),
        ("javascript:alert(1)", False),
        ("JaVaScRiPt:alert(1)", False),
        ("  javascript:alert(1)", False),
        ("java\tscript:alert(1)", False),
        ("java\nscript:alert(1)", False),
        ("data:text/html,<script>alert(1)</script>", False),
        ("vbscript:msgbox", False),
        ("//example.org/x", False),
        ("/relative", False),
        ("https:///nohost", False),
        ("http://[::1", False),
        (42, False),
    ],
)
def test_safe_url(url: object, ok: bool) -> None:
    assert (safe_url(url) is not None) is ok


def test_http_source_becomes_a_link() -> None:
    doc = Document(text="x", id="a", meta={"url": "https://example.org/news?a=1&b=<2>"})
    html = article(Extraction(document=doc))
    assert 'href="https://example.org/news?a=1&amp;b=&lt;2&gt;"' in html


# ------------------------------------------------------------ formatting


@pytest.mark.parametrize(
    ("amount", "text"),
    [
        ("12500000000", "12.5 billion"),
        ("50000000000", "50 billion"),
        ("1200000000000", "1.2 trillion"),
        ("3000000", "3 million"),
        ("999999", "999,999"),
        ("0.5", "0.5"),
        ("12345678901", "12.345678901 billion"),
    ],
)
def test_fmt_number(amount: str, text: str) -> None:
    assert fmt_number(Decimal(amount)) == text


def test_fmt_money_bounds() -> None:
    assert fmt_money(Money(currency="USD", low=12 * 10**9, high=14 * 10**9)) == (
        "USD 12 billion to 14 billion"
    )
    assert fmt_money(Money(currency="USD", low=5 * 10**9)) == "over USD 5 billion"
    assert fmt_money(Money(currency=None, high=5)) == "up to (currency unknown) 5"


# ------------------------------------------------------------- notebooks


def test_repr_html_is_a_fragment_with_unique_ids(sample: Extraction, parse_page: Parse) -> None:
    one, two = sample._repr_html_(), sample._repr_html_()
    for fragment in (one, two):
        assert "<html" not in fragment
        assert "<meta" not in fragment
        page = parse_page(fragment)
        assert page.text == sample.document.text
    ids_one = set(parse_page(one).ids)
    ids_two = set(parse_page(two).ids)
    assert ids_one
    assert not ids_one & ids_two


def test_table_has_a_row_per_extraction(corpus: list[Extraction], parse_page: Parse) -> None:
    shown = table(corpus)
    html = shown._repr_html_()
    assert str(shown) == html
    page = parse_page(html)
    _check_safe(page, scripts=0)
    assert sum(1 for t, _ in page.tags if t == "tr") == len(corpus) + 1
    assert "spain-morocco-2" in html
    assert "Ana Ruiz, ESP \u2192 MAR (+1)" in html
    assert "&lt;script&gt;" in html


# ------------------------------------------------------------- properties

RUIZ = Official(name="Ana Ruiz", surname="Ruiz")


@st.composite
def marked_extractions(draw: st.DrawFn) -> Extraction:
    """Arbitrary text with arbitrarily overlapping mentions and evidence spans."""
    text = draw(st.text(min_size=0, max_size=60))
    size = len(text)

    def spans() -> st.SearchStrategy[Span]:
        return st.tuples(st.integers(0, size), st.integers(0, size)).map(
            lambda p: Span(min(p), max(p))
        )

    sector_spans = draw(st.lists(spans(), max_size=8))
    sectors = [
        SectorMention(span=s, text=text[s.start : s.end], sector="trade", extractor="x")
        for s in sector_spans
    ]
    visits = [
        Visit(visitor=RUIZ, evidence=draw(st.lists(spans(), max_size=4)), extractor="x")
        for _ in range(draw(st.integers(0, 3)))
    ]
    return Extraction(
        document=Document(text=text, id="p"), mentions=Mentions(sectors=sectors), visits=visits
    )


@given(ex=marked_extractions())
def test_any_overlap_renders_well_formed_and_exact(ex: Extraction, parse_page: Parse) -> None:
    page = parse_page(article(ex))
    assert page.text == visible_text(ex.document.text)
    shown = [f"bx-m{i}" for i, m in enumerate(ex.mentions) if len(m.span)]
    assert sorted(page.heads) == sorted(shown)
    if visible_text(ex.document.text) != ex.document.text:
        return  # offsets shift where a control character is shown as its code point
    for i, m in enumerate(ex.mentions):
        if len(m.span):
            assert page.marks[f"bx-m{i}"] == set(range(m.span.start, m.span.end))
    for i, record in enumerate(ex.records):
        expected = {p for s in record_spans(record, ex.id) for p in range(s.start, s.end)}
        assert page.evidence.get(f"bx-r{i}", set()) == expected


@given(st.text(max_size=200))
def test_esc_output_never_contains_markup_characters(value: str) -> None:
    out = esc(value)
    assert not set(out) & set("<>\"'")
    assert re.sub(r"&(amp|lt|gt|quot|#x27);", "", out).count("&") == 0
