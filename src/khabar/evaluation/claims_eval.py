"""`khabar eval claims`: attribution extraction scored on a hand-labelled set.

The set (`evaluation_data/claims/claimset.jsonl`, guideline beside it) lists, for the first sentences of held-out
SaudiNewsNet articles, every attribution (cue, source span or the phrase an implicit source refers to, content
span, stance, source type, chain) and a `cue: null` line for each sentence without one. Each article's labelled
sentences are analysed together, in order (so `وأضاف` can find its speaker), and the claims are mapped back to
sentence offsets.

Figures (as the set's README asks):
- cue precision / recall / F1: a predicted cue matches a gold cue it overlaps (one to one);
- source span, for attributions whose source is written in the sentence: exact F1 (spans equal, allowing a
  one-character start difference for a ل + ال contraction and surrounding quotation marks) and overlap F1;
- content overlap F1 (spans overlap) and mean token F1 of the matched contents;
- source-type accuracy and stance accuracy over matched cues, with per-class figures.
"""

from __future__ import annotations

import json
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any

from ..pipeline import STAGES

_STAGES = [s for s in STAGES if s[0] != "frames"]  # framing is not scored here; it is the slowest stage

ROOT = Path(__file__).resolve().parents[3]
DEFAULT_SET = ROOT / "evaluation_data" / "claims" / "claimset.jsonl"
_EDGE = set('"«»“”\'‘’{}() ،,.:')


def load_set(path: Path) -> dict[str, list[dict[str, Any]]]:
    """Articles → their labelled sentences in order, each {sentence, gold: [attribution …]}."""
    docs: dict[str, list[dict[str, Any]]] = defaultdict(list)
    index: dict[tuple[str, str], dict[str, Any]] = {}
    with open(path, encoding="utf-8") as fh:
        for n, line in enumerate(fh, 1):
            if not line.strip():
                continue
            r = json.loads(line)
            key = (r["doc"], r["sentence"])
            if key not in index:
                index[key] = {"sentence": r["sentence"], "gold": []}
                docs[r["doc"]].append(index[key])
            if r.get("cue"):
                for part in ("cue", "source", "content"):
                    sp = r.get(part)
                    if sp and r["sentence"][sp["start"]:sp["end"]] != sp["text"]:
                        raise ValueError(f"{path}:{n}: {part} offsets do not match the text")
                index[key]["gold"].append(r)
    return docs


def _norm(span: tuple[int, int], text: str) -> tuple[int, int]:
    a, b = span
    while a < b and text[a] in _EDGE:
        a += 1
    while b > a and text[b - 1] in _EDGE:
        b -= 1
    return a, b


def _same(g: tuple[int, int], p: tuple[int, int], text: str) -> bool:
    g, p = _norm(g, text), _norm(p, text)
    return abs(g[0] - p[0]) <= 1 and g[1] == p[1]


def _overlap(g: tuple[int, int], p: tuple[int, int]) -> bool:
    return min(g[1], p[1]) > max(g[0], p[0])


def _token_f1(g: tuple[int, int], p: tuple[int, int], text: str) -> float:
    def toks(s: tuple[int, int]) -> Counter:
        out: Counter = Counter()
        pos = s[0]
        for w in text[s[0]:s[1]].split():
            k = text.find(w, pos)
            out[(k, w)] += 1
            pos = k + len(w)
        return out
    a, b = toks(g), toks(p)
    common = sum((a & b).values())
    if not common:
        return 0.0
    pr, rc = common / sum(b.values()), common / sum(a.values())
    return 2 * pr * rc / (pr + rc)


def _prf(tp: float, npred: float, ngold: float) -> dict[str, float]:
    p = tp / npred if npred else 0.0
    r = tp / ngold if ngold else 0.0
    return {"p": round(p, 4), "r": round(r, 4), "f1": round(2 * p * r / (p + r), 4) if p + r else 0.0}


def run_claims_eval(path: Path | None = None, examples: int = 0) -> dict[str, Any]:
    import khabar

    path = path or DEFAULT_SET
    if not path.exists():
        raise FileNotFoundError(f"labelled set not found: {path}")
    docs = load_set(path)
    c: Counter = Counter()
    types: Counter = Counter()
    type_ok: Counter = Counter()
    stances: Counter = Counter()
    stance_ok: Counter = Counter()
    confusion: Counter = Counter()
    token_f1: list[float] = []
    errors: list[dict[str, Any]] = []
    for doc_id, sents in docs.items():
        offsets, pos = [], 0
        for s in sents:
            offsets.append(pos)
            pos += len(s["sentence"]) + 1
        doc = khabar.analyze("\n".join(s["sentence"] for s in sents), stages=_STAGES)
        for si, s in enumerate(sents):
            off, text = offsets[si], s["sentence"]
            pred = [x for x in doc.claims if x.cue is not None and off <= x.start < off + len(text)]
            gold = s["gold"]
            c["gold_cues"] += len(gold)
            c["pred_cues"] += len(pred)
            pairs = []
            used = set()
            for gi, g in enumerate(gold):
                gc = (g["cue"]["start"], g["cue"]["end"])
                best = None
                for pi, p in enumerate(pred):
                    if pi not in used and _overlap(gc, (p.start - off, p.end - off)):
                        best = pi
                        break
                if best is not None:
                    used.add(best)
                    pairs.append((gi, best))
            c["cue_tp"] += len(pairs)
            c["gold_sources"] += sum(1 for g in gold if g.get("source"))
            c["pred_sources"] += sum(1 for p in pred if p.source)
            c["gold_contents"] += sum(1 for g in gold if g.get("content"))
            c["pred_contents"] += sum(1 for p in pred if p.content)
            for gi, pi in pairs:
                g, p = gold[gi], pred[pi]
                if g.get("source") and p.source:
                    gs = (g["source"]["start"], g["source"]["end"])
                    ps = (p.source["start"] - off, p.source["end"] - off)
                    c["source_exact"] += _same(gs, ps, text)
                    c["source_overlap"] += _overlap(gs, ps)
                    if not _same(gs, ps, text) and len(errors) < examples:
                        errors.append({"kind": "source", "gold": g["source"]["text"], "got": p.source["text"],
                                       "cue": g["cue"]["text"]})
                if g.get("content") and p.content:
                    gs = (g["content"]["start"], g["content"]["end"])
                    ps = (p.content["start"] - off, p.content["end"] - off)
                    c["content_overlap"] += _overlap(gs, ps)
                    token_f1.append(_token_f1(gs, ps, text))
                types[g["source_type"]] += 1
                type_ok[g["source_type"]] += g["source_type"] == p.source_type
                confusion[(g["source_type"], p.source_type)] += 1
                stances[g["stance"]] += 1
                stance_ok[g["stance"]] += g["stance"] == p.stance
                if g["source_type"] != p.source_type and len(errors) < examples:
                    errors.append({"kind": "type", "source": (g.get("source") or {}).get("text") or g.get("source_ref"),
                                   "gold": g["source_type"], "got": p.source_type,
                                   "got_source": (p.source or {}).get("text") or p.source_ref})
            if len(errors) < examples:
                matched_g = {gi for gi, _ in pairs}
                matched_p = {pi for _, pi in pairs}
                for gi, g in enumerate(gold):
                    if gi not in matched_g and len(errors) < examples:
                        errors.append({"kind": "missed", "cue": g["cue"]["text"],
                                       "context": text[max(0, g["cue"]["start"] - 50):g["cue"]["end"] + 50]})
                for pi, p in enumerate(pred):
                    if pi not in matched_p and len(errors) < examples:
                        a = p.start - off
                        errors.append({"kind": "spurious", "cue": p.cue,
                                       "context": text[max(0, a - 50):a + 60]})
    matched = c["cue_tp"]
    return {
        "task": "claims", "set": str(path), "articles": len(docs), "attributions": c["gold_cues"],
        "cue": _prf(matched, c["pred_cues"], c["gold_cues"]),
        "source_exact": _prf(c["source_exact"], c["pred_sources"], c["gold_sources"]),
        "source_overlap": _prf(c["source_overlap"], c["pred_sources"], c["gold_sources"]),
        "content_overlap": _prf(c["content_overlap"], c["pred_contents"], c["gold_contents"]),
        "content_token_f1": round(sum(token_f1) / len(token_f1), 4) if token_f1 else 0.0,
        "source_type_accuracy": round(sum(type_ok.values()) / matched, 4) if matched else 0.0,
        "source_type_by_class": {t: {"n": types[t], "accuracy": round(type_ok[t] / types[t], 4)} for t in types},
        "stance_accuracy": round(sum(stance_ok.values()) / matched, 4) if matched else 0.0,
        "stance_by_class": {t: {"n": stances[t], "accuracy": round(stance_ok[t] / stances[t], 4)} for t in stances},
        "type_confusion": {f"{g}->{p}": n for (g, p), n in confusion.most_common() if g != p},
        "errors": errors,
    }
