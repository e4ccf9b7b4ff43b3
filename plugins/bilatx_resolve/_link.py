"""Link official mentions into people, settle each person's name, title and country."""

from __future__ import annotations

import bisect
from collections import Counter
from functools import cache, lru_cache
from typing import TYPE_CHECKING, Final

import attrs
import regex

import bilatx
from bilatx import geo
from bilatx.text import sentence_at
from bilatx_resolve._country import CountryContext, compatible, known_country
from bilatx_resolve._data import fold_words, known_people, offices
from bilatx_resolve._phrases import Undecided, phrase_end, phrase_starts

if TYPE_CHECKING:
    from collections.abc import Iterator, Sequence

__all__ = ["link_people", "offices_are_no_sectors", "settle_overlaps"]

# Where a mention's country came from, strongest first (see the officials plugin's ``rule``).
_STRONG_SOURCES: Final = frozenset({"qualifier", "of", "region", "agency", "party", "group"})
_VOTES: Final = {"implied": 2, "known": 1}
_HEAD_WORDS: Final = (
    "minister", "secretary", "president", "premier", "ambassador", "spokesperson", "spokesman",
    "spokeswoman", "chancellor", "governor", "envoy", "commissioner", "king", "emir",
    "crown prince", "administrator", "director", "adviser", "advisor", "representative",
    "director general", "director-general", "secretary general", "secretary-general",
    "high commissioner", "high representative", "trade representative",
    "security adviser", "security advisor",
)  # fmt: skip


@attrs.define
class _Person:
    mentions: list[bilatx.OfficialMention] = attrs.Factory(list)
    words: set[str] = attrs.Factory(set)
    surname: str = ""
    extra: list[bilatx.Span] = attrs.Factory(list)
    titles: list[str] = attrs.Factory(list)
    _full: bilatx.OfficialMention | None = None

    def add(self, mention: bilatx.OfficialMention) -> None:
        """Add a mention, keeping the fullest name (the earliest of those) at hand."""
        self.mentions.append(mention)
        self.words.update(fold_words(mention.name))
        if mention.title:
            self.titles.append(mention.title)
        best = self._full
        if best is None or (len(fold_words(mention.name)), -mention.span.start) > (
            len(fold_words(best.name)),
            -best.span.start,
        ):
            self._full = mention
        self.surname = self.full().surname

    def full(self) -> bilatx.OfficialMention:
        """The mention with the fullest name (the earliest of those)."""
        if self._full is None:
            msg = "a person has at least one mention"
            raise ValueError(msg)
        return self._full


def _source(mention: bilatx.OfficialMention) -> str | None:
    _, sep, source = mention.rule.partition(";country=")
    return source if sep else None


def offices_are_no_sectors(
    sectors: Sequence[bilatx.SectorMention], officials: Sequence[bilatx.OfficialMention]
) -> list[bilatx.SectorMention]:
    """Drop the sector words that are part of an official's title ("Energy Minister A")."""
    titled = sorted((m.span.start, m.span.end) for m in officials if m.title)
    starts = [start for start, _ in titled]

    def inside(span: bilatx.Span) -> bool:
        index = bisect.bisect_right(starts, span.start) - 1
        return index >= 0 and titled[index][1] >= span.end

    return [m for m in sectors if not inside(m.span)]


def settle_overlaps(
    officials: Sequence[bilatx.OfficialMention], places: Sequence[bilatx.PlaceMention]
) -> tuple[list[bilatx.OfficialMention], list[bilatx.PlaceMention]]:
    """Keep one official mention per stretch of text, and drop cities that are people's names.

    Of overlapping official mentions (two plugins reading the same words) the
    longest wins. A city inside an official mention whose name contains it
    ("Austin" in "Secretary of Defense Lloyd J. Austin III") is the name.
    """
    kept: list[bilatx.OfficialMention] = []
    # Kept spans never overlap, so sorted by start their ends are sorted too and
    # only the one starting last before a span's end can overlap it.
    intervals: list[tuple[int, int]] = []
    for mention in sorted(officials, key=lambda m: (-len(m.span), m.span.start, m.extractor)):
        if not _overlaps(intervals, mention.span):
            kept.append(mention)
            bisect.insort(intervals, (mention.span.start, mention.span.end))
    kept.sort(key=lambda m: (m.span.start, m.span.end))
    starts = [m.span.start for m in kept]

    def inside_name(place: bilatx.PlaceMention) -> bool:
        index = bisect.bisect_left(starts, place.span.end) - 1
        if index < 0:
            return False
        mention = kept[index]
        return mention.span.overlaps(place.span) and place.text in mention.name.split()

    places_kept = [
        place
        for place in places
        if not (place.kind is bilatx.PlaceKind.CITY and inside_name(place))
    ]
    return kept, places_kept


def _overlaps(intervals: list[tuple[int, int]], span: bilatx.Span) -> bool:
    """Whether ``span`` overlaps one of the sorted, non-overlapping ``intervals``."""
    index = bisect.bisect_left(intervals, (span.end, span.end)) - 1
    return index >= 0 and intervals[index][1] > span.start and span.start < span.end


def _compatible_titles(a: str | None, b: str | None) -> bool:
    if not a or not b:
        return True
    wa, wb = set(fold_words(a)), set(fold_words(b))
    return wa <= wb or wb <= wa


def _first_compatible(a: str, b: str) -> bool:
    """Whether two given names can be one person's ("Joe" and "Joseph", "Ant" and "Antony")."""
    nicknames = known_people().nicknames
    a, b = nicknames.get(a, a), nicknames.get(b, b)
    return a == b or a.startswith(b) or b.startswith(a)


def _given_compatible(a: tuple[str, ...], b: tuple[str, ...], surname: tuple[str, ...]) -> bool:
    """Whether two full names with one surname have compatible given names.

    The given name is what is left without the surname, wherever the surname
    stands ("Kim Young-sam" and "Kim Dae-jung" are two people).
    """
    given_a = [w for w in a if w not in surname]
    given_b = [w for w in b if w not in surname]
    if not given_a or not given_b:
        return True
    return _first_compatible(given_a[0], given_b[0])


def _candidates(people: list[_Person], mention: bilatx.OfficialMention) -> list[tuple[int, int]]:
    """Return ``(strength, index)`` of people this mention may refer to."""
    words = fold_words(mention.name)
    surname = fold_words(mention.surname)
    found: list[tuple[int, int]] = []
    if not words:
        return found
    for index, person in enumerate(people):
        person_surname = fold_words(person.surname)
        same_surname = bool(surname) and surname == person_surname
        if len(words) == 1:
            if words[0] not in person.words:
                continue
            strong = (
                bool(person_surname) and words[0] == person_surname[-1] and len(person_surname) == 1
            )
            if strong or same_surname:
                found.append((2, index))
            elif all(_compatible_titles(mention.title, t) for t in person.titles):
                found.append((1, index))
            continue
        full = fold_words(person.full().name)
        if len(full) == 1:
            if full[0] in words and all(
                _compatible_titles(mention.title, t) for t in person.titles
            ):
                found.append((1, index))
            continue
        if (
            set(words) <= set(full)
            or set(full) <= set(words)
            or (same_surname and _given_compatible(words, full, surname))
        ):
            found.append((2, index))
    return found


def link_people(
    doc: bilatx.Document,
    officials: Sequence[bilatx.OfficialMention],
    places: Sequence[bilatx.PlaceMention],
) -> tuple[bilatx.Official, ...]:
    """Group mentions into people and return each person once, with every span."""
    people: list[_Person] = []
    last_seen: dict[int, int] = {}
    for mention in officials:
        candidates = _candidates(people, mention)
        if candidates:
            best = max(candidates, key=lambda c: (c[0], last_seen.get(c[1], -1)))
            index = best[1]
        else:
            index = len(people)
            people.append(_Person(surname=mention.surname))
        person = people[index]
        person.add(mention)
        last_seen[index] = mention.span.start
    spans = [span for person in people for m in person.mentions for span in [m.span]]
    context = CountryContext(doc, places, spans)
    titles = [_title(person) for person in people]
    countries, sources = _explicit_countries(people, titles)
    _organisation_countries(doc, places, people, titles, countries=countries, sources=sources)
    # Unqualified officials are the home country's: a title only one country
    # uses ("Secretary of State") says so more surely than a famous name.
    votes: Counter[str] = Counter()
    for code, source in zip(countries, sources, strict=True):
        if code and source in _VOTES:
            votes[code] += _VOTES[source]
    context.set_home(votes)
    if context.home is None and None in countries:
        # News names its own side without qualifying it: when the officials
        # with a stated country are all foreign to the one other country the
        # text names ("... hosted Prime Minister A of Japan at the White
        # House"), that country is home.
        stated = {
            code for code, source in zip(countries, sources, strict=True) if source == "strong"
        }
        others = {code for code in context.named_once() if geo.is_country(code)} - stated
        if stated and len(others) == 1:
            context.home = others.pop()
    _companion_countries(doc, people, titles, countries)
    _context_countries(context, people, titles, countries)
    _definite_descriptions(doc, people, titles)
    _qualified_descriptions(doc, people, titles, countries)
    _untitled_descriptions(doc, people, titles, countries)
    return tuple(
        _official(person, title, country)
        for person, title, country in zip(people, titles, countries, strict=True)
    )


def _title(person: _Person) -> str | None:
    """The title of the fullest mention; one the text states beats one read from "counterpart"."""
    top = max(len(fold_words(m.name)) for m in person.mentions)
    stated = [m for m in person.mentions if not m.rule.startswith("counterpart")]
    for group in (stated, person.mentions):
        for mention in group:
            if mention.title and len(fold_words(mention.name)) == top:
                return mention.title
        found = next((m.title for m in group if m.title), None)
        if found is not None:
            return found
    return None


def _explicit_countries(
    people: list[_Person], titles: list[str | None]
) -> tuple[list[str | None], list[str | None]]:
    """Countries the mentions state, then implied by titles, then well-known people."""
    countries: list[str | None] = []
    sources: list[str | None] = []
    for person, title in zip(people, titles, strict=True):
        strong = Counter(
            m.country for m in person.mentions if m.country and _source(m) in _STRONG_SOURCES
        )
        weak = Counter(m.country for m in person.mentions if m.country)
        if strong:
            countries.append(_majority(strong, person, strong_only=True))
            sources.append("strong")
        elif weak:
            countries.append(_majority(weak, person, strong_only=False))
            sources.append("implied")
        else:
            code = known_country([m.name for m in person.mentions], title)
            countries.append(code)
            sources.append("known" if code else None)
    return countries, sources


# Offices only an international organisation has: the organisation named
# beside one ("NATO Allies and Secretary General Stoltenberg") is theirs.
_ORGANISATION_OFFICES: Final = frozenset(
    {"secretary general", "secretary-general", "high representative", "deputy secretary general"}
)


def _organisation_countries(
    doc: bilatx.Document,
    places: Sequence[bilatx.PlaceMention],
    people: list[_Person],
    titles: list[str | None],
    *,
    countries: list[str | None],
    sources: list[str | None],
) -> None:
    """Give the heads of an organisation its short name ("EU", "NATO") as their country.

    "European Commission President von der Leyen" names the organisation at
    the front of the office; "Secretary General Stoltenberg" names none, and
    takes the one organisation of its sentence. Both beat a famous namesake
    found by surname alone.
    """
    organisations = [p for p in places if p.kind is bilatx.PlaceKind.ORGANISATION]
    sentences = doc.sentences()
    for index, (person, title) in enumerate(zip(people, titles, strict=True)):
        bare = all(len(fold_words(m.name)) == 1 for m in person.mentions)
        if not title or not (sources[index] is None or (sources[index] == "known" and bare)):
            continue
        code = _organisation_in_title(title)
        if code is None and " ".join(fold_words(title)) in _ORGANISATION_OFFICES:
            mention = next(m for m in person.mentions if m.title)
            sentence = sentence_at(sentences, mention.span.start)
            named = {
                p.country
                for p in organisations
                if sentence is not None
                and sentence.start <= p.span.start < mention.span.start
                and p.country
            }
            code = named.pop() if len(named) == 1 else None
        if code is not None:
            countries[index] = code
            sources[index] = "strong"


def _organisation_in_title(title: str) -> str | None:
    """The organisation the office begins with: "European Commission President" -> "EU"."""
    words = title.split()
    for length in (3, 2, 1):
        if len(words) > length:
            code = geo.country_code(" ".join(words[:length]))
            if code is not None and not geo.is_country(code):
                return code
    return None


def _majority(counts: Counter[str], person: _Person, *, strong_only: bool) -> str:
    best = max(counts.values())
    for mention in person.mentions:
        if mention.country and counts[mention.country] == best:
            if strong_only and _source(mention) not in _STRONG_SOURCES:
                continue
            return mention.country
    return counts.most_common(1)[0][0]


_ACCOMPANIED_RE: Final = regex.compile(r"\baccompanied\s+by\b[^.;:!?]{0,300}\Z", regex.IGNORECASE)


def _companion_countries(
    doc: bilatx.Document,
    people: list[_Person],
    titles: list[str | None],
    countries: list[str | None],
) -> None:
    """Give the people accompanying an official that official's country.

    "President A will be accompanied by Foreign Minister B and Cabinet
    spokesman C": a leader's entourage is their own government's.
    """
    owner: dict[int, int] = {}
    for index, person in enumerate(people):
        for mention in person.mentions:
            owner[mention.span.start] = index
    starts = sorted(owner)
    sentences = doc.sentences()
    for index, person in enumerate(people):
        if countries[index] is not None:
            continue
        for mention in person.mentions:
            sentence = sentence_at(sentences, mention.span.start)
            if sentence is None:
                continue
            cue = _ACCOMPANIED_RE.search(doc.text, sentence.start, mention.span.start)
            if cue is None:
                continue
            lead = [
                owner[start]
                for start in starts[bisect.bisect_left(starts, sentence.start) :]
                if start < cue.start()
            ]
            code = countries[lead[0]] if lead and lead[0] != index else None
            if code is not None and compatible(titles[index], code):
                countries[index] = code
            break


def _context_countries(
    context: CountryContext,
    people: list[_Person],
    titles: list[str | None],
    countries: list[str | None],
) -> None:
    """Fill in the countries the mentions do not state, from the document around them."""
    unique = offices().unique_offices
    indexed = [(index, m.span) for index, person in enumerate(people) for m in person.mentions]
    excluded_by = context.counterpart_exclusions(indexed)
    met_by = context.meeting_exclusions(indexed, list(countries))
    keys = [" ".join(fold_words(title or "")) for title in titles]
    # Two holders of one country's one office ("Agriculture ministers A and B
    # met"), neither with a stated country: the context cannot tell whose is whose.
    open_offices = Counter(
        key
        for key, code, person in zip(keys, countries, people, strict=True)
        if code is None
        and (key in unique or _portfolio_minister(key))
        and not any(context.is_former(m.span) for m in person.mentions if m.title)
    )
    for index, person in enumerate(people):
        if countries[index] is not None:
            continue
        title = titles[index]
        key = keys[index]
        if open_offices[key] > 1:
            continue
        met = met_by.get(index, set())
        excluded = set(excluded_by.get(index, set())) | met
        former = any(context.is_former(m.span) for m in person.mentions if m.title)
        if (key in unique or _portfolio_minister(key)) and not former:
            for other, code in enumerate(countries):
                if code and other != index and " ".join(fold_words(titles[other] or "")) == key:
                    excluded.add(code)

        def fits(code: str, title: str | None = title, excluded: set[str] = excluded) -> bool:
            return code not in excluded and compatible(title, code)

        choice: str | None = None
        titled = [m for m in person.mentions if m.title] or person.mentions
        for mention in titled:
            found = {c for c in context.countries_before(mention.span.start) if context.salient(c)}
            found = {c for c in found if fits(c)}
            if len(found) == 1:
                choice = found.pop()
                break
            if len(found) > 1:
                break
        if choice is None and context.home is not None and fits(context.home):
            choice = context.home
        if choice is None:
            blocked = excluded | ({context.home} if context.home else set())
            known = Counter(code for code in countries if code)
            candidate = context.dominant_other(blocked, title, known)
            if candidate is not None and fits(candidate):
                choice = candidate
        if choice is None and met:
            # Someone who meets a foreign official, in a text naming one other
            # country, is from that country (a readout of the issuing government).
            others = {c for c in context.named_once() if geo.is_country(c) and fits(c)}
            if len(others) == 1:
                choice = others.pop()
        countries[index] = choice


# Words that make a minister's office one that several people hold at a time.
_SHARED_OFFICE_WORDS: Final = frozenset(
    {"deputy", "vice", "assistant", "under", "junior", "state", "chief", "union", "cabinet",
     "senior", "first", "additional", "joint", "without", "portfolio", "provincial", "regional"}
)  # fmt: skip


def _portfolio_minister(key: str) -> bool:
    """Whether a folded title is a country's one minister of a portfolio ("agriculture minister").

    Two people holding it in one text are from two countries.
    """
    words = key.split()
    if len(words) < 2 or set(words) & _SHARED_OFFICE_WORDS:  # noqa: PLR2004
        return False
    return words[-1] == "minister" or (words[0] == "minister" and words[1] in {"of", "for"})


# The same offices recur from one document to the next ("the president", "the
# prime minister"): the patterns are kept, not compiled again for each document.
@lru_cache(maxsize=512)
def _descriptions(phrases: tuple[str, ...]) -> regex.Pattern[str]:
    """The article, then one of ``phrases`` (offices, longest first), no "of" or name after."""
    return regex.compile(
        r"\b[Tt]he\s+(?i:(\L<phrases>))\b(?!\s+(?:of|for)\b)(?!\s+\p{Lu})",
        phrases=list(phrases),
    )


_THE: Final = regex.compile(r"\b[Tt]he\s+")
_THE_BEFORE: Final = regex.compile(r"(?r)\b[Tt]he\s+")
_DESCRIPTION_AFTER: Final = regex.compile(r"\b(?!\s+(?:of|for)\b)(?!\s+\p{Lu})")


def _description_spans(text: str, phrases: tuple[str, ...]) -> Iterator[tuple[int, int]]:
    """The offices ``_descriptions(phrases).finditer(text)`` finds (group 1), in order.

    The pattern is compiled only where comparison cannot decide (see
    :mod:`bilatx_resolve._phrases`).
    """
    if not all(phrase.isascii() for phrase in phrases):
        for match in _descriptions(phrases).finditer(text):
            yield match.span(1)
        return
    end = 0
    offices = phrase_starts(text, phrases)
    if offices is not None:
        # From each place an office may start, back over the spaces to "the":
        # the pattern's "the" and spaces always end where the office starts
        # (an office never begins with a space), so there is one to look for.
        for at in offices:
            the = _THE_BEFORE.match(text, end, at)
            if the is None:
                continue
            stop = phrase_end(text, at, phrases, _DESCRIPTION_AFTER)
            if stop is not None:
                yield at, stop
                end = stop
        return
    for the in _THE.finditer(text):
        if the.start() < end:
            continue
        try:
            stop = phrase_end(text, the.end(), phrases, _DESCRIPTION_AFTER)
            span = None if stop is None else (the.end(), stop)
        except Undecided:
            fallback = _descriptions(phrases).match(text, the.start())
            span = None if fallback is None else fallback.span(1)
        if span is not None:
            yield span
            end = span[1]


def _office_phrases(title: str) -> list[str]:
    """The folded title and the head words a description may use for it ("minister")."""
    key = " ".join(title.split()).casefold()
    heads = [h for h in _HEAD_WORDS if key.endswith(h) or key.startswith((h + " of", h + " for"))]
    return [key, *heads]


_TO_PLACE_RE: Final = regex.compile(
    r"\s+to\s+(?:the\s+)?(\p{Lu}[\p{L}.]*(?:\s+\p{Lu}[\p{L}.]*){0,3})"
)


def _office_to_a_country(text: str, end: int) -> bool:
    """Whether "to <country>" completes the office ("the ambassador to Japan").

    "welcomed the Director General to Washington" is a city the person came
    to, and leaves the office as it was.
    """
    match = _TO_PLACE_RE.match(text, end)
    if match is None:
        return False
    words = match.group(1).split()
    return any(geo.country_code(" ".join(words[:size])) for size in range(len(words), 0, -1))


def _definite_descriptions(
    doc: bilatx.Document, people: list[_Person], titles: list[str | None]
) -> None:
    """Link "the Secretary", "the Prime Minister" to the one person holding that office."""
    phrases: dict[str, set[int]] = {}
    for index, title in enumerate(titles):
        if not title:
            continue
        for phrase in _office_phrases(title):
            phrases.setdefault(phrase, set()).add(index)
    if not phrases:
        return
    taken = [m.span for person in people for m in person.mentions]
    alternatives = sorted(phrases, key=len, reverse=True)
    # Only the office is matched without regard to case: "the minister" is
    # linked, "the Minister Okafor" (a titled mention) and "the minister of ..." are not.
    for start, end in _description_spans(doc.text, tuple(alternatives)):
        owners = phrases.get(" ".join(doc.text[start:end].split()).casefold(), set())
        if len(owners) != 1 or _office_to_a_country(doc.text, end):
            continue
        span = bilatx.Span(start, end)
        if any(span.overlaps(t) for t in taken):
            continue
        person = people[next(iter(owners))]
        if min(m.span.start for m in person.mentions) > span.start:
            continue
        person.extra.append(span)


# "the Swiss", "the U.S.", "Norway's", "South Korea's": the country before an office.
_COUNTRY_WORD: Final = r"(?:\p{Lu}(?:\.\p{Lu})+\.?|\p{Lu}\p{L}*(?:[ -]\p{Lu}\p{L}*)?)"
_COUNTRY_BEFORE: Final = (
    rf"(?:\b[Tt]he\s+(?P<country>{_COUNTRY_WORD})|\b(?P<country>{_COUNTRY_WORD})['\u2019]s)\s+"
)
# No "of", "for" or "to" after the office (another office), nor a name.
_NOTHING_AFTER: Final = r"\b(?!\s+(?:of|for|to)\b)(?![ \t]+\p{Lu})"


@lru_cache(maxsize=512)
def _qualified(phrases: tuple[str, ...]) -> regex.Pattern[str]:
    """A country word, then one of ``phrases`` (offices), no "of" or name after.

    "the Swiss President", "the U.S. Trade Representative", "Norway's foreign minister".
    """
    return regex.compile(
        rf"{_COUNTRY_BEFORE}(?i:(?P<office>\L<phrases>)){_NOTHING_AFTER}",
        phrases=list(phrases),
    )


# The parts of :func:`_qualified`, which do not depend on the offices. The
# country word has at most three readings that a space or "'s" can follow: the
# dotted one ("U.S."), two words, one word; the pattern tries them in that
# order, and backtracking anywhere else leaves a letter or a full stop where a
# space or an apostrophe must come.
# Only where the country part matches can the whole pattern match.
_QUALIFIED_STARTS: Final = regex.compile(rf"(?={_COUNTRY_BEFORE})")
_RUN_BEFORE: Final = regex.compile(r"(?r)[\s\p{L}.'\u2019-]*")
_BOUNDARY: Final = regex.compile(r"\b")
_COUNTRY_READINGS: Final = (
    regex.compile(r"\p{Lu}(?:\.\p{Lu})+\.?"),
    regex.compile(r"\p{Lu}\p{L}*[ -]\p{Lu}\p{L}*"),
    regex.compile(r"\p{Lu}\p{L}*"),
)
_SPACES: Final = regex.compile(r"\s+")
_POSSESSIVE: Final = regex.compile(r"['\u2019]s\s+")
_QUALIFIED_AFTER: Final = regex.compile(_NOTHING_AFTER)


def _qualified_at(text: str, pos: int, phrases: tuple[str, ...]) -> tuple[str, int, int] | None:
    """What ``_qualified(phrases).match(text, pos)`` finds: country, office start and end.

    Raises :class:`Undecided` where only the pattern can say.
    """
    the = _THE.match(text, pos)
    openings = [] if the is None else [(the.end(), _SPACES)]
    if _BOUNDARY.match(text, pos) is not None:
        openings.append((pos, _POSSESSIVE))
    for start, joint in openings:
        for reading in _COUNTRY_READINGS:
            country = reading.match(text, start)
            if country is None:
                continue
            gap = joint.match(text, country.end())
            if gap is None:
                continue
            stop = phrase_end(text, gap.end(), phrases, _QUALIFIED_AFTER)
            if stop is not None:
                return country.group(), gap.end(), stop
    return None


def _qualified_starts(text: str, phrases: tuple[str, ...]) -> Iterator[int]:
    """Where :func:`_qualified_at` must be tried, in order: where the country part matches.

    Only the stretches before the places an office may start are searched
    when those are known. A country part holds nothing but letters, spaces,
    full stops, hyphens and apostrophes, so one that ends where an office
    starts lies inside the run of those characters before it.
    """
    offices = phrase_starts(text, phrases)
    if offices is None:
        for start in _QUALIFIED_STARTS.finditer(text):
            yield start.start()
        return
    windows: list[list[int]] = []
    for at in offices:
        run = _RUN_BEFORE.match(text, 0, at)
        lo = at if run is None else run.start()
        if windows and lo <= windows[-1][1]:
            # A country part may run past an office that starts inside it
            # ("South Korea's"): one search to the later office covers both.
            windows[-1][1] = at
        else:
            windows.append([lo, at])
    for lo, hi in windows:
        for start in _QUALIFIED_STARTS.finditer(text, lo, hi):
            yield start.start()


def _qualified_offices(text: str, phrases: tuple[str, ...]) -> Iterator[tuple[str, int, int]]:
    """What ``_qualified(phrases).finditer(text)`` finds: country, office start and end."""
    if not all(phrase.isascii() for phrase in phrases):
        for match in _qualified(phrases).finditer(text):
            yield match.group("country"), match.start("office"), match.end("office")
        return
    end = 0
    for at in _qualified_starts(text, phrases):
        if at < end:
            continue
        try:
            found = _qualified_at(text, at, phrases)
        except Undecided:
            fallback = _qualified(phrases).match(text, at)
            found = (
                None
                if fallback is None
                else (fallback.group("country"), fallback.start("office"), fallback.end("office"))
            )
        if found is not None:
            yield found
            end = found[2]


def _taken(people: list[_Person]) -> list[bilatx.Span]:
    """Every span already linked to somebody."""
    return [m.span for person in people for m in person.mentions] + [
        span for person in people for span in person.extra
    ]


def _qualified_descriptions(
    doc: bilatx.Document,
    people: list[_Person],
    titles: list[str | None],
    countries: list[str | None],
) -> None:
    """Link "the Swiss President" to the one Swiss person the text names as president.

    Unlike a bare "the President", a description with its country is specific
    enough to point forward: a lead often says "met the Swiss President" and
    names her a sentence later.
    """
    phrases: dict[tuple[str, str], set[int]] = {}
    for index, (title, country) in enumerate(zip(titles, countries, strict=True)):
        if not title or not country:
            continue
        for phrase in _office_phrases(title):
            phrases.setdefault((phrase, country), set()).add(index)
    if not phrases:
        return
    taken = _taken(people)
    alternatives = tuple(sorted({phrase for phrase, _ in phrases}, key=len, reverse=True))
    for country, start, end in _qualified_offices(doc.text, alternatives):
        code = geo.country_code(country)
        if code is None:
            continue
        phrase = " ".join(doc.text[start:end].split()).casefold()
        owners = phrases.get((phrase, code), set())
        if len(owners) != 1:
            continue
        span = bilatx.Span(start, end)
        if any(span.overlaps(t) for t in taken):
            continue
        people[next(iter(owners))].extra.append(span)
        taken.append(span)


@cache
def _any_office() -> regex.Pattern[str]:
    """A country word and an office of any holder: "the British foreign secretary"."""
    return regex.compile(
        rf"{_COUNTRY_BEFORE}(?P<office>(?:[\p{{L}}-]+\s+){{0,3}}?(?i:\L<heads>))"
        rf"{_NOTHING_AFTER}(?!['\u2019]s)",
        heads=list(_HEAD_WORDS),
    )


def _untitled_descriptions(
    doc: bilatx.Document,
    people: list[_Person],
    titles: list[str | None],
    countries: list[str | None],
) -> None:
    """Give the one untitled official of a country the office a later description names.

    News names a well-known person bare and gives the office in passing:
    "Boris Johnson ... the British foreign secretary said". Only a person
    already named, and the only one of that country without an office, takes it.
    """
    untitled: dict[str, list[int]] = {}
    for index, (title, country) in enumerate(zip(titles, countries, strict=True)):
        if title is None and country is not None:
            untitled.setdefault(country, []).append(index)
    if not untitled:
        return
    taken = _taken(people)
    for match in _any_office().finditer(doc.text):
        code = geo.country_code(match.group("country"))
        candidates = untitled.get(code or "", [])
        if len(candidates) != 1:
            continue
        index = candidates[0]
        person = people[index]
        span = bilatx.Span(match.start("office"), match.end("office"))
        if min(m.span.start for m in person.mentions) > span.start:
            continue
        if any(span.overlaps(t) for t in taken):
            continue
        if titles[index] is None:
            titles[index] = " ".join(match.group("office").split())
        person.extra.append(span)
        taken.append(span)


# Spanish-speaking countries, where a full name ends in two family names
# ("Luis Lacalle Pou", "Andrés Manuel López Obrador").
_TWO_SURNAMES: Final = frozenset(
    {"ARG", "BOL", "CHL", "COL", "CRI", "CUB", "DOM", "ECU", "ESP", "GTM", "HND", "MEX"}
    | {"NIC", "PAN", "PER", "PRY", "SLV", "URY", "VEN"}
)
# Given names that often come second ("José Luis", "María Elena"): after one,
# a third word is the one family name.
_SECOND_GIVEN: Final = frozenset(
    {"luis", "carlos", "manuel", "jose", "maria", "antonio", "juan", "elena", "isabel"}
    | {"alberto", "andres", "angel", "eduardo", "enrique", "fernando", "francisco", "javier"}
    | {"jesus", "miguel", "pablo", "pedro", "ramon", "ricardo", "alejandro", "ignacio"}
    | {"fernanda", "teresa", "carmen", "cristina", "eugenia", "luisa", "paula", "sofia"}
)


def _family_names(name: str, surname: str, country: str | None) -> str:
    """Return both family names of a Spanish-speaking official named in full, else ``surname``."""
    if country not in _TWO_SURNAMES or " " in surname:
        return surname
    words = name.split()
    if not words or words[-1] != surname or len(words) not in {3, 4}:
        return surname
    second = fold_words(words[1])
    if len(words) == 3 and (not second or second[0] in _SECOND_GIVEN):  # noqa: PLR2004
        return surname
    if not all(w[:1].isupper() and w.isalpha() for w in words[-2:]):
        return surname
    return " ".join(words[-2:])


def _official(person: _Person, title: str | None, country: str | None) -> bilatx.Official:
    full = person.full()
    honorific = next((m.honorific for m in person.mentions if m.honorific), None)
    return bilatx.Official(
        name=full.name,
        surname=_family_names(full.name, person.surname or full.surname, country),
        title=title,
        country=country,
        honorific=honorific,
        spans=(*(m.span for m in person.mentions), *person.extra),
    )
