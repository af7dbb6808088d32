"""Ingest: real feeds round-trip, re-ingest adds nothing, broken rows are quarantined with their lines."""

from __future__ import annotations

import csv
import json
from datetime import datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from ceasefire.errors import BadInput
from ceasefire.model.report import Place, Quarantined, Report, Target
from ceasefire.workspace import Workspace, open_workspace
from ceasefire.workspace.ingest import ingest_file, ingest_files, store_reports
from ceasefire.workspace.quarantine import list_quarantine

ACLED = "acled-samples/acled_old_deletion_dummy.csv"
UCDP = "ucdp-ged-sample/ucdpged_23_1_sample1000.csv"
AIRFORCE = "missile-attacks-ukraine/missile_attacks_daily.csv"


def _rows(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def _utc(day: str, zone: str) -> datetime:
    parsed = datetime.strptime(day, "%Y-%m-%d %H:%M") if " " in day else datetime.strptime(day, "%Y-%m-%d")
    local = parsed.replace(tzinfo=ZoneInfo(zone))
    return local.astimezone(ZoneInfo("UTC")).replace(tzinfo=None)


def _counts(ws: Workspace) -> tuple[int, ...]:
    return tuple(int(ws.con.execute(f"SELECT count(*) FROM {t}").fetchone()[0])  # type: ignore[index]
                 for t in ("reports", "tallies", "quarantine", "ingests"))


def test_acled_real_round_trip(workspace: Workspace, shared_data: Path) -> None:
    path = shared_data / ACLED
    result = ingest_file(workspace, path)
    assert (result.format, result.read, result.added, result.quarantined) == ("acled", 9000, 9000, 0)
    rows = {r["event_id_cnty"]: r for r in _rows(path)}
    stored = workspace.con.execute(
        "SELECT report_id, when_start, when_end, lat, lon, fatalities, actor, country, v.raw, source, text "
        "FROM reports JOIN report_raw v USING (report_id) WHERE feed = 'acled'").fetchall()
    assert len(stored) == len(rows)
    zones = {"UA": "Europe/Kyiv", "RU": "Europe/Moscow"}
    for report_id, start, end, lat, lon, fatalities, _actor, country, raw, source, text in stored:
        row = rows[report_id.removeprefix("acled:")]
        assert lat == float(row["latitude"]) and lon == float(row["longitude"])
        assert fatalities == int(row["fatalities"])
        assert source == row["source"] and text == row["notes"]
        assert json.loads(raw)["event_id_cnty"] == row["event_id_cnty"]
        assert json.loads(raw)["notes"] == row["notes"]
        if country in zones:
            assert start == _utc(row["event_date"], zones[country])
            next_day = (datetime.fromisoformat(row["event_date"]) + timedelta(days=1)).date().isoformat()
            assert end == _utc(next_day, zones[country])  # a local day, 23 or 25 hours around DST
        assert end - start <= timedelta(hours=25)
    actors = dict(workspace.con.execute(
        "SELECT v.raw->>'actor1', any_value(actor) FROM reports JOIN report_raw v USING (report_id) "
        "WHERE feed = 'acled' GROUP BY 1").fetchall())
    assert actors["Military Forces of Russia (2000-)"] == "RU"
    assert actors["Military Forces of Ukraine (2019-)"] == "UA"
    assert actors["NAF: United Armed Forces of Novorossiya"] == "RU"
    assert actors["Civilians (Ukraine)"] is None
    assert actors["Protesters (Russia)"] is None
    countries = dict(workspace.con.execute(
        "SELECT v.raw->>'country', any_value(country) FROM reports JOIN report_raw v USING (report_id) GROUP BY 1"
    ).fetchall())
    assert countries["Ukraine"] == "UA" and countries["Russia"] == "RU" and countries["Kosovo"] == "XK"
    assert None not in countries.values()
    again = ingest_file(workspace, path)
    assert (again.added, again.present, again.quarantined) == (0, 9000, 0)


def test_ucdp_real_round_trip(workspace: Workspace, shared_data: Path) -> None:
    path = shared_data / UCDP
    result = ingest_file(workspace, path)
    assert (result.format, result.read, result.added, result.quarantined) == ("ucdp", 1000, 1000, 0)
    rows = {r["id"]: r for r in _rows(path)}
    stored = workspace.con.execute(
        "SELECT report_id, when_start, when_end, lat, lon, fatalities, actor, admin1, country, action, target_category "
        "FROM reports").fetchall()
    for report_id, start, end, lat, lon, fatalities, actor, admin1, country, action, category in stored:
        row = rows[report_id.removeprefix("ucdp:")]
        assert (lat, lon) == (float(row["latitude"]), float(row["longitude"]))
        assert fatalities == int(row["best"])
        assert admin1 == (row["adm_1"] or None)
        assert country is not None
        assert end > start
        if country == "UA":
            assert start == _utc(row["date_start"][:10], "Europe/Kyiv")
        if row["side_a"] == "Government of Ukraine":
            assert actor == "UA"
        if row["type_of_violence"] == "3":
            assert (action, category) == ("attack", "civilian")
    assert ingest_file(workspace, path).added == 0


def test_airforce_real_round_trip(workspace: Workspace, shared_data: Path) -> None:
    path = shared_data / AIRFORCE
    result = ingest_file(workspace, path)
    assert (result.format, result.read, result.added, result.quarantined) == ("airforce", 3770, 3770, 0)
    rows = _rows(path)
    stored = workspace.con.execute(
        "SELECT source_line, model, launched, destroyed, time_start, weapon FROM tallies ORDER BY source_line"
    ).fetchall()
    for (line, model, launched, destroyed, start, weapon), row in zip(stored, rows, strict=True):
        assert line >= 2 and model == row["model"]
        for value, text in ((launched, row["launched"]), (destroyed, row["destroyed"])):
            assert value == (None if text.strip() in ("", "NaN", "nan") else float(text))
        assert start == _utc(row["time_start"].strip(), "Europe/Kyiv")
        if "shahed" in model.lower():
            assert weapon == "drone"
    assert workspace.con.execute("SELECT count(*) FROM tallies WHERE weapon = 'unknown'").fetchone() == (0,)
    assert workspace.con.execute("SELECT count(*) FROM reports").fetchone() == (0,)
    assert ingest_file(workspace, path).added == 0


ACLED_HEADER = ("event_id_cnty,event_date,year,time_precision,disorder_type,event_type,sub_event_type,actor1,"
                "assoc_actor_1,inter1,actor2,assoc_actor_2,inter2,interaction,civilian_targeting,iso,region,country,"
                "admin1,admin2,admin3,location,latitude,longitude,geo_precision,source,source_scale,notes,fatalities,"
                "tags,timestamp")


def acled_row(event_id: str, *, date: str = "2022-03-01", lat: str = "50.45", notes: str = "Shelling of a house.",
              actor1: str = "Military Forces of Russia (2000-)", inter1: str = "8", actor2: str = "",
              inter2: str = "0", sub_event: str = "Shelling/artillery/missile attack",
              civilian: str = "") -> str:
    return (f'{event_id},{date},2022,1,Political violence,Explosions/Remote violence,{sub_event},{actor1},,{inter1},'
            f'{actor2},,{inter2},80,{civilian},804,Europe,Ukraine,Kyiv City,Kyiv,,Kyiv,{lat},30.52,1,Ukrinform,'
            f'National,"{notes}",2,,1650000000')



def _csv_rows_as_read(workspace: Workspace, path: Path) -> list[tuple[int, str]]:
    """Every record of ``path`` as a JSON object of its fields as DuckDB reads them, with its line: the raw rows
    as ingest kept them in reports.raw before they were stored column by column."""
    # the CSV dialect of the exports (RFC 4180: a quote doubles a quote, a backslash is a plain character), as ingest
    # reads them; left to guess, DuckDB's sniffer may take a backslash in a field for an escape
    rows = workspace.con.execute(
        "SELECT row_number() OVER () + 1, to_json(t)::VARCHAR FROM read_csv(?, all_varchar=true, delim=',', "
        "quote='\"', escape='\"') t", [str(path)]
    ).fetchall()
    return [(int(line), str(raw)) for line, raw in rows]


@pytest.mark.parametrize(("sample", "view", "table", "key"), [
    (ACLED, "report_raw", "reports", "report_id"),
    (UCDP, "report_raw", "reports", "report_id"),
    (AIRFORCE, "tally_raw", "tallies", "tally_id"),
])
def test_raw_rows_rebuilt_exactly(workspace: Workspace, shared_data: Path, sample: str, view: str, table: str,
                                  key: str) -> None:
    path = shared_data / sample
    assert ingest_file(workspace, path).quarantined == 0
    ingest_file(workspace, path)  # adds nothing, keeps nothing twice
    kept = workspace.con.execute(
        f"SELECT t.source_line, v.raw::VARCHAR FROM {table} t JOIN {view} v USING ({key}) ORDER BY t.source_line"
    ).fetchall()
    assert [(int(line), str(raw)) for line, raw in kept] == _csv_rows_as_read(workspace, path)
    assert workspace.con.execute(f"SELECT count(*) FROM {table} WHERE raw IS NOT NULL").fetchone() == (0,)
    # The same keys and values as the CSV read by Python's csv module (an empty field is NULL).
    header, *records = list(csv.reader(path.open(encoding="utf-8", newline="")))
    by_line = {line: json.loads(raw) for line, raw in kept}
    assert len(by_line) == len(records)
    for line, record in enumerate(records, start=2):
        assert list(by_line[line]) == header
        assert by_line[line] == {name: value or None for name, value in zip(header, record, strict=True)}


def test_raw_rows_keep_columns_new_to_the_feed(workspace: Workspace, tmp_path: Path) -> None:
    header = ACLED_HEADER.replace(",timestamp", ",timestamp,Extra Column,EVENT_DATE")
    rows = [acled_row("X1") + ",first,a", acled_row("X2", notes='Said ""hello"", then left.') + ",,b"]
    path = tmp_path / "extra.csv"
    path.write_text("\n".join([header, *rows]) + "\n", encoding="utf-8")
    assert ingest_file(workspace, path).added == 2
    raws = dict(workspace.con.execute("SELECT report_id, raw FROM report_raw").fetchall())
    first, second = json.loads(raws["acled:X1"]), json.loads(raws["acled:X2"])
    keys = list(first)
    assert keys[:-1] == header.split(",")[:-1] and keys[-1].lower().startswith("event_date")
    assert (first["Extra Column"], first[keys[-1]], second["Extra Column"], second[keys[-1]]) == (
        "first", "a", None, "b")
    assert second["notes"] == 'Said "hello", then left.' and first["event_date"] == "2022-03-01"
    plain = tmp_path / "plain.csv"
    plain.write_text("\n".join([ACLED_HEADER, acled_row("X3")]) + "\n", encoding="utf-8")
    ingest_file(workspace, plain)
    third = workspace.con.execute("SELECT raw FROM report_raw WHERE report_id = 'acled:X3'").fetchone()
    assert third is not None and list(json.loads(third[0])) == ACLED_HEADER.split(",")
    ours = tmp_path / "ours.csv"
    ours.write_text("\n".join([ACLED_HEADER + ",_cf_line", acled_row("X4") + ",1"]) + "\n", encoding="utf-8")
    with pytest.raises(BadInput, match="reserved"):
        ingest_file(workspace, ours)


def test_acled_mapping_rules(workspace: Workspace, tmp_path: Path) -> None:
    path = tmp_path / "map.csv"
    path.write_text("\n".join([
        ACLED_HEADER,
        acled_row("M1", notes="Russian forces shelled a hospital.", actor2="Civilians (Ukraine)", inter2="7"),
        acled_row("M2", notes="A drone hit positions.", actor2="Military Forces of Ukraine (2019-)", inter2="1"),
        acled_row("M3", actor1="Civilians (Ukraine)", inter1="7", notes="Something."),
        acled_row("M4", notes="Missile strike on a thermal power plant.", sub_event="Air/drone strike"),
        acled_row("M5", notes="Shelling.", civilian="Civilian targeting"),
    ]) + "\n", encoding="utf-8")
    ingest_file(workspace, path)
    got = {r[0]: r[1:] for r in workspace.con.execute(
        "SELECT report_id, actor, target_type, weapon, action, claimant, stance FROM reports").fetchall()}
    assert got["acled:M1"][:3] == ("RU", "civilian.medical", "artillery")
    assert got["acled:M2"][:3] == ("RU", "military", "drone")
    assert got["acled:M3"][0] is None
    assert got["acled:M4"][1:4] == ("energy.power", "missile", "strike")
    assert got["acled:M5"][1] == "civilian"
    assert all(r[4] is None and r[5] == "neutral" for r in got.values())


def test_jsonl_quarantine_and_round_trip(workspace: Workspace, tmp_path: Path) -> None:
    good = {"report_id": "r1", "when": {"start": "2025-03-18T22:00:00", "end": "2025-03-19T00:00:00"},
            "place": {"name": "Sloviansk", "admin1": "Donetsk", "country": "UA", "lat": 48.85, "lon": 37.6},
            "actor": "RU", "claimant": "UA", "target": {"category": "energy", "type": "energy.power"},
            "weapon": "drone", "stance": "allegation", "text": "Drones hit a substation."}
    lines = [json.dumps(good), "{not json", json.dumps({"when": None}), "", json.dumps({**good, "report_id": "r2"})]
    path = tmp_path / "reports.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    result = ingest_file(workspace, path)
    assert (result.format, result.read, result.added, result.quarantined) == ("jsonl", 4, 2, 2)
    reasons = {e.line: e.reason for e in list_quarantine(workspace)}
    assert set(reasons) == {2, 3} and "JSON" in reasons[2] and "report_id" in reasons[3]
    row = workspace.con.execute("SELECT when_start, lat, actor, claimant, target_type, target_category, weapon, "
                                "stance, source_line, v.raw FROM reports JOIN report_raw v USING (report_id) "
                                "WHERE report_id = 'r1'").fetchone()
    assert row is not None
    assert row[:9] == (datetime(2025, 3, 18, 22), 48.85, "RU", "UA", "energy.power", "energy", "drone",
                       "allegation", 1)
    assert json.loads(row[9]) == good
    assert ingest_file(workspace, path).added == 0


def test_store_reports_skips_present_ids(workspace: Workspace) -> None:
    reports = [Report(report_id=f"t{i}", feed="text", place=Place(country="UA"), target=Target("civilian"))
               for i in range(3)]
    first = store_reports(workspace, [*reports, Quarantined("a.txt", 4, "no date", "…")], file="a.txt",
                          format="text")
    assert (first.read, first.added, first.present, first.quarantined) == (4, 3, 0, 1)
    second = store_reports(workspace, reports, file="a.txt", format="text")
    assert (second.added, second.present) == (0, 3)


def test_bad_file_stores_nothing(workspace: Workspace, tmp_path: Path, shared_data: Path) -> None:
    ingest_files(workspace, [shared_data / UCDP])
    before = _counts(workspace)
    bad = tmp_path / "bad.csv"
    bad.write_text("event_id_cnty,event_date\nX1,2022-01-01\n", encoding="utf-8")
    with pytest.raises(BadInput) as caught:
        ingest_file(workspace, bad, format="acled")
    assert str(bad) in str(caught.value) and "missing column" in str(caught.value)
    with pytest.raises(BadInput):
        ingest_file(workspace, tmp_path / "absent.csv")
    assert _counts(workspace) == before


def _csv_field(value: str) -> str:
    return '"' + value.replace('"', '""') + '"'


# Field values that could clash with the raw rows' one-text encoding: its separator (U+001F), its NULL mark
# (U+001E), JSON's specials, quotes, commas and line breaks.
_raw_values = st.text(alphabet=st.sampled_from(["\x1f", "\x1e", "a", "é", '"', "\\", ",", "\n", "[", "]", " ", "0"]),
                      max_size=6)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.tuples(_raw_values, _raw_values), min_size=1, max_size=4))
@example([("", "\\0")])  # a backslash is kept as written (found by this test once)
def test_raw_rows_survive_any_field_values(tmp_path: Path, values: list[tuple[str, str]]) -> None:
    path = tmp_path / "values.csv"
    rows = [acled_row(f"V{i}", actor2="A").replace(",A,,", f",{_csv_field(a)},{_csv_field(b)},", 1)
            for i, (a, b) in enumerate(values)]
    path.write_text("\n".join([ACLED_HEADER, *rows]) + "\n", encoding="utf-8")
    db = tmp_path / "w.duckdb"
    db.unlink(missing_ok=True)  # hypothesis reuses tmp_path: each example starts from a new workspace
    with open_workspace(db) as ws:
        assert ingest_file(ws, path).added == len(values)
        kept = ws.con.execute("SELECT r.source_line, v.raw::VARCHAR FROM reports r JOIN report_raw v "
                              "USING (report_id) ORDER BY r.source_line").fetchall()
        assert [(int(line), str(raw)) for line, raw in kept] == _csv_rows_as_read(ws, path)
