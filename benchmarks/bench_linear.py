"""Linear time on pathological inputs: ms per MB must stay flat as each grows tenfold.

    python benchmarks/bench_linear.py                      # 0.01, 0.1, 1 and 10 MB
    python benchmarks/bench_linear.py --sizes 0.1,1 --kinds digits,quotes

Each input kind is generated at each size and run once through the whole
default pipeline in a fresh process (so one slow case cannot hold up the
rest); the CPU time of the extraction alone is reported as ms per MB, with the
growth of that figure from the smallest size. A run longer than ``--timeout``
seconds is reported as such. Linear code shows a flat row; quadratic code
multiplies ms/MB by ten at each step.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
from typing import Final

SENTENCE: Final = (
    "Prime Minister Ines Moreau met Chancellor Karl Weber in Berlin on 4 April 2024 and "
    "said trade reached EUR 3.1 billion last year. "
)

KINDS: Final = {
    "one_line": "news sentences on a single line, no line break",
    "digits": "digits only",
    "quotes": "quote marks of every kind",
    "titles": "'President ' repeated",
    "capitals": "capitalised words, no punctuation",
    "dollars": "'$' repeated",
    "months": "'May ' repeated",
    "amounts": "'USD 1,234 billion ' repeated",
    "newlines": "line breaks only",
    "one_word": "one letter repeated, no space",
}


def make(kind: str, size: int) -> str:
    """Return ``size`` characters of the pathological input ``kind``."""
    unit = {
        "one_line": SENTENCE,
        "digits": "1234567890",
        "quotes": "\"'\u201c\u201d\u2018\u2019\u00ab\u00bb",
        "titles": "President ",
        "capitals": "Alpha Beta Gamma Delta Epsilon Zeta Eta Theta ",
        "dollars": "$",
        "months": "May ",
        "amounts": "USD 1,234 billion ",
        "newlines": "\n",
        "one_word": "a",
    }[kind]
    return (unit * (size // len(unit) + 1))[:size]


_CHILD: Final = """
import sys, time
sys.path.insert(0, {here!r})
from bench_linear import make
import bilatx
pipeline = bilatx.Pipeline()
pipeline.extract("warm up on 4 April 2024 in Berlin.", published="2024-05-01")
text = make({kind!r}, {size})
started = time.process_time()
ex = pipeline.extract(text, published="2024-05-01")
print(time.process_time() - started, len(ex.errors))
"""


def run(kind: str, size: int, timeout: float) -> tuple[float | None, int]:
    """Return (CPU seconds or None after a timeout, plugin errors) for one input."""
    from pathlib import Path

    here = str(Path(__file__).resolve().parent)
    code = _CHILD.format(here=here, kind=kind, size=size)
    try:
        out = subprocess.run(
            [sys.executable, "-c", code],
            capture_output=True,
            text=True,
            timeout=timeout,
            check=True,
        )
    except subprocess.TimeoutExpired:
        return None, 0
    seconds, errors = out.stdout.split()
    return float(seconds), int(errors)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--sizes", default="0.01,0.1,1,10", help="MB, comma-separated")
    parser.add_argument("--kinds", default=",".join(KINDS), help="comma-separated")
    parser.add_argument("--timeout", type=float, default=600.0, help="seconds per run")
    args = parser.parse_args()
    sizes = [int(float(s) * 1_000_000) for s in args.sizes.split(",")]
    header = "".join(f"{s / 1e6:>12g} MB" for s in sizes)
    print(f"{'input':10s}{header}   growth of ms/MB, smallest to largest")
    for kind in args.kinds.split(","):
        cells, rates = [], []
        for size in sizes:
            seconds, errors = run(kind, size, args.timeout)
            if seconds is None:
                cells.append(f"{'> ' + str(int(args.timeout)) + ' s':>15s}")
                break
            rate = seconds * 1000 / (size / 1e6)
            rates.append(rate)
            cells.append(f"{rate:>9.0f} ms/MB" + ("!" if errors else " "))
        growth = f"{rates[-1] / rates[0]:.2f}x" if len(rates) > 1 and rates[0] > 0 else "-"
        print(f"{kind:10s}{''.join(cells)}   {growth}", flush=True)
    print("(! = some plugin reported an error on that input)")


if __name__ == "__main__":
    main()
