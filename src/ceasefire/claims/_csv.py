"""Importing claims from CSV: every row is checked before anything is stored.

Columns (header row required, names case-insensitive): ``speaker``, ``date`` (ISO 8601), ``text`` are
required; ``party``, ``appearance_url`` (or ``url``), ``appearance`` (or ``appearance_title``), ``lang``,
``verdict``, ``rationale``, ``reviewer``, ``reviewed_on`` and ``review_url`` are optional. A row with a verdict
needs a rationale; ``reviewed_on`` defaults to today.
"""

from __future__ import annotations

import csv
import io
from datetime import date
from pathlib import Path

from ceasefire._textfile import read_text_file
from ceasefire.claims._ledger import Claim, Verdict, new_claim, new_verdict, store_claims
from ceasefire.errors import BadInput
from ceasefire.readouts import parse_date
from ceasefire.workspace import Workspace

REQUIRED = ("speaker", "date", "text")
OPTIONAL = ("party", "appearance_url", "appearance", "lang", "verdict", "rationale", "reviewer", "reviewed_on",
            "review_url")
_ALIASES = {"url": "appearance_url", "appearance_title": "appearance", "said_on": "date", "claim": "text"}
MAX_BYTES = 50_000_000


def read_claims_csv(path: Path | str, *, today: date | None = None) -> list[tuple[Claim, Verdict | None]]:
    """The claims (with a verdict where the row gives one) in a CSV file, or ``BadInput`` naming the line."""
    text = read_text_file(path, max_bytes=MAX_BYTES)
    return parse_claims_csv(text, file=str(path), today=today)


Row = tuple[Claim, Verdict | None]


def parse_claims_csv(text: str, *, file: str = "<csv>", today: date | None = None) -> list[Row]:
    if "\x00" in text:
        raise BadInput(file, None, "binary data (NUL byte); not CSV")
    today = today or date.today()
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    rows: list[tuple[int, list[str]]] = []
    previous = 0
    try:
        for row in reader:
            rows.append((previous + 1, row))
            previous = reader.line_num
    except csv.Error as err:
        raise BadInput(file, reader.line_num, f"not valid CSV: {err}") from err
    if not rows or not any(cell.strip() for cell in rows[0][1]):
        raise BadInput(file, 1, "empty file: a header row with speaker,date,text is needed")
    header = [_ALIASES.get(h.strip().lower(), h.strip().lower()) for h in rows[0][1]]
    missing = [c for c in REQUIRED if c not in header]
    if missing:
        raise BadInput(file, 1, f"missing column(s): {', '.join(missing)}")
    unknown = [h for h in header if h not in REQUIRED + OPTIONAL]
    if unknown:
        raise BadInput(file, 1, f"unknown column(s): {', '.join(unknown)[:100]}")
    if len(set(header)) != len(header):
        raise BadInput(file, 1, "a column appears twice")
    out: list[tuple[Claim, Verdict | None]] = []
    for line, row in rows[1:]:
        if not any(cell.strip() for cell in row):
            continue
        if len(row) != len(header):
            raise BadInput(file, line, f"{len(row)} fields, the header has {len(header)}")
        values = {k: v.strip() for k, v in zip(header, row, strict=True)}
        where = (file, line)
        said_on = parse_date(values["date"], file=file, place=line) if values["date"] else None
        claim = new_claim(
            speaker=values["speaker"], text=values["text"], said_on=said_on,
            party=values.get("party", "").upper() or None, appearance_url=values.get("appearance_url") or None,
            appearance_title=values.get("appearance") or None, lang=values.get("lang", "").lower() or None,
            where=where,
        )
        verdict = None
        if values.get("verdict"):
            reviewed = values.get("reviewed_on") or ""
            verdict = new_verdict(
                verdict=values["verdict"], rationale=values.get("rationale", ""),
                reviewed_on=parse_date(reviewed, file=file, place=line) if reviewed else today,
                author=values.get("reviewer") or None, url=values.get("review_url") or None, where=where,
            )
        elif values.get("rationale"):
            raise BadInput(file, line, "a rationale without a verdict")
        out.append((claim, verdict))
    return out


def import_claims_csv(ws: Workspace, path: Path | str) -> tuple[int, int]:
    """Read the whole file, then store it in one transaction; ``(added, already present)``."""
    return store_claims(ws, read_claims_csv(path))
