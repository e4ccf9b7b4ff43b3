"""Meeting records: who met, talked or spoke by phone with whom, when, where, how.

A meeting is read from a trigger ("met", "held talks with", "a meeting
with", "spoke by phone with", "a call between", "hosted", "the Baker-Chung
meeting") and the officials around it: the subject side (the clause's
subject, a possessive, "they" for the last meeting's participants, or the
story's protagonist for a bare "In a meeting with King Salman") and the
object side ("with X, Y and Z", "between A and B", "with the 10 premiers").
Delegation talks count as a meeting of their leaders ("delegations led by A
and B", "A led the Indian delegation and B the U.S. one").

A meeting takes its date from its own clause, else from an earlier meeting
of the same participants in the paragraph, else from the visit it happens
during when that visit lasts one day. Its place is the city named with it,
else the one city of the visit it happens during, else the dateline's city
for a lead sentence. Calls have no place.
"""

from __future__ import annotations

import itertools
from collections import Counter
from typing import TYPE_CHECKING, Final

import regex

import bilatx
from bilatx import geo
from bilatx_records._common import (
    ASIDE_MARK_RE,
    CLAUSE_MARK_RE,
    chain_forward,
    counterpart_phrase,
    counterpart_pronoun,
    fronted_subjects,
    governing_word,
    is_future,
    is_noun_use,
    is_supported,
    linked_range,
    person_key,
    possessor_before,
    reported_between,
    subjects_before,
    verb_ready,
)
from bilatx_records._model import Leader, MeetingDraft, Solo, hosted_visit

if TYPE_CHECKING:
    from bilatx_records._common import Context, Place, Ref
    from bilatx_records._model import State, Trigger, VisitPiece

__all__ = [
    "build_meetings",
    "finish_delegations",
    "finish_meetings",
    "inherit_context",
    "inherit_from_visits",
    "read_leaders",
    "read_meeting",
]

EXTRACTOR: Final = "records"
_OBJECT_REACH: Final = 170
_TRANSPARENT: Final = frozenset(
    {"counterpart", "counterparts", "his", "her", "their", "its", "today", "virtually"}
    | {"also", "separately", "jointly", "again", "visiting", "then", "newly", "elected"}
)
_VERB_GOVERNORS: Final = frozenset(
    {"met", "meet", "meets", "meeting", "hosted", "hosts", "host", "hosting", "received"}
    | {"receives", "receive", "receiving", "welcomed", "welcomes", "welcome", "welcoming"}
)
_PHONE_KINDS: Final = frozenset({"spoke", "call"})
_MET_WORDS: Final = frozenset({"met", "meets", "conferred", "confers"})
_COLON_RE: Final = regex.compile(r"[;:]")
_BY_AFTER_RE: Final = regex.compile(r"\s+by\s")
_VIDEO_RE: Final = regex.compile(r"(?<![\w])(?:video\w*|virtual\w*|online)(?![\w])", regex.I)
_BETWEEN_RE: Final = regex.compile(r"[^.;:]{0,60}?(?<![\w])between\s", regex.IGNORECASE)
_WITH_RE: Final = regex.compile(r"\W{0,3}(?:[\w'\u2019-]+\s+){0,4}?with(?![\w])", regex.I)
_PLURAL_TITLE_RE: Final = regex.compile(
    r"[^.;:]{0,40}?(?<![\w])with\s+(?:the\s+)?(?P<quals>(?:[\w'\u2019.-]+\s+){0,4}?)"
    r"(?P<noun>premiers|presidents|prime\s+ministers|chief\s+ministers|foreign\s+ministers"
    r"|ministers|governors|ambassadors|chancellors|secretaries|envoys|mayors)(?![\w])",
    regex.IGNORECASE,
)
_GROUP_NOUNS: Final = (
    r"leaders|sides|ministers|presidents|premiers|officials|delegations|secretaries"
    r"|counterparts|heads\s+of\s+(?:state|government)|envoys|diplomats"
)
"""Plural nouns for the people of the last meeting: "the two ministers", "both leaders"."""
_GROUP_RE: Final = regex.compile(
    r"(?:(?<![\w])(?:their|they|(?:the\s+two|both|the)\s+(?:[\w-]+\s+){0,2}?"
    rf"(?:{_GROUP_NOUNS}))(?:['\u2019]s?)?\s+(?:[\w-]+\s+){{0,3}})$",
    regex.IGNORECASE,
)
_TO_RE: Final = regex.compile(r"(?<![\w])to\s+$", regex.IGNORECASE)
_DELEGATION_BEFORE_RE: Final = regex.compile(
    r"(?P<noun>delegations?|sides?|teams?|mission)\W{0,3}(?:(?:was|were|is|are|being)\s+)?$",
    regex.IGNORECASE,
)
_DELEGATION_AFTER_RE: Final = regex.compile(
    r"\s+(?:the\s+|a\s+|an\s+|another\s+|its\s+|their\s+)?(?:[\w.'\u2019-]+\s+){0,4}?"
    r"(?:delegations?|side|team|mission)(?![\w])",
    regex.IGNORECASE,
)
_GROUP_OPENING_RE: Final = regex.compile(
    rf"(?:They|(?:The\s+two|Both|The)\s+(?:[\w-]+\s+){{0,2}}?(?:{_GROUP_NOUNS}))(?![\w])"
)
_EVENT_KINDS: Final = frozenset({"meet", "talks", "call"})
_CONDUCT_RE: Final = regex.compile(
    r"(?<![\w])(?:held|hold|holds|holding|had|have|has|having|conducted|conduct|opened|open"
    r"|opens|began|begin|begins|continue|continued|continues|resumed?|resumes|concluded|in"
    r"|into|attended|attend|attends|attending|led|chaired|co-chaired|launched|launch|launches"
    r"|kicked\s+off|kick\s+off|kicks\s+off|wrapped\s+up|completed|joined|join|joins)"
    r"\s+(?:[^\s,;:.]+\s+){0,3}$",
    regex.IGNORECASE,
)
_MODAL_RE: Final = regex.compile(
    r"(?<![\w])(?:to|will|would|could|should|may|might|shall|can|cannot|did|also|and|then"
    r"|first|later|not|\w+ly)\s+$",
    regex.IGNORECASE,
)
_BE_RE: Final = regex.compile(
    r"(?<![\w])(?:is|are|was|were|be|been|being|also)\s+$|['\u2019]re\s+$", regex.IGNORECASE
)
_AND_RE: Final = regex.compile(r",?\s+and\s+(?:then\s+|later\s+|also\s+)?$", regex.IGNORECASE)
_PLACE_WORDS: Final = frozenset({"in", "at", "near", "outside", "inside"})
_FRAMING_RE: Final = regex.compile(
    r"(?<![\w])(?:during|while|whilst|in\s+the\s+course\s+of|on\s+the\s+sidelines\s+of)"
    r"\s+(?:(?:his|her|their|the|this|a|an|its)\s+)?(?:[\w'\u2019-]+\s+){0,3}$",
    regex.IGNORECASE,
)
"""Words that set a meeting inside a visit: "during her visit", "while in Tokyo"."""
_STAY_RE: Final = regex.compile(
    r"(?<![\w])(?:while|whilst|when)\s+(?:in|visiting|there|here)(?![\w])"
    r"|(?<![\w])during\s+(?:his|her|their|the|this)\s+(?:[\w-]+\s+){0,2}?"
    r"(?:visit|trip|stay|tour|stopover|journey)(?![\w])",
    regex.IGNORECASE,
)
_THERE: Final = (
    # "met him there", not "there was": the place, not the existential.
    r"there(?![\w])(?!\s+(?:is|was|are|were|will|would|has|have|had|seems?|appears?|remains?"
    r"|could|can|may|might|must|should|being|been)(?![\w]))"
)
_ELSEWHERE_RE: Final = regex.compile(
    rf"(?<![\w])(?:on\s+the\s+sidelines(?!\s+of)(?![\w])|{_THERE})", regex.IGNORECASE
)
"""A meeting set where an earlier sentence was: "on the sidelines", "there"."""
_LOOKBACK_SENTENCES: Final = 2
_SIDELINES_RE: Final = regex.compile(
    rf"(?<![\w])(?:on\s+the\s+sidelines(?![\w])|{_THERE})", regex.IGNORECASE
)
_VISITING_RE: Final = regex.compile(r"(?<![\w])visiting(?![\w])", regex.IGNORECASE)
_WHOM_RE: Final = regex.compile(r",\s*(?:with\s+)?whom(?![\w])", regex.IGNORECASE)
_LED_GAP: Final = 80
"""Characters between a meeting word and the "led by" that names its leaders."""
_COUNTRY_LIST_GAP_RE: Final = regex.compile(r"\s*(?:,\s*(?:and\s+)?|and\s+)(?:the\s+)?", regex.I)


# ------------------------------------------------------------------- reading


def read_meeting(
    state: State, trigger: Trigger, siblings: list[Trigger], visits: list[VisitPiece]
) -> None:
    """Read the meeting a trigger tells of into ``state`` (a meeting or a solo trip)."""
    ctx = state.ctx
    text = ctx.text
    sentence = ctx.around(trigger.span)
    window_end = min(
        [
            sentence.end,
            *(
                t.span.start
                for t in siblings
                if t.span.start >= trigger.span.end and t.is_meeting and t is not trigger
            ),
        ]
    )
    conducted = _conducted(ctx, trigger, sentence)
    objects = _objects(ctx, trigger, sentence, window_end) or _relative_object(
        ctx, trigger, sentence
    )
    between = bool(_BETWEEN_RE.match(text, trigger.span.end, window_end)) and len(objects) >= 2  # noqa: PLR2004
    pair = _hyphen_pair(ctx, trigger, sentence)
    subjects = [] if between else _subjects(state, trigger, sentence, visits, pair)
    if subjects is None:
        return
    hosts_named = any(r.span.end <= trigger.span.start for r in subjects)
    if trigger.kind == "host" and not (objects and hosts_named):
        # "The President will welcome King A and Crown Prince B": the guests
        # do not meet each other; an unnamed host makes no meeting.
        return
    if trigger.kind == "sign" and not _signed_by_subject(ctx, trigger, sentence, objects):
        return
    plural = _plural_objects(ctx, trigger, window_end, subjects)
    people = _unique([r.person for r in (*subjects, *pair, *objects)] + plural)
    if subjects:
        state.topic = subjects[0].person
    place, place_country = _place(ctx, trigger, sentence)
    form = _form(ctx, trigger)
    future = is_future(text, max(sentence.start, trigger.span.start - 40), trigger.span.start)
    date, dated = _date(ctx, trigger, _dates_for(ctx, trigger, siblings), future=future)
    has_counterpart = bool(objects or pair or plural or between)
    if not has_counterpart:
        if not conducted:
            return
        if not _reciprocal(ctx, trigger, window_end, subjects):
            _solo(state, trigger, subjects, place, place_country, future=future)
            return
    if len(people) < 2:  # noqa: PLR2004
        return
    if trigger.kind == "sign" and len({state.origin_of(p) for p in people} - {None}) < 2:  # noqa: PLR2004
        # Signing together is meeting only across borders: two ministers of one
        # government countersigning a text need not have met anyone.
        return
    if form is not bilatx.MeetingForm.IN_PERSON:
        place = place_country = None
    elif place is None and ctx.is_lead(trigger.span.start) and ctx.dateline and not future:
        place, place_country = ctx.dateline.city, ctx.dateline.country
    groups: list[tuple[list[bilatx.Official], list[Ref]]] = [(people, [*subjects, *pair, *objects])]
    guests = place_country is not None and place_country == (
        state.origin_of(subjects[0].person) if subjects else None
    )
    places: dict[int, tuple[str | None, str | None]] = {}
    if not (pair or plural or between or guests) and trigger.kind != "host":
        hosts = _host_side(state, trigger, subjects, objects)
        tour = _tour_stops(state, subjects, objects) if not hosts and form is _IN_PERSON else {}
        if not hosts and _one_by_one(state, trigger, subjects, objects, future=future):
            hosts = objects
        if hosts:
            groups = [([subjects[0].person, ref.person], [subjects[0], ref]) for ref in hosts]
        elif tour:
            # "will travel to Accra, Dar es Salaam and Lusaka ... will meet the
            # Presidents of Ghana, Tanzania and Zambia": one meeting at each stop.
            groups = [([subjects[0].person, ref.person], [subjects[0], ref]) for ref in objects]
            for index, ref in enumerate(objects):
                places[index] = tour[state.origin_of(ref.person) or ""]
    topics = _topics(ctx, trigger)
    for index, (participants, refs) in enumerate(groups):
        here, here_country = places.get(index, (place, place_country))
        state.meetings.append(
            MeetingDraft(
                participants=participants,
                trigger=trigger,
                form=form,
                date=date,
                dated=dated,
                place=here,
                place_country=here_country,
                future=future,
                paragraph=ctx.paragraph_index(trigger.span.start),
                topics=list(topics),
                evidence=[trigger.span, *(r.span for r in refs)],
            )
        )


_IN_PERSON: Final = bilatx.MeetingForm.IN_PERSON


def _one_subject(subjects: list[Ref]) -> bool:
    """Whether the subject side is one person (however many times referred to)."""
    return len({person_key(r.person) for r in subjects}) == 1


_SEPARATE_RE: Final = regex.compile(
    r"(?<![\w])(?:bilateral\s+(?:meetings|talks)|bilaterals|separate(?:ly)?|individual\s+meetings"
    r"|one-on-one)(?![\w])",
    regex.IGNORECASE,
)
_TOGETHER_RE: Final = regex.compile(
    r"(?<![\w])(?:counterparts|trilateral|quadrilateral|multilateral|jointly|together|joint"
    r"|group|delegations?)(?![\w])",
    regex.IGNORECASE,
)


def _one_by_one(
    state: State, trigger: Trigger, subjects: list[Ref], objects: list[Ref], *, future: bool
) -> bool:
    """Whether one traveller's list of people met are meetings one by one.

    "will have bilateral meetings with A, B and C", or a schedule of three or
    more people of several countries or bodies ("will meet Secretary of State
    A, IMF Managing Director B and C, Chairman of the Federal Reserve"), unless
    the sentence makes them one group ("his counterparts", "trilateral"). A
    meeting told as done with several ("met A, B and C") stays one: at a
    summit it is as often a group.
    """
    if not _one_subject(subjects) or len(objects) < 2:  # noqa: PLR2004
        return False
    sentence = state.ctx.around(trigger.span)
    text = state.ctx.text
    if _SEPARATE_RE.search(text, sentence.start, sentence.end):
        return True
    if _TOGETHER_RE.search(text, sentence.start, sentence.end):
        return False
    countries = {state.origin_of(r.person) for r in objects}
    return future and len(objects) >= 3 and len(countries) >= 2  # noqa: PLR2004


def _tour_stops(
    state: State, subjects: list[Ref], objects: list[Ref]
) -> dict[str, tuple[str | None, str | None]]:
    """Return the stops of the subject's tour that the people met come from, or ``{}``.

    When one traveller's trip told so far goes to several countries and the
    people met are of those countries, one each, each is met at home: the
    result maps each country to its stop's city (``None`` when the trip names
    none there) and the country.
    """
    if not _one_subject(subjects) or len(objects) < 2:  # noqa: PLR2004
        return {}
    traveller = person_key(subjects[0].person)
    stops: dict[str, set[str]] = {}
    for piece in state.pieces:
        if piece.visitor is not None and person_key(piece.visitor) == traveller and piece.host:
            stops.setdefault(piece.host, set()).update(piece.places)
    countries = [state.origin_of(r.person) for r in objects]
    if len(stops) < 2 or None in countries or len(set(countries)) != len(countries):  # noqa: PLR2004
        return {}
    if not set(countries) <= set(stops):
        return {}
    return {
        code: (next(iter(stops[code])) if len(stops[code]) == 1 else None, code)
        for code in countries
        if code is not None
    }


def _host_side(
    state: State, trigger: Trigger, subjects: list[Ref], objects: list[Ref]
) -> list[Ref]:
    """Return the people one official met separately: several officials of one other country.

    "Voss met Prime Minister Berg and Foreign Minister Lund" tells of Voss's
    talks with each; it does not make Berg and Lund, colleagues, meet each
    other. Officials of several countries ("his counterparts A of Japan and B
    of Korea") or of the subject's own ("the 10 premiers") meet as a group,
    and so does a delegation of several ("Blinken and Austin met with ...")
    or of guests ("met visiting Secretaries A and B", or a meeting in the
    subject's own country: the caller decides that).
    Returns ``[]`` when the meeting is not of that shape.
    """
    if not _one_subject(subjects) or not objects:
        return []
    if _VISITING_RE.search(state.ctx.text, trigger.span.end, objects[0].span.start):
        return []
    people = {person_key(r.person): r for r in objects}
    people.pop(person_key(subjects[0].person), None)
    if len(people) < 2:  # noqa: PLR2004
        return []
    own = state.origin_of(subjects[0].person)
    theirs = {state.origin_of(r.person) for r in people.values()} - {None}
    if len(theirs) != 1 or own in theirs:
        return []
    return list(people.values())


def _conducted(ctx: Context, trigger: Trigger, sentence: bilatx.Span) -> bool:
    """Whether the clause's subject holds the meeting ("met", "held talks", "in talks").

    A meeting noun that is only mentioned ("welcomed the Summit", "a deal
    at the Geneva talks") does not make its subject a participant.
    """
    word = trigger.word
    before = (sentence.start, trigger.span.start)
    if word in _MET_WORDS or trigger.kind in {"spoke", "host", "callon", "sign"}:
        return True
    if word == "meet":
        refs = ctx.refs_in(max(sentence.start, trigger.span.start - 40), trigger.span.start)
        right_after_ref = (
            bool(refs) and not ctx.text[refs[-1].span.end : trigger.span.start].strip()
        )
        return right_after_ref or _MODAL_RE.search(ctx.text, *before) is not None
    if word == "meeting" and _BE_RE.search(ctx.text, *before):
        return True
    return _CONDUCT_RE.search(ctx.text, *before) is not None


def _dates_for(ctx: Context, trigger: Trigger, siblings: list[Trigger]) -> list[bilatx.DateMention]:
    """Return the trigger's own dates, else those it shares with another trigger of its sentence.

    * "during the summit here on July 27-28 also held separate talks with X":
      the talks share the summit's dates;
    * "a bilateral meeting on the sidelines of the G7 summit in Hiroshima on
      Saturday": a meeting noun only mentioned in passing cannot own the date;
    * "arrived in Tel Aviv on Wednesday and met X": a meeting joined by "and"
      to the arrival shares its day.
    """
    if trigger.dates:
        return list(trigger.dates)
    visit = hosted_visit(ctx, trigger, siblings)
    if visit is not None and visit.dates:
        # "will host X for an official visit on Friday"
        return list(visit.dates)
    sentence = ctx.around(trigger.span)
    for earlier in reversed(siblings):
        if earlier.span.end <= trigger.span.start and earlier.is_meeting and earlier.dates:
            return list(earlier.dates)
    for later in siblings:
        if (
            later.span.start >= trigger.span.end
            and later.is_meeting
            and later.dates
            and not CLAUSE_MARK_RE.search(ctx.text[trigger.span.end : later.span.start])
            and is_noun_use(ctx.text, later.span.start, sentence.start, later.word)
            and not is_supported(ctx.text, later.span.start, sentence.start)
        ):
            return list(later.dates)
    if _AND_RE.search(ctx.text, sentence.start, trigger.span.start):
        for earlier in reversed(siblings):
            if earlier.span.end <= trigger.span.start and earlier.is_visit:
                return [m for m in earlier.dates if not isinstance(m.value, bilatx.DateInterval)]
    for visit in siblings:
        # "will hold talks with X during her visit to Oslo on Monday"
        if (
            visit.is_visit
            and visit.dates
            and visit is not trigger
            and _FRAMING_RE.search(
                ctx.text, max(sentence.start, visit.span.start - 30), visit.span.start
            )
        ):
            return list(visit.dates)
    return []


def _unique(people: list[bilatx.Official]) -> list[bilatx.Official]:
    seen: dict[str, bilatx.Official] = {}
    for person in people:
        seen.setdefault(person_key(person), person)
    return list(seen.values())


def _objects(ctx: Context, trigger: Trigger, sentence: bilatx.Span, window_end: int) -> list[Ref]:
    """Return the people met: "with X, Y and Z", "met X", "spoke to X", "between A and B"."""
    end = min(window_end, trigger.span.end + _OBJECT_REACH)
    refs = ctx.refs_in(trigger.span.end, end)
    verb = not is_noun_use(ctx.text, trigger.span.start, sentence.start, trigger.word)
    allowed = {"with", "between"} | (_VERB_GOVERNORS if verb else set())
    if trigger.kind in _PHONE_KINDS:
        allowed.update({"to", "from"})  # "spoke to X", "a call from X"
    if trigger.kind == "callon":
        allowed.add("on")
    if trigger.kind == "sign" and _BY_AFTER_RE.match(ctx.text[trigger.span.end : end]):
        allowed.add("by")  # "the accord was signed by A and B"
    appositive: tuple[int, str] | None = None
    for ref in refs:
        if ref.how == "pronoun" and (
            ref.word not in {"him", "her"} or counterpart_pronoun(ctx, ref)
        ):
            if counterpart_pronoun(ctx, ref):
                # "with his counterpart, Julie Bishop,": the name after the comma is met.
                appositive = _counterpart_apposition(ctx, ref, sentence)
            continue  # "met her Japanese counterpart X": X is met
        word = governing_word(ctx.text, ref.span.start, sentence.start, transparent=_TRANSPARENT)
        if appositive is not None and _COMMA_GAP_RE.fullmatch(
            ctx.text, appositive[0], ref.span.start
        ):
            word = appositive[1]
        if word in allowed or (verb and word == trigger.word):
            listed = ctx.refs_in(ref.span.start, window_end)
            chain = chain_forward(ctx, listed, ref, window_end)
            return [r for r in chain if r.how != "pronoun" or r is ref]
        return []
    return []


_COMMA_GAP_RE: Final = regex.compile(r"\s*,\s*")


def _counterpart_apposition(
    ctx: Context, ref: Ref, sentence: bilatx.Span
) -> tuple[int, str] | None:
    """Return where "his counterpart" ends and the word that governs it (for ", Name,")."""
    match = counterpart_phrase(ctx, ref)
    if match is None:
        return None
    return match.end(), governing_word(ctx.text, ref.span.start, sentence.start)


def _signed_by_subject(
    ctx: Context, trigger: Trigger, sentence: bilatx.Span, objects: list[Ref]
) -> bool:
    """Whether the signers are named: "A and B signed", "signed by A and B".

    "an accord signed in Moscow with X" (a participle after a noun) says
    nothing about who signed.
    """
    if objects and _BY_AFTER_RE.match(ctx.text[trigger.span.end : trigger.span.end + 5]):
        return True
    return verb_ready(
        ctx.text,
        trigger.span.start,
        sentence.start,
        ctx.refs_in(sentence.start, trigger.span.start),
    )


def _relative_object(ctx: Context, trigger: Trigger, sentence: bilatx.Span) -> list[Ref]:
    """Return B in "B, whom A met" or "B, with whom A held talks"."""
    for match in _WHOM_RE.finditer(ctx.text, sentence.start, trigger.span.start):
        refs = ctx.refs_in(sentence.start, match.start() + 1)
        named = [r for r in refs if r.how != "pronoun"]
        between = ctx.text[match.end() : trigger.span.start]
        if (
            named
            and not ASIDE_MARK_RE.search(between)
            and len(between) < 60  # noqa: PLR2004
            and not ctx.text[named[-1].span.end : match.start()].strip()
        ):
            return [named[-1]]
    return []


def _hyphen_pair(ctx: Context, trigger: Trigger, sentence: bilatx.Span) -> list[Ref]:
    """Return A and B in "the A-B talks" or "shared by A-B during the meeting"."""
    refs = ctx.refs_in(max(sentence.start, trigger.span.start - 60), trigger.span.start)
    for first, second in itertools.pairwise(refs):
        if ctx.text[first.span.end : second.span.start] in {"-", "\u2013", "\u2014"} and (
            trigger.span.start - second.span.end <= 30  # noqa: PLR2004
        ):
            return [first, second]
    return []


def _subjects(
    state: State,
    trigger: Trigger,
    sentence: bilatx.Span,
    visits: list[VisitPiece],
    pair: list[Ref],
) -> list[Ref] | None:
    """Return who meets on the subject side (``None``: coreferent with the last meeting)."""
    ctx = state.ctx
    text = ctx.text
    if pair:
        return []
    # "... his first trip to Asia to meet with X": the traveller meets X.
    if _TO_RE.search(text, sentence.start, trigger.span.start):
        for piece in reversed(visits):
            if (
                piece.visitor is not None
                and piece.trigger.span.end <= trigger.span.start
                and not [
                    r
                    for r in ctx.refs_in(piece.trigger.span.end, trigger.span.start)
                    if r.how != "pronoun"
                ]
            ):
                ref = next(
                    (
                        r
                        for r in ctx.refs_in(sentence.start, trigger.span.start)
                        if person_key(r.person) == person_key(piece.visitor)
                    ),
                    None,
                )
                if ref is not None:
                    return [ref]
    owner, _ = possessor_before(ctx, sentence, trigger.span.start)
    if owner is not None:
        return [owner]
    subjects = subjects_before(ctx, sentence, trigger.span.start)
    if subjects:
        return subjects
    if _GROUP_RE.search(text, sentence.start, trigger.span.start) and state.meetings:
        last = state.meetings[-1]
        last.evidence.append(trigger.span)
        return None
    subjects = fronted_subjects(ctx, sentence, trigger.span)
    if subjects:
        return subjects
    if state.topic is not None and trigger.kind in {"meet", "talks", "call"}:
        return [_topic_ref(ctx, state.topic, trigger)]
    return []


def _topic_ref(ctx: Context, person: bilatx.Official, trigger: Trigger) -> Ref:
    """A reference standing for the story's protagonist, placed at the trigger."""
    from bilatx_records._common import Ref  # noqa: PLC0415  (runtime use of a typing import)

    del ctx
    return Ref(trigger.span, person, "topic")


def _plural_objects(
    ctx: Context, trigger: Trigger, window_end: int, subjects: list[Ref]
) -> list[bilatx.Official]:
    """Return the people "with the 10 premiers" stands for: every holder of that title."""
    match = _PLURAL_TITLE_RE.match(ctx.text, trigger.span.end, window_end)
    if match is None:
        return []
    noun = " ".join(match.group("noun").lower().split())
    singular = noun[:-3] + "y" if noun.endswith("ies") else noun.removesuffix("s")
    taken = {person_key(r.person) for r in subjects}
    # "with Iranian ministers" stands for Iran's ministers only.
    countries = {geo.country_code(word) for word in match.group("quals").split()} - {None}
    holder = regex.compile(rf"(?<![\w]){regex.escape(singular)}(?![\w])")
    out = []
    for person in ctx.people:
        title = " ".join((person.title or "").casefold().split())
        if person_key(person) in taken or not title:
            continue
        if countries and person.country not in countries:
            continue
        if holder.search(title):
            out.append(person)
    return out


def _reciprocal(ctx: Context, trigger: Trigger, window_end: int, subjects: list[Ref]) -> bool:
    """Whether "A and B met" / "A and B held talks" (no "with" after the trigger)."""
    if len({person_key(r.person) for r in subjects}) < 2:  # noqa: PLR2004
        return False
    return _WITH_RE.match(ctx.text, trigger.span.end, window_end) is None


_TOPIC_RE: Final = regex.compile(
    r"(?<![\w])(?:to\s+(?:discuss|review|address|explore|exchange|advance|strengthen|deepen)"
    r"|discuss(?:ed|es|ing)?|regarding|concerning|including|about|on\s+(?:the\s+)?(?:issues?"
    r"|situation|war|crisis|conflict))(?![\w])",
    regex.IGNORECASE,
)


def _place(ctx: Context, trigger: Trigger, sentence: bilatx.Span) -> tuple[str | None, str | None]:
    """Return the meeting's city (and country), named after the trigger or before it.

    Only a place governed by "in", "at" and the like counts: in "met Lula of
    Brazil" Brazil says who Lula is, not where they met.
    """

    def governed(place: Place) -> bool:
        if place.kind == "here":
            return True
        word = governing_word(ctx.text, place.span.start, sentence.start)
        return word in _PLACE_WORDS

    # "to discuss ... the war in Ukraine": places in what they talked about are
    # not where they met.
    topic = _TOPIC_RE.search(ctx.text, trigger.span.end, sentence.end)
    end = topic.start() if topic is not None else sentence.end
    after = [p for p in ctx.places_in(trigger.span.end, end) if p.is_destination and governed(p)]
    city = next((p for p in after if p.is_city), None)
    if city is None:
        # Only read when no city follows the trigger: most meetings name theirs after it.
        before = [
            p
            for p in ctx.places_in(sentence.start, trigger.span.start)
            if p.is_destination and governed(p)
        ]
        city = next((p for p in reversed(before) if p.is_city), None)
    if city is not None:
        return _name(city), city.country
    country = next((p for p in after if p.kind == "country"), None)
    if country is None and _ELSEWHERE_RE.search(ctx.text, sentence.start, sentence.end):
        return _earlier_city(ctx, trigger)
    return None, country.country if country is not None else None


def _earlier_city(ctx: Context, trigger: Trigger) -> tuple[str | None, str | None]:
    """Return the city "there" or a bare "on the sidelines" points back to.

    It is the last city a preceding sentence of the paragraph set something
    in ("gathered in Jakarta on Thursday. X met Y on the sidelines").
    """
    paragraph = ctx.paragraph_index(trigger.span.start)
    first = max(0, trigger.sentence - _LOOKBACK_SENTENCES)
    for index in range(trigger.sentence - 1, first - 1, -1):
        sentence = ctx.sentences[index]
        if ctx.paragraph_index(sentence.start) != paragraph:
            break
        for place in reversed(ctx.places_in(sentence.start, sentence.end)):
            word = governing_word(ctx.text, place.span.start, sentence.start)
            if place.is_city and place.is_destination and word in _PLACE_WORDS:
                return _name(place), place.country
    return None, None


def _name(place: Place) -> str:
    return place.name


def _form(ctx: Context, trigger: Trigger) -> bilatx.MeetingForm:
    around = ctx.text[max(0, trigger.span.start - 25) : trigger.span.end + 25]
    if _VIDEO_RE.search(around):
        return bilatx.MeetingForm.VIDEO
    if trigger.kind in _PHONE_KINDS:
        return bilatx.MeetingForm.PHONE
    return bilatx.MeetingForm.IN_PERSON


def _date(
    ctx: Context, trigger: Trigger, candidates: list[bilatx.DateMention], *, future: bool
) -> tuple[bilatx.DateValue | bilatx.DateInterval | None, bool]:
    """Return the meeting's date from its clause, and whether the clause gave one."""
    linked = linked_range(ctx.text, candidates)
    if linked is not None:  # "talks on June 29 and 30"
        return bilatx.DateInterval(*linked), True
    if candidates:
        nearest = min(candidates, key=lambda m: _distance(m.span, trigger.span))
        return nearest.value, True
    dateline = ctx.dateline
    sentence = ctx.around(trigger.span)
    if (
        dateline is not None
        and dateline.date is not None
        and not future
        and ctx.is_lead(trigger.span.start)
        and not reported_between(ctx.text, dateline.span.end, trigger.span.start)
        and (
            not is_noun_use(ctx.text, trigger.span.start, sentence.start, trigger.word)
            or is_supported(ctx.text, trigger.span.start, sentence.start)
        )
    ):
        # "WASHINGTON, March 31 - Chirac opened talks with Reagan": the lead's own day.
        return dateline.date.value, True
    return None, False


def _distance(a: bilatx.Span, b: bilatx.Span) -> int:
    return max(0, b.start - a.end, a.start - b.end)


def _topics(ctx: Context, trigger: Trigger) -> list[str]:
    """Return the sectors of the trigger's sentence and of the "They discussed" that follow."""
    sentence = ctx.around(trigger.span)
    topics = ctx.sectors_in(sentence.start, sentence.end)
    for following in ctx.sentences[trigger.sentence + 1 : trigger.sentence + 8]:
        if not _GROUP_OPENING_RE.match(ctx.text, following.start, following.end):
            break
        topics.extend(ctx.sectors_in(following.start, following.end))
    return list(dict.fromkeys(topics))


def _solo(
    state: State,
    trigger: Trigger,
    subjects: list[Ref],
    place: str | None,
    place_country: str | None,
    *,
    future: bool,
) -> None:
    """Keep one side's talks abroad ("Baka, in talks in Washington"): they imply a visit."""
    ctx = state.ctx
    if trigger.kind in _PHONE_KINDS or trigger.kind == "sign" or not subjects:
        return
    if place_country is None and ctx.is_lead(trigger.span.start) and ctx.dateline and not future:
        place, place_country = ctx.dateline.city, ctx.dateline.country
    if place_country is None:
        return
    start = end = None
    linked = linked_range(ctx.text, trigger.dates)
    interval = next(
        (m.value for m in trigger.dates if isinstance(m.value, bilatx.DateInterval)), None
    )
    if interval is not None:
        start, end = interval.start, interval.end
    elif linked is not None:
        start, end = linked
    day = next((m.value for m in trigger.dates if isinstance(m.value, bilatx.DateValue)), None)
    for ref in subjects:
        state.solos.append(
            Solo(
                person=ref.person,
                place=place,
                place_country=place_country,
                trigger=trigger,
                start=start,
                end=end,
                future=future,
                date=bilatx.DateInterval(start, end) if start and end else day,
                paragraph=ctx.paragraph_index(trigger.span.start),
                evidence=[trigger.span, ref.span],
            )
        )


def inherit_context(state: State) -> None:
    """Date a meeting by an earlier dated meeting of one of its people in the same paragraph.

    "... renewed the Dialogue in Prague on March 30, with delegations led by
    A and B. In conjunction with the Dialogue, B also met with C.": B and C
    met in Prague on March 30 too.
    """
    events: list[MeetingDraft | Solo] = [*state.meetings, *state.solos]
    events.sort(key=lambda d: d.trigger.span.start)
    for index, draft in enumerate(events):
        if not isinstance(draft, MeetingDraft) or draft.dated:
            continue
        keys = {person_key(p) for p in draft.participants}
        for earlier in reversed(events[:index]):
            if earlier.paragraph < draft.paragraph:
                break
            people = earlier.participants if isinstance(earlier, MeetingDraft) else [earlier.person]
            if earlier.paragraph != draft.paragraph or earlier.date is None:
                continue
            if keys & {person_key(p) for p in people}:
                draft.date = earlier.date
                draft.dated = True
                if draft.place is None and draft.form is bilatx.MeetingForm.IN_PERSON:
                    draft.place, draft.place_country = earlier.place, earlier.place_country
                break


# --------------------------------------------------------------- delegations


def read_leaders(state: State, trigger: Trigger, siblings: list[Trigger]) -> None:
    """Read "delegations led by A and B" / "A led the Indian delegation" into ``state``."""
    ctx = state.ctx
    text = ctx.text
    sentence = ctx.around(trigger.span)
    leaders: list[Ref] = []
    country_span: tuple[int, int] | None = None
    after_by = _BY_AFTER_RE.match(text[trigger.span.end : trigger.span.end + 5])
    noun = (
        _DELEGATION_BEFORE_RE.search(
            text, max(sentence.start, trigger.span.start - 40), trigger.span.start
        )
        if after_by
        else None
    )
    # "delegations led by A and B": one delegation each; "a team headed by A and B": one.
    shared = noun is not None and not noun.group("noun").lower().endswith("s")
    # "Japan, Korea and the US held talks in Seoul led by A, B and C": the talks'
    # leaders, one per country.
    event = None if noun is not None or not after_by else _led_event(ctx, trigger, siblings)
    if after_by and (noun is not None or event is not None):
        start = trigger.span.end + after_by.end()
        refs = ctx.refs_in(start, sentence.end)
        if refs and refs[0].span.start - start <= 160:  # noqa: PLR2004
            leaders = chain_forward(ctx, refs, refs[0], sentence.end)
        country_span = (max(sentence.start, trigger.span.start - 40), trigger.span.start)
        if event is not None:
            _leaders_by_country(state, event, leaders)
            country_span = (trigger.span.start, trigger.span.start)
    else:
        phrase = _DELEGATION_AFTER_RE.match(text, trigger.span.end, sentence.end)
        if phrase is None:
            return
        leaders = subjects_before(ctx, sentence, trigger.span.start)
        country_span = (phrase.start(), phrase.end())
    if not leaders:
        return
    country = _delegation_country(ctx, *country_span)
    anchor = _anchor(ctx, trigger, siblings, state)
    for index, ref in enumerate(leaders):
        if country is not None and ref.person.country is None:
            state.origins.setdefault(person_key(ref.person), country)
        delegation = trigger.span.start * 100 + (0 if shared else index)
        if event is not None:
            # Leaders of one country lead one side.
            home = state.origin_of(ref.person)
            same = next(
                (
                    i
                    for i, r in enumerate(leaders[:index])
                    if home and state.origin_of(r.person) == home
                ),
                index,
            )
            delegation = trigger.span.start * 100 + same
        state.leaders.setdefault(id(anchor), []).append(
            Leader(ref, country, trigger.sentence, delegation)
        )
    state.anchors[id(anchor)] = anchor


def _led_event(ctx: Context, trigger: Trigger, siblings: list[Trigger]) -> Trigger | None:
    """Return the meeting word that "led by" follows in its clause ("talks ... led by")."""
    for earlier in reversed(siblings):
        if earlier.span.end > trigger.span.start or earlier.kind not in _EVENT_KINDS:
            continue
        between = ctx.text[earlier.span.end : trigger.span.start]
        if len(between) > _LED_GAP or _COLON_RE.search(between):
            return None
        if ctx.refs_in(earlier.span.end, trigger.span.start):
            return None
        sentence = ctx.around(earlier.span)
        noun = is_noun_use(ctx.text, earlier.span.start, sentence.start, earlier.word)
        return earlier if noun else None
    return None


def _leaders_by_country(state: State, event: Trigger, leaders: list[Ref]) -> None:
    """Give leaders the countries listed as the talks' subject, in order.

    "Japan, Korea and the United States held talks led by A, B and C": A is
    Japan's, B Korea's, C the United States'. Only when the counts agree and
    no leader's known country contradicts its place in the list.
    """
    ctx = state.ctx
    sentence = ctx.around(event.span)
    places = ctx.places_in(sentence.start, event.span.start)
    countries: list[str] = []
    previous: Place | None = None
    for place in places:
        if place.kind != "country" or place.country is None:
            continue
        if previous is not None and not _COUNTRY_LIST_GAP_RE.fullmatch(
            ctx.text, previous.span.end, place.span.start
        ):
            countries = []
        countries.append(place.country)
        previous = place
    if len(countries) != len(leaders) or len(set(countries)) != len(countries):
        return
    if any(
        ref.person.country is not None and ref.person.country != country
        for ref, country in zip(leaders, countries, strict=True)
    ):
        return
    for ref, country in zip(leaders, countries, strict=True):
        if ref.person.country is None:
            state.origins.setdefault(person_key(ref.person), country)


def _delegation_country(ctx: Context, start: int, end: int) -> str | None:
    places = [p for p in ctx.places_in(start, end) if p.kind in {"country", "demonym"}]
    return places[-1].country if places else None


def _anchor(ctx: Context, trigger: Trigger, siblings: list[Trigger], state: State) -> Trigger:
    """Return the event the delegations met at: a meeting word nearby in the paragraph."""
    same = [t for t in siblings if t.kind in _EVENT_KINDS]
    if same:
        return min(same, key=lambda t: _distance(t.span, trigger.span))
    paragraph = ctx.paragraph_index(trigger.span.start)
    for earlier in reversed(state.event_triggers):
        if trigger.sentence - earlier.sentence > 2:  # noqa: PLR2004
            break
        if ctx.paragraph_index(earlier.span.start) == paragraph:
            return earlier
    return trigger


def finish_delegations(state: State) -> None:
    """Turn delegation leaders from two or more countries into a meeting of theirs."""
    ctx = state.ctx
    for key, leaders in state.leaders.items():
        anchor = state.anchors[key]
        people = _unique([leader.ref.person for leader in leaders])
        delegations = {leader.delegation for leader in leaders}
        if len(people) < 2 or len(delegations) < 2:  # noqa: PLR2004
            continue
        sentence = ctx.around(anchor.span)
        date, dated = _date(ctx, anchor, list(anchor.dates), future=False)
        if not dated:
            others = list(ctx.dates_in(sentence.start, sentence.end))
            others = [d for d in others if not ctx.is_dateline_date(d)]
            if others:
                date, dated = others[0].value, True
        place, place_country = _place(ctx, anchor, sentence)
        draft = MeetingDraft(
            participants=people,
            trigger=anchor,
            form=bilatx.MeetingForm.IN_PERSON,
            date=date,
            dated=dated,
            place=place,
            place_country=place_country,
            paragraph=ctx.paragraph_index(anchor.span.start),
            topics=_topics(ctx, anchor),
            evidence=[anchor.span, *(leader.ref.span for leader in leaders)],
        )
        state.meetings.append(draft)


# ----------------------------------------------------------------- finishing


def inherit_from_visits(state: State, visits: list[bilatx.Visit]) -> list[MeetingDraft]:
    """Fill a meeting's place and date from the visit it happens during.

    The place is the visit's city when the visit names exactly one; the date
    is the visit's day when the visit lasts one day, or the whole stay when
    the text sets the meeting inside it. Returns the meetings that were
    given a place: they may imply visits of their other participants.
    """
    ctx = state.ctx
    placed: list[MeetingDraft] = []
    announced = Counter(
        person_key(v.visitor) for v in visits if v.status is bilatx.VisitStatus.ANNOUNCED
    )
    for draft in state.meetings:
        if draft.form is not bilatx.MeetingForm.IN_PERSON:
            continue
        keys = {person_key(p) for p in draft.participants}
        countries = {state.origin_of(p) for p in draft.participants} | {draft.place_country}
        sentence = ctx.sentence_index(draft.trigger.span.start)
        for visit in visits:
            if person_key(visit.visitor) not in keys:
                continue
            # The visit is to a participant's country, told earlier in the same
            # sentence ("will visit Moscow in April for talks with X"), or the
            # meeting is set inside it ("On the sidelines, she met her Japanese
            # counterpart", "While there, ...").
            told_together = any(
                ctx.sentence_index(s.start) == sentence and s.start < draft.trigger.span.start
                for s in visit.evidence
            )
            listed = False
            if (
                visit.host not in countries
                and not told_together
                and not _set_inside(ctx, draft, visit)
            ):
                if announced[person_key(visit.visitor)] != 1 or not _on_the_trip(draft, visit):
                    continue
                # Only the traveller is known to go there: the others' trips stay untold.
                listed = True
            if draft.place is None and len(visit.places) == 1:
                draft.place, draft.place_country = visit.places[0], visit.host
                if not listed:
                    placed.append(draft)
            if (
                not draft.dated
                and visit.start is not None
                and visit.start == visit.end
                and visit.start.granularity is bilatx.Granularity.DAY
            ):
                draft.date, draft.dated = visit.start, True
            elif not draft.dated and _within_visit(ctx, draft, visit):
                # "While in Tokyo, the Secretary will meet X": some day of the stay.
                assert visit.start is not None  # noqa: S101  (checked by _within_visit)
                assert visit.end is not None  # noqa: S101
                draft.date, draft.dated = bilatx.DateInterval(visit.start, visit.end), True
    return placed


def _on_the_trip(draft: MeetingDraft, visit: bilatx.Visit) -> bool:
    """Whether a planned meeting belongs to the one trip the text announces for its visitor.

    A travel announcement ("will travel to Brussels March 22-25 ...") goes on
    to list whom the traveller will meet, one sentence after another, seldom
    repeating the city: a future meeting told after the trip, placed nowhere
    else and dated (if at all) within it, is on that trip.
    """
    if visit.status is not bilatx.VisitStatus.ANNOUNCED or not draft.future:
        return False
    if draft.place_country is not None or not visit.evidence:
        return False
    if draft.trigger.span.start < min(s.start for s in visit.evidence):
        return False
    if draft.date is None:
        return True
    start = draft.date.start if isinstance(draft.date, bilatx.DateInterval) else draft.date
    end = draft.date.end if isinstance(draft.date, bilatx.DateInterval) else draft.date
    return (
        visit.start is not None
        and visit.end is not None
        and visit.start <= start
        and end <= visit.end
    )


def _set_inside(ctx: Context, draft: MeetingDraft, visit: bilatx.Visit) -> bool:
    """Whether the meeting is told as part of the visit told just before it.

    The meeting's sentence must say so ("on the sidelines", "there", "while
    in", "during the visit") and come at most two sentences after one that
    tells of the visit, with no place of its own elsewhere.
    """
    if draft.place_country is not None and draft.place_country != visit.host:
        return False
    sentence = ctx.around(draft.trigger.span)
    if not (
        _SIDELINES_RE.search(ctx.text, sentence.start, sentence.end)
        or _STAY_RE.search(ctx.text, sentence.start, sentence.end)
    ):
        return False
    index = ctx.sentence_index(draft.trigger.span.start)
    return any(
        0 <= index - ctx.sentence_index(s.start) <= _LOOKBACK_SENTENCES for s in visit.evidence
    )


def _within_visit(ctx: Context, draft: MeetingDraft, visit: bilatx.Visit) -> bool:
    """Whether the text sets the meeting inside a dated stay ("while in Tokyo", "during the trip").

    Only then does a meeting take the whole stay as its date: a meeting
    merely told beside a visit ("will travel to Rabat from March 28 to 30,
    where he will meet ...") keeps no date of its own.
    """
    day = bilatx.Granularity.DAY
    if visit.start is None or visit.end is None or visit.end == visit.start:
        return False
    if visit.start.granularity is not day or visit.end.granularity is not day:
        return False
    sentence = ctx.around(draft.trigger.span)
    for match in _STAY_RE.finditer(ctx.text, sentence.start, draft.trigger.span.start):
        tail = ctx.text[match.end() : draft.trigger.span.start]
        if ";" in tail:
            continue
        places = [p.country for p in ctx.places_in(match.start(), match.end() + 40)]
        if not places or visit.host in places:
            return True
    return False


def finish_meetings(state: State) -> list[bilatx.Meeting]:
    """Merge drafts of the same people on compatible dates into :class:`bilatx.Meeting` s."""
    groups: list[tuple[frozenset[str], set[object], list[MeetingDraft]]] = []
    for draft in state.meetings:
        keys = frozenset(person_key(p) for p in draft.participants)
        for people, dates, members in groups:
            if people != keys:
                continue
            if draft.date is None or not dates or draft.date in dates:
                members.append(draft)
                if draft.date is not None:
                    dates.add(draft.date)
                break
        else:
            groups.append((keys, {draft.date} if draft.date is not None else set(), [draft]))
    meetings = [_merge(members) for _, _, members in groups]
    meetings.sort(key=lambda m: (m.evidence[0].start, m.evidence[0].end) if m.evidence else (0, 0))
    return meetings


def _merge(group: list[MeetingDraft]) -> bilatx.Meeting:
    people = _unique([p for d in group for p in d.participants])
    date = next((d.date for d in group if d.date is not None), None)
    place = next((d.place for d in group if d.place is not None), None)
    form = next((d.form for d in group if d.form is not None), None)
    topics = list(dict.fromkeys(t for d in group for t in d.topics))
    evidence = {s for d in group for s in d.evidence}
    return bilatx.Meeting(
        participants=tuple(people),
        date=date,
        place=place,
        form=form,
        topics=tuple(topics),
        evidence=tuple(sorted(evidence, key=lambda s: (s.start, s.end))),
        extractor=EXTRACTOR,
    )


def build_meetings(doc: bilatx.Document, mentions: bilatx.Mentions) -> list[bilatx.Meeting]:
    """Return the Meeting records of ``doc``."""
    from bilatx_records._events import analyse  # noqa: PLC0415  (analyse imports this module)

    return list(analyse(doc, mentions).meetings)
