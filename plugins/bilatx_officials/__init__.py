"""Built-in officials extractor (skeleton; see the officials issue)."""

from __future__ import annotations

import bilatx

NAME = "officials"


@bilatx.hookimpl
def bilatx_extract_officials(doc: bilatx.Document) -> list[bilatx.OfficialMention]:
    """Return the officials mentions in ``doc``."""
    del doc
    return []
