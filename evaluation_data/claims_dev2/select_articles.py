"""Reproduce the article and sentence selection of claims_dev2/claimset.jsonl (DEVELOPMENT set, batch 2).

Same eligible list as ../claims_dev/select_articles.py (it is imported from there: title keyword filter of
../claims/select_articles.py, body >= 1200 characters, first of identical titles, the same title/author-field
exclusions of the dev split), but the articles at the ODD eligible positions 1, 3, 5, ... in corpus order (batch 1
took the even positions 0, 2, ..., 52), taken in that order until the labelled set held >= 220 attribution objects
(N_PICK below is the number that took). First 10 sentences of each body with the same splitter. A taken sentence
verbatim identical to a sentence of the test set's labelled sentences (recomputed from the test split with
../claims/select_articles.py; the test claimset.jsonl is not read) is skipped.

Usage:
  cd /work/main && KHABAR_SHARED_DATA=/work/shared/data .venv/bin/python -c "from khabar.datasets import iter_saudinewsnet; import json; [print(json.dumps(a, ensure_ascii=False)) for a in iter_saudinewsnet(split='dev')]" > /tmp/dev_articles.jsonl
  cd /work/main && KHABAR_SHARED_DATA=/work/shared/data .venv/bin/python -c "from khabar.datasets import iter_saudinewsnet; import json; [print(json.dumps(a, ensure_ascii=False)) for a in iter_saudinewsnet(split='test')]" > /tmp/test_articles.jsonl
  python3 select_articles.py /tmp/dev_articles.jsonl [--test /tmp/test_articles.jsonl] [--list]
Prints the picked articles (0-based line index in the dev split, url, title) and their first 10 sentences
(--list: the eligible articles with their eligible position).
"""
import importlib.util
import json
import os
import sys

# eligible list, splitter and test-sentence recomputation are batch 1's (../claims_dev/select_articles.py, which
# takes the keyword pattern, body threshold and splitter from ../claims/select_articles.py)
_spec = importlib.util.spec_from_file_location(
    "claims_dev_selection", os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "claims_dev", "select_articles.py"))
_dev1 = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(_dev1)
eligible, sentences, test_sentences, EXCLUDE = _dev1.eligible, _dev1.sentences, _dev1.test_sentences, _dev1.EXCLUDE

N_PICK = 29   # odd-position articles taken (eligible positions 1, 3, ..., 57); the 29th (line 1135) brought the set to >= 220 attributions


def picked(A, n=None):
    n = N_PICK if n is None else n
    E = eligible(A)
    odd = [E[k] for k in range(1, len(E), 2)]
    return odd if n is None else odd[:n]


def taken(A, test_path=None, n=None):
    """[(line, article, [(sentence, skipped_bool)])] for the picked articles."""
    S = test_sentences(test_path)
    return [(i, a, [(s, s in S) for s in sentences(a["content"])]) for i, a in picked(A, n)]


def main(argv):
    path = argv[1]
    test_path = argv[argv.index("--test") + 1] if "--test" in argv else None
    A = [json.loads(l) for l in open(path, encoding="utf-8")]
    if "--list" in argv:
        for k, (i, a) in enumerate(eligible(A)):
            tag = "(batch 1)" if k % 2 == 0 and k < 2 * _dev1.N_PICK else ("(batch 2)" if k % 2 and k < 2 * N_PICK else "")
            print(k, i, a["source"], a["title"].strip(), tag)
        return
    _dev1.print_taken(taken(A, test_path))


if __name__ == "__main__":
    main(sys.argv)
