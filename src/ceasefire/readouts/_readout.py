"""The readout file: plain UTF-8 text, optionally opened by a small front-matter header.

    ---
    issuer: Kremlin
    party: RU
    date: 2025-03-18
    url: http://en.kremlin.ru/...
    title: Telephone conversation with the US President
    lang: en
    kind: readout
    ---
    The body: paragraphs of plain text.

Every header line is ``key: value`` with a key from ``HEADER_KEYS``; ``date`` is ISO 8601 (``YYYY-MM-DD``, a time
may follow); ``party`` is a party code (``RU``); ``lang`` is ``en``, ``uk`` or ``ru`` (detected when absent);
``kind`` is ``readout``, ``statement``, ``article`` or ``op-ed``. Without ``party`` the party is read from the
issuer's name. A file without a header is all body.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any

from ceasefire._textfile import read_text_file
from ceasefire.errors import BadInput
from ceasefire.reading import Lang, Sentence, detect_lang, party_in, split_sentences

HEADER_KEYS = ("issuer", "party", "date", "url", "title", "lang", "kind")
KINDS = ("readout", "statement", "article", "op-ed")
_FENCE = "---"
_PARTY = re.compile(r"^[A-Z]{2,5}$")
_HEADER_LINE = re.compile(r"^([A-Za-z_]+)\s*:\s*(.*)$")
MAX_BYTES = 5_000_000


@dataclass(frozen=True)
class Readout:
    """One party's published text (readout, statement or article), with where it came from."""

    file: str
    text: str  # the body
    lang: Lang
    issuer: str | None = None
    party: str | None = None
    date: date | None = None
    url: str | None = None
    title: str | None = None
    kind: str = "readout"
    body_line: int = 1  # line number of the body's first line in the file

    def sentences(self) -> list[Sentence]:
        return split_sentences(self.text)

    def line_of(self, offset: int) -> int:
        """The file line number of a character offset in the body."""
        return self.body_line + self.text.count("\n", 0, max(0, offset))

    def meta(self) -> dict[str, Any]:
        return {
            "file": self.file, "issuer": self.issuer, "party": self.party,
            "date": self.date.isoformat() if self.date else None, "url": self.url, "title": self.title,
            "lang": self.lang, "kind": self.kind,
        }


def load_readout(path: Path | str) -> Readout:
    """Read a readout file; ``BadInput`` names the file and line of anything we cannot read."""
    text = read_text_file(path, max_bytes=MAX_BYTES, what="not a readout")
    return parse_readout(text, file=str(path))


def parse_readout(text: str, *, file: str = "<text>", **defaults: Any) -> Readout:
    """A ``Readout`` from file text. ``defaults`` (issuer, party, date, ...) fill what the header leaves out."""
    if "\x00" in text:
        raise BadInput(file, None, "binary data (NUL byte); not a readout")
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    header: dict[str, str] = {}
    body, body_line = text, 1
    lines = text.split("\n")
    if lines and lines[0].strip() == _FENCE:
        for number, line in enumerate(lines[1:], start=2):
            if line.strip() == _FENCE:
                body = "\n".join(lines[number:])
                body_line = number + 1
                break
            if not line.strip() or line.lstrip().startswith("#"):
                continue
            match = _HEADER_LINE.match(line.strip())
            if not match:
                raise BadInput(file, number, f"header line is not 'key: value': {line.strip()[:60]!r}")
            key, value = match.group(1).lower(), match.group(2).strip().strip("\"'")
            if key not in HEADER_KEYS:
                raise BadInput(file, number, f"unknown header key {key!r} (known: {', '.join(HEADER_KEYS)})")
            if key in header:
                raise BadInput(file, number, f"header key {key!r} given twice")
            header[key] = value
        else:
            raise BadInput(file, 1, "header opened with '---' is never closed")
    values: dict[str, Any] = {k: v for k, v in defaults.items() if v is not None}
    for key, value in header.items():
        if value:
            values[key] = _header_value(key, value, file, _header_line(lines, key))
    if not body.strip() or not any(ch.isalpha() for ch in body):
        raise BadInput(file, body_line, "no text after the header")
    lang = values.get("lang") or detect_lang(body)
    party = values.get("party") or party_in(str(values.get("issuer") or ""))
    return Readout(
        file=file, text=body, lang=lang, issuer=values.get("issuer"), party=party, date=values.get("date"),
        url=values.get("url"), title=values.get("title"), kind=values.get("kind", "readout"), body_line=body_line,
    )


def _header_line(lines: list[str], key: str) -> int:
    return next(
        (i for i, line in enumerate(lines[1:], start=2) if line.strip().lower().startswith(key)), 1
    )


def _header_value(key: str, value: str, file: str, line: int) -> Any:
    if key == "date":
        return parse_date(value, file=file, place=line)
    if key == "party":
        party = value.upper()
        if not _PARTY.match(party):
            raise BadInput(file, line, f"party must be a code of 2-5 letters (RU, UA, US), not {value[:40]!r}")
        return party
    if key == "lang":
        if value.lower() not in ("en", "uk", "ru"):
            raise BadInput(file, line, f"lang must be en, uk or ru, not {value[:20]!r}")
        return value.lower()
    if key == "kind":
        if value.lower() not in KINDS:
            raise BadInput(file, line, f"kind must be one of {', '.join(KINDS)}, not {value[:20]!r}")
        return value.lower()
    if len(value) > 2000:
        raise BadInput(file, line, f"{key} is longer than 2000 characters")
    return value


def parse_date(value: str, *, file: str, place: str | int | None) -> date:
    """An ISO 8601 date (a time after it is allowed and ignored)."""
    text = value.strip()
    try:
        if len(text) > 10:
            return datetime.fromisoformat(text.replace("Z", "+00:00")).date()
        return date.fromisoformat(text)
    except ValueError as err:
        raise BadInput(file, place, f"date is not ISO 8601 (YYYY-MM-DD): {value[:40]!r}") from err
