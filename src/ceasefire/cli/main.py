"""Entry point: ``ceasefire <command>``. Subcommands are found in the modules of ``ceasefire.cli``."""

from __future__ import annotations

import importlib
import pkgutil
import sys
from typing import Any

import click

import ceasefire.cli as cli_package
from ceasefire import __version__
from ceasefire.errors import CeasefireError


class _Root(click.Group):
    """Turns our own errors into one line on stderr and exit code 2."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except CeasefireError as err:
            click.echo(f"ceasefire: {err}", err=True)
            ctx.exit(2)


@click.group(cls=_Root, context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100})
@click.version_option(__version__, prog_name="ceasefire")
def cli() -> None:
    """Monitor ceasefires with evidence.

    Write each party's account of an agreement as YAML, ingest incident reports (ACLED, UCDP, Air Force
    tallies, JSON Lines, news text), and see which incidents fall under which account's terms, and why.
    Start with `ceasefire demo`.
    """


def _register() -> None:
    for info in pkgutil.iter_modules(cli_package.__path__):
        if info.name.startswith("_") or info.name == "main":
            continue
        module = importlib.import_module(f"ceasefire.cli.{info.name}")
        command = getattr(module, "command", None)
        if isinstance(command, click.Command):
            cli.add_command(command)


_register()


def main(argv: list[str] | None = None) -> None:
    cli.main(args=argv if argv is not None else sys.argv[1:], prog_name="ceasefire")
