"""Rebuild the DEVELOPMENT batch-3 timeset.jsonl (alriyadh and okaz) from SaudiNewsNet and the hand labels.

Copy of ../times_dev2/build_timeset.py (itself from ../times_dev/ and ../times/) adapted to batch 3.
The dev split holds no alriyadh or okaz article (see README.md), so the pool is the NON-held-out part of the
corpus (the part resources are built from; neither dev nor test): articles whose source is alriyadh or okaz
and whose URL is not held out (zlib.crc32(url) % 10 != 0, the rule of khabar/corpus_split.py, copied here),
in corpus order. From that list every 100th article is taken (positions 0, 100, 200, ...), in order, until
the running count of labelled expressions reaches MIN_EXPR (200): the article that crosses it is the last
one. First 8 sentences of each (splitter of ../linking/select_articles.py, as in the other batches).

Usage (reads the corpus file directly; no khabar code is run):
  python3 build_timeset.py /work/shared/data/saudinewsnet/saudinewsnet.jsonl.xz labels.txt > timeset.jsonl

labels.txt: '@<index>' starts an article, index = 0-based line number in saudinewsnet.jsonl.xz; then
'sent|text[#n]|type|value|interval|precision|note' (#n = n-th occurrence of text in the sentence).
Interval may use A (the anchor) like 'A-P1M/A'. An empty precision for date/time is computed from the
value (see ../times/GUIDELINE.md section 6). Sentences without labels are written as one line with text null.
A tatweel after a clitic preposition, as in `بـ13`, is accepted at the start of a span.
"""
import datetime, importlib.util, json, lzma, os, re, sys, zlib

STRIDE, NSENT, MIN_EXPR = 100, 8, 200
SOURCES = ("alriyadh", "okaz")


def is_heldout(url):
    """copy of khabar.corpus_split.is_heldout: held out (dev or test) when CRC32(url) % 10 == 0"""
    return zlib.crc32(url.encode("utf-8")) % 10 == 0


def pool(A):
    """0-based corpus line indices of the non-held-out alriyadh/okaz articles, in corpus order"""
    return [i for i, a in enumerate(A) if a["source"] in SOURCES and not is_heldout(a["url"])]

# the sentence splitter, anchor shifts, value bounds and precision are the test set's builder's
# (../times/build_timeset.py), so the sets are cut and valued alike
_spec = importlib.util.spec_from_file_location(
    "times_test_builder", os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "times", "build_timeset.py"))
_test_builder = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(_test_builder)
sentences, shift, parse_point, precision = (_test_builder.sentences, _test_builder.shift, _test_builder.parse_point,
                                            _test_builder.precision)


def main(art_path, lab_path):
    opener = lzma.open if art_path.endswith(".xz") else open
    with opener(art_path, "rt", encoding="utf-8") as fh:
        A = [json.loads(l) for l in fh]
    selected = pool(A)[::STRIDE]
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
    assert all(i in set(selected) for i in labels), "label for an unselected article"
    out, problems = [], []
    n_expr, last = 0, None
    for i in selected:
        if n_expr >= MIN_EXPR:          # stop rule: the previous article crossed MIN_EXPR
            break
        last = i
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
            n_expr += sum(1 for r in rows if r["text"] is not None)
    assert all(i <= last for i in labels), "label for an article after the stop point"
    if n_expr < MIN_EXPR:
        problems.append("STOP RULE: only %d expressions in the whole stride" % n_expr)
    for r in out:
        if r["text"] is not None:
            assert r["sentence"][r["start"]:r["end"]] == r["text"]
    for p in problems:
        print(p, file=sys.stderr)
    for r in out:
        print(json.dumps(r, ensure_ascii=False))

if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
