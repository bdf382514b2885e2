"""Consistency check for claims_dev/claimset.jsonl (format of ../claims/GUIDELINE.md §8).

Checks every line's fields, that sentence[start:end] == text for every cue/source/content span, the stance and
source-type vocabularies, source/source_ref exclusivity, chain numbering, and (when the dev dump is given) that
the labelled sentences are exactly the selected ones, in order, one null line per sentence without attribution.
It contains no extraction logic.

Usage: python3 check_claimset.py [/tmp/dev_articles.jsonl]
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


def check_lines(R, err):
    """Every line's fields and spans; returns the chains (chain id -> [(line index, record)])."""
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
    return chains


def check_chains(chains, err):
    """Chain ids 1..n, one sentence per chain, a pos-0 link and at least two links."""
    ids = sorted(chains)
    if ids != list(range(1, len(ids) + 1)):
        err(0, "chain ids not 1..n: %s" % ids)
    for cid, links in chains.items():
        if len({(r["doc"], r["sentence"]) for _, r in links}) != 1:
            err(links[0][0], "chain %d spans several sentences" % cid)
        if sorted(r["chain_pos"] for _, r in links)[0] != 0 or len(links) < 2:
            err(links[0][0], "chain %d needs a pos-0 link and >= 2 links" % cid)


class Problems:
    """The error sink the checks share: prints each problem with its line number and counts them."""

    def __init__(self):
        self.n = 0

    def __call__(self, i, msg):
        self.n += 1
        print("line %d: %s" % (i + 1, msg))


def read_set(here):
    return [json.loads(l) for l in open(os.path.join(here, "claimset.jsonl"), encoding="utf-8")]


def load_selection(here):
    spec = importlib.util.spec_from_file_location("sel", os.path.join(here, "select_articles.py"))
    sel = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(sel)
    return sel


def check_selection(R, taken, err):
    """The labelled sentences are exactly the selected ones (`taken`: select_articles.taken's result), in order."""
    want = [(a["url"], s) for _, a, ss in taken for s, skip in ss if not skip]
    got = []
    for r in R:
        key = (r["doc"], r["sentence"])
        if not got or got[-1] != key:
            got.append(key)
    if got != want:
        err(0, "labelled sentences differ from the selection (%d labelled, %d selected)" % (len(got), len(want)))


def check_disjoint(R, here, others, err):
    """No article and no sentence is shared with the other development batches (folders beside this one)."""
    for other in others:
        p = os.path.join(here, "..", other, "claimset.jsonl")
        if os.path.exists(p):
            R1 = [json.loads(l) for l in open(p, encoding="utf-8")]
            if {r["doc"] for r in R1} & {r["doc"] for r in R}:
                err(0, "articles shared with %s" % other)
            if {r["sentence"] for r in R1} & {r["sentence"] for r in R}:
                err(0, "sentences shared with %s" % other)


def summary(R, chains, err):
    n_attr = sum(r["cue"] is not None for r in R)
    print("%d lines, %d attribution objects, %d null lines, %d chains; %d problems" % (
        len(R), n_attr, len(R) - n_attr, len(chains), err.n))
    return 1 if err.n else 0


def check_dump_selection(here, R, argv, err):
    """Given the dev (and test) dump on the command line, compare the labels with select_articles.py's choice."""
    if len(argv) > 1:
        sel = load_selection(here)
        A = [json.loads(l) for l in open(argv[1], encoding="utf-8")]
        test = argv[argv.index("--test") + 1] if "--test" in argv else None
        check_selection(R, sel.taken(A, test), err)


def main(argv):
    R = read_set(HERE)
    err = Problems()
    chains = check_lines(R, err)
    check_chains(chains, err)
    check_dump_selection(HERE, R, argv, err)
    return summary(R, chains, err)


if __name__ == "__main__":
    sys.exit(main(sys.argv))
