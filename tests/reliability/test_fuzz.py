"""Fuzzing the whole default pipeline with hostile text.

Whatever the text (control characters, zero-width and bidirectional marks,
combining sequences, lone surrogates, NUL, runs of quote marks and digits,
pieces of real news phrasing in between), extraction must not raise, no plugin
may fail on it, every span must index the original text, and the same input
must always give the same output. The ``ci`` hypothesis profile runs this
derandomised with a bounded number of examples.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

import bilatx

# Characters that break naive text handling.
_NASTY = (
    "\x00\x01\x07\x08\x0b\x0c\x1b\x7f\x85\xa0\xad"  # NUL, controls, NEL, NBSP, soft hyphen
    "\u200b\u200c\u200d\u2060\ufeff"  # zero-width characters
    "\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"  # bidi marks
    "\u0301\u0308\u0327\u20dd\u0489"  # combining marks
    "\ud800\udbff\udc00\udfff"  # lone surrogates (Python strings allow them)
    "\u2028\u2029\r\n\t"  # line and paragraph separators
    "\"'\u201c\u201d\u2018\u2019\u00ab\u00bb\u201e\u201a\u300c\u300d`"  # quote marks
    "0123456789\u0660\u0967\uff11.,-/$\u20ac\u00a3\u20b9\u00a5%"  # digits, separators, money
)

# Fragments that wake the extractors up, so the fuzzing reaches deep code paths.
_FRAGMENTS = (
    "Prime Minister",
    "Foreign Minister Dr. S. Jaishankar",
    "President",
    " visited ",
    " met ",
    " said ",
    " will travel to ",
    "on 12 March 2024",
    "last year",
    "next week",
    "from 3 to 5 May",
    "a five-day visit",
    "USD 12-14 billion",
    "$3.5 bn",
    "Rs 1,200 crore",
    "bilateral trade",
    "exports",
    "India",
    "Norway",
    "Japanese",
    "New Delhi",
    "in a post on X",
    "told reporters",
    "defence",
    "semiconductors",
    "\u201cWe agree,\u201d he said.",
    '"',
    "\n\n",
    ". ",
)

_SURROGATE_PAIR = re.compile("[\ud800-\udbff][\udc00-\udfff]")

hostile_texts = st.lists(
    st.one_of(
        st.text(alphabet=_NASTY, max_size=12),
        st.sampled_from(_FRAGMENTS),
        st.text(max_size=12),  # any code point hypothesis likes, surrogates included
    ),
    max_size=40,
).map("".join)

published_dates = st.one_of(
    st.none(), st.dates(min_value=dt.date(1, 1, 1), max_value=dt.date(9999, 12, 31))
)


def _is_pair(value: object) -> bool:
    return isinstance(value, list) and len(value) == 2 and all(type(x) is int for x in value)


def _spans(obj: Any) -> list[tuple[int, int, str | None]]:
    """Every (start, end, quoted text or None) anywhere in the JSON output.

    Spans live under keys such as ``span``, ``quote_span``, ``spans`` and
    ``evidence``; a ``text`` beside a ``span`` is the text it quotes.
    """
    found: list[tuple[int, int, str | None]] = []
    if isinstance(obj, dict):
        for key, value in obj.items():
            if "span" in key or key == "evidence":
                if _is_pair(value):
                    text = obj.get("text") if key == "span" else None
                    found.append((value[0], value[1], text if isinstance(text, str) else None))
                elif isinstance(value, list):
                    found.extend((v[0], v[1], None) for v in value if _is_pair(v))
            else:
                found.extend(_spans(value))
    elif isinstance(obj, list):
        for value in obj:
            found.extend(_spans(value))
    return found


@given(text=hostile_texts, published=published_dates)
@example(text="\ud800\udc00Foreign Minister Dr. S. Jaishankar", published=None)
def test_hostile_text_never_breaks_the_pipeline(
    pipeline: bilatx.Pipeline, text: str, published: dt.date | None
) -> None:
    strict = bilatx.Pipeline(entrypoints=False, strict=True)
    if _SURROGATE_PAIR.search(text):
        # Two halves of one character cannot come back from JSON as two: refused.
        with pytest.raises(bilatx.InputError, match="surrogate pair"):
            strict.extract(text, published=published, doc_id="fuzz")
        return
    # Strict mode raises on any plugin failure: no plugin may fail on any text.
    first = strict.extract(text, published=published, doc_id="fuzz")
    assert first.errors == ()
    # Every mention's span indexes the original text and quotes it exactly.
    for mention in first.mentions:
        assert 0 <= mention.span.start <= mention.span.end <= len(text)
        assert text[mention.span.start : mention.span.end] == mention.text
    data = first.to_dict(include_text=False)
    for start, end, quoted in _spans(data):
        assert 0 <= start <= end <= len(text)
        if quoted is not None:
            assert text[start:end] == quoted
    # Deterministic: the same input gives the same output, in a fresh pipeline too.
    again = pipeline.extract(text, published=published, doc_id="fuzz")
    assert again.to_dict(include_text=False) == data
    # The output is valid JSON that reads back (lone surrogates included).
    assert bilatx.Extraction.from_json(first.to_json()).to_dict(include_text=False) == data
