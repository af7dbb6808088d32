"""Any text gives a list of valid report records and never a crash."""

from __future__ import annotations

from datetime import date

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ceasefire.extract import extract_text
from ceasefire.model.report import Report
from ceasefire.vocab import WEAPONS_ORDER, target_types

WORDS = [
    "Russian", "Ukrainian", "drones", "missile", "shelled", "hit", "substation", "oil", "depot", "in", "Kharkiv",
    "Kursk", "region", "overnight", "on", "Tuesday", "said", "denied", "groundless", "governor", "ministry",
    "and", ",", ".", "ЗСУ", "атакували", "нафтобазу", "у", "Херсоні", "вночі", "ВСУ", "обстреляли", "Белгород",
    "в", "ночь", "на", "19", "марта", "березня", "заявив", "ложь", "will", "since", "times", "shot", "down",
]


def _check(reports: list[Report], report_id: str, text: str) -> None:
    assert reports, "at least one record"
    ids = [r.report_id for r in reports]
    assert len(set(ids)) == len(ids)
    for report in reports:
        assert report.report_id.startswith(report_id)
        assert report.target.type in target_types()
        assert report.weapon in WEAPONS_ORDER
        assert report.stance in ("allegation", "denial", "confirmation", "neutral")
        assert report.text == text
        if report.when_start is not None and report.when_end is not None:
            assert report.when_start < report.when_end
        if report.place is not None:
            assert report.place.country in (None, "UA", "RU") or len(report.place.country) == 2
        if not report.is_incident:
            assert len(reports) == 1 and report.place is None
        report.dumps()


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(max_size=400), st.sampled_from(["auto", "en", "uk", "ru"]),
       st.one_of(st.none(), st.dates(min_value=date(1990, 1, 1), max_value=date(2090, 1, 1))))
def test_arbitrary_text(text: str, lang: str, published: date | None) -> None:
    _check(extract_text(text, report_id="f", lang=lang, published=published), "f", text)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from(WORDS), max_size=60), st.dates(min_value=date(2022, 1, 1),
                                                               max_value=date(2026, 1, 1)))
def test_word_salad_from_the_genre(words: list[str], published: date) -> None:
    text = " ".join(words)
    _check(extract_text(text, report_id="g", published=published), "g", text)


def test_characters_without_a_unicode_name_do_not_stop_the_morphology() -> None:
    # pymorphy3 raises on characters that have no Unicode name (here U+17000); such words are simply not read
    from datetime import date

    from ceasefire.extract import extract_text

    reports = extract_text("A\U00017000<A:0 а\U00017000 Сергій\U00017000 сказав", report_id="x",
                           published=date(2025, 1, 1))
    assert [r.is_incident for r in reports] == [False]
