"""Properties of the quotes plugin: generated quotations come back attributed; nothing crashes."""

from __future__ import annotations

import itertools
from typing import NamedTuple

from hypothesis import given
from hypothesis import strategies as st

import bilatx
import bilatx_quotes
from bilatx import strategies as bst
from bilatx.testing import check_contract, check_mentions, pipeline_with

PIPELINE = pipeline_with(bilatx_quotes)

# Words of quotations and filler. None is a name, a title, a channel word or
# a quotation mark; the quotation words include reporting verbs on purpose,
# since nothing inside a quotation may be read as an attribution.
_QUOTE_WORDS = (
    "we", "will", "work", "together", "said", "told", "our", "partners", "trade", "is",
    "growing", "and", "the", "talks", "went", "well", "he", "she", "minister", "added",
    "according", "to", "plan", "there", "more", "to", "do", "on", "energy", "farmers",
)  # fmt: skip
_FILLER_WORDS = (
    "the", "delegations", "met", "for", "two", "days", "and", "reviewed", "progress", "on",
    "a", "range", "of", "issues", "both", "sides", "want", "closer", "ties", "more",
    "meetings", "are", "planned", "later", "this", "year", "in", "the", "capital",
)  # fmt: skip
# (phrase after the verb, channel label)
_CHANNELS = (
    ("", None),
    (" in a post on X", "X"),
    (" at a press conference", "press conference"),
    (" at a news conference", "news conference"),
    (" in a joint statement", "joint statement"),
    (" in a statement", "statement"),
    (" in an interview", "interview"),
    (" in a television interview", "interview"),
    (" in a speech", "speech"),
    (" at a media briefing", "briefing"),
    (" in parliament", "parliament"),
)


def _sentence(words: tuple[str, ...]) -> st.SearchStrategy[str]:
    return st.lists(st.sampled_from(words), min_size=2, max_size=9).map(" ".join)


@st.composite
def quote_texts(draw: st.DrawFn) -> str:
    """One to three sentences, without the final full stop."""
    parts = draw(st.lists(_sentence(_QUOTE_WORDS), min_size=1, max_size=3))
    return ". ".join(p[0].upper() + p[1:] for p in parts)


@st.composite
def fillers(draw: st.DrawFn) -> str:
    sentences = draw(st.lists(_sentence(_FILLER_WORDS), max_size=3))
    return " ".join(s[0].upper() + s[1:] + "." for s in sentences)


class Case(NamedTuple):
    text: str
    quotes: tuple[str, ...]
    name: str
    channel: str | None


@st.composite
def attributed(draw: st.DrawFn) -> Case:
    """A quotation with an attribution and a channel, rendered into filler text."""
    person = draw(bst.officials(honorifics=st.none()))
    speaker = f"{person.title} {person.name}" if person.title else person.name
    phrase, channel = draw(st.sampled_from(_CHANNELS))
    quote = draw(quote_texts())
    verb = draw(st.sampled_from(("said", "added", "told reporters", "stressed")))
    if verb == "told reporters":
        phrase, channel = "", None
    left, right = draw(st.sampled_from((('"', '"'), ("\u201c", "\u201d"))))
    form = draw(st.integers(0, 3))
    quotes: tuple[str, ...]
    if form == 1 and verb == "told reporters":
        verb = "said"  # "said Okafor", never "told reporters Okafor"
    if form == 0:
        sentence = f"{left}{quote},{right} {speaker} {verb}{phrase}."
        quotes = (f"{quote},",)
    elif form == 1:
        sentence = f"{left}{quote},{right} {verb} {speaker}{phrase}."
        quotes = (f"{quote},",)
    elif form == 2:
        sentence = f"{speaker} {verb}{phrase}: {left}{quote}.{right}"
        quotes = (f"{quote}.",)
    else:
        second = draw(quote_texts())
        sentence = f"{left}{quote},{right} {speaker} {verb}{phrase}, {left}{second}.{right}"
        quotes = (f"{quote},", f"{second}.")
    before = draw(fillers())
    after = draw(fillers())
    glue = draw(st.sampled_from((" ", "\n", "\n\n")))
    text = glue.join(part for part in (before, sentence, after) if part)
    return Case(text=text, quotes=quotes, name=person.name, channel=channel)


@given(attributed())
def test_generated_quotations_come_back_with_speaker_text_and_channel(case: Case) -> None:
    doc = bilatx.Document(text=case.text)
    found = check_mentions(PIPELINE.extract_quotes(doc), doc)
    assert [q.quote for q in found] == list(case.quotes)  # type: ignore[union-attr]
    for mention in found:
        assert isinstance(mention, bilatx.QuoteMention)
        assert mention.speaker is not None
        assert mention.speaker.endswith(case.name)
        assert mention.channel == case.channel


@st.composite
def labelled(draw: st.DrawFn) -> Case:
    """A fact-sheet bullet 'Title Name: "..."' and bullets that go on quoting, in filler."""
    person = draw(bst.officials(honorifics=st.none()))
    speaker = f"{person.title} {person.name}" if person.title else person.name
    left, right = draw(st.sampled_from((('"', '"'), ("\u201c", "\u201d"))))
    bullet = draw(st.sampled_from(("", "- ", "\u2022 ", "* ")))
    quotes = tuple(f"{q}." for q in draw(st.lists(quote_texts(), min_size=1, max_size=3)))
    lines = [f"{bullet}{speaker}: {left}{quotes[0]}{right}"]
    lines.extend(f"{bullet}{left}{q}{right}" for q in quotes[1:])
    glue = draw(st.sampled_from(("\n", "\n\n")))
    before = draw(fillers())
    text = glue.join(part for part in (before, *lines) if part)
    return Case(text=text, quotes=quotes, name=person.name, channel=None)


@given(labelled())
def test_labelled_bullets_and_their_continuations_come_back_with_the_speaker(case: Case) -> None:
    doc = bilatx.Document(text=case.text)
    found = check_mentions(PIPELINE.extract_quotes(doc), doc)
    assert [q.quote for q in found] == list(case.quotes)  # type: ignore[union-attr]
    for mention in found:
        assert isinstance(mention, bilatx.QuoteMention)
        assert mention.speaker is not None
        assert mention.speaker.endswith(case.name)


_MARKS = ('"', "\u201c", "\u201d", "\u2018", "\u2019", "'", "\u00ab", "\u00bb", "``", "''")
_TOKENS = (
    *_MARKS, "said", "he", "she", "Okafor", "Voss", "Minister", "according to", ",", ".", ":",
    "\n", "\n\n", " ", "in a post on X", "at a press conference", "told", "the", "one official",
    "(", ")", "-", "who", "was quoted by", "as saying", "replied", "ceremony",
)  # fmt: skip


@given(
    st.lists(st.one_of(st.sampled_from(_TOKENS), st.text(max_size=4)), max_size=60).map(" ".join)
)
def test_any_text_with_any_marks_gives_valid_mentions(text: str) -> None:
    doc = bilatx.Document(text=text)
    for mention in check_mentions(PIPELINE.extract_quotes(doc), doc):
        assert isinstance(mention, bilatx.QuoteMention)
        assert doc.slice(mention.quote_span) == mention.quote
        assert mention.span.contains(mention.quote_span)
        assert mention.quote.strip()
        if mention.speaker_span is not None:
            assert doc.slice(mention.speaker_span) == mention.speaker
        if mention.channel_span is not None:
            assert mention.channel


@given(st.text(alphabet=st.sampled_from("\"\u201c\u201d'\u2018\u2019ab .,\n"), max_size=200))
def test_any_arrangement_of_marks_never_overlaps(text: str) -> None:
    doc = bilatx.Document(text=text)
    found = PIPELINE.extract_quotes(doc)
    spans = sorted(q.span for q in found)
    for first, second in itertools.pairwise(spans):
        assert first.end <= second.start


def test_contract() -> None:
    check_contract(bilatx_quotes)
