"""Train the neural NER (`khabar train ner`): a character-aware dilated-CNN CRF in torch (`train` extra),
saved as a numpy `.npz` that `khabar.ner_nn.NeuralTagger` runs without torch.

Data: ANERcorp's CAMeL-style train split; the last tenth of it is held out from fitting and picks the epoch
(early stopping). The test split is never read here. Word vectors: the word2vec vectors written by
`scripts/build_clusters.py` (`vectors.txt`, folded SaudiNewsNet words, held-out articles excluded).
"""

from __future__ import annotations

import io
import json
import random
import time
from collections import Counter
from pathlib import Path
from typing import Any

import numpy as np

from ..conll import Sentence, read_anercorp
from ..datasets import shared_data_dir
from ..evaluation.ner_eval import evaluate
from ..ner import Resources
from ..ner_nn import MAX_CHARS, SLOTS, NeuralTagger, TokenCodes, Vocabs, sentence_codes

TAGS = ["O", "B-PER", "I-PER", "B-ORG", "I-ORG", "B-LOC", "I-LOC", "B-MISC", "I-MISC"]


def load_vectors(path: Path, limit: int | None = None) -> tuple[list[str], np.ndarray]:
    words, rows = [], []
    with open(path, encoding="utf-8") as fh:
        next(fh)
        for line in fh:
            p = line.rstrip("\n").split(" ")
            if len(p) < 3:
                continue
            words.append(p[0])
            rows.append(np.asarray(p[1:], dtype=np.float32))
            if limit and len(words) >= limit:
                break
    return words, np.vstack(rows)


def build_vocabs(codes: list[list[TokenCodes]], vec_words: list[str]) -> Vocabs:
    words = {"<pad>": 0, "<unk>": 1}
    for w in vec_words:
        words.setdefault(w, len(words))
    chars_c = Counter(ch for row in codes for c in row for ch in c.chars)
    chars = {"<pad>": 0, "<unk>": 1}
    for ch, n in chars_c.most_common():
        if n >= 2:
            chars[ch] = len(chars)
    feats = []
    for j in range(len(SLOTS)):
        cnt = Counter(c.feats[j] for row in codes for c in row)
        v = {"<pad>": 0, "<unk>": 1}
        for x, n in cnt.most_common():
            if n >= 2:
                v[x] = len(v)
        feats.append(v)
    return Vocabs(words, chars, feats, list(TAGS))


def _torch_model(vocabs: Vocabs, word_vectors: np.ndarray, hp: dict[str, Any]):
    import torch
    from torch import nn

    class Net(nn.Module):
        def __init__(self) -> None:
            super().__init__()
            dim = word_vectors.shape[1]
            emb = np.zeros((len(vocabs.words), dim), dtype=np.float32)
            emb[2:] = word_vectors
            self.word = nn.Embedding.from_pretrained(torch.from_numpy(emb), freeze=not hp["tune_words"],
                                                     padding_idx=0)
            self.char = nn.Embedding(len(vocabs.chars), hp["char_dim"], padding_idx=0)
            self.conv = nn.Conv1d(hp["char_dim"], hp["char_filters"], hp["conv_width"], padding=hp["conv_width"] // 2)
            self.feats = nn.ModuleList(nn.Embedding(len(v), hp["feat_dim"], padding_idx=0) for v in vocabs.feats)
            in_dim = 2 * dim + hp["char_filters"] + hp["feat_dim"] * len(SLOTS)
            self.drop = nn.Dropout(hp["dropout"])
            c = hp["channels"]
            self.proj = nn.Linear(in_dim, c)
            self.convs = nn.ModuleList(nn.Conv1d(c, c, 3, dilation=d, padding=d) for d in hp["dilations"])
            self.out = nn.Linear(c, len(vocabs.tags))
            n = len(vocabs.tags)
            self.trans = nn.Parameter(torch.zeros(n, n))
            self.start = nn.Parameter(torch.zeros(n))
            self.end = nn.Parameter(torch.zeros(n))

        def emissions(self, w, b, ch, ft, lengths):
            B, T = w.shape
            e = self.char(ch.view(B * T, -1))  # [BT, L, d]
            conv = self.conv(e.transpose(1, 2)).transpose(1, 2)  # [BT, L, f]
            conv = conv.masked_fill((ch.view(B * T, -1) == 0).unsqueeze(2), -1e4)
            cvec = torch.relu(conv.max(dim=1).values).view(B, T, -1)
            parts = [self.word(w), self.word(b), cvec] + [emb(ft[:, :, j]) for j, emb in enumerate(self.feats)]
            x = self.drop(torch.cat(parts, dim=2))
            # padding rows are zeroed after every layer, as the numpy tagger's zero gaps between sentences
            mask = (w > 0).float().unsqueeze(2)
            h = torch.relu(self.proj(x)) * mask
            for conv in self.convs:
                h = (h + self.drop(torch.relu(conv(h.transpose(1, 2)).transpose(1, 2)))) * mask
            return self.out(self.drop(h))

        def nll(self, em, tags, mask):
            B, T, n = em.shape
            # gold path score
            score = self.start[tags[:, 0]] + em[:, 0].gather(1, tags[:, :1]).squeeze(1)
            for t in range(1, T):
                m = mask[:, t]
                s = self.trans[tags[:, t - 1], tags[:, t]] + em[:, t].gather(1, tags[:, t:t + 1]).squeeze(1)
                score = score + s * m
            last = tags.gather(1, (mask.sum(1).long() - 1).unsqueeze(1)).squeeze(1)
            score = score + self.end[last]
            # partition
            alpha = self.start + em[:, 0]
            for t in range(1, T):
                nxt = torch.logsumexp(alpha.unsqueeze(2) + self.trans.unsqueeze(0), dim=1) + em[:, t]
                m = mask[:, t].unsqueeze(1)
                alpha = torch.where(m > 0, nxt, alpha)
            logz = torch.logsumexp(alpha + self.end, dim=1)
            return (logz - score).sum()

    return Net()


def _export(net, vocabs: Vocabs, hp: dict[str, Any]) -> bytes:
    sd = {k: v.detach().cpu().numpy() for k, v in net.state_dict().items()}
    arr: dict[str, np.ndarray] = {
        "vocab_words": np.array(list(vocabs.words)),
        "vocab_chars": np.array(list(vocabs.chars)),
        "tags": np.array(vocabs.tags),
        "word_emb": sd["word.weight"].astype(np.float16),
        "char_emb": sd["char.weight"].astype(np.float32),
        "conv_w": sd["conv.weight"].transpose(0, 2, 1).reshape(sd["conv.weight"].shape[0], -1),
        "conv_b": sd["conv.bias"],
        "conv_width": np.array(hp["conv_width"]),
        "out_w": sd["out.weight"], "out_b": sd["out.bias"],
        "trans": sd["trans"], "start": sd["start"], "end": sd["end"],
        "hyper": np.array(json.dumps(hp)),
    }
    for j, s in enumerate(SLOTS):
        arr[f"vocab_feat_{s}"] = np.array(list(vocabs.feats[j]))
        arr[f"feat_emb_{s}"] = sd[f"feats.{j}.weight"]
    arr["proj_w"], arr["proj_b"] = sd["proj.weight"], sd["proj.bias"]
    arr["dilations"] = np.array(hp["dilations"])
    for k in range(len(hp["dilations"])):
        arr[f"cnn_w_{k}"], arr[f"cnn_b_{k}"] = sd[f"convs.{k}.weight"], sd[f"convs.{k}.bias"]
    buf = io.BytesIO()
    np.savez_compressed(buf, **arr)
    return buf.getvalue()


DEFAULT_HP = {"char_dim": 32, "char_filters": 64, "conv_width": 3, "feat_dim": 8, "dropout": 0.5,
              "lr": 2e-3, "batch": 16, "epochs": 32, "patience": 8, "word_dropout": 0.05,
              "tune_words": False, "channels": 128, "dilations": [1, 2, 4, 1]}


def train_neural(out: Path, vectors: Path, train_file: Path | None = None, seed: int = 13,
                 hp: dict[str, Any] | None = None, extra: list[Sentence] | None = None, log=print) -> dict[str, Any]:
    import torch

    hp = {**DEFAULT_HP, **(hp or {})}
    random.seed(seed)
    np.random.seed(seed)
    torch.manual_seed(seed)
    torch.set_num_threads(max(1, torch.get_num_threads()))
    train_file = train_file or shared_data_dir() / "anercorp" / "ANERCorp_camelstyle_train.txt"
    sents = read_anercorp(train_file)
    cut = int(len(sents) * 0.9)
    fit, dev = sents[:cut] + list(extra or []), sents[cut:]
    res = Resources.default()
    cache: dict[str, TokenCodes] = {}

    fit_codes = [sentence_codes(s.tokens, res, cache) for s in fit]
    vec_words, vecs = load_vectors(vectors)
    vocabs = build_vocabs(fit_codes, vec_words)
    tag_id = {t: i for i, t in enumerate(vocabs.tags)}
    enc = [vocabs.encode(c) for c in fit_codes]
    y = [np.array([tag_id[t] for t in s.tags]) for s in fit]
    net = _torch_model(vocabs, vecs, hp)
    opt = torch.optim.Adam([p for p in net.parameters() if p.requires_grad], lr=hp["lr"])

    def batch_tensors(idx):
        T = max(len(y[i]) for i in idx)
        B = len(idx)
        w = torch.zeros(B, T, dtype=torch.long)
        b = torch.zeros(B, T, dtype=torch.long)
        ch = torch.zeros(B, T, MAX_CHARS, dtype=torch.long)
        ft = torch.zeros(B, T, len(SLOTS), dtype=torch.long)
        tg = torch.zeros(B, T, dtype=torch.long)
        mask = torch.zeros(B, T)
        for r, i in enumerate(idx):
            n = len(y[i])
            ew, eb, ech, eft = (torch.from_numpy(a) for a in enc[i])
            if hp["word_dropout"]:
                drop = torch.rand(n) < hp["word_dropout"]
                ew = ew.masked_fill(drop, 1)
                eb = eb.masked_fill(drop, 1)
            w[r, :n], b[r, :n], ch[r, :n], ft[r, :n] = ew, eb, ech, eft
            tg[r, :n] = torch.from_numpy(y[i])
            mask[r, :n] = 1
        return w, b, ch, ft, tg, mask, torch.tensor([len(y[i]) for i in idx])

    best = (-1.0, 0, b"")
    history = []
    t0 = time.perf_counter()
    order = list(range(len(fit)))
    for epoch in range(1, hp["epochs"] + 1):
        net.train()
        random.shuffle(order)
        # batches of similar length (shuffled buckets) keep padding small
        chunks = [order[i: i + hp["batch"] * 20] for i in range(0, len(order), hp["batch"] * 20)]
        batches = []
        for ch_ in chunks:
            ch_.sort(key=lambda i: len(y[i]))
            batches += [ch_[i: i + hp["batch"]] for i in range(0, len(ch_), hp["batch"])]
        random.shuffle(batches)
        total = 0.0
        for idx in batches:
            w, b, ch, ft, tg, mask, lengths = batch_tensors(idx)
            loss = net.nll(net.emissions(w, b, ch, ft, lengths), tg, mask)
            opt.zero_grad()
            (loss / len(idx)).backward()
            torch.nn.utils.clip_grad_norm_(net.parameters(), 5.0)
            opt.step()
            total += float(loss.detach())
        net.eval()
        blob = _export(net, vocabs, hp)
        tagger = NeuralTagger(blob, res)
        r = evaluate(tagger, dev)
        f1 = r["micro"]["f1"]
        history.append({"epoch": epoch, "loss": round(total / len(fit), 3), "dev_micro_f1": f1,
                        "s": round(time.perf_counter() - t0)})
        log(json.dumps(history[-1] | {k: v["f1"] for k, v in r["per_type"].items()}))
        if f1 > best[0]:
            best = (f1, epoch, blob)
        elif epoch - best[1] >= hp["patience"]:
            break
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_bytes(best[2])
    return {"kind": "dilated-cnn-crf", "hyper": hp, "seed": seed, "best_epoch": best[1], "dev_micro_f1": best[0],
            "selected_on": "last 10% of train sentences", "train_file": str(train_file),
            "vectors": str(vectors), "history": history, "model_bytes": out.stat().st_size,
            "train_s": round(time.perf_counter() - t0, 1)}
