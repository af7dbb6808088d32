"""Account status: covered counts per accused party, times to first report, and launch tallies per night."""

from __future__ import annotations

from datetime import datetime, timedelta

from ceasefire.assess import account_status, assess
from ceasefire.model.agreement import Account, Agreement, Provision, Source, Window
from ceasefire.workspace import Workspace
from tests._reports import put_reports, strike

START = datetime(2025, 3, 1)
END = datetime(2025, 3, 31)


def _agreement(end: datetime | None = END) -> Agreement:
    provision = Provision(provision_id="p", bound=("*",), actions=("any",), targets=("energy",))
    account = Account(account_id="a", party="RU", source=(Source(issuer="x", date="2025-03-01"),),
                      window=Window(START, end), timezone="UTC", provisions=(provision,))
    return Agreement(agreement_id="g", title="g", announced=START, parties=("RU", "UA"), accounts=(account,))


def _tally(ws: Workspace, night: datetime, weapon: str, launched: float) -> None:
    ws.con.execute(
        "INSERT INTO tallies (tally_id, feed, time_start, time_end, model, weapon, launched, ingest_id) "
        "VALUES (?, 'airforce', ?, ?, ?, ?, ?, 0)",
        [f"{night}-{weapon}", night, night + timedelta(hours=12), weapon, weapon, launched],
    )


def test_counts_and_first_times_per_party(workspace: Workspace) -> None:
    put_reports(workspace, [
        strike("a", "2025-03-03", "energy.power", actor="RU"),
        strike("b", "2025-03-05", "energy.oil", actor="RU"),
        strike("c", "2025-03-11", "energy.gas", actor="UA", claimant="RU"),
        strike("d", "2025-04-11", "energy.gas", actor="UA"),  # after end
    ])
    assess(workspace, [_agreement()])
    (status,) = account_status(workspace, [_agreement()])
    by_party = {p.accused: p for p in status.parties}
    assert by_party["RU"].covered == 2
    assert by_party["UA"].covered == 1
    assert by_party["RU"].first_covered_after == timedelta(days=2)
    assert by_party["UA"].first_covered_after == timedelta(days=10)
    assert by_party["UA"].by_grade["alleged"] == 1


def test_tallies_are_means_over_calendar_nights(workspace: Workspace) -> None:
    _tally(workspace, datetime(2025, 2, 20, 18), "drone", 300)  # before: 300 over 30 nights
    _tally(workspace, datetime(2025, 3, 10, 18), "drone", 60)  # during: 60 over 30 nights
    _tally(workspace, datetime(2025, 3, 10, 18), "missile", 30)
    _tally(workspace, datetime(2025, 4, 5, 18), "missile", 90)  # after
    (status,) = account_status(workspace, [_agreement()])
    periods = {t.label: t for t in status.tallies}
    assert periods["before"].drones_per_night == 10.0
    assert periods["during"].drones_per_night == 2.0
    assert periods["during"].missiles_per_night == 1.0
    assert periods["after"].missiles_per_night == 3.0


def test_open_ended_account_has_no_after_period(workspace: Workspace) -> None:
    _tally(workspace, datetime(2025, 3, 10, 18), "drone", 30)
    (status,) = account_status(workspace, [_agreement(end=None)])
    assert [t.label for t in status.tallies] == ["before", "first 30 days (no end stated)"]
    assert status.tallies[1].drones_per_night == 1.0
