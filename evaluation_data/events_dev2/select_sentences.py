"""Reproduce the sentence selection of the second events development batch.

The dev split's violence and protest sentences are nearly all in batch 1 (its protest pool is 116 sentences),
so this batch draws from the **non-held-out** part of SaudiNewsNet (the 90% that is neither dev nor test, see
khabar/corpus_split.py): never from a held-out article.

Usage:
  cd /work/main && KHABAR_SHARED_DATA=/work/shared/data .venv/bin/python -c "from khabar.datasets import iter_saudinewsnet; import json; [print(json.dumps(a, ensure_ascii=False)) for a in iter_saudinewsnet(heldout=False)]" > /tmp/train_articles.jsonl
  .venv/bin/python evaluation_data/events_dev2/select_sentences.py /tmp/train_articles.jsonl > sentences.jsonl

Same keyword pools and filters as batch 1 (imported from ../events_dev/select_sentences.py), another seed.
"""
from __future__ import annotations

import importlib.util
import json
import os
import random
import sys

from khabar.segment import sentence_spans

_spec = importlib.util.spec_from_file_location(
    "events_dev1", os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "events_dev", "select_sentences.py"))
batch1 = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(batch1)  # type: ignore[union-attr]


def main(path: str) -> None:
    used: set[int] = set()
    vio, pro = batch1.pattern(batch1.VIOLENCE), batch1.pattern(batch1.PROTEST)
    pools: dict[str, list[dict]] = {"violence": [], "protest": [], "random": []}
    with open(path, encoding="utf-8") as f:
        for line_no, line in enumerate(f):
            if line_no in used:
                continue
            art = json.loads(line)
            text = art.get("content") or ""
            for s, e in sentence_spans(text):
                sent = text[s:e].strip()
                if not (40 <= len(sent) <= 400):
                    continue
                rec = {"article": line_no, "url": art.get("url"), "published": (art.get("date_extracted") or "")[:10],
                       "text": sent}
                key = "protest" if pro.search(sent) else "violence" if vio.search(sent) else "random"
                pools[key].append(rec)
    rng = random.Random(20261130)
    picked = (rng.sample(pools["violence"], min(260, len(pools["violence"])))
              + rng.sample(pools["protest"], min(100, len(pools["protest"])))
              + rng.sample(pools["random"], 40))
    rng.shuffle(picked)
    for i, rec in enumerate(picked):
        print(json.dumps({"id": f"ew{i:04d}", **rec}, ensure_ascii=False))


if __name__ == "__main__":
    main(sys.argv[1])
