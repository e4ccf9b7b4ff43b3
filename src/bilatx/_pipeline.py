"""The pipeline: a typed facade over the plugin manager's hooks.

The flow is one-way: the extract hooks find mentions, the resolve hook settles
them, the records hook builds records. Every result a plugin returns is checked
here (type, span, text) before anything else sees it, and every failure is
attributed to the plugin that caused it.
"""

from __future__ import annotations

import contextlib
import importlib
import os
import signal
import threading
import types
import uuid
from functools import cache
from typing import TYPE_CHECKING, Any, Final, NoReturn, cast, final

import attrs

from bilatx._manager import make_plugin_manager, plugin_infos
from bilatx._settings import Settings
from bilatx._types import (
    DateMention,
    Document,
    DurationMention,
    Extraction,
    Meeting,
    Mentions,
    MoneyMention,
    Official,
    OfficialMention,
    PlaceMention,
    PluginError,
    QuoteMention,
    SectorMention,
    Statement,
    TradeFigure,
    Visit,
)
from bilatx.errors import BilatxError, InputError, PluginContractError

if TYPE_CHECKING:
    import datetime as dt
    from collections.abc import Iterable, Iterator, Mapping, Sequence

    import pluggy

    from bilatx._manager import PluginInfo
    from bilatx._types import Mention, Record

__all__ = ["Pipeline", "default_pipeline", "extract"]

_MENTION_HOOKS: Final[Mapping[str, tuple[type, ...]]] = {
    "bilatx_extract_dates": (DateMention, DurationMention),
    "bilatx_extract_officials": (OfficialMention,),
    "bilatx_extract_money": (MoneyMention,),
    "bilatx_extract_places": (PlaceMention,),
    "bilatx_extract_sectors": (SectorMention,),
    "bilatx_extract_quotes": (QuoteMention,),
}
_RECORD_TYPES: Final = (Visit, Meeting, Statement, TradeFigure)
_RESOLVE_HOOK: Final = "bilatx_resolve_mentions"
_RECORDS_HOOK: Final = "bilatx_build_records"


class _Invalid(Exception):  # noqa: N818  (internal signal, never escapes)
    """A plugin result failed a contract check."""


class PluginTimeoutError(BilatxError):
    """A plugin ran longer than ``Settings.plugin_timeout``."""


@contextlib.contextmanager
def _deadline(seconds: float | None) -> Iterator[None]:
    """Interrupt the block after ``seconds`` when running in a main thread.

    Signals are the only way to stop pure-Python code that will not return; they
    only work in the main thread, so elsewhere the limit is not enforced.
    """
    usable = (
        seconds is not None
        and hasattr(signal, "setitimer")
        and threading.current_thread() is threading.main_thread()
    )
    if not usable:
        yield
        return

    def _on_alarm(_signum: int, _frame: object) -> NoReturn:
        msg = f"took longer than {seconds} s"
        raise PluginTimeoutError(msg)

    previous = signal.signal(signal.SIGALRM, _on_alarm)
    signal.setitimer(signal.ITIMER_REAL, cast("float", seconds))
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def _describe(exc: BaseException) -> str:
    text = str(exc).strip()
    name = type(exc).__name__
    if type(exc) is TimeoutError and text == "regex timed out":
        # A bare `regex` timeout says nothing of the pattern; say what it means.
        return (
            "a pattern search took longer than its timeout (regex timed out); the pattern "
            "probably backtracks catastrophically on this text (see bilatx.text.finditer)"
        )
    return f"{name}: {text}" if text and not isinstance(exc, _Invalid) else (text or name)


def _check_mention(item: object, allowed: tuple[type, ...], doc: Document) -> None:
    if not isinstance(item, allowed):
        names = " or ".join(t.__name__ for t in allowed)
        msg = f"returned a {type(item).__name__} where {names} was expected"
        raise _Invalid(msg)
    mention = cast("Mention", item)
    try:
        mention.span.check_within(doc.text)
    except ValueError as exc:
        raise _Invalid(str(exc)) from None
    actual = doc.text[mention.span.start : mention.span.end]
    if mention.text != actual:
        msg = (
            f"{type(mention).__name__} text {mention.text!r} differs from the text at "
            f"[{mention.span.start}, {mention.span.end}): {actual!r}"
        )
        raise _Invalid(msg)


def _check_record(item: object, doc: Document) -> None:
    if not isinstance(item, _RECORD_TYPES):
        msg = (
            f"returned a {type(item).__name__} where a Visit, Meeting, Statement "
            "or TradeFigure was expected"
        )
        raise _Invalid(msg)
    spans = [*item.evidence]
    if isinstance(item, TradeFigure):
        spans.append(item.span)
    elif isinstance(item, Statement):
        spans.append(item.quote_span)
    for span in spans:
        if span.end > len(doc.text):
            msg = (
                f"{type(item).__name__} span [{span.start}, {span.end}) is outside "
                f"a text of {len(doc.text)} characters"
            )
            raise _Invalid(msg)


def _flatten(results: object, hook: str) -> list[object]:
    if not isinstance(results, list):
        msg = f"{hook} returned {type(results).__name__}"
        raise _Invalid(msg)
    items: list[object] = []
    for result in results:
        if result is None:
            continue
        if not isinstance(result, (list, tuple)):
            msg = (
                f"returned a {type(result).__name__}; hooks must return a list or "
                "tuple (not a generator) or None"
            )
            raise _Invalid(msg)
        items.extend(result)
    return items


def fallback_people(mentions: Sequence[OfficialMention]) -> tuple[Official, ...]:
    """Group official mentions by surname: what the pipeline does when no plugin resolves.

    The fullest mention of each surname supplies the name, title and country.
    """
    groups: dict[str, list[OfficialMention]] = {}
    for mention in mentions:
        groups.setdefault(mention.surname.casefold(), []).append(mention)
    people = []
    for group in groups.values():
        best = max(group, key=lambda m: (len(m.name), m.title is not None, m.country is not None))
        people.append(
            Official(
                name=best.name,
                surname=best.surname,
                title=best.title or next((m.title for m in group if m.title), None),
                country=best.country or next((m.country for m in group if m.country), None),
                honorific=best.honorific or next((m.honorific for m in group if m.honorific), None),
                spans=tuple(m.span for m in group),
            )
        )
    return tuple(sorted(people, key=lambda p: p.spans[0] if p.spans else None))  # type: ignore[arg-type,return-value]


@final
class Pipeline:
    """Runs the registered plugins over documents and returns :class:`~bilatx.Extraction` s.

    A pipeline is reusable and cheap to call; build it once. By default it holds
    the built-in plugins and any installed third-party plugins.

    Args:
        plugins: extra plugin objects, as ``{name: plugin}`` or a sequence. A
            name equal to a built-in's replaces it.
        block: names of plugins never to load.
        builtins: load the built-in plugins.
        entrypoints: load plugins installed under the ``bilatx`` entry-point
            group (``None``: unless ``BILATX_DISABLE_PLUGIN_AUTOLOAD`` is set).
        settings: the settings passed to every hook.
        strict: shorthand for ``settings.strict``: raise on the first plugin
            failure instead of recording it in :attr:`Extraction.errors`.
        plugin_manager: use this manager instead of building one.
    """

    def __init__(
        self,
        *,
        plugins: Mapping[str, object] | Iterable[object] = (),
        block: Iterable[str] = (),
        builtins: bool = True,
        entrypoints: bool | None = None,
        settings: Settings | None = None,
        strict: bool | None = None,
        plugin_manager: pluggy.PluginManager | None = None,
    ) -> None:
        settings = settings or Settings()
        if strict is not None:
            settings = attrs.evolve(settings, strict=strict)
        self._settings = settings
        self._pm = plugin_manager or make_plugin_manager(
            builtins=builtins, entrypoints=entrypoints, block=block, plugins=plugins
        )
        self._token: str | None = None

    @property
    def settings(self) -> Settings:
        """The settings every hook receives."""
        return self._settings

    @property
    def plugin_manager(self) -> pluggy.PluginManager:
        """The underlying :class:`pluggy.PluginManager`."""
        return self._pm

    def plugins(self) -> tuple[PluginInfo, ...]:
        """Describe the registered plugins: name, origin, version, hooks."""
        return plugin_infos(self._pm)

    # ------------------------------------------------------------ documents

    @staticmethod
    def document(
        text: str | Document,
        *,
        published: dt.date | str | None = None,
        doc_id: str | None = None,
        meta: Mapping[str, Any] | None = None,
    ) -> Document:
        """Return ``text`` as a :class:`Document`, checking the arguments."""
        if isinstance(text, Document):
            if published is not None or doc_id is not None or meta is not None:
                changes: dict[str, Any] = {}
                if published is not None:
                    changes["published"] = published
                if doc_id is not None:
                    changes["id"] = doc_id
                if meta is not None:
                    changes["meta"] = meta
                return _make_document(
                    doc_id=doc_id or text.id, build=lambda: attrs.evolve(text, **changes)
                )
            return text
        given: object = text  # callers without type checking pass anything
        if not isinstance(given, str):
            msg = f"text must be a str or Document, not {type(given).__name__}"
            raise InputError(msg, doc_id=doc_id)
        return _make_document(
            doc_id=doc_id,
            build=lambda: Document(text=text, id=doc_id, published=published, meta=meta or {}),
        )

    # ------------------------------------------------------------- the flow

    def extract(
        self,
        text: str | Document,
        *,
        published: dt.date | str | None = None,
        doc_id: str | None = None,
        meta: Mapping[str, Any] | None = None,
    ) -> Extraction:
        """Extract mentions and records from one document.

        Args:
            text: the article text, or a :class:`Document`.
            published: the publication date (a :class:`datetime.date` or ISO
                string); relative dates resolve against it.
            doc_id: the document id, carried to the output.
            meta: free metadata kept on the document.

        Raises:
            InputError: the text or date is invalid.
            PluginContractError: a plugin failed and the pipeline is strict.
        """
        doc = self.document(text, published=published, doc_id=doc_id, meta=meta)
        errors: list[PluginError] = []
        mentions = self._collect_mentions(doc, errors)
        mentions = self._resolve(doc, mentions, errors)
        records = self._records(doc, mentions, errors)
        unique = list(dict.fromkeys(records))
        return Extraction(
            document=doc,
            mentions=mentions,
            visits=[r for r in unique if isinstance(r, Visit)],
            meetings=[r for r in unique if isinstance(r, Meeting)],
            statements=[r for r in unique if isinstance(r, Statement)],
            trade_figures=[r for r in unique if isinstance(r, TradeFigure)],
            errors=errors,
        )

    def extract_many(
        self, documents: Iterable[Document | str], *, workers: int = 1
    ) -> Iterator[Extraction]:
        """Extract from many documents lazily, yielding results in input order.

        Lenient unless strict: a document a plugin fails on still yields an
        :class:`Extraction` whose ``errors`` say what failed, and so does a
        document whose worker process died.

        Args:
            documents: texts or :class:`Document` s, read lazily.
            workers: processes to run in parallel. ``1`` (the default) runs in
                this process; ``0`` means one per CPU. With more than one, the
                pipeline is pickled to each worker (its plugins must be
                importable modules or picklable objects), a few small batches
                per worker are in flight at a time so memory stays bounded, and
                each extraction comes back holding the caller's own Document.

        Raises:
            InputError: an item is neither a str nor a Document (raised at its position).
            PluginContractError: the pipeline is strict and a plugin failed.
            bilatx.BilatxError: strict, and a worker process died on a document;
                or the pipeline cannot be pickled for the workers.
        """
        if workers == 0:
            workers = os.cpu_count() or 1
        if workers <= 1:
            for doc in documents:
                yield self.extract(doc)
            return
        from bilatx._batch import WorkerCrashError, run_ordered  # noqa: PLC0415

        def items() -> Iterator[tuple[None, Document | BaseException]]:
            for item in documents:
                try:
                    yield None, self.document(item)
                except InputError as exc:  # noqa: PERF203  (reported in its place)
                    yield None, exc

        with contextlib.closing(run_ordered(self, items(), workers=workers)) as results:
            for _, given, outcome in results:
                if outcome.extraction is not None:
                    yield outcome.extraction
                    continue
                failure = outcome.failure
                if isinstance(failure, WorkerCrashError) and isinstance(given, Document):
                    if self._settings.strict:
                        raise failure
                    error = PluginError(
                        plugin="<worker>", hook="extract", doc_id=given.id, message=str(failure)
                    )
                    yield Extraction(document=given, errors=[error])
                    continue
                raise cast("BaseException", failure)

    def __reduce__(self) -> tuple[Any, ...]:
        """Pickle as a recipe: settings, plugins in registration order, blocked names.

        Module plugins travel by name and are imported on the other side; other
        plugin objects are pickled. This is how worker processes and Dask
        workers get the same pipeline.
        """
        plugins: list[tuple[str, object]] = []
        blocked: list[str] = []
        for name, plugin in self._pm.list_name_plugin():
            if plugin is None:
                blocked.append(name)
            elif isinstance(plugin, types.ModuleType):
                plugins.append((name, _ModuleRef(plugin.__name__)))
            else:
                plugins.append((name, plugin))
        if self._token is None:
            self._token = uuid.uuid4().hex
        key = (self._token, tuple(n for n, _ in plugins), tuple(blocked))
        return (_rebuild_pipeline, (key, self._settings, tuple(plugins), tuple(blocked)))

    def extract_mentions(self, doc: Document) -> Mentions:
        """Run only the extract hooks; return the unresolved mentions."""
        errors: list[PluginError] = []
        mentions = self._collect_mentions(doc, errors)
        self._raise_first(errors)
        return mentions

    def extract_dates(self, doc: Document) -> tuple[DateMention | DurationMention, ...]:
        """Run only ``bilatx_extract_dates``."""
        return tuple(self._mention_hook("bilatx_extract_dates", doc))  # type: ignore[arg-type]

    def extract_officials(self, doc: Document) -> tuple[OfficialMention, ...]:
        """Run only ``bilatx_extract_officials``."""
        return tuple(self._mention_hook("bilatx_extract_officials", doc))  # type: ignore[arg-type]

    def extract_money(self, doc: Document) -> tuple[MoneyMention, ...]:
        """Run only ``bilatx_extract_money``."""
        return tuple(self._mention_hook("bilatx_extract_money", doc))  # type: ignore[arg-type]

    def extract_places(self, doc: Document) -> tuple[PlaceMention, ...]:
        """Run only ``bilatx_extract_places``."""
        return tuple(self._mention_hook("bilatx_extract_places", doc))  # type: ignore[arg-type]

    def extract_sectors(self, doc: Document) -> tuple[SectorMention, ...]:
        """Run only ``bilatx_extract_sectors``."""
        return tuple(self._mention_hook("bilatx_extract_sectors", doc))  # type: ignore[arg-type]

    def extract_quotes(self, doc: Document) -> tuple[QuoteMention, ...]:
        """Run only ``bilatx_extract_quotes``."""
        return tuple(self._mention_hook("bilatx_extract_quotes", doc))  # type: ignore[arg-type]

    # -------------------------------------------------------------- private

    def _mention_hook(self, hook: str, doc: Document) -> list[Mention]:
        errors: list[PluginError] = []
        items = self._call_collecting(hook, doc, {"doc": doc, "settings": self._settings}, errors)
        self._raise_first(errors)
        return sorted(dict.fromkeys(items), key=lambda m: (m.span, m.extractor))

    def _raise_first(self, errors: list[PluginError]) -> None:
        if errors:
            first = errors[0]
            raise PluginContractError(first.plugin, first.hook, first.doc_id, first.message)

    def _collect_mentions(self, doc: Document, errors: list[PluginError]) -> Mentions:
        kwargs = {"doc": doc, "settings": self._settings}
        found: dict[type, list[object]] = {}
        for hook in _MENTION_HOOKS:
            for item in self._call_collecting(hook, doc, kwargs, errors):
                found.setdefault(type(item), []).append(item)

        def unique(kind: type) -> tuple[Any, ...]:
            return tuple(dict.fromkeys(found.get(kind, ())))

        return Mentions(
            dates=unique(DateMention),
            durations=unique(DurationMention),
            officials=unique(OfficialMention),
            money=unique(MoneyMention),
            places=unique(PlaceMention),
            sectors=unique(SectorMention),
            quotes=unique(QuoteMention),
        )

    def _resolve(self, doc: Document, mentions: Mentions, errors: list[PluginError]) -> Mentions:
        kwargs = {"doc": doc, "mentions": mentions, "settings": self._settings}

        def check(result: object) -> list[object]:
            if result is None:
                return []
            if not isinstance(result, Mentions):
                msg = f"returned a {type(result).__name__} where Mentions was expected"
                raise _Invalid(msg)
            for mention in result:
                _check_mention(mention, (type(mention),), doc)
            return [result]

        results = self._guarded(_RESOLVE_HOOK, doc, kwargs, check, errors)
        resolved = cast("Mentions | None", results[0] if results else None)
        if resolved is None:
            resolved = attrs.evolve(mentions, people=fallback_people(mentions.officials))
        return resolved

    def _records(
        self, doc: Document, mentions: Mentions, errors: list[PluginError]
    ) -> list[Record]:
        kwargs = {"doc": doc, "mentions": mentions, "settings": self._settings}

        def check(results: object) -> list[object]:
            items = _flatten(results, _RECORDS_HOOK)
            for item in items:
                _check_record(item, doc)
            return items

        return cast("list[Record]", self._guarded(_RECORDS_HOOK, doc, kwargs, check, errors))

    def _call_collecting(
        self, hook: str, doc: Document, kwargs: dict[str, Any], errors: list[PluginError]
    ) -> list[Mention]:
        allowed = _MENTION_HOOKS[hook]

        def check(results: object) -> list[object]:
            items = _flatten(results, hook)
            for item in items:
                _check_mention(item, allowed, doc)
            return items

        return cast("list[Mention]", self._guarded(hook, doc, kwargs, check, errors))

    def _guarded(
        self,
        hook: str,
        doc: Document,
        kwargs: dict[str, Any],
        check: Any,  # noqa: ANN401
        errors: list[PluginError],
    ) -> list[object]:
        """Call a hook, check its result, and on failure find and drop the culprits.

        The fast path is one ordinary hook call (wrappers see everything, as
        pluggy intends). Only when that call raises or returns something
        invalid is each plugin called alone to find which one failed; the hook
        is then called again without the failing plugins.
        """
        caller = getattr(self._pm.hook, hook)
        try:
            with _deadline(self._settings.plugin_timeout):
                return cast("list[object]", check(caller(**kwargs)))
        except (Exception, PluginTimeoutError) as exc:  # noqa: BLE001
            first_failure: BaseException = exc
        impls = caller.get_hookimpls()
        if not impls:  # pragma: no cover - a failure needs an implementation
            raise first_failure
        by_name = {impl.plugin_name: impl.plugin for impl in impls}
        failing: dict[str, str] = {}
        for name in by_name:
            others = [plugin for other, plugin in by_name.items() if other != name]
            sub = self._pm.subset_hook_caller(hook, remove_plugins=others)
            try:
                with _deadline(self._settings.plugin_timeout):
                    check(sub(**kwargs))
            except (Exception, PluginTimeoutError) as exc:  # noqa: BLE001
                failing[name] = _describe(exc)
        if not failing:
            failing["<interaction>"] = _describe(first_failure)
        for name, message in failing.items():
            error = PluginError(plugin=name, hook=hook, doc_id=doc.id, message=message)
            if self._settings.strict:
                raise PluginContractError(name, hook, doc.id, message) from first_failure
            errors.append(error)
        remaining = [plugin for name, plugin in by_name.items() if name in failing]
        sub = self._pm.subset_hook_caller(hook, remove_plugins=remaining)
        try:
            with _deadline(self._settings.plugin_timeout):
                return cast("list[object]", check(sub(**kwargs)))
        except (Exception, PluginTimeoutError) as exc:  # noqa: BLE001
            errors.append(
                PluginError(
                    plugin="<interaction>", hook=hook, doc_id=doc.id, message=_describe(exc)
                )
            )
            return []


@attrs.frozen
class _ModuleRef:
    """A module plugin, pickled by its import name."""

    name: str


_rebuilt: dict[tuple[Any, ...], Pipeline] = {}


def _rebuild_pipeline(
    key: tuple[Any, ...],
    settings: Settings,
    plugins: tuple[tuple[str, object], ...],
    blocked: tuple[str, ...],
) -> Pipeline:
    """Unpickle a :class:`Pipeline`; one per recipe and process, as Dask unpickles per task."""
    cached = _rebuilt.get(key)
    if cached is not None:
        return cached
    named = {
        name: importlib.import_module(p.name) if isinstance(p, _ModuleRef) else p
        for name, p in plugins
    }
    pm = make_plugin_manager(builtins=False, entrypoints=False, block=blocked, plugins=named)
    pipeline = Pipeline(plugin_manager=pm, settings=settings)
    pipeline._token = key[0]  # noqa: SLF001  (pickled again, it keeps its recipe key)
    if len(_rebuilt) >= 8:  # noqa: PLR2004  (a few recipes per process at most)
        _rebuilt.clear()
    _rebuilt[key] = pipeline
    return pipeline


def _make_document(*, doc_id: str | None, build: Any) -> Document:  # noqa: ANN401
    try:
        return cast("Document", build())
    except (TypeError, ValueError) as exc:
        raise InputError(str(exc), doc_id=doc_id) from None


@cache
def default_pipeline() -> Pipeline:
    """Return the shared default pipeline, built on first use."""
    return Pipeline()


def extract(
    text: str | Document,
    *,
    published: dt.date | str | None = None,
    doc_id: str | None = None,
) -> Extraction:
    """Extract mentions and records from ``text`` with the default pipeline.

    >>> result = extract("Nothing to see here.", published="2024-01-02", doc_id="x")
    >>> result.id, result.document.published.isoformat(), result.records
    ('x', '2024-01-02', ())
    """
    return default_pipeline().extract(text, published=published, doc_id=doc_id)
