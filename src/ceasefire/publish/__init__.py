"""Showing findings to people: the self-contained HTML report, and the views, charts and map the web app shares."""

from __future__ import annotations

from ceasefire.publish._charts import demands_svg, tallies_svg, timeline_svg
from ceasefire.publish._env import environment
from ceasefire.publish._map import map_svg, outlines_credit
from ceasefire.publish._queries import Filters, Page
from ceasefire.publish._report import build_report, evidence_anchor, render_report
from ceasefire.publish._view import View, open_view

__all__ = [
    "Filters",
    "Page",
    "View",
    "build_report",
    "demands_svg",
    "environment",
    "evidence_anchor",
    "map_svg",
    "open_view",
    "outlines_credit",
    "render_report",
    "tallies_svg",
    "timeline_svg",
]
