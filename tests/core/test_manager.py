"""The plugin manager: built-ins, entry points, blocking, replacing, validation."""

from __future__ import annotations

import sys
import textwrap
from collections.abc import Iterator
from pathlib import Path

import pluggy
import pytest

import bilatx
from bilatx import BUILTIN_PLUGINS, Document, Pipeline, make_plugin_manager


@pytest.fixture
def installed_plugin(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    """A plugin distribution installed on sys.path: a module and its dist-info."""
    site = tmp_path / "site"
    site.mkdir()
    (site / "bilatx_tmpplug.py").write_text(
        textwrap.dedent(
            """
            import bilatx

            @bilatx.hookimpl
            def bilatx_extract_sectors(doc):
                start = doc.text.find("saffron")
                if start < 0:
                    return None
                span = bilatx.Span(start, start + 7)
                return [bilatx.SectorMention(span=span, text="saffron", sector="agriculture", extractor="tmpplug")]
            """
        )
    )
    info = site / "bilatx_tmpplug-1.2.3.dist-info"
    info.mkdir()
    (info / "METADATA").write_text("Metadata-Version: 2.1\nName: bilatx-tmpplug\nVersion: 1.2.3\n")
    (info / "entry_points.txt").write_text("[bilatx]\ntmpplug = bilatx_tmpplug\n")
    monkeypatch.syspath_prepend(str(site))
    yield "tmpplug"
    sys.modules.pop("bilatx_tmpplug", None)


def test_builtins_are_registered_by_name_in_order() -> None:
    pm = make_plugin_manager(entrypoints=False)
    names = [name for name, _ in pm.list_name_plugin()]
    assert names == list(BUILTIN_PLUGINS)


def test_entry_point_plugins_are_discovered(installed_plugin: str) -> None:
    pipeline = Pipeline(entrypoints=True)
    infos = {p.name: p for p in pipeline.plugins()}
    assert installed_plugin in infos
    info = infos[installed_plugin]
    assert not info.builtin
    assert info.origin == "entry point (bilatx-tmpplug==1.2.3)"
    assert info.hooks == ("bilatx_extract_sectors",)
    assert infos["dates"].origin == "built-in"
    ex = pipeline.extract("Talks covered saffron exports.")
    assert "tmpplug" in {m.extractor for m in ex.mentions.sectors}


def test_autoload_can_be_disabled_by_environment(
    installed_plugin: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("BILATX_DISABLE_PLUGIN_AUTOLOAD", "1")
    assert installed_plugin not in {p.name for p in Pipeline().plugins()}
    monkeypatch.setenv("BILATX_DISABLE_PLUGIN_AUTOLOAD", "0")
    assert installed_plugin in {p.name for p in Pipeline().plugins()}


def test_plugins_can_be_blocked_by_name(installed_plugin: str) -> None:
    names = {
        p.name for p in Pipeline(entrypoints=True, block=["dates", installed_plugin]).plugins()
    }
    assert "dates" not in names
    assert installed_plugin not in names
    assert "officials" in names


def test_a_builtin_can_be_replaced_by_name() -> None:
    class NoDates:
        @bilatx.hookimpl
        def bilatx_extract_dates(self) -> list[bilatx.DateMention]:
            return []

    replacement = NoDates()
    pipeline = Pipeline(entrypoints=False, plugins={"dates": replacement})
    assert pipeline.plugin_manager.get_plugin("dates") is replacement
    assert pipeline.extract("It happened on 4 May 2021.").dates == ()


def test_a_misspelt_hook_fails_loudly() -> None:
    class Typo:
        @bilatx.hookimpl
        def bilatx_extract_date(self, doc: Document) -> None:
            del doc

    with pytest.raises(pluggy.PluginValidationError, match="bilatx_extract_date"):
        make_plugin_manager(builtins=False, entrypoints=False, plugins={"typo": Typo()})


def test_a_hook_with_unknown_arguments_is_rejected() -> None:
    class BadArgs:
        @bilatx.hookimpl
        def bilatx_extract_money(self, document: Document) -> None:
            del document

    with pytest.raises(pluggy.PluginValidationError, match="document"):
        make_plugin_manager(builtins=False, entrypoints=False, plugins={"bad": BadArgs()})


def test_a_missing_builtin_module_is_a_clear_error(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(BUILTIN_PLUGINS, "ghost", "bilatx_ghost_module")
    with pytest.raises(
        bilatx.PluginLoadError, match=r"built-in plugin 'ghost'.*cannot be imported"
    ):
        make_plugin_manager(entrypoints=False)


def test_plugins_given_as_a_sequence_are_named_after_their_module() -> None:
    import types

    module = types.ModuleType("bilatx_inline")
    pm = make_plugin_manager(builtins=False, entrypoints=False, plugins=[module])
    assert pm.get_plugin("bilatx_inline") is module
