"""bilatx-example: find the ambassadors a text names ("Ambassador Lena Voss")."""

from __future__ import annotations

import re

import bilatx

# Only initials and "Dr." take a point inside a name: "Voss. The" ends a sentence.
_AMBASSADOR = re.compile(r"\bAmbassador ((?:(?:[A-Z]\.|Dr\.|[A-Z][a-z]+) )*[A-Z][a-z]+)")


@bilatx.hookimpl
def bilatx_extract_officials(doc: bilatx.Document) -> list[bilatx.OfficialMention]:
    """Return a mention for every "Ambassador <Name>" in the text."""
    return [
        bilatx.OfficialMention(
            span=bilatx.Span(*match.span(1)),
            text=match[1],
            name=match[1],
            surname=match[1].split()[-1],
            title="Ambassador",
            extractor="bilatx-example",
        )
        for match in _AMBASSADOR.finditer(doc.text)
    ]
