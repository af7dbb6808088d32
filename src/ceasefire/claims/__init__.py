"""Claims: checkable statements by named speakers, with evidence, verdicts and ClaimReview export.

    new_claim(speaker=, text=, said_on=, ...) -> Claim      validated record (nothing stored)
    add_claim(ws, claim) / list_claims(ws) / get_claim(ws, id)
    add_evidence(ws, id, new_evidence(ref=, stance=, kind=))
    set_verdict(ws, id, new_verdict(verdict=, rationale=, reviewed_on=))
    claim_review_jsonld(claim) -> dict                      schema.org ClaimReview
    import_claims_csv(ws, path) -> (added, present)         all rows checked before anything is stored
    claims_in_text(text, lang) -> list[FoundClaim]          attributed, checkable statements in a text

Tables: ``claims``, ``claim_evidence``, ``claim_verdicts`` (migration 004_claims_demands.sql). The verdict
scale is ``verdicts.yaml`` beside this module.
"""

from __future__ import annotations

from ceasefire.claims._csv import import_claims_csv, parse_claims_csv, read_claims_csv
from ceasefire.claims._extract import FoundClaim, claims_in_text
from ceasefire.claims._jsonld import claim_review_jsonld
from ceasefire.claims._ledger import (
    EVIDENCE_KINDS,
    STANCES,
    Claim,
    Evidence,
    Verdict,
    VerdictLevel,
    add_claim,
    add_evidence,
    claim_id_for,
    get_claim,
    list_claims,
    new_claim,
    new_evidence,
    new_verdict,
    set_verdict,
    store_claims,
    verdict_scale,
)

__all__ = [
    "EVIDENCE_KINDS",
    "STANCES",
    "Claim",
    "Evidence",
    "FoundClaim",
    "Verdict",
    "VerdictLevel",
    "add_claim",
    "add_evidence",
    "claim_id_for",
    "claim_review_jsonld",
    "claims_in_text",
    "get_claim",
    "import_claims_csv",
    "list_claims",
    "new_claim",
    "new_evidence",
    "new_verdict",
    "parse_claims_csv",
    "read_claims_csv",
    "set_verdict",
    "store_claims",
    "verdict_scale",
]
