"""Romanisation of Ukrainian and Russian names.

``latin_uk`` follows Ukraine's national transliteration table of 2010 (Cabinet resolution No. 55): some letters
take a different spelling at the start of a word (є ї й ю я), ``зг`` is written ``zgh``, and the soft sign and
apostrophe are dropped. ``latin_ru`` is the plain English-style romanisation common in news about Russia
(Krivoy Rog, Kharkov, Zaporozhye), used to make the Russian-style variants readers still type.
"""

from __future__ import annotations

_UK = {
    "а": "a", "б": "b", "в": "v", "г": "h", "ґ": "g", "д": "d", "е": "e", "є": "ie", "ж": "zh", "з": "z",
    "и": "y", "і": "i", "ї": "i", "й": "i", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o", "п": "p",
    "р": "r", "с": "s", "т": "t", "у": "u", "ф": "f", "х": "kh", "ц": "ts", "ч": "ch", "ш": "sh",
    "щ": "shch", "ь": "", "ю": "iu", "я": "ia", "'": "", "’": "", "ʼ": "",
}
_UK_INITIAL = {"є": "ye", "ї": "yi", "й": "y", "ю": "yu", "я": "ya"}

_RU = {
    "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "е": "e", "ё": "yo", "ж": "zh", "з": "z", "и": "i",
    "й": "y", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o", "п": "p", "р": "r", "с": "s", "т": "t",
    "у": "u", "ф": "f", "х": "kh", "ц": "ts", "ч": "ch", "ш": "sh", "щ": "shch", "ъ": "", "ы": "y",
    "ь": "", "э": "e", "ю": "yu", "я": "ya", "і": "i", "ї": "yi", "є": "ye", "ґ": "g",
}
_RU_VOWELS = set("аеёоуыэюяьъ")  # not "и": Киев is Kiev


def _recase(out: str, original: str) -> str:
    if original.isupper() and len(original) > 1:
        return out.upper()
    if original[:1].isupper():
        return out[:1].upper() + out[1:]
    return out


def latin_uk(name: str) -> str:
    """Romanise a Ukrainian name by the 2010 national table."""
    words = []
    for word in _split_keep(name):
        if not word or not word[0].isalpha():
            words.append(word)
            continue
        low = word.lower()
        out = []
        for i, ch in enumerate(low):
            if ch == "г" and i > 0 and low[i - 1] == "з":
                out.append("gh")
            elif i == 0 and ch in _UK_INITIAL:
                out.append(_UK_INITIAL[ch])
            else:
                out.append(_UK.get(ch, ch))
        words.append(_recase("".join(out), word))
    return "".join(words)


def latin_ru(name: str) -> str:
    """Romanise a Russian name the way English-language news usually does."""
    words = []
    for word in _split_keep(name):
        if not word or not word[0].isalpha():
            words.append(word)
            continue
        low = word.lower()
        out = []
        for i, ch in enumerate(low):
            if ch == "е" and (i == 0 or low[i - 1] in _RU_VOWELS):
                out.append("ye")
            elif ch in "ыи" and i + 1 < len(low) and low[i + 1] == "й":
                out.append("y")
            elif ch == "й" and i > 0 and low[i - 1] in "ыи":
                out.append("")
            else:
                out.append(_RU.get(ch, ch))
        words.append(_recase("".join(out), word))
    return "".join(words)


def _split_keep(name: str) -> list[str]:
    """Split into runs of letters (with apostrophes) and runs of everything else."""
    parts: list[str] = []
    current = ""
    for ch in name:
        is_word = ch.isalpha() or ch in "'’ʼ"
        if current and (current[-1].isalpha() or current[-1] in "'’ʼ") != is_word:
            parts.append(current)
            current = ""
        current += ch
    if current:
        parts.append(current)
    return parts


_UK_TRADITIONAL = {**_UK, "є": "ye", "ї": "yi", "й": "y", "ю": "yu", "я": "ya"}

# Ukrainian endings and letters that Russian spells differently in the same place names
# (Михайлівка → Михайловка, Мінеральне → Минеральное, Логвинове → Логвиново).
_RU_ENDINGS = (("івка", "овка"), ("ївка", "евка"), ("ове", "ово"), ("еве", "ево"), ("єве", "ево"),
               ("ське", "ское"), ("цьке", "цкое"), ("не", "ное"), ("ий", "ый"), ("ка", "ка"))
_RU_LETTERS = str.maketrans({"і": "и", "ї": "и", "є": "е", "ґ": "г", "'": "", "’": "", "ʼ": ""})


def latin_uk_traditional(name: str) -> str:
    """The older romanisation still common in English news and ACLED (Mykhaylivka, Kamyanka, Verkhnyotoretske)."""
    words = []
    for word in _split_keep(name):
        if not word or not word[0].isalpha():
            words.append("" if word in {"'", "’", "ʼ"} else word)
            continue
        out = "".join(_UK_TRADITIONAL.get(ch, ch) for ch in word.lower().replace("ьо", "yo"))
        words.append(_recase(out, word))
    return "".join(words)


def russified(name: str) -> str:
    """A guess at the Russian form of a Ukrainian place name, for matching Russian text only."""
    words = []
    for word in name.split(" "):
        lowered = word.lower()
        for uk_end, ru_end in _RU_ENDINGS:
            if lowered.endswith(uk_end) and len(lowered) > len(uk_end) + 1:
                lowered = lowered[: -len(uk_end)] + ru_end
                break
        out = lowered.replace("ьо", "е").translate(_RU_LETTERS)
        words.append(out[:1].upper() + out[1:] if word[:1].isupper() else out)
    return " ".join(words)
