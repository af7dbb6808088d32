"""Loading the mapping data files that sit beside the readers, and turning them into SQL fragments."""

from __future__ import annotations

import csv
import io
import re
from functools import cache
from importlib import resources
from typing import Any

import yaml

from ceasefire.vocab import weapon_fragments


def _text(name: str) -> str:
    return (resources.files("ceasefire.sources") / name).read_text(encoding="utf-8")


def load_yaml(name: str) -> Any:
    return yaml.safe_load(_text(name))


def load_csv(name: str) -> list[dict[str, str]]:
    lines = [line for line in _text(name).splitlines() if not line.startswith("#")]
    return list(csv.DictReader(io.StringIO("\n".join(lines))))


def sql_str(value: str | None) -> str:
    """A SQL string literal (or NULL)."""
    if value is None:
        return "NULL"
    return "'" + value.replace("'", "''") + "'"


@cache
def country_rows() -> tuple[tuple[str, int, str, str], ...]:
    return tuple((r["alpha2"], int(r["numeric"]), r["name"], r["timezone"]) for r in load_csv("countries.csv"))


@cache
def country_names() -> dict[str, str]:
    """Lower-case country name (ours and the feeds' spellings) → alpha-2."""
    names = {name.lower(): alpha2 for alpha2, _, name, _ in country_rows()}
    names.update({r["name"].lower(): r["alpha2"] for r in load_csv("country_aliases.csv")})
    return names


def create_country_tables(con: Any) -> None:
    """Temp tables ``_cf_country(alpha2, numeric, timezone)`` and ``_cf_country_name(name, alpha2)``."""
    # One statement per table, the rows as SQL literals: a statement per row, or lists as parameters, cost more
    # than the rest of a small file's ingest.
    countries = ", ".join(f"({sql_str(alpha2)}, {int(numeric)}, {sql_str(tz)})"
                          for alpha2, numeric, _, tz in country_rows())
    con.execute("CREATE OR REPLACE TEMP TABLE _cf_country (alpha2 VARCHAR, numeric INTEGER, timezone VARCHAR)")
    con.execute(f"INSERT INTO _cf_country VALUES {countries}")
    names = ", ".join(f"({sql_str(name)}, {sql_str(alpha2)})" for name, alpha2 in country_names().items())
    con.execute("CREATE OR REPLACE TEMP TABLE _cf_country_name (name VARCHAR, alpha2 VARCHAR)")
    con.execute(f"INSERT INTO _cf_country_name VALUES {names}")


def drop_country_tables(con: Any) -> None:
    con.execute("DROP TABLE IF EXISTS _cf_country")
    con.execute("DROP TABLE IF EXISTS _cf_country_name")
    con.execute("DROP TABLE IF EXISTS _cf_models")
    for name in ("_cf_sub", "_cf_actor", "_cf_notes", "_cf_when"):
        con.execute(f"DROP TABLE IF EXISTS {name}")


def _fragment_regex(fragments: tuple[str, ...]) -> str:
    return "|".join(re.escape(fragment) for fragment in fragments)


def weapon_case(lowered_sql: str, allowed: list[str] | None = None) -> str:
    """SQL giving the first weapon class whose vocabulary fragment occurs in ``lowered_sql`` (lower-cased text;
    NULL if none).

    The same rule as :func:`ceasefire.vocab.weapon_of`, limited to the classes in ``allowed`` when given.
    """
    whens = []
    for name, fragments in weapon_fragments().items():
        if not fragments:
            continue
        if allowed is not None and name not in allowed:
            continue
        whens.append(f"WHEN regexp_matches({lowered_sql}, {sql_str(_fragment_regex(fragments))}) "
                     f"THEN {sql_str(name)}")
    return f"(CASE {' '.join(whens)} ELSE NULL END)" if whens else "NULL"


@cache
def target_rules() -> tuple[tuple[str, str], ...]:
    return tuple((str(rule["type"]), str(rule["pattern"])) for rule in load_yaml("targets.yaml"))


def target_case(lowered_sql: str, categories: tuple[str, ...] | None = None) -> str:
    """SQL giving the first target type whose words occur in ``lowered_sql`` (lower-cased text; NULL if none),
    optionally limited to types in the given top-level categories. Patterns are lower-case;
    one combined pattern screens out the many texts that name no target before the per-type tests run."""
    rules = [(t, p) for t, p in target_rules() if categories is None or t.split(".", 1)[0] in categories]
    if not rules:
        return "NULL"
    lowered = lowered_sql
    whens = " ".join(f"WHEN regexp_matches({lowered}, {sql_str(p)}) THEN {sql_str(t)}" for t, p in rules)
    screen = sql_str("|".join(f"(?:{p})" for _, p in rules))
    return f"(CASE WHEN regexp_matches({lowered}, {screen}) THEN (CASE {whens} ELSE NULL END) ELSE NULL END)"


@cache
def airforce_fragments() -> dict[str, tuple[str, ...]]:
    data: dict[str, list[str]] = load_yaml("airforce.yaml")
    return {name: tuple(str(f).lower() for f in fragments) for name, fragments in data.items()}
