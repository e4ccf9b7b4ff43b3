"""bilatx: typed, cited records of bilateral relations from English news text.

>>> import bilatx
>>> result = bilatx.extract("Nothing happened.", published="2024-05-01")
>>> result.visits, result.meetings
((), ())
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from bilatx._hookimpl import hookimpl
from bilatx._manager import BUILTIN_PLUGINS, ENTRY_POINT_GROUP, PluginInfo, make_plugin_manager
from bilatx._merge import merge
from bilatx._pipeline import Pipeline, default_pipeline, extract, fallback_people
from bilatx._settings import DateOrder, Settings
from bilatx._types import (
    DateInterval,
    DateMention,
    DateValue,
    Document,
    DurationMention,
    Extraction,
    Granularity,
    Meeting,
    MeetingForm,
    Mention,
    Mentions,
    Money,
    MoneyBound,
    MoneyMention,
    Official,
    OfficialMention,
    PlaceKind,
    PlaceMention,
    PluginError,
    QuoteMention,
    Record,
    SectorMention,
    Source,
    Span,
    Statement,
    TradeFigure,
    TradeTrend,
    Visit,
    VisitStatus,
    parse_date_value,
)
from bilatx.errors import BilatxError, InputError, PluginContractError, PluginLoadError

if TYPE_CHECKING:
    from bilatx.dataframes import to_dataframes

    __version__: str

__all__ = [
    "BUILTIN_PLUGINS",
    "ENTRY_POINT_GROUP",
    "BilatxError",
    "DateInterval",
    "DateMention",
    "DateOrder",
    "DateValue",
    "Document",
    "DurationMention",
    "Extraction",
    "Granularity",
    "InputError",
    "Meeting",
    "MeetingForm",
    "Mention",
    "Mentions",
    "Money",
    "MoneyBound",
    "MoneyMention",
    "Official",
    "OfficialMention",
    "Pipeline",
    "PlaceKind",
    "PlaceMention",
    "PluginContractError",
    "PluginError",
    "PluginInfo",
    "PluginLoadError",
    "QuoteMention",
    "Record",
    "SectorMention",
    "Settings",
    "Source",
    "Span",
    "Statement",
    "TradeFigure",
    "TradeTrend",
    "Visit",
    "VisitStatus",
    "default_pipeline",
    "extract",
    "fallback_people",
    "hookimpl",
    "make_plugin_manager",
    "merge",
    "parse_date_value",
    "to_dataframes",
]


def __getattr__(name: str) -> Any:  # noqa: ANN401
    if name == "__version__":
        from importlib.metadata import PackageNotFoundError, version  # noqa: PLC0415

        try:
            return version("bilatx")
        except PackageNotFoundError:  # running from a source tree without metadata
            return "0+unknown"
    if name == "to_dataframes":
        # Lazy: bilatx.dataframes imports pandas only when to_dataframes is called.
        from bilatx.dataframes import to_dataframes  # noqa: PLC0415

        return to_dataframes
    msg = f"module 'bilatx' has no attribute {name!r}"
    raise AttributeError(msg)
