"""Pipeline settings: one frozen value passed to every hook."""

from __future__ import annotations

import enum

import attrs

__all__ = ["DateOrder", "Settings"]


class DateOrder(str, enum.Enum):
    """How to read an all-numeric date such as ``12/05/2023``."""

    DAY_FIRST = "DMY"
    MONTH_FIRST = "MDY"


@attrs.frozen(kw_only=True)
class Settings:
    """Options every plugin receives as the ``settings`` hook argument.

    Settings are frozen: derive a changed copy with :func:`attrs.evolve`.
    """

    strict: bool = False
    """Raise :class:`~bilatx.PluginContractError` on the first plugin failure
    instead of recording it in :attr:`Extraction.errors`."""
    date_order: DateOrder | None = attrs.field(
        default=None, converter=attrs.converters.optional(DateOrder)
    )
    """How to read numeric dates; ``None`` leaves them unresolved (they are ambiguous)."""
    regex_timeout: float = attrs.field(default=5.0, validator=attrs.validators.gt(0))
    """Seconds any single pattern search may take before it is abandoned as pathological."""
    plugin_timeout: float | None = attrs.field(default=None)
    """Seconds one plugin may spend on one document before it is reported as too slow.
    ``None`` sets no limit. Enforced only in the main thread of a process."""
