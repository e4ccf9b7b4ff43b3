"""No network, no code from input, plugins only from where they were asked for."""

from __future__ import annotations

import builtins
import contextlib
import json
import os
import socket
import subprocess
import sys
import textwrap
import types
from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn
from unittest import mock

import pytest

import bilatx

if TYPE_CHECKING:
    from collections.abc import Iterator

TEXTS = [
    (
        "Prime Minister Ana Ruiz will visit New Delhi from 12 to 14 March 2024, "
        "her office said in a post on X (https://example.org/statement)."
    ),
    (
        "Bilateral trade rose to USD 12.5 billion last year, the ministry told reporters "
        "on Tuesday. \u201cWe expect more,\u201d the minister said."
    ),
    "__import__('os').system('touch /tmp/pwned') ; eval('1+1') {{7*7}} ${jndi:ldap://x}",
]


def _refuse(*_args: object, **_kwargs: object) -> NoReturn:
    msg = "bilatx tried to use the network or evaluate code"
    raise AssertionError(msg)


_real_exec = builtins.exec


def _exec_modules_only(code: object, *args: Any, **kwargs: Any) -> None:
    # Importing a module runs its compiled code through exec; that is allowed.
    # Anything else (a string, a code object built at run time) is refused.
    if isinstance(code, types.CodeType) and code.co_name == "<module>" and code.co_filename:
        _real_exec(code, *args, **kwargs)
        return
    _refuse()


@contextlib.contextmanager
def _sealed() -> Iterator[None]:
    """No sockets, no eval/exec/compile of anything but imported modules, inside the block."""
    patches: list[Any] = [
        *(mock.patch.object(socket.socket, n, _refuse) for n in ("connect", "connect_ex", "bind")),
        *(mock.patch.object(socket.socket, n, _refuse) for n in ("sendto", "send")),
        mock.patch.object(socket, "create_connection", _refuse),
        mock.patch.object(socket, "getaddrinfo", _refuse),
        mock.patch.object(builtins, "eval", _refuse),
        mock.patch.object(builtins, "exec", _exec_modules_only),
        mock.patch.object(builtins, "compile", _refuse),
    ]
    with contextlib.ExitStack() as stack:
        for patch in patches:
            stack.enter_context(patch)
        yield


def test_extraction_opens_no_socket_and_evaluates_nothing() -> None:
    # A fresh pipeline, warmed up first: building it imports modules, which is
    # allowed; extraction itself may do neither.
    pipeline = bilatx.Pipeline(entrypoints=False)
    for text in TEXTS:
        pipeline.extract(text, published="2024-03-01").to_json()
    outputs = []
    with _sealed():
        for text in TEXTS:
            for published in ("2024-03-01", None):
                ex = pipeline.extract(text, published=published, doc_id="x")
                outputs.append((ex.errors, ex.to_json()))
    for errors, line in outputs:
        assert errors == ()
        json.loads(line)
    assert not Path("/tmp/pwned").exists()


def test_the_refusals_are_real() -> None:
    # Guards the test above against a seal that silently lets things through.
    with _sealed():
        with pytest.raises(AssertionError, match="network"):
            socket.create_connection(("127.0.0.1", 9))
        with pytest.raises(AssertionError):
            eval("1")  # noqa: S307
        with pytest.raises(AssertionError):
            exec("x = 1")  # noqa: S102
        with socket.socket() as sock, pytest.raises(AssertionError):
            sock.connect(("127.0.0.1", 9))


def _fake_distribution(root: Path, *, module: str, dist: str, version: str) -> None:
    (root / f"{module}.py").write_text(
        textwrap.dedent(
            """
            import bilatx

            @bilatx.hookimpl
            def bilatx_extract_sectors(doc):
                return []
            """
        )
    )
    info = root / f"{dist}-{version}.dist-info"
    info.mkdir()
    (info / "METADATA").write_text(f"Metadata-Version: 2.1\nName: {dist}\nVersion: {version}\n")
    (info / "entry_points.txt").write_text(f"[bilatx]\nfake = {module}\n")


def _plugins_json(env: dict[str, str], *args: str) -> list[dict[str, Any]]:
    out = subprocess.run(
        [sys.executable, "-m", "bilatx", "plugins", "--json", *args],
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    rows: list[dict[str, Any]] = json.loads(out.stdout)
    return rows


def test_plugins_come_only_from_entry_points_or_registration(tmp_path: Path) -> None:
    _fake_distribution(tmp_path, module="bilatx_fakeplug", dist="bilatx-fakeplug", version="1.2.3")
    # A module that merely looks like a plugin, sitting on the path, is never loaded.
    (tmp_path / "bilatx_lurker.py").write_text(
        "import bilatx\n\n@bilatx.hookimpl\ndef bilatx_extract_dates(doc):\n    return []\n"
    )
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(tmp_path), *sys.path])}
    env.pop("BILATX_DISABLE_PLUGIN_AUTOLOAD", None)
    rows = {r["name"]: r for r in _plugins_json(env)}
    assert rows["fake"]["origin"] == "entry point (bilatx-fakeplug==1.2.3)"
    assert rows["fake"]["module"] == "bilatx_fakeplug"
    assert rows["fake"]["hooks"] == ["bilatx_extract_sectors"]
    assert rows["dates"]["origin"] == "built-in"
    assert not any("lurker" in r["module"] for r in rows.values())
    # Autoload off: only the built-ins.
    env["BILATX_DISABLE_PLUGIN_AUTOLOAD"] = "1"
    rows = {r["name"]: r for r in _plugins_json(env)}
    assert "fake" not in rows
    assert {r["origin"] for r in rows.values()} == {"built-in"}


def test_registered_plugins_say_so() -> None:
    class Mine:
        @bilatx.hookimpl
        def bilatx_extract_dates(self, doc: bilatx.Document) -> list[bilatx.DateMention]:
            return []

    pipeline = bilatx.Pipeline(entrypoints=False, plugins={"mine": Mine()})
    infos = {p.name: p for p in pipeline.plugins()}
    assert infos["mine"].origin == "registered"
    assert infos["dates"].origin == "built-in"
