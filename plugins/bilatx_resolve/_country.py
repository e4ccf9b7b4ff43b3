"""Whose official is it? Countries read from the context when the title phrase does not say.

The text is read in this order, and the first clear answer wins:

1. a country the mention itself gives ("Russian ...", "... of Japan");
2. a title only one country uses ("External Affairs Minister");
3. a well-known office-holder ("President Reagan");
4. the one country named in the sentences of the titled mentions, when it is
   named elsewhere in the document too ("While in Kyiv, ... met with Foreign
   Minister ...");
5. the document's home country: its dateline ("TOKYO, April 2 -") or the
   country of its unqualified officials (news does not qualify its own
   officials: "Secretary of State ...", "Prime Minister ...");
6. the other country the document is about, when the home country cannot
   hold that office (Japan has no President, the United States no Foreign
   Minister) or already has a holder ("President Biden met President ...").

Every candidate must be able to hold the office (``data/offices.json``) and
must not be a country the text sets against the person ("his Chinese
counterpart"). When nothing is clear the country stays ``None``.
"""

from __future__ import annotations

import bisect
import itertools
from collections import Counter
from typing import TYPE_CHECKING, Final

import regex

import bilatx
from bilatx import geo
from bilatx_resolve._data import fold_words, known_people, offices

if TYPE_CHECKING:
    from collections.abc import Sequence

__all__ = ["CountryContext", "compatible", "known_country"]

_MONARCH_WORDS: Final = frozenset({"king", "queen", "emir", "amir", "sultan", "crown", "monarch"})
_LEADER_TITLES: Final = frozenset(
    {"president", "prime minister", "premier", "chancellor", "king", "queen", "emir",
     "crown prince", "general secretary", "vice president", "supreme leader"}
)  # fmt: skip
_MONTHS: Final = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?"
# A wire dateline opens the text, after an editor's note or a byline at most:
# "TOKYO, April 2 - ", "TAUPO, New Zealand, March 23 - ", "Beijing, Aug 1 (PTI)".
_DATELINE: Final = regex.compile(
    r"\A\s*(?:\([^()\n]{0,80}\)\s*)?(?:By\s+(?:\p{Lu}[\p{L}.]*\s+){1,4}?)?"
    r"(?P<city>\p{Lu}[\p{L}.'-]+(?:\s\p{Lu}[\p{L}.'-]+)?),\s+"
    r"(?:(?P<country>\p{Lu}[\p{L} .]+?),\s+)?" + _MONTHS + r"\s+\d{1,2}\s*(?:-|\u2013|\u2014|\(|:)"
)
# Where someone travels is not where they are from: "a visit to Japan", "travel to Rabat, Morocco".
_DESTINATION: Final = regex.compile(
    r"\b(?:visit(?:s|ed|ing)?|trip|tour(?:s|ed|ing)?|travel(?:s|led|ed|ling|ing)?|"
    r"return(?:s|ed|ing)?|arriv(?:e|es|ed|ing)|fl(?:y|ies|ew|ying)|lea(?:ve|ves|ving)|left|"
    r"head(?:s|ed|ing)?|stop-?over)\s+(?:to|from|for|in|at)\s+(?:the\s+)?$",
    regex.IGNORECASE,
)
_FORMER: Final = regex.compile(
    r"\b(?:former|late|then|ex|outgoing|previous)\W*\s*$", regex.IGNORECASE
)
_COUNTERPART: Final = regex.compile(
    r"\b(?P<link>his|her|their|and)\s+(?P<who>(?:\p{Lu}[\p{L}.]*\s){1,3})"
    r"(?:\p{Ll}[\p{L}-]*\s){0,4}counterparts?\b"
)  # an office may come between: "his Japanese (foreign minister) counterpart"
# Two people who meet, talk or call are, in a bilateral text, from two countries:
# "A met with Foreign Minister B of Ghana", "Readout of A's meeting with B".
_MEETS: Final = regex.compile(
    r"\A[^.;!?\n]{0,60}?\b(?:met|meets?|meeting|talks|talked|spoke|speaks?|call(?:ed|s)?|"
    r"hosted|hosts?|received|receives?|welcomed|welcomes?|phoned|telephoned)\b"
    r"[^.;!?\n]{0,40}\Z",
    regex.IGNORECASE,
)
_MEETING_WINDOW: Final = 100
_DATELINE_WINDOW: Final = 200
_SALIENT_SENTENCES: Final = 2
_HOME_SENTENCES: Final = 3


def _title_key(title: str | None) -> str:
    return " ".join(fold_words(title or ""))


def compatible(title: str | None, code: str) -> bool:
    """Return whether a country can have an office of this title.

    >>> compatible("King", "USA"), compatible("King", "SAU"), compatible("President", "JPN")
    (False, True, False)
    """
    if not title:
        return True
    data = offices()
    key = _title_key(title)
    words = set(key.split())
    if words & _MONARCH_WORDS and " of " not in f" {key} ":
        return code in data.monarchies
    if key in {"president", "vice president", "president elect"}:
        return code not in data.no_president
    if "prime minister" in key:
        return code not in data.no_prime_minister
    if "minister" in words or "ministers" in words:
        return code not in data.secretary_cabinets
    if key == "general secretary":
        return code in data.general_secretary
    if key == "chancellor":
        return code in data.chancellor
    return True


def known_country(names: Sequence[str], title: str | None) -> str | None:
    """Return the country of a well-known office-holder named in ``names``, if any.

    Full names match exactly (accents, case and initials aside). A bare
    surname under a title matches when only one listed person bears it: a
    head of state or government under such a title ("President Reagan"),
    anyone else under any other title ("Secretary Blinken").
    """
    people = known_people()
    for name in names:
        words = fold_words(name)
        if len(words) >= 2 and words in people.by_name:  # noqa: PLR2004
            return people.by_name[words]
    leader = _title_key(title) in _LEADER_TITLES
    surnames = people.leader_surnames if leader else people.other_surnames
    if title:
        for name in names:
            words = fold_words(name)
            if len(words) == 1 and words[0] in surnames:
                return surnames[words[0]]
    return None


class CountryContext:
    """The country evidence of one document: sentences, dateline, salient and home countries."""

    def __init__(
        self,
        doc: bilatx.Document,
        places: Sequence[bilatx.PlaceMention],
        official_spans: Sequence[bilatx.Span],
    ) -> None:
        """Index the places of ``doc`` by sentence, leaving out those inside official mentions."""
        self.doc = doc
        self.sentences = doc.sentences()
        self._starts = [span.start for span in self.sentences]
        taken = sorted((span.start, span.end) for span in official_spans)
        taken_starts = [start for start, _ in taken]

        def inside_official(span: bilatx.Span) -> bool:
            # Official spans do not overlap each other, so only the one starting
            # last before the place's end can overlap it.
            index = bisect.bisect_left(taken_starts, span.end) - 1
            return index >= 0 and taken[index][1] > span.start

        self._sentence_places: list[list[tuple[int, str]]] = [[] for _ in self.sentences]
        counts: Counter[str] = Counter()
        destination_end = -1
        for place in sorted(places or _find_places(doc.text), key=lambda p: p.span.start):
            if place.country is None or not geo.is_country(place.country):
                continue
            if inside_official(place.span):
                continue  # "Ambassador to Slovakia", "Russian Deputy Prime Minister"
            before = doc.text[max(0, place.span.start - 30) : place.span.start]
            if _DESTINATION.search(before) or (
                destination_end >= 0 and doc.text[destination_end : place.span.start].strip() == ","
            ):
                destination_end = place.span.end  # "to Rabat, Morocco": both are the destination
                continue
            destination_end = -1
            index = self.sentence_of(place.span.start)
            self._sentence_places[index].append((place.span.start, place.country))
        for found in self._sentence_places:
            counts.update({code for _, code in found})
        self.counts = counts
        self.dateline = _dateline(doc.text)
        self.home: str | None = self.dateline

    def sentence_of(self, offset: int) -> int:
        """Return the index of the sentence holding ``offset`` (or the last one before it)."""
        return max(0, bisect.bisect_right(self._starts, offset) - 1)

    def salient(self, code: str) -> bool:
        """Whether the document names the country in more than one sentence (or it is home)."""
        return self.counts[code] >= _SALIENT_SENTENCES or code == self.home

    def countries_before(self, offset: int) -> set[str]:
        """Return the countries named in the sentence holding ``offset``, before it.

        What comes before sets the scene ("While in Kyiv, ... met with
        ..."); what follows is more often what the person talks about.
        """
        if not self.sentences:
            return set()
        return {
            code
            for start, code in self._sentence_places[self.sentence_of(offset)]
            if start < offset
        }

    def set_home(self, votes: Counter[str]) -> None:
        """Settle the home country.

        The dateline's country, else the country of the officials the text does
        not qualify (``votes``), else a country named twice as often as any other.
        """
        if self.home is not None:
            return
        if votes:
            ranked = votes.most_common(2)
            if len(ranked) == 1 or ranked[0][1] > ranked[1][1]:
                self.home = ranked[0][0]
                return
        ranked = self.counts.most_common(2)
        if (
            ranked
            and ranked[0][1] >= _HOME_SENTENCES
            and (len(ranked) == 1 or ranked[0][1] >= 2 * ranked[1][1])
        ):
            self.home = ranked[0][0]

    def dominant_other(
        self, excluded: set[str], title: str | None, officials: Counter[str]
    ) -> str | None:
        """Return the country the document is most about that can hold the office.

        ``excluded`` countries are not candidates.

        A country scores one point per sentence naming it and two per
        official already known to be its; a tie leaves the answer open.
        """
        scores = Counter(self.counts)
        for code, count in officials.items():
            scores[code] += 2 * count
        ranked = [
            (score, code)
            for code, score in scores.items()
            if code not in excluded
            and geo.is_country(code)
            and compatible(title, code)
            and self.salient(code)
        ]
        if not ranked:
            return None
        ranked.sort(reverse=True)
        if len(ranked) > 1 and ranked[0][0] == ranked[1][0]:
            return None
        return ranked[0][1]

    def counterpart_exclusions(
        self, official_spans: Sequence[tuple[int, bilatx.Span]]
    ) -> dict[int, set[str]]:
        """Return, per person index, the countries the text sets against them.

        "... held talks with his Chinese counterpart": the person before is not Chinese.
        """
        text = self.doc.text
        excluded: dict[int, set[str]] = {}
        for match in _COUNTERPART.finditer(text):
            words = match.group("who").split()
            # "his Japanese Foreign Minister counterpart": the country comes first.
            code = next(
                (
                    found
                    for size in range(len(words), 0, -1)
                    if (found := geo.country_code(" ".join(words[:size]))) is not None
                ),
                None,
            )
            if code is None:
                continue
            sentence = self.sentence_of(match.start())
            before = [
                (span.end, person)
                for person, span in official_spans
                if span.end <= match.start() and self.sentence_of(span.start) == sentence
            ]
            if not before:
                continue
            person = max(before)[1]
            excluded.setdefault(person, set()).add(code)
        return excluded

    def meeting_exclusions(
        self, official_spans: Sequence[tuple[int, bilatx.Span]], countries: Sequence[str | None]
    ) -> dict[int, set[str]]:
        """Return, per person index, the countries of the people they meet in a sentence.

        "Deputy National Security Advisor A met with Foreign Minister B of
        Ghana": A is not Ghanaian. Only countries already settled from the
        text count (``countries`` per person index).
        """
        text = self.doc.text
        ordered = sorted(official_spans, key=lambda item: item[1].start)
        excluded: dict[int, set[str]] = {}
        for (first, span), (second, other) in itertools.pairwise(ordered):
            if first == second or other.start - span.end > _MEETING_WINDOW:
                continue
            if self.sentence_of(span.start) != self.sentence_of(other.start):
                continue
            if not _MEETS.search(text[span.end : other.start]):
                continue
            for person, partner in ((first, second), (second, first)):
                code = countries[partner]
                if code is not None:
                    excluded.setdefault(person, set()).add(code)
        return excluded

    def named_once(self) -> set[str]:
        """Return the countries the document names, in at least one sentence."""
        return {code for code, count in self.counts.items() if count >= 1}

    def is_former(self, span: bilatx.Span) -> bool:
        """Whether the mention's office is a past one ("the late ...", "former ...")."""
        return bool(_FORMER.search(self.doc.text[max(0, span.start - 20) : span.start]))


def _find_places(text: str) -> list[bilatx.PlaceMention]:
    """Find places with :mod:`bilatx.geo` when no places plugin supplied any."""
    found = [
        bilatx.PlaceMention(
            span=bilatx.Span(m.start, m.end),
            text=m.text,
            name=m.text,
            kind=bilatx.PlaceKind.COUNTRY,
            country=m.code,
            extractor="resolve",
        )
        for m in geo.find_countries(text)
    ]
    found.extend(
        bilatx.PlaceMention(
            span=bilatx.Span(m.start, m.end),
            text=m.text,
            name=m.text,
            kind=bilatx.PlaceKind.CITY,
            country=m.code or None,
            extractor="resolve",
        )
        for m in geo.find_cities(text)
    )
    return found


def _dateline(text: str) -> str | None:
    """Return the country of a wire dateline ("TOKYO, April 2 -", "Beijing, Aug 1 (PTI)")."""
    match = _DATELINE.search(text[:_DATELINE_WINDOW])
    if match is None:
        return None
    country = match.group("country")
    if country:
        code = geo.country_code(country)
        if code is not None:
            return code
    city = match.group("city")
    for candidate in (city, city.split()[-1]):
        code = geo.city_country(candidate)
        if code is not None:
            return code
    return None
