"""Reading demands and conditions out of readouts, statements and articles.

A sentence holds demands when it has a demand cue ("demands", "insists", "calls for", "must stop", "key
condition", "вимагає", "требует" ...) or a condition cue ("only after", "on condition", "if" ...). The words
after the first cue (or after a colon that opens a list) are the demand; a list is split at semicolons and at
commas where every piece keeps at least three content words, so "military aid and intelligence" stays one
demand. The demand's party is the first party or spokesperson named before the cue, else the text's issuer.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from typing import Any, Literal

from ceasefire.reading import Features, Match, features, lexicon
from ceasefire.readouts import Readout

DemandKind = Literal["demand", "condition"]
_LEADING = re.compile(
    r"^[\s,:;\"'«“(-]*(?:that|щоб|чтобы|що|что|to|be|the|a|an|on|for|на|о|об|про|до|к)?\b[\s,:]*", re.IGNORECASE
)


@dataclass(frozen=True)
class Demand:
    """One demand or condition stated by one party in one source."""

    party: str | None
    text: str
    sentence: str
    kind: DemandKind
    lang: str
    published: date | None = None
    issuer: str | None = None
    url: str | None = None
    file: str | None = None
    line: int | None = None
    concepts: frozenset[str] = frozenset()
    lemmas: frozenset[str] = frozenset()
    source_id: str | None = None  # set once stored

    def to_json(self) -> dict[str, Any]:
        return {
            "party": self.party, "kind": self.kind, "text": self.text, "sentence": self.sentence,
            "date": self.published.isoformat() if self.published else None, "issuer": self.issuer,
            "url": self.url, "file": self.file, "line": self.line, "lang": self.lang,
        }


def extract_demands(readout: Readout) -> list[Demand]:
    """Every demand and condition in a readout, statement or article, in text order."""
    found: list[Demand] = []
    for sentence in readout.sentences():
        f = features(sentence.text, readout.lang)
        for kind, text in demands_in(f):
            item = features(text, readout.lang)
            found.append(Demand(
                party=_party(f, readout.party), text=text, sentence=sentence.text, kind=kind, lang=readout.lang,
                published=readout.date, issuer=readout.issuer, url=readout.url, file=readout.file,
                line=readout.line_of(sentence.start), concepts=item.concepts, lemmas=item.content,
            ))
    return found


def demands_in(f: Features) -> list[tuple[DemandKind, str]]:
    """The demands (kind, wording) one sentence states; none when it has no cue."""
    lex = lexicon(f.lang)
    demand_cues = lex.demand.find(f.tokens)
    condition_cues = lex.condition.find(f.tokens)
    cues: list[tuple[DemandKind, Match]] = [("demand", m) for m in demand_cues]
    cues += [("condition", m) for m in condition_cues if not _overlaps(m, demand_cues)]
    if not cues or (f.negation and _negates_cue(f, cues)):
        return []
    cues.sort(key=lambda pair: pair[1].first)
    kind, first = cues[0]
    rest = f.text[f.tokens[first.last].end:]
    colon = rest.find(":")
    if 0 <= colon < len(rest) - 1:
        rest = rest[colon + 1:]
    else:
        # "the key condition for X must be Y": the demand is what follows the last cue (or a linking word such
        # as "should be" after the first cue) that still has words after it.
        links: list[tuple[DemandKind, Match]] = [
            ("demand", m) for m in lex.demand_links.find(f.tokens) if m.first > first.last
        ]
        for later_kind, later in sorted(cues[1:] + links, key=lambda pair: -pair[1].first):
            after = f.text[f.tokens[later.last].end:]
            if _content_words(after, f) >= 3:
                kind, rest = later_kind, after
                break
    items = [_clean(piece) for piece in _split(rest, f)]
    return [(kind, item) for item in items if _content_words(item, f) >= 2]


def _overlaps(match: Match, others: list[Match]) -> bool:
    return any(not (match.last < o.first or o.last < match.first) for o in others)


def _negates_cue(f: Features, cues: list[tuple[DemandKind, Match]]) -> bool:
    """'does not demand', 'не вимагає': a negation right before the cue cancels it."""
    starts = {f.tokens[m.first].start for _, m in cues}
    return any(0 <= start - n.end <= 6 for n in f.negation for start in starts)


def _split(text: str, f: Features) -> list[str]:
    pieces: list[str] = []
    for part in re.split(r";", text):
        for piece in re.split(r",\s+(?:and\s+|и\s+|і\s+|та\s+)?", part):
            if pieces and (_content_words(piece, f) < 3 or _content_words(pieces[-1], f) < 3):
                pieces[-1] = f"{pieces[-1]}, {piece}"
            else:
                pieces.append(piece)
    return pieces


_THAT_CLAUSE = re.compile(r"^(?:том|тому|то|того|тим)\s*,\s*(?:что|чтобы|що|щоб)\s+", re.IGNORECASE)


def _clean(text: str) -> str:
    text = " ".join(text.split()).strip()
    text = _LEADING.sub("", text, count=1) if _LEADING.match(text) else text
    text = _THAT_CLAUSE.sub("", text, count=1)
    return text.rstrip(" .;,!\"'»”)").lstrip("\"'«“(")


def _content_words(text: str, f: Features) -> int:
    lex = lexicon(f.lang)
    return sum(1 for t in features(text, f.lang).tokens if t.lemma not in lex.stopwords and len(t.lemma) > 2)


def _party(f: Features, default: str | None) -> str | None:
    """The first party or spokesperson named before the first cue; else the issuer's party."""
    lex = lexicon(f.lang)
    cue_starts = [m.first for m in lex.demand.find(f.tokens) + lex.condition.find(f.tokens)]
    limit = min(cue_starts, default=len(f.tokens))
    named = sorted(lex.parties.find(f.tokens) + lex.people.find(f.tokens), key=lambda m: m.first)
    before = [m for m in named if m.first < limit]
    return before[0].value if before else default
