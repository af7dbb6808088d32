"""The bundled gazetteer: names and their variants, case forms, regions, de jure countries, disambiguation."""

from __future__ import annotations

import csv
import math
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import ceasefire.gazetteer as gazetteer
from ceasefire.gazetteer import Entry, Gazetteer, Mention, canonical_admin1


@pytest.fixture(scope="module")
def gaz() -> Gazetteer:
    return Gazetteer.load()


def km(a: Entry, lat: float, lon: float) -> float:
    p1, p2 = math.radians(a.lat), math.radians(lat)
    h = math.sin((p2 - p1) / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(math.radians(lon - a.lon) / 2) ** 2
    return 12742.0 * math.asin(math.sqrt(h))


def best(gaz: Gazetteer, text: str) -> list[tuple[str, str, str]]:
    return [(r.mention.surface, r.entry.name, r.entry.admin1) for r in gaz.resolve(text)]


def test_public_names() -> None:
    assert sorted(gazetteer.__all__) == ["Entry", "Gazetteer", "Kind", "Mention", "Region", "Resolved",
                                         "canonical_admin1"]


def test_load_is_cached(gaz: Gazetteer) -> None:
    assert Gazetteer.load() is gaz


@pytest.mark.parametrize(("variants", "admin1"), [
    (("Kyiv", "Kiev", "Київ", "Киев"), "Kyiv City"),
    (("Kharkiv", "Kharkov", "Харків", "Харьков"), "Kharkiv"),
    (("Zaporizhzhia", "Zaporozhye", "Запоріжжя", "Запорожье"), "Zaporizhia"),
    (("Kryvyi Rih", "Krivoy Rog", "Кривий Ріг", "Кривой Рог"), "Dnipropetrovsk"),
])
def test_latin_and_cyrillic_variants_name_one_city(gaz: Gazetteer, variants: tuple[str, ...], admin1: str) -> None:
    chosen = {gaz.lookup(v, country="UA")[0] for v in variants}
    assert len(chosen) == 1
    (entry,) = chosen
    assert entry.admin1 == admin1 and entry.kind == "settlement" and entry.population > 100_000


@pytest.mark.parametrize(("text", "surface", "name"), [
    ("Окупанти знову обстріляли центр міста. У Херсоні пошкоджено школу.", "Херсоні", "Kherson"),
    ("Евакуація з Херсона триває.", "Херсона", "Kherson"),
    ("Дрони атакували околиці Сум вночі.", "Сум", "Sumy"),
    ("Вибухи пролунали у Кривому Розі.", "Кривому Розі", "Kryvyi Rih"),
    ("Взрывы прогремели в Харькове и Киеве.", "Харькове", "Kharkiv"),
    ("Удар по Кривому Рогу.", "Кривому Рогу", "Kryvyi Rih"),
])
def test_case_forms_in_running_text(gaz: Gazetteer, text: str, surface: str, name: str) -> None:
    found = {(r.mention.surface, r.entry.name) for r in gaz.resolve(text)}
    assert (surface, name) in found


def test_mention_offsets_and_kinds(gaz: Gazetteer) -> None:
    text = "Атака БПЛА в Курской области: пострадала Суджа. Россия заявила об ударе."
    mentions = gaz.find(text)
    assert [(m.surface, m.kind) for m in mentions] == [
        ("Курской области", "region"), ("Суджа", "settlement"), ("Россия", "country")]
    for m in mentions:
        assert text[m.start:m.end] == m.surface
    assert mentions[0].candidates[0].admin1 == "Kursk" and mentions[0].candidates[0].country == "RU"
    assert mentions[1].candidates[0].admin1 == "Kursk"


def test_longest_match_wins(gaz: Gazetteer) -> None:
    mentions = gaz.find("Shelling was reported in Sumy region overnight.")
    assert [(m.surface, m.kind) for m in mentions] == [("Sumy region", "region")]


@pytest.mark.parametrize("name", ["Sumy region", "Sumy Oblast", "Сумська область", "Сумської області", "Сумщина",
                                  "Сумщині", "Сумская область", "в Сумской области"])
def test_region_spellings_sumy(gaz: Gazetteer, name: str) -> None:
    region = gaz.region(name)
    assert region is not None and region.name == "Sumy" and region.country == "UA"


@pytest.mark.parametrize(("name", "canonical", "country"), [
    ("Курской области", "Kursk", "RU"), ("Kursk oblast", "Kursk", "RU"), ("Курська область", "Kursk", "RU"),
    ("Belgorod region", "Belgorod", "RU"), ("Краснодарский край", "Krasnodar", "RU"),
    ("Krasnodar Krai", "Krasnodar", "RU"), ("Республика Татарстан", "Republic of Tatarstan", "RU"),
    ("Подмосковье", "Moscow Oblast", "RU"), ("Донецкая область", "Donetsk", "UA"), ("Donetska", "Donetsk", "UA"),
    ("Запорізька область", "Zaporizhia", "UA"), ("Crimea", "Crimea", "UA"), ("Республика Крым", "Crimea", "UA"),
])
def test_canonical_admin1(gaz: Gazetteer, name: str, canonical: str, country: str) -> None:
    assert canonical_admin1(name) == canonical
    region = gaz.region(name)
    assert region is not None and region.country == country


def test_unknown_region_is_none(gaz: Gazetteer) -> None:
    assert gaz.region("Atlantis province") is None
    assert canonical_admin1("no such place") is None


def test_every_region_has_names_and_a_centroid_inside_its_country(gaz: Gazetteer) -> None:
    regions = gaz.regions
    assert len([r for r in regions if r.country == "UA"]) == 27  # 24 oblasts, Crimea, Kyiv, Sevastopol
    assert len([r for r in regions if r.country == "RU"]) >= 80
    for region in regions:
        assert region.name_uk and region.name_ru
        assert 40 < region.lat < 75, region


@pytest.mark.parametrize(("name", "admin1"), [
    ("Sevastopol", "Sevastopol"), ("Simferopol", "Crimea"), ("Donetsk", "Donetsk"), ("Luhansk", "Luhansk"),
    ("Melitopol", "Zaporizhia"), ("Nova Kakhovka", "Kherson"), ("Kerch", "Crimea"),
])
def test_occupied_places_are_de_jure_ukrainian(gaz: Gazetteer, name: str, admin1: str) -> None:
    entry = gaz.lookup(name)[0]
    assert (entry.country, entry.admin1) == ("UA", admin1)


@pytest.mark.parametrize(("name", "lat", "lon"), [
    ("Kyiv", 50.45, 30.52), ("Kharkiv", 49.99, 36.23), ("Odesa", 46.48, 30.73), ("Kursk", 51.73, 36.19),
    ("Belgorod", 50.60, 36.59), ("Sevastopol", 44.60, 33.52), ("Sudzha", 51.19, 35.27), ("Lviv", 49.84, 24.03),
])
def test_coordinates_of_known_cities(gaz: Gazetteer, name: str, lat: float, lon: float) -> None:
    assert km(gaz.lookup(name)[0], lat, lon) < 10


def test_notable_russian_settlements(gaz: Gazetteer) -> None:
    assert gaz.lookup("Kavkazskaya")[0].admin1 == "Krasnodar"
    assert gaz.lookup("станице Кавказской")[:0] == []  # a phrase is not a name
    assert gaz.lookup("Кавказской")[0].admin1 == "Krasnodar"
    assert gaz.lookup("Судже")[0].name == "Sudzha"


def test_region_in_text_picks_the_homonym(gaz: Gazetteer) -> None:
    # Кривий Ріг is the city in Dnipropetrovsk oblast and also a village in Kherson oblast
    assert gaz.lookup("Кривий Ріг", admin1="Kherson"), "the village is in the postal data"
    alone = gaz.resolve("Обстріл: Кривий Ріг.")
    assert alone[0].entry.admin1 == "Dnipropetrovsk" and alone[0].reason == "population"
    named = gaz.resolve("Херсонська область: обстріляно село Кривий Ріг.")
    chosen = next(r for r in named if r.mention.kind == "settlement")
    assert chosen.entry.admin1 == "Kherson" and chosen.reason == "region"


def test_homonyms_resolve_by_region_for_any_pair(gaz: Gazetteer) -> None:
    """For homonyms found in the data itself: naming the region picks the one in it."""
    checked = 0
    for entry in gaz.entries:
        if entry.kind != "settlement" or not entry.name_uk or " " in entry.name_uk or checked >= 20:
            continue
        candidates = gaz.lookup(entry.name_uk, country="UA")
        regions = {c.admin1 for c in candidates}
        if len(regions) < 2 or entry is candidates[0] or entry.admin1 in {"Kyiv City", "Sevastopol"}:
            continue
        region = next(r for r in gaz.regions if r.name == entry.admin1)
        resolved = gaz.resolve(f"{region.name_uk}. Обстріляно {entry.name_uk}.")
        picked = [r.entry.admin1 for r in resolved if r.mention.kind == "settlement"]
        assert entry.admin1 in picked, (entry, picked)
        checked += 1
    assert checked == 20


def test_common_words_are_not_places(gaz: Gazetteer) -> None:
    assert gaz.find("Мир і поле. Поле було чистим, а світ мовчав.") == []
    assert gaz.find("the pole was down, nova scotia and a bor") == []


def test_lowercase_small_place_is_not_matched_but_big_city_is(gaz: Gazetteer) -> None:
    assert [m.surface for m in gaz.find("drones over kyiv tonight")] == ["kyiv"]


def test_english_possessive_and_hyphen(gaz: Gazetteer) -> None:
    assert [m.surface for m in gaz.find("Kharkiv's mayor and the Odesa-based NGO")] == ["Kharkiv", "Odesa"]


def test_lookup_filters(gaz: Gazetteer) -> None:
    assert all(e.country == "RU" for e in gaz.lookup("Kirovsk", country="RU"))
    assert gaz.lookup("Kherson", country="RU") == []
    assert gaz.lookup("") == []


def test_entry_to_place(gaz: Gazetteer) -> None:
    place = gaz.lookup("Херсоні")[0].to_place()
    assert (place.name, place.admin1, place.country) == ("Kherson", "Kherson", "UA")


def test_postal_places_are_present(gaz: Gazetteer, shared_data: Path) -> None:
    path = shared_data / "gazetteer-ua" / "geonames_postal_UA.txt"
    if not path.is_file():
        pytest.skip(f"{path} not found")
    with path.open(encoding="utf-8") as handle:
        rows = list(csv.reader(handle, delimiter="\t", quoting=csv.QUOTE_NONE))
    sample = rows[::300]
    assert len(sample) > 90
    for row in sample:
        wanted = "Kyiv City" if row[3] == "Kyiv" else canonical_admin1(row[3])
        assert wanted is not None, row
        found = gaz.lookup(row[2], admin1=wanted)
        assert found and found[0].country == "UA", row


def _check(text: str, mentions: list[Mention]) -> None:
    last_end = -1
    for m in mentions:
        assert text[m.start:m.end] == m.surface
        assert m.start >= last_end and m.candidates and m.kind == m.candidates[0].kind
        last_end = m.end


@settings(max_examples=300, deadline=None)
@given(st.text())
def test_find_never_crashes_on_any_text(text: str) -> None:
    gaz = Gazetteer.load()
    _check(text, gaz.find(text))
    gaz.resolve(text)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(["Kyiv", "Херсоні", " ", ",", "İ", "ß", "в", "Курской", "области", "\n", "'s",
                                 "Sumy", "region", "Кривому", "Розі", "ǅ", "x"]), max_size=20))
def test_find_keeps_offsets_with_names_and_odd_letters(parts: list[str]) -> None:
    text = "".join(parts)
    _check(text, Gazetteer.load().find(text))


def test_compiled_matcher_is_cached_between_runs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from ceasefire.gazetteer import _gazetteer

    monkeypatch.setenv("CEASEFIRE_CACHE_DIR", str(tmp_path))
    first = _gazetteer._bundled.__wrapped__()
    (cached,) = tmp_path.glob("gazetteer-*.pickle")
    cached_again = _gazetteer._bundled.__wrapped__()
    text = "Взрывы в Харькове, Sumy region, у Кривому Розі"
    assert [(m.surface, m.candidates[0].id) for m in first.find(text)] == [
        (m.surface, m.candidates[0].id) for m in cached_again.find(text)]
    cached.write_bytes(b"not a pickle")
    assert _gazetteer._bundled.__wrapped__().find(text)  # a broken cache is rebuilt


def test_town_comma_oblast_reads_the_oblast(gaz: Gazetteer) -> None:
    mentions = gaz.find("Russian forces shelled Kremenchuk, Poltava. Casualties unknown.")
    assert [(m.surface, m.kind, m.candidates[0].admin1) for m in mentions] == [
        ("Kremenchuk", "settlement", "Poltava"), ("Poltava", "region", "Poltava")]
    assert any(c.kind == "settlement" for c in mentions[1].candidates)


def test_list_of_cities_stays_cities(gaz: Gazetteer) -> None:
    mentions = gaz.find("Missiles hit Kyiv, Kharkiv and Odesa overnight.")
    assert [(m.surface, m.kind) for m in mentions] == [
        ("Kyiv", "settlement"), ("Kharkiv", "settlement"), ("Odesa", "settlement")]


def test_words_geonames_lists_as_old_names_are_not_places(gaz: Gazetteer) -> None:
    assert gaz.find("Police intervened after protesters threw Molotov cocktails at a Coca-Cola truck.") == []


@pytest.mark.parametrize(("text", "admin1"), [
    ("Про це повідомив голова Одеської ОВА.", "Odesa"), ("Заявление Харьковской ОГА.", "Kharkiv"),
])
def test_oblast_administration_names_the_region(gaz: Gazetteer, text: str, admin1: str) -> None:
    assert [(m.kind, m.candidates[0].admin1) for m in gaz.find(text)] == [("region", admin1)]


def test_russian_text_names_ukrainian_villages_the_russian_way(gaz: Gazetteer) -> None:
    resolved = gaz.resolve("Войска вошли в Михайловку Донецкой области.")
    found = [r.entry for r in resolved if r.mention.kind == "settlement"]
    assert found and found[0].admin1 == "Donetsk" and found[0].name_uk == "Михайлівка"


def test_two_regions_named_together(gaz: Gazetteer) -> None:
    mentions = gaz.find("Drones were downed over the Kursk and Belgorod regions.")
    assert [(m.surface, m.kind) for m in mentions][-1] == ("Belgorod regions", "region")
