"""Building the plugin manager: built-ins by name, then entry points, then extras."""

from __future__ import annotations

import importlib
import os
from typing import TYPE_CHECKING, Final

import attrs
import pluggy

from bilatx import hookspecs
from bilatx._hookimpl import PROJECT_NAME
from bilatx.errors import PluginLoadError

if TYPE_CHECKING:
    from collections.abc import Iterable, Mapping

__all__ = [
    "BUILTIN_PLUGINS",
    "ENTRY_POINT_GROUP",
    "PluginInfo",
    "make_plugin_manager",
    "plugin_infos",
]

ENTRY_POINT_GROUP: Final = "bilatx"
"""The entry-point group third-party plugins register under."""

DISABLE_AUTOLOAD_ENV: Final = "BILATX_DISABLE_PLUGIN_AUTOLOAD"
TRACE_ENV: Final = "BILATX_TRACE_PLUGINS"

BUILTIN_PLUGINS: Final[Mapping[str, str]] = {
    "dates": "bilatx_dates",
    "places": "bilatx_places",
    "officials": "bilatx_officials",
    "money": "bilatx_money",
    "sectors": "bilatx_sectors",
    "quotes": "bilatx_quotes",
    "resolve": "bilatx_resolve",
    "records": "bilatx_records",
}
"""Built-in plugin names and the modules that implement them, registered in this order."""


def _autoload_disabled() -> bool:
    return os.environ.get(DISABLE_AUTOLOAD_ENV, "").strip().lower() not in {"", "0", "false", "no"}


def make_plugin_manager(
    *,
    builtins: bool = True,
    entrypoints: bool | None = None,
    block: Iterable[str] = (),
    plugins: Mapping[str, object] | Iterable[object] = (),
) -> pluggy.PluginManager:
    """Return a plugin manager with the bilatx hooks and its plugins registered.

    Args:
        builtins: register the built-in plugins (``dates``, ``officials``, ...).
        entrypoints: load third-party plugins from the ``bilatx`` entry-point
            group. ``None`` means yes unless ``BILATX_DISABLE_PLUGIN_AUTOLOAD``
            is set.
        block: plugin names never to register (built-in or third-party).
        plugins: extra plugin objects, as ``{name: plugin}`` or a sequence. A
            name equal to a built-in's replaces that built-in.

    Raises:
        PluginLoadError: a built-in or extra plugin cannot be imported or registered.
        pluggy.PluginValidationError: a plugin implements a hook that does not
            exist (a misspelt ``bilatx_extract_date``) or has a bad signature.
    """
    pm = pluggy.PluginManager(PROJECT_NAME)
    pm.add_hookspecs(hookspecs)
    named: dict[str, object] = {}
    if isinstance(plugins, dict):
        named = dict(plugins)
    else:
        for plugin in plugins:
            name = getattr(plugin, "__name__", None) or type(plugin).__name__
            named[str(name)] = plugin
    for name in block:
        pm.set_blocked(name)
    if builtins:
        for name, module_name in BUILTIN_PLUGINS.items():
            if pm.is_blocked(name) or name in named:
                continue
            try:
                module = importlib.import_module(module_name)
            except ImportError as exc:
                msg = f"built-in plugin {name!r} ({module_name}) cannot be imported: {exc}"
                raise PluginLoadError(msg) from exc
            pm.register(module, name=name)
    if entrypoints if entrypoints is not None else not _autoload_disabled():
        pm.load_setuptools_entrypoints(ENTRY_POINT_GROUP)
    for name, plugin in named.items():
        if pm.is_blocked(name):
            continue
        if pm.has_plugin(name):
            pm.unregister(name=name)
        pm.register(plugin, name=name)
    pm.check_pending()
    if os.environ.get(TRACE_ENV):
        pm.trace.root.setwriter(print)
        pm.enable_tracing()
    return pm


@attrs.frozen(kw_only=True)
class PluginInfo:
    """What ``bilatx plugins`` shows about one registered plugin."""

    name: str
    builtin: bool
    module: str
    origin: str
    """Where it came from: "built-in", "entry point (dist==version)" or "registered"."""
    version: str | None
    hooks: tuple[str, ...]


def plugin_infos(pm: pluggy.PluginManager) -> tuple[PluginInfo, ...]:
    """Describe every registered plugin, in registration order."""
    dists = {id(plugin): dist for plugin, dist in pm.list_plugin_distinfo()}
    infos: list[PluginInfo] = []
    for name, plugin in pm.list_name_plugin():
        if plugin is None:
            continue
        module = getattr(plugin, "__name__", type(plugin).__module__)
        builtin = BUILTIN_PLUGINS.get(name) == module
        dist = dists.get(id(plugin))
        if builtin:
            origin = "built-in"
            version = _own_version()
        elif dist is not None:
            origin = f"entry point ({dist.project_name}=={dist.version})"
            version = dist.version
        else:
            origin = "registered"
            version = getattr(plugin, "__version__", None)
        hooks = tuple(sorted(caller.name for caller in pm.get_hookcallers(plugin) or ()))
        infos.append(
            PluginInfo(
                name=name,
                builtin=builtin,
                module=str(module),
                origin=origin,
                version=version,
                hooks=hooks,
            )
        )
    return tuple(infos)


def _own_version() -> str | None:
    from importlib.metadata import PackageNotFoundError, version  # noqa: PLC0415

    try:
        return version("bilatx")
    except PackageNotFoundError:
        return None
