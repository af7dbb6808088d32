"""``ceasefire claims``: a ledger of officials' checkable claims, with evidence, verdicts and ClaimReview export."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import click

from ceasefire.claims import (
    Claim,
    add_claim,
    add_evidence,
    claim_review_jsonld,
    get_claim,
    import_claims_csv,
    list_claims,
    new_claim,
    new_evidence,
    new_verdict,
    set_verdict,
    verdict_scale,
)
from ceasefire.cli._common import emit_jsonl, emit_table, json_option, workspace_option
from ceasefire.readouts import parse_date
from ceasefire.workspace import open_workspace


def _date(value: str | None, option: str) -> date | None:
    return parse_date(value, file=option, place=None) if value else None


@click.group("claims")
def command() -> None:
    """A ledger of checkable claims by named speakers: evidence (reports, incidents, URLs) with a stance, verdicts
    on a documented scale with a rationale, and schema.org ClaimReview export."""


@command.command("add")
@click.option("--speaker", required=True, help="Who made the claim (person or institution).")
@click.option("--text", "text", required=True, help="The claim, as said (or closely paraphrased).")
@click.option("--date", "said_on", help="When it was said (YYYY-MM-DD).")
@click.option("--party", help="The speaker's party code; read from the speaker's name when left out.")
@click.option("--url", "appearance_url", help="Where the claim appeared (URL).")
@click.option("--appearance", help="Where it appeared, in words (outlet, programme, post).")
@click.option("--lang", type=click.Choice(["en", "uk", "ru"]), help="Language of the text (detected if left out).")
@workspace_option
@json_option
def add(speaker: str, text: str, said_on: str | None, party: str | None, appearance_url: str | None,
        appearance: str | None, lang: str | None, workspace: Path, as_json: bool) -> None:
    """Add a claim; prints its id (the same speaker, date and text always give the same id)."""
    claim = new_claim(speaker=speaker, text=text, said_on=_date(said_on, "--date"),
                      party=party.upper() if party else None, appearance_url=appearance_url,
                      appearance_title=appearance, lang=lang, where=("claims add", None))
    with open_workspace(workspace) as ws:
        stored = add_claim(ws, claim)
    if as_json:
        emit_jsonl([stored.to_json()])
    else:
        click.echo(stored.claim_id)


@command.command("list")
@click.option("--party", help="Only claims by speakers of this party.")
@click.option("--verdict", help="Only claims whose current verdict is this (or 'none').")
@click.option("--speaker", help="Only speakers whose name contains this.")
@workspace_option
@json_option
def list_(party: str | None, verdict: str | None, speaker: str | None, workspace: Path, as_json: bool) -> None:
    """List claims: id, date, speaker, current verdict and text."""
    with open_workspace(workspace) as ws:
        claims = list_claims(ws, party=party.upper() if party else None, verdict=verdict, speaker=speaker)
    if as_json:
        emit_jsonl(c.to_json() for c in claims)
        return
    emit_table(["id", "date", "speaker", "verdict", "claim"],
               ([c.claim_id, c.said_on, c.speaker, c.verdict.verdict if c.verdict else "-", c.text] for c in claims),
               max_width=70)


@command.command("show")
@click.argument("claim_id")
@workspace_option
@json_option
def show(claim_id: str, workspace: Path, as_json: bool) -> None:
    """Show one claim (an id prefix is enough) with its evidence and verdict history."""
    with open_workspace(workspace) as ws:
        claim = get_claim(ws, claim_id)
    if as_json:
        emit_jsonl([claim.to_json()])
        return
    _print(claim)


def _print(claim: Claim) -> None:
    click.echo(f"{claim.claim_id}  {claim.speaker} ({claim.party or '?'}), {claim.said_on or 'undated'}")
    click.echo(f"  “{claim.text}”")
    if claim.appearance_url or claim.appearance_title:
        click.echo(f"  appeared: {claim.appearance_title or ''} {claim.appearance_url or ''}".rstrip())
    for e in claim.evidence:
        click.echo(f"  evidence {e.stance:<8} {e.kind}: {e.ref}" + (f" ({e.note})" if e.note else ""))
    for v in claim.verdicts:
        current = " (current)" if v is claim.verdict else ""
        click.echo(f"  verdict {v.reviewed_on} {v.verdict}{current}: {v.rationale}")
    if not claim.verdicts:
        click.echo("  no verdict yet")


@command.command("evidence")
@click.argument("claim_id")
@click.argument("ref")
@click.option("--stance", type=click.Choice(["supports", "refutes"]), required=True,
              help="Whether this evidence supports or refutes the claim.")
@click.option("--kind", type=click.Choice(["report", "incident", "url"]),
              help="What REF is: a report id, an incident id or a URL (a URL is recognised by itself).")
@click.option("--note", help="A short note on what the evidence shows.")
@workspace_option
def evidence(claim_id: str, ref: str, stance: str, kind: str | None, note: str | None, workspace: Path) -> None:
    """Link evidence REF (report id, incident id or URL) to a claim, with a stance."""
    item = new_evidence(ref=ref, stance=stance, kind=kind, note=note, where=("claims evidence", None))
    with open_workspace(workspace) as ws:
        claim = add_evidence(ws, claim_id, item)
    click.echo(f"{claim.claim_id}: {len(claim.evidence)} evidence item(s)", err=True)


@command.command("verdict")
@click.argument("claim_id")
@click.argument("verdict", type=click.Choice(list(verdict_scale())))
@click.option("--rationale", required=True, help="Why: what the evidence shows.")
@click.option("--author", help="Who reviewed it (organisation or person).")
@click.option("--date", "reviewed_on", help="Date of the review (YYYY-MM-DD, default today).")
@click.option("--url", help="Where the review is published.")
@workspace_option
def verdict(claim_id: str, verdict: str, rationale: str, author: str | None, reviewed_on: str | None,
            url: str | None, workspace: Path) -> None:
    """Give a claim a VERDICT from the scale (see docs/cli/claims.md); earlier verdicts are kept as history."""
    item = new_verdict(verdict=verdict, rationale=rationale, reviewed_on=_date(reviewed_on, "--date") or date.today(),
                       author=author, url=url, where=("claims verdict", None))
    with open_workspace(workspace) as ws:
        claim = set_verdict(ws, claim_id, item)
    click.echo(f"{claim.claim_id}: {verdict}", err=True)


@command.command("export")
@click.option("--base-url", help="URL of the page the reviews are published on; each gets #<claim id>.")
@click.option("--author", help="Reviewer name for verdicts that do not name one.")
@click.option("--out", type=click.Path(dir_okay=False, path_type=Path), help="Write to this file (default stdout).")
@workspace_option
def export(base_url: str | None, author: str | None, out: Path | None, workspace: Path) -> None:
    """Write schema.org ClaimReview JSON-LD (a JSON array) for every claim with a verdict."""
    with open_workspace(workspace) as ws:
        claims = list_claims(ws)
    reviews = [claim_review_jsonld(c, base_url=base_url, author=author) for c in claims if c.verdict]
    text = json.dumps(reviews, ensure_ascii=False, indent=2) + "\n"
    if out is None:
        click.echo(text, nl=False)
    else:
        out.write_text(text, encoding="utf-8")
    click.echo(f"{len(reviews)} review(s); {len(claims) - len(reviews)} claim(s) without a verdict left out", err=True)


@command.command("import")
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@workspace_option
def import_(file: Path, workspace: Path) -> None:
    """Import claims from a CSV file (columns speaker, date, text, and optional party, appearance_url,
    appearance, lang, verdict, rationale, reviewer, reviewed_on, review_url). Every row is checked first; one
    bad row stores nothing."""
    with open_workspace(workspace) as ws:
        added, present = import_claims_csv(ws, file)
    click.echo(f"{file}: {added} claim(s) added, {present} already present", err=True)


@command.command("scale")
@json_option
def scale(as_json: bool) -> None:
    """Print the verdict scale: name, label, rating and meaning."""
    levels = list(verdict_scale().values())
    if as_json:
        emit_jsonl({"verdict": v.name, "label": v.label, "rating": v.rating, "meaning": v.meaning} for v in levels)
    else:
        emit_table(["verdict", "label", "rating", "meaning"],
                   ([v.name, v.label, v.rating, v.meaning] for v in levels), max_width=90)
