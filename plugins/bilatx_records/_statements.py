"""Statement records: quotations linked to the officials who made them.

The quotes plugin finds each quotation and the expression naming its speaker
("External Affairs Minister S Jaishankar", "Howard", "he", "one official").
Here that expression is linked to an :class:`~bilatx.Official`:

* a name: the official mentioned inside the expression (the one nearest the
  verb when a title names an office and a person), else the official whose
  surname or full name the expression gives;
* "he" / "she": in the nearest sentence before that refers to anybody, the
  speaker of its last quotation, else its first reference that is not a
  possessive (the subject, in news prose), following a chain of pronouns back
  to a name; a quotation whose pronoun goes back to an unnamed speaker ("one
  senior official ... he said") or to a named speaker who holds no office
  gets no statement;
* a full name nobody in the officials holds ("said broker Rafiq Walji"): a
  person without office, title or country; their bare surname then stands
  for them too;
* an unnamed speaker ("a spokesman", "officials"): no statement.

The statement's date is a date mentioned in the same sentence outside the
quotation, else the publication date when the text reports the remark as
current ("today", "says").
"""

from __future__ import annotations

import bisect
import unicodedata
from functools import cache
from typing import Final

import attrs
import regex

import bilatx
import bilatx.geo
from bilatx.text import sentence_at, word_finditer

__all__ = ["build_statements"]

EXTRACTOR: Final = "records"
_PRONOUNS: Final = frozenset({"he", "she"})
# How many sentences back a pronoun looks for the person it stands for.
_PRONOUN_REACH: Final = 4
_MAX_CHAIN: Final = 4
# How many sentences back a bare title ("the minister") looks for its holder.
_TITLE_REACH: Final = 5
# Words of a bare title that say nothing of the office.
_TITLE_NOISE: Final = frozenset({"the", "a", "an", "this", "that", "visiting", "then", "s"})
# How many official mentions before a span to check for one overlapping it.
_OVERLAP_LOOK: Final = 8


@cache
def _descriptor_pattern() -> regex.Pattern[str]:
    # Unnamed people: "one senior banking official", "U.S. officials",
    # "a Western envoy". Only the head noun's position matters.
    return regex.compile(
        r"(?i)\b(?P<head>officials?|sources?|spokes(?:man|men|woman|women|person|persons|people)"
        r"|diplomats?|experts?|economists?|analysts?|envoys?|bankers?|traders?|executives?"
        r"|aides?|negotiators?|observers?|insiders?)\b"
    )


@cache
def _pronoun_pattern() -> regex.Pattern[str]:
    return regex.compile(r"\b(?:[Hh]e|[Ss]he)\b")


@cache
def _current_pattern() -> regex.Pattern[str]:
    # Remarks reported as made now: "said today", "says", "tells".
    return regex.compile(
        r"(?i)\b(?:today|tonight|this\s+(?:morning|afternoon|evening)|says|tells)\b"
    )


def _fold(text: str) -> str:
    if text.isascii():
        # As below, for the common case: NFKD and casefold() change ASCII text
        # only by lowering it, and it holds no right quotation mark.
        return text.lower()
    decomposed = unicodedata.normalize("NFKD", text)
    plain = "".join(c for c in decomposed if not unicodedata.combining(c))
    return plain.casefold().replace("\u2019", "'")


_WORDS_RE: Final = regex.compile(r"\w+")


def _words(text: str) -> list[str]:
    return _WORDS_RE.findall(_fold(text))


class _People:
    """The officials of a document and every place the text refers to a person.

    Everything is indexed by position once, so each question (who is inside
    this span, who is referred to first in that sentence) is a binary search.
    """

    def __init__(self, doc: bilatx.Document, mentions: bilatx.Mentions) -> None:
        self.doc = doc
        self.people = mentions.people
        self.sentences = doc.sentences()
        self.sentence_index = {span.start: index for index, span in enumerate(self.sentences)}
        # Every span of every official, by start.
        self.mentioned = sorted(
            ((own.start, own.end, order) for order, p in enumerate(self.people) for own in p.spans),
        )
        self.mentioned_starts = [m[0] for m in self.mentioned]
        # Quotations, by start: people named inside them are the speaker's
        # words, not the narrative, so "he" never refers back to them.
        self.quoted = sorted((q.quote_span.start, q.quote_span.end) for q in mentions.quotes)
        self.quoted_starts = [q[0] for q in self.quoted]
        self.quotes = sorted(
            (q for q in mentions.quotes if q.speaker_span is not None and q.speaker),
            key=lambda q: q.speaker_span.start if q.speaker_span else 0,
        )
        self.speaker_starts = [q.speaker_span.start if q.speaker_span else 0 for q in self.quotes]
        # (position, kind, official) for every reference to a person.
        refs: list[tuple[int, str, bilatx.Official | None]] = [
            (start, "official", self.people[order]) for start, _, order in self.mentioned
        ]
        text = doc.text
        # The pattern is many alternative words: tried at word starts only, as finditer would find.
        refs.extend(
            (m.start("head"), "unnamed", None) for m in word_finditer(_descriptor_pattern(), text)
        )
        refs.extend((m.start(), "pronoun", None) for m in _pronoun_pattern().finditer(text))
        # A quotation's speaker is a reference too: to the official it names
        # or, when it names nobody known ("one official"), to an unnamed person.
        # A named speaker who holds no office ("Hijaab Asif", "said broker B. D.
        # Rao") is still a named speaker: a person without title or country,
        # whom a later "she" may stand for; every mention of them is a reference.
        self.others: dict[str, bilatx.Official] = {}
        unknown: set[str] = set()
        for quote in self.quotes:
            span = quote.speaker_span
            if span is None or _fold(quote.speaker or "") in _PRONOUNS:
                continue
            known = self.inside(span) or self.by_name(quote.speaker)
            known = known or self.by_title(quote.speaker or "", span)
            if known is None:
                known = self._named_person(quote.speaker or "")
            refs.append((span.start, "official" if known else "unnamed", known))
            bare = _personal_name(quote.speaker or "") if known is None else None
            if bare is not None:
                unknown.add(bare.split()[-1])
        for person in self.others.values():
            refs.extend((own.start, "official", person) for own in person.spans)
        for surname in unknown - {p.surname for p in self.others.values()}:
            # "Asif had tweeted" with no full name: somebody, though not one we can name.
            refs.extend((span.start, "unnamed", None) for span in _word_spans(text, surname))
        self.refs = sorted((r for r in refs if not self.in_quotation(r[0])), key=lambda r: r[0])
        self.ref_starts = [r[0] for r in self.refs]

    def _named_person(self, speaker: str) -> bilatx.Official | None:
        """The person without office a speaker expression names, made once per surname.

        Only a full name makes one ("said broker Rafiq Walji"); a bare surname
        ("Walji said") then stands for them. A lone capitalised word is as
        often a company, an agency or a participle ("Taking to X, ...").
        """
        name = _personal_name(speaker)
        if name is None:
            return None
        surname = name.split()[-1]
        known = self.others.get(_fold(surname))
        if known is not None or len(name.split()) == 1:
            return known
        person = bilatx.Official(
            name=name, surname=surname, spans=_word_spans(self.doc.text, surname)
        )
        self.others[_fold(surname)] = person
        return person

    def in_quotation(self, position: int) -> bool:
        """Whether ``position`` lies inside the words of a quotation."""
        index = bisect.bisect_right(self.quoted_starts, position) - 1
        return index >= 0 and self.quoted[index][0] <= position < self.quoted[index][1]

    def inside(self, span: bilatx.Span) -> bilatx.Official | None:
        """The official mentioned inside ``span``, the last one when there are several."""
        lo = bisect.bisect_left(self.mentioned_starts, span.start)
        hi = bisect.bisect_left(self.mentioned_starts, span.end)
        best: tuple[int, int] | None = None
        for _start, end, order in self.mentioned[lo:hi]:
            if end <= span.end and (best is None or end > best[0]):
                best = (end, order)
        if best is not None:
            return self.people[best[1]]
        # Or the one whose mention overlaps it.
        for start, end, order in self.mentioned[max(0, lo - _OVERLAP_LOOK) : hi]:
            if start < span.end and span.start < end:
                return self.people[order]
        return None

    def by_name(self, text: str | None) -> bilatx.Official | None:
        """The one official whose surname (or full name) the text gives."""
        if not text:
            return None
        words = set(_words(text))
        hits = [p for p in self.people if set(_words(p.surname)) <= words]
        if len(hits) > 1:
            hits = [p for p in hits if set(_words(p.name)) <= words]
        return hits[0] if len(hits) == 1 else None

    def group(self, span: bilatx.Span) -> bool:
        """Whether the expression names two people ("Chirac and Reagan")."""
        lo = bisect.bisect_left(self.mentioned_starts, span.start)
        hi = bisect.bisect_left(self.mentioned_starts, span.end)
        found = {order for _, end, order in self.mentioned[lo:hi] if end <= span.end}
        return len(found) > 1 and " and " in self.doc.text[span.start : span.end]

    def pronoun(self, position: int, depth: int = 0) -> bilatx.Official | None:
        """The official a "he"/"she" at ``position`` most likely stands for."""
        sentence = sentence_at(self.sentences, position)
        if sentence is None or depth > _MAX_CHAIN:
            return None
        # In the pronoun's own sentence only another quotation's speaker
        # counts ('China will ..., President Xi asserted as he lauded ...').
        lo = bisect.bisect_left(self.speaker_starts, sentence.start)
        hi = bisect.bisect_left(self.speaker_starts, position)
        for quote in self.quotes[lo:hi]:
            if quote.speaker_span is None or _fold(quote.speaker or "") in _PRONOUNS:
                continue
            return self.inside(quote.speaker_span) or self.by_name(quote.speaker)
        index = self.sentence_index[sentence.start]
        seen = 0
        while index > 0 and seen < _PRONOUN_REACH:
            index -= 1
            earlier = self.sentences[index]
            if self.in_quotation(earlier.start) and self.in_quotation(earlier.end - 1):
                continue  # a sentence inside a quotation says nothing of who speaks
            seen += 1
            first = bisect.bisect_left(self.ref_starts, earlier.start)
            if first < len(self.refs) and self.refs[first][0] < earlier.end:
                # "Speaking after talks with Bishop, Johnson said '...'. He added":
                # the one quoted last is who goes on talking.
                quoted = self._last_speaker(earlier)
                if quoted is not None:
                    found = self._resolve_ref(quoted, depth)
                    if found is not None or self.refs[quoted][1] != "pronoun":
                        return found
                return self._resolve_ref(self._subject(first, earlier.end), depth)
        # The story's first sentence: "Chirac said ..., and he said ...".
        first = bisect.bisect_left(self.ref_starts, sentence.start)
        if first < len(self.refs) and self.refs[first][0] < position:
            index = self._subject(first, position)
            if self.refs[index][1] == "official":
                return self.refs[index][2]
        return None

    def _last_speaker(self, sentence: bilatx.Span) -> int | None:
        """The reference of the last quotation speaker in ``sentence``, if any."""
        lo = bisect.bisect_left(self.speaker_starts, sentence.start)
        hi = bisect.bisect_left(self.speaker_starts, sentence.end)
        for quote in reversed(self.quotes[lo:hi]):
            span = quote.speaker_span
            if span is None:
                continue
            index = bisect.bisect_left(self.ref_starts, span.start)
            if index < len(self.refs) and self.refs[index][0] < span.end:
                return index
        return None

    def _subject(self, first: int, end: int) -> int:
        """The sentence's first reference that is no possessive ("After Berg's call, Voss ...")."""
        index = first
        while index < len(self.refs) and self.refs[index][0] < end:
            if not _possessive_re().match(self.doc.text, self._ref_end(index)):
                return index
            index += 1
        return first

    def _ref_end(self, index: int) -> int:
        """Where the reference ``index`` ends (its word, for pronouns and unnamed people)."""
        position = self.refs[index][0]
        lo = bisect.bisect_left(self.mentioned_starts, position)
        ends = [end for start, end, _ in self.mentioned[lo : lo + 2] if start == position]
        if ends:
            return max(ends)
        match = _WORD_RE.match(self.doc.text, position)
        return match.end() if match else position

    def _resolve_ref(self, index: int, depth: int) -> bilatx.Official | None:
        position, kind, person = self.refs[index]
        if kind == "official":
            return person
        if kind == "pronoun":
            return self.pronoun(position, depth + 1)
        return None

    def speaker(self, quote: bilatx.QuoteMention) -> bilatx.Official | None:
        """The official who made ``quote``, or ``None``."""
        span = quote.speaker_span
        if span is None or not quote.speaker:
            return None
        if _fold(quote.speaker) in _PRONOUNS:
            return self.pronoun(span.start)
        if self.group(span):
            return None
        return (
            self.inside(span)
            or self.by_name(quote.speaker)
            or self.by_title(quote.speaker, span)
            or self._named_person(quote.speaker)
        )

    def by_title(self, text: str, span: bilatx.Span) -> bilatx.Official | None:
        """The official a bare title stands for ("the minister" after "Minister Okafor").

        Only officials mentioned in the few sentences before count, and only
        when exactly one of them holds a title with every word given.
        """
        words = [
            w for w in _words(text) if w not in _TITLE_NOISE and bilatx.geo.country_code(w) is None
        ]
        if not words:
            return None
        sentence = sentence_at(self.sentences, span.start)
        if sentence is None:
            return None
        index = self.sentence_index[sentence.start]
        lo = self.sentences[max(0, index - _TITLE_REACH)].start
        first = bisect.bisect_left(self.mentioned_starts, lo)
        last = bisect.bisect_left(self.mentioned_starts, span.start)
        recent = {
            order
            for _, _, order in self.mentioned[first:last]
            if self.people[order].title
            and set(words) <= set(_words(self.people[order].title or ""))
        }
        return self.people[recent.pop()] if len(recent) == 1 else None


_WORD_RE: Final = regex.compile(r"[\w-]+")
_NAME_WORD_RE: Final = regex.compile(r"\p{Lu}[\p{L}'\u2019-]*\.?|\p{Lu}\.")


def _word_spans(text: str, word: str) -> list[bilatx.Span]:
    """Every place ``word`` stands as a whole word in ``text``."""
    pattern = rf"(?<![\w]){regex.escape(word)}(?![\w])"
    return [bilatx.Span(m.start(), m.end()) for m in regex.finditer(pattern, text)]


@cache
def _possessive_re() -> regex.Pattern[str]:
    return regex.compile(r"['\u2019]s?(?![\w])")


# Words that make a capitalised speaker an organisation, not a person.
_BODY_WORDS: Final = frozenset(
    {"ministry", "bank", "agency", "association", "group", "corp", "corporation", "company"}
    | {"council", "commission", "committee", "government", "office", "embassy", "department"}
    | {"party", "federation", "union", "institute", "university", "times", "news", "post"}
    | {"journal", "reuters", "xinhua", "pti", "ani", "ians", "afp", "ap", "bloomberg", "tass"}
    | {"mission", "statement", "house", "kremlin", "parliament", "court", "board", "authority"}
)
_HONORIFICS: Final = frozenset({"mr", "mrs", "ms", "dr", "sir", "dame", "prof"})
_NOT_NAME_OPENERS: Final = frozenset(
    {"a", "an", "the", "this", "that", "these", "those", "his", "her", "their", "its", "our"}
    | {"another", "one", "some", "several", "both", "each", "every", "many", "most", "other"}
    | {"according", "after", "before", "during", "in", "on", "at", "as", "while", "when", "but"}
)


def _personal_name(speaker: str) -> str | None:
    """The name a speaker expression gives ("Hijaab Asif", "B. D. Rao", "Mr Rao"), or ``None``.

    Honorifics are dropped; organisations, places and descriptions ("one
    official") are no names.
    """
    words = [w for w in speaker.split() if _fold(w).rstrip(".") not in _HONORIFICS]
    if not words or len(words) > 4 or _descriptor_pattern().search(speaker):  # noqa: PLR2004
        return None
    first = _fold(words[0])
    if first in _NOT_NAME_OPENERS or (len(first) > 5 and first.endswith("ing")):  # noqa: PLR2004
        return None  # "A Toshiba executive", "Following Ministerial talks", "Leading Tamil daily"
    if any(_fold(w).rstrip(".") in _BODY_WORDS for w in words):
        return None
    joined = " ".join(words)
    if bilatx.geo.country_code(joined) is not None or bilatx.geo.city_country(joined):
        return None
    if not all(_NAME_WORD_RE.fullmatch(w) for w in words):
        return None
    if words[-1].endswith(".") or words[-1].endswith(("'s", "\u2019s")):
        return None
    return joined


def _date(
    doc: bilatx.Document, mentions: bilatx.Mentions, quote: bilatx.QuoteMention
) -> bilatx.DateValue | None:
    anchor = quote.speaker_span or quote.span
    sentences = doc.sentences()
    first = sentence_at(sentences, anchor.start) or sentence_at(sentences, quote.span.start)
    last = sentence_at(sentences, max(quote.span.end - 1, quote.span.start))
    if first is None:
        return None
    lo = min(first.start, quote.span.start)
    hi = max(first.end, last.end if last else first.end, quote.span.end)
    candidates = [
        m
        for m in mentions.dates
        if lo <= m.span.start
        and m.span.end <= hi
        and not quote.span.overlaps(m.span)
        and isinstance(m.value, bilatx.DateValue)
    ]
    if candidates:
        # Nearest to where the speaker's verb is: the end of the speaker
        # ("Voss on Monday said"), not a dateline before the sentence.
        best = min(candidates, key=lambda m: abs(m.span.start - anchor.end))
        return best.value  # type: ignore[return-value]
    if doc.published is not None:
        outside = doc.text[lo : quote.span.start] + " " + doc.text[quote.span.end : hi]
        if _current_pattern().search(outside):
            return bilatx.DateValue.from_date(doc.published)
    return None


def _key(official: bilatx.Official, quote: str) -> tuple[str, tuple[str, ...]]:
    return _fold(official.surname), tuple(_words(quote))


def build_statements(doc: bilatx.Document, mentions: bilatx.Mentions) -> list[bilatx.Statement]:
    """Return a Statement for every quotation whose speaker is a known official.

    The same words by the same official quoted twice give one statement; a
    channel named at either place is kept.
    """
    if not mentions.quotes or not mentions.people:
        return []
    people = _People(doc, mentions)
    found: dict[tuple[str, tuple[str, ...]], bilatx.Statement] = {}
    for quote in mentions.quotes:
        official = people.speaker(quote)
        if official is None:
            continue
        evidence = [quote.span]
        evidence.extend(s for s in (quote.speaker_span, quote.channel_span) if s is not None)
        statement = bilatx.Statement(
            speaker=official,
            quote=quote.quote,
            quote_span=quote.quote_span,
            channel=quote.channel,
            date=_date(doc, mentions, quote),
            evidence=tuple(evidence),
            extractor=EXTRACTOR,
        )
        key = _key(official, quote.quote)
        known = found.get(key)
        if known is None:
            found[key] = statement
        elif known.channel is None and statement.channel is not None:
            found[key] = _with_channel(known, statement)
    return list(found.values())


def _with_channel(first: bilatx.Statement, later: bilatx.Statement) -> bilatx.Statement:
    return attrs.evolve(first, channel=later.channel, evidence=(*first.evidence, *later.evidence))
