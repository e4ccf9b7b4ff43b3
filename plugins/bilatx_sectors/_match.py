"""Finding sector phrases and deciding which ones present an area of cooperation.

Precision first. A phrase counts only

* in a text about relations between parties (two countries or a country and
  an organisation such as a trading bloc, named or stood for by their
  capitals, and the text speaks of visits, talks, agreements, ties, trade
  between them or the like);
* outside the name of an institution, an office, a policy or an event
  ("Russian Industry and Trade exhibition", "Trade Minister", "New Education
  Policy");
* not set aside by the words before it ("excluding oil");
* for an acronym, outside a heading written in capitals ("IT IS TIME");
* and, for the weaker phrases ("food", "banks", "security"), in a sentence
  that speaks of cooperation, trade, talks or an agreement in another word,
  and not right after a possessive ("Ukraine's security").

Second meanings of a word are mostly the data file's business: stop phrases
('to finance', 'defence of freedoms') and longer phrases of another sector
('AI infrastructure') take them out.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections import Counter
from functools import cache, lru_cache
from itertools import accumulate
from typing import Final

import regex

import bilatx
import bilatx.geo
from bilatx.text import sentence_at
from bilatx_sectors._lexicon import lexicon

__all__ = ["find_sectors"]

_MIN_COUNTRIES: Final = 2
# Heads of names: a capitalised phrase holding one of these (or followed by
# one) names an institution, an office or an event, not an area of cooperation.
_NAME_HEADS: Final = frozenset(
    {
        "ministry", "minister", "ministers", "ministerial", "department", "secretary",
        "administration", "agency", "institute", "institution", "committee", "commission",
        "council", "bank", "corporation", "corp", "company", "co", "inc", "ltd", "plc", "llc",
        "act", "law", "bill", "organization", "organisation", "office", "bureau", "authority",
        "board", "exhibition", "expo", "fair", "representative", "fund", "association",
        "federation", "center", "centre", "university", "college", "party", "chamber", "summit",
        "forum", "convention", "treaty", "strategy", "management", "technologies", "industries",
        "president", "chairman", "director", "commissioner", "adviser", "advisor", "envoy",
        "governor", "spokesman", "spokesperson", "chief", "ambassador", "premier", "minister's",
        "court", "police", "magazine", "newspaper", "journal", "times", "post",
        # Named programmes at home ("Swachh Bharat Abhiyan") and buildings
        # ("National Museum", "City Hospital") are names too.
        "yojana", "abhiyan", "museum", "gallery", "hospital", "academy", "foundation",
        "library", "stadium", "hotel", "palace", "hall", "school",
    }
)  # fmt: skip
# A country's own named policies ("New Education Policy", "National Health
# Mission") are names; a bloc's policy under negotiation ("Common
# Agricultural Policy") still names its area.
_DOMESTIC_OPENERS: Final = frozenset({"new", "national"})
_DOMESTIC_HEADS: Final = frozenset({"policy", "scheme", "mission", "programme", "program"})
_JOINERS: Final = frozenset({"of", "and", "for", "the", "on", "&", "de", "in"})
_RELATIONS: Final = (
    r"(?i)\b(?:bilateral|talks|visit\w*|met|meeting|meetings|co-?operat\w*|agreements?|agreed"
    r"|ties|relations\w*|partner\w*|summit|deals?|pacts?|sanctions|disputes?|negotiat\w*"
    r"|counterparts?|delegations?|joint\s+statement|accords?|treat(?:y|ies)|alliance|dialogue"
    r"|mou|memorand\w*|trade\s+with|discuss\w*|signed"
    # Trade between two parties is a relation too, friendly or not.
    r"|frictions?|trade\s+wars?|tariffs?|quotas?|retaliat\w*|protectionis\w*|dumping"
    r"|exports?\s+to|imports?\s+from|shipments?\s+to|(?:surplus|deficit)\s+with)\b"
)
# Names of a trading bloc that geo does not know in their short, old forms.
_BLOCS: Final = r"\b(?:[Tt]he\s+Community|Common\s+Market)\b"


@cache
def _relations() -> regex.Pattern[str]:
    return regex.compile(_RELATIONS)


@cache
def _blocs() -> regex.Pattern[str]:
    return regex.compile(_BLOCS)


@cache
def _token_split() -> regex.Pattern[str]:
    return regex.compile(r"([\w.'\u2019&-]+)")


@lru_cache(maxsize=16)
def _tokens(
    text: str, lo: int, hi: int
) -> tuple[tuple[str, ...], tuple[int, ...], tuple[int, ...]]:
    """The words of ``text[lo:hi]`` for :func:`_in_name`, with their start and end offsets.

    Kept for the last few sentences: a sentence with several capitalised
    phrases is split once.
    """
    # split() with the token as a group alternates gaps and words: their
    # lengths give every offset without a match object per word.
    parts: list[str] = _token_split().split(text[lo:hi])
    offsets = list(accumulate(map(len, parts), initial=lo))
    return tuple(parts[1::2]), tuple(offsets[1:-1:2]), tuple(offsets[2::2])


def is_bilateral(text: str) -> bool:
    """Whether ``text`` is about relations between countries.

    Two parties must be named and the text must speak of a visit, talks, an
    agreement, ties, trade between them or the like: a domestic report naming
    one foreign country in passing has no areas of cooperation. A party is a
    country or an organisation (a trading bloc such as the European
    Community counts), named or stood for by its capital ("friction between
    Tokyo and Brussels").
    """
    if _relations().search(text) is None:
        return False
    codes = Counter(match.code for match in bilatx.geo.find_countries(text))
    if len(codes) < _MIN_COUNTRIES and _blocs().search(text) is not None:
        codes["EC"] += 1
    if len(codes) < _MIN_COUNTRIES:
        capitals = (
            match.code
            for match in bilatx.geo.find_cities(text)
            if match.code and bilatx.geo.is_capital(match.text)
        )
        codes.update(capitals)
    return len(codes) >= _MIN_COUNTRIES


def _in_name(text: str, start: int, end: int, sentence: bilatx.Span | None) -> bool:
    """Whether ``text[start:end]`` is part of a capitalised name of an institution or event."""
    if not text[start:end][:1].isupper():
        return False
    lo = sentence.start if sentence else max(0, start - 200)
    hi = sentence.end if sentence else min(len(text), end + 200)
    tokens, starts, ends = _tokens(text, lo, hi)
    # Words are sorted and disjoint: those overlapping the phrase run from the
    # first ending after its start to the last starting before its end.
    first, last = bisect_right(ends, start), bisect_left(starts, end) - 1
    if first > last:
        return False

    def capital(word: str) -> bool:
        return word[:1].isupper()

    while first > 0:
        word = tokens[first - 1]
        if capital(word):
            first -= 1
        elif word.lower() in _JOINERS and first > 1 and capital(tokens[first - 2]):
            first -= 2
        else:
            break
    while last + 1 < len(tokens):
        word = tokens[last + 1]
        if capital(word):
            last += 1
        elif word.lower() in _JOINERS and last + 2 < len(tokens) and capital(tokens[last + 2]):
            last += 2
        else:
            break
    run = tokens[first : last + 1]
    capitals = [w for w in run if capital(w)]
    if len(capitals) < 2:  # noqa: PLR2004
        return False
    words = {w.lower().strip(".'\u2019") for w in run}
    after = tokens[last + 1].lower().strip(".'\u2019") if last + 1 < len(tokens) else ""
    if run[0].lower() in _DOMESTIC_OPENERS and words & _DOMESTIC_HEADS:
        return True
    return bool(words & _NAME_HEADS) or after in _NAME_HEADS


@cache
def _negation() -> regex.Pattern[str]:
    # Words that set the next phrase aside ("excluding oil", "other than arms").
    return regex.compile(
        r"(?i)\b(?:excluding|except(?:\s+for)?|other\s+than|apart\s+from|aside\s+from"
        r"|(?:do|does|did)\s+not\s+(?:include|cover)|not\s+including)\s+(?:[\w-]+\s+)?\Z"
    )


_FUNCTION_WORDS: Final = frozenset(
    {
        "the", "a", "an", "on", "of", "and", "or", "for", "in", "to", "with", "its", "our",
        "their", "his", "her", "this", "that", "about", "over", "protect", "protecting",
    }
)  # fmt: skip


def _after_function_word(text: str, start: int) -> bool:
    """Whether ``text[start:]`` follows a function word, a mark or nothing."""
    last = None
    for last in _word().finditer(text, max(0, start - 20), start):  # noqa: B007
        pass
    if last is None or text[last.end() : start].strip():
        return True  # a mark ("labour, environment") or the start of the text
    return last.group().lower() in _FUNCTION_WORDS


@cache
def _word() -> regex.Pattern[str]:
    return regex.compile(r"[^\W\d_]+")


def _in_capitals(text: str, start: int, end: int) -> bool:
    """Whether the words around ``text[start:end]`` are written in capitals, none in lower case."""
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    line_end = len(text) if line_end < 0 else line_end
    before = _word().findall(text, max(line_start, start - 40), start)[-1:]
    after = _word().findall(text, end, min(line_end, end + 40))[:1]
    around = before + after
    return bool(around) and all(w.isupper() and len(w) > 1 for w in around)


@cache
def _capitalising_abbreviation() -> regex.Pattern[str]:
    # Wire copy capitalises the word after "U.S." ("U.S. Exports rose").
    return regex.compile(r"\b(?:U\.S|U\.K|E\.C)\.\s+\Z")


def _after_capitalising_abbreviation(text: str, start: int) -> bool:
    return _capitalising_abbreviation().search(text, max(0, start - 8), start) is not None


def _possessive_before(text: str, start: int) -> bool:
    """Whether a possessive ("Ghana's", "allies'") stands right before ``start``."""
    before = text[max(0, start - 4) : start].rstrip()
    if len(before) == len(text[max(0, start - 4) : start]):
        return False  # no space between: not a separate word
    before = before.replace("\u2019", "'")
    return before.endswith(("'s", "s'")) and len(before) > 2  # noqa: PLR2004


def find_sectors(doc: bilatx.Document, extractor: str) -> list[bilatx.SectorMention]:
    """Return a sector mention for every phrase that names an area of cooperation."""
    text = doc.text
    if not text.strip() or not is_bilateral(text):
        return []
    lex = lexicon()
    sentences = doc.sentences()
    cued: dict[int, list[tuple[int, int]]] = {}
    found: list[bilatx.SectorMention] = []
    for start, end, entry in lex.find(text):
        if entry.sector is None:
            continue
        sentence = sentence_at(sentences, start)
        if _in_name(text, start, end, sentence):
            continue
        if _negation().search(text, max(0, start - 40), start) is not None:
            continue  # "exports, which do not include oil": the text sets it aside
        if entry.after_function_word and not _after_function_word(text, start):
            continue  # "the business environment": a setting, not the environment
        if entry.exact and _in_capitals(text, start, end):
            continue  # "IT IS TIME": a heading in capitals, not an acronym
        rule = "strong"
        if not entry.strong:
            if (
                sentence is not None
                and start > sentence.start
                and text[start].isupper()
                and not _after_capitalising_abbreviation(text, start)
            ):
                # A capitalised common word inside a sentence is part of a
                # name ("Foreign Military Financing", "Trade and Security Agreements").
                continue
            if _possessive_before(text, start):
                # "Ukraine's security", "the country's ports": what one party
                # holds, not an area the two work on.
                continue
            key = sentence.start if sentence else -1
            if key not in cued:
                lo, hi = (sentence.start, sentence.end) if sentence else (0, len(text))
                cued[key] = [m.span() for m in lex.cues.finditer(text, lo, hi)]
            # The cue must be another word: "investments" is no cue for itself.
            if not any(e <= start or end <= s for s, e in cued[key]):
                continue
            rule = "weak+cue"
        found.append(
            bilatx.SectorMention(
                span=bilatx.Span(start, end),
                text=text[start:end],
                sector=entry.sector,
                rule=rule,
                extractor=extractor,
            )
        )
    return found
