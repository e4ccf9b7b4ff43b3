"""The quotes plugin on sentences written for these tests, one pattern at a time."""

from __future__ import annotations

import pytest

import bilatx
import bilatx_quotes
from bilatx.testing import check_mentions, pipeline_with

PIPELINE = pipeline_with(bilatx_quotes)


def quotes(text: str) -> list[bilatx.QuoteMention]:
    doc = bilatx.Document(text=text, published="2024-03-04")
    found = PIPELINE.extract_quotes(doc)
    check_mentions(found, doc)
    return list(found)


def only(text: str) -> bilatx.QuoteMention:
    (found,) = quotes(text)
    return found


# ------------------------------------------------------------------ marks


def test_straight_marks() -> None:
    q = only('"We will double our trade by 2030," Foreign Minister Amara Okafor said.')
    assert q.quote == "We will double our trade by 2030,"
    assert q.speaker == "Foreign Minister Amara Okafor"
    assert q.text == '"We will double our trade by 2030,"'
    assert q.span.start == 0


def test_spaces_typed_inside_the_marks_are_not_quoted() -> None:
    q = only('Okafor said, " We will double our trade. " Then she left.')
    assert q.quote == "We will double our trade."
    assert q.quote_span.end - q.quote_span.start == len(q.quote)


def test_curly_marks_and_inverted_attribution() -> None:
    q = only("\u201cThe talks were frank and useful,\u201d said Lena Voss.")
    assert q.quote == "The talks were frank and useful,"
    assert q.speaker == "Lena Voss"


def test_mixed_marks_pair_up() -> None:
    q = only('Voss said, "The ports deal is signed\u2026\u201d')
    assert q.quote == "The ports deal is signed\u2026"
    assert q.speaker == "Voss"


def test_partial_quote_inside_a_sentence() -> None:
    q = only(
        "Okafor described the meeting as \u201cvery productive\u201d and left for the airport."
    )
    assert q.quote == "very productive"
    assert q.speaker == "Okafor"


def test_quote_split_by_its_attribution_gives_two_quotes() -> None:
    first, second = quotes(
        '"The visit went well," Okafor said, "and we agreed to meet again in May."'
    )
    assert first.quote == "The visit went well,"
    assert second.quote == "and we agreed to meet again in May."
    assert first.speaker == second.speaker == "Okafor"


def test_quote_running_over_paragraphs() -> None:
    text = (
        'Voss said: "Our grain exports have recovered this year.\n\n'
        '"We now want the same for fertilisers."\n'
    )
    first, second = quotes(text)
    assert first.quote == "Our grain exports have recovered this year."
    assert second.quote == "We now want the same for fertilisers."
    assert first.speaker == second.speaker == "Voss"
    assert "multi-paragraph" in second.rule


def test_nested_quote_stays_inside() -> None:
    q = only("\u201cThey told us \u2018the door is open\u2019 on visas,\u201d Okafor said.")
    assert q.quote == "They told us \u2018the door is open\u2019 on visas,"
    assert q.speaker == "Okafor"


def test_nested_curly_inside_straight() -> None:
    q = only('"He called it \u201ca turning point\u201d for the region," Voss said.')
    assert q.quote == "He called it \u201ca turning point\u201d for the region,"


def test_stray_opening_mark_does_not_swallow_the_rest() -> None:
    text = 'The envoy said "we are close to a deal. Okafor called the offer "generous" on Friday.'
    q = only(text)
    assert q.quote == "generous"
    assert q.speaker == "Okafor"


def test_unclosed_quote_at_paragraph_end_is_skipped_not_fatal() -> None:
    text = (
        'Voss said "the corridor will open soon.\nOfficials agreed. "Trade is up," Okafor said.\n'
    )
    found = quotes(text)
    assert [q.quote for q in found] == ["Trade is up,"]
    assert found[0].speaker == "Okafor"


def test_a_quotation_reopened_without_closing_is_kept_whole() -> None:
    q = only("\u201cThe corridor is open. \u201cNext we will add a rail link,\u201d Okafor said.")
    assert q.quote.startswith("The corridor is open.")
    assert q.quote.endswith("add a rail link,")
    assert q.speaker == "Okafor"


def test_an_opening_mark_typed_for_a_closing_one_closes() -> None:
    first, second = quotes(
        "\u201cWe stand together,\u201c Voss said. \u201cOur ports are open to you.\u201d"
    )
    assert (first.quote, first.speaker) == ("We stand together,", "Voss")
    assert (second.quote, second.speaker) == ("Our ports are open to you.", "Voss")


def test_a_nested_quotation_in_the_same_marks_stays_inside() -> None:
    q = only('"She called the pact "a fair bargain" for farmers," Okafor said.')
    assert q.quote == 'She called the pact "a fair bargain" for farmers,'
    assert q.speaker == "Okafor"


def test_stray_closing_mark_is_ignored() -> None:
    q = only('The minister left.\u201d Later, "We signed," Okafor said.')
    assert q.quote == "We signed,"


def test_marks_around_a_symbol_are_not_a_quotation() -> None:
    assert quotes("They set up an Economic \u201c2+2\u201d dialogue.") == []


def test_single_quotes_as_quotation_marks() -> None:
    q = only("\u2018We will not give up our farmers\u2019 interests,\u2019 Okafor said.")
    assert q.quote == "We will not give up our farmers\u2019 interests,"
    assert q.speaker == "Okafor"


def test_apostrophes_are_not_quotations() -> None:
    assert quotes("Okafor's team met Voss' aides at the ministers' hotel.") == []


# --------------------------------------------------------------- speakers


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ('"Trade is booming," Okafor told reporters.', "Okafor"),
        ('"Trade is booming," according to Okafor.', "Okafor"),
        ('Okafor wrote on X: "Trade is booming."', "Okafor"),
        ('Okafor tweeted: "Trade is booming."', "Okafor"),
        ('In a post on X, she noted that "trade is booming".', "she"),
        ('Okafor emphasised that "trade is booming".', "Okafor"),
        ('"Trade is booming," Okafor, 61, said.', "Okafor"),
        ('"Trade is booming," Okafor, who arrived on Sunday, said.', "Okafor"),
        ('"Trade is booming," Okafor also said on Monday.', "Okafor"),
        ('Okafor on March 2 said "trade is booming".', "Okafor"),
        ('Okafor on Tuesday said "trade is booming".', "Okafor"),
        ('"Trade is booming," Ghana\'s Okafor said last night.', "Ghana's Okafor"),
        ('"Trade is booming," said trade minister Kwame Mensah.', "trade minister Kwame Mensah"),
        ('On Friday, Okafor had said, "Trade is booming."', "Okafor"),
        ('Speaking in Accra, Okafor set out her view, saying: "Trade is booming."', "Okafor"),
        ('Okafor was quoted by the agency as saying "trade is booming".', "Okafor"),
        ('The ministry quoted Okafor as saying "trade is booming".', "Okafor"),
        ('Okafor (left) said "trade is booming".', "Okafor"),
        (
            '"Trade is booming," warned Foreign Ministry spokesman Kwame Mensah.',
            "Foreign Ministry spokesman Kwame Mensah",
        ),
        ('"Trade is booming," a spokesman said.', "a spokesman"),
        ('"Trade is booming," one senior official said.', "one senior official"),
        ('"Trade is booming," the minister added.', "the minister"),
    ],
)
def test_speaker_forms(text: str, speaker: str) -> None:
    q = only(text)
    assert q.quote.strip(",. ").lower() == "trade is booming"
    assert q.speaker == speaker
    assert q.speaker_span is not None
    assert text[q.speaker_span.start : q.speaker_span.end] == speaker


@pytest.mark.parametrize("possessive", ["President Okafor's", "President Okafor\u2019s"])
def test_a_possessive_is_not_the_subject_that_speaks(possessive: str) -> None:
    text = f'{possessive} recent visit added "new energy" to the ties.'
    assert only(text).speaker is None


def test_the_reporter_speaks_not_the_group_reported_on() -> None:
    q = only('Okafor told reporters that both sides had agreed to "double trade by 2030".')
    assert q.speaker == "Okafor"


def test_two_speakers_in_one_sentence_each_get_their_own() -> None:
    first, second = quotes('Okafor said "yes to the pact" while Voss said "not yet".')
    assert (first.speaker, second.speaker) == ("Okafor", "Voss")


def test_a_following_quote_without_verb_keeps_the_speaker() -> None:
    first, second = quotes('"We are ready," Voss said. "The rest is up to them."')
    assert first.speaker == second.speaker == "Voss"
    assert second.rule.startswith("previous-")


def test_a_quote_paragraph_takes_the_speaker_of_the_sentence_before() -> None:
    text = "Okafor said her visit had opened doors.\n\n\u201cWe will be back in June.\u201d\n"
    q = only(text)
    assert q.speaker == "Okafor"
    assert q.rule == "previous-sentence"


def test_a_labelled_bullet_names_its_speaker_and_the_next_ones_continue() -> None:
    text = (
        "Remarks at the signing of the Ghana-Norway ports pact:\n\n"
        "- Foreign Minister Amara Okafor: \u201cThis pact opens our ports to Norway.\u201d\n"
        "- \u201cOur fishermen will gain the most.\u201d\n\n"
        "\u201cWe thank our hosts.\u201d\n"
        "\u2022 Voss: \u201cA fair deal for both sides.\u201d\n"
        'Prime Minister Okafor: "We meet again in May."\n'
    )
    found = quotes(text)
    assert [(q.quote, q.speaker) for q in found] == [
        ("This pact opens our ports to Norway.", "Foreign Minister Amara Okafor"),
        ("Our fishermen will gain the most.", "Foreign Minister Amara Okafor"),
        ("We thank our hosts.", "Foreign Minister Amara Okafor"),
        ("A fair deal for both sides.", "Voss"),
        ("We meet again in May.", "Prime Minister Okafor"),
    ]
    assert [q.rule for q in found][:2] == ["label", "previous-quote"]


def test_a_label_may_give_the_office_after_the_name() -> None:
    q = only("- Amara Okafor, Prime Minister of Ghana: \u201cWe are proud of this day.\u201d")
    assert (q.speaker, q.rule) == ("Amara Okafor", "label")


def test_a_colon_inside_a_sentence_is_no_label() -> None:
    q = only('They signed a pact with Ghana: "a new dawn for trade".')
    assert q.speaker is None


def test_a_quote_without_any_attribution_has_no_speaker() -> None:
    q = only("\u201cA new chapter\u201d was the headline in every paper.")
    assert q.speaker is None
    assert q.speaker_span is None


def test_a_capitalised_verb_inside_a_name_is_no_verb() -> None:
    q = only('Trade with the United States, "a vital partner", keeps growing.')
    assert q.speaker is None


# --------------------------------------------------------------- channels


@pytest.mark.parametrize(
    ("text", "channel"),
    [
        ('"Trade is booming," Okafor wrote on X.', "X"),
        ('In a post on X (formerly Twitter), Okafor said, "Trade is booming."', "X"),
        ('In a post on the social media platform X, Okafor said "trade is booming".', "X"),
        ('Okafor tweeted: "Trade is booming."', "Twitter"),
        ('Taking to X, Okafor wrote: "Trade is booming."', "X"),
        ('Okafor wrote on her official X handle: "Trade is booming."', "X"),
        ('Okafor took to Twitter to say "trade is booming".', "Twitter"),
        ('"Trade is booming," Okafor told a press conference.', "press conference"),
        ('"Trade is booming," Okafor told a news conference in Accra.', "news conference"),
        ('"Trade is booming," Okafor and Voss said in a joint statement.', "joint statement"),
        ('"Trade is booming," Okafor said in a statement.', "statement"),
        ('"Trade is booming," Okafor said in an interview with a local paper.', "interview"),
        ('"Trade is booming," Okafor said in a radio interview.', "interview"),
        ('In her speech, Okafor said "trade is booming".', "speech"),
        ('"Trade is booming," Okafor said in an address to students.', "address"),
        ('"Trade is booming," Okafor told a media briefing.', "briefing"),
        ('"Trade is booming," Okafor said in Parliament.', "Parliament"),
        ('"Trade is booming," Okafor said in the Lok Sabha.', "Lok Sabha"),
        (
            '"Trade is booming," Okafor said in a written reply to the Rajya Sabha.',
            "written reply to the Rajya Sabha",
        ),
        ('Okafor told the state Ghana News Agency: "Trade is booming."', "Ghana News Agency"),
        ('"Trade is booming," Okafor said at the signing ceremony.', "signing ceremony"),
        ('"Trade is booming," Okafor said at the ceremony.', None),
        ('"Trade is booming," Okafor told reporters.', None),
        ('Okafor condemned hate speech, calling it "a poison".', None),
    ],
)
def test_channels(text: str, channel: str | None) -> None:
    q = only(text)
    assert q.channel == channel
    if channel is None:
        assert q.channel_span is None
    else:
        assert q.channel_span is not None


def test_an_occasion_carries_on_for_the_same_speaker() -> None:
    text = (
        "At a news conference in Accra, Okafor defended the tariff cut.\n\n"
        '"It will pay for itself," she said.\n\n'
        '"Our exporters asked for it," Okafor added.\n'
    )
    first, second = quotes(text)
    assert first.channel == second.channel == "news conference"
    assert "occasion" in first.rule


def test_an_occasion_carries_on_to_a_reply() -> None:
    text = (
        "At a welcoming ceremony, Okafor hailed Ghana as \u201ca friend of forty years\u201d.\n"
        "\u201cWe feel the same,\u201d Voss replied.\n"
    )
    first, second = quotes(text)
    assert first.channel == second.channel == "welcoming ceremony"


def test_a_post_does_not_carry_on_to_the_next_remark() -> None:
    text = (
        '"We signed the pact," Okafor wrote on X.\n\n'
        'At home, Okafor emphasised that "the pact protects our farmers".\n'
    )
    first, second = quotes(text)
    assert first.channel == "X"
    assert second.channel is None


def test_another_speaker_closes_the_occasion() -> None:
    text = (
        'In an interview, Okafor said "prices will fall".\n'
        'Voss disagreed. "They will rise," Voss said.\n'
    )
    first, second = quotes(text)
    assert first.channel == "interview"
    assert second.channel is None


def test_quotes_in_an_empty_or_plain_text() -> None:
    assert quotes("") == []
    assert quotes("No quotation here at all.") == []
