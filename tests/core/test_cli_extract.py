"""``bilatx extract``: files and JSONL batches, formats, workers, gzip, resume, progress."""

from __future__ import annotations

import gzip
import io
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest

from bilatx.cli import main

ARTICLE = (
    "OSLO, May 6 - Norway's Foreign Minister Anne Lindqvist will travel to Tokyo "
    "from May 20 to May 23 for talks on shipping and clean energy, her ministry said "
    "on Monday. Trade between the two countries reached USD 4.2 billion last year. "
    "\u201cWe want to double it,\u201d Lindqvist told reporters.\n"
)


def _docs(n: int, *, prefix: str = "d") -> list[dict[str, Any]]:
    return [
        {
            "id": f"{prefix}{i}",
            "text": ARTICLE.replace("4.2", f"{i % 9 + 1}.5"),
            "published": "2024-05-06",
        }
        for i in range(n)
    ]


def _write_jsonl(path: Path, rows: list[Any]) -> Path:
    opener = gzip.open if path.suffix == ".gz" else open
    with opener(path, "wt", encoding="utf-8") as handle:
        for row in rows:
            handle.write((row if isinstance(row, str) else json.dumps(row)) + "\n")
    return path


def _read_jsonl(path: Path) -> list[dict[str, Any]]:
    opener = gzip.open if path.suffix == ".gz" else open
    with opener(path, "rt", encoding="utf-8") as handle:
        return [json.loads(line) for line in handle]


# ------------------------------------------------------------------ files


def test_one_file_gives_indented_json(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    article = tmp_path / "a.txt"
    article.write_text(ARTICLE)
    assert main(["extract", str(article), "--published", "2024-05-06"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["id"] == str(article)
    assert out["published"] == "2024-05-06"
    assert out["text"] == ARTICLE


def test_files_as_jsonl_and_table_and_no_text(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    a, b = tmp_path / "a.txt", tmp_path / "b.txt.gz"
    a.write_text(ARTICLE)
    b.write_bytes(gzip.compress(ARTICLE.encode()))
    assert main(["extract", str(a), str(b), "--format", "jsonl", "--no-text"]) == 0
    rows = [json.loads(x) for x in capsys.readouterr().out.splitlines()]
    assert [r["id"] for r in rows] == [str(a), str(b)]
    assert all("text" not in r for r in rows)
    assert main(["extract", str(a), "--format", "table", "--id", "art"]) == 0
    assert capsys.readouterr().out.startswith("== art")
    assert main(["extract", str(a), str(b)]) == 0
    assert len(json.loads(capsys.readouterr().out)) == 2


def test_stdin_is_read_with_a_dash(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(ARTICLE.encode())))
    assert main(["extract", "-", "--id", "in"]) == 0
    assert json.loads(capsys.readouterr().out)["id"] == "in"


def test_batch_only_options_are_refused_for_files(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    article = tmp_path / "a.txt"
    article.write_text(ARTICLE)
    assert main(["extract", str(article), "--resume"]) == 2
    assert "--resume only applies to --jsonl" in capsys.readouterr().err


# ------------------------------------------------------------------ jsonl


def test_jsonl_keeps_input_order_and_ids(tmp_path: Path) -> None:
    source = _write_jsonl(tmp_path / "in.jsonl", _docs(25))
    out = tmp_path / "out.jsonl"
    assert main(["extract", "--jsonl", str(source), "-o", str(out)]) == 0
    rows = _read_jsonl(out)
    assert [r["id"] for r in rows] == [f"d{i}" for i in range(25)]
    assert all(r["published"] == "2024-05-06" for r in rows)


def test_two_workers_write_exactly_what_one_writes(tmp_path: Path) -> None:
    source = _write_jsonl(tmp_path / "in.jsonl", _docs(60))
    one, two = tmp_path / "one.jsonl", tmp_path / "two.jsonl"
    assert main(["extract", "--jsonl", str(source), "-o", str(one)]) == 0
    assert main(["extract", "--jsonl", str(source), "-o", str(two), "--workers", "2"]) == 0
    assert one.read_bytes() == two.read_bytes()


def test_gzip_input_and_output_by_suffix(tmp_path: Path) -> None:
    source = _write_jsonl(tmp_path / "in.jsonl.gz", _docs(5))
    out = tmp_path / "out.jsonl.gz"
    assert main(["extract", "--jsonl", str(source), "-o", str(out), "--no-text"]) == 0
    assert out.read_bytes()[:2] == b"\x1f\x8b"
    rows = _read_jsonl(out)
    assert [r["id"] for r in rows] == [f"d{i}" for i in range(5)]
    assert all("text" not in r for r in rows)
    # Compressed input is recognised by its content even without the suffix.
    renamed = tmp_path / "compressed.jsonl"
    renamed.write_bytes(source.read_bytes())
    plain = tmp_path / "plain.jsonl"
    assert main(["extract", "--jsonl", str(renamed), "-o", str(plain), "--no-text"]) == 0
    assert _read_jsonl(plain) == rows


def test_stdout_is_the_default_output(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    source = _write_jsonl(tmp_path / "in.jsonl", _docs(3))
    assert main(["extract", "--jsonl", str(source), "-q"]) == 0
    captured = capsys.readouterr()
    assert [json.loads(x)["id"] for x in captured.out.splitlines()] == ["d0", "d1", "d2"]
    assert captured.err == ""


def test_resume_skips_what_is_done_and_appends_the_rest(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    docs = _docs(12)
    source = _write_jsonl(tmp_path / "in.jsonl", docs)
    out = tmp_path / "out.jsonl"
    # A previous run that stopped after four documents, the fifth cut mid-line.
    _write_jsonl(tmp_path / "first.jsonl", docs[:4])
    assert main(["extract", "--jsonl", str(tmp_path / "first.jsonl"), "-o", str(out)]) == 0
    with out.open("ab") as handle:
        handle.write(b'{"id": "d4", "published": "2024-05-0')
    capsys.readouterr()
    assert main(["extract", "--jsonl", str(source), "-o", str(out), "--resume"]) == 0
    assert "4 document(s) already in" in capsys.readouterr().err
    full = tmp_path / "full.jsonl"
    assert main(["extract", "--jsonl", str(source), "-o", str(full)]) == 0
    assert out.read_bytes() == full.read_bytes()


def test_resume_works_on_gzip_output_cut_short(tmp_path: Path) -> None:
    docs = _docs(8)
    source = _write_jsonl(tmp_path / "in.jsonl", docs)
    out = tmp_path / "out.jsonl.gz"
    assert main(["extract", "--jsonl", str(source), "-o", str(out)]) == 0
    whole = out.read_bytes()
    out.write_bytes(whole[: len(whole) // 2])  # a crash in the middle of the stream
    assert main(["extract", "--jsonl", str(source), "-o", str(out), "--resume"]) == 0
    assert [r["id"] for r in _read_jsonl(out)] == [d["id"] for d in docs]


def test_resume_needs_an_output_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    source = _write_jsonl(tmp_path / "in.jsonl", _docs(1))
    assert main(["extract", "--jsonl", str(source), "--resume"]) == 2
    assert "--resume needs an output file" in capsys.readouterr().err


def test_no_progress_line_when_stderr_is_not_a_terminal(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = _write_jsonl(tmp_path / "in.jsonl", _docs(3))
    assert main(["extract", "--jsonl", str(source), "-o", str(tmp_path / "o.jsonl")]) == 0
    assert "\r" not in capsys.readouterr().err


def test_progress_line_on_a_terminal(tmp_path: Path) -> None:
    # A pseudo-terminal as stderr: the progress line appears, and --quiet removes it.
    import pty

    source = _write_jsonl(tmp_path / "in.jsonl", _docs(3))

    def stderr_of(*extra: str) -> str:
        leader, follower = pty.openpty()
        try:
            subprocess.run(
                [
                    sys.executable,
                    "-m",
                    "bilatx",
                    "extract",
                    "--jsonl",
                    str(source),
                    "-o",
                    str(tmp_path / "o.jsonl"),
                    *extra,
                ],
                stderr=follower,
                check=True,
                timeout=120,
            )
            os.close(follower)
            chunks = []
            while True:
                try:
                    chunk = os.read(leader, 4096)
                except OSError:
                    break
                if not chunk:
                    break
                chunks.append(chunk)
            return b"".join(chunks).decode()
        finally:
            os.close(leader)

    shown = stderr_of()
    assert "3 docs" in shown
    assert "docs/s" in shown
    assert "0 errors" in shown
    assert "100.0%" in shown
    assert stderr_of("--quiet") == ""


def test_interrupted_batch_leaves_whole_lines_and_resume_completes(tmp_path: Path) -> None:
    # Enough documents that the run is still going when the first lines appear.
    docs = _docs(1500)
    source = _write_jsonl(tmp_path / "in.jsonl", docs)
    out = tmp_path / "out.jsonl"
    command = [sys.executable, "-m", "bilatx", "extract", "--jsonl", str(source), "-o", str(out)]
    command += ["--workers", "2", "--no-text"]
    proc = subprocess.Popen(command, stderr=subprocess.PIPE, text=True)
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and (not out.exists() or out.stat().st_size == 0):
        time.sleep(0.02)
    proc.send_signal(signal.SIGINT)
    _, err = proc.communicate(timeout=120)
    assert proc.returncode == 130, err
    assert "run the same command with --resume" in err
    data = out.read_bytes()
    assert data.endswith(b"\n")
    written = [json.loads(line)["id"] for line in data.splitlines()]
    assert 0 < len(written) < len(docs)
    assert written == [d["id"] for d in docs[: len(written)]]
    subprocess.run([*command, "--resume", "-q"], check=True, timeout=300)
    assert [r["id"] for r in _read_jsonl(out)] == [d["id"] for d in docs]
