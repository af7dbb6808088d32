"""Putting hand-made reports into a test workspace without going through a feed reader."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime, timedelta

from ceasefire.model.report import Place, Report, Target
from ceasefire.workspace import Workspace

_COLUMNS = (
    "report_id, feed, source, text, published, when_start, when_end, place_name, admin1, country, lat, lon, actor, "
    "claimant, target_type, target_category, weapon, action, stance, is_incident, fatalities, ingest_id"
)


def put_reports(ws: Workspace, reports: Iterable[Report]) -> None:
    rows = []
    for r in reports:
        place = r.place or Place()
        rows.append(
            (r.report_id, r.feed, r.source, r.text, r.published, r.when_start, r.when_end, place.name, place.admin1,
             place.country, place.lat, place.lon, r.actor, r.claimant, r.target.type, r.target.category, r.weapon,
             r.action, r.stance, r.is_incident, r.fatalities, 0)
        )
    ws.con.executemany(f"INSERT INTO reports ({_COLUMNS}) VALUES ({', '.join('?' * 22)})", rows)


def strike(
    report_id: str,
    day: str,
    target: str,
    *,
    actor: str | None = "RU",
    country: str = "UA",
    admin1: str | None = None,
    claimant: str | None = None,
    action: str | None = "strike",
    stance: str = "allegation",
) -> Report:
    """A report of a strike on ``target`` during the (UTC) day ``day`` (YYYY-MM-DD)."""
    start = datetime.fromisoformat(day)
    return Report(
        report_id=report_id, feed="test", when_start=start, when_end=start + timedelta(days=1),
        place=Place(name=None, admin1=admin1, country=country), actor=actor, claimant=claimant,
        target=Target(target), weapon="drone", action=action, stance=stance,  # type: ignore[arg-type]
        source="test source",
    )
