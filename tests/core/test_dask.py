"""bilatx.dask against a real ``dask.distributed.LocalCluster`` with worker processes.

Needs the ``dask`` extra; CI installs it. The cluster is started once for the module.
"""

from __future__ import annotations

import gzip
import json
import subprocess
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest

import bilatx
from bilatx.cli import main

dask_bag = pytest.importorskip("dask.bag")
dask_dataframe = pytest.importorskip("dask.dataframe")
distributed = pytest.importorskip("dask.distributed")
pd = pytest.importorskip("pandas")

import bilatx.dask  # noqa: E402  (after the skips: it imports dask)

if TYPE_CHECKING:
    from collections.abc import Iterator

pytestmark = pytest.mark.slow

EXAMPLE = Path(__file__).resolve().parents[2] / "docs" / "examples" / "dask_corpus.py"

ROWS: list[dict[str, Any]] = [
    {
        "id": f"a{i}",
        "text": (
            f"Prime Minister Ines Moreau will visit Canberra from {i % 20 + 1} to "
            f"{i % 20 + 3} June 2024. Trade between the two countries reached "
            f"USD {i + 2}.5 billion last year, officials said."
        ),
        "published": "2024-05-30",
    }
    for i in range(30)
]
ROWS.insert(7, {"id": "no-text", "published": "2024-05-30"})
ROWS.insert(12, {"id": "bad-date", "text": "Talks.", "published": "2024-02-31"})


@pytest.fixture(scope="module")
def client() -> Iterator[Any]:
    cluster = distributed.LocalCluster(
        n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None
    )
    with cluster, distributed.Client(cluster) as dask_client:
        yield dask_client


def _cli_lines(tmp_path: Path) -> list[dict[str, Any]]:
    source = tmp_path / "cli-in.jsonl"
    source.write_text("".join(json.dumps(r) + "\n" for r in ROWS))
    out = tmp_path / "cli-out.jsonl"
    assert main(["extract", "--jsonl", str(source), "-o", str(out), "--no-text", "-q"]) == 1
    return [json.loads(x) for x in out.read_text().splitlines()]


def test_extract_bag_matches_the_command_line(client: Any, tmp_path: Path) -> None:
    bag = dask_bag.from_sequence(ROWS, npartitions=4)
    got = bilatx.dask.extract_bag(bag).compute()  # type: ignore[no-untyped-call]
    expected = _cli_lines(tmp_path)
    for row in expected:  # the CLI also says which line an error came from
        row.pop("line", None)
    assert got == expected
    assert got[7] == {"id": "no-text", "error": "missing 'text'"}
    assert "not a valid date" in got[12]["error"]
    # The work really happened in the worker processes.
    assert len(client.scheduler_info()["workers"]) == 2


def test_extract_bag_with_a_custom_pipeline_and_objects(client: Any) -> None:
    pipeline = bilatx.Pipeline(entrypoints=False, block=["money"], strict=True)
    texts = [r["text"] for r in ROWS if isinstance(r.get("text"), str)][:6]
    bag = dask_bag.from_sequence(texts, npartitions=3)
    results = bilatx.dask.extract_bag(bag, pipeline=pipeline, as_dicts=False).compute()  # type: ignore[no-untyped-call]
    assert all(isinstance(ex, bilatx.Extraction) for ex in results)
    assert [ex.document.text for ex in results] == texts
    assert all(ex.money == () for ex in results)
    assert all(ex.dates for ex in results)
    with pytest.raises(bilatx.InputError, match="missing 'text'"):
        bilatx.dask.extract_bag(
            dask_bag.from_sequence([{"id": "x"}], npartitions=1), on_error="raise"
        ).compute()  # type: ignore[no-untyped-call]
    with pytest.raises(ValueError, match="on_error"):
        bilatx.dask.extract_bag(bag, on_error="ignore")  # type: ignore[arg-type]


def test_extract_dataframe(client: Any) -> None:
    frame = pd.DataFrame(
        {
            "doc": [r["id"] for r in ROWS],
            "body": [r.get("text") for r in ROWS],
            "date": [r["published"] for r in ROWS],
        }
    )
    frame.loc[3, "date"] = None
    frame["date"] = frame["date"].astype(object)
    frame.loc[4, "date"] = pd.Timestamp("2024-05-29")
    ddf = dask_dataframe.from_pandas(frame, npartitions=3)
    result = bilatx.dask.extract_dataframe(ddf, text="body", id="doc", published="date").compute()  # type: ignore[no-untyped-call]
    assert list(result.columns) == list(bilatx.dask.FRAME_COLUMNS)
    assert list(result.index) == list(frame.index)
    assert list(result["id"]) == [r["id"] for r in ROWS]
    assert result.loc[7, "error"] == "missing 'text'"
    assert pd.isna(result.loc[7, "extraction"])
    good = result[result["error"].isna()]
    assert len(good) == len(ROWS) - 2
    assert (good["visits"] >= 1).all()
    for _, row in good.iterrows():
        data = json.loads(row["extraction"])
        for kind in ("visits", "meetings", "statements", "trade_figures"):
            assert row[kind] == len(data[kind])
    assert (good["plugin_errors"] == 0).all()
    assert json.loads(good.loc[3, "extraction"])["published"] is None
    assert json.loads(good.loc[4, "extraction"])["published"] == "2024-05-29"


def test_the_documented_example_runs_on_a_local_cluster(tmp_path: Path) -> None:
    inputs = tmp_path / "in"
    inputs.mkdir()
    for part in range(2):
        with gzip.open(inputs / f"news-{part}.jsonl.gz", "wt") as handle:
            for row in ROWS[part * 16 : (part + 1) * 16]:
                handle.write(json.dumps(row) + "\n")
    out = tmp_path / "out"
    subprocess.run(
        [sys.executable, str(EXAMPLE), str(inputs / "*.jsonl.gz"), str(out), "--workers", "2"],
        check=True,
        timeout=300,
        capture_output=True,
    )
    lines: list[dict[str, Any]] = []
    for path in sorted(out.glob("part-*.jsonl.gz")):
        with gzip.open(path, "rt") as handle:
            lines.extend(json.loads(x) for x in handle)
    assert [x["id"] for x in lines] == [r["id"] for r in ROWS]
