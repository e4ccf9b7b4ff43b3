"""Entry-point discovery, end to end, through a real plugin distribution.

``docs/examples/bilatx-example`` is an out-of-tree plugin with its own
``pyproject.toml``. Installed in the test environment
(``pip install docs/examples/bilatx-example``), it must be found through the
``bilatx`` entry-point group, listed by ``bilatx plugins`` exactly as the
"Writing a plugin" guide shows, run by the default pipeline, kept out by
``--block`` and ``BILATX_DISABLE_PLUGIN_AUTOLOAD``, and its own tests (written
with bilatx.strategies and bilatx.testing) must pass.

When it is not installed these tests skip, saying how to install it, except
under CI (``CI`` set), where a skip would hide a broken install step: there
they fail.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from importlib.metadata import PackageNotFoundError, distribution, entry_points
from pathlib import Path

import pytest

import bilatx

REPO = Path(__file__).resolve().parents[2]
EXAMPLE = REPO / "docs" / "examples" / "bilatx-example"
GUIDE = REPO / "docs" / "plugins" / "writing.md"
# tomllib is Python 3.11+; the two keys are simple enough to read directly.
_PYPROJECT = (EXAMPLE / "pyproject.toml").read_text("utf-8")
DIST = re.search(r'^name = "([^"]+)"', _PYPROJECT, re.MULTILINE)[1]  # type: ignore[index]
VERSION = re.search(r'^version = "([^"]+)"', _PYPROJECT, re.MULTILINE)[1]  # type: ignore[index]
ENTRY_NAME = "example"


@pytest.fixture(scope="module", autouse=True)
def installed() -> None:
    try:
        found = distribution(DIST)
    except PackageNotFoundError:
        message = f"{DIST} is not installed: pip install {EXAMPLE.relative_to(REPO)}"
        if os.environ.get("CI"):
            pytest.fail(f"{message} (CI must install it before running the tests)")
        pytest.skip(message)
    if found.version != VERSION:
        pytest.fail(f"{DIST} {found.version} is installed but the example is {VERSION}; reinstall")


def run_bilatx(*args: str, **env: str) -> subprocess.CompletedProcess[str]:
    environment = {k: v for k, v in os.environ.items() if k != "BILATX_DISABLE_PLUGIN_AUTOLOAD"}
    environment.update(env)
    return subprocess.run(
        [sys.executable, "-m", "bilatx", *args],
        capture_output=True,
        text=True,
        env=environment,
        check=True,
        timeout=300,
    )


def test_the_entry_point_is_in_the_bilatx_group() -> None:
    (entry,) = [e for e in entry_points(group=bilatx.ENTRY_POINT_GROUP) if e.name == ENTRY_NAME]
    assert entry.value == "bilatx_example"
    assert entry.dist is not None
    assert entry.dist.name == DIST
    module = entry.load()
    assert callable(module.bilatx_extract_officials)


def test_the_manager_loads_it_from_the_entry_point() -> None:
    pipeline = bilatx.Pipeline(entrypoints=True)
    (info,) = [p for p in pipeline.plugins() if p.name == ENTRY_NAME]
    assert (info.builtin, info.module, info.version) == (False, "bilatx_example", VERSION)
    assert info.origin == f"entry point ({DIST}=={VERSION})"
    assert info.hooks == ("bilatx_extract_officials",)
    names = [p.name for p in pipeline.plugins()]
    assert names.index(ENTRY_NAME) > max(names.index(name) for name in bilatx.BUILTIN_PLUGINS)


def test_it_is_kept_out_when_blocked_or_when_autoload_is_off(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    assert ENTRY_NAME not in {p.name for p in bilatx.Pipeline(block=[ENTRY_NAME]).plugins()}
    monkeypatch.setenv("BILATX_DISABLE_PLUGIN_AUTOLOAD", "1")
    assert ENTRY_NAME not in {p.name for p in bilatx.Pipeline().plugins()}
    assert ENTRY_NAME in {p.name for p in bilatx.Pipeline(entrypoints=True).plugins()}


def test_the_default_pipeline_runs_it() -> None:
    text = "On Monday Ambassador Kwame Mensah presented his credentials."
    pipeline = bilatx.Pipeline(entrypoints=True)
    found = pipeline.extract_officials(bilatx.Document(text=text))
    ours = [(m.text, m.title) for m in found if m.extractor == "bilatx-example"]
    assert ours == [("Kwame Mensah", "Ambassador")]
    # Resolution may prefer another plugin's overlapping mention; without the
    # built-in officials extractor, the example's own mention is the one kept.
    alone = bilatx.Pipeline(entrypoints=True, block=["officials"]).extract(text)
    assert [(m.text, m.extractor) for m in alone.mentions.officials] == [
        ("Kwame Mensah", "bilatx-example")
    ]
    assert [p.surname for p in alone.officials] == ["Mensah"]
    assert alone.errors == ()


def test_bilatx_plugins_lists_it_as_the_guide_shows() -> None:
    line = f"{ENTRY_NAME}  [entry point ({DIST}=={VERSION})]  bilatx_example  version {VERSION}"
    guide = GUIDE.read_text("utf-8")
    assert line in guide, (
        "docs/plugins/writing.md shows `bilatx plugins` output that is out of date"
    )
    listed = run_bilatx("plugins").stdout.splitlines()
    (index,) = [i for i, text in enumerate(listed) if text.endswith(line)]
    assert listed[index + 1].strip() == "bilatx_extract_officials"
    rows = json.loads(run_bilatx("plugins", "--json").stdout)
    assert [r["origin"] for r in rows if r["name"] == ENTRY_NAME] == [
        f"entry point ({DIST}=={VERSION})"
    ]


def test_bilatx_plugins_leaves_it_out_when_told_to() -> None:
    assert ENTRY_NAME not in run_bilatx("plugins", "--block", ENTRY_NAME).stdout
    assert ENTRY_NAME not in run_bilatx("plugins", BILATX_DISABLE_PLUGIN_AUTOLOAD="1").stdout


def test_bilatx_extract_uses_it() -> None:
    def officials(*args: str) -> list[tuple[str, str]]:
        result = subprocess.run(
            [sys.executable, "-m", "bilatx", "extract", "-", "--block", "officials", *args],
            input="Ambassador Hana Takeda met the press.\n",
            capture_output=True,
            text=True,
            check=True,
            timeout=300,
            env={k: v for k, v in os.environ.items() if k != "BILATX_DISABLE_PLUGIN_AUTOLOAD"},
        )
        data = json.loads(result.stdout)
        return [(m["text"], m["extractor"]) for m in data["official_mentions"]]

    assert officials() == [("Hana Takeda", "bilatx-example")]
    assert officials("--block", ENTRY_NAME) == []


def test_the_example_plugins_own_tests_pass() -> None:
    # Its own pytest configuration (pyproject.toml) and conftest apply: the
    # run is what a plugin author gets from `pytest` in their project.
    environment = {k: v for k, v in os.environ.items() if not k.startswith("PYTEST_")}
    result = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider"],
        cwd=EXAMPLE,
        capture_output=True,
        text=True,
        env=environment,
        timeout=600,
        check=False,
    )
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-2000:]
    assert " passed" in result.stdout
    assert "skipped" not in result.stdout
