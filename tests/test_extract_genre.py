"""ceasefire.extract on the genre's recurring shapes: case forms, facilities named after another town, officials
named only by name, a side's own report after another side's, background sentences."""

from __future__ import annotations

from datetime import date

import pytest

from ceasefire.extract import extract_text
from ceasefire.model.report import Report

DAY = date(2025, 3, 5)


def incidents(text: str) -> list[Report]:
    return [r for r in extract_text(text, report_id="g", published=DAY) if r.is_incident]


@pytest.mark.parametrize(("text", "name", "admin1"), [
    ("Дрон атаковал жилой дом в Ростове, сообщил губернатор.", "Rostov-on-Don", "Rostov"),
    ("Российские войска нанесли удар по аэродрому в Староконстантинове.", "Starokostiantyniv", "Khmelnytskyi"),
    ("Дрон атакував будинок у Марганці, повідомила ОВА.", "Marhanets", "Dnipropetrovsk"),
    ("Генштаб ЗСУ: уражено склад боєприпасів поблизу Валуйок.", "Valuyki", "Belgorod"),
])
def test_town_names_in_their_other_cases(text: str, name: str, admin1: str) -> None:
    place = incidents(text)[0].place
    assert place is not None and (place.name, place.admin1) == (name, admin1)


@pytest.mark.parametrize(("text", "name", "admin1"), [
    ("Уночі російські дрони атакували Кременчуцьку ГЕС, повідомила ОВА.", "Svitlovodsk", "Kirovograd"),
    ("Безпілотники СБУ уразили Рязанський НПЗ, повідомило джерело в СБУ.", "Ryazan’", "Ryazan"),
    ("Дрон атаковал Туапсинский НПЗ, сообщили в оперштабе.", "Tuapse", "Krasnodar"),
])
def test_facilities_stand_where_their_adjective_says(text: str, name: str, admin1: str) -> None:
    place = incidents(text)[0].place
    assert place is not None and place.admin1 == admin1 and place.name is not None
    assert place.name.rstrip("’") == name.rstrip("’")


def test_a_fleet_named_like_a_town_is_not_a_place() -> None:
    found = incidents("Ракета ВСУ попала в здание штаба Черноморского флота в Севастополе, сообщил губернатор.")
    assert [r.place.name for r in found if r.place] == ["Sevastopol"]
    assert found[0].target.category == "military"


def test_a_hyphenated_place_adjective_is_not_a_place() -> None:
    found = incidents("Russian forces shelled 15 settlements in the Kyiv-controlled part of the Zaporizhzhia region, "
                      "the governor said.")
    assert len(found) == 1 and found[0].place is not None and found[0].place.admin1 == "Zaporizhia"


@pytest.mark.parametrize(("text", "claimant"), [
    ("Учора ввечері ворожий дрон влучив у приватний будинок у Шостці, повідомив Володимир Артюх.", "UA"),
    ("Вчера вечером украинский дрон упал на жилой дом в Ельце, сообщил Игорь Артамонов.", "RU"),
    ("A Russian drone hit a substation in Sumy, Ukraine's parliament human rights commissioner said.", "UA"),
    ("У Рязані після атаки дронів горить НПЗ, повідомили російські ЗМІ.", "RU"),
])
def test_speakers_the_lexicon_does_not_name(text: str, claimant: str) -> None:
    assert incidents(text)[0].claimant == claimant


def test_a_force_named_after_its_target_owns_it() -> None:
    found = incidents("Поражены пункты временной дислокации ВСУ, сообщило Минобороны России.")
    assert (found[0].actor, found[0].claimant) == ("RU", "RU")


def test_the_other_sides_report_of_its_own_strikes_is_another_incident() -> None:
    found = incidents("A Russian missile hit a five-storey building in Dnipro, killing two, the governor said. "
                      "Russia's defence ministry said its forces had struck military-industrial facilities overnight.")
    assert [r.claimant for r in found] == ["UA", "RU"]
    assert found[0].place is not None and found[1].place is None


@pytest.mark.parametrize("text", [
    "Ukraine and Russia have traded blame for strikes on energy infrastructure since the ceasefire was agreed.",
    "Russia's defence ministry said its air defences destroyed 45 Ukrainian drones over the Bryansk region overnight.",
])
def test_background_is_no_incident(text: str) -> None:
    assert incidents(text) == []


@pytest.mark.parametrize(("text", "category"), [
    ("Ukrainian drones hit a large arsenal near Toropets overnight, a source said.", "military"),
    ("Російська ракета влучила в драматичний театр у Чернігові, повідомила ОВА.", "civilian"),
    ("The IAEA said drones struck the training centre of the Zaporizhzhia nuclear plant.", "energy"),
    ("A Russian drone attacked Sumy overnight, an officer said.", "unknown"),
])
def test_target_words(text: str, category: str) -> None:
    assert incidents(text)[0].target.category == category


def test_a_negated_strike_is_a_denial() -> None:
    found = incidents("Песков заявил, что российские войска не наносили удар по Одессе.")
    assert [(r.stance, r.claimant, r.actor) for r in found] == [("denial", "RU", None)]
