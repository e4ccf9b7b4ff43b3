"""``bilatx.to_dataframes``: one frame per kind, document ids and spans, lazy pandas."""

from __future__ import annotations

import subprocess
import sys
from decimal import Decimal

import pytest

import bilatx
from bilatx import Extraction
from bilatx.dataframes import COLUMNS


def test_importing_bilatx_never_imports_pandas() -> None:
    code = (
        "import sys, bilatx, bilatx.dataframes, bilatx.html\n"
        "from bilatx import *\n"
        "f = bilatx.to_dataframes\n"
        "assert 'pandas' not in sys.modules, 'pandas was imported'\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True)


def test_frames_and_columns(corpus: list[Extraction]) -> None:
    pytest.importorskip("pandas")
    frames = bilatx.to_dataframes(corpus)
    assert set(frames) == set(COLUMNS)
    for name, frame in frames.items():
        assert list(frame.columns) == list(COLUMNS[name]), name
    assert len(frames["visits"]) == sum(len(ex.visits) for ex in corpus)
    assert len(frames["dates"]) == sum(len(ex.mentions.dates) for ex in corpus)
    assert len(frames["people"]) == sum(len(ex.mentions.people) for ex in corpus)


def test_empty_input_gives_empty_frames_with_columns() -> None:
    pytest.importorskip("pandas")
    frames = bilatx.to_dataframes([])
    assert all(frame.empty for frame in frames.values())
    assert frames["trade_figures"].groupby("pair")["amount"].sum().empty


def test_values_spans_and_types(sample: Extraction) -> None:
    pd = pytest.importorskip("pandas")
    frames = bilatx.to_dataframes([sample])
    trade = frames["trade_figures"].set_index("period")
    row = trade.loc["2023"]
    assert row["low"] == Decimal(22_000_000_000)
    assert isinstance(row["low"], Decimal)
    assert row["amount"] == 22e9
    assert row["pair"] == "ESP-MAR"
    assert row["trend"] == "increase"
    assert sample.document.text[row["span_start"] : row["span_end"]] == "EUR 22 billion"
    assert row["period_first_day"] == pd.Timestamp("2023-01-01")
    assert row["doc_id"] == "sample-1"

    dates = frames["dates"].set_index("text")
    assert dates.loc["last year", "value"] == "2023"
    assert dates.loc["last year", "base"] == pd.Timestamp("2024-03-04")
    assert bool(dates.loc["last year", "relative"])
    assert pd.isna(dates.loc["2021", "base"])
    assert frames["dates"]["published"].dt.year.tolist() == [2024] * 5

    visits = frames["visits"]
    assert visits.loc[0, "start"] == "2024-03-12"
    assert visits.loc[0, "end_day"] == pd.Timestamp("2024-03-14")
    assert visits.loc[0, "evidence"][0] == (0, sample.document.text.index("Monday.") + 7)

    meetings = frames["meetings"]
    phone = meetings[meetings["form"] == "phone"].iloc[0]
    assert phone["date"] == "2024-01"
    assert phone["last_day"] == pd.Timestamp("2024-01-31")
    assert phone["surnames"] == ("Ruiz", "Bennani")

    quotes = frames["quotes"].iloc[0]
    assert sample.document.text[quotes["quote_start"] : quotes["quote_end"]] == quotes["quote"]


def test_ready_for_groupby(corpus: list[Extraction]) -> None:
    pytest.importorskip("pandas")
    frames = bilatx.to_dataframes(corpus)
    per_pair = frames["trade_figures"].groupby("pair")["amount"].max()
    assert per_pair["ESP-MAR"] == 22e9
    assert per_pair["CHL-PER"] == 4.5e9
    sectors = frames["sectors"].groupby("sector")["doc_id"].nunique()
    assert sectors["trade"] == 3


def test_refuses_what_is_not_an_extraction(sample: Extraction) -> None:
    pytest.importorskip("pandas")
    with pytest.raises(TypeError, match="item 1 is a dict, not an Extraction"):
        bilatx.to_dataframes([sample, sample.to_dict()])  # type: ignore[list-item]


def test_missing_pandas_says_how_to_install(
    monkeypatch: pytest.MonkeyPatch, sample: Extraction
) -> None:
    monkeypatch.setitem(sys.modules, "pandas", None)
    with pytest.raises(ImportError, match=r"pip install 'bilatx\[pandas\]'"):
        bilatx.to_dataframes([sample])
