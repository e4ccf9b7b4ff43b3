"""Officials on the shared development corpus (skipped when it is absent).

The texts and gold are read at run time; nothing from them is copied here.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

import pytest

import bilatx
from bilatx.evaluate import score

if TYPE_CHECKING:
    from pathlib import Path

SEEDS = ("000_b6b5cdcca69b40a1", "001_406cfeb22b89c37e")
Rows = dict[str, dict[str, Any]]


def _load(path: Path) -> Rows:
    with path.open(encoding="utf-8") as handle:
        return {row["id"]: row for row in map(json.loads, handle)}


@pytest.fixture(scope="module")
def corpus(shared_dir: Path, pipeline: bilatx.Pipeline) -> tuple[Rows, Rows]:
    dev = shared_dir / "corpus" / "dev"
    inputs, gold = _load(dev / "input.jsonl"), _load(dev / "gold.jsonl")
    predicted = {
        doc_id: pipeline.extract(
            row["text"], published=row.get("published"), doc_id=doc_id
        ).to_dict(include_text=False)
        for doc_id, row in inputs.items()
    }
    return predicted, gold


def _people(items: list[dict[str, Any]]) -> set[tuple[Any, ...]]:
    return {(p["name"], p["surname"], p["title"], p["country"]) for p in items}


@pytest.mark.parametrize("doc_id", SEEDS)
def test_seed_documents_give_exactly_their_gold_officials(
    corpus: tuple[Rows, Rows], doc_id: str
) -> None:
    predicted, gold = corpus
    assert _people(predicted[doc_id]["officials"]) == _people(gold[doc_id]["officials"])


def test_dev_set_officials_reach_the_targets(corpus: tuple[Rows, Rows]) -> None:
    predicted, gold = corpus
    result = score(gold, predicted, fields=["officials"]).fields["officials"]
    country = result.attributes["country"]
    title = result.attributes["title"]
    assert result.f1 is not None
    assert result.f1 >= 0.90
    assert country[0] / country[1] >= 0.90
    assert title[0] / title[1] >= 0.85
