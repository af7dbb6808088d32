"""Every reader on arbitrary input: records (or quarantined rows), or a clean BadInput with nothing stored."""

from __future__ import annotations

import json
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ceasefire.errors import BadInput
from ceasefire.sources import acled, airforce, detect_format, ucdp, weapon_of_model
from ceasefire.workspace import Workspace, open_workspace
from ceasefire.workspace.ingest import ingest_file

_HEADERS = {
    "acled": ",".join(acled.REQUIRED),
    "ucdp": ",".join(ucdp.REQUIRED),
    "airforce": ",".join(airforce.REQUIRED),
}
_cell = st.one_of(st.text(max_size=12), st.sampled_from(["2022-03-01", "50.4", "-1", "NaN", '"', '""', "1e999",
                                                         "2025-03-06 21:00", "Military Forces of Russia (2000-)"]))


def _counts(ws: Workspace) -> tuple[object, ...]:
    return tuple(ws.con.execute(f"SELECT count(*), coalesce(sum(hash(t)), 0) FROM {t} t").fetchone()
                 for t in ("reports", "tallies", "quarantine", "ingests"))


def _check(ws: Workspace, path: Path, fmt: str) -> None:
    before = _counts(ws)
    try:
        result = ingest_file(ws, path, format=fmt)
    except BadInput as err:
        assert str(path) in str(err) and "\n" not in str(err)
        assert _counts(ws) == before
        return
    assert result.read == result.added + result.present + result.quarantined


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(fmt=st.sampled_from(sorted(_HEADERS)), keep_header=st.booleans(),
       rows=st.lists(st.lists(_cell, min_size=0, max_size=16), max_size=6), tail=st.binary(max_size=20))
def test_csv_readers_never_crash(fmt: str, keep_header: bool, rows: list[list[str]], tail: bytes) -> None:
    lines = [_HEADERS[fmt]] if keep_header else []
    lines += [",".join(row) for row in rows]
    data = ("\n".join(lines) + "\n").encode("utf-8") + tail
    with tempfile.TemporaryDirectory() as folder, open_workspace(Path(folder) / "ws.duckdb") as ws:
        path = Path(folder) / "in.csv"
        path.write_bytes(data)
        _check(ws, path, fmt)


_json_value = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=8),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=6), inner, max_size=3),
    max_leaves=8,
)
_report_like = st.fixed_dictionaries(
    {"report_id": st.one_of(st.text(max_size=6), st.integers())},
    optional={"when": st.one_of(_json_value, st.fixed_dictionaries({"start": st.sampled_from(
        ["2025-03-18T22:00:00", "yesterday", "2025-03-18T22:00:00+02:00"])})),
        "place": _json_value, "target": _json_value, "weapon": _json_value, "fatalities": _json_value},
)


@settings(max_examples=25, deadline=None)
@given(lines=st.lists(st.one_of(_report_like.map(json.dumps), st.text(max_size=20)),
                      max_size=6), tail=st.binary(max_size=10))
def test_jsonl_reader_never_crashes(lines: list[str], tail: bytes) -> None:
    data = "\n".join(line.replace("\n", " ") for line in lines).encode("utf-8") + b"\n" + tail
    with tempfile.TemporaryDirectory() as folder, open_workspace(Path(folder) / "ws.duckdb") as ws:
        path = Path(folder) / "in.jsonl"
        path.write_bytes(data)
        _check(ws, path, "jsonl")


@settings(max_examples=30, deadline=None)
@given(head=st.binary(max_size=64))
def test_detect_format_tells_or_refuses(head: bytes) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "in.dat"
        path.write_bytes(head)
        try:
            assert detect_format(path) in {"acled", "ucdp", "airforce", "jsonl", "text"}
        except BadInput as err:
            assert str(path) in str(err)


def test_detect_format_by_header(tmp_path: Path) -> None:
    for fmt, header in _HEADERS.items():
        path = tmp_path / f"{fmt}.csv"
        path.write_text(header + "\n", encoding="utf-8")
        assert detect_format(path) == fmt


def test_airforce_models_all_have_a_weapon() -> None:
    assert weapon_of_model("Shahed-136/131") == "drone"
    assert weapon_of_model("Supercam") == "drone"
    assert weapon_of_model("C-300") == "missile"
    assert weapon_of_model("Iskander-M/KN-23") == "missile"
    assert weapon_of_model("GBU") == "glide_bomb"
    assert weapon_of_model("Something new") == "unknown"
