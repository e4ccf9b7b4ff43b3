"""One reading of a document for both visits and meetings.

Visits and meetings inform each other: a meeting in Jeddah implies the
visitor's trip there; a trip that lasts one day dates the meetings held
during it. :func:`analyse` reads the document once, in text order, and
builds both record kinds; the results are cached per document so the visit
and meeting builders can each ask for their half.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import attrs

import bilatx
from bilatx_records import _meetings, _visits
from bilatx_records._common import Context
from bilatx_records._model import MeetingDraft, State, assign_dates, clause_key, find_triggers

if TYPE_CHECKING:
    from bilatx_records._model import Trigger, VisitPiece

__all__ = ["Events", "analyse"]


@attrs.frozen
class Events:
    """The visits and meetings of one document."""

    visits: tuple[bilatx.Visit, ...]
    meetings: tuple[bilatx.Meeting, ...]


# The visits and meetings hooks read the same analysis of the same objects.
# Kept by identity: hashing a document's whole Mentions to look it up in an
# ordinary cache cost more than a tenth of the analysis itself.
# One slot, read and replaced whole, so that threads sharing it never mix answers.
_last: list[tuple[bilatx.Document, bilatx.Mentions, Events] | None] = [None]


def analyse(doc: bilatx.Document, mentions: bilatx.Mentions) -> Events:
    """Read ``doc`` for visits and meetings (the last answer is kept for the same objects)."""
    last = _last[0]
    if last is not None and last[0] is doc and last[1] is mentions:
        return last[2]
    events = _analyse(doc, mentions)
    _last[0] = (doc, mentions, events)
    return events


def _analyse(doc: bilatx.Document, mentions: bilatx.Mentions) -> Events:
    ctx = Context(doc, mentions)
    state = State(ctx)
    triggers = find_triggers(ctx)
    assign_dates(ctx, triggers)
    by_clause: dict[tuple[int, int], list[Trigger]] = {}
    for trigger in triggers:
        by_clause.setdefault(clause_key(ctx, trigger.span.start), []).append(trigger)
    for key in sorted(by_clause):
        siblings = by_clause[key]
        pieces: list[VisitPiece] = []
        for trigger in siblings:
            if trigger.is_visit:
                pieces.extend(_visits.read_visit(state, trigger, siblings, pieces))
        _visits.settle_pending(state, pieces)
        for trigger in siblings:
            if trigger.is_meeting:
                _meetings.read_meeting(state, trigger, siblings, pieces)
            if trigger.kind in {"meet", "talks", "call"}:
                state.event_triggers.append(trigger)
        for trigger in siblings:
            if trigger.kind == "led":
                _meetings.read_leaders(state, trigger, siblings)
        _visit_meetings(state, pieces)
    _meetings.finish_delegations(state)
    _meetings.inherit_context(state)
    _visits.imply_visits(state)
    visits = _visits.finish_visits(state)
    placed = _meetings.inherit_from_visits(state, visits)
    if _visits.imply_visits(state, placed):
        # A counterpart met during the visit came there too ("On the
        # sidelines, she met her Japanese counterpart"): read the visits again.
        visits = _visits.finish_visits(state)
    meetings = _meetings.finish_meetings(state)
    return Events(tuple(visits), tuple(meetings))


def _visit_meetings(state: State, pieces: list[VisitPiece]) -> None:
    """A visit to a person ("will visit Treasury Secretary Baker") is also a meeting."""
    ctx = state.ctx
    for piece in pieces:
        if piece.visited is None or piece.visitor is None:
            continue
        trigger = piece.trigger
        state.meetings.append(
            MeetingDraft(
                participants=[piece.visitor, piece.visited],
                trigger=trigger,
                form=bilatx.MeetingForm.IN_PERSON,
                date=piece.starts[0] if piece.starts and piece.single_day else None,
                dated=bool(trigger.dates),
                future=piece.status is bilatx.VisitStatus.ANNOUNCED,
                paragraph=ctx.paragraph_index(trigger.span.start),
                evidence=list(piece.evidence),
            )
        )
