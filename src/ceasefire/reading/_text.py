"""Text basics shared by readouts, demands, claims and article reading: language, sentences, tokens, lemmas.

English lemmas come from a light suffix rule (plurals, British -isation); Ukrainian and Russian lemmas from
pymorphy3, so "енергетичної інфраструктури" and "енергетична інфраструктура" meet on the same lemmas.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Literal

from ceasefire._morphology import parses as morph_parses

Lang = Literal["en", "uk", "ru"]
LANGS: tuple[Lang, ...] = ("en", "uk", "ru")

_CYRILLIC = re.compile(r"[а-яёіїєґ]", re.IGNORECASE)
_LATIN = re.compile(r"[a-z]", re.IGNORECASE)
_UK_ONLY = re.compile(r"[іїєґ]", re.IGNORECASE)
_RU_ONLY = re.compile(r"[ыэъё]", re.IGNORECASE)

# A token: an acronym with dots (U.S.), a number, or a word with inner apostrophes or hyphens.
_TOKEN = re.compile(r"(?:[^\W\d_]\.){2,}|\d+(?:[.,]\d+)*|[^\W\d_]+(?:['’ʼ-][^\W\d_]+)*")
_APOSTROPHES = str.maketrans({"’": "'", "ʼ": "'", "`": "'"})

_ABBREVIATIONS = frozenset((
    "mr", "mrs", "ms", "dr", "st", "gen", "lt", "col", "sgt", "gov", "sen", "rep", "jan", "feb", "mar", "apr",
    "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "no", "vs", "etc", "u.s", "u.k", "e.g", "i.e",
    "approx", "т.д", "т.п", "г", "гг", "им", "ст", "ул", "тыс", "млн", "млрд", "р", "ін", "тис",
))
_SENTENCE_END = re.compile(r"[.!?…]+[\"'»”)\]]*\s+")
_BULLET = re.compile(r"^\s*(?:[-*•–—]|\d{1,2}[.)])\s+")


@dataclass(frozen=True, slots=True)
class Token:
    text: str
    lemma: str
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Sentence:
    text: str
    start: int
    end: int


def detect_lang(text: str) -> Lang:
    """``uk`` or ``ru`` when the text is mostly Cyrillic (by the letters only one of them uses), else ``en``."""
    cyrillic = len(_CYRILLIC.findall(text))
    if cyrillic <= len(_LATIN.findall(text)):
        return "en"
    return "uk" if len(_UK_ONLY.findall(text)) >= len(_RU_ONLY.findall(text)) and _UK_ONLY.search(text) else "ru"


def split_sentences(text: str) -> list[Sentence]:
    """Sentences with their character spans in ``text``.

    Blank lines and bullet lines start new blocks; wrapped lines inside a block are one run of text. Inside a
    block a sentence ends at ``.!?…`` followed by space and a capital, digit or opening quote, unless the word
    before the full stop is a known abbreviation or a single letter (initials).
    """
    sentences: list[Sentence] = []
    for block_start, block_end in _blocks(text):
        cursor = block_start
        block = text[block_start:block_end]
        for match in _SENTENCE_END.finditer(block):
            end = block_start + match.end()
            nxt = text[end:end + 1]
            if not nxt or not (nxt.isupper() or nxt.isdecimal() or nxt in "\"'«“(["):
                continue
            word = re.search(r"([^\s(\"«“]+)[.!?…]+[\"'»”)\]]*\s+$", text[cursor:end])
            if word and match.group(0).lstrip()[0] == ".":
                stem = word.group(1).lower().rstrip(".")
                if stem in _ABBREVIATIONS or (len(stem) == 1 and stem.isalpha()):
                    continue
            _add(sentences, text, cursor, block_start + match.start() + len(match.group(0).rstrip()))
            cursor = end
        _add(sentences, text, cursor, block_end)
    return sentences


def _blocks(text: str) -> list[tuple[int, int]]:
    blocks: list[tuple[int, int]] = []
    start: int | None = None
    position = 0
    for line in text.splitlines(keepends=True):
        stripped = line.strip()
        line_start = position
        position += len(line)
        if not stripped:
            if start is not None:
                blocks.append((start, line_start))
                start = None
            continue
        if _BULLET.match(line) and start is not None:
            blocks.append((start, line_start))
            start = None
        if start is None:
            bullet = _BULLET.match(line)
            start = line_start + (bullet.end() if bullet else len(line) - len(line.lstrip()))
    if start is not None:
        blocks.append((start, len(text)))
    return blocks


def _add(sentences: list[Sentence], text: str, start: int, end: int) -> None:
    chunk = text[start:end]
    stripped = chunk.strip()
    if not stripped or not any(ch.isalnum() for ch in stripped):
        return
    lead = len(chunk) - len(chunk.lstrip())
    real_start = start + lead
    real_end = real_start + len(stripped)
    sentences.append(Sentence(text=" ".join(stripped.split()), start=real_start, end=real_end))


def tokenize(text: str, lang: Lang) -> list[Token]:
    return [
        Token(m.group(0), lemma(m.group(0), lang), m.start(), m.end())
        for m in _TOKEN.finditer(text)
    ]


def lemma_options(word: str, lang: Lang) -> tuple[str, ...]:
    """Every lemma a word form may have (pymorphy3 may read "енергетика" as a form of "енергетик"); the first is
    the one ``lemma`` gives. Lexicon phrases are registered under all of them, so text matches whichever it gets."""
    first = lemma(word, lang)
    lowered = word.translate(_APOSTROPHES).lower()
    if lang == "en" or not _CYRILLIC.search(lowered):
        return (first,)
    others = (str(p.normal_form) for p in morph_parses(lowered, lang))
    return tuple(dict.fromkeys((first, *others)))


def lemma(word: str, lang: Lang) -> str:
    return _lemma(word.translate(_APOSTROPHES).lower(), lang)


@lru_cache(maxsize=200_000)
def _lemma(word: str, lang: Lang) -> str:
    if word.isdecimal() or not any(ch.isalpha() for ch in word):
        return word
    if lang == "en" or not _CYRILLIC.search(word):
        return _english_lemma(word)
    parsed = morph_parses(word, lang)
    return str(parsed[0].normal_form) if parsed else word


def _english_lemma(word: str) -> str:
    if word.endswith("'s"):
        word = word[:-2]
    word = word.replace("isation", "ization").replace("ise", "ize") if word.endswith(("isation", "ised")) else word
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is", "ous", "'s")):
        return word[:-1]
    return word

