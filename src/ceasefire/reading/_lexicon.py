"""Cue lexicons (``lexicons/<lang>.yaml``) compiled into phrase matchers over lemma sequences."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from importlib import resources
from itertools import islice, product
from typing import Any

import yaml

from ceasefire.reading._text import Lang, Token, lemma_options, tokenize

_MAX_VARIANTS = 32


@dataclass(frozen=True, slots=True)
class Match:
    value: str
    first: int  # token index
    last: int  # token index, inclusive


class PhraseMatcher:
    """Finds lexicon phrases in a token list by lemma; longest match wins, matches do not overlap."""

    def __init__(self, phrases: Mapping[str, str], lang: Lang) -> None:
        self._table: dict[tuple[str, ...], str] = {}
        for phrase, value in phrases.items():
            options = [lemma_options(t.text, lang) for t in tokenize(phrase, lang)]
            for key in islice(product(*options), _MAX_VARIANTS) if options else ():
                self._table.setdefault(key, value)
        self._longest = max((len(k) for k in self._table), default=0)

    def find(self, tokens: Sequence[Token]) -> list[Match]:
        lemmas = [t.lemma for t in tokens]
        found: list[Match] = []
        i = 0
        while i < len(lemmas):
            for size in range(min(self._longest, len(lemmas) - i), 0, -1):
                value = self._table.get(tuple(lemmas[i:i + size]))
                if value is not None:
                    found.append(Match(value, i, i + size - 1))
                    i += size
                    break
            else:
                i += 1
        return found

    def __contains__(self, lemma: str) -> bool:
        return (lemma,) in self._table


@dataclass(frozen=True)
class Lexicon:
    lang: Lang
    stopwords: frozenset[str]
    speaker_roles: frozenset[str]
    negation: PhraseMatcher
    condition: PhraseMatcher
    demand: PhraseMatcher
    demand_links: PhraseMatcher
    agreement: PhraseMatcher
    attribution: PhraseMatcher
    checkable: PhraseMatcher
    verdict: PhraseMatcher
    scope: PhraseMatcher
    concepts: PhraseMatcher
    parties: PhraseMatcher
    people: PhraseMatcher
    number_words: dict[str, int]
    duration_units: dict[str, str]
    months: dict[str, int]


def _cues(items: Iterable[Any], value: str = "cue") -> dict[str, str]:
    return {str(item): value for item in items}


def _inverted(groups: Mapping[str, Iterable[Any]]) -> dict[str, str]:
    return {str(phrase): str(key) for key, phrases in groups.items() for phrase in phrases}


def _lemma_set(words: Iterable[Any], lang: Lang) -> frozenset[str]:
    return frozenset(option for word in words for t in tokenize(str(word), lang)
                     for option in lemma_options(t.text, lang))


def _lemma_keys(mapping: Mapping[str, Any], lang: Lang, convert: type) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for word, value in mapping.items():
        for token in tokenize(str(word), lang):
            for option in lemma_options(token.text, lang):
                out.setdefault(option, convert(value))
    return out


@cache
def lexicon(lang: Lang) -> Lexicon:
    """The compiled lexicon for ``lang`` (``en``, ``uk`` or ``ru``)."""
    text = (resources.files("ceasefire.reading") / "lexicons" / f"{lang}.yaml").read_text(encoding="utf-8")
    data: dict[str, Any] = yaml.safe_load(text)
    return Lexicon(
        lang=lang,
        stopwords=_lemma_set(data["stopwords"], lang),
        speaker_roles=_lemma_set(data["speaker_roles"], lang),
        negation=PhraseMatcher(_cues(data["negation"]), lang),
        condition=PhraseMatcher(_cues(data["condition"]), lang),
        demand=PhraseMatcher(_cues(data["demand"]), lang),
        demand_links=PhraseMatcher(_cues(data["demand_links"]), lang),
        agreement=PhraseMatcher(_cues(data["agreement"]), lang),
        attribution=PhraseMatcher(_cues(data["attribution"]), lang),
        checkable=PhraseMatcher(_cues(data["checkable"]), lang),
        verdict=PhraseMatcher(_inverted(data["verdict"]), lang),
        scope=PhraseMatcher({str(k): str(v) for k, v in data["scope"].items()}, lang),
        concepts=PhraseMatcher(_inverted(data["concepts"]), lang),
        parties=PhraseMatcher(_inverted(data["parties"]), lang),
        people=PhraseMatcher(_inverted(data["people"]), lang),
        number_words=_lemma_keys(data["number_words"], lang, int),
        duration_units=_lemma_keys(data["duration_units"], lang, str),
        months=_lemma_keys(data["months"], lang, int),
    )
