"""Numbers as news writes them: digits with Western or Indian grouping, words, scale words."""

from __future__ import annotations

from decimal import Decimal
from typing import Final

import regex

__all__ = [
    "DIGITS",
    "SCALE_WORDS",
    "WORD_NUMBERS",
    "parse_digits",
    "scale_value",
    "word_value",
]

# Digits: "120,000", Indian "1,20,000", a decimal part, or a bare ".5". Groups of
# four digits are accepted so that a typo such as "50,0000" is read as one token
# (and repaired in a range) rather than split into "50" and "0000".
DIGITS: Final = r"(?:\d{1,3}(?:,\d{2,4})+(?:\.\d+)?|\d+(?:\.\d+)?|\.\d+)"

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
WORD_NUMBERS: Final = (
    r"(?:(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)"
    r"(?:[\s-](?:one|two|three|four|five|six|seven|eight|nine)\b)?"
    r"|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen"
    r"|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen)"
)
"""Number words from one to ninety-nine; "a" and "half a" are handled with a scale word."""

_SCALES: Final = {
    "hundred": 10**2,
    "thousand": 10**3,
    "k": 10**3,
    "lakh": 10**5,
    "lakhs": 10**5,
    "lac": 10**5,
    "lacs": 10**5,
    "million": 10**6,
    "millions": 10**6,
    "mln": 10**6,
    "mn": 10**6,
    "m": 10**6,
    "crore": 10**7,
    "crores": 10**7,
    "cr": 10**7,
    "billion": 10**9,
    "billions": 10**9,
    "bln": 10**9,
    "bn": 10**9,
    "b": 10**9,
    "trillion": 10**12,
    "tn": 10**12,
    "trn": 10**12,
}
SCALE_WORDS: Final = (
    r"(?:hundred|thousand|lakhs?|lacs?|million|mln|mn|crores?|cr|billion|bln|bn|trillion|trn|tn)"
)
"""Scale words that may stand apart from the number ("5 million", "Rs 200 cr")."""

_SPLIT: Final = regex.compile(r"[\s\u00a0-]+")


def parse_digits(text: str) -> tuple[Decimal, bool]:
    """Return the value of a digit string and whether its grouping is irregular.

    Western ("120,000") and Indian ("1,20,000") grouping are both regular; a
    group of four digits ("50,0000") is irregular, usually a typo.

    >>> parse_digits("1,20,000")
    (Decimal('120000'), False)
    >>> parse_digits("50,0000")
    (Decimal('500000'), True)
    """
    whole, _, _ = text.partition(".")
    rest = whole.split(",")[1:]
    western = all(len(g) == 3 for g in rest)  # noqa: PLR2004
    indian = bool(rest) and len(rest[-1]) == 3 and all(len(g) == 2 for g in rest[:-1])  # noqa: PLR2004
    return Decimal(text.replace(",", "")), not (western or indian)


def repair_grouping(text: str) -> Decimal | None:
    """Read an irregular group of four digits as the three-digit group it was meant to be.

    "50,0000" has one zero too many; dropping the last digit of each four-digit
    group gives "50,000". Returns ``None`` when there is nothing to repair.

    >>> repair_grouping("50,0000")
    Decimal('50000')
    """
    whole, dot, fraction = text.partition(".")
    groups = whole.split(",")
    if len(groups) < 2 or not any(len(g) == 4 for g in groups[1:]):  # noqa: PLR2004
        return None
    fixed = [groups[0], *(g[:3] if len(g) == 4 else g for g in groups[1:])]  # noqa: PLR2004
    return Decimal("".join(fixed) + (dot + fraction if dot else ""))


def word_value(text: str) -> Decimal:
    """Return the value of a number word: "eight", "twenty-five", "a", "half a".

    >>> word_value("twenty-five"), word_value("half a")
    (Decimal('25'), Decimal('0.5'))
    """
    words = [w for w in _SPLIT.split(text.casefold()) if w]
    if words in (["half", "a"], ["half", "an"]):
        return Decimal("0.5")
    if words in (["a"], ["an"]):
        return Decimal(1)
    total = 0
    for word in words:
        total += _UNITS.get(word, 0) + _TENS.get(word, 0)
    if total == 0:
        msg = f"{text!r} is not a number word"
        raise ValueError(msg)
    return Decimal(total)


def scale_value(text: str) -> Decimal:
    """Return the multiplier of one or two scale words: "billion", "lakh crore", "bn".

    >>> scale_value("lakh crore")
    Decimal('1000000000000')
    """
    value = Decimal(1)
    for word in _SPLIT.split(text.casefold().rstrip(".")):
        if not word:
            continue
        try:
            value *= _SCALES[word]
        except KeyError:
            msg = f"{word!r} is not a scale word"
            raise ValueError(msg) from None
    return value
