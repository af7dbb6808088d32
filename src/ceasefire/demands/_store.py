"""Demands in the workspace, and each demand's timeline: first stated, repeated, reworded, dropped.

Wordings of one party are the same demand when they share enough concepts (language-neutral) and, within one
language, content lemmas (``same_demand``). In date order each wording joins the closest earlier demand of its
party or starts a new one. A demand is *dropped* when later texts from its party that state demands (stored
with ``add_source``) no longer restate it; the event carries the first such text and how many there were.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from ceasefire.demands._extract import Demand, extract_demands
from ceasefire.reading import overlap
from ceasefire.readouts import Readout
from ceasefire.workspace import Workspace

SAME_DEMAND = 0.34


@dataclass(frozen=True)
class Event:
    kind: str  # first_stated | repeated | reworded | dropped
    date: date | None
    text: str | None
    source: str | None  # issuer, or the file when there is no issuer
    url: str | None = None
    file: str | None = None
    note: str | None = None

    def to_json(self) -> dict[str, Any]:
        return {"event": self.kind, "date": self.date.isoformat() if self.date else None, "text": self.text,
                "source": self.source, "url": self.url, "file": self.file, "note": self.note}


@dataclass
class Timeline:
    """One demand of one party across time."""

    party: str | None
    kind: str
    wording: str  # the latest wording
    events: list[Event] = field(default_factory=list)
    concepts: frozenset[str] = frozenset()
    lemmas: frozenset[str] = frozenset()
    lang: str = "en"
    last_date: date | None = None
    sources: set[str] = field(default_factory=set)

    @property
    def status(self) -> str:
        return "dropped" if self.events and self.events[-1].kind == "dropped" else "active"

    def to_json(self) -> dict[str, Any]:
        first = self.events[0] if self.events else None
        return {
            "party": self.party, "kind": self.kind, "demand": self.wording, "status": self.status,
            "first_stated": first.date.isoformat() if first and first.date else None,
            "times_stated": sum(1 for e in self.events if e.kind != "dropped"),
            "events": [e.to_json() for e in self.events],
        }


def source_id(readout: Readout) -> str:
    key = "\x1f".join((readout.party or "", readout.date.isoformat() if readout.date else "", readout.text.strip()))
    return hashlib.sha256(key.encode("utf-8")).hexdigest()[:16]


def add_source(ws: Workspace, readout: Readout) -> tuple[str, int]:
    """Store a text's demands; ``(source_id, demands added)``. Adding the same text again adds nothing."""
    return add_sources(ws, [readout])[0]


def add_sources(ws: Workspace, readouts: Sequence[Readout]) -> list[tuple[str, int]]:
    """Store several texts' demands in one transaction: every text is read first, then all or nothing is stored."""
    read = [(source_id(r), r, extract_demands(r)) for r in readouts]
    results: list[tuple[str, int]] = []
    with ws.transaction() as con:
        for sid, readout, demands in read:
            known = con.execute("SELECT 1 FROM demand_sources WHERE source_id = ?", [sid]).fetchone()
            if known or any(sid == done for done, _ in results):
                results.append((sid, 0))
                continue
            con.execute(
                "INSERT INTO demand_sources (source_id, party, issuer, published, url, title, file, lang, kind,"
                " demands) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                [sid, readout.party, readout.issuer, readout.date, readout.url, readout.title, readout.file,
                 readout.lang, readout.kind, len(demands)],
            )
            if demands:
                con.executemany(
                    "INSERT INTO demands (demand_id, source_id, party, published, kind, text, sentence, line, lang,"
                    " concepts, lemmas) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    [[f"{sid}:{i}", sid, d.party, d.published, d.kind, d.text, d.sentence, d.line, d.lang,
                      sorted(d.concepts), sorted(d.lemmas)] for i, d in enumerate(demands)],
                )
            results.append((sid, len(demands)))
    return results


def stored_demands(ws: Workspace, party: str | None = None) -> list[Demand]:
    rows = ws.con.execute(
        "SELECT d.party, d.text, d.sentence, d.kind, d.lang, d.published, s.issuer, s.url, s.file, d.line,"
        " d.concepts, d.lemmas, d.source_id FROM demands d JOIN demand_sources s USING (source_id)"
        " WHERE ? IS NULL OR d.party = ? ORDER BY d.published NULLS LAST, s.added_at, d.demand_id",
        [party, party],
    ).fetchall()
    return [
        Demand(party=r[0], text=r[1], sentence=r[2], kind=r[3], lang=r[4], published=r[5], issuer=r[6], url=r[7],
               file=r[8], line=r[9], concepts=frozenset(r[10]), lemmas=frozenset(r[11]), source_id=r[12])
        for r in rows
    ]


def same_demand(a_concepts: frozenset[str], a_lemmas: frozenset[str], a_lang: str,
                b_concepts: frozenset[str], b_lemmas: frozenset[str], b_lang: str) -> float:
    """0..1: how surely two wordings are one demand."""
    return overlap(a_concepts, a_lemmas, a_lang, b_concepts, b_lemmas, b_lang, concept_weight=0.5)


def demand_timeline(ws: Workspace, party: str | None = None) -> list[Timeline]:
    """Every stored demand (of ``party``, or all) with its events, oldest first."""
    timelines: list[Timeline] = []
    seen_wordings: dict[int, set[frozenset[str]]] = {}
    for d in stored_demands(ws, party):
        candidates = [
            (same_demand(t.concepts, t.lemmas, t.lang, d.concepts, d.lemmas, d.lang), i)
            for i, t in enumerate(timelines) if t.party == d.party and d.source_id not in t.sources
        ]
        score, best = max(candidates, default=(0.0, -1))
        event_source = d.issuer or d.file
        if score < SAME_DEMAND:
            timelines.append(Timeline(party=d.party, kind=d.kind, wording=d.text, concepts=d.concepts,
                                      lemmas=d.lemmas, lang=d.lang, last_date=d.published))
            timelines[-1].events.append(Event("first_stated", d.published, d.text, event_source, d.url, d.file))
            timelines[-1].sources.add(d.source_id or "")
            seen_wordings[len(timelines) - 1] = {d.lemmas}
            continue
        timeline = timelines[best]
        repeated = d.lemmas in seen_wordings[best]
        timeline.events.append(
            Event("repeated" if repeated else "reworded", d.published, d.text, event_source, d.url, d.file)
        )
        seen_wordings[best].add(d.lemmas)
        timeline.sources.add(d.source_id or "")
        timeline.wording, timeline.lang = d.text, d.lang
        timeline.concepts, timeline.lemmas = timeline.concepts | d.concepts, d.lemmas
        timeline.last_date = d.published or timeline.last_date
    _mark_dropped(ws, timelines)
    return timelines


def _mark_dropped(ws: Workspace, timelines: list[Timeline]) -> None:
    sources = ws.con.execute(
        "SELECT party, published, coalesce(issuer, file), url, file FROM demand_sources"
        " WHERE demands > 0 AND published IS NOT NULL ORDER BY published"
    ).fetchall()
    for t in timelines:
        if t.last_date is None:
            continue
        later = [s for s in sources if s[0] == t.party and s[1] > t.last_date]
        if later:
            first = later[0]
            note = f"not restated in {len(later)} later text(s) of {t.party} that state demands"
            t.events.append(Event("dropped", first[1], None, first[2], first[3], first[4], note))
