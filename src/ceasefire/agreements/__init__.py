"""Agreements as data: YAML files, one agreement each, checked against a JSON Schema shipped here.

Each file holds an agreement and one *account* per party's version of it (its own sources, window, time zone,
conditions and provisions). :func:`check_files` reports every problem as ``file:line: field: message``;
:func:`load_agreements` returns the records or raises :class:`ceasefire.errors.BadInput` for the first problem.
"""

from __future__ import annotations

from ceasefire.agreements._json import agreement_json, window_json
from ceasefire.agreements._problems import Problem
from ceasefire.agreements._read import (
    EVERY_PARTY_WORD,
    bundled_paths,
    check_files,
    find_agreement,
    load_agreements,
)
from ceasefire.agreements._schema import schema

__all__ = [
    "EVERY_PARTY_WORD",
    "Problem",
    "agreement_json",
    "bundled_paths",
    "check_files",
    "find_agreement",
    "load_agreements",
    "schema",
    "window_json",
]
