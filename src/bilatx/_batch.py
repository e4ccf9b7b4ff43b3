"""Streaming batch extraction: worker processes, input order kept, nothing lost.

:func:`run_ordered` is the engine behind :meth:`Pipeline.extract_many` and
``bilatx extract --jsonl``. It sends small batches of documents to a pool of
worker processes, keeps a bounded number of batches in flight (so memory stays
flat however long the input), and hands results back in input order. A worker
that dies (a crash in native code, the out-of-memory killer) costs only the
document it was reading: the batches in flight are retried one document at a
time in a fresh pool, and the one that kills its worker again is reported.

:func:`batch_jsonl` is the command-line batch: read JSONL (plain or gzip),
skip ids already written (``--resume``), write one whole line per document,
report each failure with its file, line and id, and show progress on stderr.
"""

from __future__ import annotations

import collections
import contextlib
import multiprocessing
import multiprocessing.connection
import os
import pickle
import queue
import sys
import threading
import time
from typing import TYPE_CHECKING, Any, Final, Generic, TextIO, TypeVar, cast

import attrs

from bilatx._io import DEFAULT_MAX_LINE_BYTES, Completed, JsonlReader, LineWriter, completed_ids
from bilatx.errors import BilatxError, InputError

if TYPE_CHECKING:
    from collections.abc import Callable, Generator, Iterable, Iterator
    from multiprocessing.connection import Connection

    from bilatx._pipeline import Pipeline
    from bilatx._types import Document, Extraction, PluginError

__all__ = ["BatchSummary", "Outcome", "WorkerCrashError", "batch_jsonl", "run_ordered"]

K = TypeVar("K")

_BATCH_DOCS: Final = 16
"""Documents sent to a worker at once: enough to amortise the inter-process cost."""
_BATCH_CHARS: Final = 256 * 1024
"""...unless they add up to this many characters; a big document travels alone."""
_IN_FLIGHT_PER_WORKER: Final = 3
"""Batches read ahead per worker: keeps every worker busy while bounding memory."""
_SENT_PER_WORKER: Final = 2
"""Batches handed to one worker before it answers: the one it works on and the next."""
_REPORTED_LINES: Final = 50
"""Bad input lines reported one by one before the rest are only counted."""


class WorkerCrashError(BilatxError):
    """A worker process died while extracting a document."""


@attrs.frozen
class _Mode:
    """How a worker hands results back."""

    as_json: bool = False
    """As the JSON line (serialised in the worker) rather than the Extraction."""
    include_text: bool = True
    """Keep the document text in the JSON line."""


@attrs.frozen
class Outcome:
    """What became of one document: an extraction (or its JSON line) or a failure."""

    extraction: Extraction | None = None
    line: str | None = None
    errors: tuple[PluginError, ...] = ()
    failure: BaseException | None = None


# ------------------------------------------------------------- worker side


def _portable(exc: Exception) -> Exception:
    """Return ``exc`` if it survives pickling, else a BilatxError that says what it was."""
    try:
        pickle.loads(pickle.dumps(exc))  # noqa: S301  (our own object, just made)
    except Exception:  # noqa: BLE001
        return BilatxError(f"{type(exc).__name__}: {exc}")
    return exc


def _extract_one(pipeline: Pipeline, doc: Document, mode: _Mode) -> Outcome:
    try:
        ex = pipeline.extract(doc)
        if mode.as_json:
            return Outcome(line=ex.to_json(include_text=mode.include_text), errors=ex.errors)
        return Outcome(extraction=ex, errors=ex.errors)
    except Exception as exc:  # noqa: BLE001  (reported for this document; the batch goes on)
        return Outcome(failure=exc)


def _read_tasks(conn: Connection, tasks: queue.SimpleQueue[Any], parent: int) -> None:
    """Move the batches the parent sends into ``tasks``; ``None`` there means stop.

    Reading on a thread of its own lets the parent queue the next batch while
    this worker is still busy (no idle gap between batches) without either
    side ever blocking on a full pipe.
    """
    while True:
        # Poll so that a worker whose parent was killed outright does not linger.
        try:
            ready = conn.poll(1.0)
        except (EOFError, OSError):
            tasks.put(None)
            return
        if not ready:
            if os.getppid() != parent:
                tasks.put(None)
                return
            continue
        try:
            task = conn.recv()
        except (EOFError, OSError):
            task = None
        tasks.put(task)
        if task is None:
            return


def _worker_main(conn: Connection, payload: bytes, parent: int) -> None:
    """Run in a worker process: extract each batch the parent sends, send the outcomes back."""
    import signal  # noqa: PLC0415

    # Ctrl-C reaches the whole process group: the parent decides what stops.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    # A forked worker inherits the parent's SIGTERM handler; here SIGTERM just ends it.
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    pipeline: Pipeline = pickle.loads(payload)  # noqa: S301  (our parent's own pipeline)
    tasks: queue.SimpleQueue[Any] = queue.SimpleQueue()
    threading.Thread(target=_read_tasks, args=(conn, tasks, parent), daemon=True).start()
    while True:
        task = tasks.get()
        if task is None:
            return
        docs, mode = task
        outcomes = []
        for doc in docs:
            outcome = _extract_one(pipeline, doc, mode)
            if isinstance(outcome.failure, Exception):
                outcome = Outcome(failure=_portable(outcome.failure))
            outcomes.append(outcome)
        try:
            conn.send(outcomes)
        except (EOFError, OSError):
            return


# ------------------------------------------------------------- parent side


def _context() -> multiprocessing.context.BaseContext:
    """Fork when it is safe (fast: nothing to re-import), else forkserver or spawn."""
    methods = multiprocessing.get_all_start_methods()
    if "fork" in methods and threading.active_count() == 1:
        return multiprocessing.get_context("fork")
    if "forkserver" in methods:
        return multiprocessing.get_context("forkserver")
    return multiprocessing.get_context("spawn")


def _pickled(pipeline: Pipeline) -> bytes:
    try:
        return pickle.dumps(pipeline)
    except Exception as exc:
        msg = (
            f"workers > 1 needs a pipeline that can be sent to other processes, "
            f"and pickling it failed: {type(exc).__name__}: {exc}. Define plugin "
            "classes at module level, or use workers=1"
        )
        raise BilatxError(msg) from exc


@attrs.define(eq=False)
class _Task:
    """A batch of documents sent to one worker; ``slot`` is its place in the output order."""

    slot: int
    index: int
    """Where the batch's first document sits within its slot."""
    docs: list[Document]


class _Worker:
    """One worker process and the pipe to it; each worker has its own, so a death is traceable."""

    def __init__(self, context: Any, payload: bytes) -> None:  # noqa: ANN401
        self.conn, child = context.Pipe(duplex=True)
        self.process = context.Process(
            target=_worker_main, args=(child, payload, os.getpid()), daemon=True
        )
        self.process.start()
        child.close()  # the parent keeps only its end: the worker's death then reads as EOF
        self.tasks: collections.deque[_Task] = collections.deque()
        """Batches sent and not yet answered, oldest (the one being worked on) first."""

    def send(self, task: _Task, mode: _Mode) -> None:
        self.tasks.append(task)
        # A worker that died before it was told reads as closed in _collect,
        # and the scheduler then re-sends what it held.
        with contextlib.suppress(OSError):
            self.conn.send((task.docs, mode))

    def stop(self, *, hard: bool) -> None:
        if not hard and self.process.is_alive():
            with contextlib.suppress(OSError):
                self.conn.send(None)
            self.process.join(timeout=5)
        if self.process.is_alive():
            self.process.terminate()
            self.process.join(timeout=5)
        if self.process.is_alive():  # pragma: no cover - a worker ignoring SIGTERM
            self.process.kill()
            self.process.join()
        self.conn.close()


def _batches(
    items: Iterable[tuple[K, Document | BaseException]],
) -> Iterator[list[tuple[K, Document | BaseException]]]:
    """Group items into batches to send; an item that is already a failure travels alone."""
    batch: list[tuple[K, Document | BaseException]] = []
    chars = 0
    for item in items:
        value = item[1]
        if isinstance(value, BaseException):
            if batch:
                yield batch
                batch, chars = [], 0
            yield [item]
            continue
        batch.append(item)
        chars += len(value.text)
        if len(batch) >= _BATCH_DOCS or chars >= _BATCH_CHARS:
            yield batch
            batch, chars = [], 0
    if batch:
        yield batch


def _crashed(doc: Document, exitcode: int | None) -> Outcome:
    how = f"exit code {exitcode}" if exitcode is not None else "no exit code"
    msg = (
        f"the worker process died ({how}) while extracting document {doc.id!r}: a crash "
        "in native code, the out-of-memory killer, or a plugin that ended the process"
    )
    return Outcome(failure=WorkerCrashError(msg))


def run_ordered(
    pipeline: Pipeline,
    items: Iterable[tuple[K, Document | BaseException]],
    *,
    workers: int = 1,
    as_json: bool = False,
    include_text: bool = True,
) -> Generator[tuple[K, Document | BaseException, Outcome], None, None]:
    """Extract from each document, yielding ``(key, document, outcome)`` in input order.

    An item whose value is an exception (a bad input line) is passed through in
    its place with that exception as the failure, so reports stay in order.

    Args:
        pipeline: the pipeline to run; with ``workers > 1`` it is pickled to each worker.
        items: ``(key, document or failure)`` pairs; read lazily.
        workers: processes to use; ``1`` runs in this process.
        as_json: give each result as its JSON line (serialised in the worker).
        include_text: keep the document text in the JSON line.
    """
    mode = _Mode(as_json=as_json, include_text=include_text)
    if workers <= 1:
        for key, value in items:
            if isinstance(value, BaseException):
                yield key, value, Outcome(failure=value)
            else:
                yield key, value, _extract_one(pipeline, value, mode)
        return
    scheduler: _Scheduler[K] = _Scheduler(pipeline, workers, mode)
    yield from scheduler.run(items)


class _Scheduler(Generic[K]):
    """Hands batches to idle workers and gives results back in input order.

    At most ``workers * _IN_FLIGHT_PER_WORKER`` batches are read ahead of the
    one the caller waits for, so memory stays bounded. When a worker dies, the
    documents of its batch are sent again one at a time; the one it dies on
    again is reported as a :class:`WorkerCrashError` and the others go on.
    """

    def __init__(self, pipeline: Pipeline, workers: int, mode: _Mode) -> None:
        self.payload = _pickled(pipeline)
        self.context = _context()
        self.size = workers
        self.mode = mode
        self.workers: list[_Worker] = []
        self.slots: dict[int, list[tuple[K, Document | BaseException]]] = {}
        self.outcomes: dict[int, list[Outcome | None]] = {}
        self.queue: collections.deque[_Task] = collections.deque()

    def _spawn(self) -> _Worker:
        worker = _Worker(self.context, self.payload)
        self.workers.append(worker)
        return worker

    def run(
        self, items: Iterable[tuple[K, Document | BaseException]]
    ) -> Iterator[tuple[K, Document | BaseException, Outcome]]:
        batches = _batches(items)
        limit = self.size * _IN_FLIGHT_PER_WORKER
        next_slot = head = 0
        exhausted = clean = False
        try:
            for _ in range(self.size):
                self._spawn()
            while True:
                # Read ahead while the window has room.
                while not exhausted and next_slot - head < limit:
                    batch = next(batches, None)
                    if batch is None:
                        exhausted = True
                        break
                    self.slots[next_slot] = batch
                    self.outcomes[next_slot] = [None] * len(batch)
                    first = batch[0][1]
                    if isinstance(first, BaseException):
                        self.outcomes[next_slot] = [Outcome(failure=first)]
                    else:
                        docs = [d for _, d in batch if not isinstance(d, BaseException)]
                        self.queue.append(_Task(next_slot, 0, docs))
                    next_slot += 1
                self._dispatch()
                # Hand back every finished slot, in order.
                while head < next_slot and all(o is not None for o in self.outcomes[head]):
                    batch = self.slots.pop(head)
                    outcomes = self.outcomes.pop(head)
                    yield from _finish(batch, cast("list[Outcome]", outcomes))
                    head += 1
                if head == next_slot and exhausted:
                    clean = True
                    return
                self._collect()
        finally:
            for worker in self.workers:
                worker.stop(hard=not clean)

    def _dispatch(self) -> None:
        # Fill every worker's own queue, least loaded first, so a worker has
        # its next batch at hand the moment it finishes one.
        while self.queue:
            worker = min(self.workers, key=lambda w: len(w.tasks))
            if len(worker.tasks) >= _SENT_PER_WORKER:
                return
            worker.send(self.queue.popleft(), self.mode)

    def _collect(self) -> None:
        busy = {w.conn: w for w in self.workers if w.tasks}
        if not busy:
            return
        for conn in multiprocessing.connection.wait(list(busy)):
            worker = busy[cast("Connection", conn)]
            try:
                results: list[Outcome] = worker.conn.recv()
            except (EOFError, OSError):
                self._died(worker)
                continue
            task = worker.tasks.popleft()
            self.outcomes[task.slot][task.index : task.index + len(results)] = results

    def _died(self, worker: _Worker) -> None:
        worker.process.join(timeout=5)
        exitcode = worker.process.exitcode
        task, *waiting = worker.tasks
        worker.tasks.clear()
        worker.stop(hard=True)
        self.workers.remove(worker)
        self._spawn()
        # Batches sent after the one it died on were never started: they go first again.
        self.queue.extendleft(reversed(waiting))
        if len(task.docs) == 1:
            self.outcomes[task.slot][task.index] = _crashed(task.docs[0], exitcode)
            return
        # Which document killed it? Send each again alone, first in the queue.
        singles = [_Task(task.slot, task.index + i, [doc]) for i, doc in enumerate(task.docs)]
        self.queue.extendleft(reversed(singles))


def _finish(
    batch: list[tuple[K, Document | BaseException]], outcomes: list[Outcome]
) -> Iterator[tuple[K, Document | BaseException, Outcome]]:
    for (key, doc), outcome in zip(batch, outcomes, strict=True):
        if outcome.extraction is not None and not isinstance(doc, BaseException):
            # Give back the caller's own Document (documents compare by identity).
            restored = attrs.evolve(outcome.extraction, document=doc)
            yield key, doc, attrs.evolve(outcome, extraction=restored)
        else:
            yield key, doc, outcome


# --------------------------------------------------------------- progress


class Progress:
    """A one-line progress display on stderr: documents, documents/s, errors, percent.

    Shown only when ``enabled`` (the CLI enables it when stderr is a terminal
    and ``--quiet`` is not given); messages printed through :meth:`message`
    clear the line first so the two never mix.
    """

    def __init__(self, *, enabled: bool, total_bytes: int | None, stream: TextIO) -> None:
        self.enabled = enabled
        self.total = total_bytes
        self.stream = stream
        self.started = time.monotonic()
        self.docs = 0
        self.errors = 0
        self._last = 0.0
        self._shown = False

    def _line(self, position: int) -> str:
        elapsed = max(time.monotonic() - self.started, 1e-9)
        parts = [f"{self.docs:,} docs", f"{self.docs / elapsed:,.1f} docs/s"]
        parts.append(f"{self.errors:,} errors")
        if self.total:
            parts.insert(0, f"{min(100.0, 100.0 * position / self.total):5.1f}%")
        return "bilatx: " + "  ".join(parts)

    def update(self, position: int, *, force: bool = False) -> None:
        """Redraw the line, at most ten times a second."""
        if not self.enabled:
            return
        now = time.monotonic()
        if not force and now - self._last < 0.1:  # noqa: PLR2004
            return
        self._last = now
        self.stream.write("\r\x1b[K" + self._line(position))
        self.stream.flush()
        self._shown = True

    def message(self, text: str) -> None:
        """Print a message on its own line without garbling the progress line."""
        if self._shown:
            self.stream.write("\r\x1b[K")
            self._shown = False
        self.stream.write(text + "\n")
        self.stream.flush()

    def close(self, position: int) -> None:
        """Leave the final figures on screen."""
        if self.enabled:
            self.update(position, force=True)
            self.stream.write("\n")
            self.stream.flush()


# ----------------------------------------------------------- the CLI batch


@attrs.define
class BatchSummary:
    """What a batch did: counts the command line turns into its exit code."""

    documents: int = 0
    """Documents written to the output (with or without plugin errors)."""
    failed: int = 0
    """Input lines or documents that could not be processed (reported, error lines written)."""
    warnings: int = 0
    """Documents on which some plugin failed (lenient mode kept the others' results)."""
    skipped: int = 0
    """Documents skipped because ``--resume`` found them in the output."""
    duplicates: int = 0
    """Input lines whose id an earlier line already had."""
    fatal: bool = False
    """The input could not be read to its end."""
    interrupted: bool = False
    """Ctrl-C or SIGTERM stopped the batch; every line written is whole."""
    seconds: float = 0.0


def _error_line(doc_id: str | None, line: int, message: str) -> str:
    import json  # noqa: PLC0415

    return json.dumps({"id": doc_id, "error": message, "line": line}, ensure_ascii=False)


def batch_jsonl(
    pipeline: Pipeline,
    source: str,
    output: str,
    *,
    workers: int = 1,
    resume: bool = False,
    include_text: bool = True,
    encoding: str = "utf-8",
    errors: str = "strict",
    max_line_bytes: int | None = DEFAULT_MAX_LINE_BYTES,
    progress: bool = False,
    warn: bool = True,
    report: Callable[[str], None] | None = None,
) -> BatchSummary:
    """Extract from every document of the JSONL file ``source`` into ``output``, line by line.

    Each output line is a document's extraction (in input order) or, for a
    document that could not be processed, ``{"id", "error", "line"}``.

    Args:
        pipeline: the pipeline to run.
        source: the input file (``-``: stdin; gzip by suffix or content).
        output: the output file (``-``: stdout; gzip when it ends in ``.gz``).
        workers: processes to use (``0``: one per CPU).
        resume: skip documents whose id is already in ``output`` and append.
        include_text: keep the document text in the output.
        encoding: the input's encoding.
        errors: what to do with undecodable input bytes.
        max_line_bytes: the longest input line to read.
        progress: show a progress line on stderr.
        warn: report plugin failures (lenient mode) on stderr.
        report: where messages go (default: stderr, prefixed ``bilatx:``).

    Raises:
        InputError: the input cannot be opened or is not text.
        OutputError: the output cannot be written.
    """
    summary = BatchSummary()
    started = time.monotonic()
    if workers == 0:
        workers = os.cpu_count() or 1
    if resume and output == "-":
        msg = "--resume needs an output file (-o OUT), not stdout"
        raise InputError(msg)
    done = completed_ids(output) if resume else Completed()
    reader = JsonlReader(source, encoding=encoding, errors=errors, max_line_bytes=max_line_bytes)
    bar = Progress(enabled=progress, total_bytes=reader.size, stream=sys.stderr)

    def say(text: str) -> None:
        if report is not None:
            report(text)
        else:
            bar.message(f"bilatx: {text}")

    reported = 0

    def bad(text: str) -> None:
        nonlocal reported
        reported += 1
        if reported <= _REPORTED_LINES:
            say(text)
        elif reported == _REPORTED_LINES + 1:
            say("more bad lines follow; only their count is reported from here on")

    seen: dict[str, int] = {}

    def items() -> Iterator[tuple[tuple[int, str | None], Document | BaseException]]:
        for item in reader:
            if item.fatal:
                summary.fatal = True
            if resume and (item.doc_id in done.ids or item.line in done.failed_lines):
                summary.skipped += 1
                continue
            if item.doc_id is not None:
                first = seen.setdefault(item.doc_id, item.line)
                if first != item.line:
                    summary.duplicates += 1
                    bad(
                        f"{source}:{item.line} (id {item.doc_id!r}): duplicate id, first seen "
                        f"on line {first}; processed again"
                    )
            if item.error is not None:
                yield (item.line, item.doc_id), item.error
            else:
                assert item.document is not None  # noqa: S101  (one or the other)
                yield (item.line, item.doc_id), item.document

    with reader:
        writer = LineWriter(output, append=resume)
        try:
            results = run_ordered(
                pipeline, items(), workers=workers, as_json=True, include_text=include_text
            )
            for (line, doc_id), _doc, outcome in results:
                if outcome.failure is not None:
                    summary.failed += 1
                    bar.errors += 1
                    failure = outcome.failure
                    if isinstance(failure, InputError) and failure.path is not None:
                        bad(str(failure))
                    else:
                        where = f"{source}:{line}" + (f" (id {doc_id!r})" if doc_id else "")
                        bad(f"{where}: {failure}")
                    message = failure.message if isinstance(failure, InputError) else str(failure)
                    writer.write_line(_error_line(doc_id, line, message))
                else:
                    assert outcome.line is not None  # noqa: S101
                    writer.write_line(outcome.line)
                    summary.documents += 1
                    if outcome.errors:
                        summary.warnings += 1
                        if warn:
                            for error in outcome.errors:
                                say(f"{source}:{line}: warning: {error}")
                bar.docs += 1
                bar.update(reader.position)
            bar.close(reader.size or reader.position)
        except KeyboardInterrupt:
            summary.interrupted = True
            bar.close(reader.position)
        finally:
            writer.close()
    summary.seconds = time.monotonic() - started
    return summary
