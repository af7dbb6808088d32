"""pymorphy3's analysers, one per language per process, shared by every module that reads Ukrainian or Russian."""

from __future__ import annotations

from functools import cache
from typing import Any


@cache
def analyser(lang: str) -> Any:
    """The pymorphy3 analyser for ``uk`` or ``ru`` (its dictionaries load once, on first use)."""
    import pymorphy3

    return pymorphy3.MorphAnalyzer(lang=lang)


def parses(word: str, lang: str) -> list[Any]:
    """pymorphy3's readings of a word, best first; none for a word it cannot read (it fails on some characters
    that have no Unicode name)."""
    try:
        return list(analyser(lang).parse(word))
    except (ValueError, KeyError):
        return []
