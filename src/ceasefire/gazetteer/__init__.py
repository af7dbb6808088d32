"""Offline place lookup: every Ukrainian and Russian settlement of 1,000 people or more, Ukraine's postal places,
all their regions and the neighbouring countries, in English, Ukrainian and Russian with their case forms.

    gaz = Gazetteer.load()
    gaz.find("Обстріл Херсона та Сум")      # mentions with candidates, best first
    gaz.resolve("Krasnopillia, Sumy region") # one entry per mention, disambiguated by the regions named
    gaz.lookup("Krivoy Rog"), gaz.region("Курской области"), canonical_admin1("Sumska oblast")

Built from GeoNames data (CC BY 4.0) by ``scripts/build_gazetteer.py``; see docs/gazetteer.md.
"""

from __future__ import annotations

from ceasefire.gazetteer._gazetteer import Gazetteer
from ceasefire.gazetteer._model import Entry, Kind, Mention, Region, Resolved

__all__ = ["Entry", "Gazetteer", "Kind", "Mention", "Region", "Resolved", "canonical_admin1"]


def canonical_admin1(name: str) -> str | None:
    """The canonical English (ACLED-style) name of a region from any spelling of it, or None."""
    return Gazetteer.load().canonical_admin1(name)
