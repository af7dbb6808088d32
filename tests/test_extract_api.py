"""ceasefire.extract: the public API and the shape of what one text yields."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest

import ceasefire.extract as extract
from ceasefire.extract import detect_language, extract_text
from ceasefire.vocab import WEAPONS_ORDER, target_types


def test_public_names() -> None:
    assert sorted(extract.__all__) == ["FEED", "LANGUAGES", "detect_language", "extract_text"]
    assert extract.LANGUAGES == ("en", "uk", "ru")


@pytest.mark.parametrize(("text", "lang"), [
    ("Drones hit a depot.", "en"),
    ("Дрони атакували нафтобазу, повідомили в області.", "uk"),
    ("Беспилотники атаковали нефтебазу, сообщили в области.", "ru"),
    ("", "en"),
])
def test_language_from_letters(text: str, lang: str) -> None:
    assert detect_language(text) == lang


def test_unknown_language_is_refused() -> None:
    with pytest.raises(ValueError, match="unknown language"):
        extract_text("text", report_id="x", lang="de")


def test_an_allegation_and_its_denial_are_two_records() -> None:
    text = ("A regional governor said an enemy drone set a fuel depot on fire in Kursk on Monday. "
            "The other side's general staff called the claim a lie and said the governor's own troops "
            "shelled the depot.")
    reports = extract_text(text, report_id="t1", published=date(2025, 3, 26))
    assert [r.report_id for r in reports] == ["t1-1", "t1-2"]
    allegation, denial = reports
    assert allegation.stance == "allegation" and denial.stance == "denial"
    assert allegation.claimant == "RU" and allegation.actor == "UA"
    assert denial.claimant != allegation.claimant
    assert denial.weapon == "artillery"
    assert allegation.when_start == datetime(2025, 3, 24) and allegation.when_end == datetime(2025, 3, 25)
    assert allegation.target.type == "energy.oil"


def test_a_text_without_an_incident_yields_one_record_marked_so() -> None:
    reports = extract_text("The Kremlin said the pause on strikes against energy sites had ended.",
                           report_id="t2", published=date(2025, 4, 18))
    assert len(reports) == 1
    assert reports[0].report_id == "t2"
    assert reports[0].is_incident is False
    assert reports[0].place is None and reports[0].when_start is None


def test_a_tally_is_not_an_incident() -> None:
    reports = extract_text("The air force said 120 drones were launched overnight and 80 were shot down.",
                           report_id="t3", published=date(2025, 3, 27))
    assert [r.is_incident for r in reports] == [False]


def test_two_places_two_incidents() -> None:
    reports = extract_text("Overnight, Russian drones hit a substation in Poltava and a railway depot in Sumy.",
                           report_id="t4", published=date(2025, 4, 1))
    assert [r.place.name if r.place else None for r in reports] == ["Poltava", "Sumy"]
    assert [r.target.type for r in reports] == ["energy.power", "infrastructure.rail"]
    assert all(r.when_end - r.when_start < timedelta(days=1) for r in reports if r.when_start and r.when_end)


def test_region_level_mention_has_no_settlement() -> None:
    reports = extract_text("Ukrainian drones attacked an oil pumping station in the Bryansk region.",
                           report_id="t5", published=date(2025, 3, 19))
    place = reports[0].place
    assert place is not None
    assert (place.name, place.admin1, place.country, place.lat) == (None, "Bryansk", "RU", None)


def test_occupied_places_keep_their_de_jure_country() -> None:
    reports = extract_text("Ukrainian missiles struck an ammunition depot in Melitopol, the Russian-installed "
                           "governor said.", report_id="t6", published=date(2025, 3, 26))
    assert reports[0].place is not None and reports[0].place.country == "UA"
    assert reports[0].claimant == "RU" and reports[0].actor == "UA"


def test_fields_stay_in_the_vocabulary() -> None:
    reports = extract_text("Окупанти обстріляли Херсон з РСЗВ «Град», влучання в районі лікарні, повідомила ОВА.",
                           report_id="t7", published=date(2025, 3, 28))
    for report in reports:
        assert report.target.type in target_types()
        assert report.weapon in WEAPONS_ORDER
        assert report.feed == "text"
    assert reports[0].weapon == "rocket" and reports[0].target.category == "civilian"


def test_without_a_publication_date_relative_dates_stay_open() -> None:
    reports = extract_text("Russian drones hit a substation in Kharkiv overnight.", report_id="t8")
    assert reports[0].when_start is None and reports[0].when_end is None
    dated = extract_text("Russian drones hit a substation in Kharkiv on 5 March 2025.", report_id="t9")
    assert dated[0].when_start == datetime(2025, 3, 5)
