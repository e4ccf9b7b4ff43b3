"""Meeting records (skeleton)."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import bilatx


def build_meetings(doc: bilatx.Document, mentions: bilatx.Mentions) -> list[bilatx.Meeting]:
    """Return the Meeting records of ``doc``."""
    del doc, mentions
    return []
