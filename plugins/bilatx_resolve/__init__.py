"""Built-in resolution: overlaps, conflicts, and linking official mentions into people.

This is the built-in ``bilatx_resolve_mentions`` implementation, registered
``trylast`` so any plugin can replace it. It

* keeps one official mention per stretch of text and drops cities that are
  part of a person's name ("Austin" in "Lloyd J. Austin III");
* adds well-known office-holders the text names without a title
  ("Narendra Modi had planned ...", from ``data/people.json``);
* links mentions of the same person ("Dr. S. Jaishankar", "EAM Jaishankar",
  "Jaishankar") into one :class:`bilatx.Official` with every span, so that
  :meth:`bilatx.Mentions.person_at` finds the person from any of them;
* settles each person's name (the fullest), title (that of the fullest
  mention) and country (what the mentions say, else a title only one country
  uses, a well-known office-holder, or the document's context: see
  ``_country``);
* links "the Secretary" or "the minister" to the one person holding that
  office, when only one does;
* drops sector words inside an office ("Minister of Energy and Mines
  Alfredo del Mazo" names an official, not cooperation in energy).
"""

from __future__ import annotations

import attrs

import bilatx
from bilatx_resolve._known import find_known
from bilatx_resolve._link import link_people, offices_are_no_sectors, settle_overlaps

NAME = "resolve"


@bilatx.hookimpl(trylast=True)
def bilatx_resolve_mentions(doc: bilatx.Document, mentions: bilatx.Mentions) -> bilatx.Mentions:
    """Settle overlaps and link every official mention to exactly one person."""
    officials, places = settle_overlaps(mentions.officials, mentions.places)
    known = find_known(doc, officials)
    if known:
        officials = sorted([*officials, *known], key=lambda m: (m.span.start, m.span.end))
    people = link_people(doc, officials, places)
    sectors = offices_are_no_sectors(mentions.sectors, officials)
    return attrs.evolve(
        mentions, officials=officials, places=places, people=people, sectors=sectors
    )
