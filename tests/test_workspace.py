from __future__ import annotations

from pathlib import Path

import duckdb
import pytest

import ceasefire.workspace
from ceasefire.errors import WorkspaceError
from ceasefire.workspace import SCHEMA_VERSION, open_workspace

MIGRATIONS = Path(ceasefire.workspace.__file__).parent / "migrations"


def test_new_workspace_is_at_current_schema(tmp_path: Path) -> None:
    with open_workspace(tmp_path / "w.duckdb") as ws:
        assert ws.schema_version() == SCHEMA_VERSION
        tables = {r[0] for r in ws.con.execute("SELECT table_name FROM information_schema.tables").fetchall()}
    assert {"reports", "tallies", "quarantine", "ingests"} <= tables


def test_reopening_applies_nothing_twice(tmp_path: Path) -> None:
    path = tmp_path / "w.duckdb"
    open_workspace(path).close()
    with open_workspace(path) as ws:
        versions = [row[0] for row in ws.con.execute("SELECT version FROM schema_migrations").fetchall()]
    shipped = sorted(int(p.name[:3]) for p in MIGRATIONS.glob("[0-9][0-9][0-9]_*.sql"))
    assert sorted(versions) == shipped
    assert max(versions) == SCHEMA_VERSION


def test_newer_schema_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "w.duckdb"
    open_workspace(path).close()
    con = duckdb.connect(str(path))
    con.execute("INSERT INTO schema_migrations (version, name) VALUES (999, '999_future.sql')")
    con.close()
    with pytest.raises(WorkspaceError, match="newer"):
        open_workspace(path)


def test_failed_transaction_leaves_nothing(tmp_path: Path) -> None:
    with open_workspace(tmp_path / "w.duckdb") as ws:
        with pytest.raises(RuntimeError), ws.transaction() as con:
            con.execute("INSERT INTO quarantine VALUES (1, 'f', 1, 'r', 'x')")
            raise RuntimeError("boom")
        assert ws.con.execute("SELECT count(*) FROM quarantine").fetchone() == (0,)
