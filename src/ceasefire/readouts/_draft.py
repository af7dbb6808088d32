"""A draft agreement file (one account) from one readout, for an analyst to review and correct.

A *commitment* is a sentence about a ceasefire (truce, moratorium, refraining from strikes ...) that states a
scope or a duration; it becomes a provision (targets from its scope words, bound parties from the states it
names, ``all`` when it names none). A sentence with a condition or demand cue becomes a condition, as text.
The account's start is the first date (and time) a commitment gives, else the readout's date; its duration
the first duration a commitment gives. The output passes ``ceasefire agreements check``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from functools import cache
from importlib import resources
from typing import Any

import yaml

from ceasefire.errors import BadInput
from ceasefire.reading import Features, lexicon
from ceasefire.readouts._compare import Statement, statements_of
from ceasefire.readouts._readout import Readout

_STRIKE_WORDS = frozenset({"strike", "attack", "удар", "атака", "обстріл", "обстрел", "bombing", "shelling"})


@dataclass(frozen=True)
class _Commitment:
    statement: Statement
    targets: tuple[str, ...]
    bound: tuple[str, ...]
    actions: tuple[str, ...]


@cache
def _timezones() -> dict[str, str]:
    text = (resources.files("ceasefire.readouts") / "timezones.yaml").read_text(encoding="utf-8")
    data: dict[str, str] = yaml.safe_load(text)
    return dict(data)


def draft_account(readout: Readout, *, party: str | None = None, agreement_id: str | None = None) -> str:
    """YAML text of a draft agreement with one account: this readout's version of the terms."""
    party = (party or readout.party or "").upper()
    if not re.fullmatch(r"[A-Z][A-Z0-9]*", party):
        raise BadInput(readout.file, None, "whose readout is this? give --party (RU, UA, US) or 'party:' in the header")
    announced = readout.date or _first_full_date(statements_of(readout))
    if announced is None:
        raise BadInput(readout.file, None, "no date: add 'date: YYYY-MM-DD' to the header")
    statements = statements_of(readout)
    commitments = _commitments(statements)
    if not commitments:
        raise BadInput(readout.file, None, "found no commitment (a ceasefire, truce or moratorium with a scope or "
                       "a duration) to draft an account from")
    conditions = [s.text for s in statements if _is_condition(s.features)]
    start = _start(commitments, announced)
    duration = next((m.value for c in commitments for m in c.statement.features.durations), None)
    named = sorted({p for c in commitments for p in c.bound})
    every_state = sorted({m.value for s in statements for m in s.features.parties})
    parties = named or every_state or [party]
    timezone = _timezones().get(party, "UTC")
    source: dict[str, Any] = {"issuer": readout.issuer or party, "date": announced.isoformat()}
    if readout.url and re.match(r"https?://", readout.url):
        source["url"] = readout.url
    source["citation"] = readout.title or f"{readout.kind.capitalize()} of {announced.isoformat()}"
    quote = _scope_words(commitments[0].statement.features)
    if quote:
        source["quote"] = quote
    account: dict[str, Any] = {
        "id": _slug(readout.issuer or party) or party.lower(),
        "party": party,
        "sources": [source],
        "start": start,
        "timezone": timezone,
    }
    if duration is not None:
        account["duration"] = duration
    if conditions:
        account["conditions"] = conditions
    account["provisions"] = [_provision(i, c) for i, c in enumerate(_unrepeated(commitments), start=1)]
    agreement: dict[str, Any] = {
        "id": agreement_id or f"draft-{party.lower()}-{announced.isoformat()}",
        "title": f"Draft from {readout.issuer or party}, {announced.isoformat()}",
        "parties": parties,
    }
    if party not in parties:
        agreement["mediators"] = [party]  # the issuer reports terms that bind others (a mediator's readout)
    agreement |= {"announced": announced.isoformat(), "timezone": timezone, "accounts": [account]}
    header = (
        f"# DRAFT read by `ceasefire readouts draft` from {readout.file}; review every field before use.\n"
        "# Bound parties, targets, start and duration were read from these sentences:\n"
        + "".join(f"#   line {c.statement.line}: {_one_line(c.statement.text)}\n" for c in commitments)
    )
    return header + yaml.safe_dump(agreement, sort_keys=False, allow_unicode=True, width=110)


def _one_line(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= 150 else text[:149] + "…"


def _slug(text: str) -> str:
    ascii_words = re.findall(r"[a-z0-9]+", text.lower())
    return "-".join(ascii_words)[:40].strip("-")


def _is_condition(f: Features) -> bool:
    lex = lexicon(f.lang)
    return bool(f.conditions) or bool(lex.demand.find(f.tokens))


def _commitments(statements: tuple[Statement, ...]) -> list[_Commitment]:
    found: list[_Commitment] = []
    for statement in statements:
        f = statement.features
        if "ceasefire" not in f.concepts or lexicon(f.lang).demand.find(f.tokens) or f.negation:
            continue
        if not (f.scope or f.durations):
            continue
        targets = tuple(dict.fromkeys(m.value for m in f.scope)) or ("any",)
        bound = tuple(sorted({m.value for m in f.parties}))
        lemmas = {t.lemma for t in f.tokens}
        actions = ("strike",) if lemmas & _STRIKE_WORDS else ("any",)
        found.append(_Commitment(statement, targets, bound, actions))
    return found


def _unrepeated(commitments: list[_Commitment]) -> list[_Commitment]:
    seen: set[tuple[tuple[str, ...], ...]] = set()
    kept: list[_Commitment] = []
    for c in commitments:
        key = (c.targets, c.bound, c.actions)
        if key not in seen:
            seen.add(key)
            kept.append(c)
    return kept


def _provision(number: int, c: _Commitment) -> dict[str, Any]:
    return {
        "id": f"p{number}",
        "bound": list(c.bound) if c.bound else "all",
        "actions": list(c.actions),
        "targets": list(c.targets),
        "description": _one_line(c.statement.text),
    }


def _start(commitments: list[_Commitment], announced: date) -> str:
    for c in commitments:
        day = next((m.value for m in c.statement.features.dates if not m.value.startswith("T")), None)
        time = next((m.value[1:] for m in c.statement.features.dates if m.value.startswith("T")), None)
        if day is None and time is None:
            continue
        when = announced.isoformat() if day is None else (
            f"{announced.year}{day[1:]}" if day.startswith("--") else day
        )
        try:
            date.fromisoformat(when)
        except ValueError:
            continue
        return f"{when}T{time}" if time else when
    return announced.isoformat()


def _first_full_date(statements: tuple[Statement, ...]) -> date | None:
    for s in statements:
        for m in s.features.dates:
            if re.fullmatch(r"\d{4}-\d{2}-\d{2}", m.value):
                try:
                    return date.fromisoformat(m.value)
                except ValueError:
                    continue
    return None


def _scope_words(f: Features) -> str | None:
    if not f.scope:
        return None
    start = min(m.start for m in f.scope)
    end = max(m.end for m in f.scope)
    return f.text[start:end] if 0 <= start < end else None
