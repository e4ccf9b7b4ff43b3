"""bilatx eval: the gold format's keys, and agreement with the reference scorer."""

from __future__ import annotations

import json
import random
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from bilatx import InputError
from bilatx.cli import main
from bilatx.evaluate import load_jsonl, score


def _run(gold: list[dict[str, Any]], pred: list[dict[str, Any]], **kwargs: Any) -> dict[str, Any]:
    report = score({d["id"]: d for d in gold}, {d["id"]: d for d in pred}, **kwargs)
    return report.to_dict()


def _counts(field: dict[str, Any]) -> tuple[int, int, int]:
    return field["tp"], field["fp"], field["fn"]


def test_dates_are_keyed_by_value_with_nulls_ignored() -> None:
    gold = [
        {
            "id": "a",
            "dates": [
                {"value": "2021-05-04"},
                {"value": "2021-05-04"},
                {"value": None},
                {"value": "2020"},
            ],
        }
    ]
    pred = [{"id": "a", "dates": [{"value": "2021-05-04"}, {"value": "2020-01"}, {"value": None}]}]
    assert _counts(_run(gold, pred)["fields"]["dates"]) == (1, 1, 1)


def test_money_matches_within_a_tenth_of_a_percent_one_to_one() -> None:
    gold = [
        {
            "id": "a",
            "money": [
                {"currency": "EUR", "low": 1000, "high": 1000},
                {"currency": "EUR", "low": 5, "high": None},
            ],
        }
    ]
    pred = [
        {
            "id": "a",
            "money": [
                {"currency": "eur", "low": 1000.8, "high": 1000.8},
                {"currency": "EUR", "low": 999.1, "high": 999.1},
                {"currency": "EUR", "low": 5, "high": 5},
            ],
        }
    ]
    assert _counts(_run(gold, pred)["fields"]["money"]) == (1, 2, 1)


def test_officials_fold_accents_and_score_attributes_on_matches() -> None:
    gold = [
        {
            "id": "a",
            "officials": [
                {
                    "name": "Jose Nuñez",
                    "surname": "Nuñez",
                    "country": "CHL",
                    "title": "Trade Minister",
                }
            ],
        }
    ]
    pred = [
        {
            "id": "a",
            "officials": [
                {
                    "name": "José Nunez",
                    "surname": "NUNEZ",
                    "country": "ARG",
                    "title": "trade  minister",
                }
            ],
        }
    ]
    field = _run(gold, pred)["fields"]["officials"]
    assert _counts(field) == (1, 0, 0)
    assert field["attributes"]["country"]["correct"] == 0
    assert field["attributes"]["title"]["correct"] == 1


def test_person_references_are_mapped_onto_gold_surnames() -> None:
    gold = [
        {
            "id": "a",
            "officials": [{"name": "Omar bin Zayed", "surname": "Zayed"}],
            "visits": [{"visitor": "Zayed", "host": "FRA"}],
        }
    ]
    pred = [
        {
            "id": "a",
            "officials": [{"name": "Omar bin Zayed", "surname": "bin Zayed"}],
            "visits": [{"visitor": "bin Zayed", "host": "FRA"}],
        }
    ]
    fields = _run(gold, pred)["fields"]
    assert _counts(fields["officials"]) == (1, 0, 0)
    assert _counts(fields["visits"]) == (1, 0, 0)


def test_meetings_are_scored_as_unordered_pairs() -> None:
    gold = [
        {"id": "a", "meetings": [{"participants": ["Ito", "Berg", "Lund"], "date": "2022-01-02"}]}
    ]
    pred = [
        {
            "id": "a",
            "meetings": [
                {"participants": ["Berg", "Ito"], "date": "2022-01-02"},
                {"participants": ["Solo"]},
            ],
        }
    ]
    field = _run(gold, pred)["fields"]["meetings"]
    assert _counts(field) == (1, 0, 2)
    assert field["attributes"]["date"] == {"correct": 1, "matched": 1, "accuracy": 1.0}


def test_statements_need_half_the_tokens_of_the_longer_quote() -> None:
    gold = [
        {
            "id": "a",
            "statements": [
                {
                    "speaker": "Ito",
                    "quote": "we will build ports and rails together",
                    "channel": "X",
                }
            ],
        }
    ]
    pred = [
        {
            "id": "a",
            "statements": [
                {"speaker": "Ito", "quote": "we will build ports", "channel": "x"},
                {"speaker": "Berg", "quote": "we will build ports and rails together"},
            ],
        }
    ]
    field = _run(gold, pred)["fields"]["statements"]
    assert _counts(field) == (1, 1, 0)
    assert field["attributes"]["channel"]["correct"] == 1


def test_missing_documents_and_fields() -> None:
    gold: list[dict[str, Any]] = [
        {"id": "a", "dates": [{"value": "2020"}]},
        {"id": "b", "dates": [{"value": "2021"}]},
        {"id": "c"},
    ]
    pred: list[dict[str, Any]] = [
        {"id": "a", "dates": [{"value": "2020"}]},
        {"id": "c", "dates": [{"value": "1999"}]},
        {"id": "zz", "dates": []},
    ]
    report = _run(gold, pred)
    assert _counts(report["fields"]["dates"]) == (1, 0, 1)
    assert report["docs"]["missing_from_pred"] == ["b"]
    assert report["docs"]["extra_in_pred"] == ["zz"]
    assert report["fields"]["money"] == {"predicted": False, "status": "not predicted"}


def test_unknown_fields_are_rejected() -> None:
    with pytest.raises(ValueError, match="unknown field"):
        score({}, {}, ["dates", "colours"])


def test_load_jsonl_reports_file_and_line(tmp_path: Path) -> None:
    path = tmp_path / "g.jsonl"
    path.write_text('{"id": "a"}\n\n{"id": \n', encoding="utf-8")
    with pytest.raises(InputError, match=r"g\.jsonl:3: invalid JSON"):
        load_jsonl(str(path))
    path.write_text('{"id": "a"}\n[1, 2]\n', encoding="utf-8")
    with pytest.raises(InputError, match=r"g\.jsonl:2: not a JSON object with an 'id'"):
        load_jsonl(str(path))
    with pytest.raises(InputError, match="No such file"):
        load_jsonl(str(tmp_path / "absent.jsonl"))


def test_duplicate_ids_are_reported(tmp_path: Path) -> None:
    path = tmp_path / "g.jsonl"
    path.write_text('{"id": "a", "n": 1}\n{"id": "a", "n": 2}\n', encoding="utf-8")
    warnings: list[str] = []
    docs = load_jsonl(str(path), warn=warnings.append)
    assert docs["a"]["n"] == 2
    assert warnings == [f"{path}:2: duplicate id 'a', keeping the last"]


def test_eval_command_prints_table_and_json(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    gold = tmp_path / "gold.jsonl"
    pred = tmp_path / "pred.jsonl"
    gold.write_text(
        json.dumps({"id": "a", "sectors": ["trade", "energy"]}) + "\n", encoding="utf-8"
    )
    pred.write_text(json.dumps({"id": "a", "sectors": [{"id": "trade"}]}) + "\n", encoding="utf-8")
    assert main(["eval", str(gold), str(pred)]) == 0
    out = capsys.readouterr().out
    assert "sectors         1.000  0.500  0.667     1     0     1" in out
    assert main(["eval", str(gold), str(pred), "--json", "--fields", "sectors"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["fields"]["sectors"]["recall"] == 0.5
    assert main(["eval", str(gold), str(pred), "--fields", "colours"]) == 2
    assert "unknown field" in capsys.readouterr().err


def _perturbed(gold_path: Path, seed: int) -> list[dict[str, Any]]:
    rng = random.Random(seed)  # noqa: S311  (reproducible perturbations, not secrets)
    out = []
    for line in gold_path.read_text(encoding="utf-8").splitlines():
        doc = json.loads(line)
        for key, value in list(doc.items()):
            if isinstance(value, list) and value and rng.random() < 0.5:
                doc[key] = value[: rng.randrange(len(value))]
        for item in doc.get("officials") or []:
            if rng.random() < 0.3:
                item["surname"] = item.get("name")
                item["country"] = rng.choice(["XXX", None, item.get("country")])
        for item in doc.get("money") or []:
            if rng.random() < 0.3 and item.get("low"):
                item["low"] = item["low"] * rng.choice([1.0005, 1.002])
        for item in doc.get("statements") or []:
            words = str(item.get("quote", "")).split()
            item["quote"] = " ".join(words[: rng.randrange(len(words) + 1)])
        if rng.random() < 0.9:
            out.append(doc)
    return out


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_agrees_with_the_reference_scorer_on_the_dev_set(
    shared_dir: Path, tmp_path: Path, seed: int
) -> None:
    gold = shared_dir / "corpus" / "dev" / "gold.jsonl"
    pred = tmp_path / "pred.jsonl"
    pred.write_text("".join(json.dumps(d) + "\n" for d in _perturbed(gold, seed)), encoding="utf-8")
    reference = subprocess.run(
        [
            sys.executable,
            str(shared_dir / "tools" / "score.py"),
            str(gold),
            str(pred),
            "--json",
            "--per-doc",
            "meetings",
        ],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    ours = score(load_jsonl(str(gold)), load_jsonl(str(pred)), per_doc="meetings").to_dict()
    assert json.loads(reference) == json.loads(json.dumps(ours))
