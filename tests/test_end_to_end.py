"""The whole default pipeline on whole articles: our own example and the seeds."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

import bilatx
from bilatx.evaluate import score

EXAMPLE = Path(__file__).resolve().parent.parent / "examples" / "norway-japan.txt"
SEEDS = ("000_b6b5cdcca69b40a1", "001_406cfeb22b89c37e")


@pytest.fixture(scope="module")
def example() -> dict[str, Any]:
    text = EXAMPLE.read_text(encoding="utf-8")
    return bilatx.extract(text, published="2024-05-06", doc_id="norway-japan").to_dict()


def test_example_visit(example: dict[str, Any]) -> None:
    (visit,) = example["visits"]
    assert {
        k: visit[k] for k in ("visitor", "origin", "host", "start", "end", "places", "status")
    } == {
        "visitor": "Lindqvist",
        "origin": "NOR",
        "host": "JPN",
        "start": "2024-05-14",
        "end": "2024-05-17",
        "places": ["Tokyo"],
        "status": "announced",
    }
    assert set(visit["sectors"]) >= {"energy", "connectivity"}


def test_example_meeting(example: dict[str, Any]) -> None:
    (meeting,) = example["meetings"]
    assert sorted(meeting["participants"]) == ["Lindqvist", "Sato"]
    assert (meeting["date"], meeting["place"]) == ("2024-05-15", "Tokyo")
    assert "energy" in meeting["topics"]


def test_example_officials(example: dict[str, Any]) -> None:
    people = {(o["name"], o["title"], o["country"]) for o in example["officials"]}
    assert people == {
        ("Anne Lindqvist", "Foreign Minister", "NOR"),
        ("Kenji Sato", "Foreign Minister", "JPN"),
    }


def test_example_statements(example: dict[str, Any]) -> None:
    by_speaker = {s["speaker"]: s for s in example["statements"]}
    assert set(by_speaker) == {"Lindqvist", "Sato"}
    assert by_speaker["Lindqvist"]["channel"] == "X"
    assert by_speaker["Lindqvist"]["quote"].startswith("Our two countries have never traded more")
    assert by_speaker["Sato"]["quote"].startswith("open a new chapter")


def test_example_trade_trend(example: dict[str, Any]) -> None:
    figures = sorted(example["trade_figures"], key=lambda t: t["low"])
    assert [(t["currency"], t["low"], t["high"], t["period"]) for t in figures] == [
        ("USD", 3_100_000_000, 3_100_000_000, "2021"),
        ("USD", 4_200_000_000, 4_200_000_000, "2023"),
    ]
    assert all(sorted(t["partners"]) == ["JPN", "NOR"] for t in figures)
    trend = figures[1]["trend"]
    assert trend["direction"] == "increase"
    assert trend["earlier"] == figures[0]["span"]


def test_example_dates(example: dict[str, Any]) -> None:
    values = {d["text"]: d["value"] for d in example["dates"]}
    assert values == {
        "May 6": "2024-05-06",
        "May 14": "2024-05-14",
        "Monday": "2024-05-06",
        "May 15": "2024-05-15",
        "2021": "2021",
        "last year": "2023",
    }
    assert [(d["text"], d["days"]) for d in example["durations"]] == [("four-day", 4)]


def test_example_every_span_is_evidence(example: dict[str, Any]) -> None:
    text = EXAMPLE.read_text(encoding="utf-8")
    for kind in ("dates", "money", "quotes", "durations"):
        for item in example[kind]:
            start, end = item["span"]
            assert text[start:end] == item["text"]


@pytest.mark.parametrize("seed", SEEDS)
def test_seed_articles_come_out_exactly_as_their_gold(shared_dir: Path, seed: str) -> None:
    """The two founding articles must match their gold on every field and attribute."""
    corpus = shared_dir / "corpus" / "dev"
    inputs = corpus.joinpath("input.jsonl").read_text(encoding="utf-8").splitlines()
    golds = corpus.joinpath("gold.jsonl").read_text(encoding="utf-8").splitlines()
    doc = next(json.loads(line) for line in inputs if seed in line)
    gold = next(json.loads(line) for line in golds if seed in line)
    pred = bilatx.extract(doc["text"], published=doc["published"], doc_id=doc["id"]).to_dict()
    report = score({seed: gold}, {seed: pred}).to_dict()
    for field, result in report["fields"].items():
        assert (result["fp"], result["fn"]) == (0, 0), f"{field}: {result}"
        for name, attribute in result.get("attributes", {}).items():
            assert attribute["correct"] == attribute["matched"], f"{field}.{name}: {attribute}"


def test_a_lead_naming_an_office_before_the_person_gives_a_dated_meeting() -> None:
    text = (
        "Norway and Kenya signed a fisheries accord on Tuesday after Prime Minister "
        "Ingrid Berg met the Kenyan President in Oslo.\n\n"
        "Kenyan President Amara Okafor said the accord would open new markets."
    )
    extraction = bilatx.extract(bilatx.Document(text=text, published="2024-03-07"))
    meetings = [(sorted(p.surname for p in m.participants), m.date) for m in extraction.meetings]
    assert meetings == [(["Berg", "Okafor"], bilatx.DateValue(2024, 3, 5))]


def test_guests_welcomed_by_an_unnamed_host_do_not_meet_each_other() -> None:
    text = (
        "The President will welcome His Majesty King Harald of Norway and his Royal "
        "Highness Crown Prince Haakon to the White House on May 13, 2024."
    )
    extraction = bilatx.extract(bilatx.Document(text=text, published="2024-05-10"))
    assert extraction.meetings == ()


def test_sector_words_inside_an_office_name_no_sector() -> None:
    text = (
        "Kenya's minister of energy and mines, Amara Okafor, has yet to reply to an "
        "invitation from Norway for talks on cooperation in fisheries."
    )
    extraction = bilatx.extract(bilatx.Document(text=text, published="2024-03-07"))
    # Fisheries are agriculture's; energy and mines only name the office.
    assert extraction.sectors == ("agriculture",)
