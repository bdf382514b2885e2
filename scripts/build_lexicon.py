"""Build the word-frequency lexicon the cleaner uses to decide ambiguous joins (`الحو..ثيون` vs `تركيا..مخطط`).

Source: SaudiNewsNet (../shared/data/saudinewsnet, CC BY-NC-SA 4.0, unlabelled). Articles whose URL hashes into
the held-out bucket (see khabar.corpus_split) are left out so that `khabar eval clean` measures on text the
lexicon never saw. Output: src/khabar/data/lexicon.tsv.gz, one `word<TAB>count` per line, count >= MIN_COUNT.

Usage: python scripts/build_lexicon.py [--corpus PATH] [--min-count 3]
"""

from __future__ import annotations

import argparse
import collections
import gzip
import io
import json
import lzma
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from khabar.chars import HARAKAT, LETTERS, LOOKALIKES, TATWEEL  # noqa: E402
from khabar.corpus_split import is_heldout  # noqa: E402

DEFAULT_CORPUS = ROOT.parent / "shared" / "data" / "saudinewsnet" / "saudinewsnet.jsonl.xz"
OUT = ROOT / "src" / "khabar" / "data" / "lexicon.tsv.gz"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    ap.add_argument("--min-count", type=int, default=3)
    ap.add_argument("--out", type=Path, default=OUT)
    args = ap.parse_args()

    strip = re.compile(f"[{HARAKAT}{TATWEEL}]")
    word = re.compile(f"[{LETTERS}]+")
    table = str.maketrans(LOOKALIKES)
    pure = re.compile(f"[{LETTERS}]+")

    def texts():
        with lzma.open(args.corpus, "rt", encoding="utf-8") as fh:
            for line in fh:
                art = json.loads(line)
                if not is_heldout(art.get("url", "")):
                    yield strip.sub("", f"{art.get('title', '')}\n{art.get('content', '')}").translate(table)

    counts: collections.Counter[str] = collections.Counter()
    n_docs = 0
    for text in texts():
        n_docs += 1
        counts.update(word.findall(text))
    kept = [(w, c) for w, c in counts.most_common() if c >= args.min_count]
    vocab = {w for w, _ in kept}
    # Second pass: how often each pair of words is written apart when the pair, written together, is also a
    # word (عبد الله / عبدالله). The cleaner joins a space only where the spaced form is rare.
    bigrams: collections.Counter[str] = collections.Counter()
    for text in texts():
        toks = text.split()
        for a, b in zip(toks, toks[1:]):
            if a + b in vocab and pure.fullmatch(a) and pure.fullmatch(b):
                bigrams[f"{a} {b}"] += 1
    kept_bigrams = [(p, c) for p, c in bigrams.most_common() if c >= 2]
    args.out.parent.mkdir(parents=True, exist_ok=True)
    # mtime=0 keeps the file byte-identical across rebuilds of the same data.
    with gzip.GzipFile(args.out, "wb", compresslevel=9, mtime=0) as raw, \
            io.TextIOWrapper(raw, encoding="utf-8", newline="\n") as out:
        out.write(f"#khabar-lexicon\tdocs={n_docs}\ttokens={sum(counts.values())}\tmin_count={args.min_count}\n")
        for w, c in kept:
            out.write(f"{w}\t{c}\n")
        for p, c in kept_bigrams:
            out.write(f"{p}\t{c}\n")
    print(f"{n_docs} training articles, {len(counts)} types, kept {len(kept)}, {len(kept_bigrams)} spaced pairs "
          f"-> {args.out} ({args.out.stat().st_size / 1e6:.2f} MB)")


if __name__ == "__main__":
    main()
