"""Server-side SVG charts: a timeline of covered incidents per accused party, and nightly launch counts, each with
every account's window shaded. Plain SVG strings, every text escaped, so they work in a file with no scripts."""

from __future__ import annotations

import zlib
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any

from markupsafe import Markup, escape

from ceasefire.model.agreement import Agreement

WINDOW_COLOURS = ("#1b9e77", "#d95f02", "#7570b3", "#e7298a", "#66a61e", "#a6761d")
GRADE_COLOURS = {"corroborated": "#1a1a1a", "disputed": "#b8860b", "alleged": "#c0392b", "unattributed": "#8c8c8c"}
PARTY_COLOURS = {"RU": "#c0392b", "UA": "#1f5fa8", "US": "#6a3d9a"}
OTHER_PARTY_COLOURS = ("#2a9d8f", "#e76f51", "#8d6e63", "#5c6bc0", "#7cb342")
WEAPON_COLOURS = {"drone": "#e08214", "missile": "#542788"}
FONT = 'font-family="system-ui, sans-serif"'


def party_colour(party: str | None, known: Sequence[str] = ()) -> str:
    if party is None:
        return "#8c8c8c"
    if party in PARTY_COLOURS:
        return PARTY_COLOURS[party]
    others = [p for p in known if p not in PARTY_COLOURS]
    index = others.index(party) if party in others else sum(map(ord, party))
    return OTHER_PARTY_COLOURS[index % len(OTHER_PARTY_COLOURS)]


@dataclass(frozen=True, slots=True)
class Band:
    """One account's window, as drawn: [start, end) in naive UTC; ``open_end`` when no end was stated."""

    label: str
    start: datetime
    end: datetime
    open_end: bool
    colour: str


def account_bands(agreement: Agreement, span_end: datetime) -> list[Band]:
    bands = []
    for i, account in enumerate(agreement.accounts):
        start = account.window.start_utc()
        end = account.window.end_utc()
        label = f"{account.party} account ({account.account_id})"
        bands.append(Band(label, start, end or span_end, end is None, WINDOW_COLOURS[i % len(WINDOW_COLOURS)]))
    return bands


def agreement_span(agreement: Agreement, *, margin_days: int = 7) -> tuple[datetime, datetime]:
    """The time range a chart of this agreement shows: its windows and a margin either side."""
    starts = [a.window.start_utc() for a in agreement.accounts] or [agreement.announced.replace(tzinfo=None)]
    ends = [a.window.end_utc() or a.window.start_utc() + timedelta(days=30) for a in agreement.accounts] or [
        starts[0] + timedelta(days=30)
    ]
    start = datetime.combine(min(starts).date() - timedelta(days=margin_days), datetime.min.time())
    end = datetime.combine(max(ends).date() + timedelta(days=margin_days + 1), datetime.min.time())
    return start, end


class _TimeAxis:
    def __init__(self, start: datetime, end: datetime, left: float, width: float) -> None:
        self.start, self.end, self.left, self.width = start, end, left, width
        self.seconds = max((end - start).total_seconds(), 1.0)

    def x(self, when: datetime) -> float:
        return self.left + (when - self.start).total_seconds() / self.seconds * self.width

    def ticks(self) -> list[datetime]:
        days = self.seconds / 86400
        step = next((s for s in (1, 2, 7, 14, 30, 61, 91, 182, 365) if days / s <= 10), 730)
        first = datetime.combine(self.start.date(), datetime.min.time())
        if first < self.start:
            first += timedelta(days=1)
        if step >= 7:  # start weekly and longer steps on a Monday or the 1st, so labels read as dates people use
            while (step < 30 and first.weekday() != 0) or (step >= 30 and first.day != 1):
                first += timedelta(days=1)
        ticks = []
        tick = first
        while tick <= self.end:
            ticks.append(tick)
            tick = _add_months(tick, step // 30) if step >= 30 else tick + timedelta(days=step)
        return ticks


def _add_months(when: datetime, months: int) -> datetime:
    month = when.month - 1 + months
    return when.replace(year=when.year + month // 12, month=month % 12 + 1, day=1)


def _label(tick: datetime) -> str:
    return tick.strftime("%d %b %Y") if tick.day == 1 and tick.month == 1 else tick.strftime("%d %b")


def _text(x: float, y: float, body: object, *, anchor: str = "start", size: int = 12, weight: str = "normal",
          fill: str = "#222", extra: str = "") -> str:
    return (f'<text x="{x:.1f}" y="{y:.1f}" text-anchor="{anchor}" font-size="{size}" font-weight="{weight}" '
            f'fill="{fill}" {FONT}{extra}>{escape(body)}</text>')


def _bands_svg(axis: _TimeAxis, bands: Sequence[Band], top: float, height: float) -> list[str]:
    parts = []
    for band in bands:
        x0 = max(axis.x(band.start), axis.left)
        x1 = min(axis.x(band.end), axis.left + axis.width)
        if x1 <= x0:
            continue
        parts.append(f'<rect class="window" x="{x0:.1f}" y="{top:.1f}" width="{x1 - x0:.1f}" height="{height:.1f}" '
                     f'fill="{band.colour}" fill-opacity="0.13" stroke="{band.colour}" stroke-opacity="0.7" '
                     f'stroke-dasharray="{"4 3" if band.open_end else "none"}"><title>{escape(band.label)}: '
                     f"{band.start:%d %b %Y %H:%M} UTC to {_end_text(band)}</title></rect>")
    return parts


def _end_text(band: Band) -> str:
    return "no end stated" if band.open_end else f"{band.end:%d %b %Y %H:%M} UTC"


def _legend(items: Sequence[tuple[str, str, str]], x: float, y: float, width: float) -> tuple[list[str], float]:
    """Legend entries (shape, colour, label) laid out left to right, wrapping; returns the parts and the height."""
    parts = []
    cx, cy = x, y
    for shape, colour, label in items:
        item_width = 26 + 7 * len(label)
        if cx + item_width > x + width and cx > x:
            cx, cy = x, cy + 20
        if shape == "dot":
            parts.append(f'<circle cx="{cx + 7:.1f}" cy="{cy - 4:.1f}" r="5" fill="{colour}"/>')
        else:
            opacity = "0.25" if shape == "band" else "1"
            dash = ' stroke-dasharray="4 3"' if shape == "band-open" else ""
            parts.append(f'<rect x="{cx:.1f}" y="{cy - 11:.1f}" width="14" height="12" fill="{colour}" '
                         f'fill-opacity="{opacity if shape != "band-open" else "0.25"}" stroke="{colour}"{dash}/>')
        parts.append(_text(cx + 19, cy, label, size=12))
        cx += item_width
    return parts, cy - y + 20


def _window_legend(bands: Sequence[Band]) -> list[tuple[str, str, str]]:
    return [("band-open" if b.open_end else "band", b.colour,
             f"{b.label} window{' (no end stated)' if b.open_end else ''}") for b in bands]


def timeline_svg(agreement: Agreement, covered: Sequence[dict[str, Any]] | None,
                 days: Sequence[dict[str, Any]] = (), *, width: int = 960) -> Markup:
    """Covered incidents per accused party over time, with each account's window shaded behind them.

    ``covered`` has a row per incident (drawn as a dot each); when it is None, ``days`` has a row per accused
    party, day and grade with a count ``n``, drawn as one circle per party and day, its area growing with the count.
    """
    start, end = agreement_span(agreement)
    rows = list(covered) if covered is not None else []
    times = [r["when_start"] for r in rows if r["when_start"] is not None]
    times += [datetime.combine(r["day"], datetime.min.time()) for r in days]
    if times:  # an account with no end can cover incidents long after the others end: show them all
        start = min(start, datetime.combine(min(times).date(), datetime.min.time()) - timedelta(days=1))
        end = max(end, datetime.combine(max(times).date(), datetime.min.time()) + timedelta(days=2))
    counts: dict[str, int] = {}
    for r in rows:
        key = str(r["accused"]) if r["accused"] else "unknown"
        counts[key] = counts.get(key, 0) + 1
    for r in days:
        key = str(r["accused"]) if r["accused"] else "unknown"
        counts[key] = counts.get(key, 0) + int(r["n"])
    parties = sorted(counts) or ["(none covered)"]
    left, right, top, lane = 150.0, 20.0, 40.0, 44.0
    axis = _TimeAxis(start, end, left, width - left - right)
    plot_height = lane * len(parties)
    bands = account_bands(agreement, end)
    parts = [_text(left, 22, "Incidents covered by at least one account, per accused party", size=14,
                   weight="bold")]
    parts += _bands_svg(axis, bands, top, plot_height)
    for i, party in enumerate(parties):
        y = top + lane * i + lane / 2
        parts.append(f'<line x1="{left}" x2="{width - right}" y1="{y:.1f}" y2="{y:.1f}" stroke="#ddd"/>')
        parts.append(_text(left - 8, y + 4, f"{party} ({counts.get(party, 0):,})", anchor="end", size=13))
    lanes = {p: i for i, p in enumerate(parties)}
    for r in rows:
        when = r["when_start"]
        if when is None or not (start <= when < end):
            continue
        i = lanes.get(str(r["accused"]) if r["accused"] else "unknown", 0)
        jitter = (zlib.crc32(str(r["subject_id"]).encode()) % 17 - 8) * 1.6
        y = top + lane * i + lane / 2 + jitter
        grade = str(r.get("grade") or "unattributed")
        colour = GRADE_COLOURS.get(grade, "#8c8c8c")
        accounts = ", ".join(r.get("accounts") or [])
        parts.append(f'<circle class="incident" cx="{axis.x(when):.1f}" cy="{y:.1f}" r="4.5" fill="{colour}" '
                     f'fill-opacity="0.8"><title>{escape(r["subject_id"])}, {when:%d %b %Y %H:%M} UTC, '
                     f"{escape(grade)}; covered under: {escape(accounts)}</title></circle>")
    parts += _day_circles(axis, days, lanes, top, lane)
    parts += _x_axis(axis, top + plot_height, "Date (UTC)")
    parts.append(_text(18, top + plot_height / 2, "Accused party", anchor="middle", size=12,
                       extra=f' transform="rotate(-90 18 {top + plot_height / 2:.1f})"'))
    legend_items = [("dot", GRADE_COLOURS[g], g) for g in GRADE_COLOURS] + _window_legend(bands)
    if days:
        legend_items.append(("dot", "#bbb", "circle area: incidents that day (colour: most common grade)"))
    legend, legend_height = _legend(legend_items, left, top + plot_height + 62, width - left - right)
    parts += legend
    height = top + plot_height + 62 + legend_height
    return _svg(width, height, parts, f"Timeline of covered incidents for {agreement.title}")


def _day_circles(axis: _TimeAxis, days: Sequence[dict[str, Any]], lanes: dict[str, int], top: float,
                 lane: float) -> list[str]:
    per_day: dict[tuple[str, date], dict[str, int]] = {}
    for r in days:
        key = (str(r["accused"]) if r["accused"] else "unknown", r["day"])
        grades = per_day.setdefault(key, {})
        grade = str(r["grade"] or "unattributed")
        grades[grade] = grades.get(grade, 0) + int(r["n"])
    biggest = max((sum(g.values()) for g in per_day.values()), default=1)
    parts = []
    for (party, day), grades in sorted(per_day.items()):
        total = sum(grades.values())
        main = max(grades, key=lambda g: grades[g])
        x = axis.x(datetime.combine(day, datetime.min.time()) + timedelta(hours=12))
        y = top + lane * lanes.get(party, 0) + lane / 2
        radius = 1.5 + 8.5 * (total / biggest) ** 0.5
        detail = ", ".join(f"{n:,} {g}" for g, n in sorted(grades.items()))
        parts.append(f'<circle class="day" cx="{x:.1f}" cy="{y:.1f}" r="{radius:.1f}" '
                     f'fill="{GRADE_COLOURS.get(main, "#8c8c8c")}" fill-opacity="0.6"><title>{escape(party)}, '
                     f"{day:%d %b %Y}: {total:,} covered incidents ({escape(detail)})</title></circle>")
    return parts


def _x_axis(axis: _TimeAxis, y: float, title: str) -> list[str]:
    parts = [f'<line x1="{axis.left}" x2="{axis.left + axis.width:.1f}" y1="{y:.1f}" y2="{y:.1f}" stroke="#333"/>']
    for tick in axis.ticks():
        x = axis.x(tick)
        parts.append(f'<line x1="{x:.1f}" x2="{x:.1f}" y1="{y:.1f}" y2="{y + 5:.1f}" stroke="#333"/>')
        parts.append(_text(x, y + 19, _label(tick), anchor="middle", size=11))
    parts.append(_text(axis.left + axis.width / 2, y + 40, title, anchor="middle", size=12, weight="bold"))
    return parts


def tallies_svg(agreement: Agreement, nights: Sequence[dict[str, Any]], *, width: int = 960) -> Markup:
    """Launches per night (Air Force counts), drones and missiles stacked, with each account's window shaded."""
    start, end = agreement_span(agreement, margin_days=14)
    left, right, top, height_plot = 70.0, 20.0, 40.0, 240.0
    axis = _TimeAxis(start, end, left, width - left - right)
    per_night: dict[date, dict[str, float]] = {}
    for row in nights:
        weapon = str(row["weapon"]) if row["weapon"] in WEAPON_COLOURS else "other"
        per_night.setdefault(row["night"], {}).setdefault(weapon, 0.0)
        per_night[row["night"]][weapon] += float(row["launched"] or 0)
    peak = max((sum(v.values()) for v in per_night.values()), default=0.0)
    scale_max = _nice_ceiling(peak)
    bands = account_bands(agreement, end)
    parts = [_text(left, 22, "Drones and missiles launched per night (Ukrainian Air Force counts)", size=14,
                   weight="bold")]
    parts += _bands_svg(axis, bands, top, height_plot)
    for value in _steps(scale_max):
        y = top + height_plot - value / scale_max * height_plot
        parts.append(f'<line x1="{left}" x2="{width - right}" y1="{y:.1f}" y2="{y:.1f}" stroke="#e4e4e4"/>')
        parts.append(_text(left - 6, y + 4, f"{value:,.0f}", anchor="end", size=11))
    bar = max(axis.width / max((end - start).days, 1) - 1.5, 1.0)
    colours = {**WEAPON_COLOURS, "other": "#999"}
    for night, by_weapon in sorted(per_night.items()):
        x = axis.x(datetime.combine(night, datetime.min.time()))
        base = top + height_plot
        for weapon in ("drone", "missile", "other"):
            value = by_weapon.get(weapon, 0.0)
            if value <= 0:
                continue
            h = value / scale_max * height_plot
            base -= h
            parts.append(f'<rect class="night" x="{x:.1f}" y="{base:.1f}" width="{bar:.1f}" height="{h:.1f}" '
                         f'fill="{colours[weapon]}"><title>night of {night:%d %b %Y}: {value:,.0f} '
                         f'{escape(weapon)} launched</title></rect>')
    if not per_night:
        parts.append(_text(left + axis.width / 2, top + height_plot / 2, "No Air Force counts in this workspace for "
                           "these dates", anchor="middle", size=13, fill="#666"))
    parts += _x_axis(axis, top + height_plot, "Night starting (UTC date)")
    parts.append(_text(18, top + height_plot / 2, "Launched per night", anchor="middle", size=12, weight="bold",
                       extra=f' transform="rotate(-90 18 {top + height_plot / 2:.1f})"'))
    legend_items = [("box", WEAPON_COLOURS["drone"], "drones launched"),
                    ("box", WEAPON_COLOURS["missile"], "missiles launched"), *_window_legend(bands)]
    legend, legend_height = _legend(legend_items, left, top + height_plot + 62, width - left - right)
    parts += legend
    return _svg(width, top + height_plot + 62 + legend_height, parts,
                f"Launches per night around {agreement.title}")


def _nice_ceiling(value: float) -> float:
    if value <= 0:
        return 10.0
    magnitude = 10 ** (len(str(int(value))) - 1)
    for factor in (1, 2, 2.5, 5, 10):
        if value <= factor * magnitude:
            return float(factor * magnitude)
    return float(10 * magnitude)


def _steps(maximum: float) -> list[float]:
    return [maximum * i / 5 for i in range(6)]


def _svg(width: float, height: float, parts: Sequence[str], label: str) -> Markup:
    return Markup(
        f'<svg xmlns="http://www.w3.org/2000/svg" class="chart" viewBox="0 0 {width:.0f} {height:.0f}" '
        f'width="{width:.0f}" height="{height:.0f}" role="img" aria-label="{escape(label)}">'
        f"<title>{escape(label)}</title>{''.join(parts)}</svg>"
    )


EVENT_MARKS = {"first_stated": "first stated", "repeated": "repeated", "reworded": "reworded", "dropped": "dropped"}


def demands_svg(demands: Sequence[dict[str, Any]], *, width: int = 960) -> Markup:
    """Each demand as a row (grouped by party), its statements over time: first stated, repeated, reworded,
    dropped. ``demands`` are records in the shape ``ceasefire.demands`` gives in JSON."""
    rows = sorted(demands, key=lambda d: (str(d.get("party") or "~"), str(d.get("first_stated") or "")))
    dates = [date.fromisoformat(e["date"]) for d in rows for e in d.get("events") or [] if e.get("date")]
    if not dates:
        dates = [date.today()]
    start = datetime.combine(min(dates) - timedelta(days=3), datetime.min.time())
    end = datetime.combine(max(dates) + timedelta(days=4), datetime.min.time())
    left, right, top, row_height = 330.0, 20.0, 40.0, 26.0
    axis = _TimeAxis(start, end, left, width - left - right)
    parts = [_text(left, 22, "Demands over time", size=14, weight="bold")]
    for i, demand in enumerate(rows):
        y = top + row_height * i + row_height / 2
        party = str(demand.get("party") or "unknown")
        wording = str(demand.get("demand") or "")
        short = wording if len(wording) <= 40 else wording[:39] + "…"
        parts.append(f'<line x1="{left}" x2="{width - right}" y1="{y:.1f}" y2="{y:.1f}" stroke="#eee"/>')
        parts.append(_text(left - 8, y + 4, f"{party}: {short}", anchor="end", size=11,
                           fill=party_colour(party)).replace("</text>", f"<title>{escape(wording)}</title></text>"))
        events = [e for e in demand.get("events") or [] if e.get("date")]
        if events and events[-1].get("event") != "dropped":
            x0 = axis.x(datetime.combine(date.fromisoformat(events[0]["date"]), datetime.min.time()))
            parts.append(f'<line x1="{x0:.1f}" x2="{width - right:.1f}" y1="{y:.1f}" y2="{y:.1f}" '
                         f'stroke="{party_colour(party)}" stroke-opacity="0.35" stroke-width="3"/>')
        seen: dict[str, int] = {}
        for event in events:
            same_day = seen.get(event["date"], 0)  # several statements on one day sit side by side, not on top
            seen[event["date"]] = same_day + 1
            x = axis.x(datetime.combine(date.fromisoformat(event["date"]), datetime.min.time()) + timedelta(hours=12))
            x += 13 * same_day
            kind = str(event.get("event") or "")
            tip = f"{event['date']}: {EVENT_MARKS.get(kind, kind)} by {event.get('source') or 'unknown source'}"
            parts.append(_event_mark(kind, x, y, party_colour(party), tip))
    plot_height = row_height * max(len(rows), 1)
    parts += _x_axis(axis, top + plot_height, "Date the demand was stated")
    legend = [("dot", "#444", "first stated"), ("box", "#444", "repeated"), ("dot", "#999", "reworded (hollow)"),
              ("box", "#c0392b", "dropped (×)")]
    items, legend_height = _legend(legend, left, top + plot_height + 62, width - left - right)
    parts += items
    return _svg(width, top + plot_height + 62 + legend_height, parts, "Demands over time")


def _event_mark(kind: str, x: float, y: float, colour: str, tip: str) -> str:
    title = f"<title>{escape(tip)}</title>"
    if kind == "first_stated":
        return f'<circle class="demand-event" cx="{x:.1f}" cy="{y:.1f}" r="6" fill="{colour}">{title}</circle>'
    if kind == "reworded":
        return (f'<circle class="demand-event" cx="{x:.1f}" cy="{y:.1f}" r="5.5" fill="#fff" stroke="{colour}" '
                f'stroke-width="2">{title}</circle>')
    if kind == "dropped":
        return (f'<path class="demand-event" d="M{x - 5:.1f},{y - 5:.1f}L{x + 5:.1f},{y + 5:.1f}M{x - 5:.1f},'
                f'{y + 5:.1f}L{x + 5:.1f},{y - 5:.1f}" stroke="#c0392b" stroke-width="2.5">{title}</path>')
    return (f'<rect class="demand-event" x="{x - 3.5:.1f}" y="{y - 3.5:.1f}" width="7" height="7" '
            f'fill="{colour}">{title}</rect>')
