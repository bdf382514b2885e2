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
import json
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
STANCES = {"assert", "deny", "accuse", "claim", "warn", "estimate", "demand"}
TYPES = {"named_person", "official_role_unnamed", "anonymous_source", "vague_collective", "named_organization",
         "document_or_statement"}
KEYS = ["doc", "sentence", "cue", "source", "source_ref", "content", "stance", "source_type", "chain_id",
        "chain_pos", "hedges", "note"]
MIN_ATTR = 200


def main(argv):
    R = [json.loads(l) for l in open(os.path.join(HERE, "claimset.jsonl"), encoding="utf-8")]
    bad = 0

    def err(i, msg):
        nonlocal bad
        bad += 1
        print("line %d: %s" % (i + 1, msg))

    chains = {}
    for i, r in enumerate(R):
        s = r["sentence"]
        if r["cue"] is None:
            if sorted(r) != ["cue", "doc", "note", "sentence"] or not r["note"]:
                err(i, "null line must have doc, sentence, cue=null, note")
            continue
        if list(r) != KEYS:
            err(i, "keys %s" % list(r))
        for k in ("cue", "source", "content"):
            v = r[k]
            if v is None:
                if k == "cue":
                    err(i, "cue missing")
                continue
            if s[v["start"]:v["end"]] != v["text"] or not v["text"]:
                err(i, "%s span mismatch" % k)
        if r["source"] is not None and r["source_ref"] is not None:
            err(i, "both source and source_ref")
        if r["stance"] not in STANCES:
            err(i, "stance %r" % r["stance"])
        if r["source_type"] not in TYPES:
            err(i, "source_type %r" % r["source_type"])
        if (r["chain_id"] is None) != (r["chain_pos"] is None):
            err(i, "chain_id/chain_pos")
        if r["chain_id"] is not None:
            chains.setdefault(r["chain_id"], []).append((i, r))
        for h in r["hedges"]:
            if h not in s:
                err(i, "hedge %r not in sentence" % h)
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
    ids = sorted(chains)
    if ids != list(range(1, len(ids) + 1)):
        err(0, "chain ids not 1..n: %s" % ids)
    for cid, links in chains.items():
        if len({(r["doc"], r["sentence"]) for _, r in links}) != 1:
            err(links[0][0], "chain %d spans several sentences" % cid)
        if sorted(r["chain_pos"] for _, r in links)[0] != 0 or len(links) < 2:
            err(links[0][0], "chain %d needs a pos-0 link and >= 2 links" % cid)

    # batch 3 shares no article and no sentence with batches 1 and 2 (dev sets)
    for other in ("claims_dev", "claims_dev2"):
        p = os.path.join(HERE, "..", other, "claimset.jsonl")
        if os.path.exists(p):
            R1 = [json.loads(l) for l in open(p, encoding="utf-8")]
            if {r["doc"] for r in R1} & {r["doc"] for r in R}:
                err(0, "articles shared with %s" % other)
            if {r["sentence"] for r in R1} & {r["sentence"] for r in R}:
                err(0, "sentences shared with %s" % other)

    if len(argv) > 1:
        spec = importlib.util.spec_from_file_location("sel", os.path.join(HERE, "select_articles.py"))
        sel = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(sel)
        A = sel.load(argv[1])
        T = sel.taken(A)
        want = [(a["url"], s) for _, a, ss in T for s, skip in ss if not skip]
        got = []
        for r in R:
            key = (r["doc"], r["sentence"])
            if not got or got[-1] != key:
                got.append(key)
        if got != want:
            err(0, "labelled sentences differ from the selection (%d labelled, %d selected)" % (len(got), len(want)))
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
    n_attr = sum(r["cue"] is not None for r in R)
    print("%d lines, %d attribution objects, %d null lines, %d chains; %d problems" % (
        len(R), n_attr, len(R) - n_attr, len(chains), bad))
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
