"""The bundled gazetteer: a compiled matcher over every name form, and lookups by name.

Matching runs on normalised text (see ``_text``): the automaton finds `` form `` inside `` text ``, so a match
is always a whole word or run of words. Overlaps are settled longest-first, then leftmost. Forms that are also
everyday words (``мир``, ``поле``, ``Bor``) count only when written with a capital letter and not first in a
sentence; other forms written in lower case count only for regions, countries and large towns.
"""

from __future__ import annotations

import gzip
import json
from collections.abc import Callable, Iterable
from functools import cache
from importlib import resources
from typing import cast

import ahocorasick

from ceasefire.gazetteer._model import Entry, Kind, Mention, Region, Resolved
from ceasefire.gazetteer._text import normalise_form, normalise_text

FLAG_COMMON = 1
LOWERCASE_MIN_POPULATION = 50_000
SENTENCE_START_MIN_POPULATION = 10_000
_SENTENCE_ENDS = frozenset(".!?\n\r…:;\"«»“”„")


class Gazetteer:
    """Offline place lookup for Ukraine and Russia (built from GeoNames data, CC BY 4.0)."""

    def __init__(self, data: str) -> None:
        """``data`` is the text of the bundled file (see scripts/build_gazetteer.py, ``serialise``)."""
        header_line, rest = data.split("\n#entries\n", 1)
        entry_block, form_block = rest.split("#forms\n", 1)
        header = json.loads(header_line)
        self.entries: list[Entry] = []
        for i, line in enumerate(entry_block.splitlines()):
            kind, name, uk, ru, admin1, country, lat, lon, population = line.split("\t")
            self.entries.append(Entry(i, cast(Kind, kind), name, uk or None, ru or None, admin1, country,
                                      float(lat), float(lon), int(population)))
        self._keys: list[str] = []
        self._flags: list[int] = []
        self._raw_ids: list[str] = []
        self._index: dict[str, int] = {}
        automaton = ahocorasick.Automaton(ahocorasick.STORE_INTS)
        for n, line in enumerate(form_block.splitlines()):
            key, flags, ids = line.split("\t")
            self._keys.append(key)
            self._flags.append(int(flags))
            self._raw_ids.append(ids)
            self._index[key] = n
            automaton.add_word(f" {key} ", n)
        automaton.make_automaton()
        self._automaton = automaton
        self._candidates: dict[int, list[Entry]] = {}
        self._admin1_names: dict[str, str] = dict(header["admin1_names"])
        self._regions: dict[str, Region] = {}
        for entry in self.entries:
            if entry.kind == "region":
                self._regions[entry.name] = Region(entry.name, entry.country, entry.lat, entry.lon,
                                                   entry.name_uk or "", entry.name_ru or "", entry)
                self._admin1_names.setdefault(normalise_form(entry.name), entry.name)

    def _entries_of(self, form: int) -> list[Entry]:
        found = self._candidates.get(form)
        if found is None:
            found = [self.entries[int(i)] for i in self._raw_ids[form].split(",")]
            self._candidates[form] = found
        return found

    @classmethod
    def load(cls) -> Gazetteer:
        """The bundled gazetteer (read once per process)."""
        return _bundled()

    # --- finding names in text -------------------------------------------------------------------------------

    def find(self, text: str) -> list[Mention]:
        """Every settlement, region and country named in ``text``, in order, longest match first."""
        padded = f" {normalise_text(text)} "
        hits: list[tuple[int, int, int]] = []
        keys = self._keys
        for end_index, form in self._automaton.iter(padded):
            # the match is " key " ending at end_index in padded text, which is text shifted right by one
            end = end_index - 1
            hits.append((end - len(keys[form]), end, form))
        if not hits:
            return []
        mentions: list[Mention] = []
        taken_until = -1
        for start, end, form in _longest_first(hits):
            if start < taken_until:
                continue
            candidates = self._entries_of(form)
            if not self._plausible(text, start, self._flags[form], candidates[0]):
                continue
            mentions.append(Mention(start, end, text[start:end], candidates[0].kind, list(candidates)))
            taken_until = end
        return mentions

    def _plausible(self, text: str, start: int, flags: int, best: Entry) -> bool:
        capitalised = text[start].isupper()
        big = best.kind != "settlement" or best.population >= LOWERCASE_MIN_POPULATION
        if not flags & FLAG_COMMON:
            return capitalised or big
        if not capitalised:
            return False
        return not _starts_sentence(text, start) or best.kind != "settlement" or (
            best.population >= SENTENCE_START_MIN_POPULATION)

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
        form = self._index.get(normalise_form(name))
        if form is None:
            return []
        entries = list(self._entries_of(form))
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
        form = self._index.get(key)
        if form is not None:
            for entry in self._entries_of(form):
                if entry.kind == "region":
                    return entry.admin1
        for mention in self.find(name):
            if mention.kind == "region":
                return mention.candidates[0].admin1
        return None

    @property
    def regions(self) -> list[Region]:
        return list(self._regions.values())


def _longest_first(hits: list[tuple[int, int, int]]) -> list[tuple[int, int, int]]:
    """Hits ordered so that a greedy pass keeps the longest of overlapping matches."""
    if len(hits) < 2:
        return hits
    chosen: list[tuple[int, int, int]] = []
    for hit in sorted(hits, key=lambda h: (h[0] - h[1], h[0])):
        if all(hit[1] <= c[0] or hit[0] >= c[1] for c in chosen):
            chosen.append(hit)
    return sorted(chosen)


def _starts_sentence(text: str, start: int) -> bool:
    i = start - 1
    while i >= 0 and text[i] in " \t([{'\"«“„-—–":
        i -= 1
    return i < 0 or text[i] in _SENTENCE_ENDS


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


@cache
def _bundled() -> Gazetteer:
    raw = (resources.files("ceasefire.gazetteer") / "data" / "gazetteer.tsv.gz").read_bytes()
    return Gazetteer(gzip.decompress(raw).decode("utf-8"))
