"""The command line as a whole: entry points, usage errors, plugins, the table view."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

import bilatx
from bilatx.cli import main

EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "norway-japan.txt"


def test_python_dash_m_runs_the_command_line() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "bilatx", "--version"], capture_output=True, text=True, check=True
    )
    assert done.stdout.strip() == f"bilatx {bilatx.__version__}"


def test_no_command_prints_usage_and_exits_2(capsys: pytest.CaptureFixture[str]) -> None:
    assert main([]) == 2
    assert "usage: bilatx" in capsys.readouterr().err


def test_unknown_options_are_usage_errors(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as info:
        main(["extract", "--no-such-option"])
    assert info.value.code == 2


def test_plugins_json_lists_builtins_in_registration_order(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("BILATX_DISABLE_PLUGIN_AUTOLOAD", "1")
    assert main(["plugins", "--json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert [r["name"] for r in rows] == list(bilatx.BUILTIN_PLUGINS)
    assert all(r["builtin"] and r["origin"] == "built-in" for r in rows)
    assert [r["order"] for r in rows] == list(range(1, len(rows) + 1))
    dates = next(r for r in rows if r["name"] == "dates")
    assert dates["hooks"] == ["bilatx_extract_dates"]
    assert main(["plugins", "--block", "dates"]) == 0
    listing = capsys.readouterr().out
    assert "bilatx_dates" not in listing
    assert "[built-in]  bilatx_officials" in listing


def test_table_shows_records_first_then_mentions(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["extract", str(EXAMPLE), "--published", "2024-05-06", "--format", "table"]) == 0
    out = capsys.readouterr().out
    order = [
        out.index(h)
        for h in (
            "Visits (",
            "Meetings (",
            "Statements (",
            "Trade figures (",
            "Officials (",
            "Dates (",
            "Money (",
            "Sectors (",
        )
    ]
    assert order == sorted(order)
    assert "Lindqvist NOR -> JPN  2024-05-14 .. 2024-05-17" in out
    assert "'last year' -> 2023" in out


def test_seed_table_shows_visit_meeting_statements_and_trade(
    shared_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    seed = shared_dir / "seeds" / "001_406cfeb22b89c37e.txt"
    assert main(["extract", str(seed), "--published", "2023-12-28", "--format", "table"]) == 0
    out = capsys.readouterr().out
    assert "Visits (1)" in out
    assert "Jaishankar IND -> RUS" in out
    assert "Meetings (1)" in out
    assert "Jaishankar + Manturov  2023-12-26  Moscow" in out
    assert "Statements (4)" in out
    assert "Trade figures (2)" in out
    assert "USD 12,000,000,000-14,000,000,000" in out
    assert "USD 50,000,000,000" in out
