"""ACLED CSV exports (the standard columns) ▶ reports, mapped inside DuckDB by the rules in ``acled.yaml``.

Dates are local days: ``when`` is [local midnight, next local midnight) in the country's zone, as naive UTC.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any

import duckdb

from ceasefire.sources._csv import NOT_QUARANTINED, RAW_SQL, ROWS, TODO, quarantine_rows, stage_csv
from ceasefire.sources._data import create_country_tables, load_yaml, sql_str, target_case, weapon_case
from ceasefire.sources._feed import Prepared

REQUIRED = ("event_id_cnty", "event_date", "event_type", "sub_event_type", "actor1", "inter1", "actor2", "inter2",
            "country", "latitude", "longitude", "notes", "fatalities", "source")
FEED = "acled"


@cache
def rules() -> dict[str, Any]:
    data: dict[str, Any] = load_yaml("acled.yaml")
    return data


def _codes(values: list[int]) -> str:
    return ", ".join(str(int(v)) for v in values)


def party_sql(actor: str, inter: str) -> str:
    """SQL mapping an ACLED actor name and its inter code to a party (NULL when none)."""
    whens = " ".join(
        f"WHEN regexp_matches({actor}, {sql_str('(?i)' + rule['pattern'])}) THEN {sql_str(rule['party'])}"
        for rule in rules()["actors"]
    )
    return (f"(CASE WHEN TRY_CAST({inter} AS INTEGER) IN ({_codes(rules()['party_inter_codes'])}) "
            f"THEN (CASE {whens} ELSE NULL END) ELSE NULL END)")


def _action_sql() -> str:
    whens = " ".join(f"WHEN {sql_str(name)} THEN {sql_str(spec['action'])}"
                     for name, spec in rules()["sub_events"].items())
    return f"(CASE sub_event_type {whens} ELSE 'other' END)"


def _weapon_sql() -> str:
    whens = []
    for name, spec in rules()["sub_events"].items():
        default = sql_str(spec["weapon"])
        refine = spec.get("refine")
        value = f"coalesce({weapon_case('_notes_lc', list(refine))}, {default})" if refine else default
        whens.append(f"WHEN {sql_str(name)} THEN {value}")
    return f"(CASE sub_event_type {' '.join(whens)} ELSE 'unknown' END)"


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


def prepare(con: duckdb.DuckDBPyConnection, path: Path) -> Prepared:
    """Stage an ACLED CSV and describe its mapped rows (see :class:`Prepared`)."""
    read = stage_csv(con, path, required=REQUIRED)
    create_country_tables(con)
    reason = _reason_sql()
    quarantine_rows(con, reason)
    civilian = (f"(civilian_targeting IS NOT NULL OR TRY_CAST(inter2 AS INTEGER) IN "
                f"({_codes(rules()['civilian_inter_codes'])}))")
    military = f"(TRY_CAST(inter2 AS INTEGER) IN ({_codes(rules()['military_inter_codes'])}))"
    remote = f"(event_type IN ({', '.join(sql_str(t) for t in rules()['remote_event_types'])}))"
    day = _date_sql("event_date")
    # Local midnights per (day, zone) pair, computed once per pair: zone conversion per row is costly.
    con.execute(f"""
        CREATE OR REPLACE TEMP TABLE _cf_days AS
        SELECT _day, _tz, timezone('UTC', timezone(_tz, _day::TIMESTAMP)) AS _start,
               timezone('UTC', timezone(_tz, (_day + 1)::TIMESTAMP)) AS _end
        FROM (SELECT DISTINCT {day} AS _day, coalesce(z.timezone, 'UTC') AS _tz
              FROM (SELECT event_date, iso, country FROM {ROWS}) r
              LEFT JOIN _cf_country c ON c.numeric = TRY_CAST(r.iso AS INTEGER)
              LEFT JOIN _cf_country_name n ON n.name = lower(r.country)
              LEFT JOIN _cf_country z ON z.alpha2 = coalesce(c.alpha2, n.alpha2)) WHERE _day IS NOT NULL
    """)
    rows_sql = f"""
        WITH todo AS (
            SELECT *, lower(notes) AS _notes_lc FROM {TODO} WHERE {NOT_QUARANTINED}
        ), mapped AS (
            SELECT r.*, {day} AS _day, coalesce(c.alpha2, n.alpha2) AS _alpha2,
                   CASE WHEN {civilian} OR {remote} THEN {target_case('_notes_lc')} END AS _notes_target,
                   {civilian} AS _civilian, {military} AS _military, {remote} AS _remote
            FROM todo r
            LEFT JOIN _cf_country c ON c.numeric = TRY_CAST(r.iso AS INTEGER)
            LEFT JOIN _cf_country_name n ON n.name = lower(r.country)
        ), typed AS (
            SELECT m.*, coalesce(z.timezone, 'UTC') AS _tz,
                   CASE WHEN _civilian THEN coalesce(_notes_target, 'civilian')
                        WHEN _military THEN 'military'
                        WHEN _remote AND split_part(_notes_target, '.', 1) IN ('energy', 'infrastructure')
                             THEN _notes_target
                        ELSE 'unknown' END AS _target
            FROM mapped m LEFT JOIN _cf_country z ON z.alpha2 = m._alpha2
        ), timed AS (
            SELECT t.*, d._start AS _when_start, d._end AS _when_end
            FROM typed t JOIN _cf_days d ON d._day = t._day AND d._tz = t._tz
        )
        SELECT 'acled:' || event_id_cnty, '{FEED}', source, notes, NULL::TIMESTAMP,
               _when_start, _when_end,
               location, admin1, _alpha2, TRY_CAST(latitude AS DOUBLE), TRY_CAST(longitude AS DOUBLE),
               {party_sql('actor1', 'inter1')}, NULL::VARCHAR, _target, split_part(_target, '.', 1),
               {_weapon_sql()}, {_action_sql()}, 'neutral', true, TRY_CAST(fatalities AS INTEGER),
               {sql_str(str(path))}, _cf_line, {RAW_SQL}
        FROM timed
    """
    return Prepared(read=read, table="reports", rows_sql=rows_sql, key_sql="'acled:' || event_id_cnty")
