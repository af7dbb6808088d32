"""Date phrases resolved against the publication date (the calendar, not the dev set, gives the answers)."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from ceasefire.extract._dates import find_dates

FRIDAY = date(2025, 3, 21)


@pytest.mark.parametrize(("lang", "text", "first", "last", "night"), [
    ("en", "overnight", date(2025, 3, 20), FRIDAY, True),
    ("en", "early on Friday", FRIDAY, FRIDAY, False),
    ("en", "on Tuesday", date(2025, 3, 18), date(2025, 3, 18), False),
    ("en", "on Tuesday night", date(2025, 3, 18), date(2025, 3, 19), True),
    ("en", "on the night of 18 to 19 March", date(2025, 3, 18), date(2025, 3, 19), True),
    ("en", "on March 19", date(2025, 3, 19), date(2025, 3, 19), False),
    ("en", "yesterday", date(2025, 3, 20), date(2025, 3, 20), False),
    ("uk", "у ніч на 19 березня", date(2025, 3, 18), date(2025, 3, 19), True),
    ("uk", "в ніч з 18 на 19 березня", date(2025, 3, 18), date(2025, 3, 19), True),
    ("uk", "у неділю", date(2025, 3, 16), date(2025, 3, 16), False),
    ("uk", "минулої ночі", date(2025, 3, 20), FRIDAY, True),
    ("ru", "28 марта", date(2024, 3, 28), date(2024, 3, 28), False),
    ("ru", "в ночь на субботу", date(2025, 3, 14), date(2025, 3, 15), True),
    ("ru", "накануне", date(2025, 3, 20), date(2025, 3, 20), False),
    ("ru", "20 марта 2025 года", date(2025, 3, 20), date(2025, 3, 20), False),
])
def test_phrase(lang: str, text: str, first: date, last: date, night: bool) -> None:
    found = find_dates(text, lang, FRIDAY)
    assert [(d.first, d.last, d.night) for d in found] == [(first, last, night)]


@pytest.mark.parametrize(("lang", "text", "published", "first", "last", "night"), [
    ("en", "on Easter Sunday", date(2025, 4, 21), date(2025, 4, 20), date(2025, 4, 20), False),
    ("ru", "в пасхальную ночь", date(2025, 4, 21), date(2025, 4, 19), date(2025, 4, 20), True),
    ("uk", "на Великдень", date(2024, 5, 6), date(2024, 5, 5), date(2024, 5, 5), False),
    ("en", "on Christmas morning", date(2025, 1, 3), date(2024, 12, 25), date(2024, 12, 25), False),
])
def test_holidays(lang: str, text: str, published: date, first: date, last: date, night: bool) -> None:
    found = find_dates(text, lang, published)
    assert [(d.first, d.last, d.night) for d in found] == [(first, last, night)]


def test_a_night_spans_two_dates() -> None:
    (night,) = find_dates("у ніч на 19 березня", "uk", FRIDAY)
    start, end = night.interval()
    assert start.date() == date(2025, 3, 18) and end.date() == date(2025, 3, 19) and start < end


@given(st.dates(min_value=date(2000, 1, 1), max_value=date(2100, 1, 1)), st.sampled_from(
    ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]))
def test_a_weekday_is_the_latest_such_day_not_after_publication(published: date, day: str) -> None:
    (found,) = find_dates(f"on {day}", "en", published)
    assert found.first <= published < found.first + timedelta(days=7)
    assert found.first.strftime("%A") == day


@given(st.text(max_size=200), st.sampled_from(["en", "uk", "ru"]))
def test_any_text_resolves_to_ordered_days(text: str, lang: str) -> None:
    for phrase in find_dates(text, lang, FRIDAY):
        assert phrase.first <= phrase.last
        start, end = phrase.interval()
        assert start < end


@pytest.mark.parametrize("prefix", ["", "İ ", "ǰİ "])  # "İ".lower() is two characters: offsets must not move
def test_offsets_and_case_survive_lower_casing(prefix: str) -> None:
    text = prefix + "On 12 March a drone hit Kharkiv; ON TUESDAY another."
    found = find_dates(text, "en", FRIDAY)
    assert [text[d.start:d.end].lower() for d in found] == ["12 march", "on tuesday"]
    assert [d.first for d in found] == [date(2025, 3, 12), date(2025, 3, 18)]


def test_a_text_without_digits_still_finds_weekdays_and_nights() -> None:
    found = find_dates("В ночь на субботу дрон атаковал Белгород.", "ru", FRIDAY)
    assert [(d.first, d.last, d.night) for d in found] == [(date(2025, 3, 14), date(2025, 3, 15), True)]
