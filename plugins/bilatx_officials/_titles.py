"""Titles: the office a person holds, where it starts and ends, and the country it names.

A title is read in three parts, from the gazetteer's words:

* words before the office ("Deputy", "foreign trade", "Road Transport and
  Highways"), and in front of those a qualifier that says whose office it is
  ("India's", "Russian", "U.S.", "European Community (EC)", "Alberta");
* the head: the word or words that name the office ("Prime Minister",
  "Secretary", "director general") or an abbreviation ("EAM", "DPM");
* a complement after the head ("of State for European and Eurasian Affairs",
  "to Slovakia", "of Japan"), which may run straight into the name
  ("Special Representative for Afghanistan Thomas West").
"""

from __future__ import annotations

from functools import cache, lru_cache
from typing import TYPE_CHECKING, Final, cast

import attrs
import regex

from bilatx import geo
from bilatx_officials._data import Abbreviation, gazetteer
from bilatx_officials._names import fold, match_phrase, name_word_ok, parse_name, slice_text

if TYPE_CHECKING:
    from bilatx_officials._tokens import Token

__all__ = [
    "Title",
    "body_after",
    "could_start_title",
    "long_country_name_end",
    "parse_title",
    "title_starts",
]

_CONNECTORS: Final = frozenset({"and", "&"})
_PREPOSITIONS: Final = frozenset({"of", "for", "to", "on"})
_COMPLEMENT_GLUE: Final = frozenset({"the", "of", "for", "to", "on", "and", "&", "in"})
_NOT_FIRST: Final = _CONNECTORS | _COMPLEMENT_GLUE
_MAX_QUALIFIER_WORDS: Final = 4
_BRACKETED: Final = regex.compile(r"\s*\(\p{Lu}[\p{L}]{1,7}\)")
_MAX_COMPLEMENT: Final = 16
_MAX_NAME_IN_COMPLEMENT: Final = 5
_BODY_PREPOSITIONS: Final = frozenset({"at", "of", "in", "with", "for"})
_MAX_BODY: Final = 12
_BANK: Final = "bank"
# Markers that make any body public; the others only make a bank a central or state bank.
_STATE_OWNED: Final = frozenset(
    {"state-run", "state-owned", "government-owned", "government-run", "public-sector"}
)
# Heads of companies' offices: "of" and a bare unknown name after them is a company.
_COMPANY_HEADS: Final = frozenset(
    {"president", "vice president", "vice-president", "chairman", "chairwoman", "chairperson",
     "chair", "vice chairman", "vice-chairman", "vice chair", "director", "chief", "head",
     "treasurer"}
)  # fmt: skip
# Heads that companies and newsrooms use too: without a public qualifier, a
# capitalised word in front of them ("Boeing President ...") marks a company.
_AMBIGUOUS_HEADS: Final = frozenset(
    {
        "president", "vice president", "vice-president", "chairman", "chairwoman", "chairperson",
        "chair", "vice chairman", "vice-chairman", "vice chair", "director", "director general",
        "director-general", "chief", "head", "spokesperson", "spokesman", "spokeswoman",
        "representative", "treasurer", "secretary", "administrator", "adviser", "advisor",
        "counsellor", "counselor", "leader", "coordinator", "commissioner", "governor",
    }
)  # fmt: skip


@attrs.frozen
class Title:
    """A title found in the tokens (all positions are token indices)."""

    start: int
    """First token of the title text (a region in front counts: "Alberta Premier")."""
    end: int
    """One past the title's last token (head or complement), before any name."""
    after: int
    """One past every token the title phrase uses, "of Japan" included."""
    span_start: int
    """First token of the whole phrase, qualifier included ("India's ...")."""
    head: str
    """The head in lower case ("prime minister")."""
    head_start: int
    """First token of the head."""
    head_end: int
    """One past the head's last token (the complement, if any, starts here)."""
    text: str
    """The office as written, qualifier removed, abbreviation expanded."""
    country: str | None
    country_source: str | None
    name_start: int | None
    """Where a name found inside the complement starts."""
    honorific: str | None
    """A rank between the complement and the name ("Chief of Defense General ...")."""
    plural: bool
    private: bool
    """The title is a company's or newsroom's, not a public office."""
    run_end: int
    """One past the last title-like word after ``start`` (where scanning resumes on failure)."""


@cache
def _vocabulary() -> frozenset[str]:
    return gazetteer().vocabulary


@cache
def _head_last_words() -> frozenset[str]:
    return frozenset(head[-1] for head in gazetteer().heads)


@cache
def _heads_by_first_word() -> dict[str, tuple[tuple[tuple[str, ...], str], ...]]:
    """The gazetteer's heads by first word, in the gazetteer's order (longest first)."""
    grouped: dict[str, list[tuple[tuple[str, ...], str]]] = {}
    for head in gazetteer().heads:
        grouped.setdefault(head[0], []).append((head, " ".join(head)))
    return {first: tuple(heads) for first, heads in grouped.items()}


@lru_cache(maxsize=1 << 14)
def _country_word(text: str) -> bool:
    return geo.country_code(text) is not None and geo.name_kind(text) in {"country", "demonym"}


def _abbreviation_at(tokens: list[Token], i: int) -> tuple[Abbreviation, int] | None:
    g = gazetteer()
    tok = tokens[i]
    if tok.kind != "word":
        return None
    if i + 1 < len(tokens) and tokens[i + 1].text == "." and tokens[i + 1].start == tok.end:
        dotted = g.abbreviations.get(tok.text + ".")
        if dotted is not None:
            return dotted, i + 2
    found = g.abbreviations.get(tok.text)
    if found is None or tok.text.endswith("."):
        return None
    return found, i + 1


@lru_cache(maxsize=1 << 14)
def _may_begin_name(word: str) -> bool:
    return geo.may_begin_name(word)


def _country_phrase_at(tokens: list[Token], j: int, *, cover: int = 0) -> bool:
    """Whether a country or demonym of two or more words starts at ``j`` ("South African").

    With ``cover``, the phrase must also reach the token ``cover`` places after ``j``.
    """
    if not tokens[j].cap or not _may_begin_name(tokens[j].text):
        return False
    for size in range(4, max(1, cover), -1):
        end = j + size
        if end <= len(tokens) and all(t.is_word for t in tokens[j:end]):
            phrase = slice_text(tokens, j, end)
            if geo.name_kind(phrase) in {"country", "demonym"}:
                return True
    return False


def _title_word(tok: Token) -> bool:
    return tok.kind == "word" and _title_word_text(tok.text)


# The answer depends on the word alone and the scanner asks it of every token:
# kept for the most frequent words (bounded, so memory stays flat on any corpus).
@lru_cache(maxsize=1 << 15)
def _title_word_text(text: str) -> bool:
    """:func:`_title_word` for a token of kind ``word`` written ``text``."""
    g = gazetteer()
    cap = text[:1].isupper()
    lower = text.casefold()  # a word token holds no full stop to strip
    if cap and _country_word(text):
        return False  # "American", "Soviet": whose office, not which
    if lower in _vocabulary() or _plural_head(lower, capital=cap):
        return True
    if 2 <= len(text) <= 8 and text.isupper():  # noqa: PLR2004  (an acronym)
        return text.lower() in g.agencies or text in g.abbreviations
    # "Sen." and "Gov." are tokenised without their full stop.
    return text in g.abbreviations or text + "." in g.abbreviations


def could_start_title(tok: Token) -> bool:
    """Whether a title can start at ``tok`` (:func:`parse_title` is ``None`` otherwise)."""
    return _title_word(tok) and tok.lower not in _NOT_FIRST


# What a token can be in a title, as bits (see :func:`title_starts`).
_CAN_START: Final = 1
_IN_RUN: Final = 2
_CAN_HEAD: Final = 4
# Bits by token text: a dict lookup per token is what makes the pre-filter cheap.
# Bounded, so memory stays flat on any corpus.
_SCAN_BITS: dict[str, int] = {}
_MAX_SCAN_BITS: Final = 1 << 16


def _scan_bits(tok: Token) -> int:
    """The bits of ``tok``: necessary conditions read off :func:`parse_title` and :func:`_head_at`.

    ``_IN_RUN``: the run loop of :func:`parse_title` may take the token after a
    first word. ``_CAN_HEAD``: :func:`_head_at` may find a head at the token.
    """
    g = gazetteer()
    bits = _CAN_START if could_start_title(tok) else 0
    if (
        (_title_word(tok) and tok.lower not in _COMPLEMENT_GLUE)
        or tok.lower in _CONNECTORS
        or tok.text == "."
    ):
        bits |= _IN_RUN
    if (
        (tok.kind == "word" and (tok.text in g.abbreviations or tok.text + "." in g.abbreviations))
        or tok.lower in _heads_by_first_word()
        or _plural_head(tok.lower, capital=tok.cap)
    ):
        bits |= _CAN_HEAD
    return bits


def title_starts(tokens: list[Token]) -> list[int]:
    """Return, in order, the indices of ``tokens`` where :func:`parse_title` may find a title.

    Every index left out is one where :func:`parse_title` returns ``None``: a
    title needs a head among the title words from its start on, and most runs
    of title words ("trade", "security cooperation") hold none. The tokens must
    come from :func:`~bilatx_officials._tokens.tokenize`, where a token's kind
    follows from its text, because the bits are kept by text.
    """
    # Most tokens are known words: one dict lookup each; the rest are computed.
    get = _SCAN_BITS.get
    found = [get(t.text) for t in tokens]
    n = len(found)
    # Few tokens can start a title, and every unknown one is among these.
    candidates = [k for k, bits in enumerate(found) if bits is None or bits & _CAN_START]
    for k in candidates:
        if found[k] is None:
            tok = tokens[k]
            found[k] = bits = _scan_bits(tok)
            if len(_SCAN_BITS) < _MAX_SCAN_BITS:
                _SCAN_BITS[tok.text] = bits
    known = cast("list[int]", found)  # every None was filled in above
    starts: list[int] = []
    for k in candidates:
        if not known[k] & _CAN_START:
            continue
        j = k
        while j < n and known[j] & _IN_RUN:
            if known[j] & _CAN_HEAD:
                starts.append(k)
                break
            j += 1
    return starts


def _head_at(
    tokens: list[Token], p: int, limit: int
) -> tuple[int, str, Abbreviation | None, bool] | None:
    """Return ``(end, head, abbreviation, plural)`` for a head starting at ``p``."""
    abbreviation = _abbreviation_at(tokens, p)
    if abbreviation is not None and abbreviation[1] <= limit:
        return abbreviation[1], abbreviation[0].title.lower(), abbreviation[0], False
    for head, joined in _heads_by_first_word().get(tokens[p].lower, ()):
        end = p + len(head)
        if end > limit:
            continue
        if all(tokens[p + k].lower == head[k] for k in range(1, len(head))):
            return end, joined, None, False
    singular = _plural_head(tokens[p].lower, capital=tokens[p].cap)
    if singular:
        return p + 1, singular, None, True
    return None


def _plural_head(low: str, *, capital: bool) -> str | None:
    """Return the singular of a plural one-word head ("Presidents" -> "president").

    In lower case, heads that are ordinary words too ("leaders", "heads") do not count.
    """
    singular = low[:-3] + "y" if low.endswith("ies") else low[:-1] if low.endswith("s") else ""
    if not singular or (singular,) not in gazetteer().heads:
        return None
    if not capital and singular in gazetteer().weak_heads:
        return None
    return singular


def _country_phrase_ending(tokens: list[Token], end: int) -> tuple[int, str, str] | None:
    """Return ``(start, code, kind)`` of a country, agency or region written just before ``end``."""
    g = gazetteer()
    for length in range(_MAX_QUALIFIER_WORDS, 0, -1):
        start = end - length
        if start < 0:
            continue
        if not all(t.kind in {"word", "abbr"} for t in tokens[start:end]):
            continue
        if not tokens[start].cap and tokens[start].kind != "abbr":
            continue
        phrase = slice_text(tokens, start, end)
        code = geo.country_code(phrase)
        if code is not None and geo.name_kind(phrase) != "metonym":
            return start, code, "qualifier"
        agency = g.agencies.get(phrase.lower())
        if agency is not None:
            return start, agency, "agency"
        region = geo.region_country(phrase)
        if region is not None:
            return start, region, "region"
    return None


def _qualifier(
    tokens: list[Token], run_start: int, head: str
) -> tuple[str | None, str | None, int, int | None]:
    """Find whose office it is from the words before the title.

    Returns ``(country, source, span_start, region_start)``: ``region_start``
    is set when a state or province comes right before the title and belongs
    in its text ("Alberta Premier").
    """
    g = gazetteer()
    q = run_start - 1
    if q >= 0 and tokens[q].kind == "pos":
        found = _country_phrase_ending(tokens, q)
        if found is not None:
            start, code, kind = found
            return code, kind, start, None
        return None, None, run_start, None
    if q >= 0 and tokens[q].kind == "word" and tokens[q].lower in g.party_countries:
        code, heads = g.party_countries[tokens[q].lower]
        if head in heads:
            return code, "party", q, None
    scan = run_start
    for _ in range(10):
        found = _country_phrase_ending(tokens, scan)
        if found is not None:
            start, code, kind = found
            if kind in {"region", "agency"} and scan == run_start:
                # "Alberta Premier", "Bundesbank President": the office is the body's.
                return code, kind, start, start
            if kind != "region":
                return code, kind, start, None
        if scan - 1 < 0:
            break
        tok = tokens[scan - 1]
        if tok.text == ")" and scan - 3 >= 0 and tokens[scan - 3].text == "(":
            acronym = tokens[scan - 2].text
            owner = geo.country_code(acronym) or g.agencies.get(acronym.lower())
            if owner is not None:
                return owner, "qualifier", _org_start(tokens, scan - 3), None
            scan -= 3
            continue
        if tok.kind == "word" and tok.lower in _CONNECTORS:
            if scan - 2 >= 0 and tokens[scan - 2].lower in _head_last_words():
                scan -= 1  # "Politburo Member and Director ...": one person's offices
                continue
            break  # "... the United States and President ...": someone else's
        if tok.kind == "word" and (
            _title_word(tok) or (tok.lower in _COMPLEMENT_GLUE and scan < run_start)
        ):
            scan -= 1
            continue
        if tok.kind == "word" and tok.cap and tok.lower in {"communist", "party", "politburo"}:
            scan -= 1
            continue
        break
    start = run_start - 1 if run_start > 0 and tokens[run_start - 1].lower == "the" else run_start
    return None, None, start, None


def _org_start(tokens: list[Token], k: int) -> int:
    """Return where the organisation named before ``k`` starts ("U.S. Agency for ... (USAID)")."""
    start = k
    m = k - 1
    while m >= 0 and m > k - 10:
        tok = tokens[m]
        if tok.kind == "abbr" or _title_word(tok) or _country_word(tok.text):
            start = m
            m -= 1
            continue
        if tok.kind == "word" and tok.lower in _COMPLEMENT_GLUE:
            m -= 1
            continue
        break
    return start


def _complement(
    tokens: list[Token], k: int
) -> tuple[int, int | None, str | None, str | None, int] | None:
    """Read the complement starting at the preposition ``tokens[k]``.

    Returns ``(end, name_start, country, honorific, name_end)``: ``end`` is one
    past the complement's own last token; ``country`` is set when the
    complement is "of <country>" (the office's country, left out of the
    title); ``name_start`` when a name follows inside the capitalised run.
    """
    g = gazetteer()
    n = len(tokens)
    m = k + 1
    run: list[int] = []
    # A country's formal name is one block ("the Islamic Republic of Iran"): no
    # part of it ends the complement or begins the name after it.
    floor = m
    while m < n and len(run) < _MAX_COMPLEMENT:
        tok = tokens[m]
        nxt = tokens[m + 1] if m + 1 < n else None
        if m == k + 1 or tokens[m - 1].lower in _COMPLEMENT_GLUE:
            formal = long_country_name_end(tokens, m)
            if formal is not None:
                run.extend(range(m, formal[0]))
                m = floor = formal[0]
                continue
        if (
            run
            and _bracketed_acronym(tokens, m)
            and m + 3 < n
            and tokens[m + 3].lower in _PREPOSITIONS
        ):
            m += 3  # "Minister of State (MoS) for External Affairs"
            continue
        if tok.kind == "abbr" or (tok.kind == "word" and tok.cap):
            run.append(m)
        elif tok.kind == "word" and (tok.lower in _COMPLEMENT_GLUE or tok.lower in _vocabulary()):
            if tok.lower in {"to", "in"} and run:
                break  # "Ambassador to Slovakia to be ...", "... Policy in the White House"
            if tok.lower in _COMPLEMENT_GLUE and run and not _glue_may_follow(tokens[m - 1]):
                break  # "... Atul Gawande and ...": the name has ended
            run.append(m)
        elif tok.kind == "word" and tok.text in g.particles and nxt is not None and nxt.cap:
            run.append(m)
        elif tok.text == "." and run and _initial(tokens[m - 1]) and tok.start == tokens[m - 1].end:
            run.append(m)  # "Antony J. Blinken"
        elif (
            tok.text == ","
            and nxt is not None
            and (nxt.cap or nxt.lower == "and")
            and run
            and tokens[m - 1].lower in _vocabulary()
        ):
            run.append(m)  # "Health Services, Regulations, and Coordination"; not "Reznikov, Head"
        elif tok.text == "-" and nxt is not None and nxt.kind == "word":
            run.append(m)
        else:
            break
        m += 1
    while run and not (tokens[run[-1]].cap or tokens[run[-1]].kind == "abbr"):
        run.pop()
    if not run or not any(tokens[r].cap for r in run):
        return None
    # The name is the longest tail of name-like words ("Thomas West" after "Afghanistan").
    tail: list[int] = []
    for pos, r in enumerate(reversed(run)):
        tok = tokens[r]
        index = len(run) - 1 - pos
        prev = tokens[run[index - 1]] if index > 0 else None
        vocab = tok.lower in _vocabulary()
        if len(tail) >= _MAX_NAME_IN_COMPLEMENT or r < floor:
            break
        if tok.text in g.particles and tail:
            tail.append(r)
            continue
        if tok.kind == "abbr" or (len(tok.text) == 1 and tok.text.isupper()):
            if tail:
                tail.append(r)
                continue
            break
        if tok.text == "." and tail:
            tail.append(r)
            continue
        if name_word_ok(tok) and not vocab:
            tail.append(r)
            continue
        if (
            not tail
            and vocab
            and name_word_ok(tok)
            and prev is not None
            and name_word_ok(prev)
            and prev.lower not in _vocabulary()
        ):
            tail.append(r)  # a surname that is also a word ("Samantha Power")
            continue
        break
    tail.reverse()
    while tail and tokens[tail[0]].text in g.particles:
        tail.pop(0)
    while tail:
        # "Ambassador to the United Kingdom Jane Hartley": the country is not the name.
        cut = next(
            (
                size
                for size in (4, 3, 2, 1)
                if size < len(tail) and _is_country_at(tokens, tail, size)
            ),
            0,
        )
        if not cut:
            break
        tail = tail[cut:]
    if tail and not _complement_name_ok(tokens, tail[0], m):
        # One capitalised word after an office is the end of a body's name ("of the
        # National Association"), not a person; nor is a word a body's name goes on from.
        tail = []
    own = run[: len(run) - len(tail)] if tail else run
    honorific = None
    if tail and own:
        rank_start = _rank_ending(tokens, own)
        if rank_start is not None:
            honorific = slice_text(tokens, own[rank_start], own[-1] + 1)
            own = own[:rank_start]
    while own and tokens[own[-1]].text in {",", "-"} | _COMPLEMENT_GLUE:
        own.pop()
    if not own:
        return None
    end = own[-1] + 1
    country = None
    if tokens[k].lower == "of":
        phrase = slice_text(tokens, k + 1, end)
        code = geo.country_code(phrase)
        if code is not None and geo.name_kind(phrase) in {"country", "organisation"}:
            country = code
    name_start = tail[0] if tail else None
    name_end = tail[-1] + 1 if tail else end
    return end, name_start, country, honorific, name_end


_MAX_COUNTRY_NAME: Final = 8


def long_country_name_end(tokens: list[Token], m: int) -> tuple[int, str] | None:
    """Return ``(one past its end, code)`` of a country's name of two words or more at ``m``.

    "the Islamic Republic of Iran", "the United Arab Emirates"; the longest wins.
    """
    first = tokens[m]
    if first.kind != "word" or not (first.cap or first.lower == "the"):
        return None
    if not _may_begin_name(first.text):
        return None
    for size in range(min(_MAX_COUNTRY_NAME, len(tokens) - m), 1, -1):
        end = m + size
        last = tokens[end - 1]
        # "the People's Republic of Bangladesh": a possessive inside the name.
        if not last.cap or not all(t.is_word or t.kind == "pos" for t in tokens[m + 1 : end]):
            continue
        phrase = slice_text(tokens, m, end)
        code = geo.country_code(phrase)
        if code is not None and geo.name_kind(phrase) == "country":
            return end, code
    return None


def _name_extent(tokens: list[Token], end: int) -> int:
    """Return where a capitalised name going on past ``end`` stops ("Iron and Steel Federation")."""
    k = end
    while k < len(tokens) and k - end < _MAX_COMPLEMENT:
        tok = tokens[k]
        joins = tok.lower in {"and", "&", "of"} and k + 1 < len(tokens) and tokens[k + 1].cap
        if tok.kind != "word" or not (tok.cap or joins):
            break
        k += 1
    return k


def _bare_unknown_body(tokens: list[Token], prep: int, end: int) -> bool:
    """Whether "of" is followed by a bare name that is no country, place or public body.

    "president of Mitsubishi" is a company's office; "President of Kenya",
    "Director of NASA", "President of the Republic" are not.
    """
    if tokens[prep].lower != "of" or end - prep - 1 > 3 or end <= prep + 1:  # noqa: PLR2004
        return False
    words = tokens[prep + 1 : end]
    if not all(t.kind == "word" and t.cap and t.lower not in _vocabulary() for t in words):
        return False
    phrase = slice_text(tokens, prep + 1, end)
    return (
        geo.country_code(phrase) is None
        and geo.region_country(phrase) is None
        and geo.city_country(phrase) is None
        and gazetteer().agencies.get(phrase.lower()) is None
    )


def _body_owner(tokens: list[Token], start: int, end: int) -> str | None:
    """Return whose body an office "of ..." belongs to ("of the Federal Reserve Board", "of NATO").

    Only organisations and single-country agencies count: a country named after
    "of" is handled as the office's country already, and one after "to" or
    "for" ("Ambassador to Slovakia") is not the official's.
    """
    g = gazetteer()
    for p in range(start, end):
        for size in (3, 2, 1):
            if p + size > end or not tokens[p].cap:
                continue
            phrase = slice_text(tokens, p, p + size)
            agency = g.agencies.get(phrase.lower())
            if agency is not None:
                return agency
            if geo.name_kind(phrase) == "organisation":
                return geo.country_code(phrase)
    return None


def _is_country_at(tokens: list[Token], tail: list[int], size: int) -> bool:
    phrase = slice_text(tokens, tail[0], tail[size - 1] + 1)
    if geo.country_code(phrase) is not None:
        return True
    # A region may also be a given name ("Secretary of State Victoria Nuland"): it
    # is the place only when a whole name of two words or more is left after it.
    return len(tail) - size >= 2 and geo.region_country(phrase) is not None  # noqa: PLR2004


def _country_next(tokens: list[Token], k: int) -> bool:
    """Whether a country or organisation is named at ``k`` ("the United States", "India")."""
    if k < len(tokens) and tokens[k].lower == "the":
        k += 1
    return any(
        k + size <= len(tokens) and geo.country_code(slice_text(tokens, k, k + size)) is not None
        for size in (4, 3, 2, 1)
    )


def _complement_name_ok(tokens: list[Token], start: int, stop: int) -> bool:
    """Whether the name found at the end of a complement is a person's."""
    if stop < len(tokens) and tokens[stop].lower == "of" and not _country_next(tokens, stop + 1):
        return False  # "... Association of Manufacturers": a body's name goes on
    name = parse_name(tokens, start)
    if name is None or geo.country_code(name.text) is not None:
        return False  # "Ambassador to the United Nations"
    parts = [t for t in tokens[name.start : name.end] if t.text != "."]
    if len(parts) >= 2 or name.honorific is not None:  # noqa: PLR2004  ("R. Iyer" counts)
        return True
    # One word after an office made only of title words, countries and glue is a
    # surname ("Minister of State for External Affairs Raman"); after any other
    # capitalised word it ends a body's name ("of the National Association").
    word = tokens[name.start]
    prev = tokens[start - 1] if start > 0 else None
    if (
        stop + 1 < len(tokens)
        and tokens[stop].lower in _CONNECTORS
        and tokens[stop + 1].kind == "word"
        and tokens[stop + 1].cap
    ):
        return False  # "the Japan Iron and Steel Federation": a body's name goes on
    return (
        word.lower not in _vocabulary()
        and prev is not None
        and prev.kind in {"word", "abbr"}
        and (prev.lower in _vocabulary() or geo.country_code(prev.text) is not None)
        and prev.lower not in _COMPLEMENT_GLUE
    )


def _glue_may_follow(prev: Token) -> bool:
    """Whether "and", "of", "the" may continue a complement after ``prev`` (not after a name)."""
    if prev.text == "," or prev.lower in _vocabulary() or prev.lower in _COMPLEMENT_GLUE:
        return True
    return geo.country_code(prev.text) is not None


def _bracketed_acronym(tokens: list[Token], k: int) -> bool:
    """Whether tokens ``k``.. are a bracketed short form: "(MoS)", "(MEA)"."""
    return (
        k + 2 < len(tokens)
        and tokens[k].text == "("
        and tokens[k + 2].text == ")"
        and tokens[k + 1].kind == "word"
        and tokens[k + 1].text[:1].isupper()
        and len(tokens[k + 1].text) <= 8  # noqa: PLR2004
    )


def _initial(tok: Token) -> bool:
    return tok.kind == "word" and len(tok.text) == 1 and tok.text.isupper()


def _rank_ending(tokens: list[Token], own: list[int]) -> int | None:
    g = gazetteer()
    for size in (3, 2, 1):
        if len(own) <= size:
            continue
        start = len(own) - size
        if match_phrase(tokens, own[start], g.ranks) == own[-1] + 1:
            return start
    return None


def _trailing_of_country(tokens: list[Token], start: int, end: int) -> tuple[int, str] | None:
    """Find "... of Japan" at the end of a complement: ``(index of 'of', code)``.

    The country may have an "of" of its own: "of Foreign Affairs of the
    Republic of India" ends in "of the Republic of India".
    """
    found = None
    for j in range(end - 1, start, -1):
        if tokens[j].lower == "of":
            phrase = slice_text(tokens, j + 1, end)
            code = geo.country_code(phrase)
            if code is None or geo.name_kind(phrase) not in {"country", "organisation"}:
                break
            found = j, code
    return found


def _country_before(tokens: list[Token], k: int) -> bool:
    """Whether a country or demonym is written right before token ``k`` ("Soviet", "Iraq's")."""
    end = k - 1 if k > 0 and tokens[k - 1].kind == "pos" else k
    found = _country_phrase_ending(tokens, end)
    return found is not None and found[2] == "qualifier"


def _company_before(tokens: list[Token], q: int) -> bool:
    """Whether the capitalised word before a title names a company ("Boeing President")."""
    g = gazetteer()
    if q < 0:
        return False
    tok = tokens[q]
    if tok.kind != "word" or not tok.cap:
        return False
    if tok.lower in g.company_words:
        return True  # "Chrysler Corp President ..."
    if tok.text in g.not_names or _title_word(tok):
        return False
    if match_phrase(tokens, q, g.honorifics) != -1:
        return False
    return geo.country_code(tok.text) is None and geo.region_country(tok.text) is None


def parse_title(tokens: list[Token], i: int) -> Title | None:
    """Parse a title whose words start at token ``i``; ``None`` when there is none."""
    g = gazetteer()
    n = len(tokens)
    if i >= n or not could_start_title(tokens[i]):
        return None
    j = i
    while j < n:
        tok = tokens[j]
        if j > i and _country_phrase_at(tokens, j):
            break
        if _title_word(tok) and tok.lower not in _COMPLEMENT_GLUE:
            j += 1
        elif (
            tok.lower in _CONNECTORS
            and j > i
            and j + 1 < n
            and _title_word(tokens[j + 1])
            and tokens[j + 1].cap == tokens[j - 1].cap
        ):
            j += 1  # "Trade and Industry", "trade and industry"; not "cooperation and PM"

        elif tok.text == "." and j > i and tokens[j - 1].text + "." in g.abbreviations:
            j += 1
        else:
            break
    run_end = j
    best: tuple[int, int, str, Abbreviation | None, bool] | None = None
    ends: set[int] = set()
    for p in range(i, run_end):
        found = _head_at(tokens, p, run_end)
        if found is None:
            continue
        end, head, abbreviation, plural = found
        ends.add(end)
        if best is None or end > best[1]:
            best = (p, end, head, abbreviation, plural)
    if best is None:
        return None
    # Checked only once a head is found: most runs of title words have none.
    if any(_country_phrase_at(tokens, i - back, cover=back) for back in range(4) if i - back >= 0):
        return None  # "South African President": whose office, not which
    head_start, head_end, head, abbreviation, plural = best
    start = i
    for p in range(head_start - 1, i, -1):
        if tokens[p].lower in _CONNECTORS and p in ends:
            start = p + 1  # "Politburo Member and Director of ...": the last office
            break
    head_tok = tokens[head_start]
    if (
        head in g.weak_heads
        and not head_tok.cap
        and start == head_start
        and not (head in g.country_weak_heads and _country_before(tokens, start))
    ):
        return None
    if abbreviation is not None:
        # Before an abbreviation only capitalised words belong to the title ("Deputy PM").
        while start < head_start and not tokens[start].cap:
            start += 1
    private = any(tokens[p].lower in g.private_roles for p in range(start, head_end))
    # Complement
    end = head_end
    after = head_end
    name_start = None
    complement_country = None
    honorific = None
    prep = head_end
    comp = None
    if _bracketed_acronym(tokens, prep):
        prep += 3  # "Minister of State (MoS) for External Affairs"
    if not plural and abbreviation is None and prep < n and tokens[prep].lower in _PREPOSITIONS:
        comp = _complement(tokens, prep)
        if comp is not None:
            c_end, name_start, complement_country, honorific, _ = comp
            after = c_end
            if complement_country is not None:
                end = head_end  # "Prime Minister of Japan": the country is not the office
            else:
                trailing = _trailing_of_country(tokens, head_end, c_end)
                if trailing is not None:
                    end, complement_country = trailing
                else:
                    end = c_end
            body = range(prep + 1, _name_extent(tokens, c_end))
            if any(tokens[p].lower in g.company_words for p in body):
                private = True
            elif (
                head in _AMBIGUOUS_HEADS
                and any(tokens[p].lower in g.non_government_words for p in body)
                and geo.country_code(slice_text(tokens, prep + 1, c_end)) is None
            ):
                private = True  # "president of the National Association of Manufacturers"
            elif head in _COMPANY_HEADS and _bare_unknown_body(tokens, prep, c_end):
                private = True  # "president of Mitsubishi"
    country, source, span_start, region_start = _qualifier(tokens, start, head)
    text_start = region_start if region_start is not None else start
    if complement_country is None and comp is not None and tokens[prep].lower == "of":
        complement_country = _body_owner(tokens, prep + 1, comp[0])
        if complement_country is None:
            # "Chief Minister of Uttar Pradesh": a state's office, kept in the title.
            complement_country = geo.region_country(slice_text(tokens, prep + 1, comp[0]))
    if complement_country is not None and complement_country != country:
        country, source = complement_country, "of"
    for p in range(start, head_end):
        if country is not None:
            break
        for size in (3, 2, 1):
            if p + size <= head_end and tokens[p].cap:
                agency = g.agencies.get(slice_text(tokens, p, p + size).lower())
                if agency is not None:
                    country, source = agency, "agency"  # "NASA Administrator", "Kremlin spokesman"
                    break
    if country is None and head in _AMBIGUOUS_HEADS and _company_before(tokens, span_start - 1):
        private = True
    text = _title_text(
        tokens,
        start=text_start,
        head_start=head_start,
        head_end=head_end,
        end=end,
        abbreviation=abbreviation,
        country=country,
    )
    if source == "qualifier" and span_start < text_start:
        # "Deputy U.S. Trade Representative": a rank before the country is the office's.
        rank = _rank_before(tokens, span_start)
        if rank is not None:
            text = f"{slice_text(tokens, rank, span_start)} {text}"
            span_start = rank
    implied = _implied_country(text)
    if country is None and implied is not None:
        country, source = implied, "implied"
    if country is None and abbreviation is not None and abbreviation.country is not None:
        country, source = abbreviation.country, "implied"
        text = _title_text(
            tokens,
            start=text_start,
            head_start=head_start,
            head_end=head_end,
            end=end,
            abbreviation=abbreviation,
            country=country,
        )
    return Title(
        start=text_start,
        end=end,
        after=after,
        span_start=min(span_start, text_start),
        head=head,
        head_start=head_start,
        head_end=head_end,
        text=text,
        country=country,
        country_source=source,
        name_start=name_start,
        honorific=honorific,
        plural=plural,
        private=private,
        run_end=max(run_end, i + 1),
    )


_RANK_WORDS: Final = frozenset(
    {"deputy", "acting", "assistant", "vice", "principal", "under", "associate", "senior",
     "first", "special", "chief"}
)  # fmt: skip


def _rank_before(tokens: list[Token], k: int) -> int | None:
    """Return where the rank words right before token ``k`` start ("Principal Deputy"), if any."""
    start = k
    while start > 0 and k - start < 2 and tokens[start - 1].kind == "word":  # noqa: PLR2004
        if tokens[start - 1].lower not in _RANK_WORDS:
            break
        start -= 1
    return start if start < k else None


# Ranks in front of an office that do not change whose office it is.
_RANKS: Final = ("principal deputy ", "deputy ", "acting ", "assistant ", "under ", "associate ")


# A pure function of a title's text, asked again for every mention of the same office.
@lru_cache(maxsize=1 << 12)
def _implied_country(text: str) -> str | None:
    """Return the one country that uses an office ("Secretary of the Treasury": USA).

    A rank in front does not change it ("Acting Secretary of Defense"), and
    some offices are one country's whatever follows ("Union Minister for ...").
    """
    g = gazetteer()
    key = " ".join(fold(text).replace("-", " ").split())
    for candidate in (key, fold(text)):
        if candidate in g.implied_countries:
            return g.implied_countries[candidate]
    for rank in _RANKS:
        if key.startswith(rank) and key[len(rank) :] in g.implied_countries:
            return g.implied_countries[key[len(rank) :]]
    for prefix, code in g.implied_prefixes.items():
        if key.startswith(prefix + " "):
            return code
    return None


def _title_text(
    tokens: list[Token],
    *,
    start: int,
    head_start: int,
    head_end: int,
    end: int,
    abbreviation: Abbreviation | None,
    country: str | None,
) -> str:
    if abbreviation is None:
        return _BRACKETED.sub("", slice_text(tokens, start, end))
    before = slice_text(tokens, start, head_start)
    expanded = abbreviation.expand(country)
    after = slice_text(tokens, head_end, end)
    return " ".join(part for part in (before, expanded, after) if part)


def body_after(tokens: list[Token], k: int) -> tuple[int, str | None] | None:
    """Read the public body a role belongs to, starting at the preposition ``tokens[k]``.

    "at the ministry of international trade and industry", "of the central
    bank", "in Japan's finance ministry", "of the Export-Import Bank of Japan".
    Returns ``(end, country)``: ``end`` is one past the body's last token and
    ``country`` the country, organisation or agency the body names (or
    ``None``). Returns ``None`` when no body follows or the body is a
    company's or a private association's.
    """
    g = gazetteer()
    n = len(tokens)
    if k >= n or tokens[k].lower not in _BODY_PREPOSITIONS:
        return None
    words: list[int] = []
    m = k + 1
    while m < n and m - k <= _MAX_BODY:
        tok = tokens[m]
        low = tok.lower
        if tok.kind == "pos" and words:
            words.append(m)
        elif tok.kind == "abbr" or (
            tok.kind == "word"
            and (
                tok.cap
                or low in _vocabulary()
                or low in g.government_bodies
                or low in g.public_markers
                or low in _COMPLEMENT_GLUE
            )
        ):
            if words and low in {"to", "in", "on", "for", "a"}:
                break  # "... ministry in Tokyo", "... ministry for a year"
            if low in _CONNECTORS and m + 1 < n and tokens[m + 1].lower in {"the", "a", "an"}:
                break  # "the ministry and the central bank": two bodies
            words.append(m)
        else:
            break
        m += 1
    while words and (
        tokens[words[-1]].lower in _COMPLEMENT_GLUE or tokens[words[-1]].kind == "pos"
    ):
        words.pop()
    if not words:
        return None
    end = words[-1] + 1
    lows = [tokens[w].lower for w in words]
    if any(low in g.company_words for low in lows):
        return None
    country = _body_country(tokens, k + 1, end)
    public = any(low in g.government_bodies or low in _STATE_OWNED for low in lows)
    if not public and _BANK in lows:
        bank = lows.index(_BANK)
        public = country is not None or any(low in g.public_markers for low in lows[:bank])
    if not public:
        public = any(
            g.agencies.get(slice_text(tokens, p, p + size).lower()) is not None
            for p in range(k + 1, end)
            for size in (3, 2, 1)
            if p + size <= end
        )
    if not public or (
        any(low in g.non_government_words for low in lows)
        and not any(low in g.government_bodies for low in lows)
    ):
        return None
    return end, country


def _body_country(tokens: list[Token], start: int, end: int) -> str | None:
    """Return the country, organisation or agency owner named inside a body's name."""
    g = gazetteer()
    for p in range(start, end):
        if not (tokens[p].cap or tokens[p].kind == "abbr"):
            continue
        for size in (4, 3, 2, 1):
            if p + size > end or not all(t.is_word for t in tokens[p : p + size]):
                continue
            phrase = slice_text(tokens, p, p + size)
            agency = g.agencies.get(phrase.lower())
            if agency is not None:
                return agency
            code = geo.country_code(phrase)
            if code is not None and geo.name_kind(phrase) in {"country", "demonym", "organisation"}:
                return code
    return None
