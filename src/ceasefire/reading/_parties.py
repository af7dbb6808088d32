"""Which party a name or phrase points to."""

from __future__ import annotations

from ceasefire.reading._lexicon import lexicon
from ceasefire.reading._text import detect_lang, tokenize
from ceasefire.vocab import party_of


def party_in(text: str) -> str | None:
    """The first party a name or phrase names ("Kremlin" → ``RU``, "Офіс Президента України" → ``UA``), or None."""
    if not text.strip():
        return None
    detected = detect_lang(text)
    # A short Cyrillic name may carry no letter that tells Ukrainian from Russian: try both.
    for lang in (detected,) if detected == "en" else (detected, "ru" if detected == "uk" else "uk"):
        tokens = tokenize(text, lang)
        lex = lexicon(lang)
        matches = sorted(lex.parties.find(tokens) + lex.people.find(tokens), key=lambda m: m.first)
        if matches:
            return matches[0].value
    return party_of(text)
