"""The dates plugin on the shared development corpus (skipped when it is absent).

The texts and gold are read at run time; nothing from them is copied here.
Scoring follows the gold format: per document, the set of non-null values.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

import pytest

import bilatx
import bilatx_dates

if TYPE_CHECKING:
    from pathlib import Path

SEEDS = ("000_b6b5cdcca69b40a1", "001_406cfeb22b89c37e")


def _load(path: Path) -> dict[str, dict[str, Any]]:
    with path.open(encoding="utf-8") as handle:
        return {row["id"]: row for row in map(json.loads, handle)}


def _predicted(row: dict[str, Any]) -> set[str]:
    doc = bilatx.Document(text=row["text"], published=row.get("published"), id=row["id"])
    found = bilatx_dates.bilatx_extract_dates(doc=doc, settings=bilatx.Settings())
    return {
        m.value.iso() for m in found if isinstance(m, bilatx.DateMention) and m.value is not None
    }


def _gold(row: dict[str, Any]) -> set[str]:
    return {d["value"] for d in row.get("dates") or () if d.get("value")}


@pytest.fixture(scope="module")
def corpus(shared_dir: Path) -> tuple[dict[str, dict[str, Any]], dict[str, dict[str, Any]]]:
    dev = shared_dir / "corpus" / "dev"
    return _load(dev / "input.jsonl"), _load(dev / "gold.jsonl")


@pytest.mark.parametrize("doc_id", SEEDS)
def test_seed_documents_give_exactly_their_gold_dates(
    corpus: tuple[dict[str, dict[str, Any]], dict[str, dict[str, Any]]], doc_id: str
) -> None:
    inputs, gold = corpus
    assert _predicted(inputs[doc_id]) == _gold(gold[doc_id])


def test_dev_set_dates_reach_the_target(
    corpus: tuple[dict[str, dict[str, Any]], dict[str, dict[str, Any]]],
) -> None:
    inputs, gold = corpus
    tp = fp = fn = 0
    for doc_id, row in gold.items():
        predicted, expected = _predicted(inputs[doc_id]), _gold(row)
        tp += len(predicted & expected)
        fp += len(predicted - expected)
        fn += len(expected - predicted)
    precision = tp / (tp + fp)
    recall = tp / (tp + fn)
    f1 = 2 * precision * recall / (precision + recall)
    assert precision >= 0.95
    assert f1 >= 0.95
