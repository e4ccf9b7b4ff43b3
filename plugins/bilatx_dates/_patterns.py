"""The candidate patterns of the dates plugin, compiled once on first use.

Each rule is a name, a pattern, a priority and a trigger family. The extractor
runs each rule only in windows around its family's trigger (a month name, four
digits, "week", ...), then keeps the longest non-overlapping candidates (the
priority breaks ties), so a specific form ("from December 25 to 29") wins over
the shorter forms inside it ("December 25", "29").

All patterns are linear: no quantified group contains another unbounded
quantifier over the same characters. Month and weekday names are
case-sensitive (title or upper case), so "may" and "march" as ordinary words
never start a date. Words that lead a pattern are spelt out in their three
cases (:func:`W`) rather than matched case-insensitively: the ``regex`` engine
scans explicit alternatives several times faster.
"""

from __future__ import annotations

from functools import cache
from typing import Final, NamedTuple

import regex

from bilatx_dates._vocab import (
    HOLIDAY_PREFIXES,
    MONTH_ABBREVIATIONS,
    MONTHS,
    NUMBER_WORD_ALTERNATION,
    WEEKDAY_ABBREVIATIONS,
    WEEKDAYS,
)


def _cased(words: tuple[str, ...] | list[str]) -> str:
    """Alternation of each word in title case and in upper case, longest first."""
    forms = {w for word in words for w in (word, word.upper())}
    return "|".join(sorted(forms, key=len, reverse=True))


def W(*words: str) -> str:  # noqa: N802
    """Return a group matching each word in lower, capitalised or upper case.

    Spaces inside a word match any run of whitespace; longer words come first
    so that "through" is tried before "thru".
    """
    forms: list[str] = []
    for word in sorted(words, key=len, reverse=True):
        for form in (word, word[:1].upper() + word[1:], word.upper()):
            escaped = form.replace(" ", r"\s+")
            if escaped not in forms:
                forms.append(escaped)
    return "(?:" + "|".join(forms) + ")"


_MONTH_FULL: Final = _cased(MONTHS)
_MONTH_ABBR: Final = _cased(list(MONTH_ABBREVIATIONS))
_MONTH_FULL_NOT_MAY: Final = _cased([m for m in MONTHS if m != "May"])
_WEEKDAY_FULL: Final = _cased(WEEKDAYS)
_WEEKDAY_ANY: Final = _cased([*WEEKDAYS, *WEEKDAY_ABBREVIATIONS])

# A month next to a day or year: a full name, or an abbreviation with an
# optional full stop.
_MONTH: Final = rf"(?P<{{0}}>(?:{_MONTH_FULL})(?![\w])|(?:{_MONTH_ABBR})(?:\.|(?![\w])))"
_DAY: Final = r"(?P<{0}>3[01]|[12][0-9]|0?[1-9])(?:st|nd|rd|th)?(?![\w])(?![.:,]\d)"
_YEAR: Final = r"(?P<{0}>1[6-9][0-9]{{2}}|20[0-9]{{2}})(?![\w])(?![.,]\d)"
_YEAR_PLAIN: Final = r"(?:1[6-9][0-9]{2}|20[0-9]{2})"
_NUM: Final = rf"(?:[0-9]{{1,3}}|{NUMBER_WORD_ALTERNATION})"
_DASH: Final = r"[-\u2013\u2014]"
_RANGE_SEP: Final = rf"\s*(?:{_DASH}|{W('to', 'through', 'thru', 'till', 'until')})\s*"
_NOT_AMOUNT: Final = r"(?!\s*(?:%|percent\b|per\s+cent\b|pct\b))"
_WEEKDAY_PREFIX: Final = rf"(?:(?<![\w])(?:{_WEEKDAY_ANY})\.?,?\s+)?"
_NOT_AFTER_AMOUNT: Final = r"(?<![\w.,$\u20ac\u00a3\u00a5\u20b9/-])"
_MOD: Final = (
    rf"(?:(?:{W('the')}\s+)?{W('end', 'beginning', 'start', 'middle')}\s+of\s+"
    rf"|{W('early', 'mid', 'late', 'end')}(?:\s+|-))"
)
_THE: Final = rf"(?:{W('the')}\s+)"
_ORDINAL_WORDS: Final = W(
    *("first", "second", "third", "fourth", "last", "final", "latter"),
    *("early", "later", "closing", "opening"),
)
_DECADE_WORDS: Final = W(
    *("twenties", "thirties", "forties", "fifties", "sixties", "seventies", "eighties"),
    "nineties",
)
_DAY_WORDS: Final = W(
    *("the day before yesterday", "the day after tomorrow", "last night"),
    *("yesterday", "today", "tomorrow"),
)
_HEDGES: Final = W(
    *("nearly", "almost", "about", "around", "some", "roughly", "more than", "over"),
    *("less than", "just", "barely", "only", "exactly", "at least"),
)
_LENGTH_WORDS: Final = W(
    *("for", "over", "during", "within", "lasting", "spanning", "spent", "spend", "spending"),
    *("spends", "last", "lasts", "lasted", "of"),
)
_FROM: Final = W("from")
_BETWEEN: Final = W("between")
_AND: Final = W("and")


def M(name: str) -> str:  # noqa: N802
    """Return the month sub-pattern capturing into group ``name``."""
    return _MONTH.format(name)


def D(name: str) -> str:  # noqa: N802
    """Return the day-of-month sub-pattern capturing into group ``name``."""
    return _DAY.format(name)


def Y(name: str) -> str:  # noqa: N802
    """Return the year sub-pattern capturing into group ``name``."""
    return _YEAR.format(name)


_YEAR_TAIL: Final = rf"(?:,?\s+{Y('y')})?"
# Contexts that make a bare month name a date ("in May", "since June"); "May"
# after "by", "for", "to" is too often the name ("a speech by May").
_MONTH_CONTEXT: Final = (
    r"(?i:\b(?:in|since|until|till|during|through|early|late|mid|month\s+of)\s+|mid-)"
)
_MONTH_CONTEXT_NOT_MAY: Final = r"(?i:\b(?:by|from|for|before|after|to)\s+)"
# Wire copy sometimes writes a month or weekday in lower case ("in march",
# "on tuesday"): after these words only, as "march" and "may" are also verbs.
_LOWER_MONTHS: Final = "|".join(m.lower() for m in MONTHS if m != "May")
_LOWER_MONTH_CONTEXT: Final = r"\b(?:in|since|until|during|early|late|mid)\s+"
_LOWER_WEEKDAYS: Final = "|".join(w.lower() for w in WEEKDAYS)
_LOWER_WEEKDAY_CONTEXT: Final = r"\b(?:on|last|next|this|since|until|by|every)\s+"
_FISCAL_YEAR: Final = rf"{_YEAR_PLAIN}\s*[-\u2013/]\s*(?:[0-9]{{4}}|[0-9]{{2}})(?![\w])"


class Rule(NamedTuple):
    """A named candidate pattern; higher ``priority`` wins ties of equal length.

    ``family`` names a cheap trigger that every match of ``pattern`` contains
    (a month name, four digits, "week"); the extractor runs ``pattern`` only in
    windows around that trigger's matches (see :func:`triggers`), which keeps
    the scan fast on long texts.
    """

    name: str
    pattern: regex.Pattern[str]
    priority: int
    family: str


def _cases(*words: str) -> tuple[str, ...]:
    """Return each word in lower, capitalised and upper case."""
    return tuple(dict.fromkeys(f for w in words for f in (w, w[:1].upper() + w[1:], w.upper())))


class Trigger(NamedTuple):
    """Where a family's rules can match: around a pattern's or a literal's matches.

    Literal triggers are found with :meth:`str.find`, which is many times
    faster than a regex scan for words that start with common letters.
    """

    pattern: regex.Pattern[str] | None
    literals: tuple[str, ...]
    before: int
    """Characters of context kept before each trigger match."""
    after: int
    """Characters of context kept after each trigger match."""


# Family -> (pattern or literals, context before, after). Every match of a
# family's rules lies within those margins of one of its trigger's matches.
_TRIGGERS: Final[dict[str, tuple[str | tuple[str, ...], int, int]]] = {
    "month": (
        (
            *("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"),
            *("JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"),
            *(m.lower() for m in MONTHS if m != "May"),
        ),
        40,
        72,
    ),
    "year": (r"(?<![0-9])(?:1[6-9]|20)[0-9]{2}(?![0-9])", 40, 40),
    "numeric": (r"[0-9][/.-][0-9]", 12, 12),
    "decade": (("0s", "0's", "0\u2019s", "ties", "TIES"), 32, 4),
    "fiscal": (
        (
            *_cases("fiscal", "financial", "crop", "marketing", "budget", "academic"),
            *("FY", "Q1", "Q2", "Q3", "Q4", "H1", "H2", "1Q", "2Q", "3Q", "4Q"),
        ),
        16,
        40,
    ),
    "unit": (_cases("day", "week", "month", "year", "fortnight"), 40, 24),
    "relative_day": (_cases("yesterday", "today", "tomorrow", "night"), 28, 2),
    "ago": (_cases("ago"), 48, 4),
    "weekday": (
        WEEKDAYS + tuple(w.upper() for w in WEEKDAYS) + tuple(w.lower() for w in WEEKDAYS),
        16,
        12,
    ),
    "season": (_cases("spring", "summer", "autumn", "winter", "fall"), 16, 16),
    "partial": (
        tuple(
            f"{w} {o}"
            for w in _cases("half", "quarter", "part", "week", "weeks", "fortnight", "days")
            + _cases("months")
            for o in ("of", "OF")
        ),
        40,
        28,
    ),
    "ordinal": (r"[0-9](?:st|nd|rd|th)\b", 24, 2),
}


@cache
def triggers() -> dict[str, Trigger]:
    """Return each family's trigger, compiled on first use."""
    out = {}
    for name, (source, before, after) in _TRIGGERS.items():
        if isinstance(source, str):
            out[name] = Trigger(regex.compile(source), (), before, after)
        else:
            out[name] = Trigger(None, source, before, after)
    return out


def _month_sources() -> list[tuple[str, str, int, str]]:
    # "May 21-24", "from March 28 to 30", "between June 3 and 5"
    day_range_md = rf"""
        (?:{_FROM}\s+)?{M("m1")}\s+{D("d1")}{_RANGE_SEP}{D("d2")}{_NOT_AMOUNT}{_YEAR_TAIL}
      | {_BETWEEN}\s+{M("m1")}\s+{D("d1")}\s+{_AND}\s+{D("d2")}{_NOT_AMOUNT}{_YEAR_TAIL}
    """
    # "December 25 to January 2", "between June 30 and July 2, 2024"
    day_range_mdmd = rf"""
        (?:{_FROM}\s+)?{M("m1")}\s+{D("d1")}(?:,?\s+{Y("y1")})?{_RANGE_SEP}
        {M("m2")}\s+{D("d2")}{_YEAR_TAIL}
      | {_BETWEEN}\s+{M("m1")}\s+{D("d1")}(?:,?\s+{Y("y1")})?\s+{_AND}\s+
        {M("m2")}\s+{D("d2")}{_YEAR_TAIL}
    """
    # "21-24 May 2023", "7-8 July, 2022", "between 3 and 5 June"
    day_range_dm = rf"""
        (?:{_FROM}\s+)?{_NOT_AFTER_AMOUNT}{_THE}?{D("d1")}{_RANGE_SEP}{_THE}?{D("d2")}
        \s+(?:of\s+)?{M("m1")}{_YEAR_TAIL}
      | {_BETWEEN}\s+{_THE}?{D("d1")}\s+{_AND}\s+{_THE}?{D("d2")}\s+(?:of\s+)?{M("m1")}{_YEAR_TAIL}
    """
    # "30 June to 2 July"
    day_range_dmdm = rf"""
        (?:(?:{_FROM}|{_BETWEEN})\s+)?{_NOT_AFTER_AMOUNT}{D("d1")}\s+{M("m1")}
        (?:,?\s+{Y("y1")})?{_RANGE_SEP}{D("d2")}\s+{M("m2")}{_YEAR_TAIL}
    """
    # "June 29 and 30" / "29 and 30 June": two days, not a range.
    md_and_d = rf"""
        {M("m1")}\s+{D("d1")}\s+(?:{_AND}|&)\s+{D("d2")}{_NOT_AMOUNT}{_YEAR_TAIL}
    """
    dm_and_d = rf"""
        {_NOT_AFTER_AMOUNT}{_THE}?{D("d1")}\s+(?:{_AND}|&)\s+{_THE}?{D("d2")}
        \s+(?:of\s+)?{M("m1")}{_YEAR_TAIL}
    """
    # "from March to May 2023", "March-May 2023", "between June and August"
    month_range = rf"""
        (?:(?P<lead>{_FROM}|{_BETWEEN})\s+)?{M("m1")}(?!\s+[0-9]{{1,2}}(?![0-9]))
        (?:,?\s+{Y("y1")})?
        (?P<sep>{_RANGE_SEP}|\s+{_AND}\s+){M("m2")}(?!\s+[0-9]{{1,2}}(?![0-9])){_YEAR_TAIL}
    """
    # "December 26, 2023", "Dec. 26", "Tuesday, Dec 26"
    full_mdy = rf"""
        {_WEEKDAY_PREFIX}{M("m")}(?:\s+|(?<=\.)){D("d")}{_NOT_AMOUNT}{_YEAR_TAIL}
    """
    # "26 December 2023", "the 26th of December"
    full_dmy = rf"""
        {_WEEKDAY_PREFIX}{_NOT_AFTER_AMOUNT}{_THE}?{D("d")}\s+(?:of\s+)?{M("m")}{_YEAR_TAIL}
    """
    # "March 2023", "September, 1986", "mid-June 2024"
    month_year = rf"""
        (?P<mod>{_MOD})?{M("m")},?\s+(?:of\s+)?{Y("y")}(?![-\u2013/]?[0-9])
    """
    # "mid-June", "early May", "the end of March"
    month_modified = rf"""
        (?P<mod>{_MOD})(?P<m>{_MONTH_FULL})(?![\w])
    """
    # "in May", "since June", "in June and September", "planned for July and August"
    month_bare = rf"""
        (?:(?<={_MONTH_CONTEXT})(?P<m1>{_MONTH_FULL})
          |(?<={_MONTH_CONTEXT_NOT_MAY})(?P<m1>{_MONTH_FULL_NOT_MAY})
          |(?<={_LOWER_MONTH_CONTEXT})(?P<m1>{_LOWER_MONTHS}))(?![\w])
        (?:(?:,\s*(?:and\s+)?|\s+(?:and|or|&)\s+)(?P<more>{_MONTH_FULL})(?![\w]))*
        (?!\s*[0-9])
    """
    # "the June meeting"
    month_attributive = rf"""
        (?<=\b(?i:the)\s)(?P<m1>{_MONTH_FULL_NOT_MAY})
        (?=\s+(?!(?:on|of|to|for|in|and|or|the|a|an|at|by|with|is|was|were|are)\b)[a-z]+)
    """
    # "last April", "next May"
    month_relative = rf"""
        (?P<rel>{W("last", "next", "this", "coming", "past")})\s+(?P<m1>{_MONTH_FULL})(?![\w])
        (?!\s*[0-9])
    """
    # "November last year", "March of this year", "mid-June next year"
    month_of_relative_year = rf"""
        (?P<mod>{_MOD})?(?P<m1>{_MONTH_FULL})(?![\w]),?\s+(?:(?i:of)\s+)?
        (?P<rel>{W("last", "this", "next")})\s+(?i:year)\b
    """
    # "the first half of July", "the last week of 2022": not normalisable.
    partial = rf"""
        {_THE}?{_ORDINAL_WORDS}
        \s+(?:(?i:half|quarter|part|weeks?|fortnight|days|months|few\s+(?:days|weeks|months))
              |(?:[0-9]{{1,2}}|{NUMBER_WORD_ALTERNATION})\s+(?i:days|weeks|months))
        \s+(?i:of)\s+
        (?:(?:{_MONTH_FULL})(?:,?\s+{_YEAR_PLAIN})?(?![\w])
          |{_YEAR_PLAIN}(?![\w])
          |(?i:(?:the|this|next|last)\s+(?:year|month)))
    """
    return [
        ("day_range_md", day_range_md, 60, "month"),
        ("day_range_mdmd", day_range_mdmd, 60, "month"),
        ("day_range_dm", day_range_dm, 60, "month"),
        ("day_range_dmdm", day_range_dmdm, 60, "month"),
        ("month_range", month_range, 55, "month"),
        ("month_day_and_day", md_and_d, 58, "month"),
        ("day_and_day_month", dm_and_d, 58, "month"),
        ("month_day", full_mdy, 50, "month"),
        ("day_month", full_dmy, 50, "month"),
        ("month_year", month_year, 50, "month"),
        ("month_modified", month_modified, 45, "month"),
        ("month", month_bare, 40, "month"),
        ("month_attributive", month_attributive, 38, "month"),
        ("month_relative", month_relative, 46, "month"),
        ("month_of_relative_year", month_of_relative_year, 52, "month"),
        ("partial_period", partial, 80, "partial"),
    ]


def _year_sources() -> list[tuple[str, str, int, str]]:
    # "2019-2021", "from 2019 to 2021", "between 2010 and 2019"
    year_range = rf"""
        (?:(?P<lead>{_FROM}|{_BETWEEN})\s+)?(?<![\w$.,/-]){Y("y1")}
        (?P<sep>\s*{_DASH}\s*|\s+{W("to", "through", "until", "till", "and")}\s+){Y("y2")}
        (?![-\u2013/][0-9])
    """
    # "2009-10" (a fiscal year), "1990-95" (a range), "1986/87"
    short_year_range = rf"""
        (?<![\w$.,/-])(?P<y1>{_YEAR_PLAIN})\s*(?P<sep1>[-\u2013/])\s*(?P<yy1>[0-9]{{2}})(?![\w])
        (?:\s+{W("to", "and", "through", "till", "until")}\s+
           (?P<y2>{_YEAR_PLAIN})\s*(?P<sep2>[-\u2013/])\s*(?P<yy2>[0-9]{{2}})(?![\w]))?
      | (?<![\w$.,/-])(?P<y1>{_YEAR_PLAIN})(?P<sep1>/)(?P<yy1>{_YEAR_PLAIN})(?![\w])
    """
    year = rf"""
        (?<![\w$\u20ac\u00a3\u00a5\u20b9#./,:'\u2019-]){Y("y")}(?![-\u2013/]?[0-9])
        (?!['\u2019]?s\b)(?![%])
    """
    # "mid-2024", "end 1987", "the end of 2022"
    year_modified = rf"""
        (?P<mod>{_MOD}){Y("y")}(?![-\u2013/]?[0-9])(?!['\u2019]?s\b)
    """
    return [
        ("year_range", year_range, 55, "year"),
        ("short_year_range", short_year_range, 56, "year"),
        ("year", year, 30, "year"),
        ("year_modified", year_modified, 35, "year"),
    ]


def _other_sources() -> list[tuple[str, str, int, str]]:
    iso = r"""
        (?<![\w/.-])(?P<y>[0-9]{4})-(?P<m>0[1-9]|1[0-2])-(?P<d>0[1-9]|[12][0-9]|3[01])
        (?![0-9])(?![-/][0-9])
    """
    numeric = r"""
        (?<![\w/.:,-])(?:
            (?P<ymd_y>[0-9]{4})/(?P<ymd_m>[0-9]{1,2})/(?P<ymd_d>[0-9]{1,2})
          | (?P<a>[0-9]{1,2})(?P<sep>[/.-])(?P<b>[0-9]{1,2})(?P=sep)(?P<y>[0-9]{4}|[0-9]{2})
        )(?![\w/])(?![.,-][0-9])
    """
    # "the 1990s", "the '90s", "the 90's", "the nineties"
    decade = rf"""
        {_THE}?(?:{W("early", "mid", "late")}[\s-]+)?
        (?:(?:1[6-9]|20)[0-9]0['\u2019]?s|['\u2019][0-9]0s|(?<![\w.,])[0-9]0['\u2019]s)\b
      | {_THE}(?:{W("early", "mid", "late")}[\s-]+)?[0-9]0s\b
      | {_THE}(?:{W("early", "mid", "late")}[\s-]+)?(?:{W("nineteen")}\s+)?
        {_DECADE_WORDS}\b
    """
    # "fiscal 1987", "FY2023-24", "Q1 2022": not normalisable.
    fiscal = rf"""
        \b{_THE}?(?:{W("fiscal", "financial")}(?:\s+{W("year")})?
                  |{W("crop", "marketing", "budget", "academic")}\s+{W("year")})\s*
        (?:{_FISCAL_YEAR}|{_YEAR_PLAIN}(?![\w])|[0-9]{{2}}(?:\s*[-\u2013/]\s*[0-9]{{2}})?(?![\w]))
        (?:\s+{W("to")}\s+{_FISCAL_YEAR})?
      | \bFY\s*['\u2019]?
        (?:{_FISCAL_YEAR}|{_YEAR_PLAIN}(?![\w])|[0-9]{{2}}(?:\s*[-\u2013/]\s*[0-9]{{2}})?(?![\w]))
      | \b(?:Q[1-4]|H[12]|[1-4]Q)\s*['\u2019]?(?:{_YEAR_PLAIN}|[0-9]{{2}})(?![\w])
    """
    season = rf"""
        \b(?:{W("last", "this", "next", "early", "late", "mid", "the")}[\s-]+)?
        {W("spring", "summer", "autumn", "winter")}(?:\s+(?:of\s+)?{_YEAR_PLAIN})?\b
      | \b{W("last", "this", "next")}\s+{W("fall")}\b
      | \b{W("fall")}\s+(?i:of)\s+{_YEAR_PLAIN}\b
      | (?<=\b(?i:the|in|by|since|until|during|early|late)\s){W("fall")}\s+{_YEAR_PLAIN}\b
    """
    relative_day = rf"""
        \b{_DAY_WORDS}\b
    """
    # "A day before, ..." with nothing after it: the day before publication.
    day_before = rf"""
        \b{W("a", "one")}\s+{W("day")}\s+{W("before", "earlier")}(?=\s*[,.;:!?)]|\s*$)
    """
    # "last year", "next month", "earlier this year", "later in the month"
    relative_unit = rf"""
        (?:\b(?P<when>{W("earlier", "later", "early", "late", "mid")})[\s-]+(?:{W("in")}\s+)?
           (?P<rel>{W("last", "next", "this", "the")})
         |(?<!\b(?i:the|past)\s)\b(?P<rel>{W("last", "next", "this")}))
        \s+(?P<unit>(?i:weekend|week|month|year))\b
    """
    # "the end of the year", "end-week", "year-end"
    period_edge = rf"""
        \b{_THE}?(?P<edge>{W("end", "start", "beginning", "middle")})\s+(?i:of)\s+
          (?P<rel>(?i:the|this|next|last))\s+(?P<unit>(?i:week|month|year))\b
      | \b(?P<edge>{W("end", "mid", "start")})-(?P<unit>(?i:week|month|year))\b
      | \b(?P<unit>{W("year", "month", "week")})-(?i:end)\b
    """
    ago = rf"""
        \b(?:{_HEDGES}\s+)?
        (?P<n>{_NUM}|{W("a", "an")})\s+(?P<unit>(?i:day|week|month|year|decade))s?\s+(?i:ago)\b
    """
    weekday = rf"""
        (?<!\b(?:{"|".join(HOLIDAY_PREFIXES)})\s)
        (?:(?P<rel>{W("last", "next", "this", "coming", "past")})\s+)?
        (?:(?P<wd>{_WEEKDAY_FULL})|(?<={_LOWER_WEEKDAY_CONTEXT})(?P<wd>{_LOWER_WEEKDAYS}))(?![\w])
    """
    # "on the 26th" (the month comes from the previous date)
    ordinal_day = r"""
        (?<=\b(?i:on|by|until|till|from|since|before|after)\s)(?i:the)\s+
        (?P<d>3[01]|[12][0-9]|0?[1-9])(?:st|nd|rd|th)(?![\w-])
    """
    # "a five-day visit", "week-long", "for three days"
    duration_adj = rf"""
        \b(?:(?P<n>{_NUM}|{W("a", "an", "half a")})[\s-]+)?
        (?P<unit>(?i:day|week|month|year|fortnight))
          [\s-](?i:long)\b
      | \b(?P<n>{_NUM})-(?P<unit>(?i:day|week|month|year|fortnight))\b(?!-old|\s+old\b)
    """
    duration_for = rf"""
        \b{_LENGTH_WORDS}
        \s+(?:(?i:about|nearly|some|around|almost)\s+)?
        (?P<n>{_NUM}|{W("a", "an")})\s+(?P<unit>(?i:day|week|month|year|fortnight))s?\b
        (?!\s+(?i:ago|earlier|later|before|after|from|old)\b)
    """
    return [
        ("iso", iso, 70, "numeric"),
        ("numeric", numeric, 65, "numeric"),
        ("decade", decade, 70, "decade"),
        ("fiscal", fiscal, 75, "fiscal"),
        ("season", season, 40, "season"),
        ("relative_day", relative_day, 50, "relative_day"),
        ("day_before", day_before, 50, "unit"),
        ("relative_unit", relative_unit, 50, "unit"),
        ("period_edge", period_edge, 52, "unit"),
        ("ago", ago, 55, "ago"),
        ("weekday", weekday, 45, "weekday"),
        ("ordinal_day", ordinal_day, 20, "ordinal"),
        ("duration", duration_adj, 25, "unit"),
        ("duration", duration_for, 25, "unit"),
    ]


@cache
def rules() -> tuple[Rule, ...]:
    """Return every rule, compiled on the first call and cached."""
    sources = [*_month_sources(), *_year_sources(), *_other_sources()]
    return tuple(
        Rule(name, regex.compile(source, regex.VERBOSE), priority, family)
        for name, source, priority, family in sources
    )
