"""The ``bilatx`` command line.

Exit codes: 0 success; 1 a batch finished but some documents could not be
processed or had duplicate ids (each one is reported); 2 bad usage or bad input
(a missing or binary file, undecodable bytes, an invalid date, an unwritable
output, an input cut short) that stopped the command or a file; 130
interrupted (Ctrl-C or SIGTERM), every line written so far being whole.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from typing import TYPE_CHECKING, Any, Final, TextIO

from bilatx._io import DEFAULT_MAX_LINE_BYTES, read_text_file
from bilatx._pipeline import Pipeline
from bilatx._settings import Settings
from bilatx.errors import BilatxError, InputError

if TYPE_CHECKING:
    from collections.abc import Sequence

    from bilatx._types import Extraction

__all__ = ["main"]

EXIT_OK: Final = 0
EXIT_PARTIAL: Final = 1
EXIT_BAD_INPUT: Final = 2
EXIT_INTERRUPTED: Final = 130


def _iso_date(value: str) -> dt.date:
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        msg = f"{value!r} is not a valid date (YYYY-MM-DD)"
        raise argparse.ArgumentTypeError(msg) from None


def _err(message: str) -> None:
    print(f"bilatx: {message}", file=sys.stderr)


def _pipeline(args: argparse.Namespace) -> Pipeline:
    settings = Settings(
        strict=getattr(args, "strict", False),
        date_order=getattr(args, "date_order", None),
        plugin_timeout=getattr(args, "plugin_timeout", None) or None,
    )
    return Pipeline(settings=settings, block=getattr(args, "block", None) or ())


# ------------------------------------------------------------------ extract


def _warn_errors(ex: Extraction) -> None:
    for error in ex.errors:
        _err(f"warning: {error}")


def _extract_files(args: argparse.Namespace) -> int:
    pipeline = _pipeline(args)
    results: list[Extraction] = []
    bad = 0
    out = sys.stdout
    for path in args.files:
        try:
            text = read_text_file(path, encoding=args.encoding, errors=args.errors)
        except InputError as exc:
            # Report it and go on: the other files' results are still written.
            _err(str(exc))
            bad += 1
            continue
        doc_id = args.id if args.id is not None else path
        ex = pipeline.extract(text, published=args.published, doc_id=doc_id)
        if not args.quiet:
            _warn_errors(ex)
        # Table and JSONL output stream one document at a time; JSON waits for all.
        if args.format == "table":
            write_table(ex, out)
            out.flush()
        elif args.format == "jsonl":
            out.write(ex.to_json(include_text=not args.no_text) + "\n")
            out.flush()
        else:
            results.append(ex)
    if args.format == "json" and results:
        if len(args.files) == 1:
            out.write(results[0].to_json(include_text=not args.no_text, indent=2) + "\n")
        else:
            json.dump(
                [ex.to_dict(include_text=not args.no_text) for ex in results],
                out,
                ensure_ascii=False,
                indent=2,
            )
            out.write("\n")
    return EXIT_BAD_INPUT if bad else EXIT_OK


def _extract_jsonl(args: argparse.Namespace) -> int:
    from bilatx._batch import batch_jsonl  # noqa: PLC0415
    from bilatx._io import deferred_interrupts  # noqa: PLC0415

    pipeline = _pipeline(args)
    output = args.output or "-"
    with deferred_interrupts():
        summary = batch_jsonl(
            pipeline,
            args.jsonl,
            output,
            workers=args.workers,
            resume=args.resume,
            include_text=not args.no_text,
            encoding=args.encoding,
            errors=args.errors,
            max_line_bytes=args.max_line_bytes or None,
            progress=not args.quiet and sys.stderr.isatty(),
            warn=not args.quiet,
        )
    if summary.skipped:
        _err(f"--resume: {summary.skipped:,} document(s) already in {output} were skipped")
    if summary.interrupted:
        where = "" if output == "-" else f" to {output}"
        _err(
            f"interrupted: {summary.documents + summary.failed:,} whole line(s) written{where} "
            "in this run; "
            "run the same command with --resume to continue"
        )
        return EXIT_INTERRUPTED
    problems = []
    if summary.failed:
        problems.append(f"{summary.failed:,} document(s) could not be processed")
    if summary.duplicates:
        problems.append(f"{summary.duplicates:,} duplicate id(s)")
    if problems:
        _err("; ".join(problems) + "; see the messages above")
    if summary.fatal:
        return EXIT_BAD_INPUT
    if problems:
        return EXIT_PARTIAL
    if summary.documents == 0 and summary.skipped == 0:
        _err(f"warning: no documents in {args.jsonl}")
    return EXIT_OK


def _cmd_extract(args: argparse.Namespace) -> int:
    if args.jsonl and args.files:
        _err("give FILE arguments or --jsonl IN, not both")
        return EXIT_BAD_INPUT
    if not args.jsonl and not args.files:
        _err("nothing to extract: give FILE arguments, '-' for stdin, or --jsonl IN")
        return EXIT_BAD_INPUT
    if args.workers < 0:
        _err("--workers must be 0 (one per CPU) or more")
        return EXIT_BAD_INPUT
    if args.jsonl:
        return _extract_jsonl(args)
    for flag, given in (("--resume", args.resume), ("-o/--output", args.output)):
        if given:
            _err(f"{flag} only applies to --jsonl batches")
            return EXIT_BAD_INPUT
    return _extract_files(args)


# -------------------------------------------------------------------- table


def _fmt_money(currency: str | None, low: object, high: object) -> str:
    def num(x: object) -> str:
        return "?" if x is None else f"{x:,}"

    amount = num(low) if low == high else f"{num(low)}-{num(high)}"
    return f"{currency or '???'} {amount}"


def write_table(ex: Extraction, out: TextIO) -> None:
    """Write a readable terminal view of an extraction: records first, then mentions."""
    data = ex.to_dict(include_text=False)
    published = data["published"] or "unknown"
    print(f"== {data['id'] or '(no id)'}  (published {published})", file=out)

    def section(title: str, rows: list[str]) -> None:
        print(f"\n{title} ({len(rows)})", file=out)
        for row in rows:
            print(f"  {row}", file=out)

    section(
        "Visits",
        [
            f"{v['visitor']} {v['origin'] or '?'} -> {v['host'] or '?'}  "
            f"{v['start'] or '?'} .. {v['end'] or '?'}  "
            f"{', '.join(v['places']) or '-'}  [{v['status'] or '-'}]"
            for v in data["visits"]
        ],
    )
    section(
        "Meetings",
        [
            f"{' + '.join(m['participants'])}  {m['date'] or '?'}  {m['place'] or '-'}"
            + (f"  topics: {', '.join(m['topics'])}" if m["topics"] else "")
            for m in data["meetings"]
        ],
    )
    section(
        "Statements",
        [
            f"{s['speaker']} [{s['channel'] or '-'}]: \u201c{s['quote']}\u201d"
            for s in data["statements"]
        ],
    )
    section(
        "Trade figures",
        [
            f"{_fmt_money(t['currency'], t['low'], t['high'])}  {t['metric'] or '-'}  "
            f"period {t['period'] or t['period_text'] or '?'}  "
            f"partners {'/'.join(t['partners']) or '?'}"
            + (f"  trend: {t['trend']['direction']}" if t["trend"] else "")
            for t in data["trade_figures"]
        ],
    )
    section(
        "Officials",
        [
            f"{o['name']}  {o['title'] or '-'}  {o['country'] or '?'}  ({len(o['spans'])} mentions)"
            for o in data["officials"]
        ],
    )
    section("Dates", [f"{d['text']!r} -> {d['value']}  ({d['rule']})" for d in data["dates"]])
    section(
        "Money",
        [
            f"{m['text']!r} -> {_fmt_money(m['currency'], m['low'], m['high'])}"
            for m in data["money"]
        ],
    )
    section(
        "Sectors", [f"{s['id']}  ({', '.join(dict.fromkeys(s['texts']))})" for s in data["sectors"]]
    )
    if data["errors"]:
        section("Errors", [f"{e['plugin']} in {e['hook']}: {e['message']}" for e in data["errors"]])
    print(file=out)


# --------------------------------------------------------------------- eval


def _cmd_eval(args: argparse.Namespace) -> int:
    from bilatx.evaluate import FIELDS, load_jsonl, print_report, score  # noqa: PLC0415

    fields = list(FIELDS)
    if args.fields:
        fields = [f.strip() for f in args.fields.split(",") if f.strip()]
    gold = load_jsonl(args.gold, warn=_err)
    pred = load_jsonl(args.pred, warn=_err)
    try:
        report = score(gold, pred, fields, args.per_doc)
    except ValueError as exc:
        _err(str(exc))
        return EXIT_BAD_INPUT
    if args.json:
        json.dump(report.to_dict(), sys.stdout, indent=2, ensure_ascii=False)
        print()
    else:
        print_report(report, sys.stdout)
    return EXIT_OK


# ------------------------------------------------------------------ plugins


def _cmd_plugins(args: argparse.Namespace) -> int:
    pipeline = _pipeline(args)
    infos = pipeline.plugins()
    if args.json:
        rows: list[dict[str, Any]] = [
            {
                "order": i,
                "name": p.name,
                "builtin": p.builtin,
                "module": p.module,
                "origin": p.origin,
                "version": p.version,
                "hooks": list(p.hooks),
            }
            for i, p in enumerate(infos, 1)
        ]
        json.dump(rows, sys.stdout, indent=2)
        print()
        return EXIT_OK
    for i, p in enumerate(infos, 1):
        print(f"{i}. {p.name}  [{p.origin}]  {p.module}  version {p.version or '-'}")
        for hook in p.hooks:
            print(f"     {hook}")
    return EXIT_OK


# ------------------------------------------------------------------- parser


def build_parser() -> argparse.ArgumentParser:
    """Return the argument parser of the ``bilatx`` command."""
    parser = argparse.ArgumentParser(
        prog="bilatx",
        description=(
            "Extract visits, meetings, statements and trade figures from news about two countries."
        ),
        epilog=(
            "Exit codes: 0 success; 1 some documents in a batch failed; 2 bad usage or input; "
            "130 interrupted."
        ),
    )
    from bilatx import __version__  # noqa: PLC0415

    parser.add_argument("--version", action="version", version=f"bilatx {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    def common(p: argparse.ArgumentParser) -> None:
        p.add_argument("--strict", action="store_true", help="stop at the first plugin failure")
        p.add_argument(
            "--block",
            action="append",
            metavar="PLUGIN",
            help="do not load this plugin (repeatable)",
        )

    ex = sub.add_parser("extract", help="extract from text files or a JSONL batch")
    ex.add_argument("files", nargs="*", metavar="FILE", help="text files to read ('-' for stdin)")
    ex.add_argument(
        "--jsonl", metavar="IN", help='a JSONL file of {"id", "text", "published"} documents'
    )
    ex.add_argument(
        "-o", "--output", metavar="OUT", help="where --jsonl output goes (default stdout)"
    )
    ex.add_argument(
        "--published", type=_iso_date, metavar="YYYY-MM-DD", help="publication date of FILE inputs"
    )
    ex.add_argument("--id", help="document id for a single FILE (default: the path)")
    ex.add_argument(
        "--format",
        choices=("json", "jsonl", "table"),
        default="json",
        help="output for FILE inputs",
    )
    ex.add_argument(
        "--no-text", action="store_true", help="leave the document text out of the JSON output"
    )
    ex.add_argument("--encoding", default="utf-8", help="input encoding (default utf-8)")
    ex.add_argument(
        "--errors",
        choices=("strict", "replace", "ignore"),
        default="strict",
        help="what to do with undecodable bytes (default: stop and say where)",
    )
    ex.add_argument(
        "--date-order",
        choices=("DMY", "MDY"),
        default=None,
        help="how to read numeric dates such as 05/12/2023",
    )
    ex.add_argument(
        "-w",
        "--workers",
        type=int,
        default=1,
        metavar="N",
        help="--jsonl: worker processes (default 1; 0 = one per CPU); output order is kept",
    )
    ex.add_argument(
        "--resume",
        action="store_true",
        help="--jsonl: skip ids already in OUT and append, continuing an interrupted run",
    )
    ex.add_argument(
        "-q", "--quiet", action="store_true", help="no progress line and no plugin warnings"
    )
    ex.add_argument(
        "--plugin-timeout",
        type=float,
        default=60.0,
        metavar="SECONDS",
        help="report a plugin as failed when it spends longer on one document (default 60; 0 = "
        "no limit)",
    )
    ex.add_argument(
        "--max-line-bytes",
        type=int,
        default=DEFAULT_MAX_LINE_BYTES,
        metavar="N",
        help=f"--jsonl: report and skip longer input lines (default {DEFAULT_MAX_LINE_BYTES:,}; "
        "0 = no limit)",
    )
    common(ex)
    ex.set_defaults(func=_cmd_extract)

    ev = sub.add_parser("eval", help="score predictions against gold annotations")
    ev.add_argument("gold", metavar="GOLD.jsonl")
    ev.add_argument("pred", metavar="PRED.jsonl")
    ev.add_argument("--json", action="store_true", help="print the report as JSON")
    ev.add_argument("--fields", help="comma-separated fields to score (default all)")
    ev.add_argument("--per-doc", metavar="FIELD", help="list each document's errors for FIELD")
    ev.set_defaults(func=_cmd_eval)

    pl = sub.add_parser("plugins", help="list the loaded plugins, their hooks and order")
    pl.add_argument("--json", action="store_true", help="print as JSON")
    common(pl)
    pl.set_defaults(func=_cmd_plugins)

    # Subcommands that live in their own modules, each adding its parser.
    from bilatx import _cli_merge, _cli_views  # noqa: PLC0415

    _cli_merge.register(sub)
    _cli_views.register(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit code."""
    parser = build_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "command", None):
        parser.print_help(sys.stderr)
        return EXIT_BAD_INPUT
    try:
        return int(args.func(args))
    except BilatxError as exc:
        _err(str(exc))
        return EXIT_BAD_INPUT
    except BrokenPipeError:
        # The reader went away (`bilatx extract ... | head`); nothing left to say.
        sys.stderr.close()
        return EXIT_OK
    except KeyboardInterrupt:
        _err("interrupted")
        return 130
