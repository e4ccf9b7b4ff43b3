"""From quotation marks to quote mentions: speaker, channel and the discourse between.

The text is read sentence by sentence (sentences joined where a quotation
runs across them). In each sentence every quotation takes the nearest
reporting verb's speaker. A quotation with no verb of its own that opens its
sentence continues the discourse: it takes the speaker of the quotation or
reporting sentence just before it ('"A," he said. "B."'). Channels come from
the sentence; an occasion (an interview, a news conference) carries on to the
same speaker's later remarks and to a reply.
"""

from __future__ import annotations

import bisect
from typing import TYPE_CHECKING, Final

import attrs

import bilatx
from bilatx_quotes._channels import Channel, find_channels
from bilatx_quotes._marks import RawQuote, find_quotations, paragraph_spans
from bilatx_quotes._speakers import Frame, Speaker, SpeakerKind, find_frames, subject_of
from bilatx_quotes._tokens import Kind, Token, tokenize
from bilatx_quotes._vocab import REPLY_VERBS, REPORTING_VERBS

if TYPE_CHECKING:
    from collections.abc import Sequence

__all__ = ["extract_quotes"]

# A channel phrase belongs to a reporting verb this close to it (characters).
_CHANNEL_REACH: Final = 150
# How many sentences back a quotation without a verb looks for its speaker.
_LOOK_BACK: Final = 2


@attrs.frozen(kw_only=True)
class _Said:
    """What is known of one quotation once read."""

    speaker: Speaker | None
    identity: frozenset[str]
    channel: Channel | None
    rule: str
    paragraph: int
    unit: int
    end: int


@attrs.frozen(kw_only=True)
class _Sentence:
    """One sentence (or group of sentences a quotation joins) as read."""

    index: int
    paragraph: int
    tokens: Sequence[Token]
    frames: Sequence[Frame]
    identities: Sequence[frozenset[str]]
    channels: Sequence[Channel]


@attrs.define
class _Occasion:
    channel: Channel
    identity: frozenset[str]


@attrs.define
class _State:
    previous: _Said | None = None
    frames: list[tuple[int, int, Frame, frozenset[str]]] = attrs.field(factory=list)
    """(unit, paragraph, frame, identity) of every reporting verb read so far."""
    agent: frozenset[str] = frozenset()
    """Who the last named (or described) speaker was: what "he" most likely means."""
    occasion: _Occasion | None = None


def _units(sentences: Sequence[bilatx.Span], quotes: Sequence[RawQuote]) -> list[tuple[int, int]]:
    """Group sentences so that no quotation crosses a group boundary."""
    starts = [q.start for q in quotes]
    units: list[tuple[int, int]] = []
    for sentence in sentences:
        if units and _crossed(units[-1][1], starts, quotes):
            units[-1] = (units[-1][0], max(units[-1][1], sentence.end))
        else:
            units.append((sentence.start, sentence.end))
    return units


def _crossed(point: int, starts: Sequence[int], quotes: Sequence[RawQuote]) -> bool:
    index = bisect.bisect_left(starts, point) - 1
    return index >= 0 and quotes[index].start < point < quotes[index].end


def _identity(speaker: Speaker, state: _State) -> frozenset[str]:
    if speaker.kind is SpeakerKind.PRONOUN:
        return state.agent
    if speaker.kind is SpeakerKind.GROUP:
        return frozenset({"~group"})
    return speaker.names or frozenset({"~" + speaker.text.lower()})


def _nearest_frame(frames: Sequence[Frame], index: int) -> Frame | None:
    best: Frame | None = None
    best_key: tuple[int, int] | None = None
    for frame in frames:
        distance = abs(frame.index - index)
        key = (distance, 0 if frame.index > index else 1)
        if best_key is None or key < best_key:
            best, best_key = frame, key
    return best


def _reporting_frame(frames: Sequence[Frame], nearest: Frame) -> Frame:
    """Prefer the reporter to an unnamed group inside what is reported.

    In "Okafor told reporters that both leaders had agreed to 'double trade'"
    the nearest verb is "agreed" (by "both leaders"), but the words are
    Okafor's: an earlier reporting verb with a named speaker wins.
    """
    if nearest.speaker.kind not in (SpeakerKind.DESCRIPTOR, SpeakerKind.GROUP):
        return nearest
    for frame in reversed(frames):
        if (
            frame.index < nearest.index
            and frame.verb.low in REPORTING_VERBS
            and frame.speaker.kind in (SpeakerKind.NAMED, SpeakerKind.PRONOUN, SpeakerKind.TITLE)
        ):
            return frame
    return nearest


def _nearest_channel(channels: Sequence[Channel], frame: Frame) -> Channel | None:
    best: Channel | None = None
    best_distance = _CHANNEL_REACH + 1
    verb = frame.verb
    for channel in channels:
        if channel.end <= verb.start:
            distance = verb.start - channel.end
        elif channel.start >= verb.end:
            distance = channel.start - verb.end
        else:
            distance = 0
        if distance < best_distance:
            best, best_distance = channel, distance
    return best


def _opens_sentence(tokens: Sequence[Token], index: int) -> bool:
    return all(t.kind is Kind.PUNCT for t in tokens[:index])


def _mention(
    doc: bilatx.Document, raw: RawQuote, said: _Said, extractor: str
) -> bilatx.QuoteMention:
    text = doc.text
    speaker = said.speaker
    channel = said.channel
    # '" As we meet ... "': the words, not the space typed inside the marks.
    inner_start, inner_end = raw.inner_start, raw.inner_end
    while inner_start < inner_end - 1 and text[inner_start].isspace():
        inner_start += 1
    while inner_end - 1 > inner_start and text[inner_end - 1].isspace():
        inner_end -= 1
    return bilatx.QuoteMention(
        span=bilatx.Span(raw.start, raw.end),
        text=text[raw.start : raw.end],
        quote=text[inner_start:inner_end],
        quote_span=bilatx.Span(inner_start, inner_end),
        speaker=speaker.text if speaker else None,
        speaker_span=bilatx.Span(speaker.start, speaker.end) if speaker else None,
        channel=channel.label if channel else None,
        channel_span=bilatx.Span(channel.start, channel.end) if channel else None,
        rule=said.rule,
        extractor=extractor,
    )


def _look_back(state: _State, unit: int, paragraph: int) -> _Said | None:
    """The speaker a verbless quotation continues: the last quotation or reporting verb."""
    candidates: list[tuple[int, _Said]] = []
    previous = state.previous
    if previous is not None and previous.paragraph >= paragraph - 1 and previous.speaker:
        candidates.append((previous.end, attrs.evolve(previous, rule="previous-quote")))
    for frame_unit, frame_paragraph, frame, identity in reversed(state.frames):
        if frame_unit < unit - _LOOK_BACK or frame_paragraph < paragraph - 1:
            break
        if frame_unit < unit:
            said = _Said(
                speaker=frame.speaker,
                identity=identity,
                channel=None,
                rule="previous-sentence",
                paragraph=frame_paragraph,
                unit=frame_unit,
                end=frame.verb.end,
            )
            candidates.append((frame.verb.end, said))
            break
    if not candidates:
        return None
    return max(candidates, key=lambda c: c[0])[1]


def extract_quotes(doc: bilatx.Document, extractor: str) -> list[bilatx.QuoteMention]:
    """Return a quote mention for every quotation in ``doc``, attributed where possible."""
    text = doc.text
    raws = find_quotations(text)
    if not raws:
        return []
    paragraph_starts = [start for start, _ in paragraph_spans(text)]
    spans = [(q.start, q.end) for q in raws]
    state = _State()
    found: list[bilatx.QuoteMention] = []
    ends = [q.end for q in raws]
    starts = [q.start for q in raws]
    for unit_index, (lo, hi) in enumerate(_units(doc.sentences(), raws)):
        # Only the quotations that touch this sentence.
        first = bisect.bisect_right(ends, lo)
        last = bisect.bisect_left(starts, hi)
        near = spans[first:last]
        tokens = tokenize(text, lo, hi, near, first)
        frames = find_frames(tokens, text)
        channels = find_channels(text, lo, hi, near)
        paragraph = bisect.bisect_right(paragraph_starts, lo) - 1
        identities = []
        for frame in frames:
            identity = _identity(frame.speaker, state)
            identities.append(identity)
            if frame.speaker.kind not in (SpeakerKind.PRONOUN, SpeakerKind.GROUP):
                state.agent = identity
        sentence = _Sentence(
            index=unit_index,
            paragraph=paragraph,
            tokens=tokens,
            frames=frames,
            identities=identities,
            channels=channels,
        )
        for index, token in enumerate(tokens):
            if token.kind is not Kind.QUOTE:
                continue
            raw = raws[token.quote]
            said = _read_quote(raw, index, sentence, state)
            state.previous = said
            found.append(_mention(doc, raw, said, extractor))
        _update_occasion(state, sentence, text)
        state.frames.extend(
            (unit_index, paragraph, frame, identity)
            for frame, identity in zip(frames, identities, strict=True)
        )
    return found


def _read_quote(raw: RawQuote, index: int, sentence: _Sentence, state: _State) -> _Said:
    """Attribute the quotation at ``sentence.tokens[index]``."""
    frames = sentence.frames
    unit = sentence.index
    paragraph = sentence.paragraph
    frame = _nearest_frame(frames, index)
    if frame is not None and frame.index < index:
        frame = _reporting_frame(frames, frame)
    verb = ""
    if frame is not None:
        identity = sentence.identities[frames.index(frame)]
        said = _Said(
            speaker=frame.speaker,
            identity=identity,
            channel=_nearest_channel(sentence.channels, frame),
            rule=frame.rule,
            paragraph=paragraph,
            unit=unit,
            end=raw.end,
        )
        verb = frame.verb.low
    elif raw.continues and state.previous is not None:
        said = attrs.evolve(
            state.previous, rule="multi-paragraph", paragraph=paragraph, unit=unit, end=raw.end
        )
    elif _opens_sentence(sentence.tokens, index):
        before = _look_back(state, unit, paragraph)
        if before is None:
            said = _Said(
                speaker=None,
                identity=frozenset(),
                channel=None,
                rule="unattributed",
                paragraph=paragraph,
                unit=unit,
                end=raw.end,
            )
        else:
            said = attrs.evolve(before, paragraph=paragraph, unit=unit, end=raw.end)
    else:
        said = _Said(
            speaker=None,
            identity=frozenset(),
            channel=None,
            rule="unattributed",
            paragraph=paragraph,
            unit=unit,
            end=raw.end,
        )
    occasion = state.occasion
    if (
        said.channel is None
        and said.speaker is not None
        and occasion is not None
        and (said.identity & occasion.identity or verb in REPLY_VERBS)
    ):
        said = attrs.evolve(said, channel=occasion.channel, rule=said.rule + ";occasion")
    return said


def _update_occasion(state: _State, sentence: _Sentence, text: str) -> None:
    """Open, keep or close the occasion later remarks may have been made at."""
    frames = sentence.frames
    identities = sentence.identities
    occasions = [c for c in sentence.channels if c.occasion]
    if occasions:
        channel = occasions[-1]
        identity: frozenset[str] = frozenset()
        best = None
        for frame, frame_identity in zip(frames, identities, strict=True):
            distance = abs(frame.verb.start - channel.start)
            if best is None or distance < best:
                best, identity = distance, frame_identity
        if not identity:
            # "At a news conference, Okafor defended the cut": no reporting
            # verb, but the sentence's subject is the one at the occasion.
            subject = subject_of(sentence.tokens, text)
            if subject is not None:
                identity = _identity(subject, state)
        state.occasion = _Occasion(channel=channel, identity=identity or state.agent)
        return
    occasion = state.occasion
    if occasion is None:
        return
    for frame, identity in zip(frames, identities, strict=True):
        if frame.verb.low in REPLY_VERBS:
            continue
        if identity and not identity & occasion.identity:
            state.occasion = None
            return
