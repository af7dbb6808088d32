"""Text normalisation shared by the build script and the matcher.

Normalised text keeps the length of the original, so offsets found in it are offsets in the original:
letters are lower-cased (``ё`` folded to ``е``), and every character that is not a letter or digit becomes a
space. Forms are normalised the same way, with runs of spaces collapsed, and are looked for as `` form ``
in `` text `` so that word boundaries are checked by the automaton itself.
"""

from __future__ import annotations

import re
import string

_NON_WORD = re.compile(r"[\W_]")
_SPACES = re.compile(r" +")
# The punctuation news text is made of, blanked by one fast translate(); anything rarer goes through the regex.
_BLANKS = {ord(ch): " " for ch in string.punctuation + string.whitespace + "’‘“”«»„‹›—–‑…·•№ʼ\u00a0\u2009\u202f"}
_BLANKS[ord("ё")] = "е"


def normalise_text(text: str) -> str:
    """Lower-case ``text`` and blank out non-word characters, keeping its length."""
    lowered = text.lower()
    if len(lowered) != len(text):  # a few characters (e.g. U+0130) lower-case to two
        lowered = "".join(ch if len(ch.lower()) != 1 else ch.lower() for ch in text)
    blanked = lowered.translate(_BLANKS)
    if blanked.replace(" ", "").isalnum():
        return blanked
    return _NON_WORD.sub(" ", blanked)


def normalise_form(name: str) -> str:
    """The key a name is stored and looked up under."""
    return _SPACES.sub(" ", normalise_text(name)).strip()
