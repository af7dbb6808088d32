"""Files of news text ▶ report records.

Two layouts are read:

- plain text: one report per paragraph (paragraphs are separated by blank lines); the input id of a paragraph is
  ``<file stem>:<paragraph number>``, counting from 1;
- JSON Lines (``.jsonl``/``.ndjson``, or a first non-blank character ``{``): one object per line with ``text``
  and optionally ``id``, ``published`` (ISO 8601 date or time) and ``source``; without ``id`` the input id is
  ``<file stem>:<line number>``.

Each report's ``report_id`` starts with its input id (``-1``, ``-2``... are appended when one text yields
several records). A JSON line that cannot be read becomes a ``Quarantined`` record with the reason; a file that
is not UTF-8 text raises ``BadInput``.
"""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Iterable, Iterator
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

from ceasefire.errors import BadInput
from ceasefire.extract._extract import extract_text
from ceasefire.model.report import Quarantined, Report

__all__ = ["read_text", "read_text_reports"]

_JSONL_SUFFIXES = (".jsonl", ".ndjson")


def read_text_reports(path: Path, *, lang: str = "auto", published: datetime | None = None
                      ) -> Iterator[Report | Quarantined]:
    """Report records (and quarantined lines) from a plain-text or JSON Lines file of news texts."""
    try:
        data = path.read_bytes()
    except OSError as err:
        raise BadInput(str(path), None, f"cannot read the file: {err.strerror or err}") from err
    yield from read_text(_decode(data, str(path)), name=str(path), stem=path.stem, lang=lang, published=published,
                         jsonl=path.suffix.lower() in _JSONL_SUFFIXES)


def read_text(text: str, *, name: str = "-", stem: str | None = None, lang: str = "auto",
              published: datetime | None = None, jsonl: bool | None = None) -> Iterator[Report | Quarantined]:
    """The same as ``read_text_reports`` for text already in memory (standard input, say).

    ``name`` is what quarantined records and errors call the input; ``stem`` prefixes the generated input ids
    (default: ``name`` without folders and suffix, ``stdin`` for ``-``); ``jsonl`` None means decide from the
    first non-blank character.
    """
    if stem is None:
        stem = "stdin" if name == "-" else Path(name).stem
    if jsonl is None:
        jsonl = text.lstrip("\ufeff \t\r\n").startswith("{")
    if jsonl:
        yield from _jsonl(text.splitlines(), name, stem, lang, published)
    else:
        yield from _paragraphs(text.splitlines(), name, stem, lang, published)


def _decode(data: bytes, name: str) -> str:
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        line = data[: err.start].count(b"\n") + 1
        raise BadInput(name, line, f"not UTF-8 text (byte {data[err.start]:#04x} at offset {err.start})") from err


def _paragraphs(lines: Iterable[str], name: str, stem: str, lang: str, published: datetime | None
                ) -> Iterator[Report]:
    number = 0
    buffer: list[str] = []
    first_line = 0
    for line_number, line in enumerate([*lines, ""], start=1):
        if line.strip():
            if not buffer:
                first_line = line_number
            buffer.append(line.strip())
            continue
        if buffer:
            number += 1
            paragraph = " ".join(buffer)
            buffer = []
            for report in extract_text(paragraph, report_id=f"{stem}:{number}", lang=lang, published=published):
                yield dataclasses.replace(report, source_file=name, source_line=first_line)


def _jsonl(lines: Iterable[str], name: str, stem: str, lang: str, published: datetime | None
           ) -> Iterator[Report | Quarantined]:
    for line_number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            record = _parse_line(line)
            text = record["text"]
            input_id = str(record["id"]) if record.get("id") not in (None, "") else f"{stem}:{line_number}"
            when = _published(record.get("published")) or published
            source = record.get("source")
            reports = extract_text(text, report_id=input_id, lang=lang, published=when,
                                   source=source if isinstance(source, str) else None)
        except _BadLine as err:
            yield Quarantined(name, line_number, str(err), line)
            continue
        except ValueError as err:
            yield Quarantined(name, line_number, str(err), line)
            continue
        for report in reports:
            yield dataclasses.replace(report, source_file=name, source_line=line_number, raw=record)


class _BadLine(Exception):
    pass


def _parse_line(line: str) -> dict[str, Any]:
    try:
        record = json.loads(line)
    except json.JSONDecodeError as err:
        raise _BadLine(f"not JSON: {err.msg} at column {err.colno}") from err
    if not isinstance(record, dict):
        raise _BadLine("not a JSON object")
    if not isinstance(record.get("text"), str):
        raise _BadLine("no 'text' string")
    if "id" in record and record["id"] is not None and not isinstance(record["id"], str | int):
        raise _BadLine("'id' is neither a string nor a number")
    return record


def _published(value: Any) -> datetime | None:
    if value in (None, ""):
        return None
    if not isinstance(value, str):
        raise _BadLine("'published' is not an ISO 8601 string")
    text = value.strip()
    try:
        if len(text) == 10:
            return datetime.combine(date.fromisoformat(text), datetime.min.time())
        parsed = datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError as err:
        raise _BadLine(f"'published' is not an ISO 8601 date or time: {text!r}") from err
    return parsed.astimezone(UTC).replace(tzinfo=None) if parsed.tzinfo is not None else parsed
