"""Shared fixtures. Tests that need the real data in ../shared/data declare it with the ``shared_data`` fixture
and are skipped, with the reason, only where that folder is absent (it is present in CI)."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from ceasefire.workspace import Workspace, open_workspace

ROOT = Path(__file__).resolve().parent.parent


def shared_data_dir() -> Path:
    env = os.environ.get("CEASEFIRE_DATA")
    return Path(env) if env else ROOT.parent / "shared" / "data"


@pytest.fixture(scope="session")
def shared_data() -> Path:
    folder = shared_data_dir()
    if not folder.is_dir():
        pytest.skip(f"real data not found at {folder} (set CEASEFIRE_DATA to its folder)")
    return folder


@pytest.fixture
def workspace(tmp_path: Path) -> Iterator[Workspace]:
    with open_workspace(tmp_path / "test.duckdb") as ws:
        yield ws
