"""Agreements as JSON-ready dicts (the shape ``ceasefire agreements show --json`` prints)."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from ceasefire.model.agreement import Account, Agreement, Provision, Source, Window


def agreement_json(agreement: Agreement) -> dict[str, Any]:
    return {
        "id": agreement.agreement_id,
        "title": agreement.title,
        "announced": agreement.announced.isoformat(),
        "parties": list(agreement.parties),
        "mediators": list(agreement.mediators),
        "reciprocal": agreement.reciprocal,
        "notes": agreement.notes,
        "file": agreement.file,
        "accounts": [_account(a) for a in agreement.accounts],
    }


def _account(account: Account) -> dict[str, Any]:
    return {
        "id": account.account_id,
        "party": account.party,
        "in_force": account.in_force,
        "timezone": account.timezone,
        "window": window_json(account.window),
        "conditions": list(account.conditions),
        "notes": account.notes,
        "sources": [_source(s) for s in account.source],
        "provisions": [_provision(p) for p in account.provisions],
    }


def _provision(provision: Provision) -> dict[str, Any]:
    return {
        "id": provision.provision_id,
        "bound": list(provision.bound),
        "actions": list(provision.actions),
        "targets": list(provision.targets),
        "countries": list(provision.countries) if provision.countries else None,
        "admin1": list(provision.admin1) if provision.admin1 else None,
        "areas": list(provision.areas) if provision.areas else None,
        "window": window_json(provision.window) if provision.window else None,
        "description": provision.description,
    }


def _source(source: Source) -> dict[str, Any]:
    return {"issuer": source.issuer, "date": source.date, "url": source.url, "citation": source.citation,
            "quote": source.quote}


def window_json(window: Window) -> dict[str, Any]:
    """Start and end as written (aware, local) and in UTC; ``end`` null when open-ended."""
    return {
        "start": window.start.isoformat(),
        "end": _iso(window.end),
        "start_utc": _utc(window.start_utc()),
        "end_utc": _utc(window.end_utc()),
    }


def _iso(value: datetime | None) -> str | None:
    return value.isoformat() if value is not None else None


def _utc(value: datetime | None) -> str | None:
    return value.isoformat() + "Z" if value is not None else None
