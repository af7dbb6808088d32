"""The set-based engine: every report (or incident) × every provision, in one DuckDB query.

The same query shape (a cross product filtered by equi-joins on small lookup tables, then CASE) maps directly to
Spark SQL; nothing here loops over reports in Python.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import duckdb
import pyarrow as pa

from ceasefire.assess._provisions import ProvisionRow, provision_rows
from ceasefire.model.agreement import Agreement
from ceasefire.workspace import Workspace

REASON_CODES = (
    "covered",
    "not_in_force",
    "time_unknown",
    "before_start",
    "after_end",
    "actor_not_bound",
    "action_not_prohibited",
    "target_unknown",
    "target_not_in_scope",
    "place_unknown",
    "place_not_in_scope",
)


@dataclass(frozen=True, slots=True)
class AssessResult:
    judged: int  # reports or incidents judged
    provisions: int
    findings: int
    covered: int
    level: str


def _register_provisions(con: duckdb.DuckDBPyConnection, rows: Sequence[ProvisionRow]) -> None:
    columns = {name: [getattr(r, name) for r in rows] for name in ProvisionRow.__slots__}
    schema = pa.schema(
        [
            ("pkey", pa.int64()),
            ("agreement", pa.string()),
            ("account", pa.string()),
            ("account_party", pa.string()),
            ("provision", pa.string()),
            ("bound", pa.list_(pa.string())),
            ("every_party", pa.bool_()),
            ("actions", pa.list_(pa.string())),
            ("any_action", pa.bool_()),
            ("targets", pa.list_(pa.string())),
            ("any_target", pa.bool_()),
            ("countries", pa.list_(pa.string())),
            ("admin1", pa.list_(pa.string())),
            ("areas", pa.list_(pa.string())),
            ("win_start", pa.timestamp("us")),
            ("win_end", pa.timestamp("us")),
            ("in_force", pa.bool_()),
            ("not_in_force_why", pa.string()),
        ]
    )
    table = pa.table({field.name: pa.array(columns[field.name], type=field.type) for field in schema}, schema=schema)
    con.register("_provisions_arrow", table)
    con.execute("CREATE OR REPLACE TEMP TABLE _provisions AS SELECT * FROM _provisions_arrow")
    con.unregister("_provisions_arrow")


# The subjects being judged, in one shape whatever the level.
_REPORT_SUBJECTS = """
SELECT r.report_id AS report_id, CAST(NULL AS VARCHAR) AS incident_id,
       r.when_start, r.when_end, r.actor, r.action, r.target_type, r.country, r.admin1, r.place_name,
       {grade} AS grade, [r.report_id] AS evidence, list_filter([r.source], lambda s: s IS NOT NULL) AS sources
FROM reports r {grade_join}
WHERE r.is_incident
"""

_INCIDENT_SUBJECTS = """
SELECT NULL::VARCHAR AS report_id, i.incident_id, i.when_start, i.when_end, i.accused AS actor,
       i.action, i.target_type, i.country, i.admin1, i.place_name, i.grade, i.report_ids AS evidence, i.sources
FROM incident_subjects i
"""

# Report-level grade when no incident has been built for the report: who says it, about whom.
_REPORT_GRADE = """CASE
    WHEN r.actor IS NULL THEN 'unattributed'
    WHEN r.stance = 'confirmation' AND (r.claimant IS NULL OR r.claimant = r.actor) THEN 'corroborated'
    WHEN r.stance = 'denial' THEN 'disputed'
    ELSE 'alleged' END"""

_FINDINGS = """
WITH subjects AS ({subjects}),
target_types AS (SELECT DISTINCT coalesce(target_type, 'unknown') AS target_type FROM subjects),
scope AS (
    SELECT p.pkey, t.target_type,
           p.any_target OR len(list_filter(p.targets, lambda x: t.target_type = x
                                           OR starts_with(t.target_type, x || '.'))) > 0 AS target_in_scope
    FROM _provisions p CROSS JOIN target_types t
)
SELECT s.report_id, s.incident_id, p.agreement, p.account, p.account_party, p.provision,
       reason_code = 'covered' AS covered, reason_code,
       CASE reason_code
         WHEN 'covered' THEN format('covered: {{}} in {{}} on {{}}, inside this account''s window ({{}} to {{}}){{}}',
              s.target_type, coalesce(s.admin1 || ', ', '') || coalesce(s.country, '?'),
              strftime(s.when_start, '%Y-%m-%d %H:%M UTC'), strftime(p.win_start, '%Y-%m-%d %H:%M UTC'),
              coalesce(strftime(p.win_end, '%Y-%m-%d %H:%M UTC'), 'no end stated'),
              CASE WHEN s.actor IS NULL THEN '; no party named as actor' ELSE '; ' || s.actor || ' is bound' END)
         WHEN 'not_in_force' THEN 'outside: ' || p.not_in_force_why
         WHEN 'time_unknown' THEN 'outside: the report gives no time, so it cannot be placed in the window'
         WHEN 'before_start' THEN format('outside: before start (the report ends {{}}; this account starts {{}})',
              strftime(s.when_end, '%Y-%m-%d %H:%M UTC'), strftime(p.win_start, '%Y-%m-%d %H:%M UTC'))
         WHEN 'after_end' THEN format('outside: after end (the report starts {{}}; this account ended {{}})',
              strftime(s.when_start, '%Y-%m-%d %H:%M UTC'), strftime(p.win_end, '%Y-%m-%d %H:%M UTC'))
         WHEN 'actor_not_bound' THEN format(
              'outside: actor not bound ({{}} is not bound by this provision, which binds {{}})',
              s.actor, array_to_string(p.bound, ', '))
         WHEN 'action_not_prohibited' THEN format('outside: action ''{{}}'' is not prohibited here (prohibits {{}})',
              s.action, array_to_string(p.actions, ', '))
         WHEN 'target_unknown' THEN format('outside: target unknown (this account covers only {{}})',
              array_to_string(p.targets, ', '))
         WHEN 'target_not_in_scope' THEN format('outside: target ''{{}}'' is not in this account''s scope ({{}})',
              s.target_type, array_to_string(p.targets, ', '))
         WHEN 'place_unknown' THEN format('outside: place unknown (this provision applies only in {{}})',
              array_to_string(coalesce(p.areas, p.admin1, p.countries), ', '))
         WHEN 'place_not_in_scope' THEN format('outside: place not in scope ({{}} is outside {{}})',
              coalesce(s.admin1 || ', ', '') || coalesce(s.country, '?'),
              array_to_string(coalesce(p.areas, p.admin1, p.countries), ', '))
       END AS reason,
       s.actor AS accused, s.grade, s.evidence, s.sources, s.when_start, s.when_end, s.target_type, s.country, s.admin1
FROM (
    SELECT s.*, p.pkey,
      CASE
        WHEN NOT p.in_force THEN 'not_in_force'
        WHEN s.when_start IS NULL OR s.when_end IS NULL THEN 'time_unknown'
        WHEN s.when_end <= p.win_start THEN 'before_start'
        WHEN p.win_end IS NOT NULL AND s.when_start >= p.win_end THEN 'after_end'
        WHEN s.actor IS NOT NULL AND NOT p.every_party AND NOT list_contains(p.bound, s.actor) THEN 'actor_not_bound'
        WHEN s.action IS NOT NULL AND NOT p.any_action AND NOT list_contains(p.actions, s.action)
             THEN 'action_not_prohibited'
        WHEN NOT p.any_target AND coalesce(s.target_type, 'unknown') = 'unknown' THEN 'target_unknown'
        WHEN NOT sc.target_in_scope THEN 'target_not_in_scope'
        WHEN (p.countries IS NOT NULL OR p.admin1 IS NOT NULL OR p.areas IS NOT NULL)
             AND s.country IS NULL AND s.admin1 IS NULL AND s.place_name IS NULL THEN 'place_unknown'
        WHEN p.areas IS NOT NULL AND NOT (coalesce(list_contains(p.areas, s.admin1), false)
                                          OR coalesce(list_contains(p.areas, s.place_name), false))
             THEN 'place_not_in_scope'
        WHEN p.countries IS NOT NULL AND s.country IS NOT NULL AND NOT list_contains(p.countries, s.country)
             THEN 'place_not_in_scope'
        WHEN p.admin1 IS NOT NULL AND (s.admin1 IS NULL OR NOT list_contains(p.admin1, s.admin1))
             THEN 'place_not_in_scope'
        ELSE 'covered'
      END AS reason_code
    FROM subjects s
    JOIN scope sc ON sc.target_type = coalesce(s.target_type, 'unknown')
    JOIN _provisions p ON p.pkey = sc.pkey
) s
JOIN _provisions p ON p.pkey = s.pkey
"""


def _has_table(con: duckdb.DuckDBPyConnection, name: str) -> bool:
    row = con.execute(
        "SELECT count(*) FROM information_schema.tables WHERE table_name = ?", [name]
    ).fetchone()
    return bool(row and row[0])


def findings_sql(con: duckdb.DuckDBPyConnection, *, level: str) -> str:
    """The SELECT that yields findings for ``level`` ('report' or 'incident')."""
    if level == "incident":
        subjects = _INCIDENT_SUBJECTS
    else:
        if _has_table(con, "incident_evidence"):
            grade = f"coalesce(ie.grade, {_REPORT_GRADE})"
            grade_join = "LEFT JOIN (SELECT DISTINCT report_id, grade FROM incident_evidence) ie USING (report_id)"
        else:
            grade, grade_join = _REPORT_GRADE, ""
        subjects = _REPORT_SUBJECTS.format(grade=grade, grade_join=grade_join)
    return _FINDINGS.format(subjects=subjects)


def select_agreements(
    agreements: Sequence[Agreement], *, agreement_id: str | None = None, account_id: str | None = None
) -> list[Agreement]:
    from dataclasses import replace

    from ceasefire.errors import BadInput

    chosen = [a for a in agreements if agreement_id is None or a.agreement_id == agreement_id]
    if agreement_id is not None and not chosen:
        known = ", ".join(a.agreement_id for a in agreements)
        raise BadInput("--agreement", agreement_id, f"no such agreement (known: {known})")
    if account_id is not None:
        chosen = [replace(a, accounts=tuple(c for c in a.accounts if c.account_id == account_id)) for a in chosen]
        chosen = [a for a in chosen if a.accounts]
        if not chosen:
            raise BadInput("--account", account_id, "no such account in the chosen agreements")
    return chosen


def assess(
    ws: Workspace,
    agreements: Sequence[Agreement],
    *,
    agreement_id: str | None = None,
    account_id: str | None = None,
    level: str = "report",
) -> AssessResult:
    """Judge every report (or incident) against every provision and store the findings.

    Findings for the judged agreements/accounts at this level are replaced in one transaction.
    """
    if level not in ("report", "incident"):
        raise ValueError(f"level must be 'report' or 'incident', not {level!r}")
    chosen = select_agreements(agreements, agreement_id=agreement_id, account_id=account_id)
    rows = provision_rows(chosen)
    con = ws.con
    if level == "incident" and not _has_table(con, "incident_subjects"):
        from ceasefire.errors import WorkspaceError

        raise WorkspaceError(f"{ws.path}: no incidents yet (run `ceasefire incidents update`)")
    _register_provisions(con, rows)
    id_column = "incident_id" if level == "incident" else "report_id"
    with ws.transaction():
        con.execute(
            f"DELETE FROM findings WHERE {id_column} IS NOT NULL AND (agreement, account) IN "
            "(SELECT DISTINCT agreement, account FROM _provisions)"
        )
        if rows:
            con.execute(f"INSERT INTO findings BY NAME {findings_sql(con, level=level)}")
    subjects_table = "incident_subjects" if level == "incident" else "reports WHERE is_incident"
    judged_row = con.execute(f"SELECT count(*) FROM {subjects_table}").fetchone()
    stats = con.execute(
        f"SELECT count(*), count(*) FILTER (WHERE covered) FROM findings WHERE {id_column} IS NOT NULL AND "
        "(agreement, account) IN (SELECT DISTINCT agreement, account FROM _provisions)"
    ).fetchone()
    assert judged_row is not None and stats is not None
    return AssessResult(
        judged=int(judged_row[0]), provisions=len(rows), findings=int(stats[0]), covered=int(stats[1]), level=level
    )
