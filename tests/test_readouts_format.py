"""The readout file format: header keys, errors that name the place, and any input gives a readout or BadInput."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ceasefire.errors import BadInput
from ceasefire.readouts import HEADER_KEYS, load_readout, parse_readout

EXAMPLES = Path(__file__).resolve().parent.parent / "examples" / "readouts"


def test_header_fields_are_read() -> None:
    r = parse_readout("---\nissuer: Kremlin\ndate: 2025-03-18\nurl: http://x\n# a comment\n---\nPutin spoke.\n")
    assert (r.issuer, r.party, r.date, r.url, r.lang, r.body_line) == (
        "Kremlin", "RU", date(2025, 3, 18), "http://x", "en", 7
    )
    assert r.text.strip() == "Putin spoke."


def test_no_header_is_all_body_and_language_is_detected() -> None:
    r = parse_readout("Україна погодилася на мораторій.\n")
    assert r.lang == "uk" and r.issuer is None and r.body_line == 1
    assert parse_readout("Россия согласилась на перемирие.").lang == "ru"


@pytest.mark.parametrize(
    ("text", "place", "words"),
    [
        ("---\nissuer: X\n", 1, "never closed"),
        ("---\nwho: X\n---\nbody", 2, "unknown header key"),
        ("---\ndate: 18/03/2025\n---\nbody", 2, "ISO 8601"),
        ("---\nparty: russia!\n---\nbody", 2, "party"),
        ("---\nlang: de\n---\nbody", 2, "lang"),
        ("---\nissuer: a\nissuer: b\n---\nbody", 3, "twice"),
        ("---\nissuer: a\n---\n\n  \n", 4, "no text"),
        ("---\njust words\n---\nbody", 2, "key: value"),
    ],
)
def test_bad_input_names_the_line(text: str, place: int, words: str) -> None:
    with pytest.raises(BadInput) as caught:
        parse_readout(text, file="r.txt")
    assert caught.value.place == place and words in caught.value.message
    assert str(caught.value).startswith(f"r.txt:{place}: ")


def test_binary_and_non_utf8_files(tmp_path: Path) -> None:
    path = tmp_path / "x.txt"
    path.write_bytes(b"\xff\xfe\x00junk")
    with pytest.raises(BadInput, match="UTF-8"):
        load_readout(path)
    with pytest.raises(BadInput, match="cannot read"):
        load_readout(tmp_path / "missing.txt")


def test_every_example_loads() -> None:
    files = sorted(EXAMPLES.glob("*.txt"))
    assert len(files) >= 6
    for path in files:
        r = load_readout(path)
        assert r.party in {"RU", "UA", "US"} and r.date is not None and r.sentences()


_header_value = st.text(st.characters(blacklist_categories=["Cs", "Cc"]), max_size=30)


@settings(max_examples=150, deadline=None)
@given(st.text(max_size=300))
def test_any_text_gives_a_readout_or_bad_input(text: str) -> None:
    try:
        r = parse_readout(text, file="fuzz.txt")
    except BadInput as err:
        assert str(err).startswith("fuzz.txt")
        return
    assert r.text and r.lang in ("en", "uk", "ru")
    for sentence in r.sentences():
        assert sentence.text and r.text[sentence.start:sentence.end].split() == sentence.text.split()


@settings(max_examples=100, deadline=None)
@given(st.dictionaries(st.sampled_from(HEADER_KEYS), _header_value, max_size=7), st.text(min_size=1, max_size=80))
def test_any_header_gives_a_readout_or_bad_input(header: dict[str, str], body: str) -> None:
    text = "---\n" + "".join(f"{k}: {v}\n" for k, v in header.items()) + "---\n" + body
    try:
        r = parse_readout(text, file="fuzz.txt")
    except BadInput as err:
        assert err.file == "fuzz.txt"
        return
    if header.get("issuer", "").strip().strip("\"'"):
        assert r.issuer is not None
