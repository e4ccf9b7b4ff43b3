"""bilatx.merge and ``bilatx merge``: the same event told by several articles becomes one record."""

from __future__ import annotations

import datetime as dt
import json
import os
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

import bilatx
from bilatx import DateValue, Meeting, Official, Source, Span, Statement, TradeFigure, Visit
from bilatx._cli_merge import _as_json
from bilatx.cli import main

VOSS = Official(name="Lena Voss", surname="Voss", title="Foreign Minister", country="DEU")
BERG = Official(name="Tomas Berg", surname="Berg", title="President", country="NOR")
SILVA = Official(name="Ana Silva", surname="Silva", title="Prime Minister", country="PRT")


def visit(
    doc: str,
    published: str | None,
    *,
    who: Official = VOSS,
    host: str = "NOR",
    start: str | None = None,
    end: str | None = None,
    places: tuple[str, ...] = (),
    status: str | None = None,
) -> Visit:
    return Visit(
        visitor=who,
        origin=who.country,
        host=host,
        start=start,
        end=end,
        places=places,
        status=status,
        sources=[Source(doc, (Span(0, 5),), published)],
        extractor="records",
    )


def meeting(
    doc: str, published: str | None, people: tuple[Official, ...], date: str | None
) -> Meeting:
    return Meeting(
        participants=people,
        date=date,
        sources=[Source(doc, (Span(0, 3),), published)],
        extractor="records",
    )


# ----------------------------------------------------------------- examples


def test_a_start_from_one_article_and_a_duration_from_another_give_the_end() -> None:
    first = bilatx.extract(
        "Foreign Minister Lena Voss of Germany will visit Norway from May 6.",
        published="2024-05-01",
        doc_id="a",
    )
    second = bilatx.extract(
        "Germany's Foreign Minister Lena Voss praised the ties during her ongoing "
        "five-day visit to Norway.",
        published="2024-05-08",
        doc_id="b",
    )
    if not first.visits or not second.visits:
        pytest.skip("the extractors did not find both visits")
    (merged,) = [r for r in bilatx.merge([first, second]) if isinstance(r, Visit)]
    assert (merged.start, merged.end) == (DateValue(2024, 5, 6), DateValue(2024, 5, 10))
    assert [s.doc_id for s in merged.sources] == ["a", "b"]
    assert merged.extractor == "merge"
    assert merged.evidence == ()


def test_undated_visits_merge_when_their_articles_are_close() -> None:
    merged = bilatx.merge([visit("a", "2024-05-01"), visit("b", "2024-05-20")])
    assert len(merged) == 1
    assert {s.doc_id for s in merged[0].sources} == {"a", "b"}


def test_undated_visits_years_apart_stay_apart() -> None:
    assert len(bilatx.merge([visit("a", "2019-05-01"), visit("b", "2024-05-01")])) == 2


def test_visits_with_disjoint_dates_stay_apart() -> None:
    a = visit("a", "2024-05-01", start="2024-05-02", end="2024-05-04")
    b = visit("b", "2024-06-01", start="2024-06-02", end="2024-06-03")
    assert len(bilatx.merge([a, b])) == 2


def test_different_hosts_or_visitors_stay_apart() -> None:
    records = [
        visit("a", "2024-05-01"),
        visit("b", "2024-05-01", host="PRT"),
        visit("c", "2024-05-01", who=SILVA),
    ]
    assert len(bilatx.merge(records)) == 3


def test_merged_visit_fills_gaps_and_keeps_the_latest_status() -> None:
    a = visit("a", "2024-05-01", start="2024-05-06", status="announced")
    b = visit("b", "2024-05-09", end="2024-05-08", places=("Oslo",), status="completed")
    (merged,) = bilatx.merge([a, b])
    assert isinstance(merged, Visit)
    assert (merged.start, merged.end, merged.places) == (
        DateValue(2024, 5, 6),
        DateValue(2024, 5, 8),
        ("Oslo",),
    )
    assert merged.status is bilatx.VisitStatus.COMPLETED
    assert not merged.date_conflict


def test_contradicting_starts_are_flagged() -> None:
    a = visit("a", "2024-05-01", start="2024-05-06")
    b = visit("b", "2024-05-02", start="2024-05-07")
    (merged,) = bilatx.merge([a, b])
    assert isinstance(merged, Visit)
    assert merged.date_conflict


def test_meetings_of_the_same_people_on_the_same_day_merge() -> None:
    a = meeting("a", "2024-05-02", (VOSS, BERG), "2024-05-02")
    b = meeting("b", "2024-05-03", (BERG, VOSS), None)
    c = meeting("c", "2024-05-03", (BERG, SILVA), "2024-05-02")
    merged = [r for r in bilatx.merge([a, b, c]) if isinstance(r, Meeting)]
    assert len(merged) == 2
    both = next(m for m in merged if len(m.sources) == 2)
    assert both.date == DateValue(2024, 5, 2)


def test_statements_and_trade_figures_merge() -> None:
    quote = "Our two countries will trade more fish and more timber"
    s1 = Statement(
        speaker=VOSS,
        quote=quote,
        quote_span=Span(0, 10),
        sources=[Source("a", (), dt.date(2024, 5, 1))],
        extractor="records",
    )
    s2 = Statement(
        speaker=VOSS,
        quote=quote + " next year",
        quote_span=Span(5, 15),
        sources=[Source("b", (), dt.date(2024, 5, 2))],
        extractor="records",
    )
    money = bilatx.Money.exact(Decimal(5_000_000_000), "USD")
    figures = [
        TradeFigure(
            money=money,
            span=Span(0, 5),
            text="USD 5 billion",
            metric="trade",
            partners=("DEU", "NOR"),
            period=DateValue(2023),
            sources=[Source(doc, (), dt.date(2024, 5, 1))],
            extractor="records",
        )
        for doc in ("a", "b")
    ]
    merged = bilatx.merge([s1, s2, *figures])
    assert [type(r).__name__ for r in merged] == ["Statement", "TradeFigure"]
    assert merged[0].quote == quote + " next year"  # type: ignore[union-attr]


def test_merge_refuses_what_it_cannot_merge() -> None:
    with pytest.raises(TypeError, match="item 1 is a str"):
        bilatx.merge([visit("a", None), "visit"])  # type: ignore[list-item]


def test_the_seeds_merge_into_one_visit(pipeline: bilatx.Pipeline, shared_dir: Path) -> None:
    lines = (shared_dir / "corpus" / "dev" / "input.jsonl").read_text("utf-8").splitlines()[:2]
    extractions = []
    for line in lines:
        item = json.loads(line)
        extractions.append(
            pipeline.extract(item["text"], published=item["published"], doc_id=item["id"])
        )
    visits = [r for r in bilatx.merge(extractions) if isinstance(r, Visit)]
    assert len(visits) == 1
    (merged,) = visits
    assert (merged.visitor.surname, merged.origin, merged.host) == ("Jaishankar", "IND", "RUS")
    assert (merged.start, merged.end) == (DateValue(2023, 12, 25), DateValue(2023, 12, 29))
    assert {s.doc_id for s in merged.sources} == {"000_b6b5cdcca69b40a1", "001_406cfeb22b89c37e"}


# -------------------------------------------------------------- properties

WHO = st.sampled_from([VOSS, BERG, SILVA])
HOSTS = st.sampled_from(["NOR", "PRT", "JPN"])
DAY = st.dates(dt.date(2024, 1, 1), dt.date(2024, 3, 31))


@st.composite
def visit_records(draw: st.DrawFn) -> Visit:
    who = draw(WHO)
    host = draw(HOSTS.filter(lambda h: h != who.country))
    published = draw(st.one_of(st.none(), DAY))
    start = draw(st.one_of(st.none(), DAY))
    end = None
    if start is not None and draw(st.booleans()):
        end = start + dt.timedelta(days=draw(st.integers(0, 6)))
    status = draw(st.sampled_from([None, "announced", "ongoing", "completed"]))
    doc = draw(st.sampled_from("abcdefgh"))
    return Visit(
        visitor=who,
        origin=who.country,
        host=host,
        start=DateValue.from_date(start) if start else None,
        end=DateValue.from_date(end) if end else None,
        places=tuple(draw(st.lists(st.sampled_from(["Oslo", "Porto", "Osaka"]), max_size=2))),
        status=status,
        sources=[Source(doc, (Span(0, draw(st.integers(1, 9))),), published)],
        extractor="records",
    )


@st.composite
def meeting_records(draw: st.DrawFn) -> Meeting:
    people = draw(st.lists(WHO, min_size=2, max_size=3, unique_by=lambda p: p.surname))
    day = draw(st.one_of(st.none(), DAY))
    published = draw(st.one_of(st.none(), DAY))
    return Meeting(
        participants=people,
        date=DateValue.from_date(day) if day else None,
        place=draw(st.sampled_from([None, "Oslo"])),
        sources=[Source(draw(st.sampled_from("abcdefgh")), (Span(0, 2),), published)],
        extractor="records",
    )


RECORDS = st.lists(st.one_of(visit_records(), meeting_records()), max_size=8)


@given(records=RECORDS, data=st.data())
def test_merge_does_not_depend_on_order(records: list[bilatx.Record], data: st.DataObject) -> None:
    shuffled = data.draw(st.permutations(records))
    assert bilatx.merge(shuffled) == bilatx.merge(records)


@given(records=RECORDS)
def test_merge_is_idempotent(records: list[bilatx.Record]) -> None:
    once = bilatx.merge(records)
    assert bilatx.merge(once) == once
    assert bilatx.merge([*records, *records]) == once


@given(records=RECORDS)
def test_merge_keeps_every_source(records: list[bilatx.Record]) -> None:
    before = {(s.doc_id, s.published) for r in records for s in r.sources}
    after = {(s.doc_id, s.published) for r in bilatx.merge(records) for s in r.sources}
    assert after == before


# --------------------------------------------------------------------- cli


def _write_extractions(path: Path, lines: list[dict[str, object]]) -> None:
    path.write_text("".join(json.dumps(line) + "\n" for line in lines), encoding="utf-8")


def test_cli_merges_extract_output(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    extractions = [
        bilatx.extract(
            "Foreign Minister Lena Voss of Germany will visit Norway from May 6.",
            published="2024-05-01",
            doc_id="a",
        ),
        bilatx.extract(
            "Foreign Minister Lena Voss of Germany will visit Norway on May 6.",
            published="2024-05-02",
            doc_id="b",
        ),
    ]
    out = tmp_path / "out.jsonl"
    _write_extractions(out, [ex.to_dict(include_text=False) for ex in extractions])
    assert main(["merge", str(out), "--kinds", "visits"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert set(data) == {"visits"}
    if not all(ex.visits for ex in extractions):
        pytest.skip("the extractors did not find both visits")
    (merged,) = data["visits"]
    assert (merged["visitor"], merged["host"], merged["start"]) == ("Voss", "NOR", "2024-05-06")
    assert [s["id"] for s in merged["sources"]] == ["a", "b"]


def test_cli_reports_bad_lines_and_goes_on(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    good = bilatx.Extraction(
        document=bilatx.Document(text="x", id="g"),
        visits=[visit("g", "2024-05-01")],
    ).to_dict(include_text=False)
    out = tmp_path / "out.jsonl"
    out.write_text(
        "not json\n" + json.dumps({"id": "f", "error": "boom"}) + "\n" + json.dumps(good) + "\n",
        encoding="utf-8",
    )
    assert main(["merge", str(out), "-o", str(tmp_path / "merged.json")]) == 1
    err = capsys.readouterr().err
    assert f"{out}:1: invalid JSON" in err
    assert f"{out}:2: id 'f': the extraction of this document failed: boom" in err
    merged = json.loads((tmp_path / "merged.json").read_text("utf-8"))
    assert [v["visitor"] for v in merged["visits"]] == ["Voss"]


def test_cli_missing_file_and_unknown_kind(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["merge", str(tmp_path / "absent.jsonl")]) == 2
    assert "absent.jsonl" in capsys.readouterr().err
    out = tmp_path / "out.jsonl"
    out.write_text("", encoding="utf-8")
    assert main(["merge", str(out), "--kinds", "visits,parades"]) == 2
    assert "unknown record kind(s) parades" in capsys.readouterr().err


# ---------------------------------------------------------- published schema

SCHEMA_PATH = Path(__file__).resolve().parents[2] / "docs" / "schema" / "extraction.schema.json"


def merged_output_validator() -> Any:
    """A validator for the schema's ``merged_output`` definition (``bilatx merge``'s JSON)."""
    try:
        import jsonschema
    except ImportError:
        if os.environ.get("CI"):
            raise
        pytest.skip("jsonschema is not installed: pip install -e '.[dev]'")
    schema = json.loads(SCHEMA_PATH.read_text("utf-8"))
    merged = {
        "$schema": schema["$schema"],
        "$defs": schema["$defs"],
        "$ref": "#/$defs/merged_output",
    }
    jsonschema.Draft202012Validator.check_schema(merged)
    return jsonschema.Draft202012Validator(merged)


def test_cli_merge_output_matches_the_published_schema(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    validator = merged_output_validator()
    texts = [
        ("a", "2024-05-01", "Foreign Minister Lena Voss of Germany will visit Norway from May 6."),
        (
            "b",
            "2024-05-08",
            (
                "Germany's Foreign Minister Lena Voss met Norwegian President Tomas Berg in Oslo "
                "on Tuesday during her ongoing five-day visit to Norway. \u201cOur ties are "
                "strong,\u201d Voss told a press conference."
            ),
        ),
        ("c", "2024-05-08", "Trade between Germany and Norway reached $4 billion last year."),
    ]
    out = tmp_path / "out.jsonl"
    _write_extractions(
        out,
        [bilatx.extract(t, published=p, doc_id=i).to_dict(include_text=False) for i, p, t in texts],
    )
    assert main(["merge", str(out)]) == 0
    data = json.loads(capsys.readouterr().out)
    errors = [e.message[:200] for e in validator.iter_errors(data)]
    assert not errors
    assert not validator.is_valid({"visits": [{"visitor": "Voss"}]})


@given(records=RECORDS)
def test_merged_records_of_any_shape_match_the_published_schema(
    records: list[bilatx.Record],
) -> None:
    validator = merged_output_validator()
    data = _as_json(bilatx.merge(records), ["visits", "meetings", "statements", "trade_figures"])
    errors = [e.message[:200] for e in validator.iter_errors(json.loads(json.dumps(data)))]
    assert not errors
