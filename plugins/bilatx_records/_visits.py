"""Visit records (skeleton)."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import bilatx


def build_visits(doc: bilatx.Document, mentions: bilatx.Mentions) -> list[bilatx.Visit]:
    """Return the Visit records of ``doc``."""
    del doc, mentions
    return []
