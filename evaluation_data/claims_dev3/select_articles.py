"""Reproduce the article and sentence selection of claims_dev3/claimset.jsonl (DEVELOPMENT set, batch 3).

Batch 3 covers the three outlets that the dev split does not contain: alriyadh, okaz and aleqtisadiya. Every held-out
article of these outlets is in the TEST split (the dev/test halving depends only on URL length; see
khabar/corpus_split.py and ../times_dev3/README.md), so the pool is the NON-held-out part of SaudiNewsNet, exactly as
in ../times_dev3/build_timeset.py: articles of these three sources whose URL is not held out
(zlib.crc32(url) % 10 != 0, copied from khabar/corpus_split.py), in corpus order, read directly from
saudinewsnet.jsonl.xz (no khabar code is run). No held-out (dev or test) article can be picked.

Rule, otherwise as ../claims_dev/select_articles.py:
  - title keyword filter, body >= 1200 characters and sentence splitter of ../claims/select_articles.py (imported);
  - exclusions decided from the TITLE and AUTHOR field only, before any body text was read, in the categories of
    the test and dev lists: (a) topic not politics/security/conflict (economy, oil, markets, business, sports,
    culture, health, education, housing, municipal/administrative matters incl. residency correction and Hajj
    logistics, social affairs, tourism, media-profession pieces, technology, accidents, false keyword hits) and
    (b) not a news report (columns: author field = a bare name with no dateline; editorials; articles with no
    author and an essay-style title; Q&A interviews, author field حوار/حاوره; a panel discussion; a history feature);
  - first of identical titles (after the exclusions, as in batch 1);
  - every 10th eligible article (eligible positions 0, 10, 20, ...) in corpus order, labelled in that order until
    the set held >= 200 attribution objects (N_PICK below is the number that took);
  - first 10 sentences of each body (same splitter); a taken sentence that occurs verbatim among the sentences
    (whole body, same splitter) of ANY held-out article (dev or test split) is skipped.

Usage:
  python3 select_articles.py /work/shared/data/saudinewsnet/saudinewsnet.jsonl.xz [--list] [--candidates]
Prints the picked articles (0-based line number in saudinewsnet.jsonl.xz, url, title) and their first 10 sentences
(--list: the eligible articles with their eligible position; --candidates: every keyword candidate of the pool with
its exclusion reason).
"""
import importlib.util
import json
import lzma
import os
import sys
import zlib

HERE = os.path.dirname(os.path.abspath(__file__))
# keyword pattern, body-length threshold and splitter of the test set (../claims/select_articles.py, which takes its
# splitter from ../linking/select_articles.py)
_spec = importlib.util.spec_from_file_location("claims_test_selection", os.path.join(HERE, "..", "claims", "select_articles.py"))
_test = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(_test)
PAT, MIN_BODY, N_SENT = _test.PAT, _test.MIN_BODY, _test.N_SENT
_linking = _test._linking

SOURCES = ("alriyadh", "okaz", "aleqtisadiya")
STRIDE = 10


def is_heldout(url):
    """copy of khabar.corpus_split.is_heldout: held out (dev or test) when CRC32(url) % 10 == 0"""
    return zlib.crc32(url.encode("utf-8")) % 10 == 0


def sentences(text, k=N_SENT):
    return _linking.sentences(text, k)


# exclusions for this pool, keyed by 0-based line number in saudinewsnet.jsonl.xz, decided from the TITLE and AUTHOR
# field only (before reading bodies). All 779 keyword candidates of the pool (9577 non-held-out articles of the three
# outlets) were judged: 276 excluded, 5 later duplicate titles dropped, 498 eligible.
# Known slip, kept so that the labelled selection stays reproducible: line 4185 is the second copy of the column
# "الاتفاق الإيراني الأميركي بمنظور اقتصادي" (راشد محمد الفوزان); the first copy (3990) is excluded below, but 4185
# is not, and since duplicates are dropped only among non-excluded articles (as in ../claims_dev/), 4185 is eligible
# (position 67). It is not picked; it shifts the later eligible positions by one.
EXCLUDE = {
 680:"economy (cigarette imports)", 816:"oil market", 854:"editorial (كلمة الاقتصادية)", 858:"column",
 873:"economy (US interest rate)", 1376:"column", 1380:"column", 1383:"column",
 2510:"social (condolences; keyword hit مسؤولون)", 2551:"residency correction admin", 2556:"Q&A interview (حاوره)",
 2630:"editorial (no author, essay title)", 2631:"editorial (no author, essay title)", 3113:"Q&A interview (حوار)",
 3169:"sports (false hit أمنية)", 3178:"column", 3187:"column", 3188:"column",
 3222:"sports (team camp in Turkey; false hit تركية)", 3655:"public services (power cut; keyword hit مسؤولية)",
 3656:"sports", 3699:"column", 3700:"column", 3752:"column (oil)", 3784:"snake bite (false hit مقتل)",
 3896:"Q&A interview (حوار)", 3899:"oil market", 3917:"health", 3956:"economy (business delegation)",
 3963:"education (scholarships)", 3990:"column", 3991:"housing", 4005:"column",
 4066:"social affairs (child labour, food aid)", 4114:"residency correction admin",
 4161:"analysis column (no dateline)", 4163:"economy (cost of living)", 4284:"housing", 4818:"Q&A interview (حاوره)",
 4868:"column", 4885:"column", 4888:"column", 4901:"column", 4905:"column", 5159:"economy (wheat deficit)",
 5172:"education", 5254:"economy", 5260:"Q&A interview (oil)", 5290:"administrative (office parties)",
 5657:"culture (theatre/sports programmes)", 5668:"column (زائر)", 5670:"housing", 5672:"column",
 5676:"column (أيمن الحماد)", 5714:"transport (train breakdown; false hit بيان)", 5759:"Q&A interview (oil)",
 5785:"business (false hit بيانات)", 5798:"sports", 7177:"economy (business emigration)", 7190:"tourism",
 7275:"currency markets (false hit بيانات)", 7663:"sports (club statement)",
 7704:"economy (infrastructure investment)", 7714:"column (sports)", 7742:"social (condolences)",
 7786:"municipal (garbage crisis)", 7907:"column (film)", 7908:"column (film)", 7913:"column (film)",
 8223:"accident (Mashhad incident)", 8314:"Q&A interview (حاوره)", 8657:"energy economy", 8661:"oil price",
 8686:"column", 8687:"column", 8688:"column", 8695:"column", 8696:"column", 8706:"oil exports",
 8709:"economy (central bank)", 8727:"economy (fuel black market)", 9211:"economy (tourism losses)",
 9225:"culture (music)", 9241:"column", 9246:"column (oil)", 9308:"municipal (garbage)", 9807:"column",
 10170:"energy technology (false hit النووية)", 10231:"column (no dateline)", 10258:"column", 10259:"column",
 10280:"Q&A interview (حوار)", 10750:"admissions to a security college", 10804:"business (false hit بيانات)",
 11280:"column", 11281:"column", 11291:"education (university)", 11311:"sports", 11701:"editorial (health)",
 11702:"column", 12108:"Q&A interview (culture)", 12116:"health (autism)", 12151:"health", 12214:"fuel prices",
 12242:"sports", 12689:"column", 12691:"column", 12693:"column", 12700:"column", 12701:"media training admin",
 13389:"culture/society feature (false hit النووي)", 13527:"currency markets", 13828:"column",
 13830:"column (أيمن الحماد)", 13836:"column", 13930:"education", 13940:"health", 13953:"municipal elections admin",
 13973:"energy (false hit مصدر)", 13995:"oil industry", 14024:"sports", 14087:"social (labour, maternity leave)",
 14659:"panel discussion (أدار الندوة), not a news report", 14688:"column", 14697:"column", 14705:"health",
 14882:"sports", 15216:"economy (Hajj bread supply)", 15234:"tourism feature", 15255:"column", 15262:"stock markets",
 15578:"media profession (editor resignation)", 15584:"media profession (editor tribute)",
 15705:"business (university social responsibility)", 16188:"editorial (no author, essay title)",
 16558:"history feature (on this day), not a news report", 16561:"municipal elections admin",
 16625:"culture feature", 16648:"column", 16649:"column", 16651:"column", 16654:"economy (bonds)",
 16892:"municipal projects", 16958:"education", 17471:"column", 17473:"column", 17490:"Q&A interview (حاوره)",
 17509:"sports (false hit تركي)", 17905:"social (paternity DNA; false hit النووي)",
 17945:"business (security companies ownership)", 17959:"sports (player nationality)", 18195:"Q&A interview (حوار)",
 18198:"administrative (justice sector development)", 18228:"education", 18238:"column (media tribute)",
 18245:"column (أيمن الحماد)", 18275:"Hajj logistics admin", 18822:"Q&A interview (حاوره)", 18835:"column",
 19196:"health", 19204:"oil", 19214:"development goals (poverty; social)", 19219:"health", 19236:"economy",
 19243:"education", 19259:"municipal affairs (Hajj services)", 19274:"column", 19282:"column",
 19517:"municipal elections admin", 19534:"education", 19545:"energy (false hit مصادر)",
 19618:"municipal affairs (Hajj services)", 20171:"education (university cooperation)", 20209:"column",
 20822:"accident (migrant boat)", 20834:"economy (subsidies)", 20891:"business (false hit بيانات)",
 20894:"Hajj admin", 20931:"economy feature (working in Gaza)", 20953:"column", 21014:"gold market",
 21058:"award to a media figure", 21814:"media profession (spokespersons)", 21858:"education",
 21978:"business (false hit بيانات)", 21986:"business", 22017:"sports", 22070:"housing", 22109:"column",
 22121:"aviation traffic (economy)", 22150:"health", 22152:"education", 22156:"education",
 22276:"technology (false hit البيانات)", 23102:"administrative appointment (fiqh academy)", 23126:"column",
 23179:"Q&A interview (حاوره)", 23223:"Hajj admin", 23226:"residency correction admin", 23274:"column",
 23277:"column", 23332:"column", 23775:"column", 23838:"currency markets", 23839:"gold market", 23843:"oil market",
 23874:"technology (false hit أمنية)", 24317:"labour admin (forged certificates)", 24344:"health",
 24350:"social affairs (retired players)", 24391:"social affairs", 24418:"accident (helicopter crash)",
 24436:"business", 24460:"business (false hit البيانات)", 24910:"insurance admin (false hit البيانات)",
 24933:"column", 25190:"financial crime (embezzlement), not politics/security", 25214:"column",
 25227:"economy (bonds)", 25230:"stock markets", 25303:"labour admin", 25670:"technology (false hit أمنية)",
 25684:"tourism", 25725:"media profession (editor tribute)", 25782:"markets", 25817:"culture (photography)",
 25857:"wildlife (false hit الرمادي)", 26294:"editorial (no author, essay title)",
 26584:"technology (false hit أمنية)", 26646:"economy (trade)", 26654:"municipal elections admin", 26656:"tourism",
 26693:"residency correction admin", 27005:"column (أيمن الحماد)", 27038:"column (زائر)",
 27042:"media profession (congratulations)", 27052:"column", 27065:"petrochemicals economy", 27090:"sports",
 27122:"residency correction admin", 27532:"column", 27534:"column", 27565:"Q&A interview (حاوره)",
 27918:"culture (crafts)", 27934:"column", 27941:"column", 27962:"municipal admin",
 27968:"residency correction admin", 28384:"health", 28399:"education (private school fees)",
 28424:"municipal admin (زائر)", 28425:"media profession (letter to the editor)", 28429:"column", 28439:"column",
 28440:"column", 28447:"column", 28449:"column", 28493:"education (private school fees)",
 28513:"residency correction admin", 28559:"business (exhibitions sector)", 28560:"column (commercial law)",
 28564:"economy (public finances)", 28580:"tourism", 29011:"Hajj admin", 29062:"column", 29079:"tourism",
 29104:"editorial (no author, essay title)", 29106:"Q&A interview (حاوره)",
 29133:"culture (history of pearl diving; false hit التركي)", 29571:"economy (foreign investment)", 29598:"column",
 29599:"column", 30109:"column (أيمن الحماد)", 30719:"culture (poetry)", 30746:"column", 30750:"column",
}
N_PICK = 27   # articles taken (eligible positions 0, 10, ..., 260); the 27th (line 16900) brought the set from 198 to >= 200 attributions


def load(path):
    opener = lzma.open if path.endswith(".xz") else open
    with opener(path, "rt", encoding="utf-8") as fh:
        return [json.loads(l) for l in fh]


def pool(A):
    """0-based corpus line numbers of the non-held-out alriyadh/okaz/aleqtisadiya articles, in corpus order"""
    return [i for i, a in enumerate(A) if a["source"] in SOURCES and not is_heldout(a["url"])]


def candidates(A):
    return [i for i in pool(A) if PAT.findall(A[i]["title"]) and len(A[i]["content"]) >= MIN_BODY]


def eligible(A):
    E, seen = [], set()
    for i in candidates(A):
        if i in EXCLUDE:
            continue
        t = A[i]["title"].strip()
        if t in seen:
            continue
        seen.add(t); E.append((i, A[i]))
    return E


def picked(A, n=None):
    n = N_PICK if n is None else n
    return eligible(A)[::STRIDE][:n]


def heldout_sentences(A):
    """every sentence (whole body, same splitter) of every held-out article (dev and test split)"""
    return {s for a in A if is_heldout(a["url"]) for s in sentences(a["content"], None)}


def taken(A, n=None):
    """[(line, article, [(sentence, skipped_bool)])] for the picked articles."""
    S = heldout_sentences(A)
    return [(i, a, [(s, s in S) for s in sentences(a["content"])]) for i, a in picked(A, n)]


def main(argv):
    A = load(argv[1])
    if "--candidates" in argv:
        for i in candidates(A):
            a = A[i]
            print(i, a["source"], (a.get("author") or "").strip().replace("\n", " ")[:40], "|", a["title"].strip(), "|",
                  EXCLUDE.get(i, "eligible"))
        return
    if "--list" in argv:
        for k, (i, a) in enumerate(eligible(A)):
            print(k, i, a["source"], a["title"].strip(), "(picked)" if k % STRIDE == 0 and k < STRIDE * N_PICK else "")
        return
    for i, a, ss in taken(A):
        print(i, a["url"], a["title"].strip())
        for j, (s, skip) in enumerate(ss):
            print("   [%d] %s%s" % (j, "(skipped: occurs in a held-out article) " if skip else "", s))


if __name__ == "__main__":
    main(sys.argv)
