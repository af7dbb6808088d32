"""The sources registry: which party (if any) a source speaks for.

The bundled list is ``sources.yaml`` beside this module; it is copied into the workspace table
``source_registry`` (origin ``bundled``) each time incidents are updated. Users add their own entries (origin
``user``), which are kept across updates and win over bundled ones.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

import duckdb
import yaml

from ceasefire.errors import BadInput
from ceasefire.workspace import Workspace

KINDS: tuple[str, ...] = ("state", "state_media", "company", "media", "wire", "monitor", "coder")
_PARTY = re.compile(r"^[A-Z]{2,3}$")


@dataclass(frozen=True, slots=True)
class SourceEntry:
    """One registered source. ``party`` None means independent."""

    name: str
    party: str | None
    kind: str
    aliases: tuple[str, ...]
    feeds: tuple[str, ...] = ()
    origin: str = "bundled"

    @property
    def affiliation(self) -> str:
        return f"{self.party or 'independent'} {self.kind}"

    def to_json(self) -> dict[str, Any]:
        return {"name": self.name, "party": self.party, "kind": self.kind, "affiliation": self.affiliation,
                "aliases": list(self.aliases), "feeds": list(self.feeds), "origin": self.origin}


def normalise_alias(text: str) -> str:
    """Lower case, every run of characters other than letters, digits and marks as one space: how aliases and
    sources are compared (the view ``report_sides`` does the same in SQL)."""
    kept = "".join(ch if unicodedata.category(ch)[0] in "LNM" else " " for ch in text.lower())
    return " ".join(kept.split())


@cache
def bundled_sources() -> tuple[SourceEntry, ...]:
    """The entries of the bundled ``sources.yaml``."""
    name = "sources.yaml"
    text = (resources.files("ceasefire.incidents") / name).read_text(encoding="utf-8")
    data = yaml.safe_load(text)
    if not isinstance(data, dict):
        raise BadInput(name, None, "expected a mapping of source names")
    return tuple(_entry(name, str(key), spec) for key, spec in data.items())


def _entry(file: str, name: str, spec: Any) -> SourceEntry:
    if not isinstance(spec, dict):
        raise BadInput(file, name, "expected party, kind and aliases")
    party = spec.get("party")
    kind = spec.get("kind")
    aliases = spec.get("aliases") or []
    feeds = spec.get("feeds") or []
    _check(file, name, party, kind)
    if not isinstance(aliases, list) or not isinstance(feeds, list):
        raise BadInput(file, name, "aliases and feeds must be lists")
    return SourceEntry(name=name, party=party, kind=str(kind),
                       aliases=tuple(str(a) for a in aliases), feeds=tuple(str(f) for f in feeds))


def _check(file: str, name: str, party: object, kind: object) -> None:
    if party is not None and not (isinstance(party, str) and _PARTY.match(party)):
        raise BadInput(file, name, f"party must be a party code such as RU or UA, or null, not {party!r}")
    if kind not in KINDS:
        raise BadInput(file, name, f"kind must be one of {', '.join(KINDS)}, not {kind!r}")


def _rows(entry: SourceEntry) -> list[tuple[str, str, str, str | None, str, str]]:
    spellings = {normalise_alias(a) for a in (entry.name, *entry.aliases)} - {""}
    rows = [(entry.name, alias, "source", entry.party, entry.kind, entry.origin) for alias in sorted(spellings)]
    rows += [(entry.name, feed.lower(), "feed", entry.party, entry.kind, entry.origin) for feed in entry.feeds]
    return rows


def sync_registry(ws: Workspace) -> None:
    """Reload the bundled entries into the workspace (when they changed), keeping the user's."""
    rows = sorted(row for entry in bundled_sources() for row in _rows(entry))
    stored = ws.con.execute("SELECT name, alias, match_on, party, kind, origin FROM source_registry"
                            " WHERE origin = 'bundled' ORDER BY ALL").fetchall()
    if sorted(tuple(r) for r in stored) == rows:
        return
    with ws.transaction() as con:
        con.execute("DELETE FROM source_registry WHERE origin = 'bundled'")
        _insert(con, rows)


def _insert(con: duckdb.DuckDBPyConnection, rows: list[tuple[str, str, str, str | None, str, str]]) -> None:
    if rows:
        columns = [list(column) for column in zip(*rows, strict=True)]
        con.execute("INSERT INTO source_registry SELECT * FROM"
                    " (SELECT unnest(?), unnest(?), unnest(?), unnest(?::VARCHAR[]), unnest(?), unnest(?))", columns)


def add_source(ws: Workspace, name: str, *, party: str | None, kind: str, aliases: tuple[str, ...] = (),
               feeds: tuple[str, ...] = ()) -> SourceEntry:
    """Register (or re-register) a source in this workspace. Replaces an earlier user entry of the same name."""
    party = party.upper() if party else None
    _check("sources add", name, party, kind)
    if not normalise_alias(name):
        raise BadInput("sources add", name, "a source name needs at least one letter or digit")
    entry = SourceEntry(name=name, party=party, kind=kind, aliases=aliases, feeds=feeds, origin="user")
    with ws.transaction() as con:
        con.execute("DELETE FROM source_registry WHERE origin = 'user' AND name = ?", [name])
        _insert(con, _rows(entry))
    return entry


def list_sources(ws: Workspace) -> list[SourceEntry]:
    """Every registered source: the user's entries, then the bundled ones (as loaded by the last sync)."""
    loaded = ws.con.execute("SELECT count(*) FROM source_registry WHERE origin = 'bundled'").fetchall()[0][0]
    if not loaded and not ws.read_only:
        sync_registry(ws)
    rows = ws.con.execute(
        "SELECT name, any_value(party), any_value(kind), origin,"
        " list(alias ORDER BY alias) FILTER (WHERE match_on = 'source'),"
        " list(alias ORDER BY alias) FILTER (WHERE match_on = 'feed')"
        " FROM source_registry GROUP BY name, origin ORDER BY origin = 'bundled', name"
    ).fetchall()
    return [SourceEntry(name=r[0], party=r[1], kind=r[2], origin=r[3], aliases=tuple(r[4] or ()),
                        feeds=tuple(r[5] or ())) for r in rows]
