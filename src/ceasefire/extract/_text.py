"""Tokens, stems, sentences and language: the first pass over a text, shared by every matcher.

Stems are deliberately crude (a suffix stripper for Ukrainian and Russian, plural stripping for English): the same
function turns lexicon phrases and text into stems, so an inflected form meets its lexicon entry without a model.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import NamedTuple

from ceasefire._morphology import parses as morph_parses

_TOKEN = re.compile(r"[^\W_]+(?:['’ʼ`][^\W\d_]+)*", re.UNICODE)
_APOSTROPHES = str.maketrans({"’": "'", "ʼ": "'", "`": "'", "ё": "е", "Ё": "Е"})
_CYRILLIC = re.compile(r"[а-яёіїєґ]", re.IGNORECASE)
_SENTENCE_END = re.compile(r"(?<=[.!?…])[\"»”)]*\s+(?=[\"«“(]?[A-ZА-ЯЁІЇЄҐ0-9])|(?<=;)\s+")
_ABBREVIATION_END = re.compile(
    r"(?:\b(?:[A-ZА-ЯІЇЄҐ]|Mr|Mrs|Ms|Dr|Gen|Lt|Col|Maj|Capt|Sgt|St|Jan|Feb|Mar|Apr|Aug|Sept?|Oct|Nov|Dec|No|"
    r"обл|р|г|м|с|смт|пгт|ст|ул|вул|див|им|ім|тис|млн|ген|н\.п|н\. п|п|пос|д|х|мкр|нп)\.)$"
)

# Longest first. Cyrillic inflection endings of nouns, adjectives and past-tense verbs in Ukrainian and Russian.
_CYRILLIC_ENDINGS: tuple[str, ...] = tuple(sorted({
    "ями", "ами", "ого", "ому", "ему", "его", "ыми", "ими", "ых", "их", "ой", "ей", "ый", "ий", "ая", "яя",
    "ое", "ее", "ую", "юю", "ом", "ем", "ам", "ям", "ах", "ях", "ов", "ев", "ия", "ие", "ии", "ию", "ией", "ью",
    "ья", "ье", "ьи", "ів", "їв", "ою", "ею", "ої", "ій", "ім", "іх", "ії", "ію", "ією", "ові", "еві",
    "ься", "ся", "сь", "ла", "ли", "ло", "ти", "ть",
    "а", "я", "о", "е", "ы", "и", "у", "ю", "ь", "й", "і", "ї", "є",
}, key=len, reverse=True))
_MIN_STEM = 3


class Token(NamedTuple):
    start: int
    end: int
    surface: str
    stem: str


_stem_cache: dict[str, str] = {}


def stem(word: str) -> str:
    """The stem of one lower-cased word (cached)."""
    cached = _stem_cache.get(word)
    if cached is not None:
        return cached
    if word.isdigit():
        return word  # numbers are their own stem, and too many to keep
    result = _stem(word)
    if len(_stem_cache) < 500_000:
        _stem_cache[word] = result
    return result


def _stem(word: str) -> str:
    if _CYRILLIC.search(word):
        word = word.replace("'", "")
        if len(word) >= 5 and word.endswith("ці") and not word.endswith("ції"):
            return word[:-2] + "к"  # Ukrainian locative of -ка nouns: Костянтинівці, Костянтинівка
        for ending in _CYRILLIC_ENDINGS:
            if word.endswith(ending) and len(word) - len(ending) >= _MIN_STEM:
                return word[: -len(ending)]
        return word
    if "'" in word:
        word = word.split("'", 1)[0]
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 4 and word.endswith(("ses", "xes", "ches", "shes")):
        return word[:-2]
    if len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return word[:-1]
    return word


def tokenize(text: str) -> list[Token]:
    """Word tokens with their character offsets in ``text`` and their stems."""
    normal = text.translate(_APOSTROPHES)
    tokens = []
    known = _stem_cache.get
    make = tuple.__new__  # a NamedTuple built without its keyword-handling constructor
    for match in _TOKEN.finditer(normal):
        surface = match.group()
        low = surface.lower()
        stemmed = known(low)
        start, end = match.span()
        tokens.append(make(Token, (start, end, surface, stemmed if stemmed is not None else stem(low))))
    return tokens


def sentence_starts(text: str) -> list[int]:
    """Character offsets where sentences begin (the first is always 0)."""
    starts = [0]
    for match in _SENTENCE_END.finditer(text):
        before = text[max(0, match.start() - 6): match.start()]
        if _ABBREVIATION_END.search(before):
            continue
        starts.append(match.end())
    if "\n" in text:
        # a headline or a bulleted line ends at its line break ("…в Кстово\nПо данным…", "▪️Борова — …")
        starts += [m.end() for m in _LINE_END.finditer(text)]
        starts = sorted(set(starts))
    return starts


# a line break after a word (not after a comma or a hyphen) before a capital, a digit or a bullet or emoji
_LINE_END = re.compile(r"(?<=[\w\"»”)!?.…])[ \t]*\n\s*(?=[A-ZА-ЯЁІЇЄҐ0-9]|[^\w\s\"«“(])")


@lru_cache(maxsize=20_000)
def first_name(word: str) -> bool:
    """True when a Cyrillic word is most likely a first name ("Сергій", "Юрий"), by the pymorphy3 dictionaries."""
    low = word.lower()
    for lang in ("uk", "ru"):
        for parse in morph_parses(low, lang)[:2]:
            if "Name" in parse.tag and parse.score >= 0.3:
                return True
    return False


_FUNCTION_POS = frozenset({"PREP", "CONJ", "PRCL", "ADVB", "INTJ", "NPRO", "PRED"})


@lru_cache(maxsize=20_000)
def function_word(word: str, lang: str) -> bool:
    """True when a Cyrillic word is most likely a preposition, conjunction, particle or adverb ("Кроме",
    "После") by the pymorphy3 dictionaries: capitalised at a sentence start it is no place name."""
    if lang not in ("uk", "ru"):
        return False
    parses = morph_parses(word.lower(), lang)
    return bool(parses) and parses[0].tag.POS in _FUNCTION_POS and parses[0].score >= 0.5 \
        and not any("Geox" in str(p.tag) for p in parses)


_UK_ONLY = re.compile(r"[іїєґІЇЄҐ]")
_RU_ONLY = re.compile(r"[ыэъёЫЭЪЁ]")
_CYRILLIC_LETTER = re.compile(r"[а-яА-ЯёЁіїєґІЇЄҐ]")
_LATIN_LETTER = re.compile(r"[a-zA-Z]")


def detect_language(text: str) -> str:
    """``en``, ``uk`` or ``ru`` from the letters used (Latin text is English; Cyrillic text with neither
    language's own letters is taken as Russian)."""
    cyrillic = len(_CYRILLIC_LETTER.findall(text))
    if cyrillic <= len(_LATIN_LETTER.findall(text)):
        return "en"
    uk = len(_UK_ONLY.findall(text))
    ru = len(_RU_ONLY.findall(text))
    return "uk" if uk > ru else "ru"
