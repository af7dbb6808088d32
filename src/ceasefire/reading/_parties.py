"""Which party a name or phrase points to."""

from __future__ import annotations

from ceasefire.reading._lexicon import lexicon
from ceasefire.reading._text import detect_lang, tokenize
from ceasefire.vocab import party_of


def party_in(text: str) -> str | None:
    """The first party a name or phrase names ("Kremlin" → ``RU``, "Офіс Президента України" → ``UA``), or None."""
    if not text.strip():
        return None
    lang = detect_lang(text)
    tokens = tokenize(text, lang)
    lex = lexicon(lang)
    matches = sorted(lex.parties.find(tokens) + lex.people.find(tokens), key=lambda m: m.first)
    return matches[0].value if matches else party_of(text)
