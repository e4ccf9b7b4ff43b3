"""Finding sector phrases and deciding which ones present an area of cooperation.

Precision first. A phrase counts only

* in a text about relations between countries (at least two are named, and
  the text speaks of visits, talks, agreements, ties or the like);
* outside the name of an institution, an office or an event ("Russian Industry
  and Trade exhibition", "Trade Minister", "Department of Health");
* and, for the weaker phrases ("food", "banks", "security"), in a sentence
  that speaks of cooperation, trade, talks or an agreement.
"""

from __future__ import annotations

from collections import Counter
from functools import cache
from typing import TYPE_CHECKING, Final

import regex

import bilatx
import bilatx.geo
from bilatx.text import sentence_at
from bilatx_sectors._lexicon import Entry, Lexicon, lexicon

if TYPE_CHECKING:
    from collections.abc import Iterator

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
    }
)  # fmt: skip
_JOINERS: Final = frozenset({"of", "and", "for", "the", "on", "&", "de", "in"})
_RELATIONS: Final = (
    r"(?i)\b(?:bilateral|talks|visit\w*|met|meeting|meetings|co-?operat\w*|agreements?|agreed"
    r"|ties|relations\w*|partner\w*|summit|deals?|pacts?|sanctions|disputes?|negotiat\w*"
    r"|counterparts?|delegations?|joint\s+statement|accords?|treat(?:y|ies)|alliance|dialogue"
    r"|mou|memorand\w*|trade\s+with)\b"
)


@cache
def _relations() -> regex.Pattern[str]:
    return regex.compile(_RELATIONS)


@cache
def _token() -> regex.Pattern[str]:
    return regex.compile(r"[\w.'\u2019&-]+")


def is_bilateral(text: str) -> bool:
    """Whether ``text`` is about relations between countries.

    Two countries (or organisations) must be named and the text must speak of
    a visit, talks, an agreement, ties or the like: a domestic report naming
    one foreign country in passing has no areas of cooperation.
    """
    codes = Counter(match.code for match in bilatx.geo.find_countries(text))
    if len(codes) < _MIN_COUNTRIES:
        return False
    return _relations().search(text) is not None


def _in_name(text: str, start: int, end: int, sentence: bilatx.Span | None) -> bool:
    """Whether ``text[start:end]`` is part of a capitalised name of an institution or event."""
    if not text[start:end][:1].isupper():
        return False
    lo = sentence.start if sentence else max(0, start - 200)
    hi = sentence.end if sentence else min(len(text), end + 200)
    tokens = [(m.start(), m.end(), m.group()) for m in _token().finditer(text, lo, hi)]
    inside = [i for i, (s, e, _) in enumerate(tokens) if s < end and start < e]
    if not inside:
        return False

    def capital(word: str) -> bool:
        return word[:1].isupper()

    first, last = inside[0], inside[-1]
    while first > 0:
        word = tokens[first - 1][2]
        if capital(word):
            first -= 1
        elif word.lower() in _JOINERS and first > 1 and capital(tokens[first - 2][2]):
            first -= 2
        else:
            break
    while last + 1 < len(tokens):
        word = tokens[last + 1][2]
        if capital(word):
            last += 1
        elif word.lower() in _JOINERS and last + 2 < len(tokens) and capital(tokens[last + 2][2]):
            last += 2
        else:
            break
    run = [w for _, _, w in tokens[first : last + 1]]
    capitals = [w for w in run if capital(w)]
    if len(capitals) < 2:  # noqa: PLR2004
        return False
    words = {w.lower().strip(".'\u2019") for w in run}
    after = tokens[last + 1][2].lower().strip(".'\u2019") if last + 1 < len(tokens) else ""
    return bool(words & _NAME_HEADS) or after in _NAME_HEADS


def _matches(lex: Lexicon, text: str) -> Iterator[tuple[int, int, Entry]]:
    """Every phrase of the lexicon in ``text``, longest first where two overlap."""
    found: list[tuple[int, int, Entry]] = []
    for match in lex.folded.finditer(text):
        entry = lex.entries.get(match.group().casefold())
        if entry is not None:
            found.append((match.start(), match.end(), entry))
    if lex.exact is not None:
        for match in lex.exact.finditer(text):
            entry = lex.entries.get(match.group())
            if entry is not None:
                found.append((match.start(), match.end(), entry))
    found.sort(key=lambda f: (f[0], -(f[1] - f[0])))
    last_end = -1
    for start, end, entry in found:
        if start < last_end:
            continue
        last_end = end
        yield start, end, entry


def find_sectors(doc: bilatx.Document, extractor: str) -> list[bilatx.SectorMention]:
    """Return a sector mention for every phrase that names an area of cooperation."""
    text = doc.text
    if not text.strip() or not is_bilateral(text):
        return []
    lex = lexicon()
    sentences = doc.sentences()
    cued: dict[int, bool] = {}
    found: list[bilatx.SectorMention] = []
    for start, end, entry in _matches(lex, text):
        if entry.sector is None:
            continue
        sentence = sentence_at(sentences, start)
        if _in_name(text, start, end, sentence):
            continue
        rule = "strong"
        if not entry.strong:
            if sentence is not None and start > sentence.start and text[start].isupper():
                # A capitalised common word inside a sentence is part of a
                # name ("Foreign Military Financing", "Trade and Security Agreements").
                continue
            key = sentence.start if sentence else -1
            if key not in cued:
                lo, hi = (sentence.start, sentence.end) if sentence else (0, len(text))
                cued[key] = lex.cues.search(text, lo, hi) is not None
            if not cued[key]:
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
