"""The resolve plugin tested as a plugin author would: with bilatx.testing and bilatx.strategies.

Resolution needs mentions to work on, so it runs behind the officials and
places extractors, as in the default pipeline. Contract (with the built-ins);
on generated texts whose officials are different people: each official
becomes exactly one person with the name, title and country the text gives,
nobody else becomes a person, and no place is left inside a person's name.
"""

from __future__ import annotations

from hypothesis import assume, given, settings

import bilatx
import bilatx_officials
import bilatx_places
import bilatx_resolve
from bilatx import strategies as bst
from bilatx.testing import check_contract, check_mentions, pipeline_with

PIPELINE = pipeline_with(bilatx_officials, bilatx_places, bilatx_resolve)


def resolve(doc: bilatx.Document) -> bilatx.Mentions:
    mentions = PIPELINE.extract(doc).mentions
    check_mentions(mentions, doc)
    return mentions


def different_people(sample: bst.AnnotatedText) -> bst.AnnotatedText:
    """Keep texts whose officials are different people (no surname twice)."""
    surnames = [m.surname.casefold() for m in sample.officials]
    assume(len(set(surnames)) == len(surnames))
    return sample


def test_keeps_the_plugin_contract() -> None:
    check_contract(
        bilatx_resolve, builtins=True, max_seconds=10.0, settings=settings(max_examples=20)
    )


@given(bst.documents())
def test_every_person_rests_on_official_mentions(doc: bilatx.Document) -> None:
    mentions = resolve(doc)
    for person in mentions.people:
        assert person.spans, person
        for span in person.spans:
            span.check_within(doc.text)
            assert any(m.span.overlaps(span) for m in mentions.officials), person


@given(bst.annotated_texts().map(different_people))
def test_each_official_becomes_one_person_as_the_text_gives_them(
    sample: bst.AnnotatedText,
) -> None:
    mentions = resolve(sample.document())
    for want in sample.officials:
        people = [p for p in mentions.people if any(s.overlaps(want.span) for s in p.spans)]
        assert len(people) == 1, (want.name, people)
        (person,) = people
        assert mentions.person_at(want.span) == person
        assert person.surname.casefold() == want.surname.casefold()
        assert person.name.endswith(want.name)
        assert person.title == want.title
        if want.country is not None:
            assert person.country == want.country


@given(bst.annotated_texts().map(different_people))
def test_nobody_else_becomes_a_person(sample: bst.AnnotatedText) -> None:
    mentions = resolve(sample.document())
    assert len(mentions.people) == len(sample.officials)
    for person in mentions.people:
        assert any(s.overlaps(m.span) for m in sample.officials for s in person.spans)


@given(bst.annotated_texts())
def test_no_place_is_left_inside_a_name(sample: bst.AnnotatedText) -> None:
    mentions = resolve(sample.document())
    inside = [
        p.text for p in mentions.places if any(p.span.overlaps(o.span) for o in sample.officials)
    ]
    assert inside == []
