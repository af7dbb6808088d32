"""The workspace: one DuckDB file holding reports, tallies, quarantine and everything derived from them."""

from __future__ import annotations

from ceasefire.workspace._store import DEFAULT_PATH, SCHEMA_VERSION, Workspace, open_workspace

__all__ = ["DEFAULT_PATH", "SCHEMA_VERSION", "Workspace", "open_workspace"]
