"""The pipeline: collecting, validating, sorting, attributing failures."""

from __future__ import annotations

import itertools
import time
from typing import Any

import attrs
import pluggy
import pytest
from hypothesis import given
from hypothesis import strategies as st

import bilatx
from bilatx import (
    DateMention,
    DateValue,
    Document,
    Mentions,
    Official,
    OfficialMention,
    Pipeline,
    PluginContractError,
    Settings,
    Span,
    Visit,
)

TEXT = "Minister Ana Ruiz visited Oslo in 2021. Ruiz returned in 2023."


def _year_mentions(doc: Document, extractor: str) -> list[DateMention]:
    out = []
    for year in ("2021", "2023"):
        start = doc.text.find(year)
        if start >= 0:
            span = Span(start, start + 4)
            out.append(
                DateMention(
                    span=span,
                    text=year,
                    value=DateValue(int(year)),
                    granularity="year",
                    extractor=extractor,
                )
            )
    return out


class YearsA:
    @bilatx.hookimpl
    def bilatx_extract_dates(self, doc: Document) -> list[DateMention]:
        return _year_mentions(doc, "years-a")


class YearsB:
    @bilatx.hookimpl
    def bilatx_extract_dates(self, doc: Document) -> list[DateMention]:
        return list(reversed(_year_mentions(doc, "years-b")))


class Ruiz:
    @bilatx.hookimpl
    def bilatx_extract_officials(self, doc: Document) -> list[OfficialMention]:
        out = []
        for text, name in (("Minister Ana Ruiz", "Ana Ruiz"), ("Ruiz returned", "Ruiz")):
            start = doc.text.find(text)
            if start >= 0:
                end = start + len(text) if text.startswith("Minister") else start + 4
                out.append(
                    OfficialMention(
                        span=Span(start, end),
                        text=doc.text[start:end],
                        name=name,
                        surname="Ruiz",
                        title="Minister" if name != "Ruiz" else None,
                        extractor="ruiz",
                    )
                )
        return out


class Raises:
    @bilatx.hookimpl
    def bilatx_extract_dates(self) -> list[DateMention]:
        msg = "pattern table missing"
        raise RuntimeError(msg)


class WrongType:
    @bilatx.hookimpl
    def bilatx_extract_dates(self) -> list[str]:
        return ["2021"]


class OutsideText:
    @bilatx.hookimpl
    def bilatx_extract_dates(self, doc: Document) -> list[DateMention]:
        end = len(doc.text) + 5
        return [
            DateMention(
                span=Span(0, end),
                text=doc.text,
                value=None,
                granularity="unknown",
                extractor="outside",
            )
        ]


class MisquotedText:
    @bilatx.hookimpl
    def bilatx_extract_dates(self) -> list[DateMention]:
        return [
            DateMention(
                span=Span(0, 4), text="1999", value=None, granularity="year", extractor="misquoted"
            )
        ]


class Generator:
    @bilatx.hookimpl
    def bilatx_extract_dates(self, doc: Document) -> Any:
        return (m for m in _year_mentions(doc, "gen"))


class Slow:
    @bilatx.hookimpl
    def bilatx_extract_dates(self) -> list[DateMention]:
        time.sleep(5)
        return []


class Visits:
    @bilatx.hookimpl
    def bilatx_build_records(self, mentions: Mentions) -> list[Visit]:
        return [Visit(visitor=p, host="NOR", extractor="visits") for p in mentions.people]


def _pipeline(*plugins: object, **kwargs: Any) -> Pipeline:
    named = {type(p).__name__: p for p in plugins}
    return Pipeline(builtins=False, entrypoints=False, plugins=named, **kwargs)


def test_mentions_from_all_plugins_are_collected_and_sorted() -> None:
    ex = _pipeline(YearsA(), YearsB()).extract(TEXT)
    assert [(m.text, m.extractor) for m in ex.dates] == [
        ("2021", "years-a"),
        ("2021", "years-b"),
        ("2023", "years-a"),
        ("2023", "years-b"),
    ]
    assert ex.errors == ()


def test_results_do_not_depend_on_plugin_order() -> None:
    plugins = [YearsA(), YearsB(), Ruiz(), Visits()]
    outputs = set()
    for order in itertools.permutations(plugins):
        ex = _pipeline(*order).extract(TEXT, doc_id="d")
        outputs.add(ex.to_json())
    assert len(outputs) == 1


def test_fallback_resolution_links_officials_by_surname() -> None:
    ex = _pipeline(Ruiz(), Visits()).extract(TEXT)
    (person,) = ex.officials
    assert person.name == "Ana Ruiz"
    assert person.title == "Minister"
    assert len(person.spans) == 2
    (visit,) = ex.visits
    assert visit.visitor == person


@pytest.mark.parametrize(
    ("bad", "message"),
    [
        (Raises(), "RuntimeError: pattern table missing"),
        (WrongType(), "returned a str where DateMention or DurationMention was expected"),
        (OutsideText(), "outside a text of"),
        (MisquotedText(), "differs from the text"),
        (Generator(), "not a generator"),
    ],
)
def test_a_failing_plugin_is_named_and_the_others_keep_their_results(
    bad: object, message: str
) -> None:
    ex = _pipeline(YearsA(), bad, Ruiz()).extract(TEXT, doc_id="doc-7")
    (error,) = ex.errors
    assert error.plugin == type(bad).__name__
    assert error.hook == "bilatx_extract_dates"
    assert error.doc_id == "doc-7"
    assert message in error.message
    assert {m.extractor for m in ex.dates} == {"years-a"}
    assert len(ex.officials) == 1
    assert type(bad).__name__ in str(error)


def test_strict_mode_raises_naming_plugin_hook_and_document() -> None:
    pipeline = _pipeline(YearsA(), Raises(), strict=True)
    with pytest.raises(PluginContractError) as info:
        pipeline.extract(TEXT, doc_id="doc-9")
    assert info.value.plugin == "Raises"
    assert info.value.hook == "bilatx_extract_dates"
    assert info.value.doc_id == "doc-9"
    assert "pattern table missing" in str(info.value)


def test_a_plugin_over_its_time_budget_is_reported() -> None:
    pipeline = _pipeline(YearsA(), Slow(), settings=Settings(plugin_timeout=0.2))
    started = time.monotonic()
    ex = pipeline.extract(TEXT, doc_id="slow-doc")
    assert time.monotonic() - started < 3
    (error,) = ex.errors
    assert error.plugin == "Slow"
    assert "longer than 0.2 s" in error.message
    assert {m.extractor for m in ex.dates} == {"years-a"}


def test_record_hook_failures_are_attributed() -> None:
    class BadRecords:
        @bilatx.hookimpl
        def bilatx_build_records(self) -> list[object]:
            return [object()]

    ex = _pipeline(Ruiz(), Visits(), BadRecords()).extract(TEXT)
    (error,) = ex.errors
    assert (error.plugin, error.hook) == ("BadRecords", "bilatx_build_records")
    assert len(ex.visits) == 1


def test_resolver_can_be_replaced_and_bad_resolvers_fall_back() -> None:
    class Renamer:
        @bilatx.hookimpl(tryfirst=True)
        def bilatx_resolve_mentions(self, mentions: Mentions) -> Mentions:
            people = [
                Official(name="A. Ruiz", surname="Ruiz", spans=[m.span for m in mentions.officials])
            ]
            return attrs.evolve(mentions, people=people)

    ex = _pipeline(Ruiz(), Renamer()).extract(TEXT)
    assert [p.name for p in ex.officials] == ["A. Ruiz"]

    class Broken:
        @bilatx.hookimpl
        def bilatx_resolve_mentions(self) -> str:
            return "not mentions"

    ex = _pipeline(Ruiz(), Broken()).extract(TEXT)
    assert [p.name for p in ex.officials] == ["Ana Ruiz"]
    assert [e.plugin for e in ex.errors] == ["Broken"]


def test_wrappers_see_and_can_filter_results() -> None:
    class DropOld:
        @bilatx.hookimpl(wrapper=True)
        def bilatx_extract_dates(self) -> Any:
            results = yield
            return [[m for m in r if m.text != "2021"] for r in results if r]

    ex = _pipeline(YearsA(), DropOld()).extract(TEXT)
    assert [m.text for m in ex.dates] == ["2023"]


def test_extract_accepts_documents_and_checks_arguments() -> None:
    pipeline = _pipeline(YearsA())
    doc = Document(text=TEXT, id="a", published="2024-01-01")
    assert pipeline.extract(doc).document is doc
    assert pipeline.extract(doc, doc_id="b").id == "b"
    with pytest.raises(bilatx.InputError, match="not a valid ISO date"):
        pipeline.extract(TEXT, published="2024-02-31", doc_id="z")
    with pytest.raises(bilatx.InputError, match="must be a str or Document"):
        pipeline.extract(b"bytes")  # type: ignore[arg-type]


def test_single_hook_facades() -> None:
    pipeline = _pipeline(YearsA(), Ruiz())
    doc = Document(text=TEXT)
    assert [m.text for m in pipeline.extract_dates(doc)] == ["2021", "2023"]
    assert len(pipeline.extract_officials(doc)) == 2
    assert pipeline.extract_money(doc) == ()
    assert pipeline.extract_mentions(doc).people == ()
    with pytest.raises(PluginContractError, match="Raises"):
        _pipeline(Raises()).extract_dates(doc)


def test_extract_many_keeps_order() -> None:
    texts = [f"Report from {year}." for year in (2023, 2021, 2023)]
    results = list(_pipeline(YearsA()).extract_many(texts))
    assert [[m.text for m in ex.dates] for ex in results] == [["2023"], ["2021"], ["2023"]]


def test_default_extract_uses_one_cached_pipeline() -> None:
    assert bilatx.default_pipeline() is bilatx.default_pipeline()


@given(st.text(max_size=200))
def test_arbitrary_text_gives_valid_extractions_with_builtins(text: str) -> None:
    ex = bilatx.extract(text)
    for mention in ex.mentions:
        assert text[mention.span.start : mention.span.end] == mention.text


def test_hookimpl_marker_is_the_project_marker() -> None:
    assert isinstance(bilatx.hookimpl, pluggy.HookimplMarker)
    assert bilatx.hookimpl.project_name == "bilatx"
