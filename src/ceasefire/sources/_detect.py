"""Telling a file's format from its name and first line."""

from __future__ import annotations

from pathlib import Path

from ceasefire.errors import BadInput

# A CSV header with all of these columns is that feed.
_HEADERS: tuple[tuple[str, frozenset[str]], ...] = (
    ("acled", frozenset({"event_id_cnty", "event_date", "sub_event_type", "actor1"})),
    ("ucdp", frozenset({"type_of_violence", "side_a", "side_b", "date_start"})),
    ("airforce", frozenset({"time_start", "model", "launched", "destroyed"})),
)


def detect_format(path: Path) -> str:
    """``acled``, ``ucdp``, ``airforce``, ``jsonl`` or ``text``; BadInput when it cannot tell."""
    try:
        with path.open("rb") as handle:
            head = handle.read(1 << 16)
    except OSError as err:
        raise BadInput(str(path), None, f"cannot open: {err.strerror or err}") from err
    suffix = path.suffix.lower()
    if suffix in {".jsonl", ".ndjson"}:
        return "jsonl"
    first = head.lstrip(b"\xef\xbb\xbf \t\r\n").split(b"\n", 1)[0]
    if first.startswith(b"{"):
        return "jsonl"
    names = {part.strip().strip('"') for part in first.decode("utf-8", "replace").split(",")}
    for fmt, needed in _HEADERS:
        if needed <= names:
            return fmt
    if suffix in {".txt", ".text", ".md"}:
        return "text"
    raise BadInput(str(path), 1, "cannot tell the format from the header; pass --format")
