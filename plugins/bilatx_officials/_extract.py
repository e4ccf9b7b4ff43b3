"""Find the officials of one document: titled names, appositions and later short mentions.

The passes, in order:

1. titles followed by a name ("Russian Deputy Prime Minister Denis Manturov",
   "Prime Minister Kishida Fumio of Japan"), a comma and a name ("India's
   External Affairs Minister, Dr. S. Jaishankar,"), or preceded by a name and
   a comma ("Denis Manturov, Russia's Deputy Prime Minister,", "A, a deputy
   minister at the ministry of trade,"); a plural title followed by names,
   each with its own country ("Foreign Ministers A of Kenya and B of Ghana");
2. a country's descriptive role ("India's top bureaucrat in the mining
   ministry, VL Kantha Rao,"), a role at a public body after a name ("A, a
   senior official of the Finance Ministry,") and counterparts ("his Chinese
   counterpart Yang Jiechi", "his counterparts A of Japan and B of Korea"),
   who hold the same office;
3. countries from the phrase around a name ("the Nigerian team, headed by
   ...", "... led the Indian delegation");
4. later short mentions of the same people ("Jaishankar", "Mr. Manturov",
   "Narendra Modi" written again in full).

Countries are only set from what the text says about the mention; the
resolution step links mentions into people and reads countries from the
wider context.
"""

from __future__ import annotations

import bisect
from typing import TYPE_CHECKING, Final

import attrs
import regex

import bilatx
from bilatx import geo
from bilatx_officials._data import gazetteer
from bilatx_officials._names import (
    Name,
    fold,
    match_phrase,
    parse_name,
    parse_name_backwards,
    slice_text,
    surname_of,
)
from bilatx_officials._titles import (
    Title,
    body_after,
    long_country_name_end,
    parse_title,
    title_starts,
)
from bilatx_officials._tokens import Token, tokenize

if TYPE_CHECKING:
    from collections.abc import Container, Iterator

__all__ = ["find_officials"]

EXTRACTOR: Final = "officials"

_GROUP_NOUNS: Final = frozenset(
    {"team", "delegation", "side", "officials", "government", "leaders", "ministers", "negotiators",
     "delegations", "leadership", "mission", "representatives", "authorities", "cabinet"}
)  # fmt: skip
_GROUP_LINKS: Final = frozenset({"headed", "led", "including", "includes", "comprising", "such"})
_LEAD_VERBS: Final = frozenset(
    {"led", "headed", "leads", "heads", "co-led", "co-chaired", "chaired"}
)
_APPOSITION_FILLERS: Final = frozenset({"the", "currently", "also", "now", "formerly", "then", "a"})
_COUNTERPART: Final = frozenset({"counterpart", "counterparts"})
_POSSESSIVE_DETERMINERS: Final = frozenset({"his", "her", "their"})
_ROLE_GLUE: Final = frozenset({"the", "of", "in", "for", "at", "on", "and", "a"})
_MAX_ROLE_WORDS: Final = 9
_MAX_LISTED: Final = 8
_MAX_OFFICE_LOOKBACK: Final = 40
# Words of an office written between "his" and "counterpart(s)".
_MAX_OFFICE_WORDS: Final = 5
# Mentions found by one pass do not overlap, so only the last few before a
# span can overlap it.
_OVERLAP_CHECKS: Final = 3
_ROLE_BREAKS: Final = frozenset({"at", "of", "in", "with", "for", "and", "who", "which", "said"})
# Countries whose cabinet members are secretaries, not ministers.
_SECRETARY_CABINETS: Final = frozenset({"USA", "GBR"})
_SECRETARY: Final = regex.compile(
    r"(?:(?P<before>\p{Lu}[\p{L} ]*?) Secretary"
    r"|Secretary (?:of|for) (?:the )?(?P<after>\p{Lu}[\p{L} ]*))"
)
_ACRONYM: Final = regex.compile(r"\((\p{Lu}{2,8})\)")
# A known name written again stands alone: no letter, digit, apostrophe, full
# stop or hyphen right before it, no letter or digit right after.
_NAME_BEFORE: Final = regex.compile(r"[\p{L}\p{N}'\u2019.-]")
_NAME_AFTER: Final = regex.compile(r"[\p{L}\p{N}]")


@attrs.define
class _Found:
    """A mention under construction."""

    start: int
    end: int
    name: Name
    title: str | None
    country: str | None
    source: str | None
    rule: str
    honorific: str | None
    surname: str = ""


def find_officials(doc: bilatx.Document) -> list[bilatx.OfficialMention]:
    """Return every official mention in ``doc``, long and short forms alike."""
    text = doc.text
    tokens = tokenize(text)
    # Where each token starts, for bisecting: one list for every pass.
    starts = [t.start for t in tokens]
    sentences = _sentence_index(doc, tokens)
    acronyms = _acronym_definitions(text, tokens, starts)
    short = _short_names(text)
    found = [f for f in _titled(tokens, acronyms, short) if not _ship(text, f.start)]
    # Each pass reads the mentions found so far, sorted, and adds its own after it.
    for find in (_role_appositions, _body_roles):
        found.extend(list(find(tokens, found)))
        found.sort(key=lambda f: f.start)
    found.extend(list(_counterparts(tokens, starts, found, sentences, short)))
    found.sort(key=lambda f: f.start)
    _group_countries(tokens, starts, found, sentences)
    used_alone = {fold(f.name.words[0]) for f in found if len(f.name.words) == 1}
    for f in found:
        f.surname = surname_of(f.name, used_alone)
    found.extend(_short_mentions(tokens, starts, text, found))
    found.sort(key=lambda f: f.start)
    return [_mention(text, f) for f in found]


# "HMS Queen Elizabeth", "USS President Lincoln": a ship's name, not a person's.
_SHIP_BEFORE: Final = regex.compile(r"(?<![\w])(?:HMA?S|HMCS|HMNZS|USS|USNS|INS|PNS|RFS)\s+\Z")


def _ship(text: str, start: int) -> bool:
    return _SHIP_BEFORE.search(text, max(0, start - 8), start) is not None


def _mention(text: str, f: _Found) -> bilatx.OfficialMention:
    rule = f.rule if f.country is None else f"{f.rule};country={f.source}"
    return bilatx.OfficialMention(
        span=bilatx.Span(f.start, f.end),
        text=text[f.start : f.end],
        name=f.name.text,
        surname=f.surname or f.name.text,
        title=f.title,
        country=f.country,
        honorific=f.honorific,
        rule=rule,
        extractor=EXTRACTOR,
    )


# ----------------------------------------------------------------- helpers


class _SentenceIndex:
    """The sentence number of each token, found when asked: few tokens are asked about."""

    __slots__ = ("_starts", "_tokens")

    def __init__(self, doc: bilatx.Document, tokens: list[Token]) -> None:
        self._starts = [s.start for s in doc.sentences()]
        self._tokens = tokens

    def __getitem__(self, k: int) -> int:
        """Return the sentence number of token ``k``."""
        return max(0, bisect.bisect_right(self._starts, self._tokens[k].start) - 1)


def _sentence_index(doc: bilatx.Document, tokens: list[Token]) -> _SentenceIndex:
    """Return the sentence number of every token."""
    return _SentenceIndex(doc, tokens)


def _acronym_definitions(text: str, tokens: list[Token], starts: list[int]) -> dict[str, str]:
    """Map the acronyms the text defines to their long form.

    "Narcotics Control Bureau, India (NCB)" defines NCB: the capitalised words
    before the brackets whose initials spell it, a country after a comma aside.
    ``starts`` holds where each token starts.
    """
    found: dict[str, str] = {}
    for match in _ACRONYM.finditer(text):
        acronym = match.group(1)
        k = bisect.bisect_left(starts, match.start()) - 1
        letters = list(acronym)
        last = -1
        first = -1
        skipped_country = False
        steps = 0
        while k >= 0 and letters and steps < 2 * len(acronym) + 4:
            tok = tokens[k]
            steps += 1
            if tok.kind in {"word", "abbr"} and tok.cap and tok.text[0] == letters[-1]:
                letters.pop()
                first = k
                last = k if last == -1 else last
            elif (tok.lower in {"of", "the", "and", "for", "on", "&"} and last != -1) or (
                tok.text == "," and last == -1
            ):
                pass
            elif last == -1 and not skipped_country and geo.country_code(tok.text) is not None:
                skipped_country = True
            else:
                break
            k -= 1
        if not letters and first != -1:
            found.setdefault(acronym, slice_text(tokens, first, last + 1))
    return found


def _inside(found: list[_Found], start: int, end: int) -> bool:
    """Whether ``[start, end)`` overlaps a mention of ``found`` (sorted by start, apart)."""
    k = bisect.bisect_left(found, end, key=lambda f: f.start)
    return any(found[j].end > start for j in range(max(0, k - _OVERLAP_CHECKS), k))


# ------------------------------------------------------------ pass 1: titles


def _titled(
    tokens: list[Token], acronyms: dict[str, str], short: dict[str, str]
) -> Iterator[_Found]:
    # Titles start at few tokens: the others are set aside in one pass.
    starts = title_starts(tokens)
    done: list[_Found] = []
    i = 0
    for k in starts:
        if k < i:
            continue
        i = k
        title = parse_title(tokens, i)
        if title is None:
            continue
        if title.private:
            i = title.run_end
            continue
        floor = tokens[_token_after(tokens, done[-1].end)].start if done else 0
        produced = [
            attrs.evolve(f, start=max(f.start, floor))  # spans never overlap the previous mention
            for f in _names_for(tokens, title, acronyms, done, short)
        ]
        for f in produced:
            done.append(f)
            yield f
        resume = max([title.run_end, title.after, *(_token_after(tokens, f.end) for f in produced)])
        i = max(i + 1, resume)


def _token_after(tokens: list[Token], char: int) -> int:
    """Return the index of the first token starting at or after offset ``char``."""
    return bisect.bisect_left(tokens, char, key=lambda t: t.start)


def _names_for(
    tokens: list[Token],
    title: Title,
    acronyms: dict[str, str],
    done: list[_Found],
    short: dict[str, str],
) -> Iterator[_Found]:
    n = len(tokens)
    if title.plural:
        yield from _plural(tokens, title, short)
        return
    start_tok = title.name_start if title.name_start is not None else title.end
    name = parse_name(tokens, start_tok) if start_tok < n else None
    if name is not None and title.name_start is not None and title.honorific and not name.honorific:
        name = attrs.evolve(name, honorific=title.honorific)
    owner = _owner(tokens, title, done)
    if owner is not None and title.country is None:
        # "Prime Minister A and his finance minister, B": the office is A's country's.
        # The span takes in "his", never the owner's name ("Richter's" is Richter).
        first = title.span_start - (0 if tokens[title.span_start - 1].kind == "pos" else 1)
        title = attrs.evolve(title, country=owner.country, country_source="group", span_start=first)
    if name is not None:
        name = _parenthesised(tokens, title, name)
        span_start = tokens[title.span_start].start
        country, source, end = title.country, title.country_source, name.span[1]
        after = _of_country(tokens, name.end, short)
        if after is not None and (country is None or source == "implied"):
            country, source, end = after[0], "of", tokens[after[1] - 1].end
        yield _Found(
            start=min(span_start, name.span[0]),
            end=end,
            name=name,
            title=title.text,
            country=country,
            source=source,
            rule="title-name",
            honorific=name.honorific,
        )
        return
    # "India's External Affairs Minister, Dr. S. Jaishankar, is ..."
    comma = title.after if title.name_start is None else start_tok
    if comma < n and tokens[comma].text == "," and _definite(tokens, title):
        name = parse_name(tokens, comma + 1)
        if name is not None and _closes(tokens, name.end) and not _placeish(name):
            yield _Found(
                start=tokens[title.span_start].start,
                end=name.span[1],
                name=name,
                title=title.text,
                country=title.country,
                source=title.country_source,
                rule="title-comma-name",
                honorific=name.honorific,
            )
            return
    # "Denis Manturov, Russia's Deputy Prime Minister," / "Ned Price, Department Spokesperson"
    before = _apposition_start(tokens, title.span_start)
    if before is None or not _closes_title(tokens, title.after):
        return
    if _reporter(tokens, before, title):
        return
    name = parse_name_backwards(tokens, before)
    if name is None or _placeish(name) or _inside(done, name.span[0], name.span[1]):
        return
    if len(name.words) == 1 and name.honorific is None:
        return  # "Accordingly, the President ...": one bare word is too weak a name
    office = title.text
    end_tok = title.after
    country, source = title.country, title.country_source
    # Only an office without a complement of its own takes the body after it.
    own = title.after == title.end == title.head_end
    body = _role_body(tokens, title.after) if own else None
    if body is None and _company_after(tokens, title.after):
        return  # "Amara Okafor, a director general at Okafor Steel Corp"
    if body is not None:
        # "Kwame Mensah, a deputy minister at the ministry of finance": the body is
        # part of the office, as the text gives it, and may say whose it is.
        office = f"{office} {slice_text(tokens, title.after, body[0])}"
        end_tok = body[0]
        if body[1] is not None and (country is None or source == "implied"):
            country, source = body[1], "of"
    org = _org_after(tokens, end_tok, acronyms)
    if org is not None:
        office = f"{office}, {org[0]}"
        end_tok = org[1]
    yield _Found(
        start=name.span[0],
        end=tokens[end_tok - 1].end,
        name=name,
        title=office,
        country=country,
        source=source,
        rule="name-title",
        honorific=name.honorific,
    )


_REPORTING: Final = frozenset(
    {"said", "says", "told", "added", "noted", "stated", "explained", "reported", "confirmed"}
)


def _reporter(tokens: list[Token], comma: int, title: Title) -> bool:
    """Whether "Name, the spokesman said" names the source, not who Name is.

    A wire story introduces "a bank spokesman" and then ends sentences with
    ", the spokesman said": the office right before a reporting verb, with
    "the" and no comma of its own, is that earlier unnamed person speaking.
    """
    k = title.after
    if k >= len(tokens) or tokens[k].lower not in _REPORTING:
        return False
    if tokens[comma + 1].lower != "the":
        return False
    head = title.text.split()[-1].casefold()
    return any(t.lower == head for t in tokens[:comma])


def _company_after(tokens: list[Token], k: int) -> bool:
    """Whether "at", "of" or "with" and a company's name follow ("at Acme Steel Corp")."""
    g = gazetteer()
    if k >= len(tokens) or tokens[k].lower not in {"at", "of", "with", "for"}:
        return False
    m = k + 1
    if m < len(tokens) and tokens[m].lower == "the":
        m += 1
    end = m
    while end < len(tokens) and end - m < _MAX_ROLE_WORDS and tokens[end].kind == "word":
        if not (tokens[end].cap or tokens[end].lower in {"and", "&", "of"}):
            break
        end += 1
    return any(t.lower in g.company_words for t in tokens[m:end])


def _short_names(text: str) -> dict[str, str]:
    """Return the short names two countries bear that this text means one of ("Korea")."""
    return geo.shared_names(text)


def _country_named(phrase: str, short: dict[str, str]) -> str | None:
    """Return the country or organisation a phrase names, or the text's reading of a short name."""
    code = geo.country_code(phrase)
    if code is not None:
        return code if geo.name_kind(phrase) in {"country", "organisation"} else None
    return short.get(phrase.casefold())


def _of_country(
    tokens: list[Token], k: int, short: dict[str, str] | None = None
) -> tuple[str, int] | None:
    """Return ``(code, end)`` of a country after a name ("... Naftali Bennett of Israel")."""
    if k >= len(tokens) or tokens[k].lower != "of":
        return None
    start = k + 1
    if start < len(tokens) and tokens[start].lower == "the":
        start += 1
    for size in (4, 3, 2, 1):
        end = start + size
        if end > len(tokens) or not all(
            t.is_word and (t.cap or t.kind == "abbr" or t.lower == "of") for t in tokens[start:end]
        ):
            continue
        phrase = slice_text(tokens, start, end)
        code = geo.country_code(phrase)
        if code is None:
            if short and phrase.casefold() in short:
                return short[phrase.casefold()], end  # "of Korea"
            continue
        kind = geo.name_kind(phrase)
        if kind in {"country", "organisation"}:
            return code, end
        if kind == "demonym" and end < len(tokens) and tokens[end].cap:
            return code, end  # "of the Chinese Foreign Ministry"
    return None


def _bracket_country(tokens: list[Token], k: int, short: dict[str, str]) -> tuple[str, int] | None:
    """Return ``(code, end)`` of a country in brackets after a name ("... Ravi Raman (India)")."""
    if k >= len(tokens) or tokens[k].text != "(":
        return None
    for size in (3, 2, 1):
        end = k + 1 + size
        if end < len(tokens) and tokens[end].text == ")":
            code = _country_named(slice_text(tokens, k + 1, end), short)
            if code is not None:
                return code, end + 1
    return None


def _name_list(
    tokens: list[Token], k: int, short: dict[str, str]
) -> list[tuple[Name, str | None, int]]:
    """Read names joined by commas and "and", each with its own country if the text gives one.

    "A of Japan, B of the Republic of Korea, and C (Philippines)": returns
    ``(name, country, end)`` per name, ``end`` one past its last token.
    """
    found: list[tuple[Name, str | None, int]] = []
    n = len(tokens)
    while k < n and len(found) < _MAX_LISTED:
        name = parse_name(tokens, k)
        if name is None or _placeish(name):
            break
        end = name.end
        country = None
        place = _of_country(tokens, end, short) or _bracket_country(tokens, end, short)
        if place is not None:
            country, end = place
        found.append((name, country, end))
        k = end
        if k < n and tokens[k].text == ",":
            k += 1
        if k < n and tokens[k].lower == "and":
            k += 1
        elif k == end:
            break
    return found


def _plural(tokens: list[Token], title: Title, short: dict[str, str]) -> Iterator[_Found]:
    """Read a plural title and its names ("Presidents Biden and Lula"): one office each.

    Each name takes the country written after it ("Foreign Ministers A of
    Kenya and B of Ghana"), else the title's. A title in lower case ("finance
    ministers A and B") needs names of two words or more, or a country for each.
    """
    start = title.end
    # "the foreign ministers of Japan and Korea, A and B", "the Japanese and
    # Korean foreign ministers, A and B": one country each, in order.
    respective = _countries_before(tokens, title.start, short)
    after = _countries_after(tokens, title.end, short)
    if after is not None:
        respective, start = after
    if start < len(tokens) and tokens[start].text == ",":
        start += 1
    listed = _name_list(tokens, start, short)
    if len(listed) < 2:  # noqa: PLR2004
        return
    if (
        not tokens[title.head_start].cap
        and not respective
        and not all(
            country is not None or len(name.words) >= 2  # noqa: PLR2004
            for name, country, _ in listed
        )
    ):
        return
    own = sum(country is not None for _, country, _ in listed)
    office = _singular(title.text)
    for index, (name, country, end) in enumerate(listed):
        code: str | None
        source: str | None
        if country is not None:
            code, source = country, "of"
        elif respective:
            matched = len(respective) == len(listed)
            code, source = (respective[index], "qualifier") if matched else (None, None)
        elif own:
            code, source = None, None  # the others' countries are written out, this one's is not
        else:
            code, source = title.country, title.country_source
        yield _Found(
            start=name.span[0],
            end=tokens[end - 1].end,
            name=name,
            title=office,
            country=code,
            source=source,
            rule="plural-title",
            honorific=name.honorific,
        )


def _country_at(tokens: list[Token], k: int, short: dict[str, str]) -> tuple[str, int] | None:
    """Return ``(code, end)`` of a country, demonym or organisation starting at ``k``."""
    if k < len(tokens) and tokens[k].lower == "the":
        k += 1
    if k < len(tokens):
        long_name = long_country_name_end(tokens, k)  # "the Islamic Republic of Iran"
        if long_name is not None:
            return long_name[1], long_name[0]
    for size in (3, 2, 1):
        end = k + size
        if end > len(tokens) or not all(
            t.is_word and (t.cap or t.kind == "abbr") for t in tokens[k:end]
        ):
            continue
        phrase = slice_text(tokens, k, end)
        code = geo.country_code(phrase) or short.get(phrase.casefold())
        if code is not None and geo.name_kind(phrase) != "metonym":
            return code, end
    return None


def _countries_after(
    tokens: list[Token], k: int, short: dict[str, str]
) -> tuple[list[str], int] | None:
    """Read "of Japan and Korea," after a plural office: ``(codes, where the names start)``."""
    if k >= len(tokens) or tokens[k].lower not in {"of", "from"}:
        return None
    codes: list[str] = []
    m = k + 1
    while m < len(tokens) and len(codes) < _MAX_LISTED:
        found = _country_at(tokens, m, short)
        if found is None:
            return None
        codes.append(found[0])
        m = found[1]
        if m < len(tokens) and tokens[m].text == "," and m + 1 < len(tokens):
            if tokens[m + 1].lower != "and" and len(codes) >= 2:  # noqa: PLR2004
                return codes, m + 1  # "..., A and B"
            m += 1
        if m < len(tokens) and tokens[m].lower == "and":
            m += 1
            continue
        if tokens[m - 1].text != ",":
            return None
    return None


def _countries_before(tokens: list[Token], k: int, short: dict[str, str]) -> list[str]:
    """Read "Japanese and Korean" right before a plural office, in order ([] when absent)."""
    codes: list[str] = []
    m = k
    while m > 0 and len(codes) < _MAX_LISTED:
        found = None
        for size in (1, 2, 3):
            if m - size < 0:
                break
            hit = _country_at(tokens, m - size, short)
            if hit is not None and hit[1] == m:
                found = (hit[0], m - size)
        if found is None:
            break
        codes.append(found[0])
        m = found[1]
        if m > 0 and tokens[m - 1].lower == "and":
            m -= 1
            if m > 0 and tokens[m - 1].text == ",":
                m -= 1
        elif m > 0 and tokens[m - 1].text == "," and codes:
            m -= 1
        else:
            break
    codes.reverse()
    return codes if len(codes) >= 2 else []  # noqa: PLR2004


def _singular(office: str) -> str:
    """Return the office of one holder ("Foreign Ministers" -> "Foreign Minister")."""
    words = office.split()
    for index in range(len(words) - 1, -1, -1):
        word = words[index]
        if word.casefold().endswith("ies"):
            words[index] = word[:-3] + ("Y" if word.isupper() else "y")
            break
        if word.casefold().endswith("s") and not word.casefold().endswith("ss"):
            words[index] = word[:-1]
            break
    return " ".join(words)


def _parenthesised(tokens: list[Token], title: Title, name: Name) -> Name:
    """Complete a name whose surname follows a bracket ("(Prime Minister Yasuhiro) Nakasone")."""
    k = name.end
    if (
        title.span_start > 0
        and tokens[title.span_start - 1].text == "("
        and k + 1 < len(tokens)
        and tokens[k].text == ")"
        and tokens[k + 1].kind == "word"
        and tokens[k + 1].cap
    ):
        tail = parse_name(tokens, k + 1, allow_honorific=False)
        if tail is not None and len(tail.words) == 1:
            return attrs.evolve(
                name,
                end=tail.end,
                span=(name.span[0], tail.span[1]),
                text=f"{name.text} {tail.text}",
                words=(*name.words, *tail.words),
            )
    return name


def _definite(tokens: list[Token], title: Title) -> bool:
    """Whether a title names one office ("the ...", "India's ...", "his ...")."""
    if title.country is not None and title.country_source in {"qualifier", "of", "group"}:
        return True
    q = title.span_start - 1
    # "a ministry spokesman, Chung Ju-won, said": one of several, named at once.
    return q >= 0 and tokens[q].lower in {"the", "a", "an", *_POSSESSIVE_DETERMINERS}


def _owner(tokens: list[Token], title: Title, done: list[_Found]) -> _Found | None:
    """Return the official a possessive before the title refers to ("A and his deputy").

    The last official named shortly before, with nothing ending a sentence
    between, and with a country.
    """
    q = title.span_start - 1
    if q < 0 or not done:
        return None
    if tokens[q].kind == "pos" and q > 0:
        # "Richter's spokesman, Klaus Weber": the office of someone already named.
        named = tokens[q - 1].text
        owners = [f for f in done if f.country is not None and named in f.name.words]
        if owners and owners[-1].end <= tokens[q - 1].start:
            return owners[-1]
        return None
    if tokens[q].lower not in _POSSESSIVE_DETERMINERS:
        return None
    previous = done[-1]
    if previous.country is None or previous.end > tokens[q].start:
        return None
    first = _token_after(tokens, previous.end)
    if q - first > _MAX_ROLE_WORDS or any(
        tokens[p].text in {".", ";", "!", "?"} or tokens[p].kind == "nl" for p in range(first, q)
    ):
        return None
    return previous


def _closes(tokens: list[Token], k: int) -> bool:
    """Whether an apposition's name ends here: a comma, a full stop, a verb."""
    if k >= len(tokens):
        return True
    tok = tokens[k]
    return (
        tok.text in {",", ".", ";", ":", ")", "\n"}
        or tok.kind == "nl"
        or (tok.kind == "word" and not tok.cap)
    )


def _closes_title(tokens: list[Token], k: int) -> bool:
    if k >= len(tokens):
        return True
    tok = tokens[k]
    return (
        tok.kind == "nl"
        or tok.text in {",", ".", ";", ":", ")"}
        or (tok.kind == "word" and not tok.cap)
    )


def _apposition_start(tokens: list[Token], title_start: int) -> int | None:
    """Return the token index of the comma before an appositive title, or ``None``."""
    k = title_start - 1
    while k >= 0 and tokens[k].kind == "word" and tokens[k].lower in _APPOSITION_FILLERS:
        k -= 1
    if k >= 0 and tokens[k].text == ",":
        return k
    if k >= 0 and tokens[k].kind == "nl":
        return None
    return None


def _org_after(tokens: list[Token], k: int, acronyms: dict[str, str]) -> tuple[str, int] | None:
    """Spell out the organisation after an appositive title ("Director General, NCB")."""
    if k + 1 >= len(tokens) or tokens[k].text != ",":
        return None
    tok = tokens[k + 1]
    if tok.kind == "word" and tok.text in acronyms:
        return acronyms[tok.text], k + 2
    return None


def _placeish(name: Name) -> bool:
    text = name.text
    return geo.country_code(text) is not None or (
        geo.city_country(text) is not None and len(name.words) == 1 and geo.is_capital(text)
    )


# ------------------------------------------------- pass 2: roles, counterparts


def _role_appositions(tokens: list[Token], found: list[_Found]) -> Iterator[_Found]:
    """Find a country's described role before a name ("India's top bureaucrat in ..., VL Rao,")."""
    g = gazetteer()
    n = len(tokens)
    for k, tok in enumerate(tokens):
        if tok.kind != "pos":
            continue
        country = None
        start = k
        for length in range(4, 0, -1):
            s = k - length
            if s >= 0 and all(t.is_word for t in tokens[s:k]):
                code = geo.country_code(slice_text(tokens, s, k))
                if code is not None:
                    country, start = code, s
                    break
        if country is None:
            continue
        m = k + 1
        role = False
        while m < n and m - k <= _MAX_ROLE_WORDS:
            word = tokens[m]
            if word.kind != "word" or (word.cap and word.lower not in _ROLE_GLUE):
                break
            if word.lower in g.role_nouns:
                role = True
            m += 1
        if not role or m >= n or tokens[m].text != "," or m == k + 1:
            continue
        if any(tokens[p].lower in g.private_roles for p in range(k + 1, m)):
            continue
        name = parse_name(tokens, m + 1)
        if name is None or not _closes(tokens, name.end) or _placeish(name):
            continue
        if _inside(found, tokens[start].start, name.span[1]):
            continue
        yield _Found(
            start=tokens[start].start,
            end=name.span[1],
            name=name,
            title=slice_text(tokens, k + 1, m),
            country=country,
            source="qualifier",
            rule="role-apposition",
            honorific=name.honorific,
        )


def _role_body(tokens: list[Token], k: int) -> tuple[int, str | None] | None:
    """Read the public body after a role, past a portfolio in lower case.

    "at the ministry of finance", or "for international affairs at the Ministry
    of International Trade and Industry": returns ``(end, country)`` as
    :func:`body_after` does.
    """
    body = body_after(tokens, k)
    if body is not None or k >= len(tokens) or tokens[k].lower not in {"for", "of", "in"}:
        return body
    vocabulary = gazetteer().vocabulary
    m = k + 1
    while (
        m < len(tokens)
        and m - k <= _MAX_ROLE_WORDS
        and tokens[m].kind == "word"
        and not tokens[m].cap
        and tokens[m].lower in vocabulary
    ):
        m += 1
    return body_after(tokens, m) if m > k + 1 else None


def _body_roles(tokens: list[Token], found: list[_Found]) -> Iterator[_Found]:
    """Find a role at a public body after a name.

    "Kwame Mensah, a senior official at the ministry of finance," and "Kwame
    Mensah, the finance ministry's director of trade,": the title is the
    phrase as written, the country whatever the body's name says.
    """
    g = gazetteer()
    n = len(tokens)
    for c, tok in enumerate(tokens):
        if tok.text != "," or c + 1 >= n:
            continue
        k = c + 1
        if tokens[k].lower in {"a", "an", "the"}:
            k += 1
        role = _body_role_at(tokens, k)
        if role is None:
            continue
        end, country = role
        if any(tokens[p].lower in g.private_roles for p in range(k, end)):
            continue
        name = parse_name_backwards(tokens, c)
        if name is None or _placeish(name) or (len(name.words) == 1 and name.honorific is None):
            continue
        if _inside(found, name.span[0], tokens[end - 1].end):
            continue
        yield _Found(
            start=name.span[0],
            end=tokens[end - 1].end,
            name=name,
            title=slice_text(tokens, k, end),
            country=country,
            source="of" if country else None,
            rule="role-apposition",
            honorific=name.honorific,
        )


def _body_role_at(tokens: list[Token], k: int) -> tuple[int, str | None] | None:
    """Read "senior official at the ministry" or "finance ministry's director" at ``k``."""
    g = gazetteer()
    n = len(tokens)
    possessive = _possessive_body_role(tokens, k)
    if possessive is not None:
        return possessive
    m = k
    role = False
    while m < n and m - k < _MAX_ROLE_WORDS:
        word = tokens[m]
        if word.kind != "word" or word.cap or word.lower in _ROLE_BREAKS:
            break
        role = role or word.lower in g.role_nouns
        m += 1
    if not role or m == k:
        return None
    return _role_body(tokens, m)


def _possessive_body_role(tokens: list[Token], k: int) -> tuple[int, str | None] | None:
    """Read "the finance ministry's director of international finance" at ``k``."""
    g = gazetteer()
    n = len(tokens)
    pos = next((p for p in range(k, min(n, k + 6)) if tokens[p].kind == "pos"), None)
    if pos is None or pos == k or not all(t.kind == "word" for t in tokens[k:pos]):
        return None
    if not any(t.lower in g.government_bodies for t in tokens[k:pos]):
        return None
    m = pos + 1
    role = False
    while m < n and m - pos <= _MAX_ROLE_WORDS and tokens[m].kind == "word":
        low = tokens[m].lower
        if tokens[m].cap or low in _ROLE_BREAKS:
            break
        role = role or low in g.role_nouns
        m += 1
    if not role:
        return None
    end = m
    if m < n and tokens[m].lower in {"of", "for"}:
        q = m + 1
        while q < n and tokens[q].kind == "word" and tokens[q].lower in g.vocabulary:
            q += 1
        end = q if q > m + 1 else m
    return end, _body_country_before(tokens, k, pos)


def _body_country_before(tokens: list[Token], start: int, end: int) -> str | None:
    for p in range(start, end):
        if tokens[p].cap:
            code = geo.country_code(tokens[p].text)
            if code is not None and geo.name_kind(tokens[p].text) in {"country", "demonym"}:
                return code
    return None


def _counterparts(
    tokens: list[Token],
    starts: list[int],
    found: list[_Found],
    sentences: _SentenceIndex,
    short: dict[str, str],
) -> Iterator[_Found]:
    """Find counterparts ("his Chinese counterpart Yang Jiechi"): same office, other country.

    Several may follow, each with its own country ("his counterparts A of
    Japan and B of the Philippines"). ``starts`` holds where each token starts.
    """
    for k, tok in enumerate(tokens):
        if tok.lower not in _COUNTERPART or tok.kind != "word":
            continue
        j = k - 1
        country = None
        for size in (2, 1):
            if j - size + 1 >= 0 and all(t.is_word for t in tokens[j - size + 1 : j + 1]):
                code = geo.country_code(slice_text(tokens, j - size + 1, j + 1))
                if code is not None:
                    country = code
                    j -= size
                    break
        owner = j >= 0 and tokens[j].lower in _POSSESSIVE_DETERMINERS
        stated: str | None = None
        if not owner and country is None:
            # "his national security advisor counterparts", "her trade counterpart".
            written = _office_before(tokens, k)
            if written is None:
                continue  # "counterpart" alone: whose, and from where, is not said
            j, stated, country = written
            owner = True
        first = j if owner else j + 1
        m = k + 1
        # "his counterparts from Japan and Australia, A and B": one country each.
        respective: list[str] = []
        after = _countries_after(tokens, m, short) if tok.lower == "counterparts" else None
        if after is not None:
            respective, m = after
        if m < len(tokens) and tokens[m].text == ",":
            m += 1
        listed = _name_list(tokens, m, short)
        if tok.lower == "counterpart":
            listed = listed[:1]
        if respective and len(respective) == len(listed):
            listed = [
                (name, own or code, end)
                for (name, own, end), code in zip(listed, respective, strict=True)
            ]
        listed = [item for item in listed if not _inside(found, item[0].span[0], item[0].span[1])]
        if not listed:
            continue
        # The person whose counterpart this is: the last titled person named in
        # this sentence, else in the two before ("Jaishankar, who is in Tehran, met
        # his Iranian counterpart ..." after "External Affairs Minister S Jaishankar").
        subject = None
        for index in range(bisect.bisect_left(found, tok.start, key=lambda f: f.start) - 1, -1, -1):
            f = found[index]
            f_tok = bisect.bisect_left(starts, f.start)
            if sentences[k] - sentences[f_tok] > 2:  # noqa: PLR2004
                break
            if f.end <= tok.start and f.title:
                subject = f
                break
        office = stated or (
            subject.title if subject is not None else _bare_office(tokens, sentences, k)
        )
        if office is None:
            continue
        for index, (name, own, end) in enumerate(listed):
            code = own or country
            yield _Found(
                start=tokens[first].start if index == 0 else name.span[0],
                end=tokens[end - 1].end,
                name=name,
                title=_counterpart_title(office, code),
                country=code,
                source=("of" if own else "qualifier") if code else None,
                rule="counterpart",
                honorific=name.honorific,
            )


def _office_before(tokens: list[Token], k: int) -> tuple[int, str | None, str | None] | None:
    """Read the office between a possessive and "counterpart(s)" at ``k``.

    "his national security advisor counterparts": returns ``(where "his" is,
    the office of one holder, the country written with it)``. Portfolio words
    alone ("her trade counterpart") name no office: ``None`` in its place, so
    the owner's office is used.
    """
    p = k - 1
    while p >= 0 and k - p <= _MAX_OFFICE_WORDS + 1 and tokens[p].kind == "word":
        if tokens[p].lower in _POSSESSIVE_DETERMINERS:
            break
        p -= 1
    else:
        return None
    if p < 0 or p == k - 1 or tokens[p].lower not in _POSSESSIVE_DETERMINERS:
        return None
    for q in range(p + 1, k):
        title = parse_title(tokens, q)
        if title is None:
            continue
        if title.private or title.end != k or min(title.span_start, title.start) != p + 1:
            return None
        office = _singular(title.text) if title.plural else title.text
        return p, office, title.country
    # No head: portfolio words, perhaps after a country ("his Japanese trade counterpart").
    country = None
    q = p + 1
    for size in (2, 1):
        if q + size < k and all(t.cap for t in tokens[q : q + size]):
            country = geo.country_code(slice_text(tokens, q, q + size))
            if country is not None:
                q += size
                break
    vocabulary = gazetteer().vocabulary
    if all(not t.cap and t.lower in vocabulary for t in tokens[q:k]):
        return p, None, country
    return None


def _bare_office(tokens: list[Token], sentences: _SentenceIndex, k: int) -> str | None:
    """Return the last office named without a name before ``k`` in its sentence.

    "The Secretary met his counterparts ...": whose counterparts is an office alone.
    """
    office = None
    m = k - 1
    while m >= 0 and k - m <= _MAX_OFFICE_LOOKBACK and sentences[m] == sentences[k]:
        m -= 1
    m += 1
    while m < k:
        title = parse_title(tokens, m)
        if title is None or title.plural or title.private:
            m += 1
            continue
        if title.after <= k:
            office = title.text
        m = max(m + 1, title.run_end)
    return office


def _counterpart_title(title: str | None, country: str | None = None) -> str | None:
    """The same office in another country: a title only one country uses gets its usual name.

    A cabinet secretary's counterpart in a country whose cabinet is of
    ministers holds the minister's office ("Agriculture Secretary" ->
    "Agriculture Minister").
    """
    if title is None:
        return None
    g = gazetteer()
    key = " ".join(title.casefold().split())
    if key in g.counterpart_titles:
        return g.counterpart_titles[key]
    if country is None or country in _SECRETARY_CABINETS:
        return title
    match = _SECRETARY.fullmatch(title)
    if match is not None:
        portfolio = match.group("before") or match.group("after")
        if all(word.casefold() in g.vocabulary for word in portfolio.split()):
            return f"{portfolio} Minister"
    return title


# ------------------------------------------------------ pass 3: group country


def _group_countries(
    tokens: list[Token], starts: list[int], found: list[_Found], sentences: _SentenceIndex
) -> None:
    """Read countries from the group a titled person belongs to or leads.

    ``starts`` holds where each token starts.
    """
    # Tokens after a mention start after it: every other mention's start is "another".
    mention_starts = frozenset(f.start for f in found)
    previous: _Found | None = None
    for f in found:
        first = bisect.bisect_left(starts, f.start)
        last = bisect.bisect_left(starts, f.end)
        if f.country is None:
            code = _group_before(tokens, first, sentences)
            if code is None and previous is not None and previous.source == "group":
                between = slice_text(tokens, bisect.bisect_left(starts, previous.end), first)
                if between.strip() in {"and", ",", ", and"}:
                    code = previous.country
            if code is None:
                code = _leads_after(tokens, last, sentences, mention_starts)
            if code is not None:
                f.country, f.source = code, "group"
        previous = f


def _group_before(tokens: list[Token], first: int, sentences: _SentenceIndex) -> str | None:
    """Read a group's country before a name ("the Nigerian team, headed by ...")."""
    k = first - 1
    if k >= 0 and tokens[k].lower == "by":
        k -= 1
    if k >= 0 and tokens[k].text == ",":
        k -= 1
    if k < 0 or tokens[k].lower not in _GROUP_LINKS | {"as"}:
        return None
    sentence = sentences[first]
    for m in range(k - 1, max(-1, k - 14), -1):
        if sentences[m] != sentence:
            break
        if tokens[m].lower in _GROUP_NOUNS and m > 0:
            code = geo.country_code(tokens[m - 1].text)
            if code is None and m > 1:
                code = geo.country_code(slice_text(tokens, m - 2, m))
            if code is not None:
                return code
    return None


def _leads_after(
    tokens: list[Token], last: int, sentences: _SentenceIndex, others: frozenset[int]
) -> str | None:
    """Read the country of the delegation a person leads ("..., led the U.S. delegation").

    ``last`` is the token after the person's mention; ``others`` the starts of
    every mention, since another person named first leads instead.
    """
    sentence = sentences[last - 1] if last > 0 else 0
    for m in range(last, min(len(tokens), last + 25)):
        if sentences[m] != sentence:
            return None
        tok = tokens[m]
        if tok.start in others:
            return None
        if tok.lower in _LEAD_VERBS and m + 3 < len(tokens) and tokens[m + 1].lower == "the":
            for length in (3, 2, 1):
                end = m + 2 + length
                if end < len(tokens) and tokens[end].lower in _GROUP_NOUNS:
                    code = geo.country_code(slice_text(tokens, m + 2, end))
                    if code is not None:
                        return code
    return None


# ---------------------------------------------------- pass 4: short mentions


def _short_mentions(
    tokens: list[Token], starts: list[int], text: str, found: list[_Found]
) -> Iterator[_Found]:
    """Later mentions of a known person by surname, with or without an honorific.

    ``starts`` holds where each token starts.
    """
    g = gazetteer()
    # Each phrase that names a known person on its own: the surname, and the
    # full name written again later ("Narendra Modi" after "PM Narendra Modi").
    phrases: dict[str, tuple[str, tuple[str, ...]]] = {}
    for f in found:
        if f.surname:
            phrases.setdefault(f.surname, (f.surname, ()))
            # "bin Okafor" is also written "Okafor" on its own later.
            parts = f.surname.split()
            if parts[0] in g.particles:
                phrases.setdefault(parts[-1], (parts[-1], ()))
        if len(f.name.words) >= 2 and f.name.text != f.surname:  # noqa: PLR2004
            phrases.setdefault(f.name.text, (f.surname or f.name.text, f.name.words))
    taken = sorted((f.start, f.end) for f in found)
    lower_words = _LowerWords(tokens)
    for phrase in sorted(phrases, key=len, reverse=True):
        surname, full_words = phrases[phrase]
        for start, end in _occurrences(text, phrase):
            if _overlaps_taken(taken, start, end):
                continue
            k = bisect.bisect_left(starts, start)
            if k >= len(tokens) or tokens[k].start != start:
                continue
            last = bisect.bisect_left(starts, end) - 1
            nxt = tokens[last + 1] if last + 1 < len(tokens) else None
            honorific = None
            first = k
            for size in (3, 2, 1):
                h = k - size
                if h >= 0 and match_phrase(tokens, h, g.honorifics) == k:
                    honorific = slice_text(tokens, h, k)
                    first = h
                    break
                if (
                    h >= 0
                    and tokens[k - 1].text == "."
                    and match_phrase(tokens, h, g.honorifics) == k
                ):
                    honorific = slice_text(tokens, h, k)
                    first = h
                    break
            if honorific is None and not _bare_ok(
                tokens, k, nxt, single=last == k, lower_words=lower_words
            ):
                continue
            span_start = tokens[first].start
            words = full_words or (
                tuple(w for w in surname.split() if w not in g.particles) or (surname,)
            )
            name = Name(
                start=k,
                end=last + 1,
                first=first,
                span=(span_start, end),
                text=phrase,
                words=words,
                honorific=honorific,
            )
            bisect.insort(taken, (span_start, end))
            yield _Found(
                start=span_start,
                end=end,
                name=name,
                title=None,
                country=None,
                source=None,
                rule=("honorific-" if honorific else "") + ("name" if full_words else "surname"),
                honorific=honorific,
                surname=surname,
            )


class _LowerWords:
    """The words a text writes in lower case, collected on the first question.

    Only a surname at a sentence start asks, and many documents have none:
    collecting them cost a pass over every token of every document.
    """

    __slots__ = ("_tokens", "_words")

    def __init__(self, tokens: list[Token]) -> None:
        self._tokens = tokens
        self._words: frozenset[str] | None = None

    def __contains__(self, word: object) -> bool:
        """Return whether ``word`` is written in lower case as a word of the text."""
        if self._words is None:
            self._words = frozenset(
                t.text for t in self._tokens if t.kind == "word" and t.text.islower()
            )
        return word in self._words


def _occurrences(text: str, phrase: str) -> Iterator[tuple[int, int]]:
    """Yield the spans where ``phrase`` stands as a whole name in ``text``, left to right.

    The same matches as a pattern of ``phrase`` between ``_NAME_BEFORE`` and
    ``_NAME_AFTER`` run with ``finditer``, without compiling one per name.
    """
    size = len(phrase)
    start = text.find(phrase) if size else -1
    while start != -1:
        end = start + size
        if (start == 0 or _NAME_BEFORE.match(text, start - 1) is None) and _NAME_AFTER.match(
            text, end
        ) is None:
            yield start, end
            start = text.find(phrase, end)
        else:
            start = text.find(phrase, start + 1)


def _overlaps_taken(taken: list[tuple[int, int]], start: int, end: int) -> bool:
    """Whether ``[start, end)`` overlaps one of the sorted, non-overlapping ``taken`` spans."""
    index = bisect.bisect_left(taken, (end, end)) - 1
    return index >= 0 and taken[index][1] > start


def _bare_ok(
    tokens: list[Token],
    k: int,
    nxt: Token | None,
    *,
    single: bool = True,
    lower_words: Container[str] = frozenset(),
) -> bool:
    """Whether a bare surname is a mention, not a word or part of another name.

    ``lower_words`` holds the words the text writes in lower case.
    """
    vocabulary = gazetteer().vocabulary
    if single and tokens[k].text in gazetteer().not_names:
        return False  # "He" the pronoun, though "He Lifeng" bears it as a name
    prev = tokens[k - 1] if k > 0 else None
    if prev is not None and prev.kind == "word":
        if prev.lower in {"the", "a", "an"}:
            return False
        if prev.cap and prev.lower not in {"and", "but"} and not _sentence_start(tokens, k - 1):
            return False  # "John Baker" is another Baker
    if nxt is not None and nxt.kind == "word" and nxt.lower in gazetteer().organisation_words:
        return False  # "West Bank", "the Okafor Foundation"
    if nxt is not None and nxt.kind == "word" and nxt.cap and nxt.text not in gazetteer().not_names:
        return False  # "Price Waterhouse"
    if not _sentence_start(tokens, k):
        return True
    # At a sentence start, a word the text also writes in lower case is that
    # word ("Rice exports rose" where "rice" is traded), not the surname.
    return tokens[k].lower not in vocabulary and tokens[k].lower not in lower_words


def _sentence_start(tokens: list[Token], k: int) -> bool:
    if k == 0:
        return True
    prev = tokens[k - 1]
    return prev.kind == "nl" or prev.text in {".", "!", "?", '"', "\u201c", ":"}
