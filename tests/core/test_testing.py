"""bilatx.testing: pipeline_with, check_mentions, missing_mentions and check_contract."""

from __future__ import annotations

import datetime as dt
import itertools
import time
from typing import Any

import attrs
import pytest
from hypothesis import settings
from hypothesis import strategies as st

import bilatx
import bilatx_dates
from bilatx import strategies as bst
from bilatx.testing import (
    ADVERSARIAL_TEXTS,
    check_contract,
    check_mentions,
    missing_mentions,
    pipeline_with,
)

FAST = settings(max_examples=15, deadline=None, derandomize=True)


def sector(text: str, word: str, extractor: str = "words") -> list[bilatx.SectorMention]:
    start = text.find(word)
    if start < 0:
        return []
    return [
        bilatx.SectorMention(
            span=bilatx.Span(start, start + len(word)),
            text=word,
            sector="trade",
            extractor=extractor,
        )
    ]


class TradeWord:
    """Finds the word "trade" as the trade sector."""

    @bilatx.hookimpl
    def bilatx_extract_sectors(self, doc: bilatx.Document) -> list[bilatx.SectorMention]:
        return sector(doc.text, "trade")


def corrupt(instance: Any, **changes: object) -> Any:
    """Return a copy with fields set past the validators, as a careless plugin could."""
    copy = attrs.evolve(instance)
    for name, value in changes.items():
        object.__setattr__(copy, name, value)
    return copy


# ------------------------------------------------------------ pipeline_with


def test_pipeline_with_holds_only_the_plugins_given() -> None:
    pipeline = pipeline_with(TradeWord())
    assert [p.name for p in pipeline.plugins()] == ["TradeWord"]
    assert [m.text for m in pipeline.extract("More trade now.").mentions.sectors] == ["trade"]


def test_pipeline_with_loads_no_entry_points(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("BILATX_DISABLE_PLUGIN_AUTOLOAD", raising=False)
    names = {p.name for p in pipeline_with(TradeWord(), builtins=True).plugins()}
    assert names == {*bilatx.BUILTIN_PLUGINS, "TradeWord"}


def test_pipeline_with_registers_a_builtin_module_under_its_name() -> None:
    pipeline = pipeline_with(bilatx_dates, builtins=True)
    names = [p.name for p in pipeline.plugins()]
    assert names.count("dates") == 1
    assert "bilatx_dates" not in names


def test_pipeline_with_is_strict_by_default() -> None:
    class Raises:
        @bilatx.hookimpl
        def bilatx_extract_money(self) -> None:
            raise ZeroDivisionError

    with pytest.raises(bilatx.PluginContractError, match="'Raises' failed in bilatx_extract_money"):
        pipeline_with(Raises()).extract("text")
    lenient = pipeline_with(Raises(), strict=False).extract("text")
    assert [e.plugin for e in lenient.errors] == ["Raises"]


def test_pipeline_with_refuses_an_object_without_hooks() -> None:
    with pytest.raises(ValueError, match="implements no bilatx_\\* hook"):
        pipeline_with(object())


# One test per hook: a plugin implementing it alone is run by pipeline_with and
# its result reaches the Extraction. (tests/core/test_docs.py checks that
# every hook is named in some test.)

TEXT = (
    "Ambassador Lena Voss said \u00abtrade will grow\u00bb in Nairobi on 4 March 2024, a $5bn deal."
)
DOC = bilatx.Document(text=TEXT, published="2024-03-05")


def at(word: str) -> bilatx.Span:
    start = TEXT.index(word)
    return bilatx.Span(start, start + len(word))


class Everything:
    """One implementation of every hook, each returning something recognisable."""

    @bilatx.hookimpl
    def bilatx_extract_dates(self) -> list[bilatx.DateMention]:
        return [
            bilatx.DateMention(
                span=at("4 March 2024"),
                text="4 March 2024",
                value=bilatx.DateValue(2024, 3, 4),
                granularity="day",
                extractor="everything",
            )
        ]

    @bilatx.hookimpl
    def bilatx_extract_officials(self) -> list[bilatx.OfficialMention]:
        return [
            bilatx.OfficialMention(
                span=at("Lena Voss"),
                text="Lena Voss",
                name="Lena Voss",
                surname="Voss",
                title="Ambassador",
                extractor="everything",
            )
        ]

    @bilatx.hookimpl
    def bilatx_extract_money(self) -> list[bilatx.MoneyMention]:
        return [
            bilatx.MoneyMention(
                span=at("$5bn"),
                text="$5bn",
                value=bilatx.Money.exact(5 * 10**9, "USD"),
                extractor="everything",
            )
        ]

    @bilatx.hookimpl
    def bilatx_extract_places(self) -> list[bilatx.PlaceMention]:
        return [
            bilatx.PlaceMention(
                span=at("Nairobi"),
                text="Nairobi",
                name="Nairobi",
                kind="city",
                country="KEN",
                extractor="everything",
            )
        ]

    @bilatx.hookimpl
    def bilatx_extract_sectors(self, doc: bilatx.Document) -> list[bilatx.SectorMention]:
        return sector(doc.text, "trade", "everything")

    @bilatx.hookimpl
    def bilatx_extract_quotes(self) -> list[bilatx.QuoteMention]:
        return [
            bilatx.QuoteMention(
                span=at("\u00abtrade will grow\u00bb"),
                text="\u00abtrade will grow\u00bb",
                quote="trade will grow",
                quote_span=at("trade will grow"),
                speaker="Lena Voss",
                speaker_span=at("Lena Voss"),
                extractor="everything",
            )
        ]

    @bilatx.hookimpl
    def bilatx_resolve_mentions(self, mentions: bilatx.Mentions) -> bilatx.Mentions:
        people = bilatx.fallback_people(mentions.officials)
        return attrs.evolve(mentions, people=[attrs.evolve(p, country="DEU") for p in people])

    @bilatx.hookimpl
    def bilatx_build_records(self, mentions: bilatx.Mentions) -> list[bilatx.Record]:
        (voss,) = mentions.people
        (quote,) = mentions.quotes
        (money,) = mentions.money
        return [
            bilatx.Visit(visitor=voss, origin="DEU", host="KEN", extractor="everything"),
            bilatx.Statement(
                speaker=voss, quote=quote.quote, quote_span=quote.quote_span, extractor="everything"
            ),
            bilatx.TradeFigure(
                money=money.value, span=money.span, text=money.text, extractor="everything"
            ),
        ]


EVERYTHING = pipeline_with(Everything())


def test_pipeline_with_runs_bilatx_extract_dates() -> None:
    (date,) = EVERYTHING.extract_dates(DOC)
    assert isinstance(date, bilatx.DateMention)
    assert date.value == bilatx.DateValue(2024, 3, 4)


def test_pipeline_with_runs_bilatx_extract_officials() -> None:
    assert [o.surname for o in EVERYTHING.extract_officials(DOC)] == ["Voss"]


def test_pipeline_with_runs_bilatx_extract_money() -> None:
    assert [m.value.low for m in EVERYTHING.extract_money(DOC)] == [5 * 10**9]


def test_pipeline_with_runs_bilatx_extract_places() -> None:
    assert [p.country for p in EVERYTHING.extract_places(DOC)] == ["KEN"]


def test_pipeline_with_runs_bilatx_extract_sectors() -> None:
    assert [s.sector for s in EVERYTHING.extract_sectors(DOC)] == ["trade"]


def test_pipeline_with_runs_bilatx_extract_quotes() -> None:
    assert [q.quote for q in EVERYTHING.extract_quotes(DOC)] == ["trade will grow"]


def test_pipeline_with_runs_bilatx_resolve_mentions() -> None:
    (person,) = EVERYTHING.extract(DOC).officials
    assert (person.name, person.country) == ("Lena Voss", "DEU")


def test_pipeline_with_runs_bilatx_build_records() -> None:
    result = EVERYTHING.extract(DOC)
    assert [v.host for v in result.visits] == ["KEN"]
    assert [s.quote for s in result.statements] == ["trade will grow"]
    assert [t.text for t in result.trade_figures] == ["$5bn"]
    check_mentions(result.mentions, DOC)


# ----------------------------------------------------------- check_mentions


def test_check_mentions_returns_valid_mentions() -> None:
    mentions = EVERYTHING.extract(DOC).mentions
    assert check_mentions(mentions, DOC) == tuple(mentions)
    assert check_mentions([], DOC) == ()


(DATE,) = EVERYTHING.extract_dates(DOC)
(QUOTE,) = EVERYTHING.extract_quotes(DOC)


@pytest.mark.parametrize(
    ("bad", "message"),
    [
        (corrupt(DATE, span=bilatx.Span(0, 999)), r"span \[0, 999\) is outside the text"),
        (corrupt(DATE, text="5 March 2024"), "text differs from the text at"),
        (corrupt(DATE, extractor=""), "has no extractor name"),
        (corrupt(DATE, text=None), "text is a NoneType, not a str"),
        (corrupt(DATE, span=(0, 3)), "span is a tuple, not a Span"),
        (corrupt(QUOTE, quote_span=bilatx.Span(5, 500)), r"quote_span \[5, 500\) is outside"),
        (corrupt(QUOTE, speaker_span=bilatx.Span(5, 500)), "speaker_span"),
        ("a string", "is a str, not a bilatx mention type"),
        (bilatx.DateValue(2024), "is a DateValue, not a bilatx mention type"),
    ],
)
def test_check_mentions_names_each_problem(bad: object, message: str) -> None:
    with pytest.raises(AssertionError, match=message):
        check_mentions([DATE, bad], DOC)


def test_check_mentions_lists_every_problem_up_to_ten() -> None:
    bad = [corrupt(DATE, extractor="") for _ in range(12)]
    with pytest.raises(AssertionError, match=r"(?s)12 invalid mention.*and 2 more") as info:
        check_mentions(bad, DOC)
    assert str(info.value).count("has no extractor name") == 10


@pytest.mark.parametrize("wrong", [DATE, "text"])
def test_check_mentions_wants_a_collection(wrong: object) -> None:
    with pytest.raises(TypeError, match="takes a collection of mentions"):
        check_mentions(wrong, DOC)  # type: ignore[arg-type]


# --------------------------------------------------------- missing_mentions


def test_missing_mentions_matches_type_overlap_and_value() -> None:
    (money,) = EVERYTHING.extract_money(DOC)
    other_value = attrs.evolve(money, value=bilatx.Money.exact(6, "USD"))
    elsewhere = attrs.evolve(money, span=bilatx.Span(0, 4), text=TEXT[:4])
    wider = attrs.evolve(money, span=bilatx.Span(money.span.start - 2, money.span.end))
    assert missing_mentions([money], [money]) == ()
    assert missing_mentions([money], [wider]) == ()
    assert missing_mentions([money], [other_value, elsewhere, DATE]) == (money,)


def test_missing_mentions_compares_officials_by_surname() -> None:
    (voss,) = EVERYTHING.extract_officials(DOC)
    longer = attrs.evolve(voss, span=at("Ambassador Lena Voss"), name="Ambassador Voss")
    shouted = attrs.evolve(voss, surname="VOSS")
    assert missing_mentions([voss], [longer]) == ()
    assert missing_mentions([voss], [shouted]) == ()
    assert missing_mentions([voss], [attrs.evolve(voss, surname="Iyer")]) == (voss,)


# ----------------------------------------------------------- check_contract


def test_check_contract_passes_a_good_plugin() -> None:
    check_contract(TradeWord(), settings=FAST)


def test_check_contract_passes_a_plugin_with_the_builtins() -> None:
    class Records:
        @bilatx.hookimpl
        def bilatx_build_records(self) -> None:
            return None

    check_contract(Records(), builtins=True, settings=FAST, documents=bst.documents())


def test_check_contract_catches_a_plugin_that_raises_on_some_text() -> None:
    class FailsOnDigits:
        @bilatx.hookimpl
        def bilatx_extract_sectors(self, doc: bilatx.Document) -> list[bilatx.SectorMention]:
            if any(c.isdigit() for c in doc.text):
                raise ValueError("digits")
            return []

    with pytest.raises(bilatx.PluginContractError, match=r"FailsOnDigits.*ValueError: digits"):
        check_contract(FailsOnDigits(), settings=FAST)


def test_check_contract_catches_an_invalid_span() -> None:
    class OffByOne:
        @bilatx.hookimpl
        def bilatx_extract_sectors(self, doc: bilatx.Document) -> list[bilatx.SectorMention]:
            if not doc.text:
                return []
            end = len(doc.text) + 1
            return [
                bilatx.SectorMention(
                    span=bilatx.Span(0, end), text=doc.text, sector="trade", extractor="off"
                )
            ]

    with pytest.raises(bilatx.PluginContractError, match="is outside a text"):
        check_contract(OffByOne(), settings=FAST)


def test_check_contract_catches_a_plugin_with_a_memory() -> None:
    class Alternates:
        def __init__(self) -> None:
            self.calls = itertools.count()

        @bilatx.hookimpl
        def bilatx_extract_sectors(self, doc: bilatx.Document) -> list[bilatx.SectorMention]:
            if doc.text and next(self.calls) % 2:
                return [
                    bilatx.SectorMention(
                        span=bilatx.Span(0, 1), text=doc.text[0], sector="trade", extractor="alt"
                    )
                ]
            return []

    with pytest.raises(AssertionError, match="different result for the same document"):
        check_contract(Alternates(), settings=FAST)


def test_check_contract_catches_a_slow_plugin() -> None:
    class SlowOnLongTexts:
        @bilatx.hookimpl
        def bilatx_extract_sectors(self, doc: bilatx.Document) -> list[bilatx.SectorMention]:
            if len(doc.text) > 10_000:
                time.sleep(0.5)
            return []

    with pytest.raises((AssertionError, bilatx.PluginContractError), match=r"longer than|took"):
        check_contract(SlowOnLongTexts(), max_seconds=0.2, settings=FAST)


def test_adversarial_texts_are_long_and_varied() -> None:
    assert len(set(ADVERSARIAL_TEXTS)) == len(ADVERSARIAL_TEXTS)
    assert max(map(len, ADVERSARIAL_TEXTS)) >= 10_000


def test_check_contract_with_a_custom_document_strategy() -> None:
    seen: list[str] = []

    class Records:
        @bilatx.hookimpl
        def bilatx_extract_sectors(self, doc: bilatx.Document) -> None:
            seen.append(doc.text)

    texts = st.sampled_from(["one", "two"])
    check_contract(
        Records(),
        documents=bst.documents(texts=texts, published=st.just(dt.date(2024, 1, 1))),
        settings=FAST,
    )
    assert set(seen) - set(ADVERSARIAL_TEXTS) <= {"one", "two"}
