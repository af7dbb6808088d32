"""Property tests: whatever a file holds, the loader returns records or a clean BadInput, never a crash."""

from __future__ import annotations

import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ceasefire.agreements import Problem, bundled_paths, check_files, load_agreements
from ceasefire.errors import BadInput
from ceasefire.model.agreement import Agreement

FIELD_NAMES = [
    "id", "title", "parties", "mediators", "announced", "timezone", "reciprocal", "notes", "accounts", "party",
    "sources", "issuer", "date", "url", "citation", "quote", "start", "end", "duration", "in_force", "conditions",
    "provisions", "bound", "actions", "targets", "countries", "admin1", "areas", "description",
]
SCALARS = st.one_of(
    st.none(), st.booleans(), st.integers(), st.floats(allow_nan=True), st.text(max_size=20),
    st.sampled_from(["RU", "UA", "US", "XX", "all", "any", "energy", "energy.oil", "P30D", "PT0H", "P", "2025-03-18",
                     "2025-02-30", "2025-03-18T18:00", "Europe/Moscow", "Mars/Base", "../../etc/passwd", "strike"]),
)
YAMLISH = st.recursive(
    SCALARS,
    lambda children: st.one_of(
        st.lists(children, max_size=4),
        st.dictionaries(st.one_of(st.sampled_from(FIELD_NAMES), st.text(max_size=8)), children, max_size=6),
    ),
    max_leaves=30,
)
FUZZ = settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@pytest.fixture(scope="module")
def scratch() -> Iterator[Path]:
    with tempfile.TemporaryDirectory() as folder:
        yield Path(folder) / "fuzz.yaml"


def load_or_bad_input(path: Path) -> None:
    """The property: records and no problems, or a BadInput that matches the first problem check reports."""
    problems = check_files([path])
    assert all(isinstance(p, Problem) and p.file == str(path) for p in problems)
    assert all("\n" not in str(p) for p in problems)
    try:
        loaded = load_agreements([path])
    except BadInput as err:
        assert problems, "load failed where check found nothing"
        assert err.file == str(path) and err.place == problems[0].line
        return
    assert not problems, "load succeeded where check found problems"
    assert all(isinstance(a, Agreement) for a in loaded)


@FUZZ
@given(st.text(max_size=300))
def test_arbitrary_text(scratch: Path, text: str) -> None:
    scratch.write_text(text, encoding="utf-8", errors="surrogatepass")
    load_or_bad_input(scratch)


@FUZZ
@given(st.binary(max_size=200))
def test_arbitrary_bytes(scratch: Path, data: bytes) -> None:
    scratch.write_bytes(data)
    load_or_bad_input(scratch)


@FUZZ
@given(YAMLISH)
def test_arbitrary_yaml_structures(scratch: Path, value: Any) -> None:
    scratch.write_text(yaml.safe_dump(value, allow_unicode=True), encoding="utf-8")
    load_or_bad_input(scratch)


def _paths(value: Any, prefix: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    found = [prefix]
    if isinstance(value, dict):
        for key, child in value.items():
            found += _paths(child, (*prefix, key))
    elif isinstance(value, list):
        for index, child in enumerate(value):
            found += _paths(child, (*prefix, index))
    return found


def _replace(value: Any, path: tuple[Any, ...], new: Any) -> Any:
    if not path:
        return new
    head, rest = path[0], path[1:]
    if isinstance(value, dict):
        return {k: (_replace(v, rest, new) if k == head else v) for k, v in value.items()}
    return [(_replace(v, rest, new) if i == head else v) for i, v in enumerate(value)]


BASE = yaml.safe_load(next(p for p in bundled_paths() if p.stem == "energy-moratorium-2025").read_text("utf-8"))


@FUZZ
@given(st.sampled_from(_paths(BASE)), YAMLISH)
def test_one_field_of_a_real_file_replaced(scratch: Path, path: tuple[Any, ...], new: Any) -> None:
    scratch.write_text(yaml.safe_dump(_replace(BASE, path, new), allow_unicode=True), encoding="utf-8")
    load_or_bad_input(scratch)


def test_unmodified_base_loads(scratch: Path) -> None:
    scratch.write_text(yaml.safe_dump(BASE, allow_unicode=True), encoding="utf-8")
    assert load_agreements([scratch])


@pytest.mark.parametrize(
    "text",
    [
        "id: !!int abc\n",
        "id: !!float x\n",
        "id: !!timestamp not-a-time\n",
        "id: !!python/object/apply:os.system [echo hi]\n",
        "id: !!binary '%%%'\n",
        "base: &b {id: x}\n<<: *b\n",
        "? [a, b]\n: c\n",
        "[" * 450 + "]" * 450,
        "[" * 600 + "]" * 600,
        "{" * 600,
        "---\nid: a\n---\nid: b\n",
        "\ufeffid: x\n",
        "id: x\n\x00\n",
    ],
)
def test_awkward_yaml_is_a_clean_problem(scratch: Path, text: str) -> None:
    scratch.write_text(text, encoding="utf-8")
    load_or_bad_input(scratch)
    assert check_files([scratch])
