"""Named-entity recognition: a linear-chain CRF over rich token features, shipped in the package.

Features are strings: the folded word and its clitic-stripped base, character prefixes and suffixes, shape,
corpus frequency, GeoNames place-name membership, unsupervised word clusters learned from SaudiNewsNet (when the
package ships them), and the same for the neighbours. Inference runs through python-crfsuite (C++); training
is in `khabar.training.ner_train` (`khabar train ner`).

The pipeline stage tags the clean tokens (so `داعـ.ـش` is seen as `داعش`) and stores mentions with offsets
into the original text.
"""

from __future__ import annotations

import gzip
import math
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from typing import TYPE_CHECKING, Protocol

from .chars import LETTERS
from .clusters import load_clusters
from .conll import spans
from .document import Mention
from .fold import fold
from .lexicon import Lexicon, default_lexicon

if TYPE_CHECKING:
    from .document import Document
    from .pipeline import Context

MODEL_FILE = "ner.crfsuite"
_ARABIC_RE = re.compile(f"[{LETTERS}]")
_DIGIT_RE = re.compile(r"[0-9\u0660-\u0669\u06F0-\u06F9]")
_LATIN_RE = re.compile(r"[A-Za-z]")
_PUNCT_RE = re.compile(r"^[^\w]+$")
_EDGE_PUNCT = "()[]{}«»\"'“”‘’,.،؛;:!?؟-–—/\\*"


@dataclass(frozen=True)
class Resources:
    """What feature extraction looks words up in; loaded once."""

    lexicon: Lexicon
    places: frozenset[str]  # folded Arabic names of places (GeoNames + countries), single words and phrases
    clusters: dict[str, tuple[int, ...]]
    gazetteer: dict[str, str] = field(default_factory=dict)  # folded name -> types (P, L, O), from ANERgazet

    @classmethod
    def default(cls) -> "Resources":
        return cls(default_lexicon(), load_places(), load_clusters(), load_gazetteer())


@lru_cache(maxsize=1)
def load_places() -> frozenset[str]:
    try:
        ref = resources.files("khabar.data").joinpath("place_names.txt.gz")
        with ref.open("rb") as raw, gzip.open(raw, "rt", encoding="utf-8") as fh:
            return frozenset(line.rstrip("\n") for line in fh if line.strip() and not line.startswith("#"))
    except FileNotFoundError:
        return frozenset()


@lru_cache(maxsize=1)
def load_gazetteer() -> dict[str, str]:
    try:
        ref = resources.files("khabar.data").joinpath("gazetteer.tsv.gz")
        with ref.open("rb") as raw, gzip.open(raw, "rt", encoding="utf-8") as fh:
            rows = (line.rstrip("\n").split("\t") for line in fh if not line.startswith("#"))
            return {r[0]: r[1] for r in rows if len(r) == 2}
    except FileNotFoundError:
        return {}


def _shape(tok: str) -> str:
    if _PUNCT_RE.match(tok):
        return "P"
    if _DIGIT_RE.search(tok):
        return "D" if not _ARABIC_RE.search(tok) else "AD"
    if _LATIN_RE.search(tok):
        return "L"
    if _ARABIC_RE.search(tok):
        return "A"
    return "O"


def _word_features(tok: str, res: Resources, cache: dict[str, list[str]]) -> list[str]:
    """Features of one token on its own (cached per word form)."""
    got = cache.get(tok)
    if got is not None:
        return got
    core = tok.strip(_EDGE_PUNCT) or tok
    f = fold(core)
    shape = _shape(core)
    feats = [f"w={f}", f"shape={shape}"]
    if core != tok:
        lead, trail = tok[: tok.index(core)], tok[tok.index(core) + len(core):]
        feats += [f"lp={lead[-1:]}", f"tp={trail[:1]}"]
    tok = core
    if shape == "A":
        pre, base, suf = res.lexicon.split_clitics(tok)
        fb = fold(base)
        feats += [f"b={fb}", f"pre={pre}", f"suf={suf}", f"len={min(len(f), 10)}",
                  f"p2={fb[:2]}", f"p3={fb[:3]}", f"s2={fb[-2:]}", f"s3={fb[-3:]}", f"s1={fb[-1:]}"]
        if fb.startswith("ال"):
            feats.append("al")
        c = res.lexicon.count(tok) or res.lexicon.count(base)
        feats.append(f"freq={int(math.log2(c + 1))}")
        if fb in res.places or f in res.places:
            feats.append("place")
        cl = res.clusters.get(f) or res.clusters.get(fb)
        if cl:
            feats += [f"c{k}={v}" for k, v in enumerate(cl)]
    else:
        feats.append(f"tok={tok if len(tok) <= 3 else tok[:3]}")
    cache[tok] = feats
    return feats


_CONTEXT = (-2, -1, 1, 2)
_SHARED = ("w=", "b=", "c0=", "c1=", "place", "shape=")


def sentence_features(tokens: Sequence[str], res: Resources, cache: dict[str, list[str]] | None = None
                      ) -> list[list[str]]:
    """Feature strings for each token of a sentence: its own, and a few of its neighbours'."""
    cache = {} if cache is None else cache
    own = [_word_features(t, res, cache) for t in tokens]
    # A word's features as a neighbour at each offset, built once per word form (the cache key is prefixed).
    ctx = [_context_features(t, o, cache) for t, o in zip(tokens, own)]
    n = len(tokens)
    out = []
    for i in range(n):
        feats = ["bias", *own[i]]
        if i == 0:
            feats.append("BOS")
        if i == n - 1:
            feats.append("EOS")
        for k, d in enumerate(_CONTEXT):
            j = i + d
            if 0 <= j < n:
                feats += ctx[j][k]
        if i:
            feats.append(f"bi={own[i - 1][0][2:]}|{own[i][0][2:]}")
        out.append(feats)
    return out


def _context_features(tok: str, own: list[str], cache: dict) -> list[list[str]]:
    key = "\x00" + tok
    got = cache.get(key)
    if got is None:
        shared = [x for x in own if x.startswith(_SHARED)]
        # As the neighbour at offset d (j = i + d) of some token i, this word contributes "d:feature".
        got = [[f"{d}:{x}" for x in shared] for d in _CONTEXT]
        cache[key] = got
    return got


class Tagger:
    """A trained CRF and the resources its features need."""

    source = "crf"

    def __init__(self, model_path: str, res: Resources | None = None) -> None:
        import pycrfsuite

        self._tagger = pycrfsuite.Tagger()
        self._tagger.open(model_path)
        self.res = res or Resources.default()
        self._cache: dict[str, list[str]] = {}

    def tag(self, tokens: Sequence[str]) -> list[str]:
        if not tokens:
            return []
        if len(self._cache) > 200_000:
            self._cache.clear()
        return self._tagger.tag(sentence_features(tokens, self.res, self._cache))

    def tag_many(self, sentences: Sequence[Sequence[str]]) -> list[list[str]]:
        return [self.tag(s) for s in sentences]


class SequenceTagger(Protocol):
    def tag(self, tokens: Sequence[str]) -> list[str]: ...

    def tag_many(self, sentences: Sequence[Sequence[str]]) -> list[list[str]]: ...


@lru_cache(maxsize=1)
def default_crf_tagger() -> Tagger | None:
    """The shipped CRF, or None when the package was built without one."""
    ref = resources.files("khabar.data").joinpath(MODEL_FILE)
    if not ref.is_file():
        return None
    with resources.as_file(ref) as path:
        return Tagger(str(path))


def default_tagger() -> SequenceTagger | None:
    """The shipped neural model (`khabar.ner_nn`) when there is one, else the CRF, else None."""
    from .ner_nn import default_neural_tagger

    return default_neural_tagger() or default_crf_tagger()


def run(doc: Document, ctx: Context) -> None:
    """Pipeline stage: fill `doc.mentions` from the tokens of each sentence."""
    tagger = ctx.ner
    if tagger is None:
        doc.add_issue("ner", "warning", "no_model", "no NER model in this installation; mentions left empty")
        return
    by_sentence: dict[int, list] = {}
    for t in doc.tokens:
        by_sentence.setdefault(t.sentence, []).append(t)
    mentions = []
    groups = list(by_sentence.values())
    for toks, tags in zip(groups, tagger.tag_many([[t.clean for t in toks] for toks in groups])):
        for start, end, label in sorted(spans(tags)):
            first, last = toks[start], toks[end - 1]
            clean = " ".join(t.clean for t in toks[start:end])
            mentions.append(Mention(first.start, last.end, label, clean, getattr(tagger, "source", "crf")))
    doc.mentions = mentions

