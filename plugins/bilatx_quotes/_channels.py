"""Channels: where a statement was made ("a post on X", "a news conference").

A closed vocabulary of labels (``X``, ``Twitter``, ``press conference``,
``news conference``, ``briefing``, ``joint statement``, ``statement``,
``interview``, ``speech``, ``address``, the house of a parliament, ...) with a
free-text fallback for what the vocabulary cannot name exactly ("written reply
to the Lok Sabha", "signing ceremony", "PAP news agency").

Channels are of two sorts. A *message* (a post, a statement, a letter) holds
only the words attributed to it. An *occasion* (an interview, a news
conference, a debate in parliament, a ceremony) lasts: the same speaker's next
remarks, and a reply to them, were made there too.
"""

from __future__ import annotations

from functools import cache
from typing import TYPE_CHECKING, Final

import attrs
import regex

if TYPE_CHECKING:
    from collections.abc import Callable, Sequence

__all__ = ["Channel", "find_channels"]


@attrs.frozen(kw_only=True)
class Channel:
    """A channel phrase found in the text."""

    label: str
    start: int
    end: int
    occasion: bool


_HOUSES: Final = (
    r"Lok\s+Sabha|Rajya\s+Sabha|[Pp]arliament|House\s+of\s+Commons|House\s+of\s+Lords"
    r"|House\s+of\s+Representatives|Senate|State\s+Duma|Duma|Bundestag|Knesset"
    r"|National\s+Assembly|Diet|Congress|Majlis|Sejm|Riksdag|Storting|Folketing"
)
_CEREMONY_NOT: Final = frozenset(
    {"the", "a", "an", "this", "that", "his", "her", "its", "their", "at", "of", "in", "during"}
)
_NEAR: Final = 40
_MARK_OPEN: Final = "['\u2018\"\u201c]?"
_MARK_CLOSE: Final = "['\u2019\"\u201d]?"


def _spaces(text: str) -> str:
    return " ".join(text.split())


@cache
def _patterns() -> tuple[tuple[regex.Pattern[str], Callable[[regex.Match[str]], str], bool], ...]:
    """Return ``(pattern, label, is_occasion)`` triples, most specific first."""

    def fixed(label: str) -> Callable[[regex.Match[str]], str]:
        return lambda _: label

    def group(name: str) -> Callable[[regex.Match[str]], str]:
        return lambda m: _spaces(m.group(name))

    platform = r"(?:(?:social[\s-]+media|micro-?blogging)\s+)?(?:(?:platform|site|network)\s+)?"
    return (
        (
            regex.compile(
                rf"(?i:\b(?:on|via|took\s+to|takes\s+to|taking\s+to)\s+"
                rf"(?:(?:the|his|her|its|their|an?)\s+)?(?:official\s+)?{platform})"
                rf"{_MARK_OPEN}X{_MARK_CLOSE}(?!\w)"
            ),
            fixed("X"),
            False,
        ),
        (regex.compile(r"(?<![\w.])X\s+(?i:posts?|handle|account)\b"), fixed("X"), False),
        (
            regex.compile(
                r"(?i:\b(?:on|via|took\s+to|taking\s+to)\s+(?:(?:the|his|her|its|their)\s+)?"
                r"(?:official\s+)?Twitter\b|\btweet(?:ed|s|ing)?\b|\bTwitter\s+post)"
            ),
            fixed("Twitter"),
            False,
        ),
        (
            regex.compile(
                r"(?i:\b(?:on|via)\s+)(?P<p>Facebook|Instagram|LinkedIn|Weibo|WeChat|Telegram"
                r"|Truth\s+Social|Threads|YouTube|Bluesky)\b"
            ),
            group("p"),
            False,
        ),
        (
            regex.compile(
                rf"(?i:\bwritten\s+(?:reply|answer|response|statement)\s+(?:to|in)\s+(?:the\s+)?)"
                rf"(?:{_HOUSES})\b"
            ),
            lambda m: _spaces(m.group()),
            False,
        ),
        (
            regex.compile(
                r"(?i:\bjoint\s+(?:press\s+)?(?:statement|communiqu[e\u00e9]|declaration))"
            ),
            fixed("joint statement"),
            False,
        ),
        (
            regex.compile(
                r"(?i:\b(?:in|issued|released|through|according\s+to)\s+(?:a|an|the|his|her|its|their)"
                r"\s+(?:[\w-]+\s+){0,2}?(?:statement|press\s+release|communiqu[e\u00e9])\b)"
            ),
            fixed("statement"),
            False,
        ),
        (
            regex.compile(r"(?i:\b(?P<c>press|news|media)\s+conference)"),
            lambda m: m.group("c").lower() + " conference",
            True,
        ),
        (regex.compile(r"(?i:\bpresser\b)"), fixed("press conference"), True),
        (regex.compile(r"(?i:\bbriefing\b)"), fixed("briefing"), True),
        (regex.compile(r"(?i:\binterview(?:s|ed)?\b)"), fixed("interview"), True),
        (
            # Not "hate speech", "free speech", "freedom of speech".
            regex.compile(r"(?i:(?<!\bhate\s)(?<!\bfree\s)(?<!\bof\s)\bspeech(?:es)?\b)"),
            fixed("speech"),
            True,
        ),
        (regex.compile(r"(?i:\bvideo\s+(?:message|address)\b)"), fixed("video message"), False),
        (
            regex.compile(
                r"(?i:\b(?:in|during|at|his|her|an?|the)\s+(?:[\w-]+\s+){0,2}?address\b)"
                r"(?!\s+(?:the|a|an|this|these|those|their|its|our|climate|concerns|issues))"
            ),
            fixed("address"),
            True,
        ),
        (
            regex.compile(
                rf"(?i:\b(?:in|to|before|told|addressing|informed)\s+(?:the\s+)?)(?P<h>{_HOUSES})\b"
            ),
            group("h"),
            True,
        ),
        (
            regex.compile(
                r"(?i:\b(?:told|quoted\s+by|according\s+to|speaking\s+to|talking\s+to|interviewed\s+by)"
                r"\s+(?:the\s+)?(?:(?:official|state|state-run|state-owned|government|private)\s+)*)"
                r"(?P<n>(?:[A-Z][\w.&'-]*\s+){1,3}?)"
                r"(?P<h>(?i:news\s+agency|newspaper|daily|broadcaster|television|TV|radio))\b"
            ),
            lambda m: _spaces(m.group("n") + " " + m.group("h")),
            True,
        ),
        (
            regex.compile(
                r"(?i:\bquoted\s+by\s+(?:the\s+)?)"
                r"(?P<n>[A-Z][\w.&'-]*(?:\s+[A-Z][\w.&'-]*){0,3}?)(?=\s+(?i:as\s+saying))"
            ),
            group("n"),
            True,
        ),
        (
            regex.compile(r"(?i:\b(?P<q>[a-z][a-z-]+)\s+ceremony\b)"),
            lambda m: "" if m.group("q").lower() in _CEREMONY_NOT else _spaces(m.group().lower()),
            True,
        ),
        (
            regex.compile(
                r"(?i:\b(?:at|during|in|before)\s+(?:a|an|the)\s+(?:[\w-]+\s+){0,2}?hearing\b)"
            ),
            fixed("hearing"),
            True,
        ),
        (
            regex.compile(
                r"(?i:\b(?:in|wrote)\s+(?:a|an|his|her|the|their)\s+(?:[\w-]+\s+){0,2}?letter\b)"
            ),
            fixed("letter"),
            False,
        ),
        (regex.compile(r"(?i:\bop-?ed\b)"), fixed("op-ed"), False),
    )


# The words of every channel pattern: each alternative of the trigger below
# with the text it cannot match without (in lower case), so that a sentence
# lacking all of them is passed over without searching it at all.
_TRIGGER_WORDS: Final = (
    *(("twitter", "twitter"), ("tweet", "tweet"), ("facebook", "facebook")),
    *(("instagram", "instagram"), ("linkedin", "linkedin"), ("weibo", "weibo")),
    *(("wechat", "wechat"), ("telegram", "telegram"), ("truth", r"truth\s+social")),
    *(("threads", "threads"), ("youtube", "youtube"), ("bluesky", "bluesky")),
    *(("written", "written"), ("statement", "statement"), ("communiqu", "communiqu")),
    *(("declaration", "declaration"), ("conference", "conference"), ("presser", "presser")),
    *(("briefing", "briefing"), ("interview", "interview"), ("speech", "speech")),
    *(("address", "address"), ("video", "video"), ("news", r"news\s+agency")),
    *(("newspaper", "newspaper"), ("daily", "daily"), ("broadcaster", "broadcaster")),
    *(("television", "television"), ("tv", r"\bTV\b"), ("radio", "radio")),
    *(("quoted", "quoted"), ("ceremony", "ceremony"), ("hearing", "hearing")),
    *(("letter", "letter"), ("op-ed", "op-ed"), ("oped", "oped")),
    ("press", r"press\s+release"),
)
_HOUSE_WORDS: Final = (
    *("lok", "rajya", "parliament", "house", "senate", "duma", "bundestag", "knesset"),
    *("national", "diet", "congress", "majlis", "sejm", "riksdag", "storting", "folketing"),
)
"""One word of each of :data:`_HOUSES`, in lower case."""


@cache
def _trigger() -> regex.Pattern[str]:
    # Every channel pattern holds one of these words: a sentence without any
    # is skipped without trying each pattern.
    words = "|".join(pattern for _, pattern in _TRIGGER_WORDS)
    return regex.compile(rf"(?<![\w.])X(?!\w)|(?i:{words})|{_HOUSES}")


def _may_trigger(text: str, lo: int, hi: int) -> bool:
    """Whether :func:`_trigger` can match in ``text[lo:hi]``: a necessary condition only.

    ``casefold`` brings every character a case-insensitive pattern matches to
    a lower-case ASCII letter to that letter (the Kelvin sign, the long s),
    except the dotted capital I, which it turns into two characters.
    """
    if "X" in text[lo:hi]:
        return True
    low = text[lo:hi].replace("\u0130", "i").casefold()
    return any(word in low for word, _ in _TRIGGER_WORDS) or any(w in low for w in _HOUSE_WORDS)


def find_channels(text: str, lo: int, hi: int, quotes: Sequence[tuple[int, int]]) -> list[Channel]:
    """Return the channel phrases of ``text[lo:hi]`` outside the quotations.

    Where two phrases overlap ("X (formerly Twitter)", "joint statement"), the
    one found by the more specific pattern wins.
    """
    if not _may_trigger(text, lo, hi) or _trigger().search(text, lo, hi) is None:
        return []
    parts: list[str] = []
    pos = lo
    for quote_start, quote_end in quotes:
        if quote_end <= pos or quote_start >= hi:
            continue
        start = max(quote_start, pos)
        end = min(quote_end, hi)
        parts.extend((text[pos:start], "\x00" * (end - start)))
        pos = end
    parts.append(text[pos:hi])
    segment = "".join(parts)
    found: list[Channel] = []
    for pattern, label_of, occasion in _patterns():
        for match in pattern.finditer(segment):
            label = label_of(match)
            start, end = match.start() + lo, match.end() + lo
            if not label or any(c.start < end and start < c.end for c in found):
                continue
            if label == "Twitter" and any(
                c.label == "X" and abs(c.start - start) < _NEAR for c in found
            ):
                continue  # "X (formerly Twitter)"
            found.append(Channel(label=label, start=start, end=end, occasion=occasion))
    return sorted(found, key=lambda c: c.start)
