"""``ceasefire demands``: each party's demands and conditions over time."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import click

from ceasefire.cli._common import emit_jsonl, emit_table, json_option, workspace_option
from ceasefire.demands import add_sources, demand_timeline, extract_demands
from ceasefire.readouts import load_readout
from ceasefire.workspace import open_workspace

_FILE = click.Path(exists=True, dir_okay=False, path_type=Path)


@click.group("demands", invoke_without_command=True)
@click.option("--party", help="Only this party's demands (code, e.g. RU).")
@workspace_option
@json_option
@click.pass_context
def command(ctx: click.Context, party: str | None, workspace: Path, as_json: bool) -> None:
    """Show each stored demand's timeline: first stated, repeated, reworded, dropped.

    Demands are read from readouts, statements and articles with `ceasefire demands add FILE`
    (or `ceasefire read FILE --store`), and accumulate in the workspace.
    """
    if ctx.invoked_subcommand is not None:
        return
    if not workspace.exists():
        click.echo(f"no workspace at {workspace}; add texts with `ceasefire demands add FILE`", err=True)
        return
    with open_workspace(workspace) as ws:
        timelines = demand_timeline(ws, party.upper() if party else None)
    if as_json:
        emit_jsonl(t.to_json() for t in timelines)
        return
    for t in timelines:
        click.echo(f"{t.party or '?'}  [{t.status}]  {t.wording}")
        for e in t.events:
            when = e.date.isoformat() if e.date else "undated"
            words = f"“{e.text}”" if e.text else (e.note or "")
            click.echo(f"    {when}  {e.kind:<12} {e.source or ''}: {words}")
    click.echo(f"{len(timelines)} demand(s)", err=True)


@command.command("add")
@click.argument("files", nargs=-1, required=True, type=_FILE)
@click.option("--party", help="Whose texts these are, when the header does not say (party code).")
@workspace_option
def add(files: tuple[Path, ...], party: str | None, workspace: Path) -> None:
    """Read the demands in readout/statement/article FILES and store them (a file added twice adds nothing).
    Every file is read before anything is stored, and all are stored in one transaction: one bad file stores
    nothing."""
    readouts = [load_readout(path) for path in files]
    if party:
        readouts = [replace(r, party=r.party or party.upper()) for r in readouts]
    with open_workspace(workspace) as ws:
        results = add_sources(ws, readouts)
    for readout, (sid, added) in zip(readouts, results, strict=True):
        click.echo(f"{readout.file}: {added} demand(s) added (source {sid})", err=True)


@command.command("extract")
@click.argument("file", type=_FILE)
@json_option
def extract(file: Path, as_json: bool) -> None:
    """Print the demands and conditions in FILE without storing them."""
    demands = extract_demands(load_readout(file))
    if as_json:
        emit_jsonl(d.to_json() for d in demands)
    else:
        emit_table(["party", "kind", "line", "demand"], ([d.party, d.kind, d.line, d.text] for d in demands),
                   max_width=100)
