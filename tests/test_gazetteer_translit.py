"""Romanisation and text normalisation used to build and match the gazetteer."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from ceasefire.gazetteer._text import normalise_form, normalise_text
from ceasefire.gazetteer._translit import latin_ru, latin_uk, latin_uk_traditional, russified


@pytest.mark.parametrize(("uk", "latin"), [
    ("Київ", "Kyiv"), ("Харків", "Kharkiv"), ("Запоріжжя", "Zaporizhzhia"), ("Кривий Ріг", "Kryvyi Rih"),
    ("Згурівка", "Zghurivka"), ("Юрківка", "Yurkivka"), ("Знам'янка", "Znamianka"), ("Їжаківка", "Yizhakivka"),
    ("Біла Церква", "Bila Tserkva"), ("Олексіївка", "Oleksiivka"), ("Ґорґани", "Gorgany"),
])
def test_national_romanisation(uk: str, latin: str) -> None:
    assert latin_uk(uk) == latin


@pytest.mark.parametrize(("uk", "latin"), [("Михайлівка", "Mykhaylivka"), ("Кам'янка", "Kamyanka"),
                                           ("Верхньоторецьке", "Verkhnyotoretske")])
def test_traditional_romanisation(uk: str, latin: str) -> None:
    assert latin_uk_traditional(uk) == latin


@pytest.mark.parametrize(("ru", "latin"), [("Кривой Рог", "Krivoy Rog"), ("Харьков", "Kharkov"),
                                           ("Запорожье", "Zaporozhye"), ("Киев", "Kiev"), ("Ерёмино", "Yeryomino")])
def test_russian_romanisation(ru: str, latin: str) -> None:
    assert latin_ru(ru) == latin


@pytest.mark.parametrize(("uk", "ru"), [("Михайлівка", "Михайловка"), ("Мінеральне", "Минеральное"),
                                        ("Логвинове", "Логвиново"), ("Покровське", "Покровское")])
def test_russified_guess(uk: str, ru: str) -> None:
    assert russified(uk) == ru


def test_normalised_text_keeps_offsets_and_reads_punctuation_as_space() -> None:
    assert normalise_text("Kharkiv's, Слов’янськ—Ёлки") == "kharkiv s  слов янськ елки"
    assert normalise_form("  Rostov-on-Don ") == "rostov on don"


@given(st.text())
def test_normalised_text_has_the_length_of_the_text(text: str) -> None:
    assert len(normalise_text(text)) == len(text)


@given(st.text(alphabet=st.characters(whitelist_categories=("Lu", "Ll")), max_size=30))
def test_romanisation_never_fails(name: str) -> None:
    for romanise in (latin_uk, latin_ru, latin_uk_traditional, russified):
        assert isinstance(romanise(name), str)
