"""Rebuild the DEVELOPMENT batch-3 timeset.jsonl (alriyadh and okaz) from SaudiNewsNet and the hand labels.

Built with the helpers of ../times/build_timeset.py, adapted to batch 3.
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
import importlib.util, json, lzma, os, sys, zlib

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


def main(art_path, lab_path):
    opener = lzma.open if art_path.endswith(".xz") else open
    with opener(art_path, "rt", encoding="utf-8") as fh:
        A = [json.loads(l) for l in fh]
    _test_builder.build(A, pool(A)[::STRIDE], lab_path, clitics="وفبلكـ", nsent=NSENT, min_expr=MIN_EXPR)

if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
