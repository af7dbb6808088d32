"""Readouts: each party's published account of a call or meeting, compared side by side and drafted as YAML.

    load_readout(path) -> Readout            the file format is described in ``_readout.py`` and docs/cli/readouts.md
    compare_readouts(a, b) -> Comparison     shared / only_a / only_b / differences, ``.to_json()``
    comparison_html(comparison) -> str       the two side by side, differences marked
    draft_account(readout) -> str            a draft agreement YAML for an analyst to review
"""

from __future__ import annotations

from ceasefire.readouts._compare import Comparison, Difference, Link, Statement, compare_readouts, similarity
from ceasefire.readouts._draft import draft_account
from ceasefire.readouts._html import comparison_html
from ceasefire.readouts._readout import HEADER_KEYS, KINDS, Readout, load_readout, parse_date, parse_readout

__all__ = [
    "HEADER_KEYS",
    "KINDS",
    "Comparison",
    "Difference",
    "Link",
    "Readout",
    "Statement",
    "compare_readouts",
    "comparison_html",
    "draft_account",
    "load_readout",
    "parse_date",
    "parse_readout",
    "similarity",
]
