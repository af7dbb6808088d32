"""What a CSV reader hands to the workspace: how many records it read and a query of the mapped rows."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

REPORT_COLUMNS: tuple[str, ...] = (
    "report_id", "feed", "source", "text", "published", "when_start", "when_end", "place_name", "admin1", "country",
    "lat", "lon", "actor", "claimant", "target_type", "target_category", "weapon", "action", "stance", "is_incident",
    "fatalities", "source_file", "source_line", "raw",
)
TALLY_COLUMNS: tuple[str, ...] = (
    "tally_id", "feed", "time_start", "time_end", "model", "weapon", "launched", "destroyed", "not_reached",
    "source_file", "source_line", "raw",
)


@dataclass(frozen=True)
class Prepared:
    """A file staged in DuckDB. ``rows_sql`` selects the mapped rows (the columns of ``table`` in the order of
    REPORT_COLUMNS or TALLY_COLUMNS); rows it could not map are already in the temp table ``_cf_new_quarantine``.

    With ``key_sql``, ``rows_sql`` reads the view ``_cf_todo``, which the workspace defines as the staged rows whose
    id is not stored yet, so rows already present are never mapped."""

    read: int
    table: Literal["reports", "tallies"]
    rows_sql: str
    key_sql: str | None = None  # the id as an SQL expression on the staged CSV columns; see _cf_todo
    # CSV feeds: the raw rows are kept in the workspace's ``raw_rows`` table (``rows_sql`` then gives a NULL
    # ``raw``), except the CSV columns not stored there because the views rebuild them from the mapped row.
    keeps_raw: bool = False
    raw_rebuilt: tuple[str, ...] = ()

    @property
    def id_column(self) -> str:
        return "report_id" if self.table == "reports" else "tally_id"
