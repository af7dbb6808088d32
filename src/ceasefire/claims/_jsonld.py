"""schema.org ClaimReview JSON-LD for a reviewed claim."""

from __future__ import annotations

from typing import Any

from ceasefire.claims._ledger import Claim, verdict_scale

_ORGANISATION_WORDS = frozenset((
    "ministry", "staff", "office", "force", "forces", "command", "house", "kremlin", "government", "department",
    "service", "council", "agency", "committee", "міністерство", "міноборони", "генштаб", "офіс", "сили", "уряд",
    "штаб", "министерство", "минобороны", "кремль", "правительство", "ведомство",
))


def speaker_type(speaker: str) -> str:
    """``Organization`` for institutions ("Russia's defence ministry", "Генштаб ЗСУ"), else ``Person``."""
    words = {w.strip(".,'’").lower() for w in speaker.split()}
    return "Organization" if words & _ORGANISATION_WORDS else "Person"


def claim_review_jsonld(claim: Claim, *, base_url: str | None = None, author: str | None = None) -> dict[str, Any]:
    """ClaimReview for the claim's current verdict (``ValueError`` when it has none).

    ``url`` is the review's own URL when the verdict has one, else ``base_url`` + ``#`` + claim id; ``author``
    is the verdict's author, else the ``author`` given here.
    """
    verdict = claim.verdict
    if verdict is None:
        raise ValueError(f"claim {claim.claim_id} has no verdict yet")
    level = verdict_scale()[verdict.verdict]
    rating: dict[str, Any] = {"@type": "Rating", "alternateName": level.label}
    if level.rating is not None:
        rating |= {"ratingValue": level.rating, "bestRating": 5, "worstRating": 1}
    appearance: dict[str, Any] = {"@type": "CreativeWork"}
    if claim.appearance_url:
        appearance["url"] = claim.appearance_url
    if claim.appearance_title:
        appearance["name"] = claim.appearance_title
    item: dict[str, Any] = {
        "@type": "Claim",
        "author": {"@type": speaker_type(claim.speaker), "name": claim.speaker},
        "appearance": appearance,
    }
    if claim.said_on:
        item["datePublished"] = claim.said_on.isoformat()
    if claim.lang:
        item["inLanguage"] = claim.lang
    review: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "ClaimReview",
        "identifier": claim.claim_id,
        "claimReviewed": claim.text,
        "datePublished": verdict.reviewed_on.isoformat(),
        "reviewRating": rating,
        "itemReviewed": item,
        "reviewBody": verdict.rationale,
    }
    url = verdict.url or (f"{base_url.rstrip('#')}#{claim.claim_id}" if base_url else None)
    if url:
        review["url"] = url
    reviewer = verdict.author or author
    if reviewer:
        review["author"] = {"@type": "Organization", "name": reviewer}
    sources = [e.ref for e in claim.evidence if e.kind == "url"]
    if sources:
        review["citation"] = [{"@type": "CreativeWork", "url": ref} for ref in sources]
    return review
