"""`ceasefire read`: agreements, demands, claims and incidents in any article, each with its sentence."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from hypothesis import given, settings
from hypothesis import strategies as st

from ceasefire.claims import claims_in_text, list_claims
from ceasefire.cli.main import cli
from ceasefire.demands import demand_timeline
from ceasefire.errors import BadInput
from ceasefire.reading import read_article
from ceasefire.readouts import parse_readout
from ceasefire.workspace import open_workspace

ARTICLES = Path(__file__).resolve().parent.parent / "examples" / "articles"


def _read(body: str, lang: str = "en") -> dict[str, Any]:
    text = f"---\nissuer: Desk\ndate: 2025-03-20\nlang: {lang}\n---\n{body}\n"
    return read_article(parse_readout(text, file="a.txt"), incidents=False).to_json()


def test_agreement_with_parties_scope_and_duration() -> None:
    out = _read("Russia and Ukraine agreed to stop strikes on energy infrastructure for 30 days.")
    (agreement,) = out["agreements"]
    assert agreement["parties"] == ["RU", "UA"] and agreement["duration"] == "P30D"
    assert [s["category"] for s in agreement["scope"]] == ["energy"]
    assert agreement["line"] == 6 and "30 days" in str(agreement["sentence"])


def test_claim_with_speaker_and_the_authors_verdict() -> None:
    out = _read("Defence Minister Ivan Example said 3,000 enemy soldiers were encircled near the river. "
                "There is no evidence for this, and satellite images of the area show no such thing.")
    (claim,) = out["claims"]
    assert claim["speaker"] == "Defence Minister Ivan Example"
    assert "encircled" in str(claim["text"]) and claim["author_verdict"] == "false"


def test_speaker_after_the_quote_and_pronouns() -> None:
    claims = claims_in_text('"Our troops captured two villages," Dmitry Peskov said on Monday. '
                            "He said 40 tanks were destroyed.")
    assert [c.speaker for c in claims] == ["Dmitry Peskov", "Dmitry Peskov"]
    assert claims[0].party == "RU" and claims[0].text == "Our troops captured two villages"
    assert claims[0].verdict is None


def test_a_quoted_party_calling_something_false_is_not_the_authors_verdict() -> None:
    claims = claims_in_text("Moscow said Ukrainian troops blew up the gas station. "
                            "Kyiv said the accusation was false.")
    assert claims[0].verdict is None


def test_reported_speech_that_checks_nothing_is_no_claim() -> None:
    assert claims_in_text("The president said he hoped for peace and good relations.") == []


@pytest.mark.parametrize(("lang", "body", "speaker", "party"), [
    ("uk", "Генштаб ЗСУ заявив, що російські війська обстріляли газовимірювальну станцію.", "Генштаб ЗСУ", "UA"),
    ("ru", "По словам Пескова, украинские военные взорвали газоизмерительную станцию.", "Пескова", "RU"),
])
def test_ukrainian_and_russian_claims(lang: str, body: str, speaker: str, party: str) -> None:
    (claim,) = _read(body, lang)["claims"]
    assert claim["speaker"] == speaker and claim["party"] == party


def test_every_example_article_reads(tmp_path: Path) -> None:
    files = sorted(ARTICLES.glob("*.txt"))
    assert len(files) >= 4
    for path in files:
        result = CliRunner().invoke(cli, ["read", str(path), "--json", "--no-incidents"])
        assert result.exit_code == 0, result.output
        data = json.loads(result.stdout)
        assert {"agreements", "demands", "claims", "incidents"} <= set(data)
        for item in data["agreements"] + data["demands"] + data["claims"]:
            assert item["sentence"] and isinstance(item["line"], int)


def test_incidents_come_from_the_extractor_with_their_sentence() -> None:
    pytest.importorskip("ceasefire.extract")
    result = CliRunner().invoke(cli, ["read", str(ARTICLES / "2025-03-19-energy-truce-first-night.txt"), "--json"])
    assert result.exit_code == 0, result.output
    incidents = json.loads(result.stdout)["incidents"]
    assert incidents and all(i["sentence"] and i["report_id"] for i in incidents)


def test_store_keeps_demands_and_claims(tmp_path: Path) -> None:
    ws = tmp_path / "w.duckdb"
    article = str(ARTICLES / "2025-03-19-energy-truce-first-night.txt")
    for _ in range(2):
        result = CliRunner().invoke(cli, ["read", article, "--store", "--no-incidents", "-w", str(ws)])
        assert result.exit_code == 0, result.output
    with open_workspace(ws) as w:
        assert len(demand_timeline(w)) >= 1
        claims = list_claims(w)
    assert len(claims) >= 3 and all(c.said_on is not None for c in claims)


@settings(max_examples=60, deadline=None)
@given(st.text(max_size=240))
def test_any_text_reads_or_is_bad_input(text: str) -> None:
    try:
        readout = parse_readout(text, file="fuzz.txt")
    except BadInput:
        return
    data = read_article(readout, incidents=False).to_json()
    assert set(data) >= {"agreements", "demands", "claims", "incidents"}


@pytest.mark.parametrize(("text", "speakers", "verdict"), [
    ("«Украинские войска полностью окружены в Курской области», — заявил Песков.", ["Песков"], None),
    ("Зеленський заявив, що росіяни вдарили по енергетиці. Він додав, що 40 дронів збили.",
     ["Зеленський", "Зеленський"], None),
    ("Песков заявил, что 30-дневный мораторий истек. Это не соответствует действительности.", ["Песков"], "false"),
])
def test_quotes_dashes_pronouns_and_verdicts_in_ukrainian_and_russian(
        text: str, speakers: list[str], verdict: str | None) -> None:
    claims = claims_in_text(text)
    assert [c.speaker for c in claims] == speakers
    assert claims[0].verdict == verdict


def test_without_the_incident_reader_there_is_a_note(monkeypatch: pytest.MonkeyPatch) -> None:
    import importlib

    real = importlib.import_module

    def refuse(name: str, *args: object) -> object:
        if name == "ceasefire.extract":
            raise ImportError(name)
        return real(name, *args)  # type: ignore[arg-type]

    monkeypatch.setattr(importlib, "import_module", refuse)
    result = CliRunner().invoke(cli, ["read", str(ARTICLES / "2025-03-19-uk-statement.txt"), "--json"])
    assert result.exit_code == 0
    assert json.loads(result.stdout)["incidents"] == []
    assert "incidents not read" in result.stderr
