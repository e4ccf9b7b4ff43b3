"""TradeFigure records (skeleton)."""

from __future__ import annotations

import bilatx


def build_trade_figures(
    doc: bilatx.Document, mentions: bilatx.Mentions
) -> list[bilatx.TradeFigure]:
    """Return the TradeFigure records of ``doc``."""
    del doc, mentions
    return []
