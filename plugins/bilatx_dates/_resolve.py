"""Calendar arithmetic and tense reading for relative and year-less dates.

Everything here is pure: a base date and a few integers in, a date out. The
rules are the ones a careful reader applies:

- a year-less date ("December 26", "in June") takes the year that places it
  nearest to the publication date, unless the sentence is in the future tense
  and that reading is already past ("will meet in October" read in December);
- a weekday is the most recent one (the same day included) in a past-tense
  sentence and the next one in a future-tense sentence;
- "last April" is the most recent April before the current month, "next April"
  the first one after it.
"""

from __future__ import annotations

import datetime as dt
from enum import Enum
from functools import cache
from typing import Final

import regex

from bilatx_dates._vocab import (
    FUTURE_CUES,
    INFINITIVES,
    MODALS,
    NOT_PAST_ED,
    PAST_CUES,
    SCHEDULED_PRESENT,
)

# How far the nearest reading may lie in the past before a future tense
# overrides it. A future cue ("will", "is scheduled to") is reliable: "will be
# held on December 12" read on January 10 is next December; a week's leeway
# keeps datelines and time zones on the nearest reading. A past cue is not
# trusted to push a date back a year: a past reporting verb often governs a
# future event ("announced the visit on March 2", "looked ahead to the summit
# on June 28"), so past-tense sentences keep the nearest reading.
_FUTURE_DAYS: Final = 7
_FUTURE_MONTHS: Final = 0
_PLAN_WORDS: Final = frozenset(
    ("expected", "scheduled", "due", "set", "slated", "planned", "hoped", "proposed", "intended")
)
_MONTHS_PER_YEAR: Final = 12
_BACKWARD_TOKENS: Final = 14
_FORWARD_TOKENS: Final = 8


class Tense(Enum):
    """Which way a sentence points in time."""

    PAST = "past"
    FUTURE = "future"


def shift_month(year: int, month: int, offset: int) -> tuple[int, int]:
    """Return ``(year, month)`` moved by ``offset`` months."""
    index = year * _MONTHS_PER_YEAR + (month - 1) + offset
    return index // _MONTHS_PER_YEAR, index % _MONTHS_PER_YEAR + 1


def _valid(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def year_for_day(base: dt.date, month: int, day: int, tense: Tense | None) -> int | None:
    """Return the year that places ``month``/``day`` nearest to ``base``.

    When the sentence is in the future tense and the nearest reading lies more
    than a week in the past ("will be held on September 10" read in October),
    the first reading after ``base`` wins. ``None`` when no nearby year has the
    day (February 30).
    """
    options = [
        (abs((d - base).days), d)
        for year in (base.year - 1, base.year, base.year + 1)
        if (d := _valid(year, month, day)) is not None
    ]
    if not options:
        return None
    # Ties go to the past: reports mostly look back.
    distance, best = min(options, key=lambda o: (o[0], o[1]))
    if tense is Tense.FUTURE and best < base and distance > _FUTURE_DAYS:
        later = [d for _, d in options if d > base]
        best = min(later) if later else best
    return best.year


def year_for_month(base: dt.date, month: int, tense: Tense | None) -> int:
    """Return the year that places ``month`` nearest to ``base``'s month.

    A future tense moves any past month but the current one to the year after
    ("will meet in October" read in December); ties go to the past.
    """
    here = base.year * _MONTHS_PER_YEAR + base.month - 1
    options = [
        (abs(year * _MONTHS_PER_YEAR + month - 1 - here), year * _MONTHS_PER_YEAR + month - 1)
        for year in (base.year - 1, base.year, base.year + 1)
    ]
    distance, best = min(options)
    if tense is Tense.FUTURE and best < here and distance > _FUTURE_MONTHS:
        best = min(i for _, i in options if i > here)
    return best // _MONTHS_PER_YEAR


def last_month_named(base: dt.date, month: int) -> int:
    """Return the year of the most recent ``month`` before ``base``'s month ("last April")."""
    return base.year if month < base.month else base.year - 1


def next_month_named(base: dt.date, month: int) -> int:
    """Return the year of the first ``month`` after ``base``'s month ("next April")."""
    return base.year if month > base.month else base.year + 1


def weekday_date(base: dt.date, weekday: int, rel: str | None, tense: Tense | None) -> dt.date:
    """Return the date of ``weekday`` (Monday is 0) as a sentence about ``base`` means it.

    ``rel`` is the word before the weekday ("last", "next", "this", "coming",
    "past") or ``None``.
    """
    back = (base.weekday() - weekday) % 7
    ahead = (weekday - base.weekday()) % 7
    if rel in {"last", "past"}:
        return base - dt.timedelta(days=back or 7)
    if rel in {"next", "coming"}:
        return base + dt.timedelta(days=ahead or 7)
    if rel == "this":
        if tense is Tense.PAST:
            return base - dt.timedelta(days=back)
        return base + dt.timedelta(days=ahead)
    if tense is Tense.FUTURE:
        return base + dt.timedelta(days=ahead or 7)
    return base - dt.timedelta(days=back)


@cache
def _token_pattern() -> regex.Pattern[str]:
    return regex.compile(r"[A-Za-z]+(?:['\u2019][A-Za-z]+)?")


@cache
def _clause_end() -> regex.Pattern[str]:
    # "U.S. Trade Representative": an initial's full stop ends no clause.
    return regex.compile(r"[;:!?]|(?<!\b\p{Lu})\.\s")


def _past_plan(tokens: list[str], i: int) -> Tense | None:
    """Return past when token ``i`` is a plan word reported in the past ("was due")."""
    if i + 1 >= len(tokens):
        return None
    word, before = tokens[i].lower(), tokens[i + 1].lower()
    if word in _PLAN_WORDS and before in {"was", "were", "had"}:
        return Tense.PAST
    return None


def _cue(tokens: list[str], i: int, *, weekday: bool) -> Tense | None:
    """Read token ``i`` of ``tokens``, which run away from the date.

    Returns the tense the token signals, or ``None`` when it signals none
    (including an ambiguous passive such as "is held").
    """
    word = tokens[i].lower().replace("\u2019", "'")
    if word == "to" and i > 0 and tokens[i - 1].lower() in INFINITIVES:
        # "agreed to meet in October" looks ahead, unless the plan itself is
        # reported as past: "was expected to open on December 20".
        return _past_plan(tokens, i + 1) or Tense.FUTURE
    if word in FUTURE_CUES:
        return _past_plan(tokens, i) or Tense.FUTURE
    if word.endswith("'ll") or word == "won't":
        return Tense.FUTURE
    if word in PAST_CUES or (len(word) > 4 and word.endswith("ed") and word not in NOT_PAST_ED):  # noqa: PLR2004
        before = tokens[i + 1].lower() if i + 1 < len(tokens) else ""
        if before in {"be", "being"}:
            aux = tokens[i + 2].lower() if i + 2 < len(tokens) else ""
            return Tense.FUTURE if aux in MODALS else None
        if before in {"is", "are"}:
            return None
        return Tense.PAST
    if word in SCHEDULED_PRESENT and (weekday or word not in {"is", "are"}):
        # A present-tense event verb with a date announces a schedule ("the
        # fair opens on May 3", "talks begin Monday").
        return Tense.FUTURE
    return None


def tense_at(
    text: str, sentence_start: int, sentence_end: int, start: int, end: int, *, weekday: bool
) -> Tense | None:
    """Return the tense of the clause around ``text[start:end]``, or ``None`` when unclear.

    The nearest cue before the date wins ("said ... would be held in June" is
    future); when there is none, the first cue after it ("Modi on Tuesday spoke").
    """
    words = _token_pattern()
    before = words.findall(text, sentence_start, start)[-_BACKWARD_TOKENS:]
    before.reverse()
    stop = _clause_end().search(text, end, sentence_end)
    after = _forward_words(words.findall(text, end, stop.start() if stop else sentence_end))
    for i in range(len(before)):
        if before[i].lower() == "that":
            # "said that on Thursday X would meet": the date opens the reported
            # clause, whose own verb comes after it.
            cue = _forward_cue(after, weekday=weekday)
            if cue is not None:
                return cue
        cue = _cue(before, i, weekday=weekday)
        if cue is not None:
            return cue
    return _forward_cue(after, weekday=weekday)


def _forward_words(words: list[str]) -> list[str]:
    """Return the words after a date that a forward scan reads.

    Capitalised words (a subject's title and name: "Deputy Trade
    Representative Michael Smith would") do not count towards the limit.
    """
    out: list[str] = []
    counted = 0
    for word in words:
        out.append(word)
        if not word[:1].isupper():
            counted += 1
            if counted >= _FORWARD_TOKENS:
                break
    return out


def _forward_cue(after: list[str], *, weekday: bool) -> Tense | None:
    """The first tense cue among the words after a date."""
    for i in range(len(after)):
        # Auxiliaries come before the verb they govern: hand _cue the words
        # read so far, nearest first, as the backward scan does.
        cue = _cue(after[i::-1], 0, weekday=weekday)
        if cue is not None:
            return cue
    return None
