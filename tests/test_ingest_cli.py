"""The ingest and quarantine commands, and an ingest killed midway."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from click.testing import CliRunner

from ceasefire.cli.main import cli
from ceasefire.workspace import open_workspace
from tests.test_ingest import ACLED_HEADER, acled_row


def _snapshot(path: Path) -> dict[str, list[tuple[object, ...]]]:
    with open_workspace(path, read_only=True) as ws:
        return {
            t: ws.con.execute(f"SELECT * FROM {t} ORDER BY ALL").fetchall()
            for t in ("reports", "tallies", "quarantine", "ingests")
        }


def test_cli_prints_counts_and_quarantine_json(tmp_path: Path) -> None:
    path = tmp_path / "small.csv"
    path.write_text(
        "\n".join([ACLED_HEADER, acled_row("K1"), acled_row("K2", date="someday")]) + "\n", encoding="utf-8"
    )
    ws = tmp_path / "ws.duckdb"
    runner = CliRunner()
    result = runner.invoke(cli, ["ingest", "-w", str(ws), str(path)])
    assert result.exit_code == 0, result.output
    assert "read 2, added 1, already present 0, quarantined 1" in result.output
    again = runner.invoke(cli, ["ingest", "-w", str(ws), "--json", str(path)])
    assert json.loads(again.stdout) == {
        "file": str(path),
        "format": "acled",
        "read": 2,
        "added": 0,
        "present": 1,
        "quarantined": 1,
    }
    listed = runner.invoke(cli, ["quarantine", "-w", str(ws), "--json"])
    entries = [json.loads(line) for line in listed.stdout.splitlines()]
    assert [(e["file"], e["line"]) for e in entries] == [(str(path), 3)]
    assert "event_date" in entries[0]["reason"] and "K2" in entries[0]["raw"]
    table = runner.invoke(cli, ["quarantine", "-w", str(ws)])
    assert table.exit_code == 0 and "event_date" in table.output


def test_cli_bad_file_exit_2_one_line(tmp_path: Path) -> None:
    path = tmp_path / "wrong.csv"
    path.write_text("a,b\n1,2\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["ingest", "-w", str(tmp_path / "ws.duckdb"), "--format", "ucdp", str(path)])
    assert result.exit_code == 2
    lines = result.output.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith(f"ceasefire: {path}:1:")


def test_kill_midway_leaves_workspace_as_before(tmp_path: Path) -> None:
    ws = tmp_path / "ws.duckdb"
    small = tmp_path / "small.csv"
    small.write_text("\n".join([ACLED_HEADER, acled_row("PRE1"), acled_row("PRE2", lat="x")]) + "\n", encoding="utf-8")
    assert CliRunner().invoke(cli, ["ingest", "-w", str(ws), str(small)]).exit_code == 0
    before = _snapshot(ws)
    big = tmp_path / "big.csv"
    with big.open("w", encoding="utf-8") as out:
        out.write(ACLED_HEADER + "\n")
        notes = "Russian forces shelled residential houses near the railway station. " * 4
        for i in range(150_000):
            out.write(acled_row(f"BIG{i}", notes=notes) + "\n")
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    proc = subprocess.Popen(
        [sys.executable, "-c", "from ceasefire.cli.main import main; main()", "ingest", "-w", str(ws), str(big)],
        stderr=subprocess.PIPE,
        stdout=subprocess.PIPE,
        env=env,
    )
    assert proc.stderr is not None
    deadline = time.monotonic() + 60
    seen = b""
    while b"%" not in seen and time.monotonic() < deadline and proc.poll() is None:
        seen += os.read(proc.stderr.fileno(), 256)
    assert proc.poll() is None, "ingest ended before it could be killed"
    time.sleep(0.3)
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    assert proc.returncode == -signal.SIGKILL
    assert _snapshot(ws) == before
