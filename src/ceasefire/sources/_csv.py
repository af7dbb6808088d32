"""Staging a CSV file inside DuckDB: every field as text, malformed records captured with their line numbers.

Line numbers are DuckDB's record lines: the header is line 1 and each record counts one line, so they equal the
physical line unless a quoted field spans lines.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

import duckdb

from ceasefire.errors import BadInput
from ceasefire.sources._data import sql_str

RESERVED_PREFIX = "_cf_"  # our own column and table names start with it; CSV columns may not
STAGE = "_cf_stage"
ROWS = "_cf_rows"  # view: the staged columns plus _cf_line and _cf_row (the row as a struct)
TODO = "_cf_todo"  # view over ROWS without quarantined rows and rows already stored (see define_todo)
QUARANTINE = "_cf_new_quarantine"  # table (line, reason, raw) every reader fills
_REJECTS = "_cf_rejects"
_REJECTS_SCAN = "_cf_rejects_scan"
_GAPS = "_cf_gaps"
# A quarantined row as a JSON object of the CSV fields as read (header names as keys). Stored rows keep their raw
# fields in the workspace's raw_rows table instead (read through the view report_raw).
RAW_SQL = "to_json(_cf_row)"


def stage_csv(con: duckdb.DuckDBPyConnection, path: Path, *, required: Sequence[str]) -> int:
    """Read ``path`` into the temp table ``_cf_stage`` and define the view ``_cf_rows``; put malformed records into
    ``_cf_new_quarantine``. Returns the number of records read (staged plus malformed).

    Raises BadInput when the file as a whole cannot be read as CSV or lacks a required column.
    """
    drop_staging(con)
    _check_header(path, required)
    options = ("header=true, delim=',', quote='\"', escape='\"', all_varchar=true, null_padding=false, "
               f"store_rejects=true, rejects_table='{_REJECTS}', rejects_scan='{_REJECTS_SCAN}'")
    try:
        con.execute(f"CREATE TEMP TABLE {STAGE} AS SELECT * FROM read_csv({sql_str(str(path))}, {options})")
    except duckdb.Error as err:
        raise BadInput(str(path), None, f"cannot read as CSV: {_first_line(err)}") from err
    columns = [str(d[0]) for d in con.execute(f"SELECT * FROM {STAGE} LIMIT 0").description]
    missing = [name for name in required if name not in columns]
    if missing:
        raise BadInput(str(path), 1, f"missing column(s): {', '.join(missing)}")
    reserved = [name for name in columns if name.lower().startswith(RESERVED_PREFIX)]
    if reserved:
        raise BadInput(str(path), 1, f"column name(s) reserved for ceasefire's own use: {', '.join(reserved)}")
    con.execute(
        f"CREATE TEMP TABLE {QUARANTINE} AS SELECT line::BIGINT AS line, "
        "string_agg(DISTINCT error_type || ': ' || error_message, '; ') AS reason, "
        "any_value(csv_line) AS raw "
        f"FROM {_REJECTS} GROUP BY line"
    )
    con.execute(
        f"CREATE TEMP TABLE {_GAPS} AS SELECT (line - row_number() OVER (ORDER BY line) - 1)::BIGINT AS good_before, "
        f"row_number() OVER (ORDER BY line)::BIGINT AS shift FROM {QUARANTINE}"
    )
    # Staged rows keep file order; rowids of a table created inside a transaction start at an offset.
    row = con.execute(f"SELECT min(rowid) FROM {STAGE}").fetchone()
    first = int(row[0]) if row and row[0] is not None else 0
    ordinal = f"(s.rowid - {first} + 1)"
    if _count(con, QUARANTINE) > 0:
        line = f"({ordinal} + 1 + coalesce(g.shift, 0))"
        join = f"ASOF LEFT JOIN {_GAPS} g ON {ordinal} > g.good_before"
    else:
        line, join = f"({ordinal} + 1)", ""
    con.execute(f"CREATE TEMP VIEW {ROWS} AS SELECT s.*, {line}::BIGINT AS _cf_line, s AS _cf_row "
                f"FROM {STAGE} s {join}")
    return _count(con, STAGE) + _count(con, QUARANTINE)


def quarantine_rows(con: duckdb.DuckDBPyConnection, reason_sql: str) -> None:
    """Put staged rows for which ``reason_sql`` (an SQL expression on the CSV columns) is not NULL into quarantine.

    The raw JSON is built only for those rows: the filter runs below the view's projection."""
    con.execute(f"INSERT INTO {QUARANTINE} SELECT _cf_line, {reason_sql}, {RAW_SQL} FROM {ROWS} "
                f"WHERE {reason_sql} IS NOT NULL")


def not_quarantined(con: duckdb.DuckDBPyConnection, alias: str) -> str:
    """A FROM-clause tail keeping the rows of ``alias`` (a relation with ``_cf_line``) that are not quarantined: an
    anti-join on line numbers, cheaper than testing every row's reason again (nothing when none is quarantined)."""
    if not _count(con, QUARANTINE):
        return ""
    return f"ANTI JOIN {QUARANTINE} _cf_q ON _cf_q.line = {alias}._cf_line"


def define_todo(con: duckdb.DuckDBPyConnection, key_sql: str, table: str, id_column: str) -> None:
    """Define the view ``_cf_todo``: the staged rows, not quarantined, whose id (``key_sql``, an SQL expression on the
    CSV columns, as ``_cf_key``) is not in ``table`` yet."""
    con.execute(f"CREATE OR REPLACE TEMP VIEW {TODO} AS SELECT r.* FROM "
                f"(SELECT *, ({key_sql}) AS _cf_key FROM {ROWS}) r {not_quarantined(con, 'r')} "
                f"ANTI JOIN {table} _cf_t ON _cf_t.{id_column} = r._cf_key")


def drop_staging(con: duckdb.DuckDBPyConnection) -> None:
    con.execute(f"DROP VIEW IF EXISTS {TODO}")
    con.execute(f"DROP VIEW IF EXISTS {ROWS}")
    for table in (STAGE, QUARANTINE, _GAPS, _REJECTS, _REJECTS_SCAN):
        con.execute(f"DROP TABLE IF EXISTS {table}")


def _count(con: duckdb.DuckDBPyConnection, table: str) -> int:
    row = con.execute(f"SELECT count(*) FROM {table}").fetchone()
    return int(row[0]) if row else 0


def _check_header(path: Path, required: Sequence[str]) -> None:
    """Fail early, with a clear message, on files that are not CSV with the expected header."""
    try:
        with path.open("rb") as handle:
            head = handle.readline(1 << 20)
    except OSError as err:
        raise BadInput(str(path), None, f"cannot open: {err.strerror or err}") from err
    if not head.strip():
        raise BadInput(str(path), 1, "empty file: expected a CSV header line")
    try:
        text = head.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        raise BadInput(str(path), 1, "header is not UTF-8 text") from err
    names = [name.strip().strip('"') for name in text.rstrip("\r\n").split(",")]
    missing = [name for name in required if name not in names]
    if missing:
        raise BadInput(str(path), 1, f"missing column(s): {', '.join(missing)}")


def _first_line(err: BaseException) -> str:
    text = str(err).strip()
    return text.splitlines()[0] if text else type(err).__name__


def columns_of(con: duckdb.DuckDBPyConnection, table: str) -> list[str]:
    return [str(d[0]) for d in con.execute(f"SELECT * FROM {table} LIMIT 0").description]


def fetch_int(con: duckdb.DuckDBPyConnection, sql: str, params: list[Any] | None = None) -> int:
    row = con.execute(sql, params or []).fetchone()
    return int(row[0]) if row and row[0] is not None else 0
