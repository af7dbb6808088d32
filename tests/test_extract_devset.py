"""The labelled development set: well formed, covering what the issue asks, and read above a floor.

The floors guard against regressions; the figures themselves come from `python bench/extract_eval.py`.
"""

from __future__ import annotations

import importlib.util
import sys
from collections import Counter
from pathlib import Path
from types import ModuleType

import pytest

from ceasefire.vocab import WEAPONS_ORDER, target_types

ROOT = Path(__file__).resolve().parent.parent


def _bench() -> ModuleType:
    spec = importlib.util.spec_from_file_location("extract_eval", ROOT / "bench" / "extract_eval.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["extract_eval"] = module
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def bench() -> ModuleType:
    return _bench()


def test_devset_is_large_enough_and_marked(bench: ModuleType) -> None:
    items = bench.load()
    langs = Counter(item["lang"] for item in items)
    assert len(items) >= 120 and langs["uk"] >= 30 and langs["ru"] >= 30
    assert len({item["id"] for item in items}) == len(items)
    for item in items:
        assert isinstance(item["constructed"], bool) and item["basis"]
        assert item["split"] in ("tune", "holdout")
        for want in item["expected"]:
            assert want["target"]["type"] in target_types()
            assert want["weapon"] in WEAPONS_ORDER
            assert want["stance"] in ("allegation", "denial", "confirmation", "neutral")
    holdout = sum(1 for item in items if item["split"] == "holdout")
    assert 0.25 <= holdout / len(items) <= 0.35


def test_devset_covers_the_genre(bench: ModuleType) -> None:
    items = bench.load()
    wanted = [want for item in items for want in item["expected"]]
    categories = {w["target"]["category"] for w in wanted}
    assert {"energy", "infrastructure", "civilian", "military", "unknown"} <= categories
    assert set(WEAPONS_ORDER) <= {w["weapon"] for w in wanted}
    assert any(w["stance"] == "denial" for w in wanted)
    assert any(len(item["expected"]) > 1 for item in items)
    assert sum(1 for item in items if not item["expected"]) >= 15
    assert any(w["when"]["start"] != w["when"]["end"] for w in wanted)


def test_accuracy_stays_above_the_floor(bench: ModuleType) -> None:
    result = bench.evaluate(bench.load())
    for lang, fields in result.items():
        for name in bench.FIELDS:
            right, total = fields[name]
            assert right / total >= 0.8, f"{lang} {name}: {right}/{total}"
        right, total = fields["incidents"]
        assert right / total >= 0.8, f"{lang} incident count: {right}/{total}"
