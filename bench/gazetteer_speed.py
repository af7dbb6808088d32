"""Benchmark: place-name matching in short news paragraphs.

Paragraphs are built from the notes of the real ACLED sample in ../shared/data (or $CEASEFIRE_DATA), falling
back to a few sentences of our own when it is absent. Prints ``Gazetteer.find`` paragraphs per second and its
ratio to a bare ``text.lower().split()`` pass over the same paragraphs (the cheapest scan one could do), plus
the time ``Gazetteer.load`` takes in this process.

Usage: python bench/gazetteer_speed.py [--paragraphs N]
"""

from __future__ import annotations

import argparse
import csv
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _common import shared_data_dir, timed
from ceasefire.gazetteer import Gazetteer

OWN_SENTENCES = [
    "Russian forces shelled Kupiansk and nearby villages in Kharkiv region overnight; two people were injured.",
    "Уночі окупанти атакували Херсон дронами, пошкоджено житловий будинок у Дніпровському районі.",
    "В Курской области после атаки БПЛА в Судже повреждена подстанция, сообщил губернатор.",
    "The air force said 48 of 60 drones launched from Kursk and Primorsko-Akhtarsk were shot down.",
]


def paragraphs(count: int) -> list[str]:
    path = shared_data_dir() / "acled-samples" / "acled_dummy_ukraine_russia_2022H1.csv"
    texts: list[str] = []
    if path.is_file():
        with path.open(encoding="utf-8") as handle:
            texts = [row["notes"] for row in csv.DictReader(handle) if row.get("notes")]
    texts = texts or OWN_SENTENCES
    return [texts[i % len(texts)] for i in range(count)]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--paragraphs", type=int, default=20_000)
    args = parser.parse_args()
    gaz, load_seconds = timed(Gazetteer.load)
    texts = paragraphs(args.paragraphs)
    # best of three for both, so that a busy shared machine disturbs the ratio less
    base_seconds = min(timed(lambda: [t.lower().split() for t in texts])[1] for _ in range(3))
    runs = [timed(lambda: [gaz.find(t) for t in texts]) for _ in range(3)]
    mentions, find_seconds = runs[0][0], min(seconds for _, seconds in runs)
    found = sum(len(m) for m in mentions)
    rate = len(texts) / find_seconds
    print(f"load: {load_seconds:.2f} s")
    print(f"find: {rate:,.0f} paragraphs/s ({found} mentions in {len(texts)} paragraphs, "
          f"mean {sum(map(len, texts)) / len(texts):.0f} chars)")
    print(f"ratio to lower()+split(): {find_seconds / base_seconds:.1f}x the time "
          f"({len(texts) / base_seconds:,.0f} paragraphs/s)")


if __name__ == "__main__":
    main()
