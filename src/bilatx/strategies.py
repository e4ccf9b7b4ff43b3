"""Hypothesis strategies for bilatx types and texts (needs ``bilatx[testing]``).

The full set of strategies is being written; this module already registers the
hypothesis entry point so that importing hypothesis works.
"""

from __future__ import annotations


def _hypothesis_setup_hook() -> None:
    """Register bilatx types with hypothesis (run by hypothesis's entry point)."""


__all__: list[str] = []
