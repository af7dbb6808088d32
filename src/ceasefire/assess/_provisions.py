"""Flatten agreements into one row per provision, the shape the set-based engine joins reports against."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime

from ceasefire.model.agreement import ANY_TARGET, EVERY_PARTY, Account, Agreement, Provision

ANY_ACTION = "any"


@dataclass(frozen=True, slots=True)
class ProvisionRow:
    pkey: int
    agreement: str
    account: str
    account_party: str
    provision: str
    bound: list[str]
    every_party: bool
    actions: list[str]
    any_action: bool
    targets: list[str]
    any_target: bool
    countries: list[str] | None
    admin1: list[str] | None
    areas: list[str] | None
    win_start: datetime
    win_end: datetime | None
    in_force: bool
    not_in_force_why: str | None


def provision_rows(agreements: Iterable[Agreement]) -> list[ProvisionRow]:
    rows: list[ProvisionRow] = []
    for agreement in agreements:
        for account in agreement.accounts:
            for provision in account.provisions:
                rows.append(_row(len(rows), agreement, account, provision))
    return rows


def _row(pkey: int, agreement: Agreement, account: Account, provision: Provision) -> ProvisionRow:
    window = account.window_of(provision)
    in_force = account.in_force
    why: str | None = None
    if not in_force:
        conditions = "; ".join(account.conditions) if account.conditions else "its conditions were not met"
        why = f"this account never entered into force ({conditions})"
    return ProvisionRow(
        pkey=pkey,
        agreement=agreement.agreement_id,
        account=account.account_id,
        account_party=account.party,
        provision=provision.provision_id,
        bound=[p for p in provision.bound if p != EVERY_PARTY],
        every_party=EVERY_PARTY in provision.bound,
        actions=[a for a in provision.actions if a != ANY_ACTION],
        any_action=not provision.actions or ANY_ACTION in provision.actions,
        targets=[t for t in provision.targets if t != ANY_TARGET],
        any_target=not provision.targets or ANY_TARGET in provision.targets,
        countries=list(provision.countries) if provision.countries else None,
        admin1=list(provision.admin1) if provision.admin1 else None,
        areas=list(provision.areas) if provision.areas else None,
        win_start=window.start_utc(),
        win_end=window.end_utc(),
        in_force=in_force,
        not_in_force_why=why,
    )
