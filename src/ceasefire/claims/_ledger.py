"""The claims ledger: claims, their evidence and verdicts, kept in the workspace (append-only)."""

from __future__ import annotations

import hashlib
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from functools import cache
from importlib import resources
from typing import Any

import yaml

from ceasefire.errors import BadInput
from ceasefire.reading import detect_lang, party_in
from ceasefire.workspace import Workspace

EVIDENCE_KINDS = ("report", "incident", "url")
STANCES = ("supports", "refutes")
_URL = re.compile(r"^https?://\S+$")


@dataclass(frozen=True, slots=True)
class VerdictLevel:
    name: str
    label: str
    rating: int | None
    meaning: str


@cache
def verdict_scale() -> dict[str, VerdictLevel]:
    """The documented verdict scale (``verdicts.yaml``), in order from true to unproven."""
    text = (resources.files("ceasefire.claims") / "verdicts.yaml").read_text(encoding="utf-8")
    data: dict[str, dict[str, Any]] = yaml.safe_load(text)
    return {
        str(name): VerdictLevel(str(name), str(spec["label"]), spec.get("rating"), str(spec["meaning"]))
        for name, spec in data.items()
    }


@dataclass(frozen=True, slots=True)
class Evidence:
    kind: str  # report | incident | url
    ref: str
    stance: str  # supports | refutes
    note: str | None = None

    def to_json(self) -> dict[str, Any]:
        return {"kind": self.kind, "ref": self.ref, "stance": self.stance, "note": self.note}


@dataclass(frozen=True, slots=True)
class Verdict:
    verdict: str
    rationale: str
    reviewed_on: date
    author: str | None = None
    url: str | None = None

    def to_json(self) -> dict[str, Any]:
        level = verdict_scale().get(self.verdict)
        return {"verdict": self.verdict, "label": level.label if level else self.verdict,
                "rationale": self.rationale, "reviewed_on": self.reviewed_on.isoformat(), "author": self.author,
                "url": self.url}


@dataclass(frozen=True)
class Claim:
    """A checkable statement by a named speaker, where it appeared, its evidence and verdicts (newest last)."""

    claim_id: str
    speaker: str
    text: str
    said_on: date | None = None
    party: str | None = None
    appearance_url: str | None = None
    appearance_title: str | None = None
    lang: str | None = None
    evidence: tuple[Evidence, ...] = ()
    verdicts: tuple[Verdict, ...] = field(default=())

    @property
    def verdict(self) -> Verdict | None:
        """The current verdict: the newest one."""
        return self.verdicts[-1] if self.verdicts else None

    def to_json(self) -> dict[str, Any]:
        return {
            "claim_id": self.claim_id, "speaker": self.speaker, "party": self.party,
            "date": self.said_on.isoformat() if self.said_on else None, "text": self.text,
            "appearance": {"url": self.appearance_url, "title": self.appearance_title}, "lang": self.lang,
            "verdict": self.verdict.to_json() if self.verdict else None,
            "evidence": [e.to_json() for e in self.evidence],
            "history": [v.to_json() for v in self.verdicts],
        }


def claim_id_for(speaker: str, said_on: date | None, text: str) -> str:
    key = "\x1f".join((" ".join(speaker.split()).lower(), said_on.isoformat() if said_on else "",
                       " ".join(text.split())))
    return "c-" + hashlib.sha256(key.encode("utf-8")).hexdigest()[:10]


def new_claim(*, speaker: str, text: str, said_on: date | None = None, party: str | None = None,
              appearance_url: str | None = None, appearance_title: str | None = None, lang: str | None = None,
              where: tuple[str, str | int | None] = ("<claim>", None)) -> Claim:
    """A validated claim record (nothing stored). ``where`` names the input for errors: (file, place)."""
    file, place = where
    speaker, text = " ".join(speaker.split()), " ".join(text.split())
    if not speaker:
        raise BadInput(file, place, "a claim needs a speaker")
    if not text:
        raise BadInput(file, place, "a claim needs its text")
    if len(text) > 5000 or len(speaker) > 300:
        raise BadInput(file, place, "claim text or speaker is too long (5000 / 300 characters at most)")
    if appearance_url and not _URL.match(appearance_url):
        raise BadInput(file, place, f"appearance url must start with http:// or https://: {appearance_url[:60]!r}")
    if party is not None and not re.fullmatch(r"[A-Z][A-Z0-9]{1,4}", party):
        raise BadInput(file, place, f"party must be a code such as RU, UA, US: {party[:20]!r}")
    if lang is not None and lang not in ("en", "uk", "ru"):
        raise BadInput(file, place, f"lang must be en, uk or ru: {lang[:10]!r}")
    return Claim(
        claim_id=claim_id_for(speaker, said_on, text), speaker=speaker, text=text, said_on=said_on,
        party=party or party_in(speaker), appearance_url=appearance_url or None,
        appearance_title=" ".join((appearance_title or "").split()) or None, lang=lang or detect_lang(text),
    )


def new_verdict(*, verdict: str, rationale: str, reviewed_on: date, author: str | None = None,
                url: str | None = None, where: tuple[str, str | int | None] = ("<verdict>", None)) -> Verdict:
    file, place = where
    name = verdict.strip().lower().replace(" ", "-").replace("_", "-")
    if name not in verdict_scale():
        raise BadInput(file, place, f"unknown verdict {verdict[:30]!r} (the scale: {', '.join(verdict_scale())})")
    if not rationale.strip():
        raise BadInput(file, place, "a verdict needs a rationale")
    if url and not _URL.match(url):
        raise BadInput(file, place, f"review url must start with http:// or https://: {url[:60]!r}")
    return Verdict(name, " ".join(rationale.split()), reviewed_on, (author or "").strip() or None, url or None)


def new_evidence(*, ref: str, stance: str, kind: str | None = None, note: str | None = None,
                 where: tuple[str, str | int | None] = ("<evidence>", None)) -> Evidence:
    file, place = where
    ref = ref.strip()
    kind = kind or ("url" if _URL.match(ref) else None)
    if kind not in EVIDENCE_KINDS:
        raise BadInput(file, place, f"evidence kind must be one of {', '.join(EVIDENCE_KINDS)} (a URL is 'url')")
    if not ref or (kind == "url" and not _URL.match(ref)):
        raise BadInput(file, place, f"evidence {kind} reference is not valid: {ref[:60]!r}")
    if stance not in STANCES:
        raise BadInput(file, place, f"stance must be supports or refutes, not {stance[:20]!r}")
    return Evidence(kind, ref, stance, note)


def store_claims(ws: Workspace, claims: Sequence[tuple[Claim, Verdict | None]]) -> tuple[int, int]:
    """Store claims (and a first verdict each, where given) in one transaction; ``(added, already present)``.

    A claim already present is left as it is; its verdict is added only when it differs from the current one.
    """
    added = present = 0
    with ws.transaction() as con:
        for claim, verdict in claims:
            exists = con.execute("SELECT 1 FROM claims WHERE claim_id = ?", [claim.claim_id]).fetchone()
            if exists:
                present += 1
            else:
                con.execute(
                    "INSERT INTO claims (claim_id, speaker, party, said_on, text, appearance_url, appearance_title,"
                    " lang) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                    [claim.claim_id, claim.speaker, claim.party, claim.said_on, claim.text, claim.appearance_url,
                     claim.appearance_title, claim.lang],
                )
                added += 1
            if verdict is not None:
                current = _current_verdict(ws, claim.claim_id)
                if current is None or (current.verdict, current.rationale) != (verdict.verdict, verdict.rationale):
                    _insert_verdict(ws, claim.claim_id, verdict)
    return added, present


def add_claim(ws: Workspace, claim: Claim) -> Claim:
    """Store one claim (a claim already present is returned as stored)."""
    store_claims(ws, [(claim, None)])
    return get_claim(ws, claim.claim_id)


def set_verdict(ws: Workspace, claim_id: str, verdict: Verdict) -> Claim:
    claim = get_claim(ws, claim_id)
    with ws.transaction():
        _insert_verdict(ws, claim.claim_id, verdict)
    return get_claim(ws, claim.claim_id)


def add_evidence(ws: Workspace, claim_id: str, evidence: Evidence) -> Claim:
    claim = get_claim(ws, claim_id)
    with ws.transaction() as con:
        con.execute(
            "INSERT INTO claim_evidence (claim_id, kind, ref, stance, note) VALUES (?, ?, ?, ?, ?)"
            " ON CONFLICT DO NOTHING",
            [claim.claim_id, evidence.kind, evidence.ref, evidence.stance, evidence.note],
        )
    return get_claim(ws, claim.claim_id)


def _insert_verdict(ws: Workspace, claim_id: str, verdict: Verdict) -> None:
    ws.con.execute(
        "INSERT INTO claim_verdicts (claim_id, verdict, rationale, author, reviewed_on, url) VALUES (?, ?, ?, ?, ?, ?)",
        [claim_id, verdict.verdict, verdict.rationale, verdict.author, verdict.reviewed_on, verdict.url],
    )


def _current_verdict(ws: Workspace, claim_id: str) -> Verdict | None:
    verdicts = _verdicts(ws, [claim_id]).get(claim_id, ())
    return verdicts[-1] if verdicts else None


def _verdicts(ws: Workspace, ids: list[str]) -> dict[str, tuple[Verdict, ...]]:
    rows = ws.con.execute(
        "SELECT claim_id, verdict, rationale, reviewed_on, author, url FROM claim_verdicts"
        " WHERE list_contains(?, claim_id) ORDER BY seq",
        [ids],
    ).fetchall()
    out: dict[str, list[Verdict]] = {}
    for r in rows:
        out.setdefault(r[0], []).append(Verdict(r[1], r[2], r[3], r[4], r[5]))
    return {k: tuple(v) for k, v in out.items()}


def _evidence(ws: Workspace, ids: list[str]) -> dict[str, tuple[Evidence, ...]]:
    rows = ws.con.execute(
        "SELECT claim_id, kind, ref, stance, note FROM claim_evidence WHERE list_contains(?, claim_id)"
        " ORDER BY added_at, ref",
        [ids],
    ).fetchall()
    out: dict[str, list[Evidence]] = {}
    for r in rows:
        out.setdefault(r[0], []).append(Evidence(r[1], r[2], r[3], r[4]))
    return {k: tuple(v) for k, v in out.items()}


def list_claims(ws: Workspace, *, party: str | None = None, verdict: str | None = None,
                speaker: str | None = None) -> list[Claim]:
    """Stored claims, oldest statement first, with evidence and verdict history."""
    claims = _load(
        ws, "(? IS NULL OR party = ?) AND (? IS NULL OR lower(speaker) LIKE '%' || lower(?) || '%')",
        [party, party, speaker, speaker],
    )
    if verdict is not None:
        wanted = verdict.lower()
        claims = [c for c in claims if (c.verdict.verdict if c.verdict else "none") == wanted]
    return claims


def _load(ws: Workspace, where: str, params: list[Any]) -> list[Claim]:
    rows = ws.con.execute(
        "SELECT claim_id, speaker, text, said_on, party, appearance_url, appearance_title, lang FROM claims"
        f" WHERE {where} ORDER BY said_on NULLS LAST, added_at, claim_id",
        params,
    ).fetchall()
    ids = [r[0] for r in rows]
    verdicts, evidence = _verdicts(ws, ids), _evidence(ws, ids)
    return [
        Claim(claim_id=r[0], speaker=r[1], text=r[2], said_on=r[3], party=r[4], appearance_url=r[5],
              appearance_title=r[6], lang=r[7], evidence=evidence.get(r[0], ()), verdicts=verdicts.get(r[0], ()))
        for r in rows
    ]


def get_claim(ws: Workspace, claim_id: str) -> Claim:
    """The claim with this id (or the one claim whose id starts with it)."""
    rows = ws.con.execute(
        "SELECT claim_id FROM claims WHERE claim_id = ? OR starts_with(claim_id, ?) ORDER BY claim_id",
        [claim_id, claim_id],
    ).fetchall()
    exact = [r[0] for r in rows if r[0] == claim_id]
    ids = exact or [r[0] for r in rows]
    if len(ids) != 1:
        why = "no claim" if not ids else f"{len(ids)} claims"
        raise BadInput(str(ws.path), None, f"{why} with id {claim_id!r}")
    return _load(ws, "claim_id = ?", [ids[0]])[0]
