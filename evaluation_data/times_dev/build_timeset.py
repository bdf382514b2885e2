"""Rebuild the DEVELOPMENT timeset.jsonl from the SaudiNewsNet dev split and the hand labels.

Built with the helpers of ../times/build_timeset.py, adapted to the dev split (stride 20, offset 7; a tatweel after a clitic
preposition, as in `بـ13`, is accepted at the start of a span).

Usage:
  cd /work/main && KHABAR_SHARED_DATA=/work/shared/data .venv/bin/python -c "from khabar.datasets import iter_saudinewsnet; import json; [print(json.dumps(a, ensure_ascii=False)) for a in iter_saudinewsnet(split='dev')]" > /tmp/dev_articles.jsonl
  python3 build_timeset.py /tmp/dev_articles.jsonl labels.txt > timeset.jsonl

Selection: every 20th article of the dev split (0-based line index i with i % 20 == 7), first 8 sentences.
labels.txt: '@<index>' starts an article; then 'sent|text[#n]|type|value|interval|precision|note'
(#n = n-th occurrence of text in the sentence). Interval may use A (the anchor) like 'A-P1M/A'.
An empty precision for date/time is computed from the value (see GUIDELINE.md §6).
Sentences without labels are written as one line with text null.
"""
import importlib.util, json, os, sys

STRIDE, OFFSET, NSENT = 20, 7, 8

# the sentence splitter, anchor shifts, value bounds and precision are the test set's builder's
# (../times/build_timeset.py), so the sets are cut and valued alike
_spec = importlib.util.spec_from_file_location(
    "times_test_builder", os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "times", "build_timeset.py"))
_test_builder = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(_test_builder)


def main(art_path, lab_path):
    A = [json.loads(l) for l in open(art_path, encoding="utf-8")]
    # a tatweel after a clitic preposition (بـ13) may stand right before a span
    _test_builder.build(A, range(OFFSET, len(A), STRIDE), lab_path, clitics="وفبلكـ", nsent=NSENT)

if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
