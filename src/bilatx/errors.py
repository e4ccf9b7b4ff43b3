"""The errors bilatx raises. Each one says what went wrong and where."""

from __future__ import annotations

__all__ = [
    "BilatxError",
    "InputError",
    "PatternTimeoutError",
    "PluginContractError",
    "PluginLoadError",
]


class BilatxError(Exception):
    """Base class of every error bilatx raises on purpose."""


class InputError(BilatxError, ValueError):
    """Bad input: a file, a JSONL line or a field that cannot be read.

    The message names the file, line and document id when they are known.
    """

    def __init__(
        self,
        message: str,
        *,
        path: str | None = None,
        line: int | None = None,
        doc_id: str | None = None,
    ) -> None:
        """Record what went wrong and where."""
        self.message = message
        self.path = path
        self.line = line
        self.doc_id = doc_id
        super().__init__(self.__str__())

    def __str__(self) -> str:
        """Return ``path:line (id 'x'): message`` with the parts that are known."""
        where = ""
        if self.path is not None:
            where = self.path if self.line is None else f"{self.path}:{self.line}"
        if self.doc_id is not None:
            where = f"{where} (id {self.doc_id!r})" if where else f"id {self.doc_id!r}"
        return f"{where}: {self.message}" if where else self.message

    def __reduce__(self) -> tuple[object, ...]:
        """Pickle from the fields, so the error crosses process boundaries (workers, Dask)."""
        return (_input_error, (self.message, self.path, self.line, self.doc_id))


def _input_error(
    message: str, path: str | None, line: int | None, doc_id: str | None
) -> InputError:
    return InputError(message, path=path, line=line, doc_id=doc_id)


class PluginContractError(BilatxError):
    """A plugin raised, returned the wrong type, or returned an invalid span."""

    def __init__(self, plugin: str, hook: str, doc_id: str | None, detail: str) -> None:
        """Record the plugin, hook and document that failed, and how."""
        self.plugin = plugin
        self.hook = hook
        self.doc_id = doc_id
        self.detail = detail
        where = f"document {doc_id!r}" if doc_id is not None else "a document"
        super().__init__(f"plugin {plugin!r} failed in {hook} on {where}: {detail}")

    def __reduce__(self) -> tuple[object, ...]:
        """Pickle from the fields, so the error crosses process boundaries."""
        return (type(self), (self.plugin, self.hook, self.doc_id, self.detail))


_SHOWN = 60  # characters of a pattern quoted in an error message


class PatternTimeoutError(BilatxError, TimeoutError):
    """A pattern search ran longer than ``Settings.regex_timeout``.

    Raised by the helpers in :mod:`bilatx.text`; the pipeline reports it as a
    failure of the plugin that ran the search, on the document it was reading.
    """

    def __init__(self, pattern: str, seconds: float, offset: int) -> None:
        """Record the pattern (possibly shortened), the limit and where the search began."""
        self.pattern = pattern
        self.seconds = seconds
        self.offset = offset
        shown = pattern if len(pattern) <= _SHOWN else pattern[: _SHOWN - 3] + "..."
        super().__init__(
            f"pattern {shown!r} took longer than {seconds:g} s searching from offset "
            f"{offset} (regex_timeout); it probably backtracks catastrophically on this text"
        )

    def __reduce__(self) -> tuple[object, ...]:
        """Pickle from the fields, so the error crosses process boundaries."""
        return (type(self), (self.pattern, self.seconds, self.offset))


class PluginLoadError(BilatxError):
    """A plugin could not be imported, registered or found."""
