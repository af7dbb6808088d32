"""``ceasefire read``: what a news article, statement, readout or op-ed mentions."""

from __future__ import annotations

from pathlib import Path

import click

from ceasefire.cli._common import workspace_option
from ceasefire.reading import ArticleReading, read_article
from ceasefire.readouts import Readout, load_readout


@click.command("read")
@click.argument("article", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--json", "as_json", is_flag=True, help="Machine output: one JSON object with the keys agreements, "
              "demands, claims and incidents.")
@click.option("--store", is_flag=True, help="Also store the demands and claims found in the workspace.")
@click.option("--no-incidents", is_flag=True, help="Skip reading incidents (faster).")
@workspace_option
def command(article: Path, as_json: bool, store: bool, no_incidents: bool, workspace: Path) -> None:
    """List the agreements (parties, scope, duration), demands (with party), checkable claims (with speaker and
    the author's verdict when the text gives one) and incidents that ARTICLE mentions, each with its sentence.

    ARTICLE is plain text, optionally with the readout header (issuer, party, date, url, title, lang, kind).
    """
    readout = load_readout(article)
    reading = read_article(readout, incidents=not no_incidents)
    for note in reading.notes:
        click.echo(f"ceasefire: note: {note}", err=True)
    if store:
        _store(readout, reading, workspace)
    if as_json:
        click.echo(reading.dumps())
    else:
        _print(reading)


def _store(readout: Readout, reading: ArticleReading, workspace: Path) -> None:
    from ceasefire.claims import new_claim, store_claims
    from ceasefire.demands import add_source
    from ceasefire.workspace import open_workspace

    claims = [
        (new_claim(speaker=c["speaker"], text=c["text"], said_on=readout.date, party=c["party"],
                   appearance_url=readout.url if readout.url and readout.url.startswith("http") else None,
                   appearance_title=readout.title or readout.issuer, lang=readout.lang,
                   where=(readout.file, c["line"])), None)
        for c in reading.claims
    ]
    with open_workspace(workspace) as ws:
        _, demands = add_source(ws, readout)
        added, present = store_claims(ws, claims)
    click.echo(f"{readout.file}: stored {demands} demand(s), {added} claim(s) ({present} already present)", err=True)


def _print(reading: ArticleReading) -> None:
    click.echo(f"Agreements ({len(reading.agreements)}):")
    for a in reading.agreements:
        scope = ", ".join(f"{s['text']} [{s['category']}]" for s in a["scope"]) or "scope not stated"
        parties = ", ".join(a["parties"]) or "parties not named"
        duration = a["duration_text"] or "no duration"
        click.echo(f"  line {a['line']}: {parties}; {scope}; {duration}")
        click.echo(f"      {a['sentence']}")
    click.echo(f"\nDemands ({len(reading.demands)}):")
    for d in reading.demands:
        click.echo(f"  line {d['line']}: {d['party'] or '?'} ({d['kind']}): {d['text']}")
    click.echo(f"\nClaims ({len(reading.claims)}):")
    for c in reading.claims:
        verdict = f"  — author's verdict: {c['author_verdict']} (“{c['verdict_words']}”)" if c["author_verdict"] else ""
        click.echo(f"  line {c['line']}: {c['speaker']} ({c['party'] or '?'}): {c['text']}{verdict}")
    click.echo(f"\nIncidents ({len(reading.incidents)}):")
    for i in reading.incidents:
        place = (i.get("place") or {}).get("name") or "place unknown"
        target = (i.get("target") or {}).get("type") or "unknown"
        click.echo(f"  line {i['line']}: {i.get('weapon')} → {target} at {place}; actor {i.get('actor') or '?'},"
                   f" claimed by {i.get('claimant') or '?'}")
