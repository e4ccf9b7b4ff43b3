"""TradeFigure records: which amounts measure trade, investment, aid or a deal, and between whom.

For each money mention the builder asks four questions, each answered from the
text around it, nearest evidence first:

1. **What does it measure?** The noun the amount belongs to ("a $2 billion
   *deal*", "$650 million in *funding*", "900 mln dlrs in export *credits*"),
   else the nearest cue word to its left in the same clause ("*exports* to the
   U.S. averaged 400 mln dlrs"), else to its right, else the last cue of the
   previous sentence of the paragraph ("Poland has a trade *surplus*. Last year
   it was one billion dlrs"). An amount listed right after another amount
   ("$2.8 billion, including $1.4 billion") is read like it. Debts, costs,
   budgets, reserves and earnings are not trade figures; nor are balances
   other than trade balances (a bare "deficit" needs a trade context), money
   lent by or asked of banks, and what a company adds to an economy.
2. **Between whom?** The countries named right beside it ("$5 billion *in
   Vietnam*", "a *Saudi and Emirati* $2 billion loan *to Yemen*") first; else
   the countries named in its clause or sentence (places and officials'
   countries), else in the previous sentence; a flow (trade, aid, a deal)
   with only one side named takes the document's other main country.
3. **When?** A date written right beside it ("USD 50 billion *last year*",
   "565 mln stg *in 1986*", "which *last year* amounted to ..."), never one
   introduced by "by", "through" or "since"; a target takes its
   comparison's period ("one billion dlrs against a targeted 1.6 billion");
   "X and Y, respectively" take the periods of the figures before them; a
   year opening the sentence or stated earlier in the clause covers the
   undated amounts after it ("*In 2024*, exports grew, with a surplus of X").
   Fiscal years and partial years are kept as ``period_text``.
4. **How did it change?** "from X to Y", "rose to Y from X", "Y, down from X"
   link the earlier and the later figure with a :class:`bilatx.TradeTrend`.
"""

from __future__ import annotations

import bisect
import itertools
from collections import Counter
from typing import TYPE_CHECKING, Final, Generic, TypeVar

import attrs
import regex

import bilatx
import bilatx.geo
import bilatx.text
from bilatx_records._trade_vocab import (
    BARE_BALANCE,
    BILATERAL,
    ECONOMY_TARGET,
    LENDERS,
    NON_TRADE_CONTEXT,
    ONE_SIDED,
    TRADE_CONTEXT,
    cue_pattern,
    metric_of,
)

if TYPE_CHECKING:
    from collections.abc import Callable, Iterable, Sequence
    from decimal import Decimal

__all__ = ["build_trade_figures"]

_T = TypeVar("_T")

EXTRACTOR: Final = "records"

# Metrics that are international by nature: one named country is enough
# ("India's exports reached ..."). Investment, aid and deals can be domestic
# ("the state will invest Rs 500 crore in roads"), so they need two parties.
_CROSS_BORDER: Final = frozenset(("trade", "exports", "imports", "deficit", "surplus"))

# Organisations that trade, give aid or sign deals as one party.
_BLOCS: Final = frozenset(
    ("EU", "EC", "ASEAN", "GCC", "EAEU", "MERCOSUR", "AU", "SAARC", "ECOWAS", "CARICOM", "EFTA")
)

# Where one clause of a sentence ends and another begins: cues and countries
# across these belong to something else ("barriers to U.S. firms, and a
# project"; "British exports were X, while Nigeria's exports were Y").
_CLAUSE_BREAK: Final = regex.compile(
    r";|\s[-\u2013\u2014]{1,2}\s|,\s+(?:and|but|while|whereas|although|though)\b"
    r"|\s(?:while|whereas)\s"
)
_WORD: Final = regex.compile(r"[A-Za-z][\w'\u2019.-]*|\d[\d,.]*|\S")
# The noun an amount belongs to ends at these words.
_HEAD_STOP: Final = frozenset(
    (
        *("to", "from", "for", "by", "with", "since", "through", "until", "as", "that"),
        *("which", "who", "while", "but", "is", "are", "was", "were", "will"),
        *("would", "has", "have", "had", "be", "been", "in", "on", "at", "over", "under"),
        *("last", "this", "next", "against", "including", "across", "during"),
    )
)
_HEAD_WORDS: Final = 6
# Words that may stand between an amount and the date it refers to.
_PERIOD_GAP: Final = regex.compile(
    r"(?i)[\s,]*(?:(?:[a-z][a-z'-]*[\s,]+){0,3}?"
    r"(?:in|for|during|throughout|of)\s+(?:the\s+)?"
    r"(?:(?:whole|full|calendar|fiscal|financial)\s+(?:year\s+)?(?:of\s+)?)?)?"
)
_LEFT_PERIOD_GAP: Final = regex.compile(r"[\s,]*(?:[a-z][a-z'-]*[\s,]+){0,3}")
_WORD_BEFORE: Final = regex.compile(r"(?i)([a-z]+)[\s\u00a0]*$")
_HEAD_BEFORE_PERIOD: Final = regex.compile(
    r"[\s,]*(?:[a-z][a-z'-]*\s+){0,3}?(?=(?:in|for|during)\b)"
)
_LETTERS: Final = regex.compile(r"[A-Za-z'-]+")
_BILATERAL: Final = regex.compile(BILATERAL, regex.IGNORECASE)
# Words that, between an amount and a date, tie the date to something else:
# a deadline ("by 2030"), a start ("since 2020"), the day a deal was announced.
_BLOCKING: Final = frozenset(
    (
        *("by", "through", "thru", "until", "till", "since", "before", "after"),
        *("within", "beyond", "starting", "ending", "ahead"),
        *("signed", "announced", "said", "agreed", "reported"),
    )
)
# These block only when they introduce the date itself: "$2 billion to 2030",
# "from 2019", but "$2 billion to Peru in 2019" is the 2019 figure.
_BLOCKING_DIRECT: Final = frozenset(("to", "from", "between"))
# Prepositions that make a date the period of what follows ("In 2024, ...").
_PERIOD_INTRODUCERS: Final = frozenset(("in", "during", "for", "throughout", "over"))
_SENTENCE_OPENING: Final = regex.compile(
    r"(?i)[\W_]*(?:(?:in|during|for|throughout|over)\s+(?:the\s+)?"
    r"(?:(?:whole|full|calendar|fiscal|financial)\s+(?:year\s+)?(?:of\s+)?)?)?"
)
_COMPARED_BEFORE: Final = regex.compile(
    r"(?i)\b(?:from|against|versus|vs\.?|than|compared\s+(?:with|to)|over)"
    r"[\s\u00a0]+(?:an?\s+|the\s+)?$"
)
_TARGET: Final = regex.compile(
    r"(?i)[\s,]*(?:against|versus|vs\.?|compared\s+(?:with|to))\s+(?:an?\s+|the\s+)?"
    r"(?:targeted|target(?:\s+of)?|forecast|projected|planned|expected|budgeted|estimated)"
    r"[\s,]*"
)
_FISCAL: Final = regex.compile(
    r"(?i)(?:in|for|during)\s+(?:the\s+)?(?P<period>(?:fiscal|financial)(?:\s+year)?\s*'?\d{2,4}"
    r"(?:[-\u2013/]\d{2,4})?|FY\s*'?\d{2,4}(?:[-\u2013/]\d{2,4})?|(?:19|20)\d{2}[-\u2013/]\d{2})\b"
)
_FROM_BEFORE: Final = regex.compile(r"(?i)\bfrom[\s\u00a0]+$")
_TO_BEFORE: Final = regex.compile(r"(?i)\bto[\s\u00a0]+$")
_FROM_TO_GAP: Final = regex.compile(r"(?i)^(?:[^.;]{0,60}?\s)?to[\s\u00a0]+$")
_FROM_GAP: Final = regex.compile(r"(?i)^[^.;]{0,60}?\b(?P<how>(?:up|down)\s+)?from[\s\u00a0]+$")
_FOR_BEFORE: Final = regex.compile(r"(?i)\b(?:for|of|on)(?:\s+[\w'\u2019.-]+)?\s+$")
_RESPECTIVELY: Final = regex.compile(r"(?i)\brespectively\b")
_BARE_BALANCE: Final = regex.compile(BARE_BALANCE, regex.IGNORECASE)
_TRADE_CONTEXT: Final = regex.compile(TRADE_CONTEXT, regex.IGNORECASE)
_NON_TRADE_CONTEXT: Final = regex.compile(NON_TRADE_CONTEXT, regex.IGNORECASE)
_LENDERS: Final = regex.compile(LENDERS, regex.IGNORECASE)
# "$30 billion to India's digital economy": what an amount adds to an economy.
_TO_ECONOMY: Final = regex.compile(
    r"[\s,]*(?:(?:a|per|each|every)\s+year\s+|[a-z]+ly\s+)?" + ECONOMY_TARGET.removeprefix(r"\b")
)
# "a surplus with Japan", "in Japan's favour": a balance between two named sides.
_WITH_BEFORE: Final = regex.compile(r"(?i)\b(?:with|vis-[a\u00e0]-vis)\s+(?:the\s+)?$")
_FAVOUR: Final = regex.compile(r"(?i)\bin\s+[\w.]+(?:'s|\u2019s)?\s+favou?r\b")
_FLOWS: Final = frozenset(("aid", "deal"))
_LIST_BREAK: Final = regex.compile(r"(?:,\s+and|;)\s*$")
# Between an amount and the country it goes to, comes from or is spent in:
# "$5 billion in Vietnam", "$322 million in this obligation is for Ukraine".
_ADJACENT_GAP: Final = regex.compile(
    r"[\s,]*(?:[a-z][\w'\u2019-]*\s+){0,4}?(?:in|to|for|into|from|with|towards?)\s+(?:the\s+)?"
)
_ADJACENT_REACH: Final = 80
_LIST_JOIN: Final = regex.compile(r"[\s,]*(?:(?:and|&)[\s\u00a0]+)?(?:the[\s\u00a0]+)?")
# Between a country and the amount it describes ("Japan's $5 billion", "a
# Saudi and Emirati $2 billion"), and between two such countries.
_PREMODIFIER_GAP: Final = regex.compile(r"(?:'s|\u2019s)?[\s\u00a0]*")
_PREMODIFIER_JOIN: Final = regex.compile(r"(?:'s|\u2019s)?[\s,]*(?:and|&|or)?[\s\u00a0]*")
_TIME_UNITS: Final = frozenset(("year", "annum", "month", "week", "day", "quarter"))


@attrs.frozen
class _Cue:
    start: int
    end: int
    metric: str | None
    """The metric of a positive cue; ``None`` for a negative one."""
    word: str = ""
    bare_balance: bool = False
    """A "deficit" or "surplus" with no qualifier: trade only in a trade context."""


@attrs.frozen
class _Place:
    start: int
    end: int
    code: str


@attrs.define
class _Reading:
    """What the builder has decided about one money mention."""

    mention: bilatx.MoneyMention
    sentence: bilatx.Span
    clause: bilatx.Span
    metric: str | None = None
    decided: bool = False
    partners: tuple[str, ...] = ()
    period: bilatx.DateValue | bilatx.DateInterval | None = None
    period_text: str | None = None
    dated: bool = False
    trend: bilatx.TradeTrend | None = None


def build_trade_figures(
    doc: bilatx.Document, mentions: bilatx.Mentions
) -> list[bilatx.TradeFigure]:
    """Return the TradeFigure records of ``doc``: the amounts that measure trade between countries.

    Args:
        doc: the document.
        mentions: its resolved mentions; money, dates, places and officials are used.
    """
    if not mentions.money:
        return []
    text = doc.text
    sentences = doc.sentences()
    cues = _cues(text)
    places = _places(doc, mentions)
    main = _main_countries(places)
    readings: list[_Reading] = []
    breaks: dict[bilatx.Span, tuple[list[int], list[int]]] = {}
    for mention in mentions.money:
        if mention.unit is not None and mention.unit not in _TIME_UNITS:
            continue  # a price per barrel is not a trade figure
        sentence = _sentence_of(sentences, mention.span)
        clause = _clause(text, sentence, mention.span.start, breaks)
        readings.append(_Reading(mention, sentence, clause))
    # Everything _classify looks at lies in the amount's sentence; it finds it
    # by bisection in these sorted lists, so a long text of many amounts, even
    # one sentence of thousands, stays linear.
    date_starts = [d.span.start for d in mentions.dates]
    free = _free_cues(cues, readings)
    free_starts = [c.start for c in free]
    cue_starts = [c.start for c in cues]
    reading_starts = [r.mention.span.start for r in readings]
    for reading in readings:
        _classify(
            text,
            reading,
            _Sorted(readings, reading_starts),
            cues=cues,
            cue_starts=cue_starts,
            free=_Sorted(free, free_starts),
            sentences=sentences,
            places=places,
        )
    figures = [r for r in readings if r.metric is not None]
    claims = {id(r): _claimed(text, r, places) for r in readings}
    # How many amounts of each sentence claim each place: a place claimed by
    # another amount of the sentence is not this amount's partner.
    claimed: dict[bilatx.Span, Counter[_Place]] = {}
    for r in readings:
        claimed.setdefault(r.sentence, Counter()).update(set(claims[id(r)].places))
    place_starts = [p.start for p in places]
    for reading in figures:
        own = set(claims[id(reading)].places)
        counts = claimed[reading.sentence]
        # _partners reads the amount's sentence and the one before it only:
        # hand it just those places, so many amounts stay linear.
        previous = _previous_sentence(text, reading.sentence, sentences)
        lo = bisect.bisect_left(place_starts, (previous or reading.sentence).start)
        hi = bisect.bisect_right(place_starts, reading.sentence.end)
        reading.partners = _partners(
            text,
            reading,
            places=[p for p in places[lo:hi] if p in own or counts[p] == 0],
            main=main,
            sentences=sentences,
            cues=cues,
            claim=claims[id(reading)],
        )
        _date(text, reading, _dates_within(mentions.dates, date_starts, reading.clause))
    _targets_and_respectively(text, figures)
    _trends(text, figures)
    _carry_periods(text, figures, mentions.dates)
    return [
        bilatx.TradeFigure(
            money=r.mention.value,
            span=r.mention.span,
            text=r.mention.text,
            metric=r.metric,
            partners=r.partners,
            period=r.period,
            period_text=r.period_text,
            trend=r.trend,
            evidence=(r.sentence,),
            extractor=EXTRACTOR,
        )
        for r in figures
        if len(r.partners) >= (1 if r.metric in _CROSS_BORDER else 2)
    ]


# ------------------------------------------------------------------ structure


def _clause(
    text: str,
    sentence: bilatx.Span,
    offset: int,
    cache: dict[bilatx.Span, tuple[list[int], list[int]]] | None = None,
) -> bilatx.Span:
    found = cache.get(sentence) if cache is not None else None
    if found is None:
        matches = [m.span() for m in _CLAUSE_BREAK.finditer(text, sentence.start, sentence.end)]
        found = ([s for s, _ in matches], [e for _, e in matches])
        if cache is not None:
            cache[sentence] = found
    starts, ends = found
    # Breaks never overlap: the last one ending by the offset opens the clause,
    # the first one starting from it closes it.
    before = bisect.bisect_right(ends, offset)
    after = bisect.bisect_left(starts, offset)
    return bilatx.Span(
        ends[before - 1] if before else sentence.start,
        starts[after] if after < len(starts) else sentence.end,
    )


def _free_cues(cues: list[_Cue], readings: list[_Reading]) -> list[_Cue]:
    """Return the cues that are part of no amount, in order."""
    spans = sorted(r.mention.span for r in readings)
    starts = [s.start for s in spans]
    longest = max((len(s) for s in spans), default=0)
    return [
        c
        for c in cues
        if not any(
            _overlaps(c, s)
            for s in spans[
                bisect.bisect_left(starts, c.start - longest) : bisect.bisect_left(starts, c.end)
            ]
        )
    ]


def _cues(text: str) -> list[_Cue]:
    out: list[_Cue] = []
    for match in bilatx.text.word_finditer(cue_pattern(), text):
        word = match.group()
        if match.group("skip") is not None:
            continue
        if match.group("neg") is not None or match.group("negm") is not None:
            out.append(_Cue(match.start(), match.end(), None, word))
        else:
            bare = match.group("pos") is not None and _BARE_BALANCE.fullmatch(word) is not None
            out.append(_Cue(match.start(), match.end(), metric_of(word), word, bare))
    return out


def _sentence_of(sentences: tuple[bilatx.Span, ...], span: bilatx.Span) -> bilatx.Span:
    """Return the sentence of an amount, joined with the next when the amount runs into it.

    The splitter may end a sentence inside an amount ("stood at Rs. 1 in
    2000"); the amount and what follows it still belong together.
    """
    sentence = bilatx.text.sentence_at(sentences, span.start) or span
    index = bisect.bisect_left(sentences, sentence.end, key=lambda s: s.start)
    while sentence.end < span.end and index < len(sentences):
        sentence = bilatx.Span(sentence.start, sentences[index].end)
        index += 1
    return bilatx.Span(sentence.start, max(sentence.end, span.end))


def _paragraph_of(text: str, span: bilatx.Span) -> tuple[int, int]:
    start = text.rfind("\n", 0, span.start) + 1
    end = text.find("\n", span.end)
    return start, len(text) if end < 0 else end


# ------------------------------------------------------------------- metric


@attrs.frozen
class _Sorted(Generic[_T]):
    """Items (amounts or cues) sorted by start, which never overlap, and their starts."""

    items: list[_T]
    starts: list[int]

    def last(self, lo: int, hi: int, keep: Callable[[_T], bool], count: int = 1) -> list[_T]:
        """The last ``count`` items starting in ``[lo, hi)`` that ``keep`` accepts, in order."""
        found: list[_T] = []
        i = bisect.bisect_left(self.starts, hi) - 1
        while i >= 0 and self.starts[i] >= lo and len(found) < count:
            if keep(self.items[i]):
                found.append(self.items[i])
            i -= 1
        return found[::-1]

    def first(self, lo: int, hi: int, keep: Callable[[_T], bool]) -> _T | None:
        """The first item starting in ``[lo, hi)`` that ``keep`` accepts."""
        i = bisect.bisect_left(self.starts, lo)
        while i < len(self.starts) and self.starts[i] < hi:
            if keep(self.items[i]):
                return self.items[i]
            i += 1
        return None


def _classify(
    text: str,
    reading: _Reading,
    readings: _Sorted[_Reading],
    *,
    cues: list[_Cue],
    cue_starts: list[int],
    free: _Sorted[_Cue],
    sentences: Sequence[bilatx.Span],
    places: list[_Place],
) -> None:
    """Decide what an amount measures.

    ``readings`` holds every amount and ``free`` the cues that are part of no
    amount; only those of the amount's sentence matter, found by bisection.
    Items never overlap, so each look-up stops after a step or two.
    """

    def decide(cue: _Cue) -> None:
        _decide(reading, _metric_in_context(text, reading, cue, sentences, places))

    span = reading.mention.span
    clause = reading.clause
    # 1. The noun the amount belongs to.
    head_end = _head_end(text, span.end, clause.end)
    head = free.last(span.end, head_end, lambda c: c.end <= head_end)
    if head:
        decide(head[-1])
        return
    # 2. The nearest cue to the left in the clause, or an amount listed just before.
    left_cues = free.last(clause.start, span.start, lambda c: c.end <= span.start, count=2)
    left_money = readings.last(
        clause.start, span.start, lambda r: r is not reading and r.mention.span.end <= span.start
    )
    if len(left_cues) > 1 and _FOR_BEFORE.search(text, clause.start, left_cues[-1].start):
        # "debt to the U.S. for military purchases is $4.5 billion": a cue after
        # "for"/"of" qualifies an earlier noun, which is what the amount measures.
        left_cues = left_cues[:-1]
    nearest_cue = left_cues[-1] if left_cues else None
    nearest_money = left_money[-1] if left_money else None
    money_nearer = nearest_money is not None and (
        nearest_cue is None or nearest_money.mention.span.start > nearest_cue.start
    )
    if money_nearer and nearest_money is not None and nearest_money.decided:
        _decide(reading, nearest_money.metric)
        return
    if nearest_cue is not None:
        decide(nearest_cue)
        return
    # 3. The nearest cue to the right in the clause.
    right = free.first(head_end, clause.end, lambda c: c.end <= clause.end)
    if right is not None:
        decide(right)
        return
    # 3b. "invested $40 billion in the U.S., and $5 billion in Mexico": an
    # amount opening a clause of its own continues the list before it.
    opens = not text[clause.start : span.start].strip(" ,\u00a0")
    if opens and _LIST_BREAK.search(text, reading.sentence.start, clause.start):
        listed = readings.last(
            reading.sentence.start,
            clause.start,
            lambda r: (
                r is not reading
                and r.sentence == reading.sentence
                and r.mention.span.end <= clause.start
            ),
        )
        if listed and listed[-1].decided:
            _decide(reading, listed[-1].metric)
            return
    # 4. The last cue of the previous sentence, in the same paragraph.
    sentence = reading.sentence
    if free.first(sentence.start, sentence.end, lambda c: c.end <= sentence.end) is not None:
        return  # the sentence speaks of something, just not next to this amount
    previous = _previous_sentence(text, reading.sentence, sentences)
    if previous is not None:
        window = cues[
            bisect.bisect_left(cue_starts, previous.start) : bisect.bisect_right(
                cue_starts, previous.end
            )
        ]
        before = [c for c in window if previous.start <= c.start and c.end <= previous.end]
        if before and before[-1].metric is not None:
            decide(before[-1])


def _metric_in_context(
    text: str,
    reading: _Reading,
    cue: _Cue,
    sentences: Sequence[bilatx.Span],
    places: list[_Place],
) -> str | None:
    """Return what the cue says the amount measures, unless its context says otherwise."""
    metric = cue.metric
    span, clause = reading.mention.span, reading.clause
    if metric is None:
        return None
    if cue.bare_balance and not _trade_balance(text, reading, sentences, places):
        return None  # "the deficit" of a budget or a current account
    if _TO_ECONOMY.match(text, span.end, clause.end):
        return None  # "will contribute $30 billion to India's economy": an impact estimate
    if metric in _FLOWS and _LENDERS.search(text, clause.start, clause.end):
        return None  # a loan from banks, or money asked of them, is debt
    return metric


def _trade_balance(
    text: str, reading: _Reading, sentences: Sequence[bilatx.Span], places: list[_Place]
) -> bool:
    """Tell whether a bare "deficit" or "surplus" near an amount is a trade balance.

    It is not when its sentence speaks of budgets, fiscal policy or the current
    account; it is when the sentence or the one before speaks of trade, exports
    or imports, or when the balance is with a named country.
    """
    sentence, clause = reading.sentence, reading.clause
    if _NON_TRADE_CONTEXT.search(text, sentence.start, sentence.end):
        return False
    previous = _previous_sentence(text, sentence, sentences)
    for part in (sentence, previous):
        if part is not None and _TRADE_CONTEXT.search(text, part.start, part.end):
            return True
    if _FAVOUR.search(text, clause.start, clause.end):
        return True
    return any(
        clause.start <= p.start
        and p.end <= clause.end
        and _WITH_BEFORE.search(text, max(clause.start, p.start - 20), p.start)
        for p in places
    )


def _decide(reading: _Reading, metric: str | None) -> None:
    reading.metric = metric
    reading.decided = True


def _overlaps(cue: _Cue, span: bilatx.Span) -> bool:
    return cue.start < span.end and span.start < cue.end


def _head_end(text: str, start: int, limit: int) -> int:
    """Return where the noun phrase after an amount ends ("deal", "in fresh export credits")."""
    end = start
    words = 0
    for match in _WORD.finditer(text, start, limit):
        token = match.group()
        lower = token.casefold()
        if words == 0 and lower in ("in", "of", "worth"):
            end = match.end()
            continue
        if not token[0].isalpha() or lower in _HEAD_STOP or words >= _HEAD_WORDS:
            break
        words += 1
        end = match.end()
    return end


def _previous_sentence(
    text: str, sentence: bilatx.Span, sentences: Sequence[bilatx.Span]
) -> bilatx.Span | None:
    index = bisect.bisect_left(sentences, sentence.start, key=lambda s: s.start)
    if index <= 0 or index >= len(sentences) or sentences[index].start != sentence.start:
        return None
    previous = sentences[index - 1]
    if "\n" in text[previous.end : sentence.start]:
        return None  # another paragraph speaks of something else
    return previous


# ----------------------------------------------------------------- partners


def _places(doc: bilatx.Document, mentions: bilatx.Mentions) -> list[_Place]:
    """Countries named in the document: places (or geo when no places plugin ran) and officials."""
    found: list[_Place] = []
    kinds = (bilatx.PlaceKind.COUNTRY, bilatx.PlaceKind.DEMONYM, bilatx.PlaceKind.ORGANISATION)
    if mentions.places:
        for place in mentions.places:
            if place.country is None or place.kind not in kinds:
                continue
            found.append(_Place(place.span.start, place.span.end, place.country))
    else:
        found.extend(_Place(m.start, m.end, m.code) for m in bilatx.geo.find_countries(doc.text))
    for person in mentions.people:
        if person.country is None:
            continue
        found.extend(_Place(s.start, s.end, person.country) for s in person.spans)
    return sorted(
        (p for p in found if len(p.code) == 3 or p.code in _BLOCS),  # noqa: PLR2004
        key=lambda p: (p.start, p.end),
    )


def _main_countries(places: list[_Place]) -> tuple[str, ...]:
    counts = Counter(p.code for p in places)
    first: dict[str, int] = {}
    for place in places:
        first.setdefault(place.code, place.start)
    ranked = sorted(counts, key=lambda code: (-counts[code], first[code]))
    return tuple(ranked[:2])


@attrs.frozen
class _Claim:
    """The countries written right beside one amount."""

    receiving: tuple[_Place, ...]
    """The countries right after it: "$1 billion *to Poland and Moldova*"."""
    describing: tuple[_Place, ...]
    """The countries right before it: "a *Saudi and Emirati* $2 billion deposit"."""

    @property
    def places(self) -> tuple[_Place, ...]:
        return (*self.describing, *self.receiving)


def _claimed(text: str, reading: _Reading, places: list[_Place]) -> _Claim:
    """Return the countries written right beside an amount.

    Other amounts of the sentence do not take these countries as partners.
    """
    span, clause = reading.mention.span, reading.clause
    receiving: list[_Place] = []
    limit = min(clause.end, span.end + _ADJACENT_REACH)
    first = bisect.bisect_left(places, span.end, key=lambda p: p.start)
    for place in places[first:]:
        if place.end > clause.end:
            break
        if not receiving:
            if place.end <= limit and _ADJACENT_GAP.fullmatch(text, span.end, place.start):
                receiving.append(place)
        elif _LIST_JOIN.fullmatch(text, receiving[-1].end, place.start):
            receiving.append(place)  # "to Poland and Moldova"
        elif place.start >= receiving[-1].end:
            break
    describing: list[_Place] = []
    lo = bisect.bisect_left(places, clause.start, key=lambda p: p.start)
    before = [p for p in places[lo:first] if p.end <= span.start]
    end, gap = span.start, _PREMODIFIER_GAP
    for place in reversed(before):
        if not gap.fullmatch(text, place.end, end):
            break
        describing.insert(0, place)
        end, gap = place.start, _PREMODIFIER_JOIN
    return _Claim(tuple(receiving), tuple(describing))


def _codes_in(places: Iterable[_Place], start: int, end: int) -> list[str]:
    return list(dict.fromkeys(p.code for p in places if start <= p.start and p.end <= end))


def _partners(
    text: str,
    reading: _Reading,
    *,
    places: list[_Place],
    main: tuple[str, ...],
    sentences: Sequence[bilatx.Span],
    cues: list[_Cue],
    claim: _Claim | None = None,
) -> tuple[str, ...]:
    clause, sentence = reading.clause, reading.sentence
    previous = _previous_sentence(text, sentence, sentences)
    if claim is not None and claim.receiving:
        # The countries right after the amount are one side; the countries
        # describing it ("a joint Saudi and Emirati $2 billion loan to Yemen"),
        # else the nearest other one before it in the clause, else nearby,
        # else the document's main pair, the other.
        receiving = list(dict.fromkeys(p.code for p in claim.receiving))
        describing = [p.code for p in claim.describing if p.code not in receiving]
        if describing:
            return (*dict.fromkeys(describing), *receiving)
        start = reading.mention.span.start
        before = _codes_in(places, clause.start, start) or _codes_in(places, sentence.start, start)
        nearby = _codes_in(places, previous.start, previous.end) if previous else []
        other = [c for c in (*reversed(before), *nearby, *main) if c not in receiving]
        return (other[0], *receiving) if other else tuple(receiving)
    partners = _codes_in(places, clause.start, clause.end) or _codes_in(
        places, sentence.start, sentence.end
    )
    if not partners and previous is not None:
        partners = _codes_in(places, previous.start, previous.end)
    if not partners:
        # Nobody named nearby: the document's main pair, or for a balance
        # ("the trade deficit") the country the document is most about.
        return main[:1] if reading.metric in ONE_SIDED else main
    if len(partners) > 2 and len(main) == 2 and set(main) <= set(partners):  # noqa: PLR2004
        # "Since Russia's invasion of Ukraine, the United States has committed
        # $3.7 billion": in a bilateral text a third country is context.
        return main
    if len(partners) == 1:
        two_sided = reading.metric not in ONE_SIDED or _BILATERAL.search(
            text, sentence.start, sentence.end
        )
        if two_sided:
            nearby = _codes_in(places, previous.start, previous.end) if previous else []
            other = [c for c in (*nearby, *main) if c != partners[0]]
            if other:
                partners.append(other[0])
        elif previous is not None and any(
            previous.start <= c.start and c.end <= previous.end and c.metric is not None
            for c in cues
        ):
            # "French and Soviet ministers vowed to cut the deficit. ... a French
            # surplus": a previous sentence on the same balance names the other side.
            named = _codes_in(places, previous.start, previous.end)
            nearby = [c for c in named if c != partners[0]]
            if nearby and partners[0] in named:
                partners.append(nearby[0])
    return tuple(partners)


# ------------------------------------------------------------------- period


def _dates_within(
    dates: Sequence[bilatx.DateMention], starts: list[int], clause: bilatx.Span
) -> Sequence[bilatx.DateMention]:
    """Return the date mentions that start inside ``clause`` (dates are sorted by span)."""
    return dates[bisect.bisect_left(starts, clause.start) : bisect.bisect_right(starts, clause.end)]


def _date(text: str, reading: _Reading, dates: Sequence[bilatx.DateMention]) -> None:
    span, clause = reading.mention.span, reading.clause
    after = [d for d in dates if span.end <= d.span.start and d.span.end <= clause.end]
    if after:
        first = after[0]
        gap = text[span.end : first.span.start]
        if _adjacent(gap, _PERIOD_GAP):
            _set_period(reading, first)
            return
    fiscal = _FISCAL.match(text, _skip_head(text, span.end, clause.end), clause.end)
    if fiscal is not None:
        reading.period_text = fiscal.group("period")
        reading.dated = True
        return
    before = [d for d in dates if clause.start <= d.span.start and d.span.end <= span.start]
    if before and not _COMPARED_BEFORE.search(text, max(clause.start, span.start - 30), span.start):
        last = before[-1]
        gap = text[last.span.end : span.start]
        word = _WORD_BEFORE.search(text, clause.start, last.span.start)
        introduced = word.group(1).casefold() if word is not None else ""
        if _LEFT_PERIOD_GAP.fullmatch(gap) and introduced not in _BLOCKING:
            _set_period(reading, last)


def _skip_head(text: str, start: int, limit: int) -> int:
    """Skip the noun right after an amount: "$8 billion *in trade* in 2022-23"."""
    match = _HEAD_BEFORE_PERIOD.match(text, start, limit)
    return match.end() if match else start


def _adjacent(gap: str, pattern: regex.Pattern[str]) -> bool:
    match = pattern.fullmatch(gap)
    if match is None:
        return False
    words = [w.casefold() for w in _LETTERS.findall(gap)]
    if words and words[-1] in _BLOCKING_DIRECT:
        return False
    return not any(w in _BLOCKING for w in words)


def _set_period(reading: _Reading, date: bilatx.DateMention) -> None:
    reading.dated = True
    if date.value is None:
        reading.period_text = date.text  # a fiscal year or a partial year: kept as written
    else:
        reading.period = date.value


def _targets_and_respectively(text: str, figures: list[_Reading]) -> None:
    for i, reading in enumerate(figures):
        if reading.dated or i == 0:
            continue
        earlier = figures[i - 1]
        gap = text[earlier.mention.span.end : reading.mention.span.start]
        if earlier.dated and earlier.sentence == reading.sentence and _TARGET.fullmatch(gap):
            reading.period, reading.period_text = earlier.period, earlier.period_text
            reading.dated = True
    _respectively(text, figures)


def _respectively(text: str, figures: list[_Reading]) -> None:
    """Give "X and Y, respectively" the periods of the figures listed before them, in order."""
    by_clause: dict[tuple[int, int], list[_Reading]] = {}
    for reading in figures:
        by_clause.setdefault((reading.clause.start, reading.clause.end), []).append(reading)
    clauses = sorted(by_clause)
    for index, key in enumerate(clauses):
        group = by_clause[key]
        if any(r.dated for r in group) or not _RESPECTIVELY.search(text, key[0], key[1]):
            continue
        for earlier_key in reversed(clauses[:index]):
            earlier = by_clause[earlier_key]
            if len(earlier) == len(group) and all(r.dated for r in earlier):
                for source, target in zip(earlier, group, strict=True):
                    target.period, target.period_text = source.period, source.period_text
                    target.dated = True
                break


def _carry_periods(text: str, figures: list[_Reading], dates: Sequence[bilatx.DateMention]) -> None:
    """Give an undated amount the period stated earlier in its sentence.

    "In 2024, exports grew 20 percent, with a surplus of $X" and "exports
    reached $Y in 2024, with a surplus of $X": the year covers the whole
    clause (or, opening the sentence, the whole sentence). Not carried: to
    the earlier side of a comparison ("from $X", "against $X"), past an amount
    of another period, or from a date that is not a period ("on March 5",
    "by 2030", "since 2020").
    """
    ordered = sorted(dates, key=lambda d: (d.span.start, d.span.end))
    starts = [d.span.start for d in ordered]
    by_sentence: dict[bilatx.Span, list[_Reading]] = {}
    for reading in figures:
        by_sentence.setdefault(reading.sentence, []).append(reading)
    for reading in figures:
        span, sentence = reading.mention.span, reading.sentence
        if reading.dated or (reading.trend is not None and reading.trend.earlier == span):
            continue
        if _COMPARED_BEFORE.search(text, max(sentence.start, span.start - 30), span.start):
            continue
        index = bisect.bisect_left(starts, span.start) - 1
        while index >= 0 and ordered[index].span.end > span.start:
            index -= 1
        if index < 0 or ordered[index].span.start < sentence.start:
            continue
        date = ordered[index]
        if not _is_period(text, date, reading):
            continue
        between = [
            r
            for r in by_sentence[sentence]
            if date.span.end <= r.mention.span.start and r.mention.span.end <= span.start
        ]
        if any(r.dated and (r.period, r.period_text) != _value(date) for r in between):
            continue
        _set_period(reading, date)


def _is_period(text: str, date: bilatx.DateMention, reading: _Reading) -> bool:
    """Tell whether a date earlier in the sentence is a period the amount can share."""
    if date.value is not None and date.granularity is not bilatx.Granularity.YEAR:
        return False  # "last month", "on March 5": when something happened
    if date.value is None and date.granularity is not bilatx.Granularity.UNKNOWN:
        return False  # "next week"
    sentence, clause = reading.sentence, reading.clause
    word = _WORD_BEFORE.search(text, sentence.start, date.span.start)
    introduced = word.group(1).casefold() if word is not None else ""
    if introduced in _BLOCKING | _BLOCKING_DIRECT:
        return False
    if introduced and introduced not in _PERIOD_INTRODUCERS and not date.relative:
        return False  # "the 2019 agreement": a name, not a period
    if clause.start <= date.span.start:
        return True
    return _SENTENCE_OPENING.fullmatch(text, sentence.start, date.span.start) is not None


def _value(
    date: bilatx.DateMention,
) -> tuple[bilatx.DateValue | bilatx.DateInterval | None, str | None]:
    return (date.value, None) if date.value is not None else (None, date.text)


# ------------------------------------------------------------------- trends


def _trends(text: str, figures: list[_Reading]) -> None:
    for first, second in itertools.pairwise(figures):
        if first.sentence != second.sentence:
            continue
        gap = text[first.mention.span.end : second.mention.span.start]
        before_first = text[
            max(first.sentence.start, first.mention.span.start - 12) : first.mention.span.start
        ]
        earlier = later = None
        direction_words = ""
        if _FROM_BEFORE.search(before_first) and _FROM_TO_GAP.match(gap):
            earlier, later = first, second  # "from X to Y"
        else:
            match = _FROM_GAP.match(gap)
            if match is not None and (match.group("how") or _TO_BEFORE.search(before_first)):
                earlier, later = second, first  # "rose to Y from X", "Y, down from X"
                direction_words = (match.group("how") or "").strip().casefold()
        if earlier is None or later is None:
            continue
        trend = bilatx.TradeTrend(
            direction=_direction(earlier.mention.value, later.mention.value, direction_words),
            earlier=earlier.mention.span,
            later=later.mention.span,
        )
        earlier.trend = later.trend = trend


def _direction(earlier: bilatx.Money, later: bilatx.Money, words: str) -> str:
    if words == "up":
        return "increase"
    if words == "down":
        return "decrease"
    a, b = _middle(earlier), _middle(later)
    if a is None or b is None or a == b:
        return "change"
    return "increase" if b > a else "decrease"


def _middle(money: bilatx.Money) -> Decimal | None:
    if money.low is not None and money.high is not None:
        return (money.low + money.high) / 2
    return money.low if money.low is not None else money.high
