"""``--agreements PATH`` shared by the commands that judge reports against agreements."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, TypeVar

import click

from ceasefire.model.agreement import Agreement

F = TypeVar("F", bound=Callable[..., Any])


def agreements_option(func: F) -> F:
    option = click.option(
        "--agreements",
        "agreement_paths",
        multiple=True,
        type=click.Path(exists=True, path_type=Path),
        help="Agreement YAML file or folder (repeatable). Default: the bundled 2025 agreements.",
    )
    return option(func)


def load_chosen(paths: Sequence[Path]) -> list[Agreement]:
    from ceasefire.agreements import load_agreements

    if not paths:
        return load_agreements()
    files: list[Path] = []
    for path in paths:
        files.extend(sorted([*path.glob("*.yaml"), *path.glob("*.yml")]) if path.is_dir() else [path])
    return load_agreements(files)
