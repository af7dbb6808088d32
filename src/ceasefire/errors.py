"""The exceptions ceasefire raises.

    CeasefireError            base of everything we raise on purpose
     ├── BadInput             input we cannot read; names the file and the place in it (CLI exit code 2)
     └── WorkspaceError       the workspace file is missing, locked, or from a newer version
"""

from __future__ import annotations


class CeasefireError(Exception):
    """Base class of ceasefire's own errors."""


class BadInput(CeasefireError):
    """Input we cannot read. ``str(err)`` is one line: ``file:place: message``."""

    def __init__(self, file: str, place: str | int | None, message: str) -> None:
        self.file = file
        self.place = place
        self.message = " ".join(message.split())
        where = f"{file}:{place}" if place not in (None, "") else file
        super().__init__(f"{where}: {self.message}")


class WorkspaceError(CeasefireError):
    """The workspace cannot be opened or used."""
