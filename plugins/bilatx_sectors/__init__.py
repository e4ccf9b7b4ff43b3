"""Built-in sectors extractor: the areas of cooperation a text puts on the table.

Sector ids are those of the project's sector list (defence, security, energy,
nuclear, space, trade, finance, ...). Their synonyms and phrases live in
``data/sectors.json``; matching is case-insensitive, word-bounded and prefers
the longest phrase. Precision comes first: a phrase counts only when the text
is about relations between countries, when it is not part of a name ("Trade
Minister", "Russian Industry and Trade exhibition"), and, for weak phrases,
when its sentence speaks of cooperation, talks, trade or an agreement.
"""

from __future__ import annotations

import bilatx
from bilatx_sectors._match import find_sectors

NAME = "sectors"

__all__ = ["NAME", "bilatx_extract_sectors"]


@bilatx.hookimpl
def bilatx_extract_sectors(doc: bilatx.Document) -> list[bilatx.SectorMention]:
    """Return a sector mention for every phrase of ``doc`` naming an area of cooperation."""
    return find_sectors(doc, NAME)
