"""``ceasefire agreements``: check, list and show agreement files, and print their JSON Schema."""

from __future__ import annotations

import json
import sys
from collections.abc import Sequence
from pathlib import Path

import click

from ceasefire.agreements import (
    agreement_json,
    bundled_paths,
    check_files,
    find_agreement,
    load_agreements,
    schema,
)
from ceasefire.cli._common import emit_jsonl, emit_table, json_option
from ceasefire.model.agreement import Account, Agreement, Provision, Window

_files_option = click.option(
    "--file",
    "-f",
    "files",
    multiple=True,
    type=click.Path(dir_okay=False, path_type=Path),
    help="Read agreements from this YAML file instead of the bundled ones (repeatable).",
)


@click.group("agreements")
def command() -> None:
    """Agreements as data: each party's account of a truce, from YAML files.

    Without --file, the commands work on the agreements bundled with ceasefire (the 2025 arrangements).
    """


@command.command("check")
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
def check(paths: tuple[Path, ...]) -> None:
    """Check agreement files; print every problem as file:line: field: message.

    With no PATHS, checks the bundled agreements. Exits 2 when there is any problem.
    """
    targets: Sequence[Path] = paths or bundled_paths()
    problems = check_files(targets)
    for problem in problems:
        click.echo(str(problem))
    if problems:
        click.echo(f"{len(problems)} problem(s) in {len({p.file for p in problems})} file(s)", err=True)
        sys.exit(2)
    click.echo(f"ok: {len(targets)} file(s)", err=True)


@command.command("list")
@_files_option
@json_option
def list_(files: tuple[Path, ...], as_json: bool) -> None:
    """List agreements: id, title, announcement date, parties and accounts."""
    agreements = load_agreements(list(files) or None)
    if as_json:
        emit_jsonl(agreement_json(a) for a in agreements)
        return
    emit_table(
        ["id", "title", "announced", "parties", "accounts"],
        ([a.agreement_id, a.title, a.announced.date().isoformat(), ", ".join(a.parties),
          ", ".join(_account_label(x) for x in a.accounts)] for a in agreements),
        max_width=60,
    )


@command.command("show")
@click.argument("agreement_id")
@_files_option
@json_option
def show(agreement_id: str, files: tuple[Path, ...], as_json: bool) -> None:
    """Show one agreement with every account, its window (local and UTC), sources and provisions."""
    agreement = find_agreement(load_agreements(list(files) or None), agreement_id)
    if as_json:
        emit_jsonl([agreement_json(agreement)])
        return
    _print_agreement(agreement)


@command.command("schema")
def schema_command() -> None:
    """Print the JSON Schema that agreement files must satisfy."""
    click.echo(json.dumps(schema(), indent=2, ensure_ascii=False))


def _account_label(account: Account) -> str:
    return account.account_id if account.in_force else f"{account.account_id} (never in force)"


def _window_text(window: Window) -> str:
    end = window.end.isoformat() if window.end is not None else "no end stated"
    end_utc = window.end_utc()
    utc = f"{window.start_utc().isoformat()}Z → {end_utc.isoformat() + 'Z' if end_utc else 'open'}"
    return f"{window.start.isoformat()} → {end}  (UTC {utc})"


def _print_agreement(agreement: Agreement) -> None:
    click.echo(f"{agreement.agreement_id}: {agreement.title}")
    click.echo(f"  announced  {agreement.announced.isoformat()}")
    click.echo(f"  parties    {', '.join(agreement.parties)}"
               + (f"; mediators {', '.join(agreement.mediators)}" if agreement.mediators else ""))
    if agreement.notes:
        click.echo(f"  notes      {agreement.notes}")
    for account in agreement.accounts:
        click.echo("")
        status = "" if account.in_force else "  [never in force]"
        click.echo(f"  account {account.account_id} (party {account.party}, {account.timezone}){status}")
        click.echo(f"    window     {_window_text(account.window)}")
        for condition in account.conditions:
            click.echo(f"    condition  {condition}")
        if account.notes:
            click.echo(f"    notes      {account.notes}")
        for source in account.source:
            cited = source.url or source.citation or ""
            quote = f' — "{source.quote}"' if source.quote else ""
            click.echo(f"    source     {source.issuer}, {source.date}: {cited}{quote}")
        for provision in account.provisions:
            click.echo(f"    provision  {_provision_text(provision)}")
            if provision.window is not None:
                click.echo(f"      window   {_window_text(provision.window)}")


def _provision_text(provision: Provision) -> str:
    where = ", ".join((provision.countries or ()) + (provision.admin1 or ()) + (provision.areas or ())) or "anywhere"
    return (f"{provision.provision_id}: bound {', '.join(provision.bound)}; actions {', '.join(provision.actions)}; "
            f"targets {', '.join(provision.targets)}; in {where}")
