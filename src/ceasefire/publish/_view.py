"""A read-only view of a workspace for pages and reports.

The workspace file is attached read-only to an in-memory DuckDB database (compressed where DuckDB can), where we keep
two derived tables, both stored newest first so a page is a filtered scan that stops after its rows:

* ``subjects``: one row per incident (reports merged by ``incident_members`` where findings are judged per
  incident, otherwise each incident report on its own) with its time, place, accused party, grade, sources and
  report ids;
* ``finding_rows``: the findings at that level, without their evidence lists (those are the subject's reports).

Nothing a page does can change the workspace, and pages stay fast on large workspaces. Queries run on one thread
each: a server answers many at once, and a filtered scan with a LIMIT stops early only on one thread.

Tables written by other parts of ceasefire (findings, incidents, claims) may not exist yet in a given workspace;
``has_table`` lets every query degrade to an empty answer instead of an error.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar, cast

import duckdb

from ceasefire.errors import WorkspaceError

T = TypeVar("T")

# The grade of a report judged on its own, when no finding gives one: who says it, about whom.
_REPORT_GRADE = """CASE
    WHEN r.actor IS NULL THEN 'unattributed'
    WHEN r.stance = 'confirmation' AND r.claimant = r.actor THEN 'corroborated'
    WHEN r.stance = 'denial' THEN 'disputed'
    ELSE 'alleged' END"""



def _grade_rank(expr: str) -> str:
    """Strongest grade first when several reports or findings give one."""
    return f"CASE {expr} WHEN 'corroborated' THEN 3 WHEN 'disputed' THEN 2 WHEN 'alleged' THEN 1 ELSE 0 END"


@dataclass
class View:
    """An open view. ``cursor()`` gives a connection for the calling thread (DuckDB cursors are not shared)."""

    path: Path
    con: duckdb.DuckDBPyConnection
    tables: frozenset[str]
    level: str  # 'incident' when findings were judged per incident, else 'report'
    _local: threading.local = field(default_factory=threading.local, repr=False)
    _memo: OrderedDict[Hashable, Any] = field(default_factory=OrderedDict, repr=False)
    _large: OrderedDict[Hashable, Any] = field(default_factory=OrderedDict, repr=False)
    _memo_lock: threading.Lock = field(default_factory=threading.Lock, repr=False)

    def memo(self, key: Hashable, compute: Callable[[], T], *, large: bool = False) -> T:
        """``compute()`` once per key (the workspace is read-only while the view is open).

        The last 2,048 small answers (counts, chart data) are kept, and the last 64 ``large`` ones (rendered maps
        and charts of a few hundred KiB).
        """
        memo, limit = (self._large, 64) if large else (self._memo, 2048)
        with self._memo_lock:
            if key in memo:
                memo.move_to_end(key)
                return cast(T, memo[key])
        value = compute()
        with self._memo_lock:
            memo[key] = value
            while len(memo) > limit:
                memo.popitem(last=False)
        return value

    def cursor(self) -> duckdb.DuckDBPyConnection:
        cur: duckdb.DuckDBPyConnection | None = getattr(self._local, "cursor", None)
        if cur is None:
            cur = self.con.cursor()
            cur.execute("USE view_store")
            self._local.cursor = cur
        return cur

    def has_table(self, name: str) -> bool:
        return name in self.tables

    def close(self) -> None:
        self.con.close()

    def __enter__(self) -> View:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def open_view(path: Path | str) -> View:
    """Attach the workspace at ``path`` read-only and build the ``subjects`` table."""
    path = Path(path)
    if not path.exists():
        raise WorkspaceError(f"{path}: no workspace here (run `ceasefire ingest` or `ceasefire demo` first)")
    con = duckdb.connect(":memory:")
    con.execute("SET enable_progress_bar = false")
    try:
        con.execute("ATTACH ':memory:' AS view_store (COMPRESS)")
    except duckdb.Error:  # an older DuckDB: an uncompressed in-memory store works the same
        con.execute("ATTACH ':memory:' AS view_store")
    try:
        literal = "'" + str(path).replace("'", "''") + "'"  # ATTACH takes no parameters; quote the path as SQL text
        con.execute(f"ATTACH {literal} AS ws (READ_ONLY)")
    except duckdb.Error as err:
        con.close()
        first = str(err).splitlines()[0] if str(err) else type(err).__name__
        raise WorkspaceError(f"{path}: cannot open workspace: {first}") from err
    rows = con.execute("SELECT table_name FROM information_schema.tables WHERE table_catalog = 'ws'").fetchall()
    tables = frozenset(str(r[0]) for r in rows)
    if "reports" not in tables:
        con.close()
        raise WorkspaceError(f"{path}: not a ceasefire workspace")
    level = "report"
    if "findings" in tables:
        found = con.execute("SELECT count(*) FROM ws.findings WHERE incident_id IS NOT NULL").fetchone()
        level = "incident" if found and found[0] else "report"
    con.execute("USE view_store")
    _build_subjects(con, tables, level)
    con.execute("SET threads = 1")
    con.execute("SET preserve_insertion_order = true")
    return View(path=path, con=con, tables=tables, level=level)


def _build_subjects(con: duckdb.DuckDBPyConnection, tables: frozenset[str], level: str) -> None:
    merged = "incident_members" in tables and level == "incident"
    subject = "coalesce(m.incident_id, r.report_id)" if merged else "r.report_id"
    join = "LEFT JOIN ws.incident_members m USING (report_id)" if merged else ""
    con.execute(
        f"""
        CREATE OR REPLACE TABLE subjects AS
        SELECT {subject} AS subject_id,
               min(r.when_start) AS when_start,
               max(r.when_end) AS when_end,
               arg_min(r.place_name, CASE WHEN r.place_name IS NULL THEN 1 ELSE 0 END) AS place_name,
               arg_min(r.admin1, CASE WHEN r.admin1 IS NULL THEN 1 ELSE 0 END) AS admin1,
               arg_min(r.country, CASE WHEN r.country IS NULL THEN 1 ELSE 0 END) AS country,
               avg(r.lat) AS lat,
               avg(r.lon) AS lon,
               mode(r.actor) AS accused,
               mode(r.target_type) AS target_type,
               mode(r.weapon) AS weapon,
               arg_max({_REPORT_GRADE}, {_grade_rank(_REPORT_GRADE)}) AS report_grade,
               count(*) AS n_reports,
               list(DISTINCT r.source) FILTER (WHERE r.source IS NOT NULL) AS sources,
               list(r.report_id ORDER BY r.report_id) AS report_ids,
               list(r.rowid ORDER BY r.rowid) AS report_rows
        FROM ws.reports r {join}
        WHERE r.is_incident
        GROUP BY 1
        """
    )
    if "findings" in tables:
        key = "incident_id" if level == "incident" else "report_id"
        con.execute(
            f"""
            CREATE OR REPLACE TABLE subject_grades AS
            SELECT {key} AS subject_id, arg_max(grade, {_grade_rank("grade")}) AS grade,
                   bool_or(covered) AS covered_any
            FROM ws.findings WHERE {key} IS NOT NULL GROUP BY 1
            """
        )
        con.execute(
            """
            CREATE OR REPLACE TABLE subjects AS
            SELECT s.* EXCLUDE (report_grade), coalesce(g.grade, s.report_grade) AS grade,
                   coalesce(g.covered_any, false) AS covered_any
            FROM subjects s LEFT JOIN subject_grades g USING (subject_id)
            """
        )
        con.execute("DROP TABLE subject_grades")
    else:
        con.execute(
            "CREATE OR REPLACE TABLE subjects AS "
            "SELECT * EXCLUDE (report_grade), report_grade AS grade, false AS covered_any FROM subjects"
        )
    con.execute(
        "CREATE OR REPLACE TABLE subjects AS SELECT * FROM subjects ORDER BY when_start DESC NULLS LAST, subject_id"
    )
    con.execute("CREATE INDEX subjects_id ON subjects (subject_id)")
    if "findings" in tables:
        key = "incident_id" if level == "incident" else "report_id"
        # Few distinct values in many rows: an ENUM stores each in a byte instead of a string per row.
        for column in ("agreement", "account", "provision", "accused", "grade"):
            con.execute(
                f"CREATE TYPE {column}_values AS ENUM "
                f"(SELECT DISTINCT {column} FROM ws.findings WHERE {column} IS NOT NULL ORDER BY 1)"
            )
        con.execute(
            f"""
            CREATE OR REPLACE TABLE finding_rows AS
            SELECT {key} AS subject_id, agreement::agreement_values AS agreement, account::account_values AS account,
                   provision::provision_values AS provision, covered, reason, accused::accused_values AS accused,
                   grade::grade_values AS grade, when_start
            FROM ws.findings WHERE {key} IS NOT NULL
            ORDER BY when_start DESC NULLS LAST, subject_id, agreement, account, provision
            """
        )
