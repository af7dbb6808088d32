"""The claims ledger: add, evidence, verdicts, ClaimReview JSON-LD, CSV import."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

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
    parse_claims_csv,
    set_verdict,
    verdict_scale,
)
from ceasefire.cli.main import cli
from ceasefire.errors import BadInput
from ceasefire.workspace import Workspace, open_workspace

EXAMPLES = Path(__file__).resolve().parent.parent / "examples" / "articles"


def _claim(text: str = "Thousands of troops are completely surrounded", speaker: str = "Vladimir Putin") -> Claim:
    return new_claim(speaker=speaker, text=text, said_on=date(2025, 3, 13), appearance_url="https://example.org/a")


def test_claim_ids_are_stable_and_adding_twice_keeps_one(workspace: Workspace) -> None:
    first, again = _claim(), _claim()
    assert first.claim_id == again.claim_id and first.party == "RU"
    add_claim(workspace, first)
    add_claim(workspace, again)
    assert len(list_claims(workspace)) == 1
    assert _claim("Something else").claim_id != first.claim_id


def test_verdict_history_and_current(workspace: Workspace) -> None:
    claim = add_claim(workspace, _claim())
    set_verdict(workspace, claim.claim_id, new_verdict(verdict="unproven", rationale="Too early",
                                                        reviewed_on=date(2025, 3, 14)))
    set_verdict(workspace, claim.claim_id[:6], new_verdict(verdict="false", rationale="No encirclement seen",
                                                            reviewed_on=date(2025, 3, 17)))
    stored = get_claim(workspace, claim.claim_id)
    assert [v.verdict for v in stored.verdicts] == ["unproven", "false"]
    assert stored.verdict is not None and stored.verdict.verdict == "false"
    assert [c.claim_id for c in list_claims(workspace, verdict="false")] == [claim.claim_id]
    assert list_claims(workspace, verdict="true") == []


def test_evidence_with_stance(workspace: Workspace) -> None:
    claim = add_claim(workspace, _claim())
    add_evidence(workspace, claim.claim_id, new_evidence(ref="https://example.org/isw", stance="refutes"))
    add_evidence(workspace, claim.claim_id, new_evidence(ref="acled:123", stance="supports", kind="report"))
    add_evidence(workspace, claim.claim_id, new_evidence(ref="acled:123", stance="supports", kind="report"))
    stored = get_claim(workspace, claim.claim_id)
    assert sorted((e.kind, e.stance) for e in stored.evidence) == [("report", "supports"), ("url", "refutes")]
    with pytest.raises(BadInput, match="stance"):
        new_evidence(ref="https://x.org", stance="maybe")
    with pytest.raises(BadInput, match="kind"):
        new_evidence(ref="not-a-url", stance="supports")


def test_claim_review_jsonld_fields(workspace: Workspace) -> None:
    claim = add_claim(workspace, _claim())
    add_evidence(workspace, claim.claim_id, new_evidence(ref="https://example.org/isw", stance="refutes"))
    reviewed = set_verdict(workspace, claim.claim_id, new_verdict(
        verdict="false", rationale="No evidence", reviewed_on=date(2025, 3, 17), author="Desk",
        url="https://example.org/check/1"))
    review = claim_review_jsonld(reviewed)
    assert review["@context"] == "https://schema.org" and review["@type"] == "ClaimReview"
    assert review["claimReviewed"] == claim.text and review["url"] == "https://example.org/check/1"
    assert review["author"] == {"@type": "Organization", "name": "Desk"}
    assert review["datePublished"] == "2025-03-17"
    rating = review["reviewRating"]
    assert rating["alternateName"] == verdict_scale()["false"].label and rating["ratingValue"] == 1
    item = review["itemReviewed"]
    assert item["@type"] == "Claim" and item["author"]["name"] == "Vladimir Putin"
    assert item["author"]["@type"] == "Person" and item["datePublished"] == "2025-03-13"
    assert item["appearance"]["url"] == "https://example.org/a"
    with pytest.raises(ValueError, match="no verdict"):
        claim_review_jsonld(_claim("Other"))


def test_unrated_verdict_has_no_rating_value() -> None:
    claim = _claim()
    unproven = new_verdict(verdict="unproven", rationale="Cannot tell", reviewed_on=date(2025, 3, 1))
    from dataclasses import replace

    review = claim_review_jsonld(replace(claim, verdicts=(unproven,)), base_url="https://e.org/c")
    assert "ratingValue" not in review["reviewRating"] and review["url"] == f"https://e.org/c#{claim.claim_id}"


def test_csv_import_of_the_example(workspace: Workspace) -> None:
    added, present = import_claims_csv(workspace, EXAMPLES / "2025-03-claims.csv")
    assert (added, present) == (4, 0)
    assert import_claims_csv(workspace, EXAMPLES / "2025-03-claims.csv") == (0, 4)
    claims = list_claims(workspace)
    assert sum(1 for c in claims if c.verdict) == 2
    assert {c.party for c in claims} == {"US", "RU", "UA"}
    assert len(workspace.con.execute("SELECT * FROM claim_verdicts").fetchall()) == 2


@pytest.mark.parametrize(("csv_text", "line", "words"), [
    ("speaker,text\nA,B\n", 1, "missing column"),
    ("speaker,date,text,colour\nA,2025-01-01,B,red\n", 1, "unknown column"),
    ("speaker,date,text\nA,2025-01-01,B\nC,yesterday,D\n", 3, "ISO 8601"),
    ("speaker,date,text\nA,2025-01-01\n", 2, "fields"),
    ("speaker,date,text,verdict\nA,2025-01-01,B,wrong\n", 2, "unknown verdict"),
    ("speaker,date,text,verdict\nA,2025-01-01,B,false\n", 2, "rationale"),
    ("speaker,date,text\n,2025-01-01,B\n", 2, "speaker"),
    ('speaker,date,text\nA,2025-01-01,"multi\nline"\nB,2025-13-01,C\n', 4, "ISO 8601"),
])
def test_bad_csv_names_the_line_and_stores_nothing(tmp_path: Path, csv_text: str, line: int, words: str) -> None:
    path = tmp_path / "c.csv"
    path.write_text(csv_text, encoding="utf-8")
    with open_workspace(tmp_path / "w.duckdb") as ws:
        with pytest.raises(BadInput) as caught:
            import_claims_csv(ws, path)
        assert caught.value.place == line and words in caught.value.message
        assert list_claims(ws) == []


_cell = st.text(st.characters(blacklist_categories=["Cs"]), max_size=20)


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.one_of(
    st.text(max_size=200),
    st.lists(st.lists(_cell, min_size=1, max_size=5), max_size=5).map(
        lambda rows: "speaker,date,text\n" + "\n".join(",".join(r) for r in rows)),
))
def test_any_csv_gives_claims_or_bad_input(text: str) -> None:
    try:
        rows = parse_claims_csv(text, file="fuzz.csv")
    except BadInput as err:
        assert err.file == "fuzz.csv"
        return
    for claim, _ in rows:
        assert claim.speaker and claim.text and claim.claim_id.startswith("c-")


def test_cli_round_trip(tmp_path: Path) -> None:
    ws = str(tmp_path / "w.duckdb")
    run = CliRunner()
    added = run.invoke(cli, ["claims", "add", "-w", ws, "--speaker", "Dmitry Peskov", "--date", "2025-04-18",
                             "--text", "The 30-day moratorium has expired", "--url", "https://example.org/p"])
    assert added.exit_code == 0, added.output
    claim_id = added.stdout.strip()
    assert run.invoke(cli, ["claims", "evidence", "-w", ws, claim_id, "https://example.org/e",
                            "--stance", "supports"]).exit_code == 0
    assert run.invoke(cli, ["claims", "verdict", "-w", ws, claim_id, "true", "--rationale", "It ran 30 days",
                            "--date", "2025-04-19"]).exit_code == 0
    shown = run.invoke(cli, ["claims", "show", "-w", ws, claim_id, "--json"])
    assert json.loads(shown.stdout)["verdict"]["verdict"] == "true"
    exported = run.invoke(cli, ["claims", "export", "-w", ws, "--base-url", "https://example.org/checks"])
    (review,) = json.loads(exported.stdout)
    assert review["reviewRating"]["alternateName"] == "True"
    assert run.invoke(cli, ["claims", "import", "-w", ws, str(EXAMPLES / "2025-03-claims.csv")]).exit_code == 0
    listed = run.invoke(cli, ["claims", "list", "-w", ws, "--json"])
    assert listed.stdout.count("\n") == 5
    bad = run.invoke(cli, ["claims", "add", "-w", ws, "--speaker", "X", "--text", "Y", "--date", "soon"])
    assert bad.exit_code == 2 and "ISO 8601" in bad.stderr
    assert run.invoke(cli, ["claims", "scale"]).exit_code == 0


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.lists(_cell, min_size=3, max_size=3), min_size=1, max_size=4))
def test_an_import_stores_every_row_or_none(workspace: Workspace, rows: list[list[str]]) -> None:
    import csv
    import io
    import tempfile

    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(["speaker", "date", "text"])
    writer.writerows(rows)
    before = workspace.con.execute("SELECT count(*) FROM claims").fetchone()
    with tempfile.NamedTemporaryFile("w", suffix=".csv", encoding="utf-8", delete=False) as handle:
        handle.write(buffer.getvalue())
    try:
        added, _ = import_claims_csv(workspace, handle.name)
    except BadInput:
        assert workspace.con.execute("SELECT count(*) FROM claims").fetchone() == before
        return
    finally:
        Path(handle.name).unlink()
    after = workspace.con.execute("SELECT count(*) FROM claims").fetchone()
    assert before is not None and after is not None and after[0] == before[0] + added
