"""Build unsupervised word clusters for the NER features: word2vec on folded SaudiNewsNet words, then k-means.

Source: SaudiNewsNet (../shared/data/saudinewsnet, CC BY-NC-SA 4.0, unlabelled); held-out articles (see
khabar.corpus_split) are skipped, so evaluation text never shapes the clusters.

Steps
1. Tokenise: every title and paragraph goes through `khabar.cleaner.clean` (de-obfuscation, as the NER sees the
   text), then Arabic letter runs are taken and folded with `khabar.fold.fold` (hamza/alef/ya/ta-marbuta
   variants merge: one vector per search key). Digit runs become `0` and Latin runs `L` so that windows keep
   their shape; those tokens get vectors but are not written out. One paragraph = one word2vec sentence.
2. word2vec (gensim, skip-gram, dim 100, window 5, min_count 5, 5 epochs, fixed seed).
3. Clusters, nested like a Brown hierarchy: MiniBatchKMeans with 1024 centres on the L2-normalised vectors
   (cosine geometry), then Ward agglomeration of the 1024 centres cut at 256 and at 64 groups. Every c1024
   cluster therefore lies inside one c256 cluster, which lies inside one c64 cluster: a CRF can use the coarse
   id for recall and the fine id for precision without the levels contradicting each other.
   Cluster ids are renumbered by first appearance in frequency order so they do not depend on solver labels.

Output: src/khabar/data/clusters.tsv.gz: `#khabar-clusters\tparams...` then `folded_word\tc64\tc256\tc1024`
for every Arabic folded word seen >= min_count times, most frequent first (gzip mtime=0).
The gensim model and the plain vectors are also saved under /tmp/khabar_w2v/ (not shipped).

word2vec with several worker threads is not bit-reproducible (thread scheduling changes the update order);
pass --workers 1 for a byte-identical rebuild (slower). Everything after training is deterministic.

Usage: python scripts/build_clusters.py [--corpus PATH] [--workdir /tmp/khabar_w2v] [--workers 2]
Needs: gensim (pulls numpy, scipy), scikit-learn.
"""

from __future__ import annotations

import argparse
import collections
import gzip
import io
import logging
import re
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from khabar.chars import LETTERS  # noqa: E402
from khabar.cleaner import clean  # noqa: E402
from khabar.datasets import iter_saudinewsnet, saudinewsnet_path  # noqa: E402
from khabar.fold import fold  # noqa: E402

OUT = ROOT / "src" / "khabar" / "data" / "clusters.tsv.gz"
WORKDIR = Path("/tmp/khabar_w2v")
SEED = 1
LEVELS = (64, 256, 1024)

TOKEN = re.compile(f"([{LETTERS}]+)|([0-9\u0660-\u0669\u06F0-\u06F9]+)|([A-Za-z]+)")
ARABIC_WORD = re.compile(f"[{LETTERS}]+")


def tokens(text: str) -> list[str]:
    out = []
    for m in TOKEN.finditer(clean(text).text):
        ar, num, lat = m.groups()
        out.append(fold(ar) if ar else ("0" if num else "L"))
    return out


def write_corpus(corpus: Path, path: Path) -> tuple[int, int]:
    """One sentence (title or paragraph) per line, space-separated folded tokens."""
    n_docs = n_tok = 0
    tmp = path.with_suffix(".part")
    with open(tmp, "w", encoding="utf-8") as out:
        for art in iter_saudinewsnet(corpus, heldout=False):
            n_docs += 1
            for para in [art.get("title") or ""] + (art.get("content") or "").split("\n"):
                if not para.strip():
                    continue
                toks = tokens(para)
                if len(toks) >= 2:
                    n_tok += len(toks)
                    out.write(" ".join(toks) + "\n")
    tmp.replace(path)
    return n_docs, n_tok


def renumber(labels, order):
    """Map solver labels to 0.. by first appearance along `order` (most frequent word first)."""
    mapping: dict[int, int] = {}
    for i in order:
        mapping.setdefault(int(labels[i]), len(mapping))
    return [mapping[int(x)] for x in labels]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", type=Path, default=None)
    ap.add_argument("--workdir", type=Path, default=WORKDIR)
    ap.add_argument("--out", type=Path, default=OUT)
    ap.add_argument("--dim", type=int, default=100)
    ap.add_argument("--window", type=int, default=5)
    ap.add_argument("--min-count", type=int, default=5)
    ap.add_argument("--epochs", type=int, default=5)
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--sg", type=int, default=1, help="1 skip-gram (default), 0 CBOW")
    ap.add_argument("--reuse-corpus", action="store_true", help="reuse workdir/corpus.txt if present")
    ap.add_argument("--reuse-model", action="store_true",
                    help="re-cluster workdir/w2v.model instead of training (reproduces the file byte for byte)")
    args = ap.parse_args()
    logging.basicConfig(format="%(asctime)s %(message)s", level=logging.WARNING)

    import numpy as np
    from gensim.models import Word2Vec
    from scipy.cluster.hierarchy import fcluster, linkage
    from sklearn.cluster import MiniBatchKMeans
    import gensim

    args.workdir.mkdir(parents=True, exist_ok=True)
    corpus_txt = args.workdir / "corpus.txt"
    t0 = time.perf_counter()
    if (args.reuse_corpus or args.reuse_model) and corpus_txt.exists():
        print(f"reusing {corpus_txt}")
        n_docs, n_tok = map(int, (args.workdir / "corpus.stats").read_text().split())
    else:
        n_docs, n_tok = write_corpus(args.corpus or saudinewsnet_path(), corpus_txt)
        (args.workdir / "corpus.stats").write_text(f"{n_docs} {n_tok}\n")
        print(f"tokenised {n_docs} training articles, {n_tok} tokens in {time.perf_counter() - t0:.0f}s")
    t1 = time.perf_counter()

    if args.reuse_model:
        model = Word2Vec.load(str(args.workdir / "w2v.model"))
        args.dim, args.window, args.min_count = model.vector_size, model.window, model.min_count
        args.sg, args.epochs = model.sg, model.epochs
    else:
        model = Word2Vec(corpus_file=str(corpus_txt), vector_size=args.dim, window=args.window,
                         min_count=args.min_count, sg=args.sg, workers=args.workers, epochs=args.epochs,
                         seed=SEED)
        model.save(str(args.workdir / "w2v.model"))
        model.wv.save_word2vec_format(str(args.workdir / "vectors.txt"))
    t2 = time.perf_counter()
    print(f"word2vec (gensim {gensim.__version__}): {len(model.wv)} words in {t2 - t1:.0f}s")

    wv = model.wv
    words = [w for w in wv.index_to_key if ARABIC_WORD.fullmatch(w)]  # frequency order
    x = np.asarray([wv[w] for w in words], dtype=np.float64)
    x /= np.linalg.norm(x, axis=1, keepdims=True) + 1e-12
    fine_k = LEVELS[-1]
    km = MiniBatchKMeans(n_clusters=fine_k, random_state=SEED, batch_size=4096, n_init=3,
                         max_iter=100, reassignment_ratio=0.01)
    fine = km.fit_predict(x)
    centres = km.cluster_centers_ / (np.linalg.norm(km.cluster_centers_, axis=1, keepdims=True) + 1e-12)
    tree = linkage(centres, method="ward")
    order = list(range(len(words)))
    levels = {}
    for k in LEVELS[:-1]:
        groups = fcluster(tree, t=k, criterion="maxclust") - 1  # centre -> group
        levels[k] = renumber(groups[fine], order)
    levels[fine_k] = renumber(fine, order)
    t3 = time.perf_counter()
    sizes = {k: collections.Counter(v) for k, v in levels.items()}
    for k, c in sizes.items():
        print(f"c{k}: {len(c)} clusters, largest {c.most_common(1)[0][1]}, median "
              f"{sorted(c.values())[len(c) // 2]} words")
    print(f"clustering {len(words)} words in {t3 - t2:.0f}s")

    args.out.parent.mkdir(parents=True, exist_ok=True)
    params = (f"corpus=saudinewsnet-nonheldout\tdocs={n_docs}\ttokens={n_tok}\tfold=1\tmodel=word2vec-"
              f"{'sg' if args.sg else 'cbow'}\tgensim={gensim.__version__}\tdim={args.dim}\twindow={args.window}"
              f"\tepochs={args.epochs}\tmin_count={args.min_count}\tseed={SEED}\tkmeans={fine_k}"
              f"\tward={','.join(map(str, LEVELS[:-1]))}\tcolumns=word,c64,c256,c1024\twords={len(words)}")
    with gzip.GzipFile(args.out, "wb", compresslevel=9, mtime=0) as raw, \
            io.TextIOWrapper(raw, encoding="utf-8", newline="\n") as out:
        out.write(f"#khabar-clusters\t{params}\n")
        for i, w in enumerate(words):
            out.write(f"{w}\t{levels[64][i]}\t{levels[256][i]}\t{levels[1024][i]}\n")
    t4 = time.perf_counter()
    print(f"-> {args.out} ({args.out.stat().st_size / 1e6:.2f} MB); total {t4 - t0:.0f}s "
          f"(tokenise {t1 - t0:.0f}s, train {t2 - t1:.0f}s, cluster {t3 - t2:.0f}s)")


if __name__ == "__main__":
    main()
