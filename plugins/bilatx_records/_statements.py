"""Statement records (skeleton)."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import bilatx


def build_statements(doc: bilatx.Document, mentions: bilatx.Mentions) -> list[bilatx.Statement]:
    """Return the Statement records of ``doc``."""
    del doc, mentions
    return []
