"""Run bilatx over Dask collections, for corpora larger than one machine.

Needs the optional extra ``bilatx[dask]`` (``pip install 'bilatx[dask]'``).
Importing bilatx never imports Dask; importing this module does.

Dask does the distribution (partitions, scheduling, retries, spilling); bilatx
contributes one function per partition. The pipeline travels to the workers as
a small recipe (its settings, its plugins by import name, the names it blocks)
and is built once per worker process, then reused for every partition.

>>> import dask.bag as db
>>> import bilatx.dask
>>> docs = db.from_sequence(
...     [{"id": "n1", "text": "Nothing happened.", "published": "2024-05-01"},
...      {"id": "n2", "published": "2024-05-02"}],
...     npartitions=1,
... )
>>> results = bilatx.dask.extract_bag(docs).compute(scheduler="sync")
>>> [(r["id"], r.get("error")) for r in results]
[('n1', None), ('n2', "missing 'text'")]

Limits: ``Settings.plugin_timeout`` is enforced only in a process's main
thread, and Dask runs tasks in worker threads, so on Dask only the regex
timeout applies (see :doc:`reliability`); a worker process that dies is
retried by Dask itself (its ``allowed-failures`` setting).
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any, Final, Literal

from bilatx._io import document_from_mapping
from bilatx._pipeline import Pipeline, default_pipeline
from bilatx._types import Document, Extraction
from bilatx.errors import BilatxError, InputError

if TYPE_CHECKING:
    from collections.abc import Iterable

    import dask.bag
    import dask.dataframe
    import pandas as pd

__all__ = ["FRAME_COLUMNS", "extract_bag", "extract_dataframe"]

OnError = Literal["record", "raise"]

FRAME_COLUMNS: Final = (
    "id",
    "extraction",
    "error",
    "visits",
    "meetings",
    "statements",
    "trade_figures",
    "plugin_errors",
)
"""Columns of :func:`extract_dataframe`: the id, the extraction as JSON (the
``bilatx extract`` output line), the error of a row that could not be read
(else missing), counts of each record kind, and how many plugin failures the
lenient pipeline recorded."""


def _document(item: object) -> Document:
    if isinstance(item, Document):
        return item
    if isinstance(item, str):
        return Document(text=item)
    return document_from_mapping(item)


def _error_item(item: object, exc: BilatxError) -> dict[str, Any]:
    doc_id = exc.doc_id if isinstance(exc, InputError) else None
    if doc_id is None and isinstance(item, Document):
        doc_id = item.id
    message = exc.message if isinstance(exc, InputError) else str(exc)
    return {"id": doc_id, "error": message}


def _extract_partition(
    items: Iterable[object],
    pipeline: Pipeline | None,
    include_text: bool,  # noqa: FBT001  (positional: Dask passes it through)
    as_dicts: bool,  # noqa: FBT001
    on_error: OnError,
) -> list[Any]:
    runner = pipeline if pipeline is not None else default_pipeline()
    out: list[Any] = []
    for item in items:
        try:
            ex = runner.extract(_document(item))
        except BilatxError as exc:
            if on_error == "raise":
                raise
            out.append(_error_item(item, exc))
            continue
        out.append(ex.to_dict(include_text=include_text) if as_dicts else ex)
    return out


def extract_bag(
    bag: dask.bag.Bag,
    *,
    pipeline: Pipeline | None = None,
    include_text: bool = False,
    as_dicts: bool = True,
    on_error: OnError = "record",
) -> dask.bag.Bag:
    """Extract from every document of a Dask bag; return a bag of results in the same order.

    Args:
        bag: items that are ``{"id", "text", "published", ...}`` dicts (as
            ``bilatx extract --jsonl`` reads; other keys become metadata),
            plain strings, or :class:`~bilatx.Document` s. Read JSONL files
            with ``dask.bag.read_text(...).map(json.loads)``.
        pipeline: the pipeline to run (default: the default pipeline, built on
            each worker); it must be picklable, as any pipeline whose plugins
            are modules or module-level classes is.
        include_text: keep each document's text in the result dicts.
        as_dicts: give the JSON-ready dict of each extraction (the default, and
            what ``bag.map(json.dumps).to_textfiles(...)`` writes as JSONL), or
            :class:`~bilatx.Extraction` objects.
        on_error: ``"record"`` gives ``{"id", "error"}`` in place of a document
            that cannot be read (missing text, invalid date) or, in strict mode,
            on which a plugin failed; ``"raise"`` fails the task instead.

    Returns:
        A lazy bag; nothing runs until it is computed or written.
    """
    if on_error not in ("record", "raise"):
        msg = f"on_error must be 'record' or 'raise', not {on_error!r}"
        raise ValueError(msg)
    result: dask.bag.Bag = bag.map_partitions(  # type: ignore[no-untyped-call]
        _extract_partition, pipeline, include_text, as_dicts, on_error
    )
    return result


def _frame_meta() -> pd.DataFrame:
    import pandas as pd  # noqa: PLC0415

    return pd.DataFrame(
        {
            "id": pd.Series([], dtype=object),
            "extraction": pd.Series([], dtype=object),
            "error": pd.Series([], dtype=object),
            **{c: pd.Series([], dtype="int64") for c in FRAME_COLUMNS[3:]},
        }
    )


def _extract_frame(
    frame: pd.DataFrame,
    pipeline: Pipeline | None,
    columns: tuple[str, str, str],
    include_text: bool,  # noqa: FBT001
) -> pd.DataFrame:
    import pandas as pd  # noqa: PLC0415

    text_col, id_col, published_col = columns
    runner = pipeline if pipeline is not None else default_pipeline()
    rows: dict[str, list[Any]] = {c: [] for c in FRAME_COLUMNS}
    for record in frame.to_dict(orient="records"):
        item: dict[str, Any] = {}
        if not _missing(record.get(text_col)):
            item["text"] = record[text_col]
        raw_id = record.get(id_col) if id_col in record else None
        item["id"] = None if _missing(raw_id) else raw_id
        published = record.get(published_col) if published_col in record else None
        item["published"] = _iso(published)
        counts = dict.fromkeys(FRAME_COLUMNS[3:], 0)
        ex: Extraction | None = None
        error: str | None = None
        try:
            ex = runner.extract(document_from_mapping(item))
        except BilatxError as exc:
            error = exc.message if isinstance(exc, InputError) else str(exc)
        if ex is not None:
            counts.update(
                visits=len(ex.visits),
                meetings=len(ex.meetings),
                statements=len(ex.statements),
                trade_figures=len(ex.trade_figures),
                plugin_errors=len(ex.errors),
            )
        rows["id"].append(None if item["id"] is None else str(item["id"]))
        rows["extraction"].append(None if ex is None else ex.to_json(include_text=include_text))
        rows["error"].append(error)
        for column, count in counts.items():
            rows[column].append(count)
    return pd.DataFrame(
        {
            "id": pd.Series(rows["id"], dtype=object, index=frame.index),
            "extraction": pd.Series(rows["extraction"], dtype=object, index=frame.index),
            "error": pd.Series(rows["error"], dtype=object, index=frame.index),
            **{c: pd.Series(rows[c], dtype="int64", index=frame.index) for c in FRAME_COLUMNS[3:]},
        }
    )


def _missing(value: object) -> bool:
    try:
        import pandas as pd  # noqa: PLC0415

        return bool(pd.isna(value))
    except (TypeError, ValueError):
        return False


def _iso(value: object) -> object:
    """Dates in a dataframe come as strings, datetimes or timestamps; give the ISO date."""
    if value is None or _missing(value):
        return None
    if isinstance(value, str):
        # Dask may have turned timestamps into strings ("2024-05-29 00:00:00").
        try:
            return dt.datetime.fromisoformat(value.strip()).date().isoformat()
        except ValueError:
            return value  # reported as an invalid date, with the row's id
    date = getattr(value, "date", None)
    if callable(date):
        return date().isoformat()
    isoformat = getattr(value, "isoformat", None)
    if callable(isoformat):
        return isoformat()
    return value


def extract_dataframe(
    frame: dask.dataframe.DataFrame,
    *,
    text: str = "text",
    id: str = "id",  # noqa: A002  (the column's name, as in the JSONL input)
    published: str = "published",
    pipeline: Pipeline | None = None,
    include_text: bool = False,
) -> dask.dataframe.DataFrame:
    """Extract from each row of a Dask dataframe of articles; one result row per input row.

    Args:
        frame: a dataframe with a text column, and optionally id and
            publication-date columns (ISO strings, dates or timestamps).
        text: the name of the text column.
        id: the name of the id column (missing: no ids).
        published: the name of the publication-date column (missing: no dates).
        pipeline: the pipeline to run (default: the default pipeline).
        include_text: keep the text inside the ``extraction`` JSON.

    Returns:
        A lazy dataframe with the input's index and the columns
        :data:`FRAME_COLUMNS`. A row that cannot be read (no text, an invalid
        date) has an ``error`` and no ``extraction``; other rows go on.
    """
    result: dask.dataframe.DataFrame = frame.map_partitions(  # type: ignore[no-untyped-call]
        _extract_frame,
        pipeline,
        (text, id, published),
        include_text,
        meta=_frame_meta(),
    )
    return result
