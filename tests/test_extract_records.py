"""How a text is cut into incident records and where each record happened: sentences that only say a side
kept silent, landmarks that locate the town named after them, districts named after another town."""

from __future__ import annotations

from datetime import date

from ceasefire.extract import extract_text
from ceasefire.model.report import Report

DAY = date(2025, 3, 5)


def incidents(text: str) -> list[Report]:
    return [r for r in extract_text(text, report_id="a", published=DAY) if r.is_incident]


def places(text: str) -> list[str | None]:
    return [r.place.name if r.place else None for r in incidents(text)]


def test_a_side_declining_to_comment_names_no_incident_where_it_sits() -> None:
    assert places("Ракета попала в больницу в Сумах, сообщил мэр. В Москве удар официально не комментировали.") \
        == ["Sumy"]
    assert places("Дрон попал в больницу в Курске, сообщил губернатор. В Киеве атаку не комментировали.") == ["Kursk"]
    assert places("A drone hit a hospital in Kursk, the governor said. Kyiv did not comment on the attack.") \
        == ["Kursk"]


def test_a_landmark_opening_the_clause_locates_the_town_named_after_it() -> None:
    assert places("Под Херсоном российские войска ударили из РСЗО по Белозерке, повреждены жилые дома.") \
        == ["Bilozerka"]
    found = incidents("Near Kharkiv, Russian drones hit a school in Zolochiv, the governor said.")
    assert [(r.place.name, r.place.admin1) for r in found if r.place] == [("Zolochiv", "Kharkiv")]


def test_a_landmark_in_another_clause_is_still_its_own_place() -> None:
    assert places("Drones hit a school near Kharkiv, and in Sumy a hospital was damaged, officials said.") \
        == ["Kharkiv", "Sumy"]
