"""Reading incident reports from news text in English, Ukrainian and Russian.

``extract_text`` turns one text into report records (one per incident, a denial being its own record);
``ceasefire.extract.reader.read_text_reports`` reads a file of texts (a paragraph each, or JSON Lines).
Lexicons and place tables are data files under ``lexicon/``; nothing is downloaded and no model is used.
"""

from __future__ import annotations

from ceasefire.extract._extract import FEED, LANGUAGES, extract_text
from ceasefire.extract._text import detect_language

__all__ = ["FEED", "LANGUAGES", "detect_language", "extract_text"]
