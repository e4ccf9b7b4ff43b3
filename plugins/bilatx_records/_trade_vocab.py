"""Words that say what an amount of money measures, for the trade-figure builder.

Each cue is a word stem with the metric it signals ("exports" -> exports,
"assistance" -> aid) or ``None`` for words that mark an amount as something
else: a debt, a cost, a budget, reserves, a company's earnings. Phrases in
which a cue word only names an office or a relationship ("trade minister",
"trading partner", "International Monetary Fund") are listed so that they are
not read as cues.

Balances need their qualifier: a *trade* deficit or surplus ("merchandise
surplus", "goods trade deficit") is a trade figure, a *budget*, *fiscal*,
*current-account* or *revenue* one is not, and a bare "deficit" is decided by
its context (see :data:`NON_TRADE_CONTEXT` and :data:`TRADE_CONTEXT`). Money
owed to or raised from banks (rescheduling, "new money", commercial loans) is
debt, not aid: see :data:`LENDERS`.

The patterns are compiled on first use (see :func:`cue_pattern`).
"""

from __future__ import annotations

from functools import cache, lru_cache
from typing import Final

import regex

__all__ = [
    "BARE_BALANCE",
    "BILATERAL",
    "ECONOMY_TARGET",
    "LENDERS",
    "NEGATIVE",
    "NON_TRADE_CONTEXT",
    "NOT_CUES",
    "ONE_SIDED",
    "POSITIVE",
    "TRADE_CONTEXT",
    "cue_pattern",
    "metric_of",
]

# What a balance is a balance *of*. Trade: "trade", "merchandise", "goods and
# services", "bilateral"; anything else named beside "deficit" is public
# finance or the wider balance of payments, which are not trade figures.
_TRADE_QUALIFIER: Final = (
    r"(?:(?:foreign|external|overall|global|bilateral|visible|merchandise|goods|non-oil)\s+)?"
    r"(?:trade|trading|merchandise|goods(?:\s+and\s+services)?|visible|commercial|bilateral)"
)
_OTHER_QUALIFIER: Final = (
    r"(?:budget(?:ary)?|fiscal|current[\s-]+accounts?|capital[\s-]+accounts?"
    r"|financial[\s-]+accounts?|(?:balance[\s-]+of[\s-]+)?payments|revenue|primary|public"
    r"|public[\s-]+sector|government|federal|state|structural|cash|operating|pension"
    r"|financing|funding)"
)
_BALANCE: Final = r"(?:deficits?|surplus(?:es)?|shortfalls?|gaps?|imbalances?)"

POSITIVE: Final[dict[str, str]] = {
    # metric: stems (a stem matches the word and its endings)
    r"trade": "trade",
    r"trading": "trade",
    r"traded": "trade",
    r"turnover": "trade",
    r"commerce": "trade",
    r"exports?": "exports",
    r"shipments?": "exports",
    r"export\s+(?:earnings|revenues?|receipts|sales|income)": "exports",
    r"import\s+(?:bills?|costs?|spending|payments)": "imports",
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
    r"lend(?:s|ing)?": "aid",
    r"lent": "aid",
    r"disburs\w+": "aid",
    r"tranches?": "aid",
    r"support": "aid",
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
    r"partnerships?": "deal",
    r"(?:joint\s+)?ventures?": "deal",
    r"tie-?ups?": "deal",
    r"acqui(?:re[sd]?|ring|sitions?)": "deal",
    r"takeovers?": "deal",
    r"stakes?": "investment",
    # A bare balance is a cue whose context must say it is about trade.
    r"deficits?": "deficit",
    r"shortfalls?": "deficit",
    r"imbalances?": "deficit",
    r"surplus\w*": "surplus",
    rf"{_TRADE_QUALIFIER}\s+(?:deficits?|shortfalls?|gaps?|imbalances?)": "deficit",
    rf"{_TRADE_QUALIFIER}\s+surplus(?:es)?": "surplus",
}

BARE_BALANCE: Final = r"(?:deficits?|shortfalls?|imbalances?|surplus\w*)"
"""A balance word with no qualifier: trade only where its context says so."""

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
    r"market\s+values?",
    # Public finance and the balance of payments, not trade.
    rf"{_OTHER_QUALIFIER}(?:\s+and\s+{_OTHER_QUALIFIER})?\s+{_BALANCE}",
    r"current[\s-]+accounts?",
    r"balance[\s-]+of[\s-]+payments",
    # Borrowing from banks and markets, and what is done with debt.
    r"reschedul\w*",
    r"refinanc\w*",
    r"(?:new|fresh)\s+money",
    r"(?:bank|bond|debt)\s+(?:creditors?|lenders?|issues?|markets?)",
    r"creditors?",
    r"lenders?",
    r"debtors?",
    r"repay\w*",
    r"bonds?",
    r"interest\s+(?:payments?|rates?)",
    (
        r"(?:foreign|external|overseas|commercial|syndicated|bridg(?:e|ing)|jumbo|bank|term)"
        r"\s+(?:loans?|credits?|borrowings?|debts?|financing|facilit(?:y|ies))"
        r"(?:\s+(?:agreements?|accords?|deals?|packages?|facilit(?:y|ies)|arrangements?))?"
    ),
    (
        r"(?:debt|reschedul\w+|refinanc\w+|restructur\w+|repayment|stand-?by)"
        r"\s+(?:agreements?|accords?|deals?|pacts?|packages?|arrangements?|facilit(?:y|ies))"
    ),
    # What a company adds to an economy is an estimate of impact, not a flow.
    r"economic\s+(?:impact|contributions?|value|output|activity|benefits?|gains?)",
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

TRADE_CONTEXT: Final = (
    r"\b(?:trad(?:e|es|ing|ed)|exports?|exported|exporting|imports?|imported|importing"
    r"|merchandise|commerce|shipments?)\b"
)
"""Words that make a bare "deficit" or "surplus" nearby a trade balance."""

NON_TRADE_CONTEXT: Final = (
    r"\b(?:budget\w*|fiscal(?!\s+(?:year|'?\d))|current[\s-]+accounts?|balance[\s-]+of[\s-]+payments"
    r"|revenues?|public\s+financ\w+|government\s+(?:spending|borrowing|financ\w+))\b"
)
"""Words that make a bare "deficit" or "surplus" in their clause a public-finance balance."""

LENDERS: Final = (
    r"\b(?:(?<!(?:central|development|food|blood|river|export-import|exim|reserve)\s+)banks"
    r"|(?:commercial|creditor|private|foreign|international|western|syndicated)\s+banks?"
    r"|bank\s+(?:creditors?|lenders?|syndicates?|consortium|consortia|advisory\s+committee)"
    r"|(?:commercial|private|bank|foreign)\s+(?:creditors?|lenders?)|lenders|syndicat\w+)\b"
)
"""Commercial lenders: an amount they lend or are asked for is debt, not aid or a deal."""

ECONOMY_TARGET: Final = (
    r"\b(?:to|into)\s+(?:the\s+|its\s+|their\s+|an?\s+)?"
    r"(?:(?:[A-Z][\w.-]*(?:'s|\u2019s)?|[\w-]+(?:'s|\u2019s)|digital|national|local|global|world"
    r"|domestic|overall|regional|wider|broader|rural|urban)\s+){0,3}"
    r"(?i:economy|economies|gdp|growth|output)\b"
)
"""Where a "contribution" goes when it is an economic impact, not a payment."""


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


# Cue words recur (exports, imports, trade, investment): their metric is kept.
@lru_cache(maxsize=4096)
def metric_of(word: str) -> str | None:
    """Return the metric a positive cue word signals.

    >>> metric_of("Exports"), metric_of("invested"), metric_of("surplus")
    ('exports', 'investment', 'surplus')
    """
    for pattern, metric in _metric_patterns():
        if pattern.fullmatch(word):
            return metric
    return None
