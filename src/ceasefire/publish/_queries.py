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


def _subject_key(view: View) -> str:
    return "incident_id" if view.level == "incident" else "report_id"


def _finding_where(view: View, f: Filters, alias: str = "") -> tuple[list[str], list[Any]]:
    p = f"{alias}." if alias else ""
    where = [f"{p}{_subject_key(view)} IS NOT NULL"]
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


def findings_page(view: View, f: Filters, *, page: int = 1, per_page: int = 50) -> Page:
    if not view.has_table("findings"):
        return Page([], 0, 1, per_page)
    where, params = _finding_where(view, f)
    clause = " AND ".join(where)
    cur = view.cursor()
    row = cur.execute(f"SELECT count(*) FROM ws.findings WHERE {clause}", params).fetchone()
    total = int(row[0]) if row else 0
    page = max(1, min(page, max(1, -(-total // per_page))))
    cur.execute(
        f"""SELECT {_subject_key(view)} AS subject_id, agreement, account, account_party, provision, covered, reason,
                   accused, grade, evidence, sources, when_start, target_type, country, admin1
            FROM ws.findings WHERE {clause}
            ORDER BY when_start DESC NULLS LAST, subject_id, agreement, account, provision
            LIMIT ? OFFSET ?""",
        [*params, per_page, (page - 1) * per_page],
    )
    return Page(_records(cur), total, page, per_page)


def _subject_where(view: View, f: Filters) -> tuple[list[str], list[Any]]:
    where: list[str] = []
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
    if view.has_table("findings") and (f.agreement or f.account or f.covered is not None):
        inner, inner_params = _finding_where(view, replace(f, party=None, grade=None, date_from=None, date_to=None),
                                             "x")
        where.append(f"s.subject_id IN (SELECT x.{_subject_key(view)} FROM ws.findings x WHERE {' AND '.join(inner)})")
        params.extend(inner_params)
    elif f.agreement or f.account or f.covered:
        where.append("false")  # nothing has been judged yet, so nothing is covered
    return where or ["true"], params


def subjects_page(view: View, f: Filters, *, page: int = 1, per_page: int = 50) -> Page:
    where, params = _subject_where(view, f)
    clause = " AND ".join(where)
    cur = view.cursor()
    row = cur.execute(f"SELECT count(*) FROM subjects s WHERE {clause}", params).fetchone()
    total = int(row[0]) if row else 0
    page = max(1, min(page, max(1, -(-total // per_page))))
    cur.execute(
        f"""SELECT s.* FROM subjects s WHERE {clause}
            ORDER BY s.when_start DESC NULLS LAST, s.subject_id LIMIT ? OFFSET ?""",
        [*params, per_page, (page - 1) * per_page],
    )
    return Page(_records(cur), total, page, per_page)


def map_points(view: View, f: Filters, *, limit: int = 3000) -> tuple[list[dict[str, Any]], int]:
    """Incidents with coordinates (the most recent ``limit`` of them) and how many match in all."""
    where, params = _subject_where(view, f)
    clause = " AND ".join([*where, "s.lat IS NOT NULL", "s.lon IS NOT NULL"])
    cur = view.cursor()
    row = cur.execute(f"SELECT count(*) FROM subjects s WHERE {clause}", params).fetchone()
    total = int(row[0]) if row else 0
    cur.execute(
        f"""SELECT s.subject_id, s.lat, s.lon, s.accused, s.grade, s.when_start, s.place_name, s.target_type
            FROM subjects s WHERE {clause} ORDER BY s.when_start DESC NULLS LAST, s.subject_id LIMIT ?""",
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
    if view.has_table("incident_members"):  # findings per report: still show the other reports of its incident
        cur.execute(
            """SELECT list(DISTINCT o.report_id ORDER BY o.report_id) FROM ws.incident_members m
               JOIN ws.incident_members o ON o.incident_id = m.incident_id WHERE list_contains(?, m.report_id)""",
            [record["report_ids"]],
        )
        row = cur.fetchone()
        if row and row[0]:
            record["report_ids"] = sorted(set(record["report_ids"]) | set(row[0]))
    cur.execute(
        """SELECT report_id, feed, source, text, published, when_start, when_end, place_name, admin1, country, lat,
                  lon, actor, claimant, target_type, weapon, action, stance, fatalities, source_file, source_line
           FROM ws.reports WHERE list_contains(?, report_id) ORDER BY published NULLS LAST, report_id""",
        [record["report_ids"]],
    )
    record["reports"] = _records(cur)
    record["findings"] = []
    if view.has_table("findings"):
        cur.execute(
            f"""SELECT agreement, account, account_party, provision, covered, reason, grade, evidence
                FROM ws.findings WHERE {_subject_key(view)} = ? ORDER BY agreement, account, provision""",
            [subject_id],
        )
        record["findings"] = _records(cur)
    return record


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


def covered_subjects(view: View, agreement_id: str) -> list[dict[str, Any]]:
    """Incidents covered under at least one account of the agreement, with the accounts that cover them."""
    if not view.has_table("findings"):
        return []
    key = _subject_key(view)
    cur = view.cursor()
    cur.execute(
        f"""SELECT f.{key} AS subject_id, min(f.when_start) AS when_start, any_value(f.accused) AS accused,
                   any_value(f.grade) AS grade, list(DISTINCT f.account ORDER BY f.account) AS accounts
            FROM ws.findings f
            WHERE f.agreement = ? AND f.covered AND f.{key} IS NOT NULL AND f.when_start IS NOT NULL
            GROUP BY 1 ORDER BY 2""",
        [agreement_id],
    )
    return _records(cur)


def account_counts(view: View) -> dict[tuple[str, str], tuple[int, int]]:
    """(agreement, account) → (incidents covered, incidents judged)."""
    if not view.has_table("findings"):
        return {}
    key = _subject_key(view)
    cur = view.cursor()
    cur.execute(
        f"""SELECT agreement, account, count(DISTINCT {key}) FILTER (WHERE covered), count(DISTINCT {key})
            FROM ws.findings WHERE {key} IS NOT NULL GROUP BY 1, 2"""
    )
    return {(str(a), str(b)): (int(c), int(d)) for a, b, c, d in cur.fetchall()}


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
        cur.execute("SELECT DISTINCT agreement FROM ws.findings ORDER BY 1")
        result["agreement"] = [str(r[0]) for r in cur.fetchall()]
        cur.execute("SELECT DISTINCT account FROM ws.findings ORDER BY 1")
        result["account"] = [str(r[0]) for r in cur.fetchall()]
    cur.execute("SELECT DISTINCT accused FROM subjects WHERE accused IS NOT NULL ORDER BY 1")
    result["party"] = [str(r[0]) for r in cur.fetchall()]
    return result


def counts(view: View) -> dict[str, int]:
    cur = view.cursor()
    result: dict[str, int] = {}
    for name, sql in (("reports", "SELECT count(*) FROM ws.reports"), ("incidents", "SELECT count(*) FROM subjects"),
                      ("findings", "SELECT count(*) FROM ws.findings" if view.has_table("findings") else None),
                      ("tallies", "SELECT count(*) FROM ws.tallies" if view.has_table("tallies") else None)):
        if sql is None:
            result[name] = 0
            continue
        row = cur.execute(sql).fetchone()
        result[name] = int(row[0]) if row else 0
    return result
