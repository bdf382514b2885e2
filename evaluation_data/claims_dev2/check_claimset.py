"""Consistency check for claims_dev2/claimset.jsonl (development batch 2) (format of ../claims/GUIDELINE.md §8).

Checks every line's fields, that sentence[start:end] == text for every cue/source/content span, the stance and
source-type vocabularies, source/source_ref exclusivity, chain numbering, and (when the dev dump is given) that
the labelled sentences are exactly the selected ones, in order, one null line per sentence without attribution, and that no
article or sentence is shared with batch 1 (../claims_dev/claimset.jsonl).
It contains no extraction logic.

Usage: python3 check_claimset.py [/tmp/dev_articles.jsonl [--test /tmp/test_articles.jsonl]]
(the line and chain checks are ../claims_dev/check_claimset.py's; the selection it compares with is claims_dev2/select_articles.py)
"""
import importlib.util
import json
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))

# the line and chain checks are batch 1's (../claims_dev/check_claimset.py)
_spec1 = importlib.util.spec_from_file_location("batch1_check", os.path.join(HERE, "..", "claims_dev", "check_claimset.py"))
_batch1 = importlib.util.module_from_spec(_spec1)
_spec1.loader.exec_module(_batch1)


def main(argv):
    R = [json.loads(l) for l in open(os.path.join(HERE, "claimset.jsonl"), encoding="utf-8")]
    bad = 0

    def err(i, msg):
        nonlocal bad
        bad += 1
        print("line %d: %s" % (i + 1, msg))

    chains = _batch1.check_lines(R, err)
    _batch1.check_chains(chains, err)

    if len(argv) > 1:
        spec = importlib.util.spec_from_file_location("sel", os.path.join(HERE, "select_articles.py"))
        sel = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(sel)
        A = [json.loads(l) for l in open(argv[1], encoding="utf-8")]
        test = argv[argv.index("--test") + 1] if "--test" in argv else None
        want = [(a["url"], s) for _, a, ss in sel.taken(A, test) for s, skip in ss if not skip]
        got = []
        for r in R:
            key = (r["doc"], r["sentence"])
            if not got or got[-1] != key:
                got.append(key)
        if got != want:
            err(0, "labelled sentences differ from the selection (%d labelled, %d selected)" % (len(got), len(want)))
    # batch 2 must share no article and no sentence with batch 1 (../claims_dev/claimset.jsonl, also a dev set)
    b1 = os.path.join(HERE, "..", "claims_dev", "claimset.jsonl")
    if os.path.exists(b1):
        R1 = [json.loads(l) for l in open(b1, encoding="utf-8")]
        if {r["doc"] for r in R1} & {r["doc"] for r in R}:
            err(0, "articles shared with claims_dev")
        if {r["sentence"] for r in R1} & {r["sentence"] for r in R}:
            err(0, "sentences shared with claims_dev")
    n_attr = sum(r["cue"] is not None for r in R)
    print("%d lines, %d attribution objects, %d null lines, %d chains; %d problems" % (
        len(R), n_attr, len(R) - n_attr, len(chains), bad))
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
