"""Sphinx configuration for the bilatx documentation (MyST Markdown, furo theme).

Build with ``sphinx-build -W -b html docs docs/_build/html``; warnings are errors.
"""

from __future__ import annotations

import argparse
import contextlib
import os
from typing import TYPE_CHECKING, Any, ClassVar

from docutils import nodes
from docutils.parsers.rst import directives
from sphinx.util.docutils import SphinxDirective

import bilatx

if TYPE_CHECKING:
    from collections.abc import Iterator

    from sphinx.application import Sphinx

project = "bilatx"
author = "The bilatx developers"
copyright = "the bilatx developers"
release = bilatx.__version__
version = ".".join(release.split(".")[:2])

extensions = [
    "myst_parser",
    "sphinx.ext.autodoc",
    "sphinx.ext.napoleon",
    "sphinx.ext.viewcode",
]
source_suffix = {".md": "markdown", ".rst": "restructuredtext"}
root_doc = "index"
# examples/ holds an out-of-tree plugin distribution: its files are shown with
# literalinclude, never built as pages of their own.
exclude_patterns = ["_build", "examples", "Thumbs.db", ".DS_Store", "**/README.md"]

myst_enable_extensions = ["colon_fence", "deflist"]
myst_heading_anchors = 3

autodoc_member_order = "bysource"
autodoc_typehints = "signature"
autodoc_default_options: dict[str, Any] = {"members": True, "show-inheritance": False}
napoleon_google_docstring = True
napoleon_numpy_docstring = False

html_theme = "furo"
html_title = f"bilatx {release}"
pygments_style = "friendly"
# "# doctest: +ELLIPSIS" is for the test runner, not for readers.
trim_doctest_flags = True


@contextlib.contextmanager
def _columns(width: int) -> Iterator[None]:
    old = os.environ.get("COLUMNS")
    os.environ["COLUMNS"] = str(width)
    try:
        yield
    finally:
        if old is None:
            del os.environ["COLUMNS"]
        else:
            os.environ["COLUMNS"] = old


def _subcommands(parser: argparse.ArgumentParser) -> dict[str, argparse.ArgumentParser]:
    for action in parser._actions:  # noqa: SLF001  (argparse keeps subparsers here)
        if isinstance(action, argparse._SubParsersAction):  # noqa: SLF001
            return dict(action.choices)
    return {}


class BilatxHelp(SphinxDirective):
    """Show ``bilatx [COMMAND] --help`` exactly as the installed CLI prints it.

    ``{bilatx-help}`` alone shows the top-level help; ``{bilatx-help} extract``
    one command; ``:others: extract eval`` every command except those named,
    so commands added later appear without editing the page.
    """

    optional_arguments = 1
    option_spec: ClassVar[dict[str, Any]] = {"others": directives.unchanged}

    def run(self) -> list[nodes.Node]:
        from bilatx.cli import build_parser  # noqa: PLC0415

        with _columns(88):
            parser = build_parser()
            commands = _subcommands(parser)
            if "others" in self.options:
                skip = set(self.options["others"].split())
                chosen = [(name, p) for name, p in commands.items() if name not in skip]
            elif self.arguments:
                name = self.arguments[0]
                if name not in commands:
                    msg = f"bilatx has no command {name!r}; it has {', '.join(commands)}"
                    raise self.error(msg)
                chosen = [(name, commands[name])]
            else:
                chosen = [("", parser)]
            result: list[nodes.Node] = []
            for name, sub in chosen:
                if "others" in self.options:
                    title = nodes.rubric(text=f"bilatx {name}")
                    result.append(title)
                text = sub.format_help()
                block = nodes.literal_block(text, text, language="text")
                result.append(block)
        return result


def setup(app: Sphinx) -> dict[str, Any]:
    """Register the ``bilatx-help`` directive."""
    app.add_directive("bilatx-help", BilatxHelp)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
