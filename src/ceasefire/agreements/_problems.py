"""Problems found in agreement files, each pinned to a file, a line and a field."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

import jsonschema

from ceasefire.agreements._yaml import Path


@dataclass(frozen=True, slots=True)
class Problem:
    """One mistake in one file. ``str(problem)`` is ``file:line: field: message``."""

    file: str
    line: int | None
    field: str
    message: str

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}" if self.line is not None else self.file
        return f"{where}: {self.field}: {' '.join(self.message.split())}"


def field_name(path: Path) -> str:
    """``("accounts", 0, "provisions", 1, "targets")`` → ``accounts[0].provisions[1].targets``."""
    text = ""
    for part in path:
        if isinstance(part, int):
            text += f"[{part}]"
        elif not _PLAIN_KEY.fullmatch(part):
            text += f"[{part!r}]"  # keys from the outside may hold spaces, dots or line breaks
        else:
            text += f".{part}" if text else part
    return text or "(document)"


_PLAIN_KEY = re.compile(r"[A-Za-z0-9_-]+")


_PATTERN_WORDS = {
    "^[a-z0-9][a-z0-9-]*$": "an id of lower-case letters, digits and hyphens",
    "^[A-Z][A-Z0-9]*$": "a party code in capitals (see vocab/parties.yaml)",
    "^[A-Z]{2}$": "an ISO 3166-1 alpha-2 country code",
    "^[a-z_]+$": "an action word in lower case (e.g. strike, any)",
    "^[0-9]{4}-[0-9]{2}-[0-9]{2}$": "a date YYYY-MM-DD",
    "^https?://": "an http(s) URL",
}
_TYPE_WORDS = {"string": "text", "array": "a list", "object": "a mapping", "boolean": "true or false"}


def _kind(value: Any) -> str:
    if value is None:
        return "nothing"
    if isinstance(value, bool):
        return "true/false"
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, str):
        return "text"
    return f"a {type(value).__name__}"


def describe(error: jsonschema.ValidationError) -> list[tuple[Path, str]]:
    """The (path, message) pairs that one schema violation stands for, in our own words."""
    path: Path = tuple(error.absolute_path)
    kind = error.validator
    if kind == "required":
        match = re.match(r"^'(.+)' is a required property$", error.message)
        name = match.group(1) if match else "?"
        return [((*path, name), "required but missing")]
    if kind == "additionalProperties" and isinstance(error.instance, dict):
        known = error.schema.get("properties", {}) if isinstance(error.schema, dict) else {}
        extras = sorted(k for k in error.instance if k not in known)
        allowed = ", ".join(known)
        return [((*path, key), f"unknown field (allowed here: {allowed})") for key in extras]
    if kind == "type":
        wanted = error.validator_value
        words = _TYPE_WORDS.get(wanted, str(wanted)) if isinstance(wanted, str) else str(wanted)
        return [(path, f"expected {words}, got {_kind(error.instance)}")]
    if kind == "pattern":
        pattern = str(error.validator_value)
        wanted = _PATTERN_WORDS.get(pattern)
        if wanted is None and "W)?" in pattern:
            wanted = "an ISO 8601 duration such as P30D or PT54H"
        elif wanted is None and "[T ]" in pattern:
            wanted = "a date YYYY-MM-DD or a local time YYYY-MM-DDTHH:MM"
        return [(path, f"{_clip(error.instance)} is not {wanted or 'in the expected form'}")]
    if kind == "minItems":
        return [(path, "must not be empty")]
    if kind == "minLength":
        return [(path, "must not be empty text")]
    properties = error.schema.get("properties", {}) if isinstance(error.schema, dict) else {}
    if kind == "anyOf" and isinstance(error.instance, dict) and "issuer" in properties:
        return [(path, "a source needs a url or a citation")]
    if kind in ("oneOf", "const") and path and path[-1] == "bound":
        return [(path, "expected a list of party codes, or the word all")]
    return [(path, " ".join(error.message.split())[:200])]


def _clip(value: Any) -> str:
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "..."
