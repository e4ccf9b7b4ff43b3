"""Pathological inputs take time proportional to their size.

Each kind of input is run at two sizes, ten times apart; the CPU time per
character of the larger may not exceed ``_SLACK`` times that of the smaller.
Quadratic code makes the ratio about 10, linear code about 1. CPU time, not
wall time, so that other processes on the machine do not count. The full
figures, up to 10 MB, come from ``benchmarks/bench_linear.py``.
"""

from __future__ import annotations

import time
from typing import Final

import pytest

import bilatx

_SLACK: Final = 3.0
_SMALL: Final = 20_000
_LARGE: Final = 200_000

_UNITS: Final = {
    "one_line": (
        "Prime Minister Ines Moreau met Chancellor Karl Weber in Berlin on 4 April 2024 and "
        "said trade reached EUR 3.1 billion last year. "
    ),
    "digits": "1234567890",
    "quotes": "\"'\u201c\u201d\u2018\u2019\u00ab\u00bb",
    "titles": "President ",
    "capitals": "Alpha Beta Gamma Delta Epsilon Zeta Eta Theta ",
    "dollars": "$",
    "months": "May ",
    "amounts": "USD 1,234 billion ",
    "newlines": "\n",
    "one_word": "a",
}


def _make(kind: str, size: int) -> str:
    unit = _UNITS[kind]
    return (unit * (size // len(unit) + 1))[:size]


def _cpu_per_char(pipeline: bilatx.Pipeline, text: str) -> float:
    best = float("inf")
    for _ in range(2):  # the better of two, against a stray pause
        started = time.process_time()
        result = pipeline.extract(text, published="2024-05-01")
        best = min(best, time.process_time() - started)
        assert result.errors == ()
    return best / len(text)


@pytest.mark.parametrize("kind", sorted(_UNITS))
def test_time_grows_linearly(pipeline: bilatx.Pipeline, kind: str) -> None:
    pipeline.extract(_make(kind, 2_000), published="2024-05-01")  # warm caches up
    small = _cpu_per_char(pipeline, _make(kind, _SMALL))
    large = _cpu_per_char(pipeline, _make(kind, _LARGE))
    assert large <= _SLACK * small, (
        f"{kind}: {large * 1e9:.0f} ns/char at {_LARGE:,} characters against "
        f"{small * 1e9:.0f} ns/char at {_SMALL:,}: not linear"
    )
