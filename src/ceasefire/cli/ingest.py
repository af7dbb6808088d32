"""``ceasefire ingest``: read feed files into the workspace."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import click

from ceasefire.cli._common import emit_jsonl, json_option, workspace_option
from ceasefire.sources import FORMATS
from ceasefire.workspace import open_workspace
from ceasefire.workspace.ingest import ingest_file


@click.command("ingest")
@click.argument("files", nargs=-1, required=True, type=click.Path(dir_okay=False, path_type=Path))
@click.option("--format", "fmt", type=click.Choice(["auto", *FORMATS]), default="auto", show_default=True,
              help="Feed format; auto tells it from the file's name and header.")
@click.option("--lang", default="auto", show_default=True, help="Language of text files (en, uk, ru or auto).")
@click.option("--published", type=click.DateTime(), default=None,
              help="Publication time of text files (ISO 8601), when the text does not say.")
@click.option("--progress/--no-progress", default=True, show_default=True,
              help="Show a progress bar on stderr for large files.")
@workspace_option
@json_option
def command(files: tuple[Path, ...], fmt: str, lang: str, published: datetime | None, progress: bool,
            workspace: Path, as_json: bool) -> None:
    """Ingest ACLED CSV, UCDP GED CSV, Air Force daily counts, JSON Lines or text FILES.

    Each file is ingested in one transaction: re-ingesting adds nothing, unreadable rows go to the quarantine
    (see `ceasefire quarantine`), and an interrupted ingest leaves the workspace as it was. Ends with the counts
    read, added, already present and quarantined for each file.
    """
    with open_workspace(workspace) as ws:
        for path in files:
            result = ingest_file(ws, path, format=fmt, progress=progress,
                                 lang=lang, published=published)
            if as_json:
                emit_jsonl([result.to_json()])
            else:
                click.echo(f"{result.file} ({result.format}): read {result.read}, added {result.added}, "
                           f"already present {result.present}, quarantined {result.quarantined}")
