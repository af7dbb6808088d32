"""Putting report rows straight into a test workspace (the shapes the readers and extractors produce)."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

from ceasefire.workspace import Workspace

DAY = timedelta(days=1)
HOUR = timedelta(hours=1)

_COLUMNS = ("report_id", "feed", "source", "text", "when_start", "when_end", "place_name", "admin1", "country",
            "lat", "lon", "actor", "claimant", "target_type", "target_category", "weapon", "stance",
            "is_incident", "ingest_id", "raw")


def add_report(ws: Workspace, report_id: str, *, start: datetime | None, end: datetime | None = None,
               target: str = "energy.power", **fields: Any) -> None:
    """Insert one report. Defaults: a day-long window, feed jsonl, weapon drone, neutral, an incident."""
    row: dict[str, Any] = {
        "report_id": report_id, "feed": "jsonl", "source": None, "text": None, "when_start": start,
        "when_end": end if end is not None or start is None else start + DAY,
        "place_name": None, "admin1": None, "country": "UA",
        "lat": None, "lon": None, "actor": None, "claimant": None, "target_type": target,
        "target_category": target.split(".", 1)[0], "weapon": "drone", "stance": "neutral", "is_incident": True,
        "ingest_id": 1, "raw": None,
    }
    unknown = set(fields) - set(row)
    assert not unknown, unknown
    row.update(fields)
    marks = ", ".join("?" for _ in _COLUMNS)
    ws.con.execute(f"INSERT INTO reports ({', '.join(_COLUMNS)}) VALUES ({marks})", [row[c] for c in _COLUMNS])


def incident_of(ws: Workspace, report_id: str) -> str:
    row = ws.con.execute("SELECT incident_id FROM incident_members WHERE report_id = ?", [report_id]).fetchone()
    assert row is not None, f"{report_id} is in no incident"
    return str(row[0])


def partition(ws: Workspace) -> set[frozenset[str]]:
    rows = ws.con.execute("SELECT list(report_id) FROM incident_members GROUP BY incident_id").fetchall()
    return {frozenset(r[0]) for r in rows}


def grade_of(ws: Workspace, incident_id: str) -> tuple[str, str | None]:
    row = ws.con.execute("SELECT grade, accused FROM incident_grades WHERE incident_id = ?", [incident_id]).fetchone()
    assert row is not None
    return str(row[0]), row[1]
