"""Who struck, as the genre says it or leaves it to be read: the forces' own names in each side's wording, a
side's official reporting a strike on ground that side holds, and speakers named the way news names them."""

from __future__ import annotations

from datetime import date

import pytest

from ceasefire.extract import extract_text
from ceasefire.model.report import Report

DAY = date(2025, 3, 5)


def incidents(text: str, lang: str = "auto") -> list[Report]:
    return [r for r in extract_text(text, report_id="a", published=DAY, lang=lang) if r.is_incident]


def who(text: str, lang: str = "auto") -> tuple[str | None, str | None]:
    found = incidents(text, lang)
    assert len(found) == 1, found
    return found[0].actor, found[0].claimant


@pytest.mark.parametrize("text", [
    "ВФУ обстреляли Энергодар из артиллерии, повреждена подстанция, сообщил глава города.",
    "Украинские нацформирования нанесли удар по Каменке-Днепровской, сообщил Балицкий.",
    "Киевская хунта нанесла удар по Луганску, разрушено административное здание.",
    "Армия Украины обстреляла Горловку, повреждена школа, сообщил Пушилин.",
])
def test_russian_names_for_ukrainian_forces(text: str) -> None:
    assert who(text)[0] == "UA"


@pytest.mark.parametrize("text", [
    "Армия России нанесла удар по Сумам, повреждена школа, сообщил губернатор.",
    "Путинские войска обстреляли Никополь из артиллерии, сообщил Лысак.",
    "Россияне атаковали Одессу дронами, повреждён порт, сообщил Кипер.",
])
def test_names_for_russian_forces(text: str) -> None:
    assert who(text)[0] == "RU"


@pytest.mark.parametrize(("text", "actor", "claimant"), [
    # the region named between the head and its title: "глава Брянской области", "администрация … области"
    ("Прилёт в Суземке: повреждены газопровод и несколько домов, сообщили в администрации Брянской области.",
     "UA", "RU"),
    ("По данным правительства Белгородской области, в Валуйках от удара дрона загорелся склад.", "UA", "RU"),
    ("Глава Брянской области сообщил, что село Белая Березка подверглось обстрелу, повреждены дома.", "UA", "RU"),
    # a surname alone opening "… said", and "First Surname:" heading the sentence
    ("Любимов сообщил, что беспилотник атаковал нефтебазу в Рязани.", "UA", "RU"),
    ("Малашко заявил, что в Запорожье после удара повреждены дома.", "RU", "UA"),
    ("Андрей Бочаров: в Волгограде повреждено предприятие.", "UA", "RU"),
])
def test_a_local_official_reporting_on_their_own_ground_implies_the_other_side(
        text: str, actor: str, claimant: str) -> None:
    assert who(text) == (actor, claimant)


def test_a_surname_that_is_also_a_town_form_is_a_speaker_not_the_place() -> None:
    found = incidents("Любимов сообщил, что беспилотник атаковал нефтебазу в Рязани.")
    assert found[0].place is not None and found[0].place.admin1 == "Ryazan"


def test_a_plain_word_opening_said_is_no_speaker() -> None:
    # "Однако" ends like a surname; it must not be read as an official who speaks for the region's side
    assert who("Однако сообщили, что беспилотник атаковал Белгород, повреждены дома.") == (None, None)


@pytest.mark.parametrize(("text", "lang"), [
    ("В ДНР после обстрела повреждена школа, сообщил глава республики.", "ru"),
    ("Окупаційна влада Запорізької області заявила, що дрон атакував автобус в Енергодарі.", "uk"),
    ("The DPR's Russian-installed leader said shelling hit a market.", "en"),
])
def test_an_official_russia_installed_blames_the_ukrainian_side(text: str, lang: str) -> None:
    assert who(text, lang) == ("UA", "RU")


def test_a_denial_blaming_the_other_sides_air_defence() -> None:
    found = incidents("В Минобороны России опровергли удар по больнице в Сумах и заявили, "
                      "что её повредила украинская ПВО.")
    assert [(r.stance, r.actor, r.claimant) for r in found] == [("denial", "UA", "RU")]


@pytest.mark.parametrize("text", [
    "Снаряд попал в торговый центр в Белгороде, сообщил губернатор.",
    "Осколками посечены окна жилого дома в Шебекино, сообщил губернатор.",
    "Обломки беспилотника повредили крышу дома в Курчатове, сообщил губернатор.",
])
def test_past_tense_hits_make_an_incident(text: str) -> None:
    assert who(text) == ("UA", "RU")


def test_the_attack_words_do_not_turn_soldiers_into_an_actor() -> None:
    found = incidents("Ukrainian snipers killed two Russian soldiers near Pokrovsk, the Ukrainian military said.")
    assert found[0].actor == "UA" and found[0].target.category == "military"


@pytest.mark.parametrize(("text", "actor"), [
    ("Шахеды атаковали Одессу, повреждён порт.", "RU"),
    ("Шахеди атакували Одесу, пошкоджено порт.", "RU"),
    ("Shahed drones attacked Odesa overnight, damaging port facilities.", "RU"),
    ("Ракеты ATACMS поразили аэродром в Джанкое.", "UA"),
    ("Морские дроны атаковали судно в порту Новороссийска.", "UA"),
])
def test_with_nobody_speaking_a_weapon_only_one_side_fields_names_it(text: str, actor: str) -> None:
    assert who(text) == (actor, None)


def test_a_weapon_that_was_hit_names_no_attacker() -> None:
    assert who("Уничтожена пусковая установка HIMARS под Краматорском.") == (None, None)


def test_a_speaker_still_outranks_the_weapon() -> None:
    # Russia's own account of a strike with its own weapon is its confirmation, not the other side's attack
    assert who("Минобороны России сообщило, что «Искандер» поразил аэродром под Миргородом.") == ("RU", "RU")


@pytest.mark.parametrize("text", [
    "В Каланчаке после атаки беспилотника повреждена школа, сообщил Владимир Сальдо.",
    "В Новоазовске после удара загорелось предприятие, сообщили в Минобороны России.",
    "Балицкий сообщил, что в Молочанске в результате удара повреждена подстанция.",
])
def test_a_russian_account_of_a_strike_on_ground_russia_holds_blames_ukraine(text: str) -> None:
    assert who(text) == ("UA", "RU")


@pytest.mark.parametrize(("text", "lang"), [
    ("Сальдо сообщил, что в Херсонской области повреждена подстанция после удара.", "ru"),
    ("Saldo said a drone attack damaged a substation in the Kherson region.", "en"),
])
def test_an_installed_official_named_alone_speaks_of_ground_russia_holds(text: str, lang: str) -> None:
    assert who(text, lang) == ("UA", "RU")


def test_an_installed_officials_own_side_named_as_striking_stays_the_actor() -> None:
    assert who("Пушилин сообщил, что российские войска уничтожили склад ВСУ под Константиновкой.") == ("RU", "RU")


@pytest.mark.parametrize(("text", "lang", "want"), [
    ("В ответ на террористические атаки киевского режима ВС РФ нанесли массированный удар по объектам энергетики "
     "Украины, сообщило Минобороны.", "ru", [("RU", "RU", None)]),
    ("В ответ на удары ВСУ по Белгороду российские войска атаковали Харьков, сообщил Гладков.", "ru",
     [("RU", "RU", "Kharkiv")]),
    ("Russia's defence ministry said it struck energy sites in Kharkiv in response to Ukrainian attacks on "
     "Belgorod.", "en", [("RU", "RU", "Kharkiv")]),
    ("In retaliation for the attack on the Crimean bridge, Russia struck Odesa's port, Ukraine's navy said.", "en",
     [("RU", "UA", "Odesa")]),
])
def test_the_strike_a_retaliation_answers_is_background(
        text: str, lang: str, want: list[tuple[str, str, str | None]]) -> None:
    assert [(r.actor, r.claimant, r.place and r.place.name) for r in incidents(text, lang)] == want


def test_the_other_side_confirming_a_reported_strike_is_its_own_confirmation() -> None:
    found = incidents("A drone attack started a fire at the Saratov refinery, the governor said. "
                      "Ukraine's General Staff later confirmed the strike.")
    assert [(r.actor, r.claimant, r.stance) for r in found] == [("UA", "RU", "allegation"),
                                                               ("UA", "UA", "confirmation")]
    assert all(r.place is not None and r.place.admin1 == "Saratov" for r in found)


@pytest.mark.parametrize("text", [
    "Губернатор сообщил о пожаре на НПЗ в Саратове после атаки дронов. Позже в Минобороны России подтвердили атаку.",
    "Russian drones hit an apartment block in Kharkiv, the mayor said. Ukraine's air force confirmed the attack.",
])
def test_the_reporting_side_confirming_adds_no_record(text: str) -> None:
    assert len(incidents(text)) == 1


def test_a_side_named_after_a_comma_does_not_own_the_target_before_it() -> None:
    found = incidents("After the strike on the bridge, Russia hit Odesa's port, Ukraine's navy said.", "en")
    assert [(r.actor, r.claimant) for r in found] == [("RU", "UA")]


@pytest.mark.parametrize(("text", "lang"), [
    ("Спикер Сил обороны юга Владислав Волошин сообщил, что в Херсоне после обстрела повреждена больница.", "ru"),
    ("Представитель ВСУ сообщил, что в Херсоне после обстрела повреждена больница.", "ru"),
    ("Речник Сил оборони півдня повідомив, що в Херсоні після обстрілу пошкоджено лікарню.", "uk"),
])
def test_a_spokesperson_speaks_for_the_force_named_after_them(text: str, lang: str) -> None:
    assert who(text, lang) == ("RU", "UA")


def test_a_force_after_a_comma_is_not_the_speakers_own() -> None:
    text = "По информации Минобороны, украинские боевики атаковали беспилотниками объекты в Курской области."
    assert who(text) == ("UA", "RU")


@pytest.mark.parametrize(("text", "actor", "claimant"), [
    ("ССО Украины уничтожили склад горючего в Крыму, сообщили в ССО.", "UA", "UA"),
    ("Новатэк сообщил о пожаре на терминале в Усть-Луге после атаки беспилотников.", "UA", "RU"),
    ("Укргідроенерго повідомило, що росіяни вдарили по Дніпровській ГЕС.", "RU", "UA"),
])
def test_forces_and_companies_the_lexicon_names(text: str, actor: str, claimant: str) -> None:
    assert who(text) == (actor, claimant)


@pytest.mark.parametrize(("text", "lang", "actor"), [
    ("Ворог атакував Бєлгород дронами.", "uk", "UA"),
    ("Противник атаковал Харьков беспилотниками, повреждены дома.", "ru", "RU"),
    ("The enemy attacked Kharkiv with drones, damaging homes.", "en", "RU"),
])
def test_with_nobody_speaking_the_enemy_is_the_other_side_of_whoever_holds_the_place(
        text: str, lang: str, actor: str) -> None:
    assert who(text, lang) == (actor, None)


@pytest.mark.parametrize(("text", "lang", "want"), [
    ("В ответ на это ВСУ обстреляли Белгород, сообщил Гладков.", "ru", ("UA", "RU", "Belgorod")),
    ("У відповідь на це росіяни вдарили по Харкову, повідомив Терехов.", "uk", ("RU", "UA", "Kharkiv")),
])
def test_a_retaliation_that_names_no_strike_answered_keeps_the_strike_it_reports(
        text: str, lang: str, want: tuple[str, str, str]) -> None:
    assert [(r.actor, r.claimant, r.place and r.place.name) for r in incidents(text, lang)] == [want]


@pytest.mark.parametrize(("text", "actor", "claimant"), [
    ("Telegram-канал SHOT сообщил о взрывах на НПЗ в Рязани после атаки дронов.", "UA", "RU"),
    ("Военкоры сообщают, что ВСУ ударили по Горловке.", "UA", "RU"),
    ("Мониторинговые каналы сообщили, что российские дроны атаковали Одессу.", "RU", "UA"),
])
def test_each_sides_telegram_channels_speak_for_it(text: str, actor: str, claimant: str) -> None:
    assert who(text) == (actor, claimant)


def test_shot_in_english_is_no_channel() -> None:
    text = "A man was shot dead in Kherson by a Russian sniper, the regional governor said."
    assert who(text, "en") == ("RU", "UA")


@pytest.mark.parametrize(("text", "lang", "want"), [
    ("A missile hit an American-owned factory in Mukachevo in western Ukraine overnight, injuring 15 workers, "
     "regional officials said.", "en", ("RU", "UA")),
    ("Дрон атаковал нефтебазу на юге России, сообщил губернатор Ростовской области.", "ru", ("UA", "RU")),
])
def test_a_country_named_as_where_is_not_the_attacker(text: str, lang: str, want: tuple[str, str]) -> None:
    assert who(text, lang) == want


def test_a_minister_named_by_office_speaks_for_the_place_struck() -> None:
    text = "A missile hit a residential building in the centre of Poltava overnight, interior minister said."
    assert who(text, "en") == ("RU", "UA")


def test_a_force_completing_the_noun_of_what_was_hit_owns_it_and_did_not_strike() -> None:
    text = ("Минобороны России заявило, что ракетами «Искандер-М» поражено место встречи командного состава "
            "группировки ВСУ в Сумах.")
    found = [r for r in extract_text(text, report_id="a", published=date(2025, 4, 13)) if r.is_incident]
    assert [(r.actor, r.claimant, r.stance) for r in found] == [("RU", "RU", "confirmation")]
    text = "В результате обстрела со стороны ВСУ в Энергодаре повреждена подстанция, сообщила мэр Энергодара."
    found = [r for r in extract_text(text, report_id="a", published=date(2025, 4, 13)) if r.is_incident]
    assert [r.actor for r in found] == ["UA"]


def test_a_force_named_after_an_according_to_phrase_and_a_comma_speaks() -> None:
    found = [r for r in extract_text("По данным Сил обороны, россияне обстреляли Очаков, повреждена инфраструктура "
                                     "порта.", report_id="a", published=date(2025, 4, 13)) if r.is_incident]
    assert [(r.actor, r.claimant) for r in found] == [("RU", "UA")]


def test_a_force_owning_what_was_hit_after_a_comma_in_the_clause_is_no_striker() -> None:
    text = ("Украинские СМИ сообщают, что в Мелитополе прогремели взрывы, по данным партизан, поражена база "
            "российских военных.")
    found = [r for r in extract_text(text, report_id="a", published=date(2025, 4, 13)) if r.is_incident]
    assert [(r.actor, r.claimant) for r in found] == [("UA", "UA")]


def test_a_force_a_target_served_or_belonged_to_is_not_who_struck() -> None:
    # the Russian ministry reporting its own strike, in the passive: the AFU is what the depot served
    assert who("Минобороны России сообщило, что ракетным ударом поражён склад в Павлограде, откуда шло снабжение "
               "группировки ВСУ.") == ("RU", "RU")
    assert who("Минобороны России сообщило, что ракетами поражён цех в Запорожье, где собирали дроны для ВСУ.") \
        == ("RU", "RU")
    # "со стороны ВСУ" and "удар ВСУ" name who struck
    assert who("В результате обстрела со стороны ВСУ в Каховке повреждена школа, сообщили местные власти.")[0] == "UA"
    assert who("В результате удара ВСУ по Белгороду повреждены дома, сообщил губернатор.")[0] == "UA"


def test_an_outlet_of_one_side_is_that_sides_and_a_regional_title_names_no_city() -> None:
    assert who("Как передаёт «Интерфакс-Украина», глава Донецкой ОВА Вадим Филашкин сообщил, что оккупанты "
               "ударили авиабомбой по Белозерскому.") == ("RU", "UA")
    found = incidents("Rostov regional governor Vasily Golubev said Ukrainian drones hit a substation in Shakhty.")
    assert [(r.place.name if r.place else None, r.claimant) for r in found] == [("Shakhty", "RU")]
