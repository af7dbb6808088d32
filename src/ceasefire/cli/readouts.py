"""``ceasefire readouts``: compare two parties' readouts of one call; draft an account from a readout."""

from __future__ import annotations

from pathlib import Path

import click

from ceasefire.readouts import Comparison, compare_readouts, comparison_html, draft_account, load_readout

_FILE = click.Path(exists=True, dir_okay=False, path_type=Path)


@click.group("readouts")
def command() -> None:
    """Readouts: each party's published account of a call or meeting.

    A readout file is plain UTF-8 text, optionally opened by a header between '---' lines
    (issuer, party, date, url, title, lang, kind). See docs/cli/readouts.md.
    """


@command.command("compare")
@click.argument("a", type=_FILE)
@click.argument("b", type=_FILE)
@click.option("--json", "as_json", is_flag=True, help="Machine output: one JSON object on stdout.")
@click.option("--html", "as_html", is_flag=True, help="One HTML page: both readouts side by side, differences marked.")
def compare(a: Path, b: Path, as_json: bool, as_html: bool) -> None:
    """Split readouts A and B into statements, align them, and list what both say, what only one says, and the
    differences inside shared points that change meaning (scope, numbers, durations, dates, parties, negation,
    conditions)."""
    if as_json and as_html:
        raise click.UsageError("choose one of --json and --html")
    comparison = compare_readouts(load_readout(a), load_readout(b))
    if as_json:
        click.echo(comparison.dumps())
    elif as_html:
        click.echo(comparison_html(comparison))
    else:
        _print(comparison)


def _print(c: Comparison) -> None:
    def name(side: str) -> str:
        r = c.a if side == "A" else c.b
        return f"{side}: {r.issuer or r.file}" + (f", {r.date.isoformat()}" if r.date else "")

    click.echo(f"{name('A')}  ({len(c.statements_a)} statements)")
    click.echo(f"{name('B')}  ({len(c.statements_b)} statements)")
    click.echo(f"\nDifferences that change meaning ({len(c.differences)}):")
    for d in c.differences:
        click.echo(f"  [{d.topic}] {d.kind}: A {_quoted(d.a)}  |  B {_quoted(d.b)}")
    click.echo(f"\nBoth say ({len(c.shared)}):")
    for link in c.shared:
        click.echo(f"  [{link.topic}] A{link.a.index + 1} ~ B{link.b.index + 1}: {_short(link.a.text)}")
    click.echo(f"\nOnly A says ({len(c.only_a)}):")
    for s in c.only_a:
        click.echo(f"  A{s.index + 1}: {_short(s.text)}")
    click.echo(f"\nOnly B says ({len(c.only_b)}):")
    for s in c.only_b:
        click.echo(f"  B{s.index + 1}: {_short(s.text)}")


def _quoted(text: str | None) -> str:
    return "(says nothing)" if text is None else f"“{text}”"


def _short(text: str, width: int = 110) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"


@command.command("draft")
@click.argument("readout", type=_FILE)
@click.option("--party", help="Whose readout this is (party code, e.g. RU); default: the header's party or issuer.")
@click.option("--id", "agreement_id", help="Agreement id for the draft (default draft-<party>-<date>).")
def draft(readout: Path, party: str | None, agreement_id: str | None) -> None:
    """Print a draft agreement YAML with one account read from READOUT: commitments (scope, duration, start)
    as provisions and conditions as text. Review it, then check it with `ceasefire agreements check`."""
    click.echo(draft_account(load_readout(readout), party=party, agreement_id=agreement_id), nl=False)
