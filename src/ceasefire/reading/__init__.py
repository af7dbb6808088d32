"""Reading text: language, sentences, cue lexicons, the words that carry meaning, and whole articles.

Lexicons are data (``lexicons/en.yaml``, ``uk.yaml``, ``ru.yaml``); Ukrainian and Russian are matched on
pymorphy3 lemmas. ``read_article`` lists the agreements, demands, claims and incidents a text mentions.
"""

from __future__ import annotations

from ceasefire.reading._article import ArticleReading, read_article
from ceasefire.reading._features import Features, Mention, features, overlap
from ceasefire.reading._lexicon import Lexicon, Match, PhraseMatcher, lexicon
from ceasefire.reading._parties import party_in
from ceasefire.reading._text import LANGS, Lang, Sentence, Token, detect_lang, split_sentences, tokenize

__all__ = [
    "LANGS",
    "ArticleReading",
    "Features",
    "Lang",
    "Lexicon",
    "Match",
    "Mention",
    "PhraseMatcher",
    "Sentence",
    "Token",
    "detect_lang",
    "features",
    "lexicon",
    "overlap",
    "party_in",
    "read_article",
    "split_sentences",
    "tokenize",
]
