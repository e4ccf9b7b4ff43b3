"""All-numeric dates ("12/05/2023"), read with dateparser under an explicit order.

Numeric dates are ambiguous, so they are only resolved when the caller says
how to read them (:class:`bilatx.DateOrder`). dateparser does the reading: one
parser per (order, base date) is built on first use and reused, and each
distinct string is parsed once. dateparser silently swaps day and month when
the requested order gives an impossible date ("25/12/2023" month-first); that
reading contradicts the caller's setting, so it is refused here.
"""

from __future__ import annotations

import datetime as dt
from functools import lru_cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from dateparser.date import DateDataParser

_BASE = dt.datetime(2000, 1, 1)  # noqa: DTZ001 - dateparser wants a naive datetime


@lru_cache(maxsize=16)
def _parser(order: str, base: dt.date | None) -> DateDataParser:
    # Imported here: dateparser loads its language data on import, and most
    # documents never contain a numeric date.
    from dateparser.date import DateDataParser  # noqa: PLC0415

    relative_base = (
        dt.datetime(base.year, base.month, base.day)  # noqa: DTZ001
        if base is not None
        else _BASE
    )
    return DateDataParser(
        languages=["en"],
        settings={
            "DATE_ORDER": order,
            "PREFER_DAY_OF_MONTH": "first",
            "RELATIVE_BASE": relative_base,
            "REQUIRE_PARTS": ["day", "month", "year"],
            "STRICT_PARSING": True,
            "PARSERS": ["absolute-time"],
        },
    )


@lru_cache(maxsize=4096)
def parse_numeric(text: str, order: str, base: dt.date | None) -> dt.date | None:
    """Return the date ``text`` denotes when read in ``order`` ("DMY" or "MDY").

    ``text`` is a numeric date such as ``12/05/2023``; the result is ``None``
    when the string is not a calendar date in that order.
    """
    parts = [p for p in text.replace("-", "/").replace(".", "/").split("/") if p]
    if len(parts) != 3 or not all(p.isdigit() for p in parts):  # noqa: PLR2004
        return None
    first, second = int(parts[0]), int(parts[1])
    day, month = (first, second) if order == "DMY" else (second, first)
    data = _parser(order, base).get_date_data(text)
    found = data.date_obj
    if found is None or (found.day, found.month) != (day, month):
        return None
    return found.date()
