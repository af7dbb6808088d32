"""The gazetteer's reading of running text: lower-case words that only look like towns, long texts."""

from __future__ import annotations

import time

import pytest
from hypothesis import given
from hypothesis import strategies as st

from ceasefire.gazetteer import Entry, Gazetteer
from ceasefire.gazetteer._gazetteer import _longest_first


@pytest.fixture(scope="module")
def gaz() -> Gazetteer:
    return Gazetteer.load()


@pytest.mark.parametrize("text", [
    "human rights groups urged restraint",
    "a man said the road was closed",
])
def test_lowercase_words_are_not_foreign_names_of_towns(gaz: Gazetteer, text: str) -> None:
    assert gaz.find(text) == []


@pytest.mark.parametrize(("text", "name"), [
    ("drones over kiev tonight", "Kyiv"),
    ("shelling of odessa port", "Odesa"),
    ("обстріл харкова вночі", "Kharkiv"),
])
def test_big_towns_in_lower_case_under_their_own_names(gaz: Gazetteer, text: str, name: str) -> None:
    assert [m.candidates[0].name for m in gaz.find(text)] == [name]


def test_overlaps_resolve_longest_first_in_text_order(gaz: Gazetteer) -> None:
    text = "Bila Tserkva, Kryvyi Rih and Nova Kakhovka were shelled."
    assert [m.surface for m in gaz.find(text)] == ["Bila Tserkva", "Kryvyi Rih", "Nova Kakhovka"]


def _reference(hits: list[tuple[int, int, int, list[Entry]]]) -> list[tuple[int, int]]:
    chosen: list[tuple[int, int]] = []
    for start, end, _, _ in sorted(hits, key=lambda h: (h[0] - h[1], h[0])):
        if all(end <= c[0] or start >= c[1] for c in chosen):
            chosen.append((start, end))
    return sorted(chosen)


@given(st.lists(st.tuples(st.integers(0, 60), st.integers(1, 6)), max_size=40))
def test_overlap_resolution_keeps_the_longest_then_leftmost(spans: list[tuple[int, int]]) -> None:
    hits: list[tuple[int, int, int, list[Entry]]] = [(s, s + n, 0, []) for s, n in spans]
    got = [(h[0], h[1]) for h in _longest_first(list(hits))]
    assert got == (_reference(hits) if hits else [])


def test_many_overlaps_are_resolved_in_linear_time() -> None:
    hits: list[tuple[int, int, int, list[Entry]]] = [(i, i + 2, 0, []) for i in range(40_000)]
    started = time.process_time()
    chosen = _longest_first(hits)
    assert len(chosen) == 20_000
    assert time.process_time() - started < 2.0  # comparing each hit with every one kept takes minutes
