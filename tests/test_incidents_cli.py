"""`ceasefire incidents` and `ceasefire sources` on a real workspace file."""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path
from typing import Any

from click.testing import CliRunner

from ceasefire.cli.main import cli
from ceasefire.model.report import Place, Report, Target
from ceasefire.workspace import open_workspace
from tests.test_incidents_support import HOUR, add_report

NIGHT = datetime(2025, 3, 18)


def _fill(path: Path) -> None:
    with open_workspace(path) as ws:
        add_report(ws, "en", start=NIGHT, source="Reuters", actor="RU", place_name="Kharkiv", admin1="Kharkivska",
                   lat=49.99, lon=36.23)
        add_report(ws, "uk", start=NIGHT + HOUR, end=NIGHT + 2 * HOUR, source="Ukrenergo", claimant="UA",
                   actor="RU", stance="allegation", place_name="Харків", admin1="Kharkivska", lat=50.0, lon=36.24)
        add_report(ws, "odesa", start=NIGHT, source="Ukrinform", claimant="UA", actor="RU", stance="allegation",
                   place_name="Odesa", admin1="Odeska", lat=46.48, lon=30.72, target="infrastructure.port")


def _lines(output: str) -> list[dict[str, Any]]:
    return [json.loads(line) for line in output.splitlines() if line.strip()]


def test_list_show_split_merge(tmp_path: Path) -> None:
    path = tmp_path / "w.duckdb"
    _fill(path)
    runner = CliRunner()
    result = runner.invoke(cli, ["incidents", "--workspace", str(path), "--json"])
    assert result.exit_code == 0, result.output
    records = _lines(result.stdout)
    assert sorted(len(r["report_ids"]) for r in records) == [1, 2]
    kharkiv = next(r for r in records if "en" in r["report_ids"])
    assert {"incident_id", "report_ids", "grade", "when", "place", "target", "accused"} <= set(kharkiv)
    assert kharkiv["grade"] == "corroborated" and kharkiv["accused"] == "RU"

    shown = runner.invoke(cli, ["incidents", "show", str(kharkiv["incident_id"]), "--workspace", str(path)])
    assert shown.exit_code == 0, shown.output
    assert "why: en + uk" in shown.stdout and "independent wire" in shown.stdout
    shown_json = _lines(runner.invoke(cli, ["incidents", "show", str(kharkiv["incident_id"]), "--json",
                                            "--workspace", str(path)]).stdout)[0]
    assert [r["report_id"] for r in shown_json["reports"]] == ["en", "uk"]

    split = runner.invoke(cli, ["incidents", "split", str(kharkiv["incident_id"]), "uk", "--workspace", str(path)])
    assert split.exit_code == 0, split.output
    taken, left = split.stdout.split()
    listed = _lines(runner.invoke(cli, ["incidents", "list", "--json", "--workspace", str(path)]).stdout)
    assert sorted(len(r["report_ids"]) for r in listed) == [1, 1, 1]
    merged = runner.invoke(cli, ["incidents", "merge", taken, left, "--workspace", str(path)])
    assert merged.exit_code == 0, merged.output
    rebuilt = runner.invoke(cli, ["incidents", "update", "--rebuild", "--workspace", str(path)])
    assert rebuilt.exit_code == 0
    listed = _lines(runner.invoke(cli, ["incidents", "--json", "--workspace", str(path)]).stdout)
    assert sorted(len(r["report_ids"]) for r in listed) == [1, 2]
    table = runner.invoke(cli, ["incidents", "--workspace", str(path)])
    assert "corroborated" in table.stdout and "alleged" in table.stdout


def test_bad_ids_exit_2(tmp_path: Path) -> None:
    path = tmp_path / "w.duckdb"
    _fill(path)
    runner = CliRunner()
    assert runner.invoke(cli, ["incidents", "show", "I-nope", "--workspace", str(path)]).exit_code == 2
    assert runner.invoke(cli, ["incidents", "merge", "I-nope", "I-nix", "--workspace", str(path)]).exit_code == 2
    bad = runner.invoke(cli, ["sources", "add", "X", "--party", "Russia", "--kind", "state", "--workspace",
                              str(path)])
    assert bad.exit_code == 2 and "party" in bad.output


def test_sources_list_and_add(tmp_path: Path) -> None:
    path = tmp_path / "w.duckdb"
    runner = CliRunner()
    added = runner.invoke(cli, ["sources", "add", "Rybar", "--party", "RU", "--kind", "media", "--alias",
                                "rybar telegram", "--workspace", str(path)])
    assert added.exit_code == 0, added.output
    listed = _lines(runner.invoke(cli, ["sources", "list", "--json", "--workspace", str(path)]).stdout)
    assert listed[0]["name"] == "Rybar" and listed[0]["affiliation"] == "RU media"
    assert any(r["name"] == "TASS" and r["origin"] == "bundled" for r in listed)
    table = runner.invoke(cli, ["sources", "list", "--workspace", str(path)])
    assert "independent wire" in table.stdout


def test_reports_stored_by_ingest_merge(tmp_path: Path) -> None:
    from ceasefire.workspace.ingest import store_reports

    path = tmp_path / "w.duckdb"
    place = Place(name="Zaporizhzhia", admin1="Zaporizka", country="UA", lat=47.84, lon=35.14)
    reports = [
        Report(report_id="zp-en", feed="jsonl", when_start=NIGHT, when_end=NIGHT + 24 * HOUR, place=place,
               actor="RU", target=Target("energy.power"), weapon="missile", source="AFP",
               text="A Russian missile hit a substation in Zaporizhzhia"),
        Report(report_id="zp-ru", feed="jsonl", when_start=NIGHT, when_end=NIGHT + 24 * HOUR,
               place=Place(name="Запорожье", admin1="Zaporizka", country="UA", lat=47.85, lon=35.12),
               actor="UA", claimant="RU", stance="denial", target=Target("energy.power"), source="ТАСС",
               text="Подстанцию повредила украинская ПВО"),
    ]
    with open_workspace(path) as ws:
        store_reports(ws, reports, file="test.jsonl", format="jsonl")
    listed = _lines(CliRunner().invoke(cli, ["incidents", "--json", "--workspace", str(path)]).stdout)
    assert len(listed) == 1 and listed[0]["report_ids"] == ["zp-en", "zp-ru"]
    assert listed[0]["grade"] == "corroborated" and listed[0]["denied"] is True
