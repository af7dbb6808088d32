"""``ceasefire extract``: read incident reports from news text (English, Ukrainian, Russian)."""

from __future__ import annotations

import sys
from datetime import datetime
from pathlib import Path

import click

from ceasefire.cli._common import emit_jsonl, emit_table, json_option
from ceasefire.errors import BadInput
from ceasefire.model.report import Quarantined, Report


@click.command("extract")
@click.argument("file", type=click.Path(dir_okay=False, allow_dash=True, path_type=Path))
@click.option("--lang", type=click.Choice(["auto", "en", "uk", "ru"]), default="auto", show_default=True,
              help="Language of the texts; auto tells it from the letters used.")
@click.option("--published", type=click.DateTime(["%Y-%m-%d", "%Y-%m-%dT%H:%M:%S", "%Y-%m-%d %H:%M:%S"]),
              default=None, help="Publication date (ISO 8601) that relative dates are resolved against, for "
                                 "texts that do not carry their own.")
@json_option
def command(file: Path, lang: str, published: datetime | None, as_json: bool) -> None:
    """Extract report records from FILE (plain text, a report per paragraph, or JSON Lines; - for stdin).

    JSON Lines objects carry `text` and optionally `id`, `published` and `source`. Each record's report_id
    starts with the input id; a text describing several incidents yields several records, and a text describing
    none yields one record with is_incident false. Unreadable JSON lines are reported on stderr and skipped.
    """
    from ceasefire.extract.reader import read_text, read_text_reports

    if str(file) == "-":
        data = sys.stdin.buffer.read()
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError as err:
            raise BadInput("-", None, f"not UTF-8 text (byte offset {err.start})") from err
        records = read_text(text, name="-", lang=lang, published=published)
    else:
        if not file.is_file():
            raise BadInput(str(file), None, "no such file")
        records = read_text_reports(file, lang=lang, published=published)
    reports: list[Report] = []
    for record in records:
        if isinstance(record, Quarantined):
            click.echo(f"ceasefire: {record.file}:{record.line}: skipped: {record.reason}", err=True)
            continue
        if as_json:
            emit_jsonl([record.to_json()])
        else:
            reports.append(record)
    if not as_json:
        emit_table(["report_id", "when", "place", "actor", "claimant", "target", "weapon", "stance"],
                   (_row(r) for r in reports), max_width=40)


def _row(report: Report) -> list[str]:
    if not report.is_incident:
        return [report.report_id, "", "(no incident)", "", report.claimant or "", "", "", ""]
    when = ""
    if report.when_start and report.when_end:
        when = f"{report.when_start:%Y-%m-%d %H:%M}–{report.when_end:%Y-%m-%d %H:%M}"
    place = ""
    if report.place:
        place = ", ".join(p for p in (report.place.name, report.place.admin1, report.place.country) if p)
    return [report.report_id, when, place, report.actor or "", report.claimant or "", report.target.type,
            report.weapon, report.stance]
