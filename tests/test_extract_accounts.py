"""Texts in which more than one side speaks: each side's account is its own record, and who struck is read from
the account (the other side's own strike report, a governor confirming an attack on their region), not from
the first speaker of the text."""

from __future__ import annotations

from datetime import date

from ceasefire.extract import extract_text
from ceasefire.model.report import Report

DAY = date(2025, 3, 5)


def incidents(text: str) -> list[Report]:
    return [r for r in extract_text(text, report_id="a", published=DAY) if r.is_incident]


def accounts(text: str) -> set[tuple[str | None, str | None, str]]:
    return {(r.actor, r.claimant, r.stance) for r in incidents(text)}


def test_the_other_sides_account_of_a_strike_at_the_same_place_is_its_own_record() -> None:
    text = ("Ночью беспилотники атаковали Торопец, начался пожар, сообщил губернатор Тверской области. "
            "Источник в украинской разведке сообщил, что удар по складу в Торопце нанесли дроны СБУ.")
    assert accounts(text) == {("UA", "RU", "allegation"), ("UA", "UA", "confirmation")}


def test_the_other_side_saying_it_hit_military_targets_reports_its_own_strike() -> None:
    text = ("Russian missiles hit a block of flats in Odesa overnight, Ukrainian officials said. "
            "Russia's defence ministry said it had struck military targets with precision weapons.")
    assert accounts(text) == {("RU", "UA", "allegation"), ("RU", "RU", "confirmation")}


def test_a_governor_confirming_an_attack_on_the_region_blames_the_other_side() -> None:
    text = ("Генштаб ВСУ сообщил, что ночью дроны поразили нефтебазу в Саратове. "
            "Губернатор Саратовской области подтвердил атаку: обломки дронов повредили резервуар.")
    assert accounts(text) == {("UA", "UA", "confirmation"), ("UA", "RU", "allegation")}


def test_a_force_named_inside_what_was_struck_owns_it() -> None:
    text = ("Минобороны России сообщило, что был нанесён удар по месту сбора командиров ВСУ в Сумах, "
            "уничтожены военнослужащие.")
    assert accounts(text) == {("RU", "RU", "confirmation")}


def test_a_district_of_the_city_is_in_the_city_named_before() -> None:
    found = incidents("Мэр Харькова Игорь Терехов сообщил о прилёте в Киевском районе города, горит жилой дом.")
    assert len(found) == 1
    assert found[0].place is not None and found[0].place.name == "Kharkiv"
    assert (found[0].actor, found[0].claimant) == ("RU", "UA")


def test_a_mayors_city_before_the_mayors_first_name_is_a_place() -> None:
    found = incidents("Мэр Львова Андрей Садовый сообщил, что после ракетного удара по подстанции часть города "
                      "осталась без света.")
    assert len(found) == 1
    assert found[0].place is not None and found[0].place.name == "Lviv"
    assert (found[0].actor, found[0].claimant) == ("RU", "UA")


def test_the_strike_an_attack_is_said_to_answer_is_background() -> None:
    text = ("Путин заявил, что вооружённые силы нанесли удар по объектам энергетики Украины. "
            "По его словам, это ответ на подрыв Крымского моста.")
    found = incidents(text)
    assert len(found) == 1
    assert found[0].place is None and (found[0].actor, found[0].claimant) == ("RU", "RU")


def test_an_answered_shelling_named_by_a_noun_is_background_too() -> None:
    text = "В ответ на обстрел Белгорода российская армия нанесла удар по Харькову, сообщило Минобороны России."
    found = incidents(text)
    assert len(found) == 1
    assert found[0].place is not None and found[0].place.name == "Kharkiv"


def test_denying_involvement_and_naming_who_is_to_blame() -> None:
    text = ("Глава ДНР Денис Пушилин сообщил, что ВСУ обстреляли рынок в Макеевке, погибли люди. "
            "В украинском командовании заявили, что ВСУ к обстрелу не причастны, а ответственность лежит на "
            "российских военных.")
    found = incidents(text)
    assert {(r.actor, r.claimant, r.stance) for r in found} == {("UA", "RU", "allegation"), ("RU", "UA", "denial")}
    denial = next(r for r in found if r.stance == "denial")
    assert denial.weapon == "artillery"


def test_saying_ukraine_does_not_attack_is_a_denial() -> None:
    text = ("Минобороны России сообщило, что ночью беспилотники атаковали Курск, повреждены жилые дома. "
            "Зеленский заявил, что Украина не нападает на мирные города.")
    assert accounts(text) == {("UA", "RU", "allegation"), (None, "UA", "denial")}


def test_a_second_town_in_a_region_already_struck_is_its_own_incident() -> None:
    text = ("Ночью россияне атаковали дронами Николаевскую область, сообщил глава ОВА. "
            "В Николаеве повреждён склад, в Очакове загорелся жилой дом.")
    found = incidents(text)
    assert sorted(r.place.name for r in found if r.place is not None and r.place.name) == ["Mykolaiv", "Ochakiv"]
    assert {(r.actor, r.claimant) for r in found} == {("RU", "UA")}


def test_the_other_side_on_the_city_center_is_about_the_city_named_before() -> None:
    text = ("Минобороны России заявило, что ракетами был нанесён удар по месту сбора военных в Чернигове. "
            "Украинские власти сообщают, что ракеты попали в центр города, погибли мирные жители.")
    found = incidents(text)
    assert {(r.actor, r.claimant, r.place.name if r.place else None) for r in found} == {
        ("RU", "RU", "Chernihiv"), ("RU", "UA", "Chernihiv")}


def test_a_place_word_opening_an_outlets_name_is_not_a_place() -> None:
    text = ("Беспилотники атаковали нефтебазу в Новороссийске, сообщили краевые власти. "
            "Источник заявил изданию «Украинская правда», что атака — дело рук СБУ.")
    assert accounts(text) == {("UA", "RU", "allegation"), ("UA", "UA", "confirmation")}


def test_the_other_side_commenting_without_a_strike_does_not_become_the_claimant() -> None:
    text = ("В Белгородской области дрон ВСУ атаковал автобус, ранены пассажиры, сообщил губернатор. "
            "Главное управление разведки Украины сообщило, что не располагает такой информацией.")
    assert accounts(text) == {("UA", "RU", "allegation")}


def test_where_a_strike_came_from_is_not_where_it_hit() -> None:
    text = ("Над Белгородской областью разбился самолёт, сообщило Минобороны России. "
            "В ведомстве заявили, что его сбили ВСУ ракетами из Харьковской области.")
    found = incidents(text)
    assert len(found) == 1
    assert found[0].place is not None and found[0].place.admin1 == "Belgorod"
    assert (found[0].actor, found[0].claimant) == ("UA", "RU")


def test_local_officials_in_ukrainian_are_speakers() -> None:
    found = incidents("У Києві ракета влучила в лікарню, повідомили місцеві посадовці.")
    assert len(found) == 1 and (found[0].actor, found[0].claimant) == ("RU", "UA")


def test_a_ministry_named_without_its_country_answers_as_the_languages_side() -> None:
    text = ("«Укрэнерго» сообщило о новом ударе по энергосистеме: в Житомирской и Ровенской областях повреждены "
            "объекты энергетики. Минобороны в тот же день заявило о групповом ударе высокоточным оружием по "
            "объектам энергетики Украины.")
    found = incidents(text)
    assert len(found) == 3
    assert {(r.actor, r.claimant, r.stance) for r in found} == {
        ("RU", "UA", "allegation"), ("RU", "RU", "confirmation")}


def test_a_governor_on_the_same_strike_gives_the_struck_sides_account() -> None:
    text = ("Генштаб ЗСУ повідомив, що вночі Сили оборони уразили нафтобазу в Енгельсі. "
            "Саратовський губернатор заявив, що через атаку дронів на нафтобазі в Енгельсі виникла пожежа.")
    assert accounts(text) == {("UA", "UA", "confirmation"), ("UA", "RU", "allegation")}


def test_the_other_sides_version_of_the_same_damage_keeps_what_was_hit() -> None:
    text = ("Украинские власти сообщили, что российская ракета попала в больницу в Харькове. "
            "В Минобороны России заявили, что разрушения в Харькове вызвала ракета украинской ПВО.")
    found = incidents(text)
    assert len(found) == 2
    assert {r.target.category for r in found} == {"civilian"}


def test_soldiers_beaches_and_oil_companies_as_what_was_hit() -> None:
    assert incidents("Минобороны России сообщило, что ударом «Искандера» в Сумах уничтожены военнослужащие ВСУ."
                     )[0].target.category == "military"
    assert incidents("Губернатор Севастополя сообщил, что обломки ракеты упали на пляж, есть раненые."
                     )[0].target.category == "civilian"
    assert incidents("В Новошахтинске беспилотник упал на территории нефтяного предприятия, сообщил губернатор."
                     )[0].target.category == "energy"


def test_street_names_and_namesakes_are_not_towns() -> None:
    found = incidents("В Днепре ракета попала в дом на Набережной Победы, сообщили украинские власти.")
    assert [r.place.name for r in found if r.place] == ["Dnipro"]
    found = incidents("Глава Горловки сообщил, что обстрелу подвергся район шахты имени Гагарина.")
    assert [r.place.name for r in found if r.place] == ["Horlivka"]


def test_who_installed_an_official_is_not_a_place() -> None:
    found = incidents("Назначенный Москвой мэр Новой Каховки заявил, что украинские удары разрушили ГЭС.")
    assert [r.place.name for r in found if r.place] == ["Nova Kakhovka"]


def test_a_denial_that_blames_the_other_sides_air_defence_and_the_strike_reported_after_it() -> None:
    text = ("Песков заявил, что российские войска не наносят ударов по жилым домам, и повторил версию о том, что "
            "трагедия в Днепре произошла из-за падения ракеты украинской ПВО. В субботу ракета попала в жилой дом, "
            "погибли люди; в Воздушных силах ВСУ заявили, что это была российская ракета Х-22.")
    found = incidents(text)
    assert {(r.actor, r.claimant, r.stance) for r in found} == {("UA", "RU", "denial"), ("RU", "UA", "allegation")}
    assert {r.place.name for r in found if r.place} == {"Dnipro"}


def test_one_more_strike_on_the_same_town_is_its_own_incident() -> None:
    text = ("Глава Горловки сообщил, что утром дрон атаковал автобус. "
            "Днём, по его словам, обстрелу подвергся ещё и жилой квартал.")
    found = incidents(text)
    assert len(found) == 2 and {r.place.name for r in found if r.place} == {"Horlivka"}


def test_drone_attacks_repelled_are_a_tally_not_an_incident() -> None:
    assert incidents("Губернатор сообщил, что ночью над Ростовской областью были отражены атаки дронов.") == []
    text = ("Ночью в Новошахтинске беспилотник упал на территории нефтебазы, сообщил губернатор. "
            "По его словам, над областью были отражены атаки ещё нескольких дронов.")
    assert len(incidents(text)) == 1


def test_a_unit_named_after_a_town_in_quotes_is_not_a_place() -> None:
    found = incidents("Окупанти заявили, що український дрон атакував автобус у Горлівці. "
                      "Речник угруповання військ «Луганськ» назвав це вигадкою.")
    assert {r.place.name for r in found if r.place} == {"Horlivka"}


def test_aviation_a_depot_supplies_is_not_the_weapon() -> None:
    text = ("Генштаб ЗСУ повідомив, що вночі Сили оборони уразили нафтобазу в Енгельсі, яка забезпечує паливом "
            "стратегічну авіацію. Губернатор заявив, що через атаку дронів на нафтобазі виникла пожежа.")
    assert {r.weapon for r in incidents(text)} == {"drone"}


def test_a_denial_that_accuses_the_other_side_of_staging_blames_no_striker() -> None:
    found = incidents("Moscow denied Ukrainian claims that it had shelled a school in Kherson, and accused Kyiv of "
                      "staging the damage for the cameras.")
    assert [(r.actor, r.claimant, r.stance) for r in found] == [(None, "RU", "denial")]


def test_the_other_sides_version_of_the_only_strike_reported_keeps_its_place() -> None:
    text = ("Окупанти обстріляли Херсон, пошкоджено лікарню, повідомив Прокудін. "
            "Російські медіа стверджують, що удару завдали по позиціях ЗСУ.")
    found = incidents(text)
    assert [(r.place.name if r.place else None, r.claimant, r.target.type) for r in found] == [
        ("Kherson", "UA", "civilian.medical"), ("Kherson", "RU", "military.personnel")]
    found = incidents("A Russian missile struck a hotel in central Kryvyi Rih, local officials said. "
                      "Russia said it targeted a gathering of Ukrainian officers.")
    assert [(r.place.name if r.place else None, r.stance) for r in found] == [
        ("Kryvyi Rih", "allegation"), ("Kryvyi Rih", "confirmation")]


def test_the_other_side_listing_kinds_of_targets_speaks_of_a_wider_operation() -> None:
    text = ("Russian missiles struck Kyiv overnight, damaging an apartment block, Ukrainian officials said. "
            "Russia's defence ministry said it had hit military-industrial targets and airfields.")
    found = incidents(text)
    assert [(r.place.name if r.place else None, r.stance) for r in found] == [
        ("Kyiv", "allegation"), (None, "confirmation")]


def test_a_denial_blaming_the_other_side_in_a_second_that_clause_names_it() -> None:
    text = ("В Донецке после обстрела загорелся торговый центр, сообщил Пушилин. "
            "В ВСУ заявили, что не причастны к удару и что по городу била российская артиллерия.")
    assert accounts(text) == {("UA", "RU", "allegation"), ("RU", "UA", "denial")}


def test_the_capital_joined_to_a_say_word_by_and_is_where_the_strike_was() -> None:
    found = incidents("Песков отверг обвинения Киева в ударе по детской больнице в Киеве и заявил, что российские "
                      "войска не наносят ударов по гражданским объектам.")
    assert [(r.place.name if r.place else None, r.stance) for r in found] == [("Kyiv", "denial")]
