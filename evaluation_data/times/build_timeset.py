"""Rebuild timeset.jsonl from the SaudiNewsNet test split and the hand labels (evaluation only).

Usage:
  cd /work/main && KHABAR_SHARED_DATA=/work/shared/data .venv/bin/python -c "from khabar.datasets import iter_saudinewsnet; import json; [print(json.dumps(a, ensure_ascii=False)) for a in iter_saudinewsnet(split='test')]" > /tmp/test_articles.jsonl
  python3 build_timeset.py /tmp/test_articles.jsonl labels.txt > timeset.jsonl

Selection: every 18th article of the test split (0-based line index i with i % 18 == 0), first 8 sentences.
labels.txt: '@<index>' starts an article; then 'sent|text[#n]|type|value|interval|precision|note'
(#n = n-th occurrence of text in the sentence). Interval may use A (the anchor) like 'A-P1M/A'.
An empty precision for date/time is computed from the value (see GUIDELINE.md §6).
Sentences without labels are written as one line with text null.
"""
import datetime, importlib.util, json, os, re, sys
from dateutil.relativedelta import relativedelta

STRIDE, NSENT = 18, 8

# the sentence splitter is the linking set's (../linking/select_articles.py), so the sets cut text alike
_spec = importlib.util.spec_from_file_location(
    "linking_selection", os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "linking", "select_articles.py"))
_linking = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(_linking)


def sentences(text):
    return _linking.sentences(text, None)

def shift(anchor, expr):
    # expr: 'A', 'A-P1M', 'A+P3M', 'A-P10D', 'A-P4W', 'A-P5Y'
    m = re.fullmatch(r"A(?:([+-])P(\d+)([DWMY]))?", expr)
    if not m:
        return expr
    if not m.group(1):
        return anchor.isoformat()
    n = int(m.group(2)) * (1 if m.group(1) == "+" else -1)
    unit = {"D": "days", "W": "weeks", "M": "months", "Y": "years"}[m.group(3)]
    return (anchor + relativedelta(**{unit: n})).isoformat()

def parse_point(v):
    """first and last day covered by a date/time value, or None."""
    v = re.sub(r"T.*$", "", v)
    if re.fullmatch(r"\d{4}-\d\d-\d\d", v):
        d = datetime.date.fromisoformat(v); return d, d
    if re.fullmatch(r"\d{4}-W\d\d", v):
        d = datetime.date.fromisocalendar(int(v[:4]), int(v[6:]), 1); return d, d + datetime.timedelta(6)
    if re.fullmatch(r"\d{4}-\d\d", v):
        d = datetime.date(int(v[:4]), int(v[5:]), 1); return d, d + relativedelta(months=1, days=-1)
    if re.fullmatch(r"\d{4}", v):
        return datetime.date(int(v), 1, 1), datetime.date(int(v), 12, 31)
    if re.fullmatch(r"\d{4}-(Q\d|H\d|SU)", v):
        y = int(v[:4]); return datetime.date(y, 1, 1), datetime.date(y, 12, 31)  # >10 days
    if re.fullmatch(r"\d\d", v):
        return datetime.date(int(v) * 100 if int(v) else 1, 1, 1), datetime.date(int(v) * 100 + 99, 12, 31)
    return None

def precision(typ, value, interval):
    if typ not in ("date", "time") or value in ("XXXX",):
        return None
    if "T" in value and "/" not in value:
        return 1
    spec = interval if interval and typ == "date" and parse_point(value) and "/" not in value else value
    parts = spec.split("/")
    a, b = parse_point(parts[0]), parse_point(parts[-1])
    if a is None or b is None:
        return None
    days = (b[1] - a[0]).days + 1
    return 1 if days <= 1 else 2 if days <= 11 else 3

def read_labels(lab_path):
    """labels.txt → {article index: [label fields …]}."""
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
    return labels


def article_rows(a, i, labels, problems, clitics="وفبلك", nsent=NSENT):
    """The lines of article `a` (index i): each of its first `nsent` sentences with its labelled expressions
    (offsets found, boundaries, precision and overlaps checked into `problems`), or one null line.
    `clitics`: letters allowed right before a span's first letter."""
    out = []
    anchor = datetime.date.fromisoformat(a["date_extracted"][:10])
    ss = sentences(a["content"])[:nsent]
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
                    and not re.match("[%s]" % clitics, before)):
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
    return out


def write(out, problems):
    """Check every span once more, report the problems on stderr and print the lines."""
    for r in out:
        if r["text"] is not None:
            assert r["sentence"][r["start"]:r["end"]] == r["text"]
    for p in problems:
        print(p, file=sys.stderr)
    for r in out:
        print(json.dumps(r, ensure_ascii=False))


def build(A, selected, lab_path, clitics="وفبلك", nsent=NSENT, min_expr=None):
    """Print the lines of the `selected` articles (corpus line indices, in order) with their labels. With
    `min_expr`, the stop rule of the development batches: articles are taken until the one that brings the set to
    `min_expr` expressions, and no label may lie beyond it."""
    labels = read_labels(lab_path)
    chosen = set(selected)
    assert all(i in chosen for i in labels), "label for an unselected article"
    out, problems = [], []
    n_expr, last = 0, None
    for i in selected:
        if min_expr is not None and n_expr >= min_expr:  # the previous article crossed min_expr
            break
        last = i
        rows = article_rows(A[i], i, labels, problems, clitics=clitics, nsent=nsent)
        out.extend(rows)
        n_expr += sum(1 for r in rows if r["text"] is not None)
    if min_expr is not None:
        assert all(i <= last for i in labels), "label for an article after the stop point"
        if n_expr < min_expr:
            problems.append("STOP RULE: only %d expressions in the whole stride" % n_expr)
    write(out, problems)


def main(art_path, lab_path):
    A = [json.loads(l) for l in open(art_path, encoding="utf-8")]
    build(A, range(0, len(A), STRIDE), lab_path)

if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
