"""What the pages and the report show, read from a :class:`View` with parameters, never with string-built values.

Every function answers with an empty result when the table it needs is not in the workspace yet.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, fields, replace
from datetime import date, datetime, timedelta
from typing import Any
from urllib.parse import urlencode

from ceasefire.publish._view import View

GRADES = ("corroborated", "disputed", "alleged", "unattributed")


@dataclass(frozen=True, slots=True)
class Filters:
    """What a person narrowed the pages to. Unknown or malformed values are dropped, not errors."""

    agreement: str | None = None
    account: str | None = None
    party: str | None = None
    grade: str | None = None
    date_from: date | None = None
    date_to: date | None = None  # inclusive
    covered: bool | None = None

    @classmethod
    def from_query(cls, query: Mapping[str, Sequence[str]]) -> Filters:
        def text(name: str) -> str | None:
            values = [v.strip() for v in query.get(name, ()) if v.strip()]
            return values[0][:200] if values else None

        def day(name: str) -> date | None:
            value = text(name)
            try:
                return date.fromisoformat(value) if value else None
            except ValueError:
                return None

        covered_text = text("covered")
        covered = {"yes": True, "no": False}.get(covered_text or "")
        grade = text("grade")
        return cls(
            agreement=text("agreement"), account=text("account"), party=text("party"),
            grade=grade if grade in GRADES else None, date_from=day("from"), date_to=day("to"), covered=covered,
        )

    def query(self, **changes: Any) -> str:
        """This filter as a URL query string, with ``changes`` applied (e.g. ``page=2``)."""
        pairs: dict[str, str] = {}
        names = {"date_from": "from", "date_to": "to"}
        for f in fields(self):
            value = getattr(self, f.name)
            if value is None:
                continue
            if isinstance(value, bool):
                value = "yes" if value else "no"
            pairs[names.get(f.name, f.name)] = str(value)
        for key, value in changes.items():
            if value is None:
                pairs.pop(key, None)
            else:
                pairs[key] = str(value)
        return urlencode(pairs)

    def without(self, name: str) -> Filters:
        return replace(self, **{name: None})

    def is_empty(self) -> bool:
        return all(getattr(self, f.name) is None for f in fields(self))


@dataclass(frozen=True, slots=True)
class Page:
    rows: list[dict[str, Any]]
    total: int
    page: int
    per_page: int

    @property
    def pages(self) -> int:
        return max(1, -(-self.total // self.per_page))

    @property
    def first(self) -> int:
        return (self.page - 1) * self.per_page + 1 if self.total else 0

    @property
    def last(self) -> int:
        return min(self.total, self.page * self.per_page)


def _records(cursor: Any) -> list[dict[str, Any]]:
    names = [d[0] for d in cursor.description]
    return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]


def _count(view: View, name: str, f: Filters, sql: str, params: list[Any]) -> int:
    def compute() -> int:
        row = view.cursor().execute(sql, params).fetchone()
        return int(row[0]) if row else 0

    return view.memo((name, f), compute)


def _finding_where(f: Filters, alias: str = "") -> tuple[list[str], list[Any]]:
    p = f"{alias}." if alias else ""
    where = ["true"]
    params: list[Any] = []
    for column, value in (("agreement", f.agreement), ("account", f.account), ("accused", f.party),
                          ("grade", f.grade), ("covered", f.covered)):
        if value is not None:
            where.append(f"{p}{column} = ?")
            params.append(value)
    if f.date_from is not None:
        where.append(f"{p}when_start >= ?")
        params.append(datetime.combine(f.date_from, datetime.min.time()))
    if f.date_to is not None:
        where.append(f"{p}when_start < ?")
        params.append(datetime.combine(f.date_to + timedelta(days=1), datetime.min.time()))
    return where, params


def _clamp(page: int, total: int, per_page: int) -> int:
    return max(1, min(page, max(1, -(-total // per_page))))


def findings_page(view: View, f: Filters, *, page: int = 1, per_page: int = 50) -> Page:
    """Findings newest first. ``finding_rows`` is stored in that order, so this is a scan that stops early."""
    if not view.has_table("findings"):
        return Page([], 0, 1, per_page)
    where, params = _finding_where(f)
    clause = " AND ".join(where)
    total = _count(view, "findings", f, f"SELECT count(*) FROM finding_rows WHERE {clause}", params)
    page = _clamp(page, total, per_page)
    cur = view.cursor()
    cur.execute(
        f"""SELECT subject_id, agreement::VARCHAR AS agreement, account::VARCHAR AS account,
                   provision::VARCHAR AS provision, covered, reason, accused::VARCHAR AS accused,
                   grade::VARCHAR AS grade, when_start
            FROM finding_rows WHERE {clause} LIMIT ? OFFSET ?""",
        [*params, per_page, (page - 1) * per_page],
    )
    rows = _records(cur)
    evidence = _evidence(view, rows)
    for row in rows:
        row["evidence"], row["sources"] = evidence.get(row["subject_id"], ([], []))
    return Page(rows, total, page, per_page)


def _evidence(view: View, rows: list[dict[str, Any]]) -> dict[str, tuple[list[str], list[str]]]:
    """A finding rests on its incident's reports: their ids and who published them.

    Both tables are stored in time order, so bounding the time lets DuckDB skip all but a few row groups.
    """
    if not rows:
        return {}
    times = [r["when_start"] for r in rows if r["when_start"] is not None]
    window = ["false"]
    params: list[Any] = []
    if times:
        window.append("when_start BETWEEN ? AND ?")
        params += [min(times), max(times)]
    if len(times) < len(rows):
        window.append("when_start IS NULL")
    cur = view.cursor()
    cur.execute(
        f"""SELECT subject_id, report_ids, sources FROM subjects
            WHERE ({' OR '.join(window)}) AND list_contains(?, subject_id)""",
        [*params, sorted({r["subject_id"] for r in rows})],
    )
    return {str(a): (list(b or []), list(c or [])) for a, b, c in cur.fetchall()}


def _subject_where(view: View, f: Filters) -> tuple[list[str], list[Any], bool]:
    """The WHERE for subjects, its parameters, and whether it joins findings (then rows need an ORDER BY)."""
    where: list[str] = ["true"]
    params: list[Any] = []
    if f.party is not None:
        where.append("s.accused = ?")
        params.append(f.party)
    if f.grade is not None:
        where.append("s.grade = ?")
        params.append(f.grade)
    if f.date_from is not None:
        where.append("s.when_start >= ?")
        params.append(datetime.combine(f.date_from, datetime.min.time()))
    if f.date_to is not None:
        where.append("s.when_start < ?")
        params.append(datetime.combine(f.date_to + timedelta(days=1), datetime.min.time()))
    joined = False
    if view.has_table("findings") and (f.agreement or f.account or f.covered is not None):
        inner, inner_params = _finding_where(replace(f, party=None, grade=None, date_from=None, date_to=None), "x")
        where.append(f"s.subject_id IN (SELECT x.subject_id FROM finding_rows x WHERE {' AND '.join(inner)})")
        params.extend(inner_params)
        joined = True
    elif f.agreement or f.account or f.covered:
        where.append("false")  # nothing has been judged yet, so nothing is covered
    return where, params, joined


_NEWEST_FIRST = " ORDER BY s.when_start DESC NULLS LAST, s.subject_id"


def subjects_page(view: View, f: Filters, *, page: int = 1, per_page: int = 50) -> Page:
    where, params, joined = _subject_where(view, f)
    clause = " AND ".join(where)
    total = _count(view, "subjects", f, f"SELECT count(*) FROM subjects s WHERE {clause}", params)
    page = _clamp(page, total, per_page)
    cur = view.cursor()
    cur.execute(
        f"SELECT s.* FROM subjects s WHERE {clause}{_NEWEST_FIRST if joined else ''} LIMIT ? OFFSET ?",
        [*params, per_page, (page - 1) * per_page],
    )
    return Page(_records(cur), total, page, per_page)


def map_points(view: View, f: Filters, *, limit: int = 3000) -> tuple[list[dict[str, Any]], int]:
    """Incidents with coordinates (the most recent ``limit`` of them) and how many match in all."""
    where, params, joined = _subject_where(view, f)
    clause = " AND ".join([*where, "s.lat IS NOT NULL", "s.lon IS NOT NULL"])
    total = _count(view, "points", f, f"SELECT count(*) FROM subjects s WHERE {clause}", params)
    cur = view.cursor()
    cur.execute(
        f"""SELECT s.subject_id, s.lat, s.lon, s.accused, s.grade, s.when_start, s.place_name, s.target_type
            FROM subjects s WHERE {clause}{_NEWEST_FIRST if joined else ''} LIMIT ?""",
        [*params, limit],
    )
    return _records(cur), total


def subject(view: View, subject_id: str) -> dict[str, Any] | None:
    """One incident with all its reports (every column) and its findings."""
    cur = view.cursor()
    cur.execute("SELECT * FROM subjects WHERE subject_id = ?", [subject_id])
    found = _records(cur)
    if not found:
        return None
    record = found[0]
    if _has_rows(view, "incident_members"):  # findings per report: still show the other reports of its incident
        cur.execute(
            """SELECT list(DISTINCT o.report_id ORDER BY o.report_id) FROM ws.incident_members m
               JOIN ws.incident_members o ON o.incident_id = m.incident_id WHERE list_contains(?, m.report_id)""",
            [record["report_ids"]],
        )
        row = cur.fetchone()
        if row and row[0]:
            record["report_ids"] = sorted(set(record["report_ids"]) | set(row[0]))
    rows = list(record["report_rows"])
    if len(record["report_ids"]) > len(rows):
        cur.execute("SELECT list(rowid) FROM ws.reports WHERE list_contains(?, report_id)", [record["report_ids"]])
        merged = cur.fetchone()
        rows = list(merged[0]) if merged and merged[0] else rows
    # rowid ranges let DuckDB read only the row groups that hold these reports
    cur.execute(
        """SELECT report_id, feed, source, text, published, when_start, when_end, place_name, admin1, country, lat,
                  lon, actor, claimant, target_type, weapon, action, stance, fatalities, source_file, source_line
           FROM ws.reports WHERE rowid BETWEEN ? AND ? AND list_contains(?, rowid)
           ORDER BY published NULLS LAST, report_id""",
        [min(rows), max(rows), rows],
    )
    record["reports"] = _records(cur)
    record["findings"] = []
    if view.has_table("findings"):
        # finding_rows is in time order: bounding the time lets DuckDB read one row group, not all of them
        when = "when_start IS NULL" if record["when_start"] is None else "when_start = ?"
        cur.execute(
            f"""SELECT agreement::VARCHAR AS agreement, account::VARCHAR AS account, provision::VARCHAR AS provision,
                       covered, reason, grade::VARCHAR AS grade
                FROM finding_rows WHERE {when} AND subject_id = ? ORDER BY 1, 2, 3""",
            [*([] if record["when_start"] is None else [record["when_start"]]), subject_id],
        )
        record["findings"] = _records(cur)
        if not record["findings"]:  # judged per incident with another idea of its time: look without the bound
            cur.execute(
                """SELECT agreement::VARCHAR AS agreement, account::VARCHAR AS account, provision::VARCHAR AS provision,
                          covered, reason, grade::VARCHAR AS grade
                   FROM finding_rows WHERE subject_id = ? ORDER BY 1, 2, 3""",
                [subject_id],
            )
            record["findings"] = _records(cur)
    return record


def _has_rows(view: View, table: str) -> bool:
    def compute() -> bool:
        return view.cursor().execute(f"SELECT EXISTS (SELECT 1 FROM ws.{table})").fetchone() == (True,)

    return view.has_table(table) and view.memo(("has rows", table), compute)


def reports_by_id(view: View, report_ids: Sequence[str]) -> list[dict[str, Any]]:
    if not report_ids:
        return []
    cur = view.cursor()
    cur.execute(
        """SELECT report_id, feed, source, text, published, when_start, place_name, admin1, country, actor, claimant,
                  target_type, weapon, stance
           FROM ws.reports WHERE list_contains(?, report_id) ORDER BY report_id""",
        [list(report_ids)],
    )
    return _records(cur)


def covered_subjects(view: View, agreement_id: str, f: Filters | None = None, *,
                     limit: int = 2000) -> tuple[list[dict[str, Any]] | None, list[dict[str, Any]]]:
    """Incidents covered under at least one account of the agreement.

    Gives ``(incidents, [])`` with one row per incident (and the accounts covering it) when there are at most
    ``limit``; otherwise ``(None, days)`` with a row per accused party, day and grade, and how many incidents.
    """
    if not view.has_table("findings"):
        return [], []
    f = replace(f or Filters(), agreement=agreement_id, covered=True)

    def compute() -> tuple[list[dict[str, Any]] | None, list[dict[str, Any]]]:
        where, params = _finding_where(f)
        clause = " AND ".join([*where, "when_start IS NOT NULL"])
        cur = view.cursor()
        row = cur.execute(f"SELECT count(DISTINCT subject_id) FROM finding_rows WHERE {clause}", params).fetchone()
        if row and row[0] > limit:
            cur.execute(
                f"""SELECT accused, day, grade, count(*) AS n FROM (
                        SELECT subject_id, any_value(accused) AS accused, CAST(min(when_start) AS DATE) AS day,
                               any_value(grade) AS grade
                        FROM finding_rows WHERE {clause} GROUP BY subject_id)
                    GROUP BY ALL ORDER BY day""",
                params,
            )
            return None, _records(cur)
        cur.execute(
            f"""SELECT subject_id, min(when_start) AS when_start, any_value(accused) AS accused,
                       any_value(grade) AS grade, list(DISTINCT account ORDER BY account) AS accounts
                FROM finding_rows WHERE {clause} GROUP BY 1 ORDER BY 2""",
            params,
        )
        return _records(cur), []

    return view.memo(("covered", f, limit), compute)


def account_counts(view: View) -> dict[tuple[str, str], tuple[int, int]]:
    """(agreement, account) → (incidents covered, incidents judged)."""
    if not view.has_table("findings"):
        return {}

    def compute() -> dict[tuple[str, str], tuple[int, int]]:
        cur = view.cursor()
        cur.execute(
            """SELECT agreement, account, count(DISTINCT subject_id) FILTER (WHERE covered), count(DISTINCT subject_id)
               FROM finding_rows GROUP BY 1, 2"""
        )
        return {(str(a), str(b)): (int(c), int(d)) for a, b, c, d in cur.fetchall()}

    return view.memo("account_counts", compute)


def nightly_tallies(view: View, start: datetime, end: datetime) -> list[dict[str, Any]]:
    """Launches per night and weapon class, for nights starting in [start, end)."""
    if not view.has_table("tallies"):
        return []
    cur = view.cursor()
    cur.execute(
        """SELECT CAST(time_start AS DATE) AS night, weapon, sum(coalesce(launched, 0)) AS launched,
                  sum(coalesce(destroyed, 0)) AS destroyed
           FROM ws.tallies WHERE time_start >= ? AND time_start < ? GROUP BY 1, 2 ORDER BY 1, 2""",
        [start, end],
    )
    return _records(cur)


def facets(view: View) -> dict[str, list[str]]:
    """The values each filter can take in this workspace."""
    cur = view.cursor()
    result: dict[str, list[str]] = {"agreement": [], "account": [], "party": [], "grade": list(GRADES)}
    if view.has_table("findings"):
        cur.execute("SELECT DISTINCT agreement FROM finding_rows ORDER BY 1")
        result["agreement"] = [str(r[0]) for r in cur.fetchall()]
        cur.execute("SELECT DISTINCT account FROM finding_rows ORDER BY 1")
        result["account"] = [str(r[0]) for r in cur.fetchall()]
    cur.execute("SELECT DISTINCT accused FROM subjects WHERE accused IS NOT NULL ORDER BY 1")
    result["party"] = [str(r[0]) for r in cur.fetchall()]
    return result


def counts(view: View) -> dict[str, int]:
    cur = view.cursor()
    result: dict[str, int] = {}
    for name, sql in (("reports", "SELECT count(*) FROM ws.reports"), ("incidents", "SELECT count(*) FROM subjects"),
                      ("findings", "SELECT count(*) FROM finding_rows" if view.has_table("findings") else None),
                      ("tallies", "SELECT count(*) FROM ws.tallies" if view.has_table("tallies") else None)):
        if sql is None:
            result[name] = 0
            continue
        row = cur.execute(sql).fetchone()
        result[name] = int(row[0]) if row else 0
    return result
