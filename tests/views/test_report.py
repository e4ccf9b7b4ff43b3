"""The corpus report: sections, charts, links back to documents, escaping."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from decimal import Decimal
from typing import Any

import attrs
from hypothesis import given
from hypothesis import strategies as st

from bilatx import Extraction, Source
from bilatx._report import Failed, _nice_max, _time_ticks, report_html

Parse = Callable[[str], Any]


def _hrefs(html: str) -> list[str]:
    return re.findall(r'href="([^"]*)"', html)


def test_report_has_every_section_and_no_script(
    corpus: list[Extraction], parse_page: Parse
) -> None:
    html = report_html(corpus)
    page = parse_page(html)
    assert page.scripts == []
    csp = next(a["content"] for t, a in page.tags if t == "meta" and a.get("http-equiv"))
    assert "script-src 'none'" in csp
    for section in ("visits", "meetings", "trade", "sectors", "statements", "documents"):
        assert f'id="{section}"' in html
    assert "3 documents, published 2024-03-04 to 2024-05-04" in html


def test_every_internal_link_has_a_target(corpus: list[Extraction], parse_page: Parse) -> None:
    html = report_html(corpus)
    ids = set(parse_page(html).ids)
    internal = [h for h in _hrefs(html) if h.startswith("#")]
    assert internal
    for href in internal:
        assert href[1:] in ids, href
    for tag, attrs_ in parse_page(html).tags:
        assert not any(name.startswith("on") for name in attrs_), tag


def test_items_link_back_to_their_documents(corpus: list[Extraction]) -> None:
    html = report_html(corpus)
    # The Chilean-Peruvian statement comes from the second document (index 1).
    row = re.search(r"<tr><td>[^<]*</td><td>Rosa Quispe.*?</tr>", html)
    assert row is not None
    assert '<a href="#doc-1">spain-morocco-2</a>' in row.group(0)
    assert '<tr id="doc-1"><td>spain-morocco-2</td>' in html


def test_timeline_and_trade_charts(corpus: list[Extraction]) -> None:
    html = report_html(corpus)
    svgs = re.findall(r"<svg .*?</svg>", html, flags=re.DOTALL)
    # One timeline, one trade chart per pair and currency (ESP-MAR in EUR, CHL-PER in USD);
    # the hostile document's figure has no period, so it has no chart.
    assert len(svgs) == 3
    timeline = svgs[0]
    assert timeline.count("<rect") == 3  # three dated visits; the undated one is in the table
    assert "visit(s) without dates are in the table only" in html
    esp_mar = next(s for s in svgs if "ESP\u2013MAR in EUR" in s)
    assert esp_mar.count("<circle") == 3
    assert "<polyline" in esp_mar  # the trade series over 2021-2023
    assert ">20 bn</text>" in esp_mar


def test_timeline_is_capped_but_the_table_is_not(corpus: list[Extraction]) -> None:
    visit = corpus[0].visits[0]
    many = [attrs.evolve(visit, sources=(Source("spain-morocco-1", ()),)) for _ in range(305)]
    html = report_html(corpus, records=many)
    timeline = re.findall(r"<svg .*?</svg>", html, flags=re.DOTALL)[0]
    assert timeline.count("<rect") == 300
    assert "The timeline shows the first 300 of 305 dated visits" in html
    visits = html[html.index('id="visits"') : html.index('id="meetings"')]
    assert visits.count("<tr>") == 306


def test_visits_years_apart_get_a_timeline_each(corpus: list[Extraction]) -> None:
    visit = corpus[0].visits[0]
    dates = [("1987-04-02", "1987-04-05"), ("1987-11-10", None), ("2023-06-01", "2023-06-03")]
    visits = [attrs.evolve(visit, start=a, end=b) for a, b in dates]
    html = report_html(corpus[:1], records=visits)
    svgs = re.findall(r"<svg .*?</svg>", html, flags=re.DOTALL)
    timelines = [s for s in svgs if "dated visits" in s]
    assert [t.count("<rect") for t in timelines] == [2, 1]
    assert ">1987<" not in timelines[1]


def test_sectors_per_pair_count_documents(corpus: list[Extraction]) -> None:
    html = report_html(corpus)
    section = html[html.index('id="sectors"') : html.index('id="statements"')]
    esp_mar = section[section.index("ESP\u2013MAR") :]
    esp_mar = esp_mar[: esp_mar.index("</table>")]
    # The first document is about Spain and Morocco only: every sector it names counts.
    assert re.search(r"<td>energy</td><td><span[^>]*></span>1<br>", esp_mar)
    assert re.search(r"<td>connectivity</td><td><span[^>]*></span>1<br>", esp_mar)
    assert re.search(r"<td>trade</td><td><span[^>]*></span>1<br>", esp_mar)
    # The second is about two pairs: only its Chilean-Peruvian agenda counts, for that pair.
    assert "mining" not in esp_mar
    chl_per = section[section.index("CHL\u2013PER") :]
    assert re.search(
        r"<td>mining</td><td><span[^>]*></span>1<br><small[^>]*><a href=\"#doc-1\">spain-morocco-2</a></small>",
        chl_per,
    )
    assert "trade" not in chl_per[: chl_per.index("</table>")]


def test_meetings_grouped_by_pair(corpus: list[Extraction]) -> None:
    html = report_html(corpus)
    assert "</abbr>: 2 meetings</h3>" in html
    assert "</abbr>: 1 meeting</h3>" in html
    assert 'title="Chile \u2013 Peru"' in html


def test_hostile_corpus_report_is_inert(corpus: list[Extraction], parse_page: Parse) -> None:
    html = report_html(corpus, title="<script>alert(1)</script>")
    page = parse_page(html)
    assert not [t for t, _ in page.tags if t in {"img", "iframe", "script"}]
    for href in _hrefs(html):
        assert href.startswith(("#", "http://", "https://")), href
    assert "<title>&lt;script&gt;alert(1)&lt;/script&gt;</title>" in html
    assert "&quot;&gt;&lt;script&gt;window.__pwned=10&lt;/script&gt;" in html


def test_merged_records_cite_every_source(corpus: list[Extraction]) -> None:
    first, second = corpus[0].visits[0], corpus[1].visits[0]
    merged = attrs.evolve(
        first,
        sources=(Source("spain-morocco-1", first.evidence), Source("spain-morocco-2", ())),
    )
    elsewhere = attrs.evolve(second, sources=(Source("not-in-this-corpus", ()),))
    html = report_html(corpus, records=[merged, elsewhere])
    row = re.search(r"<tr><td[^>]*>2024-03-12</td><td[^>]*>2024-03-14</td>.*?</tr>", html)
    assert row is not None
    assert '<a href="#doc-0">spain-morocco-1</a>, <a href="#doc-1">spain-morocco-2</a>' in (
        row.group(0)
    )
    assert "not-in-this-corpus" in html  # named, though there is nothing to link to
    assert "2 visits" in html


def test_article_links_and_failures(corpus: list[Extraction]) -> None:
    links = {"spain-morocco-1": "views/spain-morocco-1.html"}
    failed = [Failed("x<y>", "out.jsonl:7", "extraction failed: boom")]
    html = report_html(corpus, article_links=links, failed=failed)
    assert 'href="views/spain-morocco-1.html">spain-morocco-1</a>' in html
    assert '<a href="views/spain-morocco-1.html">article view</a>' in html
    assert "out.jsonl:7 (id x&lt;y&gt;): extraction failed: boom" in html
    assert "1 input line(s) could not be read" in html


def test_empty_corpus_sections_say_so() -> None:
    html = report_html([])
    assert "No visits found." in html
    assert "No trade figures found." in html
    assert "No statements found." in html


@given(st.decimals(min_value=Decimal("0.001"), max_value=Decimal(10) ** 15, places=3))
def test_nice_axis_covers_the_value_in_few_round_steps(value: Decimal) -> None:
    top, step = _nice_max(value)
    assert top >= value
    assert step > 0
    assert 1 <= top / step <= 5
    assert top / step == (top / step).to_integral_value()


@given(
    st.dates(min_value=dt.date(1950, 1, 1), max_value=dt.date(2090, 1, 1)),
    st.integers(1, 20000),
)
def test_time_ticks_are_ordered_inside_and_few(lo: dt.date, days: int) -> None:
    hi = lo + dt.timedelta(days=days)
    ticks = _time_ticks(lo, hi)
    dates = [d for d, _ in ticks]
    assert dates == sorted(dates)
    assert all(lo <= d <= hi for d in dates)
    assert len(ticks) <= 12
    if days >= 14:
        assert ticks
