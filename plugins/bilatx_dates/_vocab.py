"""Word lists of the dates plugin: month and weekday names, number words, cue words.

Everything here is plain data (tuples, dicts, frozensets) so that importing the
plugin costs nothing; the patterns built from these words are compiled on first
use in :mod:`bilatx_dates._patterns`.
"""

from __future__ import annotations

from typing import Final


def words(text: str) -> frozenset[str]:
    """Return the whitespace-separated words of ``text`` as a set."""
    return frozenset(text.split())


MONTHS: Final = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)

# Abbreviations accepted only next to a day or a year ("Dec. 26", "Sept 2023"):
# standing alone, "Mar" or "Jun" is more often something else.
MONTH_ABBREVIATIONS: Final = {
    "Jan": 1,
    "Feb": 2,
    "Mar": 3,
    "Apr": 4,
    "Jun": 6,
    "Jul": 7,
    "Aug": 8,
    "Sept": 9,
    "Sep": 9,
    "Oct": 10,
    "Nov": 11,
    "Dec": 12,
}

MONTH_NUMBERS: Final[dict[str, int]] = {
    **{name.lower(): number for number, name in enumerate(MONTHS, start=1)},
    **{abbr.lower(): number for abbr, number in MONTH_ABBREVIATIONS.items()},
}

WEEKDAYS: Final = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")

# Abbreviations accepted only before a written date ("Tue, Dec 26").
WEEKDAY_ABBREVIATIONS: Final = (
    "Mon",
    "Tues",
    "Tue",
    "Wed",
    "Thurs",
    "Thur",
    "Thu",
    "Fri",
    "Sat",
    "Sun",
)

WEEKDAY_NUMBERS: Final[dict[str, int]] = {
    name.lower(): number for number, name in enumerate(WEEKDAYS)
}

# Named days that contain a weekday but are not "the nearest Friday".
HOLIDAY_PREFIXES: Final = (
    "Black",
    "Good",
    "Cyber",
    "Super",
    "Ash",
    "Maundy",
    "Holy",
    "Easter",
    "Palm",
    "Bloody",
    "Shrove",
    "Giving",
)

_UNITS: Final = {
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
}
_TENS: Final = {
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
}
NUMBER_WORDS: Final[dict[str, int]] = {
    **_UNITS,
    **_TENS,
    **{
        f"{tens}-{unit}": tvalue + uvalue
        for tens, tvalue in _TENS.items()
        for unit, uvalue in _UNITS.items()
        if uvalue < 10  # noqa: PLR2004
    },
    "a": 1,
    "an": 1,
    "a couple of": 2,
    "hundred": 100,
    "a hundred": 100,
}

# Regex for the number words above (without "a"/"an"), factored so that the
# engine tries a handful of branches per position, not a hundred, and written
# with explicit first-letter cases: case-insensitive groups scan far slower.
NUMBER_WORD_ALTERNATION: Final = (
    "(?:[Tt]wenty|[Tt]hirty|[Ff]orty|[Ff]ifty|[Ss]ixty|[Ss]eventy|[Ee]ighty|[Nn]inety)"
    "(?:-(?:one|two|three|four|five|six|seven|eight|nine))?"
    "|(?:[Tt]hir|[Ff]our|[Ff]if|[Ss]ix|[Ss]even|[Ee]igh|[Nn]ine)teen"
    "|[Aa]\\s+couple\\s+of|[Aa]\\s+hundred|[Hh]undred"
    "|[Oo]ne|[Tt]wo|[Tt]hree|[Ff]our|[Ff]ive|[Ss]ix|[Ss]even|[Ee]ight|[Nn]ine|[Tt]en"
    "|[Ee]leven|[Tt]welve"
)

UNIT_DAYS: Final = {"day": 1, "week": 7, "fortnight": 14, "month": 30, "year": 365}
"""Days per unit for durations; months and years are calendar approximations."""

# Words that may follow a four-digit number that is a count or an amount, not a
# year ("1700 oxygen concentrators", "2000 tonnes").
FUNCTION_WORDS: Final = words(
    """
    a about above according across after against ago ahead all along also although amid among
    an and any are around as at because before behind being below beside besides between
    beyond both but by compared could despite did do does down during each either even ever
    following for from had has have he her here his how however i if in including inside into
    is it its itself just last later like may might more most must my near nearly neither
    next no nor not now of off on once one only onto or other our out outside over own past
    per plus prior regarding respectively same saw shall she should since so some still such
    than that the their them then there these they this those though through throughout thus
    till to together too toward towards under unlike until up upon us versus via vs was we
    were what when whenever where whereas whether which while who whom whose why will with
    within without would yet you
    """
)

# Words before a four-digit number that make it a label, count or amount.
NOT_YEAR_BEFORE: Final = words(
    """
    no nos number resolution resolutions order orders proclamation proclamations rule rules
    h.r hr s.res h.res
    section sections article articles page pages p pp flight flights route highway room
    model version vol volume chapter code bill act's item items exhibit paragraph para
    about approximately nearly roughly some around almost over least than only
    rs inr usd us$ $ eur gbp jpy cny dlrs dollars rupees yen euros pounds
    vision agenda horizon expo euro windows office boeing airbus type class series mark
    tu mig su an il ka
    """
)

# Words after a four-digit number that make it a count, amount or time.
NOT_YEAR_AFTER: Final = words(
    """
    gmt utc ist est edt pst hrs hours hour hrs. am pm a.m. p.m. local
    crore crores lakh lakhs mln million millions bln billion billions trillion tn bn mn
    dlrs dollars rupees yen euros pounds francs marks yuan stg
    tonnes tons tonne ton kg kilos kilograms km kilometres kilometers miles metres meters mw gw
    kw mwh gwh barrels bpd people persons troops soldiers workers units vehicles cars jobs
    pct percent per cent times shares acres hectares feet ft sq points
    """
)

# Tense cues for weekdays and year-less dates.
FUTURE_CUES: Final = words(
    """
    will would shall wo going expected expects expect scheduled schedule due plan plans
    planned planning intends intend intended hope hopes hoped aims aim upcoming forthcoming
    next later tomorrow soon set slated prepare prepares preparing proposed propose proposes
    """
)
PAST_CUES: Final = words(
    """
    said was were had did met spoke told held took made gave went came left began saw won
    sent paid led brought thought felt kept wrote ran rose fell grew sought stood struck
    became found got heard knew meant read sat sold spent stood understood withdrew
    yesterday ago last earlier
    """
)
# Present-tense verbs that, with a weekday, usually announce a scheduled event
# ("talks begin Monday").
SCHEDULED_PRESENT: Final = words(
    """
    is are begin begins opens starts meet meets leaves arrive arrives travels hosts holds
    resume resumes kicks takes
    """
)
# Verbs that after "to" announce a plan ("agreed to meet in October").
INFINITIVES: Final = words(
    """
    meet visit hold travel sign attend host discuss begin start launch open review resume
    finalise finalize complete conclude announce present deliver return hold convene tour
    go come arrive leave fly head inaugurate unveil submit
    """
)
MODALS: Final = words("will would shall to could may might should must can")
NOT_PAST_ED: Final = words(
    """
    need speed feed proceed exceed succeed indeed red bed shed embed seed breed greed creed
    hundred united limited based related concerned interested advanced detailed
    """
)
