"""Bad input to the CLI and the API: a clear message saying where, a documented exit code.

Exit codes (``bilatx --help``): 0 success; 1 a batch finished but some lines
failed or had duplicate ids; 2 bad usage or input that stopped the command (or
a FILE); 130 interrupted.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import resource
from pathlib import Path
from typing import Any

import pytest

import bilatx
from bilatx._io import JsonlReader, LineWriter, completed_ids, read_jsonl
from bilatx.cli import main
from bilatx.errors import InputError

TEXT = "Foreign Minister Anne Lindqvist met her Japanese counterpart in Tokyo on 3 June 2024."


def _run(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = main(args)
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def _lines(path: Path) -> list[dict[str, Any]]:
    return [json.loads(x) for x in path.read_text(encoding="utf-8").splitlines()]


# ------------------------------------------------------------- text files


def test_non_utf8_file_names_the_byte_and_the_way_out(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "latin.txt"
    path.write_bytes("Caf\u00e9 talks in Paris.".encode("latin-1"))
    code, out, err = _run(["extract", str(path)], capsys)
    assert code == 2
    assert out == ""
    assert err.count("\n") == 1
    assert f"{path}: not valid utf-8 at byte 3" in err
    assert "--encoding" in err
    assert "--errors=replace" in err
    code, out, _ = _run(["extract", str(path), "--encoding", "latin-1"], capsys)
    assert code == 0
    assert json.loads(out)["text"] == "Caf\u00e9 talks in Paris."
    code, out, _ = _run(["extract", str(path), "--errors", "replace"], capsys)
    assert code == 0
    assert json.loads(out)["text"] == "Caf\ufffd talks in Paris."


def test_unknown_encoding(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "a.txt"
    path.write_text(TEXT)
    code, _, err = _run(["extract", str(path), "--encoding", "klingon"], capsys)
    assert code == 2
    assert "unknown encoding 'klingon'" in err


def test_empty_file_is_an_empty_extraction(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "empty.txt"
    path.write_bytes(b"")
    code, out, _ = _run(["extract", str(path)], capsys)
    assert code == 0
    assert json.loads(out)["visits"] == []


def test_binary_file_is_refused(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "image.png"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    code, out, err = _run(["extract", str(path)], capsys)
    assert (code, out) == (2, "")
    assert f"{path}: looks like a binary file" in err


def test_a_missing_file_among_several_costs_only_itself(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    good = tmp_path / "good.txt"
    good.write_text(TEXT)
    missing = tmp_path / "missing.txt"
    code, out, err = _run(["extract", str(missing), str(good), "--format", "jsonl"], capsys)
    assert code == 2
    assert f"{missing}: No such file or directory" in err
    assert [json.loads(x)["id"] for x in out.splitlines()] == [str(good)]


def test_invalid_published_option(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as info:
        main(["extract", "-", "--published", "2023-02-30"])
    assert info.value.code == 2
    assert "'2023-02-30' is not a valid date" in capsys.readouterr().err


# ------------------------------------------------------------------ JSONL

BAD_LINES = [
    ("{not json", None, "invalid JSON: Expecting property name"),
    ("[1, 2]", None, "expected a JSON object, got list"),
    ('"just a string"', None, "expected a JSON object, got str"),
    (json.dumps({"id": "m1"}), "m1", "missing 'text'"),
    (json.dumps({"id": "m2", "text": None}), "m2", "'text' must be a string, not NoneType"),
    (json.dumps({"id": "m3", "text": ["a"]}), "m3", "'text' must be a string, not list"),
    (json.dumps({"id": ["x"], "text": "t"}), None, "'id' must be a string or integer, not list"),
    (json.dumps({"id": "m5", "text": "t", "published": 20240101}), "m5", "must be an ISO date"),
    (json.dumps({"id": "m6", "text": "t", "published": "2023-02-30"}), "m6", "not a valid date"),
    (json.dumps({"id": "m7", "text": "t", "published": "yesterday"}), "m7", "not a valid date"),
    (json.dumps({"id": "m8", "text": "t", "published": "2024-13-01"}), "m8", "not a valid date"),
    (
        json.dumps({"id": "m9", "text": "t", "meta": {"a": 1}, "published": "0000-01-01"}),
        "m9",
        "date",
    ),
    ("[" * 100_000, None, "invalid JSON"),
]


def test_each_bad_line_is_reported_skipped_and_the_rest_processed(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    rows = [json.dumps({"id": "ok-first", "text": TEXT})]
    rows += [line for line, _, _ in BAD_LINES]
    rows += ["", "   ", json.dumps({"id": 42, "text": TEXT, "published": " 2024-06-04 "})]
    source = tmp_path / "in.jsonl"
    source.write_text("\n".join(rows) + "\n", encoding="utf-8")
    out = tmp_path / "out.jsonl"
    code, _, err = _run(["extract", "--jsonl", str(source), "-o", str(out)], capsys)
    assert code == 1
    messages = err.splitlines()
    for number, (_, doc_id, detail) in enumerate(BAD_LINES, start=2):
        where = f"{source}:{number}" + (f" (id {doc_id!r})" if doc_id else "") + ": "
        (message,) = [m for m in messages if m.startswith(f"bilatx: {where}")]
        assert detail in message
    assert messages[-1] == (
        f"bilatx: {len(BAD_LINES)} document(s) could not be processed; see the messages above"
    )
    written = _lines(out)
    # One line per non-blank input line, in order: results and error lines alike.
    assert [w["id"] for w in written] == [
        "ok-first",
        *(doc_id for _, doc_id, _ in BAD_LINES),
        "42",
    ]
    assert [w["line"] for w in written[1:-1]] == list(range(2, 2 + len(BAD_LINES)))
    assert all("error" in w for w in written[1:-1])
    assert written[-1]["published"] == "2024-06-04"


def test_non_utf8_line_names_line_byte_and_id(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = tmp_path / "in.jsonl"
    first = json.dumps({"id": "a", "text": TEXT}).encode() + b"\n"
    second = b'{"id": "b", "text": "Caf\xe9"}\n'
    source.write_bytes(first + second)
    code, _, err = _run(["extract", "--jsonl", str(source), "-o", str(tmp_path / "o")], capsys)
    assert code == 1
    offset = len(first) + second.index(b"\xe9")
    assert f"{source}:2 (id 'b'): not valid utf-8 at byte {offset} of the file" in err
    code, _, _ = _run(
        ["extract", "--jsonl", str(source), "-o", str(tmp_path / "o"), "--errors", "replace"],
        capsys,
    )
    assert code == 0
    assert _lines(tmp_path / "o")[1]["text"] == "Caf\ufffd"


def test_duplicate_ids_are_reported_and_both_kept(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = tmp_path / "in.jsonl"
    rows = [{"id": "x", "text": TEXT}, {"id": "y", "text": TEXT}, {"id": "x", "text": "Other."}]
    source.write_text("\n".join(json.dumps(r) for r in rows) + "\n")
    out = tmp_path / "out.jsonl"
    code, _, err = _run(["extract", "--jsonl", str(source), "-o", str(out)], capsys)
    assert code == 1
    assert f"{source}:3 (id 'x'): duplicate id, first seen on line 1" in err
    assert "1 duplicate id(s)" in err
    assert [w["id"] for w in _lines(out)] == ["x", "y", "x"]


def test_empty_and_binary_jsonl(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    empty = tmp_path / "empty.jsonl"
    empty.write_bytes(b"\n\n")
    code, _, err = _run(["extract", "--jsonl", str(empty), "-o", str(tmp_path / "o")], capsys)
    assert code == 0
    assert "no documents" in err
    binary = tmp_path / "data.bin"
    binary.write_bytes(os.urandom(64) + b"\x00" + os.urandom(64))
    code, _, err = _run(["extract", "--jsonl", str(binary), "-o", str(tmp_path / "o")], capsys)
    assert code == 2
    assert f"{binary}: looks like a binary file" in err
    code, _, err = _run(["extract", "--jsonl", str(tmp_path / "nope.jsonl")], capsys)
    assert code == 2
    assert "No such file or directory" in err


def test_truncated_gzip_input_keeps_the_lines_before(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    import gzip

    rows = "".join(json.dumps({"id": f"g{i}", "text": TEXT * 20}) + "\n" for i in range(200))
    packed = gzip.compress(rows.encode())
    source = tmp_path / "in.jsonl.gz"
    source.write_bytes(packed[: len(packed) // 2])
    out = tmp_path / "out.jsonl"
    code, _, err = _run(["extract", "--jsonl", str(source), "-o", str(out)], capsys)
    assert code == 2
    assert "cannot read past this line" in err
    written = _lines(out)
    assert len(written) > 1
    assert [w["id"] for w in written[:-1]] == [f"g{i}" for i in range(len(written) - 1)]
    assert "error" in written[-1]


def test_a_100_mb_line_is_reported_with_its_id_without_being_held_in_memory(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = tmp_path / "huge.jsonl"
    with source.open("wb") as handle:
        handle.write(json.dumps({"id": "before", "text": TEXT}).encode() + b"\n")
        handle.write(b'{"id": "huge", "text": "')
        chunk = b"word " * 200_000  # 1 MB
        for _ in range(100):
            handle.write(chunk)
        handle.write(b'"}\n')
        handle.write(json.dumps({"id": "after", "text": TEXT}).encode() + b"\n")
    out = tmp_path / "out.jsonl"
    code, _, err = _run(["extract", "--jsonl", str(source), "-o", str(out)], capsys)
    assert code == 1
    assert f"{source}:2 (id 'huge'): line of 100,000,027 bytes is longer than the limit" in err
    assert "--max-line-bytes" in err
    assert [w["id"] for w in _lines(out)] == ["before", "huge", "after"]
    # Reading past it holds no more than the limit in memory.
    peak_before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    items = list(read_jsonl(str(source), max_line_bytes=1_000_000))
    grown_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - peak_before
    assert [i.doc_id for i in items] == ["before", "huge", "after"]
    assert items[1].error is not None
    assert grown_kb < 50_000


def test_unwritable_output(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    source = tmp_path / "in.jsonl"
    source.write_text(json.dumps({"id": "a", "text": TEXT}) + "\n")
    for target, detail in (
        (tmp_path / "no" / "such" / "dir" / "out.jsonl", "No such file or directory"),
        (tmp_path, "is a directory"),
    ):
        code, out, err = _run(["extract", "--jsonl", str(source), "-o", str(target)], capsys)
        assert (code, out) == (2, "")
        assert f"bilatx: {target}: " in err
        assert detail in err
    if os.geteuid() != 0:  # root may write anywhere
        locked = tmp_path / "locked"
        locked.mkdir(mode=0o500)
        code, _, err = _run(["extract", "--jsonl", str(source), "-o", str(locked / "o")], capsys)
        assert code == 2
        assert "Permission denied" in err


def test_a_full_disk_is_reported() -> None:
    if not Path("/dev/full").exists():
        pytest.skip("no /dev/full here")
    message = "/dev/full: cannot write: No space left on device"
    with pytest.raises(InputError, match=message), LineWriter("/dev/full") as writer:
        writer.write_line("{}")


def test_bad_usage(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert _run(["extract"], capsys)[0] == 2
    source = tmp_path / "in.jsonl"
    source.write_text("")
    assert _run(["extract", "x.txt", "--jsonl", str(source)], capsys)[0] == 2
    code, _, err = _run(["extract", "--jsonl", str(source), "--workers", "-1"], capsys)
    assert code == 2
    assert "--workers" in err


# -------------------------------------------------------------------- API


def test_api_rejects_bad_arguments_clearly() -> None:
    pipeline = bilatx.Pipeline(entrypoints=False)
    with pytest.raises(InputError, match="text must be a str or Document, not bytes"):
        pipeline.extract(b"bytes")  # type: ignore[arg-type]
    with pytest.raises(InputError, match=r"id 'p1'.*'2023-02-30' is not a valid ISO date"):
        pipeline.extract(TEXT, published="2023-02-30", doc_id="p1")
    with pytest.raises(InputError, match="not a valid ISO date"):
        pipeline.extract(TEXT, published="next Tuesday")
    with pytest.raises(InputError, match="published must be a date"):
        pipeline.extract(TEXT, published=20240101)  # type: ignore[arg-type]
    with pytest.raises(InputError, match="text must be a str"):
        list(pipeline.extract_many([TEXT, None]))  # type: ignore[list-item]


def test_extreme_but_valid_published_dates_do_not_break_extraction() -> None:
    pipeline = bilatx.Pipeline(entrypoints=False, strict=True)
    for day in (dt.date(1, 1, 1), dt.date(9999, 12, 31), dt.date(2024, 2, 29)):
        ex = pipeline.extract("Last year and next month, on 1 March.", published=day)
        assert ex.errors == ()


def test_reader_and_resume_on_their_own(tmp_path: Path) -> None:
    source = tmp_path / "in.jsonl"
    source.write_text(json.dumps({"id": "a", "text": "x"}) + "\n\n" + "{bad\n")
    with JsonlReader(str(source)) as reader:
        items = list(reader)
        assert reader.size == source.stat().st_size
    assert [(i.line, i.doc_id, i.error is None) for i in items] == [
        (1, "a", True),
        (3, None, False),
    ]
    out = tmp_path / "out.jsonl"
    out.write_bytes(b'{"id": "a", "x": 1}\n{"id": null, "error": "bad", "line": 3}\n{"id": "b", "x')
    done = completed_ids(str(out))
    assert (done.ids, done.failed_lines) == ({"a"}, {3})
    assert out.read_bytes().endswith(b'"line": 3}\n')
    assert completed_ids(str(tmp_path / "missing.jsonl")).ids == set()


def test_a_surrogate_pair_is_refused_with_where_it_is() -> None:
    # JSON would read the two halves back as one character, shifting every span
    # after them: the text is refused, not silently changed.
    text = "Talks in Oslo \ud83c\udf0d ended."
    with pytest.raises(bilatx.InputError, match=r"id 'p1'.*U\+D83C U\+DF0D\) at offset 14"):
        bilatx.Pipeline(entrypoints=False).extract(text, doc_id="p1")
    with pytest.raises(ValueError, match="surrogate pair"):
        bilatx.Document(text=text)
    decoded = text.encode("utf-16", "surrogatepass").decode("utf-16")
    assert bilatx.Document(text=decoded).text == "Talks in Oslo \U0001f30d ended."
    # Halves standing alone, or in the wrong order, are no pair and are kept.
    assert bilatx.Document(text="a \udf0d\ud83c b \ud83c").text == "a \udf0d\ud83c b \ud83c"


def test_lone_surrogates_come_out_as_valid_utf8_json(tmp_path: Path) -> None:
    # A JSON "\\ud800" escape gives Python text no UTF-8 encoder accepts; the
    # output must still be valid UTF-8 that reads back to the same text.
    ex = bilatx.Pipeline(entrypoints=False).extract("Oslo \ud800 talks \u00e9", doc_id="s")
    line = ex.to_json()
    line.encode("utf-8")
    assert json.loads(line)["text"] == "Oslo \ud800 talks \u00e9"
    source = tmp_path / "in.jsonl"
    source.write_text('{"id": "s", "text": "Oslo \\ud800 talks"}\n', encoding="utf-8")
    out = tmp_path / "out.jsonl"
    assert main(["extract", "--jsonl", str(source), "-o", str(out)]) == 0
    (row,) = _lines(out)
    assert row["text"] == "Oslo \ud800 talks"
