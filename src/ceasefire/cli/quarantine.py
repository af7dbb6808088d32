"""``ceasefire quarantine``: list the rows ingest could not read."""

from __future__ import annotations

from pathlib import Path

import click

from ceasefire.cli._common import emit_jsonl, emit_table, json_option, workspace_option
from ceasefire.workspace import open_workspace
from ceasefire.workspace.quarantine import list_quarantine


@click.command("quarantine")
@click.option("--file", "file", default=None, help="Only rows from this file (as named when it was ingested).")
@click.option("--limit", type=click.IntRange(min=1), default=None, help="Show at most this many rows.")
@workspace_option
@json_option
def command(file: str | None, limit: int | None, workspace: Path, as_json: bool) -> None:
    """List quarantined rows: file, line, reason and the raw text as read."""
    with open_workspace(workspace, read_only=True) as ws:
        entries = list_quarantine(ws, file=file, limit=limit)
    if as_json:
        emit_jsonl(entry.to_json() for entry in entries)
        return
    emit_table(["file", "line", "reason", "raw"], ([e.file, e.line, e.reason, e.raw] for e in entries))
    click.echo(f"{len(entries)} quarantined row(s)", err=True)
