"""The bundled example: reports about the 2025 arrangements, used by ``ceasefire demo`` and the tests."""

from __future__ import annotations

from importlib import resources
from pathlib import Path


def example_reports_path() -> Path:
    """The bundled JSON Lines file of example reports (see its header notes in README.md beside it)."""
    return Path(str(resources.files("ceasefire.examples") / "reports-2025.jsonl"))
