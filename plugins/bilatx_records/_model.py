"""Triggers and the working state the visit and meeting readers share.

A document is read trigger by trigger, in text order. Each trigger word
("visited", "talks", "spoke by phone", "led the delegation") is found once by
:func:`find_triggers`; the dates of a sentence are handed to the trigger they
belong to by :func:`assign_dates`; the readers then turn triggers into drafts
(:class:`VisitPiece`, :class:`MeetingDraft`) kept in a :class:`State`, which
the builders finally merge into records.
"""

from __future__ import annotations

from functools import cache
from typing import TYPE_CHECKING, Final

import attrs
import regex

import bilatx
import bilatx.text
from bilatx_records._common import in_closed_aside, is_noun_use, is_supported, person_key

if TYPE_CHECKING:
    from bilatx_records._common import Context, Ref

__all__ = [
    "MEETING_KINDS",
    "VISIT_KINDS",
    "MeetingDraft",
    "State",
    "Trigger",
    "VisitPiece",
    "assign_dates",
    "attributive",
    "clause_key",
    "find_triggers",
    "hosted_visit",
]

VISIT_KINDS: Final = frozenset(
    {"visit", "travel", "went", "arrive", "while", "isin", "return", "from", "host", "presence"}
)
MEETING_KINDS: Final = frozenset({"meet", "talks", "spoke", "call", "callon", "host", "sign"})


@cache
def _trigger_re() -> regex.Pattern[str]:
    return regex.compile(
        r"""
        (?<![\w-])(?:
          (?P<call>(?:(?:tele)?phone|video)[\s-]+(?:call|conversation|conference|talks)s?
                  |video-?conference|virtual\s+(?:meeting|summit|talks)|calls?
                  |telephon(?:ed|es|ing)|phoned)
        | (?P<spoke>spoke|speak|speaks|spoken|speaking|talked|talk)
            (?=(?:\s+(?:today|yesterday|tonight|again|separately|also|earlier|later|briefly
                      |directly|virtually|twice))?
               \s+(?:(?:by|over|on)\s+(?:the\s+)?(?:tele)?phone|with|to)(?![\w]))
        | (?P<callon>call(?:ed|s|ing)?\s+on)(?=\s+(?:(?-i:\p{Lu})|him\b|her\b))
        | (?P<meet>met|meet|meets|meeting|meetings|conferred|confers|conferring)
        | (?P<talks>talks|discussions|consultations|negotiations|conversations?|dialogue
                  |session|summit)
        | (?P<host>host(?:s|ed|ing)?|welcom(?:e|es|ed|ing)|receiv(?:e|es|ed|ing))
        | (?P<visit>visit(?:s|ed|ing)?|trips?|tour(?:s|ed|ing)?|stop-?overs?|journey)
        | (?P<travel>travel(?:s|led|ed|ling|ing)?|fl(?:ew|y|ies|ying)|head(?:s|ed|ing)
                  |leav(?:e|es|ing)|left|depart(?:s|ed|ing)?|flight)
            (?=\s+(?:to|for)(?![\w]))
        | (?P<went>went|goes)(?=\s+to\s+(?-i:\p{Lu}))
        | (?P<arrive>arriv(?:e|es|ed|ing|al)|land(?:ed|s|ing)(?=\s+in\s))
        | (?P<while>while|whilst|stay|stays|staying)(?=\s+in\s)
        | (?P<presence>stand|sojourn|presence|appearance|remarks|speech|address)
            (?=\s+(?:in|at)\s+(?:the\s+)?(?-i:\p{Lu}))
        | (?P<isin>(?:is|are)\s+(?:now\s+|currently\s+|already\s+)?in)
            (?=\s+(?-i:\p{Lu})[\p{L}.'\u2019-]*(?:[\s-]+(?-i:\p{Lu})[\p{L}.'\u2019-]*){0,2}
               \s+(?:for|on|to|this|as)\s)
        | (?P<return>return(?:s|ed|ing)?)(?=\s+(?:to|home|from)(?![\w]))
        | (?P<from>(?:way\s+(?:back\s+)?home|back)\s+from)
        | (?P<sign>sign(?:s|ed|ing)?)(?!\s+(?:into|off|up|language)(?![\w]))
        | (?P<led>co-led|led|headed|co-chaired|chaired)
        )(?![\w-])
        """,
        regex.IGNORECASE | regex.VERBOSE,
    )


@attrs.define(eq=False)
class Trigger:
    """A word that can start a visit or a meeting record."""

    span: bilatx.Span
    word: str
    """The trigger as written, lower-cased."""
    kind: str
    """One of the named groups of the trigger pattern ("visit", "meet", "led", ...)."""
    sentence: int
    """Index of the sentence the trigger is in."""
    dates: list[bilatx.DateMention] = attrs.field(factory=list)
    """The dates of the sentence that belong to this trigger (see :func:`assign_dates`)."""

    @property
    def is_visit(self) -> bool:
        """Whether the trigger can start a visit."""
        return self.kind in VISIT_KINDS

    @property
    def is_meeting(self) -> bool:
        """Whether the trigger can start a meeting."""
        return self.kind in MEETING_KINDS


def find_triggers(ctx: Context) -> list[Trigger]:
    """Return every trigger word of the document, in text order."""
    out = []
    for match in bilatx.text.word_finditer(_trigger_re(), ctx.text):
        kind = match.lastgroup or ""
        span = bilatx.Span(match.start(), match.end())
        out.append(Trigger(span, match.group().lower(), kind, ctx.sentence_index(span.start)))
    return out


def assign_dates(ctx: Context, triggers: list[Trigger]) -> None:
    """Give each date of a sentence to one trigger of that sentence.

    A date belongs to the closest trigger before it ("visited Kyiv
    yesterday", "will travel to Rabat from March 28 to 30, where he will
    meet": the dates are the travel's) or, when none precedes it, to the first
    trigger after it ("On Monday, X met Y"). The dateline's date is never
    handed out: it is when the story was filed, not when anything happened.
    """
    by_clause: dict[tuple[int, int], list[Trigger]] = {}
    for trigger in triggers:
        if trigger.kind != "led" and not _attributive(ctx, trigger):
            by_clause.setdefault(clause_key(ctx, trigger.span.start), []).append(trigger)
    for mention in ctx.dates:
        if ctx.is_dateline_date(mention):
            continue
        group = by_clause.get(clause_key(ctx, mention.span.start))
        if not group:
            continue
        if _possessive_date(ctx.text, mention):
            # "next week's visit": the date qualifies the noun it is attached to.
            after = next((t for t in group if t.span.start >= mention.span.end), None)
            if after is not None and _POSSESSED_RE.fullmatch(
                ctx.text, mention.span.end, after.span.start
            ):
                after.dates.append(mention)
            continue
        limit = ctx.sentence_at(mention.span.start).start
        before = [
            t
            for t in group
            if t.span.end <= mention.span.start
            and not in_closed_aside(ctx.text, limit, t.span, mention.span.start)
        ]
        if before:
            before[-1].dates.append(mention)
            continue
        after = next((t for t in group if t.span.start >= mention.span.end), None)
        # "Last Friday, Modi visited": a fronted date belongs to the verb, or to a
        # noun its subject acts out ("had a meeting"), not to a noun in passing
        # ("Today, X completed the last stop of his trip"). A meeting in an
        # "after" clause shares the day of the clause it hangs on ("told
        # reporters on Monday after talks with Y").
        if after is not None and (
            not is_noun_use(ctx.text, after.span.start, _sentence_start(ctx, after), after.word)
            or is_supported(ctx.text, after.span.start, _sentence_start(ctx, after))
            or (
                after.is_meeting
                and _AFTER_CLAUSE_RE.search(
                    ctx.text, max(mention.span.end, after.span.start - 40), after.span.start
                )
                is not None
            )
        ):
            after.dates.append(mention)


_BLOCK: Final = 2000
"""Sentences longer than this (text without full stops) are read in blocks of this size."""


_ATTRIBUTIVE_RE: Final = regex.compile(
    r"(?:(?<![\w])(?:the|a|an|its|met|meet|meets|meeting|received|receives|receiving|hosted"
    r"|hosts|hosting|welcomed|welcomes|welcoming|told|tells|with|by|for|of)\s+|^\W*)$",
    regex.IGNORECASE,
)


def attributive(text: str, trigger: Trigger, limit: int) -> bool:
    """Whether the trigger is "visiting" used as an adjective ("the visiting minister").

    It describes a person ("met visiting Secretary Baldrige", "Visiting
    Minister X said"); the dates of its clause belong to what that person
    did. After a subject ("X is visiting Japan") it is a verb. ``limit`` is
    the sentence start.
    """
    return trigger.word == "visiting" and bool(
        _ATTRIBUTIVE_RE.search(text, max(limit, trigger.span.start - 12), trigger.span.start)
    )


def _attributive(ctx: Context, trigger: Trigger) -> bool:
    return attributive(ctx.text, trigger, ctx.sentence_at(trigger.span.start).start)


_FOR_A_VISIT_RE: Final = regex.compile(
    r"\s*(?:,\s*)?(?:for|on)\s+(?:a|an|his|her|their|the|its)\s+(?:[\w'\u2019-]+\s+){0,3}$",
    regex.IGNORECASE,
)


def hosted_visit(ctx: Context, trigger: Trigger, siblings: list[Trigger]) -> Trigger | None:
    """Return the visit a hosting is for: "will host X for an official visit on Friday"."""
    if trigger.kind != "host":
        return None
    for later in siblings:
        if later.span.start < trigger.span.end or later.kind != "visit":
            continue
        refs = ctx.refs_in(trigger.span.end, later.span.start)
        start = refs[-1].span.end if refs else trigger.span.end
        if _FOR_A_VISIT_RE.fullmatch(ctx.text, start, later.span.start):
            return later
        return None
    return None


def clause_key(ctx: Context, offset: int) -> tuple[int, int]:
    """Return the key of the stretch whose triggers are read together: the sentence.

    A sentence longer than :data:`_BLOCK` characters is cut into blocks, so
    that text without full stops cannot make the reading quadratic.
    """
    index = ctx.sentence_index(offset)
    start = ctx.sentences[index].start if ctx.sentences else 0
    return index, (offset - start) // _BLOCK


def _sentence_start(ctx: Context, trigger: Trigger) -> int:
    return ctx.around(trigger.span).start


_AFTER_CLAUSE_RE: Final = regex.compile(
    r"(?<![\w])(?:after|following|upon)\s+(?:(?:his|her|their|the|a|an|its)\s+)?"
    r"(?:[\w-]+\s+){0,2}$",
    regex.IGNORECASE,
)
_POSSESSED_RE: Final = regex.compile(r"['\u2019]s\s+(?:[\w-]+\s+){0,2}")


def _possessive_date(text: str, mention: bilatx.DateMention) -> bool:
    return text[mention.span.end : mention.span.end + 2] in {"'s", "\u2019s"}


@attrs.define(eq=False)
class VisitPiece:
    """What one trigger says about one visitor's trip; pieces merge into a Visit."""

    visitor: bilatx.Official | None
    """``None`` while the trigger names nobody ("the visit"): it then joins another piece."""
    host: str | None
    origin: str | None
    trigger: Trigger
    places: list[str] = attrs.field(factory=list)
    starts: list[bilatx.DateValue] = attrs.field(factory=list)
    ends: list[bilatx.DateValue] = attrs.field(factory=list)
    days: list[int] = attrs.field(factory=list)
    status: bilatx.VisitStatus | None = None
    single_day: bool = False
    """The text reports a completed visit with a single day ("visited Kyiv yesterday")."""
    implied: bool = False
    """Read from a meeting abroad, not from a visit word."""
    evidence: list[bilatx.Span] = attrs.field(factory=list)
    sectors: list[str] = attrs.field(factory=list)
    visited: bilatx.Official | None = None
    """The person visited ("will visit Treasury Secretary Baker")."""
    owned: bool = False
    """The visitor is the noun's possessor ("Modi's visit in 2017")."""


@attrs.define(eq=False)
class MeetingDraft:
    """A meeting as one trigger (or one delegation structure) tells it."""

    participants: list[bilatx.Official]
    trigger: Trigger
    form: bilatx.MeetingForm | None = None
    date: bilatx.DateValue | bilatx.DateInterval | None = None
    dated: bool = False
    """The text gave a date phrase, even one without a value ("next week")."""
    place: str | None = None
    place_country: str | None = None
    future: bool = False
    paragraph: int = 0
    topics: list[str] = attrs.field(factory=list)
    evidence: list[bilatx.Span] = attrs.field(factory=list)


@attrs.define(eq=False)
class Solo:
    """One official's talks abroad with no named counterpart ("in talks in Washington")."""

    person: bilatx.Official
    place: str | None
    place_country: str
    trigger: Trigger
    start: bilatx.DateValue | None = None
    end: bilatx.DateValue | None = None
    future: bool = False
    origin: str | None = None
    date: bilatx.DateValue | bilatx.DateInterval | None = None
    """The talks' date, which later meetings of the same official in the paragraph share."""
    paragraph: int = 0
    evidence: list[bilatx.Span] = attrs.field(factory=list)


@attrs.define(eq=False)
class Leader:
    """An official who leads a delegation, and the delegation's country."""

    ref: Ref
    country: str | None
    sentence: int
    delegation: int
    """Leaders of one delegation share this number ("a team headed by A and B")."""


@attrs.define(eq=False)
class State:
    """Everything read so far from one document."""

    ctx: Context
    pieces: list[VisitPiece] = attrs.field(factory=list)
    unplaced: list[VisitPiece] = attrs.field(factory=list)
    """Pieces whose destination the text gives later or never ("his visit to the country")."""
    meetings: list[MeetingDraft] = attrs.field(factory=list)
    solos: list[Solo] = attrs.field(factory=list)
    leaders: dict[int, list[Leader]] = attrs.field(factory=dict)
    """Delegation leaders by the id of the trigger of the event they lead at."""
    anchors: dict[int, Trigger] = attrs.field(factory=dict)
    event_triggers: list[Trigger] = attrs.field(factory=list)
    """The meeting words read so far, for delegation sentences that follow their event."""
    topic: bilatx.Official | None = None
    """The official the story is following: the last subject of a visit or meeting."""
    origins: dict[str, str] = attrs.field(factory=dict)
    """Countries learnt from the text for officials whose own country is unknown."""

    def origin_of(self, person: bilatx.Official) -> str | None:
        """Return the official's country, or the one a delegation phrase gave them."""
        return person.country or self.origins.get(person_key(person))
