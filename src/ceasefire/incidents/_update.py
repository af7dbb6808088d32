"""Updating incidents after an ingest, rebuilding them, and the analyst's split and merge."""

from __future__ import annotations

import time
from collections.abc import Iterable
from dataclasses import dataclass

import duckdb

from ceasefire.errors import BadInput
from ceasefire.incidents._cluster import close_scope, cluster_scope, store_scope
from ceasefire.incidents._pairs import build_features, find_pairs
from ceasefire.incidents._registry import sync_registry
from ceasefire.workspace import Workspace


@dataclass(frozen=True, slots=True)
class IncidentUpdate:
    """What an update did: reports newly assigned, reports whose incidents were recomputed, pairs found."""

    new_reports: int
    recomputed_reports: int
    pairs_added: int
    incidents: int
    seconds: float


def update_incidents(ws: Workspace) -> IncidentUpdate:
    """Assign reports not yet in an incident, recomputing only the incidents they can touch.

    The work happens in temporary tables; the workspace changes in one short transaction at the end."""
    started = time.perf_counter()
    sync_registry(ws)
    con = ws.con
    build_features(con)
    con.execute("CREATE OR REPLACE TEMP TABLE _inc_new AS"
                " SELECT report_id FROM _inc_feat ANTI JOIN incident_members USING (report_id)")
    new = _count(con, "_inc_new")
    pairs = recomputed = 0
    if new:
        pairs = find_pairs(con, "_inc_new")
        con.execute("CREATE OR REPLACE TEMP VIEW _inc_allpairs AS SELECT a, b, kind FROM incident_pairs"
                    " UNION ALL SELECT a, b, kind FROM _inc_found")
        con.execute("CREATE OR REPLACE TEMP TABLE _inc_scope AS SELECT report_id FROM _inc_new")
        recomputed = close_scope(con, "_inc_scope", "_inc_allpairs")
        cluster_scope(con, "_inc_scope", "_inc_allpairs")
        with ws.transaction():
            con.execute("INSERT INTO incident_pairs SELECT * EXCLUDE (ra, rb) FROM _inc_found")
            store_scope(con, "_inc_scope")
    return IncidentUpdate(new, recomputed, pairs, _incident_count(con), time.perf_counter() - started)


def rebuild_incidents(ws: Workspace) -> IncidentUpdate:
    """Recompute every incident from all reports (the analyst's pins are kept)."""
    started = time.perf_counter()
    sync_registry(ws)
    con = ws.con
    build_features(con)
    pairs = find_pairs(con, None)
    con.execute("CREATE OR REPLACE TEMP TABLE _inc_scope AS SELECT report_id FROM _inc_feat")
    everything = _count(con, "_inc_scope")
    cluster_scope(con, "_inc_scope", numbered_pairs="_inc_found")
    with ws.transaction():
        con.execute("DELETE FROM incident_members; DELETE FROM incident_pairs;"
                    " INSERT INTO incident_pairs SELECT * EXCLUDE (ra, rb) FROM _inc_found;"
                    " INSERT INTO incident_members SELECT * FROM _inc_out")
    return IncidentUpdate(everything, everything, pairs, _incident_count(con), time.perf_counter() - started)


def split(ws: Workspace, incident_id: str, report_ids: Iterable[str]) -> tuple[str, str]:
    """Take ``report_ids`` out of the incident into one of their own; the decision holds across updates.

    Returns the incident ids of the reports taken out and of those left."""
    taken = sorted(set(report_ids))
    members = _members(ws, incident_id)
    strangers = [r for r in taken if r not in members]
    if strangers:
        raise BadInput("incidents split", incident_id, f"not reports of this incident: {', '.join(strangers)}")
    left = sorted(set(members) - set(taken))
    if not taken or not left:
        raise BadInput("incidents split", incident_id, "name some, but not all, of the incident's reports")
    with ws.transaction() as con:
        decision = _decide(con, "split", [incident_id], taken)
        con.executemany("INSERT OR REPLACE INTO incident_pins VALUES (?, ?, ?)",
                        [(r, f"{decision}a", decision) for r in taken] + [(r, f"{decision}b", decision) for r in left])
        _recluster(con, members)
    return _incident_of(ws, taken[0]), _incident_of(ws, left[0])


def merge(ws: Workspace, incident_ids: Iterable[str]) -> str:
    """Make the incidents one; the decision holds across updates. Returns the merged incident's id."""
    ids = sorted(set(incident_ids))
    if len(ids) < 2:
        raise BadInput("incidents merge", None, "name at least two incidents")
    members: list[str] = []
    for incident_id in ids:
        members += _members(ws, incident_id)
    with ws.transaction() as con:
        decision = _decide(con, "merge", ids, sorted(members))
        con.executemany("INSERT OR REPLACE INTO incident_pins VALUES (?, ?, ?)",
                        [(r, str(decision), decision) for r in members])
        _recluster(con, members)
    return _incident_of(ws, members[0])


def _recluster(con: duckdb.DuckDBPyConnection, report_ids: list[str]) -> None:
    build_features(con)
    con.execute("CREATE OR REPLACE TEMP TABLE _inc_scope (report_id VARCHAR)")
    con.executemany("INSERT INTO _inc_scope VALUES (?)", [(r,) for r in report_ids])
    close_scope(con, "_inc_scope")
    cluster_scope(con, "_inc_scope")
    store_scope(con, "_inc_scope")


def _decide(con: duckdb.DuckDBPyConnection, kind: str, incident_ids: list[str], report_ids: list[str]) -> int:
    decision = int(con.execute("SELECT coalesce(max(decision_id), 0) + 1 FROM incident_decisions").fetchall()[0][0])
    con.execute("INSERT INTO incident_decisions (decision_id, kind, incident_ids, report_ids) VALUES (?, ?, ?, ?)",
                [decision, kind, incident_ids, report_ids])
    return decision


def _members(ws: Workspace, incident_id: str) -> list[str]:
    rows = ws.con.execute("SELECT report_id FROM incident_members WHERE incident_id = ? ORDER BY report_id",
                          [incident_id]).fetchall()
    if not rows:
        raise BadInput("incidents", incident_id, "no such incident (run `ceasefire incidents update` first?)")
    return [str(r[0]) for r in rows]


def _incident_of(ws: Workspace, report_id: str) -> str:
    row = ws.con.execute("SELECT incident_id FROM incident_members WHERE report_id = ?", [report_id]).fetchone()
    return str(row[0]) if row else ""


def _count(con: duckdb.DuckDBPyConnection, table: str) -> int:
    return int(con.execute(f"SELECT count(*) FROM {table}").fetchall()[0][0])


def _incident_count(con: duckdb.DuckDBPyConnection) -> int:
    return int(con.execute("SELECT count(DISTINCT incident_id) FROM incident_members").fetchall()[0][0])
