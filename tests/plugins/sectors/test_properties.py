"""Properties of the sectors plugin: every lexicon phrase is found in context; nothing crashes."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

import bilatx
import bilatx_sectors
from bilatx.testing import check_contract, check_mentions, pipeline_with
from bilatx_sectors._lexicon import lexicon

PIPELINE = pipeline_with(bilatx_sectors)
_LEXICON = lexicon()
# Every phrase with a sector, as it would be written in running text.
_PHRASES = sorted(
    (phrase, entry.sector)
    for phrase, entry in _LEXICON.entries.items()
    if entry.sector is not None and not phrase[:1].isupper()
)
_FILLER = (
    "the", "delegations", "met", "for", "two", "days", "and", "reviewed", "a", "range",
    "of", "issues", "both", "sides", "want", "closer", "ties", "more", "meetings", "are",
    "planned", "later", "this", "year", "in", "capital", "ministers", "spoke", "warmly",
)  # fmt: skip


def _sentence(words: list[str]) -> str:
    return " ".join(words).capitalize() + "."


def test_sector_ids_are_those_of_the_spec() -> None:
    assert set(_LEXICON.sectors) == {
        "defence", "security", "energy", "nuclear", "space", "trade", "finance", "investment",
        "connectivity", "civil_aviation", "agriculture", "pharmaceuticals", "health",
        "information_technology", "science_technology", "engineering", "manufacturing",
        "mining", "infrastructure", "culture", "education", "tourism", "climate", "maritime",
    }  # fmt: skip


@given(
    st.sampled_from(_PHRASES),
    st.lists(st.lists(st.sampled_from(_FILLER), min_size=3, max_size=8), max_size=3),
    st.sampled_from((" ", "\n", "\n\n")),
)
def test_every_phrase_names_its_sector_in_a_bilateral_text(
    item: tuple[str, str], filler: list[list[str]], glue: str
) -> None:
    phrase, sector = item
    sentence = f"Ghana and Norway agreed to expand cooperation in {phrase}."
    text = glue.join([*map(_sentence, filler), sentence])
    doc = bilatx.Document(text=text)
    found = check_mentions(PIPELINE.extract_sectors(doc), doc)
    start = text.index(sentence) + sentence.index(phrase)
    assert any(
        isinstance(m, bilatx.SectorMention)
        and m.sector == sector
        and m.span == bilatx.Span(start, start + len(phrase))
        for m in found
    ), (phrase, sector, found)


@given(st.lists(st.lists(st.sampled_from(_FILLER), min_size=3, max_size=10), max_size=6))
def test_text_without_sector_words_has_no_sectors(sentences: list[list[str]]) -> None:
    text = "Ghana and Norway held talks. " + " ".join(map(_sentence, sentences))
    assert PIPELINE.extract_sectors(bilatx.Document(text=text)) == ()


@given(
    st.lists(
        st.one_of(
            st.sampled_from([p for p, _ in _PHRASES[::7]]),
            st.sampled_from(("Ghana", "Norway", "talks", "Ministry", "of", "and", "Trade", ".")),
            st.text(max_size=5),
        ),
        max_size=40,
    ).map(" ".join)
)
def test_any_text_gives_valid_mentions(text: str) -> None:
    doc = bilatx.Document(text=text)
    for mention in check_mentions(PIPELINE.extract_sectors(doc), doc):
        assert isinstance(mention, bilatx.SectorMention)
        assert mention.sector in _LEXICON.sectors


def test_contract() -> None:
    check_contract(bilatx_sectors)
