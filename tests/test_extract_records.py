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


def test_a_district_named_after_a_distant_town_is_another_incident() -> None:
    text = ("Губернатор Курской области сообщил, что ВСУ обстреляли Льгов: снаряд попал в детский сад. "
            "В Рыльском районе, по его словам, после атаки дрона на подстанцию без света остались несколько сёл.")
    found = incidents(text)
    assert [(r.target.type, r.weapon) for r in found] == [("civilian.education", "artillery"),
                                                           ("energy.power", "drone")]
    assert found[1].place is not None and found[1].place.name == "Rylsk"


def test_a_district_around_the_town_struck_is_the_same_incident() -> None:
    text = "Росіяни обстріляли Марганець, пошкоджено школу. У Нікопольському районі також пошкоджено лінію зв'язку."
    assert places(text) == ["Marhanets"]


def test_a_weapon_named_as_what_was_kept_or_made_there_is_not_the_means() -> None:
    found = incidents("ВС РФ нанесли удар по пунктам базирования безэкипажных катеров ВСУ в районе Очакова, "
                      "сообщило Минобороны.")
    assert [(r.target.type, r.weapon) for r in found] == [("military.equipment", "unknown")]
    found = incidents("Минобороны России сообщило, что поражены места подготовки морских беспилотников в Одессе.")
    assert [r.weapon for r in found] == ["unknown"]


def test_a_post_office_and_a_military_institute_are_targets() -> None:
    assert [r.target.type for r in incidents("Российский дрон попал в здание почты в Бериславе, сообщили власти.")] \
        == ["civilian.commercial"]
    assert [r.target.type for r in incidents("Две ракеты попали в Военный институт связи в Полтаве.")] \
        == ["military.personnel"]


def test_drones_destroyed_over_a_place_with_no_damage_are_no_incident() -> None:
    assert incidents("Над Ростовской областью ночью уничтожены пять беспилотников, пострадавших и разрушений нет, "
                     "сообщил губернатор.") == []
    assert incidents("Ukrainian drones were destroyed over the Kursk region overnight, the governor said.") == []
    assert places("Над Белгородом ночью сбиты три беспилотника, обломки повредили жилой дом, сообщил губернатор.") \
        == ["Belgorod"]


def test_the_struck_places_own_authorities_answering_speak_of_that_place() -> None:
    found = incidents("Сили оборони уразили нафтобазу в Ровеньках на тимчасово окупованій Луганщині, повідомив "
                      "Генштаб ЗСУ. Окупаційна влада заявила, що пошкоджено житлові будинки.")
    assert [(r.place.name if r.place else None, r.claimant, r.target.type) for r in found] == [
        ("Rovenky", "UA", "energy.oil"), ("Rovenky", "RU", "civilian.residential")]


def test_a_preposition_opening_a_sentence_is_no_town() -> None:
    text = ("Российские войска нанесли удар по Запорожью, разрушен жилой дом, сообщил Иван Федоров. "
            "Кроме того, обстрелу подверглись Гуляйполе и Орехов, где повреждены школы.")
    assert places(text) == ["Zaporizhzhia", "Huliaipole", "Orikhiv"]


def test_neighbouring_towns_with_their_own_names_are_their_own_incidents() -> None:
    text = ("По данным украинских властей, в районе Покровска российская авиабомба разрушила больницу. "
            "В Мирнограде, по словам Вадима Филашкина, пострадали два человека после удара по рынку.")
    assert places(text) == ["Pokrovsk", "Myrnohrad"]


def test_a_city_district_named_after_a_distant_town_is_part_of_the_city_reported_on() -> None:
    text = ("Военкор сообщил о прилётах по Донецку, повреждены жилые дома. "
            "По данным администрации Куйбышевского района, пострадали трое мирных жителей.")
    assert places(text) == ["Donetsk"]


def test_a_clause_leaving_out_the_strike_word_names_another_incident_of_the_same_kind() -> None:
    text = ("В Одессе, по словам Олега Кипера, повреждены портовая инфраструктура и жилые дома; "
            "в Измаиле — зерновой терминал.")
    found = incidents(text)
    assert [(r.place.name if r.place else None, r.target.type, r.claimant) for r in found] == [
        ("Odesa", "infrastructure.port", "UA"), ("Izmail", "infrastructure.port", "UA")]


def test_towns_listed_together_and_then_given_clauses_of_their_own_are_cut_there() -> None:
    text = ("Российская армия ударила по Краматорску и Славянску ракетами, в Краматорске разрушен жилой дом, "
            "в Славянске — школа, сообщил Филашкин.")
    assert [(r.place.name if r.place else None, r.target.type) for r in incidents(text)] == [
        ("Kramatorsk", "civilian.residential"), ("Sloviansk", "civilian.education")]


def test_a_region_named_first_does_not_swallow_its_towns_clauses() -> None:
    text = ("Российские войска обстреляли Херсонскую область: в Бериславе повреждена школа, в Белозерке — жилые дома, "
            "сообщил Прокудин.")
    assert [(r.place.name if r.place else None, r.target.type) for r in incidents(text)] == [
        ("Beryslav", "civilian.education"), ("Bilozerka", "civilian.residential")]


def test_a_first_name_that_is_also_a_town_after_a_title_is_a_person() -> None:
    assert places("Сегодня снаряд попал в здание областной больницы, сообщил глава ОВА Роман Мрочко.") == [None]
    assert places("Мэр Энергодара Евгения Яшина сообщила, что дрон атаковал подстанцию.") == ["Enerhodar"]


def test_a_sea_named_like_a_town_is_no_place() -> None:
    assert places("Командующий ВМС Украины сообщил, что в Черном море поражен российский корабль.") == [None]


def test_damage_from_debris_after_a_shootdown_is_an_incident_where_it_was_shot_down() -> None:
    found = incidents("Губернатор сообщил, что над Лисками силы ПВО сбили беспилотник. Его обломки упали на "
                      "территорию школы, повреждены окна.")
    assert [(r.place.name if r.place else None, r.weapon, r.target.category) for r in found] \
        == [("Liski", "drone", "civilian")]
    # a shootdown with nothing damaged stays no incident
    assert incidents("Над Лисками силы ПВО сбили беспилотник. Пострадавших нет.") == []


def test_weapons_fired_at_a_named_town_are_a_strike_on_it() -> None:
    found = incidents("Сальдо сообщил, что ВСУ выпустили по Скадовску несколько ракет. В порту повреждены склады.")
    assert [(r.place.name if r.place else None, r.weapon, r.actor, r.target.type) for r in found] \
        == [("Skadovsk", "missile", "UA", "infrastructure.port")]
    # launched at the country is a tally, not an incident
    assert incidents("Russia launched 145 drones at Ukraine overnight, the air force said.") == []


def test_an_alert_a_warning_and_negated_strikes_are_no_incident() -> None:
    assert incidents("An air raid alert covered Kyiv for two hours after Russian bombers took off, but officials "
                     "reported no strikes or damage.") == []
    assert incidents("Губернатор предупредил жителей о высокой активности украинских беспилотников.") == []
    # the alert words do not hide a strike reported beside them
    assert len(incidents("During an air raid alert a Russian drone hit a house in Sumy, the mayor said.")) == 1


def test_a_weapon_made_or_kept_at_the_target_is_not_the_means() -> None:
    found = incidents("Минобороны России сообщило, что ракетами поражён цех в Запорожье, где собирали ударные "
                      "беспилотники.")
    assert [r.weapon for r in found] == ["missile"]
    found = incidents("Russia's Defence Ministry said it had hit a workshop producing long-range drones in Kharkiv.")
    assert [r.weapon for r in found] == ["unknown"]
    # bombers based at an airfield struck by drones are not the weapon
    found = incidents("ГУР сообщило, что дроны поразили аэродром Морозовск, где базируются бомбардировщики.")
    assert [r.weapon for r in found] == ["drone"]


def test_regions_listed_as_a_heading_do_not_lend_one_towns_target_to_another() -> None:
    found = incidents("Ночью дроны атаковали Сумщину и Черниговщину: в Шостке повреждена подстанция, а в Нежине — "
                      "школа, сообщили в областных администрациях.")
    assert sorted((r.place.name if r.place else None, r.target.type) for r in found) \
        == [("Nizhyn", "civilian.education"), ("Shostka", "energy.power")]


def test_where_weapons_are_made_or_kept_is_a_military_target_of_the_striking_side() -> None:
    found = incidents("Минобороны России сообщило, что ракетами в Николаеве уничтожены склады, где хранились "
                      "безэкипажные катера ВСУ.")
    assert [(r.target.type, r.actor, r.claimant) for r in found] == [("military.equipment", "RU", "RU")]
    found = incidents("Russia's defence ministry said it had hit a workshop producing long-range drones in Kharkiv.")
    assert [r.target.type for r in found] == ["military.equipment"]
    # a plain workshop stays a commercial site
    assert [r.target.type for r in incidents("A Russian drone hit a warehouse in Kharkiv, the mayor said.")] \
        == ["civilian.commercial"]


def test_the_day_in_a_date_phrase_is_no_count_of_a_tally() -> None:
    # "продовжує працювати" reads like a tally word; the "2" belongs to the date, so this is no tally
    found = incidents("Укргідроенерго повідомило, що в ніч на 2 листопада російські дрони атакували Канівську ГЕС, "
                      "пошкоджено обладнання, але станція продовжує працювати.")
    assert [(r.place.name if r.place else None, r.target.type) for r in found] == [("Kaniv", "energy.hydro")]


def test_where_the_wounded_were_taken_is_not_where_it_happened() -> None:
    found = incidents("Утром в Миропольской громаде российский дрон атаковал легковой автомобиль, сообщила Сумская "
                      "ОВА. Водитель получил ранения и доставлен в больницу в Сумах.")
    assert [(r.place.name if r.place else None, r.target.category) for r in found] == [("Myropillia", "civilian")]
    found = incidents("Three people were taken to hospital in Kharkiv after a drone hit a house in Chuhuiv.")
    assert [r.place.name if r.place else None for r in found] == ["Chuhuiv"]
    # a strike on a hospital stays one
    assert [r.target.type for r in incidents("Дрон ударил по больнице в Сумах.")] == ["civilian.medical"]


def test_daytime_after_a_night_is_the_day_the_night_ended() -> None:
    found = extract_text("Уночі російський дрон влучив у багатоповерхівку в Дніпрі. Удень окупанти обстріляли з "
                         "артилерії Марганецьку громаду, пошкоджено газогін.", report_id="a",
                         published=date(2024, 9, 12))
    days = [(r.place.name if r.place else None, r.when_start.date() if r.when_start else None)
            for r in found if r.is_incident]
    assert days == [("Dnipro", date(2024, 9, 11)), ("Marhanets", date(2024, 9, 12))]


def test_a_threat_a_council_building_and_a_minibus() -> None:
    assert incidents("В Ростовской области вечером объявляли угрозу атаки беспилотников.") == []
    assert [r.target.type for r in incidents("Снаряды попали в здание поселкового совета в Печенегах.")] \
        == ["civilian"]
    assert [r.target.type for r in incidents("У Херсоні російський дрон атакував маршрутне таксі.")] == ["civilian"]


def test_a_near_place_after_a_clause_of_its_own_is_another_incident() -> None:
    found = incidents("A fire broke out at the Novocherkassk power plant after a drone hit a transformer, and debris "
                      "damaged a stretch of railway track near Morozovsk.")
    assert sorted((r.place.name if r.place else None, r.target.type) for r in found) \
        == [("Morozovsk", "infrastructure.rail"), ("Novocherkassk", "energy.power")]


def test_no_hit_recorded_and_a_mayors_title_are_no_incident() -> None:
    assert incidents("Київський міський голова повідомив, що вночі в столиці працювала протиповітряна оборона, "
                     "проте влучань і падінь уламків не зафіксовано.") == []


def test_a_denial_takes_the_means_and_day_of_the_strike_it_denies() -> None:
    found = extract_text("Пєсков заявив, що російська армія не завдає ударів по житлових кварталах, коментуючи "
                         "вчорашнє влучання в багатоповерхівку в Ізюмі. За даними ОВА, будинок уразила керована "
                         "авіабомба.", report_id="a", published=date(2025, 10, 15))
    assert sorted((r.stance, r.weapon, r.when_start.date() if r.when_start else None)
                  for r in found if r.is_incident) \
        == [("allegation", "glide_bomb", date(2025, 10, 14)), ("denial", "glide_bomb", date(2025, 10, 14))]


def test_a_counter_claim_naming_who_shelled_beats_the_word_provocation() -> None:
    found = incidents("Saldo said a Ukrainian drone dropped explosives on a bakery in Oleshky. Ukraine's southern "
                      "defence forces denied it, saying Russian troops had shelled the town themselves to stage a "
                      "provocation.")
    assert [(r.stance, r.actor) for r in found if r.stance == "denial"] == [("denial", "RU")]


def test_new_years_night_a_shells_calibre_and_a_neighbourhood() -> None:
    found = extract_text("Минобороны России признало, что в новогоднюю ночь ВСУ выпустили ракеты HIMARS по пункту "
                         "дислокации в районе Макеевки.", report_id="a", published=date(2023, 1, 3))
    assert [(r.when_start.date() if r.when_start else None, r.weapon) for r in found if r.is_incident] \
        == [(date(2022, 12, 31), "rocket")]
    assert [r.weapon for r in incidents("В Петровском районе Донецка снаряд 155-го калибра попал в амбулаторию.")] \
        == ["artillery"]
    found = incidents("Балицкий заявил, что ракеты ATACMS атаковали Мелитополь. Обломками повреждены частные дома в "
                      "микрорайоне Новый Мелитополь.")
    assert [r.place.name if r.place else None for r in found] == ["Melitopol"]


def test_one_speaker_denying_twice_and_a_first_name_before_a_surname() -> None:
    found = extract_text("Russian authorities said a Ukrainian drone hit a van in Glushkovo on Wednesday. Ukraine's "
                         "General Staff said its units had carried out no strikes on the village and called the "
                         "report invented.", report_id="a", published=date(2025, 2, 20))
    assert sorted((r.stance, r.claimant) for r in found if r.is_incident) \
        == [("allegation", "RU"), ("denial", "UA")]
    found = incidents("Kherson officials said a Russian drone hit a shop in Bilozerka. Vladimir Saldo, the "
                      "Moscow-installed governor, denied it, saying a Ukrainian drone caused the damage.")
    assert {r.place.name if r.place else None for r in found} == {"Bilozerka"}


def test_the_speakers_region_alone_heads_the_towns_reported_after_it() -> None:
    found = incidents("Russian troops kept up their fire on towns across the Kakhovka reservoir on Sunday, "
                      "Dnipropetrovsk governor Serhiy Lysak said. In Nikopol, a shell hit an apartment block; in "
                      "Marhanets, a drone brought down a power line.")
    assert sorted(r.place.name or "" if r.place else "" for r in found) == ["Marhanets", "Nikopol"]


def test_occupation_authorities_sit_in_occupied_ukraine() -> None:
    assert [r.place.country if r.place else None for r in incidents(
        "Оккупационные власти Михайловки заявили, что украинская артиллерия обстреляла школу.")] == ["UA"]


def test_a_post_in_one_sides_own_words_is_that_sides_report() -> None:
    found = incidents("⚡️Обстрел Херсона: около 9 утра оккупанты ударили из артиллерии по Днепровскому району.\n\n"
                      "Повреждены частный дом и магазин, ранена женщина.")
    assert [(r.actor, r.claimant) for r in found] == [("RU", "UA")]
    # plain narration with no such words stays unattributed
    assert [(r.actor, r.claimant) for r in incidents("Дрон попал в частный дом в Херсоне.")] == [(None, None)]


def test_a_sentence_recalling_an_earlier_strike_is_background() -> None:
    found = extract_text("Саратов\nВ ночь на понедельник беспилотники атаковали НПЗ, сообщил губернатор. Ранее, "
                         "10 сентября, в городе уже сбивали дроны. Напомним, прежде дроны били по Энгельсу.",
                         report_id="a", published=date(2025, 9, 15))
    assert [(r.place.name if r.place else None, r.when_start.date() if r.when_start else None)
            for r in found if r.is_incident] == [("Saratov", date(2025, 9, 14))]


def test_a_headline_and_a_list_of_towns_head_the_lines_after_them() -> None:
    found = incidents("Херсонская ОВА: за сутки россияне обстреляли Белозерку и Антоновку\nВ Белозерке дрон сбросил "
                      "взрывчатку на многоквартирный дом. В Антоновке артиллерийский снаряд повредил подстанцию.")
    assert sorted((r.place.name if r.place else None, r.target.type, r.claimant) for r in found) \
        == [("Antonivka", "energy.power", "UA"), ("Bilozerka", "civilian.residential", "UA")]
    found = incidents("🔴 Харківщина: наслідки обстрілів\n▪️Куп'янськ — окупанти скинули КАБ на житловий будинок;\n"
                      "▪️Борова — артобстріл, пошкоджено магазин.")
    assert sorted((r.place.name if r.place else None, r.weapon, r.actor) for r in found) \
        == [("Borova", "artillery", "RU"), ("Kupiansk", "glide_bomb", "RU")]


def test_a_headline_and_its_story_deny_once_and_repelled_attacks_are_no_strike() -> None:
    found = incidents("Украинская сторона опровергла обвинения в атаке на Белгород\nВ ВСУ заявили, что не наносили "
                      "удара по жилому дому в Белгороде и что дом повредила ракета российского ПВО.")
    assert [r.stance for r in found] == ["denial"]
    assert incidents("Сводка: противник трижды пытался атаковать наши позиции у Работино, все атаки отбиты.") == []


def test_a_denials_counter_claim_in_the_next_sentence_is_part_of_the_denial() -> None:
    found = incidents("В Минобороны России назвали фейком сообщения о ракетном ударе по больнице в Запорожье. В "
                      "ведомстве заявили, что повреждения в больнице вызваны падением ракеты украинского ПВО.")
    assert [(r.stance, r.actor, r.claimant) for r in found] == [("denial", "UA", "RU")]


def test_a_place_before_a_line_break_is_not_the_speaker_of_the_next_line() -> None:
    found = incidents("Генштаб ВСУ подтвердил поражение нефтеперерабатывающего завода в Кстово\nПо данным "
                      "украинских военных, в ночь на вторник дроны атаковали НПЗ в Нижегородской области.")
    assert [(r.place.name if r.place else None, r.stance) for r in found] == [("Kstovo", "confirmation")]


def test_the_city_is_no_bridge_and_a_bridge_is() -> None:
    # Ukrainian "по місту" (at the city) shares its stem with "міст" (a bridge)
    assert [r.target.type for r in incidents("У Запоріжжі ворог випустив по місту дві ракети, повідомив Федоров.")] \
        == ["unknown"]
    assert [r.target.type for r in incidents("Російські військові підірвали міст поблизу Курахового.")] \
        == ["infrastructure.bridge"]


def test_statement_days_background_paragraphs_and_strikes_on_outskirts() -> None:
    found = extract_text("The Kremlin on Thursday rejected Ukrainian accusations that a Russian drone had hit an "
                         "energy facility in Kherson on Wednesday.", report_id="a", published=date(2025, 3, 27))
    assert [r.when_start.date() if r.when_start else None for r in found if r.is_incident] == [date(2025, 3, 26)]
    found = incidents("Russian drones struck port infrastructure in Reni before dawn on Monday, officials said.\n"
                      "In recent days Russian missiles have repeatedly hit grain terminals in Odesa and Chornomorsk.")
    assert [r.place.name if r.place else None for r in found] == ["Reni"]
    found = incidents("Сумская ОВА: российский вертолёт выпустил неуправляемые ракеты по окраине Белополья.")
    assert [r.place.name if r.place else None for r in found] == ["Bilopillia"]
