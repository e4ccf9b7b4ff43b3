"""Shared views of a text that several plugins need: sentences and paragraphs.

The functions here only read the text; every span they return indexes it
exactly. :meth:`bilatx.Document.sentences` caches :func:`split_sentences`.
"""

from __future__ import annotations

from functools import lru_cache
from itertools import accumulate
from typing import TYPE_CHECKING, Final

import regex

from bilatx._types import Span
from bilatx.errors import PatternTimeoutError

if TYPE_CHECKING:
    from collections.abc import Iterable, Iterator

__all__ = [
    "finditer",
    "paragraphs",
    "search",
    "sentence_at",
    "split_sentences",
    "word_finditer",
]

DEFAULT_REGEX_TIMEOUT: Final = 5.0
"""Seconds one search may take when no timeout is given (``Settings.regex_timeout``'s default)."""

# Abbreviations after which a full stop does not end a sentence. Titles and
# month names are the common ones in news; single capitals cover initials
# ("S. Jaishankar", "Joseph R. Biden").
_ABBREVIATIONS: Final = frozenset(
    (
        *("mr", "mrs", "ms", "dr", "prof", "sr", "jr", "st", "mt", "gen", "lt", "col", "maj"),
        *("capt", "cmdr", "adm", "sgt", "rev", "hon", "sen", "rep", "gov", "pres", "amb"),
        *("sec", "dept", "govt", "corp", "inc", "ltd", "co", "bros", "no", "nos", "vs"),
        *("etc", "approx", "est", "fig", "al", "ft", "jan", "feb", "mar", "apr", "jun"),
        *("jul", "aug", "sep", "sept", "oct", "nov", "dec", "mon", "tue", "tues", "wed"),
        *("thu", "thur", "thurs", "fri", "sat", "sun", "u.s", "u.k", "u.n", "e.u", "h.e"),
        *("a.m", "p.m", "i.e", "e.g", "rs", "re", "nos", "vol", "art", "para"),
    )
)

# A sentence ends at ., ! or ? (optionally followed by closing quotes or
# brackets) before whitespace or a glued capitalised word, or at a line break.
_BOUNDARY: Final = regex.compile(
    r"""
    (?P<end>[.!?]+[\"'\u201d\u2019)\]]*)(?=\s+)   # terminal punctuation
    | (?P<nl>\n)                                 # every line break ends a sentence
    # Scraped copy often loses the space between sentences ("the sea.In a",
    # "he said.\u201cWe"): a lower-case word, the mark, then a capitalised word.
    | (?<=\p{Ll}\p{Ll})(?P<glued>[.!?][\"'\u201d\u2019)\]]*)(?=[\u201c\u2018\"]?\p{Lu}\p{Ll})
    """,
    regex.VERBOSE,
)
_WORD_BEFORE: Final = regex.compile(r"([\w.]+)$")


def _is_abbreviation(text: str, end: int) -> bool:
    match = _WORD_BEFORE.search(text, max(0, end - 20), end)
    if match is None:
        return False
    word = match.group(1).rstrip(".").lower()
    if len(word) == 1 and word.isalpha():
        # An initial ("S. Jaishankar"), unless it names the platform: "wrote on X."
        before = text[max(0, match.start() - 9) : match.start()].lower()
        return not (word == "x" and before.rstrip().endswith(("on", "via", "platform")))
    return word in _ABBREVIATIONS


def _next_starts_lower(text: str, pos: int) -> bool:
    i = pos
    n = len(text)
    while i < n and text[i] in " \t":
        i += 1
    return i < n and text[i].islower()


# A few texts only: plugins of one document share its split (Document also
# keeps it), and a larger cache would hold whole corpora in memory.
@lru_cache(maxsize=8)
def split_sentences(text: str) -> tuple[Span, ...]:
    """Split ``text`` into sentence spans, trimmed of surrounding whitespace.

    Line breaks always end a sentence (news copy puts headlines, datelines and
    paragraphs on their own lines); a full stop after an abbreviation or an
    initial does not.
    """
    spans: list[Span] = []
    start = 0
    for match in _BOUNDARY.finditer(text):
        if match.group("nl") is not None:
            end = match.start()
        elif match.group("glued") is not None:
            end = match.end()
            if _is_abbreviation(text, match.start()):
                continue
        else:
            end = match.end()
            punct = match.group("end")
            if punct.startswith(".") and len(punct.rstrip("\"'\u201d\u2019)]")) == 1:
                if _is_abbreviation(text, match.start()):
                    continue
                if _next_starts_lower(text, end):
                    continue
        spans.extend(_trimmed(text, start, end))
        start = end if match.group("nl") is None else match.end()
    spans.extend(_trimmed(text, start, len(text)))
    return tuple(spans)


def _trimmed(text: str, start: int, end: int) -> Iterable[Span]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        yield Span(start, end)


_PARAGRAPH: Final = regex.compile(r"[^\n]+")


def paragraphs(text: str) -> tuple[Span, ...]:
    """Return the spans of the non-empty lines of ``text``, trimmed."""
    out: list[Span] = []
    for match in _PARAGRAPH.finditer(text):
        out.extend(_trimmed(text, match.start(), match.end()))
    return tuple(out)


def sentence_at(sentences: tuple[Span, ...], offset: int) -> Span | None:
    """Return the sentence containing ``offset``, by binary search over ``sentences``."""
    lo, hi = 0, len(sentences)
    while lo < hi:
        mid = (lo + hi) // 2
        span = sentences[mid]
        if offset < span.start:
            hi = mid
        elif offset >= span.end:
            lo = mid + 1
        else:
            return span
    return None


# ------------------------------------------------------------ guarded search


def search(
    pattern: regex.Pattern[str],
    text: str,
    pos: int = 0,
    endpos: int | None = None,
    *,
    timeout: float | None = None,
) -> regex.Match[str] | None:
    r"""``pattern.search(text, pos, endpos)`` with a time limit that names the pattern.

    Args:
        pattern: a pattern compiled with the ``regex`` module.
        text: the text to search.
        pos: where to start.
        endpos: where to stop (default: the end of ``text``).
        timeout: seconds the search may take; plugins pass
            ``settings.regex_timeout``. ``None`` uses :data:`DEFAULT_REGEX_TIMEOUT`.

    Raises:
        PatternTimeoutError: the search took longer than ``timeout``; the
            pipeline reports it as a failure of the calling plugin on the
            document it was reading.

    >>> import regex
    >>> search(regex.compile(r"\d+"), "in 2024").group()
    '2024'
    """
    limit = DEFAULT_REGEX_TIMEOUT if timeout is None else timeout
    try:
        return pattern.search(text, pos, len(text) if endpos is None else endpos, timeout=limit)
    except TimeoutError:
        raise PatternTimeoutError(pattern.pattern, limit, pos) from None


def finditer(
    pattern: regex.Pattern[str],
    text: str,
    pos: int = 0,
    endpos: int | None = None,
    *,
    timeout: float | None = None,
) -> Iterator[regex.Match[str]]:
    r"""Yield the matches of ``pattern`` in ``text``, each search under a time limit.

    Unlike ``pattern.finditer(text, timeout=...)``, whose limit covers the whole
    iteration (and so also the caller's own work between matches), the limit
    here applies to each search for the next match: a long text with many
    matches never times out, a pattern that backtracks catastrophically does.
    After a zero-width match the next search starts one character later.

    Args:
        pattern: a pattern compiled with the ``regex`` module.
        text: the text to search.
        pos: where to start.
        endpos: where to stop (default: the end of ``text``).
        timeout: seconds one search may take; plugins pass
            ``settings.regex_timeout``. ``None`` uses :data:`DEFAULT_REGEX_TIMEOUT`.

    Raises:
        PatternTimeoutError: one search took longer than ``timeout``.

    >>> import regex
    >>> [m.group() for m in finditer(regex.compile(r"[A-Z]\w+"), "Delhi and Oslo")]
    ['Delhi', 'Oslo']
    """
    end = len(text) if endpos is None else endpos
    while pos <= end:
        match = search(pattern, text, pos, end, timeout=timeout)
        if match is None:
            return
        yield match
        pos = match.end() if match.end() > match.start() else match.end() + 1


# ------------------------------------------------------------- word scans

# Words and what separates them: splitting at the separators (kept as
# groups) gives every word, and the lengths of the pieces give every word's
# offset, with no match object per word.
_NON_WORD: Final = regex.compile(r"(\W+)")
_HEAD: Final = 24
# Heads remembered per pattern before starting afresh: whole words now, so a
# news archive's vocabulary would otherwise grow this without end. At this
# size a pattern's table stays near 3 MB and is rebuilt in a fraction of a second.
_MAX_HEADS: Final = 1 << 15
_heads: dict[regex.Pattern[str], dict[str, bool]] = {}


@lru_cache(maxsize=4)
def _word_heads(text: str) -> tuple[list[str], list[int]]:
    """Every word of ``text`` with the character after it (its head), and where each word starts.

    Kept for the last few texts: several plugins scan the same document.
    """
    pieces = _NON_WORD.split(text)
    ends = list(accumulate(map(len, pieces)))
    # Words sit at even places; the one at place i > 0 starts where piece i-1 ends.
    # The first and last may be empty (the text starts or ends between words).
    pairs = [(s, len(w)) for w, s in zip(pieces[0::2], [0, *ends[1::2]], strict=True) if w]
    return [text[s : s + min(size + 1, _HEAD)] for s, size in pairs], [s for s, _ in pairs]


def word_finditer(
    pattern: regex.Pattern[str], text: str, *, timeout: float | None = None
) -> Iterator[regex.Match[str]]:
    r"""Yield the matches of ``pattern`` in ``text`` as ``finditer`` does, trying only words.

    A pattern of many alternative words (trigger verbs, cue phrases) is slow to
    search: the engine tries every alternative at every position. This tries
    ``pattern`` only where a word starts, and only where the pattern can
    begin with the word there and the character after it (a partial match on
    those characters alone, remembered for each pattern).

    The matches are exactly ``finditer``'s when every match of ``pattern``
    starts at a word character with no word character before it (the
    pattern opens with ``\b`` or a look-behind such as ``(?<![\w-])`` and
    every alternative begins with a word character), never matches the
    empty string, and the only look-behinds reaching before the match are
    negative ones.

    Args:
        pattern: a pattern compiled with the ``regex`` module, as described above.
        text: the text to search.
        timeout: seconds one match may take (see :func:`search`).

    Raises:
        PatternTimeoutError: one match took longer than ``timeout``.

    >>> import regex
    >>> pattern = regex.compile(r"(?i)\b(?:visit(?:ed|s)?|met)\b")
    >>> [m.group() for m in word_finditer(pattern, "She visited Oslo and met Ola; revisits no.")]
    ['visited', 'met']
    """
    limit = DEFAULT_REGEX_TIMEOUT if timeout is None else timeout
    heads, starts = _word_heads(text)
    known = _heads.get(pattern)
    if known is None or len(known) > _MAX_HEADS:
        known = _heads[pattern] = {}
    for head in set(heads).difference(known):
        known[head] = pattern.match(head, partial=True) is not None
    end = 0
    for k in [k for k, head in enumerate(heads) if known[head]]:
        pos = starts[k]
        if pos < end:
            continue
        try:
            match = pattern.match(text, pos, timeout=limit)
        except TimeoutError:
            raise PatternTimeoutError(pattern.pattern, limit, pos) from None
        if match is not None:
            yield match
            end = match.end()
