"""``bilatx show`` and ``bilatx report``: the HTML views on the command line.

``bilatx show FILE [--published DATE] -o view.html`` extracts from a text file
and writes its article view; ``bilatx show --jsonl IN --id ID`` takes one line
of a JSONL file, either an input document (extracted now) or a line of
``bilatx extract`` output (shown as it is). ``bilatx report OUT.jsonl -o
report.html`` writes the corpus report over ``bilatx extract --jsonl`` output.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import quote

from bilatx._io import jsonl_objects
from bilatx._types import Extraction, Meeting, Statement, TradeFigure, Visit
from bilatx.errors import InputError

if TYPE_CHECKING:
    from collections.abc import Iterable, Sequence

    from bilatx._report import Failed
    from bilatx._types import Record

__all__ = ["register"]

EXIT_OK = 0
EXIT_PARTIAL = 1
EXIT_BAD_INPUT = 2

# Keys that only bilatx output has; an input document has id/text/published/meta.
_OUTPUT_KEYS = frozenset({"schema_version", "visits", "meetings", "official_mentions"})


def _err(message: str) -> None:
    print(f"bilatx: {message}", file=sys.stderr)


def _write(path: str, text: str) -> None:
    if path == "-":
        sys.stdout.write(text)
        return
    try:
        Path(path).write_text(text, encoding="utf-8")
    except OSError as exc:
        raise InputError(exc.strerror or str(exc), path=path) from None
    _err(f"wrote {path}")


# --------------------------------------------------------------------- show


def _pipeline(args: argparse.Namespace) -> Any:  # noqa: ANN401  (Pipeline, imported lazily)
    from bilatx._pipeline import Pipeline  # noqa: PLC0415
    from bilatx._settings import Settings  # noqa: PLC0415

    settings = Settings(strict=args.strict, date_order=args.date_order)
    return Pipeline(settings=settings, block=args.block or ())


def _from_jsonl(args: argparse.Namespace) -> Extraction:
    seen: list[str] = []
    chosen: tuple[int, dict[str, Any]] | None = None
    for number, obj, error in jsonl_objects(args.jsonl):
        if obj is None:
            if args.id is None:
                raise InputError(error or "unreadable line", path=args.jsonl, line=number)
            continue
        raw_id = obj.get("id")
        doc_id = None if raw_id is None else str(raw_id)
        seen.append(doc_id or f"(line {number}, no id)")
        if args.id is not None and doc_id == args.id:
            chosen = (number, obj)
            break
        if args.id is None and chosen is None:
            chosen = (number, obj)
    if args.id is None and len(seen) > 1:
        shown = ", ".join(repr(s) for s in seen[:5])
        msg = f"the file holds {len(seen)} documents ({shown}, ...); choose one with --id"
        raise InputError(msg, path=args.jsonl)
    if chosen is None:
        if args.id is not None:
            msg = f"no document with id {args.id!r} (the file holds {len(seen)})"
        else:
            msg = "the file holds no documents"
        raise InputError(msg, path=args.jsonl)
    return _line_extraction(args, *chosen)


def _line_extraction(args: argparse.Namespace, number: int, obj: dict[str, Any]) -> Extraction:
    """Rebuild (output line) or extract (input document) the extraction of one JSONL line."""
    from bilatx._io import parse_jsonl_line  # noqa: PLC0415

    raw_id = obj.get("id")
    doc_id = None if raw_id is None else str(raw_id)
    if "error" in obj and "text" not in obj:
        msg = f"this document failed to extract: {obj['error']}"
        raise InputError(msg, path=args.jsonl, line=number, doc_id=doc_id)
    if _OUTPUT_KEYS & obj.keys():
        try:
            return Extraction.from_dict(obj)
        except InputError as exc:
            raise InputError(exc.message, path=args.jsonl, line=number, doc_id=doc_id) from None
    item = parse_jsonl_line(json.dumps(obj), path=args.jsonl, line=number)
    if item.error is not None:
        raise item.error
    assert item.document is not None  # noqa: S101  (an InputLine has one or the other)
    ex: Extraction = _pipeline(args).extract(item.document)
    return ex


def _cmd_show(args: argparse.Namespace) -> int:
    from bilatx.html import article  # noqa: PLC0415

    if (args.file is None) == (args.jsonl is None):
        _err("give a FILE or --jsonl IN (with --id ID), not both and not neither")
        return EXIT_BAD_INPUT
    if args.jsonl is not None:
        if args.published is not None:
            _err("--published applies to a FILE; a JSONL line carries its own")
            return EXIT_BAD_INPUT
        ex = _from_jsonl(args)
    else:
        from bilatx._io import read_text_file  # noqa: PLC0415

        text = read_text_file(args.file, encoding=args.encoding, errors=args.errors)
        doc_id = args.id if args.id is not None else args.file
        ex = _pipeline(args).extract(text, published=args.published, doc_id=doc_id)
    for error in ex.errors:
        _err(f"warning: {error}")
    _write(args.output, article(ex))
    return EXIT_OK


# ------------------------------------------------------------------- report


def _read_outputs(paths: Sequence[str]) -> tuple[list[Extraction], list[Failed]]:
    from bilatx._report import Failed  # noqa: PLC0415

    extractions: list[Extraction] = []
    failed: list[Failed] = []
    for path in paths:
        for number, obj, error in jsonl_objects(path):
            where = f"{path}:{number}"
            if obj is None:
                failed.append(Failed(None, where, error or "unreadable line"))
                continue
            raw_id = obj.get("id")
            doc_id = None if raw_id is None else str(raw_id)
            if "error" in obj and "text" not in obj:
                failed.append(Failed(doc_id, where, f"extraction failed: {obj['error']}"))
                continue
            if not _OUTPUT_KEYS & obj.keys():
                failed.append(
                    Failed(
                        doc_id,
                        where,
                        "not bilatx output (an input document?); run bilatx extract --jsonl first",
                    )
                )
                continue
            try:
                extractions.append(Extraction.from_dict(obj))
            except InputError as exc:
                failed.append(Failed(doc_id, where, exc.message))
    return extractions, failed


def _merged(extractions: Sequence[Extraction]) -> list[Record]:
    import bilatx  # noqa: PLC0415

    merge = getattr(bilatx, "merge", None)
    if merge is None:
        msg = "--merge needs bilatx.merge, which this version of bilatx does not have"
        raise InputError(msg)
    result = merge(list(extractions))
    items: Iterable[object] = getattr(result, "records", result)
    records: list[Record] = []
    for item in items:
        if not isinstance(item, (Visit, Meeting, Statement, TradeFigure)):
            msg = f"bilatx.merge returned a {type(item).__name__}, not a record"
            raise InputError(msg)
        records.append(item)
    return records


def _slug(doc_id: str | None, index: int, taken: set[str]) -> str:
    """Return a safe, unique file name for a document's article view."""
    base = re.sub(r"[^A-Za-z0-9._-]+", "_", doc_id or "").strip("._-")[:80] or f"doc-{index}"
    name = f"{base}.html"
    n = 1
    while name.lower() in taken:
        n += 1
        name = f"{base}-{n}.html"
    taken.add(name.lower())
    return name


def _write_articles(
    extractions: Sequence[Extraction], directory: str, output: str
) -> dict[str, str]:
    from bilatx.html import article  # noqa: PLC0415

    target = Path(directory)
    try:
        target.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise InputError(exc.strerror or str(exc), path=directory) from None
    start = Path.cwd() if output == "-" else Path(output).resolve().parent
    links: dict[str, str] = {}
    taken: set[str] = set()
    for i, ex in enumerate(extractions):
        name = _slug(ex.document.id, i, taken)
        path = target / name
        try:
            path.write_text(article(ex), encoding="utf-8")
        except OSError as exc:
            raise InputError(exc.strerror or str(exc), path=str(path)) from None
        if ex.document.id is not None and ex.document.id not in links:
            rel = os.path.relpath(path.resolve(), start)
            links[ex.document.id] = quote(Path(rel).as_posix(), safe="/")
    _err(f"wrote {len(extractions)} article views to {directory}")
    return links


def _cmd_report(args: argparse.Namespace) -> int:
    from bilatx._report import report_html  # noqa: PLC0415

    extractions, failed = _read_outputs(args.inputs)
    for f in failed:
        _err(f"{f.where}{f' (id {f.doc_id!r})' if f.doc_id else ''}: {f.message}")
    if not extractions:
        _err("no extraction to report on")
        return EXIT_BAD_INPUT
    records = _merged(extractions) if args.merge else None
    links = _write_articles(extractions, args.articles, args.output) if args.articles else {}
    html = report_html(
        extractions, title=args.title, records=records, article_links=links, failed=failed
    )
    _write(args.output, html)
    if failed:
        _err(f"{len(failed)} line(s) left out of the report; they are listed at its top")
        return EXIT_PARTIAL
    return EXIT_OK


# ------------------------------------------------------------------- parser


def _iso_date(value: str) -> Any:  # noqa: ANN401  (dt.date; argparse calls it)
    import datetime as dt  # noqa: PLC0415

    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        msg = f"{value!r} is not a valid date (YYYY-MM-DD)"
        raise argparse.ArgumentTypeError(msg) from None


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add the ``show`` and ``report`` subcommands to the ``bilatx`` parser."""
    show = sub.add_parser(
        "show",
        help="write the HTML view of one article",
        description=(
            "Write one self-contained HTML file: the article with every mention highlighted "
            "(hover or focus one for its reading) and the records beside it (select one to "
            "highlight its evidence)."
        ),
    )
    show.add_argument("file", nargs="?", metavar="FILE", help="a text file ('-' for stdin)")
    show.add_argument(
        "--jsonl",
        metavar="IN",
        help="a JSONL file of input documents or of bilatx extract output; pick a line with --id",
    )
    show.add_argument("--id", help="the document id (of FILE, or the line to pick from --jsonl)")
    show.add_argument(
        "--published", type=_iso_date, metavar="YYYY-MM-DD", help="publication date of FILE"
    )
    show.add_argument(
        "-o", "--output", default="-", metavar="OUT", help="the HTML file to write (default stdout)"
    )
    show.add_argument("--encoding", default="utf-8", help="FILE's encoding (default utf-8)")
    show.add_argument(
        "--errors",
        choices=("strict", "replace", "ignore"),
        default="strict",
        help="what to do with undecodable bytes in FILE",
    )
    show.add_argument(
        "--date-order",
        choices=("DMY", "MDY"),
        default=None,
        help="how to read numeric dates such as 05/12/2023",
    )
    show.add_argument("--strict", action="store_true", help="stop at the first plugin failure")
    show.add_argument(
        "--block", action="append", metavar="PLUGIN", help="do not load this plugin (repeatable)"
    )
    show.set_defaults(func=_cmd_show)

    rep = sub.add_parser(
        "report",
        help="write the HTML report of a corpus from bilatx extract output",
        description=(
            "Write one self-contained HTML report over bilatx extract --jsonl output: a "
            "timeline of visits, meetings by country pair, trade figures over time, the most "
            "frequent sectors, every statement, each linked to its document."
        ),
    )
    rep.add_argument("inputs", nargs="+", metavar="OUT.jsonl", help="bilatx extract output")
    rep.add_argument(
        "-o", "--output", default="-", metavar="HTML", help="the file to write (default stdout)"
    )
    rep.add_argument("--title", default="bilatx report", help="the report's title")
    rep.add_argument(
        "--merge",
        action="store_true",
        help="merge records about the same event across documents (bilatx.merge)",
    )
    rep.add_argument(
        "--articles",
        metavar="DIR",
        help="also write each document's article view into DIR and link items to it",
    )
    rep.set_defaults(func=_cmd_report)
