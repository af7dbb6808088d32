"""A report: one source's statement that something happened, and the event fields read from it.

Times are naive UTC datetimes; ``when_end`` is exclusive. Serialised as the JSON shape in DESIGN.md.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, Literal

Stance = Literal["allegation", "denial", "confirmation", "neutral"]


@dataclass(frozen=True, slots=True)
class Place:
    name: str | None = None
    admin1: str | None = None
    country: str | None = None
    lat: float | None = None
    lon: float | None = None

    def to_json(self) -> dict[str, Any]:
        return {"name": self.name, "admin1": self.admin1, "country": self.country, "lat": self.lat,
                "lon": self.lon}


@dataclass(frozen=True, slots=True)
class Target:
    """``type`` is dotted (``energy.power``); ``category`` is its top level (``energy``)."""

    type: str = "unknown"

    @property
    def category(self) -> str:
        return self.type.split(".", 1)[0]

    def to_json(self) -> dict[str, Any]:
        return {"category": self.category, "type": self.type}


@dataclass(frozen=True, slots=True)
class Report:
    report_id: str
    feed: str
    when_start: datetime | None = None
    when_end: datetime | None = None
    place: Place | None = None
    actor: str | None = None
    claimant: str | None = None
    target: Target = field(default_factory=Target)
    weapon: str = "unknown"
    action: str | None = None
    stance: Stance = "neutral"
    is_incident: bool = True
    source: str | None = None
    text: str | None = None
    published: datetime | None = None
    fatalities: int | None = None
    source_file: str | None = None
    source_line: int | None = None
    raw: dict[str, Any] | None = None

    def to_json(self) -> dict[str, Any]:
        return {
            "report_id": self.report_id,
            "feed": self.feed,
            "when": {"start": _iso(self.when_start), "end": _iso(self.when_end)},
            "place": self.place.to_json() if self.place else None,
            "actor": self.actor,
            "claimant": self.claimant,
            "target": self.target.to_json(),
            "weapon": self.weapon,
            "action": self.action,
            "stance": self.stance,
            "is_incident": self.is_incident,
            "source": self.source,
            "text": self.text,
            "published": _iso(self.published),
            "fatalities": self.fatalities,
        }

    def dumps(self) -> str:
        return json.dumps(self.to_json(), ensure_ascii=False)


@dataclass(frozen=True, slots=True)
class Quarantined:
    """A row or text we could not read, kept with where it came from and why."""

    file: str
    line: int | None
    reason: str
    raw: str


def _iso(value: datetime | None) -> str | None:
    return value.isoformat() if value is not None else None
