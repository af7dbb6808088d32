"""`readouts draft`: a draft agreement from one readout that `agreements check` accepts."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from ceasefire.agreements import check_files, load_agreements
from ceasefire.errors import BadInput
from ceasefire.readouts import draft_account, load_readout, parse_readout

EXAMPLES = Path(__file__).resolve().parent.parent / "examples" / "readouts"
_DRAFTABLE = [p for p in sorted(EXAMPLES.glob("*.txt"))]


@pytest.mark.parametrize("path", _DRAFTABLE, ids=[p.stem for p in _DRAFTABLE])
def test_every_example_drafts_to_a_valid_agreement(path: Path, tmp_path: Path) -> None:
    out = tmp_path / "draft.yaml"
    out.write_text(draft_account(load_readout(path)), encoding="utf-8")
    assert [str(p) for p in check_files([out])] == []


def test_scope_duration_start_and_conditions_are_read(tmp_path: Path) -> None:
    text = ("---\nissuer: Ministry\nparty: RU\ndate: 2025-04-01\n---\n"
            "Russia and Ukraine agreed to halt strikes on oil refineries and power plants for 14 days "
            "starting 3 April at 18:00. The truce holds only if no side attacks ports.\n")
    out = tmp_path / "d.yaml"
    out.write_text(draft_account(parse_readout(text, file="r.txt")), encoding="utf-8")
    (agreement,) = load_agreements([out])
    (account,) = agreement.accounts
    (provision,) = account.provisions
    assert set(provision.targets) == {"energy.oil", "energy.power"}
    assert set(provision.bound) == {"RU", "UA"} and provision.actions == ("strike",)
    assert account.window.start.isoformat().startswith("2025-04-03T18:00")
    assert account.window.end is not None and (account.window.end - account.window.start).days == 14
    assert any("ports" in c for c in account.conditions)


def test_a_readout_from_a_mediator_names_it_as_mediator() -> None:
    data = yaml.safe_load(draft_account(load_readout(EXAMPLES / "2025-03-25-white-house-us-ukraine.txt")))
    assert data["mediators"] == ["US"] and set(data["parties"]) == {"RU", "UA"}


def test_without_a_commitment_or_a_party_it_says_why() -> None:
    with pytest.raises(BadInput, match="no commitment"):
        draft_account(parse_readout("---\nparty: RU\ndate: 2025-01-01\n---\nThe leaders talked about hockey.\n"))
    with pytest.raises(BadInput, match="party"):
        draft_account(parse_readout("---\ndate: 2025-01-01\n---\nA truce on energy facilities for 30 days.\n"))
    with pytest.raises(BadInput, match="date"):
        draft_account(parse_readout("---\nparty: UA\n---\nA truce on energy facilities for 30 days.\n"))
