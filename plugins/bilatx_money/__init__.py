"""Built-in money extractor (skeleton; see the money issue)."""

from __future__ import annotations

import bilatx

NAME = "money"


@bilatx.hookimpl
def bilatx_extract_money(doc: bilatx.Document) -> list[bilatx.MoneyMention]:
    """Return the money mentions in ``doc``."""
    del doc
    return []
