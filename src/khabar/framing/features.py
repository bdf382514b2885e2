"""Text features for the persuasion classifier, shared by training (`khabar.training.train_framing`) and runtime
(`khabar.framing.classifier`) so that both see exactly the same n-grams.

`normalize()` folds spelling (khabar's `fold`: alef/hamza forms, ى/ي, ة/ه, harakat, tatweel), lowercases Latin,
masks URLs, digits and user mentions, and keeps the hashtag words. `analyze()` turns it into character n-grams
inside word boundaries (2-5) plus word unigrams and bigrams, the terms a TF-IDF table is built from.
"""

from __future__ import annotations

import math
import re
from collections import Counter

from ..fold import fold

CHAR_MIN, CHAR_MAX = 2, 5

_URL = re.compile(r"https?://\S+|www\.\S+|\bLINK\b|\bURL\b")
_USER = re.compile(r"@\w+")
_DIGITS = re.compile(r"\d+")
_NON_WORD = re.compile(r"[^\w\s]+")
_SPACE = re.compile(r"\s+")
_ELONG = re.compile(r"(.)\1{2,}")  # runs of one repeated letter: هههه, !!!! (kept as two)


def normalize(text: str) -> str:
    t = _URL.sub(" url ", text)
    t = _USER.sub(" user ", t)
    t = fold(t).lower().replace("#", " ").replace("_", " ")
    t = _DIGITS.sub("0", t)
    t = _ELONG.sub(r"\1\1", t)
    t = _NON_WORD.sub(lambda m: " " + m.group(0)[:1] + " ", t)  # punctuation is a token of its own (one char)
    return _SPACE.sub(" ", t).strip()


def analyze(text: str) -> list[str]:
    """The n-gram terms of a text (after `normalize`), with repeats: `c:` character n-grams inside word
    boundaries, `w:` words, `b:` word bigrams."""
    words = normalize(text).split(" ")
    words = [w for w in words if w]
    out: list[str] = []
    for w in words:
        p = f" {w} "
        for n in range(CHAR_MIN, CHAR_MAX + 1):
            if n > len(p):
                break
            out.extend("c:" + p[i:i + n] for i in range(len(p) - n + 1))
        out.append("w:" + w)
    out.extend(f"b:{a} {b}" for a, b in zip(words, words[1:]))
    return out


def tfidf_row(text: str, vocab: dict[str, int], idf, *, sublinear: bool = True) -> tuple[list[int], list[float]]:
    """The L2-normalised TF-IDF vector of a text as (indices, values): the same sums as scikit-learn's
    TfidfVectorizer(analyzer=analyze, sublinear_tf=True, norm="l2")."""
    counts = Counter(t for t in analyze(text) if t in vocab)
    idx = [vocab[t] for t in counts]
    vals = [((1.0 + math.log(c)) if sublinear else float(c)) * float(idf[vocab[t]]) for t, c in counts.items()]
    norm = math.sqrt(sum(v * v for v in vals)) or 1.0
    return idx, [v / norm for v in vals]
