"""Speed-ups must not change answers: each fast path against the plain code it replaced."""

from __future__ import annotations

import unicodedata
from collections.abc import Callable

import attrs
import pytest
import regex
from hypothesis import given
from hypothesis import strategies as st

import bilatx
from bilatx import geo
from bilatx._types import _sorted_mentions
from bilatx.text import word_finditer
from bilatx_dates import _extract as dates_extract
from bilatx_dates._patterns import triggers as date_triggers
from bilatx_money import _extract as money_extract
from bilatx_officials import _tokens as officials_tokens
from bilatx_officials._data import gazetteer as officials_gazetteer
from bilatx_officials._extract import _occurrences
from bilatx_officials._names import match_phrase
from bilatx_officials._titles import parse_title, title_starts
from bilatx_officials._tokens import Token, tokenize
from bilatx_quotes import _channels as channels
from bilatx_quotes import _tokens as quote_tokens
from bilatx_quotes._vocab import DOTTED_ABBREVIATIONS
from bilatx_records import _common as records_common
from bilatx_records._model import _trigger_re as trigger_pattern
from bilatx_records._trade_vocab import cue_pattern
from bilatx_resolve import _known as known
from bilatx_resolve import _link as link
from bilatx_resolve._data import load_people_names
from bilatx_resolve._phrases import FOLDS_TO_ASCII
from bilatx_sectors import _lexicon as sector_lexicon_module
from bilatx_sectors import _match as sectors_match
from bilatx_sectors._lexicon import lexicon as sector_lexicon


def _cased(words: st.SearchStrategy[str], *cases: Callable[[str], str]) -> st.SearchStrategy[str]:
    """Words drawn from ``words``, each written in one of ``cases`` (``str.upper``, ...)."""
    return st.tuples(words, st.sampled_from(cases)).map(lambda pair: pair[1](pair[0]))


def _plain_find_countries(text: str, *, at_capitals: bool = False) -> list[geo.CountryMatch]:
    """find_countries as first written: the big pattern tried at every position.

    With ``at_capitals``, as written next: the big pattern tried only where a
    capitalised word (perhaps after "the") starts. The two differ only when a
    lower-case "the" stands before a name that itself starts with "the" ("the
    the Netherlands"): the first reads "the the Netherlands" as one lower-case
    name and drops it, the second finds "Netherlands".
    """
    codes = geo._tables()[0]
    out = []
    for match in _whole_pattern_matches(text, at_capitals=at_capitals):
        written = match.group(1)
        if not written[:1].isupper():
            continue
        if len(written.replace(".", "").replace(" ", "")) <= 3 and written.upper() != written:
            continue
        tail = text[match.end(1) : match.end()]
        if tail in {"s", "S"} and geo._fold(written) == "america":
            continue
        code = codes.get(geo._fold(written))
        if code is None:
            continue
        out.append(geo.CountryMatch((match.start(1), match.end(1), written, code)))
    return out


def _whole_pattern_matches(text: str, *, at_capitals: bool) -> list[regex.Match[str]]:
    pattern = geo._country_pattern()
    if not at_capitals:
        return list(pattern.finditer(text))
    found: list[regex.Match[str]] = []
    for candidate in geo._COUNTRY_START.finditer(text):
        if found and candidate.start() < found[-1].end():
            continue
        match = pattern.match(text, candidate.start())
        if match is not None:
            found.append(match)
    return found


_PIECES = [
    *("the", "The", "THE", "us", "US", "U.S.", "u.s.", "UK", "Uk", "EU", "E.U."),
    *("India", "india", "Indias", "Indian", "INDIA", "South", "Korea", "south korea"),
    *("America", "Americas", "Georgia's", "Turkey", "turkey", "Congo", "Republic", "of"),
    *("Democratic Republic of the Congo", "the Netherlands", "Netherlands", "Chinese"),
    *("Beijing", "Côte d'Ivoire", "Cote d\u2019Ivoire", "Norway", "Norwegian", "Japan's"),
    *(" ", "  ", ".", ",", "'", "\u2019s", "s", "\n", "x", "-", "(", ")", "\u201c", "Mr"),
]


@given(st.lists(st.sampled_from(_PIECES), max_size=16).map("".join))
def test_find_countries_matches_the_plain_search(text: str) -> None:
    assert list(geo.find_countries(text)) == _plain_find_countries(text, at_capitals=True)


@given(st.text(max_size=60))
def test_find_countries_matches_the_plain_search_on_any_text(text: str) -> None:
    assert list(geo.find_countries(text)) == _plain_find_countries(text, at_capitals=True)


@given(st.data())
def test_find_countries_matches_the_plain_search_on_every_name(data: st.DataObject) -> None:
    names = geo._country_names()
    words = st.sampled_from(names) | st.sampled_from(_PIECES)
    cased = _cased(words, str, str.upper, str.lower, str.title)
    glue = st.sampled_from(["", " ", "  ", "'s ", "s ", "\u00a0", " the ", ", "])
    text = "".join(data.draw(st.lists(st.tuples(cased, glue).map("".join), max_size=8)))
    assert list(geo.find_countries(text)) == _plain_find_countries(text, at_capitals=True)


def test_find_countries_after_a_doubled_the() -> None:
    # The one place the first version (every position) and the next (capitalised
    # words) differ; the speed-ups since keep the second.
    text = "the the Netherlands"
    assert _plain_find_countries(text) == []
    assert [m.code for m in geo.find_countries(text)] == ["NLD"]


def test_find_countries_on_news_sentences() -> None:
    text = (
        "The Indian and Chinese delegations met in the U.S. on Monday; the Netherlands "
        "and South Korea sent observers, and the Americas were not represented. "
        "\u201cNo one should expect us to give in,\u201d the minister of Côte d'Ivoire said."
    )
    found = list(geo.find_countries(text))
    assert found == _plain_find_countries(text) == _plain_find_countries(text, at_capitals=True)
    assert [m.code for m in found] == ["IND", "CHN", "USA", "NLD", "KOR", "CIV"]


@given(st.data())
def test_names_at_a_position_are_the_pattern_matches(data: st.DataObject) -> None:
    # In ASCII text names are matched by their lower-case forms, elsewhere by
    # the pattern; characters a case-insensitive pattern treats specially
    # (the Kelvin sign is a "k", the long s an "s") must send the text there.
    names = geo._country_names()
    words = st.sampled_from(names) | st.sampled_from(_PIECES)
    # The long s and the Kelvin sign inside a name match an "s" and a "k".
    cased = _cased(
        words, str, str.upper, str.lower, str.swapcase,
        lambda w: w.replace("s", "\u017f"), lambda w: w.upper().replace("K", "\u212a"),
    )  # fmt: skip
    glue = st.sampled_from(
        [
            *("", " ", "'s ", "s ", "S a", "\u212a", "\u017f", "\u00e9", "-", "\u2019s"),
            *("\u2019", "\u0130", "\u0131", "\u00c7", "\u0301", "\u00c5", "\u212b", "\u00df"),
        ]
    )
    text = "".join(data.draw(st.lists(st.tuples(cased, glue).map("".join), max_size=5)))
    pattern = geo._any_name_pattern()
    for pos in range(len(text)):
        match = pattern.match(text, pos)
        expected = None if match is None else (match.start(1), match.end(1), match.end())
        assert geo._name_at(text, pos) == expected


def test_only_t_begins_a_case_blind_the() -> None:
    # find_countries tries "the" at a lone capital only when it is a "T".
    every = "".join(chr(c) for c in range(0x110000) if not 0xD800 <= c < 0xE000)
    assert regex.findall(r"(?i)t", every) == ["T", "t"]


def _plain_longest_city(words: str) -> tuple[int, int] | None:
    """_longest_city as first written: every sub-range of the run folded and looked up."""
    cities = geo._cities()
    bounds = [m.span() for m in regex.finditer(r"[^\s-]+", words)]
    for i in range(len(bounds)):
        for j in range(len(bounds) - 1, i - 1, -1):
            start, end = bounds[i][0], bounds[j][1]
            piece = words[start:end]
            if piece[:1].isupper() and geo._fold(piece) in cities:
                return start, end - start
    return None


_CITY_PIECES = [
    *("Rio de Janeiro", "Port-au-Prince", "Mexico city", "Mexico City", "New York", "NEW YORK"),
    *("Dar es Salaam", "San Jose", "Moscow", "The", "Kyiv", "St. Louis", "Sao Paulo", "São Paulo"),
    *("O'Hare", "x", "Ho Chi Minh City", "Minister", "de", "Washington"),
]
_CITY_SEPARATORS = st.sampled_from([" ", "-", "  ", "\t", "\n", "\u00a0", " - "])


@given(st.data())
def test_longest_city_is_the_plain_search(data: st.DataObject) -> None:
    # Runs of known names and other words, their words joined by any separator.
    words: list[str] = []
    for name in data.draw(st.lists(st.sampled_from(_CITY_PIECES), max_size=4)):
        words.extend(regex.split(r"[ -]", name))
    run = words[0] if words else ""
    for word in words[1:]:
        run += data.draw(_CITY_SEPARATORS) + word
    assert geo._longest_city(run, geo._cities()) == _plain_longest_city(run)


def _plain_fold(name: str) -> str:
    text = unicodedata.normalize("NFKD", name)
    text = "".join(c for c in text if not unicodedata.combining(c))
    text = text.replace("\u2019", "'")
    return " ".join(text.casefold().split())


@given(st.text(max_size=30) | st.text(alphabet=st.characters(max_codepoint=127), max_size=30))
def test_fold_matches_the_plain_fold(name: str) -> None:
    assert geo._fold(name) == _plain_fold(name)


# Letters, digits and the characters the name boundaries care about.
_ALPHABET = st.sampled_from(list("abAB1 .-'\u2019\u00e9\u0661\n,"))


@given(
    text=st.text(_ALPHABET, max_size=40),
    phrase=st.text(_ALPHABET, min_size=1, max_size=4),
)
def test_name_occurrences_match_the_boundary_pattern(text: str, phrase: str) -> None:
    pattern = regex.compile(
        r"(?<![\p{L}\p{N}'\u2019.-])" + regex.escape(phrase) + r"(?![\p{L}\p{N}])"
    )
    assert list(_occurrences(text, phrase)) == [m.span() for m in pattern.finditer(text)]


def test_name_occurrences_skip_words_that_contain_the_name() -> None:
    text = "Okafor met Okaforson; later al-Okafor, d'Okafor and Okafor spoke."
    assert [s for s, _ in _occurrences(text, "Okafor")] == [0, text.rindex("Okafor")]


@attrs.frozen
class _Item:
    span: bilatx.Span
    extractor: str
    payload: str


@given(
    st.lists(
        st.builds(
            _Item,
            span=st.builds(
                lambda a, b: bilatx.Span(min(a, b), max(a, b)),
                st.integers(0, 4),
                st.integers(0, 4),
            ),
            extractor=st.sampled_from(["a", "b"]),
            payload=st.sampled_from(["x", "y", "z"]),
        ),
        max_size=30,
    )
)
def test_mentions_sort_like_the_whole_key(items: list[_Item]) -> None:
    expected = tuple(sorted(items, key=lambda m: (m.span, m.extractor, repr(m))))
    got = _sorted_mentions(items)
    assert [id(m) for m in got] == [id(m) for m in expected]


def _plain_lexicon_find(text: str) -> list[tuple[int, int, object]]:
    """Lexicon.find as first written: every token looked up in turn."""
    lex = sector_lexicon()
    tokens = [(m.start(), m.end(), m.group()) for m in regex.finditer(r"[\w-]+|[^\w\s]", text)]
    folded = [t.casefold() for _, _, t in tokens]
    found: list[tuple[int, int, object]] = []
    index = 0
    while index < len(tokens):
        step = 1
        longest = max(lex.starts.get(folded[index], 0), lex.starts.get(tokens[index][2], 0))
        for size in range(min(longest, len(tokens) - index), 0, -1):
            entry = lex.exact.get(tuple(t for _, _, t in tokens[index : index + size]))
            if entry is None:
                entry = lex.folded.get(tuple(folded[index : index + size]))
            if entry is not None:
                found.append((tokens[index][0], tokens[index + size - 1][1], entry))
                step = size
                break
        index += step
    return found


_SECTOR_PIECES = [
    *("trade", "Trade", "defence", "defense cooperation", "IT", "it", "LNG", "oil and gas"),
    *("renewable energy", "clean-energy", "weapons", "the rule of law", "ß", "Straße", "é"),
    *(" ", "  ", ",", ".", "&", "-", "\n", "'s", "\u2019", "x1", "_"),
]


@given(st.lists(st.sampled_from(_SECTOR_PIECES) | st.text(max_size=3), max_size=20).map("".join))
def test_sector_phrases_match_the_plain_lookup(text: str) -> None:
    assert sector_lexicon().find(text) == _plain_lexicon_find(text)


_TOKEN_CHARS = st.sampled_from(
    [
        *"aZ09_- \t\n.,&'",
        *("\x1c", "\x1f", "\xa0", "\u00e9", "\u2019", "\u200b", "\u0301", "\u0663"),
        *("\u2028", "\x85", "\u2014", "\u00df", "\ufb01", "\u202f", "\u01c5"),
    ]
)


@given(st.text(_TOKEN_CHARS, max_size=20))
def test_sector_tokens_split_alike_where_the_fast_split_is_used(text: str) -> None:
    if sector_lexicon_module._same_tokens(text):
        assert sector_lexicon_module._FAST_SPLIT.split(text) == regex.split(
            r"([\w-]+|[^\w\s])", text
        )


@given(st.text(_TOKEN_CHARS, max_size=30), st.integers(0, 30), st.integers(0, 30))
def test_name_words_are_the_finditer_tokens(text: str, lo: int, hi: int) -> None:
    found = [
        (m.start(), m.end(), m.group())
        for m in regex.finditer(r"[\w.'\u2019&-]+", text, pos=lo, endpos=hi)
    ]
    words, starts, ends = sectors_match._tokens(text, lo, min(max(lo, hi), len(text)))
    assert list(zip(starts, ends, words, strict=True)) == found


def _plain_match_phrase(tokens: list[Token], i: int, phrases: tuple[tuple[str, ...], ...]) -> int:
    """match_phrase as first written: every phrase tried in turn."""
    for phrase in phrases:
        j = i
        ok = True
        for word in phrase:
            if j >= len(tokens) or not tokens[j].is_word:
                ok = False
                break
            bare = word.rstrip(".")
            if tokens[j].lower != bare.casefold() or (
                len(bare) > 1 and bare.isupper() and tokens[j].text.rstrip(".") != bare
            ):
                ok = False
                break
            j += 1
            if j < len(tokens) and tokens[j].text == "." and tokens[j].start == tokens[j - 1].end:
                j += 1
        if ok:
            return j
    return -1


@given(st.data())
def test_honorifics_and_ranks_match_like_the_plain_loop(data: st.DataObject) -> None:
    g = officials_gazetteer()
    words = st.sampled_from([w for p in (*g.honorifics, *g.ranks) for w in p])
    cased = _cased(words, str, str.upper, str.lower)
    glue = st.sampled_from([" ", ". ", ".", ", ", " Okafor "])
    text = "".join(data.draw(st.lists(st.tuples(cased, glue).map("".join), max_size=6)))
    tokens = tokenize(text)
    for phrases in (g.honorifics, g.ranks, ((),), (("Dr.",), ())):
        for i in range(len(tokens) + 1):
            assert match_phrase(tokens, i, phrases) == _plain_match_phrase(tokens, i, phrases)


@given(st.data())
def test_titles_only_start_where_title_starts_says(data: st.DataObject) -> None:
    g = officials_gazetteer()
    words = sorted({w for head in g.heads for w in head} | set(g.abbreviations))
    words += ["of", "and", "&", "the", "trade", "India's", "U.S.", "South African", "Okafor"]
    pieces = st.sampled_from(words) | st.text(max_size=2)
    cased = _cased(pieces, str, str.upper, str.title, str.lower)
    glue = st.sampled_from([" ", "  ", ". ", ".", ", ", "-", "s ", "\n"])
    text = "".join(data.draw(st.lists(st.tuples(cased, glue).map("".join), max_size=8)))
    tokens = tokenize(text)
    titled = [k for k in range(len(tokens)) if parse_title(tokens, k) is not None]
    assert set(titled) <= set(title_starts(tokens))


_PLAIN_QUOTE_TOKEN = regex.compile(
    r"(?P<acronym>(?:[^\W\d_]\.){2,})|(?P<word>[^\W_](?:\w|['\u2019\-](?=\w))*)|(?P<punct>\S)"
)


def _plain_quote_tokens(text: str, lo: int, hi: int) -> list[tuple[str, int, int, str]]:
    """The quotes tokenizer's words as first written: one match object per token."""
    out: list[tuple[str, int, int, str]] = []
    pending_dot = False
    for match in _PLAIN_QUOTE_TOKEN.finditer(text, lo, hi):
        start, end = match.span()
        if match.lastgroup == "punct":
            if pending_dot and match.group() == "." and out and out[-1][2] == start:
                out[-1] = (text[out[-1][1] : end], out[-1][1], end, "word")
            else:
                out.append((match.group(), start, end, "punct"))
            pending_dot = False
            continue
        word = match.group()
        out.append((word, start, end, "word"))
        pending_dot = match.lastgroup == "word" and (
            (len(word) == 1 and word.isupper()) or word.lower() in DOTTED_ABBREVIATIONS
        )
    return out


_QUOTE_TOKEN_PIECES = [
    *("U.S.", "u.s.", "Dr.", "dr", "J.", "J", "Mr", "no.", "e.g.", "A.B", "India's", "co-op"),
    *(" ", "  ", "\n", "\u00a0", ".", ",", "'", "\u2019", "-", "_", "a_b", "x", "1", "\u0301"),
]


@given(
    st.lists(st.sampled_from(_QUOTE_TOKEN_PIECES) | st.text(max_size=3), max_size=20).map("".join),
    st.data(),
)
def test_quote_tokens_are_the_plain_tokens(text: str, data: st.DataObject) -> None:
    lo = data.draw(st.integers(0, len(text)))
    hi = data.draw(st.integers(lo, len(text)))
    tokens = quote_tokens.tokenize(text, lo, hi, [])
    assert [(t.text, t.start, t.end, t.kind.value) for t in tokens] == _plain_quote_tokens(
        text, lo, hi
    )


_SCAN_PIECES = [
    *("met", "meet", "meeting", "talks", "visit", "visited", "trip", "travel to", "flew to"),
    *("spoke with", "spoke by phone", "called on Modi", "is in Oslo for", "co-led", "led"),
    *("trade deficit", "exports", "Exports", "loans", "lines of credit", "budget deficit"),
    *("trade ministers", "joint venture", "invested", "aid", "TRADE", "Met", "is", "in"),
    *(" ", "  ", "-", ",", ".", "\n", "x", "re", "\u00e9", "\u0301", "_", "1", "\u00a0"),
]


@given(st.lists(st.sampled_from(_SCAN_PIECES) | st.text(max_size=3), max_size=20).map("".join))
def test_word_scan_finds_what_finditer_finds(text: str) -> None:
    for pattern in (trigger_pattern(), cue_pattern()):
        expected = [(m.span(), m.lastgroup) for m in pattern.finditer(text)]
        assert [(m.span(), m.lastgroup) for m in word_finditer(pattern, text)] == expected


_MONEY_PIECES = [
    *("$", "US$", "U.S. $", "USD", "Rs", "Rs.", "EUR", "rupees", "dlrs", "a", "an", "half a"),
    *("two", "twenty-one", "5", "1,200", "3.5", ".5", "12-14", "billion", "bn", "mn", "crore"),
    *("dollars", "tonnes", "a barrel", "per cent", "million", "k", "M", "x", "2024", "\u20ac"),
    *(" ", "  ", "\u00a0", "-", ",", ".", "/", "\n", "(", "abc", "A$", "HK$", "\u0661"),
]


@given(st.lists(st.sampled_from(_MONEY_PIECES) | st.text(max_size=3), max_size=24).map("".join))
def test_money_atoms_are_the_pattern_matches(text: str) -> None:
    expected = [m.span() for m in money_extract._atom_pattern().finditer(text)]
    assert [m.span() for m in money_extract._atom_matches(text, None)] == expected


_PLAIN_TOKEN = regex.compile(
    r"""
    (?P<abbr>U\.\ ?S\.(?:\ ?A\.)?|U\.\ ?K\.|U\.\ ?N\.|E\.\ ?U\.|(?:\p{Lu}\.){2,})
    | (?P<word>[\p{L}\p{M}\p{N}]+(?:[-'\u2019][\p{L}\p{M}\p{N}]+)*)
    | (?P<nl>\n)
    | (?P<punct>\S)
    """,
    regex.VERBOSE,
)


def _plain_token(text: str, start: int, end: int, kind: str) -> tuple[object, ...]:
    return (
        text,
        start,
        end,
        kind,
        text.rstrip(".").casefold(),
        text[:1].isupper(),
        kind in {"word", "abbr"},
    )


def _plain_tokenize(text: str) -> list[tuple[object, ...]]:
    """The officials tokenizer written plainly: one match object per token, every field computed."""
    out = []
    for match in _PLAIN_TOKEN.finditer(text):
        kind = match.lastgroup or "punct"
        word = match.group()
        start, end = match.span()
        if kind == "word" and len(word) > 2 and word.endswith(("'s", "\u2019s")):
            out.append(_plain_token(word[:-2], start, end - 2, "word"))
            out.append(_plain_token(word[-2:], end - 2, end, "pos"))
        elif kind == "word" and len(word) > 5 and word[:5].casefold() == "vice-":
            out.append(_plain_token(word[:4], start, start + 4, "word"))
            out.append(_plain_token(word[5:], start + 5, end, "word"))
        else:
            out.append(_plain_token(word, start, end, kind))
    return out


_TOKEN_PIECES = [
    *("U.S.", "U. S. A.", "U.K.", "E. U.", "H.E.", "A.B.C.", "Dr.", "S.", "India's", "its"),
    *("O'Neil\u2019s", "co-chair", "x's", "'s", "\u2019", "-", "e\u0301", "\u0301", "\u00bd"),
    *("Vice-Minister", "vice-x", "VICE-", "Vice"),
    *("5", "2,000", " ", "  ", "\n", "\t", "\u00a0", ".", ",", "(", "\u201c", "Ab", "a"),
]

# Pieces near the tokenizer's edges, inside its fast alphabet and outside it:
# accented and combining letters, Vietnamese, Greek, CJK, odd spaces and controls.
_TOKEN_EDGE_PIECES = [
    *(
        "U.S.",
        "U. S. A.",
        "U.K.",
        "U. N.",
        "E.U.",
        "H.E.",
        "\u00c9.\u00c9.",
        "\u0394.\u0394.",
        "Dr.",
    ),
    *("India's", "India\u2019s", "x's", "'s", "O'Neil", "co-chair", "Vice-Minister", "VICE-x"),
    *("vice-", "Vice", "\u00e9", "e\u0301", "\u0301", "\u1ec5", "\u0394\u03b1", "\u4e2d", "\u00bd"),
    *("Stra\u00dfe", "\u0130", "\u212a", "\u01c5", "2,000", "5", "Ab", "a", "Z", ".", ","),
    *(" ", "  ", "\n", "\t", "\r", "\x0b", "\x1c", "\x85", "\u00a0", "\u2028", "\u202f", "\u3000"),
    *("(", "-", "\u2019", "\u201c", "\u2014", "\u20ac", "\u20b9", "\U0001f600", "\x00"),
]


_ANY_TOKEN_PIECE = st.sampled_from(_TOKEN_PIECES + _TOKEN_EDGE_PIECES) | st.text(max_size=3)


@given(st.lists(_ANY_TOKEN_PIECE, max_size=24).map("".join))
def test_officials_tokens_are_the_plain_tokens(text: str) -> None:
    expected = _plain_tokenize(text)
    tokens = tokenize(text)
    assert [tuple(t) for t in tokens] == expected
    for t in tokens:
        assert t.lower == t.text.rstrip(".").casefold()
        assert t.cap == t.text[:1].isupper()
        assert t.is_word == (t.kind in {"word", "abbr"})
    # Again, now that every token's fields are remembered.
    assert [tuple(t) for t in tokenize(text)] == expected


def test_the_re_split_reads_every_character_of_its_alphabet_as_regex_does() -> None:
    # Every code point the fast alphabet admits, alone and in the contexts its
    # classes decide: a word, an abbreviation, a hyphen, spaces.
    for code in range(0x10000):
        char = chr(code)
        if officials_tokens._OUTSIDE_PLAIN.search(char):
            continue
        for text in (
            char,
            f"a{char}b",
            f"{char}.B.",
            f"A.{char}.",
            f"x-{char}y",
            f" {char}\n{char}s ",
        ):
            assert officials_tokens._PLAIN_SPLIT.split(text) == officials_tokens._SPLIT.split(
                text
            ), hex(code)


def test_the_fast_alphabet_holds_the_latin_script_and_its_punctuation() -> None:
    # Not a matter of correctness (other texts take the regex split), of speed.
    for text in (
        "Ng\u00f4 \u0110\u00ecnh Di\u1ec7m \u2013 \u201cNo\u201d \u20ac5\u2026",
        "e\u0301\u00a0\u202f",
    ):
        assert officials_tokens._OUTSIDE_PLAIN.search(text) is None
    for text in ("\u4e2d", "\u0394", "\U0001f600", "\u3000"):
        assert officials_tokens._OUTSIDE_PLAIN.search(text) is not None


@given(st.data())
def test_known_people_are_found_as_by_the_whole_list(data: st.DataObject) -> None:
    names = sorted(load_people_names())
    # Cut names share a start with whole ones: the longest name that stands
    # alone must win, as in the pattern.
    cut = st.tuples(st.sampled_from(names), st.integers(3, 20)).map(lambda p: p[0][: p[1]])
    words = st.sampled_from(names) | cut | st.sampled_from(_TOKEN_PIECES)
    glue = st.sampled_from(["", " ", "'s ", "-", ".", "_", "\u0301", "x", ", "])
    text = "".join(data.draw(st.lists(st.tuples(words, glue).map("".join), max_size=8)))
    expected = [m.span(1) for m in known._pattern().finditer(text)]
    assert list(known._known_names(text)) == expected
    surname = data.draw(st.sampled_from(names)).split()[-1]
    plain = regex.compile(
        r"(?<![\p{L}\p{M}\p{N}.'\u2019-])" + regex.escape(surname) + r"(?![\p{L}\p{M}\p{N}])"
    )
    assert list(known._occurrences(text, surname)) == [m.span() for m in plain.finditer(text)]


@given(
    text=st.lists(
        st.sampled_from(["Okafor", "Okaforo", "Li", "Li Na", "Na", "Baker-Chung", "Chung"])
        | st.sampled_from([" ", "-", ".", "'s ", "1", "_", "\u0301", "x", ", "]),
        max_size=12,
    ).map("".join),
    names=st.lists(
        st.sampled_from(["Okafor", "Okaforo", "Li Na", "Na", "Chung", "Baker-Chung", "kafo"]),
        min_size=1,
        max_size=4,
        unique=True,
    ),
)
def test_whole_names_are_the_pattern_matches(text: str, names: list[str]) -> None:
    names = sorted(names, key=len, reverse=True)
    pattern = regex.compile(r"(?<![\p{L}\p{N}])(?:\L<names>)(?![\p{L}\p{N}])", names=names)
    assert records_common._whole_names(text, names) == [m.span() for m in pattern.finditer(text)]


_OLD_CHANNEL_TRIGGER = regex.compile(
    r"(?<![\w.])X(?!\w)|(?i:twitter|tweet|facebook|instagram|linkedin|weibo|wechat|telegram"
    r"|truth\s+social|threads|youtube|bluesky|written|statement|communiqu|declaration"
    r"|conference|presser|briefing|interview|speech|address|video|news\s+agency|newspaper"
    r"|daily|broadcaster|television|\bTV\b|radio|quoted|ceremony|hearing|letter|op-?ed"
    r"|press\s+release)|" + channels._HOUSES
)


@given(st.data())
def test_channel_gate_lets_every_trigger_through(data: st.DataObject) -> None:
    words = [w for w, _ in channels._TRIGGER_WORDS] + ["truth social", "news  agency", "TV"]
    words += ["press release", "OP-ED", "Op-Ed", "Lok Sabha", "House of Lords", "Diet", "X"]
    odd = ["\u0130", "\u017f", "\u212a", "\u00df", "x", " ", ".", "_", "-", "\n"]
    pieces = st.sampled_from(words) | st.sampled_from(odd) | st.text(max_size=2)
    cased = _cased(pieces, str, str.upper, str.title, str.lower)
    text = "".join(data.draw(st.lists(cased, max_size=8)))
    swap = data.draw(st.sampled_from([("", ""), ("i", "\u0130"), ("s", "\u017f"), ("k", "\u212a")]))
    if swap[0]:
        text = text.replace(swap[0], swap[1])
    lo = data.draw(st.integers(0, len(text)))
    hi = data.draw(st.integers(lo, len(text)))
    found = channels._trigger().search(text, lo, hi) is not None
    assert found == (_OLD_CHANNEL_TRIGGER.search(text, lo, hi) is not None)
    if found:
        assert channels._may_trigger(text, lo, hi)


@given(st.data())
def test_names_only_begin_where_may_begin_name_says(data: st.DataObject) -> None:
    names = geo._country_names()
    words = [w for n in names for w in n.split()] + ["Minister", "The", "U.", "S.", "South"]
    # A first word as a tokenizer gives it: a letter or digit first, no apostrophe last.
    own = st.text(min_size=1, max_size=4).filter(
        lambda w: w[0].isalnum() and w[-1] not in "'\u2019"
    )
    first = data.draw(st.sampled_from(words) | own)
    rest = data.draw(st.lists(st.sampled_from(words), max_size=3))
    glue = data.draw(st.sampled_from([" ", "-", "", "'s ", "\u2019s ", ". "]))
    phrase = glue.join([first, *rest]) if rest else first
    if not geo.may_begin_name(first):
        assert geo.name_kind(phrase) is None
        assert geo.country_code(phrase) is None


def test_only_the_listed_characters_match_ascii_when_case_is_ignored() -> None:
    ascii_chars = [chr(c) for c in range(128)]
    pattern = regex.compile(r"(?i:\L<chars>)", chars=ascii_chars)
    folding = {chr(c) for c in range(128, 0x110000) if pattern.fullmatch(chr(c))}
    assert folding == FOLDS_TO_ASCII


_OFFICES = [
    "minister", "foreign minister", "prime minister", "secretary", "secretary of state",
    "minister of foreign affairs", "king", "trade representative", "vice president",
]  # fmt: skip
_DESCRIPTION_WORDS = [
    "the", "The", "THE", "tHe", "theme", "Norway", "South", "Korea", "U.S.", "U.S", "U.K.",
    "Swiss", "New Zealand", "Okafor", "of", "for", "to", "state", "affairs", "foreign", "prime",
    "minister", "secretary", "king", "trade", "representative", "vice", "president",
    "\u017fecretary", "\u212aing", "m\u0130nister", "pr\u0131me", "ministre", "\u00e9lys\u00e9e",
]  # fmt: skip
_DESCRIPTION_GLUE = [" ", "  ", "\t", "\n", "", "-", ".", ",", "'s ", "\u2019s ", "'", "\u00a0"]


def _description_text(data: st.DataObject) -> str:
    """Words at random, and phrases shaped like a description: "the", country, office, tail."""
    word = _cased(st.sampled_from(_DESCRIPTION_WORDS), str, str.upper, str.title)
    loose = st.tuples(word, st.sampled_from(_DESCRIPTION_GLUE)).map("".join)
    country = st.sampled_from(["Norway", "South Korea", "U.S.", "Swiss", "New-Zealand", "Kenya"])
    # "Norway Foreign Minister": two words can be the country, or one word and the office.
    office = _cased(st.sampled_from(_OFFICES), str, str.title, str.upper)
    shaped = st.tuples(
        st.sampled_from(["the ", "The ", "", "the  ", "the\n"]),
        country,
        st.sampled_from([" ", "'s ", "\u2019s ", "  ", "s "]),
        st.sampled_from(["", "Foreign ", "Trade ", "Vice "]),
        office,
        st.sampled_from(["", " of", " Okafor", " said", "s", ".", " to", "\u0131"]),
    ).map("".join)
    return "".join(data.draw(st.lists(loose | shaped, max_size=8)))


def _offices(data: st.DataObject) -> tuple[str, ...]:
    offices = st.lists(st.sampled_from(_OFFICES), min_size=1, max_size=5, unique=True)
    # An office outside ASCII leaves the whole search to the pattern.
    chosen = data.draw(offices | st.just(["minister", "pr\u00e9sident"]))
    return tuple(sorted(chosen, key=len, reverse=True))


@given(st.data())
def test_descriptions_are_found_as_by_the_office_pattern(data: st.DataObject) -> None:
    text, offices = _description_text(data), _offices(data)
    expected = [m.span(1) for m in link._descriptions(offices).finditer(text)]
    assert list(link._description_spans(text, offices)) == expected


@given(st.data())
def test_qualified_offices_are_found_as_by_the_office_pattern(data: st.DataObject) -> None:
    text, offices = _description_text(data), _offices(data)
    expected = [
        (m.group("country"), m.start("office"), m.end("office"))
        for m in link._qualified(offices).finditer(text)
    ]
    assert list(link._qualified_offices(text, offices)) == expected


def test_a_longer_known_name_wins_over_a_name_it_begins_with(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    def clear() -> None:
        for cached in (known._pattern, known._by_prefix, known._starts):
            cached.cache_clear()

    monkeypatch.setattr(known, "load_people_names", lambda: ["Ana Ruiz", "Ana Ruiz Gomez"])
    clear()
    try:
        for text in ("Ana Ruiz Gomez came.", "Ana Ruiz Gomezz came.", "Ana Ruiz came."):
            expected = [m.span(1) for m in known._pattern().finditer(text)]
            assert list(known._known_names(text)) == expected
        assert list(known._known_names("Ana Ruiz Gomez")) == [(0, 14)]
    finally:
        monkeypatch.undo()
        clear()


@pytest.mark.parametrize(
    "text",
    [
        "the Swiss Foreign Minister spoke",  # "Swiss Foreign" is tried before "Swiss"
        "the South-Korean Trade Representative's visit",
        "the U.S.\u2019s foreign minister of",
        "The Kenya foreign minister Okafor",
        "the Norway\u2019s Minister",
        "South Korea's minister",  # an office may start inside the country part
        "South Korea's envoy",
    ],
)
def test_qualified_offices_on_phrases_that_backtrack(text: str) -> None:
    offices = ("trade representative", "foreign minister", "korea's envoy", "minister")
    expected = [
        (m.group("country"), m.start("office"), m.end("office"))
        for m in link._qualified(offices).finditer(text)
    ]
    assert list(link._qualified_offices(text, offices)) == expected


@pytest.mark.parametrize(
    "text",
    [
        "the minister of the interior minister said",  # a match ends past the next "the"
        "The Minister of the Interior, the interior minister",
        "the minister for trade met the trade minister",
        # Characters that match an ASCII letter when case is ignored, though
        # lower-casing leaves them as they are.
        "the mini\u017fter said, the m\u0131nister said",
        "the \u212aminister",
    ],
)
def test_descriptions_on_offices_that_hold_the_article(text: str) -> None:
    offices = ("minister of the interior", "interior minister", "kminister", "minister")
    expected = [m.span(1) for m in link._descriptions(offices).finditer(text)]
    assert list(link._description_spans(text, offices)) == expected


def test_offices_on_news_sentences() -> None:
    text = (
        "The Swiss President met the U.S. Trade Representative, and Norway\u2019s foreign "
        "minister said the minister of state had left; the trade representative spoke."
    )
    offices = ("trade representative", "foreign minister", "president", "minister")
    qualified = [(c, text[a:b]) for c, a, b in link._qualified_offices(text, offices)]
    assert qualified == [
        ("Swiss", "President"),
        ("U.S.", "Trade Representative"),
        ("Norway", "foreign minister"),
    ]
    described = [text[a:b] for a, b in link._description_spans(text, offices)]
    assert described == ["trade representative"]


def _plain_trigger_hits(text: str, literals: tuple[str, ...]) -> list[tuple[int, int]]:
    """Where each literal trigger lies in ``text``: one :meth:`str.find` scan per literal."""
    hits = []
    for literal in literals:
        at = text.find(literal)
        while at != -1:
            hits.append((at, at + len(literal)))
            at = text.find(literal, at + 1)
    return sorted(hits)


_LITERAL_FAMILIES = [name for name, trigger in date_triggers().items() if trigger.pattern is None]
# Letters that lower to ASCII from elsewhere (Kelvin sign, dotted I), or to two
# characters, or by context (sigma), and the triggers' own letters in odd cases.
_TRIGGER_NOISE = [
    *("\u212a", "\u0130", "\u03a3", "\u03c3", "\u017f", "\u00df", "dAy", "wEEK", "Ja", "n", "s"),
    *(" ", "  ", "-", "'", "\u2019", "0", "9", "\n", "OF", "of", "To", "day", "Days"),
]


@given(st.data())
def test_date_triggers_lie_where_each_literal_is_found(data: st.DataObject) -> None:
    family = data.draw(st.sampled_from(_LITERAL_FAMILIES))
    trigger = date_triggers()[family]
    words = st.sampled_from(trigger.literals) | st.sampled_from(_TRIGGER_NOISE)
    cased = _cased(words, str, str.upper, str.lower, str.title)
    text = "".join(data.draw(st.lists(cased | st.text(max_size=2), max_size=12)))
    expected = _plain_trigger_hits(text, trigger.literals)
    lower = text.lower()
    lowered = lower if len(lower) == len(text) else None
    assert dates_extract._trigger_hits(text, trigger, None, lowered) == expected
    assert dates_extract._trigger_hits(text, trigger, None) == expected
    windows = dates_extract._windows(text, trigger, None, lowered)
    assert windows == dates_extract._windows(text, trigger, None)


def test_every_literal_trigger_is_scanned_by_its_lower_form() -> None:
    # Not a matter of correctness (a trigger without groups scans each literal), of speed.
    for family in _LITERAL_FAMILIES:
        assert dates_extract._literal_groups(date_triggers()[family].literals) is not None


def test_candidates_are_found_alike_when_a_character_lowers_to_two() -> None:
    text = "On \u0130 Monday, March 3, 2024, last week, the 1990s and fiscal 2023."
    plain = "On I Monday, March 3, 2024, last week, the 1990s and fiscal 2023."
    got = [(c.start, c.end, c.priority) for c in dates_extract.find_candidates(text)]
    assert got == [(c.start, c.end, c.priority) for c in dates_extract.find_candidates(plain)]
    assert got
