"""Reading incidents back: the list, one incident with its reasons, and grade counts for `status`."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

import duckdb

from ceasefire.errors import BadInput
from ceasefire.workspace import Workspace

GRADES: tuple[str, ...] = ("corroborated", "disputed", "alleged", "unattributed")


def list_incidents(ws: Workspace, *, limit: int | None = None) -> list[dict[str, Any]]:
    """Every incident as a JSON-ready record, earliest first."""
    sql = ('SELECT * FROM incidents ORDER BY "when".start NULLS LAST, incident_id'
           + (f" LIMIT {int(limit)}" if limit is not None else ""))
    cur = ws.con.execute(sql)
    names = [d[0] for d in cur.description]
    return [_record(dict(zip(names, row, strict=True))) for row in cur.fetchall()]


def _record(row: dict[str, Any]) -> dict[str, Any]:
    when = row["when"] or {}
    place = row["place"]
    return {
        "incident_id": row["incident_id"],
        "report_ids": list(row["report_ids"]),
        "grade": row["grade"],
        "accused": row["accused"],
        "denied": row["denied"],
        "when": {"start": _iso(when.get("start")), "end": _iso(when.get("end"))},
        "place": place if place and any(v is not None for v in place.values()) else None,
        "target": {"category": row["target_category"], "type": row["target_type"]},
        "weapon": row["weapon"],
        "sources": list(row["sources"] or []),
    }


def show_incident(ws: Workspace, incident_id: str) -> dict[str, Any]:
    """One incident with its reports, the grade per accused party, and why its reports were merged."""
    found = ws.con.execute("SELECT * FROM incidents WHERE incident_id = ?", [incident_id])
    names = [d[0] for d in found.description]
    row = found.fetchone()
    if row is None:
        raise BadInput("incidents show", incident_id, "no such incident")
    record = _record(dict(zip(names, row, strict=True)))
    record["reports"] = _rows(ws.con, """
        SELECT m.report_id, m.role, r.feed, r.source, s.affiliation, s.side, r.claimant, r.actor, r.stance,
               r.when_start, r.when_end, r.place_name, r.admin1, r.country, r.target_type, r.weapon, r.text
        FROM incident_members m JOIN reports r USING (report_id) JOIN report_sides s USING (report_id)
        WHERE m.incident_id = ? ORDER BY r.when_start NULLS LAST, m.report_id""", [incident_id])
    record["accused_parties"] = _rows(ws.con, """
        SELECT accused, grade, by_independent, admitted, denied, evidence, sources
        FROM incident_accused WHERE incident_id = ? ORDER BY NOT is_primary, accused""", [incident_id])
    record["why"] = _reasons(ws.con, incident_id)
    return record


def _reasons(con: duckdb.DuckDBPyConnection, incident_id: str) -> list[str]:
    reasons: list[str] = []
    pairs = con.execute("""
        SELECT p.a, p.b, p.kind, p.place_how, p.distance_km, p.gap_hours, ra.target_type, rb.target_type
        FROM incident_pairs p
        JOIN incident_members ma ON ma.report_id = p.a JOIN incident_members mb ON mb.report_id = p.b
        JOIN reports ra ON ra.report_id = p.a JOIN reports rb ON rb.report_id = p.b
        WHERE ma.incident_id = ? AND mb.incident_id = ?
        ORDER BY p.kind DESC, p.a, p.b""", [incident_id, incident_id]).fetchall()
    for a, b, kind, how, km, gap, type_a, type_b in pairs:
        place = {"distance": f"places {km:.1f} km apart", "same_name": "the same settlement",
                 "same_admin1": "the same region", "same_country": "the same country"}[how]
        when = "overlapping times" if gap == 0 else f"times {gap:.0f} h apart"
        target = f"target {type_a}" if type_a == type_b else f"targets {type_a} and {type_b}"
        lead = {"strong": "", "touch": "a day apart, each the other's only match: ",
                "attach": "coarse report, the only incident it fits: ",
                "area": "coarse reports: "}[kind]
        reasons.append(f"{a} + {b}: {lead}{place}, {when}, {target}, no contradiction")
    decisions = con.execute("""
        SELECT DISTINCT d.decision_id, d.kind, d.decided_at
        FROM incident_members m JOIN incident_pins p USING (report_id) JOIN incident_decisions d USING (decision_id)
        WHERE m.incident_id = ? ORDER BY d.decision_id""", [incident_id]).fetchall()
    for decision_id, kind, at in decisions:
        reasons.append(f"analyst's {kind} (decision {decision_id}, {at:%Y-%m-%d %H:%M}) holds these reports")
    return reasons


@dataclass(frozen=True, slots=True)
class GradeCount:
    """Covered incidents of one agreement's account against one accused party, with one grade."""

    agreement: str
    account: str
    accused: str | None
    grade: str
    incidents: int
    first_when: datetime | None

    def to_json(self) -> dict[str, Any]:
        return {"agreement": self.agreement, "account": self.account, "accused": self.accused,
                "grade": self.grade, "incidents": self.incidents, "first_when": _iso(self.first_when)}


def grade_counts(ws: Workspace, *, agreement: str | None = None) -> list[GradeCount]:
    """Per agreement, account, accused party and grade: how many covered incidents, and when the first was.

    Covered findings come from the ``findings`` table (per report or per incident). A finding that names its own
    accused party is graded for that party (``incident_accused``); otherwise the incident's primary accused is
    used. ``first_when`` is the start of the earliest such incident: `status` subtracts the account's start to
    show the time to the first alleged and the first corroborated incident (see ``first_times``)."""
    if not _has_table(ws.con, "findings"):
        return []
    where = "AND f.agreement = ?" if agreement else ""
    rows = ws.con.execute(f"""
        WITH f AS (
            SELECT DISTINCT f.agreement, f.account, coalesce(f.incident_id, m.incident_id) AS incident_id, f.accused
            FROM findings f LEFT JOIN incident_members m ON m.report_id = f.report_id
            WHERE f.covered {where}
        ), graded AS (
            SELECT f.agreement, f.account, f.incident_id,
                   coalesce(a.accused, g.accused) AS accused, coalesce(a.grade, g.grade) AS grade
            FROM f JOIN incident_grades g USING (incident_id)
            LEFT JOIN incident_accused a ON a.incident_id = f.incident_id AND a.accused = upper(f.accused)
        )
        SELECT x.agreement, x.account, x.accused, x.grade, count(DISTINCT x.incident_id), min(i."when".start)
        FROM graded x JOIN incidents i USING (incident_id)
        GROUP BY ALL ORDER BY ALL
    """, [agreement] if agreement else []).fetchall()
    return [GradeCount(r[0], r[1], r[2], r[3], int(r[4]), r[5]) for r in rows]


def first_times(counts: list[GradeCount]) -> dict[tuple[str, str, str | None], dict[str, datetime | None]]:
    """Per (agreement, account, accused): when the first alleged (any accusation: alleged, disputed or
    corroborated) and the first corroborated covered incident happened."""
    out: dict[tuple[str, str, str | None], dict[str, datetime | None]] = {}
    for c in counts:
        slot = out.setdefault((c.agreement, c.account, c.accused), {"alleged": None, "corroborated": None})
        kinds = ["alleged"] if c.grade in ("alleged", "disputed") else ["alleged", "corroborated"]
        if c.grade == "unattributed":
            kinds = []
        for kind in kinds:
            current = slot[kind]
            if c.first_when is not None and (current is None or c.first_when < current):
                slot[kind] = c.first_when
    return out


def _has_table(con: duckdb.DuckDBPyConnection, name: str) -> bool:
    return bool(con.execute("SELECT count(*) FROM information_schema.tables WHERE table_name = ?",
                            [name]).fetchall()[0][0])


def _rows(con: duckdb.DuckDBPyConnection, sql: str, params: list[Any]) -> list[dict[str, Any]]:
    cur = con.execute(sql, params)
    names = [d[0] for d in cur.description]
    return [{k: (_iso(v) if isinstance(v, datetime) else v) for k, v in zip(names, row, strict=True)}
            for row in cur.fetchall()]


def _iso(value: Any) -> str | None:
    return value.isoformat() if isinstance(value, datetime) else None
