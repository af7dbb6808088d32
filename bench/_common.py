"""Helpers the benchmarks share: timing and the location of the real data."""

from __future__ import annotations

import os
import time
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

T = TypeVar("T")
ROOT = Path(__file__).resolve().parent.parent


def shared_data_dir() -> Path:
    env = os.environ.get("CEASEFIRE_DATA")
    return Path(env) if env else ROOT.parent / "shared" / "data"


def timed(func: Callable[[], T]) -> tuple[T, float]:
    """Run ``func`` once and return its result and wall time in seconds."""
    started = time.perf_counter()
    result = func()
    return result, time.perf_counter() - started
