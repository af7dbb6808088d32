"""Reports → incidents over a closed scope of reports, in SQL.

1. Precise reports ("anchors": a settlement or point, a specific target type, a window of at most two days) are
   joined through ``strong`` pairs (overlapping windows) into connected components. Two components linked only by
   ``touch`` pairs (windows that meet, as when a date is off by one day) merge when each is the other's clearly
   best such neighbour, scored as in step 2.
2. A coarse report (region-level place, unknown or category-level target, or a long window) joins the anchor
   component it fits best, scored as a log-likelihood: the log of how many of the component's reports it is
   compatible with (an incident told by more reports is likelier to be the one another report tells), plus
   evidence from what both name: the same weapon or accused party (for a denial, the denier) for, a different
   one against, hour-precise times that overlap for. It joins the best only when the best leads the runner-up by
   ``MARGIN`` (twice as many compatible reports and nothing else to tell them apart is not enough); otherwise it
   could be either, and it stays apart. Coarse reports left apart are joined to each other through ``area``
   pairs (same level, same area, same target type) when their weapons and accused parties do not differ.
3. Analysts' pins win: reports with the same pin are one incident, reports with different pins never are, and an
   unpinned report next to pinned ones joins the nearest pin.

Every step uses only pairs inside the scope, so any scope closed under pairs, incident membership and pins gives
the same answer as the whole workspace: that is what makes updates incremental and equal to a rebuild.
"""

from __future__ import annotations

import duckdb

_MAX_ROUNDS = 10_000
# Where a coarse report belongs (step 2): log-likelihood points on top of ln(compatible reports). Weapons are five
# or so kinds, so a shared one is worth about ln 5; most strikes have one accused party, so sharing it says less;
# a clash (the same incident told with another weapon or culprit) is rare. The margin is a little over ln 2.
W_MATCH = 1.5    # some report of the component names the same weapon
W_CLASH = 3.0    # ... none does, and some names another one
A_MATCH = 0.5    # some report names the same accused party
A_CLASH = 2.0    # ... none does, and some names another one
H_MATCH = 2.0    # both timed to the hour (windows ≤ 3 h) and overlapping
MARGIN = 0.7     # the best must lead the runner-up by this much


def close_scope(con: duckdb.DuckDBPyConnection, scope: str, pairs: str = "incident_pairs") -> int:
    """Grow table ``scope(report_id)`` until it holds every report reachable through pairs, incidents and pins."""
    size = con.execute(f"SELECT count(*) FROM {scope}").fetchall()[0][0]
    for _ in range(_MAX_ROUNDS):
        con.execute(f"""
            INSERT INTO {scope}
            WITH s AS (SELECT report_id FROM {scope}),
            reach AS (
                SELECT p.b AS report_id FROM {pairs} p JOIN s ON s.report_id = p.a
                UNION SELECT p.a FROM {pairs} p JOIN s ON s.report_id = p.b
                UNION SELECT m2.report_id FROM incident_members m1 JOIN s ON s.report_id = m1.report_id
                      JOIN incident_members m2 ON m2.incident_id = m1.incident_id
                UNION SELECT q.report_id FROM incident_pins p1 JOIN s ON s.report_id = p1.report_id
                      JOIN incident_pins q ON q.pin = p1.pin
            )
            SELECT DISTINCT report_id FROM reach ANTI JOIN s USING (report_id)
        """)
        grown = con.execute(f"SELECT count(*) FROM {scope}").fetchall()[0][0]
        if grown == size:
            return int(size)
        size = grown
    raise RuntimeError("scope did not close")  # pragma: no cover - bounded by the number of reports


def _components(con: duckdb.DuckDBPyConnection, nodes: str, edges: str, out: str) -> None:
    """Label ``nodes(id, seed)`` through undirected ``edges(x, y)`` into ``out(id, label)``.

    Seeded nodes keep their seed; an unseeded node reachable from seeds takes the nearest seed (ties: the
    smallest); the rest get the smallest id of their connected component."""
    con.execute(f"CREATE OR REPLACE TEMP TABLE _inc_e AS SELECT x, y FROM {edges} UNION ALL SELECT y, x FROM {edges}")
    con.execute(f"CREATE OR REPLACE TEMP TABLE {out} AS SELECT id, seed AS label FROM {nodes}")
    while True:  # nearest seed, one ring per round
        con.execute(f"""
            CREATE OR REPLACE TEMP TABLE _inc_ring AS
            SELECT e.x AS id, min(l2.label) AS label
            FROM _inc_e e JOIN {out} l1 ON l1.id = e.x AND l1.label IS NULL
            JOIN {out} l2 ON l2.id = e.y AND l2.label IS NOT NULL
            GROUP BY e.x
        """)
        if not con.execute("SELECT count(*) FROM _inc_ring").fetchall()[0][0]:
            break
        con.execute(f"UPDATE {out} SET label = r.label FROM _inc_ring r WHERE {out}.id = r.id")
    con.execute(f"""
        CREATE OR REPLACE TEMP TABLE _inc_free AS SELECT id, id AS label FROM {out} WHERE label IS NULL;
        CREATE OR REPLACE TEMP TABLE _inc_fe AS
        SELECT e.x, e.y FROM _inc_e e SEMI JOIN _inc_free a ON a.id = e.x SEMI JOIN _inc_free b ON b.id = e.y;
    """)
    while True:  # smallest id, with pointer jumping
        con.execute("""
            CREATE OR REPLACE TEMP TABLE _inc_next AS
            WITH hop AS (
                SELECT f.id, least(f.label, coalesce(min(n.label), f.label)) AS label
                FROM _inc_free f LEFT JOIN _inc_fe e ON e.x = f.id LEFT JOIN _inc_free n ON n.id = e.y
                GROUP BY f.id, f.label
            )
            SELECT h.id, least(h.label, coalesce(j.label, h.label)) AS label
            FROM hop h LEFT JOIN hop j ON j.id = h.label
        """)
        changed = con.execute(
            "SELECT count(*) FROM _inc_next n JOIN _inc_free f USING (id) WHERE n.label <> f.label"
        ).fetchall()[0][0]
        con.execute("CREATE OR REPLACE TEMP TABLE _inc_free AS SELECT * FROM _inc_next")
        if not changed:
            break
    con.execute(f"UPDATE {out} SET label = f.label FROM _inc_free f WHERE {out}.id = f.id")


def cluster_scope(con: duckdb.DuckDBPyConnection, scope: str, pairs: str = "incident_pairs",
                  numbered_pairs: str | None = None) -> None:
    """Temp table ``_inc_out``: the new ``incident_members`` rows of every report in the closed table ``scope``.

    ``pairs`` has report ids (a, b, kind); ``numbered_pairs``, when given, already holds every pair of the scope
    with the reports' numbers (ra, rb, kind), which saves mapping ids to numbers on a full rebuild."""
    # Reports are numbered by a 64-bit hash of their id (_inc_feat.rid): joins on numbers are cheaper.
    con.execute(f"""
        CREATE OR REPLACE TEMP TABLE _inc_nodes AS
        SELECT f.rid AS id, f.anchor, CASE WHEN p.pin IS NOT NULL THEN hash('pin:' || p.pin) END AS seed
        FROM {scope} s JOIN _inc_feat f ON f.report_id = s.report_id
        LEFT JOIN incident_pins p ON p.report_id = s.report_id;
        CREATE OR REPLACE TEMP TABLE _inc_pinlabels AS SELECT DISTINCT seed AS label FROM _inc_nodes
        WHERE seed IS NOT NULL;
    """)
    if numbered_pairs is not None:
        con.execute(f"CREATE OR REPLACE TEMP TABLE _inc_scope_pairs AS SELECT ra AS a, rb AS b, kind"
                    f" FROM {numbered_pairs}")
    else:
        con.execute(f"""
            CREATE OR REPLACE TEMP TABLE _inc_scope_pairs AS
            SELECT fa.rid AS a, fb.rid AS b, p.kind
            FROM {pairs} p JOIN {scope} sa ON sa.report_id = p.a JOIN {scope} sb ON sb.report_id = p.b
            JOIN _inc_feat fa ON fa.report_id = p.a JOIN _inc_feat fb ON fb.report_id = p.b
        """)
    # 1. anchors through strong pairs
    con.execute("""
        CREATE OR REPLACE TEMP TABLE _inc_an AS SELECT id, seed FROM _inc_nodes WHERE anchor;
        CREATE OR REPLACE TEMP TABLE _inc_ae AS SELECT a AS x, b AS y FROM _inc_scope_pairs WHERE kind = 'strong';
    """)
    _components(con, "_inc_an", "_inc_ae", "_inc_alab")
    # 1b. two anchor components whose windows only touch (a date off by one day) merge when each is the other's
    #     clearly best such neighbour (scored as in step 2); a run of daily strikes on one place, where the middle
    #     day fits both of its neighbours alike, does not chain into one incident
    con.execute(f"""
        CREATE OR REPLACE TEMP TABLE _inc_touch AS
        WITH t AS (
            SELECT la.label AS x, lb.label AS y, fa.weapon AS wx, fb.weapon AS wy, fa.accused AS ax, fb.accused AS ay
            FROM _inc_scope_pairs p JOIN _inc_alab la ON la.id = p.a JOIN _inc_alab lb ON lb.id = p.b
            JOIN _inc_feat fa ON fa.rid = p.a JOIN _inc_feat fb ON fb.rid = p.b
            WHERE p.kind = 'touch' AND la.label <> lb.label
        ), sym AS (SELECT * FROM t UNION ALL SELECT y, x, wy, wx, ay, ax FROM t),
        scored AS (
            SELECT x, y, ln(count(*))
                   + CASE WHEN bool_or(wx = wy) THEN {W_MATCH} WHEN bool_or(wx <> wy) THEN -{W_CLASH} ELSE 0 END
                   + CASE WHEN bool_or(ax = ay) THEN {A_MATCH} WHEN bool_or(ax <> ay) THEN -{A_CLASH} ELSE 0 END
                   AS score
            FROM sym GROUP BY x, y
        ), ranked AS (
            SELECT *, row_number() OVER (PARTITION BY x ORDER BY score DESC) AS place,
                   lead(score) OVER (PARTITION BY x ORDER BY score DESC) AS runner_up
            FROM scored
        ), best AS (SELECT x, y FROM ranked WHERE place = 1 AND coalesce(score - runner_up >= {MARGIN}, true))
        SELECT bx.x, least(bx.x, bx.y) AS label
        FROM best bx JOIN best byx ON byx.x = bx.y AND byx.y = bx.x
        WHERE bx.x NOT IN (SELECT label FROM _inc_pinlabels) AND bx.y NOT IN (SELECT label FROM _inc_pinlabels);
        UPDATE _inc_alab SET label = t.label FROM _inc_touch t WHERE _inc_alab.label = t.x;
    """)
    # 2. coarse reports: attached to the component that fits best by a clear margin (see the module docstring)
    con.execute(f"""
        CREATE OR REPLACE TEMP TABLE _inc_attach AS
        WITH cand AS (
            SELECT p.b AS id, p.a AS other FROM _inc_scope_pairs p WHERE p.kind = 'attach'
            UNION ALL
            SELECT p.a AS id, p.b AS other FROM _inc_scope_pairs p WHERE p.kind = 'attach'
        ), scored AS (
            SELECT c.id, l.label,
                   ln(count(*))
                   + CASE WHEN bool_or(fc.weapon = fo.weapon) THEN {W_MATCH}
                          WHEN bool_or(fc.weapon <> fo.weapon) THEN -{W_CLASH} ELSE 0 END
                   + CASE WHEN bool_or(fc.accused = fo.accused) THEN {A_MATCH}
                          WHEN bool_or(fc.accused <> fo.accused) THEN -{A_CLASH} ELSE 0 END
                   + {H_MATCH} * max(fc.t1 - fc.t0 <= INTERVAL 3 HOUR AND fo.t1 - fo.t0 <= INTERVAL 3 HOUR
                                     AND fc.t0 < fo.t1 AND fo.t0 < fc.t1)::INTEGER AS score
            FROM cand c JOIN _inc_alab l ON l.id = c.other
            JOIN _inc_nodes n ON n.id = c.id AND NOT n.anchor AND n.seed IS NULL
            JOIN _inc_feat fc ON fc.rid = c.id JOIN _inc_feat fo ON fo.rid = c.other
            GROUP BY c.id, l.label
        ), ranked AS (
            SELECT *, row_number() OVER (PARTITION BY id ORDER BY score DESC) AS place,
                   lead(score) OVER (PARTITION BY id ORDER BY score DESC) AS runner_up
            FROM scored
        )
        SELECT id, label FROM ranked WHERE place = 1 AND coalesce(score - runner_up >= {MARGIN}, true);
        CREATE OR REPLACE TEMP TABLE _inc_cn AS
        SELECT id, seed FROM _inc_nodes n ANTI JOIN _inc_attach t USING (id) WHERE NOT anchor;
        CREATE OR REPLACE TEMP TABLE _inc_ce AS
        SELECT a AS x, b AS y FROM _inc_scope_pairs p
        SEMI JOIN _inc_cn ca ON ca.id = p.a SEMI JOIN _inc_cn cb ON cb.id = p.b
        JOIN _inc_feat fa ON fa.rid = p.a JOIN _inc_feat fb ON fb.rid = p.b
        WHERE kind = 'area' AND coalesce(fa.weapon = fb.weapon, true) AND coalesce(fa.accused = fb.accused, true);
    """)
    _components(con, "_inc_cn", "_inc_ce", "_inc_clab")
    # 3. incident ids from the smallest member report id
    con.execute("""
        CREATE OR REPLACE TEMP TABLE _inc_out AS
        WITH lab AS (
            SELECT id, label, 'anchor' AS role FROM _inc_alab
            UNION ALL SELECT id, label, 'attached' FROM _inc_attach
            UNION ALL SELECT id, label, 'area' FROM _inc_clab
        ), named AS (
            SELECT f.report_id, l.label, CASE WHEN l.label IN (SELECT label FROM _inc_pinlabels) THEN 'pinned'
                                              ELSE l.role END AS role,
                   min(f.report_id) OVER (PARTITION BY l.label) AS first_id,
                   count(*) OVER (PARTITION BY l.label) AS size
            FROM lab l JOIN _inc_feat f ON f.rid = l.id
        )
        SELECT report_id, 'I-' || substr(md5(first_id), 1, 12) AS incident_id,
               CASE WHEN size = 1 AND role <> 'pinned' THEN 'single' ELSE role END AS role
        FROM named
    """)


def store_scope(con: duckdb.DuckDBPyConnection, scope: str) -> None:
    """Replace the ``incident_members`` rows of the reports in ``scope`` by ``_inc_out`` (inside a transaction)."""
    con.execute(f"""
        DELETE FROM incident_members m USING {scope} s WHERE m.report_id = s.report_id;
        INSERT INTO incident_members SELECT * FROM _inc_out;
    """)
