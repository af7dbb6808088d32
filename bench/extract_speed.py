"""Speed of ``ceasefire.extract`` on 50,000 news-like reports, on one core.

    python bench/extract_speed.py [--reports 50000] [--seed 7]

The reports are the development set's texts with their place names, numbers and weekdays swapped for others
drawn at random (so the vocabulary keeps changing, as in a real feed). Prints reports per second of
``extract_text`` (CPU time of this one process) and, as the baseline measured in the same run, the ratio to a
bare tokenisation pass (a regular-expression word split) over the same texts.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sys
import time
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from ceasefire.extract import extract_text  # noqa: E402
from ceasefire.extract._places import place_table  # noqa: E402

DEVSET = ROOT / "tests" / "data" / "devset" / "reports.jsonl"
_WORD = re.compile(r"\w+")
_NUMBER = re.compile(r"\b\d+\b")
_WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


def corpus(count: int, seed: int) -> list[tuple[str, date]]:
    rng = random.Random(seed)
    items = [json.loads(line) for line in DEVSET.read_text(encoding="utf-8").splitlines() if line.strip()]
    table = place_table()
    names_latin = [s.name for s in table.settlements if s.name.isascii()]
    known = sorted({s.name for s in table.settlements}, key=len, reverse=True)
    pattern = re.compile("|".join(re.escape(n) for n in known[:400] if len(n) > 3))
    texts = []
    for _ in range(count):
        item = rng.choice(items)
        text = item["text"]
        text = pattern.sub(lambda _m: rng.choice(names_latin), text) if item["lang"] == "en" else text
        text = _NUMBER.sub(lambda m: str(rng.randint(1, 99)) if len(m.group()) < 3 else m.group(), text)
        for day in _WEEKDAYS:
            if day in text:
                text = text.replace(day, rng.choice(_WEEKDAYS))
        texts.append((text, date.fromisoformat(item["published"])))
    return texts


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--reports", type=int, default=50_000)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args(argv)

    started = time.perf_counter()
    # one text per language loads every table and dictionary once (pymorphy3's too), outside the timed loop
    warm_up = ("Russian drones hit a substation in Kharkiv.", "Російські дрони атакували Кременчук, повідомив Кобзар.",
               "Беспилотник ВСУ атаковал Курск, сообщил Гладков.")
    for warm in warm_up:
        extract_text(warm, report_id="warm", published=date.today())
    load_seconds = time.perf_counter() - started
    texts = corpus(args.reports, args.seed)

    cpu = time.process_time()
    words = sum(len(_WORD.findall(text)) for text, _ in texts)
    baseline = time.process_time() - cpu

    cpu = time.process_time()
    records = 0
    incidents = 0
    for number, (text, published) in enumerate(texts):
        reports = extract_text(text, report_id=f"r{number}", published=published)
        records += len(reports)
        incidents += sum(1 for r in reports if r.is_incident)
    seconds = time.process_time() - cpu

    rate = len(texts) / seconds
    print(f"reports: {len(texts):,} ({words:,} words); records out: {records:,} ({incidents:,} incidents)")
    print(f"lexicons and places loaded in {load_seconds:.1f} s (once per process)")
    print(f"bare tokenisation: {baseline:.2f} s CPU ({len(texts) / baseline:,.0f} reports/s)")
    print(f"extract_text:      {seconds:.2f} s CPU ({rate:,.0f} reports/s on one core)")
    print(f"ratio extract / tokenisation: {seconds / baseline:.1f}x")
    print(f"goal >= 1,000 reports/s per core: {'met' if rate >= 1000 else 'NOT met'}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
