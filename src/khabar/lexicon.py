"""Word frequencies from unlabelled Arabic news, used to decide ambiguous joins and clitic splits.

Built by scripts/build_lexicon.py from the non-held-out part of SaudiNewsNet and shipped as
data/lexicon.tsv.gz (see MODELS.md). Loaded once per process and shared read-only.
"""

from __future__ import annotations

import gzip
import math
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources

# Proclitics that attach before a word (the article ال stays with the base: والمرصد → و + المرصد).
PROCLITICS = ("وب", "ول", "وك", "فب", "فل", "وس", "فس", "و", "ف", "ب", "ل", "ك", "س")
# Attached pronouns (not ي: in news it is far more often the nisba ending, اليمني, than "my").
ENCLITICS = ("كما", "هما", "كم", "كن", "هم", "هن", "نا", "ها", "ه", "ك")
# A whole form that the lexicon knows is split only when its base is this many times more frequent.
SPLIT_RATIO = 10


@dataclass(frozen=True)
class Lexicon:
    counts: dict[str, int]
    total: int
    spaced: dict[str, int] = field(default_factory=dict)  # "a b" -> how often written apart, where ab is a word
    _known: dict[str, float] = field(default_factory=dict, repr=False, compare=False)  # memo of known_count
    _splits: dict[str, tuple[str, str, str]] = field(default_factory=dict, repr=False, compare=False)

    @classmethod
    def from_lines(cls, lines) -> "Lexicon":
        counts: dict[str, int] = {}
        spaced: dict[str, int] = {}
        total = 0
        for line in lines:
            if line.startswith("#"):
                for item in line.strip().split("\t")[1:]:
                    k, _, v = item.partition("=")
                    if k == "tokens":
                        total = int(v)
                continue
            w, _, c = line.rstrip("\n").partition("\t")
            if " " in w:
                spaced[w] = int(c)
            elif w:
                counts[w] = int(c)
        return cls(counts, total or sum(counts.values()), spaced)

    @classmethod
    def from_words(cls, words: dict[str, int], spaced: dict[str, int] | None = None) -> "Lexicon":
        return cls(dict(words), sum(words.values()) or 1, dict(spaced or {}))

    def spaced_count(self, a: str, b: str) -> int:
        """How often `a b` was written with a space in the corpus (recorded only where `ab` is a word)."""
        return self.spaced.get(f"{a} {b}", 0)

    def __contains__(self, word: str) -> bool:
        return word in self.counts

    def count(self, word: str) -> int:
        return self.counts.get(word, 0)

    def split_clitics(self, word: str) -> tuple[str, str, str]:
        """(proclitic, base, enclitic) as the lexicon best supports it; ('', word, '') when no split helps.

        A form the lexicon knows is split only when its base is SPLIT_RATIO times more frequent, so `وليد` stays
        whole while `والمرصد` becomes و + المرصد; `للمرصد` restores the article's alef: ل + المرصد.
        """
        memo = self._splits.get(word)
        if memo is not None:
            return memo
        memo = self._split_clitics(word)
        if len(self._splits) < 500_000:
            self._splits[word] = memo
        return memo

    def _split_clitics(self, word: str) -> tuple[str, str, str]:
        whole = self.counts.get(word, 0)
        best, best_count = ("", word, ""), 0
        for pre in ("",) + PROCLITICS:
            if pre and not word.startswith(pre):
                continue
            rest = word[len(pre):]
            bases = [rest]
            if pre.endswith("ل") and rest.startswith("ل"):
                bases.append("ا" + rest)  # لل = ل + ال
            for base0 in bases:
                for suf in ("",) + ENCLITICS:
                    if (not pre and not suf) or (suf and not base0.endswith(suf)):
                        continue
                    base = base0[: len(base0) - len(suf)] if suf else base0
                    if len(base) < 2:
                        continue
                    c = self.counts.get(base, 0)
                    if c > best_count:
                        best, best_count = (pre, base, suf), c
        if best_count >= 3 and best_count >= SPLIT_RATIO * whole:
            return best
        return ("", word, "")

    def known_count(self, word: str) -> float:
        """Frequency of a word, falling back to a discounted frequency of its base once proclitics are stripped."""
        c = self.counts.get(word)
        if c is not None:
            return float(c)
        memo = self._known.get(word)
        if memo is None:
            pre, base, suf = self.split_clitics(word)
            memo = self.counts.get(base, 0) * 0.05 if pre and not suf else 0.0
            if len(self._known) < 200_000:
                self._known[word] = memo
        return memo

    def cost(self, word: str) -> float:
        """Negative log-probability of a word: frequency when known, a spelling model when not."""
        f = self.known_count(word)
        if f > 0.0:  # seen, or a rare clitic form of a seen base (counted at a discount)
            return math.log(self.total / f)
        return math.log(self.total) + 3.6 * len(word)


@lru_cache(maxsize=1)
def default_lexicon() -> Lexicon:
    with resources.files("khabar.data").joinpath("lexicon.tsv.gz").open("rb") as raw:
        with gzip.open(raw, "rt", encoding="utf-8") as fh:
            return Lexicon.from_lines(fh)
