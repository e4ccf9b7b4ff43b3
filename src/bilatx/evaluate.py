"""Scoring extractions against gold annotations (``bilatx eval``).

Both files are JSON Lines in the gold annotation format; bilatx output is a
superset of it, so an output file can be scored as it is. Each field is scored
per document on the keys the format defines, and true positives, false
positives and false negatives are summed over documents into micro precision,
recall and F1:

================  ==============================================================
field             key (and attributes scored on matched items)
================  ==============================================================
dates             the ``value`` string; null values are not scored
money             ``(currency, low, high)``, amounts equal within 0.1 %
officials         the surname, folded (country, title)
sectors           the id
visits            ``(visitor surname, host)`` (start, end)
meetings          each unordered pair of participants (date)
statements        speaker and >= 50 % of the longer quote's tokens (channel)
trade_figures     as money (period, partners)
================  ==============================================================

Before scoring, the people a prediction names are mapped onto the gold
document's surnames when the names make the match unambiguous ("bin Salman"
against gold "Salman"), so that naming conventions are not scored as errors.
"""

from __future__ import annotations

import json
import math
import re
import unicodedata
from collections import Counter
from typing import TYPE_CHECKING, Any, Final, TextIO

import attrs

from bilatx.errors import InputError

if TYPE_CHECKING:
    from collections.abc import Callable, Iterable, Mapping

__all__ = ["FIELDS", "FieldScore", "Report", "load_jsonl", "print_report", "score"]

FIELDS: Final = (
    "dates",
    "money",
    "officials",
    "sectors",
    "visits",
    "meetings",
    "statements",
    "trade_figures",
)
_ATTRIBUTES: Final[Mapping[str, tuple[str, ...]]] = {
    "dates": (),
    "money": (),
    "officials": ("country", "title"),
    "sectors": (),
    "visits": ("start", "end"),
    "meetings": ("date",),
    "statements": ("channel",),
    "trade_figures": ("period", "partners"),
}
_TOLERANCE: Final = 0.001
_QUOTE_SHARE: Final = 0.5

# ------------------------------------------------------------- normalising


def _fold(value: object) -> str | None:
    if value is None:
        return None
    text = unicodedata.normalize("NFKD", str(value))
    text = "".join(c for c in text if not unicodedata.combining(c)).casefold()
    return re.sub(r"\s+", " ", text).strip()


def _person(value: object) -> str | None:
    text = _fold(value)
    if text is None:
        return None
    text = re.sub(r"^\W+|\W+$", "", text.replace("\u2019", "'"))
    return text or None


def _code(value: object) -> str | None:
    if value is None:
        return None
    text = str(value).strip().upper()
    return text or None


def _iso(value: object) -> str | None:
    if value is None:
        return None
    text = str(value).strip()
    return text or None


def _amount(value: object) -> float | None:
    if value is None or isinstance(value, bool):
        return None
    if isinstance(value, (int, float)):
        number = float(value)
        return None if math.isnan(number) else number
    try:
        return float(str(value).replace(",", "").strip())
    except ValueError:
        return None


def _tokens(value: object) -> list[str]:
    if not value:
        return []
    return re.findall(r"\w+", _fold(value) or "")


def _words(value: object) -> frozenset[str]:
    name = _person(value)
    return frozenset(re.findall(r"\w+", name)) if name else frozenset()


MoneyKey = tuple[str | None, float | None, float | None]


def _close(a: float | None, b: float | None) -> bool:
    if a is None or b is None:
        return a is None and b is None
    return a == b or abs(a - b) <= _TOLERANCE * max(abs(a), abs(b))


def _money_close(a: MoneyKey, b: MoneyKey) -> bool:
    return a[0] == b[0] and _close(a[1], b[1]) and _close(a[2], b[2])


def _money_distance(a: MoneyKey, b: MoneyKey) -> float:
    total = 0.0
    for x, y in ((a[1], b[1]), (a[2], b[2])):
        if x is not None and y is not None and max(abs(x), abs(y)) > 0:
            total += abs(x - y) / max(abs(x), abs(y))
    return total


# ------------------------------------------------------------------- units


@attrs.define
class _Unit:
    """One scored item: its key, the attribute values seen with it, a label."""

    key: Any
    label: str
    attrs: dict[str, set[Any]] = attrs.field(factory=dict)

    def add(self, values: Mapping[str, Any]) -> None:
        for name, value in values.items():
            self.attrs.setdefault(name, set()).add(value)


def _items(value: object) -> list[dict[str, Any]]:
    if not isinstance(value, list):
        return []
    return [x for x in value if isinstance(x, dict)]


def _exact(table: dict[Any, _Unit], key: object, label: str, values: Mapping[str, Any]) -> None:
    unit = table.get(key)
    if unit is None:
        unit = table[key] = _Unit(key=key, label=label, attrs={name: set() for name in values})
    unit.add(values)


def _date_units(items: object) -> dict[Any, _Unit]:
    table: dict[Any, _Unit] = {}
    for item in items if isinstance(items, list) else []:
        value = _iso(item.get("value")) if isinstance(item, dict) else _iso(item)
        if value is not None:
            _exact(table, value, value, {})
    return table


def _sector_units(items: object) -> dict[Any, _Unit]:
    table: dict[Any, _Unit] = {}
    for item in items if isinstance(items, list) else []:
        raw = (
            item if isinstance(item, str) else (item.get("id") if isinstance(item, dict) else None)
        )
        sector = _fold(raw)
        if sector:
            _exact(table, sector, sector, {})
    return table


def _official_units(items: object) -> dict[Any, _Unit]:
    table: dict[Any, _Unit] = {}
    for item in _items(items):
        surname = _person(item.get("surname"))
        if surname:
            _exact(
                table,
                surname,
                surname,
                {"country": _code(item.get("country")), "title": _fold(item.get("title"))},
            )
    return table


def _visit_units(items: object) -> dict[Any, _Unit]:
    table: dict[Any, _Unit] = {}
    for item in _items(items):
        visitor = _person(item.get("visitor"))
        if visitor:
            key = (visitor, _code(item.get("host")))
            _exact(
                table,
                key,
                f"{visitor}->{key[1]}",
                {"start": _iso(item.get("start")), "end": _iso(item.get("end"))},
            )
    return table


def _meeting_units(items: object) -> dict[Any, _Unit]:
    table: dict[Any, _Unit] = {}
    for item in _items(items):
        names = sorted({n for n in (_person(p) for p in item.get("participants") or []) if n})
        date = _iso(item.get("date"))
        for i, first in enumerate(names):
            for second in names[i + 1 :]:
                _exact(table, (first, second), f"{first}+{second}", {"date": date})
    return table


def _fmt(number: float | None) -> str:
    if number is None:
        return "null"
    return f"{int(number):,}" if number == int(number) else f"{number:,.3f}"


def _money_units(items: object, *, trade: bool) -> list[_Unit]:
    units: list[_Unit] = []
    for item in _items(items):
        key: MoneyKey = (
            _code(item.get("currency")),
            _amount(item.get("low")),
            _amount(item.get("high")),
        )
        if key[1] is None and key[2] is None:
            continue
        values: dict[str, Any] = {}
        if trade:
            partners = item.get("partners")
            values = {
                "period": _iso(item.get("period")),
                "partners": tuple(sorted({c for c in (_code(p) for p in partners) if c}))
                if isinstance(partners, list)
                else None,
            }
        for unit in units:
            if _money_close(unit.key, key):
                unit.add(values)
                break
        else:
            unit = _Unit(key=key, label=f"{key[0]} {_fmt(key[1])}..{_fmt(key[2])}")
            unit.add(values)
            units.append(unit)
    return units


def _statement_units(items: object) -> list[_Unit]:
    units: list[_Unit] = []
    seen: set[tuple[str, tuple[str, ...]]] = set()
    for item in _items(items):
        speaker = _person(item.get("speaker"))
        tokens = _tokens(item.get("quote"))
        if not speaker or not tokens or (speaker, tuple(tokens)) in seen:
            continue
        seen.add((speaker, tuple(tokens)))
        text = " ".join(tokens)
        short = text[:60] + ("..." if len(text) > 60 else "")  # noqa: PLR2004
        unit = _Unit(key=(speaker, tokens), label=f'{speaker}: "{short}"')
        unit.add({"channel": _fold(item.get("channel"))})
        units.append(unit)
    return units


_EXACT: Final[Mapping[str, Callable[[object], dict[Any, _Unit]]]] = {
    "dates": _date_units,
    "sectors": _sector_units,
    "officials": _official_units,
    "visits": _visit_units,
    "meetings": _meeting_units,
}


def _share(a: list[str], b: list[str]) -> float:
    longer = max(len(a), len(b))
    if not longer:
        return 0.0
    return sum((Counter(a) & Counter(b)).values()) / longer


def _match(
    field: str, gold: list[_Unit], pred: list[_Unit]
) -> tuple[list[tuple[_Unit, _Unit]], list[_Unit], list[_Unit]]:
    """Greedy one-to-one matching, closest candidates first."""
    candidates: list[tuple[float, int, int]] = []
    for gi, g in enumerate(gold):
        for pi, p in enumerate(pred):
            if field == "statements":
                if g.key[0] == p.key[0]:
                    share = _share(g.key[1], p.key[1])
                    if share + 1e-12 >= _QUOTE_SHARE:
                        candidates.append((-share, gi, pi))
            elif _money_close(g.key, p.key):
                candidates.append((_money_distance(g.key, p.key), gi, pi))
    candidates.sort()
    used_gold: set[int] = set()
    used_pred: set[int] = set()
    pairs = []
    for _, gi, pi in candidates:
        if gi in used_gold or pi in used_pred:
            continue
        used_gold.add(gi)
        used_pred.add(pi)
        pairs.append((gold[gi], pred[pi]))
    missed = [g for i, g in enumerate(gold) if i not in used_gold]
    extra = [p for i, p in enumerate(pred) if i not in used_pred]
    return pairs, missed, extra


def _score_field(
    field: str, gold_items: object, pred_items: object
) -> tuple[list[tuple[_Unit, _Unit]], list[_Unit], list[_Unit]]:
    if field in _EXACT:
        g = _EXACT[field](gold_items)
        p = _EXACT[field](pred_items)
        pairs = [(g[k], p[k]) for k in g if k in p]
        return pairs, [g[k] for k in g if k not in p], [p[k] for k in p if k not in g]
    if field == "statements":
        return _match(field, _statement_units(gold_items), _statement_units(pred_items))
    trade = field == "trade_figures"
    return _match(
        field, _money_units(gold_items, trade=trade), _money_units(pred_items, trade=trade)
    )


# ------------------------------------------------------------------ people


def _canonicaliser(
    gold_doc: Mapping[str, Any], pred_doc: Mapping[str, Any]
) -> Callable[..., str | None]:
    """Map a predicted person reference onto a gold surname when unambiguous."""
    people = []
    for item in _items(gold_doc.get("officials")):
        surname = _person(item.get("surname"))
        if surname:
            people.append((surname, _words(item.get("name")) | _words(surname)))
    surnames = {s for s, _ in people}
    full_names: dict[str, set[str]] = {}
    for item in _items(pred_doc.get("officials")):
        surname = _person(item.get("surname"))
        if surname and item.get("name"):
            full_names.setdefault(surname, set()).update(_words(item.get("name")))

    def only(hits: set[str]) -> str | None:
        return next(iter(hits)) if len(hits) == 1 else None

    def canon(ref: object, name: object = None) -> str | None:
        ref_norm = _person(ref)
        name_words = _words(name) if name else frozenset()
        if len(name_words) > 1:
            hit = only({s for s, words in people if words == name_words})
            if hit:
                return hit
        if ref_norm is None or ref_norm in surnames:
            return ref_norm
        ref_words = _words(ref_norm)
        hit = only({s for s, words in people if ref_words and ref_words <= words})
        if hit:
            return hit
        known = full_names.get(ref_norm, set()) | ref_words
        hit = only({s for s, _ in people if _words(s) <= known})
        return hit or ref_norm

    return canon


def _canonical(gold_doc: Mapping[str, Any], pred_doc: Mapping[str, Any]) -> dict[str, Any]:
    canon = _canonicaliser(gold_doc, pred_doc)
    out = dict(pred_doc)

    def remap(field: str, fix: Callable[[dict[str, Any]], dict[str, Any]]) -> None:
        value = pred_doc.get(field)
        if isinstance(value, list):
            out[field] = [fix(item) if isinstance(item, dict) else item for item in value]

    remap("officials", lambda i: {**i, "surname": canon(i.get("surname"), i.get("name"))})
    remap("visits", lambda i: {**i, "visitor": canon(i.get("visitor"))})
    remap(
        "meetings",
        lambda i: {**i, "participants": [canon(p) for p in (i.get("participants") or [])]},
    )
    remap("statements", lambda i: {**i, "speaker": canon(i.get("speaker"))})
    return out


# ----------------------------------------------------------------- scoring


@attrs.frozen(kw_only=True)
class FieldScore:
    """Micro precision, recall and F1 of one field, with attribute accuracies."""

    field: str
    predicted: bool
    tp: int = 0
    fp: int = 0
    fn: int = 0
    docs_scored: int = 0
    pred_missing_docs: int = 0
    attributes: Mapping[str, tuple[int, int]] = attrs.field(factory=dict)
    """Attribute name -> (correct, matched)."""

    @property
    def precision(self) -> float | None:
        """TP / (TP + FP), or ``None`` when undefined."""
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else None

    @property
    def recall(self) -> float | None:
        """TP / (TP + FN), or ``None`` when undefined."""
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else None

    @property
    def f1(self) -> float | None:
        """2TP / (2TP + FP + FN), or ``None`` when undefined."""
        denominator = 2 * self.tp + self.fp + self.fn
        return 2 * self.tp / denominator if denominator else None

    def to_dict(self) -> dict[str, Any]:
        """Return the JSON form (the reference scorer's ``--json`` shape)."""
        if not self.predicted:
            return {"predicted": False, "status": "not predicted"}
        out: dict[str, Any] = {
            "predicted": True,
            "tp": self.tp,
            "fp": self.fp,
            "fn": self.fn,
            "precision": self.precision,
            "recall": self.recall,
            "f1": self.f1,
            "docs_scored": self.docs_scored,
            "pred_missing_docs": self.pred_missing_docs,
        }
        if self.attributes:
            out["attributes"] = {
                name: {"correct": c, "matched": n, "accuracy": c / n if n else None}
                for name, (c, n) in self.attributes.items()
            }
        return out


@attrs.frozen(kw_only=True)
class DocErrors:
    """One document's false positives, false negatives and attribute errors for a field."""

    id: str
    tp: int
    fp: tuple[str, ...]
    fn: tuple[str, ...]
    attr_errors: tuple[tuple[str, str, tuple[str, ...], tuple[str, ...]], ...]


@attrs.frozen(kw_only=True)
class Report:
    """The result of :func:`score`."""

    gold_docs: int
    pred_docs: int
    missing_from_pred: tuple[str, ...]
    extra_in_pred: tuple[str, ...]
    fields: Mapping[str, FieldScore]
    per_doc_field: str | None = None
    per_doc: tuple[DocErrors, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        """Return the JSON form (the reference scorer's ``--json`` shape)."""
        out: dict[str, Any] = {
            "docs": {
                "gold": self.gold_docs,
                "pred": self.pred_docs,
                "missing_from_pred": list(self.missing_from_pred),
                "extra_in_pred": list(self.extra_in_pred),
            },
            "fields": {name: f.to_dict() for name, f in self.fields.items()},
        }
        if self.per_doc_field:
            out["per_doc"] = {
                "field": self.per_doc_field,
                "docs": [
                    {
                        "id": d.id,
                        "tp": d.tp,
                        "fp": list(d.fp),
                        "fn": list(d.fn),
                        "attr_errors": [[k, a, list(g), list(p)] for k, a, g, p in d.attr_errors],
                    }
                    for d in self.per_doc
                ],
            }
        return out


def score(
    gold: Mapping[str, Mapping[str, Any]],
    pred: Mapping[str, Mapping[str, Any]],
    fields: Iterable[str] = FIELDS,
    per_doc: str | None = None,
) -> Report:
    """Score predicted documents against gold documents, both keyed by id.

    A gold document missing from ``pred`` counts as an empty prediction. A
    field missing from a gold document is not scored for that document; a
    field missing from every predicted document is reported as not predicted.

    Args:
        gold: gold documents by id.
        pred: predicted documents by id (bilatx output or the gold format).
        fields: the fields to score.
        per_doc: a field whose per-document errors the report should list.
    """
    fields = list(fields)
    unknown = [f for f in fields if f not in FIELDS]
    if per_doc is not None and per_doc not in FIELDS:
        unknown.append(per_doc)
    if unknown:
        msg = f"unknown field(s) {', '.join(unknown)}; known: {', '.join(FIELDS)}"
        raise ValueError(msg)
    if per_doc and per_doc not in fields:
        fields.append(per_doc)
    canonical = {i: (_canonical(gold[i], d) if i in gold else dict(d)) for i, d in pred.items()}
    results: dict[str, FieldScore] = {}
    details: list[DocErrors] = []
    for field in fields:
        if not any(field in canonical[i] for i in canonical if i in gold):
            results[field] = FieldScore(field=field, predicted=False)
            continue
        tp = fp = fn = scored = missing = 0
        attr_totals = {name: [0, 0] for name in _ATTRIBUTES[field]}
        for doc_id, gold_doc in gold.items():
            if field not in gold_doc:
                continue
            scored += 1
            pred_doc = canonical.get(doc_id)
            if pred_doc is not None and field not in pred_doc:
                missing += 1
            pairs, missed, extra = _score_field(
                field, gold_doc.get(field) or [], (pred_doc or {}).get(field) or []
            )
            tp += len(pairs)
            fp += len(extra)
            fn += len(missed)
            wrong = []
            for g, p in pairs:
                for name in _ATTRIBUTES[field]:
                    gv = g.attrs.get(name, {None})
                    pv = p.attrs.get(name, {None})
                    ok = bool(gv & pv)
                    attr_totals[name][0] += ok
                    attr_totals[name][1] += 1
                    if not ok:
                        wrong.append(
                            (
                                g.label,
                                name,
                                tuple(sorted(map(str, gv))),
                                tuple(sorted(map(str, pv))),
                            )
                        )
            if per_doc == field:
                details.append(
                    DocErrors(
                        id=doc_id,
                        tp=len(pairs),
                        fp=tuple(u.label for u in extra),
                        fn=tuple(u.label for u in missed),
                        attr_errors=tuple(wrong),
                    )
                )
        results[field] = FieldScore(
            field=field,
            predicted=True,
            tp=tp,
            fp=fp,
            fn=fn,
            docs_scored=scored,
            pred_missing_docs=missing,
            attributes={name: (c, n) for name, (c, n) in attr_totals.items()},
        )
    return Report(
        gold_docs=len(gold),
        pred_docs=len(pred),
        missing_from_pred=tuple(sorted(i for i in gold if i not in pred)),
        extra_in_pred=tuple(sorted(i for i in pred if i not in gold)),
        fields=results,
        per_doc_field=per_doc,
        per_doc=tuple(details),
    )


def load_jsonl(
    path: str, *, warn: Callable[[str], None] | None = None
) -> dict[str, dict[str, Any]]:
    """Read a JSON Lines file of documents keyed by ``id``.

    Raises:
        InputError: the file cannot be read, a line is not JSON, or a line is
            not an object with an ``id``.
    """
    docs: dict[str, dict[str, Any]] = {}
    try:
        handle = open(path, encoding="utf-8")  # noqa: SIM115, PTH123
    except OSError as exc:
        raise InputError(exc.strerror or str(exc), path=path) from None
    with handle:
        try:
            for number, line in enumerate(handle, 1):
                stripped = line.strip()
                if not stripped:
                    continue
                try:
                    obj = json.loads(stripped)
                except json.JSONDecodeError as exc:
                    msg = f"invalid JSON: {exc.msg} (column {exc.colno})"
                    raise InputError(msg, path=path, line=number) from None
                if not isinstance(obj, dict) or "id" not in obj:
                    msg = "not a JSON object with an 'id'"
                    raise InputError(msg, path=path, line=number)
                doc_id = str(obj["id"])
                if doc_id in docs and warn is not None:
                    warn(f"{path}:{number}: duplicate id {doc_id!r}, keeping the last")
                docs[doc_id] = obj
        except UnicodeDecodeError as exc:
            msg = f"not UTF-8 (byte {exc.start} of a line: {exc.reason})"
            raise InputError(msg, path=path) from None
    return docs


def _pct(value: float | None) -> str:
    return "   -  " if value is None else f"{value:6.3f}"


def print_report(report: Report, out: TextIO) -> None:
    """Print the report as a table, in the reference scorer's layout."""
    print(
        f"gold docs: {report.gold_docs}  pred docs: {report.pred_docs}  "
        f"missing from pred (empty): {len(report.missing_from_pred)}  "
        f"extra in pred (ignored): {len(report.extra_in_pred)}",
        file=out,
    )
    print(
        f"{'field':<14} {'P':>6} {'R':>6} {'F1':>6} {'TP':>5} {'FP':>5} {'FN':>5}  attributes",
        file=out,
    )
    print("-" * 78, file=out)
    for name, f in report.fields.items():
        if not f.predicted:
            print(f"{name:<14} {'not predicted':>20}", file=out)
            continue
        attributes = ""
        for attr, (correct, matched) in f.attributes.items():
            accuracy = f"{correct / matched:.2f}" if matched else "-"
            attributes += f"{attr}={accuracy} ({correct}/{matched})  "
        extra = (
            f"  [field absent in {f.pred_missing_docs} pred docs]" if f.pred_missing_docs else ""
        )
        print(
            f"{name:<14} {_pct(f.precision)} {_pct(f.recall)} {_pct(f.f1)} "
            f"{f.tp:5d} {f.fp:5d} {f.fn:5d}  {attributes}{extra}",
            file=out,
        )
    if report.per_doc_field:
        print(f"\nper-document errors for {report.per_doc_field}:", file=out)
        for doc in report.per_doc:
            if not doc.fp and not doc.fn and not doc.attr_errors:
                print(f"  {doc.id}: TP={doc.tp} (no errors)", file=out)
                continue
            print(f"  {doc.id}: TP={doc.tp} FP={len(doc.fp)} FN={len(doc.fn)}", file=out)
            for label in doc.fp:
                print(f"      FP  {label}", file=out)
            for label in doc.fn:
                print(f"      FN  {label}", file=out)
            for key, attr, g, p in doc.attr_errors:
                print(f"      ATTR {key} {attr}: gold={list(g)} pred={list(p)}", file=out)
