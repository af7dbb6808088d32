"""Records the gazetteer hands out."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from ceasefire.model.report import Place

Kind = Literal["settlement", "region", "country"]


@dataclass(frozen=True, slots=True)
class Entry:
    """One place: a settlement, a region (oblast, krai, republic) or a country.

    ``admin1`` is the canonical English region name in ACLED's style (empty for a country); ``country`` is the
    de jure ISO 3166-1 alpha-2 code; ``population`` is 0 where unknown.
    """

    id: int
    kind: Kind
    name: str
    name_uk: str | None
    name_ru: str | None
    admin1: str
    country: str
    lat: float
    lon: float
    population: int

    def to_place(self) -> Place:
        """The report's ``place`` for this entry."""
        return Place(name=self.name, admin1=self.admin1 or None, country=self.country, lat=self.lat, lon=self.lon)


@dataclass(frozen=True, slots=True)
class Region:
    """An oblast, krai, republic or federal city; ``lat``/``lon`` is the mean of its settlements."""

    name: str
    country: str
    lat: float
    lon: float
    name_uk: str
    name_ru: str
    entry: Entry


@dataclass(slots=True)  # not frozen: made for every match, and frozen dataclasses are slower to build
class Mention:
    """A place name found in a text: ``text[start:end] == surface``; ``candidates`` best first."""

    start: int
    end: int
    surface: str
    kind: Kind
    candidates: list[Entry]


@dataclass(frozen=True, slots=True)
class Resolved:
    """A mention with the entry chosen for it and why (``only``, ``region``, ``nearby``, ``country``,
    ``population``)."""

    mention: Mention
    entry: Entry
    reason: str
