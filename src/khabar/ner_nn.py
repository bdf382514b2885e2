"""Neural NER: a character-aware dilated-CNN CRF, trained with torch and run here with numpy only.

Each token is represented by
- its folded word and its folded clitic-stripped base, looked up in word2vec vectors learned without labels
  from SaudiNewsNet (`scripts/build_clusters.py`), frozen during training;
- a character CNN over the token's letters (width 3, max-pooled);
- small embeddings of discrete features shared with the CRF (shape, clitics, frequency bucket, place-name
  membership, word clusters, edge punctuation).
- whether it begins or continues a name in the ANERgazet person / location / organisation lists.
A projection and a stack of residual width-3 convolutions with growing dilation (1, 2, 4, 1: each token sees
eight neighbours on each side) read the sentence, a linear layer scores the BIO tags, and Viterbi decoding over
learned transition scores picks the sequence. Training lives in `khabar.training.ner_nn_train`
(`khabar train ner`). A BiLSTM encoder was measured too (slightly more accurate on the dev split, about four
times slower in numpy); see MODELS.md.

Inference is plain numpy (no torch, no onnxruntime): every matrix product covers all tokens of a batch at once,
and only Viterbi decoding steps over positions (over all sentences of a batch together).
"""

from __future__ import annotations

import io
import math
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

import numpy as np

from .fold import fold
from .ner import _EDGE_PUNCT, Resources, _shape

MODEL_FILE = "ner_nn.npz"
MAX_CHARS = 16
PAD, UNK = 0, 1
# Discrete feature slots; each has its own small vocabulary and embedding.
SLOTS = ("shape", "pre", "suf", "freq", "place", "c0", "c1", "c2", "lp", "tp", "len", "al", "gP", "gL", "gO")
WORD_SLOTS = 12  # the first slots depend on the word alone; the gazetteer slots on its neighbours too
GAZ_TYPES = "PLO"
GAZ_MAX_WORDS = 4


@dataclass
class TokenCodes:
    """One token's inputs to the network, before vocabulary lookup."""

    word: str
    base: str
    chars: str
    feats: tuple[str, ...]


def token_codes(tok: str, res: Resources) -> TokenCodes:
    core = tok.strip(_EDGE_PUNCT) or tok
    f = fold(core)
    shape = _shape(core)
    lead = trail = ""
    if core != tok:
        i = tok.index(core)
        lead, trail = tok[:i][-1:], tok[i + len(core):][:1]
    pre = suf = ""
    base = f
    place = "0"
    cl: tuple[int, ...] = ()
    freq = 0
    if shape == "A":
        p, b, s = res.lexicon.split_clitics(core)
        pre, suf, base = p, s, fold(b)
        freq = int(math.log2((res.lexicon.count(core) or res.lexicon.count(b)) + 1))
        place = "1" if (base in res.places or f in res.places) else "0"
        cl = res.clusters.get(f) or res.clusters.get(base) or ()
    elif shape in ("D", "AD"):
        f = base = "0"
    cls = [str(c) for c in cl] + [""] * (3 - len(cl))
    feats = (shape, pre, suf, str(freq), place, cls[0], cls[1], cls[2], lead, trail,
             str(min(len(f), 10)), "1" if base.startswith("ال") else "0")
    return TokenCodes(f, base, core[:MAX_CHARS], feats)


_FIRST_WORDS: dict[int, tuple[dict, dict[str, int]]] = {}


def _first_words(gaz: dict[str, str]) -> dict[str, int]:
    """For each word that begins a gazetteer name: the most words a name beginning with it has."""
    got = _FIRST_WORDS.get(id(gaz))
    if got is None or got[0] is not gaz:
        first: dict[str, int] = {}
        for name in gaz:
            parts = name.split(" ")
            first[parts[0]] = max(first.get(parts[0], 0), len(parts))
        got = _FIRST_WORDS[id(gaz)] = (gaz, first)
    return got[1]


def gazetteer_marks(row: Sequence[TokenCodes], gaz: dict[str, str]) -> list[tuple[str, str, str]]:
    """For each token and each type (person, location, organisation): whether it begins ("B") or continues ("I")
    a listed name of up to GAZ_MAX_WORDS words, longest match first."""
    n = len(row)
    marks = [["", "", ""] for _ in range(n)]
    if gaz:
        first = _first_words(gaz)
        for i in range(n):
            c = row[i]
            if c.feats[0] != "A":
                continue
            longest = max(first.get(c.word, 0), first.get(c.base, 0))
            for ln in range(min(longest, GAZ_MAX_WORDS, n - i), 0, -1):
                rest = "".join(" " + x.word for x in row[i + 1: i + ln])
                types = gaz.get(c.word + rest) or gaz.get(c.base + rest)
                if types:
                    for k, typ in enumerate(GAZ_TYPES):
                        if typ in types and not marks[i][k]:
                            marks[i][k] = "B"
                            for j in range(i + 1, i + ln):
                                marks[j][k] = marks[j][k] or "I"
                    break
    return [tuple(m) for m in marks]  # type: ignore[misc]


def sentence_codes(tokens: Sequence[str], res: Resources, cache: dict[str, TokenCodes]) -> list[TokenCodes]:
    """Codes of each token of a sentence: the word's own slots and the gazetteer slots."""
    row = []
    for t in tokens:
        c = cache.get(t)
        if c is None:
            c = cache[t] = token_codes(t, res)
        row.append(c)
    return [TokenCodes(c.word, c.base, c.chars, c.feats[:WORD_SLOTS] + m)
            for c, m in zip(row, gazetteer_marks(row, res.gazetteer))]


@dataclass
class Vocabs:
    words: dict[str, int]
    chars: dict[str, int]
    feats: list[dict[str, int]]  # one per slot
    tags: list[str]

    def encode(self, codes: Sequence[TokenCodes]) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
        """word ids [T], base ids [T], char ids [T, MAX_CHARS], feature ids [T, slots] (the codes' slots: all of
        SLOTS, or the first WORD_SLOTS for codes without the gazetteer's)."""
        n = len(codes)
        w = np.fromiter((self.words.get(c.word, UNK) for c in codes), dtype=np.int64, count=n)
        b = np.fromiter((self.words.get(c.base, UNK) for c in codes), dtype=np.int64, count=n)
        ch = np.zeros((n, MAX_CHARS), dtype=np.int64)
        ft = np.zeros((n, len(codes[0].feats) if codes else len(SLOTS)), dtype=np.int64)
        cv = self.chars
        for i, c in enumerate(codes):
            ids = [cv.get(x, UNK) for x in c.chars]
            ch[i, : len(ids)] = ids
            ft[i] = [v.get(x, UNK) for v, x in zip(self.feats, c.feats)]
        return w, b, ch, ft


class NeuralTagger:
    """The dilated-CNN CRF, with weights from a `.npz` written by the trainer.

    Everything a token contributes on its own (its word vectors, character CNN and word-level feature
    embeddings, passed through the input projection) depends only on the token's string, so it is computed once
    per word form and cached; per sentence only the gazetteer slots, the convolutions and the decoding remain.
    """

    source = "cnn-crf"

    def __init__(self, path_or_bytes, res: Resources | None = None) -> None:
        src = io.BytesIO(path_or_bytes) if isinstance(path_or_bytes, bytes) else path_or_bytes
        with np.load(src, allow_pickle=False) as z:
            p = {k: z[k] for k in z.files}
        self.vocabs = Vocabs(
            words={w: i for i, w in enumerate(p["vocab_words"].tolist())},
            chars={c: i for i, c in enumerate(p["vocab_chars"].tolist())},
            feats=[{x: i for i, x in enumerate(p[f"vocab_feat_{s}"].tolist())} for s in SLOTS],
            tags=p["tags"].tolist())
        self.word_emb = p["word_emb"].astype(np.float32)
        self.char_emb = p["char_emb"].astype(np.float32)
        self.feat_emb = [p[f"feat_emb_{s}"].astype(np.float32) for s in SLOTS]
        self.conv_w = p["conv_w"].astype(np.float32)  # [filters, char_dim * width]
        self.conv_b = p["conv_b"].astype(np.float32)
        self.width = int(p["conv_width"])
        proj_w = p["proj_w"].astype(np.float32).T  # [in, channels]
        self.proj_b = p["proj_b"].astype(np.float32)
        # The input is [word, base, chars, slot embeddings...]; split the projection by input block.
        dims = [self.word_emb.shape[1], self.word_emb.shape[1], self.conv_w.shape[0]] + [e.shape[1] for e in self.feat_emb]
        offs = np.cumsum([0] + dims)
        n_word = 3 + WORD_SLOTS
        self.proj_word = proj_w[: offs[n_word]].copy()
        # each gazetteer slot value's contribution, precomputed: [values, channels]
        self.gaz_rows = [self.feat_emb[k - 3] @ proj_w[offs[k]: offs[k + 1]]
                         for k in range(n_word, len(dims))]
        self.layers = []
        for k, d in enumerate(p["dilations"].tolist()):
            w = p[f"cnn_w_{k}"].astype(np.float32)  # torch Conv1d layout [out, in, 3]
            self.layers.append((int(d), w[:, :, 0].T.copy(), w[:, :, 1].T.copy(), w[:, :, 2].T.copy(),
                                p[f"cnn_b_{k}"].astype(np.float32)))
        self.out_w = p["out_w"].astype(np.float32).T.copy()
        self.out_b = p["out_b"].astype(np.float32)
        self.trans = p["trans"].astype(np.float32)  # [from, to]
        self.start = p["start"].astype(np.float32)
        self.end = p["end"].astype(np.float32)
        self.res = res or Resources.default()
        self._codes: dict[str, TokenCodes] = {}
        self._rows: dict[str, np.ndarray] = {}

    # ----- network -----------------------------------------------------------------------------------------
    def _char_cnn(self, ch: np.ndarray) -> np.ndarray:
        n = len(ch)
        e = self.char_emb[ch]  # [n, L, d]
        k = self.width
        pad = np.zeros((n, k // 2, e.shape[2]), dtype=np.float32)
        e = np.concatenate([pad, e, pad], axis=1)
        L = ch.shape[1]
        win = np.concatenate([e[:, j: j + L] for j in range(k)], axis=2)  # [n, L, d*k]
        conv = win @ self.conv_w.T + self.conv_b
        conv = np.where((ch > 0)[:, :, None], conv, -1e4)
        return np.maximum(conv.max(axis=1), 0.0)

    def _word_rows(self, tokens: list[str]) -> None:
        """Fill the cache with the projected word-level input of each new token."""
        codes = []
        for t in tokens:
            c = self._codes.get(t)
            if c is None:
                c = self._codes[t] = token_codes(t, self.res)
            codes.append(c)
        w, b, ch, ft = self.vocabs.encode(codes)
        parts = [self.word_emb[w], self.word_emb[b], self._char_cnn(ch)]
        parts += [self.feat_emb[j][ft[:, j]] for j in range(WORD_SLOTS)]
        rows = np.concatenate(parts, axis=1) @ self.proj_word
        for t, r in zip(tokens, rows):
            self._rows[t] = r

    def _cnn(self, h0: np.ndarray, lengths: list[int]) -> np.ndarray:
        """h0: [tokens, channels] for the sentences laid end to end; returns [tokens, channels]. The sentences sit
        in one array with zero rows between them, as wide as the largest dilation, so that no convolution
        reaches from one sentence into the next (the same as the zero padding and masking used in training)."""
        gap = max(layer[0] for layer in self.layers)
        idx = np.empty(len(h0), dtype=np.int64)
        pos = k = 0
        for ln in lengths:
            pos += gap
            idx[k: k + ln] = np.arange(pos, pos + ln)
            k += ln
            pos += ln
        rows = pos + gap
        real = np.zeros(rows, dtype=bool)
        real[idx] = True
        h = np.zeros((rows, h0.shape[1]), dtype=np.float32)
        h[idx] = h0
        for d, w0, w1, w2, bias in self.layers:
            z = h @ w1 + bias
            z[d:] += h[:-d] @ w0
            z[:-d] += h[d:] @ w2
            h += np.maximum(z, 0.0)
            h[~real] = 0.0
        return h[idx]

    def emissions(self, sentences: Sequence[Sequence[str]]) -> list[np.ndarray]:
        """Tag scores [len, n_tags] for each (non-empty) sentence."""
        new = list(dict.fromkeys(t for s in sentences for t in s if t not in self._rows))
        if new:
            self._word_rows(new)
        flat = [t for s in sentences for t in s]
        h0 = np.stack([self._rows[t] for t in flat]) + self.proj_b
        gaz = self.res.gazetteer
        marks = [m for s in sentences for m in gazetteer_marks([self._codes[t] for t in s], gaz)]
        for j in range(len(GAZ_TYPES)):
            vocab = self.vocabs.feats[WORD_SLOTS + j]
            ids = np.fromiter((vocab.get(m[j], UNK) for m in marks), dtype=np.int64, count=len(marks))
            h0 += self.gaz_rows[j][ids]
        np.maximum(h0, 0.0, out=h0)
        lengths = [len(s) for s in sentences]
        scores = self._cnn(h0, lengths) @ self.out_w + self.out_b
        out, k = [], 0
        for ln in lengths:
            out.append(scores[k: k + ln])
            k += ln
        return out

    def _viterbi_batch(self, ems: list[np.ndarray]) -> list[list[int]]:
        """Best tag sequence of each sentence, all sentences of a batch decoded together."""
        B, T, n = len(ems), max(len(e) for e in ems), len(self.start)
        em = np.zeros((B, T, n), dtype=np.float32)
        lengths = np.array([len(e) for e in ems])
        for i, e in enumerate(ems):
            em[i, : len(e)] = e
        score = self.start + em[:, 0]
        back = np.zeros((B, T, n), dtype=np.int64)
        for t in range(1, T):
            cand = score[:, :, None] + self.trans  # [B, from, to]
            best = cand.argmax(axis=1)
            nxt = cand.max(axis=1) + em[:, t]
            live = (t < lengths)[:, None]
            score = np.where(live, nxt, score)
            back[:, t] = best
        last = (score + self.end).argmax(axis=1)
        paths = []
        for i, ln in enumerate(lengths):
            tag = int(last[i])
            path = [tag]
            for t in range(ln - 1, 0, -1):
                tag = int(back[i, t, tag])
                path.append(tag)
            paths.append(path[::-1])
        return paths

    def _viterbi(self, em: np.ndarray) -> list[int]:
        return self._viterbi_batch([em])[0]

    # ----- public ------------------------------------------------------------------------------------------
    def tag_many(self, sentences: Sequence[Sequence[str]], batch_tokens: int = 4000) -> list[list[str]]:
        if len(self._rows) > 200_000:
            self._rows.clear()
            self._codes.clear()
        out: list[list[str]] = [[] for _ in sentences]
        order = [i for i in sorted(range(len(sentences)), key=lambda i: len(sentences[i])) if sentences[i]]
        tags = self.vocabs.tags
        start = 0
        while start < len(order):
            end, size = start, 0
            while end < len(order) and (end == start or size + len(sentences[order[end]]) <= batch_tokens):
                size += len(sentences[order[end]])
                end += 1
            batch = order[start:end]
            ems = self.emissions([sentences[i] for i in batch])
            for i, path in zip(batch, self._viterbi_batch(ems)):
                out[i] = [tags[k] for k in path]
            start = end
        return out

    def tag(self, tokens: Sequence[str]) -> list[str]:
        return self.tag_many([tokens])[0] if tokens else []


@lru_cache(maxsize=1)
def default_neural_tagger() -> NeuralTagger | None:
    ref = resources.files("khabar.data").joinpath(MODEL_FILE)
    if not ref.is_file():
        return None
    return NeuralTagger(ref.read_bytes())
