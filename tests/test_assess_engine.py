"""The findings engine on agreements built in code: each reason, and accounts that disagree."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from ceasefire.assess import assess, iter_findings
from ceasefire.model.agreement import Account, Agreement, Provision, Source, Window, add_duration
from ceasefire.workspace import Workspace
from tests._reports import put_reports, strike

MOSCOW = ZoneInfo("Europe/Moscow")
KYIV = ZoneInfo("Europe/Kyiv")


def _account(account_id: str, party: str, start: datetime, end: datetime | None, targets: tuple[str, ...],
             *, bound: tuple[str, ...] = ("RU", "UA"), countries: tuple[str, ...] | None = ("RU", "UA"),
             actions: tuple[str, ...] = ("strike",)) -> Account:
    provision = Provision(provision_id="p1", bound=bound, actions=actions, targets=targets, countries=countries)
    return Account(account_id=account_id, party=party, source=(Source(issuer=party, date="2025-03-18"),),
                   window=Window(start, end), timezone="UTC", provisions=(provision,))


def _moratorium() -> Agreement:
    kremlin_start = datetime(2025, 3, 18, 19, 0, tzinfo=MOSCOW)
    ukraine_start = datetime(2025, 3, 25, tzinfo=KYIV)
    return Agreement(
        agreement_id="m", title="moratorium", announced=kremlin_start, parties=("RU", "UA"),
        accounts=(
            _account("wh", "US", kremlin_start, None, ("energy", "infrastructure")),
            _account("kr", "RU", kremlin_start, add_duration(kremlin_start, "P30D"),
                     ("energy.oil", "energy.gas", "energy.power", "energy.nuclear", "energy.hydro")),
            _account("ua", "UA", ukraine_start, add_duration(ukraine_start, "P30D"), ("energy",)),
        ),
    )


def _judge(ws: Workspace, *reports: object) -> dict[tuple[str, str], dict[str, object]]:
    put_reports(ws, reports)  # type: ignore[arg-type]
    assess(ws, [_moratorium()])
    return {(f["report_id"], f["account"]): f for f in iter_findings(ws)}


def test_accounts_disagree_on_the_same_reports(workspace: Workspace) -> None:
    got = _judge(
        workspace,
        strike("bridge", "2025-03-27", "infrastructure.rail"),
        strike("power", "2025-04-23", "energy.power"),
        strike("depot", "2025-03-19", "energy.oil", actor="UA", country="RU"),
        strike("flats", "2025-03-28", "civilian.residential"),
    )
    covered = {key: bool(f["covered"]) for key, f in got.items()}
    assert covered == {
        ("bridge", "wh"): True, ("bridge", "kr"): False, ("bridge", "ua"): False,
        ("power", "wh"): True, ("power", "kr"): False, ("power", "ua"): True,
        ("depot", "wh"): True, ("depot", "kr"): True, ("depot", "ua"): False,
        ("flats", "wh"): False, ("flats", "kr"): False, ("flats", "ua"): False,
    }
    assert got[("power", "kr")]["reason_code"] == "after_end"
    assert got[("depot", "ua")]["reason_code"] == "before_start"
    assert got[("bridge", "kr")]["reason_code"] == "target_not_in_scope"
    assert "infrastructure.rail" in str(got[("bridge", "kr")]["reason"])
    assert got[("depot", "kr")]["accused"] == "UA"


@pytest.mark.parametrize(
    ("report_kwargs", "code"),
    [
        ({"target": "unknown"}, "target_unknown"),
        ({"target": "energy.power", "country": "MD"}, "place_not_in_scope"),
        ({"target": "energy.power", "actor": "BY"}, "actor_not_bound"),
        ({"target": "energy.power", "action": "abduction"}, "action_not_prohibited"),
        ({"target": "energy.power", "actor": None}, "covered"),
        ({"target": "energy.gas", "action": "explosion"}, "covered"),  # blowing a station up is an attack on it
        ({"target": "energy.gas", "action": "interception"}, "action_not_prohibited"),
        ({"target": "energy.gas", "action": "hit with something"}, "covered"),  # free text: not judged on action
    ],
)
def test_each_reason(workspace: Workspace, report_kwargs: dict[str, object], code: str) -> None:
    target = str(report_kwargs.pop("target"))
    got = _judge(workspace, strike("r", "2025-03-28", target, **report_kwargs))  # type: ignore[arg-type]
    assert got[("r", "kr")]["reason_code"] == code
    assert got[("r", "kr")]["covered"] is (code == "covered")


def test_unattributed_report_is_graded_so(workspace: Workspace) -> None:
    got = _judge(workspace, strike("r", "2025-03-28", "energy.gas", actor=None))
    assert got[("r", "kr")]["grade"] == "unattributed"
    assert got[("r", "kr")]["evidence"] == ["r"]


def test_reassessing_replaces_rather_than_adds(workspace: Workspace) -> None:
    put_reports(workspace, [strike("r", "2025-03-28", "energy.gas")])
    first = assess(workspace, [_moratorium()])
    second = assess(workspace, [_moratorium()])
    assert first.findings == second.findings == 3
    count = workspace.con.execute("SELECT count(*) FROM findings").fetchone()
    assert count == (3,)
