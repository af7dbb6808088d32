"""The self-contained HTML report: one file, styles, script and map inlined, no request leaves it."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from markupsafe import Markup

from ceasefire import __version__
from ceasefire.model.agreement import Agreement
from ceasefire.publish import _queries as q
from ceasefire.publish._charts import agreement_span, tallies_svg, timeline_svg
from ceasefire.publish._env import asset, environment
from ceasefire.publish._map import map_svg, outlines_credit
from ceasefire.publish._view import View, open_view

MAX_FINDINGS = 2000
MAX_POINTS = 3000


def evidence_anchor(report_id: str) -> str:
    """An element id for a report that is safe whatever characters the report id holds."""
    return "report-" + report_id.encode("utf-8").hex()


def render_report(view: View, agreements: Sequence[Agreement], *, title: str = "Ceasefire monitoring report",
                  problems: Sequence[str] = ()) -> str:
    sections = []
    for agreement in sorted(agreements, key=lambda a: (a.announced, a.agreement_id)):
        start, end = agreement_span(agreement, margin_days=14)
        sections.append({
            "agreement": agreement,
            "timeline": timeline_svg(agreement, *q.covered_subjects(view, agreement.agreement_id)),
            "tallies": tallies_svg(agreement, q.nightly_tallies(view, start, end)),
        })
    points, total_points = q.map_points(view, q.Filters(), limit=MAX_POINTS)
    page = q.findings_page(view, q.Filters(covered=True), per_page=MAX_FINDINGS)
    cited = sorted({r for f in page.rows for r in (f["evidence"] or [])})
    context: dict[str, Any] = {
        "title": title,
        "generated": datetime.now(UTC).strftime("%d %b %Y %H:%M UTC"),
        "workspace": view.path.name,
        "counts": q.counts(view),
        "problems": list(problems),
        "agreements": sections,
        "account_counts": q.account_counts(view),
        "map": map_svg(points, total=total_points),
        "map_credit": outlines_credit(),
        "findings": page.rows,
        "findings_total": page.total,
        "reports": q.reports_by_id(view, cited),
        "evidence_href": lambda report_id: "#" + evidence_anchor(report_id),
        "evidence_anchor": evidence_anchor,
        "css": Markup(asset("style.css")),
        "script": Markup(asset("report.js")),
        "version": __version__,
    }
    return environment().get_template("report.html").render(context)


def build_report(workspace: Path | str, out: Path | str, agreements: Sequence[Agreement], *,
                 title: str = "Ceasefire monitoring report", problems: Sequence[str] = ()) -> Path:
    """Write the report for the workspace at ``workspace`` to ``out`` (written whole, then moved into place)."""
    out = Path(out)
    with open_view(workspace) as view:
        html = render_report(view, agreements, title=title, problems=problems)
    partial = out.with_name(out.name + ".part")
    partial.write_text(html, encoding="utf-8")
    partial.replace(out)
    return out
