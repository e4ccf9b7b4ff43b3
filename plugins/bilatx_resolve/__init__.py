"""Built-in resolution: overlaps, conflicts and linking officials (skeleton)."""

from __future__ import annotations

import attrs

import bilatx

NAME = "resolve"


@bilatx.hookimpl(trylast=True)
def bilatx_resolve_mentions(mentions: bilatx.Mentions) -> bilatx.Mentions:
    """Link official mentions by surname."""
    return attrs.evolve(mentions, people=bilatx.fallback_people(mentions.officials))
