"""`khabar eval link`: actor-linking and place-resolution accuracy on a hand-labelled set.

The set (`evaluation_data/linking/linkset.jsonl`, guideline beside it) lists mentions in sentences of held-out
SaudiNewsNet articles with their gold actor id or place (GeoNames id, `admin1:CC.code`, country code or a curated
id) and gold coordinates. Each article's labelled sentences are analysed together (so the linker has the
document's context), and each gold mention is scored with the entity the pipeline produced over it; when the
pipeline produced none there (the NER and the dictionary both missed it), the linker is asked about the gold
span itself, and that case is counted separately (`found_by_pipeline`). As the set's README asks, mentions
whose gold is in the KB and those whose gold is null ("not in the KB": the linker should say so) are reported
apart, and the 10 km figure covers point places only (towns, villages, camps), not countries or provinces. A
place whose gold is null because GeoNames lacks it (the annotator then gave its coordinates) counts as right
when the linker leaves it unlinked or resolves it to a place within 10 km of those coordinates.
"""

from __future__ import annotations

import json
import math
from collections import defaultdict
from pathlib import Path
from typing import Any

from ..document import Entity
from ..kb.linker import DocContext, default_index, entity_from, link_span
from ..pipeline import STAGES

_STAGES = [s for s in STAGES if s[0] != "frames"]  # framing is not scored here; it is the slowest stage

DEFAULT_SET = Path(__file__).resolve().parents[3] / "evaluation_data" / "linking" / "linkset.jsonl"


def gold_place_id(g: Any) -> str | None:
    if g is None:
        return None
    g = str(g)
    if g.isdigit():
        return f"geonames:{g}"
    if len(g) == 2 and g.isalpha() and g.isupper():
        return f"country:{g}"
    if g.startswith("geonames:") or g.startswith("admin1:") or g.startswith("country:") or g.startswith("cur."):
        return g
    return g


def km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    r = 6371.0
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * r * math.asin(math.sqrt(a))


def load_set(path: Path) -> list[dict]:
    rows = []
    with open(path, encoding="utf-8") as fh:
        for n, line in enumerate(fh, 1):
            if not line.strip():
                continue
            r = json.loads(line)
            if r["sentence"][r["start"]:r["end"]] != r["text"]:
                raise ValueError(f"{path}:{n}: offsets do not match the text")
            rows.append(r)
    return rows


def run_link_eval(path: Path | None = None, examples: int = 0) -> dict[str, Any]:
    import khabar

    path = path or DEFAULT_SET
    if not path.exists():
        raise FileNotFoundError(f"labelled set not found: {path}")
    rows = load_set(path)
    index = default_index()
    by_doc: dict[str, list[dict]] = defaultdict(list)
    for r in rows:
        by_doc[r["doc"]].append(r)
    keys = ("actor", "actor_linkable", "actor_null", "place", "place_linkable", "place_null", "place_10km", "found")
    stats = {k: [0, 0] for k in keys}
    errors: list[dict] = []
    for doc_id, items in by_doc.items():
        sentences = list(dict.fromkeys(r["sentence"] for r in items))
        offsets, pos = {}, 0
        for s in sentences:
            offsets[s] = pos
            pos += len(s) + 1
        doc = khabar.analyze("\n".join(sentences), published=items[0].get("published"), stages=_STAGES)
        ctx = DocContext()
        for e in doc.entities:
            ctx.note(e)
        for r in items:
            start, end = offsets[r["sentence"]] + r["start"], offsets[r["sentence"]] + r["end"]
            over = [e for e in doc.entities if e.start < end and start < e.end]
            e: Entity | None = min(over, key=lambda x: abs(x.start - start) + abs(x.end - end)) if over else None
            stats["found"][1] += 1
            if e is not None and (e.kb_id or e.place):
                stats["found"][0] += 1
            else:
                cand, how = link_span(r["text"].split(), "LOC" if r["type"] == "place" else None, ctx, index)
                e = (entity_from(cand, start, end, "MISC", r["text"], how, "kb") if cand is not None
                     else Entity(start, end, "MISC", r["text"]))
            kind = r["type"]
            if kind == "actor":
                ok = (e.kb_id or None) == (r["gold"] or None)
            else:
                gold = gold_place_id(r["gold"])
                ok = (e.place["id"] if e.place else None) == gold
                if gold is None and e.place and r.get("lat") is not None and r.get("lon") is not None:
                    # gold null = "not in GeoNames" with the annotator's coordinates: a curated place of the KB at
                    # that spot (within 10 km) is the same place
                    ok = km(e.place["latitude"], e.place["longitude"], r["lat"], r["lon"]) <= 10
                # distance only for points: countries and provinces are scored by id (their gold coordinates
                # are rough centroids, see the set's README), and approximate gold points are left out
                point = gold is not None and not gold.startswith(("country:", "admin1:"))
                if point and not r.get("approx") and r.get("lat") is not None and r.get("lon") is not None:
                    stats["place_10km"][1] += 1
                    if e.place and km(e.place["latitude"], e.place["longitude"], r["lat"], r["lon"]) <= 10:
                        stats["place_10km"][0] += 1
            for k in (kind, f"{kind}_linkable" if r["gold"] else f"{kind}_null"):
                stats[k][0] += ok
                stats[k][1] += 1
            if not ok and len(errors) < examples:
                errors.append({"text": r["text"], "type": r["type"], "gold": r["gold"],
                               "pred": e.kb_id if r["type"] == "actor" else (e.place["id"] if e.place else None),
                               "sentence": r["sentence"][:120]})

    def ratio(k: str) -> float | None:
        a, b = stats[k]
        return round(a / b, 4) if b else None

    return {"task": "link", "set": str(path), "mentions": len(rows), "docs": len(by_doc),
            "actor_accuracy": ratio("actor"), "actors": stats["actor"][1],
            "actor_accuracy_in_kb": ratio("actor_linkable"), "actors_in_kb": stats["actor_linkable"][1],
            "actor_accuracy_not_in_kb": ratio("actor_null"), "actors_not_in_kb": stats["actor_null"][1],
            "place_accuracy": ratio("place"), "places": stats["place"][1],
            "place_accuracy_in_kb": ratio("place_linkable"), "places_in_kb": stats["place_linkable"][1],
            "place_accuracy_not_in_kb": ratio("place_null"), "places_not_in_kb": stats["place_null"][1],
            "place_within_10km": ratio("place_10km"), "place_points": stats["place_10km"][1],
            "found_by_pipeline": ratio("found"), "errors": errors}
