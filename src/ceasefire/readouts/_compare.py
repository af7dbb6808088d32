"""Comparing two readouts of one event: what both say, what only one says, and what changes meaning.

Statements are aligned by what they are about: language-neutral *concepts* from the cue lexicons (ceasefire,
energy, prisoners, Black Sea ...) and, when both readouts share a language, their content lemmas. Each
statement links to its best partner on the other side (so one long sentence can cover two short ones).
Inside a linked pair the meaning-carrying words are compared: scope categories, durations, dates and times,
numbers, parties, negation and conditions.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from ceasefire.reading import Features, Mention, features, overlap
from ceasefire.readouts._readout import Readout

MIN_SCORE = 0.2
DIFFERENCE_KINDS = ("scope", "durations", "dates", "numbers", "parties", "negation", "conditions")
# Kinds where a value present on one side only is news ("30 days" in one readout only). For the others a
# missing value usually means the sentence is about something else, so both sides must state one.
_ONE_SIDED = frozenset({"durations", "dates", "negation", "conditions"})


@dataclass(frozen=True)
class Statement:
    index: int
    text: str
    start: int
    features: Features
    line: int

    def to_json(self) -> dict[str, Any]:
        return {"index": self.index, "line": self.line, "text": self.text}


@dataclass(frozen=True)
class Link:
    a: Statement
    b: Statement
    score: float
    topic: str

    def to_json(self) -> dict[str, Any]:
        return {"topic": self.topic, "score": round(self.score, 3), "a": self.a.to_json(), "b": self.b.to_json()}


@dataclass(frozen=True)
class Difference:
    topic: str
    kind: str
    a: str | None  # the wording in A (None: A says nothing of the kind)
    b: str | None
    a_values: tuple[str, ...]
    b_values: tuple[str, ...]
    a_statement: Statement
    b_statement: Statement
    a_marks: tuple[Mention, ...] = ()
    b_marks: tuple[Mention, ...] = ()

    def to_json(self) -> dict[str, Any]:
        return {
            "topic": self.topic, "kind": self.kind, "a": self.a, "b": self.b,
            "a_values": list(self.a_values), "b_values": list(self.b_values),
            "a_statement": self.a_statement.to_json(), "b_statement": self.b_statement.to_json(),
        }


@dataclass(frozen=True)
class Comparison:
    a: Readout
    b: Readout
    statements_a: tuple[Statement, ...]
    statements_b: tuple[Statement, ...]
    shared: tuple[Link, ...]
    only_a: tuple[Statement, ...]
    only_b: tuple[Statement, ...]
    differences: tuple[Difference, ...] = field(default=())

    def to_json(self) -> dict[str, Any]:
        return {
            "a": self.a.meta() | {"statements": len(self.statements_a)},
            "b": self.b.meta() | {"statements": len(self.statements_b)},
            "shared": [link.to_json() for link in self.shared],
            "only_a": [_single(s) for s in self.only_a],
            "only_b": [_single(s) for s in self.only_b],
            "differences": [d.to_json() for d in self.differences],
        }

    def dumps(self) -> str:
        return json.dumps(self.to_json(), ensure_ascii=False, indent=2)


def _single(statement: Statement) -> dict[str, Any]:
    return statement.to_json() | {"topic": _topic_of(statement.features)} | {
        "conditions": [m.surface for m in statement.features.conditions],
    }


def statements_of(readout: Readout) -> tuple[Statement, ...]:
    return tuple(
        Statement(i, s.text, s.start, features(s.text, readout.lang), readout.line_of(s.start))
        for i, s in enumerate(readout.sentences())
    )


def similarity(a: Features, b: Features) -> float:
    """How much two statements are about the same thing, 0..1 (concepts always; lemmas within one language)."""
    return overlap(a.concepts, a.content, a.lang, b.concepts, b.content, b.lang, concept_weight=0.6)


def compare_readouts(a: Readout, b: Readout, *, min_score: float = MIN_SCORE) -> Comparison:
    """Align two readouts and list shared points, points only one side makes, and meaning-changing differences."""
    sa, sb = statements_of(a), statements_of(b)
    scores = [[similarity(x.features, y.features) for y in sb] for x in sa]
    pairs: dict[tuple[int, int], float] = {}
    for i, row in enumerate(scores):
        j = max(range(len(row)), key=row.__getitem__, default=None)
        if j is not None and row[j] >= min_score and _related(sa[i].features, sb[j].features):
            pairs[(i, j)] = row[j]
    for j in range(len(sb)):
        best = max(range(len(sa)), key=lambda k: scores[k][j], default=None)
        if best is not None and scores[best][j] >= min_score and _related(sa[best].features, sb[j].features):
            pairs[(best, j)] = scores[best][j]
    links = tuple(
        Link(sa[i], sb[j], score, _topic(sa[i].features, sb[j].features)) for (i, j), score in sorted(pairs.items())
    )
    linked_a = {i for i, _ in pairs}
    linked_b = {j for _, j in pairs}
    # A wording shown once goes under the link that shares the most concepts (then the highest score).
    closest_first = sorted(links, key=lambda k: (-len(k.a.features.concepts & k.b.features.concepts), -k.score))
    differences = _unrepeated(d for link in closest_first for d in _differences(link))
    return Comparison(
        a=a, b=b, statements_a=sa, statements_b=sb, shared=links,
        only_a=tuple(s for s in sa if s.index not in linked_a),
        only_b=tuple(s for s in sb if s.index not in linked_b),
        differences=differences,
    )


def _unrepeated(differences: Iterable[Difference]) -> tuple[Difference, ...]:
    """One entry per wording: a statement linked twice shows its difference once, under its closest partner."""
    seen: set[tuple[str, str, int, str]] = set()
    kept: list[Difference] = []
    for d in differences:
        keys = {(d.kind, side, s.index, w) for side, s, w in (("a", d.a_statement, d.a), ("b", d.b_statement, d.b))
                if w is not None}
        if keys & seen:
            continue
        seen |= keys
        kept.append(d)
    kept.sort(key=lambda d: (d.a_statement.index, d.b_statement.index, DIFFERENCE_KINDS.index(d.kind)))
    return tuple(kept)


def _related(a: Features, b: Features) -> bool:
    """At least one concept in common, or (same language) two content words."""
    return bool(a.concepts & b.concepts) or (a.lang == b.lang and len(a.content & b.content) >= 2)


def _topic(a: Features, b: Features) -> str:
    shared = [c for c in _ordered_concepts(a) if c in b.concepts]
    if shared:
        return ", ".join(shared[:3]).replace("_", " ")
    words = sorted(a.content & b.content)
    return ", ".join(words[:3])


def _topic_of(f: Features) -> str:
    concepts = _ordered_concepts(f)
    if concepts:
        return ", ".join(concepts[:3]).replace("_", " ")
    return ", ".join(sorted(f.content)[:3])


def _ordered_concepts(f: Features) -> list[str]:
    # Scope categories first (they carry the terms), then the remaining concepts alphabetically.
    scope = list(dict.fromkeys(m.value.split(".")[0] for m in f.scope))
    return scope + sorted(c for c in f.concepts if c not in scope)


def _differences(link: Link) -> list[Difference]:
    fa, fb = link.a.features, link.b.features
    found: list[Difference] = []
    for kind in DIFFERENCE_KINDS:
        ma: tuple[Mention, ...] = getattr(fa, kind)
        mb: tuple[Mention, ...] = getattr(fb, kind)
        va, vb = _comparable(kind, ma), _comparable(kind, mb)
        if va == vb:
            continue
        if kind not in _ONE_SIDED and not (va and vb):
            continue
        if kind == "conditions" and va and vb:
            continue  # both set conditions; their wording is compared as text by the reader, not here
        found.append(Difference(
            topic=link.topic, kind=kind, a=_wording(fa.text, ma), b=_wording(fb.text, mb),
            a_values=tuple(sorted(va)), b_values=tuple(sorted(vb)),
            a_statement=link.a, b_statement=link.b, a_marks=ma, b_marks=mb,
        ))
    return found


def _comparable(kind: str, mentions: tuple[Mention, ...]) -> frozenset[str]:
    if kind == "dates":
        # A date without a year matches the same day with one; a time stands alone.
        return frozenset(m.value[-5:] if not m.value.startswith("T") else m.value for m in mentions)
    return frozenset(m.value for m in mentions)


def _wording(text: str, mentions: tuple[Mention, ...]) -> str | None:
    """The words the values were read from; neighbouring mentions are shown as one phrase with what joins them."""
    if not mentions:
        return None
    spans = sorted((m.start, m.end) for m in mentions if m.start >= 0)
    if not spans:
        return "; ".join(m.surface for m in mentions)
    parts: list[str] = []
    start, end = spans[0]
    for s, e in spans[1:]:
        if s - end <= 12 and s >= end:
            end = max(end, e)
            continue
        if s < end:
            end = max(end, e)
            continue
        parts.append(text[start:end])
        start, end = s, e
    parts.append(text[start:end])
    return "; ".join(parts)
