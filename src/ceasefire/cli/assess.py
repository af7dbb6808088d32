"""``ceasefire assess``: judge every report against every provision of every account."""

from __future__ import annotations

import csv
import sys
from pathlib import Path

import click

from ceasefire.assess import FINDING_COLUMNS, assess, iter_findings
from ceasefire.cli._agreements_option import agreements_option, load_chosen
from ceasefire.cli._common import emit_jsonl, emit_table, workspace_option
from ceasefire.workspace import open_workspace


@click.command("assess")
@workspace_option
@agreements_option
@click.option("--agreement", "agreement_id", help="Only this agreement (its id, e.g. energy-moratorium-2025).")
@click.option("--account", "account_id", help="Only this account (e.g. kremlin).")
@click.option("--covered/--all", "only_covered", default=False, help="List only covered findings (default: all).")
@click.option("--by", "level", type=click.Choice(["report", "incident"]), default="report", show_default=True,
              help="Judge single reports, or incidents merged from them (`ceasefire incidents update` first).")
@click.option("--json", "as_json", is_flag=True, help="JSON Lines, one finding per line.")
@click.option("--csv", "as_csv", is_flag=True, help="CSV with a header row.")
def command(workspace: Path, agreement_paths: tuple[Path, ...], agreement_id: str | None, account_id: str | None,
            only_covered: bool, level: str, as_json: bool, as_csv: bool) -> None:
    """Judge every report (or incident) against every provision of every account.

    Each finding says whether the report is covered by the provision's terms and, when not, why (before
    start, after end, target not in scope, target unknown, place not in scope, actor not bound), with the
    accused party, the attribution grade and the evidence. The findings are stored in the workspace and
    printed.

    Example: ceasefire assess --agreement energy-moratorium-2025 --covered --json
    """
    if as_json and as_csv:
        raise click.UsageError("choose one of --json and --csv")
    agreements = load_chosen(agreement_paths)
    with open_workspace(workspace) as ws:
        result = assess(ws, agreements, agreement_id=agreement_id, account_id=account_id, level=level)
        click.echo(
            f"judged {result.judged} {level}s against {result.provisions} provisions: "
            f"{result.findings} findings, {result.covered} covered",
            err=True,
        )
        findings = iter_findings(ws, agreement_id=agreement_id, account_id=account_id,
                                 covered=True if only_covered else None, level=level)
        if as_json:
            emit_jsonl(findings)
        elif as_csv:
            writer = csv.writer(sys.stdout)
            columns = [c for c in FINDING_COLUMNS if c not in ("when_start", "when_end")] + ["when_start", "when_end"]
            writer.writerow(columns)
            for f in findings:
                when = f["when"]
                writer.writerow([_flat(f.get(c)) for c in columns[:-2]] + [when["start"], when["end"]])
        else:
            id_key = "incident_id" if level == "incident" else "report_id"
            emit_table(
                [id_key, "agreement", "account", "covered", "accused", "grade", "reason"],
                ([f[id_key], f["agreement"], f["account"], "yes" if f["covered"] else "no", f["accused"], f["grade"],
                  f["reason"]] for f in findings),
                max_width=90,
            )


def _flat(value: object) -> object:
    if isinstance(value, list):
        return ";".join(str(v) for v in value)
    return value
