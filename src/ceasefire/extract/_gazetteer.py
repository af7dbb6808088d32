"""The project gazetteer (``ceasefire.gazetteer``) as a second source of place mentions.

The extractor's own tables (``_places.py``) know the regions' many written forms, facilities and current
spellings; the project gazetteer knows far more small settlements. Mentions the gazetteer finds where the
extractor's tables find nothing are added. If the gazetteer cannot be imported or loaded, the extractor
works from its own tables alone.
"""

from __future__ import annotations

import os
import re
from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from functools import cache, lru_cache
from itertools import pairwise
from typing import Any

from ceasefire._morphology import parses as morph_parses
from ceasefire.extract._places import PlaceMention, Settlement
from ceasefire.extract._text import Token

DISABLE_ENV = "CEASEFIRE_EXTRACT_NO_GAZETTEER"


@cache
def project_gazetteer() -> Any | None:
    """``ceasefire.gazetteer.Gazetteer.load()``, or None when it is unavailable or switched off."""
    if os.environ.get(DISABLE_ENV):
        return None
    try:
        from ceasefire.gazetteer import Gazetteer

        return Gazetteer.load()
    except Exception:  # an unfinished or broken gazetteer must not stop the extractor
        return None


_DISTRICT_NOUNS = ("район", "district", "raion", "напрям", "направлен", "громад", "округ",
                   # facilities named after their town: "Кірішський НПЗ", "Бурштинська ТЕС"
                   "нпз", "тес", "тец", "тэс", "тэц", "гес", "гэс", "аес", "аэс", "завод", "аеродром", "аэродром",
                   "нафтобаз", "нефтебаз", "нефтезавод", "нафтопереробн", "нефтеперерабатыва", "авіабаз", "авиабаз",
                   "порт", "металург", "комбінат", "комбинат")
FACILITY_NOUNS = _DISTRICT_NOUNS[_DISTRICT_NOUNS.index("нпз"):]
_AND = frozenset({"та", "і", "й", "и", "and"})
_FLEETING_VOWEL = re.compile(r"^(.{3,}[^аеёиоуыэюяіїє])[еоё]([^аеёиоуыэюяіїєь])$")
_ADJECTIVE = re.compile(
    r"^(.{3,}?)(ськ|ск|цьк|цк|зьк)(?:ий|ого|ому|им|ім|ый|ой|ом|ая|ої|ій|ее|а|у|е|і|ої|ою|ие|их|ые|ых|ую)$")


def district_mentions(tokens: Sequence[Token], lows: Sequence[str], taken: Sequence[PlaceMention],
                      regions: frozenset[str] = frozenset()) -> list[PlaceMention]:
    """"Нікопольський район", "на Покровському напрямку": a district or front sector named after its town."""
    gazetteer = project_gazetteer()
    if gazetteer is None:
        return []
    busy = {k for m in taken for k in range(m.start, m.end)}
    lone = {m.start for m in taken if m.end - m.start == 1 and not m.facility and m.kind == "settlement"}
    found = []
    for i in range(len(tokens) - 1):
        noun = lows[i + 1]
        span = 2
        if not noun.startswith(_DISTRICT_NOUNS):
            # "Марганецька та Червоногригорівська громади": the first of two adjectives sharing one noun
            if not (noun in _AND and i + 3 < len(tokens) and lows[i + 3].startswith(_DISTRICT_NOUNS)
                    and tokens[i + 2].surface[:1].isupper() and _ADJECTIVE.match(lows[i + 2]) is not None):
                continue
            noun, span = lows[i + 3], 1
        if not tokens[i].surface[:1].isupper():
            continue
        # a facility's adjective names its town even when it also reads as a village ("Рязанський НПЗ")
        # "Запорізькому району" (Запоріжжя) even though "Запорізькому" also reads as the village Запорізьке
        if i in busy and not (i in lone and noun.startswith((*FACILITY_NOUNS, "район", "громад", "округ"))):
            continue
        match = _ADJECTIVE.match(lows[i])
        if match is None:
            continue
        base = match.group(1)
        suffix = lows[i][len(base):len(base) + 4].rstrip("иоіыйяеаую")
        # "Кременчуцький" (Кременчук), "Нікопольський" (Нікополь), "Бахмутський" (Бахмут)
        # "Запорожскому району" (Запорожье); "Новомосковском" (Новомосковск)
        guesses = [base + suffix, base + match.group(2), base + "ь", base, base + "е", base + "а", base + "и",
                   base + "к", base + "ье"]
        if lows[i][len(base):].startswith("зьк"):
            guesses = [base + "жжя", base + "г"]  # "Запорізький" (Запоріжжя), "Ужгородський" is "дськ" already
        if base.endswith("ин") and len(base) > 5:
            guesses += [base[:-2] + "е", base[:-1]]  # "Туапсинский" (Туапсе), "Сочинский" (Сочи)
        guesses += [base + "ка"]  # "Белозерская громада" (Белозерка)
        if base.endswith("ь"):
            guesses.append(base[:-1])  # "Ізмаїльський район" (Ізмаїл)
        fleeting = _FLEETING_VOWEL.match(base)
        if fleeting:
            guesses.append(fleeting.group(1) + fleeting.group(2) + "а")  # "Коломенский округ" (Коломна)
        if base.endswith("ан") and len(base) > 4:
            guesses.append(base[:-2] + "а")  # "Суджанский район" (Суджа)
        if match.group(2) in ("цьк", "цк") and base.endswith("е"):
            guesses += [base + "ць", base + "ц"]  # "Марганецька громада" (Марганець), "Марганецкий" (Марганец)
        if base.endswith(("іль", "оль")) and len(base) > 5:
            # "Краснопільська громада" (Краснопілля), "Краснопольский район" (Краснополье)
            guesses += [base[:-1] + "ля", base[:-1] + "ье"]
        chosen: list[Any] = []
        # a district is named after its town, the largest of the region's namesakes any guess finds: "Новомосковском
        # районе Днепропетровской области" is Novomoskovsk's district, not the village Novomoskovske's
        namesakes: list[Any] = []
        for guess in guesses if regions else ():
            namesakes += [e for e in gazetteer.lookup(guess) if e.kind == "settlement" and e.admin1 in regions
                          and e not in namesakes]
        for guess in guesses:
            entries = [e for e in gazetteer.lookup(guess) if e.kind == "settlement"]
            if entries and not chosen:
                chosen = entries
            # a region the text names picks the district's town among namesakes of every guess
            if entries and regions and not any(e.admin1 in regions for e in chosen):
                local = [e for e in entries if e.admin1 in regions]
                chosen = local + [e for e in entries if e not in local] if local else chosen
            if chosen and (not regions or any(e.admin1 in regions for e in chosen)):
                break
        if namesakes and any(e.admin1 in regions for e in chosen):
            chosen = sorted(namesakes, key=lambda e: -e.population) + [e for e in chosen if e not in namesakes]
        if chosen:
            chosen = sorted(chosen, key=lambda e: e.admin1 not in regions)
            candidates = tuple(_settlement(e) for e in chosen)
            found.append(PlaceMention(i, i + span, "settlement", candidates[0].admin1, candidates[0].country,
                                      candidates))
    return found


def gazetteer_mentions(text: str, tokens: Sequence[Token], own: Sequence[PlaceMention],
                       regions: frozenset[str] = frozenset()) -> list[PlaceMention]:
    """The extractor's own mentions checked against the project gazetteer, and the gazetteer's other mentions.

    The own tables match a name by its stem, so "Петровского" (of Петровское) reaches Петровск and "в Новом
    Васюгане" reaches a village Нове by its first word. The gazetteer knows each name's case forms exactly: a
    longer name it finds over an own settlement wins ("Новом Васюгане"), and a one-word Cyrillic form it knows
    only for other places replaces the own candidates. Gazetteer mentions that overlap nothing are added.
    Candidates in ``regions`` (named in the text) stay first.
    """
    gazetteer = project_gazetteer()
    if gazetteer is None or not tokens:
        return list(own)
    starts = [t.start for t in tokens]
    ends = [t.end for t in tokens]
    owner: dict[int, int] = {k: n for n, m in enumerate(own) for k in range(m.start, m.end)}
    kept: list[PlaceMention | None] = list(own)
    found: list[PlaceMention] = []
    for mention in gazetteer.find(text):
        if mention.kind not in ("settlement", "region") or not mention.candidates:
            continue
        if not text[mention.start: mention.start + 1].isupper():
            continue  # news text capitalises place names; "human rights" is not Uman
        first = bisect_left(ends, mention.start + 1)
        last = bisect_right(starts, mention.end - 1)
        if first >= last:
            continue
        overlapped = sorted({owner[k] for k in range(first, last) if k in owner})
        best = mention.candidates[0]
        if mention.kind == "region":
            # "Приморского края": a region's full name beats a town read from its adjective alone (Приморск)
            inside = all(own[n].kind == "settlement" and not own[n].facility and own[n].start >= first
                         and own[n].end <= last and own[n].end - own[n].start < last - first for n in overlapped)
            if not overlapped or inside:
                for n in overlapped:
                    kept[n] = None
                found.append(PlaceMention(first, last, "region", best.admin1 or best.name, best.country))
            continue
        candidates = tuple(_settlement(e) for e in mention.candidates if e.kind == "settlement")
        if not candidates:
            continue
        if overlapped and not _corrects(tokens, [own[n] for n in overlapped], first, last, candidates):
            if len(overlapped) == 1 and own[overlapped[0]].end - own[overlapped[0]].start == last - first \
                    and not tokens[first].surface.isascii():
                kept[overlapped[0]] = _known_first(own[overlapped[0]], candidates)
            continue
        for n in overlapped:
            kept[n] = None
            # the own candidates stay behind the gazetteer's: a region named in the text may still pick one
            candidates += tuple(c for c in own[n].candidates if not any(_close(c, k) for k in candidates))
        found.append(PlaceMention(first, last, "settlement", candidates[0].admin1, candidates[0].country,
                                  candidates))
    merged = [m for m in kept if m is not None] + found
    merged = _two_word_names(text, tokens, merged)
    return [in_regions(_case_fit(tokens, m), regions) if m.kind == "settlement" else m for m in merged]


_CYRILLIC_NAME = re.compile(r"^[А-ЯЁІЇЄҐ][а-яёіїєґ'’]+$")


def _two_word_names(text: str, tokens: Sequence[Token], mentions: list[PlaceMention]) -> list[PlaceMention]:
    """"обстреляла Малую Токмачку": a two-word name (an adjective and a noun) in a case form neither table lists,
    found by putting both words back in the nominative ("Малая Токмачка") and looking that up."""
    capital = [i for i, t in enumerate(tokens) if t.surface[:1].isupper()]
    pairs = [i for i, j in pairwise(capital) if j == i + 1]
    if not pairs:
        return mentions
    wide = {k for m in mentions if m.end - m.start > 1 or m.kind == "region" or m.facility
            for k in range(m.start, m.end)}
    added: list[PlaceMention] = []
    for i in pairs:
        if i in wide or i + 1 in wide:
            continue
        first, second = tokens[i], tokens[i + 1]
        low, low2 = first.surface.lower(), second.surface.lower()
        gap = text[first.end: second.start]
        if not _CYRILLIC_NAME.match(first.surface) or not _CYRILLIC_NAME.match(second.surface):
            continue
        if gap == " " and low.endswith(_ADJECTIVE_ENDINGS):
            found = _nominative_pair(low, low2)
        elif gap == "-" and low2.endswith((*_ADJECTIVE_ENDINGS, "ої", "ій", "ім", "у", "а", "е")):
            found = _nominative_pair(low2, low, hyphen=True)  # "Луки-Мелешківської" (Лука-Мелешківська)
        else:
            continue
        if found:
            added.append(PlaceMention(i, i + 2, "settlement", found[0].admin1, found[0].country, found))
    if not added:
        return mentions
    covered = {k for m in added for k in range(m.start, m.end)}
    return [m for m in mentions if not any(k in covered for k in range(m.start, m.end))] + added


@lru_cache(maxsize=20_000)
def _nominative_pair(adjective_form: str, noun_form: str, *, hyphen: bool = False) -> tuple[Settlement, ...]:
    """Settlements named by an adjective and a noun agreeing with it, both given in some case: "Малую Токмачку"
    (adjective first), or hyphenated with the noun first, "Луки-Мелешківської"."""
    gazetteer = project_gazetteer()
    if gazetteer is None:
        return ()
    for lang in ("ru", "uk"):
        adjectives = _adjective_nominatives(adjective_form, lang)
        if not adjectives:
            continue
        for gender, noun in _noun_nominatives(noun_form, lang):
            for adjective in (word for g, word in adjectives if g == gender or gender == "None"):
                name = f"{noun}-{adjective}" if hyphen else f"{adjective} {noun}"
                entries = [e for e in gazetteer.lookup(name) if e.kind == "settlement"]
                if entries:
                    return tuple(_settlement(e) for e in entries)
    return ()


# the adjective's oblique endings the tables miss (they know the nominative and the Ukrainian cases already)
_ADJECTIVE_ENDINGS = ("ая", "яя", "ую", "юю", "ой", "ей", "ого", "его", "ому", "ему", "ом", "ем", "ый", "ий", "ое",
                      "ее", "ые", "ие", "ых", "их", "ым", "им")


@lru_cache(maxsize=20_000)
def _adjective_nominatives(word: str, lang: str) -> tuple[tuple[str, str], ...]:
    """(gender, nominative singular) of each adjective reading of a word: "малую" → ("femn", "малая")."""
    found = []
    for parse in morph_parses(word, lang):
        gender = parse.tag.gender if parse.tag.POS == "ADJF" else None
        nominative = parse.inflect({"nomn", "sing", gender}) if gender else None
        if nominative is not None:
            found.append((str(gender), str(nominative.word)))
    if not found:  # an adjective the dictionary lacks ("Мелешківської"): its ending, undone by rule
        for ending, replacements in _ADJECTIVE_NOMINATIVE.get(lang, ()):
            if word.endswith(ending) and len(word) > len(ending) + 3:
                found += [(gender, word[: -len(ending)] + r) for gender, r in replacements]
                break
    return tuple(dict.fromkeys(found))


_ADJECTIVE_NOMINATIVE: dict[str, tuple[tuple[str, tuple[tuple[str, str], ...]], ...]] = {
    "uk": (("ої", (("femn", "а"),)), ("ою", (("femn", "а"),)), ("ій", (("femn", "а"), ("masc", "ій"))),
           ("ого", (("masc", "ий"), ("neut", "е"))), ("ому", (("masc", "ий"), ("neut", "е"))),
           ("ім", (("masc", "ий"), ("neut", "е"))), ("им", (("masc", "ий"), ("neut", "е"))), ("у", (("femn", "а"),))),
    "ru": (("ую", (("femn", "ая"),)), ("ой", (("femn", "ая"), ("masc", "ой"))), ("ого", (("masc", "ий"), ("masc", "ый"),
           ("neut", "ое"))), ("ому", (("masc", "ий"), ("masc", "ый"), ("neut", "ое"))),
           ("ом", (("masc", "ий"), ("masc", "ый"), ("neut", "ое")))),
}


@lru_cache(maxsize=20_000)
def _noun_nominatives(word: str, lang: str) -> tuple[tuple[str, str], ...]:
    """(gender, dictionary form) of each noun reading of a word: "токмачку" → ("femn", "токмачка"), …"""
    return tuple(dict.fromkeys((str(p.tag.gender), str(p.normal_form)) for p in morph_parses(word, lang)
                               if p.tag.POS == "NOUN"))


def _settlement(entry: Any) -> Settlement:
    """A gazetteer entry as the extractor's candidate."""
    return Settlement(entry.name, entry.admin1, entry.country, entry.lat, entry.lon, entry.population)


def in_regions(mention: PlaceMention, regions: frozenset[str]) -> PlaceMention:
    """The candidates in a region the text names first (keeping their order otherwise); the mention itself when
    none lies there."""
    if not regions or mention.facility or not mention.candidates or mention.candidates[0].admin1 in regions:
        return mention
    ordered = tuple(sorted(mention.candidates, key=lambda c: c.admin1 not in regions))
    if ordered[0] == mention.candidates[0]:
        return mention
    return mention.with_candidates(ordered)


def _corrects(tokens: Sequence[Token], overlapped: list[PlaceMention], first: int, last: int,
              candidates: tuple[Settlement, ...]) -> bool:
    """Whether a gazetteer settlement at tokens ``first:last`` should replace the own mentions it overlaps."""
    if any(m.kind != "settlement" or m.facility or m.start < first or m.end > last for m in overlapped):
        return False
    if last - first > max(m.end - m.start for m in overlapped):
        return True  # a longer name: "в Новом Васюгане", not a village "Нове"
    if tokens[first].surface.isascii() or any(m.end - m.start != last - first for m in overlapped):
        return False
    # the same Cyrillic words: keep the own reading when the gazetteer knows this form for one of its places
    # ("Красная Яруга" is no case of Красный Яр, which the own two-word pattern reads by its stems)
    mine = overlapped[0].candidates
    return not any(_close(c, o) for c in candidates for o in mine)


def _known_first(mention: PlaceMention, known: tuple[Settlement, ...]) -> PlaceMention:
    """The own candidates the gazetteer knows by this very form first ("Петровского" is not a form of Петровск)."""
    fitting = tuple(c for c in mention.candidates if any(_close(c, k) for k in known))
    if not fitting or fitting[0] == mention.candidates[0]:
        return mention
    # then the gazetteer's other places with this form, then the own candidates it does not know by it
    others = tuple(k for k in known if not any(_close(k, c) for c in mention.candidates))
    return mention.with_candidates(fitting + others + tuple(c for c in mention.candidates if c not in fitting))


# after "в", "на", "о", "при" a Cyrillic place name is in the locative; "-ом" there is an adjective's ending
# ("в Петровском" is Петровское or Петровский), never a noun's (the town Петровск is "в Петровске")
_LOCATIVE_PREPOSITIONS = frozenset({"в", "во", "на", "о", "об", "при", "у"})
_LOCATIVE_ADJECTIVE = (("ому", ("е", "ий")), ("ом", ("ое", "ий", "ый", "ой")), ("ем", ("ее", "ий")))


def _case_fit(tokens: Sequence[Token], mention: PlaceMention) -> PlaceMention:
    """A settlement after a locative preposition with its namesakes whose name takes that form first."""
    first = mention.start
    if (mention.kind != "settlement" or mention.facility or mention.end - first != 1 or first == 0
            or tokens[first - 1].surface.lower() not in _LOCATIVE_PREPOSITIONS):
        return mention
    fitting = _adjectival(tokens[first].surface)
    if not fitting:
        return mention
    candidates = mention.candidates
    near = tuple(c for c in candidates if any(_close(c, f) for f in fitting))
    return mention.with_candidates(near + tuple(c for c in candidates if c not in near) if near
                                   else fitting + candidates)


def _close(a: Settlement, b: Settlement) -> bool:
    return abs(a.lat - b.lat) < 0.15 and abs(a.lon - b.lon) < 0.2


@cache
def _adjectival(surface: str) -> tuple[Settlement, ...]:
    """Settlements with an adjective's name ("Петровское", "Петрівське", "Октябрьский") of which ``surface`` is
    the locative."""
    gazetteer = project_gazetteer()
    low = surface.lower()
    found: list[Settlement] = []
    for ending, replacements in _LOCATIVE_ADJECTIVE:
        if not low.endswith(ending) or len(low) < len(ending) + 4:
            continue
        for replacement in replacements:
            for e in gazetteer.lookup(surface[: -len(ending)] + replacement) if gazetteer is not None else ():
                if e.kind == "settlement":
                    found.append(_settlement(e))
        break
    return tuple(sorted(found, key=lambda c: -c.population))


# a settlement's oblique case back to the dictionary form: "Первомайском" → "Первомайский", "Журавлёвке" → "…ка"
_NOMINATIVE = (("ском", ("ский", "ское", "ск")), ("ськом", ("ський", "ське")), ("ому", ("ий", "ое", "е")),
               ("ого", ("ий", "ое", "е")), ("ом", ("ий", "ое", "ый")), ("ой", ("ая",)), ("ій", ("а",)), ("ке", ("ка",)),
               ("ці", ("ка",)), ("е", ("а", "о", "")), ("і", ("а", "")), ("у", ("а", "")), ("а", ("",)))


@cache
def namesakes_in(surface: str, regions: frozenset[str]) -> tuple[Settlement, ...]:
    """Settlements called ``surface`` (a name in any case form) that lie in one of ``regions``, from the project
    gazetteer: the namesake a region named elsewhere in the text points to."""
    gazetteer = project_gazetteer()
    if gazetteer is None or not regions:
        return ()
    forms = [surface]
    low = surface.lower()
    for ending, replacements in _NOMINATIVE:
        if low.endswith(ending) and len(low) > len(ending) + 3:
            forms += [surface[: -len(ending)] + r for r in replacements]
    found: dict[tuple[str, str], Settlement] = {}
    for form in forms:
        try:
            entries = gazetteer.lookup(form)
        except Exception:  # the gazetteer is another module's; a lookup failure must not stop extraction
            return ()
        for e in entries:
            if e.kind == "settlement" and e.admin1 in regions and (e.name, e.admin1) not in found:
                found[(e.name, e.admin1)] = _settlement(e)
    return tuple(sorted(found.values(), key=lambda c: -c.population))


@cache
def current_name(name: str, admin1: str, lat: float, lon: float) -> str:
    """The project gazetteer's spelling of a settlement (Sloviansk for GeoNames' Slovyansk), when it knows the
    same place (within about 10 km); otherwise ``name`` unchanged."""
    gazetteer = project_gazetteer()
    if gazetteer is None:
        return name
    try:
        entries = gazetteer.lookup(name, admin1=admin1)
    except Exception:  # the gazetteer is another module's; a lookup failure must not stop extraction
        return name
    for entry in entries:
        if entry.kind == "settlement" and abs(entry.lat - lat) < 0.1 and abs(entry.lon - lon) < 0.15:
            return str(entry.name)
    return name
