"""Where: settlements and first-level regions named in a text, from the extractor's bundled place tables.

``lexicon/places.tsv`` (GeoNames, CC BY 4.0) and ``lexicon/places_extra.tsv`` list settlements with their
written forms; ``lexicon/regions.tsv`` lists regions with the words that name them. This is the extractor's own
fallback until the project gazetteer (``ceasefire.gazetteer``) is available; see ``_gazetteer.py``.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from functools import cache

from ceasefire.extract._lexicon import Cue, Match, Matcher, _rows
from ceasefire.extract._text import Token, stem


@dataclass(frozen=True, slots=True)
class Settlement:
    name: str
    admin1: str
    country: str
    lat: float
    lon: float
    population: int


@dataclass(frozen=True, slots=True)
class PlaceMention:
    start: int  # token index
    end: int
    kind: str  # "settlement" | "region"
    admin1: str
    country: str
    candidates: tuple[Settlement, ...] = ()  # best first; empty for a region
    facility: bool = False  # named by a facility that stands there ("Zaporizhzhia NPP" is in Enerhodar)

    @property
    def best(self) -> Settlement | None:
        return self.candidates[0] if self.candidates else None

    def with_candidates(self, candidates: tuple[Settlement, ...]) -> PlaceMention:
        """The same mention with its namesakes in another order (or more of them), the first one deciding."""
        return replace(self, admin1=candidates[0].admin1, country=candidates[0].country, candidates=candidates)


_REGION_WORDS_EN = ("region", "oblast", "Oblast", "province", "krai", "Krai", "territory", "republic",
                    "border region", "border area", "frontier region", "border oblast", "regional")
_PLURAL_REGION_WORDS = frozenset({"областях", "областей", "областями", "області", "областям", "regions", "oblasts",
                                  "provinces", "краях", "регионах", "регіонах"})
_REGION_WORDS_CYR = ("област*", "обл", "край", "регион*", "регіон*", "округ*", "губерн*")


class PlaceTable:
    def __init__(self) -> None:
        self.matcher = Matcher()
        self.settlements: list[Settlement] = []
        self.regions: dict[str, str] = {}  # admin1 -> country
        self._index: dict[tuple[str, str], int] = {}
        self._short_forms: set[str] = set()
        self._load_regions()
        self._load_settlements()
        self._load_sites("facilities.tsv", "facility", capitalised=False)
        self._load_sites("landmarks.tsv", "landmark", capitalised=True)
        self._load_officials()
        self.matcher.freeze()

    def _load_regions(self) -> None:
        for cols in _rows("regions.tsv"):
            cols += [""] * (6 - len(cols))
            admin1, country, _, bases, stems, others = cols[:6]
            self.regions[admin1] = country
            cue = Cue("region", admin1, 3)
            for base in filter(None, bases.split(",")):
                for word in _REGION_WORDS_EN:
                    self.matcher.add(f"{base} {word}", cue, capitalised=True)
                self.matcher.add(base, Cue("region_adjective", admin1, 1), capitalised=True)
            for adjective in filter(None, stems.split(",")):
                for word in _REGION_WORDS_CYR:
                    self.matcher.add(f"{adjective}* {word}", cue)
                # "Комі" reads "Комі", "комі-пермяцький", not "Комишівці"
                self.matcher.add(f"{adjective}*", Cue("region_adjective", admin1, 1), limit=_ADJECTIVE_ENDING_MAX)
            for form in filter(None, others.split("|")):
                self.matcher.add(form, cue, capitalised=form[:1].isupper())

    def _load_settlements(self) -> None:
        rows: dict[tuple[str, str], list[str]] = {}
        for name in ("places.tsv", "places_extra.tsv"):
            for cols in _rows(name):
                key = (cols[0], cols[1])
                if key in rows:
                    rows[key][6] += "|" + cols[6]
                else:
                    rows[key] = list(cols)
        extra = {(cols[0], cols[1]): set(cols[6].split("|")) for cols in _rows("places_extra.tsv")}
        for key, cols in rows.items():
            if not cols[3]:
                continue
            settlement = Settlement(cols[0], cols[1], cols[2], float(cols[3]), float(cols[4]), int(cols[5] or 0))
            index = len(self.settlements)
            self.settlements.append(settlement)
            self._index[key] = index
            current = extra.get(key, set()) | {settlement.name}
            for form in {f.strip() for f in cols[6].split("|") if f.strip()}:
                if len(form) <= _ABBREVIATION_MAX:
                    self._short_forms.add(form.lower())
                # Current names rank above old or foreign ones when two places share a form.
                cue = Cue("settlement", f"{index}|{int(form in current)}", 3)
                self.matcher.add(form, cue, capitalised=True)
                if " " in form and not form.isascii():
                    self.matcher.add(_inflectable(form), cue, capitalised=True, limit=_ENDING_MAX)
                for variant in _case_forms(form):
                    self.matcher.add(variant, cue, capitalised=True)

    def _load_sites(self, name: str, kind: str, *, capitalised: bool) -> None:
        """Named sites (facilities, landmarks) standing for the settlement each row names."""
        for cols in _rows(name):
            index = self._index.get((cols[0], cols[1]))
            if index is None:
                continue
            for phrase in cols[2].split("|"):
                self.matcher.add(phrase, Cue(kind, str(index), 3), capitalised=capitalised)

    def _load_officials(self) -> None:
        for cols in _rows("officials.tsv"):
            for form in cols[1].split("|"):
                self.matcher.add(form, Cue("official", cols[0], 1), capitalised=True)

    def find(self, tokens: Sequence[Token], lows: Sequence[str], text: str = "") -> list[PlaceMention]:
        return self.find_with_hints(tokens, lows, text)[0]

    def find_with_hints(self, tokens: Sequence[Token], lows: Sequence[str], text: str = ""
                        ) -> tuple[list[PlaceMention], set[str]]:
        """The place mentions, and the regions the text names anywhere (also in an official's title: "глава
        Харьковской ОВА", "белгородский губернатор"), which choose among namesakes."""
        found = self.matcher.find(tokens, lows)
        hints = {c.value for m in found for c in m.cues if c.kind == "region_adjective"
                 and m.end < len(lows) and lows[m.end].startswith(_OFFICIAL_AFTER_REGION)
                 and not any(c2.kind == "facility" for c2 in m.cues)}
        # "сообщил Гладков": the region its official heads
        hints |= {c.value for m in found for c in m.cues if c.kind == "official"}
        found = [m if not any(c.kind == "official" for c in m.cues) else
                 Match(m.start, m.end, tuple(c for c in m.cues if c.kind != "official")) for m in found]
        found = [self._landmark(m, lows) for m in found]
        found = [m for m in found if m.cues]
        matches = self._listed_regions(found, tokens, lows, text)
        matches = [m for m in matches if not self._abbreviation(m, tokens, lows)]
        region_admin1 = {c.value for m in matches for c in m.cues if c.kind == "region"} | hints
        # Every candidate of a settlement is known only after all regions are seen.
        mentions = []
        for match in matches:
            mentions.append(self._mention(match, region_admin1))
        return mentions, region_admin1

    @staticmethod
    def _landmark(match: Match, lows: Sequence[str]) -> Match:
        """"в Кремле", "inside the Kremlin": a landmark named as where something happened is a mention of its city
        (as a settlement); named otherwise ("Кремль заявил", "в Кремле заявили") it is no place."""
        if not any(c.kind == "landmark" for c in match.cues):
            return match
        before = match.start - 1
        if before > 0 and lows[before] == "the":
            before -= 1
        located = before >= 0 and lows[before] in _LANDMARK_PREPOSITIONS
        # "В Кремле заявили", "в Кремле отказались комментировать": the seat speaking, with a plural past verb
        if match.end < len(lows) and lows[match.end].endswith(("ли", "лись", "лися")):
            located = False
        cues = tuple(Cue("settlement", f"{c.value}|1", c.weight) if c.kind == "landmark" else c
                     for c in match.cues if located or c.kind != "landmark")
        return Match(match.start, match.end, cues)

    def _abbreviation(self, match: Match, tokens: Sequence[Token], lows: Sequence[str]) -> bool:
        """"ЗМІ", "ППО", "СБУ": a short word in capitals is an abbreviation, not an inflected town name (unless
        the town is written so, as a dateline's "KYIV")."""
        if match.end - match.start != 1:
            return False
        surface = tokens[match.start].surface
        return (len(surface) <= _ABBREVIATION_MAX and surface.isupper() and lows[match.start] not in self._short_forms
                and all(c.kind == "settlement" for c in match.cues))

    def _listed_regions(self, matches: list[Match], tokens: Sequence[Token], lows: Sequence[str],
                        text: str = "") -> list[Match]:
        """"в Мурманской и Иркутской областях", "the Kursk, Belgorod and Bryansk regions": every adjective or
        name in a list that ends with a plural region word is a region; a lone region adjective is nothing."""
        kept: list[Match] = []
        for n, match in enumerate(matches):
            kinds = {c.kind for c in match.cues}
            if "region_adjective" not in kinds or kinds & {"region", "facility"}:
                kept.append(match)
            elif self._ends_region_list(matches, n, lows, tokens, text):
                admin1 = next(c.value for c in match.cues if c.kind == "region_adjective")
                kept.append(Match(match.start, match.end, (Cue("region", admin1, 3),)))
            elif "settlement" in kinds:
                kept.append(match)
        return kept

    @staticmethod
    def _ends_region_list(matches: list[Match], n: int, lows: Sequence[str], tokens: Sequence[Token] = (),
                          text: str = "") -> bool:
        end = matches[n].end
        for following in matches[n + 1:]:
            gap = lows[end: following.start]
            if len(gap) > 1 or (gap and gap[0] not in ("и", "і", "та", "й", "and", "or", "або", "или")):
                return False
            # "Курской, Белгородской и Брянской областях": items with nothing between them are split by a comma;
            # "у Хмельницькому Хмельницької області" is a town and its region
            if not gap and text and tokens and "," not in text[tokens[end - 1].end: tokens[following.start].start]:
                return False
            if any(c.kind == "region" for c in following.cues):
                return lows[following.end - 1] in _PLURAL_REGION_WORDS
            end = following.end
        return False

    def _mention(self, match: Match, region_admin1: set[str]) -> PlaceMention:
        regions = [c.value for c in match.cues if c.kind == "region"]
        if regions:
            admin1 = regions[0]
            return PlaceMention(match.start, match.end, "region", admin1, self.regions.get(admin1, ""))
        facilities = [self.settlements[int(c.value)] for c in match.cues if c.kind == "facility"]
        if facilities:
            best = facilities[0]
            return PlaceMention(match.start, match.end, "settlement", best.admin1, best.country, (best,), True)
        ranked: dict[int, tuple[bool, bool, int]] = {}
        for cue in match.cues:
            if cue.kind != "settlement":
                continue
            index, current = (int(v) for v in cue.value.split("|"))
            settlement = self.settlements[index]
            rank = (settlement.admin1 not in region_admin1, not current, -settlement.population)
            ranked[index] = min(rank, ranked.get(index, rank))
        order = sorted(ranked, key=lambda i: ranked[i])
        candidates = tuple(self.settlements[i] for i in order)
        best = candidates[0]
        return PlaceMention(match.start, match.end, "settlement", best.admin1, best.country, candidates)


_ABBREVIATION_MAX = 4
_ADJECTIVE_ENDING_MAX = 4  # "кримського": the stem "кримськ" and its longest ending
_ENDING_MAX = 3  # the longest case ending a word of a two-word name takes ("Часов Яр" → "Часового Яра")
_LANDMARK_PREPOSITIONS = frozenset({"в", "у", "во", "на", "над", "под", "під", "біля", "около", "возле", "поблизу",
                                    "in", "at", "inside", "over", "near", "on"})
# "Харьковской ОВА", "Херсонская ОВА", "белгородский губернатор", "Сумська ОДА": a region named by its officials
_OFFICIAL_AFTER_REGION = ("ова", "ога", "ода", "обладмин", "облдерж", "облгос", "губернатор", "оперштаб", "власт",
                          "влад", "администрац", "адміністрац", "военн", "військов", "правительств", "governor",
                          "regional", "region's", "oblast", "military administration")
_CASE_ENDINGS = ("а", "у", "е", "ом", "і")
_CONSONANT_END = re.compile(r"[бвгґджзклмнпрстфхцчшщ]$")


def _case_forms(form: str) -> list[str]:
    """"Ростов" → "Ростова": a Cyrillic one-word name ending in a consonant whose oblique cases the stemmer
    cuts differently from the name itself ("ростов" → "рост", "ростове" → "ростов"); a plural name in -ки
    and its genitive in -ок."""
    if " " in form or "-" in form or form.isascii():
        return []
    low = form.lower()
    if low.endswith(("ець", "ец")) and len(form) > 5:
        # the vowel drops in the other cases: "Марганець" → "у Марганці", "Марганця"; "Марганец" → "Марганца"
        core = form[: -3 if low.endswith("ь") else -2] + "ц"
        return [core + ending for ending in ("і", "я", "ю", "ем", "а", "е", "у", "ом")]
    if low.endswith(("ки", "кі")) and len(form) > 4:
        return [form[:-2] + "ок"]  # a plural name's genitive: "Валуйки" → "поблизу Валуйок"
    alternants = _alternants(form)
    if not _CONSONANT_END.search(form.lower()):
        return alternants
    own = stem(form.lower())
    found: dict[str, str] = {stem(alternant.lower()): alternant for alternant in alternants}
    for ending in _CASE_ENDINGS:
        variant = form + ending
        key = stem(variant.lower())
        if key != own and key not in found:
            found[key] = variant
    return list(found.values())


# A Ukrainian name's closed last syllable turns і into о (ї into є) in the other cases, and Russian text that keeps
# the Ukrainian spelling declines that stem: "Старокостянтинів" → "Старокостянтинова", "в Старокостянтинове".
_ALTERNATIONS = (("ів", "ова"), ("їв", "єва"), ("іль", "оля"))


def _alternants(form: str) -> list[str]:
    """"Старокостянтинів" → "Старокостянтинова": the form whose stem the name's oblique cases share."""
    low = form.lower()
    return [form[: -len(end)] + oblique for end, oblique in _ALTERNATIONS if low.endswith(end) and len(form) > 5]


def _inflectable(form: str) -> str:
    """"Часов Яр" → "часов* яр*": a two-word Cyrillic name whose words both inflect ("Часова Яра")."""
    words = []
    for word in form.replace("-", " ").split():
        core = word.rstrip("аяоеиыйьуюіїє") if len(word) > 3 else word
        words.append(core + "*")
    return " ".join(words)


@cache
def place_table() -> PlaceTable:
    return PlaceTable()
