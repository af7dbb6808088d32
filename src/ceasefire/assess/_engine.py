"""The set-based engine: every report (or incident) × every provision, in one DuckDB statement.

Judging writes only integer keys and a reason code per (subject, provision) into ``finding_codes``; the words
(reason text, accused party, grade, evidence) are added on read by the ``findings`` view. The query shape — a
product filtered by equi-joins on small lookup tables, then CASE — maps directly to Spark SQL; nothing here loops
over reports in Python.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace

import duckdb
import pyarrow as pa

from ceasefire.assess._provisions import ProvisionRow, provision_rows
from ceasefire.errors import BadInput, WorkspaceError
from ceasefire.model.agreement import Agreement
from ceasefire.vocab import action_covers
from ceasefire.workspace import Workspace

# The position of a code in this tuple is what finding_codes.code stores; append only.
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
_CODE = {name: index for index, name in enumerate(REASON_CODES)}


@dataclass(frozen=True, slots=True)
class AssessResult:
    judged: int  # reports or incidents judged
    provisions: int
    findings: int
    covered: int
    level: str


_ARROW_SCHEMA = pa.schema(
    [
        ("pkey", pa.int32()),
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

_REPORT_SUBJECTS = """
SELECT r.rowid AS report_row, NULL::VARCHAR AS incident_id, r.when_start, r.when_end, r.actor, r.action,
       coalesce(r.target_type, 'unknown') AS target_type, r.country, r.admin1, r.place_name
FROM reports r WHERE r.is_incident
"""

_INCIDENT_SUBJECTS = """
SELECT NULL::BIGINT AS report_row, incident_id, when_start, when_end, accused AS actor, action,
       coalesce(target_type, 'unknown') AS target_type, country, admin1, place_name
FROM incident_subjects
"""

_C = _CODE
_JUDGE = f"""
INSERT INTO finding_codes
WITH subjects AS ({{subjects}}),
target_types AS (SELECT DISTINCT target_type FROM subjects),
scope AS (
    SELECT p.pkey, t.target_type,
           p.any_target OR len(list_filter(p.targets, lambda x: t.target_type = x
                                           OR starts_with(t.target_type, x || '.'))) > 0 AS target_in_scope
    FROM _provisions p CROSS JOIN target_types t
)
SELECT s.report_row, s.incident_id, p.pkey,
  CASE
    WHEN NOT p.in_force THEN {_C['not_in_force']}
    WHEN s.when_start IS NULL OR s.when_end IS NULL THEN {_C['time_unknown']}
    WHEN s.when_end <= p.win_start THEN {_C['before_start']}
    WHEN p.win_end IS NOT NULL AND s.when_start >= p.win_end THEN {_C['after_end']}
    WHEN s.actor IS NOT NULL AND NOT p.every_party AND NOT list_contains(p.bound, s.actor)
         THEN {_C['actor_not_bound']}
    WHEN ac.covers IS NOT NULL AND NOT p.any_action AND NOT list_has_any(p.actions, ac.covers)
         THEN {_C['action_not_prohibited']}
    WHEN NOT p.any_target AND s.target_type = 'unknown' THEN {_C['target_unknown']}
    WHEN NOT sc.target_in_scope THEN {_C['target_not_in_scope']}
    WHEN (p.countries IS NOT NULL OR p.admin1 IS NOT NULL OR p.areas IS NOT NULL)
         AND s.country IS NULL AND s.admin1 IS NULL AND s.place_name IS NULL THEN {_C['place_unknown']}
    WHEN p.countries IS NOT NULL AND s.country IS NOT NULL AND NOT list_contains(p.countries, s.country)
         THEN {_C['place_not_in_scope']}
    WHEN p.admin1 IS NOT NULL AND (s.admin1 IS NULL OR NOT list_contains(p.admin1, s.admin1))
         THEN {_C['place_not_in_scope']}
    WHEN p.areas IS NOT NULL AND NOT (coalesce(list_contains(p.areas, s.admin1), false)
                                      OR coalesce(list_contains(p.areas, s.place_name), false))
         THEN {_C['place_not_in_scope']}
    ELSE {_C['covered']}
  END::UTINYINT AS code
FROM subjects s
JOIN scope sc ON sc.target_type = s.target_type
JOIN _provisions p ON p.pkey = sc.pkey
LEFT JOIN _action_covers ac ON ac.action = s.action
"""


def has_relation(con: duckdb.DuckDBPyConnection, name: str) -> bool:
    row = con.execute(
        "SELECT (SELECT count(*) FROM duckdb_tables() WHERE table_name = $1)"
        " + (SELECT count(*) FROM duckdb_views() WHERE view_name = $1)",
        [name],
    ).fetchone()
    return bool(row and row[0])


def _register_provisions(con: duckdb.DuckDBPyConnection, rows: Sequence[ProvisionRow], first_key: int) -> None:
    columns = {name: [getattr(r, name) for r in rows] for name in ProvisionRow.__slots__}
    columns["pkey"] = [first_key + r.pkey for r in rows]
    table = pa.table(
        {field.name: pa.array(columns[field.name], type=field.type) for field in _ARROW_SCHEMA}, schema=_ARROW_SCHEMA
    )
    con.register("_provisions_arrow", table)
    try:
        con.execute("CREATE OR REPLACE TEMP TABLE _provisions AS SELECT * FROM _provisions_arrow")
    finally:
        con.unregister("_provisions_arrow")
    covers = action_covers()
    con.execute("CREATE OR REPLACE TEMP TABLE _action_covers (action VARCHAR, covers VARCHAR[])")
    con.executemany("INSERT INTO _action_covers VALUES (?, ?)", [[a, [a, *words]] for a, words in covers.items()])


def select_agreements(
    agreements: Sequence[Agreement], *, agreement_id: str | None = None, account_id: str | None = None
) -> list[Agreement]:
    """The agreements (and accounts) a ``--agreement``/``--account`` choice leaves; BadInput when it names none."""
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
    """Judge every report (or incident) against every provision of the chosen accounts and store the findings.

    Findings previously stored for those accounts at this level are replaced, in one transaction.
    """
    if level not in ("report", "incident"):
        raise ValueError(f"level must be 'report' or 'incident', not {level!r}")
    con = ws.con
    if level == "incident" and not has_relation(con, "incident_subjects"):
        raise WorkspaceError(f"{ws.path}: no incidents yet (run `ceasefire incidents update`)")
    rows = provision_rows(select_agreements(agreements, agreement_id=agreement_id, account_id=account_id))
    next_key = con.execute("SELECT coalesce(max(pkey) + 1, 0) FROM assessed_provisions").fetchone()
    _register_provisions(con, rows, int(next_key[0]) if next_key else 0)
    subject_column = "incident_id" if level == "incident" else "report_row"
    with ws.transaction():
        con.execute(
            "CREATE OR REPLACE TEMP TABLE _stale AS SELECT a.pkey FROM assessed_provisions a "
            "JOIN (SELECT DISTINCT agreement, account FROM _provisions) n USING (agreement, account) "
            "WHERE a.level = ?",
            [level],
        )
        con.execute("DELETE FROM finding_codes WHERE pkey IN (SELECT pkey FROM _stale)")
        con.execute("DELETE FROM assessed_provisions WHERE pkey IN (SELECT pkey FROM _stale)")
        con.execute("INSERT INTO assessed_provisions BY NAME SELECT *, ? AS level FROM _provisions", [level])
        if rows:
            subjects = _INCIDENT_SUBJECTS if level == "incident" else _REPORT_SUBJECTS
            con.execute(_JUDGE.format(subjects=subjects))
        refresh_findings_view(con)
    subjects_table = "incident_subjects" if level == "incident" else "reports WHERE is_incident"
    judged = con.execute(f"SELECT count(*) FROM {subjects_table}").fetchone()
    stats = con.execute(
        f"SELECT count(*), count(*) FILTER (WHERE code = 0) FROM finding_codes WHERE {subject_column} IS NOT NULL "
        "AND pkey IN (SELECT pkey FROM _provisions)"
    ).fetchone()
    assert judged is not None and stats is not None
    return AssessResult(
        judged=int(judged[0]), provisions=len(rows), findings=int(stats[0]), covered=int(stats[1]), level=level
    )


# ---- the words, added on read -------------------------------------------------------------------------------

# Report-level grade when no incident has been built for the report: who says it, about whom.
_REPORT_GRADE = """CASE
    WHEN r.actor IS NULL THEN 'unattributed'
    WHEN r.stance = 'confirmation' AND (r.claimant IS NULL OR r.claimant = r.actor) THEN 'corroborated'
    WHEN r.stance = 'denial' THEN 'disputed'
    ELSE 'alleged' END"""

_TS = "'%Y-%m-%d %H:%M UTC'"
_REASON = f"""CASE s.code
  WHEN {_C['covered']} THEN format('covered: {{}} in {{}} on {{}}, inside this account''s window ({{}} to {{}}){{}}',
       s.target_type, coalesce(s.admin1 || ', ', '') || coalesce(s.country, '?'), strftime(s.when_start, {_TS}),
       strftime(p.win_start, {_TS}), coalesce(strftime(p.win_end, {_TS}), 'no end stated'),
       CASE WHEN s.actor IS NULL THEN '; no party named as actor' ELSE '; ' || s.actor || ' is bound' END)
  WHEN {_C['not_in_force']} THEN 'outside: ' || p.not_in_force_why
  WHEN {_C['time_unknown']} THEN 'outside: the report gives no time, so it cannot be placed in the window'
  WHEN {_C['before_start']} THEN format('outside: before start (the report ends {{}}; this account starts {{}})',
       strftime(s.when_end, {_TS}), strftime(p.win_start, {_TS}))
  WHEN {_C['after_end']} THEN format('outside: after end (the report starts {{}}; this account ended {{}})',
       strftime(s.when_start, {_TS}), strftime(p.win_end, {_TS}))
  WHEN {_C['actor_not_bound']} THEN format(
       'outside: actor not bound ({{}} is not bound by this provision, which binds {{}})',
       s.actor, array_to_string(p.bound, ', '))
  WHEN {_C['action_not_prohibited']} THEN format('outside: action ''{{}}'' is not prohibited here (prohibits {{}})',
       s.action, array_to_string(p.actions, ', '))
  WHEN {_C['target_unknown']} THEN format('outside: target unknown (this account covers only {{}})',
       array_to_string(p.targets, ', '))
  WHEN {_C['target_not_in_scope']} THEN format('outside: target ''{{}}'' is not in this account''s scope ({{}})',
       s.target_type, array_to_string(p.targets, ', '))
  WHEN {_C['place_unknown']} THEN format('outside: place unknown (this provision applies only in {{}})',
       array_to_string(coalesce(p.areas, p.admin1, p.countries), ', '))
  WHEN {_C['place_not_in_scope']} THEN format('outside: place not in scope ({{}} is outside {{}})',
       coalesce(s.place_name || ', ', '') || coalesce(s.admin1 || ', ', '') || coalesce(s.country, '?'),
       array_to_string(coalesce(p.areas, p.admin1, p.countries), ', '))
END"""

_VIEW = """
CREATE OR REPLACE VIEW findings AS
WITH subjects AS (
    SELECT f.pkey, f.code, r.report_id, NULL::VARCHAR AS incident_id, r.when_start, r.when_end, r.actor, r.action,
           coalesce(r.target_type, 'unknown') AS target_type, r.country, r.admin1, r.place_name,
           {report_grade} AS grade, {evidence} AS evidence, {sources} AS sources
    FROM finding_codes f JOIN reports r ON r.rowid = f.report_row {grade_join}
    {incident_part}
)
SELECT s.report_id, s.incident_id, p.agreement, p.account, p.account_party, p.provision,
       s.code = 0 AS covered, ({codes})[s.code + 1] AS reason_code, {reason} AS reason,
       s.actor AS accused, s.grade, s.evidence, s.sources, s.when_start, s.when_end, s.target_type, s.country,
       s.admin1
FROM subjects s JOIN assessed_provisions p ON p.pkey = s.pkey
"""

_INCIDENT_PART = """
    UNION ALL
    SELECT f.pkey, f.code, NULL::VARCHAR, i.incident_id, i.when_start, i.when_end, i.accused, i.action,
           coalesce(i.target_type, 'unknown'), i.country, i.admin1, i.place_name, i.grade, i.report_ids, i.sources
    FROM finding_codes f JOIN incident_subjects i ON i.incident_id = f.incident_id
"""


def refresh_findings_view(con: duckdb.DuckDBPyConnection) -> None:
    """(Re)create the ``findings`` view, using incident grades and incidents where the workspace has them.

    A report in an incident takes the incident's grade for the party the report accuses, and the incident's
    evidence for that party (see ``incident_accused``); other reports are graded on their own.
    """
    if has_relation(con, "incident_accused") and has_relation(con, "incident_members"):
        grade = f"coalesce(ia.grade, {_REPORT_GRADE})"
        grade_join = (
            "LEFT JOIN incident_members im ON im.report_id = r.report_id "
            "LEFT JOIN incident_accused ia ON ia.incident_id = im.incident_id AND ia.accused = r.actor"
        )
        evidence = "coalesce(ia.evidence, [r.report_id])"
        sources = "coalesce(ia.sources, list_filter([r.source], lambda x: x IS NOT NULL))"
    else:
        grade, grade_join = _REPORT_GRADE, ""
        evidence, sources = "[r.report_id]", "list_filter([r.source], lambda x: x IS NOT NULL)"
    incident_part = _INCIDENT_PART if has_relation(con, "incident_subjects") else ""
    codes = "[" + ", ".join(f"'{c}'" for c in REASON_CODES) + "]"
    con.execute(
        _VIEW.format(report_grade=grade, grade_join=grade_join, incident_part=incident_part, codes=codes,
                     reason=_REASON, evidence=evidence, sources=sources)
    )
