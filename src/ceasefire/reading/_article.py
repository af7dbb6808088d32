"""Reading a whole article, statement, readout or op-ed: its agreements, demands, claims and incidents.

Each item carries the sentence it came from and that sentence's line in the file. Incidents come from
``ceasefire.extract.extract_text`` (run per sentence) when that module is installed; without it the list is
empty and a note says why.
"""

from __future__ import annotations

import importlib
import json
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from typing import TYPE_CHECKING, Any

from ceasefire.reading._features import Features, features
from ceasefire.reading._lexicon import lexicon

if TYPE_CHECKING:
    from ceasefire.readouts import Readout


ARRANGEMENT_CONCEPTS = frozenset({"ceasefire", "humanitarian_corridor"})


@dataclass
class ArticleReading:
    """What one text mentions. ``to_json()`` has the keys agreements, demands, claims, incidents."""

    file: str
    meta: dict[str, Any]
    agreements: list[dict[str, Any]] = field(default_factory=list)
    demands: list[dict[str, Any]] = field(default_factory=list)
    claims: list[dict[str, Any]] = field(default_factory=list)
    incidents: list[dict[str, Any]] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        return {"source": self.meta, "agreements": self.agreements, "demands": self.demands,
                "claims": self.claims, "incidents": self.incidents, "notes": self.notes}

    def dumps(self) -> str:
        return json.dumps(self.to_json(), ensure_ascii=False, indent=2, default=str)


def read_article(readout: Readout, *, incidents: bool = True) -> ArticleReading:
    """Everything ``readout`` (any text in the readout file format) mentions, sentence by sentence."""
    # Imported here: claims and demands are built on this package, so they cannot be imported at its top.
    from ceasefire.claims import claims_in_text
    from ceasefire.demands import extract_demands

    reading = ArticleReading(file=readout.file, meta=readout.meta())
    sentences = readout.sentences()
    for sentence in sentences:
        f = features(sentence.text, readout.lang)
        agreement = _agreement(f)
        if agreement is not None:
            reading.agreements.append(agreement | {"sentence": sentence.text, "line": readout.line_of(sentence.start)})
    reading.demands = [d.to_json() for d in extract_demands(readout)]
    for claim in claims_in_text(readout.text, readout.lang):
        reading.claims.append(claim.to_json() | {"line": readout.line_of(claim.start)})
    if incidents:
        extract = _incident_extractor()
        if extract is None:
            reading.notes.append("incidents not read: ceasefire.extract is not available")
        else:
            reading.incidents = _incidents(readout, extract)
    return reading


def _agreement(f: Features) -> dict[str, Any] | None:
    """A sentence reports an arrangement when it speaks of a ceasefire (truce, moratorium, refraining from
    strikes, a humanitarian corridor) or has an agreement cue together with a scope."""
    lex = lexicon(f.lang)
    if not (f.concepts & ARRANGEMENT_CONCEPTS or (lex.agreement.find(f.tokens) and f.scope)):
        return None
    return {
        "kind": "humanitarian_corridor" if "ceasefire" not in f.concepts and "humanitarian_corridor" in f.concepts
        else "ceasefire",
        "parties": sorted({m.value for m in f.parties}),
        "scope": [{"category": m.value, "text": m.surface} for m in f.scope],
        "duration": f.durations[0].value if f.durations else None,
        "duration_text": f.durations[0].surface if f.durations else None,
        "dates": [m.to_json() for m in f.dates],
        "negated": bool(f.negation),
        "conditions": [m.surface for m in f.conditions],
    }


ExtractText = Callable[..., list[Any]]


def _incident_extractor() -> ExtractText | None:
    try:
        module = importlib.import_module("ceasefire.extract")
    except ImportError:
        return None
    extract = getattr(module, "extract_text", None)
    return extract if callable(extract) else None


def _incidents(readout: Readout, extract: ExtractText) -> list[dict[str, Any]]:
    published = datetime(readout.date.year, readout.date.month, readout.date.day) if readout.date else None
    stem = readout.file.rsplit("/", 1)[-1].rsplit(".", 1)[0] or "text"
    found: list[dict[str, Any]] = []
    for sentence in readout.sentences():
        line = readout.line_of(sentence.start)
        reports = extract(sentence.text, report_id=f"{stem}:{line}", lang=readout.lang, published=published,
                          source=readout.issuer)
        for report in reports:
            if getattr(report, "is_incident", False):
                record = report.to_json()
                record.pop("text", None)
                found.append(record | {"sentence": sentence.text, "line": line})
    return found
