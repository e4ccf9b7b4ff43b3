"""Reading input documents and writing output lines, with errors that say where.

Input: text files and JSONL batches, plain or gzip-compressed (recognised by
the ``.gz`` suffix or by the gzip magic bytes), read line by line with a cap on
the length of one line so memory stays bounded whatever comes in.

Output: :class:`LineWriter` writes whole lines only. Each line goes out in one
write followed by a flush, with Ctrl-C (SIGINT) and SIGTERM held back until the
line is complete, so an interrupted run leaves a file of complete lines that
``--resume`` can continue.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import gzip
import json
import os
import signal
import sys
import threading
import zlib
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any, Final, TypeAlias, final

import attrs
import regex

from bilatx._types import Document
from bilatx.errors import InputError

if TYPE_CHECKING:
    from collections.abc import Iterator
    from types import FrameType, TracebackType

__all__ = [
    "DEFAULT_MAX_LINE_BYTES",
    "Completed",
    "InputLine",
    "JsonlReader",
    "LineWriter",
    "OutputError",
    "completed_ids",
    "decode",
    "deferred_interrupts",
    "document_from_mapping",
    "jsonl_objects",
    "parse_jsonl_line",
    "read_jsonl",
    "read_text_file",
]

DEFAULT_MAX_LINE_BYTES: Final = 32 * 1024 * 1024
"""Longest JSONL input line read by default (32 MiB); longer lines are reported and skipped."""

_GZIP_MAGIC: Final = b"\x1f\x8b"
_SNIFF: Final = 8192

_Stream: TypeAlias = "gzip.GzipFile | IO[bytes]"
# The id of a line too long to parse, when it is the first key (as in our own output).
_LEADING_ID: Final = regex.compile(rb'^\s*\{\s*"id"\s*:\s*("(?:[^"\\\n]|\\.){0,1000}"|-?\d{1,30})')


class OutputError(InputError):
    """The output cannot be opened or written (a missing folder, no permission, a full disk)."""


# ------------------------------------------------------------------- input


def decode(data: bytes, *, path: str, encoding: str = "utf-8", errors: str = "strict") -> str:
    """Decode ``data``, reporting the byte offset of the first undecodable byte."""
    try:
        return data.decode(encoding, errors)
    except UnicodeDecodeError as exc:
        msg = (
            f"not valid {encoding} at byte {exc.start} ({exc.reason}); "
            "use --encoding to name the right one or --errors=replace"
        )
        raise InputError(msg, path=path) from None
    except LookupError:
        msg = f"unknown encoding {encoding!r}"
        raise InputError(msg, path=path) from None


def _check_encoding(encoding: str, errors: str, path: str) -> None:
    import codecs  # noqa: PLC0415

    try:
        codecs.lookup(encoding)
    except LookupError:
        msg = f"unknown encoding {encoding!r}"
        raise InputError(msg, path=path) from None
    try:
        codecs.lookup_error(errors)
    except LookupError:
        msg = f"unknown error handler {errors!r} (use strict, replace or ignore)"
        raise InputError(msg, path=path) from None


def _is_nul_free_encoding(encoding: str) -> bool:
    # In these encodings a NUL byte only ever encodes U+0000, which text never holds.
    return encoding.lower().replace("-", "").replace("_", "") in {"utf8", "ascii", "latin1"}


def _open_binary(path: str) -> tuple[_Stream, IO[bytes], int | None]:
    """Open ``path`` (``-``: stdin) for reading, decompressing gzip.

    Returns the stream to read, the underlying raw stream (whose position
    tracks progress) and the size of the file when known.
    """
    try:
        if path == "-":
            raw: IO[bytes] = sys.stdin.buffer
            size = None
        else:
            raw = open(path, "rb")  # noqa: SIM115, PTH123
            size = os.fstat(raw.fileno()).st_size
    except OSError as exc:
        raise InputError(exc.strerror or str(exc), path=path) from None
    peek = getattr(raw, "peek", None)
    head = peek(2)[:2] if peek is not None else b""
    if path.endswith(".gz") or head == _GZIP_MAGIC:
        return gzip.GzipFile(fileobj=raw, mode="rb"), raw, size
    return raw, raw, size


def read_text_file(path: str, *, encoding: str = "utf-8", errors: str = "strict") -> str:
    """Read a whole text file (``-`` for stdin, ``.gz`` decompressed), with clear errors."""
    _check_encoding(encoding, errors, path)
    stream, raw, _ = _open_binary(path)
    try:
        data = stream.read()
    except (OSError, EOFError, zlib.error) as exc:
        msg = f"cannot read: {exc}"
        raise InputError(msg, path=path) from None
    finally:
        if raw is not sys.stdin.buffer:
            stream.close()
            raw.close()
    if b"\x00" in data[:_SNIFF] and _is_nul_free_encoding(encoding):
        msg = "looks like a binary file (it contains NUL bytes), not text"
        raise InputError(msg, path=path)
    return decode(data, path=path, encoding=encoding, errors=errors)


@attrs.frozen(kw_only=True)
class InputLine:
    """One line of a JSONL input: the document, or the error that stopped it."""

    line: int
    doc_id: str | None
    document: Document | None = None
    error: InputError | None = None
    fatal: bool = False
    """The input cannot be read past this point (a truncated or corrupt file)."""


def _field_problem(obj: dict[Any, Any], raw_id: object, doc_id: str | None) -> str | None:
    """Say what is wrong with the fields of a document object, if anything."""
    if raw_id is not None and doc_id is None:
        return f"'id' must be a string or integer, not {type(raw_id).__name__}"
    if "text" not in obj:
        return "missing 'text'"
    if not isinstance(obj["text"], str):
        return f"'text' must be a string, not {type(obj['text']).__name__}"
    published = obj.get("published")
    if published is not None and not isinstance(published, str):
        return f"'published' must be an ISO date string or null, not {type(published).__name__}"
    if isinstance(published, str) and published.strip():
        try:
            dt.date.fromisoformat(published.strip())
        except ValueError:
            return f"'published' {published.strip()!r} is not a valid date (YYYY-MM-DD)"
    return None


def document_from_mapping(
    obj: object, *, path: str | None = None, line: int | None = None
) -> Document:
    """Build a :class:`Document` from ``{"id", "text", "published", ...}``; other keys become meta.

    Raises:
        InputError: a field is missing or has the wrong type, or the date is
            invalid; the message names the path, line and id when known.
    """
    if not isinstance(obj, dict):
        msg = f"expected a JSON object, got {type(obj).__name__}"
        raise InputError(msg, path=path, line=line)
    raw_id = obj.get("id")
    doc_id = (
        str(raw_id) if isinstance(raw_id, (str, int)) and not isinstance(raw_id, bool) else None
    )
    problem = _field_problem(obj, raw_id, doc_id)
    if problem is None:
        published = obj.get("published")
        meta = {k: v for k, v in obj.items() if k not in {"id", "text", "published"}}
        try:
            return Document(
                text=obj["text"],
                id=doc_id,
                published=published.strip() or None if isinstance(published, str) else None,
                meta=meta,
            )
        except (TypeError, ValueError) as exc:
            problem = str(exc)
    raise InputError(problem, path=path, line=line, doc_id=doc_id)


def parse_jsonl_line(raw: str, *, path: str, line: int) -> InputLine:
    """Parse one JSONL input line ``{"id", "text", "published"}`` into a document."""
    try:
        obj: Any = json.loads(raw)
    except json.JSONDecodeError as exc:
        msg = f"invalid JSON: {exc.msg} (column {exc.colno})"
        return InputLine(line=line, doc_id=None, error=InputError(msg, path=path, line=line))
    except RecursionError:
        msg = "invalid JSON: nested too deeply"
        return InputLine(line=line, doc_id=None, error=InputError(msg, path=path, line=line))
    try:
        document = document_from_mapping(obj, path=path, line=line)
    except InputError as exc:
        return InputLine(line=line, doc_id=exc.doc_id, error=exc)
    return InputLine(line=line, doc_id=document.id, document=document)


def _leading_id(head: bytes) -> str | None:
    match = _LEADING_ID.match(head)
    if match is None:
        return None
    try:
        value = json.loads(match.group(1))
    except (ValueError, UnicodeDecodeError):
        return None
    return str(value)


@final
class JsonlReader:
    """Iterate over the lines of a JSONL file of documents, lazily, as :class:`InputLine` s.

    Bad lines are yielded with their error rather than raised, so a batch can
    report them and carry on. A file that cannot be opened, or that looks like
    a binary file, raises :class:`InputError`. A line longer than
    ``max_line_bytes`` is reported and skipped without being held in memory.

    Args:
        path: the file (``-``: stdin); gzip is recognised by suffix or content.
        encoding: the text encoding of the lines.
        errors: what to do with undecodable bytes (``strict``, ``replace``, ``ignore``).
        max_line_bytes: the longest line to read (``None``: no limit).
    """

    def __init__(
        self,
        path: str,
        *,
        encoding: str = "utf-8",
        errors: str = "strict",
        max_line_bytes: int | None = DEFAULT_MAX_LINE_BYTES,
    ) -> None:
        _check_encoding(encoding, errors, path)
        self.path = path
        self.encoding = encoding
        self.errors = errors
        self.max_line_bytes = max_line_bytes
        self._stream, self._raw, self.size = _open_binary(path)
        try:
            head = self._stream.peek(_SNIFF)[:_SNIFF] if hasattr(self._stream, "peek") else b""
        except (OSError, EOFError, zlib.error) as exc:
            self.close()
            msg = f"cannot read: {exc}"
            raise InputError(msg, path=path) from None
        if b"\x00" in head and _is_nul_free_encoding(encoding):
            self.close()
            msg = "looks like a binary file (it contains NUL bytes), not JSON lines"
            raise InputError(msg, path=path)

    @property
    def position(self) -> int:
        """Bytes read so far from the file (compressed bytes for a gzip file)."""
        try:
            return self._raw.tell() if self._raw is not sys.stdin.buffer else 0
        except (OSError, ValueError):
            return 0

    def close(self) -> None:
        """Close the file (never stdin)."""
        if self._raw is not sys.stdin.buffer:
            self._stream.close()
            self._raw.close()

    def __enter__(self) -> JsonlReader:
        """Return the reader."""
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        """Close the file."""
        self.close()

    def _fatal(self, number: int, message: str) -> InputLine:
        error = InputError(message, path=self.path, line=number)
        return InputLine(line=number, doc_id=None, error=error, fatal=True)

    def __iter__(self) -> Iterator[InputLine]:
        """Yield every non-blank line, parsed, in order."""
        limit = self.max_line_bytes
        offset = 0
        number = 0
        while True:
            number += 1
            try:
                raw = self._stream.readline(limit + 1) if limit else self._stream.readline()
                if not raw:
                    return
                if limit and len(raw) > limit and not raw.endswith(b"\n"):
                    item, size = self._too_long(raw, number, limit)
                    offset += size
                    yield item
                    continue
            except (OSError, EOFError, zlib.error) as exc:
                yield self._fatal(number, f"cannot read past this line: {exc}")
                return
            start = offset
            offset += len(raw)
            try:
                text = raw.decode(self.encoding, self.errors)
            except UnicodeDecodeError as exc:
                msg = (
                    f"not valid {self.encoding} at byte {start + exc.start} of the file "
                    f"(column {exc.start + 1} of the line: {exc.reason}); "
                    "use --encoding or --errors=replace"
                )
                doc_id = _leading_id(raw[:4096])
                error = InputError(msg, path=self.path, line=number, doc_id=doc_id)
                yield InputLine(line=number, doc_id=doc_id, error=error)
                continue
            if not text.strip():
                continue
            yield parse_jsonl_line(text, path=self.path, line=number)

    def _too_long(self, head: bytes, number: int, limit: int) -> tuple[InputLine, int]:
        size = len(head)
        doc_id = _leading_id(head[:4096])
        while True:
            chunk = self._stream.readline(1 << 20)
            if not chunk:
                break
            size += len(chunk)
            if chunk.endswith(b"\n"):
                break
        msg = (
            f"line of {size:,} bytes is longer than the limit of {limit:,} "
            "(--max-line-bytes); skipped"
        )
        error = InputError(msg, path=self.path, line=number, doc_id=doc_id)
        return InputLine(line=number, doc_id=doc_id, error=error), size


def read_jsonl(
    path: str,
    *,
    encoding: str = "utf-8",
    errors: str = "strict",
    max_line_bytes: int | None = DEFAULT_MAX_LINE_BYTES,
) -> Iterator[InputLine]:
    """Yield each non-blank line of a JSONL file of documents, lazily (see :class:`JsonlReader`)."""
    with JsonlReader(
        path, encoding=encoding, errors=errors, max_line_bytes=max_line_bytes
    ) as reader:
        yield from reader


# ------------------------------------------------------------------ output


class _Interrupts:
    """Holds SIGINT/SIGTERM back while a line is being written, then delivers them."""

    def __init__(self) -> None:
        self.writing = False
        self.pending: int | None = None

    def handler(self, signum: int, _frame: FrameType | None) -> None:
        if self.writing:
            self.pending = signum
            return
        raise KeyboardInterrupt

    def release(self) -> None:
        self.writing = False
        if self.pending is not None:
            self.pending = None
            raise KeyboardInterrupt


_interrupts: _Interrupts | None = None


@contextlib.contextmanager
def deferred_interrupts() -> Iterator[None]:
    """Turn SIGINT and SIGTERM into :class:`KeyboardInterrupt` raised between lines.

    Inside this block :class:`LineWriter` never lets an interruption cut a line
    in half. Outside the main thread it does nothing (signals cannot be caught
    there).
    """
    global _interrupts  # noqa: PLW0603
    if threading.current_thread() is not threading.main_thread() or _interrupts is not None:
        yield
        return
    state = _Interrupts()
    previous = {sig: signal.signal(sig, state.handler) for sig in (signal.SIGINT, signal.SIGTERM)}
    _interrupts = state
    try:
        yield
    finally:
        _interrupts = None
        for sig, handler in previous.items():
            signal.signal(sig, handler)


@final
class LineWriter:
    """Write whole lines to a file (``-``: stdout), gzip-compressed when it ends in ``.gz``.

    Each line is written and flushed in one step; an interruption (see
    :func:`deferred_interrupts`) or a crash leaves only complete lines.

    Args:
        path: the output file, or ``-`` for stdout.
        append: add to the end of an existing file instead of replacing it.

    Raises:
        OutputError: the file cannot be opened for writing.
    """

    def __init__(self, path: str, *, append: bool = False) -> None:
        self.path = path
        self._raw: IO[bytes]
        if path == "-":
            self._raw = sys.stdout.buffer
        else:
            target = Path(path)
            if target.is_dir():
                raise OutputError("is a directory, not a file", path=path)
            try:
                self._raw = open(path, "ab" if append else "wb")  # noqa: SIM115, PTH123
            except OSError as exc:
                msg = f"cannot write here: {exc.strerror or exc}"
                raise OutputError(msg, path=path) from None
        self._gzip = path.endswith(".gz")
        self._stream: _Stream = (
            gzip.GzipFile(fileobj=self._raw, mode="ab" if append else "wb")
            if self._gzip
            else self._raw
        )
        self.lines = 0

    def write_line(self, line: str) -> None:
        """Write ``line`` plus a newline, completely, then flush it to the file.

        The file is always valid UTF-8: a JSON line holding lone surrogates
        (valid in Python text, not in UTF-8) is written with them escaped.
        """
        try:
            data = (line + "\n").encode("utf-8")
        except UnicodeEncodeError:
            data = (json.dumps(json.loads(line)) + "\n").encode("ascii")
        state = _interrupts
        if state is not None:
            state.writing = True
        try:
            self._stream.write(data)
            if self._gzip:
                # A sync flush ends the line's deflate block: a reader of the file
                # (even one cut short by a crash) can decompress every whole line.
                self._stream.flush()
            self._raw.flush()
        except OSError as exc:
            msg = f"cannot write: {exc.strerror or exc}"
            raise OutputError(msg, path=self.path) from None
        finally:
            if state is not None:
                state.release()
        self.lines += 1

    def close(self) -> None:
        """Finish the file (never closes stdout)."""
        try:
            if self._gzip:
                self._stream.close()
            self._raw.flush()
        except OSError as exc:
            msg = f"cannot write: {exc.strerror or exc}"
            raise OutputError(msg, path=self.path) from None
        finally:
            if self._raw is not sys.stdout.buffer:
                with contextlib.suppress(OSError):
                    self._raw.close()

    def __enter__(self) -> LineWriter:
        """Return the writer."""
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        """Close the file."""
        self.close()


@attrs.define
class Completed:
    """What an output file already holds, for ``--resume``."""

    ids: set[str] = attrs.field(factory=set)
    """Ids of the documents written (results and error lines alike)."""
    failed_lines: set[int] = attrs.field(factory=set)
    """Input line numbers of error lines without an id (an unparsable input line)."""


_ERROR_WITHOUT_ID: Final = regex.compile(rb'^\{"id": null, "error": .*"line": (\d{1,18})\}$')


def _note_line(line: bytes, done: Completed) -> None:
    doc_id = _leading_id(line[:4096])
    if doc_id is not None:
        done.ids.add(doc_id)
        return
    match = _ERROR_WITHOUT_ID.match(line.rstrip(b"\r\n"))
    if match is not None:
        done.failed_lines.add(int(match.group(1)))
        return
    try:
        obj = json.loads(line)
    except (ValueError, RecursionError):
        return
    if isinstance(obj, dict) and isinstance(obj.get("id"), (str, int)):
        done.ids.add(str(obj["id"]))


def _scan_output(path: Path, *, gz: bool) -> tuple[Completed, int, int, bool]:
    """Return what is done, the count and length of the whole lines, and whether the end is cut."""
    ids = Completed()
    count = good_end = 0
    with path.open("rb") as raw:
        stream: _Stream = gzip.GzipFile(fileobj=raw, mode="rb") if gz else raw
        try:
            for line in stream:
                if not line.endswith(b"\n"):
                    return ids, count, good_end, True
                _note_line(line, ids)
                count += 1
                good_end += len(line)
        except (EOFError, zlib.error, gzip.BadGzipFile):
            return ids, count, good_end, True
    return ids, count, good_end, False


def completed_ids(path: str, *, repair: bool = True) -> Completed:
    """Return the documents already written to the output ``path``.

    A last line cut short (by a crash or a full disk) is dropped; with
    ``repair`` the file is cut back to its last whole line so that appending
    continues cleanly. A missing file means nothing is done yet.

    Raises:
        OutputError: the file exists but cannot be read or repaired.
    """
    target = Path(path)
    if not target.exists():
        return Completed()
    gz = path.endswith(".gz")
    try:
        ids, count, good_end, damaged = _scan_output(target, gz=gz)
    except OSError as exc:
        msg = f"cannot read for --resume: {exc.strerror or exc}"
        raise OutputError(msg, path=path) from None
    if damaged and repair:
        try:
            if gz:
                # A compressed stream cannot be cut at a line: copy the whole lines anew.
                tmp = target.with_name(target.name + ".repair")
                with gzip.open(target, "rb") as src, gzip.open(tmp, "wb") as out:
                    for _, line in zip(range(count), src, strict=False):
                        out.write(line)
                tmp.replace(target)
            else:
                with target.open("r+b") as handle:
                    handle.truncate(good_end)
        except (OSError, EOFError, zlib.error) as exc:
            msg = f"cannot repair the cut-off last line: {exc}"
            raise OutputError(msg, path=path) from None
    return ids


def jsonl_objects(path: str) -> Iterator[tuple[int, dict[str, Any] | None, str | None]]:
    """Yield ``(line number, object, error)`` for each non-blank line of a JSONL file.

    Used by the commands that read bilatx output back (``merge``, ``show``,
    ``report``): a bad line is yielded with its error so the caller can report
    it and carry on; a file that cannot be opened or decoded raises
    :class:`InputError` naming it.
    """
    try:
        handle = sys.stdin if path == "-" else open(path, encoding="utf-8")  # noqa: SIM115, PTH123
    except OSError as exc:
        raise InputError(exc.strerror or str(exc), path=path) from None
    try:
        for number, raw in enumerate(handle, 1):
            if not raw.strip():
                continue
            try:
                obj = json.loads(raw)
            except json.JSONDecodeError as exc:
                yield number, None, f"invalid JSON: {exc.msg} (column {exc.colno})"
                continue
            if not isinstance(obj, dict):
                yield number, None, f"expected a JSON object, got {type(obj).__name__}"
                continue
            yield number, obj, None
    except UnicodeDecodeError as exc:
        msg = f"not valid UTF-8 ({exc.reason})"
        raise InputError(msg, path=path) from None
    finally:
        if handle is not sys.stdin:
            handle.close()
