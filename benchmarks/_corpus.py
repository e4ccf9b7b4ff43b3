"""Texts for the benchmarks: the dev corpus when present, else our own sample, replicated.

The dev corpus (``../shared/corpus/dev/input.jsonl`` beside the checkout) is
read at run time only; nothing from it is stored in the project.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
DEV = HERE.parent.parent / "shared" / "corpus" / "dev" / "input.jsonl"

# Used when the shared corpus is absent: our own sentences.
SAMPLE: list[dict[str, Any]] = [
    {
        "text": (
            "CANBERRA, June 3 - Prime Minister Ines Moreau will visit Canberra from June 10 "
            "to June 12 for talks with her Australian counterpart on critical minerals, "
            "defence and education, her office said on Monday. Bilateral trade reached "
            "AUD 4.6 billion last year, up from AUD 3.9 billion in 2022. \u201cWe want a "
            "partnership that lasts,\u201d Moreau told reporters in Paris before leaving. "
            "Foreign Minister Karl Weber met the Australian ambassador on Friday.\n"
        )
        * 6,
        "published": "2024-06-03",
    },
    {
        "text": (
            "Exports of machinery to Norway rose to EUR 1.2 billion in the first half of "
            "2023, the statistics office said. The two countries signed a memorandum on "
            "shipping and clean energy during a two-day visit by the Norwegian trade "
            "minister, who also met business leaders in Lyon. In a post on X, the minister "
            "said the talks were \u201cfrank and productive\u201d.\n"
        )
        * 8,
        "published": "2023-09-14",
    },
]


def base_documents() -> tuple[list[dict[str, Any]], str]:
    """Return the documents to replicate and where they came from."""
    if DEV.exists():
        with DEV.open(encoding="utf-8") as handle:
            docs = [json.loads(line) for line in handle if line.strip()]
        return docs, str(DEV)
    return SAMPLE, "built-in sample"


def replicated(megabytes: float) -> list[dict[str, Any]]:
    """The base documents repeated (with fresh ids) until their texts hold ``megabytes`` MB."""
    docs, _ = base_documents()
    target = int(megabytes * 1_000_000)
    out: list[dict[str, Any]] = []
    size = 0
    copy = 0
    while size < target:
        for doc in docs:
            out.append(
                {
                    "id": f"{doc.get('id', 'doc')}-{copy}",
                    "text": doc["text"],
                    "published": doc.get("published"),
                }
            )
            size += len(doc["text"])
            if size >= target:
                break
        copy += 1
    return out


def write_jsonl(path: Path, docs: list[dict[str, Any]]) -> None:
    """Write documents as JSON lines."""
    with path.open("w", encoding="utf-8") as handle:
        for doc in docs:
            handle.write(json.dumps(doc, ensure_ascii=False) + "\n")
