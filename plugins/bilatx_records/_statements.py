"""Statement records (skeleton)."""

from __future__ import annotations

import bilatx


def build_statements(doc: bilatx.Document, mentions: bilatx.Mentions) -> list[bilatx.Statement]:
    """Return the Statement records of ``doc``."""
    del doc, mentions
    return []
