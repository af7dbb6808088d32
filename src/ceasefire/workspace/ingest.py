"""Ingest: read a feed file into the workspace, all of one file in one transaction.

CSV feeds are staged and mapped inside DuckDB (see ``ceasefire.sources``); Python-record feeds (JSON Lines, text)
go through :func:`store_reports`. Both end in the same insert: rows whose id is already stored are counted as
present and skipped (an anti-join), so re-ingesting a file adds nothing. Rows that cannot be read go to the
``quarantine`` table with file, line and reason. An exception or a killed process leaves the workspace as it was.
"""

from __future__ import annotations

import hashlib
import threading
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import duckdb
import pyarrow as pa

from ceasefire.errors import BadInput, CeasefireError
from ceasefire.model.report import Quarantined, Report
from ceasefire.sources import FORMATS, detect_format, prepare_csv, read_records
from ceasefire.sources._csv import QUARANTINE, ROWS, STAGE, TODO, columns_of, define_todo, drop_staging, not_quarantined
from ceasefire.sources._data import drop_country_tables
from ceasefire.sources._feed import REPORT_COLUMNS, TALLY_COLUMNS, Prepared
from ceasefire.workspace._store import Workspace

__all__ = ["IngestResult", "ingest_file", "ingest_files", "store_reports"]

PROGRESS_MIN_BYTES = 4 << 20
_PY_REPORTS = "_cf_py_reports"


@dataclass(frozen=True)
class IngestResult:
    """What one ingest did: records read, added, already present (including repeats within the file), quarantined."""

    file: str
    format: str
    read: int
    added: int
    present: int
    quarantined: int

    def to_json(self) -> dict[str, Any]:
        return {"file": self.file, "format": self.format, "read": self.read, "added": self.added,
                "present": self.present, "quarantined": self.quarantined}


def ingest_files(ws: Workspace, paths: Sequence[Path], *, format: str = "auto", progress: bool = False,
                 **reader_options: Any) -> list[IngestResult]:
    """Ingest each file in its own transaction; stops at the first file that is bad as a whole (BadInput)."""
    return [ingest_file(ws, Path(p), format=format, progress=progress, **reader_options) for p in paths]


def ingest_file(ws: Workspace, path: Path, *, format: str = "auto", progress: bool = False,
                **reader_options: Any) -> IngestResult:
    """Ingest one file. ``format`` is ``auto`` or one of ``ceasefire.sources.FORMATS``.

    ``reader_options`` go to Python-record readers (``lang``, ``published`` for text). ``progress`` shows a bar on
    stderr for files of 4 MB or more. Raises BadInput (and stores nothing) when the file as a whole is unreadable.
    """
    path = Path(path)
    file = str(path)
    if not path.is_file():
        raise BadInput(file, None, "no such file")
    fmt = detect_format(path) if format == "auto" else format
    if fmt not in FORMATS:
        raise BadInput(file, None, f"unknown format {fmt!r} (known: {', '.join(FORMATS)})")
    digest = _Sha256(path)
    digest.start()
    # Our own bar (below) reports progress; DuckDB must track it but not print its own.
    ws.con.execute("SET enable_progress_bar = true")
    ws.con.execute("SET enable_progress_bar_print = false")
    show = progress and path.stat().st_size >= PROGRESS_MIN_BYTES
    try:
        with _progress_bar(ws.con, path, show):
            # A CSV is staged and mapped into temp tables before the transaction opens: they are not part of the
            # workspace file, so this changes nothing stored, and DuckDB scans committed tables in parallel where
            # it scans a transaction's own new tables on one thread.
            try:
                prepared = prepare_csv(ws.con, path, fmt)
            except duckdb.Error as err:
                raise BadInput(file, None, f"cannot ingest: {_first_line(err)}") from err
            with ws.transaction() as con:
                try:
                    if prepared is not None:
                        result = _store(con, prepared, file=file, fmt=fmt, sha256=digest.result())
                    else:
                        result = _store_records(con, read_records(path, fmt, **reader_options), file=file,
                                                fmt=fmt, sha256=digest.result())
                except duckdb.Error as err:
                    raise BadInput(file, None, f"cannot ingest: {_first_line(err)}") from err
    finally:
        digest.join()
        drop_staging(ws.con)
        drop_country_tables(ws.con)
    return result


def store_reports(ws: Workspace, reports: Iterable[Report | Quarantined], *, file: str, format: str) -> IngestResult:
    """Store Python records (reports and quarantined rows) in one transaction, skipping report ids already stored."""
    with ws.transaction() as con:
        try:
            result = _store_records(con, reports, file=file, fmt=format, sha256=None)
        except duckdb.Error as err:
            raise BadInput(file, None, f"cannot store reports: {_first_line(err)}") from err
    return result


def _store_records(con: duckdb.DuckDBPyConnection, records: Iterable[Report | Quarantined], *, file: str,
                   fmt: str, sha256: str | None) -> IngestResult:
    drop_staging(con)
    con.execute(f"CREATE TEMP TABLE {QUARANTINE} (line BIGINT, reason VARCHAR, raw VARCHAR)")
    columns: dict[str, list[Any]] = {name: [] for name in REPORT_COLUMNS}
    quarantined: list[tuple[int | None, str, str]] = []
    read = 0
    for record in records:
        read += 1
        if isinstance(record, Quarantined):
            quarantined.append((record.line, record.reason, record.raw))
        else:
            _append_report(columns, record, file)
    if quarantined:
        con.executemany(f"INSERT INTO {QUARANTINE} VALUES (?, ?, ?)", [list(q) for q in quarantined])
    table = pa.table({name: pa.array(values, type=_ARROW_TYPES[name]) for name, values in columns.items()})
    con.register(_PY_REPORTS, table)
    try:
        prepared = Prepared(read=read, table="reports", rows_sql=f"SELECT * FROM {_PY_REPORTS}")
        return _store(con, prepared, file=file, fmt=fmt, sha256=sha256)
    finally:
        con.unregister(_PY_REPORTS)
        drop_staging(con)


def _append_report(columns: dict[str, list[Any]], report: Report, file: str) -> None:
    place = report.place
    values: dict[str, Any] = {
        "report_id": report.report_id, "feed": report.feed, "source": report.source, "text": report.text,
        "published": report.published, "when_start": report.when_start, "when_end": report.when_end,
        "place_name": place.name if place else None, "admin1": place.admin1 if place else None,
        "country": place.country if place else None, "lat": place.lat if place else None,
        "lon": place.lon if place else None, "actor": report.actor, "claimant": report.claimant,
        "target_type": report.target.type, "target_category": report.target.category, "weapon": report.weapon,
        "action": report.action, "stance": report.stance, "is_incident": report.is_incident,
        "fatalities": report.fatalities, "source_file": report.source_file or file,
        "source_line": report.source_line,
        "raw": _dumps(report.raw) if report.raw is not None else report.dumps(),
    }
    for name in REPORT_COLUMNS:
        columns[name].append(values[name])


def _dumps(value: Any) -> str:
    import json

    return json.dumps(value, ensure_ascii=False, default=str)


_ARROW_TYPES: dict[str, pa.DataType] = {
    name: pa.string() for name in REPORT_COLUMNS
} | {
    "published": pa.timestamp("us"), "when_start": pa.timestamp("us"), "when_end": pa.timestamp("us"),
    "lat": pa.float64(), "lon": pa.float64(), "is_incident": pa.bool_(), "fatalities": pa.int32(),
    "source_line": pa.int64(),
}


def _store(con: duckdb.DuckDBPyConnection, prepared: Prepared, *, file: str, fmt: str,
           sha256: str | None) -> IngestResult:
    ingest_id = _fetch_int(con, "SELECT nextval('ingest_seq')")
    columns = REPORT_COLUMNS if prepared.table == "reports" else TALLY_COLUMNS
    key = prepared.id_column
    names = ", ".join(columns)
    mapped = f"({prepared.rows_sql}) AS n({names})"
    if prepared.key_sql is not None:
        # Anti-join on the staged rows, before any mapping: rows already stored cost almost nothing.
        define_todo(con, prepared.key_sql, prepared.table, key)
        # Distinct hashes prove distinct ids; a hash collision only costs the grouping below.
        repeats = _fetch_int(con, f"SELECT count(*) - count(DISTINCT hash(_cf_key)) FROM {TODO}")
        not_stored = ""
    else:
        repeats = _fetch_int(con, f"SELECT count(*) - count(DISTINCT {key}) FROM {mapped}")
        not_stored = f"WHERE NOT EXISTS (SELECT 1 FROM {prepared.table} t WHERE t.{key} = n.{key})"
    # Rows repeated within the file: the first (lowest line) wins; the others count as present. Keeping the first
    # costs a grouping of whole rows, so it is done only when the file has repeats (cheap to find out).
    first_only = f"QUALIFY row_number() OVER (PARTITION BY n.{key} ORDER BY n.source_line) = 1" if repeats else ""
    quarantined = _fetch_int(con, f"SELECT count(*) FROM {QUARANTINE}")
    # The order rows are stored in means nothing (readers order by what they need): let DuckDB write in parallel.
    con.execute("SET preserve_insertion_order = false")
    try:
        added = _fetch_int(
            con,
            f"INSERT INTO {prepared.table} ({names}, ingest_id) "
            f"SELECT {names}, {ingest_id} FROM {mapped} {not_stored} {first_only}",
        )
        if prepared.keeps_raw:
            _store_raw_rows(con, prepared, ingest_id, fmt, every_row=added == prepared.read - quarantined)
    finally:
        con.execute("RESET preserve_insertion_order")
    con.execute(
        f"INSERT INTO quarantine (ingest_id, file, line, reason, raw) "
        f"SELECT {ingest_id}, ?, q.line, q.reason, q.raw FROM {QUARANTINE} q "
        f"WHERE NOT EXISTS (SELECT 1 FROM quarantine o WHERE o.file = ? AND o.line IS NOT DISTINCT FROM q.line "
        f"AND o.reason = q.reason AND o.raw IS NOT DISTINCT FROM q.raw)",
        [file, file],
    )
    present = prepared.read - added - quarantined
    result = IngestResult(file=file, format=fmt, read=prepared.read, added=added, present=present,
                          quarantined=quarantined)
    con.execute(
        "INSERT INTO ingests VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [ingest_id, file, sha256 or "", fmt, datetime.now(UTC).replace(tzinfo=None), result.read,
         result.added, result.present, result.quarantined],
    )
    return result


def _store_raw_rows(con: duckdb.DuckDBPyConnection, prepared: Prepared, ingest_id: int, feed: str, *,
                    every_row: bool) -> None:
    """Keep the staged CSV fields of the rows just stored in ``raw_rows``, one text per row, and record the file's
    header, the fields kept and their encoding in ``raw_headers`` (the views ``report_raw`` / ``tally_raw`` rebuild
    each row from both; see migration 007).

    ``every_row`` says every staged row that is not quarantined was stored, so no join with the stored rows is
    needed to pick them."""
    keys = columns_of(con, STAGE)
    stored = [name for name in keys if name not in prepared.raw_rebuilt]
    columns = [f"s.{_ident(name)}" for name in stored]
    # The unit separator joins the values unless one of them contains it, or the mark of a NULL field.
    clash = " OR ".join(f"contains({c}, chr(31)) OR contains({c}, chr(30))" for c in columns)
    if _fetch_int(con, f"SELECT count(*) FROM (SELECT 1 FROM {STAGE} s WHERE {clash} LIMIT 1)"):
        encoding, fields = "json", f"to_json([{', '.join(columns)}])::VARCHAR"
    else:
        encoding = "us"
        fields = f"concat_ws(chr(31), {', '.join(f'coalesce({c}, chr(30))' for c in columns)})"
    con.execute("INSERT INTO raw_headers (ingest_id, feed, keys, stored, encoding) VALUES (?, ?, ?, ?, ?)",
                [ingest_id, feed, keys, stored, encoding])
    if every_row:
        where = not_quarantined(con, "s")
    else:
        where = (f"WHERE s._cf_line IN (SELECT source_line FROM {prepared.table} "
                 f"WHERE ingest_id = {int(ingest_id)})")
    con.execute(f"INSERT INTO raw_rows (_cf_ingest_id, _cf_line, fields) "
                f"SELECT {int(ingest_id)}, s._cf_line, {fields} FROM {ROWS} s {where}")


def _ident(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def _fetch_int(con: duckdb.DuckDBPyConnection, sql: str, params: list[Any] | None = None) -> int:
    row = con.execute(sql, params or []).fetchone()
    return int(row[0]) if row and row[0] is not None else 0


def _first_line(err: BaseException) -> str:
    text = str(err).strip()
    return text.splitlines()[0] if text else type(err).__name__


class _Sha256(threading.Thread):
    """Hashes the file beside the ingest (hashlib releases the GIL), so the digest costs no wall time."""

    def __init__(self, path: Path) -> None:
        super().__init__(daemon=True)
        self.path = path
        self.digest = ""
        self.error: OSError | None = None

    def run(self) -> None:
        h = hashlib.sha256()
        try:
            with self.path.open("rb") as handle:
                while chunk := handle.read(1 << 20):
                    h.update(chunk)
        except OSError as err:
            self.error = err
            return
        self.digest = h.hexdigest()

    def result(self) -> str:
        self.join()
        if self.error is not None:
            raise BadInput(str(self.path), None, f"cannot read: {self.error.strerror or self.error}")
        return self.digest


@contextmanager
def _progress_bar(con: duckdb.DuckDBPyConnection, path: Path, show: bool) -> Iterator[None]:
    """A tqdm bar on stderr fed by DuckDB's progress of the running query (polled from a thread)."""
    if not show:
        yield
        return
    from tqdm import tqdm

    stop = threading.Event()
    bar = tqdm(total=100, desc=path.name, unit="%", leave=False, bar_format="{desc}: {percentage:3.0f}%|{bar}|")

    def poll() -> None:
        shown = 0.0
        while not stop.wait(0.2):
            try:
                value = float(con.query_progress())
            except (duckdb.Error, RuntimeError, CeasefireError):
                continue
            if value > shown:
                bar.update(value - shown)
                shown = value

    thread = threading.Thread(target=poll, daemon=True)
    thread.start()
    try:
        yield
    finally:
        stop.set()
        thread.join()
        bar.close()
