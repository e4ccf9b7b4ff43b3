"""Meeting records: triggers, participants, dates, places, forms and topics.

The tests feed the records plugin hand-built mentions (see ``conftest.py``)
so they test the meeting logic alone; one end-to-end test runs the pipeline.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import pytest
from hypothesis import given
from hypothesis import strategies as st

import bilatx
from bilatx import MeetingForm

Visits = Callable[..., list[bilatx.Visit]]
Meetings = Callable[..., list[bilatx.Meeting]]
Annotated = Callable[..., tuple[bilatx.Document, bilatx.Mentions]]
Records = Callable[[bilatx.Document, bilatx.Mentions], list[bilatx.Record]]

PEOPLE = [
    ("Lena Voss", "Foreign Minister", "DEU"),
    ("Tomas Berg", "President", "NOR"),
    ("Ana Silva", "Prime Minister", "PRT"),
    ("Ravi Iyer", "External Affairs Minister", "IND"),
    ("Kwame Mensah", "Trade Minister", "GHA"),
]
CITIES = [("Oslo", "NOR"), ("Lisbon", "PRT"), ("Berlin", "DEU"), ("Accra", "GHA"), ("Pune", "IND")]
COUNTRIES = [("Norway", "NOR"), ("Portugal", "PRT"), ("Germany", "DEU"), ("India", "IND")]
TODAY = ("today", "2024-05-02")


def facts(**extra: object) -> dict[str, object]:
    base: dict[str, object] = {"people": PEOPLE, "cities": CITIES, "countries": COUNTRIES}
    base.update(extra)
    return base


def only(found: list[bilatx.Meeting]) -> bilatx.Meeting:
    assert len(found) == 1, found
    return found[0]


def names(meeting: bilatx.Meeting) -> list[str]:
    return [p.surname for p in meeting.participants]


# ----------------------------------------------------------------- triggers


@pytest.mark.parametrize(
    ("text", "form"),
    [
        ("Lena Voss met Tomas Berg in Oslo today.", MeetingForm.IN_PERSON),
        ("Lena Voss met with President Tomas Berg today in Oslo.", MeetingForm.IN_PERSON),
        ("Lena Voss held talks with Tomas Berg in Oslo today.", MeetingForm.IN_PERSON),
        ("Lena Voss had a long meeting with Tomas Berg in Oslo today.", MeetingForm.IN_PERSON),
        ("Lena Voss opened talks with Tomas Berg in Oslo today.", MeetingForm.IN_PERSON),
        ("Lena Voss spoke by phone with Tomas Berg today.", MeetingForm.PHONE),
        ("Lena Voss spoke with Tomas Berg today about fishing.", MeetingForm.PHONE),
        ("Lena Voss had a phone call with Tomas Berg today.", MeetingForm.PHONE),
        ("Lena Voss held a video conference with Tomas Berg today.", MeetingForm.VIDEO),
        ("Lena Voss met virtually today with Tomas Berg.", MeetingForm.VIDEO),
        ("Tomas Berg hosted Lena Voss in Oslo today.", MeetingForm.IN_PERSON),
        ("Tomas Berg received Lena Voss in Oslo today.", MeetingForm.IN_PERSON),
        (
            (
                "Lena Voss held a bilateral meeting with Tomas Berg today on the sidelines "
                "of the summit in Oslo."
            ),
            MeetingForm.IN_PERSON,
        ),
        ("Lena Voss held a summit with Tomas Berg in Oslo today.", MeetingForm.IN_PERSON),
        ("A call between Lena Voss and Tomas Berg took place today.", MeetingForm.PHONE),
        ("Lena Voss and Tomas Berg met in Oslo today.", MeetingForm.IN_PERSON),
        ("The Voss-Berg talks in Oslo today went well.", MeetingForm.IN_PERSON),
    ],
)
def test_meeting_triggers(meetings: Meetings, text: str, form: MeetingForm) -> None:
    meeting = only(meetings(text, published="2024-05-02", **facts(dates=[TODAY])))
    assert set(names(meeting)) == {"Voss", "Berg"}
    assert meeting.form is form
    assert meeting.date == bilatx.DateValue(2024, 5, 2)
    expected_place = "Oslo" if form is MeetingForm.IN_PERSON else None
    assert meeting.place == expected_place


def test_calling_on_someone_is_meeting_them(meetings: Meetings) -> None:
    text = "Ravi Iyer on Monday called on President Tomas Berg in Oslo."
    meeting = only(meetings(text, **facts(dates=[("Monday", "2024-05-06")])))
    assert names(meeting) == ["Iyer", "Berg"]
    assert (meeting.date, meeting.place, meeting.form) == (
        bilatx.DateValue(2024, 5, 6),
        "Oslo",
        MeetingForm.IN_PERSON,
    )
    assert meetings("Ravi Iyer called on Norway to cut tariffs.", **facts()) == []


def test_a_meeting_joined_to_an_arrival_shares_its_day(meetings: Meetings) -> None:
    text = "Ravi Iyer arrived in Oslo on Wednesday, and met President Tomas Berg."
    meeting = only(meetings(text, **facts(dates=[("Wednesday", "2024-05-08")])))
    assert (meeting.date, meeting.place) == (bilatx.DateValue(2024, 5, 8), "Oslo")


def test_a_summit_named_in_passing_does_not_keep_the_meetings_date(meetings: Meetings) -> None:
    text = (
        "Ravi Iyer held a bilateral meeting with Tomas Berg on the sidelines of the "
        "energy summit in Oslo on Saturday."
    )
    meeting = only(meetings(text, **facts(dates=[("Saturday", "2024-05-04")])))
    assert (meeting.date, meeting.place) == (bilatx.DateValue(2024, 5, 4), "Oslo")


def test_talks_before_an_event_do_not_take_the_datelines_day(meetings: Meetings) -> None:
    text = "OSLO, June 6 - Ravi Iyer ended his visit on Friday after talks with Tomas Berg."
    meeting = only(
        meetings(text, **facts(dates=[("June 6", "1987-06-06"), ("Friday", "1987-06-05")]))
    )
    assert meeting.date is None


def test_a_venue_names_the_city_even_inside_a_place_name(meetings: Meetings) -> None:
    text = "Ravi Iyer received President Tomas Berg at Hyderabad House today."
    meeting = only(meetings(text, **facts(dates=[TODAY], cities=[("Hyderabad", "IND"), *CITIES])))
    assert meeting.place == "New Delhi"


def test_spoke_today_with_is_a_call(meetings: Meetings) -> None:
    text = "Ravi Iyer spoke today with President Tomas Berg about fisheries."
    meeting = only(meetings(text, **facts(dates=[TODAY])))
    assert (meeting.form, meeting.date) == (MeetingForm.PHONE, bilatx.DateValue(2024, 5, 2))


def test_a_fronted_place_is_where_they_met(meetings: Meetings) -> None:
    meeting = only(meetings("In Oslo, Ravi Iyer met with President Tomas Berg.", **facts()))
    assert meeting.place == "Oslo"


def test_talks_planned_during_a_visit_take_its_city(meetings: Meetings) -> None:
    text = "Ravi Iyer will visit Oslo in June for talks with President Tomas Berg."
    meeting = only(meetings(text, **facts(dates=[("June", "2024-06")])))
    assert (names(meeting), meeting.place, meeting.date) == (["Iyer", "Berg"], "Oslo", None)


def test_hosting_several_guests_is_one_meeting(meetings: Meetings, visits: Visits) -> None:
    text = (
        "President Tomas Berg hosted Prime Minister Ana Silva of Portugal, Minister Ravi "
        "Iyer of India, and Minister Kwame Mensah of Ghana in Oslo today."
    )
    extra = facts(dates=[TODAY])
    meeting = only(meetings(text, **extra))
    assert names(meeting) == ["Berg", "Silva", "Iyer", "Mensah"]
    guests = {(v.visitor.surname, v.host) for v in visits(text, **extra)}
    assert guests == {("Silva", "NOR"), ("Iyer", "NOR"), ("Mensah", "NOR")}


def test_subject_first_then_the_people_met(meetings: Meetings) -> None:
    text = "On May 4, 2024, Ravi Iyer had a long meeting with Trade Minister Kwame Mensah in Accra."
    meeting = only(meetings(text, **facts(dates=[("May 4, 2024", "2024-05-04")])))
    assert names(meeting) == ["Iyer", "Mensah"]
    assert (meeting.date, meeting.place) == (bilatx.DateValue(2024, 5, 4), "Accra")


def test_a_list_of_people_met_is_one_meeting(meetings: Meetings) -> None:
    text = (
        "Lena Voss and Ravi Iyer met with President Tomas Berg, Prime Minister Ana Silva, "
        "and Trade Minister Kwame Mensah in Lisbon today."
    )
    meeting = only(meetings(text, **facts(dates=[TODAY])))
    assert names(meeting) == ["Voss", "Iyer", "Berg", "Silva", "Mensah"]


def test_the_purpose_of_the_meeting_ends_the_list(meetings: Meetings) -> None:
    text = "Lena Voss met today with Tomas Berg to discuss what Ana Silva proposed."
    meeting = only(meetings(text, **facts(dates=[TODAY])))
    assert names(meeting) == ["Voss", "Berg"]


def test_a_counterpart_is_met(meetings: Meetings) -> None:
    text = "Ravi Iyer also held separate talks with his Norwegian counterpart Tomas Berg."
    assert names(only(meetings(text, **facts()))) == ["Iyer", "Berg"]


def test_people_only_mentioned_do_not_meet(meetings: Meetings) -> None:
    assert meetings("Lena Voss praised Tomas Berg for his work.", **facts()) == []
    assert meetings("Lena Voss welcomed the summit Tomas Berg proposed.", **facts()) == []
    assert meetings("Lena Voss held talks with officials in Oslo.", **facts()) == []
    assert meetings("Lena Voss spoke to reporters in Berlin.", **facts()) == []


def test_a_delegation_with_unnamed_hosts_is_no_meeting(meetings: Meetings) -> None:
    text = "A team headed by Lena Voss and Ravi Iyer will hold talks with bankers in Oslo."
    assert meetings(text, **facts()) == []


def test_a_bare_meeting_noun_takes_the_storys_protagonist(meetings: Meetings) -> None:
    text = (
        "Today, Lena Voss met in Lisbon with the country's leaders. In a meeting with "
        "Prime Minister Ana Silva and then a session with President Tomas Berg, they agreed."
    )
    found = meetings(text, published="2024-05-02", **facts(dates=[("Today", "2024-05-02")]))
    pairs = {frozenset(names(m)) for m in found}
    assert pairs == {frozenset({"Voss", "Silva"}), frozenset({"Voss", "Berg"})}
    for meeting in found:
        assert (meeting.date, meeting.place) == (bilatx.DateValue(2024, 5, 2), "Lisbon")


def test_a_plural_title_stands_for_its_holders(meetings: Meetings) -> None:
    text = (
        "Prime Minister Ana Silva said she held talks with the country's trade ministers. "
        "Trade Minister Kwame Mensah agreed."
    )
    people = [("Ana Silva", "Prime Minister", "PRT"), ("Kwame Mensah", "Trade Minister", "PRT")]
    meeting = only(meetings(text, people=people))
    assert names(meeting) == ["Silva", "Mensah"]


def test_a_plural_title_with_a_country_stands_for_that_countrys_holders(
    meetings: Meetings,
) -> None:
    text = (
        "Ravi Iyer, in Lisbon, said he had held talks with Portuguese ministers. "
        "Prime Minister Ana Silva and Trade Minister Kwame Mensah of Ghana also spoke."
    )
    people = [
        ("Ravi Iyer", "External Affairs Minister", "IND"),
        ("Ana Silva", "Prime Minister", "PRT"),
        ("Kwame Mensah", "Trade Minister", "GHA"),
    ]
    found = meetings(text, people=people, cities=CITIES, demonyms=[("Portuguese", "PRT")])
    assert [names(m) for m in found] == [["Iyer", "Silva"]]


@pytest.mark.parametrize("verb", ["apprised", "briefed", "informed", "told", "updated"])
def test_his_after_the_person_briefed_is_the_protagonists(meetings: Meetings, verb: str) -> None:
    prep = "of" if verb in {"apprised", "informed"} else "on"
    text = (
        f"Ravi Iyer called on President Tomas Berg in Oslo on Monday. Ravi Iyer {verb} "
        f"Tomas Berg {prep} his talks with Portuguese ministers."
    )
    people = [
        ("Ravi Iyer", "External Affairs Minister", "IND"),
        ("Tomas Berg", "President", "NOR"),
        ("Ana Silva", "Prime Minister", "PRT"),
    ]
    found = meetings(
        text + " Ana Silva had met Ravi Iyer in Lisbon.",
        people=people,
        cities=CITIES,
        demonyms=[("Portuguese", "PRT")],
        dates=[MONDAY],
    )
    assert frozenset(("Berg", "Silva")) not in pairs(found)
    assert frozenset(("Iyer", "Silva")) in pairs(found)


@pytest.mark.parametrize(
    "phrase",
    [
        "his Portuguese counterpart, Ana Silva,",
        "his counterpart, Ana Silva,",
        "his counterpart Ana Silva,",
    ],
)
def test_a_counterpart_named_in_apposition_is_met(meetings: Meetings, phrase: str) -> None:
    text = f"Ravi Iyer arrived. Speaking in Lisbon after talks with {phrase} Ravi Iyer said more."
    people = [("Ravi Iyer", None, "IND"), ("Ana Silva", None, "PRT")]
    meeting = only(meetings(text, people=people, cities=CITIES))
    assert sorted(names(meeting)) == ["Iyer", "Silva"]
    assert meeting.place == "Lisbon"


@pytest.mark.parametrize(
    "opening", ["Following his meeting with", "After his talks with", "During his call with"]
)
def test_his_in_a_fronted_clause_is_the_main_clauses_subject(
    meetings: Meetings, opening: str
) -> None:
    text = (
        "Ravi Iyer spoke to reporters in Oslo. "
        f"{opening} President Tomas Berg on May 6, 2024, Lena Voss said ties were strong."
    )
    found = meetings(text, **facts(dates=[("May 6, 2024", "2024-05-06")]))
    assert pairs(found) == {frozenset(("Voss", "Berg"))}


def test_the_speaker_is_not_part_of_a_meeting_between_others(meetings: Meetings) -> None:
    text = (
        "Ravi Iyer said the meetings scheduled for next month in Oslo between "
        "President Tomas Berg and Lena Voss would be difficult."
    )
    found = meetings(text, **facts(dates=[("next month", "2024-06")]))
    assert pairs(found) == {frozenset(("Voss", "Berg"))}


def test_meetings_listed_after_an_announced_trip_are_in_its_city(
    meetings: Meetings, visits: Visits
) -> None:
    text = (
        "Ravi Iyer will travel to Lisbon, Portugal, from May 6-8 to attend a summit. "
        "On May 7, Ravi Iyer will meet with Foreign Minister Lena Voss and President Tomas Berg."
    )
    facts_ = facts(
        people=[("Ravi Iyer", "External Affairs Minister", "IND"), *PEOPLE[:2]],
        dates=[("from May 6-8", "2024-05-06/2024-05-08"), ("May 7", "2024-05-07")],
    )
    found = meetings(text, **facts_)
    assert {m.place for m in found} == {"Lisbon"}
    # Only the traveller is known to go there.
    assert [v.visitor.surname for v in visits(text, **facts_)] == ["Iyer"]


def test_a_meeting_after_a_past_trip_keeps_no_place(meetings: Meetings) -> None:
    text = (
        "Ravi Iyer visited Lisbon, Portugal, in March. "
        "On May 7, Ravi Iyer will meet with Foreign Minister Lena Voss."
    )
    facts_ = facts(
        people=[("Ravi Iyer", "External Affairs Minister", "IND"), *PEOPLE[:1]],
        dates=[("in March", "2024-03"), ("May 7", "2024-05-07")],
    )
    assert [m.place for m in meetings(text, **facts_)] == [None]


@pytest.mark.parametrize(
    "opening", ["On Monday", "An aide said that on Monday", "Today", "In March"]
)
def test_a_date_before_the_subject_does_not_make_it_an_object(
    meetings: Meetings, opening: str
) -> None:
    text = f"{opening} Foreign Minister Lena Voss will meet President Tomas Berg in Oslo."
    found = meetings(text, **facts(dates=[MONDAY, ("Today", "2024-05-02")]))
    assert pairs(found) == {frozenset(("Voss", "Berg"))}


@pytest.mark.parametrize("opening", ["During the visit", "After the meeting", "At the talks"])
def test_a_noun_before_the_subject_does_not_make_it_an_object(
    meetings: Meetings, opening: str
) -> None:
    text = f"{opening} Foreign Minister Lena Voss and President Tomas Berg signed an accord."
    found = meetings(text, **facts())
    assert pairs(found) == {frozenset(("Voss", "Berg"))}


def test_a_place_in_what_they_discussed_is_not_where_they_met(meetings: Meetings) -> None:
    text = "Lena Voss will meet Tomas Berg to discuss the floods in Lisbon and trade."
    meeting = only(meetings(text, **facts()))
    assert (meeting.place, names(meeting)) == (None, ["Voss", "Berg"])


def test_leaders_met_on_a_tour_are_met_at_their_own_stop(meetings: Meetings) -> None:
    text = (
        "Ravi Iyer will travel to Oslo, Norway; Lisbon, Portugal; and Berlin, Germany from "
        "May 6 to 12. Ravi Iyer will meet with President Tomas Berg of Norway, Prime "
        "Minister Ana Silva of Portugal, and Foreign Minister Lena Voss of Germany."
    )
    people = [("Ravi Iyer", "External Affairs Minister", "IND"), *PEOPLE[:3]]
    found = meetings(text, **facts(people=people, dates=[("May 6 to 12", "2024-05-06/2024-05-12")]))
    assert {(frozenset(names(m)), m.place) for m in found} == {
        (frozenset(("Iyer", "Berg")), "Oslo"),
        (frozenset(("Iyer", "Silva")), "Lisbon"),
        (frozenset(("Iyer", "Voss")), "Berlin"),
    }


@pytest.mark.parametrize(
    ("text", "sizes"),
    [
        ("Ravi Iyer will have bilateral meetings with Lena Voss and Tomas Berg.", [2, 2]),
        ("Ravi Iyer will meet Lena Voss, Tomas Berg and Ana Silva.", [2, 2, 2]),
        ("Ravi Iyer met Lena Voss, Tomas Berg and Ana Silva.", [4]),
        ("Ravi Iyer will meet his counterparts Lena Voss, Tomas Berg and Ana Silva.", [4]),
        ("Ravi Iyer will hold trilateral talks with Lena Voss and Tomas Berg.", [3]),
    ],
)
def test_a_schedule_of_people_from_several_countries_is_met_one_by_one(
    meetings: Meetings, text: str, sizes: list[int]
) -> None:
    people = [("Ravi Iyer", "External Affairs Minister", "IND"), *PEOPLE[:3]]
    found = meetings(text, **facts(people=people))
    assert sorted(len(m.participants) for m in found) == sizes
    assert all("Iyer" in names(m) for m in found)


def test_delegation_leaders_meet(meetings: Meetings) -> None:
    text = (
        "Germany hosted the fourth round of the energy dialogue in Berlin on March 3, 2023. "
        "Foreign Minister Lena Voss led the German delegation and Kwame Mensah led the "
        "Ghanaian delegation."
    )
    found = meetings(
        text,
        people=[("Lena Voss", "Foreign Minister", "DEU"), ("Kwame Mensah", None, None)],
        cities=CITIES,
        countries=COUNTRIES,
        demonyms=[("German", "DEU"), ("Ghanaian", "GHA")],
        dates=[("March 3, 2023", "2023-03-03")],
    )
    meeting = only(found)
    assert names(meeting) == ["Voss", "Mensah"]
    assert (meeting.date, meeting.place) == (bilatx.DateValue(2023, 3, 3), "Berlin")


def test_delegations_led_by_two_officials(meetings: Meetings, visits: Visits) -> None:
    text = (
        "Germany and Ghana held their dialogue in Accra on June 2, 2023, with delegations "
        "led by Foreign Minister Lena Voss and Trade Minister Kwame Mensah."
    )
    extra = facts(dates=[("June 2, 2023", "2023-06-02")], countries=[("Germany", "DEU")])
    meeting = only(meetings(text, **extra))
    assert names(meeting) == ["Voss", "Mensah"]
    assert meeting.place == "Accra"
    (visit,) = visits(text, **extra)
    assert (visit.visitor.surname, visit.host, visit.places) == ("Voss", "GHA", ("Accra",))


def test_a_later_meeting_in_the_paragraph_shares_the_date(meetings: Meetings) -> None:
    text = (
        "Lena Voss held talks with Tomas Berg in Oslo on May 3, 2024. Lena Voss also met "
        "with Ana Silva."
    )
    found = meetings(text, **facts(dates=[("May 3, 2024", "2024-05-03")]))
    assert {m.date for m in found} == {bilatx.DateValue(2024, 5, 3)}
    assert {m.place for m in found} == {"Oslo"}


def test_a_meeting_during_a_one_day_visit_takes_its_date_and_city(meetings: Meetings) -> None:
    text = (
        "Lena Voss visited Oslo, Norway yesterday.\n\nWhile in Oslo, Lena Voss met with "
        "President Tomas Berg."
    )
    meeting = only(meetings(text, **facts(dates=[("yesterday", "2024-05-01")])))
    assert (meeting.date, meeting.place) == (bilatx.DateValue(2024, 5, 1), "Oslo")


def test_a_meeting_set_inside_a_long_visit_is_dated_by_the_stay(meetings: Meetings) -> None:
    # The convention of the annotated corpus: "while in Oslo" puts the meeting on
    # some day of the stay, so its date is the stay's interval.
    text = (
        "Lena Voss will travel to Oslo, Norway, May 21-24. While in Oslo, she will meet "
        "with President Tomas Berg."
    )
    meeting = only(meetings(text, **facts(dates=[("May 21-24", "2024-05-21/2024-05-24")])))
    stay = bilatx.DateInterval(bilatx.DateValue(2024, 5, 21), bilatx.DateValue(2024, 5, 24))
    assert (meeting.date, meeting.place) == (stay, "Oslo")


def test_a_meeting_only_told_beside_a_long_visit_keeps_no_date(meetings: Meetings) -> None:
    text = "Lena Voss will travel to Oslo on May 21-24, where she will meet President Tomas Berg."
    meeting = only(meetings(text, **facts(dates=[("May 21-24", "2024-05-21/2024-05-24")])))
    assert (names(meeting), meeting.date, meeting.place) == (["Voss", "Berg"], None, "Oslo")


def test_talks_over_two_days_are_dated_as_an_interval(meetings: Meetings) -> None:
    text = "Ravi Iyer held talks with Kwame Mensah in Accra on July 27-28."
    meeting = only(meetings(text, **facts(dates=[("July 27-28", "2017-07-27/2017-07-28")])))
    assert meeting.date == bilatx.DateInterval(
        bilatx.DateValue(2017, 7, 27), bilatx.DateValue(2017, 7, 28)
    )


def test_next_week_is_a_date_without_a_value(meetings: Meetings) -> None:
    text = "Ravi Iyer will meet Kwame Mensah next week in Accra."
    meeting = only(meetings(text, **facts(dates=[("next week", None)])))
    assert (meeting.date, meeting.place) == (None, "Accra")


def test_a_date_owned_by_another_noun_is_not_the_meetings(meetings: Meetings) -> None:
    text = "Friday's statement follows a call between Lena Voss and Tomas Berg last week."
    meeting = only(meetings(text, **facts(dates=[("Friday", "2024-05-03"), ("last week", None)])))
    assert meeting.date is None


def test_dateline_lead_gives_date_and_city(meetings: Meetings) -> None:
    text = "LISBON, March 31 - Ana Silva opened talks with Lena Voss on fisheries quotas."
    meeting = only(meetings(text, **facts(dates=[("March 31", "1987-03-31")])))
    assert (meeting.date, meeting.place) == (bilatx.DateValue(1987, 3, 31), "Lisbon")


def test_a_reported_lead_keeps_the_city_not_the_date(meetings: Meetings) -> None:
    text = "LISBON, March 31 - Ana Silva said she held talks with Lena Voss on quotas."
    meeting = only(meetings(text, **facts(dates=[("March 31", "1987-03-31")])))
    assert (meeting.date, meeting.place) == (None, "Lisbon")


def test_a_seat_of_government_is_its_city(meetings: Meetings) -> None:
    text = "President Tomas Berg met today at the White House with Ana Silva."
    meeting = only(meetings(text, **facts(dates=[TODAY])))
    assert meeting.place == "Washington"


def test_topics_come_from_the_sentence_and_the_readout(meetings: Meetings) -> None:
    text = (
        "Lena Voss met today with Tomas Berg in Oslo to discuss energy. The two leaders "
        "also discussed trade and fisheries."
    )
    meeting = only(
        meetings(
            text,
            **facts(
                dates=[TODAY],
                sectors=[("energy", "energy"), ("trade", "trade"), ("fisheries", "fisheries")],
            ),
        )
    )
    assert meeting.topics == ("energy", "trade", "fisheries")


def test_repeated_mentions_become_one_meeting(meetings: Meetings) -> None:
    text = (
        "Lena Voss met Tomas Berg in Oslo today. During their meeting, the two agreed. "
        "Lena Voss said her talks with Tomas Berg were useful."
    )
    meeting = only(meetings(text, **facts(dates=[TODAY])))
    assert len([s for s in meeting.evidence if text[s.start : s.end] in {"met", "talks"}]) == 2


def test_same_people_on_different_days_are_two_meetings(meetings: Meetings) -> None:
    text = (
        "Lena Voss met Tomas Berg in Oslo on May 2, 2024. Lena Voss met Tomas Berg again "
        "in Berlin on June 9, 2024."
    )
    found = meetings(
        text, **facts(dates=[("May 2, 2024", "2024-05-02"), ("June 9, 2024", "2024-06-09")])
    )
    assert sorted(m.place or "" for m in found) == ["Berlin", "Oslo"]


# -------------------------------------------------------------- hypothesis

NAMES = ["Lena Voss", "Tomas Berg", "Ana Silva", "Ravi Iyer", "Kwame Mensah"]
VERBS = [
    ("{a} met {b} in {city} on {date}.", MeetingForm.IN_PERSON),
    ("{a} held talks with {b} in {city} on {date}.", MeetingForm.IN_PERSON),
    ("On {date}, {a} had a meeting with {b} in {city}.", MeetingForm.IN_PERSON),
    ("{a} spoke by phone with {b} on {date}.", MeetingForm.PHONE),
    ("On {date}, {a} and {b} met in {city}.", MeetingForm.IN_PERSON),
]


@given(
    pair=st.permutations(NAMES).map(lambda names: names[:2]),
    template=st.sampled_from(VERBS),
    city=st.sampled_from(CITIES),
    day=st.dates(dt.date(1990, 1, 1), dt.date(2035, 12, 31)),
)
def test_generated_meetings_come_back_with_people_date_and_place(
    meetings: Meetings,
    pair: list[str],
    template: tuple[str, MeetingForm],
    city: tuple[str, str],
    day: dt.date,
) -> None:
    form = template[1]
    when = f"{day:%B} {day.day}, {day.year}"
    text = template[0].format(a=pair[0], b=pair[1], city=city[0], date=when)
    text += " They discussed trade."
    found = meetings(
        text,
        people=[(n, "Minister", None) for n in pair],
        cities=[city],
        dates=[(when, day.isoformat())],
    )
    meeting = only(found)
    assert [p.name for p in meeting.participants] == pair
    assert meeting.date == bilatx.DateValue.from_date(day)
    assert meeting.form is form
    assert meeting.place == (city[0] if form is MeetingForm.IN_PERSON else None)


@given(text=st.text(max_size=300))
def test_arbitrary_text_never_breaks_the_builder(meetings: Meetings, text: str) -> None:
    for meeting in meetings(text, people=PEOPLE[:2], cities=CITIES):
        assert len(meeting.participants) >= 2
        for span in meeting.evidence:
            span.check_within(text)


# -------------------------------------------------------------- end to end


def test_end_to_end_readout(pipeline: bilatx.Pipeline) -> None:
    text = (
        "Secretary of State Antony J. Blinken met today with Japanese Foreign Minister "
        "Hayashi Yoshimasa in Tokyo to discuss regional security."
    )
    result = pipeline.extract(text, published="2022-05-23")
    meeting = only(list(result.meetings))
    assert {p.surname for p in meeting.participants} >= {"Blinken"}
    assert len(meeting.participants) == 2
    assert (meeting.date, meeting.place) == (bilatx.DateValue(2022, 5, 23), "Tokyo")


def test_end_to_end_counterparts_named_with_their_office(pipeline: bilatx.Pipeline) -> None:
    text = (
        "National Security Advisor Ravi Raman met on Monday with his national security "
        "advisor counterparts Hana Takeda of Japan and Jose Cruz of the Philippines."
    )
    result = pipeline.extract(text, published="2024-05-08")
    meeting = only(list(result.meetings))
    assert {(p.surname, p.country) for p in meeting.participants} >= {
        ("Takeda", "JPN"),
        ("Cruz", "PHL"),
    }
    assert len(meeting.participants) == 3


# ------------------------------------------- who took part, and when (round 2)

LUND = ("Erik Lund", "Foreign Minister", "NOR")
DAHL = ("Nils Dahl", "National Security Advisor", "NOR")
HAHN = ("Karl Hahn", "Chancellor", "DEU")
SATO = ("Kenji Sato", "Foreign Minister", "JPN")
MONDAY = ("Monday", "2024-05-06")


def pairs(found: list[bilatx.Meeting]) -> set[frozenset[str]]:
    """Every pair of participants, the way the corpus scores meetings."""
    out = set()
    for meeting in found:
        people = names(meeting)
        out |= {frozenset((a, b)) for i, a in enumerate(people) for b in people[i + 1 :]}
    return out


def test_one_official_meets_each_of_several_host_officials(meetings: Meetings) -> None:
    text = "Lena Voss met President Tomas Berg and Foreign Minister Erik Lund in Oslo on Monday."
    found = meetings(text, **facts(people=[*PEOPLE, LUND], dates=[MONDAY]))
    assert pairs(found) == {frozenset(("Voss", "Berg")), frozenset(("Voss", "Lund"))}
    assert {(m.date, m.place) for m in found} == {(bilatx.DateValue(2024, 5, 6), "Oslo")}


def test_host_officials_of_unknown_country_are_met_separately_too(meetings: Meetings) -> None:
    text = "Lena Voss met President Tomas Berg and Minister Erik Lund in Oslo on Monday."
    lund = ("Erik Lund", "Minister", None)
    found = meetings(text, **facts(people=[*PEOPLE, lund], dates=[MONDAY]))
    assert frozenset(("Berg", "Lund")) not in pairs(found)
    assert len(found) == 2


def test_counterparts_of_several_countries_meet_together(meetings: Meetings) -> None:
    text = (
        "Ravi Iyer held talks with his counterparts Kenji Sato of Japan, Tomas Berg of "
        "Norway in Oslo on Monday."
    )
    found = meetings(text, **facts(people=[*PEOPLE, SATO], dates=[MONDAY]))
    assert names(only(found)) == ["Iyer", "Sato", "Berg"]


def test_a_delegation_of_two_meets_the_hosts_as_one_group(meetings: Meetings) -> None:
    text = (
        "Lena Voss and Ravi Iyer met with President Tomas Berg and his counterpart "
        "National Security Advisor Nils Dahl in Oslo on Monday."
    )
    found = meetings(text, **facts(people=[*PEOPLE, DAHL], dates=[MONDAY]))
    assert names(only(found)) == ["Voss", "Iyer", "Berg", "Dahl"]


def test_his_counterpart_does_not_end_a_list_of_people_met(meetings: Meetings) -> None:
    text = (
        "Lena Voss met with President Tomas Berg, Foreign Minister Erik Lund and his "
        "counterpart National Security Advisor Nils Dahl in Oslo on Monday."
    )
    found = meetings(text, **facts(people=[*PEOPLE, LUND, DAHL], dates=[MONDAY]))
    assert frozenset(("Voss", "Dahl")) in pairs(found)


@pytest.mark.parametrize(
    "text",
    [
        (
            "Lena Voss, conveying the greetings of Chancellor Karl Hahn, met President Tomas Berg "
            "in Oslo on Monday."
        ),
        (
            "Lena Voss met President Tomas Berg in Oslo on Monday and delivered a letter from "
            "Chancellor Karl Hahn."
        ),
        (
            "Lena Voss met President Tomas Berg in Oslo on Monday and conveyed Chancellor Karl "
            "Hahn's greetings."
        ),
        (
            "Lena Voss called on President Tomas Berg in Oslo on Monday and conveyed greetings "
            "of Chancellor Karl Hahn."
        ),
        (
            "Lena Voss met President Tomas Berg in Oslo on Monday and handed over a message "
            "from Chancellor Karl Hahn."
        ),
        # A phrase in front of the subject is not part of the subject's list.
        (
            "Conveying the greetings of Chancellor Karl Hahn, Lena Voss met President Tomas "
            "Berg in Oslo on Monday."
        ),
        (
            "Carrying a letter from Chancellor Karl Hahn, Lena Voss called on President Tomas "
            "Berg in Oslo on Monday."
        ),
    ],
)
def test_a_leader_whose_greetings_are_passed_on_is_absent(meetings: Meetings, text: str) -> None:
    found = meetings(text, **facts(people=[*PEOPLE, HAHN], dates=[MONDAY]))
    assert pairs(found) == {frozenset(("Voss", "Berg"))}


def test_a_list_in_front_of_the_subject_is_not_the_subjects(meetings: Meetings) -> None:
    text = (
        "On behalf of Chancellor Karl Hahn and Prime Minister Ana Silva, Lena Voss and "
        "Kwame Mensah met President Tomas Berg in Oslo on Monday."
    )
    found = meetings(text, **facts(people=[*PEOPLE, HAHN], dates=[MONDAY]))
    assert pairs(found) == {
        frozenset(("Voss", "Mensah")),
        frozenset(("Voss", "Berg")),
        frozenset(("Mensah", "Berg")),
    }


@pytest.mark.parametrize(
    "second",
    [
        "He delivered a letter from Chancellor Karl Hahn to President Tomas Berg.",
        "He met President Tomas Berg and conveyed greetings of Chancellor Karl Hahn.",
        "Chancellor Karl Hahn's letter was read out. He met President Tomas Berg.",
    ],
)
def test_he_stays_the_traveller_past_a_sentence_naming_others(
    meetings: Meetings, second: str
) -> None:
    text = f"Ravi Iyer arrived in Oslo on Monday. {second} He also met Foreign Minister Erik Lund."
    people = [*PEOPLE, HAHN, ("Erik Lund", "Foreign Minister", "NOR")]
    found = meetings(text, **facts(people=people, dates=[MONDAY]))
    assert frozenset(("Iyer", "Lund")) in pairs(found)
    assert not any("Hahn" in pair for pair in pairs(found))


def test_talks_of_named_countries_led_by_their_officials(
    meetings: Meetings, visits: Visits
) -> None:
    text = (
        "Japan, Norway and Portugal held trilateral talks in Oslo on Monday led by Kenji "
        "Sato, Tomas Berg and Ana Silva."
    )
    # The officials step knows no country for Sato: the list of countries gives it.
    people = [("Kenji Sato", "Vice Minister", None), PEOPLE[1], PEOPLE[2]]
    extra = facts(people=people, countries=[*COUNTRIES, ("Japan", "JPN")], dates=[MONDAY])
    meeting = only(meetings(text, **extra))
    assert (names(meeting), meeting.place) == (["Sato", "Berg", "Silva"], "Oslo")
    travellers = {(v.visitor.surname, v.origin, v.host) for v in visits(text, **extra)}
    assert travellers == {("Sato", "JPN", "NOR"), ("Silva", "PRT", "NOR")}


def test_talks_led_by_officials_of_one_country_are_no_meeting(meetings: Meetings) -> None:
    text = "The talks in Oslo on Monday were led by President Tomas Berg and Erik Lund."
    assert meetings(text, **facts(people=[*PEOPLE, LUND], dates=[MONDAY])) == []


def test_a_meeting_in_an_after_clause_takes_the_main_clauses_day(
    meetings: Meetings, visits: Visits
) -> None:
    text = (
        "Lena Voss, who is visiting Oslo, told reporters on Monday after talks with "
        "President Tomas Berg that trade would grow."
    )
    extra = facts(dates=[MONDAY])
    meeting = only(meetings(text, **extra))
    assert (names(meeting), meeting.date) == (["Voss", "Berg"], bilatx.DateValue(2024, 5, 6))
    # Monday is when she spoke, not when her visit began.
    assert [(v.host, v.start) for v in visits(text, **extra)] == [("NOR", None)]


@pytest.mark.parametrize(
    "text",
    [
        "Lena Voss praised President Tomas Berg, whom she met in Oslo on Monday.",
        "Lena Voss praised President Tomas Berg, with whom she held talks in Oslo on Monday.",
    ],
)
def test_the_person_a_relative_pronoun_stands_for_is_met(meetings: Meetings, text: str) -> None:
    meeting = only(meetings(text, **facts(dates=[MONDAY])))
    assert (names(meeting), meeting.place) == (["Voss", "Berg"], "Oslo")


@pytest.mark.parametrize(
    "text",
    [
        "Lena Voss and Tomas Berg signed an energy agreement in Oslo on Monday.",
        "An energy agreement was signed by Lena Voss and Tomas Berg in Oslo on Monday.",
        "Lena Voss signed an energy agreement with Tomas Berg in Oslo on Monday.",
    ],
)
def test_officials_of_two_countries_signing_together_meet(meetings: Meetings, text: str) -> None:
    meeting = only(meetings(text, **facts(dates=[MONDAY])))
    assert sorted(names(meeting)) == ["Berg", "Voss"]
    assert (meeting.date, meeting.place) == (bilatx.DateValue(2024, 5, 6), "Oslo")


@pytest.mark.parametrize(
    "text",
    [
        "President Tomas Berg and Erik Lund signed the budget on Monday.",
        "Lena Voss said an accord signed in Oslo last year with Tomas Berg still held.",
        "Lena Voss signed the decree on Monday.",
    ],
)
def test_signing_is_no_meeting_within_one_country_or_in_passing(
    meetings: Meetings, visits: Visits, text: str
) -> None:
    extra = facts(people=[*PEOPLE, LUND], dates=[MONDAY])
    assert meetings(text, **extra) == []
    assert visits(text, **extra) == []


def test_talks_during_a_dated_visit_take_its_day(meetings: Meetings) -> None:
    text = "Lena Voss will hold talks with President Tomas Berg during her visit to Oslo on Monday."
    meeting = only(meetings(text, **facts(dates=[MONDAY])))
    assert (meeting.date, meeting.place) == (bilatx.DateValue(2024, 5, 6), "Oslo")


@pytest.mark.parametrize(
    ("text", "form"),
    [
        ("Lena Voss telephoned President Tomas Berg on Monday.", MeetingForm.PHONE),
        ("President Tomas Berg received a phone call from Lena Voss on Monday.", MeetingForm.PHONE),
        ("Lena Voss conferred with President Tomas Berg in Oslo on Monday.", MeetingForm.IN_PERSON),
    ],
)
def test_more_meeting_verbs(meetings: Meetings, text: str, form: MeetingForm) -> None:
    meeting = only(meetings(text, **facts(dates=[MONDAY])))
    assert (sorted(names(meeting)), meeting.form) == (["Berg", "Voss"], form)
    assert meeting.date == bilatx.DateValue(2024, 5, 6)


def test_hosting_for_a_dated_visit_dates_the_meeting(meetings: Meetings) -> None:
    text = "President Tomas Berg will host Lena Voss for an official visit on Monday."
    meeting = only(meetings(text, **facts(dates=[MONDAY])))
    assert (names(meeting), meeting.date) == (["Berg", "Voss"], bilatx.DateValue(2024, 5, 6))


HOST_SIDE = ["Tomas Berg", "Erik Lund", "Nils Dahl", "Ola Moen"]


@given(
    hosts=st.lists(st.sampled_from(HOST_SIDE), min_size=2, max_size=4, unique=True),
    separator=st.sampled_from([", ", " and "]),
    day=st.dates(dt.date(1990, 1, 1), dt.date(2035, 12, 31)),
)
def test_generated_talks_with_several_hosts_pair_the_visitor_with_each(
    meetings: Meetings, hosts: list[str], separator: str, day: dt.date
) -> None:
    when = f"{day:%B} {day.day}, {day.year}"
    listed = separator.join(hosts[:-1]) + " and " + hosts[-1]
    text = f"On {when}, Lena Voss held talks with {listed} in Oslo."
    people = [("Lena Voss", "Foreign Minister", "DEU")]
    people += [(name, "Minister", "NOR") for name in hosts]
    found = meetings(text, people=people, cities=CITIES, dates=[(when, day.isoformat())])
    assert pairs(found) == {frozenset(("Voss", name.split()[-1])) for name in hosts}
    assert all(m.date == bilatx.DateValue.from_date(day) for m in found)


def test_him_is_not_the_subject_of_his_own_clause(meetings: Meetings) -> None:
    text = (
        "Lena Voss conveyed Chancellor Karl Hahn's greetings to President Tomas Berg when "
        "she called on him in Oslo on Monday."
    )
    found = meetings(text, **facts(people=[*PEOPLE, HAHN], dates=[MONDAY]))
    assert pairs(found) == {frozenset(("Voss", "Berg"))}


@pytest.mark.parametrize(
    "text",
    [
        "President Tomas Berg met visiting Lena Voss and Ravi Iyer on Monday.",
        "President Tomas Berg met Lena Voss and Karl Hahn in Oslo on Monday.",
    ],
)
def test_guests_received_at_home_meet_the_host_together(meetings: Meetings, text: str) -> None:
    # The host is the subject: the guests came as one party.
    found = meetings(text, **facts(people=[*PEOPLE, HAHN], dates=[MONDAY]))
    assert len(found) == 1
    assert len(found[0].participants) == 3


def test_the_two_ministers_are_the_last_meetings_people(meetings: Meetings) -> None:
    text = (
        "Lena Voss met President Tomas Berg in Oslo on Monday. The two ministers also "
        "held talks on energy."
    )
    meeting = only(meetings(text, **facts(dates=[MONDAY], sectors=[("energy", "energy")])))
    assert (names(meeting), meeting.topics) == (["Voss", "Berg"], ("energy",))


def test_officials_who_launched_talks_together_met(meetings: Meetings) -> None:
    text = "Lena Voss and President Tomas Berg launched talks in Oslo on Monday."
    assert names(only(meetings(text, **facts(dates=[MONDAY])))) == ["Voss", "Berg"]
