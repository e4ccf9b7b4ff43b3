"""Built-in quotes extractor: direct quotations, who said them, and where.

Finds quotations in straight, curly and angle marks (partial quotations inside
a sentence, quotations split by an attribution, quotations running over
several paragraphs, nested quotations), recovers what it can from stray or
unbalanced marks, and attributes each quotation to the expression naming its
speaker ("Jaishankar", "he", "a spokesman") with the channel it was made
through ("X", "news conference", "interview", ...). Linking the speaker to an
official is the records plugin's work.
"""

from __future__ import annotations

import bilatx
from bilatx_quotes._extract import extract_quotes

NAME = "quotes"

__all__ = ["NAME", "bilatx_extract_quotes"]


@bilatx.hookimpl
def bilatx_extract_quotes(doc: bilatx.Document) -> list[bilatx.QuoteMention]:
    """Return a quote mention for every quotation in ``doc``, attributed where possible."""
    return extract_quotes(doc, NAME)
