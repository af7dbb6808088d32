"""UCDP GED CSV ▶ reports, mapped inside DuckDB by the rules in ``ucdp.yaml``.

``when`` covers date_start to the day after date_end as local days in the country's zone, as naive UTC.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any

import duckdb

from ceasefire.sources._csv import TODO, quarantine_rows, stage_csv
from ceasefire.sources._data import create_country_tables, load_yaml, sql_str, target_case
from ceasefire.sources._feed import Prepared

REQUIRED = ("id", "type_of_violence", "side_a", "side_b", "adm_1", "latitude", "longitude", "country",
            "date_start", "date_end", "best", "source_office")
FEED = "ucdp"
_CIVILIAN_LIKE = ("civilian", "energy", "infrastructure")


@cache
def rules() -> dict[str, Any]:
    data: dict[str, Any] = load_yaml("ucdp.yaml")
    return data


def party_sql(side: str) -> str:
    whens = " ".join(
        f"WHEN regexp_matches({side}, {sql_str('(?i)' + rule['pattern'])}) THEN {sql_str(rule['party'])}"
        for rule in rules()["sides"]
    )
    return f"(CASE {whens} ELSE NULL END)"


def _case_violence(key: str, default: str) -> str:
    whens = " ".join(f"WHEN '{int(code)}' THEN {sql_str(spec[key])}"
                     for code, spec in rules()["type_of_violence"].items())
    return f"(CASE type_of_violence {whens} ELSE {sql_str(default)} END)"


def _day(column: str) -> str:
    return f"TRY_CAST(TRY_CAST({column} AS TIMESTAMP) AS DATE)"


def _reason_sql() -> str:
    return (
        "(CASE WHEN id IS NULL THEN 'missing id' "
        f"WHEN {_day('date_start')} IS NULL THEN 'bad date_start: ' || coalesce(date_start, '(blank)') "
        f"WHEN date_end IS NOT NULL AND {_day('date_end')} IS NULL THEN 'bad date_end: ' || date_end "
        f"WHEN {_day('date_end')} < {_day('date_start')} THEN 'date_end before date_start' "
        "WHEN latitude IS NOT NULL AND coalesce(NOT isfinite(TRY_CAST(latitude AS DOUBLE)) "
        "OR abs(TRY_CAST(latitude AS DOUBLE)) > 90, true) THEN 'bad latitude: ' || latitude "
        "WHEN longitude IS NOT NULL AND coalesce(NOT isfinite(TRY_CAST(longitude AS DOUBLE)) "
        "OR abs(TRY_CAST(longitude AS DOUBLE)) > 180, true) THEN 'bad longitude: ' || longitude "
        "WHEN best IS NOT NULL AND coalesce(TRY_CAST(best AS INTEGER) < 0, true) THEN 'bad best: ' || best "
        "ELSE NULL END)"
    )


def prepare(con: duckdb.DuckDBPyConnection, path: Path) -> Prepared:
    """Stage a UCDP GED CSV and describe its mapped rows (see :class:`Prepared`)."""
    read = stage_csv(con, path, required=REQUIRED)
    create_country_tables(con)
    reason = _reason_sql()
    quarantine_rows(con, reason)
    text = "concat_ws(' ', where_description, source_headline)"
    rows_sql = f"""
        WITH mapped AS (
            SELECT r.*, {_day('date_start')} AS _start, coalesce({_day('date_end')}, {_day('date_start')}) AS _end,
                   coalesce(a.alpha2, b.alpha2) AS _alpha2, {_case_violence('target', 'unknown')} AS _target0
            FROM {TODO} r
            LEFT JOIN _cf_country_name a ON a.name = lower(r.country)
            LEFT JOIN _cf_country_name b ON b.name = lower(trim(regexp_replace(r.country, '\\s*\\(.*\\)\\s*$', '')))
        ), typed AS (
            SELECT m.*, coalesce(z.timezone, 'UTC') AS _tz,
                   CASE WHEN _target0 = 'civilian'
                        THEN coalesce({target_case(f"lower({text})", _CIVILIAN_LIKE)}, 'civilian')
                        ELSE _target0 END AS _target
            FROM mapped m LEFT JOIN _cf_country z ON z.alpha2 = m._alpha2
        )
        SELECT 'ucdp:' || id, '{FEED}', source_office, nullif({text}, ''), NULL::TIMESTAMP,
               timezone('UTC', timezone(_tz, _start::TIMESTAMP)),
               timezone('UTC', timezone(_tz, (_end + 1)::TIMESTAMP)),
               where_coordinates, adm_1, _alpha2, TRY_CAST(latitude AS DOUBLE), TRY_CAST(longitude AS DOUBLE),
               {party_sql('side_a')}, NULL::VARCHAR, _target, split_part(_target, '.', 1),
               'unknown', {_case_violence('action', 'other')}, 'neutral', true, TRY_CAST(best AS INTEGER),
               {sql_str(str(path))}, _cf_line, NULL::JSON
        FROM typed
    """
    return Prepared(read=read, table="reports", rows_sql=rows_sql, key_sql="'ucdp:' || id", keeps_raw=True)
