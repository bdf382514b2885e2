"""`khabar eval events`: event detection and actor spans.

Two sets:
- the PLOVER Arabic gold standard (`../shared/data/arabic_event_gsr/`, evaluation only: never read for rules).
  Detection is scored per sentence as its SOURCE.md asks: "yes" against "easy no" + "difficult no", ambiguous
  left out. khabar says yes for ASSAULT when it finds an ASSAULT event the sentence reports as having happened
  (modality asserted), and likewise for PROTEST. Actor spans: for the gold events of `*_spans.json` whose
  `source_gold` / `target_gold` is not empty, khabar's actor1 / actor2 of the first event of that type in the
  sentence is right when it shares a word with the gold span (overlap P/R/F1), with the mean word F1 beside it;
- the development set (`evaluation_data/events_dev/labels.jsonl`, SaudiNewsNet dev split, labelled for rule
  work): the same detection figures.

Each sentence is analysed alone, with no publication date, through the stages the events need.
"""

from __future__ import annotations

import csv
import json
import time
from pathlib import Path
from typing import Any

from ..datasets import shared_data_dir

ROOT = Path(__file__).resolve().parents[3]
DEFAULT_DEV = ROOT / "evaluation_data" / "events_dev"
TYPES = ("ASSAULT", "PROTEST")


def _pipeline():
    from ..pipeline import STAGES, Context, analyze

    ctx = Context.default()
    stages = [(n, s) for n, s in STAGES if n not in ("times", "frames")]

    def run(text: str):
        return analyze(text, ctx=ctx, stages=stages)
    return run


def _words(s: str) -> set[str]:
    from ..temporal.words import tkey

    out = set()
    for w in s.split():
        k = tkey(w.strip('"«»“”\'()،,.:'))
        for p in ("وب", "ول", "و", "ف", "ب", "ل"):
            if k.startswith(p) and len(k) - len(p) >= 3:
                k = k[len(p):]
                break
        if k.startswith("ال") and len(k) > 4:
            k = k[2:]
        if k:
            out.add(k)
    return out


def _prf(tp: int, fp: int, fn: int) -> dict[str, float | int]:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"p": round(p, 4), "r": round(r, 4), "f1": round(f, 4), "tp": tp, "fp": fp, "fn": fn}


def _says(doc, kind: str) -> bool:
    return any(e.plover == kind and e.modality == "asserted" and e.event_type for e in doc.events)


def _detection(items: list[tuple[str, bool]], kind: str, run, errors: list | None = None,
               labels: list[str] | None = None) -> dict[str, Any]:
    """P/R/F1 of saying yes, and (with the gold labels) how often khabar says yes on each label."""
    tp = fp = fn = 0
    said: dict[str, list[int]] = {}
    for n, (text, gold) in enumerate(items):
        pred = _says(run(text), kind)
        if labels is not None:
            said.setdefault(labels[n], []).append(pred)
        if pred and gold:
            tp += 1
        elif pred:
            fp += 1
            if errors is not None:
                errors.append({"type": kind, "error": "fp", "text": text})
        elif gold:
            fn += 1
            if errors is not None:
                errors.append({"type": kind, "error": "fn", "text": text})
    out = _prf(tp, fp, fn) | {"sentences": len(items), "yes": sum(g for _, g in items)}
    if labels is not None:
        out["said_yes_by_label"] = {k: round(sum(v) / len(v), 4) for k, v in sorted(said.items())}
    return out


def _spans(records: list[dict[str, Any]], kind: str, run) -> dict[str, Any]:
    out: dict[str, Any] = {}
    docs = {}
    for role, gold_key in (("actor1", "source_gold"), ("actor2", "target_gold")):
        tp = n_pred = n_gold = 0
        f1s: list[float] = []
        for r in records:
            gold = _words(r.get(gold_key) or "")
            text = r["text"]
            if text not in docs:
                docs[text] = run(text)
            ev = next((e for e in docs[text].events if e.plover == kind and e.modality == "asserted"), None)
            pred = _words(((getattr(ev, role) or {}).get("text") or "")) if ev else set()
            n_gold += bool(gold)
            if pred and gold:
                n_pred += 1
                common = len(pred & gold)
                tp += common > 0
                p, rr = common / len(pred), common / len(gold)
                f1s.append(2 * p * rr / (p + rr) if p + rr else 0.0)
            elif pred:
                n_pred += 0  # a span where the gold has none is not scored (the coders agreed on no words)
            elif gold:
                f1s.append(0.0)
        p = tp / n_pred if n_pred else 0.0
        rr = tp / n_gold if n_gold else 0.0
        out[role] = {"overlap_p": round(p, 4), "overlap_r": round(rr, 4),
                     "overlap_f1": round(2 * p * rr / (p + rr), 4) if p + rr else 0.0,
                     "word_f1": round(sum(f1s) / len(f1s), 4) if f1s else 0.0, "gold": n_gold}
    return out


def load_gsr(data: Path, kind: str) -> tuple[list[tuple[str, bool]], list[str]]:
    path = data / "arabic_event_gsr" / f"{kind.lower()}_gsr.csv"
    if not path.is_file():
        raise FileNotFoundError(f"{path} not found (set KHABAR_SHARED_DATA)")
    items, labels = [], []
    with open(path, encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh):
            if row["label"] in ("yes", "easy no", "difficult no"):
                items.append((row["text"], row["label"] == "yes"))
                labels.append(row["label"])
    return items, labels


def _read_dev(folder: Path) -> list[tuple[str, dict[str, Any]]]:
    """A development set's sentences with their label records, in order."""
    sents = {}
    with open(folder / "sentences.jsonl", encoding="utf-8") as fh:
        for line in fh:
            r = json.loads(line)
            sents[r["id"]] = r["text"]
    with open(folder / "labels.jsonl", encoding="utf-8") as fh:
        return [(sents[r["id"]], r) for r in map(json.loads, fh) if r]


def load_dev_spans(folder: Path, kind: str) -> list[dict[str, Any]]:
    """The development set's gold events of one type, as the gold standard's span records (the first event of
    each sentence: source and target written as in the sentence)."""
    out = []
    for text, r in _read_dev(folder):
        ev = next((e for e in r.get("events") or [] if e["type"] == kind), None)
        if r[kind.lower()] == "yes" and ev is not None:
            out.append({"text": text, "source_gold": ev.get("source") or "", "target_gold": ev.get("target") or ""})
    return out


def load_dev(folder: Path, kind: str) -> list[tuple[str, bool]]:
    return [(text, r[kind.lower()] == "yes") for text, r in _read_dev(folder) if r[kind.lower()] in ("yes", "no")]


def run_events_eval(data: Path | None = None, dev: Path | None = None, *, gsr: bool = True,
                    limit: int | None = None, examples: int = 0) -> dict[str, Any]:
    run = _pipeline()
    t0 = time.perf_counter()
    result: dict[str, Any] = {}
    errors: list[dict[str, Any]] = []
    if gsr:
        data = data or shared_data_dir()
        result["gsr"] = {}
        for kind in TYPES:
            items, labels = load_gsr(data, kind)
            det = _detection(items[:limit], kind, run, labels=labels[:limit])
            with open(data / "arabic_event_gsr" / f"{kind.lower()}_spans.json", encoding="utf-8") as fh:
                records = json.load(fh)[:limit]
            result["gsr"][kind] = {"detection": det, "spans": _spans(records, kind, run)}
    if dev is not None:
        result["dev"] = {}
        result["dev_set"] = str(dev)
        for kind in TYPES:
            items = load_dev(dev, kind)[:limit]
            result["dev"][kind] = {"detection": _detection(items, kind, run, errors),
                                   "spans": _spans(load_dev_spans(dev, kind)[:limit], kind, run)}
        result["errors"] = errors[:examples]
    result["seconds"] = round(time.perf_counter() - t0, 1)
    return result


def format_report(r: dict[str, Any]) -> list[str]:
    lines = []
    for name in ("gsr", "dev"):
        if name not in r:
            continue
        lines.append("PLOVER Arabic gold standard (arabic_event_gsr)" if name == "gsr" else
                     f"development set ({r.get('dev_set', 'dev')})")
        for kind, x in r[name].items():
            d = x["detection"]
            lines.append(f"  {kind:<8} detection  P {d['p']:.4f}  R {d['r']:.4f}  F1 {d['f1']:.4f}   "
                         f"({d['sentences']} sentences, {d['yes']} yes; tp {d['tp']} fp {d['fp']} fn {d['fn']})")
            if d.get("said_yes_by_label"):
                lines.append(f"  {kind:<8} khabar says yes on: " + ", ".join(
                    f"{k} {v:.1%}" for k, v in d["said_yes_by_label"].items()))
            for role, s in (x.get("spans") or {}).items():
                lines.append(f"  {kind:<8} {role} span overlap  P {s['overlap_p']:.4f}  R {s['overlap_r']:.4f}  "
                             f"F1 {s['overlap_f1']:.4f}   word F1 {s['word_f1']:.4f}  ({s['gold']} gold spans)")
    return lines
