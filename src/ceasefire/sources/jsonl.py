"""JSON Lines of reports with the DESIGN.md fields ▶ Report records (or Quarantined, with line and reason)."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, cast, get_args

from ceasefire.errors import BadInput
from ceasefire.model.report import Place, Quarantined, Report, Stance, Target
from ceasefire.vocab import WEAPONS_ORDER

FEED = "jsonl"
_STANCES = frozenset(get_args(Stance))
_TARGET_TYPE = re.compile(r"[a-z][a-z_]*(\.[a-z][a-z_]*)*")


class _Invalid(ValueError):
    """A field we cannot use; the message names it."""


def read_jsonl(path: Path) -> Iterator[Report | Quarantined]:
    """Yield one Report per line, or a Quarantined naming the line and the reason. Blank lines are skipped."""
    file = str(path)
    try:
        handle = path.open("rb")
    except OSError as err:
        raise BadInput(file, None, f"cannot open: {err.strerror or err}") from err
    with handle:
        for number, raw_bytes in enumerate(handle, start=1):
            try:
                line = raw_bytes.decode("utf-8")
            except UnicodeDecodeError:
                yield Quarantined(file, number, "not UTF-8 text", raw_bytes.decode("utf-8", "replace"))
                continue
            if not line.strip():
                continue
            try:
                data = json.loads(line)
            except (json.JSONDecodeError, RecursionError) as err:
                message = err.msg if isinstance(err, json.JSONDecodeError) else "nested too deeply"
                yield Quarantined(file, number, f"invalid JSON: {message}", line.rstrip("\r\n"))
                continue
            try:
                yield report_from_json(data, file=file, line=number)
            except _Invalid as err:
                yield Quarantined(file, number, str(err), line.rstrip("\r\n"))


def report_from_json(data: Any, *, file: str | None = None, line: int | None = None) -> Report:
    """A Report from one JSON object shaped as in DESIGN.md; raises ValueError naming the bad field."""
    if not isinstance(data, dict):
        raise _Invalid("expected a JSON object")
    report_id = data.get("report_id")
    if not isinstance(report_id, str) or not report_id.strip():
        raise _Invalid("missing required field report_id")
    when = _object(data, "when")
    place_data = _object(data, "place")
    target = _object(data, "target")
    target_type = _text(target, "type", "target.type") if target else None
    if target_type is None and target:
        target_type = _text(target, "category", "target.category")
    target_type = target_type or "unknown"
    if not _TARGET_TYPE.fullmatch(target_type):
        raise _Invalid(f"target.type must be dotted lower-case words, not {target_type!r}")
    weapon = _text(data, "weapon", "weapon") or "unknown"
    if weapon not in WEAPONS_ORDER:
        raise _Invalid(f"unknown weapon {weapon!r}")
    stance = _text(data, "stance", "stance") or "neutral"
    if stance not in _STANCES:
        raise _Invalid(f"unknown stance {stance!r}")
    is_incident = data.get("is_incident", True)
    if not isinstance(is_incident, bool):
        raise _Invalid("is_incident must be true or false")
    place = None
    if place_data:
        place = Place(
            name=_text(place_data, "name", "place.name"), admin1=_text(place_data, "admin1", "place.admin1"),
            country=_country(place_data), lat=_number(place_data, "lat", 90.0), lon=_number(place_data, "lon", 180.0),
        )
    start = _time(when, "start", "when.start") if when else None
    end = _time(when, "end", "when.end") if when else None
    if start is not None and end is not None and end < start:
        raise _Invalid("when.end is before when.start")
    fatalities = data.get("fatalities")
    if fatalities is not None and (isinstance(fatalities, bool) or not isinstance(fatalities, int)
                                   or not 0 <= fatalities < 2**31):
        raise _Invalid("fatalities must be a whole number ≥ 0")
    return Report(
        report_id=report_id, feed=_text(data, "feed", "feed") or FEED, when_start=start, when_end=end, place=place,
        actor=_text(data, "actor", "actor"), claimant=_text(data, "claimant", "claimant"), target=Target(target_type),
        weapon=weapon, action=_text(data, "action", "action"), stance=cast(Stance, stance), is_incident=is_incident,
        source=_text(data, "source", "source"), text=_text(data, "text", "text"),
        published=_time(data, "published", "published"), fatalities=fatalities, source_file=file, source_line=line,
        raw=data,
    )


def _object(data: dict[str, Any], key: str) -> dict[str, Any] | None:
    value = data.get(key)
    if value is None:
        return None
    if not isinstance(value, dict):
        raise _Invalid(f"{key} must be an object or null")
    return value


def _text(data: dict[str, Any], key: str, name: str) -> str | None:
    value = data.get(key)
    if value is None:
        return None
    if not isinstance(value, str):
        raise _Invalid(f"{name} must be a string or null")
    if "\x00" in value:
        raise _Invalid(f"{name} contains a NUL character")
    return value


def _country(place: dict[str, Any]) -> str | None:
    value = _text(place, "country", "place.country")
    if value is not None and not (len(value) == 2 and value.isascii() and value.isalpha() and value.isupper()):
        raise _Invalid(f"place.country must be an ISO 3166-1 alpha-2 code, not {value!r}")
    return value


def _number(place: dict[str, Any], key: str, limit: float) -> float | None:
    value = place.get(key)
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int | float) or not -limit <= float(value) <= limit:
        raise _Invalid(f"place.{key} must be a number between {-limit:g} and {limit:g}")
    return float(value)


def _time(data: dict[str, Any], key: str, name: str) -> datetime | None:
    value = _text(data, key, name)
    if value is None:
        return None
    try:
        parsed = datetime.fromisoformat(value)
    except ValueError as err:
        raise _Invalid(f"{name} is not an ISO 8601 time: {value!r}") from err
    if parsed.tzinfo is not None:

        parsed = parsed.astimezone(UTC).replace(tzinfo=None)
    return parsed
