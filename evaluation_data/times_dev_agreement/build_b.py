"""Build timeset_b.jsonl from labels_b.py and the 180 sentences (doc/published/sentence only).

    python3 build_b.py /tmp/agree180.jsonl > timeset_b.jsonl
where /tmp/agree180.jsonl = first 180 lines of the sentence list described in README.md.
"""
import json, re, sys, datetime
from dateutil.relativedelta import relativedelta
from labels_b import L

sents = [json.loads(l) for l in open(sys.argv[1])][:180]
assert len(sents) == 180
by = {}
for lab in L:
    by.setdefault(lab[0], []).append(lab)

def resolve(interval, anchor):
    if interval is None or not interval.startswith("A"):
        return interval
    m = re.fullmatch(r"A-P(\d+)([YMWD])/A", interval)
    n, u = int(m.group(1)), m.group(2)
    d = {"Y": relativedelta(years=n), "M": relativedelta(months=n),
         "W": relativedelta(weeks=n), "D": relativedelta(days=n)}[u]
    return f"{anchor - d}/{anchor}"

out = []
for i, s in enumerate(sents):
    labs = by.get(i, [])
    if not labs:
        out.append(dict(doc=s["doc"], published=s["published"], sentence=s["sentence"], start=None,
                        end=None, text=None, type=None, value=None, interval=None, precision=None, note=""))
        continue
    pos, prev_end = 0, 0
    for _, text, typ, val, itv, prec, note in labs:
        st = s["sentence"].find(text, pos)
        assert st >= 0, (i, text)
        en = st + len(text)
        assert st >= prev_end, ("overlap", i, text)
        sent = s["sentence"]
        if en < len(sent) and re.match(r"\w", sent[en]) and not (text[-1].isdigit() and sent[en] in "مهـ"):
            print("WARN right boundary", i, text, repr(sent[en:en+3]), file=sys.stderr)
        if st > 0 and re.match(r"\w", sent[st-1]):
            print("note: clitic before span", i, text, repr(sent[st-3:st]), file=sys.stderr)
        assert sent[st:en] == text
        anchor = datetime.date.fromisoformat(s["published"])
        out.append(dict(doc=s["doc"], published=s["published"], sentence=sent, start=st, end=en, text=text,
                        type=typ, value=val, interval=resolve(itv, anchor), precision=prec, note=note))
        pos = prev_end = en
for r in out:
    print(json.dumps(r, ensure_ascii=False))
