"""``bilatx show`` and ``bilatx report`` on the command line."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

import bilatx
from bilatx import Extraction
from bilatx.cli import main

TEXT = (
    "Prime Minister Lena Hart of Norway met President Omar Diallo of Senegal in Oslo on "
    '5 June 2024. "We will build the port together," Hart said.'
)


def _write_jsonl(path: Path, items: list[dict[str, object]], extra: str = "") -> Path:
    path.write_text("".join(json.dumps(i) + "\n" for i in items) + extra, encoding="utf-8")
    return path


def test_show_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    src = tmp_path / "a.txt"
    src.write_text(TEXT + " <b>bold</b>", encoding="utf-8")
    out = tmp_path / "view.html"
    assert main(["show", str(src), "--published", "2024-06-06", "-o", str(out)]) == 0
    html = out.read_text(encoding="utf-8")
    assert html.startswith("<!DOCTYPE html>")
    assert "&lt;b&gt;bold&lt;/b&gt;" in html
    assert "<dt>published</dt><dd>2024-06-06</dd>" in html
    assert f"wrote {out}" in capsys.readouterr().err


def test_show_to_stdout_with_an_id(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    src = tmp_path / "a.txt"
    src.write_text(TEXT, encoding="utf-8")
    assert main(["show", str(src), "--id", "oslo-1"]) == 0
    assert "<dt>id</dt><dd>oslo-1</dd>" in capsys.readouterr().out


def test_show_from_extract_output(tmp_path: Path, sample: Extraction) -> None:
    other = sample.to_dict()
    other["id"] = "other"
    jsonl = _write_jsonl(tmp_path / "out.jsonl", [other, sample.to_dict()])
    out = tmp_path / "v.html"
    assert main(["show", "--jsonl", str(jsonl), "--id", "sample-1", "-o", str(out)]) == 0
    html = out.read_text(encoding="utf-8")
    # Shown as it was saved, not extracted again: the hand-built records are there.
    assert "Ana Ruiz, ESP \u2192 MAR" in html
    assert "<dt>id</dt><dd>sample-1</dd>" in html


def test_show_from_input_documents_extracts(tmp_path: Path) -> None:
    doc: dict[str, object] = {
        "id": "in-1",
        "text": TEXT,
        "published": "2024-06-06",
        "title": "Oslo <talks>",
    }
    jsonl = _write_jsonl(tmp_path / "in.jsonl", [doc])
    out = tmp_path / "v.html"
    assert main(["show", "--jsonl", str(jsonl), "-o", str(out)]) == 0
    html = out.read_text(encoding="utf-8")
    assert "<h1>Oslo &lt;talks&gt;</h1>" in html
    assert "We will build the port together" in html


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["show"], "give a FILE or --jsonl IN"),
        (["show", "--jsonl", "{jsonl}", "--id", "nope"], "no document with id 'nope' (the file holds 2)"),
        (["show", "--jsonl", "{jsonl}"], "the file holds 2 documents ('a', 'b', ...); choose one with --id"),
        (["show", "--jsonl", "{jsonl}", "--id", "b"], "(id 'b'): this document failed to extract: boom"),
        (["show", "--jsonl", "{jsonl}", "--published", "2024-01-01"], "--published applies to a FILE"),
        (["show", "{missing}"], "No such file or directory"),
    ],
)  # fmt: skip
def test_show_errors_say_what_and_where(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], argv: list[str], message: str
) -> None:
    jsonl = _write_jsonl(
        tmp_path / "in.jsonl", [{"id": "a", "text": "x"}, {"id": "b", "error": "boom"}]
    )
    args = [a.format(jsonl=jsonl, missing=tmp_path / "missing.txt") for a in argv]
    assert main(args) == 2
    assert message in capsys.readouterr().err


def test_report(
    tmp_path: Path, corpus: list[Extraction], capsys: pytest.CaptureFixture[str]
) -> None:
    lines = [ex.to_dict() for ex in corpus] + [{"id": "gone", "error": "plugin exploded"}]
    jsonl = _write_jsonl(tmp_path / "out.jsonl", lines, extra="{not json\n")
    out = tmp_path / "report.html"
    assert main(["report", str(jsonl), "-o", str(out), "--title", "Spring <2024>"]) == 1
    err = capsys.readouterr().err
    assert "out.jsonl:4 (id 'gone'): extraction failed: plugin exploded" in err
    assert "out.jsonl:5: invalid JSON" in err
    assert "2 line(s) left out of the report" in err
    html = out.read_text(encoding="utf-8")
    assert "<h1>Spring &lt;2024&gt;</h1>" in html
    assert "3 documents" in html
    assert "extraction failed: plugin exploded" in html


def test_report_writes_linked_article_views(tmp_path: Path, corpus: list[Extraction]) -> None:
    jsonl = _write_jsonl(tmp_path / "out.jsonl", [ex.to_dict() for ex in corpus])
    out = tmp_path / "site" / "report.html"
    out.parent.mkdir()
    views = tmp_path / "site" / "articles"
    assert main(["report", str(jsonl), "-o", str(out), "--articles", str(views)]) == 0
    names = sorted(p.name for p in views.iterdir())
    assert names[1:] == ["spain-morocco-1.html", "spain-morocco-2.html"]
    # The hostile id became a harmless file name inside the folder.
    assert re.fullmatch(r"[A-Za-z0-9._-]+\.html", names[0])
    html = out.read_text(encoding="utf-8")
    assert '<a href="articles/spain-morocco-2.html">spain-morocco-2</a>' in html
    for href in re.findall(r'href="(articles/[^"]+)"', html):
        assert (out.parent / href).exists(), href


def test_report_refuses_input_documents(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    jsonl = _write_jsonl(tmp_path / "in.jsonl", [{"id": "a", "text": "x"}])
    assert main(["report", str(jsonl), "-o", str(tmp_path / "r.html")]) == 2
    err = capsys.readouterr().err
    assert "not bilatx output (an input document?)" in err
    assert "no extraction to report on" in err


def test_report_merge(
    tmp_path: Path, corpus: list[Extraction], capsys: pytest.CaptureFixture[str]
) -> None:
    jsonl = _write_jsonl(tmp_path / "out.jsonl", [ex.to_dict() for ex in corpus[:2]])
    out = tmp_path / "r.html"
    code = main(["report", str(jsonl), "--merge", "-o", str(out)])
    if not hasattr(bilatx, "merge"):
        assert code == 2
        assert "--merge needs bilatx.merge" in capsys.readouterr().err
    else:
        assert code == 0
        assert out.exists()


def test_report_on_real_extract_output(tmp_path: Path) -> None:
    src = _write_jsonl(
        tmp_path / "in.jsonl",
        [
            {"id": "n1", "text": TEXT, "published": "2024-06-06"},
            {"id": "n2", "text": "Trade between Norway and Senegal reached $2 billion in 2023."},
        ],
    )
    out_jsonl = tmp_path / "out.jsonl"
    assert main(["extract", "--jsonl", str(src), "-o", str(out_jsonl)]) == 0
    out = tmp_path / "r.html"
    assert main(["report", str(out_jsonl), "-o", str(out)]) == 0
    html = out.read_text(encoding="utf-8")
    assert "2 documents" in html
    assert '<tr id="doc-1"><td>n2</td>' in html
