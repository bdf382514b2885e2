"""Reproduce the sentence selection of the events development set (SaudiNewsNet **dev** split only).

Usage:
  cd /work/main && .venv/bin/python evaluation_data/events_dev/select_sentences.py /tmp/dev_articles.jsonl > sentences.jsonl
where /tmp/dev_articles.jsonl is the dev split dumped with
  KHABAR_SHARED_DATA=/work/shared/data .venv/bin/python -c "from khabar.datasets import iter_saudinewsnet; import json; [print(json.dumps(a, ensure_ascii=False)) for a in iter_saudinewsnet(split='dev')]"

Like the PLOVER gold standard, most sentences are picked because they contain a word of violence or protest,
so the set is rich in hard negatives (threats, condemnations, plans, sport); a tenth are random sentences of
news articles. The keyword list was written from general Arabic news vocabulary before any sentence was read.
The draw is seeded, so the output is the same on every run.
"""
from __future__ import annotations

import json
import random
import re
import sys

from khabar.segment import sentence_spans

VIOLENCE = ["قتل", "مقتل", "قتلى", "اغتيال", "اغتال", "هجوم", "هاجم", "تفجير", "انفجار", "فجر", "عبوة", "انتحاري",
            "غارة", "غارات", "قصف", "استهدف", "اشتباك", "اشتباكات", "معارك", "اختطاف", "خطف", "اختطف", "تعذيب",
            "أعدم", "إعدام", "ذبح", "جرحى", "إصابة", "أصيب", "مجزرة", "قذيفة", "قذائف", "صاروخ", "صواريخ",
            "رصاص", "طعن", "اعتداء", "اقتحم", "اقتحام", "دمر", "تدمير", "أحرق", "حرق", "كمين", "مسلحين", "مسلحون"]
PROTEST = ["تظاهر", "تظاهرة", "تظاهرات", "مظاهرة", "مظاهرات", "متظاهرين", "متظاهرون", "احتجاج", "احتجاجات",
           "محتجين", "محتجون", "اعتصام", "اعتصم", "إضراب", "أضرب", "مسيرة", "مسيرات", "وقفة احتجاجية",
           "شغب", "عصيان", "مقاطعة", "تجمع", "هتف", "هتافات"]
AR = "\u0600-\u06FF"


def pattern(words: list[str]) -> re.Pattern[str]:
    alts = "|".join(sorted(map(re.escape, words), key=len, reverse=True))
    return re.compile(r"(?:^|[^" + AR + r"])(?:[وف])?(?:[بلك])?(?:ال)?(?:" + alts + r")")


def pools(path: str) -> dict[str, list[dict]]:
    """Every sentence of 40–400 characters in the articles of `path`, by pool: protest words, else violence
    words, else random (batch 2 draws from the same pools)."""
    vio, pro = pattern(VIOLENCE), pattern(PROTEST)
    out: dict[str, list[dict]] = {"violence": [], "protest": [], "random": []}
    with open(path, encoding="utf-8") as f:
        for line_no, line in enumerate(f):
            art = json.loads(line)
            text = art.get("content") or ""
            for s, e in sentence_spans(text):
                sent = text[s:e].strip()
                if not (40 <= len(sent) <= 400):
                    continue
                rec = {"article": line_no, "url": art.get("url"), "published": (art.get("date_extracted") or "")[:10],
                       "text": sent}
                key = "protest" if pro.search(sent) else "violence" if vio.search(sent) else "random"
                out[key].append(rec)
    return out


def draw(found: dict[str, list[dict]], seed: int, sizes: dict[str, int], prefix: str) -> None:
    rng = random.Random(seed)
    picked = [r for key in ("violence", "protest", "random")
              for r in rng.sample(found[key], min(sizes[key], len(found[key])))]
    rng.shuffle(picked)
    for i, rec in enumerate(picked):
        print(json.dumps({"id": f"{prefix}{i:04d}", **rec}, ensure_ascii=False))


def main(path: str) -> None:
    draw(pools(path), 20261129, {"violence": 330, "protest": 170, "random": 60}, "ev")


if __name__ == "__main__":
    main(sys.argv[1])
