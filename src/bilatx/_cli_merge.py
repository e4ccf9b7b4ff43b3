"""``bilatx merge``: combine records about the same event across documents.

``bilatx merge OUT.jsonl [MORE.jsonl ...] [-o MERGED.json]`` reads the output of
``bilatx extract --jsonl`` (with or without the document texts), merges the
visits, meetings, statements and trade figures that several documents tell
of (:func:`bilatx.merge`) and prints them as one JSON object whose lists use
the gold format's field names, each record citing its source documents.

A line that cannot be read, or that records a failed extraction, is
reported on stderr with its file and line and skipped; the exit code is
then 1. A missing or undecodable file stops the command with exit code 2.
"""

from __future__ import annotations

import datetime as dt
import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any, Final

from bilatx._io import jsonl_objects
from bilatx._merge import merge_units, units_from_records
from bilatx._serialize import (
    _read_meeting,
    _read_statement,
    _read_trade,
    _read_visit,
    meeting_to_dict,
    statement_to_dict,
    trade_figure_to_dict,
    visit_to_dict,
)
from bilatx._types import Meeting, Span, Statement, TradeFigure, Visit
from bilatx.errors import InputError

if TYPE_CHECKING:
    import argparse
    from collections.abc import Callable, Mapping

    from bilatx._merge import _Unit
    from bilatx._types import Record

__all__ = ["register"]

EXIT_OK: Final = 0
EXIT_PARTIAL: Final = 1
EXIT_BAD_INPUT: Final = 2
KINDS: Final = ("visits", "meetings", "statements", "trade_figures")


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add the ``merge`` subcommand to the ``bilatx`` parser."""
    parser = sub.add_parser(
        "merge",
        help="merge records about the same event across documents",
        description=(
            "Merge the visits, meetings, statements and trade figures of several "
            "documents (bilatx extract --jsonl output) that tell of the same event."
        ),
    )
    parser.add_argument(
        "files", nargs="+", metavar="OUT.jsonl", help="bilatx extract --jsonl output ('-': stdin)"
    )
    parser.add_argument("-o", "--output", metavar="FILE", help="write here (default stdout)")
    parser.add_argument(
        "--kinds",
        default=",".join(KINDS),
        help=f"comma-separated record kinds to merge (default: {','.join(KINDS)})",
    )
    parser.set_defaults(func=_cmd_merge)


def _err(message: str) -> None:
    print(f"bilatx: {message}", file=sys.stderr)


def _cmd_merge(args: argparse.Namespace) -> int:
    kinds = [k.strip() for k in args.kinds.split(",") if k.strip()]
    unknown = [k for k in kinds if k not in KINDS]
    if unknown:
        _err(f"unknown record kind(s) {', '.join(unknown)}; known: {', '.join(KINDS)}")
        return EXIT_BAD_INPUT
    units: list[_Unit] = []
    failed = 0
    for path in args.files:
        for number, obj, error in jsonl_objects(path):
            where = f"{path}:{number}"
            if error is not None:
                failed += 1
                _err(f"{where}: {error}; line skipped")
                continue
            assert obj is not None  # noqa: S101  (a line has an object or an error)
            try:
                units.extend(_units(obj, kinds))
            except InputError as exc:
                failed += 1
                _err(f"{where}: {exc}; line skipped")
    records = merge_units(units)
    text = json.dumps(_as_json(records, kinds), ensure_ascii=False, indent=2) + "\n"
    if args.output and args.output != "-":
        try:
            Path(args.output).write_text(text, encoding="utf-8")
        except OSError as exc:
            raise InputError(exc.strerror or str(exc), path=args.output) from None
    else:
        sys.stdout.write(text)
    if failed:
        _err(f"{failed} line(s) could not be merged; see the messages above")
        return EXIT_PARTIAL
    return EXIT_OK


def _units(obj: Mapping[str, Any], kinds: list[str]) -> list[_Unit]:
    """Read one line of extract output into merge units."""
    doc_id = obj.get("id")
    if "error" in obj and "visits" not in obj:
        msg = f"the extraction of this document failed: {obj['error']}"
        raise InputError(msg, doc_id=None if doc_id is None else str(doc_id))
    if not any(kind in obj for kind in KINDS):
        msg = "not bilatx extract output (no visits, meetings, statements or trade_figures)"
        raise InputError(msg, doc_id=None if doc_id is None else str(doc_id))
    try:
        published = _date(obj.get("published"))
        records: list[Record] = []
        readers: dict[str, Callable[[Mapping[str, Any]], Record]] = {
            "visits": _read_visit,
            "meetings": _read_meeting,
            "statements": _read_statement,
            "trade_figures": _read_trade,
        }
        for kind in kinds:
            records.extend(readers[kind](item) for item in obj.get(kind) or ())
        durations = [
            (Span(int(d["span"][0]), int(d["span"][1])), int(d["days"]))
            for d in obj.get("durations") or ()
        ]
    except (KeyError, TypeError, ValueError, IndexError) as exc:
        detail = f"missing key {exc}" if isinstance(exc, KeyError) else str(exc)
        msg = f"not a valid bilatx extraction: {detail}"
        raise InputError(msg, doc_id=None if doc_id is None else str(doc_id)) from None
    return units_from_records(
        records,
        doc_id=None if doc_id is None else str(doc_id),
        published=published,
        durations=durations,
    )


def _date(value: object) -> dt.date | None:
    if value is None or value == "":
        return None
    if not isinstance(value, str):
        msg = f"published {value!r} is not an ISO date"
        raise TypeError(msg)
    return dt.date.fromisoformat(value)


def _as_json(records: tuple[Record, ...], kinds: list[str]) -> dict[str, list[dict[str, Any]]]:
    out: dict[str, list[dict[str, Any]]] = {kind: [] for kind in kinds}
    for record in records:
        if isinstance(record, Visit):
            out["visits"].append(visit_to_dict(record))
        elif isinstance(record, Meeting):
            out["meetings"].append(meeting_to_dict(record))
        elif isinstance(record, Statement):
            out["statements"].append(statement_to_dict(record))
        elif isinstance(record, TradeFigure):
            out["trade_figures"].append(trade_figure_to_dict(record))
    return out
