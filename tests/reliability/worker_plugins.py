"""Plugins for the worker-process tests, in a module a fresh interpreter can import.

Worker processes rebuild the pipeline from its plugins' import names. Classes
defined inside a test module are not importable by name in a spawned process
(pytest imports test files under names no other interpreter knows), so the
worker tests import this file as the top-level module ``worker_plugins``.
"""

from __future__ import annotations

import os

import regex

import bilatx
from bilatx import DateMention, DateValue, Document, Span


def _years(doc: Document, extractor: str) -> list[DateMention]:
    return [
        DateMention(
            span=Span(m.start(), m.end()),
            text=m.group(),
            value=DateValue(int(m.group())),
            granularity="year",
            extractor=extractor,
        )
        for m in regex.finditer(r"\b20\d\d\b", doc.text)
    ]


class Good:
    """Finds years."""

    @bilatx.hookimpl
    def bilatx_extract_dates(self, doc: Document) -> list[DateMention]:
        return _years(doc, "good")


class Raises:
    """Always raises."""

    @bilatx.hookimpl
    def bilatx_extract_dates(self, doc: Document) -> list[DateMention]:
        msg = "boom in the date reader"
        raise RuntimeError(msg)


class ExitsProcess:
    """Kills its process on a document containing EXIT."""

    @bilatx.hookimpl
    def bilatx_extract_dates(self, doc: Document) -> list[DateMention]:
        if "EXIT" in doc.text:
            os._exit(7)
        return []
