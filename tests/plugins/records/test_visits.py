"""Visit records: triggers, visitors, hosts, dates, durations and statuses.

Most tests feed the records plugin hand-built mentions (see ``conftest.py``)
so that they test the visit logic alone; the end-to-end tests at the bottom
run the whole default pipeline.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

import bilatx
from bilatx import VisitStatus

Visits = Callable[..., list[bilatx.Visit]]
Meetings = Callable[..., list[bilatx.Meeting]]
Annotated = Callable[..., tuple[bilatx.Document, bilatx.Mentions]]
Records = Callable[[bilatx.Document, bilatx.Mentions], list[bilatx.Record]]

VOSS = ("Lena Voss", "Foreign Minister", "DEU")
IYER = ("Ravi Iyer", "External Affairs Minister", "IND")
BERG = ("Tomas Berg", "President", "NOR")
SILVA = ("Ana Silva", "Prime Minister", "PRT")
COUNTRIES = [("Japan", "JPN"), ("Kenya", "KEN"), ("Norway", "NOR"), ("Portugal", "PRT")]
COUNTRIES += [("Germany", "DEU"), ("India", "IND"), ("Chile", "CHL"), ("Vietnam", "VNM")]
CITIES = [("Tokyo", "JPN"), ("Nairobi", "KEN"), ("Oslo", "NOR"), ("Lisbon", "PRT")]
CITIES += [("Berlin", "DEU"), ("Santiago", "CHL"), ("Hanoi", "VNM"), ("Osaka", "JPN")]


def facts(**extra: object) -> dict[str, object]:
    base: dict[str, object] = {
        "people": [VOSS, IYER, BERG, SILVA],
        "countries": COUNTRIES,
        "cities": CITIES,
    }
    base.update(extra)
    return base


def only(found: list[bilatx.Visit]) -> bilatx.Visit:
    assert len(found) == 1, found
    return found[0]


# ----------------------------------------------------------------- triggers


@pytest.mark.parametrize(
    ("text", "host", "status"),
    [
        ("Foreign Minister Lena Voss will visit Japan next month.", "JPN", "announced"),
        ("Lena Voss's trip to Kenya drew attention.", "KEN", None),
        ("Lena Voss will travel to Chile on Sunday.", "CHL", "announced"),
        ("Lena Voss arrived in Nairobi late on Sunday.", "KEN", "ongoing"),
        ("Lena Voss toured Vietnam in a week of talks.", "VNM", "completed"),
        ("Lena Voss embarked on a tour of Japan, her first.", "JPN", "completed"),
        ("Lena Voss is on a state visit to Norway this week.", "NOR", "ongoing"),
        ("Lena Voss paid an official visit to Portugal.", "PRT", "completed"),
        ("Lena Voss is in Tokyo for two days of talks.", "JPN", "ongoing"),
        ("While in Santiago, Lena Voss praised the copper deal.", "CHL", None),
        ("Lena Voss is set to embark on a visit to Kenya.", "KEN", "announced"),
    ],
)
def test_visit_triggers(visits: Visits, text: str, host: str, status: str | None) -> None:
    visit = only(visits(text, published="2024-05-02", **facts()))
    assert visit.visitor.surname == "Voss"
    assert visit.origin == "DEU"
    assert visit.host == host
    if status is not None:
        assert visit.status is VisitStatus(status)


def test_possessive_noun_names_the_visitor(visits: Visits) -> None:
    text = "Ravi Iyer's visit to Japan will focus on trade. Observers welcomed it."
    visit = only(visits(text, **facts()))
    assert (visit.visitor.surname, visit.host) == ("Iyer", "JPN")


def test_visit_by_agent_after_the_noun(visits: Visits) -> None:
    text = "The coming visit to Norway by External Affairs Minister Ravi Iyer is his first."
    visit = only(visits(text, **facts()))
    assert (visit.visitor.surname, visit.host) == ("Iyer", "NOR")


def test_hosted_makes_the_guest_the_visitor(visits: Visits) -> None:
    text = "Prime Minister Ana Silva hosted President Tomas Berg in Lisbon on Monday."
    visit = only(visits(text, published="2024-05-08", **facts(dates=[("Monday", "2024-05-06")])))
    assert (visit.visitor.surname, visit.origin, visit.host) == ("Berg", "NOR", "PRT")
    assert visit.places == ("Lisbon",)


def test_welcomed_to_a_city(visits: Visits) -> None:
    text = "Prime Minister Ana Silva welcomed President Tomas Berg to Lisbon for talks."
    visit = only(visits(text, **facts()))
    assert (visit.visitor.surname, visit.host, visit.places) == ("Berg", "PRT", ("Lisbon",))


def test_city_gives_the_host_and_the_places(visits: Visits) -> None:
    text = "Lena Voss will travel to Osaka and later to Tokyo, officials said."
    visit = only(visits(text, **facts()))
    assert visit.host == "JPN"
    assert set(visit.places) == {"Osaka", "Tokyo"}


def test_a_trip_to_two_countries_is_two_visits(visits: Visits) -> None:
    text = "Ravi Iyer discussed his recent trip to Kenya and Chile with reporters."
    found = visits(text, **facts())
    assert {(v.visitor.surname, v.host) for v in found} == {("Iyer", "KEN"), ("Iyer", "CHL")}


def test_the_country_is_the_last_foreign_country_named(visits: Visits) -> None:
    text = (
        "Ties between India and Vietnam keep growing. Ravi Iyer praised them during "
        "his ongoing visit to the country."
    )
    visit = only(visits(text, **facts()))
    assert (visit.host, visit.status) == ("VNM", VisitStatus.ONGOING)


def test_travel_to_meet_a_person_gives_the_host(visits: Visits) -> None:
    text = "Ravi Iyer will make his first trip to the region to meet with President Tomas Berg."
    found = visits(text, **facts())
    assert [(v.visitor.surname, v.host) for v in found] == [("Iyer", "NOR")]


def test_visiting_a_person_gives_their_country(visits: Visits) -> None:
    text = "Ravi Iyer will visit President Tomas Berg next week to discuss fisheries."
    visit = only(visits(text, **facts(dates=[("next week", None)])))
    assert (visit.visitor.surname, visit.host, visit.start) == ("Iyer", "NOR", None)


def test_accepted_invitation_is_an_announced_visit(visits: Visits) -> None:
    text = "Ana Silva invited Tomas Berg to visit Portugal, and Tomas Berg accepted."
    visit = only(visits(text, **facts()))
    assert (visit.visitor.surname, visit.host, visit.status) == (
        "Berg",
        "PRT",
        VisitStatus.ANNOUNCED,
    )


def test_invitation_not_accepted_is_no_visit(visits: Visits) -> None:
    assert visits("Ana Silva invited Tomas Berg to visit Portugal soon.", **facts()) == []


def test_welcoming_an_invitation_makes_the_welcomer_the_visitor(visits: Visits) -> None:
    text = "Tomas Berg welcomed Ana Silva's invitation to visit Portugal in June."
    visit = only(visits(text, **facts()))
    assert (visit.visitor.surname, visit.host) == ("Berg", "PRT")


def test_here_is_the_dateline_city(visits: Visits) -> None:
    text = "OSLO, May 2 - Foreign Minister Lena Voss said at the end of a short visit here that..."
    visit = only(visits(text, published="1987-05-02", **facts(dates=[("May 2", "1987-05-02")])))
    assert (visit.host, visit.places) == ("NOR", ("Oslo",))
    assert visit.end == bilatx.DateValue(1987, 5, 2)
    assert visit.start is None


def test_undirected_visit_in_a_datelined_story_is_to_the_dateline_country(visits: Visits) -> None:
    text = "TOKYO, May 2 - Officials expect calm talks during Lena Voss's first visit this week."
    visit = only(visits(text, **facts(dates=[("May 2", "1987-05-02"), ("this week", None)])))
    assert (visit.host, visit.start, visit.places) == ("JPN", None, ())


def test_a_visitors_own_country_is_no_visit(visits: Visits) -> None:
    assert visits("Lena Voss returned to Berlin on Friday.", **facts()) == []
    assert visits("Lena Voss will travel to Germany's north.", **facts()) == []


def test_nobody_named_is_no_visit(visits: Visits) -> None:
    assert visits("A trade delegation will visit Japan next week.", **facts()) == []
    assert visits("Airlines flying to Japan were delayed.", **facts()) == []


def test_a_verb_with_its_own_subject_is_not_the_officials_trip(visits: Visits) -> None:
    text = "Lena Voss welcomed the decision, which lets airlines flying to Kenya refuel."
    assert visits(text, **facts()) == []


# --------------------------------------------------------------- statuses


@pytest.mark.parametrize(
    ("text", "status"),
    [
        ("Lena Voss is scheduled to visit Japan.", VisitStatus.ANNOUNCED),
        ("Lena Voss will travel to Japan.", VisitStatus.ANNOUNCED),
        ("During her ongoing visit to Japan, Lena Voss met students.", VisitStatus.ONGOING),
        ("Lena Voss is currently in Japan on a working visit.", VisitStatus.ONGOING),
        ("Lena Voss concluded her visit to Japan.", VisitStatus.COMPLETED),
        ("Lena Voss visited Japan.", VisitStatus.COMPLETED),
        ("Lena Voss has postponed her visit to Japan.", VisitStatus.POSTPONED),
        ("Lena Voss called off her trip to Japan.", VisitStatus.CANCELLED),
        ("Lena Voss's planned visit to Japan was cancelled.", VisitStatus.CANCELLED),
    ],
)
def test_statuses(visits: Visits, text: str, status: VisitStatus) -> None:
    assert only(visits(text, **facts())).status is status


def test_status_from_dates_when_the_words_are_silent(visits: Visits) -> None:
    text = "Lena Voss's visit to Japan ran from April 2 to April 4."
    visit = only(
        visits(
            text,
            published="2024-05-01",
            **facts(dates=[("April 2", "2024-04-02"), ("April 4", "2024-04-04")]),
        )
    )
    assert (visit.start, visit.end) == (bilatx.DateValue(2024, 4, 2), bilatx.DateValue(2024, 4, 4))
    assert visit.status is VisitStatus.COMPLETED


# ----------------------------------------------------------------- dates


def test_a_five_day_visit_from_december_25_ends_on_december_29(visits: Visits) -> None:
    text = "Ravi Iyer will pay a five-day visit to Japan from December 25."
    visit = only(
        visits(text, **facts(dates=[("December 25", "2023-12-25")], durations=[("five-day", 5)]))
    )
    assert visit.start == bilatx.DateValue(2023, 12, 25)
    assert visit.end == bilatx.DateValue(2023, 12, 29)
    assert not visit.date_conflict


def test_arrived_on_monday_for_a_three_day_visit(visits: Visits) -> None:
    text = "Ravi Iyer arrived on Monday for a three-day visit to Chile."
    visit = only(
        visits(text, **facts(dates=[("Monday", "2024-03-04")], durations=[("three-day", 3)]))
    )
    assert (visit.host, visit.start, visit.end) == (
        "CHL",
        bilatx.DateValue(2024, 3, 4),
        bilatx.DateValue(2024, 3, 6),
    )


def test_an_interval_gives_start_and_end(visits: Visits) -> None:
    text = "Lena Voss will travel to Tokyo, Japan, May 21-24 for talks."
    visit = only(visits(text, **facts(dates=[("May 21-24", "2022-05-21/2022-05-24")])))
    assert (visit.start, visit.end) == (
        bilatx.DateValue(2022, 5, 21),
        bilatx.DateValue(2022, 5, 24),
    )
    assert visit.places == ("Tokyo",)


def test_two_linked_days_give_start_and_end(visits: Visits) -> None:
    text = "On June 29 and 30, Lena Voss held talks in Nairobi with officials."
    visit = only(visits(text, **facts(dates=[("June 29", "2022-06-29"), ("30", "2022-06-30")])))
    assert (visit.host, visit.start, visit.end) == (
        "KEN",
        bilatx.DateValue(2022, 6, 29),
        bilatx.DateValue(2022, 6, 30),
    )


def test_a_day_visit_in_the_past_starts_and_ends_that_day(visits: Visits) -> None:
    text = "Lena Voss visited Oslo, Norway yesterday to sign the accord."
    visit = only(visits(text, **facts(dates=[("yesterday", "2022-04-24")])))
    assert visit.start == visit.end == bilatx.DateValue(2022, 4, 24)


def test_a_return_home_ends_the_trip(visits: Visits) -> None:
    text = (
        "Lena Voss, who will also be visiting Kenya before returning to Berlin on April 11, spoke."
    )
    visit = only(visits(text, **facts(dates=[("April 11", "1987-04-11")])))
    assert (visit.host, visit.start, visit.end) == ("KEN", None, bilatx.DateValue(1987, 4, 11))


def test_a_tour_of_several_countries_starts_with_its_first_leg(visits: Visits) -> None:
    text = "Lena Voss will embark on a five-day tour of Kenya, Chile and Japan from May 3."
    found = visits(text, **facts(dates=[("May 3", "2024-05-03")], durations=[("five-day", 5)]))
    legs = {v.host: (v.start, v.end) for v in found}
    assert legs == {"KEN": (bilatx.DateValue(2024, 5, 3), None), "CHL": (None, None)} | {
        "JPN": (None, None)
    }


def test_an_ended_visit_counts_back_from_its_last_day(visits: Visits) -> None:
    text = "Lena Voss ended a four-day visit to Japan on Friday after talks in Osaka."
    visit = only(
        visits(text, **facts(dates=[("Friday", "1987-06-05")], durations=[("four-day", 4)]))
    )
    assert (visit.start, visit.end) == (bilatx.DateValue(1987, 6, 2), bilatx.DateValue(1987, 6, 5))
    assert visit.status is VisitStatus.COMPLETED


def test_an_arrival_announced_for_later_is_announced(visits: Visits) -> None:
    text = "Lena Voss, who arrives in Tokyo on April 29 for talks, said little."
    visit = only(visits(text, published="1987-04-20", **facts(dates=[("April 29", "1987-04-29")])))
    assert (visit.start, visit.status) == (bilatx.DateValue(1987, 4, 29), VisitStatus.ANNOUNCED)


def test_a_visit_that_ended_on_a_day_ends_then(visits: Visits) -> None:
    text = "The visit by Foreign Minister Lena Voss to Tokyo, her first, ended on Thursday."
    visit = only(visits(text, **facts(dates=[("Thursday", "1987-01-22")])))
    assert (visit.start, visit.end) == (None, bilatx.DateValue(1987, 1, 22))
    assert visit.status is VisitStatus.COMPLETED


def test_on_a_visit_is_ongoing(visits: Visits) -> None:
    text = "Lena Voss, on a two-day visit to Tokyo, met students today."
    visit = only(visits(text, **facts(dates=[("today", "1987-02-10")])))
    assert visit.status is VisitStatus.ONGOING


def test_leaving_today_is_an_ongoing_trip(visits: Visits) -> None:
    text = "Lena Voss left for Tokyo today to attend the ministers' meeting."
    visit = only(visits(text, published="1987-04-06", **facts(dates=[("today", "1987-04-06")])))
    assert (visit.host, visit.status) == ("JPN", VisitStatus.ONGOING)


def test_contradicting_dates_are_flagged(visits: Visits) -> None:
    text = "Ravi Iyer will pay a three-day visit to Japan from May 2 to May 6."
    visit = only(
        visits(
            text,
            **facts(
                dates=[("May 2", "2024-05-02"), ("May 6", "2024-05-06")],
                durations=[("three-day", 3)],
            ),
        )
    )
    assert visit.date_conflict
    assert (visit.start, visit.end) == (bilatx.DateValue(2024, 5, 2), bilatx.DateValue(2024, 5, 6))


def test_a_duration_without_a_start_gives_no_dates(visits: Visits) -> None:
    text = "Ravi Iyer praised the ties during his ongoing five-day visit to Japan."
    visit = only(visits(text, **facts(durations=[("five-day", 5)])))
    assert (visit.start, visit.end) == (None, None)


def test_an_unrelated_date_in_the_sentence_is_not_the_visits(visits: Visits) -> None:
    text = "Filed 2024-05-01: Ravi Iyer prepares to visit Japan from May 5."
    visit = only(
        visits(text, **facts(dates=[("2024-05-01", "2024-05-01"), ("May 5", "2024-05-05")]))
    )
    assert (visit.start, visit.end) == (bilatx.DateValue(2024, 5, 5), None)


@pytest.mark.parametrize(
    "text",
    [
        "No Norwegian leader has come since President Tomas Berg's visit to Kenya in 2017.",
        "President Tomas Berg visited Kenya in 2017 and signed a fisheries pact.",
        "President Tomas Berg last travelled to Nairobi in 2017.",
    ],
)
def test_in_a_year_right_after_the_trip_dates_it(visits: Visits, text: str) -> None:
    visit = only(visits(text, **facts(dates=[("2017", "2017")])))
    assert visit.start == bilatx.DateValue(2017)
    assert visit.end is None


@pytest.mark.parametrize(
    "text",
    [
        "President Tomas Berg visited Kenya to review the 2017 fisheries pact.",
        "President Tomas Berg visited Kenya, whose 2017 census was disputed.",
    ],
)
def test_a_year_that_dates_something_else_is_not_the_start(visits: Visits, text: str) -> None:
    visit = only(visits(text, **facts(dates=[("2017", "2017")])))
    assert visit.start is None


@pytest.mark.parametrize(
    "places",
    [
        "Tokyo and Hanoi",
        "Tokyo, Japan and Hanoi, Vietnam",
        "Tokyo, Japan; and Hanoi, Vietnam",
        "Japan and Vietnam",
        "Tokyo and Vietnam",
    ],
)
def test_a_trip_to_two_countries_named_by_their_cities_is_two_visits(
    visits: Visits, places: str
) -> None:
    text = f"Lena Voss will travel to {places} next week."
    found = visits(text, **facts(dates=[("next week", None)]))
    assert [v.host for v in found] == ["JPN", "VNM"]


def test_two_cities_of_one_country_are_one_visit(visits: Visits) -> None:
    visit = only(visits("Lena Voss will travel to Tokyo and Osaka next week.", **facts()))
    assert (visit.host, visit.places) == ("JPN", ("Tokyo", "Osaka"))


# ------------------------------------------------- one record per visit


def test_repeated_mentions_become_one_record_with_every_span(
    annotated: Annotated, records: Records
) -> None:
    text = (
        "Ravi Iyer will visit Japan from May 5. The visit will focus on trade. "
        "During the trip Ravi Iyer will also see students. His Tokyo visit ends on May 8."
    )
    doc, mentions = annotated(
        text, **facts(dates=[("May 5", "2024-05-05"), ("May 8", "2024-05-08")])
    )
    visit = only([r for r in records(doc, mentions) if isinstance(r, bilatx.Visit)])
    triggers = [s for s in visit.evidence if doc.text[s.start : s.end] in {"visit", "trip"}]
    assert len(triggers) == 4
    assert visit.places == ("Tokyo",)
    assert visit.start == bilatx.DateValue(2024, 5, 5)


def test_meeting_abroad_implies_a_visit(visits: Visits) -> None:
    text = "Lena Voss met today with President Tomas Berg in Oslo to discuss energy."
    visit = only(visits(text, published="2024-05-02", **facts(dates=[("today", "2024-05-02")])))
    assert (visit.visitor.surname, visit.host, visit.places) == ("Voss", "NOR", ("Oslo",))
    # One meeting day says nothing of how long the trip was.
    assert (visit.start, visit.end) == (None, None)


def test_talks_in_a_foreign_city_imply_a_visit(visits: Visits) -> None:
    text = "Central bank head Lena Voss, in talks in Tokyo last week with lenders, said more."
    visit = only(visits(text, **facts(dates=[("last week", None)])))
    assert (visit.visitor.surname, visit.host, visit.places) == ("Voss", "JPN", ("Tokyo",))


def test_talks_only_mentioned_imply_nothing(visits: Visits) -> None:
    text = "Lena Voss warned against a deal at the Tokyo trade talks that would hurt farmers."
    assert visits(text, **facts()) == []


def test_an_official_in_a_call_did_not_travel(visits: Visits) -> None:
    text = "Lena Voss spoke by phone with President Tomas Berg of Norway today."
    assert visits(text, **facts(dates=[("today", "2024-05-02")])) == []


def test_an_organisation_is_no_host(visits: Visits) -> None:
    text = "Lena Voss met President Tomas Berg of Norway on the sidelines of the assembly."
    assert visits(text, **facts()) == []


# ------------------------------------------------- presence, legs, the past

SATO = ("Kenji Sato", "Foreign Minister", "JPN")
SANTOSO = ("Budi Santoso", "Finance Minister", "IDN")
MONDAY = ("Monday", "2024-05-06")


def trips(found: list[bilatx.Visit]) -> set[tuple[str, str | None]]:
    return {(v.visitor.surname, v.host) for v in found}


def test_the_visiting_minister_is_abroad_where_the_story_is_filed(visits: Visits) -> None:
    text = (
        "TOKYO, May 6 - The visiting Indonesian Finance Minister Budi Santoso said on Monday "
        "that his government would seek more investment."
    )
    visit = only(visits(text, **facts(people=[SANTOSO], dates=[MONDAY])))
    assert (visit.visitor.surname, visit.origin, visit.host) == ("Santoso", "IDN", "JPN")
    # Monday is when he spoke: the trip's start is unknown.
    assert (visit.start, visit.status) == (None, VisitStatus.ONGOING)


def test_the_visiting_minister_is_in_the_country_of_whoever_meets_him(
    visits: Visits, meetings: Meetings
) -> None:
    text = "Foreign Minister Kenji Sato met the visiting Finance Minister Budi Santoso on Monday."
    extra = facts(people=[SATO, SANTOSO], dates=[MONDAY])
    assert trips(visits(text, **extra)) == {("Santoso", "JPN")}
    (meeting,) = meetings(text, **extra)
    assert meeting.date == bilatx.DateValue(2024, 5, 6)


@pytest.mark.parametrize(
    "text",
    [
        "Foreign Minister Kenji Sato met visiting Finance Minister Budi Santoso on Monday.",
        "Visiting Finance Minister Budi Santoso met Foreign Minister Kenji Sato on Monday.",
    ],
)
def test_visiting_before_a_title_describes_the_guest(visits: Visits, text: str) -> None:
    visit = only(visits(text, **facts(people=[SATO, SANTOSO], dates=[MONDAY])))
    assert (visit.visitor.surname, visit.host, visit.start) == ("Santoso", "JPN", None)


def test_several_visiting_guests_each_travelled(visits: Visits) -> None:
    text = "Foreign Minister Kenji Sato met visiting ministers Lena Voss and Ravi Iyer on Monday."
    found = visits(text, **facts(people=[SATO, VOSS, IYER], dates=[MONDAY]))
    assert trips(found) == {("Voss", "JPN"), ("Iyer", "JPN")}


def test_visiting_as_a_verb_is_still_read_as_one(visits: Visits) -> None:
    text = "Lena Voss is visiting Japan this week."
    assert trips(visits(text, **facts())) == {("Voss", "JPN")}


@pytest.mark.parametrize(
    "text",
    [
        "President Tomas Berg's stand in Tokyo yesterday surprised his allies.",
        "A speech in Tokyo by President Tomas Berg surprised his allies.",
    ],
)
def test_being_seen_abroad_is_a_visit_without_dates(visits: Visits, text: str) -> None:
    visit = only(visits(text, **facts(dates=[("yesterday", "2024-05-05")])))
    assert (visit.visitor.surname, visit.host, visit.places) == ("Berg", "JPN", ("Tokyo",))
    assert (visit.start, visit.end) == (None, None)


def test_taking_a_stand_is_no_visit(visits: Visits) -> None:
    assert visits("President Tomas Berg took a stand in Tokyo yesterday.", **facts()) == []


def test_the_next_leg_of_a_tour_told_with_a_bare_title(visits: Visits) -> None:
    text = (
        "President Tomas Berg will travel to Berlin on June 26. On June 28, the President "
        "will travel to Lisbon. The President will then travel to Hanoi on June 30."
    )
    dates = [("June 26", "2024-06-26"), ("June 28", "2024-06-28"), ("June 30", "2024-06-30")]
    found = visits(text, **facts(dates=dates))
    assert {(v.visitor.surname, v.host, v.start) for v in found} == {
        ("Berg", "DEU", bilatx.DateValue(2024, 6, 26)),
        ("Berg", "PRT", bilatx.DateValue(2024, 6, 28)),
        ("Berg", "VNM", bilatx.DateValue(2024, 6, 30)),
    }


def test_a_past_visit_as_a_noun_goes_to_the_other_country_of_the_story(visits: Visits) -> None:
    text = (
        "Norway and Germany signed a fisheries pact on Monday, the first since President "
        "Tomas Berg's visit in 2017."
    )
    visit = only(visits(text, **facts(dates=[MONDAY, ("2017", "2017")])))
    assert (visit.visitor.surname, visit.host, visit.status) == (
        "Berg",
        "DEU",
        VisitStatus.COMPLETED,
    )


def test_an_owned_visit_with_no_country_in_sight_stays_unplaced(visits: Visits) -> None:
    assert visits("President Tomas Berg's visit was praised.", **facts()) == []


def test_who_stands_for_the_person_right_before_it(visits: Visits) -> None:
    text = "President Tomas Berg met Lena Voss, who will visit Tokyo on Monday."
    visit = only(visits(text, **facts(dates=[MONDAY])))
    assert (visit.visitor.surname, visit.host, visit.start) == (
        "Voss",
        "JPN",
        bilatx.DateValue(2024, 5, 6),
    )


def test_her_before_a_noun_is_a_possessive_of_the_subject(visits: Visits) -> None:
    text = "Lena Voss praised the ties during her ongoing five-day visit to Norway."
    visit = only(visits(text, **facts(durations=[("five-day", 5)])))
    assert (visit.visitor.surname, visit.host, visit.status) == ("Voss", "NOR", VisitStatus.ONGOING)


def test_a_host_side_official_is_not_the_visitor(visits: Visits) -> None:
    # "her" is nearest to Berg, but Berg is at home in Oslo: the trip is Voss's.
    text = "Lena Voss will hold talks with President Tomas Berg during her visit to Oslo on Monday."
    visit = only(visits(text, **facts(dates=[MONDAY])))
    assert (visit.visitor.surname, visit.host) == ("Voss", "NOR")
    text = (
        "President Tomas Berg welcomed Lena Voss, who is on a three-day visit to Norway, "
        "and praised the visit."
    )
    visit = only(visits(text, **facts(durations=[("three-day", 3)])))
    assert (visit.visitor.surname, visit.host, visit.status) == (
        "Voss",
        "NOR",
        VisitStatus.ONGOING,
    )


@pytest.mark.parametrize(
    "text",
    [
        (
            "Lena Voss arrived in Hanoi on Monday for a regional forum. On the sidelines, she met "
            "her Japanese counterpart Kenji Sato."
        ),
        (
            "Foreign ministers from the region gathered in Hanoi on Monday. Lena Voss met Kenji "
            "Sato on the sidelines."
        ),
        (
            "Lena Voss arrived in Hanoi on Monday for a regional forum. While there, she met "
            "Kenji Sato."
        ),
    ],
)
def test_a_third_country_counterpart_met_abroad_travelled_too(
    visits: Visits, meetings: Meetings, text: str
) -> None:
    extra = facts(people=[VOSS, SATO], dates=[MONDAY])
    assert trips(visits(text, **extra)) == {("Voss", "VNM"), ("Sato", "VNM")}
    assert [m.place for m in meetings(text, **extra)] == ["Hanoi"]


def test_a_later_meeting_not_set_inside_the_visit_implies_nothing(visits: Visits) -> None:
    text = "Lena Voss visited Hanoi last week. On Monday she met Kenji Sato."
    extra = facts(people=[VOSS, SATO], dates=[MONDAY])
    assert trips(visits(text, **extra)) == {("Voss", "VNM")}


def test_hosting_for_an_official_visit_dates_the_trip(visits: Visits) -> None:
    text = "President Tomas Berg will host Lena Voss for an official visit on Monday."
    visit = only(visits(text, **facts(dates=[MONDAY])))
    assert (visit.visitor.surname, visit.host, visit.start) == (
        "Voss",
        "NOR",
        bilatx.DateValue(2024, 5, 6),
    )


@pytest.mark.parametrize(
    ("text", "status"),
    [
        ("Lena Voss landed in Nairobi late on Sunday.", VisitStatus.ONGOING),
        ("Lena Voss went to Kenya in March.", VisitStatus.COMPLETED),
    ],
)
def test_more_travel_verbs(visits: Visits, text: str, status: VisitStatus) -> None:
    visit = only(visits(text, **facts()))
    assert (visit.host, visit.status) == ("KEN", status)


@pytest.mark.parametrize(
    "opening",
    ["TOKYO: ", "TOKYO (Wire) - ", "Tokyo (Wire) \u2014 ", "TOKYO, May 6 - "],
)
def test_datelines_with_or_without_a_date_place_the_story(visits: Visits, opening: str) -> None:
    text = opening + "The visiting Finance Minister Budi Santoso said trade would grow."
    visit = only(visits(text, **facts(people=[SANTOSO])))
    assert visit.host == "JPN"


def test_a_heading_in_capitals_is_no_dateline(visits: Visits) -> None:
    text = "GROWING TRADE: The visiting Finance Minister Budi Santoso said trade would grow."
    assert visits(text, **facts(people=[SANTOSO])) == []


@pytest.mark.parametrize(
    ("text", "status"),
    [
        ("Lena Voss postponed a visit to Kenya.", VisitStatus.POSTPONED),
        ("Lena Voss called off her trip to Kenya.", VisitStatus.CANCELLED),
        ("Lena Voss announced a visit to Kenya next month.", VisitStatus.ANNOUNCED),
    ],
)
def test_verbs_that_make_a_visit_noun_the_subjects_act(
    visits: Visits, text: str, status: VisitStatus
) -> None:
    visit = only(visits(text, **facts()))
    assert (visit.visitor.surname, visit.host, visit.status) == ("Voss", "KEN", status)


# -------------------------------------------------------------- hypothesis

NAMES = st.sampled_from(["Lena Voss", "Ravi Iyer", "Kwame Mensah", "Ines Duarte", "Aiko Mori"])
HOSTS = st.sampled_from(COUNTRIES)
ORIGINS = st.sampled_from(["DEU", "IND", "GHA", "BRA", "FRA"])
DAYS = st.dates(dt.date(1990, 1, 1), dt.date(2035, 12, 31))


def _month_day(day: dt.date) -> str:
    return f"{day:%B} {day.day}"


@given(name=NAMES, host=HOSTS, origin=ORIGINS, start=DAYS, length=st.integers(1, 14))
def test_generated_visits_come_back_with_their_dates(  # noqa: PLR0917  (hypothesis draws)
    visits: Visits, name: str, host: tuple[str, str], origin: str, start: dt.date, length: int
) -> None:
    country, code = host
    number = ["one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"]
    words = number[length - 1] if length <= len(number) else str(length)
    template = (
        f"The minister {name} will pay a {words}-day visit to {country} from "
        f"{_month_day(start)}, her office said. The visit will focus on trade."
    )
    found = visits(
        template,
        people=[(name, "Minister", origin)],
        countries=[host],
        dates=[(_month_day(start), start.isoformat())],
        durations=[(f"{words}-day", length)],
    )
    if code == origin:  # nobody visits their own country
        assert found == []
        return
    assert len(found) == 1
    visit = found[0]
    assert (visit.visitor.name, visit.origin, visit.host) == (name, origin, code)
    assert visit.start == bilatx.DateValue.from_date(start)
    assert visit.end == bilatx.DateValue.from_date(start + dt.timedelta(days=length - 1))
    assert visit.status is VisitStatus.ANNOUNCED
    assert not visit.date_conflict


@given(name=NAMES, city=st.sampled_from(CITIES), origin=ORIGINS, day=DAYS)
def test_generated_past_day_visits(
    visits: Visits, name: str, city: tuple[str, str], origin: str, day: dt.date
) -> None:
    when = f"{day:%B} {day.day}, {day.year}"
    text = f"On {when}, {name} visited {city[0]} to open a consulate."
    found = visits(
        text,
        people=[(name, None, origin)],
        cities=[city],
        dates=[(when, day.isoformat())],
    )
    if city[1] == origin:
        assert found == []
        return
    assert len(found) == 1
    visit = found[0]
    assert (visit.host, visit.places) == (city[1], (city[0],))
    assert visit.start == visit.end == bilatx.DateValue.from_date(day)
    assert visit.status is VisitStatus.COMPLETED


DATELINES = st.sampled_from(
    [("TOKYO", "JPN"), ("NAIROBI", "KEN"), ("OSLO", "NOR"), ("LISBON", "PRT"), ("HANOI", "VNM")]
)


@given(
    name=NAMES,
    origin=ORIGINS,
    dateline=DATELINES,
    style=st.sampled_from(["{place}: ", "{place} (Wire) - ", "{place}, May 6 - "]),
    title=st.sampled_from(["Finance Minister", "Foreign Minister", "Trade Minister"]),
)
def test_generated_visiting_guests_are_where_the_story_is_filed(  # noqa: PLR0917
    visits: Visits, name: str, origin: str, dateline: tuple[str, str], style: str, title: str
) -> None:
    place, code = dateline
    text = (
        style.format(place=place)
        + f"The visiting {title} {name} said on Monday that ties were good."
    )
    found = visits(text, people=[(name, title, origin)], dates=[MONDAY], published="2024-05-06")
    if code == origin:
        assert found == []
        return
    visit = only(found)
    assert (visit.visitor.name, visit.origin, visit.host) == (name, origin, code)
    assert (visit.start, visit.end, visit.status) == (None, None, VisitStatus.ONGOING)


@given(
    pair=st.permutations(["Lena Voss", "Ravi Iyer", "Aiko Mori", "Ines Duarte"]).map(
        lambda names: names[:2]
    ),
    host=HOSTS,
    day=DAYS,
)
def test_generated_relative_clauses_give_the_trip_to_the_name_before_who(
    visits: Visits, pair: list[str], host: tuple[str, str], day: dt.date
) -> None:
    when = f"{day:%B} {day.day}, {day.year}"
    text = f"{pair[0]} met {pair[1]}, who will visit {host[0]} on {when}."
    people = [(pair[0], "Minister", "GHA"), (pair[1], "Minister", "BRA")]
    found = visits(text, people=people, countries=[host], dates=[(when, day.isoformat())])
    visit = only(found)
    assert (visit.visitor.name, visit.host) == (pair[1], host[1])
    assert visit.start == bilatx.DateValue.from_date(day)


@given(text=st.text(max_size=300))
def test_arbitrary_text_never_breaks_the_builder(visits: Visits, text: str) -> None:
    for visit in visits(text, people=[VOSS], countries=COUNTRIES):
        for span in visit.evidence:
            span.check_within(text)


# -------------------------------------------------------------- end to end


def test_end_to_end_announced_visit(pipeline: bilatx.Pipeline) -> None:
    text = (
        "India's External Affairs Minister S. Jaishankar will visit Russia from "
        "December 25, officials said."
    )
    result = pipeline.extract(text, published="2023-12-20")
    visit = only(list(result.visits))
    assert (visit.visitor.surname, visit.origin, visit.host) == ("Jaishankar", "IND", "RUS")
    assert visit.start == bilatx.DateValue(2023, 12, 25)
    assert visit.status is VisitStatus.ANNOUNCED


def test_end_to_end_seeds_come_out_as_their_gold(
    pipeline: bilatx.Pipeline, shared_dir: Path
) -> None:
    import json

    gold = {}
    for line in (shared_dir / "corpus" / "dev" / "gold.jsonl").read_text("utf-8").splitlines():
        item = json.loads(line)
        gold[item["id"]] = item
    inputs = (shared_dir / "corpus" / "dev" / "input.jsonl").read_text("utf-8").splitlines()
    for line in inputs[:2]:
        item = json.loads(line)
        out = pipeline.extract(item["text"], published=item["published"], doc_id=item["id"])
        data = out.to_dict(include_text=False)
        keys = ("visitor", "origin", "host", "start", "end", "places")
        assert [{k: v[k] for k in keys} for v in data["visits"]] == gold[item["id"]]["visits"]


def test_text_without_full_stops_is_read_in_linear_time(
    annotated: Annotated, records: Records
) -> None:
    import time

    clause = (
        "Lena Voss will visit Japan from May 3 and she met President Tomas Berg in Oslo "
        "today and during his visit to the country he held talks with Ana Silva and "
    )
    text = clause * 400  # 60,000 characters, one sentence
    doc, mentions = annotated(
        text,
        **facts(dates=[("May 3", "2024-05-03"), ("today", "2024-05-02")]),
    )
    began = time.perf_counter()
    found = records(doc, mentions)
    assert time.perf_counter() - began < 30  # a quadratic reading takes minutes here
    assert any(isinstance(r, bilatx.Visit) and r.host == "JPN" for r in found)
