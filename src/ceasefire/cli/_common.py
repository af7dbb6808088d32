"""Options and output helpers every command shares."""

from __future__ import annotations

import json
import sys
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any, TypeVar

import click

from ceasefire.workspace import DEFAULT_PATH

F = TypeVar("F", bound=Callable[..., Any])


def workspace_option(func: F) -> F:
    """``--workspace PATH`` (env CEASEFIRE_WORKSPACE), default ./ceasefire.duckdb."""
    option = click.option(
        "--workspace",
        "-w",
        type=click.Path(dir_okay=False, path_type=Path),
        default=DEFAULT_PATH,
        envvar="CEASEFIRE_WORKSPACE",
        show_default=True,
        help="The workspace file (DuckDB). Created on first use.",
    )
    return option(func)


def json_option(func: F) -> F:
    option = click.option("--json", "as_json", is_flag=True, help="Machine output: JSON Lines on stdout.")
    return option(func)


def emit_jsonl(records: Iterable[dict[str, Any]]) -> None:
    out = sys.stdout
    for record in records:
        out.write(json.dumps(record, ensure_ascii=False, default=str))
        out.write("\n")


def emit_table(headers: list[str], rows: Iterable[Iterable[Any]], *, max_width: int = 48) -> None:
    """A plain aligned text table on stdout."""
    cells = [[_cell(v, max_width) for v in row] for row in rows]
    widths = [len(h) for h in headers]
    for row in cells:
        for i, value in enumerate(row):
            widths[i] = max(widths[i], len(value))
    line = "  ".join(h.ljust(widths[i]) for i, h in enumerate(headers))
    click.echo(line.rstrip())
    click.echo("  ".join("-" * w for w in widths))
    for row in cells:
        click.echo("  ".join(v.ljust(widths[i]) for i, v in enumerate(row)).rstrip())


def _cell(value: Any, max_width: int) -> str:
    text = "" if value is None else str(value)
    text = " ".join(text.split())
    return text if len(text) <= max_width else text[: max_width - 1] + "…"
