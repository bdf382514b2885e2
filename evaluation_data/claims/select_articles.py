"""Reproduce the article and sentence selection of claimset.jsonl (evaluation only).

Usage:
  cd /work/main && KHABAR_SHARED_DATA=/work/shared/data .venv/bin/python -c "from khabar.datasets import iter_saudinewsnet; import json; [print(json.dumps(a, ensure_ascii=False)) for a in iter_saudinewsnet(split='test')]" > /tmp/claimset/test_articles.jsonl
  python3 select_articles.py /tmp/claimset/test_articles.jsonl [--list]
Prints the 44 picked articles (0-based line index in the test split, url, title) and their first 10 sentences
(--list prints the 88 eligible articles instead).
The rule uses titles, the author field (to spot columns) and body length only; it was fixed before any body
text was read.
"""
import importlib.util
import os
import json, re, sys

# 1. topic stems (politics / security / conflict / official statements), matched as a word in the TITLE
STEMS = [
    # conflict actors and places (same list as evaluation_data/linking)
    "سوريا","سورية","سوري","سوريين","عراق","عراقي","يمن","يمني","يمنيين","ليبيا","ليبي","لبنان","لبناني",
    "فلسطين","فلسطيني","فلسطينيين","غزة","إسرائيل","إسرائيلي","إيران","إيراني","تركيا","تركي","أنقرة",
    "داعش","داعشي","دواعش","حوثي","حوثيين","حوثيون","حزب الله","حماس","الأسد","ميليشيا","ميليشيات",
    "مليشيا","مليشيات","تحالف","حشد","مقاومة","كردستاني","أكراد","كردي","صنعاء","عدن","تعز","مأرب",
    "أبين","الضالع","شبوة","حلب","دمشق","درعا","اللاذقية","بغداد","الموصل","الأنبار","الرمادي","طهران",
    "بيروت","القدس","الأقصى","البحرين","الانقلابيين","المتمردين",
    # security and official-statement words
    "إرهاب","إرهابي","إرهابيين","إرهابية","الإرهاب","أمني","أمنية","هجوم","تفجير","انتحاري","مقتل","قتلى",
    "غارات","غارة","عسكري","عسكرية","الجيش","وزير","وزارة","الداخلية","الخارجية","مجلس الأمن",
    "الأمم المتحدة","الأممي","مسؤول","مسؤولون","متحدث","مصدر","مصادر","بيان","نووي","النووي",
]
AR = "\u0600-\u06FF"
PAT = re.compile(r"(?:^|[^" + AR + r"])(?:[وف])?(?:[بلك])?(?:ال)?(" + "|".join(sorted(map(re.escape, STEMS), key=len, reverse=True))
                 + r")(?:ي|ية|يين|يون|ة|ان|ين|ون|ات)?(?=[^" + AR + r"]|$)")
MIN_BODY = 1200
# 2. articles already used by evaluation_data/linking (kept out so the two sets are disjoint)
LINKING = {3,67,101,128,171,239,262,310,381,451,468,509,537,559,574,594,605,680,692,712,770,839,897,963,
           1014,1038,1110,1146,1198,1260,1310,1338,1358,1383,1404,1437,1474,1495,1549,1600}
# 3. topic exclusions decided from the TITLE only (filled in before reading bodies); see README
EXCLUDE = {
 # (a) topic not politics/security/conflict (economy, business, oil, sports, culture, health, education,
 #     admissions, municipal administration, social affairs, media-profession pieces, false keyword hits)
 8:"media profession interview", 34:"housing policy column", 37:"economics of nuclear deal", 64:"sports",
 91:"media/patriotism lecture", 93:"job vacancies", 133:"labour-market economy", 138:"oil market",
 208:"tourism (false hit عراقة)", 215:"shark attack (false hit هجوم)", 227:"stock exchange",
 264:"technology industry", 277:"business/women", 303:"housing", 351:"TV drama", 374:"art", 535:"garbage",
 560:"sports", 589:"youth/society column", 590:"college admissions", 592:"education", 631:"police media training",
 743:"sports", 780:"residency correction admin", 858:"municipal projects", 954:"business", 955:"oil production",
 1011:"fish prices", 1017:"football", 1056:"education programme", 1129:"fuel prices", 1156:"municipal elections admin",
 1212:"residency correction admin", 1292:"lion killer (false hit الأسد)", 1504:"oil tankers", 1545:"municipal elections admin",
 1552:"admissions to military sectors", 1568:"oil price", 1584:"health", 1609:"social affairs", 1614:"municipal elections admin",
 # (b) not a news report: opinion columns/editorials (author field = columnist name or column label with no
 #     dateline, or no author and an essay-style title) and Q&A interviews
 19:"column", 47:"column", 566:"column", 588:"column", 759:"column", 834:"column", 1077:"Q&A interview",
 1082:"column", 1128:"editorial (كلمة الاقتصادية)", 1214:"column", 1216:"column", 1334:"column", 1400:"column",
 1401:"column", 1436:"column", 1480:"column", 1537:"column", 1540:"column",
}
N_PICK = 44
N_SENT = 10

# the sentence splitter is the linking set's (../linking/select_articles.py), so the sets cut text alike
_spec = importlib.util.spec_from_file_location(
    "linking_selection", os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "linking", "select_articles.py"))
_linking = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(_linking)


def sentences(text, k=N_SENT):
    return _linking.sentences(text, k)

def eligible(A):
    E, seen = [], set()
    for i, a in enumerate(A):
        if not PAT.findall(a["title"]) or len(a["content"]) < MIN_BODY or i in LINKING or i in EXCLUDE:
            continue
        t = a["title"].strip()
        if t in seen:
            continue
        seen.add(t); E.append((i, a))
    return E

def picked(A):
    E = eligible(A)
    step = len(E) / N_PICK
    return [E[int(k * step)] for k in range(N_PICK)]

def main(path, list_only=False):
    A = [json.loads(l) for l in open(path, encoding="utf-8")]
    if list_only:
        for i, a in eligible(A):
            print(i, a["source"], a["title"].strip())
        return
    for i, a in picked(A):
        print(i, a["url"], a["title"].strip())
        for j, s in enumerate(sentences(a["content"])):
            print("   [%d] %s" % (j, s))

if __name__ == "__main__":
    main(sys.argv[1], "--list" in sys.argv)
