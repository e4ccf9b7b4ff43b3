"""Reading input documents and writing output lines, with errors that say where."""

from __future__ import annotations

import datetime as dt
import json
import sys
from typing import TYPE_CHECKING, Any

import attrs

from bilatx._types import Document
from bilatx.errors import InputError

if TYPE_CHECKING:
    from collections.abc import Iterator

__all__ = ["InputLine", "decode", "parse_jsonl_line", "read_jsonl", "read_text_file"]


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


def read_text_file(path: str, *, encoding: str = "utf-8", errors: str = "strict") -> str:
    """Read a whole text file (``-`` for stdin), with clear errors."""
    try:
        if path == "-":
            data = sys.stdin.buffer.read()
        else:
            with open(path, "rb") as handle:  # noqa: PTH123
                data = handle.read()
    except OSError as exc:
        raise InputError(exc.strerror or str(exc), path=path) from None
    if b"\x00" in data[:8192] and encoding.lower().replace("-", "") in {"utf8", "ascii"}:
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


def parse_jsonl_line(raw: str, *, path: str, line: int) -> InputLine:
    """Parse one JSONL input line ``{"id", "text", "published"}`` into a document."""
    try:
        obj: Any = json.loads(raw)
    except json.JSONDecodeError as exc:
        msg = f"invalid JSON: {exc.msg} (column {exc.colno})"
        return InputLine(line=line, doc_id=None, error=InputError(msg, path=path, line=line))
    if not isinstance(obj, dict):
        msg = f"expected a JSON object, got {type(obj).__name__}"
        return InputLine(line=line, doc_id=None, error=InputError(msg, path=path, line=line))
    raw_id = obj.get("id")
    doc_id = (
        str(raw_id) if isinstance(raw_id, (str, int)) and not isinstance(raw_id, bool) else None
    )

    def fail(message: str) -> InputLine:
        return InputLine(
            line=line, doc_id=doc_id, error=InputError(message, path=path, line=line, doc_id=doc_id)
        )

    if raw_id is not None and doc_id is None:
        return fail(f"'id' must be a string or integer, not {type(raw_id).__name__}")
    if "text" not in obj:
        return fail("missing 'text'")
    text = obj["text"]
    if not isinstance(text, str):
        return fail(f"'text' must be a string, not {type(text).__name__}")
    published = obj.get("published")
    if published is not None and not isinstance(published, str):
        return fail(
            f"'published' must be an ISO date string or null, not {type(published).__name__}"
        )
    if isinstance(published, str) and published.strip():
        try:
            dt.date.fromisoformat(published.strip())
        except ValueError:
            return fail(f"'published' {published!r} is not a valid date (YYYY-MM-DD)")
    meta = {k: v for k, v in obj.items() if k not in {"id", "text", "published"}}
    document = Document(text=text, id=doc_id, published=published or None, meta=meta)
    return InputLine(line=line, doc_id=doc_id, document=document)


def read_jsonl(
    path: str, *, encoding: str = "utf-8", errors: str = "strict"
) -> Iterator[InputLine]:
    """Yield each non-blank line of a JSONL file of documents, lazily.

    Bad lines are yielded with their error rather than raised, so a batch can
    report them and carry on. A file that cannot be opened raises
    :class:`InputError`.
    """
    try:
        handle = sys.stdin.buffer if path == "-" else open(path, "rb")  # noqa: SIM115, PTH123
    except OSError as exc:
        raise InputError(exc.strerror or str(exc), path=path) from None
    try:
        offset = 0
        for number, raw in enumerate(handle, 1):
            try:
                text = raw.decode(encoding, errors)
            except UnicodeDecodeError as exc:
                msg = f"not valid {encoding} at byte {offset + exc.start} ({exc.reason})"
                yield InputLine(
                    line=number, doc_id=None, error=InputError(msg, path=path, line=number)
                )
                offset += len(raw)
                continue
            offset += len(raw)
            if not text.strip():
                continue
            yield parse_jsonl_line(text, path=path, line=number)
    finally:
        if handle is not sys.stdin.buffer:
            handle.close()
