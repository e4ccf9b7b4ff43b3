"""Built-in quotes extractor (skeleton; see the quotes issue)."""

from __future__ import annotations

import bilatx

NAME = "quotes"


@bilatx.hookimpl
def bilatx_extract_quotes(doc: bilatx.Document) -> list[bilatx.QuoteMention]:
    """Return the quotes mentions in ``doc``."""
    del doc
    return []
