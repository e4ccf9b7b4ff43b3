"""Personal names: where a name starts and ends, its honorific, and its surname."""

from __future__ import annotations

import unicodedata
from functools import lru_cache
from typing import TYPE_CHECKING, Final, TypeAlias

import attrs
import regex

from bilatx import geo
from bilatx_officials._data import gazetteer

if TYPE_CHECKING:
    from bilatx_officials._tokens import Token

__all__ = [
    "Name",
    "fold",
    "match_phrase",
    "name_word_ok",
    "parse_name",
    "parse_name_backwards",
    "slice_text",
    "surname_of",
]

_MAX_NAME_WORDS: Final = 6
_Phrases: TypeAlias = tuple[tuple[str, ...], ...]
# "al-Sisi", "bin-Zayed": a particle joined to the capitalised name by a hyphen.
_JOINED_PARTICLE: Final = regex.compile(
    r"(?:al|el|bin|ibn|abu|ben|da|de|di|du|van|von|le|la|ul|ud)-\p{Lu}"
)
# Pinyin syllables, to tell a Chinese given name ("Jinping", "Keqiang") from a
# Western first name that follows a family name in the list ("Lee", "Wang").
_PINYIN: Final = regex.compile(
    r"(?:(?:zh|ch|sh|[bpmfdtnlgkhjqxrzcsyw])?"
    r"(?:iang|iong|uang|ang|eng|ing|ong|ian|iao|uai|uan|van|ai|ei|ao|ou|an|en|in|un|vn|"
    r"ia|ie|iu|ua|uo|ui|ue|ve|er|a|o|e|i|u|v))+",
    regex.IGNORECASE,
)


# A romanised Chinese syllable of a given name ("Hsien", "Loong", "Chok", "Yew"),
# short and ending as those do; not "Smith" or "Anne Marie".
_SYLLABLE: Final = regex.compile(r"[a-z]{1,4}(?:[aeiouwy]|n|ng|k|(?<![ts])h)")


def fold(text: str) -> str:
    """Return ``text`` without accents, case-folded (for comparing names)."""
    if text.isascii():
        return text.casefold()  # nothing to decompose: most names and every title
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


@attrs.frozen
class Name:
    """A personal name found in the tokens.

    ``start``/``end`` are token indices (end exclusive) of the name itself,
    ``span`` its character offsets; ``first`` is the token index where the
    honorific or rank starts, if any.
    """

    start: int
    end: int
    first: int
    span: tuple[int, int]
    text: str
    words: tuple[str, ...]
    """The name's words without initials or suffixes ("Joseph R. Biden, Jr." -> Joseph, Biden)."""
    honorific: str | None = None
    particles: frozenset[int] = frozenset()
    """Indices into ``words`` of words that are particles ("bin", "de")."""


# Phrase lists (honorifics, ranks) grouped by their first word, in their own
# order; keyed by the list's id, the list kept alongside so a reused id is seen.
_GROUPED: dict[int, tuple[_Phrases, dict[str, _Phrases] | None]] = {}
_MAX_GROUPED: Final = 64


def _by_first_word(phrases: _Phrases) -> dict[str, _Phrases] | None:
    """``phrases`` grouped by first word (as :func:`match_phrase` compares it), or ``None``.

    ``None`` when a phrase is empty: it matches anywhere, so no grouping applies.
    """
    entry = _GROUPED.get(id(phrases))
    if entry is not None and entry[0] is phrases:
        return entry[1]
    grouped: dict[str, list[tuple[str, ...]]] = {}
    for phrase in phrases:
        if phrase:
            grouped.setdefault(phrase[0].rstrip(".").casefold(), []).append(phrase)
    result = {k: tuple(v) for k, v in grouped.items()} if all(phrases) else None
    if len(_GROUPED) >= _MAX_GROUPED:
        _GROUPED.clear()
    _GROUPED[id(phrases)] = (phrases, result)
    return result


def match_phrase(tokens: list[Token], i: int, phrases: _Phrases) -> int:
    """Return the index after the longest phrase matching at ``i`` (-1 if none).

    Words compare case-insensitively with their full stops removed, except
    words written in capitals ("HE", "HRH"), and a full stop written right
    after a word ("Dr.") is part of the match.
    """
    by_first = _by_first_word(phrases)
    if by_first is not None:
        # Only the phrases whose first word is this token's can match here.
        if i >= len(tokens) or not tokens[i].is_word:
            return -1
        phrases = by_first.get(tokens[i].lower, ())
    for phrase in phrases:
        j = i
        ok = True
        for word in phrase:
            if j >= len(tokens) or not tokens[j].is_word:
                ok = False
                break
            bare = word.rstrip(".")
            if tokens[j].lower != bare.casefold() or (
                # "HE", "HRH" are short forms only in capitals: "He" is a pronoun or a name.
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


def _is_initial(token: Token) -> bool:
    text = token.text
    if token.kind == "abbr":
        return geo.country_code(text) is None
    return len(text) == 1 and text.isupper()


def _is_initials_word(token: Token, nxt: Token | None) -> bool:
    """Two or three capitals before a name word are initials ("VL Kantha Rao")."""
    text = token.text
    return (
        2 <= len(text) <= 3  # noqa: PLR2004
        and text.isupper()
        and text.isalpha()
        and nxt is not None
        and nxt.kind == "word"
        and nxt.cap
        and not nxt.text.isupper()
    )


@lru_cache(maxsize=1 << 14)
def _place_word(text: str) -> bool:
    """Whether a capitalised word is a country, demonym or organisation, never a name."""
    return geo.country_code(text) is not None and geo.name_kind(text) != "metonym"


def name_word_ok(token: Token) -> bool:
    """Return whether a capitalised word token can be part of a personal name."""
    g = gazetteer()
    text = token.text
    if token.kind != "word" or not token.cap:
        return False
    if text in g.not_names or token.lower in g.organisation_words:
        return False
    if len(text) > 3 and text.isupper():  # noqa: PLR2004
        return False  # a headline in capitals, not a name
    return not _place_word(text)


def parse_name(tokens: list[Token], i: int, *, allow_honorific: bool = True) -> Name | None:
    """Parse a personal name starting at token ``i``; ``None`` when there is none."""
    g = gazetteer()
    n = len(tokens)
    first = i
    honorific = None
    if allow_honorific:
        # One or more honorifics and ranks: "H.E. Sheikh ...", "Dr.", "General".
        while True:
            j = match_phrase(tokens, i, g.honorifics)
            if j == -1:
                j = match_phrase(tokens, i, g.ranks)
            if j == -1 or j >= n or tokens[j].kind not in {"word", "abbr"} or not tokens[j].cap:
                break
            honorific = slice_text(tokens, first, j)
            i = j
    j = i
    words: list[str] = []
    particles: set[int] = set()
    real = 0
    last_end = -1
    while j < n and len(words) < _MAX_NAME_WORDS:
        tok = tokens[j]
        nxt = tokens[j + 1] if j + 1 < n else None
        if tok.kind == "word" and tok.text.rstrip(".") in g.suffixes and words and real:
            last_end = _after_dot(tokens, j)
            j = last_end
            break
        if (
            tok.text == ","
            and nxt is not None
            and nxt.text.rstrip(".") in g.suffixes
            and real
            and not (j + 2 < n and tokens[j + 2].kind == "word" and tokens[j + 2].cap)
        ):
            last_end = _after_dot(tokens, j + 1)
            j = last_end
            break
        if _is_initial(tok):
            j = _after_dot(tokens, j)
            last_end = j
            continue
        if tok.kind != "word":
            break
        if tok.cap and _is_initials_word(tok, nxt):
            j += 1
            last_end = j
            continue
        if tok.text == "Al" and words and _particle_at(tokens, j, capital=True):
            particles.add(len(words))  # "Tamim bin Hamad Al Thani"
            words.append(tok.text)
            j += 1
            continue
        if tok.text in _CAPITAL_PARTICLES and real and nxt is not None and nxt.cap:
            particles.add(len(words))  # "Willy De Clercq", "Herman Van Rompuy"
            words.append(tok.text)
            j += 1
            continue
        if tok.cap and (name_word_ok(tok) or (not words and _family_name_word(tok, nxt))):
            words.append(tok.text)
            real += 1
            j += 1
            last_end = j
            continue
        if _JOINED_PARTICLE.match(tok.text):
            words.append(tok.text)
            real += 1
            j += 1
            last_end = j
            continue
        if _particle_at(tokens, j):
            particles.add(len(words))
            words.append(tok.text)
            j += 1
            continue
        break
    if not real or last_end == -1:
        return None
    if (
        last_end < n
        and tokens[last_end].kind == "word"
        and tokens[last_end].lower in g.organisation_words
    ):
        return None  # "the Bharatiya Janata party": a body named like a person
    return Name(
        start=i,
        end=last_end,
        first=first,
        span=(tokens[first].start, tokens[last_end - 1].end),
        text=slice_text(tokens, i, last_end),
        words=tuple(words),
        honorific=honorific,
        particles=frozenset(particles),
    )


def _family_name_word(tok: Token, nxt: Token | None) -> bool:
    """Whether an ordinary word is a Chinese family name here ("He Lifeng", not "He said").

    Only before a capitalised given name in pinyin that is itself a name word.
    """
    return (
        tok.kind == "word"
        and fold(tok.text) in gazetteer().family_first["chinese"]
        and nxt is not None
        and nxt.kind == "word"
        and nxt.cap
        and name_word_ok(nxt)
        and bool(_PINYIN.fullmatch(fold(nxt.text)))
    )


def parse_name_backwards(tokens: list[Token], end: int) -> Name | None:
    """Parse a name that ends just before token ``end`` ("Denis Manturov, the ...")."""
    g = gazetteer()
    k = end - 1
    start = -1
    steps = 0
    while k >= 0 and steps < _MAX_NAME_WORDS + 3:
        tok = tokens[k]
        if (
            tok.text == "."
            and k > 0
            and (
                _is_initial(tokens[k - 1])
                or tokens[k - 1].text in {"Jr", "Sr"}
                or match_phrase(tokens, k - 1, g.honorifics) == k + 1
            )
        ):
            k -= 1
            continue
        if tok.kind == "word" and (
            tok.cap or tok.text in g.particles or _JOINED_PARTICLE.match(tok.text)
        ):
            start = k
            k -= 1
            steps += 1
            continue
        if tok.kind == "abbr" and _is_initial(tok):
            start = k
            k -= 1
            steps += 1
            continue
        break
    if start == -1:
        return None
    # Walk forward again from each candidate start and keep the first that ends exactly here,
    # so an honorific in front ("Mr. Satya Narayan Pradhan") is found and a stray capital is not.
    for s in range(start, end):
        if tokens[s].text in g.particles:
            continue
        name = parse_name(tokens, s)
        if name is not None and name.end == end:
            if s > 0 and tokens[s - 1].kind == "word" and tokens[s - 1].cap and name.first == s:
                continue  # the name would start in the middle of a capitalised phrase
            return name
    return None


def _particle_at(tokens: list[Token], j: int, *, capital: bool = False) -> bool:
    """Whether ``tokens[j]`` is a particle of the name that follows ("von der Leyen")."""
    g = gazetteer()
    if not capital and tokens[j].text not in g.particles:
        return False
    k = j + 1
    while k < len(tokens) and tokens[k].text in g.particles and k - j < 3:  # noqa: PLR2004
        k += 1
    return k < len(tokens) and tokens[k].kind == "word" and name_word_ok(tokens[k])


def _after_dot(tokens: list[Token], j: int) -> int:
    j += 1
    if j < len(tokens) and tokens[j].text == "." and tokens[j].start == tokens[j - 1].end:
        j += 1
    return j


def slice_text(tokens: list[Token], i: int, j: int) -> str:
    """Return the words of tokens ``i`` to ``j`` as written, with single spaces."""
    parts = []
    prev_end = None
    for tok in tokens[i:j]:
        if prev_end is not None and tok.start > prev_end:
            parts.append(" ")
        parts.append(tok.text)
        prev_end = tok.end
    return "".join(parts)


def _family_first(words: tuple[str, ...]) -> bool:
    """Whether a name puts the family name first ("Xi Jinping", "Chung In-yong", "Hun Sen")."""
    g = gazetteer()
    if len(words) < 2 or len(words) > 3:  # noqa: PLR2004
        return False
    first = fold(words[0])
    rest = words[1:]
    if first in g.family_first["chinese"] and (
        (len(rest) == 1 and (_PINYIN.fullmatch(fold(rest[0])) or "-" in rest[0]))
        # "Lee Hsien Loong", "Goh Chok Tong": a given name of two short syllables
        or (len(rest) == 2 and all(_SYLLABLE.fullmatch(fold(w)) for w in rest))  # noqa: PLR2004
    ):
        return True
    if first in g.family_first["korean"] and (
        "-" in rest[0] or (len(rest) == 2 and all(len(w) <= 4 for w in rest))  # noqa: PLR2004
    ):
        return True
    if first in g.family_first["vietnamese"] and (
        len(rest) == 2 or any(c != fold(c) for w in words for c in w)  # noqa: PLR2004
    ):
        return True
    return first in g.family_first["cambodian"] and len(rest) == 1


# Particles written with a capital inside a name: part of the surname after them.
_CAPITAL_PARTICLES: Final = frozenset(
    {"De", "Van", "Von", "Di", "Del", "Della", "Du", "Ter", "Ten", "Dos", "Das", "Da"}
)


def surname_of(name: Name, used_alone: set[str] | frozenset[str] = frozenset()) -> str:
    """Return the surname of a name.

    ``used_alone`` holds the (folded) words the document uses on their own for
    people ("Kishida", "Lula"): such a word is the surname whatever its
    position. Otherwise family-name-first conventions are recognised, and the
    last word is the surname, with the particles before it ("bin Salman").
    """
    words = name.words
    if not words:
        return name.text
    for index, word in enumerate(words):
        if fold(word) in used_alone and index not in name.particles:
            return _with_particles(words, index, name.particles)
    if _family_first(words):
        return words[0]
    return _with_particles(words, len(words) - 1, name.particles)


def _with_particles(words: tuple[str, ...], index: int, particles: frozenset[int]) -> str:
    start = index
    while start - 1 in particles:
        start -= 1
    return " ".join(words[start : index + 1])
