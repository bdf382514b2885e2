"""`khabar eval time`: temporal-expression detection and normalisation on a hand-labelled set, for khabar and,
side by side, for dateparser.

The set (`evaluation_data/times/timeset.jsonl`, guideline beside it) lists every temporal expression of the
sentences taken from held-out SaudiNewsNet articles, and a `text: null` line for each taken sentence with none.
Each sentence is tagged on its own against the article's `published` date.

Figures:
- detection precision / recall / F1 with exact spans, and with overlapping spans (one-to-one);
- value accuracy: of the gold expressions found (overlap), the share whose normalised value equals the gold value
  (`value_accuracy`), also allowing a one-day difference for day values (`value_accuracy_1day`, as the set's
  README asks: its anchor is the crawl date, which can be a day after publication); where the gold note gives a
  `crawl-anchor reading`, that reading is the value a system given only the anchor should produce;
- `value_f1`: strict TempEval-style, an expression counts only when found and valued right.
dateparser's `search_dates` is run on the same sentences with `RELATIVE_BASE` = the anchor; each string it finds
is valued by `DateDataParser` at the period it reports (day, week, month, year, time). Its configuration was chosen
on the development set (`evaluation_data/times_dev`), never on the test set.
"""

from __future__ import annotations

import json
import re
import time
from collections import defaultdict
from collections.abc import Callable
from datetime import date, datetime
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[3]
DEFAULT_SET = ROOT / "evaluation_data" / "times" / "timeset.jsonl"
_CRAWL = re.compile(r"crawl-anchor reading:\s*([^\s;,)]+)")

Span = tuple[int, int, str]  # start, end (in the sentence), value


def load_set(path: Path) -> list[dict[str, Any]]:
    """Sentences with their gold expressions: [{doc, published, sentence, gold: [row …]}] in file order."""
    by: dict[tuple[str, str], dict[str, Any]] = {}
    with open(path, encoding="utf-8") as fh:
        for n, line in enumerate(fh, 1):
            if not line.strip():
                continue
            r = json.loads(line)
            key = (r["doc"], r["sentence"])
            s = by.setdefault(key, {"doc": r["doc"], "published": r["published"], "sentence": r["sentence"],
                                    "gold": []})
            if r.get("text") is not None:
                if r["sentence"][r["start"]:r["end"]] != r["text"]:
                    raise ValueError(f"{path}:{n}: offsets do not match the text")
                s["gold"].append(r)
    return list(by.values())


def khabar_tagger() -> Callable[[str, str | None], list[Span]]:
    from ..pipeline import STAGES, analyze

    stages = [s for s in STAGES if s[0] in ("clean", "segment", "ner", "times")]

    def tag(sentence: str, published: str | None) -> list[Span]:
        doc = analyze(sentence, published=published, stages=stages)
        return [(t.start, t.end, t.value) for t in doc.times]

    return tag


DATEPARSER_CONFIGS: dict[str, dict[str, Any]] = {
    "ar+past": {"languages": ["ar"], "settings": {"PREFER_DATES_FROM": "past"}},
    "ar+current": {"languages": ["ar"], "settings": {"PREFER_DATES_FROM": "current_period"}},
    "auto+past": {"languages": None, "settings": {"PREFER_DATES_FROM": "past"}},
}
# chosen on evaluation_data/times_dev (see `khabar eval time --set evaluation_data/times_dev/timeset.jsonl
# --dateparser-config all`): the best value F1 there (detection ties with ar+past)
DATEPARSER_BEST = "ar+current"


def dateparser_tagger(config: str = DATEPARSER_BEST) -> Callable[[str, str | None], list[Span]]:
    from dateparser.date import DateDataParser
    from dateparser.search import search_dates

    cfg = DATEPARSER_CONFIGS[config]

    def value_of(text: str, base: datetime, settings: dict) -> str | None:
        ddp = DateDataParser(languages=cfg["languages"], settings=settings)
        data = ddp.get_date_data(text)
        if data is None or data.date_obj is None:
            return None
        d, period = data.date_obj, data.period or "day"
        if period == "year":
            return f"{d.year:04d}"
        if period == "month":
            return f"{d.year:04d}-{d.month:02d}"
        if period == "week":
            y, w, _ = d.isocalendar()
            return f"{y}-W{w:02d}"
        if period == "time" or (d.hour or d.minute) and period not in ("day",):
            return f"{d.date().isoformat()}T{d.hour:02d}:{d.minute:02d}"
        return d.date().isoformat()

    def tag(sentence: str, published: str | None) -> list[Span]:
        base = datetime.fromisoformat(published) if published else datetime(2015, 7, 21)
        settings = {**cfg["settings"], "RELATIVE_BASE": base, "RETURN_AS_TIMEZONE_AWARE": False}
        try:
            found = search_dates(sentence, languages=cfg["languages"], settings=settings) or []
        except Exception:  # dateparser raises on some inputs; count it as finding nothing
            found = []
        out: list[Span] = []
        pos = 0
        for text, _dt in found:
            k = sentence.find(text, pos)
            if k < 0:
                k = sentence.find(text)
            if k < 0:
                continue
            pos = k + len(text)
            try:
                v = value_of(text, base, settings)
            except Exception:
                v = None
            out.append((k, k + len(text), v or ""))
        return out

    return tag


def _match(gold: list[Span], pred: list[Span], exact: bool) -> list[tuple[int, int]]:
    """One-to-one pairs (gold index, predicted index): exact spans, or overlapping ones (largest overlap first)."""
    pairs = []
    for gi, (gs, ge, _) in enumerate(gold):
        for pi, (ps, pe, _) in enumerate(pred):
            ov = min(ge, pe) - max(gs, ps)
            if (exact and (gs, ge) == (ps, pe)) or (not exact and ov > 0):
                pairs.append((ov, gi, pi))
    pairs.sort(reverse=True)
    used_g, used_p, out = set(), set(), []
    for _, gi, pi in pairs:
        if gi not in used_g and pi not in used_p:
            used_g.add(gi)
            used_p.add(pi)
            out.append((gi, pi))
    return out


def _value_ok(gold_row: dict, value: str, one_day: bool) -> bool:
    targets = {gold_row["value"]}
    crawl = _CRAWL.search(gold_row.get("note") or "")
    if crawl:
        targets.add(crawl.group(1))
    if value in targets:
        return True
    if one_day and re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        d = date.fromisoformat(value)
        for t in targets:
            if re.fullmatch(r"\d{4}-\d{2}-\d{2}", t or "") and abs((date.fromisoformat(t) - d).days) <= 1:
                return True
    return False


def score(sentences: list[dict], tag: Callable[[str, str | None], list[Span]], examples: int = 0) -> dict[str, Any]:
    c: dict[str, float] = defaultdict(float)
    errors: list[dict] = []
    t0 = time.perf_counter()
    for s in sentences:
        gold_rows = s["gold"]
        gold = [(r["start"], r["end"], r["value"]) for r in gold_rows]
        pred = tag(s["sentence"], s["published"])
        c["gold"] += len(gold)
        c["pred"] += len(pred)
        exact = _match(gold, pred, exact=True)
        c["exact"] += len(exact)
        over = _match(gold, pred, exact=False)
        c["overlap"] += len(over)
        for gi, pi in over:
            ok = _value_ok(gold_rows[gi], pred[pi][2], one_day=False)
            c["value_ok"] += ok
            c["value_ok_1day"] += _value_ok(gold_rows[gi], pred[pi][2], one_day=True)
            if ok and (gold[gi][0], gold[gi][1]) == (pred[pi][0], pred[pi][1]):
                c["strict_ok"] += 1
            if ok and (gold[gi][0], gold[gi][1]) != (pred[pi][0], pred[pi][1]) and len(errors) < examples:
                errors.append({"kind": "span", "text": gold_rows[gi]["text"],
                               "got_text": s["sentence"][pred[pi][0]:pred[pi][1]]})
            if not ok and len(errors) < examples:
                errors.append({"kind": "value", "text": gold_rows[gi]["text"], "gold": gold_rows[gi]["value"],
                               "got": pred[pi][2], "got_text": s["sentence"][pred[pi][0]:pred[pi][1]],
                               "published": s["published"]})
        if len(errors) < examples:
            matched_g = {g for g, _ in over}
            matched_p = {p for _, p in over}
            for gi, g in enumerate(gold):
                if gi not in matched_g and len(errors) < examples:
                    errors.append({"kind": "missed", "text": gold_rows[gi]["text"], "gold": g[2],
                                   "context": s["sentence"][max(0, g[0] - 40):g[1] + 40]})
            for pi, p in enumerate(pred):
                if pi not in matched_p and len(errors) < examples:
                    errors.append({"kind": "spurious", "text": s["sentence"][p[0]:p[1]], "got": p[2],
                                   "context": s["sentence"][max(0, p[0] - 40):p[1] + 40]})
    elapsed = time.perf_counter() - t0

    def prf(tp: float) -> tuple[float, float, float]:
        p = tp / c["pred"] if c["pred"] else 0.0
        r = tp / c["gold"] if c["gold"] else 0.0
        return round(p, 4), round(r, 4), round(2 * p * r / (p + r), 4) if p + r else 0.0

    ep, er, ef = prf(c["exact"])
    op, orr, of = prf(c["overlap"])
    _, _, vf = prf(c["strict_ok"])
    return {"expressions": int(c["gold"]), "predicted": int(c["pred"]),
            "exact_p": ep, "exact_r": er, "exact_f1": ef, "overlap_p": op, "overlap_r": orr, "overlap_f1": of,
            "value_accuracy": round(c["value_ok"] / c["overlap"], 4) if c["overlap"] else 0.0,
            "value_accuracy_1day": round(c["value_ok_1day"] / c["overlap"], 4) if c["overlap"] else 0.0,
            "value_f1": vf, "seconds": round(elapsed, 2), "errors": errors}


def run_time_eval(path: Path | None = None, examples: int = 0, dateparser_configs: list[str] | None = None,
                  with_dateparser: bool = True) -> dict[str, Any]:
    path = path or DEFAULT_SET
    if not path.exists():
        raise FileNotFoundError(f"labelled set not found: {path}")
    sentences = load_set(path)
    out: dict[str, Any] = {"task": "time", "set": str(path), "sentences": len(sentences),
                           "khabar": score(sentences, khabar_tagger(), examples)}
    if with_dateparser:
        for cfg in dateparser_configs or [DATEPARSER_BEST]:
            out[f"dateparser[{cfg}]"] = score(sentences, dateparser_tagger(cfg), 0)
    return out

