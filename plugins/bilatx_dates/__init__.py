"""Built-in dates extractor: calendar expressions and durations, with spans.

Candidates are found with `regex` patterns (compiled once, on first use) and
resolved against the document's publication date: absolute forms ("26 December
2023", "Dec. 26", "March 2023", "2019-2021"), ranges ("May 21-24", "from
December 25 to January 2"), relative forms ("yesterday", "on Monday", "last
year", "two years ago", "earlier this month"), datelines ("TOKYO, March 22 -")
and year-less dates (the year nearest the publication date). Week-level
phrases, decades, fiscal years and partial periods ("the first half of 2022")
are recognised and given no value. Durations ("a five-day visit", "for three
days") are :class:`bilatx.DurationMention` objects, not dates. All-numeric
dates ("12/05/2023") resolve only under ``settings.date_order``; dateparser
reads them.
"""

from __future__ import annotations

import bilatx

NAME = "dates"


@bilatx.hookimpl
def bilatx_extract_dates(
    doc: bilatx.Document, settings: bilatx.Settings
) -> list[bilatx.DateMention | bilatx.DurationMention]:
    """Return the date and duration mentions of ``doc``, in text order."""
    # Imported here so that loading the plugin compiles and imports nothing.
    from bilatx_dates._extract import extract  # noqa: PLC0415

    return extract(doc, settings)
