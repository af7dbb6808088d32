"""How well ``ceasefire.extract`` finds Ukrainian and Russian settlements written in the case forms news uses.

    python bench/place_forms.py [--sample 400] [--min-population 1000] [--seed 1] [--regions Kursk,Sumy] [-v]

Label-free: settlements of Ukraine and Russia are drawn from the bundled gazetteer, and each one's Russian and
Ukrainian name is inflected with pymorphy3 into three cases after a preposition (ru: в + locative, у + genitive,
по + dative; uk: у + locative, біля + genitive, по + dative), every word of the name agreeing with its head noun.
The phrase goes into a template sentence in that language (a drone of the other side hits a house there, with
someone saying so), once on its own and once with the settlement's region named after it, in the genitive
("в Петровском Донецкой области"). Without the region only settlements that are the most populous of their name
are tried, since nothing else tells the others apart; with it, only those that are the most populous of their
name in their region (and regions that are cities, like "город Киев", are not added). Names pymorphy cannot
inflect with confidence (a noun whose normal form is not the name itself, an apostrophe, an indeclinable reading
it only guessed), and names with letters outside the language's alphabet (Latin, Belarusian, the other
language's), are left out; the first lines of the output count what was left out and why.

The extractor (told the text's language) is right when its first incident record's place lies within 25 km of
the settlement. The baseline, measured in the same run, is the project gazetteer alone: the first candidate of
the first settlement ``Gazetteer.find`` sees in the sentence (with the region named, the first candidate in that
region). ``-v`` lists up to 20 of the extractor's misses per cell.
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from collections import Counter, defaultdict
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from ceasefire._morphology import analyser  # noqa: E402
from ceasefire.extract import extract_text  # noqa: E402
from ceasefire.gazetteer import Gazetteer  # noqa: E402
from ceasefire.gazetteer._model import Entry, Region  # noqa: E402
from extract_eval import TOLERANCE_KM, km  # noqa: E402  (the dev set's distance and tolerance)

PUBLISHED = date(2025, 3, 1)
MISSES_SHOWN = 20
LANGS = ("ru", "uk")
CASES: dict[str, tuple[tuple[str, str], ...]] = {
    "ru": (("loct", "в"), ("gent", "у"), ("datv", "по")),
    "uk": (("loct", "у"), ("gent", "біля"), ("datv", "по")),
}
ALPHABETS = {
    "ru": frozenset("абвгдеёжзийклмнопрстуфхцчшщъыьэюя"),
    "uk": frozenset("абвгґдеєжзиіїйклмнопрстуфхцчшщьюя"),
}
# "{loc}" is the preposition, the inflected name and perhaps the region; keyed by language, the settlement's
# country (a Russian place is hit by Ukraine's side, a Ukrainian one by Russia's) and whether the case is the
# dative (which needs a verb of striking "at" the place).
TEMPLATES: dict[tuple[str, str, bool], str] = {
    ("ru", "RU", False): "Губернатор сообщил, что {loc} беспилотник ВСУ атаковал жилой дом.",
    ("ru", "RU", True): "Беспилотник ВСУ ударил по {loc}, повреждён жилой дом, сообщил губернатор.",
    ("ru", "UA", False): "Российский беспилотник атаковал жилой дом {loc}, сообщили местные власти.",
    ("ru", "UA", True): "Российский беспилотник ударил по {loc}, повреждён жилой дом, сообщили местные власти.",
    ("uk", "RU", False): "Губернатор повідомив, що {loc} безпілотник ЗСУ атакував житловий будинок.",
    ("uk", "RU", True): "Безпілотник ЗСУ вдарив по {loc}, пошкоджено житловий будинок, повідомив губернатор.",
    ("uk", "UA", False): "Російський дрон атакував житловий будинок {loc}, повідомили в ОВА.",
    ("uk", "UA", True): "Російський дрон вдарив по {loc}, пошкоджено житловий будинок, повідомили в ОВА.",
}
# the nouns a region's name is built on; words after it ("Крым" in "Республика Крым") stay in the nominative
REGION_NOUNS = frozenset({"республика", "область", "край", "округ", "республіка"})
# "Ростов-на-Дону": only the part before the preposition is inflected
HYPHEN_PREPOSITIONS = frozenset({"на", "над", "под", "при", "біля", "під"})
AGREEMENT = ("masc", "femn", "neut", "plur")
VOWELS = frozenset("аеёиоуыэюяєії")


# --- pymorphy3, kept behind a few functions (it has no type stubs) ---------------------------------------------


def _same(a: str, b: str) -> bool:
    return a.lower().replace("ё", "е") == b.lower().replace("ё", "е")


def nominatives(morph: Any, word: str, pos: str) -> list[Any]:
    """Parses of ``word`` as a nominative ``pos`` (NOUN or ADJF); a noun's normal form must be the word itself."""
    found = []
    for parse in morph.parse(word):
        tag = parse.tag
        if pos != tag.POS or tag.case != "nomn":
            continue
        if pos == "NOUN" and not _same(parse.normal_form, word):
            continue
        found.append(parse)
    return found


def agreement(parse: Any) -> str | None:
    """What an adjective must agree in with this parse: its gender, or "plur"."""
    tag = parse.tag
    if "plur" in tag:
        return "plur"
    gender = tag.gender
    return str(gender) if gender in AGREEMENT else None


def is_fixed(parse: Any) -> bool:
    return "Fixd" in parse.tag


def doubtful_fixed(parse: Any) -> bool:
    """An indeclinable reading pymorphy only guessed for a word ending in a consonant ("Долінск")."""
    return is_fixed(parse) and not parse.is_known and str(parse.word)[-1:] not in VOWELS


def inflect(parse: Any, case: str, agree: str, lang: str) -> str | None:
    """The parse's word in ``case`` (agreeing in gender or number for an adjective), or None."""
    wanted = {case, agree} if parse.tag.POS == "ADJF" or agree == "plur" else {case}
    first = parse.inflect(wanted)
    if first is None:
        return None
    if lang == "uk" and case in ("loct", "datv"):
        options = [str(form.word) for form in parse.lexeme if form.tag == first.tag]
        return _ukrainian_choice(str(parse.word), case, options or [str(first.word)])
    return str(first.word)


def _ukrainian_choice(nominative: str, case: str, options: list[str]) -> str:
    """Of pymorphy's Ukrainian variants the one news writes for a place: "у Великому Бурлуку", "по Бурлуку",
    not "у Великім Бурлукові", "по Бурлукові" (the locative keeps "-ові" where the name ends in "-ів", as in
    "у Харкові")."""
    if len(options) > 1 and (case == "datv" or not nominative.endswith(("ів", "їв"))):
        plain = [o for o in options if not o.endswith(("ові", "еві", "єві"))]
        options = plain or options
    fuller = [o for o in options if o.endswith("ому")]
    return fuller[0] if fuller else options[0]


# --- inflecting names -------------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Part:
    """One hyphen-separated part of a word: a parse to inflect, or None to keep the text as it is."""

    text: str
    parse: Any


@dataclass(frozen=True, slots=True)
class Reading:
    """A word (perhaps hyphenated) read as a noun or an adjective, agreeing in ``agree``; ``tail`` is kept
    as it is ("-на-Дону")."""

    role: str
    agree: str
    parts: tuple[Part, ...]
    tail: str = ""


def _capitalised(word: str, like: str) -> str:
    return word[:1].upper() + word[1:] if like[:1].isupper() else word


def _split_tail(word: str) -> tuple[list[str], str]:
    parts = word.split("-")
    for i, part in enumerate(parts[1:], 1):
        if part.lower() in HYPHEN_PREPOSITIONS:
            return parts[:i], "-" + "-".join(parts[i:])
    return parts, ""


class Inflector:
    """Case forms of settlement and region names in one language."""

    def __init__(self, lang: str) -> None:
        self.lang = lang
        self.morph = analyser(lang)
        self.alphabet = ALPHABETS[lang]

    def writable(self, name: str) -> bool:
        """Only the language's own letters, spaces and hyphens (apostrophed names are left out too)."""
        return bool(name) and all(c in self.alphabet or c in " -" for c in name.lower())

    def readings(self, word: str) -> list[Reading]:
        """Every way to read ``word`` as a noun or an adjective. In a hyphenated word the parts before its
        noun stay as they are ("Соль-Илецк", "Ивано-Франковск") and those after it are adjectives that agree
        with it ("Каменск-Шахтинский"); with no noun part, the last part is an adjective ("Кабардино-Балкарская")."""
        texts, tail = _split_tail(word)
        nouns = [nominatives(self.morph, t, "NOUN") for t in texts]
        adjectives = [nominatives(self.morph, t, "ADJF") for t in texts]
        found: list[Reading] = []
        for i, parses in enumerate(nouns):
            for noun in parses:
                agree = agreement(noun)
                if agree is None or doubtful_fixed(noun):
                    continue
                after = [next((a for a in adjectives[j] if agreement(a) == agree), None)
                         for j in range(i + 1, len(texts))]
                if any(a is None for a in after):
                    continue
                kept = [Part(t, None) for t in texts[:i]]
                head = Part(texts[i], None if is_fixed(noun) else noun)
                agreeing = [Part(t, a) for t, a in zip(texts[i + 1:], after, strict=True)]
                found.append(Reading("noun", agree, (*kept, head, *agreeing), tail))
            if found:
                break  # the first noun part that can carry the rest
        for adjective in adjectives[-1]:
            agree = agreement(adjective)
            if agree is not None and not tail:
                found.append(Reading("adj", agree, (*(Part(t, None) for t in texts[:-1]), Part(texts[-1], adjective))))
        return found

    def word_form(self, reading: Reading, case: str, agree: str) -> str | None:
        out = []
        for part in reading.parts:
            if part.parse is None:
                out.append(part.text)
                continue
            form = inflect(part.parse, case, agree, self.lang)
            if form is None:
                return None
            if "ё" not in part.text.lower():
                form = form.replace("ё", "е")
            out.append(_capitalised(form, part.text))
        return "-".join(out) + reading.tail

    def phrase(self, words: Sequence[str], head: int | None, case: str, *, keep_after: bool = False) -> str | None:
        """``words`` in ``case``: the noun at ``head`` decides gender and number and the other words are
        adjectives agreeing with it; with no ``head`` every word is an adjective that agrees with the others
        ("Янтарный", "Первомайское"). The words after the head are kept as they are if ``keep_after``."""
        readings = [self.readings(w) for w in words]
        inflected = range(head + 1) if head is not None and keep_after else range(len(words))
        starts: list[tuple[str, dict[int, Reading]]]
        if head is None:
            starts = [(agree, {}) for agree in AGREEMENT]
        else:
            starts = [(r.agree, {head: r}) for r in readings[head] if r.role == "noun"]
        for agree, chosen in starts:
            for i in inflected:
                if i not in chosen:
                    match = next((r for r in readings[i] if r.role == "adj" and r.agree == agree), None)
                    if match is None:
                        break
                    chosen[i] = match
            else:
                return self._render(words, chosen, case, agree)
        return None

    def _render(self, words: Sequence[str], chosen: dict[int, Reading], case: str, agree: str) -> str | None:
        forms = []
        for i, word in enumerate(words):
            form = self.word_form(chosen[i], case, agree) if i in chosen else word
            if form is None:
                return None
            forms.append(form)
        return " ".join(forms)

    def settlement(self, name: str, case: str) -> str | None:
        """The name in ``case``; the head is its last word that reads as a noun (none for an adjective alone)."""
        if not self.writable(name):
            return None
        words = name.split(" ")
        heads = [i for i, w in enumerate(words) if any(r.role == "noun" for r in self.readings(w))]
        return self.phrase(words, heads[-1] if heads else None, case)

    def region(self, name: str, case: str) -> str | None:
        """A region's name in ``case``: "Донецкой области", "Краснодарского края", "Республики Крым"; None for
        a city ("город Киев") or a name built on no region noun."""
        if not self.writable(name):
            return None
        words = name.split(" ")
        for i, word in enumerate(words):
            if any(p.normal_form in REGION_NOUNS for p in nominatives(self.morph, word, "NOUN")):
                return self.phrase(words, i, case, keep_after=True)
        return None


# --- probes ----------------------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Probe:
    lang: str
    case: str
    with_region: bool
    settlement: Entry
    name: str
    phrase: str
    text: str


@dataclass(frozen=True, slots=True)
class Outcome:
    probe: Probe
    extractor_ok: bool
    gazetteer_ok: bool
    extractor_got: str
    gazetteer_got: str


def sample_settlements(gaz: Gazetteer, count: int, min_population: int, regions: set[str] | None,
                       seed: int) -> list[Entry]:
    pool = [e for e in gaz.entries if e.kind == "settlement" and e.country in ("UA", "RU")
            and e.population >= min_population and (regions is None or e.admin1 in regions)]
    return random.Random(seed).sample(pool, min(count, len(pool)))


def local_name(entry: Entry | Region, lang: str) -> str | None:
    return entry.name_ru if lang == "ru" else entry.name_uk


def euphonic(preposition: str, word: str) -> str:
    """Russian "в" becomes "во" before "в" or "ф" and a consonant: "во Владимире", "во Фрязине"."""
    head = word[:2].lower()
    if preposition == "в" and len(head) == 2 and head[0] in "вф" and head[1] not in VOWELS:
        return "во"
    return preposition


def most_populous(gaz: Gazetteer, entry: Entry, names: Sequence[str], admin1: str | None = None) -> bool:
    """Whether ``entry`` is the most populous settlement the gazetteer knows by any of ``names`` (in
    ``admin1``): by its name, and by the case form tried, which may be another place's too ("Заречном" is
    Заречный's and Заречное's)."""
    rivals = [e for name in names for e in gaz.lookup(name, admin1=admin1) if e.kind == "settlement"]
    return bool(rivals) and max(rivals, key=lambda e: (e.population, e.id == entry.id)).id == entry.id


class Prober:
    """The template sentences for one language; ``tally`` counts the settlements and probes left out, and why."""

    def __init__(self, gaz: Gazetteer, lang: str) -> None:
        self.gaz = gaz
        self.lang = lang
        self.inflector = Inflector(lang)
        self.regions = {r.name: r for r in gaz.regions}
        self.region_forms: dict[str, str | None] = {}
        self.tally: Counter[str] = Counter()

    def region_form(self, admin1: str) -> str | None:
        if admin1 not in self.region_forms:
            region = self.regions.get(admin1)
            name = local_name(region, self.lang) if region else None
            self.region_forms[admin1] = self.inflector.region(name, "gent") if name else None
        return self.region_forms[admin1]

    def contexts(self, entry: Entry, name: str, form: str) -> list[str | None]:
        """What may follow the case form: nothing (if the name and form alone pick the settlement) and the
        region's name (if they do within the region)."""
        found: list[str | None] = []
        if most_populous(self.gaz, entry, (name, form)):
            found.append(None)
        else:
            self.tally["probes without region: not the most populous of its name or form"] += 1
        region = self.region_form(entry.admin1)
        if region is None:
            self.tally["probes with region: region not inflected"] += 1
        elif not most_populous(self.gaz, entry, (name, form), entry.admin1):
            self.tally["probes with region: not the most populous of its name or form there"] += 1
        else:
            found.append(region)
        return found

    def probes(self, entry: Entry) -> Iterator[Probe]:
        name = local_name(entry, self.lang)
        if name is None:
            self.tally["no name in the language"] += 1
            return
        if not self.inflector.writable(name):
            self.tally["letters outside the alphabet"] += 1
            return
        forms = {case: self.inflector.settlement(name, case) for case, _ in CASES[self.lang]}
        if not any(forms.values()):
            self.tally["not inflected"] += 1
            return
        self.tally["tried"] += 1
        for case, preposition in CASES[self.lang]:
            form = forms[case]
            if form is None:
                self.tally[f"no {case} form"] += 1
                continue
            for region in self.contexts(entry, name, form):
                phrase = f"{euphonic(preposition, form)} {form}" + (f" {region}" if region else "")
                text = TEMPLATES[(self.lang, entry.country, case == "datv")].format(loc=phrase)
                yield Probe(self.lang, case, region is not None, entry, name, phrase, text)


# --- scoring ---------------------------------------------------------------------------------------------------


def near(entry: Entry, lat: float | None, lon: float | None) -> bool:
    return lat is not None and lon is not None and km(lat, lon, entry.lat, entry.lon) <= TOLERANCE_KM


def by_extractor(probe: Probe) -> tuple[bool, str]:
    reports = extract_text(probe.text, report_id="probe", lang=probe.lang, published=PUBLISHED)
    incidents = [r for r in reports if r.is_incident]
    if not incidents:
        return False, "no incident"
    place = incidents[0].place
    if place is None:
        return False, "no place"
    return near(probe.settlement, place.lat, place.lon), f"{place.name} ({place.admin1})"


def by_gazetteer(gaz: Gazetteer, probe: Probe) -> tuple[bool, str]:
    mention = next((m for m in gaz.find(probe.text) if m.kind == "settlement"), None)
    if mention is None:
        return False, "nothing found"
    candidates = mention.candidates
    if probe.with_region:
        candidates = [c for c in candidates if c.admin1 == probe.settlement.admin1]
    if not candidates:
        return False, f"{mention.surface!r}: none in the region"
    best = candidates[0]
    return near(probe.settlement, best.lat, best.lon), f"{best.name} ({best.admin1})"


def run(gaz: Gazetteer, probe: Probe) -> Outcome:
    extractor_ok, extractor_got = by_extractor(probe)
    gazetteer_ok, gazetteer_got = by_gazetteer(gaz, probe)
    return Outcome(probe, extractor_ok, gazetteer_ok, extractor_got, gazetteer_got)


# --- report ----------------------------------------------------------------------------------------------------

Cell = tuple[str, str, bool]


def cell_of(probe: Probe) -> Cell:
    return probe.lang, probe.case, probe.with_region


def case_label(lang: str, case: str) -> str:
    return f"{dict(CASES[lang])[case]}+{case}"


def _row(label: str, outcomes: list[Outcome]) -> str:
    n = len(outcomes)
    extractor = sum(o.extractor_ok for o in outcomes) / n if n else 0.0
    gazetteer = sum(o.gazetteer_ok for o in outcomes) / n if n else 0.0
    return f"{label:<26}{n:>6}{extractor:>11.3f}{gazetteer:>11.3f}"


def print_table(outcomes: list[Outcome]) -> None:
    cells: dict[Cell, list[Outcome]] = defaultdict(list)
    for outcome in outcomes:
        cells[cell_of(outcome.probe)].append(outcome)
    print(f"{'lang case region':<26}{'n':>6}{'extractor':>11}{'gazetteer':>11}")
    for lang in LANGS:
        for case, _ in CASES[lang]:
            for with_region in (False, True):
                label = f"{lang}  {case_label(lang, case):<10} {'with' if with_region else 'without'}"
                print(_row(label, cells[(lang, case, with_region)]))
    print()
    for lang in LANGS:
        for with_region in (False, True):
            chosen = [o for o in outcomes if o.probe.lang == lang and o.probe.with_region == with_region]
            print(_row(f"{lang}  all {'with' if with_region else 'without'} region", chosen))
        print(_row(f"{lang}  all", [o for o in outcomes if o.probe.lang == lang]))
    print(_row("all", outcomes))


def print_misses(outcomes: list[Outcome]) -> None:
    misses: dict[Cell, list[Outcome]] = defaultdict(list)
    for outcome in outcomes:
        if not outcome.extractor_ok:
            misses[cell_of(outcome.probe)].append(outcome)
    for (lang, case, with_region), found in sorted(misses.items()):
        print(f"\n# {lang} {case_label(lang, case)} {'with' if with_region else 'without'} region: "
              f"{len(found)} misses")
        for o in found[:MISSES_SHOWN]:
            e = o.probe.settlement
            print(f"  {o.probe.phrase!r} [{e.name}, {e.admin1}, pop {e.population:,}] "
                  f"extractor: {o.extractor_got}; gazetteer: {o.gazetteer_got}{'' if o.gazetteer_ok else ' (wrong)'}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--sample", type=int, default=400, help="settlements drawn")
    parser.add_argument("--min-population", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--regions", help="comma-separated admin1 names to draw from (default: all)")
    parser.add_argument("-v", "--verbose", action="store_true", help=f"list up to {MISSES_SHOWN} misses per cell")
    args = parser.parse_args(argv)

    started = time.perf_counter()
    gaz = Gazetteer.load()
    regions = None
    if args.regions:
        regions = {r.strip() for r in args.regions.split(",") if r.strip()}
        unknown = regions - {r.name for r in gaz.regions}
        if unknown:
            parser.error(f"unknown regions: {', '.join(sorted(unknown))}")
    settlements = sample_settlements(gaz, args.sample, args.min_population, regions, args.seed)
    probers = [Prober(gaz, lang) for lang in LANGS]
    outcomes = [run(gaz, probe) for prober in probers for entry in settlements for probe in prober.probes(entry)]
    print(f"settlements drawn: {len(settlements)} (population >= {args.min_population:,}, seed {args.seed}"
          f"{', regions ' + ','.join(sorted(regions)) if regions else ''}); probes: {len(outcomes)}")
    for prober in probers:
        print(f"  {prober.lang}: " + "; ".join(f"{why} {n}" for why, n in prober.tally.most_common()))
    print()
    print_table(outcomes)
    if args.verbose:
        print_misses(outcomes)
    print(f"\n({time.perf_counter() - started:.1f} s)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
