"""TradeFigure records (skeleton)."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import bilatx


def build_trade_figures(
    doc: bilatx.Document, mentions: bilatx.Mentions
) -> list[bilatx.TradeFigure]:
    """Return the TradeFigure records of ``doc``."""
    del doc, mentions
    return []
