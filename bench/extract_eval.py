"""Accuracy of ``ceasefire.extract`` on the labelled development set, per field and language.

    python bench/extract_eval.py [--split tune|holdout|all] [--errors]

Each expected record is paired with at most one extracted incident record (best agreement first); an expected
record left unpaired counts as wrong in every field. ``incidents`` is the share of texts for which the number of
incident records is right (0 for texts that describe no incident); ``spurious`` counts extracted incidents left
unpaired. ``--errors`` lists the disagreements, for the tuning part only: the held-out part is scored, never read.
The baseline the figures compare against is the share a constant guess would get (``baseline`` row).
"""

from __future__ import annotations

import argparse
import json
import math
import sys
from collections import Counter, defaultdict
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from ceasefire.extract import extract_text  # noqa: E402
from ceasefire.model.report import Report  # noqa: E402

DEVSET = ROOT / "tests" / "data" / "devset" / "reports.jsonl"
FIELDS = ("date", "place", "admin1", "country", "actor", "claimant", "target", "weapon")
LANGS = ("en", "uk", "ru")
TOLERANCE_KM = 25.0


def load(path: Path = DEVSET) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 6371.0 * 2 * math.asin(math.sqrt(a))


def _days(report: Report) -> tuple[str | None, str | None]:
    if report.when_start is None or report.when_end is None:
        return None, None
    last = report.when_end - timedelta(microseconds=1)
    return report.when_start.date().isoformat(), last.date().isoformat()


def field_scores(report: Report, expected: dict[str, Any]) -> dict[str, bool]:
    place = report.place
    want = expected["place"]
    scores: dict[str, bool] = {}
    scores["date"] = _days(report) == (expected["when"]["start"], expected["when"]["end"])
    if want is None:
        scores["place"] = place is None
        scores["admin1"] = place is None or place.admin1 is None
        scores["country"] = place is None or place.country is None
    else:
        if want["lat"] is None:
            scores["place"] = place is not None and place.name is None and place.admin1 == want["admin1"]
        else:
            scores["place"] = (place is not None and place.lat is not None and place.lon is not None
                               and km(place.lat, place.lon, want["lat"], want["lon"]) <= TOLERANCE_KM)
        scores["admin1"] = place is not None and place.admin1 == want["admin1"]
        scores["country"] = place is not None and place.country == want["country"]
    scores["actor"] = report.actor == expected["actor"]
    scores["claimant"] = report.claimant == expected["claimant"]
    scores["target"] = report.target.category == expected["target"]["category"]
    scores["weapon"] = report.weapon == expected["weapon"]
    return scores


def pair(reports: list[Report], expected: list[dict[str, Any]]) -> list[tuple[dict[str, Any], Report | None]]:
    options = []
    for i, want in enumerate(expected):
        for j, got in enumerate(reports):
            score = sum(field_scores(got, want).values()) + (got.stance == want["stance"])
            options.append((score, i, j))
    options.sort(key=lambda o: (-o[0], o[1], o[2]))
    used_i: set[int] = set()
    used_j: set[int] = set()
    pairs: dict[int, Report] = {}
    for _, i, j in options:
        if i in used_i or j in used_j:
            continue
        used_i.add(i)
        used_j.add(j)
        pairs[i] = reports[j]
    return [(want, pairs.get(i)) for i, want in enumerate(expected)]


def evaluate(items: list[dict[str, Any]], *, errors: bool = False) -> dict[str, dict[str, tuple[int, int]]]:
    right: dict[str, Counter[str]] = defaultdict(Counter)
    total: dict[str, Counter[str]] = defaultdict(Counter)
    for item in items:
        lang = item["lang"]
        published = date.fromisoformat(item["published"])
        reports = extract_text(item["text"], report_id=item["id"], published=published, source=item["source"])
        incidents = [r for r in reports if r.is_incident]
        total[lang]["incidents"] += 1
        right[lang]["incidents"] += len(incidents) == len(item["expected"])
        pairs = pair(incidents, item["expected"])
        total[lang]["spurious"] += 0
        right[lang]["spurious"] += len(incidents) - sum(1 for _, got in pairs if got is not None)
        for want, got in pairs:
            scores = field_scores(got, want) if got is not None else dict.fromkeys(FIELDS, False)
            for name in FIELDS:
                total[lang][name] += 1
                right[lang][name] += scores[name]
            if errors and not all(scores.values()):
                wrong = [n for n in FIELDS if not scores[n]]
                print(f"# {item['id']} wrong: {', '.join(wrong)}", file=sys.stderr)
                print(f"  text: {item['text']}", file=sys.stderr)
                print(f"  want: {json.dumps(want, ensure_ascii=False)}", file=sys.stderr)
                print(f"  got:  {got.dumps() if got else None}", file=sys.stderr)
        if errors and len(incidents) != len(item["expected"]):
            print(f"# {item['id']} incidents: want {len(item['expected'])}, got {len(incidents)}", file=sys.stderr)
            print(f"  text: {item['text']}", file=sys.stderr)
            for got in incidents:
                print(f"  got:  {got.dumps()}", file=sys.stderr)
    return {lang: {name: (right[lang][name], total[lang][name]) for name in (*FIELDS, "incidents", "spurious")}
            for lang in LANGS if total[lang]}


def baseline(items: list[dict[str, Any]]) -> dict[str, float]:
    """The accuracy of always guessing each field's most common label (over every language)."""
    values: dict[str, Counter[str]] = defaultdict(Counter)
    count = 0
    for item in items:
        for want in item["expected"]:
            count += 1
            values["actor"][str(want["actor"])] += 1
            values["claimant"][str(want["claimant"])] += 1
            values["target"][want["target"]["category"]] += 1
            values["weapon"][want["weapon"]] += 1
            values["country"][str(want["place"] and want["place"]["country"])] += 1
    return {name: counter.most_common(1)[0][1] / count for name, counter in values.items()} if count else {}


def print_table(title: str, result: dict[str, dict[str, tuple[int, int]]], base: dict[str, float]) -> None:
    print(f"\n{title}")
    header = f"{'lang':<9}{'n':>4}" + "".join(f"{name:>10}" for name in FIELDS) + f"{'incidents':>11}{'spurious':>10}"
    print(header)
    for lang, fields in result.items():
        n = fields["date"][1]
        cells = "".join(f"{(r / t if t else 0):>10.2f}" for r, t in (fields[name] for name in FIELDS))
        inc_r, inc_t = fields["incidents"]
        print(f"{lang:<9}{n:>4}{cells}{inc_r / inc_t:>11.2f}{fields['spurious'][0]:>10d}")
    cells = "".join(f"{base[name]:>10.2f}" if name in base else f"{'':>10}" for name in FIELDS)
    print(f"{'baseline':<9}{'':>4}{cells}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--split", choices=("tune", "holdout", "all", "each"), default="each")
    parser.add_argument("--errors", action="store_true", help="list disagreements (tuning part only)")
    parser.add_argument("--devset", type=Path, default=DEVSET)
    args = parser.parse_args(argv)
    items = load(args.devset)
    started = datetime.now()
    splits = ("tune", "holdout", "all") if args.split == "each" else (args.split,)
    for split in splits:
        chosen = [i for i in items if split == "all" or i["split"] == split]
        show = args.errors and split == "tune"
        print_table(f"split: {split} ({len(chosen)} texts)", evaluate(chosen, errors=show), baseline(chosen))
    print(f"\n({(datetime.now() - started).total_seconds():.1f} s)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
