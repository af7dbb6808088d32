"""ceasefire: monitor ceasefires with evidence.

Agreements as data (one account per party), incident reports from feeds and text,
findings per account. The public API is re-exported here; everything else is private.
"""

from __future__ import annotations

from ceasefire.errors import BadInput, CeasefireError, WorkspaceError
from ceasefire.model.report import Place, Quarantined, Report, Target

__version__ = "0.1.0"

__all__ = [
    "BadInput",
    "CeasefireError",
    "Place",
    "Quarantined",
    "Report",
    "Target",
    "WorkspaceError",
    "__version__",
]
