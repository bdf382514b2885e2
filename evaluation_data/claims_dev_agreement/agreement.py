"""Inter-annotator agreement for attribution ("isnad") labelling.

Reference (annotator A): evaluation_data/claims_dev/claimset.jsonl, restricted to the sentences that
annotation B covers. Annotation B: claimset_b.jsonl (this folder), labelled independently.

Figures
- cue P/R/F1: cues matched one-to-one when their spans overlap (greedy, largest overlap first);
  P = matched / B cues, R = matched / A cues.
- over matched cues:
  * source span, for pairs whose source is explicit (a span) in both: exact agreement (after stripping
    surrounding quotation marks; a one-character start difference allowed, end equal) and overlap
    agreement (spans share >= 1 character);
  * content span, for pairs with a content span in both: overlap agreement, plus the same tolerant exact;
  * source type: share of matched cues with the same type (+ Cohen's kappa);
  * stance: share with the same stance (+ Cohen's kappa).
Usage: python3 agreement.py [REF] [B]  (run from this folder)
"""
import json, sys, collections
from pathlib import Path

HERE = Path(__file__).resolve().parent
REF = Path(sys.argv[1]) if len(sys.argv) > 1 else HERE.parent / "claims_dev" / "claimset.jsonl"
HYP = Path(sys.argv[2]) if len(sys.argv) > 2 else HERE / "claimset_b.jsonl"
QUOTES = set('«»"“”\'‘’')


def load(p):
    return [json.loads(l) for l in open(p, encoding="utf-8") if l.strip()]


def strip_quotes(sp):
    s, e, t = sp["start"], sp["end"], sp["text"]
    while t and t[0] in QUOTES:
        t, s = t[1:], s + 1
    while t and t[-1] in QUOTES:
        t, e = t[:-1], e - 1
    return s, e


def overlap(a, b):
    return max(0, min(a["end"], b["end"]) - max(a["start"], b["start"]))


def tol_exact(a, b):
    sa, ea = strip_quotes(a)
    sb, eb = strip_quotes(b)
    return ea == eb and abs(sa - sb) <= 1


def kappa(pairs):
    n = len(pairs)
    if not n:
        return float("nan")
    po = sum(x == y for x, y in pairs) / n
    ca = collections.Counter(x for x, _ in pairs)
    cb = collections.Counter(y for _, y in pairs)
    pe = sum(ca[k] * cb[k] for k in set(ca) | set(cb)) / n / n
    return (po - pe) / (1 - pe) if pe < 1 else float("nan")


def pct(k, n):
    return f"{k}/{n} = {100 * k / n:.1f}%" if n else f"{k}/0"


def main():
    hyp = load(HYP)
    keys = {(r["doc"], r["sentence"]) for r in hyp}
    ref = [r for r in load(REF) if (r["doc"], r["sentence"]) in keys]
    assert {(r["doc"], r["sentence"]) for r in ref} == keys, "sentence sets differ"

    by = collections.defaultdict(lambda: ([], []))
    for r in ref:
        if r["cue"]:
            by[(r["doc"], r["sentence"])][0].append(r)
    for r in hyp:
        if r["cue"]:
            by[(r["doc"], r["sentence"])][1].append(r)

    matched, fn, fp = [], [], []
    for k, (ra, rb) in by.items():
        cand = sorted(((overlap(a["cue"], b["cue"]), -abs(a["cue"]["start"] - b["cue"]["start"]), i, j)
                       for i, a in enumerate(ra) for j, b in enumerate(rb)
                       if overlap(a["cue"], b["cue"]) > 0), reverse=True)
        ua, ub = set(), set()
        for _, _, i, j in cand:
            if i not in ua and j not in ub:
                ua.add(i); ub.add(j); matched.append((ra[i], rb[j]))
        fn += [a for i, a in enumerate(ra) if i not in ua]
        fp += [b for j, b in enumerate(rb) if j not in ub]

    na, nb, m = len(matched) + len(fn), len(matched) + len(fp), len(matched)
    P, R = m / nb, m / na
    F = 2 * P * R / (P + R)
    out = []
    w = out.append
    w(f"sentences: {len(keys)}  (with >=1 attribution: A {sum(1 for v in by.values() if v[0])}, "
      f"B {sum(1 for v in by.values() if v[1])}, both {sum(1 for v in by.values() if v[0] and v[1])}, "
      f"neither {len(keys) - sum(1 for v in by.values() if v[0] or v[1])})")
    w(f"attributions: A (reference) {na}, B {nb}, matched {m}")
    w(f"cue  P = {P:.3f}  R = {R:.3f}  F1 = {F:.3f}")

    both_src = [(a, b) for a, b in matched if a.get("source") and b.get("source")]
    w(f"source explicit in both: {len(both_src)} of {m} matched "
      f"(explicit in A only {sum(1 for a, b in matched if a.get('source') and not b.get('source'))}, "
      f"in B only {sum(1 for a, b in matched if b.get('source') and not a.get('source'))}, "
      f"in neither {sum(1 for a, b in matched if not a.get('source') and not b.get('source'))})")
    w("  source exact (1-char start, quotes tolerated): "
      + pct(sum(tol_exact(a["source"], b["source"]) for a, b in both_src), len(both_src)))
    w("  source overlap: " + pct(sum(overlap(a["source"], b["source"]) > 0 for a, b in both_src), len(both_src)))
    w("  source text identical, offsets ignored (same string, possibly another mention of it): "
      + pct(sum(a["source"]["text"].strip('«»"') == b["source"]["text"].strip('«»"') for a, b in both_src),
            len(both_src)))

    both_c = [(a, b) for a, b in matched if a.get("content") and b.get("content")]
    w(f"content span in both: {len(both_c)} of {m} matched "
      f"(null in A only {sum(1 for a, b in matched if not a.get('content') and b.get('content'))}, "
      f"null in B only {sum(1 for a, b in matched if a.get('content') and not b.get('content'))})")
    w("  content overlap: " + pct(sum(overlap(a["content"], b["content"]) > 0 for a, b in both_c), len(both_c)))
    w("  content exact (1-char start, quotes tolerated): "
      + pct(sum(tol_exact(a["content"], b["content"]) for a, b in both_c), len(both_c)))

    tp = [(a["source_type"], b["source_type"]) for a, b in matched]
    sp = [(a["stance"], b["stance"]) for a, b in matched]
    w("source type agreement: " + pct(sum(x == y for x, y in tp), m) + f"  (Cohen's kappa {kappa(tp):.3f})")
    w("stance agreement: " + pct(sum(x == y for x, y in sp), m) + f"  (Cohen's kappa {kappa(sp):.3f})")
    ch = [(a.get("chain_id") is not None, b.get("chain_id") is not None) for a, b in matched]
    w(f"chain membership agreement (matched cues): {pct(sum(x == y for x, y in ch), m)}; "
      f"chain links A {sum(1 for r in ref if r.get('cue') and r.get('chain_id') is not None)}, "
      f"B {sum(1 for r in hyp if r.get('cue') and r.get('chain_id') is not None)}")

    w("\nsource type confusion (A -> B), disagreements only:")
    for (x, y), c in collections.Counter(p for p in tp if p[0] != p[1]).most_common():
        w(f"  {x} -> {y}: {c}")
    w("stance confusion (A -> B), disagreements only:")
    for (x, y), c in collections.Counter(p for p in sp if p[0] != p[1]).most_common():
        w(f"  {x} -> {y}: {c}")
    report = "\n".join(out)
    print(report)

    # disagreement listing for discussion
    with open(HERE / "agreement_details.txt", "w", encoding="utf-8") as f:
        f.write(report + "\n\n== cues only in A (missed by B) ==\n")
        for a in fn:
            f.write(f"[{a['cue']['text']}] {a.get('stance')}/{a.get('source_type')}  | {a['sentence'][:160]}\n")
        f.write("\n== cues only in B (not in A) ==\n")
        for b in fp:
            f.write(f"[{b['cue']['text']}] {b.get('stance')}/{b.get('source_type')}  | {b['sentence'][:160]}\n")
        f.write("\n== matched cues with differing source span / type / stance / content ==\n")
        for a, b in matched:
            d = []
            if a.get("source") and b.get("source") and not tol_exact(a["source"], b["source"]):
                d.append(f"source A «{a['source']['text']}» B «{b['source']['text']}»")
            if bool(a.get("source")) != bool(b.get("source")):
                d.append(f"source A {a.get('source') and a['source']['text']}/{a.get('source_ref')} "
                         f"B {b.get('source') and b['source']['text']}/{b.get('source_ref')}")
            if a["source_type"] != b["source_type"]:
                d.append(f"type A {a['source_type']} B {b['source_type']}")
            if a["stance"] != b["stance"]:
                d.append(f"stance A {a['stance']} B {b['stance']}")
            if a.get("content") and b.get("content") and not tol_exact(a["content"], b["content"]):
                d.append(f"content A [{a['content']['start']}:{a['content']['end']}] "
                         f"B [{b['content']['start']}:{b['content']['end']}]")
            if d:
                f.write(f"[{a['cue']['text']}|{b['cue']['text']}] " + "; ".join(d) + "\n")


if __name__ == "__main__":
    main()
