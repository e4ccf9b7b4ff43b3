"""The README shows real output: its example table is what bilatx prints."""

from __future__ import annotations

import re
import shlex
from pathlib import Path

import pytest

from bilatx.cli import main

ROOT = Path(__file__).resolve().parent.parent
README = ROOT / "README.md"


def test_the_readme_table_is_what_bilatx_prints(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    block = re.search(
        r"```text\n\$ (bilatx extract .*?)\n(.*?)```", README.read_text("utf-8"), re.DOTALL
    )
    assert block is not None, "the README lost its example output"
    command, shown = block.group(1), block.group(2).splitlines()
    monkeypatch.chdir(ROOT)
    monkeypatch.setenv("BILATX_DISABLE_PLUGIN_AUTOLOAD", "1")
    assert main(shlex.split(command)[1:]) == 0
    printed = capsys.readouterr().out.splitlines()
    cut = shown.index("  ...") if "  ..." in shown else len(shown)
    assert printed[:cut] == shown[:cut]
