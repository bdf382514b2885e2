"""Reproduce the article selection of linkset.jsonl (evaluation only).

Usage:
  cd /work/main && KHABAR_SHARED_DATA=/work/shared/data .venv/bin/python -c "from khabar.datasets import iter_saudinewsnet; import json; [print(json.dumps(a, ensure_ascii=False)) for a in iter_saudinewsnet(split='test')]" > /tmp/test_articles.jsonl
  python3 select_articles.py /tmp/test_articles.jsonl
Prints the 40 picked articles (0-based line index in the test split, url, title) and their first 4 sentences.
"""
import json, re, sys
STEMS = ["سوريا","سورية","سوري","سوريين","عراق","عراقي","يمن","يمني","يمنيين","ليبيا","ليبي","لبنان","لبناني","فلسطين","فلسطيني","فلسطينيين","غزة","إسرائيل","إسرائيلي","إيران","إيراني","تركيا","تركي","أنقرة","داعش","داعشي","دواعش","حوثي","حوثيين","حوثيون","حزب الله","حماس","الأسد","ميليشيا","ميليشيات","مليشيا","مليشيات","تحالف","حشد","مقاومة","كردستاني","أكراد","كردي","صنعاء","عدن","تعز","مأرب","أبين","الضالع","شبوة","حلب","دمشق","درعا","اللاذقية","بغداد","الموصل","الأنبار","الرمادي","طهران","بيروت","القدس","الأقصى","البحرين","الانقلابيين","المتمردين"]
AR = "\u0600-\u06FF"
PAT = re.compile(r"(?:^|[^" + AR + r"])(?:[وف])?(?:[بلك])?(?:ال)?(" + "|".join(sorted(map(re.escape, STEMS), key=len, reverse=True))
                 + r")(?:ي|ية|يين|يون|ة|ان|ين|ون|ات)?(?=[^" + AR + r"]|$)")
# topic exclusion, decided from titles only (not about conflict/politics)
EXCLUDE = {
 8:"media/journalism interview", 138:"oil market economics", 208:"tourism (false keyword hit عراقة)",
 227:"stock exchange", 351:"TV drama/culture", 374:"art", 535:"municipal garbage",
 743:"sports", 780:"Saudi residency-correction admin", 954:"business/economy", 955:"oil production economics",
 1011:"fish prices", 1039:"theatre", 1192:"Saudi residency-correction admin", 1212:"Saudi residency-correction admin",
 1504:"oil tankers economy", 1568:"oil price economics",
}

def sentences(text, k=4):
    out = []
    for para in text.split("\n"):
        for s in re.split(r"(?<=[.!?؟])(?<! د\.)\s+", para):
            s = s.strip()
            if len(s) >= 20:
                out.append(s)
    return out[:k]

def eligible(A, exclude=EXCLUDE):
    E, seen = [], set()
    for i, a in enumerate(A):
        if not PAT.findall(a["title"]) or len(a["content"]) < 800 or i in exclude:
            continue
        t = a["title"].strip()
        if t in seen:          # same story syndicated twice: keep the first
            continue
        seen.add(t); E.append((i, a))
    return E

def main(path):
    A = [json.loads(l) for l in open(path, encoding="utf-8")]
    E = eligible(A)
    step = len(E) / 40
    for k in range(40):
        i, a = E[int(k * step)]
        print(i, a["url"], a["title"].strip())
        for j, s in enumerate(sentences(a["content"])):
            print("   [%d] %s" % (j, s))

if __name__ == "__main__":
    main(sys.argv[1])
