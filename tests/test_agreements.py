"""Agreements as data: the bundled 2025 arrangements, their windows, and problems located to file, line and field."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import jsonschema
import pytest

import ceasefire.agreements as agreements_api
from ceasefire.agreements import (
    Problem,
    agreement_json,
    bundled_paths,
    check_files,
    find_agreement,
    load_agreements,
    schema,
)
from ceasefire.errors import BadInput
from ceasefire.model.agreement import ANY_TARGET, EVERY_PARTY, Account, Agreement
from ceasefire.vocab import target_within

MOSCOW, KYIV = ZoneInfo("Europe/Moscow"), ZoneInfo("Europe/Kyiv")


# ---------------------------------------------------------------- helpers


def line_of(text: str, needle: str) -> int:
    """1-based line of the only line containing ``needle``, so expected lines follow the YAML, not a constant."""
    hits = [n for n, line in enumerate(text.splitlines(), start=1) if needle in line]
    assert len(hits) == 1, f"{needle!r} is on lines {hits}"
    return hits[0]


def write(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


VALID = """
id: test-truce
title: A test truce
parties: [RU, UA]
mediators: [US]
announced: 2025-03-18
accounts:
  - id: first
    party: RU
    sources:
      - issuer: Someone official
        date: 2025-03-18
        citation: A statement
    start: 2025-03-18T18:00
    duration: P30D
    timezone: Europe/Moscow
    provisions:
      - id: no-strikes
        bound: [RU, UA]
        actions: [strike]
        targets: [energy]
        countries: [RU, UA]
  - id: second
    party: UA
    sources:
      - issuer: Someone else
        date: 2025-03-25
        url: https://example.org/statement
    start: 2025-03-25
    timezone: Europe/Kyiv
    provisions:
      - bound: all
        actions: [any]
        targets: [any]
""".lstrip("\n")


def covering_accounts(agreement: Agreement, moment: datetime, target: str) -> set[str]:
    """Accounts whose window holds ``moment`` (naive UTC) and one of whose provisions covers ``target``."""
    found = set()
    for account in agreement.accounts:
        for provision in account.provisions:
            window = account.window_of(provision)
            end = window.end_utc()
            in_time = window.start_utc() <= moment and (end is None or moment < end)
            in_scope = ANY_TARGET in provision.targets or any(target_within(target, c) for c in provision.targets)
            if account.in_force and in_time and in_scope:
                found.add(account.account_id)
    return found


@pytest.fixture(scope="module")
def bundled() -> list[Agreement]:
    return load_agreements()


def account_of(agreement: Agreement, account_id: str) -> Account:
    account = agreement.account(account_id)
    assert account is not None, f"{agreement.agreement_id} has no account {account_id}"
    return account


# ---------------------------------------------------------------- public API and bundled files


def test_public_names() -> None:
    assert set(agreements_api.__all__) == {
        "EVERY_PARTY_WORD", "Problem", "agreement_json", "bundled_paths", "check_files", "find_agreement",
        "load_agreements", "schema", "window_json",
    }


def test_bundled_files_all_pass_check() -> None:
    paths = bundled_paths()
    assert len(paths) == 4
    assert check_files(paths) == []


def test_bundled_agreements_and_accounts(bundled: list[Agreement]) -> None:
    accounts = {a.agreement_id: [x.account_id for x in a.accounts] for a in bundled}
    assert accounts == {
        "energy-moratorium-2025": ["white-house", "kremlin", "ukraine"],
        "black-sea-2025": ["white-house", "kremlin"],
        "easter-truce-2025": ["kremlin", "ukraine"],
        "victory-day-truce-2025": ["kremlin"],
    }
    for agreement in bundled:
        assert agreement.file is not None and Path(agreement.file) in bundled_paths()
        for account in agreement.accounts:
            assert account.source, f"{agreement.agreement_id}/{account.account_id} cites no source"
            for source in account.source:
                assert source.issuer and source.date and (source.url or source.citation)


def test_energy_moratorium_windows_are_computed_from_the_files(bundled: list[Agreement]) -> None:
    moratorium = find_agreement(bundled, "energy-moratorium-2025")
    white_house = account_of(moratorium, "white-house")
    kremlin = account_of(moratorium, "kremlin")
    ukraine = account_of(moratorium, "ukraine")

    assert white_house.window.end is None
    kremlin_start = kremlin.window.start.astimezone(MOSCOW)
    assert kremlin_start.date() == datetime(2025, 3, 18).date() and kremlin_start.hour >= 18
    assert kremlin.window.end == kremlin.window.start + timedelta(days=30)
    assert ukraine.window.start == datetime(2025, 3, 25, tzinfo=KYIV)
    assert ukraine.window.end == datetime(2025, 4, 24, tzinfo=KYIV)
    for account in (white_house, kremlin, ukraine):
        for provision in account.provisions:
            assert provision.bound == ("RU", "UA") and provision.countries == ("RU", "UA")
    assert set(kremlin.provisions[0].targets) == {"energy.oil", "energy.gas", "energy.power", "energy.nuclear",
                                                 "energy.hydro"}
    assert set(white_house.provisions[0].targets) == {"energy", "infrastructure"}
    assert ukraine.provisions[0].targets == ("energy",)


@pytest.mark.parametrize(
    ("moment", "target", "expected"),
    [
        (datetime(2025, 3, 27, 12), "infrastructure.rail", {"white-house"}),
        (datetime(2025, 4, 23, 12), "energy.power", {"white-house", "ukraine"}),
        (datetime(2025, 3, 19, 12), "energy.oil", {"white-house", "kremlin"}),
        (datetime(2025, 3, 18, 10), "energy.power", set()),  # before the call ended
    ],
)
def test_energy_moratorium_accounts_disagree(
    bundled: list[Agreement], moment: datetime, target: str, expected: set[str]
) -> None:
    moratorium = find_agreement(bundled, "energy-moratorium-2025")
    assert covering_accounts(moratorium, moment, target) == expected


def test_black_sea_kremlin_account_never_in_force(bundled: list[Agreement]) -> None:
    black_sea = find_agreement(bundled, "black-sea-2025")
    kremlin = account_of(black_sea, "kremlin")
    assert not kremlin.in_force
    assert any("Rosselkhozbank" in c for c in kremlin.conditions)
    assert account_of(black_sea, "white-house").in_force
    assert covering_accounts(black_sea, datetime(2025, 4, 1), "infrastructure.port") == {"white-house"}


def test_truces_are_unilateral_with_moscow_windows(bundled: list[Agreement]) -> None:
    easter = find_agreement(bundled, "easter-truce-2025")
    kremlin, ukraine = account_of(easter, "kremlin"), account_of(easter, "ukraine")
    assert kremlin.window.start == datetime(2025, 4, 19, 18, tzinfo=MOSCOW)
    assert kremlin.window.end == datetime(2025, 4, 21, tzinfo=MOSCOW)
    assert kremlin.provisions[0].bound == ("RU",) and kremlin.provisions[0].targets == (ANY_TARGET,)
    assert ukraine.provisions[0].bound == ("UA",) and ukraine.conditions
    victory = find_agreement(bundled, "victory-day-truce-2025")
    (only,) = victory.accounts
    assert only.window.start_utc() == datetime(2025, 5, 7, 21)
    assert only.window.end_utc() == datetime(2025, 5, 10, 21)
    assert only.provisions[0].binds("RU") and not only.provisions[0].binds("UA")


def test_agreement_json_round_trips_through_json(bundled: list[Agreement]) -> None:
    import json

    record = agreement_json(find_agreement(bundled, "energy-moratorium-2025"))
    again = json.loads(json.dumps(record))
    kremlin = next(a for a in again["accounts"] if a["id"] == "kremlin")
    assert datetime.fromisoformat(kremlin["window"]["end"]) == datetime(2025, 4, 17, 18, tzinfo=MOSCOW)
    assert kremlin["window"]["end_utc"].endswith("Z")


# ---------------------------------------------------------------- loading files


def test_valid_file_loads_with_defaults(tmp_path: Path) -> None:
    (agreement,) = load_agreements([write(tmp_path, "ok.yaml", VALID)])
    first, second = agreement.accounts
    assert first.window.end == datetime(2025, 4, 17, 18, tzinfo=MOSCOW)
    assert second.window.end is None
    assert second.provisions[0].provision_id == "p1"
    assert second.provisions[0].bound == (EVERY_PARTY,)
    assert second.provisions[0].binds("RU") and second.provisions[0].binds(None)
    assert agreement.announced.tzinfo is not None
    assert agreement.mediators == ("US",)


def test_provision_window_of_its_own(tmp_path: Path) -> None:
    text = VALID.replace("        countries: [RU, UA]\n",
                         "        countries: [RU, UA]\n        start: 2025-03-20\n        duration: P2D\n")
    (agreement,) = load_agreements([write(tmp_path, "own.yaml", text)])
    provision = agreement.accounts[0].provisions[0]
    assert provision.window is not None
    assert provision.window.start == datetime(2025, 3, 20, tzinfo=MOSCOW)
    assert provision.window.end == datetime(2025, 3, 22, tzinfo=MOSCOW)
    assert agreement.accounts[0].window_of(provision) == provision.window


def test_load_raises_bad_input_naming_file_line_and_field(tmp_path: Path) -> None:
    text = VALID.replace("targets: [energy]", "targets: [energy.coal]")
    path = write(tmp_path, "bad.yaml", text)
    with pytest.raises(BadInput) as caught:
        load_agreements([path])
    assert caught.value.file == str(path)
    assert caught.value.place == line_of(path.read_text(), "energy.coal")
    assert "accounts[0].provisions[0].targets[0]" in str(caught.value)


def test_find_agreement_missing_is_bad_input(bundled: list[Agreement]) -> None:
    with pytest.raises(BadInput, match="no such agreement"):
        find_agreement(bundled, "no-such-truce")


def test_schema_is_a_valid_json_schema_and_a_copy() -> None:
    loaded = schema()
    jsonschema.Draft202012Validator.check_schema(loaded)
    assert {"id", "accounts"} <= set(loaded["required"])
    loaded["required"].clear()
    assert schema()["required"]


# ---------------------------------------------------------------- check: every problem, at the right line


@pytest.mark.parametrize(
    ("old", "new", "needle", "field", "words"),
    [
        ("targets: [energy]", "targets: [energy.coal]", "energy.coal", "accounts[0].provisions[0].targets[0]",
         "unknown target category"),
        ("bound: [RU, UA]", "bound: [RU, XX]", "bound: [RU, XX]", "accounts[0].provisions[0].bound[1]",
         "unknown party"),
        ("timezone: Europe/Kyiv", "timezone: Europe/Atlantis", "Atlantis", "accounts[1].timezone",
         "time zone"),
        ("start: 2025-03-25", "start: 2025-02-30", "2025-02-30", "accounts[1].start", "not a real date"),
        ("duration: P30D", "duration: P30X", "P30X", "accounts[0].duration", "duration"),
        ("duration: P30D", "duration: P30D\n    end: 2025-04-01", "duration: P30D", "accounts[0].duration",
         "not both"),
        ("start: 2025-03-25", "start: 2025-03-25\n    end: 2025-03-01", "end: 2025-03-01", "accounts[1].end",
         "not after start"),
        ("  - id: second", "  - id: first", "party: UA", "accounts[1].id", "duplicate account id"),
        ("title: A test truce", "title: A test truce\ncolour: red", "colour", "colour", "unknown field"),
        ("    timezone: Europe/Kyiv\n", "", "  - id: second", "accounts[1].timezone", "required"),
        ("        url: https://example.org/statement\n", "", "issuer: Someone else", "accounts[1].sources[0]",
         "url or a citation"),
        ("countries: [RU, UA]", "countries: [Russia]", "Russia", "accounts[0].provisions[0].countries[0]",
         "country code"),
        ("party: UA", "party: UA\n    party: RU", "party: RU\n", "accounts[1].party", "twice"),
    ],
)
def test_check_locates_each_kind_of_mistake(
    tmp_path: Path, old: str, new: str, needle: str, field: str, words: str
) -> None:
    assert old in VALID
    text = VALID.replace(old, new, 1)
    if needle == "party: RU\n":  # the duplicated key is the second 'party' line of the second account
        lines = text.splitlines()
        expected_line = max(n for n, line in enumerate(lines, start=1) if line.strip() == "party: RU")
    elif field == "accounts[1].id":
        expected_line = line_of(text, needle) - 1  # the repeated id sits just above the second account's party
    else:
        expected_line = line_of(text, needle)
    path = write(tmp_path, "case.yaml", text)
    problems = check_files([path])
    matching = [p for p in problems if p.field == field]
    assert matching, f"no problem at {field}; got {[str(p) for p in problems]}"
    problem = matching[0]
    assert problem.file == str(path)
    assert problem.line == expected_line, str(problem)
    assert words in problem.message
    assert str(problem) == f"{path}:{expected_line}: {field}: {problem.message}"


def test_check_reports_every_problem_in_order(tmp_path: Path) -> None:
    text = (VALID.replace("targets: [energy]", "targets: [energy.coal]")
            .replace("timezone: Europe/Kyiv", "timezone: Nowhere/Land")
            .replace("mediators: [US]", "mediators: [ZZ]"))
    problems = check_files([write(tmp_path, "many.yaml", text)])
    fields = [p.field for p in problems]
    assert fields == ["mediators[0]", "accounts[0].provisions[0].targets[0]", "accounts[1].timezone"]
    assert [p.line for p in problems] == sorted(p.line or 0 for p in problems)


def test_check_yaml_syntax_error_line(tmp_path: Path) -> None:
    text = VALID.replace("    party: UA", "    party: [UA")
    path = write(tmp_path, "syntax.yaml", text)
    (problem,) = check_files([path])
    assert "not valid YAML" in problem.message
    assert problem.line is not None and problem.line >= line_of(text, "party: [UA")


def test_check_duplicate_agreement_ids_across_files(tmp_path: Path) -> None:
    first = write(tmp_path, "a.yaml", VALID)
    second = write(tmp_path, "b.yaml", "# the same agreement again\n" + VALID)
    (problem,) = check_files([first, second])
    assert (problem.file, problem.line, problem.field) == (str(second), 2, "id")
    assert f"{first}:1" in problem.message


def test_check_empty_missing_and_non_mapping_files(tmp_path: Path) -> None:
    empty = write(tmp_path, "empty.yaml", "# nothing here\n")
    listed = write(tmp_path, "list.yaml", "- just\n- a list\n")
    missing = tmp_path / "missing.yaml"
    problems = check_files([empty, listed, missing])
    assert [p.file for p in problems] == [str(empty), str(listed), str(missing)]
    assert "empty" in problems[0].message
    assert problems[1].line == 1 and "mapping" in problems[1].message
    assert problems[2].line is None and str(problems[2]).startswith(f"{missing}: (file): ")


def test_problem_str_without_line() -> None:
    assert str(Problem("f.yaml", None, "(file)", "gone")) == "f.yaml: (file): gone"
    assert str(Problem("f.yaml", 3, "id", "bad")) == "f.yaml:3: id: bad"


def test_dates_stay_text_and_aliases_cannot_loop(tmp_path: Path) -> None:
    loop = write(tmp_path, "loop.yaml", "id: &x [*x]\n")
    problems = check_files([loop])
    assert problems and all(p.line == 1 for p in problems)
    bomb = "a: &a [x, x, x, x, x, x, x, x, x, x]\n" + "".join(
        f"{chr(98 + i)}: &{chr(98 + i)} [*{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}, "
        f"*{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}]\n"
        for i in range(8)
    )
    started = datetime.now(UTC)
    problems = check_files([write(tmp_path, "bomb.yaml", bomb)])
    assert problems and (datetime.now(UTC) - started).total_seconds() < 10
