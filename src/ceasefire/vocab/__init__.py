"""Controlled vocabularies (targets, weapons, parties) loaded from the YAML files beside this module."""

from __future__ import annotations

import re
from functools import cache
from importlib import resources
from typing import Any

import yaml

WEAPONS_ORDER: tuple[str, ...] = (
    "drone", "missile", "rocket", "artillery", "glide_bomb", "aircraft", "explosives", "small_arms", "unknown",
)


def _load(name: str) -> Any:
    text = (resources.files("ceasefire.vocab") / name).read_text(encoding="utf-8")
    return yaml.safe_load(text)


@cache
def target_types() -> dict[str, str]:
    """Every known dotted target type with its description."""
    data: dict[str, str] = _load("targets.yaml")
    return dict(data)


def target_within(target_type: str, category: str) -> bool:
    """True when ``target_type`` is ``category`` or lies below it (``energy.power`` within ``energy``)."""
    return target_type == category or target_type.startswith(category + ".")


@cache
def action_covers() -> dict[str, tuple[str, ...]]:
    """Each known report action and the prohibited-action words (in provisions) that cover it."""
    data: dict[str, list[str]] = _load("actions.yaml")
    return {name: tuple(words or ()) for name, words in data.items()}


@cache
def weapon_fragments() -> dict[str, tuple[str, ...]]:
    data: dict[str, list[str]] = _load("weapons.yaml")
    return {name: tuple(s.lower() for s in fragments) for name, fragments in data.items()}


def weapon_of(text: str | None) -> str:
    """The weapon class a name or phrase points to (``Shahed-136/131`` → ``drone``); ``unknown`` if none."""
    if not text:
        return "unknown"
    lowered = text.lower()
    for name, fragments in weapon_fragments().items():
        if any(fragment in lowered for fragment in fragments):
            return name
    return "unknown"


@cache
def _party_patterns() -> tuple[tuple[str, re.Pattern[str]], ...]:
    data: dict[str, dict[str, Any]] = _load("parties.yaml")
    return tuple(
        (code, re.compile("|".join(f"(?:{p})" for p in spec["patterns"]), re.IGNORECASE))
        for code, spec in data.items()
    )


@cache
def party_names() -> dict[str, str]:
    data: dict[str, dict[str, Any]] = _load("parties.yaml")
    return {code: str(spec["name"]) for code, spec in data.items()}


def party_of(name: str | None) -> str | None:
    """The party an actor or speaker name belongs to, or None (civilians, unidentified groups)."""
    if not name:
        return None
    for code, pattern in _party_patterns():
        if pattern.search(name):
            return code
    return None
