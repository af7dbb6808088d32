"""Phrase lexicons compiled into one token-level matcher.

A phrase is a sequence of words; each word is either exact (compared by stem) or a prefix (``word*``, compared
with the start of the lower-cased token). Matching walks the tokens once, looking each token up by stem and by
its leading characters, so its cost grows with the text, not with the lexicon.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from typing import NamedTuple

from ceasefire.extract._text import Token, stem, tokenize


class Cue(NamedTuple):
    kind: str
    value: str
    weight: int


class Match(NamedTuple):
    start: int  # first token index
    end: int  # one past the last token index
    cues: tuple[Cue, ...]


@dataclass(slots=True)
class _Pattern:
    words: tuple[tuple[str, bool], ...]  # (literal, is_prefix)
    cues: list[Cue] = field(default_factory=list)
    capitalised: bool = False
    limit: int = 0  # when positive, a prefix word may go on by at most this many letters; -1: not at all


def lowered(token: Token) -> str:
    text = token.surface.lower()
    return text.replace("'", "") if "'" in text and not text.isascii() else text


def _compile_word(word: str) -> tuple[str, bool]:
    if word.endswith("*") and len(word) > 1:
        literal = word[:-1].lower().replace("’", "'").replace("ʼ", "'").replace("ё", "е")
        return (literal.replace("'", "") if not literal.isascii() else literal, True)
    return (stem(word.lower().replace("’", "'").replace("ё", "е")), False)


def _split_phrase(phrase: str) -> list[str]:
    words = []
    for raw in phrase.replace("-", " ").split():
        star = raw.endswith("*")
        core = raw.rstrip("*")
        pieces = [t.surface for t in tokenize(core)] or [core]
        if star:
            pieces[-1] += "*"
        words.extend(pieces)
    return words


class Matcher:
    """Finds every lexicon phrase in a token list; overlapping matches keep the longest."""

    def __init__(self) -> None:
        self._exact: dict[str, list[_Pattern]] = {}
        self._prefix: dict[str, list[_Pattern]] = {}
        self._patterns: dict[tuple[tuple[tuple[str, bool], ...], int], _Pattern] = {}
        self._prefix_lengths: tuple[int, ...] = ()
        self._cache: dict[str, tuple[_Pattern, ...]] = {}

    def add(self, phrase: str, cue: Cue, *, capitalised: bool = False, limit: int = 0) -> None:
        """Add a phrase; ``limit`` caps how far each prefix word may go on ("нов*" in "Новая Одесса" reads
        "Новой", not "Новосамарке")."""
        words = tuple(_compile_word(w) for w in _split_phrase(phrase))
        if not words or not words[0][0]:
            return
        pattern = self._patterns.get((words, limit))
        if pattern is None:
            pattern = _Pattern(words, capitalised=capitalised, limit=limit)
            self._patterns[(words, limit)] = pattern
            literal, is_prefix = words[0]
            index = self._prefix if is_prefix else self._exact
            index.setdefault(literal, []).append(pattern)
        if cue not in pattern.cues:
            pattern.cues.append(cue)

    def freeze(self) -> None:
        self._prefix_lengths = tuple(sorted({len(k) for k in self._prefix}))

    def _candidates(self, low: str, stem_: str) -> tuple[_Pattern, ...]:
        """The patterns whose first word fits a token (its lower-cased form and its stem)."""
        found: list[_Pattern] = []
        prefix = self._prefix
        stem_differs = not low.startswith(stem_)
        for length in self._prefix_lengths:
            if length > len(low):
                break
            hit = prefix.get(low[:length])
            if hit:
                found.extend(hit)
            elif stem_differs and length <= len(stem_):
                # the stemmer undoes some alternations (атаці → атак), so a prefix may fit the stem only
                hit = prefix.get(stem_[:length])
                if hit:
                    found.extend(hit)
        found.extend(self._exact.get(stem_, ()))
        return tuple(found)

    def find(self, tokens: Sequence[Token], lows: Sequence[str]) -> list[Match]:
        found: list[Match] = []
        count = len(tokens)
        cache = self._cache
        # the surface decides the lower-cased form and the stem; a string keeps its hash, a tuple does not
        extras = [cache.get(token.surface) for token in tokens]
        for i, extra in enumerate(extras):
            if extra is None:
                token = tokens[i]
                extra = extras[i] = self._candidates(lows[i], token.stem)
                if len(cache) < 200_000:
                    cache[token.surface] = extra
        for i, extra in enumerate(extras):
            if not extra:
                continue
            token = tokens[i]
            for pattern in extra:
                words = pattern.words
                end = i + len(words)
                if end > count:
                    continue
                if pattern.capitalised and not token.surface[:1].isupper():
                    continue
                limit = pattern.limit
                if limit and words[0][1] and len(lows[i]) - len(words[0][0]) > max(limit, 0):
                    continue
                ok = True
                for j in range(1, len(words)):
                    literal, is_prefix = words[j]
                    other = tokens[i + j]
                    if is_prefix:
                        if not (lows[i + j].startswith(literal) or other.stem.startswith(literal)) \
                                or (limit and len(lows[i + j]) - len(literal) > max(limit, 0)):
                            ok = False
                            break
                    elif other.stem != literal:
                        ok = False
                        break
                if ok:
                    found.append(Match(i, end, tuple(pattern.cues)))
        return _longest(found)


def _longest(matches: list[Match]) -> list[Match]:
    if len(matches) < 2:
        return matches
    spans: dict[tuple[int, int], Match] = {}
    for match in matches:
        key = (match.start, match.end)
        known = spans.get(key)
        spans[key] = match if known is None else Match(match.start, match.end, known.cues + match.cues)
    matches = list(spans.values())
    matches.sort(key=lambda m: (m.start - m.end, m.start))
    taken = bytearray(max(m.end for m in matches))
    kept = []
    for match in matches:
        if any(taken[match.start: match.end]):
            continue
        for k in range(match.start, match.end):
            taken[k] = 1
        kept.append(match)
    kept.sort(key=lambda m: m.start)
    return kept


def _rows(name: str) -> Iterable[list[str]]:
    text = (resources.files("ceasefire.extract") / "lexicon" / name).read_text(encoding="utf-8")
    for line in text.splitlines():
        if line.strip() and not line.startswith("#"):
            yield line.split("\t")


@cache
def cue_matcher() -> Matcher:
    matcher = Matcher()
    for cols in _rows("terms.tsv"):
        kind, value, weight, phrases = cols[0], cols[1], int(cols[2]), cols[3]
        cue = Cue(kind, value, weight)
        for phrase in phrases.split("|"):
            phrase = phrase.strip()
            if phrase.endswith("!"):
                # "міст!": this very word, not any word of its stem (the bridge, not "місто", the city)
                matcher.add(phrase[:-1] + "*", cue, limit=-1)
            elif phrase:
                matcher.add(phrase, cue)
    matcher.freeze()
    return matcher
