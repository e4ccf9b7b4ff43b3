"""Example tests for the dates plugin: every supported form, in sentences of our own.

Unless a case says otherwise, the publication date is Thursday 28 December 2023.
"""

from __future__ import annotations

import datetime as dt

import pytest

import bilatx
import bilatx_dates

PUB = "2023-12-28"


def run(
    text: str, published: str | None = PUB, order: bilatx.DateOrder | None = None
) -> list[bilatx.DateMention | bilatx.DurationMention]:
    doc = bilatx.Document(text=text, published=published)
    found = bilatx_dates.bilatx_extract_dates(doc=doc, settings=bilatx.Settings(date_order=order))
    for m in found:
        assert text[m.span.start : m.span.end] == m.text
        assert m.extractor == "dates"
    return found


def dates(
    text: str, published: str | None = PUB, order: bilatx.DateOrder | None = None
) -> list[tuple[str, str | None]]:
    return [
        (m.text, None if m.value is None else m.value.iso())
        for m in run(text, published, order)
        if isinstance(m, bilatx.DateMention)
    ]


def only(text: str, published: str | None = PUB) -> bilatx.DateMention:
    found = [m for m in run(text, published) if isinstance(m, bilatx.DateMention)]
    assert len(found) == 1, found
    return found[0]


def durations(text: str) -> list[tuple[str, int]]:
    return [(m.text, m.days) for m in run(text) if isinstance(m, bilatx.DurationMention)]


# ------------------------------------------------------------------ absolute


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The ministers signed the pact on 26 December 2023 in Oslo.",
            ("26 December 2023", "2023-12-26"),
        ),
        ("Talks resumed on December 26, 2023, after a pause.", ("December 26, 2023", "2023-12-26")),
        (
            "The accord took effect on the 26th of December 2023.",
            ("the 26th of December 2023", "2023-12-26"),
        ),
        ("Both sides met on December 26th, 2023.", ("December 26th, 2023", "2023-12-26")),
        ("The notice is dated 2023-12-26 in the register.", ("2023-12-26", "2023-12-26")),
        ("The envoy landed on Dec. 26 and went to the ministry.", ("Dec. 26", "2023-12-26")),
        ("The freight corridor opened on Sept 4, 2019.", ("Sept 4, 2019", "2019-09-04")),
        ("The refinery was built in 1986.", ("1986", "1986")),
        ("Exports peaked in March 2023.", ("March 2023", "2023-03")),
        ("Imports dipped in September, 1986.", ("September, 1986", "1986-09")),
        ("A ruling is due by mid-2024.", ("mid-2024", "2024")),
        ("The debt falls due at end 1987.", ("end 1987", "1987")),
        ("The plan runs until the end of 2030.", ("the end of 2030", "2030")),
        ("The line was laid before 1944, records show.", ("1944", "1944")),
    ],
)
def test_absolute_forms(text: str, expected: tuple[str, str]) -> None:
    assert dates(text) == [expected]


def test_weekday_before_a_written_date_is_part_of_it() -> None:
    assert dates("The summit opens Tuesday, Dec 26, in the capital.", "2023-12-20") == [
        ("Tuesday, Dec 26", "2023-12-26")
    ]


def test_the_nth_takes_its_month_from_the_date_before_it() -> None:
    assert dates("He left on December 3 and was back on the 5th.") == [
        ("December 3", "2023-12-03"),
        ("the 5th", "2023-12-05"),
    ]


def test_the_nth_without_a_month_before_it_has_no_value() -> None:
    assert dates("The envoy returns on the 5th.") == [("the 5th", None)]


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        # The nearest year to the publication date.
        ("A fair opens in the port on January 5.", "2023-12-28", "2024-01-05"),
        ("The fair closed on December 2.", "2024-01-03", "2023-12-02"),
        ("Prices are reviewed in March.", "2023-12-28", "2024-03"),
        ("The wheat harvest failed in October.", "2024-01-20", "2023-10"),
        # Tense decides when the nearest reading contradicts it.
        ("The talks will resume in October.", "2023-12-28", "2024-10"),
        ("The visit is scheduled for December 12.", "2023-01-10", "2023-12-12"),
        # A past tense does not push a date back a year: past reporting verbs
        # often govern future events.
        ("The treaty was ratified on January 5.", "2023-12-28", "2024-01-05"),
        ("The ministry announced the visit on March 2.", "2023-12-28", "2024-03-02"),
        (
            "Leaders looked ahead to the summit on June 28-30.",
            "2022-06-15",
            "2022-06-28/2022-06-30",
        ),
        ("The visit follows a trip by his deputy in February.", "1987-04-14", "1987-02"),
        ("The summit was expected to open on December 20.", "2023-12-28", "2023-12-20"),
        ("The visit, which begins on January 5, was announced yesterday.", PUB, "2024-01-05"),
        (
            "Trade reached $5 billion in 2022, the ministry said on March 3.",
            "2023-03-10",
            "2023-03-03",
        ),
        ("The two sides agreed to meet in November.", "2023-12-28", "2024-11"),
        ("The accord is expected to be presented in October.", "1987-03-12", "1987-10"),
        ("The accord was presented in October.", "1987-03-12", "1986-10"),
        # "since" looks back.
        ("Doses have been shipped since March.", "2022-02-11", "2021-03"),
        ("Doses have been shipped since March 3.", "2022-02-11", "2021-03-03"),
        ("Doses have been shipped since January.", "2022-02-11", "2022-01"),
        # A year written earlier in the same sentence is the month's year.
        ("The 2021 drill, which took place in June, was the largest.", "2022-03-28", "2021-06"),
    ],
)
def test_year_less_dates(text: str, published: str, expected: str) -> None:
    assert expected in [v for _, v in dates(text, published)]


def test_year_less_month_lists_give_one_mention_each() -> None:
    assert dates("Further rounds will be held in June and September.", "1987-03-12") == [
        ("June", "1987-06"),
        ("September", "1987-09"),
    ]


def test_month_before_a_noun() -> None:
    assert dates("A draft goes to the June meeting.", "1987-03-12") == [("June", "1987-06")]


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        ("TOKYO, March 22 - Japan will cut tariffs on steel.", "1987-03-22", "1987-03-22"),
        ("OSLO, Dec 30 - Norway said it signed the deal.", "2024-01-01", "2023-12-30"),
        ("New Delhi, Jul 26 (PTI) The cabinet approved the plan.", "2017-07-26", "2017-07-26"),
    ],
)
def test_datelines(text: str, published: str, expected: str) -> None:
    mention = run(text, published)[0]
    assert isinstance(mention, bilatx.DateMention)
    assert mention.rule == "dateline"
    assert mention.value is not None
    assert mention.value.iso() == expected


def test_numeric_dates_need_an_order() -> None:
    text = "The order was issued on 12/05/2023."
    assert dates(text) == [("12/05/2023", None)]
    assert dates(text, order=bilatx.DateOrder.DAY_FIRST) == [("12/05/2023", "2023-05-12")]
    assert dates(text, order=bilatx.DateOrder.MONTH_FIRST) == [("12/05/2023", "2023-12-05")]


def test_numeric_date_impossible_in_the_order_stays_unresolved() -> None:
    text = "The order was issued on 25/12/2023."
    assert dates(text, order=bilatx.DateOrder.MONTH_FIRST) == [("25/12/2023", None)]
    assert dates(text, order=bilatx.DateOrder.DAY_FIRST) == [("25/12/2023", "2023-12-25")]


# -------------------------------------------------------------------- ranges


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        ("The delegation tours the ports May 21-24.", "2023-05-02", "2023-05-21/2023-05-24"),
        ("The forum sat on 21-24 May 2023.", PUB, "2023-05-21/2023-05-24"),
        ("Talks ran on 7-8 July, 2022 in the capital.", PUB, "2022-07-07/2022-07-08"),
        ("He will stay from December 25 to 29.", "2023-12-20", "2023-12-25/2023-12-29"),
        ("The festival runs from December 25 to January 2.", "2023-12-20", "2023-12-25/2024-01-02"),
        ("Output doubled between 2019 and 2021.", PUB, "2019/2021"),
        ("The 2019-2021 plan met its goals.", PUB, "2019/2021"),
        ("Wages rose from 2015 to 2018.", PUB, "2015/2018"),
        ("Rains fell from March to May 2023.", PUB, "2023-03/2023-05"),
        ("Output fell in January-February.", "1987-03-10", "1987-01/1987-02"),
        ("Visits were paused between June 3 and 5, 2021.", PUB, "2021-06-03/2021-06-05"),
    ],
)
def test_ranges(text: str, published: str, expected: str) -> None:
    (mention,) = [m for m in run(text, published) if isinstance(m, bilatx.DateMention)]
    assert isinstance(mention.value, bilatx.DateInterval)
    assert mention.value.iso() == expected


def test_two_days_joined_by_and_are_two_dates() -> None:
    assert [v for _, v in dates("The envoys met on June 29 and 30.", "2022-07-01")] == [
        "2022-06-29",
        "2022-06-30",
    ]


def test_a_year_before_a_plural_noun_after_a_preposition_is_a_year() -> None:
    assert [v for _, v in dates("Parties met ahead of 2024 elections.")] == ["2024"]
    assert [v for _, v in dates("Emissions fell below 1990 levels.")] == ["1990"]


def test_separate_years_joined_by_and_are_not_a_range() -> None:
    assert [v for _, v in dates("Exports fell in 1985 and 1986.")] == ["1985", "1986"]


def test_short_year_range_is_a_range_unless_it_is_a_fiscal_year() -> None:
    assert [v for _, v in dates("Growth slowed in 1990-95.")] == ["1990/1995"]
    assert [v for _, v in dates("Spending rose in 2009-10.")] == [None]
    assert [v for _, v in dates("Totals for 2009-10 to 2017-18 were published.")] == [None]


# ------------------------------------------------------------------ relative


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The minister arrived yesterday.", "2023-12-27"),
        ("The minister leaves tomorrow.", "2023-12-29"),
        ("The minister said today that talks went well.", "2023-12-28"),
        ("Ministers spoke late last night.", "2023-12-27"),
        ("Trade fell last month.", "2023-11"),
        ("Trade should rise next month.", "2024-01"),
        ("This month the port reopened.", "2023-12"),
        ("Growth slowed last year.", "2022"),
        ("Growth picked up this year.", "2023"),
        ("Growth should recover next year.", "2024"),
        ("The deal collapsed two years ago.", "2021"),
        ("The deal collapsed nearly two years ago.", "2021"),
        ("The plant shut 18 months ago.", "2022-06"),
        ("The plant shut 10 days ago.", "2023-12-18"),
        ("Sales rose earlier this month.", "2023-12"),
        ("A decision is due later this year.", "2023"),
        ("The mine reopened late last year.", "2022"),
        ("The troops leave by the end of the year.", "2023"),
        ("A review is due at year-end.", "2023"),
    ],
)
def test_relative_forms(text: str, expected: str) -> None:
    mention = only(text)
    assert mention.value is not None
    assert mention.value.iso() == expected
    assert mention.relative
    assert mention.base == dt.date(2023, 12, 28)
    assert mention.rule


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The two leaders spoke on Monday.", "2024-08-26"),
        ("The two leaders will speak on Monday.", "2024-09-02"),
        ("The president met the envoy on Tuesday.", "2024-08-27"),
        ("Modi on Tuesday spoke with the chancellor.", "2024-08-27"),
        ("Last Friday, the ministers met in Rome.", "2024-08-23"),
        ("Talks resume next Tuesday.", "2024-09-03"),
        ("The talks begin Thursday in Vienna.", "2024-08-29"),
        ("A day before, the chancellor had called.", "2024-08-26"),
        ("An aide said that on Thursday the envoys would meet.", "2024-08-29"),
        ("An aide said that on Monday the envoys met.", "2024-08-26"),
        ("An aide said on Monday that the envoys would meet.", "2024-08-26"),
        ("On Thursday U.S. Deputy Trade Representative Ana Lund would meet them.", "2024-08-29"),
        ("On Thursday, U.S. Deputy Trade Representative Ana Lund would meet them.", "2024-08-29"),
    ],
)
def test_weekdays_follow_the_tense(text: str, expected: str) -> None:
    mention = only(text, "2024-08-27")  # a Tuesday
    assert mention.value is not None
    assert mention.value.iso() == expected


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        ("The premier toured the region in November last year.", "2017-09-12", "2016-11"),
        ("Exports rose in March this year.", "2017-09-12", "2017-03"),
        ("A review is due by mid-June of next year.", "2017-09-12", "2018-06"),
        ("During the raid last April, the allies disagreed.", "1987-03-29", "1986-04"),
        ("At a meeting last January the ministers agreed.", "1987-03-11", "1987-01"),
        ("The fleet returns next May.", "2023-12-28", "2024-05"),
    ],
)
def test_last_and_next_month_names(text: str, published: str, expected: str) -> None:
    assert [v for _, v in dates(text, published)] == [expected]


@pytest.mark.parametrize(
    "text",
    [
        "The team arrives next week.",
        "A trader visited the port last week.",
        "Officials meet this week.",
        "Earlier this week the premier spoke.",
        "Talks continue later this week.",
        "Curbs were lifted two weeks ago.",
        "The envoy stops over at end-week.",
    ],
)
def test_week_phrases_are_recognised_without_a_value(text: str) -> None:
    mention = only(text)
    assert mention.value is None
    assert mention.granularity is bilatx.Granularity.WEEK


def test_without_a_publication_date_relative_forms_stay_unresolved() -> None:
    text = "The deal was signed yesterday, after talks on December 5 and on December 5, 2023."
    assert dates(text, None) == [
        ("yesterday", None),
        ("December 5", None),
        ("December 5, 2023", "2023-12-05"),
    ]
    for m in run(text, None):
        assert isinstance(m, bilatx.DateMention)
        assert m.base is None


def test_absolute_mentions_carry_no_base() -> None:
    mention = only("Both sides met on 26 December 2023.")
    assert not mention.relative
    assert mention.base is None
    assert mention.granularity is bilatx.Granularity.DAY
    assert mention.rule == "day_month"


# ----------------------------------------------------------------- durations


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The minister began a five-day visit.", [("five-day", 5)]),
        ("It was a two-day trip.", [("two-day", 2)]),
        ("The envoy stayed for three days.", [("for three days", 3)]),
        ("The band set off on a week-long tour.", [("a week-long", 7)]),
        ("Observers spent two weeks in the region.", [("spent two weeks", 14)]),
        ("A three-month mission begins soon.", [("three-month", 90)]),
    ],
)
def test_durations(text: str, expected: list[tuple[str, int]]) -> None:
    assert durations(text) == expected
    assert dates(text) == []


def test_durations_are_not_dates() -> None:
    text = "After a five-day visit and talks lasting for two years, peace held for 40-50 years."
    assert [v for _, v in dates(text)] == []


def test_ages_are_neither_dates_nor_durations() -> None:
    text = "A 45-year-old envoy and a two-year-old child; she is in her 70s."
    assert dates(text) == []
    assert durations(text) == []


# ------------------------------------------------------ false positives guarded


@pytest.mark.parametrize(
    "text",
    [
        "Officials may meet again, and protesters march on.",
        "Prime Minister Theresa May spoke to reporters.",
        "Sat Paul Mittal chairs the group.",
        "The firm bought 1999 shares for $2023 at 1500 GMT, up 2015 percent.",
        "The bill rose to Rs 2019 crore.",
        "The fund holds 1700 oxygen concentrators.",
        "See page 1987 of version 2.1.2023 and pp. 1999-2003.",
        "Resolution 1701 and Section 2019 apply.",
        "India Today and USA Today reported the visit.",
        "The embassy at 1600 Pennsylvania Avenue replied.",
        "The firm bought 2000 vehicles.",
        "The shipment was postponed March to May.",
        "Good Friday prayers and Black Friday sales drew crowds.",
        "They focused on the 21st century economy.",
        "The index gained 12.5 percent to 2045.5 points.",
        "At 10:30 the 1,500-strong force moved.",
    ],
)
def test_not_dates(text: str) -> None:
    assert dates(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "Protests in the 90's reshaped politics.",
        "Ties frayed in the 1980s.",
        "Ties frayed in the late 1970s.",
        "Fiscal 2023 results were strong.",
        "Results for the 2022 fiscal year were strong.",
        "The FY2023-24 budget was passed.",
        "In the first half of 2022 exports grew.",
        "Sales rose in the first quarter of 2022.",
        "In the first 11 months of 1986 the deficit widened.",
        "Harvests improved last autumn.",
    ],
)
def test_recognised_without_a_value(text: str) -> None:
    found = dates(text)
    assert found
    assert all(value is None for _, value in found)


def test_decades_are_decades() -> None:
    mention = only("Ties frayed in the 1980s.")
    assert mention.granularity is bilatx.Granularity.DECADE


def test_plugin_name_and_hook() -> None:
    assert bilatx_dates.NAME == "dates"
    found = bilatx_dates.bilatx_extract_dates(
        doc=bilatx.Document(text=""), settings=bilatx.Settings()
    )
    assert found == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The accord dates from the president's visit in march.", "2024-03"),
        ("Exports were frozen on tuesday.", "2024-08-27"),
        ("Nothing has moved since june.", "2024-06"),
    ],
)
def test_lower_case_months_and_weekdays_after_a_preposition(text: str, expected: str) -> None:
    mention = only(text, "2024-08-28")  # a Wednesday
    assert mention.value is not None
    assert mention.value.iso() == expected


@pytest.mark.parametrize(
    "text",
    ["Prices may rise in may.", "Farmers march to the capital.", "Tuesday's vote was close."],
)
def test_lower_case_words_that_are_no_dates(text: str) -> None:
    found = [m for m in run(text, "2024-08-28") if isinstance(m, bilatx.DateMention)]
    assert all(m.text[:1].isupper() for m in found)
