"""`read` on real text it was never tuned on: PeaceRep's humanitarian-corridor records (Interfax and
Interfax-Ukraine quotes from both sides, 2022), from ../shared/data."""

from __future__ import annotations

import csv
import re
from pathlib import Path

import pytest

from ceasefire.reading import read_article
from ceasefire.readouts import parse_readout

CORRIDORS = Path("peacerep-ukraine-map") / "humanitarian_corridors_ukraine_geocoded.csv"


def _texts(shared_data: Path) -> list[str]:
    path = shared_data / CORRIDORS
    if not path.is_file():
        pytest.skip(f"{path} not found")
    with path.open(encoding="utf-8", newline="") as handle:
        texts = list(dict.fromkeys(row["text"] for row in csv.DictReader(handle)))
    # The records join separate news items with ';;;;' and open with the dataset's own "Status: ...;" note.
    return [re.sub(r"^Status:[^;]*;\s*", "", t).replace(";;;;;", "\n\n").replace(";;;;", "\n\n") for t in texts]


@pytest.mark.shared_data
def test_corridor_records_read_as_arrangements_and_claims(shared_data: Path) -> None:
    texts = _texts(shared_data)
    assert len(texts) > 100
    mentions = found = with_claims = claims = named = 0
    for number, text in enumerate(texts):
        out = read_article(parse_readout(text, file=f"corridor-{number}"), incidents=False).to_json()
        if re.search(r"corridor|ceasefire|cease-fire|truce", text, re.IGNORECASE):
            mentions += 1
            found += bool(out["agreements"])
        with_claims += bool(out["claims"])
        for claim in out["claims"]:
            assert claim["speaker"] and claim["text"] and claim["sentence"]
            claims += 1
            named += claim["party"] is not None
    print(f"\narrangements found in {found}/{mentions} texts that mention one; {claims} claims in "
          f"{with_claims}/{len(texts)} texts, {named} with the speaker's party")
    assert found / mentions >= 0.9
    assert with_claims / len(texts) >= 0.3 and named / claims >= 0.4
