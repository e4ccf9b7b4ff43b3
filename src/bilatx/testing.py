"""Helpers for testing bilatx plugins: an isolated pipeline, mention checks, a contract.

>>> import bilatx
>>> from bilatx.testing import check_mentions, pipeline_with
>>> class Shout:
...     @bilatx.hookimpl
...     def bilatx_extract_sectors(self, doc):
...         start = doc.text.find("TRADE")
...         if start < 0:
...             return None
...         return [bilatx.SectorMention(span=bilatx.Span(start, start + 5), text="TRADE",
...                                      sector="trade", extractor="shout")]
>>> doc = bilatx.Document(text="More TRADE, please.")
>>> found = pipeline_with(Shout()).extract_sectors(doc)
>>> [(m.text, m.sector) for m in check_mentions(found, doc)]
[('TRADE', 'trade')]

:func:`pipeline_with` and :func:`check_mentions` need only bilatx;
:func:`check_contract` and :func:`missing_mentions` with generated texts need
hypothesis (``pip install 'bilatx[testing]'``).
"""

from __future__ import annotations

import time
import types
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any, Final

from bilatx import (
    BUILTIN_PLUGINS,
    DateMention,
    Document,
    DurationMention,
    Extraction,
    Mention,
    MoneyMention,
    OfficialMention,
    Pipeline,
    PlaceMention,
    QuoteMention,
    SectorMention,
    Settings,
    Span,
)

if TYPE_CHECKING:
    from hypothesis import settings as hypothesis_settings
    from hypothesis.strategies import SearchStrategy

__all__ = [
    "ADVERSARIAL_TEXTS",
    "check_contract",
    "check_mentions",
    "missing_mentions",
    "pipeline_with",
]

_MENTION_TYPES: Final = (
    DateMention,
    DurationMention,
    MoneyMention,
    OfficialMention,
    PlaceMention,
    SectorMention,
    QuoteMention,
)
_HOOK_PREFIX: Final = "bilatx_"
_MAX_REPORTED: Final = 10

ADVERSARIAL_TEXTS: Final = (
    "",
    " ",
    "\n" * 5_000,
    "1" * 20_000,
    "1," * 10_000,
    "$1." * 5_000,
    "A" * 20_000,
    "A. " * 5_000,
    "Dr. " * 5_000,
    "Minister " * 2_000,
    "December " * 2_000,
    "\u201c" * 5_000,
    "\u201c\u201d" * 5_000,
    '"' * 10_000,
    "-" * 20_000,
    "\u200b\u202e\ufeff\u0301" * 2_000,
    "\U0001f600 " * 5_000,
    "Rs 1 crore " * 1_000,
)
"""Long, repetitive texts that make badly written patterns backtrack or loop.

:func:`check_contract` runs a plugin on each and fails when one takes too long.
"""


def _plugin_name(plugin: object) -> str:
    if isinstance(plugin, types.ModuleType):
        for name, module in BUILTIN_PLUGINS.items():
            if module == plugin.__name__:
                return name
        return plugin.__name__
    if isinstance(plugin, type):
        return plugin.__name__
    return type(plugin).__name__


def pipeline_with(
    *plugins: object,
    builtins: bool = False,
    strict: bool = True,
    settings: Settings | None = None,
) -> Pipeline:
    """Return a pipeline that runs ``plugins`` and nothing you did not ask for.

    Installed third-party plugins are never loaded. The pipeline is strict by
    default, so a plugin failure raises :class:`~bilatx.PluginContractError`
    (naming the plugin and hook) instead of being recorded quietly.

    Args:
        plugins: plugin modules, classes or instances. A built-in module
            (``bilatx_dates``) is registered under its built-in name.
        builtins: also load the built-in plugins (a plugin given here with a
            built-in's name replaces that built-in).
        strict: raise on the first plugin failure.
        settings: pipeline settings (``strict`` overrides ``settings.strict``).

    Raises:
        ValueError: a plugin implements no ``bilatx_*`` hook.
    """
    named: dict[str, object] = {}
    for plugin in plugins:
        hooks = [n for n in dir(plugin) if n.startswith(_HOOK_PREFIX)]
        if not hooks:
            msg = f"{plugin!r} implements no bilatx_* hook; is it the plugin module?"
            raise ValueError(msg)
        named[_plugin_name(plugin)] = plugin
    return Pipeline(
        plugins=named, builtins=builtins, entrypoints=False, settings=settings, strict=strict
    )


# ------------------------------------------------------------------- checks


def _problems(mention: object, doc: Document) -> list[str]:
    if not isinstance(mention, _MENTION_TYPES):
        return [f"{mention!r} is a {type(mention).__name__}, not a bilatx mention type"]
    kind = type(mention).__name__
    problems: list[str] = []
    where = f"{kind} {getattr(mention, 'text', None)!r}"
    # Plugins without type checking can put anything in these fields.
    extractor: object = mention.extractor
    text: object = mention.text
    if not isinstance(extractor, str) or not extractor.strip():
        problems.append(f"{where} has no extractor name")
    else:
        where = f"{kind} {text!r} from {extractor!r}"
    if not isinstance(text, str):
        problems.append(f"{where}: text is a {type(text).__name__}, not a str")
    spans: dict[str, object] = {"span": mention.span}
    if isinstance(mention, QuoteMention):
        spans.update(
            quote_span=mention.quote_span,
            speaker_span=mention.speaker_span,
            channel_span=mention.channel_span,
        )
    for name, span in spans.items():
        if span is None and name != "span":
            continue
        if not isinstance(span, Span):
            problems.append(f"{where}: {name} is a {type(span).__name__}, not a Span")
        elif span.end > len(doc.text):
            problems.append(
                f"{where}: {name} [{span.start}, {span.end}) is outside the text "
                f"({len(doc.text)} characters)"
            )
    if isinstance(mention.span, Span) and mention.span.end <= len(doc.text):
        actual = doc.text[mention.span.start : mention.span.end]
        if mention.text != actual:
            problems.append(
                f"{where}: text differs from the text at "
                f"[{mention.span.start}, {mention.span.end}), which is {actual!r}"
            )
    return problems


def check_mentions(mentions: Iterable[object], doc: Document) -> tuple[Mention, ...]:
    """Check that every mention is well formed for ``doc``; return them as a tuple.

    Each mention must be a bilatx mention type, name its extractor, have a
    span (and, for quotes, sub-spans) inside ``doc.text``, and a ``text``
    equal to the slice its span covers.

    Raises:
        AssertionError: listing every problem found (the first ten).
        TypeError: ``mentions`` is a single mention or a string, not a collection.
    """
    if isinstance(mentions, (str, *_MENTION_TYPES)) or not isinstance(mentions, Iterable):
        msg = f"check_mentions() takes a collection of mentions, not {type(mentions).__name__}"
        raise TypeError(msg)
    items = tuple(mentions)
    problems = [p for m in items for p in _problems(m, doc)]
    if problems:
        shown = "\n  ".join(problems[:_MAX_REPORTED])
        more = len(problems) - _MAX_REPORTED
        tail = f"\n  ... and {more} more" if more > 0 else ""
        msg = (
            f"{len(problems)} invalid mention(s) in a text of {len(doc.text)} characters:"
            f"\n  {shown}{tail}"
        )
        raise AssertionError(msg)
    return items  # type: ignore[return-value]  # checked above


def _key(mention: Mention) -> object:
    if isinstance(mention, OfficialMention):
        return mention.surname.casefold()
    if isinstance(mention, DateMention):
        return mention.value
    if isinstance(mention, MoneyMention):
        return mention.value
    if isinstance(mention, SectorMention):
        return mention.sector
    if isinstance(mention, DurationMention):
        return mention.days
    if isinstance(mention, PlaceMention):
        return mention.country
    return mention.quote


def missing_mentions(expected: Iterable[Mention], found: Iterable[Mention]) -> tuple[Mention, ...]:
    """Return the expected mentions that nothing in ``found`` matches: a recall check.

    A found mention matches an expected one when it is of the same type, its
    span overlaps the expected span, and it has the same value: the same
    :class:`~bilatx.DateValue` or interval for dates, the same
    :class:`~bilatx.Money` for amounts, the same surname (case-folded) for
    officials, the same id for sectors. Spans need only overlap, so an
    extractor whose official spans include the title still matches.

    >>> import bilatx
    >>> expected = [bilatx.SectorMention(span=bilatx.Span(0, 5), text="trade",
    ...                                  sector="trade", extractor="truth")]
    >>> missing_mentions(expected, [])  # doctest: +ELLIPSIS
    (SectorMention(span=Span(start=0, end=5), text='trade', sector='trade', ...),)
    >>> missing_mentions(expected, expected)
    ()
    """
    pool = list(found)
    return tuple(
        want
        for want in expected
        if not any(
            type(got) is type(want) and got.span.overlaps(want.span) and _key(got) == _key(want)
            for got in pool
        )
    )


# ----------------------------------------------------------------- contract


def _run(pipeline: Pipeline, doc: Document, max_seconds: float, label: str) -> Extraction:
    started = time.perf_counter()
    result = pipeline.extract(doc)
    elapsed = time.perf_counter() - started
    if elapsed > max_seconds:
        msg = (
            f"took {elapsed:.2f} s on {label} ({len(doc.text)} characters); "
            f"the limit is {max_seconds} s"
        )
        raise AssertionError(msg)
    check_mentions(result.mentions, doc)
    return result


def _fresh(doc: Document) -> Document:
    return Document(text=doc.text, id=doc.id, published=doc.published, meta=dict(doc.meta))


def check_contract(
    plugin: object,
    *,
    builtins: bool = False,
    documents: SearchStrategy[Document] | None = None,
    max_seconds: float = 10.0,
    settings: hypothesis_settings | None = None,
) -> None:
    """Check the contract every bilatx plugin must keep, with hypothesis.

    Call it from a test. It runs the plugin (alone, or with the built-ins)
    through a strict pipeline on generated documents of arbitrary Unicode,
    on realistic generated news text, and on :data:`ADVERSARIAL_TEXTS`, and
    fails when the plugin:

    * raises, or returns anything but a list, tuple or ``None`` of the right
      mention or record types (the failure names the plugin and the hook);
    * returns a span outside the text, or a mention whose ``text`` is not the
      slice its span covers, or one without an extractor name;
    * gives a different result for the same document a second time
      (determinism);
    * takes longer than ``max_seconds`` on one document (the pipeline also
      stops a plugin that runs past the limit, in the main thread).

    Args:
        plugin: the plugin module, class or instance.
        builtins: run the built-in plugins too, so that resolution or record
            hooks see real mentions.
        documents: the documents to try (default
            :func:`bilatx.strategies.documents`).
        max_seconds: the time one document may take.
        settings: hypothesis settings for the property (default: the active
            profile).

    Raises:
        AssertionError: with a description of the first broken rule.
        bilatx.PluginContractError: the plugin raised or returned something invalid.
    """
    from hypothesis import given  # noqa: PLC0415

    from bilatx import strategies as bst  # noqa: PLC0415

    pipeline = pipeline_with(
        plugin,
        builtins=builtins,
        settings=Settings(strict=True, plugin_timeout=max_seconds),
    )
    for index, text in enumerate(ADVERSARIAL_TEXTS):
        _run(pipeline, Document(text=text), max_seconds, f"ADVERSARIAL_TEXTS[{index}]")

    def contract(doc: Document) -> None:
        first = _run(pipeline, doc, max_seconds, "a generated document")
        again = _run(pipeline, _fresh(doc), max_seconds, "a generated document")
        if first.to_dict() != again.to_dict():
            msg = "gave a different result for the same document the second time"
            raise AssertionError(msg)

    test: Any = given(doc=documents if documents is not None else bst.documents())(contract)
    if settings is not None:
        test = settings(test)
    test()
