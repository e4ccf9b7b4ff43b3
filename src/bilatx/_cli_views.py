"""``bilatx show`` and ``bilatx report``: HTML views (skeleton)."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import argparse


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add the ``show`` and ``report`` subcommands to the ``bilatx`` parser."""
    del sub
