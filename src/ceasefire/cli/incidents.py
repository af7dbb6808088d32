"""`ceasefire incidents`: reports merged into incidents, with grades; the analyst's split and merge."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import click

from ceasefire.cli._common import emit_jsonl, emit_table, json_option, workspace_option
from ceasefire.incidents import list_incidents, merge, show_incident, split, update_incidents
from ceasefire.workspace import open_workspace


@click.group("incidents", invoke_without_command=True)
@workspace_option
@json_option
@click.pass_context
def command(ctx: click.Context, workspace: Path, as_json: bool) -> None:
    """Incidents: reports of one event merged across sources and languages, graded by whose word they rest on.

    Without a subcommand, lists the incidents (like `incidents list`), assigning new reports first.
    """
    ctx.ensure_object(dict)
    ctx.obj.update(workspace=workspace, as_json=as_json)
    if ctx.invoked_subcommand is None:
        _list(workspace, as_json, limit=None)


def _options(ctx: click.Context, workspace: Path | None, as_json: bool) -> tuple[Path, bool]:
    parent = ctx.obj or {}
    return (workspace or parent.get("workspace") or Path("ceasefire.duckdb"), as_json or bool(parent.get("as_json")))


def _list(workspace: Path, as_json: bool, limit: int | None) -> None:
    with open_workspace(workspace) as ws:
        done = update_incidents(ws)
        if done.new_reports:
            click.echo(f"assigned {done.new_reports} new reports ({done.recomputed_reports} recomputed)", err=True)
        records = list_incidents(ws, limit=limit)
    if as_json:
        emit_jsonl(records)
        return
    emit_table(["incident", "when", "place", "target", "accused", "grade", "reports"],
               ([r["incident_id"], r["when"]["start"], _place(r["place"]), r["target"]["type"], r["accused"],
                 r["grade"], len(r["report_ids"])] for r in records))


def _place(place: dict[str, Any] | None) -> str:
    if not place:
        return ""
    return ", ".join(str(v) for v in (place.get("name"), place.get("admin1"), place.get("country")) if v)


@command.command("list")
@click.option("--workspace", "-w", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="The workspace file (DuckDB); default as for the group.")
@json_option
@click.option("--limit", type=int, default=None, help="Show at most this many incidents.")
@click.pass_context
def list_command(ctx: click.Context, workspace: Path | None, as_json: bool, limit: int | None) -> None:
    """List incidents, earliest first (assigns new reports first)."""
    path, as_json = _options(ctx, workspace, as_json)
    _list(path, as_json, limit)


@command.command("show")
@click.argument("incident_id")
@click.option("--workspace", "-w", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="The workspace file (DuckDB); default as for the group.")
@json_option
@click.pass_context
def show_command(ctx: click.Context, incident_id: str, workspace: Path | None, as_json: bool) -> None:
    """Show one incident: its reports, whose word each is, the grade per accused party, and why they merged."""
    path, as_json = _options(ctx, workspace, as_json)
    with open_workspace(path) as ws:
        record = show_incident(ws, incident_id)
    if as_json:
        emit_jsonl([record])
        return
    click.echo(f"{record['incident_id']}  {record['grade']}  accused: {record['accused'] or '-'}  "
               f"target: {record['target']['type']}  place: {_place(record['place'])}  "
               f"when: {record['when']['start']} – {record['when']['end']}")
    emit_table(["report", "role", "source", "affiliation", "side", "stance", "actor", "when", "place", "target"],
               ([r["report_id"], r["role"], r["source"] or r["feed"], r["affiliation"], r["side"], r["stance"],
                 r["actor"], r["when_start"], r["place_name"] or r["admin1"], r["target_type"]]
                for r in record["reports"]))
    for party in record["accused_parties"]:
        click.echo(f"accused {party['accused']}: {party['grade']} (sources: {', '.join(party['sources'] or [])})")
    for reason in record["why"]:
        click.echo(f"why: {reason}")


@command.command("split")
@click.argument("incident_id")
@click.argument("report_ids", nargs=-1, required=True)
@click.option("--workspace", "-w", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="The workspace file (DuckDB); default as for the group.")
@click.pass_context
def split_command(ctx: click.Context, incident_id: str, report_ids: tuple[str, ...], workspace: Path | None) -> None:
    """Move REPORT_IDS out of INCIDENT_ID into an incident of their own. Kept across updates and rebuilds."""
    path, _ = _options(ctx, workspace, False)
    with open_workspace(path) as ws:
        taken, left = split(ws, incident_id, report_ids)
    click.echo(f"{taken}\t{left}")


@command.command("merge")
@click.argument("incident_ids", nargs=-1, required=True)
@click.option("--workspace", "-w", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="The workspace file (DuckDB); default as for the group.")
@click.pass_context
def merge_command(ctx: click.Context, incident_ids: tuple[str, ...], workspace: Path | None) -> None:
    """Make INCIDENT_IDS one incident. Kept across updates and rebuilds."""
    path, _ = _options(ctx, workspace, False)
    with open_workspace(path) as ws:
        merged = merge(ws, incident_ids)
    click.echo(merged)


@command.command("update")
@click.option("--workspace", "-w", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="The workspace file (DuckDB); default as for the group.")
@click.option("--rebuild", is_flag=True, help="Recompute every incident instead of only those new reports touch.")
@click.pass_context
def update_command(ctx: click.Context, workspace: Path | None, rebuild: bool) -> None:
    """Assign reports not yet in an incident (or, with --rebuild, recompute all)."""
    from ceasefire.incidents import rebuild_incidents

    path, _ = _options(ctx, workspace, False)
    with open_workspace(path) as ws:
        done = rebuild_incidents(ws) if rebuild else update_incidents(ws)
    click.echo(f"{done.new_reports} reports assigned, {done.recomputed_reports} recomputed, "
               f"{done.pairs_added} candidate pairs, {done.incidents} incidents ({done.seconds:.1f} s)", err=True)
