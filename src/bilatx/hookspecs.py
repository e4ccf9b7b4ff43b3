"""The hook specifications: the contract between the bilatx core and its plugins.

A plugin is any module or object with functions named after these hooks and
marked with :data:`bilatx.hookimpl`. Implementations may accept any subset of a
hook's arguments, by name, so new arguments can be added without breaking them.

Rules for every hook:

* Return a list or tuple (never a generator), or ``None`` for "nothing here".
* Spans index ``doc.text`` exactly; never rewrite the text.
* Every mention names its ``extractor`` (the plugin's name).
* Collecting hooks must not depend on the order plugins are called in: the core
  concatenates the results and sorts them by position.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from bilatx._hookimpl import hookspec

if TYPE_CHECKING:
    from collections.abc import Sequence

    from bilatx._settings import Settings
    from bilatx._types import (
        DateMention,
        Document,
        DurationMention,
        Mentions,
        MoneyMention,
        OfficialMention,
        PlaceMention,
        QuoteMention,
        Record,
        SectorMention,
    )

__all__ = [
    "bilatx_build_records",
    "bilatx_extract_dates",
    "bilatx_extract_money",
    "bilatx_extract_officials",
    "bilatx_extract_places",
    "bilatx_extract_quotes",
    "bilatx_extract_sectors",
    "bilatx_resolve_mentions",
]

# --------------------------------------------------------------------------
# Mention hooks: collecting. Every implementation runs; the core concatenates
# the results, checks every span and type, and sorts by position.
# --------------------------------------------------------------------------


@hookspec
def bilatx_extract_dates(
    doc: Document, settings: Settings
) -> Sequence[DateMention | DurationMention] | None:
    """Find calendar expressions and durations in ``doc``.

    Collecting: every implementation runs and the results are concatenated.

    :param doc: the document; relative dates resolve against ``doc.published``.
    :param settings: the pipeline settings (``settings.date_order`` says how to
        read numeric dates).
    :returns: date mentions and duration mentions, or ``None``.

    Ordering: none; results are sorted by span.

    .. versionadded:: 0.1
    """


@hookspec
def bilatx_extract_officials(doc: Document, settings: Settings) -> Sequence[OfficialMention] | None:
    """Find mentions of people holding public office in ``doc``.

    Collecting: every implementation runs and the results are concatenated.
    Return one mention per occurrence, including later short mentions
    ("Jaishankar", "Mr. Manturov"); :func:`bilatx_resolve_mentions` links them.

    :param doc: the document.
    :param settings: the pipeline settings.
    :returns: official mentions, or ``None``.

    Ordering: none; results are sorted by span.

    .. versionadded:: 0.1
    """


@hookspec
def bilatx_extract_money(doc: Document, settings: Settings) -> Sequence[MoneyMention] | None:
    """Find amounts of money in ``doc``, with ISO 4217 currencies and Decimal values.

    Collecting: every implementation runs and the results are concatenated.

    :param doc: the document.
    :param settings: the pipeline settings.
    :returns: money mentions, or ``None``.

    Ordering: none; results are sorted by span.

    .. versionadded:: 0.1
    """


@hookspec
def bilatx_extract_places(doc: Document, settings: Settings) -> Sequence[PlaceMention] | None:
    """Find countries, demonyms and cities named in ``doc``, with country codes.

    Collecting: every implementation runs and the results are concatenated.

    :param doc: the document.
    :param settings: the pipeline settings.
    :returns: place mentions, or ``None``.

    Ordering: none; results are sorted by span.

    .. versionadded:: 0.1
    """


@hookspec
def bilatx_extract_sectors(doc: Document, settings: Settings) -> Sequence[SectorMention] | None:
    """Find words and phrases naming areas of cooperation, as sector ids.

    Collecting: every implementation runs and the results are concatenated.

    :param doc: the document.
    :param settings: the pipeline settings.
    :returns: sector mentions, or ``None``.

    Ordering: none; results are sorted by span.

    .. versionadded:: 0.1
    """


@hookspec
def bilatx_extract_quotes(doc: Document, settings: Settings) -> Sequence[QuoteMention] | None:
    """Find direct quotations in ``doc``, with their attribution and channel when given.

    Collecting: every implementation runs and the results are concatenated.

    :param doc: the document.
    :param settings: the pipeline settings.
    :returns: quote mentions, or ``None``.

    Ordering: none; results are sorted by span.

    .. versionadded:: 0.1
    """


# --------------------------------------------------------------------------
# Resolution: first result wins.
# --------------------------------------------------------------------------


@hookspec(firstresult=True)
def bilatx_resolve_mentions(
    doc: Document, mentions: Mentions, settings: Settings
) -> Mentions | None:
    """Settle overlaps and conflicts between mentions and link coreferent officials.

    Stops at the first non-``None`` result. The built-in implementation is
    registered with ``trylast=True``, so any plugin can replace it by returning
    a value, or refine its result with a ``wrapper=True`` implementation.

    The result's ``people`` lists each official once, with every span that
    mentions them ("Dr. S. Jaishankar", later "Jaishankar", "the minister").

    :param doc: the document.
    :param mentions: every mention the extract hooks returned, sorted by position.
    :param settings: the pipeline settings.
    :returns: the resolved mentions, or ``None`` to let the next implementation decide.

    Ordering: ``tryfirst`` implementations run first; the first non-``None`` result wins.

    .. versionadded:: 0.1
    """


# --------------------------------------------------------------------------
# Records: collecting.
# --------------------------------------------------------------------------


@hookspec
def bilatx_build_records(
    doc: Document, mentions: Mentions, settings: Settings
) -> Sequence[Record] | None:
    """Assemble visits, meetings, statements and trade figures from resolved mentions.

    Collecting: every implementation runs and the results are concatenated;
    records are grouped by type in the :class:`~bilatx.Extraction`.

    :param doc: the document.
    :param mentions: the resolved mentions (``mentions.people`` is filled in).
    :param settings: the pipeline settings.
    :returns: records, or ``None``.

    Ordering: none.

    .. versionadded:: 0.1
    """
