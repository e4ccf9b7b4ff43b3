"""Built-in records: visits, meetings, statements and trade figures from resolved mentions.

Each record kind is assembled by its own module; this hook only gathers them.
"""

from __future__ import annotations

import bilatx
from bilatx_records._meetings import build_meetings
from bilatx_records._statements import build_statements
from bilatx_records._trade import build_trade_figures
from bilatx_records._visits import build_visits

NAME = "records"


@bilatx.hookimpl
def bilatx_build_records(doc: bilatx.Document, mentions: bilatx.Mentions) -> list[bilatx.Record]:
    """Assemble every record kind from the resolved mentions of ``doc``."""
    records: list[bilatx.Record] = []
    records.extend(build_visits(doc, mentions))
    records.extend(build_meetings(doc, mentions))
    records.extend(build_statements(doc, mentions))
    records.extend(build_trade_figures(doc, mentions))
    return records
