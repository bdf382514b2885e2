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
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))

# the line and chain checks are batch 1's (../claims_dev/check_claimset.py)
_spec1 = importlib.util.spec_from_file_location("batch1_check", os.path.join(HERE, "..", "claims_dev", "check_claimset.py"))
_batch1 = importlib.util.module_from_spec(_spec1)
_spec1.loader.exec_module(_batch1)


def main(argv):
    R = _batch1.read_set(HERE)
    err = _batch1.Problems()
    chains = _batch1.check_lines(R, err)
    _batch1.check_chains(chains, err)
    _batch1.check_dump_selection(HERE, R, argv, err)
    # batch 2 must share no article and no sentence with batch 1 (../claims_dev/claimset.jsonl, also a dev set)
    _batch1.check_disjoint(R, HERE, ("claims_dev",), err)
    return _batch1.summary(R, chains, err)


if __name__ == "__main__":
    sys.exit(main(sys.argv))
