"""Findings: each report or incident judged against each provision of each account, with the reason."""

from __future__ import annotations

from ceasefire.assess._engine import REASON_CODES, AssessResult, assess, findings_sql, select_agreements
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
    "findings_sql",
    "iter_findings",
    "provision_rows",
    "select_agreements",
]
