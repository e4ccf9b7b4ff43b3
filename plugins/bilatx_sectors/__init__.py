"""Built-in sectors extractor (skeleton; see the sectors issue)."""

from __future__ import annotations

import bilatx

NAME = "sectors"


@bilatx.hookimpl
def bilatx_extract_sectors(doc: bilatx.Document) -> list[bilatx.SectorMention]:
    """Return the sectors mentions in ``doc``."""
    del doc
    return []
