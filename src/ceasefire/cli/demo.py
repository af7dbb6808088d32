"""``ceasefire demo``: the main job on the bundled example."""

from __future__ import annotations

from pathlib import Path

import click

from ceasefire.assess import iter_findings
from ceasefire.cli._agreements_option import load_chosen
from ceasefire.cli._common import emit_table
from ceasefire.cli.status import print_status
from ceasefire.demo import find_airforce_file, run_demo
from ceasefire.workspace import open_workspace


@click.command("demo")
@click.option("--workspace", "-w", type=click.Path(dir_okay=False, path_type=Path),
              default=Path("ceasefire-demo.duckdb"), show_default=True,
              help="Where to build the demo workspace. Rebuilt from scratch each run; a file that is not a demo "
                   "workspace is never replaced.")
@click.option("--airforce", type=click.Path(exists=True, dir_okay=False, path_type=Path),
              help="The Air Force daily counts CSV. Default: found under $CEASEFIRE_DATA or ../shared/data.")
def command(workspace: Path, airforce: Path | None) -> None:
    """Run the whole flow on the bundled 2025 example and print status and findings.

    Builds a fresh workspace, loads the bundled agreements (the 2025 energy moratorium with its White House,
    Kremlin and Ukrainian accounts; the Black Sea arrangement; the Easter and Victory Day truces), ingests about
    thirty example reports and, when the real data is at hand, the Ukrainian Air Force nightly counts; then
    judges every report against every provision and prints each account's status and the covered findings.

    Example: ceasefire demo --workspace /tmp/demo.duckdb
    """
    agreements = load_chosen(())
    source = airforce or find_airforce_file()
    result = run_demo(workspace, agreements, airforce=source, say=lambda line: click.echo(line, err=True))
    click.echo(
        f"judged {result.assessed.judged} reports against {result.assessed.provisions} provisions: "
        f"{result.assessed.covered} covered findings of {result.assessed.findings}\n",
        err=True,
    )
    click.echo("== Status per account ==\n")
    for status in result.statuses:
        print_status(status)
    click.echo("== Covered findings ==\n")
    with open_workspace(workspace, read_only=True) as ws:
        emit_table(
            ["report", "agreement", "account", "accused", "grade", "target", "when (UTC)"],
            ([f["report_id"], f["agreement"], f["account"], f["accused"], f["grade"], f["target_type"],
              (f["when"]["start"] or "")[:16]] for f in iter_findings(ws, covered=True)),
        )
    click.echo(f"\nWorkspace: {workspace}  (try: ceasefire assess -w {workspace} --agreement "
               "energy-moratorium-2025 --account kremlin)")
