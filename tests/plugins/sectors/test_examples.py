"""The sectors plugin on sentences written for these tests."""

from __future__ import annotations

import pytest

import bilatx
import bilatx_sectors
from bilatx.testing import check_mentions, pipeline_with

PIPELINE = pipeline_with(bilatx_sectors)
# Two countries and a word of relations: what makes a text bilateral.
FRAME = "Ghana and Norway held talks in Accra on Monday. {}"


def sectors(sentence: str, *, frame: str = FRAME) -> list[str]:
    doc = bilatx.Document(text=frame.format(sentence))
    found = check_mentions(PIPELINE.extract_sectors(doc), doc)
    return [m.sector for m in found if isinstance(m, bilatx.SectorMention)]


@pytest.mark.parametrize(
    ("sentence", "sector"),
    [
        ("They agreed to expand defence cooperation and hold joint exercises.", "defence"),
        ("Both sides pledged to fight terrorism and cyber threats.", "security"),
        ("Norway will supply more LNG to Ghana from next year.", "energy"),
        ("They signed a civil nuclear agreement.", "nuclear"),
        ("Their space agencies will launch a joint satellite.", "space"),
        ("Bilateral trade rose by a third.", "trade"),
        ("They discussed payments in local currencies.", "finance"),
        ("Norwegian investors plan a joint venture in Tema.", "investment"),
        ("A new shipping line and better port links were agreed.", "connectivity"),
        ("An air services agreement will allow direct flights.", "civil_aviation"),
        ("Ghana wants to sell more cocoa and agricultural products.", "agriculture"),
        ("A Norwegian firm will make generic medicines and other pharmaceuticals there.",
         "pharmaceuticals"),
        ("They agreed to cooperate on public health and vaccines.", "health"),
        ("The two countries will work together on artificial intelligence.", "information_technology"),
        ("A science and technology pact was renewed.", "science_technology"),
        ("Norway will export engineering services and machinery.", "engineering"),
        ("A car manufacturing plant is planned.", "manufacturing"),
        ("They discussed critical minerals and lithium mining.", "mining"),
        ("Norway will fund infrastructure projects in the north.", "infrastructure"),
        ("A cultural festival will celebrate people-to-people ties.", "culture"),
        ("More scholarships will bring students to Norwegian universities.", "education"),
        ("Both sides want to ease visas and boost tourism.", "tourism"),
        ("They reaffirmed their commitment to fight climate change.", "climate"),
        ("They stressed maritime security in the Gulf of Guinea.", "maritime"),
    ],
)  # fmt: skip
def test_each_sector(sentence: str, sector: str) -> None:
    assert sector in sectors(sentence)


def test_spans_and_provenance() -> None:
    doc = bilatx.Document(text=FRAME.format("They agreed to boost trade and tourism."))
    found = PIPELINE.extract_sectors(doc)
    assert [(m.text, m.sector, m.extractor) for m in found] == [
        ("trade", "trade", "sectors"),
        ("tourism", "tourism", "sectors"),
    ]


def test_longest_phrase_wins() -> None:
    assert sectors("They discussed energy security.") == ["energy"]
    assert sectors("They discussed food security.") == ["agriculture"]
    assert sectors("They oppose nuclear weapons.") == ["nuclear"]
    assert sectors("They discussed maritime security.") == ["maritime"]


def test_stop_phrases_name_nothing() -> None:
    assert sectors("They discussed peace and security in the region.") == []
    assert sectors("The talks served national security.") == []
    assert sectors("The Security Council met.") == []


def test_names_of_institutions_and_offices_are_not_sectors() -> None:
    assert sectors("Trade Minister Lena Voss arrived.") == []
    assert sectors("She visited the Accra Industry and Trade exhibition.") == []
    assert sectors("The Ministry of Agriculture hosted the delegation.") == []
    assert sectors("Officials of the Department of Health and Human Services came.") == []
    assert sectors("The Oslo Energy Forum opened.") == []


def test_a_sector_word_starting_a_sentence_still_counts() -> None:
    assert sectors("Trade grew by a third last year.") == ["trade"]


def test_a_weak_word_needs_a_sentence_about_cooperation() -> None:
    assert sectors("The minister took two flights to get there.") == []
    assert sectors("Both sides agreed to add more flights.") == ["civil_aviation"]
    assert sectors("A new road was opened in the capital.") == []
    assert sectors("They agreed to build a road to the border.") == ["connectivity"]


def test_a_capitalised_weak_word_mid_sentence_is_a_name() -> None:
    assert sectors("They agreed on the Coastal Flights programme.") == []


def test_words_are_whole_words() -> None:
    assert sectors("They want innovation-driven growth and a trade-related fund.") == []
    assert sectors("The oilfield deal was signed.") == []


def test_acronyms_are_case_sensitive() -> None:
    assert sectors("They agreed to cooperate in IT and AI.") == ["information_technology"] * 2
    assert sectors("They agreed it was time to cooperate.") == []
    assert sectors("The aid programme aids AIDS research.") == ["health"]


def test_a_domestic_text_has_no_sectors() -> None:
    only_one = "Ghana's farmers expect a good harvest and more trade, the ministry said."
    assert sectors(only_one, frame="{}") == []
    no_relations = "Ghana and Norway both grow wheat. Prices of wheat rose."
    assert sectors(no_relations, frame="{}") == []
    related = "Ghana and Norway signed a deal to trade wheat."
    assert sectors(related, frame="{}") == ["trade", "agriculture"]


def test_empty_text() -> None:
    assert sectors("", frame="{}") == []
