"""The errors bilatx raises. Each one says what went wrong and where."""

from __future__ import annotations

__all__ = [
    "BilatxError",
    "InputError",
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


class PluginLoadError(BilatxError):
    """A plugin could not be imported, registered or found."""
