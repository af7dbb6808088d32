"""Demands: conditions and positions each party states, and how they change over time.

    extract_demands(readout) -> list[Demand]     demands and conditions in one text (nothing stored)
    add_source(ws, readout) -> (source_id, n)    store a text's demands (the same text twice adds nothing)
    demand_timeline(ws, party=None)              each demand: first stated, repeated, reworded, dropped

Tables: ``demand_sources`` and ``demands`` (migration 004_claims_demands.sql).
"""

from __future__ import annotations

from ceasefire.demands._extract import Demand, demands_in, extract_demands
from ceasefire.demands._store import (
    SAME_DEMAND,
    Event,
    Timeline,
    add_source,
    add_sources,
    demand_timeline,
    same_demand,
    source_id,
    stored_demands,
)

__all__ = [
    "SAME_DEMAND",
    "Demand",
    "Event",
    "Timeline",
    "add_source",
    "add_sources",
    "demand_timeline",
    "demands_in",
    "extract_demands",
    "same_demand",
    "source_id",
    "stored_demands",
]
