"""The web app: server-rendered pages over a read-only view of the workspace, light JavaScript, no writes.

Routing is a small table of path patterns; each handler gets the view and the parsed query and returns the name of
a template and its context. Anything a report or a source wrote reaches the page only through autoescaped
templates or the escaping SVG builders.
"""

from __future__ import annotations

import importlib
import re
import threading
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any
from urllib.parse import quote, unquote

from ceasefire import __version__
from ceasefire.model.agreement import Agreement
from ceasefire.publish import _queries as q
from ceasefire.publish._charts import agreement_span, demands_svg, tallies_svg, timeline_svg
from ceasefire.publish._env import asset, environment
from ceasefire.publish._map import map_svg, outlines_credit
from ceasefire.publish._view import View
from ceasefire.workspace import Workspace

PER_PAGE = 50
MAX_POINTS = 1500


class NotFound(Exception):
    """The page or the record asked for does not exist."""


@dataclass
class App:
    """What every request shares: the view, the agreements, optional readouts, and fragments computed once."""

    view: View
    agreements: Sequence[Agreement]
    readout_paths: Sequence[Path] = ()
    problems: Sequence[str] = ()
    _fragments: dict[str, Any] = field(default_factory=dict)
    _lock: threading.Lock = field(default_factory=threading.Lock)

    def once(self, key: str, compute: Callable[[], Any]) -> Any:
        """The workspace is read-only while we serve it, so charts and facets are computed once."""
        with self._lock:
            if key in self._fragments:
                return self._fragments[key]
        value = compute()  # outside the lock: fragments may be built from other fragments
        with self._lock:
            return self._fragments.setdefault(key, value)

    def render(self, path: str, query: Mapping[str, Sequence[str]]) -> str:
        for pattern, handler in ROUTES:
            match = pattern.fullmatch(path)
            if match:
                template, context = handler(self, query, *match.groups())
                return self._page(template, path, context)
        raise NotFound(path)

    def _page(self, template: str, path: str, context: dict[str, Any]) -> str:
        base = {
            "here": "/" + path.strip("/").split("/")[0] if path != "/" else "/",
            "version": __version__,
            "workspace": self.view.path.name,
            "problems": self.problems,
            "map_credit": outlines_credit(),
            "incident_href": incident_href,
            "evidence_href": report_href,
        }
        return environment().get_template(template).render({**base, **context})


def incident_href(subject_id: str) -> str:
    return "/incidents/" + quote(str(subject_id), safe="")


def report_href(report_id: str) -> str:
    return "/reports/" + quote(str(report_id), safe="")


def _page_number(query: Mapping[str, Sequence[str]]) -> int:
    try:
        return max(1, int(query.get("page", ["1"])[0]))
    except ValueError:
        return 1


def _filter_context(app: App, f: q.Filters) -> dict[str, Any]:
    return {"filters": f, "facets": app.once("facets", lambda: q.facets(app.view))}


def overview(app: App, query: Mapping[str, Sequence[str]]) -> tuple[str, dict[str, Any]]:
    def sections() -> list[dict[str, Any]]:
        return [{"agreement": agreement,
                 "timeline": _timeline(app, agreement, q.Filters()),
                 "tallies": _tallies(app, agreement)} for agreement in app.agreements]

    return "overview.html", {
        "counts": app.once("counts", lambda: q.counts(app.view)),
        "sections": app.once("sections", sections),
        "account_counts": app.once("account_counts", lambda: q.account_counts(app.view)),
        "findings_href": lambda agreement, account: "/findings?" + q.Filters(
            agreement=agreement, account=account, covered=True).query(),
    }


def findings(app: App, query: Mapping[str, Sequence[str]]) -> tuple[str, dict[str, Any]]:
    f = q.Filters.from_query(query)
    page = q.findings_page(app.view, f, page=_page_number(query), per_page=PER_PAGE)
    return "findings.html", {**_filter_context(app, f), "page": page, "assessed": app.view.has_table("findings")}


def incidents(app: App, query: Mapping[str, Sequence[str]]) -> tuple[str, dict[str, Any]]:
    f = q.Filters.from_query(query)
    page = q.subjects_page(app.view, f, page=_page_number(query), per_page=PER_PAGE)
    return "incidents.html", {**_filter_context(app, f), "page": page}


def incident(app: App, query: Mapping[str, Sequence[str]], subject_id: str) -> tuple[str, dict[str, Any]]:
    record = q.subject(app.view, unquote(subject_id))
    if record is None:
        raise NotFound(subject_id)
    points = [record] if record.get("lat") is not None and record.get("lon") is not None else []
    return "incident.html", {"incident": record, "map": map_svg(points, width=640) if points else None}


def report(app: App, query: Mapping[str, Sequence[str]], report_id: str) -> tuple[str, dict[str, Any]]:
    """A report id leads to the incident it is part of (itself, where findings are judged per report)."""
    wanted = unquote(report_id)
    cur = app.view.cursor()
    row = cur.execute("SELECT subject_id FROM subjects WHERE subject_id = ? AND list_contains(report_ids, ?)",
                      [wanted, wanted]).fetchone()
    if row is None:
        row = cur.execute("SELECT subject_id FROM subjects WHERE list_contains(report_ids, ?) LIMIT 1",
                          [wanted]).fetchone()
    if row is None:
        raise NotFound(report_id)
    return incident(app, query, str(row[0]))


def map_page(app: App, query: Mapping[str, Sequence[str]]) -> tuple[str, dict[str, Any]]:
    f = q.Filters.from_query(query)
    def draw() -> Any:
        points, total = q.map_points(app.view, f, limit=MAX_POINTS)
        return map_svg(points, total=total, link="/incidents/{}")

    return "map.html", {**_filter_context(app, f), "map": app.view.memo(("map", f), draw, large=True)}


def _tallies(app: App, agreement: Agreement) -> Any:
    def compute() -> Any:
        start, end = agreement_span(agreement, margin_days=14)
        return tallies_svg(agreement, q.nightly_tallies(app.view, start, end))

    return app.once(f"tallies {agreement.agreement_id}", compute)


def _timeline(app: App, agreement: Agreement, f: q.Filters) -> Any:
    def draw() -> Any:
        return timeline_svg(agreement, *q.covered_subjects(app.view, agreement.agreement_id, f))

    return app.view.memo(("timeline", agreement.agreement_id, f), draw, large=True)


def timeline(app: App, query: Mapping[str, Sequence[str]]) -> tuple[str, dict[str, Any]]:
    f = q.Filters.from_query(query)
    chosen = [a for a in app.agreements if f.agreement in (None, a.agreement_id)]
    charts = []
    for agreement in chosen:
        charts.append({"agreement": agreement, "timeline": _timeline(app, agreement, f),
                       "tallies": _tallies(app, agreement)})
    return "timeline.html", {**_filter_context(app, f), "charts": charts}


# --- other engineers' packages: used when present, a clear notice when not ---------------------------------------

def _optional(module: str, name: str) -> Callable[..., Any] | None:
    """A function from a package another part of ceasefire provides, or None while it does not exist yet."""
    try:
        found = getattr(importlib.import_module(module), name, None)
    except ImportError:
        return None
    return found if callable(found) else None


def _with_workspace(app: App, call: Callable[[Workspace], Any]) -> Any:
    """Their functions take a Workspace; give them one on a fresh read-only connection to the attached file."""
    cursor = app.view.con.cursor()
    cursor.execute("USE ws")
    try:
        return call(Workspace(path=app.view.path, con=cursor, read_only=True))
    finally:
        cursor.close()


def _json_records(value: Any) -> list[dict[str, Any]]:
    return [item.to_json() if hasattr(item, "to_json") else dict(item) for item in value or ()]


def claims(app: App, query: Mapping[str, Sequence[str]]) -> tuple[str, dict[str, Any]]:
    f = q.Filters.from_query(query)
    list_claims = _optional("ceasefire.claims", "list_claims")
    if list_claims is None or not app.view.has_table("claims"):
        return "claims.html", {"missing": "ceasefire.claims" if list_claims is None else None, "claims": [],
                               "filters": f}
    found = _json_records(_with_workspace(app, lambda ws: list_claims(ws, party=f.party)))
    return "claims.html", {"missing": None, "claims": found, "filters": f}


def demands(app: App, query: Mapping[str, Sequence[str]]) -> tuple[str, dict[str, Any]]:
    f = q.Filters.from_query(query)
    demand_timeline = _optional("ceasefire.demands", "demand_timeline")
    if demand_timeline is None:
        return "demands.html", {"missing": "ceasefire.demands", "demands": [], "chart": None, "filters": f}
    found = _json_records(_with_workspace(app, lambda ws: demand_timeline(ws, party=f.party)))
    return "demands.html", {"missing": None, "demands": found, "chart": demands_svg(found) if found else None,
                            "filters": f}


def readouts(app: App, query: Mapping[str, Sequence[str]]) -> tuple[str, dict[str, Any]]:
    names = [p.name for p in app.readout_paths]
    context: dict[str, Any] = {"names": names, "a": None, "b": None, "comparison": None, "missing": None}
    compare_readouts = _optional("ceasefire.readouts", "compare_readouts")
    load_readout = _optional("ceasefire.readouts", "load_readout")
    if compare_readouts is None or load_readout is None:
        context["missing"] = "ceasefire.readouts"
        return "readouts.html", context
    a, b = (query.get(k, [""])[0] for k in ("a", "b"))
    if a not in names or b not in names:
        a, b = (names[0], names[1]) if len(names) >= 2 else ("", "")
    if a and b:
        by_name = {p.name: p for p in app.readout_paths}

        def compare() -> Any:
            return compare_readouts(load_readout(by_name[a]), load_readout(by_name[b])).to_json()

        context.update(a=a, b=b, comparison=app.view.memo(("readouts", a, b), compare))
    return "readouts.html", context


ROUTES: list[tuple[re.Pattern[str], Callable[..., tuple[str, dict[str, Any]]]]] = [
    (re.compile(r"/"), overview),
    (re.compile(r"/findings"), findings),
    (re.compile(r"/incidents"), incidents),
    (re.compile(r"/incidents/([^/]+)"), incident),
    (re.compile(r"/reports/([^/]+)"), report),
    (re.compile(r"/map"), map_page),
    (re.compile(r"/timeline"), timeline),
    (re.compile(r"/readouts"), readouts),
    (re.compile(r"/claims"), claims),
    (re.compile(r"/demands"), demands),
]

STATIC_TYPES = {".css": "text/css; charset=utf-8", ".js": "text/javascript; charset=utf-8",
                ".txt": "text/plain; charset=utf-8"}


def static_file(name: str) -> tuple[bytes, str] | None:
    """Our own assets: the shared stylesheet, and the app's scripts from web/static."""
    if name == "style.css":
        return asset("style.css").encode("utf-8"), STATIC_TYPES[".css"]
    if not re.fullmatch(r"[a-z0-9_-]+\.(css|js|txt)", name):
        return None
    entry = resources.files("ceasefire.web") / "static" / name
    if not entry.is_file():
        return None
    return entry.read_bytes(), STATIC_TYPES[Path(name).suffix]


def error_page(status: int, message: str) -> str:
    return environment().get_template("error.html").render(
        {"status": status, "message": message, "here": "", "version": __version__, "workspace": "", "problems": (),
         "map_credit": ""}
    )

