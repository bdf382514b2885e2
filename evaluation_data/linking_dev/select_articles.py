"""Reproduce the article selection of linking_dev/linkset.jsonl (development set).

Same rule as ../linking/select_articles.py, applied to the DEV half of the held-out bucket
(iter_saudinewsnet(split='dev')) instead of the test half, with 30 articles instead of 40.
Only the title-based topic exclusion list differs (it is decided per split, from titles only).

Usage:
  cd /work/main && KHABAR_SHARED_DATA=/work/shared/data .venv/bin/python -c "from khabar.datasets import iter_saudinewsnet; import json; [print(json.dumps(a, ensure_ascii=False)) for a in iter_saudinewsnet(split='dev')]" > /tmp/dev_articles.jsonl
  python3 select_articles.py /tmp/dev_articles.jsonl
Prints the 30 picked articles (0-based line index in the dev split, url, title) and their first 4 sentences;
sentences verbatim identical to a sentence of the test set (../linking/linkset.jsonl) are marked skipped.
"""
import importlib.util, json, os, sys
N_ARTICLES = 30
# the keyword pattern and the sentence splitter are the test set's (../linking/select_articles.py)
_spec = importlib.util.spec_from_file_location(
    "test_selection", os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "linking", "select_articles.py"))
_test = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(_test)
PAT, sentences = _test.PAT, _test.sentences
# topic exclusion for the DEV split, decided from titles only (not about conflict/politics);
# same categories as the test split's list (sports, economy/business, tourism, culture/art,
# Saudi residency-correction administration, false keyword hits)
EXCLUDE = {
 14:"tourism (Lebanon village)", 26:"fashion house", 36:"business/economy (economic conference)",
 117:"sports column", 163:"sports", 175:"sports", 176:"sports", 266:"sports",
 309:"Saudi residency-correction admin", 335:"music festival/art", 350:"sports", 573:"sports",
 682:"sports", 688:"Saudi naturalisation/residency admin", 719:"sports", 738:"sports", 752:"sports",
 757:"novel/culture", 759:"oil export economics", 804:"false keyword hit (الأسد = lion)",
 906:"diaspora youth visit (social)", 917:"sports", 947:"air-show business", 986:"sports",
 1010:"sports", 1062:"sports", 1229:"sports",
}

def eligible(A):
    return _test.eligible(A, EXCLUDE)

def pick(A, n=N_ARTICLES):
    E = eligible(A)
    step = len(E) / n
    return [E[int(k * step)] for k in range(n)]

def test_sentences(path=None):
    """Sentences of the held-out test set (../linking/linkset.jsonl). A taken dev sentence that is
    verbatim identical to one of them (the same wire text published by another paper) is skipped,
    so that no test sentence is reused in the development set."""
    path = path or os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "linking", "linkset.jsonl")
    if not os.path.exists(path):
        return set()
    return {json.loads(l)["sentence"] for l in open(path, encoding="utf-8")}

def main(path):
    A = [json.loads(l) for l in open(path, encoding="utf-8")]
    T = test_sentences()
    for i, a in pick(A):
        print(i, a["url"], a["title"].strip())
        for j, s in enumerate(sentences(a["content"])):
            print("   [%d] %s%s" % (j, "(skipped: identical to a test-set sentence) " if s in T else "", s))

if __name__ == "__main__":
    main(sys.argv[1])
