"""Rebuild the DEVELOPMENT batch-2 timeset.jsonl from the SaudiNewsNet dev split and the hand labels.

Built with the helpers of ../times/build_timeset.py, adapted to batch 2:
stride 20, offset 17, and a stop rule: articles are taken in order until at least 220 expressions are
labelled; the article that crosses 220 is the last one (a tatweel after a clitic preposition, as in
`بـ13`, is still accepted at the start of a span).

Usage:
  cd /work/main && KHABAR_SHARED_DATA=/work/shared/data .venv/bin/python -c "from khabar.datasets import iter_saudinewsnet; import json; [print(json.dumps(a, ensure_ascii=False)) for a in iter_saudinewsnet(split='dev')]" > /tmp/dev_articles.jsonl
  python3 build_timeset.py /tmp/dev_articles.jsonl labels.txt > timeset.jsonl

Selection: every 20th article of the dev split (0-based line index i with i % 20 == 17, i = 17, 37, ...),
in order, until the running count of labelled expressions reaches MIN_EXPR (220): the article that
crosses it is the last one taken. First 8 sentences of each.
labels.txt: '@<index>' starts an article; then 'sent|text[#n]|type|value|interval|precision|note'
(#n = n-th occurrence of text in the sentence). Interval may use A (the anchor) like 'A-P1M/A'.
An empty precision for date/time is computed from the value (see GUIDELINE.md §6).
Sentences without labels are written as one line with text null.
"""
import importlib.util, json, os, sys

STRIDE, OFFSET, NSENT, MIN_EXPR = 20, 17, 8, 220

# the sentence splitter, anchor shifts, value bounds and precision are the test set's builder's
# (../times/build_timeset.py), so the sets are cut and valued alike
_spec = importlib.util.spec_from_file_location(
    "times_test_builder", os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "times", "build_timeset.py"))
_test_builder = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(_test_builder)


def main(art_path, lab_path):
    A = [json.loads(l) for l in open(art_path, encoding="utf-8")]
    _test_builder.build(A, range(OFFSET, len(A), STRIDE), lab_path, clitics="وفبلكـ", nsent=NSENT, min_expr=MIN_EXPR)

if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
