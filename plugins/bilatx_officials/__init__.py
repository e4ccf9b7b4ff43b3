"""Built-in officials extractor: people holding public office, with title and country.

Every occurrence is returned as its own :class:`bilatx.OfficialMention`: the
titled first mention ("Russian Deputy Prime Minister Denis Manturov") and the
later short ones ("Manturov", "Mr. Manturov"); the resolution step links them
into one :class:`bilatx.Official`. The titles gazetteer, abbreviations,
honorifics and name conventions are data files in ``data/``.

A mention's ``rule`` names the pattern that found it (``title-name``,
``title-comma-name``, ``name-title``, ``role-apposition``, ``counterpart``,
``plural-title``, ``surname``, ``honorific-surname``, ``name`` for a full
name written again) and, after ``;country=``,
where its country came from: ``qualifier`` ("Russian ...", "India's ..."),
``of`` ("... of Japan"), ``region`` ("Alberta Premier"), ``agency`` ("NASA
Administrator"), ``party`` ("Democratic Senator"), ``group`` ("the Nigerian
team, headed by ...") or ``implied`` (a title only one country uses, such as
"External Affairs Minister").
"""

from __future__ import annotations

import bilatx
from bilatx_officials._extract import find_officials

NAME = "officials"


@bilatx.hookimpl
def bilatx_extract_officials(doc: bilatx.Document) -> list[bilatx.OfficialMention]:
    """Return every mention of a public office-holder in ``doc``."""
    return find_officials(doc)
