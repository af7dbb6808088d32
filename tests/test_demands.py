"""Demands: read from texts, stored in the workspace, and followed over time."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import given, settings
from hypothesis import strategies as st

from ceasefire.cli.main import cli
from ceasefire.demands import add_source, demand_timeline, extract_demands
from ceasefire.errors import BadInput
from ceasefire.readouts import parse_readout
from ceasefire.workspace import Workspace

EXAMPLES = Path(__file__).resolve().parent.parent / "examples" / "readouts"


def _text(party: str, day: str, body: str, lang: str = "en") -> str:
    return f"---\nparty: {party}\ndate: {day}\nlang: {lang}\n---\n{body}\n"


def test_a_list_of_conditions_is_split_but_phrases_with_and_stay_whole() -> None:
    r = parse_readout(_text("RU", "2025-03-18", "Moscow insists on three points: effective control along the whole "
                            "front line, an end to forced mobilisation in Ukraine, and the complete cessation of "
                            "foreign military aid and intelligence to Kyiv."))
    texts = [d.text for d in extract_demands(r)]
    assert len(texts) == 3
    assert texts[2] == "complete cessation of foreign military aid and intelligence to Kyiv"
    assert all(d.party == "RU" for d in extract_demands(r))


def test_party_is_the_speaker_named_before_the_cue() -> None:
    r = parse_readout(_text("US", "2025-03-20", "Zelensky called for an unconditional thirty-day ceasefire on land, "
                            "air and sea."))
    (demand,) = extract_demands(r)
    assert demand.party == "UA" and "ceasefire" in demand.text


@pytest.mark.parametrize(("lang", "body", "words"), [
    ("uk", "Україна вимагає, щоб Росія припинила удари по цивільній інфраструктурі.", "припинила удари"),
    ("ru", "Москва требует отмены санкций против Россельхозбанка и его подключения к SWIFT.", "санкций"),
])
def test_ukrainian_and_russian_demands(lang: str, body: str, words: str) -> None:
    (demand,) = extract_demands(parse_readout(_text("XX", "2025-03-25", body, lang)))
    assert words in demand.text and demand.party in {"UA", "RU"}


def test_sentences_without_cues_and_negated_cues_give_nothing() -> None:
    r = parse_readout(_text("RU", "2025-03-18", "The presidents talked for two hours. Russia does not demand "
                            "anything from the European Union today."))
    assert extract_demands(r) == []


def test_timeline_first_repeated_reworded_dropped(workspace: Workspace) -> None:
    first = "Russia demands a halt to forced mobilisation in Ukraine."
    other = "Russia demands the lifting of sanctions on agricultural banks."
    add_source(workspace, parse_readout(_text("RU", "2025-03-18", first)))
    add_source(workspace, parse_readout(_text("RU", "2025-03-20", first + " " + other)))
    add_source(workspace, parse_readout(_text("RU", "2025-03-22", "Russia insists on an end to the forced "
                                              "mobilisation of Ukrainians.")))
    add_source(workspace, parse_readout(_text("RU", "2025-03-30", other)))
    timelines = {t.wording.split()[-1]: t for t in demand_timeline(workspace, "RU")}
    mobilisation = next(t for t in timelines.values() if "mobilisation" in t.wording)
    assert [e.kind for e in mobilisation.events] == ["first_stated", "repeated", "reworded", "dropped"]
    assert mobilisation.status == "dropped" and str(mobilisation.events[-1].date) == "2025-03-30"
    sanctions = next(t for t in timelines.values() if "sanctions" in t.wording)
    assert [e.kind for e in sanctions.events] == ["first_stated", "repeated"] and sanctions.status == "active"
    assert demand_timeline(workspace, "UA") == []


def test_adding_the_same_text_twice_adds_nothing(workspace: Workspace) -> None:
    r = parse_readout((EXAMPLES / "2025-03-18-kremlin.txt").read_text(encoding="utf-8"))
    _, added = add_source(workspace, r)
    _, again = add_source(workspace, r)
    assert added >= 3 and again == 0
    assert workspace.con.execute("SELECT count(*) FROM demands").fetchone() == (added,)


def test_the_same_demand_in_russian_and_english_is_one_timeline(workspace: Workspace) -> None:
    for name in ("2025-03-18-kremlin.txt", "2025-03-18-kremlin-ru.txt"):
        add_source(workspace, parse_readout((EXAMPLES / name).read_text(encoding="utf-8"), file=name))
    timelines = demand_timeline(workspace, "RU")
    assert len(timelines) == 3
    assert all([e.kind for e in t.events] == ["first_stated", "reworded"] for t in timelines)


def test_cli_add_and_show(tmp_path: Path) -> None:
    ws = str(tmp_path / "w.duckdb")
    runner = CliRunner()
    added = runner.invoke(cli, ["demands", "add", "-w", ws, str(EXAMPLES / "2025-03-18-kremlin.txt"),
                                str(EXAMPLES / "2025-03-25-kremlin.txt")])
    assert added.exit_code == 0, added.output
    shown = runner.invoke(cli, ["demands", "-w", ws, "--party", "RU", "--json"])
    assert shown.exit_code == 0 and shown.stdout.count("\n") >= 4
    bad = tmp_path / "bad.txt"
    bad.write_text("---\ndate: nope\n---\nRussia demands things.", encoding="utf-8")
    refused = runner.invoke(cli, ["demands", "add", "-w", ws, str(EXAMPLES / "2025-03-18-white-house.txt"),
                                  str(bad)])
    assert refused.exit_code == 2 and "bad.txt:2:" in refused.stderr
    assert "white-house" not in runner.invoke(cli, ["demands", "-w", ws, "--json"]).stdout


@settings(max_examples=80, deadline=None)
@given(st.text(max_size=200))
def test_any_text_gives_demands_or_bad_input(text: str) -> None:
    try:
        readout = parse_readout(text, file="fuzz.txt")
    except BadInput:
        return
    for demand in extract_demands(readout):
        assert demand.text and demand.sentence and demand.kind in ("demand", "condition")


def test_several_texts_are_stored_together(workspace: Workspace) -> None:
    from ceasefire.demands import add_sources

    r = parse_readout(_text("RU", "2025-03-18", "Russia demands a halt to forced mobilisation in Ukraine."))
    other = parse_readout(_text("UA", "2025-03-19", "Ukraine demands independent monitoring of the truce."))
    results = add_sources(workspace, [r, other, r])
    assert [n for _, n in results] == [1, 1, 0] and results[0][0] == results[2][0]
    assert workspace.con.execute("SELECT count(*) FROM demand_sources").fetchone() == (2,)


@pytest.mark.parametrize(("lang", "body", "expected"), [
    ("en", "It was stressed that the key condition for ending the conflict should be the complete cessation of "
           "foreign military aid to Kyiv.", "complete cessation of foreign military aid to Kyiv"),
    ("ru", "Подчёркнуто, что ключевым условием урегулирования должно стать полное прекращение иностранной военной "
           "помощи Киеву.", "полное прекращение иностранной военной помощи Киеву"),
])
def test_the_demand_is_what_follows_the_linking_words(lang: str, body: str, expected: str) -> None:
    (demand,) = extract_demands(parse_readout(_text("RU", "2025-03-18", body, lang)))
    assert demand.text == expected
