"""The bundled 2025 agreements: the energy moratorium's three accounts judge the same reports differently."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from ceasefire.agreements import load_agreements
from ceasefire.assess import assess, iter_findings
from ceasefire.cli.main import cli
from ceasefire.workspace import Workspace, open_workspace
from tests._reports import put_reports, strike

MORATORIUM = "energy-moratorium-2025"


def _covered(ws: Workspace) -> dict[str, set[str]]:
    result: dict[str, set[str]] = {}
    for f in iter_findings(ws, agreement_id=MORATORIUM):
        if f["covered"]:
            result.setdefault(f["report_id"], set()).add(f["account"])
    return result


def test_the_three_accounts_of_the_moratorium(workspace: Workspace) -> None:
    put_reports(workspace, [
        strike("bridge", "2025-03-27", "infrastructure.rail", admin1="Kharkiv"),
        strike("power", "2025-04-23", "energy.power", admin1="Dnipropetrovsk"),
        strike("depot", "2025-03-19", "energy.oil", actor="UA", claimant="RU", country="RU", admin1="Krasnodar"),
        strike("flats", "2025-03-28", "civilian.residential", admin1="Kyiv City"),
    ])
    assess(workspace, load_agreements(), agreement_id=MORATORIUM)
    covered = _covered(workspace)
    assert covered.get("bridge") == {"white-house"}
    assert covered.get("power") == {"white-house", "ukraine"}
    assert "ukraine" not in covered.get("depot", set())
    assert covered.get("depot") == {"white-house", "kremlin"}
    assert "flats" not in covered
    reasons = {(f["report_id"], f["account"]): f["reason_code"] for f in iter_findings(workspace)}
    assert reasons[("power", "kremlin")] == "after_end"
    assert reasons[("depot", "ukraine")] == "before_start"
    assert reasons[("bridge", "kremlin")] == "target_not_in_scope"
    assert reasons[("flats", "white-house")] == "target_not_in_scope"


def test_never_in_force_account_covers_nothing(workspace: Workspace) -> None:
    agreements = load_agreements()
    never = [(a.agreement_id, c.account_id) for a in agreements for c in a.accounts if not c.in_force]
    if not never:
        pytest.skip("no bundled account is marked as never in force")
    put_reports(workspace, [strike("port", "2025-04-01", "infrastructure.port", admin1="Odesa")])
    assess(workspace, agreements)
    for f in iter_findings(workspace):
        if (f["agreement"], f["account"]) in never:
            assert f["covered"] is False and f["reason_code"] == "not_in_force"


def test_demo_command_end_to_end(tmp_path: Path) -> None:
    path = tmp_path / "demo.duckdb"
    runner = CliRunner()
    result = runner.invoke(cli, ["demo", "--workspace", str(path)])
    assert result.exit_code == 0, result.output
    assert "energy-moratorium-2025 / kremlin" in result.output
    with open_workspace(path, read_only=True) as ws:
        reports = ws.con.execute("SELECT count(*) FROM reports").fetchone()
        assert reports is not None and reports[0] >= 25
        covered = _covered(ws)
    # the example set's railway bridge and post-expiry power station behave as the accounts say
    bridge = {rid for rid, accounts in covered.items() if accounts == {"white-house"}}
    assert bridge, "some report is covered by the White House's account only"
    listed = runner.invoke(cli, ["assess", "--workspace", str(path), "--agreement", MORATORIUM, "--json"])
    assert listed.exit_code == 0
    rows = [json.loads(line) for line in listed.stdout.splitlines() if line.strip()]
    assert rows and all(r["agreement"] == MORATORIUM for r in rows)
    assert {"report_id", "account", "provision", "covered", "reason", "accused", "grade", "evidence"} <= set(rows[0])
    rerun = runner.invoke(cli, ["demo", "--workspace", str(path)])
    assert rerun.exit_code == 0  # a demo workspace is rebuilt, not appended to
    with open_workspace(path, read_only=True) as ws:
        again = ws.con.execute("SELECT count(*) FROM reports").fetchone()
    assert again == reports


def test_demo_refuses_to_replace_a_real_workspace(tmp_path: Path) -> None:
    path = tmp_path / "mine.duckdb"
    open_workspace(path).close()
    result = CliRunner().invoke(cli, ["demo", "--workspace", str(path)])
    assert result.exit_code == 2
    assert "not a demo workspace" in result.output
    assert path.exists()


def test_unknown_agreement_is_a_one_line_error(tmp_path: Path) -> None:
    result = CliRunner().invoke(cli, ["assess", "--workspace", str(tmp_path / "w.duckdb"), "--agreement", "nope"])
    assert result.exit_code == 2
    assert result.output.count("\n") == 1 and "nope" in result.output


def test_csv_output_has_a_header_and_one_row_per_finding(tmp_path: Path) -> None:
    path = tmp_path / "w.duckdb"
    with open_workspace(path) as ws:
        put_reports(ws, [strike("r1", "2025-03-28", "energy.power")])
    result = CliRunner().invoke(cli, ["assess", "--workspace", str(path), "--agreement", MORATORIUM, "--csv"])
    assert result.exit_code == 0
    lines = result.stdout.strip().splitlines()
    assert lines[0].startswith("report_id,")
    accounts = len(next(a for a in load_agreements() if a.agreement_id == MORATORIUM).accounts)
    assert len(lines) - 1 >= accounts
