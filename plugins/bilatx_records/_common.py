"""Reading helpers shared by the visit and meeting builders.

The builders read a document one trigger word at a time ("visited", "talks",
"spoke by phone") and ask the same questions around each: which official a
name, a title ("the Secretary") or a pronoun ("his visit") points to; which
places, dates and durations lie in a stretch of text; where a datelined wire
story was filed (so "here" has a meaning); whether a clause is about the
future, the present or the past.

:class:`Context` answers them for one document. It is built once per
document from the text and the resolved mentions and only reads them. The
clause helpers at the end of the module (:func:`tense`, :func:`visit_status`,
:func:`is_list_gap`, :func:`governing_word`) are plain functions of the text;
other record builders can use them too.
"""

from __future__ import annotations

import bisect
import itertools
import json
import unicodedata
from functools import cache, lru_cache
from importlib import resources
from typing import TYPE_CHECKING, Final, TypeVar

import attrs
import regex

import bilatx
from bilatx import geo
from bilatx.text import paragraphs

if TYPE_CHECKING:
    from collections.abc import Iterable, Sequence

__all__ = [
    "ASIDE_MARK_RE",
    "CLAUSE_MARK_RE",
    "Context",
    "Dateline",
    "Place",
    "Ref",
    "counterpart_phrase",
    "counterpart_pronoun",
    "fold",
    "governing_word",
    "in_closed_aside",
    "is_list_gap",
    "person_key",
    "tense",
    "visit_status",
]

# -------------------------------------------------------------------- words

# Words that, directly before a person, make that person the object of
# something else ("met with X", "told X", "invited X"), so X is not the one
# who travels or meets in the clause being read.
OBJECT_WORDS: Final = frozenset(
    {
        *("with", "to", "by", "from", "for", "of", "than", "against", "about", "at"),
        *("on", "like", "including", "between", "among", "toward", "towards", "into"),
        *("told", "tell", "tells", "telling", "assure", "assured", "urged", "urge"),
        *("thanked", "thank", "invited", "invite", "invites", "accompany", "accompanied"),
        *("join", "joined", "joining", "called", "met", "meet", "meets", "meeting"),
        *("visit", "visited", "visits", "visiting", "hosted", "hosts", "host", "received"),
        *("receive", "welcomed", "welcome", "welcomes", "congratulated", "briefed"),
        *("informed", "nominate", "nominated", "appointed", "replace", "replaced"),
        *("succeed", "succeeded", "under", "via", "upon", "per", "asked", "ask"),
    }
)
# Words a title is made of when it sits between a preposition and a name
# ("with Russian Deputy Prime Minister Denis Manturov").
_TITLE_GLUE: Final = frozenset(
    {"of", "for", "the", "and", "de", "du", "des", "la", "le", "&"}
    # name particles ("Mohammed bin Salman", "Ursula von der Leyen")
    | {"bin", "ibn", "al", "el", "abu", "van", "von", "der", "den", "da", "di", "del", "dos"}
)
_CLAUSE_WORDS: Final = frozenset(
    {"in", "at", "to", "with", "by", "from", "on", "during", "while", "after", "before", "near"}
)
_NOMINATIVE: Final = frozenset({"he", "she"})
_FUNCTION_WORDS: Final = frozenset(
    {"that", "to", "and", "the", "a", "an", "in", "on", "at", "with", "for", "about", "as"}
)
_POSSESSIVE: Final = frozenset({"his", "her"})

_FUTURE: Final = (
    r"will|would|shall|'ll|is\s+set|are\s+set|set\s+to|scheduled|slated|due|expected|"
    r"likely|poised|plans?|planned|planning|upcoming|forthcoming|next|prepar\w*|intends?|"
    r"intended|proposed|tomorrow|invit\w*|hopes?\s+to|aims?\s+to|going\s+to|soon|"
    r"is\s+to|are\s+to|was\s+to|were\s+to|leaves|departs"
)
_PAST: Final = (
    r"visited|toured|travell?ed|went|flew|paid|made|held|met|concluded|concluding|"
    r"wrapped|ended|ending|completed|returned|was|were|had|last|recent|recently|earlier|"
    r"yesterday|ago|arrived|landed|after|following|previous|spoke|spoken|talked|"
    r"discussed|opened|attended|embarked|undertook|began|started|wrapped\s+up|left|since"
)
_ONGOING: Final = (
    r"ongoing|currently|under\s*way|is\s+(?:now\s+)?(?:in|visiting|touring|on|meeting)|"
    r"are\s+(?:now\s+)?(?:in|visiting|touring|on|meeting)|this\s+week's|first\s+day|"
    r"second\s+day|final\s+day|arrives|is\s+here"
)
_CANCELLED: Final = (
    r"cancel(?:l?ed|s|ling|lation)|called\s+off|scrapp(?:ed|ing)|abandon(?:ed|ing)|"
    r"scuttled|axed|dropped\s+plans"
)
_POSTPONED: Final = (
    r"postpon(?:ed|es|ing|ement)|put\s+off|deferr?(?:ed|ing|al)|delay(?:ed|ing)|"
    r"reschedul(?:ed|ing)|pushed\s+back"
)
_REPORTING: Final = (
    r"said|says|told|tells|added|announced|reported|stated|noted|according|quoted|declared"
)


# Patterns the readers apply many times per document, compiled once here.
_PUNCT_STOP_RE: Final = regex.compile(r"[,;:.]")
# What ends a clause, and what may also open an aside.
CLAUSE_MARK_RE: Final = regex.compile(r"[,;:]")
ASIDE_MARK_RE: Final = regex.compile(r"[,;:()]")
_LED_BY_RE: Final = regex.compile(r"(?:led|headed|chaired)\s+by\s+[\p{L}\s.,'\u2019()&-]*$")
_POSSESSED_WORDS_RE: Final = regex.compile(
    r"(?:['\u2019]s?)?\s+(?:[\p{L}\d][\p{L}\d'\u2019.-]*\s+){0,5}"
)


@cache
def _marker_patterns() -> dict[str, regex.Pattern[str]]:
    def words(body: str) -> regex.Pattern[str]:
        return regex.compile(rf"(?<![\w'])(?:{body})(?![\w])", regex.IGNORECASE)

    return {
        "future": words(_FUTURE),
        "past": words(_PAST),
        "ongoing": words(_ONGOING),
        "cancelled": words(_CANCELLED),
        "postponed": words(_POSTPONED),
        "reporting": words(_REPORTING),
    }


def fold(text: str) -> str:
    """Return ``text`` without accents, case-folded, with single spaces."""
    if text.isascii():
        # Most names are ASCII: NFKD leaves them as they are, none of their
        # characters combines, and casefold() lowers them as lower() does.
        return " ".join(text.lower().split())
    norm = unicodedata.normalize("NFKD", text)
    return " ".join("".join(c for c in norm if not unicodedata.combining(c)).casefold().split())


def person_key(person: bilatx.Official) -> str:
    """Return the key that identifies one official within a document: the folded surname."""
    return fold(person.surname)


# -------------------------------------------------------------------- types


@attrs.frozen
class Ref:
    """A reference to an official at ``span``, by name, by title or by pronoun."""

    span: bilatx.Span
    person: bilatx.Official
    how: str
    """"name", "surname", "title" or "pronoun"."""
    word: str = ""
    """The pronoun as written, for pronoun references."""


@attrs.frozen
class Place:
    """A place named at ``span``: a country, a city, a seat of government or "here"."""

    span: bilatx.Span
    name: str
    country: str | None
    kind: str
    """"country", "city", "venue", "here", "demonym" or "organisation"."""

    @property
    def is_city(self) -> bool:
        """Whether the place names a city (a venue or "here" stands for one)."""
        return self.kind in {"city", "venue", "here"}

    @property
    def is_destination(self) -> bool:
        """Whether someone can travel to this place (not a demonym or an organisation)."""
        return self.kind in {"country", "city", "venue", "here"} and self.country is not None


@attrs.frozen
class Dateline:
    """Where and when a wire story was filed ("TOKYO, March 22 - ")."""

    span: bilatx.Span
    city: str | None
    country: str | None
    date: bilatx.DateMention | None


# ------------------------------------------------------------------ patterns


@cache
def _dateline_re() -> regex.Pattern[str]:
    # Anchored at the start and bounded everywhere, so it runs in constant time.
    return regex.compile(
        r"""
        \A[\W\d]{0,5}
        (?:\([^()\n]{0,80}\)\s*)?                     # "(Eds: updating ...)"
        (?:By\s+(?:[\p{Lu}][\p{L}.]*\s+){1,5}?)?       # a byline
        (?P<place>\p{Lu}[\p{L}.'\u2019-]*(?:\s\p{Lu}[\p{L}.'\u2019-]*){0,5})
        (?:,\s*(?P<region>\p{Lu}[\p{L}.'\u2019-]*(?:\s\p{Lu}[\p{L}.'\u2019-]*){0,3}))?
        (?:
          ,\s*(?P<date>\p{Lu}\p{Ll}{2,8}\.?\s+\d{1,2})\b
          (?:\s*\(\p{Lu}{2,8}\)|\s+[-\u2013\u2014]\s)
        | (?P<agency>\s*\(\p{Lu}[\p{L}.&]{1,15}(?:\s\p{Lu}[\p{L}.&]{0,15}){0,2}\))
          \s*(?:[-\u2013\u2014:]\s)?                    # "NEW DELHI (Reuters) -"
        | (?<=\p{Lu}{3})\s*(?:[-\u2013\u2014]|:)\s      # "NEW DELHI: ", "WASHINGTON \u2014 "
        )
        """,
        regex.VERBOSE,
    )


@cache
def _pronoun_re() -> regex.Pattern[str]:
    return regex.compile(r"(?<![\w'])(?:[Hh]e|[Ss]he|[Hh]is|[Hh]er|[Hh]im)(?![\w'])")


@cache
def _here_re() -> regex.Pattern[str]:
    return regex.compile(r"(?<![\w'])[Hh]ere(?![\w'])")


_TITLE_HEADS: Final = (
    "President",
    "Vice President",
    "Prime Minister",
    "Premier",
    "Chancellor",
    "Secretary",
    "Minister",
    "King",
    "Queen",
    "Emir",
    "Crown Prince",
    "Ambassador",
    "Envoy",
    "Governor",
    "Director",
    "Representative",
    "Advisor",
    "Adviser",
    "General Secretary",
    "Chairman",
    "Chairperson",
    "Sultan",
    "Commissioner",
    "Mayor",
    "Speaker",
    "Secretary-General",
    "Director-General",
)


@cache
def _title_ref_re() -> regex.Pattern[str]:
    heads = "|".join(sorted((regex.escape(h) for h in _TITLE_HEADS), key=len, reverse=True))
    return regex.compile(
        rf"(?<![\w])[Tt]he\s+(?P<title>(?:\p{{Lu}}\p{{Ll}}+\s+){{0,3}}?(?:{heads}))"
        r"(?![\w])(?!\s+\p{Lu}\p{Ll})(?!\s+of\s+\p{Lu})"
    )


@cache
def _capitalised_after_preposition_re() -> regex.Pattern[str]:
    return regex.compile(
        r"(?<![\w])(?:in|to|at|visit(?:s|ed|ing)?|for|from|of|toured?|reach(?:ed|es)?)"
        r"\s+(?P<name>\p{Lu}[\p{L}'\u2019.-]*(?:[ -]\p{Lu}[\p{L}'\u2019.-]*){0,2})"
    )


@cache
def _venues() -> dict[str, str]:
    """Seats of government and other venues that stand for a city ("the White House")."""
    raw = resources.files("bilatx_records").joinpath("venues.json").read_text("utf-8")
    data: dict[str, str] = json.loads(raw)["venues"]
    return {fold(name): city for name, city in data.items()}


@cache
def _venue_names() -> tuple[str, ...]:
    raw = resources.files("bilatx_records").joinpath("venues.json").read_text("utf-8")
    names: list[str] = sorted(json.loads(raw)["venues"], key=len, reverse=True)
    return tuple(names)


@cache
def _venue_re() -> regex.Pattern[str]:
    return regex.compile(r"(?<![\w])(?:\L<names>)(?![\w])", names=list(_venue_names()))


def _venue_matches(text: str) -> list[regex.Match[str]]:
    """The matches of :func:`_venue_re` in ``text``.

    The pattern is case-sensitive, so it can only match where a venue's name
    stands as written; most texts hold none, and looking for each name as a
    plain substring is far quicker than trying the pattern at every position.
    """
    if not any(name in text for name in _venue_names()):
        return []
    return list(_venue_re().finditer(text))


# ------------------------------------------------------------------- context


@lru_cache(maxsize=4096)
def _city_country(name: str) -> str | None:
    try:
        return geo.city_country(name)
    except (KeyError, ValueError, LookupError):  # pragma: no cover - data problems upstream
        return None


@lru_cache(maxsize=4096)
def _is_capital(name: str) -> bool:
    try:
        return geo.is_capital(name)
    except (KeyError, ValueError, LookupError):  # pragma: no cover - data problems upstream
        return False


_DATELINE_CITY: Final = 100_000
"""Population a city needs to open a story without a date ("MUMBAI: ...")."""
_CLAUSE_REACH: Final = 40
"""How far before "him" its clause's subject is looked for."""
_LOOKBACK: Final = 3000
"""Characters before "the country" searched for the country it stands for."""
_CALENDAR_WORDS: Final = frozenset(
    {
        *("january", "february", "march", "april", "may", "june", "july", "august"),
        *("september", "october", "november", "december", "monday", "tuesday"),
        *("wednesday", "thursday", "friday", "saturday", "sunday"),
    }
)


@lru_cache(maxsize=4096)
def _country_code(name: str) -> str | None:
    try:
        return geo.country_code(name)
    except (KeyError, ValueError, LookupError):  # pragma: no cover - data problems upstream
        return None


_PLACE_KINDS: Final = {
    bilatx.PlaceKind.COUNTRY: "country",
    bilatx.PlaceKind.DEMONYM: "demonym",
    bilatx.PlaceKind.CITY: "city",
    bilatx.PlaceKind.ORGANISATION: "organisation",
}


_M = TypeVar("_M", bilatx.DateMention, bilatx.DurationMention, bilatx.SectorMention, Place)


def _within(items: Sequence[_M], starts: list[int], start: int, end: int) -> list[_M]:
    """The items (sorted by start, with ``starts`` their offsets) lying inside ``[start, end)``."""
    i = bisect.bisect_left(starts, start)
    out = []
    while i < len(items) and starts[i] < end:
        if items[i].span.end <= end:
            out.append(items[i])
        i += 1
    return out


REACH: Final = 400
"""How far from a trigger the builders look for its people, places and dates."""
_LONGEST: Final = 200
"""No date mention is longer: the stretch searched around a name for one."""


_LETTER_OR_DIGIT: Final = regex.compile(r"[\p{L}\p{N}]")


def _whole_names(text: str, names: Iterable[str]) -> list[tuple[int, int]]:
    r"""Where ``names`` stand whole in ``text``: no letter or digit right before or after.

    The spans ``finditer`` gives for ``(?<![\p{L}\p{N}])(?:\L<names>)(?![\p{L}\p{N}])``:
    left to right, not overlapping, the longest name at each place. Found by
    string search, not a pattern compiled for each document's names.
    """
    longest: dict[int, int] = {}
    for name in names:
        if not name:
            continue
        at = text.find(name)
        while at != -1:
            end = at + len(name)
            if (
                (at == 0 or _LETTER_OR_DIGIT.match(text, at - 1) is None)
                and _LETTER_OR_DIGIT.match(text, end) is None
                and end > longest.get(at, -1)
            ):
                longest[at] = end
            at = text.find(name, at + 1)
    found: list[tuple[int, int]] = []
    for at in sorted(longest):
        if not found or at >= found[-1][1]:
            found.append((at, longest[at]))
    return found


def _coverage(size: int, spans: Iterable[bilatx.Span]) -> bytearray:
    """Return one byte per character of the text, set where one of ``spans`` lies."""
    covered = bytearray(size)
    for span in spans:
        covered[span.start : span.end] = b"\x01" * (span.end - span.start)
    return covered


def _is_code(value: str | None) -> bool:
    return value is not None and len(value) == 3 and value.isalpha() and value.isupper()  # noqa: PLR2004


class Context:
    """What the record builders need to know about one document, computed once.

    Args:
        doc: the document.
        mentions: its resolved mentions.
    """

    def __init__(self, doc: bilatx.Document, mentions: bilatx.Mentions) -> None:
        self.doc = doc
        self.text = doc.text
        self.mentions = mentions
        self.sentences: tuple[bilatx.Span, ...] = doc.sentences()
        self._sentence_starts = [s.start for s in self.sentences]
        self.paragraphs: tuple[bilatx.Span, ...] = paragraphs(doc.text)
        self._paragraph_starts = [p.start for p in self.paragraphs]
        self.people: tuple[bilatx.Official, ...] = mentions.people or bilatx.fallback_people(
            mentions.officials
        )
        self.dates: tuple[bilatx.DateMention, ...] = mentions.dates
        self.durations: tuple[bilatx.DurationMention, ...] = mentions.durations
        self.dateline = self._find_dateline()
        self.places: tuple[Place, ...] = self._collect_places()
        self._place_starts = [p.span.start for p in self.places]
        self._date_starts = [d.span.start for d in self.dates]
        self._duration_starts = [d.span.start for d in self.durations]
        self._sector_starts = [m.span.start for m in mentions.sectors]
        self._place_cache: dict[tuple[int, int], list[Place]] = {}
        self._around: dict[tuple[int, int], bilatx.Span] = {}
        # The windows of places_in overlap: each name after a preposition is looked up once.
        self._lookups: dict[tuple[int, str], Place | None] = {}
        self.refs: tuple[Ref, ...] = self._collect_refs()
        self._ref_starts = [r.span.start for r in self.refs]

    # ------------------------------------------------------------ positions

    def sentence_index(self, offset: int) -> int:
        """Return the index of the sentence holding ``offset`` (or the one before it)."""
        return max(0, bisect.bisect_right(self._sentence_starts, offset) - 1)

    def sentence_at(self, offset: int) -> bilatx.Span:
        """Return the sentence holding ``offset``."""
        if not self.sentences:
            return bilatx.Span(0, len(self.text))
        return self.sentences[self.sentence_index(offset)]

    def paragraph_index(self, offset: int) -> int:
        """Return the index of the line (paragraph) holding ``offset``."""
        return max(0, bisect.bisect_right(self._paragraph_starts, offset) - 1)

    def around(self, span: bilatx.Span) -> bilatx.Span:
        """Return the sentence holding ``span``, cut to :data:`REACH` characters either side.

        Every search the builders make around a trigger stays inside this
        stretch, so a text without full stops cannot make them quadratic.
        """
        key = (span.start, span.end)
        found = self._around.get(key)
        if found is None:
            # Asked again and again for the same trigger: spans are frozen, so one is shared.
            sentence = self.sentence_at(span.start)
            found = self._around[key] = bilatx.Span(
                max(sentence.start, span.start - REACH),
                max(span.end, min(sentence.end, span.end + REACH)),
            )
        return found

    def is_lead(self, offset: int) -> bool:
        """Whether ``offset`` lies in the first sentence that holds words (the lead)."""
        return self.sentence_index(offset) == 0

    # ---------------------------------------------------------- selections

    def refs_in(self, start: int, end: int) -> list[Ref]:
        """Return the references to officials lying inside ``[start, end)``, by position."""
        i = bisect.bisect_left(self._ref_starts, start)
        out = []
        while i < len(self.refs) and self.refs[i].span.start < end:
            if self.refs[i].span.end <= end:
                out.append(self.refs[i])
            i += 1
        return out

    def dates_in(self, start: int, end: int) -> list[bilatx.DateMention]:
        """Return the date mentions inside ``[start, end)``, by position."""
        return _within(self.dates, self._date_starts, start, end)

    def durations_in(self, start: int, end: int) -> list[bilatx.DurationMention]:
        """Return the duration mentions inside ``[start, end)``, by position."""
        return _within(self.durations, self._duration_starts, start, end)

    def sectors_in(self, start: int, end: int) -> list[str]:
        """Return the sector ids named inside ``[start, end)``, each once, in order."""
        found = _within(self.mentions.sectors, self._sector_starts, start, end)
        return list(dict.fromkeys(m.sector for m in found))

    def places_in(self, start: int, end: int) -> list[Place]:
        """Return the places named inside ``[start, end)``, by position.

        Place mentions come first; a capitalised name after a preposition that
        no mention covers is looked up as a city or a country, so a place the
        places plugin missed can still serve as a destination.
        """
        key = (start, end)
        cached = self._place_cache.get(key)
        if cached is not None:
            return cached
        found = _within(self.places, self._place_starts, start, end)
        taken = [p.span for p in found] + [r.span for r in self.refs_in(start, end)]
        for match in _capitalised_after_preposition_re().finditer(self.text, start, end):
            found_at = (match.start("name"), match.group("name"))
            if found_at in self._lookups:
                place = self._lookups[found_at]
            else:
                place = self._lookups[found_at] = self._lookup(*found_at)
            if place is not None and not any(place.span.overlaps(s) for s in taken):
                found.append(place)
                taken.append(place.span)
        found.sort(key=lambda p: (p.span.start, p.span.end))
        self._place_cache[key] = found
        return found

    def _lookup(self, offset: int, name: str) -> Place | None:
        """Look a capitalised name up as a country or a national capital.

        Only capitals: the gazetteer also holds small towns called "March" or
        "Asia", and finding ordinary cities is the places plugin's work.
        """
        words = name.split()
        for size in range(len(words), 0, -1):
            candidate = " ".join(words[:size]).rstrip(".'\u2019")
            if len(candidate) < 3 or fold(candidate) in _CALENDAR_WORDS:  # noqa: PLR2004
                continue
            span = bilatx.Span(offset, offset + len(candidate))
            if any(
                d.span.overlaps(span)
                for d in self.dates_in(max(0, span.start - _LONGEST), span.end + _LONGEST)
            ):
                return None
            code = _country_code(candidate)
            if _is_code(code) and candidate[0].isupper():
                return Place(span, candidate, code, "country")
            if _is_capital(candidate):
                city = _city_country(candidate)
                if city is not None:
                    return Place(span, candidate, city, "city")
        return None

    def is_dateline_date(self, mention: bilatx.DateMention) -> bool:
        """Whether ``mention`` is the date of the story's dateline."""
        return (
            self.dateline is not None
            and self.dateline.date is not None
            and self.dateline.date.span == mention.span
        )

    def country_before(self, offset: int, *, exclude: Iterable[str | None] = ()) -> str | None:
        """Return the country named last before ``offset``, skipping ``exclude``.

        This reads "the country" in "his visit to the country": the country
        last named that is not the visitor's own.
        """
        skip = set(exclude)
        i = bisect.bisect_left(self._place_starts, offset) - 1
        while i >= 0:
            place = self.places[i]
            if (
                place.span.end <= offset
                and place.kind == "country"
                and place.country not in skip
                and _is_code(place.country)
            ):
                return place.country
            i -= 1
        # The places plugin may not split "India-Russia"; the shared lookup does.
        code = None
        for match in geo.find_countries(self.text[max(0, offset - _LOOKBACK) : offset]):
            if match.code not in skip and _is_code(match.code):
                code = match.code
        return code

    # ---------------------------------------------------------- collecting

    def _find_dateline(self) -> Dateline | None:
        head = self.text[:300]
        match = _dateline_re().match(head)
        if match is None:
            return None
        place = match.group("place").strip()
        words = place.split()
        city = country = None
        dated = match.group("date") is not None
        for i in range(len(words) if dated else 1):
            candidate = " ".join(words[i:])
            code = _city_country(candidate)
            if code is not None:
                city, country = candidate, code
                break
        if not dated and (
            city is None or not (_is_capital(city) or geo.city_population(city) >= _DATELINE_CITY)
        ):
            # Without a date, only a real city makes a dateline ("NEW DELHI:"),
            # not a heading ("SECURING EXPORTS:").
            return None
        if country is None and match.group("region"):
            code = _country_code(match.group("region"))
            if _is_code(code):
                country = code
                city = words[-1] if words else None
        if city is not None and city.isupper():
            city = city.title()  # "NEW DELHI" is New Delhi
        date = None
        if dated:
            date_span = bilatx.Span(match.start("date"), match.end("date"))
            date = next((d for d in self.dates if d.span.overlaps(date_span)), None)
        return Dateline(bilatx.Span(match.start(), match.end()), city, country, date)

    def _collect_places(self) -> tuple[Place, ...]:
        venues = []
        for match in _venue_matches(self.text):
            city = _venues().get(fold(match.group()))
            if city is not None:
                span = bilatx.Span(match.start(), match.end())
                venues.append(Place(span, city, _city_country(city), "venue"))
        mentioned: Iterable[bilatx.PlaceMention] = self.mentions.places
        if venues:
            # A venue wins over the place inside its name ("Hyderabad House" is in New Delhi).
            in_venue = _coverage(len(self.text), (v.span for v in venues))
            mentioned = [m for m in mentioned if not any(in_venue[m.span.start : m.span.end])]
        kinds = _PLACE_KINDS
        places = [Place(m.span, m.name or m.text, m.country, kinds[m.kind]) for m in mentioned]
        places.extend(venues)
        if self.dateline is not None and self.dateline.city and self.dateline.country:
            for match in _here_re().finditer(self.text):
                span = bilatx.Span(match.start(), match.end())
                places.append(Place(span, self.dateline.city, self.dateline.country, "here"))
        places.sort(key=lambda p: (p.span.start, p.span.end, p.kind))
        return tuple(places)

    def _collect_refs(self) -> tuple[Ref, ...]:
        refs: list[Ref] = [
            Ref(span, person, "name") for person in self.people for span in person.spans
        ]
        refs.extend(self._surname_refs(refs))
        refs.extend(self._title_refs(refs))
        refs.sort(key=lambda r: (r.span.start, r.span.end))
        return tuple(self._pronoun_refs(refs))

    def _surname_refs(self, refs: list[Ref]) -> list[Ref]:
        """Find bare surnames the resolution step did not link ("the Baker-Chung meeting")."""
        by_surname: dict[str, bilatx.Official | None] = {}
        for person in self.people:
            key = person.surname.strip()
            if len(key) < 3 or not key[0].isupper():  # noqa: PLR2004
                continue
            by_surname[key] = None if key in by_surname else person
        names = sorted((k for k, v in by_surname.items() if v is not None), key=len, reverse=True)
        if not names:
            return []
        covered = _coverage(len(self.text), (r.span for r in refs))
        out = []
        for start, end in _whole_names(self.text, names):
            span = bilatx.Span(start, end)
            if any(covered[span.start : span.end]):
                continue
            found = by_surname.get(self.text[start:end])
            if found is not None:
                out.append(Ref(span, found, "surname"))
        return out

    def _title_refs(self, refs: list[Ref]) -> list[Ref]:
        """Read "the Secretary", "The President" as the official who holds that title."""
        holders: list[tuple[frozenset[str], bilatx.Official]] = [
            (frozenset(fold(p.title).split()), p) for p in self.people if p.title
        ]
        if not holders:
            return []
        first_seen = {
            person_key(p): min((s.start for s in p.spans), default=len(self.text))
            for p in self.people
        }
        covered = _coverage(len(self.text), (r.span for r in refs))
        out = []
        for match in _title_ref_re().finditer(self.text):
            span = bilatx.Span(match.start(), match.end())
            if any(covered[span.start : span.end]):
                continue
            words = frozenset(fold(match.group("title")).split())
            fits = [p for title, p in holders if words <= title]
            if not fits:
                continue
            # News uses the bare title for the story's protagonist: the first named.
            person = min(fits, key=lambda p: first_seen.get(person_key(p), len(self.text)))
            out.append(Ref(span, person, "title"))
        return out

    def _pronoun_refs(self, refs: list[Ref]) -> list[Ref]:
        """Resolve he/she/his/her/him to an official, sentence by sentence."""
        name_spans = sorted((r.span for r in refs), key=lambda s: (s.start, s.end))
        name_starts = [s.start for s in name_spans]

        def inside_a_name(offset: int) -> bool:
            i = bisect.bisect_right(name_starts, offset) - 1
            return any(name_spans[j].end > offset for j in range(max(0, i - 3), i + 1))

        # "his Chinese counterpart Wang Yi" may be one name mention: its "his" is no reference.
        pronouns = [
            (bilatx.Span(m.start(), m.end()), m.group())
            for m in _pronoun_re().finditer(self.text)
            if not inside_a_name(m.start())
        ]
        if not pronouns or not refs:
            return refs
        all_refs = list(refs)
        salience: dict[str, int] = {}
        for ref in refs:
            salience[person_key(ref.person)] = salience.get(person_key(ref.person), 0) + 1
        subject: Ref | None = None
        named = sorted(refs, key=lambda r: (r.span.start, r.span.end))
        p_index = 0
        named_starts = [r.span.start for r in named]
        for sentence in self.sentences:
            first = bisect.bisect_left(named_starts, sentence.start)
            last = bisect.bisect_left(named_starts, sentence.end)
            in_sentence = [r for r in named[first:last] if sentence.contains(r.span)]
            while p_index < len(pronouns) and pronouns[p_index][0].start < sentence.start:
                p_index += 1
            first_new: Ref | None = None
            nominatives: list[Ref] = []
            while p_index < len(pronouns) and pronouns[p_index][0].end <= sentence.end:
                span, word = pronouns[p_index]
                p_index += 1
                low = bisect.bisect_left(named_starts, max(sentence.start, span.start - REACH))
                high = bisect.bisect_left(named_starts, span.start)
                before = [r for r in named[low:high] if r.span.end <= span.start]
                target = self._fronted_subject(sentence, span, named, named_starts)
                if target is None and word.lower() in _NOMINATIVE:
                    target = before[0] if before else subject
                elif target is None:
                    target = self._possessor(before, span, sentence, salience) or subject
                if target is not None and self._object_pronoun(span, word):
                    target = self._not_the_subject(all_refs, before, target, span)
                if target is None:
                    continue
                ref = Ref(span, target.person, "pronoun", word.lower())
                all_refs.append(ref)
                if first_new is None and not in_sentence:
                    first_new = ref
                if ref.word in _NOMINATIVE:
                    nominatives.append(ref)
            if in_sentence:
                subject = self._acting_first(sentence, [*in_sentence, *nominatives], subject)
            elif first_new is not None:
                subject = first_new
        all_refs.sort(key=lambda r: (r.span.start, r.span.end))
        return all_refs

    def _fronted_subject(
        self, sentence: bilatx.Span, pronoun: bilatx.Span, named: list[Ref], starts: list[int]
    ) -> Ref | None:
        """Return whom "his" stands for in a fronted clause: "After his talks with A, B said".

        The clause opens the sentence and its pronoun points forward to the
        main clause's subject, the first name after the clause's comma.
        """
        if not _FRONTED_RE.fullmatch(self.text, sentence.start, pronoun.start):
            return None
        comma = pronoun.end
        for _ in range(3):  # "After his talks on December 16, 2024, B said": a date's comma
            comma = self.text.find(",", comma + 1, sentence.end)
            if comma == -1:
                return None
            index = bisect.bisect_left(starts, comma)
            if index < len(named) and named[index].span.start < sentence.end:
                ref = named[index]
                if not self.text[comma + 1 : ref.span.start].strip(" \t\u00a0"):
                    return ref
        return None

    def _acting_first(self, sentence: bilatx.Span, refs: list[Ref], previous: Ref | None) -> Ref:
        """Return whom a sentence is about: its first reference that acts.

        "He met Berg and delivered a letter from Hahn. He then ...": the
        second "he" is the first one, not Berg; in "Hahn's envoy Iyer
        arrived. He ..." it is Iyer. A sentence whose references all are
        possessives or objects ("Hahn's letter was read out.") leaves the
        subject as it was, else it is about its first.
        """
        ordered = sorted(refs, key=lambda r: (r.span.start, r.span.end))
        for ref in ordered:
            if is_possessive(self, ref):
                continue
            if governing_word(self.text, ref.span.start, sentence.start) in OBJECT_WORDS:
                continue
            return ref
        return previous if previous is not None else ordered[0]

    def _object_pronoun(self, span: bilatx.Span, word: str) -> bool:
        """Whether the pronoun is an object ("him", "her" not followed by a noun)."""
        low = word.lower()
        if low != "her":
            return low == "him"
        following = self.text[span.end : span.end + 12].split()
        after = following[0].lower() if following else ""
        return not (after[:1].isalpha() and after not in _FUNCTION_WORDS)

    def _not_the_subject(
        self, refs: list[Ref], before: list[Ref], target: Ref, span: bilatx.Span
    ) -> Ref | None:
        """Keep "him" from pointing to the subject of its own clause.

        In "she called on him" the two are different people: "him" is then
        the nearest other official named before.
        """
        subject = next(
            (
                r
                for r in reversed(refs)
                if r.span.end <= span.start and span.start - r.span.end <= _CLAUSE_REACH
            ),
            None,
        )
        if subject is None or _PUNCT_STOP_RE.search(self.text[subject.span.end : span.start]):
            return target
        if subject.how == "pronoun" and subject.word not in _NOMINATIVE:
            return target
        if person_key(subject.person) != person_key(target.person):
            return target
        others = [r for r in before if person_key(r.person) != person_key(subject.person)]
        return others[-1] if others else None

    def _possessor(
        self,
        before: list[Ref],
        pronoun: bilatx.Span,
        sentence: bilatx.Span,
        salience: dict[str, int],
    ) -> Ref | None:
        """Return whom "his" points to: the nearest name, with two exceptions.

        A name in an aside closed before the pronoun is skipped: in "the
        idea, first proposed by Minister Guillaume, during his visit", "his"
        is the sentence's subject. And when the nearest name is the partner
        of a conversation ("spoke with Putin over his visit", "had spoken to
        Modi over his visit"), the more prominent of it and the subject wins:
        the text cannot tell, and stories are about their protagonist. The
        same holds for the person one briefs ("apprised Raman of his talks").
        """
        for ref in reversed(before):
            between = self.text[ref.span.end : pronoun.start]
            word = governing_word(self.text, ref.span.start, sentence.start)
            if "," in between and word in OBJECT_WORDS:
                continue
            subject = before[0]
            partner = word in {"with", "to"} or word in _BRIEFING_VERBS
            if partner and person_key(subject.person) != person_key(ref.person):
                mine = salience.get(person_key(ref.person), 0)
                theirs = salience.get(person_key(subject.person), 0)
                return subject if theirs > mine else ref
            return ref
        return before[0] if before else None


# A sentence opening with a clause whose pronoun points forward: "After his talks with A, B said".
_FRONTED_RE: Final = regex.compile(
    r"(?:Following|After|During|Before|Ahead\s+of|Since|Upon|On|At\s+the\s+end\s+of)\s+",
)

# Verbs whose object hears of the subject's own doings: "briefed X on his talks".
_BRIEFING_VERBS: Final = frozenset(
    {"apprised", "apprises", "apprise", "briefed", "briefs", "brief", "informed", "informs"}
    | {"inform", "told", "tells", "tell", "updated", "updates", "update"}
)


# ------------------------------------------------------------ clause helpers


def governing_word(
    text: str, start: int, limit: int, *, transparent: frozenset[str] = frozenset()
) -> str:
    """Return the lower-case word that governs the phrase starting at ``start``.

    Title words between the governing word and a name are skipped, so for
    "met with Russian Deputy Prime Minister Denis Manturov" and ``start`` at
    "Denis" the answer is ``"with"``; so are the ``transparent`` words ("his
    counterpart"). ``limit`` bounds the search (the sentence start). Returns
    ``""`` at the start of a clause and the punctuation mark after a comma.
    A preposition inside a title is skipped, but one right after an ordinary
    word governs: in "the greetings of Chancellor Hahn" the answer is
    ``"of"``, not ``"greetings"``.
    """
    i = start
    skipped = ""
    while i > limit:
        j = i
        while j > limit and text[j - 1].isspace():
            j -= 1
        if j > limit and text[j - 1] in ',;:(\u2014\u2013"\u201c':
            return text[j - 1]
        k = j
        while k > limit and (text[k - 1].isalnum() or text[k - 1] in "'\u2019.-"):
            k -= 1
        word = text[k:j]
        if not word:
            return ""
        bare = word.rstrip(".")
        if bare[:1].isupper() and bare.lower() in _CLAUSE_WORDS:
            return bare.lower()  # "In Tokyo, ...": a capital only because it opens the sentence
        if bare.lower() in _DAY_WORDS:
            return ""  # "On Thursday Minister A met B": the date ends the phrase before A
        if (
            bare[:1].isupper()
            or bare.lower() in _TITLE_GLUE
            or bare.isupper()
            or bare.lower() in transparent
        ):
            skipped = bare.lower()
            i = k
            continue
        if skipped in _GOVERNING_GLUE:
            return skipped
        # The cheap set test first: this runs for every name the builders read.
        if bare.lower() in OBJECT_WORDS and _DETERMINER_BEFORE_RE.search(
            text, max(limit, k - 8), k
        ):
            # "During the visit President A and B signed": a noun, then the next
            # phrase's subject; a verb ("will visit President A") has no article.
            return ""
        return bare.lower()
    return ""


_DETERMINER_BEFORE_RE: Final = regex.compile(
    r"(?<![\w])(?:the|a|an|his|her|their|its|this|that)\s+\Z", regex.IGNORECASE
)


_GOVERNING_GLUE: Final = frozenset({"of", "for"})
_DAY_WORDS: Final = _CALENDAR_WORDS | {"today", "yesterday", "tomorrow", "tonight"}


def is_list_gap(gap: str) -> bool:
    """Whether ``gap`` only separates two names of one list (", ", " and ", a title).

    ``"A, Foreign Minister B"`` and ``"A and Ambassador B"`` are lists; ``"A
    to discuss B"`` is not.
    """
    # "A and his counterpart B", "A, their counterparts B": the possessive introduces a name.
    cleaned = _counterpart_re().sub(" ", gap).replace(",", " , ")
    tokens = cleaned.split()
    if not tokens:
        return not gap.strip()
    seen_separator = False
    for token in tokens:
        bare = token.strip("()")
        if bare in {",", "and", "&"}:
            seen_separator = True
            continue
        if bare.lower() in {"as", "well"}:
            continue
        if bare[:1].isupper() or bare.lower() in _TITLE_GLUE:
            continue
        return False
    return seen_separator or tokens[0][:1].isupper()


@cache
def _counterpart_re() -> regex.Pattern[str]:
    # Up to five words between: a demonym and an office ("his Japanese national
    # security advisor counterpart").
    return regex.compile(
        r"(?<![\w])(?:his|her|their|its)\s+"
        r"(?:(?!(?:with|to|and|the|an?|in|on|at|from|by)\s)[\p{L}-]+\s+){0,5}?"
        r"counterparts?(?![\w])",
        regex.IGNORECASE,
    )


def tense(text: str, start: int, end: int) -> str | None:
    """Return ``"future"``, ``"ongoing"`` or ``"past"`` for the words in ``[start, end)``.

    The marker closest to the end of the stretch wins, so for "said he will
    visit" the answer is ``"future"``.
    """
    best: tuple[int, str] | None = None
    for name in ("ongoing", "future", "past"):
        for match in _marker_patterns()[name].finditer(text, start, end):
            position = match.end()
            if best is None or position > best[0] or (position == best[0] and name == "ongoing"):
                best = (position, name)
    return None if best is None else best[1]


def visit_status(
    text: str, sentence: bilatx.Span, trigger: bilatx.Span
) -> bilatx.VisitStatus | None:
    """Read a visit's status from the words around its trigger.

    Cancellation and postponement anywhere in the sentence win; then the
    tense of the words just before the trigger ("is set to visit", "during his
    ongoing visit", "concluded his visit"), then the trigger word itself
    ("visited").
    """
    markers = _marker_patterns()
    if markers["cancelled"].search(text, sentence.start, sentence.end):
        return bilatx.VisitStatus.CANCELLED
    if markers["postponed"].search(text, sentence.start, sentence.end):
        return bilatx.VisitStatus.POSTPONED
    window_start = max(sentence.start, trigger.start - 60)
    word = text[trigger.start : trigger.end].lower()
    if markers["ongoing"].search(text, window_start, trigger.end) or _on_a_visit_re().search(
        text, window_start, trigger.start
    ):
        return bilatx.VisitStatus.ONGOING
    if word in {"arrived", "landed"}:
        # An arrival reported in the past tense: the visitor is there now.
        return bilatx.VisitStatus.ONGOING
    if word.endswith(("ed", "flew", "left", "went")) and not markers["future"].search(
        text, max(sentence.start, trigger.start - 25), trigger.start
    ):
        return bilatx.VisitStatus.COMPLETED
    found = tense(text, window_start, trigger.start)
    if found == "future":
        return bilatx.VisitStatus.ANNOUNCED
    if found == "past":
        return bilatx.VisitStatus.COMPLETED
    after = tense(text, trigger.end, min(sentence.end, trigger.end + 90))
    if after == "past":
        return bilatx.VisitStatus.COMPLETED
    if after == "future":
        return bilatx.VisitStatus.ANNOUNCED
    return None


@cache
def _on_a_visit_re() -> regex.Pattern[str]:
    # "Baker, on a two-day visit to Tokyo, met ..." / "who is on a visit to": there now.
    return regex.compile(
        r"(?:,|(?<![\w])(?:is|are))\s*on\s+(?:a|an|his|her|their)\s+(?:[^\s,.;:]+\s+){0,3}$",
        regex.IGNORECASE,
    )


def reported_between(text: str, start: int, end: int) -> bool:
    """Whether a reporting verb ("said", "told") lies in ``[start, end)``."""
    return _marker_patterns()["reporting"].search(text, start, end) is not None


def is_future(text: str, start: int, end: int) -> bool:
    """Whether the words in ``[start, end)`` speak of the future."""
    return tense(text, start, end) == "future"


def first_index(items: Sequence[Ref], person: bilatx.Official) -> int:
    """Return the index of the first reference to ``person`` in ``items`` (or -1)."""
    key = person_key(person)
    return next((i for i, r in enumerate(items) if person_key(r.person) == key), -1)


# ------------------------------------------------------------- who is acting


def is_possessive(ctx: Context, ref: Ref) -> bool:
    """Whether the reference is a possessive ("Kishida's invitation", "his visit")."""
    if ref.how == "pronoun":
        if ref.word == "her":
            following = ctx.text[ref.span.end : ref.span.end + 12].split()
            word = following[0].lower() if following else ""
            return bool(word) and word[0].isalpha() and word not in _FUNCTION_WORDS
        return ref.word in _POSSESSIVE
    tail = ctx.text[ref.span.end : ref.span.end + 2]
    return tail in {"'s", "\u2019s"} or (
        tail[:1] in {"'", "\u2019"} and ref.person.surname[-1:] == "s"
    )


def _led_by(text: str, start: int, limit: int) -> bool:
    before = text[max(limit, start - 150) : start]
    return _LED_BY_RE.search(before) is not None


def _acts(ctx: Context, ref: Ref, sentence: bilatx.Span) -> bool:
    """Whether ``ref`` can be the one acting (not an object, not a possessive)."""
    if ref.how == "pronoun" and ref.word not in _NOMINATIVE:
        return False
    if is_possessive(ctx, ref):
        return False
    word = governing_word(ctx.text, ref.span.start, sentence.start)
    if word == "by" and _led_by(ctx.text, ref.span.start, sentence.start):
        return True
    return word not in OBJECT_WORDS


def chain_back(ctx: Context, refs: Sequence[Ref], head: Ref) -> list[Ref]:
    """Return ``head`` with the references listed before it ("A, B and head").

    The members of one list share what governs them: in "Conveying the
    greetings of Hahn, Voss met Berg" Hahn, governed by "of", is no member
    of Voss's list, but in "met with A, B and Putin, who" A is of Putin's.
    """
    chain = [head]
    index = refs.index(head)
    limit = ctx.around(head.span).start
    head_object = _governed_as_object(ctx, head, limit)
    for ref in reversed(refs[:index]):
        if ref.span.end > chain[0].span.start:
            continue
        if counterpart_pronoun(ctx, ref):
            continue
        gap = ctx.text[ref.span.end : chain[0].span.start]
        if ref.how == "pronoun" or is_possessive(ctx, ref) or not is_list_gap(gap):
            break
        if _governed_as_object(ctx, ref, limit) and not head_object:
            break
        chain.insert(0, ref)
    return chain


def _governed_as_object(ctx: Context, ref: Ref, limit: int) -> bool:
    return governing_word(ctx.text, ref.span.start, limit) in OBJECT_WORDS


def counterpart_pronoun(ctx: Context, ref: Ref) -> bool:
    """Whether ``ref`` is the "his" of "his counterpart": part of the list's glue."""
    return counterpart_phrase(ctx, ref) is not None


def counterpart_phrase(ctx: Context, ref: Ref) -> regex.Match[str] | None:
    """Return the "his Australian counterpart" a pronoun ``ref`` begins, if it begins one."""
    if ref.how != "pronoun":
        return None
    return _counterpart_re().match(ctx.text, ref.span.start, ref.span.end + 80)


def chain_forward(ctx: Context, refs: Sequence[Ref], head: Ref, end: int) -> list[Ref]:
    """Return ``head`` with the references listed after it, up to ``end``."""
    chain = [head]
    index = refs.index(head)
    for ref in refs[index + 1 :]:
        if ref.span.start < chain[-1].span.end:
            continue
        if ref.span.end > end:
            break
        if counterpart_pronoun(ctx, ref):
            continue
        gap = ctx.text[chain[-1].span.end : ref.span.start]
        if ref.how == "pronoun" or is_possessive(ctx, ref) or not is_list_gap(gap):
            break
        chain.append(ref)
    return chain


def subjects_before(ctx: Context, sentence: bilatx.Span, pos: int) -> list[Ref]:
    """Return who acts at ``pos``: the nearest acting reference before it, with its list.

    "Blinken and Austin visited" gives both. A relative pronoun stands for
    the name right before it, whatever governs that name: in "met with
    Putin, who will visit" Putin visits. A name inside a finished aside
    ("Voss, whom Berg praised, will visit") is not the subject.
    """
    refs = ctx.refs_in(sentence.start, pos)
    text = ctx.text
    named = [r for r in refs if r.how != "pronoun"]
    if named:
        last = named[-1]
        relative = _relative_re().match(text, last.span.end, pos)
        if relative is not None and not ASIDE_MARK_RE.search(text[relative.end() : pos]):
            return chain_back(ctx, refs, last)
    for ref in reversed(refs):
        if _in_closed_aside(text, sentence, ref, pos):
            continue
        if _acts(ctx, ref, sentence):
            return chain_back(ctx, refs, ref)
    return []


@cache
def _relative_re() -> regex.Pattern[str]:
    # "Putin, who", "Putin (Russia), who"; "whose" and "whom" have their own subjects.
    return regex.compile(r"\s*(?:\([^()]{0,40}\)\s*)?,\s*who(?![\w'])", regex.IGNORECASE)


@cache
def _aside_opening_re() -> regex.Pattern[str]:
    return regex.compile(
        r",\s*(?:who|whom|whose|which|where|when|while|after|before|conveying|carrying"
        r"|accompanied|flanked|joined|according|along|together|as|like|unlike|including"
        r"|\p{Ll}+ing)(?![\w'])[^,;:]*$",
    )


def _in_closed_aside(text: str, sentence: bilatx.Span, ref: Ref, pos: int) -> bool:
    return in_closed_aside(text, sentence.start, ref.span, pos)


def in_closed_aside(text: str, limit: int, span: bilatx.Span, pos: int) -> bool:
    """Whether ``span`` lies in an aside set off by commas that closes before ``pos``.

    "Voss, whom Berg praised, will visit" and "Voss, conveying the greetings
    of Hahn, met Berg": Berg and Hahn are in the aside, Voss acts; in "Voss,
    who is visiting Oslo, said on Monday" the visit is in the aside and
    Monday is not its date. ``limit`` is the sentence start.
    """
    if "," not in text[span.end : pos]:
        return False
    opening = text.rfind(",", limit, span.start)
    if opening == -1:
        return False
    return _aside_opening_re().match(text, opening, span.start) is not None


def fronted_subjects(ctx: Context, sentence: bilatx.Span, trigger: bilatx.Span) -> list[Ref]:
    """Return the subject of the main clause when the trigger lies in a fronted phrase.

    In "While in Kyiv, Blinken and Austin met ...", "During the trip Howard
    will meet ..." or "in an interview during the flight to Tokyo, Lyng
    said", the phrase holding the trigger has no subject of its own: it is
    the first acting official after it.
    """
    comma = ctx.text.find(",", sentence.start, sentence.end)
    fronted = _fronting_re().match(ctx.text, sentence.start, trigger.start) is not None
    if not fronted and (comma == -1 or comma < trigger.start):
        return []
    refs = ctx.refs_in(trigger.end, min(sentence.end, trigger.end + 150))
    for ref in refs:
        if _acts(ctx, ref, sentence):
            return chain_forward(ctx, refs, ref, sentence.end)
    return []


@cache
def _fronting_re() -> regex.Pattern[str]:
    return regex.compile(
        r"\W*(?:but\s+|and\s+|however,?\s+)?(?:during|while|whilst|after|before|on|at|in"
        r"|following|since|upon|ahead\s+of|throughout|as\s+part\s+of)(?![\w])",
        regex.IGNORECASE,
    )


def possessor_before(ctx: Context, sentence: bilatx.Span, pos: int) -> tuple[Ref | None, int]:
    """Return the possessor of the noun at ``pos`` ("Modi's Ukraine visit", "his trip").

    Returns the reference and the offset where the words between it and the
    noun begin, or ``(None, pos)``.
    """
    refs = ctx.refs_in(max(sentence.start, pos - 80), pos)
    for ref in reversed(refs):
        if not is_possessive(ctx, ref):
            # "her counterpart Berg met": a name after the possessive owns what follows.
            break
        tail = ctx.text[ref.span.end : pos]
        if _POSSESSED_WORDS_RE.fullmatch(tail) and not CLAUSE_MARK_RE.search(tail):
            return ref, ref.span.end
        break
    return None, pos


# ------------------------------------------------------------ nouns and verbs

_NOUN_ONLY: Final = frozenset(
    {"trip", "trips", "stop-over", "stopover", "stop-overs", "stopovers", "journey", "flight"}
    | {"arrival", "talks", "discussions", "consultations", "negotiations", "conversation"}
    | {"conversations", "dialogue", "session", "summit", "meetings", "call", "calls"}
)
# Verbs that make a noun their subject's act: "paid a visit", "held talks", "is on a trip".
_SUPPORT: Final = (
    r"paid|pay|pays|paying|made|make|makes|making|began|begin|begins|beginning|started|start"
    r"|starts|starting|ended|end|ends|ending|concluded|conclude|concludes|concluding|undertook"
    r"|undertake|undertakes|undertaking|completed|complete|completes|completing|embarked\s+on"
    r"|embark\s+on|embarks\s+on|embarking\s+on|kicked\s+off|kicks\s+off|cut\s+short|wrapped\s+up"
    r"|wraps\s+up|wrap\s+up|held|hold|holds|holding|had|have|has|having|conducted|conduct"
    r"|opened|open|opens|continue|continued|continues|resumed?|attended|attend|attends"
    r"|led|chaired|co-chaired"
    # "postponed a visit", "called off his trip", "announced a visit to Japan"
    r"|postpon(?:e|es|ed|ing)|cancel(?:s|led|ed|ling|ing)?|call(?:ed|s|ing)?\s+off"
    r"|put(?:s|ting)?\s+off|defer(?:s|red|ring)?|delay(?:s|ed|ing)?|reschedul(?:e|es|ed|ing)"
    r"|scrap(?:s|ped|ping)?|announc(?:e|es|ed|ing)|plan(?:s|ned|ning)?|confirm(?:s|ed|ing)?"
    r"|schedul(?:e|es|ed|ing)|shorten(?:s|ed|ing)?|extend(?:s|ed|ing)?"
    # "is on a visit", "was in talks", "Baka, in talks in Washington": prepositions only
    # after a form of "be" or a comma, so "a visit to Japan on Friday after talks" is not.
    r"|(?:(?<![\w])(?:is|are|was|were|be|been|being)\s+|,\s*)(?:on|in|into)"
)
# Words that may stand right before a verb whose subject was named earlier.
_BEFORE_VERB: Final = frozenset(
    {
        *("to", "will", "would", "shall", "should", "could", "can", "may", "might", "must"),
        *("also", "then", "later", "first", "be", "been", "is", "are", "was", "were", "has"),
        *("have", "had", "did", "does", "do", "not", "never", "while", "when", "as", "after"),
        *("before", "once", "and", "who", "which", "that", "finally", "jointly", "together"),
        *("both", "already", "soon", "again", "today", "yesterday", "tomorrow", "now"),
        *("currently", "set", "due", "expected", "scheduled", "plans", "planned", "planning"),
        *("prepares", "preparing", "going", "about", "he", "she", "they", "him", "her", "it"),
        *("where", "since", "until", "last", "next", "this", "week", "month", "year", "\u2014"),
    }
)


@cache
def _determiner_re() -> regex.Pattern[str]:
    return regex.compile(
        r"(?:(?<![\w])(?:a|an|the|this|that|these|those|his|her|their|its|our|my|your|whose)"
        r"|['\u2019]s)\s+(?:[^\s,.;:]+\s+){0,3}$",
        regex.IGNORECASE,
    )


@cache
def _support_re() -> regex.Pattern[str]:
    return regex.compile(
        rf"(?:(?<![\w])|(?=,))(?:{_SUPPORT})\s+(?:(?:a|an|the|this|that|his|her|their|its)\s+)?"
        r"(?:[^\s,.;:]+\s+){0,3}$",
        regex.IGNORECASE,
    )


def is_noun_use(text: str, start: int, limit: int, word: str) -> bool:
    """Whether the trigger at ``start`` is used as a noun ("a visit") rather than a verb.

    ``limit`` is the sentence start; ``word`` the trigger lower-cased.
    """
    if word in _NOUN_ONLY:
        return True
    if _verb_marker_re().search(text, max(limit, start - 30), start):
        # "The President will then travel": a modal makes it a verb, whatever came before.
        return False
    return _determiner_re().search(text, max(limit, start - 60), start) is not None


@cache
def _verb_marker_re() -> regex.Pattern[str]:
    return regex.compile(
        r"(?<![\w'])(?:will|would|shall|should|could|can|may|might|must|to|did|does|do|not"
        r"|never|also|then|later|soon|again|jointly|separately)\s+$|['\u2019]ll\s+$",
        regex.IGNORECASE,
    )


def is_supported(text: str, start: int, limit: int) -> bool:
    """Whether a noun at ``start`` is its clause subject's act ("paid a visit", "held talks")."""
    return _support_re().search(text, max(limit, start - 60), start) is not None


def verb_ready(text: str, start: int, limit: int, refs_before: Sequence[Ref]) -> bool:
    """Whether the word before a verb at ``start`` lets an earlier subject govern it.

    "Chung would leave", "Howard, who leaves", "Blinken and Austin visited"
    pass; "airlines flying to Israel" does not: the verb has its own subject.
    """
    j = start
    while j > limit and text[j - 1].isspace():
        j -= 1
    if refs_before and refs_before[-1].span.end >= j:
        return True
    k = j
    while k > limit and (text[k - 1].isalnum() or text[k - 1] in "'\u2019-"):
        k -= 1
    word = text[k:j]
    if not word:
        return j == limit or text[j - 1] in ",;:(\u2014"
    return word.lower() in _BEFORE_VERB or word.endswith("ly") or word[:1].isupper()


def linked_range(
    text: str, mentions: Sequence[bilatx.DateMention]
) -> tuple[bilatx.DateValue, bilatx.DateValue] | None:
    """Return the range two day dates make when the text links them ("June 29 and 30").

    Two dates in one clause are a range only when joined by "to", "and",
    "until", "through" or a dash; otherwise they are separate facts.
    """
    days = [
        m
        for m in mentions
        if isinstance(m.value, bilatx.DateValue) and m.value.granularity is bilatx.Granularity.DAY
    ]
    for first, second in itertools.pairwise(days):
        between = text[first.span.end : second.span.start]
        if _range_link_re().fullmatch(between):
            a, b = sorted((first.value, second.value))  # type: ignore[type-var]
            return a, b  # type: ignore[return-value]
    return None


@cache
def _range_link_re() -> regex.Pattern[str]:
    return regex.compile(
        r"\s*(?:to|and|until|till|through|thru|-|\u2013|\u2014)\s*", regex.IGNORECASE
    )
