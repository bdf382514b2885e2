"""`khabar eval clean`: how well the cleaner restores obfuscated words and leaves clean text alone.

Sentences come from the held-out bucket of SaudiNewsNet (articles the lexicon was not built from). One set has
words obfuscated with every family in `khabar.obfuscate`, cycling through the families; another set is left
untouched. Figures:

- restored: share of obfuscated words whose cleaned form equals the original word (harakat removed);
- unchanged: share of untouched sentences whose cleaned text equals the sentence after plain normalisation
  (harakat and tatweel removed, except the Hijri mark هـ; presentation forms and Persian look-alike letters mapped
  to the Arabic letters they stand for). Any other change counts against it and is listed.
"""

from __future__ import annotations

import difflib
import random
import re
import unicodedata
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any

from ..chars import (HARAKAT, HARAKAT_SET, LETTERS, LOOKALIKE_CLASS, LOOKALIKES, PRESENTATION, PRESENTATION_SET,
                     TATWEEL)
from ..cleaner import clean
from ..datasets import iter_saudinewsnet, sentences_of
from ..obfuscate import FAMILIES, obfuscate_word

_STRIP = re.compile(f"[{HARAKAT}{TATWEEL}]")
_NORMALISE = re.compile(f"[{HARAKAT}]|(?<!\\d\u0647)(?<!\\d \u0647){TATWEEL}|[{PRESENTATION}{LOOKALIKE_CLASS}]")


def plain_normalise(s: str) -> str:
    """What any cleaner must do to untouched text; the baseline for the 'unchanged' figure."""
    def sub(m: re.Match) -> str:
        c = m.group()
        if c in LOOKALIKES:
            return LOOKALIKES[c]
        if c in PRESENTATION_SET:
            return "".join(x for x in unicodedata.normalize("NFKC", c) if x not in HARAKAT_SET and x != " ")
        return ""
    return _NORMALISE.sub(sub, s)
_PURE = re.compile(f"[{LETTERS}]{{3,}}")


def _arabic_share(s: str) -> float:
    letters = [c for c in s if c.isalpha()]
    return sum("\u0600" <= c <= "\u06FF" for c in letters) / len(letters) if letters else 0.0


def sample_sentences(n: int, seed: int, corpus: Path | None = None, split: str = "test") -> list[str]:
    """2n distinct held-out sentences of 8-60 words, mostly Arabic, drawn reproducibly from one split."""
    pool: list[str] = []
    seen: set[str] = set()
    for art in iter_saudinewsnet(corpus, split=split):
        for s in sentences_of(art.get("content") or ""):
            words = s.split()
            if 8 <= len(words) <= 60 and s not in seen and _arabic_share(s) > 0.9:
                seen.add(s)
                pool.append(s)
    rng = random.Random(seed)
    rng.shuffle(pool)
    return pool[: 2 * n]


def evaluate(n: int = 1000, seed: int = 13, corpus: Path | None = None, words_per_sentence: int = 2,
             split: str = "test") -> dict[str, Any]:
    sents = sample_sentences(n, seed, corpus, split)
    obf_set, clean_set = sents[:n], sents[n:]
    rng = random.Random(seed)
    per_family: dict[str, Counter] = defaultdict(Counter)
    failures: list[dict[str, str]] = []
    fam_i = 0
    for s in obf_set:
        toks = _STRIP.sub("", s).split()
        cands = [i for i, t in enumerate(toks) if _PURE.fullmatch(t)]
        rng.shuffle(cands)
        chosen: list[int] = []
        for i in cands:  # words apart from each other, as an obfuscating writer targets single words
            if len(chosen) < words_per_sentence and all(abs(i - j) > 1 for j in chosen):
                chosen.append(i)
        chosen.sort()
        obf_toks = list(toks)
        fam_of: dict[int, str] = {}
        for i in chosen:
            fam = FAMILIES[fam_i % len(FAMILIES)]
            fam_i += 1
            obf_toks[i] = obfuscate_word(toks[i], fam, rng)
            fam_of[i] = fam
        out = clean(" ".join(obf_toks)).text.split()
        ok = _restored_indexes(toks, out)
        for i, fam in fam_of.items():
            per_family[fam]["total"] += 1
            if i in ok:
                per_family[fam]["ok"] += 1
            elif len(failures) < 40:
                failures.append({"family": fam, "word": toks[i], "obfuscated": obf_toks[i],
                                 "context": " ".join(out[max(0, i - 2): i + 3])})
    changed: list[dict[str, str]] = []
    unchanged = 0
    for s in clean_set:
        got = clean(s).text
        want = plain_normalise(s)
        if got == want:
            unchanged += 1
        elif len(changed) < 40:
            changed.append(_diff(want, got))
    total = sum(c["total"] for c in per_family.values())
    ok = sum(c["ok"] for c in per_family.values())
    return {
        "task": "clean",
        "sentences_obfuscated": len(obf_set),
        "words_obfuscated": total,
        "words_restored": ok,
        "restored_rate": round(ok / total, 4) if total else None,
        "sentences_untouched": len(clean_set),
        "sentences_unchanged": unchanged,
        "unchanged_rate": round(unchanged / len(clean_set), 4) if clean_set else None,
        "per_family": {f: round(c["ok"] / c["total"], 4) for f, c in sorted(per_family.items())},
        "failures": failures,
        "false_changes": changed,
        "seed": seed,
        "split": split,
    }


def _restored_indexes(gold: list[str], out: list[str]) -> set[int]:
    if len(gold) == len(out):
        return {i for i, (g, o) in enumerate(zip(gold, out)) if g == o}
    sm = difflib.SequenceMatcher(a=gold, b=out, autojunk=False)
    ok: set[int] = set()
    for tag, a0, a1, _, _ in sm.get_opcodes():
        if tag == "equal":
            ok.update(range(a0, a1))
    return ok


def _diff(want: str, got: str) -> dict[str, str]:
    sm = difflib.SequenceMatcher(a=want, b=got, autojunk=False)
    for tag, a0, a1, b0, b1 in sm.get_opcodes():
        if tag != "equal":
            return {"expected": want[max(0, a0 - 20): a1 + 20], "got": got[max(0, b0 - 20): b1 + 20]}
    return {"expected": want, "got": got}
