"""The words that carry meaning in one sentence: scope, durations, numbers, dates, parties, negation, conditions.

Sentence similarity alone rates "energy and infrastructure" and "energy infrastructure" the same; these features
keep them apart (two scope categories against one), so a comparison can say what changed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from ceasefire.reading._lexicon import Lexicon, Match, lexicon
from ceasefire.reading._text import Lang, Token, detect_lang, tokenize

_TIME = re.compile(r"\b([01]?\d|2[0-3])[:.]([0-5]\d)\b")
_ISO_DATE = re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b")
_URL = re.compile(r"\b(?:https?://|www\.)\S+", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class Mention:
    """A value read from a sentence (``P30D``, ``energy``, ``RU``) and the words it was read from."""

    value: str
    surface: str
    start: int = -1  # character offsets in the sentence, where known
    end: int = -1

    def to_json(self) -> dict[str, str]:
        return {"value": self.value, "text": self.surface}


@dataclass(frozen=True)
class Features:
    text: str
    lang: Lang
    tokens: tuple[Token, ...]
    scope: tuple[Mention, ...] = ()
    durations: tuple[Mention, ...] = ()
    numbers: tuple[Mention, ...] = ()
    dates: tuple[Mention, ...] = ()
    parties: tuple[Mention, ...] = ()
    negation: tuple[Mention, ...] = ()
    conditions: tuple[Mention, ...] = ()
    concepts: frozenset[str] = field(default_factory=frozenset)
    content: frozenset[str] = field(default_factory=frozenset)

    def values(self, kind: str) -> frozenset[str]:
        mentions: tuple[Mention, ...] = getattr(self, kind)
        return frozenset(m.value for m in mentions)

    def to_json(self) -> dict[str, Any]:
        return {
            kind: [m.to_json() for m in getattr(self, kind)]
            for kind in ("scope", "durations", "numbers", "dates", "parties", "negation", "conditions")
        } | {"concepts": sorted(self.concepts)}


def features(text: str, lang: Lang | None = None) -> Features:
    """Read the meaning-carrying words of one sentence (cached: readouts, demands and claims read the same ones)."""
    return _features(text, lang or detect_lang(text))


@lru_cache(maxsize=8192)
def _features(text: str, lang: Lang) -> Features:
    lex = lexicon(lang)
    tokens = tuple(tokenize(text, lang))
    # Numbers inside a URL are not quantities.
    used: set[int] = {i for m in _URL.finditer(text) for i, t in enumerate(tokens) if m.start() <= t.start < m.end()}

    def mention(match: Match, value: str | None = None) -> Mention:
        start, end = tokens[match.first].start, tokens[match.last].end
        return Mention(match.value if value is None else value, text[start:end], start, end)

    scope_matches = lex.scope.find(tokens)
    scope = tuple(mention(m) for m in scope_matches)
    dates = _dates(text, tokens, lex, used)
    durations = _durations(text, tokens, lex, used)
    numbers = _numbers(text, tokens, lex, used)
    parties = tuple(
        mention(m)
        for m in lex.parties.find(tokens)
        if not (m.first == m.last and len(tokens[m.first].text) <= 2 and not tokens[m.first].text.isupper())
    )
    negation = tuple(mention(m, "not") for m in lex.negation.find(tokens))
    negation += tuple(Mention("not", t.text, t.start, t.end) for t in tokens if t.lemma.endswith("n't"))
    conditions = tuple(_clause_from(text, tokens[m.first].start) for m in lex.condition.find(tokens))
    concept_matches = lex.concepts.find(tokens)
    concepts = frozenset(m.value for m in concept_matches) | frozenset(
        m.value.split(".")[0] for m in scope_matches
    )
    content = frozenset(
        t.lemma for t in tokens
        if t.lemma not in lex.stopwords and len(t.lemma) > 1 and not t.lemma.isdecimal()
    )
    return Features(
        text=text, lang=lang, tokens=tokens, scope=scope, durations=durations, numbers=numbers, dates=dates,
        parties=_unique(parties), negation=negation, conditions=conditions, concepts=concepts, content=content,
    )


def _unique(mentions: tuple[Mention, ...]) -> tuple[Mention, ...]:
    seen: set[str] = set()
    out: list[Mention] = []
    for mention in mentions:
        if mention.value not in seen:
            seen.add(mention.value)
            out.append(mention)
    return tuple(out)


def _clause_from(text: str, start: int) -> Mention:
    rest = text[start:]
    cut = re.search(r"[;.!?](?:\s|$)", rest)
    clause = rest[: cut.start()] if cut else rest.rstrip(".!? ")
    return Mention("condition", clause, start, start + len(clause))


def _number(token: Token, lex: Lexicon) -> int | None:
    if token.text.isdecimal() and len(token.text) <= 9:
        return int(token.text)
    return lex.number_words.get(token.lemma)


def _dates(text: str, tokens: tuple[Token, ...], lex: Lexicon, used: set[int]) -> tuple[Mention, ...]:
    found: list[tuple[int, Mention]] = []
    for match in _ISO_DATE.finditer(text):
        found.append((match.start(), Mention(match.group(0), match.group(0), match.start(), match.end())))
        used.update(i for i, t in enumerate(tokens) if match.start() <= t.start < match.end())
    for match in _TIME.finditer(text):
        if any(match.start() <= t.start < match.end() and i in used for i, t in enumerate(tokens)):
            continue
        value = f"T{int(match.group(1)):02d}:{match.group(2)}"
        found.append((match.start(), Mention(value, match.group(0), match.start(), match.end())))
        used.update(i for i, t in enumerate(tokens) if match.start() <= t.start < match.end())
    for i, token in enumerate(tokens):
        month = lex.months.get(token.lemma)
        if month is None or i in used:
            continue
        day_index = next(
            (j for j in (i - 1, i + 1) if 0 <= j < len(tokens) and j not in used and tokens[j].text.isdecimal()
             and 1 <= int(tokens[j].text) <= 31 and len(tokens[j].text) <= 2),
            None,
        )
        if day_index is None:
            continue
        year_index = max(i, day_index) + 1
        has_year = (year_index < len(tokens) and tokens[year_index].text.isdecimal()
                    and len(tokens[year_index].text) == 4)
        day = int(tokens[day_index].text)
        value = (f"{tokens[year_index].text}-{month:02d}-{day:02d}" if has_year else f"--{month:02d}-{day:02d}")
        last = year_index if has_year else max(i, day_index)
        first = min(i, day_index)
        used.update(range(first, last + 1))
        start, end = tokens[first].start, tokens[last].end
        found.append((start, Mention(value, text[start:end], start, end)))
    found.sort(key=lambda pair: pair[0])
    return tuple(m for _, m in found)


def _durations(text: str, tokens: tuple[Token, ...], lex: Lexicon, used: set[int]) -> tuple[Mention, ...]:
    found: list[Mention] = []
    for i in range(len(tokens) - 1):
        if i in used or i + 1 in used:
            continue
        amount = _number(tokens[i], lex)
        unit = lex.duration_units.get(tokens[i + 1].lemma)
        if amount is None or unit is None:
            continue
        iso = f"PT{amount}H" if unit == "H" else f"P{amount}{unit}"
        used.update((i, i + 1))
        start, end = tokens[i].start, tokens[i + 1].end
        found.append(Mention(iso, text[start:end], start, end))
    return tuple(found)


def _numbers(text: str, tokens: tuple[Token, ...], lex: Lexicon, used: set[int]) -> tuple[Mention, ...]:
    found: list[Mention] = []
    for i, token in enumerate(tokens):
        if i in used:
            continue
        amount = _number(token, lex)
        if amount is None and not re.fullmatch(r"\d+(?:[.,]\d+)+", token.text):
            continue
        if token.text.isdecimal() and len(token.text) == 4 and 1900 <= int(token.text) <= 2100:
            continue  # a year on its own
        value = str(amount) if amount is not None else token.text.replace(",", "")
        end = token.end
        nxt = tokens[i + 1] if i + 1 < len(tokens) else None
        if nxt is not None and nxt.lemma not in lex.stopwords and (nxt.start - token.end) <= 2:
            end = nxt.end
        found.append(Mention(value, text[token.start:end], token.start, end))
    return tuple(found)


def overlap(a_concepts: frozenset[str], a_lemmas: frozenset[str], a_lang: str,
            b_concepts: frozenset[str], b_lemmas: frozenset[str], b_lang: str, *, concept_weight: float) -> float:
    """How much two wordings are about the same thing, 0..1: shared concepts (language-neutral) and, within one
    language, shared content lemmas, weighted ``concept_weight`` : ``1 - concept_weight``."""
    concepts = _jaccard(a_concepts, b_concepts)
    if a_lang != b_lang:
        return concepts
    words = _jaccard(a_lemmas, b_lemmas)
    if not a_concepts and not b_concepts:
        return words
    return concept_weight * concepts + (1 - concept_weight) * words


def _jaccard(x: frozenset[str], y: frozenset[str]) -> float:
    union = x | y
    return len(x & y) / len(union) if union else 0.0
