"""Built-in records: visits, meetings, statements and trade figures (skeleton)."""

from __future__ import annotations

import bilatx

NAME = "records"


@bilatx.hookimpl
def bilatx_build_records(doc: bilatx.Document, mentions: bilatx.Mentions) -> list[bilatx.Record]:
    """Assemble records from resolved mentions."""
    del doc, mentions
    return []
