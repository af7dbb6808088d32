"""`ceasefire sources`: the registry of who each source speaks for."""

from __future__ import annotations

from pathlib import Path

import click

from ceasefire.cli._common import emit_jsonl, emit_table, json_option, workspace_option
from ceasefire.incidents import add_source, list_sources
from ceasefire.incidents._registry import KINDS
from ceasefire.workspace import open_workspace


@click.group("sources")
def command() -> None:
    """The sources registry: which party (if any) each source speaks for. Grades of incidents rest on it."""


@command.command("list")
@workspace_option
@json_option
def list_command(workspace: Path, as_json: bool) -> None:
    """List registered sources: your own entries first, then the bundled ones."""
    with open_workspace(workspace) as ws:
        entries = list_sources(ws)
    if as_json:
        emit_jsonl(e.to_json() for e in entries)
        return
    emit_table(["source", "affiliation", "origin", "aliases"],
               ([e.name, e.affiliation, e.origin, ", ".join(e.aliases + tuple(f"feed:{f}" for f in e.feeds))]
                for e in entries))


@command.command("add")
@click.argument("name")
@click.option("--party", default=None, help="The party the source speaks for (RU, UA, ...); omit if independent.")
@click.option("--kind", type=click.Choice(KINDS), required=True, help="What kind of source it is.")
@click.option("--alias", "aliases", multiple=True, help="Another spelling to match in reports' source (repeatable).")
@click.option("--feed", "feeds", multiple=True, help="A feed whose rows are this source's own coding (repeatable).")
@workspace_option
def add_command(name: str, party: str | None, kind: str, aliases: tuple[str, ...], feeds: tuple[str, ...],
                workspace: Path) -> None:
    """Register NAME in this workspace (replacing your earlier entry of that name). Wins over the bundled list."""
    with open_workspace(workspace) as ws:
        entry = add_source(ws, name, party=party, kind=kind, aliases=aliases, feeds=feeds)
    click.echo(f"{entry.name}: {entry.affiliation}", err=True)
