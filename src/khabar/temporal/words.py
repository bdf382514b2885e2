"""Word tables of the temporal tagger, written as they are spelt and folded once with `tkey`.

Folding (`tkey`): the project's search-key table (`fold`: alef forms, ى → ي, ة → ه, harakat and tatweel),
hamza kept on its seat, Quranic marks dropped and Arabic-Indic and Persian digits made ASCII. Every table below is keyed by folded
forms, so `إبريل`, `ابريل` and `أبريل` are one entry. The claims extractor folds with it too.
"""

from __future__ import annotations

import re
from functools import lru_cache

from ..fold import FOLD_TABLE as _FOLD_TABLE

_MARKS = re.compile(r"[\u0610-\u061A\u0670\u06D6-\u06ED]")  # marks `fold` keeps
# fold's table, keeping hamza on its seat (ئ, ؤ: the word tables are spelt with them), plus ASCII digits
_TABLE = {k: v for k, v in _FOLD_TABLE.items() if k not in (ord("ئ"), ord("ؤ"))}
_TABLE.update({0x0660 + i: ord(str(i)) for i in range(10)} | {0x06F0 + i: ord(str(i)) for i in range(10)})
# characters that str.isdigit() accepts but int() does not (², ⒍, ❹): folded to a symbol, so that no rule that
# tests isdigit() ever reads one as a number (all of them lie below U+20000)
_TABLE.update({c: ord("#") for c in range(0x20000) if chr(c).isdigit() and not chr(c).isdecimal()})


@lru_cache(maxsize=100_000)
def tkey(s: str) -> str:
    return _MARKS.sub("", s).translate(_TABLE)


def _table(pairs: dict[str, object]) -> dict[str, object]:
    out: dict[str, object] = {}
    for spellings, v in pairs.items():
        for s in spellings.split("|"):
            out[tkey(s)] = v
    return out


# Gregorian months: Egyptian/Gulf (يناير), Levantine/Iraqi (كانون الثاني) and Maghrebi (جانفي) names.
# Two-word names are keyed by their two folded words joined by a space.
MONTHS: dict[str, int] = _table({  # type: ignore[assignment]
    "يناير|ينايِر|كانون الثاني|جانفي|يناير": 1,
    "فبراير|فبرايِر|شباط|فيفري|فبرير": 2,
    "مارس|آذار|اذار": 3,
    "أبريل|إبريل|ابريل|نيسان|أفريل|افريل|ابرايل": 4,
    "مايو|أيار|ايار|ماي|مايّو": 5,
    "يونيو|يونيه|حزيران|جوان|يونيُو": 6,
    "يوليو|يوليه|تموز|جويلية|جويلة|يوليُو": 7,
    "أغسطس|اغسطس|أغسطُس|آب|اوت|أوت|اغستس": 8,
    "سبتمبر|أيلول|ايلول|شتنبر": 9,
    "أكتوبر|اكتوبر|تشرين الأول|تشرين الاول|أكتوبَر": 10,
    "نوفمبر|تشرين الثاني|نونبر": 11,
    "ديسمبر|كانون الأول|كانون الاول|دجنبر": 12,
})
# month names that are also ordinary words or names (نيسان the car maker, آب father, ماي): only in a date
AMBIGUOUS_MONTHS = {tkey(w) for w in ("نيسان", "آب", "ماي", "اوت", "أوت")}

HIJRI_MONTHS: dict[str, int] = _table({  # type: ignore[assignment]
    "محرم|المحرم": 1, "صفر": 2, "ربيع الأول|ربيع الاول": 3, "ربيع الآخر|ربيع الثاني|ربيع الاخر": 4,
    "جمادى الأولى|جمادى الاولى|جمادي الأولى|جمادي الاولى": 5,
    "جمادى الآخرة|جمادى الاخرة|جمادى الثانية|جمادي الآخرة|جمادي الاخرة|جمادي الثانية": 6,
    "رجب": 7, "شعبان": 8, "رمضان": 9, "شوال": 10,
    "ذو القعدة|ذي القعدة|ذا القعدة|ذو القعده|ذي القعده": 11, "ذو الحجة|ذي الحجة|ذا الحجة|ذو الحجه|ذي الحجه": 12,
})
# Hijri month names that are also first names or words (رجب, شعبان, رمضان, صفر "zero", محرم "forbidden")
AMBIGUOUS_HIJRI = {tkey(w) for w in ("محرم", "المحرم", "صفر", "رجب", "شعبان", "رمضان")}

WEEKDAYS: dict[str, int] = _table({  # Python weekday(): Monday 0 … Sunday 6
    "الاثنين|الإثنين|الأثنين|الاتنين": 0, "الثلاثاء|الثلاثا": 1, "الأربعاء|الاربعاء|الأربعا": 2, "الخميس": 3,
    "الجمعة": 4, "السبت": 5, "الأحد|الاحد": 6,
})
# الاثنين is also "the two", الأحد "the one": only after يوم, a deictic, a part of day, a bracket or before a date
AMBIGUOUS_WEEKDAYS = {tkey("الاثنين"), tkey("الأحد"), tkey("الإثنين"), tkey("الأثنين")}

# deictic days: offset from the anchor
DEICTICS: dict[str, int] = _table({"أمس|امس|البارحة": -1, "اليوم": 0, "غدا|غداً|غدًا|الغد": 1})

# units: (unit letter, count implied by the form or None); letters as in ISO 8601 durations, H/MIN/S for time
UNITS: dict[str, tuple[str, int | None]] = _table({  # type: ignore[assignment]
    "يوم|يوما|يوماً|أيام|ايام|يومًا": ("D", None), "يومين|يومان": ("D", 2),
    "أسبوع|اسبوع|أسبوعا|أسابيع|اسابيع|اسبوعا": ("W", None), "أسبوعين|اسبوعين|أسبوعان": ("W", 2),
    "شهر|شهرا|شهراً|أشهر|اشهر|شهور": ("M", None), "شهرين|شهران": ("M", 2),
    "سنة|سنه|سنوات|سنين|سنون|عام|عاما|عاماً|أعوام|اعوام": ("Y", None), "سنتين|سنتان|عامين|عامان": ("Y", 2),
    "عقد|عقدا|عقود": ("DE", None), "عقدين|عقدان": ("DE", 2), "قرن|قرنا|قرون": ("CE", None), "قرنين": ("CE", 2),
    "ساعة|ساعات|ساعه": ("H", None), "ساعتين|ساعتان": ("H", 2),
    "دقيقة|دقائق|دقيقه": ("MIN", None), "دقيقتين|دقيقتان": ("MIN", 2),
    "ثانية|ثوان|ثواني|ثوانٍ": ("S", None),
    "موسم|موسما|موسماً|موسمًا|مواسم": ("Y", None), "موسمين|موسمان": ("Y", 2),  # sports seasons count as years
})
# plural units (a count without a number: منذ سنوات, لسنوات, عدة أشهر)
UNIT_PLURALS = {tkey(w) for w in ("أيام", "ايام", "أسابيع", "اسابيع", "أشهر", "اشهر", "شهور", "سنوات", "سنين",
                                  "أعوام", "اعوام", "عقود", "قرون", "ساعات", "دقائق", "مواسم")}
# singular units that mean "one" after منذ / قبل / بعد (قبل أسبوع, منذ عام)
UNIT_SINGULARS = {tkey(w) for w in ("يوم", "أسبوع", "اسبوع", "شهر", "عام", "سنة", "عقد", "قرن", "ساعة", "موسم")}
# definite plural units for "the last days" phrases
UNIT_PLURALS_DEF: dict[str, str] = _table({  # type: ignore[assignment]
    "الأيام|الايام": "D", "الأسابيع|الاسابيع": "W", "الأشهر|الاشهر|الشهور": "M",
    "السنوات|السنين|الأعوام|الاعوام|المواسم": "Y", "العقود": "DE", "الساعات": "H",
})
# definite singular units: الأسبوع الماضي, الشهر المقبل
UNIT_SINGULAR_DEF: dict[str, str] = _table({  # type: ignore[assignment]
    "اليوم": "D", "الأسبوع|الاسبوع": "W", "الشهر": "M", "العام|السنة|السنه": "Y", "القرن": "CE", "العقد": "DE",
})
# definite duals: الشهرين الماضيين, العامين الماضيين
UNIT_DUALS_DEF: dict[str, str] = _table({  # type: ignore[assignment]
    "اليومين": "D", "الأسبوعين|الاسبوعين": "W", "الشهرين": "M", "العامين|السنتين|الموسمين": "Y", "العقدين": "DE",
})

PAST_MODS = {tkey(w) for w in ("الماضي", "الماضية", "الماضيه", "المنصرم", "المنصرمة", "الفائت", "الفائتة", "السابق",
                               "السابقة", "الماضيين", "الماضيتين", "المنصرمين", "الأخير", "الأخيرة", "الاخير",
                               "الاخيرة", "الأخيرين", "الاخيرين")}
FUTURE_MODS = {tkey(w) for w in ("المقبل", "المقبلة", "القادم", "القادمة", "المقبلين", "القادمين", "الجديد",
                                 "الجديدة", "التالي", "التالية")}
CURRENT_MODS = {tkey(w) for w in ("الجاري", "الجارية", "الحالي", "الحالية", "هذا", "هذه", "الحاضر", "الراهن")}
FEW = {tkey(w) for w in ("القليلة", "القليله", "القلائل", "المعدودة")}

# number words (cardinals, masculine and feminine, with and without the article)
NUMBERS: dict[str, int] = _table({  # type: ignore[assignment]
    "واحد|واحدة|واحدا|واحداً": 1, "اثنين|اثنان|اثنتين|اثنتان|إثنين": 2, "ثلاث|ثلاثة|ثلاثه": 3,
    "أربع|اربع|أربعة|اربعة": 4, "خمس|خمسة": 5, "ست|ستة": 6, "سبع|سبعة": 7, "ثمان|ثماني|ثمانية|ثمانِ": 8,
    "تسع|تسعة": 9, "عشر|عشرة": 10, "عشرين|عشرون": 20, "ثلاثين|ثلاثون": 30, "أربعين|اربعين|أربعون|اربعون": 40,
    "خمسين|خمسون": 50, "ستين|ستون": 60, "سبعين|سبعون": 70, "ثمانين|ثمانون": 80, "تسعين|تسعون": 90,
    "مئة|مائة|مئه|مائه": 100, "مئتين|مائتين|مئتي|مائتي": 200, "ألف|الف": 1000,
})
TEENS_FIRST: dict[str, int] = _table({  # أحد عشر, اثنا عشر, ثلاثة عشر …
    "أحد|احد|إحدى|احدى": 1, "اثنا|اثني|اثنتا|اثنتي": 2, "ثلاثة|ثلاث": 3, "أربعة|اربعة|أربع|اربع": 4, "خمسة|خمس": 5,
    "ستة|ست": 6, "سبعة|سبع": 7, "ثمانية|ثماني|ثمان": 8, "تسعة|تسع": 9,
})
TEEN_SECOND = {tkey("عشر"), tkey("عشرة")}
# ordinal days: الأول … الحادي والثلاثين
ORDINALS: dict[str, int] = _table({  # type: ignore[assignment]
    "الأول|الاول|الأولى|الاولى": 1, "الثاني|الثانية": 2, "الثالث|الثالثة": 3, "الرابع|الرابعة": 4,
    "الخامس|الخامسة": 5, "السادس|السادسة": 6, "السابع|السابعة": 7, "الثامن|الثامنة": 8, "التاسع|التاسعة": 9,
    "العاشر|العاشرة": 10, "الحادي|الحادية": 1,
})
ORDINAL_TENS: dict[str, int] = _table({"العشرين": 20, "الثلاثين": 30})  # type: ignore[assignment]

# parts of a day: TIMEX3 part-of-day codes
DAY_PARTS: dict[str, str] = _table({  # type: ignore[assignment]
    "صباح|صباحا|صباحاً|الصباح|ضحى|الضحى|فجر|الفجر|فجرا|فجراً": "MO",
    "ظهر|ظهرا|ظهراً|الظهر|ظهيرة|الظهيرة|بعد الظهر|عصر|عصرا|عصراً|العصر": "AF",
    "مساء|مساءً|مساءا|المساء|مغرب|المغرب": "EV",
    "ليلة|ليل|ليلا|ليلاً|الليل|الليلة|منتصف الليل|منتصف ليل": "NI",
})
# clock hours written as words (الساعة العاشرة)
CLOCK_WORDS: dict[str, int] = _table({  # type: ignore[assignment]
    "الواحدة": 1, "الثانية": 2, "الثالثة": 3, "الرابعة": 4, "الخامسة": 5, "السادسة": 6, "السابعة": 7,
    "الثامنة": 8, "التاسعة": 9, "العاشرة": 10, "الحادية عشرة": 11, "الحادية عشر": 11, "الثانية عشرة": 12,
    "الثانية عشر": 12,
})

# parts of a period: (mod, first day, last day) of a month; years use thirds (Jan–Apr, May–Aug, Sep–Dec)
PART_OF: dict[str, str] = _table({  # type: ignore[assignment]
    "مطلع|بداية|بدايه|بدايات|أوائل|اوائل|مستهل|أول|اول|بدء|مطالع": "START", "منتصف|أواسط|اواسط|وسط": "MID",
    "أواخر|اواخر|نهاية|نهايه|نهايات|آخر|اخر|ختام": "END",
})
QUARTERS: dict[str, int] = _table({"الربع": 4, "النصف": 2})  # type: ignore[assignment]

SEASONS: dict[str, str] = _table({"الصيف|صيف": "SU", "الشتاء|شتاء": "WI", "الربيع|ربيع": "SP",
                                  "الخريف|خريف": "FA"})  # type: ignore[assignment]

# vague expressions: key (one to four folded words) → (value, interval: ("P1M" back) or ("+P3M" forward) or None)
VAGUE: dict[str, tuple[str, str | None]] = _table({  # type: ignore[assignment]
    "مؤخرا|مؤخراً|مؤخرًا|حديثا|حديثاً|الآونة الأخيرة|الآونة الاخيرة|آونة الأخيرة|الآونة الماضية":
        ("PAST_REF", "-P1M"),
    "الفترة الماضية|الفترة الأخيرة|الفترة الاخيرة|الفترة القليلة الماضية|الفترات الماضية|الفترة المنصرمة":
        ("PAST_REF", "-P6M"),
    "وقت سابق|سابقا|سابقاً|من قبل|الماضي القريب|منذ القدم|منذ زمن|منذ زمن طويل|منذ فترة|منذ فترة طويلة"
    "|منذ وقت طويل|منذ أمد|منذ أمد بعيد|الأمس|فترات سابقة|زمن مضى|الزمن الماضي|قديما|قديماً|قديمًا|وقت مبكر"
    "|وقت قريب|أوقات سابقة|منذ عقود|منذ قرون|منذ بعض الوقت|منذ مدة|منذ مدة طويلة|تلك الأيام|تلك الايام|ذلك الزمن"
    "|ذاك الزمن|ذلك الوقت|ذاك الوقت|تلك الحقبة|ذلك الحين|ذاك الحين|فيما مضى|ما مضى|زمن الآباء والأجداد"
    "|زمن الأجداد|الأيام الخوالي|قديم الزمان|سالف الزمان|سالف العصر|العصور الماضية|الزمن الجميل"
    "|الماضي البعيد": ("PAST_REF", None),
    "حاليا|حالياً|حاليًا|الآن|الان|الوقت الحالي|الوقت الراهن|الوقت الحاضر|هذه الأيام|هذه الايام|هذه الفترة"
    "|الفترة الحالية|الفترة الراهنة|هذه الأثناء|هذه الاثناء|هذه السنوات|الأيام الحالية|المرحلة الراهنة"
    "|هذا التوقيت|الوقت الحاضر|المرحلة الحالية|هذه اللحظة|اللحظة الراهنة|الوقت الراهن|هذا العصر|العصر الحالي"
    "|العصر الحديث|عصرنا|عصرنا الحالي|زماننا|هذا الزمن|هذا الزمان|أيامنا هذه|يومنا هذا|الحين": ("PRESENT_REF", None),
    "قريبا|قريباً|قريبًا|المستقبل القريب|القريب العاجل|الفترة المقبلة|الفترة القادمة": ("FUTURE_REF", "+P3M"),
    "المستقبل|مستقبلا|مستقبلاً|وقت لاحق|لاحقا|لاحقاً|فيما بعد|السنوات المقبلة|السنوات القادمة|الأعوام المقبلة"
    "|الأعوام القادمة|الاعوام المقبلة|الاعوام القادمة|المدى الطويل|المدى البعيد|المدى القريب|الأجل القريب"
    "|الأجل الطويل|المدى المتوسط|المستقبل البعيد|الأمد القريب|الأمد الطويل|الأمد البعيد|الأمد المتوسط"
    "|الأجل المتوسط": ("FUTURE_REF", None),
})
# vague "the last days / weeks / months / years" (no number): interval back from the anchor
VAGUE_PAST_UNITS = {"D": "-P7D", "W": "-P4W", "M": "-P6M", "Y": "-P5Y", "DE": None, "H": "-P1D"}
# and "the coming days / weeks / months", bounded the same way forward (years and decades: unbounded)
VAGUE_FUTURE_UNITS = {"D": "+P7D", "W": "+P4W", "M": "+P6M", "H": "+P1D"}
# anaphoric periods: the period the text has just named (GUIDELINE: الفترة ذاتها, نفس الفترة, هذه الفترة)
ANAPHORIC_PERIODS = {tkey(w) for w in ("الفترة ذاتها", "الفترة نفسها", "نفس الفترة", "ذات الفترة", "الفترة المماثلة",
                                        "الفترة المناظرة", "الفترة المذكورة", "تلك الفترة", "الفترة ذاتها من",
                                        "هذه الفترة", "الموسم نفسه", "العام نفسه", "العام ذاته", "نفس العام",
                                        "ذلك العام", "تلك السنة", "الشهر نفسه", "نفس الشهر", "ذلك الشهر", "اليوم نفسه",
                                        "نفس اليوم", "ذلك اليوم", "اليوم ذاته")}

# recurrences: key → period
SETS: dict[str, str] = _table({  # type: ignore[assignment]
    "يوميا|يومياً|يوميًا|كل يوم|على مدار الساعة|على مدار اليوم|بشكل يومي|على أساس يومي|كل ليلة|كل صباح|كل مساء": "P1D",
    "أسبوعيا|اسبوعيا|أسبوعياً|اسبوعياً|كل أسبوع|كل اسبوع|بشكل أسبوعي|على أساس أسبوعي": "P1W",
    "شهريا|شهرياً|شهريًا|كل شهر|بشكل شهري|على أساس شهري": "P1M",
    "سنويا|سنوياً|سنويًا|كل عام|كل سنة|كل سنه|بشكل سنوي|على أساس سنوي|عاما بعد عام|عامًا بعد عام|سنة بعد سنة":
        "P1Y",
    "كل ساعة|كل ساعه": "PT1H",
})
# year-round: a duration of a year (GUIDELINE: على مدار العام, طوال العام → P1Y)
YEAR_ROUND = {tkey(w) for w in ("على مدار العام", "على مدار السنة", "طوال العام", "طيلة العام", "طوال السنة",
                                 "على مدار العام كله", "طوال أيام السنة", "على مدى العام")}
# fixed idioms whose time words are no time (يوما بعد يوم "increasingly", ليلا ونهارا "constantly")
IDIOMS = {tkey(w) for w in ("يوما بعد يوم", "يوماً بعد يوم", "يومًا بعد يوم", "ليلا ونهارا", "ليلاً ونهاراً",
                             "ليل نهار", "جيلا بعد جيل", "في أمس الحاجة", "أمس الحاجة")}

# words before which العام is "general" (المدير العام), not "the year"
GENERAL_HEADS = {tkey(w) for w in (
    "الأمين", "الامين", "المدير", "الرأي", "الراي", "النائب", "المدعي", "القطاع", "المال", "الصالح", "الشأن",
    "المؤتمر", "الإضراب", "الأمن", "العفو", "الاتحاد", "المجلس", "المرشد", "المراقب", "القائد", "المفتش", "الذوق",
    "النظام", "الإطار", "الاطار", "الطابع", "الهدف", "الوضع", "التعليم", "الدين", "الادعاء", "الإدعاء", "المشرف",
    "المنسق", "المستشار", "الرئيس", "الحق", "النفع", "المسجل", "الإطار", "الصعيد", "الخط", "الاتجاه", "المفهوم",
    "الشكل", "المعنى", "المزاج", "المناخ", "التوجه", "المستوى", "الاستياء", "الغضب", "الإنفاق", "الانفاق", "الدين",
    "الإنذار", "الاستنفار", "التفتيش", "الحزن", "التأييد", "الرضا", "السخط", "التصويت", "الاكتتاب", "المدير")}
# words before اليوم that make it a name (عين اليوم, صحيفة اليوم)
NOT_TODAY_HEADS = {tkey(w) for w in ("عين", "صحيفة", "جريدة", "لصحيفة", "بصحيفة", "وصحيفة", "موقع", "قناة", "برنامج",
                                     "تيار", "حزب", "تلفزيون", "مجلة", "لجريدة")}
QUOTES = {'"', "«", "»", "“", "”", "'", "‘", "’"}
SPEECH_VERBS = {tkey(w) for w in ("قال", "وقال", "أضاف", "وأضاف", "أوضح", "وأوضح", "ذكر", "وذكر", "أكد", "وأكد",
                                  "أشار", "وأشار", "بين", "وبين", "لفت", "ولفت", "رأى", "ورأى", "يقول", "ويقول",
                                  "أفاد", "وأفاد", "أبان", "وأبان", "اعتبر", "واعتبر", "الدكتور", "د", "المهندس")}

# prepositions and prepositional nouns left out of a span (GUIDELINE §3)
LEADING = {tkey(w) for w in ("في", "خلال", "حتى", "من", "إلى", "الى", "منذ", "بدءا", "اعتبارا", "ابتداء", "بتاريخ",
                             "لمدة", "مدة", "فترة", "طوال", "طيلة", "غضون", "مدى", "مدار", "قبل", "بعد", "عقب")}
APPROX = {tkey(w) for w in ("نحو", "حوالي", "حوالى", "قرابة", "زهاء", "تمام", "قرابه")}
MORE_LESS = {tkey(w) for w in ("أكثر", "اكثر", "أقل", "اقل")}

# future cues in the sentence: a future particle or an imperfect with س-, or words of plan
FUTURE_WORDS = {tkey(w) for w in ("سوف", "المقبل", "المقبلة", "القادم", "القادمة", "يعتزم", "تعتزم", "المقرر",
                                  "المتوقع", "المنتظر", "المرتقب", "المزمع", "ستكون", "سيكون")}
# ("يعقد", "تنطلق" … in the present tense also tell habits and past events told in the present: not future cues)
