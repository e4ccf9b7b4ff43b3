"""Find date and duration candidates, keep the best non-overlapping ones, resolve them.

Two passes over a document:

1. every rule of :mod:`bilatx_dates._patterns` runs over the text; a builder
   turns each match into a :class:`Candidate` holding one or more
   :class:`Part` (one per mention: "June 29 and 30" gives two) or refuses it
   (a year that is really a count, a decade that is an age). The longest
   candidates win overlaps, the rule priority breaks ties.
2. the surviving parts are resolved in text order against the publication
   date, the sentence's tense and the explicit years around them.
"""

from __future__ import annotations

import datetime as dt
from functools import cache
from typing import TYPE_CHECKING, Any, Final, NamedTuple

import regex

import bilatx
from bilatx.text import sentence_at
from bilatx_dates._numeric import parse_numeric
from bilatx_dates._patterns import Trigger, rules, triggers
from bilatx_dates._resolve import (
    Tense,
    last_month_named,
    next_month_named,
    shift_month,
    tense_at,
    weekday_date,
    year_for_day,
    year_for_month,
)
from bilatx_dates._vocab import (
    FUNCTION_WORDS,
    MONTH_NUMBERS,
    NOT_YEAR_AFTER,
    NOT_YEAR_BEFORE,
    NUMBER_WORDS,
    UNIT_DAYS,
    WEEKDAY_NUMBERS,
    words,
)

if TYPE_CHECKING:
    from collections.abc import Callable

    MatchT = regex.Match[str]

EXTRACTOR: Final = "dates"

G = bilatx.Granularity

# Part kinds: how a part is resolved in the second pass.
ABS: Final = "abs"  # data: (DateValue | DateInterval,)
YEARLESS: Final = "yearless"  # data: (month, day | None, end_month | None, end_day | None)
MONTH_REL: Final = "month_rel"  # data: (rel: last/next/this/last_year/..., month)
REL_DAY: Final = "rel_day"  # data: (offset in days,)
REL_UNIT: Final = "rel_unit"  # data: (unit, offset)
WEEKDAY: Final = "weekday"  # data: (rel | None, weekday)
NONE: Final = "none"  # data: (granularity, relative)
NUMERIC: Final = "numeric"  # data: (matched text,)
ORDINAL: Final = "ordinal"  # data: (day,)
DURATION: Final = "duration"  # data: (days,)

_DETERMINERS: Final = words(
    "the a an its their his her our this that these those whose fiscal my your"
)
_MODERN: Final = 1900
_RANGE_CONTEXT: Final = words("in during for since until till through the by over")
_EARLY: Final = 1800
_EARLY_CONTEXT: Final = words(
    "in of since until till by before after from to between and circa c year"
)
_YEAR_PREPOSITIONS: Final = words(
    """
    in of since until till by before after during for ahead from to through between and
    around circa c year below above at than under near throughout
    """
)
_VERSION_WORDS: Final = words("version versions v ver release build")
_POSSESSIVES: Final = words("his her their its my your our")


class Part(NamedTuple):
    """One mention to be: where, which rule, and what to resolve."""

    start: int
    end: int
    rule: str
    kind: str
    data: tuple[Any, ...]


class Candidate(NamedTuple):
    """A rule's match: its span, priority and the mentions it yields."""

    start: int
    end: int
    priority: int
    parts: tuple[Part, ...]


# ------------------------------------------------------------------ helpers


@cache
def _word_before() -> regex.Pattern[str]:
    return regex.compile(r"([\w$\u20ac\u00a3\u20b9'.]+)\s*$")


@cache
def _word_after() -> regex.Pattern[str]:
    return regex.compile(r"\s*([\w'.%]+)")


@cache
def _dateline() -> regex.Pattern[str]:
    # "WASHINGTON, " / "TAUPO, New Zealand, " / "By A Reporter Beijing, " at the
    # start of a line, then the date, then " - " or " (PTI)".
    # Words and separators are disjoint character sets, so matching is linear.
    return regex.compile(r"[^\w\n]*[A-Z][\w.'\u2019-]*(?:[,\s]+[\w.'\u2019-]+){0,7},\s*")


def word_before(text: str, pos: int) -> str:
    """Return the word just before ``pos`` (without spaces), or ``""``."""
    match = _word_before().search(text, max(0, pos - 40), pos)
    return match.group(1) if match else ""


def word_after(text: str, pos: int) -> str:
    """Return the word just after ``pos`` (without spaces), or ``""``."""
    match = _word_after().match(text, pos, min(len(text), pos + 40))
    return match.group(1) if match else ""


def is_dateline(text: str, start: int, end: int) -> bool:
    """Return whether the date at ``text[start:end]`` is a wire dateline ("TOKYO, March 22 - ")."""
    line_start = text.rfind("\n", 0, start) + 1
    if start - line_start > 80:  # noqa: PLR2004
        return False
    if _dateline().fullmatch(text, line_start, start) is None:
        return False
    rest = text[end : end + 4].lstrip(" \t")
    return rest[:1] in {"-", "\u2013", "\u2014", "(", "/"}


def _month(name: str) -> int:
    return MONTH_NUMBERS[name.rstrip(".").lower()]


def _day(text: str) -> int:
    return int(text.rstrip("stndrh"))


def _number(text: str) -> int | None:
    word = " ".join(text.lower().split())
    if word.isdigit():
        return int(word)
    return NUMBER_WORDS.get(word)


def _date_value(year: int, month: int | None = None, day: int | None = None) -> bilatx.DateValue:
    return bilatx.DateValue(year, month, day)


def _safe_value(year: int, month: int | None, day: int | None) -> bilatx.DateValue | None:
    try:
        return _date_value(year, month, day)
    except ValueError:
        return None


def _year_follows_ok(text: str, m: MatchT, group: str = "y") -> bool:
    """Refuse a trailing year that is really a count ("May 5 2000 tonnes")."""
    if m.group(group) is None:
        return True
    return word_after(text, m.end(group)).lower().rstrip(".") not in NOT_YEAR_AFTER


def _single(m: MatchT, rule: str, kind: str, *data: object) -> list[Part]:
    return [Part(m.start(), m.end(), rule, kind, tuple(data))]


def _none(m: MatchT, rule: str, granularity: bilatx.Granularity, *, relative: bool) -> list[Part]:
    return _single(m, rule, NONE, granularity, relative)


# ----------------------------------------------------------------- builders
# Each builder reads one match and returns the parts it yields, or [] to
# refuse the match. They only read; resolution happens later.


def _b_day_range_same_month(m: MatchT, text: str) -> list[Part]:
    month = _month(m["m1"])
    d1, d2 = _day(m["d1"]), _day(m["d2"])
    if d2 <= d1 or not _year_follows_ok(text, m):
        return []
    rule = "day_range"
    if m["y"]:
        start = _safe_value(int(m["y"]), month, d1)
        end = _safe_value(int(m["y"]), month, d2)
        if start is None or end is None:
            return []
        return _single(m, rule, ABS, bilatx.DateInterval(start, end))
    return _single(m, rule, YEARLESS, month, d1, month, d2)


def _b_day_range_two_months(m: MatchT, text: str) -> list[Part]:
    m1, m2 = _month(m["m1"]), _month(m["m2"])
    d1, d2 = _day(m["d1"]), _day(m["d2"])
    if not _year_follows_ok(text, m):
        return []
    rule = "day_range"
    y2 = int(m["y"]) if m["y"] else None
    y1 = int(m["y1"]) if m["y1"] else None
    if y2 is not None:
        if y1 is None:
            y1 = y2 if (m1, d1) <= (m2, d2) else y2 - 1
        start, end = _safe_value(y1, m1, d1), _safe_value(y2, m2, d2)
        if start is None or end is None or end.first_day() < start.first_day():
            return []
        return _single(m, rule, ABS, bilatx.DateInterval(start, end))
    if y1 is not None:
        return []
    return _single(m, rule, YEARLESS, m1, d1, m2, d2)


def _b_two_days(m: MatchT, text: str) -> list[Part]:
    # "June 29 and 30": two days, not a range.
    month = _month(m["m1"])
    d1, d2 = _day(m["d1"]), _day(m["d2"])
    if d2 <= d1 or not _year_follows_ok(text, m):
        return []
    rule = "day_list"
    # "June 29" + "30", or "29" + "30 June": each day keeps its own words.
    first, second = (m.start(), m.end("d1")), (m.start("d2"), m.end())
    if m["y"]:
        year = int(m["y"])
        v1, v2 = _safe_value(year, month, d1), _safe_value(year, month, d2)
        if v1 is None or v2 is None:
            return []
        return [Part(*first, rule, ABS, (v1,)), Part(*second, rule, ABS, (v2,))]
    return [
        Part(*first, rule, YEARLESS, (month, d1, None, None)),
        Part(*second, rule, YEARLESS, (month, d2, None, None)),
    ]


def _b_month_range(m: MatchT, text: str) -> list[Part]:
    lead = (m["lead"] or "").lower()
    sep = m["sep"].strip().lower()
    dash = sep in {"-", "\u2013", "\u2014"}
    if sep == "and" and lead != "between":
        return []
    if lead == "between" and sep != "and" and not dash:
        return []
    if not lead and not (
        dash and (m["y"] or word_before(text, m.start()).lower() in _RANGE_CONTEXT)
    ):
        return []  # "postponed March to May" is no range; "in January-March" is
    if not _year_follows_ok(text, m):
        return []
    m1, m2 = _month(m["m1"]), _month(m["m2"])
    rule = "month_range"
    y2 = int(m["y"]) if m["y"] else None
    y1 = int(m["y1"]) if m["y1"] else None
    if y2 is not None:
        if y1 is None:
            y1 = y2 if m1 <= m2 else y2 - 1
        start, end = _date_value(y1, m1), _date_value(y2, m2)
        if end.first_day() <= start.first_day():
            return []
        return _single(m, rule, ABS, bilatx.DateInterval(start, end))
    if y1 is not None or m1 == m2:
        return []
    return _single(m, rule, YEARLESS, m1, None, m2, None)


def _b_year_range(m: MatchT, text: str) -> list[Part]:
    if word_before(text, m.start()).lower().rstrip(".") in NOT_YEAR_BEFORE:
        return []  # "pp. 1999-2003"
    lead = (m["lead"] or "").lower()
    sep = m["sep"].strip().lower()
    if (sep == "and") != (lead == "between"):
        return []
    y1, y2 = int(m["y1"]), int(m["y2"])
    if y2 <= y1 or not _year_follows_ok(text, m, "y2"):
        return []
    interval = bilatx.DateInterval(_date_value(y1), _date_value(y2))
    return _single(m, "year_range", ABS, interval)


def _b_short_year_range(m: MatchT, _text: str) -> list[Part]:
    y1 = int(m["y1"])
    tail = m["yy1"]
    if m["sep1"] == "/" or m["y2"] or len(tail) == 4:  # noqa: PLR2004
        # "1986/87", "2009/2010", "2009-10 to 2017-18": fiscal or crop years.
        return _none(m, "fiscal_year", G.UNKNOWN, relative=False)
    short = int(tail)
    if short == (y1 + 1) % 100:
        return _none(m, "fiscal_year", G.UNKNOWN, relative=False)
    if short > y1 % 100:
        end = y1 - y1 % 100 + short
        interval = bilatx.DateInterval(_date_value(y1), _date_value(end))
        return _single(m, "year_range", ABS, interval)
    return _none(m, "fiscal_year", G.UNKNOWN, relative=False)


def _day_month_parts(m: MatchT, text: str, rule: str) -> list[Part]:
    if not _year_follows_ok(text, m):
        return []
    month, day = _month(m["m"]), _day(m["d"])
    if m["y"]:
        value = _safe_value(int(m["y"]), month, day)
        return [] if value is None else _single(m, rule, ABS, value)
    if _safe_value(2000, month, day) is None:  # 2000 is a leap year
        return []
    if is_dateline(text, m.start(), m.end()):
        rule = "dateline"
    return _single(m, rule, YEARLESS, month, day, None, None)


def _b_month_day(m: MatchT, text: str) -> list[Part]:
    return _day_month_parts(m, text, "month_day")


def _b_day_month(m: MatchT, text: str) -> list[Part]:
    return _day_month_parts(m, text, "day_month")


def _b_month_year(m: MatchT, text: str) -> list[Part]:
    if not _year_follows_ok(text, m):
        return []
    return _single(m, "month_year", ABS, _date_value(int(m["y"]), _month(m["m"])))


def _b_month_modified(m: MatchT, _text: str) -> list[Part]:
    return _single(m, "month_modified", YEARLESS, _month(m["m"]), None, None, None)


def _b_month(m: MatchT, _text: str) -> list[Part]:
    parts = [
        Part(m.start("m1"), m.end("m1"), "month", YEARLESS, (_month(m["m1"]), None, None, None))
    ]
    parts.extend(
        Part(s, e, "month", YEARLESS, (_month(name), None, None, None))
        for s, e, name in zip(m.starts("more"), m.ends("more"), m.captures("more"), strict=True)
    )
    return parts


def _b_month_attributive(m: MatchT, _text: str) -> list[Part]:
    return _single(m, "month", YEARLESS, _month(m["m1"]), None, None, None)


def _b_month_relative(m: MatchT, _text: str) -> list[Part]:
    rel = m["rel"].lower()
    rel = {"past": "last", "coming": "next"}.get(rel, rel)
    return _single(m, f"{rel}_month_name", MONTH_REL, rel, _month(m["m1"]))


def _b_month_of_relative_year(m: MatchT, _text: str) -> list[Part]:
    rel = m["rel"].lower()
    return _single(m, f"month_{rel}_year", MONTH_REL, f"{rel}_year", _month(m["m1"]))


def _b_iso(m: MatchT, _text: str) -> list[Part]:
    value = _safe_value(int(m["y"]), int(m["m"]), int(m["d"]))
    return [] if value is None else _single(m, "iso", ABS, value)


def _b_numeric(m: MatchT, text: str) -> list[Part]:
    if m["ymd_y"]:
        value = _safe_value(int(m["ymd_y"]), int(m["ymd_m"]), int(m["ymd_d"]))
        return [] if value is None else _single(m, "numeric_ymd", ABS, value)
    if m["sep"] == "." and (
        len(m["y"]) == 2  # noqa: PLR2004 - "1.10.12" is a version
        or word_before(text, m.start()).lower().rstrip(".") in _VERSION_WORDS
    ):
        return []
    return _single(m, "numeric", NUMERIC, m.group())


def _year_is_count(text: str, start: int, end: int) -> bool:
    """Whether a bare four-digit number reads as a count, amount, label or time."""
    before = word_before(text, start)
    before_low = before.lower().rstrip(".")
    if before_low in NOT_YEAR_BEFORE or before.endswith(("$", "\u20ac", "\u00a3", "\u20b9")):
        return True
    after = word_after(text, end)
    after_low = after.lower().rstrip(".")
    if after_low in NOT_YEAR_AFTER:
        return True
    year = int(text[start:end])
    if year < _EARLY and before_low not in _EARLY_CONTEXT:
        return True  # "1600 Pennsylvania Avenue"; "in 1787" stays a year
    # "1700 oxygen concentrators": a number before a common noun, with no
    # determiner or preposition in front ("the 1986 quota", "ahead of 2024
    # elections" are years). From 1900 on, a year before a noun is common
    # ("extrapolated 1979 information"), so only a plural noun marks a count
    # there ("bought 2000 vehicles").
    plural = after_low.endswith("s") and not after_low.endswith(("ss", "us", "is"))
    return bool(
        after
        and after[0].islower()
        and after_low not in FUNCTION_WORDS
        and text[end : end + 1] == " "
        and before_low not in _DETERMINERS
        and before_low not in _YEAR_PREPOSITIONS
        and not before_low.endswith(("'s", "\u2019s"))
        and not before[:1].isupper()
        and (plural or year < _MODERN)
    )


def _b_year(m: MatchT, text: str) -> list[Part]:
    if _year_is_count(text, m.start(), m.end()):
        return []
    if word_after(text, m.end()).lower() in {"fiscal", "financial"}:
        return _none(m, "fiscal_year", G.UNKNOWN, relative=False)  # "the 2022 fiscal year"
    return _single(m, "year", ABS, _date_value(int(m["y"])))


def _b_year_modified(m: MatchT, _text: str) -> list[Part]:
    return _single(m, "year_modified", ABS, _date_value(int(m["y"])))


def _b_decade(m: MatchT, text: str) -> list[Part]:
    if word_before(text, m.start()).lower() in _POSSESSIVES:
        return []  # "in his 70s" is an age
    return _none(m, "decade", G.DECADE, relative=False)


def _b_unknown(rule: str) -> Callable[[MatchT, str], list[Part]]:
    def build(m: MatchT, _text: str) -> list[Part]:
        return _none(m, rule, G.UNKNOWN, relative=False)

    return build


_DAY_WORDS: Final = {
    "yesterday": -1,
    "today": 0,
    "tomorrow": 1,
    "last night": -1,
    "the day before yesterday": -2,
    "the day after tomorrow": 2,
}


def _b_relative_day(m: MatchT, text: str) -> list[Part]:
    word = " ".join(m.group().lower().split())
    if m.group()[:1].isupper() and m.start() > 0 and text[m.start() - 1] == " ":
        # "India Today", "USA Today": a capitalised word right after another
        # capitalised word, inside a sentence, is a name, not the day.
        before = word_before(text, m.start())
        if before[:1].isupper() and not before.endswith("."):
            return []
    return _single(m, word.replace(" ", "_"), REL_DAY, _DAY_WORDS[word])


def _b_day_before(m: MatchT, _text: str) -> list[Part]:
    return _single(m, "day_before", REL_DAY, -1)


_REL_OFFSETS: Final = {"last": -1, "next": 1, "this": 0, "the": 0}
_YEAR_OFFSETS: Final = {"last_year": -1, "this_year": 0, "next_year": 1}


def _b_relative_unit(m: MatchT, _text: str) -> list[Part]:
    rel = m["rel"].lower()
    unit = m["unit"].lower()
    when = (m["when"] or "").lower()
    if rel == "the" and not when:
        return []
    rule = f"{when + '_' if when else ''}{rel}_{unit}"
    if unit in {"week", "weekend"}:
        return _none(m, rule, G.WEEK, relative=True)
    return _single(m, rule, REL_UNIT, unit, _REL_OFFSETS[rel])


def _b_period_edge(m: MatchT, _text: str) -> list[Part]:
    unit = m["unit"].lower()
    rel = (m["rel"] or "this").lower()
    rule = f"edge_of_{unit}"
    if unit == "week":
        return _none(m, rule, G.WEEK, relative=True)
    return _single(m, rule, REL_UNIT, unit, _REL_OFFSETS[rel])


def _b_ago(m: MatchT, _text: str) -> list[Part]:
    n = _number(m["n"])
    unit = m["unit"].lower()
    if n is None:
        return []
    if unit == "week":
        return _none(m, "ago", G.WEEK, relative=True)
    if unit == "decade":
        return _none(m, "ago", G.DECADE, relative=True)
    if unit == "day":
        return _single(m, "ago", REL_DAY, -n)
    return _single(m, "ago", REL_UNIT, unit, -n)


def _b_weekday(m: MatchT, _text: str) -> list[Part]:
    rel = m["rel"].lower() if m["rel"] else None
    return _single(
        m, f"{rel}_weekday" if rel else "weekday", WEEKDAY, rel, WEEKDAY_NUMBERS[m["wd"].lower()]
    )


def _b_ordinal(m: MatchT, text: str) -> list[Part]:
    after = word_after(text, m.end())
    if after and after[0].isalnum() and after.lower() not in FUNCTION_WORDS:
        return []  # "the 21st century", "the 5th floor"
    return _single(m, "ordinal_day", ORDINAL, _day(m["d"]))


def _b_duration(m: MatchT, _text: str) -> list[Part]:
    raw = m["n"]
    n = 1 if raw is None else _number(raw)
    if n is None:
        return []
    return _single(m, "duration", DURATION, n * UNIT_DAYS[m["unit"].lower()])


_BUILDERS: Final[dict[str, Callable[[MatchT, str], list[Part]]]] = {
    "day_range_md": _b_day_range_same_month,
    "day_range_dm": _b_day_range_same_month,
    "day_range_mdmd": _b_day_range_two_months,
    "day_range_dmdm": _b_day_range_two_months,
    "month_range": _b_month_range,
    "year_range": _b_year_range,
    "short_year_range": _b_short_year_range,
    "month_day_and_day": _b_two_days,
    "day_and_day_month": _b_two_days,
    "month_day": _b_month_day,
    "day_month": _b_day_month,
    "month_year": _b_month_year,
    "month_modified": _b_month_modified,
    "month": _b_month,
    "month_attributive": _b_month_attributive,
    "month_relative": _b_month_relative,
    "month_of_relative_year": _b_month_of_relative_year,
    "iso": _b_iso,
    "numeric": _b_numeric,
    "year": _b_year,
    "year_modified": _b_year_modified,
    "decade": _b_decade,
    "fiscal": _b_unknown("fiscal_year"),
    "partial_period": _b_unknown("partial_period"),
    "season": _b_unknown("season"),
    "relative_day": _b_relative_day,
    "day_before": _b_day_before,
    "relative_unit": _b_relative_unit,
    "period_edge": _b_period_edge,
    "ago": _b_ago,
    "weekday": _b_weekday,
    "ordinal_day": _b_ordinal,
    "duration": _b_duration,
}


# ----------------------------------------------------------------- pass one


def _trigger_hits(
    text: str, trigger: Trigger, timeout: float | None, lowered: str | None = None
) -> list[tuple[int, int]]:
    """Return the spans of every match of ``trigger`` in ``text``, in order.

    ``lowered`` is ``text.lower()`` when that has the length of ``text`` (each
    character then lowers to the one at its place), else ``None``.
    """
    if trigger.pattern is not None:
        return [m.span() for m in trigger.pattern.finditer(text, timeout=timeout)]
    hits: list[tuple[int, int]] = []
    groups = None if lowered is None else _literal_groups(trigger.literals)
    if lowered is None or groups is None:
        for literal in trigger.literals:
            size = len(literal)
            at = text.find(literal)
            while at != -1:
                hits.append((at, at + size))
                at = text.find(literal, at + 1)
    else:
        # A literal's cases ("day", "Day", "DAY") lie where its lower form lies in
        # the lowered text: one scan for them all, each place checked as written.
        for lower, size, forms in groups:
            at = lowered.find(lower)
            while at != -1:
                if text[at : at + size] in forms:
                    hits.append((at, at + size))
                at = lowered.find(lower, at + 1)
    hits.sort()
    return hits


@cache
def _literal_groups(
    literals: tuple[str, ...],
) -> tuple[tuple[str, int, frozenset[str]], ...] | None:
    """``literals`` by lower form: the form, its length, the literals that lower to it.

    ``None`` when a literal would not lower in place: one that changes length, or
    holds a capital sigma (it lowers by what follows it).
    """
    groups: dict[str, set[str]] = {}
    for literal in literals:
        lower = literal.lower()
        if len(lower) != len(literal) or "\u03a3" in literal:
            return None
        groups.setdefault(lower, set()).add(literal)
    return tuple((lower, len(lower), frozenset(forms)) for lower, forms in groups.items())


def _windows(
    text: str, trigger: Trigger, timeout: float | None, lowered: str | None = None
) -> list[tuple[int, int]]:
    """Return the merged windows of context around every match of ``trigger``.

    ``lowered`` as for :func:`_trigger_hits`.
    """
    size = len(text)
    spans: list[tuple[int, int]] = []
    for hit_start, hit_end in _trigger_hits(text, trigger, timeout, lowered):
        start = max(0, hit_start - trigger.before)
        end = min(size, hit_end + trigger.after)
        if spans and start <= spans[-1][1]:
            spans[-1] = (spans[-1][0], max(end, spans[-1][1]))
        else:
            spans.append((start, end))
    return spans


def find_candidates(text: str, timeout: float | None = None) -> list[Candidate]:
    """Run every rule over ``text`` and return the kept, non-overlapping candidates."""
    found: list[Candidate] = []
    windows: dict[str, list[tuple[int, int]]] = {}
    lower = text.lower()
    # Offsets into the lowered text are offsets into the text only when no
    # character lowers to several ("\u0130").
    lowered = lower if len(lower) == len(text) else None
    for rule in rules():
        build = _BUILDERS[rule.name]
        spans = windows.get(rule.family)
        if spans is None:
            spans = windows[rule.family] = _windows(text, triggers()[rule.family], timeout, lowered)
        for start, end in spans:
            for m in rule.pattern.finditer(text, start, end, timeout=timeout):
                parts = build(m, text)
                if parts:
                    found.append(Candidate(m.start(), m.end(), rule.priority, tuple(parts)))
    found.sort(key=lambda c: (c.start - c.end, -c.priority, c.start))
    taken = bytearray(len(text) + 1)
    kept: list[Candidate] = []
    for cand in found:
        if taken.find(1, cand.start, cand.end) != -1:
            continue
        taken[cand.start : cand.end] = b"\x01" * (cand.end - cand.start)
        kept.append(cand)
    kept.sort(key=lambda c: c.start)
    return kept


# ----------------------------------------------------------------- pass two


class _Context:
    """What resolution needs to know about one document."""

    def __init__(self, doc: bilatx.Document, settings: bilatx.Settings, parts: list[Part]) -> None:
        self.doc = doc
        self.text = doc.text
        self.base = doc.published
        self.order = settings.date_order.value if settings.date_order is not None else None
        self._sentences: tuple[bilatx.Span, ...] | None = None
        # Explicit years written in the text, by position, for year-less dates
        # in the same sentence ("The 2021 exercise, which took place in June").
        self.years: list[tuple[int, int]] = []
        for part in parts:
            if part.kind == ABS and part.rule != "year_range":
                value = part.data[0]
                year = value.year if isinstance(value, bilatx.DateValue) else value.start.year
                self.years.append((part.start, year))

    def sentence(self, pos: int) -> tuple[int, int]:
        if self._sentences is None:
            self._sentences = self.doc.sentences()
        span = sentence_at(self._sentences, pos)
        return (span.start, span.end) if span is not None else (0, len(self.text))

    def tense(self, part: Part, *, weekday: bool = False) -> Tense | None:
        start, end = self.sentence(part.start)
        return tense_at(self.text, start, end, part.start, part.end, weekday=weekday)

    def sentence_year(self, part: Part) -> int | None:
        start, _ = self.sentence(part.start)
        years = {year for pos, year in self.years if start <= pos < part.start}
        return years.pop() if len(years) == 1 else None


Reading = tuple["bilatx.DateValue | bilatx.DateInterval | None", "bilatx.Granularity", bool]


def _resolve_yearless(ctx: _Context, part: Part) -> Reading:
    month, day, end_month, end_day = part.data
    granularity = G.DAY if day is not None else G.MONTH
    dateline = part.rule == "dateline"
    tense = None if dateline else ctx.tense(part)
    # A month alone takes a year written earlier in its sentence ("The 2021
    # drill, which took place in June"); a day does not, since "..., the
    # ministry said on March 3" is usually about the publication's days.
    year = None if dateline or tense is Tense.FUTURE or day is not None else ctx.sentence_year(part)
    relative = year is None
    if year is None:
        if ctx.base is None:
            return None, granularity, True
        if day is not None:
            year = year_for_day(ctx.base, month, day, tense)
        else:
            year = year_for_month(ctx.base, month, tense)
        if year is None:
            return None, granularity, True
        if word_before(ctx.text, part.start).lower() == "since" and (
            (year, month, day or 1) > (ctx.base.year, ctx.base.month, ctx.base.day)
        ):
            year -= 1  # "since March" read in February is last March
    start = _safe_value(year, month, day)
    if start is None:
        return None, granularity, relative
    if end_month is None:
        return start, granularity, relative
    end_year = year if (end_month, end_day or 0) >= (month, day or 0) else year + 1
    end = _safe_value(end_year, end_month, end_day)
    if end is None:
        return None, granularity, relative
    return bilatx.DateInterval(start, end), granularity, relative


def _resolve(ctx: _Context, part: Part, anchor: bilatx.DateValue | None) -> Reading:
    kind, data, base = part.kind, part.data, ctx.base
    if kind == ABS:
        value = data[0]
        return value, value.granularity, False
    if kind == YEARLESS:
        return _resolve_yearless(ctx, part)
    if kind == NONE:
        return None, data[0], data[1]
    if kind == NUMERIC:
        if ctx.order is None:
            return None, G.UNKNOWN, False
        parsed = parse_numeric(data[0], ctx.order, base)
        return (None if parsed is None else bilatx.DateValue.from_date(parsed)), G.DAY, False
    if kind == ORDINAL:
        if anchor is None or anchor.month is None:
            return None, G.DAY, True
        return _safe_value(anchor.year, anchor.month, data[0]), G.DAY, True
    # Everything below is relative to the publication date.
    if kind == REL_DAY:
        if base is None:
            return None, G.DAY, True
        return bilatx.DateValue.from_date(base + dt.timedelta(days=data[0])), G.DAY, True
    if kind == REL_UNIT:
        unit, offset = data
        if unit == "year":
            return (None if base is None else _date_value(base.year + offset)), G.YEAR, True
        if base is None:
            return None, G.MONTH, True
        year, month = shift_month(base.year, base.month, offset)
        return _date_value(year, month), G.MONTH, True
    if kind == MONTH_REL:
        rel, month = data
        if base is None:
            return None, G.MONTH, True
        if rel == "last":
            year = last_month_named(base, month)
        elif rel == "next":
            year = next_month_named(base, month)
        else:  # "this April", "April last/this/next year"
            year = base.year + _YEAR_OFFSETS.get(rel, 0)
        return _date_value(year, month), G.MONTH, True
    if kind == WEEKDAY:
        rel, weekday = data
        if base is None:
            return None, G.DAY, True
        tense = None if rel in {"last", "past", "next", "coming"} else ctx.tense(part, weekday=True)
        return bilatx.DateValue.from_date(weekday_date(base, weekday, rel, tense)), G.DAY, True
    msg = f"unknown part kind {kind!r}"
    raise AssertionError(msg)


def extract(
    doc: bilatx.Document, settings: bilatx.Settings
) -> list[bilatx.DateMention | bilatx.DurationMention]:
    """Return the date and duration mentions of ``doc``, in text order."""
    text = doc.text
    candidates = find_candidates(text, settings.regex_timeout)
    parts = [part for cand in candidates for part in cand.parts]
    ctx = _Context(doc, settings, parts)
    out: list[bilatx.DateMention | bilatx.DurationMention] = []
    anchor: bilatx.DateValue | None = None
    for part in parts:
        span = bilatx.Span(part.start, part.end)
        if part.kind == DURATION:
            out.append(
                bilatx.DurationMention(
                    span=span,
                    text=text[part.start : part.end],
                    days=part.data[0],
                    rule=part.rule,
                    extractor=EXTRACTOR,
                )
            )
            continue
        try:
            value, granularity, relative = _resolve(ctx, part, anchor)
        except (ValueError, OverflowError):
            # Beyond the calendar's ends (a base date in year 1 or 9999).
            value, granularity, relative = None, G.UNKNOWN, True
        if isinstance(value, bilatx.DateInterval):
            anchor = value.end
        elif value is not None and value.month is not None:
            anchor = value
        out.append(
            bilatx.DateMention(
                span=span,
                text=text[part.start : part.end],
                value=value,
                granularity=granularity,
                relative=relative,
                base=doc.published if relative and value is not None else None,
                rule=part.rule,
                extractor=EXTRACTOR,
            )
        )
    return out
