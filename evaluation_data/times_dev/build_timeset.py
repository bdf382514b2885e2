"""Rebuild the DEVELOPMENT timeset.jsonl from the SaudiNewsNet dev split and the hand labels.

Copy of ../times/build_timeset.py adapted to the dev split (stride 20, offset 7; a tatweel after a clitic
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
import datetime, importlib.util, json, os, re, sys

STRIDE, OFFSET, NSENT = 20, 7, 8

# the sentence splitter, anchor shifts, value bounds and precision are the test set's builder's
# (../times/build_timeset.py), so the sets are cut and valued alike
_spec = importlib.util.spec_from_file_location(
    "times_test_builder", os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "times", "build_timeset.py"))
_test_builder = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(_test_builder)
sentences, shift, parse_point, precision = (_test_builder.sentences, _test_builder.shift, _test_builder.parse_point,
                                            _test_builder.precision)


def main(art_path, lab_path):
    A = [json.loads(l) for l in open(art_path, encoding="utf-8")]
    labels, cur = {}, None
    for line in open(lab_path, encoding="utf-8"):
        line = line.rstrip("\n")
        if not line.strip() or line.startswith("#"):
            continue
        if line.startswith("@"):
            cur = int(line[1:]); labels.setdefault(cur, []); continue
        f = line.split("|")
        assert len(f) == 7, line
        labels[cur].append(f)
    assert all(i % STRIDE == OFFSET for i in labels), "label for an unselected article"
    out, problems = [], []
    for i in range(OFFSET, len(A), STRIDE):
        a = A[i]
        anchor = datetime.date.fromisoformat(a["date_extracted"][:10])
        ss = sentences(a["content"])[:NSENT]
        by_sent = {}
        for f in labels.get(i, []):
            by_sent.setdefault(int(f[0]), []).append(f)
        assert all(k < len(ss) for k in by_sent), (i, by_sent.keys(), len(ss))
        for j, s in enumerate(ss):
            base = {"doc": a["url"], "published": anchor.isoformat(), "sentence": s}
            rows = []
            for f in by_sent.get(j, []):
                _, text, typ, value, interval, prec, note = f
                occ = 1
                if "#" in text:
                    text, occ = text.rsplit("#", 1); occ = int(occ)
                # exact match; spaces in a label also match a no-break space of the source text
                pat = re.compile(r"[ \u00a0]+".join(re.escape(w) for w in text.split(" ")))
                hits = list(pat.finditer(s))
                if len(hits) < occ:
                    problems.append("NOT FOUND %d/%d %s" % (i, j, text)); continue
                start, end = hits[occ - 1].span()
                text = s[start:end]
                before, after = s[start - 1:start], s[end:end + 1]
                if re.match(r"[\u0621-\u064A0-9]", after) or (re.match(r"[\u0621-\u064A0-9]", before)
                        and not re.match(r"[وفبلكـ]", before)):
                    problems.append("BOUNDARY %d/%d [%s]%s[%s]" % (i, j, before, text, after))
                interval = "/".join(shift(anchor, x) for x in interval.split("/")) if interval else None
                auto = precision(typ, value, interval)
                p = int(prec) if prec else auto
                if prec and auto is not None and int(prec) != auto:
                    problems.append("PRECISION %d/%d %s given %s auto %s" % (i, j, text, prec, auto))
                if typ not in ("date", "time"):
                    p = None
                assert typ in ("date", "time", "duration", "set", "vague"), f
                rows.append(dict(base, start=start, end=end, text=text, type=typ, value=value,
                                 interval=interval, precision=p, note=note))
            rows.sort(key=lambda r: r["start"])
            for r1, r2 in zip(rows, rows[1:]):
                if r2["start"] < r1["end"]:
                    problems.append("OVERLAP %d/%d %s | %s" % (i, j, r1["text"], r2["text"]))
            if not rows:
                rows = [dict(base, start=None, end=None, text=None, type=None, value=None,
                             interval=None, precision=None, note="")]
            out.extend(rows)
    for r in out:
        if r["text"] is not None:
            assert r["sentence"][r["start"]:r["end"]] == r["text"]
    for p in problems:
        print(p, file=sys.stderr)
    for r in out:
        print(json.dumps(r, ensure_ascii=False))

if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
