"""Statements: quotations linked to officials, their channel and date.

The officials are given directly (every place their name or surname is
written), so these tests depend only on the quotes plugin and the statement
builder.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import NamedTuple

import pytest
from hypothesis import given
from hypothesis import strategies as st

import bilatx
from bilatx import strategies as bst
from bilatx_quotes._extract import extract_quotes
from bilatx_records._statements import build_statements


def person(text: str, name: str, title: str | None = None) -> bilatx.Official:
    surname = name.rsplit(maxsplit=1)[-1]
    spans = [
        bilatx.Span(*m.span())
        for form in {name, surname}
        for m in re.finditer(rf"(?<!\w){re.escape(form)}(?!\w)", text)
    ]
    return bilatx.Official(name=name, surname=surname, title=title, spans=spans)


def statements(
    text: str,
    people: list[tuple[str, str | None]],
    *,
    published: str | None = "2024-03-04",
    dates: tuple[bilatx.DateMention, ...] = (),
) -> list[bilatx.Statement]:
    doc = bilatx.Document(text=text, published=published)
    mentions = bilatx.Mentions(
        quotes=extract_quotes(doc, "quotes"),
        people=[person(text, name, title) for name, title in people],
        dates=dates,
    )
    return build_statements(doc, mentions)


OKAFOR = ("Amara Okafor", "Foreign Minister")
VOSS = ("Lena Voss", "Trade Minister")


def test_named_speaker_is_linked_to_the_official() -> None:
    text = '"Our trade doubled last year," Foreign Minister Amara Okafor said.'
    (s,) = statements(text, [OKAFOR, VOSS])
    assert s.speaker.surname == "Okafor"
    assert s.quote == "Our trade doubled last year,"
    assert text[s.quote_span.start : s.quote_span.end] == s.quote
    assert s.channel is None
    assert s.extractor == "records"


def test_the_official_nearest_the_verb_speaks() -> None:
    text = "\u201cWe will open the market,\u201d Okafor's deputy Lena Voss said."
    (s,) = statements(text, [OKAFOR, VOSS])
    assert s.speaker.surname == "Voss"


def test_surname_alone_finds_the_official() -> None:
    (s,) = statements('"Ports first," said Mr Okafor.', [OKAFOR])
    assert s.speaker.name == "Amara Okafor"


def test_pronoun_goes_to_the_subject_before_not_the_object() -> None:
    text = 'Okafor met Voss in Accra on Monday. "We agreed on grain," she said.'
    (s,) = statements(text, [OKAFOR, VOSS])
    assert s.speaker.surname == "Okafor"


def test_pronoun_follows_a_chain_of_pronouns() -> None:
    text = 'Okafor arrived on Sunday. She met Voss at noon. "It was useful," she said.'
    (s,) = statements(text, [OKAFOR, VOSS])
    assert s.speaker.surname == "Okafor"


def test_pronoun_in_the_same_sentence_as_a_named_speaker() -> None:
    text = 'Trade must be "fair and open", Okafor said as she praised the "steady progress".'
    found = statements(text, [OKAFOR])
    assert {s.quote for s in found} == {"fair and open", "steady progress"}
    assert {s.speaker.surname for s in found} == {"Okafor"}


def test_pronoun_after_an_unnamed_speaker_gives_no_statement() -> None:
    text = 'Okafor left. "Prices are high," one official said. "We will act," he added.'
    assert statements(text, [OKAFOR]) == []


def test_he_added_goes_to_the_speaker_of_the_quotation_before() -> None:
    text = (
        "Speaking in Accra after talks with her counterpart, Lena Voss, Okafor said "
        '"trade is growing". She added: "We will meet again."'
    )
    found = statements(text, [OKAFOR, VOSS])
    assert {(s.speaker.surname, s.quote) for s in found} == {
        ("Okafor", "trade is growing"),
        ("Okafor", "We will meet again."),
    }


def test_a_possessive_is_not_the_subject_a_pronoun_goes_back_to() -> None:
    text = 'After Voss\'s call, Okafor flew home. "It went well," she said.'
    (s,) = statements(text, [OKAFOR, VOSS])
    assert s.speaker.surname == "Okafor"


def test_a_named_speaker_without_office_is_not_replaced_by_an_official() -> None:
    text = (
        '"Please help my father," Nadia Rahimi wrote to the minister on Monday. '
        "After Okafor's reply, Rahimi thanked her. "
        '"You are kind," she said.'
    )
    found = statements(text, [OKAFOR])
    assert {(s.speaker.surname, s.quote) for s in found} == {
        ("Rahimi", "Please help my father,"),
        ("Rahimi", "You are kind,"),
    }


def test_a_bare_unknown_surname_speaker_is_nobody_an_official_stands_for() -> None:
    text = (
        '"Please help my father," Rahimi wrote to the minister on Monday. '
        "After Okafor's reply, Rahimi thanked her. "
        '"You are kind," she said.'
    )
    assert statements(text, [OKAFOR]) == []


def test_he_in_the_opening_sentence_is_its_subject() -> None:
    text = (
        'Foreign Minister Amara Okafor said the talks were "useful", and she said Voss agreed.'
        '\n"We will meet again," she said.'
    )
    found = statements(text, [OKAFOR, VOSS])
    assert {(s.speaker.surname, s.quote) for s in found} == {
        ("Okafor", "useful"),
        ("Okafor", "We will meet again,"),
    }


def test_a_named_person_without_office_speaks_for_themselves() -> None:
    text = (
        '"Prices will fall," said Rafiq Walji, a grain trader in Mombasa. '
        '"Buyers are nervous," Walji added. Okafor left. "We will act," she said.'
    )
    found = statements(text, [OKAFOR])
    assert {(s.speaker.surname, s.quote) for s in found} == {
        ("Walji", "Prices will fall,"),
        ("Walji", "Buyers are nervous,"),
        ("Okafor", "We will act,"),
    }
    walji = next(s.speaker for s in found if s.speaker.surname == "Walji")
    assert (walji.name, walji.title, walji.country) == ("Rafiq Walji", None, None)


@pytest.mark.parametrize(
    "speaker",
    ["Reuters", "Toshiba", "A Toshiba executive", "Following Ministerial talks", "Kenya"],
)
def test_companies_agencies_and_openers_are_no_named_speakers(speaker: str) -> None:
    assert statements(f'"Demand is weak," {speaker} said.', [OKAFOR]) == []


def test_people_named_inside_a_quotation_are_not_antecedents() -> None:
    text = 'Okafor spoke first.\n"I met Voss today. He agreed," she said.'
    (s,) = statements(text, [OKAFOR, VOSS])
    assert s.speaker.surname == "Okafor"


def test_unnamed_speakers_give_no_statement() -> None:
    for speaker in ("a spokesman", "officials", "one senior diplomat", "the ministry"):
        assert statements(f'"No comment," {speaker} said.', [OKAFOR]) == []


def test_two_speakers_together_give_no_statement() -> None:
    assert statements('Okafor and Voss said: "We agree."', [OKAFOR, VOSS]) == []


def test_two_people_discussing_a_quoted_phrase_give_no_statement() -> None:
    text = "Okafor and Voss discussed the \u201cnew chapter\u201d in their ties."
    assert statements(text, [OKAFOR, VOSS]) == []


def test_labelled_bullets_and_their_continuations_are_the_official_s() -> None:
    text = (
        "Leaders spoke at the launch of the partnership.\n"
        "- Foreign Minister Amara Okafor: \u201cThis is a good day for Ghana.\u201d\n"
        "- \u201cWe will double our exports of cocoa.\u201d\n"
        "- Trade Minister Lena Voss: \u201cNorway stands ready.\u201d\n"
    )
    found = statements(text, [OKAFOR, VOSS])
    assert [(s.speaker.surname, s.quote) for s in found] == [
        ("Okafor", "This is a good day for Ghana."),
        ("Okafor", "We will double our exports of cocoa."),
        ("Voss", "Norway stands ready."),
    ]


def test_a_reopened_quotation_keeps_its_first_sentence() -> None:
    text = '"Trade is up. "Investment will follow," Okafor said.'
    (s,) = statements(text, [OKAFOR])
    assert s.speaker.surname == "Okafor"
    assert s.quote.startswith("Trade is up.")


def test_a_bare_title_goes_to_the_one_official_holding_it() -> None:
    text = (
        "Foreign Minister Amara Okafor met Trade Minister Lena Voss. "
        '"We agreed," the foreign minister said.'
    )
    (s,) = statements(text, [OKAFOR, VOSS])
    assert s.speaker.surname == "Okafor"


def test_a_bare_title_two_officials_share_is_left_alone() -> None:
    text = 'Okafor met Voss on Monday. "We agreed," the minister said.'
    assert statements(text, [("Amara Okafor", "Minister"), ("Lena Voss", "Minister")]) == []


def test_the_same_words_twice_give_one_statement_with_the_channel() -> None:
    text = (
        'Okafor promised a "fair deal" for farmers. '
        'A "fair deal" was on offer, Okafor told parliament.'
    )
    (s,) = statements(text, [OKAFOR])
    assert s.quote == "fair deal"
    assert s.channel == "parliament"


def test_channel_comes_from_the_quote() -> None:
    (s,) = statements('"Trade is up," Okafor wrote on X.', [OKAFOR])
    assert s.channel == "X"


def test_date_in_the_same_sentence() -> None:
    text = '"Trade is up," Okafor said on March 2.'
    start = text.index("March 2")
    date = bilatx.DateMention(
        span=bilatx.Span(start, start + 7),
        text="March 2",
        value=bilatx.DateValue(2024, 3, 2),
        granularity="day",
        extractor="test",
    )
    (s,) = statements(text, [OKAFOR], dates=(date,))
    assert s.date == bilatx.DateValue(2024, 3, 2)


def test_the_date_beside_the_verb_wins_over_a_dateline() -> None:
    text = 'ACCRA, March 1 - Okafor on March 2 said trade was "booming".'

    def date(written: str, day: int) -> bilatx.DateMention:
        start = text.index(written)
        return bilatx.DateMention(
            span=bilatx.Span(start, start + len(written)),
            text=written,
            value=bilatx.DateValue(2024, 3, day),
            granularity="day",
            extractor="test",
        )

    (s,) = statements(text, [OKAFOR], dates=(date("March 1", 1), date("March 2", 2)))
    assert s.date == bilatx.DateValue(2024, 3, 2)


def test_a_date_inside_the_quotation_is_not_the_statement_date() -> None:
    text = '"We met on March 2," Okafor said.'
    start = text.index("March 2")
    date = bilatx.DateMention(
        span=bilatx.Span(start, start + 7),
        text="March 2",
        value=bilatx.DateValue(2024, 3, 2),
        granularity="day",
        extractor="test",
    )
    (s,) = statements(text, [OKAFOR], dates=(date,))
    assert s.date is None


def test_a_remark_reported_as_current_takes_the_publication_date() -> None:
    (s,) = statements('"Trade is up," Okafor said today.', [OKAFOR], published="2024-03-04")
    assert s.date == bilatx.DateValue.from_date(dt.date(2024, 3, 4))
    (s,) = statements('"Trade is up," Okafor says.', [OKAFOR], published="2024-03-04")
    assert s.date == bilatx.DateValue(2024, 3, 4)
    (s,) = statements('"Trade is up," Okafor said.', [OKAFOR], published="2024-03-04")
    assert s.date is None


def test_nothing_without_people_or_quotes() -> None:
    assert statements('"Trade is up," Okafor said.', []) == []
    assert statements("Okafor said trade is up.", [OKAFOR]) == []


# -------------------------------------------------------------- properties

_WORDS = ("we", "agreed", "to", "expand", "trade", "and", "energy", "ties", "the", "talks")


class Case(NamedTuple):
    text: str
    speaker: bilatx.Official
    other: bilatx.Official
    quote: str
    named: bool


@st.composite
def cases(draw: st.DrawFn) -> Case:
    """A quotation by one of two officials: named, by pronoun or by bare title."""
    people = draw(
        st.lists(
            bst.officials(honorifics=st.none(), countries=st.none()),
            min_size=2,
            max_size=2,
            unique_by=lambda p: p.surname,
        )
    )
    speaker, other = people
    words = draw(st.lists(st.sampled_from(_WORDS), min_size=1, max_size=8))
    quote = " ".join(words).capitalize()
    form = draw(st.sampled_from(("named", "pronoun", "spokesman")))
    intro = f"{speaker.name} met {other.name} in the capital."
    if form == "named":
        text = f'{intro} "{quote}," {speaker.surname} said.'
    elif form == "pronoun":
        pronoun = draw(st.sampled_from(("he", "she")))
        text = f'{intro}\n"{quote}," {pronoun} said.'
    else:
        text = f'{intro} "{quote}," a spokesman said.'
    return Case(
        text=text, speaker=speaker, other=other, quote=quote + ",", named=form != "spokesman"
    )


@given(cases())
def test_generated_statements_name_the_right_official(case: Case) -> None:
    people = [
        (case.speaker.name, case.speaker.title),
        (case.other.name, case.other.title),
    ]
    found = statements(case.text, people)
    if not case.named:
        assert found == []
        return
    (s,) = found
    assert s.speaker.surname == case.speaker.surname
    assert s.quote == case.quote


@given(st.text(alphabet=st.sampled_from('"\u201c\u201dab .,\nHeShe said Voss'), max_size=120))
def test_any_text_gives_valid_statements(text: str) -> None:
    for s in statements(text, [("Lena Voss", None)]):
        assert text[s.quote_span.start : s.quote_span.end] == s.quote
        assert s.speaker.surname == "Voss"
