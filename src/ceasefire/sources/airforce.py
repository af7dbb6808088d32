"""Ukrainian Air Force daily counts (the ``missile_attacks_daily.csv`` layout) ▶ tallies, one per row.

Times are Kyiv local times (``YYYY-MM-DD HH:MM`` or a bare day), stored as naive UTC. A bare ``time_end`` day
means the whole day, so it ends at the next midnight. Counts are kept as given; blank or NaN counts are NULL.
One report can list a model twice (per target region or launch place), so ``tally_id`` is the start time, the
model and a short hash of end time, launch place, target and source post.
"""

from __future__ import annotations

from pathlib import Path

import duckdb

from ceasefire.sources._csv import ROWS, TODO, quarantine_rows, stage_csv
from ceasefire.sources._data import airforce_fragments, sql_str
from ceasefire.sources._feed import Prepared
from ceasefire.vocab import weapon_of

REQUIRED = ("time_start", "time_end", "model", "launch_place", "launched", "destroyed", "not_reach_goal")
FEED = "airforce"
ZONE = "Europe/Kyiv"
_COUNTS = ("launched", "destroyed", "not_reach_goal")


def weapon_of_model(model: str | None) -> str:
    """The weapon class of an Air Force model name: the vocabulary first, then the fragments in airforce.yaml."""
    found = weapon_of(model)
    if found != "unknown" or not model:
        return found
    lowered = model.lower()
    for name, fragments in airforce_fragments().items():
        if any(fragment in lowered for fragment in fragments):
            return name
    return "unknown"

def _time(column: str) -> str:
    return f"TRY_CAST(trim({column}) AS TIMESTAMP)"

def _count(column: str) -> str:
    return f"TRY_CAST({column} AS DOUBLE)"

def _reason_sql() -> str:
    bad_counts = " ".join(
        f"WHEN {c} IS NOT NULL AND lower(trim({c})) NOT IN ('', 'nan') AND ({_count(c)} IS NULL OR "
        f"NOT isfinite({_count(c)}) OR {_count(c)} < 0) THEN 'bad {c}: ' || {c}"
        for c in _COUNTS
    )
    return (
        f"(CASE WHEN model IS NULL THEN 'missing model' "
        f"WHEN {_time('time_start')} IS NULL THEN 'bad time_start: ' || coalesce(time_start, '(blank)') "
        f"WHEN time_end IS NOT NULL AND {_time('time_end')} IS NULL THEN 'bad time_end: ' || time_end "
        f"{bad_counts} ELSE NULL END)"
    )

def _tally_id() -> str:
    return (f"'airforce:' || strftime({_time('time_start')}, '%Y-%m-%dT%H:%M') || '|' || model || '|' || "
            "left(md5(to_json([trim(time_end), launch_place, target, source])), 12)")


def _local(value: str) -> str:
    return f"timezone('UTC', timezone('{ZONE}', {value}))"

def prepare(con: duckdb.DuckDBPyConnection, path: Path) -> Prepared:
    """Stage an Air Force daily-counts CSV and describe its tallies (see :class:`Prepared`)."""
    read = stage_csv(con, path, required=REQUIRED)
    reason = _reason_sql()
    quarantine_rows(con, reason)
    models = [str(row[0]) for row in con.execute(f"SELECT DISTINCT model FROM {ROWS} WHERE model IS NOT NULL")
              .fetchall()]
    con.execute("CREATE OR REPLACE TEMP TABLE _cf_models (_m_model VARCHAR, _m_weapon VARCHAR)")
    if models:
        con.executemany("INSERT INTO _cf_models VALUES (?, ?)", [[m, weapon_of_model(m)] for m in models])
    end = (f"CASE WHEN length(trim(time_end)) <= 10 THEN {_time('time_end')} + INTERVAL 1 DAY "
           f"ELSE {_time('time_end')} END")

    def count(column: str) -> str:
        return f"CASE WHEN isnan({_count(column)}) THEN NULL ELSE {_count(column)} END"

    rows_sql = f"""
        SELECT {_tally_id()},
               '{FEED}', {_local(_time('time_start'))}, {_local(end)}, r.model, coalesce(w._m_weapon, 'unknown'),
               {count('launched')}, {count('destroyed')}, {count('not_reach_goal')},
               {sql_str(str(path))}, _cf_line, NULL::JSON
        FROM {TODO} r LEFT JOIN _cf_models w ON w._m_model = r.model
    """
    return Prepared(read=read, table="tallies", rows_sql=rows_sql, key_sql=_tally_id(), keeps_raw=True)
