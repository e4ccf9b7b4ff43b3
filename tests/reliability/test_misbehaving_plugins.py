"""Plugins that raise, return the wrong thing, run too long or kill their process.

Each failure is reported with the plugin, the hook and the document; lenient
mode keeps every other plugin's results and records an ``errors`` entry,
strict mode raises. The same holds in worker processes and in the batch.
"""

from __future__ import annotations

import importlib
import importlib.util
import json
import multiprocessing
import sys
import time
import types
from pathlib import Path

import pytest
import regex

import bilatx
import bilatx._batch
import bilatx.text
from bilatx import DateMention, DateValue, Document, Span
from bilatx._batch import WorkerCrashError, batch_jsonl
from bilatx.errors import PatternTimeoutError

TEXT = "The talks ended in 2021. A second round followed in 2023."

# The plugins the worker-process tests also use live in a module that a freshly
# spawned interpreter can import by name; load it under that name here too.
_HERE = Path(__file__).resolve().parent
_spec = importlib.util.spec_from_file_location("worker_plugins", _HERE / "worker_plugins.py")
assert _spec is not None
assert _spec.loader is not None
worker_plugins = sys.modules.setdefault("worker_plugins", importlib.util.module_from_spec(_spec))
if not hasattr(worker_plugins, "Good"):
    _spec.loader.exec_module(worker_plugins)
Good, Raises, ExitsProcess = worker_plugins.Good, worker_plugins.Raises, worker_plugins.ExitsProcess
_years = worker_plugins._years


class WrongType:
    @bilatx.hookimpl
    def bilatx_extract_dates(self, doc: Document) -> list[object]:
        return ["2021"]


class NotAList:
    @bilatx.hookimpl
    def bilatx_extract_dates(self, doc: Document) -> object:
        return (m for m in _years(doc, "gen"))


class OutsideText:
    @bilatx.hookimpl
    def bilatx_extract_dates(self, doc: Document) -> list[DateMention]:
        end = len(doc.text) + 10
        return [
            DateMention(
                span=Span(end - 4, end),
                text="2021",
                value=DateValue(2021),
                granularity="year",
                extractor="outside",
            )
        ]


class Slow:
    @bilatx.hookimpl
    def bilatx_extract_dates(self, doc: Document) -> list[DateMention]:
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:  # pure Python that will not return in time
            pass
        return []


class Catastrophic:
    """A pattern that backtracks exponentially, searched without a helper."""

    @bilatx.hookimpl
    def bilatx_extract_dates(self, doc: Document) -> list[DateMention]:
        pattern = regex.compile(r"(?:(?:a|aa)+)+!")
        pattern.search(doc.text, timeout=0.2)
        return []


class CatastrophicHelper:
    """The same pattern through bilatx.text.finditer, which names the pattern."""

    @bilatx.hookimpl
    def bilatx_extract_dates(self, doc: Document) -> list[DateMention]:
        pattern = regex.compile(r"(?:(?:a|aa)+)+!")
        list(bilatx.text.finditer(pattern, doc.text, timeout=0.2))
        return []


def _pipeline(*plugins: object, **kwargs: object) -> bilatx.Pipeline:
    named = {type(p).__name__.lower(): p for p in plugins}
    return bilatx.Pipeline(builtins=False, entrypoints=False, plugins=named, **kwargs)  # type: ignore[arg-type]


BAD = [
    (Raises(), "RuntimeError: boom in the date reader"),
    (WrongType(), "returned a str where DateMention or DurationMention was expected"),
    (NotAList(), "hooks must return a list or tuple (not a generator) or None"),
    (OutsideText(), "is outside a text of"),
]


@pytest.mark.parametrize(("plugin", "detail"), BAD, ids=lambda x: type(x).__name__)
def test_lenient_keeps_the_others_and_names_plugin_hook_document(
    plugin: object, detail: str
) -> None:
    ex = _pipeline(Good(), plugin).extract(TEXT, doc_id="doc-7")
    assert [m.text for m in ex.dates] == ["2021", "2023"]
    (error,) = ex.errors
    assert error.plugin == type(plugin).__name__.lower()
    assert error.hook == "bilatx_extract_dates"
    assert error.doc_id == "doc-7"
    assert detail in error.message
    assert ex.to_dict()["errors"][0]["plugin"] == error.plugin


@pytest.mark.parametrize(("plugin", "detail"), BAD, ids=lambda x: type(x).__name__)
def test_strict_raises_naming_plugin_hook_document(plugin: object, detail: str) -> None:
    name = type(plugin).__name__.lower()
    with pytest.raises(bilatx.PluginContractError) as info:
        _pipeline(Good(), plugin, strict=True).extract(TEXT, doc_id="doc-7")
    assert (info.value.plugin, info.value.hook, info.value.doc_id) == (
        name,
        "bilatx_extract_dates",
        "doc-7",
    )
    message = str(info.value)
    assert name in message
    assert "bilatx_extract_dates" in message
    assert "doc-7" in message
    assert detail in message


def test_a_plugin_over_its_time_budget_is_stopped_and_named() -> None:
    pipeline = _pipeline(Good(), Slow(), settings=bilatx.Settings(plugin_timeout=0.3))
    started = time.monotonic()
    ex = pipeline.extract(TEXT, doc_id="slow-doc")
    assert time.monotonic() - started < 10
    assert [m.text for m in ex.dates] == ["2021", "2023"]
    (error,) = ex.errors
    assert (error.plugin, error.hook, error.doc_id) == ("slow", "bilatx_extract_dates", "slow-doc")
    assert "took longer than 0.3 s" in error.message


def test_a_raw_regex_timeout_is_explained() -> None:
    ex = _pipeline(Good(), Catastrophic()).extract("a" * 40, doc_id="regex-doc")
    (error,) = ex.errors
    assert (error.plugin, error.doc_id) == ("catastrophic", "regex-doc")
    assert "backtracks catastrophically" in error.message


def test_the_text_helper_names_the_pattern_that_timed_out() -> None:
    ex = _pipeline(Good(), CatastrophicHelper()).extract("a" * 40, doc_id="regex-doc")
    (error,) = ex.errors
    assert (error.plugin, error.doc_id) == ("catastrophichelper", "regex-doc")
    assert "PatternTimeoutError" in error.message
    assert r"(?:(?:a|aa)+)+!" in error.message
    with pytest.raises(bilatx.PluginContractError, match="regex-doc"):
        _pipeline(CatastrophicHelper(), strict=True).extract("a" * 40, doc_id="regex-doc")


def test_text_helpers_time_out_per_search_not_per_iteration() -> None:
    # 200,000 matches take far longer than 0.5 s to walk in Python, yet no
    # single search is slow: the helper must not give up.
    text = "ab " * 200_000
    count = sum(1 for _ in bilatx.text.finditer(regex.compile(r"ab"), text, timeout=0.5))
    assert count == 200_000
    with pytest.raises(PatternTimeoutError, match="offset 0"):
        bilatx.text.search(regex.compile(r"(?:(?:a|aa)+)+!"), "a" * 40, timeout=0.2)


@pytest.fixture
def spawned_workers(monkeypatch: pytest.MonkeyPatch) -> types.ModuleType:
    """Worker plugins importable by a fresh interpreter, and workers started fresh.

    Spawned workers import everything by name, as they must whenever the
    parent has threads; a spawned child gets the parent's sys.path.
    """
    monkeypatch.syspath_prepend(str(_HERE))
    monkeypatch.setattr(bilatx._batch, "_context", lambda: multiprocessing.get_context("spawn"))
    return worker_plugins


def test_failures_in_worker_processes_are_reported_the_same_way(
    spawned_workers: types.ModuleType,
) -> None:
    docs = [Document(text=TEXT, id=f"w{i}") for i in range(40)]
    results = list(_pipeline(Good(), Raises()).extract_many(docs, workers=2))
    assert [ex.id for ex in results] == [d.id for d in docs]
    for ex in results:
        assert [m.text for m in ex.dates] == ["2021", "2023"]
        assert [(e.plugin, e.hook, e.doc_id) for e in ex.errors] == [
            ("raises", "bilatx_extract_dates", ex.id)
        ]
    with pytest.raises(bilatx.PluginContractError, match="'w0'"):
        list(_pipeline(Raises(), strict=True).extract_many(docs, workers=2))


def test_a_plugin_that_kills_its_worker_costs_only_that_document(
    spawned_workers: types.ModuleType,
) -> None:
    docs = [Document(text=TEXT + (" EXIT" if i == 17 else ""), id=f"k{i}") for i in range(40)]
    results = list(_pipeline(Good(), ExitsProcess()).extract_many(docs, workers=2))
    assert [ex.id for ex in results] == [d.id for d in docs]
    crashed = [ex for ex in results if ex.errors]
    assert [ex.id for ex in crashed] == ["k17"]
    assert "worker process died (exit code 7)" in crashed[0].errors[0].message
    assert all([m.text for m in ex.dates] == ["2021", "2023"] for ex in results if ex.id != "k17")
    with pytest.raises(WorkerCrashError, match="'k17'"):
        list(_pipeline(ExitsProcess(), strict=True).extract_many(docs, workers=2))


def test_a_worker_that_dies_with_batches_queued_behind_it_loses_none_of_them(
    spawned_workers: types.ModuleType,
) -> None:
    # Enough batches that each worker has the next one waiting when the
    # second worker dies on its first: the waiting batch must still be done.
    docs = [Document(text=TEXT + (" EXIT" if i == 20 else ""), id=f"q{i}") for i in range(120)]
    results = list(_pipeline(Good(), ExitsProcess()).extract_many(docs, workers=2))
    assert [ex.id for ex in results] == [d.id for d in docs]
    assert [ex.id for ex in results if ex.errors] == ["q20"]
    assert all([m.text for m in ex.dates] == ["2021", "2023"] for ex in results if ex.id != "q20")


def test_the_batch_reports_plugin_failures_with_file_line_and_document(tmp_path: Path) -> None:
    source = tmp_path / "in.jsonl"
    source.write_text("\n".join(json.dumps({"id": f"b{i}", "text": TEXT}) for i in range(3)) + "\n")
    messages: list[str] = []
    summary = batch_jsonl(
        _pipeline(Good(), Raises()),
        str(source),
        str(tmp_path / "out.jsonl"),
        report=messages.append,
    )
    assert (summary.documents, summary.warnings, summary.failed) == (3, 3, 0)
    assert (
        f"{source}:2: warning: plugin 'raises' failed in bilatx_extract_dates on document 'b1'"
        in (messages[1])
    )
    lines = [json.loads(x) for x in (tmp_path / "out.jsonl").read_text().splitlines()]
    assert [x["errors"][0]["plugin"] for x in lines] == ["raises"] * 3
    assert [len(x["dates"]) for x in lines] == [2, 2, 2]
