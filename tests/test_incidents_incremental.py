"""Updating incidents batch by batch gives exactly what a rebuild from scratch gives."""

from __future__ import annotations

import random
from datetime import datetime, timedelta

import pytest

from ceasefire.incidents import merge, rebuild_incidents, split, update_incidents
from ceasefire.workspace import Workspace
from tests.test_incidents_support import DAY, HOUR, add_report, partition

TOWNS = [("Kharkiv", "Kharkivska", 49.99, 36.23), ("Izium", "Kharkivska", 49.21, 37.26),
         ("Chuhuiv", "Kharkivska", 49.84, 36.69), ("Sumy", "Sumska", 50.91, 34.80),
         ("Okhtyrka", "Sumska", 50.31, 34.90), ("Odesa", "Odeska", 46.48, 30.72)]
TARGETS = ["energy.power", "energy.gas", "civilian.residential", "infrastructure.rail", "unknown", "energy"]
VOICES = [("Reuters", None, "neutral"), ("Ukrenergo", "UA", "allegation"), ("TASS", "RU", "denial"),
          ("Минобороны России", "RU", "confirmation"), ("Suspilne", None, "neutral")]


def _random_reports(ws: Workspace, rng: random.Random, count: int, prefix: str) -> None:
    """Reports of a few true events, told with the variations merging has to cope with."""
    start = datetime(2025, 4, 1)
    for i in range(count):
        town, region, lat, lon = rng.choice(TOWNS)
        day = start + rng.randrange(4) * DAY
        source, claimant, stance = rng.choice(VOICES)
        shape = rng.random()
        fields = {"place_name": town, "admin1": region, "lat": lat + rng.uniform(-0.02, 0.02),
                  "lon": lon + rng.uniform(-0.02, 0.02)}
        if shape < 0.2:
            fields = {"admin1": region}
        elif shape < 0.25:
            fields = {}
        hourly = rng.random() < 0.4
        when = day + rng.randrange(24) * HOUR if hourly else day
        add_report(ws, f"{prefix}{i:03d}", start=when, end=when + (2 * HOUR if hourly else DAY),
                   target=rng.choice(TARGETS), source=source, claimant=claimant, stance=stance,
                   actor=rng.choice(["RU", "UA", None]), weapon=rng.choice(["drone", "missile", "artillery"]),
                   **fields)


@pytest.mark.parametrize("seed", [1, 2])
def test_updates_equal_a_rebuild(tmp_path_factory: pytest.TempPathFactory, seed: int) -> None:
    from ceasefire.workspace import open_workspace

    rng = random.Random(seed)
    with open_workspace(tmp_path_factory.mktemp("inc") / "w.duckdb") as ws:
        sizes = []
        for batch in range(4):
            _random_reports(ws, rng, 40, f"b{batch}-")
            done = update_incidents(ws)
            assert done.new_reports == 40
            sizes.append(done.recomputed_reports)
        incremental = partition(ws)
        ids = sorted(ws.con.execute("SELECT report_id, incident_id, role FROM incident_members").fetchall())
        rebuild_incidents(ws)
        assert partition(ws) == incremental
        assert sorted(ws.con.execute("SELECT report_id, incident_id, role FROM incident_members").fetchall()) == ids
        total = ws.con.execute("SELECT count(*) FROM reports").fetchall()[0][0]
        assert sum(1 for group in incremental for _ in group) == total


def test_update_recomputes_only_what_new_reports_touch(workspace: Workspace) -> None:
    rng = random.Random(7)
    _random_reports(workspace, rng, 60, "old-")
    update_incidents(workspace)
    before = {g for g in partition(workspace)}
    add_report(workspace, "new", start=datetime(2025, 6, 1), place_name="Lviv", admin1="Lvivska", lat=49.84,
               lon=24.03, source="Reuters", actor="RU")
    done = update_incidents(workspace)
    assert done.new_reports == 1 and done.recomputed_reports == 1
    assert partition(workspace) == before | {frozenset({"new"})}
    assert update_incidents(workspace).new_reports == 0


def test_updates_with_analyst_decisions_equal_a_rebuild(workspace: Workspace) -> None:
    rng = random.Random(11)
    _random_reports(workspace, rng, 60, "a-")
    update_incidents(workspace)
    groups = sorted((sorted(g) for g in partition(workspace) if len(g) >= 3), key=len, reverse=True)
    assert groups, "the random reports should give at least one incident of three"
    first = groups[0]
    incident = workspace.con.execute("SELECT incident_id FROM incident_members WHERE report_id = ?",
                                     [first[0]]).fetchall()[0][0]
    split(workspace, incident, first[:1])
    singles = [sorted(g)[0] for g in partition(workspace) if len(g) == 1][:2]
    if len(singles) == 2:
        ids = [workspace.con.execute("SELECT incident_id FROM incident_members WHERE report_id = ?",
                                     [r]).fetchall()[0][0] for r in singles]
        merge(workspace, ids)
    _random_reports(workspace, rng, 60, "b-")
    update_incidents(workspace)
    incremental = partition(workspace)
    rebuild_incidents(workspace)
    assert partition(workspace) == incremental
    assert not any({first[0], first[1]} <= g for g in incremental)
    _ = timedelta
