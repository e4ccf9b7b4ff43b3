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
    assert sectors("The turmoil over the deal eased.") == []


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


# ------------------------------------------- words with a second meaning


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # "defence of" an abstract good is no military matter.
        ("Both leaders spoke up for the defence of democratic values.", []),
        ("They agreed to expand defence cooperation.", ["defence"]),
        # An engineering office is a workplace, not the engineering trade.
        ("Under the deal a Norwegian firm will open an engineering centre in Kumasi.", []),
        ("The deal covers engineering and machinery.", ["engineering", "engineering"]),
        # Telecom connectivity is information technology, not transport.
        ("They agreed to improve mobile connectivity in rural areas.", ["information_technology"]),
        ("They agreed to improve connectivity between their ports.", ["connectivity", "connectivity"]),
        # AI infrastructure is computing, not construction.
        ("They discussed investment in AI infrastructure.", ["investment", "information_technology"]),
        # "finance" the verb is no sector; the noun is.
        ("Norway agreed to finance a new hospital.", ["health"]),
        ("They discussed access to finance for small firms.", ["finance"]),
        # Traditional medicine is no pharmaceutical industry.
        ("They agreed to cooperate in traditional medicine.", []),
        # A named domestic policy or a building is a name.
        ("Both sides praised the New Education Policy of Ghana.", []),
        ("They held talks at the National Museum.", []),
        # Other second meanings.
        ("A think tank hosted the talks.", []),
        # "oil" and "port" count; "tank" and "farms" name no army and no farming.
        ("Cooperation on the oil tank farms of the port continued.", ["energy", "connectivity"]),
        ("The ruling alliance backed the cooperation pact with Norway.", []),
        ("The talks were held during the Lunar New Year holiday.", []),
        ("They agreed to trade more, and the minister met experts over tea.", ["trade"]),
        ("Exports to Norway, which do not include oil, rose after the talks.", ["trade"]),
    ],
)  # fmt: skip
def test_second_meanings(sentence: str, expected: list[str]) -> None:
    assert sectors(sentence) == expected


def test_a_bloc_policy_under_negotiation_still_names_its_area() -> None:
    assert sectors("They discussed the Common Agricultural Policy.") == ["agriculture"]
    assert sectors("They discussed the National Health Mission of Ghana.") == []


def test_a_person_named_like_a_crop_is_no_crop() -> None:
    assert sectors("Ambassador Lena Rice said the talks went well.") == []
    assert sectors("They agreed to double rice exports.") == ["agriculture", "trade"]


def test_acronyms_in_a_heading_written_in_capitals_are_words() -> None:
    assert sectors("GHANA SAYS IT IS TIME FOR TALKS", frame="Ghana and Norway met. {}") == []


def test_a_weak_word_owned_by_one_party_is_no_area() -> None:
    assert sectors("They discussed assistance for Ghana's security.") == []
    assert sectors("They agreed to work together on security.") == ["security"]


def test_a_weak_word_is_no_cue_for_itself() -> None:
    assert sectors("He underlined these vital investments.") == []
    assert sectors("They agreed on new investments.") == ["investment"]


def test_the_word_after_a_wire_service_us_is_not_a_name() -> None:
    text = "Ghana and the U.S. Held talks. They agreed that U.S. Banks would lend more."
    assert sectors(text, frame="{}") == ["finance"]


# --------------------------------------------- a country and a trading bloc


def test_trade_between_a_country_and_a_bloc_is_bilateral() -> None:
    text = (
        "Japanese car exports to the European Community rose by a fifth in March, "
        "adding to trade friction, and steel makers fear new quotas."
    )
    assert set(sectors(text, frame="{}")) == {"manufacturing", "trade", "mining"}


def test_a_bloc_named_the_community_is_a_party() -> None:
    text = "The Community may impose quotas on imports of Japanese cars, officials said."
    assert set(sectors(text, frame="{}")) == {"trade", "manufacturing"}


def test_capitals_stand_for_their_countries() -> None:
    text = "Friction between Accra and Oslo over fish quotas and tariffs grew."
    assert set(sectors(text, frame="{}")) == {"agriculture", "trade"}


def test_one_country_without_a_partner_still_has_no_sectors() -> None:
    text = "Ghana's farmers sold more cocoa and the ministry raised tariffs on steel."
    assert sectors(text, frame="{}") == []


# ---------------------------------------------------- security, unlisted


@pytest.mark.parametrize(
    "sentence",
    [
        "They discussed transatlantic security.",
        "They agreed to cooperate on security, including cyber.",
        "Both sides want closer cooperation in security.",
    ],
)
def test_security_with_any_qualifier(sentence: str) -> None:
    assert "security" in sectors(sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "They agreed that stability and security matter for the region.",
        "They discussed the regional security environment.",
        "Both sides agreed to respect each other's security interests.",
        "Security guards stood at the gates during the talks.",
    ],
)
def test_security_in_passing_is_no_area(sentence: str) -> None:
    assert sectors(sentence) == []


# --------------------------------------------- industries and other words


@pytest.mark.parametrize(
    ("sentence", "sector"),
    [
        ("They discussed tariffs on cars.", "manufacturing"),
        ("Carmakers from Norway plan a plant in Ghana under the deal.", "manufacturing"),
        ("They discussed tariffs on steel and aluminium.", "mining"),
        ("They agreed to cooperate on the environment.", "climate"),
        ("They launched an initiative on critical and emerging technologies.",
         "science_technology"),
        ("They discussed the appreciation of the yen.", "finance"),
        ("They discussed exchange-rate policy.", "finance"),
        ("They reaffirmed extended deterrence.", "defence"),
        ("Both sides agreed to strengthen the alliance.", "defence"),
        ("They agreed to cooperate against Covid-19.", "health"),
        ("They discussed the fight against fentanyl trafficking.", "security"),
        ("They agreed to speed up drug trafficking investigations.", "security"),
        ("The deal covers medical devices.", "pharmaceuticals"),
        ("They discussed carbon credits.", "climate"),
        ("They agreed to expand investments in Ghana.", "investment"),
    ],
)  # fmt: skip
def test_industries_and_synonyms(sentence: str, sector: str) -> None:
    assert sector in sectors(sentence)


def test_environment_as_a_setting_is_no_climate() -> None:
    assert sectors("They discussed the business environment.") == []
    assert sectors("They discussed the investment environment.") == ["investment"]
    assert sectors("The pact covers labor, environment and customs.") == ["trade"]


def test_braces_in_the_data_give_alternatives() -> None:
    from bilatx_sectors._lexicon import _expand

    assert _expand("{a|b} c(s)") == ["a c", "a cs", "b c", "b cs"]
    assert _expand("{the |}rule") == ["the rule", "rule"]
    with pytest.raises(ValueError, match="unclosed"):
        _expand("{a|b c")
