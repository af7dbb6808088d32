"""The `ceasefire readouts` commands, run through the real CLI entry."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from ceasefire.cli.main import cli

EXAMPLES = Path(__file__).resolve().parent.parent / "examples" / "readouts"
WH = str(EXAMPLES / "2025-03-18-white-house.txt")
KREMLIN = str(EXAMPLES / "2025-03-18-kremlin.txt")


def test_compare_json() -> None:
    result = CliRunner().invoke(cli, ["readouts", "compare", WH, KREMLIN, "--json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert {"shared", "only_a", "only_b", "differences"} <= set(data)
    assert any(d["kind"] == "scope" for d in data["differences"])


def test_compare_text_and_html() -> None:
    text = CliRunner().invoke(cli, ["readouts", "compare", WH, KREMLIN])
    assert text.exit_code == 0 and "energy and infrastructure" in text.stdout and "Only B says" in text.stdout
    page = CliRunner().invoke(cli, ["readouts", "compare", WH, KREMLIN, "--html"])
    assert page.exit_code == 0 and page.stdout.lstrip().startswith("<!doctype html>") and "<mark>" in page.stdout


def test_bad_readout_is_one_line_and_exit_2(tmp_path: Path) -> None:
    bad = tmp_path / "bad.txt"
    bad.write_text("---\nissuer: X\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["readouts", "compare", str(bad), KREMLIN])
    assert result.exit_code == 2
    assert result.stderr.strip() == f"ceasefire: {bad}:1: header opened with '---' is never closed"


def test_draft_prints_yaml() -> None:
    result = CliRunner().invoke(cli, ["readouts", "draft", KREMLIN, "--id", "kremlin-draft"])
    assert result.exit_code == 0, result.output
    assert "id: kremlin-draft" in result.stdout and "duration: P30D" in result.stdout
