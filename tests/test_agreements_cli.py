"""``ceasefire agreements`` through click's CliRunner: list, show, check, schema, and their documentation."""

from __future__ import annotations

import json
import re
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import click
import pytest
from click.testing import CliRunner, Result

from ceasefire.agreements import bundled_paths, find_agreement, load_agreements, schema
from ceasefire.cli.agreements import command

ROOT = Path(__file__).resolve().parent.parent
DOC = ROOT / "docs" / "cli" / "agreements.md"


def run(*args: str) -> Result:
    return CliRunner().invoke(command, list(args))


def test_list_table_names_every_bundled_agreement() -> None:
    result = run("list")
    assert result.exit_code == 0, result.output
    for agreement in load_agreements():
        assert agreement.agreement_id in result.stdout
    assert "never in force" in result.stdout  # the Black Sea Kremlin account


def test_list_json_is_one_record_per_agreement() -> None:
    result = run("list", "--json")
    assert result.exit_code == 0, result.output
    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert [r["id"] for r in records] == [a.agreement_id for a in load_agreements()]
    accounts = {r["id"]: [a["id"] for a in r["accounts"]] for r in records}
    assert accounts["energy-moratorium-2025"] == ["white-house", "kremlin", "ukraine"]


def test_list_from_a_file(tmp_path: Path) -> None:
    source = next(p for p in bundled_paths() if p.stem == "victory-day-truce-2025")
    copy = tmp_path / "one.yaml"
    copy.write_text(source.read_text(encoding="utf-8"), encoding="utf-8")
    result = run("list", "--json", "--file", str(copy))
    assert result.exit_code == 0, result.output
    (record,) = [json.loads(line) for line in result.stdout.splitlines()]
    assert record["id"] == "victory-day-truce-2025" and record["file"] == str(copy)


def test_show_text_gives_local_and_utc_windows() -> None:
    result = run("show", "energy-moratorium-2025")
    assert result.exit_code == 0, result.output
    kremlin = find_agreement(load_agreements(), "energy-moratorium-2025").account("kremlin")
    assert kremlin is not None and kremlin.window.end is not None
    assert kremlin.window.end.isoformat() in result.stdout
    end_utc = kremlin.window.end_utc()
    assert end_utc is not None and end_utc.isoformat() in result.stdout
    for account in ("white-house", "kremlin", "ukraine"):
        assert f"account {account} " in result.stdout


def test_show_json_windows_parse_back() -> None:
    result = run("show", "easter-truce-2025", "--json")
    assert result.exit_code == 0, result.output
    record = json.loads(result.stdout)
    kremlin = next(a for a in record["accounts"] if a["id"] == "kremlin")
    moscow = ZoneInfo("Europe/Moscow")
    assert datetime.fromisoformat(kremlin["window"]["start"]) == datetime(2025, 4, 19, 18, tzinfo=moscow)
    assert datetime.fromisoformat(kremlin["window"]["end"]) == datetime(2025, 4, 21, tzinfo=moscow)


def test_check_bundled_passes() -> None:
    result = run("check")
    assert result.exit_code == 0, result.output
    assert result.stdout == ""
    result = run("check", *map(str, bundled_paths()))
    assert result.exit_code == 0, result.output


def test_check_prints_one_line_per_problem_and_exits_2(tmp_path: Path) -> None:
    good = next(p for p in bundled_paths() if p.stem == "energy-moratorium-2025").read_text(encoding="utf-8")
    bad_text = good.replace("timezone: Europe/Kyiv", "timezone: Europe/Kiev-ish").replace(
        "targets: [energy]\n", "targets: [energy.coal]\n")
    bad = tmp_path / "bad.yaml"
    bad.write_text(bad_text, encoding="utf-8")
    result = run("check", str(bad), str(bundled_paths()[0]))
    assert result.exit_code == 2
    lines = result.stdout.splitlines()
    assert len(lines) == 2
    expected = [n for n, line in enumerate(bad_text.splitlines(), start=1) if "Kiev-ish" in line or "coal" in line]
    for line, line_number in zip(lines, expected, strict=True):
        assert re.match(rf"^{re.escape(str(bad))}:{line_number}: accounts\[2\]\.[\w.\[\]]+: .+", line), line
    assert "2 problem(s)" in result.stderr


def test_schema_prints_the_packaged_schema() -> None:
    result = run("schema")
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout) == schema()


def test_errors_through_the_root_command_are_one_line_and_exit_2() -> None:
    from ceasefire.cli.main import cli

    result = CliRunner().invoke(cli, ["agreements", "show", "no-such-truce"])
    assert result.exit_code == 2
    (line,) = result.stderr.splitlines()
    assert line.startswith("ceasefire: ") and "energy-moratorium-2025" in line


def _subcommands(group: click.Group) -> list[str]:
    return sorted(group.commands)


@pytest.mark.parametrize("name", _subcommands(command))
def test_every_subcommand_is_documented_with_an_example(name: str) -> None:
    text = DOC.read_text(encoding="utf-8")
    assert f"## `ceasefire agreements {name}" in text
    assert re.search(rf"^\$ ceasefire agreements {name}\b", text, re.MULTILINE)
    assert run(name, "--help").exit_code == 0


def test_documented_examples_run() -> None:
    text = DOC.read_text(encoding="utf-8")
    for example in re.findall(r"^\$ ceasefire agreements (.+)$", text, re.MULTILINE):
        args = example.split("|")[0].split(">")[0].split()
        if any(arg.endswith(".yaml") for arg in args):
            continue  # stands for the reader's own file
        result = run(*args)
        assert result.exit_code == 0, (example, result.output)
