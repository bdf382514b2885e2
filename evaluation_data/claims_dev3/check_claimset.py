"""Consistency check for claims_dev3/claimset.jsonl (development batch 3; format of ../claims/GUIDELINE.md §8).

Adapted from ../claims_dev2/check_claimset.py. Checks every line's fields, that sentence[start:end] == text for every
cue/source/content span, the stance and source-type vocabularies, source/source_ref exclusivity, chain numbering, hedges,
and that no article or sentence is shared with batches 1 and 2 (../claims_dev/, ../claims_dev2/). Given the corpus file
it also checks that the labelled sentences are exactly the selected ones (select_articles.py), in order; that every
labelled article is a NON-held-out alriyadh/okaz/aleqtisadiya article; that no labelled sentence occurs in a held-out
(dev or test) article; and the stop rule (the last article is the one that brought the set to >= 200 attributions).
It contains no extraction logic.

Usage: python3 check_claimset.py [/work/shared/data/saudinewsnet/saudinewsnet.jsonl.xz]
"""
import importlib.util
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
MIN_ATTR = 200

# the line and chain checks are batch 1's (../claims_dev/check_claimset.py)
_spec1 = importlib.util.spec_from_file_location("batch1_check", os.path.join(HERE, "..", "claims_dev", "check_claimset.py"))
_batch1 = importlib.util.module_from_spec(_spec1)
_spec1.loader.exec_module(_batch1)


def main(argv):
    R = _batch1.read_set(HERE)
    err = _batch1.Problems()
    chains = _batch1.check_lines(R, err)
    # one sentence group: either null line(s) alone or attributions in cue order
    groups = {}
    for i, r in enumerate(R):
        groups.setdefault((r["doc"], r["sentence"]), []).append((i, r))
    for key, rows in groups.items():
        nulls = [r for _, r in rows if r["cue"] is None]
        if nulls and len(rows) > 1:
            err(rows[0][0], "null line together with other lines for one sentence")
        starts = [r["cue"]["start"] for _, r in rows if r["cue"] is not None]
        if starts != sorted(starts):
            err(rows[0][0], "attributions not in cue order")
    _batch1.check_chains(chains, err)

    # batch 3 shares no article and no sentence with batches 1 and 2 (dev sets)
    _batch1.check_disjoint(R, HERE, ("claims_dev", "claims_dev2"), err)

    if len(argv) > 1:
        sel = _batch1.load_selection(HERE)
        A = sel.load(argv[1])
        T = sel.taken(A)
        _batch1.check_selection(R, T, err)
        by_url = {a["url"]: a for a in A}
        for d in {r["doc"] for r in R}:
            a = by_url.get(d)
            if a is None or sel.is_heldout(d) or a["source"] not in sel.SOURCES:
                err(0, "article %s is not a non-held-out article of %s" % (d, "/".join(sel.SOURCES)))
        H = sel.heldout_sentences(A)
        if {r["sentence"] for r in R} & H:
            err(0, "a labelled sentence occurs in a held-out article")
        # stop rule: the last picked article is the one that crossed MIN_ATTR
        last = T[-1][1]["url"]
        n_before = sum(r["cue"] is not None and r["doc"] != last for r in R)
        n_all = sum(r["cue"] is not None for r in R)
        if not (n_before < MIN_ATTR <= n_all):
            err(0, "stop rule: %d attributions before the last article, %d in all" % (n_before, n_all))
    return _batch1.summary(R, chains, err)


if __name__ == "__main__":
    sys.exit(main(sys.argv))
