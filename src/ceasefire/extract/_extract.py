"""Text ▶ report records: sentences, clause-level cues, incidents, and the fields of each.

The reading follows the genre of conflict news: a speaker (ministry, governor, company) says that an actor struck a
target at a place at a time with a weapon; a denial is the denier's own report; tallies, policy statements and
statements about the truce itself describe no incident.
"""

from __future__ import annotations

import itertools
import re
from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from datetime import UTC, date, datetime, time, timedelta
from functools import cache, lru_cache

from ceasefire._morphology import parses as morph_parses
from ceasefire.extract._dates import DatePhrase, find_dates
from ceasefire.extract._gazetteer import (
    FACILITY_NOUNS,
    current_name,
    district_mentions,
    gazetteer_mentions,
    in_regions,
    namesakes_in,
)
from ceasefire.extract._lexicon import Cue, Match, _rows, cue_matcher, lowered
from ceasefire.extract._places import PlaceMention, Settlement, place_table
from ceasefire.extract._text import (
    Token,
    detect_language,
    first_name,
    function_word,
    sentence_starts,
    tokenize,
)
from ceasefire.model.report import Place, Report, Stance, Target

FEED = "text"
LANGUAGES = ("en", "uk", "ru")
_OPPONENT = {"RU": "UA", "UA": "RU"}
_BY_SIDE = frozenset({"стороны", "сторони", "боку", "силами", "рук"})  # "со стороны ВСУ", "з боку ЗСУ"
_TAKEN_TO = ("доставлен", "доставил", "доставля", "госпитализ", "госпіталіз", "доправлен", "доправил", "привезл",
             "hospitali", "эвакуирован", "евакуйован")
_TAKEN_EN = frozenset({"taken", "rushed", "evacuated", "brought", "transported"})
_LOCATED_IN = frozenset({"в", "во", "у", "in", "at", "near", "біля", "поблизу", "возле", "около", "под", "під"})
_TITLE_ADJECTIVE = ("ський", "ский", "цький", "цкий", "зький", "ська", "ская", "цька", "цкая", "ського", "ского")
# Latin spellings of first names that are also towns (Vladimir, Ivanovo's Ivan is no town; Kirov, Orel are surnames)
_FIRST_NAMES_LATIN = frozenset({"Vladimir", "Volodymyr", "Ivan", "Oleg", "Oleh", "Sergei", "Serhiy", "Pavel",
                                "Pavlo", "Yuri", "Yuriy", "Roman", "Denis", "Vadim", "Vitali", "Vitaliy", "Artem",
                                "Andriy", "Mikhail", "Dmitry", "Dmytro", "Alexander", "Oleksandr", "Vyacheslav"})
_NEIGHBOURHOOD = ("микрорайон", "мікрорайон", "мкр", "квартал", "жилмассив", "житломасив", "neighbourhood",
                  "neighborhood")
# words opening a sentence that recalls an earlier event rather than reporting one
# (one word, or the first two words of the sentence)
_BACKGROUND = frozenset({"ранее", "раніше", "нагадаємо", "напомним", "напомню", "нагадаю", "earlier", "previously",
                         "recall", "раньше", "in recent", "за последние", "в последние", "останніми днями",
                         "останнім часом", "протягом останніх"})
_STRIKING = frozenset({"attack", "weapon", "intercept"})  # "ракеты украинского ПВО": air defence fired it
_PART_OF_TOWN = ("окраин", "околиц", "outskirts", "центр", "center", "centre", "район", "district")
_AIMED_AT = frozenset({"по", "at", "on", "against"})
_LOCATION_WORDS = frozenset({
    "in", "at", "near", "over", "across", "into", "from", "inside", "outside", "on", "toward", "towards",
    "в", "у", "на", "над", "по", "біля", "под", "під", "з", "із", "из", "с", "около", "возле", "поблизу", "вглиб",
    "территории", "території", "територію", "территорию", "до", "of", "city", "town", "village", "міста", "города",
    "місто", "город", "селі", "селе", "поселке", "селище", "селищі", "станиц", "станице", "станицы",
})
_NEAR_WORDS = frozenset({
    "near", "outside", "close", "біля", "поблизу", "неподалік", "під", "около", "под", "возле", "вблизи", "недалеко",
    "district", "районі", "районе", "околицях", "окрестностях", "suburb", "suburbs", "outskirts", "south", "north",
    "east", "west", "southeast", "southwest", "northeast", "northwest", "km", "kilometres", "kilometers", "від",
    "от", "південніше", "північніше", "южнее", "севернее", "західніше", "східніше", "западнее", "восточнее",
    "пригороде", "пригороді", "передмісті", "окраине", "окраїні",
})
_COMPOUND_TAILS = frozenset({"controlled", "held", "based", "backed", "installed", "appointed", "led", "friendly",
                             "aligned", "occupied", "bound", "born", "made", "run", "owned"})
_CLAUSE_WORDS = frozenset({"and", "while", "also", "а", "і", "й", "та", "и", "також", "также", "ще", "whereas"})
_PEOPLE_KINDS = frozenset({"speaker", "actor", "party"})
_PAUSE = re.compile(r"[,;.:—\n]")
_NEGATIONS = frozenset({"not", "no", "never", "didn't", "doesn't", "don't", "не", "ні", "ни", "нет", "жодн", "никак"})
_OWN = frozenset({"its", "their", "our", "we", "свої", "свои", "своими", "своїми", "наші", "наши", "мы", "ми"})
_AGAINST = frozenset({"against", "проти", "против", "по", "on", "at"})
# "KYIV, March 22 (Reuters) - ": where and when the story was filed, not where and when things happened.
_DATELINE = re.compile(
    r"\s*[A-ZА-ЯЁІЇЄҐ][A-ZА-ЯЁІЇЄҐ'’.\- ]{2,40}(?:,\s*[A-Za-zА-Яа-яёіїєґ]+\.?\s+\d{1,2}(?:,\s*\d{4})?)?"
    r"\s*(?:\([^)]{1,40}\))?\s*[-—–]\s+")
# How East Slavic surnames end, in Cyrillic and in English transliteration ("Любимов", "Малашко", "Syniehubov").
_SURNAME_ENDINGS = (
    "ов", "ев", "ин", "ын", "ский", "цкий", "ський", "цький", "ко", "ук", "юк", "ич", "ова", "ева", "ина", "ская",
    "ська", "ov", "ev", "yov", "in", "yn", "sky", "skyi", "skiy", "ko", "uk", "yuk", "ych", "ich", "ova", "eva", "ina",
)
_NOT_SURNAMES = frozenset({"однако", "только", "сначала", "спочатку", "allegedly", "again", "within", "then"})
_DIRECTION_WORDS = frozenset({
    "western", "eastern", "southern", "northern", "central", "north", "south", "east", "west", "northeastern",
    "northwestern", "southeastern", "southwestern", "западной", "восточной", "южной", "северной", "центральной",
    "западе", "востоке", "юге", "севере", "центре", "західній", "східній", "південній", "північній", "центральній",
    "заході", "сході", "півдні", "півночі", "центрі",
})
_ANAPHORA = frozenset({"это", "этого", "то", "того", "це", "цього", "те", "this", "that", "it"})
_REGION_WORDS = frozenset({"области", "області", "краю", "край", "region", "oblast", "республики", "республіки",
                           "bridge", "мост", "міст"})
# Words before a street's or a namesake's name: "улица Ленина", "набережная Победы", "шахта имени Гагарина".
_NAMED_AFTER = ("улиц", "вулиц", "проспект", "набережн", "площад", "бульвар", "переул", "провул", "шоссе", "шосе",
                "имени", "імені", "street", "avenue", "boulevard", "embankment", "square")
_CITING = frozenset({"ссылкой", "посиланням", "citing", "quoting"})
_ANOTHER = frozenset({"ещё", "еще", "также", "тоже", "ще", "також", "теж", "also", "another"})
_FROM_WORDS = frozenset({"from", "из", "з", "із", "зі", "изо"})
_SETTLEMENT_WORDS = frozenset({"посёлке", "поселке", "селе", "селі", "селищі", "деревне", "хуторе", "станице"})
_NOTHING_WORDS = frozenset({"обошлось", "обійшлося", "спокойно", "спокійно"})
# "влучань і падінь уламків не зафіксовано", "попаданий не зафиксировано": no hit was recorded
_NOT_RECORDED = re.compile(
    r"\b(?:не|ні)\s+(?:зафіксован|зафиксирован|зафіксува|зафиксирова|зареєстрован|зарегистрирован)", re.IGNORECASE)
_AREA_WORDS = frozenset({"территории", "території", "района", "району", "стороны", "сторони", "направления"})
_THE_CITY = frozenset({"города", "міста", "городу", "місту", "селища", "поселка", "город", "місто"})
# "В Москве удар не комментировали", "Kyiv did not comment": a side declining to comment reports nothing
_NO_COMMENT = re.compile(
    r"(?:\b(?:не|ни|did\s+not|didn't|has\s+not|hasn't|have\s+not|haven't|declined\s+to|refused\s+to)\s+"
    r"(?:\w+\s+)?(?:прокомментир|прокоментув|комментир|коментув|comment)|\bno\s+comment|"
    r"\bбез\s+комментари|\bбез\s+коментар)", re.IGNORECASE)
# nouns whose complement is a weapon kept, made or launched there: "места подготовки беспилотников"
_WEAPON_HEADS = ("подготовк", "підготовк", "базирован", "базуванн", "запуск", "производств", "виробництв",
                 "хранен", "зберіганн", "сборк", "складанн", "ремонт", "обслуговуванн", "обслуживан",
                 # verbs of a clause about the place: "цех, где собирали беспилотники", "де збирали дрони"
                 "собира", "собрал", "производил", "производя", "изготав", "изготовл", "хранил", "хранят", "ремонтир",
                 "збира", "збирал", "виробля", "виготовля", "зберіга", "ремонтува", "producing", "making",
                 "assembling", "storing", "repairing", "manufacturing", "building")
_WEAPON_HEADS_EN = ("production", "storage", "assembly", "launch", "factor", "plant", "workshop", "depot",
                    "warehouse", "repair")
_CYRILLIC_WORD = re.compile(r"^[а-яёіїєґ'-]+$")
_VERB_ENDINGS = ("ли", "ло", "ла", "ет", "ют", "ут", "ат", "ят", "ит", "ся", "сь", "ть", "ти", "ал", "ил", "ел", "ыл")
_AGENT_NOUNS = frozenset({"стороны", "сторони", "боку", "силами", "силам", "действий", "действия", "дій",
                          "руками", "подразделениями", "підрозділами", "вины", "вини", "падения", "падіння",
                          "применения", "застосування", "пуска", "запуску", "обломков", "уламків"})
_THAT = frozenset({"что", "що", "that"})
_OVER = frozenset({"над", "over", "above"})
_DISTRICT_WORDS = frozenset({"district", "raion", "районі", "району", "район", "районе", "района", "мікрорайоні",
                             "микрорайоне", "microdistrict", "neighbourhood", "neighborhood",
                             # "в Шебекинском округе", "Валуйского округа": a Russian municipal district
                             "округ", "округе", "округа", "округу", "окрузі"})


@dataclass(slots=True)
class _Sentence:
    index: int
    start: int  # first token
    end: int  # one past last token
    char_start: int
    deny: bool = False
    modal: bool = False
    aggregate: bool = False
    intercept: bool = False
    launch: bool = False
    installed: bool = False
    number: bool = False
    deny_token: int = -1
    responsibility: int = -1
    selfs: list[int] = field(default_factory=list)
    truces: list[int] = field(default_factory=list)
    modals: list[int] = field(default_factory=list)
    owners: list[tuple[int, str]] = field(default_factory=list)  # a side named as a target's owner
    targets: list[tuple[int, str, int]] = field(default_factory=list)
    weapons: list[tuple[int, str, int]] = field(default_factory=list)
    speakers: list[tuple[int, str]] = field(default_factory=list)
    actors: list[tuple[int, str]] = field(default_factory=list)
    attacks: list[int] = field(default_factory=list)
    says: list[int] = field(default_factory=list)
    places: list[PlaceMention] = field(default_factory=list)
    dates: list[DatePhrase] = field(default_factory=list)


@dataclass(slots=True)
class _Incident:
    start: int
    end: int
    sentences: list[_Sentence]
    targets: list[tuple[int, str, int]] = field(default_factory=list)
    weapons: list[tuple[int, str, int]] = field(default_factory=list)
    places: list[PlaceMention] = field(default_factory=list)
    actors: list[tuple[int, str]] = field(default_factory=list)
    speakers: list[tuple[int, str]] = field(default_factory=list)
    dates: list[DatePhrase] = field(default_factory=list)
    attacks: list[int] = field(default_factory=list)
    owners: list[tuple[int, str]] = field(default_factory=list)
    is_denial: bool = False
    counter: int | None = None  # where a denier's own version of events starts
    confirms: bool = False  # a side taking responsibility for the incident before it
    base: _Incident | None = None
    installed: bool = False
    answer: bool = False  # the other side's own account, after a report by one side


def _sides(speakers: list[tuple[int, str]]) -> set[str]:
    """The sides named among speakers (not the local officials, who speak for whoever holds the place)."""
    return {p for _, p in speakers if not p.startswith("@")}


@lru_cache(maxsize=20_000)
def _noun(word: str, lang: str) -> bool:
    """A Cyrillic common noun by the pymorphy3 dictionaries ("группировку", "эшелон")."""
    parses = morph_parses(word, lang)
    return bool(parses) and bool(parses[0].tag.POS == "NOUN" and parses[0].score >= 0.4)


@lru_cache(maxsize=20_000)
def _adjective(word: str, lang: str) -> bool:
    parses = morph_parses(word, lang)
    return bool(parses) and bool(parses[0].tag.POS == "ADJF")


@lru_cache(maxsize=20_000)
def _past_tense(word: str, lang: str) -> bool:
    parses = morph_parses(word, lang)
    return bool(parses) and parses[0].tag.POS == "VERB" and "past" in parses[0].tag


@cache
def _control() -> tuple[dict[str, str], dict[str, str]]:
    admin1: dict[str, str] = {}
    settlements: dict[str, str] = {}
    for cols in _rows("control.tsv"):
        (admin1 if cols[0] == "admin1" else settlements)[cols[1]] = cols[2]
    return admin1, settlements


def extract_text(
    text: str,
    *,
    report_id: str,
    lang: str = "auto",
    published: datetime | date | None = None,
    source: str | None = None,
) -> list[Report]:
    """The report records one text yields: one per incident it describes (a denial is its own record).

    A text that describes no incident yields one record with ``is_incident=False`` (never an invented incident).
    ``lang`` is ``auto`` (from the letters used), ``en``, ``uk`` or ``ru``. When one text yields several records,
    their ids are ``report_id`` with ``-1``, ``-2``... appended.
    """
    if lang == "auto":
        lang = detect_language(text)
    elif lang not in LANGUAGES:
        raise ValueError(f"unknown language {lang!r} (expected auto, en, uk or ru)")
    published_at = _as_datetime(published)
    reading = _Reading(text, lang, published_at.date() if published_at else None)
    incidents = reading.incidents()
    if not incidents:
        claimant = reading.text_claimant(None)
        return [Report(report_id=report_id, feed=FEED, is_incident=False, claimant=claimant, source=source, text=text,
                       published=published_at)]
    reports = []
    for number, incident in enumerate(incidents, start=1):
        rid = report_id if len(incidents) == 1 else f"{report_id}-{number}"
        reports.append(reading.report(incident, rid, source=source, published=published_at))
    return reports


def _as_datetime(value: datetime | date | None) -> datetime | None:
    if value is None:
        return None
    if isinstance(value, datetime):
        return value if value.tzinfo is None else value.astimezone(UTC).replace(tzinfo=None)
    return datetime.combine(value, time())


class _Reading:
    """One pass over one text."""

    def __init__(self, text: str, lang: str, published: date | None) -> None:
        self.text = text
        self.lang = lang
        self.published = published
        dateline = _DATELINE.match(text)
        self.body_start = dateline.end() if dateline else 0
        self.tokens: list[Token] = tokenize(text)
        self.lows = [lowered(t) for t in self.tokens]
        self.token_starts = [t.start for t in self.tokens]
        # pause[k]: a comma, semicolon, colon, dash or full stop stands between token k-1 and token k
        self.pause = [False] + [_PAUSE.search(text, self.tokens[k - 1].end, self.tokens[k].start) is not None
                                for k in range(1, len(self.tokens))]
        self.cues: list[Match] = cue_matcher().find(self.tokens, self.lows)
        self.kinds: list[frozenset[str]] = [frozenset()] * len(self.tokens)
        self.values: list[frozenset[str]] = [frozenset()] * len(self.tokens)  # cue values, e.g. "accuse", "@local"
        for match in self.cues:
            kinds = frozenset(c.kind for c in match.cues)
            values = frozenset(c.value for c in match.cues)
            for k in range(match.start, match.end):
                self.kinds[k] = kinds
                self.values[k] = values
        # a weapon only one side fields, by its first token: "шахед" is Russia's, "HIMARS" Ukraine's
        self.made: dict[int, str] = {m.start: c.value for m in self.cues for c in m.cues if c.kind == "made"}
        # "в ответ на удары ВСУ по Белгороду", "in response to Ukrainian attacks": the strike answered is background
        self.background: set[int] = set()
        for match in self.cues:
            if any(c.kind == "response" for c in match.cues):
                self.background |= self._answered(match.end)
        self._ranks: dict[tuple[int, int], int] = {}
        own, self.region_hints = place_table().find_with_hints(self.tokens, self.lows, text)
        own = gazetteer_mentions(text, self.tokens, own, frozenset(
            self.region_hints | {p.admin1 for p in own if p.kind == "region"}))
        districts = district_mentions(self.tokens, self.lows, own, frozenset(
            self.region_hints | {p.admin1 for p in own if p.kind == "region"}))
        replaced = {d.start for d in districts}
        own = [m for m in own if not (m.end - m.start == 1 and m.start in replaced)] + districts
        found = sorted(own, key=lambda p: p.start)
        # "в Октябрьском Белгородского района": a district names its region too
        hinted = self.region_hints | {p.admin1 for p in found if p.kind == "region" or (
            p.kind == "settlement" and p.end - p.start == 2 and self.lows[p.end - 1] in _DISTRICT_WORDS)}
        found = [self._steered(p, hinted) for p in found]
        self.places = [p for p in found if self._is_place(p) and self.tokens[p.start].start >= self.body_start
                       and p.start not in self.background and not self._taken_to(p.start)]
        # "в микрорайоне Новый Мелитополь": a neighbourhood of the city already named, not a town of its own
        self.places = [p for p in self.places if not (
            p.start > 0 and self.lows[p.start - 1].startswith(_NEIGHBOURHOOD)
            and any(q.kind == "settlement" and q.start < p.start for q in self.places))]
        # the words of a many-word town name ("Белая Церковь"), not a facility's abbreviation ("Канівська ГЕС")
        self._in_names = {k for p in self.places if p.kind == "settlement" and not p.facility and p.end - p.start > 1
                          for k in range(p.start, p.end) if self.tokens[k].surface.istitle()}
        starts = {p.start for p in self.places}
        self.places = [p for p in self.places if p.end in starts or not self._person_name(p)]
        # "Киевский район Донецка", "the Dniprovskyi district of Kherson": the district belongs to the city after it
        # (a city, not the region: "в Суджанском районе Курской области" is the district of Sudzha)
        towns = {p.start for p in self.places if p.kind == "settlement"}
        self.places = [p for p in self.places if not (self._district(p) and self._city_follows(p, towns))]
        # "в Киевском районе города", "in the city's Kyivskyi district": a part of the city already named
        self.places = [p for p in self.places if not (self._district(p) and self._of_the_city(p)
                                                      and any(q.start < p.start for q in self.places))]
        # "администрации Куйбышевского района" in a report on Donetsk: a city district named after a distant town
        # (or an old name) is part of the city reported on, not that town
        self.places = [p for p in self.places if not self._stray_district(p)]
        self.dates: list[DatePhrase] = [d for d in find_dates(text, lang, published) if d.start >= self.body_start]
        self.actor_speakers: set[int] = set()
        self.voices: set[str] = set()  # sides whose own words for the other side the text uses
        self.sentences = self._sentences()
        # sentences recalling an earlier strike; a date in one dates nothing reported ("Ранее, 10 сентября, …")
        self.recalled = {s.index for s in self.sentences if s.end > s.start and self._background(s)}
        spans = [(self.tokens[s.start].start, self.tokens[s.end - 1].end) for s in self.sentences
                 if s.index in self.recalled]
        if spans:
            self.dates = [d for d in self.dates if not any(a <= d.start < b for a, b in spans)]

    def _steered(self, place: PlaceMention, regions: set[str]) -> PlaceMention:
        """"Губернатор Белгородской области: … в Октябрьском": a settlement none of whose known namesakes lies in
        a region the text names gets the namesake there, if the gazetteer knows one."""
        if place.kind != "settlement" or place.facility or not regions or place.candidates[0].admin1 in regions:
            return place
        steered = in_regions(place, frozenset(regions))
        if steered is not place:
            return steered
        surface = self.text[self.tokens[place.start].start: self.tokens[place.end - 1].end]
        if not surface[:1].isupper() or self.lows[place.end - 1] in _DISTRICT_WORDS:
            return place
        local = namesakes_in(surface, frozenset(regions))
        if not local:
            return place
        return place.with_candidates(local + place.candidates)

    def _answered(self, start: int) -> set[int]:
        """The words naming the strike a retaliation answers: up to its attack word, the side that made it and
        where it hit ("удары ВСУ по Белгороду", "Ukrainian attacks on Belgorod"), within the clause."""
        count = len(self.tokens)
        attack = next((k for k in range(start, min(start + 4, count))
                       if self.kinds[k] & {"attack", "weapon"}), None)
        if attack is None or any(self.pause[k] for k in range(start + 1, attack + 1)):
            return set()
        if self.lows[start] in _ANAPHORA or self._past_verb(attack):
            return set()  # "в ответ на это ВСУ обстреляли…": the answer itself, the strike answered not named
        end = attack + 1
        while end < count and not self.pause[end] and self.kinds[end] & {"actor", "party"} and end <= attack + 3:
            end += 1
        if end < count and not self.pause[end] and self.lows[end] in _AGAINST | {"на", "on"}:
            end += 1
        if end < count and not self.pause[end]:
            # "удары ВСУ по Белгороду", "ответ на подрыв Крымского моста": where it hit, with or without "по"
            stop = min(end + 3, count)
            while end < stop and not self.pause[end] and (self.tokens[end].surface[:1].isupper()
                                                           or self.lows[end] in _REGION_WORDS | {"the"}):
                end += 1
        return set(range(start, end))

    def _past_verb(self, index: int) -> bool:
        """"обстреляли", "вдарили": a verb in the past tense; not a noun that ends alike ("обстрел", "подрыв")."""
        low = self.tokens[index].surface.lower()
        if low.isascii() or not low.endswith(("ли", "ла", "ло", "л", "в")):
            return False
        return _past_tense(low, "uk" if self.lang == "uk" else "ru")

    def _is_place(self, place: PlaceMention) -> bool:
        """A place name used for a party ("Kyiv said", "Moscow accused", "Ukrainian drones") is not a place."""
        if place.facility:
            return True
        if self._river(place) or self._compound_adjective(place) or self._quoted_name(place):
            return False
        if place.end - place.start == 1 and function_word(self.tokens[place.start].surface, self.lang):
            return False  # "Кроме того, …": a preposition or adverb that reads like a town's case form
        if place.end - place.start == 1 and place.end < len(self.kinds) and "speaker" in self.kinds[place.end] \
                and self.lows[place.start].endswith(_TITLE_ADJECTIVE):
            return False  # "Київський міський голова", "Харьковский губернатор": whose official speaks
        if place.start > 0 and self.lows[place.start - 1].startswith(_NAMED_AFTER):
            return False  # "на Набережной Победы", "шахты имени Гагарина": a street or a namesake, not the town
        if any("installed" in self.kinds[k] for k in range(place.start, place.end)):
            return False  # "назначенный Москвой мэр": who installed the official
        if place.end - place.start == 1 and place.end < len(self.kinds) and "say" in self.kinds[place.end] \
                and (place.start == 0 or self.pause[place.start]) and self._surname(place.start):
            return False  # "Любимов сообщил": a surname that is also a town's case form, opening "… said"
        if not any(self.kinds[k] & _PEOPLE_KINDS for k in range(place.start, place.end)):
            return True
        named_person = any("speaker" in self.kinds[k] and "party" not in self.kinds[k]
                           for k in range(place.start, place.end))
        before = place.start - 2 if place.start > 1 and self.lows[place.start - 1] == "the" else place.start - 1
        if named_person and not (before >= 0 and self.lows[before] in _LOCATION_WORDS):
            return False  # "повідомив Ігор Терехов": a speaker's surname that is also a village; not "in the Kremlin"
        joined = place.end < len(self.lows) and self.lows[place.end] in _CLAUSE_WORDS
        if self._next_kinds(place.end, 2) & {"say", "deny"} and not joined:
            return False  # "в Києві це назвали фейком": the capital speaks for its side; not "…в Киеве и заявил"
        if place.start > 0 and self.lows[place.start - 1] in _LOCATION_WORDS:
            return True
        if self._next_kinds(place.end, 3) & {"say", "deny"}:
            return False
        if "say" in self._kinds_between(place.start - 1, place.start):
            return False
        attacked = bool(self._kinds_between(place.start - 2, place.start) & {"attack", "weapon"})
        return attacked or not self._next_kinds(place.end, 3) & {"attack", "weapon", "speaker"}

    def _stray_district(self, place: PlaceMention) -> bool:
        """A district named like a town that lies in a region no other place of the text is in, while the text
        names settlements elsewhere."""
        if place.kind != "settlement" or not self._district(place) or place.best is None:
            return False
        others = [q for q in self.places if q is not place and not self._district(q)]
        if not any(q.kind == "settlement" for q in others):
            return False
        return not any(c.admin1 == q.admin1 or (q.best is not None and c.admin1 == q.best.admin1)
                       for c in place.candidates for q in others)

    def _city_follows(self, place: PlaceMention, starts: set[int]) -> bool:
        end = place.end if self.lows[place.end - 1] in _DISTRICT_WORDS else place.end + 1
        if end < len(self.lows) and self.lows[end] == "of":
            end += 1
        return end in starts and not self.pause[end] if end < len(self.pause) else False

    def _quoted_name(self, place: PlaceMention) -> bool:
        """"«Украинская правда»", "«Киевская Русь»": a place word opening a longer name in quotes (an outlet,
        a company), not a place."""
        start = self.tokens[place.start].start
        if start == 0 or self.text[start - 1] not in "«\"“„":
            return False
        end = self.tokens[place.end - 1].end
        if end < len(self.text) and self.text[end] not in "»\"”“":
            return True
        # "угруповання військ «Луганськ»": a unit named after a place (a facility so named stands there:
        # "станция «Суджа»")
        before = place.start - 1
        return before >= 0 and self.lows[before] not in _LOCATION_WORDS and "target" not in self.kinds[before]

    def _of_the_city(self, place: PlaceMention) -> bool:
        end = place.end if self.lows[place.end - 1] in _DISTRICT_WORDS else place.end + 1
        return end < len(self.lows) and not self.pause[end] and self.tokens[end].surface in _THE_CITY

    def _compound_adjective(self, place: PlaceMention) -> bool:
        """"the Kyiv-controlled part", "a Moscow-installed official": a place name made into an adjective."""
        if place.end >= len(self.tokens):
            return False
        last, following = self.tokens[place.end - 1], self.tokens[place.end]
        gap = self.text[last.end: following.start]
        return gap in ("-", "‑") and self.lows[place.end] in _COMPOUND_TAILS

    def _river(self, place: PlaceMention) -> bool:
        """"across the Dnipro river", "річка Дніпро": a river (or a fleet) named like a city."""
        after = self.lows[place.end] if place.end < len(self.lows) else ""
        before = self.lows[place.start - 1] if place.start > 0 else ""
        if after.startswith(("fleet", "флот")):
            return True  # "Черноморского флота", "the Black Sea Fleet": a fleet, not Chornomorsk
        if after in ("море", "морі", "моря", "морем", "sea") or after.startswith(("водохранилищ", "водосховищ",
                                                                               "reservoir")):
            return True  # "в Черном море", "в Азовском море": a sea (or a reservoir) named like a town
        return after.startswith("river") or before.startswith(("river", "річк", "рiчк", "рек", "річц", "течени",
                                                                 "течі", "русл", "берег"))

    def _next_kinds(self, start: int, width: int) -> set[str]:
        """Cue kinds of the next ``width`` tokens, up to the first comma, semicolon or full stop."""
        found: set[str] = set()
        for k in range(start, min(start + width, len(self.tokens))):
            if k > 0 and self.pause[k]:
                break
            found |= self.kinds[k]
        return found

    # ----- cues into sentences -----

    def _sentences(self) -> list[_Sentence]:
        starts = sentence_starts(self.text)
        token_starts = [t.start for t in self.tokens]
        sentences: list[_Sentence] = []
        for i, char_start in enumerate(starts):
            first = bisect_right(token_starts, char_start - 1)
            char_end = starts[i + 1] if i + 1 < len(starts) else len(self.text) + 1
            last = bisect_right(token_starts, char_end - 1)
            if last > first:
                sentences.append(_Sentence(len(sentences), first, last, char_start))
        if not sentences:
            return []
        bounds = [s.start for s in sentences]

        def owner(token_index: int) -> _Sentence:
            return sentences[bisect_right(bounds, token_index) - 1]

        for match in self.cues:
            self._add_cue(owner(match.start), match)
        for place in self.places:
            owner(place.start).places.append(place)
        for sentence in sentences:
            if not sentence.speakers:
                self._named_speaker(sentence)
            self._cited_source(sentence)
        char_bounds = [s.char_start for s in sentences]
        for phrase in self.dates:
            sentences[max(0, bisect_right(char_bounds, phrase.start) - 1)].dates.append(phrase)
        for token_index, token in enumerate(self.tokens):
            # a count ("145 drones"), not the day of a date phrase ("в ночь на 2 листопада")
            if token.surface[:1].isdigit() and not any(d.start <= token.start < d.end for d in self.dates):
                owner(token_index).number = True
        for sentence in sentences:
            # "Над Ростовской областью уничтожены пять беспилотников": drones destroyed over a place were downed
            if sentence.weapons and any(self._over(p.start) for p in sentence.places) \
                    and all(w[1] in ("drone", "missile", "rocket") for w in sentence.weapons):
                sentence.intercept = True
        return sentences

    def _cited_source(self, sentence: _Sentence) -> None:
        """"ТАСС со ссылкой на украинские источники", "citing Ukrainian officials": the side cited speaks, not the
        outlet that relays it."""
        for k in range(sentence.start, sentence.end - 1):
            if self.lows[k] not in _CITING:
                continue
            for j in range(k + 1, min(k + 6, sentence.end)):
                if self.pause[j]:
                    break
                side = self.values[j] & {"UA", "RU"}
                if self.kinds[j] & {"speaker", "party"} and len(side) == 1 \
                        and not self.kinds[j] & {"actor", "weapon", "target"}:
                    kept = [s for s in sentence.speakers if s[0] > k]
                    sentence.speakers = [(j, next(iter(side)))] + [s for s in kept if s[0] != j]
                    return

    def _calibre(self, at: int) -> bool:
        low = self.lows[at]
        return low.startswith(("калибр", "калібр")) and at > 0 and (
            self.lows[at - 1] in ("го", "мм", "mm") or self.tokens[at - 1].surface[:1].isdigit()
            or (at + 1 < len(self.tokens) and self.tokens[at + 1].surface[:1].isdigit()))

    def _over(self, start: int) -> bool:
        """"над Белгородом", "over the Kursk region": the place named is where something flew."""
        before = start - 1 if start > 0 and self.lows[start - 1] != "the" else start - 2
        return before >= 0 and self.lows[before] in _OVER

    def _add_cue(self, sentence: _Sentence, match: Match) -> None:
        if match.start in self.background:
            return
        by_kind: dict[str, Cue] = {}
        for cue in match.cues:
            best = by_kind.get(cue.kind)
            if best is None or cue.weight > best.weight:
                by_kind[cue.kind] = cue
        at = match.start
        if "voice" in by_kind:
            self.voices.add(by_kind["voice"].value)
        if "target" in by_kind and not (by_kind["target"].value == "civilian.medical" and self._taken_to(at)) \
                and at not in self._in_names:  # "Белая Церковь" is a town, not a church
            # "доставлен в больницу": where the wounded were taken is not what was hit
            sentence.targets.append((at, by_kind["target"].value, by_kind["target"].weight))
        if "weapon" in by_kind and self._calibre(at):
            by_kind.pop("weapon")  # "снаряд 155-го калибра": a shell's calibre, not a Kalibr missile
        if "weapon" in by_kind:
            weapon = by_kind["weapon"]
            sentence.weapons.append((at, weapon.value, weapon.weight))
            if weapon.weight >= 2:
                sentence.attacks.append(at)
        if "attack" in by_kind:
            sentence.attacks.append(at)
        if "say" in by_kind:
            sentence.says.append(at)
        if "self" in by_kind:
            sentence.selfs.append(at)
        if "truce" in by_kind:
            sentence.truces.append(at)
        if "responsibility" in by_kind and sentence.responsibility < 0:
            sentence.responsibility = at
        if "deny" in by_kind:
            sentence.deny = True
            if sentence.deny_token < 0:
                sentence.deny_token = at
        for flag in ("aggregate", "intercept", "launch", "installed"):
            if flag in by_kind:
                setattr(sentence, flag, True)
        if "modal" in by_kind:
            sentence.modal = True
            sentence.modals.append(at)
        if "speaker" in by_kind:
            specific = [c for c in match.cues if c.kind == "speaker" and not c.value.startswith("@")]
            value = specific[0].value if specific else by_kind["speaker"].value
            if "actor" in by_kind and not self._followed_by_say(match.end, sentence):
                sentence.actors.append((at, by_kind["actor"].value))
            else:
                sentence.speakers.append((at, value))
            return
        if "actor" in by_kind:
            self._actor_role(sentence, match, by_kind["actor"].value)
            return
        if "party" in by_kind:
            self._party_role(sentence, match, by_kind["party"].value)

    def _named_speaker(self, sentence: _Sentence) -> None:
        """"повідомив Андрій Райкович", "Игорь Артамонов сообщил": a person the lexicon does not know, named
        by first name and surname next to "said", speaks as a local official."""
        for say in sentence.says:
            for first in (say + 1, say + 2, say - 2):
                if sentence.start <= first and first + 1 < sentence.end and self._first_and_surname(first):
                    sentence.speakers.append((first, "@local"))
                    return
        place_starts = {pl.start for pl in sentence.places}
        # "Андрей Бочаров: в Волгограде…": a first name and surname heading the sentence, then a colon
        first = sentence.start
        if first + 2 < sentence.end and self._first_and_surname(first) \
                and ":" in self.text[self.tokens[first + 1].end: self.tokens[first + 2].start]:
            sentence.speakers.append((first, "@local"))
            return
        # "Любимов сообщил, что…", "Malashko said": a surname alone opening the clause that says it
        for say in sentence.says:
            k = say - 1
            if k >= sentence.start and (k == sentence.start or self.pause[k]) and not self.pause[say] \
                    and k not in place_starts and self._surname(k):
                sentence.speakers.append((k, "@local"))
                return
        # "…, сообщил Лысак.": a surname alone, closing the sentence after "said"
        for say in sentence.says:
            k = say + 1
            if k < sentence.end and (k + 1 == sentence.end or self.pause[k + 1]) and not self.kinds[k] \
                    and k not in place_starts and self.tokens[k].surface[:1].isupper() \
                    and not self.tokens[k].surface.isascii() and not self.tokens[k].surface.isupper():
                sentence.speakers.append((k, "@local"))
                return
        # ", Ukraine's parliament human rights commissioner said": a side named in the clause that says it
        for say in sentence.says:
            for k in range(say - 1, max(sentence.start, say - 8) - 1, -1):
                if "party" in self.kinds[k] and not self.kinds[k] & {"actor", "weapon", "target"}:
                    side = self.values[k] & {"UA", "RU"}
                    if len(side) == 1:
                        sentence.speakers.append((k, next(iter(side))))
                        return
                if self.pause[k] or self.kinds[k] & {"attack", "weapon", "target"}:
                    break
        # "повідомили російські ЗМІ", "пишут украинские телеграм-каналы": a side's media, named after the verb
        for say in sentence.says:
            k = say + 1
            if k + 1 < sentence.end and "party" in self.kinds[k] and not self.kinds[k] - {"party"} \
                    and not self.kinds[k + 1] and not self.pause[k + 1]:
                side = self.values[k] & {"UA", "RU"}
                if len(side) == 1:
                    sentence.speakers.append((k, next(iter(side))))
                    return

    def _surname(self, index: int) -> bool:
        """A capitalised word the lexicon does not know, ending the way East Slavic surnames end."""
        surface = self.tokens[index].surface
        if self.kinds[index] or not surface[:1].isupper() or surface.isupper() or len(surface) < 4:
            return False
        low = self.lows[index]
        return low.endswith(_SURNAME_ENDINGS) and low not in _NOT_SURNAMES

    def _first_and_surname(self, first: int) -> bool:
        name, surname = self.tokens[first], self.tokens[first + 1]
        if self.kinds[first] or self.kinds[first + 1] or self.pause[first + 1]:
            return False
        if not (name.surface[:1].isupper() and surname.surface[:1].isupper()) or name.surface.isascii():
            return False
        return first_name(name.surface)

    def _kinds_between(self, start: int, end: int) -> set[str]:
        found: set[str] = set()
        for k in range(max(0, start), min(end, len(self.kinds))):
            found |= self.kinds[k]
        return found

    def _followed_by_say(self, end: int, sentence: _Sentence) -> bool:
        """True when the next cue, within three words and the same clause, is "said" (or a denial)."""
        for k in range(end, min(end + 3, sentence.end)):
            if k > 0 and self.pause[k]:
                return False
            kinds = self.kinds[k]
            if kinds & {"say", "deny"}:
                return True
            if kinds & {"attack", "weapon"}:
                return False
        return False

    def _actor_role(self, sentence: _Sentence, match: Match, party: str) -> None:
        # "Генштаб ЗСУ", "Міноборони РФ": a force named right after a speaker belongs to the speaker.
        if match.start > sentence.start and "speaker" in self.kinds[match.start - 1] and not self.pause[match.start]:
            if self.values[match.start - 1] & {"@local", "@lang"}:
                sentence.speakers.append((match.start, party))  # "представитель ВСУ": the force is the side
            return
        after = self._kinds_between(match.end, min(match.end + 3, sentence.end))
        if match.end < len(self.pause) and self.pause[match.end]:
            after = set()  # "По данным Сил обороны, россияне обстреляли…": the strike is another clause's
        if self._followed_by_say(match.end, sentence):
            sentence.speakers.append((match.start, party))
            self.actor_speakers.add(match.start)
            return
        # "повідомили в Силах оборони", "said in the Defence Forces": the force is the speaker.
        before = self._kinds_between(match.start - 2, match.start)
        if "say" in before and not after & {"attack", "weapon"} and not self._accused(match.start):
            sentence.speakers.append((match.start, party))
            return
        if self._in_object(match.start, sentence):
            sentence.owners.append((match.start, party))  # "удар по месту совещания командования ВСУ"
            return
        sentence.actors.append((match.start, party))

    def _in_object(self, index: int, sentence: _Sentence) -> bool:
        """A force named inside what a strike was aimed at: "удар по месту совещания командования ВСУ", "a strike
        on a gathering of Ukrainian units" (after "по"/"on" that follows the strike word, in the same clause)."""
        for k in range(index - 1, max(sentence.start, index - 8) - 1, -1):
            if self.pause[k + 1]:
                break
            if self.lows[k] in _AGAINST and k > sentence.start and self.kinds[k - 1] & {"attack", "weapon"}:
                return True
        return self._genitive_owner(index, sentence)

    def _genitive_owner(self, index: int, sentence: _Sentence) -> bool:
        """"поражено место встречи командного состава группировки ВСУ": a force right after a noun it completes,
        in a clause whose strike word comes before, owns what was hit."""
        prev = index - 1
        if prev <= sentence.start or self.pause[index] or self.kinds[prev]:
            return False
        word = self.lows[prev]
        if len(word) < 4 or not _CYRILLIC_WORD.match(word) or word.endswith(_VERB_ENDINGS) \
                or not self.tokens[prev].surface[:1].islower():
            return False  # "по Белгороду российские войска атаковали": a name before it completes nothing
        if word in _AGENT_NOUNS:
            return False  # "обстрел со стороны ВСУ", "силами ВСУ": the force is who struck
        for k in range(prev - 1, max(sentence.start, index - 9) - 1, -1):
            if self.pause[k + 1]:
                return False
            if "attack" in self.kinds[k]:
                return True
        return False

    def _accused(self, index: int) -> bool:
        """True after "blaming", "accused", "звинуватив": the party named next is the one accused."""
        return any("accuse" in self.values[k] for k in range(max(0, index - 3), index))

    def _party_role(self, sentence: _Sentence, match: Match, party: str) -> None:
        if self._followed_by_say(match.end, sentence):
            sentence.speakers.append((match.start, party))
            return
        before = self.lows[match.start - 1] if match.start > sentence.start else ""
        if before in _LOCATION_WORDS:
            return
        if before in _DIRECTION_WORDS and match.start - 2 >= sentence.start \
                and self.lows[match.start - 2] in _LOCATION_WORDS:
            return  # "in western Ukraine", "на юге России"
        for place in self.places:
            if place.start == match.end or place.start <= match.start < place.end:
                return
        after = self._kinds_between(match.end, min(match.end + 3, sentence.end))
        next_kinds = self.kinds[match.end] if match.end < len(self.kinds) else frozenset()
        previous_kinds = self.kinds[match.start - 1] if match.start > 0 and not self.pause[match.start] else frozenset()
        if self._accused(match.start) or "culprit" in self._next_kinds(match.end, 5):
            sentence.actors.append((match.start, party))  # "blaming Ukraine", "Ukraine's air defences were to blame"
        elif "target" in next_kinds or "target" in previous_kinds:
            sentence.owners.append((match.start, party))  # "Ukrainian airfields", "об'єкти енергетики України"
        elif after & {"weapon", "attack", "actor", "launch"}:
            sentence.actors.append((match.start, party))
        elif any(a < match.start for a in sentence.attacks) and self._country_noun(match):
            sentence.owners.append((match.start, party))  # "удар по объектам энергетики и связи Украины"

    def _country_noun(self, match: Match) -> bool:
        """"Украины", "Russia": the country itself rather than an adjective ("російські")."""
        low = self.lows[match.start]
        return not low.endswith(("ськ", "ський", "ська", "ське", "ські", "ских", "ский", "ская", "ское", "ские",
                                 "ian", "ians", "ого", "ой", "их", "ых", "им", "ым")) or low in ("russian", "ukrainian")

    # ----- places: which mention says where it happened -----

    def _place_rank(self, place: PlaceMention) -> int:
        """Lower is better: a facility, then a place after a preposition, then a bare name, then a landmark or a
        district ("near Kharkiv"), then one naming the speaker ("Belgorod governor")."""
        key = (place.start, place.end)
        rank = self._ranks.get(key)
        if rank is None:
            rank = self._ranks[key] = self._rank(place)
        return rank

    def _rank(self, place: PlaceMention) -> int:
        if place.facility:
            return 0
        after = self._next_kinds(place.end, 1)
        if after & {"speaker", "say"} or self._speaker_before(place) or "speaker" in self._next_kinds(place.end, 3):
            return 4
        if self._near(place) or self._district(place):
            return 3
        if self._origin(place):
            return 3  # "ракетами из Харьковской области": where the strike came from
        if place.start > 0 and self.lows[place.start - 1] in _LOCATION_WORDS:
            return 1
        return 2

    def _own_clause_before(self, left: PlaceMention, place: PlaceMention) -> bool:
        """"…hit a transformer, and debris damaged railway track near Morozovsk": between the two places a clause
        opens with a strike word and an object of its own, so the place after "near" is where that clause happened."""
        opened = next((k for k in range(left.end + 1, place.start) if self.pause[k]), None)
        if opened is None:
            return False
        between = range(opened, place.start)
        return any("attack" in self.kinds[k] for k in between) and any("target" in self.kinds[k] for k in between)

    def _facility_located(self, place: PlaceMention, others: list[PlaceMention]) -> bool:
        """A place named by a facility ("Зуевская ТЭС", "Kursk NPP") right before "в X"/"in X" naming its town."""
        named = place.facility or (place.end - place.start == 2 and self.lows[place.end - 1].startswith(FACILITY_NOUNS))
        return named and any(q.kind == "settlement" and q is not place and q.start - place.end in (1, 2)
                             and self.lows[q.start - 1] in _LOCATED_IN for q in others)

    def _taken_to(self, start: int) -> bool:
        """"доставлен в больницу в Сумах", "taken to hospital in Kharkiv": the place (or hospital) at ``start`` is
        where the wounded were taken."""
        for k in range(start - 1, max(-1, start - 6), -1):
            if self.pause[k + 1]:
                return False
            if self.lows[k].startswith(_TAKEN_TO) or (self.lows[k] in _TAKEN_EN and self.lows[k + 1] == "to"):
                return True
        return False

    def _origin(self, place: PlaceMention) -> bool:
        """"из Волчанска", "с территории Белгородской области": where a strike came from or someone came from."""
        if place.start > 0 and self.lows[place.start - 1] in _FROM_WORDS:
            return True
        return place.start > 1 and self.lows[place.start - 1] in _AREA_WORDS \
            and self.lows[place.start - 2] in _FROM_WORDS | {"с", "со"}

    def _district(self, place: PlaceMention) -> bool:
        """"Kherson's Dniprovskyi district", "у Дарницькому районі": a part of a city, named like a town."""
        if self.lows[place.end - 1] in _DISTRICT_WORDS:
            return True
        return place.end < len(self.lows) and self.lows[place.end] in _DISTRICT_WORDS

    def _speaker_before(self, place: PlaceMention) -> bool:
        """"the governor of Belgorod", "authorities in Kherson", "начальник МВА Дмитро": the speaker's place."""
        if place.start > 0 and self.pause[place.start]:
            return False  # "…, сообщил глава ОВА. В Николаеве…": the speaker belongs to the sentence before
        if place.start > 0 and "speaker" in self.kinds[place.start - 1]:
            return True
        if place.start > 1 and "speaker" in self.kinds[place.start - 2] and not self.pause[place.start - 1]:
            return "@local" in self.values[place.start - 2]
        return False

    def _person_name(self, place: PlaceMention) -> bool:
        """"Дмитро Брижинський", "Yuri Slyusar": a first name that is also a place, followed by a surname."""
        if place.end >= len(self.tokens) or place.end - place.start != 1:
            return False
        following = self.tokens[place.end]
        gap = self.text[self.tokens[place.end - 1].end: following.start]
        if gap != " " or not following.surface[:1].isupper() or self.kinds[place.end] - {"speaker", "installed"}:
            return False
        third = place.end + 1
        if third < len(self.tokens) and not self.pause[third] and self.tokens[third].surface[:1].isupper() \
                and not following.surface.isascii() and first_name(following.surface):
            return False  # "мэр Львова Андрей Садовый": the place, then the official's first name and surname
        if self.kinds[place.end] == frozenset({"speaker"}):
            return True  # a surname the lexicon knows
        if place.start > 0 and not self.pause[place.start] and "speaker" in self.kinds[place.start - 1] \
                and not self.kinds[place.end] and not following.surface.isascii():
            return True  # "глава ОВА Роман Мрочко": a title, then a first name that is also a town, then a surname
        surface = self.tokens[place.start].surface
        if surface.isascii() and surface in _FIRST_NAMES_LATIN and following.surface.isascii() \
                and (place.end + 1 >= len(self.tokens) or self.pause[place.end + 1]
                     or not self.tokens[place.end + 1].surface[:1].isupper()):
            return True  # "Vladimir Saldo, the Moscow-installed governor": a first name, not the city
        return not self.kinds[place.end] and not surface.isascii() and first_name(surface)

    def _anchor_places(self, places: list[PlaceMention]) -> list[PlaceMention]:
        """The mentions that can stand for an incident's place (not the speaker's, not a facility's name)."""
        return [p for p in places if self._place_rank(p) <= 3] or places[:1]

    # ----- sentences into incidents -----

    def incidents(self) -> list[_Incident]:
        incidents: list[_Incident] = []
        current: _Incident | None = None
        downed: _Sentence | None = None  # "над Россошью сбили беспилотник": where debris of the next sentence fell
        heading: _Sentence | None = None  # "…обстреляли Белозерку и Антоновку" before a sentence for each town
        heading_places = False
        last_refusal: _Incident | None = None  # a denial whose counter-claim the next sentence may give
        for sentence in self.sentences:
            refused, last_refusal = last_refusal, None
            if refused is not None and self._counter_claim(sentence, refused):
                # "Минобороны назвало фейком сообщения о ракетном ударе по больнице. В ведомстве заявили, что
                # повреждения вызваны падением ракеты украинского ПВО": the denier's own version, one record
                refused.counter = sentence.start
                refused.end = sentence.end
                refused.sentences.append(sentence)
                refused.actors += sentence.actors
                refused.weapons = refused.weapons or list(sentence.weapons)
                continue
            if self._no_comment(sentence) or sentence.index in self.recalled:
                continue
            listed = self._heading_list(sentence)
            if listed or (self._headline(sentence) and sentence.places and not self._is_incident(sentence)):
                # "Саратов\nВ ночь на понедельник беспилотники атаковали НПЗ…"; a list of towns lends no place
                heading, heading_places = sentence, not listed
                continue
            if current is None and downed is not None and sentence.end > sentence.start \
                    and self._damage_after_interception(sentence):
                sentence = self._with_context(sentence, downed)  # where the debris fell, and of what
            if heading is not None:
                sentence = self._with_context(sentence, heading, places=heading_places)
            downed = sentence if sentence.intercept and sentence.places and sentence.weapons else None
            if sentence.deny and (sentence.speakers or current is not None):
                base, denial = self._split_denial(sentence)
                if base is not None and self._is_incident(base):
                    for part in self._clauses(base):
                        current = self._merge_or_new(incidents, current, part)
                if denial is not None:
                    refusal = self._denial(denial, current)
                    last_refusal = refusal
                    again = next((i for i in incidents if i.is_denial and self._same_denier(i, refusal)), None)
                    if again is None:
                        incidents.append(refusal)
                    else:
                        # "Украинская сторона опровергла обвинения…\nВ ВСУ заявили, что не наносили удара…": a headline
                        # and its story deny the same strike once
                        again.targets = again.targets or refusal.targets
                        again.weapons = again.weapons or refusal.weapons
                        again.actors += refusal.actors
                        again.sentences += refusal.sentences
                        if refusal.counter is not None:
                            again.counter, again.end = refusal.counter, refusal.end
                continue
            claim: _Sentence | None = None
            if sentence.responsibility >= 0 and current is not None:
                cut = self._clause_start(sentence, sentence.responsibility)
                claim = self._slice(sentence, cut, sentence.end)
                sentence = self._slice(sentence, sentence.start, cut)
            if sentence.end > sentence.start and self._is_incident(sentence):
                for part in self._clauses(sentence):
                    current = self._merge_or_new(incidents, current, part)
            elif current is not None and sentence.end > sentence.start and self._elliptical(sentence, current):
                current = self._merge_or_new(incidents, current, self._borrow(sentence, current))
            elif current is not None and sentence.end > sentence.start:
                self._enrich(current, sentence)
            if claim is not None and claim.speakers and current is not None:
                if self._confirms_own_report(claim, current):
                    self._enrich(current, claim)  # "…, сообщил губернатор. Минобороны подтвердило удар."
                else:
                    incidents.append(self._confirmation(claim, self._confirmed(claim, incidents, current)))
        for refusal in incidents:
            if refusal.is_denial and not refusal.weapons and refusal.places:
                # "Песков заявил, что армия не бьёт по жилым кварталам… Дом поразила авиабомба": the strike denied
                same = [i for i in incidents if not i.is_denial and i.weapons and any(
                    self._same_place(p, q) for p in self._anchor_places(refusal.places)
                    for q in self._anchor_places(i.places))]
                if same:
                    refusal.weapons = list(same[0].weapons)
        return [i for i in incidents if self._worth_reporting(i)]

    def _elliptical(self, sentence: _Sentence, current: _Incident) -> bool:
        """"…повреждены порт и дома; в Измаиле — зерновой терминал": a clause that leaves out the strike word,
        naming another town and what was hit there, is one more incident of the same kind."""
        if current.is_denial or current.confirms or sentence.attacks or sentence.deny or sentence.intercept:
            return False
        first = self.tokens[sentence.start]
        continued = first.surface[:1].islower() or "—" in self.text[first.start: self.tokens[sentence.end - 1].end]
        if not continued or not any(t[2] >= 2 for t in sentence.targets):
            return False
        mine = self._anchor_places(sentence.places)
        theirs = self._anchor_places(current.places)
        return bool(mine) and bool(theirs) and not any(self._same_place(p, q) for p in mine for q in theirs)

    def _background(self, sentence: _Sentence) -> bool:
        """"Ранее, 10 сентября, в городе уже сбивали дроны", "Нагадаємо, на початку квітня…", "Earlier this
        month…": a sentence recalling an earlier strike is background, not news."""
        return self.lows[sentence.start] in _BACKGROUND or (
            sentence.end - sentence.start > 1 and " ".join(self.lows[sentence.start: sentence.start + 2])
            in _BACKGROUND)

    def _counter_claim(self, sentence: _Sentence, refusal: _Incident) -> bool:
        """The sentence right after a denial, said by the same side (or by no one new), naming who struck at the
        denied place or naming no place."""
        if sentence.deny or not sentence.actors or refusal.counter is not None:
            return False
        theirs = _sides(sentence.speakers)
        if theirs and not theirs <= _sides(refusal.speakers):
            return False
        anchors = self._anchor_places(sentence.places)
        return not anchors or any(self._same_place(p, q) for p in anchors
                                  for q in self._anchor_places(refusal.places))

    def _same_denier(self, first: _Incident, second: _Incident) -> bool:
        return bool(_sides(first.speakers) & _sides(second.speakers)) and any(
            self._same_place(p, q) for p in self._anchor_places(first.places)
            for q in self._anchor_places(second.places))

    def _headline(self, sentence: _Sentence) -> bool:
        """The text's first line, ended by a line break with no full stop: a headline or a post's title."""
        if sentence.index != 0 or sentence.end >= len(self.tokens):
            return False
        gap = self.text[self.tokens[sentence.end - 1].end: self.tokens[sentence.end].start]
        return "\n" in gap and not any(c in gap for c in ".!?")

    def _heading_list(self, sentence: _Sentence) -> bool:
        """A sentence listing two or more towns that the sentences after it each give a clause of their own."""
        towns = [p for p in self._anchor_places(sentence.places) if p.kind == "settlement"]
        if len(towns) < 2 or any(t[2] >= 2 for t in sentence.targets):
            return False
        later = [p for s in self.sentences if s.start >= sentence.end for p in s.places]
        return all(any(self._same_place(t, q) for q in later) for t in towns)

    def _with_context(self, sentence: _Sentence, source: _Sentence, *, places: bool = True) -> _Sentence:
        """A copy of a sentence (every flag kept) that takes the place, means, speaker, side and date it lacks from
        the sentence it follows on: a headline or a list of towns, or a shootdown whose debris did the damage.
        (Not ``_slice``: that keeps only what lies inside the sentence, and a place borrowed before would go.)"""
        part = replace(sentence)
        if places and not part.places:
            part.places = list(source.places)
        part.weapons = part.weapons or list(source.weapons)
        part.speakers = part.speakers or list(source.speakers)
        part.actors = part.actors or list(source.actors)
        part.dates = part.dates or list(source.dates)
        part.installed = part.installed or source.installed
        return part

    def _damage_after_interception(self, sentence: _Sentence) -> bool:
        """"Его обломки упали во двор, повреждены кровля и окна": damage to a named kind of object, with no place
        or weapon of its own, right after a sentence that says where a drone or missile was shot down."""
        return (not sentence.places and not sentence.weapons and not sentence.intercept and not sentence.deny
                and bool(sentence.attacks) and any(t[2] >= 2 and not t[1].startswith("military")
                                                   for t in sentence.targets))

    def _borrow(self, sentence: _Sentence, current: _Incident) -> _Sentence:
        part = self._slice(sentence, sentence.start, sentence.end)
        part.attacks = list(current.attacks[:1])
        part.weapons = list(current.weapons)
        part.speakers = list(current.speakers)
        part.actors = list(current.actors)
        part.dates = part.dates or list(current.dates)
        return part

    def _no_comment(self, sentence: _Sentence) -> bool:
        """"В Москве удар официально не комментировали": a sentence that only says a side kept silent names no
        incident, and its place is where that side sits, not where anything was hit."""
        if any(t[2] >= 2 for t in sentence.targets) or any(w[2] >= 2 for w in sentence.weapons):
            return False
        start = self.tokens[sentence.start].start
        end = self.tokens[sentence.end - 1].end
        return _NO_COMMENT.search(self.text, start, end) is not None

    def _confirms_own_report(self, claim: _Sentence, current: _Incident) -> bool:
        """"Генштаб ВСУ подтвердил удар" after a Russian account is Ukraine's own confirmation; the same words
        from the side that reported the strike (or with nobody having reported it) only say more about it."""
        if "confirm" not in self.values[claim.responsibility]:
            return False
        controller = self._place(current)[1]
        reported = self._claimant(current, controller)
        sides = {self._speaker_party(v, controller, claim.installed) for _, v in claim.speakers}
        return reported not in _OPPONENT or not any(side == _OPPONENT[reported] for side in sides)

    def _confirmed(self, claim: _Sentence, incidents: list[_Incident], current: _Incident) -> _Incident:
        """"Россия нанесла удар по энергосистеме Украины… В Харькове под удар попала ТЭЦ… Минобороны подтвердило
        удар по объектам энергетики": a confirmation naming no place confirms the earlier incident whose target it
        names, not the last town's detail."""
        strong = [t for t in claim.targets if t[2] >= 2]
        if not strong or claim.places:
            return current
        named = max(strong, key=lambda t: (self._hit(t[0]), t[2], -t[0]))[1]
        if self._target(current) == named:
            return current
        return next((i for i in reversed(incidents) if not i.is_denial and not i.confirms
                     and self._target(i) == named), current)

    def _confirmation(self, sentence: _Sentence, base: _Incident) -> _Incident:
        confirmation = _Incident(sentence.start, sentence.end, [sentence], confirms=True, base=base)
        confirmation.speakers = list(sentence.speakers)
        confirmation.places = list(base.places)
        confirmation.targets = list(base.targets)
        confirmation.weapons = [w for w in sentence.weapons] or list(base.weapons)
        confirmation.dates = list(sentence.dates) or list(base.dates)
        confirmation.attacks = list(sentence.attacks) or list(base.attacks)
        return confirmation

    def _is_incident(self, sentence: _Sentence) -> bool:
        # "a moratorium on strikes against energy sites": strikes named as what a truce bans are no event;
        # "would keep attacking", "ready to halt strikes": strikes under a modal word are not events either
        attacks = [a for a in sentence.attacks if not any(0 < a - t <= 3 for t in sentence.truces)
                   and not any(self._governs(m, a) for m in sentence.modals)]
        # "reported no strikes or damage": a strike word negated is none; "bombers took off": planes in the air
        # that strike nothing are no strike either
        # "все атаки отбиты", "the attack was repelled": a strike word its own repulse follows struck nothing
        attacks = [a for a in attacks if not (a + 1 < len(self.kinds) and "intercept" in self.kinds[a + 1]
                                              and "attack" in self.kinds[a] and "weapon" not in self.kinds[a])]
        attacks = [a for a in attacks if not self._negated_attack(a)
                   and not ("weapon" in self.kinds[a] and "aircraft" in self.values[a] and self._idle(a)
                            and not self._strikes(a))]
        if not attacks and not self._downed_aircraft(sentence):
            return False
        if sentence.aggregate and sentence.number:
            return False
        strong_targets = [t for t in sentence.targets if t[2] >= 2]
        if not strong_targets and _NOT_RECORDED.search(
                self.text, self.tokens[sentence.start].start, self.tokens[sentence.end - 1].end):
            return False
        tally = (sentence.intercept or sentence.launch) and not (strong_targets and (sentence.places or sentence.dates))
        if tally and not sentence.intercept and self._aimed_at_town(sentence):
            tally = False  # "ВСУ выпустили по Бердянску несколько ракет": fired at one town is a strike on it
        damage = [t for t in strong_targets if not t[1].startswith("military")]
        if tally and not (sentence.intercept and damage) and not self._downed_aircraft(sentence):
            return False
        return bool(sentence.targets or sentence.places or sentence.weapons)

    def _negated_attack(self, index: int) -> bool:
        """"no strikes or damage", "без ударов": a strike word after "no" or "without", in a list of such words."""
        k = index - 1
        while k >= 0 and index - k <= 4 and not self.pause[k + 1]:
            if self.lows[k] in ("no", "without", "без"):
                return True
            if not (self.kinds[k] & {"attack"} or self.lows[k] in ("or", "and", "или", "и", "або", "чи", "і")):
                return False
            k -= 1
        return False

    def _aimed_at_town(self, sentence: _Sentence) -> bool:
        """A launch word with a settlement right after "по"/"at" in the same sentence: aimed at that town."""
        return any(p.kind == "settlement" and p.start > 0 and (self.lows[p.start - 1] in _AIMED_AT or (
            p.start > 1 and self.lows[p.start - 2] in _AIMED_AT and self.lows[p.start - 1].startswith(_PART_OF_TOWN)))
            for p in sentence.places)

    def _downed_aircraft(self, sentence: _Sentence) -> bool:
        """"shot down a Su-34", "загорелись несколько самолетов": the aircraft is what was hit, not what hit."""
        aircraft = [w[0] for w in sentence.weapons if w[1] == "aircraft"]
        return bool(aircraft) and (sentence.intercept or any(self._hit(i, after=False) for i in aircraft))

    def _governs(self, modal: int, attack: int) -> bool:
        """A modal word up to six words before an attack word, in the same clause."""
        if not 0 < attack - modal <= 6:
            return False
        return not any(c in self.text[self.tokens[k].end: self.tokens[k + 1].start]
                       for k in range(modal, attack) for c in ",;:")

    def _worth_reporting(self, incident: _Incident) -> bool:
        if incident.is_denial or incident.confirms:
            return True
        # With no place, only a dated or attributed strike on a named kind of object is an incident
        hit = any(t[2] >= 2 and self._hit(t[0]) for t in incident.targets)
        return bool(incident.places) or (hit and bool(incident.dates or incident.speakers))

    def _split_denial(self, sentence: _Sentence) -> tuple[_Sentence | None, _Sentence | None]:
        """A denial sentence; when it also carries the allegation (two sides speaking), split it at the cue."""
        cut = sentence.deny_token
        parties_before = {p for i, p in sentence.speakers if i < cut and not p.startswith("@")}
        parties_after = {p for i, p in sentence.speakers if i >= cut and not p.startswith("@")}
        before_attack = [a for a in sentence.attacks if a < cut]
        says_before = [s for s in sentence.says if s < cut]
        if not parties_after and says_before and before_attack and min(before_attack) > max(says_before):
            return None, sentence  # "заявили, что ВСУ к обстрелу не причастны": the strike is what is denied
        if parties_before and before_attack and (not parties_after or parties_after != parties_before):
            # "Russia said Ukraine blew up the station, which Kyiv called a lie."
            left = self._slice(sentence, sentence.start, self._clause_start(sentence, cut))
            right = self._slice(sentence, self._clause_start(sentence, cut), sentence.end)
            if not parties_after and not self._is_incident(left):
                # "The General Staff said its units had carried out no strikes … and called the report invented": one
                # speaker denies twice; nothing before the cut is an incident of its own
                return None, sentence
            if not right.speakers:
                right.speakers = [(i, p) for i, p in sentence.speakers if i >= left.end]
            return left, right
        return None, sentence

    def _clause_start(self, sentence: _Sentence, index: int) -> int:
        for k in range(index, sentence.start, -1):
            gap = self.text[self.tokens[k - 1].end: self.tokens[k].start]
            if "," in gap or ";" in gap or "—" in gap or " - " in gap or self.lows[k] in _CLAUSE_WORDS:
                return k
        return sentence.start

    def _slice(self, sentence: _Sentence, start: int, end: int) -> _Sentence:
        part = _Sentence(sentence.index, start, end, sentence.char_start)
        part.deny = sentence.deny and start <= sentence.deny_token < end
        part.deny_token = sentence.deny_token if part.deny else -1
        for name in ("modal", "aggregate", "intercept", "launch", "installed", "number"):
            setattr(part, name, getattr(sentence, name))
        part.targets = [t for t in sentence.targets if start <= t[0] < end]
        part.weapons = [w for w in sentence.weapons if start <= w[0] < end]
        part.speakers = [s for s in sentence.speakers if start <= s[0] < end]
        part.actors = [a for a in sentence.actors if start <= a[0] < end]
        part.attacks = [a for a in sentence.attacks if start <= a < end]
        part.says = [a for a in sentence.says if start <= a < end]
        part.selfs = [a for a in sentence.selfs if start <= a < end]
        part.truces = [a for a in sentence.truces if start <= a < end]
        part.modals = [a for a in sentence.modals if start <= a < end]
        part.owners = [a for a in sentence.owners if start <= a[0] < end]
        part.responsibility = sentence.responsibility if start <= sentence.responsibility < end else -1
        part.places = [p for p in sentence.places if start <= p.start < end]
        part.dates = list(sentence.dates)
        return part

    def _clauses(self, sentence: _Sentence) -> list[_Sentence]:
        """Split a sentence that names several distinct places, each with its own clause."""
        groups: list[list[PlaceMention]] = []
        anchors = self._anchor_places(sentence.places)
        # "Эвакуированная из Волчанска семья погибла в Харькове": a place something came from is no clause of its own
        if any(not self._origin(p) for p in anchors):
            anchors = [p for p in anchors if not self._origin(p)]
        # "ударила по Краматорску и Славянску, в Краматорске разрушен дом, в Славянске — школа": towns listed
        # together and then each given its own clause are cut where they come again
        anchors = [p for k, p in enumerate(anchors) if not any(
            p.kind == "settlement" and self._same_place(p, q) and self._cut_between(p.end, q.start) > p.end
            for q in anchors[k + 1:])]
        # "атаковал Зуевскую ТЭС в Зугрэсе": a facility named after one town and said to stand in another is there
        anchors = [p for p in anchors if not self._facility_located(p, anchors)]
        # "атаковали Полтавщину и Кировоградщину: в Лубнах …, а в Александрии …": regions listed as a heading
        # whose towns come later, each in a clause of its own, are no clauses of their own
        towns = [p for p in anchors if p.kind == "settlement"]
        if len(towns) > 1:
            anchors = [p for p in anchors if not (p.kind == "region" and any(
                q.start > p.start and q.admin1 == p.admin1 for q in towns))]
        for place in anchors:
            near = self._near(place) and not self._own_clause_before(groups[-1][-1], place) if groups else False
            if groups and (self._same_place(groups[-1][-1], place) or near or self._district(place)
                           or self._landmark_for(groups[-1], place) or self._in_district(groups[-1], place)):
                groups[-1].append(place)
                continue
            # a region heading a group does not swallow a town of its own named in a clause of its own
            if any(self._same_place(q, place) for g in groups for q in g if q.kind == place.kind):
                continue
            groups.append([place])
        if len(groups) < 2:
            return [sentence]
        cuts = [sentence.start]
        for left, right in itertools.pairwise(groups):
            cuts.append(self._cut_between(left[-1].end, right[0].start))
        cuts.append(sentence.end)
        parts = [self._slice(sentence, a, b) for a, b in itertools.pairwise(cuts) if b > a]
        # "в Старом Осколе никаких происшествий не было, а в Белгороде…": a clause where nothing happened opens no
        # incident; it joins the next clause without its place
        for k in range(len(parts) - 2, -1, -1):
            if not parts[k].attacks and self._nothing_happened(parts[k]) and len(parts) == len(groups):
                quiet = set(map(id, parts[k].places))
                merged = self._slice(sentence, parts[k].start, parts[k + 1].end)
                merged.places = [p for p in merged.places if id(p) not in quiet]
                parts[k: k + 2] = [merged]
                groups[k: k + 2] = [groups[k + 1]]
        if len(parts) == len(groups):
            for k, part in enumerate(parts):  # a town listed early belongs to the clause given to it
                others = [g[0] for j, g in enumerate(groups) if j != k and g[0].kind == "settlement"]
                part.places = [p for p in part.places if p in groups[k] or not any(
                    p.kind == "settlement" and self._same_place(p, q) for q in others)]
        # "apartment blocks in Vidnoye and Domodedovo": a place with no object of its own shares its neighbour's
        strong = [[t for t in part.targets if t[2] >= 2] for part in parts]
        for k, part in enumerate(parts):
            if not strong[k]:
                neighbours = [strong[j] for j in (k - 1, k + 1) if 0 <= j < len(parts) and strong[j]]
                if neighbours:
                    part.targets = part.targets + neighbours[0]
        for part in parts:
            if not part.weapons:
                part.weapons = list(sentence.weapons)
            if not part.actors:
                part.actors = [a for a in sentence.actors if a[0] < part.start] or list(sentence.actors)
            if not part.speakers:
                part.speakers = list(sentence.speakers)
            if not part.attacks:
                part.attacks = list(sentence.attacks)
        return parts

    def _nothing_happened(self, part: _Sentence) -> bool:
        """"никаких происшествий не было", "обошлось без последствий", "no damage was reported": nothing was hit."""
        words = self.lows[part.start:part.end]
        return any(w in _NOTHING_WORDS for w in words) or any(
            a in ("не", "no", "нет", "ні") and b.startswith(("происшеств", "пострадавш", "разрушен", "damage",
                                                            "strikes", "casualt", "інцидент", "пошкоджен",
                                                            "повреждени"))
            for a, b in itertools.pairwise(words)) or any(
            a.startswith("никак") and b.startswith("происшеств") for a, b in itertools.pairwise(words))

    def _landmark_for(self, group: list[PlaceMention], place: PlaceMention) -> bool:
        """"Под Херсоном российские войска ударили по Белозерке": a landmark opening the clause locates the town
        named later in it; both are one incident."""
        if not all(self._near(p) for p in group):
            return False
        first = group[0].start - 1  # the near word
        opening = first == 0 or self.pause[first]  # "Near Kharkiv, Russian drones hit…": its comma is no cut
        start = group[-1].end + 1 if opening else group[-1].end
        if not any(self.pause[k] for k in range(start, place.start + 1)):
            return True
        # "в пригороде Херсона, в посёлке Антоновка": the settlement the landmark's clause goes on to name
        landmark = group[-1].best
        return place.kind == "settlement" and place.best is not None and landmark is not None \
            and place.best.admin1 == landmark.admin1 and place.start > 0 \
            and self.lows[place.start - 1] in _SETTLEMENT_WORDS \
            and not any(self.pause[k] for k in range(group[-1].end + 1, place.start - 2))

    def _in_district(self, group: list[PlaceMention], place: PlaceMention) -> bool:
        """"В Белгородском районе, в посёлке Разумное", "обстреляла Никопольский район: в Марганце": a town of the
        district that opens the clause is where the strike was; both are one incident."""
        if place.kind != "settlement" or place.best is None or not all(self._district(p) for p in group):
            return False
        return not self._other_district(group, [place]) and any(p.admin1 == place.best.admin1 for p in group)

    def _cut_between(self, left_end: int, right_start: int) -> int:
        for k in range(right_start, left_end - 1, -1):
            gap = self.text[self.tokens[k - 1].end: self.tokens[k].start]
            if "," in gap or ";" in gap or "—" in gap or self.lows[k] in _CLAUSE_WORDS:
                return k
        return right_start

    def _near(self, place: PlaceMention) -> bool:
        """"near Kharkiv", "south of Kyiv": the place is a landmark for another one in the same clause."""
        for k in range(place.start - 1, max(-1, place.start - 4), -1):
            if self.pause[k + 1]:
                return False
            if self.lows[k] in _NEAR_WORDS:
                return True
        return False

    @staticmethod
    def _same_place(a: PlaceMention, b: PlaceMention) -> bool:
        if a.kind == "settlement" and b.kind == "settlement":
            first, second = a.best, b.best
            if first is None or second is None:
                return False
            close = abs(first.lat - second.lat) < 0.06 and abs(first.lon - second.lon) < 0.09
            # two spellings of one town agree on its name or sit on top of each other; Myrnohrad is not Pokrovsk
            same = first.name == second.name or (abs(first.lat - second.lat) < 0.02
                                                 and abs(first.lon - second.lon) < 0.03)
            return first == second or (first.admin1 == second.admin1 and close and same)
        return a.admin1 == b.admin1

    def _merge_or_new(self, incidents: list[_Incident], current: _Incident | None, part: _Sentence) -> _Incident:
        # "…сбили ВСУ ракетами из Харьковской области": where a strike came from places no incident of its own
        anchors = [p for p in self._anchor_places(part.places) if not self._origin(p)]
        # "…близ Васильевки. Глава Запорожской области заявил, что ракеты попали…": the region in the speaker's title,
        # the one the place already reported lies in, is whose official speaks, not another place
        titles = [p for p in anchors if self._place_rank(p) == 4]
        if titles and len(titles) == len(anchors) and current is not None and any(
                p.admin1 == (q.best.admin1 if q.best is not None else q.admin1)
                for p in titles for q in current.places):
            anchors = []
        else:
            titles = []
        answer = current is not None and not current.is_denial and not current.confirms \
            and self._other_side_speaks(current, part)
        another = current is not None and not anchors and self._another(part) and bool(current.places)
        if current is not None and not current.is_denial and not current.confirms and (
                not anchors or (not current.places and not (part.speakers and current.speakers))) \
                and not answer and not another:
            self._absorb(current, part)
            return current
        if another and current is not None:
            # "Днём обстрелу подвергся ещё и район шахты": one more strike on the same town
            incident = _Incident(part.start, part.end, [])
            self._absorb(incident, part)
            incident.places = list(current.places)
            incidents.append(incident)
            return incident
        if current is not None and not current.is_denial and not current.confirms and not answer \
                and self._heading_for(current, anchors):
            # "…атаковали Измаильский район. В Вилково повреждены причал и склады": the district struck, then the
            # town in it where the damage was, is one incident in that town
            self._absorb(current, part)
            return current
        districts_only = bool(anchors) and all(self._district(p) for p in anchors)
        for incident in incidents:
            if incident.is_denial or incident.confirms:
                continue
            if districts_only and any(p.admin1 == q.admin1 for p in anchors for q in incident.places) \
                    and not self._other_district(anchors, incident.places):
                self._absorb(incident, part)
                return incident
            theirs = self._anchor_places(incident.places)
            if any(self._same_place(p, q) for p in anchors for q in theirs) and not self._other_side_speaks(
                    incident, part) and not self._other_town(anchors, theirs):
                self._absorb(incident, part)
                return incident
        incident = _Incident(part.start, part.end, [], answer=answer)
        self._absorb(incident, part)
        if titles:
            incident.places = [p for p in incident.places if p not in titles]
        last = incidents[-1] if incidents else None
        if last is not None and not anchors and not answer and (last.is_denial or last.confirms):
            incident.places = list(last.places)  # "Песков отрицал удар по Днепру. В субботу ракета попала…"
        if answer and current is not None and not anchors and any(
                self.tokens[k].surface in _THE_CITY or self.lows[k] in ("city", "town")
                for k in range(part.start, part.end)):
            incident.places = list(current.places)  # "…сообщают, что ракеты попали в центр города": that city
        if answer and current is not None and not anchors and not incident.places and len(incidents) == 1 \
                and current.places and not part.dates and len({t[1] for t in part.targets if t[2] >= 2}) <= 1:
            # "…Російські медіа стверджують, що удару завдали по позиціях ЗСУ": the only strike reported so far, told
            # the other way; an account listing kinds of targets ("industrial targets and airfields") is of a wider
            # operation
            incident.places = list(current.places)
        if answer and current is not None and not anchors and not incident.places and self._local_account(part):
            incident.places = list(current.places)  # "…Окупаційна влада заявила, що пошкоджено будинки": there
        if answer and current is not None and not anchors and not incident.places and {
                t[1] for t in incident.targets if t[2] >= 2} & {t[1] for t in current.targets if t[2] >= 2}:
            incident.places = list(current.places)  # "…заявило, что собор был разрушен ракетой ПВО": that cathedral
        if answer and current is not None and not any(t[2] >= 2 for t in incident.targets) and incident.places \
                and any(self._same_place(p, q) for p in self._anchor_places(incident.places)
                        for q in self._anchor_places(current.places)):
            incident.targets += current.targets  # "…заявили, что разрушения в Киеве вызвала ракета ПВО": that strike
        incidents.append(incident)
        return incident

    def _heading_for(self, current: _Incident, anchors: list[PlaceMention]) -> bool:
        """The incident so far names only a region or district struck, nothing hit, and the new clause names towns
        in it."""
        if not anchors or any(t[2] >= 2 for t in current.targets):
            return False
        if not any(self._place_rank(q) <= 3 for q in current.places):
            # "Dnipropetrovsk governor said Russian troops kept up their fire on towns… In Nikopol, …": the
            # incident so far has only the speaker's region, and nothing hit
            return all(p.kind == "settlement" and not self._district(p) for p in anchors)
        theirs = self._anchor_places(current.places)
        if not all(q.kind == "region" or self._district(q) for q in theirs):
            return False
        towns = [p.best for p in anchors if p.kind == "settlement" and not self._district(p) and p.best is not None]
        if len(towns) != len(anchors):
            return False
        def inside(town: Settlement, heading: PlaceMention) -> bool:
            if heading.kind == "region":
                return town.admin1 == heading.admin1
            centre = heading.best
            return centre is not None and abs(town.lat - centre.lat) < 0.6 and abs(town.lon - centre.lon) < 0.9
        return all(any(inside(town, q) for q in theirs) for town in towns)

    @staticmethod
    def _other_district(districts: list[PlaceMention], theirs: list[PlaceMention]) -> bool:
        """"ВСУ обстреляли Льгов… В Рыльском районе после атаки дрона…": a district named after a town far from
        every town the incident has is another incident, though in the same region."""
        towns = [q.best for q in theirs if q.kind == "settlement" and q.best is not None]
        mine = [p.best for p in districts if p.kind == "settlement" and p.best is not None]
        return bool(towns and mine) and not any(
            abs(a.lat - b.lat) < 0.25 and abs(a.lon - b.lon) < 0.4 for a in mine for b in towns)

    def _local_account(self, part: _Sentence) -> bool:
        """The other side's answer given by the authorities of the place struck (installed or local officials)
        speaks of that place even when it does not name it."""
        return part.installed or any("@local" in self.values[i] for i, _ in part.speakers)

    def _another(self, part: _Sentence) -> bool:
        """"ещё", "также", "also" with a weapon of its own, in a sentence naming no place: one more strike."""
        return bool(part.weapons) and not (part.intercept or part.launch or part.aggregate) \
            and any(self.lows[k] in _ANOTHER for k in range(part.start, part.end))

    def _other_town(self, anchors: list[PlaceMention], theirs: list[PlaceMention]) -> bool:
        """"…атаковали Одесскую область. В Одессе повреждён порт, в Измаиле — терминал": a town in the region
        already struck, when the incident already has a town of its own, is another incident."""
        towns = [q for q in theirs if q.kind == "settlement"]
        mine = [p for p in anchors if p.kind == "settlement"]
        return bool(towns and mine) and not any(self._same_place(p, q) for p in mine for q in towns)

    def _other_side_speaks(self, current: _Incident, part: _Sentence) -> bool:
        """"…, the governor said. Russia's defence ministry said its forces struck military sites", "Moscow
        claimed it had hit an arms depot": a sentence in which the other side speaks is that side's own report,
        not more about the incident before it."""
        if not current.places:
            return False
        controller = self._place(_Incident(part.start, part.end, [], places=part.places))[1]
        sides = {self._speaker_party(v, controller, part.installed) for _, v in part.speakers} & set(_OPPONENT)
        if len(sides) != 1:
            return False
        claimant = self._claimant(current, self._place(current)[1])
        return claimant in _OPPONENT and claimant not in sides

    def _absorb(self, incident: _Incident, part: _Sentence) -> None:
        incident.sentences.append(part)
        incident.end = max(incident.end, part.end)
        incident.targets += part.targets
        incident.weapons += part.weapons
        incident.places += part.places
        incident.actors += part.actors
        incident.speakers += part.speakers
        incident.dates += part.dates
        incident.attacks += part.attacks
        incident.owners += part.owners
        incident.installed = incident.installed or part.installed

    def _enrich(self, incident: _Incident, sentence: _Sentence) -> None:
        """A sentence with no attack of its own may still say where, what or who about the incident before it;
        the other side commenting on it ("ГУР сообщило, что не располагает информацией") does not become the
        one who reported it."""
        reported = self._claimant(incident, self._place(incident)[1]) if incident.speakers else None
        incident.speakers += [s for s in sentence.speakers
                              if not (reported in _OPPONENT and s[1] == _OPPONENT[reported])]
        incident.installed = incident.installed or sentence.installed
        if (sentence.aggregate and sentence.number) or sentence.intercept or sentence.launch:
            return
        if not incident.places and sentence.places:
            incident.places += sentence.places
        if not any(t[2] >= 2 for t in incident.targets):
            incident.targets += sentence.targets
        if not incident.dates:
            incident.dates += sentence.dates

    def _denial(self, sentence: _Sentence, base: _Incident | None) -> _Incident:
        denial = _Incident(sentence.start, sentence.end, [sentence], is_denial=True, base=base)
        denial.speakers = list(sentence.speakers)
        # The denier's own version ("... and said Russia shelled the station itself") follows a "said" that opens
        # a new clause after the denial word; what follows "a claim that" is the version denied.
        counter: int | None = None
        for say in sentence.says:
            if say <= sentence.deny_token:
                continue
            gap = self.text[self.tokens[say - 1].end: self.tokens[say].start]
            if self.lows[say - 1] in _CLAUSE_WORDS or "," in gap:
                counter = say
        if counter is None and any(i > sentence.deny_token for i in sentence.selfs):
            counter = sentence.deny_token
        if counter is None:
            # "…не причастны, а ответственность лежит на российских военных": the side said to be at fault
            counter = next((k for k in range(sentence.deny_token + 1, sentence.end) if "culprit" in self.kinds[k]),
                           None)
        if counter is None:
            # "…и назвало атаку провокацией российских сил", "a provocation by Russian forces": the side that staged it
            counter = next((k for k in range(sentence.deny_token + 1, sentence.end - 1) if "deny" in self.kinds[k]
                            and any(k < a[0] <= k + 2 and not any(self.pause[j] for j in range(k + 1, a[0] + 1))
                                    for a in sentence.actors)), None)
        if counter is None:
            # "…не причастны к удару и что по городу била российская артиллерия": a second "that" clause naming a force
            for k in range(sentence.deny_token + 1, sentence.end - 1):
                if self.lows[k] in _THAT and (self.lows[k - 1] in _CLAUSE_WORDS or self.pause[k]) and any(
                        k < a[0] < sentence.end for a in sentence.actors):
                    counter = k
                    break
        denial.counter = counter
        denial.actors = [a for a in sentence.actors if a[0] > counter] if counter is not None else []
        counter_weapons = [w for w in sentence.weapons if counter is not None and w[0] > counter]
        denial.weapons = counter_weapons or [w for w in sentence.weapons if w[0] > sentence.deny_token] or [
            w for w in sentence.weapons if counter is not None and w[0] < sentence.deny_token]
        if not denial.weapons and base is not None and (counter is None or not sentence.weapons):
            # "…назвало атаку провокацией российских сил": the strike denied, by the means it was reported with
            denial.weapons = list(base.weapons)
        denial.attacks = list(sentence.attacks)
        denial.places = list(sentence.places) or (list(base.places) if base else [])
        strong = [t for t in sentence.targets if t[2] >= 2]
        denial.targets = [t for t in strong if counter is not None and t[0] > counter] or strong or (
            list(base.targets) if base else [])
        denial.dates = list(sentence.dates) or (list(base.dates) if base else [])
        denial.installed = sentence.installed
        return denial

    # ----- fields -----

    def report(self, incident: _Incident, report_id: str, *, source: str | None, published: datetime | None) -> Report:
        place, controller = self._place(incident)
        claimant = self._claimant(incident, controller)
        actor = self._actor(incident, claimant, controller)
        stance: Stance
        if incident.is_denial:
            stance = "denial"
        elif incident.confirms:
            stance = "confirmation" if actor == claimant else "allegation"
        elif claimant is None:
            stance = "neutral"
        elif actor == claimant:
            stance = "confirmation"
        else:
            stance = "allegation"
        start, end = self._when(incident)
        return Report(
            report_id=report_id,
            feed=FEED,
            when_start=start,
            when_end=end,
            place=place,
            actor=actor,
            claimant=claimant,
            target=Target(self._target(incident)),
            weapon=self._weapon(incident),
            action=self._action(incident),
            stance=stance,
            is_incident=True,
            source=source,
            text=self.text,
            published=published,
        )

    def _place(self, incident: _Incident) -> tuple[Place | None, str | None]:
        if not incident.places:
            return None, None
        regions = {p.admin1 for p in self.places if p.kind == "region"} | self.region_hints or {
            p.admin1 for p in self.places if p is not incident.places[0] and len(p.candidates) == 1}
        control_admin1, control_settlement = _control()
        def order(place: PlaceMention) -> tuple[bool, bool, int, bool, int]:
            rank = self._place_rank(place)
            # "the Dniprovskyi district of Kherson": the city, not a district named like a town elsewhere
            return (rank == 4, place.kind != "settlement", rank, self._district(place), place.start)

        mention = min(incident.places, key=order)
        if mention.kind == "settlement":
            # "Near Kharkiv, … hit Zolochiv": the landmark's region picks among namesakes
            landmarks = {p.best.admin1 if p.best is not None else p.admin1 for p in incident.places
                         if p is not mention and self._near(p)}
            choice = next((c for c in mention.candidates if c.admin1 in regions), None) or next(
                (c for c in mention.candidates if c.admin1 in landmarks), None) or next(
                # "Оккупационные власти Михайловки": authorities Russia installed sit in occupied Ukraine
                (c for c in mention.candidates if incident.installed and c.country == "UA"), mention.candidates[0])
            controller = control_settlement.get(choice.name) or control_admin1.get(choice.admin1) or choice.country
            name = current_name(choice.name, choice.admin1, choice.lat, choice.lon)
            return Place(name, choice.admin1, choice.country, choice.lat, choice.lon), controller
        controller = control_admin1.get(mention.admin1) or mention.country
        return Place(None, mention.admin1, mention.country or None, None, None), controller

    def _speaker_party(self, value: str, controller: str | None, installed: bool) -> str | None:
        if value == "@lang":
            value = {"uk": "UA", "ru": "RU"}.get(self.lang, "@local")
        if value == "@local":
            if installed:
                return "RU"
            return controller if controller in ("RU", "UA") else None
        return value

    def _best_speaker(self, speakers: list[tuple[int, str]], says: list[int], deny_token: int | None = None
                      ) -> tuple[int, str] | None:
        """The speaker who says so: a named side before a local official, one next to a "said" before others."""
        if not speakers:
            return None

        def rank(speaker: tuple[int, str]) -> tuple[bool, bool, int]:
            index, value = speaker
            near_say = any(abs(s - index) <= 6 for s in says)
            return (not near_say, value.startswith("@"), index)

        if deny_token is not None:
            deniers = [s for s in speakers if s[0] < deny_token]
            if deniers:
                return max(deniers, key=lambda s: (not s[1].startswith("@"), s[0]))

        return min(speakers, key=rank)

    def _claimant(self, incident: _Incident, controller: str | None) -> str | None:
        says = [s for sentence in incident.sentences for s in sentence.says]
        deny_token = incident.sentences[0].deny_token if incident.is_denial else None
        best = self._best_speaker(incident.speakers, says, deny_token)
        if best is not None:
            party = self._speaker_party(best[1], controller, incident.installed)
            if party:
                return party
        if incident.is_denial or incident.confirms:
            return None
        found = self.text_claimant(controller)
        strong = {v for v in self.voices if not v.endswith("?")}
        if found is None and len(strong) == 1:
            # "⚡️Обстрел Херсона: … оккупанты ударили …": an official's channel speaking with no name, known by
            # the words only its side uses
            found = next(iter(strong))
        elif found is None and not strong and controller is not None and f"{controller}?" in self.voices:
            found = controller  # "ворог атакував Херсон": the enemy striking the writer's own side's ground
        return found

    def text_claimant(self, controller: str | None) -> str | None:
        for sentence in self.sentences:
            if sentence.deny:
                continue
            best = self._best_speaker(sentence.speakers, sentence.says)
            if best is not None:
                party = self._speaker_party(best[1], controller, sentence.installed)
                if party:
                    return party
        return None

    def _actor(self, incident: _Incident, claimant: str | None, controller: str | None) -> str | None:
        speakers_at = {i for i, _ in incident.speakers}
        actors = [(i, p) for i, p in incident.actors if i not in speakers_at]
        if any(self._downed_aircraft(s) for s in incident.sentences):
            # "shot down a Russian Su-34": the adjective names the aircraft's side, not the attacker's
            actors = [(i, p) for i, p in actors if not (i + 1 < len(self.kinds) and "weapon" in self.kinds[i + 1])]
        party: str | None = None
        # "поражены пункты дислокации ВСУ": a force named right after a target owns it, it did not strike
        owned: set[str] = set()
        if actors:
            anchor = min(incident.attacks) if incident.attacks else incident.start
            before = [a for a in actors if a[0] <= anchor]
            after = [a for a in actors if a[0] > anchor and not self._owner(a[0])]
            owned = {p for i, p in actors if i > anchor and self._owner(i)}
            chosen = before[-1] if before else after[0] if after else None
            if chosen is not None:
                party = chosen[1]
        if party is None:
            # "Russian military said they destroyed...": a force that speaks is the actor of its own report.
            forces = [p for i, p in incident.speakers if i in self.actor_speakers]
            if forces and not incident.is_denial:
                party = forces[0]
        if party == "@enemy":
            # "the enemy" is the other side of whoever speaks; unattributed, of the side holding the place struck,
            # else of the language's own side
            held = controller if controller in _OPPONENT else None
            side = claimant or held or ("UA" if self.lang == "uk" else "RU" if self.lang == "ru" else None)
            party = _OPPONENT.get(side or "")
        if incident.confirms:
            if controller in _OPPONENT and claimant == controller:
                return _OPPONENT[controller]  # "губернатор подтвердил атаку": struck on the ground it holds
            return claimant
        if incident.is_denial:
            counter = incident.counter
            end = incident.end
            staged = [k for k in range(counter + 1, end) if "deny" in self.kinds[k]] if counter is not None else []
            # "…saying Russian troops had shelled the town themselves to stage a provocation": that side struck
            striking = [side for at, side in incident.actors if counter is not None and at > counter
                        and any(self.kinds[j] & _STRIKING for j in range(at + 1, min(at + 5, end)))
                        and not any(self.pause[j] for j in range(at + 1, min(at + 5, end)))]
            if striking and striking[0] != claimant:
                return striking[0]
            # "…назвало атаку провокацией российских сил", "a provocation by Russian forces": that side struck
            by = [side for k in staged for at, side in incident.actors if k < at <= k + 2
                  and not any(self.pause[j] for j in range(k + 1, at + 1))]
            if by and by[0] != claimant:
                return by[0]
            if staged:
                return None  # "…and accused Kyiv of staging the damage": the other side faked it, struck nothing
            blamed = [a for a in incident.attacks if counter is not None and a > counter]
            if party is None and blamed and not self._negated_or_own(counter or 0, blamed[0]):
                party = _OPPONENT.get(claimant or "")
            return party if party != claimant else None
        if party is not None:
            return party
        owners = {p for _, p in incident.owners if p in _OPPONENT} | (owned & set(_OPPONENT))
        if len(owners) == 1:
            return _OPPONENT[owners.pop()]
        if incident.answer and controller is None and claimant in _OPPONENT and not self._local_speaker(incident):
            return claimant  # "Russia's defence ministry said it had hit military targets": its own strike
        if claimant is None:
            # nobody speaks: a weapon only one side fields names the side, unless it is what was hit
            sides = {self.made[i] for i, _, _ in incident.weapons if i in self.made and not self._struck(i)}
            return sides.pop() if len(sides) == 1 else None
        if incident.installed and claimant == "RU":
            return "UA"  # an official Russia installed reports on the ground Russia holds: the other side struck
        if controller is None or controller == claimant:
            return _OPPONENT.get(claimant)
        return claimant

    def _local_speaker(self, incident: _Incident) -> bool:
        """The one who says so is a local official ("the mayor"), who reports on the ground they run."""
        says = [s for sentence in incident.sentences for s in sentence.says]
        best = self._best_speaker(incident.speakers, says)
        if best is None:
            return False
        # "мэр Львова Андрей Садовый": a named person with a local office
        return best[1] == "@local" or any(v == "@local" and abs(i - best[0]) <= 2 for i, v in incident.speakers)

    def _target(self, incident: _Incident) -> str:
        if not any(t[2] >= 2 for t in incident.targets) and any(self._downed_aircraft(s) for s in incident.sentences):
            return "military.equipment"
        made_here = any(self._weapon_as_object(w[0]) for w in incident.weapons)
        if not incident.targets:
            return "military.equipment" if made_here else "unknown"
        best = max(incident.targets, key=lambda t: (self._hit(t[0]), t[2], -t[0]))[1]
        # "цех, где собирали ударные беспилотники", "a workshop producing long-range drones": where weapons are
        # made or kept is a military target, however the building is called
        if made_here and best in ("civilian.commercial", "civilian", "unknown"):
            return "military.equipment"
        return best

    def _hit(self, index: int, *, after: bool = True) -> bool:
        """An attack or weapon word shortly before ("hit a substation", "удар по підстанції") or after ("a plant
        was damaged"), in the same clause, or "against" after a strike word: the object is what was hit."""
        for k in range(index - 1, max(-1, index - 6), -1):
            if self.pause[k + 1]:
                break
            if self.kinds[k] & {"attack", "weapon"}:
                return True
            if self.lows[k] in _AGAINST and any(self.kinds[j] & {"attack", "weapon", "launch"} for j in range(k)):
                return True
        if not after:
            return False
        seen = 0
        for k in range(index + 1, len(self.tokens)):
            if self.pause[k]:
                break
            if "attack" in self.kinds[k] and not self.lows[k].endswith("ing"):
                return True  # "a plant was damaged"; not "..., killing three"
            if "target" not in self.kinds[k]:
                seen += 1
                if seen >= 3:
                    break
        return False

    def _owner(self, index: int) -> bool:
        """A side named after the strike as what something belongs to or is for, not as who struck: "пункты
        дислокации ВСУ", "эшелон с вооружением для ВСУ", "снабжавшие группировку ВСУ"."""
        if self._owns_target_before(index):
            return True
        if index == 0 or self.pause[index]:
            return False
        if index + 1 < len(self.kinds) and "attack" in self.kinds[index + 1]:
            return False  # "около 9 утра оккупанты ударили": the side before its strike verb is who struck
        before = self.lows[index - 1]
        if before in ("для", "for"):
            return True
        if "weapon" in self.kinds[index - 1] and self._weapon_as_object(index - 1):
            return True  # "склады, где хранились катера ВСУ": the weapons kept there are the side's
        if self.kinds[index - 1] & {"attack", "weapon", "actor", "party", "speaker"} \
                or not _CYRILLIC_WORD.match(before) or before in _BY_SIDE:
            return False  # "удар ВСУ", "дроны ВСУ", "со стороны ВСУ": the strike's or the weapon's side struck
        lang = "uk" if self.lang == "uk" else "ru"
        # a noun's genitive ("группировку ВСУ"); an adjective ("падения украинской ракеты") goes with what follows
        party = self.lows[index]
        return _noun(before, lang) and not (_CYRILLIC_WORD.match(party) is not None and _adjective(party, lang))

    def _owns_target_before(self, index: int) -> bool:
        """"поражены пункты дислокации ВСУ": a side named right after a target, in the same clause, owns it."""
        return index > 0 and not self.pause[index] and "target" in self.kinds[index - 1]

    def _struck(self, index: int) -> bool:
        """"уничтожен HIMARS", "destroyed a HIMARS launcher": an attack word shortly before, in the same clause."""
        for k in range(index - 1, max(-1, index - 4), -1):
            if self.pause[k + 1]:
                return False
            if "attack" in self.kinds[k] or "intercept" in self.kinds[k]:
                return True
        return False

    def _weapon_as_object(self, index: int) -> bool:
        """A weapon word that completes a noun of making, keeping or launching ("подготовки беспилотников",
        "базирования катеров", "drone production", "missile storage") names the target, not the means."""
        for k in range(index - 1, max(-1, index - 4), -1):
            if self.pause[k + 1]:
                break
            if self.lows[k].startswith(_WEAPON_HEADS):
                return True
        following = index + 1
        while following < len(self.lows) and not self.pause[following] and "weapon" in self.kinds[following]:
            following += 1
        return following < len(self.lows) and not self.pause[following] \
            and self.lows[following].startswith(_WEAPON_HEADS_EN)

    def _weapon(self, incident: _Incident) -> str:
        weapons = incident.weapons
        if any(self._downed_aircraft(s) for s in incident.sentences):
            weapons = [w for w in weapons if w[1] != "aircraft"]
            if not weapons:
                return "unknown"
        # an aircraft named as a noun is the weapon only when it does the striking ("aircraft dropped a bomb"),
        # not where planes were based or what was hit
        weapons = [w for w in weapons if not (w[1] == "aircraft" and (w[2] < 2 or self._idle(w[0]))
                                              and not self._strikes(w[0]))]
        # "места подготовки морских беспилотников", "drone production sites": a weapon named as what was hit
        weapons = [w for w in weapons if not self._weapon_as_object(w[0])]
        if weapons:
            classes = {w[1] for w in weapons}
            if {"drone", "explosives"} <= classes:
                weapons = [w for w in weapons if w[1] != "explosives"]  # a drone dropping explosives
            return max(weapons, key=lambda w: (w[2], -w[0]))[1]
        if incident.is_denial:
            return "unknown"
        others = [w for s in self.sentences if not s.deny for w in s.weapons if w[2] >= 2
                  and not (w[1] == "aircraft" and self._idle(w[0]) and not self._strikes(w[0]))
                  and not self._weapon_as_object(w[0])]
        if others:
            return max(others, key=lambda w: (w[2], -w[0]))[1]
        return "unknown"

    def _date_weight(self, phrase: DatePhrase) -> int:
        """How precisely a phrase dates the event; "said on Sunday" dates the statement, so it counts least."""
        index = bisect_right(self.token_starts, phrase.start) - 1
        width = phrase.end - phrase.start
        after = bisect_right(self.token_starts, phrase.start + width)  # the token after the phrase
        if index >= 0 and ("say" in self._kinds_between(index - 1, index + 1)
                           or self._kinds_between(after, after + 1) & {"say", "deny"}):
            return -1  # "said on Sunday", "on Thursday rejected": the day of the statement
        return phrase.precision

    def _negated_or_own(self, start: int, attack: int) -> bool:
        """"saying it does not target civilians", "saying its missiles hit a depot": no blame on the other side."""
        words = set(self.lows[start:attack + 1])
        return bool(words & _NEGATIONS) or bool(words & _OWN)

    def _idle(self, index: int) -> bool:
        """"…снабжает топливом стратегическую авиацию": aviation named with no strike word next to it."""
        return "attack" not in self.kinds[index] and not any(
            self.kinds[k] & {"attack", "launch"} for k in range(max(0, index - 2), index))

    def _strikes(self, index: int) -> bool:
        return any("attack" in self.kinds[k] for k in range(index + 1, min(index + 4, len(self.kinds))))

    def _action(self, incident: _Incident) -> str | None:
        if not incident.attacks:
            return None
        return self.lows[min(incident.attacks)]

    def _when(self, incident: _Incident) -> tuple[datetime | None, datetime | None]:
        phrase: DatePhrase | None = None
        if incident.dates:
            phrase = max(incident.dates, key=lambda d: (self._date_weight(d), -d.start))
        if phrase is None and self.dates:
            first_sentence = min(s.index for s in incident.sentences)
            earlier = [d for s in self.sentences if s.index < first_sentence for d in s.dates]
            phrase = earlier[-1] if earlier else self.dates[0]
        if phrase is not None and phrase.daytime:
            # "Уночі … Удень …", "утром в среду … Днём …": the day the text is on, the last an earlier phrase names
            before = [d for d in self.dates if d.start < phrase.start and not d.daytime]
            if before:
                day = datetime.combine(before[-1].last, time())
                return day, day + timedelta(days=1)
        if phrase is not None:
            return phrase.interval()
        if self.published is None:
            return None, None
        day = datetime.combine(self.published, time())
        return day, day + timedelta(days=1)


def tokens_only(texts: Sequence[str]) -> int:
    """The baseline the speed benchmark compares against: tokenising and stemming the same texts."""
    return sum(len(tokenize(text)) for text in texts)
