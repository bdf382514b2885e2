#!/usr/bin/env python3
"""Validate labels.jsonl against sentences.jsonl (events development set). Stdlib only.

Usage:  python3 evaluation_data/events_dev/check_labels.py [labels.jsonl] [sentences.jsonl]

Checks: every sentence id is labelled exactly once and in the same order; label values are in the
allowed vocabularies; every trigger/source/target is an exact substring of its sentence; events of a
type are present iff that type is "yes"; fatalities is null or a non-negative int; background is a bool.
Prints counts per label and per type, and exits 1 on any error.
"""
from __future__ import annotations

import json
import sys
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
LABELS = {"yes", "no", "ambiguous"}
TYPES = {"ASSAULT": "assault", "PROTEST": "protest"}
MODALITIES = {None, "threat", "plan", "call", "denial", "hypothetical", "generic", "negated"}
KEYS = {"id", "assault", "protest", "events", "modality", "note"}
EVENT_KEYS = {"type", "trigger", "source", "target", "fatalities", "background"}


def load(path: Path) -> list[dict]:
    with open(path, encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def main(here: Path = HERE, id_prefix: str | None = None) -> int:
    """Check `here`/labels.jsonl against `here`/sentences.jsonl (or the paths given on the command line); with
    `id_prefix`, every sentence id must start with it (batch 2 reuses this check with "ew")."""
    labels_path = Path(sys.argv[1]) if len(sys.argv) > 1 else here / "labels.jsonl"
    sents_path = Path(sys.argv[2]) if len(sys.argv) > 2 else here / "sentences.jsonl"
    sents = load(sents_path)
    labels = load(labels_path)
    errors: list[str] = []

    def err(msg: str) -> None:
        errors.append(msg)

    sent_ids = [s["id"] for s in sents]
    label_ids = [r.get("id") for r in labels]
    if id_prefix is not None:
        bad_prefix = [i for i in sent_ids if not (isinstance(i, str) and i.startswith(id_prefix))]
        if bad_prefix:
            err(f"{len(bad_prefix)} sentence ids do not start with {id_prefix!r}, e.g. {bad_prefix[:5]}")
    dup = [i for i, c in Counter(label_ids).items() if c > 1]
    if dup:
        err(f"duplicate ids: {dup[:10]}")
    missing = set(sent_ids) - set(label_ids)
    extra = set(label_ids) - set(sent_ids)
    if missing:
        err(f"{len(missing)} sentence ids not labelled, e.g. {sorted(missing)[:10]}")
    if extra:
        err(f"{len(extra)} labelled ids not in sentences, e.g. {sorted(extra)[:10]}")
    if not dup and not missing and not extra and label_ids != sent_ids:
        err("ids are not in the same order as sentences.jsonl")

    text = {s["id"]: s["text"] for s in sents}
    counts = {t: Counter() for t in TYPES.values()}
    n_events = Counter()
    n_background = 0
    modality_counts = Counter()
    for r in labels:
        rid = r.get("id")
        where = f"{rid}:"
        if set(r) != KEYS:
            err(f"{where} keys {sorted(r)} != {sorted(KEYS)}")
        t = text.get(rid, "")
        for field in TYPES.values():
            v = r.get(field)
            if v not in LABELS:
                err(f"{where} {field}={v!r} not in {sorted(LABELS)}")
            counts[field][v] += 1
        mod = r.get("modality")
        if mod not in MODALITIES:
            err(f"{where} modality={mod!r} not allowed")
        modality_counts[mod] += 1
        note = r.get("note")
        if not isinstance(note, str):
            err(f"{where} note must be a string")
        elif not note.strip() and ("yes" in (r.get("assault"), r.get("protest"))
                                   or "ambiguous" in (r.get("assault"), r.get("protest"))):
            err(f"{where} a yes/ambiguous label needs a note")
        events = r.get("events")
        if not isinstance(events, list):
            err(f"{where} events must be a list")
            continue
        seen_types = set()
        for k, ev in enumerate(events):
            w = f"{where} event {k}:"
            if not isinstance(ev, dict) or set(ev) != EVENT_KEYS:
                err(f"{w} keys must be {sorted(EVENT_KEYS)}")
                continue
            if ev["type"] not in TYPES:
                err(f"{w} type={ev['type']!r}")
                continue
            seen_types.add(ev["type"])
            n_events[ev["type"]] += 1
            for key in ("trigger", "source", "target"):
                val = ev[key]
                if not isinstance(val, str):
                    err(f"{w} {key} must be a string")
                elif t.find(val) < 0:
                    err(f"{w} {key}={val!r} is not a substring of the sentence")
            if not ev["trigger"]:
                err(f"{w} empty trigger")
            fat = ev["fatalities"]
            if fat is not None and (isinstance(fat, bool) or not isinstance(fat, int) or fat < 0):
                err(f"{w} fatalities={fat!r} must be null or a non-negative int")
            if not isinstance(ev["background"], bool):
                err(f"{w} background must be true/false")
            n_background += ev["background"] is True
        for typ, field in TYPES.items():
            has = typ in seen_types
            if (r.get(field) == "yes") != has:
                err(f"{where} {field}={r.get(field)!r} but {typ} events present={has}")

    print(f"sentences: {len(sents)}   labelled: {len(labels)}")
    for field, c in counts.items():
        print(f"{field:8s} yes={c['yes']:4d}  no={c['no']:4d}  ambiguous={c['ambiguous']:4d}")
    both = sum(1 for r in labels if r.get("assault") == "yes" and r.get("protest") == "yes")
    print(f"both yes: {both}")
    print(f"events: ASSAULT={n_events['ASSAULT']}  PROTEST={n_events['PROTEST']}  background={n_background}")
    print("modality: " + ", ".join(f"{k}={v}" for k, v in sorted(modality_counts.items(), key=lambda x: str(x[0]))))
    if errors:
        print(f"\nFAILED: {len(errors)} error(s)")
        for e in errors[:50]:
            print("  " + e)
        return 1
    print("\nOK: all checks passed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
