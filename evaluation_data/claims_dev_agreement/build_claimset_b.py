"""Second annotator's hand labels (annotation B), written out as span strings.

Every record below was decided by reading the sentence (GUIDELINE.md of evaluation_data/claims).
This script does NOT detect anything: it only turns the hand-written span strings into character
offsets (searching after a hand-given anchor) and checks sentence[start:end] == text.
Input: the sentence list of evaluation_data/claims_dev (first 12 articles), produced as in README.md.
"""
import json, sys

SENTS = sys.argv[1] if len(sys.argv) > 1 else "/tmp/agree_claim_sentences.jsonl"
OUT = sys.argv[2] if len(sys.argv) > 2 else "claimset_b.jsonl"

rows, docs = [], []
for line in open(SENTS, encoding="utf-8"):
    r = json.loads(line)
    if r["doc"] not in docs:
        docs.append(r["doc"])
    if docs.index(r["doc"]) < 12:
        rows.append(r)
assert len(rows) == 108, len(rows)


def span(s, text, anchor=None):
    base = 0
    if anchor is not None:
        base = s.find(anchor)
        assert base >= 0, ("anchor", anchor)
    i = s.find(text, base)
    assert i >= 0, ("span", text)
    return {"start": i, "end": i + len(text), "text": text}


def cspan(s, first, last, anchor=None):
    """content from `first` (searched after anchor) to the end of `last` (searched after first)."""
    a = span(s, first, anchor)
    j = s.find(last, a["start"])
    assert j >= 0, ("end", last)
    e = j + len(last)
    return {"start": a["start"], "end": e, "text": s[a["start"]:e]}


def nearest(s, text, cue):
    """the occurrence of the hand-written source string closest to its cue"""
    occ, k = [], s.find(text)
    while k >= 0:
        occ.append(k)
        k = s.find(text, k + 1)
    assert occ, ("source", text)
    dist = lambda k: cue["start"] - (k + len(text)) if k < cue["start"] else k - cue["end"]
    k = min(occ, key=dist)
    return {"start": k, "end": k + len(text), "text": text}


NULL = {}   # sentence index -> note for cue:null lines
ATT = {}    # sentence index -> list of attribution specs


def A(i, cue, stance, stype, src=None, ref=None, content=None, chain=None, hedges=(), note="",
      cue_anchor=None):
    ATT.setdefault(i, []).append(dict(cue=cue, cue_anchor=cue_anchor, src=src, ref=ref,
                                      content=content, stance=stance, stype=stype, chain=chain,
                                      hedges=list(hedges), note=note))


# ---------------- doc 0: Damaturu bombings (aawsat) ----------------
A(0, "على ما أفاد", "assert", "anonymous_source", src="متطوع ومصدر طبي",
  content=("قتل 13", "بشمال شرقي نيجيريا"),
  note="prepositional frame على ما أفاد X (one cue, like بحسب ما أفاد); coordinated source: a volunteer (named later as احمد ادامو) and an anonymous medical source, typed anonymous_source")
NULL[1] = ""
A(2, "قال", "assert", "named_person", src="قائد شرطة ولاية يوبي",
  content=("ان ثلاث", "13 شخصا على الاقل"),
  note="the police commander is named in the next sentence (ماركوس دانلادي)")
A(3, "اكد", "assert", "named_person", src="مسؤول الشرطة ماركوس دانلادي",
  content=("ان \"13", "واصيب 15 شخصا بجروح"), chain=(1, 1),
  note="inner link: reported via AFP (بحسب ما نقلت عنه وكالة الصحافة الفرنسية)")
A(3, "بحسب ما نقلت عنه", "assert", "named_organization", src="وكالة الصحافة الفرنسية",
  content=("اكد مسؤول", "واصيب 15 شخصا بجروح"), chain=(1, 0),
  note="transmission frame; content is the clause it qualifies (Danladi's statement)")
A(4, "ابلغا", "assert", "anonymous_source", src="شاهد عيان ومصدر طبي",
  content=("ثلاثة تفجيرات", "ثلاثة تفجيرات"),
  note="أبلغ عن = reported; eyewitness + medical source, typed anonymous_source")
A(4, "قالا", "assert", "anonymous_source", src="شاهد عيان ومصدر طبي",
  content=("ان حصيلة", "13 شخصا"),
  note="second predicate of كان with the same subject")
NULL[5] = ""
NULL[6] = ""
A(7, "قال", "assert", "named_person", src="احمد ادامو وهو متطوع مكلف الأمن",
  content=("\"وقع", "صلاة العيد\""))
A(8, "اضاف", "assert", "named_person", ref="احمد ادامو",
  content=("\"هناك", "الجرحى\""))
A(9, "أكد", "assert", "anonymous_source", src="مصدر طبي",
  content=("الحصيلة", "الحصيلة"),
  note="relative clause طلب عدم كشف اسمه only describes, excluded")
A(9, "موضحا", "assert", "anonymous_source", ref="مصدر طبي",
  content=("\"تلقينا", "المستشفى\""))

# ---------------- doc 1: Shura members on online recruitment (aawsat) ----------------
NULL[10] = "nominal mention (دعوات أطلقها خبراء …): أطلق is not a cue verb; writer's framing"
A(11, "كشف", "assert", "named_person", src="عضو في مجلس الشورى السعودي",
  content=("نظر خادم", "عقوبات رادعه بحقهم"),
  note="channel لـ«الشرق الأوسط»; the member is الدكتور عوض الأسمري (same disclosure, كشف … عن رفع المجلس مشروعا لتحديث نظام مكافحة جرائم المعلومات، ونظام التعاملات الإلكترونية, later in the article)")
A(12, "قال", "assert", "named_person",
  src="الدكتور نواف الفغم، عضو لجنة الشؤون الأمنية في مجلس الشورى السعودي",
  content=("إن «تنظيم", "مؤسسات الدولة»"))
A(12, "موضحًا", "assert", "named_person", ref="الدكتور نواف الفغم",
  content=("أن ذلك", "تلك الأجهزة"))
A(13, "أشار", "assert", "named_person", src="الفغم",
  content=("أن التنظيم", "القيام بها"), note="channel في تصريحاته لـ«الشرق الأوسط»")
A(14, "لفت", "assert", "named_person", src="الفغم",
  content=("أن الأجهزة", "المتعاونين معها"), note="لفت … النظر إلى: labelled on the verb")
A(15, "أشار", "assert", "named_person", src="عضو لجنة الشؤون الأمنية",
  content=("أن تنظيم", "من بينها المساجد"), note="refers to نواف الفغم")
A(16, "أوضح", "assert", "named_person", src="الفغم",
  content=("أن الخلية", "الفكر المنحرف"))
A(16, "داعيا", "demand", "named_person", ref="الفغم",
  content=("ضرورة تكاثف", "توعية صغار السن"))
A(17, "تطرق", "assert", "named_person", src="عضو لجنة الشؤون الأمنية بمجلس الشورى",
  content=("مواقع التواصل", "الأعمال الإجرامية"), note="topic only; refers to نواف الفغم")
A(17, "قال", "assert", "named_person", ref="عضو لجنة الشؤون الأمنية بمجلس الشورى",
  content=("«تويتر» يعد", "على تلك المواقع"), cue_anchor="وقال بهذا",
  note="refers to نواف الفغم; quotation marks only around «تويتر»")
A(18, "تابع", "assert", "named_person", ref="الفغم",
  content=("أن «التنظيمات", "بسرعة عالية"),
  note="تابع موضحا: verb + participle pair, one attribution on the first verb; quotation not closed")
A(19, "كشف", "assert", "named_person",
  src="الدكتور عوض الأسمري، عضو لجنة النقل والاتصالات وتقنية المعلومات في مجلس الشورى السعودي",
  content=("رفع المجلس", "التعاملات الإلكترونية"))

# ---------------- doc 2: Iraq raids (alyaum) ----------------
NULL[20] = ""
A(21, "اعلن", "assert", "named_organization", src="داعش",
  content=("أنه أسقط", "شمال شرق الفلوجة"))
A(21, "تحدث", "assert", "official_role_unnamed", src="مسؤول أمني عراقي",
  content=("قتل العشرات", "مركز المحافظة"), note="topic only (تحدث عن)")
A(22, "تقول", "assert", "anonymous_source", src="مصادر أمنية رسمية",
  content=("ان القوات", "معارك الانبار"))
A(22, "قال", "assert", "official_role_unnamed", src="رئيس اللجنة الأمنية في الخالدية",
  content=("إن القوات", "لدخول مدينة الرمادي"), cue_anchor="وقال رئيس",
  note="opening « not closed before بينما; the » at the end of the sentence belongs to this quotation")
A(22, "اكد", "assert", "named_person", src="رئيس إقليم كردستان العراق مسعود البارزاني",
  content=("إن الأكراد", "يفضلون الاستقلال"),
  note="final » excluded (closes the previous source's quotation)")
A(23, "أعلن", "assert", "named_person", src="وزير الداخلية العراقي محمد سالم الغبان",
  content=("اعتقال المتورطين", "ديالى الجمعة"), note="sentence starts with the subheading تفجير ديالى")
A(24, "قالت", "assert", "named_organization", src="خلية الإعلام الحربي",
  content=("إن \"المتهمين", "بحقهم»"),
  note="channel: في بيان بثه موقع \"السومرية نيوز\" (not a chain link)")
A(25, "أضافت", "assert", "named_organization", ref="خلية الإعلام الحربي",
  content=("إنه «تم", "خلفية التفجير»"))
A(26, "أعلن", "assert", "anonymous_source", src="مصدر في قوات البيشمركة",
  content=("مقتل 10", "قضاء سنجار"), note="sentence starts with the subheading البيشمركة وداعش")
A(27, "قال", "assert", "anonymous_source", src="المصدر",
  content=("إن قوات", "مسلحين من التنظيم"), note="channel لوكالة الأنباء الألمانية")
A(28, "أضاف", "assert", "anonymous_source", ref="المصدر",
  content=("إن عنصرين", "نتيجة الاشتباكات"))
A(29, "اعلنت", "assert", "named_organization", src="الشرطة الاتحادية",
  content=("إحباط محاولة", "عبر نهر الفرات"), cue_anchor="من جهتها",
  note="sentence starts with the subheading إحباط تسلل")

# ---------------- doc 3: Israel stops treating ISIS/Nusra wounded (aawsat) ----------------
A(30, "أعلن", "assert", "official_role_unnamed", src="ناطق بلسان الجيش الإسرائيلي",
  content=("أن بلاده", "في مستشفياتها"))
A(31, "نفى", "deny", "official_role_unnamed", src="ضابط رفيع",
  content=("أن الجيش الإسرائيلي", "الإسلامية المتطرفة"))
A(31, "أوضح", "assert", "official_role_unnamed", ref="ضابط رفيع",
  content=("أن الجيش أخطأ", "من «داعش»"))
A(32, "ادعى", "claim", "official_role_unnamed", ref="ضابط رفيع",
  content=("أن السبب", "«الاعتبارات الإنسانية»"))
NULL[33] = "quotation introduced without a cue verb (ولكنه …: «…»), source ضابط رفيع; no cue to label"
A(34, "حسب أقواله", "assert", "official_role_unnamed", ref="ضابط رفيع",
  content=("فقد تم", "ونصف الشهر"),
  note="prepositional cue with the pronoun-bearing speech noun, treated like على حد قوله; source implicit")
A(35, "ادعى", "claim", "official_role_unnamed", ref="ضابط رفيع",
  content=("أن «عدة", "الأمر توقف»"))
A(36, "أضاف", "assert", "official_role_unnamed", ref="ضابط رفيع",
  content=("«إذا", "في المستشفيات»"))
NULL[37] = "writer's own background (المعروف أن …), no source"
NULL[38] = ""
NULL[39] = ""

# ---------------- doc 4: French MP report on radicalisation (almadina) ----------------
A(40, "اقترح", "demand", "named_person", ref="برلماني فرنسي",
  content=("خطة لمكافحة", "حوالى 30 مقترحا"),
  note="proposal in a report treated like أوصى (demand); relative clause subject; the MP is named later in the sentence (سيباستيان بياترازنتا)")
A(40, "قائلا", "assert", "named_person", ref="برلماني فرنسي",
  content=("لدينا 1818", "السنة الماضية»"),
  note="participle with its own content (not a verb+قائلا pair: اقترح has its own object); quotation has only a closing mark")
A(41, "أسماه", "assert", "named_person", ref="البرلماني الفرنسي",
  content=("»الجهاد الإعلامي»", "»الجهاد الإعلامي»"),
  note="naming (ما أسماه بـ…) treated like وصف; content is the term; ب dropped")
A(42, "انتهى", "assert", "document_or_statement", src="التقرير",
  content=("أن مشكلة", "الذات أو الهوية»"), note="انتهى إلى أن = concluded (a finding, like توصل إلى)")
A(43, "اعتبر", "assert", "named_person", ref="البرلماني الفرنسي",
  content=("ان السجون", "ونقل العدوى إليهم"), hedges=["قد"],
  note="opening clause ولهذا يجب … is the report's reasoning without a cue")
A(43, "يقترح", "demand", "named_person", ref="البرلماني الفرنسي",
  content=("الإبقاء على", "عن بقية السجناء"), note="proposal treated like أوصى (demand)")
NULL[44] = "يشتبه (suspicion) without a reporting source; no cue"

# ---------------- doc 5: Syria / Baghdad casualties (almadina, AFP) ----------------
A(45, "وفق", "assert", "named_organization", src="المرصد السوري لحقوق الانسان",
  content=("قتل 12", "شمال البلاد"))
NULL[46] = ""
A(47, "قال", "assert", "named_organization", src="المرصد",
  content=("إن الطيران", "شرق حلب"))
A(48, "بحسب", "assert", "anonymous_source", src="مصادر أمنية وطبية",
  content=("قتل 21", "«داعش» الإرهابي"),
  note="تبناهما «داعش» (claiming responsibility) not labelled: تبنى is not a reporting cue")
A(49, "قال", "assert", "official_role_unnamed", src="ضابط في الشرطة برتبة عقيد",
  content=("«استشهد", "منطقة البياع»"), note="في غرب العاصمة is the writer's gloss")
A(50, "أكد", "assert", "anonymous_source", src="مصدر في وزارة الداخلية ومصادر طبية",
  content=("حصيلة التفجير", "حصيلة التفجير"))
A(51, "بحسب", "assert", "anonymous_source", src="المصدر نفسه",
  content=("قتل خمسة", "(شمال شرق)"))
NULL[52] = "nominal mention (روايات المصادر تباينت): writer's statement"
A(53, "قال", "assert", "anonymous_source", src="العقيد في الشرطة والمصدر في وزارة الداخلية",
  content=("إن الهجوم", "القوات الأمنية"),
  note="coordinated source: unnamed colonel + anonymous ministry source, typed anonymous_source")
A(54, "قال", "assert", "anonymous_source", src="المصدر الطبي",
  content=("إن الهجوم", "استهدفت مدنيين"))

# ---------------- doc 6: King Salman receives Tammam Salam (3alyoum) ----------------
NULL[55] = "page furniture"
NULL[56] = "activity (استقبل)"
NULL[57] = "expressive only (رحب، متمنياً، أعرب عن شكره)"
NULL[58] = "expressive/praise (قدّر عالياً = appreciated), not an estimate"
NULL[59] = "activities (استعراض، بحث)"
NULL[60] = ""
NULL[61] = ""

# ---------------- doc 7: Greek customs seize armour for Fajr Libya (aljazirah) ----------------
A(62, "أعلنت", "assert", "named_organization", src="سلطات الجمارك اليونانية",
  content=("ضبط شحنة", "مليشيا «فجر ليبيا»"), cue_anchor="حيث أعلنت")
A(62, "قال", "assert", "named_organization", src="موقع «ليبيا المستقبل»",
  content=("أن السلطات اليونانية", "3 مركبات أخرى مدرعة"), chain=(2, 0),
  cue_anchor="وقال موقع")
A(62, "أوضحت", "assert", "named_organization", src="السلطات اليونانية",
  content=("أن الشحنة تتضمن", "3 مركبات أخرى مدرعة"), chain=(2, 1), cue_anchor="عن أن")
A(62, "أضافت", "assert", "named_organization", src="سلطات الجمارك اليونانية",
  content=("أن الشحنة كانت", "ومقرها أثينا"), cue_anchor="وأضافت")
A(62, "مضيفة", "assert", "named_organization", ref="سلطات الجمارك اليونانية",
  content=("أن السفينة", "لاسبستيا الإيطالي"))
A(63, "توضح", "assert", "document_or_statement", src="بيانات الرحلة",
  content=("أنه كان", "بمدينة مصراتة"), note="data/records show (like أظهر of reports)")
A(64, "قال", "assert", "named_person",
  src="آمر كتيبة لواء أول مشاة التابعة للجيش الليبي العقيد حامد بالخير",
  content=("إنه يتوجب", "الدولة الليبية"))
A(65, "قال", "assert", "named_person", src="بالخير",
  content=("إن الذين", "للقيادة العامة للجيش الليبي"), note="channel في تصريحات رسمية")
A(66, "أضاف", "assert", "named_person", src="بالخير",
  content=("بالنسبة لمن", "الكبيرة بها"))
A(67, "أوضح", "assert", "named_person", src="بالخير",
  content=("أن الشعب", "ضد الإرهاب"), chain=(3, 0))
A(67, "طالب", "demand", "vague_collective", ref="الشعب الليبي",
  content=("الفريق «خليفة حفتر»", "ضد الإرهاب"), chain=(3, 1), cue_anchor="الذي طالب",
  note="cleft relative (هو الذي طالب) inside the content of أوضح, reports the people's demand: chained")
A(67, "لافتاً", "assert", "named_person", ref="بالخير",
  content=("أنه يطالب", "فلتحاسب على ذلك"))
A(67, "يطالب", "demand", "named_person", ref="بالخير",
  content=("إعطاء كل الدعم", "للمؤسسة العسكرية"),
  note="the speaker's own demand reported inside the content of لافتاً (same source, not chained); addressee مجلس النواب والحكومة المؤقتة excluded")

# ---------------- doc 8: Kerry on Congress and the nuclear deal (aawsat) ----------------
A(68, "قال", "assert", "named_person", src="وزير الخارجية الأميركي جون كيري",
  content=("إن رفض", "الساحة الدولية"))
A(69, "تساءل", "assert", "named_person", src="كيري",
  content=("«هل", "وفاوض مجددا؟"),
  note="تساءل = asked (rhetorical question), verb of saying with a quoted utterance; the quotation runs into the next sentences")
NULL[70] = "continues the quotation begun in the previous sentence (source: كيري); سيقولون is hypothetical future speech inside a question; في إشارة إلى … is the writer's gloss"
A(71, "أضاف", "assert", "named_person", src="كيري",
  content=("«رجاء", "في الخروج"), note="quotation continues in the next sentences")
NULL[72] = "continues the quotation begun in the previous sentence (source: كيري)"
NULL[73] = "continues the quotation begun in the previous sentence (source: كيري)"
A(74, "قال", "assert", "named_person", src="كيري",
  content=("إنه في حال", "المتحدة وإسرائيل"))
A(75, "أوضح", "assert", "named_person", ref="كيري",
  content=("«أصدقاؤنا", "اختبار برنامجهم»"), hedges=["قد"])
A(76, "قال", "assert", "vague_collective", src="الجمهوريون",
  content=("إن مفاوضي", "«خدعوه»"), note="خلال جلسة … is the setting of the saying, excluded")
NULL[77] = "action (صادق), no reporting"

# ---------------- doc 9: Erdogan / Turkish strikes (aljazirah, Reuters) ----------------
A(78, "أعلن", "assert", "named_person", src="الرئيس التركي رجب طيب أردوغان",
  content=("أن الضربات", "«خطوة أولى»"))
A(78, "مشيرًا", "assert", "named_person", ref="الرئيس التركي رجب طيب أردوغان",
  content=("أن الإجراءات", "ستستمر"))
A(79, "قال", "assert", "named_person", src="أردوغان",
  content=("إن على", "«تواجه العواقب»"), note="addressee للصحفيين")
NULL[80] = "writer's analysis (يشتبه، ربما) without a source"
A(81, "قال", "assert", "named_organization", src="مكتب رئيس الوزراء",
  content=("إن مقاتلات", "أمس الجمعة"), cue_anchor="وقال مكتب",
  note="channel في بيان; بعد أن قالت أنقرة … is the writer's context, not part of the office's content")
A(81, "قالت", "assert", "named_organization", src="أنقرة",
  content=("إنها ستتخذ", "مسلحين وأكراد"), note="in the writer's temporal clause, not chained")
A(82, "قال", "assert", "named_person", src="رئيس الوزراء التركي أحمد داود أوغلو",
  content=("إن العمليات", "وستستمر"))
A(83, "قال", "assert", "named_person", src="داود أوغلو",
  content=("إن 297", "من البلاد"), note="channel في مؤتمر صحفي")
A(84, "أضاف", "assert", "named_person", ref="داود أوغلو",
  content=("أن العملية", "أهدافها بالكامل"))
A(85, "تابع", "assert", "named_person", ref="داود أوغلو",
  content=("أن الجيش", "تابعة للتنظيم"))
A(86, "قال", "assert", "named_organization", src="مكتب رئيس الوزراء التركي",
  content=("إن الشرطة", "أمس الجمعة"))
A(87, "أضاف", "assert", "named_organization", ref="مكتب رئيس الوزراء التركي",
  content=("أن الحكومة", "«على حد سواء»"))

# ---------------- doc 10: Turkish arrests, Kurdish attacks (aawsat) ----------------
NULL[88] = ""
NULL[89] = ""
NULL[90] = ""
NULL[91] = ""
A(92, "قالت", "assert", "named_organization", src="السلطات التركية",
  content=("إنها ستمنع", "إسطنبول اليوم"))
A(92, "مشيرة", "assert", "named_organization", ref="السلطات التركية",
  content=("أن قرارها", "«الاختناق المروري»"))
A(93, "ذكر", "assert", "named_organization", src="مكتب حاكم إسطنبول",
  content=("أنه لن", "بعض نواب المعارضة"),
  note="channel في بيان; بعد أن قتل انتحاري … is the writer's context")
A(94, "حملت", "accuse", "vague_collective", src="الجماعات الكردية",
  content=("الحكومة التركية", "محاربتها التنظيم"), note="حمّل المسؤولية; content = the blamed party and the reason")
A(95, "حسبما أفادت", "assert", "named_organization", src="وكالة أنباء «دوغان»",
  content=("أصيب سبعة", "أغلبية كردية"), hedges=["يشتبه"],
  note="one cue spanning the frame حسبما أفادت")
A(96, "قالت", "assert", "named_organization", src="الوكالة",
  content=("إن مهاجمين", "الحدود مع العراق"), note="= وكالة أنباء دوغان")
A(97, "قالت", "assert", "named_organization", src="وكالة «الأناضول» للأنباء الرسمية",
  content=("إن المتمردين", "شرطة في ليس"))

# ---------------- doc 11: US sailor photographed submarine (alwatan, AFP) ----------------
A(98, "أعلن", "assert", "named_person",
  src="المدعي العام الفيدرالي في ولاية كونيكتيكت شمال شرق الولايات المتحدة",
  content=("توجيه الاتهام", "إعاقته التحقيق"), note="named in the next sentence (ديردي ديلي)")
A(99, "قال", "assert", "named_person", src="المدعى العام ديردي ديلي",
  content=("إن الرقيب", "جورتون في كونيكتيكت"))
A(100, "أضاف", "assert", "named_person", ref="المدعى العام ديردي ديلي",
  content=("أنه خلال", "مصنفة سرية"))
NULL[101] = ""
NULL[102] = ""
A(103, "بحسب", "assert", "document_or_statement", src="القرار الاتهامي",
  content=("لاحقا عثر", "أحد أقاربه"))
NULL[104] = "passive event report (تم إلقاء القبض، أُطلق), no reporting"
A(105, "وجهت", "accuse", "named_organization", src="هيئة محلفين في كونيكتيكت",
  content=("سوسير تهمة", "غير قانونية"),
  note="وجّه تهمة = formally charged (an accusation), not وجّه = instructed")
NULL[106] = ""
NULL[107] = ""

# ---------------- assemble ----------------
assert set(ATT) | set(NULL) == set(range(len(rows))) and not (set(ATT) & set(NULL))
out = []
for i, r in enumerate(rows):
    s = r["sentence"]
    if i in NULL:
        out.append({"doc": r["doc"], "sentence": s, "cue": None, "note": NULL[i]})
        continue
    recs = []
    for a in ATT[i]:
        cue = span(s, a["cue"], a["cue_anchor"])
        src = nearest(s, a["src"], cue) if a["src"] else None
        cont = None
        if a["content"]:
            first, last = a["content"]
            # content normally follows the cue; a clause qualified by a post-posed
            # prepositional cue precedes it
            anchor = s[cue["start"]:] if s.find(first, cue["start"]) >= 0 else None
            base = cue["start"] if anchor is not None else 0
            k = s.find(first, base)
            assert k >= 0, ("content", first)
            j = s.find(last, k)
            assert j >= 0, ("content end", last)
            cont = {"start": k, "end": j + len(last), "text": s[k:j + len(last)]}
        recs.append({"doc": r["doc"], "sentence": s, "cue": cue, "source": src,
                     "source_ref": a["ref"], "content": cont, "stance": a["stance"],
                     "source_type": a["stype"],
                     "chain_id": a["chain"][0] if a["chain"] else None,
                     "chain_pos": a["chain"][1] if a["chain"] else None,
                     "hedges": a["hedges"], "note": a["note"]})
    recs.sort(key=lambda x: x["cue"]["start"])
    out.extend(recs)

with open(OUT, "w", encoding="utf-8") as f:
    for o in out:
        f.write(json.dumps(o, ensure_ascii=False) + "\n")
print(len(out), "lines")
