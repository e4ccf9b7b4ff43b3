"""Words that say what an amount of money measures, for the trade-figure builder.

Each cue is a word stem with the metric it signals ("exports" -> exports,
"assistance" -> aid) or ``None`` for words that mark an amount as something
else: a debt, a cost, a budget, reserves, a company's earnings. Phrases in
which a cue word only names an office or a relationship ("trade minister",
"trading partner", "International Monetary Fund") are listed so that they are
not read as cues.

The patterns are compiled on first use (see :func:`cue_pattern`).
"""

from __future__ import annotations

from functools import cache
from typing import Final

import regex

__all__ = [
    "BILATERAL",
    "NEGATIVE",
    "NOT_CUES",
    "ONE_SIDED",
    "POSITIVE",
    "cue_pattern",
    "metric_of",
]

POSITIVE: Final[dict[str, str]] = {
    # metric: stems (a stem matches the word and its endings)
    r"trade": "trade",
    r"trading": "trade",
    r"traded": "trade",
    r"turnover": "trade",
    r"commerce": "trade",
    r"exports?": "exports",
    r"exported": "exports",
    r"exporting": "exports",
    r"imports?": "imports",
    r"imported": "imports",
    r"importing": "imports",
    r"invest\w*": "investment",
    r"fdi": "investment",
    r"assistance": "aid",
    r"aid": "aid",
    r"funding": "aid",
    r"funds?": "aid",
    r"funded": "aid",
    r"financing": "aid",
    r"financed": "aid",
    r"donat\w+": "aid",
    r"grants?": "aid",
    r"granted": "aid",
    r"pledg\w+": "aid",
    r"relief": "aid",
    r"compacts?": "aid",
    r"loans?": "aid",
    r"lines?\s+of\s+credit": "aid",
    r"credit\s+lines?": "aid",
    r"obligat\w+": "aid",
    r"commitments?": "aid",
    r"committed": "aid",
    r"commits?": "aid",
    r"provid\w+": "aid",
    r"deposits?": "aid",
    r"contribut\w+": "aid",
    r"humanitarian": "aid",
    r"deals?": "deal",
    r"accords?": "deal",
    r"agreements?": "deal",
    r"agreed": "deal",
    r"pacts?": "deal",
    r"contracts?": "deal",
    r"contracted": "deal",
    r"purchas\w+": "deal",
    r"buy\w*": "deal",
    r"bought": "deal",
    r"sales?": "deal",
    r"sell\w*": "deal",
    r"sold": "deal",
    r"orders?": "deal",
    r"ordered": "deal",
    r"procure\w*": "deal",
    r"memorand\w+": "deal",
    r"mous?": "deal",
    r"deficits?": "deficit",
    r"shortfalls?": "deficit",
    r"imbalances?": "deficit",
    r"trade\s+gap": "deficit",
    r"surplus\w*": "surplus",
}

NEGATIVE: Final[tuple[str, ...]] = (
    r"debts?",
    r"indebted\w*",
    r"owe[sd]?",
    r"owing",
    r"arrears",
    r"credits?",
    r"reserves?",
    r"costs?",
    r"costing",
    r"spent",
    r"spend\w*",
    r"expenditures?",
    r"bail-?outs?",
    r"revenues?",
    r"profits?",
    r"earnings",
    r"loss(?:es)?",
    r"salar\w+",
    r"budget\w*",
    r"tax\w*",
    r"fines?",
    r"fined",
    r"penalt\w+",
    r"compensation",
    r"damages?",
    r"valuation",
    r"valued\s+at\s+a\s+market",
    r"market\s+cap\w*",
    r"capitali[sz]ation",
    r"shares?",
    r"prices?",
    r"priced",
    r"fees?",
    r"wages?",
    r"brib\w+",
    r"ransom",
    r"bount\w+",
    r"rewards?",
    r"economy",
    r"gdp",
    r"subsid(?:y|ies|i[sz]ed|i[sz]ing)",
    r"letters?\s+of\s+credit",
    r"export\s+credits?(?:\s+agenc\w+)?",
)

# Where a cue word is part of a name or title, it says nothing about an amount.
NOT_CUES: Final[tuple[str, ...]] = (
    (
        r"trad(?:e|ing)\s+(?:ministers?|ministry|ministries|representatives?|unions?|talks"
        r"|wars?|disputes?|polic\w+|barriers?|negotiat\w+|officials?|bod\w+|organi[sz]ation"
        r"|partners?|partnerships?|status|conflicts?|routes?|fairs?|missions?|delegations?"
        r"|secretar\w+|commissioners?|blocs?|ministerial|powers?|houses?|hours|sessions?"
        r"|rules?|remed\w+|laws?|relations|ties|issues|frictions?|tensions?|agenda|zones?)"
    ),
    r"free\s+trade",
    r"monetary\s+fund",
    r"export\s+controls?",
    r"import\s+(?:dut\w+|tariffs?|bans?|curbs?|quotas?)",
    r"(?:world|general)\s+(?:trade|agreement)\w*",
    r"agreements?\s+on\s+tariffs",
    r"department\s+of\s+commerce",
    r"chambers?\s+of\s+commerce",
    r"commerce\s+(?:ministers?|ministry|secretary|department)",
    r"(?:finance|financial)\s+(?:ministers?|ministry|secretary)",
    r"aid\s+(?:workers?|agenc\w+|groups?|officials?)",
    r"orders?\s+of\s+magnitude",
)

# Metrics naming a flow between two parties; deficits and surpluses are one
# country's balance unless the text names the other side.
ONE_SIDED: Final = frozenset(("deficit", "surplus"))

BILATERAL: Final = r"\b(?:bilateral|two-way|between)\b"


@cache
def cue_pattern() -> regex.Pattern[str]:
    """Return one pattern for names (group ``skip``), negative and positive cues.

    Names come first, then phrases of several words, then single words, so that
    "lines of credit" is aid before "credit" is read as a debt.
    """

    def group(stems: list[str]) -> str:
        return "|".join(f"(?:{s})" for s in sorted(stems, key=len, reverse=True)) or "(?!)"

    multi_neg = [s for s in NEGATIVE if r"\s" in s]
    multi_pos = [s for s in POSITIVE if r"\s" in s]
    single_neg = [s for s in NEGATIVE if r"\s" not in s]
    single_pos = [s for s in POSITIVE if r"\s" not in s]
    return regex.compile(
        rf"(?i)\b(?:(?P<skip>{group(list(NOT_CUES))})|(?P<negm>{group(multi_neg)})"
        rf"|(?P<posm>{group(multi_pos)})|(?P<neg>{group(single_neg)})"
        rf"|(?P<pos>{group(single_pos)}))\b"
    )


@cache
def _metric_patterns() -> tuple[tuple[regex.Pattern[str], str], ...]:
    return tuple(
        (regex.compile(rf"(?i){stem}"), metric)
        for stem, metric in sorted(POSITIVE.items(), key=lambda kv: len(kv[0]), reverse=True)
    )


def metric_of(word: str) -> str | None:
    """Return the metric a positive cue word signals.

    >>> metric_of("Exports"), metric_of("invested"), metric_of("surplus")
    ('exports', 'investment', 'surplus')
    """
    for pattern, metric in _metric_patterns():
        if pattern.fullmatch(word):
            return metric
    return None
