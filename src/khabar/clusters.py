"""Unsupervised word clusters for NER features, learned without labels from unlabelled Arabic news.

Built by scripts/build_clusters.py from the non-held-out part of SaudiNewsNet: word2vec (skip-gram) on folded
words, k-means with 1024 centres, and the centres grouped by Ward agglomeration into 256 and 64 clusters, so
the three ids are nested (coarse to fine, like a Brown-cluster path cut at three depths). Shipped as
data/clusters.tsv.gz: `folded_word<TAB>c64<TAB>c256<TAB>c1024`. Words are looked up by `fold(word)`.
"""

from __future__ import annotations

import gzip
from functools import lru_cache
from importlib import resources

from .fold import fold
from .lexicon import PROCLITICS, Lexicon, default_lexicon

Clusters = tuple[int, int, int]
# A proclitic is stripped for lookup when the base is this many times more frequent than the whole form.
BASE_RATIO = 3


@lru_cache(maxsize=1)
def load_clusters() -> dict[str, Clusters]:
    """folded word -> (c64, c256, c1024). Loaded once per process and shared read-only."""
    with resources.files("khabar.data").joinpath("clusters.tsv.gz").open("rb") as raw:
        data = gzip.decompress(raw.read()).decode("utf-8")
    table: dict[str, Clusters] = {}
    # Ids repeat a lot: share one tuple per distinct (c64, c256, c1024) instead of building one per word.
    shared: dict[str, Clusters] = {}
    for line in data.split("\n"):
        if not line or line[0] == "#":
            continue
        word, _, ids = line.partition("\t")
        t = shared.get(ids)
        if t is None:
            a, b, c = ids.split("\t")
            t = shared[ids] = (int(a), int(b), int(c))
        table[word] = t
    return table


def _proclitic_base(word: str, lexicon: Lexicon, table: dict[str, Clusters]) -> str | None:
    """The base after a proclitic (`والعراق` → `العراق`, `للأمم` → `الأمم`) when it is BASE_RATIO times more
    frequent than the whole form and has clusters. Looser than Lexicon.split_clitics (tuned for the cleaner,
    which keeps `والعراق` whole), but only for و/ف-led proclitics or a base with the article, and a base of
    three letters or more, so that `وليد`, `فعالية`, `باسم` or `كان` stay whole."""
    whole = lexicon.count(word)
    best, best_count = None, 0
    for pre in PROCLITICS:
        if not word.startswith(pre):
            continue
        rest = word[len(pre):]
        for base in (rest, "ا" + rest) if pre.endswith("ل") and rest.startswith("ل") else (rest,):
            if len(base) < 3 or not (pre[0] in "وف" or base.startswith("ال")):
                continue
            c = lexicon.count(base)
            if c > best_count and fold(base) in table:
                best, best_count = base, c
    return best if best is not None and best_count >= BASE_RATIO * max(whole, 1) else None


def cluster_features(word: str) -> Clusters | None:
    """(c64, c256, c1024) of `word` looked up by its folded form; None when neither it nor its base is known.

    A clitic form goes to its base first (`والعراق` → `العراق`) when the base is clearly the more frequent word
    (Lexicon.split_clitics, then a looser proclitic-only split): many such forms have a vector of their own, but
    it clusters with other `و+X` forms (`والعراق` with `وسوريا`), whereas the base's cluster carries the word's
    class. The clitic itself is left to the CRF's prefix/suffix features.
    """
    table = load_clusters()
    lexicon = default_lexicon()
    _, base, _ = lexicon.split_clitics(word)
    if base != word:
        hit = table.get(fold(base))
        if hit is not None:
            return hit
    base = _proclitic_base(word, lexicon, table)
    if base is not None:
        return table[fold(base)]
    return table.get(fold(word))
