"""Where: namesakes chosen by a region the text names anywhere, also in an official's title."""

from __future__ import annotations

from datetime import date

from ceasefire.extract import extract_text

DAY = date(2025, 3, 5)


def where(text: str) -> list[tuple[str | None, str | None]]:
    return [(r.place.name, r.place.admin1) if r.place else (None, None)
            for r in extract_text(text, report_id="a", published=DAY) if r.is_incident]


def test_a_region_named_in_an_officials_title_chooses_among_namesakes() -> None:
    assert where("Дрон атаковал школу в Первомайском, сообщили в Харьковской ОВА.") == [("Pervomaiskyi", "Kharkiv")]
    assert where("Голова Харківської ОВА повідомив, що росіяни обстріляли Золочів з артилерії.") \
        == [("Zolochiv", "Kharkiv")]


def test_a_region_named_in_another_sentence_finds_the_namesake_the_lexicon_lacks() -> None:
    assert where("Беспилотник ударил по магазину в посёлке Октябрьский. Об этом сообщил губернатор Белгородской "
                 "области.") == [("Oktyabrsky", "Belgorod")]
