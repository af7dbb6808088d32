"""Opening the workspace file and bringing its schema up to date.

Migrations are the numbered ``migrations/NNN_name.sql`` files shipped in this package, applied in order, each in
its own transaction, and recorded in ``schema_migrations``. A file written by a newer ceasefire is refused.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

import duckdb

from ceasefire.errors import WorkspaceError

DEFAULT_PATH = Path("ceasefire.duckdb")
_MIGRATION_NAME = re.compile(r"^(\d{3})_[a-z0-9_]+\.sql$")


def _migrations() -> list[tuple[int, str, str]]:
    folder = resources.files("ceasefire.workspace") / "migrations"
    found: list[tuple[int, str, str]] = []
    for entry in folder.iterdir():
        match = _MIGRATION_NAME.match(entry.name)
        if match:
            found.append((int(match.group(1)), entry.name, entry.read_text(encoding="utf-8")))
    found.sort()
    return found


SCHEMA_VERSION = max((number for number, _, _ in _migrations()), default=0)


@dataclass
class Workspace:
    """An open workspace. ``con`` is the DuckDB connection; use ``transaction()`` for writes."""

    path: Path
    con: duckdb.DuckDBPyConnection
    read_only: bool

    @contextmanager
    def transaction(self) -> Iterator[duckdb.DuckDBPyConnection]:
        """All-or-nothing: an exception (or a killed process) leaves the file as it was before."""
        self.con.execute("BEGIN TRANSACTION")
        try:
            yield self.con
        except BaseException:
            self.con.execute("ROLLBACK")
            raise
        self.con.execute("COMMIT")

    def schema_version(self) -> int:
        row = self.con.execute("SELECT coalesce(max(version), 0) FROM schema_migrations").fetchone()
        return int(row[0]) if row else 0

    def close(self) -> None:
        self.con.close()

    def __enter__(self) -> Workspace:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def open_workspace(path: Path | str = DEFAULT_PATH, *, read_only: bool = False) -> Workspace:
    """Open (and on first use create) the workspace at ``path``, migrating it to the current schema."""
    path = Path(path)
    if read_only and not path.exists():
        raise WorkspaceError(f"{path}: no workspace here (run `ceasefire ingest` or `ceasefire demo` first)")
    try:
        con = duckdb.connect(str(path), read_only=read_only)
    except duckdb.Error as err:
        first = str(err).splitlines()[0] if str(err) else type(err).__name__
        raise WorkspaceError(f"{path}: cannot open workspace: {first}") from err
    workspace = Workspace(path=path, con=con, read_only=read_only)
    if not read_only:
        _migrate(workspace)
    else:
        _check_version(workspace)
    return workspace


def _check_version(workspace: Workspace) -> None:
    try:
        version = workspace.schema_version()
    except duckdb.CatalogException as err:
        raise WorkspaceError(f"{workspace.path}: not a ceasefire workspace") from err
    if version > SCHEMA_VERSION:
        raise WorkspaceError(
            f"{workspace.path}: schema version {version} is newer than this ceasefire knows ({SCHEMA_VERSION})"
        )


def _migrate(workspace: Workspace) -> None:
    con = workspace.con
    con.execute(
        "CREATE TABLE IF NOT EXISTS schema_migrations ("
        " version INTEGER PRIMARY KEY, name VARCHAR NOT NULL, applied_at TIMESTAMP DEFAULT current_timestamp)"
    )
    _check_version(workspace)
    applied = {int(row[0]) for row in con.execute("SELECT version FROM schema_migrations").fetchall()}
    for number, name, sql in _migrations():
        if number in applied:
            continue
        with workspace.transaction():
            con.execute(sql)
            con.execute("INSERT INTO schema_migrations (version, name) VALUES (?, ?)", [number, name])
