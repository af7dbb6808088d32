"""Merging reports into incidents, and grading who is accused of what on whose word.

Public API::

    update_incidents(ws) -> IncidentUpdate   assign new reports; recompute only the incidents they touch
    rebuild_incidents(ws) -> IncidentUpdate  recompute everything (equals any sequence of updates)
    split(ws, incident_id, report_ids)       an analyst's split; persists (table incident_pins)
    merge(ws, incident_ids)                  an analyst's merge; persists
    list_incidents / show_incident           what `ceasefire incidents` prints
    grade_counts(ws) / first_times(counts)   covered findings per agreement, account, accused and grade, and
                                             when the first alleged / corroborated one happened (for `status`)
    add_source / list_sources                the sources registry (bundled sources.yaml + the user's entries)

How reports merge (set operations in DuckDB SQL, see ``_pairs`` and ``_cluster``): blocking joins on day ×
grid cell (or settlement name, or region) give candidate pairs; exact tests keep pairs whose windows overlap,
whose places are within reach of each other (or a region containing the place), whose targets are compatible and
whose weapons do not contradict; precise reports form connected components by label propagation; coarse reports
(region only, unknown target, long window) join the incident they fit clearly best (most compatible reports,
same weapon and accused, overlapping hours) or stay apart. An analyst's split or
merge pins reports, and pins hold across updates. Reports are never changed.

Tables and views for other modules to join (all in the workspace, migration 003_incidents.sql):

- ``incident_members(report_id, incident_id, role)``: the incident of every report with ``is_incident``.
- ``incident_evidence(report_id, incident_id, grade, accused, evidence, sources, source, affiliation, side,
  stance, actor, claimant)``: one row per report in an incident, with the incident's grade and primary accused;
  ``evidence`` is the list of the incident's report ids and ``sources`` who published them. Join findings judged
  per report on ``report_id``.
- ``incident_grades(incident_id, accused, grade, evidence, sources, denied)``: one row per incident. Join findings
  judged per incident on ``incident_id``.
- ``incident_accused(incident_id, accused, grade, by_independent, admitted, denied, evidence, sources,
  is_primary)``: one row per incident and party some report names as the actor, graded for that party. Join on
  ``(incident_id, accused)`` when a finding names its own accused party.
- ``incidents``: the list ``ceasefire incidents`` shows. ``report_sides``: whose word each report is.

Grades, for an incident and an accused party A:

- ``corroborated``: an independent source in its own voice names A as the actor, or A's own side confirms it.
- ``disputed``: otherwise, A's side denies it or names someone else (a counter-accusation).
- ``alleged``: otherwise; only the other side (or unregistered sources) name A.
- ``unattributed``: no report of the incident names an actor.

Whose word a report is (view ``report_sides``): a source registered with a party speaks for that party whatever
it quotes; an outlet that is independent or unregistered, relaying a named claimant, carries the claimant's word;
an independent source with no claimant is independent. Rows of a registered coder feed (ACLED, UCDP) are the
coders' own coding, built from many outlets under a published method: they count as independent, so an ACLED
event naming Russia as the actor corroborates an allegation against Russia. A user who disagrees re-registers the
feed (``ceasefire sources add ACLED --kind coder --party UA --feed acled``, or any party) for their workspace.
"""

from __future__ import annotations

from ceasefire.incidents._registry import SourceEntry, add_source, bundled_sources, list_sources
from ceasefire.incidents._update import IncidentUpdate, merge, rebuild_incidents, split, update_incidents
from ceasefire.incidents._views import GradeCount, first_times, grade_counts, list_incidents, show_incident

__all__ = [
    "GradeCount",
    "IncidentUpdate",
    "SourceEntry",
    "add_source",
    "bundled_sources",
    "first_times",
    "grade_counts",
    "list_incidents",
    "list_sources",
    "merge",
    "rebuild_incidents",
    "show_incident",
    "split",
    "update_incidents",
]
