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
import os
import sys

_spec = importlib.util.spec_from_file_location(
    "events_dev1", os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "events_dev", "select_sentences.py"))
batch1 = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(batch1)  # type: ignore[union-attr]


def main(path: str) -> None:
    batch1.draw(batch1.pools(path), 20261130, {"violence": 260, "protest": 100, "random": 40}, "ew")


if __name__ == "__main__":
    main(sys.argv[1])
