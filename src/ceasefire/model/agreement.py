"""Agreements, accounts and provisions as typed records.

An agreement is announced at a time; each party's *account* of it (from its readout or statement) has its own
window, scope and conditions; each account holds one or more *provisions* (one obligation each). Times are
timezone-aware as written; ``*_utc`` helpers give naive UTC for comparison with reports.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta

EVERY_PARTY = "*"
ANY_TARGET = "any"


@dataclass(frozen=True, slots=True)
class Source:
    issuer: str
    date: str
    url: str | None = None
    citation: str | None = None
    quote: str | None = None


@dataclass(frozen=True, slots=True)
class Window:
    """[start, end) in aware datetimes; ``end`` None means open-ended (no end stated)."""

    start: datetime
    end: datetime | None = None

    def start_utc(self) -> datetime:
        return _naive_utc(self.start)

    def end_utc(self) -> datetime | None:
        return _naive_utc(self.end) if self.end is not None else None


@dataclass(frozen=True, slots=True)
class Provision:
    provision_id: str
    bound: tuple[str, ...]  # party codes, or (EVERY_PARTY,)
    actions: tuple[str, ...]  # e.g. ("strike",), ("any",)
    targets: tuple[str, ...]  # dotted categories, a category covers its sub-categories; (ANY_TARGET,) = all
    countries: tuple[str, ...] | None = None  # ISO alpha-2; None = anywhere
    admin1: tuple[str, ...] | None = None  # region names; None = anywhere in the countries
    window: Window | None = None  # None = the account's window
    description: str | None = None
    areas: tuple[str, ...] | None = None  # named areas outside any country (a sea); None = no such limit

    def binds(self, party: str | None) -> bool:
        return EVERY_PARTY in self.bound or (party is not None and party in self.bound)


@dataclass(frozen=True, slots=True)
class Account:
    account_id: str
    party: str  # whose version this is (the party that issued the readout or statement)
    source: tuple[Source, ...]
    window: Window
    timezone: str
    provisions: tuple[Provision, ...]
    conditions: tuple[str, ...] = ()
    notes: str | None = None
    in_force: bool = True  # False: the account never took effect (its conditions say why)

    def window_of(self, provision: Provision) -> Window:
        return provision.window or self.window


@dataclass(frozen=True, slots=True)
class Agreement:
    agreement_id: str
    title: str
    announced: datetime
    parties: tuple[str, ...]
    accounts: tuple[Account, ...]
    mediators: tuple[str, ...] = ()
    reciprocal: bool = True
    notes: str | None = None
    file: str | None = field(default=None, compare=False)

    def account(self, account_id: str) -> Account | None:
        return next((a for a in self.accounts if a.account_id == account_id), None)


def _naive_utc(value: datetime) -> datetime:
    if value.tzinfo is None:
        return value
    return value.astimezone(UTC).replace(tzinfo=None)


def add_duration(start: datetime, iso_duration: str) -> datetime:
    """``start`` plus an ISO 8601 duration of days/weeks/hours (``P30D``, ``PT48H``, ``P2W``)."""
    import re

    match = re.fullmatch(r"P(?:(\d+)W)?(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?)?", iso_duration)
    if not match or not any(match.groups()):
        raise ValueError(f"not an ISO 8601 duration of weeks, days, hours or minutes: {iso_duration!r}")
    weeks, days, hours, minutes = (int(g) if g else 0 for g in match.groups())
    return start + timedelta(weeks=weeks, days=days, hours=hours, minutes=minutes)
