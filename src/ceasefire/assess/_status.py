"""How each account is faring: its window, covered reports per accused party, grades, and launch tallies."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

from ceasefire.model.agreement import Account, Agreement
from ceasefire.workspace import Workspace

TALLY_SPAN = timedelta(days=30)
GRADES = ("alleged", "disputed", "corroborated", "unattributed")


@dataclass(frozen=True, slots=True)
class PartyStatus:
    accused: str | None
    covered: int
    by_grade: dict[str, int]
    first_covered_after: timedelta | None
    first_alleged_after: timedelta | None
    first_corroborated_after: timedelta | None


@dataclass(frozen=True, slots=True)
class TallyPeriod:
    label: str  # before | during | after
    start: datetime
    end: datetime
    nights: int
    drones_per_night: float | None
    missiles_per_night: float | None


@dataclass(frozen=True, slots=True)
class AccountStatus:
    agreement: str
    account: str
    party: str
    start: datetime
    end: datetime | None
    timezone: str
    in_force: bool
    parties: list[PartyStatus] = field(default_factory=list)
    tallies: list[TallyPeriod] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        return {
            "agreement": self.agreement,
            "account": self.account,
            "party": self.party,
            "window": {"start": self.start.isoformat(), "end": self.end.isoformat() if self.end else None,
                       "timezone": self.timezone},
            "in_force": self.in_force,
            "parties": [
                {"accused": p.accused, "covered": p.covered, "by_grade": p.by_grade,
                 "first_covered_after_hours": _hours(p.first_covered_after),
                 "first_alleged_after_hours": _hours(p.first_alleged_after),
                 "first_corroborated_after_hours": _hours(p.first_corroborated_after)}
                for p in self.parties
            ],
            "tallies": [
                {"period": t.label, "start": t.start.isoformat(), "end": t.end.isoformat(), "nights": t.nights,
                 "drones_per_night": t.drones_per_night, "missiles_per_night": t.missiles_per_night}
                for t in self.tallies
            ],
        }


def account_status(
    ws: Workspace, agreements: Sequence[Agreement], *, agreement_id: str | None = None, level: str = "report"
) -> list[AccountStatus]:
    """One status per account of the chosen agreements, from stored findings and tallies."""
    result: list[AccountStatus] = []
    for agreement in agreements:
        if agreement_id is not None and agreement.agreement_id != agreement_id:
            continue
        for account in agreement.accounts:
            result.append(_one(ws, agreement, account, level))
    return result


def _one(ws: Workspace, agreement: Agreement, account: Account, level: str) -> AccountStatus:
    start = account.window.start_utc()
    end = account.window.end_utc()
    return AccountStatus(
        agreement=agreement.agreement_id,
        account=account.account_id,
        party=account.party,
        start=start,
        end=end,
        timezone=account.timezone,
        in_force=account.in_force,
        parties=_parties(ws, agreement.agreement_id, account.account_id, start, level),
        tallies=_tallies(ws, start, end),
    )


def _parties(ws: Workspace, agreement: str, account: str, start: datetime, level: str) -> list[PartyStatus]:
    from ceasefire.assess._engine import has_relation

    if not has_relation(ws.con, "findings"):
        return []
    id_column = "incident_id" if level == "incident" else "report_id"
    rows = ws.con.execute(
        f"""
        WITH covered AS (
            SELECT DISTINCT {id_column} AS subject, accused, grade, when_start
            FROM findings
            WHERE agreement = ? AND account = ? AND covered AND {id_column} IS NOT NULL
        )
        SELECT accused, count(*) AS n,
               count(*) FILTER (WHERE grade = 'alleged'), count(*) FILTER (WHERE grade = 'disputed'),
               count(*) FILTER (WHERE grade = 'corroborated'), count(*) FILTER (WHERE grade = 'unattributed'),
               min(when_start),
               min(when_start) FILTER (WHERE grade IN ('alleged', 'disputed', 'corroborated')),
               min(when_start) FILTER (WHERE grade = 'corroborated')
        FROM covered GROUP BY accused ORDER BY n DESC, accused NULLS LAST
        """,
        [agreement, account],
    ).fetchall()
    return [
        PartyStatus(
            accused=row[0],
            covered=int(row[1]),
            by_grade=dict(zip(GRADES, (int(v) for v in row[2:6]), strict=True)),
            first_covered_after=_since(start, row[6]),
            first_alleged_after=_since(start, row[7]),
            first_corroborated_after=_since(start, row[8]),
        )
        for row in rows
    ]


def _tallies(ws: Workspace, start: datetime, end: datetime | None) -> list[TallyPeriod]:
    during_end = end if end is not None else start + TALLY_SPAN
    periods = [
        ("before", start - TALLY_SPAN, start),
        ("during" if end is not None else "first 30 days (no end stated)", start, during_end),
    ]
    if end is not None:
        periods.append(("after", end, end + TALLY_SPAN))
    has_any = ws.con.execute("SELECT count(*) FROM tallies").fetchone()
    if not has_any or not has_any[0]:
        return []
    out: list[TallyPeriod] = []
    for label, a, b in periods:
        row = ws.con.execute(
            """SELECT sum(launched) FILTER (WHERE weapon = 'drone'), sum(launched) FILTER (WHERE weapon = 'missile'),
                      count(*)
               FROM tallies WHERE time_start >= ? AND time_start < ?""",
            [a, b],
        ).fetchone()
        nights = max(1, round((b - a) / timedelta(days=1)))
        drones, missiles = (row[0], row[1]) if row else (None, None)
        out.append(
            TallyPeriod(
                label=label, start=a, end=b, nights=nights,
                drones_per_night=round(float(drones or 0) / nights, 1),
                missiles_per_night=round(float(missiles or 0) / nights, 1),
            )
        )
    return out


def _since(start: datetime, when: datetime | None) -> timedelta | None:
    return None if when is None else max(timedelta(0), when - start)


def _hours(value: timedelta | None) -> float | None:
    return None if value is None else round(value.total_seconds() / 3600, 1)
