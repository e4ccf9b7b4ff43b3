"""The ``bilatx`` command line.

Exit codes: 0 success; 1 a batch finished but some documents could not be
processed (each one is reported); 2 bad usage or bad input (a missing file,
undecodable bytes, an invalid date) that stopped the command.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from typing import TYPE_CHECKING, Any, Final, TextIO

from bilatx._io import read_jsonl, read_text_file
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
        strict=getattr(args, "strict", False), date_order=getattr(args, "date_order", None)
    )
    return Pipeline(settings=settings, block=getattr(args, "block", None) or ())


# ------------------------------------------------------------------ extract


def _warn_errors(ex: Extraction) -> None:
    for error in ex.errors:
        _err(f"warning: {error}")


def _extract_files(args: argparse.Namespace) -> int:
    pipeline = _pipeline(args)
    results = []
    for path in args.files:
        text = read_text_file(path, encoding=args.encoding, errors=args.errors)
        doc_id = args.id if args.id is not None else path
        ex = pipeline.extract(text, published=args.published, doc_id=doc_id)
        _warn_errors(ex)
        results.append(ex)
    out = sys.stdout
    if args.format == "table":
        for ex in results:
            write_table(ex, out)
    elif args.format == "jsonl":
        for ex in results:
            out.write(ex.to_json(include_text=not args.no_text) + "\n")
    elif len(results) == 1:
        out.write(results[0].to_json(include_text=not args.no_text, indent=2) + "\n")
    else:
        json.dump(
            [ex.to_dict(include_text=not args.no_text) for ex in results],
            out,
            ensure_ascii=False,
            indent=2,
        )
        out.write("\n")
    return EXIT_OK


def _extract_jsonl(args: argparse.Namespace) -> int:
    pipeline = _pipeline(args)
    failed = 0
    target: TextIO
    if args.output and args.output != "-":
        try:
            target = open(args.output, "w", encoding="utf-8")  # noqa: SIM115, PTH123
        except OSError as exc:
            raise InputError(exc.strerror or str(exc), path=args.output) from None
    else:
        target = sys.stdout
    try:
        for item in read_jsonl(args.jsonl, encoding=args.encoding, errors=args.errors):
            if item.error is not None:
                failed += 1
                _err(str(item.error))
                if item.doc_id is not None:
                    target.write(
                        json.dumps(
                            {"id": item.doc_id, "error": item.error.message}, ensure_ascii=False
                        )
                        + "\n"
                    )
                    target.flush()
                continue
            assert item.document is not None  # noqa: S101  (an InputLine has one or the other)
            try:
                ex = pipeline.extract(item.document)
            except BilatxError as exc:
                failed += 1
                where = f"{args.jsonl}:{item.line} (id {item.doc_id!r})"
                _err(f"{where}: {exc}")
                target.write(
                    json.dumps({"id": item.doc_id, "error": str(exc)}, ensure_ascii=False) + "\n"
                )
                target.flush()
                continue
            _warn_errors(ex)
            # One write per line, flushed: an interruption leaves only whole lines.
            target.write(ex.to_json(include_text=not args.no_text) + "\n")
            target.flush()
    finally:
        if target is not sys.stdout:
            target.close()
    if failed:
        _err(f"{failed} document(s) could not be processed; see the messages above")
        return EXIT_PARTIAL
    return EXIT_OK


def _cmd_extract(args: argparse.Namespace) -> int:
    if args.jsonl and args.files:
        _err("give FILE arguments or --jsonl IN, not both")
        return EXIT_BAD_INPUT
    if not args.jsonl and not args.files:
        _err("nothing to extract: give FILE arguments, '-' for stdin, or --jsonl IN")
        return EXIT_BAD_INPUT
    if args.jsonl:
        return _extract_jsonl(args)
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
        epilog="Exit codes: 0 success; 1 some documents in a batch failed; 2 bad usage or input.",
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
