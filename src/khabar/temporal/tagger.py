"""The temporal tagger: find every temporal expression of a sentence and resolve it against the anchor.

Rules over folded tokens (`words.tkey`). At each token the rules are tried with the token as written and with a
leading clitic taken off (`بالعيد` → `العيد`, `للموسم` → `لموسم`: the span starts after the clitic); the longest
match wins, left to right, with no overlaps. Leading prepositions (`في`, `خلال`, `منذ` + a date …) stay out of the
span; `منذ`/`قبل` + a quantity ("ago") and a future `بعد` + a quantity are in it (they make a point in time).

Values follow TIMEX3 as the evaluation guideline writes them: `2015-07-20`, `2015-07`, `2015`, `2015-W30`,
`2015-Q2`, `2015-H1`, `2015-SU`, `19` (a century), `2015-07-20TEV`, `2015-07-24T19:00`, ranges `A/B`, durations
`P5D` `PT30M` `PXY`, sets by their period (`P1D`), and `PAST_REF` / `PRESENT_REF` / `FUTURE_REF` with a bounded
interval where one is defensible (`مؤخراً`: the month before the anchor). Without an anchor, an expression that
needs one keeps its span and type, gets `X` for what it cannot know (`XXXX-03`), and is flagged unanchored.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

from ..lexicon import default_lexicon
from . import calendar as cal
from .words import (APPROX, AMBIGUOUS_HIJRI, AMBIGUOUS_MONTHS, AMBIGUOUS_WEEKDAYS, CLOCK_WORDS, CURRENT_MODS,
                    DAY_PARTS, DEICTICS, FEW, FUTURE_MODS, FUTURE_WORDS, GENERAL_HEADS, HIJRI_MONTHS, IDIOMS,
                    MONTHS, MORE_LESS, NOT_TODAY_HEADS, NUMBERS, ORDINAL_TENS, ORDINALS, PART_OF, PAST_MODS,
                    QUARTERS, QUOTES, SEASONS, SETS, SPEECH_VERBS, TEEN_SECOND, TEENS_FIRST, UNIT_DUALS_DEF,
                    UNIT_PLURALS, UNIT_PLURALS_DEF, UNIT_SINGULAR_DEF, UNIT_SINGULARS, UNITS, VAGUE,
                    VAGUE_PAST_UNITS, VAGUE_FUTURE_UNITS, ANAPHORIC_PERIODS, WEEKDAYS, YEAR_ROUND, tkey)


@dataclass
class Tok:
    key: str  # folded clean form
    start: int  # offsets into the text the caller gives (the document's original)
    end: int
    clean: str
    inner: bool = True  # whether offsets inside the token follow its clean form (no obfuscation in it)
    in_name: bool = False  # inside a person's name found by the NER (عادل العيد, أبو قرنين, رجب طيب أردوغان)


@dataclass
class Found:
    """One temporal expression: tokens [i, j), `skip` characters of token i left out (a clitic)."""

    i: int
    j: int
    type: str  # date | time | duration | set | vague
    value: str
    interval: str | None = None
    precision: int | None = None
    mod: str | None = None
    anchored: bool = True  # False: it needed the publication date and there was none
    calendar: str = "gregorian"
    skip: int = 0
    bounds: tuple[date, date] | None = None  # first and last day, for dates
    ymd: tuple[int | None, int | None, int | None] | None = None  # what the text wrote (for ranges)


class NoAnchor(Exception):
    """Raised by a rule that needs the publication date when the document has none."""


_CLITICS = ("وبال", "وال", "فال", "بال", "كال", "ولل", "لل", "وب", "ول", "فب", "فل", "وك", "و", "ف", "ب", "ل", "ك")
_NUMERIC_DATE = re.compile(r"^(\d{1,4})[/\-.](\d{1,2})(?:[/\-.](\d{1,4}))?$")
_CLOCK = re.compile(r"^(\d{1,2})[:.](\d{2})$")
_COUNTED_AFTER = {tkey(w) for w in (
    "ريال", "ريالا", "دولار", "دولارا", "يورو", "جنيه", "جنيها", "درهم", "درهما", "دينار", "دينارا", "شخص", "شخصا",
    "طالب", "طالبا", "طالبة", "متر", "مترا", "كيلو", "كم", "كيلومتر", "برميل", "طن", "ألف", "الف", "مليون",
    "مليار", "وحدة", "سرير", "حالة", "حاج", "حاجا", "معتمر", "موظف", "موظفا", "عامل", "عاملا", "منزل", "منزلا",
    "مشروع", "مشروعا", "سيارة", "مريض", "مريضا", "قتيل", "قتيلا", "جريح", "جريحا", "لاعب", "لاعبا", "نقطة",
    "م2", "ميجاوات", "سهم", "سهما", "صفحة", "كلمة", "مشارك", "مشاركا", "زائر", "زائرا", "%", "٪", "ساعة", "دقيقة",
    "جيجا", "ميجا", "جيجابايت", "ميجابايت", "كيلوبايت", "حصان", "سي", "سم", "ملم", "كجم", "كغ", "لتر", "ميل")}
_MARKER_G = {tkey("م"), tkey("ميلادي"), tkey("ميلادية"), tkey("للميلاد")}
_MARKER_H = {tkey("هـ"), tkey("ه"), tkey("هجري"), tkey("هجرية"), tkey("للهجرة")}
_CONNECT = {tkey(w) for w in ("إلى", "الى", "حتى", "لغاية", "وحتى", "والى", "وإلى", "-", "–", "—", "و")}
_YEAR_WORDS = {tkey(w) for w in ("عام", "العام", "سنة", "السنة", "عامي", "سنتي", "موسم")}
_DAY_WORD = {tkey("يوم"), tkey("اليوم")}
_MONTH_WORD = {tkey("شهر"), tkey("شهري")}
_THIS = {tkey("هذا"), tkey("هذه")}
_ONE = {tkey(w) for w in ("واحد", "واحدا", "واحداً", "واحدة", "كامل", "كاملا", "كاملة")}
_SOME = {tkey(w) for w in ("عدة", "بضعة", "بضع", "عشرات", "لعدة", "لبضعة", "لبضع", "مئات", "آلاف")}
_HALF = {tkey("نصف"): 0.5, tkey("ربع"): 0.25}
_ABOUT_AFTER = {tkey("تقريبا"), tkey("تقريباً"), tkey("تقريبًا")}
_FRIDAY_NOT_DAY = {tkey(w) for w in ("خطبة", "صلاة", "خطيب", "خطبه", "صلاه", "لصلاة", "وصلاة", "بصلاة")}
_SEASON_WORD = {tkey("موسم"), tkey("الموسم"), tkey("لموسم")}
_DECADES = {tkey(w): d for ws, d in (("الأربعينات|الأربعينيات|اربعينات|أربعينيات", 4),
                                       ("الخمسينات|الخمسينيات|خمسينات|خمسينيات", 5),
                                       ("الستينات|الستينيات|ستينات|ستينيات", 6),
                                       ("السبعينات|السبعينيات|سبعينات|سبعينيات", 7),
                                       ("الثمانينات|الثمانينيات|ثمانينات|ثمانينيات", 8),
                                       ("التسعينات|التسعينيات|تسعينات|تسعينيات", 9)) for w in ws.split("|")}
_CENTURY = tkey("القرن")
_PAST_NOUN_BEFORE = {tkey(w) for w in ("في", "من", "عن", "إلى", "الى", "مثل", "كما", "منذ", "أخطاء", "اخطاء", "تجارب",
                                      "دروس", "صفحة", "ذكريات", "أشباح", "رواسب", "مع")}
_HABITUAL = {tkey(w) for w in ("عادة", "العادة", "عادات", "العادات", "عاداتنا", "تقاليد", "التقاليد", "طقوس", "الطقوس",
                                "اعتاد", "اعتادت", "اعتادوا", "يعتاد", "تعتاد", "عادةً", "الموروث", "موروث", "كل")}
_FEW_MANY = {tkey(w) for w in ("قليلة", "عديدة", "طويلة", "كثيرة", "معدودة", "قلائل")}
_OTHER_YEARS = {tkey(w) for w in ("الدراسي", "المالي", "الهجري", "الأكاديمي", "التدريبي", "الرياضي", "الجامعي")}
END_PUNCT = {".", "،", ",", "؛", "!", "؟", ""}
_AGE = {tkey(w) for w in ("عمره", "عمرها", "العمر", "عمرهم", "عمري")}
_BARE_WEEKDAYS = {k.replace("ال", "", 1) for k in WEEKDAYS}
_SAME_DAY = {tkey(w) for w in ("نفس اليوم", "اليوم نفسه", "ذات اليوم", "اليوم ذاته", "ذلك اليوم")}
_NTH_DAY = {tkey("أول"): 1, tkey("اول"): 1, tkey("ثاني"): 2, tkey("ثالث"): 3, tkey("رابع"): 4, tkey("آخر"): 3}
_PM_PARTS = {"AF", "EV", "NI"}
_UNIT_SECONDS = {"H": 3600, "MIN": 60, "S": 1}

# holidays: (Hijri month, first day, last day); value is the Gregorian span of the nearest relevant year
HOLIDAYS: dict[str, tuple[int, int, int]] = {}
for _spell, _spec in (("عيد الفطر|عيد الفطر المبارك|العيد|العيد السعيد|أيام العيد|ايام العيد|إجازة العيد", (10, 1, 3)),
                      ("عيد الأضحى|عيد الاضحى|عيد الأضحى المبارك|عيد الاضحى المبارك|عيد النحر", (12, 10, 13)),
                      ("موسم الحج|الحج|حج هذا العام|أيام الحج|ايام الحج", (12, 8, 13)),
                      ("يوم عرفة|يوم عرفه|وقفة عرفات", (12, 9, 9)),
                      ("عاشوراء|يوم عاشوراء", (1, 10, 10)),
                      ("المولد النبوي|المولد النبوي الشريف|ذكرى المولد النبوي", (3, 12, 12)),
                      ("رأس السنة الهجرية|راس السنة الهجرية", (1, 1, 1)),
                      ("ليلة القدر", (9, 27, 27))):
    for _w in _spell.split("|"):
        HOLIDAYS[tkey(_w)] = _spec


def _future_verb(key: str) -> bool:
    """`سيعقد`, `ستنطلق`, `سنعمل`: an imperfect with the future prefix (the rest is a common word on its own)."""
    if len(key) < 4 or key[0] != "س" or key[1] not in "يتنا":
        return False
    lex = default_lexicon()
    rest = key[1:]
    return lex.count(rest) >= 50 and lex.count(rest) > 2 * lex.count(key)


class SentenceTagger:
    """Tag one sentence's tokens against `anchor` (None: unanchored)."""

    def __init__(self, toks: list[Tok], anchor: date | None, previous: list[Found] | None = None) -> None:
        self.previous = previous if previous is not None else []  # the document's dates so far (for anaphora)
        self.toks = toks
        self.anchor = anchor
        self.n = len(toks)
        self.keys = [t.key for t in toks]
        self.i0 = -1
        self.first = ""  # key of token i0 with its clitic taken off
        self.clitic = ""
        self.days: list[date] = []  # day-precision dates met so far in the sentence (for clock times)
        self._future: tuple[int, bool] | None = None

    # -- token access ---------------------------------------------------------------------------------------------
    def k(self, i: int) -> str:
        if i >= self.n or i < 0:
            return ""
        return self.first if i == self.i0 else self.keys[i]

    def pk(self, i: int) -> str:
        """The key of the word before i, quotation marks skipped."""
        i -= 1
        while i >= 0 and self.k(i) in QUOTES:
            i -= 1
        return self.k(i)

    def named(self, i: int) -> bool:
        return 0 <= i < self.n and self.toks[i].in_name

    def A(self) -> date:
        if self.anchor is None:
            raise NoAnchor
        return self.anchor

    def future(self) -> bool:
        """Whether the words around the expression being read (six either side) speak of the future: سوف, a
        verb with the future prefix (سيعقد), المقبل/القادم, من المقرر … (not على غير المتوقع)."""
        c = max(self.i0, 0)
        if self._future is None or self._future[0] != c:
            near = range(max(0, c - 6), min(self.n, c + 7))
            hit = any((self.keys[x] in FUTURE_WORDS and self.keys[x - 1] != tkey("غير")) or self.keys[x] in FUTURE_MODS
                      or _future_verb(self.keys[x]) for x in near)
            self._future = (c, hit)
        return self._future[1]

    # -- numbers --------------------------------------------------------------------------------------------------
    def number(self, i: int) -> tuple[float, int] | None:
        """A cardinal at i: digits (`15`, `3.5`), words (`ثلاثة`, `خمسة وعشرين`, `أحد عشر`), with or without ال."""
        k = self.k(i)
        if not k:
            return None
        if re.fullmatch(r"\d+(?:[.,]\d+)?", k):
            return float(k.replace(",", ".")), i + 1
        bare = k[2:] if k.startswith("ال") and len(k) > 4 else k
        if bare in TEENS_FIRST and self.k(i + 1) in TEEN_SECOND:
            return float(10 + TEENS_FIRST[bare]), i + 2
        if bare in NUMBERS:
            v = NUMBERS[bare]
            nxt = self.k(i + 1)
            if v < 10 and nxt.startswith("و") and nxt[1:] in NUMBERS and NUMBERS[nxt[1:]] >= 20:
                return float(v + NUMBERS[nxt[1:]]), i + 2
            return float(v), i + 1
        return None

    def day_number(self, i: int) -> tuple[int, int] | None:
        """A day of the month: `15`, `الخامس عشر`, `الحادي والعشرين`, `العشرين`."""
        k = self.k(i)
        if k.isdigit() and 1 <= int(k) <= 31 and len(k) <= 2:
            return int(k), i + 1
        if k in ORDINALS:
            v = ORDINALS[k]
            nxt = self.k(i + 1)
            if nxt in TEEN_SECOND:
                return v + 10, i + 2
            if nxt.startswith("و") and nxt[1:] in ORDINAL_TENS:
                return v + ORDINAL_TENS[nxt[1:]], i + 2
            if k.startswith(tkey("الحادي")):
                return None
            return v, i + 1
        if k in ORDINAL_TENS:
            return ORDINAL_TENS[k], i + 1
        return None

    def unit(self, i: int) -> tuple[str, int | None, int] | None:
        k = self.k(i)
        if k in UNITS:
            u, c = UNITS[k]
            if u == "DE" and not self._decade_context(i):
                return None  # عقد / عقود are also contracts: توقيع خمسة عقود لمشاريع
            return u, c, i + 1
        return None

    def _decade_context(self, i: int) -> bool:
        before = {self.k(x) for x in range(max(0, i - 4), i)}
        after = self.k(i + 1)
        return bool(before & {tkey(w) for w in ("منذ", "قبل", "بعد", "خلال", "لمدة", "مدى", "طوال", "طيلة", "نحو",
                                                 "قرابة", "حوالي", "عدة", "بضعة")}) or after in {
            tkey(w) for w in ("من", "مضت", "الماضية", "الماضيين", "المقبلة", "القادمة", "ماضية", "قادمة", "مقبلة")
        } or after in END_PUNCT

    # -- calendar pieces ------------------------------------------------------------------------------------------
    def month_name(self, i: int) -> tuple[int, str, int] | None:
        """A month at i (with `شهر` before it allowed), dual forms included: `مارس/آذار`, `كانون الثاني (يناير)`,
        `يونيو حزيران`. Returns (month, calendar, end)."""
        j = i + 1 if self.k(i) in _MONTH_WORD else i
        two = f"{self.k(j)} {self.k(j + 1)}"
        if two in MONTHS:
            m, e = MONTHS[two], j + 2
        elif self.k(j) in MONTHS and self.k(j) not in {tkey("كانون"), tkey("تشرين")}:
            m, e = MONTHS[self.k(j)], j + 1
        elif two in HIJRI_MONTHS:
            return HIJRI_MONTHS[two], "hijri", j + 2
        elif self.k(j) in HIJRI_MONTHS:
            return HIJRI_MONTHS[self.k(j)], "hijri", j + 1
        else:
            return None
        # the other name of the same month: `/آذار`, `(تموز)`, ` - حزيران`, ` حزيران`
        k = e
        if self.k(k) in {"/", "(", "-", "–", "،"}:
            k += 1
        two2 = f"{self.k(k)} {self.k(k + 1)}"
        if two2 in MONTHS and MONTHS[two2] == m:
            k += 2
        elif self.k(k) in MONTHS and MONTHS[self.k(k)] == m:
            k += 1
        else:
            return m, "gregorian", e
        if self.k(k) == ")":
            k += 1
        return m, "gregorian", k

    def year(self, i: int, bare_ok: bool = True) -> tuple[int, str, int] | None:
        """A year at i: `2015`, `2015م`, `1436هـ`, `1436 ه`. Returns (year, calendar, end)."""
        k = self.k(i)
        m = re.fullmatch(r"(\d{4})(م|ه|هـ)?", k)
        if not m:
            return None
        y = int(m.group(1))
        j = i + 1
        marker = m.group(2)
        if marker is None and self.k(j) in _MARKER_G | _MARKER_H:
            marker = self.k(j)
            j += 1
            if self.k(j) == "ـ":
                j += 1
        if marker in _MARKER_H or (marker is None and 1300 <= y < 1600 and not bare_ok):
            return y, "hijri", j
        if marker in _MARKER_G or 1600 <= y <= 2200:
            return y, "gregorian", j
        if 1300 <= y < 1600 and not bare_ok:
            return y, "hijri", j
        return None

    def mod_at(self, i: int) -> str | None:
        k = self.k(i)
        if k in PAST_MODS:
            return "past"
        if k in FUTURE_MODS:
            return "future"
        if k in CURRENT_MODS - _THIS:
            return "current"
        return None

    # -- resolution -----------------------------------------------------------------------------------------------
    def month_year(self, m: int, mod: str | None, calendar: str = "gregorian") -> int:
        """The year of a month written without one (GUIDELINE rule 4/5)."""
        a = self.A()
        if calendar == "hijri":
            ay, am, _ = cal.to_hijri(a)
        else:
            ay, am = a.year, a.month
        if mod == "current":
            return ay
        if mod == "past":
            return ay if m < am else ay - 1
        if mod == "future" or self.future():
            return ay if m >= am else ay + 1
        if calendar == "gregorian" and 0 < m - am <= 2 and mod is None:
            return ay  # a month or two ahead, with no past marker: the coming one (news of what is planned)
        return ay if m <= am else ay - 1

    def date_found(self, i: int, j: int, y: int | None, m: int, d: int | None, calendar: str,
                   mod: str | None = None) -> Found:
        """A date written as day-month-year (any part may be missing but the month)."""
        wrote = (y, m, d)
        if y is None:
            try:
                y = self.month_year(m, mod, calendar)
            except NoAnchor:
                v = f"XXXX-{m:02d}" + (f"-{d:02d}" if d else "") if calendar == "gregorian" else "XXXX"
                return Found(i, j, "date", v, precision=1 if d else 3, anchored=False, calendar=calendar, ymd=wrote)
        if calendar == "hijri":
            if d:
                g = cal.hijri_to_date(y, m, d)
                return Found(i, j, "date", cal.day(g), precision=1, calendar="hijri", bounds=(g, g), ymd=wrote)
            a, b = cal.hijri_month_span(y, m)
            return Found(i, j, "date", cal.span(a, b), precision=3, calendar="hijri", bounds=(a, b), ymd=wrote)
        if d:
            d = min(d, cal.month_last_day(y, m))
            g = date(y, m, d)
            return Found(i, j, "date", cal.day(g), precision=1, bounds=(g, g), ymd=wrote)
        a, b = date(y, m, 1), date(y, m, cal.month_last_day(y, m))
        return Found(i, j, "date", cal.month(y, m), precision=3, bounds=(a, b), ymd=wrote)

    def year_found(self, i: int, j: int, y: int, calendar: str) -> Found:
        if calendar == "hijri":
            a, b = cal.hijri_year_span(y)
            # the two Gregorian years it straddles; the interval gives the exact span
            v = f"{a.year}/{b.year}" if a.year != b.year else f"{a.year:04d}"
            return Found(i, j, "date", v, cal.span(a, b), 3, calendar="hijri", bounds=(a, b), ymd=(y, None, None))
        return Found(i, j, "date", f"{y:04d}", precision=3, bounds=(date(y, 1, 1), date(y, 12, 31)),
                     ymd=(y, None, None))

    # -- rules ----------------------------------------------------------------------------------------------------
    def r_numeric(self, i: int) -> Found | None:
        """`24/7/2015م`, `8/10/1436هـ`, `1436/10/8`, `١٨ / ١٠` (day/month, Hijri unless marked م)."""
        k = self.k(i)
        m = _NUMERIC_DATE.match(k)
        j = i + 1
        inline: str | None = None
        parts: list[int]
        if m:
            parts = [int(x) for x in m.groups() if x is not None]
        elif k.isdigit() and self.k(i + 1) in ("/", "-") and self.k(i + 2).isdigit():
            sep = self.k(i + 1)
            parts = [int(k), int(self.k(i + 2))]
            j = i + 3
            m3 = re.fullmatch(r"(\d+)(م|ه)?", self.k(j + 1)) if self.k(j) == sep else None
            if m3:
                parts.append(int(m3.group(1)))
                j += 2
                inline = m3.group(2)
            if sep == "-" and len(parts) < 3:
                return None  # 3-4: a range of numbers, not a date
        else:
            return None
        marker = {"م": "g", "ه": "h"}.get(inline or "")
        if marker is None and self.k(j) in _MARKER_G | _MARKER_H:
            marker = "h" if self.k(j) in _MARKER_H else "g"
            j += 1
            if self.k(j) == "ـ":
                j += 1
        if len(parts) == 3:
            if parts[0] > 31:  # year first
                y, mo, d = parts
            else:
                d, mo, y = parts
            if not (1 <= mo <= 12 and 1 <= d <= 31):
                return None
            if y < 100:
                y += 2000 if y < 50 else 1900
            calendar = "hijri" if marker == "h" or (marker is None and 1300 <= y < 1600) else "gregorian"
            if calendar == "gregorian" and not 1800 <= y <= 2200:
                return None
            return self.date_found(i, j, y, mo, d, calendar)
        d, mo = parts
        prev = self.k(i - 1)
        cue = marker is not None or prev in WEEKDAYS or prev in _DAY_WORD or prev in {tkey("بتاريخ"), tkey("الموافق")}
        if not cue or not (1 <= mo <= 12 and 1 <= d <= 30):
            return None
        return self.date_found(i, j, None, mo, d, "gregorian" if marker == "g" else "hijri")

    def r_day_month(self, i: int) -> Found | None:
        """[weekday] [يوم] day [من] month [mod] [عام] [year]: `20 يوليو`, `الخامس عشر من مارس 2019`,
        `الأربعاء 25 ذي القعدة المقبل`, `14 يوليو (تموز)`."""
        j = i
        if self.k(j) in _DAY_WORD and self.k(j + 1) in WEEKDAYS:
            j += 1
        if self.k(j) in WEEKDAYS:
            j += 1
            if self.k(j) in {"،", ",", "-", "(", "الموافق"}:
                j += 1
        if self.k(j) in _DAY_WORD:
            j += 1
        dn = self.day_number(j)
        if dn is None:
            return None
        d, j = dn
        if self.k(j) == tkey("من"):
            j += 1
            rel = self.r_relative(j)  # 15 من الشهر الجاري, السابع من هذا الشهر
            if rel is not None and rel.bounds and rel.anchored and 27 <= (rel.bounds[1] - rel.bounds[0]).days + 1 <= 31:
                lo = rel.bounds[0]
                dd = date(lo.year, lo.month, min(d, cal.month_last_day(lo.year, lo.month)))
                return Found(i, rel.j, "date", cal.day(dd), precision=1, bounds=(dd, dd),
                             ymd=(lo.year, lo.month, d))
        mn = self.month_name(j)
        if mn is None:
            return None
        m, calendar, j = mn
        mod = self.mod_at(j)
        if mod:
            j += 1
        y, j = self.year_after(j, mod, calendar)
        return self.date_found(i, j, y, m, d, calendar, mod)  # the written date wins over a weekday

    def year_after(self, j: int, mod: str | None, calendar: str) -> tuple[int | None, int]:
        """The year written after a month at j: `2019`, `عام 2015م`, `1436هـ`, or `من العام الماضي` / `من عام
        2009` / `من هذا العام`; (None, j) when there is none."""
        jy = j + 1 if self.k(j) in _YEAR_WORDS else j
        yr = self.year(jy, bare_ok=True)
        if yr is not None and (calendar == "hijri" or yr[1] == "gregorian"):
            if self.k(yr[2]) == tkey("المبارك"):
                return yr[0], yr[2] + 1
            return yr[0], yr[2]
        if mod is None and self.k(j) == tkey("من"):  # الثاني من ديسمبر من هذا العام
            of = self.r_relative(j + 1) or self.r_year(j + 1)
            if of is not None and of.anchored and re.fullmatch(r"\d{4}", of.value):
                return int(of.value), of.j
            if of is not None and of.ymd is not None and of.ymd[0] and of.ymd[1] is None:
                return of.ymd[0], of.j
        return None, j

    def r_month(self, i: int) -> Found | None:
        """[شهر] month [mod] [عام] [year]: `مارس/آذار 2019`, `مارس/آذار الماضي`, `شهر رمضان المبارك`,
        `يونيو حزيران الماضي`, `ذي القعدة المقبل`."""
        mn = self.month_name(i)
        if mn is None:
            return None
        m, calendar, j = mn
        head = self.k(i) in _MONTH_WORD
        name = self.k(i + 1) if head else self.k(i)
        if self.k(j) == tkey("المبارك") or self.k(j) == tkey("الكريم") or self.k(j) == tkey("المعظم"):
            j += 1
        mod = self.mod_at(j)
        if mod:
            j += 1
        y, j = self.year_after(j, mod, calendar)  # شهر أكتوبر من العام الماضي, من عام 2009
        if self.named(i) or (head and self.named(i + 1)):
            return None
        ambiguous = name in AMBIGUOUS_MONTHS or (calendar == "hijri" and name in AMBIGUOUS_HIJRI)
        if ambiguous and not (head or mod or y or self.k(i - 1) in {tkey(w) for w in (
                "في", "خلال", "منذ", "حتى", "من", "قبل", "بعد", "مطلع", "منتصف", "نهاية", "أواخر", "أوائل", "بداية",
                "طوال", "طيلة", "شهر", "لشهر")}):
            return None  # (a clitic is no context: باب is not ب + آب)
        return self.date_found(i, j, y, m, None, calendar, mod)

    def r_year(self, i: int) -> Found | None:
        """[عام|العام|سنة] year [م|هـ] [- | و | إلى year]: `عام 2012`, `2015م`, `1436هـ`, `عامي 2000 و2004`,
        `2008-2012`, `1436/1437هـ`."""
        j = i
        word = self.k(j) in _YEAR_WORDS
        if word:
            if self.k(j) == tkey("موسم"):
                y1, y2 = self.k(j + 1), self.k(j + 3)
                if self.k(j + 2) in ("/", "-") and y1.isdigit() and y2.isdigit() and len(y1) == len(y2) == 4 \
                        and int(y2) == int(y1) + 1:  # موسم 2013 / 2014
                    a, b = date(int(y1), 8, 1), date(int(y2), 5, 31)
                    return Found(i, j + 4, "date", f"{y1}/{y2}", f"{y1}-08/{y2}-05", 3, bounds=(a, b))
                return None
            j += 1
        k = self.k(j)
        # academic / cycle years: 1436/1437هـ, 2014/2015
        m = re.fullmatch(r"(\d{4})[/\-](\d{4})", k)
        if m and int(m.group(2)) == int(m.group(1)) + 1:
            y1, y2 = int(m.group(1)), int(m.group(2))
            j += 1
            marker = None
            if self.k(j) in _MARKER_G | _MARKER_H:
                marker = self.k(j)
                j += 1
            if marker in _MARKER_H or (marker is None and y1 < 1600):
                a, _ = cal.hijri_year_span(y1)
                _, b = cal.hijri_year_span(y2)
                return Found(i, j, "date", cal.span(a, b), precision=3, calendar="hijri", bounds=(a, b))
            return Found(i, j, "date", f"{y1}/{y2}", precision=3, bounds=(date(y1, 1, 1), date(y2, 12, 31)))
        yr = self.year(j, bare_ok=word)
        if yr is None:
            return None
        y, calendar, j = yr
        if not word:
            if self.k(j) in _COUNTED_AFTER or self.k(i - 1) in {"$", tkey("رقم"), tkey("بنسبة")}:
                return None
            if calendar == "gregorian" and not (1800 <= y <= 2100) and self.k(j) not in _MARKER_G:
                return None
        # ranges of years: 2008-2012, عامي 2000 و 2004, 2010 إلى 2014
        if self.k(j) in {"-", "–", "/"} | _CONNECT and self.k(j) != "/":
            y2 = self.year(j + 1, bare_ok=True)
            if y2 is None and self.k(j + 1) in _YEAR_WORDS:
                y2 = self.year(j + 2, bare_ok=True)
            if y2 is not None and y2[0] > y and y2[1] == calendar and (self.k(j) != tkey("و") or
                                                                       self.k(i) == tkey("عامي") or
                                                                       self.k(i - 1) == tkey("بين")):
                f1 = self.year_found(i, j, y, calendar)
                f2 = self.year_found(i, y2[2], y2[0], calendar)
                assert f1.bounds and f2.bounds
                v = f"{y}/{y2[0]}" if calendar == "gregorian" else cal.span(f1.bounds[0], f2.bounds[1])
                return Found(i, y2[2], "date", v, precision=3, calendar=calendar, bounds=(f1.bounds[0], f2.bounds[1]))
        return self.year_found(i, j, y, calendar)

    def r_deictic(self, i: int) -> Found | None:
        """[يوم] أمس | اليوم | غدا | أول أمس | بعد غد, with a weekday and/or a date after it:
        `اليوم (الاثنين)`, `أمس الأحد`, `اليوم الاثنين 20 يوليو`."""
        j = i
        if self.k(j) in _THIS and self.k(j + 1) == tkey("اليوم"):
            j += 1  # هذا اليوم
        if self.k(j) in _DAY_WORD and self.k(j + 1) in {*DEICTICS, tkey("غد")} and self.k(j + 1) != tkey("اليوم"):
            j += 1
        k = self.k(j)
        if k == tkey("غد") and self.k(j - 1) in _DAY_WORD:
            off, j = 1, j + 1
        elif k in {tkey("أمس"), tkey("امس")} and self.k(j + 1) in {tkey("الأول"), tkey("الاول")}:
            off, j = -2, j + 2
        elif k == tkey("أول") and self.k(j + 1) in {tkey("أمس"), tkey("امس")}:
            off, j = -2, j + 2
        elif k == tkey("أول") and self.k(j + 1) == tkey("من") and self.k(j + 2) in {tkey("أمس")}:
            off, j = -2, j + 3
        elif k == tkey("بعد") and self.k(j + 1) in {tkey("غد"), tkey("الغد")}:
            off, j = 2, j + 2
        elif k in DEICTICS:
            if k == tkey("اليوم"):
                prev, nxt = self.pk(i), self.k(j + 1)
                if prev in NOT_TODAY_HEADS or nxt in ORDINALS or (nxt.startswith("ال") and nxt not in WEEKDAYS):
                    return None  # عين اليوم, اليوم الوطني, اليوم الوحيد: a name or "the day"
                if self.k(i - 1) in QUOTES and self.k(j + 1) in QUOTES:
                    return None  # «اليوم»: the newspaper
            if k in {tkey("غدا"), tkey("غداً")} and not (self.future() or self.k(j + 1) in {*WEEKDAYS, "(", "،", ".", ""}):
                return None  # غدا "became" (كما غدا من …)
                if prev in {tkey("عالم"), tkey("إنسان"), tkey("انسان"), tkey("جيل"), tkey("شباب"), tkey("مجتمع")}:
                    return Found(i, j + 1, "vague", "PRESENT_REF")
            if k == tkey("الغد") and self.k(i - 1) not in {tkey("صباح"), tkey("مساء"), tkey("ظهر")}:
                return None
            off, j = DEICTICS[k], j + 1
        else:
            return None
        # an attached weekday and/or date
        wd = None
        k2 = j
        if self.k(k2) == "(":
            k2 += 1
        if self.k(k2) in WEEKDAYS:
            wd = WEEKDAYS[self.k(k2)]
            k2 += 1
            if self.k(k2) == ")":
                k2 += 1
            j = k2
        written = None
        dm = self.r_day_month(j) or self.r_numeric(j)
        if dm is not None and dm.type == "date" and dm.precision == 1:
            written, j = dm, dm.j
        if written is not None:
            written.i = i
            return written
        try:
            base = self.A() + timedelta(days=off)
        except NoAnchor:
            return Found(i, j, "date", "XXXX-XX-XX", precision=1, anchored=False)
        if wd is not None:
            base = cal.weekday_near(base, wd, "nearest")
        return Found(i, j, "date", cal.day(base), precision=1, bounds=(base, base))

    def r_weekday(self, i: int) -> Found | None:
        """[يوم] weekday [الماضي|المقبل] [date]: `الخميس`, `يوم الجمعة المقبل`, `الأحد الماضي`."""
        j = i
        day_word = self.k(j) in _DAY_WORD
        if day_word:
            j += 1
        k = self.k(j)
        if k not in WEEKDAYS:
            return None
        wd = WEEKDAYS[k]
        j += 1
        if k == tkey("الجمعة") and self.k(i - 1) in _FRIDAY_NOT_DAY:
            return None
        mod = self.mod_at(j)
        if mod in ("past", "future"):
            j += 1
        after_next = False
        if mod is None and self.k(j) == tkey("بعد") and self.k(j + 1) in FUTURE_MODS:
            mod, after_next, j = "future", True, j + 2
        nxt = self.k(j)
        if nxt in {"،", ",", "(", tkey("الموافق")}:
            dm = self.r_day_month(j + 1) or self.r_numeric(j + 1)
        else:
            dm = self.r_day_month(j) or self.r_numeric(j)
        if dm is not None and dm.precision == 1:
            dm.i = i
            if self.k(dm.j) == ")" and nxt == "(":
                dm.j += 1
            return dm
        if k in AMBIGUOUS_WEEKDAYS and not (day_word or mod or self.k(i - 1) in {"(", tkey("مساء"), tkey("صباح"),
                                                                                  tkey("ظهر"), tkey("فجر"),
                                                                                  tkey("ليلة"), tkey("عصر")}
                                             or self.clitic in ("و", "ف") and self.k(i - 2) in WEEKDAYS):
            return None
        try:
            a = self.A()
        except NoAnchor:
            return Found(i, j, "date", "XXXX-XX-XX", precision=1, anchored=False)
        if mod == "past":
            d = cal.weekday_near(a, wd, "past")
        elif mod == "future":
            d = cal.weekday_near(a, wd, "next") + timedelta(days=7 if after_next else 0)
        elif self.future():
            d = cal.weekday_near(a, wd, "future")
        else:
            d = cal.weekday_near(a, wd, "past")
        return Found(i, j, "date", cal.day(d), precision=1, bounds=(d, d))

    def r_day_part(self, i: int) -> Found | None:
        """[بعد] part of day [من] [يوم] (deictic | weekday | date): `صباح اليوم`, `مساء أمس`, `بعد ظهر أمس`,
        `ليلة الخميس`, `فجر الجمعة`; `الليلة` and `منتصف الليل` alone are of the anchor day."""
        j = i
        if self.k(j) == tkey("بعد") and self.k(j + 1) in {tkey("ظهر"), tkey("الظهر")}:
            code, j = "AF", j + 2
        elif self.k(j) == tkey("منتصف") and self.k(j + 1) in {tkey("الليل"), tkey("ليل"), tkey("ليلة")}:
            code, j = "T24:00", j + 2
        elif self.k(j) == tkey("وقت") and self.k(j + 1) == tkey("متأخر") and self.k(j + 2) in DAY_PARTS:
            code, j = DAY_PARTS[self.k(j + 2)], j + 3
        elif self.k(j) == tkey("وقت") and self.k(j + 1) in {tkey("مبكر"), tkey("متأخر")} and self.k(j + 2) == tkey("من"):
            code, j = ("MO" if self.k(j + 1) == tkey("مبكر") else "NI"), j + 3  # وقت مبكر من اليوم السبت
        elif self.k(j) in DAY_PARTS:
            code, j = DAY_PARTS[self.k(j)], j + 1
        else:
            return None
        if self.k(j) == tkey("من"):
            j += 1
        target = self.r_deictic(j) or self.r_weekday(j) or self.r_day_month(j) or self.r_numeric(j)
        if target is None and not code.startswith("T"):  # صباح العيد, ليلة العيد (its eve), صباح يوم العيد
            hol = self.r_holiday(j)
            if hol is not None and hol.bounds is None and hol.value == "XXXX":
                return Found(i, hol.j, "time", "XXXX", calendar="hijri")  # صباح العيد, in general
            if hol is not None and hol.bounds and hol.type == "date":
                d = hol.bounds[0] - timedelta(days=1 if self.k(i) in {tkey("ليلة")} else 0)
                return Found(i, hol.j, "time", cal.day(d) + "T" + code, precision=1, bounds=(d, d))
        if (target is None or target.precision != 1) and code == "T24:00":  # منتصف الليل: of the day in the clause
            try:
                d = self.days[-1] if self.days else self.A()
            except NoAnchor:
                return Found(i, j, "time", "XXXX-XX-XXT24:00", precision=1, anchored=False)
            return Found(i, j, "time", cal.day(d) + "T24:00", precision=1, bounds=(d, d))
        if (target is None or target.precision != 1) and code in ("MO", "NI") and self.k(i) == tkey("وقت"):
            inner = self.r_day_part(j)  # وقت مبكر من صباح يوم الخميس
            if inner is not None:
                inner.i = i
                return inner
        if target is None or target.precision != 1:
            if self.k(i) == tkey("الليلة") and self.k(i - 1) not in DAY_PARTS:
                back = self.k(i + 1) in {tkey("الماضية"), tkey("الفائتة"), tkey("المنصرمة")}
                try:
                    base = self.A() - timedelta(days=1 if back else 0)
                except NoAnchor:
                    return Found(i, j, "time", "XXXX-XX-XXTNI", precision=1, anchored=False)
                return Found(i, i + 1 + back, "time", cal.day(base) + "TNI", precision=1, bounds=(base, base))
            return None
        if not target.anchored:
            return Found(i, target.j, "time", target.value + ("" if code.startswith("T") else "T") + code,
                         precision=1, anchored=False)
        assert target.bounds
        d = target.bounds[0]
        # (ليلة الخميس: the night of that day as written)
        v = cal.day(d) + (code if code.startswith("T") else "T" + code)
        return Found(i, target.j, "time", v, precision=1, bounds=(d, d))

    def r_clock(self, i: int) -> Found | None:
        """[تمام] الساعة N[:MM] [و N دقيقة | والنصف | والربع | إلا ربعا] [صباحا|مساء|…] [من صباح/مساء X]."""
        j = i
        if self.k(j) == tkey("تمام"):
            j += 1
        if self.k(j) not in {tkey("الساعة"), tkey("الساعه")}:
            # العاشرة مساء, الثامنة من صباح أمس: an hour word with a part of the day
            two = f"{self.k(j)} {self.k(j + 1)}"
            nxt = self.k(j + 2) if two in CLOCK_WORDS else self.k(j + 1)
            if (two not in CLOCK_WORDS and self.k(j) not in CLOCK_WORDS) or not (
                    nxt in DAY_PARTS or (nxt == tkey("من") and self.k(j + (3 if two in CLOCK_WORDS else 2)) in DAY_PARTS)):
                return None
        else:
            j += 1
        hh = mm = None
        k = self.k(j)
        c = _CLOCK.match(k)
        if c:
            hh, mm, j = int(c.group(1)), int(c.group(2)), j + 1
        elif re.fullmatch(r"[0-2]\d[0-5]\d", k) and int(k[:2]) <= 24:  # الساعة 0400 بتوقيت جرينتش
            hh, mm, j = int(k[:2]), int(k[2:]), j + 1
        elif k.isdigit() and int(k) <= 24:
            hh, mm, j = int(k), 0, j + 1
        elif f"{k} {self.k(j + 1)}" in CLOCK_WORDS:
            hh, mm, j = CLOCK_WORDS[f"{k} {self.k(j + 1)}"], 0, j + 2
        elif k in CLOCK_WORDS:
            hh, mm, j = CLOCK_WORDS[k], 0, j + 1
        else:
            return None
        nxt = self.k(j)
        if nxt in {tkey("والنصف"), tkey("ونصف")}:
            mm, j = 30, j + 1
        elif nxt in {tkey("والربع"), tkey("وربع")}:
            mm, j = 15, j + 1
        elif nxt in {tkey("إلا"), tkey("الا")} and self.k(j + 1) in {tkey("ربعا"), tkey("ربع"), tkey("الربع")}:
            hh, mm, j = hh - 1, 45, j + 2
        elif nxt.startswith("و") and (self.number(j) is None) and nxt[1:].isdigit():
            if self.k(j + 1) in {tkey("دقيقة"), tkey("دقائق")}:
                mm, j = int(nxt[1:]), j + 2
        part = None
        target = None
        if self.k(j) in DAY_PARTS and self.k(j) not in {tkey("الليلة")}:
            part = DAY_PARTS[self.k(j)]
            tj = j + 1
            if self.k(tj) == tkey("من"):
                tj += 1
            target = self.r_deictic(tj) or self.r_weekday(tj) or self.r_day_month(tj) or self.r_numeric(tj)
            j = target.j if target is not None and target.precision == 1 else j + 1
        elif self.k(j) == tkey("من") and self.k(j + 1) in DAY_PARTS:
            part = DAY_PARTS[self.k(j + 1)]
            tj = j + 2
            target = self.r_deictic(tj) or self.r_weekday(tj) or self.r_day_month(tj) or self.r_numeric(tj)
            j = target.j if target is not None and target.precision == 1 else j + 2
        zone = ""
        if self.k(j) == tkey("من") and f"{self.k(j + 1)} {self.k(j + 2)}" in _SAME_DAY:
            j += 3  # من نفس اليوم: the day already given
        if self.k(j) in {tkey("بتوقيت"), tkey("توقيت")} and self.k(j + 1):
            if self.k(j + 1) in {tkey("جرينتش"), tkey("غرينتش"), tkey("جرينيتش"), tkey("غرينيتش")}:
                zone = "Z"
            j += 2
            if self.k(j) in {tkey("المحلي"), tkey("المكرمة"), tkey("المنورة")}:
                j += 1
        if part in _PM_PARTS and hh < 12 and not (part == "NI" and hh < 5) and not (part == "AF" and hh == 11):
            hh += 12
        if part == "MO" and hh == 12:
            hh = 0
        if target is not None and target.bounds and target.precision == 1:
            d = target.bounds[0]
        elif self.days:
            d = self.days[-1]
        else:
            try:
                d = self.A()
            except NoAnchor:
                return Found(i, j, "time", f"XXXX-XX-XXT{hh:02d}:{mm:02d}", precision=1, anchored=False)
        return Found(i, j, "time", f"{cal.day(d)}T{hh:02d}:{mm:02d}{zone}", precision=1, bounds=(d, d))

    def r_relative(self, i: int) -> Found | None:
        """[هذا] the week / month / year / decade / century [mod]: `الأسبوع الماضي`, `هذا العام`, `العام الجاري`,
        `السنة المقبلة`, `القرن الماضي`, `العام الماضي 1435` (the written Hijri year wins); football seasons
        `الموسم الماضي`."""
        j = i
        this = self.k(j) in _THIS
        if this:
            j += 1
        k = self.k(j)
        if k in _SEASON_WORD and k != tkey("موسم"):
            return self.r_season_football(i, j, this)
        if k not in UNIT_SINGULAR_DEF or k == tkey("اليوم"):
            return None
        if k == tkey("العام") and self.k(i - 1) in GENERAL_HEADS and not this:
            return None
        unit = UNIT_SINGULAR_DEF[k]
        j += 1
        mod = "current" if this else self.mod_at(j)
        if mod is None:
            return None
        if not this:
            j += 1
        # a written year after it: العام الماضي 1435هـ, العام الحالي 2015
        yr = self.year(j, bare_ok=True) if unit == "Y" else None
        if yr is not None:
            return self.year_found(i, yr[2], yr[0], yr[1])
        step = {"past": -1, "future": 1, "current": 0}[mod]
        try:
            a = self.A()
        except NoAnchor:
            return Found(i, j, "date", {"W": "XXXX-WXX", "M": "XXXX-XX"}.get(unit, "XXXX"), precision=3,
                         anchored=False)
        if unit == "W":
            d = a + timedelta(weeks=step)
            lo, hi = cal.week_bounds(d)
            return Found(i, j, "date", cal.iso_week(d), precision=2, bounds=(lo, hi))
        if unit == "M":
            d = cal.add_months(a, step)
            lo, hi = date(d.year, d.month, 1), date(d.year, d.month, cal.month_last_day(d.year, d.month))
            return Found(i, j, "date", cal.month(d.year, d.month), precision=3, bounds=(lo, hi))
        if unit == "Y":
            y = a.year + step
            return Found(i, j, "date", f"{y:04d}", precision=3, bounds=(date(y, 1, 1), date(y, 12, 31)))
        if unit == "DE":
            dec = a.year // 10 + step
            return Found(i, j, "date", f"{dec:03d}", precision=3, bounds=(date(dec * 10, 1, 1), date(dec * 10 + 9, 12, 31)))
        if unit == "CE":
            c = a.year // 100 + step
            return Found(i, j, "date", f"{c:02d}", precision=3, bounds=(date(c * 100, 1, 1), date(c * 100 + 99, 12, 31)))
        return None

    def r_season_football(self, i: int, j: int, this: bool) -> Found | None:
        """A football season (August to May): `الموسم الماضي` = 2014/2015 in a 2015-07 article; `هذا الموسم` in
        the summer break is the season just ended."""
        j += 1
        mod = "current" if this else self.mod_at(j)
        if mod is None:
            return None
        if not this:
            j += 1
        try:
            a = self.A()
        except NoAnchor:
            return Found(i, j, "date", "XXXX/XXXX", precision=3, anchored=False)
        if 6 <= a.month <= 8:  # the summer break: "this" and "last" season are the one just ended
            start = {"past": a.year - 1, "current": a.year - (0 if self.future() else 1), "future": a.year}[mod]
        else:
            cur = a.year if a.month >= 9 else a.year - 1
            start = {"past": cur - 1, "current": cur, "future": cur + 1}[mod]
        lo, hi = date(start, 8, 1), date(start + 1, 5, 31)
        return Found(i, j, "date", f"{start}/{start + 1}", f"{start}-08/{start + 1}-05", 3, bounds=(lo, hi))

    def quantity(self, i: int) -> tuple[float | None, float | None, str, int, str] | None:
        """[approximator] number unit | dual unit | unit واحد | نصف ساعة | عدة unit (+ تقريبا): (n, n2, unit,
        end, mod); n None means an unspecified number (`عدة سنوات` → PXY); n2 the top of a range (`3-4 أيام`)."""
        j = i
        mod = ""
        if self.k(j) in APPROX:
            mod, j = "APPROX", j + 1
        elif self.k(j) in MORE_LESS and self.k(j + 1) == tkey("من"):
            mod, j = ("MORE_THAN" if self.k(j) in {tkey("أكثر"), tkey("اكثر")} else "LESS_THAN"), j + 2
        elif self.k(j) == tkey("ما") and self.k(j + 1) in {tkey("يقارب"), tkey("يزيد"), tkey("يربو")}:
            mod, j = "APPROX", j + 2 + (self.k(j + 2) in {tkey("على"), tkey("عن")})
        n2 = None
        if self.k(j) in _HALF and self.k(j + 1) in {tkey("ساعة"), tkey("ساعه")}:
            n, u, j = _HALF[self.k(j)], "H", j + 2
        elif self.k(j) in _SOME:
            un = self.unit(j + 1)
            if un is None or un[1] is not None:
                return None
            n, u, j = None, un[0], un[2]
        elif self.k(j) in UNIT_DUALS_DEF and mod:  # منذ قرابة السنتين
            n, u, j = 2.0, UNIT_DUALS_DEF[self.k(j)], j + 1
        else:
            num = self.number(j)
            if num is not None:
                n, j = num
                if self.k(j) in {"-", "–", tkey("إلى"), tkey("الى"), tkey("أو"), tkey("او")}:
                    num2 = self.number(j + 1)
                    if num2 is not None and num2[0] > n:
                        n2, j = num2
                # a list sharing one unit: 3 و5 و9 و14 سنة → from the first to the last
                while self.k(j)[:1] == "و" and (self.k(j)[1:].isdigit() or self.k(j) == "و" and self.k(j + 1).isdigit()):
                    last = int(self.k(j)[1:]) if self.k(j)[1:].isdigit() else int(self.k(j + 1))
                    j += 1 if self.k(j)[1:].isdigit() else 2
                    if last > (n2 or n):
                        n2 = float(last)
                un = self.unit(j)
                if un is None:
                    return None
                u, j = un[0], un[2]
                if un[1] is not None:  # ثلاثة يومين? no: a dual after a number is not a count
                    return None
            else:
                un = self.unit(j)
                if un is None:
                    return None
                u, c, j = un
                if c is not None:
                    n = float(c)
                    if self.k(j) in {tkey("أو"), tkey("او"), tkey("إلى"), tkey("الى")}:  # شهرين أو ثلاثة
                        num2 = self.number(j + 1)
                        if num2 is not None and num2[0] > n:
                            n2, j = num2
                            if self.unit(j) is not None and self.unit(j)[0] == u:
                                j = self.unit(j)[2]  # يومين أو ثلاث أيام
                elif self.k(j) in _ONE:
                    n, j = 1.0, j + 1
                else:
                    return None
        if n is not None and self.k(j) in {tkey("ونصف"), tkey("ونصفا")} and u in ("Y", "H", "D", "M"):
            n, j = n + 0.5, j + 1
        if self.k(j) in _ABOUT_AFTER:
            mod, j = mod or "APPROX", j + 1
        if self.k(j) in {tkey(w) for w in ("مقبلة", "قادمة", "ماضية", "مضت", "متتالية", "متواصلة", "كاملة")}:
            j += 1  # أربعة أعوام مقبلة, ثلاثة أيام متتالية
        return n, n2, u, j, mod

    @staticmethod
    def duration_value(n: float | None, u: str) -> str:
        if u in _UNIT_SECONDS:
            if n is None:
                return "PTX" + {"H": "H", "MIN": "M", "S": "S"}[u]
            secs = n * _UNIT_SECONDS[u]
            if secs % 3600 == 0:
                return f"PT{int(secs // 3600)}H"
            if secs % 60 == 0:
                return f"PT{int(secs // 60)}M"
            return f"PT{int(secs)}S"
        mult = {"DE": 10, "CE": 100}.get(u, 1)
        letter = {"DE": "Y", "CE": "Y"}.get(u, u)
        if n is None:
            return f"PX{letter}"
        if n != int(n) and u in ("Y", "D", "M"):  # خمس سنوات ونصف → P5Y6M
            half = {"Y": "6M", "M": "15D", "D": "T12H"}[u]
            return f"P{int(n)}{letter}{half}"
        v = n * mult
        return f"P{int(v) if v == int(v) else v}{letter}"

    def r_ago(self, i: int) -> Found | None:
        """`منذ ثلاثة أيام`, `قبل ثلاثة أسابيع`, `منذ 19 عاماً` (a past point at the unit's granularity), a future
        `بعد يومين` (a future point), `منذ عقود` / `منذ سنوات` (vague past)."""
        k = self.k(i)
        if k not in {tkey("منذ"), tkey("قبل"), tkey("بعد")}:
            return None
        q = self.quantity(i + 1)
        if q is None:
            if k == tkey("منذ") or k == tkey("قبل"):
                j = i + 1
                if self.k(j) in _SOME:
                    j += 1
                un = self.unit(j)
                if un is not None and self.k(j) in UNIT_SINGULARS and not self.k(j - 1) in _SOME and \
                        not self.k(un[2]).startswith("ال"):  # قبل يوم العيد, منذ يوم الجمعة: a day named
                    nxt = self.k(un[2])
                    if nxt in MONTHS or nxt in HIJRI_MONTHS or f"{nxt} {self.k(un[2] + 1)}" in MONTHS or \
                            f"{nxt} {self.k(un[2] + 1)}" in HIJRI_MONTHS or nxt[:1].isdigit() or nxt in NUMBERS:
                        return None  # منذ شهر فبراير, منذ عام 2010: since a date, not "a month ago"
                    return self._ago(i, un[2], k, 1.0, un[0], "")
                if un is not None and un[1] is None and self.k(j) in UNIT_PLURALS:
                    j = un[2]
                    if self.k(j) in {tkey("طويلة"), tkey("عديدة"), tkey("قليلة"), tkey("مضت")}:
                        j += 1
                    return Found(i, j, "vague", "PAST_REF")
            return None
        n, n2, u, j, mod = q
        nxt = self.k(j)
        if nxt in {tkey("من"), tkey("على")} or (k == tkey("بعد") and not self.future()):
            return None  # a duration between two events, or an elapsed time: the quantity alone (r_duration)
        if n is None:
            return Found(i, j, "vague", "PAST_REF" if k != tkey("بعد") else "FUTURE_REF")
        return self._ago(i, j, k, n, u, mod)

    def _ago(self, i: int, j: int, k: str, n: float, u: str, mod: str) -> Found:
        sign = 1 if k == tkey("بعد") else -1
        try:
            a = self.A()
        except NoAnchor:
            return Found(i, j, "date", "XXXX", precision=3, anchored=False, mod=mod or None)
        amount = int(n) if n == int(n) else n
        if u in _UNIT_SECONDS:
            return Found(i, j, "date", cal.day(a), precision=1, bounds=(a, a), mod=mod or None)
        if u == "D":
            d = a + timedelta(days=sign * amount)
            return Found(i, j, "date", cal.day(d), precision=1, bounds=(d, d), mod=mod or None)
        if u == "W":
            d = a + timedelta(weeks=sign * amount)
            lo, hi = cal.week_bounds(d)
            return Found(i, j, "date", cal.iso_week(d), precision=2, bounds=(lo, hi), mod=mod or None)
        if u == "M":
            d = cal.add_months(a, int(sign * amount))
            lo, hi = date(d.year, d.month, 1), date(d.year, d.month, cal.month_last_day(d.year, d.month))
            return Found(i, j, "date", cal.month(d.year, d.month), precision=3, bounds=(lo, hi), mod=mod or None)
        years = int(sign * amount * {"DE": 10, "CE": 100}.get(u, 1))
        y = a.year + years
        return Found(i, j, "date", f"{y:04d}", precision=3, bounds=(date(y, 1, 1), date(y, 12, 31)), mod=mod or None)

    def r_duration(self, i: int) -> Found | None:
        """A length of time: `خمسة أيام`, `60 يوما`, `ثلاثين دقيقة تقريبا`, `عاما واحدا`, `يومين`, `عدة سنوات`,
        `نحو 3-4 أيام`; a bare plural (`لسنوات`) after a clitic لـ or after `لمدة`."""
        q = self.quantity(i)
        if q is None:
            # an age: في الثلاثين من عمره, في الـ26 من العمر
            j0 = i + 1 if self.k(i) == "ال" else i
            while j0 < self.n and self.k(j0) == "" and j0 > i:
                j0 += 1
            num = self.number(j0) if (j0 > i or self.k(i).startswith("ال")) else None
            if num is not None and self.k(num[1]) == tkey("من") and self.k(num[1] + 1) in _AGE:
                return Found(i, num[1] + 2, "duration", self.duration_value(num[0], "Y"))
            k = self.k(i)
            un = self.unit(i)
            few = self.k(i + 1) in _FEW_MANY
            if un is not None and un[1] is None and k in UNIT_PLURALS and self.k(i + 1) in {tkey("مضت"), tkey("خلت")}:
                return Found(i, i + 2, "vague", "PAST_REF")  # ليالٍ مضت, سنوات خلت
            if un is not None and un[1] is None and k in UNIT_PLURALS and (
                    few or self.clitic in ("ل", "ول", "فل") or self.k(i - 1) in {tkey("لمدة"), tkey("طوال"), tkey("طيلة")}):
                j = un[2]
                if self.k(j) in _FEW_MANY:
                    j += 1
                return Found(i, j, "duration", self.duration_value(None, un[0]))  # أشهر قليلة, لسنوات
            return None
        n, n2, u, j, mod = q
        if n is not None and u in ("Y",) and self.k(i - 1) in {tkey("عام"), tkey("العام")}:
            return None
        if any(self.named(x) for x in range(i, j)):
            return None  # أبو قرنين: a name
        v = self.duration_value(n, u)
        if n2 is not None:
            v = f"{v}/{self.duration_value(n2, u)}"
        return Found(i, j, "duration", v, mod=mod or None)

    def r_last_units(self, i: int) -> Found | None:
        """`الأيام الماضية` (vague, bounded), `الأسابيع القليلة الماضية`, `الأيام العشرة الماضية` (a duration with
        its interval), `الشهرين الماضيين`, `الأربعة أيام الماضية`, `السنوات المقبلة`."""
        j = i
        n = None
        k = self.k(j)
        if k in UNIT_PLURALS_DEF:
            u = UNIT_PLURALS_DEF[k]
            j += 1
            if self.k(j) == "ال":  # الساعات الـ24 الماضية
                j += 1
                while j < self.n and self.k(j) == "":
                    j += 1
            num = self.number(j)
            if num is not None:
                n, j = num
        elif k in UNIT_DUALS_DEF:
            u, n, j = UNIT_DUALS_DEF[k], 2.0, j + 1
        else:
            if k == "ال":  # الـ 24 ساعة الماضية
                j += 1
                while j < self.n and self.k(j) == "":
                    j += 1
            num = self.number(j)
            if num is None or not k.startswith("ال"):
                return None
            n, j = num
            un = self.unit(j)
            if un is not None:
                u, j = un[0], un[2]
            elif self.k(j) in UNIT_PLURALS_DEF:
                u, j = UNIT_PLURALS_DEF[self.k(j)], j + 1
            else:
                return None
        few = self.k(j) in FEW
        if few:
            j += 1
        mod = self.mod_at(j)
        if mod not in ("past", "future"):
            return None
        j += 1
        try:
            a = self.A()
        except NoAnchor:
            a = None
        if n is None:
            if mod == "past":
                back = VAGUE_PAST_UNITS.get(u)
                iv = None
                if back and a is not None:
                    amount = int(back[2:-1])
                    unit = back[-1]
                    iv = cal.span(cal.shift(a, -amount, unit), a)
                return Found(i, j, "vague", "PAST_REF", iv, anchored=a is not None or back is None)
            fwd = VAGUE_FUTURE_UNITS.get(u)
            iv = cal.span(a, cal.shift(a, int(fwd[2:-1]), fwd[-1])) if a is not None and fwd and fwd[-1] != "H" \
                else (cal.span(a, a + timedelta(days=1)) if a is not None and fwd else None)
            return Found(i, j, "vague", "FUTURE_REF", iv)
        v = self.duration_value(n, u)
        iv = None
        if a is not None:
            amount = int(n) * {"DE": 10}.get(u, 1)
            unit = {"DE": "Y"}.get(u, u)
            if unit in ("D", "W", "M", "Y"):
                other = cal.shift(a, -amount if mod == "past" else amount, unit)
                iv = cal.span(other, a) if mod == "past" else cal.span(a, other)
        return Found(i, j, "duration", v, iv, anchored=a is not None)

    def r_vague(self, i: int) -> Found | None:
        for ln in (4, 3, 2, 1):
            key = " ".join(self.k(x) for x in range(i, i + ln))
            if key in VAGUE:
                if key == tkey("المستقبل") and self.pk(i) in NOT_TODAY_HEADS:  # تيار "المستقبل": a name
                    return None
                if key == tkey("من قبل") and self.k(i + 2) not in {"", ".", "،", ",", "؟", "!", ":", "»", '"', ")"}:
                    return None  # من قبل + a noun is the agent ("by"), not "before"
                if key == tkey("الأمس") and self.clitic not in ("ب", "وب", "فب") and self.k(i - 1) != tkey("في"):
                    return None
                value, back = VAGUE[key]
                if key in {tkey("حديثا"), tkey("حديثاً")} and self.k(i - 1) in {tkey("قديما"), tkey("قديماً")}:
                    value, back = "PRESENT_REF", None  # قديماً وحديثاً: in modern times
                iv = None
                if back:
                    try:
                        a = self.A()
                    except NoAnchor:
                        return Found(i, i + ln, "vague", value, anchored=False)
                    amount, unit = int(back[2:-1]), back[-1]
                    iv = cal.span(cal.shift(a, -amount, unit), a) if back[0] == "-" else \
                        cal.span(a, cal.shift(a, amount, unit))
                return Found(i, i + ln, "vague", value, iv)
        k = self.k(i)
        if k == tkey("اللحظة") and self.k(i - 1) in {tkey("حتى"), tkey("وحتى"), tkey("هذه")}:
            return Found(i, i + 1, "vague", "PRESENT_REF")  # حتى اللحظة
        if k == tkey("السابق") and self.k(i - 1) == tkey("في") or k == tkey("الماضي") and (
                self.k(i - 1) in _PAST_NOUN_BEFORE or self.clitic in ("ب", "و", "ف", "ل", "وب", "ول", "فب")):
            return Found(i, i + 1, "vague", "PAST_REF")  # في السابق, أخطاء الماضي: "the past"
        if k in {tkey("أخيرا"), tkey("أخيراً"), tkey("اخيرا")} and i > 0 and not self.clitic and \
                self.k(i - 1) not in {".", "،", ":", "!", "؟"}:
            try:
                a = self.A()
            except NoAnchor:
                return Found(i, i + 1, "vague", "PAST_REF", anchored=False)
            return Found(i, i + 1, "vague", "PAST_REF", cal.span(cal.add_months(a, -1), a))
        return None

    def r_anaphoric(self, i: int) -> Found | None:
        """`الفترة ذاتها`, `نفس الفترة`, `ذلك العام`: the period the text has just named (the last date of the
        document so far); with none, `هذه الفترة` is the present."""
        for ln in (3, 2):
            key = " ".join(self.k(x) for x in range(i, i + ln))
            if key in ANAPHORIC_PERIODS:
                prev = self.previous[-1] if self.previous else None
                if prev is not None:
                    return Found(i, i + ln, "date", prev.value, prev.interval, prev.precision, prev.mod,
                                 prev.anchored, prev.calendar, bounds=prev.bounds)
                if key in {tkey("هذه الفترة")}:
                    return Found(i, i + ln, "vague", "PRESENT_REF")
                return None
        return None

    def r_year_round(self, i: int) -> Found | None:
        for ln in (4, 3, 2):
            if " ".join(self.k(x) for x in range(i, i + ln)) in YEAR_ROUND:
                return Found(i, i + ln, "duration", "P1Y")
        return None

    def r_per_unit(self, i: int) -> Found | None:
        """`130 مليون طن في العام`, `1.3 ساعة في الأسبوع`: a rate per unit of time is a set."""
        k = self.k(i)
        per = {tkey("العام"): "P1Y", tkey("السنة"): "P1Y", tkey("الأسبوع"): "P1W", tkey("الاسبوع"): "P1W",
               tkey("الشهر"): "P1M", tkey("اليوم"): "P1D", tkey("الساعة"): "PT1H"}.get(k)
        nxt = self.k(i + 1)
        if per is None or self.k(i - 1) != tkey("في") or nxt.startswith("ال") or nxt in MONTHS or nxt[:1].isdigit() \
                or nxt in PAST_MODS | FUTURE_MODS | CURRENT_MODS:
            return None  # (في العام الماضي, في العام 2015 are dates)
        if not any(self.k(x)[:1].isdigit() or self.number(x) is not None for x in range(max(0, i - 6), i - 1)):
            return None
        return Found(i, i + 1, "set", per)

    def r_set(self, i: int) -> Found | None:
        if self.k(i) == tkey("كل"):
            if self.k(i + 1) in _DAY_WORD and self.k(i + 2).replace("ال", "", 1) in _BARE_WEEKDAYS:
                return Found(i, i + 3, "set", "P1W")  # كل يوم اثنين
            if self.k(i + 1) in MONTHS or self.k(i + 1) in HIJRI_MONTHS:
                return Found(i, i + 2, "set", "P1Y")  # كل يوليو, كل رمضان
        for ln in (4, 3, 2, 1):
            key = " ".join(self.k(x) for x in range(i, i + ln))
            if key in SETS:
                if key in {tkey("كل عام"), tkey("كل سنة")} and (self.k(i + ln).startswith(("وانتم", "وأنتم", "وانت"))
                                                                 or self.k(i + ln) in {tkey("وأنتم"), tkey("وانتم")}):
                    return None
                return Found(i, i + ln, "set", SETS[key])
        if self.k(i) == tkey("كل"):
            q = self.quantity(i + 1)
            if q is not None and q[0] is not None:
                return Found(i, q[3], "set", self.duration_value(q[0], q[2]))
        return None

    def r_holiday(self, i: int) -> Found | None:
        """Eid al-Fitr, Eid al-Adha, the Hajj season, Ashura …: the Gregorian span of the occurrence nearest the
        anchor (past context: the last one begun; `المقبل`: the next)."""
        spec = None
        nth = None
        if self.k(i) in _DAY_WORD and (f"{self.k(i + 1)} {self.k(i + 2)}" in HOLIDAYS or self.k(i + 1) in HOLIDAYS):
            inner = self.r_holiday(i + 1)  # يوم العيد: its (first) day
            if inner is not None and inner.bounds:
                d = inner.bounds[0]
                return Found(i, inner.j, "date", cal.day(d), precision=1, calendar="hijri", bounds=(d, d))
            if inner is not None:
                return Found(i, inner.j, "date", inner.value, calendar="hijri")  # in general: XXXX
        h = i + 1 if self.k(i) in _THIS and (f"{self.k(i + 1)} {self.k(i + 2)}" in HOLIDAYS
                                             or self.k(i + 1) in HOLIDAYS) else i  # هذا العيد
        if h == i and self.k(i) in _NTH_DAY and self.k(i + 1) in {tkey("أيام"), tkey("ايام"), tkey("يوم")}:
            nth, h = _NTH_DAY[self.k(i)], i + 2  # أول أيام عيد الفطر: its first day
        elif h == i and self.k(i) in {tkey("أيام"), tkey("ايام")} and f"{self.k(i + 1)} {self.k(i + 2)}" in HOLIDAYS:
            h = i + 1  # أيام عيد الفطر
        for ln in (4, 3, 2, 1):
            key = " ".join(self.k(x) for x in range(h, h + ln))
            if key in HOLIDAYS:
                spec, j = HOLIDAYS[key], h + ln
                break
        if spec is None:
            return None
        if self.named(h) or self.pk(h) in SPEECH_VERBS:
            return None  # عادل العيد, وأضاف العيد: a family name
        if self.k(i) == tkey("الحج") and self.k(i - 1) not in {tkey("موسم"), tkey("خلال"), tkey("قبل"), tkey("بعد")}:
            return None  # الحج alone is the pilgrimage, not its dates
        if self.k(j) in {tkey("المبارك"), tkey("السعيد")}:
            j += 1
        mod = self.mod_at(j)
        if mod in ("past", "future"):
            j += 1
        yr = self.year(j, bare_ok=False)
        hm, d1, d2 = spec
        try:
            a = self.A()
        except NoAnchor:
            if yr is None:
                return Found(i, j, "date", "XXXX", anchored=False, calendar="hijri")
            a = date(2000, 1, 1)
        if yr is not None and yr[1] == "hijri":
            hy, j = yr[0], yr[2]
        else:
            ay = cal.to_hijri(a)[0]
            spans = {y: (cal.hijri_to_date(y, hm, d1), cal.hijri_to_date(y, hm, d2)) for y in (ay - 1, ay, ay + 1)}
            if mod == "past":
                hy = max(y for y, (lo, hi) in spans.items() if hi < a)
            elif mod == "future":
                hy = min(y for y, (lo, hi) in spans.items() if lo > a)
            else:
                hy = min(spans, key=lambda y: min(abs((spans[y][0] - a).days), abs((spans[y][1] - a).days)))
                if self.future() and (a - spans[hy][1]).days > 45:
                    hy += 1  # long past, in a sentence about what is coming: the next one
        if mod is None and yr is None and any(self.k(x) in _HABITUAL for x in range(max(0, i - 5), min(self.n, j + 5))):
            # عادات العيد, جرت العادة أن … في العيد: the holiday in general, every year (GUIDELINE: XXXX)
            return Found(i, j, "date", "XXXX", calendar="hijri")
        lo, hi = cal.hijri_to_date(hy, hm, d1), cal.hijri_to_date(hy, hm, d2)
        if nth is not None:
            lo = hi = lo + timedelta(days=nth - 1)
        v = cal.day(lo) if lo == hi else cal.span(lo, hi)
        return Found(i, j, "date", v, precision=cal.precision_of(lo, hi), calendar="hijri", bounds=(lo, hi))

    def r_season(self, i: int) -> Found | None:
        """`الصيف`, `هذا الصيف`, `صيف العام الحالي`, `فصل الشتاء`, `الصيف الماضي` → `2015-SU` with its interval
        (astronomical seasons); الربيع and الخريف need فصل, هذا, a modifier or a year."""
        j = i
        this = self.k(j) in _THIS
        word = self.k(j) == tkey("فصل")
        if this or word:
            j += 1
        k = self.k(j)
        if k not in SEASONS:
            return None
        s = SEASONS[k]
        j += 1
        mod = self.mod_at(j)
        y_written = None
        if mod:
            j += 1
        elif self.k(j) in {tkey("هذا"), tkey("العام"), tkey("عام")}:
            r = self.r_relative(j) or self.r_year(j)
            if r is not None and r.type == "date" and r.value[:4].isdigit():
                y_written, j = int(r.value[:4]), r.j
        else:
            yr = self.year(j, bare_ok=True)
            if yr is not None:
                y_written, j = yr[0], yr[2]
        if s in ("SP", "FA") and not (this or word or mod or y_written):
            return None
        if word and not (this or mod or y_written):  # فصل الشتاء: the season in general, every year
            return Found(i, j, "date", f"XXXX-{s}")
        if k.startswith("ال") is False and not (y_written or mod or this):
            return None  # صيف without a year or a modifier: a construct state we cannot place
        if self.k(j) in {tkey("العربي"), tkey("العربية")}:
            return None  # الربيع العربي
        try:
            a = self.A()
        except NoAnchor:
            if y_written is None:
                return Found(i, j, "date", f"XXXX-{s}", precision=3, anchored=False)
            a = date(y_written, 7, 1)
        y = y_written if y_written is not None else a.year
        if y_written is None:
            if s == "WI" and a.month <= 3:
                y -= 1
            if mod == "past":
                y -= 1
            elif mod == "future":
                y += 1
        starts = {"SP": ((3, 20), (6, 20)), "SU": ((6, 21), (9, 22)), "FA": ((9, 23), (12, 20)),
                  "WI": ((12, 21), (3, 20))}
        (m1, d1), (m2, d2) = starts[s]
        lo, hi = date(y, m1, d1), date(y + 1 if s == "WI" else y, m2, d2)
        return Found(i, j, "date", f"{y:04d}-{s}", cal.span(lo, hi), 3, bounds=(lo, hi))

    def r_part(self, i: int) -> Found | None:
        """`مطلع الشهر الماضي`, `منتصف يوليو (تموز) الماضي`, `نهاية العام`, `أواخر 2014`: the whole unit's value,
        the part as interval, `mod` START/MID/END."""
        k = self.k(i)
        if k not in PART_OF:
            return None
        part = PART_OF[k]
        j = i + 1
        if self.k(j) == tkey("من"):
            j += 1
        inner = self.r_month(j) or self.r_relative(j) or self.r_year(j)
        if inner is None and self.k(j) in {tkey("العام"), tkey("الشهر"), tkey("الأسبوع"), tkey("الاسبوع")} and \
                self.k(j + 1) not in _OTHER_YEARS:  # (بداية العام الدراسي: the school year, not this one)
            try:
                a = self.A()
            except NoAnchor:
                return None
            unit = UNIT_SINGULAR_DEF[self.k(j)]
            if unit == "M":
                lo, hi = date(a.year, a.month, 1), date(a.year, a.month, cal.month_last_day(a.year, a.month))
                inner = Found(j, j + 1, "date", cal.month(a.year, a.month), precision=3, bounds=(lo, hi))
            elif unit == "Y":
                inner = Found(j, j + 1, "date", f"{a.year:04d}", precision=3,
                              bounds=(date(a.year, 1, 1), date(a.year, 12, 31)))
            else:
                lo, hi = cal.week_bounds(a)
                inner = Found(j, j + 1, "date", cal.iso_week(a), precision=2, bounds=(lo, hi))
        if inner is None or inner.type != "date" or inner.bounds is None or not inner.anchored:
            return None
        lo, hi = inner.bounds
        n = (hi - lo).days + 1
        if 27 <= n <= 31:  # a month: days 1–10, 11–20, 21–end
            a = {"START": lo, "MID": lo + timedelta(days=10), "END": lo + timedelta(days=20)}[part]
            b = {"START": lo + timedelta(days=9), "MID": lo + timedelta(days=19), "END": hi}[part]
            prec = 2
        elif 360 <= n <= 370:  # a year: Jan–Apr, May–Aug, Sep–Dec
            y = lo.year
            a = {"START": date(y, 1, 1), "MID": date(y, 5, 1), "END": date(y, 9, 1)}[part]
            b = {"START": date(y, 4, 30), "MID": date(y, 8, 31), "END": date(y, 12, 31)}[part]
            prec = 3
        else:
            return Found(i, inner.j, "date", inner.value, inner.interval, inner.precision, part, bounds=inner.bounds)
        iv = cal.span(a, b) if n < 360 else f"{a.isoformat()[:7]}/{b.isoformat()[:7]}"
        return Found(i, inner.j, "date", inner.value, iv, prec, part, bounds=(a, b), calendar=inner.calendar)

    def r_quarter(self, i: int) -> Found | None:
        """`الربع الثاني من العام`, `النصف الأول من هذا العام`, `الربع الأول 2015` → `2015-Q2`, `2015-H1`."""
        k = self.k(i)
        last = self.k(i + 1) in {tkey("الأخير"), tkey("الاخير")}
        if k not in QUARTERS or (self.k(i + 1) not in ORDINALS and not last):
            return None
        size = QUARTERS[k]
        nth = size if last else ORDINALS[self.k(i + 1)]
        if nth > size:
            return None
        j = i + 2
        jj = j + 1 if self.k(j) == tkey("من") else j
        inner = self.r_relative(jj) or self.r_year(jj)
        if inner is not None and inner.type == "date" and re.fullmatch(r"\d{4}", inner.value):
            y, j = int(inner.value), inner.j
        elif self.k(jj) in {tkey("العام"), tkey("السنة")}:
            try:
                y, j = self.A().year, jj + 1
            except NoAnchor:
                return None
        else:
            if self.k(jj - 1) == tkey("من"):
                return None
            try:
                y = self.A().year
            except NoAnchor:
                return None
        code = f"Q{nth}" if size == 4 else f"H{nth}"
        months = 12 // size
        lo = date(y, (nth - 1) * months + 1, 1)
        hm = nth * months
        hi = date(y, hm, cal.month_last_day(y, hm))
        return Found(i, j, "date", f"{y:04d}-{code}", precision=3, bounds=(lo, hi))

    def r_century(self, i: int) -> Found | None:
        """`القرن العشرين`, `القرن الـ20`, `القرن الحادي والعشرين`, `القرن الماضي`; decades `الثمانينات`."""
        k = self.k(i)
        if k in _DECADES:
            j = i + 1
            cent = 19
            jc = j + 1 if self.k(j) == tkey("من") else j
            if self.k(jc) == _CENTURY:  # ثمانينات القرن الماضي, التسعينات من القرن العشرين
                c = self.r_century(jc)
                if c is not None and c.value.isdigit():
                    cent, j = int(c.value), c.j
            d = cent * 10 + _DECADES[k]
            return Found(i, j, "date", f"{d:03d}", precision=3, bounds=(date(d * 10, 1, 1), date(d * 10 + 9, 12, 31)))
        if k != _CENTURY:
            return None
        j = i + 1
        if self.k(j) in {"ال", "الـ", "ـ"}:
            j += 1
        nk = self.k(j)
        n = None
        m = re.fullmatch(r"(?:ال)?(\d{1,2})", nk)
        if m:
            n, j = int(m.group(1)), j + 1
        elif nk in ORDINAL_TENS:
            n, j = ORDINAL_TENS[nk], j + 1
        elif nk in ORDINALS:
            v = ORDINALS[nk]
            if self.k(j + 1) in TEEN_SECOND:
                n, j = v + 10, j + 2
            elif self.k(j + 1).startswith("و") and self.k(j + 1)[1:] in ORDINAL_TENS:
                n, j = v + ORDINAL_TENS[self.k(j + 1)[1:]], j + 2
            else:
                n, j = v, j + 1
        else:
            mod = self.mod_at(j)
            if mod is None:
                return None
            try:
                a = self.A()
            except NoAnchor:
                return Found(i, j + 1, "date", "XX", precision=3, anchored=False)
            c = a.year // 100 + {"past": -1, "future": 1, "current": 0}[mod]
            return Found(i, j + 1, "date", f"{c:02d}", precision=3,
                         bounds=(date(max(c * 100, 1), 1, 1), date(c * 100 + 99, 12, 31)))
        if self.k(j) in {tkey("الميلادي"), tkey("الهجري"), tkey("للميلاد")}:
            j += 1
        c = n - 1
        return Found(i, j, "date", f"{c:02d}", precision=3, bounds=(date(max(c * 100, 1), 1, 1), date(c * 100 + 99, 12, 31)))

    def r_day_range(self, i: int) -> Found | None:
        """`من السادس إلى 15 اغسطس`, `27 إلى 30 يوليو`: a range of days in one month (span from the first day)."""
        dn = self.day_number(i)
        if dn is None or self.k(dn[1]) not in _CONNECT - {tkey("و")}:
            return None
        second = self.r_day_month(dn[1] + 1)
        if second is None or second.precision != 1 or second.bounds is None:
            return None
        end = second.bounds[1]
        try:
            lo = date(end.year, end.month, dn[0]) if second.calendar == "gregorian" else None
        except ValueError:
            return None
        if lo is None:
            y, m, _ = cal.to_hijri(end)
            lo = cal.hijri_to_date(y, m, dn[0])
        if lo > end:
            return None
        return Found(i, second.j, "date", cal.span(lo, end), precision=cal.precision_of(lo, end), bounds=(lo, end),
                     calendar=second.calendar)

    RULES: tuple[str, ...] = ("r_numeric", "r_day_range", "r_day_month", "r_month", "r_year", "r_deictic",
                              "r_weekday", "r_day_part", "r_clock", "r_relative", "r_ago", "r_duration",
                              "r_last_units", "r_vague", "r_set", "r_holiday", "r_season", "r_part", "r_quarter",
                              "r_century", "r_year_round", "r_anaphoric", "r_per_unit")

    # -- the scan -------------------------------------------------------------------------------------------------
    def clitic_forms(self, i: int) -> list[tuple[str, str]]:
        """(clitic, rest) readings of token i: as written first, then with each leading clitic taken off. After
        `لل` the rest keeps one lam (`للموسم` → `لموسم`, GUIDELINE §3) but is matched as `الموسم`."""
        k = self.keys[i]
        out = [("", k)]
        if not k or not k[0] in "وفبلك":
            return out
        for c in _CLITICS:
            if k.startswith(c) and len(k) - len(c) >= 2:
                rest = k[len(c):]
                if c.endswith("ال"):
                    out.append((c[:-2], "ال" + rest))
                elif c.endswith("لل"):
                    out.append((c[:-1], "ال" + rest))  # span from the second lam: لموسم
                else:
                    out.append((c, rest))
        return out

    def scan(self) -> list[Found]:
        out: list[Found] = []
        i = 0
        while i < self.n:
            if self.keys[i] in _IDIOM_FIRST:
                joined = " ".join(self.keys[i:i + 4])
                idiom = next((x for x in IDIOMS if joined.startswith(x)), None)
                if idiom is not None:
                    i += len(idiom.split(" "))
                    continue
            best: Found | None = None
            forms = [(c, r) for c, r in self.clitic_forms(i) if r in _TRIGGERS or r[:1].isdigit()]
            for clitic, rest in forms:
                self.i0, self.first, self.clitic = i, rest, clitic
                for name in self.RULES:
                    try:
                        f = getattr(self, name)(i)
                    except NoAnchor:
                        f = None
                    if f is not None and f.j > i and (best is None or f.j > best.j):
                        f.skip = len(clitic)
                        best = f
                if best is not None:
                    break  # a reading as written wins over one with a clitic taken off
            self.i0, self.first, self.clitic = -1, "", ""
            if best is None:
                i += 1
                continue
            best = self.merge_range(best, out)
            if best.type in ("date", "time") and best.precision == 1 and best.bounds:
                self.days.append(best.bounds[0])
            if best.type == "date" and best.bounds is not None:
                self.previous.append(best)
            out.append(best)
            i = best.j
        return out

    def merge_range(self, f: Found, out: list[Found]) -> Found:
        """Join `X إلى Y`, `X - Y`, `بين X و Y` into one range when both ends are dates (GUIDELINE §3)."""
        j = f.j
        between = self.k(f.i - 1) == tkey("بين") or self.k(f.i) in {tkey("عامي"), tkey("شهري")}
        self.i0, self.first, self.clitic = -1, "", ""
        if f.type != "date" or f.bounds is None:
            return f
        if self.k(j) in _CONNECT and (self.k(j) != tkey("و") or between):
            at = j + 1
        elif between and self.k(j).startswith("و") and len(self.k(j)) > 2:
            at = j  # بين يونيو 2014 ومارس 2015: the و is attached
            self.i0, self.first, self.clitic = j, self.k(j)[1:], "و"
        else:
            return f
        second: Found | None = None
        for name in ("r_numeric", "r_day_month", "r_month", "r_year", "r_relative"):
            try:
                second = getattr(self, name)(at)
            except NoAnchor:
                second = None
            if second is not None:
                break
        self.i0, self.first, self.clitic = -1, "", ""
        if second is None or second.type != "date" or second.bounds is None:
            return f
        lo, hi = f.bounds[0], second.bounds[1]
        # the first end written without a year takes the second's (من 27 يوليو إلى 27 سبتمبر 2015)
        if f.ymd and f.ymd[0] is None and second.ymd and second.ymd[0] is not None and f.ymd[1]:
            y2 = second.ymd[0]
            m1, d1 = f.ymd[1], f.ymd[2] or 1
            if f.calendar == "gregorian" and second.calendar == "gregorian":
                lo = date(y2 if m1 <= (second.ymd[1] or 12) else y2 - 1, m1, min(d1, 28 if m1 == 2 else d1))
        if hi < lo:
            return f
        if f.precision == 3 and second.precision == 3 and re.fullmatch(r"\d{4}", f.value) and \
                re.fullmatch(r"\d{4}", second.value):
            v = f"{f.value}/{second.value}"
        elif f.precision == 1 and second.precision == 1:
            v = cal.span(lo, hi)
        else:
            v = f"{f.value}/{second.value}"
        return Found(f.i, second.j, "date", v, precision=cal.precision_of(lo, hi), skip=f.skip, bounds=(lo, hi),
                     calendar=f.calendar)


def _first_words(*tables) -> set[str]:
    return {k.split(" ")[0] for t in tables for k in t}


# the words an expression can begin with (a token that is none of these, nor a number, starts nothing)
_TRIGGERS = _first_words(
    MONTHS, HIJRI_MONTHS, WEEKDAYS, DEICTICS, UNITS, UNIT_PLURALS_DEF, UNIT_SINGULAR_DEF, UNIT_DUALS_DEF, NUMBERS,
    {"ال" + k for k in NUMBERS}, TEENS_FIRST, ORDINALS, ORDINAL_TENS, DAY_PARTS, PART_OF, QUARTERS, SEASONS, VAGUE,
    SETS, HOLIDAYS, _DECADES, APPROX, MORE_LESS, _SOME, _HALF, _THIS, _YEAR_WORDS, _DAY_WORD, _MONTH_WORD, _NTH_DAY,
    _SEASON_WORD, YEAR_ROUND, ANAPHORIC_PERIODS,
    {tkey(w) for w in ("منذ", "قبل", "بعد", "تمام", "الساعة", "الساعه", "فصل", "القرن", "وقت", "منتصف", "ما", "كل",
                       "غد", "أمس", "امس", "السابق", "الماضي", "أخيرا", "اخيرا", "أيام", "ايام", "الليلة", "ال",
                       "اللحظة")})


_IDIOM_FIRST = {x.split(" ")[0] for x in IDIOMS}


def tag_tokens(toks: list[Tok], anchor: date | None, previous: list[Found] | None = None) -> list[Found]:
    return SentenceTagger(toks, anchor, previous).scan()

