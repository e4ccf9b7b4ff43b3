"""Finding amounts of money: atoms, then ranges, bounds, hedges and per-unit prices.

An *atom* is one number with what stands right beside it: a currency before it
("$", "Rs", "USD"), a scale word ("billion", "crore", "mln"), a currency after
it ("dlrs", "Australian dollars", "EUR"). Atoms are found by one pattern with
no nested repetition, so matching stays linear in the text. Neighbouring atoms
joined by "-", "to" or "between ... and" become a range sharing currency and
scale ("USD 12-14 billion", "Rs 5,000-6,000 crore"); the words to the left
("more than", "up to", "about") set the bound or the approximate flag; a unit
after ("a barrel", "per tonne") makes a per-unit price.

A number without a currency of its own is money only when it carries a scale
word and either sits in the same sentence as an amount with a currency, in a
comparison such as "rose to 7.1 billion dlrs from 4.3 billion" (it takes that
currency), or goes with a money noun ("a 4.3 billion deficit", "a surplus of
4 billion"; it takes the nearest currency of the text, or none). Percentages,
counts ("1.4 billion people") and years never qualify.
"""

from __future__ import annotations

from decimal import Decimal
from functools import cache
from typing import TYPE_CHECKING, Final

import attrs
import regex

import bilatx
import bilatx.errors
import bilatx.text
from bilatx_money._lexicon import Context, Lexicon, fold, lexicon
from bilatx_money._numbers import (
    DIGITS,
    SCALE_WORDS,
    WORD_NUMBERS,
    parse_digits,
    repair_grouping,
    scale_value,
    word_value,
)

if TYPE_CHECKING:
    from collections.abc import Iterator, Sequence

__all__ = ["find_money"]

EXTRACTOR: Final = "money"

_LOWER: Final = frozenset(
    (
        "more than",
        "over",
        "above",
        "at least",
        "in excess of",
        "exceeding",
        "exceeded",
        "exceeds",
        "exceed",
        "upwards of",
        "no less than",
        "not less than",
        "a minimum of",
        "greater than",
        "north of",
        "as little as",
    )
)
_UPPER: Final = frozenset(
    (
        "up to",
        "less than",
        "under",
        "below",
        "at most",
        "no more than",
        "not more than",
        "as much as",
        "as high as",
        "a maximum of",
        "fewer than",
        "not exceeding",
    )
)
_APPROX: Final = frozenset(
    (
        "about",
        "around",
        "approximately",
        "approx.",
        "approx",
        "roughly",
        "nearly",
        "almost",
        "some",
        "an estimated",
        "estimated",
        "close to",
        "circa",
        "an approximate",
        "in the region of",
        "to the tune of",
    )
)
# Words before an amount that change how a following "to" reads: "from X to Y"
# and "by X to Y" are a change between two amounts, not a range.
_TREND_WORDS: Final = frozenset(("from", "by"))

# After a currency-less "4.3 billion", a function word, a singular verb or
# an adverb may follow for it to count as money ("30 to 40 billion over
# three years", "3 billion is needed", "2 billion later"); any other word
# ("1.4 billion people", "2 million tonnes", "19 million are poor", "3
# million voted") means a count.
_FUNCTION_WORDS: Final = frozenset(
    (
        *("in", "for", "during", "from", "to", "against", "and", "or", "a", "an", "the"),
        *("last", "this", "next", "previous", "respectively", "while", "compared", "versus"),
        *("vs", "at", "by", "on", "since", "until", "with", "when", "as", "after", "before"),
        *("a year", "annually", "earlier", "ago", "but", "whereas", "than", "then", "year"),
        *("over", "under", "into", "through", "within", "of", "per", "via", "across", "beyond"),
        *("above", "below", "up", "down", "about", "including", "excluding", "plus", "among"),
        *("is", "was", "has", "not", "if", "so"),
        *("that", "which", "where", "because", "each", "apiece", "more", "less", "now"),
        *("later", "already", "too", "also", "only", "instead", "overall", "altogether"),
        *("yet", "there", "here", "this year", "last year", "next year"),
    )
)
# Nouns that make a currency-less scaled amount money wherever its currency is
# written: "a 4.3 billion deficit", "the 2 billion loan", "5 billion worth".
_MONEY_NOUNS: Final = frozenset(
    (
        *("deficit", "deficits", "surplus", "surpluses", "shortfall", "imbalance", "loan"),
        *("loans", "credit", "credits", "debt", "debts", "package", "deal", "contract"),
        *("budget", "investment", "investments", "aid", "grant", "grants", "turnover"),
        *("worth", "revenue", "revenues", "profit", "profits", "loss", "losses", "fund"),
        *("bailout", "facility", "purchase", "purchases", "order", "orders", "pact"),
        *("agreement", "accord", "payment", "payments", "deposit", "deposits", "bond"),
        *("bonds", "tranche", "assistance", "subsidy", "subsidies", "spending", "outlay"),
        *("outlays", "expenditure", "expenditures", "takeover", "acquisition", "stake"),
        *("writedown", "write-off", "provision", "provisions", "programme", "program"),
        *("rescue", "stimulus", "bill", "windfall", "tax", "levy", "tariff", "tariffs"),
    )
)
# Nouns that, followed by "of" or "worth", introduce an amount of money.
_MONEY_NOUNS_BEFORE: Final = frozenset(
    ("exports", "imports", "trade", "sales", "reserves", "shipments", "inflows", "outflows")
)
# Modifiers that stand between such an amount and its noun: "a 4.3 billion trade deficit".
_MONEY_MODIFIERS: Final = frozenset(
    (
        *("trade", "budget", "fiscal", "export", "import", "aid", "investment", "loan"),
        *("credit", "debt", "arms", "defence", "defense", "military", "bilateral", "dollar"),
        *("current", "account", "current-account", "annual", "merchandise", "rescue"),
    )
)


def _alternatives(words: frozenset[str]) -> str:
    # Longest first, spaces made flexible; the set is small and fixed.
    parts = sorted(words, key=len, reverse=True)
    return "|".join(regex.escape(w).replace(r"\ ", r"[\s\u00a0]+") for w in parts)


# A number written as a word ("two", "a", "half a") counts only before a scale
# word, a unit or a currency word ("a billion dollars", "two tonnes").
_WORD_NUMBER: Final = (
    rf"(?i:\b(?:{WORD_NUMBERS}|half[ ]an?|an?))"
    rf"(?=[\s\u00a0-]+(?i:{SCALE_WORDS}|\L<unitforms>|\L<postwords>)\b)"
)


def _word_lists() -> tuple[list[str], list[str]]:
    """The unit forms and the currency words written after a number, longest first."""
    lex = lexicon()
    return (
        sorted(lex.unit_forms, key=len, reverse=True),
        sorted((*lex.post_words, *lex.subunits), key=len, reverse=True),
    )


@cache
def _atom_pattern() -> regex.Pattern[str]:
    lex = lexicon()
    scale = rf"{SCALE_WORDS}(?:[\s\u00a0-]+{SCALE_WORDS})?"
    pattern = rf"""
    (?<![\w.,/])
    (?:(?P<pre>\L<prefixes>|\L<codes>)[ \u00a0]?)?
    (?:
        (?P<num>{DIGITS})(?!\d)
      | (?P<word>{_WORD_NUMBER})
    )
    (?:
        (?<=\d)(?P<gscale>bn|mn|tn|m|b|k|M|B|K|Bn|Mn)\b
      | [\s\u00a0-]*(?P<scale>(?i:{scale}))\b
    )?
    (?:
      [\s\u00a0-]*
      (?:
          (?P<pcode>\L<codes>)\b
        | (?P<pword>(?i:\L<postwords>))(?!\w)
        | (?:(?P<qual>U\.S\.|U\.K\.|N\.Z\.|(?i:new)[ ]Taiwan|[A-Z][A-Za-z]+(?:[ ][A-Z][A-Za-z]+)?)
             [\s\u00a0]+)?
          (?P<unit>(?i:\L<unitforms>))\b
      )
    )?
    """
    return regex.compile(
        pattern,
        regex.VERBOSE,
        prefixes=sorted(lex.prefixes, key=len, reverse=True),
        codes=sorted(lex.codes),
        unitforms=_word_lists()[0],
        postwords=_word_lists()[1],
    )


# Where the number of an atom can start: a digit (or a point and a digit) with
# no digit before it, or a number word. The word form is matched as its first
# character only, so every word start where one begins is found (see _atom_starts).
_DIGIT_START: Final = regex.compile(r"(?<!\d)(?:\d|\.\d)")


@cache
def _word_number_start() -> regex.Pattern[str]:
    units, posts = _word_lists()
    return regex.compile(rf"(?={_WORD_NUMBER})\w", unitforms=units, postwords=posts)


@cache
def _currency_before() -> tuple[frozenset[str], tuple[int, ...]] | None:
    """The currencies written before a number, and their lengths; ``None`` if one ends in a digit.

    A currency ending in a digit would put a digit before the number, which
    :data:`_DIGIT_START` does not look for.
    """
    lex = lexicon()
    written = frozenset((*lex.prefixes, *lex.codes))
    if any(not w or w[-1].isdigit() for w in written):
        return None
    return written, tuple(sorted({len(w) for w in written}))


def _atom_starts(text: str, timeout: float | None) -> list[int] | None:
    """Every offset where an atom can start, in order; ``None`` when they cannot be told.

    An atom's number starts at a digit with none before it or at a number
    word; the atom starts there or at a currency written right before it,
    perhaps with one space between ("$5", "Rs 5", "USD 5").
    """
    before = _currency_before()
    if before is None:
        return None
    written, lengths = before
    numbers = [m.start() for m in _DIGIT_START.finditer(text)]
    numbers += [
        m.start() for m in bilatx.text.word_finditer(_word_number_start(), text, timeout=timeout)
    ]
    starts = set(numbers)
    for at in numbers:
        spaced = at > 0 and text[at - 1] in " \u00a0"
        for size in lengths:
            if at - size >= 0 and text[at - size : at] in written:
                starts.add(at - size)
            if spaced and at - 1 - size >= 0 and text[at - 1 - size : at - 1] in written:
                starts.add(at - 1 - size)
    return sorted(starts)


def _atom_matches(text: str, timeout: float | None) -> Iterator[regex.Match[str]]:
    """The matches of the atom pattern over ``text``, as ``finditer`` gives them.

    The pattern is tried only where an atom can start: it is slow to search
    (currencies, codes and number words are tried at every position).
    """
    pattern = _atom_pattern()
    starts = _atom_starts(text, timeout)
    if starts is None:
        yield from bilatx.text.finditer(pattern, text, timeout=timeout)
        return
    limit = bilatx.text.DEFAULT_REGEX_TIMEOUT if timeout is None else timeout
    end = 0
    for at in starts:
        if at < end:
            continue
        try:
            match = pattern.match(text, at, timeout=limit)
        except TimeoutError:
            raise bilatx.errors.PatternTimeoutError(pattern.pattern, limit, at) from None
        if match is not None:
            yield match
            end = match.end()


@cache
def _left_pattern() -> regex.Pattern[str]:
    words = _LOWER | _UPPER | _APPROX | _TREND_WORDS | {"between"}
    hedges = r"(?:(?:a[\s\u00a0]+)?(?:little|just|well|slightly|far|much)[\s\u00a0]+)"
    return regex.compile(
        rf"(?i)(?<![\w])(?P<mod>{hedges}?(?:{_alternatives(frozenset(words))}))[\s\u00a0]+$"
    )


_RIGHT: Final = regex.compile(
    r"(?i)(?:[\s\u00a0]+(?P<lower>or[\s\u00a0]+(?:more|above|higher|over)|and[\s\u00a0]+(?:above|more|over))"
    r"|[\s\u00a0]+(?P<upper>or[\s\u00a0]+(?:less|below|under|lower)|and[\s\u00a0]+(?:below|under))"
    r"|(?P<plus>-?plus\b|\+))"
)
_PER: Final = regex.compile(
    r"(?i)[\s\u00a0]*(?:(?P<how>a|an|per|every|each)[\s\u00a0]+|(?P<slash>/)[\s\u00a0]*)"
    r"(?P<w1>[a-z][a-z-]*)(?:[\s\u00a0]+(?P<w2>[a-z][a-z-]*))?"
)
_SEPARATOR: Final = regex.compile(
    r"(?i)^[\s\u00a0]*(?:(?P<dash>[-\u2013\u2014])|(?P<to>to)|(?P<and>and))[\s\u00a0]*$"
)
_PERCENT: Final = regex.compile(
    r"(?i)[\s\u00a0]*(?:%|per[\s\u00a0]*cent\b|percent|pct\b|percentage\b)"
)
# "fell 2.5 cts to 1.50 dlrs", "raised prices $1 to $20": a change, then a level.
_CHANGE_BEFORE: Final = regex.compile(
    r"(?i)\b(?:r[oi]se[sn]?|fall(?:s|en)?|fell|cut|raised?|raises|lower(?:ed|s)?|"
    r"(?:in|de)creas(?:ed|es|e)|drop(?:ped|s)?|jump(?:ed|s)?|climb(?:ed|s)?|gain(?:ed|s)?|"
    r"lost|loses|add(?:ed|s)?|slip(?:ped|s)?|declin(?:ed|es)|grew|grows|shrank|surged|"
    r"soared|plunged|eased|edged(?:\s+(?:up|down))?)(?:[\s\u00a0]+\w+){0,2}[\s\u00a0]+$"
)
_OF: Final = regex.compile(r"\s+of\b")
_YEAR: Final = regex.compile(r"1[89]\d\d|20\d\d")
_LINKED: Final = regex.compile(
    r"(?i)\b(?:from|to|against|and|versus|vs|compared|than|or|while|whereas)\b"
)
_NEXT_WORDS: Final = regex.compile(
    r"[\s\u00a0]*(?P<w1>[A-Za-z][A-Za-z-]*)(?:[\s\u00a0]+(?P<w2>[A-Za-z][A-Za-z-]*))?"
    r"(?:[\s\u00a0]+(?P<w3>[A-Za-z][A-Za-z-]*))?"
)


@attrs.frozen(kw_only=True)
class _Atom:
    """One number with the currency and scale beside it."""

    start: int
    end: int
    value: Decimal
    scale: Decimal | None
    word_scale: bool
    """The scale is a word ("billion"), not a glued letter ("5m")."""
    currency: str | None
    explicit: bool
    """The text gives a currency beside this number."""
    rule: str
    digits: str | None
    """The digit string, when the number was written in digits."""
    irregular: bool

    @property
    def amount(self) -> Decimal:
        return self.value * self.scale if self.scale is not None else self.value


@attrs.frozen(kw_only=True)
class _Amount:
    """A candidate mention before its currency is settled."""

    start: int
    end: int
    low: Decimal | None
    high: Decimal | None
    currency: str | None
    bound: bilatx.MoneyBound
    approximate: bool
    unit: str | None
    rule: str
    bare: bool
    """No currency in the text beside it; it may borrow one from its sentence."""
    word_scale: bool
    """A scale word ("billion") is part of it."""


def _atoms(text: str, context: Context, timeout: float | None) -> list[_Atom]:
    lex = lexicon()
    out: list[_Atom] = []
    for match in _atom_matches(text, timeout):
        atom = _atom(match, text, lex, context)
        if atom is not None:
            out.append(atom)
    return out


def _atom(match: regex.Match[str], text: str, lex: Lexicon, context: Context) -> _Atom | None:
    scale: Decimal | None = None
    word_scale = False
    end = match.end("num") if match.group("num") is not None else match.end("word")
    if match.group("gscale") is not None:
        scale = scale_value(match.group("gscale"))
        end = match.end("gscale")
    elif match.group("scale") is not None:
        scale = scale_value(match.group("scale"))
        word_scale = True
        end = match.end("scale")
    irregular = False
    digits = match.group("num")
    if digits is not None:
        value, irregular = parse_digits(digits)
    else:
        value = word_value(match.group("word"))
    currency: str | None = None
    rules: list[str] = []
    explicit = False
    pre = match.group("pre")
    if pre is not None:
        explicit = True
        if pre in lex.prefixes:
            currency = lex.resolve(lex.prefixes[pre], context)
            rules.append("symbol")
        else:
            currency = pre
            rules.append("code")
    post_end = _post_currency(match, text, lex, context, has_scale=scale is not None)
    if post_end is not None:
        code, post_end_at, rule = post_end
        if rule == "subunit":
            value /= 100  # "50 cts a bushel" is half a dollar
        if currency is None:
            currency = code
        explicit = True
        end = post_end_at
        rules.append(rule)
    if digits is None and scale is None and post_end is None:
        return None  # "five" alone is a count, not money
    return _Atom(
        start=match.start(),
        end=end,
        value=value,
        scale=scale,
        word_scale=word_scale,
        currency=currency,
        explicit=explicit,
        rule="+".join(rules) or "bare",
        digits=digits,
        irregular=irregular,
    )


def _post_currency(
    match: regex.Match[str],
    text: str,
    lex: Lexicon,
    context: Context,
    *,
    has_scale: bool,
) -> tuple[str | None, int, str] | None:
    if match.group("pcode") is not None:
        return match.group("pcode"), match.end("pcode"), "code"
    if match.group("pword") is not None:
        word = fold(match.group("pword"))
        if word in lex.subunits:
            return lex.subunits[word], match.end("pword"), "subunit"
        return lex.resolve(lex.post_words[word], context), match.end("pword"), "wire"
    if match.group("unit") is None:
        return None
    unit = lex.unit_forms[fold(match.group("unit"))]
    qualifier = match.group("qual")
    after = text[match.end("unit") : match.end("unit") + 4]
    if unit in lex.weak_units and qualifier is None and not has_scale:
        return None  # "95 marks", "5 pounds": a score or a weight, not money
    if unit == "pound" and _OF.match(after):
        return None  # "500 million pounds of cotton" is a weight
    code = lex.code_for_unit(unit, qualifier, context)
    if qualifier is not None and code is None:
        # An unknown qualifier ("Boeing dollars") is not part of the currency.
        code = lex.code_for_unit(unit, None, context)
    return code, match.end("unit"), "name"


# ------------------------------------------------------------------ assembly


@attrs.frozen
class _Modifier:
    """The words right before an amount: where they start and what they mean."""

    start: int
    word: str
    """The modifier without its hedge ("over" for "a little over")."""


_HEDGES: Final = frozenset(("a", "little", "just", "well", "slightly", "far", "much"))


def _left_modifier(text: str, start: int) -> _Modifier | None:
    offset = max(0, start - 40)
    match = _left_pattern().search(text[offset:start])
    if match is None:
        return None
    words = fold(match.group("mod")).split()
    while len(words) > 1 and words[0] in _HEDGES:
        words = words[1:]
    return _Modifier(offset + match.start("mod"), " ".join(words))


def _range(text: str, first: _Atom, second: _Atom, left: str) -> _Amount | None:
    gap = _SEPARATOR.match(text[first.end : second.start])
    if gap is None:
        return None
    if gap.group("and") is not None and left != "between":
        return None
    if gap.group("to") is not None and left in _TREND_WORDS:
        return None
    if gap.group("and") is None and left == "between":
        return None
    if first.currency and second.currency and first.currency != second.currency:
        return None
    if gap.group("to") is not None and (
        _CHANGE_BEFORE.search(text[max(0, first.start - 40) : first.start])
        or ("subunit" in first.rule) != ("subunit" in second.rule)
    ):
        return None
    if (
        not first.explicit
        and first.scale is None
        and (
            _YEAR.fullmatch(first.digits or "")
            or (second.scale is not None and first.value > second.value)
        )
    ):
        return None  # "in 2021 to USD 4.5 billion": a year, not the low end of a range
    currency = first.currency or second.currency
    value = first.value
    if first.irregular and first.digits is not None and value > second.value:
        # "50,0000-55,000": a stray digit; the other end shows the intended size.
        value = repair_grouping(first.digits) or value
    if first.scale is None and second.scale is not None and value <= second.value:
        low = value * second.scale  # "12-14 billion": the scale is shared
    else:
        low = value * (first.scale or 1)
    high = second.amount
    if low > high:
        return None
    return _Amount(
        start=first.start,
        end=second.end,
        low=low,
        high=high,
        currency=currency,
        bound=bilatx.MoneyBound.RANGE,
        approximate=False,
        unit=None,
        rule="range:" + "+".join(dict.fromkeys((first.rule, second.rule))),
        bare=not (first.explicit or second.explicit),
        word_scale=first.word_scale or second.word_scale,
    )


def _trend_scaled(text: str, first: _Atom, second: _Atom) -> _Atom:
    """In "from $5 to $7 billion" the first amount takes the second's scale."""
    gap = _SEPARATOR.match(text[first.end : second.start])
    if (
        gap is not None
        and gap.group("to") is not None
        and first.scale is None
        and second.scale is not None
        and first.value <= second.value
    ):
        return attrs.evolve(first, scale=second.scale, word_scale=second.word_scale)
    return first


def _single(atom: _Atom) -> _Amount:
    return _Amount(
        start=atom.start,
        end=atom.end,
        low=atom.amount,
        high=atom.amount,
        currency=atom.currency,
        bound=bilatx.MoneyBound.EXACT,
        approximate=False,
        unit=None,
        rule=atom.rule,
        bare=not atom.explicit,
        word_scale=atom.word_scale,
    )


def _decorate(
    text: str, amount: _Amount, left: _Modifier | None, lex_units: frozenset[str]
) -> _Amount:
    word = left.word if left is not None else ""
    start, end = amount.start, amount.end
    low, high, bound = amount.low, amount.high, amount.bound
    approximate = False
    if word in _APPROX:
        approximate = True
    if bound is bilatx.MoneyBound.EXACT:
        if word in _LOWER:
            bound, high = bilatx.MoneyBound.LOWER, None
        elif word in _UPPER:
            bound, low = bilatx.MoneyBound.UPPER, None
        else:
            right = _RIGHT.match(text, end)
            if right is not None:
                if right.group("upper") is not None:
                    bound, low = bilatx.MoneyBound.UPPER, None
                else:
                    bound, high = bilatx.MoneyBound.LOWER, None
                end = right.end()
    if left is not None and (
        word in _LOWER | _UPPER | _APPROX
        or (word == "between" and bound is bilatx.MoneyBound.RANGE)
    ):
        start = left.start
    unit = None
    per = _PER.match(text, end)
    if per is not None:
        unit, end = _per_unit(per, lex_units, end)
    return attrs.evolve(
        amount,
        start=start,
        end=end,
        low=low,
        high=high,
        bound=bound,
        approximate=approximate,
        unit=unit,
    )


# Words that turn "a year" after an amount into a time ("a year earlier").
_RELATIVE_AFTER: Final = frozenset(("earlier", "ago", "before", "later", "previously", "back"))


def _per_unit(per: regex.Match[str], units: frozenset[str], end: int) -> tuple[str | None, int]:
    w1 = fold(per.group("w1"))
    w2 = fold(per.group("w2")) if per.group("w2") else None
    if w2 is not None and f"{w1} {w2}" in units:
        return f"{w1} {w2}", per.end("w2")
    if w1 in units or (per.group("how") or "").lower() == "per" or per.group("slash"):
        if w1 in ("cent", "centum"):
            return None, end  # "5 per cent" is a percentage
        if w2 in _RELATIVE_AFTER and (per.group("how") or "").lower() in ("a", "an"):
            return None, end  # "7.1 billion a year earlier": when, not how often
        return w1, per.end("w1")
    return None, end


def find_money(
    text: str,
    *,
    published_year: int | None = None,
    sentences: Sequence[bilatx.Span] = (),
    timeout: float | None = None,
) -> list[bilatx.MoneyMention]:
    """Return every amount of money in ``text``, left to right, without overlaps.

    Args:
        text: the text to read.
        published_year: the year the text was written, for currencies that
            changed ("francs" in 1987 are French francs).
        sentences: sentence spans of ``text``; a currency-less amount borrows
            the currency of an amount in its sentence.
        timeout: seconds any one pattern search may take.
    """
    context = Context(text, published_year)

    lex = lexicon()
    atoms = _atoms(text, context, timeout)
    amounts: list[_Amount] = []
    i = 0
    while i < len(atoms):
        atom = atoms[i]
        left = _left_modifier(text, atom.start)
        word = left.word if left is not None else ""
        amount = None
        if i + 1 < len(atoms):
            amount = _range(text, atom, atoms[i + 1], word)
        if amount is not None:
            i += 2
        else:
            if i + 1 < len(atoms) and word in _TREND_WORDS:
                atom = _trend_scaled(text, atom, atoms[i + 1])
            amount = _single(atom)
            i += 1
        amounts.append(_decorate(text, amount, left, lex.per_units))
    return _settle(text, amounts, sentences)


def _settle(
    text: str, amounts: list[_Amount], sentences: Sequence[bilatx.Span]
) -> list[bilatx.MoneyMention]:
    """Give currency-less amounts the currency of their sentence, drop the rest."""
    with_currency = [a for a in amounts if not a.bare and a.currency is not None]
    mentions: list[bilatx.MoneyMention] = []
    for amount in amounts:
        currency = amount.currency
        rule = amount.rule
        if _PERCENT.match(text, amount.end):
            continue  # "USD 5 per cent" is a rate, whatever stands before it
        if amount.bare:
            is_money, currency = _borrowed_currency(text, amount, with_currency, sentences)
            if not is_money:
                continue
            rule = ("borrowed:" if currency is not None else "no-currency:") + rule
        elif amount.currency is None and amount.low is None and amount.high is None:
            continue
        span = bilatx.Span(amount.start, amount.end)
        mentions.append(
            bilatx.MoneyMention(
                span=span,
                text=text[amount.start : amount.end],
                value=bilatx.Money(
                    currency=currency, low=_tidy(amount.low), high=_tidy(amount.high)
                ),
                bound=amount.bound,
                approximate=amount.approximate,
                unit=amount.unit,
                rule=rule,
                extractor=EXTRACTOR,
            )
        )
    return mentions


def _tidy(value: Decimal | None) -> Decimal | None:
    """Drop the exponent noise of scaling: 7.1 x 10^9 is 7100000000, not 7100000000.0."""
    if value is None:
        return None
    if value == value.to_integral_value():
        return value.quantize(Decimal(1))
    return value.normalize()


def _borrowed_currency(
    text: str, amount: _Amount, others: list[_Amount], sentences: Sequence[bilatx.Span]
) -> tuple[bool, str | None]:
    """Return whether a currency-less scaled amount is money, and the currency it takes.

    It is money when it is compared or listed with an amount of comparable size
    that has a currency in its sentence ("rose to 7.1 billion dlrs from 4.3
    billion", "328 mln stg and 647 mln", "needs 30 to 40 billion over three
    years"), and takes that currency. It is money anyway when a money noun
    follows ("a 4.3 billion deficit"); then it takes the currency of the
    nearest amount that has one, in its sentence first, else in the text, and
    no currency (``None``) when the text never gives one.
    """
    if not amount.word_scale:
        return False, None
    following = _following(text, amount.end)
    if following == "count":
        return False, None
    sentence = bilatx.text.sentence_at(tuple(sentences), amount.start) if sentences else None
    if sentence is None:
        sentence = bilatx.Span(0, len(text))
    before = [o for o in others if sentence.start <= o.start and o.end <= amount.start]
    after = [o for o in others if amount.end <= o.start and o.end <= sentence.end]
    linked = None
    if before and _LINKED.search(text[before[-1].end : amount.start]):
        linked = before[-1]
    elif after and _LINKED.search(text[amount.end : after[0].start]):
        linked = after[0]
    if linked is not None and _comparable(amount, linked):
        return True, linked.currency
    if following != "money" and not (following == "other" and _after_money_noun(text, amount)):
        return False, None
    earlier = [o for o in others if o.end <= amount.start]
    later = [o for o in others if amount.end <= o.start]
    nearest = before[-1:] or after[:1] or earlier[-1:] or later[:1]
    return True, nearest[0].currency if nearest else None


def _after_money_noun(text: str, amount: _Amount) -> bool:
    """Tell whether a money noun introduces the amount: "a trade surplus of 4 billion"."""
    window = text[max(0, amount.start - _NOUN_REACH) : amount.start]
    return _money_noun_before().search(window) is not None


_NOUN_REACH: Final = 60


@cache
def _money_noun_before() -> regex.Pattern[str]:
    nouns = _alternatives(_MONEY_NOUNS | _MONEY_NOUNS_BEFORE)
    return regex.compile(
        rf"(?i)\b(?:{nouns})\b(?:[^.;!?\d$\u20ac\u00a3\u00a5\u20b9]|(?<=\b[A-Z])\.){{0,40}}?"
        r"\b(?:of|worth|totall?ing|amounting[\s\u00a0]+to|valued[\s\u00a0]+at)[\s\u00a0]+$"
    )


# "-ly" words are adverbs after an amount, except these nouns.
_NOUNS_LIKE_ADVERBS: Final = frozenset(
    ("family", "ally", "assembly", "supply", "rally", "monopoly", "anomaly", "reply")
)


def _following(text: str, end: int) -> str:
    """Classify what follows a currency-less amount: "money", "other" or "count"."""
    match = _NEXT_WORDS.match(text, end)
    if match is None:
        return "other"  # punctuation or the end of the text
    w1, w2, w3 = (fold(match.group(g) or "") for g in ("w1", "w2", "w3"))
    if w1 in _MONEY_NOUNS or (
        w1 in _MONEY_MODIFIERS
        and (w2 in _MONEY_NOUNS or (w2 in _MONEY_MODIFIERS and w3 in _MONEY_NOUNS))
    ):
        return "money"
    if w1 in _FUNCTION_WORDS or f"{w1} {w2}" in _FUNCTION_WORDS:
        return "other"
    if len(w1) > 4 and w1.endswith("ly") and w1 not in _NOUNS_LIKE_ADVERBS:  # noqa: PLR2004
        return "other"
    return "count"


_COMPARABLE: Final = 20


def _comparable(amount: _Amount, other: _Amount) -> bool:
    """Amounts compared in one breath are of a size ("from 800 mln dlrs to 200 mln").

    A number far off in size is something else: in "2 million tonnes worth
    $500 million rose to 3 million" the 3 million are tonnes.
    """
    a = amount.low if amount.low is not None else amount.high
    b = other.low if other.low is not None else other.high
    if a is None or b is None or a <= 0 or b <= 0:
        return False
    return max(a, b) / min(a, b) <= _COMPARABLE
