"""Hand-built extractions for the view tests, from sentences written for them.

The extractors are still being deepened, so these tests do not depend on what
they find: every mention and record below is built by hand, with spans located
in text written for these tests (the people and events are invented).
"""

from __future__ import annotations

import datetime as dt
import shutil
from collections.abc import Callable, Iterator
from html.parser import HTMLParser
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest

import bilatx
from bilatx import (
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
    QuoteMention,
    SectorMention,
    Source,
    Span,
    Statement,
    TradeFigure,
    TradeTrend,
    Visit,
)

if TYPE_CHECKING:
    from selenium.webdriver.chrome.webdriver import WebDriver

X = "views-test"

ARTICLE = (
    "Spain's Foreign Minister Ana Ruiz will travel to Morocco on 12 March 2024 for a "
    "three-day visit, her office said on Monday.\n\n"
    "In Rabat, Ruiz is expected to meet Moroccan Prime Minister Karim Bennani to discuss "
    "fisheries, energy and migration. The two leaders last spoke by phone in January.\n\n"
    "\u201cOur neighbours across the strait are partners in everything from ports to solar "
    "power,\u201d Ruiz wrote in a post on X.\n\n"
    "Trade between Spain and Morocco reached EUR 22 billion last year, up from EUR 16 billion "
    "in 2021, according to the Spanish trade ministry."
)

HOSTILE = (
    "Minister Zed Evil said <script>window.__pwned = 1;</script> on 3 May 2024.\n"
    '"><img src=x onerror="window.__pwned = 2"> and <svg onload="window.__pwned=3">\n'
    'Click <a href="javascript:window.__pwned = 4">here</a> or javascript:alert(1).\n'
    "</mark></div><style>body{display:none}</style><!-- {{7*7}} ${7*7} -->\n"
    "\u202eTrade reached USD 5 billion & more\x00."
)


def span_of(text: str, needle: str, nth: int = 0) -> Span:
    """Return the span of the ``nth`` occurrence of ``needle`` in ``text``."""
    start = -1
    for _ in range(nth + 1):
        start = text.index(needle, start + 1)
    return Span(start, start + len(needle))


def _date(
    text: str, needle: str, value: str, *, base: dt.date | None = None, nth: int = 0
) -> DateMention:
    parsed = bilatx.parse_date_value(value)
    return DateMention(
        span=span_of(text, needle, nth),
        text=needle,
        value=parsed,
        granularity=parsed.granularity,
        relative=base is not None,
        base=base,
        rule="test-rule",
        extractor=X,
    )


def _place(
    text: str, needle: str, name: str, kind: str, country: str, *, nth: int = 0
) -> PlaceMention:
    return PlaceMention(
        span=span_of(text, needle, nth),
        text=needle,
        name=name,
        kind=kind,
        country=country,
        extractor=X,
    )


def _sector(text: str, needle: str, sector: str) -> SectorMention:
    return SectorMention(span=span_of(text, needle), text=needle, sector=sector, extractor=X)


def sample_extraction(doc_id: str = "sample-1") -> Extraction:
    """A rich extraction: every mention kind, every record kind, overlaps and a trend."""
    text = ARTICLE
    published = dt.date(2024, 3, 4)
    ruiz = Official(
        name="Ana Ruiz",
        surname="Ruiz",
        title="Foreign Minister",
        country="ESP",
        spans=(span_of(text, "Ana Ruiz"), span_of(text, "Ruiz", 1), span_of(text, "Ruiz", 2)),
    )
    bennani = Official(
        name="Karim Bennani",
        surname="Bennani",
        title="Prime Minister",
        country="MAR",
        spans=(span_of(text, "Karim Bennani"),),
    )
    quote_text = (
        "Our neighbours across the strait are partners in everything from ports to solar power,"
    )
    quote_mark = f"\u201c{quote_text}\u201d"
    officials = [
        OfficialMention(
            span=span_of(text, "Foreign Minister Ana Ruiz"),
            text="Foreign Minister Ana Ruiz",
            name="Ana Ruiz",
            surname="Ruiz",
            title="Foreign Minister",
            country="ESP",
            rule="title-name",
            extractor=X,
        ),
        OfficialMention(
            span=span_of(text, "Ruiz", 1), text="Ruiz", name="Ruiz", surname="Ruiz", extractor=X
        ),
        OfficialMention(
            span=span_of(text, "Ruiz", 2), text="Ruiz", name="Ruiz", surname="Ruiz", extractor=X
        ),
        OfficialMention(
            span=span_of(text, "Prime Minister Karim Bennani"),
            text="Prime Minister Karim Bennani",
            name="Karim Bennani",
            surname="Bennani",
            title="Prime Minister",
            country="MAR",
            rule="title-name",
            extractor=X,
        ),
    ]
    mentions = Mentions(
        dates=[
            _date(text, "12 March 2024", "2024-03-12"),
            _date(text, "Monday", "2024-03-04", base=published),
            _date(text, "January", "2024-01", base=published),
            _date(text, "last year", "2023", base=published),
            _date(text, "2021", "2021"),
        ],
        durations=[
            DurationMention(span=span_of(text, "three-day"), text="three-day", days=3, extractor=X)
        ],
        officials=officials,
        money=[
            MoneyMention(
                span=span_of(text, "EUR 22 billion"),
                text="EUR 22 billion",
                value=Money.exact(22_000_000_000, "EUR"),
                extractor=X,
            ),
            MoneyMention(
                span=span_of(text, "EUR 16 billion"),
                text="EUR 16 billion",
                value=Money.exact(16_000_000_000, "EUR"),
                extractor=X,
            ),
        ],
        places=[
            _place(text, "Spain's", "Spain", "demonym", "ESP"),
            _place(text, "Morocco", "Morocco", "country", "MAR"),
            _place(text, "Rabat", "Rabat", "city", "MAR"),
            _place(text, "Moroccan", "Morocco", "demonym", "MAR"),
            _place(text, "Spain", "Spain", "country", "ESP", nth=1),
            _place(text, "Morocco", "Morocco", "country", "MAR", nth=1),
            # Crosses the trade-ministry sector span below: exercises mark splitting.
            _place(text, "Spanish trade", "Spain", "demonym", "ESP"),
        ],
        sectors=[
            _sector(text, "fisheries", "agriculture"),
            _sector(text, "energy", "energy"),
            _sector(text, "ports", "connectivity"),
            _sector(text, "solar power", "energy"),
            _sector(text, "Trade", "trade"),
            _sector(text, "trade ministry", "trade"),
        ],
        quotes=[
            QuoteMention(
                span=span_of(text, quote_mark),
                text=quote_mark,
                quote=quote_text,
                quote_span=span_of(text, quote_text),
                speaker="Ruiz",
                speaker_span=span_of(text, "Ruiz", 2),
                channel="X",
                channel_span=span_of(text, "a post on X"),
                rule="curly-quotes",
                extractor=X,
            )
        ],
        people=[ruiz, bennani],
    )
    first_sentence = Span(0, text.index("Monday.") + len("Monday."))
    meet_sentence = span_of(text, "In Rabat, Ruiz is expected to meet")
    meet_sentence = Span(meet_sentence.start, text.index("migration.") + len("migration."))
    phone = span_of(text, "The two leaders last spoke by phone in January.")
    trade_sentence = Span(text.index("Trade between"), len(text))
    return Extraction(
        document=Document(
            text=text, id=doc_id, published=published, meta={"title": "Ruiz to visit Rabat"}
        ),
        mentions=mentions,
        visits=[
            Visit(
                visitor=ruiz,
                origin="ESP",
                host="MAR",
                start="2024-03-12",
                end="2024-03-14",
                places=("Rabat",),
                status="announced",
                sectors=("agriculture", "energy"),
                evidence=(first_sentence, span_of(text, "In Rabat")),
                extractor=X,
            )
        ],
        meetings=[
            Meeting(
                participants=(ruiz, bennani),
                date=None,
                place="Rabat",
                form="in_person",
                topics=("agriculture", "energy"),
                evidence=(meet_sentence,),
                extractor=X,
            ),
            Meeting(
                participants=(ruiz, bennani),
                date="2024-01",
                form="phone",
                evidence=(phone,),
                extractor=X,
            ),
        ],
        statements=[
            Statement(
                speaker=ruiz,
                quote=quote_text,
                quote_span=span_of(text, quote_text),
                channel="X",
                evidence=(span_of(text, "Ruiz wrote in a post on X"),),
                extractor=X,
            )
        ],
        trade_figures=[
            TradeFigure(
                money=Money.exact(22_000_000_000, "EUR"),
                span=span_of(text, "EUR 22 billion"),
                text="EUR 22 billion",
                metric="trade",
                partners=("ESP", "MAR"),
                period=DateValue(2023),
                trend=TradeTrend(
                    direction="increase",
                    earlier=span_of(text, "EUR 16 billion"),
                    later=span_of(text, "EUR 22 billion"),
                ),
                evidence=(trade_sentence,),
                extractor=X,
            ),
            TradeFigure(
                money=Money.exact(16_000_000_000, "EUR"),
                span=span_of(text, "EUR 16 billion"),
                text="EUR 16 billion",
                metric="trade",
                partners=("ESP", "MAR"),
                period=DateValue(2021),
                evidence=(trade_sentence,),
                extractor=X,
            ),
        ],
    )


def hostile_extraction() -> Extraction:
    """A document whose text and every free-text field try to inject markup."""
    text = HOSTILE
    bad = '<img src=x onerror="window.__pwned=5">'
    evil = Official(
        name=f"Zed Evil{bad}",
        surname="Evil<script>window.__pwned=6</script>",
        title='"><script>window.__pwned=7</script>',
        country="XXX",
        honorific="javascript:alert(1)",
        spans=(span_of(text, "Zed Evil"),),
    )
    script = span_of(text, "<script>window.__pwned = 1;</script>")
    img = span_of(text, '"><img src=x onerror="window.__pwned = 2">')
    link = span_of(text, '<a href="javascript:window.__pwned = 4">here</a>')
    mentions = Mentions(
        dates=[
            DateMention(
                span=span_of(text, "3 May 2024"),
                text="3 May 2024",
                value=DateValue(2024, 5, 3),
                granularity="day",
                rule="<b>rule</b>",
                extractor="<script>window.__pwned=8</script>",
            )
        ],
        officials=[
            OfficialMention(
                span=span_of(text, "Minister Zed Evil"),
                text="Minister Zed Evil",
                name=evil.name,
                surname=evil.surname,
                title=evil.title,
                extractor=X,
            )
        ],
        money=[
            MoneyMention(
                span=span_of(text, "USD 5 billion"),
                text="USD 5 billion",
                value=Money.exact(5_000_000_000, "USD"),
                unit=bad,
                extractor=X,
            )
        ],
        places=[
            PlaceMention(
                span=img, text=text[img.start : img.end], name=bad, kind="city", extractor=X
            )
        ],
        sectors=[
            SectorMention(span=span_of(text, "Trade"), text="Trade", sector="trade", extractor=X)
        ],
        quotes=[
            QuoteMention(
                span=script,
                text=text[script.start : script.end],
                quote="window.__pwned = 1;",
                quote_span=script,
                speaker=bad,
                channel="javascript:window.__pwned=9",
                extractor=X,
            ),
            QuoteMention(
                span=link,
                text=text[link.start : link.end],
                quote="here",
                quote_span=link,
                extractor=X,
            ),
        ],
        people=[evil],
    )
    return Extraction(
        document=Document(
            text=text,
            id='"><script>window.__pwned=10</script>',
            published="2024-05-04",
            meta={
                "title": "<script>window.__pwned=11</script>",
                "url": "javascript:window.__pwned=12",
            },
        ),
        mentions=mentions,
        visits=[
            Visit(
                visitor=evil,
                origin="XXX",
                host="YYY",
                places=(bad, "javascript:alert(2)"),
                status="ongoing",
                evidence=(script, img),
                sources=(Source(f"{bad}.html", (link,)),),
                extractor=bad,
            )
        ],
        statements=[
            Statement(
                speaker=evil,
                quote=f"</script><script>window.__pwned=13</script>{bad}",
                quote_span=script,
                channel="<iframe src=javascript:alert(3)>",
                extractor=X,
            )
        ],
        trade_figures=[
            TradeFigure(
                money=Money.exact(5_000_000_000, "USD"),
                span=span_of(text, "USD 5 billion"),
                text="USD 5 billion",
                metric=bad,
                partners=("XXX", "YYY"),
                period_text="<b>FY</b>",
                evidence=(link,),
                extractor=X,
            )
        ],
    )


def corpus_extractions() -> list[Extraction]:
    """A small corpus: the sample article, a follow-up, an unrelated pair and a hostile one."""
    first = sample_extraction("spain-morocco-1")
    text = (
        "Spain's Foreign Minister Ana Ruiz arrived in Rabat on Tuesday. Trade between the two "
        "countries was EUR 19 billion in 2022.\n\nSeparately, Chile's Trade Minister Tomas Vidal "
        "held talks in Lima with Peru's Economy Minister Rosa Quispe on mining and energy; "
        "two-way trade reached USD 4.5 billion in 2023 against USD 3.8 billion in 2020. "
        '"We are one market," Quispe told a press conference.'
    )
    ruiz = first.visits[0].visitor
    vidal = Official(name="Tomas Vidal", surname="Vidal", title="Trade Minister", country="CHL")
    quispe = Official(name="Rosa Quispe", surname="Quispe", title="Economy Minister", country="PER")
    quote = "We are one market,"
    second = Extraction(
        document=Document(text=text, id="spain-morocco-2", published="2024-03-13"),
        mentions=Mentions(
            sectors=[
                _sector(text, "Trade", "trade"),
                _sector(text, "mining", "mining"),
                _sector(text, "energy", "energy"),
            ]
        ),
        visits=[
            Visit(
                visitor=ruiz,
                origin="ESP",
                host="MAR",
                start="2024-03-12",
                places=("Rabat",),
                status="ongoing",
                evidence=(span_of(text, "arrived in Rabat on Tuesday"),),
                extractor=X,
            ),
            Visit(
                visitor=vidal,
                origin="CHL",
                host="PER",
                start="2024-03-11",
                end="2024-03-12",
                places=("Lima",),
                status="completed",
                sectors=("mining", "energy"),
                evidence=(span_of(text, "held talks in Lima"),),
                extractor=X,
            ),
        ],
        meetings=[
            Meeting(
                participants=(vidal, quispe),
                date="2024-03-12",
                place="Lima",
                topics=("mining", "energy"),
                evidence=(span_of(text, "held talks in Lima"),),
                extractor=X,
            )
        ],
        statements=[
            Statement(
                speaker=quispe,
                quote=quote,
                quote_span=span_of(text, quote),
                channel="press conference",
                extractor=X,
            )
        ],
        trade_figures=[
            TradeFigure(
                money=Money.exact(19_000_000_000, "EUR"),
                span=span_of(text, "EUR 19 billion"),
                text="EUR 19 billion",
                metric="trade",
                partners=("ESP", "MAR"),
                period=DateValue(2022),
                extractor=X,
            ),
            TradeFigure(
                money=Money.exact("4500000000", "USD"),
                span=span_of(text, "USD 4.5 billion"),
                text="USD 4.5 billion",
                metric="trade",
                partners=("CHL", "PER"),
                period=DateValue(2023),
                extractor=X,
            ),
            TradeFigure(
                money=Money(currency="USD", low="3800000000", high="3800000000"),
                span=span_of(text, "USD 3.8 billion"),
                text="USD 3.8 billion",
                metric="trade",
                partners=("CHL", "PER"),
                period=DateInterval(DateValue(2020), DateValue(2020)),
                extractor=X,
            ),
        ],
    )
    return [first, second, hostile_extraction()]


@pytest.fixture
def sample() -> Extraction:
    return sample_extraction()


@pytest.fixture
def hostile() -> Extraction:
    return hostile_extraction()


@pytest.fixture
def corpus() -> list[Extraction]:
    return corpus_extractions()


# ------------------------------------------------------------------- parsing

VOID = {"meta", "br", "input", "line", "rect", "circle", "polyline", "path", "hr", "img"}


class Page(HTMLParser):
    """Parse a page, check that elements nest, and collect what the tests look at.

    ``text`` is the text content of the article (``.bx-text``); ``offsets``
    maps each evidence record id to the set of character offsets of that text
    its ``bx-ev`` spans cover; ``marks`` maps each mention id to the offsets
    its ``<mark>`` fragments cover.
    """

    def __init__(self, markup: str) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.scripts: list[str] = []
        self.stack: list[str] = []
        self.errors: list[str] = []
        self.text = ""
        self.evidence: dict[str, set[int]] = {}
        self.marks: dict[str, set[int]] = {}
        self.heads: list[str] = []
        self.ids: list[str] = []
        self._in_text = 0
        self._ev_stack: list[list[str]] = []
        self._mark_stack: list[str] = []
        self._script: list[str] | None = None
        self.feed(markup)
        self.close()
        if self.stack:
            self.errors.append(f"unclosed: {self.stack}")

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        self.tags.append((tag, a))
        if a.get("id"):
            self.ids.append(a["id"] or "")
        if tag in VOID:
            return
        self.stack.append(tag)
        classes = (a.get("class") or "").split()
        if self._in_text:
            self._in_text += 1
        elif "bx-text" in classes:
            self._in_text = 1
        if tag == "span" and "bx-ev" in classes:
            self._ev_stack.append((a.get("data-ev") or "").split())
        elif self._in_text:
            self._ev_stack.append([])
        if tag == "mark":
            mid = a.get("data-mid") or ""
            self._mark_stack.append(mid)
            if a.get("tabindex") == "0":
                self.heads.append(mid)
        elif self._in_text:
            self._mark_stack.append("")
        if tag == "script":
            self._script = []

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))

    def handle_endtag(self, tag: str) -> None:
        if tag in VOID:
            return
        if not self.stack or self.stack[-1] != tag:
            self.errors.append(f"</{tag}> closes {self.stack[-1:] or 'nothing'}")
            return
        self.stack.pop()
        if self._in_text:
            self._in_text -= 1
            self._ev_stack.pop()
            self._mark_stack.pop()
        if tag == "script" and self._script is not None:
            self.scripts.append("".join(self._script))
            self._script = None

    def handle_data(self, data: str) -> None:
        if self._script is not None:
            self._script.append(data)
        if not self._in_text:
            return
        start = len(self.text)
        self.text += data
        positions = set(range(start, len(self.text)))
        for refs in self._ev_stack:
            for ref in refs:
                self.evidence.setdefault(ref, set()).update(positions)
        for mid in self._mark_stack:
            if mid:
                self.marks.setdefault(mid, set()).update(positions)


def parse(markup: str) -> Page:
    """Parse and check that every element is closed in order."""
    page = Page(markup)
    assert not page.errors, page.errors
    return page


@pytest.fixture(scope="session")
def parse_page() -> Callable[[str], Page]:
    """The page parser, as a session fixture so hypothesis tests can use it."""
    return parse


@pytest.fixture(scope="session")
def build() -> dict[str, Callable[..., Any]]:
    """The sample builders, for tests that need more than one or a fresh one."""
    return {
        "sample": sample_extraction,
        "hostile": hostile_extraction,
        "corpus": corpus_extractions,
    }


# ------------------------------------------------------------------ browser

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
CHROMEDRIVER = shutil.which("chromedriver") or "/usr/bin/chromedriver"


@pytest.fixture(scope="session")
def browser() -> Iterator[WebDriver]:
    """A headless Chromium driven by Selenium through Debian's chromedriver.

    Skips when Selenium or the browser is missing, unless
    ``BILATX_REQUIRE_BROWSER=1`` (set by CI), where a missing browser fails.
    """
    import os

    required = os.environ.get("BILATX_REQUIRE_BROWSER") == "1"
    missing = []
    try:
        from selenium import webdriver
        from selenium.webdriver.chrome.service import Service
    except ImportError:
        missing.append("the selenium package (pip install selenium)")
    if not Path(CHROMIUM).exists() or not Path(CHROMEDRIVER).exists():
        missing.append(
            "Debian's chromium and chromium-driver (apt-get install chromium chromium-driver)"
        )
    if missing:
        message = "browser tests need " + " and ".join(missing)
        if required:
            pytest.fail(message)
        pytest.skip(message)
    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for arg in (
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--window-size=1280,900",
        "--force-device-scale-factor=1",
    ):
        options.add_argument(arg)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    driver = webdriver.Chrome(options=options, service=Service(CHROMEDRIVER))
    try:
        yield driver
    finally:
        driver.quit()
