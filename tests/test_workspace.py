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


def _workspace_at(path: Path, version: int) -> duckdb.DuckDBPyConnection:
    """A workspace file built by the shipped migrations up to ``version`` only, as an older ceasefire left it."""
    con = duckdb.connect(str(path))
    con.execute("CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, name VARCHAR NOT NULL, "
                "applied_at TIMESTAMP DEFAULT current_timestamp)")
    for file in sorted(MIGRATIONS.glob("[0-9][0-9][0-9]_*.sql")):
        number = int(file.name[:3])
        if number <= version:
            con.execute(file.read_text(encoding="utf-8"))
            con.execute("INSERT INTO schema_migrations (version, name) VALUES (?, ?)", [number, file.name])
    return con


def test_raw_rows_kept_column_by_column_survive_the_move_to_one_text_per_row(tmp_path: Path) -> None:
    path = tmp_path / "old.duckdb"
    con = _workspace_at(path, 6)
    # Rows as schema 6 stored them: an ACLED file with a column of its own ("Extra", kept in raw_acled."Extra"),
    # its rebuilt fields taken from the report; a UCDP row; an Air Force tally.
    con.execute("ALTER TABLE raw_acled ADD COLUMN \"Extra\" VARCHAR")
    report = ("INSERT INTO reports (report_id, feed, source, text, place_name, admin1, target_type, target_category, "
              "weapon, stance, is_incident, ingest_id, source_line) VALUES (?, ?, ?, ?, ?, ?, 'unknown', 'unknown', "
              "'unknown', 'neutral', true, ?, ?)")
    con.execute(report, ["acled:A1", "acled", "Src", 'He said "no"\x1f.', "Town", "Region", 1, 2])
    con.execute(report, ["acled:A2", "acled", None, None, None, None, 1, 3])
    con.execute(report, ["ucdp:7", "ucdp", None, "t", None, None, 2, 2])
    con.execute("INSERT INTO tallies (tally_id, feed, time_start, model, weapon, ingest_id, source_line) "
                "VALUES ('af:1', 'airforce', '2025-03-01', 'Shahed', 'drone', 3, 2)")
    con.execute("INSERT INTO raw_columns VALUES (1, 'acled', ['event_id_cnty', 'event_date', 'notes', 'Extra', "
                "'source', 'location', 'admin1', 'fatalities'], ['event_id_cnty', 'event_date', 'notes', 'Extra', "
                "'source', 'location', 'admin1', 'fatalities']), (2, 'ucdp', ['id', 'country'], ['id', 'country']), "
                "(3, 'airforce', ['model', 'launched'], ['model', 'launched'])")
    con.execute("INSERT INTO raw_acled (_cf_ingest_id, _cf_line, event_date, \"Extra\", fatalities) VALUES "
                "(1, 2, '2022-03-01', 'x', '0'), (1, 3, NULL, NULL, '3')")
    con.execute("INSERT INTO raw_ucdp (_cf_ingest_id, _cf_line, id, country) VALUES (2, 2, '7', 'Ukraine')")
    con.execute("INSERT INTO raw_airforce (_cf_ingest_id, _cf_line, model, launched) VALUES (3, 2, 'Shahed', '12')")
    before = con.execute("SELECT report_id, raw::VARCHAR FROM report_raw UNION ALL "
                         "SELECT tally_id, raw::VARCHAR FROM tally_raw ORDER BY 1").fetchall()
    con.close()
    assert len(before) == 4
    with open_workspace(path) as ws:
        assert ws.schema_version() == SCHEMA_VERSION
        after = ws.con.execute("SELECT report_id, raw::VARCHAR FROM report_raw UNION ALL "
                               "SELECT tally_id, raw::VARCHAR FROM tally_raw ORDER BY 1").fetchall()
        tables = {r[0] for r in ws.con.execute("SELECT table_name FROM information_schema.tables").fetchall()}
    assert after == before
    assert "raw_rows" in tables and not tables & {"raw_acled", "raw_ucdp", "raw_airforce"}
