"""Reading files of news text (plain paragraphs, JSON Lines) and the `ceasefire extract` command."""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path

import pytest
from click.testing import CliRunner

from ceasefire.cli.extract import command
from ceasefire.errors import BadInput
from ceasefire.extract.reader import read_text, read_text_reports
from ceasefire.model.report import Quarantined, Report

PARAGRAPHS = """Russian drones hit a substation in Kharkiv overnight, the regional governor said.

The foreign ministry said talks would continue next week.
It gave no date.

Ukrainian drones struck an oil depot in Tambov region on Tuesday.
"""


def test_plain_text_gives_a_report_per_paragraph(tmp_path: Path) -> None:
    path = tmp_path / "notes.txt"
    path.write_text(PARAGRAPHS, encoding="utf-8")
    records = list(read_text_reports(path, published=datetime(2025, 3, 26)))
    assert all(isinstance(r, Report) for r in records)
    reports = [r for r in records if isinstance(r, Report)]
    assert [r.report_id for r in reports] == ["notes:1", "notes:2", "notes:3"]
    assert [r.is_incident for r in reports] == [True, False, True]
    assert [r.source_line for r in reports] == [1, 3, 6]
    assert reports[0].place is not None and reports[0].place.admin1 == "Kharkiv"
    assert reports[2].when_start == datetime(2025, 3, 25)


def test_json_lines_keep_ids_and_quarantine_bad_lines(tmp_path: Path) -> None:
    path = tmp_path / "feed.jsonl"
    lines = [
        json.dumps({"id": "a1", "text": "Russian missiles hit a railway station in Kramatorsk on Monday.",
                    "published": "2025-03-25", "source": "wire"}),
        "{not json",
        json.dumps({"id": "a2", "published": "2025-03-25"}),
        json.dumps({"text": "Ukrainian drones hit a refinery in Saratov overnight and a substation in Kursk.",
                    "published": "2025-03-26T09:30:00+03:00"}),
        "",
        json.dumps({"id": 7, "text": "x", "published": "last week"}),
    ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    records = list(read_text_reports(path))
    quarantined = [r for r in records if isinstance(r, Quarantined)]
    reports = [r for r in records if isinstance(r, Report)]
    assert [(q.line, q.raw) for q in quarantined] == [(2, "{not json"), (3, lines[2]), (6, lines[5])]
    assert all(q.file == str(path) and q.reason for q in quarantined)
    assert reports[0].report_id == "a1" and reports[0].source == "wire" and reports[0].source_line == 1
    assert [r.report_id for r in reports[1:]] == ["feed:4-1", "feed:4-2"]
    assert reports[1].published == datetime(2025, 3, 26, 6, 30)


def test_undecodable_file_is_bad_input(tmp_path: Path) -> None:
    path = tmp_path / "latin1.txt"
    path.write_bytes("Обстріл".encode("cp1251"))
    with pytest.raises(BadInput, match="not UTF-8"):
        list(read_text_reports(path))


def test_text_in_memory_tells_json_lines_from_paragraphs() -> None:
    jsonl = list(read_text('{"id": "q", "text": "Drones hit a school in Sumy."}\n', name="-"))
    plain = list(read_text("Drones hit a school in Sumy.\n", name="-"))
    assert [r.report_id for r in jsonl if isinstance(r, Report)] == ["q"]
    assert [r.report_id for r in plain if isinstance(r, Report)] == ["stdin:1"]


def test_cli_reads_stdin_and_prints_json_lines() -> None:
    text = "Ukrainian drones set an oil depot on fire in Kavkazskaya on Wednesday, the governor said.\n"
    result = CliRunner().invoke(command, ["--published", "2025-03-20", "--json", "-"], input=text)
    assert result.exit_code == 0, result.output
    records = [json.loads(line) for line in result.output.splitlines()]
    assert len(records) == 1
    assert records[0]["report_id"] == "stdin:1"
    assert records[0]["when"] == {"start": "2025-03-19T00:00:00", "end": "2025-03-20T00:00:00"}
    assert records[0]["place"]["admin1"] == "Krasnodar" and records[0]["place"]["country"] == "RU"
    assert records[0]["target"] == {"category": "energy", "type": "energy.oil"}


def test_cli_table_and_bad_input(tmp_path: Path) -> None:
    runner = CliRunner()
    path = tmp_path / "t.txt"
    path.write_text("Russian shelling damaged a church in Kherson on Sunday.\n", encoding="utf-8")
    result = runner.invoke(command, ["--published", "2025-03-31", str(path)])
    assert result.exit_code == 0
    assert "civilian.religious" in result.output and "t:1" in result.output
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"\xff\xfe\x00")
    result = runner.invoke(command, [str(bad)])
    assert isinstance(result.exception, BadInput) and "not UTF-8" in str(result.exception)
    missing = runner.invoke(command, [str(tmp_path / "nope.txt")])
    assert isinstance(missing.exception, BadInput)
