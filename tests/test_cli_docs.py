"""Every command and subcommand is documented in docs/cli/<command>.md, and has --help text."""

from __future__ import annotations

from pathlib import Path

import click
import pytest

from ceasefire.cli.main import cli

DOCS = Path(__file__).resolve().parent.parent / "docs" / "cli"


def _commands() -> list[tuple[str, click.Command]]:
    found: list[tuple[str, click.Command]] = []
    for name, command in sorted(cli.commands.items()):
        found.append((name, command))
        if isinstance(command, click.Group):
            found.extend((f"{name} {sub}", c) for sub, c in sorted(command.commands.items()))
    return found


def test_there_are_commands() -> None:
    assert {"assess", "status", "demo"} <= set(cli.commands)


@pytest.mark.parametrize(("path", "command"), _commands(), ids=[p for p, _ in _commands()])
def test_command_is_documented(path: str, command: click.Command) -> None:
    top = path.split()[0]
    doc = DOCS / f"{top}.md"
    assert doc.is_file(), f"docs/cli/{top}.md is missing"
    text = doc.read_text(encoding="utf-8")
    assert f"ceasefire {path}" in text, f"docs/cli/{top}.md never shows `ceasefire {path}`"
    assert command.help, f"`ceasefire {path}` has no --help text"
