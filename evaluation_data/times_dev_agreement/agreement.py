"""Inter-annotator agreement: first annotation (A, reference) = ../times_dev/timeset.jsonl restricted to
the sentences of timeset_b.jsonl (the first 180 distinct sentences of times_dev); second annotation (B) =
timeset_b.jsonl (blind).

    python3 agreement.py            # prints the figures; writes disagreements.txt

Figures: number of expressions in A and B; exact-span P/R/F1 (A as reference); overlapping-span P/R/F1
with a one-to-one matching (pairs chosen greedily: exact spans first, then larger overlap); over the
overlapping pairs, the share with identical `value` (and, for information, identical `type`, and identical
value+interval).
"""
import json, os, collections

HERE = os.path.dirname(os.path.abspath(__file__))
B_rows = [json.loads(l) for l in open(os.path.join(HERE, "timeset_b.jsonl"))]
keys = []
for r in B_rows:
    k = (r["doc"], r["sentence"])
    if k not in keys:
        keys.append(k)
keyset = set(keys)
assert len(keys) == 180
A_rows = [json.loads(l) for l in open(os.path.join(HERE, "..", "times_dev", "timeset.jsonl"))
          if (lambda r: (r["doc"], r["sentence"]) in keyset)(json.loads(l))]
assert {(r["doc"], r["sentence"]) for r in A_rows} == keyset

def exprs(rows):
    d = collections.defaultdict(list)
    for r in rows:
        if r["text"] is not None:
            assert r["sentence"][r["start"]:r["end"]] == r["text"]
            d[(r["doc"], r["sentence"])].append(r)
    return d

A, B = exprs(A_rows), exprs(B_rows)
nA = sum(map(len, A.values())); nB = sum(map(len, B.values()))

def prf(tp, nsys, nref):
    p = tp / nsys if nsys else 0.0
    r = tp / nref if nref else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)

exact_tp = 0
pairs = []
unA, unB = [], []
for k in keys:
    a, b = A.get(k, []), B.get(k, [])
    sa = collections.Counter((x["start"], x["end"]) for x in a)
    sb = collections.Counter((x["start"], x["end"]) for x in b)
    exact_tp += sum((sa & sb).values())
    cand = []
    for i, x in enumerate(a):
        for j, y in enumerate(b):
            ov = min(x["end"], y["end"]) - max(x["start"], y["start"])
            if ov > 0:
                exact = (x["start"], x["end"]) == (y["start"], y["end"])
                cand.append((not exact, -ov, i, j))
    cand.sort()
    ua, ub = set(), set()
    for _, _, i, j in cand:
        if i not in ua and j not in ub:
            ua.add(i); ub.add(j); pairs.append((a[i], b[j]))
    unA += [x for i, x in enumerate(a) if i not in ua]
    unB += [y for j, y in enumerate(b) if j not in ub]

eP, eR, eF = prf(exact_tp, nB, nA)
oP, oR, oF = prf(len(pairs), nB, nA)
same_val = sum(x["value"] == y["value"] for x, y in pairs)
same_type = sum(x["type"] == y["type"] for x, y in pairs)
same_vi = sum(x["value"] == y["value"] and x["interval"] == y["interval"] for x, y in pairs)
sentA = {k for k in keys if A.get(k)}; sentB = {k for k in keys if B.get(k)}

print(f"sentences: 180 from {len({k[0] for k in keys})} articles")
print(f"expressions: A (first, reference) = {nA}, B (blind second) = {nB}")
print(f"sentences with >=1 expression: A = {len(sentA)}, B = {len(sentB)}, both = {len(sentA & sentB)}")
print(f"exact span:       TP = {exact_tp}  P = {eP:.3f}  R = {eR:.3f}  F1 = {eF:.3f}")
print(f"overlapping span: TP = {len(pairs)}  P = {oP:.3f}  R = {oR:.3f}  F1 = {oF:.3f}  (one-to-one)")
print(f"over {len(pairs)} overlapping pairs: same value {same_val} ({same_val/len(pairs):.1%}), "
      f"same type {same_type} ({same_type/len(pairs):.1%}), same value+interval {same_vi} ({same_vi/len(pairs):.1%})")

with open(os.path.join(HERE, "disagreements.txt"), "w") as f:
    f.write("# A = ../times_dev/timeset.jsonl (reference), B = timeset_b.jsonl\n")
    f.write("\n## Overlapping pairs with a different span, type or value\n")
    for x, y in pairs:
        if (x["start"], x["end"]) != (y["start"], y["end"]) or x["type"] != y["type"] or x["value"] != y["value"]:
            f.write(f"A: {x['text']} | {x['type']} | {x['value']} | {x['interval']}\n"
                    f"B: {y['text']} | {y['type']} | {y['value']} | {y['interval']}\n\n")
    f.write("\n## Only in A\n")
    for x in unA:
        f.write(f"{x['published']} {x['text']} | {x['type']} | {x['value']} | {x['interval']} | {x['note']}\n")
    f.write("\n## Only in B\n")
    for y in unB:
        f.write(f"{y['published']} {y['text']} | {y['type']} | {y['value']} | {y['interval']} | {y['note']}\n")
