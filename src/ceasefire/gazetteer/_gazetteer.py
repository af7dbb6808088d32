"""The bundled gazetteer: a compiled matcher over every name form, and lookups by name.

Matching runs on normalised text (see ``_text``): the automaton finds `` form `` inside `` text ``, so a match
is always a whole word or run of words. Overlaps are settled longest-first, then leftmost. Forms that are also
everyday words (``мир``, ``поле``, ``Bor``) count only when written with a capital letter and not first in a
sentence; other forms written in lower case count only for regions, countries and large towns.
"""

from __future__ import annotations

import gzip
import hashlib
import json
import os
import pickle
import sys
from collections.abc import Callable, Iterable
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any, cast

import ahocorasick

from ceasefire.gazetteer._model import Entry, Kind, Mention, Region, Resolved
from ceasefire.gazetteer._text import normalise_form, normalise_text
from ceasefire.gazetteer._translit import latin_ru

_Hit = tuple[int, int, int, list[Entry]]
FLAG_COMMON = 1
LOWERCASE_MIN_POPULATION = 50_000
SENTENCE_START_MIN_POPULATION = 10_000
_SENTENCE_ENDS = frozenset(".!?\n\r…:;\"«»“”„")


class Gazetteer:
    """Offline place lookup for Ukraine and Russia (built from GeoNames data, CC BY 4.0).

    Rows are parsed when first needed, so loading costs little more than the automaton.
    """

    def __init__(self, data: str, *, automaton: Any = None) -> None:
        """``data`` is the text of the bundled file (see ``serialise`` in scripts/build_gazetteer.py);
        ``automaton`` a matcher already compiled from it (read from the cache)."""
        header_line, rest = data.split("\n#entries\n", 1)
        entry_block, form_block = rest.split("#forms\n", 1)
        self._entry_lines = entry_block.splitlines()
        self._entry_cache: list[Entry | None] = [None] * len(self._entry_lines)
        self._form_lines = form_block.splitlines()
        self._form_cache: dict[int, tuple[int, int, list[Entry]]] = {}
        self._automaton = automaton if automaton is not None else compile_automaton(self._form_lines)
        self._admin1_names: dict[str, str] = dict(json.loads(header_line)["admin1_names"])
        self._regions: dict[str, Region] = {}
        for i in range(len(self._entry_lines)):
            if not self._entry_lines[i].startswith(("region\t", "country\t")):
                break  # countries and regions come first
            entry = self._entry(i)
            if entry.kind == "region":
                self._regions[entry.name] = Region(entry.name, entry.country, entry.lat, entry.lon,
                                                   entry.name_uk or "", entry.name_ru or "", entry)
                self._admin1_names.setdefault(normalise_form(entry.name), entry.name)

    @classmethod
    def load(cls) -> Gazetteer:
        """The bundled gazetteer (read once per process)."""
        return _bundled()

    @property
    def entries(self) -> list[Entry]:
        """Every entry: countries, then regions, then settlements by falling population."""
        return [self._entry(i) for i in range(len(self._entry_lines))]

    @property
    def regions(self) -> list[Region]:
        return list(self._regions.values())

    def _entry(self, i: int) -> Entry:
        entry = self._entry_cache[i]
        if entry is None:
            kind, name, uk, ru, admin1, country, lat, lon, population = self._entry_lines[i].split("\t")
            entry = Entry(i, cast(Kind, kind), name, uk or None, ru or None, admin1, country, float(lat),
                          float(lon), int(population))
            self._entry_cache[i] = entry
        return entry

    def _form(self, n: int) -> tuple[int, int, list[Entry]]:
        """Length of the form's key, its flags and its entries, best first."""
        found = self._form_cache.get(n)
        if found is None:
            key, flags, ids = self._form_lines[n].split("\t")
            found = (len(key), int(flags), [self._entry(int(i)) for i in ids.split(",")])
            self._form_cache[n] = found
        return found

    # --- finding names in text -------------------------------------------------------------------------------

    def find(self, text: str) -> list[Mention]:
        """Every settlement, region and country named in ``text``, in order, longest match first."""
        hits = []
        form_of = self._form
        # " key " ending at index e of " text " means the name ends at e - 1 in text
        for end_index, n in self._automaton.iter(f" {normalise_text(text)} "):
            length, flags, candidates = form_of(n)
            hits.append((end_index - 1 - length, end_index - 1, flags, candidates))
        if not hits:
            return []
        if len(hits) > 1:
            hits = _longest_first(hits)
        mentions = []
        for start, end, flags, candidates in hits:
            if _plausible(text, start, flags, candidates[0]):
                mentions.append(Mention(start, end, text[start:end], candidates[0].kind, list(candidates)))
        if len(mentions) > 1:
            self._read_town_comma_region(text, mentions)
        return mentions

    def _read_town_comma_region(self, text: str, mentions: list[Mention]) -> None:
        """In "Kremenchuk, Poltava" the second name is the oblast, as ACLED and many reports write it: when a
        name that is also a region's short name follows a place that has a candidate in that region, read it
        as the region (the city stays among its candidates)."""
        for i in range(1, len(mentions)):
            before, mention = mentions[i - 1], mentions[i]
            if mention.kind != "settlement" or text[before.end:mention.start].strip() != ",":
                continue
            surface = mention.surface.lower()
            canonical = self._admin1_names.get(surface) if surface.isalpha() else (
                self._admin1_names.get(normalise_form(surface)))
            region = self._regions.get(canonical) if canonical else None
            if region is None or not any(c.admin1 == region.name for c in before.candidates if c.kind == "settlement"):
                continue
            mentions[i] = Mention(mention.start, mention.end, mention.surface, "region",
                                  [region.entry, *mention.candidates])

    # --- choosing one entry per mention ------------------------------------------------------------------------

    def resolve(self, text_or_mentions: str | Iterable[Mention]) -> list[Resolved]:
        """One entry per mention: a candidate in a region named in the same text wins, then one in the region
        of another place named there, then one in a country named there, then the most populous."""
        mentions = self.find(text_or_mentions) if isinstance(text_or_mentions, str) else list(text_or_mentions)
        named_regions = {m.candidates[0].admin1 for m in mentions if m.kind == "region"}
        named_countries = {m.candidates[0].country for m in mentions if m.kind == "country"}
        anchors = [(i, m.candidates[0].admin1) for i, m in enumerate(mentions)
                   if m.kind == "settlement" and (len(m.candidates) == 1 or m.candidates[0].population >= 100_000)]
        resolved = []
        for i, mention in enumerate(mentions):
            nearby = {admin1 for j, admin1 in anchors if j != i}
            resolved.append(_choose(mention, named_regions, nearby, named_countries))
        return resolved

    # --- lookups -----------------------------------------------------------------------------------------------

    def lookup(self, name: str, *, admin1: str | None = None, country: str | None = None) -> list[Entry]:
        """Entries with this name in any language, spelling or case form, best first."""
        form = self._automaton.get(f" {normalise_form(name)} ", None)
        if form is None:
            return []
        entries = list(self._form(form)[2])
        if admin1 is not None:
            wanted = self.canonical_admin1(admin1) or admin1
            entries = [e for e in entries if e.admin1 == wanted]
        if country is not None:
            entries = [e for e in entries if e.country == country.upper()]
        return entries

    def region(self, name: str) -> Region | None:
        """The region a name refers to: "Sumy region", "Сумська область", "Сумщина", "Курской области"."""
        canonical = self.canonical_admin1(name)
        return self._regions.get(canonical) if canonical else None

    def canonical_admin1(self, name: str) -> str | None:
        """The canonical English name of a region from any of its spellings, or None."""
        key = normalise_form(name)
        if key in self._admin1_names:
            return self._admin1_names[key]
        form = self._automaton.get(f" {key} ", None)
        if form is not None:
            for entry in self._form(form)[2]:
                if entry.kind == "region":
                    return entry.admin1
        for mention in self.find(name):
            if mention.kind == "region":
                return mention.candidates[0].admin1
        return None



def _longest_first(hits: list[_Hit]) -> list[_Hit]:
    """The hits a reader would take: of overlapping matches the longest (then the leftmost), in text order.

    Taken characters are marked in one array, so a long text with many overlaps costs time in proportion to
    the hits times their length, not to the hits squared."""
    hits.sort(key=_span)
    overlapping = False
    for i in range(len(hits) - 1):
        if hits[i][1] > hits[i + 1][0]:
            overlapping = True
            break
    if not overlapping:
        return hits
    taken = bytearray(max(h[1] for h in hits) + 1)
    chosen: list[_Hit] = []
    for hit in sorted(hits, key=lambda h: (h[0] - h[1], h[0])):
        start, end = hit[0], hit[1]
        if taken.find(1, start, end) < 0:
            taken[start:end] = b"\x01" * (end - start)
            chosen.append(hit)
    chosen.sort(key=_span)
    return chosen


def _plausible(text: str, start: int, flags: int, best: Entry) -> bool:
    capitalised = text[start].isupper()
    if not flags & FLAG_COMMON:
        if capitalised or best.kind != "settlement":
            return True
        # a big town written in lower case counts only under its own name ("kyiv", "харкова"), not under a
        # foreign alternate that is also a word ("human" is Uman in Polish)
        return best.population >= LOWERCASE_MIN_POPULATION and _own_name(text, start, best)
    if not capitalised:
        return False
    return best.kind != "settlement" or best.population >= SENTENCE_START_MIN_POPULATION or (
        not _starts_sentence(text, start))


def _own_name(text: str, start: int, entry: Entry) -> bool:
    """True when the text at ``start`` begins like one of the entry's own names (English, Ukrainian, Russian,
    or the Russian name in Latin letters: "kiev", "nikolaev")."""
    head = _skeleton(text[start: start + 3])
    if len(head) < 2:
        return False
    names = [entry.name, entry.name_uk or "", entry.name_ru or ""]
    if entry.name_ru:
        names.append(latin_ru(entry.name_ru))
    return any(name and _skeleton(name[:3]) == head for name in names)


def _skeleton(prefix: str) -> str:
    """Two leading letters of a name, with the vowels that transliteration varies most folded together."""
    return normalise_form(prefix).replace("y", "i").replace(" ", "")[:2]


def _starts_sentence(text: str, start: int) -> bool:
    i = start - 1
    while i >= 0 and text[i] in " \t([{'\"«“„-—–":
        i -= 1
    if i > 0 and text[i] == ".":
        # "в н.п. Тёткино", "с. Козинка", "пгт. Красная Яруга": an abbreviated settlement type, not a sentence end
        j = i
        while j > 0 and (text[j - 1].isalpha() or text[j - 1] == "."):
            j -= 1
        if text[j:i].lower().replace(".", "") in _SETTLEMENT_TYPES:
            return False
    return i < 0 or text[i] in _SENTENCE_ENDS


# abbreviations of a settlement's type written before its name
_SETTLEMENT_TYPES = frozenset({"нп", "н", "п", "с", "г", "м", "д", "х", "пгт", "смт", "пос", "сел", "ст", "мкр",
                               "рп", "сщ"})


def _choose(mention: Mention, regions: set[str], nearby: set[str], countries: set[str]) -> Resolved:
    candidates = mention.candidates
    if len(candidates) == 1:
        return Resolved(mention, candidates[0], "only")
    evidence: tuple[tuple[str, set[str], Callable[[Entry], str]], ...] = (
        ("region", regions, _admin1_of), ("nearby", nearby, _admin1_of), ("country", countries, _country_of))
    for reason, wanted, key in evidence:
        matching = [e for e in candidates if key(e) in wanted]
        # a country named in the text says nothing when every candidate lies in it
        if matching and not (reason == "country" and len(matching) == len(candidates)):
            return Resolved(mention, matching[0], reason)
    return Resolved(mention, candidates[0], "population")


def _admin1_of(entry: Entry) -> str:
    return entry.admin1


def _country_of(entry: Entry) -> str:
    return entry.country


def compile_automaton(form_lines: list[str]) -> Any:
    """An automaton that finds `` key `` for every form line's key and gives the line's index."""
    automaton = ahocorasick.Automaton(ahocorasick.STORE_INTS)
    for n, line in enumerate(form_lines):
        automaton.add_word(f" {line[:line.index(chr(9))]} ", n)
    automaton.make_automaton()
    return automaton


@cache
def _bundled() -> Gazetteer:
    packed = (resources.files("ceasefire.gazetteer") / "data" / "gazetteer.tsv.gz").read_bytes()
    data = gzip.decompress(packed).decode("utf-8")
    cached = _cache_file(packed)
    if cached is not None and cached.is_file():
        try:
            return Gazetteer(data, automaton=pickle.loads(cached.read_bytes()))
        except Exception:  # a cache from another version or a torn write: rebuild it below
            pass
    gazetteer = Gazetteer(data)
    if cached is not None:
        _write_cache(cached, gazetteer._automaton)
    return gazetteer


def _cache_file(packed: bytes) -> Path | None:
    """Where the compiled automaton is kept between runs: ``$CEASEFIRE_CACHE_DIR`` (``none`` turns it off),
    else the user's cache folder. The name changes with the data and the library versions."""
    setting = os.environ.get("CEASEFIRE_CACHE_DIR")
    if setting is not None and setting.lower() in {"", "none", "off"}:
        return None
    folder = Path(setting) if setting else Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache")
    stamp = hashlib.sha256(packed).hexdigest()[:16]
    version = f"{ahocorasick.__version__ if hasattr(ahocorasick, '__version__') else ''}{sys.version_info[:2]}"
    tag = hashlib.sha256(version.encode()).hexdigest()[:8]
    return (folder / "ceasefire" if not setting else folder) / f"gazetteer-{stamp}-{tag}.pickle"


def _write_cache(path: Path, automaton: Any) -> None:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        partial = path.with_suffix(f".{os.getpid()}.tmp")
        partial.write_bytes(pickle.dumps(automaton, protocol=pickle.HIGHEST_PROTOCOL))
        partial.replace(path)
    except OSError:  # a read-only home is fine: we just compile again next time
        pass


def _span(hit: _Hit) -> tuple[int, int]:
    return hit[0], hit[1]
