"""Built-in places extractor (skeleton; see the places issue)."""

from __future__ import annotations

import bilatx

NAME = "places"


@bilatx.hookimpl
def bilatx_extract_places(doc: bilatx.Document) -> list[bilatx.PlaceMention]:
    """Return the places mentions in ``doc``."""
    del doc
    return []
