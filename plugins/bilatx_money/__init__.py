"""Built-in money extractor: amounts in every notation news uses, as ISO 4217 and Decimal.

Symbols ("$", "Rs", "€"), ISO codes before, after or glued to the number
("USD 50 billion", "USD34.6 million"), currency names from pycountry's ISO 4217
data ("Swiss francs", "rupees"), wire copy ("300 mln dlrs", "565 mln stg"),
scales (million, bn, mln, lakh, crore, "lakh crore"), Western and Indian digit
grouping, ranges, bounds ("over", "up to"), hedges ("about") and per-unit
prices ("18 dlrs a barrel").
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import bilatx
from bilatx_money._extract import EXTRACTOR, find_money

if TYPE_CHECKING:
    from collections.abc import Sequence

NAME = EXTRACTOR

__all__ = ["NAME", "bilatx_extract_money", "find_money"]


@bilatx.hookimpl
def bilatx_extract_money(
    doc: bilatx.Document, settings: bilatx.Settings
) -> Sequence[bilatx.MoneyMention]:
    """Return the money mentions in ``doc``, left to right, without overlaps."""
    return find_money(
        doc.text,
        published_year=doc.published.year if doc.published else None,
        sentences=doc.sentences(),
        timeout=settings.regex_timeout,
    )
