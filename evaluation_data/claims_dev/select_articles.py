"""Reproduce the article and sentence selection of claims_dev/claimset.jsonl (DEVELOPMENT set).

Same rule as ../claims/select_articles.py (title keyword filter, body >= 1200 characters, first of identical
titles, exclusion on title and author field only, every second eligible article, first 10 sentences with the
same splitter), applied to the DEV half of the held-out bucket (iter_saudinewsnet(split='dev')) instead of the
test half. Differences:
  - no exclusion of evaluation_data/linking articles (those are test-split articles, so they cannot occur here);
  - the topic/not-news exclusion list is this split's own, decided from titles and author fields only, before any
    body text was read (same categories as the test list);
  - articles are taken at eligible positions 0, 2, 4, ... in corpus order until the labelled set held >= 220
    attribution objects (N_PICK below is the number that took: 27 articles, positions 0..52 of 84 eligible;
    137 keyword candidates, 53 excluded below);
  - a taken sentence verbatim identical to a sentence of the test set's labelled sentences (the same wire text
    published by another paper) is skipped, so that no test sentence is reused. The test sentences are
    recomputed from the test split with ../claims/select_articles.py (its claimset.jsonl is not read). No taken
    sentence of the 27 articles was identical to a test sentence (the first hits are in dev article 1302, beyond
    the cut).

Usage:
  cd /work/main && KHABAR_SHARED_DATA=/work/shared/data .venv/bin/python -c "from khabar.datasets import iter_saudinewsnet; import json; [print(json.dumps(a, ensure_ascii=False)) for a in iter_saudinewsnet(split='dev')]" > /tmp/dev_articles.jsonl
  cd /work/main && KHABAR_SHARED_DATA=/work/shared/data .venv/bin/python -c "from khabar.datasets import iter_saudinewsnet; import json; [print(json.dumps(a, ensure_ascii=False)) for a in iter_saudinewsnet(split='test')]" > /tmp/test_articles.jsonl
  python3 select_articles.py /tmp/dev_articles.jsonl [--test /tmp/test_articles.jsonl] [--list] [--candidates]
Prints the picked articles (0-based line index in the dev split, url, title) and their first 10 sentences
(--list: the eligible articles; --candidates: every keyword candidate with its exclusion reason).
"""
import importlib.util
import json
import os
import sys

# keyword pattern, body-length threshold and sentence splitter are the test set's (../claims/select_articles.py,
# which takes its splitter from ../linking/select_articles.py)
_spec = importlib.util.spec_from_file_location(
    "claims_test_selection", os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "claims", "select_articles.py"))
_test = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(_test)
PAT, MIN_BODY, N_SENT, sentences = _test.PAT, _test.MIN_BODY, _test.N_SENT, _test.sentences

# topic exclusions for the DEV split, decided from the TITLE and AUTHOR field only (before reading bodies)
EXCLUDE = {
 # (a) topic not politics/security/conflict (economy, business, oil, sports, culture, health, education,
 #     municipal/administrative matters, social affairs, tourism, accidents and natural disasters, false hits)
 14:"tourism (Lebanese village)", 26:"fashion house", 36:"business/economy (economic conference)",
 117:"sports (interview with a footballer's father)", 163:"sports", 172:"oil price", 175:"sports",
 266:"sports", 297:"economy (remittances; false hit الخارجية)", 309:"residency correction admin",
 317:"fire accident (civil defence; keyword hit مسؤولية)", 335:"music festival", 350:"sports",
 470:"university admissions", 473:"plane crash (accident; keyword hit مقتل)",
 495:"earthquake (natural disaster; keyword hit قتلى)", 507:"university spokesman (education/media)",
 558:"municipal elections admin", 688:"naturalisation/residency admin", 719:"sports", 738:"sports",
 757:"novel/culture", 852:"floods (natural disaster)", 906:"diaspora youth visit (social)",
 941:"health (MERS; minister sacked)", 947:"air-show business", 981:"tourism",
 983:"business/technology (false hit بيانات)", 1025:"health conference", 1047:"marriage regulation (social affairs)",
 1106:"social affairs ministry staff changes", 1229:"sports", 1284:"award to a media figure (media profession)",
 1389:"municipal elections admin", 1390:"prison-staff training cooperation (admin)",
 # (b) not a news report: opinion columns/editorials (author field = columnist name with no dateline, or no
 #     author and an essay-style title)
 56:"column", 83:"column", 84:"column (eulogy)", 161:"column/editorial (no author, essay title)", 213:"column",
 226:"column (سبق تقول للمسؤول)", 249:"column (no author, essay title)", 420:"column",
 472:"column (no author, essay title)", 493:"column (no author, essay title)", 556:"column",
 613:"column (no author, essay title)", 728:"column", 1013:"column (prose poem)", 1121:"column",
 1212:"first-person opinion piece (no author)", 1227:"column", 1402:"column",
}
N_PICK = 27   # articles taken (eligible positions 0, 2, ..., 52); the 27th brought the set to >= 220 attributions


def eligible(A):
    E, seen = [], set()
    for i, a in enumerate(A):
        if not PAT.findall(a["title"]) or len(a["content"]) < MIN_BODY or i in EXCLUDE:
            continue
        t = a["title"].strip()
        if t in seen:
            continue
        seen.add(t); E.append((i, a))
    return E


def picked(A, n=N_PICK):
    E = eligible(A)
    return [E[2 * k] for k in range(min(n, (len(E) + 1) // 2))]


def test_sentences(test_path):
    """The labelled sentences of the test set, recomputed from the test split with ../claims/select_articles.py."""
    if not test_path or not os.path.exists(test_path):
        return set()
    T = [json.loads(l) for l in open(test_path, encoding="utf-8")]
    return {s for _, a in _test.picked(T) for s in sentences(a["content"])}


def taken(A, test_path=None):
    """[(line, article, [(sentence, skipped_bool)])] for the picked articles."""
    S = test_sentences(test_path)
    return [(i, a, [(s, s in S) for s in sentences(a["content"])]) for i, a in picked(A)]


def main(argv):
    path = argv[1]
    test_path = argv[argv.index("--test") + 1] if "--test" in argv else None
    A = [json.loads(l) for l in open(path, encoding="utf-8")]
    if "--candidates" in argv:
        for i, a in enumerate(A):
            if PAT.findall(a["title"]) and len(a["content"]) >= MIN_BODY:
                print(i, a["source"], a["title"].strip(), "|", EXCLUDE.get(i, "eligible"))
        return
    if "--list" in argv:
        for k, (i, a) in enumerate(eligible(A)):
            print(k, i, a["source"], a["title"].strip())
        return
    print_taken(taken(A, test_path))


def print_taken(rows):
    """Each picked article (index, url, title) and its sentences, those left out marked (batch 2 prints alike)."""
    for i, a, ss in rows:
        print(i, a["url"], a["title"].strip())
        for j, (s, skip) in enumerate(ss):
            print("   [%d] %s%s" % (j, "(skipped: identical to a test-set sentence) " if skip else "", s))


if __name__ == "__main__":
    main(sys.argv)
