"""Findings: each report or incident judged against each provision of each account, with the reason."""

from __future__ import annotations

from ceasefire.assess._engine import (
    REASON_CODES,
    AssessResult,
    assess,
    has_relation,
    refresh_findings_view,
    select_agreements,
)
from ceasefire.assess._provisions import ProvisionRow, provision_rows
from ceasefire.assess._read import FINDING_COLUMNS, finding_json, iter_findings
from ceasefire.assess._status import AccountStatus, PartyStatus, TallyPeriod, account_status

__all__ = [
    "FINDING_COLUMNS",
    "REASON_CODES",
    "AccountStatus",
    "AssessResult",
    "PartyStatus",
    "ProvisionRow",
    "TallyPeriod",
    "account_status",
    "assess",
    "finding_json",
    "has_relation",
    "iter_findings",
    "provision_rows",
    "refresh_findings_view",
    "select_agreements",
]
