"""``ceasefire report``: one self-contained HTML file to open offline, send, and click through."""

from __future__ import annotations

from pathlib import Path

import click

from ceasefire.cli._agreements_option import agreements_option, load_chosen
from ceasefire.cli._common import workspace_option


@click.command("report")
@workspace_option
@click.option("--out", "-o", type=click.Path(dir_okay=False, path_type=Path), required=True,
              help="Where to write the HTML file (overwritten).")
@agreements_option
@click.option("--title", default="Ceasefire monitoring report", show_default=True, help="Title of the report.")
def command(workspace: Path, out: Path, agreement_paths: tuple[Path, ...], title: str) -> None:
    """Write one HTML file that works with the network off.

    Per agreement: its accounts side by side, a timeline of covered incidents per accused party, and nightly
    Air Force launch counts with each account's window shaded; then a map of incidents over bundled country and
    oblast outlines, and the covered findings with links to the reports they rest on. Scripts, styles and map
    data are inlined; the file loads nothing from anywhere.
    """
    from ceasefire.publish import build_report

    agreements = load_chosen(agreement_paths)
    path = build_report(workspace, out, agreements, title=title)
    click.echo(f"wrote {path} ({path.stat().st_size // 1024:,} KiB)", err=True)
