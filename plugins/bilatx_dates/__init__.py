"""Built-in dates extractor (skeleton; see the dates issue)."""

from __future__ import annotations

import bilatx

NAME = "dates"


@bilatx.hookimpl
def bilatx_extract_dates(doc: bilatx.Document) -> list[bilatx.DateMention | bilatx.DurationMention]:
    """Return the dates mentions in ``doc``."""
    del doc
    return []
