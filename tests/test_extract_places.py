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


def test_a_town_of_the_district_opening_the_clause_is_one_incident_there() -> None:
    assert where("В Шебекинском округе, в селе Новая Таволжанка, дрон ВСУ повредил дом, сообщил губернатор.") \
        == [("Novaya Tavolzhanka", "Belgorod")]
    assert where("Вражеские дроны атаковали Никопольский район: в Марганце повреждена подстанция.") \
        == [("Marhanets", "Dnipropetrovsk")]


def test_a_district_named_in_an_oblique_case_after_its_city() -> None:
    assert where("Российские войска ударили по Запорожскому району, повреждена школа.") \
        == [("Zaporizhzhia", "Zaporizhia")]


def test_an_outlet_citing_a_side_gives_that_sides_account() -> None:
    found = [r for r in extract_text("ТАСС со ссылкой на украинские источники сообщает о взрывах в Днепре, "
                                     "повреждена подстанция.", report_id="a", published=DAY) if r.is_incident]
    assert [(r.claimant, r.actor) for r in found] == [("UA", "RU")]
    found = [r for r in extract_text("Украинские СМИ со ссылкой на источники в ГУР сообщают, что дроны атаковали "
                                     "нефтебазу в Ростовской области.", report_id="a", published=DAY)
             if r.is_incident]
    assert [(r.claimant, r.actor, r.stance) for r in found] == [("UA", "UA", "confirmation")]


def test_a_denial_calling_the_strike_the_other_sides_provocation_blames_that_side() -> None:
    found = [r for r in extract_text("Оккупационные власти заявили, что украинский дрон атаковал подстанцию в "
                                     "Каменке-Днепровской. В ВСУ отвергли обвинения, назвав удар провокацией "
                                     "российских военных.", report_id="a", published=DAY) if r.is_incident]
    assert [(r.stance, r.actor, r.claimant, r.weapon) for r in found] == [("allegation", "UA", "RU", "drone"),
                                                                          ("denial", "RU", "UA", "drone")]


def test_a_plants_management_speaks_for_the_side_holding_it() -> None:
    found = [r for r in extract_text("Руководство Запорожской АЭС сообщило, что беспилотник ударил по крыше "
                                     "энергоблока.", report_id="a", published=DAY) if r.is_incident]
    assert [(r.claimant, r.actor) for r in found] == [("RU", "UA")]


def test_the_region_in_the_answering_officials_title_keeps_the_town_reported() -> None:
    assert where("Генштаб ВСУ сообщил об ударе по складу боеприпасов под Токмаком. Назначенный Россией глава "
                 "Запорожской области заявил, что ракеты попали в больницу.") \
        == [("Tokmak", "Zaporizhia"), ("Tokmak", "Zaporizhia")]


def test_a_city_named_before_governor_and_a_district_in_the_genitive_name_the_region() -> None:
    assert where("A Ukrainian drone hit a shop in Oktyabrsky, Belgorod governor Vyacheslav Gladkov said.") \
        == [("Oktyabrsky", "Belgorod")]
    assert where("В Октябрьском Белгородского района дрон ВСУ повредил дом.") == [("Oktyabrsky", "Belgorod")]


def test_a_ukrainian_district_adjective_in_zk_names_its_city() -> None:
    assert where("Росіяни вдарили по Запорізькому району, пошкоджено школу.") == [("Zaporizhzhia", "Zaporizhia")]


def test_a_regional_officials_surname_names_the_region_for_namesakes() -> None:
    assert where("Дрон ВСУ ударил по автобусу в Михайловке, сообщил Евгений Балицкий.") \
        == [("Mykhailivka", "Zaporizhia")]
    assert where("В Октябрьском беспилотник повредил частный дом, сообщил Гладков.") == [("Oktyabrsky", "Belgorod")]


def test_a_district_named_before_its_region_is_the_district_of_its_town() -> None:
    assert where("В Суджанском районе Курской области дрон ВСУ атаковал автомобиль, сообщил губернатор.") \
        == [("Sudzha", "Kursk")]


def test_a_hromada_is_resolved_among_namesakes_by_the_region_named() -> None:
    assert where("Российские войска обстреляли Белозерскую громаду, повреждены дома, сообщила Херсонская ОВА.") \
        == [("Bilozerka", "Kherson")]


def test_front_line_villages_in_their_russian_spelling() -> None:
    assert where("В районе Работино уничтожен танк ВСУ, сообщило Минобороны России.") == [("Robotyne", "Zaporizhia")]
    assert where("Российский дрон атаковал лодку у Крынок, сообщила Херсонская ОВА.") == [("Krynky", "Kherson")]


def test_a_district_is_its_regions_largest_namesake_town_not_a_village_spelt_like_the_adjective() -> None:
    assert where("В Новомосковском районе Днепропетровской области после атаки дронов горит предприятие, сообщил "
                 "глава ОВА.") == [("Novomoskovsk", "Dnipropetrovsk")]


def test_a_place_something_came_from_is_not_a_strike_of_its_own() -> None:
    assert where("Эвакуированная из Волчанска семья погибла в Харькове, сообщил мэр Харькова Игорь Терехов.") \
        == [("Kharkiv", "Kharkiv")]
    reports = [r for r in extract_text("Ракета, выпущенная с территории Белгородской области, попала в телевышку в "
                                       "Харькове, сообщил глава Харьковской ОВА.", report_id="a", published=DAY)
               if r.is_incident]
    assert [(r.place.name if r.place else None, r.actor) for r in reports] == [("Kharkiv", "RU")]


def test_a_suburb_landmark_and_the_settlement_its_clause_names_are_one_incident_there() -> None:
    assert where("Российский дрон атаковал автомобиль в пригороде Херсона, в посёлке Антоновка ранен мужчина, "
                 "сообщила Херсонская ОВА.") == [("Antonivka", "Kherson")]
    assert where("На окраине Новой Каховки обстреляны жилые дома, сообщили местные власти.") \
        == [("Nova Kakhovka", "Kherson")]


def test_a_place_where_nothing_happened_is_no_incident() -> None:
    assert where("Губернатор сообщил, что в Старом Осколе никаких происшествий не было, а в Белгороде обломки "
                 "беспилотника повредили жилые дома.") == [("Belgorod", "Belgorod")]


def test_a_ukrainian_spelling_declined_in_russian_text_is_the_town() -> None:
    # the Ukrainian name's oblique stem (Старокостянтинів → Старокостянтинова) with a Russian case ending
    assert where("Ночью дроны атаковали военный склад в Старокостянтинове, сообщили местные власти.") \
        == [("Starokostiantyniv", "Khmelnytskyi")]
    assert where("Ракета попала в жилой дом в Коростышеве, сообщили в областной администрации.") \
        == [("Korostyshiv", "Zhytomyr")]


def test_a_landmark_named_as_where_it_happened_stands_for_its_city() -> None:
    assert where("Ночью украинский беспилотник атаковал здание в Кремле, повреждена крыша, сообщили "
                 "российские власти.") \
        == [("Moscow", "Moscow")]
    assert where("A Ukrainian drone hit a building inside the Kremlin overnight, damaging its roof, Russian "
                 "officials said.") \
        == [("Moscow", "Moscow")]
    # the seat speaking is no place
    assert where("Российские войска ударили по Харькову. В Кремле заявили, что били по военным объектам.") \
        == [("Kharkiv", "Kharkiv")]


def test_a_placeless_confirmation_confirms_the_incident_whose_target_it_names() -> None:
    found = [r for r in extract_text("В четверг Россия нанесла массированный удар по энергосистеме Украины, сообщил "
                                     "министр энергетики. Во Львове, по словам мэра, ракета попала в подстанцию. "
                                     "Минобороны России подтвердило удар по объектам энергетики.",
                                     report_id="a", published=DAY) if r.is_incident]
    assert [(r.stance, r.place.name if r.place else None, r.target.type) for r in found][-1] \
        == ("confirmation", None, "energy")


def test_a_form_the_gazetteer_knows_only_for_other_places_is_not_read_by_its_stem() -> None:
    # "Павловской" shares its stem with Павловск (Voronezh), but only the stanitsa Павловская takes that form;
    # "Петровского" is no case of Петровск
    assert where("Губернатор сообщил, что беспилотник ВСУ атаковал жилой дом в Павловской.") \
        == [("Pavlovskaya", "Krasnodar")]
    assert where("Жители Петровского сообщили, что российский дрон попал в школу.")[0][0] != "Petrovsk"


def test_a_longer_name_the_gazetteer_knows_beats_a_village_named_like_its_first_word() -> None:
    assert where("Губернатор сообщил, что в Новом Ургале беспилотник атаковал жилой дом.") \
        == [("Novyy Urgal", "Khabarovsk")]


def test_an_adjective_ending_after_a_locative_preposition_is_an_adjectival_name() -> None:
    # "в Новотроицком" is the locative of Новотроицкое (Kherson), never of the town Новотроицк ("в Новотроицке")
    assert where("Украинский дрон атаковал автобус в Новотроицком, сообщили назначенные Россией власти.") \
        == [("Novotroitske", "Kherson")]
    assert where("Украинский дрон атаковал автобус в Новотроицке.") == [("Novotroitsk", "Orenburg")]


def test_a_district_adjective_with_a_fleeting_vowel_or_a_soft_sign_names_its_town() -> None:
    assert where("Беспилотник упал в Коломенском округе, сообщил губернатор Подмосковья.") \
        == [("Kolomna", "Moscow Oblast")]
    assert where("Росіяни атакували Ізмаїльський район, пошкоджено порт.") == [("Izmail", "Odesa")]


def test_a_town_named_like_a_regions_adjective_is_the_town() -> None:
    # Крымск (Krasnodar) is no case form of Крым
    assert where("Губернатор сообщил, что в Крымске беспилотник ВСУ атаковал склад.") == [("Krymsk", "Krasnodar")]
    assert where("В Крыму беспилотник атаковал нефтебазу.") == [(None, "Crimea")]


def test_a_krai_is_named_by_the_word_krai_not_by_any_word_starting_kra() -> None:
    assert where("Губернатор сообщил, что в Ивановской Краснодарского края беспилотник атаковал дом.") \
        == [("Ivanovskaya", "Krasnodar")]
    assert where("Беспилотник атаковал НПЗ в Краснодарском крае.") == [(None, "Krasnodar")]


def test_district_adjectives_in_the_accusative_and_of_towns_in_ets_and_pillia() -> None:
    assert where("Російські дрони атакували Канівську ГЕС.") == [("Kaniv", "Cherkasy")]
    assert where("Окупанти обстріляли з артилерії Марганецьку громаду, пошкоджено газогін.") \
        == [("Marhanets", "Dnipropetrovsk")]
    assert where("У Краснопільській громаді на Сумщині дрон атакував автомобіль.") == [("Krasnopillia", "Sumy")]


def test_a_two_word_name_in_a_russian_case_the_tables_lack_is_found_through_its_nominative() -> None:
    assert where("Начальник Запорожской ОВА сообщил, что российская артиллерия обстреляла Малую Токмачку.") \
        == [("Mala Tokmachka", "Zaporizhia")]
    # a town whose name holds a target word is the town, not that target
    found = [r for r in extract_text("Ракета попала в Белую Церковь.", report_id="a", published=DAY) if r.is_incident]
    assert [(r.place.name if r.place else None, r.target.type) for r in found] == [("Bila Tserkva", "unknown")]


def test_a_hyphenated_name_declined_in_both_parts() -> None:
    assert where("Російський дрон атакував житловий будинок біля Луки-Мелешківської, повідомили в ОВА.") \
        == [("Luka-Meleshkivska", "Vinnytsia")]


def test_a_facility_named_after_one_town_and_said_to_stand_in_another_is_there() -> None:
    assert where("Пушилин сообщил, что украинский беспилотник атаковал Зуевскую ТЭС в Зугрэсе.") \
        == [("Zuhres", "Donetsk")]


def test_a_district_struck_then_the_town_in_it_where_damage_was_is_one_incident() -> None:
    assert where("Одесская ОВА сообщила, что ночью дроны атаковали Измаильский район. В Вилково повреждены причал "
                 "и склады.") == [("Vylkove", "Odesa")]


def test_settlement_type_abbreviations_do_not_end_a_sentence_or_hide_the_name() -> None:
    assert where("В н.п. Тёткино обстрелян магазин.") == [("Tetkino", "Kursk")]
    # the gazetteer's exact form beats an own two-word pattern read by stems (Красный Яр)
    assert where("В пгт Красная Яруга повреждена ЛЭП.") == [("Krasnaya Yaruga", "Belgorod")]


def test_two_district_adjectives_sharing_one_noun_name_two_towns() -> None:
    assert sorted(where("Окупанти обстріляли Нікопольщину: постраждали Марганецька та Червоногригорівська "
                        "громади.")) == [("Chervonohryhorivka", "Dnipropetrovsk"), ("Marhanets", "Dnipropetrovsk")]


def test_a_town_beside_its_region_is_no_list_of_regions() -> None:
    # "у Хмельницькому Хмельницької області" is the city and its oblast, not two regions
    assert where("Дрон атакував будинок у Хмельницькому Хмельницької області.") == [("Khmelnytskyi", "Khmelnytskyi")]
    # a region's stem goes on by an ending only: "Комишівці" is no form of Комі
    assert where("Дрон атакував будинок у Комишівці Одеської області.") == [("Komyshivka", "Odesa")]
    # a list of regions split by commas is still a list
    assert sorted(where("Дроны атаковали объекты в Курской, Белгородской и Брянской областях.")) \
        == [(None, "Belgorod"), (None, "Bryansk"), (None, "Kursk")]


def test_a_regions_full_name_beats_a_town_read_from_its_adjective() -> None:
    assert where("Губернатор сообщил, что в Ивановке Приморского края беспилотник атаковал жилой дом.") \
        == [("Ivanovka", "Primorskiy")]
