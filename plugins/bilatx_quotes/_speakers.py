"""Attribution frames: a reporting verb and who it reports ("Xi said", "said one envoy").

Everything here reads a token list (see :mod:`bilatx_quotes._tokens`) and
only looks a bounded number of tokens away from each verb, so the work is
linear in the length of the sentence.
"""

from __future__ import annotations

import enum
from typing import TYPE_CHECKING, Final

import attrs

from bilatx_quotes._tokens import Kind, Token
from bilatx_quotes._vocab import (
    DESCRIPTOR_HEADS,
    DETERMINERS,
    MODIFIERS,
    MONTHS,
    NAME_PARTICLES,
    NOT_NAMES,
    NOUN_LIKE_VERBS,
    PLURAL_PRONOUNS,
    PRONOUNS,
    SPEECH_VERBS,
    TIME_NOUNS,
    TITLE_HEADS,
    TITLE_JOINERS,
    TITLE_WORDS,
    WEEKDAYS,
)

if TYPE_CHECKING:
    from collections.abc import Sequence

__all__ = ["Frame", "Speaker", "SpeakerKind", "find_frames", "subject_of"]

_MAX_MODIFIERS: Final = 5
_MAX_APPOSITIVE: Final = 30
_MAX_DESCRIPTOR: Final = 7
_MAX_NAME: Final = 14
_NOUN_MARKERS: Final = frozenset(
    {"a", "an", "the", "this", "that", "these", "those", "his", "her", "their", "its", "our", "my"}
)
_APPOSITIVE_STARTS: Final = frozenset(
    {"who", "which", "whose", "also", "now", "currently", "formerly", "himself", "herself"}
)
_CLAUSE_BREAKS: Final = frozenset({";", ":", "(", ")"})
# What may stand before a label at the start of a line: space and bullet marks.
_BULLETS: Final = " \t-*\u2022\u2023\u25aa\u25cf\u2013\u2014\u00b7>"


class SpeakerKind(str, enum.Enum):
    """What kind of expression names the speaker."""

    NAMED = "named"
    """A name, with or without a title: "External Affairs Minister S Jaishankar"."""
    PRONOUN = "pronoun"
    """"he", "she": resolved against the people named before."""
    TITLE = "title"
    """A title without a name: "the Prime Minister"."""
    DESCRIPTOR = "descriptor"
    """An unnamed speaker: "one U.S. official", "diplomatic sources"."""
    GROUP = "group"
    """Several speakers: "Chirac and Reagan", "they"."""


@attrs.frozen(kw_only=True)
class Speaker:
    """The expression that names who spoke, with its offsets."""

    text: str
    start: int
    end: int
    kind: SpeakerKind
    names: frozenset[str] = frozenset()
    """The lower-cased name words, used to tell whether two speakers are one."""


@attrs.frozen(kw_only=True)
class Frame:
    """A reporting verb with its speaker."""

    verb: Token
    index: int
    """The verb's position in the token list."""
    speaker: Speaker
    rule: str


def _base(token: Token) -> str:
    low = token.low
    for suffix in ("'s", "'"):
        if low.endswith(suffix):
            return low[: -len(suffix)]
    return low.rstrip(".")


def _is_initial(token: Token) -> bool:
    """Whether the token is an initial inside a name ("A.", "P")."""
    text = token.text.rstrip(".")
    return len(text) == 1 and text.isupper()


def _is_name_word(token: Token) -> bool:
    """A capitalised word that can be part of a name (not "The", not "Minister")."""
    if not token.is_capitalised:
        return False
    if _is_initial(token):
        return True
    base = _base(token)
    return base not in NOT_NAMES and base not in TITLE_WORDS and base not in DESCRIPTOR_HEADS


def _is_possessive(token: Token) -> bool:
    return token.low.endswith(("'s", "'")) and len(token.text) > 2  # noqa: PLR2004


def _named(tokens: Sequence[Token], lo: int, hi: int, doc_text: str) -> Speaker | None:
    """Classify the capitalised run ``tokens[lo..hi]`` as a name, a title or a group."""
    while (
        lo <= hi
        and (tokens[lo].low in TITLE_JOINERS or tokens[lo].low in NAME_PARTICLES)
        and not tokens[lo].is_capitalised
    ):
        lo += 1
    while hi >= lo and tokens[hi].low in TITLE_JOINERS and not tokens[hi].is_capitalised:
        hi -= 1
    if hi < lo:
        return None
    run = tokens[lo : hi + 1]
    if not any(_is_name_word(t) and not t.text.isupper() for t in run):
        if any(_base(t) in TITLE_WORDS for t in run) and run[-1].is_capitalised:
            return _speaker(run, SpeakerKind.TITLE, doc_text)
        return None
    last = run[-1]
    if not _is_name_word(last) and not (len(last.text.rstrip(".")) == 1 and last.is_capitalised):
        kind = SpeakerKind.TITLE if _base(last) in TITLE_WORDS else None
        if kind is None:
            return None
    else:
        kind = SpeakerKind.NAMED
    # "Chirac and Reagan": two people, unless the "and" joins the words of a
    # portfolio ("Minister of State for Electronics and IT P P Chaudhary").
    in_portfolio = False
    for position, token in enumerate(run):
        if token.low in {"of", "for"}:
            in_portfolio = True
        elif token.low == "and" and not in_portfolio:
            left = run[:position]
            right = run[position + 1 :]
            if any(_is_name_word(t) for t in left) and any(_is_name_word(t) for t in right):
                return _speaker(run, SpeakerKind.GROUP, doc_text)
    return _speaker(run, kind, doc_text)


def _speaker(run: Sequence[Token], kind: SpeakerKind, doc_text: str) -> Speaker:
    names = frozenset(_base(t) for t in run if _is_name_word(t))
    first, last = run[0], run[-1]
    text = doc_text[first.start : last.end]
    return Speaker(text=text, start=first.start, end=last.end, kind=kind, names=names)


def _spoken(tokens: Sequence[Token], lo: int, hi: int, doc_text: str, kind: SpeakerKind) -> Speaker:
    """A speaker whose text is the document's own slice (keeps the original spacing)."""
    first, last = tokens[lo], tokens[hi]
    names = frozenset(_base(t) for t in tokens[lo : hi + 1] if _is_name_word(t))
    if kind in (SpeakerKind.DESCRIPTOR, SpeakerKind.TITLE):
        names = frozenset({"~" + doc_text[first.start : last.end].lower()})
    return Speaker(
        text=doc_text[first.start : last.end],
        start=first.start,
        end=last.end,
        kind=kind,
        names=names,
    )


def _descriptor_left(
    tokens: Sequence[Token],
    head: int,
    doc_text: str,
    kind: SpeakerKind = SpeakerKind.DESCRIPTOR,
) -> Speaker:
    """Extend a descriptor head leftwards to its determiner: "a senior U.S. official"."""
    lo = head
    k = head - 1
    steps = 0
    while k >= 0 and steps < _MAX_DESCRIPTOR:
        token = tokens[k]
        if token.kind is not Kind.WORD:
            break
        low = token.low
        if low in DETERMINERS:
            lo = k
            break
        if (
            low in SPEECH_VERBS
            or low in MODIFIERS
            or low in PRONOUNS
            or low in {"and", "or", "that"}
        ):
            break
        lo = k
        k -= 1
        steps += 1
    return _spoken(tokens, lo, head, doc_text, kind)


def speaker_left(tokens: Sequence[Token], end: int, doc_text: str) -> Speaker | None:
    """Return the speaker expression that ends at ``tokens[end]``, if there is one."""
    if end < 0:
        return None
    token = tokens[end]
    if token.kind is not Kind.WORD:
        return None
    low = token.low
    if low in PRONOUNS:
        return _spoken(tokens, end, end, doc_text, SpeakerKind.PRONOUN)
    if low in PLURAL_PRONOUNS:
        return _spoken(tokens, end, end, doc_text, SpeakerKind.GROUP)
    if low in {"one", "another"}:
        return _spoken(tokens, end, end, doc_text, SpeakerKind.DESCRIPTOR)
    if low in DESCRIPTOR_HEADS and (token.is_lower or not _names_before(tokens, end)):
        return _descriptor_left(tokens, end, doc_text)
    if token.is_lower and low in TITLE_HEADS:
        return _descriptor_left(tokens, end, doc_text, SpeakerKind.TITLE)
    if not token.is_capitalised:
        return None
    lo = end
    k = end - 1
    while k >= 0 and end - k < _MAX_NAME:
        tok = tokens[k]
        if tok.kind is not Kind.WORD:
            break
        base = _base(tok)
        if tok.is_capitalised:
            if base in NOT_NAMES and not _is_initial(tok):
                break
            lo = k
            k -= 1
            if _is_possessive(tok):
                break  # "Ontario's Peterson": the possessive starts the phrase
            continue
        if (
            base in TITLE_WORDS
            or base in NAME_PARTICLES
            or (base in TITLE_JOINERS and k > 0 and tokens[k - 1].is_capitalised)
        ):
            lo = k
            k -= 1
            continue
        break
    if _is_possessive(tokens[end]):
        return None
    return _named(tokens, lo, end, doc_text)


def _names_before(tokens: Sequence[Token], head: int) -> bool:
    """Whether a name stands right before a capitalised head ("Zhao Spokesman")."""
    return head > 0 and _is_name_word(tokens[head - 1]) and not _is_possessive(tokens[head - 1])


def speaker_right(tokens: Sequence[Token], start: int, doc_text: str) -> Speaker | None:
    """Return the speaker expression that starts at ``tokens[start]``, if there is one."""
    if start >= len(tokens):
        return None
    token = tokens[start]
    if token.kind is not Kind.WORD:
        return None
    low = token.low
    if low in PRONOUNS:
        return _spoken(tokens, start, start, doc_text, SpeakerKind.PRONOUN)
    if low in PLURAL_PRONOUNS:
        return _spoken(tokens, start, start, doc_text, SpeakerKind.GROUP)
    if (low in DETERMINERS and token.is_lower) or low in {"one", "another"}:
        k = start + 1
        while k < len(tokens) and k - start <= _MAX_DESCRIPTOR:
            tok = tokens[k]
            if tok.kind is not Kind.WORD or tok.low in SPEECH_VERBS:
                break
            if tok.low in DESCRIPTOR_HEADS:
                return _spoken(tokens, start, k, doc_text, SpeakerKind.DESCRIPTOR)
            if tok.low in TITLE_WORDS and (
                k + 1 >= len(tokens) or not tokens[k + 1].is_word or tokens[k + 1].is_lower
            ):
                return _spoken(tokens, start, k, doc_text, SpeakerKind.TITLE)
            k += 1
        if low in {"one", "another"}:
            return _spoken(tokens, start, start, doc_text, SpeakerKind.DESCRIPTOR)
        return None
    if not (token.is_capitalised or low in TITLE_WORDS):
        return None
    hi = start
    k = start
    while k < len(tokens) and k - start < _MAX_NAME:
        tok = tokens[k]
        if tok.kind is not Kind.WORD:
            break
        base = _base(tok)
        if tok.is_capitalised:
            if base in NOT_NAMES and not (
                _is_initial(tok) and k + 1 < len(tokens) and tokens[k + 1].is_capitalised
            ):
                break
            hi = k
            k += 1
            continue
        if (
            base in TITLE_WORDS
            or base in NAME_PARTICLES
            or (base in TITLE_JOINERS and k + 1 < len(tokens) and tokens[k + 1].is_capitalised)
        ):
            k += 1
            continue
        break
    if not tokens[hi].is_capitalised:
        return None
    return _named(tokens, start, hi, doc_text)


def _skip_modifiers(tokens: Sequence[Token], verb: int) -> int:
    """Return the index of the token before the words between a speaker and its verb.

    Skips adverbs and auxiliaries ("also", "had", "last night") and one
    comma-bounded apposition ("Xi, 64, said"; "Howard, who leaves tomorrow, told").
    """
    k = verb - 1
    skipped = 0
    while k >= 0 and skipped <= _MAX_MODIFIERS:
        token = tokens[k]
        low = token.low
        if token.kind is Kind.WORD:
            if low in MODIFIERS or (token.is_lower and low.endswith("ly") and len(low) > 4):  # noqa: PLR2004
                k -= 1
                skipped += 1
                continue
            if low in TIME_NOUNS and k > 0 and tokens[k - 1].low in {"last", "this", "on", "next"}:
                k -= 2
                skipped += 2
                continue
            date = _date_before(tokens, k)
            if date is not None:
                k = date - 1
                skipped += 1
                continue
            if low in {"who", "which"} and k > 0 and tokens[k - 1].text == ",":
                return k - 2
            break
        if token.text == ",":
            start = _apposition_start(tokens, k)
            if start is None:
                break
            k = start - 1
            skipped += 1
            continue
        if token.text == ")":
            # "Okafor (left) said", "Xi Jinping (C) said": a short aside.
            opening = _opening_parenthesis(tokens, k)
            if opening is None:
                break
            k = opening - 1
            skipped += 1
            continue
        break
    return k


def _opening_parenthesis(tokens: Sequence[Token], closing: int) -> int | None:
    k = closing - 1
    while k >= 0 and closing - k <= _MAX_MODIFIERS + 2:
        token = tokens[k]
        if token.kind is Kind.QUOTE or token.text in {")", ".", ";"}:
            return None
        if token.text == "(":
            return k
        k -= 1
    return None


def _date_before(tokens: Sequence[Token], end: int) -> int | None:
    """The start of a date ending at ``tokens[end]``: "on March 2", "2 March", "Monday"."""
    token = tokens[end]
    low = token.low.rstrip(".")
    start: int | None = None
    previous = tokens[end - 1] if end > 0 else None
    if low in WEEKDAYS:
        start = end
    elif previous is not None and (
        (token.text.isdigit() and previous.low.rstrip(".") in MONTHS)
        or (low in MONTHS and previous.text.isdigit())
    ):
        start = end - 1
    if start is not None and start > 0 and tokens[start - 1].low == "on":
        start -= 1
    return start


def _apposition_start(tokens: Sequence[Token], comma: int) -> int | None:
    """Return the index of the comma opening an apposition that ``comma`` closes."""
    k = comma - 1
    while k >= 0 and comma - k <= _MAX_APPOSITIVE:
        token = tokens[k]
        if token.kind is Kind.QUOTE or token.text in _CLAUSE_BREAKS or token.text == ".":
            return None
        if token.text == ",":
            inner = tokens[k + 1 : comma]
            if not inner or k == 0:
                return None
            first = inner[0]
            if (
                first.low in _APPOSITIVE_STARTS
                or first.low in DETERMINERS
                or first.text.isdigit()
                or any(_base(t) in TITLE_WORDS for t in inner)
            ) and not any(t.low in SPEECH_VERBS for t in inner):
                return k
            return None
        k -= 1
    return None


_POSSESSIVES: Final = ("'s", "\u2019s", "s'", "s\u2019")


def _clause_subject(tokens: Sequence[Token], verb: int, doc_text: str) -> Speaker | None:
    """Find the subject at the start of the verb's clause ("On July 30, Xi ... said")."""
    k = verb - 1
    starts = []
    while k >= 0 and verb - k <= _MAX_APPOSITIVE:
        token = tokens[k]
        if token.kind is Kind.QUOTE or token.text in _CLAUSE_BREAKS or token.text == ".":
            break
        if token.text == ",":
            starts.append(k + 1)
        k -= 1
    starts.append(k + 1)
    for start in reversed(starts):  # left to right
        if start >= verb:
            continue
        found = speaker_right(tokens, start, doc_text)
        if found is not None and doc_text[found.start : found.end].endswith(_POSSESSIVES):
            continue  # "Berg's visit added 'new vigour'": the visit, not Berg, is the subject
        if found is not None and found.end <= tokens[verb].start:
            between = [t for t in tokens[start:verb] if t.start >= found.end]
            if not any(t.kind is Kind.QUOTE for t in between):
                return found
    return None


def subject_of(tokens: Sequence[Token], doc_text: str) -> Speaker | None:
    """The person a sentence is about: its first speaker-like phrase at a clause start.

    Looks at the start of the sentence and after each comma of its first
    clause ("At a news conference in Accra, Okafor defended ...").
    """
    starts = [0]
    for index, token in enumerate(tokens[:_MAX_APPOSITIVE]):
        if token.kind is Kind.QUOTE or token.text in _CLAUSE_BREAKS:
            break
        if token.text == ",":
            starts.append(index + 1)
    for start in starts:
        found = speaker_right(tokens, start, doc_text)
        if found is not None and found.kind is not SpeakerKind.GROUP:
            return found
    return None


def _quoted_as_saying(tokens: Sequence[Token], verb: int, doc_text: str) -> Speaker | None:
    """Find the speaker of "he was quoted by the agency as saying": before "quoted"."""
    if verb == 0 or tokens[verb - 1].low != "as":
        return None
    k = verb - 2
    while k >= 0 and verb - k < _MAX_DESCRIPTOR + 2:
        if tokens[k].low == "quoted":
            if k + 1 < verb - 1 and tokens[k + 1].low != "by":
                # "The statement quoted Okafor as saying": the one quoted speaks.
                found = speaker_right(tokens, k + 1, doc_text)
                if found is not None and found.end <= tokens[verb - 1].start:
                    return found
            j = k - 1
            while j >= 0 and tokens[j].low in {"was", "is", "been", "has", "had", "being", "were"}:
                j -= 1
            return speaker_left(tokens, j, doc_text)
        k -= 1
    return None


def _label(tokens: Sequence[Token], colon: int, doc_text: str) -> Speaker | None:
    """The speaker of a labelled quotation: 'President Voss: "..."' opening a line.

    Fact sheets and transcripts list remarks as bullets, a name or a title
    and a name, then a colon and the quotation. The label must open its line
    (after any bullet mark) so that "the pact with Ghana: '...'" is no speaker.
    """
    if colon + 1 >= len(tokens) or tokens[colon + 1].kind is not Kind.QUOTE:
        return None
    found = speaker_left(tokens, colon - 1, doc_text)
    if found is None or found.kind not in (SpeakerKind.NAMED, SpeakerKind.TITLE):
        return None
    line = doc_text.rfind("\n", 0, found.start) + 1
    if not doc_text[line : found.start].strip(_BULLETS):
        return found
    # "Amara Okafor, Prime Minister of Ghana: '...'": the name before the office.
    first = next((i for i, t in enumerate(tokens) if t.start >= found.start), 0)
    if first < 2 or tokens[first - 1].text != ",":  # noqa: PLR2004
        return None
    name = speaker_left(tokens, first - 2, doc_text)
    if name is None or name.kind is not SpeakerKind.NAMED:
        return None
    if doc_text[doc_text.rfind("\n", 0, name.start) + 1 : name.start].strip(_BULLETS):
        return None
    return name


def find_frames(tokens: Sequence[Token], doc_text: str) -> list[Frame]:
    """Return every reporting verb of a sentence whose speaker can be found."""
    frames: list[Frame] = []
    for index, token in enumerate(tokens):
        if token.text == ":":
            found = _label(tokens, index, doc_text)
            if found is not None:
                frames.append(Frame(verb=token, index=index, speaker=found, rule="label"))
            continue
        if token.kind is not Kind.WORD:
            continue
        low = token.low
        if low == "according" and index + 2 < len(tokens) and tokens[index + 1].low == "to":
            found = speaker_right(tokens, index + 2, doc_text)
            if found is not None:
                frames.append(Frame(verb=token, index=index, speaker=found, rule="according-to"))
            continue
        if low == "put" and index + 1 < len(tokens) and tokens[index + 1].low == "it":
            found = speaker_left(tokens, _skip_modifiers(tokens, index), doc_text)
            if found is not None:
                frames.append(Frame(verb=token, index=index, speaker=found, rule="put-it"))
            continue
        if low not in SPEECH_VERBS:
            continue
        if index > 0 and tokens[index - 1].low in _NOUN_MARKERS:
            continue  # "a comment", "his remarks": nouns
        if index > 0 and token.is_capitalised:
            continue  # "the United States": a verb is capitalised only at the start
        frame = _frame_at(tokens, index, frames, doc_text)
        if frame is not None:
            frames.append(frame)
    return frames


def _frame_at(
    tokens: Sequence[Token], index: int, earlier: Sequence[Frame], doc_text: str
) -> Frame | None:
    token = tokens[index]
    low = token.low
    before = index - 1
    if before >= 0 and tokens[before].text == ",":
        before -= 1
    if before >= 0 and tokens[before].kind is Kind.QUOTE:
        # '"...," said one envoy' or '"...," Xi said': try both sides.
        found = speaker_right(tokens, index + 1, doc_text)
        if found is not None:
            return Frame(verb=token, index=index, speaker=found, rule="verb-speaker")
    found = speaker_left(tokens, _skip_modifiers(tokens, index), doc_text)
    if found is not None:
        return Frame(verb=token, index=index, speaker=found, rule="speaker-verb")
    if low in NOUN_LIKE_VERBS:
        return None
    found = _quoted_as_saying(tokens, index, doc_text)
    if found is not None:
        return Frame(verb=token, index=index, speaker=found, rule="quoted-as-saying")
    if low.endswith("ing") and earlier:
        # "..., adding:": the participle's subject is the main clause's.
        return Frame(verb=token, index=index, speaker=earlier[-1].speaker, rule="participle")
    if index == 0 or (index == 1 and tokens[0].is_capitalised):
        return None
    found = _clause_subject(tokens, index, doc_text)
    if found is not None:
        return Frame(verb=token, index=index, speaker=found, rule="clause-subject")
    return None
