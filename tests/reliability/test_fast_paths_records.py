"""Speed-ups of the records plugin must not change answers: each fast path against plain code."""

from __future__ import annotations

import unicodedata

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import bilatx
from bilatx.text import word_finditer
from bilatx_records import _common, _meetings, _model, _statements

# Letters that fold in interesting ways: accents, a ligature, the sharp s, a
# dotted capital I, the right quotation mark, and kinds of space.
_FOLD_CHARS = "aZé Ée\u0301ßİﬁ\u2019'\u00a0\t\n.-"


def _plain_fold(text: str) -> str:
    norm = unicodedata.normalize("NFKD", text)
    return " ".join("".join(c for c in norm if not unicodedata.combining(c)).casefold().split())


def _plain_statements_fold(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text)
    plain = "".join(c for c in decomposed if not unicodedata.combining(c))
    return plain.casefold().replace("\u2019", "'")


_FOLDABLE = (
    st.text(max_size=30)
    | st.text(alphabet=st.characters(max_codepoint=127), max_size=30)
    | st.text(alphabet=_FOLD_CHARS, max_size=30)
)


@given(_FOLDABLE)
def test_fold_matches_the_plain_fold(text: str) -> None:
    assert _common.fold(text) == _plain_fold(text)


@given(_FOLDABLE)
def test_statement_fold_matches_the_plain_fold(text: str) -> None:
    assert _statements._fold(text) == _plain_statements_fold(text)


# Venue names, pieces of them, and what may stand around them.
_VENUE_FILLER = (
    *("White", "House", "house", "WHITE HOUSE", "Palace", "Palaces", "Kremlinology"),
    *(" ", ", ", "the ", "_", "'s ", "x", "9", "\u00e9", "-", "\n"),
)
_VENUE_TEXT = st.lists(st.sampled_from(_common._venue_names() + _VENUE_FILLER), max_size=12)


@given(_VENUE_TEXT.map("".join))
def test_venue_matches_are_the_pattern_matches(text: str) -> None:
    found = [m.span() for m in _common._venue_matches(text)]
    assert found == [m.span() for m in _common._venue_re().finditer(text)]


def test_each_venue_alone_is_found() -> None:
    for name in _common._venue_names():
        for text in (name, f"met at the {name}.", f"x{name}", f"{name}s", f"_{name} {name}"):
            found = [m.span() for m in _common._venue_matches(text)]
            assert found == [m.span() for m in _common._venue_re().finditer(text)], text


_PLACE_TEXTS = (
    (
        "TOKYO, March 22 - U.S. Secretary of State Antony Blinken met Japanese Foreign Minister"
        " Yoshimasa Hayashi in Tokyo on Tuesday. In Washington, Blinken will meet Hayashi at the"
        " White House. Blinken flew to Seoul from Tokyo and met Park Jin in Seoul. Hayashi said"
        " the talks in Tokyo went well. Blinken then held talks in Canberra with Penny Wong."
        " After stops in Osaka and in Kyoto, Blinken held talks with Hayashi on Monday."
    ),
    (
        "Prime Minister Narendra Modi met President Joe Biden at the Oval Office in Washington"
        " on June 22. On the sidelines of the G20 summit in New Delhi, Modi met Chancellor Olaf"
        " Scholz. Modi will travel to Paris and to Berlin in July, and meet Scholz in Berlin."
        " Earlier, in March, he had talks with Emmanuel Macron of France at the Elysee Palace."
    ),
)


@pytest.fixture(scope="module")
def place_contexts(pipeline: bilatx.Pipeline) -> list[_common.Context]:
    out = []
    for text in _PLACE_TEXTS:
        result = pipeline.extract(text, published="2023-03-22")
        out.append(_common.Context(result.document, result.mentions))
    return out


@settings(suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.data())
def test_places_in_matches_a_fresh_context(
    place_contexts: list[_common.Context], data: st.DataObject
) -> None:
    # The shared context keeps what earlier windows looked up; a fresh one starts empty.
    ctx = data.draw(st.sampled_from(place_contexts))
    start = data.draw(st.integers(0, len(ctx.text)))
    end = data.draw(st.integers(start, len(ctx.text)))
    fresh = _common.Context(ctx.doc, ctx.mentions)
    assert ctx.places_in(start, end) == fresh.places_in(start, end)


def _plain_place(
    ctx: _common.Context, trigger: _model.Trigger, sentence: bilatx.Span
) -> tuple[str | None, str | None]:
    def governed(place: _common.Place) -> bool:
        if place.kind == "here":
            return True
        word = _common.governing_word(ctx.text, place.span.start, sentence.start)
        return word in _meetings._PLACE_WORDS

    topic = _meetings._TOPIC_RE.search(ctx.text, trigger.span.end, sentence.end)
    end = topic.start() if topic is not None else sentence.end
    after = [p for p in ctx.places_in(trigger.span.end, end) if p.is_destination and governed(p)]
    before = [
        p
        for p in ctx.places_in(sentence.start, trigger.span.start)
        if p.is_destination and governed(p)
    ]
    city = next((p for p in after if p.is_city), None) or next(
        (p for p in reversed(before) if p.is_city), None
    )
    if city is not None:
        return city.name, city.country
    country = next((p for p in after if p.kind == "country"), None)
    if country is None and _meetings._ELSEWHERE_RE.search(ctx.text, sentence.start, sentence.end):
        return _meetings._earlier_city(ctx, trigger)
    return None, country.country if country is not None else None


def test_meeting_place_matches_the_plain_reading(place_contexts: list[_common.Context]) -> None:
    checked = 0
    for ctx in place_contexts:
        for trigger in _model.find_triggers(ctx):
            sentence = ctx.around(trigger.span)
            expected = _plain_place(ctx, trigger, sentence)
            assert _meetings._place(ctx, trigger, sentence) == expected, trigger
            checked += expected != (None, None)
    assert checked >= 5


def _plain_around(ctx: _common.Context, span: bilatx.Span) -> bilatx.Span:
    sentence = ctx.sentence_at(span.start)
    return bilatx.Span(
        max(sentence.start, span.start - _common.REACH),
        max(span.end, min(sentence.end, span.end + _common.REACH)),
    )


@settings(suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.data())
def test_around_matches_the_plain_stretch(
    place_contexts: list[_common.Context], data: st.DataObject
) -> None:
    ctx = data.draw(st.sampled_from(place_contexts))
    for _ in range(3):  # asked again, the remembered stretch must still be right
        start = data.draw(st.integers(0, len(ctx.text)))
        span = bilatx.Span(start, data.draw(st.integers(start, len(ctx.text))))
        assert ctx.around(span) == _plain_around(ctx, span)


_DESCRIPTOR_PIECES = (
    *("official", "Officials", "SOURCES", "source", "spokesman", "Spokeswomen", "spokespeople"),
    *("diplomats", "envoy", "aides", "unofficial", "officialdom", "re", "s", "ing", "x", "1"),
    *(" ", "  ", "-", "_", "'", "\u2019", ".", ",", "\n", "\u00e9", "\u0301", "\u00a0"),
)


@given(st.lists(st.sampled_from(_DESCRIPTOR_PIECES) | st.text(max_size=3), max_size=20))
def test_descriptor_scan_finds_what_finditer_finds(pieces: list[str]) -> None:
    text = "".join(pieces)
    pattern = _statements._descriptor_pattern()
    expected = [m.span("head") for m in pattern.finditer(text)]
    assert [m.span("head") for m in word_finditer(pattern, text)] == expected
