"""`khabar eval ner`: entity-level precision, recall and F1 (CoNLL exact match), micro and per type."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Sequence
from typing import Any

from ..conll import Sentence, spans

TagFn = Callable[[Sequence[str]], list[str]]


def score(gold: list[list[str]], pred: list[list[str]], types: Sequence[str] | None = None) -> dict[str, Any]:
    tp: Counter[str] = Counter()
    n_gold: Counter[str] = Counter()
    n_pred: Counter[str] = Counter()
    for g, p in zip(gold, pred, strict=True):
        gs, ps = spans(g), spans(p)
        for s in gs:
            n_gold[s[2]] += 1
        for s in ps:
            n_pred[s[2]] += 1
        for s in gs & ps:
            tp[s[2]] += 1
    kinds = list(types) if types else sorted(set(n_gold) | set(n_pred))

    def prf(t: int, g: int, p: int) -> dict[str, float]:
        prec = t / p if p else 0.0
        rec = t / g if g else 0.0
        f1 = 2 * prec * rec / (prec + rec) if prec + rec else 0.0
        return {"precision": round(prec, 4), "recall": round(rec, 4), "f1": round(f1, 4), "gold": g, "predicted": p}

    per = {k: prf(tp[k], n_gold[k], n_pred[k]) for k in kinds}
    micro = prf(sum(tp[k] for k in kinds), sum(n_gold[k] for k in kinds), sum(n_pred[k] for k in kinds))
    macro_f1 = sum(v["f1"] for v in per.values()) / len(per) if per else 0.0
    return {"micro": micro, "macro_f1": round(macro_f1, 4), "per_type": per}


def evaluate(tag: "TagFn | Any", sentences: list[Sentence], types: Sequence[str] | None = None,
             map_pred: Callable[[str], str] | None = None) -> dict[str, Any]:
    """Tag each sentence's tokens and score against its tags. `tag` is a function of a token list, or a tagger
    object with `tag_many` (all sentences in one call, so a neural tagger can batch them). `map_pred` maps predicted tags (e.g. MISC → O
    for a test set without MISC)."""
    gold = [s.tags for s in sentences]
    many = getattr(tag, "tag_many", None)
    raw = many([s.tokens for s in sentences]) if many else [tag(s.tokens) for s in sentences]
    pred = [[map_pred(t) for t in p] if map_pred else p for p in raw]
    r = score(gold, pred, types)
    r["sentences"] = len(sentences)
    r["tokens"] = sum(len(s.tokens) for s in sentences)
    return r
