"""Findings gain incident grades and evidence once reports are merged; incidents can be judged directly."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from ceasefire.agreements import load_agreements
from ceasefire.assess import account_status, assess, iter_findings
from ceasefire.cli.main import cli
from ceasefire.incidents import update_incidents
from ceasefire.workspace import open_workspace


def _demo(tmp_path: Path) -> Path:
    path = tmp_path / "demo.duckdb"
    result = CliRunner().invoke(cli, ["demo", "--workspace", str(path)])
    assert result.exit_code == 0, result.output
    return path


def test_accusation_and_denial_are_disputed_and_independent_confirmation_corroborates(tmp_path: Path) -> None:
    path = _demo(tmp_path)
    agreements = load_agreements()
    with open_workspace(path) as ws:
        update_incidents(ws)
        assess(ws, agreements)
        by_report = {
            f["report_id"]: f for f in iter_findings(ws, agreement_id="energy-moratorium-2025", account_id="kremlin")
        }
        incident_of = dict(ws.con.execute("SELECT report_id, incident_id FROM incident_members").fetchall())
    # The Sudzha accusation (RU says UA blew it up) and its denial (UA says RU shelled it) are one incident.
    sudzha = [rid for rid, f in by_report.items() if f["target_type"] == "energy.gas" and f["country"] == "RU"]
    assert len(sudzha) == 2
    assert len({incident_of[rid] for rid in sudzha}) == 1
    assert {by_report[rid]["grade"] for rid in sudzha} == {"disputed"}
    # A wire agency's confirmation of a Ukrainian allegation corroborates it, and both reports are evidence.
    confirmed = [rid for rid, f in by_report.items() if f["grade"] == "corroborated"]
    assert confirmed
    for rid in confirmed:
        assert len(by_report[rid]["evidence"]) >= 2
        assert by_report[rid]["accused"] == "RU"


def test_judging_incidents_counts_each_event_once(tmp_path: Path) -> None:
    path = _demo(tmp_path)
    agreements = load_agreements()
    with open_workspace(path) as ws:
        update_incidents(ws)
        per_report = assess(ws, agreements, agreement_id="energy-moratorium-2025")
        per_incident = assess(ws, agreements, agreement_id="energy-moratorium-2025", level="incident")
        incidents = ws.con.execute("SELECT count(*) FROM incident_subjects").fetchone()
        statuses = account_status(ws, agreements, agreement_id="energy-moratorium-2025", level="incident")
        rows = list(iter_findings(ws, level="incident", covered=True))
    assert incidents is not None and per_incident.judged == incidents[0]
    assert per_incident.judged < per_report.judged  # duplicates were merged
    assert per_incident.covered < per_report.covered
    assert rows and all("incident_id" in r and "report_id" not in r for r in rows)
    assert all(len(r["evidence"]) >= 1 for r in rows)
    kremlin = next(s for s in statuses if s.account == "kremlin")
    assert sum(p.covered for p in kremlin.parties) == sum(1 for r in rows if r["account"] == "kremlin")
