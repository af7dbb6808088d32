"""Merging reports into incidents: real shapes (languages, accusation and denial, one town twice, regions)."""

from __future__ import annotations

from datetime import datetime
from typing import Any

import pytest

import ceasefire.incidents as incidents
from ceasefire.errors import BadInput
from ceasefire.incidents import merge, rebuild_incidents, split, update_incidents
from ceasefire.workspace import Workspace
from tests.test_incidents_support import DAY, HOUR, add_report, grade_of, incident_of, partition

NIGHT = datetime(2025, 3, 18)
KHARKIV: dict[str, Any] = {"admin1": "Kharkivska", "lat": 49.9935, "lon": 36.2304}


def test_public_names() -> None:
    assert set(incidents.__all__) == {
        "IncidentUpdate", "SourceEntry", "GradeCount", "add_source", "bundled_sources", "list_sources",
        "list_incidents", "show_incident", "grade_counts", "first_times", "merge", "rebuild_incidents", "split",
        "update_incidents"}
    for name in incidents.__all__:
        assert getattr(incidents, name) is not None


def test_one_strike_in_english_ukrainian_and_russian_is_one_incident(workspace: Workspace) -> None:
    add_report(workspace, "en", start=NIGHT, source="Reuters", actor="RU", place_name="Kharkiv", **KHARKIV,
               text="Russian drones hit a power substation in Kharkiv overnight")
    add_report(workspace, "uk", start=NIGHT + 2 * HOUR, end=NIGHT + 3 * HOUR, source="Харківська ОВА",
               claimant="UA", actor="RU", stance="allegation", place_name="Харків", admin1="Kharkivska",
               lat=50.0005, lon=36.2292, text="Росія атакувала дронами підстанцію у Харкові")
    add_report(workspace, "ru", start=NIGHT, source="Минобороны России", claimant="RU", actor="RU",
               stance="confirmation", place_name="Харьков", admin1="Kharkivska", lat=49.99, lon=36.24,
               text="Нанесён удар по объектам энергетики в Харькове")
    done = update_incidents(workspace)
    assert done.new_reports == 3
    assert partition(workspace) == {frozenset({"en", "uk", "ru"})}
    assert grade_of(workspace, incident_of(workspace, "en")) == ("corroborated", "RU")


def test_accusation_and_its_denial_are_one_disputed_incident(workspace: Workspace) -> None:
    place: dict[str, Any] = {"place_name": "Sudzha", "admin1": "Kursk", "country": "RU", "lat": 51.19, "lon": 35.27}
    add_report(workspace, "mod", start=NIGHT, target="energy.gas", source="Russian Defence Ministry",
               claimant="RU", actor="UA", stance="allegation", **place,
               text="Kyiv regime struck the Sudzha gas metering station")
    add_report(workspace, "gs", start=NIGHT, target="energy.gas", source="General Staff of Ukraine", claimant="UA",
               actor="RU", stance="denial", weapon="artillery", **{**place, "place_name": "Суджа"},
               text="Росіяни самі обстріляли ГВС у Суджі")
    update_incidents(workspace)
    assert partition(workspace) == {frozenset({"mod", "gs"})}
    assert grade_of(workspace, incident_of(workspace, "mod")) == ("disputed", "UA")


def test_allegation_alone_is_alleged_and_no_actor_is_unattributed(workspace: Workspace) -> None:
    add_report(workspace, "ua", start=NIGHT, source="Ukrenergo", claimant="UA", actor="RU", stance="allegation",
               place_name="Odesa", admin1="Odeska", lat=46.48, lon=30.72)
    add_report(workspace, "relay", start=NIGHT, source="Reuters", claimant="UA", actor="RU", stance="allegation",
               place_name="Odesa", admin1="Odeska", lat=46.47, lon=30.73)
    add_report(workspace, "blank", start=NIGHT, source="Suspilne", place_name="Lviv", admin1="Lvivska",
               lat=49.84, lon=24.03)
    update_incidents(workspace)
    # A wire relaying Ukraine's claim carries Ukraine's word: still only alleged.
    assert grade_of(workspace, incident_of(workspace, "ua")) == ("alleged", "RU")
    assert incident_of(workspace, "ua") == incident_of(workspace, "relay")
    assert grade_of(workspace, incident_of(workspace, "blank")) == ("unattributed", None)


def test_coder_feed_row_corroborates(workspace: Workspace) -> None:
    add_report(workspace, "ua", start=NIGHT, source="DTEK", claimant="UA", actor="RU", stance="allegation",
               place_name="Dnipro", admin1="Dnipropetrovska", lat=48.46, lon=35.04)
    add_report(workspace, "acled", feed="acled", start=NIGHT, source="Ukrainska Pravda", actor="RU",
               place_name="Dnipro", admin1="Dnipropetrovska", lat=48.45, lon=35.05, weapon="missile")
    update_incidents(workspace)
    assert incident_of(workspace, "ua") == incident_of(workspace, "acled")
    assert grade_of(workspace, incident_of(workspace, "ua")) == ("corroborated", "RU")


def test_two_strikes_on_one_town_on_one_day_are_two_incidents(workspace: Workspace) -> None:
    add_report(workspace, "power", start=NIGHT + 3 * HOUR, end=NIGHT + 4 * HOUR, source="Reuters", actor="RU",
               place_name="Kharkiv", **KHARKIV)
    add_report(workspace, "power-uk", start=NIGHT, source="Ukrenergo", claimant="UA", actor="RU",
               stance="allegation", place_name="Харків", **KHARKIV)
    add_report(workspace, "homes", start=NIGHT + 15 * HOUR, end=NIGHT + 16 * HOUR, target="civilian.residential",
               weapon="glide_bomb", source="Reuters", actor="RU", place_name="Kharkiv", **KHARKIV)
    add_report(workspace, "homes-uk", start=NIGHT, target="civilian.residential", source="ДСНС", claimant="UA",
               actor="RU", stance="allegation", place_name="Харків", **KHARKIV)
    update_incidents(workspace)
    assert partition(workspace) == {frozenset({"power", "power-uk"}), frozenset({"homes", "homes-uk"})}


def test_region_level_report_joins_the_only_incident_it_fits(workspace: Workspace) -> None:
    add_report(workspace, "town", start=NIGHT, source="Reuters", actor="RU", place_name="Kharkiv", **KHARKIV)
    add_report(workspace, "region", start=NIGHT, source="Ukrinform", claimant="UA", actor="RU", stance="allegation",
               admin1="Kharkivska", text="Russia struck energy infrastructure in Kharkiv region")
    add_report(workspace, "elsewhere", start=NIGHT, source="Ukrinform", claimant="UA", actor="RU",
               stance="allegation", admin1="Sumska")
    update_incidents(workspace)
    assert incident_of(workspace, "region") == incident_of(workspace, "town")
    assert incident_of(workspace, "elsewhere") != incident_of(workspace, "town")
    roles = dict(workspace.con.execute("SELECT report_id, role FROM incident_members").fetchall())
    assert roles["region"] == "attached"


def test_region_level_report_that_fits_two_incidents_stays_apart(workspace: Workspace) -> None:
    add_report(workspace, "kharkiv", start=NIGHT, source="Reuters", actor="RU", place_name="Kharkiv", **KHARKIV)
    add_report(workspace, "region", start=NIGHT, source="Ukrinform", claimant="UA", actor="RU", stance="allegation",
               admin1="Kharkivska")
    update_incidents(workspace)
    assert incident_of(workspace, "region") == incident_of(workspace, "kharkiv")
    add_report(workspace, "izium", start=NIGHT, source="AFP", actor="RU", place_name="Izium", admin1="Kharkivska",
               lat=49.21, lon=37.26)
    update_incidents(workspace)
    assert len({incident_of(workspace, r) for r in ("kharkiv", "izium", "region")}) == 3
    before = partition(workspace)
    rebuild_incidents(workspace)
    assert partition(workspace) == before


IZIUM: dict[str, Any] = {"place_name": "Izium", "admin1": "Kharkivska", "lat": 49.21, "lon": 37.26}


@pytest.mark.parametrize(("kharkiv_reports", "joins"), [(3, True), (2, False)])
def test_region_level_report_joins_the_incident_told_by_clearly_more_reports(
        workspace: Workspace, kharkiv_reports: int, joins: bool) -> None:
    for i, source in enumerate(["Reuters", "AFP", "Suspilne"][:kharkiv_reports]):
        add_report(workspace, f"kharkiv{i}", start=NIGHT, source=source, actor="RU", place_name="Kharkiv",
                   **KHARKIV)
    add_report(workspace, "izium", start=NIGHT, source="dpa", actor="RU", **IZIUM)
    add_report(workspace, "region", start=NIGHT, source="Ukrinform", claimant="UA", actor="RU", stance="allegation",
               admin1="Kharkivska")
    rebuild_incidents(workspace)
    assert (incident_of(workspace, "region") == incident_of(workspace, "kharkiv0")) is joins
    assert incident_of(workspace, "region") != incident_of(workspace, "izium")


def test_region_level_denial_joins_the_incident_its_denier_is_accused_of(workspace: Workspace) -> None:
    add_report(workspace, "kharkiv", start=NIGHT, source="Reuters", actor="RU", place_name="Kharkiv", **KHARKIV)
    add_report(workspace, "izium", start=NIGHT, source="TASS", actor="UA", **IZIUM)
    add_report(workspace, "denial", start=NIGHT, source="Минобороны России", claimant="RU", actor="UA",
               stance="denial", admin1="Kharkivska")
    rebuild_incidents(workspace)
    assert incident_of(workspace, "denial") == incident_of(workspace, "kharkiv")
    assert incident_of(workspace, "denial") != incident_of(workspace, "izium")


def test_far_apart_or_days_apart_reports_do_not_merge(workspace: Workspace) -> None:
    add_report(workspace, "a", start=NIGHT, source="Reuters", actor="RU", place_name="Kharkiv", **KHARKIV)
    add_report(workspace, "far", start=NIGHT, source="Reuters", actor="RU", place_name="Chuhuiv",
               admin1="Kharkivska", lat=49.84, lon=36.69)
    add_report(workspace, "next-day", start=NIGHT + DAY, source="AP", actor="RU", place_name="Kharkiv", **KHARKIV)
    add_report(workspace, "week-later", start=NIGHT + 7 * DAY, source="AP", actor="RU", place_name="Kharkiv",
               **KHARKIV)
    update_incidents(workspace)
    assert incident_of(workspace, "far") != incident_of(workspace, "a")
    assert incident_of(workspace, "week-later") != incident_of(workspace, "a")
    # a date off by one day (day-long windows that meet) still merges ...
    assert incident_of(workspace, "next-day") == incident_of(workspace, "a")


def test_daily_strikes_on_one_place_do_not_chain(workspace: Workspace) -> None:
    for day in range(4):
        add_report(workspace, f"d{day}", start=NIGHT + day * DAY, source="AP", actor="RU", place_name="Kharkiv",
                   **KHARKIV)
    update_incidents(workspace)
    # ... but not when the day before and the day after both fit: each day is its own incident
    assert len({incident_of(workspace, f"d{day}") for day in range(4)}) == 4


def test_merging_never_alters_or_loses_reports(workspace: Workspace) -> None:
    for i in range(6):
        add_report(workspace, f"r{i}", start=NIGHT + i * HOUR, source="Reuters", actor="RU",
                   place_name="Kharkiv", **KHARKIV, target="energy.power" if i % 2 else "infrastructure.rail")
    add_report(workspace, "talk", start=NIGHT, is_incident=False, text="statement, not an event")
    add_report(workspace, "undated", start=None)
    snapshot = workspace.con.execute("SELECT * FROM reports ORDER BY report_id").fetchall()
    update_incidents(workspace)
    rebuild_incidents(workspace)
    assert workspace.con.execute("SELECT * FROM reports ORDER BY report_id").fetchall() == snapshot
    members = dict(workspace.con.execute("SELECT report_id, incident_id FROM incident_members").fetchall())
    assert set(members) == {f"r{i}" for i in range(6)} | {"undated"}


def test_split_and_merge_hold_across_updates_and_rebuilds(workspace: Workspace) -> None:
    for rid, lat in (("a", 49.99), ("b", 49.995), ("c", 50.0)):
        add_report(workspace, rid, start=NIGHT, source="Reuters", actor="RU", place_name="Kharkiv",
                   admin1="Kharkivska", lat=lat, lon=36.23)
    add_report(workspace, "x", start=NIGHT, source="AP", actor="RU", place_name="Lviv", admin1="Lvivska",
               lat=49.84, lon=24.03)
    update_incidents(workspace)
    whole = incident_of(workspace, "a")
    taken, left = split(workspace, whole, ["c"])
    assert taken == incident_of(workspace, "c") and left == incident_of(workspace, "a") == incident_of(workspace, "b")
    assert taken != left
    with pytest.raises(BadInput):
        split(workspace, left, ["a", "b"])
    add_report(workspace, "d", start=NIGHT, source="AFP", actor="RU", place_name="Kharkiv", admin1="Kharkivska",
               lat=49.992, lon=36.23)
    update_incidents(workspace)
    assert incident_of(workspace, "c") != incident_of(workspace, "a")
    merged = merge(workspace, [incident_of(workspace, "c"), incident_of(workspace, "x")])
    assert incident_of(workspace, "x") == incident_of(workspace, "c") == merged
    after = partition(workspace)
    rebuild_incidents(workspace)
    assert partition(workspace) == after
    # the new report "d" fits both sides of the split equally and joins one of them; the split itself holds
    assert any({"c", "x"} <= group and not {"a", "b"} & group for group in after)
    assert any({"a", "b"} <= group for group in after)
    decisions = workspace.con.execute("SELECT kind FROM incident_decisions ORDER BY decision_id").fetchall()
    assert decisions == [("split",), ("merge",)]


def test_grade_counts_per_account_and_accused(workspace: Workspace) -> None:
    from ceasefire.incidents import first_times, grade_counts

    add_report(workspace, "k-ua", start=NIGHT, source="Ukrenergo", claimant="UA", actor="RU", stance="allegation",
               place_name="Kharkiv", **KHARKIV)
    add_report(workspace, "k-wire", start=NIGHT, source="Reuters", actor="RU", place_name="Kharkiv", **KHARKIV)
    later = NIGHT + 3 * DAY
    add_report(workspace, "o-ua", start=later, source="Ukrenergo", claimant="UA", actor="RU", stance="allegation",
               place_name="Odesa", admin1="Odeska", lat=46.48, lon=30.72)
    add_report(workspace, "outside", start=later, source="Ukrenergo", claimant="UA", actor="RU",
               stance="allegation", place_name="Lviv", admin1="Lvivska", lat=49.84, lon=24.03)
    update_incidents(workspace)
    # the shape `assess` gives its findings (judged per report here)
    workspace.con.execute("CREATE TEMP TABLE findings (report_id VARCHAR, incident_id VARCHAR, agreement VARCHAR,"
                          " account VARCHAR, covered BOOLEAN, accused VARCHAR)")
    rows = [("k-ua", True), ("k-wire", True), ("o-ua", True), ("outside", False)]
    for report_id, covered in rows:
        workspace.con.execute("INSERT INTO findings VALUES (?, NULL, 'energy-2025', 'kremlin', ?, 'RU')",
                              [report_id, covered])
    counts = {(c.accused, c.grade): (c.incidents, c.first_when) for c in grade_counts(workspace)}
    assert counts == {("RU", "corroborated"): (1, NIGHT + 0 * HOUR), ("RU", "alleged"): (1, later)}
    firsts = first_times(grade_counts(workspace, agreement="energy-2025"))
    assert firsts[("energy-2025", "kremlin", "RU")] == {"alleged": NIGHT, "corroborated": NIGHT}
    assert grade_counts(workspace, agreement="other") == []
