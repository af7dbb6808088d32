"""Benchmark: merge 1,000,000 synthetic reports into incidents.

The reports are generated in DuckDB from known incidents, each told by one to a dozen reports that differ the way
real ones do: language (the place written in Ukrainian, English or Russian spelling), paraphrase (weapon or target
left out), the date off by one day, a nearby place instead of the town itself, a region-level mention with no
settlement, and whose word it is (the accusing side, the accused side's denial, a wire agency, a coder feed).
Places come from the GeoNames postal gazetteer in ../shared/data (CC BY 4.0) when present, else a synthetic grid.

Prints pairwise precision and recall against the known groups (goal ≥ 0.95 each), the wall time of
``rebuild_incidents`` (goal ≤ 60 s), and, on a 20,000-report slice of the same data (the first days, so at the
same density), the ratio of a naive baseline's time (every pair of reports on the same day, same tests, then
connected components) to ours.

Usage: python bench/incidents.py [--reports N] [--subset N] [--keep]
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
from pathlib import Path

import duckdb

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _common import shared_data_dir, timed
from ceasefire.incidents import rebuild_incidents
from ceasefire.incidents._cluster import _components
from ceasefire.incidents._pairs import SLACK_HOURS, build_features
from ceasefire.workspace import Workspace, open_workspace

GAZETTEER = Path("gazetteer-ua") / "geonames_postal_UA.txt"
TARGETS = ["energy.power", "energy.oil", "energy.gas", "infrastructure.rail", "infrastructure.port",
           "infrastructure.bridge", "civilian.residential", "civilian.medical", "civilian.education",
           "civilian.commercial", "military.airfield", "military.equipment"]
WEAPONS = ["drone", "missile", "artillery", "glide_bomb", "rocket"]


def load_places(con: duckdb.DuckDBPyConnection) -> str:
    path = shared_data_dir() / GAZETTEER
    if path.is_file():
        con.execute(f"""
            CREATE TABLE places AS
            SELECT row_number() OVER (ORDER BY hash(name, admin1)) - 1 AS pidx, * FROM (
                SELECT any_value(name) AS name, any_value(admin1) AS admin1, lat, lon FROM (
                    SELECT column02 AS name, column03 AS admin1, avg(column09) AS lat, avg(column10) AS lon
                    FROM read_csv('{path}', delim='\t', header=false, all_varchar=false)
                    WHERE column11 = 4  -- located places only; accuracy 1 rows share estimated centroids
                    GROUP BY ALL)
                GROUP BY lat, lon)
        """)
        return f"GeoNames postal gazetteer ({path})"
    con.execute("""
        CREATE TABLE places AS
        SELECT i AS pidx, 'place' || i AS name, 'region' || (i % 25) AS admin1,
               44.5 + 7.5 * ((i * 7919) % 10007) / 10007.0 AS lat, 22.5 + 17.5 * ((i * 104729) % 9973) / 9973.0 AS lon
        FROM range(20000) t(i)
    """)
    return "synthetic grid (gazetteer not found)"


def generate(con: duckdb.DuckDBPyConnection, reports: int, seed: float = 0.42) -> None:
    """Tables ``gen_reports`` (the reports table's columns) and ``truth(report_id, incident)``.

    Run on a one-thread connection (see ``main``): DuckDB's ``random()`` after ``setseed`` repeats only when one
    thread draws the numbers."""
    con.execute("SELECT setseed(?)", [seed])
    targets = "[" + ", ".join(f"'{t}'" for t in TARGETS) + "]"
    weapons = "[" + ", ".join(f"'{w}'" for w in WEAPONS) + "]"
    n_places = con.execute("SELECT count(*) FROM places").fetchall()[0][0]
    con.execute(f"""
        CREATE TABLE inc AS
        SELECT i AS incident,
               CAST(floor({n_places} * pow(random(), 2)) AS BIGINT) AS pidx,
               TIMESTAMP '2022-03-01' + to_days(CAST(floor(random() * 1400) AS INTEGER))
                   + to_minutes(CAST(floor(random() * 1440) AS INTEGER)) AS t,
               {targets}[1 + CAST(floor(random() * {len(TARGETS)}) AS INTEGER)] AS ttype,
               {weapons}[1 + CAST(floor(random() * {len(WEAPONS)}) AS INTEGER)] AS weapon,
               CASE WHEN random() < 0.8 THEN 'RU' ELSE 'UA' END AS actor,
               least(12, 1 + CAST(floor(-ln(1 - random()) * 3) AS INTEGER)) AS size
        FROM range({reports}) t(i)
    """)
    con.execute(f"""
        CREATE TABLE gen AS
        WITH expanded AS (
            SELECT i.*, k, random() AS v_place, random() AS v_time, random() AS v_voice, random() AS v_lang,
                   random() AS v_para, random() AS jx, random() AS jy, random() AS v_src
            FROM inc i, range(size) s(k)
        ), numbered AS (
            SELECT *, row_number() OVER (ORDER BY incident, k) AS n FROM expanded
        )
        SELECT * FROM numbered WHERE n <= {reports}
    """)
    con.execute("""
        CREATE TABLE truth AS SELECT 'r' || n AS report_id, incident FROM gen;
        CREATE TABLE gen_reports AS
        WITH g AS (
            SELECT g.*, p.name, p.admin1, p.lat AS plat, p.lon AS plon,
                   CASE WHEN actor = 'RU' THEN 'UA' ELSE 'RU' END AS victim,
                   CASE WHEN v_lang < 0.4 THEN 'uk' WHEN v_lang < 0.75 THEN 'en' ELSE 'ru' END AS lang,
                   date_trunc('day', t) AS day
            FROM gen g JOIN places p USING (pidx)
        ), shaped AS (
            SELECT *,
                   CASE WHEN v_place < 0.10 THEN 'region' WHEN v_place < 0.25 THEN 'nearby' ELSE 'town' END AS where_,
                   CASE WHEN v_time < 0.40 THEN 'hour' WHEN v_time < 0.90 THEN 'day' ELSE 'day_off' END AS when_,
                   CASE WHEN v_voice < 0.35 THEN 'accuser' WHEN v_voice < 0.45 THEN 'relay'
                        WHEN v_voice < 0.60 THEN 'wire' WHEN v_voice < 0.72 THEN 'denial'
                        WHEN v_voice < 0.80 THEN 'admission' WHEN v_voice < 0.90 THEN 'coder' ELSE 'media' END AS voice,
                   1 + CAST(floor(v_src * 4) AS INTEGER) AS pick4,
                   ['General Staff', 'Kharkiv Regional Military Administration', 'Ukrenergo', 'DTEK'] AS ua_accusers,
                   ['Russian Defence Ministry', 'TASS', 'RIA Novosti', 'Belgorod governor'] AS ru_accusers
            FROM g
        )
        SELECT 'r' || n AS report_id,
               CASE voice WHEN 'coder' THEN 'acled' ELSE 'jsonl' END AS feed,
               CASE voice
                   WHEN 'accuser' THEN CASE WHEN victim = 'UA' THEN ua_accusers ELSE ru_accusers END[pick4]
                   WHEN 'denial' THEN CASE WHEN actor = 'RU' THEN 'Минобороны России' ELSE 'Генштаб ЗСУ' END
                   WHEN 'admission' THEN CASE WHEN actor = 'RU' THEN 'TASS' ELSE 'Ukrinform' END
                   WHEN 'coder' THEN 'Ukrainska Pravda; Ministry of Defence of Ukraine'
                   WHEN 'media' THEN ['Ukrainska Pravda', 'Kommersant', 'Suspilne', 'Meduza'][pick4]
                   ELSE ['Reuters', 'Associated Press', 'AFP', 'dpa'][pick4] END AS source,
               lang || ' paraphrase ' || n AS text,
               t + INTERVAL 3 HOUR AS published,
               CASE when_ WHEN 'hour' THEN date_trunc('hour', t)
                          WHEN 'day' THEN day
                          ELSE day + to_days(CASE WHEN hour(t) < 12 THEN -1 ELSE 1 END) END AS when_start,
               CASE when_ WHEN 'hour' THEN date_trunc('hour', t) + INTERVAL 1 HOUR
                          WHEN 'day' THEN day + INTERVAL 1 DAY
                          ELSE day + to_days(CASE WHEN hour(t) < 12 THEN 0 ELSE 2 END) END AS when_end,
               CASE WHEN where_ = 'region' THEN NULL
                    WHEN where_ = 'nearby' THEN 'near ' || name
                    ELSE CASE lang WHEN 'uk' THEN name ELSE lang || ':' || name END END AS place_name,
               admin1, 'UA' AS country,
               CASE where_ WHEN 'region' THEN NULL WHEN 'nearby' THEN plat + (jy - 0.5) * 0.07
                           ELSE plat + (jy - 0.5) * 0.01 END AS lat,
               CASE where_ WHEN 'region' THEN NULL WHEN 'nearby' THEN plon + (jx - 0.5) * 0.1
                           ELSE plon + (jx - 0.5) * 0.015 END AS lon,
               CASE WHEN voice = 'denial' THEN victim WHEN voice = 'media' AND v_para < 0.3 THEN NULL ELSE actor END
                   AS actor,
               CASE voice WHEN 'accuser' THEN victim WHEN 'relay' THEN victim WHEN 'denial' THEN actor
                          WHEN 'admission' THEN actor ELSE NULL END AS claimant,
               CASE WHEN v_para < 0.04 THEN 'unknown' ELSE ttype END AS target_type,
               CASE WHEN v_para < 0.04 THEN 'unknown' ELSE split_part(ttype, '.', 1) END AS target_category,
               CASE WHEN v_para > 0.7 THEN 'unknown' ELSE weapon END AS weapon,
               NULL::VARCHAR AS action,
               CASE voice WHEN 'accuser' THEN 'allegation' WHEN 'relay' THEN 'allegation' WHEN 'denial' THEN 'denial'
                          WHEN 'admission' THEN 'confirmation' ELSE 'neutral' END AS stance,
               true AS is_incident, NULL::INTEGER AS fatalities, 1 AS ingest_id,
               'synthetic' AS source_file, n AS source_line, NULL::JSON AS raw
        FROM shaped
    """)


def fill(ws: Workspace, gen: duckdb.DuckDBPyConnection, where: str = "true") -> int:
    table = gen.execute(f"SELECT * FROM gen_reports WHERE {where}").to_arrow_table()
    ws.con.register("_bench_rows", table)
    ws.con.execute("INSERT INTO reports BY NAME SELECT * FROM _bench_rows")
    ws.con.unregister("_bench_rows")
    return int(table.num_rows)


def pairwise(ws: Workspace, gen: duckdb.DuckDBPyConnection, labels: str) -> tuple[float, float]:
    """Pairwise precision and recall of ``labels(report_id, label)`` (a workspace relation) against the truth."""
    truth = gen.execute("SELECT * FROM truth").to_arrow_table()
    ws.con.register("_bench_truth", truth)
    got, want, both = ws.con.execute(f"""
        WITH j AS (SELECT l.label, t.incident FROM {labels} l JOIN _bench_truth t USING (report_id)),
        p AS (SELECT count(*) AS n FROM j GROUP BY label),
        t AS (SELECT count(*) AS n FROM j GROUP BY incident),
        pt AS (SELECT count(*) AS n FROM j GROUP BY label, incident)
        SELECT (SELECT sum(n * (n - 1) / 2) FROM p), (SELECT sum(n * (n - 1) / 2) FROM t),
               (SELECT sum(n * (n - 1) / 2) FROM pt)
    """).fetchall()[0]
    ws.con.unregister("_bench_truth")
    return (float(both) / float(got) if got else 1.0), (float(both) / float(want) if want else 1.0)


def naive(ws: Workspace) -> None:
    """The baseline: every pair of incident reports starting the same day, the same tests, connected components."""
    con = ws.con
    build_features(con)
    con.execute(f"""
        CREATE OR REPLACE TEMP TABLE _naive_pairs AS
        SELECT a.report_id AS x, b.report_id AS y
        FROM _inc_feat a JOIN _inc_feat b ON a.day0 = b.day0 AND a.report_id < b.report_id
        WHERE a.t0 < b.t1 + INTERVAL {SLACK_HOURS} HOUR AND b.t0 < a.t1 + INTERVAL {SLACK_HOURS} HOUR
          AND (a.wgrp = b.wgrp OR a.wgrp = 'unknown' OR b.wgrp = 'unknown')
          AND (a.ttype = b.ttype OR a.ttype = 'unknown' OR b.ttype = 'unknown')
          AND (CASE WHEN a.lat IS NOT NULL AND b.lat IS NOT NULL THEN 2 * 6371.0 * asin(sqrt(
                    pow(sin(radians(b.lat - a.lat) / 2), 2)
                    + cos(radians(a.lat)) * cos(radians(b.lat)) * pow(sin(radians(b.lon - a.lon) / 2), 2)))
                    <= a.radius_km + b.radius_km
               ELSE a.adm = b.adm END);
        CREATE OR REPLACE TEMP TABLE _naive_nodes AS SELECT report_id AS id, NULL::VARCHAR AS seed FROM _inc_feat;
    """)
    _components(con, "_naive_nodes", "_naive_pairs", "_naive_labels")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--reports", type=int, default=1_000_000)
    parser.add_argument("--subset", type=int, default=20_000)
    parser.add_argument("--keep", action="store_true", help="keep the temporary workspaces")
    parser.add_argument("--subset-only", action="store_true", help="skip the full run (for quick iterations)")
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="bench-incidents-"))
    # one thread: the places' names (any_value) and random() after setseed repeat only then; with several threads
    # the data, and the figures (precision on the subset by ±0.005), changed from run to run
    gen = duckdb.connect(config={"threads": 1})
    places = load_places(gen)
    _, gen_s = timed(lambda: generate(gen, args.reports))
    groups = gen.execute("SELECT count(DISTINCT incident), count(*) FROM truth").fetchall()[0]
    print(f"generated {groups[1]:,} reports of {groups[0]:,} incidents in {gen_s:.1f} s; places: {places}")

    if not args.subset_only:
        with open_workspace(folder / "full.duckdb") as ws:
            fill(ws, gen)
            result, full_s = timed(lambda: rebuild_incidents(ws))
            precision, recall = pairwise(ws, gen, "(SELECT report_id, incident_id AS label FROM incident_members)")
        print(f"full: {result.incidents:,} incidents, {result.pairs_added:,} candidate pairs in {full_s:.1f} s "
              f"(goal ≤ 60 s); pairwise precision {precision:.4f}, recall {recall:.4f} (goal ≥ 0.95 each)")

    cutoff = gen.execute(f"SELECT max(when_start) FROM (SELECT when_start FROM gen_reports ORDER BY when_start "
                         f"LIMIT {args.subset})").fetchall()[0][0]
    with open_workspace(folder / "subset.duckdb") as ws:
        rows = fill(ws, gen, f"when_start < TIMESTAMP '{cutoff}'")
        _, ours_s = timed(lambda: rebuild_incidents(ws))
        ours_p, ours_r = pairwise(ws, gen, "(SELECT report_id, incident_id AS label FROM incident_members)")
        _, naive_s = timed(lambda: naive(ws))
        naive_p, naive_r = pairwise(ws, gen, "(SELECT id AS report_id, label FROM _naive_labels)")
    print(f"subset of {rows:,} reports (first days, same density): ours {ours_s:.2f} s "
          f"(P {ours_p:.4f} R {ours_r:.4f}); naive all-pairs-within-a-day {naive_s:.2f} s "
          f"(P {naive_p:.4f} R {naive_r:.4f}); naive/ours time ratio {naive_s / ours_s:.1f}")
    if not args.subset_only:
        # the slice has the full run's density, so the naive cost grows with the number of days: linearly
        estimate = naive_s * groups[1] / rows
        print(f"naive extrapolated to all {groups[1]:,} reports (same density, more days): ~{estimate:.0f} s; "
              f"ratio to our full run ~{estimate / full_s:.1f}")
    if args.keep:
        print(f"workspaces kept in {folder}", file=sys.stderr)
    else:
        shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()
