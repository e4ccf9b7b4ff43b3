"""Extract from a corpus of JSONL files with Dask, on a local cluster or a real one.

    pip install 'bilatx[dask]'
    python dask_corpus.py 'news/*.jsonl.gz' out/ --workers 4
    python dask_corpus.py 'news/*.jsonl.gz' out/ --scheduler tcp://scheduler:8786

Each input line is {"id", "text", "published"}, as for ``bilatx extract --jsonl``.
The output is one compressed JSONL file per input partition, in input order, each
line a document's extraction or {"id", "error"} for a line that could not be read.
"""

from __future__ import annotations

import argparse
import json

import dask.bag as db
from dask.distributed import Client, LocalCluster

import bilatx.dask


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("inputs", help="a glob of JSONL files (.gz is decompressed)")
    parser.add_argument("output", help="a folder for the part-*.jsonl.gz files")
    parser.add_argument("--workers", type=int, default=2, help="local worker processes")
    parser.add_argument("--scheduler", help="address of an existing Dask scheduler")
    args = parser.parse_args()

    if args.scheduler:
        client = Client(args.scheduler)
    else:
        cluster = LocalCluster(n_workers=args.workers, threads_per_worker=1, processes=True)
        client = Client(cluster)
    with client:
        # Plain files are cut into 64 MiB partitions; a compressed file is one partition.
        blocksize = None if args.inputs.endswith((".gz", ".bz2", ".xz")) else "64MiB"
        documents = db.read_text(args.inputs, blocksize=blocksize).map(json.loads)
        results = bilatx.dask.extract_bag(documents)
        written = results.map(json.dumps, ensure_ascii=False).to_textfiles(
            f"{args.output}/part-*.jsonl.gz"
        )
        print(f"wrote {len(written)} files to {args.output}")


if __name__ == "__main__":
    main()
