"""The quarantine: rows and records an ingest could not read, with file, line and reason. Nothing is dropped."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from ceasefire.workspace._store import Workspace

__all__ = ["QuarantineEntry", "list_quarantine"]


@dataclass(frozen=True)
class QuarantineEntry:
    ingest_id: int
    file: str
    line: int | None
    reason: str
    raw: str | None

    def to_json(self) -> dict[str, Any]:
        return {"ingest_id": self.ingest_id, "file": self.file, "line": self.line, "reason": self.reason,
                "raw": self.raw}


def list_quarantine(ws: Workspace, *, file: str | None = None, limit: int | None = None) -> list[QuarantineEntry]:
    """Quarantined rows in file and line order, optionally only those of one file (as it was named at ingest)."""
    sql = "SELECT ingest_id, file, line, reason, raw FROM quarantine"
    params: list[Any] = []
    if file is not None:
        sql += " WHERE file = ?"
        params.append(file)
    sql += " ORDER BY file, line NULLS LAST, ingest_id"
    if limit is not None:
        sql += f" LIMIT {int(limit)}"
    return [QuarantineEntry(int(r[0]), str(r[1]), None if r[2] is None else int(r[2]), str(r[3]),
                            None if r[4] is None else str(r[4]))
            for r in ws.con.execute(sql, params).fetchall()]
