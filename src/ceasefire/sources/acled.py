"""ACLED CSV exports (the standard columns) ▶ reports, mapped inside DuckDB by the rules in ``acled.yaml``.

Dates are local days: ``when`` is [local midnight, next local midnight) in the country's zone, as naive UTC.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any

import duckdb

from ceasefire.sources._csv import STAGE, TODO, quarantine_rows, stage_csv
from ceasefire.sources._data import create_country_tables, load_yaml, sql_str, target_case, weapon_case
from ceasefire.sources._feed import Prepared

REQUIRED = ("event_id_cnty", "event_date", "event_type", "sub_event_type", "actor1", "inter1", "actor2", "inter2",
            "country", "latitude", "longitude", "notes", "fatalities", "source")
FEED = "acled"
# CSV fields the reports keep verbatim, so the workspace's raw_rows table does not store them again (the view
# report_raw takes them from the report: see migration 007).
RAW_REBUILT = ("event_id_cnty", "notes", "source", "location", "admin1")


@cache
def rules() -> dict[str, Any]:
    data: dict[str, Any] = load_yaml("acled.yaml")
    return data


def _codes(values: list[int]) -> str:
    return ", ".join(str(int(v)) for v in values)


def party_sql(actor: str, inter: str) -> str:
    """SQL mapping an ACLED actor name and its inter code to a party (NULL when none)."""
    return (f"(CASE WHEN TRY_CAST({inter} AS INTEGER) IN ({_codes(rules()['party_inter_codes'])}) "
            f"THEN {_actor_party_sql(actor)} ELSE NULL END)")


def _actor_party_sql(actor: str) -> str:
    """The party an actor name names, whatever its inter code: the first matching pattern's (NULL when none)."""
    whens = " ".join(
        f"WHEN regexp_matches({actor}, {sql_str('(?i)' + rule['pattern'])}) THEN {sql_str(rule['party'])}"
        for rule in rules()["actors"]
    )
    return f"(CASE {whens} ELSE NULL END)"


def _refine_lists() -> list[tuple[str, ...]]:
    """The distinct ``refine`` lists of the sub-event rules, in first-seen order (SQL names them by index)."""
    found: list[tuple[str, ...]] = []
    for spec in rules()["sub_events"].values():
        refine = tuple(spec.get("refine") or ())
        if refine and refine not in found:
            found.append(refine)
    return found


def _date_sql(column: str) -> str:
    return (f"coalesce(TRY_CAST({column} AS DATE), TRY_CAST(try_strptime({column}, '%d %B %Y') AS DATE), "
            f"TRY_CAST(try_strptime({column}, '%d-%m-%Y') AS DATE))")


def _reason_sql() -> str:
    return (
        "(CASE WHEN event_id_cnty IS NULL THEN 'missing event_id_cnty' "
        f"WHEN {_date_sql('event_date')} IS NULL THEN 'bad event_date: ' || coalesce(event_date, '(blank)') "
        "WHEN latitude IS NOT NULL AND coalesce(NOT isfinite(TRY_CAST(latitude AS DOUBLE)) "
        "OR abs(TRY_CAST(latitude AS DOUBLE)) > 90, true) THEN 'bad latitude: ' || latitude "
        "WHEN longitude IS NOT NULL AND coalesce(NOT isfinite(TRY_CAST(longitude AS DOUBLE)) "
        "OR abs(TRY_CAST(longitude AS DOUBLE)) > 180, true) THEN 'bad longitude: ' || longitude "
        "WHEN fatalities IS NOT NULL AND coalesce(TRY_CAST(fatalities AS INTEGER) < 0, true) "
        "THEN 'bad fatalities: ' || fatalities "
        "ELSE NULL END)"
    )


def _create_lookups(con: duckdb.DuckDBPyConnection, needs_notes: str) -> None:
    """Lookups computed once per distinct value, so that no regex or time-zone work is done per row:

    - ``_cf_sub``: sub_event_type → action, default weapon, index of its refine list;
    - ``_cf_actor``: actor1 → the party its name names;
    - ``_cf_notes``: (notes, refine list) of the rows for which ``needs_notes`` holds → target type, and the weapon
      the notes name among that refine list's (only the list the row's sub-event refines by is searched);
    - ``_cf_when``: (event_date, iso, country) → alpha-2 and the local day's bounds as naive UTC.
    """
    refines = _refine_lists()
    con.execute("CREATE OR REPLACE TEMP TABLE _cf_sub (_s_name VARCHAR, _s_action VARCHAR, _s_weapon VARCHAR, "
                "_s_refine INTEGER)")
    subs = ", ".join(
        f"({sql_str(name)}, {sql_str(spec['action'])}, {sql_str(spec['weapon'])}, "
        f"{refines.index(tuple(spec['refine'])) if spec.get('refine') else 'NULL'})"
        for name, spec in rules()["sub_events"].items()
    )
    con.execute(f"INSERT INTO _cf_sub VALUES {subs}")  # one statement: a statement per row costs more
    con.execute(f"CREATE OR REPLACE TEMP TABLE _cf_actor AS SELECT actor1 AS _a_name, "
                f"{_actor_party_sql('actor1')} AS _a_party FROM (SELECT DISTINCT actor1 FROM {STAGE}) "
                "WHERE actor1 IS NOT NULL")
    whens = " ".join(f"WHEN {i} THEN {weapon_case('_lc', list(refine))}" for i, refine in enumerate(refines))
    weapon = f"(CASE _refine {whens} ELSE NULL END)" if refines else "NULL"
    con.execute(f"CREATE OR REPLACE TEMP TABLE _cf_notes AS SELECT notes AS _n_notes, _refine AS _n_refine, "
                f"{target_case('_lc')} AS _n_target, {weapon} AS _n_weapon "
                f"FROM (SELECT notes, _refine, lower(notes) AS _lc FROM (SELECT DISTINCT r.notes, "
                f"s._s_refine AS _refine FROM {STAGE} r LEFT JOIN _cf_sub s ON s._s_name = r.sub_event_type "
                f"WHERE r.notes IS NOT NULL AND {needs_notes}))")
    day = _date_sql("event_date")
    con.execute(f"""
        CREATE OR REPLACE TEMP TABLE _cf_when AS
        WITH p AS (SELECT DISTINCT event_date, iso, country FROM {STAGE} WHERE event_date IS NOT NULL),
        z AS (SELECT p.*, {day} AS _day, coalesce(c.alpha2, n.alpha2) AS _alpha2
              FROM p LEFT JOIN _cf_country c ON c.numeric = TRY_CAST(p.iso AS INTEGER)
              LEFT JOIN _cf_country_name n ON n.name = lower(p.country)),
        t AS (SELECT z.*, coalesce(tz.timezone, 'UTC') AS _tz FROM z LEFT JOIN _cf_country tz ON tz.alpha2 = z._alpha2)
        SELECT event_date AS _w_date, iso AS _w_iso, country AS _w_country, _alpha2 AS _w_alpha2,
               timezone('UTC', timezone(_tz, _day::TIMESTAMP)) AS _w_start,
               timezone('UTC', timezone(_tz, (_day + 1)::TIMESTAMP)) AS _w_end
        FROM t WHERE _day IS NOT NULL
    """)


def prepare(con: duckdb.DuckDBPyConnection, path: Path) -> Prepared:
    """Stage an ACLED CSV and describe its mapped rows (see :class:`Prepared`)."""
    read = stage_csv(con, path, required=REQUIRED)
    create_country_tables(con)
    quarantine_rows(con, _reason_sql())
    civilian = (f"(civilian_targeting IS NOT NULL OR TRY_CAST(inter2 AS INTEGER) IN "
                f"({_codes(rules()['civilian_inter_codes'])}))")
    military = f"(TRY_CAST(inter2 AS INTEGER) IN ({_codes(rules()['military_inter_codes'])}))"
    remote = f"(event_type IN ({', '.join(sql_str(t) for t in rules()['remote_event_types'])}))"
    refined = [name for name, spec in rules()["sub_events"].items() if spec.get("refine")]
    needs_notes = f"({civilian} OR {remote} OR sub_event_type IN ({', '.join(sql_str(n) for n in refined)}))"
    _create_lookups(con, needs_notes)
    # The notes name the target of civilian targeting, and of remote violence when it is energy or infrastructure.
    target = (f"(CASE WHEN {civilian} THEN coalesce(n._n_target, 'civilian') WHEN {military} THEN 'military' "
              f"WHEN {remote} AND split_part(n._n_target, '.', 1) IN ('energy', 'infrastructure') THEN n._n_target "
              "ELSE 'unknown' END)")
    weapon = ("coalesce(CASE WHEN s._s_refine IS NOT NULL THEN coalesce(n._n_weapon, s._s_weapon) "
              "ELSE s._s_weapon END, 'unknown')")
    # One pass: the staged rows, not yet stored, joined to the small lookups. (Mapping into a narrow set first and
    # attaching the long text by line paid off only while staging scans ran on one thread; now it costs more CPU.)
    rows_sql = f"""
        SELECT 'acled:' || r.event_id_cnty, '{FEED}', r.source, r.notes, NULL::TIMESTAMP, w._w_start, w._w_end,
               r.location, r.admin1, w._w_alpha2, TRY_CAST(r.latitude AS DOUBLE), TRY_CAST(r.longitude AS DOUBLE),
               CASE WHEN TRY_CAST(r.inter1 AS INTEGER) IN ({_codes(rules()['party_inter_codes'])})
                        THEN a._a_party END, NULL::VARCHAR, {target} AS _cf_target,
               split_part(_cf_target, '.', 1), {weapon}, coalesce(s._s_action, 'other'), 'neutral', true,
               TRY_CAST(r.fatalities AS INTEGER), {sql_str(str(path))}, r._cf_line, NULL::JSON
        FROM {TODO} r
        JOIN _cf_when w ON w._w_date = r.event_date AND w._w_iso IS NOT DISTINCT FROM r.iso
             AND w._w_country IS NOT DISTINCT FROM r.country
        LEFT JOIN _cf_sub s ON s._s_name = r.sub_event_type
        LEFT JOIN _cf_actor a ON a._a_name = r.actor1
        LEFT JOIN _cf_notes n ON n._n_notes = r.notes AND n._n_refine IS NOT DISTINCT FROM s._s_refine
    """
    return Prepared(read=read, table="reports", rows_sql=rows_sql, key_sql="'acled:' || event_id_cnty",
                    keeps_raw=True, raw_rebuilt=RAW_REBUILT)
