"""Attribution (isnad) extraction: cues, sources, contents, stances, chains, hedges and source types.

For each sentence, in token order:
1. **Cues** come from `data/claims/cues.tsv`: reporting verbs in their common forms (و/ف taken off, an object
   pronoun allowed: اعتبرته), participles (مشيراً), verbal nouns in a frame (إعلان X أن, نقلت … عن X قوله),
   prepositional cues (بحسب، وفقاً لـ، نقلاً عن، على لسان) and unambiguous passives (أُفيد، قيل). Cues marked `that` in
   the file (بيّن, رأى, روى …) count only when a complementizer, a colon or a quotation follows.
2. **Source**: after a verb, the noun phrase up to the first stopper (a complementizer أن/إن, a colon or a
   quotation mark, a comma, the addressee لـ…, the channel في بيان/في تصريح, a time word); a cue followed at once
   by a stopper, or a participle, has an implicit source resolved to the last explicit one (`source_ref`). After a
   prepositional cue the source is the phrase that follows it and the content is the clause it qualifies.
3. **Content**: from the complementizer (or the colon, the opening quotation mark, the object after إلى/على/بـ, or
   the direct object) to the end of the sentence, cut before a trailing `، مشيراً …` or `، بحسب …`.
4. **Chains**: `نقل X عن Y (قوله)` is a chain of two; a cue inside the content of another is the next link.
5. **Source type** (DESIGN §4) from the linked entities in the source phrase (a person → named_person, an
   organisation or state → named_organization) and from its head noun (`data/claims/sources.tsv`: مصدر →
   anonymous_source, مراقبون → vague_collective, بيان → document_or_statement, مسؤول → official_role_unnamed).
6. Sentences with no attribution that assert something are listed as `unattributed`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache

from ..datafiles import packaged_rows
from ..temporal.words import tkey

_STRIP = ("و", "ف")
_PRONOUNS = ("ه", "ها", "هم", "هما", "هن", "نا")
COMPLEMENTIZERS = {tkey(w) for w in ("أن", "إن", "ان", "أنه", "إنه", "انه", "أنها", "إنها", "انها", "أنهم", "إنهم",
                                     "انهم", "أنهما", "إنهما", "بأن", "بان", "بأنه", "بانه", "بأنها", "بانها",
                                     "بأنهم", "وأن", "وإن", "أنّ", "إنّ", "لأن", "أنا", "أننا", "إننا", "اننا", "بأننا")}
QUOTES = {'"', "«", "»", "“", "”", "'", "‘", "’", "{", "}"}
OPEN_QUOTES = {'"', "«", "“", "‘", "{"}
COLON = {":", "："}
COMMA = {"،", ",", "؛", ";"}
END = {".", "!", "؟", "?", "…"}
CHANNEL = {tkey(w) for w in ("في", "خلال", "عبر", "أثناء", "اثناء", "ضمن", "على", "أمام", "امام", "لدى", "إثر", "فيه",
                             "فيها", "فيهم", "له", "لها", "لهم", "منه", "منها", "منهم")}
TIME_WORDS = {tkey(w) for w in ("أمس", "امس", "اليوم", "غدا", "الأحد", "الاثنين", "الإثنين", "الثلاثاء", "الأربعاء",
                                "الخميس", "الجمعة", "السبت", "مساء", "صباح", "ظهر", "ليلة", "يوم", "مؤخرا", "أيضا",
                                "ايضا", "كذلك", "بدوره", "بدورها", "من جهته", "من جانبه", "جهته", "جانبه",
                                "جانبها", "جهتها", "سابقا")}
ADDRESSEE_MEDIA = {tkey(w) for w in ("لـ", "ل", "للصحفيين", "للصحافيين", "للصحافة", "للإعلاميين", "للتلفزيون",
                                     "لوكالة", "لصحيفة", "لقناة", "لموقع", "لإذاعة", "لشبكة", "لمراسل", "للمراسلين")}
PREP_OBJECT = {tkey(w) for w in ("إلى", "الى", "على", "عن")}
HEDGES = {tkey(w) for w in ("ربما", "يعتقد", "يُعتقد", "يبدو", "بدا", "يشتبه", "يُشتبه", "المرجح", "محتمل", "المحتمل",
                            "يحتمل", "لعل", "ربّما", "مرجحا", "يرجح", "يُرجح", "على ما يبدو", "وفق مراقبين",
                            "لمح", "لمحت", "ألمح", "ألمحت")}
ASIDES = {tkey(w) for w in ("يذكر", "يُذكر", "يشار", "يُشار", "يجدر")}  # the writer's own asides (يذكر أن …)
NOT_AFTER_CALL = {tkey(w) for w in ("الله", "لله", "له", "لها", "لهم", "ربه", "المولى", "الباري", "العلي")}
NEGATIONS = {tkey(w) for w in ("لا", "لم", "لن", "ما", "ليس")}  # دعا الله: a prayer
BLAME = {tkey(w) for w in ("المسؤولية", "المسئولية", "مسؤولية", "مسئولية")}
QAWL = {tkey(w) for w in ("قوله", "قولها", "قولهم", "قولهما")}
MAX_SOURCE = 14
_HONORIFICS = {tkey(w) for w in ("الشيخ", "الأمير", "الدكتور", "السيد", "السيدة", "المهندس", "الأستاذ", "العميد",
                                  "اللواء", "العقيد", "الفريق", "المشير", "الرئيس", "الملك", "سمو", "معالي")}
# verbal nouns that speech verbs take as their object (أكد أهمية, طالب بضرورة, أعلن عدم): never the speaker
_OBJECT_NOUNS = {tkey(w) for w in (
    "أهمية", "اهمية", "ضرورة", "عدم", "حدوث", "تضامن", "رفض", "دعم", "استمرار", "التزام", "حرص", "استعداد", "إمكانية",
    "امكانية", "وجود", "مقتل", "سقوط", "تمسك", "تأييد", "ترحيب", "إدانة", "ادانة", "قرب", "بدء", "انتهاء", "نجاح",
    "فشل", "موافقة", "إطلاق", "اطلاق", "إلقاء", "القبض", "اعتقال", "مواصلة", "وقف", "تعليق", "زيادة", "تراجع",
    "ارتفاع", "انخفاض", "عودة", "انسحاب", "تقدم", "تحرير", "سيطرة", "الإبقاء", "إبقاء", "حجم", "عدد", "نبأ", "خبر",
    "استعدادها", "استعداده", "حرصها", "حرصه", "دعمها", "دعمه", "رفضها", "رفضه", "تضامنها", "تضامنه", "النظر",
    "عزمه", "عزمها", "عزم", "هذه", "هذا", "تلك", "ذلك")}
_HONORIFIC_PRONOUNS = {tkey(w) for w in ("سموه", "سماحته", "معاليه", "فخامته", "جلالته", "سعادته", "فضيلته")}
_OFFICES_AND_ROLES = {tkey(w) for w in ("العميد", "اللواء", "العقيد", "الخبير", "المحلل", "الكاتب", "الباحث",
                                         "الممثل", "النائب", "الوزير", "السفير", "المتحدث", "الناطق", "المستشار",
                                         "المدير", "الرئيس", "رئيس", "نائب", "عضو", "مدير")}
_RELATIVES = {tkey(w) for w in ("الذي", "التي", "الذين", "اللذين", "اللتين", "اللواتي", "اللاتي", "اللذان")}
_ADJ_WORDS = {tkey(w) for w in ("الشريفين", "العام", "العامة", "الخاصة", "العليا", "الخاص", "الأعلى", "الأول", "الثاني", "العليا", "الكبرى", "الأولى", "المؤقت",
                                 "المكلف", "المساعد", "التنفيذي", "الأممي", "الدائم", "السابق", "المنتهية")}
_PREPOSITIONS = {tkey(w) for w in ("عن", "من", "في", "على", "إلى", "الى", "ب", "ل", "حول", "بعد", "قبل", "دون",
                                    "عدم", "أو", "او")}
_STATEMENTS = {tkey(w) for w in ("بيان", "بيانا", "بياناً", "بيانين", "تقرير", "تقريرا", "تقريراً", "تسجيل", "تسجيلا",
                                  "تسجيلاً", "شريط", "شريطا", "فيديو", "رسالة", "تغريدة", "تصريحا", "تصريحاً",
                                  "بلاغا", "بلاغاً", "تعميما", "صورا")}
_ATTACK = {tkey(w) for w in ("هجوم", "هجوما", "الهجوم", "هجمات", "الهجمات", "تفجير", "التفجير", "تفجيرا", "تفجيرات",
                             "عملية", "العملية", "المسؤولية", "مسؤولية", "اعتداء", "الاعتداء", "اغتيال", "تفجيرين",
                             "هجومين", "العمليات", "عمليات")}
_CONDEMN = {tkey(w) for w in ("إدانة", "ادانة", "إدانتها", "ادانتها", "إدانته", "ادانته", "إدانتهم", "استنكار",
                              "استنكارها", "استنكاره", "استنكارهم", "شجب", "شجبها", "شجبه", "تنديد", "تنديدها",
                              "تنديده", "رفض", "رفضها", "رفضه")}
_FRAME_TAIL = {tkey(w) for w in ("به", "بها", "عنه", "عنها", "له", "لها", "عنهم", "بهم", "على", "في", "عن")}
_LINKERS = {tkey(w) for w in ("إذ", "اذ", "حيث", "فيما", "بينما", "كما", "و", "ثم")}


@dataclass(frozen=True)
class Cue:
    lemma: str
    stance: str
    kind: str  # verb | participle | prep | noun | passive
    needs: str  # "" | that | blame | call
    words: tuple[str, ...]  # folded words of the form


@dataclass
class Lexicon:
    cues: dict[str, list[Cue]]  # first folded word → cues beginning with it (longest first)
    source_types: dict[str, str]  # folded head noun → source type


@lru_cache(maxsize=1)
def default_lexicon() -> Lexicon:
    cues: dict[str, list[Cue]] = {}
    for r in packaged_rows("claims", "cues.tsv"):
        for form in r["forms"].split(" | "):
            words = tuple(tkey(w) for w in form.replace("لـ", "ل").split())
            if not words:
                continue
            c = Cue(r["lemma"], r["stance"], r["kind"], r["needs"], words)
            cues.setdefault(words[0], []).append(c)
    for lst in cues.values():
        lst.sort(key=lambda c: -len(c.words))
    types: dict[str, str] = {}
    for r in packaged_rows("claims", "sources.tsv"):
        for w in r["words"].split(" | "):
            k = tkey(w.strip())
            types.setdefault(k, r["type"])
            if k.startswith("ال"):
                types.setdefault(k[2:], r["type"])
            else:
                types.setdefault("ال" + k, r["type"])
    return Lexicon(cues, types)


@dataclass
class Found:
    """One attribution inside a sentence, by token index ([a, b) ranges); None where absent."""

    cue: tuple[int, int]
    lemma: str
    stance: str
    kind: str
    source: tuple[int, int] | None = None
    content: tuple[int, int] | None = None
    implicit: bool = False
    chain: int | None = None
    chain_pos: int | None = None
    hedges: list[str] = field(default_factory=list)
    inner: bool = False  # the second link of a transmission frame (نقلت … عن X قوله)
    skip: int = 0  # letters of و/ف attached to the cue


def _variants(key: str) -> list[tuple[str, int]]:
    """(form, letters of و/ف taken off): the word, then without و/ف, then without an object pronoun
    (اعتبرته → اعتبرت)."""
    out = [(key, 0)]
    for p in _STRIP:
        if key.startswith(p) and len(key) > 3:
            out.append((key[1:], 1))
    for v, n in list(out):
        for s in _PRONOUNS:
            if v.endswith(s) and len(v) - len(s) >= 3:
                out.append((v[: -len(s)], n))
    return out


class SentenceExtractor:
    def __init__(self, keys: list[str], lex: Lexicon, places: set[int] | None = None,
                 names: list[int] | None = None, persons: set[int] | None = None,
                 raw: list[str] | None = None, known_persons: set[str] | None = None) -> None:
        self.keys = keys
        self.raw = raw or keys  # the clean tokens (folding turns ة into ه: إضافة is no أضاف + ه)
        self.known_persons = known_persons or set()  # last names of the persons the document names
        self._cues: dict[int, tuple[Cue, int, int] | None] = {}
        self.n = len(keys)
        self.lex = lex
        self.places = places or set()  # token indices inside place names
        self.names = names or [-1] * len(keys)  # for each token, the entity or mention holding it (-1: none)
        self.persons = persons or set()  # tokens inside person names

    def k(self, i: int) -> str:
        return self.keys[i] if 0 <= i < self.n else ""

    # -- cues -----------------------------------------------------------------------------------------------------
    def cue_at(self, i: int) -> tuple[Cue, int, int] | None:
        """The cue starting at token i: (cue, end token, characters of a stripped و/ف); cached per token."""
        if i not in self._cues:
            self._cues[i] = self._cue_at(i)
        return self._cues[i]

    def _cue_at(self, i: int) -> tuple[Cue, int, int] | None:
        taa = self.raw[i].endswith("ة") if i < len(self.raw) else False
        for v, skip in _variants(self.k(i)):
            if taa and not self.k(i).endswith(v[-1:]):
                continue  # إضافة, محملة: a noun or a participle in ة, not a verb with its pronoun
            for c in self.lex.cues.get(v, ()):
                ln = len(c.words)
                if all(self._word_ok(self.k(i + m), c.words[m]) for m in range(1, ln)):
                    return c, i + ln, skip
        return None

    @staticmethod
    def _word_ok(key: str, want: str) -> bool:
        return key == want or (want == "ل" and key in {"ل", "لـ"}) or key.startswith(want) and want in ("ل",)

    # -- spans ----------------------------------------------------------------------------------------------------
    def is_stop(self, i: int) -> bool:
        k = self.k(i)
        return (k in COMPLEMENTIZERS or k in COLON or k in QUOTES or k in COMMA or k in END or k == ""
                or k in ADDRESSEE_MEDIA or k in CHANNEL or k in TIME_WORDS or k.startswith("لل")
                or k in PREP_OBJECT or (k.startswith("ب") and k[1:] in COMPLEMENTIZERS))

    def source_after(self, j: int) -> tuple[int, int] | None:
        """The source phrase starting at token j, or None (implicit)."""
        if self.k(j) in {tkey(w) for w in ("فيه", "فيها", "فيهم")} and not self.is_stop(j + 1):
            j += 1  # قال فيه متحدث رسمي
        if self.k(j) in OPEN_QUOTES and j + 1 < self.n and self.names[j + 1] != -1:
            pass  # تبناهما «داعش»: a quoted name
        elif self.is_stop(j) or self.cue_at(j) is not None:
            return None
        e = j + 1
        while e < self.n and e - j < MAX_SOURCE:
            if self.k(e - 1) in OPEN_QUOTES - {'"', "'"} or (self.k(e - 1) == '"' and e - 2 >= j
                                                                and self._construct(e - 2)):
                close = next((x for x in range(e, min(self.n, e + 6)) if self.k(x) in QUOTES), None)
                if close is not None:  # a quoted name: run to its closing mark
                    e = close + 1
                    continue
            if not self.continues(e, j):
                break
            e += 1
        # a role phrase that runs on to its holder's name: مدير مكتب الصحة في عدن الخضر لاصور, سفيرة الولايات
        # المتحدة لدى الأمم المتحدة سامنتا باور (no comma, complementizer, quotation or addressee between)
        if e < self.n and e - 1 not in self.persons and self.head_is_role(j):
            x = e
            while x < self.n and x - e < 6 and x not in self.persons and not (
                    self.k(x) in COMPLEMENTIZERS | COLON | QUOTES | COMMA | END or self.cue_at(x) is not None
                    or self.k(x) in ADDRESSEE_MEDIA or self._channel_noun(x) or self.k(x) in TIME_WORDS
                    or self.k(x)[:1] == "ل" and not self.k(x).startswith(("لل", "ال"))):
                x += 1
            if x < self.n and x in self.persons and x > e:
                while x < self.n and x in self.persons:
                    x += 1
                e = x
        # an appositive name after a role: عضو في رئاسة الاتحاد الإسلامي الكردستاني، ابوبكر علي
        if self.k(e) in COMMA and e + 1 in self.persons and e - 1 not in self.persons:
            x = e + 1
            while x < self.n and x in self.persons:
                x += 1
            e = x
        # an appositive role after a named person: الدكتور نواف الفغم، عضو لجنة الشؤون الأمنية
        if self.k(e) in COMMA and e - 1 in self.persons and \
                self.lex.source_types.get(self.k(e + 1)) == "official_role_unnamed":
            a = e + 1
            e = a + 1
            while e < self.n and e - a < MAX_SOURCE and self.continues(e, a):
                e += 1
        # a parenthetical other name: وزارة الدفاع الأمريكية (البنتاجون)
        if self.k(e) == "(" and e + 2 < self.n and self.k(e + 2) == ")" and self.names[e + 1] != -1:
            e += 3
        # an anonymous source's description: مصدر مطلع على أحوال القرى, مصدر مدني من قرى الجولان, مصدر عسكري بقاعدة
        if self.lex.source_types.get(self.k(j)) == "anonymous_source" and e < self.n and (
                self.k(e) in {tkey("من"), tkey("على")} or self.k(e).startswith("ب") and not self.k(e).startswith("بال")
                and len(self.k(e)) > 3 and self.k(e)[1:2] != "ا") and e + 1 < self.n and not self.is_stop(e + 1):
            a = e
            e += 2 if self.k(e) in {tkey("من"), tkey("على")} else 1
            while e < self.n and e - j < MAX_SOURCE and self.continues(e, a):
                e += 1
        # a role with its institution: مصدر أمني في التحالف الدولي, مسؤول في وزارة الخارجية (not a channel
        # في بيان, not a place في الرياض, not a time)
        while e < self.n and e > j and self.k(e) == tkey("في") and (
                self.k(e + 1).startswith("ال") or self.lex.source_types.get(self.k(e + 1)) == "named_organization") \
                and self.k(e + 1) not in TIME_WORDS and not self._channel_noun(e + 1) and (e + 1) not in self.places:
            e += 1
            while e < self.n and e - j < MAX_SOURCE and not self.is_stop(e):
                e += 1
        return (j, e) if e > j else None

    def continues(self, e: int, j: int) -> bool:
        """Whether token e still belongs to the noun phrase begun at j: inside the same name; a genitive after a
        word in construct (مصدر أمني, قائد شرطة ولاية يوبي, مكتب رئيس الوزراء); an adjective agreeing in
        definiteness (الرئيس المصري, مصادر أمنية); a person's name after a role or a role after a name; a title's
        complement (باسم, a genitive with ل after a role: المتحدث الرسمي للمركز); a quoted name (وكالة «الأناضول»)."""
        k, prev = self.k(e), self.k(e - 1)
        if prev in QUOTES and e - 2 >= j:
            prev = self.k(e - 2) if self.k(e - 2) not in QUOTES else self.k(e - 3)  # كتلة "القوات" اللبنانية
        if k in ADDRESSEE_MEDIA or k in _RELATIVES:
            return False
        if k.startswith("ل") and not k.startswith(("ال", "لل")) and (e - 1) in self.persons:
            return False  # دمرداش لرويترز: the addressee after a name
        raw = self.raw[e] if e < len(self.raw) else k
        if raw.endswith(("اً", "ًا")) and self.names[e] == -1:
            return False  # علناً, أيضاً: an adverb
        if self.names[e] != -1 and self.names[e] == self.names[e - 1]:
            return True
        if k[:1] == "و" and len(k) > 3 and (k[1:] in _OFFICES_AND_ROLES or
                                             self.lex.source_types.get(k[1:]) == "official_role_unnamed"):
            return True  # الكاتب والمحلل السياسي يوسف دياب
        if e in self.persons and e > j and not (k.startswith("ل") and not k.startswith("ال")):
            return True  # a role then the person's name: وزير الخارجية عادل الجبير (not لرويترز)
        if (k in _HONORIFICS or k in _OFFICES_AND_ROLES) and (e + 1) in self.persons:
            return True  # وزير الخارجية الشيخ عبدالله بن زايد, عضو كتلة القوات النائب انطوان زهرا
        if (e - 1) in self.persons and self.lex.source_types.get(k) == "official_role_unnamed" and \
                all(x in self.persons or self.k(x) in _HONORIFICS for x in range(j, e)):
            return True  # جبريل ادم المتحدث باسم حركة العدل والمساواة (a name first, then its role)
        if k in OPEN_QUOTES and k != "'" and (self._construct(e - 1) or e - 1 == j):
            return True  # وكالة «الأناضول»
        if k in {tkey("نفسه"), tkey("نفسها"), tkey("ذاته"), tkey("ذاتها")}:
            return True  # المصدر نفسه
        if k.startswith("لل") or (k.startswith("ل") and not k.startswith("ال") and len(k) > 3):
            # a genitive with ل after a role (المتحدث الرسمي للمركز), not the addressee (للصحفيين, لوكالة) nor a
            # word with a pronoun (لقاءه)
            raw = self.raw[e] if e < len(self.raw) else k
            return ((self.head_is_role(j) or self.lex.source_types.get(self.k(j)) == "named_organization")
                    and k not in ADDRESSEE_MEDIA and not raw.endswith(("ه", "ها", "هم"))
                    and not k.startswith(tuple(tkey(w) for w in ("للصحف", "للإعلام", "للاذاع", "للإذاع", "للتلفز",
                                                                  "للقناة", "للوكالة", "للموقع", "للجريدة"))))
        if self.is_stop(e):
            return False
        if self.cue_at(e) is not None and self.cue_at(e)[0].kind in ("verb", "participle", "passive"):
            return False
        if k in {tkey("باسم"), tkey("بن"), tkey("بنت"), tkey("أبو"), tkey("ابو"), tkey("آل"), tkey("بلسان")}:
            return True
        if prev in {tkey("باسم"), tkey("بلسان")} or self.names[e] != -1 and e == j + 1 and (
                not self.k(j).startswith("ال") or e in self.persons):
            return True  # (الجماعة جبهة النصرة: a new name after a definite noun is its object)
        definite = k.startswith("ال")
        adjective = (k.endswith(("ي", "يه", "يين", "يون", "يان", "يتين")) and len(k) > 2) or k in _ADJ_WORDS \
            or (not definite and k.endswith(("ون", "ين")) and len(k) > 3)
        if self._construct(e - 1, first=e - 1 == j):
            return True  # the genitive of a word in construct
        if adjective and definite == prev.startswith("ال") and self.names[e] == -1:
            return True  # an adjective agrees in definiteness
        if adjective and definite and self.names[e] == -1 and self.names[e - 1] != -1 and e - 1 not in self.persons:
            return True
        return False

    def _construct(self, x: int, first: bool = False) -> bool:
        """Whether the word at x reads as a noun in construct (idafa): indefinite, not an adjective (unless it is
        the phrase's first word or a known head noun: خلية, مديرية), not a name, not a sound plural (which would
        have lost its ن), and not a quoted or punctuation token."""
        k = self.k(x)
        if not k or k.startswith("ال") or k in QUOTES or not k[0].isalpha() or self.names[x] != -1:
            return False
        if k in self.lex.source_types or first:
            return not k.endswith(("ين", "ون"))
        if k.endswith(("ي", "ين", "ون", "يه")) and len(k) > 3:
            return False
        return True

    def not_a_source(self, a: int, b: int) -> bool:
        """Whether the phrase after a verb is plainly not its subject: a prepositional phrase (بهذا الخصوص), a
        verbal noun that speech verbs take as object (أهمية, ضرورة, عدم, تضامن, الإبقاء …), or a number. The NER
        misses many names, so anything else may be a speaker."""
        if self.plausible_source(a, b):
            return False
        k = self.k(a)
        if k[:1] in ("ب", "ك") and not k.startswith(("بال", "بن")) or k[:1].isdigit() or \
                k[:1] == "ل" and not k.startswith(("لل", "ال")):
            return True
        bare = k[2:] if k.startswith("ال") else k
        return bare in _OBJECT_NOUNS or k.startswith(("الا", "الإ", "الإ")) and len(k) >= 7 and k.endswith(("اء", "ال", "ام"))

    def plausible_source(self, a: int, b: int) -> bool:
        """A phrase that can be a source: one that begins with a name, a known source noun, an honorific or a
        definite collective (المراقبين); not a verbal noun (أكد تضامن …, يقترح الإبقاء …: the object of a
        speaker the text does not name here)."""
        if any(self.names[x] != -1 for x in range(a, min(b, a + 1))) or a + 1 < b and self.names[a + 1] != -1 \
                and self.k(a) in _HONORIFICS | {tkey(w) for w in ("رئيس", "وزير", "ملك", "أمير", "زعيم")}:
            return True
        if self.k(a) in _HONORIFIC_PRONOUNS or self.k(a) in {tkey(w) for w in ("البعض", "بعض")}:
            return True
        if self.k(a) in self.known_persons:
            return True  # الفغم, after الدكتور نواف الفغم
        for x in range(a, min(b, a + 2)):
            k = self.k(x)
            for v in (k, k[2:] if k.startswith("ال") else "ال" + k, k.lstrip("و")):
                if v in self.lex.source_types:
                    return True
        return self.k(a) in _HONORIFICS or self.k(a).endswith(("ون", "ين")) and self.k(a).startswith("ال")

    def source_before(self, i: int) -> tuple[int, int] | None:
        """A subject written before its verb (المصدر الطبي قال, السلطات اليونانية أوضحت أن, برلمان طرابلس … قد
        اعتبر): the phrase from the last comma, complementizer or sentence start up to the verb (a قد or كان between
        them allowed), when it reads as a source."""
        if i == 0 or self.raw[i][:1] in ("و", "ف") and self.k(i)[1:] in self.lex.cues:
            return None  # وقال: a new clause, its subject dropped
        b = i
        while b > 0 and self.k(b - 1) in {tkey("قد"), tkey("كان"), tkey("كانت"), tkey("لقد")}:
            b -= 1
        a = b
        while a > 0 and b - a < 8 and not (self.k(a - 1) in COMMA | END | COLON | COMPLEMENTIZERS or
                                           self.k(a - 1) in {tkey("لكن"), tkey("ولكن"), tkey("إلا"), tkey("الا"),
                                                             tkey("بينما"), tkey("فيما"), tkey("حين"), tkey("كما"),
                                                             tkey("لكنه"), tkey("ولكنه")}):
            a -= 1
        if b - a < 1 or b - a > 7 or not self.plausible_source(a, b):
            return None
        e = a + 1
        while e < b and self.continues(e, a):
            e += 1
        return (a, e) if e == b else None

    def head_is_role(self, j: int) -> bool:
        return self.lex.source_types.get(self.k(j)) == "official_role_unnamed"

    def _channel_noun(self, i: int) -> bool:
        return self.k(i) in {tkey(w) for w in ("بيان", "البيان", "تصريح", "تصريحات", "مؤتمر", "المؤتمر", "حديث",
                                                "كلمة", "لقاء", "مقابلة", "حوار", "تغريدة", "رسالة", "اتصال",
                                                "تصريحه", "بيانه", "كلمته", "حديثه", "مداخلة", "ندوة", "جلسة")}

    def content_from(self, j: int, window: int = 12) -> tuple[int, bool]:
        """Where the content starts at or after token j: at a complementizer, after a colon, at an opening quotation
        mark, or after إلى/على/بـ + a complementizer. Returns (start, found_marker)."""
        for x in range(j, min(self.n, j + window)):
            k = self.k(x)
            if k in COMPLEMENTIZERS or (k.startswith("ب") and k[1:] in COMPLEMENTIZERS):
                return x, True
            if k in {tkey("بقوله"), tkey("بقولها"), tkey("قائلا"), tkey("قائلاً")}:
                return x + 1, True  # علق X على ذلك بقوله "…"
            if k in COLON:
                return x + 1 + (self.k(x + 1) in OPEN_QUOTES) * 0, True
            if k in OPEN_QUOTES:
                return x, True
            if k in END:
                break
        return j, False

    def content_end(self, start: int) -> int:
        """End of the content begun at `start`: the sentence end, or before a trailing cue of the same speaker
        (`، مشيرا إلى …`) or a trailing prepositional cue (`، بحسب …`)."""
        e = start
        depth = 0
        while e < self.n:
            k = self.k(e)
            if k in OPEN_QUOTES and k not in {'"', "'"}:
                depth += 1
            elif k in {"»", "”", "’", "}"}:
                depth = max(0, depth - 1)
            if depth == 0 and k in COMMA and e + 1 < self.n:
                c = self.cue_at(e + 1)
                if c is not None and c[0].kind in ("participle", "prep"):
                    return e
                for x in (e + 1, e + 2):  # ، إذ تشير إحصائيات …, ، وقال …: another attribution begins
                    c = self.cue_at(x)
                    if c is not None and c[0].kind == "verb" and x == e + 1 + (self.k(e + 1) in _LINKERS):
                        return e
            e += 1
        while e > start and self.k(e - 1) in END | COMMA:
            e -= 1
        return e

    # -- the scan -------------------------------------------------------------------------------------------------
    def extract(self) -> list[Found]:
        out: list[Found] = []
        if self.k(0) == tkey("هل") or any(k in {"؟", "?"} for k in self.keys):
            return out  # an interviewer's question reports nothing
        i = 0
        while i < self.n:
            hit = self.cue_at(i)
            if hit is None or self.k(i) in ASIDES:
                i += 1
                continue
            cue, j, skip = hit
            before = len(out)
            self.attribution(i, j, cue, out)
            for f in out[before:]:
                if f.cue[0] == i:
                    f.skip = skip
                    j = max(j, f.cue[1])
            i = j
        # chains: a cue inside another's content is its next link
        for f in out:
            if f.chain is not None:
                continue
            for g in out:
                if g is f or g.content is None or g.inner:
                    continue
                if g.content[0] <= f.cue[0] < g.content[1] and not f.kind == "participle":
                    if g.chain is None:
                        g.chain, g.chain_pos = id(g), 0
                    f.chain, f.chain_pos = g.chain, (g.chain_pos or 0) + 1
                    break
        return out

    def attribution(self, i: int, j: int, cue: Cue, out: list[Found]) -> bool:
        if cue.kind == "prep":
            return self.prepositional(i, j, cue, out)
        if cue.kind in ("verb", "passive") and self.k(i - 1) in _PREPOSITIONS:
            return False  # عن نقل المصابين: a verbal noun, not a verb
        if self.k(i - 1) in NEGATIONS or self.k(i - 1)[:1].isdigit():
            return False  # لا يوضح الفيديو: negated reporting; 911 طالب: a noun after a number
        if cue.needs == "call" and self.k(j) in NOT_AFTER_CALL:
            return False
        if cue.needs == "blame" and not any(self.k(x) in BLAME for x in range(j, min(self.n, j + 8))):
            return False
        if cue.needs == "statement" and not any(self.k(x) in _STATEMENTS for x in range(j, min(self.n, j + 6))):
            return False  # نشرت مؤسسة الفرقان بياناً: a report; نشر القوات: a deployment
        if cue.needs == "attack" and not any(self.k(x) in _ATTACK for x in range(j, min(self.n, j + 6))):
            return False  # يتبنى مجلس الأمن قرارا: adopts, not claims
        if cue.needs == "condemn":  # أعربت الكويت عن إدانتها: a condemnation; أعرب عن شكره is no attribution
            at = next((x for x in range(j, min(self.n, j + 8)) if self.k(x) in _CONDEMN), None)
            if at is None:
                return False
            src = self.source_after(j)
            start = at + 1 if at + 1 < self.n else at
            out.append(Found((i, j), cue.lemma, cue.stance, cue.kind, src, (start, self.content_end(start)),
                             implicit=src is None))
            return True
        for x in range(j, min(self.n, j + 4)):  # وتابع موضحا أن …, أجاب بصراحة قائلاً: one attribution
            if self.cue_at(x) is not None and self.cue_at(x)[0].kind == "participle" and (
                    x == j or all(self.cue_at(y) is None and self.k(y) not in COMMA for y in range(j, x))):
                j = self.cue_at(x)[1]
                break
        if cue.needs == "about":  # تحدث عن, تطرق إلى: the topic is the content
            src = self.source_after(j)
            after = src[1] if src else j
            to = next((x for x in range(after, min(self.n, after + 5))
                       if self.k(x) in {tkey("عن"), tkey("إلى"), tkey("الى")}), None)
            if to is None or to + 1 >= self.n:
                return False
            after = to
            start = after + 1
            out.append(Found((i, j), cue.lemma, cue.stance, cue.kind, src, (start, self.content_end(start)),
                             implicit=src is None))
            return True
        if cue.kind in ("participle", "passive"):
            if cue.needs == "blame" and not any(self.k(x) in BLAME for x in range(j, min(self.n, j + 8))):
                return False
            prev_raw = self.raw[i - 1] if i > 0 else ""
            if cue.kind == "participle" and self.k(i - 1) not in COMMA | {tkey("و")} and not (
                    self.k(j) in COMPLEMENTIZERS | PREP_OBJECT | COLON | OPEN_QUOTES
                    or self.k(j).startswith("ب") and self.k(j)[1:] in COMPLEMENTIZERS) and (
                    prev_raw.endswith(("ا", "اً", "ًا")) or self.k(j).startswith("ل") or not self.k(j)
                    or (self.raw[j] if j < len(self.raw) else "").endswith(("اً", "ًا"))):
                return False  # طوقا أمنيا مشددا: an adjective, not a speaker's participle
            start, marked = self.content_from(j, window=6)
            if not marked:
                start = j + (self.k(j) in PREP_OBJECT)
                if start >= self.n or self.is_stop(start) and self.k(start) not in COMPLEMENTIZERS:
                    return False
            if cue.needs == "that" and not marked:
                return False
            out.append(Found((i, j), cue.lemma, cue.stance, cue.kind, None, (start, self.content_end(start)),
                             implicit=True))
            return True
        src = self.source_after(j)
        if src is not None and self.not_a_source(*src):
            src = None  # وقال بهذا الخصوص …, يقترح الإبقاء على …: the speaker is the one already named
        if src is None and cue.kind == "verb":
            src = self.source_before(i)
        after = src[1] if src else j
        if cue.stance == "estimate" and src is None:
            return False  # يعتقد أن, كما يتوقع: the writer's hedge, not someone's estimate
        if cue.lemma == "نقل":  # نقلت الوكالة عن مصدر أمني قوله إن …
            return self.transmission(i, j, cue, src, out)
        # skip channel, addressee and time phrases between the source and the content
        start, marked = self.content_from(after, window=10 if cue.kind == "verb" else 4)
        if marked and any(self.cue_at(x) is not None for x in range(after, start)):
            start, marked = after, False  # the complementizer belongs to a later cue
        if cue.needs in ("that", "src_or_that") and marked and start - after > 2 and \
                not any(self._channel_noun(x) or self.k(x) in ADDRESSEE_MEDIA | TIME_WORDS | CHANNEL
                        for x in range(after, start)):
            marked = False  # a complementizer far off, with no channel phrase between: not this verb's
        if cue.needs == "src_or_that" and not marked and self.k(i)[:1] in ("ي", "ت") and \
                self.k(i - 1) not in COMMA and i > 0:
            return False  # هذا المعقل يعتبر قاعدة: "is considered"
        if cue.needs == "that" and not marked:
            return False
        if cue.needs == "src_or_that" and not marked and src is None:
            return False  # يعتبر قاعدة, تفيد برده: "is considered", not someone considering
        if cue.kind == "noun" and (not marked or src is None) and cue.words[0] not in {tkey("مفادها"), tkey("مفاده")}:
            return False  # إعلان / تأكيد count only as إعلان X أن …
        if cue.needs == "blame" and not any(self.k(x) in BLAME for x in range(after, min(self.n, after + 6))):
            return False
        if not marked:
            start = after
            while start < self.n and (self.k(start) in PREP_OBJECT or self.k(start) in COMMA):
                start += 1
            if src is None and start == j and self.k(j) in END | {""}:
                return False
        if start >= self.n:
            return False
        out.append(Found((i, j), cue.lemma, cue.stance, cue.kind, src, (start, self.content_end(start)),
                         implicit=src is None))
        return True

    def prepositional(self, i: int, j: int, cue: Cue, out: list[Found]) -> bool:
        """بحسب X / وفقاً لـ X / نقلاً عن X / على لسان X: the source follows; the content is the clause it qualifies
        (after it when it opens the sentence, before it otherwise)."""
        if cue.words[-1] in {tkey("قوله"), tkey("قولها"), tkey("وصفه"), tkey("تعبيره")}:
            # بحسب قوله, على حد تعبيره: the speaker is the one already named
            before = [x for x in range(i - 1 if self.k(i - 1) in COMMA else i) if self.k(x) in COMMA]
            s0 = (before[-1] + 1) if before else 0
            if i - s0 < 2:
                return False
            out.append(Found((i, j), cue.lemma, cue.stance, cue.kind, None,
                             (s0, i - 1 if self.k(i - 1) in COMMA else i), implicit=True))
            return True
        if cue.words[-1] in {tkey("ما"), tkey("حسبما"), tkey("بحسبما"), tkey("لما")}:
            # بحسب ما أفاد به X, وفق ما جاء على X: one cue over the whole frame
            inner = self.cue_at(j)
            if inner is not None:
                j = inner[1]
            elif self.k(j) in {tkey("جاء"), tkey("ورد"), tkey("أوردت"), tkey("أورد"), tkey("نشرت"), tkey("نشر")}:
                j += 1
            else:
                return False  # حسب ما يخدم مصلحة البلاد: not a report
            while self.k(j) in _FRAME_TAIL or self.k(j) in TIME_WORDS:
                j += 1  # بحسب ما أعلن الأربعاء مسؤول …
        if j >= self.n or self.k(j) in COMMA | END | COLON | COMPLEMENTIZERS:
            return False
        e = j + 1
        while e < self.n and e - j < MAX_SOURCE and self.continues(e, j):
            e += 1
        src = (j, e)
        if not self.plausible_source(j, e):
            return False  # بحسب الحاجة: "according to need", nobody speaks
        before = [x for x in range(i - 1 if self.k(i - 1) in COMMA else i) if self.k(x) in COMMA]
        clause_start = (before[-1] + 1) if before else 0
        after = [x for x in range(e, self.n) if self.k(x) in COMMA | END]
        clause_end = after[0] if after else self.n
        if i - clause_start >= 2 and clause_end - e >= 2 and self.k(i - 1) not in COMMA:
            content = (clause_start, clause_end)  # كان الهدف منه وفق مراقبين إحياء داعش: the whole clause
        elif i - clause_start >= 2:
            content = (clause_start, i - 1 if self.k(i - 1) in COMMA else i)
            while content[1] > content[0] and self.k(content[1] - 1) in COMMA:
                content = (content[0], content[1] - 1)
        else:
            s = e + 1 if self.k(e) in COMMA else e
            if self.k(s) in {tkey("فإن"), tkey("فان")}:
                s += 1
            if s >= self.n:
                return False
            content = (s, self.content_end(s))
        out.append(Found((i, j), cue.lemma, cue.stance, cue.kind, src, content))
        return True

    def transmission(self, i: int, j: int, cue: Cue, src: tuple[int, int] | None, out: list[Found]) -> bool:
        after = src[1] if src else j
        # نقلت الوكالة عن مصدر أمني قوله إن …: the inner source after عن
        if self.k(after) == tkey("عن"):
            q = next((x for x in range(after + 1, min(self.n, after + MAX_SOURCE + 2)) if self.k(x) in QAWL), None)
            inner_src = (after + 1, q) if q is not None and q > after + 1 else self.source_after(after + 1)
            e = inner_src[1] if inner_src else after + 1
            if self.k(e) in QAWL:
                cue2 = (e, e + 1)
                start, _ = self.content_from(e + 1)
            else:
                cue2 = (after, after + 1)
                start, _ = self.content_from(e)
            if start >= self.n:
                return False
            content = (start, self.content_end(start))
            outer = Found((i, j), cue.lemma, cue.stance, cue.kind, src, content, implicit=src is None)
            inner = Found(cue2, "قال", "assert", "noun" if self.k(e) in QAWL else "prep", inner_src, content,
                          inner=True)
            outer.chain, outer.chain_pos = id(outer), 0
            inner.chain, inner.chain_pos = outer.chain, 1
            out += [outer, inner]
            return True
        start, marked = self.content_from(after, window=3)
        if not marked:
            return False  # نقل = carried, moved: only a report with what it reports
        out.append(Found((i, j), cue.lemma, cue.stance, cue.kind, src, (start, self.content_end(start)),
                         implicit=src is None))
        return True


def hedges_in(keys: list[str], a: int, b: int) -> list[str]:
    out = []
    for x in range(a, b):
        k = keys[x]
        if k in HEDGES:
            out.append(k)
        elif k == tkey("قد") and x + 1 < b and keys[x + 1][:1] in "يتنا":
            out.append("قد")  # قد + imperfect: "may"
    return out


def head_type(keys: list[str], lex: Lexicon) -> str | None:
    """The source type its head noun gives, the first word of the phrase skipping honorifics."""
    for k in keys[:3]:
        bare = k[1:] if k[:1] in "وفبل" and k[1:] in lex.source_types else k
        if bare in lex.source_types:
            return lex.source_types[bare]
        if bare in {tkey(w) for w in ("الدكتور", "د", "الشيخ", "السيد", "سماحة", "معالي", "سمو", "فضيلة", "اللواء",
                                      "العميد", "العقيد", "المهندس", "الأستاذ", "صاحب", "الأمير", "الرئيس")}:
            continue
        break
    return None
