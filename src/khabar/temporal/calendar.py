"""Calendar arithmetic for the temporal tagger: months, ISO weeks (Saudi Sunday rule), weekdays, Hijri dates
(Umm al-Qura through `hijridate`, the arithmetical calendar outside its table), and TIMEX3-style formatting."""

from __future__ import annotations

import calendar as _cal
from datetime import date, timedelta

from hijridate import Gregorian, Hijri


def add_months(d: date, n: int) -> date:
    m = d.month - 1 + n
    y = d.year + m // 12
    m = m % 12 + 1
    return date(y, m, min(d.day, _cal.monthrange(y, m)[1]))


def month_last_day(y: int, m: int) -> int:
    return _cal.monthrange(y, m)[1]


def shift(d: date, amount: int, unit: str) -> date:
    """`d` moved by `amount` units (D, W, M, Y, DE, CE); clamps the day at month ends."""
    if unit == "D":
        return d + timedelta(days=amount)
    if unit == "W":
        return d + timedelta(weeks=amount)
    if unit == "M":
        return add_months(d, amount)
    years = {"Y": 1, "DE": 10, "CE": 100}.get(unit, 1) * amount
    y = d.year + years
    return date(y, d.month, min(d.day, month_last_day(y, d.month)))


def iso_week(d: date) -> str:
    """The ISO week of `d`; a Sunday counts with the following week (the Saudi working week starts on Sunday)."""
    if d.weekday() == 6:
        d = d + timedelta(days=1)
    y, w, _ = d.isocalendar()
    return f"{y}-W{w:02d}"


def week_bounds(d: date) -> tuple[date, date]:
    if d.weekday() == 6:
        d = d + timedelta(days=1)
    monday = d - timedelta(days=d.weekday())
    return monday, monday + timedelta(days=6)


def weekday_near(ref: date, weekday: int, mode: str) -> date:
    """The date with `weekday` (Monday 0) relative to `ref`: `past` 1–7 days before, `future` 0–6 days after,
    `next` 1–7 days after, `nearest` within 3 days either side."""
    diff = (ref.weekday() - weekday) % 7
    if mode == "past":
        return ref - timedelta(days=diff or 7)
    ahead = (weekday - ref.weekday()) % 7
    if mode == "future":
        return ref + timedelta(days=ahead)
    if mode == "next":
        return ref + timedelta(days=ahead or 7)
    return ref - timedelta(days=diff) if diff <= 3 else ref + timedelta(days=ahead)


def day(d: date) -> str:
    return d.isoformat()


def month(y: int, m: int) -> str:
    return f"{y:04d}-{m:02d}"


def span(a: date, b: date) -> str:
    return f"{a.isoformat()}/{b.isoformat()}"


def precision_of(a: date, b: date) -> int:
    """ACLED time_precision of a period from a to b (inclusive): 1 one day, 2 up to 11 days, 3 longer."""
    n = (b - a).days + 1
    return 1 if n <= 1 else (2 if n <= 11 else 3)


# ---- Hijri ------------------------------------------------------------------------------------------------------

def _jd_to_date(jd: int) -> date:
    return date.fromordinal(jd - 1721425)


def _tabular(y: int, m: int, d: int) -> date:
    """The arithmetical (tabular, type II) Islamic calendar, for years outside the Umm al-Qura table."""
    days = d + ((59 * (m - 1) + 1) // 2) + 354 * (y - 1) + (3 + 11 * y) // 30 + 1948439 - 1
    return _jd_to_date(days + 0)


def hijri_to_date(y: int, m: int, d: int) -> date:
    try:
        g = Hijri(y, m, d).to_gregorian()
        return date(g.year, g.month, g.day)
    except (OverflowError, ValueError):
        return _tabular(y, m, min(d, 30))


def hijri_month_length(y: int, m: int) -> int:
    try:
        return Hijri(y, m, 1).month_length()
    except (OverflowError, ValueError):
        return 30 if m % 2 == 1 or (m == 12 and (11 * y + 14) % 30 < 11) else 29


def hijri_month_span(y: int, m: int) -> tuple[date, date]:
    a = hijri_to_date(y, m, 1)
    return a, a + timedelta(days=hijri_month_length(y, m) - 1)


def hijri_year_span(y: int) -> tuple[date, date]:
    return hijri_to_date(y, 1, 1), hijri_to_date(y + 1, 1, 1) - timedelta(days=1)


def to_hijri(d: date) -> tuple[int, int, int]:
    try:
        h = Gregorian(d.year, d.month, d.day).to_hijri()
        return h.year, h.month, h.day
    except (OverflowError, ValueError):
        # invert the tabular calendar by search (rare: dates before 1924 or after 2077)
        y = int((d.toordinal() - 227015) / 354.367) + 1
        for yy in (y - 1, y, y + 1):
            for mm in range(1, 13):
                a = _tabular(yy, mm, 1)
                if a <= d < a + timedelta(days=30 if mm % 2 else 29):
                    return yy, mm, (d - a).days + 1
        return y, 1, 1
