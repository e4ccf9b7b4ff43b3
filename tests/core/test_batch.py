"""The batch engine: pickled pipelines, worker processes, order, bounded memory, whole lines."""
# ruff: noqa: S301  (the pickles here are our own, made in the same test)

from __future__ import annotations

import io
import itertools
import multiprocessing
import pickle
import signal
import threading
from pathlib import Path
from typing import TYPE_CHECKING

import attrs
import pytest

import bilatx
from bilatx import _batch
from bilatx._batch import Progress, batch_jsonl, run_ordered
from bilatx._io import LineWriter, deferred_interrupts
from bilatx.errors import BilatxError, InputError, PatternTimeoutError, PluginContractError

if TYPE_CHECKING:
    from collections.abc import Iterator

TEXTS = [
    "President Ines Moreau met Chancellor Karl Weber in Berlin on 4 April 2024.",
    "Exports of machinery rose to EUR 3.1 billion in 2023, the ministry said.",
    "\u201cWe will deepen our defence ties,\u201d Moreau said in a post on X.",
]


class Marker:
    """A registered plugin with state, to check it survives pickling."""

    def __init__(self, word: str) -> None:
        self.word = word

    @bilatx.hookimpl
    def bilatx_extract_sectors(self, doc: bilatx.Document) -> list[bilatx.SectorMention]:
        start = doc.text.find(self.word)
        if start < 0:
            return []
        end = start + len(self.word)
        return [
            bilatx.SectorMention(
                span=bilatx.Span(start, end), text=self.word, sector="defence", extractor="marker"
            )
        ]


class Unpicklable:
    def __init__(self) -> None:
        self.lock = threading.Lock()

    @bilatx.hookimpl
    def bilatx_extract_dates(self, doc: bilatx.Document) -> list[bilatx.DateMention]:
        return []


def _docs(n: int) -> list[bilatx.Document]:
    return [
        bilatx.Document(text=TEXTS[i % 3], id=f"doc-{i}", published="2024-04-05", meta={"n": i})
        for i in range(n)
    ]


# ---------------------------------------------------------------- pickling


def test_documents_errors_and_extractions_pickle() -> None:
    doc = bilatx.Document(text=TEXTS[0], id="a", published="2024-04-05", meta={"src": ["x"]})
    copy = pickle.loads(pickle.dumps(doc))
    assert (copy.text, copy.id, copy.published, dict(copy.meta)) == (
        doc.text,
        "a",
        doc.published,
        {"src": ["x"]},
    )
    ex = bilatx.Pipeline(entrypoints=False).extract(doc)
    assert pickle.loads(pickle.dumps(ex)).to_dict() == ex.to_dict()
    for error in (
        InputError("bad", path="p", line=3, doc_id="d"),
        PluginContractError("dates", "bilatx_extract_dates", "d", "boom"),
        PatternTimeoutError("a+", 0.5, 7),
    ):
        again = pickle.loads(pickle.dumps(error))
        assert type(again) is type(error)
        assert str(again) == str(error)


def test_a_pipeline_pickles_as_its_recipe() -> None:
    pipeline = bilatx.Pipeline(
        entrypoints=False,
        block=["quotes"],
        plugins={"marker": Marker("defence")},
        settings=bilatx.Settings(strict=True, plugin_timeout=9.0),
    )
    copy = pickle.loads(pickle.dumps(pipeline))
    assert copy.settings == pipeline.settings
    assert [p.name for p in copy.plugins()] == [p.name for p in pipeline.plugins()]
    assert "quotes" not in [p.name for p in copy.plugins()]
    doc = bilatx.Document(text="Talks on defence.", id="x")
    assert copy.extract(doc).to_dict() == pipeline.extract(doc).to_dict()
    # Unpickled twice in one process (as Dask does per task): built once.
    assert pickle.loads(pickle.dumps(pipeline)) is copy


# ----------------------------------------------------------- extract_many


def test_workers_give_the_same_results_in_order_with_the_callers_documents() -> None:
    pipeline = bilatx.Pipeline(entrypoints=False)
    docs = _docs(50)
    alone = [ex.to_dict() for ex in pipeline.extract_many(docs)]
    parallel = list(pipeline.extract_many(docs, workers=2))
    assert [ex.to_dict() for ex in parallel] == alone
    assert all(ex.document is doc for ex, doc in zip(parallel, docs, strict=True))


def test_strings_and_plugins_with_state_travel_to_workers() -> None:
    pipeline = bilatx.Pipeline(entrypoints=False, plugins={"marker": Marker("defence")})
    results = list(pipeline.extract_many([TEXTS[2]] * 20, workers=2))
    assert all(ex.sectors.count("defence") == 1 for ex in results)
    assert all(any(m.extractor == "marker" for m in ex.mentions.sectors) for ex in results)


def test_workers_zero_means_one_per_cpu() -> None:
    results = list(bilatx.Pipeline(entrypoints=False).extract_many(_docs(4), workers=0))
    assert [ex.id for ex in results] == [f"doc-{i}" for i in range(4)]


def test_input_is_read_lazily_with_a_bounded_read_ahead() -> None:
    drawn = 0

    def endless() -> Iterator[bilatx.Document]:
        nonlocal drawn
        for i in itertools.count():
            drawn += 1
            yield bilatx.Document(text=TEXTS[i % 3], id=str(i))

    results = bilatx.Pipeline(entrypoints=False).extract_many(endless(), workers=2)
    first = list(itertools.islice(results, 5))
    results.close()  # type: ignore[attr-defined]
    assert [ex.id for ex in first] == ["0", "1", "2", "3", "4"]
    assert drawn <= 2 * _batch._IN_FLIGHT_PER_WORKER * _batch._BATCH_DOCS + _batch._BATCH_DOCS


def test_a_pipeline_that_cannot_travel_says_why() -> None:
    pipeline = bilatx.Pipeline(entrypoints=False, plugins={"bad": Unpicklable()})
    with pytest.raises(BilatxError, match="workers > 1 needs a pipeline that can be sent"):
        list(pipeline.extract_many(_docs(3), workers=2))
    assert [ex.id for ex in pipeline.extract_many(_docs(3))] == ["doc-0", "doc-1", "doc-2"]


def test_workers_started_by_spawn_rebuild_the_pipeline(monkeypatch: pytest.MonkeyPatch) -> None:
    # Python 3.14 starts workers with forkserver by default, macOS with spawn:
    # nothing may depend on memory inherited through fork.
    monkeypatch.setattr(_batch, "_context", lambda: multiprocessing.get_context("spawn"))
    pipeline = bilatx.Pipeline(entrypoints=False, block=["quotes"])
    docs = _docs(6)
    expected = [ex.to_dict() for ex in pipeline.extract_many(docs)]
    assert [ex.to_dict() for ex in pipeline.extract_many(docs, workers=2)] == expected


def test_run_ordered_passes_failures_through_in_their_place() -> None:
    pipeline = bilatx.Pipeline(entrypoints=False)
    bad = InputError("no good", line=2)
    items: list[tuple[int, bilatx.Document | BaseException]] = [
        (1, _docs(1)[0]),
        (2, bad),
        (3, _docs(2)[1]),
    ]
    for workers in (1, 2):
        got = list(run_ordered(pipeline, items, workers=workers, as_json=True))
        assert [key for key, _, _ in got] == [1, 2, 3]
        assert got[1][2].failure is bad
        assert got[0][2].line is not None
        assert got[2][2].line is not None


# ------------------------------------------------------------- the batch


def test_batch_summary_counts(tmp_path: Path) -> None:
    source = tmp_path / "in.jsonl"
    source.write_text('{"id": "a", "text": "Talks."}\n{"id": "a", "text": "Again."}\n{"id": "b"}\n')
    messages: list[str] = []
    summary = batch_jsonl(
        bilatx.Pipeline(entrypoints=False),
        str(source),
        str(tmp_path / "out.jsonl"),
        workers=2,
        report=messages.append,
    )
    assert attrs.asdict(summary, filter=lambda a, _: a.name != "seconds") == {
        "documents": 2,
        "failed": 1,
        "warnings": 0,
        "skipped": 0,
        "duplicates": 1,
        "fatal": False,
        "interrupted": False,
    }
    assert len(messages) == 2


def test_a_flood_of_bad_lines_is_summarised(tmp_path: Path) -> None:
    source = tmp_path / "in.jsonl"
    source.write_text("{oops\n" * 200)
    messages: list[str] = []
    summary = batch_jsonl(
        bilatx.Pipeline(entrypoints=False), str(source), str(tmp_path / "o"), report=messages.append
    )
    assert summary.failed == 200
    assert len(messages) == _batch._REPORTED_LINES + 1
    assert "only their count is reported" in messages[-1]


# ------------------------------------------------------- progress, writing


def test_progress_line_shows_counts_rate_errors_and_percent() -> None:
    stream = io.StringIO()
    bar = Progress(enabled=True, total_bytes=1000, stream=stream)
    bar.docs, bar.errors = 12, 1
    bar.update(500, force=True)
    bar.message("bilatx: something happened")
    bar.close(1000)
    shown = stream.getvalue()
    assert "\r\x1b[K" in shown
    assert " 50.0%  12 docs" in shown
    assert "docs/s  1 errors" in shown
    assert "\r\x1b[Kbilatx: something happened\n" in shown
    assert shown.endswith("100.0%  12 docs  " + shown.rsplit("docs  ", 1)[1])
    quiet = io.StringIO()
    off = Progress(enabled=False, total_bytes=None, stream=quiet)
    off.update(1, force=True)
    off.close(1)
    assert quiet.getvalue() == ""


class _InterruptingStream(io.BytesIO):
    """A file whose write is hit by Ctrl-C halfway through."""

    def write(self, data: object) -> int:
        view = bytes(data)  # type: ignore[call-overload]
        half = len(view) // 2
        super().write(view[:half])
        signal.raise_signal(signal.SIGINT)
        return super().write(view[half:]) + half


def test_ctrl_c_during_a_write_lands_after_the_whole_line(tmp_path: Path) -> None:
    writer = LineWriter(str(tmp_path / "out.jsonl"))
    writer._raw.close()
    stream = _InterruptingStream()
    writer._raw = writer._stream = stream
    with deferred_interrupts(), pytest.raises(KeyboardInterrupt):
        writer.write_line('{"id": "a"}')
    assert stream.getvalue() == b'{"id": "a"}\n'
    writer._raw = writer._stream = io.BytesIO()
    writer.close()
