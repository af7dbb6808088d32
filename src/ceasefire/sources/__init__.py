"""Readers, one per feed: ACLED CSV, UCDP GED CSV, Air Force daily counts (tallies), JSON Lines, and news text.

CSV feeds are staged and mapped inside DuckDB (:func:`prepare_csv`); the others yield Python records
(:func:`read_records`). Mapping rules are data files beside the readers (``acled.yaml``, ``ucdp.yaml``,
``airforce.yaml``, ``targets.yaml``, ``countries.csv``, ``country_aliases.csv``).
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime
from pathlib import Path
from typing import Any

import duckdb

from ceasefire.errors import BadInput
from ceasefire.model.report import Quarantined, Report
from ceasefire.sources import acled, airforce, ucdp
from ceasefire.sources._detect import detect_format
from ceasefire.sources._feed import Prepared
from ceasefire.sources.airforce import weapon_of_model
from ceasefire.sources.jsonl import read_jsonl, report_from_json

__all__ = [
    "CSV_FORMATS", "FORMATS", "Prepared", "detect_format", "prepare_csv", "read_jsonl", "read_records",
    "report_from_json", "weapon_of_model",
]

CSV_FORMATS = ("acled", "ucdp", "airforce")
FORMATS = (*CSV_FORMATS, "jsonl", "text")


def prepare_csv(con: duckdb.DuckDBPyConnection, path: Path, fmt: str) -> Prepared | None:
    """Stage a CSV feed in DuckDB; None for formats read as Python records."""
    if fmt == "acled":
        return acled.prepare(con, path)
    if fmt == "ucdp":
        return ucdp.prepare(con, path)
    if fmt == "airforce":
        return airforce.prepare(con, path)
    return None


def read_records(path: Path, fmt: str, *, lang: str = "auto", published: datetime | None = None,
                 **_ignored: Any) -> Iterator[Report | Quarantined]:
    """Python-record readers: ``jsonl`` and ``text`` (the latter from ``ceasefire.extract``, loaded lazily)."""
    if fmt == "jsonl":
        return read_jsonl(path)
    if fmt == "text":
        try:
            from ceasefire.extract.reader import read_text_reports  # type: ignore[import-not-found,unused-ignore]
        except ImportError as err:
            raise BadInput(str(path), None, "text extraction is unavailable in this installation") from err
        records: Iterator[Report | Quarantined] = read_text_reports(path, lang=lang, published=published)
        return records
    raise BadInput(str(path), None, f"unknown format {fmt!r}")
