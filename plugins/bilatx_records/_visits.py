"""Visit records: who travels where, when, and how far the trip has got.

A visit is read from a trigger ("visit", "trip", "will travel to", "arrived
in", "while in", "returning from", "hosted X") and the words around it:

* the visitor: a possessive ("Jaishankar's visit", "his trip"), an agent
  ("the visit by Dr. Jaishankar", "the visit of ..."), the subject of the
  clause ("Blinken and Austin visited"), or the person invited when the
  invitation was accepted;
* the destination: a country, a city (its country from :mod:`bilatx.geo`),
  "here" in a datelined story, a person visited ("will visit Treasury
  Secretary Baker"), "the country" (the last foreign country named), or the
  country of the person the trip is "to meet";
* dates and durations, solved together ("a five-day visit from December 25"
  ends on December 29, inclusive), with a conflict flag when the text
  disagrees with itself;
* the status, from tense and wording.

Several triggers usually tell of one trip; their pieces are merged per
visitor and host. Meetings abroad imply visits too ("met in Jeddah with the
King"), and :func:`imply_visits` adds those.
"""

from __future__ import annotations

import datetime as dt
import itertools
from typing import TYPE_CHECKING, Final

import regex

import bilatx
from bilatx_records._common import (
    Ref,
    chain_forward,
    fronted_subjects,
    governing_word,
    is_noun_use,
    is_supported,
    linked_range,
    person_key,
    possessor_before,
    subjects_before,
    verb_ready,
    visit_status,
)
from bilatx_records._model import VisitPiece, attributive, hosted_visit

if TYPE_CHECKING:
    from bilatx_records._common import Context, Place
    from bilatx_records._model import MeetingDraft, State, Trigger

__all__ = ["build_visits", "finish_visits", "imply_visits", "read_visit", "settle_pending"]

EXTRACTOR: Final = "records"
_MAX_WINDOW: Final = 90

_NEW_CLAUSE_RE: Final = regex.compile(r"[;:]|,\s+(?:and|but|while|as)\s")
_TO_GAP_RE: Final = regex.compile(r"\s+to\s+")
_OF_NAME_GAP_RE: Final = regex.compile(r"\s+of\s+(?:[\p{Lu}][\p{L}.'\u2019-]*\s+|the\s+){0,6}")
_TITLE_GAP_RE: Final = regex.compile(
    r"\s+(?:[\p{Lu}][\p{L}.'\u2019-]*\s+|(?:of|the|for|and)\s+){0,8}"
)
_INVITATION_RE: Final = regex.compile(r"invitation\s+to\s*$", regex.IGNORECASE)
_ACCEPTED_RE: Final = regex.compile(r"(?<![\w])(?:accept\w*|welcom\w*|agreed)(?![\w])", regex.I)
_BY_RE: Final = regex.compile(r"(?<![\w])by(?![\w])")
_OF_RE: Final = regex.compile(r"\s+of\s+")
_THE_COUNTRY_RE: Final = regex.compile(
    r"(?<![\w])the\s+(?:[\p{L}-]+\s+){0,2}?country(?![\w'\u2019])", regex.IGNORECASE
)
_TO_MEET_RE: Final = regex.compile(r"(?<![\w])to\s+meet(?:\s+with)?\s", regex.IGNORECASE)
_END_MARK_RE: Final = regex.compile(
    r"(?:\bat\s+the\s+end\s+of|\bconclud\w*|\bwrapp\w*\s+up|\bend(?:ed|ing|s)?)\s+"
    r"(?:[\w'\u2019-]+\s+){0,4}$",
    regex.IGNORECASE,
)
_UNTIL_RE: Final = regex.compile(
    r"(?:until|till|through|to|and|end(?:ed|s|ing)?(?:\s+on)?|conclud(?:ed|es|ing)(?:\s+on)?)\s*$",
    regex.IGNORECASE,
)
_DESTINATION_LIST_RE: Final = regex.compile(r"\A\s*(?:[,;]\s*(?:and\s+)?|and\s+)\s*\Z")
_DURATION_BEFORE_RE: Final = regex.compile(
    r"(?:\s+(?:state|official|working|diplomatic|maiden|first|second|foreign|overseas|long|"
    r"private|bilateral|regional|ongoing|current|planned|[\w]+-(?:nation|country|city|leg)"
    r")){0,3}\s*",
    regex.IGNORECASE,
)
_DURATION_AFTER_RE: Final = regex.compile(
    r"\s+(?:(?:to|in)\s+[\p{L}.' -]{1,40}?\s+)?(?:of|for|lasting)\s+(?:about\s+|nearly\s+)?",
    regex.IGNORECASE,
)
_DEFINITE_RE: Final = regex.compile(
    r"(?<![\w])(?:the|this|that)\s+(?:[^\s,.;:]+\s+){0,2}$", regex.IGNORECASE
)
_NOUN_FORMS: Final = frozenset(
    {"visit", "visits", "trip", "trips", "tour", "tours", "stop-over", "stopover", "stop-overs"}
    | {"stopovers", "journey", "flight", "arrival", "stay"}
)
_ONE_DAY_VERBS: Final = frozenset({"visited", "toured"})
_MET_BY: Final = frozenset({"met", "meet", "meets", "with", "on"})
_VISITING_GAP_RE: Final = regex.compile(
    r"\s+(?:[\p{Lu}][\p{L}.'\u2019-]*\s+|(?:of|the|for|and)\s+"
    r"|(?:foreign|finance|trade|defen[cs]e|prime|deputy|vice|chief)\s+"
    r"|(?:ministers?|presidents?|premiers?|secretar(?:y|ies)|envoys?|chancellors?"
    r"|ambassadors?|counterparts?|officials?)\s+){0,8}"
    r"|\s+(?:[\p{L}-]+\s+){0,3}(?:delegation|team|mission)\s+(?:led|headed)\s+by\s+"
    r"(?:[\p{Lu}][\p{L}.'\u2019-]*\s+|(?:of|the|for|and)\s+){0,8}"
)


# ------------------------------------------------------------------- reading


def read_visit(
    state: State, trigger: Trigger, siblings: list[Trigger], current: list[VisitPiece]
) -> list[VisitPiece]:
    """Read the visit a trigger tells of; return its pieces.

    ``current`` holds the pieces already read from the same sentence; a
    return home ends the latest of them.
    """
    ctx = state.ctx
    sentence = ctx.around(trigger.span)
    window_end = _window_end(trigger, siblings, sentence)
    if trigger.kind == "host":
        return _read_hosting(
            state, trigger, sentence, window_end, hosted_visit(ctx, trigger, siblings)
        )
    guest = _visiting_guest(ctx, trigger, sentence)
    if guest is not None:
        return _read_visiting(state, trigger, sentence, window_end, guest)

    visitors, gap_start, possessive = _visitors(state, trigger, sentence, window_end, current)
    if visitors is None:
        return []
    destinations, visited = _destinations(
        state, trigger, sentence, window_end, visitors, gap_start=gap_start
    )
    if possessive is not None and possessive.how == "pronoun" and destinations:
        visitors = _traveller(state, sentence, possessive, visitors, destinations)
    status = visit_status(ctx.text, sentence, trigger.span)
    starts, ends, single = _dates(ctx, trigger, sentence, status)
    if trigger.kind == "presence":
        # A day someone was seen there says nothing of when the trip began or ended.
        starts, ends, single = [], [], False
    lengths = _durations(ctx, trigger, sentence, window_end)
    days = [d.days for d in lengths]
    # The duration's span is evidence: bilatx.merge reads it to end a trip another
    # article dates.
    evidence = [trigger.span, *(d.span for d in trigger.dates), *(d.span for d in lengths)]
    sectors = ctx.sectors_in(sentence.start, sentence.end)
    pieces: list[VisitPiece] = []
    acting: list[Ref | None] = list(visitors) or [None]
    hosts: list[str | None] = list(destinations) or [None]
    for ref in acting:
        person = ref.person if ref is not None else None
        if person is not None:
            state.topic = person
        for leg, host in enumerate(hosts):
            leg_starts, leg_ends, leg_days = starts, ends, days
            if len(hosts) > 1:
                # A tour of several countries: its start is the first leg's, its
                # end the last's, and its length is none of the legs'.
                leg_starts = starts if leg == 0 else []
                leg_ends = ends if leg == len(hosts) - 1 else []
                leg_days = []
            origin = state.origin_of(person) if person is not None else None
            if trigger.kind == "return" and host is not None and host == origin:
                _homecoming(state, current + pieces, person, trigger, leg_starts + leg_ends)
                continue
            if host is not None and host == origin:
                continue
            piece = VisitPiece(
                visitor=person,
                host=host,
                origin=origin,
                trigger=trigger,
                places=_cities(ctx, _place_range(trigger, siblings, sentence, window_end), host),
                starts=list(leg_starts),
                ends=list(leg_ends),
                days=list(leg_days),
                status=status,
                single_day=single,
                evidence=[*evidence, *([ref.span] if ref is not None else [])],
                sectors=list(sectors),
                visited=visited,
            )
            if possessive is not None:
                piece.evidence.append(possessive.span)
                piece.owned = True
            pieces.append(piece)
    return pieces


def _visiting_guest(ctx: Context, trigger: Trigger, sentence: bilatx.Span) -> Ref | None:
    """Return X in "the visiting Indonesian Finance Minister X" (an adjective, not a verb)."""
    if not attributive(ctx.text, trigger, sentence.start):
        return None
    for ref in ctx.refs_in(trigger.span.end, min(sentence.end, trigger.span.end + 120)):
        if ref.how == "pronoun":
            return None
        gap = ctx.text[trigger.span.end : ref.span.start]
        if _VISITING_GAP_RE.fullmatch(gap) and not any(
            p.kind in {"country", "city"} for p in ctx.places_in(trigger.span.end, ref.span.start)
        ):
            return ref
        return None
    return None


def _read_visiting(
    state: State, trigger: Trigger, sentence: bilatx.Span, window_end: int, guest: Ref
) -> list[VisitPiece]:
    """Read "the visiting minister X" (or "visiting ministers X and Y"): abroad now.

    The destination is a place the sentence names after the guest ("told
    reporters in Tokyo"), else the dateline's country (see
    :func:`settle_pending`). The sentence's dates are when X spoke, not when
    the trip began, so none is taken.
    """
    ctx = state.ctx
    listed = ctx.refs_in(guest.span.start, sentence.end)
    guests = [r for r in chain_forward(ctx, listed, guest, sentence.end) if r.how != "pronoun"]
    last = guests[-1]
    origin = state.origin_of(guest.person)
    host: str | None = None
    for place in ctx.places_in(last.span.end, sentence.end):
        word = governing_word(ctx.text, place.span.start, sentence.start)
        if place.is_destination and place.country != origin and word in {"in", "at", "to"}:
            host = place.country
            break
    if host is None:
        # "Kishida met the visiting minister", "the visiting minister met
        # Kishida": the guest is in the host's country.
        met = [
            r
            for r in ctx.refs_in(last.span.end, sentence.end)
            if governing_word(ctx.text, r.span.start, sentence.start) in _MET_BY
        ]
        for ref in [*subjects_before(ctx, sentence, trigger.span.start), *met]:
            home = state.origin_of(ref.person)
            if home is not None and home != origin:
                host = home
                break
    status = visit_status(ctx.text, sentence, trigger.span)
    if status not in {bilatx.VisitStatus.CANCELLED, bilatx.VisitStatus.POSTPONED}:
        status = bilatx.VisitStatus.ONGOING
    return [
        VisitPiece(
            visitor=ref.person,
            host=host,
            origin=state.origin_of(ref.person),
            trigger=trigger,
            places=_cities(ctx, bilatx.Span(trigger.span.start, window_end), host),
            status=status,
            evidence=[trigger.span, ref.span],
            sectors=ctx.sectors_in(sentence.start, sentence.end),
        )
        for ref in guests
        if host is None or state.origin_of(ref.person) != host
    ]


def _traveller(
    state: State, sentence: bilatx.Span, pronoun: Ref, visitors: list[Ref], hosts: list[str]
) -> list[Ref]:
    """Correct "his"/"her" when it points to someone at home in the destination.

    In "Voss held talks with Berg during her visit to Oslo" the nearest name
    is Berg's, but Berg is Norwegian: the visit is the subject's.
    """
    if not all(state.origin_of(r.person) in hosts for r in visitors):
        return visitors
    for ref in subjects_before(state.ctx, sentence, pronoun.span.start):
        origin = state.origin_of(ref.person)
        if origin is not None and origin not in hosts:
            return [Ref(pronoun.span, ref.person, "pronoun", pronoun.word)]
    return visitors


def _durations(
    ctx: Context, trigger: Trigger, sentence: bilatx.Span, window_end: int
) -> list[bilatx.DurationMention]:
    """Return the lengths that qualify the trigger: "five-day visit", "visit for three days"."""
    out = []
    for mention in ctx.durations_in(max(sentence.start, trigger.span.start - 40), window_end):
        if mention.span.end <= trigger.span.start:
            between = ctx.text[mention.span.end : trigger.span.start]
            if _DURATION_BEFORE_RE.fullmatch(between):
                out.append(mention)
        elif mention.span.start >= trigger.span.end:
            between = ctx.text[trigger.span.end : mention.span.start]
            if _DURATION_AFTER_RE.fullmatch(between):
                out.append(mention)
    return out


def _window_end(trigger: Trigger, siblings: list[Trigger], sentence: bilatx.Span) -> int:
    following = [
        t.span.start
        for t in siblings
        if t.span.start >= trigger.span.end and t.kind != "led" and t is not trigger
    ]
    return min([sentence.end, trigger.span.end + _MAX_WINDOW, *following])


def _visitors(
    state: State,
    trigger: Trigger,
    sentence: bilatx.Span,
    window_end: int,
    current: list[VisitPiece],
) -> tuple[list[Ref] | None, int, Ref | None]:
    """Return the visitors (``[]`` for "unknown, maybe coreferent"; ``None`` to skip)."""
    ctx = state.ctx
    text = ctx.text
    before = text[sentence.start : trigger.span.start]
    # Invitations: a visit only when the invitation is accepted.
    if _INVITATION_RE.search(before):
        if not _ACCEPTED_RE.search(text, sentence.start, trigger.span.start):
            return None, trigger.span.start, None
        owner, _ = possessor_before(ctx, sentence, trigger.span.start - len("invitation to "))
        for ref in subjects_before(ctx, sentence, trigger.span.start):
            if owner is None or person_key(ref.person) != person_key(owner.person):
                return [ref], trigger.span.start, None
        return None, trigger.span.start, None
    invited = _invited_person(ctx, sentence, trigger)
    if invited is not None:
        nxt = (
            ctx.sentences[trigger.sentence + 1]
            if trigger.sentence + 1 < len(ctx.sentences)
            else None
        )
        stop = nxt.end if nxt is not None else sentence.end
        if _ACCEPTED_RE.search(text, trigger.span.end, stop):
            return [invited], trigger.span.start, None
        return None, trigger.span.start, None

    owner, gap_start = possessor_before(ctx, sentence, trigger.span.start)
    if owner is not None:
        return [owner], gap_start, owner
    if trigger.kind == "presence":
        # "Berg's stand in Washington", "a speech in Tokyo by Voss": being there
        # is a visit only for the one whose presence it is.
        agent = _agent_after(ctx, trigger, sentence, window_end)
        return ([agent], trigger.span.start, None) if agent is not None else (None, 0, None)
    noun = is_noun_use(text, trigger.span.start, sentence.start, trigger.word)
    if noun:
        agent = _agent_after(ctx, trigger, sentence, window_end)
        if agent is not None:
            return [agent], trigger.span.start, None
    subjects: list[Ref] = []
    if trigger.kind in {"while", "isin"} or (
        is_supported(text, trigger.span.start, sentence.start)
        if noun
        else verb_ready(
            text,
            trigger.span.start,
            sentence.start,
            ctx.refs_in(sentence.start, trigger.span.start),
        )
    ):
        subjects = subjects_before(ctx, sentence, trigger.span.start)
    if not subjects:
        subjects = fronted_subjects(ctx, sentence, trigger.span)
    if not subjects:
        subjects = _same_clause(ctx, trigger, current)
    if not subjects and not (
        noun and _DEFINITE_RE.search(text, sentence.start, trigger.span.start)
    ):
        # Only "the visit" / "this trip" can stand for a trip told elsewhere.
        return None, trigger.span.start, None
    return subjects, trigger.span.start, None


def _same_clause(ctx: Context, trigger: Trigger, current: list[VisitPiece]) -> list[Ref]:
    """Return the traveller of the clause's previous trigger ("arrived on Monday for a visit").

    Holds when no other official is named between the two triggers.
    """
    earlier = [
        p for p in current if p.visitor is not None and p.trigger.span.end <= trigger.span.start
    ]
    if not earlier:
        return []
    last = earlier[-1]
    between = ctx.text[last.trigger.span.end : trigger.span.start]
    named = [
        r for r in ctx.refs_in(last.trigger.span.end, trigger.span.start) if r.how != "pronoun"
    ]
    if named or last.visitor is None or _NEW_CLAUSE_RE.search(between):
        return []
    return [Ref(trigger.span, last.visitor, "clause")]


def _invited_person(ctx: Context, sentence: bilatx.Span, trigger: Trigger) -> Ref | None:
    for ref in reversed(ctx.refs_in(sentence.start, trigger.span.start)):
        between = ctx.text[ref.span.end : trigger.span.start]
        if _TO_GAP_RE.fullmatch(between) and governing_word(
            ctx.text, ref.span.start, sentence.start
        ) in {"invite", "invites", "invited", "inviting"}:
            return ref
        break
    return None


def _agent_after(
    ctx: Context, trigger: Trigger, sentence: bilatx.Span, window_end: int
) -> Ref | None:
    """Return X in "the visit by X" or "the visit of X"."""
    text = ctx.text
    if _OF_RE.match(text, trigger.span.end):
        refs = ctx.refs_in(trigger.span.end, min(sentence.end, trigger.span.end + 60))
        if refs and _OF_NAME_GAP_RE.fullmatch(text[trigger.span.end : refs[0].span.start]):
            return refs[0]
    match = _BY_RE.search(text, trigger.span.end, window_end)
    if match is not None:
        refs = ctx.refs_in(match.end(), min(sentence.end, match.end() + 120))
        refs = [r for r in refs if r.how != "pronoun" or r.word in {"he", "she"}]
        if refs:
            return refs[0]
    return None


def _destinations(
    state: State,
    trigger: Trigger,
    sentence: bilatx.Span,
    window_end: int,
    visitors: list[Ref],
    *,
    gap_start: int,
) -> tuple[list[str], bilatx.Official | None]:
    """Return the host countries a trigger names, and a person visited if any."""
    ctx = state.ctx
    text = ctx.text
    origins = {state.origin_of(r.person) for r in visitors}
    # "Modi's Ukraine visit": the place sits between the possessive and the noun.
    for place in ctx.places_in(gap_start, trigger.span.start):
        if place.is_destination:
            return [place.country], None  # type: ignore[list-item]
    places = [p for p in ctx.places_in(trigger.span.end, window_end) if p.is_destination]
    refs_after = ctx.refs_in(trigger.span.end, window_end)
    if trigger.kind == "visit" and not trigger.word.startswith(("trip", "tour", "stop", "jour")):
        person = _person_visited(ctx, trigger, refs_after, origins)
        if person is not None and (not places or places[0].span.start > refs_after[0].span.start):
            return ([person.country] if person.country else []), person
    if places:
        hosts = [places[0].country]
        for previous, place in itertools.pairwise(places):
            gap = text[previous.span.end : place.span.start]
            if (place.kind == "country" or place.is_city) and _DESTINATION_LIST_RE.match(gap):
                # "to Japan and Korea", "to Tokyo and Seoul", "to Tokyo, Japan and Seoul"
                hosts.append(place.country)
            elif place.country == previous.country and gap.strip() in {",", ""}:
                continue
            else:
                break
        return list(dict.fromkeys(h for h in hosts if h)), None
    match = _THE_COUNTRY_RE.search(text, trigger.span.end, window_end)
    if match is not None:
        host = _the_country(state, visitors, match.start(), origins)
        return ([host] if host else []), None
    meet = _TO_MEET_RE.search(text, trigger.span.end, sentence.end)
    if meet is not None:
        for ref in ctx.refs_in(meet.end(), sentence.end)[:1]:
            if ref.person.country and ref.person.country not in origins:
                return [ref.person.country], None
    return [], None


def _person_visited(
    ctx: Context, trigger: Trigger, refs_after: list[Ref], origins: set[str | None]
) -> bilatx.Official | None:
    if not refs_after:
        return None
    ref = refs_after[0]
    gap = ctx.text[trigger.span.end : ref.span.start]
    if not _TITLE_GAP_RE.fullmatch(gap):
        return None
    if ref.person.country is None or ref.person.country in origins:
        return None
    return ref.person


def _the_country(
    state: State, visitors: list[Ref], offset: int, origins: set[str | None]
) -> str | None:
    """Read "the country": the visitor's last destination, else the last foreign country."""
    keys = {person_key(r.person) for r in visitors}
    for piece in reversed(state.pieces):
        if piece.visitor is not None and person_key(piece.visitor) in keys and piece.host:
            return piece.host
    return state.ctx.country_before(offset, exclude=origins)


def _dates(
    ctx: Context, trigger: Trigger, sentence: bilatx.Span, status: bilatx.VisitStatus | None
) -> tuple[list[bilatx.DateValue], list[bilatx.DateValue], bool]:
    """Return the start and end dates a trigger gives, and whether it is a one-day visit."""
    starts: list[bilatx.DateValue] = []
    ends: list[bilatx.DateValue] = []
    days: list[tuple[bilatx.DateValue, bilatx.DateMention]] = []
    for mention in trigger.dates:
        value = mention.value
        if isinstance(value, bilatx.DateInterval):
            starts.append(value.start)
            ends.append(value.end)
        elif isinstance(value, bilatx.DateValue) and (
            value.granularity is not bilatx.Granularity.YEAR or _in_year(ctx, trigger, mention)
        ):
            days.append((value, mention))
    text = ctx.text
    end_marked = _END_MARK_RE.search(text, sentence.start, trigger.span.start) is not None
    if not starts and not days and end_marked and ctx.dateline and ctx.dateline.date:
        # "said at the end of a brief visit here": the visit ends when the story is filed.
        value = ctx.dateline.date.value
        if isinstance(value, bilatx.DateValue):
            return [], [value], False
    if starts:
        return starts, ends, False
    linked = linked_range(text, [m for _, m in days])
    if linked is not None:  # "June 29 and 30", "from May 3 to May 5"
        return [linked[0]], [linked[1]], False
    if days:
        value, mention = min(days, key=lambda d: _gap(d[1].span, trigger.span))
        before = text[max(sentence.start, mention.span.start - 20) : mention.span.start]
        if end_marked or (_UNTIL_RE.search(before) and mention.span.start > trigger.span.end):
            return [], [value], False
        single = (
            trigger.word in _ONE_DAY_VERBS
            and status is bilatx.VisitStatus.COMPLETED
            and value.granularity is bilatx.Granularity.DAY
        )
        return [value], [], single
    return [], [], False


def _in_year(ctx: Context, trigger: Trigger, mention: bilatx.DateMention) -> bool:
    """Whether a bare year dates the trip itself: "his visit in 2017", "visited Oslo in 1986".

    A year elsewhere in the clause more often dates something else ("the 2019
    accord"), so only "in <year>" right after the trigger (or its destination) counts.
    """
    if mention.span.start < trigger.span.end:
        return False
    between = ctx.text[trigger.span.end : mention.span.start]
    return _YEAR_AFTER_RE.fullmatch(between) is not None


_YEAR_AFTER_RE: Final = regex.compile(
    r"(?:\s+(?:to|of)\s+(?:the\s+)?\p{Lu}[\p{L}.-]*(?:\s+\p{Lu}[\p{L}.-]*){0,2})?"
    r"(?:\s+\p{Lu}[\p{L}.-]*(?:\s+\p{Lu}[\p{L}.-]*){0,2})?\s+in\s+"
)


def _place_range(
    trigger: Trigger, siblings: list[Trigger], sentence: bilatx.Span, window_end: int
) -> bilatx.Span:
    """Return the stretch whose cities belong to a trigger (previous trigger to window end)."""
    start = max(
        [sentence.start, *(t.span.end for t in siblings if t.span.end <= trigger.span.start)]
    )
    return bilatx.Span(start, max(start, window_end))


def _gap(a: bilatx.Span, b: bilatx.Span) -> int:
    return max(0, b.start - a.end, a.start - b.end)


def _cities(ctx: Context, where: bilatx.Span, host: str | None) -> list[str]:
    if host is None:
        return []
    return list(
        dict.fromkeys(
            _place_name(p)
            for p in ctx.places_in(where.start, where.end)
            if p.is_city and p.country == host
        )
    )


def _place_name(place: Place) -> str:
    return place.name


def _homecoming(
    state: State,
    current: list[VisitPiece],
    person: bilatx.Official | None,
    trigger: Trigger,
    dates: list[bilatx.DateValue],
) -> None:
    """A return home ends the visitor's latest trip: its date is that trip's end."""
    if person is None:
        return
    key = person_key(person)
    for piece in [*reversed(current), *reversed(state.pieces)]:
        if piece.visitor is not None and person_key(piece.visitor) == key:
            if dates and not piece.ends:
                piece.ends.append(max(dates))
            piece.evidence.append(trigger.span)
            return


def _read_hosting(
    state: State,
    trigger: Trigger,
    sentence: bilatx.Span,
    window_end: int,
    visit: Trigger | None,
) -> list[VisitPiece]:
    """Read "X hosted Y" / "X welcomed Y to Z": Y visits X's country (or Z).

    ``visit`` is the visit the hosting is for ("for an official visit on
    Friday"): its dates and places are the guest's trip's.
    """
    ctx = state.ctx
    if visit is not None:
        window_end = max(window_end, _window_end(visit, [visit], sentence))
    guest = _guest(ctx, trigger, window_end)
    if guest is None:
        return []
    listed = ctx.refs_in(guest.span.start, sentence.end)
    guests = [r for r in chain_forward(ctx, listed, guest, sentence.end) if r.how != "pronoun"]
    hosts = subjects_before(ctx, sentence, trigger.span.start)
    places = [
        p for p in ctx.places_in(guest.span.end, window_end) if p.is_destination and p.is_city
    ]
    host_country = places[0].country if places else (hosts[0].person.country if hosts else None)
    if host_country is None:
        return []
    status = visit_status(ctx.text, sentence, trigger.span)
    starts, ends, _ = _dates(ctx, trigger, sentence, status)
    if visit is not None and not (starts or ends):
        starts, ends, _ = _dates(ctx, visit, sentence, status)
    dates = [*trigger.dates, *(visit.dates if visit is not None else ())]
    return [
        VisitPiece(
            visitor=ref.person,
            host=host_country,
            origin=state.origin_of(ref.person),
            trigger=trigger,
            places=_cities(ctx, bilatx.Span(trigger.span.start, window_end), host_country),
            starts=list(starts),
            ends=list(ends),
            status=status,
            evidence=[
                trigger.span,
                ref.span,
                *(d.span for d in dates),
                *([visit.span] if visit is not None else []),
            ],
            sectors=ctx.sectors_in(sentence.start, sentence.end),
        )
        for ref in guests
        if state.origin_of(ref.person) != host_country
    ]


def _guest(ctx: Context, trigger: Trigger, window_end: int) -> Ref | None:
    refs = ctx.refs_in(trigger.span.end, window_end)
    if not refs:
        return None
    ref = refs[0]
    gap = ctx.text[trigger.span.end : ref.span.start]
    if not _TITLE_GAP_RE.fullmatch(gap):
        return None
    tail = ctx.text[ref.span.end : ref.span.end + 2]
    if tail in {"'s", "\u2019s"} or (ref.how == "pronoun" and ref.word not in {"him", "her"}):
        return None
    return ref


# ------------------------------------------------------------------ settling


def settle_pending(state: State, pieces: list[VisitPiece]) -> None:
    """Keep the pieces of one sentence, resolving those without visitor or host.

    A piece without a host joins another piece of the same sentence for the
    same visitor ("arrived on Monday for a three-day visit to Russia"), else
    that visitor's latest trip ("during his visit"), else, in a datelined
    story, a trip to the dateline's country ("Chirac's visit this week").
    A piece without a visitor ("the visit", "this trip") joins the latest trip.
    """
    ctx = state.ctx
    complete = [p for p in pieces if p.visitor is not None and p.host is not None]
    for piece in pieces:
        if piece.visitor is not None and piece.host is not None:
            state.pieces.append(piece)
            continue
        target = _coreferent(state, piece, complete)
        if target is not None:
            _absorb(target, piece)
            continue
        if (
            piece.visitor is not None
            and ctx.dateline is not None
            and ctx.dateline.country is not None
            and ctx.dateline.country != piece.origin
            and (piece.trigger.word in _NOUN_FORMS or piece.trigger.word == "visiting")
        ):
            piece.host = ctx.dateline.country
            state.pieces.append(piece)
        elif piece.visitor is not None:
            state.unplaced.append(piece)


def _coreferent(
    state: State, piece: VisitPiece, same_sentence: list[VisitPiece]
) -> VisitPiece | None:
    if piece.visitor is None:
        for earlier in reversed(same_sentence + state.pieces):
            if piece.host is None or earlier.host == piece.host:
                return earlier
        return None
    key = person_key(piece.visitor)
    mine = [p for p in same_sentence if p.visitor is not None and person_key(p.visitor) == key]
    if mine:
        after = [p for p in mine if p.trigger.span.start > piece.trigger.span.start]
        return after[0] if after else mine[-1]
    for earlier in reversed(state.pieces):
        if earlier.visitor is not None and person_key(earlier.visitor) == key:
            return earlier
    return None


def _absorb(target: VisitPiece, piece: VisitPiece) -> None:
    target.evidence.extend(piece.evidence)
    target.starts.extend(piece.starts)
    target.ends.extend(piece.ends)
    target.days.extend(piece.days)
    target.single_day = target.single_day or piece.single_day
    target.sectors.extend(piece.sectors)
    if piece.status is not None and target.status is None:
        target.status = piece.status
    elif piece.status is not None and target.status is not None:
        target.status = _stronger(target.status, piece.status)


_STATUS_RANK: Final = {
    bilatx.VisitStatus.ANNOUNCED: 0,
    bilatx.VisitStatus.COMPLETED: 1,
    bilatx.VisitStatus.ONGOING: 2,
    bilatx.VisitStatus.POSTPONED: 3,
    bilatx.VisitStatus.CANCELLED: 4,
}


def _stronger(a: bilatx.VisitStatus, b: bilatx.VisitStatus) -> bilatx.VisitStatus:
    return a if _STATUS_RANK[a] >= _STATUS_RANK[b] else b


# ------------------------------------------------------------ implied visits


def imply_visits(state: State, meetings: list[MeetingDraft] | None = None) -> bool:
    """Add the visits that meetings abroad imply; return whether any was added.

    An in-person meeting in a city of one country tells that each participant
    from another country travelled there; so does one official's "talks in
    Washington". Their dates come only from an event spanning several days
    ("talks on June 29 and 30"): one meeting day says nothing of how long the
    trip was. ``meetings`` limits the reading to those meetings (and skips
    the solo talks), for meetings placed after the visits were read.
    """
    before = len(state.pieces)
    for meeting in state.meetings if meetings is None else meetings:
        if meeting.form is not bilatx.MeetingForm.IN_PERSON or meeting.place_country is None:
            continue
        start = end = None
        if isinstance(meeting.date, bilatx.DateInterval):
            start, end = meeting.date.start, meeting.date.end
        for person in meeting.participants:
            origin = state.origin_of(person)
            if origin is None or origin == meeting.place_country:
                continue
            state.pieces.append(
                VisitPiece(
                    visitor=person,
                    host=meeting.place_country,
                    origin=origin,
                    trigger=meeting.trigger,
                    places=[meeting.place] if meeting.place else [],
                    starts=[start] if start else [],
                    ends=[end] if end else [],
                    status=(
                        bilatx.VisitStatus.ANNOUNCED
                        if meeting.future
                        else bilatx.VisitStatus.COMPLETED
                    ),
                    implied=True,
                    evidence=list(meeting.evidence),
                )
            )
    for solo in state.solos if meetings is None else ():
        origin = solo.origin or state.origin_of(solo.person)
        if origin is None or origin == solo.place_country:
            continue
        state.pieces.append(
            VisitPiece(
                visitor=solo.person,
                host=solo.place_country,
                origin=origin,
                trigger=solo.trigger,
                places=[solo.place] if solo.place else [],
                starts=[solo.start] if solo.start and solo.end else [],
                ends=[solo.end] if solo.start and solo.end else [],
                status=bilatx.VisitStatus.ANNOUNCED if solo.future else None,
                implied=True,
                evidence=list(solo.evidence),
            )
        )
    return len(state.pieces) > before


# ----------------------------------------------------------------- finishing


def finish_visits(state: State) -> list[bilatx.Visit]:
    """Merge the pieces per visitor and host into :class:`bilatx.Visit` records."""
    waiting = []
    for piece in state.unplaced:
        # "his ongoing visit to the country" before any destination is named:
        # it is the visitor's trip when the text gives them only one.
        key = person_key(piece.visitor) if piece.visitor is not None else ""
        hosts = {p.host for p in state.pieces if p.visitor and person_key(p.visitor) == key}
        if len(hosts) == 1:
            piece.host = hosts.pop()
            state.pieces.append(piece)
        elif not hosts and (host := _partner(state, piece)) is not None:
            piece.host = host
            state.pieces.append(piece)
        else:
            waiting.append(piece)
    state.unplaced = waiting
    groups: dict[tuple[str, str], list[VisitPiece]] = {}
    for piece in state.pieces:
        if piece.visitor is None or piece.host is None:
            continue
        groups.setdefault((person_key(piece.visitor), piece.host), []).append(piece)
    visits = []
    for pieces in groups.values():
        visit = _merge_pieces(state, pieces)
        if visit is not None:
            visits.append(visit)
    visits.sort(key=lambda v: (v.evidence[0].start, v.evidence[0].end) if v.evidence else (0, 0))
    return visits


def _partner(state: State, piece: VisitPiece) -> str | None:
    """Return the country of "since Modi's visit in 2017" when no place is named.

    A story about two countries leaves the destination of an owned trip
    unsaid when it is the other one: the last foreign country named before
    the trip, in the same paragraph or the one before.
    """
    if not piece.owned or piece.origin is None or piece.trigger.word not in _NOUN_FORMS:
        return None
    ctx = state.ctx
    paragraph = ctx.paragraph_index(piece.trigger.span.start)
    earliest = ctx.paragraphs[max(0, paragraph - 1)].start if ctx.paragraphs else 0
    country = ctx.country_before(piece.trigger.span.start, exclude={piece.origin})
    if country is None:
        return None
    for place in reversed(ctx.places_in(earliest, piece.trigger.span.start)):
        if place.country == country and place.kind in {"country", "demonym", "city", "venue"}:
            return country
    return None


def _merge_pieces(state: State, pieces: list[VisitPiece]) -> bilatx.Visit | None:
    explicit = [p for p in pieces if not p.implied] or pieces
    first = min(pieces, key=lambda p: p.trigger.span.start)
    visitor = first.visitor
    origin = next((p.origin for p in pieces if p.origin), None)
    host = first.host
    if visitor is None or host is None or host == origin:
        return None
    starts = _distinct(
        [d for p in explicit for d in p.starts] + [d for p in pieces if p.implied for d in p.starts]
    )
    ends = _distinct(
        [d for p in explicit for d in p.ends] + [d for p in pieces if p.implied for d in p.ends]
    )
    days = list(dict.fromkeys(d for p in pieces for d in p.days))
    start, end, conflict = solve_dates(starts, ends, days)
    if start is not None and end is None and not days and any(p.single_day for p in pieces):
        end = start
    status = _status(pieces, start, end, state.ctx.doc.published)
    places = list(dict.fromkeys(c for p in pieces for c in p.places))
    sectors = list(dict.fromkeys(s for p in pieces for s in p.sectors))
    evidence = {s for p in pieces for s in p.evidence}
    return bilatx.Visit(
        visitor=visitor,
        origin=origin,
        host=host,
        start=start,
        end=end,
        places=tuple(places),
        status=status,
        sectors=tuple(sectors),
        date_conflict=conflict,
        evidence=tuple(sorted(evidence, key=lambda s: (s.start, s.end))),
        extractor=EXTRACTOR,
    )


def _distinct(values: list[bilatx.DateValue]) -> list[bilatx.DateValue]:
    return list(dict.fromkeys(values))


def solve_dates(
    starts: list[bilatx.DateValue], ends: list[bilatx.DateValue], days: list[int]
) -> tuple[bilatx.DateValue | None, bilatx.DateValue | None, bool]:
    """Solve a visit's start and end from the dates and durations the text gives.

    The end is inclusive: a five-day visit from December 25 ends on December
    29. A duration fills in the end from a day-precise start (or the start
    from an end). When the text gives values that cannot all hold (two start
    days, a duration that does not fit the dates), the first reading is kept
    and the conflict is reported.
    """
    conflict = False
    start = starts[0] if starts else None
    end = ends[0] if ends else None
    if len({(v.first_day(), v.last_day()) for v in starts}) > 1:
        conflict = _disjoint(starts)
    if len({(v.first_day(), v.last_day()) for v in ends}) > 1:
        conflict = conflict or _disjoint(ends)
    length = max(days[0], 1) if days else None
    if len({max(d, 1) for d in days}) > 1:
        conflict = True
    if start is not None and end is not None and end.last_day() < start.first_day():
        conflict = True
        end = None
    if length is not None:
        if start is not None and start.granularity is bilatx.Granularity.DAY:
            computed = bilatx.DateValue.from_date(start.first_day() + dt.timedelta(days=length - 1))
            if end is None:
                end = computed
            elif end.granularity is bilatx.Granularity.DAY and end != computed:
                conflict = True
        elif end is not None and end.granularity is bilatx.Granularity.DAY and start is None:
            start = bilatx.DateValue.from_date(end.first_day() - dt.timedelta(days=length - 1))
    return start, end, conflict


def _disjoint(values: list[bilatx.DateValue]) -> bool:
    """Whether some two of the values cannot denote the same day ("March" and "March 5" can)."""
    for i, a in enumerate(values):
        for b in values[i + 1 :]:
            if a.last_day() < b.first_day() or b.last_day() < a.first_day():
                return True
    return False


def _status(
    pieces: list[VisitPiece],
    start: bilatx.DateValue | None,
    end: bilatx.DateValue | None,
    published: dt.date | None,
) -> bilatx.VisitStatus | None:
    """The text's own words first; the dates against the publication day otherwise."""
    found: bilatx.VisitStatus | None = None
    for piece in sorted(pieces, key=lambda p: p.implied):
        if piece.status is None:
            continue
        if piece.implied and found is not None:
            continue
        found = piece.status if found is None else _stronger(found, piece.status)
    if (
        found is bilatx.VisitStatus.ONGOING
        and published is not None
        and start is not None
        and start.first_day() > published
    ):
        # "who arrives in Washington on April 29", written on April 20.
        return bilatx.VisitStatus.ANNOUNCED
    if (
        found is bilatx.VisitStatus.COMPLETED
        and published is not None
        and end is None
        and start is not None
        and start.granularity is bilatx.Granularity.DAY
        and 0 <= (published - start.first_day()).days <= 1
    ):
        # "left for Washington today": begun, not over.
        return bilatx.VisitStatus.ONGOING
    if found is not None or published is None:
        return found
    if end is not None and end.last_day() < published:
        return bilatx.VisitStatus.COMPLETED
    if start is not None and start.first_day() > published:
        return bilatx.VisitStatus.ANNOUNCED
    if start is not None and end is not None and start.first_day() <= published <= end.last_day():
        return bilatx.VisitStatus.ONGOING
    return None


# --------------------------------------------------------------------- entry


def build_visits(doc: bilatx.Document, mentions: bilatx.Mentions) -> list[bilatx.Visit]:
    """Return the Visit records of ``doc``."""
    from bilatx_records._events import analyse  # noqa: PLC0415  (analyse imports this module)

    return list(analyse(doc, mentions).visits)
