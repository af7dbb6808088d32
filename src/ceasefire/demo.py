"""The main job on the bundled example: a fresh workspace, the example reports, the Air Force tallies when the
real data is at hand, findings for every bundled agreement, and each account's status."""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import duckdb

from ceasefire.assess import AccountStatus, AssessResult, account_status, assess
from ceasefire.errors import WorkspaceError
from ceasefire.examples import example_reports_path
from ceasefire.model.agreement import Agreement
from ceasefire.workspace import open_workspace

AIRFORCE_FILE = Path("missile-attacks-ukraine") / "missile_attacks_daily.csv"
_DEMO_MARK = "ceasefire-demo"


@dataclass(frozen=True, slots=True)
class DemoResult:
    workspace: Path
    reports_added: int
    tallies_added: int
    airforce_file: Path | None
    assessed: AssessResult
    statuses: list[AccountStatus]


def find_airforce_file() -> Path | None:
    """The real Air Force counts: $CEASEFIRE_DATA, then ../shared/data from here or from the source checkout."""
    candidates: list[Path] = []
    if env := os.environ.get("CEASEFIRE_DATA"):
        candidates.append(Path(env))
    candidates.append(Path.cwd().parent / "shared" / "data")
    candidates.append(Path(__file__).resolve().parents[3].parent / "shared" / "data")
    for folder in candidates:
        if (folder / AIRFORCE_FILE).is_file():
            return folder / AIRFORCE_FILE
    return None


def run_demo(
    path: Path,
    agreements: list[Agreement],
    *,
    airforce: Path | None = None,
    say: Callable[[str], None] = lambda _: None,
) -> DemoResult:
    """Build the demo workspace at ``path`` from scratch. Refuses to replace a file that is not a demo."""
    _clear_previous_demo(path)
    from ceasefire.workspace.ingest import ingest_file

    with open_workspace(path) as ws:
        ws.con.execute(f"CREATE TABLE IF NOT EXISTS {_DEMO_MARK.replace('-', '_')} (made_at TIMESTAMP)")
        ws.con.execute(f"INSERT INTO {_DEMO_MARK.replace('-', '_')} VALUES (current_timestamp)")
        reports = ingest_file(ws, example_reports_path(), format="jsonl")
        say(f"example reports: {reports.added} added")
        tallies_added = 0
        if airforce is not None:
            tallies = ingest_file(ws, airforce, format="airforce", progress=False)
            tallies_added = tallies.added
            say(f"Air Force tallies from {airforce}: {tallies.added} added")
        else:
            say("Air Force tallies: ../shared/data not found, skipped (set CEASEFIRE_DATA to include them)")
        from ceasefire.incidents import update_incidents

        merged = update_incidents(ws)
        say(f"incidents: {merged.new_reports} reports merged into {merged.incidents} incidents")
        assessed = assess(ws, agreements)
        statuses = account_status(ws, agreements)
    return DemoResult(path, reports.added, tallies_added, airforce, assessed, statuses)


def _clear_previous_demo(path: Path) -> None:
    if not path.exists():
        return
    try:
        con = duckdb.connect(str(path), read_only=True)
        try:
            tables = {row[0] for row in con.execute("SELECT table_name FROM information_schema.tables").fetchall()}
        finally:
            con.close()
    except duckdb.Error as err:
        raise WorkspaceError(f"{path}: exists and is not a demo workspace; choose another --workspace") from err
    if _DEMO_MARK.replace("-", "_") not in tables:
        raise WorkspaceError(f"{path}: exists and is not a demo workspace; choose another --workspace")
    path.unlink()
    wal = path.with_name(path.name + ".wal")
    if wal.exists():
        wal.unlink()
