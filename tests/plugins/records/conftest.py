"""Hand-built mentions for the records plugin's tests.

The visit and meeting builders read resolved mentions. To test them apart
from the extractors, ``annotate`` builds a document and its mentions from a
text and the facts it contains (who, where, when), finding each surface form
in the text, the way the extractors would report them.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from typing import Any

import attrs
import pytest
import regex

import bilatx
import bilatx_records

Person = tuple[str, str | None, str | None]
"""(full name, title, country)."""


def _spans(text: str, surface: str) -> list[bilatx.Span]:
    pattern = r"(?<![\w])" + regex.escape(surface) + r"(?![\w])"
    return [bilatx.Span(m.start(), m.end()) for m in regex.finditer(pattern, text)]


def annotate(
    text: str,
    *,
    published: str | None = None,
    people: Sequence[Person] = (),
    countries: Iterable[tuple[str, str]] = (),
    cities: Iterable[tuple[str, str]] = (),
    demonyms: Iterable[tuple[str, str]] = (),
    dates: Iterable[tuple[str, str | None]] = (),
    durations: Iterable[tuple[str, int]] = (),
    sectors: Iterable[tuple[str, str]] = (),
    doc_id: str = "doc",
) -> tuple[bilatx.Document, bilatx.Mentions]:
    """Return a document and mentions for every occurrence of the given surface forms.

    People are found by full name and, elsewhere, by surname. Dates take an
    ISO value (``None`` for week-level phrases such as "next week").
    """
    doc = bilatx.Document(text=text, published=published, id=doc_id)
    officials: list[bilatx.OfficialMention] = []
    for name, title, country in people:
        surname = name.split()[-1]
        full = _spans(text, name)
        alone = [s for s in _spans(text, surname) if not any(s.overlaps(f) for f in full)]
        officials.extend(
            bilatx.OfficialMention(
                span=span,
                text=shown,
                name=shown,
                surname=surname,
                title=title,
                country=country,
                extractor="test",
            )
            for spans, shown in ((full, name), (alone, surname))
            for span in spans
        )
    places: list[bilatx.PlaceMention] = []
    for kind, items in (("country", countries), ("city", cities), ("demonym", demonyms)):
        for surface, code in items:
            places.extend(
                bilatx.PlaceMention(
                    span=span, text=surface, name=surface, kind=kind, country=code, extractor="test"
                )
                for span in _spans(text, surface)
            )
    date_mentions: list[bilatx.DateMention] = []
    for surface, iso in dates:
        value = bilatx.parse_date_value(iso) if iso else None
        granularity = value.granularity if value is not None else bilatx.Granularity.WEEK
        date_mentions.extend(
            bilatx.DateMention(
                span=span, text=surface, value=value, granularity=granularity, extractor="test"
            )
            for span in _spans(text, surface)
        )
    lengths = [
        bilatx.DurationMention(span=span, text=surface, days=days, extractor="test")
        for surface, days in durations
        for span in _spans(text, surface)
    ]
    sector_mentions = [
        bilatx.SectorMention(span=span, text=surface, sector=sector, extractor="test")
        for surface, sector in sectors
        for span in _spans(text, surface)
    ]
    mentions = bilatx.Mentions(
        dates=date_mentions,
        durations=lengths,
        officials=officials,
        places=places,
        sectors=sector_mentions,
    )
    return doc, attrs.evolve(mentions, people=bilatx.fallback_people(mentions.officials))


def build(doc: bilatx.Document, mentions: bilatx.Mentions) -> list[bilatx.Record]:
    """Run the records hook alone."""
    return bilatx_records.bilatx_build_records(doc=doc, mentions=mentions)


def visits_of(text: str, **facts: Any) -> list[bilatx.Visit]:
    """The visits the records plugin builds from ``text`` and the given facts."""
    doc, mentions = annotate(text, **facts)
    return [r for r in build(doc, mentions) if isinstance(r, bilatx.Visit)]


def meetings_of(text: str, **facts: Any) -> list[bilatx.Meeting]:
    """The meetings the records plugin builds from ``text`` and the given facts."""
    doc, mentions = annotate(text, **facts)
    return [r for r in build(doc, mentions) if isinstance(r, bilatx.Meeting)]


@pytest.fixture(scope="session")
def visits() -> Callable[..., list[bilatx.Visit]]:
    """``visits(text, people=..., countries=..., dates=...)`` -> the Visit records."""
    return visits_of


@pytest.fixture(scope="session")
def meetings() -> Callable[..., list[bilatx.Meeting]]:
    """``meetings(text, people=..., cities=..., dates=...)`` -> the Meeting records."""
    return meetings_of


@pytest.fixture(scope="session")
def annotated() -> Callable[..., tuple[bilatx.Document, bilatx.Mentions]]:
    """``annotated(text, **facts)`` -> the document and its hand-built mentions."""
    return annotate


@pytest.fixture(scope="session")
def records() -> Callable[[bilatx.Document, bilatx.Mentions], list[bilatx.Record]]:
    """``records(doc, mentions)`` -> every record the records hook builds."""
    return build
