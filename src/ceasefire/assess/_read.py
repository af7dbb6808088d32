"""Reading stored findings back: filters, JSON records, CSV rows."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime
from typing import Any

from ceasefire.workspace import Workspace

FINDING_COLUMNS = (
    "report_id", "incident_id", "agreement", "account", "account_party", "provision", "covered", "reason_code",
    "reason", "accused", "grade", "evidence", "sources", "when_start", "when_end", "target_type", "country", "admin1",
)


def iter_findings(
    ws: Workspace,
    *,
    agreement_id: str | None = None,
    account_id: str | None = None,
    covered: bool | None = None,
    level: str = "report",
    limit: int | None = None,
) -> Iterator[dict[str, Any]]:
    """Stored findings as dicts in the DESIGN.md JSON shape, ordered by time then agreement/account/provision."""
    where = ["report_id IS NOT NULL" if level == "report" else "incident_id IS NOT NULL"]
    params: list[Any] = []
    if agreement_id is not None:
        where.append("agreement = ?")
        params.append(agreement_id)
    if account_id is not None:
        where.append("account = ?")
        params.append(account_id)
    if covered is not None:
        where.append("covered = ?")
        params.append(covered)
    from ceasefire.assess._engine import has_relation

    if not has_relation(ws.con, "findings"):
        return
    sql = (
        f"SELECT {', '.join(FINDING_COLUMNS)} FROM findings WHERE {' AND '.join(where)} "
        "ORDER BY when_start NULLS LAST, coalesce(report_id, incident_id), agreement, account, provision"
    )
    if limit is not None:
        sql += f" LIMIT {int(limit)}"
    cursor = ws.con.cursor()
    cursor.execute(sql, params)
    while batch := cursor.fetchmany(10_000):
        for row in batch:
            yield finding_json(dict(zip(FINDING_COLUMNS, row, strict=True)))


def finding_json(row: dict[str, Any]) -> dict[str, Any]:
    record = {key: value for key, value in row.items() if key not in ("when_start", "when_end")}
    record["when"] = {"start": _iso(row["when_start"]), "end": _iso(row["when_end"])}
    if record["incident_id"] is None:
        del record["incident_id"]
    if record["report_id"] is None:
        del record["report_id"]
    return record


def _iso(value: datetime | None) -> str | None:
    return value.isoformat() if value is not None else None
