"""``ceasefire serve``: the web app over a workspace, read-only."""

from __future__ import annotations

from pathlib import Path

import click

from ceasefire.cli._agreements_option import agreements_option, load_chosen
from ceasefire.cli._common import workspace_option


@click.command("serve")
@workspace_option
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Address to listen on. Keep 127.0.0.1 unless others on your network should see it.")
@click.option("--port", default=8000, show_default=True, type=click.IntRange(0, 65535),
              help="Port to listen on (0 picks a free one).")
@agreements_option
@click.option("--readout", "readout_files", type=click.Path(exists=True, dir_okay=False, path_type=Path),
              multiple=True, help="Readout file(s) the comparison page offers (repeatable).")
@click.option("--workers", default=1, show_default=True, type=click.IntRange(1, 64),
              help="Processes answering in parallel, each with its own copy of the view (memory grows with each); "
                   "up to the number of cores.")
@click.option("--quiet", is_flag=True, help="Do not log each request to stderr.")
def command(workspace: Path, host: str, port: int, agreement_paths: tuple[Path, ...],
            readout_files: tuple[Path, ...], workers: int, quiet: bool) -> None:
    """Serve pages for a workspace: overview, findings, incidents, map, timeline, readouts, claims, demands.

    Pages are rendered on the server with light JavaScript; filters (agreement, account, party, grade, dates)
    narrow every table and chart. The workspace is opened read-only and the server answers GET and HEAD only.
    Stop it with Ctrl-C.
    """
    from ceasefire.web import serve

    agreements = load_chosen(agreement_paths)

    def listening(url: str) -> None:
        click.echo(f"serving {workspace} read-only at {url}/ (Ctrl-C to stop)", err=True)

    try:
        serve(workspace, agreements, host=host, port=port, workers=workers, readouts=readout_files, quiet=quiet,
              on_listening=listening)
    except KeyboardInterrupt:
        click.echo("stopped", err=True)
