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
   budgets, reserves and earnings are not trade figures.
2. **Between whom?** The countries named in its clause or sentence (places and
   officials' countries), else in the previous sentence; a flow (trade, aid, a
   deal) with only one side named takes the document's other main country.
3. **When?** A date written right beside it ("USD 50 billion *last year*",
   "565 mln stg *in 1986*", "which *last year* amounted to ..."), never one
   introduced by "by", "through" or "since"; a target takes its
   comparison's period ("one billion dlrs against a targeted 1.6 billion");
   "X and Y, respectively" take the periods of the figures before them.
   Fiscal years and partial years are kept as ``period_text``.
4. **How did it change?** "from X to Y", "rose to Y from X", "Y, down from X"
   link the earlier and the later figure with a :class:`bilatx.TradeTrend`.
"""

from __future__ import annotations

import itertools
from collections import Counter
from typing import TYPE_CHECKING, Final

import attrs
import regex

import bilatx
import bilatx.geo
import bilatx.text
from bilatx_records._trade_vocab import BILATERAL, ONE_SIDED, cue_pattern, metric_of

if TYPE_CHECKING:
    from collections.abc import Iterable, Sequence
    from decimal import Decimal

__all__ = ["build_trade_figures"]

EXTRACTOR: Final = "records"

# Metrics that are international by nature: one named country is enough
# ("India's exports reached ..."). Investment, aid and deals can be domestic
# ("the state will invest Rs 500 crore in roads"), so they need two parties.
_CROSS_BORDER: Final = frozenset(("trade", "exports", "imports", "deficit", "surplus"))

# Organisations that trade, give aid or sign deals as one party.
_BLOCS: Final = frozenset(("EU", "EC", "ASEAN", "GCC", "EAEU", "MERCOSUR"))

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
_BLOCKING: Final = frozenset(
    (
        *("by", "through", "thru", "until", "till", "since", "before", "after", "from"),
        *("to", "between", "within", "beyond", "starting", "ending", "till", "ahead"),
        *("signed", "announced", "said", "agreed", "reported"),
    )
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
_TIME_UNITS: Final = frozenset(("year", "annum", "month", "week", "day", "quarter"))


@attrs.frozen
class _Cue:
    start: int
    end: int
    metric: str | None
    """The metric of a positive cue; ``None`` for a negative one."""


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
    for mention in mentions.money:
        if mention.unit is not None and mention.unit not in _TIME_UNITS:
            continue  # a price per barrel is not a trade figure
        sentence = bilatx.text.sentence_at(sentences, mention.span.start) or mention.span
        readings.append(_Reading(mention, sentence, _clause(text, sentence, mention.span.start)))
    for reading in readings:
        _classify(text, reading, readings, cues, sentences)
    figures = [r for r in readings if r.metric is not None]
    for reading in figures:
        reading.partners = _partners(
            text, reading, places=places, main=main, sentences=sentences, cues=cues
        )
        _date(text, reading, mentions.dates)
    _targets_and_respectively(text, figures)
    _trends(text, figures)
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


def _clause(text: str, sentence: bilatx.Span, offset: int) -> bilatx.Span:
    start, end = sentence.start, sentence.end
    for match in _CLAUSE_BREAK.finditer(text, sentence.start, sentence.end):
        if match.end() <= offset:
            start = match.end()
        elif match.start() >= offset:
            end = match.start()
            break
    return bilatx.Span(start, end)


def _cues(text: str) -> list[_Cue]:
    out: list[_Cue] = []
    for match in bilatx.text.finditer(cue_pattern(), text):
        if match.group("skip") is not None:
            continue
        if match.group("neg") is not None or match.group("negm") is not None:
            out.append(_Cue(match.start(), match.end(), None))
        else:
            out.append(_Cue(match.start(), match.end(), metric_of(match.group())))
    return out


def _paragraph_of(text: str, span: bilatx.Span) -> tuple[int, int]:
    start = text.rfind("\n", 0, span.start) + 1
    end = text.find("\n", span.end)
    return start, len(text) if end < 0 else end


# ------------------------------------------------------------------- metric


def _classify(
    text: str,
    reading: _Reading,
    readings: list[_Reading],
    cues: list[_Cue],
    sentences: Sequence[bilatx.Span],
) -> None:
    span = reading.mention.span
    clause = reading.clause
    others = [r for r in readings if r is not reading]
    inside = [c for c in cues if not any(_overlaps(c, r.mention.span) for r in readings)]
    # 1. The noun the amount belongs to.
    head_end = _head_end(text, span.end, clause.end)
    head = [c for c in inside if span.end <= c.start and c.end <= head_end]
    if head:
        _decide(reading, head[-1].metric)
        return
    # 2. The nearest cue to the left in the clause, or an amount listed just before.
    left_cues = [c for c in inside if clause.start <= c.start and c.end <= span.start]
    left_money = [
        r
        for r in others
        if clause.start <= r.mention.span.start and r.mention.span.end <= span.start
    ]
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
        _decide(reading, nearest_cue.metric)
        return
    # 3. The nearest cue to the right in the clause.
    right = [c for c in inside if head_end <= c.start and c.end <= clause.end]
    if right:
        _decide(reading, right[0].metric)
        return
    # 4. The last cue of the previous sentence, in the same paragraph.
    if any(reading.sentence.start <= c.start and c.end <= reading.sentence.end for c in inside):
        return  # the sentence speaks of something, just not next to this amount
    previous = _previous_sentence(text, reading.sentence, sentences)
    if previous is not None:
        before = [c for c in cues if previous.start <= c.start and c.end <= previous.end]
        if before and before[-1].metric is not None:
            _decide(reading, before[-1].metric)


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
    index = sentences.index(sentence) if sentence in sentences else -1
    if index <= 0:
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
) -> tuple[str, ...]:
    clause, sentence = reading.clause, reading.sentence
    partners = _codes_in(places, clause.start, clause.end) or _codes_in(
        places, sentence.start, sentence.end
    )
    previous = _previous_sentence(text, sentence, sentences)
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
    if before:
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
    return not any(w.casefold() in _BLOCKING for w in _LETTERS.findall(gap))


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
