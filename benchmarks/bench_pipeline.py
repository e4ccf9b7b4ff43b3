"""Throughput, scaling, memory and cold start of the whole default pipeline.

    python benchmarks/bench_pipeline.py                 # everything, 50 MB
    python benchmarks/bench_pipeline.py --mb 10 --only throughput,workers

Parts (``--only``, comma-separated; default all):

throughput
    The dev corpus texts (or our own sample when ``../shared`` is absent)
    replicated to ``--mb`` MB, through ``Pipeline.extract_many`` in this
    process: characters/s and documents/s. Before it, the texts once each
    after a warm-up on other texts ("first sight": no per-word cache has
    seen them, as in an archive of distinct articles). In the same run, the same texts
    (a ``--search-mb`` MB share of them: it is slow) through
    ``dateparser.search.search_dates``, as a reference ratio.
workers
    The same documents with ``workers=1`` and ``workers=2``: the speed-up,
    through ``Pipeline.extract_many`` (Extraction objects come back to this
    process) and through ``bilatx extract --jsonl`` (JSON lines).
memory
    ``bilatx extract --jsonl`` (one worker, then two) over inputs of 5, 10, 20
    and 50 MB (``--memory-sizes``): the peak resident memory of the largest
    process.
coldstart
    ``bilatx extract`` on one short text, a fresh process each time: the median
    of five runs, and ``import bilatx`` alone.

Timings use wall-clock time; the machine should be otherwise idle.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
import warnings
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _corpus import SAMPLE, base_documents, replicated, write_jsonl

import bilatx


def _mb(chars: int) -> float:
    return chars / 1_000_000


def _documents(docs: list[dict[str, Any]]) -> list[bilatx.Document]:
    return [
        bilatx.Document(text=d["text"], id=d.get("id"), published=d.get("published")) for d in docs
    ]


def first_sight() -> None:
    """The base texts once each, after a warm-up on other texts: no cache has seen them.

    The replicated run below repeats each text many times, so whatever is
    remembered per word or per phrase (ours and dateparser's) is warm there;
    this is the rate for an archive whose documents are all different.
    """
    pipeline = bilatx.Pipeline()
    for doc in _documents(SAMPLE):
        pipeline.extract(doc)  # loads tables and compiles patterns: cold start, not throughput
    base, _ = base_documents()
    documents = _documents(base)
    chars = sum(len(d.text) for d in documents)
    started = time.perf_counter()
    for doc in documents:
        pipeline.extract(doc)
    seconds = time.perf_counter() - started
    print(
        f"pipeline, first sight: {_mb(chars):7.1f} MB  {len(documents):7,} docs  {seconds:8.1f} s  "
        f"{chars / seconds / 1e6:6.3f} MB/s  {len(documents) / seconds:8.1f} docs/s"
    )


def throughput(docs: list[dict[str, Any]], search_mb: float) -> float:
    first_sight()
    pipeline = bilatx.Pipeline()
    chars = sum(len(d["text"]) for d in docs)
    documents = _documents(docs)
    started = time.perf_counter()
    for _ in pipeline.extract_many(documents):
        pass
    seconds = time.perf_counter() - started
    rate = chars / seconds
    print(
        f"pipeline, 1 process:   {_mb(chars):7.1f} MB  {len(docs):7,} docs  {seconds:8.1f} s  "
        f"{rate / 1e6:6.3f} MB/s  {len(docs) / seconds:8.1f} docs/s"
    )
    from dateparser.search import search_dates

    budget = int(search_mb * 1_000_000)
    sample, used = [], 0
    for doc in docs:
        if used >= budget:
            break
        sample.append(doc)
        used += len(doc["text"])
    started = time.perf_counter()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        for doc in sample:
            search_dates(doc["text"], languages=["en"])
    seconds = time.perf_counter() - started
    reference = used / seconds
    print(
        f"search_dates:          {_mb(used):7.1f} MB  {len(sample):7,} docs  {seconds:8.1f} s  "
        f"{reference / 1e6:6.3f} MB/s  {len(sample) / seconds:8.1f} docs/s"
    )
    print(f"pipeline / search_dates: {rate / reference:.1f}x")
    return rate


def scaling(docs: list[dict[str, Any]]) -> None:
    pipeline = bilatx.Pipeline()
    chars = sum(len(d["text"]) for d in docs)
    times = {}
    for workers in (1, 2):
        documents = (
            bilatx.Document(text=d["text"], id=d["id"], published=d["published"]) for d in docs
        )
        started = time.perf_counter()
        for _ in pipeline.extract_many(documents, workers=workers):
            pass
        times[workers] = time.perf_counter() - started
        print(
            f"extract_many, workers={workers}: {times[workers]:8.1f} s  "
            f"{chars / times[workers] / 1e6:6.3f} MB/s  {len(docs) / times[workers]:8.1f} docs/s"
        )
    print(f"speed-up with 2 workers: {times[1] / times[2]:.2f}x  (cores: {os.cpu_count()})")
    # The command line: workers send JSON lines, the parent only writes them.
    with tempfile.TemporaryDirectory(prefix="bilatx-bench-") as tmp:
        path = Path(tmp) / "in.jsonl"
        write_jsonl(path, docs)
        for workers in (1, 2):
            command = [sys.executable, "-m", "bilatx", "extract", "--jsonl", str(path)]
            command += ["-o", os.devnull, "-q", "--workers", str(workers)]
            started = time.perf_counter()
            subprocess.run(command, check=True)
            times[workers] = time.perf_counter() - started
            print(
                f"bilatx extract --jsonl, workers={workers}: {times[workers]:8.1f} s  "
                f"{chars / times[workers] / 1e6:6.3f} MB/s  (start-up included)"
            )
    print(f"speed-up with 2 workers: {times[1] / times[2]:.2f}x")


def memory(sizes: list[float]) -> None:
    with tempfile.TemporaryDirectory(prefix="bilatx-bench-") as tmp:
        for workers in (1, 2):
            for size in sizes:
                path = Path(tmp) / f"in-{size:g}.jsonl"
                if not path.exists():
                    write_jsonl(path, replicated(size))
                # A fresh interpreter per run keeps ru_maxrss per run honest.
                code = (
                    "import resource, subprocess, sys; "
                    "subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, check=False); "
                    "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)"
                )
                started = time.perf_counter()
                out = subprocess.run(
                    [
                        sys.executable,
                        "-c",
                        code,
                        sys.executable,
                        "-m",
                        "bilatx",
                        "extract",
                        "--jsonl",
                        str(path),
                        "-o",
                        os.devnull,
                        "-q",
                        "--workers",
                        str(workers),
                    ],
                    capture_output=True,
                    text=True,
                    check=True,
                )
                seconds = time.perf_counter() - started
                peak = int(out.stdout.strip().splitlines()[-1]) / 1024
                print(
                    f"workers={workers}  input {size:5.1f} MB  peak RSS of the largest process "
                    f"{peak:6.1f} MB  ({seconds:6.1f} s)"
                )


def coldstart() -> None:
    with tempfile.TemporaryDirectory(prefix="bilatx-bench-") as tmp:
        text = Path(tmp) / "short.txt"
        text.write_text(
            "Prime Minister Ines Moreau will visit Canberra on 10 June 2024, her office said.\n"
        )
        runs = []
        for _ in range(5):
            started = time.perf_counter()
            subprocess.run(
                [sys.executable, "-m", "bilatx", "extract", str(text), "--published", "2024-06-01"],
                check=True,
                stdout=subprocess.DEVNULL,
            )
            runs.append(time.perf_counter() - started)
        imports = []
        for _ in range(5):
            started = time.perf_counter()
            subprocess.run([sys.executable, "-c", "import bilatx"], check=True)
            imports.append(time.perf_counter() - started)
        print(
            f"cold start, bilatx extract on one short text: median {statistics.median(runs):.2f} s "
            f"(min {min(runs):.2f}, max {max(runs):.2f})"
        )
        print(f"import bilatx alone: median {statistics.median(imports):.2f} s")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--mb", type=float, default=50.0, help="input size in MB (default 50)")
    parser.add_argument(
        "--search-mb",
        type=float,
        default=2.0,
        help="MB of the same texts for search_dates (default 2)",
    )
    parser.add_argument(
        "--only", default="throughput,workers,memory,coldstart", help="comma-separated parts"
    )
    parser.add_argument(
        "--memory-sizes",
        default="5,10,20,50",
        help="input sizes in MB for the memory part (default 5,10,20,50)",
    )
    args = parser.parse_args()
    parts = set(args.only.split(","))
    _, source = base_documents()
    print(f"bilatx {bilatx.__version__}, Python {sys.version.split()[0]}, texts from {source}")
    docs = replicated(args.mb) if parts & {"throughput", "workers"} else []
    if "throughput" in parts:
        throughput(docs, args.search_mb)
    if "workers" in parts:
        scaling(docs)
    if "memory" in parts:
        memory(sorted(float(x) for x in args.memory_sizes.split(",")))
    if "coldstart" in parts:
        coldstart()


if __name__ == "__main__":
    main()
