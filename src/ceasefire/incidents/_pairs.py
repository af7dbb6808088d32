"""Report features and candidate pairs, as set operations (blocking joins) in DuckDB SQL.

Blocking: a report is "probed" over every day its window (plus ``SLACK_HOURS``) touches and the grid cells
around it (or its settlement name, or its region); it is "at home" on the day it starts, in its own cell (name,
region). Equi-joins on those keys give candidate pairs; the exact tests (time, place, target, weapon) then filter
them. Each join is a plain hash join, so the same statements run on Spark.
"""

from __future__ import annotations

import duckdb

# Contradictions that keep two reports apart: incompatible targets, or air (drone, missile, aircraft, glide bomb)
# against ground (artillery, rocket, small arms, explosives) weapons, unless one is a denial, whose own story of
# the blast (and of who did it) naturally differs.
SLACK_HOURS = 1           # windows that touch or miss by under an hour count as overlapping (a day off by one)
MAX_WINDOW_DAYS = 7       # longer windows ("during the week") are never merged
ANCHOR_WINDOW_DAYS = 2    # a precise report's window is at most this long
SETTLEMENT_KM = 3.0       # how far a settlement-level place may be from where the event was
NEAR_KM = 10.0            # places coded as "near" (ACLED geo_precision 2, UCDP where_prec 2)
CELL_LAT = 0.1            # grid cell (degrees), about 11 km × 10 km at 52°N: a settlement-level report probes the
CELL_LON = 0.15           # 3 × 3 cells around it (reach 2 × SETTLEMENT_KM), a "near" one 5 × 5 (up to 2 × NEAR_KM)


def build_features(con: duckdb.DuckDBPyConnection) -> None:
    """``_inc_feat``: one row per incident report, with what merging needs."""
    con.execute(f"""
        CREATE OR REPLACE TEMP TABLE _inc_feat AS
        WITH r AS (
            SELECT report_id, when_start AS t0,
                   CASE WHEN when_end > when_start THEN when_end ELSE when_start + INTERVAL 1 HOUR END AS t1,
                   lat, lon,
                   nullif(lower(trim(place_name)), '') AS pname,
                   nullif(lower(trim(admin1)), '') AS adm,
                   nullif(upper(trim(country)), '') AS ctry,
                   target_type AS ttype, target_category AS tcat, stance = 'denial' AS denial,
                   nullif(weapon, 'unknown') AS weapon, upper(actor) AS actor,
                   upper(CASE WHEN stance = 'denial' THEN claimant ELSE actor END) AS accused,
                   CASE WHEN weapon IN ('drone', 'missile', 'aircraft', 'glide_bomb') THEN 'air'
                        WHEN weapon IN ('artillery', 'rocket', 'small_arms', 'explosives') THEN 'ground'
                        ELSE 'unknown' END AS wgrp,
                   CASE lower(feed) WHEN 'acled' THEN try_cast(raw->>'geo_precision' AS INTEGER)
                                    WHEN 'ucdp' THEN try_cast(raw->>'where_prec' AS INTEGER) END AS geo_prec
            FROM reports WHERE is_incident
            QUALIFY row_number() OVER (PARTITION BY report_id ORDER BY ingest_id) = 1
        ), l AS (
            SELECT *,
                   CASE WHEN t0 IS NULL OR t1 - t0 > INTERVAL {MAX_WINDOW_DAYS} DAY THEN 'none'
                        WHEN lat IS NOT NULL AND lon IS NOT NULL AND coalesce(geo_prec, 1) <= 2 THEN 'point'
                        WHEN pname IS NOT NULL AND coalesce(geo_prec, 1) <= 2 THEN 'named'
                        WHEN adm IS NOT NULL AND ctry IS NOT NULL THEN 'admin1'
                        WHEN ctry IS NOT NULL THEN 'country'
                        ELSE 'none' END AS level
            FROM r
        )
        SELECT hash(report_id) AS rid, *,
               level IN ('point', 'named') AND contains(ttype, '.')
                   AND t1 - t0 <= INTERVAL {ANCHOR_WINDOW_DAYS} DAY AS anchor,
               CASE WHEN coalesce(geo_prec, 1) = 2 THEN {NEAR_KM} ELSE {SETTLEMENT_KM} END AS radius_km,
               CASE WHEN coalesce(geo_prec, 1) = 2 THEN 2 ELSE 1 END AS ring,
               CAST(floor(lat / {CELL_LAT}) AS INTEGER) AS cy,
               CAST(floor(lon / {CELL_LON}) AS INTEGER) AS cx,
               date_trunc('day', t0) AS day0
        FROM l
    """)


# A coarse report (admin1 level) fits a located one when their targets agree or one of them is unknown or broader.
_TARGETS_FIT = """(h.tcat = p.tcat OR h.tcat = 'unknown' OR p.tcat = 'unknown')
         AND (h.ttype = p.ttype OR h.ttype = 'unknown' OR p.ttype = 'unknown'
              OR starts_with(h.ttype, p.ttype || '.') OR starts_with(p.ttype, h.ttype || '.'))"""


def _blocked(probe: str, home: str) -> str:
    """Candidate (x, y, how) from reports in ``probe`` against reports in ``home`` (relation names).

    Each family of place tests is exclusive and a pair is only looked for from the report that starts first
    (ties: the smaller number), so with ``probe`` = ``home`` every candidate pair comes out once."""
    days = f"unnest(range(p.day0, p.t1 + INTERVAL {SLACK_HOURS} HOUR, INTERVAL 1 DAY)) AS d(day)"
    later = "(h.t0 > p.t0 OR (h.t0 = p.t0 AND h.rid > p.rid))"
    return f"""
        SELECT p.rid AS x, h.rid AS y, 'distance' AS how
        FROM (SELECT p.rid, p.t0, d.day, p.cx + o.dx AS cx, p.cy + o.dy AS cy
              FROM {probe} p, {days},
                   (SELECT * FROM range(-2, 3) a(dx), range(-2, 3) b(dy)) o
              WHERE p.level = 'point' AND abs(o.dx) <= p.ring AND abs(o.dy) <= p.ring) p
        JOIN (SELECT * FROM {home} WHERE level = 'point') h
          ON h.day0 = p.day AND h.cx = p.cx AND h.cy = p.cy
        WHERE {later}
        UNION ALL
        SELECT p.rid, h.rid, 'same_name'
        FROM (SELECT p.rid, p.t0, p.level, d.day, p.ctry, p.adm, p.pname
              FROM {probe} p, {days}
              WHERE p.level IN ('point', 'named') AND p.pname IS NOT NULL) p
        JOIN (SELECT * FROM {home} WHERE level IN ('point', 'named') AND pname IS NOT NULL) h
          ON h.day0 = p.day AND h.pname = p.pname AND h.adm IS NOT DISTINCT FROM p.adm
         AND h.ctry IS NOT DISTINCT FROM p.ctry
        WHERE {later} AND (p.level = 'named' OR h.level = 'named')
        UNION ALL
        SELECT p.rid, h.rid, 'same_admin1'
        FROM (SELECT p.rid, p.t0, d.day, p.ctry, p.adm, p.tcat, p.ttype
              FROM {probe} p, {days} WHERE p.level = 'admin1') p
        JOIN (SELECT * FROM {home} WHERE level IN ('point', 'named', 'admin1') AND adm IS NOT NULL) h
          ON h.day0 = p.day AND h.adm = p.adm AND h.ctry = p.ctry
         AND {_TARGETS_FIT}
        WHERE {later}
        UNION ALL
        SELECT p.rid, h.rid, 'same_admin1'
        FROM (SELECT p.rid, p.t0, d.day, p.ctry, p.adm, p.tcat, p.ttype
              FROM {probe} p, {days}
              WHERE p.level IN ('point', 'named') AND p.adm IS NOT NULL AND p.ctry IS NOT NULL) p
        JOIN (SELECT * FROM {home} WHERE level = 'admin1') h
          ON h.day0 = p.day AND h.adm = p.adm AND h.ctry = p.ctry
         AND {_TARGETS_FIT}
        WHERE {later}
        UNION ALL
        SELECT p.rid, h.rid, 'same_country'
        FROM (SELECT p.rid, p.t0, d.day, p.ctry, p.ttype FROM {probe} p, {days} WHERE p.level = 'country') p
        JOIN (SELECT * FROM {home} WHERE level = 'country') h
          ON h.day0 = p.day AND h.ctry = p.ctry AND h.ttype = p.ttype
        WHERE {later}
    """


def find_pairs(con: duckdb.DuckDBPyConnection, new: str | None) -> int:
    """Temp table ``_inc_found``: every compatible pair (the columns of ``incident_pairs``, then the reports'
    numbers ``ra``, ``rb``) with at least one report in relation ``new`` (all reports when None)."""
    if new is None:
        candidates = _blocked("_inc_feat", "_inc_feat")
    else:
        con.execute(f"CREATE OR REPLACE TEMP TABLE _inc_newfeat AS SELECT f.* FROM _inc_feat f SEMI JOIN {new} n"
                    " ON n.report_id = f.report_id")
        # only reports whose windows can reach a new one's need probing against the new ones
        con.execute(f"""
            CREATE OR REPLACE TEMP TABLE _inc_nearfeat AS
            SELECT * FROM _inc_feat
            WHERE t1 + INTERVAL {SLACK_HOURS} HOUR > (SELECT min(t0) FROM _inc_newfeat)
              AND t0 < (SELECT max(t1) FROM _inc_newfeat) + INTERVAL {SLACK_HOURS} HOUR
        """)
        candidates = (_blocked("_inc_newfeat", "_inc_nearfeat") + " UNION ALL "
                      + _blocked("_inc_nearfeat", "_inc_newfeat"))
    con.execute(f"""
        CREATE OR REPLACE TEMP TABLE _inc_cand AS
        SELECT {"" if new is None else "DISTINCT"} x AS a, y AS b, how FROM ({candidates})
    """)
    con.execute(f"""
        CREATE OR REPLACE TEMP TABLE _inc_found AS
        WITH judged AS (
            SELECT fa.report_id AS a, fb.report_id AS b, c.a AS ra, c.b AS rb, c.how,
                   fa.anchor AS a_anchor, fb.anchor AS b_anchor,
                   CASE WHEN fa.level IN ('point', 'named') THEN 'local' ELSE fa.level END AS a_class,
                   CASE WHEN fb.level IN ('point', 'named') THEN 'local' ELSE fb.level END AS b_class,
                   fa.ttype AS a_type, fb.ttype AS b_type,
                   CASE WHEN c.how = 'distance' THEN 2 * 6371.0 * asin(sqrt(
                        pow(sin(radians(fb.lat - fa.lat) / 2), 2)
                        + cos(radians(fa.lat)) * cos(radians(fb.lat)) * pow(sin(radians(fb.lon - fa.lon) / 2), 2)))
                   END AS distance_km,
                   fa.radius_km + fb.radius_km AS reach_km,
                   greatest(0, epoch(greatest(fa.t0, fb.t0)) - epoch(least(fa.t1, fb.t1))) / 3600.0 AS gap_hours,
                   fa.t0 < fb.t1 AND fb.t0 < fa.t1 AS overlap
            FROM _inc_cand c JOIN _inc_feat fa ON fa.rid = c.a JOIN _inc_feat fb ON fb.rid = c.b
            WHERE fa.t0 < fb.t1 + INTERVAL {SLACK_HOURS} HOUR AND fb.t0 < fa.t1 + INTERVAL {SLACK_HOURS} HOUR
              AND (fa.wgrp = fb.wgrp OR fa.wgrp = 'unknown' OR fb.wgrp = 'unknown' OR fa.denial OR fb.denial)
              AND (fa.ttype = fb.ttype OR fa.ttype = 'unknown' OR fb.ttype = 'unknown'
                   OR starts_with(fa.ttype, fb.ttype || '.') OR starts_with(fb.ttype, fa.ttype || '.'))
        ), kinded AS (
            SELECT *, CASE WHEN a_anchor AND b_anchor
                           THEN (CASE WHEN a_type <> b_type THEN NULL WHEN overlap THEN 'strong' ELSE 'touch' END)
                           WHEN a_anchor OR b_anchor THEN 'attach'
                           WHEN a_class = b_class AND a_type = b_type THEN 'area' END AS kind
            FROM judged
            WHERE how <> 'distance' OR distance_km <= reach_km
        )
        SELECT least(a, b) AS a, greatest(a, b) AS b, kind, how AS place_how, distance_km, gap_hours, ra, rb
        FROM kinded WHERE kind IS NOT NULL
    """)
    return int(con.execute("SELECT count(*) FROM _inc_found").fetchall()[0][0])
