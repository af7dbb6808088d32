"""``ceasefire status``: per account, its window, covered reports per accused party and launch tallies."""

from __future__ import annotations

from pathlib import Path

import click

from ceasefire.assess import AccountStatus, account_status
from ceasefire.cli._agreements_option import agreements_option, load_chosen
from ceasefire.cli._common import emit_jsonl, workspace_option
from ceasefire.workspace import open_workspace


@click.command("status")
@workspace_option
@agreements_option
@click.option("--agreement", "agreement_id", help="Only this agreement.")
@click.option("--by", "level", type=click.Choice(["report", "incident"]), default="report", show_default=True,
              help="Count covered reports, or covered incidents.")
@click.option("--json", "as_json", is_flag=True, help="JSON Lines, one account per line.")
def command(workspace: Path, agreement_paths: tuple[Path, ...], agreement_id: str | None, level: str,
            as_json: bool) -> None:
    """How each account is faring, from the stored findings (run `ceasefire assess` first).

    Per account: its window; covered reports per accused party, by attribution grade; the time from the
    account's start to the first covered report (and first alleged / corroborated one) per party; and, from
    the Air Force tallies, mean drones and missiles launched per night in the 30 days before, during and
    after the window.

    Example: ceasefire status --agreement energy-moratorium-2025
    """
    agreements = load_chosen(agreement_paths)
    with open_workspace(workspace, read_only=True) as ws:
        statuses = account_status(ws, agreements, agreement_id=agreement_id, level=level)
    if as_json:
        emit_jsonl(s.to_json() for s in statuses)
        return
    for status in statuses:
        print_status(status)


def print_status(status: AccountStatus) -> None:
    end = status.end.strftime("%Y-%m-%d %H:%M") if status.end else "no end stated"
    force = "" if status.in_force else "  [never in force]"
    click.echo(f"{status.agreement} / {status.account} ({status.party}'s account){force}")
    click.echo(f"  window (UTC): {status.start:%Y-%m-%d %H:%M} to {end}   [{status.timezone}]")
    if not status.parties:
        click.echo("  covered: none")
    for party in status.parties:
        grades = ", ".join(f"{k} {v}" for k, v in party.by_grade.items() if v)
        click.echo(
            f"  accused {party.accused or 'unnamed'}: {party.covered} covered ({grades}); first after "
            f"{_duration(party.first_covered_after)}, first alleged after {_duration(party.first_alleged_after)}, "
            f"first corroborated after {_duration(party.first_corroborated_after)}"
        )
    for tally in status.tallies:
        click.echo(
            f"  {tally.label:>32}: {tally.drones_per_night:6.1f} drones, {tally.missiles_per_night:5.1f} missiles"
            f" per night ({tally.start:%Y-%m-%d} to {tally.end:%Y-%m-%d})"
        )
    click.echo("")


def _duration(value: object) -> str:
    from datetime import timedelta

    if not isinstance(value, timedelta):
        return "—"
    hours = value.total_seconds() / 3600
    return f"{hours:.0f} h" if hours < 48 else f"{hours / 24:.1f} days"
