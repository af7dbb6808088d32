"""When: date phrases in English, Ukrainian and Russian, resolved against the publication date.

Every phrase becomes an interval of whole days or a night. A night ending on day D is [D-1 18:00, D 08:00);
a day D is [D 00:00, D+1 00:00). Times are naive, like the rest of the report record.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

_MONTHS_EN = {m: i + 1 for i, m in enumerate(
    ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
     "november", "december"])}
_MONTHS_EN.update({k[:3]: v for k, v in list(_MONTHS_EN.items())})
_MONTHS_EN["sept"] = 9
_MONTHS_UK = {"січ": 1, "лют": 2, "берез": 3, "квіт": 4, "трав": 5, "черв": 6, "лип": 7, "серп": 8, "верес": 9,
              "жовт": 10, "листопад": 11, "груд": 12}
_MONTHS_RU = {"январ": 1, "феврал": 2, "март": 3, "апрел": 4, "ма": 5, "июн": 6, "июл": 7, "август": 8,
              "сентябр": 9, "октябр": 10, "ноябр": 11, "декабр": 12}
_WEEKDAYS_EN = {d: i for i, d in enumerate(
    ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"])}
_WEEKDAYS_UK = {"понеділ": 0, "вівтор": 1, "серед": 2, "серу": 2, "четвер": 3, "п'ятниц": 4, "пятниц": 4,
                "субот": 5, "неділ": 6}
_WEEKDAYS_RU = {"понедельник": 0, "вторник": 1, "сред": 2, "четверг": 3, "пятниц": 4, "суббот": 5,
                "воскресень": 6}

_EN_MONTH = r"(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|" \
            r"oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
_UK_MONTH = r"(січня|лютого|березня|квітня|травня|червня|липня|серпня|вересня|жовтня|листопада|грудня)"
_RU_MONTH = r"(января|февраля|марта|апреля|мая|июня|июля|августа|сентября|октября|ноября|декабря)"
_EN_DAY = r"(monday|tuesday|wednesday|thursday|friday|saturday|sunday)"
_UK_DAY = r"(понеділок|вівторок|середу|четвер|п'ятницю|пятницю|суботу|неділю)"
_RU_DAY = r"(понедельник|вторник|среду|четверг|пятницу|субботу|воскресенье)"
_YEAR = r"(?:,?\s+(\d{4}))?"
_NUM = r"(\d{1,2})(?:st|nd|rd|th|-?го|-?е)?"


@dataclass(frozen=True, slots=True)
class DatePhrase:
    start: int  # character offset
    end: int
    first: date  # first day (for a night: the evening's day)
    last: date  # last day (for a night: the morning's day)
    night: bool
    precision: int = 0  # 3 a calendar date, 2 a weekday, 1 relative to publication ("yesterday"), 0 vague
    daytime: bool = False  # "днём", "удень": a part of the day the text is already on (publication day by default)

    def interval(self) -> tuple[datetime, datetime]:
        if self.night:
            return datetime.combine(self.first, time(18)), datetime.combine(self.last, time(8))
        return datetime.combine(self.first, time()), datetime.combine(self.last + timedelta(days=1), time())


def _rx(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern, re.IGNORECASE)


# (regex, handler name). Order matters: earlier patterns claim their span first.
_EN = [
    (_rx(rf"\bnight of {_NUM}\s*(?:-|–|to|into|and)\s*{_NUM}\s+{_EN_MONTH}{_YEAR}"), "night_range_dm"),
    (_rx(rf"\bnight of {_EN_MONTH}\s+{_NUM}\s*(?:-|–|to|into|and)\s*{_NUM}{_YEAR}"), "night_range_md"),
    (_rx(rf"\b(?:overnight|during the night|in the night|on the night)\s+(?:into|to|before|on)\s+{_EN_DAY}"),
     "night_to_weekday"),
    (_rx(rf"\b(?:on\s+)?{_EN_DAY}\s+night"), "night_from_weekday"),
    (_rx(rf"\b(?:overnight|during the night|in the night|on the night)\s+(?:into|to|before|on|of)\s+"
         rf"{_EN_MONTH}\s+{_NUM}"), "night_to_md"),
    (_rx(rf"\b(?:overnight|during the night|in the night|on the night)\s+(?:into|to|before|on|of)\s+(?:the\s+)?"
         rf"{_NUM}\s+(?:of\s+)?{_EN_MONTH}"), "night_to_dm"),
    (_rx(r"\b(?:overnight|last night|during the night|in the night|night-time|nighttime|overnight attack)\b"),
     "night_last"),
    (_rx(rf"\b{_NUM}\s+(?:of\s+)?{_EN_MONTH}{_YEAR}"), "dm"),
    (_rx(rf"\b{_EN_MONTH}\s+{_NUM}\b{_YEAR}"), "md"),
    (_rx(r"\b(\d{4})-(\d{2})-(\d{2})\b"), "iso"),
    (_rx(rf"\b(?:early\s+|late\s+)?(?:on\s+)?{_EN_DAY}\b"), "weekday"),
    (_rx(r"\beaster (?:night|eve)\b|\bnight (?:before|of) easter\b"), "easter_night"),
    (_rx(r"\beaster(?: sunday| day| morning)?\b"), "easter"),
    (_rx(r"\bchristmas(?: day| morning)?\b"), "christmas"),
    (_rx(r"\bnew year'?s? (?:eve|night)\b"), "new_year_night"),
    (_rx(r"\bnew year'?s? day\b"), "new_year"),
    (_rx(r"\b(?:day before yesterday|two days ago)\b"), "before_yesterday"),
    (_rx(r"\b(?:yesterday|yesterday's)\b"), "yesterday"),
    (_rx(r"\b(?:today|today's|this morning|earlier today|this afternoon|this evening|on the day)\b"), "today"),
]
_UK = [
    (_rx(rf"\bніч\s+(?:з|із)\s+{_NUM}\s+(?:на|до)\s+{_NUM}\s+{_UK_MONTH}{_YEAR}"), "night_range_dm"),
    (_rx(rf"\bніч\s+(?:з|із)\s+{_NUM}\s+{_UK_MONTH}\s+(?:на|до)\s+{_NUM}\s+{_UK_MONTH}{_YEAR}"),
     "night_range_dmdm"),
    (_rx(rf"\bніч\s+на\s+{_NUM}\s+{_UK_MONTH}{_YEAR}"), "night_to_dm"),
    (_rx(rf"\bніч\s+на\s+{_UK_DAY}"), "night_to_weekday"),
    (_rx(rf"\b(?:у|в)\s+{_UK_DAY}\s+(?:вночі|уночі)"), "night_to_weekday"),
    (_rx(r"\b(?:минулої ночі|цієї ночі|вночі|уночі|нічн\w+|цієї ж ночі|протягом ночі|цю ніч|ніччю|вноч[іи])\b"),
     "night_last"),
    (_rx(rf"\b{_NUM}\s+{_UK_MONTH}{_YEAR}"), "dm"),
    (_rx(r"\b(\d{4})-(\d{2})-(\d{2})\b"), "iso"),
    (_rx(r"\b(\d{1,2})\.(\d{1,2})\.(\d{4})\b"), "dmy_dots"),
    (_rx(rf"\b(?:у|в|во)\s+{_UK_DAY}"), "weekday"),
    (_rx(r"\b(?:великодн\w* ніч\w*|ніч\w* на великдень|ніч\w* перед великоднем)\b"), "easter_night"),
    (_rx(r"\b(?:на великдень|у великдень|в великдень|великодн\w*|великдень)\b"), "easter"),
    (_rx(r"\b(?:на різдво|у різдво|різдвян\w*|різдво)\b"), "christmas"),
    (_rx(r"\b(?:позавчора|два дні тому)\b"), "before_yesterday"),
    (_rx(r"\b(?:учора|вчора|напередодні|вчорашн\w*|учорашн\w*)\b"), "yesterday"),
    (_rx(r"\b(?:сьогодні|сьогоднішн\w*|зранку|вранці|цього ранку)\b"), "today"),
    (_rx(r"\b(?:новорічн\w* ніч\w*|у ніч на новий рік|в ніч на новий рік)\b"), "new_year_night"),
    (_rx(r"\b(?:удень|вдень|ввечері|увечері)\b"), "daytime"),
    (_rx(r"\b(?:ніч минула|ніч пройшла|ніч була)\b"), "night_last"),
]
_RU = [
    (_rx(rf"\bночь\s+с\s+{_NUM}\s+(?:на|до)\s+{_NUM}\s+{_RU_MONTH}{_YEAR}"), "night_range_dm"),
    (_rx(rf"\bночь\s+с\s+{_NUM}\s+{_RU_MONTH}\s+(?:на|до)\s+{_NUM}\s+{_RU_MONTH}{_YEAR}"), "night_range_dmdm"),
    (_rx(rf"\bночь\s+на\s+{_NUM}\s+{_RU_MONTH}{_YEAR}"), "night_to_dm"),
    (_rx(rf"\bночь\s+на\s+{_RU_DAY}"), "night_to_weekday"),
    (_rx(rf"\b(?:в|во)\s+{_RU_DAY}\s+ночью"), "night_to_weekday"),
    (_rx(r"\b(?:минувшей ночью|прошлой ночью|этой ночью|ночью|в течение ночи|ночн\w+|сегодня ночью)\b"),
     "night_last"),
    (_rx(rf"\b{_NUM}\s+{_RU_MONTH}{_YEAR}"), "dm"),
    (_rx(r"\b(\d{4})-(\d{2})-(\d{2})\b"), "iso"),
    (_rx(r"\b(\d{1,2})\.(\d{1,2})\.(\d{4})\b"), "dmy_dots"),
    (_rx(rf"\b(?:в|во)\s+{_RU_DAY}"), "weekday"),
    (_rx(r"\b(?:пасхальн\w* ноч\w*|ночь на пасху)\b"), "easter_night"),
    (_rx(r"\b(?:на пасху|пасхальн\w*|пасха|пасху)\b"), "easter"),
    (_rx(r"\b(?:на рождество|рождественск\w*|рождество)\b"), "christmas"),
    (_rx(r"\b(?:позавчера|два дня назад)\b"), "before_yesterday"),
    (_rx(r"\b(?:вчера|накануне|вчерашн\w*)\b"), "yesterday"),
    (_rx(r"\b(?:сегодня|сегодняшн\w*|утром|этим утром)\b"), "today"),
    (_rx(r"\b(?:новогодн\w* ноч\w*|в ночь на новый год)\b"), "new_year_night"),
    (_rx(r"\b(?:днем|днём|вечером)\b"), "daytime"),
    (_rx(r"\b(?:ночь прошла|ночь была)\b"), "night_last"),
]
_PATTERNS = {"en": _EN, "uk": _UK, "ru": _RU}
# The same patterns for lower-cased text (no letter in them is upper-case), each with whether it needs a digit:
# a case-sensitive scan is faster, and a text with no digit skips the calendar patterns.
_LOWER: dict[str, list[tuple[re.Pattern[str], str, bool]]] = {
    lang: [(re.compile(rx.pattern), kind, "\\d" in rx.pattern) for rx, kind in patterns]
    for lang, patterns in _PATTERNS.items()
}
_DIGIT = re.compile(r"\d")
_PRECISION = {
    "night_range_dm": 3, "night_range_md": 3, "night_range_dmdm": 3, "night_to_md": 3, "night_to_dm": 3, "dm": 3,
    "md": 3, "iso": 3, "dmy_dots": 3, "night_to_weekday": 2, "night_from_weekday": 2, "weekday": 2,
    "night_last": 1, "yesterday": 1, "before_yesterday": 1, "today": 0, "daytime": 0,
    "easter": 2, "easter_night": 2, "christmas": 2, "new_year": 2, "new_year_night": 2,
}


# Orthodox Easter Sunday by year (the Easter truce of 2025 was called for Orthodox Easter, 20 April).
_EASTER = {2022: date(2022, 4, 24), 2023: date(2023, 4, 16), 2024: date(2024, 5, 5), 2025: date(2025, 4, 20),
           2026: date(2026, 4, 12), 2027: date(2027, 5, 2), 2028: date(2028, 4, 16)}


def _holiday(kind: str, published: date) -> date | None:
    """The latest such holiday not after publication: Easter, Christmas (25 December), New Year."""
    for year in (published.year, published.year - 1):
        if kind == "easter":
            found = _EASTER.get(year)
        elif kind == "christmas":
            found = date(year, 12, 25)
        else:
            found = date(year, 1, 1)
        if found is not None and found <= published + timedelta(days=1):
            return found
    return None


def _month(word: str, lang: str) -> int:
    word = word.lower().rstrip(".")
    if lang == "en":
        return _MONTHS_EN.get(word, _MONTHS_EN.get(word[:3], 0))
    table = _MONTHS_UK if lang == "uk" else _MONTHS_RU
    for prefix, number in sorted(table.items(), key=lambda kv: -len(kv[0])):
        if word.startswith(prefix):
            return number
    return 0


def _weekday(word: str, lang: str) -> int:
    word = word.lower().replace("’", "'")
    if lang == "en":
        return _WEEKDAYS_EN[word]
    table = _WEEKDAYS_UK if lang == "uk" else _WEEKDAYS_RU
    for prefix, number in table.items():
        if word.startswith(prefix):
            return number
    return -1


def _day(year: int | None, month: int, day: int, published: date) -> date | None:
    """A day-month (and perhaps year) as the latest such date not far after publication."""
    try:
        if year:
            return date(year, month, day)
        candidate = date(published.year, month, day)
    except ValueError:
        return None
    if candidate > published + timedelta(days=2):
        try:
            candidate = date(published.year - 1, month, day)
        except ValueError:
            return None
    return candidate


def _last_weekday(weekday: int, published: date) -> date:
    return published - timedelta(days=(published.weekday() - weekday) % 7)


def _year(text: str | None) -> int | None:
    return int(text) if text else None


def _resolve(kind: str, groups: tuple[str | None, ...], lang: str, published: date) -> tuple[date, date, bool] | None:
    g = groups
    if kind == "night_range_dm":
        month = _month(g[2] or "", lang)
        first = _day(_year(g[3]), month, int(g[0] or 0), published) if month else None
        last = _day(_year(g[3]), month, int(g[1] or 0), published) if month else None
        return (first, last, True) if first and last else None
    if kind == "night_range_md":
        month = _month(g[0] or "", lang)
        first = _day(_year(g[3]), month, int(g[1] or 0), published) if month else None
        last = _day(_year(g[3]), month, int(g[2] or 0), published) if month else None
        return (first, last, True) if first and last else None
    if kind == "night_range_dmdm":
        m1, m2 = _month(g[1] or "", lang), _month(g[3] or "", lang)
        first = _day(_year(g[4]), m1, int(g[0] or 0), published) if m1 else None
        last = _day(_year(g[4]), m2, int(g[2] or 0), published) if m2 else None
        return (first, last, True) if first and last else None
    if kind == "night_to_weekday":
        last = _last_weekday(_weekday(g[0] or "", lang), published)
        return last - timedelta(days=1), last, True
    if kind == "night_from_weekday":
        first = _last_weekday(_weekday(g[0] or "", lang), published)
        return first, first + timedelta(days=1), True
    if kind in ("night_to_md", "night_to_dm"):
        if kind == "night_to_md":
            month, day, year = _month(g[0] or "", lang), int(g[1] or 0), None
        else:
            day, month, year = int(g[0] or 0), _month(g[1] or "", lang), _year(g[2] if len(g) > 2 else None)
        last = _day(year, month, day, published) if month else None
        return (last - timedelta(days=1), last, True) if last else None
    if kind == "night_last":
        return published - timedelta(days=1), published, True
    if kind == "dm":
        month = _month(g[1] or "", lang)
        found = _day(_year(g[2]), month, int(g[0] or 0), published) if month else None
        return (found, found, False) if found else None
    if kind == "md":
        month = _month(g[0] or "", lang)
        found = _day(_year(g[2]), month, int(g[1] or 0), published) if month else None
        return (found, found, False) if found else None
    if kind == "iso":
        try:
            found = date(int(g[0] or 0), int(g[1] or 0), int(g[2] or 0))
        except ValueError:
            return None
        return found, found, False
    if kind == "dmy_dots":
        try:
            found = date(int(g[2] or 0), int(g[1] or 0), int(g[0] or 0))
        except ValueError:
            return None
        return found, found, False
    if kind == "weekday":
        weekday = _weekday(g[0] or "", lang)
        if weekday < 0:
            return None
        found = _last_weekday(weekday, published)
        return found, found, False
    if kind == "before_yesterday":
        found = published - timedelta(days=2)
        return found, found, False
    if kind == "yesterday":
        found = published - timedelta(days=1)
        return found, found, False
    if kind in ("today", "daytime"):
        return published, published, False
    if kind in ("easter", "christmas", "new_year", "easter_night", "new_year_night"):
        found = _holiday({"easter_night": "easter", "new_year_night": "new_year"}.get(kind, kind), published)
        if found is None:
            return None
        if kind in ("easter_night", "new_year_night"):
            return found - timedelta(days=1), found, True
        return found, found, False
    return None


_UNKNOWN = date(9000, 6, 15)  # stands in for an unknown publication date; phrases resolved near it are dropped


def find_dates(text: str, lang: str, published: date | None) -> list[DatePhrase]:
    """Date phrases in ``text`` in order of appearance; overlapping later patterns are ignored.

    Without a publication date only phrases that carry their own year (or a full date) are kept.
    """
    if published is None:
        return [d for d in find_dates(text, lang, _UNKNOWN) if d.last.year < _UNKNOWN.year - 1]
    found: list[DatePhrase] = []
    taken: list[tuple[int, int]] = []
    lowered = text.lower()
    if len(lowered) == len(text):  # offsets stay the same
        digits = _DIGIT.search(text) is not None
        scans = [(rx, kind) for rx, kind, needs_digit in _LOWER.get(lang, _LOWER["en"]) if digits or not needs_digit]
        text = lowered
    else:
        scans = list(_PATTERNS.get(lang, _EN))
    for pattern, kind in scans:
        for match in pattern.finditer(text):
            start, end = match.span()
            if any(start < t_end and t_start < end for t_start, t_end in taken):
                continue
            resolved = _resolve(kind, match.groups(), lang, published)
            if resolved is None:
                continue
            first, last, night = resolved
            found.append(DatePhrase(start, end, first, last, night, _PRECISION.get(kind, 1), kind == "daytime"))
            taken.append((start, end))
    found.sort(key=lambda d: d.start)
    return found
